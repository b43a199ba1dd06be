"""The CI formats (SARIF, GitHub annotations, JUnit) on real documents."""

from __future__ import annotations

import dataclasses
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import seofr
from seofr.cli import main
from seofr.document.model import Span
from seofr.formatters import FORMATS, get_formatter, github, junit
from seofr.formatters.common import VERDICTS, Batch, format_score, relative_path
from seofr.formatters.github import escape_data, escape_property, format_github, job_summary
from seofr.formatters.junit import format_junit
from seofr.formatters.sarif import format_sarif
from seofr.i18n import Template, Text
from seofr.messages import INPUT_SUMMARY
from seofr.report import Finding, InputFailure, Report, RuleInfo
from seofr.session import Session
from seofr.verdicts import Severity, Status

from .conftest import EXAMPLES, ROOT

SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))

# A recipe whose positions are known: the front-matter title (line 2) is too
# long, and the first subheading (line 8) is an H4 right under the H1.
RECIPE = """\
---
title: "Tarte aux pommes de grand-mère : la recette facile, rapide et vraiment inratable pour tous les gourmands"
description: "Une tarte aux pommes simple."
---

# Tarte aux pommes de grand-mère

#### Les ingrédients

Il faut six pommes, une pâte brisée, du sucre et un peu de beurre. Choisissez des pommes acidulées, qui tiennent bien à la cuisson.

## La préparation

Épluchez les pommes, puis coupez-les en fines lamelles. Étalez la pâte dans le moule et piquez-la avec une fourchette. Disposez ensuite les lamelles en rosace et saupoudrez de sucre.

## La cuisson

Enfournez la tarte pendant quarante minutes à 180 degrés. Laissez-la tiédir avant de la servir avec une boule de glace à la vanille.
"""
TITLE_LINE = 2
H4_LINE = 8


@pytest.fixture(scope="module")
def recipe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("site") / "recette.md"
    path.write_text(RECIPE, "utf-8")
    return path


@pytest.fixture(scope="module")
def batch(recipe: Path) -> Batch:
    """The two examples and the recipe, analyzed once for the whole module."""
    session = Session()
    paths = [EXAMPLES / "article.md", EXAMPLES / "brouillon.html", recipe]
    return Batch([session.analyze(path, config=False) for path in paths])


def validate_sarif(text: str) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(text)
    validator = jsonschema.Draft4Validator(SARIF_SCHEMA, format_checker=jsonschema.FormatChecker())
    validator.validate(log)
    return log


def run(args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = main(args, out)
    return code, out.getvalue()


# A template that shows its parameters as they are, for findings written by hand.
VERBATIM = Template(Text(fr="{message}", en="{message}"), Text(fr="{fix}", en="{fix}"))


def verbatim(rule: str, code: str, severity: Severity, message: str, fix: str = "") -> Finding:
    """A finding whose message and fix are the given texts."""
    return Finding(rule, code, severity, "verbatim", {"message": message, "fix": fix})


def fake_report(*findings: Finding, path: str = "docs/page.md") -> Report:
    infos = {
        f.rule: RuleInfo(
            f.rule, f.code, "test", Text(fr="Essai.", en="Test."), {"verbatim": VERBATIM}
        )
        for f in findings
    }
    return Report(
        path=path,
        format="markdown",
        lang="fr",
        profile="article",
        fail_under=70.0,
        results=(),
        findings=findings,
        stats={},
        rules=infos,
    )


# --- shared helpers ---------------------------------------------------------


def test_every_format_is_offered_and_found() -> None:
    assert set(FORMATS) >= {"text", "json", "sarif", "github", "junit"}
    assert get_formatter("sarif") is format_sarif
    assert get_formatter("github") is format_github
    assert get_formatter("junit") is format_junit


def test_relative_path_is_posix_and_relative_to_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "blog").mkdir()
    monkeypatch.chdir(tmp_path)
    assert relative_path(str(tmp_path / "blog" / "a.md")) == "blog/a.md"
    assert relative_path("blog/a.md") == "blog/a.md"
    assert relative_path(None) == "-"


@pytest.mark.parametrize(
    "text",
    [INPUT_SUMMARY.message, *VERDICTS.values(), github.SUMMARY, *junit.LABELS.values()],
)
def test_new_wording_exists_in_both_languages(text: Text) -> None:
    assert text.fr and text.en and text.fr != text.en
    assert text.placeholders("fr") == text.placeholders("en")


# --- SARIF ------------------------------------------------------------------


def test_sarif_validates_against_the_official_schema(batch: Batch) -> None:
    log = validate_sarif(format_sarif(batch, "fr", False))
    assert log["version"] == "2.1.0"
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    (run_,) = log["runs"]
    findings = [f for report in batch.reports for f in report.findings]
    assert len(run_["results"]) == len(findings)
    assert run_["invocations"][0]["executionSuccessful"] is True


def test_sarif_rules_are_the_rules_that_found_something(batch: Batch) -> None:
    driver = json.loads(format_sarif(batch, "en", False))["runs"][0]["tool"]["driver"]
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == sorted({f.rule for report in batch.reports for f in report.findings})
    words = next(rule for rule in driver["rules"] if rule["id"] == "word-count")
    assert words["properties"]["category"] == "content"
    assert words["shortDescription"]["text"].startswith("The text")  # chosen language


def test_sarif_results_point_at_the_finding(batch: Batch, recipe: Path) -> None:
    log = json.loads(format_sarif(batch, "fr", False))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    report = batch.reports[2]
    heading = next(f for f in report.shown_of("heading-hierarchy") if f.span)
    result = next(
        r
        for r in log["runs"][0]["results"]
        if r["ruleId"] == "heading-hierarchy"
        and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("recette.md")
    )
    assert rules[result["ruleIndex"]]["id"] == "heading-hierarchy"
    assert result["level"] == "error"
    assert result["message"]["text"] == f"{heading.message} — {heading.fix}"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == H4_LINE
    line = RECIPE.splitlines()[H4_LINE - 1]
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == "Les ingrédients"


def test_sarif_document_findings_have_no_region(batch: Batch) -> None:
    log = json.loads(format_sarif(batch, "fr", False))
    words = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "word-count")
    assert "region" not in words["locations"][0]["physicalLocation"]
    assert words["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]


def test_sarif_uri_is_relative_and_encoded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    finding = verbatim("word-count", "C001", Severity.ERROR, "trop court")
    report = fake_report(finding, path=str(tmp_path / "mes pages" / "été.md"))
    log = validate_sarif(format_sarif(Batch([report]), "fr", False))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "mes%20pages/%C3%A9t%C3%A9.md"


def test_sarif_input_failures_are_notifications(batch: Batch) -> None:
    broken = Batch(batch.reports[:1], [InputFailure("absent.md", "absent.md: file not found")])
    log = validate_sarif(format_sarif(broken, "fr", False))
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["message"]["text"] == "absent.md: file not found"


def test_sarif_is_deterministic(batch: Batch) -> None:
    assert format_sarif(batch, "fr", False) == format_sarif(batch, "fr", False)


# --- GitHub -----------------------------------------------------------------


def annotations(text: str) -> list[tuple[str, dict[str, str], str]]:
    """Each workflow command as (command, properties, message), undoing nothing."""
    parsed = []
    for line in text.splitlines():
        assert line.startswith("::")
        head, message = line[2:].split("::", 1)
        name, _, props = head.partition(" ")
        properties = dict(p.split("=", 1) for p in props.split(",")) if props else {}
        parsed.append((name, properties, message))
    return parsed


def test_github_lines_point_at_the_lines_of_the_file(
    batch: Batch, recipe: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(recipe.parent)
    commands = annotations(format_github(Batch(batch.reports[2:]), "fr", False))
    by_title = {props.get("title"): (name, props) for name, props, _ in commands if "line" in props}
    name, heading = by_title["S001 heading-hierarchy"]
    assert name == "error"
    assert heading["file"] == "recette.md"
    assert heading["line"] == str(H4_LINE)
    assert RECIPE.splitlines()[H4_LINE - 1].startswith("####")
    line = RECIPE.splitlines()[H4_LINE - 1]
    assert line[int(heading["col"]) - 1 : int(heading["endColumn"])] == "Les ingrédients"
    _, title = by_title["M001 title-length"]
    assert title["line"] == str(TITLE_LINE)
    assert RECIPE.splitlines()[TITLE_LINE - 1].startswith("title:")


def test_github_document_findings_and_summary(
    batch: Batch, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    commands = annotations(format_github(Batch(batch.reports[1:2]), "fr", False))
    words = next(c for c in commands if c[1].get("title") == "C001 word-count")
    assert words[0] == "error"
    assert words[1]["file"] == "examples/brouillon.html"
    assert "line" not in words[1] and "col" not in words[1]
    name, props, message = commands[-1]
    report = batch.reports[1]
    assert (name, props) == ("notice", {"file": "examples/brouillon.html"})
    assert message == f"seofr\u00a0: score {format_score(report, 'fr')}/100 (échec)"
    english = annotations(format_github(Batch(batch.reports[:1]), "en", False))[-1][2]
    assert english == f"seofr score {format_score(batch.reports[0], 'en')}/100 (passed)"


def test_github_escaping() -> None:
    finding = verbatim(
        "sentence-length",
        "R002",
        Severity.WARNING,
        "60 % des phrases, soit 3 sur 5,\nsont longues",
        "Coupez-les\r\nen deux",
    )
    report = fake_report(finding, path="a,b:c%.md")
    first = format_github(Batch([report]), "fr", False).splitlines()[0]
    assert first == (
        "::warning file=a%2Cb%3Ac%25.md,title=R002 sentence-length"
        "::60 %25 des phrases, soit 3 sur 5,%0Asont longues — Coupez-les%0D%0Aen deux"
    )
    assert escape_data("100%25") == "100%2525"  # escaped once, not twice
    assert escape_property("x: y, z") == "x%3A y%2C z"


def test_github_input_failure() -> None:
    out = format_github(Batch([], [InputFailure("vide.md", "vide.md: empty file")]), "fr", False)
    # ':' needs no escape in the message, only in properties
    assert out == "::error file=vide.md::vide.md: empty file\n"


# --- JUnit ------------------------------------------------------------------


def test_junit_counts_match_the_reports(batch: Batch) -> None:
    root = ET.fromstring(format_junit(batch, "fr", False).encode("utf-8"))
    assert root.tag == "testsuites" and root.get("name") == "seofr"
    suites = root.findall("testsuite")
    assert len(suites) == len(batch.reports)
    for suite, report in zip(suites, batch.reports, strict=True):
        statuses = [r.status for r in report.results]
        failing = sum(junit.fails(report, r) for r in report.results)
        under = int(report.score < report.fail_under)
        assert suite.get("tests") == str(len(statuses) + 1)  # and the score's own case
        assert suite.get("failures") == str(failing + under)
        assert suite.get("skipped") == str(statuses.count(Status.SKIP))
        assert len(suite.findall("testcase/failure")) == failing + under
        assert len(suite.findall("testcase/skipped")) == statuses.count(Status.SKIP)
        if report.passed:
            assert suite.get("failures") == "0"
    assert root.get("tests") == str(sum(len(r.results) + 1 for r in batch.reports))
    assert root.get("errors") == "0"


def test_junit_reports_no_failure_for_a_document_that_passes() -> None:
    text = "# Le marché\n\nLe marché de Noël ouvre vendredi sur la place.\n"
    report = seofr.analyze(
        text,
        select=["word-count", "heading-hierarchy"],
        rules={"word-count": {"severity": "warning"}},
        fail_under=0,
    )
    assert report.passed and report.result("word-count").status is Status.FAIL  # type: ignore[union-attr]
    root = ET.fromstring(format_junit(Batch([report]), "fr", False))
    assert root.get("failures") == "0"
    failed = seofr.analyze(text, select=["word-count"], fail_under=0)
    assert not failed.passed
    root = ET.fromstring(format_junit(Batch([failed]), "en", False))
    [case] = root.findall("testsuite/testcase[failure]")
    assert case.get("name") == "word-count"


def test_junit_failure_lists_the_findings(batch: Batch, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    root = ET.fromstring(format_junit(Batch(batch.reports[1:2]), "en", False))
    case = root.find("testsuite/testcase[@name='word-count']")
    assert case is not None and case.get("classname") == "seofr.content"
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "C001"
    (finding,) = batch.reports[1].shown_of("word-count", "en")
    assert failure.text == f"examples/brouillon.html: {finding.message} — {finding.fix}"
    warned = next(r for r in batch.reports[1].results if r.status is Status.WARN)
    out = root.find(f"testsuite/testcase[@name='{warned.name}']/system-out")
    assert out is not None and out.text and "examples/brouillon.html:" in out.text


def test_junit_input_failure_is_an_error() -> None:
    failing = Batch([], [InputFailure("cassé.md", "cassé.md: not UTF-8 \x01")])
    root = ET.fromstring(format_junit(failing, "fr", False))
    assert (root.get("tests"), root.get("errors")) == ("1", "1")
    error = root.find("testsuite/testcase/error")
    assert error is not None and error.get("message") == "cassé.md: not UTF-8 \ufffd"


# --- the command line ---------------------------------------------------------


def test_cli_sarif_on_the_draft() -> None:
    code, out = run(["check", str(EXAMPLES / "brouillon.html"), "--format", "sarif"])
    assert code == 1
    log = validate_sarif(out)
    assert log["runs"][0]["results"]


def test_cli_github_on_the_draft() -> None:
    code, out = run(["check", str(EXAMPLES / "brouillon.html"), "--format", "github"])
    assert code == 1
    commands = annotations(out)
    assert commands[-1][0] == "notice" and "(échec)" in commands[-1][2]
    assert any(name == "error" for name, _, _ in commands)


def test_cli_junit_on_the_draft() -> None:
    code, out = run(["check", str(EXAMPLES / "brouillon.html"), "--format", "junit"])
    assert code == 1
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(out.encode("utf-8"))
    assert int(root.get("failures", "0")) > 0


def test_cli_unreadable_input_in_sarif(tmp_path: Path) -> None:
    missing = tmp_path / "absent.md"
    code, out = run(["check", str(missing), "--format", "sarif"])
    assert code == 2
    log = validate_sarif(out)
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False


# --- GitHub: within the annotation limits, and the job summary ------------------------------


@pytest.fixture(autouse=True)
def _no_step_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests' own runs never write to the job summary of the CI running them."""
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def _at(line: int) -> Span:
    return Span(line * 100, line * 100 + 5, line, 3, line, 8)


def _many(rule: str, code: str, severity: Severity, count: int, path: str) -> list[Finding]:
    return [
        dataclasses.replace(
            verbatim(rule, code, severity, f"{rule} n°{n}", "Corrigez."), span=_at(n)
        )
        for n in range(1, count + 1)
    ]


def _split(text: str) -> tuple[list[tuple[str, dict[str, str], str]], list[str]]:
    commands = [line for line in text.splitlines() if line.startswith("::")]
    log = [line for line in text.splitlines() if not line.startswith("::")]
    return annotations("\n".join(commands)), log


def test_github_stays_within_ten_annotations_of_each_kind_errors_first() -> None:
    findings = [
        *_many("word-count", "C001", Severity.ERROR, 14, "a.md"),
        *_many("title-length", "M001", Severity.WARNING, 12, "a.md"),
        *_many("sentence-length", "R002", Severity.INFO, 30, "a.md"),
        *(verbatim(f"rule-{n}", f"Z{n:03}", Severity.INFO, f"remarque {n}") for n in range(12)),
    ]
    report = fake_report(*findings, path="a.md")
    failure = InputFailure("b.md", "b.md: no such file")
    commands, log = _split(format_github(Batch([report], [failure]), "fr", False))
    kinds = [name for name, _, _ in commands]
    assert kinds == sorted(kinds, key=["error", "warning", "notice"].index)  # errors first
    assert {kind: kinds.count(kind) for kind in set(kinds)} == {
        "error": 10,
        "warning": 10,
        "notice": 10,
    }
    assert commands[0][1] == {"file": "b.md"}  # the unreadable input leads
    # the tenth of a kind counts the others, which the log gives in full
    name, props, message = commands[9]
    assert (name, props) == ("error", {})
    assert message.startswith("6 autres annotations «\u00a0erreur\u00a0» ne sont pas affichées")
    assert len([line for line in log if "[word-count]" in line or "word-count n°" in line]) == 6
    # thirty remarks of one rule on one file: one notice, at the first
    folded = [c for c in commands if c[1].get("title") == "R002 sentence-length"]
    assert len(folded) == 1 and folded[0][1]["line"] == "1"
    assert folded[0][2].startswith("30 remarques de cette règle (lignes 1, 2, 3,")
    assert commands[-1] == ("notice", {"file": "a.md"}, "seofr\u00a0: score 100/100 (échec)")


def test_github_gives_a_run_of_many_documents_one_verdict_notice() -> None:
    reports = [fake_report(path=f"page-{n}.md") for n in range(github.VERDICT_NOTICES + 1)]
    commands, log = _split(format_github(Batch(reports), "en", False))
    assert log == []
    assert commands == [("notice", {}, "seofr: 6 of 6 documents passed")]
    few = annotations(format_github(Batch(reports[:2]), "en", False))
    assert [props["file"] for _, props, _ in few] == ["page-0.md", "page-1.md"]


def test_job_summary_is_a_markdown_table_then_the_failing_documents(batch: Batch) -> None:
    text = job_summary(batch, "fr")
    lines = text.splitlines()
    assert lines[0] == f"### {len([r for r in batch.reports if r.passed])} document réussi sur 3."
    assert lines[2] == "| fichier | score | verdict | erreurs | alertes |"
    assert lines[3] == "| --- | ---: | --- | ---: | ---: |"
    assert len([line for line in lines if line.startswith("| ") and ".md" in line]) == 2
    failing = [r for r in batch.reports if not r.passed]
    assert text.count("<details><summary>") == len(failing)
    assert "| **échec** |" in text and "| **réussi** |" in text
    english = job_summary(batch, "en")
    assert "| file | score | verdict | errors | warnings |" in english


def test_job_summary_escapes_markdown_and_stays_within_its_room() -> None:
    findings = _many("title-length", "M001", Severity.WARNING, 400, "a|b.md")
    error = verbatim("word-count", "C001", Severity.ERROR, "Trop court : 12 *mots*")
    report = fake_report(error, *findings, path="a|b_c.md")
    text = job_summary(Batch([report]), "fr")
    assert "| a\\|b\\_c.md |" in text
    assert "Trop court : 12 \\*mots\\*" in text  # a message never formats itself
    room = 4000
    short = job_summary(Batch([report]), "fr", room)
    assert len(short.encode()) <= room
    assert "1\u00a0Mio par étape" in short and "<details>" not in short  # too long: left out


def test_statistics_count_rules_most_first_and_mark_what_fix_can_fix() -> None:
    from seofr.document.model import Edit
    from seofr.formatters.statistics import format_statistics, rule_counts

    fixable = dataclasses.replace(
        verbatim("boilerplate", "C002", Severity.WARNING, "Partager"),
        edits=(Edit(0, 8, "", True),),
    )
    report = fake_report(
        *_many("sentence-length", "R002", Severity.INFO, 3, "a.md"), fixable, path="a.md"
    )
    counts = rule_counts(Batch([report, report]))
    assert [(c.code, c.count, c.fixable) for c in counts] == [("R002", 6, 0), ("C002", 2, 2)]
    lines = format_statistics(Batch([report]), "fr").splitlines()
    assert lines[0].split() == ["3", "R002", "sentence-length"]
    assert lines[1].split() == ["1", "C002", "[*]", "boilerplate"]
    assert lines[-1] == "[*]\u00a0: des constats que «\u00a0seofr fix\u00a0» corrige."
