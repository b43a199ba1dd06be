"""Readability and style rules on French sentences written for the purpose."""

from __future__ import annotations

import pytest

import seofr
from seofr.document import parse_document
from seofr.french.analysis import FrenchAnalysis
from seofr.french.needs import Need
from seofr.verdicts import Status
from seofr_rules.helpers.passive import Confidence, passive_confidence
from seofr_rules.helpers.transitions import has_transition
from seofr_rules.readability.sentence_beginnings import beginning


def _sentences(text: str) -> list[FrenchAnalysis]:
    doc = parse_document(text, None, "text")
    return FrenchAnalysis(doc.body, {Need.LEMMAS, Need.MORPHOLOGY}, doc.source_map).sentences  # type: ignore[return-value]


@pytest.mark.parametrize(
    "sentence",
    [
        "Il est allé à Paris.",
        "Elle est née en 1990.",
        "Ils se sont levés tôt.",
        "Le magasin est fermé le dimanche.",
        "Nous sommes arrivés tard.",
        "Le musée est situé au centre-ville.",
        "Il a été malade tout l’hiver.",
    ],
)
def test_not_passive(sentence: str) -> None:
    (parsed,) = _sentences("Titre\n\n" + sentence)[1:]
    assert passive_confidence(parsed.tokens) is None


@pytest.mark.parametrize(
    ("sentence", "confidence"),
    [
        ("La décision a été prise par le conseil.", Confidence.HIGH),
        ("Les résultats seront publiés demain.", Confidence.MEDIUM),
        ("Le projet est financé par l’État.", Confidence.HIGH),
        ("La valise a été descendue à la cave.", Confidence.HIGH),
        ("La loi fut votée en 1905.", Confidence.MEDIUM),
    ],
)
def test_passive(sentence: str, confidence: Confidence) -> None:
    (parsed,) = _sentences("Titre\n\n" + sentence)[1:]
    assert passive_confidence(parsed.tokens) is confidence


@pytest.mark.parametrize(
    "sentence",
    [
        "Puisqu’il pleut, on reste.",
        "Bien qu'il soit tard, nous partons.",
        "Grâce au vent, le bateau avance.",
        "À cause des travaux, la rue est fermée.",
        "S’il pleut, alors nous restons.",
        "D’une part il pleut, d’autre part il vente.",
        "Non seulement il chante, mais aussi il danse.",
        "C’est-à-dire qu’il faut attendre.",
        "PAR CONSÉQUENT, le prix baisse.",
    ],
)
def test_transitions_found(sentence: str) -> None:
    assert has_transition(sentence)


@pytest.mark.parametrize("sentence", ["Il mange une pomme.", "Le chat dort sur le canapé."])
def test_no_transition(sentence: str) -> None:
    assert not has_transition(sentence)


def test_beginnings_count_articles_with_the_next_word() -> None:
    first, second = _sentences("Titre\n\nLe chat dort. L’homme lit.")[1:]
    assert beginning(first) == "le chat"
    assert beginning(second) == "l’homme"


def test_long_sentences_are_listed_with_their_lengths() -> None:
    text = (
        "# Essai\n\nLe marché, qui ouvre chaque samedi à huit heures sur la place de l’église "
        "depuis plus de trente ans, accueille une vingtaine de producteurs. Il est petit.\n"
    )
    report = seofr.analyze(text, select=["sentence-length"], config=False, lang="en")
    assert report.result("sentence-length").status is Status.FAIL  # type: ignore[union-attr]
    listed = [f for f in report.render() if f.message.startswith("Sentence of")]
    assert len(listed) == 1 and "24 words" in listed[0].message
    assert listed[0].span is not None and listed[0].span.line == 3


def test_readability_fix_names_long_sentences_and_words() -> None:
    text = (
        "L’institutionnalisation progressive des considérations environnementales "
        "constitue indubitablement une préoccupation particulièrement significative."
    )
    report = seofr.analyze("Titre\n\n" + text, select=["readability"], config=False)
    (finding,) = report.shown_of("readability")
    assert "très difficile" in finding.message
    assert finding.fix is not None and "institutionnalisation" in finding.fix
