"""``title-rewritten``: the title differs from the original's title."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from seofr.french.keyphrase import function_words
from seofr.french.normalize import folded_words, strip_accents
from seofr.plugin import Context, Document, Emitted, Rule, Template, Text, option, title_instruction
from seofr_rules.helpers.original import NO_ORIGINAL


@dataclass(frozen=True)
class TitleRewrittenOptions:
    """Options of ``title-rewritten``."""

    max_similarity: float = option(
        0.75,
        fr="Similarité au-delà de laquelle le titre n’est pas réécrit (0 à 1) : part des mots"
        " porteurs de sens du plus court des deux titres que l’autre reprend.",
        en="Similarity above which the title is not rewritten (0 to 1): the share of the"
        " content words of the shorter title that the other one repeats.",
        low=0,
        high=1,
    )


@cache
def _function_words() -> frozenset[str]:
    return frozenset(strip_accents(word) for word in function_words())


def content_words(title: str) -> set[str]:
    """The words of a title that carry its meaning, folded (function words left out)."""
    words = folded_words(title[title_instruction(title) :])
    return {w for w in words if w not in _function_words()} or set(words)


def similarity(title: str, original: str) -> float:
    """How much of one title the other repeats, from 0 to 1 (overlap coefficient).

    The instruction a brief glues before its title ("Customize this title in
    french…") is left out of both. Keeping the original title whole and adding
    to it, or keeping half of it, both read as close to 1.
    """
    words, before = content_words(title), content_words(original)
    if not words or not before:
        return 0.0
    return len(words & before) / min(len(words), len(before))


class TitleRewritten(Rule[TitleRewrittenOptions]):
    """The title differs from the original's title.

    Applies only when an original is given (``--original``, API
    ``original=``). Titles are compared by their content words, without case,
    accents, punctuation or the instruction a brief may glue before its title
    ("Customize this title in french"): the title fails when the shorter of the
    two shares more than ``max-similarity`` of its words with the other. A new
    title that keeps the topic (and the keyphrase) shares a few words; one that
    keeps the original, whole or in part, shares most.

    ```md pass original="# Le vélo en ville"
    # Pédaler en ville sans se fatiguer
    ```

    ```md fail original="# Le vélo en ville"
    # Le Vélo en ville !
    ```

    ```md fail original="# Customize this title in frenchLe vélo électrique gagne la ville"
    # Le vélo électrique gagne la ville : nos conseils
    ```
    """

    name = "title-rewritten"
    code = "W001"
    category = "rewrite"
    summary = Text(
        fr="Le titre n’est pas celui de l’article d’origine.",
        en="The title is not the original article’s title.",
    )
    description_fr = """Le titre n’est pas celui de l’article d’origine.

    La règle ne s’applique que si l’article d’origine est fourni
    (``--original`` en ligne de commande, ``original=`` dans l’API). Les
    titres sont comparés par leurs mots pleins, sans tenir compte des
    majuscules, des accents, de la ponctuation ni de la consigne qu’une
    commande de rédaction colle parfois devant son titre («\u00a0Customize this
    title in french\u00a0»)\u00a0: la règle échoue quand le plus court des deux
    titres partage plus de ``max-similarity`` de ses mots avec l’autre. Un
    titre nouveau qui garde le sujet (et l’expression clé) partage quelques
    mots avec celui d’origine\u202f; un titre qui reprend celui d’origine, en
    tout ou en partie, en partage la plupart.
    """
    Options = TitleRewrittenOptions
    templates = {
        "same": Template(
            Text(
                fr="Le titre reprend celui de l’article d’origine à {similarity}\u00a0%"
                " (au plus {limit}\u00a0%)\u00a0: «\u00a0{title}\u00a0».",
                en="The title repeats the original article’s at {similarity}%"
                " (at most {limit}%): “{title}”.",
            ),
            Text(
                fr="Écrivez un titre nouveau, en français, qui garde le sujet et le mot-clé.",
                en="Write a new French title that keeps the topic and the keyphrase.",
            ),
        ),
        "no-original": NO_ORIGINAL,
    }

    def check(
        self, doc: Document, ctx: Context, options: TitleRewrittenOptions
    ) -> Iterator[Emitted]:
        original = ctx.original
        if original is None:
            yield self.skip("no-original")
            return
        if not (doc.title and original.title):
            return
        close = similarity(doc.title.value, original.title.value)
        if close > options.max_similarity:
            yield self.fail(
                "same",
                doc.title.span,
                title=original.title.value[title_instruction(original.title.value) :],
                similarity=round(100 * close),
                limit=round(100 * options.max_similarity),
            )
