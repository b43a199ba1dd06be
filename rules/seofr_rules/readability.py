"""Readability rules: reading ease, sentence and paragraph length, variety."""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from seofr.document.model import Block, Document, Heading
from seofr.french.analysis import Sentence
from seofr.french.readability import band, kandel_moles
from seofr.french.syllables import count_syllables
from seofr.french.words import count_words
from seofr.i18n import Param, Text
from seofr.plugin import Context, Emitted, Level, Need, Rule, Score, Template, option

# Sentences listed in a fix: enough to act on, few enough to read.
_SHOWN = 3


def excerpt(text: str, limit: int = 60) -> str:
    """The start of ``text``, cut at a word, for quoting in a message."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


@dataclass(frozen=True)
class ShareVerdict:
    """How a share of flawed sentences compares with its thresholds."""

    share: float
    level: Level | None
    to_fix: int


def share_verdict(flawed: int, total: int, pass_max: float, warn_max: float) -> ShareVerdict:
    """Pass up to ``pass_max`` % flawed sentences, warn up to ``warn_max`` %, else fail.

    ``to_fix`` is how many sentences to rewrite to get back to ``pass_max``.
    """
    share = 100 * flawed / total
    level = None if share <= pass_max else Level.WARN if share <= warn_max else Level.FAIL
    allowed = int(pass_max * total / 100)
    return ShareVerdict(share, level, max(flawed - allowed, 1))


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
    Options = ReadabilityOptions
    templates = {
        "hard": Template(
            Text(
                fr="Lisibilité {score} sur 100 ({band}) : {words_per_sentence} mots par phrase, {syllables_per_word} syllabes par mot.",
                en="Reading ease {score} out of 100 ({band}): {words_per_sentence} words per sentence, {syllables_per_word} syllables per word.",
            ),
            Text(
                fr="Visez {target} ou plus : coupez les phrases les plus longues ({sentences}) et remplacez des mots longs ({long_words}).",
                en="Aim for {target} or more: split the longest sentences ({sentences}) and replace long words ({long_words}).",
            ),
        ),
    }

    def check(self, doc: Document, ctx: Context, options: ReadabilityOptions) -> Iterator[Emitted]:
        french = ctx.french
        sentences = [s for s in french.sentences if not isinstance(s.element, Heading)]
        words = sum(s.word_count for s in sentences)
        if not words:
            yield self.skip("hard")
            return
        syllables = sum(s.syllables for s in sentences)
        score = kandel_moles(words, len(sentences), syllables)
        yield Score(min(score / options.pass_at, 1.0) if options.pass_at else 1.0)
        if score >= options.pass_at:
            return
        longest = heapq.nlargest(_SHOWN, sentences, key=lambda s: s.word_count)
        vocabulary = {w.strip(".,;:!?…»«()\"'").lower() for s in sentences for w in s.words}
        long_words = heapq.nlargest(_SHOWN, sorted(vocabulary), key=count_syllables)
        params: dict[str, Param] = {
            "score": round(score, 1),
            "band": band(score).render(ctx.lang),
            "words_per_sentence": round(words / len(sentences), 1),
            "syllables_per_word": round(syllables / words, 2),
            "target": options.pass_at,
            "sentences": " ; ".join(f"« {excerpt(s.text, 40)} »" for s in longest),
            "long_words": ", ".join(long_words),
        }
        yield self.at(
            Level.WARN if score >= options.warn_at else Level.FAIL, "hard", None, **params
        )


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
    Options = SentenceLengthOptions
    templates = {
        "share": Template(
            Text(
                fr="{share} % des phrases dépassent {max_words} mots ({long} sur {total}) ; le maximum conseillé est {pass_share} %.",
                en="{share}% of sentences are longer than {max_words} words ({long} of {total}); the advised maximum is {pass_share}%.",
            ),
            Text(
                fr="Raccourcissez au moins {to_fix} phrase(s) : coupez-les en deux ou retirez les incises.",
                en="Shorten at least {to_fix} sentence(s): split them or remove asides.",
            ),
        ),
        "long": Template(
            Text(
                fr="Phrase de {words} mots : « {excerpt} »",
                en="Sentence of {words} words: “{excerpt}”",
            ),
            Text(
                fr="Coupez cette phrase en phrases de {max_words} mots au plus.",
                en="Split this sentence into sentences of at most {max_words} words.",
            ),
        ),
    }

    def check(
        self, doc: Document, ctx: Context, options: SentenceLengthOptions
    ) -> Iterator[Emitted]:
        sentences = [s for s in ctx.french.sentences if not isinstance(s.element, Heading)]
        if not sentences:
            yield self.skip("share")
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


@dataclass(frozen=True)
class ParagraphLengthOptions:
    """Options of ``paragraph-length``."""

    warn_words: int = option(
        150, fr="Au-delà de ce nombre de mots, alerte.", en="Above this many words, warn."
    )
    fail_words: int = option(
        200, fr="Au-delà de ce nombre de mots, échec.", en="Above this many words, fail."
    )


class ParagraphLength(Rule[ParagraphLengthOptions]):
    """No paragraph is longer than ``warn-words`` words (``fail-words`` fails).

    Long paragraphs are walls of text on a phone screen. Each one is listed
    with its length.

    ```md pass warn-words=12 fail-words=20
    Un paragraphe court se lit d’un coup d’œil.

    Le suivant aussi.
    ```

    ```md fail warn-words=5 fail-words=8
    Ce paragraphe compte bien plus de huit mots, ce qui dépasse la limite fixée.
    ```
    """

    name = "paragraph-length"
    code = "R003"
    category = "readability"
    summary = Text(
        fr="Les paragraphes restent courts.",
        en="Paragraphs stay short.",
    )
    Options = ParagraphLengthOptions
    templates = {
        "long": Template(
            Text(
                fr="Paragraphe de {words} mots (au-delà de {limit}) : « {excerpt} »",
                en="Paragraph of {words} words (over {limit}): “{excerpt}”",
            ),
            Text(
                fr="Coupez ce paragraphe en deux ou trois paragraphes de {target} mots au plus.",
                en="Split this paragraph into two or three paragraphs of at most {target} words.",
            ),
        ),
    }

    def check(
        self, doc: Document, ctx: Context, options: ParagraphLengthOptions
    ) -> Iterator[Emitted]:
        for element in ctx.prose:
            if not isinstance(element, Block):
                continue
            words = count_words(element.text)
            if words <= options.warn_words:
                continue
            limit = options.fail_words if words > options.fail_words else options.warn_words
            yield self.at(
                Level.FAIL if words > options.fail_words else Level.WARN,
                "long",
                element.span,
                words=words,
                limit=limit,
                target=options.warn_words,
                excerpt=excerpt(element.text),
            )


ARTICLES = frozenset(
    [
        "le",
        "la",
        "les",
        "l’",
        "l'",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d’",
        "d'",
        "au",
        "aux",
        "ce",
        "cet",
        "cette",
        "ces",
    ]
)


def beginning(sentence: Sentence) -> str:
    """The first word of a sentence, with the next one when the first is an article."""
    first_two = islice((t.text for t in sentence.tokens if t.is_word), 2)
    words = [word.lower().replace("'", "’") for word in first_two]
    if not words:
        return ""
    if words[0] in ARTICLES and len(words) > 1:
        return f"{words[0]} {words[1]}".replace("’ ", "’")
    return words[0]


@dataclass(frozen=True)
class SentenceBeginningsOptions:
    """Options of ``sentence-beginnings``."""

    max_run: int = option(
        2,
        fr="Nombre maximal de phrases consécutives qui commencent pareil.",
        en="Most consecutive sentences that may start alike.",
    )


class SentenceBeginnings(Rule[SentenceBeginningsOptions]):
    """No more than ``max-run`` consecutive sentences start with the same word.

    A leading article counts with the next word ("Le chat…", "Le chien…" start
    differently). A heading ends the run.

    ```md pass
    Le chat dort. Un chien aboie. Les oiseaux chantent.
    ```

    ```md fail
    Nous partons tôt. Nous marchons vite. Nous arrivons avant midi.
    ```
    """

    name = "sentence-beginnings"
    code = "R004"
    category = "readability"
    needs = frozenset({Need.SENTENCES})
    summary = Text(
        fr="Les phrases consécutives ne commencent pas toutes par le même mot.",
        en="Consecutive sentences do not all start with the same word.",
    )
    Options = SentenceBeginningsOptions
    templates = {
        "repeated": Template(
            Text(
                fr="{count} phrases de suite commencent par « {word} ».",
                en="{count} sentences in a row start with “{word}”.",
            ),
            Text(
                fr="Variez le début de ces phrases : changez l’ordre des mots ou reliez-les.",
                en="Vary how these sentences start: reorder the words or join them.",
            ),
        ),
    }

    def check(
        self, doc: Document, ctx: Context, options: SentenceBeginningsOptions
    ) -> Iterator[Emitted]:
        run: list[Sentence] = []
        key = ""
        for sentence in [*ctx.french.sentences, None]:
            current = (
                beginning(sentence)
                if sentence is not None and not isinstance(sentence.element, Heading)
                else ""
            )
            if current and current == key:
                run.append(sentence)  # type: ignore[arg-type]
                continue
            if len(run) > options.max_run:
                first, last = run[0].span, run[-1].span
                span = doc.source_map.span(first.start, last.end)
                yield self.fail("repeated", span, count=len(run), word=key)
            run = [sentence] if current and sentence is not None else []
            key = current
