"""The page's language judged on its whole prose, foreign passages per block, language names."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

import seofr
from seofr.french import detector
from seofr.french.lang import (
    PAGE_SAMPLE_CHARS,
    LanguageGuess,
    detect_language,
    mask_neutral,
    page_language,
    tag_language,
)
from seofr.i18n import LANGS
from seofr.report import Report
from seofr_rules.helpers.languages import ANOTHER_LANGUAGE, in_language, language_names
from seofr_rules.language.language import Language, verdict

FRENCH_1 = (
    "La bibliothèque municipale ouvre ses portes plus tôt le samedi, et les lecteurs "
    "peuvent désormais emprunter des liseuses pour une durée de trois semaines."
)
FRENCH_2 = (
    "Pour installer le logiciel, téléchargez l’archive sur le site du projet, puis "
    "décompressez-la dans le dossier de votre choix avant de lancer le programme."
)
FRENCH_3 = (
    "Les réglages se trouvent dans le menu des préférences : vous pouvez y choisir la "
    "langue de l’interface, le thème et la taille des caractères."
)
FRENCH_4 = (
    "En cas de problème, consultez d’abord la foire aux questions, qui répond aux "
    "difficultés les plus courantes rencontrées par les utilisateurs."
)
ENGLISH_1 = (
    "This chapter explains how the scheduler decides which job runs next, and what "
    "happens when two jobs ask for the same printer at the same time."
)
ENGLISH_2 = (
    "Before you upgrade, make a copy of your settings and check that every plugin you "
    "use has been updated for the new release."
)

FRENCH_PAGE = f"""---
title: Guide de l’utilisateur
lang: fr
---
# Guide de l’utilisateur

{FRENCH_1}

{ENGLISH_1}

## 5.1.2 Objets et interfaces

{FRENCH_2}

{FRENCH_3}

{ENGLISH_2}

{FRENCH_4}
"""


def _analyze(text: str, rule: str, **settings: object) -> Report:
    return seofr.analyze(text, select=rule, config=False, **settings)  # type: ignore[arg-type]


def _line_of(page: str, needle: str) -> int:
    return page[: page.index(needle)].count("\n") + 1


def test_french_page_with_two_english_paragraphs_passes_language() -> None:
    report = _analyze(FRENCH_PAGE, "language")
    assert report.findings_of("language") == []
    assert report.stats["language"] == "fr"
    assert 0.5 < report.stats["language_probability"] < 0.9  # the English paragraphs count


def test_foreign_fragments_reports_each_english_paragraph_once() -> None:
    report = _analyze(FRENCH_PAGE, "foreign-fragments")
    findings = report.findings_of("foreign-fragments")
    assert len(findings) == 2
    for finding, paragraph in zip(findings, (ENGLISH_1, ENGLISH_2), strict=True):
        assert finding.span is not None
        assert FRENCH_PAGE[finding.span.start : finding.span.end] == paragraph
        assert finding.span.line == _line_of(FRENCH_PAGE, paragraph)
    messages = [f.message for f in report.shown_of("foreign-fragments", "fr")]
    assert messages[0].startswith(
        "Passage en anglais (probabilité 100\u00a0%)\u00a0: «\u00a0This chapter"
    )
    english = [f.message for f in report.shown_of("foreign-fragments", "en")]
    assert english[1].startswith("Passage in English (probability 100%): “Before you upgrade")


def test_english_page_with_a_french_title_fails_language() -> None:
    page = f"# Guide de l’utilisateur\n\n{ENGLISH_1}\n\n{ENGLISH_2}\n"
    report = _analyze(page, "language")
    assert [f.key for f in report.findings_of("language")] == ["not-french", "undeclared"]
    assert report.passed is False  # the rule's severity is error
    shown = report.shown_of("language", "fr")[0]
    assert shown.message.startswith("Le texte est surtout écrit en anglais (")
    shown = report.shown_of("language", "en")[0]
    assert shown.message.startswith("The text is mostly written in English (")


def test_a_page_is_read_whole_not_from_its_start() -> None:
    # English first, then much more French: the start alone would say English
    page = f"{ENGLISH_1}\n\n{ENGLISH_2}\n\n" + "\n\n".join(
        [FRENCH_1, FRENCH_2, FRENCH_3, FRENCH_4] * 2
    )
    report = _analyze(page, "language")
    assert report.findings_of("language") == []
    assert report.stats["language"] == "fr"


@pytest.mark.parametrize(
    "heading",
    [
        "5.1.2 Objets et interfaces",
        "Figure 3.1. Schéma du montage",
        "Tableau 2 : Options de la ligne de commande",
        "Objets et interfaces",
        "Report a documentation error",
    ],
)
def test_french_numbered_headings_and_short_lines_are_not_foreign(heading: str) -> None:
    page = f"# {heading}\n\n{FRENCH_1}\n\n{heading}\n"
    assert _analyze(page, "foreign-fragments").findings_of("foreign-fragments") == []


def test_report_a_documentation_error_is_never_spanish() -> None:
    guess = detect_language("Report a documentation error", shortcut=False)
    assert guess.language != "es"
    assert guess.probability_of("es") < 0.5


def test_short_english_tail_is_part_of_the_paragraph_finding() -> None:
    paragraph = f"{ENGLISH_1} See below."
    page = f"{FRENCH_1}\n\n{paragraph}\n\n{FRENCH_2}\n"
    (finding,) = _analyze(page, "foreign-fragments").findings_of("foreign-fragments")
    assert finding.span is not None
    assert page[finding.span.start : finding.span.end] == paragraph


def test_a_wrapped_english_paragraph_is_one_passage() -> None:
    wrapped = ENGLISH_1.replace(" decides ", "\ndecides ").replace(" when two", "\nwhen two")
    page = f"{FRENCH_1}\n\n{wrapped}\n\n{FRENCH_2}\n"
    (finding,) = _analyze(page, "foreign-fragments").findings_of("foreign-fragments")
    assert finding.span is not None
    assert (finding.span.line, finding.span.end_line) == (3, 5)


def test_an_english_sentence_inside_a_french_paragraph_is_its_own_passage() -> None:
    sentence = "Please remember to save your work before you close the window."
    page = f"{FRENCH_1} {sentence} {FRENCH_2}\n"
    (finding,) = _analyze(page, "foreign-fragments").findings_of("foreign-fragments")
    assert finding.span is not None
    assert page[finding.span.start : finding.span.end] == sentence


def test_names_urls_code_and_numbering_do_not_vote() -> None:
    text = (
        "Voir la Figure 3.1. et https://exemple.fr/doc, puis appelez config.load() ou "
        "my_setting avec Visual Studio Code."
    )
    masked = mask_neutral(text)
    assert len(masked) == len(text)  # offsets kept
    for gone in ("Figure", "3.1", "https", "config.load", "my_setting", "Visual", "Studio"):
        assert gone not in masked
    assert masked.startswith("Voir la ")  # a sentence's first word votes


def test_a_plainly_english_sentence_is_english_beyond_0_9() -> None:
    for text in (
        "The committee will publish its findings next week after a long review.",
        "Please follow and like us on social media for more updates.",
        ENGLISH_1,
    ):
        guess = detect_language(text, shortcut=False)
        assert guess.language == "en" and guess.probability >= 0.9, (text, guess)
        assert guess == detect_language(text, shortcut=False)  # deterministic


def test_probabilities_are_not_thirds() -> None:
    # a short ambiguous text gets a middling probability, not 1/3, 2/3 or 1
    guess = detect_language("Next steps", shortcut=False)
    assert 0.3 < guess.probability < 0.9
    assert all(round(p * 3, 3) % 1 for _, p in guess.candidates)


def test_a_huge_page_reads_a_bounded_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[int] = []
    scorer = detector.log_likelihoods

    def counting(text: str) -> object:
        read.append(len(text))
        return scorer(text)

    monkeypatch.setattr(detector, "log_likelihoods", counting)
    blocks = [ENGLISH_1, ENGLISH_2, FRENCH_1] * 3000  # about 75,000 words
    started = time.perf_counter()
    guess = page_language(blocks)
    elapsed = time.perf_counter() - started
    assert guess.language == "en"
    assert sum(read) <= PAGE_SAMPLE_CHARS
    assert elapsed < 1.0


def test_body_lang_counts_as_declared() -> None:
    html = f'<html><head><title>Guide</title></head><body lang="fr"><p>{FRENCH_1}</p></body></html>'
    report = _analyze(html, "language")
    assert report.findings_of("language") == []


def test_html_lang_declared_other_names_the_language() -> None:
    html = f'<html lang="en-GB"><body><p>{FRENCH_1}</p><p>{FRENCH_2}</p></body></html>'
    (finding,) = _analyze(html, "language").findings_of("language")
    assert finding.key == "declared-other"
    report = _analyze(html, "language")
    assert report.shown_of("language", "fr")[0].message == (
        "La page se déclare en anglais alors que le texte est en français."
    )
    assert report.shown_of("language", "en")[0].message == (
        "The page is declared in English while its text is in French."
    )


def test_tags_name_langdetect_codes() -> None:
    assert tag_language("en-US") == "en"
    assert tag_language("zh-Hant-TW") == "zh-tw"
    assert tag_language("zh_CN") == "zh-cn"
    assert tag_language("nb") == "no"
    assert tag_language(" ") is None
    assert in_language(tag_language("eu")) == ANOTHER_LANGUAGE  # Basque: no profile


# Guesses the rule may meet: French sure, French under the threshold, another language on
# top with or without French behind it.
GUESSES = [
    LanguageGuess("fr", 0.99, (("fr", 0.99),)),
    LanguageGuess("fr", 0.45, (("fr", 0.45), ("en", 0.35), ("de", 0.2))),
    LanguageGuess("fr", 0.6, (("fr", 0.6), ("en", 0.4))),
    LanguageGuess("en", 0.55, (("en", 0.55), ("fr", 0.45))),
    LanguageGuess("en", 1.0, (("en", 1.0),)),
    LanguageGuess("zh-tw", 0.7, (("zh-tw", 0.7), ("ja", 0.3))),
]
_SAYS_NOT_FRENCH = re.compile(r"pas en français|not (?:in )?French")


@pytest.mark.parametrize("guess", GUESSES)
@pytest.mark.parametrize("threshold", [0.5, 0.8])
@pytest.mark.parametrize("lang", LANGS)
def test_language_messages_never_contradict_themselves(
    guess: LanguageGuess, threshold: float, lang: str
) -> None:
    judged = verdict(guess, threshold)
    if guess.probability_of("fr") >= threshold:
        assert judged is None
        return
    assert judged is not None
    key, params = judged
    assert key == ("french-uncertain" if guess.is_french else "not-french")
    message = Language.templates[key].message.render(lang, params)  # type: ignore[arg-type]
    assert not _SAYS_NOT_FRENCH.search(message), message
    if not guess.is_french:
        language = in_language(guess.language).render(lang)  # type: ignore[arg-type]
        assert language in message and "français" not in language.replace("en ", "")


def _every_language_message(lang: str) -> list[str]:
    pages = [
        (f"<html><body><p>{ENGLISH_1}</p><p>{ENGLISH_2}</p></body></html>", {}),  # not-french
        (FRENCH_PAGE, {"rules": {"language": {"min-probability": 0.95}}}),  # french-uncertain
        (f"<html><body><p>{FRENCH_1}</p></body></html>", {}),  # undeclared
        (f'<html lang="de"><body><p>{FRENCH_1}</p></body></html>', {}),  # declared-other
        (FRENCH_PAGE, {}),  # foreign-fragments
    ]
    messages: list[str] = []
    keys: set[str] = set()
    for page, settings in pages:
        for rule in ("language", "foreign-fragments"):
            report = _analyze(page, rule, **settings)
            keys |= {f.key for f in report.findings}
            messages += [s.message for s in report.shown_of(rule, lang)]  # type: ignore[arg-type]
            messages += [s.fix or "" for s in report.shown_of(rule, lang)]  # type: ignore[arg-type]
    assert keys == {"not-french", "french-uncertain", "undeclared", "declared-other", "foreign"}
    return messages


@pytest.mark.parametrize("lang", LANGS)
def test_every_template_renders_without_an_iso_code(lang: str) -> None:
    codes = set(language_names())
    for message in _every_language_message(lang):
        assert not _SAYS_NOT_FRENCH.search(message), message
        for word in re.findall(r"\b(?:en|in) ([\w-]+)", message):
            assert word not in codes, message
        assert not re.search(r"«\s*[a-z]{2}(?:-[a-z]{2})?\s*»|“[a-z]{2}”", message), message


def test_every_code_the_detector_returns_has_french_and_english_names() -> None:
    profiles = Path(detector.PROFILES_DIRECTORY)
    codes = {path.name for path in profiles.iterdir()}
    assert len(codes) == 55 and {"zh-cn", "zh-tw"} <= codes
    assert set(detector.languages()) == codes
    names = language_names()
    assert set(names) == codes
    for code in codes:
        for lang in LANGS:
            phrase = in_language(code).render(lang)
            name = names[code].render(lang)
            assert name and name != code and code not in phrase.split()[1:], (code, lang)
            assert phrase == (f"en {name}" if lang == "fr" else f"in {name}")
    assert in_language("en").render("fr") == "en anglais"
    assert in_language("es").render("en") == "in Spanish"
    assert in_language(None).render("fr") == "dans une autre langue"


def test_paths_and_identifiers_in_a_french_sentence_are_not_foreign() -> None:
    page = (
        "Celui-ci lit la configuration depuis /usr/share/outil-config/taille.conf, "
        "/site/etc/taille.conf et /etc/taille.conf.\n\n"
        "Réglez shutdown-at-night-wakeup-hosts pour chaque poste.\n"
    )
    assert _analyze(page, "foreign-fragments").findings_of("foreign-fragments") == []


_NEUTRAL_ALPHABET = "aàbeéEÉXzw 019-_.(/@`:>'’#|[]{}=~^$\\\n"


@hypothesis_settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_NEUTRAL_ALPHABET, max_size=30))
def test_the_neutral_prefilter_admits_every_text_the_mask_changes(text: str) -> None:
    # mask_neutral skips its costly pattern when the prefilter finds nothing
    from seofr.french import lang

    if lang._NEUTRAL.search(text):
        assert lang._MAYBE_NEUTRAL.search(text)


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("Lancez apt-get install paquet", "Lancez apt-get install paquet"),
        ("voir www.exemple.fr demain", "voir " + " " * len("www.exemple.fr") + " demain"),
        ("la fonction getValue renvoie", "la fonction " + " " * len("getValue") + " renvoie"),
        ("le cas a-b-c-d", "le cas " + " " * len("a-b-c-d")),
        ("ouvrez /etc/hosts puis", "ouvrez " + " " * len("/etc/hosts") + " puis"),
        ("une phrase toute simple", "une phrase toute simple"),
    ],
)
def test_mask_neutral_blanks_code_marks_and_leaves_prose(text: str, masked: str) -> None:
    assert mask_neutral(text) == masked
