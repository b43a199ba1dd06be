"""Decoding input bytes: byte-order marks, UTF-8, declared charsets, Windows-1252."""

from __future__ import annotations

import codecs
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seofr.document.decode import Decoded, decode
from seofr.document.model import InputNote

TEXTE = "Été comme hiver, l’œuf à la coque « parfait » se cuit 3\xa0min."


def _keys(decoded: Decoded) -> list[str]:
    return [note.key for note in decoded.notes]


def test_utf8_without_bom() -> None:
    decoded = decode(TEXTE.encode("utf-8"))
    assert decoded == Decoded(TEXTE, "utf-8", ())


def test_utf8_bom_is_removed() -> None:
    decoded = decode(codecs.BOM_UTF8 + TEXTE.encode("utf-8"))
    assert (decoded.text, decoded.encoding, decoded.notes) == (TEXTE, "utf-8", ())


@pytest.mark.parametrize(
    ("bom", "codec", "name"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    ],
)
def test_utf16_and_utf32_with_bom(bom: bytes, codec: str, name: str) -> None:
    decoded = decode(bom + TEXTE.encode(codec))
    assert (decoded.text, decoded.encoding, decoded.notes) == (TEXTE, name, ())


def test_truncated_utf16_is_replaced() -> None:
    decoded = decode(codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"c")
    assert decoded.text == "ab\ufffd"
    (note,) = decoded.notes
    assert note.key == "bytes-replaced"
    assert note.params == {"count": 1, "encoding": "utf-16"}
    assert note.span is not None and note.span.start == 2


def test_meta_charset_iso_8859_1_reads_as_windows_1252() -> None:
    page = (
        '<html><head><meta charset="ISO-8859-1"><title>Crêpes</title></head>'
        "<body><p>Mélangez la farine, les œufs et le lait ; c’est prêt.</p></body></html>"
    )
    decoded = decode(page.encode("cp1252"))
    assert decoded.text == page
    assert decoded.encoding == "cp1252"
    assert decoded.notes == (InputNote("decoding-declared", {"encoding": "iso-8859-1 (cp1252)"}),)


def test_http_equiv_charset() -> None:
    page = (
        '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">'
        "<p>Prix : 12 € la douzaine d’huîtres</p>".replace("’", "'")
    )
    decoded = decode(page.encode("iso8859-15"))
    assert decoded.text == page
    assert decoded.encoding == "iso8859-15"
    assert _keys(decoded) == ["decoding-declared"]
    assert decoded.notes[0].params == {"encoding": "iso-8859-15"}


def test_xml_declaration() -> None:
    page = '<?xml version="1.0" encoding="latin-1"?>\n<html><p>Noël</p></html>'
    decoded = decode(page.encode("latin-1"))
    assert (decoded.text, decoded.encoding, _keys(decoded)) == (
        page,
        "cp1252",
        ["decoding-declared"],
    )


def test_declaration_after_4096_bytes_is_ignored() -> None:
    page = "<!--" + "x" * 4100 + '--><meta charset="iso-8859-15"><p>€</p>'
    decoded = decode(page.encode("iso8859-15"))
    assert decoded.encoding == "cp1252"
    assert _keys(decoded) == ["decoding-fallback"]


def test_utf8_declaration_is_not_needed_for_utf8() -> None:
    page = '<meta charset="iso-8859-1"><p>Déjà</p>'
    decoded = decode(page.encode("utf-8"))
    assert (decoded.text, decoded.encoding, decoded.notes) == (page, "utf-8", ())


def test_windows_1252_without_declaration() -> None:
    text = "Chœur du quartier — répétition le jeudi ; venez nombreux !\r\n"
    decoded = decode(text.encode("cp1252"))
    assert decoded.text == text
    assert decoded.encoding == "cp1252"
    assert decoded.notes == (InputNote("decoding-fallback", {"encoding": "cp1252"}),)


def test_declaration_that_does_not_decode_falls_back() -> None:
    # 0x81 is not a Windows-1252 character, nor can "\x82\x20" be Shift_JIS.
    data = b'<meta charset="shift_jis"><p>Caf' + b"\xe9 \x82 \x81</p>"
    decoded = decode(data)
    assert decoded.encoding == "cp1252"
    assert decoded.text.endswith("Café ‚ \ufffd</p>")
    assert _keys(decoded) == ["decoding-fallback", "bytes-replaced"]
    replaced = decoded.notes[1]
    assert replaced.params == {"count": 1, "encoding": "cp1252"}
    assert replaced.span is not None
    assert decoded.text[replaced.span.start] == "\ufffd"


@pytest.mark.parametrize(
    "label", ["x-inconnu", "utf-7", "hex", "rot13", "unicode-escape", "cp500", "utf-16le"]
)
def test_unknown_or_refused_charset_is_ignored(label: str) -> None:
    data = f'<meta charset="{label}"><p>Caf'.encode() + b"\xe9 \\u0041 +AGE-</p>"
    decoded = decode(data)
    assert decoded.encoding == "cp1252"
    assert decoded.text.endswith("Café \\u0041 +AGE-</p>")
    assert _keys(decoded) == ["decoding-fallback"]


def test_invalid_bytes_in_utf8_are_replaced() -> None:
    good = "Ligne un : déjà vu.\nLigne deux : "
    data = good.encode() + b"\xff\xfe fin \xc3 \xe2\x82 et \xef\xbf\xbd \xc3\xa0 bient\xc3\xb4t"
    decoded = decode(data)
    assert decoded.encoding == "utf-8"
    # the U+FFFD that was in the file is not counted
    assert decoded.text == good + "\ufffd\ufffd fin \ufffd \ufffd et \ufffd à bientôt"
    (note,) = decoded.notes
    assert note.key == "bytes-replaced"
    assert note.params == {"count": 4, "encoding": "utf-8"}
    assert note.span is not None
    assert note.span.start == len(good)
    assert (note.span.line, note.span.column) == (2, len("Ligne deux : ") + 1)
    assert note.span.end == note.span.start + 1


def test_crlf_and_lone_cr_are_kept() -> None:
    text = "Titre\r\n\r\nPremier paragraphe.\rFin\n"
    assert decode(text.encode()).text == text
    assert decode(text.encode("utf-16")).text == text


def test_empty_input() -> None:
    assert decode(b"") == Decoded("", "utf-8", ())


def test_concurrent_decoding_counts_its_own_replacements() -> None:
    inputs = ["déjà vu ".encode() * 20 + b"\xff" * n for n in range(1, 30)]

    def count(data: bytes) -> int:
        params = decode(data).notes[-1].params
        return int(params["count"])

    with ThreadPoolExecutor(max_workers=8) as pool:
        counts = list(pool.map(count, inputs * 5))
    assert counts == list(range(1, 30)) * 5


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_decode(data: bytes) -> None:
    decoded = decode(data)
    assert isinstance(decoded.text, str)
    assert decoded.encoding
    for note in decoded.notes:
        assert note.key in {"decoding-fallback", "decoding-declared", "bytes-replaced"}
        if note.key == "bytes-replaced":
            assert note.span is not None
            assert decoded.text[note.span.start] == "\ufffd"
            assert int(note.params["count"]) <= decoded.text.count("\ufffd")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_utf8_text_round_trips(text: str) -> None:
    decoded = decode(text.encode("utf-8", "surrogatepass"))
    if not any("\ud800" <= char <= "\udfff" for char in text):
        expected = text[1:] if text.startswith("\ufeff") else text
        assert (decoded.text, decoded.notes) == (expected, ())
