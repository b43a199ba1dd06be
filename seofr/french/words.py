"""Counting words the way word processors do.

A *word* is a run of non-space characters that holds at least one letter or
digit. So "l’homme" and "porte-monnaie" are one word each, "2,5" is one word,
and a lone « » — or : is none. This is the only definition behind every figure
the report calls "words" (word count, words per sentence, density…). The French
NLP layer splits elided forms for matching and tagging, but never changes these
counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Runs of non-space characters, then a check for a letter or digit: two linear
# passes instead of a single pattern that would backtrack on long punctuation runs.
_RUN = re.compile(r"\S+")


def _has_alnum(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def iter_words(text: str) -> Iterator[re.Match[str]]:
    """The words of ``text`` as regex matches (``.group()``, ``.start()``, ``.end()``)."""
    return (m for m in _RUN.finditer(text) if _has_alnum(m.group()))


def count_words(text: str) -> int:
    """How many words ``text`` holds (see the module docstring)."""
    return sum(1 for _ in iter_words(text))
