"""The ``stats`` of a report: sizes, readability figures, language, reading time.

Figures that need the French pipeline (sentences, syllables, readability) or
language identification are computed only when a selected rule needed that
analysis anyway; otherwise they are ``null``, so that a structural check never
loads a model just to fill in statistics.
"""

from __future__ import annotations

from typing import Any

from seofr.context import Context
from seofr.document.model import Block, Heading
from seofr.french.needs import Need
from seofr.french.pipeline import NLP_NEEDS
from seofr.french.readability import kandel_moles, lix


def document_stats(ctx: Context) -> dict[str, Any]:
    """The statistics of the document behind ``ctx``."""
    words = ctx.word_count
    stats: dict[str, Any] = {
        "words": words,
        "sentences": None,
        "paragraphs": sum(1 for e in ctx.prose if isinstance(e, Block)),
        "headings": len(ctx.doc.headings),
        "links": len(ctx.doc.links),
        "images": len(ctx.doc.images),
        "syllables": None,
        "words_per_sentence": None,
        "syllables_per_word": None,
        "readability": None,
        "lix": None,
        "language": None,
        "language_probability": None,
        "reading_time_seconds": round(words * 60 / ctx.settings.reading_speed),
    }
    if ctx.needs & NLP_NEEDS:
        # the sentences of the body, headings left out, as the readability rules
        # count them: the figures of a report then agree with its messages
        body = [s for s in ctx.french.sentences if not isinstance(s.element, Heading)]
        sentences = len(body)
        counted = sum(s.word_count for s in body)
        syllables = sum(s.syllables for s in body)
        stats.update(
            sentences=sentences,
            syllables=syllables,
            words_per_sentence=round(counted / sentences, 2) if sentences else 0.0,
            syllables_per_word=round(syllables / counted, 3) if counted else 0.0,
            readability=round(kandel_moles(counted, sentences, syllables), 1),
            lix=round(lix((w for s in body for w in s.words), sentences), 1),
        )
    if Need.LANGUAGE in ctx.needs:
        guess = ctx.language
        stats.update(language=guess.language, language_probability=guess.probability)
    return stats
