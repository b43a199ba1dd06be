"""The session and the API around it: the acceptance list of the settings-model issue.

Misspelt keywords, string arguments, the settings every call may pass, cache
invalidation through the command line, configuration files edited between two
analyses of one process, a plugin rule whose template is broken, one analysis
rendered in two languages, the cache form of a report, and batches.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import seofr
import seofr.batch
import seofr.cache
import seofr.cli
import seofr.session
from seofr.batch import Job, run_batch
from seofr.cache import ReportCache, code_fingerprint, package_folders
from seofr.config import ConfigFiles
from seofr.formatters import FORMATS, Batch, get_formatter
from seofr.plugin import Context, Document, Emitted, Rule, Template, Text
from seofr.registry import Registry, registry
from seofr.report import Report
from seofr.session import Item, Session, arguments_layer
from seofr.verdicts import Severity, Status

# About a hundred words, no keyphrase of its own; « jardinage » twice, never « jardin ».
CAFE = """\
# Le café réparation du samedi

Chaque samedi matin, le café réparation du village accueille les habitants qui
apportent un vélo, un grille-pain ou une lampe en panne. Les bénévoles montrent
comment démonter, nettoyer et remplacer une pièce usée. Le jardinage occupe aussi
une table : on y affûte les sécateurs et on y échange des graines. Les cyclistes
repartent avec des freins réglés et une chaîne graissée. Personne ne paie, mais
chacun laisse un peu de temps pour aider le suivant. Le jardinage et la réparation
vont bien ensemble, dit la responsable, car les deux demandent de la patience.
"""

CAFE_MD = "---\ntitle: Le café réparation du samedi matin au village\n---\n\n" + CAFE

# One link to a page of the site, one to another site.
MARCHE_LINKS = """\
# Le marché couvert rouvre ses portes

Après six mois de travaux, le marché couvert accueille de nouveau les maraîchers
et les fromagers. Le programme des animations est sur
[la page du marché](https://www.exemple.fr/page), et l’histoire du bâtiment sur le
site de l’[office du patrimoine](https://www.patrimoine-regional.org/halles).
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _status(report: Report, rule: str) -> Status:
    result = report.result(rule)
    assert result is not None, f"{rule} did not run"
    return result.status


# -- 1. misspelt keywords ----------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: seofr.analyze("texte", keywrod="x"),  # type: ignore[call-arg]
        lambda: seofr.analyze_many(["texte"], keywrod="x"),
        lambda: seofr.Session().analyze("texte", keywrod="x"),
    ],
    ids=["analyze", "analyze_many", "Session.analyze"],
)
def test_misspelt_keyword_is_a_type_error_naming_the_closest_setting(
    call: Callable[[], object],
) -> None:
    with pytest.raises(TypeError) as caught:
        call()
    message = str(caught.value)
    assert "'keywrod'" in message
    assert "did you mean 'keyword'" in message


def test_misspelt_call_keyword_gets_a_hint_everywhere() -> None:
    with pytest.raises(TypeError, match="did you mean 'original'"):
        seofr.analyze("texte", orignal="x")  # type: ignore[call-arg]  # passes today
    with pytest.raises(TypeError, match="did you mean 'original'"):
        seofr.Session().analyze("texte", orignal="x")
    with pytest.raises(TypeError, match="did you mean 'processes'"):
        seofr.analyze_many(["texte"], proceses=2)


# -- 2. a string where a list is expected ------------------------------------------


def test_select_as_a_string_runs_that_rule_only() -> None:
    report = seofr.analyze(CAFE, select="word-count", config=False)
    assert [r.name for r in report.results] == ["word-count"]


def test_ignore_as_a_string_leaves_that_rule_out() -> None:
    report = seofr.analyze(CAFE, select=["word-count", "title-length"], config=False)
    assert {r.name for r in report.results} == {"word-count", "title-length"}
    report = seofr.analyze(
        CAFE, select=["word-count", "title-length"], ignore="word-count", config=False
    )
    assert [r.name for r in report.results] == ["title-length"]


def test_keyword_as_a_string_is_one_keyphrase() -> None:
    report = seofr.analyze(CAFE, keyword="vélo électrique", select="word-count", config=False)
    assert report.keyphrases == ("vélo électrique",)


# -- 3. base_url, reading_speed, derivations, ranges -------------------------------


def test_reading_speed_scales_the_reading_time() -> None:
    slow = seofr.analyze(CAFE, select="word-count", reading_speed=100, config=False)
    fast = seofr.analyze(CAFE, select="word-count", reading_speed=200, config=False)
    words = slow.stats["words"]
    assert words == fast.stats["words"] and words > 40
    assert slow.stats["reading_time_seconds"] == round(words * 60 / 100)
    assert fast.stats["reading_time_seconds"] == round(words * 60 / 200)
    assert abs(slow.stats["reading_time_seconds"] - 2 * fast.stats["reading_time_seconds"]) <= 1


def test_base_url_makes_a_link_to_the_site_internal() -> None:
    without = seofr.analyze(MARCHE_LINKS, select="links", config=False)
    assert _status(without, "links") is Status.FAIL
    (finding,) = without.findings_of("links")
    assert finding.key == "few-internal" and finding.params["count"] == 0

    with_site = seofr.analyze(
        MARCHE_LINKS, select="links", base_url="https://www.exemple.fr", config=False
    )
    assert _status(with_site, "links") is Status.PASS
    assert with_site.findings_of("links") == []

    # the other site stays outbound: asking for two outbound links still fails
    strict = seofr.analyze(
        MARCHE_LINKS,
        select="links",
        base_url="https://www.exemple.fr",
        rules={"links": {"min-outbound": 2}},
        config=False,
    )
    (finding,) = strict.findings_of("links")
    assert finding.key == "few-outbound" and finding.params["count"] == 1


def test_derivations_let_the_keyphrase_find_derived_words() -> None:
    # « jardin » is never written, « jardinage » twice: a derivation (suffix « age »)
    def count(derivations: bool) -> tuple[Status, list[Any]]:
        report = seofr.analyze(
            CAFE,
            select="keyword-density",
            keyword="jardin",
            derivations=derivations,
            config=False,
        )
        return _status(report, "keyword-density"), [
            f.params["count"] for f in report.findings_of("keyword-density")
        ]

    assert count(False) == (Status.FAIL, [0])
    assert count(True) == (Status.PASS, [])


@pytest.mark.parametrize(
    ("settings", "key"),
    [({"reading_speed": 5}, "reading-speed"), ({"fail_under": 150}, "fail-under")],
)
def test_a_value_out_of_range_is_a_config_error_naming_the_key(
    settings: dict[str, Any], key: str
) -> None:
    with pytest.raises(seofr.ConfigError, match=key):
        seofr.analyze(CAFE, config=False, **settings)
    with pytest.raises(seofr.ConfigError, match=key):
        seofr.analyze_many([CAFE], config=False, **settings)


# -- 4. the report cache follows the files it depends on -----------------------------


class _Runs:
    """Counts the documents the command line actually analysed (cache misses)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.documents = 0
        real = run_batch  # what seofr.cli imported from seofr.batch

        def counting(items: Any, *args: Any, **kwargs: Any) -> Any:
            self.documents += len(items)
            return real(items, *args, **kwargs)

        monkeypatch.setattr(seofr.cli, "run_batch", counting)


def _check_json(path: str) -> tuple[int, dict[str, Any]]:
    out = io.StringIO()
    status = seofr.cli.main(["check", path, "--format", "json"], out=out)
    (document,) = json.loads(out.getvalue())["documents"]
    return status, document


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary project as the current folder, with the default cache folder in it."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(seofr.cache, "DEFAULT_DIR", Path(".seofr_cache"))
    return tmp_path


def test_cli_cache_follows_a_profile_named_in_pyproject(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(
        project,
        "pyproject.toml",
        '[tool.seofr]\nprofile = "strict.toml"\nselect = ["word-count"]\n',
    )
    _write(project, "strict.toml", "[rules.word-count]\nmin-words = 50\n")
    _write(project, "article.md", CAFE_MD)
    runs = _Runs(monkeypatch)

    status, document = _check_json("article.md")
    assert (status, document["passed"], document["profile"]) == (0, True, "strict.toml")
    assert runs.documents == 1
    assert list((project / ".seofr_cache").rglob("*.json"))  # an entry was written

    status, document = _check_json("article.md")  # unchanged: served from the cache
    assert (status, document["passed"]) == (0, True)
    assert runs.documents == 1

    _write(project, "strict.toml", "[rules.word-count]\nmin-words = 5000\n")
    status, document = _check_json("article.md")
    assert (status, document["passed"]) == (1, False)
    assert runs.documents == 2


def test_cli_cache_follows_a_profile_named_in_the_front_matter(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(project, "pyproject.toml", '[tool.seofr]\nselect = ["word-count"]\n')
    _write(project, "strict.toml", "[rules.word-count]\nmin-words = 50\n")
    _write(project, "article.md", CAFE_MD.replace("---\n\n", "profile: strict.toml\n---\n\n", 1))
    runs = _Runs(monkeypatch)

    status, document = _check_json("article.md")
    assert (status, document["passed"], document["profile"]) == (0, True, "strict.toml")
    _check_json("article.md")
    assert runs.documents == 1  # the second run was a cache hit

    _write(project, "strict.toml", "[rules.word-count]\nmin-words = 5000\n")
    status, document = _check_json("article.md")
    assert (status, document["passed"]) == (1, False)
    assert runs.documents == 2


def test_code_fingerprint_follows_data_files(tmp_path: Path) -> None:
    package = tmp_path / "regles_du_marche"
    _write(package, "__init__.py", "MOTS = 'data/mots.txt'\n")
    words = _write(package, "data/mots.txt", "étal\nmaraîcher\n")
    before = code_fingerprint([package])
    assert code_fingerprint([package]) == before  # stable while nothing changes
    _write(package, "__pycache__/x.pyc", "ignored")
    assert code_fingerprint([package]) == before  # bytecode does not count
    words.write_text("étal\nmaraîcher\nfromager\n", encoding="utf-8")
    assert code_fingerprint([package]) != before


def test_cache_key_follows_data_files_of_rule_packages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "regles_du_marche"
    words = _write(package, "data/mots.txt", "étal\n")
    monkeypatch.setattr(seofr.cache, "package_folders", lambda _registry: {package})

    def key() -> str:
        cache = ReportCache(registry(), ConfigFiles(), tmp_path / "cache")
        return cache.key(CAFE.encode(), "article.md", {"select": ["word-count"]}, None)

    before = key()
    assert key() == before
    words.write_text("étal\nmaraîcher\n", encoding="utf-8")
    assert key() != before


def test_package_folders_include_the_built_in_rules_and_their_word_lists() -> None:
    import seofr_rules

    folders = package_folders(registry())
    rules_folder = Path(seofr_rules.__file__).parent
    assert rules_folder in folders
    assert Path(seofr.__file__).parent in folders
    assert any((rules_folder / "data").glob("*.txt"))


# -- 5. a configuration file edited between two analyses ------------------------------


@pytest.mark.parametrize(
    "analyze",
    [lambda: seofr.Session().analyze, lambda: seofr.analyze],
    ids=["Session", "seofr.analyze"],
)
def test_an_edited_pyproject_is_read_again(
    tmp_path: Path, analyze: Callable[[], Callable[..., Report]]
) -> None:
    run = analyze()
    pyproject = _write(
        tmp_path,
        "pyproject.toml",
        '[tool.seofr]\nselect = ["word-count"]\n[tool.seofr.rules.word-count]\nmin-words = 10\n',
    )
    article = _write(tmp_path, "blog/cafe.md", CAFE_MD)
    assert _status(run(article), "word-count") is Status.PASS
    before = pyproject.read_bytes()
    pyproject.write_text(
        '[tool.seofr]\nselect = ["word-count"]\n[tool.seofr.rules.word-count]\nmin-words = 5000\n',
        encoding="utf-8",
    )
    assert pyproject.read_bytes() != before
    assert _status(run(article), "word-count") is Status.FAIL


def test_a_session_reads_an_edited_profile_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _write(
        tmp_path,
        "pyproject.toml",
        '[tool.seofr]\nprofile = "strict.toml"\nselect = ["word-count"]\n',
    )
    profile = _write(tmp_path, "strict.toml", "[rules.word-count]\nmin-words = 10\n")
    article = _write(tmp_path, "cafe.md", CAFE_MD)
    session = seofr.Session()
    report = session.analyze(article)
    assert report.profile == "strict.toml" and _status(report, "word-count") is Status.PASS
    assert str(profile.name) in " ".join(report.config_files)
    profile.write_text("[rules.word-count]\nmin-words = 5000\n", encoding="utf-8")
    assert _status(session.analyze(article), "word-count") is Status.FAIL


def test_a_profile_path_in_pyproject_is_relative_to_the_pyproject(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(
        tmp_path,
        "pyproject.toml",
        '[tool.seofr]\nprofile = "strict.toml"\nselect = ["word-count"]\n',
    )
    _write(tmp_path, "strict.toml", "[rules.word-count]\nmin-words = 10\n")
    article = _write(tmp_path, "blog/cafe.md", CAFE_MD)
    monkeypatch.chdir(tmp_path / "blog")
    report = seofr.Session().analyze(article)
    assert report.profile == "strict.toml" and _status(report, "word-count") is Status.PASS


# -- 6. a plugin rule whose template names a missing parameter ------------------------


@dataclass(frozen=True)
class _NoOptions:
    pass


class _MissingParameter(Rule[_NoOptions]):
    """Names a parameter its finding does not give.

    ```md pass
    x
    ```
    """

    name = "missing-parameter"
    code = "Z997"
    category = "test"
    severity = Severity.WARNING
    summary = Text(fr="Un modèle de message cassé.", en="A broken message template.")
    Options = _NoOptions
    templates = {"key": Template(Text(fr="{missing}", en="{missing}"))}

    def check(self, doc: Document, ctx: Context, options: _NoOptions) -> Iterator[Emitted]:
        yield self.fail("key")


def _with_broken_template() -> Session:
    """A session whose registry also holds ``missing-parameter``, from a third-party package."""
    base = registry()
    return Session(
        Registry(
            {**base.rules, "missing-parameter": _MissingParameter},
            {**base.origins, "missing-parameter": "regles-du-marche"},
            base.profiles,
        )
    )


def test_a_broken_template_fails_every_time_and_a_sound_one_is_written_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = _with_broken_template()
    written: list[Template] = []
    real = seofr.session.render_template

    def spy(template: Template, params: Any, lang: Any) -> Any:
        written.append(template)
        return real(template, params, lang)

    monkeypatch.setattr(seofr.session, "render_template", spy)
    first = session.analyze(CAFE, config=False)
    once = len(written)
    second = session.analyze(CAFE, config=False)
    # the failure is not remembered as checked: the second analysis fails the same
    for report in (first, second):
        assert _status(report, "missing-parameter") is Status.FAIL
    assert first.to_dict() | {"duration_ms": 0} == second.to_dict() | {"duration_ms": 0}
    # the second analysis writes only the broken message again (in French, which fails)
    broken = _MissingParameter.templates["key"]
    assert once > 2 and written[once:] == [broken]


def test_a_broken_template_is_one_clear_finding_and_the_rest_stands() -> None:
    session = _with_broken_template()
    report = session.analyze(CAFE, config=False)
    normal = seofr.analyze(CAFE, config=False)

    assert {r.name for r in report.results} == {r.name for r in normal.results} | {
        "missing-parameter"
    }
    for result in normal.results:
        assert _status(report, result.name) is result.status
    assert _status(report, "missing-parameter") is Status.FAIL

    (broken,) = report.findings_of("missing-parameter")
    assert broken.severity is Severity.ERROR
    assert not report.passed
    fr, en = report.show(broken, "fr"), report.show(broken, "en")
    assert fr.message != en.message
    for shown in (fr, en):
        assert "missing" in shown.message  # the KeyError names the parameter
        assert "{" not in shown.message
        assert shown.fix is not None and "regles-du-marche" in shown.fix
    assert "échoué" in fr.message and "crashed" in en.message

    for lang in ("fr", "en"):
        assert len(report.render(lang)) == len(report.findings)
        report.to_dict(lang)
        for name in FORMATS:
            text = get_formatter(name)(Batch([report]), lang, False)
            assert "Z997" in text or "missing-parameter" in text, name


def test_a_finding_whose_template_and_values_disagree_renders_as_broken() -> None:
    # e.g. a cached report whose rule changed its template since
    report = seofr.analyze(CAFE, select="word-count", config=False)
    data = report.to_data()
    data["findings"][0]["params"] = {}
    broken = Report.from_data(data)
    fr, en = broken.show(broken.findings[0], "fr"), broken.show(broken.findings[0], "en")
    assert "word-count" in fr.message and "Erreur interne" in fr.message
    assert "word-count" in en.message and "Internal error" in en.message
    for name in FORMATS:
        get_formatter(name)(Batch([broken]), "en", False)


# -- 7. one analysis, two languages -------------------------------------------------------


def test_one_analysis_renders_in_both_languages_without_running_rules_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    real = seofr.session._run_rule

    def counting(rule: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(rule.name)
        return real(rule, *args, **kwargs)

    monkeypatch.setattr(seofr.session, "_run_rule", counting)
    report = seofr.analyze(CAFE_MD, config=False)
    assert report.lang == "fr"
    ran = len(calls)
    assert ran == len(report.results) > 1

    fr, en = report.render("fr"), report.render("en")
    assert report.render() == fr  # the report's language by default
    assert len(fr) == len(en) == len(report.findings) > 0
    assert [(s.rule, s.finding.key) for s in fr] == [(s.rule, s.finding.key) for s in en]
    assert [s.message for s in fr] != [s.message for s in en]
    word_count_fr, word_count_en = (
        report.shown_of("word-count", "fr"),
        report.shown_of("word-count", "en"),
    )
    assert word_count_fr[0].message.startswith("Le texte")
    assert word_count_en[0].message.startswith("The text")
    for lang in ("fr", "en"):
        report.to_dict(lang)
        for name in FORMATS:
            get_formatter(name)(Batch([report]), lang, False)
    assert len(calls) == ran  # nothing ran again


def test_skip_reason_in_both_languages() -> None:
    report = seofr.analyze(CAFE, select=["keyword-density", "word-count"], config=False)
    result = report.result("keyword-density")
    assert result is not None and result.status is Status.SKIP
    fr, en = report.skip_reason(result, "fr"), report.skip_reason(result, "en")
    assert fr is not None and "expression clé" in fr
    assert en is not None and "keyphrase" in en
    word_count = report.result("word-count")
    assert word_count is not None and report.skip_reason(word_count, "fr") is None

    text = get_formatter("text")
    shown_fr = text(Batch([report]), "fr", False)
    shown_en = text(Batch([report]), "en", False)
    fr_line = next(line for line in shown_fr.splitlines() if "keyword-density" in line)
    en_line = next(line for line in shown_en.splitlines() if "keyword-density" in line)
    assert "ignorée" in fr_line and fr in fr_line
    assert "skipped" in en_line and en in en_line
    assert report.to_dict("fr")["rules"][0]["skip_reason"] == fr
    assert report.to_dict("en")["rules"][0]["skip_reason"] == en


# -- 8. the cache form ---------------------------------------------------------------------


def test_a_report_survives_its_cache_form() -> None:
    report = seofr.analyze(CAFE_MD, keyword="café réparation", config=False)
    stored = json.loads(json.dumps(report.to_data(), ensure_ascii=False))
    restored = Report.from_data(stored)
    assert restored.findings == report.findings
    for lang in ("fr", "en"):
        assert [(s.message, s.fix) for s in restored.render(lang)] == [
            (s.message, s.fix) for s in report.render(lang)
        ]
        assert [restored.skip_reason(r, lang) for r in restored.results] == [
            report.skip_reason(r, lang) for r in report.results
        ]
        assert restored.to_dict(lang) == report.to_dict(lang)
    assert Report.from_data(stored, "ailleurs.md").path == "ailleurs.md"


# -- 9. batches --------------------------------------------------------------------------------


def test_workers_never_start_by_a_bare_fork() -> None:
    assert seofr.batch.start_method() in ("forkserver", "spawn")


def _three_files(folder: Path) -> list[Path]:
    return [
        _write(folder, "cafe.md", CAFE_MD),
        _write(folder, "marche.md", MARCHE_LINKS),
        _write(folder, "court.txt", "Le marché\n\nLes étals ouvrent à sept heures.\n"),
    ]


def _dumped(results: list[Any]) -> list[str]:
    assert all(isinstance(r, Report) for r in results)
    return [json.dumps(r.to_dict("fr"), ensure_ascii=False, sort_keys=True) for r in results]


def test_two_processes_give_the_same_reports_as_one(tmp_path: Path) -> None:
    files = _three_files(tmp_path)
    one = seofr.analyze_many(files, processes=1, progress=False, keyword="marché", config=False)
    two = seofr.analyze_many(files, processes=2, progress=False, keyword="marché", config=False)
    assert [r.path for r in one] == [str(f) for f in files]
    assert _dumped(one) == _dumped(two)

    # chunks of one document each, so that the worker processes really share the work
    items = [Item(str(f), str(f), f.read_bytes()) for f in files]
    job = Job(arguments_layer({"keyword": "marché"}), False)
    pooled = run_batch(items, job, processes=2, chunk_size=1)
    assert _dumped(pooled) == _dumped(one)


def test_cycle_collection_waits_while_a_document_is_analyzed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    seen: list[bool] = []
    real = Session.run

    def run(self: Session, ctx: Any) -> Report:
        seen.append(gc.isenabled())
        return real(self, ctx)

    monkeypatch.setattr(Session, "run", run)
    session = Session()
    assert gc.isenabled()
    session.analyze(CAFE, select="word-count")
    assert seen == [False]
    assert gc.isenabled()
    # a failing analysis gives the collector back too
    with pytest.raises(seofr.InputError):
        session.analyze(Path("missing/article.md"), select="word-count")
    assert gc.isenabled()
    # nested pauses end with the outermost; a collector the host turned off stays off
    with seofr.session.collection_paused():
        session.analyze(CAFE, select="word-count")
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        session.analyze(CAFE, select="word-count")
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert seen == [False, False, False]


def test_a_batch_chunk_is_analyzed_with_cycle_collection_paused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    seen: list[bool] = []
    real = Session.check_many

    def check_many(self: Session, contexts: Any) -> list[Report]:
        seen.append(gc.isenabled())
        return real(self, contexts)

    monkeypatch.setattr(Session, "check_many", check_many)
    results = seofr.analyze_many([CAFE, CAFE + "\n\nUne phrase de plus."], select="word-count")
    assert len(results) == 2 and seen and not any(seen)
    assert gc.isenabled()
