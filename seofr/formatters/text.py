"""The human-readable report: score, then what to fix, position by position."""

from __future__ import annotations

from seofr.formatters.common import (
    RUN_SUMMARY,
    TABLE_HEADINGS,
    VERDICTS,
    Batch,
    Row,
    format_score,
    run_summary,
    summary_rows,
)
from seofr.i18n import Lang, Text, format_number
from seofr.messages import TITLE_ORIGINS
from seofr.report import Report, ShownFinding
from seofr.verdicts import Severity, Status

_COLORS = {
    Severity.ERROR: "\033[31m",
    Severity.WARNING: "\033[33m",
    Severity.INFO: "\033[36m",
}
_BOLD, _RESET, _GREEN, _RED = "\033[1m", "\033[0m", "\033[32m", "\033[31m"

LABELS = {
    "header": Text(
        fr="{path} — score {score}/100 ({verdict}, seuil {fail_under}, profil {profile})",
        en="{path} — score {score}/100 ({verdict}, threshold {fail_under}, profile {profile})",
    ),
    "title": Text(fr="  titre ({origin}) : {title}", en="  title ({origin}): {title}"),
    "region": Text(fr="  contenu lu : {region}", en="  content read: {region}"),
    "stats": Text(
        fr="  mots : {words} · paragraphes : {paragraphs} · intertitres : {headings}",
        en="  words: {words} · paragraphs: {paragraphs} · headings: {headings}",
    ),
    "rules": Text(
        fr="  règles : {errors} en erreur, {warnings} en alerte, {notes} en remarque,"
        " {passed} {passed:réussie|réussies}, {skipped} {skipped:ignorée|ignorées}",
        en="  rules: {errors} in error, {warnings} warning, {notes} with remarks,"
        " {passed} passed, {skipped} skipped",
    ),
    "failed-by-errors": Text(
        fr="échec : {count} {count:erreur|erreurs}",
        en="failed: {count} {count:error|errors}",
    ),
    "fix": Text(fr="      → {fix}", en="      → {fix}"),
    "skipped-one": Text(fr="  {rules} : ignorée — {reason}", en="  {rules}: skipped — {reason}"),
    "skipped-many": Text(fr="  {rules} : ignorées — {reason}", en="  {rules}: skipped — {reason}"),
    "summary": RUN_SUMMARY,
}

REGIONS = {
    "selector": Text(fr="ce que désigne content-selector", en="what content-selector names"),
    "main": Text(fr="l’élément <main>", en="the <main> element"),
    "article": Text(fr="l’unique <article>", en="the only <article>"),
    "body": Text(fr="la page sans sa navigation", en="the page without its navigation"),
}

SEVERITY_LABELS = {
    Severity.ERROR: Text(fr="erreur", en="error"),
    Severity.WARNING: Text(fr="alerte", en="warning"),
    Severity.INFO: Text(fr="info", en="info"),
}


def _paint(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color else text


def _finding_line(report: Report, finding: ShownFinding, lang: Lang, color: bool) -> list[str]:
    where = report.path or "-"
    if finding.span is not None:
        where += f":{finding.span.line}:{finding.span.column}"
    severity = SEVERITY_LABELS[finding.severity].render(lang)
    label = _paint(f"{severity} {finding.code}", _COLORS[finding.severity], color)
    lines = [f"  {where}: {label} [{finding.rule}] {finding.message}"]
    if finding.fix:
        lines.append(LABELS["fix"].render(lang, {"fix": finding.fix}))
    return lines


def format_report(report: Report, lang: Lang, color: bool, *, quiet: bool = False) -> str:
    """One document's report as text; ``quiet``: its first line and its findings only."""
    errors = sum(f.severity is Severity.ERROR for f in report.findings)
    if not report.passed and errors and report.score >= report.fail_under:
        # the score passes: say what failed the document
        verdict = LABELS["failed-by-errors"].render(lang, {"count": errors})
    else:
        verdict = VERDICTS[report.passed].render(lang)
    verdict = _paint(verdict, _GREEN if report.passed else _RED, color)
    header = LABELS["header"].render(
        lang,
        {
            "path": report.path or "-",
            "score": format_score(report, lang),
            "verdict": verdict,
            "fail_under": format_number(report.fail_under, lang, 0),
            "profile": report.profile,
        },
    )
    lines = [_paint(header, _BOLD, color)]
    if quiet:
        for finding in report.render(lang):
            lines.extend(_finding_line(report, finding, lang, color))
        return "\n".join(lines)
    if report.title:
        known = TITLE_ORIGINS.get(report.title_origin or "")
        origin = known.render(lang) if known else report.title_origin or "?"
        lines.append(LABELS["title"].render(lang, {"origin": origin, "title": report.title}))
    region = REGIONS.get(report.content_region or "")
    if region is not None:
        lines.append(LABELS["region"].render(lang, {"region": region.render(lang)}))
    stats = report.stats
    lines.append(
        LABELS["stats"].render(
            lang,
            {k: int(stats.get(k, 0)) for k in ("words", "paragraphs", "headings")},
        )
    )
    # a rule that did not pass is counted by its severity, the word its findings carry
    flagged = [r for r in report.results if r.status in (Status.FAIL, Status.WARN)]
    lines.append(
        LABELS["rules"].render(
            lang,
            {
                "errors": sum(
                    r.status is Status.FAIL and r.severity is Severity.ERROR for r in flagged
                ),
                "warnings": sum(
                    r.severity is Severity.WARNING
                    or (r.status is Status.WARN and r.severity is Severity.ERROR)
                    for r in flagged
                ),
                "notes": sum(r.severity is Severity.INFO for r in flagged),
                "passed": sum(r.status is Status.PASS for r in report.results),
                "skipped": sum(r.status is Status.SKIP for r in report.results),
            },
        )
    )
    skipped: dict[str, list[str]] = {}
    for result in report.results:
        reason = report.skip_reason(result, lang)
        if reason is not None:
            skipped.setdefault(reason, []).append(result.name)
    for reason, names in skipped.items():
        label = LABELS["skipped-one" if len(names) == 1 else "skipped-many"]
        lines.append(label.render(lang, {"rules": ", ".join(names), "reason": reason}))
    for finding in report.render(lang):
        lines.extend(_finding_line(report, finding, lang, color))
    return "\n".join(lines)


def _table_cells(row: Row) -> list[str]:
    counts = ["" if n is None else str(n) for n in (row.errors, row.warnings)]
    return [row.path, row.score, row.verdict, *counts]


def summary_table(batch: Batch, lang: Lang, color: bool) -> str:
    """File, score, verdict, errors and warnings of every document, aligned in columns."""
    rows = summary_rows(batch, lang)
    headings = [heading.render(lang) for heading in TABLE_HEADINGS]
    cells = [_table_cells(row) for row in rows]
    widths = [max(len(cell) for cell in column) for column in zip(headings, *cells, strict=True)]
    numeric = (False, True, False, True, True)

    def line(values: list[str], verdict_color: str | None) -> str:
        padded = [
            value.rjust(width) if right else value.ljust(width)
            for value, width, right in zip(values, widths, numeric, strict=True)
        ]
        if verdict_color is not None:
            padded[2] = _paint(padded[2], verdict_color, color)
        return "  ".join(padded).rstrip()

    out = [_paint(line(headings, None), _BOLD, color)]
    for row, values in zip(rows, cells, strict=True):
        out.append(line(values, _GREEN if row.passed else _RED))
    return "\n".join(out)


def format_text(batch: Batch, lang: Lang, color: bool, *, quiet: bool = False) -> str:
    """Every report, the unreadable inputs, then a summary table and line for several.

    ``quiet`` keeps what needs reading: the documents that fail or have
    findings, their first line and findings only, and the unreadable inputs.
    """
    shown = [r for r in batch.reports if not quiet or not r.passed or r.findings]
    parts = [format_report(report, lang, color, quiet=quiet) for report in shown]
    for failure in batch.failures:
        parts.append(failure.text(lang))
    if len(batch.reports) + len(batch.failures) > 1 and not quiet:
        parts.append(summary_table(batch, lang, color))
        parts.append(run_summary(batch, lang))
    return "\n\n".join(parts) + "\n" if parts else ""
