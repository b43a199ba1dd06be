"""Analysing many documents: one session per process, input order kept.

The parent reads every input once; workers receive the bytes, never a path to
read again. Documents are handed out in small chunks; within a chunk the
French pipeline runs once across all documents (``nlp.pipe`` over their
blocks). With ``processes > 1`` the chunks go to worker processes started with
``forkserver`` where the platform has it, else ``spawn``: a fork of a process
that may hold spaCy's or the language guesser's locks is never taken by
default. For the command line, when the rules need the French pipeline, the
fork server loads it (:mod:`seofr.preload`) before forking the workers, which
then share it; meanwhile the parent parses the first inputs, so that the
workers start on documents already read. The original of a rewrite is read
once per run and parsed once per process. A document that cannot be read
becomes an :class:`InputFailure`; the others are still analysed.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from seofr.config import Layer
from seofr.document import Document
from seofr.errors import SeofrError
from seofr.report import InputFailure, Report
from seofr.session import (
    CALL_KEYWORDS,
    ConfigChoice,
    Item,
    Session,
    Source,
    arguments_layer,
    check_keywords,
    collection_paused,
    default_session,
    guarded,
    label,
    parse_item,
    read_item,
)
from seofr.settings import Settings

# Small enough to keep both workers busy to the end, large enough to batch nlp.pipe.
DEFAULT_CHUNK = 8
# A chunk also stops at this much input: chunks of eight in input order put seven
# of the corpus's largest pages in one chunk, which one worker analysed alone
# while the other waited (two workers: 1.22× faster than one; by size, 1.54×).
CHUNK_BYTES = 64 * 1024
# Input the parent parses while the fork server loads the pipeline, at most.
PARSED_AHEAD_BYTES = 32 * 1024 * 1024


Result = Report | InputFailure


@dataclass(frozen=True)
class Job:
    """What every document of a run shares: settings, configuration, the original's bytes."""

    arguments: Layer
    config: ConfigChoice = None
    original: Item | None = None


def _parse(item: Item, job: Job, session: Session) -> Document:
    return parse_item(item, session.reading_settings(item.path, job.arguments, job.config))


class _Worker:
    """A process's session and the run's original, parsed on first use."""

    session: Session | None = None
    job: Job | None = None
    original: Document | None = None

    @classmethod
    def start(cls, job: Job) -> None:
        """Remember the run's job (a pool initializer: once per worker process)."""
        if cls.session is None:
            cls.session = default_session()
        cls.job, cls.original = job, None
        if job.original is not None:
            cls.original = _parse(job.original, job, cls.session)


# An input as a worker receives it: its bytes, or already parsed by the parent.
Entry = tuple[int, Item | Document]


def _analyze_chunk(chunk: Sequence[Entry]) -> list[tuple[int, Result]]:
    session, job = _Worker.session, _Worker.job
    assert session is not None and job is not None
    with collection_paused():
        return _analyzed(chunk, session, job)


def _analyzed(chunk: Sequence[Entry], session: Session, job: Job) -> list[tuple[int, Result]]:
    results: list[tuple[int, Result]] = []
    contexts = []
    positions = []
    for index, item in chunk:
        try:
            doc = item if isinstance(item, Document) else _parse(item, job, session)
            config = session.config_for(doc, job.arguments, job.config)
            contexts.append(session.context(doc, config, _Worker.original))
            positions.append(index)
        except SeofrError as exc:
            assert isinstance(item, Item)  # a parsed document raises no input error
            results.append((index, InputFailure.of(item.label, exc)))
    results.extend(zip(positions, session.check_many(contexts), strict=True))
    return results


def _parsed_ahead(
    chunks: list[list[Entry]], job: Job, session: Session, stop: threading.Event
) -> None:
    """Parse the chunks' inputs in place, in dispatch order, until ``stop`` is set.

    Run in a thread of the parent while the fork server loads the French
    pipeline (two seconds in which the parent would otherwise wait): the
    workers then start on documents already read. At most
    :data:`PARSED_AHEAD_BYTES` of input, so that a large run keeps most of its
    inputs as bytes; an input that cannot be parsed is left to its worker,
    which reports it.
    """
    budget = PARSED_AHEAD_BYTES
    for chunk in chunks:
        for position, (index, item) in enumerate(chunk):
            if stop.is_set() or budget <= 0:
                return
            assert isinstance(item, Item)
            budget -= len(item.content)
            try:
                chunk[position] = (index, _parse(item, job, session))
            except SeofrError:
                continue
            except Exception:  # its worker meets it again and reports it as before
                return


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


def _chunks(items: Sequence[tuple[int, Item]], size: int) -> Iterator[Sequence[tuple[int, Item]]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _balanced_chunks(
    items: Sequence[tuple[int, Item]], size: int, limit: int = CHUNK_BYTES
) -> Iterator[Sequence[tuple[int, Item]]]:
    """Chunks for worker processes: the largest documents first, so that the long
    ones start early and the small ones fill the end, each chunk at most ``size``
    documents and, but for a single large document, ``limit`` bytes of input."""
    chunk: list[tuple[int, Item]] = []
    held = 0
    for entry in sorted(items, key=lambda e: len(e[1].content), reverse=True):
        weight = len(entry[1].content)
        if chunk and (len(chunk) >= size or held + weight > limit):
            yield chunk
            chunk, held = [], 0
        chunk.append(entry)
        held += weight
    if chunk:
        yield chunk


def _needs_french(job: Job, session: Session | None) -> bool:
    """Whether the run's rules, as its settings select them, need the French pipeline."""
    from seofr.french.pipeline import NLP_NEEDS

    session = session or default_session()
    try:
        config = session.check_arguments(job.arguments, job.config)
    except SeofrError:
        return False
    return any(session.registry.rules[name].needs & NLP_NEEDS for name in config.rules)


def start_method() -> str:
    """``forkserver`` where the platform has it, else ``spawn``; never a bare ``fork``."""
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


def run_batch(
    items: Sequence[Item],
    job: Job,
    *,
    processes: int = 1,
    on_done: Callable[[int, str], None] | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    session: Session | None = None,
    preload: bool = False,
) -> list[Result]:
    """Analyse ``items`` (already read) and return their results in input order.

    ``preload`` lets the fork server load the French pipeline before it forks
    the workers (:mod:`seofr.preload`). It sets the process's fork server
    preload list: for a process seofr owns (the command line), not for a host
    that may have its own.
    """
    indexed = list(enumerate(items))
    size = max(chunk_size, 1)
    parallel = processes > 1 and len(indexed) > size
    chunks = list(_balanced_chunks(indexed, size) if parallel else _chunks(indexed, size))
    results: list[Result | None] = [None] * len(items)

    def collect(done: list[tuple[int, Result]]) -> None:
        for index, result in done:
            results[index] = result
        if on_done is not None and done:
            last = done[-1][1]
            on_done(len(done), last.path or "" if isinstance(last, Report) else last.path)

    if not parallel or len(chunks) <= 1:
        _Worker.session = session or _Worker.session
        try:
            _Worker.start(job)
        except SeofrError as exc:  # the original cannot be read: every document says so
            return [InputFailure.of(item.label, exc) for item in items]
        for chunk in chunks:
            collect(_analyze_chunk(chunk))
    else:
        if job.original is not None:
            try:
                # fail once, here, rather than in every worker
                _parse(job.original, job, session or default_session())
            except SeofrError as exc:
                return [InputFailure.of(item.label, exc) for item in items]
        context = multiprocessing.get_context(start_method())
        tasks: list[list[Entry]] = [list(chunk) for chunk in chunks]
        stop = threading.Event()
        ahead: threading.Thread | None = None
        if preload and context.get_start_method() == "forkserver" and _needs_french(job, session):
            # "__main__" is the default list: functions of the main module stay importable
            context.set_forkserver_preload(["__main__", "seofr.preload"])
            ahead = threading.Thread(
                target=_parsed_ahead, args=(tasks, job, session or default_session(), stop)
            )
            ahead.start()
        try:
            pool = context.Pool(processes, initializer=_Worker.start, initargs=(job,))
        finally:
            # the workers exist once the server has loaded the pipeline: parsing stops here
            stop.set()
            if ahead is not None:
                ahead.join()
        with pool:
            # results are placed by index: the order chunks finish in does not matter
            for done in pool.imap_unordered(_analyze_chunk, tasks):
                collect(done)
    return [r for r in results if r is not None]


def read_items(
    sources: Iterable[Source], max_bytes: int
) -> tuple[list[tuple[int, Item]], list[tuple[int, InputFailure]]]:
    """Read every source once; those that cannot be read become failures."""
    read: list[tuple[int, Item]] = []
    failed: list[tuple[int, InputFailure]] = []
    for index, source in enumerate(sources):
        try:
            read.append((index, read_item(source, index, max_bytes)))
        except SeofrError as exc:
            failed.append((index, InputFailure.of(label(source, index), exc)))
    return read, failed


def analyze_many(
    sources: Iterable[Source],
    *,
    processes: int = 1,
    progress: bool | None = None,
    original: Source | None = None,
    config: ConfigChoice = None,
    **settings: Any,
) -> list[Result]:
    """Analyse many documents; the keyword settings are :func:`seofr.analyze`'s.

    Returns, in input order, a :class:`~seofr.Report` per document or an
    :class:`InputFailure` for a document that could not be read. ``processes``
    worker processes share the work (one French pipeline each); ``progress``
    shows a bar on stderr (default: when stderr is a terminal and there is
    more than one document).
    """
    check_keywords("analyze_many", settings, CALL_KEYWORDS | {"processes", "progress"})
    listed = list(sources)
    max_bytes = settings.get("max_bytes") or Settings().max_bytes

    def run() -> list[Result]:
        arguments = arguments_layer(settings)
        default_session().check_arguments(arguments, False)  # a bad setting stops the run once
        read, failed = read_items(listed, max_bytes)
        results: list[Result | None] = [None] * len(listed)
        for index, failure in failed:
            results[index] = failure
        try:
            original_item = read_item(original, 0, max_bytes) if original is not None else None
        except SeofrError as exc:
            return [InputFailure.of(label(s, i), exc) for i, s in enumerate(listed)]
        job = Job(arguments, config, original_item)
        bar = Progress(len(read), enabled=progress)
        try:
            done = run_batch(
                [item for _, item in read], job, processes=processes, on_done=bar.advance
            )
        finally:
            bar.close()
        for (index, _), result in zip(read, done, strict=True):
            results[index] = result
        return [r for r in results if r is not None]

    return guarded(run)
