"""What every output format shares: the batch it receives, paths, finding lines, verdicts.

A path or a finding reads the same in each format (SARIF, GitHub annotations,
JUnit, text).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from seofr.i18n import Lang, Text, format_number
from seofr.report import InputFailure, Report, ShownFinding

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
