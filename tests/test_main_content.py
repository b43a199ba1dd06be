"""The main content of an HTML page: its region, its chrome, links around images."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import seofr
from seofr.cli import main
from seofr.document import content, parse_document
from seofr.document.content import _parse_selector, chrome_matches, chrome_selector
from seofr.document.html import parse_html
from seofr.document.model import SourceMap
from seofr.document.tree import read_html

ARTICLE = (
    "<p>La médiathèque rouvre ses portes après six mois de travaux. Les lecteurs"
    " retrouvent une salle claire, des fauteuils neufs et un espace pour les enfants.</p>"
    "<p>Les horaires changent aussi : le samedi, on peut venir jusqu’à dix-neuf heures.</p>"
)
MENU = (
    "<ul><li><a href='/'>Accueil</a></li><li><a href='/agenda'>Agenda</a></li>"
    "<li><a href='/catalogue'>Catalogue</a></li><li><a href='/contact'>Contact</a></li></ul>"
)


def _texts(html: str, **options: str) -> list[str]:
    return [element.text for element in parse_html(html, **options).body]  # type: ignore[arg-type]


def test_navigation_landmarks_are_chrome() -> None:
    page = (
        "<html><body>"
        f"<div role='banner'><p>Ville de Saint-Brévin</p></div>"
        f"<div role='navigation'>{MENU}</div>"
        f"<div role='search'><p>Rechercher dans le site</p></div>"
        f"<div>{ARTICLE}</div>"
        "<div role='complementary'><p>À lire aussi : la fête du livre.</p></div>"
        "<div role='contentinfo'><p>Mentions légales</p></div>"
        "</body></html>"
    )
    texts = _texts(page)
    assert texts[0].startswith("La médiathèque rouvre")
    assert len(texts) == 2
    assert parse_html(page).content_region == "body"


def test_main_wins_over_the_rest_of_the_page() -> None:
    page = (
        f"<body><header><h1>Médiathèque : réouverture</h1></header>{MENU}"
        f"<main>{ARTICLE}</main><footer><p>Plan du site</p></footer></body>"
    )
    doc = parse_html(page)
    assert doc.content_region == "main"
    # the region has no <h1>: the page's own header keeps its heading
    assert [e.text for e in doc.headings] == ["Médiathèque : réouverture"]
    assert doc.blocks[0].text.startswith("La médiathèque rouvre")
    assert doc.links == ()


def test_role_main_is_the_region_too() -> None:
    doc = parse_html(f"<body><div>{MENU}</div><div role='main'>{ARTICLE}</div></body>")
    assert doc.content_region == "main"
    assert len(doc.body) == 2


def test_generator_navigation_is_chrome() -> None:
    docbook = (
        "<body><div class='navheader'><table><tr><th>5.1. Les paquets</th></tr>"
        "<tr><td><a href='ch04.html'>Préc.</a></td><td><a href='ch05s02.html'>Suiv.</a></td>"
        f"</tr></table></div><div class='section'><h2>5.1. Les paquets</h2>{ARTICLE}</div>"
        "<div class='navfooter'><p>Sommaire</p></div></body>"
    )
    assert _texts(docbook)[0] == "5.1. Les paquets"
    assert "Sommaire" not in _texts(docbook)
    sphinx = (
        "<body><div class='related'><ul><li><a href='index.html'>index</a></li></ul></div>"
        "<div class='document'><h1>Installation<a class='headerlink' href='#i'>¶</a></h1>"
        f"{ARTICLE}</div><div class='sphinxsidebar'><h4>Sujet précédent</h4>"
        "<p>Présentation</p></div></body>"
    )
    texts = _texts(sphinx)
    assert texts[0] == "Installation"
    assert "Sujet précédent" not in texts and "Présentation" not in texts


def test_blocks_made_of_links_are_dropped_but_sentences_with_links_stay() -> None:
    page = (
        f"<body><div>{MENU}</div>"
        "<p>Pour aller plus loin, lisez <a href='/guide'>notre guide des lecteurs</a> ou"
        " <a href='/faq'>la foire aux questions</a>.</p>"
        f"{ARTICLE}</body>"
    )
    texts = _texts(page)
    assert not any(t in {"Accueil", "Agenda", "Catalogue", "Contact"} for t in texts)
    assert texts[0].startswith("Pour aller plus loin")


def test_a_stub_with_a_big_sidebar_is_still_too_short() -> None:
    sidebar = "".join(f"<li><a href='/p{i}'>Page numéro {i} du site</a></li>" for i in range(300))
    page = f"<body><aside><ul>{sidebar}</ul></aside><div class='nav'><ul>{sidebar}</ul></div>"
    page += "<p>Article en cours d’écriture.</p></body>"
    report = seofr.analyze(page, select="word-count", config=False, input_format="html")
    assert report.stats["words"] == 4
    assert report.result("word-count").status is seofr.Status.FAIL  # type: ignore[union-attr]


def test_the_content_selector_wins_and_a_miss_is_said() -> None:
    page = (
        f"<body><main><div class='entry'>{ARTICLE}</div>"
        "<div class='sharing'><p>Partager sur les réseaux</p></div></main></body>"
    )
    doc = parse_html(page, content_selector="main .entry")
    assert doc.content_region == "selector"
    assert len(doc.body) == 2
    missed = parse_html(page, content_selector="article .entry-content")
    assert missed.content_region == "main"
    assert [note.key for note in missed.notes] == ["selector-missed"]
    report = seofr.analyze(
        page, content_selector="article .entry-content", config=False, input_format="html"
    )
    (note,) = report.shown_of("input", "fr")
    assert "«\u00a0article .entry-content\u00a0»" in note.message


def test_a_bad_selector_is_a_configuration_error() -> None:
    with pytest.raises(seofr.ConfigError, match="content-selector"):
        seofr.analyze("<p>Texte.</p>", content_selector="div[", config=False)


def test_a_content_selector_in_pyproject_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.seofr]\ncontent-selector = ".entry-content"\nselect = ["word-count"]\n',
        encoding="utf-8",
    )
    page = tmp_path / "page.html"
    page.write_text(
        f"<html lang='fr'><body><main><p>Chapeau du thème, trois mots.</p>"
        f"<div class='entry-content'>{ARTICLE}</div></main></body></html>",
        encoding="utf-8",
    )
    report = seofr.analyze(page)
    assert report.content_region == "selector"
    alone = seofr.analyze(f"<body>{ARTICLE}</body>", select="word-count", config=False)
    assert report.stats["words"] == alone.stats["words"]
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    main(["check", "page.html", "--no-cache", "--format", "json"], out)
    assert json.loads(out.getvalue())["documents"][0]["content_region"] == "selector"
    out = io.StringIO()
    main(["check", "page.html", "--no-cache"], out)
    assert "contenu lu\u00a0: ce que désigne content-selector" in out.getvalue()


def test_declared_language_from_body_or_region() -> None:
    assert parse_html(f"<html><body lang='fr'>{ARTICLE}</body></html>").lang.value == "fr"  # type: ignore[union-attr]
    region = parse_html(f"<html><body><main lang='fr-CA'>{ARTICLE}</main></body></html>")
    assert region.lang is not None and region.lang.value == "fr-CA"
    first = parse_html(f"<html lang='fr'><body lang='en'>{ARTICLE}</body></html>")
    assert first.lang is not None and first.lang.value == "fr"


def test_links_around_images_have_the_images_name() -> None:
    doc = parse_html(
        "<p><a href='/x'><img src='a.png' alt='Page précédente'></a>"
        " <a href='/y'><img src='b.png'></a>"
        " <a href='/z' aria-label='Retour à l’accueil'>⌂</a>"
        " <a href='/t' title='Plan du site'></a></p>"
    )
    names = [link.accessible_name for link in doc.links]
    assert names == ["Page précédente", "", "Retour à l’accueil", "Plan du site"]
    report = seofr.analyze(
        "<p><a href='/x'><img src='a.png' alt='Page précédente'></a>"
        " <a href='/y'><img src='b.png'></a></p>",
        select="link-text",
        config=False,
        input_format="html",
    )
    (empty,) = report.findings_of("link-text")
    assert empty.key == "empty" and empty.params["href"] == "/y"


def test_a_fragment_in_markdown_keeps_its_lists_of_links() -> None:
    doc = parse_document(
        b"# Ressources\n\n<div>\n<ul><li><a href='/a'>Le guide</a></li>"
        b"<li><a href='/b'>La FAQ</a></li></ul>\n</div>\n",
        "page.md",
    )
    assert [e.text for e in doc.blocks] == ["Le guide", "La FAQ"]


@pytest.mark.parametrize(
    "page",
    [
        # soupsieve matches classes and ids by case, tag and attribute names not
        "<div CLASS='TOC'>x</div><div class='toc'>y</div><P id='TITLE'>t</P><p id='title'>u</p>"
        "<span HIDDEN>h</span><div id=header><div class='details x'>d</div></div>",
        # select() leaves out what a <template> holds
        "<template><div class='toc'>x</div></template><div class='pagination'>p</div>",
        "<svg><g class='toc' hidden='1'/></svg><td class=icon><div class=title>Note</div></td>",
        # combinators: a child, not a grandchild; classes among others, by tokens
        "<div id=header><p><div class=details>no</div></p></div>"
        "<div id=header>\n<div class='a\tdetails'>yes</div></div><dl class='x toc'><dt>t</dl>",
    ],
)
def test_the_chrome_matcher_matches_as_soupsieve(page: str) -> None:
    soup = BeautifulSoup(page, "html.parser")
    lines = SourceMap(page)
    expected = [
        lines.offset(tag.sourceline or 0, tag.sourcepos or 0)
        for tag in soup.select(chrome_selector())
    ]
    assert expected
    assert [element.start for element in chrome_matches(read_html(page))] == expected


@pytest.mark.parametrize(
    "selector",
    ["div + p", "h1 ~ p.x", "ul > li a", "[hidden] span", "*.x", "DIV#Y", "section p ~ p + p"],
)
def test_simple_selectors_match_as_soupsieve(selector: str) -> None:
    page = (
        "<section><h1>t</h1><div id=Y>d</div>x<p>a</p><p class='x y'>b</p><p>c</p>"
        "<ul><li><b><a>l</a></b></li></ul><div hidden><i><span>s</span></i></div></section>"
        "<p>e</p>"
    )
    parsed = _parse_selector(selector)
    assert parsed is not None
    lines = SourceMap(page)
    soup = BeautifulSoup(page, "html.parser")
    expected = [lines.offset(t.sourceline or 0, t.sourcepos or 0) for t in soup.select(selector)]
    assert expected
    assert [e.start for e in read_html(page).elements if parsed.matches(e)] == expected


@pytest.mark.parametrize("selector", ["a:hover", "a, b", "div[a=b]", "> a", "a >", "ns|a", "a\\.b"])
def test_other_selectors_are_left_to_soupsieve(selector: str) -> None:
    assert _parse_selector(selector) is None


def test_chrome_selectors_beyond_the_grammar(monkeypatch: pytest.MonkeyPatch) -> None:
    matcher = content._Matcher({}, ("p:first-child",))
    monkeypatch.setattr(content, "_chrome_matcher", lambda: matcher)
    page = "<div><p>a</p><p>b</p></div><p>c</p>"
    assert [element.start for element in chrome_matches(read_html(page))] == [5]
