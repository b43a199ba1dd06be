"""Names of languages and percentages, for the messages of the language rules."""

from __future__ import annotations

from seofr.plugin import Text

LANGUAGE_NAMES: dict[str, Text] = {
    "fr": Text(fr="français", en="French"),
    "en": Text(fr="anglais", en="English"),
    "de": Text(fr="allemand", en="German"),
    "es": Text(fr="espagnol", en="Spanish"),
    "it": Text(fr="italien", en="Italian"),
    "pt": Text(fr="portugais", en="Portuguese"),
    "nl": Text(fr="néerlandais", en="Dutch"),
}


def language_name(code: str | None, lang: str) -> str:
    """A language's name in the report's language, else its code."""
    if code is None:
        return "?"
    name = LANGUAGE_NAMES.get(code)
    return name.render("fr" if lang == "fr" else "en") if name else code


def percent(probability: float) -> int:
    """A probability as a whole percentage."""
    return round(100 * probability)
