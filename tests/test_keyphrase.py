"""French keyphrase matching and the keyphrase rules."""

from __future__ import annotations

from pathlib import Path

import pytest

import seofr
from seofr.document import parse_document
from seofr.french.analysis import FrenchAnalysis
from seofr.french.keyphrase import (
    Matcher,
    parse_keyphrase,
    suggest_keyphrases,
    units_of,
    units_of_text,
)
from seofr.french.needs import Need
from seofr.verdicts import Status


def found(keyphrase: str, text: str, derivations: bool = False) -> list[str]:
    """The passages of ``text`` where ``keyphrase`` matches, sentence by sentence."""
    doc = parse_document(text, None, "markdown")
    analysis = FrenchAnalysis(doc.body, {Need.LEMMAS}, doc.source_map, extras=[keyphrase])
    (tokens,) = analysis.extra_tokens
    matcher = Matcher(parse_keyphrase(keyphrase, tokens), derivations)
    return [
        sentence.element.text[start:end]
        for sentence in analysis.sentences
        for start, end in matcher.occurrences(units_of(sentence.tokens))
    ]


@pytest.mark.parametrize(
    ("keyphrase", "text"),
    [
        ("démission", "Les démissions se multiplient."),
        ("démissions", "Sa démission surprend."),
        ("démissionner", "Le directeur démissionne."),
        ("démissionner", "Le directeur a démissionné hier."),
        ("démissionner", "Le directeur démissionnera demain."),
        ("démissionne", "Il veut démissionner."),
        ("dirigeant", "Les dirigeants se réunissent."),
        ("dirigeant", "La dirigeante parle."),
        ("dirigeantes", "Le dirigeant parle."),
        ("OpenAI", "Les équipes d’openai travaillent."),
        ("openai", "OpenAI publie un modèle."),
        ("intelligence", "Le progrès de l’intelligence est rapide."),
        ("intelligence", "Le progrès de l'intelligence est rapide."),
        ("l’intelligence artificielle", "Une intelligence artificielle répond."),
        ("vie privée", "Il protège sa vie-privée."),
        ("vie-privée", "Il protège sa vie privée."),
        ("vélo électrique", "Électrique et léger, ce vélo séduit."),
        ("VÉLO Électrique", "Un velo electrique."),
        ("vélo pour la ville", "La ville adopte le vélo."),
    ],
)
def test_matches(keyphrase: str, text: str) -> None:
    assert found(keyphrase, text), f"{keyphrase!r} should match in {text!r}"


@pytest.mark.parametrize(
    ("keyphrase", "text"),
    [
        ("démission", "Le directeur démissionne."),
        ("démissionner", "Sa démission surprend."),
        ("vélo électrique", "Le vélo roule. Le moteur est électrique."),  # two sentences
        ('"vélo électrique"', "Électrique et léger, ce vélo séduit."),
        ('"vélo électrique"', "Un vélo très électrique."),
        ("dirigeant", "Il dirige l’équipe."),
    ],
)
def test_does_not_match(keyphrase: str, text: str) -> None:
    assert not found(keyphrase, text), f"{keyphrase!r} should not match in {text!r}"


@pytest.mark.parametrize(
    ("keyphrase", "text"),
    [("démission", "Le directeur démissionne."), ("démissionner", "Sa démission surprend.")],
)
def test_derivations_on_request(keyphrase: str, text: str) -> None:
    assert found(keyphrase, text, derivations=True)


def test_quoted_keyphrase_matches_as_written() -> None:
    assert found('"vélo électrique"', "Un Vélo Électrique en ville.") == ["Vélo Électrique"]
    assert found('"vélo électrique"', "Deux vélos électriques.") == ["vélos électriques"]


def test_each_match_keeps_its_span() -> None:
    assert found("vélo électrique", "Un vélo rouge et électrique. Le vélo électrique roule.") == [
        "vélo rouge et électrique",
        "vélo électrique",
    ]


def test_units_of_slug_text() -> None:
    # forms keep their accents: they are compared with them first
    assert [u.form for u in units_of_text("Vélo-Électrique_ville")] == [
        "vélo",
        "électrique",
        "ville",
    ]


ARTICLE = """---
title: Démissions en série chez les dirigeants de la tech
description: Pourquoi tant de dirigeants démissionnent, et ce que leurs démissions disent de l’équilibre entre travail et famille.
---

## Une vague de départs

Les démissions se multiplient dans les grandes entreprises. Un dirigeant sur cinq
envisage de démissionner cette année, selon plusieurs études. Les dirigeantes sont
aussi nombreuses à franchir le pas.

## Pourquoi ils démissionnent

Beaucoup démissionnent pour leur famille. D’autres démissionneront après un
rachat. La démission devient un choix assumé.
"""


def _density_message(keyphrase: str) -> str:
    # an unreachable minimum makes the rule say how many occurrences it counted
    report = seofr.analyze(
        ARTICLE,
        keyword=keyphrase,
        select=["keyword-density"],
        rules={"keyword-density": {"short-text-words": 0, "min-percent": 50}},
        lang="en",
    )
    return report.shown_of("keyword-density")[0].message


def test_density_counts_every_inflected_form() -> None:
    # the verb: démissionner, démissionnent (heading and body), démissionneront
    assert "appears 4 times" in _density_message("démissionner")
    # the noun: démissions, démission (the title is not part of the body)
    assert "appears 2 times" in _density_message("démission")
    # dirigeant, dirigeantes
    assert "appears 2 times" in _density_message("dirigeant")


def test_keyphrase_rules_on_the_article() -> None:
    report = seofr.analyze(Path("examples/article.md"))
    assert report.keyphrases == ("vélo électrique",)
    for name in (
        "keyword-density",
        "keyword-in-title",
        "keyword-in-introduction",
        "keyword-in-meta-description",
        "keyword-in-slug",
        "keyword-in-image-alt",
        "keyphrase-length",
        "keyword-distribution",
        "competing-links",
    ):
        result = report.result(name)
        assert result is not None and result.status is Status.PASS, (name, report.shown_of(name))


def test_without_keyphrase_rules_skip_and_candidates_are_proposed(seed: Path) -> None:
    report = seofr.analyze(seed / "seed-brief-article.txt", lang="en")
    keyphrase_rules = [r for r in report.results if r.category == "keyphrase"]
    assert keyphrase_rules and all(r.status is Status.SKIP for r in keyphrase_rules)
    (proposal,) = report.shown_of("keyphrase-length")
    assert "OpenAI" in proposal.message
    assert "Willner" in proposal.message or "démission" in proposal.message.lower()


def test_candidates_of_the_bundled_article() -> None:
    doc = parse_document(Path("examples/article.md").read_text(encoding="utf-8"), "article.md")
    analysis = FrenchAnalysis(doc.body, {Need.LEMMAS}, doc.source_map)
    title = units_of_text(doc.title.value if doc.title else "")
    assert suggest_keyphrases(analysis.sentences, [title])[0] == "vélo électrique"


def test_candidates_leave_out_leftover_lines() -> None:
    # a scraped page: share widgets glued to the text, on every copy of the article
    widget = "Partager sur Facebook\nPin Share\n"
    text = (
        "La rénovation du pont Vieux\n\n"
        f"La rénovation du pont Vieux débutera en mars. {widget}"
        "Les travaux du pont Vieux dureront six mois.\n\n"
        f"La mairie présente le chantier du pont Vieux lundi. {widget}"
        "Le chantier du pont Vieux fermera la rue aux voitures.\n"
    )
    report = seofr.analyze(text, input_format="text", select=["keyphrase-length"], lang="en")
    (proposal,) = report.shown_of("keyphrase-length")
    assert "pont Vieux" in proposal.message
    assert "Share" not in proposal.message and "Facebook" not in proposal.message


def test_function_words_only_keyphrase() -> None:
    report = seofr.analyze("Texte.", keyword="de la pour", select=["keyphrase-length"], lang="en")
    assert "only function words" in report.shown_of("keyphrase-length")[0].message


def test_synonyms_count_in_the_introduction() -> None:
    text = "# Le compost\n\nLe lombricompostage transforme les épluchures.\n"
    plain = seofr.analyze(text, keyword="compost", select=["keyword-in-introduction"])
    assert plain.result("keyword-in-introduction").status is Status.FAIL  # type: ignore[union-attr]
    helped = seofr.analyze(
        text, keyword="compost", synonyms=["lombricompostage"], select=["keyword-in-introduction"]
    )
    assert helped.result("keyword-in-introduction").status is Status.PASS  # type: ignore[union-attr]


def _every_candidate(markdown: str) -> list[str]:
    """Up to 20 keyphrase candidates of a Markdown text, without title weighting."""
    doc = parse_document(markdown, "text.md")
    analysis = FrenchAnalysis(doc.body, {Need.LEMMAS}, doc.source_map)
    return suggest_keyphrases(analysis.sentences, [], 20)


def test_candidates_stop_at_a_mark_set_off_by_a_space() -> None:
    text = (
        "# Les fruits d’automne\n\n"
        "Au marché, on trouve des pommes, poires et figues. Les pommes, poires et figues"
        " viennent du verger. Le porte-monnaie du client reste ouvert devant l’étal ;"
        " le porte-monnaie se vide vite.\n"
    )
    found = _every_candidate(text)
    # a comma between two nouns ends the candidate; a hyphen inside a word does not
    assert "pommes, poires" not in found and "pommes" in found
    assert "porte-monnaie" in found


def test_braces_in_a_candidate_are_text_not_a_template() -> None:
    text = (
        "# Le style {Titre}\n\n"
        "Le style {Titre} sert aux titres du document. On applique le style {Titre}"
        " à chaque chapitre, et le style {Titre} reste le même partout.\n"
    )
    report = seofr.analyze(text, input_format="markdown", lang="fr", select=["keyphrase-length"])
    (proposal,) = report.shown_of("keyphrase-length")
    # the rule proposes candidates instead of failing on « {Titre} »
    assert proposal.rule == "keyphrase-length" and "«\u00a0style\u00a0»" in proposal.message
    assert "{Titre" not in proposal.message.replace("«\u00a0Titre\u00a0»", "")


def test_a_phrase_is_proposed_once_when_two_keys_read_the_same() -> None:
    # « NFS » was a key by its text as a name and, tagged as a plural noun, by « nf »
    text = (
        "# Le serveur NFS\n\n"
        "Le serveur NFS partage des fichiers. Un client NFS monte le partage NFS."
        " Le protocole NFS reste simple. Chaque export NFS a ses options. Le NFS est ancien."
        " Les NFS et les serveurs de fichiers se ressemblent. Un NFS suffit.\n"
    )
    found = _every_candidate(text)
    assert "NFS" in found
    assert len({form.casefold() for form in found}) == len(found)
