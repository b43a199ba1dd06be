"""``keyword-in-title``: the title starts with the keyphrase (leading function words aside)."""

from __future__ import annotations

from collections.abc import Iterator

from seofr.french.keyphrase import Matcher
from seofr.plugin import Context, Document, Emitted, Template, Text
from seofr_rules.helpers.keyphrase import NO_KEYPHRASE, KeyphraseRule, PlacementOptions, present


class KeywordInTitle(KeyphraseRule):
    """The title starts with the keyphrase (leading function words aside).

    Elsewhere in the title, the rule warns; missing, it fails.

    ```md pass keyword="vélo électrique"
    # Vélos électriques : le guide pour la ville
    ```

    ```md warn keyword="vélo électrique"
    # Le guide du vélo électrique en ville
    ```

    ```md fail keyword="vélo électrique"
    # Le guide de la trottinette
    ```
    """

    name = "keyword-in-title"
    code = "K002"
    summary = Text(
        fr="Le titre commence par l’expression clé.",
        en="The title starts with the keyphrase.",
    )
    description_fr = """Le titre commence par l’expression clé (sans compter les mots outils placés devant).

    Si l’expression clé se trouve ailleurs dans le titre, la règle alerte\u202f;
    si elle en est absente, la règle échoue.
    """
    Options = PlacementOptions
    templates = {
        "no-keyphrase": NO_KEYPHRASE,
        "not-first": Template(
            Text(
                fr="« {keyphrase} » est dans le titre, mais pas au début.",
                en="“{keyphrase}” is in the title, but not at the start.",
            ),
            Text(
                fr="Placez l’expression clé en tête du titre.",
                en="Move the keyphrase to the start of the title.",
            ),
        ),
        "missing": Template(
            Text(
                fr="Le titre ne contient pas « {keyphrase} ».",
                en="The title does not hold “{keyphrase}”.",
            ),
            Text(
                fr="Réécrivez le titre pour qu’il commence par l’expression clé.",
                en="Rewrite the title so that it starts with the keyphrase.",
            ),
        ),
    }

    def check_keyphrase(
        self, doc: Document, ctx: Context, options: PlacementOptions, index: int, matcher: Matcher
    ) -> Iterator[Emitted]:
        units = ctx.keyphrase.title_units
        span = doc.title.span if doc.title else None
        if not present([matcher], units):
            yield self.fail("missing", span, keyphrase=matcher.keyphrase.text)
            return
        content = [u for u in units if not u.is_function_word]
        size = len(matcher.keyphrase.exact or matcher.keyphrase.words)
        head = units[: units.index(content[size - 1]) + 1] if len(content) >= size else units
        if not present([matcher], head):
            yield self.warn("not-first", span, keyphrase=matcher.keyphrase.text)
