"""scaling: time and peak memory of ``seofr.analyze`` from 10 KB to 3 MB of HTML.

Each size runs in its own fresh process, so that one size's peak memory is not
another's leftover: the peak only ever grows. The child first analyzes a
small document, to load the model and fill the caches, records the peak so
far, then times the analyses of the generated file. Growth is linear when the
time per KB stays flat and time(3 MB)/time(1 MB) stays near 3.

Run as ``python -m benchmarks.scaling FILE RUNS``, this module is the child.
"""

from __future__ import annotations

import gc
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import Outcome, Verdict, child_output, heading, summary, table
from benchmarks.corpus import french_html

KIB = 1024
SIZES = (("10 KB", 10 * KIB), ("100 KB", 100 * KIB), ("1 MB", KIB**2), ("3 MB", 3 * KIB**2))
# Below this size an analysis is quick enough to repeat; above it one run is enough.
REPEAT_BELOW = KIB**2
RUNS = 3
# Linear growth would give exactly 3; allow what the warm target allows.
LINEAR_SLACK = 1.25
WARMUP_SIZE = 4 * KIB


def _peak_mib() -> float:
    """The peak resident memory of this process so far, in MiB.

    Linux's VmHWM belongs to this process alone; ``ru_maxrss`` would carry the
    parent's peak across ``exec`` and report the benchmark runner's memory.
    """
    try:
        status = Path("/proc/self/status").read_text()
        return int(status.split("VmHWM:")[1].split()[0]) / KIB
    except (OSError, IndexError, ValueError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / KIB


class GcClock:
    """Time spent in the cyclic garbage collector, from ``gc.callbacks``.

    A full collection walks every live container object, so a run that keeps
    many objects alive pays more per collection as it grows: a cause of
    super-linear time that this makes visible.
    """

    def __init__(self) -> None:
        self.seconds = 0.0
        self.full_collections = 0
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
            return
        self.seconds += time.perf_counter() - self._started
        self.full_collections += info["generation"] == 2


def child(path: str, runs: int) -> dict[str, Any]:
    """In a fresh process: warm up, then time ``runs`` analyses of ``path``."""
    import seofr

    # a different seed, so the measured text is not already in the caches verbatim
    seofr.analyze(french_html(WARMUP_SIZE, seed=1), input_format="html")
    warm_peak = _peak_mib()
    samples: list[float] = []
    collector: list[float] = []
    words = 0
    for _ in range(runs):
        gc.collect()
        clock = GcClock()
        gc.callbacks.append(clock)
        start = time.perf_counter()
        report = seofr.analyze(path)
        samples.append(time.perf_counter() - start)
        gc.callbacks.remove(clock)
        collector.append(clock.seconds)
        words = int(report.stats["words"])
    return {
        "times_s": samples,
        "gc_s": collector,
        "words": words,
        "warm_peak_mib": warm_peak,
        "peak_mib": _peak_mib(),
    }


def _measure(path: Path, runs: int) -> dict[str, Any]:
    out = child_output(
        [sys.executable, "-m", "benchmarks.scaling", str(path), str(runs)],
        f"scaling child for {path.name}",
    )
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def run(quick: bool) -> Outcome:
    """Measure, print and return the scaling benchmark."""
    heading("scaling: seofr.analyze on generated French HTML, one fresh process per size")
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="seofr-bench-") as folder:
        for label, size in SIZES:
            page = Path(folder) / f"article-{size}.html"
            page.write_text(french_html(size), encoding="utf-8")
            actual = page.stat().st_size
            runs = 1 if quick or size >= REPEAT_BELOW else RUNS
            measured = _measure(page, runs)
            seconds = summary(measured["times_s"])["median"]
            collecting = summary(measured["gc_s"])["median"]
            rows.append(
                {
                    "size": label,
                    "bytes": actual,
                    "words": measured["words"],
                    "runs": runs,
                    "median_s": seconds,
                    "ms_per_kb": seconds * 1000 / (actual / KIB),
                    "gc_s": collecting,
                    "warm_peak_mib": measured["warm_peak_mib"],
                    "peak_mib": measured["peak_mib"],
                    "growth_mib": measured["peak_mib"] - measured["warm_peak_mib"],
                }
            )
            print(f"  {label}: {seconds:.2f} s", flush=True)
    print(
        table(
            ["size", "words", "runs", "median", "ms/KB", "in GC", "peak RSS", "RSS growth"],
            [
                [
                    row["size"],
                    f"{row['words']:,}",
                    row["runs"],
                    f"{row['median_s']:.3f} s",
                    f"{row['ms_per_kb']:.2f}",
                    f"{row['gc_s'] / row['median_s']:.1%}",
                    f"{row['peak_mib']:.0f} MiB",
                    f"{row['growth_mib']:.0f} MiB",
                ]
                for row in rows
            ],
        )
    )
    by_size = {row["size"]: row for row in rows}
    ratio = by_size["3 MB"]["median_s"] / by_size["1 MB"]["median_s"]
    size_ratio = by_size["3 MB"]["bytes"] / by_size["1 MB"]["bytes"]
    per_kb = [row["ms_per_kb"] for row in rows]
    print(
        f"time(3 MB)/time(1 MB) = {ratio:.2f} for a size ratio of {size_ratio:.2f};"
        f" ms/KB from {min(per_kb):.2f} to {max(per_kb):.2f}"
        f" (spread {max(per_kb) / statistics.median(per_kb):.2f}× the median)"
    )
    # the marginal cost of memory: what 2 more MB of HTML add to the peak
    per_mb = (by_size["3 MB"]["growth_mib"] - by_size["1 MB"]["growth_mib"]) / (
        (by_size["3 MB"]["bytes"] - by_size["1 MB"]["bytes"]) / KIB**2
    )
    print(f"peak memory grows by {per_mb:.0f} MiB per extra MB of HTML between 1 MB and 3 MB")
    limit = round(size_ratio * LINEAR_SLACK, 2)
    verdict = Verdict("time(3 MB)/time(1 MB), linear = 3", ratio, limit)
    print(verdict.line())
    return Outcome(
        "scaling",
        {
            "sizes": rows,
            "ratio_3mb_1mb": ratio,
            "size_ratio": size_ratio,
            "memory_mib_per_extra_mb": per_mb,
        },
        [verdict],
    )


if __name__ == "__main__":
    print(json.dumps(child(sys.argv[1], int(sys.argv[2]))))
