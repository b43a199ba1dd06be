"""``keyphrase-length``: the keyphrase has one to four content words; without one, candidates are proposed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from seofr.french.analysis import Sentence
from seofr.french.keyphrase import suggest_keyphrases, units_of_text
from seofr.plugin import Context, Document, Emitted, Level, Need, Rule, Template, Text, option
from seofr_rules.helpers.keyphrase import NEEDS, NO_KEYPHRASE


def _without_leftovers(ctx: Context) -> list[Sentence]:
    """The sentences of the prose, but those on a leftover line (share widgets, forms…).

    A scraper's widget labels repeat on every page: « Pin Share » must not come
    out as what the article is about.
    """
    leftovers = ctx.leftovers
    return [
        s for s in ctx.french.sentences if not leftovers.covers(s.element_index, s.start, s.end)
    ]


@dataclass(frozen=True)
class KeyphraseLengthOptions:
    """Options of ``keyphrase-length``."""

    max_words: int = option(
        4,
        fr="Nombre maximal de mots pleins sans alerte.",
        en="Most content words without a warning.",
    )
    fail_words: int = option(
        8,
        fr="Au-delà de ce nombre de mots pleins, échec.",
        en="Above this many content words, fail.",
    )


class KeyphraseLength(Rule[KeyphraseLengthOptions]):
    """The keyphrase has one to four content words; without one, candidates are proposed.

    Function words (« de », « la », « pour »…) do not count. Five to eight
    content words warn, more fail, and a keyphrase of function words only
    cannot be matched at all. When no keyphrase is given, this rule is skipped
    and proposes up to five candidates found in the text, leaving out the
    lines that ``boilerplate`` reports (share widgets, comment forms…).

    ```md pass keyword="vélo électrique"
    Texte.
    ```

    ```md fail keyword="le la les de du des pour"
    Texte.
    ```

    ```md skip
    Le vélo électrique plaît. Un vélo électrique coûte cher. Le vélo électrique roule vite.
    ```
    """

    name = "keyphrase-length"
    code = "K008"
    category = "keyphrase"
    needs = NEEDS | {Need.LEFTOVERS}
    summary = Text(
        fr="L’expression clé est courte, et il y en a une.",
        en="There is a keyphrase, and it is short.",
    )
    description_fr = """L’expression clé compte de un à quatre mots pleins\u202f; faute d’expression clé, la règle en propose.

    Les mots outils («\u00a0de\u00a0», «\u00a0la\u00a0», «\u00a0pour\u00a0»…) ne comptent pas. De cinq à
    huit mots pleins, la règle alerte\u202f; au-delà, elle échoue (options
    ``max-words`` et ``fail-words``). Une expression clé faite uniquement
    de mots outils ne peut être retrouvée nulle part. Quand aucune
    expression clé n’est donnée, la règle est ignorée et propose jusqu’à
    cinq expressions candidates tirées du texte, sans les lignes que
    ``boilerplate`` signale (boutons de partage, formulaires de
    commentaire…).
    """
    Options = KeyphraseLengthOptions
    templates: ClassVar[dict[str, Template]] = {
        "no-keyphrase": NO_KEYPHRASE,
        "candidates": Template(
            Text(
                fr="Aucune expression clé n’est donnée ; le texte parle surtout de : {candidates}.",
                en="No focus keyphrase is given; the text is mostly about: {candidates}.",
            ),
            Text(
                fr="Choisissez l’expression clé de l’article (-k ou « keyword » dans l’en-tête du fichier).",
                en="Choose the article’s keyphrase (-k or “keyword” in the front matter).",
            ),
        ),
        "long": Template(
            Text(
                fr="« {keyphrase} » compte {words} {words:mot plein|mots pleins} (maximum conseillé {max_words}).",
                en="“{keyphrase}” has {words} content words (advised maximum {max_words}).",
            ),
            Text(
                fr="Resserrez l’expression clé sur {max_words} {max_words:mot plein|mots pleins} au plus.",
                en="Narrow the keyphrase down to {max_words} content words at most.",
            ),
        ),
        "function-only": Template(
            Text(
                fr="« {keyphrase} » ne contient que des mots outils : rien à rechercher.",
                en="“{keyphrase}” holds only function words: nothing to look for.",
            ),
            Text(
                fr="Choisissez une expression clé avec des noms ou des adjectifs.",
                en="Choose a keyphrase with nouns or adjectives.",
            ),
        ),
    }

    def check(
        self, doc: Document, ctx: Context, options: KeyphraseLengthOptions
    ) -> Iterator[Emitted]:
        if not ctx.keyphrases:
            # no keyphrase to match: read the title as it is, without building ctx.keyphrase
            title = doc.title.value if doc.title else ""
            emphasized = [units_of_text(title)] + [units_of_text(h.text) for h in doc.headings]
            candidates = suggest_keyphrases(_without_leftovers(ctx), emphasized)
            if candidates:
                quoted = Text(
                    fr=", ".join(f"«\u00a0{c}\u00a0»" for c in candidates),
                    en=", ".join(f"“{c}”" for c in candidates),
                )
                yield self.info("candidates", None, candidates=quoted)
            yield self.skip("no-keyphrase")
            return
        for matcher in ctx.keyphrase.matchers:
            phrase = matcher.keyphrase
            words = len(phrase.words)
            if phrase.is_empty:
                yield self.fail("function-only", None, keyphrase=phrase.text)
            elif words > options.max_words:
                level = Level.FAIL if words > options.fail_words else Level.WARN
                yield self.at(
                    level,
                    "long",
                    None,
                    keyphrase=phrase.text,
                    words=words,
                    max_words=options.max_words,
                )
