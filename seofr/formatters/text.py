"""The human-readable report: score, then what to fix, position by position."""

from __future__ import annotations

from seofr.formatters.common import VERDICTS, Batch, format_score
from seofr.i18n import Lang, Text, format_number
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
        fr="  règles : {failed} en échec, {warned} en alerte, {passed} réussies, {skipped} ignorées",
        en="  rules: {failed} failed, {warned} warned, {passed} passed, {skipped} skipped",
    ),
    "fix": Text(fr="      → {fix}", en="      → {fix}"),
    "skipped-one": Text(fr="  {rules} : ignorée — {reason}", en="  {rules}: skipped — {reason}"),
    "skipped-many": Text(fr="  {rules} : ignorées — {reason}", en="  {rules}: skipped — {reason}"),
    "unreadable": Text(fr="{path} : illisible — {message}", en="{path}: unreadable — {message}"),
    "summary": Text(
        fr="{passed} {passed:document réussi|documents réussis} sur {total}.",
        en="{passed} of {total} {total:document|documents} passed.",
    ),
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


def format_report(report: Report, lang: Lang, color: bool) -> str:
    """One document's report as text."""
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
    if report.title:
        origin = report.title_origin or "?"
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
    counts = {s: sum(1 for r in report.results if r.status is s) for s in Status}
    lines.append(
        LABELS["rules"].render(
            lang,
            {
                "failed": counts[Status.FAIL],
                "warned": counts[Status.WARN],
                "passed": counts[Status.PASS],
                "skipped": counts[Status.SKIP],
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


def format_text(batch: Batch, lang: Lang, color: bool) -> str:
    """Every report, then the unreadable inputs, then a one-line summary."""
    parts = [format_report(report, lang, color) for report in batch.reports]
    for failure in batch.failures:
        parts.append(
            LABELS["unreadable"].render(lang, {"path": failure.path, "message": failure.message})
        )
    total = len(batch.reports) + len(batch.failures)
    passed = sum(1 for r in batch.reports if r.passed)
    if total > 1:
        parts.append(LABELS["summary"].render(lang, {"passed": passed, "total": total}))
    return "\n\n".join(parts) + "\n"
