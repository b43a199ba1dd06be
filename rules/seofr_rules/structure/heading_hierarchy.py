"""``heading-hierarchy``: exactly one H1, H3 only under an H2, no skipped level, clean headings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from seofr.french.normalize import folded_words
from seofr.plugin import (
    Context,
    Document,
    Emitted,
    Format,
    Heading,
    Rule,
    Severity,
    Template,
    Text,
    TitleOrigin,
    option,
)


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

    max_chars: int = option(
        70,
        fr="Longueur maximale d’un intertitre, en caractères.",
        en="Longest heading, in characters.",
    )


class HeadingHierarchy(Rule[HeadingHierarchyOptions]):
    """Exactly one H1, H3 only under an H2, no skipped level, clean headings.

    Headings are also checked one by one: none is empty, none repeats another
    of the same level, none is longer than ``max-chars`` characters. How many
    H2 a text needs is the ``subheadings`` rule's business.

    In Markdown, the front-matter ``title`` counts as the H1 when the body has
    no H1 of its own (static-site generators print it as the page's H1).

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

    ```md warn
    # Jardiner sur un balcon

    ## Les aromatiques

    ## Les aromatiques

    ##
    ```
    """

    name = "heading-hierarchy"
    code = "S001"
    category = "structure"
    severity = Severity.ERROR
    summary = Text(
        fr="Les titres forment une hiérarchie correcte (un seul H1, pas de niveau sauté).",
        en="Headings form a sound hierarchy (one H1, no skipped level).",
    )
    description_fr = """Un seul titre H1, un H3 seulement sous un H2, aucun niveau sauté, des titres bien formés.

    Les titres sont aussi vérifiés un à un\u00a0: aucun n’est vide, aucun ne
    répète un autre titre du même niveau, aucun ne dépasse ``max-chars``
    caractères. Le nombre de H2 dont un texte a besoin relève de la règle
    ``subheadings``.

    En Markdown, la clé ``title`` de l’en-tête du fichier tient lieu de H1
    quand le corps du texte n’en a pas (les générateurs de sites statiques
    l’affichent comme le H1 de la page).
    """
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
                fr="Titre H1 supplémentaire : le document en compte {count}.",
                en="Extra H1 heading: the document has {count}.",
            ),
            Text(
                fr="Gardez un seul H1 et transformez celui-ci en H2.",
                en="Keep a single H1 and turn this one into an H2.",
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
                fr="Niveau sauté : un H{level} suit un H{previous}.",
                en="Skipped level: an H{level} follows an H{previous}.",
            ),
            Text(fr="Utilisez un H{expected} ici.", en="Use an H{expected} here."),
        ),
        "empty": Template(
            Text(fr="Intertitre H{level} vide.", en="Empty H{level} heading."),
            Text(
                fr="Écrivez l’intertitre ou supprimez la balise.",
                en="Write the heading or remove the tag.",
            ),
        ),
        "duplicate": Template(
            Text(
                fr="Intertitre H{level} répété : « {text} » (déjà ligne {first_line}).",
                en="Repeated H{level} heading: “{text}” (already on line {first_line}).",
            ),
            Text(
                fr="Donnez à chaque partie un intertitre qui lui est propre.",
                en="Give each part a heading of its own.",
            ),
        ),
        "too-long": Template(
            Text(
                fr="Intertitre de {chars} {chars:caractère|caractères}, plus que le maximum de {max_chars}.",
                en="Heading of {chars} {chars:character|characters}, more than the maximum of {max_chars}.",
            ),
            Text(
                fr="Raccourcissez-le d’environ {excess} {excess:caractère|caractères} : gardez l’idée principale.",
                en="Shorten it by about {excess} {excess:character|characters}: keep the main idea.",
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
        seen_h2 = False
        previous = 1
        first_seen: dict[tuple[int, tuple[str, ...]], Heading] = {}
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
            if not heading.text.strip():
                yield self.warn("empty", heading.span, level=level)
                continue
            key = (level, tuple(folded_words(heading.text)))
            if key in first_seen:
                yield self.warn(
                    "duplicate",
                    heading.span,
                    level=level,
                    text=heading.text,
                    first_line=first_seen[key].span.line,
                )
            else:
                first_seen[key] = heading
            chars = len(heading.text)
            if chars > options.max_chars:
                yield self.warn(
                    "too-long",
                    heading.span,
                    chars=chars,
                    max_chars=options.max_chars,
                    excess=chars - options.max_chars,
                )
