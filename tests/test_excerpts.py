"""What messages quote: excerpts without the holes dropped icons leave, plain long words."""

from __future__ import annotations

import seofr

ICON_PAGE = (
    "<html lang='fr'><body><main><p>Pour ajouter un symbole au schéma en cours, cliquez"
    " d’abord sur l’icône <img src='ajout.png' alt=''> . Une fenêtre s’ouvre alors et vous"
    " laisse choisir le symbole dans la bibliothèque du projet, ce qui prend un moment"
    " quand cette bibliothèque est grande, ancienne et rangée sans aucune méthode connue."
    "</p></main></body></html>"
)


def test_an_excerpt_closes_up_what_a_dropped_icon_left() -> None:
    report = seofr.analyze(ICON_PAGE, select="sentence-length", config=False)
    quoted = [f.message for f in report.shown_of("sentence-length", "fr") if f.span]
    assert quoted, "the long sentence is quoted"
    assert all(" ." not in message and "«\u00a0." not in message for message in quoted)


def test_long_words_named_by_readability_are_words() -> None:
    text = (
        "Une démarche administrative\n\n"
        "Téléchargez https://www.exemple-administration.fr/documentation-complete puis"
        " ouvrez /usr/share/documentation/installation-complementaire avec"
        " configuration_automatique_avancee et le paramètre 1234567890123 ;"
        " l’interopérabilité des établissements intercommunaux reste incontestablement"
        " problématique malgré les recommandations gouvernementales successives."
    )
    report = seofr.analyze(
        text,
        select="readability",
        rules={"readability": {"pass-at": 100, "warn-at": 99}},  # always report, to see the fix
        config=False,
        input_format="text",
    )
    (finding,) = report.findings_of("readability")
    named = str(finding.params["long_words"]).split(", ")
    assert named and all(word.isalpha() or "’" in word or "-" in word for word in named), named
    assert not any(w.startswith(("http", "/")) or "_" in w or w.isdigit() for w in named)
