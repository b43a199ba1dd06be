"""Sentences of one block, cut for judging their language.

The French analysis (spaCy's sentences) is not used here: the rules that judge
the language of a passage must not load the pipeline, and scraped text needs
its line breaks read as sentence ends more often than prose does.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

# A sentence ends after . ! ? or … and the closing marks that follow it.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[»”\"')\]]*\s+")
# A source line break ends one too after : or ;, or before a capital, a digit or a
# bullet (scraped text keeps one item a line), not inside a sentence wrapped over lines.
# Read on the line reversed, from its end: a lazy run of non-word characters,
# then the mark (anchored at the end and scanned forward, it was quadratic).
_LINE_ENDS_UNIT = re.compile(r"\W*?[:;.!?…]")
_LINE_STARTS_UNIT = re.compile(r"\W*[A-ZÀ-ÖØ-Þ0-9•]")


def sentence_bounds(text: str, lines: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, spaces around left out.

    ``lines`` are the element's source lines, (start, end) in ``text``.
    """
    cuts = [(m.start() + len(m.group().rstrip()), m.end()) for m in _SENTENCE_END.finditer(text)]
    for (previous_start, previous_end), (next_start, _) in itertools.pairwise(lines):
        tail = text[previous_start:previous_end][::-1]
        if _LINE_ENDS_UNIT.match(tail) or _LINE_STARTS_UNIT.match(text, next_start):
            cuts.append((previous_end, next_start))
    bounds: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    for end, next_start in sorted(cuts):
        if end > start:
            bounds.append((start, end))
        start = max(start, next_start)
    end = len(text.rstrip())
    if end > start:
        bounds.append((start, end))
    return bounds
