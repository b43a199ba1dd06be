"""Passive voice: agents in « de », inversion, participles tagged as adjectives.

The sentences are written for these tests; docs/sentences.md gives the decisions.
"""

from __future__ import annotations

import pytest

from seofr.document import parse_document
from seofr.french.analysis import FrenchAnalysis
from seofr.french.needs import Need
from seofr_rules.helpers.passive import Confidence, passive_confidence


def _confidence(sentence: str) -> Confidence | None:
    doc = parse_document("Titre\n\n" + sentence, None, "text")
    analysis = FrenchAnalysis(doc.body, {Need.LEMMAS, Need.MORPHOLOGY}, doc.source_map)
    (parsed,) = analysis.sentences[1:]
    return passive_confidence(parsed.tokens)


@pytest.mark.parametrize(
    ("sentence", "confidence"),
    [
        # an agent in « de » after a participle of feeling or knowledge
        ("Elle est appréciée de ses voisins.", Confidence.HIGH),
        ("Le général était redouté de ses adversaires.", Confidence.HIGH),
        ("Ce chanteur est connu de tous.", Confidence.HIGH),
        ("Ce réseau est connu des services de douane.", Confidence.HIGH),
        ("La directrice est respectée de toute l’équipe.", Confidence.HIGH),
        # the inverted subject of a question stands between « être » and the participle
        ("Était-il prévenu de la réunion ?", Confidence.MEDIUM),
        ("A-t-elle été reçue par le directeur ?", Confidence.HIGH),
        ("Sont-ils invités au mariage ?", Confidence.MEDIUM),
        # an agent makes a stative reading active again
        ("La porte est ouverte par le gardien.", Confidence.HIGH),
        # a participle the tagger takes for an adjective, with an agent
        ("La somme est due par le locataire.", Confidence.HIGH),
        # « nous », « vous », « me » as subject or indirect object, not reflexive
        ("Vous êtes invités à la réunion de rentrée.", Confidence.MEDIUM),
        ("Nous sommes invités à la fête du village.", Confidence.MEDIUM),
        ("La facture nous est envoyée chaque mois.", Confidence.MEDIUM),
        ("Le colis m’est livré demain.", Confidence.MEDIUM),
    ],
)
def test_passive(sentence: str, confidence: Confidence) -> None:
    assert _confidence(sentence) is confidence


@pytest.mark.parametrize(
    "sentence",
    [
        # an adjective + « de » is no agent
        "Il est content de ses voisins.",
        "Il est fatigué de ses voisins.",
        "Il est chargé de la sécurité.",
        # « partir » takes « être » in the active voice
        "Elle est partie de Lyon.",
        # stative, no agent
        "La porte est ouverte.",
        "Il est connu pour ses romans.",
        "Ce quartier est connu de tout temps pour son marché.",
        "La terrasse est entourée de fleurs.",
        # adjectives the tagger takes for participles
        "La voiture est neuve.",
        "Elle est heureuse par moments.",
        "Le dossier est incomplet par la faute du client.",
        # reflexive verbs
        "Nous nous sommes levés tôt.",
        "Je me suis trompé de route.",
        "Ils se sont rencontrés à Lyon.",
        # a participle without « être » is not a passive clause
        "La décision, contestée par les syndicats, entre en vigueur lundi.",
        "Est-ce fini ?",
    ],
)
def test_not_passive(sentence: str) -> None:
    assert _confidence(sentence) is None


def test_par_without_a_noun_group_is_no_agent() -> None:
    # « par décret » says how, not who: the passive stays likely, not certain
    assert _confidence("Le texte est publié par décret.") is Confidence.MEDIUM
    assert _confidence("Le texte est publié par le ministère.") is Confidence.HIGH
