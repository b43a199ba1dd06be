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
from functools import cache, cached_property
from importlib import resources
from itertools import islice
from typing import Any, NamedTuple

from seofr.document.model import Block, Heading, SourceMap, Span
from seofr.french.needs import Need
from seofr.french.syllables import count_text_syllables
from seofr.french.words import words_of

Element = Heading | Block

_ALNUM = re.compile(r"[^\W_]")
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


class _Strings:
    """The strings of one analysis: one for each string-store key, and on a long
    page one for each form.

    The string store decodes a new string at every lookup; a dictionary of the
    keys already read answers faster, and a page repeats its tags and lemmas.
    A token's text is a new slice: a long page (see :data:`LONG_PAGE_CHARS`)
    also keeps one string per form, which saved about 45 MB on a 200,000-word
    page; on an article that costs more than it saves.
    """

    __slots__ = ("forms", "lemmas", "share_forms", "tags")

    def __init__(self, share_forms: bool = False) -> None:
        self.lemmas: dict[int, str] = {}
        self.tags: dict[int, str] = {}
        self.forms: dict[str, str] = {}
        self.share_forms = share_forms

    def form(self, form: str) -> str:
        """The string kept for ``form`` on a long page, else ``form``."""
        return self.forms.setdefault(form, form) if self.share_forms else form


def _doc_tokens(
    doc: Any, text: str, offset: int, needs: frozenset[Need], kept: _Strings
) -> list[Token]:
    """Every token of a spaCy doc, whitespace included.

    ``doc`` is the chunk of ``text`` that starts at ``offset``; token offsets
    are made relative to ``text``. ``head`` is the head's index in the doc,
    made relative to the sentence by :func:`_sentence_tokens`. The tokens are
    read from the doc's arrays (see :func:`~seofr.french.pipeline.token_rows`):
    a spaCy token object costs more than the seofr token built from it.
    Strings come from ``kept`` (:class:`_Strings`).
    """
    from seofr.french.pipeline import token_rows

    parsed = Need.DEPENDENCIES in needs
    tagged = parsed or bool(needs & {Need.LEMMAS, Need.MORPHOLOGY})
    strings = doc.vocab.strings
    lemmas, tags = kept.lemmas, kept.tags
    share, forms = kept.share_forms, kept.forms
    tokens = []
    for row in token_rows(doc, parsed):
        start = offset + row[0]
        end = start + row[1]
        form = text[start:end]
        if share:
            form = forms.setdefault(form, form)
        if not tagged:
            tokens.append(record_from_fields(Token, (form, start, end, "", "", "", "", -1)))
            continue
        # dictionary lookups inlined: this reads every token of the page
        lemma = lemmas.get(row[2])
        if lemma is None:
            lemma = lemmas[row[2]] = strings[row[2]].lower()
        pos = tags.get(row[3])
        if pos is None:
            pos = tags[row[3]] = strings[row[3]]
        # morphology is read for verbs and participles only; skip the rest
        morph: str | None = tags.get(row[4]) if pos in _MORPH_POS else ""
        if morph is None:
            morph = tags[row[4]] = strings[row[4]]
        dep = tags.get(row[5])
        if dep is None:
            dep = tags[row[5]] = strings[row[5]]
        fields = (form, start, end, lemma, pos, morph, dep, row[6] if parsed else -1)
        tokens.append(record_from_fields(Token, fields))
    return tokens


# Inside a regex character class: whitespace, non-breaking spaces included.
_SPACE = r"\s\u00a0\u202f"
_FINAL = ".!?…"
_UPPER = "A-ZÀ-ÖØ-Þ"
# Quotation marks that open, close, or do either (the straight double quote).
_QUOTE_MARKS = re.compile('[«»“”"]')
_SKIP_BEFORE = frozenset(" \t\n\r\u00a0\u202f")
_SKIP_AFTER = _SKIP_BEFORE | frozenset(_FINAL)


class _Segmentation(NamedTuple):
    """The corrections of ``data/sentence_bounds_fr.txt``, ready to apply."""

    never_ends: frozenset[str]  # abbreviations without their inner spaces
    ends: re.Pattern[str]  # a sentence end with a closer that the senter may miss
    closers: str  # for str.strip


def _spellings(entries: Iterable[str]) -> set[str]:
    """Each entry without spaces, with a capital first letter from two letters up,
    and with and without a period when written without one."""
    forms: set[str] = set()
    for spaced in entries:
        entry = spaced
        letters = sum(ch.isalpha() for ch in entry)
        variants = {entry, entry[0].upper() + entry[1:]} if letters > 1 else {entry}
        forms |= variants if entry.endswith(".") else variants | {v + "." for v in variants}
    return forms


@cache
def _segmentation() -> _Segmentation:
    """Read the segmentation data file once per process."""
    source = resources.files("seofr.french") / "data" / "sentence_bounds_fr.txt"
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for raw in source.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        else:
            current.append(line)
    closers = "".join(sections["closers"])
    # the apostrophe closes nothing before a capital; « … » is a final mark
    closing = "".join(re.escape(ch) for ch in closers if ch not in "…’'")
    final, space, upper = re.escape(_FINAL), _SPACE, _UPPER
    # every alternative starts with one character of a class: the regex engine
    # then skips quickly to the candidates (this runs over every text)
    # « etc. » ends a sentence before a capital, unless inside a word or another
    # abbreviation: a lookbehind each (of fixed width)
    may_end = "|".join(
        rf"(?<=[^\w.\-]{re.escape(form)})"
        for form in sorted(_spellings(sections["may-end"]))
        if form.endswith(".")
    )
    # every alternative starts with one character of a class: the regex engine
    # then skips quickly to the candidates (this runs over every text)
    ends = re.compile(
        rf"[{final}{closing}](?:"
        rf"(?<=[{final}])[{space}]*[{closing}]+[{space}]+(?=[{upper}«“]|\([{upper}])"
        rf"|(?<=[{closing}])\.[{space}]+(?=[{upper}«“]|\([{upper}])"
        # a parenthesised sentence after a sentence: « … discours. (Le détail …) »
        rf"|(?<=[{final}])[{space}]+(?=\([{upper}])"
        rf"|(?:{may_end})[{space}]+(?=[{upper}]))"
    )
    # a spelling of several words is known by its last one (« ex. » of « p. ex. »)
    never_ends = frozenset(form.split()[-1] for form in _spellings(sections["never-ends"]))
    return _Segmentation(never_ends, ends, closers)


def _embedded_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quotations of ``text[start:end]`` that sit inside a sentence, as (open, close) offsets.

    A quotation opens and closes within the text (« … », “ … ”, or straight
    quotes paired); nested ones count as their outermost. It sits inside a
    sentence unless it is a sentence of its own: opened at a sentence start
    and closed before a capital letter or the end.
    """
    regions = []
    depth = 0
    opened = 0
    for match in _QUOTE_MARKS.finditer(text, start, end):
        at = match.start()
        mark = text[at]
        if mark == '"':
            previous = text[at - 1] if at > start else " "
            following = text[at + 1] if at + 1 < end else " "
            opens = (previous.isspace() or previous in "([«“'’") and not following.isspace()
        else:
            opens = mark in "«“"
        if opens:
            if depth == 0:
                opened = at
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                regions.append((opened, at))
    embedded = []
    for opened, closed in regions:
        before = opened - 1
        while before >= start and text[before] in _SKIP_BEFORE:
            before -= 1
        after = closed + 1
        while after < end and text[after] in _SKIP_AFTER:
            after += 1
        starts_sentence = before < start or text[before] in _FINAL
        ends_sentence = after >= end or text[after].isupper() or text[after] in '«“"'
        if not (starts_sentence and ends_sentence):
            embedded.append((opened, closed))
    return embedded


def _sentence_bounds(
    doc: Any, tokens: Sequence[Token], text: str, offset: int
) -> list[tuple[int, int, int, int]]:
    """Sentences as (char start, char end, first token, last token + 1).

    ``doc`` is the chunk of ``text`` that starts at ``offset`` (``doc.text``
    would rebuild the string token by token); char offsets are the doc's.

    The senter is corrected for French with ``data/sentence_bounds_fr.txt``
    (docs/sentences.md says why). A senter sentence joins the previous one
    when it or the previous one is punctuation only, starts with a closer
    (« » » after the period), starts with a lowercase letter, follows an abbreviation that
    never ends a sentence (« p. ex. », « M. », « chap. »), or starts inside a
    quotation that sits within a sentence. A sentence is cut where the senter
    missed an end: a final period with a closer (« ]. », « ). », « . » ») or
    « etc. » before a capital letter, outside such a quotation.
    """
    rules = _segmentation()
    stop = tokens[-1].end if tokens else offset
    quotes = _embedded_quotes(text, offset, stop) if _QUOTE_MARKS.search(text, offset, stop) else []

    def quoted(at: int) -> bool:
        return any(opened < at < closed for opened, closed in quotes)

    never_ends, closers = rules.never_ends, rules.closers
    bounds: list[tuple[int, int, int, int]] = []
    for sent in doc.sents:
        start_char, end_char = sent.start_char, sent.end_char
        if bounds:
            previous = bounds[-1]
            first = tokens[sent.start].text
            # the abbreviation keeps its period (« cf. ») or spaCy splits it off (« chap » « . »)
            last = tokens[previous[3] - 1].text
            if last == "." and previous[3] - previous[2] > 1:
                last = tokens[previous[3] - 2].text + "."
            joins = (
                first[:1].islower()
                or not first.strip(closers)
                or last in never_ends
                or _ALNUM.search(text, offset + start_char, offset + end_char) is None
                # an opening « or ( that the senter left on its own
                or (
                    previous[3] - previous[2] < 3
                    and _ALNUM.search(text, offset + previous[0], offset + previous[1]) is None
                )
                or (quotes and quoted(offset + start_char))
            )
            if joins:
                bounds[-1] = (previous[0], end_char, previous[2], sent.end)
                continue
        bounds.append((start_char, end_char, sent.start, sent.end))
    cuts = []
    for match in rules.ends.finditer(text, offset, stop):
        end = match.start() + len(match.group().rstrip())
        at = match.start()
        before = text[max(offset, at - 12) : at + 1].split()
        if not (quotes and quoted(at)) and before[-1].lstrip("([«“") not in rules.never_ends:
            cuts.append((end - offset, match.end() - offset))
    return _cut(bounds, cuts, tokens, offset) if cuts else bounds


def _cut(
    bounds: list[tuple[int, int, int, int]],
    cuts: list[tuple[int, int]],
    tokens: Sequence[Token],
    offset: int,
) -> list[tuple[int, int, int, int]]:
    """``bounds`` cut at each (end of a sentence, start of the next) that falls inside one."""
    result = []
    pending = iter(cuts)
    cut = next(pending, None)
    for bound_start, end, bound_first, last in bounds:
        start, first = bound_start, bound_first
        while cut is not None and cut[1] <= start:
            cut = next(pending, None)
        while cut is not None and cut[1] < end:
            token = first
            while token < last and tokens[token].start < offset + cut[1]:
                token += 1
            if token < last and tokens[token].start == offset + cut[1] and token > first:
                result.append((start, cut[0], first, token))
                start, first = cut[1], token
            cut = next(pending, None)
        result.append((start, end, first, last))
    return result


def _sentence_tokens(
    tokens: Sequence[Token], first: int, last: int, parsed: bool
) -> tuple[Token, ...]:
    """The tokens of doc indexes ``first``…``last - 1`` without whitespace.

    Parsed heads are doc indexes: they become positions among the kept tokens,
    -1 for a head outside the sentence.
    """
    window = tokens[first:last]
    # a list comprehension, then a tuple: a generator costs more per token
    kept = tuple([t for t in window if not t.text.isspace()])
    if not parsed:
        return kept
    position = {
        index: rank
        for rank, index in enumerate(i for i, t in enumerate(window, first) if not t.text.isspace())
    }
    return tuple(t._replace(head=position.get(t.head, -1)) for t in kept)


# A long page: from this many characters of prose, an analysis keeps one string
# for each tag, lemma and form (see _Strings) and hands the C heap's free memory back to the
# system. spaCy's arrays for a batch are freed once its docs are read, but glibc
# keeps most of that memory for later (its mmap threshold rises with the sizes
# freed): after a 200,000-word page the process stayed about 140 MB larger.
LONG_PAGE_CHARS = 200_000


@cache
def _malloc_trim() -> Any:
    """glibc's ``malloc_trim``, or ``None`` where the C library has none (musl, macOS)."""
    import ctypes
    import ctypes.util

    try:
        return ctypes.CDLL(ctypes.util.find_library("c")).malloc_trim
    except (OSError, AttributeError, TypeError):
        return None


def _release_heap() -> None:
    """Return the free memory of the C heap to the system, where glibc can (a few ms)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


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
        long_page = sum(len(element.text) for element in self.elements) >= LONG_PAGE_CHARS
        kept = _Strings(share_forms=long_page)
        sentences: list[Sentence] = []
        by_element: list[tuple[Sentence, ...]] = []
        for index, (element, chunks) in enumerate(
            zip(self.elements, islice(processed, len(self.elements)), strict=True)
        ):
            found: list[Sentence] = []
            for offset, doc in chunks:
                tokens = _doc_tokens(doc, element.text, offset, needs, kept)
                for start, end, first, last in _sentence_bounds(doc, tokens, element.text, offset):
                    text = element.text[offset + start : offset + end]
                    words = tuple(map(kept.form, words_of(text)) if long_page else words_of(text))
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
                    _doc_tokens(doc, text, offset, needs, kept), 0, len(doc), parsed
                )
            )
            for text, chunks in zip(extras, islice(processed, len(extras)), strict=True)
        )
        if long_page:
            _release_heap()

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
