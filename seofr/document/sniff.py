"""Guessing the format of a document from its file name or its content."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from typing import Any, Literal, NamedTuple

from seofr.document.model import Format

_EXTENSIONS = {
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
    ".mdown": Format.MARKDOWN,
    ".mkd": Format.MARKDOWN,
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
}

# Sniffing reads the start of the text only: a format shows in its first pages,
# and a bound keeps sniffing cheap on very large inputs.
_SNIFF_CHARS = 64 * 1024

_HTML_START = re.compile(r"<!doctype\s+html\b|<html[\s>]", re.IGNORECASE)
_XML_START = re.compile(r"<\?xml\b", re.IGNORECASE)
_BLOCK_TAG = re.compile(
    r"<(?:p|div|h[1-6]|ul|ol|li|dl|table|section|article|header|footer|nav|main|aside"
    r"|blockquote|figure|body|head|title|meta|link|form|pre)(?:[\s/>])",
    re.IGNORECASE,
)

_ATX_HEADING = re.compile(r" {0,3}#{1,6}[ \t]+\S")
_FENCE = re.compile(r" {0,3}(?:```|~~~)")
_SETEXT_UNDERLINE = re.compile(r" {0,3}(?:={3,}|-{3,})[ \t]*")
_LINK = re.compile(r"!?\[[^\]\n]+\]\([^)\s]+(?:[ \t]+\"[^\"\n]*\")?\)")
_REFERENCE = re.compile(r" {0,3}\[[^\]\n]+\]:[ \t]*\S")
_LIST_ITEM = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
_EMPHASIS = re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__")
_CODE_SPAN = re.compile(r"`[^`\n]+`")
_QUOTE = re.compile(r" {0,3}>[ \t]")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^\s<>]+>", re.IGNORECASE)


def format_from_path(path: str) -> Format | None:
    """The format a file name's extension stands for (case-insensitive), else ``None``.

    ``.html .htm .xhtml`` are HTML, ``.md .markdown .mdown .mkd`` Markdown and
    ``.txt .text`` plain text.
    """
    return _EXTENSIONS.get(os.path.splitext(path)[1].lower())


def front_matter_end(lines: Sequence[str]) -> int | None:
    """The index of the line closing a YAML front matter, or ``None`` without one.

    A front matter opens with a first line ``---`` and closes with the next
    line ``---`` or ``...`` (trailing white space allowed on both).
    """
    if not lines or lines[0].rstrip() != "---":
        return None
    bounds = front_matter_bounds(lines)
    return None if bounds is None else bounds.close


class FrontMatter(NamedTuple):
    """Where a front matter ends and in which syntax it is written.

    ``close`` is the index of its last line (the closing ``---``/``+++``, or the
    line of a JSON object's closing brace). ``data`` is the JSON object already
    read (``None`` for YAML and TOML, and for JSON that does not parse).
    """

    syntax: Literal["yaml", "toml", "json"]
    close: int
    data: dict[str, Any] | None = None
    error: str | None = None


_JSON = json.JSONDecoder()


def front_matter_bounds(lines: Sequence[str]) -> FrontMatter | None:
    """The front matter a static-site generator (Hugo, Jekyll…) would read, if any.

    - YAML: a first line ``---``, closed by the next ``---`` or ``...``;
    - TOML (Hugo): a first line ``+++``, closed by the next ``+++``;
    - JSON (Hugo): a JSON object at the very start, whose closing brace ends a
      line that a line break follows. A text that merely starts with a brace is
      not one; a first line ``{`` alone with a later line ``}`` alone is read as
      a JSON front matter even when it does not parse (``error`` says why).

    Trailing white space is allowed after the delimiters.
    """
    if not lines:
        return None
    first = lines[0].rstrip()
    if first in ("---", "+++"):
        closers = ("---", "...") if first == "---" else ("+++",)
        for index in range(1, len(lines)):
            if lines[index].rstrip() in closers:
                return FrontMatter("yaml" if first == "---" else "toml", index)
        return None
    if not first.startswith("{"):
        return None
    text = "\n".join(lines)
    try:
        data, end = _JSON.raw_decode(text)
    except (ValueError, RecursionError) as exc:
        error = str(exc)
    else:
        line_end = text.find("\n", end)
        if isinstance(data, dict) and line_end >= 0 and not text[end:line_end].strip(" \t\r"):
            return FrontMatter("json", text.count("\n", 0, end), data)
        error = "the JSON object is not followed by a line break"
    if first == "{":
        for index in range(1, len(lines)):
            if lines[index].rstrip() == "}":
                return FrontMatter("json", index, None, error)
    return None


def sniff_format(text: str) -> Format:
    """Guess the format of ``text`` from its first 65,536 characters.

    In order:

    1. HTML when, after white space and a byte-order mark, the text opens with
       ``<!doctype html``, ``<html`` or ``<?xml`` followed closely by one of these;
    2. Markdown when it opens with a front matter: YAML (``---`` … ``---``),
       TOML (``+++`` … ``+++``) or JSON (see :func:`front_matter_bounds`);
    3. HTML when it holds at least two block-level tags (``<p>``, ``<div>``,
       ``<h1>``…) and at least half of its non-blank lines start with ``<``: an
       HTML fragment, not Markdown with a few embedded tags;
    4. Markdown when it shows one strong sign (an ATX heading ``## …``, a setext
       underline ``===``/``---`` under a line of text, a fenced code block, an
       inline link or image ``[…](…)``, a link reference definition) or two weak
       signs of different kinds (a list of at least two ``-``/``*``/``+``/``1.``
       items, ``**bold**``, a ``code`` span, a ``>`` quotation, an autolink).
       A dashed list alone is a weak sign because plain text uses it too, and
       the plain-text reader handles it;
    5. plain text otherwise.
    """
    head = text[:_SNIFF_CHARS].lstrip("\ufeff \t\r\n\f\v")
    if _HTML_START.match(head) or (
        _XML_START.match(head) and _HTML_START.search(head, 0, 1024) is not None
    ):
        return Format.HTML
    lines = head.split("\n")
    if front_matter_bounds(lines) is not None:
        return Format.MARKDOWN
    if _looks_like_html(lines):
        return Format.HTML
    if _looks_like_markdown(lines):
        return Format.MARKDOWN
    return Format.TEXT


def _looks_like_html(lines: Sequence[str]) -> bool:
    filled = [line.lstrip() for line in lines if line.strip()]
    if not filled:
        return False
    tags = sum(len(_BLOCK_TAG.findall(line)) for line in filled)
    starting_with_tag = sum(1 for line in filled if line.startswith("<"))
    return tags >= 2 and 2 * starting_with_tag >= len(filled)


def _looks_like_markdown(lines: Sequence[str]) -> bool:
    weak: set[str] = set()
    list_items = 0
    previous = ""
    for line in lines:
        if (
            _ATX_HEADING.match(line)
            or _FENCE.match(line)
            or _REFERENCE.match(line)
            or _LINK.search(line)
            or (
                _SETEXT_UNDERLINE.fullmatch(line.rstrip("\r"))
                and previous.strip()
                and not _LIST_ITEM.match(previous)
                and not _SETEXT_UNDERLINE.fullmatch(previous.rstrip("\r"))
            )
        ):
            return True
        if _LIST_ITEM.match(line):
            list_items += 1
            if list_items >= 2:
                weak.add("list")
        if _EMPHASIS.search(line):
            weak.add("emphasis")
        if _CODE_SPAN.search(line):
            weak.add("code")
        if _QUOTE.match(line):
            weak.add("quote")
        if _AUTOLINK.search(line):
            weak.add("autolink")
        if len(weak) >= 2:
            return True
        previous = line
    return False
