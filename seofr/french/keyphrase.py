"""Focus keyphrase matching that understands French.

A keyphrase is matched on its *content words*: French function words (the list
in ``data/function_words_fr.txt``, cardinal numbers included) are ignored, and
each content word matches a word of the text that shares a *key* with it. The
keys of a word are its form and its lemma, spelled the same way
(:func:`~seofr.french.normalize.fold_spelling`: lowercase, œ → oe, every
apostrophe ’, accents kept), and, when they apply:

- the lemma spaCy's French lexicon gives, when the tagger left the form
  unlemmatized (a word alone, badly tagged, a rare tense: « démissionnèrent »);
- an irregular lemma from ``data/keyphrase_lemmas_fr.txt`` (« travaux » →
  travail, « vieil » → vieux), and the masculine of a feminine in -trice,
  -euse or -eresse when the lexicon knows it (« vendeuse » → vendeur);
- for a form the lexicon does not know (a neologism, a brand), the form
  without its plural ending, or its plural and feminine endings — never a
  known word made from a known word (« vente » is not « vent » + e).

Accents are compared first: « côte » and « côté », both known, never match.
Only when one of the two words is unknown to the lexicon (« velo », « Ecole »)
are they compared without accents. Function words are recognised with their
accents, so « sûr », « dû » and « né » are content words.

A noun of the keyphrase does not match a verb of the text, nor the other way
round, when both parts of speech are sure: in the text, a finite verb after
its subject (« il ferme », « les poules couvent ») or a word after a
determiner; in the keyphrase, the tag spaCy gives it.

So « démission » finds « démissions », « démissionner » finds « démissionne »
and « démissionnera », « dirigeant » finds « dirigeantes », « OpenAI » finds
« openai ». Elision and hyphens do not hide a word: « l’intelligence » holds
« intelligence » and « vie-privée » holds « vie » and « privée ». See
``docs/keyphrase.md`` for the decisions and a measured table of examples.

By default the content words may come in any order within one sentence. A
keyphrase written in double quotes must appear as written, function words
included (after the same normalization). With ``derivations``, a word also
matches a word derived from it by a suffix (« démission » ↔ « démissionner »).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any, NamedTuple

from seofr.document.model import Document
from seofr.french.analysis import _ALNUM, FrenchAnalysis, Sentence, Token, record_from_fields
from seofr.french.normalize import fold, fold_spelling, strip_accents
from seofr.french.rulebased import lemma_index_sets

_PIECE = re.compile(r"[^\W_]+’?")
_QUOTED = re.compile(r'^\s*["“«]\s*(.+?)\s*["”»]\s*$')
# A derived word is the shorter one plus a short suffix: « démission » + « ner ».
_MIN_ROOT = 5
_MAX_SUFFIX = 5
_EMPTY: frozenset[str] = frozenset()
_LOOSE = "~"  # marks a key without accents, held by the words the lexicon does not know
_VERBAL = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN", "ADJ"})
_SUBJECT_POS = frozenset({"PRON", "NOUN", "PROPN"})
# Feminine endings and their masculine (Le Bon Usage: feminine of nouns): checked
# against the lexicon, so « matrice » does not become « mateur ».
_FEMININE_ENDINGS = (
    ("trices", "teur"),
    ("trice", "teur"),
    ("euses", "eur"),
    ("euse", "eur"),
    ("eresses", "eur"),
    ("eresse", "eur"),
)
# Subject pronouns: a word right after one is a verb (« elle place ses pions »).
_SUBJECTS = frozenset({"je", "j’", "tu", "il", "ils", "elle", "elles", "on"})


def _read_data(name: str) -> list[str]:
    text = (files("seofr.french") / "data" / name).read_text(encoding="utf-8")
    entries = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [entry for entry in entries if entry]


@cache
def function_words() -> frozenset[str]:
    """French function words, spelled as :func:`fold_spelling` does (accents kept)."""
    return frozenset(fold_spelling(entry) for entry in _read_data("function_words_fr.txt"))


@cache
def _unaccented_function_words() -> frozenset[str]:
    return frozenset(strip_accents(word) for word in function_words())


@cache
def irregular_lemmas() -> dict[str, tuple[str, frozenset[str]]]:
    """Form → (lemma, parts of speech it holds for, empty for any), from the data file."""
    table: dict[str, tuple[str, frozenset[str]]] = {}
    for entry in _read_data("keyphrase_lemmas_fr.txt"):
        form, lemma, *pos = entry.split()
        table[fold_spelling(form)] = (
            fold_spelling(lemma),
            frozenset(pos[0].split(",")) if pos else _EMPTY,
        )
    return table


class Lexicon:
    """French forms and lemmas: the tables of spaCy's French rule lemmatizer.

    ``lemma_lookup`` maps 217 000 forms to a lemma, ``lemma_index`` lists the
    lemmas of nouns, adjectives, verbs and adverbs, ``lemma_exc`` and
    ``lemma_rules`` give verb forms their infinitive. A form in none of them is
    *unknown*. Without the model, every form is unknown, and matching falls
    back to comparing forms without accents and endings.
    """

    def __init__(self, lookups: Any = None) -> None:
        self._lookup: Any = {}
        self._verb_exc: Any = {}
        self._verb_rules: list[list[str]] = []
        self.nominal_lemmas: frozenset[str] = _EMPTY
        self.verb_lemmas: frozenset[str] = _EMPTY
        self.lemmas: frozenset[str] = _EMPTY
        if lookups is None:
            return
        self._lookup = lookups.get_table("lemma_lookup")
        index = lemma_index_sets(lookups)
        self.nominal_lemmas = index.get("noun", _EMPTY) | index.get("adj", _EMPTY)
        self.verb_lemmas = index.get("verb", _EMPTY)
        self.lemmas = self.nominal_lemmas | self.verb_lemmas | index.get("adv", _EMPTY)
        self._verb_exc = lookups.get_table("lemma_exc").get("verb", {})
        # the model's rules lack the present's -e (« ferme » → fermer): added
        self._verb_rules = [*lookups.get_table("lemma_rules").get("verb", []), ["e", "er"]]

    def known(self, form: str) -> bool:
        """Whether the lexicon knows ``form``, as a lemma or as an inflected form."""
        return form in self.lemmas or form in self._lookup

    def lookup(self, form: str) -> str:
        """The lexicon's lemma of ``form`` (one per form, whatever its part of speech), or ''."""
        found = self._lookup.get(form)
        return str(found[0]) if found else ""

    def verb_lemma(self, form: str) -> str:
        """The infinitive of a verb form, as spaCy's rule lemmatizer finds it, or ''."""
        if form in self.verb_lemmas:
            return form
        found = self._verb_exc.get(form)
        if found:
            return str(found[0])
        for old, new in self._verb_rules:
            if form.endswith(old):
                candidate = form[: len(form) - len(old)] + new
                if candidate in self.verb_lemmas:
                    return candidate
        return ""


@cache
def lexicon() -> Lexicon:
    """The process's lexicon, loaded once: from the loaded pipeline, else from the model's files.

    Reading the tables from disk takes about half a second; an analysis that
    ran the pipeline pays nothing, the lemmatizer already holds them.
    """
    from seofr.french.pipeline import lemma_lookups

    lookups = lemma_lookups()
    return Lexicon(lookups) if lookups is not None else Lexicon()


def inflection_stem(form: str) -> str:
    """A folded form without its plural and feminine endings: « dirigeantes » → « dirigeant »."""
    if len(form) > 3 and form[-1] in "sx" and not form.endswith("ss"):
        form = form[:-1]
    if len(form) > 3 and form.endswith("e"):
        form = form[:-1]
    return form


def _masculine(form: str, lex: Lexicon) -> str:
    """The masculine of a feminine noun or adjective in -trice, -euse, -eresse, if known."""
    for ending, replacement in _FEMININE_ENDINGS:
        if form.endswith(ending):
            candidate = form[: len(form) - len(ending)] + replacement
            return candidate if candidate in lex.nominal_lemmas else ""
    return ""


def _irregular(form: str, pos: str) -> str:
    entry = irregular_lemmas().get(form)
    if entry and (not pos or not entry[1] or pos in entry[1]):
        return entry[0]
    return ""


def _stem_keys(form: str, lex: Lexicon) -> set[str]:
    """Keys of a form the lexicon does not know: the form without its endings.

    The plural ending alone may lead to a known word (« startups » → startup);
    the feminine -e only to another unknown one, so that a known word is never
    reached through a letter it does not inflect with.
    """
    singular = form
    if len(form) > 3 and form[-1] in "sx" and not form.endswith("ss"):
        singular = form[:-1]
        if lex.known(singular):
            return {singular, lex.lookup(singular) or singular}
    if len(singular) > 3 and singular.endswith("e") and not lex.known(singular[:-1]):
        return {singular, singular[:-1]}
    return {singular}


class Unit(NamedTuple):
    """A word of the text for matching: spelled form and lemma, offsets in its text.

    ``keys`` are the forms it may be matched by (see the module's docstring),
    computed once, so that matching is a set intersection; when the lexicon
    does not know the form, they also hold the same forms without accents,
    marked with a leading ``~`` (a known word is compared with its accents).
    ``folded`` are the keys without accents, for a keyphrase word the lexicon
    does not know. ``word_class``
    is « N » for a sure noun or adjective, « V » for a sure verb, else empty;
    for a text's word it is read only when the word matches (:func:`word_class`),
    from ``token`` and the two tokens before it.
    A named tuple, like :class:`~seofr.french.analysis.Token`: there is one per
    word of the document.
    """

    form: str
    lemma: str
    start: int
    end: int
    keys: frozenset[str] = frozenset()
    is_function_word: bool = False
    folded: frozenset[str] = frozenset()
    known: bool = True
    word_class: str = ""
    # a text's word: its token and the two before, to read its class when it matches
    token: Token | None = None
    previous: Token | None = None
    before: Token | None = None


# What a (form, lemma, part of speech) gives a unit: keys, function word, folded, known.
_Keys = tuple[frozenset[str], bool, frozenset[str], bool]


@lru_cache(maxsize=65536)
def _keys(form: str, lemma: str, pos: str = "") -> _Keys:
    # a text repeats its words: compute each (form, lemma, pos) once
    lex = lexicon()
    known = lex.known(form)
    keys = {form, lemma} if lemma else {form}
    if not lemma or lemma == form:
        # the lemmatizer left the form as it is: alone, badly tagged, a rare tense
        if pos in _VERBAL:
            keys.add(lex.verb_lemma(form))
        elif form not in lex.lemmas:
            keys.add(lex.lookup(form))
    for word in (form, lemma):
        keys.add(_irregular(word, pos))
        keys.add(_masculine(word, lex))
    if not known:
        keys |= _stem_keys(form, lex)
    keys.discard("")
    function = form in function_words() or (
        not known and form == strip_accents(form) and form in _unaccented_function_words()
    )
    folded = frozenset(strip_accents(key) for key in keys)
    if not known:
        keys.update(_LOOSE + key for key in folded)
    return frozenset(keys), function, folded, known


def probe_keys(word: Unit) -> frozenset[str]:
    """The keys a known keyphrase word looks for: its own, and loose ones without accents."""
    return word.keys | frozenset(_LOOSE + key for key in word.folded)


def unit(
    form: str, lemma: str, start: int, end: int, *, pos: str = "", word_class: str = ""
) -> Unit:
    """A :class:`Unit` with its match keys (``form`` and ``lemma`` spelled by :func:`fold_spelling`)."""
    return Unit(form, lemma, start, end, *_keys(form, lemma, pos), word_class)


# A unit of a token before placing it: form, lemma, offsets in the token, keys…
_Piece = tuple[str, str, int, int, frozenset[str], bool, frozenset[str], bool]


@lru_cache(maxsize=65536)
def _token_pieces(text: str, lemma: str, pos: str) -> tuple[_Piece, ...]:
    """The units of a token, relative to it; cached, as a text repeats its words."""
    # word boundaries are found in the length-preserving fold, so offsets hold
    pieces = list(_PIECE.finditer(fold(text)))
    if len(pieces) == 1 and pieces[0].end() - pieces[0].start() == len(text):
        form = fold_spelling(text)
        spelled_lemma = fold_spelling(lemma) if lemma else form
        return ((form, spelled_lemma, 0, len(text), *_keys(form, spelled_lemma, pos)),)
    # « vie-privée », « week-end », « lʼéquipe »: each part alone, its own lemma
    found = []
    for m in pieces:
        form = fold_spelling(text[m.start() : m.end()])
        found.append((form, form, m.start(), m.end(), *_keys(form, form, "")))
    return tuple(found)


def _text_class(token: Token, previous: Token | None, before: Token | None) -> str:
    """« V » for a sure verb, « N » for a sure noun or adjective, else ''.

    spaCy gives no probability: the context makes the tag sure. A finite verb
    after a pronoun or a noun (its subject); a noun or adjective after a
    determiner; and a word the tagger calls a noun right after a subject
    pronoun is a verb when the lexicon knows it as one (« elle place »).
    """
    if previous is None:
        return ""
    if token.pos in _VERBAL:
        return "V" if previous.pos in _SUBJECT_POS and "VerbForm=Fin" in token.morph else ""
    if previous.pos == "DET":
        return "N"
    if (
        previous.pos == "PRON"
        and fold_spelling(previous.text) in _SUBJECTS
        and (before is None or before.pos != "ADP")
        and lexicon().verb_lemma(fold_spelling(token.text))
    ):
        return "V"
    return ""


def _keyphrase_class(token: Token, previous: Token | None, before: Token | None) -> str:
    """The class of a keyphrase word: sure in context as in a text, else as tagged.

    A keyphrase is short and often a lone word, which spaCy tags with no
    context: a verb tag holds only for an infinitive or a form that is no
    noun or adjective (« vélo » alone is tagged as a participle).
    """
    in_context = _text_class(token, previous, before)
    if in_context:
        return in_context
    if token.pos in _VERBAL:
        form = fold_spelling(token.text)
        if "VerbForm=Inf" in token.morph or form not in lexicon().nominal_lemmas:
            return "V"
        return "N"
    return "N" if token.pos in _NOMINAL else ""


def word_class(unit: Unit) -> str:
    """The class of a unit: a keyphrase's, or a text's read in context (:func:`_text_class`)."""
    if unit.word_class or unit.token is None:
        return unit.word_class
    return _text_class(unit.token, unit.previous, unit.before)


def units_of(tokens: Sequence[Token], keyphrase: bool = False) -> list[Unit]:
    """Matching units of spaCy tokens: elisions are already split; hyphens split here.

    ``keyphrase`` says the tokens are a keyphrase's, classed at once
    (:func:`_keyphrase_class`); a text's word is classed only when it matches,
    from its token and the two before it.
    """
    if keyphrase:
        return _keyphrase_units(tokens)
    # one comprehension rather than a loop: this runs on every word of the text
    return [
        record_from_fields(
            Unit,
            (p[0], p[1], t.start + p[2], t.start + p[3], p[4], p[5], p[6], p[7], "", t, previous, before),
        )
        for t, previous, before in zip(tokens, (None, *tokens), (None, None, *tokens), strict=False)
        for p in _token_pieces(t.text, t.lemma, t.pos)
    ]  # fmt: skip


def _keyphrase_units(tokens: Sequence[Token]) -> list[Unit]:
    found = []
    previous: Token | None = None
    before: Token | None = None
    for token in tokens:
        pieces = _token_pieces(token.text, token.lemma, token.pos)
        single = len(pieces) == 1
        cls = _keyphrase_class(token, previous, before) if single and token.pos else ""
        for p in pieces:
            fields = (p[0], p[1], token.start + p[2], token.start + p[3], p[4], p[5], p[6], p[7], cls)  # fmt: skip
            found.append(record_from_fields(Unit, (*fields, None, None, None)))
        before, previous = previous, token
    return found


def units_of_text(text: str, lemmas: Mapping[str, str] | None = None) -> list[Unit]:
    """Matching units of a short text without running the pipeline on it.

    ``lemmas`` maps spelled forms to lemmas, as the document's own prose showed
    them; other forms stand for their lemma (slugs, file names, rare words).
    """
    lemmas = lemmas or {}
    found = []
    for m in _PIECE.finditer(fold(text)):
        form = fold_spelling(text[m.start() : m.end()])
        found.append(unit(form, lemmas.get(form, form), m.start(), m.end()))
    return found


def lemma_map(sentences: Iterable[Sentence]) -> dict[str, str]:
    """Spelled form → spelled lemma, from the tagged prose (the first reading wins)."""
    found: dict[str, str] = {}
    # a text already read has put its spelled form in: skipped before spelling it again
    seen: set[str] = set()
    for sentence in sentences:
        for token in sentence.tokens:
            if token.lemma and token.text not in seen:
                seen.add(token.text)
                found.setdefault(fold_spelling(token.text), fold_spelling(token.lemma))
    return found


@dataclass(frozen=True)
class Keyphrase:
    """A parsed keyphrase: its content words, or its exact token sequence when quoted."""

    text: str
    words: tuple[Unit, ...]
    exact: tuple[str, ...] | None = None
    exact_units: tuple[Unit, ...] = ()

    @property
    def is_empty(self) -> bool:
        """Whether nothing of the keyphrase can be matched (function words only)."""
        return not self.words and not self.exact


def parse_keyphrase(text: str, tokens: Sequence[Token]) -> Keyphrase:
    """The keyphrase ``text``, whose spaCy ``tokens`` give the lemmas of its words."""
    quoted = _QUOTED.match(text)
    units = units_of(tokens, keyphrase=True) if tokens else units_of_text(text)
    words = tuple(u for u in units if not u.is_function_word)
    if quoted:
        exact = tuple(u.form for u in units)
        return Keyphrase(text, words, exact or None, tuple(units))
    return Keyphrase(text, words)


def _same_class(wanted: str, unit: Unit) -> bool:
    """Whether a word of class ``wanted`` may be ``unit``: classes differ only when both are sure."""
    if not wanted:
        return True
    found = word_class(unit)
    return not found or found == wanted


def same_word(word: Unit, unit: Unit) -> bool:
    """Whether ``unit`` of a text is the keyphrase ``word`` (derivations aside)."""
    if not _same_class(word.word_class, unit):
        return False
    if word.known:
        return not probe_keys(word).isdisjoint(unit.keys)
    return not word.folded.isdisjoint(unit.folded)


class Matcher:
    """Finds a keyphrase in units of text."""

    def __init__(self, keyphrase: Keyphrase, derivations: bool = False) -> None:
        self.keyphrase = keyphrase
        self.derivations = derivations

    def positions(self, word: Unit, units: Sequence[Unit]) -> list[int]:
        """Indexes of the content units that are the keyphrase ``word``, inflected or not."""
        # a known word is compared with its accents, but an unknown unit's loose
        # keys stand without them; an unknown word is compared without accents
        known = word.known
        keys = probe_keys(word) if known else word.folded
        derivations = self.derivations
        word_class = word.word_class
        # inlined rather than a call per unit: this runs on every word of the text;
        # a sure noun is not a sure verb (« il ferme » is not « la ferme »), but
        # a derivation crosses parts of speech by nature
        return [
            i
            for i, unit in enumerate(units)
            if not unit.is_function_word
            and (
                (
                    not keys.isdisjoint(unit.keys if known else unit.folded)
                    and (not word_class or _same_class(word_class, unit))
                )
                or (derivations and _derived(unit.lemma, word.lemma))
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
        wanted = self.keyphrase.exact_units
        size = len(wanted)
        found = []
        for index in range(len(units) - size + 1):
            window = units[index : index + size]
            if all(
                u.form == w.form or (not u.is_function_word and self._same_form(w, u))
                for u, w in zip(window, wanted, strict=True)
            ):
                found.append((window[0].start, window[-1].end))
        return found

    def _same_form(self, word: Unit, candidate: Unit) -> bool:
        # as written: the same word, only its plural or feminine ending may differ
        return same_word(word, candidate) and inflection_stem(
            strip_accents(candidate.form)
        ) == inflection_stem(strip_accents(word.form))

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


class _Candidates(NamedTuple):
    """Every candidate key of a text: how often it occurs, and in which written forms.

    Plain dictionaries rather than an object per key: a long page makes
    100,000 keys, most of them seen once.
    """

    counts: dict[tuple[str, ...], int]
    #: Keys that end with a proper noun.
    proper: set[tuple[str, ...]]
    #: (key, written form) → occurrences, in the order forms are first met.
    forms: dict[tuple[tuple[str, ...], str], int]

    def written(self, keys: Iterable[tuple[str, ...]]) -> dict[tuple[str, ...], str]:
        """The most frequent written form of each of ``keys`` (the first met among equals)."""
        wanted = set(keys)
        best: dict[tuple[str, ...], tuple[int, str]] = {}
        for (key, form), count in self.forms.items():
            if key in wanted and count > best.get(key, (0, ""))[0]:
                best[key] = (count, form)
        return {key: form for key, (_, form) in best.items()}


def _candidates(sentences: Sequence[Sentence]) -> _Candidates:
    """Every candidate key of the sentences with its count, in one pass over the words.

    A key starts at a noun, name or adjective and grows word by word over at
    most six words, each prefix a candidate of its own: the pass is linear in
    the words. It never crosses a punctuation mark set off by a space:
    « pommes, poires » or « style {Titre} » hold no two-word candidate.
    """
    found = _Candidates({}, set(), {})
    for sentence in sentences:
        text = sentence.element.text
        for tokens in _word_runs(sentence.tokens, text):
            _count_run(tokens, text, found)
    return found


def _word_runs(tokens: Sequence[Token], text: str) -> Iterator[list[Token]]:
    """The runs of words of ``text`` between punctuation marks.

    A mark glued to the words on both sides joins them (« en-tête »,
    « GNU/Linux », « dhcpd.conf »); one with a space on either side ends
    the run (« pommes, poires », « style {Titre} »).
    """
    run: list[Token] = []
    for token in tokens:
        # Token.is_word inlined: this reads every token of the page
        if _ALNUM.search(token.text) is not None:
            run.append(token)
        elif (
            run
            and not token.text.isspace()
            and not (
                token.start > 0
                and token.end < len(text)
                and not text[token.start - 1].isspace()
                and not text[token.end].isspace()
            )
        ):
            yield run
            run = []
    if run:
        yield run


def _count_run(tokens: Sequence[Token], text: str, found: _Candidates) -> None:
    """Count the candidate keys of one run of words (see :func:`_candidates`)."""
    counts, proper, forms = found
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
            # a name, or a word in capitals, stands as written: « NFS » is no plural of « nf »
            as_written = token.pos == "PROPN" or token.text.isupper()
            key.append(folded if as_written else fold(token.lemma or token.text))
            whole = tuple(key)
            counts[whole] = counts.get(whole, 0) + 1
            if token.pos == "PROPN":
                proper.add(whole)
            written = (whole, text[first.start : token.end])
            forms[written] = forms.get(written, 0) + 1


def _longer_counts(counts: Mapping[tuple[str, ...], int]) -> dict[tuple[str, ...], int]:
    """Each run of words → the highest count of a longer candidate holding it.

    A key holds at most five words (three and two joiners), so it has at most
    fourteen shorter runs: the index is built in time linear in the candidates,
    where comparing every candidate with every other was quadratic (issue 14).
    """
    longer: dict[tuple[str, ...], int] = {}
    for key, count in counts.items():
        for size in range(1, len(key)):
            for i in range(len(key) - size + 1):
                part = key[i : i + size]
                if longer.get(part, 0) < count:
                    longer[part] = count
    return longer


def _title_stem(word: str) -> str:
    return inflection_stem(fold(fold_spelling(word)))


def suggest_keyphrases(
    sentences: Sequence[Sentence], emphasized: Sequence[Sequence[Unit]], limit: int = 5
) -> list[str]:
    """Up to ``limit`` candidate keyphrases: lemma n-grams of nouns, names and adjectives.

    A candidate is a run of one to three such words (a « de » may join them:
    « démission de Willner ») seen at least twice. Its weight is its frequency,
    doubled when all its words are in ``emphasized`` texts (title, headings),
    raised by half for a proper noun and for each extra word. A candidate is
    dropped when a longer one holding it is at least half as frequent.
    Candidates are shown in their most frequent written form, each form once.

    One pass counts the candidates, a second indexes each run of words by the
    longer candidates holding it; then only the kept ones are weighed and
    sorted: O(n log n) in the words.
    """
    found = _candidates(sentences)
    longer = _longer_counts(found.counts)
    kept = [
        key for key, count in found.counts.items() if count >= 2 and longer.get(key, 0) * 2 < count
    ]
    # candidate keys are folded text, title units spelled forms (« sœur » → « soeur »):
    # both go through the same spelling and fold before they are compared
    stems = {_title_stem(u.lemma) for units in emphasized for u in units}

    def weight(key: tuple[str, ...]) -> float:
        words = [w for w in key if w not in _JOINERS]
        in_title = sum(1 for w in words if _title_stem(w) in stems) / len(words)
        proper = 1.5 if key in found.proper else 1.0
        return found.counts[key] * (1 + in_title) * proper * (1 + 0.5 * (len(words) - 1))

    ranked = sorted(kept, key=lambda k: (-weight(k), k))
    written = found.written(ranked)
    # two keys may read the same (« NFS » by its text and by its lemma « nf »):
    # the phrase is proposed once
    shown: dict[str, str] = {}
    for key in ranked:
        if len(shown) == limit:
            break
        shown.setdefault(written[key].casefold(), written[key])
    return list(shown.values())


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
