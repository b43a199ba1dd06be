"""Turn the bytes of an input file into text, and tell the writer how it was read.

The order follows what browsers do, with one refinement for damaged UTF-8:

1. a byte-order mark (UTF-8, UTF-16 or UTF-32) decides, and is removed;
2. bytes that are valid UTF-8 are UTF-8;
3. a charset declared in the first 4096 bytes (``<meta charset>``,
   ``<meta http-equiv="Content-Type">``, ``<?xml encoding?>``) is used when
   Python knows it and the bytes decode with it without error. As in browsers
   (WHATWG Encoding), ISO-8859-1 and US-ASCII mean Windows-1252;
4. bytes that are mostly UTF-8 (at least as many well-formed non-ASCII
   characters as invalid sequences) are read as UTF-8 with the invalid
   sequences replaced: reading them as Windows-1252 would garble every accented
   letter of the text to fix a few bad bytes;
5. anything else is Windows-1252.

Decoding never fails: bytes that cannot be decoded become U+FFFD, and a
``bytes-replaced`` note gives their count and the first position. Line
endings are kept as they are, so that offsets point into the original text.
"""

from __future__ import annotations

import codecs
import re
from contextvars import ContextVar
from dataclasses import dataclass

from seofr.document.model import InputNote, SourceMap

__all__ = ["Decoded", "decode", "encode_like"]

#: How far into the file a charset declaration is looked for, as in browsers.
_DECLARATION_WINDOW = 4096

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 first: its little-endian mark starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# One pattern for both ``<meta charset=x>`` and the ``charset=x`` inside the
# content of ``<meta http-equiv="Content-Type">``; it cannot leave the tag.
_META_CHARSET = re.compile(
    rb"<meta\b[^>]*?(?<![\w-])charset\s*=\s*[\"']?\s*([a-z0-9._:+-]+)", re.IGNORECASE
)
_XML_ENCODING = re.compile(
    rb"\A\s*<\?xml\b[^>]*?\bencoding\s*=\s*[\"']\s*([a-z0-9._:+-]+)", re.IGNORECASE
)

# Python names of the labels browsers read as Windows-1252 (WHATWG Encoding).
_WINDOWS_1252_ALIASES = frozenset({"iso8859-1", "ascii", "cp1252"})
# Codecs that are not character encodings of web pages, or that browsers refuse
# for security reasons (UTF-7).
_REFUSED_CODECS = frozenset(
    {"utf-7", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined"}
)

# Byte offsets of the sequences the replacing error handler met during the
# current decode call; a context variable keeps concurrent calls apart.
_replaced_at: ContextVar[list[int] | None] = ContextVar("_replaced_at", default=None)
_REPLACE = "seofr.document.decode.replace"


def _replace_and_record(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: replace like ``"replace"`` and remember where."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    positions = _replaced_at.get()
    if positions is not None:
        positions.append(error.start)
    return "\ufffd", error.end


# Codec error handlers can only be found by name, in a process-wide registry:
# register ours once, under a name nobody else uses.
codecs.register_error(_REPLACE, _replace_and_record)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the encoding it was read with and what the writer should know."""

    text: str
    encoding: str
    notes: tuple[InputNote, ...] = ()


def decode(data: bytes) -> Decoded:
    """Decode the bytes of an input file; never raises.

    ``encoding`` is ``utf-8``, ``utf-16``, ``utf-32``, ``cp1252`` or the Python
    name of a declared charset. A byte-order mark is removed from the text.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _decode_replacing(data[len(bom) :], codec, name, ())
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    declared, label = _declared_codec(data[:_DECLARATION_WINDOW])
    if declared is not None:
        try:
            text = data.decode(declared)
        except (ValueError, LookupError):
            # The declaration is wrong about these bytes: guess instead.
            pass
        else:
            return Decoded(
                text,
                declared,
                # say what the file declares, and what it was read as when browsers differ
                (InputNote("decoding-declared", {"encoding": _shown(label, declared)}),),
            )
    as_utf8 = _decode_replacing(data, "utf-8", "utf-8", ())
    replaced = sum(int(note.params["count"]) for note in as_utf8.notes)
    if _non_ascii(as_utf8.text) - replaced >= replaced:
        return as_utf8
    fallback = InputNote("decoding-fallback", {"encoding": "cp1252"})
    return _decode_replacing(data, "cp1252", "cp1252", (fallback,))


def encode_like(text: str, original: bytes, encoding: str) -> bytes:
    """``text`` as bytes the way ``original`` was written: same byte-order mark, same
    encoding (the one :func:`decode` found). Raises :class:`UnicodeEncodeError`
    for a character the encoding cannot hold."""
    for bom, codec, _ in _BOMS:
        if original.startswith(bom):
            return bom + text.encode(codec)
    return text.encode(encoding)


def _decode_replacing(data: bytes, codec: str, name: str, notes: tuple[InputNote, ...]) -> Decoded:
    """Decode with U+FFFD for undecodable bytes, adding a note when there are any."""
    positions: list[int] = []
    token = _replaced_at.set(positions)
    try:
        text = data.decode(codec, _REPLACE)
    finally:
        _replaced_at.reset(token)
    if not positions:
        return Decoded(text, name, notes)
    # Everything before the first error decodes cleanly: its length in
    # characters is where the first U+FFFD went.
    index = len(data[: positions[0]].decode(codec, "replace"))
    note = InputNote(
        "bytes-replaced",
        {"count": len(positions), "encoding": name},
        SourceMap(text).span(index, index + 1),
    )
    return Decoded(text, name, (*notes, note))


def _shown(label: str, codec: str) -> str:
    return label if codecs.lookup(label).name == codec else f"{label} ({codec})"


def _declared_codec(head: bytes) -> tuple[str | None, str]:
    """The Python codec for the charset the document declares, if usable, and the label.

    A declaration of UTF-8 (or of UTF-16/32, which browsers read as UTF-8 when
    the declaration itself is readable as ASCII) gives ``None``: UTF-8 has
    already been tried.
    """
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if match is None:
        return None, ""
    label = match.group(1).decode("ascii").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None, label
    if name in _WINDOWS_1252_ALIASES:
        return "cp1252", label
    if name.startswith(("utf-8", "utf-16", "utf-32")) or name in _REFUSED_CODECS:
        return None, label
    # The declaration was read as ASCII: an encoding in which it reads
    # otherwise (EBCDIC…) cannot be the page's.
    declaration = match.group(0)
    try:
        if declaration.decode(name) != declaration.decode("ascii"):
            return None, label
    except (ValueError, LookupError):
        return None, label
    return name, label


def _non_ascii(text: str) -> int:
    """How many characters of ``text`` are not ASCII."""
    return len(text) - len(text.encode("ascii", "ignore"))
