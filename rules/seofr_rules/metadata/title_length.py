"""``title-length``: the title exists, and fits in a search result: characters and pixels."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from seofr.plugin import (
    TITLE_ORIGINS,
    Context,
    Document,
    Emitted,
    Param,
    Rule,
    Template,
    Text,
    option,
)
from seofr_rules.helpers.serp import text_width, truncate


@dataclass(frozen=True)
class TitleLengthOptions:
    """Options of ``title-length``."""

    min_chars: int = option(
        30,
        fr="Longueur minimale : plus court, le titre gaspille la place du résultat.",
        en="Minimum length: a shorter title wastes the room of the search result.",
    )
    max_chars: int = option(
        60,
        fr="Longueur maximale en caractères.",
        en="Maximum length in characters.",
    )
    max_px: float = option(
        580.0,
        fr="Largeur maximale affichée dans les résultats, en pixels.",
        en="Widest width shown in search results, in pixels.",
    )
    font_px: float = option(
        20.0,
        fr="Taille de police (Arial) du titre dans les résultats.",
        en="Font size (Arial) of the title in search results.",
    )
    title_suffix: str = option(
        "",
        fr="Fin que le site ajoute à chaque titre (« | Le Journal »), comptée dans la longueur"
        " et la largeur quand le titre ne la porte pas déjà.",
        en="Ending the site adds to every title (“ | The Journal”), counted in the length and"
        " the width when the title does not already carry it.",
    )


class TitleLength(Rule[TitleLengthOptions]):
    """The title exists, and fits in a search result: characters and pixels.

    A search engine cuts a title by its width on screen: about 580 pixels of
    Arial 20 px. The width is computed from the metrics of Liberation Sans,
    metric-compatible with Arial (docs/pixel-widths.md); the finding gives the
    width, where the cut falls and what the reader would see. The title is the
    HTML ``<title>``, the front-matter ``title``, the first H1, or for plain
    text the first line; the report says which one it used.

    ```html pass
    <title>Choisir un vélo électrique pour la ville</title>
    <h1>Choisir un vélo électrique</h1>
    ```

    ```html fail
    <title>Un dirigeant démissionne pour passer plus de temps avec sa famille après des mois intenses</title>
    ```

    ```html warn
    <title>Vélo électrique</title>
    ```

    With ``title-suffix``, the ending a site's template adds to every title
    counts too:

    ```html fail title-suffix=" | Le Journal des entreprises de la région"
    <title>Choisir un vélo électrique pour la ville</title>
    ```
    """

    name = "title-length"
    code = "M001"
    category = "metadata"
    summary = Text(
        fr="Le titre existe et tient dans un résultat de recherche.",
        en="The title exists and fits in a search result.",
    )
    description_fr = """Le titre existe et tient dans un résultat de recherche, en caractères comme en pixels.

    Un moteur de recherche coupe un titre selon sa largeur à l’écran\u00a0:
    environ 580 pixels en Arial de 20\u00a0px. La largeur est calculée d’après
    les métriques de Liberation Sans, dont les caractères ont les largeurs
    de ceux d’Arial (docs/pixel-widths.md)\u202f; le message indique la
    largeur, l’endroit de la coupure et ce que le lecteur verrait. Le
    titre doit compter de ``min-chars`` à ``max-chars`` caractères. C’est
    la balise HTML ``<title>``, la clé ``title`` de l’en-tête du fichier,
    le premier H1 ou, pour un texte brut, la première ligne\u202f; le rapport
    indique lequel il a retenu.

    Avec ``title-suffix``, la fin que le gabarit du site ajoute à chaque
    titre compte aussi (voir les exemples).
    """
    Options = TitleLengthOptions
    templates = {
        "missing": Template(
            Text(fr="Le document n’a pas de titre.", en="The document has no title."),
            Text(
                fr="Donnez-lui un titre de {min_chars} à {max_chars} {max_chars:caractère|caractères}.",
                en="Give it a title of {min_chars} to {max_chars} {max_chars:character|characters}.",
            ),
        ),
        "too-long": Template(
            Text(
                fr="Le titre ({title_origin}) compte {chars} {chars:caractère|caractères} et mesure {width} px ; au-delà de {max_px} px il sera coupé après « {cut_word} » : « {preview} »",
                en="The title ({title_origin}) has {chars} {chars:character|characters} and is {width} px wide; past {max_px} px it will be cut after “{cut_word}”: “{preview}”",
            ),
            Text(
                fr="Raccourcissez-le à {max_chars} {max_chars:caractère|caractères} et {max_px} px au plus, le mot-clé en tête.",
                en="Shorten it to at most {max_chars} {max_chars:character|characters} and {max_px} px, keyphrase first.",
            ),
        ),
        "too-short": Template(
            Text(
                fr="Le titre ({title_origin}) ne compte que {chars} {chars:caractère|caractères}, moins que le minimum de {min_chars}.",
                en="The title ({title_origin}) has only {chars} {chars:character|characters}, fewer than the minimum of {min_chars}.",
            ),
            Text(
                fr="Ajoutez environ {missing} {missing:caractère|caractères} : précisez le sujet ou l’angle.",
                en="Add about {missing} {missing:character|characters}: name the topic or the angle.",
            ),
        ),
    }

    def check(self, doc: Document, ctx: Context, options: TitleLengthOptions) -> Iterator[Emitted]:
        limits = {"min_chars": options.min_chars, "max_chars": options.max_chars}
        if doc.title is None or not doc.title.value.strip():
            yield self.fail("missing", doc.title.span if doc.title else None, **limits)
            return
        text = " ".join(doc.title.value.split())
        suffix = " ".join(options.title_suffix.split())
        if suffix and not text.endswith(suffix):
            # the site's template adds it: the search result shows both
            text += options.title_suffix if options.title_suffix[:1].isspace() else f" {suffix}"
        origin: Param = TITLE_ORIGINS[doc.title_origin] if doc.title_origin else "?"
        chars = len(text)
        width = text_width(text, options.font_px)
        span = doc.title.span
        if chars > options.max_chars or width > options.max_px:
            preview = truncate(text, options.max_px, options.font_px) or text
            kept = preview.rstrip("…").split()
            yield self.fail(
                "too-long",
                span,
                chars=chars,
                width=round(width),
                max_px=round(options.max_px),
                cut_word=kept[-1] if kept else "",
                preview=preview,
                title_origin=origin,
                **limits,
            )
        elif chars < options.min_chars:
            yield self.warn(
                "too-short",
                span,
                chars=chars,
                missing=options.min_chars - chars,
                title_origin=origin,
                **limits,
            )
