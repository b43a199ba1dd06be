"""The session: what a process keeps between analyses, and the functions over it.

A :class:`Session` owns the rule registry, the configuration files it has read
(re-read when they change on disk) and, optionally, a report cache. Rules run
inside a guard: one broken rule, or one whose message template and values
disagree, gives one clear finding for that rule while every other rule's
result stands. :func:`analyze` is a thin function over a default session; the
pytest plugin, and later an editor server or an archive audit, hold one each.
"""

from __future__ import annotations

import functools
import gc
import inspect
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple, ParamSpec, TypeVar

from seofr.config import ConfigFiles, Layer, resolve
from seofr.context import Context
from seofr.directives import Directives, parse_directives
from seofr.document import EXTENSIONS, Document, parse_document, read_bytes
from seofr.document.model import Format
from seofr.errors import ConfigError, DocumentConfigError, InputError, SeofrError
from seofr.i18n import Lang, Param, Template
from seofr.messages import CRASHED, INPUT_CODE, INPUT_RULE, NOTE_SEVERITIES
from seofr.registry import AnyRule, Registry, registry
from seofr.report import STATUS_SCORES, Finding, Report, RuleInfo, RuleResult, render_template
from seofr.rule import Score, Skip, Violation
from seofr.settings import Config, Place, Settings, did_you_mean, key_of
from seofr.stats import document_stats
from seofr.verdicts import Level, Severity, Status

Source = str | bytes | os.PathLike[str]
# A string holding a line break, or this long, is content rather than a path.
_MAX_PATH_LENGTH = 4096

# What a call may set: the settings given through the API, plus where to look
# for configuration and the original of a rewrite.
API_SETTINGS = frozenset(f.name for f, _ in Settings.at(Place.API))
CALL_KEYWORDS = API_SETTINGS | {"config", "original"}

P = ParamSpec("P")
R = TypeVar("R")


def check_keywords(function: str, given: Iterable[str], allowed: Iterable[str]) -> None:
    """Raise :class:`TypeError` for a keyword that is not a setting, naming the closest one."""
    known = frozenset(allowed)
    for name in given:
        if name not in known:
            raise TypeError(
                f"{function}() got an unexpected keyword argument {name!r}"
                f"{did_you_mean(name, known)}"
            )


def keyword_hints(function: Callable[P, R]) -> Callable[P, R]:
    """``function`` with "did you mean" for a misspelt keyword argument."""
    known = frozenset(inspect.signature(function).parameters)

    @functools.wraps(function)
    def checked(*args: P.args, **kwargs: P.kwargs) -> R:
        check_keywords(function.__name__, kwargs, known)
        return function(*args, **kwargs)

    return checked


def arguments_layer(given: Mapping[str, Any], place: Place = Place.API) -> Layer:
    """The settings given to a call (``None`` meaning "not given") as the last layer."""
    values = {key_of(name): value for name, value in given.items() if value is not None}
    origin = "arguments" if place is Place.API else "command line"
    return Layer(origin, values, place=place)


def path_named(text: str) -> Path | None:
    """The path a string names, if it reads as one rather than as content.

    A string with a line break, markup, or more than 4096 characters is
    content. A single line naming an existing file, or ending in a supported
    extension (a path with a typo), is a path.
    """
    if "\n" in text or len(text) > _MAX_PATH_LENGTH or text.lstrip().startswith("<"):
        return None
    try:
        path = Path(text)
        if path.is_file() or path.suffix.lower() in EXTENSIONS:
            return path
    except (OSError, ValueError):
        return None
    return None


def source_path(source: Source) -> str | None:
    """The path ``source`` names, if it names one rather than holding content."""
    if isinstance(source, os.PathLike):
        return os.fspath(source)
    if isinstance(source, str):
        path = path_named(source)
        return str(path) if path is not None else None
    return None


@dataclass(frozen=True)
class Item:
    """One input, read: how results name it, its path (format, configuration), its content."""

    label: str
    path: str | None
    content: str | bytes


def label(source: Source, index: int) -> str:
    """How a source is named in results: its path, or ``<input N>`` for content."""
    if isinstance(source, os.PathLike):
        return os.fspath(source)
    if isinstance(source, str) and "\n" not in source and len(source) < 4096:
        return source
    return f"<input {index + 1}>"


def read_item(source: Source, index: int, max_bytes: int) -> Item:
    """Read ``source`` once: a path's bytes, or the content itself."""
    path = source_path(source)
    if path is not None:
        return Item(path, path, read_bytes(path, max_bytes))
    assert not isinstance(source, os.PathLike)
    if len(source) > max_bytes:
        raise InputError(f"input: more than the limit of {max_bytes:,} bytes (max-bytes)")
    return Item(label(source, index), None, source)


def parse_item(item: Item, settings: Settings) -> Document:
    """The :class:`Document` of an input already read, with the reading settings."""
    return parse_document(item.content, item.path, settings.input_format, settings.content_selector)


def read(source: Source, settings: Settings | None = None) -> Document:
    """The :class:`Document` for a path, a string of content or bytes.

    ``settings`` gives the input format, the size limit and the content selector.
    """
    settings = settings or Settings()
    return parse_item(read_item(source, 0, settings.max_bytes), settings)


def _front_matter_layer(doc: Document) -> Layer | None:
    values: dict[str, Any] = {}
    table = doc.front_matter.get("seofr")
    origin = f"{doc.path or 'input'}: front matter seofr"
    if table is not None:
        if not isinstance(table, dict):
            raise DocumentConfigError(f"{origin}: expected a table of settings")
        values.update(table)
    if "profile" in doc.front_matter:
        values["profile"] = doc.front_matter["profile"]
    # a profile file it names is relative to the document's folder
    root = Path(doc.path).parent.resolve() if doc.path else None
    return Layer(origin, values, root, Place.FRONT_MATTER) if values else None


def _strings_of(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if isinstance(value, list):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return ()


def keyphrases_of(doc: Document, given: Sequence[str], keys: Sequence[str]) -> tuple[str, ...]:
    """The caller's keyphrases, else the front matter's (``keyword``, ``keyphrase``…)."""
    if given:
        return tuple(k.strip() for k in given if k.strip())
    for key in keys:
        found = _strings_of(doc.front_matter.get(key))
        if found:
            return found
    return ()


ConfigChoice = str | os.PathLike[str] | bool | None
"""Where configuration comes from: ``None`` (search from the document's folder),
``True`` (search even for content given as a string), a file, or ``False`` (none)."""


class Session:
    """Runs registered rules over documents; one session serves many analyses.

    It keeps the registry and the configuration files it has read (an edited
    file is read again), so a long-running process — a pytest session, an
    editor server — gives the verdict of the files as they are now.
    """

    def __init__(self, rules: Registry | None = None) -> None:
        self.registry = rules if rules is not None else registry()
        self.files = ConfigFiles()
        self._infos: dict[str, RuleInfo] = {}
        # message shapes known to fill their template (see _checked_templates)
        self._fitted: set[_Shape] = set()

    # -- configuration -------------------------------------------------------

    def project_layers(self, doc_path: str | None, config: ConfigChoice) -> list[Layer]:
        """The project configuration layer for a document at ``doc_path``, if any."""
        if config is False:
            return []
        if config is None or config is True:
            if doc_path is None and config is None:
                return []
            start = Path(doc_path).parent if doc_path else Path.cwd()
            found = self.files.find_project_layer(start)
            return [found] if found is not None else []
        return [self.files.layer_from_file(Path(os.fspath(config)))]

    def config_for(
        self, doc: Document, arguments: Layer | None = None, config: ConfigChoice = None
    ) -> Config:
        """The effective configuration of ``doc``: profile, files, front matter, arguments."""
        layers = self.project_layers(doc.path, config)
        front = _front_matter_layer(doc)
        if front is not None:
            # checked alone first, so that its mistakes are blamed on the document
            try:
                resolve([front], self.registry, doc.path, self.files)
            except ConfigError as error:
                raise DocumentConfigError(str(error)) from None
            layers.append(front)
        if arguments is not None:
            layers.append(arguments)
        return resolve(layers, self.registry, doc.path, self.files)

    def reading_settings(
        self, path: str | None, arguments: Layer | None = None, config: ConfigChoice = None
    ) -> Settings:
        """The settings that shape how a document is read (format, size, content
        selector): resolved before the document exists, so without its front matter."""
        layers = self.project_layers(path, config)
        if arguments is not None:
            layers.append(arguments)
        return resolve(layers, self.registry, path, self.files).settings

    def check_arguments(self, arguments: Layer, config: ConfigChoice = None) -> Config:
        """Resolve ``arguments`` alone, so that a wrong setting stops a run once, up front."""
        return self.config_for(Document("", Format.TEXT), arguments, config)

    # -- analysis --------------------------------------------------------------

    def analyze(
        self,
        source: Source,
        *,
        original: Source | None = None,
        config: ConfigChoice = None,
        **settings: Any,
    ) -> Report:
        """Read ``source`` and check it; the keywords are :func:`seofr.analyze`'s."""
        check_keywords("analyze", settings, CALL_KEYWORDS)

        def run() -> Report:
            arguments = arguments_layer(settings)
            doc = read(source, self.reading_settings(source_path(source), arguments, config))
            original_doc = (
                read(original, self.reading_settings(source_path(original), arguments, config))
                if original is not None
                else None
            )
            config_ = self.config_for(doc, arguments, config)
            return self.run(self.context(doc, config_, original_doc))

        with collection_paused():
            return guarded(run)

    def context(self, doc: Document, config: Config, original: Document | None = None) -> Context:
        """The per-document context: effective configuration, keyphrases, needed analyses."""
        needs = frozenset(need for name in config.rules for need in self.registry.rules[name].needs)
        settings = config.settings
        return Context(
            doc,
            config,
            keyphrases_of(
                doc, settings.keyword, ("keyword", "keyphrase", "keywords", "keyphrases")
            ),
            original,
            needs,
            keyphrases_of(doc, settings.synonyms, ("synonyms", "synonym")),
        )

    def check_many(self, contexts: Sequence[Context]) -> list[Report]:
        """Check several documents, running the French pipeline once across all of them."""
        from seofr.french.analysis import analyze_batch
        from seofr.french.pipeline import NLP_NEEDS

        wanting = [ctx for ctx in contexts if ctx.needs & NLP_NEEDS]
        if len(wanting) > 1:
            needs = frozenset(n for ctx in wanting for n in ctx.needs)
            batch = analyze_batch(
                [(ctx.prose, ctx.doc.source_map, ctx.phrases_to_tag) for ctx in wanting], needs
            )
            for ctx, analysis in zip(wanting, batch, strict=True):
                ctx.__dict__["french"] = analysis  # fills the context's cached property
        return [self.run(ctx) for ctx in contexts]

    def rule_info(self, name: str) -> RuleInfo:
        """The metadata a report carries for the rule called ``name``."""
        info = self._infos.get(name)
        if info is None:
            rule = self.registry.rules[name]
            info = RuleInfo(
                rule.name,
                rule.code,
                rule.category,
                rule.summary,
                dict(rule.templates),
                self.registry.origins.get(name, ""),
            )
            self._infos[name] = info
        return info

    def run(self, ctx: Context) -> Report:
        """Run the selected rules in ``ctx`` and score the document."""
        doc, config = ctx.doc, ctx.config
        directives = parse_directives(doc, self.registry.matching)
        ctx.silencer = directives.silenced
        results: list[RuleResult] = []
        findings: list[Finding] = [
            Finding(
                INPUT_RULE,
                INPUT_CODE,
                NOTE_SEVERITIES.get(note.key, Severity.INFO),
                note.key,
                dict(note.params),
                note.span,
            )
            for note in (*doc.notes, *directives.problems)
        ]
        for name, rule_config in config.rules.items():
            rule = self.registry.rules[name]
            package = self.registry.origins.get(name, "?")
            outcome = _run_rule(
                rule, rule_config.options, ctx, directives, package, fitted=self._fitted
            )
            results.append(
                RuleResult(
                    name,
                    rule.code,
                    rule.category,
                    outcome.status,
                    outcome.score,
                    rule_config.weight,
                    rule_config.severity,
                    outcome.skip.key if outcome.skip else None,
                    dict(outcome.skip.params) if outcome.skip else {},
                )
            )
            findings.extend(_finding(rule, rule_config.severity, v) for v in outcome.violations)
        findings.sort(key=Finding.sort_key)
        settings = config.settings
        return Report(
            path=doc.path,
            format=str(doc.format),
            lang=settings.lang,
            profile=settings.profile,
            fail_under=settings.fail_under,
            results=tuple(results),
            findings=tuple(findings),
            stats=document_stats(ctx),
            title=doc.title.value if doc.title else None,
            title_origin=str(doc.title_origin) if doc.title_origin else None,
            keyphrases=ctx.keyphrases,
            encoding=doc.encoding,
            rules={name: self.rule_info(name) for name in config.rules},
            config_files=tuple(str(path) for path in config.files),
            content_region=doc.content_region,
        )


class _Outcome(NamedTuple):
    """What running one rule gave: status, score, kept violations, why it skipped."""

    status: Status
    score: float
    violations: list[Violation]
    skip: Skip | None = None


def _crash(summary: str, package: str) -> _Outcome:
    crash = Violation(CRASHED, Level.FAIL, None, {"error": summary, "package": package})
    return _Outcome(Status.FAIL, 0.0, [crash])


# A template, and the names and types of the values given to it.
_Shape = tuple[Template, tuple[tuple[str, type], ...]]


def _checked_templates(
    rule: AnyRule, violations: Iterable[Violation | Skip], fitted: set[_Shape]
) -> None:
    """Write each message once in each language, so a broken template shows up here.

    Whether a template can be filled depends on the names and types of its
    values only (a value is shown as written, or as a number): one message
    of each shape is written, and ``fitted`` remembers the shapes that were.
    """
    langs: tuple[Lang, ...] = ("fr", "en")
    for item in violations:
        template = rule.templates[item.key]
        params: Mapping[str, Param] = item.params
        shape = (template, tuple((name, type(value)) for name, value in params.items()))
        if shape in fitted:
            continue
        for lang in langs:
            render_template(template, params, lang)
        fitted.add(shape)


def _run_rule(
    rule: AnyRule,
    options: Any,
    ctx: Context,
    directives: Directives,
    package: str,
    *,
    fitted: set[_Shape],
) -> _Outcome:
    if directives.file_disabled(rule.name):
        return _Outcome(Status.SKIP, 0.0, [])
    violations: list[Violation] = []
    score: float | None = None
    skip: Skip | None = None
    try:
        for item in rule().check(ctx.doc, ctx, options):
            if isinstance(item, Skip):
                skip = item
                break
            if isinstance(item, Score):
                score = min(max(item.value, 0.0), 1.0)
            else:
                violations.append(item)
        # inside the guard: a template that its values cannot fill is this rule's fault
        _checked_templates(rule, [*violations, *([skip] if skip else [])], fitted)
    except Exception as exc:  # one broken rule must not stop the others
        summary = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
        return _crash(summary, package)
    if skip is not None:
        # a skipped rule may still have said something useful (info only)
        return _Outcome(Status.SKIP, 0.0, [v for v in violations if v.level is Level.INFO], skip)
    kept = [
        v for v in violations if v.span is None or not directives.silenced(rule.name, v.span.line)
    ]
    levels = {v.level for v in kept}
    status = (
        Status.FAIL
        if Level.FAIL in levels
        else Status.WARN
        if Level.WARN in levels
        else Status.PASS
    )
    unchanged = len(kept) == len(violations)
    value = score if score is not None and unchanged else STATUS_SCORES[status]
    return _Outcome(status, value, kept)


def _finding(rule: AnyRule, severity: Severity, v: Violation) -> Finding:
    if v.key == CRASHED:
        finding_severity = Severity.ERROR
    elif v.level is Level.INFO or severity is Severity.INFO:
        finding_severity = Severity.INFO
    elif v.level is Level.WARN:
        finding_severity = Severity.WARNING
    else:
        finding_severity = severity
    return Finding(rule.name, rule.code, finding_severity, v.key, dict(v.params), v.span, v.edits)


_DEFAULT: Session | None = None


def default_session() -> Session:
    """The session :func:`analyze` and :func:`seofr.analyze_many` use, created on first use."""
    global _DEFAULT  # noqa: PLW0603 - the one default session of the process
    if _DEFAULT is None:
        _DEFAULT = Session()
    return _DEFAULT


_pausing = threading.Lock()
_pauses = 0
_resume = False


@contextmanager
def collection_paused() -> Iterator[None]:
    """Hold Python's automatic cycle collection while one document is analyzed.

    An analysis allocates hundreds of thousands of objects that live until it
    ends: every 700 of them start a young collection, and now and then a full
    one walks the loaded model's half-million objects too (200 ms): about a
    tenth of the time of real pages, for nothing, as these objects die by
    reference counting. The few cycles an analysis leaves are collected as
    soon as the pause ends, so memory stays bounded by one document, or one
    batch chunk. Nested and concurrent pauses end when the
    last one does, and never turn on a collector its host had turned off.
    """
    global _pauses, _resume  # noqa: PLW0603 - the collector is the process's, so is its pause
    with _pausing:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pausing:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()


def guarded(call: Callable[[], R]) -> R:
    """Run ``call``, letting only seofr's errors (and interruptions) out of the API."""
    try:
        return call()
    except SeofrError:
        raise
    except RecursionError:
        raise InputError("input: too deeply nested to be analyzed") from None
    except (MemoryError, KeyboardInterrupt):
        raise
    except Exception as exc:  # the API promises seofr errors only
        raise SeofrError(f"internal error: {type(exc).__name__}: {exc}") from exc


@keyword_hints
def analyze(
    source: Source,
    *,
    original: Source | None = None,
    config: ConfigChoice = None,
    keyword: str | Sequence[str] | None = None,
    synonyms: str | Sequence[str] | None = None,
    profile: str | None = None,
    select: str | Sequence[str] | None = None,
    extend_select: str | Sequence[str] | None = None,
    ignore: str | Sequence[str] | None = None,
    fail_under: float | None = None,
    lang: Lang | None = None,
    base_url: str | None = None,
    reading_speed: int | None = None,
    derivations: bool | None = None,
    rules: Mapping[str, Mapping[str, Any]] | None = None,
    content_selector: str | None = None,
    input_format: str | None = None,
    max_bytes: int | None = None,
) -> Report:
    """Analyze one document and return its :class:`~seofr.report.Report`.

    ``source`` is a path (``pathlib.Path``, or a one-line string naming an
    existing file), a string of HTML, Markdown or plain text, or raw bytes.
    ``original`` is the article this one rewrites, for the rewrite rules;
    ``config`` a configuration file, ``True`` to search one from the current
    folder for content given as a string, or ``False`` for none. Every other
    keyword is a setting of ``docs/configuration.md`` (``fail_under`` for
    ``fail-under``…); ``None`` leaves it to the configuration. A string where a
    list is expected is one item (``select="word-count"``). A misspelt keyword
    raises :class:`TypeError` naming the closest setting; a bad value
    :class:`~seofr.ConfigError`; an unreadable document :class:`~seofr.InputError`.
    """
    settings = {
        "keyword": keyword,
        "synonyms": synonyms,
        "profile": profile,
        "select": select,
        "extend_select": extend_select,
        "ignore": ignore,
        "fail_under": fail_under,
        "lang": lang,
        "base_url": base_url,
        "reading_speed": reading_speed,
        "derivations": derivations,
        "rules": rules,
        "content_selector": content_selector,
        "input_format": input_format,
        "max_bytes": max_bytes,
    }
    return default_session().analyze(source, original=original, config=config, **settings)


__all__ = [
    "ConfigChoice",
    "Session",
    "Source",
    "analyze",
    "arguments_layer",
    "default_session",
    "keyphrases_of",
    "read",
]
