"""The spaCy French pipeline: one per process, loaded on first need.

Only the components the selected rules need run on a text (never ``ner``); the
dependency parser is loaded only when a rule needs dependencies. spaCy itself is
imported here and nowhere else, so analyses without NLP never import it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from seofr.errors import SeofrError
from seofr.rule import Need

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

# spaCy refuses longer texts; blocks longer than this are cut at a sentence end.
MAX_CHUNK = 100_000

_lock = threading.Lock()
_loaded: dict[bool, Language] = {}


def components_for(needs: Iterable[Need]) -> frozenset[str]:
    """The pipeline components that the given analyses need (sentences always)."""
    names: set[str] = set(_COMPONENTS[Need.SENTENCES])
    for need in needs:
        names |= _COMPONENTS.get(need, frozenset())
    return frozenset(names)


def load_pipeline(with_parser: bool = False) -> Language:
    """The process's French pipeline; with the dependency parser only if asked."""
    with _lock:
        if True in _loaded:
            return _loaded[True]
        if not with_parser and False in _loaded:
            return _loaded[False]
        try:
            import spacy

            exclude = ["ner"] if with_parser else ["ner", "parser"]
            nlp = spacy.load(MODEL, exclude=exclude)
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
    """``text`` cut into pieces spaCy accepts, at sentence ends where possible."""
    start = 0
    while len(text) - start > MAX_CHUNK:
        window = text[start : start + MAX_CHUNK]
        cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "))
        cut = cut + 2 if cut > 0 else window.rfind(" ") + 1 or MAX_CHUNK
        yield start, text[start : start + cut]
        start += cut
    yield start, text[start:]


def process(texts: Iterable[str], needs: Iterable[Need]) -> Iterator[list[tuple[int, Doc]]]:
    """Run the pipeline over each text; yields, per text, its chunks with their offsets.

    Texts are processed in one ``nlp.pipe`` stream, so sentences never cross
    from one text to the next.
    """
    wanted = components_for(needs)
    nlp = load_pipeline(with_parser="parser" in wanted)
    disable = [name for name in nlp.pipe_names if name not in wanted]
    pieces: list[tuple[int, int, str]] = []
    counts: list[int] = []
    for index, text in enumerate(texts):
        chunks = list(_chunks(text))
        counts.append(len(chunks))
        pieces.extend((index, offset, chunk) for offset, chunk in chunks)
    with _lock:
        docs: list[Any] = list(nlp.pipe((chunk for _, _, chunk in pieces), disable=disable))
    position = 0
    for count in counts:
        yield [(pieces[position + i][1], docs[position + i]) for i in range(count)]
        position += count
