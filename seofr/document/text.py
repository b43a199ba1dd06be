"""Reading plain text.

A plain-text document has no markup, so its structure is read from its layout:

- the first non-blank line is the title, and also the H1 heading;
- blank lines (empty or white space only) separate paragraphs, and a
  paragraph may run over several lines;
- a line that starts with a bullet (``•``, ``-``, ``*``, ``–``) or a number
  (``1.``, ``2)``) followed by a space is a list item of its own.

Each element's text has its white space collapsed and trimmed by
:class:`~seofr.document.builder.TextBuilder`.
"""

from __future__ import annotations

import re

from seofr.document.builder import TextBuilder
from seofr.document.model import (
    Block,
    BlockKind,
    Document,
    Field,
    Format,
    Heading,
    InputNote,
    SourceMap,
    TitleOrigin,
)

_LIST_MARKER = re.compile(r"[ \t]*(?:[•*–-]|\d{1,3}[.)])[ \t]+(?=\S)")


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
