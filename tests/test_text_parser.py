"""The plain-text reader, and the text builder every reader shares."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from seofr.document.builder import TextBuilder, collapse_space
from seofr.document.model import (
    Block,
    BlockKind,
    Document,
    Format,
    Heading,
    InputNote,
    SourceMap,
    TitleOrigin,
)
from seofr.document.text import parse_text

FIXTURES = Path(__file__).parent / "fixtures" / "text"


def texts(doc: Document) -> list[tuple[str, str]]:
    return [
        (f"h{e.level}" if isinstance(e, Heading) else str(e.kind), e.text)
        for e in doc.body
        if isinstance(e, Heading | Block)
    ]


def assert_maps_exactly(doc: Document) -> None:
    """Plain text has no markup: every character points at itself, spaces at white space."""
    for element in doc.body:
        assert element.span.start == element.source_offset(0)
        assert element.span.end == element.source_offset(len(element.text))
        for index, char in enumerate(element.text):
            found = doc.source[element.source_offset(index)]
            assert found == char or (char == " " and found in " \t\r\n")


def test_the_notice_fixture() -> None:
    source = (FIXTURES / "notice.txt").read_text(encoding="utf-8")
    doc = parse_text(source, path="notice.txt")
    assert doc.format is Format.TEXT and doc.path == "notice.txt"
    assert texts(doc) == [
        ("h1", "Notice de montage de l’étagère « Bastide »"),
        (
            "paragraph",
            "Avant de commencer, vérifiez que toutes les pièces sont présentes dans le carton. "
            "Comptez\u202fune heure de montage à deux personnes.",
        ),
        ("paragraph", "Outils nécessaires :"),
        ("list-item", "un tournevis cruciforme ;"),
        ("list-item", "un maillet en caoutchouc ;"),
        ("list-item", "une clé Allen de 4 mm (fournie)."),
        ("paragraph", "Étapes"),
        ("list-item", "Fixez les montants au socle."),
        ("list-item", "Insérez les tablettes, de bas en haut."),
        ("list-item", "Serrez les vis\u00a0sans forcer."),
        ("paragraph", "Conservez cette notice : elle vous servira en cas de démontage."),
    ]
    assert_maps_exactly(doc)


def test_the_first_non_blank_line_is_title_and_h1() -> None:
    source = "\n  \n\t\n   Le pain d’épices maison  \nUne recette de famille.\n"
    doc = parse_text(source)
    assert doc.title is not None and doc.title_origin is TitleOrigin.FIRST_LINE
    assert doc.title.value == "Le pain d’épices maison"
    assert doc.title.span is not None and doc.title.span.line == 4
    assert source[doc.title.span.start : doc.title.span.end] == "Le pain d’épices maison"
    heading = doc.headings[0]
    assert (heading.level, heading.text, heading.span) == (1, doc.title.value, doc.title.span)
    assert texts(doc)[1] == ("paragraph", "Une recette de famille.")


def test_paragraphs_span_lines_and_collapse_white_space() -> None:
    source = "Titre\n\nPremière   ligne\n\tdeuxième ligne\n\n\nAutre paragraphe.\n"
    doc = parse_text(source)
    assert texts(doc) == [
        ("h1", "Titre"),
        ("paragraph", "Première ligne deuxième ligne"),
        ("paragraph", "Autre paragraphe."),
    ]
    paragraph = doc.body[1]
    assert (paragraph.span.line, paragraph.span.end_line) == (3, 4)
    assert_maps_exactly(doc)


def test_list_markers() -> None:
    source = (
        "Liste\n"
        "• puce ronde\n"
        "- tiret\n"
        "* étoile\n"
        "– demi-cadratin\n"
        "1. premier\n"
        "12) douzième\n"
        "  - en retrait\n"
        "-sans espace n’est pas une puce\n"
        "2024. n’est pas une puce non plus\n"
    )
    doc = parse_text(source)
    assert texts(doc) == [
        ("h1", "Liste"),
        ("list-item", "puce ronde"),
        ("list-item", "tiret"),
        ("list-item", "étoile"),
        ("list-item", "demi-cadratin"),
        ("list-item", "premier"),
        ("list-item", "douzième"),
        ("list-item", "en retrait"),
        ("paragraph", "-sans espace n’est pas une puce 2024. n’est pas une puce non plus"),
    ]
    assert_maps_exactly(doc)


def test_a_list_item_ends_the_paragraph_before_it() -> None:
    doc = parse_text("Titre\nUn paragraphe\n- un point\nla suite\n")
    assert texts(doc) == [
        ("h1", "Titre"),
        ("paragraph", "Un paragraphe"),
        ("list-item", "un point"),
        ("paragraph", "la suite"),
    ]


def test_crlf_line_ends() -> None:
    source = "Titre\r\n\r\nune ligne\r\net une autre\r\n \r\n- point\r\n"
    doc = parse_text(source)
    assert texts(doc) == [
        ("h1", "Titre"),
        ("paragraph", "une ligne et une autre"),
        ("list-item", "point"),
    ]
    assert [e.span.line for e in doc.body] == [1, 3, 6]
    assert source[doc.body[0].span.start : doc.body[0].span.end] == "Titre"
    assert_maps_exactly(doc)


def test_empty_and_blank_input() -> None:
    for source in ("", "\n", " \t \r\n\u00a0\n"):
        doc = parse_text(source)
        assert doc.body == () and doc.title is None and doc.title_origin is None


def test_notes_encoding_and_bom_pass_through() -> None:
    note = InputNote("bytes-replaced", {"count": 2, "encoding": "utf-8"})
    doc = parse_text("\ufeffTitre", notes=(note,), encoding="cp1252")
    assert doc.source == "Titre" and doc.encoding == "cp1252" and doc.notes == (note,)
    assert doc.body[0].span.start == 0


def test_text_builder_collapses_and_maps() -> None:
    source = "  un  \n deux&amp;trois "
    builder = TextBuilder()
    builder.add(source[:12], 0, 12)
    builder.add("&", 12, 5)  # an entity: every character maps to its start
    builder.add(source[17:], 17, len(source) - 17)
    block = builder.block(SourceMap(source), BlockKind.PARAGRAPH)
    assert block is not None
    assert block.text == "un deux&trois"
    assert block.source_offset(0) == 2
    assert block.source_offset(2) == 4  # the collapsed space points at the first blank
    assert block.source_offset(7) == 12
    assert block.source_offset(8) == 17
    assert (block.span.start, block.span.end) == (2, 22)
    # "un" and the blank after it are contiguous in the source; "deux" is not
    assert [(p.text_start, p.source_start, p.length, p.source_length) for p in block.pieces] == [
        (0, 2, 3, 3),
        (3, 8, 4, 4),
        (7, 12, 1, 5),
        (8, 17, 5, 5),
    ]
    assert TextBuilder().block(SourceMap(""), BlockKind.PARAGRAPH) is None


def test_collapse_space_keeps_no_break_spaces() -> None:
    assert collapse_space(" a \t\n b\u00a0:\u202f» ") == "a b\u00a0:\u202f»"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab é\n\r\t -•*–1.)\u00a0\u202f"), max_size=120))
def test_text_like_input_never_raises_and_stays_in_bounds(source: str) -> None:
    doc = parse_text(source)
    assert_maps_exactly(doc)
    for element in doc.body:
        assert 0 <= element.span.start <= element.span.end <= len(doc.source)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_raises(source: str) -> None:
    doc = parse_text(source)
    for element in doc.body:
        assert 0 <= element.span.start <= element.span.end <= len(doc.source)
