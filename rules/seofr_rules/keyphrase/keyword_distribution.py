"""``keyword-distribution``: each third of a long text holds the keyphrase (or a synonym)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from seofr.french.keyphrase import Matcher
from seofr.plugin import Context, Document, Emitted, Score, Template, Text, option
from seofr_rules.helpers.keyphrase import NO_KEYPHRASE, KeyphraseRule


@dataclass(frozen=True)
class DistributionOptions:
    """Options of ``keyword-distribution``."""

    min_words: int = option(
        300,
        fr="En dessous de ce nombre de mots, la règle ne s’applique pas.",
        en="Below this many words the rule does not apply.",
    )
    parts: int = option(
        3, fr="Nombre de parties égales du texte.", en="Number of equal parts of the text."
    )


class KeywordDistribution(KeyphraseRule):
    """Each third of a long text holds the keyphrase (or a synonym).

    Texts shorter than ``min-words`` are skipped. A third without a match is
    reported with its span.

    ```md pass keyword="vélo" min-words=9 parts=3
    Le vélo est pratique. Le vélo est rapide. Le vélo est sain.
    ```

    ```md fail keyword="vélo" min-words=9 parts=3
    Le vélo est pratique. La voiture est rapide. Le bus est lent.
    ```
    """

    name = "keyword-distribution"
    code = "K009"
    summary = Text(
        fr="L’expression clé est répartie dans tout le texte.",
        en="The keyphrase is spread through the whole text.",
    )
    description_fr = """Chaque tiers d’un texte long contient l’expression clé (ou un synonyme).

    Les textes de moins de ``min-words`` mots sont ignorés. Un tiers où
    l’expression clé n’apparaît pas est signalé avec sa position dans le
    texte. L’option ``parts`` change le nombre de parties.
    """
    Options = DistributionOptions
    templates = {
        "no-keyphrase": NO_KEYPHRASE,
        "gap": Template(
            Text(
                fr="La partie {part} sur {parts} du texte ne contient pas « {keyphrase} ».",
                en="Part {part} of {parts} of the text does not hold “{keyphrase}”.",
            ),
            Text(
                fr="Reprenez l’expression clé ou un synonyme dans cette partie.",
                en="Use the keyphrase or a synonym in this part.",
            ),
        ),
        "short": Template(
            Text(
                fr="Texte trop court pour juger la répartition.",
                en="Text too short to judge the spread.",
            ),
            Text(fr="Aucune action nécessaire.", en="Nothing to do."),
        ),
    }

    def check_keyphrase(
        self,
        doc: Document,
        ctx: Context,
        options: DistributionOptions,
        index: int,
        matcher: Matcher,
    ) -> Iterator[Emitted]:
        analysis = ctx.keyphrase
        sentences = analysis.sentences
        total = sum(s.word_count for s in sentences)
        if total < options.min_words or not sentences:
            yield self.skip("short")
            return
        parts = max(options.parts, 1)
        matchers = analysis.topic_matchers(index)
        hits = [False] * parts
        bounds: list[list[int]] = [[] for _ in range(parts)]
        seen = 0
        for number, sentence in enumerate(sentences):
            part = min(seen * parts // total, parts - 1)
            bounds[part].append(number)
            seen += sentence.word_count
            if any(analysis.count_in_sentence(m, number) for m in matchers):
                hits[part] = True
        yield Score(sum(hits) / parts)
        for part, hit in enumerate(hits):
            if hit or not bounds[part]:
                continue
            first, last = sentences[bounds[part][0]], sentences[bounds[part][-1]]
            span = doc.source_map.span(first.span.start, last.span.end)
            yield self.fail(
                "gap", span, part=part + 1, parts=parts, keyphrase=matcher.keyphrase.text
            )
