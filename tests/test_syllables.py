"""The French spoken-syllable counter: hand-checked word list, anchors and properties."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seofr.french.syllables import count_syllables, count_text_syllables, syllable_exceptions

WORD_LIST = Path(__file__).resolve().parent / "data" / "syllables_fr.tsv"
FRENCH_LETTERS = "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿæœ"


def _load_word_list() -> list[tuple[str, int, str]]:
    rows = []
    for number, line in enumerate(WORD_LIST.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        assert len(fields) in (2, 3), f"syllables_fr.tsv:{number}: bad row {line!r}"
        note = fields[2] if len(fields) == 3 else ""
        rows.append((fields[0], int(fields[1]), note))
    return rows


ROWS = _load_word_list()


def _mismatches(use_exceptions: bool) -> list[tuple[str, int, int, str]]:
    return [
        (word, expected, got, note)
        for word, expected, note in ROWS
        if (got := count_syllables(word, use_exceptions=use_exceptions)) != expected
    ]


def test_word_list_is_large_and_unique() -> None:
    words = [word for word, _, _ in ROWS]
    assert len(words) >= 320
    assert len(set(words)) == len(words)


def test_every_hand_checked_word() -> None:
    mismatches = _mismatches(use_exceptions=True)
    report = "\n".join(
        f"  {word!r}: expected {expected}, got {got}  {note}"
        for word, expected, got, note in mismatches
    )
    assert not mismatches, f"{len(mismatches)} of {len(ROWS)} words disagree:\n{report}"


def test_rules_alone_agree_on_at_least_85_percent() -> None:
    agreement = 1 - len(_mismatches(use_exceptions=False)) / len(ROWS)
    assert agreement >= 0.85, f"rules alone agree on {agreement:.1%} of the word list"


def test_exception_list_stays_small() -> None:
    exceptions = syllable_exceptions()
    listed = [word for word, _, _ in ROWS if word.lower() in exceptions]
    assert len(listed) <= 0.15 * len(ROWS), listed


def test_exception_file_is_well_formed() -> None:
    exceptions = syllable_exceptions()
    assert exceptions
    assert all(word == word.lower() and count >= 1 for word, count in exceptions.items())
    assert exceptions["août"] == 1


@pytest.mark.parametrize(
    ("word", "expected"),
    [("été", 2), ("idée", 2), ("pays", 2), ("aujourd’hui", 3), ("aujourd'hui", 3)],
)
def test_required_anchors(word: str, expected: int) -> None:
    assert count_syllables(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("table", 1),  # final mute e
        ("parlent", 1),  # verbal -ent
        ("souvent", 2),  # adverbial -ent
        ("crier", 2),  # hiatus after consonant + liquid
        ("pied", 1),  # glide after one consonant
        ("samedi", 2),  # inner schwa after one consonant dropped
        ("vendredi", 3),  # kept after two
        ("l’homme", 1),  # elision adds nothing
        ("porte-monnaie", 3),  # compounds add up
        ("quatre-vingts", 3),  # schwa of quatre heard before a consonant
        ("SNCF", 4),  # spelled acronym
        ("OTAN", 2),  # acronym read as a word
        ("ÉTÉ", 2),  # upper case is not an acronym when it has accents
        ("2023", 4),  # deux mille vingt-trois
        ("3,5", 4),  # trois virgule cinq
        ("H2O", 3),  # letters and digits spelled
    ],
)
def test_one_example_per_rule(word: str, expected: int) -> None:
    assert count_syllables(word) == expected


@pytest.mark.parametrize("word", ["", " ", "'", "-", "…", "%", "«»", "l’", "--"])
def test_tokens_without_letters_or_digits_count_zero(word: str) -> None:
    assert count_syllables(word) == 0


def test_exceptions_can_be_disabled() -> None:
    assert count_syllables("août") == 1
    assert count_syllables("août", use_exceptions=False) == 2


def test_text_total_is_the_sum_of_words() -> None:
    words = ["Aujourd’hui", ",", "l’équipe", "a", "publié", "3", "articles", "sur", "l’IA", "."]
    assert count_text_syllables(words) == sum(count_syllables(word) for word in words)
    # aujourd’hui l’équipe a publié 3 articles sur l’IA
    assert count_text_syllables(words) == 3 + 2 + 1 + 3 + 1 + 2 + 1 + 2


@given(st.text())
def test_never_raises_and_is_never_negative(text: str) -> None:
    assert count_syllables(text) >= 0


@given(st.text())
def test_deterministic(text: str) -> None:
    copy = "".join(list(text))  # an equal but distinct string object
    assert count_syllables(text) == count_syllables(copy) == count_syllables(text)


# Any single run of letters (or of digits) is uttered: it counts at least one syllable.
# Tokens built only from separators, and elided fragments such as l', count zero.
@given(st.text(st.characters(categories=["Lu", "Ll", "Lt", "Lm", "Lo", "Nd"]), min_size=1))
def test_a_letter_or_digit_run_has_a_syllable(word: str) -> None:
    assert count_syllables(word) >= 1


@given(st.text(st.sampled_from(FRENCH_LETTERS), min_size=1, max_size=20))
def test_capitalising_does_not_change_the_count(word: str) -> None:
    assert count_syllables(word.capitalize()) == count_syllables(word)


@given(
    st.sampled_from(["a", "e", "i", "o", "u", "é", "è", "ê", "ha", "hé", "ho"]),
    st.text(st.sampled_from(FRENCH_LETTERS), max_size=20),
)
def test_elided_article_adds_nothing(initial: str, rest: str) -> None:
    word = initial + rest  # elision happens before a vowel or a mute h
    assert count_syllables("l’" + word) == count_syllables(word)


@given(st.integers(min_value=0, max_value=10**12))
def test_numbers_are_read(number: int) -> None:
    assert count_syllables(str(number)) >= 1


# --- issue 13 ------------------------------------------------------------------------


# i, u, ou before the [j] of -ions/-iez stay vowels: no glide before a glide. The
# imperfect has one syllable more than the present (liez 1, liiez 2), the
# pronunciation that keeps the two tenses apart (docs/syllables.md, rule 6).
@pytest.mark.parametrize(
    ("imperfect", "expected", "present", "present_expected"),
    [
        ("liiez", 2, "liez", 1),  # [li.je] / [lje]
        ("riions", 2, "rions", 1),  # [ʁi.jɔ̃] / [ʁjɔ̃]
        ("méfiions", 3, "méfions", 2),  # [me.fi.jɔ̃] / [me.fjɔ̃]
        ("criions", 3, "crions", 2),  # [kʁi.i.jɔ̃] / [kʁi.jɔ̃]: hiatus after cr
        ("oubliiez", 4, "oubliez", 3),  # [u.bli.i.je] / [u.bli.je]
        ("tuions", 2, "tuons", 1),  # [ty.jɔ̃] / [tɥɔ̃]
        ("diminuions", 4, "diminuons", 3),  # [di.mi.ny.jɔ̃] / [di.mi.nɥɔ̃]
        ("jouiez", 2, "jouez", 1),  # [ʒu.je] / [ʒwe]
    ],
)
def test_vowel_before_the_j_of_ions_iez(
    imperfect: str, expected: int, present: str, present_expected: int
) -> None:
    assert count_syllables(imperfect) == expected
    assert count_syllables(present) == present_expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("payions", 2),  # after y the ending adds nothing: [pɛ.jɔ̃], like payons
        ("croyiez", 2),
        ("fuyions", 2),
        ("pluie", 1),  # i before a mute e: unchanged
        ("bruit", 1),
        ("étudient", 3),
        ("crient", 1),
        ("pied", 1),  # glides elsewhere: unchanged
        ("lion", 1),
    ],
)
def test_glides_elsewhere_unchanged(word: str, expected: int) -> None:
    assert count_syllables(word) == expected


@pytest.mark.parametrize(
    ("base", "forms"),
    [
        ("taon", ["taons"]),
        ("moellon", ["moellons"]),
        ("moelleux", ["moelleuse", "moelleuses"]),
        ("saoul", ["saouls", "saoule", "saoules"]),
        ("abbaye", ["abbayes"]),
        ("coach", ["coachs", "coaches", "Coachs"]),
        ("interview", ["interviews"]),
        ("start-up", ["start-ups"]),
        ("toast", ["toasts"]),
    ],
)
def test_inflected_forms_follow_their_listed_base(base: str, forms: list[str]) -> None:
    assert base in syllable_exceptions()
    for form in forms:
        assert count_syllables(form) == count_syllables(base), form


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Mme", 1),  # not an -e form of the unit mm (3): vowelless entries get no forms
        ("kms", 3),
        ("moelle", 1),
        ("moelles", 1),
    ],
)
def test_inflection_stays_narrow(word: str, expected: int) -> None:
    assert count_syllables(word) == expected


@pytest.mark.parametrize(
    ("word", "expected", "rules_alone"),
    [
        ("smartphone", 2, 2),
        ("cheeseburger", 3, 3),
        ("coach", 1, 2),
        ("stand-up", 2, 2),
        ("week-end", 2, 2),
        ("podcast", 2, 2),
        ("start-up", 2, 2),
        ("fast-food", 2, 2),
        ("leader", 2, 2),
        ("interview", 3, 3),
        ("coaching", 2, 3),  # [ko.tʃiŋ]
        ("goal", 1, 2),  # [ɡol]
        ("lifestyle", 2, 3),  # [lajf.stajl]
        ("snowboard", 2, 3),  # [sno.bɔʁd]
        ("battle", 2, 1),  # [ba.tœl]
    ],
)
def test_loanwords_counted_as_said(word: str, expected: int, rules_alone: int) -> None:
    assert count_syllables(word) == expected
    assert count_syllables(word, use_exceptions=False) == rules_alone


def test_loanword_file_is_merged_and_has_no_twins() -> None:
    listed = syllable_exceptions()
    assert listed["smartphone"] == 2
    assert listed["août"] == 1
    data = Path(__file__).resolve().parents[1] / "seofr" / "french" / "data"
    words = []
    for name in ("syllable_exceptions.txt", "syllable_loanwords.txt"):
        for line in (data / name).read_text(encoding="utf-8").splitlines():
            entry = line.split("#", 1)[0].strip()
            if entry:
                words.append(entry.split("\t")[0])
    assert len(words) == len(set(words)) == len(listed)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Москва", 2),  # Cyrillic: one syllable per vowel letter
        ("Россия", 3),
        ("Зеленский", 3),
        ("Αθήνα", 3),  # Greek: vowels, digraphs one
        ("Ευρώπη", 3),  # ευ
        ("είναι", 2),  # εί, αι
        ("Τσίπρας", 2),
        ("北京", 2),  # no vowel letters: one per character
        ("κ", 1),
    ],
)
def test_greek_and_cyrillic_are_read_not_spelled(word: str, expected: int) -> None:
    assert count_syllables(word) == expected


def test_greek_and_cyrillic_are_not_spelled_letter_by_letter() -> None:
    assert count_syllables("Москва") < len("Москва")
    assert count_syllables("Αθήνα") < len("Αθήνα")


@pytest.mark.parametrize(
    ("word", "expected"),
    [("samedi", 2), ("médecin", 2), ("revenir", 2), ("vendredi", 3), ("petit", 2)],
)
def test_inner_schwa_keeps_the_spoken_convention(word: str, expected: int) -> None:
    assert count_syllables(word) == expected
