"""``seofr check --statistics``: how many findings each rule made, as ``ruff check --statistics``.

One line per rule with at least one finding, most findings first: the count,
the code, ``[*]`` when ``seofr fix`` can fix some of them, and the rule's name.
In JSON, a list of ``{"code", "rule", "count", "fixable"}`` objects.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from seofr.formatters.common import Batch
from seofr.i18n import Lang, Text

FIXABLE_MARK = "[*]"

LEGEND = Text(
    fr="[*]\u00a0: des constats que «\u00a0seofr fix\u00a0» corrige.",
    en="[*]: findings “seofr fix” fixes.",
)


@dataclass(frozen=True)
class RuleCount:
    """The findings of one rule over a run."""

    code: str
    rule: str
    count: int
    fixable: int  # how many carry a safe fix


def rule_counts(batch: Batch) -> list[RuleCount]:
    """Every rule with a finding, most findings first, then by code."""
    counts: Counter[tuple[str, str]] = Counter()
    fixable: Counter[tuple[str, str]] = Counter()
    for report in batch.reports:
        for finding in report.findings:
            key = (finding.code, finding.rule)
            counts[key] += 1
            fixable[key] += any(edit.safe for edit in finding.edits)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [RuleCount(code, rule, n, fixable[code, rule]) for (code, rule), n in ordered]


def format_statistics(batch: Batch, lang: Lang) -> str:
    """The counts as aligned lines, with the legend of ``[*]`` when it appears."""
    counts = rule_counts(batch)
    if not counts:
        return ""
    width = len(str(counts[0].count))
    code_width = max(len(c.code) for c in counts)
    mark = len(FIXABLE_MARK) + 1 if any(c.fixable for c in counts) else 0
    lines = [
        f"{c.count:>{width}}  {c.code:<{code_width}}  "
        f"{(FIXABLE_MARK + ' ') if c.fixable else '':<{mark}}{c.rule}"
        for c in counts
    ]
    if mark:
        lines += ["", LEGEND.render(lang)]
    return "\n".join(lines) + "\n"


def statistics_json(batch: Batch) -> str:
    """The counts as a JSON list, in the same order."""
    rows = [
        {"code": c.code, "rule": c.rule, "count": c.count, "fixable": c.fixable}
        for c in rule_counts(batch)
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
