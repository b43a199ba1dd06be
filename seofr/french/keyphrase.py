"""Focus keyphrase matching that understands French.

A keyphrase is matched on its *content words*: French function words (the list
in ``data/function_words_fr.txt``) are ignored, and each content word matches
a word of the text with the same lemma, or the same form once case, accents
and the plural or feminine ending are set aside. So « démission » finds
« démissions », « démissionner » finds « démissionne » and « démissionnera »,
« dirigeant » finds « dirigeantes », « OpenAI » finds « openai ». Elision and
hyphens do not hide a word: « l’intelligence » holds « intelligence » and
« vie-privée » holds « vie » and « privée ».

By default the content words may come in any order within one sentence. A
keyphrase written in double quotes must appear as written, function words
included (after the same normalization). With ``derivations``, a word also
matches a word derived from it by a suffix (« démission » ↔ « démissionner »).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources import files
from typing import NamedTuple

from seofr.document.model import Document
from seofr.french.analysis import FrenchAnalysis, Sentence, Token, record_from_fields
from seofr.french.normalize import fold

_PIECE = re.compile(r"[^\W_]+’?")
_QUOTED = re.compile(r'^\s*["“«]\s*(.+?)\s*["”»]\s*$')
# A derived word is the shorter one plus a short suffix: « démission » + « ner ».
_MIN_ROOT = 5
_MAX_SUFFIX = 5


@cache
def function_words() -> frozenset[str]:
    """French function words, folded (accents removed, ’ apostrophes)."""
    text = (files("seofr.french") / "data" / "function_words_fr.txt").read_text(encoding="utf-8")
    entries = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(fold(entry) for entry in entries if entry)


def inflection_stem(form: str) -> str:
    """A folded form without its plural and feminine endings: « dirigeantes » → « dirigeant »."""
    if len(form) > 3 and form[-1] in "sx" and not form.endswith("ss"):
        form = form[:-1]
    if len(form) > 3 and form.endswith("e"):
        form = form[:-1]
    return form


class Unit(NamedTuple):
    """A word of the text for matching: folded form and lemma, offsets in its text.

    ``keys`` are the forms it may be matched by — form, lemma and both without
    their inflection — computed once, so that matching is a set intersection.
    A named tuple, like :class:`~seofr.french.analysis.Token`: there is one per
    word of the document.
    """

    form: str
    lemma: str
    start: int
    end: int
    keys: frozenset[str] = frozenset()
    is_function_word: bool = False


@lru_cache(maxsize=65536)
def _keys(form: str, lemma: str) -> tuple[frozenset[str], bool]:
    # a text repeats its words: compute each (form, lemma) pair's keys once
    keys = frozenset((form, lemma, inflection_stem(form), inflection_stem(lemma)))
    return keys, form in function_words()


def unit(form: str, lemma: str, start: int, end: int) -> Unit:
    """A :class:`Unit` with its match keys."""
    keys, is_function_word = _keys(form, lemma)
    return Unit(form, lemma, start, end, keys, is_function_word)


# A unit of a token before placing it: form, lemma, offsets in the token, keys.
_Piece = tuple[str, str, int, int, frozenset[str], bool]


@lru_cache(maxsize=65536)
def _token_pieces(text: str, lemma: str) -> tuple[_Piece, ...]:
    """The units of a token, relative to it; cached, as a text repeats its words."""
    folded = fold(text)
    folded_lemma = fold(lemma) if lemma else folded
    pieces = list(_PIECE.finditer(folded))
    if folded.isalnum() or (len(pieces) == 1 and pieces[0].group() == folded):
        return ((folded, folded_lemma, 0, len(text), *_keys(folded, folded_lemma)),)
    # « vie-privée », « week-end », « Saint-Étienne »: each part alone, its own lemma
    return tuple(
        (m.group(), m.group(), m.start(), m.end(), *_keys(m.group(), m.group())) for m in pieces
    )


def units_of(tokens: Iterable[Token]) -> list[Unit]:
    """Matching units of spaCy tokens: elisions are already split; hyphens split here."""
    return [
        record_from_fields(
            Unit, (form, lemma, token.start + start, token.start + end, keys, is_function_word)
        )
        for token in tokens
        for form, lemma, start, end, keys, is_function_word in _token_pieces(
            token.text, token.lemma
        )
    ]


def units_of_text(text: str, lemmas: Mapping[str, str] | None = None) -> list[Unit]:
    """Matching units of a short text without running the pipeline on it.

    ``lemmas`` maps folded forms to lemmas, as the document's own prose showed
    them; other forms stand for their lemma (slugs, file names, rare words).
    """
    lemmas = lemmas or {}
    return [
        unit(m.group(), lemmas.get(m.group(), m.group()), m.start(), m.end())
        for m in _PIECE.finditer(fold(text))
    ]


def lemma_map(sentences: Iterable[Sentence]) -> dict[str, str]:
    """Folded form → folded lemma, from the tagged prose (the first reading wins)."""
    found: dict[str, str] = {}
    for sentence in sentences:
        for token in sentence.tokens:
            if token.lemma:
                found.setdefault(fold(token.text), fold(token.lemma))
    return found


@dataclass(frozen=True)
class Keyphrase:
    """A parsed keyphrase: its content words, or its exact token sequence when quoted."""

    text: str
    words: tuple[Unit, ...]
    exact: tuple[str, ...] | None = None

    @property
    def is_empty(self) -> bool:
        """Whether nothing of the keyphrase can be matched (function words only)."""
        return not self.words and not self.exact


def parse_keyphrase(text: str, tokens: Sequence[Token]) -> Keyphrase:
    """The keyphrase ``text``, whose spaCy ``tokens`` give the lemmas of its words."""
    quoted = _QUOTED.match(text)
    units = units_of(tokens) if tokens else units_of_text(text)
    if quoted:
        exact = tuple(u.form for u in units)
        return Keyphrase(text, tuple(u for u in units if not u.is_function_word), exact or None)
    return Keyphrase(text, tuple(u for u in units if not u.is_function_word))


class Matcher:
    """Finds a keyphrase in units of text."""

    def __init__(self, keyphrase: Keyphrase, derivations: bool = False) -> None:
        self.keyphrase = keyphrase
        self.derivations = derivations

    def positions(self, word: Unit, units: Sequence[Unit]) -> list[int]:
        """Indexes of the content units that are the keyphrase ``word``, inflected or not."""
        keys = word.keys
        derivations = self.derivations
        # inlined rather than a call per unit: this runs on every word of the text
        return [
            i
            for i, unit in enumerate(units)
            if not unit.is_function_word
            and (
                not keys.isdisjoint(unit.keys) or (derivations and _derived(unit.lemma, word.lemma))
            )
        ]

    def occurrences(self, units: Sequence[Unit]) -> list[tuple[int, int]]:
        """The keyphrase's occurrences in one sentence, as (start, end) offsets.

        In any order, an occurrence takes one unit per content word; a sentence
        holding each content word twice holds the keyphrase twice.
        """
        if self.keyphrase.exact:
            return self._exact(units)
        words = self.keyphrase.words
        if not words:
            return []
        positions = [self.positions(w, units) for w in words]
        found = []
        for k in range(min(len(p) for p in positions)):
            picked = [units[p[k]] for p in positions]
            found.append((min(u.start for u in picked), max(u.end for u in picked)))
        return found

    def _exact(self, units: Sequence[Unit]) -> list[tuple[int, int]]:
        wanted = self.keyphrase.exact or ()
        size = len(wanted)
        found = []
        for index in range(len(units) - size + 1):
            window = units[index : index + size]
            if all(
                u.form == w or (not u.is_function_word and self._same_form(w, u))
                for u, w in zip(window, wanted, strict=True)
            ):
                found.append((window[0].start, window[-1].end))
        return found

    def _same_form(self, form: str, candidate: Unit) -> bool:
        return inflection_stem(candidate.form) == inflection_stem(form)

    def coverage(self, units: Sequence[Unit]) -> float:
        """The share of content words present in ``units`` (0 to 1)."""
        words = self.keyphrase.words
        if not words:
            return 0.0
        present = sum(1 for w in words if self.positions(w, units))
        return present / len(words)

    def count(self, units: Sequence[Unit]) -> int:
        """How many times the keyphrase occurs in ``units``."""
        return len(self.occurrences(units))


def _derived(first: str, second: str) -> bool:
    short, long = sorted((first, second), key=len)
    return (
        len(short) >= _MIN_ROOT and long.startswith(short) and len(long) - len(short) <= _MAX_SUFFIX
    )


def sentence_units(sentence: Sentence) -> list[Unit]:
    """Matching units of a sentence, offsets relative to its element's text."""
    return units_of(sentence.tokens)


# Parts of speech that make a keyphrase candidate.
_CANDIDATE_POS = frozenset({"NOUN", "PROPN", "ADJ"})
_JOINERS = frozenset({"de", "d’"})
_MAX_CANDIDATE_WORDS = 3


@dataclass
class _Candidate:
    count: int = 0
    proper: bool = False
    forms: Counter[str] = field(default_factory=Counter)


def suggest_keyphrases(
    sentences: Sequence[Sentence], emphasized: Sequence[Sequence[Unit]], limit: int = 5
) -> list[str]:
    """Up to ``limit`` candidate keyphrases: lemma n-grams of nouns, names and adjectives.

    A candidate is a run of one to three such words (a « de » may join them:
    « démission de Willner ») seen at least twice. Its weight is its frequency,
    doubled when all its words are in ``emphasized`` texts (title, headings),
    raised by half for a proper noun and for each extra word. A candidate is
    dropped when a longer one holding it is at least half as frequent.
    Candidates are shown in their most frequent written form.
    """
    found: dict[tuple[str, ...], _Candidate] = {}
    for sentence in sentences:
        tokens = [t for t in sentence.tokens if t.is_word]
        for start, first in enumerate(tokens):
            if first.pos not in _CANDIDATE_POS or len(first.text) < 2:
                continue
            key: list[str] = []
            for token in tokens[start : start + 2 * _MAX_CANDIDATE_WORDS]:
                folded = fold(token.text)
                if folded in _JOINERS and key and key[-1] not in _JOINERS:
                    key.append(folded)
                    continue
                if (
                    token.pos not in _CANDIDATE_POS
                    or len(key) - key.count("de") >= _MAX_CANDIDATE_WORDS
                ):
                    break
                key.append(folded if token.pos == "PROPN" else fold(token.lemma or token.text))
                candidate = found.setdefault(tuple(key), _Candidate())
                candidate.count += 1
                candidate.proper = candidate.proper or token.pos == "PROPN"
                candidate.forms[sentence.element.text[first.start : token.end]] += 1
    stems = {inflection_stem(u.lemma) for units in emphasized for u in units}

    def content(key: tuple[str, ...]) -> list[str]:
        return [w for w in key if w not in _JOINERS]

    def weight(key: tuple[str, ...]) -> float:
        candidate = found[key]
        words = content(key)
        in_title = sum(1 for w in words if inflection_stem(w) in stems) / len(words)
        proper = 1.5 if candidate.proper else 1.0
        return candidate.count * (1 + in_title) * proper * (1 + 0.5 * (len(words) - 1))

    kept = [
        key
        for key, candidate in found.items()
        if candidate.count >= 2
        and not any(
            len(longer) > len(key) and _contains(longer, key) and other.count * 2 >= candidate.count
            for longer, other in found.items()
        )
    ]
    ranked = sorted(kept, key=lambda k: (-weight(k), k))[:limit]
    return [found[key].forms.most_common(1)[0][0] for key in ranked]


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


class KeyphraseAnalysis:
    """Everything the keyphrase rules match against, analysed once per document.

    Body sentences come from the document's :class:`FrenchAnalysis`; the short
    texts (keyphrases, synonyms, title, description, image alts, link anchors)
    go through the pipeline together in one batch.
    """

    def __init__(
        self,
        doc: Document,
        french: FrenchAnalysis,
        keyphrases: Sequence[str],
        synonyms: Sequence[str],
        derivations: bool,
    ) -> None:
        self.sentences = french.sentences
        self.sentence_units = [units_of(s.tokens) for s in french.sentences]
        lemmas = lemma_map(french.sentences)
        tagged = french.extra_tokens
        count = len(keyphrases)
        self.matchers = [
            Matcher(parse_keyphrase(text, tagged[i] if i < len(tagged) else ()), derivations)
            for i, text in enumerate(keyphrases)
        ]
        self.synonym_matchers = [
            Matcher(
                parse_keyphrase(text, tagged[count + i] if count + i < len(tagged) else ()),
                derivations,
            )
            for i, text in enumerate(synonyms)
        ]
        self.title_units = units_of_text(doc.title.value if doc.title else "", lemmas)
        self.description_units = units_of_text(
            doc.meta_description.value if doc.meta_description else "", lemmas
        )
        self.alt_units = [units_of_text(image.alt or "", lemmas) for image in doc.images]
        self.anchor_units = [units_of_text(link.text, lemmas) for link in doc.links]
        self._counts: dict[tuple[int, int], int] = {}

    def count_in_sentence(self, matcher: Matcher, sentence: int) -> int:
        """Occurrences of ``matcher``'s keyphrase in sentence ``sentence`` (memoized)."""
        key = (id(matcher), sentence)
        if key not in self._counts:
            self._counts[key] = matcher.count(self.sentence_units[sentence])
        return self._counts[key]

    def topic_matchers(self, index: int) -> list[Matcher]:
        """The matcher of keyphrase ``index`` and those of the synonyms."""
        return [self.matchers[index], *self.synonym_matchers]
