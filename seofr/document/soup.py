"""Beautiful Soup, extended to record source positions: every private bs4 hook seofr uses.

bs4 records where each tag starts (``Tag.sourceline``/``sourcepos``, public)
but not where its text comes from, nor how long a start tag is. seofr gets both
by overriding parts of bs4's ``html.parser`` glue that bs4 does not document as
an extension point. This module is the only one that touches them;
:mod:`seofr.document.html` uses public bs4 API plus :func:`positioned_soup` and
:class:`Positions`.

Supported versions: :data:`SUPPORTED_BS4`, beautifulsoup4 ``>=4.14.3,<5``.
4.14.3 is the first release whose ``HTMLParserTreeBuilder.feed`` takes
``_parser_class``; 4.13.0 to 4.14.2 lack it. :func:`verify_bs4` checks the
installed version and every hook below once per process, when this module is
imported (:mod:`seofr.document.html` is imported on the first HTML document,
outside the parsers' error wrapping, so the error reaches the caller as it is).
It raises :class:`UnsupportedBs4Error` (a :class:`SeofrError`, which the CLI
prints as one line) naming the first hook that is missing or changed, rather
than letting positions come out silently wrong.

The hooks (``P`` = ``BeautifulSoupHTMLParser``, ``B`` = ``HTMLParserTreeBuilder``,
``S`` = ``BeautifulSoup``):

* ``bs4.builder._htmlparser``, a private module: ``P`` and ``B`` are imported
  from it and subclassed.
* ``B.feed(markup, _parser_class)``: the only way to choose the parser class
  (bs4 documents the parameter as meant for its tests).
* ``P.__init__(soup, ...)``: the soup comes first; the parser reads
  ``positions`` from it.
* ``P.handle_starttag(tag, attrs, handle_empty_element)`` (bs4's third
  parameter): overridden to record the length of each start tag.
* ``P.handle_endtag(tag, check_already_closed)``: overridden to skip bs4's
  linear search of ``already_closed_empty_element`` for elements that cannot
  be void, calling ``S.handle_endtag(tag)`` as bs4 then does
  (``TreeBuilder.can_be_empty_element`` tells which).
* ``P.handle_data``, ``P.handle_charref``, ``P.handle_entityref``: bs4 turns
  character and entity references into text by calling ``self.handle_data``
  (undocumented); the override maps that text to the whole reference.
* ``P.handle_comment``: bs4 calls ``S.endData()``, gives the comment's text,
  then ``S.endData(Comment)``; the override records the comment's range.
* ``P._document_might_be_xml(processing_instruction)``, private: silenced, every
  input is read as HTML (no ``XMLParsedAsHTMLWarning`` for XHTML).
* ``S.endData(containerClass)``, private: where bs4 creates each string from
  ``S.current_data``; the override reads ``S._most_recent_element`` to attach
  the recorded chunks to the new string.
* ``S._markup_is_url(markup)`` and ``S._markup_resembles_filename(markup)``,
  private class methods: silenced (no ``MarkupResemblesLocatorWarning`` for a
  short document).
* From Python's ``html.parser`` (not bs4): ``parse_marked_section`` and
  ``parse_bogus_comment`` (private), ``lineno``/``offset``, ``getpos``,
  ``get_starttag_text``.

Beyond names and signatures, :func:`verify_bs4` parses a small sample and
compares the recorded positions with known ones, so a change of behaviour
behind an unchanged name (a reference no longer routed through
``handle_data``, a comment no longer ending the pending text) fails as loudly.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from typing import Any, NamedTuple

import bs4
from bs4 import BeautifulSoup
from bs4.element import NavigableString, Tag

from seofr.document.model import SourceMap, Span
from seofr.errors import SeofrError

__all__ = [
    "SUPPORTED_BS4",
    "Chunk",
    "Positions",
    "UnsupportedBs4Error",
    "positioned_soup",
    "verify_bs4",
]

#: The beautifulsoup4 versions whose private hooks this module is known to
#: fit, as written in ``pyproject.toml``'s dependency.
SUPPORTED_BS4 = (">=4.14.3", "<5")
_LOWEST = (4, 14, 3)
_ABOVE = (5,)
_SUPPORTED_TEXT = f"seofr supports beautifulsoup4 {','.join(SUPPORTED_BS4)}"


class UnsupportedBs4Error(SeofrError):
    """The installed bs4 lacks, or changed, a hook seofr's HTML parser relies on."""


def _installed_version() -> str:
    return str(getattr(bs4, "__version__", "unknown"))


def _unsupported(problem: str) -> UnsupportedBs4Error:
    return UnsupportedBs4Error(f"bs4 {_installed_version()}: {problem}; {_SUPPORTED_TEXT}")


try:
    from bs4.builder._htmlparser import BeautifulSoupHTMLParser, HTMLParserTreeBuilder
except ImportError as error:  # pragma: no cover - only with an unsupported bs4
    raise _unsupported(
        "hook bs4.builder._htmlparser.BeautifulSoupHTMLParser/HTMLParserTreeBuilder missing"
    ) from error


# --- Source positions ---------------------------------------------------------


class Chunk(NamedTuple):
    """A run of parsed text and the source range it was read from."""

    start: int
    source_length: int
    length: int


class Positions:
    """Source positions html.parser reports while bs4 builds its tree."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.map = SourceMap(source)
        #: Chunks of the text bs4 is gathering into its next string.
        self.pending: list[Chunk] = []
        #: The chunks of each string of the tree, by ``id`` of the string.
        self.strings: dict[int, tuple[Chunk, ...]] = {}
        #: The length of each start tag, by offset of its ``<``.
        self.start_tags: dict[int, int] = {}

    def tag_start(self, tag: Tag) -> int:
        """The offset of the ``<`` of a tag's start tag."""
        if tag.sourceline is None or tag.sourcepos is None:
            return 0
        return self.map.offset(tag.sourceline, tag.sourcepos)

    def tag_span(self, tag: Tag) -> Span:
        """The span of a tag's start tag, ``<`` to ``>``."""
        start = self.tag_start(tag)
        return self.map.span(start, start + self.start_tags.get(start, 0))


def positioned_soup(text: str) -> tuple[BeautifulSoup, Positions]:
    """Parse ``text`` with ``html.parser``, recording the source range of every string.

    Chunks of each string are in ``positions.strings[id(string)]``; start tag
    lengths in ``positions.start_tags``. Raises
    :class:`bs4.exceptions.ParserRejectedMarkup` as bs4 does.
    """
    return _parse(text)


def _parse(text: str) -> tuple[BeautifulSoup, Positions]:
    positions = Positions(text)
    return _PositionedSoup(text, positions), positions


class _PositionedParser(BeautifulSoupHTMLParser):
    """bs4's html.parser glue, also recording where each text chunk comes from."""

    def __init__(self, soup: BeautifulSoup, *args: Any, **kwargs: Any) -> None:
        super().__init__(soup, *args, **kwargs)
        if not isinstance(soup, _PositionedSoup):
            raise TypeError("_PositionedParser needs a _PositionedSoup")
        self._positions = soup.positions
        # The source range of the reference being converted, while bs4 turns
        # it into text through handle_data.
        self._reference: tuple[int, int] | None = None

    def _here(self) -> int:
        """The source offset html.parser is at (where the current construct starts)."""
        line, column = self.getpos()
        return self._positions.map.offset(line, column)

    def _convert_reference(self, convert: Callable[[str], None], name: str, length: int) -> None:
        """Call ``convert(name)`` (bs4's), mapping the text it makes to the reference here.

        The reference is ``length`` characters long, and a ``;`` if one follows.
        """
        start = self._here()
        end = start + length
        if self._positions.source.startswith(";", end):
            end += 1
        self._reference = (start, end - start)
        try:
            convert(name)
        finally:
            self._reference = None

    def handle_starttag(
        self,
        tag: str,
        attrs: list[tuple[str, str | None]],
        handle_empty_element: bool = True,
    ) -> None:
        """Remember the length of the start tag (bs4 only keeps where it starts)."""
        text = self.get_starttag_text()
        if text is not None:
            self._positions.start_tags[self._here()] = len(text)
        super().handle_starttag(tag, attrs, handle_empty_element)

    def handle_endtag(self, tag: str, check_already_closed: bool = True) -> None:
        """Close a tag, in constant time for elements that cannot be void."""
        # bs4 first looks the name up in already_closed_empty_element, a list
        # gaining an entry per <img>, <br>… of the document: a linear search per
        # end tag. Only void elements are ever in it, so skip it for the others
        # (bs4's own code then does exactly this call).
        if not self.soup.builder.can_be_empty_element(tag):
            self.soup.handle_endtag(tag)
            return
        super().handle_endtag(tag, check_already_closed)

    def handle_data(self, data: str) -> None:
        """Record a chunk of text: verbatim source, or the text of a reference."""
        if data:
            if self._reference is None:
                chunk = Chunk(self._here(), len(data), len(data))
            else:
                chunk = Chunk(*self._reference, len(data))
            self._positions.pending.append(chunk)
        super().handle_data(data)

    def handle_charref(self, name: str) -> None:
        """Map the character bs4 makes of ``&#…;`` to the whole reference."""
        self._convert_reference(super().handle_charref, name, len("&#") + len(name))

    def handle_entityref(self, name: str) -> None:
        """Map the text bs4 makes of ``&name;`` to the whole reference."""
        self._convert_reference(super().handle_entityref, name, len("&") + len(name))

    def handle_comment(self, data: str) -> None:
        """Give the comment string the range of the whole ``<!--…-->``."""
        # bs4 ends the pending text string first; do it before recording the
        # comment's chunk so that chunk is not given to that string.
        self.soup.endData()
        start = self._here()
        source = self._positions.source
        opening = 4 if source.startswith("<!--", start) else 2  # "<!", "</" (bogus)
        close = source.find(">", start + opening + len(data))
        end = close + 1 if close >= 0 else len(source)
        self._positions.pending.append(Chunk(start, end - start, len(data)))
        super().handle_comment(data)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """Read ``<![`` + unknown keyword as a bogus comment, as browsers do."""
        # Private html.parser hook: it raises AssertionError there, and bs4
        # would then reject the whole document.
        line, column = self.getpos()
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            # html.parser moved its position before raising.
            self.lineno, self.offset = line, column
            return self.parse_bogus_comment(i, report)

    def _document_might_be_xml(self, processing_instruction: str) -> None:
        """Do not look for XML: every input is read as HTML on purpose."""
        # Private bs4 hook: an <?xml?> declaration (XHTML) would otherwise make
        # bs4 emit XMLParsedAsHTMLWarning.


class _PositionedTreeBuilder(HTMLParserTreeBuilder):
    """The ``html.parser`` tree builder, with the position-recording parser."""

    def feed(
        self,
        markup: str | bytes,
        _parser_class: type[BeautifulSoupHTMLParser] = _PositionedParser,
    ) -> None:
        """Parse ``markup`` with :class:`_PositionedParser`."""
        # bs4 documents _parser_class as meant for its tests; it is the only
        # way to choose the parser class.
        super().feed(markup, _parser_class)


class _PositionedSoup(BeautifulSoup):
    """A soup that gives each string it creates the chunks it was made of."""

    def __init__(self, markup: str, positions: Positions) -> None:
        # Set before parsing starts: parsing calls endData.
        self.positions = positions
        # No multi-valued attributes: every attribute value is a plain string.
        super().__init__(markup, builder=_PositionedTreeBuilder(multi_valued_attributes={}))

    # Private bs4 hook, hence its names: strings are only created there, from
    # the text gathered since the last tag.
    def endData(self, containerClass: type[NavigableString] | None = None) -> None:  # noqa: N802, N803
        """Create the pending string (bs4) and attach its chunks to it."""
        if not self.current_data:
            super().endData(containerClass)
            return
        # A tuple, not the list: tuples of numbers leave the garbage
        # collector's watch, and there is one per string of the document.
        chunks = tuple(self.positions.pending)
        self.positions.pending.clear()
        previous = self._most_recent_element
        super().endData(containerClass)
        string = self._most_recent_element
        if string is not previous and isinstance(string, NavigableString) and chunks:
            self.positions.strings[id(string)] = chunks

    @classmethod
    def _markup_is_url(cls, markup: str | bytes) -> bool:
        """Never warn that the markup looks like a URL: it is a document's text."""
        # Private bs4 hook: it emits MarkupResemblesLocatorWarning otherwise.
        return False

    @classmethod
    def _markup_resembles_filename(cls, markup: str | bytes) -> bool:
        """Never warn that the markup looks like a file name: it is a document's text."""
        # Private bs4 hook: it emits MarkupResemblesLocatorWarning otherwise.
        return False


# --- Verification -------------------------------------------------------------


class _Hook(NamedTuple):
    """A method seofr overrides or calls, and the positional parameters it passes."""

    owner: type[Any]
    name: str
    #: The positional parameters after ``self``/``cls``; ``None`` where any name
    #: will do (the argument is passed by position).
    parameters: tuple[str | None, ...]
    #: Whether bs4 itself must define it (not only Python's html.parser).
    from_bs4: bool = True


_HOOKS = (
    _Hook(HTMLParserTreeBuilder, "feed", (None, "_parser_class")),
    _Hook(HTMLParserTreeBuilder, "can_be_empty_element", (None,)),
    _Hook(BeautifulSoupHTMLParser, "__init__", (None,)),
    _Hook(BeautifulSoupHTMLParser, "handle_starttag", (None, None, None)),
    _Hook(BeautifulSoupHTMLParser, "handle_endtag", (None, None)),
    _Hook(BeautifulSoupHTMLParser, "handle_data", (None,)),
    _Hook(BeautifulSoupHTMLParser, "handle_charref", (None,)),
    _Hook(BeautifulSoupHTMLParser, "handle_entityref", (None,)),
    _Hook(BeautifulSoupHTMLParser, "handle_comment", (None,)),
    _Hook(BeautifulSoupHTMLParser, "_document_might_be_xml", (None,)),
    _Hook(BeautifulSoupHTMLParser, "parse_marked_section", (None, None), from_bs4=False),
    _Hook(BeautifulSoupHTMLParser, "parse_bogus_comment", (None, None), from_bs4=False),
    _Hook(BeautifulSoupHTMLParser, "getpos", (), from_bs4=False),
    _Hook(BeautifulSoupHTMLParser, "get_starttag_text", (), from_bs4=False),
    _Hook(BeautifulSoup, "endData", (None,)),
    _Hook(BeautifulSoup, "handle_endtag", (None,)),
    _Hook(BeautifulSoup, "_markup_is_url", (None,)),
    _Hook(BeautifulSoup, "_markup_resembles_filename", (None,)),
)
#: Instance attributes read or relied on, as bs4 declares them on its classes.
_ATTRIBUTES = (
    (BeautifulSoup, "current_data"),
    (BeautifulSoup, "_most_recent_element"),
    (BeautifulSoupHTMLParser, "soup"),
    (BeautifulSoupHTMLParser, "already_closed_empty_element"),
)

# A sample whose positions are known: a start tag, text, a named entity, a
# character reference, a comment, an end tag.
_SAMPLE = '<p id="é">à&amp;&#233;b<!--c--></p>'
_SAMPLE_CHUNKS = (
    (Chunk(10, 1, 1), Chunk(11, 5, 1), Chunk(16, 6, 1), Chunk(22, 1, 1)),
    (Chunk(23, 8, 1),),
)


def verify_bs4() -> None:
    """Check that the installed bs4 has every hook :mod:`seofr.document.soup` relies on.

    Checks the version against :data:`SUPPORTED_BS4`, that each hook is still
    defined by bs4 with the parameters seofr passes, and that a sample parses to
    known positions. Raises :class:`UnsupportedBs4Error` naming the first
    problem. Called once per process, when this module is imported.
    """
    version = _installed_version()
    numbers = tuple(int(part) for part in re.findall(r"\d+", version)[:3])
    if not numbers or not _LOWEST <= numbers < _ABOVE:
        raise _unsupported("version out of range")
    for hook in _HOOKS:
        _check_hook(hook)
    for owner, name in _ATTRIBUTES:
        if not any(name in vars(cls).get("__annotations__", {}) for cls in owner.__mro__):
            raise _unsupported(f"hook {owner.__name__}.{name} missing")
    _check_sample()


def _check_hook(hook: _Hook) -> None:
    label = f"{hook.owner.__name__}.{hook.name}"
    definer = next((cls for cls in hook.owner.__mro__ if hook.name in vars(cls)), None)
    if definer is None or (hook.from_bs4 and not definer.__module__.startswith("bs4")):
        raise _unsupported(f"hook {label} missing")
    method = getattr(hook.owner, hook.name)
    try:
        signature = inspect.signature(method)
    except (TypeError, ValueError) as error:
        raise _unsupported(f"hook {label} is no longer a method") from error
    parameters = list(signature.parameters.values())
    if not inspect.ismethod(method):  # a function: drop self
        parameters = parameters[1:]
    positional = [
        p.name
        for p in parameters
        if p.kind in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    ]
    variadic = any(p.kind is inspect.Parameter.VAR_POSITIONAL for p in parameters)
    expected = hook.parameters
    fits = len(positional) >= len(expected) or variadic
    fits = fits and all(
        want is None or (index < len(positional) and positional[index] == want)
        for index, want in enumerate(expected)
    )
    if not fits:
        shape = ", ".join(want or "_" for want in expected)
        raise _unsupported(f"hook {label}({shape}) missing (found {label}{signature})")


def _check_sample() -> None:
    soup, positions = _parse(_SAMPLE)
    try:
        found = tuple(
            positions.strings.get(id(string), ())
            for string in soup.descendants
            if isinstance(string, NavigableString)
        )
        tag = soup.find("p")
        start_tag = positions.tag_span(tag) if isinstance(tag, Tag) else None
    finally:
        soup.decompose()
    if found != _SAMPLE_CHUNKS or start_tag is None or start_tag.end != _SAMPLE.index(">") + 1:
        raise _unsupported(f"hooks give other source positions than expected ({found})")


# Once per process: a failed import is not cached, so every attempt says it again.
verify_bs4()
