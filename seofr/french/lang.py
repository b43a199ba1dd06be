"""Language identification on langdetect's profiles, deterministic and self-contained.

A guess reads every n-gram of the text once against langdetect's 55 language
profiles (:func:`seofr.french.detector.log_likelihoods`, no random sampling)
and turns the log-likelihoods into probabilities with a temperature and a
prior that favours French and English, the two languages a French page holds
(docs/language.md gives the reasons and the figures).

A guess costs a tenth to half a millisecond, so text that is plainly French
(several French function words, few English ones) is recognised by a word count
first and only the rest is scored. :func:`page_language` judges a whole page
block by block, weighted by words; :func:`mask_neutral` blanks what should not
vote for a language (numbering, labels, URLs, code, names).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from seofr.french.normalize import APOSTROPHES

# Enough text for a reliable guess; more only costs time.
_MAX_CHARS = 2000
# Each character of a text enters three n-grams (1, 2 and 3 characters), so the
# n-grams are far from independent: their summed log-likelihoods are divided by
# three, which counts each character's evidence about once. Without it a
# three-word heading would be "certain" of whatever language it leans to.
_TEMPERATURE = 3.0
# French and English are each ten times as likely, before reading the text, as
# any one of the 53 other languages: what a French page holds besides French is
# English in the vast majority of cases. The 53 together keep 73 % of the prior.
_LOG_PRIOR_OTHER = -math.log(10.0)
_PRIOR_FAVOURED = frozenset({"fr", "en"})
# Probabilities below this are left out of the candidates.
_MIN_CANDIDATE = 0.01

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
    """The most probable language (a langdetect code) and its probability.

    ``language`` is ``None`` for a text without letters. ``candidates`` lists
    the languages of probability 1 % or more, most probable first. For a page
    (:func:`page_language`) a probability is a share of the words: each block's
    words counted by the probability of the language in that block.
    """

    language: str | None
    probability: float
    candidates: tuple[tuple[str, float], ...] = ()

    @property
    def is_french(self) -> bool:
        """Whether French is the most probable language."""
        return self.language == "fr"

    def probability_of(self, language: str) -> float:
        """The probability of ``language`` (0 when it is not among the candidates)."""
        return next((p for code, p in self.candidates if code == language), 0.0)


# Letters that French uses and its neighbours' leftovers rarely do, and letters
# that French never uses: a quick way to tell a French heading from a foreign one.
_FRENCH_LETTERS = re.compile(r"[éèêàâçùûîôëïœ]|\b(?:[ldjmnst]|qu)[’']", re.IGNORECASE)
_FOREIGN_LETTERS = re.compile(r"[áíóúñüöäßãõåø]", re.IGNORECASE)


def plainly_french(text: str) -> bool:
    """Whether function words and letters alone show ``text`` is French, beyond doubt."""
    words = _words(text)
    if len(words) < 3:
        return False
    french, english = _markers(words)
    if english * 4 > french or _FOREIGN_LETTERS.search(text):
        return False
    plainly = (french >= 3 and french >= 0.2 * len(words)) or (
        french >= 2 and french >= 0.3 * len(words) and english == 0
    )
    return plainly or (french >= 1 and english == 0 and _FRENCH_LETTERS.search(text) is not None)


# every apostrophe spelling becomes the typographic one the marker lists use
_OTHER_APOSTROPHES = tuple(mark for mark in APOSTROPHES if mark != "’")


def _words(text: str) -> list[str]:
    lowered = text.lower()
    # replaced one mark at a time, and only when present: str.translate with a
    # table reads every character through a dictionary (0.3 ms per article)
    for mark in _OTHER_APOSTROPHES:
        if mark in lowered:
            lowered = lowered.replace(mark, "’")
    return _WORD.findall(lowered)


def _markers(words: list[str]) -> tuple[int, int]:
    return sum(map(FRENCH_MARKERS.__contains__, words)), sum(
        map(ENGLISH_MARKERS.__contains__, words)
    )


def marker_counts(text: str) -> tuple[int, int]:
    """How many French and how many English function words ``text`` holds."""
    return _markers(_words(text))


def count_letter_words(text: str) -> int:
    """Words made of letters (``l’homme`` is one, ``3.1`` none)."""
    return len(_WORD.findall(text))


# What does not vote for a language, blanked by mask_neutral. Runs around a mark
# are bounded (64 characters): unbounded, a 50,000-letter "word" made every
# position scan to its end (quadratic: 107 s for 50 KB of « é »).
_NEUTRAL = re.compile(
    r"""
    (?:https?://|www\.)\S+                          # URLs
    | [\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+     # e-mail addresses
    | `[^`]*`                                          # inline code
    | \b(?:fig(?:ure)?|tab(?:le|leau)|section|chap(?:itre|ter)|annexe|appendix|listing
         |ex(?:emple|ample)|étape|step|partie|part|page|équation|equation|note|schéma
         |encadré|illustration|p|n°)\.?\s*\d+(?:[.\-–]\d+)*[.:]?   # « Figure 3.1. », « Tableau 2 »
    | (?<![\w’'])\d+(?:[.,:/\-–]\d+)*[.)]?(?![\w’'])   # numbering, figures, dates
    | \S{0,64}(?:[/_=<>{}\[\]\\|$#@~^]|::|->|\w\(|\w\.\w|(?-i:[a-zà-ÿ][A-Z]))\S{0,64}  # code
    | \S{0,64}\w(?:-\w{1,64}){3,}\S{0,64}            # identifiers: a-b-c-d
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Something every match of _NEUTRAL holds (a digit, a code mark, « www. »…):
# without it, _NEUTRAL cannot match, and its code alternatives, which try
# up to 64 characters from every position, need not run (most sentences).
_MAYBE_NEUTRAL = re.compile(
    r"[\d/_=<>{}\[\]\\|$#@~^`]|::|->|\w\(|\w\.\w|(?-i:[a-zà-ÿ][A-Z])|\w-\w+-\w+-\w|www\.",
    re.IGNORECASE,
)
# A capitalised word and what precedes it since the last sentence end.
_CAPITALIZED_WORD = re.compile(r"(?<![\w’'-])[A-ZÀ-ÖØ-Þ][\w’'-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?…:;•·—–]|\n)[\s«»\"“”(\[*-]*$")


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def mask_neutral(text: str) -> str:
    """``text`` with what should not vote for a language blanked, offsets kept.

    Blanked: URLs and e-mail addresses, inline code and code-like tokens
    (``snake_case``, ``camelCase``, ``a.b``, ``f(x)``, ``/etc/hosts``), numbering and labels
    (« 5.1.2 », « Figure 3.1. », « Tableau 2 »), and capitalised words that do
    not start a sentence (product and people's names, acronyms) — the first
    word of a sentence votes unless it is in capitals.
    """
    masked = _NEUTRAL.sub(_blank, text) if _MAYBE_NEUTRAL.search(text) else text
    pieces: list[str] = []
    last = 0
    for match in _CAPITALIZED_WORD.finditer(masked):
        word = match.group()
        initial = _SENTENCE_START.search(masked, max(0, match.start() - 12), match.start())
        if initial is None or (len(word) > 1 and word.isupper()):
            pieces.append(masked[last : match.start()])
            pieces.append(" " * len(word))
            last = match.end()
    pieces.append(masked[last:])
    return "".join(pieces)


def detect_language(text: str, shortcut: bool = True) -> LanguageGuess:
    """The language of ``text``.

    With ``shortcut``, plainly French text is recognised from its function words
    without reading its n-grams (its probability is then reported as 0.99).
    """
    if not _LETTERS.search(text):
        return LanguageGuess(None, 0.0)
    if shortcut and plainly_french(text):
        return LanguageGuess("fr", 0.99, (("fr", 0.99),))
    return _scored(_sample(text, _MAX_CHARS))


# Pages repeat their cells, labels and notes: one text in ten that a page's
# rules guess was guessed before (the real-page corpus of benchmarks/).
@lru_cache(maxsize=2048)
def _scored(sample: str) -> LanguageGuess:
    """The guess of ``sample``, from the log-likelihoods of all its n-grams."""
    from seofr.french.detector import languages, log_likelihoods

    scored = log_likelihoods(sample)
    if scored is None:
        return LanguageGuess(None, 0.0)
    log_likelihood, _ = scored
    codes = languages()
    scores = [
        ll / _TEMPERATURE + (0.0 if code in _PRIOR_FAVOURED else _LOG_PRIOR_OTHER)
        for code, ll in zip(codes, log_likelihood.tolist(), strict=True)
    ]
    top = max(scores)
    exps = [math.exp(score - top) for score in scores]
    total = sum(exps)
    return _guess((code, e / total) for code, e in zip(codes, exps, strict=True))


def _guess(probabilities: Iterable[tuple[str, float]]) -> LanguageGuess:
    """The guess whose candidates are ``probabilities`` of 1 % or more, most probable first."""
    ranked = sorted(probabilities, key=lambda item: -item[1])
    candidates = tuple((code, round(p, 4)) for code, p in ranked if p >= _MIN_CANDIDATE)
    if not candidates:
        return LanguageGuess(None, 0.0)
    return LanguageGuess(candidates[0][0], candidates[0][1], candidates)


def _sample(text: str, limit: int) -> str:
    """``text``, or three evenly spaced windows of it that together hold ``limit`` characters."""
    if len(text) <= limit:
        return text
    window = limit // 3
    starts = (0, (len(text) - window) // 2, len(text) - window)
    return " ".join(text[start : start + window] for start in starts)


# A page guess reads at most this much prose: beyond it, every n-th block.
PAGE_SAMPLE_CHARS = 20_000
# Consecutive blocks that are not plainly French are guessed together up to this
# size: one score per chunk instead of one per heading or table cell.
_CHUNK_CHARS = 1_000


def page_language(texts: Sequence[str]) -> LanguageGuess:
    """The language of a page's prose, block by block, weighted by words.

    Each block that is plainly French counts all its words as French; the
    others are guessed in chunks of consecutive blocks (up to about a thousand
    characters, numbering and names blanked), each chunk's words shared among
    languages by their probabilities. A language's probability is then its
    share of the words. Beyond :data:`PAGE_SAMPLE_CHARS` characters of prose,
    only every n-th block is read (n chosen so the sample stays under it, from
    the middle of the first stride), and a block longer than 2,000 characters
    is read through three windows: a 200,000-word page costs about what a
    20,000-character one does.
    """
    texts = [text for text in texts if _LETTERS.search(text)]
    if not texts:
        return LanguageGuess(None, 0.0)
    total_chars = sum(len(text) for text in texts)
    stride = max(1, math.ceil(total_chars / PAGE_SAMPLE_CHARS))
    if stride > 1:
        texts = texts[stride // 2 :: stride]
    shares: defaultdict[str, float] = defaultdict(float)
    counted = 0
    chunk: list[str] = []
    chunk_words = 0
    chunk_chars = 0

    def guess_chunk() -> None:
        nonlocal counted
        joined = " ".join(chunk)
        guess = detect_language(mask_neutral(joined), shortcut=False)
        if guess.language is None:  # names and numbers only: read them as they are
            guess = detect_language(joined, shortcut=False)
        if guess.language is not None:
            counted += chunk_words
            for code, probability in guess.candidates:
                shares[code] += chunk_words * probability

    for text in texts:
        sample = _sample(text, _MAX_CHARS)
        words = len(text.split())
        if plainly_french(sample):
            shares["fr"] += words
            counted += words
            continue
        chunk.append(sample)
        chunk_words += words
        chunk_chars += len(sample)
        if chunk_chars >= _CHUNK_CHARS:
            guess_chunk()
            chunk, chunk_words, chunk_chars = [], 0, 0
    if chunk:
        guess_chunk()
    if not counted:
        return LanguageGuess(None, 0.0)
    return _guess((code, share / counted) for code, share in shares.items())


def is_french_tag(tag: str) -> bool:
    """Whether a declared language tag (``fr``, ``fr-FR``, ``fr_CA``…) is French."""
    return re.fullmatch(r"fr(?:[-_][A-Za-z0-9]{1,8})*", tag.strip()) is not None


def tag_language(tag: str) -> str | None:
    """The langdetect code a declared tag names (``en-US`` → ``en``, ``zh-Hant`` → ``zh-tw``).

    ``None`` for an empty tag; a code langdetect does not know is returned as is.
    """
    parts = [part.lower() for part in re.split(r"[-_]", tag.strip()) if part]
    if not parts:
        return None
    primary = {"nb": "no", "nn": "no", "iw": "he", "in": "id", "fil": "tl"}.get(parts[0], parts[0])
    if primary == "zh":
        return "zh-tw" if {"tw", "hk", "mo", "hant"} & set(parts[1:]) else "zh-cn"
    return primary
