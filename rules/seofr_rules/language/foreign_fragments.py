"""``foreign-fragments``: no passage of the text is in another language than French."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from seofr.french.lang import (
    LanguageGuess,
    count_letter_words,
    detect_language,
    marker_counts,
    mask_neutral,
    plainly_french,
)
from seofr.plugin import (
    Block,
    BlockKind,
    Context,
    Document,
    Emitted,
    Heading,
    Need,
    Rule,
    Template,
    Text,
    option,
)
from seofr_rules.helpers.languages import in_language, mostly_foreign, percent
from seofr_rules.helpers.sentences import sentence_bounds
from seofr_rules.helpers.shares import excerpt

# Quoted passages may be in any language: « … », “ … ”, " … ".
# (bounded: an unclosed « made every later one rescan the rest of the text)
_QUOTED = re.compile(r"«[^»]{0,2000}»|“[^”]{0,2000}”|\"[^\"]{0,2000}\"")
# Below this many words (numbering, names and code left out) a passage is short:
# langdetect's profiles cannot tell languages apart on a handful of words
# (« Objets et interfaces » reads as Danish), so a short passage is reported only
# when it is English beyond doubt and holds an English function word and no French one.
SHORT_WORDS = 8
SHORT_PROBABILITY = 0.99
_EXCERPT = 80


@dataclass(frozen=True)
class ForeignFragmentsOptions:
    """Options of ``foreign-fragments``."""

    min_words: int = option(
        4,
        fr="Nombre minimal de mots d’un passage pour juger sa langue.",
        en="Fewest words a passage needs for its language to be judged.",
    )
    min_probability: float = option(
        0.9,
        fr="Probabilité minimale d’une autre langue pour signaler le passage.",
        en="Lowest probability of another language to report the passage.",
    )


@dataclass(frozen=True, slots=True)
class _Sentence:
    """A sentence of a block: where it is, its text with neutral words blanked, its label."""

    start: int
    end: int
    masked: str
    words: int
    french: bool
    guess: LanguageGuess | None = None


class ForeignFragments(Rule[ForeignFragmentsOptions]):
    """No passage of the text is in another language than French.

    Scraped or machine-rewritten pages keep English sentences, and
    documentation keeps untranslated paragraphs. A line that ``boilerplate``
    reports as a leftover ("Please follow and like us") is left to it. Each paragraph,
    list item, table cell, heading and caption is cut into sentences (and at
    line breaks that do not fall inside a sentence); a sentence
    that is not plainly French is guessed with numbering and labels (« 5.1.2 »,
    « Figure 3.1. »), URLs, code and capitalised names left out, and consecutive
    sentences of a block that are not French make one passage, one finding.
    A passage needs ``min-words`` words and a probability of ``min-probability``;
    under 8 words it is reported only when it is English with a probability of
    99 % or more and holds an English function word and no French one.
    Quotations are not judged. A page with less than a quarter of its words in
    French is the ``language`` rule's finding: this rule then skips rather than
    report every paragraph.

    ```md pass
    # 5.1.2 Objets et interfaces

    Le maire a inauguré la nouvelle médiathèque samedi matin.

    Elle ouvrira ses portes au public dès lundi.
    ```

    ```md fail
    Le maire a inauguré la nouvelle médiathèque samedi matin.

    The new library will open its doors to the public on Monday morning.
    ```

    ```md skip
    The new library opened on Saturday morning after six months of work.

    Readers will find brighter rooms, new armchairs and a corner for children.
    ```
    """

    name = "foreign-fragments"
    code = "L002"
    category = "language"
    needs = frozenset({Need.LANGUAGE, Need.LEFTOVERS})
    summary = Text(
        fr="Aucun passage n’est resté dans une autre langue.",
        en="No passage was left in another language.",
    )
    description_fr = """Aucun passage du texte n’est dans une autre langue que le français.

    Les pages aspirées ou réécrites par une machine gardent des phrases en
    anglais, et la documentation garde des paragraphes non traduits. Une
    ligne que ``boilerplate`` signale comme un reste de page («\u00a0Please
    follow and like us\u00a0») est laissée à ``boilerplate``. Chaque paragraphe,
    élément de liste, cellule de tableau, titre et légende est découpé en
    phrases (et aux retours à la ligne qui ne tombent pas au milieu d’une
    phrase). La langue d’une phrase qui n’est pas manifestement française
    est devinée sans tenir compte de ses numéros et de ses étiquettes
    («\u00a05.1.2\u00a0», «\u00a0Figure 3.1.\u00a0»), de ses URL, de son code ni de ses mots à
    majuscule\u202f; les phrases consécutives d’un même bloc qui ne sont pas en
    français forment un seul passage, signalé une fois. Un passage doit compter au moins
    ``min-words`` mots, et sa langue atteindre une probabilité de
    ``min-probability``\u202f; en dessous de 8 mots, il n’est signalé que s’il
    est en anglais avec une probabilité d’au moins 99\u00a0%, et s’il contient
    un mot outil anglais et aucun mot outil français. Les citations ne
    sont pas jugées. Une page dont moins d’un quart des mots sont en
    français est signalée par la règle ``language``\u202f; la présente règle ne
    s’applique alors pas, plutôt que de signaler chaque paragraphe.
    """
    Options = ForeignFragmentsOptions
    templates = {
        "foreign": Template(
            Text(
                fr="Passage {language} (probabilité {probability} %) : « {excerpt} »",
                en="Passage {language} (probability {probability}%): “{excerpt}”",
            ),
            Text(
                fr="Traduisez ce passage en français ou supprimez-le.",
                en="Translate this passage into French or remove it.",
            ),
        ),
        "not-french": Template(
            Text(
                fr="La page est surtout écrite {language}\u00a0: la règle language le signale déjà.",
                en="The page is mostly written {language}: the language rule already says so.",
            ),
            Text(
                fr="Traduisez la page, puis relancez la vérification.",
                en="Translate the page, then run the check again.",
            ),
        ),
    }

    def check(
        self, doc: Document, ctx: Context, options: ForeignFragmentsOptions
    ) -> Iterator[Emitted]:
        page = ctx.language
        # its paragraphs are then not "passages left" in a French text
        if mostly_foreign(page):
            yield self.skip("not-french", language=in_language(page.language))
            return
        for index, element in enumerate(ctx.prose):
            if isinstance(element, Block) and element.kind in (BlockKind.QUOTE, BlockKind.CODE):
                continue
            for start, end, guess in self._passages(element, doc.source, options):
                # « Please follow and like us » is a leftover: boilerplate reports it
                if ctx.leftovers.covers(index, start, end):
                    continue
                span = doc.source_map.span(element.source_offset(start), element.source_offset(end))
                yield self.fail(
                    "foreign",
                    span,
                    language=in_language(guess.language),
                    probability=percent(guess.probability),
                    excerpt=excerpt(element.text[start:end], _EXCERPT),
                )

    def _passages(
        self, element: Block | Heading, source: str, options: ForeignFragmentsOptions
    ) -> Iterator[tuple[int, int, LanguageGuess]]:
        """The foreign passages of one block: (start, end) in its text and their guess."""
        text = _QUOTED.sub(lambda m: " " * len(m.group()), element.text)
        bounds = sentence_bounds(text, element.lines(source))
        # cheapest test first: most sentences are plainly French
        if all(plainly_french(text[start:end]) for start, end in bounds):
            return
        run: list[_Sentence] = []
        for start, end in bounds:
            sentence = _judge(text[start:end], start, end)
            if sentence.french:
                yield from self._judge_run(run, options)
                run = []
            else:
                run.append(sentence)
        yield from self._judge_run(run, options)

    @staticmethod
    def _judge_run(
        run: list[_Sentence], options: ForeignFragmentsOptions
    ) -> Iterator[tuple[int, int, LanguageGuess]]:
        """A run of consecutive sentences that are not French, as one passage if foreign."""
        while run and not run[0].words:
            run = run[1:]
        while run and not run[-1].words:
            run = run[:-1]
        words = sum(s.words for s in run)
        if words < options.min_words:
            return
        masked = " ".join(s.masked for s in run)
        if len(run) > 1 and plainly_french(masked):
            return  # short French sentences, together plainly French
        guess = run[0].guess if len(run) == 1 and run[0].guess else None
        guess = guess or detect_language(masked, shortcut=False)
        if guess.language is None or guess.is_french:
            return
        if words < SHORT_WORDS:
            french, english = marker_counts(masked)
            if (
                guess.language != "en"
                or guess.probability < SHORT_PROBABILITY
                or not english
                or french
            ):
                return
        elif guess.probability < options.min_probability:
            return
        yield run[0].start, run[-1].end, guess


def _judge(raw: str, start: int, end: int) -> _Sentence:
    """One sentence: French, or its words and (when long enough to tell) its guess."""
    if plainly_french(raw):
        return _Sentence(start, end, raw, 0, french=True)
    masked = mask_neutral(raw)
    words = count_letter_words(masked)
    if words < SHORT_WORDS:
        return _Sentence(start, end, masked, words, french=False)
    guess = detect_language(masked, shortcut=False)
    return _Sentence(start, end, masked, words, french=guess.is_french, guess=guess)
