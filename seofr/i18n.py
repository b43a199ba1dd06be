"""Messages in French and English from one source, number formatting and plurals.

Every sentence a writer reads is a :class:`Text`: both languages side by side,
so a message cannot exist in one language only (a test walks them all).

A word that agrees with a number is written in the template itself, singular
and plural: ``"{count} {count:lien sortant|liens sortants}"``. Each language
chooses by its own rule: in French the singular goes up to, not including, 2
(« 0 lien », « 1,5 litre »), in English only 1 is singular ("0 links").
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, TypeAlias

Lang = Literal["fr", "en"]
LANGS: tuple[Lang, ...] = ("fr", "en")

Param: TypeAlias = "str | int | float | Text"
"""A value a message shows: numbers are localized, a :class:`Text` is rendered in the
message's language (for a word that itself differs between languages)."""

# French groups thousands with a narrow no-break space and writes a decimal comma.
_NARROW_NBSP = "\u202f"


def format_number(value: float, lang: Lang, decimals: int = 1) -> str:
    """``1234`` → ``"1 234"`` (fr) or ``"1,234"`` (en); floats keep ``decimals`` places."""
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, int) or (float(value).is_integer() and decimals == 0):
        text = f"{round(value):,d}"
    else:
        text = f"{value:,.{decimals}f}"
    if lang == "fr":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", _NARROW_NBSP)
    return text


def format_param(value: Param, lang: Lang) -> str:
    """How a message parameter is shown: numbers localized, strings as they are."""
    if isinstance(value, str):
        return value
    if isinstance(value, Text):
        # a value, not a template: braces it holds (a page's « {Titre} ») are text
        return value.fr if lang == "fr" else value.en
    return format_number(value, lang)


def singular(value: float, lang: Lang) -> bool:
    """Whether a word counted by ``value`` is singular in ``lang``."""
    return abs(value) < 2 if lang == "fr" else value == 1


class _PluralFormatter(string.Formatter):
    """Fills a template whose ``{n:one|many}`` fields choose a word by the number ``n``."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def format_field(self, value: Param, format_spec: str) -> str:
        if "|" in format_spec:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError(f"a plural needs a number, not {value!r}")
            one, _, many = format_spec.partition("|")
            return one if singular(value, self.lang) else many
        if format_spec:
            raise ValueError(f"unknown format {format_spec!r}: only one|many is allowed")
        return format_param(value, self.lang)


@dataclass(frozen=True, slots=True)
class Text:
    """A message template in French and English with ``{name}`` placeholders."""

    fr: str
    en: str

    def render(self, lang: Lang, params: Mapping[str, Param] | None = None) -> str:
        """The message in ``lang`` with its placeholders filled."""
        template = self.fr if lang == "fr" else self.en
        if "|" not in template:
            values = {k: format_param(v, lang) for k, v in (params or {}).items()}
            return template.format_map(values)
        return _PluralFormatter(lang).vformat(template, (), params or {})

    def placeholders(self, lang: Lang) -> frozenset[str]:
        """The placeholder names used by the template in ``lang``."""
        template = self.fr if lang == "fr" else self.en
        return frozenset(
            name for _, name, _, _ in string.Formatter().parse(template) if name is not None
        )


@dataclass(frozen=True, slots=True)
class Template:
    """What is said of one kind of finding: a message and, usually, how to fix it."""

    message: Text
    fix: Text | None = None
