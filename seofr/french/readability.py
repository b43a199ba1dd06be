"""Readability formulas for French.

Kandel & Moles (1958) adapted Flesch's reading ease to French:
``207 − 1.015 × (words / sentences) − 73.6 × (syllables / words)``, read on the
same 0–100 scale. LIX (Björnsson, 1968) needs no syllables:
``words / sentences + 100 × long words / words``, a long word having more than
six letters. See docs/readability.md for sources and bands.
"""

from __future__ import annotations

from collections.abc import Iterable

from seofr.i18n import Text

# Lower bounds of the Flesch / Kandel–Moles bands, easiest first.
BANDS: tuple[tuple[float, Text], ...] = (
    (90, Text(fr="très facile", en="very easy")),
    (80, Text(fr="facile", en="easy")),
    (70, Text(fr="assez facile", en="fairly easy")),
    (60, Text(fr="standard", en="standard")),
    (50, Text(fr="assez difficile", en="fairly difficult")),
    (30, Text(fr="difficile", en="difficult")),
    (float("-inf"), Text(fr="très difficile", en="very difficult")),
)


def kandel_moles(words: int, sentences: int, syllables: int) -> float:
    """The Kandel–Moles reading ease, clamped to 0–100 (100 for an empty text)."""
    if not words or not sentences:
        return 100.0
    score = 207 - 1.015 * (words / sentences) - 73.6 * (syllables / words)
    return min(max(score, 0.0), 100.0)


def band(score: float) -> Text:
    """The name of the band a reading-ease score falls in."""
    return next(name for low, name in BANDS if score >= low)


def lix(words: Iterable[str], sentences: int) -> float:
    """The LIX index of ``words`` spread over ``sentences`` sentences (0 when empty)."""
    count = long = 0
    for word in words:
        count += 1
        # most words are short or all letters: count letters one by one only for the rest
        if len(word) > 6 and (word.isalpha() or sum(map(str.isalpha, word)) > 6):
            long += 1
    if not count or not sentences:
        return 0.0
    return count / sentences + 100 * long / count
