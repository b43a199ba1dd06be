"""``subheadings``: enough H2 subheadings, and no long stretch of text without one."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from seofr.french.words import count_words
from seofr.plugin import (
    Block,
    Context,
    Document,
    Emitted,
    Heading,
    Level,
    Rule,
    Severity,
    Template,
    Text,
    option,
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
    description_fr = """Assez d’intertitres H2, et pas de long passage sans intertitre.

    Une section est le texte compris entre deux titres (ou qui précède le
    premier). Une section de plus de ``warn-words`` mots fait alerter la
    règle, une section de plus de ``fail-words`` mots la fait échouer\u202f; la
    correction proposée désigne le paragraphe où un intertitre trouverait
    sa place. Le texte doit aussi compter au moins ``min-h2`` intertitres
    H2.
    """
    Options = SubheadingsOptions
    templates = {
        "few-h2": Template(
            Text(
                fr="Le texte compte {count} {count:intertitre|intertitres} H2 ; il en faut au moins {min_h2}.",
                en="The text has {count} H2 {count:subheading|subheadings}; it needs at least {min_h2}.",
            ),
            Text(
                fr="Découpez le texte en {min_h2} parties ou plus et donnez à chacune un intertitre H2.",
                en="Split the text into {min_h2} or more parts and give each an H2 subheading.",
            ),
        ),
        "long-section": Template(
            Text(
                fr="{words} {words:mot|mots} sans intertitre (au-delà de {limit}).",
                en="{words} {words:word|words} without a subheading (over {limit}).",
            ),
            Text(
                fr="Ajoutez un intertitre vers la ligne {line}, avant « {excerpt} ».",
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
