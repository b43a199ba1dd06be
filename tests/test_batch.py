"""Batches (order, bad files, processes) and the CLI's report cache."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import seofr
from seofr.batch import Progress
from seofr.report import InputFailure

from .conftest import CORPUS, EXAMPLES


def _files() -> list[Path]:
    return [
        EXAMPLES / "article.md",
        EXAMPLES / "brouillon.html",
        CORPUS / "recette.md",
        CORPUS / "notice.txt",
    ]


def test_batch_keeps_order_and_survives_a_bad_file(tmp_path: Path) -> None:
    missing = tmp_path / "absent.md"
    sources = [_files()[0], missing, _files()[1]]
    results = seofr.analyze_many(sources, processes=1, progress=False)
    assert isinstance(results[1], InputFailure) and "no such file" in results[1].message
    assert [Path(r.path).name for r in results] == ["article.md", "absent.md", "brouillon.html"]


def test_processes_give_the_same_reports() -> None:
    files = _files() * 3
    one = seofr.analyze_many(files, processes=1, progress=False)
    two = seofr.analyze_many(files, processes=2, progress=False)
    assert [json.dumps(r.to_dict()) for r in one] == [json.dumps(r.to_dict()) for r in two]  # type: ignore[union-attr]


def test_batch_equals_single_analysis() -> None:
    batch = seofr.analyze_many(_files(), progress=False)
    single = [seofr.analyze(path) for path in _files()]
    assert [r.to_dict() for r in batch] == [r.to_dict() for r in single]  # type: ignore[union-attr]


def test_progress_bar_only_when_asked_or_on_a_terminal() -> None:
    quiet = io.StringIO()
    bar = Progress(3, quiet)
    bar.advance(1, "a.md")
    assert quiet.getvalue() == ""
    shown = io.StringIO()
    bar = Progress(3, shown, enabled=True)
    bar.advance(2, "dossier/b.md")
    assert "2/3" in shown.getvalue() and "b.md" in shown.getvalue()


def _cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys\n"
        "from seofr.cli import main\n"
        "status = main(sys.argv[1:])\n"
        "print('SPACY' if 'spacy' in sys.modules else 'NO-SPACY', file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_second_run_uses_the_cache_without_spacy(tmp_path: Path) -> None:
    for path in _files()[:2]:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    first = _cli(["check", ".", "--format", "json"], tmp_path)
    assert "SPACY" in first.stderr.split()
    second = _cli(["check", ".", "--format", "json"], tmp_path)
    assert "NO-SPACY" in second.stderr.split()
    assert first.stdout == second.stdout and first.returncode == second.returncode == 1
    # an edited file is analysed again
    article = tmp_path / "article.md"
    article.write_text(article.read_text("utf-8") + "\nUne phrase de plus.\n", "utf-8")
    third = _cli(["check", ".", "--format", "json"], tmp_path)
    assert "SPACY" in third.stderr.split()


def test_configuration_change_invalidates_the_cache(tmp_path: Path) -> None:
    (tmp_path / "brouillon.html").write_bytes((EXAMPLES / "brouillon.html").read_bytes())
    _cli(["check", ".", "--select", "S,M"], tmp_path)
    (tmp_path / "seofr.toml").write_text("fail-under = 5\n", "utf-8")
    again = _cli(["check", ".", "--select", "S,M", "--format", "json"], tmp_path)
    assert json.loads(again.stdout)["documents"][0]["fail_under"] == 5


def test_corrupt_cache_entry_is_ignored_and_rewritten(tmp_path: Path) -> None:
    (tmp_path / "brouillon.html").write_bytes((EXAMPLES / "brouillon.html").read_bytes())
    first = _cli(["check", ".", "--select", "S,M", "--format", "json"], tmp_path)
    entries = list((tmp_path / ".seofr_cache").rglob("*.json"))
    assert len(entries) == 1
    entries[0].write_text("{ not json", "utf-8")
    second = _cli(["check", ".", "--select", "S,M", "--format", "json"], tmp_path)
    assert second.stdout == first.stdout
    assert json.loads(entries[0].read_text("utf-8"))["report"]["path"]


def test_no_cache_flag(tmp_path: Path) -> None:
    (tmp_path / "brouillon.html").write_bytes((EXAMPLES / "brouillon.html").read_bytes())
    _cli(["check", ".", "--select", "S", "--no-cache"], tmp_path)
    assert not (tmp_path / ".seofr_cache").exists()


def test_jobs_option(tmp_path: Path) -> None:
    for path in _files():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    run = _cli(["check", ".", "-j", "2", "--no-cache", "--format", "json"], tmp_path)
    names = [Path(d["path"]).name for d in json.loads(run.stdout)["documents"]]
    assert names == sorted(names)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_a_forked_child_gets_fresh_locks() -> None:
    """A program that forks while a thread holds seofr's locks must not hang its child."""
    from seofr.french import detector, pipeline

    modules = (pipeline, detector)
    for module in modules:
        module._lock.acquire()
    try:
        pid = os.fork()
        if pid == 0:  # the child: both locks must be free
            free = all(module._lock.acquire(timeout=2) for module in modules)
            os._exit(0 if free else 1)
        _, status = os.waitpid(pid, 0)
    finally:
        for module in modules:
            module._lock.release()
    assert os.waitstatus_to_exitcode(status) == 0


def test_worker_chunks_start_with_the_largest_documents_and_stay_small() -> None:
    from seofr.batch import _balanced_chunks
    from seofr.session import Item

    sizes = [100, 70_000, 3_000, 40_000, 30_000, 500, 20, 9_000, 10, 65_000]
    items = [(i, Item(f"d{i}", None, b"x" * n)) for i, n in enumerate(sizes)]
    chunks = [[i for i, _ in chunk] for chunk in _balanced_chunks(items, 3, 64 * 1024)]
    assert sorted(i for chunk in chunks for i in chunk) == list(range(len(sizes)))
    assert chunks[0] == [1] and chunks[1] == [9]  # each larger than the limit alone
    assert chunks[2] == [3]  # 40,000 + 30,000 bytes would pass 64 KiB
    for chunk in chunks:
        held = sum(sizes[i] for i in chunk)
        assert len(chunk) <= 3 and (held <= 64 * 1024 or len(chunk) == 1)


def test_the_fork_server_loads_the_pipeline_only_when_rules_need_it() -> None:
    from seofr.batch import Job, _needs_french
    from seofr.session import arguments_layer

    assert _needs_french(Job(arguments_layer({})), None)
    structural = arguments_layer({"select": ["word-count", "title-length"]})
    assert not _needs_french(Job(structural), None)


def test_preloading_warms_the_default_session_and_freezes_it() -> None:
    # in a fresh interpreter, as the fork server imports it
    code = (
        "import gc, sys\n"
        "import seofr.preload\n"
        "from seofr.french import pipeline\n"
        "print(bool(pipeline._loaded), gc.get_freeze_count() > 100_000)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.split() == ["True", "True"]


def test_the_parent_parses_ahead_while_the_fork_server_loads() -> None:
    # the command line's path: preload, and the first inputs parsed by the parent
    from seofr.batch import Job, run_batch
    from seofr.session import arguments_layer, read_item

    items = [read_item(path, index, 10**7) for index, path in enumerate(_files() * 3)]
    job = Job(arguments_layer({}))
    one = run_batch(items, job, processes=1)
    two = run_batch(items, job, processes=2, chunk_size=2, preload=True)
    assert [json.dumps(r.to_dict()) for r in one] == [json.dumps(r.to_dict()) for r in two]  # type: ignore[union-attr]


def test_parsing_ahead_stops_when_asked_and_leaves_bad_inputs_to_workers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    from seofr import batch
    from seofr.document import Document
    from seofr.errors import InputError
    from seofr.session import Item, Session, arguments_layer

    good = Item("a.md", "a.md", "# Titre\n\nUn paragraphe en français.".encode())
    bad = Item("b.md", "b.md", b"# Illisible")
    job = batch.Job(arguments_layer({}))
    monkeypatch.setattr(batch, "PARSED_AHEAD_BYTES", 10**6)
    real = batch._parse
    stop = threading.Event()
    parsed: list[str] = []

    def parse(item: Item, job: batch.Job, session: Session) -> Document:
        parsed.append(item.label)
        if item is bad:
            raise InputError("input: unreadable")
        if len(parsed) == 3:
            stop.set()  # the pool is ready after the third input
        return real(item, job, session)

    monkeypatch.setattr(batch, "_parse", parse)
    tasks: list[list[batch.Entry]] = [[(0, good), (1, bad)], [(2, good), (3, good)]]
    batch._parsed_ahead(tasks, job, Session(), stop)
    # the bad input is left to its worker (which reports it); parsing stops when asked
    assert [type(entry[1]) for chunk in tasks for entry in chunk] == [
        Document,
        Item,
        Document,
        Item,
    ]
    assert parsed == ["a.md", "b.md", "a.md"]
    # a spent budget stops it too
    monkeypatch.setattr(batch, "_parse", real)
    monkeypatch.setattr(batch, "PARSED_AHEAD_BYTES", 1)
    fresh: list[list[batch.Entry]] = [[(0, good), (1, good)]]
    batch._parsed_ahead(fresh, job, Session(), threading.Event())
    assert [type(entry[1]) for entry in fresh[0]] == [Document, Item]

    # anything else stops parsing ahead, quietly: the workers meet it as before
    def broken(item: Item, job: batch.Job, session: Session) -> Document:
        raise RecursionError("too deep")

    monkeypatch.setattr(batch, "_parse", broken)
    monkeypatch.setattr(batch, "PARSED_AHEAD_BYTES", 10**6)
    untouched: list[list[batch.Entry]] = [[(0, good), (1, good)]]
    batch._parsed_ahead(untouched, job, Session(), threading.Event())
    assert [entry[1] for entry in untouched[0]] == [good, good]
