"""``boilerplate``: the body holds no leftovers of a web page or of a text generator."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from seofr.french.normalize import folded_words
from seofr.french.words import count_words
from seofr.plugin import (
    LEFTOVER_KINDS,
    Block,
    BlockKind,
    Context,
    Document,
    EditableSource,
    Emitted,
    Heading,
    Need,
    Rule,
    Template,
    Text,
    folded_line,
    option,
    title_instruction,
)

# A repeated title must be long enough not to be an ordinary phrase, and make up
# most of its line: a sentence that merely contains the title's words is prose
# (« La barre Ligne et remplissage contient… » under the title « Barre Ligne et
# remplissage »), a widget's label glued to it is not (« icon Follow en US <title> »).
_MIN_TITLE_WORDS = 4
_TITLE_SHARE = 2 / 3
# A leftover line this short is the leftover and nothing else: removing it is a
# safe fix. A longer one may carry a sentence of the article beside the phrase
# found in it, so its removal is proposed for a writer to confirm.
_SAFE_LINE_WORDS = 12
# What must follow an instruction glued before a title for the rest to be a title
_MIN_GLUED_TITLE_WORDS = 2


@dataclass(frozen=True)
class BoilerplateOptions:
    """Options of ``boilerplate`` (the built-in phrase lists are data files)."""

    extra_phrases: tuple[str, ...] = option(
        (),
        fr="Phrases de plus qui signalent une ligne à retirer (la signature d’un modèle, un"
        " appel maison), comparées sans casse, accents ni ponctuation.",
        en="More phrases that mark a line to remove (a template's signature, a house"
        " call to action), compared without case, accents or punctuation.",
    )


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

    ```md fail extra-phrases="Rédaction : l’équipe web"
    # Le marché de Noël ouvre ses portes

    Les chalets s’installent sur la place dès vendredi.

    Rédaction : l’équipe web
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
    description_fr = """Le corps du texte ne garde aucun reste de page web ni de générateur de texte.

    Sont visés\u00a0: les boutons de partage et d’abonnement, les formulaires
    de commentaire, les mentions comme «\u00a0Source link\u00a0», les bandeaux de
    cookies, le titre répété dans le corps du texte et les consignes
    laissées à l’intention d’un rédacteur ou d’un modèle de langue
    («\u00a0Make this article seo compatible\u00a0», «\u00a0Voici votre article\u00a0»). Les
    expressions recherchées sont des données, rangées dans
    ``seofr/analyses/data/boilerplate.toml``. Chaque ligne est jugée
    séparément, car les pages aspirées ont souvent plusieurs lignes
    collées en un seul paragraphe.
    """
    needs = frozenset({Need.LEFTOVERS})
    Options = BoilerplateOptions
    templates = {
        "leftover": Template(
            Text(fr="Reste de {kind} : « {excerpt} »", en="Leftover {kind}: “{excerpt}”"),
            Text(fr="Supprimez cette ligne.", en="Remove this line."),
        ),
        "glued-instruction": Template(
            Text(
                fr="Une consigne précède le titre : « {instruction} »",
                en="An instruction comes before the title: “{instruction}”",
            ),
            Text(
                fr="Retirez la consigne et gardez le titre : « {title} ».",
                en="Remove the instruction and keep the title: “{title}”.",
            ),
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
        editable = EditableSource(doc)
        extra = [f" {folded_line(p)} " for p in options.extra_phrases if folded_line(p)]
        for index, (element, lines) in enumerate(zip(ctx.prose, ctx.leftovers.lines, strict=True)):
            # a table's caption is where some pages show their title: not a leftover
            in_body = (
                bool(repeated)
                and isinstance(element, Block)
                and element.kind is not BlockKind.CAPTION
            )
            # where a title stands: the first line of the text, a level-1 heading
            titled = index == 0 or (isinstance(element, Heading) and element.level == 1)
            for start, end, line, kinds in lines:
                folded = folded_line(line)
                if extra and not kinds and any(p in f" {folded} " for p in extra):
                    kinds = ("configured",)  # noqa: PLW2901 - the line's kinds, completed
                repeats = (
                    in_body
                    and f" {repeated} " in f" {folded} "
                    and len(repeated.split()) >= _TITLE_SHARE * len(folded.split())
                )
                glued = title_instruction(line) if titled else 0
                glued_title = bool(glued) and count_words(line[glued:]) >= _MIN_GLUED_TITLE_WORDS
                if not (glued_title or kinds or repeats):
                    continue
                span = doc.source_map.span(element.source_offset(start), element.source_offset(end))
                if glued_title:
                    # the title stays: only the instruction before it goes, once a
                    # writer has checked where the title begins
                    yield self.fail(
                        "glued-instruction",
                        span,
                        instruction=line[:glued].strip(),
                        title=line[glued:],
                    ).with_edits([editable.replace(element, start, start + glued, "", safe=False)])
                    continue
                safe = count_words(line) <= _SAFE_LINE_WORDS
                edit = editable.remove_line(element, start, end, safe=safe)
                excerpt = line if len(line) <= 80 else line[:79] + "…"
                # one finding per line: its first kind is enough to say what it is
                if kinds:
                    yield self.fail(
                        "leftover", span, kind=LEFTOVER_KINDS[kinds[0]], excerpt=excerpt
                    ).with_edits([edit])
                elif repeats:
                    unsafe = None if edit is None else replace(edit, safe=False)
                    yield self.fail("repeated-title", span, excerpt=excerpt).with_edits([unsafe])
