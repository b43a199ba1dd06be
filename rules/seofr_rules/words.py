"""Rules about the amount of text."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from seofr.context import Context
from seofr.document.model import Document
from seofr.i18n import Text
from seofr.rule import Emitted, Rule, Score, Severity, Template, option


@dataclass(frozen=True)
class WordCountOptions:
    """Options of ``word-count``."""

    min_words: int = option(
        700, fr="Nombre minimal de mots du texte.", en="The fewest words the text may have."
    )


class WordCount(Rule[WordCountOptions]):
    """The text holds at least ``min-words`` words.

    Words are counted the way word processors count them: a run of non-space
    characters holding a letter or a digit ("l’homme" is one word, a lone « or
    — is none). Headings and paragraphs count; code blocks, navigation and
    metadata do not. The score grows with the share of the minimum reached.

    ```md pass min-words=12
    # Le marché du samedi

    Chaque samedi, les producteurs de la vallée vendent leurs légumes sur la place.
    ```

    ```md fail min-words=50
    # Le marché du samedi

    Trop court pour un article.
    ```
    """

    name = "word-count"
    code = "C001"
    category = "content"
    severity = Severity.ERROR
    summary = Text(
        fr="Le texte atteint le nombre minimal de mots.",
        en="The text reaches the minimum number of words.",
    )
    Options = WordCountOptions
    templates = {
        "too-short": Template(
            Text(
                fr="Le texte compte {words} mots, moins que le minimum de {min_words}.",
                en="The text has {words} words, fewer than the minimum of {min_words}.",
            ),
            Text(
                fr="Ajoutez environ {missing} mots de contenu utile.",
                en="Add about {missing} words of useful content.",
            ),
        ),
    }

    def check(self, doc: Document, ctx: Context, options: WordCountOptions) -> Iterator[Emitted]:
        words = ctx.word_count
        if words >= options.min_words:
            return
        # round the advice up to ten words: "add about 450 words" reads better than 443
        missing = max(10, math.ceil((options.min_words - words) / 10) * 10)
        yield Score(words / options.min_words if options.min_words else 1.0)
        yield self.fail("too-short", words=words, min_words=options.min_words, missing=missing)
