"""GitHub Actions workflow commands: each finding becomes an annotation.

The runner reads lines of the form ``::error file=…,line=…::message`` from a
step's output and pins them on the pull request's diff. One line per finding,
then one ``notice`` per document with its score, then one ``error`` per input
that could not be read.
"""

from __future__ import annotations

from seofr.formatters.common import (
    VERDICTS,
    Batch,
    finding_text,
    format_score,
    relative_path,
)
from seofr.i18n import Lang, Text
from seofr.report import Report, ShownFinding
from seofr.verdicts import Severity

COMMANDS = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}

SUMMARY = Text(
    fr="seofr : score {score}/100 ({verdict})",
    en="seofr score {score}/100 ({verdict})",
)

# GitHub's escaping: the message may hold anything but %, CR and LF; property
# values also end at ':' and ',', so those are escaped there too.
_DATA_ESCAPES = {"%": "%25", "\r": "%0D", "\n": "%0A"}
_PROPERTY_ESCAPES = {**_DATA_ESCAPES, ":": "%3A", ",": "%2C"}


def _escape(text: str, escapes: dict[str, str]) -> str:
    # one pass, so the '%' of an escape already written is never escaped again
    return "".join(escapes.get(char, char) for char in text)


def escape_data(text: str) -> str:
    """``text`` escaped for the message part of a workflow command."""
    return _escape(text, _DATA_ESCAPES)


def escape_property(text: str) -> str:
    """``text`` escaped for a property value (``file=``, ``title=``…)."""
    return _escape(text, _PROPERTY_ESCAPES)


def command(name: str, message: str, properties: list[tuple[str, str | int]]) -> str:
    """One workflow command line: ``::name k=v,k=v::message``."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties)
    head = f"::{name} {props}" if props else f"::{name}"
    return f"{head}::{escape_data(message)}"


def _position(finding: ShownFinding) -> list[tuple[str, str | int]]:
    """``line``/``col``/``endLine``/``endColumn`` of a finding, as GitHub reads them."""
    span = finding.span
    if span is None:
        return []
    # seofr's end is the first position after the range; GitHub's end is the
    # last character inside it. A range ending with a line break ends on the
    # line before, at a column seofr does not know: that end column is left out.
    end_line, end_column = span.end_line, span.end_column - 1
    if end_column < 1 and end_line > span.line:
        end_line, end_column = end_line - 1, 0
    position: list[tuple[str, str | int]] = [("line", span.line)]
    # GitHub honours columns only when the annotation starts and ends on one line
    if end_line == span.line:
        position.append(("col", span.column))
    position.append(("endLine", end_line))
    if end_line == span.line and end_column >= span.column:
        position.append(("endColumn", end_column))
    return position


def finding_command(path: str, finding: ShownFinding) -> str:
    """The annotation of one finding in the document at ``path``."""
    properties: list[tuple[str, str | int]] = [("file", path), *_position(finding)]
    properties.append(("title", f"{finding.code} {finding.rule}"))
    return command(COMMANDS[finding.severity], finding_text(finding), properties)


def summary_command(report: Report, lang: Lang) -> str:
    """The notice giving a document's score and verdict."""
    message = SUMMARY.render(
        lang,
        {"score": format_score(report, lang), "verdict": VERDICTS[report.passed].render(lang)},
    )
    return command("notice", message, [("file", relative_path(report.path))])


def format_github(batch: Batch, lang: Lang, color: bool) -> str:
    """Every finding as an annotation, a score notice per document, then input errors."""
    lines: list[str] = []
    for report in batch.reports:
        path = relative_path(report.path)
        lines.extend(finding_command(path, finding) for finding in report.render(lang))
        lines.append(summary_command(report, lang))
    for failure in batch.failures:
        lines.append(command("error", failure.message, [("file", relative_path(failure.path))]))
    return "".join(f"{line}\n" for line in lines)
