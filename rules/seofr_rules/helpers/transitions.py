"""Matching of French transition words, expressions and two-part expressions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from seofr.french.normalize import fold
from seofr_rules.helpers.word_lists import word_list

_TOKEN = re.compile(r"[^\W_]+[’]?", re.UNICODE)


# Elided and contracted forms stand for the full words, in the list as in the text,
# so « bien que » finds « bien qu’il » and « grâce à » finds « grâce au ».
_ELIDED = {
    "qu’": "que",
    "lorsqu’": "lorsque",
    "puisqu’": "puisque",
    "quoiqu’": "quoique",
    "jusqu’": "jusque",
    "d’": "de",
    "l’": "le",
    "c’": "ce",
    "n’": "ne",
}
_CONTRACTED = {"au": ("a", "le"), "aux": ("a", "les"), "du": ("de", "le"), "des": ("de", "les")}


# What each elided or contracted token stands for; any other token stands for itself.
_EXPANSIONS = {
    **{token: (full,) for token, full in _ELIDED.items()},
    **_CONTRACTED,
}


def word_tokens(text: str) -> tuple[str, ...]:
    """Folded word tokens with elisions and contractions expanded.

    « D’abord » gives ``("de", "abord")``, « grâce au » ``("grace", "a", "le")``,
    « s’il » ``("si", "il")``.
    """
    raw = _TOKEN.findall(fold(text))
    tokens: list[str] = []
    for index, token in enumerate(raw):
        if token == "s’" and index + 1 < len(raw) and raw[index + 1] in ("il", "ils"):
            tokens.append("si")
        else:
            tokens.extend(_EXPANSIONS.get(token, (token,)))
    return tuple(tokens)


# A two-part expression: the tokens of its first part, then of its second.
_Pair = tuple[tuple[str, ...], tuple[str, ...]]

# Fixed phrases that hold a transition but never link ideas: « en tant que
# ministre » (as), « de plus en plus » (more and more), « quoi que ce soit »
# (anything), « le reste du temps » (the rest of), « pas tant que ça » (not that
# much; « tant que ça dure » is lost with it). Their tokens are masked before
# matching. Each is found through its rarest word, so a sentence without that word
# costs one set lookup.
_FIXED_PHRASES: dict[str, tuple[str, ...]] = {
    "tant": ("en tant que", "tant que ça"),
    "quoi": ("quoi que ce soit", "quoi que ce fût"),
    "plus": ("de plus en plus",),
    "reste": ("du reste de", "au reste de"),
}


@dataclass(frozen=True)
class TransitionIndex:
    """The transition list, indexed so that a sentence is scanned once.

    ``words`` are the one-word transitions; ``phrases`` maps the first two
    words of a longer expression to the expressions starting with them (« de »
    alone starts about fifty); ``pairs`` maps the first word of a two-part
    expression to those expressions, and ``pair_starts`` holds those words.
    ``fixed`` maps a word to the fixed phrases it anchors (``_FIXED_PHRASES``,
    as tokens) and ``fixed_anchors`` holds those words.
    """

    words: frozenset[str]
    phrases: dict[tuple[str, str], tuple[tuple[str, ...], ...]]
    pairs: dict[str, tuple[_Pair, ...]]
    pair_starts: frozenset[str]
    fixed: dict[str, tuple[tuple[str, ...], ...]]
    fixed_anchors: frozenset[str]


@cache
def transition_index() -> TransitionIndex:
    """The transition words of ``data/transitions_fr.txt``, ready for matching."""
    words: set[str] = set()
    phrases: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    pairs: dict[str, list[_Pair]] = {}
    for entry in word_list("transitions_fr"):
        if "…" in entry:
            first, second = (word_tokens(part) for part in entry.split("…", 1))
            pairs.setdefault(first[0], []).append((first, second))
            continue
        tokens = word_tokens(entry)
        if len(tokens) == 1:
            words.add(tokens[0])
        elif tokens:
            phrases.setdefault((tokens[0], tokens[1]), []).append(tokens)
    fixed = {
        anchor: tuple(word_tokens(phrase) for phrase in phrases_)
        for anchor, phrases_ in _FIXED_PHRASES.items()
    }
    return TransitionIndex(
        frozenset(words),
        {k: tuple(v) for k, v in phrases.items()},
        {k: tuple(v) for k, v in pairs.items()},
        frozenset(pairs),
        fixed,
        frozenset(fixed),
    )


def _find(tokens: tuple[str, ...], phrase: tuple[str, ...], start: int = 0) -> int:
    """Index just after the first occurrence of ``phrase`` in ``tokens`` from ``start``, or -1."""
    size = len(phrase)
    # jump from one occurrence of the first word to the next: pairs often start with « de »
    try:
        index = tokens.index(phrase[0], start)
        while tokens[index : index + size] != phrase:
            index = tokens.index(phrase[0], index + 1)
    except ValueError:
        return -1
    return index + size


def has_transition(text: str) -> bool:
    """Whether a sentence holds a transition word, expression or two-part expression."""
    index = transition_index()
    tokens = word_tokens(text)
    present = set(tokens)
    if not present.isdisjoint(index.fixed_anchors):
        tokens = _mask_fixed(tokens, present & index.fixed_anchors, index)
        present = set(tokens)
    if not present.isdisjoint(index.words):
        return True
    for position, bigram in enumerate(pairwise(tokens)):
        for phrase in index.phrases.get(bigram, ()):
            if tokens[position : position + len(phrase)] == phrase:
                return True
    for word in present & index.pair_starts:
        for first, second in index.pairs[word]:
            if second[0] in present:
                after = _find(tokens, first)
                if after != -1 and _find(tokens, second, after) != -1:
                    return True
    return False


def _mask_fixed(
    tokens: tuple[str, ...], anchors: set[str], index: TransitionIndex
) -> tuple[str, ...]:
    """``tokens`` with every fixed phrase anchored by ``anchors`` blanked out."""
    masked = list(tokens)
    for anchor in anchors:
        for phrase in index.fixed[anchor]:
            after = _find(tokens, phrase)
            while after != -1:
                masked[after - len(phrase) : after] = [""] * len(phrase)
                after = _find(tokens, phrase, after)
    return tuple(masked)
