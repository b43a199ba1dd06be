"""The Markdown reader: front matter, body structure, links, and exact source maps."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seofr.document.markdown import parse_markdown
from seofr.document.model import (
    Block,
    Document,
    Format,
    Heading,
    InputNote,
    Span,
    TextElement,
    TitleOrigin,
)

FIXTURES = Path(__file__).parent / "fixtures" / "markdown"
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def read_fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def sliced(source: str, span: Span | None) -> str:
    assert span is not None
    return source[span.start : span.end]


def assert_maps_exactly(source: str, element: TextElement) -> None:
    """Each character of the text points at itself in the source, or at the
    start of the entity, escape or tag that produced it."""
    text = element.text
    assert text == text.strip(" ") and "  " not in text
    assert element.span.start == element.source_offset(0)
    assert element.span.end == element.source_offset(len(text))
    for index, char in enumerate(text):
        offset = element.source_offset(index)
        assert element.span.start <= offset < element.span.end
        found = source[offset]
        if found == char:
            continue
        if found == "&":
            entity = _ENTITY.match(source, offset)
            assert entity is not None and html.unescape(entity.group()) == char
        elif found == "\\":
            assert source[offset + 1] == char
        else:
            # collapsed white space, or a <br> tag read as a space
            assert char == " " and (found in " \t\r\n" or source.startswith("<br", offset))


def assert_all_exact(doc: Document) -> None:
    assert doc.body
    for element in doc.body:
        assert_maps_exactly(doc.source, element)


def texts(doc: Document) -> list[tuple[str, str]]:
    return [
        (f"h{e.level}" if isinstance(e, Heading) else str(e.kind), e.text)
        for e in doc.body
        if isinstance(e, Heading | Block)
    ]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.md")))
def test_every_character_of_the_fixtures_maps_to_the_source(name: str) -> None:
    assert_all_exact(parse_markdown(read_fixture(name)))


def test_the_article_reads_in_order() -> None:
    doc = parse_markdown(read_fixture("article-complet.md"), path="article-complet.md")
    assert doc.format is Format.MARKDOWN
    assert doc.path == "article-complet.md"
    assert texts(doc) == [
        ("h2", "Pourquoi composter chez soi\u202f?"),
        (
            "paragraph",
            "Près d’un tiers de nos poubelles est fait de déchets organiques. Les composter, "
            "c’est les rendre à la terre au lieu de les brûler : un geste simple, à la portée "
            "de tous — même au sixième étage.",
        ),
        (
            "paragraph",
            "Le lombricomposteur tient dans un placard ; il ne sent rien s’il est bien "
            "entretenu. Comptez 30 % de déchets en moins dès le premier mois.",
        ),
        ("h2", "Ce qu’il vous faut"),
        ("list-item", "un bac à étages (bois ou plastique recyclé) ;"),
        ("list-item", "quelques centaines de vers Eisenia :"),
        ("list-item", "à commander auprès d’un éleveur ;"),
        ("list-item", "ou à récupérer chez un voisin ;"),
        ("list-item", "du carton brun, sans encre."),
        ("list-item", "Installez le bac à l’abri du soleil."),
        ("list-item", "Ajoutez les vers et une litière humide."),
        (
            "quote",
            "«\u202fLe compost, c’est le jardin qui recommence.\u202f» — un maraîcher "
            "rencontré au marché",
        ),
        ("h3", "Ce qui va au compost (ou pas)"),
        ("table-cell", "Déchet"),
        ("table-cell", "Au compost ?"),
        ("table-cell", "Épluchures de légumes"),
        ("table-cell", "Oui"),
        ("table-cell", "Agrumes | oignons"),
        ("table-cell", "Avec modération"),
        ("table-cell", "Viande, poisson"),
        ("table-cell", "Non"),
        (
            "paragraph",
            "Pour aller plus loin, lisez notre fiche sur les vers ou le site de l’ADEME : "
            "https://ademe.example/compost. Un schéma aide à comprendre : .",
        ),
        ("code", '# un rappel pour la liste de courses echo "acheter du carton brun"'),
        ("paragraph", "Un mot sur les «\xa0jus\xa0» : diluez-les dix fois* avant d’arroser."),
    ]


def test_front_matter_fields_and_their_spans() -> None:
    source = read_fixture("article-complet.md")
    doc = parse_markdown(source)
    assert doc.title is not None and doc.title_origin is TitleOrigin.FRONT_MATTER
    assert doc.title.value == "Composter en appartement : le guide pratique"
    assert sliced(source, doc.title.span) == doc.title.value  # inside the quotes
    assert doc.meta_description is not None
    assert doc.meta_description.value.startswith("Tout ce qu’il faut savoir")
    assert sliced(source, doc.meta_description.span) == doc.meta_description.value
    assert doc.lang is not None and doc.lang.value == "fr"
    assert sliced(source, doc.lang.span) == "fr"
    assert doc.canonical is not None
    assert doc.canonical.value == "https://jardin-urbain.example/compost-appartement"
    assert doc.meta_robots is not None and doc.meta_robots.value == "index, follow"
    assert doc.front_matter["keyword"] == ["compost en appartement", "lombricomposteur"]
    assert doc.front_matter["slug"] == "composter-en-appartement"
    assert doc.front_matter["profile"] == "blog"
    assert doc.front_matter["seofr"] == {"min-words": 600, "disable": ["passive-voice"]}
    assert doc.notes == ()


def test_body_lines_count_the_front_matter() -> None:
    source = read_fixture("article-complet.md")
    doc = parse_markdown(source)
    lines = source.split("\n")
    for element in doc.body:
        first_word = element.text.split(" ")[0].strip("#«\u202f*`")
        assert first_word in lines[element.span.line - 1]
    assert doc.headings[0].span.line == lines.index("## Pourquoi composter chez soi\u202f?") + 1


def test_front_matter_with_crlf_line_ends() -> None:
    source = (
        "---\r\ntitle: Tisanes du jardin\r\nlang: fr\r\n---\r\n"
        "# Les tisanes\r\n\r\nLa verveine se cueille en été,\r\navant la floraison.\r\n"
    )
    doc = parse_markdown(source)
    assert doc.title is not None and doc.title.value == "Tisanes du jardin"
    assert sliced(source, doc.title.span) == "Tisanes du jardin"
    assert doc.lang is not None and sliced(source, doc.lang.span) == "fr"
    assert texts(doc) == [
        ("h1", "Les tisanes"),
        ("paragraph", "La verveine se cueille en été, avant la floraison."),
    ]
    assert [e.span.line for e in doc.body] == [5, 7]
    paragraph = doc.body[1]
    assert paragraph.span.end_line == 8
    # the line break (CR LF) reads as one space pointing at the CR
    assert source[paragraph.source_offset(paragraph.text.index(" avant"))] == "\r"
    assert_all_exact(doc)


def test_title_falls_back_to_the_first_h1() -> None:
    source = (
        "---\ndescription: Une courte description\n---\nIntro.\n\n# Le vrai titre\n\n# Un autre\n"
    )
    doc = parse_markdown(source)
    assert doc.title is not None and doc.title_origin is TitleOrigin.FIRST_H1
    assert doc.title.value == "Le vrai titre"
    assert sliced(source, doc.title.span) == "Le vrai titre"


def test_no_title_without_front_matter_title_or_h1() -> None:
    doc = parse_markdown("## Seulement un H2\n\nEt du texte.\n")
    assert doc.title is None and doc.title_origin is None


def test_scalar_values_become_strings_and_others_are_ignored() -> None:
    source = "---\ntitle: 2024\nlang: [fr, en]\ndescription: ''\nrobots: noindex # privé\n---\n"
    doc = parse_markdown(source)
    assert doc.title is not None and doc.title.value == "2024"
    assert doc.lang is None  # a list is not a language
    assert doc.meta_description is None  # blank
    assert doc.meta_robots is not None and sliced(source, doc.meta_robots.span) == "noindex"


@pytest.mark.parametrize("style", [">", "|"])
def test_multi_line_values_span_their_key_line(style: str) -> None:
    source = f"---\ndescription: {style}\n  Une description\n  sur deux lignes.\n---\nTexte.\n"
    doc = parse_markdown(source)
    assert doc.meta_description is not None
    assert doc.meta_description.value == "Une description sur deux lignes."
    assert sliced(source, doc.meta_description.span) == f"description: {style}"


def test_invalid_front_matter_is_a_note_not_an_error() -> None:
    source = read_fixture("front-matter-invalide.md")
    doc = parse_markdown(source, notes=(InputNote("bytes-replaced", {"count": 1}),))
    assert doc.front_matter == {}
    assert [note.key for note in doc.notes] == ["bytes-replaced", "front-matter-invalid"]
    note = doc.notes[1]
    error = note.params["error"]
    assert isinstance(error, str) and error and "\n" not in error
    assert sliced(source, note.span).startswith("---\ntitle:")
    assert sliced(source, note.span).endswith("---")
    # the body is still read, at its own lines
    assert doc.title is not None and doc.title_origin is TitleOrigin.FIRST_H1
    assert doc.headings[0].span.line == 5
    assert_all_exact(doc)


@pytest.mark.parametrize(
    "yaml_text",
    ["- une\n- liste", "juste une phrase", "date: 2024-13-45", "a: [1, 2", "{{{"],
)
def test_front_matter_that_is_not_a_mapping_is_ignored(yaml_text: str) -> None:
    doc = parse_markdown(f"---\n{yaml_text}\n---\nTexte du corps.\n")
    assert doc.front_matter == {}
    assert [note.key for note in doc.notes] == ["front-matter-invalid"]
    assert texts(doc) == [("paragraph", "Texte du corps.")]


def test_an_unclosed_front_matter_is_body() -> None:
    doc = parse_markdown("---\ntitle: pas de fin\n\nTexte.\n")
    assert doc.front_matter == {} and doc.notes == ()
    assert ("paragraph", "Texte.") in texts(doc)


def test_empty_and_blank_input() -> None:
    for source in ("", "\n\n", "   \n\t\n"):
        doc = parse_markdown(source)
        assert doc.body == () and doc.title is None and doc.links == ()


def test_only_front_matter() -> None:
    source = "---\ntitle: Page vide\n---"
    doc = parse_markdown(source)
    assert doc.body == ()
    assert doc.title is not None and sliced(source, doc.title.span) == "Page vide"
    empty = parse_markdown("---\n---\n")
    assert empty.front_matter == {} and empty.notes == ()


def test_byte_order_mark_is_dropped() -> None:
    doc = parse_markdown("\ufeff---\ntitle: Avec BOM\n---\n")
    assert doc.source.startswith("---")
    assert doc.title is not None and doc.title.value == "Avec BOM"


def test_setext_headings() -> None:
    source = read_fixture("setext-et-html.md")
    doc = parse_markdown(source)
    headings = [(h.level, h.text) for h in doc.headings]
    assert headings == [
        (1, "Le pain au levain"),
        (2, "Les ingrédients"),
        (1, "Titre sur deux lignes"),
    ]
    assert doc.headings[2].span.line == doc.headings[2].span.end_line - 1
    assert doc.title is not None and doc.title.value == "Le pain au levain"


def test_atx_heading_with_closing_sequence_and_empty_heading() -> None:
    source = "## Les # dièses ##\n\n###\n"
    doc = parse_markdown(source)
    assert [(h.level, h.text) for h in doc.headings] == [(2, "Les # dièses"), (3, "")]
    assert sliced(source, doc.headings[0].span) == "Les # dièses"
    assert sliced(source, doc.headings[1].span) == "###"


def test_nested_lists_give_one_item_each() -> None:
    source = (
        "- Légumes\n"
        "  - carottes\n"
        "    1. nantaises\n"
        "    2. de Colmar\n"
        "  - poireaux\n"
        "- Fruits, avec un second paragraphe :\n"
        "\n"
        "  pommes et poires.\n"
    )
    doc = parse_markdown(source)
    assert texts(doc) == [
        ("list-item", "Légumes"),
        ("list-item", "carottes"),
        ("list-item", "nantaises"),
        ("list-item", "de Colmar"),
        ("list-item", "poireaux"),
        ("list-item", "Fruits, avec un second paragraphe :"),
        ("list-item", "pommes et poires."),
    ]
    assert_all_exact(doc)


def test_tables_give_cells() -> None:
    source = "| Mois | Semis |\n|:--|--:|\n| mars | radis, `laitue` |\n| avril | \\| tomates |\n"
    doc = parse_markdown(source)
    assert texts(doc) == [
        ("table-cell", "Mois"),
        ("table-cell", "Semis"),
        ("table-cell", "mars"),
        ("table-cell", "radis, laitue"),
        ("table-cell", "avril"),
        ("table-cell", "| tomates"),
    ]
    assert [e.span.line for e in doc.body] == [1, 1, 3, 3, 4, 4]
    assert_all_exact(doc)


def test_blockquotes() -> None:
    source = (
        "> Première citation,\n"
        "continuée paresseusement.\n"
        ">\n"
        "> > Citation imbriquée.\n"
        ">\n"
        "> - un point dans la citation\n"
    )
    doc = parse_markdown(source)
    assert texts(doc) == [
        ("quote", "Première citation, continuée paresseusement."),
        ("quote", "Citation imbriquée."),
        ("list-item", "un point dans la citation"),
    ]
    assert_all_exact(doc)


def test_code_blocks_are_code_and_hold_no_comments() -> None:
    source = (
        "```html\n<!-- pas un commentaire du document -->\n<a href='/x'>x</a>\n```\n\n"
        "    indenté   avec   espaces\n"
        "\n~~~\nnon fermé"
    )
    doc = parse_markdown(source)
    assert texts(doc) == [
        ("code", "<!-- pas un commentaire du document --> <a href='/x'>x</a>"),
        ("code", "indenté avec espaces"),
        ("code", "non fermé"),
    ]
    assert doc.comments == () and doc.links == ()
    assert_all_exact(doc)


def test_markdown_links() -> None:
    source = (
        "Voir [la *charte*](/charte 'titre') et [le glossaire][glo], [Compost][], "
        "<https://exemple.fr/café>, <contact@exemple.fr>.\n"
        "\n"
        "[glo]: /glossaire\n"
        "[compost]: https://exemple.fr/compost\n"
        "\n"
        "## Un titre [avec lien](/titre)\n"
    )
    doc = parse_markdown(source)
    links = [(link.href, link.text, sliced(source, link.span)) for link in doc.links]
    assert links == [
        ("/charte", "la charte", "[la *charte*](/charte 'titre')"),
        ("/glossaire", "le glossaire", "[le glossaire][glo]"),
        ("https://exemple.fr/compost", "Compost", "[Compost][]"),
        ("https://exemple.fr/café", "https://exemple.fr/café", "<https://exemple.fr/café>"),
        ("mailto:contact@exemple.fr", "contact@exemple.fr", "<contact@exemple.fr>"),
        ("/titre", "avec lien", "[avec lien](/titre)"),
    ]
    assert all(link.rel == () for link in doc.links)
    assert texts(doc)[0][1] == (
        "Voir la charte et le glossaire, Compost, https://exemple.fr/café, contact@exemple.fr."
    )
    assert_all_exact(doc)


def test_images_are_not_paragraph_text() -> None:
    source = "Avant ![Un potager en carrés](/img/carres.png) après ![](/img/sans-alt.png).\n"
    doc = parse_markdown(source)
    assert texts(doc) == [("paragraph", "Avant après .")]
    images = [(i.src, i.alt, sliced(source, i.span)) for i in doc.images]
    assert images == [
        ("/img/carres.png", "Un potager en carrés", "![Un potager en carrés](/img/carres.png)"),
        ("/img/sans-alt.png", None, "![](/img/sans-alt.png)"),
    ]
    assert_all_exact(doc)


def test_an_image_link_takes_the_alt_as_its_text() -> None:
    source = "[![Logo de l’association](/logo.png)](https://asso.example)\n"
    doc = parse_markdown(source)
    assert [(link.href, link.text) for link in doc.links] == [
        ("https://asso.example", "Logo de l’association")
    ]
    assert sliced(source, doc.links[0].span) == source.strip()
    assert sliced(source, doc.images[0].span) == "![Logo de l’association](/logo.png)"
    assert doc.body == ()  # only an image: no text


def test_entities_and_escapes_map_to_their_start() -> None:
    source = "L&rsquo;&eacute;t&#233; \\*sans\\* gras &amp; c&#x27;est tout.\n"
    doc = parse_markdown(source)
    paragraph = doc.blocks[0]
    assert paragraph.text == "L’été *sans* gras & c'est tout."
    assert source.startswith("&rsquo;", paragraph.source_offset(1))
    assert source.startswith("&#233;", paragraph.source_offset(4))
    assert source.startswith("\\*", paragraph.source_offset(6))
    assert_all_exact(doc)


def test_inline_html_links_images_and_comments() -> None:
    source = read_fixture("setext-et-html.md")
    doc = parse_markdown(source)
    links = [(link.href, link.text, link.rel) for link in doc.links]
    assert links == [
        ("https://moulin.example/t80", "T80 bio", ("nofollow", "sponsored")),
        ("/levain/jour-2", "la suite au jour 2", ()),
    ]
    assert sliced(source, doc.links[1].span) == '<a href="/levain/jour-2">la suite au jour 2</a>'
    images = [(i.src, i.alt, i.role) for i in doc.images]
    assert images == [
        ("/img/levain.jpg", "Un bocal de levain actif", "presentation"),
        ("/img/bulles.png", None, None),
    ]
    assert sliced(source, doc.images[1].span) == '<img src="/img/bulles.png">'
    assert [c.text for c in doc.comments] == [
        "à relire avant publication",
        "seofr-disable-next-line sentence-length",
    ]
    # an HTML block's paragraph is text where the block stands; <br> separates words
    assert doc.blocks[1].text == "Astuce : utilisez une farine T80 bio."
    assert "d’eau tiède" in doc.blocks[2].text
    assert_all_exact(doc)


def test_html_blocks_are_read_as_html_pages_are() -> None:
    source = (
        "> <p>Une <em>citation</em> en HTML\n"
        "> sur deux lignes.</p>\n"
        "\n"
        "- Un item\n"
        "\n"
        "  <div>Texte <b>dans</b> l’item</div>\n"
        "\n"
        "<h2>Titre <em>HTML</em></h2>\n"
        "\n"
        "<h3></h3>\n"
        "\n"
        "<p>L&rsquo;été &amp; co.</p>\n"
        "\n"
        "<script>var cache = 1;</script>\n"
        "\n"
        "<nav><a href='/'>Accueil</a></nav>\n"
    )
    doc = parse_markdown(source)
    assert texts(doc) == [
        ("quote", "Une citation en HTML sur deux lignes."),
        ("list-item", "Un item"),
        ("list-item", "Texte dans l’item"),
        ("h2", "Titre HTML"),
        ("h3", ""),
        ("paragraph", "L’été & co."),
    ]
    quote = doc.blocks[0]
    # the second line's text maps past the quotation marker of its source line
    assert source.startswith("sur deux", quote.source_offset(quote.text.index("sur")))
    assert (quote.span.line, quote.span.column, quote.span.end_line) == (1, 6, 2)
    assert sliced(source, doc.headings[1].span) == "<h3>"
    assert source.startswith("&rsquo;", doc.blocks[3].source_offset(1))
    # navigation is not content, but its link is still a link
    assert [link.href for link in doc.links] == ["/"]
    for element in doc.body:
        if element.text:
            assert_maps_exactly(source, element)


def test_directive_comments_keep_their_spans() -> None:
    source = read_fixture("article-complet.md")
    doc = parse_markdown(source)
    [comment] = doc.comments
    assert comment.text == "seofr-disable word-count"
    assert sliced(source, comment.span) == "<!-- seofr-disable word-count -->"
    assert source.split("\n")[comment.span.line - 1] == "<!-- seofr-disable word-count -->"


def test_comment_inside_a_paragraph_over_two_lines() -> None:
    source = "Du texte <!-- seofr-disable\nword-count --> et la suite.\n"
    doc = parse_markdown(source)
    [comment] = doc.comments
    assert comment.text == "seofr-disable\nword-count"
    assert (comment.span.line, comment.span.end_line) == (1, 2)
    assert texts(doc) == [("paragraph", "Du texte et la suite.")]


def test_unclosed_html_link_ends_with_its_block() -> None:
    source = "Un <a href='/ouvert'>lien jamais fermé.\n\nParagraphe suivant.\n"
    doc = parse_markdown(source)
    [link] = doc.links
    assert (link.href, link.text) == ("/ouvert", "lien jamais fermé.")
    assert sliced(source, link.span) == "<a href='/ouvert'>lien jamais fermé."


def test_tabs_and_no_break_space_lines() -> None:
    source = (
        "-\tpremier point\n\n>\tcitation\n\n\u00a0\nAprès une ligne insécable.\n\n"
        "\u00a0\nIntertitre\n---\n\n- \u00a0\n  point après une ligne insécable\n"
    )
    doc = parse_markdown(source)
    assert texts(doc) == [
        ("list-item", "premier point"),
        ("quote", "citation"),
        ("paragraph", "Après une ligne insécable."),
        ("h2", "Intertitre"),
        ("list-item", "point après une ligne insécable"),
    ]
    assert_all_exact(doc)


@pytest.mark.parametrize(
    "source",
    [
        ">" * 5000 + " profond",
        "".join("  " * depth + "- niveau\n" for depth in range(300)),
        "*" * 3000 + "a" + "*" * 3000,
        "[" * 3000 + "a" + "](/x)" * 3000,
        "<!--" * 2000,
    ],
)
def test_deep_or_pathological_input_does_not_raise(source: str) -> None:
    doc = parse_markdown(source)
    for element in doc.body:
        assert 0 <= element.span.start <= element.span.end <= len(source)


_SNIPPETS = [
    "a",
    "é",
    " ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\0",
    "\u00a0",
    "\u202f",
    "*",
    "_",
    "`",
    "```",
    "#",
    "## ",
    "- ",
    "1. ",
    "> ",
    "    ",
    "[",
    "]",
    "(",
    ")",
    "![i](/s)",
    "[l](/u 't')",
    "[l][r]",
    "[r]: /u\n",
    "<https://a.fr>",
    "\\",
    "&eacute;",
    "&#0;",
    "&",
    "<a href='/x'>",
    "</a>",
    "<img src=y alt>",
    "<br>",
    "<!-- c -->",
    "<!--",
    "<div>",
    "|",
    "|---|\n",
    "---\n",
    "===",
    "title: x\n",
    ":",
]


def _check_bounds(doc: Document) -> None:
    size = len(doc.source)
    spans = [e.span for e in doc.body]
    spans += [link.span for link in doc.links]
    spans += [image.span for image in doc.images]
    spans += [comment.span for comment in doc.comments]
    spans += [f.span for f in (doc.title, doc.meta_description, doc.lang) if f and f.span]
    spans += [n.span for n in doc.notes if n.span]
    for span in spans:
        assert 0 <= span.start <= span.end <= size
    for element in doc.body:
        for piece in element.pieces:
            assert 0 <= piece.source_start <= piece.source_start + piece.source_length <= size
        for index in range(len(element.text) + 1):
            assert 0 <= element.source_offset(index) <= size


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SNIPPETS), max_size=60).map("".join))
def test_markdown_like_input_never_raises(source: str) -> None:
    _check_bounds(parse_markdown(source))
    _check_bounds(parse_markdown("---\n" + source))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_raises(source: str) -> None:
    _check_bounds(parse_markdown(source))
