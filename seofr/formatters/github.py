"""GitHub Actions workflow commands: findings become annotations, a run a job summary.

The runner reads lines of the form ``::error file=…,line=…::message`` from a
step's output and pins them on the pull request's diff. It shows at most 10
error, 10 warning and 10 notice annotations per step, and 50 per job; the rest
are dropped without a word (actions/toolkit, ``docs/problem-matchers.md``,
"Limitations"; GitHub's REST reference, "Create a check run": "GitHub Actions
are limited to 10 warning annotations and 10 error annotations per step").
So the annotations a run writes are chosen: errors (unreadable inputs first),
then warnings, then notices, each kind within its 10 — the tenth says how many
more there are, and those are printed as plain log lines; the remarks of one
rule on one document (one per long sentence…) are folded into one notice; a
run over a few documents gets a score notice per document, a larger one a
single notice for the run. One step writes at most 30 annotations, within the
50 of a job.

:func:`job_summary` is the Markdown that ``seofr check --format github``
appends to ``$GITHUB_STEP_SUMMARY``: the table of the documents, then each
failing document's errors and warnings, within the 1 MiB GitHub accepts per step.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from seofr.formatters.common import (
    TABLE_HEADINGS,
    VERDICTS,
    Batch,
    count_of,
    finding_line,
    finding_text,
    format_score,
    relative_path,
    run_summary,
    summary_rows,
)
from seofr.formatters.text import SEVERITY_LABELS
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


PER_KIND = 10
"""Annotations of one kind GitHub shows per step (see the module's docstring)."""

VERDICT_NOTICES = 5
"""Up to this many documents, each gets its score notice; above, the run gets one."""

SUMMARY_BYTES = 1024 * 1024
"""What a step may write to ``$GITHUB_STEP_SUMMARY``: "each step is restricted to a
maximum size of 1MiB" (GitHub docs, Workflow commands, "Step isolation and limits")."""

MESSAGES = {
    "overflow": Text(
        fr="{count} {count:autre annotation|autres annotations} «\u00a0{level}\u00a0»"
        " {count:n’est pas affichée|ne sont pas affichées}\u00a0: GitHub en montre {limit}"
        " par étape. Le journal de l’étape les donne toutes.",
        en="{count} more “{level}” {count:annotation is|annotations are} not shown: GitHub"
        " shows {limit} per step. The step’s log gives them all.",
    ),
    "folded": Text(
        fr="{count} {count:remarque|remarques} de cette règle{where}\u202f; la première\u00a0: {message}",
        en="{count} {count:remark|remarks} of this rule{where}; the first: {message}",
    ),
    "lines": Text(fr=" ({count:ligne|lignes} {lines})", en=" ({count:line|lines} {lines})"),
    "run": Text(
        fr="seofr\u00a0: {passed} {passed:document réussi|documents réussis} sur {total}",
        en="seofr: {passed} of {total} {total:document|documents} passed",
    ),
    "details": Text(
        fr="{path} — {errors} {errors:erreur|erreurs}, {warnings} {warnings:alerte|alertes}",
        en="{path} — {errors} {errors:error|errors}, {warnings} {warnings:warning|warnings}",
    ),
    "line": Text(fr="ligne {line}", en="line {line}"),
    "item": Text(fr="- {where}, **{label}**\u00a0: {text}", en="- {where}, **{label}**: {text}"),
    "document": Text(fr="tout le document", en="whole document"),
    "truncated": Text(
        fr="Le résumé s’arrête ici pour rester sous la limite de GitHub (1\u00a0Mio par étape)\u202f;"
        " le journal de l’étape donne tout.",
        en="The summary stops here to stay within GitHub’s limit (1 MiB per step);"
        " the step’s log gives everything.",
    ),
}
"""What the GitHub format writes besides the findings themselves."""

# line numbers a folded notice lists before "…"
_LISTED_LINES = 12


@dataclass(frozen=True)
class Annotation:
    """A workflow command, and the same thing as a plain log line when it cannot be shown."""

    command: str
    log: str


def _finding_annotation(path: str, finding: ShownFinding) -> Annotation:
    return Annotation(finding_command(path, finding), finding_line(path, finding))


def _folded(path: str, findings: Sequence[ShownFinding], lang: Lang) -> Annotation:
    """One notice for several remarks of one rule on one document, at the first one."""
    if len(findings) == 1:
        return _finding_annotation(path, findings[0])
    first = findings[0]
    lines = sorted({f.span.line for f in findings if f.span is not None})
    where = ""
    if lines:
        listed = ", ".join(map(str, lines[:_LISTED_LINES]))
        listed += ", …" if len(lines) > _LISTED_LINES else ""
        where = MESSAGES["lines"].render(lang, {"count": len(lines), "lines": listed})
    message = MESSAGES["folded"].render(
        lang, {"count": len(findings), "where": where, "message": finding_text(first)}
    )
    properties: list[tuple[str, str | int]] = [("file", path), *_position(first)]
    properties.append(("title", f"{first.code} {first.rule}"))
    log = "\n".join(finding_line(path, f) for f in findings)
    return Annotation(command("notice", message, properties), log)


def _within(
    items: Sequence[Annotation], limit: int, severity: Severity, lang: Lang
) -> tuple[list[str], list[str]]:
    """The commands that fit in ``limit`` (the last one counting the others), and the rest's log."""
    if len(items) <= limit:
        return [a.command for a in items], []
    shown, hidden = items[: limit - 1], items[limit - 1 :]
    overflow = MESSAGES["overflow"].render(
        lang,
        {"count": len(hidden), "level": SEVERITY_LABELS[severity].render(lang), "limit": limit},
    )
    commands = [a.command for a in shown]
    return [*commands, command(COMMANDS[severity], overflow, [])], [a.log for a in hidden]


def format_github(batch: Batch, lang: Lang, color: bool) -> str:
    """Annotations within GitHub's limits: errors, warnings, notices, then the verdicts.

    What does not fit is printed after them as plain ``path:line:column:`` lines.
    """
    errors: list[Annotation] = []
    for failure in batch.failures:
        text = failure.text(lang)
        errors.append(
            Annotation(command("error", text, [("file", relative_path(failure.path))]), text)
        )
    warnings: list[Annotation] = []
    notices: list[Annotation] = []
    for report in batch.reports:
        path = relative_path(report.path)
        remarks: dict[str, list[ShownFinding]] = {}
        for finding in report.render(lang):
            if finding.severity is Severity.INFO:
                remarks.setdefault(finding.rule, []).append(finding)
            else:
                kind = errors if finding.severity is Severity.ERROR else warnings
                kind.append(_finding_annotation(path, finding))
        notices += [_folded(path, found, lang) for found in remarks.values()]
    if len(batch.reports) <= VERDICT_NOTICES:
        verdicts = [summary_command(report, lang) for report in batch.reports]
    else:
        passed = sum(r.passed for r in batch.reports)
        message = MESSAGES["run"].render(lang, {"passed": passed, "total": len(batch.reports)})
        verdicts = [command("notice", message, [])]
    lines: list[str] = []
    log: list[str] = []
    for items, limit, severity in (
        (errors, PER_KIND, Severity.ERROR),
        (warnings, PER_KIND, Severity.WARNING),
        (notices, PER_KIND - len(verdicts), Severity.INFO),
    ):
        shown, hidden = _within(items, limit, severity, lang)
        lines += shown
        log += hidden
    return "".join(f"{line}\n" for line in [*lines, *verdicts, *log])


# Markdown's backslash escapes for what would otherwise format a message or
# break a table; GitHub reads them in table cells and list items alike.
_MARKDOWN_SPECIALS = frozenset("\\`*_[]<>|#~")


def markdown_text(text: str) -> str:
    """``text`` as Markdown shows it literally, on one line."""
    escaped = "".join(f"\\{c}" if c in _MARKDOWN_SPECIALS else c for c in text)
    # line breaks only: str.split() would take the French no-break spaces too
    return re.sub(r"[\r\n]+", " ", escaped)


def _summary_table(batch: Batch, lang: Lang) -> list[str]:
    headings = [heading.render(lang) for heading in TABLE_HEADINGS]
    lines = [
        "| " + " | ".join(headings) + " |",
        "| --- | ---: | --- | ---: | ---: |",
    ]
    for row in summary_rows(batch, lang):
        counts = ["" if n is None else str(n) for n in (row.errors, row.warnings)]
        verdict = markdown_text(row.verdict)
        cells = [markdown_text(row.path), row.score, f"**{verdict}**", *counts]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _details(report: Report, lang: Lang) -> str | None:
    """A failing document's errors and warnings, folded under its name."""
    shown = [f for f in report.render(lang) if f.severity is not Severity.INFO]
    if report.passed or not shown:
        return None
    title = MESSAGES["details"].render(
        lang,
        {
            "path": relative_path(report.path),
            "errors": count_of(report, Severity.ERROR),
            "warnings": count_of(report, Severity.WARNING),
        },
    )
    items = []
    for finding in shown:
        where = (
            MESSAGES["line"].render(lang, {"line": finding.span.line})
            if finding.span is not None
            else MESSAGES["document"].render(lang)
        )
        severity = SEVERITY_LABELS[finding.severity].render(lang)
        label = markdown_text(f"{severity} {finding.code} {finding.rule}")
        text = markdown_text(finding_text(finding))
        items.append(MESSAGES["item"].render(lang, {"where": where, "label": label, "text": text}))
    body = "\n".join(items)
    return f"<details><summary>{html.escape(title)}</summary>\n\n{body}\n\n</details>\n"


def job_summary(batch: Batch, lang: Lang, room: int = SUMMARY_BYTES) -> str:
    """The run in Markdown for ``$GITHUB_STEP_SUMMARY``, at most ``room`` bytes (UTF-8).

    What would not fit is left out, with a last line saying so.
    """
    title = f"### {markdown_text(run_summary(batch, lang))}\n\n"
    pieces = [*(line + "\n" for line in _summary_table(batch, lang))]
    pieces[-1] += "\n"
    pieces += [d for d in (_details(r, lang) for r in batch.reports) if d is not None]
    note = f"\n*{markdown_text(MESSAGES['truncated'].render(lang))}*\n"
    out = [title]
    size = len(title.encode())
    for index, piece in enumerate(pieces):
        cost = len(piece.encode())
        last = index == len(pieces) - 1
        if size + cost + (0 if last else len(note.encode())) > room:
            out.append(note)
            break
        out.append(piece)
        size += cost
    return "".join(out)
