"""Reading documents: bytes → text → format → :class:`Document`."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

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
    TextElement,
    TextPiece,
    TitleOrigin,
)
from seofr.errors import InputError, SeofrError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Block",
    "BlockKind",
    "Comment",
    "Document",
    "Field",
    "Format",
    "Heading",
    "Image",
    "InputNote",
    "Link",
    "SourceMap",
    "Span",
    "TextElement",
    "TextPiece",
    "TitleOrigin",
    "load_document",
    "parse_document",
    "read_bytes",
]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
EXTENSIONS = (".html", ".htm", ".xhtml", ".md", ".markdown", ".mdown", ".mkd", ".txt", ".text")


def read_bytes(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a file, or an :class:`InputError` saying why it cannot be read."""
    target = Path(path)
    try:
        size = target.stat().st_size
        if target.is_dir():
            raise InputError(f"{target}: is a directory", reason="directory", path=str(target))
        if size > max_bytes:
            raise InputError(
                f"{target}: {size:,} bytes is more than the limit of {max_bytes:,} (max-bytes)",
                reason="too-large",
                path=str(target),
                limit=max_bytes,
            )
        with target.open("rb") as handle:
            # read one byte more than allowed: the file may have grown since stat
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"{target}: no such file", reason="missing", path=str(target)) from None
    except PermissionError:
        raise InputError(
            f"{target}: permission denied", reason="permission", path=str(target)
        ) from None
    except OSError as exc:
        detail = str(exc.strerror or exc)
        raise InputError(
            f"{target}: cannot be read ({detail})",
            reason="os-error",
            path=str(target),
            detail=detail,
        ) from None
    if len(data) > max_bytes:
        raise InputError(
            f"{target}: more than the limit of {max_bytes:,} bytes (max-bytes)",
            reason="too-large",
            path=str(target),
            limit=max_bytes,
        )
    return data


def parse_document(
    content: str | bytes,
    path: str | None = None,
    input_format: Format | str | None = None,
    content_selector: str | None = None,
) -> Document:
    """Decode (bytes), pick the format and parse ``content`` into a :class:`Document`.

    The format is ``input_format`` if given, else the one of ``path``'s
    extension, else sniffed from the content. ``content_selector`` is the CSS
    selector of an HTML page's main content (see :mod:`seofr.document.content`).
    """
    from seofr.document.decode import decode
    from seofr.document.sniff import format_from_path, sniff_format

    if isinstance(content, bytes):
        decoded = decode(content)
        text, encoding, notes = decoded.text, decoded.encoding, decoded.notes
    else:
        text, encoding = content.removeprefix("\ufeff"), "utf-8"
        text, notes = _without_surrogates(text)
    if input_format is not None:
        try:
            fmt = Format(input_format)
        except ValueError:
            raise InputError(
                f"unknown input format {input_format!r} (html, markdown, text)"
            ) from None
    else:
        fmt = (format_from_path(path) if path else None) or sniff_format(text)
    parser = _parser(fmt)
    options = {"content_selector": content_selector} if fmt is Format.HTML else {}
    try:
        return parser(text, path, notes, encoding, **options)
    except RecursionError:
        raise InputError(f"{path or 'input'}: too deeply nested to be read") from None
    except SeofrError:
        raise  # an error of seofr's says what it is itself
    except Exception as exc:  # a parser bug must surface as an input error, not a traceback
        raise InputError(f"{path or 'input'}: cannot be parsed as {fmt} ({exc})") from None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(text: str) -> tuple[str, tuple[InputNote, ...]]:
    """Lone surrogates (from a broken string) cannot be written out: replace them.

    The replacement character keeps every offset in place.
    """
    first = _SURROGATE.search(text)
    if first is None:
        return text, ()
    cleaned, count = _SURROGATE.subn("\ufffd", text)
    span = SourceMap(cleaned).span(first.start(), first.start() + 1)
    return cleaned, (InputNote("characters-replaced", {"count": count}, span),)


def _parser(fmt: Format) -> Callable[..., Document]:
    """The parser of a format, imported only when needed."""
    if fmt is Format.HTML:
        from seofr.document.html import parse_html

        return parse_html
    if fmt is Format.MARKDOWN:
        from seofr.document.markdown import parse_markdown

        return parse_markdown
    from seofr.document.text import parse_text

    return parse_text


def load_document(
    path: str | os.PathLike[str],
    input_format: Format | str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    content_selector: str | None = None,
) -> Document:
    """Read and parse the file at ``path``."""
    return parse_document(
        read_bytes(path, max_bytes), os.fspath(path), input_format, content_selector
    )
