"""What a rule may read besides the document: settings, keyphrases, text units.

Analyses are computed lazily and shared by every rule of one document, so a
rule that needs no NLP never triggers the French pipeline, and the pipeline
runs once however many rules read its output.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from seofr.document.model import Block, BlockKind, Document, Heading
from seofr.french.needs import Need
from seofr.french.words import count_words
from seofr.i18n import Lang
from seofr.settings import Config, Settings

if TYPE_CHECKING:
    from seofr.analyses.leftovers import Leftovers
    from seofr.french.analysis import FrenchAnalysis
    from seofr.french.keyphrase import KeyphraseAnalysis
    from seofr.french.lang import LanguageGuess


@dataclass
class Context:
    """Per-document context handed to every rule's ``check``.

    ``needs`` is the union of what the selected rules declared: it tells the
    French pipeline which components to run.
    """

    doc: Document
    config: Config
    keyphrases: tuple[str, ...] = ()
    original: Document | None = None
    needs: frozenset[Need] = field(default_factory=frozenset)
    synonyms: tuple[str, ...] = ()
    # the document's inline directives, set by the session before rules run
    silencer: Callable[[str, int], bool] | None = None

    def silenced(self, rule: str, line: int) -> bool:
        """Whether an inline directive switches ``rule`` off on ``line``: a rule that
        judges a share of sentences leaves such sentences out of it."""
        return self.silencer is not None and self.silencer(rule, line)

    @property
    def settings(self) -> Settings:
        """The effective settings of this document's analysis."""
        return self.config.settings

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

    @cached_property
    def french(self) -> FrenchAnalysis:
        """Sentences and tokens of the prose (loads the French pipeline)."""
        from seofr.french.analysis import FrenchAnalysis

        return FrenchAnalysis(
            self.prose, self.needs, self.doc.source_map, extras=self.phrases_to_tag
        )

    @property
    def phrases_to_tag(self) -> tuple[str, ...]:
        """Keyphrases and synonyms, tagged with the prose when a rule will match them."""
        return (*self.keyphrases, *self.synonyms) if Need.LEMMAS in self.needs else ()

    @cached_property
    def keyphrase(self) -> KeyphraseAnalysis:
        """Keyphrases and the texts they are looked for in (loads the French pipeline)."""
        from seofr.french.keyphrase import KeyphraseAnalysis

        return KeyphraseAnalysis(
            self.doc, self.french, self.keyphrases, self.synonyms, self.settings.derivations
        )

    @cached_property
    def leftovers(self) -> Leftovers:
        """The lines of the prose that are leftovers of scraping or generation."""
        from seofr.analyses.leftovers import Leftovers

        return Leftovers(self.prose, self.doc.source)

    @cached_property
    def language(self) -> LanguageGuess:
        """The language of the prose as a whole: every block and heading, weighted by words.

        Quotations are left out (they may be in any language) unless the prose
        is nothing else; :func:`seofr.french.lang.page_language` caps what it reads.
        """
        from seofr.french.lang import page_language

        texts = [
            e.text for e in self.prose if not (isinstance(e, Block) and e.kind is BlockKind.QUOTE)
        ]
        return page_language(texts or [e.text for e in self.prose])
