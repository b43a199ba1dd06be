"""``original-overlap``: the rewrite does not copy the original: few word sequences are taken from it."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from seofr.french.normalize import fold
from seofr.plugin import (
    Block,
    Context,
    Document,
    Emitted,
    Heading,
    Level,
    Rule,
    Score,
    Template,
    Text,
    option,
)
from seofr_rules.helpers.original import NO_ORIGINAL

_WORD = re.compile(r"[^\W_]+")
# Passages listed in a finding: the longest ones.
_SHOWN = 3

Element = Heading | Block


@dataclass(frozen=True)
class WordAt:
    """A folded word and where it is: element index and offsets in its text."""

    word: str
    element: int
    start: int
    end: int


def words_at(elements: Sequence[Element]) -> list[WordAt]:
    """Every folded word of the elements, in order, with its position."""
    found: list[WordAt] = []
    for index, element in enumerate(elements):
        folded = fold(element.text)  # same length as the text: offsets carry over
        found.extend(WordAt(m.group(), index, m.start(), m.end()) for m in _WORD.finditer(folded))
    return found


def ngrams(words: Sequence[WordAt], size: int) -> list[tuple[str, ...]]:
    """The word n-grams that stay within one element."""
    grams: list[tuple[str, ...]] = []
    for index in range(len(words) - size + 1):
        window = words[index : index + size]
        if window[0].element == window[-1].element:
            grams.append(tuple(w.word for w in window))
    return grams


@dataclass(frozen=True)
class OriginalOverlapOptions:
    """Options of ``original-overlap``."""

    ngram: int = option(
        5,
        fr="Longueur des suites de mots comparées.",
        en="Length of the compared word sequences.",
    )
    warn_share: float = option(
        30.0,
        fr="Part (%) de suites reprises à partir de laquelle la règle alerte.",
        en="Share (%) of copied sequences from which the rule warns.",
    )
    fail_share: float = option(
        60.0,
        fr="Part (%) de suites reprises à partir de laquelle la règle échoue.",
        en="Share (%) of copied sequences from which the rule fails.",
    )


class OriginalOverlap(Rule[OriginalOverlapOptions]):
    """The rewrite does not copy the original: few word sequences are taken from it.

    The share of the article's five-word sequences (``ngram``) that also occur
    in the original, ignoring case, accents and punctuation. The longest
    copied passages are listed with their positions. Applies only when an
    original is given.

    ```md pass original="Le conseil municipal a voté le budget de la ville jeudi soir après un long débat."
    Jeudi soir, après de longues discussions, les élus ont adopté les comptes de la commune.
    ```

    ```md fail original="Le conseil municipal a voté le budget de la ville jeudi soir après un long débat."
    Le conseil municipal a voté le budget de la ville jeudi soir, disent les journaux.
    ```

    ```md skip
    Un texte sans original à comparer.
    ```
    """

    name = "original-overlap"
    code = "W002"
    category = "rewrite"
    summary = Text(
        fr="La réécriture ne recopie pas l’article d’origine.",
        en="The rewrite does not copy the original article.",
    )
    description_fr = """La réécriture ne recopie pas l’article d’origine\u00a0: elle lui reprend peu de suites de mots.

    La règle mesure la part des suites de cinq mots (``ngram``) de
    l’article qui se retrouvent aussi dans l’original, sans tenir compte
    des majuscules, des accents ni de la ponctuation. Les plus longs
    passages repris sont listés avec leur position. À partir de
    ``warn-share``\u00a0% de suites reprises, la règle alerte\u202f; à partir de
    ``fail-share``\u00a0%, elle échoue. Elle ne s’applique que si l’article
    d’origine est fourni.
    """
    Options = OriginalOverlapOptions
    templates = {
        "copied": Template(
            Text(
                fr="{share} % des suites de {ngram} {ngram:mot|mots} viennent de l’original ({copied} sur {total}).",
                en="{share}% of the {ngram}-word sequences come from the original ({copied} of {total}).",
            ),
            Text(
                fr="Reformulez les passages repris, à commencer par les plus longs (listés ci-dessous).",
                en="Reword the copied passages, the longest first (listed below).",
            ),
        ),
        "passage": Template(
            Text(
                fr="Passage de {words} {words:mot repris|mots repris} de l’original : « {excerpt} »",
                en="Passage of {words} {words:word|words} copied from the original: “{excerpt}”",
            ),
            Text(
                fr="Reformulez ce passage avec vos propres mots.",
                en="Reword this passage in your own words.",
            ),
        ),
        "no-original": NO_ORIGINAL,
    }

    def check(
        self, doc: Document, ctx: Context, options: OriginalOverlapOptions
    ) -> Iterator[Emitted]:
        if ctx.original is None:
            yield self.skip("no-original")
            return
        size = max(options.ngram, 1)
        original_prose = [e for e in ctx.original.body if e.text]
        known = set(ngrams(words_at(original_prose), size))
        elements = ctx.prose
        words = words_at(elements)
        matched = [
            index
            for index in range(len(words) - size + 1)
            if words[index].element == words[index + size - 1].element
            and tuple(w.word for w in words[index : index + size]) in known
        ]
        total = len(ngrams(words, size))
        if not total:
            yield self.skip("no-original")
            return
        share = 100 * len(matched) / total
        yield Score(1.0 - min(share / options.fail_share, 1.0) if options.fail_share else 1.0)
        if share < options.warn_share:
            return
        level = Level.FAIL if share >= options.fail_share else Level.WARN
        yield self.at(
            level, "copied", share=round(share, 1), ngram=size, copied=len(matched), total=total
        )
        passages = sorted(_passages(matched, size, words), key=lambda p: p[0] - p[1])
        for first, last in passages[:_SHOWN]:
            start, end = words[first], words[last]
            element = elements[start.element]
            span = doc.source_map.span(
                element.source_offset(start.start), element.source_offset(end.end)
            )
            text = element.text[start.start : end.end]
            yield self.info(
                "passage",
                span,
                words=last - first + 1,
                excerpt=text if len(text) <= 90 else text[:89] + "…",
            )


def _passages(
    matched: Sequence[int], size: int, words: Sequence[WordAt]
) -> Iterator[tuple[int, int]]:
    """Runs of overlapping matched n-grams within one element, as (first, last) word indexes."""
    if not matched:
        return
    first = previous = matched[0]
    for index in matched[1:]:
        if index > previous + size or words[index].element != words[first].element:
            yield first, previous + size - 1
            first = index
        previous = index
    yield first, previous + size - 1
