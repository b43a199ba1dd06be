"""The scored report of one document: findings as data, rendered in the language asked.

A :class:`Finding` keeps its rule, the key of the template that explains it,
the template's parameters, its position and the edits that would fix it; the
text a writer reads is rendered only when a formatter asks for it, in the
language it asks (:meth:`Report.render`). The report carries the metadata of
the rules that ran (:class:`RuleInfo`, templates included), so rendering and
formatting never consult the registry, and a cached report renders like a
fresh one.

``Report.to_dict(lang)`` produces the object described by
``seofr/schema/report.schema.json`` (one element of ``documents``);
``to_data``/``from_data`` keep everything, languages included, for the cache.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from seofr.document.model import Edit, Span
from seofr.errors import ConfigError, InputError, SeofrError
from seofr.i18n import Lang, Param, Template, Text
from seofr.messages import BROKEN_MESSAGE, ENGINE_TEMPLATES, INPUT_FAILURES, INPUT_RULE
from seofr.verdicts import Severity, Status

SCHEMA_VERSION = 1
STATUS_SCORES = {Status.PASS: 1.0, Status.WARN: 0.5, Status.FAIL: 0.0}


@dataclass(frozen=True)
class InputFailure:
    """A document that could not be read or configured, and why.

    ``message`` is the error's English text; :meth:`text` says it in the
    reader's language when the error named its ``reason``.
    """

    path: str
    message: str
    reason: str | None = None
    params: Mapping[str, Param] = field(default_factory=dict)

    @classmethod
    def of(cls, path: str, error: SeofrError) -> InputFailure:
        """The failure ``error`` describes, for the input named ``path``."""
        if isinstance(error, InputError) and error.reason in INPUT_FAILURES:
            return cls(path, str(error), error.reason, dict(error.params))
        wrapper = "config" if isinstance(error, ConfigError) else "unreadable"
        detail = str(error).removeprefix(f"{path}: ")
        return cls(path, str(error), wrapper, {"path": path, "message": detail})

    def text(self, lang: Lang) -> str:
        """What went wrong, in ``lang``."""
        template = INPUT_FAILURES.get(self.reason or "")
        return self.message if template is None else template.render(lang, self.params)


def _param_data(value: Param) -> Any:
    return {"fr": value.fr, "en": value.en} if isinstance(value, Text) else value


def _param_from(value: Any) -> Param:
    if isinstance(value, dict):
        return Text(fr=value["fr"], en=value["en"])
    if isinstance(value, str | int | float):
        return value
    raise ValueError(f"not a message parameter: {value!r}")


def _text_data(text: Text | None) -> dict[str, str] | None:
    return None if text is None else {"fr": text.fr, "en": text.en}


def _text_from(data: Mapping[str, str] | None) -> Text | None:
    return None if data is None else Text(fr=data["fr"], en=data["en"])


def _span_data(span: Span | None) -> dict[str, int | None]:
    return {
        "line": span.line if span else None,
        "column": span.column if span else None,
        "end_line": span.end_line if span else None,
        "end_column": span.end_column if span else None,
        "start": span.start if span else None,
        "end": span.end if span else None,
    }


def _span_from(data: Mapping[str, Any]) -> Span | None:
    if data.get("start") is None:
        return None
    return Span(
        data["start"],
        data["end"],
        data["line"],
        data["column"],
        data["end_line"],
        data["end_column"],
    )


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing to fix: which rule, how serious, which message with which values, where."""

    rule: str
    code: str
    severity: Severity
    key: str
    params: Mapping[str, Param] = field(default_factory=dict)
    span: Span | None = None
    edits: tuple[Edit, ...] = ()

    def sort_key(self) -> tuple[int, int, str, str]:
        """Document-level findings first, then by position, then by rule and key."""
        if self.span is None:
            return (0, 0, self.code, self.key)
        return (1, self.span.start, self.code, self.key)

    def to_data(self) -> dict[str, Any]:
        """Everything about the finding, both languages included."""
        return {
            "rule": self.rule,
            "code": self.code,
            "severity": str(self.severity),
            "key": self.key,
            "params": {k: _param_data(v) for k, v in self.params.items()},
            **_span_data(self.span),
            "edits": [edit.to_dict() for edit in self.edits],
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Finding:
        """The finding :meth:`to_data` described."""
        return cls(
            data["rule"],
            data["code"],
            Severity(data["severity"]),
            data["key"],
            {k: _param_from(v) for k, v in data["params"].items()},
            _span_from(data),
            tuple(Edit.from_dict(e) for e in data["edits"]),
        )


@dataclass(frozen=True, slots=True)
class ShownFinding:
    """A finding with its message and fix written in one language."""

    finding: Finding
    message: str
    fix: str | None

    @property
    def rule(self) -> str:
        """The rule's name."""
        return self.finding.rule

    @property
    def code(self) -> str:
        """The rule's code."""
        return self.finding.code

    @property
    def severity(self) -> Severity:
        """How serious the finding is."""
        return self.finding.severity

    @property
    def span(self) -> Span | None:
        """Where the finding is, if it has a position."""
        return self.finding.span

    def to_dict(self) -> dict[str, Any]:
        """The finding as a JSON object of the report schema."""
        finding = self.finding
        return {
            "rule": finding.rule,
            "code": finding.code,
            "severity": str(finding.severity),
            "message": self.message,
            "fix": self.fix,
            **_span_data(finding.span),
            "key": finding.key,
            "params": {k: _param_data(v) for k, v in finding.params.items()},
            "edits": [edit.to_dict() for edit in finding.edits],
        }


@dataclass(frozen=True)
class RuleInfo:
    """What a report needs to know of a rule that ran: who it is and what it says."""

    name: str
    code: str
    category: str
    summary: Text
    templates: Mapping[str, Template] = field(default_factory=dict)
    package: str = ""

    def to_data(self) -> dict[str, Any]:
        """The rule's metadata, templates in both languages included."""
        return {
            "name": self.name,
            "code": self.code,
            "category": self.category,
            "summary": _text_data(self.summary),
            "package": self.package,
            "templates": {
                key: {"message": _text_data(t.message), "fix": _text_data(t.fix)}
                for key, t in self.templates.items()
            },
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> RuleInfo:
        """The metadata :meth:`to_data` described."""
        summary = _text_from(data["summary"])
        assert summary is not None
        templates = {}
        for key, t in data["templates"].items():
            message = _text_from(t["message"])
            assert message is not None
            templates[key] = Template(message, _text_from(t["fix"]))
        return cls(
            data["name"], data["code"], data["category"], summary, templates, data["package"]
        )


@dataclass(frozen=True, slots=True)
class RuleResult:
    """The verdict of one rule: status, score in [0, 1], its weight, and why it skipped."""

    name: str
    code: str
    category: str
    status: Status
    score: float
    weight: float
    severity: Severity
    skip_key: str | None = None
    skip_params: Mapping[str, Param] = field(default_factory=dict)

    def to_data(self) -> dict[str, Any]:
        """The result, with the reason of a skip as data."""
        return {
            "name": self.name,
            "code": self.code,
            "category": self.category,
            "status": str(self.status),
            "score": round(self.score, 4),
            "weight": self.weight,
            "severity": str(self.severity),
            "skip_key": self.skip_key,
            "skip_params": {k: _param_data(v) for k, v in self.skip_params.items()},
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> RuleResult:
        """The result :meth:`to_data` described."""
        return cls(
            data["name"],
            data["code"],
            data["category"],
            Status(data["status"]),
            float(data["score"]),
            float(data["weight"]),
            Severity(data["severity"]),
            data["skip_key"],
            {k: _param_from(v) for k, v in data["skip_params"].items()},
        )


def weighted_score(results: list[RuleResult]) -> float | None:
    """The weighted mean score (0–100) of the rules that did not skip, if any counts."""
    counted = [r for r in results if r.status is not Status.SKIP and r.weight > 0]
    total = sum(r.weight for r in counted)
    if not total:
        return None
    return 100.0 * sum(r.weight * r.score for r in counted) / total


def render_template(
    template: Template, params: Mapping[str, Param], lang: Lang
) -> tuple[str, str | None]:
    """The message and fix of ``template`` with ``params``, in ``lang``.

    Raises what :meth:`str.format_map` raises when the template and the
    parameters disagree; :meth:`Report.render` turns that into a clear message.
    """
    fix = template.fix.render(lang, params) if template.fix else None
    return template.message.render(lang, params), fix


@dataclass(frozen=True)
class Report:
    """Everything seofr found about one document."""

    path: str | None
    format: str
    lang: Lang
    profile: str
    fail_under: float
    results: tuple[RuleResult, ...]
    findings: tuple[Finding, ...]
    stats: Mapping[str, Any]
    title: str | None = None
    title_origin: str | None = None
    keyphrases: tuple[str, ...] = ()
    encoding: str = "utf-8"
    rules: Mapping[str, RuleInfo] = field(default_factory=dict)
    config_files: tuple[str, ...] = ()  # the configuration and profile files that shaped it
    # the part of an HTML page the body was read from (see seofr.document.content)
    content_region: str | None = None

    @property
    def score(self) -> float:
        """The overall score, 0–100: the weighted mean of the rules that did not skip."""
        value = weighted_score(list(self.results))
        return 100.0 if value is None else round(value, 1)

    @property
    def categories(self) -> dict[str, float]:
        """The score (0–100) of each category that has a counted rule."""
        names = sorted({r.category for r in self.results})
        scores = {c: weighted_score([r for r in self.results if r.category == c]) for c in names}
        return {c: round(v, 1) for c, v in scores.items() if v is not None}

    @property
    def passed(self) -> bool:
        """At least ``fail_under`` and no error-severity finding."""
        return self.score >= self.fail_under and not any(
            f.severity is Severity.ERROR for f in self.findings
        )

    def result(self, name: str) -> RuleResult | None:
        """The result of the rule called ``name``, if it ran."""
        return next((r for r in self.results if r.name == name), None)

    def findings_of(self, name: str) -> list[Finding]:
        """The findings of the rule called ``name``."""
        return [f for f in self.findings if f.rule == name]

    def shown_of(self, name: str, lang: Lang | None = None) -> list[ShownFinding]:
        """The findings of the rule called ``name``, written in ``lang``."""
        return [self.show(f, lang) for f in self.findings if f.rule == name]

    def template(self, rule: str, key: str) -> Template | None:
        """The template ``key`` of ``rule`` (or of the engine itself), if known."""
        engine = ENGINE_TEMPLATES.get(key)
        if engine is not None and (rule == INPUT_RULE or key.startswith("__")):
            return engine
        info = self.rules.get(rule)
        return info.templates.get(key) if info is not None else None

    def _written(
        self, rule: str, key: str, params: Mapping[str, Param], lang: Lang
    ) -> tuple[str, str | None]:
        template = self.template(rule, key)
        try:
            if template is None:
                raise KeyError(key)
            return render_template(template, params, lang)
        except (KeyError, IndexError, ValueError, AttributeError, TypeError) as exc:
            # a rule whose template and values disagree must not hide the others
            detail = {"rule": rule, "key": key, "error": f"{type(exc).__name__}: {exc}"}
            return render_template(BROKEN_MESSAGE, detail, lang)

    def show(self, finding: Finding, lang: Lang | None = None) -> ShownFinding:
        """``finding`` with its message and fix written in ``lang`` (default: the report's)."""
        message, fix = self._written(finding.rule, finding.key, finding.params, lang or self.lang)
        return ShownFinding(finding, message, fix)

    def render(self, lang: Lang | None = None) -> tuple[ShownFinding, ...]:
        """Every finding written in ``lang`` (default: the report's language)."""
        return tuple(self.show(f, lang) for f in self.findings)

    def skip_reason(self, result: RuleResult, lang: Lang | None = None) -> str | None:
        """Why ``result``'s rule did not apply, in ``lang``; ``None`` when it ran."""
        if result.skip_key is None:
            return None
        return self._written(result.name, result.skip_key, result.skip_params, lang or self.lang)[0]

    def summary(self, rule: str, lang: Lang) -> str | None:
        """What the rule called ``rule`` checks, from the report's own metadata."""
        if rule == INPUT_RULE:
            return ENGINE_TEMPLATES["__input__"].message.render(lang)
        info = self.rules.get(rule)
        return info.summary.render(lang) if info is not None else None

    def category(self, rule: str) -> str:
        """The category of ``rule``; the engine's notes on the input have their own."""
        info = self.rules.get(rule)
        return info.category if info is not None else INPUT_RULE

    def to_data(self) -> dict[str, Any]:
        """Everything in the report, both languages included (the cache's form)."""
        return {
            "path": self.path,
            "format": self.format,
            "lang": self.lang,
            "profile": self.profile,
            "fail_under": self.fail_under,
            "results": [r.to_data() for r in self.results],
            "findings": [f.to_data() for f in self.findings],
            "stats": dict(self.stats),
            "title": self.title,
            "title_origin": self.title_origin,
            "keyphrases": list(self.keyphrases),
            "encoding": self.encoding,
            "rules": [info.to_data() for info in self.rules.values()],
            "config_files": list(self.config_files),
            "content_region": self.content_region,
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any], path: str | None = None) -> Report:
        """The report :meth:`to_data` described (``path`` replaces the stored one)."""
        lang = data["lang"]
        if lang not in ("fr", "en"):
            raise ValueError(f"unknown language {lang!r}")
        infos = (RuleInfo.from_data(r) for r in data["rules"])
        return cls(
            path=path if path is not None else data["path"],
            format=data["format"],
            lang=lang,
            profile=data["profile"],
            fail_under=float(data["fail_under"]),
            results=tuple(RuleResult.from_data(r) for r in data["results"]),
            findings=tuple(Finding.from_data(f) for f in data["findings"]),
            stats=dict(data["stats"]),
            title=data["title"],
            title_origin=data["title_origin"],
            keyphrases=tuple(data["keyphrases"]),
            encoding=data["encoding"],
            rules={info.name: info for info in infos},
            config_files=tuple(data["config_files"]),
            content_region=data["content_region"],
        )

    def to_dict(self, lang: Lang | None = None) -> dict[str, Any]:
        """The report as a JSON object of the schema, its texts written in ``lang``."""
        lang = lang or self.lang
        return {
            "path": self.path,
            "format": self.format,
            "lang": lang,
            "profile": self.profile,
            "encoding": self.encoding,
            "title": self.title,
            "title_origin": self.title_origin,
            "content_region": self.content_region,
            "keyphrases": list(self.keyphrases),
            "score": self.score,
            "passed": self.passed,
            "fail_under": self.fail_under,
            "categories": self.categories,
            "stats": dict(self.stats),
            "rules": [
                {
                    "name": r.name,
                    "code": r.code,
                    "category": r.category,
                    "status": str(r.status),
                    "score": round(r.score, 4),
                    "weight": r.weight,
                    "severity": str(r.severity),
                    "skip_reason": self.skip_reason(r, lang),
                }
                for r in self.results
            ],
            "findings": [shown.to_dict() for shown in self.render(lang)],
        }
