"""Language identification with langdetect, deterministic and self-contained.

langdetect runs through seofr's own factory and detector
(:mod:`seofr.french.detector`): a fixed seed, no change to anybody else's
langdetect settings or to the global ``random`` state.

Identification costs about half a millisecond per call, so blocks that are
plainly French (several French function words, few English ones) are
recognised by a word count first and only the others go to langdetect.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Enough text for a reliable guess; more only costs time.
_MAX_CHARS = 2000
# langdetect averages several random trials (7 by default); three agree on
# anything longer than a line and cost less than half (measured on our corpus).
_TRIALS = 3

_LETTERS = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)?")

FRENCH_MARKERS = frozenset(
    [
        "le",
        "la",
        "les",
        "l’",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d’",
        "et",
        "est",
        "sont",
        "à",
        "au",
        "aux",
        "en",
        "dans",
        "pour",
        "par",
        "sur",
        "avec",
        "ne",
        "pas",
        "plus",
        "qui",
        "que",
        "qu’",
        "ce",
        "cette",
        "ces",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "nous",
        "vous",
        "il",
        "elle",
        "ils",
        "elles",
        "on",
        "se",
        "s’",
        "été",
        "être",
        "avoir",
        "a",
        "ont",
        "mais",
        "ou",
        "où",
        "donc",
        "car",
        "très",
        "aussi",
        "entre",
    ]
)
ENGLISH_MARKERS = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "this",
        "that",
        "these",
        "those",
        "with",
        "for",
        "from",
        "by",
        "on",
        "in",
        "at",
        "it",
        "its",
        "as",
        "an",
        "or",
        "not",
        "you",
        "your",
        "we",
        "our",
        "they",
        "their",
        "have",
        "has",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "please",
        "us",
    ]
)


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The most probable language (ISO 639-1) and its probability.

    ``language`` is ``None`` for a text without letters. ``candidates`` lists
    every language langdetect considered, most probable first.
    """

    language: str | None
    probability: float
    candidates: tuple[tuple[str, float], ...] = ()

    @property
    def is_french(self) -> bool:
        """Whether French is the most probable language."""
        return self.language == "fr"


# Letters that French uses and its neighbours' leftovers rarely do, and letters
# that French never uses: a quick way to tell a French heading from a foreign one.
_FRENCH_LETTERS = re.compile(r"[éèêàâçùûîôëïœ]|\b(?:[ldjmnst]|qu)[’']", re.IGNORECASE)
_FOREIGN_LETTERS = re.compile(r"[áíóúñüöäßãõåø]", re.IGNORECASE)


def plainly_french(text: str) -> bool:
    """Whether function words and letters alone show ``text`` is French, beyond doubt."""
    words = _WORD.findall(text.lower().replace("'", "’"))
    if len(words) < 3:
        return False
    french = sum(map(FRENCH_MARKERS.__contains__, words))
    english = sum(map(ENGLISH_MARKERS.__contains__, words))
    if english * 4 > french or _FOREIGN_LETTERS.search(text):
        return False
    plainly = (french >= 3 and french >= 0.2 * len(words)) or (
        french >= 2 and french >= 0.3 * len(words) and english == 0
    )
    return plainly or (french >= 1 and english == 0 and _FRENCH_LETTERS.search(text) is not None)


def detect_language(text: str, shortcut: bool = True) -> LanguageGuess:
    """The language of ``text``.

    With ``shortcut``, plainly French text is recognised from its function words
    without calling langdetect (its probability is then reported as 0.99).
    """
    if not _LETTERS.search(text):
        return LanguageGuess(None, 0.0)
    if shortcut and plainly_french(text):
        return LanguageGuess("fr", 0.99, (("fr", 0.99),))
    from langdetect.lang_detect_exception import LangDetectException

    from seofr.french.detector import new_detector

    detector = new_detector()
    detector.n_trial = _TRIALS
    detector.append(text[:_MAX_CHARS])
    try:
        found = detector.get_probabilities()
    except LangDetectException:
        return LanguageGuess(None, 0.0)
    candidates = tuple((str(p.lang), round(float(p.prob), 4)) for p in found)
    if not candidates:
        return LanguageGuess(None, 0.0)
    return LanguageGuess(candidates[0][0], candidates[0][1], candidates)


def is_french_tag(tag: str) -> bool:
    """Whether a declared language tag (``fr``, ``fr-FR``, ``fr_CA``…) is French."""
    return re.fullmatch(r"fr(?:[-_][A-Za-z0-9]{1,8})*", tag.strip()) is not None
