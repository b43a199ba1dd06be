"""The command as a CI job runs it: a site in a Git repository, checked with no path.

The acceptance of issue 16 (items 9, 10, 11 and 14): in a Git repository with
a ``.gitignore``, ``node_modules/``, ``public/`` and ``layouts/``, ``seofr check``
without a path checks only the content files; ``--format github`` with
``GITHUB_STEP_SUMMARY`` set appends a Markdown table to it; ``--exit-zero``
exits 0 although a document fails; ``seofr init`` in an empty folder writes a
configuration ``seofr check`` accepts.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from seofr.cli import main

from .conftest import EXAMPLES
from .test_cli import _write

# The structural rules need no language model: the workflow stays fast.
FAST = ["--select", "S,M,C", "--no-cache"]

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(args), out)
    return status, out.getvalue()


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Hugo-like site in a Git repository, the current folder of the test."""
    root = tmp_path / "site"
    article = (EXAMPLES / "article.md").read_bytes()
    draft = (EXAMPLES / "brouillon.html").read_bytes()
    # the content: what must be checked
    _write(root, "content/velo.md", article)
    _write(root, "content/boulangerie.html", draft)
    # what must not be: dependencies, generated pages, templates, robots.txt
    _write(root, "node_modules/theme-kit/README.md", article)
    _write(root, "public/index.html", draft)
    _write(root, "public/velo/index.html", draft)
    _write(root, "layouts/_default/single.html", "<article>{{ .Content }}</article>\n")
    _write(root, "robots.txt", "User-agent: *\nDisallow:\n")
    # and what Git ignores
    _write(root, ".gitignore", "brouillons/\n*.tmp.md\n")
    _write(root, "brouillons/idee.md", article)
    _write(root, "content/notes.tmp.md", article)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    monkeypatch.chdir(root)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return root


def _checked(*extra: str) -> tuple[int, set[str]]:
    status, out = run("check", "--format", "json", *FAST, *extra)
    return status, {document["path"] for document in json.loads(out)["documents"]}


@needs_git
def test_check_without_a_path_checks_only_the_content_files(site: Path) -> None:
    status, paths = _checked()
    assert paths == {"content/velo.md", "content/boulangerie.html"}
    assert status == 1  # the draft fails
    # what Git ignores is left out because Git ignores it, not by chance
    _, everything = _checked("--no-respect-gitignore")
    assert everything == paths | {"brouillons/idee.md", "content/notes.tmp.md"}


@needs_git
def test_github_format_appends_a_markdown_table_to_the_job_summary(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = site.parent / "step-summary.md"
    summary.write_text("## Étape précédente\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    status, out = run("check", "--format", "github", *FAST)
    assert status == 1
    assert out.startswith("::error ")  # errors come first
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Étape précédente\n")  # appended, never overwritten
    lines = text.splitlines()
    header = lines.index("| fichier | score | verdict | erreurs | alertes |")
    assert lines[header + 1].startswith("| --- |")
    rows = {line.split(" | ")[0].lstrip("| ") for line in lines[header + 2 : header + 4]}
    assert rows == {"content/velo.md", "content/boulangerie.html"}
    assert "| **échec** |" in text and "| **réussi** |" in text


@needs_git
def test_exit_zero_exits_0_when_a_document_fails(site: Path) -> None:
    assert run("check", *FAST)[0] == 1
    assert run("check", "--exit-zero", *FAST)[0] == 0
    # an input error still fails the job
    assert run("check", "--exit-zero", "contenu/", *FAST)[0] == 2


def test_init_in_an_empty_folder_writes_a_configuration_check_accepts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    status, out = run("init")
    assert status == 0
    config = tmp_path / "seofr.toml"
    table = tomllib.loads(config.read_text(encoding="utf-8"))
    assert table["fail-under"] == 70 and table["lang"] == "fr"
    assert "- id: seofr" in out and "rev: v" in out  # the pre-commit snippet
    # an empty folder: nothing to check is an error, said in a sentence
    assert run("check", *FAST)[0] == 2
    assert "Aucun fichier de contenu" in capsys.readouterr().err
    _write(tmp_path, "velo.md", (EXAMPLES / "article.md").read_bytes())
    status, out = run("check", "--format", "json", *FAST)
    assert status == 0, capsys.readouterr().err
    [document] = json.loads(out)["documents"]
    assert document["path"] == "velo.md" and document["fail_under"] == 70
    # a second init would overwrite it: refused
    before = config.read_bytes()
    assert run("init")[0] == 2
    assert "déjà" in capsys.readouterr().err
    assert config.read_bytes() == before
