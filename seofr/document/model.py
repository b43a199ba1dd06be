"""The document model every parser produces and every rule reads.

All offsets are indexes into :attr:`Document.source`, the decoded text of the
input (a leading byte-order mark removed). Lines are separated by ``"\\n"`` only,
so a ``"\\r\\n"`` file keeps its line numbers; lines and columns are 1-based and
counted in characters, the way editors show them.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A range of the source: ``source[start:end]``, with its 1-based positions.

    ``end_line`` and ``end_column`` give the position of ``end`` itself (the
    first character after the range).
    """

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


class SourceMap:
    """Turns offsets into the source into line and column numbers."""

    def __init__(self, source: str) -> None:
        self._length = len(source)
        starts = [0]
        find = source.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._line_starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of ``offset``, clamped to the source."""
        offset = min(max(offset, 0), self._length)
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based line and 0-based column, as html.parser gives them."""
        index = min(max(line - 1, 0), len(self._line_starts) - 1)
        return min(self._line_starts[index] + column, self._length)

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` for ``source[start:end]``."""
        end = max(start, end)
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(start, end, line, column, end_line, end_column)


@dataclass(frozen=True, slots=True)
class Edit:
    """A replacement of ``source[start:end]`` that fixes (part of) a finding.

    ``safe`` edits keep the meaning (typography, white space, a leftover line the
    rule is certain of); the others need a writer's eye.
    """

    start: int
    end: int
    replacement: str
    safe: bool = True

    def to_dict(self) -> dict[str, Any]:
        """The edit as a JSON object."""
        return {
            "start": self.start,
            "end": self.end,
            "replacement": self.replacement,
            "safe": self.safe,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Edit:
        """The edit :meth:`to_dict` described."""
        return cls(data["start"], data["end"], data["replacement"], data["safe"])


@dataclass(frozen=True, slots=True)
class TextPiece:
    """Where a run of an element's text comes from in the source.

    ``text[text_start:text_start + length]`` comes from
    ``source[source_start:source_start + source_length]``. When both lengths are
    equal the run is a verbatim copy and maps character by character; otherwise
    (an entity, collapsed white space) every character of the run maps to its
    source start.
    """

    text_start: int
    source_start: int
    length: int
    source_length: int


class BlockKind(StrEnum):
    """What kind of content block a :class:`Block` is."""

    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    QUOTE = "quote"
    TABLE_CELL = "table-cell"
    DEFINITION = "definition"
    CAPTION = "caption"
    CODE = "code"


def _text_start(piece: TextPiece) -> int:
    return piece.text_start


@dataclass(frozen=True, slots=True)
class TextElement:
    """Visible text with its span and the map from its characters to the source.

    ``text`` has its white space collapsed to single spaces and trimmed.
    ``literal`` lists the ``(start, end)`` ranges of ``text`` that are code
    (inline code, ``<kbd>``, ``<samp>``…): words to quote, never to correct.
    """

    text: str
    span: Span
    pieces: tuple[TextPiece, ...] = ()
    literal: tuple[tuple[int, int], ...] = ()

    def source_offset(self, index: int) -> int:
        """The source offset of character ``index`` of :attr:`text`.

        ``index == len(text)`` gives the end of the element's last character.
        Elements without pieces map everything to the start of their span.
        """
        if not self.pieces:
            return self.span.start
        # bisect on the pieces themselves: building the list of starts on every call
        # made span lookups quadratic on long blocks
        found = bisect.bisect_right(self.pieces, index, key=_text_start)
        piece = self.pieces[max(found - 1, 0)]
        inside = index - piece.text_start
        if piece.length == piece.source_length:
            return piece.source_start + min(max(inside, 0), piece.length)
        if inside >= piece.length:
            return piece.source_start + piece.source_length
        return piece.source_start

    def source_range(self, start: int, end: int) -> tuple[int, int] | None:
        """Where ``text[start:end]`` was copied from, if it can be edited in place.

        The range must lie inside one verbatim piece of the text, outside code:
        only then is replacing ``source`` at the range the same as replacing
        the text, without touching markup, an entity or collapsed white space.
        An empty range (an insertion) is placed before character ``start``, or
        after the last one. ``None`` when the range cannot be edited so.
        """
        if not self.pieces or not 0 <= start <= end <= len(self.text):
            return None
        if any(low < max(end, start + 1) and start < high for low, high in self.literal):
            return None
        anchor = start if start < len(self.text) or start == 0 else start - 1
        found = bisect.bisect_right(self.pieces, anchor, key=_text_start)
        piece = self.pieces[max(found - 1, 0)]
        inside = start - piece.text_start
        if (
            piece.length != piece.source_length
            or inside < 0
            or end > piece.text_start + piece.length
        ):
            return None
        return piece.source_start + inside, piece.source_start + end - piece.text_start

    def lines(self, source: str) -> list[tuple[int, int]]:
        """The element's text split at source line breaks, as (start, end) indexes of
        :attr:`text`, trailing spaces left out of each line."""
        starts = self.line_starts(source)
        return [
            (start, start + len(self.text[start:end].rstrip()))
            for start, end in zip(starts, [*starts[1:], len(self.text)], strict=True)
        ]

    def line_starts(self, source: str) -> list[int]:
        """Indexes of :attr:`text` where a new source line begins (0 first).

        A paragraph wrapped over several lines, or lines that a scraper glued
        into one paragraph, can then be read line by line.
        """
        starts = [0]
        if self.span.line == self.span.end_line:
            return starts
        for piece in self.pieces:
            chunk = source[piece.source_start : piece.source_start + piece.source_length]
            newline = chunk.find("\n")
            while newline != -1:
                verbatim = piece.length == piece.source_length
                index = piece.text_start + (newline if verbatim else 0)
                # the break is a (collapsed) space: the new line starts after it
                if 0 < index + 1 < len(self.text) and index + 1 != starts[-1]:
                    starts.append(index + 1)
                newline = chunk.find("\n", newline + 1)
        return starts


@dataclass(frozen=True, slots=True)
class Heading(TextElement):
    """A heading of level 1 to 6."""

    level: int = 1


@dataclass(frozen=True, slots=True)
class Block(TextElement):
    """A content block: paragraph, list item, quotation, table cell…"""

    kind: BlockKind = BlockKind.PARAGRAPH


@dataclass(frozen=True, slots=True)
class Field:
    """A piece of metadata (title, description, declared language…) and where it is."""

    value: str
    span: Span | None = None


class TitleOrigin(StrEnum):
    """Where the document's title was found."""

    HTML_TITLE = "html-title"
    FRONT_MATTER = "front-matter"
    FIRST_H1 = "first-h1"
    FIRST_LINE = "first-line"


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink of the content: target, anchor text and ``rel`` values.

    ``text`` is the visible text; ``name`` the accessible name when it differs
    (the ``aria-label``, the ``alt`` of an image inside, the ``title``): a link
    wrapping only an image has no text but may well have a name.
    """

    href: str
    text: str
    span: Span
    rel: tuple[str, ...] = ()
    name: str | None = None

    @property
    def accessible_name(self) -> str:
        """What a screen reader or a search engine reads for the link."""
        return self.text if self.name is None else self.name


@dataclass(frozen=True, slots=True)
class Image:
    """An image of the content. ``alt`` is ``None`` when the attribute is absent."""

    src: str
    alt: str | None
    span: Span
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Comment:
    """A source comment (HTML or Markdown), read for inline directives."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class InputNote:
    """Something the reader had to do to the input that the writer should know.

    ``key`` names a message of :mod:`seofr.messages`; ``params`` fills it.
    """

    key: str
    params: Mapping[str, str | int] = field(default_factory=dict)
    span: Span | None = None


class Format(StrEnum):
    """The input formats seofr reads."""

    HTML = "html"
    MARKDOWN = "markdown"
    TEXT = "text"


@dataclass(frozen=True)
class Document:
    """A parsed document: metadata, body in reading order, links and images."""

    source: str
    format: Format
    path: str | None = None
    title: Field | None = None
    title_origin: TitleOrigin | None = None
    meta_description: Field | None = None
    meta_robots: Field | None = None
    canonical: Field | None = None
    lang: Field | None = None
    front_matter: Mapping[str, Any] = field(default_factory=dict)
    body: tuple[Heading | Block, ...] = ()
    links: tuple[Link, ...] = ()
    images: tuple[Image, ...] = ()
    comments: tuple[Comment, ...] = ()
    notes: tuple[InputNote, ...] = ()
    encoding: str = "utf-8"
    # Where the body was read from in a page: "selector", "main", "article" or
    # "body" (the page without its navigation and other chrome); None elsewhere.
    content_region: str | None = None

    @cached_property
    def source_map(self) -> SourceMap:
        """Line and column lookup for :attr:`source`."""
        return SourceMap(self.source)

    @property
    def headings(self) -> tuple[Heading, ...]:
        """The headings of the body, in reading order."""
        return tuple(e for e in self.body if isinstance(e, Heading))

    @property
    def blocks(self) -> tuple[Block, ...]:
        """The content blocks of the body (headings excluded), in reading order."""
        return tuple(e for e in self.body if isinstance(e, Block))
