"""``keyword-in-introduction``: the first paragraph holds the keyphrase, ideally within one sentence."""

from __future__ import annotations

from collections.abc import Iterator

from seofr.french.keyphrase import Matcher
from seofr.plugin import Block, BlockKind, Context, Document, Emitted, Template, Text
from seofr_rules.helpers.keyphrase import NO_KEYPHRASE, KeyphraseRule, PlacementOptions, present


class KeywordInIntroduction(KeyphraseRule):
    """The first paragraph holds the keyphrase, ideally within one sentence.

    Spread over several sentences of the paragraph, the rule warns; missing, it
    fails. Synonyms count.

    ```md pass keyword="compost"
    # Réussir son compost

    Le compost transforme les épluchures en terreau. Il demande peu de soin.
    ```

    ```md fail keyword="compost"
    # Réussir son compost

    Les épluchures deviennent du terreau. Il faut peu de soin.
    ```
    """

    name = "keyword-in-introduction"
    code = "K003"
    summary = Text(
        fr="L’introduction contient l’expression clé.",
        en="The introduction holds the keyphrase.",
    )
    description_fr = """Le premier paragraphe contient l’expression clé, idéalement dans une seule phrase.

    Si les mots de l’expression clé sont répartis sur plusieurs phrases du
    paragraphe, la règle alerte\u202f; s’ils en sont absents, elle échoue. Les
    synonymes comptent.
    """
    Options = PlacementOptions
    templates = {
        "no-keyphrase": NO_KEYPHRASE,
        "spread": Template(
            Text(
                fr="Les mots de « {keyphrase} » sont dans l’introduction, mais pas dans une même phrase.",
                en="The words of “{keyphrase}” are in the introduction, but not in one sentence.",
            ),
            Text(
                fr="Réunissez l’expression clé dans la première ou la deuxième phrase.",
                en="Bring the keyphrase together in the first or second sentence.",
            ),
        ),
        "missing": Template(
            Text(
                fr="L’introduction ne contient pas « {keyphrase} ».",
                en="The introduction does not hold “{keyphrase}”.",
            ),
            Text(
                fr="Citez l’expression clé dès la première phrase.",
                en="Use the keyphrase in the first sentence.",
            ),
        ),
        "no-introduction": Template(
            Text(fr="Le texte n’a pas de paragraphe.", en="The text has no paragraph."),
            Text(fr="Écrivez une introduction.", en="Write an introduction."),
        ),
    }

    def check_keyphrase(
        self, doc: Document, ctx: Context, options: PlacementOptions, index: int, matcher: Matcher
    ) -> Iterator[Emitted]:
        analysis = ctx.keyphrase
        # a paragraph made only of leftovers (« Voici votre article… ») introduces nothing
        first = next(
            (
                element
                for element, lines in zip(ctx.prose, ctx.leftovers.lines, strict=True)
                if isinstance(element, Block)
                and element.kind is BlockKind.PARAGRAPH
                and not all(line.kinds for line in lines)
            ),
            None,
        )
        if first is None:
            yield self.skip("no-introduction")
            return
        matchers = analysis.topic_matchers(index)
        units = [
            u
            for s, su in zip(analysis.sentences, analysis.sentence_units, strict=True)
            if s.element is first
            for u in su
        ]
        per_sentence = [
            su
            for s, su in zip(analysis.sentences, analysis.sentence_units, strict=True)
            if s.element is first
        ]
        if any(present(matchers, su) for su in per_sentence):
            return
        if present(matchers, units):
            yield self.warn("spread", first.span, keyphrase=matcher.keyphrase.text)
        else:
            yield self.fail("missing", first.span, keyphrase=matcher.keyphrase.text)
