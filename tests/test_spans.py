"""Every heading and block of real documents points at its own text in the source."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from seofr.document import Document, load_document

from .conftest import corpus_files

_TAG = re.compile(r"<[^>]*>")
_MARKUP = re.compile(r"[*_`\\]|!?\[|\]\([^)]*\)|\]")


def _visible(source_slice: str, fmt: str) -> str:
    text = _TAG.sub("", source_slice)
    if fmt == "markdown":
        text = _MARKUP.sub("", text)
    # white space is left out of the comparison: markup may add or remove it
    return "".join(html.unescape(text).split())


def _loaded(path: Path) -> Document:
    return load_document(path)


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_span_slice_holds_element_text(path: Path) -> None:
    doc = _loaded(path)
    assert doc.body, "the document has content"
    for element in doc.body:
        span = element.span
        assert 0 <= span.start <= span.end <= len(doc.source)
        if not element.text:
            continue
        visible = _visible(doc.source[span.start : span.end], str(doc.format))
        text = "".join(element.text.split())
        if doc.format == "markdown":
            text = _MARKUP.sub("", text)
        assert text in visible, (element, doc.source[span.start : span.end])
        line, column = doc.source_map.position(span.start)
        assert (line, column) == (span.line, span.column)


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_each_character_maps_to_its_source(path: Path) -> None:
    doc = _loaded(path)
    for element in doc.body:
        for index, char in enumerate(element.text):
            if char.isspace() or not char.isalnum():
                continue
            offset = element.source_offset(index)
            found = doc.source[offset]
            # a character from an entity (&eacute;) maps to the entity's "&"
            assert found in (char, "&"), (element.text, index, char, found)
