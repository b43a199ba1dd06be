"""Rules about headings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from seofr.context import Context
from seofr.document.model import Document, Format, TitleOrigin
from seofr.i18n import Text
from seofr.rule import Emitted, Rule, Severity, Template, option


def counts_title_as_h1(doc: Document) -> bool:
    """Whether the front-matter title stands for the H1.

    Static-site generators print the front-matter ``title`` as the page's H1, so
    a Markdown body without ``# heading`` still has one; a body that has its own
    H1 does not get a second one from the title.
    """
    return (
        doc.format is Format.MARKDOWN
        and doc.title_origin is TitleOrigin.FRONT_MATTER
        and not any(h.level == 1 for h in doc.headings)
    )


@dataclass(frozen=True)
class HeadingHierarchyOptions:
    """Options of ``heading-hierarchy``."""

    min_h2: int = option(1, fr="Nombre minimal d’intertitres H2.", en="The fewest H2 subheadings.")


class HeadingHierarchy(Rule[HeadingHierarchyOptions]):
    """Exactly one H1, enough H2, H3 only under an H2, no skipped level.

    In Markdown, the front-matter ``title`` counts as the H1 when the body has
    no H1 of its own.

    ```md pass
    # Jardiner sur un balcon

    Quelques pots suffisent pour commencer.

    ## Choisir les plantes

    ### Les aromatiques
    ```

    ```md fail
    # Jardiner sur un balcon

    ### Les aromatiques

    # Un second titre principal
    ```
    """

    name = "heading-hierarchy"
    code = "S001"
    category = "structure"
    severity = Severity.ERROR
    summary = Text(
        fr="Les intertitres forment une hiérarchie correcte (un seul H1, des H2, pas de saut).",
        en="Headings form a sound hierarchy (one H1, some H2, no skipped level).",
    )
    Options = HeadingHierarchyOptions
    templates = {
        "no-h1": Template(
            Text(fr="Le document n’a pas de titre H1.", en="The document has no H1 heading."),
            Text(
                fr="Ajoutez un titre H1 unique qui annonce le sujet.",
                en="Add one H1 heading that states the topic.",
            ),
        ),
        "extra-h1": Template(
            Text(
                fr="Titre H1 supplémentaire : le document en compte {count}.",
                en="Extra H1 heading: the document has {count}.",
            ),
            Text(
                fr="Gardez un seul H1 et transformez celui-ci en H2.",
                en="Keep a single H1 and turn this one into an H2.",
            ),
        ),
        "few-h2": Template(
            Text(
                fr="Le texte compte {count} intertitre(s) H2 ; il en faut au moins {min_h2}.",
                en="The text has {count} H2 subheading(s); it needs at least {min_h2}.",
            ),
            Text(
                fr="Découpez le texte en parties et donnez à chacune un intertitre H2.",
                en="Split the text into parts and give each an H2 subheading.",
            ),
        ),
        "orphan-h3": Template(
            Text(
                fr="Intertitre H{level} placé avant tout H2.",
                en="H{level} subheading placed before any H2.",
            ),
            Text(
                fr="Ajoutez un H2 au-dessus ou passez cet intertitre en H2.",
                en="Add an H2 above it or make this subheading an H2.",
            ),
        ),
        "skipped-level": Template(
            Text(
                fr="Niveau sauté : un H{level} suit un H{previous}.",
                en="Skipped level: an H{level} follows an H{previous}.",
            ),
            Text(
                fr="Utilisez un H{expected} ici.",
                en="Use an H{expected} here.",
            ),
        ),
    }

    def check(
        self, doc: Document, ctx: Context, options: HeadingHierarchyOptions
    ) -> Iterator[Emitted]:
        headings = doc.headings
        h1s = [h for h in headings if h.level == 1]
        if not h1s and not counts_title_as_h1(doc):
            yield self.fail("no-h1")
        for extra in h1s[1:]:
            yield self.fail("extra-h1", extra.span, count=len(h1s))
        h2_count = sum(1 for h in headings if h.level == 2)
        if h2_count < options.min_h2:
            yield self.fail("few-h2", count=h2_count, min_h2=options.min_h2)
        seen_h2 = False
        previous = 1
        for heading in headings:
            level = heading.level
            if level == 2:
                seen_h2 = True
            if level >= 3 and not seen_h2:
                yield self.fail("orphan-h3", heading.span, level=level)
            elif level > previous + 1:
                yield self.fail(
                    "skipped-level",
                    heading.span,
                    level=level,
                    previous=previous,
                    expected=previous + 1,
                )
            previous = level
