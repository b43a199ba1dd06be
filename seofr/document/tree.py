"""Read HTML into a light tree that knows the source range of everything in it.

Python's :class:`html.parser.HTMLParser` tokenizes the page; this module builds
the tree from its events, as Beautiful Soup's ``html.parser`` builder does
(seofr read pages with it before, and every document must stay the same), and
records where each piece comes from:

* an end tag closes every element opened after the most recent open element
  of its name, and is ignored when none is open; ``<p>a<div>b</p>`` gives a
  ``<p>`` holding ``a`` and the ``<div>``;
* void elements (:data:`VOID`: ``br``, ``img``…) are closed at once; a later
  ``</br>`` is swallowed by the ``<br>`` it matches, without ending the text
  around it, and ``<x/>`` is an empty element whatever ``x`` is;
* text is gathered until the next tag, comment or declaration, then becomes
  one :class:`Text`; a string of ASCII white space only is one ``"\\n"`` (if it
  holds a line break) or ``" "``, except inside ``<pre>`` and ``<textarea>``;
* character references become their character, with the HTML standard's
  windows-1252 reading of ``&#128;``…``&#159;`` and U+FFFD for ``&#0;``, the
  surrogates and numbers beyond Unicode; an unknown entity stays ``&name``;
* comments are :class:`Comment` strings; doctypes, CDATA sections, processing
  instructions (``<?xml?>``) and other declarations (``<![if !IE]>``) are
  :class:`Markup` strings, which no text comes from; a marked section with an
  unknown keyword (``<![foo[``) is read as a bogus comment, as browsers do;
* every string keeps the :class:`Chunk` s it was made of: each run of source
  text, and each reference mapped to the whole ``&…;``; each element keeps the
  range of its start tag.

The tree is kept flat, as the list of events a walk of it gives
(:attr:`Page.events`), which is also the order the parser made them in.

Two undocumented methods of html.parser are overridden: ``updatepos``, which
html.parser calls with the buffer offset of each construct before reading the
next (it counts lines there; offsets are all this module needs), and
``parse_marked_section``, which rejects the whole page on ``<![`` with an
unknown keyword. Once per process, when this module is imported,
:func:`verify_parser` reads a sample whose offsets are known, and raises
:class:`UnsupportedParserError` if this Python's html.parser gives others,
rather than letting every position come out wrong.
"""

from __future__ import annotations

import platform
import re
from html.entities import html5
from html.parser import HTMLParser
from typing import NamedTuple

from seofr.errors import SeofrError

__all__ = [
    "VOID",
    "Chunk",
    "Comment",
    "Element",
    "Markup",
    "Node",
    "Page",
    "String",
    "Text",
    "UnsupportedParserError",
    "read_html",
    "verify_parser",
]

#: Elements that are closed as soon as they are opened.
VOID = frozenset(
    {
        "area",
        "base",
        "basefont",
        "bgsound",
        "br",
        "col",
        "command",
        "embed",
        "frame",
        "hr",
        "image",
        "img",
        "input",
        "isindex",
        "keygen",
        "link",
        "menuitem",
        "meta",
        "nextid",
        "param",
        "source",
        "spacer",
        "track",
        "wbr",
    }
)
# Elements whose white-space-only strings are kept as they are.
_PRESERVE = frozenset({"pre", "textarea"})
# HTML's white space, the only characters a collapsed string may hold.
_ASCII_SPACE = " \n\t\x0c\r"


def _entities() -> dict[str, str]:
    """Named references by name without its ``;``: html.parser gives no ``;``."""
    # "amp" and "amp;" stand for the same text; the first in sorted order wins.
    entities: dict[str, str] = {}
    for name, text in sorted(html5.items()):
        entities.setdefault(name.removesuffix(";"), text)
    return entities


_ENTITIES = _entities()
_DECIMAL = re.compile("^([0-9]+)(.*)")
_HEXADECIMAL = re.compile("^([0-9a-f]+)(.*)")
_REPLACEMENT = "\ufffd"


class Chunk(NamedTuple):
    """A run of parsed text and the source range it was read from."""

    start: int
    source_length: int
    #: The length of the text: that of the source, or of a reference's characters.
    length: int


class Element:
    """An element: its name, attributes and where its start tag is."""

    __slots__ = ("attrs", "enter", "leave", "name", "parent", "previous", "start", "tag_end")

    def __init__(
        self,
        name: str,
        attrs: dict[str, str],
        parent: Element | None,
        previous: Element | None,
        *,
        start: int,
        tag_end: int,
    ) -> None:
        #: The lowercase tag name; ``"[document]"`` for the root.
        self.name = name
        #: Attribute values by lowercase name (the last of repeated ones).
        self.attrs = attrs
        self.parent = parent
        #: The element before it among its parent's children.
        self.previous = previous
        #: The offsets of the start tag's ``<`` and after its ``>``.
        self.start = start
        self.tag_end = tag_end
        #: The index of its opening and closing events in :attr:`Page.events`.
        self.enter = -1
        self.leave = -1


class String:
    """A string of the tree, and the chunks of source it was made of."""

    __slots__ = ("chunks", "parent", "text")

    def __init__(self, text: str, chunks: tuple[Chunk, ...], parent: Element) -> None:
        self.text = text
        #: Empty when the string comes from no source text.
        self.chunks = chunks
        self.parent = parent


class Text(String):
    """Text of the page (which may be the code of a ``<script>``)."""

    __slots__ = ()


class Comment(String):
    """The text of a comment, its chunk the whole ``<!--…-->``."""

    __slots__ = ()


class Markup(String):
    """A doctype, CDATA section, processing instruction or other declaration."""

    __slots__ = ()


Node = Element | String


class Page:
    """A parsed page: its elements, and the events of a walk through them."""

    __slots__ = ("elements", "events", "root", "source")

    def __init__(
        self, source: str, root: Element, events: list[tuple[Node, bool]], elements: list[Element]
    ) -> None:
        self.source = source
        #: The document, parent of the top elements; not in :attr:`events`.
        self.root = root
        #: ``(element, True)`` on entering an element, ``(element, False)`` on
        #: leaving it, ``(string, True)`` for a string, in document order.
        self.events = events
        #: Every element in document order.
        self.elements = elements

    def inside(self, element: Element) -> list[tuple[Node, bool]]:
        """The events between entering and leaving ``element``."""
        return self.events[element.enter + 1 : element.leave]


def read_html(source: str) -> Page:
    """Parse ``source`` into a :class:`Page`.

    Raises :class:`ValueError` if html.parser rejects the markup, which it is
    not known to do.
    """
    reader = _Reader(source)
    try:
        reader.feed(source)
        reader.end_of_input()
    except AssertionError as error:
        # how html.parser reports markup it cannot read
        raise ValueError(f"{type(error).__name__}: {error}") from error
    return Page(source, reader.root, reader.events, reader.elements)


def _character(name: str) -> tuple[str, str]:
    """The text of ``&#name;``, and what follows the number in ``name``."""
    base, pattern = 10, _DECIMAL
    if name.startswith(("x", "X")):
        name, base, pattern = name[1:], 16, _HEXADECIMAL
    try:
        number = int(name, base)
        rest = ""
    except ValueError:
        # Not known to happen: html.parser only reports well-formed numbers.
        match = pattern.search(name)
        if match is None:
            return "", name
        number, rest = int(match.group(1), base), match.group(2)
    if number == 0 or number > 0x10FFFF or 0xD800 <= number <= 0xDFFF:
        return _REPLACEMENT, rest
    if 0x80 <= number <= 0x9F:
        # the code of a windows-1252 character, as browsers read it (where it
        # has one)
        try:
            return bytes([number]).decode("cp1252"), rest
        except UnicodeDecodeError:
            pass
    return chr(number), rest


class _Reader(HTMLParser):
    """Builds the tree from html.parser's events."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self._source = source
        # The offset in the source of html.parser's buffer, and html.parser's
        # position in that buffer (the start of the construct it reports).
        self._base = 0
        self._at = 0
        self.root = Element("[document]", {}, None, None, start=0, tag_end=0)
        self.events: list[tuple[Node, bool]] = []
        self.elements: list[Element] = []
        self._open = [self.root]
        # The last child element of each open element, by position in _open.
        self._last_child: list[Element | None] = [None]
        self._open_count: dict[str, int] = {}
        self._preserving = 0
        self._data: list[str] = []
        self._chunks: list[Chunk] = []
        # Void elements closed at their start tag, whose end tag may follow.
        self._closed_void: dict[str, int] = {}
        # The source range of the reference whose text is being added.
        self._reference: tuple[int, int] | None = None

    # Positions ---------------------------------------------------------------

    def updatepos(self, i: int, j: int) -> int:
        """Move to buffer offset ``j`` (without counting lines: offsets suffice)."""
        self._at = j
        return j

    def end_of_input(self) -> None:
        """Read what html.parser held back, then close every open element."""
        # feed() dropped what it had read from its buffer; offsets in the
        # buffer start again at 0.
        self._base = len(self._source) - len(self.rawdata)
        self._at = 0
        self.close()
        self._end_data()
        while len(self._open) > 1:
            self._pop()

    def _here(self) -> int:
        return self._base + self._at

    # Tags ---------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open an element; close a void one at once."""
        self._open_element(tag, attrs)
        if tag in VOID:
            self._close(tag)
            self._closed_void[tag] = self._closed_void.get(tag, 0) + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """``<tag/>``: an empty element, whatever its name."""
        self._open_element(tag, attrs)
        self._close(tag)

    def handle_endtag(self, tag: str) -> None:
        """Close ``tag``, unless it ends a void element already closed."""
        pending = self._closed_void.get(tag) if tag in VOID else None
        if pending:
            # The end of <br>…</br>: the text on either side stays one string.
            self._closed_void[tag] = pending - 1
            return
        self._close(tag)

    def _open_element(self, name: str, attrs: list[tuple[str, str | None]]) -> None:
        self._end_data()
        start = self._here()
        text = self.get_starttag_text()
        attributes = {key: "" if value is None else value for key, value in attrs}
        parent = self._open[-1]
        element = Element(
            name,
            attributes,
            parent,
            self._last_child[-1],
            start=start,
            tag_end=start + (len(text) if text is not None else 0),
        )
        self._last_child[-1] = element
        element.enter = len(self.events)
        self.events.append((element, True))
        self.elements.append(element)
        self._open.append(element)
        self._last_child.append(None)
        self._open_count[name] = self._open_count.get(name, 0) + 1
        if name in _PRESERVE:
            self._preserving += 1

    def _close(self, name: str) -> None:
        """Close the most recent open ``name`` and what was opened after it."""
        self._end_data()
        if not self._open_count.get(name):
            return
        while self._pop().name != name:
            pass

    def _pop(self) -> Element:
        element = self._open.pop()
        self._last_child.pop()
        element.leave = len(self.events)
        self.events.append((element, False))
        self._open_count[element.name] -= 1
        if element.name in _PRESERVE:
            self._preserving -= 1
        return element

    # Text ---------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        """Add a run of text: verbatim source, or the text of a reference."""
        if data:
            if self._reference is None:
                self._chunks.append(Chunk(self._here(), len(data), len(data)))
            else:
                start, length = self._reference
                self._chunks.append(Chunk(start, length, len(data)))
        self._data.append(data)

    def _add_reference(self, length: int, *texts: str) -> None:
        """Add the text of the reference here, ``length`` long without its ``;``."""
        start = self._here()
        end = start + length
        if self._source.startswith(";", end):
            end += 1
        self._reference = (start, end - start)
        try:
            for text in texts:
                self.handle_data(text)
        finally:
            self._reference = None

    def handle_charref(self, name: str) -> None:
        """``&#…;``: its character (and, not known to happen, text after the number)."""
        self._add_reference(len("&#") + len(name), *_character(name))

    def handle_entityref(self, name: str) -> None:
        """``&name;``: its characters, or ``&name`` for an unknown name."""
        text = _ENTITIES.get(name)
        self._add_reference(len("&") + len(name), f"&{name}" if text is None else text)

    def _end_data(self, kind: type[String] = Text) -> None:
        """Make a string of the text gathered since the last tag or string."""
        data = self._data
        if not data:
            return
        text = data[0] if len(data) == 1 else "".join(data)
        data.clear()
        if not self._preserving and not text.strip(_ASCII_SPACE):
            text = "\n" if "\n" in text else " "
        chunks = tuple(self._chunks)
        self._chunks.clear()
        self.events.append((kind(text, chunks, self._open[-1]), True))

    def _add_string(self, kind: type[String], text: str, chunk: Chunk | None = None) -> None:
        """Add a string of its own, between the text before and after it."""
        self._end_data()
        self._data.append(text)
        if chunk is not None:
            self._chunks.append(chunk)
        self._end_data(kind)

    def handle_comment(self, data: str) -> None:
        """A comment, whose chunk is the whole ``<!--…-->`` (or bogus ``<!…>``)."""
        start = self._here()
        source = self._source
        opening = 4 if source.startswith("<!--", start) else 2  # "<!", "</" (bogus)
        close = source.find(">", start + opening + len(data))
        end = close + 1 if close >= 0 else len(source)
        self._add_string(Comment, data, Chunk(start, end - start, len(data)))

    def handle_decl(self, decl: str) -> None:
        """A doctype."""
        self._add_string(Markup, decl[len("DOCTYPE ") :])

    def unknown_decl(self, data: str) -> None:
        """A CDATA section or another marked section (``<![if !IE]>``)."""
        is_cdata = data.upper().startswith("CDATA[")
        self._add_string(Markup, data[len("CDATA[") :] if is_cdata else data)

    def handle_pi(self, data: str) -> None:
        """A processing instruction (``<?xml …?>``)."""
        self._add_string(Markup, data)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """Read ``<![`` + unknown keyword as a bogus comment, as browsers do."""
        # html.parser raises AssertionError there, rejecting the whole page;
        # it may have moved its position first.
        at = self._at
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self._at = at
            return self.parse_bogus_comment(i, report)


# --- Verification ---------------------------------------------------------------


class UnsupportedParserError(SeofrError):
    """This Python's html.parser reports other positions than seofr relies on."""


# A sample whose positions are known: a start tag, text, a named entity, a
# character reference, a comment, an end tag, and text html.parser holds back
# until the end of the input.
_SAMPLE = '<p id="é">à&amp;&#233;b<!--c--></p>x<b'
_SAMPLE_CHUNKS = (
    (Chunk(10, 1, 1), Chunk(11, 5, 1), Chunk(16, 6, 1), Chunk(22, 1, 1)),
    (Chunk(23, 8, 1),),
    (Chunk(35, 1, 1), Chunk(36, 1, 1), Chunk(37, 1, 1)),
)


def verify_parser() -> None:
    """Check that html.parser reports the positions this module relies on.

    Raises :class:`UnsupportedParserError` otherwise. Called once per process,
    when this module is imported.
    """
    page = read_html(_SAMPLE)
    found = tuple(node.chunks for node, _ in page.events if isinstance(node, String))
    tags = [(element.start, element.tag_end) for element in page.elements]
    if found != _SAMPLE_CHUNKS or tags != [(0, _SAMPLE.index(">") + 1)]:
        raise UnsupportedParserError(
            f"the html.parser of Python {platform.python_version()} reports other source"
            f" positions than seofr relies on ({found})"
        )


verify_parser()
