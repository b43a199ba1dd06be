"""Names of languages and percentages, for the messages of the language rules.

Names come from ``data/language_names.tsv``: every code langdetect can return,
named in French and in English. A message never shows a code: a name it does
not know becomes « dans une autre langue » / "in another language".
"""

from __future__ import annotations

import functools
from importlib.resources import files
from types import MappingProxyType
from typing import Final

from seofr.french.lang import LanguageGuess
from seofr.plugin import Text

ANOTHER_LANGUAGE: Final = Text(fr="dans une autre langue", en="in another language")
# Under this share of French words the page is another language's: the
# language rule fails it, and rules judging French text leave it alone.
FRENCH_PAGE_SHARE: Final = 0.25


def mostly_foreign(page: LanguageGuess) -> bool:
    """Whether the page's language guess says it is mostly in another language than French."""
    return page.language is not None and page.probability_of("fr") < FRENCH_PAGE_SHARE


@functools.cache
def language_names() -> MappingProxyType[str, Text]:
    """Code → name (``"en"`` → « anglais » / "English"), read once from the data file."""
    resource = files("seofr_rules") / "data" / "language_names.tsv"
    names: dict[str, Text] = {}
    for line in resource.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, french, english = line.split("\t")
            names[code] = Text(fr=french, en=english)
    return MappingProxyType(names)


def in_language(code: str | None) -> Text:
    """« en anglais » / "in English" for ``en``; « dans une autre langue » for an unknown code."""
    name = language_names().get(code) if code else None
    if name is None:
        return ANOTHER_LANGUAGE
    return Text(fr=f"en {name.fr}", en=f"in {name.en}")


def percent(probability: float) -> int:
    """A probability as a whole percentage."""
    return round(100 * probability)
