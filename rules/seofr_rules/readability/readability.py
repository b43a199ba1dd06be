"""``readability``: the Kandel–Moles reading ease of the text reaches ``pass-at``."""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator
from dataclasses import dataclass

from seofr.french.readability import band, kandel_moles
from seofr.french.syllables import count_syllables
from seofr.plugin import (
    Context,
    Document,
    Emitted,
    Heading,
    Level,
    Need,
    Param,
    Rule,
    Score,
    Template,
    Text,
    option,
)
from seofr_rules.helpers.shares import NO_SENTENCES, excerpt

# Punctuation a word of the sentence may carry at its ends.
_EDGES = ".,;:!?…»«()\"'“”’[]"
# A word a writer can replace: letters, with inner hyphens or apostrophes, and no
# capital after the first letter; not a URL, a path, a number, code or an acronym.
_PLAIN_WORD = re.compile(r"[^\W\d_][^\W\d_A-ZÀ-ÖØ-Þ]*(?:[-'’][^\W\d_A-ZÀ-ÖØ-Þ]+)*")

# Sentences listed in a fix: enough to act on, few enough to read.
_SHOWN = 3


@dataclass(frozen=True)
class ReadabilityOptions:
    """Options of ``readability``."""

    pass_at: float = option(
        60.0,
        fr="Score Kandel–Moles à partir duquel la règle réussit.",
        en="Kandel–Moles score from which the rule passes.",
    )
    warn_at: float = option(
        50.0,
        fr="Score à partir duquel la règle alerte au lieu d’échouer.",
        en="Score from which the rule warns instead of failing.",
    )


class Readability(Rule[ReadabilityOptions]):
    """The Kandel–Moles reading ease of the text reaches ``pass-at``.

    Kandel & Moles adapted Flesch's formula to French: 207 − 1.015 × words per
    sentence − 73.6 × syllables per word, clamped to 0–100. Syllables are spoken
    syllables (see docs/syllables.md). Below ``pass-at`` the rule warns, below
    ``warn-at`` it fails; the fix names the longest sentences and the longest
    words.

    ```md pass
    Le chat dort. Il fait beau. Nous allons au parc. Les enfants jouent.
    ```

    ```md fail
    L’institutionnalisation progressive des considérations environnementales dans l’élaboration des politiques économiques internationales constitue indubitablement une préoccupation particulièrement significative.
    ```
    """

    name = "readability"
    code = "R001"
    category = "readability"
    needs = frozenset({Need.SENTENCES})
    summary = Text(
        fr="Le texte est facile à lire (indice de Kandel et Moles).",
        en="The text is easy to read (Kandel–Moles reading ease).",
    )
    description_fr = """L’indice de lisibilité de Kandel et Moles atteint ``pass-at``.

    Kandel et Moles ont adapté au français la formule de Flesch\u00a0:
    207 − 1,015 × mots par phrase − 73,6 × syllabes par mot, le résultat
    étant borné entre 0 et 100. Les syllabes sont celles que l’on prononce
    (voir docs/syllables.md). En dessous de ``pass-at``, la règle alerte\u202f;
    en dessous de ``warn-at``, elle échoue. La correction proposée nomme
    les phrases et les mots les plus longs.
    """
    Options = ReadabilityOptions
    templates = {
        "no-sentences": NO_SENTENCES,
        "hard": Template(
            Text(
                fr="Lisibilité {score} sur 100 ({band}) : {words_per_sentence} {words_per_sentence:mot|mots} par phrase, {syllables_per_word} {syllables_per_word:syllabe|syllabes} par mot.",
                en="Reading ease {score} out of 100 ({band}): {words_per_sentence} {words_per_sentence:word|words} per sentence, {syllables_per_word} {syllables_per_word:syllable|syllables} per word.",
            ),
            Text(
                fr="Visez {target} ou plus : coupez les phrases les plus longues ({sentences}) et remplacez des mots longs ({long_words}).",
                en="Aim for {target} or more: split the longest sentences ({sentences}) and replace long words ({long_words}).",
            ),
        ),
    }

    def check(self, doc: Document, ctx: Context, options: ReadabilityOptions) -> Iterator[Emitted]:
        french = ctx.french
        sentences = [s for s in french.sentences if not isinstance(s.element, Heading)]
        words = sum(s.word_count for s in sentences)
        if not words:
            yield self.skip("no-sentences")
            return
        syllables = sum(s.syllables for s in sentences)
        score = kandel_moles(words, len(sentences), syllables)
        yield Score(min(score / options.pass_at, 1.0) if options.pass_at else 1.0)
        if score >= options.pass_at:
            return
        longest = heapq.nlargest(_SHOWN, sentences, key=lambda s: s.word_count)
        vocabulary = {
            word.lower()
            for s in sentences
            for w in s.words
            if _PLAIN_WORD.fullmatch(word := w.strip(_EDGES))
        }
        long_words = heapq.nlargest(_SHOWN, sorted(vocabulary), key=count_syllables)
        params: dict[str, Param] = {
            "score": round(score, 1),
            "band": band(score),
            "words_per_sentence": round(words / len(sentences), 1),
            "syllables_per_word": round(syllables / words, 2),
            "target": options.pass_at,
            "sentences": Text(
                fr="\u202f; ".join(f"«\u00a0{excerpt(s.text, 40)}\u00a0»" for s in longest),
                en="; ".join(f"“{excerpt(s.text, 40)}”" for s in longest),
            ),
            "long_words": ", ".join(long_words),
        }
        yield self.at(
            Level.WARN if score >= options.warn_at else Level.FAIL, "hard", None, **params
        )
