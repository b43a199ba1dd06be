"""The command line: exit codes, formats, stdin, folders, errors without tracebacks."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from seofr.cli import main
from seofr.i18n import Text

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
        (["check", "x.md", "--select", "S", "-o", "x.md/rapport.json"], "cannot be written"),
        (["check", "x.md", "--statistics", "--format", "junit"], "--statistics prints"),
        (["init", "--lang", "de"], "invalid choice"),
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


# --- which files a run checks (seofr.collect) --------------------------------------------

ARTICLE = (EXAMPLES / "article.md").read_bytes()
DRAFT = (EXAMPLES / "brouillon.html").read_bytes()
FAST = ["--select", "S,M,C", "--no-cache"]


def _write(root: Path, name: str, content: str | bytes = ARTICLE) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _paths(*args: str) -> list[str]:
    code, out = run(["check", "--format", "json", *FAST, *args])
    assert code in (0, 1), out
    return [document["path"] for document in json.loads(out)["documents"]]


def test_default_exclusions_and_content_extensions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in [
        "blog/velo.md",
        "blog/velo.markdown",
        "pages/contact.htm",
        "notes.txt",
        "node_modules/pkg/README.md",
        "public/index.html",
        "_site/index.html",
        "layouts/partials/head.html",
        "_layouts/post.html",
        "themes/ananke/layouts/index.html",
        "archetypes/default.md",
        "vendor/lib/doc.md",
        ".github/ISSUE_TEMPLATE/bug.md",
        "robots.txt",
        "LICENSE.md",
    ]:
        _write(tmp_path, name)
    _write(tmp_path, "style.css", "body {}")
    monkeypatch.chdir(tmp_path)
    assert _paths() == ["blog/velo.markdown", "blog/velo.md", "notes.txt", "pages/contact.htm"]
    # a folder named on purpose is searched, whatever its name
    assert _paths("public") == ["public/index.html"]


def test_exclude_patterns_are_bare_names_or_paths_from_the_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ["content/a.md", "content/brouillons/b.md", "content/2019/old-c.md", "d.md"]:
        _write(tmp_path, name)
    _write(tmp_path, "archives/brouillons/e.md")
    (tmp_path / "seofr.toml").write_text(
        'extend-exclude = ["content/brouillons", "content/**/old-*.md"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path / "content")
    # paths with a slash start at the configuration file's folder, wherever seofr runs
    assert _paths(str(tmp_path)) == [
        f"{tmp_path}/archives/brouillons/e.md",
        f"{tmp_path}/content/a.md",
        f"{tmp_path}/d.md",
    ]
    monkeypatch.chdir(tmp_path)
    # a bare name matches at any depth; the command line adds to the file
    assert _paths("--extend-exclude", "brouillons") == ["content/a.md", "d.md"]
    # exclude replaces the defaults and the file's list
    assert _paths("--exclude", "content") == ["archives/brouillons/e.md", "d.md"]


def test_force_exclude_applies_to_named_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path, "public/index.html", DRAFT)
    _write(tmp_path, "content/a.md")
    monkeypatch.chdir(tmp_path)
    named = ["public/index.html", "content/a.md"]
    assert _paths(*named) == named  # a named file is checked, as ruff does
    assert _paths("--force-exclude", *named) == ["content/a.md"]  # what pre-commit needs


def test_the_same_file_is_checked_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, "blog/velo.md")
    monkeypatch.chdir(tmp_path)
    assert _paths("blog", "blog/velo.md", "./blog/velo.md", str(tmp_path / "blog")) == [
        "blog/velo.md"
    ]


def test_paths_come_from_the_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, "content/velo.md")
    _write(tmp_path, "README.md")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.seofr]\npaths = ["content"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert _paths() == ["content/velo.md"]
    assert _paths(".") == ["README.md", "content/velo.md"]  # a path given wins


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("fr", "Aucun fichier de contenu"), ("en", "No content file")],
)
def test_a_folder_without_content_exits_2_and_says_what_was_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, expected: str
) -> None:
    folder = tmp_path / "contenu"
    _write(folder, "node_modules/x.md")
    _write(folder, "robots.txt", "User-agent: *\n")
    _write(tmp_path, "ailleurs/page.md")
    code, out = run(["check", str(folder), str(tmp_path / "ailleurs"), "--lang", lang, *FAST])
    assert code == 2
    error = capsys.readouterr().err
    assert expected in error and "node_modules/" in error and "robots.txt" in error
    assert "page.md" in out  # the other folder is still checked
    # the same with a folder that does not exist: a typo in CI must not pass
    assert run(["check", str(tmp_path / "contneu"), *FAST])[0] == 2


def test_gitignore_is_read_by_git_only_in_a_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    _write(tmp_path, "a.md")
    _write(tmp_path, "generated/b.md")
    _write(tmp_path, "c.md")
    (tmp_path / ".gitignore").write_text("generated/\n/c.md\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    # outside a work tree a .gitignore means nothing, to Git as to seofr
    assert _paths() == ["a.md", "c.md", "generated/b.md"]
    subprocess.run(["git", "init", "-q"], check=True)
    assert _paths() == ["a.md"]
    # a tracked file is not ignored, as for Git
    subprocess.run(["git", "add", "-f", "c.md"], check=True)
    assert _paths() == ["a.md", "c.md"]
    # and a named folder is searched even when Git ignores it
    assert _paths("generated") == ["generated/b.md"]


def test_fix_collects_files_like_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "# Titre\n\nTexte.\n\nPartager\n\nSuite.\n"
    content = _write(tmp_path, "content/a.md", text)
    generated = _write(tmp_path, "public/a.md", text)
    (tmp_path / "seofr.toml").write_text('paths = ["."]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run(["fix", "--select", "boilerplate", "--quiet"])[0] == 0
    assert "Partager" not in content.read_text(encoding="utf-8")
    assert generated.read_text(encoding="utf-8") == text  # public/ is left out


# --- what check prints -------------------------------------------------------------------


def test_stdin_filename_names_the_document_and_finds_its_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path, "site/seofr.toml", "fail-under = 12\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DRAFT)))
    _, out = run(["check", "--stdin-filename", "site/page.html", "--format", "json", *FAST])
    [document] = json.loads(out)["documents"]
    assert document["path"] == "site/page.html"
    assert document["format"] == "html"  # from the name, not guessed
    assert document["fail_under"] == 12  # site/seofr.toml, not the current folder's


def test_output_file_min_severity_and_quiet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "rapports" / "seofr.json"
    code, out = run(["check", str(EXAMPLES), *FAST, "--format", "json", "-o", str(target)])
    assert code == 1 and out == ""
    documents = json.loads(target.read_text(encoding="utf-8"))["documents"]
    severities = {f["severity"] for d in documents for f in d["findings"]}
    assert "warning" in severities
    code, out = run(["check", str(EXAMPLES), *FAST, "--format", "json", "--min-severity", "error"])
    filtered = json.loads(out)["documents"]
    assert {f["severity"] for d in filtered for f in d["findings"]} == {"error"}
    assert [d["passed"] for d in filtered] == [d["passed"] for d in documents]
    code, out = run(["check", str(EXAMPLES), *FAST, "--quiet"])
    assert code == 1
    assert "brouillon.html" in out and "article.md" not in out  # the passing one is silent
    assert "mots :" not in out and "sur 2." not in out


def test_summary_table_ends_a_report_of_several_documents() -> None:
    _, out = run(["check", str(EXAMPLES), *FAST, "--color", "never"])
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("fichier "))
    header, first, second = lines[start : start + 3]
    assert header.split() == ["fichier", "score", "verdict", "erreurs", "alertes"]
    assert first.split()[0].endswith("article.md") and first.split()[2] == "réussi"
    assert second.split()[0].endswith("brouillon.html") and second.split()[2] == "échec"
    assert lines[start + 4] == "1 document réussi sur 2."
    # columns line up: each row's verdict starts under the heading
    column = header.index("verdict")
    assert first[column:].startswith("réussi") and second[column:].startswith("échec")
    assert "fichier " not in run(["check", str(EXAMPLES / "article.md"), *FAST])[1]


def test_color_follows_the_flag_then_no_color_then_force_color(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from seofr.cli import use_color

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert use_color("auto", Terminal()) and not use_color("auto", io.StringIO())
    assert use_color("always", io.StringIO()) and not use_color("never", Terminal())
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert use_color("auto", io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color("auto", Terminal()) and not use_color("auto", io.StringIO())
    assert use_color("always", io.StringIO())  # the flag wins over the environment
    monkeypatch.setenv("NO_COLOR", "")  # empty: as if unset (no-color.org)
    assert use_color("auto", io.StringIO())
    monkeypatch.delenv("FORCE_COLOR")
    assert (
        "\033[" in run(["check", str(EXAMPLES / "brouillon.html"), *FAST, "--color", "always"])[1]
    )
    assert "\033[" not in run(["check", str(EXAMPLES / "brouillon.html"), *FAST])[1]


def test_statistics_count_the_findings_of_each_rule() -> None:
    code, out = run(["check", str(EXAMPLES), *FAST, "--format", "json"])
    findings = [f for d in json.loads(out)["documents"] for f in d["findings"]]
    code, stats = run(["check", str(EXAMPLES), *FAST, "--statistics", "--format", "json"])
    assert code == 1
    counted = {row["rule"]: row["count"] for row in json.loads(stats)}
    assert counted == {
        r: sum(f["rule"] == r for f in findings) for r in {f["rule"] for f in findings}
    }
    code, text = run(["check", str(EXAMPLES), *FAST, "--statistics"])
    first = text.splitlines()[0].split()
    assert int(first[0]) == max(counted.values()) and first[-1] in counted
    assert run(["check", str(EXAMPLES), *FAST, "--statistics", "--format", "sarif"])[0] == 2


# --- seofr init and seofr rules ------------------------------------------------------------


def test_init_adds_a_section_to_pyproject_and_never_overwrites_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tomllib

    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "blog"\n', encoding="utf-8")
    (tmp_path / "content").mkdir()
    monkeypatch.chdir(tmp_path)
    code, out = run(["init", "--lang", "en"])
    assert code == 0 and "Section [tool.seofr] added" in out
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    assert data["project"] == {"name": "blog"}
    assert data["tool"]["seofr"]["paths"] == ["content"]  # the site's content folder
    _write(tmp_path, "content/velo.md")
    assert _paths() == ["content/velo.md"]
    before = pyproject.read_bytes()
    assert run(["init"])[0] == 2 and pyproject.read_bytes() == before
    # a seofr.toml shadows pyproject.toml: init refuses too
    pyproject.unlink()
    (tmp_path / "seofr.toml").write_text("", encoding="utf-8")
    assert run(["init"])[0] == 2


def test_init_writes_every_file_setting_documented_in_the_chosen_language() -> None:
    from seofr.init import configuration
    from seofr.settings import Place, Settings, key_of

    for lang in ("fr", "en"):
        text = configuration(lang, "tool.seofr")  # type: ignore[arg-type]
        for f, spec in Settings.at(Place.FILE):
            assert key_of(f.name) in text, f.name
            assert spec.doc.render(lang).split()[1] in text  # type: ignore[arg-type]
    assert "Le score" in configuration("fr", "") and "The score" not in configuration("fr", "")


def test_rules_by_category_or_code_prefix() -> None:
    code, out = run(["rules", "R"])
    assert code == 0
    rows = [line.split() for line in out.splitlines()]
    assert len(rows) > 1 and all(row[0].startswith("R") for row in rows)
    assert all(row[2:4] == ["lisibilité", "alerte"] for row in rows)  # said in French
    assert run(["rules", "lisibilité"])[1] == out  # the category, in French
    code, out = run(["rules", "metadata", "--lang", "en"])  # or in English
    assert {line.split()[0][0] for line in out.splitlines()} == {"M"}
    # a rule's own name wins over the category it shares a name with
    assert run(["rules", "readability"])[1].startswith("readability (R001)")
    code, out = run(["rules", "K00"])
    assert all(line.split()[0].startswith("K00") for line in out.splitlines())


def test_every_builtin_category_is_said_in_french() -> None:
    from seofr.registry import registry
    from seofr.ruledoc import CATEGORIES

    assert {rule.category for rule in registry().rules.values()} <= set(CATEGORIES)


def test_rule_explained_in_french_shows_no_english_as_french() -> None:
    from seofr.registry import registry
    from seofr.ruledoc import description, rule_doc

    rule = registry().rules["word-count"]
    english = rule_doc(rule).splitlines()[0]
    code, out = run(["rules", "word-count", "--lang", "fr"])
    assert code == 0
    assert english not in out
    # the French description, whole, and no label pointing to the English one
    french = description(rule, "fr")
    assert french.startswith("Le texte compte au moins ``min-words`` mots.") and french in out
    assert "n’existe qu’en anglais" not in out
    assert "contenu, erreur" in out and "Options\u00a0:" in out and "Nombre minimal" in out
    assert "[markdown → réussite]" in out and "[markdown → échec]" in out
    out = run(["rules", "word-count", "--lang", "en"])[1]
    assert english in out and french not in out


def test_a_plugin_rule_without_a_french_description_points_to_the_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import dataclasses

    from seofr import ruledoc
    from seofr.plugin import Rule, Text
    from seofr.registry import registry

    class Described(Rule[object]):
        """Headings stay calm.

        ```md pass
        # Calme
        ```
        """

        name, code, category = "calm-headings", "Z901", "style"
        summary = Text(fr="Des titres calmes.", en="Calm headings.")
        description_fr = """Les titres restent calmes.

            Aucun point d’exclamation."""

    class Undescribed(Described):
        """Headings stay quiet."""

        name, code = "quiet-headings", "Z902"
        description_fr = ""

    rules = {**registry().rules, Described.name: Described, Undescribed.name: Undescribed}
    monkeypatch.setattr(ruledoc, "registry", lambda: dataclasses.replace(registry(), rules=rules))
    out = run(["rules", "calm-headings", "--lang", "fr"])[1]
    assert "Les titres restent calmes.\n\nAucun point d’exclamation.\n" in out
    assert "n’existe qu’en anglais" not in out and "Headings stay calm" not in out
    out = run(["rules", "quiet-headings", "--lang", "fr"])[1]
    assert "Headings stay quiet" not in out
    label = "La description détaillée de cette règle n’existe qu’en anglais"
    assert f"{label}\u00a0: «\u00a0seofr rules quiet-headings --lang en\u00a0»." in out
    assert "Headings stay quiet" in run(["rules", "quiet-headings", "--lang", "en"])[1]


# --- every message of the command in both languages, in French typography ------------------


def _command_texts() -> list[tuple[str, Text]]:
    from seofr import collect, init, ruledoc
    from seofr.formatters import common, github, statistics

    texts: list[tuple[str, Text]] = []
    for module, table in [
        ("collect", collect.MESSAGES),
        ("init", init.MESSAGES),
        ("github", github.MESSAGES),
        ("ruledoc", ruledoc.LABELS),
        ("category", ruledoc.CATEGORIES),
        ("status", ruledoc.STATUSES),
    ]:
        texts += [(f"{module}.{key}", text) for key, text in table.items()]
    texts += [(f"heading.{i}", text) for i, text in enumerate(common.TABLE_HEADINGS)]
    texts += [
        ("run-summary", common.RUN_SUMMARY),
        ("unreadable", common.UNREADABLE),
        ("legend", statistics.LEGEND),
    ]
    return texts


@pytest.mark.parametrize(
    ("where", "text"), _command_texts(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_command_messages_exist_in_both_languages_in_their_typography(
    where: str, text: Text
) -> None:
    assert text.fr.strip() and text.en.strip(), where
    assert text.placeholders("fr") == text.placeholders("en"), where
    assert "(s)" not in text.fr + text.en, where
    # as tests/test_i18n.py: no plain space before « : ; ! ? » % » nor after « «
    assert not re.search(r" [:;!?»%]|« ", text.fr), where
    assert not re.search("\u00a0[;!?]", text.fr), f"{where}: a narrow no-break space there"
    assert not re.search("[\u00a0\u202f][:;!?]", text.en), where
    for count in (0, 1, 2):
        params = {name: count for name in text.placeholders("fr")}
        assert text.render("fr", params) and text.render("en", params)  # type: ignore[arg-type]
