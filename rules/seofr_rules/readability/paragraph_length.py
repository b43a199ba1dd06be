"""``paragraph-length``: no paragraph is longer than ``warn-words`` words (``fail-words`` fails)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from seofr.french.words import count_words
from seofr.plugin import Block, Context, Document, Emitted, Level, Rule, Template, Text, option
from seofr_rules.helpers.shares import excerpt


@dataclass(frozen=True)
class ParagraphLengthOptions:
    """Options of ``paragraph-length``."""

    warn_words: int = option(
        150, fr="Au-delà de ce nombre de mots, alerte.", en="Above this many words, warn."
    )
    fail_words: int = option(
        200, fr="Au-delà de ce nombre de mots, échec.", en="Above this many words, fail."
    )


class ParagraphLength(Rule[ParagraphLengthOptions]):
    """No paragraph is longer than ``warn-words`` words (``fail-words`` fails).

    Long paragraphs are walls of text on a phone screen. Each one is listed
    with its length.

    ```md pass warn-words=12 fail-words=20
    Un paragraphe court se lit d’un coup d’œil.

    Le suivant aussi.
    ```

    ```md fail warn-words=5 fail-words=8
    Ce paragraphe compte bien plus de huit mots, ce qui dépasse la limite fixée.
    ```
    """

    name = "paragraph-length"
    code = "R003"
    category = "readability"
    summary = Text(
        fr="Les paragraphes restent courts.",
        en="Paragraphs stay short.",
    )
    description_fr = """Aucun paragraphe ne dépasse ``warn-words`` mots (au-delà de ``fail-words``, la règle échoue).

    Sur l’écran d’un téléphone, un long paragraphe devient un mur de texte.
    Chaque paragraphe trop long est listé avec sa longueur.
    """
    Options = ParagraphLengthOptions
    templates = {
        "long": Template(
            Text(
                fr="Paragraphe de {words} {words:mot|mots} (au-delà de {limit}) : « {excerpt} »",
                en="Paragraph of {words} {words:word|words} (over {limit}): “{excerpt}”",
            ),
            Text(
                fr="Coupez ce paragraphe en deux ou trois paragraphes de {target} {target:mot|mots} au plus.",
                en="Split this paragraph into two or three paragraphs of at most {target} {target:word|words}.",
            ),
        ),
    }

    def check(
        self, doc: Document, ctx: Context, options: ParagraphLengthOptions
    ) -> Iterator[Emitted]:
        for element in ctx.prose:
            if not isinstance(element, Block):
                continue
            words = count_words(element.text)
            if words <= options.warn_words:
                continue
            limit = options.fail_words if words > options.fail_words else options.warn_words
            yield self.at(
                Level.FAIL if words > options.fail_words else Level.WARN,
                "long",
                element.span,
                words=words,
                limit=limit,
                target=options.warn_words,
                excerpt=excerpt(element.text),
            )
