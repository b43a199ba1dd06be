"""warm: a full analysis of the bundled article beside the bare spaCy pipeline.

Both sides run in this process after warming up, so neither pays for imports,
model loading or first-call caches. The baseline is what seofr cannot avoid:
``nlp.pipe`` over the document's element texts with exactly the components the
analysis runs. The ratio is seofr's overhead on top of spaCy; the breakdown and
the profile say where that overhead goes.
"""

from __future__ import annotations

import cProfile
import dataclasses
import gc
import pstats
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, cast
from unittest import mock

import seofr
from benchmarks.common import (
    ARTICLE,
    ROOT,
    Outcome,
    Verdict,
    heading,
    ms,
    summary,
    table,
    timed,
)
from seofr.context import Context
from seofr.document import Document, load_document
from seofr.french import pipeline
from seofr.french.needs import Need
from seofr.french.pipeline import NLP_NEEDS, components_for, load_pipeline
from seofr.registry import AnyRule, registry
from seofr.rule import Emitted, Rule
from seofr.session import Session, read
from seofr.settings import Config

RATIO_TARGET = 1.25
RUNS, QUICK_RUNS = 31, 9
WARMUP = 3
# Beyond this relative spread the figures say more about the machine than about seofr.
NOISY = 0.15
# Steps of the breakdown.
READ = "read and parse the document"
SETTINGS = "settings (profile, config files)"
SPACY = "spaCy"
FRENCH = "French analysis (tokens, sentences)"
LANGUAGE = "language guess (Context.language)"
BODY_SPACY = f"{SPACY}, for {FRENCH}"
REST = "rest: context, directives, stats, findings, report"
PROFILE_LINES = 15


def _needs(session: Session, path: Path) -> frozenset[Need]:
    """What the rules of the default profile need, as ``Session.context`` computes it."""
    config = session.config_for(load_document(path))
    return frozenset(need for name in config.rules for need in session.registry.rules[name].needs)


def _bare_pipeline(needs: frozenset[Need]) -> tuple[Callable[[], object], list[str], int, int]:
    """The baseline call, its components, and the number and size of the texts it reads."""
    doc = load_document(ARTICLE)
    texts = [element.text for element in doc.body]
    wanted = components_for(needs)
    nlp = load_pipeline(with_parser="parser" in wanted)
    disable = [name for name in nlp.pipe_names if name not in wanted]

    def run() -> object:
        # nlp.pipe is lazy: the list makes it process every text
        return list(nlp.pipe(texts, disable=disable))

    active = [name for name in nlp.pipe_names if name not in disable]
    return run, active, len(texts), sum(len(text) for text in texts)


def _interleaved(
    first: Callable[[], object], second: Callable[[], object], runs: int
) -> tuple[list[float], list[float]]:
    """Time the two calls alternately, so that a busy spell hits both alike."""
    for _ in range(WARMUP):
        first()
        second()
    a: list[float] = []
    b: list[float] = []
    for _ in range(runs):
        # collect before each timing so that one side does not pay the other's garbage
        gc.collect()
        a.append(timed(first))
        gc.collect()
        b.append(timed(second))
    return a, b


class _Timer:
    """Seconds per step of one analysis; nested steps are not counted twice.

    spaCy is a step of its own wherever it is called from: its time is taken
    out of the step that called it and booked as "spaCy, for <that step>".
    """

    def __init__(self) -> None:
        self.times: dict[str, float] = defaultdict(float)
        self._open: list[str] = []

    @contextmanager
    def step(self, label: str) -> Iterator[None]:
        """Book the time the block takes to ``label``."""
        self._open.append(label)
        start = time.perf_counter()
        try:
            yield
        finally:
            self.times[label] += time.perf_counter() - start
            self._open.pop()

    def rename(self, label: str, new: str) -> None:
        """Book what ``label`` took under ``new`` instead."""
        self.times[new] += self.times.pop(label)

    def spacy(self, seconds: float) -> None:
        """Book a spaCy run to its own step rather than to the step that asked for it."""
        caller = self._open[-1] if self._open else "the engine"
        if self._open:
            self.times[caller] -= seconds
        self.times[f"{SPACY}, for {caller}"] += seconds


class _StagedSession(Session):
    """The real session with timers around its settings, its rules and their analyses.

    Each rule is replaced by a subclass whose ``check`` first computes the lazy
    analyses the rule declares it needs (French analysis, language guess), each
    on its own clock, so that they are not charged to whichever rule asks first.
    Lazy analyses a rule reaches without declaring them stay on its clock, and
    its label names them.
    """

    def __init__(self) -> None:
        self.timer = _Timer()
        base = registry()
        rules = {name: self._timed(rule) for name, rule in base.rules.items()}
        super().__init__(dataclasses.replace(base, rules=rules))

    def config_for(self, doc: Document, arguments: Any = None, config: Any = None) -> Config:
        """The session's configuration of ``doc``, timed."""
        with self.timer.step(SETTINGS):
            return super().config_for(doc, arguments, config)

    def _timed(self, rule: AnyRule) -> AnyRule:
        original = rule.check

        def check(
            instance: Rule[Any], doc: Document, ctx: Context, options: Any
        ) -> Iterator[Emitted]:
            # self.timer is replaced between passes: read it at call time
            if rule.needs & NLP_NEEDS:
                with self.timer.step(FRENCH):
                    _ = ctx.french
            if Need.LANGUAGE in rule.needs:
                with self.timer.step(LANGUAGE):
                    _ = ctx.language
            label = f"rule {rule.name}"
            before = set(vars(ctx))
            with self.timer.step(label):
                found = list(original(instance, doc, ctx, options))
            # cached properties land in the context's __dict__: name those this rule paid for
            first = sorted(set(vars(ctx)) - before)
            if first:
                self.timer.rename(label, f"{label} (first to use ctx.{', ctx.'.join(first)})")
            yield from found

        return cast(AnyRule, type(rule.__name__, (rule,), {"check": check}))


@contextmanager
def _spacy_spied(timer: _Timer) -> Iterator[None]:
    """Time the real ``pipeline.process`` wherever seofr calls it."""
    real = pipeline.process

    def process(texts: Iterable[str], needs: Iterable[Need]) -> Iterator[list[tuple[int, Any]]]:
        start = time.perf_counter()
        # drained at once, so that spaCy's time is not mixed with its consumer's
        done = list(real(texts, needs))
        timer.spacy(time.perf_counter() - start)
        return iter(done)

    with mock.patch.object(pipeline, "process", process):
        yield


def _stages_once(session: _StagedSession, path: str) -> dict[str, float]:
    """One analysis, read then checked as ``Session.analyze`` does, cut into steps.

    The rest (context, directives, stats, findings, report) is what checking
    spends outside the timed steps.
    """
    timer = session.timer = _Timer()
    with timer.step(READ):
        doc = read(path)
    with _spacy_spied(timer):
        check = timed(lambda: session.run(session.context(doc, session.config_for(doc))))
    times = dict(timer.times)
    if FRENCH in times and not any(label.startswith(SPACY) for label in times):
        raise RuntimeError("the French analysis no longer calls pipeline.process: update warm.py")
    times[REST] = check - sum(seconds for label, seconds in times.items() if label != READ)
    return times


def _breakdown(runs: int) -> dict[str, float]:
    """Median time of each step over ``runs`` staged analyses."""
    session = _StagedSession()
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        gc.collect()
        for label, seconds in _stages_once(session, str(ARTICLE)).items():
            samples.setdefault(label, []).append(seconds)
    return {label: statistics.median(values) for label, values in samples.items()}


@dataclass(frozen=True)
class ProfileLine:
    """One function of the profile, per analysis."""

    function: str
    calls: int
    own_ms: float
    total_ms: float


def _where(filename: str) -> str:
    """A short location for a profile line: after site-packages, or repo-relative."""
    path = Path(filename)
    # tested first: the virtual environment lives inside the repository
    if "site-packages" in path.parts:
        return "/".join(path.parts[path.parts.index("site-packages") + 1 :])
    if path.is_relative_to(ROOT):
        return str(path.relative_to(ROOT))
    return filename


def _profile(runs: int) -> tuple[list[ProfileLine], list[ProfileLine]]:
    """cProfile of ``runs`` warm analyses: the top lines by own time, all and seofr's."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(runs):
        seofr.analyze(str(ARTICLE))
    profiler.disable()
    # pstats keeps (primitive calls, calls, own time, total time, callers) per function
    raw: dict[tuple[str, int, str], tuple[int, int, float, float, Any]] = pstats.Stats(
        profiler
    ).stats  # type: ignore[attr-defined]
    lines = [
        ProfileLine(
            f"{_where(file)}:{line}({name})",
            calls // runs,
            own / runs * 1000,
            total / runs * 1000,
        )
        for (file, line, name), (_, calls, own, total, _) in raw.items()
    ]
    by_own = sorted(lines, key=lambda row: row.own_ms, reverse=True)[:PROFILE_LINES]
    ours = sorted(
        (row for row in lines if row.function.startswith(("seofr/", "rules/"))),
        key=lambda row: row.own_ms,
        reverse=True,
    )[:PROFILE_LINES]
    return by_own, ours


def _profile_table(rows: list[ProfileLine]) -> str:
    return table(
        ["function", "calls", "own ms", "total ms"],
        [[row.function, row.calls, f"{row.own_ms:.2f}", f"{row.total_ms:.2f}"] for row in rows],
    )


def run(quick: bool) -> Outcome:
    """Measure, print and return the warm benchmark."""
    heading("warm: full analysis of examples/article.md vs the bare spaCy pipeline")
    runs = QUICK_RUNS if quick else RUNS
    needs = _needs(Session(), ARTICLE)
    bare, components, text_count, chars = _bare_pipeline(needs)
    full_samples, bare_samples = _interleaved(lambda: seofr.analyze(str(ARTICLE)), bare, runs)
    full, base = summary(full_samples), summary(bare_samples)
    # The verdict uses the median of per-pair ratios: the two halves of a pair ran
    # back to back, so they saw the same load. A ratio of medians can compare a
    # quiet median with a busy one when other work comes and goes during the runs.
    ratio = statistics.median(a / b for a, b in zip(full_samples, bare_samples, strict=True))
    of_medians = full["median"] / base["median"]
    print(
        f"{text_count} element texts, {chars} characters; components: {', '.join(components)};"
        f" {runs} interleaved runs each"
    )
    print(
        table(
            ["measurement", "median", "q1", "q3", "min"],
            [
                [label, ms(s["median"]), ms(s["q1"]), ms(s["q3"]), ms(s["min"])]
                for label, s in (("seofr.analyze (default profile)", full), ("bare nlp.pipe", base))
            ],
        )
    )
    print(f"ratio, median of per-pair ratios: {ratio:.3f}   (ratio of medians: {of_medians:.3f})")
    spread = max((s["q3"] - s["q1"]) / s["median"] for s in (full, base))
    if spread > NOISY or abs(of_medians / ratio - 1) > NOISY:
        print(
            f"warning: noisy runs (interquartile range up to {spread:.0%} of the median):"
            " the machine was busy, rerun for steadier figures"
        )

    stages = _breakdown(runs)
    extra = statistics.median(a - b for a, b in zip(full_samples, bare_samples, strict=True))
    ranked = dict(sorted(stages.items(), key=lambda item: item[1], reverse=True))
    total = sum(ranked.values())
    # the baseline's work: spaCy over the body, as the French analysis runs it
    body = ranked[BODY_SPACY]
    beyond = total - body
    print(
        f"\nwhere the time goes (medians of {runs} staged runs, {ms(total)} in all,"
        f" {ms(beyond)} beyond spaCy on the body; per-pair extra over bare = {ms(extra)}):"
    )
    print(
        table(
            ["step", "median", "of analysis", "of extra"],
            [
                [
                    label,
                    ms(s),
                    f"{s / total:.1%}",
                    "" if label == BODY_SPACY else f"{s / beyond:.1%}",
                ]
                for label, s in ranked.items()
            ],
        )
    )
    implied = total / body
    print(f"ratio implied by the breakdown, all steps / spaCy on the body: {implied:.3f}")

    by_own, ours = _profile(max(runs // 3, 3))
    print("\ncProfile, top functions by own time (per analysis):")
    print(_profile_table(by_own))
    print("\ncProfile, seofr's own functions by own time (per analysis):")
    print(_profile_table(ours))

    verdict = Verdict("warm analyze / bare spaCy pipeline", ratio, RATIO_TARGET)
    print(verdict.line())
    return Outcome(
        "warm",
        {
            "document": str(ARTICLE.relative_to(ROOT)),
            "element_texts": text_count,
            "characters": chars,
            "components": components,
            "analyze_s": full,
            "bare_pipeline_s": base,
            "ratio": ratio,
            "ratio_of_medians": of_medians,
            "extra_s": extra,
            "breakdown_s": ranked,
            "breakdown_ratio": implied,
            "profile_by_own_time": [asdict(row) for row in by_own],
            "profile_seofr_by_own_time": [asdict(row) for row in ours],
        },
        [verdict],
    )
