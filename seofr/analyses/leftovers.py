"""Leftovers of scraping and generation: widgets, comment forms, instructions.

The phrases are data (``data/boilerplate.toml``), folded the way
:func:`seofr.french.normalize.folded_words` folds text. Every line of the
prose is judged on its own, since scrapers glue lines into one paragraph. The
``boilerplate`` rule reports the lines; ``word-count`` leaves their words out;
``keyphrase-length`` proposes no keyphrase from them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib.resources import files
from typing import NamedTuple

from seofr.document.model import Block, BlockKind, TextElement
from seofr.french.normalize import folded_words
from seofr.french.words import count_words
from seofr.i18n import Text

KINDS: dict[str, Text] = {
    "share": Text(fr="bouton de partage ou d’abonnement", en="share or follow widget"),
    "comments": Text(fr="formulaire de commentaire", en="comment form"),
    "source": Text(fr="lien vers la source", en="source link"),
    "cookies": Text(fr="bandeau de cookies", en="cookie banner"),
    "instructions": Text(
        fr="consigne laissée pour le rédacteur ou l’IA", en="instruction left for a writer or an AI"
    ),
    "chatter": Text(
        fr="propos d’un générateur de texte au lecteur", en="a text generator talking to its user"
    ),
    "configured": Text(
        fr="phrase à proscrire (configuration)", en="phrase banned by configuration"
    ),
}
"""The kinds of leftover, as a message names them."""


@dataclass(frozen=True)
class _Patterns:
    """Folded phrases of one kind: whole lines, and phrases found anywhere.

    ``phrases`` is one alternation, with each phrase between spaces so that it
    matches whole words of a line padded with spaces.
    """

    lines: frozenset[str]
    phrases: re.Pattern[str] | None
    # phrases a line must begin with: the labels of a brief (« Mot-clé principal : »)
    # are words an ordinary sentence may hold further in
    starts: re.Pattern[str] | None = None


@dataclass(frozen=True)
class _Index:
    """The leftover phrases by kind, and all of them at once for a quick first test."""

    kinds: dict[str, _Patterns]
    any_line: frozenset[str]
    any_phrase: re.Pattern[str]


def _alternation(phrases: Iterable[str]) -> str:
    return "|".join(re.escape(f" {p} ") for p in phrases)


@cache
def _index() -> _Index:
    data = tomllib.loads(
        (files("seofr.analyses") / "data" / "boilerplate.toml").read_text(encoding="utf-8")
    )
    kinds: dict[str, _Patterns] = {}
    every_phrase: list[str] = []
    for kind, table in data.items():
        phrases = [" ".join(folded_words(p)) for p in table.get("contains", [])]
        starts = [" ".join(folded_words(p)) for p in table.get("starts", [])]
        every_phrase.extend(phrases + starts)
        kinds[kind] = _Patterns(
            frozenset(" ".join(folded_words(line)) for line in table.get("line", [])),
            re.compile(_alternation(phrases)) if phrases else None,
            re.compile(f"^(?:{_alternation(starts)})") if starts else None,
        )
    any_line = frozenset(line for patterns in kinds.values() for line in patterns.lines)
    return _Index(kinds, any_line, re.compile(_alternation(every_phrase)))


# What a whole-line label (« Partager », "Print | Email", « Suivez-nous : ») is made of.
_LABEL = re.compile(r"[\w\s’'&:|/·•\-–—!?«»“”\"]+")


@lru_cache(maxsize=4096)
def folded_line(line: str) -> str:
    """A line's folded words joined by spaces, the form the phrase lists are kept in."""
    return " ".join(folded_words(line))


@lru_cache(maxsize=4096)
def line_kinds(line: str, labels: bool = True) -> tuple[str, ...]:
    """The kinds of leftover a line of text is (empty for an ordinary line).

    Without ``labels``, a line is never a leftover for being a short widget label
    alone (« Print », « Partager »): in a table cell such a word is data (the
    menu entries of a shortcut table), only a phrase found in it counts.
    """
    words = folded_line(line)
    if not words:
        return ()
    index = _index()
    padded = f" {words} "
    # most lines are prose: one search tells, before a search per kind
    if words not in index.any_line and index.any_phrase.search(padded) is None:
        return ()
    # a widget's label is words and separators; « (PRINT,…) » in a code table is not one
    label = labels and _LABEL.fullmatch(line.strip()) is not None
    return tuple(
        kind
        for kind, found in index.kinds.items()
        if (label and words in found.lines)
        or (found.phrases is not None and found.phrases.search(padded))
        or (found.starts is not None and found.starts.match(padded))
    )


# An instruction or a label glued before a title: "Customize this title in french",
# « Titre : », "SEO title:", « Voici le titre : ». The lookahead keeps « Titre
# du film » a title.
_TITLE_INSTRUCTION = re.compile(
    r"\s*(?:customi[sz]e\s+(?:this|the)\s+title(?:\s+in\s+french)?"
    r"|(?:(?:meta|seo|h1)\s+)?(?:title|titre)(?:\s+(?:seo|h1|principal|optimisé))?\s*[:：]"
    r"|(?:voici\s+(?:le|votre)\s+titre|here\s+is\s+(?:the|your)\s+title)\s*[:：]?"
    r")[\s\u00a0\u202f]*",
    re.IGNORECASE,
)


def title_instruction(line: str) -> int:
    """How many characters of an instruction open ``line`` ("Customize this title
    in french", « Titre : »…) before the title itself; 0 when none does."""
    found = _TITLE_INSTRUCTION.match(line)
    return found.end() if found is not None and found.end() < len(line) else 0


class Line(NamedTuple):
    """One line of an element's text: its range in ``element.text`` and its leftover kinds."""

    start: int
    end: int
    text: str
    kinds: tuple[str, ...]


def _labels(element: TextElement) -> bool:
    return not (isinstance(element, Block) and element.kind is BlockKind.TABLE_CELL)


class Leftovers:
    """The lines of the prose, classified once for every rule of one document."""

    def __init__(self, prose: Sequence[TextElement], source: str) -> None:
        self._prose = prose
        self._source = source

    @cached_property
    def lines(self) -> tuple[tuple[Line, ...], ...]:
        """For each element of the prose, in order, its lines with their kinds."""
        return tuple(
            tuple(
                Line(
                    start, end, text := element.text[start:end], line_kinds(text, _labels(element))
                )
                for start, end in element.lines(self._source)
            )
            for element in self._prose
        )

    @cached_property
    def ranges(self) -> tuple[tuple[tuple[int, int], ...], ...]:
        """For each element of the prose, the ``(start, end)`` ranges of its leftover lines."""
        return tuple(
            tuple((line.start, line.end) for line in lines if line.kinds) for lines in self.lines
        )

    @cached_property
    def word_count(self) -> int:
        """Words on leftover lines, by the definition of :mod:`seofr.french.words`."""
        return sum(count_words(line.text) for lines in self.lines for line in lines if line.kinds)

    def covers(self, element_index: int, start: int, end: int) -> bool:
        """Whether ``[start, end)`` of the prose element at ``element_index`` meets a leftover."""
        return any(s < end and start < e for s, e in self.ranges[element_index])
