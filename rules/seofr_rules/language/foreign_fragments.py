"""``foreign-fragments``: no block or line of the text is in another language than French."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from seofr.french.lang import detect_language, plainly_french
from seofr.french.words import count_words
from seofr.plugin import (
    Block,
    BlockKind,
    Context,
    Document,
    Emitted,
    Need,
    Rule,
    Template,
    Text,
    option,
)
from seofr_rules.helpers.languages import language_name, percent

# Quoted passages may be in any language: « … », “ … ”, " … ".
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
# A word (a run of non-spaces) whose first letter or digit is a capital or a digit.
_CAPITALIZED = re.compile(r"(?<!\S)[^\w\s]*[A-ZÀ-ÖØ-Þ0-9]")


@dataclass(frozen=True)
class ForeignFragmentsOptions:
    """Options of ``foreign-fragments``."""

    min_words: int = option(
        4,
        fr="Nombre minimal de mots d’un fragment pour juger sa langue.",
        en="Fewest words a fragment needs for its language to be judged.",
    )
    min_probability: float = option(
        0.9,
        fr="Probabilité minimale d’une autre langue pour signaler le fragment.",
        en="Lowest probability of another language to report the fragment.",
    )


class ForeignFragments(Rule[ForeignFragmentsOptions]):
    """No block or line of the text is in another language than French.

    Scraped or machine-rewritten pages keep leftovers such as "Please follow and
    like us". Each line of at least ``min-words`` words is identified on its
    own; quotations, code, and lines made of proper nouns are not judged.

    ```md pass
    Le maire a inauguré la nouvelle médiathèque samedi matin.

    Elle ouvrira ses portes au public dès lundi.
    ```

    ```md fail
    Le maire a inauguré la nouvelle médiathèque samedi matin.

    Please follow and like us on social media for more updates.
    ```
    """

    name = "foreign-fragments"
    code = "L002"
    category = "language"
    needs = frozenset({Need.LANGUAGE})
    summary = Text(
        fr="Aucun passage n’est resté dans une autre langue.",
        en="No passage was left in another language.",
    )
    Options = ForeignFragmentsOptions
    templates = {
        "foreign": Template(
            Text(
                fr="Passage en {language} (probabilité {probability} %) : « {excerpt} »",
                en="Passage in {language} (probability {probability}%): “{excerpt}”",
            ),
            Text(
                fr="Traduisez ce passage en français ou supprimez-le.",
                en="Translate this passage into French or remove it.",
            ),
        ),
    }

    def check(
        self, doc: Document, ctx: Context, options: ForeignFragmentsOptions
    ) -> Iterator[Emitted]:
        for element in ctx.prose:
            if isinstance(element, Block) and element.kind in (BlockKind.QUOTE, BlockKind.CODE):
                continue
            for start, end in element.lines(doc.source):
                text = _QUOTED.sub(" ", element.text[start:end]).strip()
                words = text.split()
                # cheapest tests first: the split bounds the word count from above,
                # and most lines are plainly French
                if len(words) < options.min_words or plainly_french(text):
                    continue
                if count_words(text) < options.min_words:
                    continue
                if len(_CAPITALIZED.findall(text)) > 0.6 * len(words):
                    continue  # names and titles, not sentences
                guess = detect_language(text, shortcut=False)
                if (
                    guess.language is not None
                    and not guess.is_french
                    and guess.probability >= options.min_probability
                ):
                    span = doc.source_map.span(
                        element.source_offset(start), element.source_offset(end)
                    )
                    yield self.fail(
                        "foreign",
                        span,
                        language=language_name(guess.language, ctx.lang),
                        probability=percent(guess.probability),
                        excerpt=" ".join(words)[:80],
                    )
