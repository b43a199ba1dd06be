"""``sentence-beginnings``: no more than ``max-run`` consecutive sentences start with the same word."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from seofr.french.analysis import Sentence
from seofr.plugin import Context, Document, Emitted, Heading, Need, Rule, Template, Text, option

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
    description_fr = """Au plus ``max-run`` phrases consécutives commencent par le même mot.

    Un article en début de phrase compte avec le mot qui le suit\u00a0:
    «\u00a0Le chat…\u00a0» et «\u00a0Le chien…\u00a0» ne commencent pas de la même façon. Un
    titre interrompt la série.
    """
    Options = SentenceBeginningsOptions
    templates = {
        "repeated": Template(
            Text(
                fr="{count} {count:phrase|phrases} de suite commencent par « {word} ».",
                en="{count} {count:sentence|sentences} in a row start with “{word}”.",
            ),
            Text(
                fr="Variez le début de ces phrases : changez l’ordre des mots ou reliez-les.",
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
