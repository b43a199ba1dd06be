"""Rules about headings."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from seofr.document.model import Block, Document, Format, Heading, TitleOrigin
from seofr.french.normalize import folded_words
from seofr.french.words import count_words
from seofr.i18n import Text
from seofr.plugin import Context, Emitted, Level, Rule, Severity, Template, option


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
                fr="Intertitre H{level} répété : « {text} » (déjà ligne {first_line}).",
                en="Repeated H{level} heading: “{text}” (already on line {first_line}).",
            ),
            Text(
                fr="Donnez à chaque partie un intertitre qui lui est propre.",
                en="Give each part a heading of its own.",
            ),
        ),
        "too-long": Template(
            Text(
                fr="Intertitre de {chars} caractères, plus que le maximum de {max_chars}.",
                en="Heading of {chars} characters, more than the maximum of {max_chars}.",
            ),
            Text(
                fr="Raccourcissez-le d’environ {excess} caractères : gardez l’idée principale.",
                en="Shorten it by about {excess} characters: keep the main idea.",
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


@dataclass(frozen=True)
class SubheadingsOptions:
    """Options of ``subheadings``."""

    min_h2: int = option(2, fr="Nombre minimal d’intertitres H2.", en="The fewest H2 subheadings.")
    warn_words: int = option(
        300,
        fr="Au-delà de ce nombre de mots sans intertitre, alerte.",
        en="Above this many words without a subheading, warn.",
    )
    fail_words: int = option(
        350,
        fr="Au-delà de ce nombre de mots sans intertitre, échec.",
        en="Above this many words without a subheading, fail.",
    )


class Subheadings(Rule[SubheadingsOptions]):
    """Enough H2 subheadings, and no long stretch of text without one.

    A section is the text between two headings (or before the first one). A
    section longer than ``warn-words`` warns, longer than ``fail-words`` fails;
    the fix points at the paragraph where a subheading would fit.

    ```md pass min-h2=1 warn-words=20 fail-words=30
    # Le compost

    Un bac suffit pour commencer.

    ## Ce qu’on y met

    Des épluchures et du marc de café.
    ```

    ```md fail min-h2=1 warn-words=5 fail-words=8
    # Le compost

    Un bac, des épluchures, du marc de café et un peu de patience suffisent pour obtenir un bon terreau.
    ```
    """

    name = "subheadings"
    code = "S002"
    category = "structure"
    severity = Severity.ERROR
    summary = Text(
        fr="Le texte est découpé par des intertitres H2 assez nombreux.",
        en="The text is divided by enough H2 subheadings.",
    )
    Options = SubheadingsOptions
    templates = {
        "few-h2": Template(
            Text(
                fr="Le texte compte {count} intertitre(s) H2 ; il en faut au moins {min_h2}.",
                en="The text has {count} H2 subheading(s); it needs at least {min_h2}.",
            ),
            Text(
                fr="Découpez le texte en {min_h2} parties ou plus et donnez à chacune un intertitre H2.",
                en="Split the text into {min_h2} or more parts and give each an H2 subheading.",
            ),
        ),
        "long-section": Template(
            Text(
                fr="{words} mots sans intertitre (au-delà de {limit}).",
                en="{words} words without a subheading (over {limit}).",
            ),
            Text(
                fr="Ajoutez un intertitre vers la ligne {line}, avant « {excerpt} ».",
                en="Add a subheading around line {line}, before “{excerpt}”.",
            ),
        ),
    }

    def check(self, doc: Document, ctx: Context, options: SubheadingsOptions) -> Iterator[Emitted]:
        count = sum(1 for h in doc.headings if h.level == 2)
        if count < options.min_h2:
            yield self.fail("few-h2", count=count, min_h2=options.min_h2)
        for section in _sections(ctx.prose):
            words = [count_words(block.text) for block in section]
            total = sum(words)
            if total <= options.warn_words:
                continue
            # suggest the first paragraph that starts after half the allowed length
            running, cut = 0, section[-1]
            for block, size in zip(section, words, strict=True):
                if running >= options.warn_words // 2 and block is not section[0]:
                    cut = block
                    break
                running += size
            span = doc.source_map.span(section[0].span.start, section[-1].span.end)
            yield self.at(
                Level.FAIL if total > options.fail_words else Level.WARN,
                "long-section",
                span,
                words=total,
                limit=options.fail_words if total > options.fail_words else options.warn_words,
                line=cut.span.line,
                excerpt=" ".join(cut.text.split()[:6]) + "…",
            )


def _sections(elements: Sequence[Heading | Block]) -> Iterator[list[Block]]:
    """Runs of blocks between headings."""
    current: list[Block] = []
    for element in elements:
        if isinstance(element, Heading):
            if current:
                yield current
            current = []
        else:
            current.append(element)
    if current:
        yield current
