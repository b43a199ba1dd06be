"""seofr's own langdetect: a private factory, a faster n-gram reader, a full-pass score.

langdetect's module-level ``detect`` shares one factory whose seed every user of
the library may set. seofr builds its own factory with a fixed seed instead, so
results are repeatable and nobody else's settings change. langdetect 1.0.9 gives
each detector its own ``random.Random``, so the global ``random`` state is left
alone too.

langdetect spends much of a call in pure-Python loops: copying the text
character by character and reading its n-grams with a Unicode block lookup for
each character. :class:`FastDetector` copies the text with one substitution and
reads n-grams word by word (remembering each word's n-grams: a text repeats its
words). Its n-grams and probabilities are identical to the last bit:
tests/test_french.py compares them with langdetect's own detector on varied
texts.

seofr does not sample n-grams at random as langdetect does, though:
:func:`log_likelihoods` reads every n-gram of the text once and sums the
logarithms of the same smoothed weights langdetect multiplies, which is the
quantity langdetect's random trials approximate (docs/language.md says why).

Imported by :mod:`seofr.french.lang` only when a language guess is needed.
"""

from __future__ import annotations

import os
import re
import threading
from collections import Counter
from functools import lru_cache
from typing import Any

import numpy as np
from langdetect.detector import Detector
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.utils.ngram import NGram

SEED = 0
_lock = threading.Lock()


def _fresh_lock() -> None:
    # a child forked while another thread held the lock would wait for ever
    global _lock  # noqa: PLW0603 - replaced in the child of a fork only
    _lock = threading.Lock()


os.register_at_fork(after_in_child=_fresh_lock)
_factory: Any = None


def factory() -> Any:
    """The process's langdetect factory: profiles loaded once, fixed seed."""
    global _factory  # noqa: PLW0603 - the profiles load once per process
    with _lock:
        if _factory is None:
            made = DetectorFactory()
            made.load_profile(PROFILES_DIRECTORY)
            made.set_seed(SEED)
            _factory = made
        return _factory


class _Normalized(dict[int, str]):
    """``str.translate`` table: code point → the character NGram.normalize makes of it."""

    def __missing__(self, code: int) -> str:
        normalized: str = NGram.normalize(chr(code))
        self[code] = normalized
        return normalized


_NORMALIZED = _Normalized()
_SPACES = re.compile(" {2,}")


@lru_cache(maxsize=65536)
def _word_ngrams(word: str, spaced: bool) -> tuple[str, ...]:
    """The profile n-grams NGram yields for one normalised word.

    NGram starts a word after a space and yields, at each character, the last
    one, two and three characters (not a lone space), except inside a word in
    capitals (from its second capital on). ``spaced`` says whether a space
    follows the word, which adds the n-grams that end with it.
    """
    known = factory().word_lang_prob_map
    padded = f" {word} " if spaced else f" {word}"
    found: list[str] = []
    for end in range(2, len(padded) + 1):
        ch = padded[end - 1]
        if ch.isupper() and padded[end - 2].isupper():
            continue
        if ch != " " and ch in known:
            found.append(ch)
        if padded[end - 2 : end] in known:
            found.append(padded[end - 2 : end])
        if end >= 3 and padded[end - 3 : end] in known:
            found.append(padded[end - 3 : end])
    return tuple(found)


class FastDetector(Detector):  # type: ignore[misc]  # langdetect has no type hints
    """A :class:`langdetect.detector.Detector` with faster text copying and n-gram reading.

    Build it on :func:`factory`, whose profiles the cached n-grams come from.
    """

    def append(self, text: str) -> None:
        """Add ``text`` (up to the length limit) with runs of spaces made single."""
        text = self.URL_RE.sub(" ", text)
        text = self.MAIL_RE.sub(" ", text)
        text = NGram.normalize_vi(text)
        self.text += _SPACES.sub(" ", text[: self.max_text_length])

    def _extract_ngrams(self) -> list[str]:
        """The text's 1-, 2- and 3-grams known to the profiles, in NGram's order."""
        words = self.text.translate(_NORMALIZED).split(" ")
        found: list[str] = []
        last = len(words) - 1
        for index, word in enumerate(words):
            if word:
                found.extend(_word_ngrams(word, index < last))
        return found


def new_detector() -> Any:
    """A fresh :class:`FastDetector` on the process's factory."""
    return FastDetector(factory())


# langdetect's smoothing of a weight: alpha / BASE_FREQ added to it, alpha = 0.5.
_SMOOTHING = Detector.ALPHA_DEFAULT / Detector.BASE_FREQ


@lru_cache(maxsize=16384)
def _log_weights(ngram: str) -> Any:
    """The logarithms of the smoothed profile weights of ``ngram``, one per language."""
    weights = factory().word_lang_prob_map[ngram]
    return np.log(np.asarray(weights, dtype=np.float64) + _SMOOTHING)


def languages() -> tuple[str, ...]:
    """The codes of the languages langdetect's profiles hold, in the order of the scores."""
    return tuple(factory().langlist)


def log_likelihoods(text: str) -> tuple[Any, int] | None:
    """The log-likelihood of ``text`` under each language profile, and its n-gram count.

    Every 1-, 2- and 3-gram langdetect would sample is read once (a repeated
    n-gram counts as often as it occurs), with langdetect's cleaning and
    smoothing; ``None`` when the text has no n-gram the profiles know.
    """
    detector = new_detector()
    detector.append(text)
    detector.cleaning_text()
    counts = Counter(detector._extract_ngrams())
    if not counts:
        return None
    # one concatenation, then a reshape: np.vstack checks each row in Python
    # (about 60 µs for 200 n-grams, against 15 µs), for the same matrix
    rows = np.concatenate([_log_weights(ngram) for ngram in counts]).reshape(len(counts), -1)
    weights = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
    return weights @ rows, int(weights.sum())
