"""Configuration layers, validation and selection."""

from __future__ import annotations

from pathlib import Path

import pytest

import seofr
from seofr.errors import ConfigError

ARTICLE = """---
title: Le compostage en appartement, mode d’emploi
profile: page
---

# Le compostage en appartement

Un lombricomposteur tient sous l’évier et transforme les épluchures en terreau.
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _rule_names(report: seofr.Report) -> set[str]:
    return {r.name for r in report.results}


def test_default_profile_is_article_and_front_matter_can_change_it(tmp_path: Path) -> None:
    doc = _write(tmp_path, "compost.md", ARTICLE)
    assert seofr.analyze(doc).profile == "page"
    doc.write_text(ARTICLE.replace("profile: page\n", ""), encoding="utf-8")
    assert seofr.analyze(doc).profile == "article"


def test_layers_later_wins(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "pyproject.toml",
        "[tool.seofr]\nfail-under = 55\n[tool.seofr.rules.word-count]\nmin-words = 10\n",
    )
    doc = _write(tmp_path, "blog/compost.md", ARTICLE)
    report = seofr.analyze(doc, select=["word-count"])
    assert report.fail_under == 55
    assert report.result("word-count").status is seofr.Status.PASS  # type: ignore[union-attr]
    # arguments come last and win over the project file
    report = seofr.analyze(doc, select=["word-count"], rules={"word-count": {"min-words": 500}})
    assert report.result("word-count").status is seofr.Status.FAIL  # type: ignore[union-attr]


def test_front_matter_overrides_project_file(tmp_path: Path) -> None:
    _write(tmp_path, "seofr.toml", "[rules.word-count]\nmin-words = 5000\n")
    text = ARTICLE.replace(
        "profile: page\n", "seofr:\n  rules:\n    word-count:\n      min-words: 10\n"
    )
    doc = _write(tmp_path, "compost.md", text)
    report = seofr.analyze(doc, select=["word-count"])
    assert report.result("word-count").status is seofr.Status.PASS  # type: ignore[union-attr]


def test_seofr_toml_is_found_upward_and_can_be_disabled(tmp_path: Path) -> None:
    _write(tmp_path, "seofr.toml", 'ignore = ["title-length"]\n')
    doc = _write(tmp_path, "a/b/c/compost.md", ARTICLE)
    assert "title-length" not in _rule_names(seofr.analyze(doc))
    assert "title-length" in _rule_names(seofr.analyze(doc, config=False))


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ("colour = 1\n", "unknown key 'colour'"),
        ("[rules.word-cont]\nmin-words = 3\n", "rules.word-cont: unknown rule"),
        ("[rules.word-count]\nmin-word = 3\n", "has no option 'min-word'"),
        ('[rules.word-count]\nmin-words = "beaucoup"\n', "expected int"),
        ('[rules.word-count]\nseverity = "fatal"\n', "severity"),
        ('select = ["Q9"]\n', "no rule matches 'Q9'"),
        ("fail-under = 140\n", "fail-under"),
        ("fail-under = \n", "seofr.toml"),
    ],
)
def test_bad_configuration_names_file_and_key(tmp_path: Path, toml: str, expected: str) -> None:
    _write(tmp_path, "seofr.toml", toml)
    doc = _write(tmp_path, "compost.md", ARTICLE)
    with pytest.raises(ConfigError, match=r"seofr\.toml") as raised:
        seofr.analyze(doc)
    assert expected in str(raised.value)


def test_select_and_ignore_by_name_code_and_prefix() -> None:
    text = "# Titre\n\nDu texte.\n"
    assert _rule_names(seofr.analyze(text, select=["C001"], config=False)) == {"word-count"}
    structure = _rule_names(seofr.analyze(text, select=["S"], config=False))
    assert structure == {"heading-hierarchy", "subheadings"}
    names = _rule_names(seofr.analyze(text, ignore=["word-count", "M"], config=False))
    assert "word-count" not in names and "title-length" not in names


def test_per_file_ignores(tmp_path: Path) -> None:
    _write(tmp_path, "seofr.toml", '[per-file-ignores]\n"brouillons/*.md" = ["word-count"]\n')
    draft = _write(tmp_path, "brouillons/compost.md", ARTICLE)
    final = _write(tmp_path, "articles/compost.md", ARTICLE)
    assert "word-count" not in _rule_names(seofr.analyze(draft))
    assert "word-count" in _rule_names(seofr.analyze(final))


def test_profile_from_file(tmp_path: Path) -> None:
    profile = _write(tmp_path, "court.toml", "fail-under = 20\n[rules.word-count]\nmin-words = 5\n")
    report = seofr.analyze(
        "# Titre\n\nCinq mots dans ce texte.\n", profile=str(profile), config=False
    )
    assert report.fail_under == 20
    assert report.result("word-count").status is seofr.Status.PASS  # type: ignore[union-attr]


def test_unknown_profile_lists_the_known_ones() -> None:
    with pytest.raises(ConfigError, match="article"):
        seofr.analyze("# Titre\n", profile="magazine", config=False)
