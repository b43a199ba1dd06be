"""What a rule declares it reads, so that the engine computes only that.

Anything in :data:`seofr.french.pipeline.NLP_NEEDS` loads the French pipeline;
``WORDS`` and ``LEFTOVERS`` are plain text analyses; ``LANGUAGE`` runs the
language guesser.
"""

from __future__ import annotations

from enum import StrEnum


class Need(StrEnum):
    """An analysis of the document shared by the rules that declare it."""

    WORDS = "words"
    SENTENCES = "sentences"
    LEMMAS = "lemmas"
    MORPHOLOGY = "morphology"
    DEPENDENCIES = "dependencies"
    LANGUAGE = "language"
    LEFTOVERS = "leftovers"
