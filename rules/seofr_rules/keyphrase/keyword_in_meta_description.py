"""``keyword-in-meta-description``: the meta description holds the keyphrase once or twice."""

from __future__ import annotations

from collections.abc import Iterator

from seofr.french.keyphrase import Matcher
from seofr.plugin import Context, Document, Emitted, Template, Text
from seofr_rules.helpers.keyphrase import NO_KEYPHRASE, KeyphraseRule, PlacementOptions


class KeywordInMetaDescription(KeyphraseRule):
    """The meta description holds the keyphrase once or twice.

    ```md pass keyword="compost"
    ---
    description: Tout pour réussir son compost en appartement, des bons gestes au choix du bac.
    ---
    ```

    ```md fail keyword="compost"
    ---
    description: Tout pour transformer ses épluchures en terreau, des bons gestes au choix du bac.
    ---
    ```
    """

    name = "keyword-in-meta-description"
    code = "K005"
    summary = Text(
        fr="La méta-description contient l’expression clé.",
        en="The meta description holds the keyphrase.",
    )
    description_fr = "La méta-description contient l’expression clé une ou deux fois."
    Options = PlacementOptions
    templates = {
        "no-keyphrase": NO_KEYPHRASE,
        "missing": Template(
            Text(
                fr="La méta-description ne contient pas « {keyphrase} ».",
                en="The meta description does not hold “{keyphrase}”.",
            ),
            Text(
                fr="Glissez l’expression clé dans la description, une fois.",
                en="Work the keyphrase into the description, once.",
            ),
        ),
        "many": Template(
            Text(
                fr="La méta-description répète « {keyphrase} » {count} fois.",
                en="The meta description repeats “{keyphrase}” {count} times.",
            ),
            Text(
                fr="Gardez une ou deux occurrences.",
                en="Keep one or two occurrences.",
            ),
        ),
        "no-description": Template(
            Text(fr="La page n’a pas de méta-description.", en="The page has no meta description."),
            Text(fr="Voir la règle meta-description.", en="See the meta-description rule."),
        ),
    }

    def check_keyphrase(
        self, doc: Document, ctx: Context, options: PlacementOptions, index: int, matcher: Matcher
    ) -> Iterator[Emitted]:
        if doc.meta_description is None or not doc.meta_description.value.strip():
            yield self.skip("no-description")
            return
        span = doc.meta_description.span
        count = matcher.count(ctx.keyphrase.description_units)
        if count == 0:
            yield self.fail("missing", span, keyphrase=matcher.keyphrase.text)
        elif count > 2:
            yield self.warn("many", span, keyphrase=matcher.keyphrase.text, count=count)
