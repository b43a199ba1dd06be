"""What a rule may read besides the document: settings, keyphrases, text units.

Analyses are computed lazily and shared by every rule of one document, so a
rule that needs no NLP never triggers the French pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from seofr.config import Settings
from seofr.document.model import Block, BlockKind, Document, Heading
from seofr.french.words import count_words
from seofr.i18n import Lang


@dataclass
class Context:
    """Per-document context handed to every rule's ``check``."""

    doc: Document
    settings: Settings
    keyphrases: tuple[str, ...] = ()
    original: Document | None = None

    @property
    def lang(self) -> Lang:
        """The language of the report's messages."""
        return self.settings.lang

    @cached_property
    def prose(self) -> tuple[Heading | Block, ...]:
        """Headings and blocks that are prose: code blocks are left out."""
        return tuple(
            e for e in self.doc.body if not (isinstance(e, Block) and e.kind is BlockKind.CODE)
        )

    @cached_property
    def word_count(self) -> int:
        """Words of the prose, by the definition of :mod:`seofr.french.words`."""
        return sum(count_words(e.text) for e in self.prose)
