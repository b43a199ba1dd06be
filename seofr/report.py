"""The scored report of one document, and its JSON shape.

``to_dict`` produces the object described by ``seofr/schema/report.schema.json``
(one element of ``documents``); the field names listed by the foundation issue
are fixed, others may be added.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from seofr.document.model import Span
from seofr.verdicts import Severity, Status

SCHEMA_VERSION = 1
STATUS_SCORES = {Status.PASS: 1.0, Status.WARN: 0.5, Status.FAIL: 0.0}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing to fix: which rule, how serious, what is wrong, how to fix it, where."""

    rule: str
    code: str
    severity: Severity
    message: str
    fix: str | None = None
    span: Span | None = None

    def sort_key(self) -> tuple[int, int, str, str]:
        """Document-level findings first, then by position, then by rule."""
        if self.span is None:
            return (0, 0, self.code, self.message)
        return (1, self.span.start, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        """The finding as a JSON object."""
        span = self.span
        return {
            "rule": self.rule,
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "fix": self.fix,
            "line": span.line if span else None,
            "column": span.column if span else None,
            "end_line": span.end_line if span else None,
            "end_column": span.end_column if span else None,
            "start": span.start if span else None,
            "end": span.end if span else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """The finding :meth:`to_dict` described."""
        span = None
        if data.get("start") is not None:
            span = Span(
                data["start"],
                data["end"],
                data["line"],
                data["column"],
                data["end_line"],
                data["end_column"],
            )
        return cls(
            data["rule"],
            data["code"],
            Severity(data["severity"]),
            data["message"],
            data["fix"],
            span,
        )


@dataclass(frozen=True, slots=True)
class RuleResult:
    """The verdict of one rule: status, score in [0, 1] and its weight in the total."""

    name: str
    code: str
    category: str
    status: Status
    score: float
    weight: float
    severity: Severity

    def to_dict(self) -> dict[str, Any]:
        """The result as a JSON object."""
        return {
            "name": self.name,
            "code": self.code,
            "category": self.category,
            "status": str(self.status),
            "score": round(self.score, 4),
            "weight": self.weight,
            "severity": str(self.severity),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RuleResult:
        """The result :meth:`to_dict` described."""
        return cls(
            data["name"],
            data["code"],
            data["category"],
            Status(data["status"]),
            float(data["score"]),
            float(data["weight"]),
            Severity(data["severity"]),
        )


def weighted_score(results: list[RuleResult]) -> float | None:
    """The weighted mean score (0–100) of the rules that did not skip, if any counts."""
    counted = [r for r in results if r.status is not Status.SKIP and r.weight > 0]
    total = sum(r.weight for r in counted)
    if not total:
        return None
    return 100.0 * sum(r.weight * r.score for r in counted) / total


@dataclass(frozen=True)
class Report:
    """Everything seofr found about one document."""

    path: str | None
    format: str
    lang: str
    profile: str
    fail_under: float
    results: tuple[RuleResult, ...]
    findings: tuple[Finding, ...]
    stats: Mapping[str, Any]
    title: str | None = None
    title_origin: str | None = None
    keyphrases: tuple[str, ...] = ()
    encoding: str = "utf-8"

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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], path: str | None = None) -> Report:
        """The report :meth:`to_dict` described (``path`` replaces the stored one)."""
        return cls(
            path=path if path is not None else data["path"],
            format=data["format"],
            lang=data["lang"],
            profile=data["profile"],
            fail_under=float(data["fail_under"]),
            results=tuple(RuleResult.from_dict(r) for r in data["rules"]),
            findings=tuple(Finding.from_dict(f) for f in data["findings"]),
            stats=dict(data["stats"]),
            title=data["title"],
            title_origin=data["title_origin"],
            keyphrases=tuple(data["keyphrases"]),
            encoding=data["encoding"],
        )

    def to_dict(self) -> dict[str, Any]:
        """The report as a JSON object (an element of ``documents`` in the JSON output)."""
        return {
            "path": self.path,
            "format": self.format,
            "lang": self.lang,
            "profile": self.profile,
            "encoding": self.encoding,
            "title": self.title,
            "title_origin": self.title_origin,
            "keyphrases": list(self.keyphrases),
            "score": self.score,
            "passed": self.passed,
            "fail_under": self.fail_under,
            "categories": self.categories,
            "stats": dict(self.stats),
            "rules": [r.to_dict() for r in self.results],
            "findings": [f.to_dict() for f in self.findings],
        }
