"""Speed-ups of the French layer give the results of the code they replaced.

Each faster path is compared with the plain one it stands for: text folds with
``str.translate``, the long-page analysis (one string per form, the C heap
released) with the ordinary one, a cached language guess with a fresh one.
"""

from __future__ import annotations

import random

import pytest

from seofr.document import parse_document
from seofr.french import analysis, lang
from seofr.french.analysis import FrenchAnalysis
from seofr.french.needs import Need
from seofr.french.normalize import (
    _ACCENTED,
    _PLAIN,
    APOSTROPHES,
    FOLD_TABLE,
    fold,
    fold_spelling,
    strip_accents,
)

from .conftest import EXAMPLES

# the translate tables the folds used before they replaced only what a text holds
UNACCENT = str.maketrans(_ACCENTED + APOSTROPHES, _PLAIN + "’" * len(APOSTROPHES))
STRIP_ACCENTS = str.maketrans(_ACCENTED, _PLAIN)
ALPHABET = (
    "aAeEzZ09 -_.,;«»\u00a0\u202fİßẞ"
    + _ACCENTED
    + _ACCENTED.upper()
    + APOSTROPHES
    + "".join(chr(code) for code in FOLD_TABLE)
    + "ŒÆ"
)


def test_folds_equal_translate_on_random_texts() -> None:
    rng = random.Random(14)
    for _ in range(20_000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 16)))
        assert fold.__wrapped__(text) == text.lower().translate(UNACCENT), text
        assert fold_spelling.__wrapped__(text) == text.lower().translate(FOLD_TABLE), text
        assert strip_accents(text) == text.translate(STRIP_ACCENTS), text


def test_marker_words_read_every_apostrophe() -> None:
    table = str.maketrans(APOSTROPHES, "’" * len(APOSTROPHES))
    rng = random.Random(7)
    pieces = ["Qu", "il", "l", "homme", "d", "abord", "it", "s", "the", " ", "É", *APOSTROPHES]
    for _ in range(5_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert lang._words(text) == lang._WORD.findall(text.lower().translate(table)), text
    assert lang.marker_counts("Qu‘il voit l`homme, it's the") == (0, 1)


def _snapshot(result: FrenchAnalysis) -> list[tuple[object, ...]]:
    return [
        (s.element_index, s.start, s.end, s.tokens, s.words, s.syllables) for s in result.sentences
    ]


@pytest.mark.parametrize("needs", [{Need.SENTENCES}, {Need.LEMMAS, Need.MORPHOLOGY}])
def test_a_long_page_is_analysed_as_a_short_one(
    needs: set[Need], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (EXAMPLES / "article.md").read_text(encoding="utf-8")
    doc = parse_document(text, None, "markdown")
    short = FrenchAnalysis(doc.body, needs, doc.source_map, extras=["vélo électrique"])
    released: list[bool] = []
    monkeypatch.setattr(analysis, "LONG_PAGE_CHARS", 0)
    monkeypatch.setattr(analysis, "_release_heap", lambda: released.append(True))
    long = FrenchAnalysis(doc.body, needs, doc.source_map, extras=["vélo électrique"])
    assert _snapshot(long) == _snapshot(short)
    assert long.extra_tokens == short.extra_tokens
    assert released == [True]
    # one string per form: a repeated word is the same object
    words = [w for s in long.sentences for w in s.words if w == "vélo"]
    assert len(words) > 2 and all(w is words[0] for w in words)


def test_the_heap_release_runs_where_the_c_library_has_it() -> None:
    analysis._release_heap()  # glibc's malloc_trim, or nothing


def test_a_cached_language_guess_is_a_fresh_guess() -> None:
    texts = [
        "The committee will publish its findings next week after a long review.",
        "Der Ausschuss wird seine Ergebnisse nächste Woche veröffentlichen.",
        "Le comité publiera ses conclusions la semaine prochaine.",
    ]
    for text in texts:
        cached = lang.detect_language(text, shortcut=False)
        assert lang.detect_language(text, shortcut=False) is cached
        assert lang._scored.__wrapped__(text) == cached
