"""The base class and shared pieces of the focus keyphrase rules.

Matching is French-aware (lemmas, accents, elision, hyphens): see
:mod:`seofr.french.keyphrase`. Without a keyphrase these rules are skipped, and
``keyphrase-length`` proposes candidates found in the text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from seofr.french.keyphrase import Matcher, Unit
from seofr.plugin import Context, Document, Emitted, Need, Rule, Template, Text

NEEDS = frozenset({Need.SENTENCES, Need.LEMMAS})
NO_KEYPHRASE = Template(
    Text(fr="Aucune expression clé n’est donnée.", en="No focus keyphrase is given."),
    Text(
        fr="Indiquez l’expression clé avec -k ou « keyword » dans l’en-tête du fichier.",
        en="Give the keyphrase with -k or “keyword” in the front matter.",
    ),
)


class KeyphraseRule(Rule[Any]):
    """A rule checked once per focus keyphrase; skipped when there is none."""

    needs = NEEDS
    category = "keyphrase"

    def check(self, doc: Document, ctx: Context, options: Any) -> Iterator[Emitted]:
        if not ctx.keyphrases:
            yield self.skip("no-keyphrase")
            return
        analysis = ctx.keyphrase
        for index, matcher in enumerate(analysis.matchers):
            if matcher.keyphrase.is_empty:
                continue  # keyphrase-length reports it
            yield from self.check_keyphrase(doc, ctx, options, index, matcher)

    def check_keyphrase(
        self, doc: Document, ctx: Context, options: Any, index: int, matcher: Matcher
    ) -> Iterator[Emitted]:
        """Check one keyphrase; ``index`` is its rank among the keyphrases."""
        raise NotImplementedError


def present(matchers: Sequence[Matcher], units: Sequence[Unit], share: float = 1.0) -> bool:
    """Whether one of the matchers covers at least ``share`` of its content words."""
    for matcher in matchers:
        if matcher.keyphrase.exact:
            if matcher.count(units):
                return True
        elif matcher.keyphrase.words and matcher.coverage(units) >= share - 1e-9:
            return True
    return False


@dataclass(frozen=True)
class PlacementOptions:
    """Options of a keyphrase rule without settings of its own."""
