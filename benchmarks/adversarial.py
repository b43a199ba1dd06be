"""adversarial: long pathological repetitions against every rule, and 10 MB doubling.

(1) Each rule runs alone on documents built from one adversarial pattern
repeated to about 50 KB — in the title, the description, a heading, a link,
an image alt and the body — so that a regular expression that backtracks, or
a loop that is quadratic, shows as an outlier. The worst time per rule is
reported. (2) The whole default analysis of generated French HTML of 1.25,
2.5, 5 and 10 MB, each in a fresh process: time should double with the size.
"""

from __future__ import annotations

import html
import json
import sys
import tempfile
from itertools import pairwise
from pathlib import Path

from benchmarks.common import Outcome, Verdict, child_output, heading, table, timed
from benchmarks.corpus import french_html

PATTERNS = {
    "letters": "a",
    "punctuation": "!",
    "apostrophes": "l’",
    "guillemets": "« ",
    "abbreviations": "M. ",
    "digits": "1,2",
    "hyphens": "-a",
    "spaces": " \u202f",
    "markup": "<",
    "accents": "é",
    "keyphrase": "vélo ",
}
SIZE = 50_000
# A rule on 50 KB of text that takes longer than this is suspect.
WORST_LIMIT_S = 20.0
MB = 1024 * 1024
DOUBLING = (1.25, 2.5, 5.0, 10.0)
LINEAR_SLACK = 1.3

_CHILD = (
    "import json, sys, time, seofr\n"
    "seofr.analyze('<p>Un mot pour charger le modèle.</p>', input_format='html')\n"
    "start = time.perf_counter()\n"
    "report = seofr.analyze(sys.argv[1])\n"
    "print(json.dumps({'seconds': time.perf_counter() - start, 'words': report.stats['words']}))\n"
)


def _document(pattern: str, size: int) -> str:
    text = html.escape(pattern * (size // len(pattern)))
    short = html.escape(pattern * 200)
    return (
        f"<html><head><title>{short}</title><meta name='description' content='{short}'></head>"
        f"<body><h1>{short}</h1><h2>{short}</h2><p>{text}</p>"
        f"<p><a href='/x'>{short}</a><img src='a.png' alt='{short}'></p></body></html>"
    )


def _adversarial(quick: bool) -> tuple[list[list[object]], float, str]:
    import seofr
    from seofr.registry import registry

    size = SIZE // 10 if quick else SIZE
    seofr.analyze("<p>Un mot pour charger le modèle.</p>", input_format="html")
    rows: list[list[object]] = []
    worst_time, worst_case = 0.0, ""
    for name in registry().rules:
        times = {
            label: timed(
                lambda pattern=pattern, name=name: seofr.analyze(  # type: ignore[misc]
                    _document(pattern, size), select=[name], keyword="vélo", config=False
                )
            )
            for label, pattern in PATTERNS.items()
        }
        label, seconds = max(times.items(), key=lambda item: item[1])
        rows.append([name, label, f"{seconds:.2f} s"])
        if seconds > worst_time:
            worst_time, worst_case = seconds, f"{name} on {label}"
    return rows, worst_time, worst_case


def _doubling(quick: bool) -> list[tuple[float, float, int]]:
    sizes = DOUBLING[:2] if quick else DOUBLING
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        for megabytes in sizes:
            path = Path(tmp) / f"page-{megabytes}.html"
            path.write_text(french_html(int(megabytes * MB), seed=7), encoding="utf-8")
            out = child_output(
                [sys.executable, "-c", _CHILD, str(path)], f"full analysis of {path.name}"
            )
            result = json.loads(out)
            found.append((megabytes, result["seconds"], result["words"]))
    return found


def run(quick: bool) -> Outcome:
    """Run the adversarial inputs, then the doubling sizes."""
    heading(f"adversarial: each rule on {SIZE // 1000} KB of pathological repetitions")
    rows, worst, case = _adversarial(quick)
    print(table(["rule", "worst pattern", "time"], rows))
    print(f"worst: {worst:.2f} s ({case})")
    heading("adversarial: full analysis as the size doubles")
    doubling = _doubling(quick)
    print(
        table(
            ["size", "seconds", "words", "s per MB"],
            [[f"{mb} MB", f"{s:.1f}", w, f"{s / mb:.2f}"] for mb, s, w in doubling],
        )
    )
    ratios = [later[1] / earlier[1] for earlier, later in pairwise(doubling)]
    print("time ratio for each doubling: " + ", ".join(f"{r:.2f}" for r in ratios))
    worst_ratio = max(ratios) if ratios else 0.0
    return Outcome(
        "adversarial",
        {
            "pattern_size": SIZE,
            "worst_rule_s": worst,
            "worst_case": case,
            "per_rule": {str(r[0]): {"pattern": r[1], "time": r[2]} for r in rows},
            "doubling": [{"mb": mb, "seconds": s, "words": w} for mb, s, w in doubling],
            "doubling_ratios": ratios,
        },
        [
            Verdict("worst rule on 50 KB of adversarial text", worst, WORST_LIMIT_S, " s"),
            Verdict("time ratio when the size doubles", worst_ratio, 2 * LINEAR_SLACK, "×"),
        ],
    )
