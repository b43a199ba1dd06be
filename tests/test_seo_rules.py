"""On-page SEO rules on real documents: the seeds, the examples, the fixture corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

import seofr
from seofr.verdicts import Status

from .conftest import CORPUS, EXAMPLES


def _status(report: seofr.Report, name: str) -> Status:
    result = report.result(name)
    assert result is not None, name
    return result.status


def test_seed_scraped_article_leftovers(seed: Path) -> None:
    report = seofr.analyze(seed / "seed-scraped-article.txt", lang="en")
    leftovers = report.shown_of("boilerplate")
    lines = {f.span.line: f.message for f in leftovers if f.span}
    text = (seed / "seed-scraped-article.txt").read_text(encoding="utf-8").split("\n")
    flagged = {text[line - 1].strip() for line in lines}
    assert {"Pin Share", "Please follow and like\u00a0us:"} <= flagged
    assert {
        "Soyez le premier à commenter",
        "Poster un Commentaire",
        "Votre adresse de messagerie ne sera pas publiée.",
    } <= flagged
    # the title repeated after a widget's label, one finding for the line
    assert any(line.startswith("icon Follow en US Menace") for line in flagged)
    assert all(f.fix == "Remove this line." for f in leftovers)
    assert _status(report, "subheadings") is Status.FAIL


def test_seed_brief_instructions_are_leftovers(seed: Path) -> None:
    report = seofr.analyze(seed / "seed-brief-article.txt", select=["boilerplate"], lang="en")
    messages = " ".join(f.message for f in report.shown_of("boilerplate"))
    assert "Make this article seo compatible" in messages
    assert "Source link" in messages


def test_article_against_itself_and_against_another() -> None:
    article = EXAMPLES / "article.md"
    same = seofr.analyze(article, original=article, select=["original-overlap", "title-rewritten"])
    assert _status(same, "original-overlap") is Status.FAIL
    assert _status(same, "title-rewritten") is Status.FAIL
    passages = [f for f in same.shown_of("original-overlap") if f.span is not None]
    assert passages and all(f.span.line > 7 for f in passages if f.span)  # in the body
    other = seofr.analyze(
        article, original=CORPUS / "recette.md", select=["original-overlap", "title-rewritten"]
    )
    assert _status(other, "original-overlap") is Status.PASS
    assert _status(other, "title-rewritten") is Status.PASS


def test_rewrite_rules_skip_without_original() -> None:
    report = seofr.analyze(EXAMPLES / "article.md", select=["original-overlap", "title-rewritten"])
    assert {r.status for r in report.results} == {Status.SKIP}


def test_draft_page_problems() -> None:
    report = seofr.analyze(EXAMPLES / "brouillon.html", lang="en")
    assert _status(report, "link-text") is Status.FAIL
    assert any("cliquez ici" in f.message for f in report.shown_of("link-text"))
    assert _status(report, "image-alt") is Status.FAIL
    assert _status(report, "meta-description") is not Status.PASS
    assert _status(report, "title-length") is Status.FAIL
    # the English call to share is a leftover: boilerplate reports it, alone
    [leftover] = report.shown_of("boilerplate")
    assert "follow us on social media" in leftover.message
    assert _status(report, "foreign-fragments") is Status.PASS


def test_good_article_passes_seo_rules() -> None:
    report = seofr.analyze(EXAMPLES / "article.md")
    for name in ("links", "link-text", "image-alt", "meta-description", "indexable", "boilerplate"):
        assert _status(report, name) is Status.PASS, (name, report.shown_of(name))


@pytest.mark.parametrize(
    ("html", "status"),
    [
        ('<link rel="canonical" href="https://exemple.fr/velo-ville">', Status.PASS),
        ('<link rel="canonical" href="https://exemple.fr/autre-page">', Status.FAIL),
        ('<meta name="robots" content="NOINDEX">', Status.FAIL),
        ('<meta name="robots" content="none">', Status.FAIL),
    ],
)
def test_indexable(tmp_path: Path, html: str, status: Status) -> None:
    page = tmp_path / "velo-ville.html"
    page.write_text(f"<html><head>{html}</head><body><p>Texte.</p></body></html>", "utf-8")
    assert _status(seofr.analyze(page, select=["indexable"]), "indexable") is status


def test_internal_links_follow_the_base_url(tmp_path: Path) -> None:
    (tmp_path / "seofr.toml").write_text('base-url = "https://www.exemple.fr"\n', "utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "# Titre\n\nLire [notre guide](https://exemple.fr/guide) et "
        "[l’avis de l’Ademe](https://www.ademe.fr/).\n",
        "utf-8",
    )
    report = seofr.analyze(page, select=["links"])
    assert _status(report, "links") is Status.PASS
    page.write_text("# Titre\n\nLire [notre guide](https://exemple.fr/guide).\n", "utf-8")
    report = seofr.analyze(page, select=["links"], lang="en")
    assert [f.message for f in report.shown_of("links")] == [
        "0 outbound links (0 nofollow); at least 1 needed."
    ]


def test_nofollow_links_are_counted() -> None:
    html = (
        '<html><body><p><a href="/a">guide du tri</a> '
        '<a rel="nofollow sponsored" href="https://pub.example/">offre partenaire</a></p></body></html>'
    )
    report = seofr.analyze(html, select=["links"], rules={"links": {"min-outbound": 2}}, lang="en")
    assert "1 outbound link (1 nofollow)" in report.shown_of("links")[0].message


def test_subheadings_point_at_a_paragraph() -> None:
    paragraph = " ".join(["Le conseil municipal a voté le budget de la ville."] * 8)
    text = "# Titre\n\n" + "\n\n".join([paragraph] * 6) + "\n"
    report = seofr.analyze(text, select=["subheadings"], lang="en", config=False)
    long_section = [f for f in report.shown_of("subheadings") if f.span is not None]
    assert len(long_section) == 1
    assert long_section[0].message.startswith("480 words without a subheading")
    assert long_section[0].fix and "Add a subheading around line" in long_section[0].fix


def test_word_count_leaves_out_leftover_lines() -> None:
    text = (
        "# Le marché du samedi\n\n"
        "Chaque samedi, les producteurs de la vallée vendent leurs légumes sur la place.\n"
        "Partager sur Facebook\n"
        "Laisser un commentaire\n"
    )
    # 4 + 13 words of text, 3 + 3 on the share and comment lines
    report = seofr.analyze(
        text,
        input_format="markdown",
        select=["word-count"],
        lang="en",
        rules={"word-count": {"min-words": 20}},
        config=False,
    )
    assert report.stats["words"] == 23
    (finding,) = report.shown_of("word-count")
    assert finding.message == (
        "The text has 23 words, 6 of them on lines to remove (see boilerplate):"
        " 17 useful words, fewer than the minimum of 20."
    )
    assert finding.fix == "Remove those lines and add about 10 words of useful content."
    counted = seofr.analyze(
        text,
        input_format="markdown",
        select=["word-count"],
        rules={"word-count": {"min-words": 20, "count-leftovers": True}},
        config=False,
    )
    assert counted.result("word-count").status is Status.PASS  # type: ignore[union-attr]


def test_a_sentence_holding_the_title_is_prose_not_a_repeated_title() -> None:
    page = (
        "<html lang='fr'><head><title>Barre Ligne et remplissage du dessin</title></head>"
        "<body><table><caption>Barre Ligne et remplissage du dessin</caption>"
        "<tr><td>Outil</td></tr></table>"
        "<p>La barre Ligne et remplissage du dessin contient les commandes qui servent à"
        " modifier l’objet sélectionné.</p>"
        "<p>Barre ligne et remplissage du dessin</p></body></html>"
    )
    report = seofr.analyze(page, select="boilerplate", config=False)
    repeated = [f for f in report.findings_of("boilerplate") if f.key == "repeated-title"]
    # the caption shows the title, the sentence uses its words: only the bare line is a leftover
    assert (
        len(repeated) == 1
        and repeated[0].params["excerpt"] == "Barre ligne et remplissage du dessin"
    )


def test_a_code_cell_is_not_a_share_button() -> None:
    page = (
        "<html lang='fr'><body><table><tr><td>(PRINT,…)</td><td>affiche un message</td></tr>"
        "</table><p>Imprimer</p></body></html>"
    )
    report = seofr.analyze(page, select="boilerplate", config=False)
    flagged = [str(f.params["excerpt"]) for f in report.findings_of("boilerplate")]
    assert "(PRINT,…)" not in flagged
    assert "Imprimer" in flagged
