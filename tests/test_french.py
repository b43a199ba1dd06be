"""The French analysis layer: pipeline, sentences, tokens, language identification."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

import seofr
from seofr.document import parse_document
from seofr.french.analysis import FrenchAnalysis
from seofr.french.lang import detect_language, is_french_tag
from seofr.french.needs import Need
from seofr.french.readability import band, kandel_moles, lix

from .conftest import EXAMPLES, ROOT


def _sentences(text: str, fmt: str = "markdown") -> list[str]:
    doc = parse_document(text, None, fmt)
    analysis = FrenchAnalysis(doc.body, {Need.SENTENCES}, doc.source_map)
    return [s.text for s in analysis.sentences]


def test_structural_rules_never_import_spacy() -> None:
    code = (
        "import sys, seofr\n"
        "seofr.analyze('examples/brouillon.html', select=['title-length', 'heading-hierarchy'])\n"
        "assert 'spacy' not in sys.modules, 'spacy was imported'\n"
        "assert 'langdetect' not in sys.modules, 'langdetect was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_sentences_never_cross_blocks_and_headings_stand_alone() -> None:
    text = (
        "## Un titre sans point\n\nPremière phrase sans point final\n\n- un élément\n- un autre\n"
    )
    assert _sentences(text) == [
        "Un titre sans point",
        "Première phrase sans point final",
        "un élément",
        "un autre",
    ]


def test_abbreviations_do_not_end_sentences() -> None:
    text = (
        "M. Dupont a rencontré Mme Durand, p. ex. au marché, etc. et elle a souri. "
        "Voir le n° 5, cf. la page 3. Il a dit : « Je pars. » Puis il est parti."
    )
    assert _sentences(text) == [
        "M. Dupont a rencontré Mme Durand, p. ex. au marché, etc. et elle a souri.",
        "Voir le n° 5, cf. la page 3.",
        "Il a dit : « Je pars. »",
        "Puis il est parti.",
    ]


def test_elided_forms_are_split_for_tagging_but_count_as_one_word() -> None:
    doc = parse_document("L’homme qu’il voit jusqu’à l'aube.", None, "text")
    analysis = FrenchAnalysis(doc.body, {Need.LEMMAS}, doc.source_map)
    sentence = analysis.sentences[0]
    texts = [t.text for t in sentence.tokens]
    assert texts[:2] == ["L’", "homme"] and "qu’" in texts and "jusqu’" in texts and "l'" in texts
    assert sentence.word_count == 5  # L’homme qu’il voit jusqu’à l'aube.
    lemmas = {t.text: t.lemma for t in sentence.tokens}
    assert lemmas["homme"] == "homme"


def test_tokens_skip_whitespace_and_heads_point_within_the_sentence() -> None:
    doc = parse_document("Bonjour  à tous.  Le chat noir dort sur le canapé.", None, "text")
    analysis = FrenchAnalysis(doc.body, {Need.LEMMAS, Need.DEPENDENCIES}, doc.source_map)
    first, second = analysis.sentences
    assert [t.text for t in first.tokens] == ["Bonjour", "à", "tous", "."]
    texts = [t.text for t in second.tokens]
    assert texts[:4] == ["Le", "chat", "noir", "dort"]
    by_text = {t.text: t for t in second.tokens}
    # heads are positions in sentence.tokens, not indexes in spaCy's doc
    assert texts[by_text["chat"].head] == "dort"
    assert by_text["dort"].dep == "ROOT"
    assert texts[by_text["canapé"].head] == "dort"
    assert doc.body[0].text[by_text["chat"].start : by_text["chat"].end] == "chat"


def test_sentence_spans_point_into_the_source() -> None:
    source = (EXAMPLES / "article.md").read_text(encoding="utf-8")
    doc = parse_document(source, "article.md")
    analysis = FrenchAnalysis(doc.body, {Need.SENTENCES}, doc.source_map)
    assert len(analysis.sentences) > 40
    for sentence in analysis.sentences:
        first_word = sentence.words[0].strip("«»*_[]()")
        assert first_word[:3] in source[sentence.span.start : sentence.span.end]


def test_long_blocks_are_cut_below_spacy_max_length() -> None:
    paragraph = "Le conseil a voté le budget de la ville. " * 30_000  # 1.2 million characters
    doc = parse_document(paragraph, None, "text")
    analysis = FrenchAnalysis(doc.body, {Need.SENTENCES}, doc.source_map)
    assert len(analysis.sentences) >= 29_000


def test_language_identification_is_deterministic_and_keeps_global_state() -> None:
    import langdetect
    from langdetect import DetectorFactory

    random.seed(1234)
    expected_random = random.random()
    random.seed(1234)
    before_seed = DetectorFactory.seed
    text = "The committee will publish its findings next week after a long review."
    first = detect_language(text, shortcut=False)
    second = detect_language(text, shortcut=False)
    assert first == second and first.language == "en" and first.probability > 0.9
    assert DetectorFactory.seed == before_seed
    assert random.random() == expected_random  # the global random state was not touched
    assert langdetect.detect("Bonjour à tous, voici les nouvelles de la semaine.") == "fr"


FAST_DETECTOR_TEXTS = [
    (EXAMPLES / "article.md").read_text(encoding="utf-8")[:1500],
    "Please follow and like us: SHARE THIS ARTICLE on Facebook, then RSVP.",
    "Der schnelle braune Fuchs springt über den faulen Hund.",
    "東京は日本の首都です。ひらがな、カタカナ。",
    "ÉTÉ À PARIS : l'OCDE et l’UNESCO publient leurs chiffres.  Fin",
    "Ștefan și Țara Românească",
    "Tiếng Việt có dấu ",
    "x",
    "  a  b  ",
    "Écrivez à redaction@example.fr   ou lisez https://example.fr/a?b=1  puis   revenez.",
]


@pytest.mark.parametrize("text", FAST_DETECTOR_TEXTS)
def test_fast_detector_matches_langdetect_to_the_last_bit(text: str) -> None:
    from langdetect.detector import Detector
    from langdetect.lang_detect_exception import LangDetectException

    from seofr.french.detector import factory, new_detector

    results = []
    for detector in (Detector(factory()), new_detector()):
        detector.append(text)
        try:
            ngrams = detector._extract_ngrams()
            results.append((ngrams, [(p.lang, p.prob) for p in detector.get_probabilities()]))
        except LangDetectException as exc:
            results.append(([], [str(exc)]))
    assert results[0] == results[1]


def test_language_of_text_without_letters() -> None:
    guess = detect_language("123 — 456 !!! …")
    assert guess.language is None and guess.probability == 0.0


@pytest.mark.parametrize(
    ("tag", "french"),
    [("fr", True), ("fr-FR", True), ("fr_CA", True), ("FR", False), ("en", False), ("fra", False)],
)
def test_french_tags(tag: str, french: bool) -> None:
    assert is_french_tag(tag) is french


def test_formulas() -> None:
    assert kandel_moles(100, 10, 150) == pytest.approx(207 - 10.15 - 110.4)
    assert kandel_moles(0, 0, 0) == 100.0
    assert kandel_moles(100, 1, 400) == 0.0
    assert band(95).en == "very easy" and band(25).fr == "très difficile"
    assert lix(["chat", "anticonstitutionnellement"], 1) == pytest.approx(2 + 50)


def test_stats_hold_readability_figures() -> None:
    report = seofr.analyze(EXAMPLES / "article.md")
    stats = report.stats
    for key in (
        "words",
        "sentences",
        "paragraphs",
        "syllables",
        "words_per_sentence",
        "syllables_per_word",
        "readability",
        "lix",
        "language",
        "language_probability",
        "reading_time_seconds",
    ):
        assert stats[key] is not None, key
    assert stats["language"] == "fr" and stats["language_probability"] > 0.9
    assert stats["reading_time_seconds"] == round(stats["words"] * 60 / 230)


def test_byte_identical_json_across_processes() -> None:
    code = (
        "import json, seofr\n"
        "print(json.dumps(seofr.analyze('examples/brouillon.html').to_dict(), ensure_ascii=False))\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True
        ).stdout
        for _ in range(2)
    }
    assert len(outputs) == 1
    json.loads(outputs.pop())


def test_seed_foreign_fragments(seed: Path) -> None:
    """The English lines of the scraped seed are widget leftovers: boilerplate
    reports them, once, and foreign-fragments leaves them to it."""
    path = seed / "seed-scraped-article.txt"
    report = seofr.analyze(path, select=["foreign-fragments", "boilerplate"])
    assert not report.shown_of("foreign-fragments")
    lines = path.read_text(encoding="utf-8").split("\n")
    leftovers = [f for f in report.findings_of("boilerplate") if f.span is not None]
    english = [f for f in leftovers if lines[f.span.line - 1].startswith("Please follow and like")]  # type: ignore[union-attr]
    assert len(english) == 2
