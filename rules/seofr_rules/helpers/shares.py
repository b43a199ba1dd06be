"""Quoting sentences and judging a share of flawed sentences against thresholds."""

from __future__ import annotations

from dataclasses import dataclass

from seofr.plugin import Level, Template, Text

NO_SENTENCES = Template(
    Text(fr="Le texte n’a aucune phrase à juger.", en="The text has no sentence to judge."),
    Text(fr="Aucune action nécessaire.", en="Nothing to do."),
)
"""Why a rule that judges sentences skips a text without any (a page of headings)."""


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
