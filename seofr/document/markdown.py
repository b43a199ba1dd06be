"""Reading Markdown (CommonMark with tables) and its YAML front matter.

markdown-it-py parses the body; its tokens only tell which lines a block
covers, so this module finds every character of the visible text in the
source itself:

- a block's content is markdown-it's text of its lines without the container
  markers (``>``, list indentation); each content line is matched with its
  source line, which gives a map from content to source;
- the inline tokens are then found in the content in order, forward only,
  their markup (``**``, ``[``, ``](url "title")``, backticks, HTML tags) skipped
  and escapes and entities mapped to their first character. A token that
  cannot be found maps, as a whole, to the rest of the block.

What counts as text: text, inline code and link text. Line breaks are spaces;
image alt text is not part of the paragraph (it is the image's, and the
link's text when the image is a link's content). An HTML block (``<div>…</div>``
on lines of its own) is read as an HTML page is (:mod:`seofr.document.html`):
its paragraphs, headings, list items… join the body where the block stands,
mapped to the source. Comments are never content; they land in
:attr:`Document.comments`.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any, Literal

import yaml
from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from markdown_it.token import Token

from seofr.document.builder import SPACE_CHARS, TextBuilder, collapse_space, first_h1_title
from seofr.document.model import (
    Block,
    BlockKind,
    Comment,
    Document,
    Field,
    Format,
    Heading,
    Image,
    InputNote,
    Link,
    SourceMap,
    Span,
    TitleOrigin,
)
from seofr.document.sniff import FrontMatter, front_matter_bounds
from seofr.document.static_site import FILLER, Scan, mask, resolve_url, scan

# Front-matter keys read into the document's fields.
_FRONT_FIELDS = ("title", "description", "lang", "canonical", "robots")
_SCALARS = (str, int, float, datetime.date)  # bool is an int, datetime a date
# How far past the cursor a token may still be looked for: only markup the
# reader does not skip itself lies between two tokens.
_WINDOW = 64
_LABEL_MAX = 999  # longest link label CommonMark allows
_MARKER_CHARS = " \t>*+-.)0123456789"  # what container markers are made of
_WHITE = re.compile(r"[ \t\n\r\f]*")
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


@functools.cache
def _markdown() -> MarkdownIt:
    # text_join would merge escapes and entities into the text around them,
    # hiding the markup that tells where they come from.
    return MarkdownIt("commonmark").enable("table").disable("text_join")


class _Lines:
    """The source's lines as markdown-it is fed them, with their source offsets.

    markdown-it turns every CR into a line break and NUL into U+FFFD. Feeding it
    lines without the CR of a CRLF, other CRs as spaces and NUL already replaced
    keeps its line numbers those of the source and its columns those of each
    source line.
    """

    def __init__(self, source: str) -> None:
        self.length = len(source)
        self.starts: list[int] = []
        self.fed: list[str] = []
        offset = 0
        for line in source.split("\n"):
            self.starts.append(offset)
            offset += len(line) + 1
            self.fed.append(line.removesuffix("\r").replace("\r", " ").replace("\0", "\ufffd"))

    def line(self, index: int) -> tuple[str, int]:
        """The fed text of line ``index`` (clamped) and its source offset."""
        index = min(max(index, 0), len(self.fed) - 1)
        return self.fed[index], self.starts[index]


def _align(fed: str, text: str, hint: int) -> tuple[int, int] | None:
    """Where content line ``text`` starts in source line ``fed``.

    Gives ``(column, synthetic)``: ``synthetic`` leading spaces of ``text`` that
    markdown-it made from a tab and that the source does not have. ``hint`` is
    the least column (after a heading's ``#`` markers).
    """
    column = len(fed) - len(text)
    if column >= hint and fed.endswith(text):
        return column, 0
    # markdown-it trims a block's content of Unicode white space: the last line may
    # have lost its trailing white space
    fed_end = fed.rstrip()
    end = text.rstrip()
    column = len(fed_end) - len(end)
    if column >= hint and fed_end.endswith(end) and column + len(text) <= len(fed):
        return column, 0
    found = fed.find(text, hint) if text else -1
    if found >= 0:
        return found, 0  # an ATX heading's text, before its closing ###
    inner = end.lstrip(" ")
    synthetic = len(text) - len(text.lstrip(" "))
    column = len(fed_end) - len(inner)
    if inner and synthetic and fed_end.endswith(inner) and column >= hint:
        return column, synthetic
    return None


class _ContentMap:
    """Where each character of a token's content comes from in the source.

    A list of segments ``(content start, content length, source start, source
    length)`` covering the content; a segment as long as its source maps
    character by character, any other maps each character to its source start.
    """

    def __init__(self, origin: int, limit: int) -> None:
        self._origin = origin
        self._limit = limit
        self._starts: list[int] = []
        self._segments: list[tuple[int, int, int, int]] = []

    def add(self, content_start: int, content_length: int, start: int, length: int) -> None:
        """Map ``content_length`` characters from ``content_start`` to ``source[start:][:length]``."""
        if content_length > 0:
            start = min(max(start, 0), self._limit)
            length = min(max(length, 0), self._limit - start)
            self._starts.append(content_start)
            self._segments.append((content_start, content_length, start, length))

    @classmethod
    def of_lines(
        cls, content: str, lines: _Lines, first: int, hint: int = 0, expected: int = 0
    ) -> _ContentMap:
        """The map of ``content`` whose lines are suffixes of the lines from ``first``.

        ``expected`` is the number of lines the content was made of: markdown-it
        trims a paragraph of Unicode white space, which drops whole leading lines
        (a line of no-break spaces is not blank to it).
        """
        content_lines = content.split("\n")
        missing = expected - len(content_lines)
        while (
            missing > 0
            and not lines.line(first)[0].rstrip().strip(_MARKER_CHARS)
            and _align(lines.line(first)[0], content_lines[0], hint) is None
        ):
            first, missing = first + 1, missing - 1
        cmap = cls(lines.line(first)[1], lines.length)
        offset = 0
        last = len(content_lines) - 1
        for index, text in enumerate(content_lines):
            fed, base = lines.line(first + index)
            aligned = _align(fed, text, hint if index == 0 else 0)
            if aligned is None:
                cmap.add(offset, len(text), base, len(fed))
            else:
                column, synthetic = aligned
                cmap.add(offset, synthetic, base + column, 0)
                width = len(text) - synthetic
                cmap.add(offset + synthetic, width, base + column, width)
            offset += len(text)
            if index < last:
                # the "\n" ending the content line stands for the end of the source line
                cmap.add(offset, 1, base + len(fed), 1)
                offset += 1
        return cmap

    @classmethod
    def of_cell(
        cls, content: str, lines: _Lines, line: int, column: int
    ) -> tuple[_ContentMap, int]:
        """The map of a table cell's ``content`` found in ``line`` from ``column``.

        Also gives the column after the cell, where the next cell is looked for.
        markdown-it drops the backslash of an escaped pipe ``\\|`` in a cell.
        """
        fed, base = lines.line(line)
        cmap = cls(base + column, lines.length)
        raw = content.replace("|", "\\|")
        found = fed.find(raw, column)
        if found < 0:
            cmap.add(0, len(content), base + column, len(fed) - column)
            return cmap, column
        offset, start = 0, base + found
        for index, part in enumerate(content.split("|")):
            if index:
                cmap.add(offset, 1, start, 2)
                offset, start = offset + 1, start + 2
            cmap.add(offset, len(part), start, len(part))
            offset, start = offset + len(part), start + len(part)
        return cmap, found + len(raw)

    def _index(self, offset: int) -> int:
        return max(bisect.bisect_right(self._starts, offset) - 1, 0)

    def start(self, offset: int) -> int:
        """The source offset of content character ``offset``."""
        if not self._segments:
            return self._origin
        content_start, content_length, start, length = self._segments[self._index(offset)]
        inside = offset - content_start
        if inside >= content_length:
            return start + length
        return start + inside if content_length == length and inside > 0 else start

    def end(self, offset: int) -> int:
        """The source offset just after content character ``offset - 1``."""
        if not self._segments or offset <= 0:
            return self.start(offset)
        content_start, content_length, start, length = self._segments[self._index(offset - 1)]
        inside = offset - 1 - content_start
        if content_length == length and 0 <= inside < content_length:
            return start + inside + 1
        return start + length

    def source_range(self, start: int, end: int) -> tuple[int, int]:
        """The source range of content ``[start, end)``."""
        source_start = self.start(start)
        return source_start, max(source_start, self.end(end) if end > start else source_start)

    def emit(self, builder: TextBuilder, text: str, start: int, end: int) -> None:
        """Add ``text``, read from content ``[start, end)``, to ``builder``."""
        if len(text) != end - start or not self._segments:
            source_start, source_end = self.source_range(start, end)
            builder.add(text, source_start, source_end - source_start)
            return
        index, offset = self._index(start), start
        while offset < end:
            content_start, content_length, source, length = self._segments[index]
            last = index == len(self._segments) - 1
            stop = end if last else min(end, content_start + content_length)
            part = text[offset - start : stop - start]
            if content_length == length and stop <= content_start + content_length:
                builder.add(part, source + offset - content_start, stop - offset)
            else:
                builder.add(part, source, length)
            offset, index = stop, index + 1


@dataclass(frozen=True, slots=True)
class _HtmlEvent:
    kind: Literal["start", "end", "comment", "data"]
    tag: str
    attrs: Mapping[str, str | None]
    text: str
    start: int
    end: int


class _HtmlScanner(HTMLParser):
    """Lists the tags, comments and text of an HTML fragment with their offsets."""

    def __init__(self, fragment: str) -> None:
        super().__init__(convert_charrefs=True)
        self._fragment = fragment
        self._map = SourceMap(fragment)
        self.events: list[_HtmlEvent] = []

    def _offset(self) -> int:
        return self._map.offset(*self.getpos())

    def _closing(self, start: int) -> int:
        close = self._fragment.find(">", start)
        return close + 1 if close >= 0 else len(self._fragment)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        self.events.append(_HtmlEvent("start", tag, dict(attrs), "", start, start + len(raw)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        self.events.append(_HtmlEvent("end", tag, {}, "", start, self._closing(start)))

    def handle_comment(self, data: str) -> None:
        start = self._offset()
        if not self._fragment.startswith("<!--", start):
            return  # a bogus comment such as <!x>: a declaration, not a comment
        end = self._closing(start + 4 + len(data))
        self.events.append(_HtmlEvent("comment", "", {}, data, start, end))

    def handle_data(self, data: str) -> None:
        start = self._offset()
        self.events.append(_HtmlEvent("data", "", {}, data, start, start))


def _scan_html(fragment: str) -> list[_HtmlEvent]:
    scanner = _HtmlScanner(fragment)
    try:
        scanner.feed(fragment)
        scanner.close()
    except Exception:  # html.parser asserts on some malformed declarations: keep what was read
        pass
    return scanner.events


def _skip_white(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos


def _label_end(text: str, pos: int) -> int:
    """The index of the ``]`` closing a link label that starts at ``pos``, else -1."""
    stop = min(len(text), pos + _LABEL_MAX + 1)
    while pos < stop:
        char = text[pos]
        if char == "\\":
            pos += 2
            continue
        if char == "[":
            return -1
        if char == "]":
            return pos
        pos += 1
    return -1


def _link_tail_end(text: str, pos: int) -> int:
    """The end of what follows a link's or image's ``]``: ``(dest "title")``, ``[ref]`` or nothing.

    Follows markdown-it's link rule, which has already accepted the link.
    """
    if pos < len(text) and text[pos] == "(":
        inside = _skip_white(text, pos + 1)
        destination = parseLinkDestination(text, inside, len(text))
        if destination.ok:
            after = _skip_white(text, destination.pos)
            title = parseLinkTitle(text, after, len(text)) if after > destination.pos else None
            inside = _skip_white(text, title.pos) if title is not None and title.ok else after
        if inside < len(text) and text[inside] == ")":
            return inside + 1
    if pos < len(text) and text[pos] == "[":
        close = _label_end(text, pos + 1)
        if close >= 0:
            return close + 1
    return pos


def _readable_url(url: str | int | float | None) -> str:
    """A link target as written: markdown-it percent-encodes it and punycodes its host.

    Decoding it again gives what an HTML ``href`` holds, so that the same link
    reads the same in both formats (``https://café.fr/été``).
    """
    return _markdown().normalizeLinkText(str(url or ""))


def _plain_text(tokens: Sequence[Token]) -> str:
    """The text of inline tokens, as markdown-it renders an image's alt text."""
    parts: list[str] = []
    stack = [iter(tokens)]
    while stack:
        token = next(stack[-1], None)
        if token is None:
            stack.pop()
        elif token.type in ("text", "text_special", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.type == "image" and token.children:
            stack.append(iter(token.children))
    return collapse_space("".join(parts))


@dataclass
class _OpenLink:
    href: str
    rel: tuple[str, ...]
    start: int  # content offset of the link's first markup character
    html: bool = False  # an <a> tag, which only </a> closes
    text: list[str] = field(default_factory=list)


class _Collector:
    """What the readers gather over the whole body."""

    def __init__(
        self, lines: _Lines, source_map: SourceMap, static: Scan | None = None, source: str = ""
    ) -> None:
        self.lines = lines
        self.source_map = source_map
        self.body: list[Heading | Block] = []
        self.links: list[Link] = []
        self.images: list[Image] = []
        self.comments: list[Comment] = []
        # Shortcodes and Liquid tags, masked in the lines (seofr.document.static_site)
        self.static = static
        self.source = source
        self.filled: set[int] = set()  # lines where tags were masked with FILLER
        self.consumed: set[int] = set()  # starts of the tags a link's or image's URL holds

    def url(self, url: str, start: int, end: int) -> str:
        """A link's or image's URL, read from source ``[start, end)``, its masked tags resolved."""
        if self.static is None or FILLER not in url:
            return url
        return resolve_url(url, self.source, self.static.tags, start, end, consumed=self.consumed)


def _unmask(text: str) -> str:
    """Masked tags are white space in the text."""
    return text.replace(FILLER, " ") if FILLER in text else text


class _InlineReader:
    """Finds the parts of one token's content in order, and what they make."""

    def __init__(
        self, out: _Collector, content: str, cmap: _ContentMap, builder: TextBuilder | None
    ) -> None:
        self._out = out
        self._content = content
        self._cmap = cmap
        self._builder = builder  # None where the content is not text (HTML blocks)
        self._cursor = 0
        self._limit = len(content)  # text ends here: the content, or an autolink's ">"
        # Links being read, innermost last: markdown-it lets an autolink sit in a link.
        self._links: list[_OpenLink] = []
        self._masked = out.static is not None  # shortcodes or Liquid tags were masked

    def read(self, children: Sequence[Token]) -> None:
        """Read an inline token's children."""
        for token in children:
            kind = token.type
            if kind == "text":
                self._text(token.content, token.content)
            elif kind == "text_special":
                self._text(token.content, token.markup)
            elif kind in ("softbreak", "hardbreak"):
                self._break()
            elif kind == "code_inline":
                self._code(token)
            elif kind == "link_open":
                self._link_open(token)
            elif kind == "link_close":
                self._link_close(token)
            elif kind == "image":
                self._image(token)
            elif kind == "html_inline":
                found = self._locate(token.content)
                if found is not None:
                    self.html(token.content, found)
            elif token.markup:
                found = self._locate(token.markup)  # emphasis delimiters
                if found is not None:
                    self._cursor = found + len(token.markup)
        self.finish()

    def finish(self) -> None:
        """Close the links left open (an ``<a>`` without ``</a>``) at the cursor."""
        while self._links:
            self._close_link(max(self._cursor, self._links[-1].start))

    def _locate(self, needle: str) -> int | None:
        content, cursor = self._content, self._cursor
        if content.startswith(needle, cursor):
            return cursor
        after_space = _WHITE.match(content, cursor)
        skipped = after_space.end() if after_space else cursor
        if content.startswith(needle, skipped):
            return skipped
        found = content.find(needle, cursor, skipped + len(needle) + _WINDOW)
        return found if found >= 0 else None

    def _emit(self, text: str, start: int, end: int) -> None:
        if self._masked:
            text = _unmask(text)
        if self._builder is not None:
            self._cmap.emit(self._builder, text, start, end)
        for link in self._links:
            link.text.append(text)

    def _text(self, text: str, needle: str) -> None:
        found = self._locate(needle)
        if found is None or found + len(needle) > self._limit:
            # Unaligned: map the text to the rest of the block, and keep the
            # cursor so that the next tokens may still be found.
            self._emit(text, self._cursor, max(self._cursor, self._limit))
            return
        self._emit(text, found, found + len(needle))
        self._cursor = found + len(needle)

    def _break(self) -> None:
        newline = self._content.find("\n", self._cursor)
        if newline < 0:
            self._emit(" ", self._cursor, self._cursor)
        else:
            self._emit(" ", newline, newline + 1)
            self._cursor = newline + 1

    def _code(self, token: Token) -> None:
        if self._builder is not None:
            self._builder.begin_literal()
        self._code_text(token)
        if self._builder is not None:
            self._builder.end_literal()

    def _code_text(self, token: Token) -> None:
        found = self._locate(token.markup)
        if found is not None:
            code = token.content
            # markdown-it strips one space on each side of the code and makes
            # line breaks spaces
            for start in (found + len(token.markup), found + len(token.markup) + 1):
                end = start + len(code)
                if self._content[start:end].replace("\n", " ") == code:
                    self._emit(code, start, end)
                    close = self._content.find(token.markup, end)
                    self._cursor = close + len(token.markup) if close >= 0 else end
                    return
        self._emit(token.content, self._cursor, self._limit)

    def _link_open(self, token: Token) -> None:
        autolink = token.markup == "autolink"
        found = self._locate("<" if autolink else "[")
        start = self._cursor if found is None else found
        self._open_link(_OpenLink(_readable_url(token.attrGet("href")), (), start))
        self._cursor = start if found is None else start + 1
        if autolink:
            close = self._content.find(">", self._cursor)
            self._limit = close if close >= 0 else len(self._content)

    def _link_close(self, token: Token) -> None:
        if token.markup == "autolink":
            self._limit = len(self._content)
            found = self._locate(">")
            end = self._cursor if found is None else found + 1
        else:
            found = self._locate("]")
            end = self._cursor if found is None else _link_tail_end(self._content, found + 1)
            if self._masked and self._links and found is not None:
                link = self._links[-1]
                link.href = self._out.url(link.href, *self._cmap.source_range(found, end))
        self._cursor = max(self._cursor, end)
        while self._links and self._links[-1].html:
            self._close_link(self._cursor)  # an <a> left open inside the link ends with it
        self._close_link(self._cursor)

    def _open_link(self, link: _OpenLink) -> None:
        if link.html and self._links and self._links[-1].html:
            self._close_link(link.start)  # an <a> closes the previous one, as in browsers
        self._links.append(link)

    def _close_link(self, end: int) -> None:
        if self._links:
            link = self._links.pop()
            text = collapse_space("".join(link.text))
            self._out.links.append(Link(link.href, text, self._span(link.start, end), link.rel))

    def _span(self, start: int, end: int) -> Span:
        return self._out.source_map.span(*self._cmap.source_range(start, end))

    def _image(self, token: Token) -> None:
        opening = f"![{token.content}]"
        found = self._locate(opening)
        start = end = self._cursor
        if found is not None:
            start, end = found, _link_tail_end(self._content, found + len(opening))
            self._cursor = end
        alt = _plain_text(token.children or ())
        src = _readable_url(token.attrGet("src"))
        if self._masked:
            alt = collapse_space(_unmask(alt))
            src = self._out.url(src, *self._cmap.source_range(start + len(opening), end))
        # Markdown cannot mark an image decorative: empty brackets are a missing alt.
        self._add_image(src, alt or None, None, start, end)

    def _add_image(self, src: str, alt: str | None, role: str | None, start: int, end: int) -> None:
        self._out.images.append(Image(src, alt, self._span(start, end), role))
        for link in self._links:
            link.text.append(alt or "")

    def html(self, fragment: str, offset: int) -> bool:
        """Read the links, images and comments of HTML found at content ``offset``.

        Returns whether the fragment holds content: text outside its tags and
        comments, or a heading (an empty one is worth reporting).
        """
        has_content = False
        for event in _scan_html(fragment):
            start, end = offset + event.start, offset + event.end
            if event.kind == "comment":
                span = self._span(start, end)
                text = _unmask(event.text) if self._masked else event.text
                self._out.comments.append(Comment(text.strip(SPACE_CHARS), span))
            elif event.kind == "data":
                text = event.text if self._out.static is None else _unmask(event.text)
                has_content = has_content or bool(text.strip(SPACE_CHARS))
                for link in self._links:
                    link.text.append(text)
            elif event.kind == "end":
                if event.tag == "a" and self._links and self._links[-1].html:
                    self._close_link(end)
            elif event.tag == "a" and "href" in event.attrs:
                rel = tuple((event.attrs.get("rel") or "").lower().split())
                href = (event.attrs["href"] or "").strip()
                if self._masked:
                    href = self._out.url(href, *self._cmap.source_range(start, end))
                self._open_link(_OpenLink(href, rel, start, html=True))
            elif event.tag == "img":
                alt = (event.attrs.get("alt") or "") if "alt" in event.attrs else None
                src = (event.attrs.get("src") or "").strip()
                if self._masked:
                    src = self._out.url(src, *self._cmap.source_range(start, end))
                    alt = None if alt is None else _unmask(alt)
                role = event.attrs.get("role")
                self._add_image(src, alt, role.strip().lower() if role else role, start, end)
            elif event.tag == "br":
                self._emit(" ", start, end)
            elif event.tag in _HEADING_TAGS:
                has_content = True
        self._cursor = max(self._cursor, offset + len(fragment))
        return has_content


# What a paragraph is inside each container.
_CONTAINER_KINDS = {"blockquote_open": BlockKind.QUOTE, "list_item_open": BlockKind.LIST_ITEM}


def _html_block_text(
    fragment: str, cmap: _ContentMap, source_map: SourceMap, masked: bool = False
) -> tuple[Heading | Block, ...]:
    """The headings and blocks of an HTML block, read as an HTML page is, in the source.

    The fragment goes through seofr's HTML reader; the text of each element is
    then laid out again from the fragment (the block's content) onto the
    source, as a paragraph's text is, across container markers (``>``).
    """
    # imported here: only Markdown that holds HTML text needs the HTML reader
    from seofr.document.html import html_text_builder, parse_html

    if masked:
        fragment = _unmask(fragment)  # same length: the offsets hold
    try:
        read = parse_html(fragment, page=False)
    except ValueError:  # markup the HTML parser rejects: its links were read anyway
        return ()
    elements: list[Heading | Block] = []
    for element in read.body:
        builder = html_text_builder()
        for piece in element.pieces:
            text = element.text[piece.text_start : piece.text_start + piece.length]
            cmap.emit(builder, text, piece.source_start, piece.source_start + piece.source_length)
        made: Heading | Block | None
        if isinstance(element, Heading):
            start, end = cmap.source_range(element.span.start, element.span.end)
            made = builder.heading(source_map, element.level, source_map.span(start, end))
        else:
            made = builder.block(source_map, element.kind)
        if made is not None:
            elements.append(made)
    return tuple(elements)


def _in_container(element: Heading | Block, container: str) -> Heading | Block:
    """A paragraph of an HTML block in a quotation or list item is a quote or an item."""
    if isinstance(element, Block) and element.kind is BlockKind.PARAGRAPH:
        kind = _CONTAINER_KINDS.get(container)
        if kind is not None:
            return dataclasses.replace(element, kind=kind)
    return element


class _BodyReader:
    """Walks markdown-it's flat token stream (no recursion, however deep the nesting)."""

    def __init__(self, out: _Collector, first_line: int) -> None:
        self._out = out
        self._first_line = first_line  # source line of the body's first line
        self._row = (-1, 0)  # table row being read: source line, column after the last cell

    def read(self, tokens: Sequence[Token]) -> None:
        """Read the whole body."""
        containers: list[str] = []
        for index, token in enumerate(tokens):
            kind = token.type
            if kind in ("blockquote_open", "list_item_open"):
                containers.append(kind)
            elif kind in ("blockquote_close", "list_item_close"):
                if containers:
                    containers.pop()
            elif token.map is None:
                continue
            elif kind == "inline" and index:
                self._inline(token, tokens[index - 1], containers[-1] if containers else "")
            elif kind in ("fence", "code_block"):
                first = self._first_line + token.map[0] + (kind == "fence")
                cmap = _ContentMap.of_lines(token.content, self._out.lines, first)
                builder = TextBuilder()
                content = token.content if self._out.static is None else _unmask(token.content)
                cmap.emit(builder, content, 0, len(content))
                self._add(builder.block(self._out.source_map, BlockKind.CODE))
            elif kind == "html_block":
                first = self._first_line + token.map[0]
                cmap = _ContentMap.of_lines(token.content, self._out.lines, first)
                reader = _InlineReader(self._out, token.content, cmap, None)
                has_content = reader.html(token.content, 0)
                reader.finish()
                if has_content:
                    container = containers[-1] if containers else ""
                    masked = self._out.static is not None
                    for element in _html_block_text(
                        token.content, cmap, self._out.source_map, masked
                    ):
                        self._add(_in_container(element, container))

    def _add(self, element: Heading | Block | None) -> None:
        if element is not None:
            self._out.body.append(element)

    def _inline(self, token: Token, opener: Token, container: str) -> None:
        assert token.map is not None  # checked by read()
        lines, source_map = self._out.lines, self._out.source_map
        first = self._first_line + token.map[0]
        content = token.content
        builder = TextBuilder()
        if opener.type in ("th_open", "td_open"):
            if not content:
                return
            column = self._row[1] if self._row[0] == first else 0
            cmap, column = _ContentMap.of_cell(content, lines, first, column)
            self._row = (first, column)
        elif opener.type == "heading_open" and opener.markup.startswith("#"):
            fed = lines.line(first)[0]
            hint = fed.find("#")
            while 0 <= hint < len(fed) and fed[hint] == "#":
                hint += 1
            cmap = _ContentMap.of_lines(content, lines, first, max(hint, 0))
        else:
            # a paragraph's lines, or a setext heading's (its map leaves out the underline)
            expected = token.map[1] - token.map[0]
            cmap = _ContentMap.of_lines(content, lines, first, expected=expected)
        _InlineReader(self._out, content, cmap, builder).read(token.children or ())
        if opener.type == "heading_open":
            if builder.empty and self._out.filled.intersection(
                range(first, self._first_line + token.map[1] + 1)
            ):
                return  # a heading of masked tags only: the generator fills it
            fed, base = lines.line(first)
            indent = len(fed) - len(fed.lstrip())
            empty = source_map.span(base + indent, base + len(fed.rstrip()))
            self._add(builder.heading(source_map, int(opener.tag[1:] or 1), empty))
        elif opener.type in ("th_open", "td_open"):
            self._add(builder.block(source_map, BlockKind.TABLE_CELL))
        elif opener.type == "paragraph_open":
            kind = _CONTAINER_KINDS.get(container, BlockKind.PARAGRAPH)
            self._add(builder.block(source_map, kind))


@dataclass(frozen=True)
class _FrontMatter:
    data: dict[Any, Any]
    line_count: int  # lines before the body, the closing --- included
    fields: dict[str, Field]
    notes: tuple[InputNote, ...] = ()


def _load_yaml(text: str) -> Any:
    """``text`` read as YAML with PyYAML's safe loader.

    libyaml's loader, where PyYAML has it, reads ten times faster; when it finds
    an error, the pure-Python loader reads the text again for its clearer
    messages and more precise line numbers.
    """
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.load(text, Loader=fast)
        except Exception:  # reported by the pure-Python reading below
            pass
    return yaml.safe_load(text)


def _yaml_error(exc: Exception) -> str:
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem:
        mark = exc.problem_mark
        # the YAML starts on the document's line 2, after the opening ---
        text = f"line {mark.line + 2}: {exc.problem}" if mark is not None else exc.problem
    else:
        text = str(exc) or type(exc).__name__
    return collapse_space((text.splitlines() or [""])[0])[:200]


def _value_span(lines: _Lines, close: int, key: str, source_map: SourceMap) -> Span | None:
    """Best effort: the value on the line of top-level ``key``, else that whole line."""
    pattern = re.compile(rf"(['\"]?){re.escape(key)}\1[ \t]*:(?=[ \t]|$)")
    for index in range(1, close):
        fed, base = lines.line(index)
        match = pattern.match(fed)
        if match is None:
            continue
        start = len(fed) - len(fed[match.end() :].lstrip())
        value = fed[start:].rstrip()
        if value[:1] in ("'", '"') and value.rfind(value[0]) > 0:
            return source_map.span(base + start + 1, base + start + value.rfind(value[0]))
        if value and value[0] not in "|>":
            comment = value.find(" #")
            end = start + len(value if comment < 0 else value[:comment].rstrip())
            return source_map.span(base + start, base + end)
        return source_map.span(base, base + len(fed.rstrip()))
    return None


_SYNTAX_NAMES = {"yaml": "YAML", "toml": "TOML", "json": "JSON"}
_TOML_LINE = re.compile(r"at line (\d+)")
# A TOML or JSON value after its key: a string (its inside), else up to a comma or comment.
_DATA_VALUE = re.compile(r"""[ \t]*(?:"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'|([^,#\n}]*))""")


def _load_toml(text: str) -> dict[str, Any]:
    import tomllib  # only Hugo's TOML front matter needs it (~1 ms to import)

    return tomllib.loads(text)


def _toml_error(exc: Exception) -> str:
    # the TOML starts on the document's line 2, after the opening +++
    text = _TOML_LINE.sub(lambda m: f"at line {int(m.group(1)) + 1}", str(exc))
    return collapse_space((text.splitlines() or [type(exc).__name__])[0])[:200]


def _data_value_span(
    lines: _Lines, bounds: FrontMatter, key: str, source_map: SourceMap
) -> Span | None:
    """Best effort: the value of top-level ``key`` in TOML or JSON front matter."""
    if bounds.syntax == "toml":
        pattern = re.compile(rf"[ \t]*(['\"]?){re.escape(key)}\1[ \t]*=")
        indexes = range(1, bounds.close)
    else:
        pattern = re.compile(rf"(?:^|[{{,])[ \t]*\"{re.escape(key)}\"[ \t]*:")
        indexes = range(bounds.close + 1)
    for index in indexes:
        fed, base = lines.line(index)
        if bounds.syntax == "toml" and fed.lstrip().startswith("["):
            return None  # a table: its keys are not the top level's
        match = pattern.match(fed) if bounds.syntax == "toml" else pattern.search(fed)
        if match is None:
            continue
        value = _DATA_VALUE.match(fed, match.end())
        assert value is not None  # the pattern matches the empty string
        group = next((g for g in (1, 2) if value.group(g) is not None), 3)
        start, end = value.span(group)
        if group == 3:
            end = start + len(fed[start:end].rstrip())
            start = end - len(fed[start:end].strip())
            if start == end:
                return source_map.span(base, base + len(fed.rstrip()))
        return source_map.span(base + start, base + end)
    return None


def _read_front_matter(lines: _Lines, source_map: SourceMap) -> _FrontMatter:
    bounds = front_matter_bounds(lines.fed)
    if bounds is None:
        return _FrontMatter({}, 0, {})
    close = bounds.close
    span = source_map.span(0, lines.starts[close] + len(lines.fed[close]))
    syntax = _SYNTAX_NAMES[bounds.syntax]
    data: Any = bounds.data
    error = bounds.error
    if bounds.syntax != "json":
        text = "\n".join(lines.fed[1:close])
        try:
            data = _load_yaml(text) if bounds.syntax == "yaml" else _load_toml(text)
        except Exception as exc:  # besides YAMLError, PyYAML raises ValueError on 2024-13-01
            error = _yaml_error(exc) if bounds.syntax == "yaml" else _toml_error(exc)
    if error is None:
        if data is None:
            data = {}
        if not isinstance(data, dict):
            error = f"a {type(data).__name__} instead of a mapping of keys to values"
    if error is not None:
        note = InputNote("front-matter-invalid", {"error": error, "syntax": syntax}, span)
        return _FrontMatter({}, close + 1, {}, (note,))
    fields: dict[str, Field] = {}
    for key in _FRONT_FIELDS:
        value = data.get(key)
        # a literal block scalar (|) keeps its line breaks: a field is one line
        text = collapse_space(str(value)) if isinstance(value, _SCALARS) else ""
        if text:
            if bounds.syntax == "yaml":
                value_span = _value_span(lines, close, key, source_map)
            else:
                value_span = _data_value_span(lines, bounds, key, source_map)
            fields[key] = Field(text, value_span)
    return _FrontMatter(data, close + 1, fields)


def _add_static(out: _Collector, static: Scan) -> None:
    """The images, links, captions and code that the masked tags stand for."""
    source_map, source = out.source_map, out.source
    for src, alt, start, end in static.images:
        out.images.append(Image(src, alt, source_map.span(start, end)))
    for href, text, start, end in static.links:
        out.links.append(Link(href, text, source_map.span(start, end)))
    for tag in static.tags:
        if tag.link and tag.value and tag.start not in out.consumed:
            # a link target written in the text: shown as a URL, linked as Hugo's linkify does
            out.links.append(Link(tag.value, tag.value, source_map.span(tag.start, tag.end)))
    made = [
        *((source[start:end], start, end - start, BlockKind.CODE) for start, end in static.code),
        *((text, start, length, BlockKind.CAPTION) for text, start, length in static.captions),
    ]
    for text, start, length, kind in made:
        builder = TextBuilder()
        builder.add(text, start, length)
        block = builder.block(source_map, kind)
        if block is not None:
            at = bisect.bisect_right(out.body, block.span.start, key=_element_start)
            out.body.insert(at, block)
    out.images.sort(key=_element_start)


def _element_start(element: Heading | Block | Image) -> int:
    return element.span.start


def parse_markdown(
    text: str,
    path: str | None = None,
    notes: tuple[InputNote, ...] = (),
    encoding: str = "utf-8",
) -> Document:
    """Read Markdown (CommonMark with tables) and its YAML front matter into a :class:`Document`.

    The title is the front matter's ``title``, else the text of the first
    non-empty H1; ``description``, ``lang``, ``canonical`` and ``robots`` of the
    front matter fill the matching fields (scalars only, blank ones ignored).
    Invalid front matter is ignored with a ``front-matter-invalid`` note.
    Offsets are into the whole text, front matter included. Never raises on
    any input string.
    """
    source = text.removeprefix("\ufeff")
    source_map = SourceMap(source)
    lines = _Lines(source)
    front = _read_front_matter(lines, source_map)
    body_start = lines.starts[front.line_count] if front.line_count < len(lines.starts) else 0
    static = scan(source, body_start) if front.line_count < len(lines.starts) else None
    out = _Collector(lines, source_map, static, source)
    if static is not None:
        out.filled = mask(lines.fed, lines.starts, static.regions)
    tokens = _markdown().parse("\n".join(lines.fed[front.line_count :]))
    _BodyReader(out, front.line_count).read(tokens)
    if static is not None:
        _add_static(out, static)

    title, origin = front.fields.get("title"), TitleOrigin.FRONT_MATTER
    if title is None:
        title, origin = first_h1_title(out.body), TitleOrigin.FIRST_H1
    return Document(
        source=source,
        format=Format.MARKDOWN,
        path=path,
        title=title,
        title_origin=origin if title is not None else None,
        meta_description=front.fields.get("description"),
        meta_robots=front.fields.get("robots"),
        canonical=front.fields.get("canonical"),
        lang=front.fields.get("lang"),
        front_matter=front.data,
        body=tuple(out.body),
        # inner links close first: put them back in reading order
        links=tuple(sorted(out.links, key=lambda link: link.span.start)),
        images=tuple(out.images),
        comments=tuple(out.comments),
        notes=(*notes, *front.notes),
        encoding=encoding,
    )
