"""``meta-description``: the page has a meta description of the right length, not a copy of the title."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from seofr.french.normalize import same_text
from seofr.plugin import Context, Document, Emitted, Format, Rule, Template, Text, option
from seofr_rules.helpers.serp import text_width, truncate


@dataclass(frozen=True)
class MetaDescriptionOptions:
    """Options of ``meta-description``."""

    min_chars: int = option(
        120,
        fr="Longueur minimale : plus courte, la description laisse de la place perdue.",
        en="Minimum length: a shorter description wastes room.",
    )
    max_chars: int = option(
        156,
        fr="Longueur maximale en caractères.",
        en="Maximum length in characters.",
    )
    max_px: float = option(
        920.0,
        fr="Largeur maximale affichée, en pixels.",
        en="Widest displayed width, in pixels.",
    )
    font_px: float = option(
        14.0,
        fr="Taille de police (Arial) de la description dans les résultats.",
        en="Font size (Arial) of the description in results.",
    )


class MetaDescription(Rule[MetaDescriptionOptions]):
    """The page has a meta description of the right length, not a copy of the title.

    Search engines show the description under the title; at most about 920
    pixels of Arial 14 px fit. It comes from ``<meta name="description">`` or
    the front matter's ``description``. Plain-text documents have none and
    skip this rule.

    ```md pass
    ---
    title: Choisir un vélo électrique pour la ville
    description: Autonomie, prix, entretien et aides à l’achat, tout ce qu’il faut savoir avant d’acheter un vélo électrique pour vos trajets en ville.
    ---

    Texte.
    ```

    ```md warn
    ---
    title: Choisir un vélo électrique pour la ville
    description: Un guide.
    ---

    Texte.
    ```

    ```md fail
    ---
    title: Choisir un vélo électrique pour la ville
    ---

    Texte.
    ```
    """

    name = "meta-description"
    code = "M002"
    category = "metadata"
    summary = Text(
        fr="La méta-description existe et a la bonne longueur.",
        en="The meta description exists and has the right length.",
    )
    description_fr = """La page a une méta-description de la bonne longueur, qui ne recopie pas le titre.

    Les moteurs de recherche affichent la description sous le titre, sur
    environ 920 pixels au plus en Arial de 14\u00a0px\u00a0: elle doit compter de
    ``min-chars`` à ``max-chars`` caractères et ne pas dépasser ``max-px``
    pixels. Elle est lue dans la balise ``<meta name="description">`` ou
    dans la clé ``description`` de l’en-tête du fichier. Un document en
    texte brut n’en a pas\u00a0: la règle ne s’y applique pas.
    """
    Options = MetaDescriptionOptions
    templates = {
        "missing": Template(
            Text(fr="La page n’a pas de méta-description.", en="The page has no meta description."),
            Text(
                fr="Écrivez une description de {min_chars} à {max_chars} {max_chars:caractère|caractères} qui donne envie de cliquer.",
                en="Write a description of {min_chars} to {max_chars} {max_chars:character|characters} that makes people click.",
            ),
        ),
        "too-short": Template(
            Text(
                fr="La méta-description ne compte que {chars} {chars:caractère|caractères} (minimum {min_chars}).",
                en="The meta description has only {chars} {chars:character|characters} (minimum {min_chars}).",
            ),
            Text(
                fr="Ajoutez environ {missing} {missing:caractère|caractères} : le bénéfice pour le lecteur, un détail concret.",
                en="Add about {missing} {missing:character|characters}: the reader’s benefit, a concrete detail.",
            ),
        ),
        "too-long": Template(
            Text(
                fr="La méta-description compte {chars} {chars:caractère|caractères} et {width} px ; elle sera coupée : « {preview} »",
                en="The meta description has {chars} {chars:character|characters} and {width} px; it will be cut: “{preview}”",
            ),
            Text(
                fr="Raccourcissez-la à {max_chars} {max_chars:caractère|caractères} et {max_px} px au plus.",
                en="Shorten it to at most {max_chars} {max_chars:character|characters} and {max_px} px.",
            ),
        ),
        "same-as-title": Template(
            Text(
                fr="La méta-description répète le titre.",
                en="The meta description repeats the title.",
            ),
            Text(
                fr="Écrivez une description qui complète le titre au lieu de le répéter.",
                en="Write a description that adds to the title instead of repeating it.",
            ),
        ),
        "no-metadata": Template(
            Text(
                fr="Un texte brut n’a pas de méta-description.",
                en="Plain text has no meta description.",
            ),
            Text(fr="Aucune action nécessaire.", en="Nothing to do."),
        ),
    }

    def check(
        self, doc: Document, ctx: Context, options: MetaDescriptionOptions
    ) -> Iterator[Emitted]:
        if doc.format is Format.TEXT:
            yield self.skip("no-metadata")
            return
        limits = {"min_chars": options.min_chars, "max_chars": options.max_chars}
        description = doc.meta_description
        text = " ".join(description.value.split()) if description else ""
        if description is None or not text:
            yield self.fail("missing", description.span if description else None, **limits)
            return
        span = description.span
        chars = len(text)
        width = text_width(text, options.font_px)
        if chars > options.max_chars or width > options.max_px:
            preview = truncate(text, options.max_px, options.font_px) or text
            yield self.fail(
                "too-long",
                span,
                chars=chars,
                width=round(width),
                preview=preview,
                max_px=round(options.max_px),
                **limits,
            )
        elif chars < options.min_chars:
            yield self.warn(
                "too-short", span, chars=chars, missing=options.min_chars - chars, **limits
            )
        if doc.title is not None and same_text(doc.title.value, text):
            yield self.fail("same-as-title", span)
