"""``keyword-in-slug``: the page's address holds the keyphrase's content words."""

from __future__ import annotations

from collections.abc import Iterator

from seofr.french.keyphrase import Matcher, units_of_text
from seofr.french.normalize import strip_accents
from seofr.plugin import Context, Document, Emitted, Template, Text
from seofr_rules.helpers.keyphrase import NO_KEYPHRASE, KeyphraseRule, PlacementOptions, present
from seofr_rules.helpers.pages import own_keys


class KeywordInSlug(KeyphraseRule):
    """The page's address holds the keyphrase's content words.

    The slug is the front matter's ``slug``, else the canonical URL's last
    segment, else the file name. Accents and case do not matter.

    ```md pass keyword="vélo électrique"
    ---
    slug: velo-electrique-ville
    ---
    ```

    ```md fail keyword="vélo électrique"
    ---
    slug: guide-ville-2024
    ---
    ```
    """

    name = "keyword-in-slug"
    code = "K006"
    summary = Text(
        fr="L’adresse de la page contient l’expression clé.",
        en="The page address holds the keyphrase.",
    )
    description_fr = """L’adresse de la page contient les mots pleins de l’expression clé.

    L’adresse lue est la clé ``slug`` de l’en-tête du fichier, à défaut le
    dernier segment de l’URL canonique, à défaut le nom du fichier. Ni les
    accents ni les majuscules ne comptent.
    """
    Options = PlacementOptions
    templates = {
        "no-keyphrase": NO_KEYPHRASE,
        "missing": Template(
            Text(
                fr="L’adresse « {slug} » ne contient pas « {keyphrase} ».",
                en="The address “{slug}” does not hold “{keyphrase}”.",
            ),
            Text(
                fr="Choisissez une adresse courte qui contient l’expression clé, comme « {suggestion} ».",
                en="Choose a short address holding the keyphrase, such as “{suggestion}”.",
            ),
        ),
        "no-slug": Template(
            Text(fr="La page n’a pas d’adresse connue.", en="The page has no known address."),
            Text(
                fr="Indiquez « slug » dans l’en-tête du fichier.",
                en="Set “slug” in the front matter.",
            ),
        ),
    }

    def check_keyphrase(
        self, doc: Document, ctx: Context, options: PlacementOptions, index: int, matcher: Matcher
    ) -> Iterator[Emitted]:
        slugs = sorted(own_keys(doc))
        if doc.canonical is not None:
            slugs.append(doc.canonical.value.rstrip("/").rsplit("/", 1)[-1])
        if not slugs:
            yield self.skip("no-slug")
            return
        slug = slugs[0]
        if any(present([matcher], units_of_text(s.replace("-", " "))) for s in slugs):
            return
        suggestion = "-".join(
            strip_accents(u.form) for u in units_of_text(matcher.keyphrase.text.strip('"«» '))
        )
        yield self.fail(
            "missing", None, slug=slug, keyphrase=matcher.keyphrase.text, suggestion=suggestion
        )
