"""Analysing many documents: one pipeline per process, input order kept.

Documents are handed out in small chunks; within a chunk the French pipeline
runs once across all documents (``nlp.pipe`` over their blocks). With
``processes > 1`` the chunks go to worker processes, each with its own
pipeline. A document that cannot be read becomes an :class:`InputFailure`;
the others are still analysed.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from seofr.engine import Engine, Options, Source, options_from, read
from seofr.errors import SeofrError
from seofr.formatters import InputFailure
from seofr.report import Report

Result = Report | InputFailure
# Small enough to keep both workers busy to the end, large enough to batch nlp.pipe.
DEFAULT_CHUNK = 8

_engine: Engine | None = None


def _worker_engine() -> Engine:
    global _engine  # noqa: PLW0603 - one engine (one pipeline) per worker process
    if _engine is None:
        _engine = Engine()
    return _engine


def label(source: Source, index: int) -> str:
    """How a source is named in results: its path, or ``<input N>`` for content."""
    if isinstance(source, os.PathLike):
        return os.fspath(source)
    if isinstance(source, str) and "\n" not in source and len(source) < 4096:
        return source
    return f"<input {index + 1}>"


def _analyze_chunk(
    task: tuple[Sequence[tuple[int, Source]], Options, Source | None],
) -> list[tuple[int, Result]]:
    chunk, options, original = task
    engine = _worker_engine()
    results: list[tuple[int, Result]] = []
    contexts = []
    positions = []
    try:
        original_doc = read(original, options) if original is not None else None
    except SeofrError as exc:
        return [(index, InputFailure(label(source, index), str(exc))) for index, source in chunk]
    for index, source in chunk:
        try:
            contexts.append(engine.context(read(source, options), options, original_doc))
            positions.append(index)
        except SeofrError as exc:
            results.append((index, InputFailure(label(source, index), str(exc))))
    results.extend(zip(positions, engine.check_many(contexts), strict=True))
    return results


class Progress:
    """A one-line progress bar on a terminal; silent elsewhere."""

    def __init__(self, total: int, stream: TextIO | None = None, enabled: bool | None = None):
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr
        self.enabled = (self.stream.isatty() and total > 1) if enabled is None else enabled

    def advance(self, count: int, name: str = "") -> None:
        """Record ``count`` more documents done."""
        self.done += count
        if not self.enabled:
            return
        width = 30
        filled = width * self.done // max(self.total, 1)
        bar = "#" * filled + "." * (width - filled)
        tail = Path(name).name[:40] if name else ""
        self.stream.write(f"\rseofr [{bar}] {self.done}/{self.total} {tail:<40}")
        self.stream.flush()

    def close(self) -> None:
        """Clear the bar."""
        if self.enabled:
            self.stream.write("\r" + " " * 90 + "\r")
            self.stream.flush()


def _chunks(sources: Sequence[Source], size: int) -> Iterator[Sequence[tuple[int, Source]]]:
    indexed = list(enumerate(sources))
    for start in range(0, len(indexed), size):
        yield indexed[start : start + size]


def run_batch(
    sources: Sequence[Source],
    options: Options,
    *,
    processes: int = 1,
    original: Source | None = None,
    on_done: Callable[[int, str], None] | None = None,
    chunk_size: int = DEFAULT_CHUNK,
) -> list[Result]:
    """Analyse ``sources`` and return their results in input order."""
    tasks = [(chunk, options, original) for chunk in _chunks(sources, max(chunk_size, 1))]
    results: list[Result | None] = [None] * len(sources)

    def collect(done: list[tuple[int, Result]]) -> None:
        for index, result in done:
            results[index] = result
        if on_done is not None and done:
            last = done[-1][1]
            on_done(len(done), last.path or "" if isinstance(last, Report) else last.path)

    if processes <= 1 or len(tasks) <= 1:
        for task in tasks:
            collect(_analyze_chunk(task))
    else:
        # fork shares the already imported modules; elsewhere each worker starts afresh
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        with multiprocessing.get_context(method).Pool(processes) as pool:
            for done in pool.imap(_analyze_chunk, tasks):
                collect(done)
    return [r for r in results if r is not None]


def analyze_many(
    sources: Iterable[Source],
    *,
    processes: int = 1,
    progress: bool | None = None,
    original: Source | None = None,
    **settings: Any,
) -> list[Result]:
    """Analyse many documents; see :func:`seofr.analyze` for ``settings``.

    Returns, in input order, a :class:`~seofr.Report` per document or an
    :class:`InputFailure` for a document that could not be read. ``processes``
    worker processes share the work (one French pipeline each); ``progress``
    shows a bar on stderr (default: when stderr is a terminal and there is
    more than one document).
    """
    listed = list(sources)
    bar = Progress(len(listed), enabled=progress)
    try:
        return run_batch(
            listed,
            options_from(**settings),
            processes=processes,
            original=original,
            on_done=bar.advance,
        )
    finally:
        bar.close()
