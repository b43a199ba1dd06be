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

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import islice
from typing import Any, NamedTuple

from seofr.document.model import Block, Heading, SourceMap, Span
from seofr.french.needs import Need
from seofr.french.syllables import count_text_syllables
from seofr.french.words import words_of

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
_ALNUM = re.compile(r"[^\W_]")
_CLOSERS = frozenset("»”\"')]…")
# Parts of speech whose morphology a rule reads (passive voice: auxiliaries, participles).
_MORPH_POS = frozenset({"AUX", "VERB", "ADJ"})


class Token(NamedTuple):
    """A spaCy token, relative to its element's text.

    ``lemma`` is lowercase; ``morph`` is spaCy's ``Feat=Value|…`` string, kept
    for auxiliaries, verbs and adjectives. Lemma, part of speech and morphology
    are empty when no rule asked for them; ``dep`` and ``head`` (the index of
    the head token in the sentence's tokens, -1 when outside or unknown) only
    when a rule needs dependencies.

    A named tuple rather than a frozen dataclass: a document holds thousands of
    tokens, and a tuple is built several times faster.
    """

    text: str
    start: int
    end: int
    lemma: str = ""
    pos: str = ""
    morph: str = ""
    dep: str = ""
    head: int = -1

    @property
    def is_word(self) -> bool:
        """Whether the token holds a letter or a digit (punctuation and symbols do not)."""
        return _ALNUM.search(self.text) is not None

    def has(self, feature: str) -> bool:
        """Whether the morphology holds ``feature``, e.g. ``"VerbForm=Part"``."""
        return feature in self.morph.split("|")


# Builds a named tuple from a tuple of all its fields, without the Python-level
# __new__ that named tuples add: a document makes thousands of tokens and units.
record_from_fields = tuple.__new__


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of one element: its text, tokens, word and syllable counts."""

    element: Element
    element_index: int
    start: int
    end: int
    source_map: SourceMap
    tokens: tuple[Token, ...]
    words: tuple[str, ...]
    syllables: int  # spoken syllables of the words, counted once for every rule

    @property
    def span(self) -> Span:
        """Where the sentence is in the source (computed on demand: few are reported)."""
        return span_of(self.element, self.start, self.end, self.source_map)

    @property
    def text(self) -> str:
        """The sentence as it reads in the element."""
        return self.element.text[self.start : self.end]

    @property
    def word_count(self) -> int:
        """Words by the word-processor definition."""
        return len(self.words)


def span_of(element: Element, start: int, end: int, source_map: SourceMap) -> Span:
    """The source span of ``element.text[start:end]``."""
    source_start = element.source_offset(start)
    return source_map.span(source_start, max(element.source_offset(end), source_start))


def _doc_tokens(doc: Any, text: str, offset: int, needs: frozenset[Need]) -> list[Token]:
    """Every token of a spaCy doc, whitespace included.

    ``doc`` is the chunk of ``text`` that starts at ``offset``; token offsets
    are made relative to ``text``. ``head`` is the head's index in the doc,
    made relative to the sentence by :func:`_sentence_tokens`. The tokens are
    read from the doc's arrays (see :func:`~seofr.french.pipeline.token_rows`):
    a spaCy token object costs more than the seofr token built from it.
    """
    from seofr.french.pipeline import token_rows

    parsed = Need.DEPENDENCIES in needs
    if not (parsed or needs & {Need.LEMMAS, Need.MORPHOLOGY}):
        return [
            record_from_fields(
                Token, (text[start : start + size], start, start + size, "", "", "", "", -1)
            )
            for start, size in ((offset + row[0], row[1]) for row in token_rows(doc, False))
        ]
    strings = doc.vocab.strings
    tokens = []
    for row in token_rows(doc, parsed):
        start = offset + row[0]
        end = start + row[1]
        pos = strings[row[3]]
        fields = (
            text[start:end],
            start,
            end,
            strings[row[2]].lower(),
            pos,
            # morphology is read for verbs and participles only; skip the rest
            strings[row[4]] if pos in _MORPH_POS else "",
            strings[row[5]],
            row[6] if parsed else -1,
        )
        tokens.append(record_from_fields(Token, fields))
    return tokens


def _sentence_bounds(
    doc: Any, tokens: Sequence[Token], text: str, offset: int
) -> list[tuple[int, int, int, int]]:
    """Sentences as (char start, char end, first token, last token + 1).

    ``doc`` is the chunk of ``text`` that starts at ``offset`` (``doc.text``
    would rebuild the string token by token).

    The senter is corrected for French: a "sentence" of punctuation only (a
    closing » after the period) joins the previous one, and so does a sentence
    that starts with a lowercase letter or follows a known abbreviation.
    """
    bounds: list[tuple[int, int, int, int]] = []
    for sent in doc.sents:
        start_char, end_char = sent.start_char, sent.end_char
        first = tokens[sent.start].text
        if bounds:
            previous = bounds[-1]
            last_token = tokens[previous[3] - 1].text.lower()
            only_punct = _ALNUM.search(text, offset + start_char, offset + end_char) is None
            continues = first[:1].islower() or last_token in ABBREVIATIONS
            if only_punct or continues or all(ch in _CLOSERS for ch in first):
                bounds[-1] = (previous[0], end_char, previous[2], sent.end)
                continue
        bounds.append((start_char, end_char, sent.start, sent.end))
    return bounds


def _sentence_tokens(
    tokens: Sequence[Token], first: int, last: int, parsed: bool
) -> tuple[Token, ...]:
    """The tokens of doc indexes ``first``…``last - 1`` without whitespace.

    Parsed heads are doc indexes: they become positions among the kept tokens,
    -1 for a head outside the sentence.
    """
    window = tokens[first:last]
    kept = tuple(t for t in window if not t.text.isspace())
    if not parsed:
        return kept
    position = {
        index: rank
        for rank, index in enumerate(i for i, t in enumerate(window, first) if not t.text.isspace())
    }
    return tuple(t._replace(head=position.get(t.head, -1)) for t in kept)


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
        parsed = Need.DEPENDENCIES in needs
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
                tokens = _doc_tokens(doc, element.text, offset, needs)
                for start, end, first, last in _sentence_bounds(doc, tokens, element.text, offset):
                    text = element.text[offset + start : offset + end]
                    words = tuple(words_of(text))
                    if not words and found:
                        continue
                    found.append(
                        Sentence(
                            element,
                            index,
                            offset + start,
                            offset + end,
                            source_map,
                            _sentence_tokens(tokens, first, last, parsed),
                            words,
                            count_text_syllables(words),
                        )
                    )
            by_element.append(tuple(found))
            sentences.extend(found)
        self.sentences = tuple(sentences)
        self.by_element = tuple(by_element)
        self.extra_tokens = tuple(
            tuple(
                t
                for offset, doc in chunks
                for t in _sentence_tokens(
                    _doc_tokens(doc, text, offset, needs), 0, len(doc), parsed
                )
            )
            for text, chunks in zip(extras, islice(processed, len(extras)), strict=True)
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
