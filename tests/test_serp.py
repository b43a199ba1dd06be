"""Pixel widths of search-result titles and descriptions (``seofr_rules.helpers.serp``)."""

from __future__ import annotations

import importlib.util
import json
import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seofr_rules.helpers.serp import (
    DESCRIPTION_FONT_PX,
    DESCRIPTION_MAX_PX,
    TITLE_FONT_PX,
    TITLE_MAX_PX,
    char_widths,
    cut_index,
    text_width,
    truncate,
)

from .conftest import ROOT

# Widths in CSS pixels measured in a real browser: Chromium 156.0.8078.79 (Debian 12
# package, headless), 2026-11-22, on a file:// page with Liberation Sans 2.1.5
# (fonts-liberation2). Columns: text, font size (px), canvas ``measureText`` with font
# ``<px>px "Liberation Sans"`` (default ``fontKerning``: kerning applied), width of a
# ``<span style="white-space:pre">`` from ``getBoundingClientRect`` (kerning applied,
# rounded to Blink's 1/64 px layout unit), and canvas with ``fontKerning = "none"``.
# The reference is the span: it is what a page actually lays out; the canvas agrees
# with it to 0.02 px. The generator page and the procedure are in docs/pixel-widths.md.
MEASURED: list[tuple[str, int, float, float, float]] = [
    (
        "Démission chez OpenAI : un dirigeant quitte son poste pour sa famille",
        20,
        618.115,
        618.125,
        618.115,
    ),
    ("Vélo électrique en ville : bien le choisir et l’utiliser", 20, 433.545, 433.547, 433.545),
    ("Où manger à Lyon ? 15 bouchons qui valent le détour", 20, 476.250, 476.250, 476.992),
    ("L’ŒUVRE COMPLÈTE DE ZOLA EN 20 VOLUMES", 20, 460.137, 460.141, 462.344),
    (
        "« Les Misérables » : résumé, personnages et analyse de l’œuvre",
        20,
        574.736,
        574.750,
        574.736,
    ),
    ("Impôts 2024 : déclarez vos revenus avant le 23 mai", 20, 456.914, 456.922, 456.914),
    (
        "Recette du bœuf bourguignon – la vraie, comme chez grand-mère",
        20,
        585.859,
        585.859,
        585.859,
    ),
    ("Week-end à Paris : 48 h pour découvrir le Marais…", 20, 454.277, 454.281, 454.639),
    ("Prix de l’électricité : +10 % au 1er février, ce qui change", 20, 493.037, 493.047, 494.141),
    ("Ça, c’est Noël ! Idées cadeaux à moins de 30 €", 20, 419.131, 419.141, 419.131),
    ("WWW.MAÎTRISE-DU-FRANÇAIS.FR — Guide d’orthographe", 20, 544.551, 544.562, 545.654),
    ("Élections européennes : qui sont les têtes de liste ?", 20, 455.840, 455.844, 455.840),
    (
        "Découvrez comment choisir un vélo électrique adapté à la ville : autonomie, poids, freinage et budget. Nos conseils d’experts pour rouler sans effort au quotidien.",
        14,
        998.977,
        998.984,
        999.229,
    ),
    (
        "Le bœuf bourguignon, plat emblématique de la cuisine française, mijote lentement dans un vin rouge de Bourgogne. Voici la recette traditionnelle, étape par étape.",
        14,
        1007.863,
        1007.875,
        1008.636,
    ),
    (
        "Impôt sur le revenu 2024 : calendrier, barème, plafonds et réductions. Tout ce qu’il faut savoir pour remplir votre déclaration en ligne sans erreur ni oubli.",
        14,
        942.922,
        942.922,
        945.499,
    ),
    (
        "« Vingt mille lieues sous les mers » de Jules Verne : résumé chapitre par chapitre, analyse des personnages (Nemo, Aronnax, Ned Land) et thèmes principaux.",
        14,
        987.273,
        987.281,
        989.071,
    ),
]

LONG_TITLE = "Démission chez OpenAI : un dirigeant quitte son poste pour sa famille et ses enfants"


def _ids() -> list[str]:
    return [text[:30] for text, *_ in MEASURED]


@pytest.mark.parametrize(("text", "px", "canvas", "span", "canvas_nokern"), MEASURED, ids=_ids())
def test_width_matches_chromium(
    text: str, px: int, canvas: float, span: float, canvas_nokern: float
) -> None:
    width = text_width(text, px)
    # Kerning included, the model is Chromium's own arithmetic...
    assert width == pytest.approx(canvas, abs=0.002)
    # ...and the laid-out span differs only by Blink's 1/64 px rounding.
    assert width == pytest.approx(span, abs=1 / 64)
    # The advances alone give the width without kerning.
    table = char_widths()
    advances = sum(table.advance(ch) for ch in text) * px / table.units_per_em
    assert advances == pytest.approx(canvas_nokern, abs=0.002)


def test_kerning_pairs() -> None:
    table = char_widths()
    # the all-caps title tightens by 2.2 px: « L’ », « AV »-like pairs and « A » + space
    assert table.kerning["AV"] == table.kerning["LT"] == -152
    assert table.kerning["A "] == table.kerning[" A"] == -113
    # an apostrophe after « r » or « f » moves away from it
    assert table.kerning["r’"] > 0
    assert text_width("AV", 20) == pytest.approx((1366 + 1366 - 152) * 20 / 2048)
    # a combining mark neither kerns nor breaks a pair: « L » + U+0301 + « T » kerns as « LT »
    assert text_width("LT", 20) == pytest.approx(text_width("L\u0301T", 20))


def test_kerning_effect_is_small() -> None:
    # Kerning only ever tightens these texts, by less than 0.5 % (canvas vs canvas:
    # the span's 1/64 px rounding would blur the zero cases).
    effects = [(nokern - canvas) / canvas for _, _, canvas, _, nokern in MEASURED]
    assert all(0 <= e < 0.005 for e in effects)
    assert max(effects) > 0.004  # the all-caps title: "AV", "LO", "TE" … pairs


def test_table_metadata() -> None:
    table = char_widths()
    assert table.font.startswith("Liberation Sans Regular 2.")
    assert table.units_per_em == 2048
    letters = string.ascii_letters
    assert table.default == pytest.approx(sum(table.widths[c] for c in letters) / 52, abs=0.5)
    assert char_widths() is table  # read once


def test_table_covers_french_typography() -> None:
    widths = char_widths().widths
    for ch in "’‘“”«»…–—•€‰œŒ\u202f\u00a0\u2009àâäçéèêëîïôöùûüÿÀÂÇÉÈÊËÎÏÔÖÙÛÜŸ":
        assert ch in widths, f"U+{ord(ch):04X}"
    for cp in [*range(0x20, 0x7F), *range(0xA0, 0x180)]:
        assert chr(cp) in widths, f"U+{cp:04X}"
    # Arial's well-known advances, in 1/2048 em.
    assert widths["i"] == 455
    assert widths["W"] == 1933
    assert widths[" "] == widths["\u00a0"] == 569
    assert widths["\u202f"] < widths[" "]


def test_exact_width_by_hand() -> None:
    # a = 1139 units, space = 569, W = 1933; 20 px = 2048 units.
    assert text_width("a", 20) == pytest.approx(1139 * 20 / 2048)
    assert text_width("a W", 20) == pytest.approx((1139 + 569 + 1933) * 20 / 2048)
    assert text_width("W", 10) * 2 == pytest.approx(text_width("W", 20))


def test_empty_string_is_zero() -> None:
    assert text_width("", TITLE_FONT_PX) == 0
    assert cut_index("", 0, TITLE_FONT_PX) is None
    assert truncate("", 10, TITLE_FONT_PX) is None


def test_unknown_characters_use_the_default_width() -> None:
    table = char_widths()
    assert "漢" not in table.widths
    assert text_width("漢字", 20) == pytest.approx(2 * table.default * 20 / 2048)


def test_invisible_characters_have_no_width() -> None:
    # NFD "é" (e + combining acute), soft hyphen, zero-width space: as a browser draws them.
    assert text_width("e\u0301", 20) == text_width("é", 20)
    assert text_width("anti\u00adconstitutionnel", 20) == text_width("anticonstitutionnel", 20)
    assert text_width("a\u200bb", 20) == text_width("ab", 20)


def test_cut_index() -> None:
    assert cut_index("Vélo", 500, 20) is None
    i = cut_index(LONG_TITLE, TITLE_MAX_PX, TITLE_FONT_PX)
    assert i is not None
    assert text_width(LONG_TITLE[:i], TITLE_FONT_PX) <= TITLE_MAX_PX
    assert text_width(LONG_TITLE[: i + 1], TITLE_FONT_PX) > TITLE_MAX_PX
    # A text exactly as wide as the limit fits.
    exact = text_width("WWW", 20)
    assert cut_index("WWW", exact, 20) is None
    assert cut_index("WWW", exact - 0.001, 20) == 2


def test_truncate_fits() -> None:
    assert truncate("Vélo électrique en ville", TITLE_MAX_PX, TITLE_FONT_PX) is None
    text = MEASURED[4][0]  # 574.7 px
    assert truncate(text, TITLE_MAX_PX, TITLE_FONT_PX) is None


def test_truncate_long_title_at_a_word_boundary() -> None:
    preview = truncate(LONG_TITLE, TITLE_MAX_PX, TITLE_FONT_PX)
    assert preview == "Démission chez OpenAI : un dirigeant quitte son poste pour sa…"
    assert text_width(preview, TITLE_FONT_PX) <= TITLE_MAX_PX
    stem = preview.removesuffix("…")
    assert LONG_TITLE.startswith(stem)
    assert LONG_TITLE[len(stem)] == " "


def test_truncate_narrow_box() -> None:
    preview = truncate(LONG_TITLE, 400, TITLE_FONT_PX)
    assert preview == "Démission chez OpenAI : un dirigeant…"
    assert text_width(preview, TITLE_FONT_PX) <= 400


def test_truncate_description() -> None:
    text = MEASURED[12][0]
    preview = truncate(text, DESCRIPTION_MAX_PX, DESCRIPTION_FONT_PX)
    assert preview is not None
    assert preview.endswith("sans…")
    assert text_width(preview, DESCRIPTION_FONT_PX) <= DESCRIPTION_MAX_PX


def test_truncate_cuts_inside_a_word_when_no_boundary_fits() -> None:
    word = "Anticonstitutionnellement"
    preview = truncate(word + " adverbe", 150, 20)
    assert preview is not None
    assert preview.endswith("…")
    assert word.startswith(preview[:-1])
    assert len(preview) > 1
    assert text_width(preview, 20) <= 150


def test_truncate_never_breaks_at_a_no_break_space() -> None:
    # "OpenAI\u00a0:" is glued: the cut falls before "OpenAI", not between it and ":".
    text = "Démission chez OpenAI\u00a0: un dirigeant"
    limit = text_width("Démission chez OpenAI\u00a0:…", 20) + 0.5
    assert truncate(text, limit, 20) == "Démission chez OpenAI\u00a0:…"
    assert truncate(text, limit - 1, 20) == "Démission chez…"


def test_truncate_custom_ellipsis() -> None:
    preview = truncate(LONG_TITLE, TITLE_MAX_PX, TITLE_FONT_PX, ellipsis=" ...")
    assert preview is not None
    assert preview.endswith(" ...")
    assert text_width(preview, TITLE_FONT_PX) <= TITLE_MAX_PX


@given(
    text=st.text(alphabet="abcdéèWiœ’« »:—\u00a0 漢", max_size=120),
    max_px=st.floats(min_value=20, max_value=800),
)
def test_truncate_properties(text: str, max_px: float) -> None:
    preview = truncate(text, max_px, TITLE_FONT_PX)
    if preview is None:
        assert text_width(text, TITLE_FONT_PX) <= max_px + 1e-6
        assert cut_index(text, max_px, TITLE_FONT_PX) is None
    else:
        assert preview.endswith("…")
        assert text.startswith(preview[:-1])
        assert text_width(preview, TITLE_FONT_PX) <= max_px + 1e-6


def test_table_is_what_the_generator_writes() -> None:
    """The committed JSON is in sync with tools/gen_char_widths.py (needs the font)."""
    pytest.importorskip("fontTools")
    spec = importlib.util.spec_from_file_location(
        "gen_char_widths", ROOT / "tools" / "gen_char_widths.py"
    )
    assert spec is not None
    assert spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    font = next((p for p in gen.FONT_CANDIDATES if p.is_file() and "liberation2" in str(p)), None)
    if font is None:
        pytest.skip("Liberation Sans 2 is not installed (apt-get install fonts-liberation2)")
    committed = Path(ROOT / "rules" / "seofr_rules" / "data" / "char_widths.json")
    assert gen.dump(gen.measure(font)) == committed.read_text(encoding="utf-8")
    assert len(json.loads(committed.read_text(encoding="utf-8"))["kerning"]) > 100
