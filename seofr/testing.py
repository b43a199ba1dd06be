"""Assertions on seofr reports for test suites.

>>> from seofr.testing import assert_passes
>>> assert_passes(seofr.analyze("article.md"))  # doctest: +SKIP
>>> assert_passes(report, min_score=80)  # doctest: +SKIP
>>> assert_passes(report, rules=["heading-hierarchy", "title-length"])  # doctest: +SKIP

The failure message is the text the command line prints for the document, so
a failing test says what to fix and where, as ``seofr check`` would.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from seofr.formatters.text import format_report
from seofr.i18n import Text
from seofr.report import Report
from seofr.verdicts import Status

_FAILING = Text(
    fr="{count:règle en échec|règles en échec} : {names}",
    en="failing {count:rule|rules}: {names}",
)
_MISSING = Text(
    fr="{count:règle non exécutée|règles non exécutées} : {names} (exécutées : {ran})",
    en="{count:rule|rules} that did not run: {names} (ran: {ran})",
)


def assert_passes(
    report: Report, min_score: float | None = None, rules: Iterable[str] | None = None
) -> None:
    """Fail with the command line's report unless ``report`` passes.

    Without arguments the document must pass as the command line judges it
    (:attr:`Report.passed`). ``min_score`` replaces the report's threshold
    (``fail-under``). ``rules`` restricts the check to those rule names: none
    of them may have failed, and each must have run, so that a misspelt name
    cannot make the assertion pass unchecked; the other rules' findings are
    left out of the message. With both, the score must also reach ``min_score``.
    """
    __tracebackhide__ = True  # pytest shows the caller's line, not this one
    lang = report.lang
    shown = report if min_score is None else dataclasses.replace(report, fail_under=min_score)
    if rules is None:
        if shown.passed:
            return
        raise AssertionError(format_report(shown, lang, color=False))
    # a bare string is one rule name, not an iterable of one-letter names
    names = (rules,) if isinstance(rules, str) else tuple(rules)
    missing = [name for name in names if report.result(name) is None]
    failing = [
        name
        for name in names
        if (result := report.result(name)) is not None and result.status is Status.FAIL
    ]
    below = min_score is not None and shown.score < min_score
    if not missing and not failing and not below:
        return
    lines: list[str] = []
    if missing:
        ran = ", ".join(r.name for r in report.results) or "-"
        lines.append(
            _MISSING.render(lang, {"names": ", ".join(missing), "ran": ran, "count": len(missing)})
        )
    if failing:
        lines.append(_FAILING.render(lang, {"names": ", ".join(failing), "count": len(failing)}))
    shown = dataclasses.replace(shown, findings=tuple(f for f in shown.findings if f.rule in names))
    lines.append(format_report(shown, lang, color=False))
    raise AssertionError("\n".join(lines))


__all__ = ["assert_passes"]
