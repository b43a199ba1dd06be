"""Quoting sentences and judging a share of flawed sentences against thresholds."""

from __future__ import annotations

import re
from dataclasses import dataclass

from seofr.plugin import Level, Template, Text

NO_SENTENCES = Template(
    Text(fr="Le texte n’a aucune phrase à juger.", en="The text has no sentence to judge."),
    Text(fr="Aucune action nécessaire.", en="Nothing to do."),
)
"""Why a rule that judges sentences skips a text without any (a page of headings)."""


# What an inline image, icon or formula leaves in the text when it is dropped: a
# space before a period or a comma that ends a word (not « .png »), or before a
# closing bracket; or a sentence that starts with the punctuation after the icon.
_HOLE_BEFORE = re.compile(r"\s+(?=[.,](?:\s|$)|[)\]])")
_HOLE_AT_START = re.compile(r"^[\s.,;:)\]]+")


def excerpt(text: str, limit: int = 60) -> str:
    """The start of ``text``, cut at a word with « … », for quoting in a message.

    The marks an inline image or icon left behind when it was dropped from the
    text (« use the icon . A dialog ») are closed up, so that a quotation reads
    as the page does.
    """
    text = _HOLE_AT_START.sub("", _HOLE_BEFORE.sub("", " ".join(text.split())))
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
