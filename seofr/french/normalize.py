"""Text folding for comparisons that ignore case, accents and apostrophe style."""

from __future__ import annotations

import re
from functools import lru_cache

_UNACCENT = str.maketrans(
    "àâäáãåéèêëíìîïóòôöõúùûüýÿçñ'‘`´",
    "aaaaaaeeeeiiiiooooouuuuyycn’’’’",
)
_WORDS = re.compile(r"[^\W_]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase, without accents, with ’ for every apostrophe: « L'Été » → « l’ete »."""
    # cached: matching folds every token, and a text repeats its words
    return text.lower().translate(_UNACCENT)


def folded_words(text: str) -> list[str]:
    """The letters-and-digits runs of the folded text: « L’Été 2024 ! » → l, ete, 2024."""
    return _WORDS.findall(fold(text))


def same_text(first: str, second: str) -> bool:
    """Whether two texts are equal once folded and stripped of punctuation."""
    return folded_words(first) == folded_words(second)
