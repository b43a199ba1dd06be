"""``python -m benchmarks [NAME…] [--quick]``: run benchmarks, print them, save JSON.

The results of the run go to ``benchmarks/results/latest.json`` (replacing the
previous run's). The exit status is 0 whatever the figures: benchmarks report,
the PASS/OVER lines say whether each target was met.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from datetime import datetime

from benchmarks import adversarial, batch, cold, keyphrase, pages, scaling, throughput, warm
from benchmarks.common import ROOT, Outcome, heading, load, machine, table

BENCHMARKS: dict[str, Callable[[bool], Outcome]] = {
    "warm": warm.run,
    "cold": cold.run,
    "scaling": scaling.run,
    "keyphrase": keyphrase.run,
    "batch": batch.run,
    "adversarial": adversarial.run,
    "pages": pages.run,
    "throughput": throughput.run,
}
RESULTS = ROOT / "benchmarks" / "results" / "latest.json"


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "names",
        nargs="*",
        metavar="NAME",
        help=f"benchmarks to run ({', '.join(BENCHMARKS)}; default all)",
    )
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args(argv)
    # checked here rather than with choices=, which argparse rejects for an empty list
    unknown = [name for name in args.names if name not in BENCHMARKS]
    if unknown:
        parser.error(
            f"unknown benchmark {', '.join(unknown)} (choose from {', '.join(BENCHMARKS)})"
        )
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen benchmarks; always returns 0."""
    args = _arguments(argv)
    names = args.names or list(BENCHMARKS)
    started = datetime.now().astimezone()
    host = machine()
    load_start = load()
    print(f"seofr benchmarks, {started:%Y-%m-%d %H:%M %Z}{' (quick)' if args.quick else ''}")
    print(
        f"machine: {host['cpu']}, {host['cores']} cores ({host['usable_cores']} usable),"
        f" {host['ram_gib']} GiB RAM; {host['os']}"
    )
    print(
        f"Python {host['python']}, spaCy {host['spacy']}, fr_core_news_md {host['model']},"
        f" seofr {host['seofr']} at {host['commit']}"
    )
    print(f"load average at start (1/5/15 min): {load_start}")
    clock = time.perf_counter()
    outcomes = [BENCHMARKS[name](args.quick) for name in names]
    load_end = load()

    heading("summary")
    print(
        table(
            ["verdict", "target", "value", "limit"],
            [
                ["PASS" if v.met else "OVER", v.target, f"{v.value:.3g}{v.unit}", v.bound]
                for outcome in outcomes
                for v in outcome.verdicts
            ],
        )
    )
    elapsed = time.perf_counter() - clock
    print(f"load average at end (1/5/15 min): {load_end}; suite took {elapsed:.0f} s")

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    record = {
        "date": started.isoformat(timespec="seconds"),
        "quick": args.quick,
        "machine": host,
        "load_average": {"start": load_start, "end": load_end},
        "duration_s": round(elapsed, 1),
        "benchmarks": {
            outcome.name: {
                **outcome.data,
                "verdicts": [v.to_dict() for v in outcome.verdicts],
            }
            for outcome in outcomes
        },
    }
    RESULTS.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"results written to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
