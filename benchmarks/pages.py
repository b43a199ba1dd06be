"""pages: seofr on real French pages written by others, beside trafilatura.

The pages are those ``python -m benchmarks.corpus_pages`` copied from Debian
packages into ``.pages/`` (listed in ``.pages/manifest.json``); the groups are
the packages. One ``seofr.Session`` analyzes every page with the default
profile and no configuration file (``config=False``). For each group the
benchmark reports the time per page, the words seofr counts
(``report.stats["words"]``) against the words of trafilatura's extraction of
the same page — both counted by ``seofr.french.words.count_words`` —, the
findings per 1,000 words of every rule, and the pages that make the noisiest
rules noisy. trafilatura is the oracle of what the main content is: a ratio far
above 1 means seofr counts navigation and other chrome as text.

The oracle is trafilatura with ``favor_recall=True``; its default (precision)
extraction is shown beside it. On the Debian handbook's Publican pages the
default drops whole paragraphs, headings and list items of the article
(``sect.monitoring.html``: 2,302 words for seofr, 606 for trafilatura, and
1,620 of seofr's words in blocks trafilatura left out, all article text when
read by hand; docs/performance.md), which made seofr look as if it counted
chrome. Recall mode errs the other way, towards keeping chrome: a ratio close
to 1 against it still says seofr keeps no more than a generous extractor.

The full per-page data goes to ``benchmarks/results/pages.json``. Without
``.pages/`` or trafilatura (the ``bench`` extra) the benchmark says so and skips.
"""

from __future__ import annotations

import json
import math
import statistics
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from benchmarks.common import ARTICLE, ROOT, Outcome, Verdict, heading, machine, table
from benchmarks.corpus_pages import MANIFEST, missing, sample

RESULTS = ROOT / "benchmarks" / "results" / "pages.json"
QUICK_PAGES = 10
# seofr's words / trafilatura's words beyond which a page counts chrome as content
RATIO_TARGET = 1.3
NOISIEST = 5
WORST = 3


def _trafilatura_words(data: bytes, *, recall: bool) -> int:
    import trafilatura

    from seofr.french.words import count_words

    text = trafilatura.extract(
        data, favor_recall=recall, include_comments=False, include_tables=True
    )
    return count_words(text or "")


def _page(session: Any, entry: dict[str, Any]) -> dict[str, Any]:
    """Analyze one page; its figures for the JSON file."""
    path = ROOT / entry["path"]
    data = path.read_bytes()
    row: dict[str, Any] = {
        "package": entry["package"],
        "generator": entry["generator"],
        "path": entry["path"],
        "source": entry["source"],
        "bytes": len(data),
    }
    start = time.perf_counter()
    try:
        report = session.analyze(path, config=False)
    except Exception as error:  # a crash is a finding of this benchmark, not its end
        row.update(seconds=time.perf_counter() - start, error=f"{type(error).__name__}: {error}")
        return row
    row["seconds"] = time.perf_counter() - start
    words = int(report.stats.get("words") or 0)
    oracle = _trafilatura_words(data, recall=True)
    precise = _trafilatura_words(data, recall=False)
    row.update(
        words=words,
        trafilatura_words=oracle,
        trafilatura_precision_words=precise,
        ratio=words / oracle if oracle else None,
        ratio_precision=words / precise if precise else None,
        language=report.stats.get("language"),
        score=report.score,
        findings=dict(sorted(Counter(f.rule for f in report.findings).items())),
    )
    return row


def _per_thousand(count: int, words: int) -> float:
    return count / words * 1000 if words else 0.0


def _rates(rows: Sequence[dict[str, Any]]) -> dict[str, float]:
    """Findings per 1,000 seofr words of each rule over ``rows``, noisiest first."""
    words = sum(row["words"] for row in rows)
    counts: Counter[str] = Counter()
    for row in rows:
        counts.update(row["findings"])
    rates = {rule: _per_thousand(n, words) for rule, n in counts.items()}
    return dict(sorted(rates.items(), key=lambda item: (-item[1], item[0])))


def _summary(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The figures of one group."""
    done = [row for row in rows if "error" not in row]
    ratios = [row for row in done if row["ratio"] is not None]
    # worst: farthest from 1 either way (chrome counted, or content lost)
    worst = sorted(ratios, key=lambda row: -abs(_log(row["ratio"])))[:WORST]
    rates = _rates(done)
    outliers = {
        rule: [
            {
                "path": row["path"],
                "per_1000": _per_thousand(row["findings"].get(rule, 0), row["words"]),
            }
            for row in sorted(
                done,
                key=lambda row: -_per_thousand(row["findings"].get(rule, 0), row["words"]),
            )[:WORST]
            if row["findings"].get(rule)
        ]
        for rule in list(rates)[:NOISIEST]
    }
    return {
        "generator": rows[0]["generator"],
        "pages": len(rows),
        "errors": [{"path": row["path"], "error": row["error"]} for row in rows if "error" in row],
        "seconds_per_page_median": statistics.median(row["seconds"] for row in rows),
        "seconds_total": sum(row["seconds"] for row in rows),
        "words": sum(row["words"] for row in done),
        "trafilatura_words": sum(row["trafilatura_words"] for row in done),
        "ratio_median": statistics.median(r["ratio"] for r in ratios) if ratios else None,
        "ratio_precision_median": _median(r["ratio_precision"] for r in done),
        "ratio_worst": [{"path": r["path"], "ratio": r["ratio"]} for r in worst],
        "no_trafilatura_text": [row["path"] for row in done if row["ratio"] is None],
        "languages": dict(Counter(str(row["language"]) for row in done)),
        "findings_per_1000_words": rates,
        "outliers": outliers,
    }


def _median(values: Iterable[float | None]) -> float | None:
    known = [value for value in values if value is not None]
    return statistics.median(known) if known else None


def _log(value: float) -> float:
    return math.log(value) if value > 0 else float("-inf")


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _short(path: str) -> str:
    return path.removeprefix(".pages/")


def _print(groups: dict[str, dict[str, Any]]) -> None:
    print(
        table(
            [
                "package (generator)",
                "pages",
                "s/page",
                "words seofr",
                "trafilatura",
                "ratio",
                "ratio, precision mode",
            ],
            [
                [
                    f"{name} ({g['generator']})",
                    g["pages"],
                    f"{g['seconds_per_page_median']:.2f}",
                    g["words"],
                    g["trafilatura_words"],
                    _ratio(g["ratio_median"]),
                    _ratio(g["ratio_precision_median"]),
                ]
                for name, g in groups.items()
            ],
        )
    )
    print(
        "ratio: median over the pages of seofr's words / trafilatura's words"
        " (favor_recall=True; its default precision mode beside it)"
    )
    print("\npages farthest from trafilatura (ratio):")
    for name, g in groups.items():
        cells = ", ".join(f"{_short(w['path'])} {w['ratio']:.2f}" for w in g["ratio_worst"])
        print(f"  {name}: {cells or '-'}")
        if g["no_trafilatura_text"]:
            print(
                f"    trafilatura kept nothing: {', '.join(map(_short, g['no_trafilatura_text']))}"
            )
        if g["errors"]:
            for error in g["errors"]:
                print(f"    ERROR {_short(error['path'])}: {error['error']}")
    print("\nlanguage of the pages as seofr reports it (stats['language']):")
    for name, g in groups.items():
        print(f"  {name}: {', '.join(f'{k} {v}' for k, v in sorted(g['languages'].items()))}")

    everything: Counter[str] = Counter()
    for g in groups.values():
        for rule, rate in g["findings_per_1000_words"].items():
            everything[rule] += rate * g["words"]
    words = sum(g["words"] for g in groups.values())
    rules = sorted(everything, key=lambda rule: -everything[rule])
    print("\nfindings per 1,000 seofr words, by rule (all: over every page's words):")
    print(
        table(
            ["rule", *groups, "all"],
            [
                [
                    rule,
                    *(f"{g['findings_per_1000_words'].get(rule, 0):.2f}" for g in groups.values()),
                    f"{everything[rule] / words:.2f}" if words else "-",
                ]
                for rule in rules
            ],
        )
    )
    print(f"\npages with the most findings per 1,000 words, {NOISIEST} noisiest rules per package:")
    for name, g in groups.items():
        print(f"  {name}:")
        for rule, pages in g["outliers"].items():
            cells = ", ".join(f"{_short(p['path'])} {p['per_1000']:.1f}" for p in pages)
            print(f"    {rule}: {cells}")


def run(quick: bool) -> Outcome:
    """Analyze the real pages, compare with trafilatura, print and return the figures."""
    heading("pages: real French pages (Debian packages) vs trafilatura's main content")
    skipped = missing("pages")
    if skipped is not None:
        return skipped
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        print("skipped: trafilatura is not installed (pip install -e '.[bench]')")
        return Outcome("pages", {"skipped": "trafilatura not installed"})
    import seofr

    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    by_package: dict[str, list[dict[str, Any]]] = {}
    for entry in manifest["pages"]:
        if (ROOT / entry["path"]).is_file():
            by_package.setdefault(entry["package"], []).append(entry)
    if not by_package:
        print("skipped: the manifest lists no page that exists; rebuild the corpus")
        return Outcome("pages", {"skipped": "no page"})
    if quick:
        by_package = {name: sample(pages, QUICK_PAGES) for name, pages in by_package.items()}

    session = seofr.Session()
    session.analyze(ARTICLE, config=False)  # the model loaded before any page is timed
    count = sum(len(pages) for pages in by_package.values())
    print(f"{count} pages in {len(by_package)} packages; one Session, default profile, no config")
    clock = time.perf_counter()
    rows = {name: [_page(session, entry) for entry in pages] for name, pages in by_package.items()}
    elapsed = time.perf_counter() - clock
    groups = {name: _summary(pages) for name, pages in rows.items()}
    _print(groups)
    print(f"\n{count} pages analyzed in {elapsed:.0f} s")

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    record = {
        "quick": quick,
        "machine": machine(),
        "duration_s": round(elapsed, 1),
        "groups": groups,
        "pages": [row for pages in rows.values() for row in pages],
    }
    RESULTS.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"per-page data written to {RESULTS.relative_to(ROOT)}")
    verdicts = [
        Verdict(f"pages {name}: median words seofr/trafilatura", g["ratio_median"], RATIO_TARGET)
        for name, g in groups.items()
        if g["ratio_median"] is not None
    ]
    for verdict in verdicts:
        print(verdict.line())
    return Outcome(
        "pages", {"pages_json": str(RESULTS.relative_to(ROOT)), "groups": groups}, verdicts
    )
