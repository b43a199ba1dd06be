"""``keyword-in-image-alt``: when the page has images, at least one alternative text holds the keyphrase."""

from __future__ import annotations

from collections.abc import Iterator

from seofr.french.keyphrase import Matcher
from seofr.plugin import Context, Document, Emitted, Template, Text
from seofr_rules.helpers.keyphrase import NO_KEYPHRASE, KeyphraseRule, PlacementOptions, present


class KeywordInImageAlt(KeyphraseRule):
    """When the page has images, at least one alternative text holds the keyphrase.

    ```md pass keyword="compost"
    ![Un bac à compost dans une cour](/img/bac.jpg)
    ```

    ```md fail keyword="compost"
    ![Une cour d’immeuble fleurie](/img/cour.jpg)
    ```
    """

    name = "keyword-in-image-alt"
    code = "K007"
    summary = Text(
        fr="Une image au moins a l’expression clé dans son texte alternatif.",
        en="At least one image has the keyphrase in its alternative text.",
    )
    description_fr = (
        "Quand la page a des images, au moins un texte alternatif contient l’expression clé."
    )
    Options = PlacementOptions
    templates = {
        "no-keyphrase": NO_KEYPHRASE,
        "missing": Template(
            Text(
                fr="Aucun texte alternatif d’image ne contient « {keyphrase} » ({images} {images:image|images}).",
                en="No image alternative text holds “{keyphrase}” ({images} {images:image|images}).",
            ),
            Text(
                fr="Décrivez l’image principale avec l’expression clé, si elle s’y prête.",
                en="Describe the main image with the keyphrase, where it fits.",
            ),
        ),
        "no-images": Template(
            Text(fr="La page n’a pas d’image.", en="The page has no image."),
            Text(fr="Aucune action nécessaire.", en="Nothing to do."),
        ),
    }

    def check_keyphrase(
        self, doc: Document, ctx: Context, options: PlacementOptions, index: int, matcher: Matcher
    ) -> Iterator[Emitted]:
        if not doc.images:
            yield self.skip("no-images")
            return
        matchers = ctx.keyphrase.topic_matchers(index)
        if not any(present(matchers, units) for units in ctx.keyphrase.alt_units):
            yield self.fail(
                "missing",
                doc.images[0].span,
                keyphrase=matcher.keyphrase.text,
                images=len(doc.images),
            )
