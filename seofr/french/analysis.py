"""French text units of a document: tokens, sentences, syllables, per element.

Tokens come from spaCy, which splits elided forms (``l’``, ``qu’``, ``jusqu’``…)
from the word they lean on: that is the unit for tagging and lemma matching.
Words for counting follow :mod:`seofr.french.words` (``l’homme`` is one word),
so every figure called "words" agrees across rules.

Each heading, list item, paragraph… is processed on its own, so a sentence never
crosses an element boundary; within an element the senter's sentences are
corrected for French (see :func:`_sentence_bounds`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import islice
from typing import Any

from seofr.document.model import Block, Heading, SourceMap, Span
from seofr.french.syllables import count_text_syllables
from seofr.french.words import iter_words
from seofr.rule import Need

Element = Heading | Block

# Abbreviations after which a period does not end a sentence (lowercase, with
# their period). The senter knows most; these are the ones it gets wrong.
ABBREVIATIONS = frozenset(
    [
        "m.",
        "mm.",
        "mme",
        "mmes",
        "mlle",
        "mlles",
        "dr",
        "pr",
        "me.",
        "st",
        "ste",
        "etc.",
        "cf.",
        "p.",
        "ex.",
        "env.",
        "av.",
        "apr.",
        "j.-c.",
        "n°",
        "no.",
        "vol.",
        "chap.",
        "art.",
        "fig.",
        "éd.",
        "coll.",
        "réf.",
        "tél.",
        "min.",
        "max.",
        "approx.",
    ]
)
_CLOSERS = frozenset("»”\"')]…")
# Parts of speech whose morphology a rule reads (passive voice: auxiliaries, participles).
_MORPH_POS = frozenset({"AUX", "VERB", "ADJ"})


@dataclass(frozen=True, slots=True)
class Token:
    """A spaCy token, relative to its element's text.

    ``lemma`` is lowercase; ``morph`` is spaCy's ``Feat=Value|…`` string, kept
    for auxiliaries, verbs and adjectives. Lemma, part of speech and morphology
    are empty when no rule asked for them.
    """

    text: str
    start: int
    end: int
    lemma: str = ""
    pos: str = ""
    morph: str = ""
    dep: str = ""
    head: int = -1  # index of the head token within the sentence, -1 when unknown

    @property
    def is_word(self) -> bool:
        """Whether the token holds a letter or a digit (punctuation and symbols do not)."""
        return any(ch.isalnum() for ch in self.text)

    def has(self, feature: str) -> bool:
        """Whether the morphology holds ``feature``, e.g. ``"VerbForm=Part"``."""
        return feature in self.morph.split("|")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of one element: its text, tokens, word and syllable counts."""

    element: Element
    element_index: int
    start: int
    end: int
    span: Span
    tokens: tuple[Token, ...]
    words: tuple[str, ...]

    @property
    def text(self) -> str:
        """The sentence as it reads in the element."""
        return self.element.text[self.start : self.end]

    @property
    def word_count(self) -> int:
        """Words by the word-processor definition."""
        return len(self.words)

    @property
    def syllables(self) -> int:
        """Spoken syllables of the sentence's words."""
        return count_text_syllables(self.words)


def span_of(element: Element, start: int, end: int, source_map: SourceMap) -> Span:
    """The source span of ``element.text[start:end]``."""
    source_start = element.source_offset(start)
    return source_map.span(source_start, max(element.source_offset(end), source_start))


def _sentence_bounds(doc: Any, text: str) -> list[tuple[int, int, int, int]]:
    """Sentences as (char start, char end, first token, last token + 1).

    The senter is corrected for French: a "sentence" of punctuation only (a
    closing » after the period) joins the previous one, and so does a sentence
    that starts with a lowercase letter or follows a known abbreviation.
    """
    bounds: list[tuple[int, int, int, int]] = []
    for sent in doc.sents:
        start_char, end_char = sent.start_char, sent.end_char
        first = sent[0].text
        if bounds:
            previous = bounds[-1]
            last_token = doc[previous[3] - 1].text.lower()
            only_punct = not any(ch.isalnum() for ch in sent.text)
            continues = first[:1].islower() or last_token in ABBREVIATIONS
            if only_punct or continues or all(ch in _CLOSERS for ch in first):
                bounds[-1] = (previous[0], end_char, previous[2], sent.end)
                continue
        bounds.append((start_char, end_char, sent.start, sent.end))
    return bounds


def _tokens(
    doc: Any, first: int, last: int, offset: int, needs: frozenset[Need]
) -> tuple[Token, ...]:
    tokens = []
    tagged = bool(needs & {Need.LEMMAS, Need.MORPHOLOGY})
    parsed = Need.DEPENDENCIES in needs
    for tok in doc[first:last]:
        if tok.is_space:
            continue
        text = tok.text
        start = tok.idx + offset
        if not tagged:
            tokens.append(Token(text, start, start + len(text)))
            continue
        dep, head = "", -1
        if parsed:
            dep = tok.dep_
            head = tok.head.i - first if first <= tok.head.i < last else -1
        pos = tok.pos_
        tokens.append(
            Token(
                text,
                start,
                start + len(text),
                tok.lemma_.lower(),
                pos,
                # morphology is read for verbs and participles only; skip the rest
                str(tok.morph) if pos in _MORPH_POS else "",
                dep,
                head,
            )
        )
    return tuple(tokens)


class FrenchAnalysis:
    """The French analysis of a document's prose elements, computed at once."""

    def __init__(
        self,
        elements: Sequence[Element],
        needs: Iterable[Need],
        source_map: SourceMap,
        processed: Iterable[list[tuple[int, Any]]] | None = None,
        extras: Sequence[str] = (),
    ) -> None:
        """Analyse ``elements``, and tokenize the short ``extras`` (keyphrases) in the
        same pipeline run; ``processed`` gives the spaCy output of both when a
        batch already ran the pipeline (see :func:`analyze_batch`)."""
        from seofr.french.pipeline import process

        self.elements = tuple(elements)
        needs = frozenset(needs)
        if processed is None:
            processed = process([*(e.text for e in self.elements), *extras], needs)
        processed = iter(processed)
        sentences: list[Sentence] = []
        by_element: list[tuple[Sentence, ...]] = []
        for index, (element, chunks) in enumerate(
            zip(self.elements, islice(processed, len(self.elements)), strict=True)
        ):
            found: list[Sentence] = []
            for offset, doc in chunks:
                for start, end, first, last in _sentence_bounds(doc, doc.text):
                    text = element.text[offset + start : offset + end]
                    words = tuple(m.group() for m in iter_words(text))
                    if not words and found:
                        continue
                    found.append(
                        Sentence(
                            element,
                            index,
                            offset + start,
                            offset + end,
                            span_of(element, offset + start, offset + end, source_map),
                            _tokens(doc, first, last, offset, needs),
                            words,
                        )
                    )
            by_element.append(tuple(found))
            sentences.extend(found)
        self.sentences = tuple(sentences)
        self.by_element = tuple(by_element)
        self.extra_tokens = tuple(
            tuple(t for offset, doc in chunks for t in _tokens(doc, 0, len(doc), offset, needs))
            for chunks in islice(processed, len(extras))
        )

    @cached_property
    def word_count(self) -> int:
        """Words of all sentences."""
        return sum(s.word_count for s in self.sentences)

    @cached_property
    def syllable_count(self) -> int:
        """Spoken syllables of all words."""
        return sum(s.syllables for s in self.sentences)


def analyze_batch(
    documents: Sequence[tuple[Sequence[Element], SourceMap, Sequence[str]]],
    needs: Iterable[Need],
) -> list[FrenchAnalysis]:
    """Analyse several documents (elements, source map, extras) in one ``nlp.pipe`` stream."""
    from seofr.french.pipeline import process

    needs = frozenset(needs)
    texts = (
        text for elements, _, extras in documents for text in [*(e.text for e in elements), *extras]
    )
    stream = process(texts, needs)
    return [
        FrenchAnalysis(
            elements, needs, source_map, islice(stream, len(elements) + len(extras)), extras
        )
        for elements, source_map, extras in documents
    ]
