"""Rules about the title a search engine shows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from seofr.context import Context
from seofr.document.model import Document
from seofr.i18n import Text
from seofr.rule import Emitted, Rule, Template, option


@dataclass(frozen=True)
class TitleLengthOptions:
    """Options of ``title-length``."""

    min_chars: int = option(
        30,
        fr="Longueur minimale : plus court, le titre gaspille la place du résultat.",
        en="Minimum length: a shorter title wastes the room of the search result.",
    )
    max_chars: int = option(
        60,
        fr="Longueur maximale : plus long, le titre est coupé dans les résultats.",
        en="Maximum length: a longer title is cut in search results.",
    )


class TitleLength(Rule[TitleLengthOptions]):
    """The title exists and is between ``min-chars`` and ``max-chars`` characters.

    The title is the HTML ``<title>``, the front-matter ``title``, the first
    H1, or for plain text the first line; the report says which one it used.

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
    """

    name = "title-length"
    code = "M001"
    category = "metadata"
    summary = Text(
        fr="Le titre existe et sa longueur convient aux résultats de recherche.",
        en="The title exists and its length suits search results.",
    )
    Options = TitleLengthOptions
    templates = {
        "missing": Template(
            Text(fr="Le document n’a pas de titre.", en="The document has no title."),
            Text(
                fr="Donnez-lui un titre de {min_chars} à {max_chars} caractères.",
                en="Give it a title of {min_chars} to {max_chars} characters.",
            ),
        ),
        "too-long": Template(
            Text(
                fr="Le titre compte {chars} caractères, plus que le maximum de {max_chars}.",
                en="The title has {chars} characters, more than the maximum of {max_chars}.",
            ),
            Text(
                fr="Raccourcissez-le d’environ {excess} caractères.",
                en="Shorten it by about {excess} characters.",
            ),
        ),
        "too-short": Template(
            Text(
                fr="Le titre ne compte que {chars} caractères, moins que le minimum de {min_chars}.",
                en="The title has only {chars} characters, fewer than the minimum of {min_chars}.",
            ),
            Text(
                fr="Ajoutez environ {missing} caractères : précisez le sujet ou l’angle.",
                en="Add about {missing} characters: name the topic or the angle.",
            ),
        ),
    }

    def check(self, doc: Document, ctx: Context, options: TitleLengthOptions) -> Iterator[Emitted]:
        limits = {"min_chars": options.min_chars, "max_chars": options.max_chars}
        if doc.title is None or not doc.title.value.strip():
            yield self.fail("missing", doc.title.span if doc.title else None, **limits)
            return
        chars = len(doc.title.value.strip())
        span = doc.title.span
        if chars > options.max_chars:
            yield self.fail(
                "too-long", span, chars=chars, excess=chars - options.max_chars, **limits
            )
        elif chars < options.min_chars:
            yield self.warn(
                "too-short", span, chars=chars, missing=options.min_chars - chars, **limits
            )
