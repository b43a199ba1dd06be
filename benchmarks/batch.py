"""batch: 200 French documents with one and with two worker processes, and the cache.

(1) ``seofr.analyze_many`` over 200 generated French HTML articles (about 6 KB
each), with ``processes=1`` then ``processes=2``, the model already loaded in
this process (for ``processes=1``; the workers of ``processes=2`` come from a
fork server and each load their own). Target: at least 1.6× faster with two. (2) ``seofr check`` over the same files twice in fresh processes
with an empty cache directory: the second run must be at least 10× faster
and never import spaCy.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import ROOT, Outcome, Verdict, heading, table, timed
from benchmarks.corpus import french_html

DOCUMENTS = 200
SIZE = 6 * 1024
SPEEDUP = 1.6
CACHE_SPEEDUP = 10.0

_CLI = (
    "import sys\n"
    "from seofr.cli import main\n"
    "status = main(sys.argv[1:])\n"
    "sys.stderr.write('spacy imported: %s\\n' % ('spacy' in sys.modules))\n"
)


def _write_documents(folder: Path, count: int) -> list[Path]:
    paths = []
    for number in range(count):
        path = folder / f"article-{number:03d}.html"
        path.write_text(french_html(SIZE, seed=100 + number), encoding="utf-8")
        paths.append(path)
    return paths


def _cli(args: list[str], cwd: Path) -> tuple[float, bool]:
    result: list[subprocess.CompletedProcess[str]] = []
    seconds = timed(
        lambda: result.append(
            subprocess.run(
                [sys.executable, "-c", _CLI, *args],
                cwd=cwd,
                capture_output=True,
                text=True,
                check=False,
            )
        )
    )
    return seconds, "spacy imported: True" in result[0].stderr


def run(quick: bool) -> Outcome:
    """Measure batches with one and two processes, then the CLI cache."""
    import seofr

    heading(f"batch: {DOCUMENTS} French documents, processes=1 vs 2, and the report cache")
    count = 60 if quick else DOCUMENTS
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = _write_documents(folder, count)
        seofr.analyze(paths[0])  # the model loaded before processes=1 is timed
        one = timed(lambda: seofr.analyze_many(paths, processes=1, progress=False))
        two = timed(lambda: seofr.analyze_many(paths, processes=2, progress=False))
        cache = folder / "cache"
        first, first_spacy = _cli(["check", str(folder), "--cache-dir", str(cache)], ROOT)
        second, second_spacy = _cli(["check", str(folder), "--cache-dir", str(cache)], ROOT)
    print(
        table(
            ["run", "seconds", "documents per second"],
            [
                ["analyze_many, processes=1", f"{one:.1f}", f"{count / one:.1f}"],
                ["analyze_many, processes=2", f"{two:.1f}", f"{count / two:.1f}"],
                [
                    "seofr check, empty cache (fresh process)",
                    f"{first:.1f}",
                    f"{count / first:.1f}",
                ],
                ["seofr check, cached (fresh process)", f"{second:.2f}", f"{count / second:.0f}"],
            ],
        )
    )
    print(f"spaCy imported: first run {first_spacy}, cached run {second_spacy}")
    return Outcome(
        "batch",
        {
            "documents": count,
            "processes_1_s": one,
            "processes_2_s": two,
            "speedup": one / two,
            "cli_first_s": first,
            "cli_cached_s": second,
            "cache_speedup": first / second,
            "cached_run_imported_spacy": second_spacy,
        },
        [
            # Verdict compares value ≤ limit: state the targets as inverse ratios
            Verdict("time with 2 processes / time with 1", two / one, 1 / SPEEDUP, "×"),
            Verdict("cached CLI run / first CLI run", second / first, 1 / CACHE_SPEEDUP, "×"),
            Verdict("spaCy imported by the cached run", float(second_spacy), 0.0),
        ],
    )
