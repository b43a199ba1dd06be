"""The HTML parser: content selection, metadata and exact source positions."""

from __future__ import annotations

import html
import itertools
import re
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seofr.document.html import parse_html
from seofr.document.model import (
    Block,
    BlockKind,
    Document,
    Format,
    Heading,
    TextElement,
    TitleOrigin,
)

FIXTURES = Path(__file__).parent / "fixtures" / "html"

_HIDDEN_ZONE = re.compile(
    r"<(script|style|noscript|template|svg)\b.*?</\1\s*>|<!--.*?-->|<!\[CDATA\[.*?\]\]>",
    re.DOTALL | re.IGNORECASE,
)
_SEPARATING_TAG = re.compile(
    r"</?(?:br|div|p|li|ul|ol|h[1-6]|section|table|tr|td|th|dl|dt|dd|blockquote|pre)\b[^>]*>",
    re.IGNORECASE,
)
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_REFERENCE = re.compile(r"&#?[0-9A-Za-z]+;?")


def _fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _visible(markup: str) -> str:
    """What a reader sees of a slice of markup, white space collapsed."""
    text = _HIDDEN_ZONE.sub("", markup)
    text = _TAG.sub("", _SEPARATING_TAG.sub(" ", text))
    return _HTML_SPACE.sub(" ", html.unescape(text)).strip()


def _assert_maps_to_source(source: str, element: TextElement) -> None:
    """Every character points at itself, at its reference, or (a space) at white space or a tag."""
    pieces = element.pieces
    if element.text:
        assert pieces[0].text_start == 0
        for before, after in itertools.pairwise(pieces):
            assert after.text_start == before.text_start + before.length
        assert pieces[-1].text_start + pieces[-1].length == len(element.text)
    previous = -1
    for index, char in enumerate(element.text):
        offset = element.source_offset(index)
        assert element.span.start <= offset < element.span.end
        assert offset >= previous, "offsets follow the text"
        previous = offset
        found = source[offset]
        if found == char:
            continue
        if char == " ":
            assert found in " \t\n\r\f<", (element.text, index, found)
            continue
        assert found == "&", (element.text, index, char, found)
        reference = _REFERENCE.match(source, offset)
        assert reference is not None
        assert char in html.unescape(reference.group())
    assert element.source_offset(len(element.text)) == element.span.end or not element.text


def _assert_positions(doc: Document) -> None:
    source = doc.source
    for element in doc.body:
        span = element.span
        assert 0 <= span.start <= span.end <= len(source)
        assert doc.source_map.position(span.start) == (span.line, span.column)
        assert doc.source_map.position(span.end) == (span.end_line, span.end_column)
        if element.text:
            assert _visible(source[span.start : span.end]) == element.text
            _assert_maps_to_source(source, element)
        else:
            assert isinstance(element, Heading)
            assert re.fullmatch(r"<h[1-6]\b[^>]*>", source[span.start : span.end], re.I)
    for link in doc.links:
        assert source.startswith("<a", link.span.start)
        assert link.text in _visible(source[link.span.start : link.span.end])
    for image in doc.images:
        assert re.fullmatch(r"<img\b[^>]*>", source[image.span.start : image.span.end])
    for comment in doc.comments:
        markup = source[comment.span.start : comment.span.end]
        assert markup.startswith("<!") and markup.endswith(">")
        assert comment.text in markup


def _texts(doc: Document) -> list[tuple[str, str]]:
    """(kind, text) of each element of the body: ``h2`` for a heading of level 2."""
    return [(f"h{e.level}" if isinstance(e, Heading) else str(e.kind), e.text) for e in doc.body]


# --- Positions ------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.html")))
def test_fixture_positions(name: str) -> None:
    _assert_positions(parse_html(_fixture(name)))


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.html")))
def test_crlf_keeps_texts_and_line_numbers(name: str) -> None:
    lf = parse_html(_fixture(name))
    crlf = parse_html(_fixture(name).replace("\n", "\r\n"))
    _assert_positions(crlf)
    assert _texts(crlf) == _texts(lf)
    assert [e.span.line for e in crlf.body] == [e.span.line for e in lf.body]
    assert [e.span.column for e in crlf.body] == [e.span.column for e in lf.body]


def test_entities_map_to_their_reference() -> None:
    source = "<p>L&rsquo;&eacute;t&#233; &#x2019;&nbsp;ici &amp; l&agrave;</p>"
    doc = parse_html(source)
    (block,) = doc.body
    assert block.text == "L’été ’\xa0ici & là"
    offsets = [block.source_offset(i) for i in range(len(block.text))]
    assert source[offsets[1] :].startswith("&rsquo;")
    assert source[offsets[2] :].startswith("&eacute;")
    assert source[offsets[3]] == "t"
    assert source[offsets[4] :].startswith("&#233;")
    assert source[offsets[6] :].startswith("&#x2019;")
    assert source[offsets[7] :].startswith("&nbsp;")
    assert block.source_offset(len(block.text)) == source.index("</p>")
    _assert_positions(doc)


def test_unknown_and_unterminated_references_stay_text() -> None:
    doc = parse_html("<p>AT&T &foo; &amp 3 &lt 4 &#233 fin</p>")
    assert doc.body[0].text == "AT&T &foo & 3 < 4 é fin"
    _assert_maps_to_source(doc.source, doc.body[0])


def test_white_space_is_collapsed_but_no_break_spaces_are_kept() -> None:
    source = "<p>\n  Prix\t:\n\n 12&nbsp;€ <span> </span> TTC\u202f!  </p>"
    doc = parse_html(source)
    assert doc.body[0].text == "Prix : 12\xa0€ TTC\u202f!"
    _assert_positions(doc)


def test_no_break_spaces_at_the_ends_are_trimmed() -> None:
    source = "<p>&nbsp;Bonjour\xa0: au revoir&nbsp; </p><table><tr><td>&nbsp;</td></tr></table>"
    doc = parse_html(source)
    assert _texts(doc) == [("paragraph", "Bonjour\xa0: au revoir")]
    _assert_positions(doc)
    assert doc.body[0].span.start == source.index("Bonjour")


def test_br_is_a_space() -> None:
    doc = parse_html("<p>Ligne un<br>ligne deux<br/><br />trois</p>")
    assert doc.body[0].text == "Ligne un ligne deux trois"
    _assert_positions(doc)


# --- Structure ------------------------------------------------------------------


def test_complete_page_body() -> None:
    doc = parse_html(_fixture("page-complete.html"))
    assert doc.format is Format.HTML
    assert _texts(doc) == [
        ("h1", "Pain au levain maison\u202f: la méthode pas à pas"),
        (
            "paragraph",
            "Le levain n’est qu’un mélange de farine et d'eau laissé à fermenter. Avec un peu de"
            " patience, il donne un pain plus digeste et une mie\xa0alvéolée. Comptez trois jours"
            " la première fois.",
        ),
        ("h2", "Le matériel"),
        ("list-item", "Un bocal en verre de 500\xa0ml"),
        ("list-item", "Une balance précise"),
        ("list-item", "au gramme près"),
        ("list-item", "avec fonction tare"),
        ("list-item", "et bien calibrée"),
        ("list-item", "Une cocotte en fonte"),
        ("h2", "Les proportions"),
        ("caption", "Pour un pain d’environ 900\xa0g"),
        ("table-cell", "Ingrédient"),
        ("table-cell", "Quantité"),
        ("table-cell", "Farine T80"),
        ("table-cell", "500 g"),
        ("table-cell", "Eau tiède"),
        ("table-cell", "350 g"),
        ("caption", "Un levain prêt à l’emploi double de volume en six heures."),
        ("h3", ""),
        ("quote", "Le temps est l’ingrédient principal."),
        ("quote", "Tout le reste s’apprend."),
        ("definition", "Autolyse"),
        ("definition", "Repos de la farine et de l’eau avant l’ajout du levain."),
        ("code", "levain 100 g farine 500 g"),
        (
            "paragraph",
            "Pour aller plus loin, lisez notre guide des farines ou le dossier d’un meunier"
            " passionné.",
        ),
    ]


def test_nested_lists_keep_reading_order() -> None:
    doc = parse_html("<ul><li>a<ul><li>b</li><li>c<ol><li>d</li></ol></li></ul>e</li><li>f</ul>")
    assert _texts(doc) == [("list-item", t) for t in "abcdef"]
    _assert_positions(doc)


def test_table_cells() -> None:
    doc = parse_html(
        "<table><thead><tr><th>Ville</th><th>Habitants</th></tr></thead>"
        "<tbody><tr><td>Lyon</td><td><p>522&#8239;000</p></td></tr></tbody></table>"
    )
    assert _texts(doc) == [
        ("table-cell", "Ville"),
        ("table-cell", "Habitants"),
        ("table-cell", "Lyon"),
        ("table-cell", "522\u202f000"),
    ]


def test_paragraphs_take_the_kind_of_their_container() -> None:
    doc = parse_html(
        "<blockquote>Dit-il : <p>un</p><p>deux</p></blockquote>"
        "<li><p>élément</p></li><figure><figcaption><p>légende</p></figcaption></figure>"
        "<p>simple</p>"
    )
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.QUOTE, "Dit-il :"),
        (BlockKind.QUOTE, "un"),
        (BlockKind.QUOTE, "deux"),
        (BlockKind.LIST_ITEM, "élément"),
        (BlockKind.CAPTION, "légende"),
        (BlockKind.PARAGRAPH, "simple"),
    ]


def test_loose_text_becomes_paragraphs_between_blocks() -> None:
    doc = parse_html(_fixture("sans-main.html"))
    assert _texts(doc) == [
        ("paragraph", "Bienvenue sur le site de l’association des jardins partagés."),
        ("h1", "Les jardins partagés du quartier"),
        ("paragraph", "Nos parcelles sont ouvertes tous les samedis, de 9\xa0h à 12\xa0h."),
        ("paragraph", "Inscriptions en mairie"),
        ("paragraph", "Apportez vos gants\u202f!"),
        ("h2", "Calendrier des semis"),
        ("paragraph", "Mars\xa0: radis et petits pois. Avril : tomates sous abri."),
    ]


def test_headings_split_only_at_blocks() -> None:
    doc = parse_html("<h2><div>Titre</div><div>sous-titre</div></h2><h3>Un<p>deux</p></h3>")
    assert _texts(doc) == [("h2", "Titre sous-titre"), ("h3", "Un"), ("paragraph", "deux")]
    _assert_positions(doc)


def test_empty_headings_are_kept_and_empty_blocks_dropped() -> None:
    source = '<h1>Titre</h1><p> </p><h2 id="vide"></h2><li></li><h3><img src="x.png"></h3>'
    doc = parse_html(source)
    assert _texts(doc) == [("h1", "Titre"), ("h2", ""), ("h3", "")]
    empty = doc.headings[1]
    assert source[empty.span.start : empty.span.end] == '<h2 id="vide">'
    assert empty.source_offset(0) == empty.span.start


def test_unclosed_heading_does_not_swallow_the_page() -> None:
    doc = parse_html("<h2>Titre<p>Un paragraphe.<p>Un autre.")
    assert _texts(doc) == [
        ("h2", "Titre"),
        ("paragraph", "Un paragraphe."),
        ("paragraph", "Un autre."),
    ]


# --- Content selection -------------------------------------------------------------


def test_excluded_zones_are_not_content() -> None:
    doc = parse_html(_fixture("page-complete.html"))
    text = " ".join(e.text for e in doc.body)
    for absent in (
        "Boulange du Dimanche",  # site header, nav and footer
        "Accueil",
        "Abonnez-vous",  # aside
        "Par Odile",  # article header, besides its h1
        "pas du contenu",  # script
        "color",  # style
        "écrire ici",  # form
        "Publié dans",  # article footer
        "seofr-disable",  # comment
    ):
        assert absent not in text
    assert [link.href for link in doc.links] == [
        "/guides/farines",
        "https://meunerie.example/dossier",
    ]
    assert "/img/pixel.gif" not in [image.src for image in doc.images]


def test_main_is_preferred_to_article() -> None:
    doc = parse_html(
        "<body><article><p>Carte annexe</p></article><p>Hors main</p>"
        "<main><h1>Principal</h1><a href='/a'>lien</a><img src='i.png'></main>"
        "<p>Après</p></body>"
    )
    assert _texts(doc) == [("h1", "Principal"), ("paragraph", "lien")]
    assert [link.href for link in doc.links] == ["/a"]
    assert [image.src for image in doc.images] == ["i.png"]


def test_the_only_article_when_there_is_no_main() -> None:
    doc = parse_html(
        "<body><aside><article><p>Dans l'encart</p></article></aside>"
        "<p>Chapeau du site</p>"
        "<article><p>Premier article</p></article></body>"
    )
    assert _texts(doc) == [("paragraph", "Premier article")]
    assert doc.content_region == "article"


def test_several_articles_are_a_listing_read_from_the_body() -> None:
    doc = parse_html(
        "<body><aside><article><p>Dans l'encart</p></article></aside>"
        "<p>Chapeau du site</p>"
        "<article><p>Premier article</p></article><article><p>Second</p></article></body>"
    )
    assert _texts(doc) == [
        ("paragraph", "Chapeau du site"),
        ("paragraph", "Premier article"),
        ("paragraph", "Second"),
    ]
    assert doc.content_region == "body"


def test_h1_in_the_header_of_the_content_is_kept() -> None:
    doc = parse_html(
        "<header><h1>Nom du site</h1></header>"
        "<article><header><div><h1>Titre de l'article <a href='/x'>lien</a></h1></div>"
        "<h2>Chapeau</h2><p>Par l'auteur</p></header>"
        "<nav><header><h1>Menu</h1></header></nav><p>Corps</p></article>"
    )
    assert _texts(doc) == [("h1", "Titre de l'article lien"), ("paragraph", "Corps")]
    assert [link.href for link in doc.links] == ["/x"]


def test_body_is_the_root_without_main_or_article() -> None:
    doc = parse_html(
        "<html><head><title>T</title><script>x()</script></head>"
        "<body><nav>menu</nav><p>Contenu</p><footer>pied</footer></body></html>"
    )
    assert _texts(doc) == [("paragraph", "Contenu")]


def test_fragment_without_body() -> None:
    doc = parse_html("<title>Titre</title><p>Un fragment</p><style>p{}</style>")
    assert doc.title is not None and doc.title.value == "Titre"
    assert _texts(doc) == [("paragraph", "Un fragment")]


# --- Links, images, comments ----------------------------------------------------------


def test_links() -> None:
    source = (
        '<p>Voir <a href=" /guide " rel="NoFollow  Sponsored">le <em>guide</em>\n complet</a>,'
        ' <a href="/vide"><img src="logo.png" alt="Logo"></a>'
        ' et <a name="ancre">pas un lien</a>.</p>'
    )
    doc = parse_html(source)
    first, second = doc.links
    assert first.href == "/guide"
    assert first.text == "le guide complet"
    assert first.rel == ("nofollow", "sponsored")
    assert source[first.span.start : first.span.end] == (
        '<a href=" /guide " rel="NoFollow  Sponsored">le <em>guide</em>\n complet'
    )
    assert (second.href, second.text, second.rel) == ("/vide", "", ())
    assert source[second.span.start : second.span.end] == '<a href="/vide">'
    assert doc.images[0].alt == "Logo"


def test_nested_links_take_their_own_text() -> None:
    doc = parse_html("<p><a href='/un'>un <a href='/deux'>deux</a> suite</a></p>")
    assert [(link.href, link.text) for link in doc.links] == [
        ("/un", "un suite"),
        ("/deux", "deux"),
    ]


def test_link_with_blocks_inside() -> None:
    doc = parse_html("<a href='/carte'><h3>Titre</h3><p>Résumé</p></a>")
    assert doc.links[0].text == "Titre Résumé"
    assert _texts(doc) == [("h3", "Titre"), ("paragraph", "Résumé")]


def test_images() -> None:
    source = (
        '<img src="a.jpg" alt="Un chat">'
        '<img src="b.jpg">'
        '<img src="c.jpg" alt="" role="Presentation">'
        "<img alt=x>"
    )
    doc = parse_html(source)
    assert [(i.src, i.alt, i.role) for i in doc.images] == [
        ("a.jpg", "Un chat", None),
        ("b.jpg", None, None),
        ("c.jpg", "", "presentation"),
        ("", "x", None),
    ]
    assert source[doc.images[1].span.start : doc.images[1].span.end] == '<img src="b.jpg">'


def test_comments_anywhere() -> None:
    source = (
        "<!-- avant -->\n<head><!--dans la tête--></head><nav><!-- menu --></nav>"
        "<main><p>a<!-- seofr-disable-next-line -->b</p><!----></main>"
    )
    doc = parse_html(source)
    assert [c.text for c in doc.comments] == [
        "avant",
        "dans la tête",
        "menu",
        "seofr-disable-next-line",
        "",
    ]
    assert source[doc.comments[3].span.start : doc.comments[3].span.end] == (
        "<!-- seofr-disable-next-line -->"
    )
    assert doc.comments[0].span.line == 1
    assert _texts(doc) == [("paragraph", "ab")]


def test_only_a_comment() -> None:
    doc = parse_html("<!-- brouillon -->")
    assert doc.body == ()
    assert [c.text for c in doc.comments] == ["brouillon"]
    assert doc.title is None and doc.title_origin is None


# --- Metadata -------------------------------------------------------------------------


def test_metadata() -> None:
    doc = parse_html(_fixture("page-complete.html"))
    assert doc.title is not None
    assert doc.title.value == "Pain au levain maison\xa0: la méthode pas à pas"
    assert doc.title_origin is TitleOrigin.HTML_TITLE
    assert doc.source[doc.title.span.start : doc.title.span.end].startswith("Pain au levain")
    assert doc.source[doc.title.span.end :].startswith("</title>")
    assert doc.meta_description is not None
    assert doc.meta_description.value == (
        "Faire son pain au levain chez soi : rafraîchir le levain, pétrir, façonner et cuire en"
        " cocotte."
    )
    assert doc.source[doc.meta_description.span.start :].startswith('<meta name="description"')
    assert doc.meta_robots is not None and doc.meta_robots.value == "index, follow"
    assert doc.canonical is not None
    assert doc.canonical.value == "https://boulange.example/pain-levain"
    assert doc.lang is not None and doc.lang.value == "fr-FR"
    assert doc.source[doc.lang.span.start : doc.lang.span.end] == '<html lang="fr-FR">'


def test_title_falls_back_to_first_h1() -> None:
    doc = parse_html("<body><h1></h1><h2>Avant</h2><h1>Le vrai titre</h1></body>")
    assert doc.title_origin is TitleOrigin.FIRST_H1
    assert doc.title is not None and doc.title.value == "Le vrai titre"
    assert doc.title.span == doc.headings[2].span


def test_empty_title_is_kept() -> None:
    doc = parse_html("<title> </title><h1>Titre</h1>")
    assert doc.title is not None and doc.title.value == ""
    assert doc.title_origin is TitleOrigin.HTML_TITLE


def test_svg_title_is_not_the_page_title() -> None:
    doc = parse_html("<body><svg><title>Icône</title></svg><h1>Page</h1></body>")
    assert doc.title is not None and doc.title.value == "Page"
    assert doc.title_origin is TitleOrigin.FIRST_H1


def test_language_fallbacks() -> None:
    xml_lang = parse_html('<html xml:lang="fr-CA"><p>x</p></html>')
    assert xml_lang.lang is not None and xml_lang.lang.value == "fr-CA"
    meta = parse_html('<html lang=""><meta http-equiv="content-language" content="fr-BE">')
    assert meta.lang is not None and meta.lang.value == "fr-BE"
    assert parse_html("<p>sans langue</p>").lang is None


def test_missing_metadata() -> None:
    doc = parse_html("<p>Rien</p>")
    assert doc.meta_description is None
    assert doc.meta_robots is None
    assert doc.canonical is None
    assert doc.title is None


def test_path_notes_and_encoding_are_kept() -> None:
    doc = parse_html("<p>x</p>", path="a/b.html", encoding="cp1252")
    assert (doc.path, doc.encoding, doc.notes) == ("a/b.html", "cp1252", ())


# --- Robustness -----------------------------------------------------------------------


def test_xhtml_with_xml_declaration_gives_no_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        doc = parse_html(_fixture("xhtml.html"))
        parse_html('<?xml version="1.0"?><div><p>fragment XHTML</p></div>')
    assert doc.lang is not None and doc.lang.value == "fr"
    assert _texts(doc) == [
        ("h1", "Réparer un vélo"),
        (
            "paragraph",
            "Une crevaison se répare en dix minutes avec une rustine. Gardez toujours un"
            " démonte-pneu dans votre sacoche.",
        ),
        ("paragraph", "Vérifiez ensuite la pression."),
    ]
    assert doc.images[0].alt == "Une rustine collée sur une chambre à air"


@pytest.mark.parametrize("source", ["", "page.html", "https://exemple.fr/page", "C:\\a.txt", " "])
def test_short_inputs_give_no_warning(source: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        doc = parse_html(source)
    assert doc.source == source


def test_empty_input() -> None:
    doc = parse_html("")
    assert (doc.body, doc.links, doc.images, doc.comments, doc.title) == ((), (), (), (), None)


def test_tag_soup() -> None:
    doc = parse_html(_fixture("soupe.html"))
    assert doc.title is not None and doc.title.value == "Marché de Noël & artisans"
    assert _texts(doc) == [
        ("h1", "Le marché de Noël"),
        ("paragraph", "Plus de quarante exposants & des animations"),
        ("paragraph", "Entrée libre, vin chaud offert"),
        ("list-item", "Bijoux en bois"),
        ("list-item", "Savons artisanaux"),
        ("paragraph", "Horaires : 10 h - 19 h < pas de nocturne > Voir le programme"),
        ("table-cell", "Samedi"),
        ("table-cell", "Dimanche"),
    ]
    assert doc.links[0].href == "programme.html"


@pytest.mark.parametrize(
    "source",
    [
        "<![endif]--><p>après</p>",
        "<![ bizarre <p>après</p>",
        "<!DOCTYPE",
        "<p>fin &eacu",
        "<p>fin &#",
        "<a href",
        "</>",
        "<!--",
        "<script>non fermé",
        "<p>\x00nul</p>",
    ],
)
def test_malformed_markup_never_raises(source: str) -> None:
    _assert_positions(parse_html(source))


def test_deeply_nested_document() -> None:
    depth = 10_000
    doc = parse_html("<div>" * depth + "<p>Tout au fond</p>" + "</div>" * depth)
    assert _texts(doc) == [("paragraph", "Tout au fond")]
    unclosed = parse_html("<div><span>" * depth + "texte")
    assert _texts(unclosed) == [("paragraph", "texte")]


_HTML_BITS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<h1>",
        "</h2>",
        "<li>",
        "<ul>",
        "<br>",
        "<a href='x'>",
        "</a>",
        "<img src=i alt=''>",
        "<main>",
        "<nav>",
        "</nav>",
        "<header>",
        "<script>",
        "</script>",
        "<title>",
        "</title>",
        "<!--",
        "-->",
        "<![",
        "<!",
        "&eacute;",
        "&#233;",
        "&#x",
        "&",
        ";",
        "<",
        ">",
        "/",
        "=",
        "'",
        '"',
        " ",
        "\n",
        "\r\n",
        "\xa0",
        "mot",
        "été",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_HTML_BITS | st.text(max_size=5), max_size=40).map("".join))
def test_any_input_parses_with_consistent_positions(source: str) -> None:
    doc = parse_html(source)
    for element in doc.body:
        assert isinstance(element, Heading | Block)
        assert element.text == element.text.strip()
        assert "  " not in element.text
        span = element.span
        assert 0 <= span.start <= span.end <= len(source)
        for index in range(len(element.text) + 1):
            assert span.start <= element.source_offset(index) <= span.end
    for item in (*doc.links, *doc.images, *doc.comments):
        assert 0 <= item.span.start <= item.span.end <= len(source)
