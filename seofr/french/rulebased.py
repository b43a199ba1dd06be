"""spaCy's two rule-based French components, run as tables instead of token by token.

fr_core_news_md ends with an attribute ruler (23 one-token patterns: a tag
copied from the part of speech, the annotations of space tokens) and a rule
lemmatizer. Both are deterministic functions of a few attributes of one
token, but spaCy runs them through a ``Matcher`` and a ``Token`` object per
token: on real pages they took 14 % of the pipeline's time, as much as
everything seofr does with its tokens. Here each doc's attributes are read as
one array; what the ruler sets is worked out once per distinct
(part of speech, tag, dependency, is-space) combination, the lemma once per
(form, part of speech), each by spaCy's own code; the results are written back
with ``Doc.from_array``, or spaCy's ``set_token_attrs`` for the rare tokens
whose morphology or dependency changes.

:func:`rule_based` returns the replacement only for a pipeline whose two
components have the shapes understood here (one-token patterns over a few
attributes, spaCy's French lemmatizer) and only after a probe gives exactly
the stock components' annotations; otherwise the stock components run.
``tests/test_token_identity.py`` compares the result with ``spacy.load``'s
pipeline token by token over the examples and the real-page corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["RULE_BASED", "RuleBased", "lemma_index_sets", "rule_based"]

#: The components :class:`RuleBased` stands for, in pipeline order.
RULE_BASED = ("attribute_ruler", "lemmatizer")
#: Lemmas kept, by (form, part of speech), before the cache starts afresh
#: (the 188,000 words of the real-page corpus meet 21,000).
LEMMAS_KEPT = 500_000
# What a pattern may test, and what it may set, for the table to stand for it.
_TESTED = ("POS", "TAG", "DEP", "IS_SPACE")
_SET = frozenset({"TAG", "POS", "MORPH", "DEP"})
_PROBE = (
    "Le chat dort.  Il a été vu par trois voisins ; n’est-ce pas ?\n\n"
    "Aujourd'hui, 12 000 € — https://exemple.fr — « vite » !\t\r\nFIN\u00a0: ok"
)


class _Test:
    """One token pattern of the ruler, as a test of (pos, tag, dep, is_space) ids."""

    def __init__(self, spec: dict[str, Any], strings: Any) -> None:
        # (column, ids, whether the value must be among them)
        self.checks: list[tuple[int, frozenset[int], bool]] = []
        for key, value in spec.items():
            column = _TESTED.index(key)
            if key == "IS_SPACE":
                self.checks.append((column, frozenset({int(bool(value))}), True))
            elif isinstance(value, str):
                self.checks.append((column, frozenset({strings.add(value)}), True))
            else:
                (operator, listed), *rest = value.items()
                if rest or operator not in ("IN", "NOT_IN"):
                    raise _UnsupportedError(f"{key}: {value}")
                ids = frozenset(strings.add(item) for item in listed)
                self.checks.append((column, ids, operator == "IN"))

    def __call__(self, key: tuple[int, ...]) -> bool:
        return all((key[column] in ids) == inside for column, ids, inside in self.checks)


class _Outcome(NamedTuple):
    """What the ruler does to tokens with one (pos, tag, dep, is_space)."""

    tag: int
    pos: int
    rare: dict[Any, Any] | None  # every attribute set, when more than the tag


class _UnsupportedError(Exception):
    """A ruler or lemmatizer this module cannot stand for."""


def _ruler_table(ruler: Any, strings: Any) -> list[tuple[list[_Test], dict[Any, Any]]]:
    """The ruler's patterns as tests, each with the attributes spaCy sets, in spaCy's order."""
    from spacy.attrs import IDS

    if len(ruler.patterns) != len(ruler.attrs):
        raise _UnsupportedError("patterns and attributes differ in number")
    rules = []
    for entry, attrs in zip(ruler.patterns, ruler.attrs, strict=True):
        if entry["index"] not in (0, -1) or not set(entry["attrs"]) <= _SET:
            raise _UnsupportedError(f"pattern {entry}")
        tests = []
        for pattern in entry["patterns"]:
            if len(pattern) != 1 or not set(pattern[0]) <= set(_TESTED):
                raise _UnsupportedError(f"pattern {pattern}")
            tests.append(_Test(pattern[0], strings))
        # the ruler's own normalized attributes: what set_token_attrs receives
        if set(attrs) != {IDS[name] for name in entry["attrs"]}:
            raise _UnsupportedError(f"attributes {attrs}")
        rules.append((tests, attrs))
    return rules


@lru_cache(maxsize=4)
def lemma_index_sets(lookups: Any) -> Any:
    """The ``lemma_index`` table of a lemmatizer's ``lookups`` with each word list as a set.

    spaCy keeps the French lemma index as lists (66,000 nouns) and tests a
    word's membership in them once per new (form, part of speech): a quarter
    of a millisecond each, which a page of technical words pays thousands of
    times. Sets answer the same; built once per tables, for the lemmatizer
    here and the keyphrase lexicon (:class:`seofr.french.keyphrase.Lexicon`).
    """
    from spacy.lookups import Table

    sets = Table(name="lemma_index")
    for key, words in lookups.get_table("lemma_index", {}).items():
        sets[key] = frozenset(words)
    return sets


class _SetLookups:
    """A lemmatizer's lookup tables with its lemma index as sets (:func:`lemma_index_sets`)."""

    def __init__(self, lookups: Any) -> None:
        self.tables = {name: lookups.get_table(name) for name in lookups.tables}
        if "lemma_index" in self.tables:
            self.tables["lemma_index"] = lemma_index_sets(lookups)

    def __contains__(self, name: str) -> bool:
        return name in self.tables

    def get_table(self, name: str, default: Any = None) -> Any:
        """The table ``name``, as ``spacy.lookups.Lookups.get_table``."""
        return self.tables.get(name, default)


class _RuleLemmatizer:
    """spaCy's own ``rule_lemmatize``, run over :class:`_SetLookups` with a cache of its own."""

    def __init__(self, stock: Any) -> None:
        # the attributes rule_lemmatize reads from its lemmatizer
        self.cache: dict[Any, list[str]] = {}
        self.lookups = _SetLookups(stock.lookups)
        self.lookup_lemmatize = stock.lookup_lemmatize
        self._rule = type(stock).rule_lemmatize

    def lemmatize(self, token: Any) -> list[str]:
        """The token's lemmas, best first."""
        return self._rule(self, token)  # type: ignore[no-any-return]


def _nothing() -> None:
    pass


class RuleBased:
    """The attribute ruler and the lemmatizer of a pipeline, applied to docs in place."""

    def __init__(self, nlp: Language) -> None:
        from spacy.lang.fr.lemmatizer import FrenchLemmatizer
        from spacy.pipeline import AttributeRuler

        ruler, lemmatizer = (nlp.get_pipe(name) for name in RULE_BASED)
        # spaCy's French rule lemmatizer caches its answers by (form, part of speech):
        # its own proof that nothing else of the token matters
        if type(ruler) is not AttributeRuler or type(lemmatizer) is not FrenchLemmatizer:
            raise _UnsupportedError("component types")
        if lemmatizer.mode not in ("rule", "lookup"):
            raise _UnsupportedError(f"lemmatizer mode {lemmatizer.mode}")
        self.strings = nlp.vocab.strings
        self.rules = _ruler_table(ruler, self.strings)
        self.overwrite: bool = lemmatizer.overwrite
        rules = _RuleLemmatizer(lemmatizer) if lemmatizer.mode == "rule" else None
        self.lemmatize: Callable[[Any], list[str]] = (
            rules.lemmatize if rules is not None else lemmatizer.lookup_lemmatize
        )
        self.forget: Callable[[], None] = rules.cache.clear if rules is not None else _nothing
        # (pos, tag, dep, is_space) -> what the ruler does to such a token
        self.ruled: dict[tuple[int, int, int, int], _Outcome] = {}
        # (orth, pos) -> lemma id
        self.lemmas: dict[tuple[int, int], int] = {}

    def _ruled(self, key: tuple[int, int, int, int]) -> _Outcome:
        from spacy.attrs import POS, TAG

        merged: dict[Any, Any] = {}
        for tests, attrs in self.rules:
            # later patterns win, as spaCy applies matches sorted by pattern
            if any(test(key) for test in tests):
                merged.update(attrs)
        # tag and part of speech go through the arrays; more (morphology,
        # dependency: space tokens) through spaCy's own setter as well
        outcome = _Outcome(
            merged.get(TAG, key[1]),
            merged.get(POS, key[0]),
            merged if merged.keys() - {TAG} else None,
        )
        self.ruled[key] = outcome
        return outcome

    def _lemma(self, doc: Doc, index: int, key: tuple[int, int]) -> int:
        if len(self.lemmas) >= LEMMAS_KEPT:
            # a long-running process (an editor server, an archive audit) meets
            # ever new names and typos: start afresh rather than grow for ever
            self.lemmas.clear()
            self.forget()
        token = doc[index]
        # the part of speech the ruler gave, which is what the lemmatizer reads
        token.pos = key[1]
        lemma: int = self.strings.add(self.lemmatize(token)[0])
        self.lemmas[key] = lemma
        return lemma

    def __call__(self, doc: Doc) -> None:
        """Set on ``doc`` what the stock attribute ruler and lemmatizer would."""
        import numpy
        from spacy.attrs import DEP, IS_SPACE, LEMMA, ORTH, POS, TAG
        from spacy.tokens._retokenize import set_token_attrs

        if not len(doc):
            return
        rows: list[list[int]] = doc.to_array([POS, TAG, DEP, IS_SPACE, ORTH, LEMMA]).tolist()
        ruled = self.ruled
        outcomes = [
            ruled.get(key) or self._ruled(key)
            for key in [(row[0], row[1], row[2], row[3]) for row in rows]
        ]
        lemmas = self.lemmas
        keys = [(row[4], outcome.pos) for row, outcome in zip(rows, outcomes, strict=True)]
        found = [lemmas.get(key) or self._lemma(doc, index, key) for index, key in enumerate(keys)]
        if not self.overwrite:
            # a lemma set before the lemmatizer stays, as spaCy's leaves it
            found = [row[5] or lemma for row, lemma in zip(rows, found, strict=True)]
        values = [
            (outcome.tag, outcome.pos, lemma)
            for outcome, lemma in zip(outcomes, found, strict=True)
        ]
        doc.from_array([TAG, POS, LEMMA], numpy.array(values, dtype="uint64"))  # type: ignore[arg-type]
        for index, outcome in enumerate(outcomes):
            if outcome.rare is not None:
                set_token_attrs(doc[index], outcome.rare)


def _annotations(docs: Iterable[Doc]) -> list[list[tuple[Any, ...]]]:
    return [[(t.pos, t.tag, t.dep, str(t.morph), t.lemma, t.i) for t in doc] for doc in docs]


def rule_based(nlp: Language, enabled: Sequence[str]) -> RuleBased | None:
    """The table version of ``nlp``'s last two components, or ``None`` to run spaCy's.

    ``enabled`` are the components that will run; the two must be the last of
    them, in spaCy's order, for running them after the others to change nothing.
    """
    if tuple(enabled[-2:]) != RULE_BASED:
        return None
    try:
        fast = RuleBased(nlp)
    except _UnsupportedError:
        return None
    before = [name for name in enabled if name not in RULE_BASED]
    disable = [name for name in nlp.pipe_names if name not in before]
    texts = [_PROBE]
    mine = list(nlp.pipe(texts, disable=disable))
    for doc in mine:
        fast(doc)
    stock = [name for name in nlp.pipe_names if name not in enabled]
    if _annotations(mine) != _annotations(nlp.pipe(texts, disable=stock)):
        return None
    return fast
