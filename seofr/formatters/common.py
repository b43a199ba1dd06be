"""What every output format shares: the batch it receives, paths, finding lines, verdicts.

A path or a finding reads the same in each format (SARIF, GitHub annotations,
JUnit, text).
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from seofr.i18n import Lang, Text, format_number
from seofr.report import InputFailure, Report, ShownFinding
from seofr.verdicts import Severity

STDIN_PATH = "-"
"""How a document read from standard input is named (it has no path)."""

FIX_SEPARATOR = " — "


@dataclass(frozen=True)
class Batch:
    """What one run produced: reports in input order and the inputs that failed."""

    reports: Sequence[Report]
    failures: Sequence[InputFailure] = ()


Formatter = Callable[[Batch, Lang, bool], str]

VERDICTS = {
    True: Text(fr="réussi", en="passed"),
    False: Text(fr="échec", en="failed"),
}

RUN_SUMMARY = Text(
    fr="{passed} {passed:document réussi|documents réussis} sur {total}.",
    en="{passed} of {total} {total:document|documents} passed.",
)
"""The last line of a run over several documents."""

TABLE_HEADINGS = (
    Text(fr="fichier", en="file"),
    Text(fr="score", en="score"),
    Text(fr="verdict", en="verdict"),
    Text(fr="erreurs", en="errors"),
    Text(fr="alertes", en="warnings"),
)
"""The columns of the summary table of a run (text report, GitHub job summary)."""

UNREADABLE = Text(fr="illisible", en="unreadable")

# From the least to the most serious: what --min-severity compares.
SEVERITY_ORDER = (Severity.INFO, Severity.WARNING, Severity.ERROR)


def relative_path(path: str | None) -> str:
    """``path`` relative to the current directory, with ``/`` separators.

    CI tools resolve annotation paths against the checkout, which is where seofr
    runs; a path outside the current directory stays as given (still posix), and
    standard input is ``-``.
    """
    if path is None or path == STDIN_PATH:
        return STDIN_PATH
    absolute = Path(os.path.abspath(path))
    try:
        relative: PurePath = absolute.relative_to(Path(os.path.abspath(os.curdir)))
    except ValueError:
        relative = Path(path)
    return relative.as_posix()


def finding_text(finding: ShownFinding) -> str:
    """The finding's message followed by its fix, as one sentence pair."""
    if finding.fix:
        return f"{finding.message}{FIX_SEPARATOR}{finding.fix}"
    return finding.message


def finding_line(path: str, finding: ShownFinding) -> str:
    """``path:line:column: message — fix``, the compiler-style line editors jump to."""
    where = path
    if finding.span is not None:
        where += f":{finding.span.line}:{finding.span.column}"
    return f"{where}: {finding_text(finding)}"


def format_score(report: Report, lang: Lang) -> str:
    """The overall score as a writer reads it: ``72`` or ``72,5`` (fr), ``72.5`` (en)."""
    score = report.score
    return format_number(score, lang, 0 if score.is_integer() else 1)


def at_least(report: Report, minimum: Severity) -> Report:
    """``report`` showing only the findings of severity ``minimum`` or above.

    Errors are never left out, so the verdict, which they decide with the
    score, is the report's own.
    """
    rank = SEVERITY_ORDER.index(minimum)
    kept = tuple(f for f in report.findings if SEVERITY_ORDER.index(f.severity) >= rank)
    return (
        report if len(kept) == len(report.findings) else dataclasses.replace(report, findings=kept)
    )


def count_of(report: Report, severity: Severity) -> int:
    """How many findings of ``severity`` the report shows."""
    return sum(f.severity is severity for f in report.findings)


@dataclass(frozen=True)
class Row:
    """One line of a run's summary table: a document, or an input that could not be read."""

    path: str
    score: str
    verdict: str
    passed: bool | None  # None: unreadable
    errors: int | None
    warnings: int | None


def summary_rows(batch: Batch, lang: Lang) -> list[Row]:
    """The summary table of a run: every document, then every unreadable input."""
    rows = [
        Row(
            relative_path(report.path),
            format_score(report, lang),
            VERDICTS[report.passed].render(lang),
            report.passed,
            count_of(report, Severity.ERROR),
            count_of(report, Severity.WARNING),
        )
        for report in batch.reports
    ]
    rows += [
        Row(relative_path(f.path), "—", UNREADABLE.render(lang), None, None, None)
        for f in batch.failures
    ]
    return rows


def run_summary(batch: Batch, lang: Lang) -> str:
    """``3 documents réussis sur 4.``: the run in one line."""
    total = len(batch.reports) + len(batch.failures)
    passed = sum(1 for r in batch.reports if r.passed)
    return RUN_SUMMARY.render(lang, {"passed": passed, "total": total})


def toml_value(value: Any) -> str:
    """A setting's or an option's value as a configuration file writes it (TOML)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple | frozenset):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value)
