"""Transition words: the entries added and removed in the audit of issue 13, both ways.

Every sentence here was written for this file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from seofr_rules.helpers.transitions import has_transition
from seofr_rules.readability.transition_words import TransitionWords

DATA = Path(__file__).parents[1] / "rules" / "seofr_rules" / "data" / "transitions_fr.txt"


def _entries() -> list[str]:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


# Connectors added by the audit, each in a sentence where it links two ideas.
ADDED = {
    "du reste": "Du reste, personne n’avait remarqué la panne.",
    "au reste": "Le trajet est court ; au reste, la route est belle.",
    "au demeurant": "Le loyer est modeste et le quartier, au demeurant, reste calme.",
    "outre que": "Outre qu’il coûte cher, ce forfait expire vite.",
    "en parallèle": "En parallèle, la mairie rénove l’école.",
    "étant donné": "Étant donné les délais, la livraison attendra lundi.",
    "sous prétexte de": "Il est parti tôt sous prétexte de rattraper son train.",
    "d’autant moins que": "Je n’irai pas, d’autant moins qu’il pleut.",
    "à partir du moment où": "À partir du moment où le contrat est signé, le prix ne bouge plus.",
    "par le fait même": "Le stock a baissé et, par le fait même, les prix ont grimpé.",
    "à la différence de": "À la différence de son frère, Léa adore le vélo.",
    "quoi que": "Quoi que tu décides, nous te suivrons.",
    "à première vue": "À première vue, le devis paraît raisonnable.",
    "au premier abord": "Au premier abord, la salle semblait vide.",
    "de prime abord": "De prime abord, le règlement paraît strict.",
    "tant que": "Tant que la batterie tient, le vélo roule.",
    "aussi longtemps que": "Le magasin reste ouvert aussi longtemps que durent les soldes.",
    "en attendant que": "Patientez ici en attendant que le guichet ouvre.",
    "en vérité": "En vérité, le chantier avait pris trois mois de retard.",
    "supposé que": "Supposé que le train parte à l’heure, nous serons là à midi.",
    "à tout le moins": "Il faudrait, à tout le moins, prévenir les voisins.",
    "ne serait-ce que": "Essayez ce vélo, ne serait-ce que pour comparer.",
}

# Already in the list before the audit; issue 13 named them as missing.
ALREADY_LISTED = {
    "compte tenu de": "Compte tenu des travaux, la ligne 4 est fermée.",
    "en fin de compte": "En fin de compte, le vote a été reporté.",
    "à vrai dire": "À vrai dire, je préfère le train.",
}

# Entries removed by the audit: in these sentences they link nouns, not ideas.
REMOVED = {
    "de par": "Ce groupe donne des concerts de par le monde.",
    "hormis": "Tous les élèves hormis Paul ont rendu le devoir.",
    "mis à part": "Le menu est complet mis à part le dessert.",
    "à l’exception de": "Les boutiques ouvrent tous les jours à l’exception du lundi.",
    "par rapport à": "Le prix a baissé par rapport à l’an dernier.",
    "à l’image de": "Le jardin est à l’image de son propriétaire.",
    "en vertu de": "L’amende est due en vertu de l’article 12.",
}

# Fixed phrases that hold a transition but are never counted.
FIXED_PHRASES = [
    "En tant que médecin, elle refuse ce traitement.",
    "Il y a de plus en plus de vélos dans la ville.",
    "Il refuse de signer quoi que ce soit.",
    "Nous avons profité du reste de la journée au parc.",
    "Il a consacré le reste du temps au jardin.",
    "Le film ne m’a pas plu tant que ça.",
]


def test_added_entries_are_listed() -> None:
    entries = set(_entries())
    assert set(ADDED) - entries == set()
    assert set(ALREADY_LISTED) - entries == set()


def test_removed_entries_are_gone() -> None:
    assert set(REMOVED) & set(_entries()) == set()


@pytest.mark.parametrize("sentence", [*ADDED.values(), *ALREADY_LISTED.values()])
def test_new_connector_found(sentence: str) -> None:
    assert has_transition(sentence)


@pytest.mark.parametrize("sentence", REMOVED.values())
def test_removed_non_connector_not_counted(sentence: str) -> None:
    assert not has_transition(sentence)


@pytest.mark.parametrize("sentence", FIXED_PHRASES)
def test_fixed_phrase_not_counted(sentence: str) -> None:
    assert not has_transition(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "De plus, les pistes cyclables sont de plus en plus nombreuses.",
        "Tant que le prix baisse, elle achète, en tant que cliente fidèle.",
        "Du reste, le reste du groupe était d’accord.",
    ],
)
def test_fixed_phrase_masks_only_itself(sentence: str) -> None:
    assert has_transition(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "La tant attendue réforme arrive.",
        "Quoi de neuf au bureau ?",
        "Le reste est dans le carton.",
        "La vue est belle depuis le premier étage.",
    ],
)
def test_parts_of_new_entries_alone_do_not_count(sentence: str) -> None:
    assert not has_transition(sentence)


def test_rule_doc_states_the_entry_count() -> None:
    doc = TransitionWords.__doc__ or ""
    stated = re.search(r"list of (\d+)\s+French entries", doc)
    assert stated is not None
    assert int(stated.group(1)) == len(_entries())
