"""Running the rules over a document and scoring the result."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from seofr.config import Layer, Settings, find_project_layer, project_layer_from_file, resolve
from seofr.context import Context
from seofr.directives import Directives, parse_directives
from seofr.document import (
    DEFAULT_MAX_BYTES,
    EXTENSIONS,
    Document,
    load_document,
    parse_document,
)
from seofr.document.model import Format
from seofr.errors import ConfigError, DocumentConfigError, InputError, SeofrError
from seofr.i18n import Lang
from seofr.messages import INPUT_CODE, INPUT_NOTES, INPUT_RULE, RULE_CRASHED
from seofr.registry import AnyRule, Registry, registry
from seofr.report import STATUS_SCORES, Finding, Report, RuleResult
from seofr.rule import Score, Skip, Violation
from seofr.stats import document_stats
from seofr.verdicts import Level, Severity, Status

Source = str | bytes | os.PathLike[str]
# A string holding a line break, or this long, is content rather than a path.
_MAX_PATH_LENGTH = 4096


@dataclass(frozen=True)
class Options:
    """What a caller may set for one analysis, on top of the configuration files.

    ``config`` is a configuration file to use instead of searching for one;
    ``False`` disables project configuration files altogether.
    """

    keyword: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    profile: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_under: float | None = None
    lang: Lang | None = None
    rules: Mapping[str, Mapping[str, Any]] | None = None
    config: str | os.PathLike[str] | bool | None = None
    input_format: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES

    def layer(self) -> Layer:
        """These options as the last configuration layer."""
        values: dict[str, Any] = {}
        if self.profile is not None:
            values["profile"] = self.profile
        if self.select is not None:
            values["select"] = list(self.select)
        if self.ignore:
            values["ignore"] = list(self.ignore)
        if self.fail_under is not None:
            values["fail-under"] = self.fail_under
        if self.lang is not None:
            values["lang"] = self.lang
        if self.rules:
            values["rules"] = {name: dict(v) for name, v in self.rules.items()}
        return Layer("arguments", values)


def _as_path(text: str) -> Path | None:
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


def read(source: Source, options: Options) -> Document:
    """The :class:`Document` for a path, a string of content or bytes."""
    path = source if isinstance(source, os.PathLike) else None
    if isinstance(source, str):
        path = _as_path(source)
    if path is not None:
        return load_document(path, options.input_format, options.max_bytes)
    assert not isinstance(source, os.PathLike)
    if len(source) > options.max_bytes:
        raise InputError(f"input: more than the limit of {options.max_bytes:,} bytes (max-bytes)")
    return parse_document(source, None, options.input_format)


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
    return Layer(origin, values) if values else None


def _strings_of(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if isinstance(value, list):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return ()


def keyphrases_of(
    doc: Document, given: Sequence[str], keys: Sequence[str] = ("keyword", "keyphrase")
) -> tuple[str, ...]:
    """The caller's keyphrases, else the front matter's (``keyword``, ``keyphrase``…)."""
    if given:
        return tuple(k.strip() for k in given if k.strip())
    for key in keys:
        found = _strings_of(doc.front_matter.get(key))
        if found:
            return found
    return ()


class Engine:
    """Runs registered rules over documents. One engine can serve many analyses."""

    def __init__(self, rules: Registry | None = None) -> None:
        self.registry = rules if rules is not None else registry()

    def settings_for(self, doc: Document, options: Options) -> Settings:
        """The effective configuration for ``doc``: profile, files, front matter, options."""
        layers: list[Layer] = []
        if options.config is None or options.config is True:
            start = Path(doc.path).parent if doc.path else Path.cwd()
            if doc.path is not None or options.config is True:
                found = find_project_layer(start)
                if found is not None:
                    layers.append(found)
        elif options.config is not False:
            path = Path(os.fspath(options.config))
            if not path.is_file():
                raise ConfigError(f"{path}: configuration file not found")
            layers.append(project_layer_from_file(path))
        front = _front_matter_layer(doc)
        if front is not None:
            # checked alone first, so that its mistakes are blamed on the document
            try:
                resolve([front], self.registry, doc.path)
            except ConfigError as error:
                raise DocumentConfigError(str(error)) from None
            layers.append(front)
        layers.append(options.layer())
        return resolve(layers, self.registry, doc.path)

    def analyze(
        self, source: Source, options: Options | None = None, original: Source | None = None
    ) -> Report:
        """Read ``source`` and check it; see :func:`seofr.analyze`."""
        options = options or Options()
        doc = read(source, options)
        original_doc = read(original, options) if original is not None else None
        return self.check(doc, options, original_doc)

    def context(
        self, doc: Document, options: Options | None = None, original: Document | None = None
    ) -> Context:
        """The per-document context: effective settings, keyphrases, needed analyses."""
        options = options or Options()
        settings = self.settings_for(doc, options)
        needs = frozenset(
            need for name in settings.rules for need in self.registry.rules[name].needs
        )
        return Context(
            doc,
            settings,
            keyphrases_of(doc, options.keyword, ("keyword", "keyphrase", "keywords", "keyphrases")),
            original,
            needs,
            keyphrases_of(doc, options.synonyms, ("synonyms", "synonym")),
        )

    def check(
        self, doc: Document, options: Options | None = None, original: Document | None = None
    ) -> Report:
        """Check a parsed document."""
        return self.run(self.context(doc, options, original))

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

    def run(self, ctx: Context) -> Report:
        """Run the selected rules in ``ctx`` and score the document."""
        doc, settings = ctx.doc, ctx.settings
        directives = parse_directives(doc, self.registry.matching)
        results: list[RuleResult] = []
        findings: list[Finding] = list(self._input_findings(doc, settings.lang))
        for name, config in settings.rules.items():
            rule = self.registry.rules[name]
            (status, score), rule_findings = self._run(rule, config.options, ctx, directives)
            results.append(
                RuleResult(
                    name, rule.code, rule.category, status, score, config.weight, config.severity
                )
            )
            findings.extend(
                self._finding(rule, config.severity, v, settings.lang) for v in rule_findings
            )
        findings.sort(key=Finding.sort_key)
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
        )

    def _run(
        self, rule: AnyRule, options: Any, ctx: Context, directives: Directives
    ) -> tuple[tuple[Status, float], list[Violation]]:
        if directives.file_disabled(rule.name):
            return (Status.SKIP, 0.0), []
        violations: list[Violation] = []
        score: float | None = None
        try:
            for item in rule().check(ctx.doc, ctx, options):
                if isinstance(item, Skip):
                    # a skipped rule may still have said something useful (info only)
                    return (Status.SKIP, 0.0), [v for v in violations if v.level is Level.INFO]
                if isinstance(item, Score):
                    score = min(max(item.value, 0.0), 1.0)
                else:
                    violations.append(item)
        except Exception as exc:  # one broken rule must not stop the others
            summary = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
            package = self.registry.origins.get(rule.name, "?")
            crash = Violation("__crash__", Level.FAIL, None, {"error": summary, "package": package})
            return (Status.FAIL, 0.0), [crash]
        kept = [
            v
            for v in violations
            if v.span is None or not directives.silenced(rule.name, v.span.line)
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
        return (status, value), kept

    def _finding(self, rule: AnyRule, severity: Severity, v: Violation, lang: Lang) -> Finding:
        template = RULE_CRASHED if v.key == "__crash__" else rule.templates[v.key]
        if v.key == "__crash__":
            finding_severity = Severity.ERROR
        elif v.level is Level.INFO or severity is Severity.INFO:
            finding_severity = Severity.INFO
        elif v.level is Level.WARN:
            finding_severity = Severity.WARNING
        else:
            finding_severity = severity
        params = dict(v.params)
        return Finding(
            rule=rule.name,
            code=rule.code,
            severity=finding_severity,
            message=template.message.render(lang, params),
            fix=template.fix.render(lang, params) if template.fix else None,
            span=v.span,
        )

    def _input_findings(self, doc: Document, lang: Lang) -> Iterable[Finding]:
        for note in doc.notes:
            template = INPUT_NOTES[note.key]
            params = dict(note.params)
            yield Finding(
                INPUT_RULE,
                INPUT_CODE,
                Severity.INFO,
                template.message.render(lang, params),
                template.fix.render(lang, params) if template.fix else None,
                note.span,
            )


def options_from(
    *,
    keyword: str | Sequence[str] | None = None,
    synonyms: str | Sequence[str] | None = None,
    profile: str | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    fail_under: float | None = None,
    lang: Lang | None = None,
    rules: Mapping[str, Mapping[str, Any]] | None = None,
    config: str | os.PathLike[str] | bool | None = None,
    input_format: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Options:
    """The :class:`Options` for the keyword arguments of :func:`analyze`."""
    return Options(
        keyword=(keyword,) if isinstance(keyword, str) else tuple(keyword or ()),
        synonyms=(synonyms,) if isinstance(synonyms, str) else tuple(synonyms or ()),
        profile=profile,
        select=tuple(select) if select is not None else None,
        ignore=tuple(ignore),
        fail_under=fail_under,
        lang=lang,
        rules=rules,
        config=config,
        input_format=input_format,
        max_bytes=max_bytes,
    )


def analyze(source: Source, *, original: Source | None = None, **settings: Any) -> Report:
    """Analyze one document and return its :class:`~seofr.report.Report`.

    ``source`` is a path (``pathlib.Path``, or a one-line string naming an
    existing file), a string of HTML, Markdown or plain text, or raw bytes.
    ``original`` is the article this one rewrites, for the rewrite rules.
    Settings: ``keyword`` (the focus keyphrase, or several), ``synonyms``,
    ``profile``, ``select``, ``ignore``, ``fail_under``, ``lang`` (``"fr"`` or
    ``"en"``), ``rules`` (rule options, e.g. ``{"word-count": {"min-words":
    500}}``), ``config`` (a configuration file, or ``False`` for none),
    ``input_format`` and ``max_bytes``. Raises :class:`~seofr.InputError` for an
    unreadable document and :class:`~seofr.ConfigError` for a bad setting.
    """
    try:
        return _default_engine().analyze(source, options_from(**settings), original)
    except SeofrError:
        raise
    except RecursionError:
        raise InputError("input: too deeply nested to be analyzed") from None
    except (MemoryError, KeyboardInterrupt):
        raise
    except Exception as exc:  # the API promises seofr errors only
        raise SeofrError(f"internal error: {type(exc).__name__}: {exc}") from exc


_ENGINE: Engine | None = None


def _default_engine() -> Engine:
    global _ENGINE  # noqa: PLW0603 - one engine per process, created on first use
    if _ENGINE is None:
        _ENGINE = Engine()
    return _ENGINE


__all__ = ["Engine", "Format", "Options", "analyze", "keyphrases_of", "options_from", "read"]
