"""Guessing the input format from a file name or from the content."""

from __future__ import annotations

from pathlib import Path

import pytest

from seofr.document.model import Format
from seofr.document.sniff import format_from_path, front_matter_end, sniff_format

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("page.html", Format.HTML),
        ("page.htm", Format.HTML),
        ("PAGE.XHTML", Format.HTML),
        ("articles/guide.md", Format.MARKDOWN),
        ("guide.markdown", Format.MARKDOWN),
        ("guide.mdown", Format.MARKDOWN),
        ("Guide.MKD", Format.MARKDOWN),
        ("notice.txt", Format.TEXT),
        ("notice.text", Format.TEXT),
        ("archive.tar.gz", None),
        ("README", None),
        ("dossier.md/fichier", None),
        (".md", None),
        ("", None),
    ],
)
def test_format_from_path(path: str, expected: Format | None) -> None:
    assert format_from_path(path) is expected


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html>\n<html lang='fr'><head><title>Accueil</title></head></html>",
        "\ufeff  \n<!doctype html><p>Bonjour</p>",
        "<html>\n<body>Une page minimale</body>\n</html>",
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">',
        "<h1>Nos horaires</h1>\n<p>Ouvert du mardi au samedi.</p>\n<p>Fermé en août.</p>",
        "<div><p>Un fragment</p><p>sur une seule ligne</p></div>",
    ],
)
def test_html(text: str) -> None:
    assert sniff_format(text) is Format.HTML


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: Un article\n---\nDu texte sans aucune marque.\n",
        "Introduction\n\n## Première partie\n\nDu texte.",
        "Le titre\n========\n\nDu texte.",
        "Le titre\n--------\n\nDu texte.",
        "Voici du code :\n\n```python\nprint('bonjour')\n```\n",
        "Lisez [la documentation](https://exemple.fr/doc) avant de commencer.",
        "Une image : ![un chat](chat.png)",
        "Voir la source [1].\n\n[1]: https://exemple.fr/source",
        "- un\n- deux\n\nCeci est **important**.",
        "> Une citation\n\nEt du `code`.",
        # Markdown with a few embedded tags stays Markdown
        '<p align="center"><img src="logo.png"></p>\n\n# Projet\n\nDu texte.\n\nEncore du texte.',
    ],
)
def test_markdown(text: str) -> None:
    assert sniff_format(text) is Format.MARKDOWN


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n",
        "Notice de montage\n\nVérifiez le contenu du carton avant de commencer.",
        # a dashed list alone is how plain text makes lists too
        "Courses\n\n- pain\n- lait\n- œufs\n",
        "#hashtag en début de ligne, sans espace\n",
        "Je t’aime <3 et toi ?\n",
        "Un seul <p> ne fait pas une page.\n\nLe reste est du texte ordinaire.",
        "---\nUn séparateur sans fin de front matter.\n",
        "Deux filets ne soulignent rien :\n\n---\n---\n",
    ],
)
def test_text(text: str) -> None:
    assert sniff_format(text) is Format.TEXT


def test_fixtures_sniff_as_their_extension_says() -> None:
    for path in (FIXTURES / "markdown").glob("*.md"):
        assert sniff_format(path.read_text(encoding="utf-8")) is Format.MARKDOWN, path.name
    for path in (FIXTURES / "text").glob("*.txt"):
        assert sniff_format(path.read_text(encoding="utf-8")) is Format.TEXT, path.name


def test_only_the_start_of_a_long_text_is_read() -> None:
    text = "Du texte ordinaire.\n" * 5000 + "## Un titre Markdown bien trop loin\n"
    assert sniff_format(text) is Format.TEXT


def test_front_matter_end() -> None:
    assert front_matter_end(["---", "title: x", "---", "corps"]) == 2
    assert front_matter_end(["---  ", "title: x", "...", "corps"]) == 2
    assert front_matter_end(["---", "---"]) == 1
    assert front_matter_end(["---", "title: x"]) is None
    assert front_matter_end(["titre", "---"]) is None
    assert front_matter_end([]) is None
