"""The command line: exit codes, formats, stdin, folders, errors without tracebacks."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from seofr.cli import main

from .conftest import EXAMPLES, ROOT

SCHEMA = json.loads((ROOT / "seofr" / "schema" / "report.schema.json").read_text("utf-8"))


def run(args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = main(args, out)
    return code, out.getvalue()


def test_examples_folder_gives_two_reports() -> None:
    code, out = run(["check", str(EXAMPLES)])
    assert code == 1  # the draft fails
    assert "article.md" in out and "brouillon.html" in out
    assert "1 document réussi sur 2." in out


def test_json_output_validates_against_the_schema() -> None:
    code, out = run(["check", str(EXAMPLES), "--format", "json"])
    data = json.loads(out)
    jsonschema.validate(data, SCHEMA)
    assert data["schema_version"] == 1
    assert [Path(d["path"]).name for d in data["documents"]] == ["article.md", "brouillon.html"]
    assert code == 1


def test_good_article_passes_alone() -> None:
    code, out = run(["check", str(EXAMPLES / "article.md")])
    assert code == 0, out


def test_seed_scraped_article(seed: Path) -> None:
    code, out = run(["check", str(seed / "seed-scraped-article.txt"), "--format", "json"])
    assert code == 1
    document = json.loads(out)["documents"][0]
    statuses = {r["name"]: r["status"] for r in document["rules"]}
    assert statuses["word-count"] == "fail"
    # the H2 count moved from heading-hierarchy to subheadings (issue 4);
    # heading-hierarchy still objects to the 79-character H1
    assert statuses["subheadings"] == "fail"
    assert statuses["heading-hierarchy"] != "pass"
    words = document["stats"]["words"]
    finding = next(f for f in document["findings"] if f["rule"] == "word-count")
    # the share-widget and comment-form lines do not count: they are to be removed
    found = re.search(
        r"(\d+) mots, dont (\d+) sur des lignes.*\s: (\d+) mots utiles", finding["message"]
    )
    assert found is not None, finding["message"]
    total, leftover, useful = (int(n) for n in found.groups())
    assert total == words and 0 < leftover < words and useful == words - leftover
    missing = 700 - useful
    assert any(str(n) in finding["fix"] for n in range(missing, missing + 10)), finding["fix"]


def test_stdin_with_input_format(monkeypatch: pytest.MonkeyPatch) -> None:
    data = "# Titre\n\nUn texte très court.\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out = run(["check", "-", "--input-format", "markdown", "--format", "json"])
    assert code == 1
    assert json.loads(out)["documents"][0]["format"] == "markdown"


def test_rules_listing_and_explanation() -> None:
    code, out = run(["rules"])
    assert code == 0 and "word-count" in out and "C001" in out
    code, out = run(["rules", "word-count", "--lang", "en"])
    assert code == 0 and "min-words = 700" in out and "pass" in out and "fail" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check", "missing-file.md"], "fichier introuvable"),
        (["check", "x.md", "--select", "nope"], "no rule matches"),
        (["check", "--format", "xml", "x.md"], "invalid choice"),
        (["rules", "nope"], "unknown rule"),
        (["check", str(EXAMPLES), "--profile", "magazine"], "unknown profile"),
    ],
)
def test_errors_exit_2_with_one_line(args: list[str], expected: str, tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text("# x\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "seofr.cli", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2, proc.stderr
    assert expected in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr


def test_python_dash_m_seofr_is_the_command() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "seofr", "rules", "word-count", "--lang", "en"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "word-count" in proc.stdout and "C001" in proc.stdout


def test_check_never_writes_to_checked_files(tmp_path: Path) -> None:
    target = tmp_path / "article.md"
    original = (EXAMPLES / "article.md").read_bytes()
    target.write_bytes(original)
    run(["check", str(target)])
    assert target.read_bytes() == original
