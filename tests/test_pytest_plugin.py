"""The pytest plugin (``pytest --seofr``, ``seofr_analyze``) and ``seofr.testing``.

The temporary projects select three rules that need no NLP (``word-count``,
``heading-hierarchy``, ``title-length``), so the inner runs stay fast and never
load spaCy. Runs that check what gets imported, or start xdist workers, go
through a subprocess; the others run in-process.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import seofr
from seofr.formatters.text import format_report
from seofr.testing import assert_passes

GOOD = """\
# Bien choisir son vélo électrique pour la ville

Le vélo électrique séduit chaque année davantage de citadins. Il permet de se
déplacer vite, sans transpirer, et de laisser la voiture au garage pour les
trajets quotidiens entre le domicile et le travail.

## Les critères essentiels

Avant d'acheter, regardez l'autonomie de la batterie, le poids du cadre et la
qualité des freins. Un essai en magasin reste le meilleur moyen de comparer
plusieurs modèles avant de vous décider.
"""

# Too short, a short title, and an H3 (line 5) before any H2.
BAD = """\
# Vélo

Trop court pour un article.

### Détails
"""

# Long enough and well structured, but its title is short: a warning only,
# so it passes at the default threshold (70) with a score of 85.7.
MEDIUM = """\
# Vélo en ville

Le vélo électrique séduit chaque année davantage de citadins. Il permet de se
déplacer vite, sans transpirer, et de laisser la voiture au garage pour les
trajets quotidiens entre le domicile et le travail.

## Les critères essentiels

Avant d'acheter, regardez l'autonomie de la batterie, le poids du cadre et la
qualité des freins. Un essai en magasin reste le meilleur moyen de comparer.
"""

SEOFR_TABLE = """\
[tool.seofr]
{paths}select = ["word-count", "heading-hierarchy", "title-length"]

[tool.seofr.rules.word-count]
min-words = 40
"""

RULES = {"word-count": {"min-words": 40}}
SELECT = ["word-count", "heading-hierarchy", "title-length"]


def make_project(pytester: pytest.Pytester, paths: str | None = '["content"]') -> None:
    """A project with ``content/bon.md``, ``content/mauvais.md`` and a bad README."""
    table = SEOFR_TABLE.format(paths=f"paths = {paths}\n" if paths else "")
    pytester.makepyprojecttoml(table)
    content = pytester.mkdir("content")
    (content / "bon.md").write_text(GOOD, encoding="utf-8")
    (content / "mauvais.md").write_text(BAD, encoding="utf-8")
    # outside the configured paths: must not be collected although it fails
    (pytester.path / "README.md").write_text("# Lisez-moi\n", encoding="utf-8")


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    make_project(pytester)
    return pytester


# --- acceptance -----------------------------------------------------------------------------


def test_acceptance_one_passed_one_failed(project: pytest.Pytester) -> None:
    result = project.runpytest_subprocess("--seofr", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*_ content/mauvais.md (seofr) _*",
            "content/mauvais.md — score *(échec, seuil 70, profil article)",
            "*content/mauvais.md:5:5: erreur S001 [[]heading-hierarchy[]] *",
            "*→ *",
            "FAILED content/mauvais.md::content/mauvais.md*",
        ]
    )
    assert "[word-count]" in result.stdout.str()
    assert "README.md" not in result.stdout.str()


# --- collection -----------------------------------------------------------------------------


def test_items_are_named_by_their_path(project: pytest.Pytester) -> None:
    result = project.runpytest("--seofr", "--collect-only", "-q")
    result.stdout.fnmatch_lines(
        ["content/bon.md::content/bon.md", "content/mauvais.md::content/mauvais.md"]
    )


def test_k_selects_by_file_name(project: pytest.Pytester) -> None:
    result = project.runpytest("--seofr", "-k", "bon")
    result.assert_outcomes(passed=1, deselected=1)


def test_marker_selects_content_checks(project: pytest.Pytester) -> None:
    project.makepyfile(test_code="def test_code():\n    pass\n")
    project.runpytest("--seofr", "-m", "seofr").assert_outcomes(passed=1, failed=1, deselected=1)
    project.runpytest("--seofr", "-m", "not seofr").assert_outcomes(passed=1, deselected=2)


def test_without_flag_no_content_is_collected(project: pytest.Pytester) -> None:
    project.makepyfile(test_code="def test_code():\n    pass\n")
    result = project.runpytest("--collect-only", "-q")
    result.stdout.fnmatch_lines(["test_code.py::test_code", "1 test collected*"])
    assert ".md" not in result.stdout.str()


def test_without_flag_content_argument_is_not_collected(project: pytest.Pytester) -> None:
    result = project.runpytest("content/mauvais.md")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: not found: *content/mauvais.md"])


def test_positional_paths_replace_configured_ones(project: pytest.Pytester) -> None:
    # the README lies outside paths = ["content"] but was asked for explicitly
    result = project.runpytest("--seofr", "README.md", "content/bon.md")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["FAILED README.md::README.md*"])


def test_configured_paths_join_the_python_tests(project: pytest.Pytester) -> None:
    project.makepyfile(test_code="def test_code():\n    pass\n")
    project.runpytest("--seofr").assert_outcomes(passed=2, failed=1)


def test_configured_paths_join_testpaths(pytester: pytest.Pytester) -> None:
    make_project(pytester)
    text = (pytester.path / "pyproject.toml").read_text(encoding="utf-8")
    text += '\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\n'
    (pytester.path / "pyproject.toml").write_text(text, encoding="utf-8")
    tests = pytester.mkdir("tests")
    (tests / "test_code.py").write_text("def test_code():\n    pass\n", encoding="utf-8")
    # a Markdown fixture under testpaths is no content to check
    (tests / "exemple.md").write_text(BAD, encoding="utf-8")
    pytester.runpytest("--seofr").assert_outcomes(passed=2, failed=1)


def test_ini_seofr_paths(pytester: pytest.Pytester) -> None:
    make_project(pytester, paths=None)
    text = (pytester.path / "pyproject.toml").read_text(encoding="utf-8")
    text += '\n[tool.pytest.ini_options]\nseofr_paths = ["articles"]\n'
    (pytester.path / "pyproject.toml").write_text(text, encoding="utf-8")
    articles = pytester.mkdir("articles")
    (articles / "moyen.md").write_text(MEDIUM, encoding="utf-8")
    result = pytester.runpytest("--seofr", "-v")
    result.assert_outcomes(passed=1)
    # the whole node id, its dots kept (pytest turns a domain's dots into "::")
    result.stdout.fnmatch_lines(["articles/moyen.md::articles/moyen.md PASSED*"])


def test_missing_configured_path_is_a_usage_error(pytester: pytest.Pytester) -> None:
    make_project(pytester, paths='["absent"]')
    result = pytester.runpytest("--seofr")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*paths: *absent does not exist*"])


def test_without_configured_paths_every_content_file_is_checked(
    pytester: pytest.Pytester,
) -> None:
    make_project(pytester, paths=None)
    pytester.runpytest("--seofr").assert_outcomes(passed=1, failed=2)


# --- options --------------------------------------------------------------------------------


@pytest.fixture
def medium(project: pytest.Pytester) -> pytest.Pytester:
    (project.path / "content" / "moyen.md").write_text(MEDIUM, encoding="utf-8")
    return project


def test_fail_under_option(medium: pytest.Pytester) -> None:
    medium.runpytest("--seofr", "-k", "moyen").assert_outcomes(passed=1, deselected=2)
    result = medium.runpytest("--seofr", "-k", "moyen", "--seofr-fail-under", "90")
    result.assert_outcomes(failed=1, deselected=2)
    result.stdout.fnmatch_lines(["content/moyen.md — score 85,7/100 (échec, seuil 90, *"])


def test_fail_under_ini(medium: pytest.Pytester) -> None:
    medium.makeini("[pytest]\nseofr_fail_under = 90\n")
    medium.runpytest("--seofr", "-k", "moyen").assert_outcomes(failed=1, deselected=2)
    # the command line wins over the ini file
    result = medium.runpytest("--seofr", "-k", "moyen", "--seofr-fail-under", "50")
    result.assert_outcomes(passed=1, deselected=2)


def test_bad_fail_under_ini_is_a_usage_error(medium: pytest.Pytester) -> None:
    medium.makeini("[pytest]\nseofr_fail_under = beaucoup\n")
    result = medium.runpytest("--seofr")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*seofr_fail_under: expected a number*"])


def test_profile_option(project: pytest.Pytester) -> None:
    result = project.runpytest("--seofr", "--seofr-profile", "page", "-k", "mauvais")
    result.assert_outcomes(failed=1, deselected=1)
    result.stdout.fnmatch_lines(["content/mauvais.md — score * profil page)"])


def test_unknown_profile_fails_each_item_with_the_message(project: pytest.Pytester) -> None:
    result = project.runpytest("--seofr", "--seofr-profile", "inconnu")
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["unknown profile 'inconnu' (profiles: *)"] * 2)


def test_profile_ini(project: pytest.Pytester) -> None:
    project.makeini("[pytest]\nseofr_profile = inconnu\n")
    result = project.runpytest("--seofr")
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["unknown profile 'inconnu' *"])


def test_lang_option(project: pytest.Pytester) -> None:
    result = project.runpytest("--seofr", "--seofr-lang", "en")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "content/mauvais.md — score 21.8/100 (failed, threshold 70, profile article)",
            "*content/mauvais.md:5:5: error S001 [[]heading-hierarchy[]] *",
        ]
    )


def test_unreadable_file_fails_with_the_input_error(project: pytest.Pytester) -> None:
    # the file disappears between collection and the test: an InputError
    (project.path / "content" / "parti.md").write_text(GOOD, encoding="utf-8")
    project.makeconftest(
        "def pytest_collection_finish(session):\n"
        "    (session.config.rootpath / 'content' / 'parti.md').unlink()\n"
    )
    result = project.runpytest("--seofr", "-k", "parti")
    result.assert_outcomes(failed=1, deselected=2)
    result.stdout.fnmatch_lines(["*content/parti.md: no such file"])


def test_bad_front_matter_fails_with_the_config_error(project: pytest.Pytester) -> None:
    text = "---\nseofr: 3\n---\n" + GOOD
    (project.path / "content" / "bon.md").write_text(text, encoding="utf-8")
    result = project.runpytest("--seofr", "-k", "bon")
    result.assert_outcomes(failed=1, deselected=1)
    result.stdout.fnmatch_lines(["*bon.md: front matter seofr: expected a table of settings"])


def test_passing_report_is_kept_as_a_section(project: pytest.Pytester) -> None:
    result = project.runpytest("--seofr", "-k", "bon", "-rP")
    result.stdout.fnmatch_lines(["*- Captured seofr call -*", "content/bon.md — score 100/100 *"])


# --- xdist ----------------------------------------------------------------------------------


def test_xdist_gives_the_same_outcome(project: pytest.Pytester) -> None:
    pytest.importorskip("xdist")
    result = project.runpytest_subprocess("--seofr", "-n", "2", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*content/mauvais.md:5:5: erreur S001 [[]heading-hierarchy[]] *"])


# --- import cost ----------------------------------------------------------------------------


def _fresh_import(check: str) -> subprocess.CompletedProcess[str]:
    code = f"import sys, seofr.pytest_plugin; assert {check}, sorted(sys.modules)"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


def test_importing_the_plugin_loads_neither_spacy_nor_rules() -> None:
    run = _fresh_import("'spacy' not in sys.modules and 'seofr_rules' not in sys.modules")
    assert run.returncode == 0, run.stderr


def test_importing_the_plugin_does_not_load_the_engine() -> None:
    run = _fresh_import("'seofr.engine' not in sys.modules")
    assert run.returncode == 0, run.stderr


def test_plain_run_never_imports_spacy(project: pytest.Pytester) -> None:
    project.makepyfile(
        test_clean="import sys\n\ndef test_clean():\n    assert 'spacy' not in sys.modules\n"
    )
    result = project.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


# --- seofr_analyze --------------------------------------------------------------------------


def test_seofr_analyze_fixture(project: pytest.Pytester) -> None:
    project.makepyfile(
        test_pages="""
        import seofr
        from seofr.testing import assert_passes

        def test_good(seofr_analyze):
            report = seofr_analyze("content/bon.md")
            assert isinstance(report, seofr.Report)
            assert_passes(report)

        def test_keywords(seofr_analyze):
            report = seofr_analyze(
                "# Titre\\n\\nTexte.", select=["word-count"], rules={"word-count": {"min-words": 1}}
            )
            assert [r.name for r in report.results] == ["word-count"]
            assert report.passed

        def test_bad(seofr_analyze):
            assert_passes(seofr_analyze("content/mauvais.md"))

        def test_shared(seofr_analyze, request):
            assert request.getfixturevalue("seofr_analyze") is seofr_analyze
        """
    )
    result = project.runpytest("-p", "no:cacheprovider", "test_pages.py")
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines(
        [
            "E *AssertionError: content/mauvais.md — score 21,8/100 (échec, seuil 70, *",
            "E *content/mauvais.md:5:5: erreur S001 [[]heading-hierarchy[]] *",
        ]
    )


# --- assert_passes --------------------------------------------------------------------------


def analyze_text(tmp_path: Path, name: str, text: str) -> seofr.Report:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return seofr.analyze(path, select=SELECT, rules=RULES, config=False)


def test_assert_passes_on_a_good_report(tmp_path: Path) -> None:
    assert_passes(analyze_text(tmp_path, "bon.md", GOOD))


def test_assert_passes_message_is_the_cli_report(tmp_path: Path) -> None:
    report = analyze_text(tmp_path, "mauvais.md", BAD)
    with pytest.raises(AssertionError) as excinfo:
        assert_passes(report)
    message = str(excinfo.value)
    assert message == format_report(report, "fr", color=False)
    assert f"{report.path}:5:5: erreur S001 [heading-hierarchy]" in message
    assert "→ " in message


def test_assert_passes_min_score_replaces_the_threshold(tmp_path: Path) -> None:
    report = analyze_text(tmp_path, "moyen.md", MEDIUM)
    assert report.passed and report.score == 85.7
    assert_passes(report, min_score=80)
    with pytest.raises(AssertionError, match=r"score 85,7/100 \(échec, seuil 90,"):
        assert_passes(report, min_score=90)


def test_assert_passes_rules_restricts_the_check(tmp_path: Path) -> None:
    report = analyze_text(tmp_path, "mauvais.md", BAD)
    assert_passes(report, rules=["title-length"])  # a warning, not a failure
    assert_passes(report, rules="title-length")  # one name, not its letters
    with pytest.raises(AssertionError) as excinfo:
        assert_passes(report, rules=["title-length", "heading-hierarchy"])
    message = str(excinfo.value)
    assert message.startswith("règle en échec\u00a0: heading-hierarchy\n")
    assert "[heading-hierarchy]" in message and "[title-length]" in message
    assert "[word-count]" not in message  # not asked about


def test_assert_passes_rules_and_min_score(tmp_path: Path) -> None:
    report = analyze_text(tmp_path, "mauvais.md", BAD)
    with pytest.raises(AssertionError, match=r"seuil 50"):
        assert_passes(report, min_score=50, rules=["title-length"])


def test_assert_passes_rejects_a_rule_that_did_not_run(tmp_path: Path) -> None:
    report = analyze_text(tmp_path, "bon.md", GOOD)
    with pytest.raises(AssertionError, match="non exécutée\u00a0: meta-description"):
        assert_passes(report, rules=["meta-description"])


def test_assert_passes_speaks_the_report_language(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text(BAD, encoding="utf-8")
    report = seofr.analyze(path, select=SELECT, rules=RULES, config=False, lang="en")
    with pytest.raises(AssertionError, match=r"^failing rule: heading-hierarchy\n"):
        assert_passes(report, rules=["heading-hierarchy"])


def test_exclude_and_gitignore_leave_files_out_as_for_the_command(
    pytester: pytest.Pytester,
) -> None:
    import shutil
    import subprocess

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    table = SEOFR_TABLE.format(paths='paths = ["content"]\nextend-exclude = ["brouillons"]\n')
    pytester.makepyprojecttoml(table)
    content = pytester.mkdir("content")
    (content / "bon.md").write_text(GOOD, encoding="utf-8")
    for folder in ("brouillons", "sorties"):
        (content / folder).mkdir()
        (content / folder / "mauvais.md").write_text(BAD, encoding="utf-8")
    (pytester.path / ".gitignore").write_text("sorties/\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=pytester.path, check=True)
    result = pytester.runpytest("--seofr", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
    respected = pytester.runpytest("--seofr", "-p", "no:cacheprovider", "--collect-only", "-q")
    assert "sorties" not in respected.stdout.str() and "brouillons" not in respected.stdout.str()
