"""Sanity checks for the French word lists shipped in ``seofr_rules/data``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "rules" / "seofr_rules" / "data"
SEPARATOR = " … "  # space, U+2026 HORIZONTAL ELLIPSIS, space

FILES = ["transitions_fr.txt", "etre_verbs_fr.txt", "stative_participles_fr.txt"]

# The sixteen verbs of the classic "DR & MRS VANDERTRAMP" list.
CLASSIC_ETRE_VERBS = {
    "devenir",
    "revenir",
    "monter",
    "rester",
    "sortir",
    "venir",
    "aller",
    "naître",
    "descendre",
    "entrer",
    "rentrer",
    "tomber",
    "retourner",
    "arriver",
    "mourir",
    "partir",
}

# First parts of two-part expressions that are too ambiguous to count alone.
AMBIGUOUS_FIRST_PARTS = {"ni", "soit", "tantôt", "plus", "moins", "si", "autant", "non pas"}


def load(name: str) -> list[str]:
    """Entries of a data file: stripped lines, without blanks and ``#`` comments."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@pytest.mark.parametrize("name", FILES)
def test_no_duplicates(name: str) -> None:
    duplicates = [entry for entry, count in Counter(load(name)).items() if count > 1]
    assert duplicates == []


@pytest.mark.parametrize("name", FILES)
def test_lowercase_and_typographic_apostrophe(name: str) -> None:
    for entry in load(name):
        assert entry == entry.lower(), entry
        assert "'" not in entry, entry


def test_transition_counts() -> None:
    entries = load("transitions_fr.txt")
    two_part = [entry for entry in entries if "…" in entry]
    assert len(entries) >= 250
    assert len(two_part) >= 12


def test_two_part_entries_have_exactly_two_parts() -> None:
    singles = {entry for entry in load("transitions_fr.txt") if "…" not in entry}
    for entry in load("transitions_fr.txt"):
        if "…" not in entry:
            continue
        parts = entry.split(SEPARATOR)
        assert len(parts) == 2, entry
        assert all(part and part == part.strip() for part in parts), entry
        first = parts[0]
        if first not in AMBIGUOUS_FIRST_PARTS:
            assert first in singles, f"{first!r} should also be listed on its own"


def test_etre_verbs_contain_classic_list() -> None:
    verbs = set(load("etre_verbs_fr.txt"))
    assert CLASSIC_ETRE_VERBS - verbs == set()
    assert {"passer", "décéder", "apparaître", "éclore"} - verbs == set()


def test_stative_participles_count() -> None:
    assert len(load("stative_participles_fr.txt")) >= 80
