"""The spaCy French pipeline: one per process, loaded on first need.

Only the components the selected rules need run on a text (never ``ner``); the
dependency parser is loaded only when a rule needs dependencies. spaCy itself is
imported here, in :mod:`seofr.french.fastload` (which loads the model, faster
than ``spacy.load`` and to the same result) and in
:mod:`seofr.french.rulebased` (which runs the attribute ruler and the
lemmatizer as tables, to the same result), nowhere else, so analyses without
NLP never import it.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from seofr.errors import SeofrError
from seofr.french.needs import Need
from seofr.french.rulebased import RULE_BASED, RuleBased, rule_based

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "fr_core_news_md"

# What each analysis needs of the pipeline. The rule-based lemmatizer reads the
# part of speech that the morphologizer and attribute ruler set.
_COMPONENTS: dict[Need, frozenset[str]] = {
    Need.SENTENCES: frozenset({"tok2vec", "senter"}),
    Need.MORPHOLOGY: frozenset({"tok2vec", "morphologizer", "attribute_ruler"}),
    Need.LEMMAS: frozenset({"tok2vec", "morphologizer", "attribute_ruler", "lemmatizer"}),
    Need.DEPENDENCIES: frozenset({"tok2vec", "parser"}),
}
NLP_NEEDS = frozenset(_COMPONENTS)

# Texts longer than this are cut at a sentence end. spaCy's memory grows with the
# characters it holds at once (about 5 MB per 1 000 characters for this pipeline,
# measured), so chunks stay small and a batch holds at most BATCH_CHARS.
MAX_CHUNK = 10_000
BATCH_CHARS = 40_000
MAX_RUN = 1_000
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")

_lock = threading.Lock()


def _fresh_lock() -> None:
    # a child forked while another thread held the lock would wait for ever
    global _lock  # noqa: PLW0603 - replaced in the child of a fork only
    _lock = threading.Lock()


os.register_at_fork(after_in_child=_fresh_lock)
_loaded: dict[bool, Language] = {}


def lemma_lookups() -> Any | None:
    """The French lemmatizer's lookup tables (a spaCy ``Lookups``), or ``None``.

    Taken from a pipeline already loaded (at no cost), else read from the
    model's files (about 0.3 s), without loading the pipeline.
    """
    with _lock:
        for nlp in _loaded.values():
            if "lemmatizer" in nlp.component_names:
                lemmatizer: Any = nlp.get_pipe("lemmatizer")
                return lemmatizer.lookups
    try:
        import spacy.util
        from spacy.about import __version__
        from spacy.lookups import Lookups

        from seofr.french import fastload

        found = sorted(spacy.util.get_package_path(MODEL).glob("*/lemmatizer/lookups"))
        if not found:
            return None
        if fastload.validated(__version__):
            return fastload.read_lookups(found[0] / "lookups.bin")
        return Lookups().from_disk(found[0])
    except (ImportError, OSError, KeyError, ValueError):
        return None


def components_for(needs: Iterable[Need]) -> frozenset[str]:
    """The pipeline components that the given analyses need (sentences always)."""
    names: set[str] = set(_COMPONENTS[Need.SENTENCES])
    for need in needs:
        names |= _COMPONENTS.get(need, frozenset())
    return frozenset(names)


def load_pipeline(with_parser: bool = False) -> Language:
    """The process's French pipeline; with the dependency parser only if asked.

    Loaded by :func:`seofr.french.fastload.load`: its vocabulary's string store
    holds the strings of the texts processed, not all the model's words.
    """
    with _lock:
        if True in _loaded:
            return _loaded[True]
        if not with_parser and False in _loaded:
            return _loaded[False]
        try:
            from seofr.french import fastload

            exclude = ["ner"] if with_parser else ["ner", "parser"]
            nlp = fastload.load(MODEL, exclude)
        except OSError as exc:
            raise SeofrError(
                f"the spaCy model {MODEL} is not installed (pip install {MODEL.replace('_', '-')}):"
                f" {exc}"
            ) from None
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        _loaded[with_parser] = nlp
        return nlp


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """``text`` cut into pieces spaCy handles well.

    Pieces end at a sentence end where possible, within MAX_CHUNK characters.
    A run of more than MAX_RUN characters without a space is cut too: spaCy's
    tokenizer is quadratic on such runs (8,000 « < » take seconds).
    """
    cuts = [
        cut
        for match in _LONG_RUN.finditer(text)
        for cut in range(match.start() + MAX_RUN, match.end(), MAX_RUN)
    ]
    start = 0
    for end in [*cuts, len(text)]:
        yield from _sentence_chunks(text, start, end)
        start = end


def _sentence_chunks(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    while end - start > MAX_CHUNK:
        window = text[start : start + MAX_CHUNK]
        cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "))
        cut = cut + 2 if cut > 0 else window.rfind(" ") + 1 or MAX_CHUNK
        yield start, text[start : start + cut]
        start += cut
    yield start, text[start:end]


def _batches(pieces: Iterable[tuple[int, int, str]]) -> Iterator[list[tuple[int, int, str]]]:
    """Consecutive pieces grouped so that a batch holds at most BATCH_CHARS characters."""
    batch: list[tuple[int, int, str]] = []
    size = 0
    for piece in pieces:
        if batch and size + len(piece[2]) > BATCH_CHARS:
            yield batch
            batch, size = [], 0
        batch.append(piece)
        size += len(piece[2])
    if batch:
        yield batch


def process(texts: Iterable[str], needs: Iterable[Need]) -> Iterator[list[tuple[int, Doc]]]:
    """Run the pipeline over each text; yields, per text, its chunks with their offsets.

    Texts stream through ``nlp.pipe`` in order, in batches of bounded size, so
    sentences never cross from one text to the next and memory stays flat
    whatever the document's length.
    """
    wanted = components_for(needs)
    nlp = load_pipeline(with_parser="parser" in wanted)
    enabled = [name for name in nlp.pipe_names if name in wanted]
    fast = _rule_based(nlp, enabled)
    disable = [
        name
        for name in nlp.pipe_names
        if name not in wanted or (fast is not None and name in RULE_BASED)
    ]
    pieces = (
        (index, offset, chunk)
        for index, text in enumerate(texts)
        for offset, chunk in _chunks(text)
    )
    # every text has at least one chunk, so indexes arrive in order, none skipped
    current: list[tuple[int, Doc]] = []
    current_index = -1
    for batch in _batches(pieces):
        with _lock:
            docs: list[Any] = list(
                nlp.pipe([chunk for _, _, chunk in batch], batch_size=len(batch), disable=disable)
            )
            if fast is not None:
                for doc in docs:
                    fast(doc)
        for (index, offset, _), doc in zip(batch, docs, strict=True):
            if index != current_index:
                if current_index >= 0:
                    yield current
                current, current_index = [], index
            current.append((offset, doc))
    if current_index >= 0:
        yield current


_rule_based_of: dict[tuple[int, tuple[str, ...]], RuleBased | None] = {}


def _rule_based(nlp: Language, enabled: list[str]) -> RuleBased | None:
    """The table version of the rule-based components for these components, if it holds."""
    key = (id(nlp), tuple(enabled))
    with _lock:
        if key not in _rule_based_of:
            _rule_based_of[key] = rule_based(nlp, enabled)
        return _rule_based_of[key]


def token_rows(doc: Doc, parsed: bool) -> list[list[int]]:
    """One row per token of ``doc``, read from its arrays without token objects.

    A row holds the token's character offset and length, then the string-store
    keys of its lemma, part of speech, morphology and dependency label (0 where
    the component did not run), and, when ``parsed``, its head's index in the doc.
    """
    from spacy.attrs import DEP, HEAD, IDX, LEMMA, LENGTH, MORPH, POS

    rows: list[list[int]] = doc.to_array([IDX, LENGTH, LEMMA, POS, MORPH, DEP]).tolist()
    if parsed:
        # heads are stored as offsets from the token, wrapped into unsigned integers
        offsets = doc.to_array(HEAD).astype("int64").tolist()
        for index, (row, offset) in enumerate(zip(rows, offsets, strict=True)):
            row.append(index + offset)
    return rows
