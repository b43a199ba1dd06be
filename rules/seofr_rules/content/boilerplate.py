"""``boilerplate``: the body holds no leftovers of a web page or of a text generator."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from seofr.french.normalize import folded_words
from seofr.plugin import (
    LEFTOVER_KINDS,
    Block,
    BlockKind,
    Context,
    Document,
    Emitted,
    Need,
    Rule,
    Template,
    Text,
    folded_line,
)

# A repeated title must be long enough not to be an ordinary phrase, and make up
# most of its line: a sentence that merely contains the title's words is prose
# (« La barre Ligne et remplissage contient… » under the title « Barre Ligne et
# remplissage »), a widget's label glued to it is not (« icon Follow en US <title> »).
_MIN_TITLE_WORDS = 4
_TITLE_SHARE = 2 / 3


@dataclass(frozen=True)
class BoilerplateOptions:
    """Options of ``boilerplate`` (none: the phrase lists are data files)."""


class Boilerplate(Rule[BoilerplateOptions]):
    """The body holds no leftovers of a web page or of a text generator.

    Share and follow widgets, comment forms, "Source link", cookie banners,
    the title repeated inside the body, and instructions left for a writer or
    a model ("Make this article seo compatible", « Voici votre article »). The
    phrases are data in ``seofr/analyses/data/boilerplate.toml``. Every line is
    judged on its own, since scrapers glue lines into one paragraph.

    ```md pass
    # Le marché de Noël ouvre ses portes

    Les chalets s’installent sur la place dès vendredi.
    ```

    ```md fail
    # Le marché de Noël ouvre ses portes

    Les chalets s’installent sur la place dès vendredi.

    Partager

    Votre adresse de messagerie ne sera pas publiée.
    ```

    ```md fail
    # Le marché de Noël ouvre ses portes

    Voici votre article optimisé pour le SEO :

    Les chalets s’installent sur la place dès vendredi.
    ```
    """

    name = "boilerplate"
    code = "C002"
    category = "content"
    summary = Text(
        fr="Le texte ne contient pas de restes de page web ni de consignes.",
        en="The text holds no leftovers of a web page and no instructions.",
    )
    needs = frozenset({Need.LEFTOVERS})
    Options = BoilerplateOptions
    templates = {
        "leftover": Template(
            Text(fr="Reste de {kind} : « {excerpt} »", en="Leftover {kind}: “{excerpt}”"),
            Text(fr="Supprimez cette ligne.", en="Remove this line."),
        ),
        "repeated-title": Template(
            Text(
                fr="Le titre est répété dans le corps du texte : « {excerpt} »",
                en="The title is repeated in the body: “{excerpt}”",
            ),
            Text(fr="Supprimez cette ligne.", en="Remove this line."),
        ),
    }

    def check(self, doc: Document, ctx: Context, options: BoilerplateOptions) -> Iterator[Emitted]:
        title = " ".join(folded_words(doc.title.value)) if doc.title else ""
        repeated = title if len(title.split()) >= _MIN_TITLE_WORDS else ""
        for element, lines in zip(ctx.prose, ctx.leftovers.lines, strict=True):
            # a table's caption is where some pages show their title: not a leftover
            in_body = (
                bool(repeated)
                and isinstance(element, Block)
                and element.kind is not BlockKind.CAPTION
            )
            for start, end, line, kinds in lines:
                folded = folded_line(line)
                repeats = (
                    in_body
                    and f" {repeated} " in f" {folded} "
                    and len(repeated.split()) >= _TITLE_SHARE * len(folded.split())
                )
                if not kinds and not repeats:
                    continue
                span = doc.source_map.span(element.source_offset(start), element.source_offset(end))
                excerpt = line if len(line) <= 80 else line[:79] + "…"
                for kind in kinds:
                    yield self.fail("leftover", span, kind=LEFTOVER_KINDS[kind], excerpt=excerpt)
                if repeats:
                    yield self.fail("repeated-title", span, excerpt=excerpt)
