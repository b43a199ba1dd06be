"""``sentence-length``: at most ``pass-share`` % of sentences are longer than ``max-words`` words."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from seofr.plugin import Context, Document, Emitted, Heading, Need, Rule, Template, Text, option
from seofr_rules.helpers.shares import NO_SENTENCES, excerpt, share_verdict


@dataclass(frozen=True)
class SentenceLengthOptions:
    """Options of ``sentence-length``."""

    max_words: int = option(
        20,
        fr="Au-delà de ce nombre de mots, une phrase est longue.",
        en="Above this many words a sentence is long.",
    )
    pass_share: float = option(
        25.0,
        fr="Part maximale (%) de phrases longues pour réussir.",
        en="Highest share (%) of long sentences that passes.",
    )
    warn_share: float = option(
        30.0,
        fr="Part maximale (%) de phrases longues avant l’échec.",
        en="Highest share (%) of long sentences before failing.",
    )


class SentenceLength(Rule[SentenceLengthOptions]):
    """At most ``pass-share`` % of sentences are longer than ``max-words`` words.

    Between ``pass-share`` and ``warn-share`` % the rule warns; above, it fails.
    Each long sentence is listed with its length. Headings are not counted.

    ```md pass
    Le marché ouvre à huit heures. Les producteurs installent leurs étals. On y trouve des fruits, des légumes et du fromage.
    ```

    ```md fail
    Le marché, qui ouvre chaque samedi à huit heures sur la place de l’église depuis plus de trente ans, accueille une vingtaine de producteurs venus de toute la vallée. Les habitants viennent tôt.
    ```
    """

    name = "sentence-length"
    code = "R002"
    category = "readability"
    needs = frozenset({Need.SENTENCES})
    summary = Text(
        fr="Peu de phrases dépassent vingt mots.",
        en="Few sentences are longer than twenty words.",
    )
    description_fr = """Au plus ``pass-share``\u00a0% des phrases dépassent ``max-words`` mots.

    Entre ``pass-share``\u00a0% et ``warn-share``\u00a0%, la règle alerte\u202f; au-delà,
    elle échoue. Chaque phrase longue est listée avec sa longueur. Les
    titres ne sont pas comptés.
    """
    Options = SentenceLengthOptions
    templates = {
        "no-sentences": NO_SENTENCES,
        "share": Template(
            Text(
                fr="{share} % des phrases dépassent {max_words} {max_words:mot|mots} ({long} sur {total}) ; le maximum conseillé est {pass_share} %.",
                en="{share}% of sentences are longer than {max_words} {max_words:word|words} ({long} of {total}); the advised maximum is {pass_share}%.",
            ),
            Text(
                fr="Raccourcissez au moins {to_fix} {to_fix:phrase : coupez-la en deux ou retirez ses incises|phrases : coupez-les en deux ou retirez les incises}.",
                en="Shorten at least {to_fix} {to_fix:sentence: split it or remove its asides|sentences: split them or remove asides}.",
            ),
        ),
        "long": Template(
            Text(
                fr="Phrase de {words} {words:mot|mots} : « {excerpt} »",
                en="Sentence of {words} {words:word|words}: “{excerpt}”",
            ),
            Text(
                fr="Coupez cette phrase en phrases de {max_words} {max_words:mot|mots} au plus.",
                en="Split this sentence into sentences of at most {max_words} {max_words:word|words}.",
            ),
        ),
    }

    def check(
        self, doc: Document, ctx: Context, options: SentenceLengthOptions
    ) -> Iterator[Emitted]:
        sentences = [
            s
            for s in ctx.french.sentences
            if not isinstance(s.element, Heading) and not ctx.silenced(self.name, s.span.line)
        ]
        if not sentences:
            yield self.skip("no-sentences")
            return
        long = [s for s in sentences if s.word_count > options.max_words]
        verdict = share_verdict(len(long), len(sentences), options.pass_share, options.warn_share)
        if verdict.level is None:
            return
        yield self.at(
            verdict.level,
            "share",
            share=round(verdict.share, 1),
            max_words=options.max_words,
            long=len(long),
            total=len(sentences),
            pass_share=options.pass_share,
            to_fix=verdict.to_fix,
        )
        for sentence in long:
            yield self.info(
                "long",
                sentence.span,
                words=sentence.word_count,
                excerpt=excerpt(sentence.text),
                max_words=options.max_words,
            )
