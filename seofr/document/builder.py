"""Building an element's visible text and the map from it back to the source.

Every reader hands the text of an element to a :class:`TextBuilder` in runs,
each with the source range it comes from. A run as long as its source range is
a verbatim copy and maps character by character; any other run (an entity, an
escape) maps every character to the start of its range. White space is
collapsed and trimmed on the way in, so the :class:`TextPiece` map always
describes the final text.

Only ASCII white space collapses, as in HTML: no-break spaces (U+00A0, U+202F)
carry French typography and stay in the text for the rules to check.

:func:`first_h1_title` is the rule the HTML and Markdown readers share for a
document that declares no title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import starmap
from typing import NamedTuple

from seofr.document.model import Block, BlockKind, Field, Heading, SourceMap, Span, TextPiece

__all__ = ["SPACE_CHARS", "BuiltText", "TextBuilder", "collapse_space", "first_h1_title"]

#: The white space that collapses (ASCII, as in HTML).
SPACE_CHARS = " \t\n\r\f"
_SPACE_RUN = re.compile(r"[ \t\n\r\f]+")
_WORD = re.compile(r"[^ \t\n\r\f]+")
# Words joined by single spaces: verbatim text that needs no collapsing, added
# as one piece.
_STRETCH = re.compile(r"[^ \t\n\r\f]+(?: [^ \t\n\r\f]+)*")


def collapse_space(text: str) -> str:
    """``text`` with runs of ASCII white space made single spaces, and trimmed."""
    return _SPACE_RUN.sub(" ", text).strip(SPACE_CHARS)


def first_h1_title(body: Iterable[Heading | Block]) -> Field | None:
    """The title of a document that declares none: its first non-empty H1, if any."""
    h1 = next((e for e in body if isinstance(e, Heading) and e.level == 1 and e.text), None)
    return None if h1 is None else Field(h1.text, h1.span)


class BuiltText(NamedTuple):
    """The text a :class:`TextBuilder` collected, its pieces and its source range."""

    text: str
    pieces: tuple[TextPiece, ...]
    start: int
    end: int
    literal: tuple[tuple[int, int], ...] = ()


class TextBuilder:
    """Collects an element's visible text and the map from it to the source.

    ``map_space_runs`` chooses what a space that stands for a run of white
    space maps to: the whole run, as a piece of its own; otherwise its first
    character, so that the space joins the verbatim text around it in one
    piece. ``trim_unicode`` also trims the finished text of Unicode white
    space, no-break spaces included, which stay inside the text either way.
    """

    __slots__ = (
        "_in_order",
        "_length",
        "_literal",
        "_literal_open",
        "_literal_start",
        "_map_space_runs",
        "_parts",
        "_pieces",
        "_space",
        "_trim_unicode",
    )

    def __init__(self, *, map_space_runs: bool = False, trim_unicode: bool = False) -> None:
        self._map_space_runs = map_space_runs
        self._trim_unicode = trim_unicode
        self._parts: list[str] = []
        # [text_start, source_start, length, source_length]: TextPiece fields, kept
        # mutable so that a run extending the last piece does not rebuild it
        self._pieces: list[list[int]] = []
        self._length = 0
        # Whether no piece starts before the one before it ends: then the first
        # and the last piece give the source range.
        self._in_order = True
        # Source (start, length) of the space owed before the next word: it is
        # only written once a word follows, which trims trailing white space.
        self._space: tuple[int, int] | None = None
        # Text ranges of code, and where the one being read began (None until
        # its first character, so that the space before it stays outside)
        self._literal: list[tuple[int, int]] = []
        self._literal_open = False
        self._literal_start: int | None = None

    @property
    def empty(self) -> bool:
        """Whether no visible character was added."""
        return self._length == 0

    def add(self, text: str, source_start: int, source_length: int) -> None:
        """Append ``text``, which comes from ``source[source_start:][:source_length]``."""
        if len(text) != source_length:
            # Not a verbatim copy: every word and space maps to the whole range.
            position = 0
            for match in _WORD.finditer(text):
                if match.start() > position:
                    self.space(source_start, source_length)
                self._word(match.group(), source_start, source_length)
                position = match.end()
            if position < len(text):
                self.space(source_start, source_length)
            return
        position = 0
        for match in _STRETCH.finditer(text):
            begin, end = match.span()
            if begin > position and self._space is None:
                width = begin - position if self._map_space_runs else 1
                self._space = (source_start + position, width)
            self._word(match.group(), source_start + begin, end - begin)
            position = end
        if position < len(text) and self._space is None:
            width = len(text) - position if self._map_space_runs else 1
            self._space = (source_start + position, width)

    def begin_literal(self) -> None:
        """Text added from now on is code, until :meth:`end_literal`."""
        self._literal_open, self._literal_start = True, None

    def end_literal(self) -> None:
        """Close the code range :meth:`begin_literal` opened."""
        if self._literal_start is not None and self._length > self._literal_start:
            self._literal.append((self._literal_start, self._length))
        self._literal_open, self._literal_start = False, None

    def space(self, source_start: int, source_length: int) -> None:
        """Add collapsible white space read from ``source[source_start:][:source_length]``."""
        if self._space is None:
            self._space = (source_start, source_length)

    def separate(self) -> None:
        """Keep the words on either side apart: white space after the text so far."""
        if self._space is None and self._pieces:
            last = self._pieces[-1]
            self._space = (last[1] + last[3], 0)

    def _word(self, text: str, source_start: int, source_length: int) -> None:
        """Add visible text, after a space if white space came between it and earlier text."""
        if self._space is not None:
            if self._length:
                self._piece(" ", *self._space)
            self._space = None
        if self._literal_open and self._literal_start is None:
            self._literal_start = self._length
        self._piece(text, source_start, source_length)

    def _piece(self, text: str, source_start: int, source_length: int) -> None:
        length = len(text)
        self._parts.append(text)
        if self._pieces:
            last = self._pieces[-1]
            last_end = last[1] + last[3]
            if last_end == source_start and length == source_length and last[2] == last[3]:
                # a verbatim run that continues the previous one: one piece covers both
                last[2] += length
                last[3] += length
                self._length += length
                return
            if source_start < last_end:
                self._in_order = False
        self._pieces.append([self._length, source_start, length, source_length])
        self._length += length

    def finish(self) -> BuiltText | None:
        """The collected text, its pieces and its source range; ``None`` if it is empty."""
        text = "".join(self._parts)
        trimmed = text.strip() if self._trim_unicode else text
        if not trimmed:
            return None
        if len(trimmed) == len(text):
            pieces = tuple(starmap(TextPiece, self._pieces))
            literal = tuple(self._literal)
        else:
            shift = len(text) - len(text.lstrip())
            pieces = _cut(self._pieces, shift, len(trimmed))
            literal = tuple(
                (max(low - shift, 0), min(high - shift, len(trimmed)))
                for low, high in self._literal
                if high - shift > 0 and low - shift < len(trimmed)
            )
        if self._in_order:
            start, last = pieces[0].source_start, pieces[-1]
            end = last.source_start + last.source_length
        else:
            # after a Markdown alignment fallback: the range takes the extremes
            start = min(piece.source_start for piece in pieces)
            end = max(piece.source_start + piece.source_length for piece in pieces)
        return BuiltText(trimmed, pieces, start, end, literal)

    def heading(
        self, source_map: SourceMap, level: int, empty_span: Span | None = None
    ) -> Heading | None:
        """The collected text as a heading; an empty one only if ``empty_span`` is given."""
        built = self.finish()
        if built is None:
            return None if empty_span is None else Heading("", empty_span, level=level)
        span = source_map.span(built.start, built.end)
        return Heading(built.text, span, built.pieces, built.literal, level)

    def block(self, source_map: SourceMap, kind: BlockKind) -> Block | None:
        """The collected text as a block, or ``None`` when there is no text."""
        built = self.finish()
        if built is None:
            return None
        span = source_map.span(built.start, built.end)
        return Block(built.text, span, built.pieces, built.literal, kind)


def _cut(pieces: list[list[int]], start: int, length: int) -> tuple[TextPiece, ...]:
    """The pieces of ``text[start:start + length]``."""
    end = start + length
    kept = []
    for text_start, source_start, piece_length, source_length in pieces:
        first, last = max(text_start, start), min(text_start + piece_length, end)
        if first >= last:
            continue
        if piece_length == source_length:
            # A verbatim piece is cut on both sides alike.
            kept.append(
                TextPiece(
                    first - start, source_start + first - text_start, last - first, last - first
                )
            )
        else:
            kept.append(TextPiece(first - start, source_start, last - first, source_length))
    return tuple(kept)
