"""Sentence boundaries: spaCy's senter corrected for French (docs/sentences.md)."""

from __future__ import annotations

import pytest

from seofr.document import parse_document
from seofr.french.analysis import FrenchAnalysis
from seofr.french.needs import Need

# Written for this test: every kind of boundary the corrections deal with.
TEXT = (
    "La réforme des retraites a été présentée le 12 mars [1]. Elle modifie l’âge légal de "
    "départ (voir le chap. 2). Selon M. Lefèvre, le coût atteint env. 3.5 milliards d’euros "
    "par an. Le rapport cite des exemples, p. ex. Lyon et Lille, où 1 000 salariés ont été "
    "consultés. Il renvoie aussi aux travaux antérieurs (cf. Durand, 2019, p. 45). Le ministre "
    "a déclaré « Nous tiendrons nos engagements. Le calendrier sera respecté. » devant les "
    "députés. La formule « Le temps presse. » revient dans chaque discours. (Le détail figure "
    "en annexe.) Les syndicats ont répondu par un communiqué : « Nous refusons ce texte. » "
    "Puis ils ont appelé à la grève.\n\n"
    "Les manifestants portaient des pancartes, des drapeaux, des sifflets, etc. La police a "
    "compté 20 000 personnes. Certains attendaient mieux… D’autres restent prudents. Faut-il "
    "s’en étonner ? Mme Garnier, députée de la 3e circonscription, pense que non (elle l’a dit "
    "hier). La suite dépendra du vote prévu au Sénat, cf. Le Monde du 14 mars, et des "
    "négociations.\n"
)

EXPECTED = [
    "La réforme des retraites a été présentée le 12 mars [1].",
    "Elle modifie l’âge légal de départ (voir le chap. 2).",
    "Selon M. Lefèvre, le coût atteint env. 3.5 milliards d’euros par an.",
    "Le rapport cite des exemples, p. ex. Lyon et Lille, où 1 000 salariés ont été consultés.",
    "Il renvoie aussi aux travaux antérieurs (cf. Durand, 2019, p. 45).",
    "Le ministre a déclaré « Nous tiendrons nos engagements. Le calendrier sera respecté. »"
    " devant les députés.",
    "La formule « Le temps presse. » revient dans chaque discours.",
    "(Le détail figure en annexe.)",
    "Les syndicats ont répondu par un communiqué : « Nous refusons ce texte. »",
    "Puis ils ont appelé à la grève.",
    "Les manifestants portaient des pancartes, des drapeaux, des sifflets, etc.",
    "La police a compté 20 000 personnes.",
    "Certains attendaient mieux…",
    "D’autres restent prudents.",
    "Faut-il s’en étonner ?",
    "Mme Garnier, députée de la 3e circonscription, pense que non (elle l’a dit hier).",
    "La suite dépendra du vote prévu au Sénat, cf. Le Monde du 14 mars, et des négociations.",
]


def _sentences(text: str) -> list[str]:
    doc = parse_document(text, None, "text")
    analysis = FrenchAnalysis(doc.body, {Need.SENTENCES}, doc.source_map)
    return [s.text for s in analysis.sentences]


def test_reference_text_splits_where_a_reader_does() -> None:
    # spaCy's senter alone, with the former corrections, found 21 sentences here
    assert _sentences(TEXT) == EXPECTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a closer after the final period: the sentence ends after it
        (
            "Il cite l’étude [4]. Ensuite il conclut.",
            ["Il cite l’étude [4].", "Ensuite il conclut."],
        ),
        (
            "Voir le tableau (p. 3). Les chiffres baissent.",
            ["Voir le tableau (p. 3).", "Les chiffres baissent."],
        ),
        (
            "Elle a dit « Viens. » Puis elle est partie.",
            ["Elle a dit « Viens. »", "Puis elle est partie."],
        ),
        (
            "On l’appelle « le Vieux ». Il a quatre-vingts ans.",
            ["On l’appelle « le Vieux ».", "Il a quatre-vingts ans."],
        ),
        # abbreviations that never end a sentence, whatever follows
        (
            "Des fruits, p. ex. Pommes et poires, sont en promotion.",
            ["Des fruits, p. ex. Pommes et poires, sont en promotion."],
        ),
        ("Lisez la fig. 3 et le vol. 2 avec soin.", ["Lisez la fig. 3 et le vol. 2 avec soin."]),
        ("Le Dr. Martin reçoit le mardi.", ["Le Dr. Martin reçoit le mardi."]),
        ("Le n° 12 est vendu. Le suivant aussi.", ["Le n° 12 est vendu.", "Le suivant aussi."]),
        (
            "Rome fut fondée vers 753 av. J.-C. selon la légende.",
            ["Rome fut fondée vers 753 av. J.-C. selon la légende."],
        ),
        # « etc. » and « J.-C. » end the sentence before a capital, not before a lowercase word
        (
            "Il vend des pommes, des poires, etc. Le marché ferme tôt.",
            ["Il vend des pommes, des poires, etc.", "Le marché ferme tôt."],
        ),
        (
            "Il vend des pommes, des poires, etc. et du pain.",
            ["Il vend des pommes, des poires, etc. et du pain."],
        ),
        (
            "La ville existait en 52 av. J.-C. Elle était gauloise.",
            ["La ville existait en 52 av. J.-C.", "Elle était gauloise."],
        ),
        # quotations inside a sentence are not cut; a quoted passage of its own is
        (
            "Il a écrit « Nous partons demain. Attendez-nous. » avant de raccrocher.",
            ["Il a écrit « Nous partons demain. Attendez-nous. » avant de raccrocher."],
        ),
        (
            "« Nous partons demain. Attendez-nous », a-t-il écrit.",
            ["« Nous partons demain. Attendez-nous », a-t-il écrit."],
        ),
        (
            'Il a noté "Le train part. Soyez là." sur un papier.',
            ['Il a noté "Le train part. Soyez là." sur un papier.'],
        ),
        (
            "« Nous partons. Attendez-nous. » Puis il raccrocha.",
            ["« Nous partons.", "Attendez-nous. »", "Puis il raccrocha."],
        ),
        # a quotation left open in the block does not join what follows
        (
            "Il a dit « Je reste. Tu pars. Voilà tout.",
            ["Il a dit « Je reste.", "Tu pars.", "Voilà tout."],
        ),
        # numbers and ellipses
        (
            "Le taux passe de 3.5 % à 4 %. Il baissera en 2025.",
            ["Le taux passe de 3.5 % à 4 %.", "Il baissera en 2025."],
        ),
        (
            "La salle compte 1 000 places. Elle est pleine.",
            ["La salle compte 1 000 places.", "Elle est pleine."],
        ),
        (
            "Il hésita… puis il partit. Attendez... La suite arrive.",
            ["Il hésita… puis il partit.", "Attendez...", "La suite arrive."],
        ),
        (
            "(Le détail figure en annexe.) Les chiffres suivent.",
            ["(Le détail figure en annexe.)", "Les chiffres suivent."],
        ),
    ],
)
def test_boundaries_one_by_one(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_sentences_keep_their_tokens_after_a_cut() -> None:
    doc = parse_document("Il cite l’étude [4]. Ensuite il conclut.", None, "text")
    first, second = FrenchAnalysis(doc.body, {Need.SENTENCES}, doc.source_map).sentences
    assert "".join(t.text for t in first.tokens).endswith(".")
    assert second.tokens[0].text == "Ensuite" and second.word_count == 3
