"""``keyword-in-subheadings``: between 30 % and 75 % of the H2 and H3 reflect the keyphrase."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from seofr.french.keyphrase import Matcher, Unit
from seofr.plugin import Context, Document, Emitted, Heading, Param, Template, Text, option
from seofr_rules.helpers.keyphrase import NO_KEYPHRASE, KeyphraseRule, present


@dataclass(frozen=True)
class SubheadingsOptions:
    """Options of ``keyword-in-subheadings``."""

    min_percent: float = option(
        30.0,
        fr="Part minimale (%) des H2 et H3 qui reprennent l’expression clé.",
        en="Lowest share (%) of H2 and H3 that reflect the keyphrase.",
    )
    max_percent: float = option(
        75.0,
        fr="Part maximale (%) avant la suroptimisation.",
        en="Highest share (%) before over-optimization.",
    )


class KeywordInSubheadings(KeyphraseRule):
    """Between 30 % and 75 % of the H2 and H3 reflect the keyphrase.

    A subheading reflects the keyphrase (or a synonym) when it holds at least
    half of its content words. Too few fails; too many warns.

    ```md pass keyword="vélo électrique"
    ## Choisir son vélo électrique
    ## Le budget
    ## L’entretien
    ```

    ```md fail keyword="vélo électrique"
    ## Le budget
    ## L’entretien
    ## La sécurité
    ```
    """

    name = "keyword-in-subheadings"
    code = "K004"
    summary = Text(
        fr="Une partie des intertitres reprend l’expression clé.",
        en="Some of the subheadings reflect the keyphrase.",
    )
    description_fr = """De 30\u00a0% à 75\u00a0% des intertitres H2 et H3 reprennent l’expression clé.

    Un intertitre reprend l’expression clé (ou un synonyme) quand il en
    contient au moins la moitié des mots pleins. En dessous de
    ``min-percent``\u00a0%, la règle échoue\u202f; au-dessus de ``max-percent``\u00a0%,
    elle alerte (suroptimisation).
    """
    Options = SubheadingsOptions
    templates = {
        "no-keyphrase": NO_KEYPHRASE,
        "few": Template(
            Text(
                fr="{with_keyphrase} {with_keyphrase:intertitre|intertitres} H2/H3 sur {total} {with_keyphrase:reprend|reprennent} « {keyphrase} » ({share} %).",
                en="{with_keyphrase} of {total} H2/H3 subheadings reflect “{keyphrase}” ({share}%).",
            ),
            Text(
                fr="Reprenez l’expression clé ou un synonyme dans environ {change} {change:intertitre|intertitres} de plus.",
                en="Use the keyphrase or a synonym in about {change} more {change:subheading|subheadings}.",
            ),
        ),
        "many": Template(
            Text(
                fr="{with_keyphrase} {with_keyphrase:intertitre|intertitres} H2/H3 sur {total} {with_keyphrase:reprend|reprennent} « {keyphrase} » ({share} %) : suroptimisation.",
                en="{with_keyphrase} of {total} H2/H3 subheadings reflect “{keyphrase}” ({share}%): over-optimized.",
            ),
            Text(
                fr="Variez : retirez l’expression clé d’environ {change} {change:intertitre|intertitres}.",
                en="Vary them: take the keyphrase out of about {change} {change:subheading|subheadings}.",
            ),
        ),
        "no-subheadings": Template(
            Text(fr="Le texte n’a pas d’intertitre H2 ou H3.", en="The text has no H2 or H3."),
            Text(fr="Voir la règle subheadings.", en="See the subheadings rule."),
        ),
    }

    def check_keyphrase(
        self,
        doc: Document,
        ctx: Context,
        options: SubheadingsOptions,
        index: int,
        matcher: Matcher,
    ) -> Iterator[Emitted]:
        analysis = ctx.keyphrase
        matchers = analysis.topic_matchers(index)
        headings: dict[int, list[Unit]] = {}
        for sentence, units in zip(analysis.sentences, analysis.sentence_units, strict=True):
            element = sentence.element
            if isinstance(element, Heading) and element.level in (2, 3):
                headings.setdefault(sentence.element_index, []).extend(units)
        if not headings:
            yield self.skip("no-subheadings")
            return
        total = len(headings)
        hits = sum(1 for units in headings.values() if present(matchers, units, 0.5))
        share = 100 * hits / total
        params: dict[str, Param] = {
            "keyphrase": matcher.keyphrase.text,
            "with_keyphrase": hits,
            "total": total,
            "share": round(share),
        }
        if share < options.min_percent:
            change = math.ceil(options.min_percent * total / 100) - hits
            yield self.fail("few", None, change=max(change, 1), **params)
        elif share > options.max_percent:
            change = hits - math.floor(options.max_percent * total / 100)
            yield self.warn("many", None, change=max(change, 1), **params)
