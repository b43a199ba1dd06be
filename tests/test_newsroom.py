"""A newsroom's first week with seofr: the bugs it hit (issue 16), each pinned by a test."""

from __future__ import annotations

from pathlib import Path

import pytest

import seofr
from seofr.errors import ConfigError
from seofr.verdicts import Severity, Status

SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
BRIEF = SEED / "seed-brief-article.txt"

BODY = """\
Le marché de Noël de la ville ouvre ses portes vendredi sur la place centrale. Les
chalets accueillent une centaine d’artisans venus de toute la région.

Les visiteurs trouvent des jouets en bois, des bougies et des spécialités locales.
"""


def _brief_title() -> str:
    if not BRIEF.is_file():
        pytest.skip("the seed documents (../shared/corpus) are absent")
    first = BRIEF.read_text(encoding="utf-8").splitlines()[0]
    return first.removeprefix("Customize this title in french")


def test_a_rewrite_keeping_the_brief_title_fails_title_rewritten() -> None:
    title = _brief_title()
    kept = seofr.analyze(f"# {title}\n\n{BODY}", original=BRIEF, select=["title-rewritten"])
    assert kept.result("title-rewritten").status is Status.FAIL  # type: ignore[union-attr]
    [finding] = kept.findings_of("title-rewritten")
    assert finding.params["similarity"] == 100
    message = kept.show(finding, "fr").message
    assert "100\u00a0%" in message and "Customize" not in message
    # half of the title is still the original's title
    half = " ".join(title.split()[:9])
    cut = seofr.analyze(f"# {half}\n\n{BODY}", original=BRIEF, select=["title-rewritten"])
    assert cut.result("title-rewritten").status is Status.FAIL  # type: ignore[union-attr]
    new = "# Un cadre de la sécurité quitte OpenAI pour ses enfants\n\n" + BODY
    fresh = seofr.analyze(new, original=BRIEF, select=["title-rewritten"])
    assert fresh.result("title-rewritten").status is Status.PASS  # type: ignore[union-attr]


def test_the_introduction_is_not_a_leftover_line() -> None:
    text = (
        "# Le marché de Noël\n\nVoici votre article optimisé pour le SEO :\n\n"
        "Le marché de Noël ouvre vendredi sur la place centrale.\n"
    )
    report = seofr.analyze(text, keyword="marché de Noël", select=["keyword-in-introduction"])
    assert report.result("keyword-in-introduction").status is Status.PASS  # type: ignore[union-attr]
    without = text.replace("Le marché de Noël ouvre", "La fête ouvre")
    report = seofr.analyze(without, keyword="marché de Noël", select=["keyword-in-introduction"])
    assert report.result("keyword-in-introduction").status is Status.FAIL  # type: ignore[union-attr]


def test_an_unknown_directive_or_rule_in_a_directive_is_reported() -> None:
    text = (
        "# Titre\n\n<!-- seofr-disable-next-line sentence-lenght -->\nUne phrase.\n\n"
        "<!-- seofr-disable-line word-count -->\nUne autre phrase.\n"
    )
    report = seofr.analyze(text, select=["word-count"])
    notes = [(f.key, f.params, f.severity) for f in report.findings if f.rule == "input"]
    assert ("directive-rule-unknown", {"directive": "seofr-disable-next-line",
            "rule": "sentence-lenght"}, Severity.WARNING) in notes  # fmt: skip
    assert any(key == "directive-unknown" for key, _, _ in notes)
    french = [report.show(f, "fr").message for f in report.findings if f.rule == "input"]
    assert any("« sentence-lenght »".replace(" ", "\u00a0") in m for m in french)


def _long_sentence() -> str:
    return (
        "Les artisans de la région, qui viennent chaque année depuis plus de vingt ans,"
        " installent leurs chalets sur la place centrale dès le lundi matin pour que tout"
        " soit prêt le vendredi soir, quand les premiers visiteurs arrivent en famille."
    )


def test_a_disabled_sentence_is_left_out_of_its_rule_s_share() -> None:
    short = "Le marché ouvre vendredi."
    text = f"# Titre\n\n{short}\n\n<!-- seofr-disable-next-line sentence-length -->\n"
    text += f"{_long_sentence()}\n\n{short}\n"
    report = seofr.analyze(text, select=["sentence-length"])
    assert report.result("sentence-length").status is Status.PASS  # type: ignore[union-attr]
    enabled = text.replace("<!-- seofr-disable-next-line sentence-length -->\n", "")
    report = seofr.analyze(enabled, select=["sentence-length"])
    assert report.result("sentence-length").status is not Status.PASS  # type: ignore[union-attr]


def test_one_leftover_line_is_reported_once() -> None:
    text = (
        "# Le marché de Noël ouvre\n\nLe marché ouvre vendredi sur la place.\n\n"
        "Please follow and like us: leave a comment\n\nLes chalets sont prêts.\n"
    )
    report = seofr.analyze(text, select=["boilerplate", "foreign-fragments"])
    lines = [f.span.line for f in report.findings if f.span and f.rule != "input"]
    assert lines.count(5) == 1
    assert [f.rule for f in report.findings if f.span and f.span.line == 5] == ["boilerplate"]


def test_broken_front_matter_fails_the_document() -> None:
    text = "---\ntitle: [oops\n---\n# Titre\n\nTexte.\n"
    report = seofr.analyze(text, input_format="markdown", select=["heading-hierarchy"])
    [note] = [f for f in report.findings if f.key == "front-matter-invalid"]
    assert note.severity is Severity.ERROR
    assert not report.passed
    message = report.show(note, "fr").message
    assert "front matter" not in message and "en-tête" in message


def test_a_negative_option_is_a_configuration_error() -> None:
    with pytest.raises(ConfigError, match="min-words: expected a number ≥ 0, got -5"):
        seofr.analyze("Texte.", rules={"word-count": {"min-words": -5}})
    with pytest.raises(ConfigError, match="from 0 to 1"):
        seofr.analyze("Texte.", rules={"title-rewritten": {"max-similarity": 2}})


def test_readability_figures_agree_between_stats_and_message() -> None:
    text = (
        "# Un titre de section\n\n## Un intertitre\n\n"
        + (
            "Les institutions intercommunales administrent conjointement l’approvisionnement"
            " énergétique départemental. "
        )
        * 3
    )
    report = seofr.analyze(text, select=["readability"], rules={"readability": {"pass-at": 100}})
    [finding] = report.findings_of("readability")
    assert report.stats["readability"] == finding.params["score"]
    assert report.stats["sentences"] == 3


def test_the_text_report_says_an_error_failed_the_document() -> None:
    from seofr.formatters import Batch
    from seofr.formatters.text import format_report

    text = "# Le marché\n\nLe marché de Noël ouvre vendredi sur la place.\n"
    report = seofr.analyze(text, select=["word-count", "heading-hierarchy"], fail_under=40)
    assert report.score >= 40 and not report.passed
    shown = format_report(report, "fr", False)
    assert "(échec\u00a0: 1 erreur, seuil 40" in shown
    assert "règles\u00a0: 1 en erreur, 0 en alerte, 0 en remarque, 1 réussie, 0 ignorée" in shown
    warned = seofr.analyze(
        text, select=["word-count"], rules={"word-count": {"severity": "warning"}}, fail_under=0
    )
    line = format_report(warned, "fr", False).splitlines()[3]
    assert "0 en erreur, 1 en alerte" in line
    assert Batch([warned]).reports[0].passed


def test_input_failures_are_said_in_the_reader_s_language(tmp_path: Path) -> None:
    from seofr.report import InputFailure

    missing = tmp_path / "absent.md"
    with pytest.raises(seofr.InputError) as caught:
        seofr.analyze(missing)
    failure = InputFailure.of(str(missing), caught.value)
    assert failure.text("fr") == f"{missing}\u00a0: fichier introuvable"
    assert failure.text("en") == f"{missing}: no such file"
    text = "---\nprofile: artcle\n---\n# Titre\n\nTexte.\n"
    with pytest.raises(ConfigError) as config:
        seofr.analyze(text, input_format="markdown")
    said = InputFailure.of("a.md", config.value).text("fr")
    assert said.startswith("a.md\u00a0: réglages invalides — ") and "illisible" not in said
