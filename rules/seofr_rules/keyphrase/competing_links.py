"""``competing-links``: no link uses the keyphrase as its anchor text."""

from __future__ import annotations

from collections.abc import Iterator

from seofr.french.keyphrase import Matcher
from seofr.plugin import Context, Document, Emitted, Template, Text
from seofr_rules.helpers.keyphrase import NO_KEYPHRASE, KeyphraseRule, PlacementOptions, present


class CompetingLinks(KeyphraseRule):
    """No link uses the keyphrase as its anchor text.

    A link whose anchor is the keyphrase tells search engines that another page
    is the reference for that topic: it competes with this one.

    ```md pass keyword="compost"
    Le compost se fait en bac. Voir [notre guide des déchets](/dechets).
    ```

    ```md fail keyword="compost"
    Le tri se fait en bac. Voir [le compost](/compost).
    ```
    """

    name = "competing-links"
    code = "K010"
    summary = Text(
        fr="Aucun lien n’a l’expression clé pour texte.",
        en="No link has the keyphrase as its text.",
    )
    description_fr = """Aucun lien n’utilise l’expression clé comme texte.

    Un lien dont le texte est l’expression clé indique aux moteurs de
    recherche qu’une autre page fait référence sur ce sujet\u00a0: cette autre
    page entre alors en concurrence avec celle-ci.
    """
    Options = PlacementOptions
    templates = {
        "competing": Template(
            Text(
                fr="Le lien « {text} » vers {href} a pour texte l’expression clé « {keyphrase} ».",
                en="The link “{text}” to {href} uses the keyphrase “{keyphrase}” as its text.",
            ),
            Text(
                fr="Changez le texte du lien pour qu’il décrive la page visée sans l’expression clé.",
                en="Change the link text to describe its target without the keyphrase.",
            ),
        ),
        "no-keyphrase": NO_KEYPHRASE,
    }

    def check_keyphrase(
        self, doc: Document, ctx: Context, options: PlacementOptions, index: int, matcher: Matcher
    ) -> Iterator[Emitted]:
        for link, units in zip(doc.links, ctx.keyphrase.anchor_units, strict=True):
            if present([matcher], units):
                yield self.fail(
                    "competing",
                    link.span,
                    text=link.text,
                    href=link.href,
                    keyphrase=matcher.keyphrase.text,
                )
