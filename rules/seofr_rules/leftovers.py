"""Leftovers of scraping and generation: widgets, comment forms, instructions."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from seofr.context import Context
from seofr.document.model import Block, Document, TextElement
from seofr.french.normalize import folded_words
from seofr.i18n import Text
from seofr.rule import Emitted, Rule, Template

KINDS: dict[str, Text] = {
    "share": Text(fr="bouton de partage ou d’abonnement", en="share or follow widget"),
    "comments": Text(fr="formulaire de commentaire", en="comment form"),
    "source": Text(fr="lien vers la source", en="source link"),
    "cookies": Text(fr="bandeau de cookies", en="cookie banner"),
    "instructions": Text(
        fr="consigne laissée pour le rédacteur ou l’IA", en="instruction left for a writer or an AI"
    ),
}
# A repeated title must be long enough not to be an ordinary phrase.
_MIN_TITLE_WORDS = 4


@dataclass(frozen=True)
class Patterns:
    """Folded phrases of one kind: whole lines, and phrases found anywhere.

    ``phrases`` is one alternation, with each phrase between spaces so that it
    matches whole words of a line padded with spaces.
    """

    lines: frozenset[str]
    phrases: re.Pattern[str] | None


@dataclass(frozen=True)
class Leftovers:
    """The leftover phrases by kind, and all of them at once for a quick first test."""

    kinds: dict[str, Patterns]
    any_line: frozenset[str]
    any_phrase: re.Pattern[str]


def _alternation(phrases: Iterable[str]) -> str:
    return "|".join(re.escape(f" {p} ") for p in phrases)


@cache
def leftovers() -> Leftovers:
    """The leftover phrases of ``data/boilerplate.toml``, folded for matching."""
    data = tomllib.loads(
        (files("seofr_rules") / "data" / "boilerplate.toml").read_text(encoding="utf-8")
    )
    kinds: dict[str, Patterns] = {}
    every_phrase: list[str] = []
    for kind, table in data.items():
        phrases = [" ".join(folded_words(p)) for p in table.get("contains", [])]
        every_phrase.extend(phrases)
        kinds[kind] = Patterns(
            frozenset(" ".join(folded_words(line)) for line in table.get("line", [])),
            re.compile(_alternation(phrases)) if phrases else None,
        )
    any_line = frozenset(line for patterns in kinds.values() for line in patterns.lines)
    return Leftovers(kinds, any_line, re.compile(_alternation(every_phrase)))


@lru_cache(maxsize=4096)
def line_words(line: str) -> str:
    """A line's folded words joined by spaces, the form the phrase lists are kept in.

    Cached, like :func:`line_kinds`: boilerplate, word-count and keyphrase-length
    each read every line of the prose.
    """
    return " ".join(folded_words(line))


@lru_cache(maxsize=4096)
def line_kinds(line: str) -> tuple[str, ...]:
    """The kinds of leftover a line of text is (empty for an ordinary line)."""
    words = line_words(line)
    if not words:
        return ()
    index = leftovers()
    padded = f" {words} "
    # most lines are prose: one search tells, before a search per kind
    if words not in index.any_line and index.any_phrase.search(padded) is None:
        return ()
    return tuple(
        kind
        for kind, found in index.kinds.items()
        if words in found.lines or (found.phrases is not None and found.phrases.search(padded))
    )


def leftover_lines(element: TextElement, source: str) -> list[tuple[int, int]]:
    """The (start, end) ranges of ``element.text`` whose source line is a leftover."""
    return [
        (start, end) for start, end in element.lines(source) if line_kinds(element.text[start:end])
    ]


@dataclass(frozen=True)
class BoilerplateOptions:
    """Options of ``boilerplate`` (none: the phrase lists are data files)."""


class Boilerplate(Rule[BoilerplateOptions]):
    """The body holds no leftovers of a web page or of a text generator.

    Share and follow widgets, comment forms, "Source link", cookie banners,
    the title repeated inside the body, and instructions left for a writer or
    a model ("Make this article seo compatible", « Voici votre article »). The
    phrases are data in ``seofr_rules/data/boilerplate.toml``. Every line is
    judged on its own, since scrapers glue lines into one paragraph.

    ```md pass
    # Le marché de Noël ouvre ses portes

    Les chalets s’installent sur la place dès vendredi.
    ```

    ```md fail
    # Le marché de Noël ouvre ses portes

    Les chalets s’installent sur la place dès vendredi.

    Partager

    Votre adresse de messagerie ne sera pas publiée.
    ```

    ```md fail
    # Le marché de Noël ouvre ses portes

    Voici votre article optimisé pour le SEO :

    Les chalets s’installent sur la place dès vendredi.
    ```
    """

    name = "boilerplate"
    code = "C002"
    category = "content"
    summary = Text(
        fr="Le texte ne contient pas de restes de page web ni de consignes.",
        en="The text holds no leftovers of a web page and no instructions.",
    )
    Options = BoilerplateOptions
    templates = {
        "leftover": Template(
            Text(fr="Reste de {kind} : « {excerpt} »", en="Leftover {kind}: “{excerpt}”"),
            Text(fr="Supprimez cette ligne.", en="Remove this line."),
        ),
        "repeated-title": Template(
            Text(
                fr="Le titre est répété dans le corps du texte : « {excerpt} »",
                en="The title is repeated in the body: “{excerpt}”",
            ),
            Text(fr="Supprimez cette ligne.", en="Remove this line."),
        ),
    }

    def check(self, doc: Document, ctx: Context, options: BoilerplateOptions) -> Iterator[Emitted]:
        title = " ".join(folded_words(doc.title.value)) if doc.title else ""
        repeated = title if len(title.split()) >= _MIN_TITLE_WORDS else ""
        for element in ctx.prose:
            in_body = bool(repeated) and isinstance(element, Block)
            for start, end in element.lines(doc.source):
                line = element.text[start:end]
                kinds = line_kinds(line)
                repeats = in_body and f" {repeated} " in f" {line_words(line)} "
                if not kinds and not repeats:
                    continue
                span = doc.source_map.span(element.source_offset(start), element.source_offset(end))
                excerpt = line if len(line) <= 80 else line[:79] + "…"
                for kind in kinds:
                    yield self.fail(
                        "leftover", span, kind=KINDS[kind].render(ctx.lang), excerpt=excerpt
                    )
                if repeats:
                    yield self.fail("repeated-title", span, excerpt=excerpt)
