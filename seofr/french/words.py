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

# A run of non-space characters, from its first character, that holds a letter or a
# digit. The lookbehind pins every attempt to the start of a run and the lookahead
# scans that run once, so even a long run of punctuation costs linear time.
_WORD = re.compile(r"(?<!\S)(?=\S*?[^\W_])\S+")


def words_of(text: str) -> list[str]:
    """The words of ``text``, in order."""
    return _WORD.findall(text)


def count_words(text: str) -> int:
    """How many words ``text`` holds (see the module docstring)."""
    return len(_WORD.findall(text))
