"""``word-count``: the text holds at least ``min-words`` words."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from seofr.plugin import (
    Context,
    Document,
    Emitted,
    Need,
    Rule,
    Score,
    Severity,
    Template,
    Text,
    option,
)


@dataclass(frozen=True)
class WordCountOptions:
    """Options of ``word-count``."""

    min_words: int = option(
        700, fr="Nombre minimal de mots du texte.", en="The fewest words the text may have."
    )
    count_leftovers: bool = option(
        False,
        fr="Compter aussi les mots des lignes que boilerplate signale (widgets, consignes…).",
        en="Also count the words of the lines boilerplate reports (widgets, instructions…).",
    )


class WordCount(Rule[WordCountOptions]):
    """The text holds at least ``min-words`` words.

    Words are counted the way word processors count them: a run of non-space
    characters holding a letter or a digit ("l’homme" is one word, a lone « or
    — is none). Headings and paragraphs count; code blocks, navigation and
    metadata do not, and neither do the lines that ``boilerplate`` asks to
    remove (share widgets, comment forms, instructions left for a writer),
    unless ``count-leftovers`` is set: once they are gone, the text must still
    reach the minimum. The score grows with the share of the minimum reached.

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
    description_fr = """Le texte compte au moins ``min-words`` mots.

    Les mots sont comptés comme le fait un traitement de texte\u00a0: une suite
    de caractères sans espace qui contient une lettre ou un chiffre
    («\u00a0l’homme\u00a0» est un seul mot\u202f; un guillemet ou un tiret isolé n’en est
    pas un). Les titres et les paragraphes comptent\u202f; les blocs de code, la
    navigation et les métadonnées ne comptent pas, pas plus que les lignes
    que ``boilerplate`` demande de retirer (boutons de partage, formulaires
    de commentaire, consignes laissées à l’intention d’un rédacteur), sauf
    si ``count-leftovers`` est activé\u00a0: une fois ces lignes supprimées, le
    texte doit encore atteindre le minimum. Le score croît avec la part du
    minimum atteinte.
    """
    needs = frozenset({Need.LEFTOVERS})
    Options = WordCountOptions
    templates = {
        "too-short": Template(
            Text(
                fr="Le texte compte {words} {words:mot|mots}, moins que le minimum de {min_words}.",
                en="The text has {words} {words:word|words}, fewer than the minimum of {min_words}.",
            ),
            Text(
                fr="Ajoutez environ {missing} {missing:mot|mots} de contenu utile.",
                en="Add about {missing} {missing:word|words} of useful content.",
            ),
        ),
        "too-short-without-leftovers": Template(
            Text(
                fr="Le texte compte {words} {words:mot|mots}, dont {leftover} sur des lignes à supprimer"
                " (voir boilerplate) : {useful} {useful:mot utile|mots utiles}, moins que le minimum de {min_words}.",
                en="The text has {words} {words:word|words}, {leftover} of them on lines to remove"
                " (see boilerplate): {useful} useful words, fewer than the minimum of {min_words}.",
            ),
            Text(
                fr="Supprimez ces lignes et ajoutez environ {missing} {missing:mot|mots} de contenu utile.",
                en="Remove those lines and add about {missing} {missing:word|words} of useful content.",
            ),
        ),
    }

    def check(self, doc: Document, ctx: Context, options: WordCountOptions) -> Iterator[Emitted]:
        words = ctx.word_count
        leftover = 0 if options.count_leftovers else ctx.leftovers.word_count
        useful = words - leftover
        if useful >= options.min_words:
            return
        # round the advice up to ten words: "add about 450 words" reads better than 443
        missing = max(10, math.ceil((options.min_words - useful) / 10) * 10)
        yield Score(useful / options.min_words if options.min_words else 1.0)
        if leftover:
            yield self.fail(
                "too-short-without-leftovers",
                words=words,
                leftover=leftover,
                useful=useful,
                min_words=options.min_words,
                missing=missing,
            )
        else:
            yield self.fail("too-short", words=words, min_words=options.min_words, missing=missing)
