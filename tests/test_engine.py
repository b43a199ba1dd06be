"""The engine end to end: sources, scoring, directives, crashes, determinism."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import seofr
from seofr.i18n import Text
from seofr.plugin import Emitted, Rule, Template
from seofr.registry import Registry, registry
from seofr.session import Session
from seofr.verdicts import Severity, Status

from .conftest import EXAMPLES

SHORT_MD = """---
title: Les abeilles du toit de la mairie, une saison après
---

Les ruches installées sur le toit de la mairie ont produit leur premier miel.

## Une récolte modeste

Les apiculteurs ont récolté une vingtaine de kilos.
"""


def test_analyze_accepts_strings_paths_and_bytes(tmp_path: Path) -> None:
    path = tmp_path / "abeilles.md"
    path.write_text(SHORT_MD, encoding="utf-8")
    from_text = seofr.analyze(SHORT_MD, config=False)
    from_path = seofr.analyze(path, config=False)
    from_str_path = seofr.analyze(str(path), config=False)
    from_bytes = seofr.analyze(SHORT_MD.encode("utf-8"), config=False)
    assert from_text.format == from_path.format == from_bytes.format == "markdown"
    assert from_path.path == str(path) and from_str_path.path == str(path)
    assert from_text.stats["words"] == from_path.stats["words"] == from_bytes.stats["words"]
    html = seofr.analyze("<html><head><title>Miel</title></head><body><p>Un pot.</p></body></html>")
    assert html.format == "html" and html.title == "Miel"
    text = seofr.analyze("Le miel de la mairie\n\nUn premier pot a été vendu.\n")
    assert text.format == "text" and text.title == "Le miel de la mairie"


def test_report_fields_and_scores() -> None:
    report = seofr.analyze(SHORT_MD, config=False)
    assert report.title_origin == "front-matter"
    words = report.result("word-count")
    assert words is not None and words.status is Status.FAIL
    assert 0 < words.score < 0.1  # a continuous score: about 40 words of 700
    assert report.result("heading-hierarchy").status is Status.PASS  # type: ignore[union-attr]
    assert not report.passed  # word-count fails with error severity
    assert 0 <= report.score <= 100
    assert {"content", "structure", "metadata", "readability", "language"} <= set(report.categories)
    data = report.to_dict()
    assert data["rules"] and "word-count" in {f["rule"] for f in data["findings"]}


def test_findings_are_sorted_document_level_first() -> None:
    text = "# Un\n\ntexte\n\n# Deux\n\n#### Trois\n"
    report = seofr.analyze(text, input_format="markdown", config=False)
    keys = [(f.span is not None, f.span.start if f.span else -1) for f in report.findings]
    assert keys == sorted(keys)
    assert report.findings[0].span is None


DIRECTIVES = """# Jardin

<!-- seofr-disable-next-line heading-hierarchy -->

# Deuxième titre

<!-- seofr-disable S001 -->
# Troisième titre
<!-- seofr-enable S001 -->

# Quatrième titre
"""


def test_inline_directives() -> None:
    report = seofr.analyze(DIRECTIVES, select=["heading-hierarchy"], config=False)
    extra = [f for f in report.render() if "H1" in f.message and f.span is not None]
    assert [f.span.line for f in extra if f.span] == [11]
    off = "<!-- seofr-disable-file word-count -->\n" + DIRECTIVES
    assert seofr.analyze(off, config=False).result("word-count").status is Status.SKIP  # type: ignore[union-attr]


@dataclass(frozen=True)
class _NoOptions:
    pass


class _Exploding(Rule[_NoOptions]):
    """Always crashes.

    ```md pass
    x
    ```
    """

    name = "exploding"
    code = "Z999"
    category = "test"
    severity = Severity.WARNING
    summary = Text(fr="Plante.", en="Crashes.")
    Options = _NoOptions
    templates: dict[str, Template] = {}

    def check(self, doc: object, ctx: object, options: _NoOptions) -> Iterator[Emitted]:
        yield from ()
        raise ZeroDivisionError("division by zero\nsecond line")


def test_a_crashing_rule_becomes_an_error_finding_and_others_run() -> None:
    base = registry()
    rules = {**base.rules, "exploding": _Exploding}
    session = Session(Registry(rules, {**base.origins, "exploding": "tests"}, base.profiles))
    report = session.analyze("# Titre\n\nTexte.\n", config=False)
    crashed = report.shown_of("exploding")
    assert len(crashed) == 1 and crashed[0].severity is Severity.ERROR
    assert "ZeroDivisionError: division by zero" in crashed[0].message
    assert "second line" not in crashed[0].message
    assert report.result("word-count") is not None


def test_same_input_gives_identical_json() -> None:
    first = json.dumps(seofr.analyze(EXAMPLES / "article.md").to_dict(), ensure_ascii=False)
    second = json.dumps(seofr.analyze(EXAMPLES / "article.md").to_dict(), ensure_ascii=False)
    assert first == second


def test_english_messages() -> None:
    report = seofr.analyze(SHORT_MD, lang="en", config=False)
    finding = report.shown_of("word-count")[0]
    assert finding.message.startswith("The text has")
    assert finding.fix and finding.fix.startswith("Add about")


def test_input_errors() -> None:
    with pytest.raises(seofr.InputError, match="no such file"):
        seofr.analyze(Path("/nonexistent/article.md"))
    with pytest.raises(seofr.InputError, match="no such file"):
        seofr.analyze("artcle.md")  # a typo is not a one-word document
    with pytest.raises(seofr.ConfigError, match="input-format"):
        seofr.analyze("x", input_format="docx")


@pytest.mark.parametrize(
    ("source", "input_format"),
    [
        ("", "text"),
        ("# Un titre seul", "markdown"),
        ("<html><body><h1>Titre</h1><h2>Et un intertitre</h2></body></html>", "html"),
        ("[Un lien](/page)", "markdown"),
        ("![](photo.jpg)", "markdown"),
        ("<html><body><nav><a href='/'>Accueil</a></nav></body></html>", "html"),
        ("Bonjour.", "text"),
    ],
)
def test_no_rule_crashes_on_a_nearly_empty_document(source: str, input_format: str) -> None:
    """Every rule, keyphrase given, on documents with almost nothing: a rule may skip,
    never crash (a skip's reason is a real template, written in both languages)."""
    report = seofr.analyze(source, input_format=input_format, keyword="titre", config=False)
    crashed = [(f.rule, dict(f.params)) for f in report.findings if f.key == "__crash__"]
    assert crashed == []
    for result in report.results:
        for lang in ("fr", "en"):
            reason = report.skip_reason(result, lang)  # type: ignore[arg-type]
            assert (reason is None) == (result.skip_key is None)
