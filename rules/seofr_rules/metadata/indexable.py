"""``indexable``: search engines may index the page: no ``noindex``, no canonical elsewhere."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from seofr.plugin import Context, Document, Emitted, Rule, Severity, Template, Text
from seofr_rules.helpers.pages import own_keys, page_key


@dataclass(frozen=True)
class IndexableOptions:
    """Options of ``indexable`` (none)."""


class Indexable(Rule[IndexableOptions]):
    """Search engines may index the page: no ``noindex``, no canonical elsewhere.

    ``<meta name="robots" content="noindex">`` (or ``none``), or front matter
    ``robots: noindex``, keeps the page out of results. A canonical URL whose
    last segment is neither the page's slug nor its file name hands the
    ranking to another page.

    ```html pass
    <head><meta name="robots" content="index, follow"></head>
    ```

    ```html fail
    <head><meta name="robots" content="noindex, nofollow"></head>
    ```
    """

    name = "indexable"
    code = "M003"
    category = "metadata"
    severity = Severity.ERROR
    summary = Text(
        fr="La page peut être indexée par les moteurs de recherche.",
        en="Search engines may index the page.",
    )
    description_fr = """Les moteurs de recherche peuvent indexer la page\u00a0: pas de ``noindex``, pas d’URL canonique vers une autre page.

    La balise ``<meta name="robots" content="noindex">`` (ou ``none``), ou
    la clé ``robots`` de valeur ``noindex`` dans l’en-tête du fichier,
    écarte la page des résultats. Une URL canonique qui se termine par
    autre chose que l’adresse de la page ou que son nom de fichier cède le
    classement à une autre page.
    """
    Options = IndexableOptions
    templates = {
        "noindex": Template(
            Text(
                fr="La page interdit son indexation (robots : « {robots} ») : elle n’apparaîtra pas dans les résultats.",
                en="The page forbids indexing (robots: “{robots}”): it will not appear in results.",
            ),
            Text(
                fr="Retirez « noindex » de la balise robots si la page doit être trouvée.",
                en="Remove “noindex” from the robots tag if the page must be found.",
            ),
        ),
        "canonical-elsewhere": Template(
            Text(
                fr="L’URL canonique désigne une autre page ({canonical}) : celle-ci ne sera pas classée.",
                en="The canonical URL names another page ({canonical}): this one will not rank.",
            ),
            Text(
                fr="Faites pointer la balise canonical vers l’adresse de cette page.",
                en="Point the canonical tag at this page’s own address.",
            ),
        ),
    }

    def check(self, doc: Document, ctx: Context, options: IndexableOptions) -> Iterator[Emitted]:
        robots = doc.meta_robots
        if robots is not None:
            directives = {d.strip().lower() for d in robots.value.split(",")}
            if directives & {"noindex", "none"}:
                yield self.fail("noindex", robots.span, robots=robots.value)
        canonical = doc.canonical
        keys = own_keys(doc)
        if canonical is not None and keys:
            target = page_key(canonical.value)
            if target and target not in keys:
                yield self.fail("canonical-elsewhere", canonical.span, canonical=canonical.value)
