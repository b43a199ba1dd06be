"""Generate ``rules/seofr_rules/data/char_widths.json`` from Liberation Sans Regular.

Search engines cut a title or a description by its rendered width in pixels,
in Arial. Liberation Sans is metric-compatible with Arial (every glyph has the
same advance width), so its advance widths stand in for Arial's without
shipping Arial. This script reads them with fontTools and writes the table that
``seofr_rules.helpers.serp`` loads.

It is run by hand, only when the character set or the font changes; the JSON it
writes is committed. Needs: the font (Debian: ``apt-get install fonts-liberation2``,
or Arimo, which has the same metrics) and fontTools (in the ``dev`` extras)::

    .venv/bin/python tools/gen_char_widths.py
    .venv/bin/python tools/gen_char_widths.py --font /path/to/LiberationSans-Regular.ttf

What the table holds:

* ``widths``: the advance width (``hmtx``, through the font's best ``cmap``) in
  font units of every character of the covered set that the font maps: ASCII
  printable, Latin-1 Supplement, Latin Extended-A, General Punctuation (the
  French quotes, apostrophe, dashes, ellipsis, bullet, per mille, thin and
  narrow no-break spaces, …), currency, letter-like, arrow, mathematical and
  geometric symbols, the Latin ligatures ``ﬁ``/``ﬂ`` and the combining
  diacritical marks. Characters that a browser draws with no advance (combining
  marks, soft hyphen, zero-width spaces and joiners, direction marks, BOM) are
  written as 0 whatever the font says.
* ``default``: the average advance of the 52 basic Latin letters ``a-z A-Z``, in
  font units; the width given to any character missing from ``widths``.
* ``units_per_em``: the font's ``head.unitsPerEm``.
* ``kerning``: the pair adjustments of the font's ``kern`` feature for Latin
  script (``GPOS`` pair positioning, first glyph's advance), in font units,
  for every pair of covered characters that has one: ``"AV": -152`` makes
  "AV" 152 units narrower than its two advances. Chromium applies exactly
  these (see ``docs/pixel-widths.md``).

The file is written one character per line, keys sorted by code point, with
invisible characters escaped as ``\\uXXXX`` so that a diff stays readable.
"""

from __future__ import annotations

import argparse
import json
import string
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "rules" / "seofr_rules" / "data" / "char_widths.json"
FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
    Path("/usr/share/fonts/truetype/croscore/Arimo-Regular.ttf"),
)

# Blocks covered as a whole (only the code points the font maps are written).
BLOCKS: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # ASCII printable
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x0100, 0x017F),  # Latin Extended-A
    (0x0300, 0x036F),  # Combining Diacritical Marks (NFD text)
    (0x2000, 0x206F),  # General Punctuation
    (0x20A0, 0x20CF),  # Currency Symbols
    (0x2100, 0x214F),  # Letterlike Symbols (™, №, ℓ, …)
    (0x2190, 0x21FF),  # Arrows
    (0x2200, 0x22FF),  # Mathematical Operators
    (0x25A0, 0x25FF),  # Geometric Shapes
    (0xFB00, 0xFB06),  # Latin ligatures (ﬁ, ﬂ, …)
)
# French typography and a few common symbols outside those blocks; listed so
# that the script fails loudly if the font lacks one of them.
REQUIRED = (
    "’‘“”«»…–—•€‰œŒ"  # quotes, apostrophe, ellipsis, dashes, bullet, euro, per mille
    "\u202f\u00a0\u2009"  # narrow no-break space, no-break space, thin space
    "‚„‹›†‡™©®°±×÷§¶·−≤≥≠≈→←↑↓"
)
# Drawn with no advance by a browser, whatever the font's hmtx says.
ZERO_WIDTH_CATEGORIES = frozenset({"Mn", "Me", "Cf"})


def covered() -> list[str]:
    """Every character the table should hold, sorted by code point."""
    chars = {chr(cp) for lo, hi in BLOCKS for cp in range(lo, hi + 1)}
    chars.update(REQUIRED)
    return sorted(chars)


def find_font(explicit: Path | None) -> Path:
    """The font file: ``explicit`` or the first installed candidate."""
    if explicit is not None:
        return explicit
    for path in FONT_CANDIDATES:
        if path.is_file():
            return path
    sys.exit("Liberation Sans not found: apt-get install fonts-liberation2, or pass --font")


def measure(font_path: Path) -> dict[str, object]:
    """The width table of ``font_path``, as written to the JSON file."""
    font = TTFont(font_path)
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    name = font["name"]
    family = f"{name.getDebugName(1) or 'Liberation Sans'} {name.getDebugName(2) or 'Regular'}"
    version = str(name.getDebugName(5) or "").removeprefix("Version ").split(";")[0].strip()

    widths: dict[str, int] = {}
    for ch in covered():
        if unicodedata.category(ch) in ZERO_WIDTH_CATEGORIES:
            widths[ch] = 0
        elif ord(ch) in cmap:
            widths[ch] = int(hmtx[cmap[ord(ch)]][0])
    missing = [f"U+{ord(ch):04X}" for ch in REQUIRED if ch not in widths]
    if missing:
        sys.exit(f"{font_path} lacks {', '.join(missing)}: use Liberation Sans 2 or Arimo")

    letters = string.ascii_letters
    default = round(sum(widths[c] for c in letters) / len(letters))
    glyph_pairs = latin_kerning(font)
    kerning = {
        first + second: glyph_pairs[cmap[ord(first)], cmap[ord(second)]]
        for first in widths
        for second in widths
        if ord(first) in cmap
        and ord(second) in cmap
        and (cmap[ord(first)], cmap[ord(second)]) in glyph_pairs
    }
    return {
        "font": f"{family} {version}".strip(),
        "units_per_em": int(font["head"].unitsPerEm),
        "default": default,
        "kerning": kerning,
        "widths": widths,
    }


def latin_kerning(font: TTFont) -> dict[tuple[str, str], int]:
    """Glyph pair → advance adjustment of the first glyph, from the ``kern`` feature
    that the font's Latin script uses (``GPOS`` pair positioning, formats 1 and 2).

    Within a lookup, the first subtable covering a pair decides it, as in a
    shaping engine; later lookups add to earlier ones.
    """
    table = font["GPOS"].table
    script = next(r.Script for r in table.ScriptList.ScriptRecord if r.ScriptTag == "latn")
    lookups = sorted(
        index
        for feature in script.DefaultLangSys.FeatureIndex
        if table.FeatureList.FeatureRecord[feature].FeatureTag == "kern"
        for index in table.FeatureList.FeatureRecord[feature].Feature.LookupListIndex
    )
    glyphs = font.getGlyphOrder()
    pairs: dict[tuple[str, str], int] = {}
    for index in lookups:
        decided: dict[tuple[str, str], int] = {}
        for subtable in _pair_subtables(table.LookupList.Lookup[index]):
            for pair, value in _subtable_pairs(subtable, glyphs):
                decided.setdefault(pair, value)
        for pair, value in decided.items():
            pairs[pair] = pairs.get(pair, 0) + value
    return {pair: value for pair, value in pairs.items() if value}


def _pair_subtables(lookup: Any) -> list[Any]:
    """The pair-positioning subtables of a lookup (type 2, or type 9 wrapping type 2)."""
    if lookup.LookupType == 2:
        return list(lookup.SubTable)
    if lookup.LookupType == 9:
        return [st.ExtSubTable for st in lookup.SubTable if st.ExtensionLookupType == 2]
    return []


def _advance(value: Any) -> int:
    return int(getattr(value, "XAdvance", 0) or 0) if value is not None else 0


def _subtable_pairs(subtable: Any, glyphs: list[str]) -> Iterable[tuple[tuple[str, str], int]]:
    """Every (first, second) glyph pair a subtable covers, with its adjustment."""
    if subtable.Format == 1:
        for first, pair_set in zip(subtable.Coverage.glyphs, subtable.PairSet, strict=True):
            for record in pair_set.PairValueRecord:
                yield (first, record.SecondGlyph), _advance(record.Value1)
    elif subtable.Format == 2:
        first_classes = subtable.ClassDef1.classDefs
        second_classes = subtable.ClassDef2.classDefs
        for first in subtable.Coverage.glyphs:
            row = subtable.Class1Record[first_classes.get(first, 0)]
            for second in glyphs:
                yield (
                    (first, second),
                    _advance(row.Class2Record[second_classes.get(second, 0)].Value1),
                )


def _key(text: str) -> str:
    """``text`` as a JSON string, each character escaped when it would be invisible
    or ambiguous."""
    return (
        '"'
        + "".join(
            json.dumps(ch, ensure_ascii=False)[1:-1] if _plain(ch) else f"\\u{ord(ch):04x}"
            for ch in text
        )
        + '"'
    )


def _plain(ch: str) -> bool:
    return ch == " " or (ch.isprintable() and unicodedata.category(ch)[0] not in "MZC")


# Top-level keys written one entry a line, for readable diffs.
_MAPS = ("kerning", "widths")


def dump(table: dict[str, object]) -> str:
    """The JSON text: top-level keys sorted; widths and kerning pairs one a line,
    sorted by code point."""
    parts = []
    for key in sorted(table):
        value = table[key]
        if key in _MAPS:
            assert isinstance(value, dict)
            lines = [f"{_key(k)}:{v}" for k, v in sorted(value.items())]
            parts.append(f"{json.dumps(key)}:{{\n" + ",\n".join(lines) + "\n}")
        else:
            parts.append(f"{json.dumps(key)}:{json.dumps(value, ensure_ascii=False)}")
    return "{" + ",\n".join(parts) + "}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--font", type=Path, help="the TTF to read (default: Liberation Sans)")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="the JSON file to write")
    args = parser.parse_args(argv)

    font_path = find_font(args.font)
    table = measure(font_path)
    text = dump(table)
    # The writer is hand-rolled for readable diffs: make sure it is valid and exact.
    assert json.loads(text) == table
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    widths = table["widths"]
    assert isinstance(widths, dict)
    kerning = table["kerning"]
    assert isinstance(kerning, dict)
    print(
        f"{args.output}: {len(widths)} characters and {len(kerning)} kerning pairs"
        f" from {table['font']} ({font_path})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
