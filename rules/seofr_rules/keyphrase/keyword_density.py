"""``keyword-density``: the keyphrase appears often enough, but not too often: 0.5 % to 3 % of words."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from seofr.french.keyphrase import Matcher
from seofr.plugin import Context, Document, Emitted, Level, Param, Template, Text, option
from seofr_rules.helpers.keyphrase import NO_KEYPHRASE, KeyphraseRule


@dataclass(frozen=True)
class DensityOptions:
    """Options of ``keyword-density``."""

    min_percent: float = option(0.5, fr="Densité minimale (%).", en="Lowest density (%).")
    max_percent: float = option(
        3.0, fr="Densité maximale sans alerte (%).", en="Highest density without a warning (%)."
    )
    fail_percent: float = option(
        4.0, fr="Au-delà de cette densité (%), échec.", en="Above this density (%), fail."
    )
    short_text_words: int = option(
        300,
        fr="En dessous de ce nombre de mots, on exige un nombre d’occurrences plutôt qu’une densité.",
        en="Below this many words a count of occurrences is required instead of a density.",
    )
    min_count: int = option(
        2,
        fr="Nombre minimal d’occurrences d’un texte court.",
        en="Fewest occurrences in a short text.",
    )


class KeywordDensity(KeyphraseRule):
    """The keyphrase appears often enough, but not too often: 0.5 % to 3 % of words.

    Density is occurrences ÷ words. Every inflected form counts (« démissions »
    for « démission »). From 3 % to 4 % the text looks over-optimized (warn);
    above 4 % or below 0.5 % the rule fails. A text shorter than
    ``short-text-words`` is only asked for ``min-count`` occurrences.

    ```md pass keyword="marché"
    Le marché ouvre samedi. Les marchés de la vallée attirent du monde. On y vend des fruits, des légumes, du pain et des fromages.
    ```

    ```md fail keyword="piscine"
    Le marché ouvre samedi. On y vend des fruits, des légumes, du pain et des fromages.
    ```
    """

    name = "keyword-density"
    code = "K001"
    summary = Text(
        fr="L’expression clé revient assez souvent, sans excès.",
        en="The keyphrase appears often enough, without excess.",
    )
    description_fr = """L’expression clé revient assez souvent, mais pas trop\u00a0: de 0,5\u00a0% à 3\u00a0% des mots.

    La densité est le nombre d’occurrences divisé par le nombre de mots.
    Toutes les formes fléchies comptent («\u00a0démissions\u00a0» pour
    «\u00a0démission\u00a0»). De 3\u00a0% à 4\u00a0%, le texte paraît suroptimisé et la règle
    alerte\u202f; au-delà de 4\u00a0% ou en dessous de 0,5\u00a0%, elle échoue. D’un
    texte de moins de ``short-text-words`` mots, la règle exige seulement
    ``min-count`` occurrences.
    """
    Options = DensityOptions
    templates = {
        "no-keyphrase": NO_KEYPHRASE,
        "low": Template(
            Text(
                fr="« {keyphrase} » apparaît {count} fois pour {words} {words:mot|mots} ({density} %) : trop peu.",
                en="“{keyphrase}” appears {count} {count:time|times} in {words} {words:word|words} ({density}%): too few.",
            ),
            Text(
                fr="Ajoutez environ {change} {change:occurrence|occurrences}, {change:placée|réparties} dans le texte.",
                en="Add about {change} {change:occurrence|occurrences}, spread through the text.",
            ),
        ),
        "high": Template(
            Text(
                fr="« {keyphrase} » apparaît {count} fois pour {words} {words:mot|mots} ({density} %) : suroptimisation.",
                en="“{keyphrase}” appears {count} times in {words} {words:word|words} ({density}%): over-optimized.",
            ),
            Text(
                fr="Retirez environ {change} {change:occurrence ou remplacez-la par un synonyme|occurrences ou remplacez-les par des synonymes}.",
                en="Remove about {change} {change:occurrence or replace it with a synonym|occurrences or replace them with synonyms}.",
            ),
        ),
    }

    def check_keyphrase(
        self, doc: Document, ctx: Context, options: DensityOptions, index: int, matcher: Matcher
    ) -> Iterator[Emitted]:
        analysis = ctx.keyphrase
        count = sum(
            analysis.count_in_sentence(matcher, i) for i in range(len(analysis.sentence_units))
        )
        words = ctx.word_count
        if not words:
            return
        density = 100 * count / words
        params: dict[str, Param] = {
            "keyphrase": matcher.keyphrase.text,
            "count": count,
            "words": words,
            "density": round(density, 2),
        }
        if words < options.short_text_words:
            # a density means little on a few sentences: ask for a count only
            if count < options.min_count:
                yield self.fail("low", None, change=options.min_count - count, **params)
            return
        if density < options.min_percent:
            needed = math.ceil(options.min_percent * words / 100)
            yield self.fail("low", None, change=needed - count, **params)
        elif density > options.max_percent:
            allowed = math.floor(options.max_percent * words / 100)
            level = Level.FAIL if density > options.fail_percent else Level.WARN
            yield self.at(level, "high", None, change=max(count - allowed, 1), **params)
