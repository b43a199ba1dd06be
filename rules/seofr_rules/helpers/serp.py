"""Rendered width of a title or a description in a search result, in pixels.

Search engines cut a result's title and description by the width they take on
screen, not by their number of characters: Google sets the title in Arial 20 px
and shows about 580-600 px of it, and the description in Arial 14 px, about
920 px on desktop (see ``docs/pixel-widths.md``). This module measures a string
as Arial would render it, from the advance widths of Liberation Sans Regular,
a free font with the same metrics, stored in ``data/char_widths.json`` (made by
``tools/gen_char_widths.py``).

```python
from seofr_rules.helpers.serp import TITLE_FONT_PX, TITLE_MAX_PX, text_width, truncate

text_width("Vélo électrique", TITLE_FONT_PX)  # 132.30...
truncate("Démission chez OpenAI : un dirigeant quitte son poste pour sa famille",
         TITLE_MAX_PX, TITLE_FONT_PX)
# 'Démission chez OpenAI : un dirigeant quitte son poste pour sa…'
```

The model is the sum of the characters' advances plus the font's kerning of
each pair of neighbours (« AV », « L’ », « Ty »…): what Chromium renders, to the
thousandth of a pixel on the French titles and descriptions it was checked
against. No ligatures and no other shaping: Liberation Sans forms none in
French text. Whitespace is not collapsed: give the text as the search
engine would show it (one line, single spaces). Characters missing from the
table (CJK, emoji, rare scripts) count as an average Latin letter, which
underestimates wide ones.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib.resources import files
from types import MappingProxyType

__all__ = [
    "DESCRIPTION_FONT_PX",
    "DESCRIPTION_MAX_PX",
    "TITLE_FONT_PX",
    "TITLE_MAX_PX",
    "CharWidths",
    "char_widths",
    "cut_index",
    "text_width",
    "truncate",
]

TITLE_FONT_PX = 20.0
"""Font size of a result title on Google's desktop results (Arial)."""
TITLE_MAX_PX = 580.0
"""Width of a title Google shows on desktop before it cuts (the cautious end of 580-600 px)."""
DESCRIPTION_FONT_PX = 14.0
"""Font size of a result description on Google's desktop results (Arial)."""
DESCRIPTION_MAX_PX = 920.0
"""Width of a description Google shows on desktop before it cuts."""

# Break opportunities for ``truncate``: whitespace a browser may wrap at. The
# no-break spaces of French typography (before « : ; ! ? » and in numbers)
# glue their neighbours and are no word boundary.
_NO_BREAK = frozenset("\u00a0\u202f\u2007\u2060\ufeff")
# Tolerance of the width comparisons, so that a text exactly as wide as the
# limit fits despite floating-point rounding.
_EPSILON = 1e-9


@dataclass(frozen=True)
class CharWidths:
    """The advance-width table of the reference font.

    ``widths`` maps a character to its advance in font units; ``default`` is
    the advance given to any other character (the average basic Latin letter);
    ``kerning`` maps a pair of characters to the change of the first one's
    advance when the second follows it; one em is ``units_per_em`` units.
    """

    font: str
    units_per_em: int
    default: float
    widths: Mapping[str, int]
    kerning: Mapping[str, int]

    def advance(self, char: str) -> float:
        """The advance of ``char`` in font units."""
        return self.widths.get(char, self.default)

    def units(self, text: str) -> Iterator[float]:
        """What each character of ``text`` adds to its width, in font units, kerning
        with the previous visible character included.

        Characters without advance (combining marks, soft hyphens, zero-width
        spaces) neither kern nor separate a kerning pair, as in a browser.
        """
        previous = ""
        for char in text:
            advance = self.advance(char)
            if not advance:
                yield 0.0
                continue
            yield advance + self.kerning.get(previous + char, 0)
            previous = char


@functools.cache
def char_widths() -> CharWidths:
    """The table in ``seofr_rules/data/char_widths.json``, read once."""
    resource = files("seofr_rules") / "data" / "char_widths.json"
    raw = json.loads(resource.read_text(encoding="utf-8"))
    return CharWidths(
        font=str(raw["font"]),
        units_per_em=int(raw["units_per_em"]),
        default=float(raw["default"]),
        widths=MappingProxyType({str(k): int(v) for k, v in raw["widths"].items()}),
        kerning=MappingProxyType({str(k): int(v) for k, v in raw["kerning"].items()}),
    )


def text_width(text: str, font_px: float) -> float:
    """Width in pixels of ``text`` set in Arial at ``font_px`` pixels.

    The sum of the characters' advances and of the kerning of neighbours,
    scaled to the font size, without rounding; 0 for the empty string.
    """
    table = char_widths()
    return sum(table.units(text)) * font_px / table.units_per_em


def cut_index(text: str, max_px: float, font_px: float) -> int | None:
    """Index of the first character of ``text`` that does not fit in ``max_px``.

    ``text[:i]`` is the longest prefix at most ``max_px`` wide; ``None`` when
    the whole text fits.
    """
    table = char_widths()
    limit = max_px * table.units_per_em / font_px if font_px > 0 else float("inf")
    units = 0.0
    for i, step in enumerate(table.units(text)):
        units += step
        if units > limit + _EPSILON:
            return i
    return None


def truncate(text: str, max_px: float, font_px: float, ellipsis: str = "…") -> str | None:
    """The preview a search engine shows of ``text`` in ``max_px``, or ``None`` if it fits.

    The preview is the longest prefix that ends at a word boundary (before a
    breakable space; the no-break spaces of French typography do not count)
    and leaves room for ``ellipsis``, trailing spaces removed, followed by
    ``ellipsis``: "Démission chez OpenAI : un dirigeant…". When not even the
    first word fits, the text is cut inside it. The preview is never wider
    than ``max_px``, except when ``ellipsis`` alone is wider.
    """
    if cut_index(text, max_px, font_px) is None:
        return None
    budget = max_px - text_width(ellipsis, font_px)
    fits = cut_index(text, budget, font_px)
    end = len(text) if fits is None else fits
    # A boundary at ``end`` itself means the last word that fits ends there.
    for k in range(min(end, len(text) - 1), 0, -1):
        if _breakable(text[k]):
            prefix = text[:k].rstrip()
            if prefix:
                return prefix + ellipsis
    return text[:end].rstrip() + ellipsis


def _breakable(char: str) -> bool:
    """Whether ``char`` is whitespace a line may break at."""
    return char.isspace() and char not in _NO_BREAK
