"""Reading plain text, and the text-building helper the other readers share.

A plain-text document has no markup, so its structure is read from its layout:

- the first non-blank line is the title, and also the H1 heading;
- blank lines (empty or white space only) separate paragraphs, and a
  paragraph may run over several lines;
- a line that starts with a bullet (``•``, ``-``, ``*``, ``–``) or a number
  (``1.``, ``2)``) followed by a space is a list item of its own.

:class:`TextBuilder` turns runs of source text into an element's visible text
(white space collapsed and trimmed) and the :class:`TextPiece` map back to the
source; the Markdown reader uses it too.
"""

from __future__ import annotations

import re

from seofr.document.model import (
    Block,
    BlockKind,
    Document,
    Field,
    Format,
    Heading,
    InputNote,
    SourceMap,
    Span,
    TextPiece,
    TitleOrigin,
)

# Only ASCII white space collapses, as in HTML: no-break spaces (U+00A0, U+202F)
# carry French typography and stay in the text for the rules to check.
SPACE_CHARS = " \t\n\r\f"
_RUN = re.compile(r"[ \t\n\r\f]+|[^ \t\n\r\f]+")
_SPACE_RUN = re.compile(r"[ \t\n\r\f]+")
_LIST_MARKER = re.compile(r"[ \t]*(?:[•*–-]|\d{1,3}[.)])[ \t]+(?=\S)")


def collapse_space(text: str) -> str:
    """``text`` with runs of ASCII white space made single spaces, and trimmed."""
    return _SPACE_RUN.sub(" ", text).strip(SPACE_CHARS)


class TextBuilder:
    """Collects an element's visible text and the map from it to the source.

    Text arrives in runs, each with the source range it comes from. A run as
    long as its source is a verbatim copy and maps character by character;
    any other run (an entity, an escape) maps every character to its source
    start. White space is collapsed and trimmed on the way in, so the pieces
    always describe the final text.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        # [text_start, source_start, length, source_length]: TextPiece fields, kept
        # mutable so that a run extending the last piece does not rebuild it
        self._pieces: list[list[int]] = []
        self._length = 0
        # Source (start, length) of the collapsed space owed before the next word:
        # it is only written once a word follows, which trims trailing space.
        self._space: tuple[int, int] | None = None

    @property
    def text(self) -> str:
        """The text collected so far."""
        return "".join(self._parts)

    def add(self, text: str, source_start: int, source_length: int) -> None:
        """Append ``text``, which comes from ``source[source_start:][:source_length]``."""
        verbatim = len(text) == source_length
        for match in _RUN.finditer(text):
            run = match.group()
            if verbatim:
                start, length = source_start + match.start(), len(run)
            else:
                start, length = source_start, source_length
            if run[0] in SPACE_CHARS:
                if self._length and self._space is None:
                    self._space = (start, 1) if verbatim else (start, length)
                continue
            if self._space is not None:
                self._append(" ", *self._space)
                self._space = None
            self._append(run, start, length)

    def _append(self, text: str, source_start: int, source_length: int) -> None:
        last = self._pieces[-1] if self._pieces else None
        if (
            last is not None
            and len(text) == source_length
            and last[2] == last[3]
            and last[1] + last[3] == source_start
        ):
            # a verbatim run that continues the previous one: one piece covers both
            last[2] += source_length
            last[3] += source_length
        else:
            self._pieces.append([self._length, source_start, len(text), source_length])
        self._parts.append(text)
        self._length += len(text)

    def _element_fields(self, source_map: SourceMap) -> tuple[str, Span, tuple[TextPiece, ...]]:
        # Pieces are in source order except after an alignment fallback, so the
        # span takes the extremes rather than the first and last piece.
        start = min(piece[1] for piece in self._pieces)
        end = max(piece[1] + piece[3] for piece in self._pieces)
        pieces = tuple(TextPiece(*piece) for piece in self._pieces)
        return self.text, source_map.span(start, end), pieces

    def heading(
        self, source_map: SourceMap, level: int, empty_span: Span | None = None
    ) -> Heading | None:
        """The collected text as a heading; an empty one only if ``empty_span`` is given."""
        if not self._pieces:
            return None if empty_span is None else Heading("", empty_span, (), level)
        return Heading(*self._element_fields(source_map), level)

    def block(self, source_map: SourceMap, kind: BlockKind) -> Block | None:
        """The collected text as a block, or ``None`` when there is no text."""
        if not self._pieces:
            return None
        return Block(*self._element_fields(source_map), kind)


def parse_text(
    text: str,
    path: str | None = None,
    notes: tuple[InputNote, ...] = (),
    encoding: str = "utf-8",
) -> Document:
    """Read plain text into a :class:`Document` (see the module docstring for the layout).

    The title is the first non-blank line (:attr:`TitleOrigin.FIRST_LINE`), which
    is also the body's H1. Never raises.
    """
    source = text.removeprefix("\ufeff")
    source_map = SourceMap(source)
    body: list[Heading | Block] = []
    title: Field | None = None
    # source range of the paragraph being read: first line start, last line end
    paragraph: tuple[int, int] | None = None

    def add_block(kind: BlockKind, start: int, end: int) -> None:
        builder = TextBuilder()
        builder.add(source[start:end], start, end - start)
        block = builder.block(source_map, kind)
        if block is not None:
            body.append(block)

    def end_paragraph() -> None:
        nonlocal paragraph
        if paragraph is not None:
            add_block(BlockKind.PARAGRAPH, *paragraph)
            paragraph = None

    start = 0
    for line in source.split("\n"):
        end = start + len(line)
        marker = _LIST_MARKER.match(line)
        if not line.strip():
            end_paragraph()
        elif title is None:
            builder = TextBuilder()
            builder.add(line, start, len(line))
            heading = builder.heading(source_map, 1)
            if heading is not None:
                body.append(heading)
                title = Field(heading.text, heading.span)
        elif marker is not None:
            end_paragraph()
            add_block(BlockKind.LIST_ITEM, start + marker.end(), end)
        else:
            paragraph = (start if paragraph is None else paragraph[0], end)
        start = end + 1
    end_paragraph()

    return Document(
        source=source,
        format=Format.TEXT,
        path=path,
        title=title,
        title_origin=TitleOrigin.FIRST_LINE if title is not None else None,
        body=tuple(body),
        notes=tuple(notes),
        encoding=encoding,
    )
