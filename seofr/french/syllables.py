"""Spoken-syllable counting for French, as needed by the Kandel–Moles readability index.

The Kandel & Moles (1958) adaptation of Flesch's reading-ease formula,
``207 − 1.015 × words/sentences − 73.6 × syllables/word``, needs a syllable count
per word. Hyphenation points (what pyphen and textstat count) are not syllables:
``été`` has two syllables but no legal hyphenation point. This module counts the
vowel *sounds* of a word in its standard citation pronunciation instead.

The convention, rule by rule, is documented in ``docs/syllables.md``. In short:

* one syllable per pronounced vowel nucleus; digraphs (``ai``, ``eau``, ``ou``…)
  are one nucleus;
* final mute ``e``/``es`` and the verbal ``-ent`` are silent (``table`` 1,
  ``parlent`` 1) while non-verbal ``-ent`` is pronounced (``souvent`` 2);
* ``i``, ``u``, ``ou`` before a vowel are glides (``pied`` 1, ``jouer`` 1) except
  after an obstruent + liquid cluster (``crier`` 2, ``ouvrier`` 3);
* an inner ``e`` after a single pronounced consonant is dropped
  (``samedi`` 2) but kept after two (``vendredi`` 3): Grammont's law of three
  consonants;
* compounds are summed, acronyms are spelled unless pronounceable, numbers are
  read as French number words.

Rules first; ``data/syllable_exceptions.txt`` overrides the rules for the few
words they cannot handle (``août``, ``paon``…).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise, repeat
from types import MappingProxyType
from typing import Final

__all__ = ["count_syllables", "count_text_syllables", "syllable_exceptions"]

_VOWELS: Final = "aeiouyàâäéèêëîïôöùûüÿæœ"
_VOWEL_SET: Final = frozenset(_VOWELS)
_CONSONANT_LETTERS: Final = frozenset("bcçdfghjklmnñpqrstvwxz")
_FRENCH_LETTERS: Final = _VOWEL_SET | _CONSONANT_LETTERS
# Latin letters that Unicode decomposition does not reduce to a base letter.
_UNDECOMPOSABLE: Final[Mapping[str, str]] = MappingProxyType(
    {"ø": "o", "ß": "s", "ł": "l", "đ": "d", "ı": "i", "ŀ": "l"}
)

# Vowel-unit statuses.
_NUCLEUS: Final = 0
_MUTE: Final = 1  # written but not pronounced: final e, -es, verbal -ent, e after a vowel
_SILENT_E: Final = 2  # orthographic e softening g/c before a/o: mangeons, pigeon
_GLIDE: Final = 3  # semivowel [j ɥ w]: part of the next syllable's onset
_DROPPED: Final = 4  # inner schwa dropped by the law of three consonants

_VOWEL: Final = "V"
_CONSONANT: Final = "C"
_MUTE_H: Final = "H"

# One alternative per written unit, longest first. No alternative nests a quantifier,
# so matching is linear. Order matters: "gu"/"qu" must win over the vowel "u", and the
# "y between vowels" rule over the plain "ay"/"oy" digraphs.
_SEGMENT_RE: Final = re.compile(
    rf"""
    (?P<gq>[gq]u(?=[aeiouyàâäéèêîôöûœæ]))   # u is silent before a vowel; not before ë ï ü
    |(?P<digraph>ch|ph|th|sh|gn|ck|rh|kh|wh)
    |(?P<double>(?P<dc>[bcdfgklmnprstvz])(?P=dc))
    |(?P<yvowel>[aeou]y(?=[{_VOWELS}]))    # crayon = ai + [j]: nucleus then consonant
    |(?P<vdigraph>eau|œu|[eo]ui(?=l)|œi(?=l)|a[iî]|ay(?!s)|au|e[iîy]|eu|eû|ee|o[iîy]|oê
        |ou|où|oû|(?<!^c)oo|oo(?![pr])|aa|uy)   # co-opérer, co-ordonner: two vowels
    |(?P<vowel>[{_VOWELS}])
    |(?P<h>h)
    |(?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
# "oeu"/"oeil" typed without the ligature (coeur, oeil) are the œ digraphs.
_OE_LIGATURE_RE: Final = re.compile(r"oe(?=u|il)")

_GLIDABLE: Final = frozenset({"i", "y", "u", "ü", "ou", "ï"})
_OBSTRUENTS: Final = frozenset("bcdfgkptv") | {"ch", "ph", "th"}
_LIQUIDS: Final = frozenset("lr")

# Words whose final "-ent" is pronounced although the rules below would call it the
# mute verb ending. Exact words: suffix matching would catch verbs ("comparent").
_PRONOUNCED_ENT: Final = frozenset(
    {
        "accident", "incident", "occident", "président", "résident", "évident", "prudent",
        "imprudent", "impudent", "ardent", "strident", "trident", "confident", "adjacent",
        "argent", "agent", "urgent", "intelligent", "négligent", "diligent", "indulgent",
        "sergent", "tangent", "contingent", "émergent", "convergent", "divergent", "détergent",
        "entregent", "innocent", "pourcent", "talent", "violent", "excellent", "équivalent",
        "ambivalent", "polyvalent", "insolent", "somnolent", "indolent", "opulent", "succulent",
        "fraudulent", "turbulent", "virulent", "purulent", "corpulent", "truculent", "content",
        "mécontent", "latent", "patent", "omnipotent", "impotent", "intermittent", "pénitent",
        "parent", "apparent", "transparent", "torrent", "concurrent", "récurrent", "continent",
        "incontinent", "permanent", "éminent", "imminent", "pertinent", "impertinent",
        "proéminent", "immanent", "souvent", "couvent", "paravent", "auvent", "avent",
        "serpent", "arpent", "repent", "absent", "consent", "ressent", "pressent", "comment",
        "serment", "segment", "fragment", "pigment", "éloquent", "client", "ingrédient",
        "inconvénient", "orient", "récipient", "expédient", "gradient", "émollient",
        "conscient", "inconscient", "omniscient", "efficient", "inefficient", "déficient",
        "coefficient"
    }
)  # fmt: skip
_PRONOUNCED_ENT_SUFFIXES: Final = ("escent", "fluent")
# Verb forms that the "-ment is pronounced" and "-tient/-vient" rules would get wrong.
_MUTE_ENT: Final = frozenset(
    {
        "aiment", "estiment", "expriment", "impriment", "suppriment", "compriment", "oppriment",
        "répriment", "animent", "raniment", "riment", "priment", "déciment", "arriment",
        "subliment", "légitiment", "intiment", "liment", "triment", "friment", "escriment",
        "fument", "allument", "rallument", "parfument", "résument", "assument", "consument",
        "présument", "inhument", "exhument", "réclament", "proclament", "acclament",
        "déclament", "entament", "affament", "diffament", "enflamment", "initient", "châtient",
        "balbutient", "envient", "dévient", "acquiescent"
    }
)  # fmt: skip
_VOWELS_BEFORE_NOMINAL_MENT: Final = frozenset("aeiouyéûî")
_E_ACUTE_BEFORE_ENT_RE: Final = re.compile(rf"é[^{_VOWELS}]+$")

# Acronyms read as words, with their syllable count (a few, like JSON or CAPES,
# would not come out right through the spelling rules).
_WORD_ACRONYMS: Final[Mapping[str, int]] = MappingProxyType(
    {
        "ASCII": 2, "BAC": 1, "CAC": 1, "CAF": 1, "CAPES": 2, "CERN": 1, "CNIL": 1,
        "COVID": 2, "CROUS": 1, "EHPAD": 2, "ENA": 2, "ESSEC": 2, "FIFA": 2, "GAFAM": 2,
        "GIF": 1, "INRIA": 3, "INSEE": 2, "INSERM": 2, "JPEG": 2, "JSON": 2, "LASER": 2,
        "NASA": 2, "NASDAQ": 2, "OPEP": 2, "OTAN": 2, "OVNI": 2, "PACS": 1, "PISA": 2,
        "RADAR": 2, "RAM": 1, "ROM": 1, "SAMU": 2, "SERP": 1, "SIDA": 2, "SIM": 1,
        "SMIC": 1, "UEFA": 3, "UNEF": 2, "UNESCO": 3, "UNICEF": 3, "URSSAF": 2, "ZAD": 1,
    }
)  # fmt: skip
# Initialisms that contain vowels and would pass the pronounceability test.
_SPELLED_ACRONYMS: Final = frozenset(
    {
        "AI", "AOC", "API", "ARN", "CEO", "CIA", "ENS", "EPS", "HEC", "IA", "ID", "IP", "IT",
        "IUT", "OCDE", "OK", "ONG", "ONU", "OS", "PIB", "RER", "ROI", "SEA", "SEO", "UE", "UI",
        "USA", "UX"
    }
)  # fmt: skip
_ACRONYM_MAX_LETTERS: Final = 6
# Consonant clusters French allows at the start and at the end of a word; an all-caps
# token that breaks them (GPS, RATP, SMS) is an initialism.
_ONSETS: Final = frozenset(
    {
        "bl", "br", "ch", "cl", "cr", "dr", "fl", "fr", "gl", "gn", "gr", "kl", "kr", "ph",
        "pl", "pn", "pr", "ps", "qu", "rh", "sc", "sh", "sk", "sp", "st", "th", "tr", "vr",
        "wh", "scr", "spl", "spr", "str"
    }
)  # fmt: skip
_CODAS: Final = frozenset(
    {
        "ch", "ck", "ct", "ds", "ft", "gn", "ld", "lf", "lk", "ls", "lt", "mp", "nc", "nd",
        "ng", "nk", "ns", "nt", "ph", "ps", "pt", "rc", "rd", "rf", "rg", "rk", "rs", "rt",
        "sh", "sk", "st", "th", "ts", "cts", "lts", "mps", "nds", "nks", "nts", "rds", "rst",
        "rts"
    }
)  # fmt: skip
_CLUSTER_RE: Final = re.compile(r"[aeiouy]+|[^aeiouy]+")

# Vowel nuclei of the two other alphabets found in French press text (names such
# as Αθήνα, Москва). Greek: the digraphs αι ει οι υι ου αυ ευ ηυ (the accent may sit
# on their second letter) are one vowel, a diaeresis (ϊ ϋ) separates; Cyrillic:
# every vowel letter is a syllable, as in Россия [rɐ.ˈsʲi.jə] 3. Lowercase only:
# callers lowercase first.
_OTHER_SCRIPT_NUCLEUS_RE: Final = re.compile(
    "[αεου][ιί]|[αεηο][υύ]|[αάεέηήιίϊΐοόυύϋΰωώ]|[аеёиоуыэюяіїє]"
)

# Letter names: all one syllable except W (double-vé) and Y (i grec).
_LETTER_NAME_SYLLABLES: Final[Mapping[str, int]] = MappingProxyType({"w": 3, "y": 2})
_DIGIT_NAME_SYLLABLES: Final[Mapping[str, int]] = MappingProxyType({"0": 2})  # zéro

_UNITS: Final = (
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
    "onze", "douze", "treize", "quatorze", "quinze", "seize"
)  # fmt: skip
_TENS: Final[Mapping[int, str]] = MappingProxyType(
    {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
)
_MAX_SPELLED_NUMBER: Final = 999_999_999

_APOSTROPHES: Final = str.maketrans(dict.fromkeys("’‘ʼ`´′", "'") | dict.fromkeys("‐‑", "-"))
_PIECE_SPLIT_RE: Final = re.compile(r"(['-])")
# Letters and digits, plus a decimal comma or thousands separator between digits.
_RUN_RE: Final = re.compile(r"[^\W_]+(?:[,.\u00a0\u202f][0-9]+)*")
_NUMBER_RE: Final = re.compile(r"([0-9]{1,3}(?:[.\u00a0\u202f][0-9]{3})+|[0-9]+)(?:,([0-9]+))?")
_ORDINAL_RE: Final = re.compile(r"([0-9]+)(er|re|ère|ème|eme|e|è|nde|nd)s?", re.IGNORECASE)
_TIME_RE: Final = re.compile(r"([0-9]{1,2})h([0-9]{2})?", re.IGNORECASE)
_THOUSANDS_SEPARATORS: Final = str.maketrans("", "", ".\u00a0\u202f")
# A part ending in obstruent + liquid + mute e keeps that schwa before a consonant:
# quatre-vingts [ka.tʁə.vɛ̃], contre-pied, libre-service.
_OBSTRUENT_LIQUID_E_RE: Final = re.compile(r"(?:[bcdfgkptv]|ch|ph|th)[lr]es?$")
_ENCLITICS: Final = frozenset({"ce", "je"})  # est-ce [ɛs], puis-je [pɥiʒ]


def count_syllables(word: str, *, use_exceptions: bool = True) -> int:
    """Return the number of spoken syllables of one French word.

    ``word`` may carry elisions (``l'école``), hyphens (``arc-en-ciel``), digits
    (``2023``, ``3,5``, ``5G``), acronyms (``SNCF``) or surrounding punctuation, which
    is ignored. A token with no letter or digit counts 0.

    ``use_exceptions=False`` disables the exception list, leaving the bare rules;
    it exists so that the rules can be measured on their own.

    >>> count_syllables("été"), count_syllables("table"), count_syllables("aujourd'hui")
    (2, 1, 3)
    """
    return _count_token(word, use_exceptions)


def count_text_syllables(words: Iterable[str]) -> int:
    """Return the total number of spoken syllables of ``words`` (see `count_syllables`)."""
    return sum(map(_count_token, words, repeat(True)))


_EXCEPTION_FILES: Final = ("syllable_exceptions.txt", "syllable_loanwords.txt")


@cache
def syllable_exceptions() -> Mapping[str, int]:
    """Return the listed words: lowercased word (accents kept) → syllable count.

    They are read once from the package data files ``data/syllable_exceptions.txt``
    and ``data/syllable_loanwords.txt`` (``word<TAB>count`` lines, ``#`` starts a
    comment); a word listed twice is an error.
    """
    table: dict[str, int] = {}
    for name in _EXCEPTION_FILES:
        source = resources.files("seofr.french") / "data" / name
        for number, raw in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            word, _, count = line.partition("\t")
            key = _normalize(word.strip()).lower()
            if not count.strip().isdigit():
                msg = f"{name}:{number}: expected 'word<TAB>count', got {raw!r}"
                raise ValueError(msg)
            if key in table:
                msg = f"{name}:{number}: {key!r} is listed twice"
                raise ValueError(msg)
            table[key] = int(count)
    return MappingProxyType(table)


@cache
def _known_counts() -> Mapping[str, int]:
    """The listed words and their inflected forms, which keep the base's count.

    A plural in -s and, after a consonant letter, the -e/-es forms (*taons*,
    *coachs*, *saoule*); *-eux* gives *-euse(s)* (*moelleuses*). Listed words win
    over generated forms; words without a vowel (*km*, *hmm*) get no forms.
    """
    listed = syllable_exceptions()
    table: dict[str, int] = {}
    for word, count in listed.items():
        for form in _inflected_forms(word):
            table.setdefault(form, count)
    table.update(listed)
    return MappingProxyType(table)


def _inflected_forms(word: str) -> tuple[str, ...]:
    if not _VOWEL_SET.intersection(word) or word.endswith("s"):
        return ()  # km, hmm, business: no forms
    if word.endswith("eux"):
        return (word[:-1] + "se", word[:-1] + "ses")
    if word.endswith("x"):
        return ()
    if word[-1] in _CONSONANT_LETTERS:
        return (word + "s", word + "e", word + "es")
    return (word + "s",)


def _normalize(text: str) -> str:
    return unicodedata.normalize("NFC", text).translate(_APOSTROPHES)


# Text follows Zipf's law: a small set of tokens makes up most of any document, so
# caching whole tokens saves the splitting work as well as the rules.
@lru_cache(maxsize=65536)
def _count_token(token: str, use_exceptions: bool) -> int:
    text = _normalize(token)
    if use_exceptions and not text.isupper():
        known = _known_counts().get(text.lower())
        if known is not None:
            return known
    pieces = _PIECE_SPLIT_RE.split(text)
    parts, separators = pieces[0::2], pieces[1::2]
    total = 0
    for index, part in enumerate(parts):
        before = separators[index - 1] if index else ""
        after = separators[index] if index < len(separators) else ""
        total += _count_piece(part, before, after, use_exceptions)
        if after == "-" and index + 1 < len(parts):
            total += _kept_schwa_before(part.lower(), parts[index + 1].lower())
    return total


def _count_piece(part: str, before: str, after: str, use_exceptions: bool) -> int:
    """Count one part of a token cut at apostrophes and hyphens (``before``/``after``)."""
    lower = part.lower()
    if after == "'":
        # Elided: l', d', qu', jusqu'. The u of a final "qu" is silent there.
        spoken = part[:-1] if lower.endswith("qu") else part
        if not _VOWEL_SET.intersection(spoken.lower()):
            return 0
        return _count_part(spoken, use_exceptions)
    if before == "'" and not _VOWEL_SET.intersection(lower):
        return 0  # English 's, n't
    if before == "-" and (lower in _ENCLITICS or (lower == "t" and after == "-")):
        return 0  # est-ce, puis-je, a-t-il
    return _count_part(part, use_exceptions)


def _kept_schwa_before(part: str, next_part: str) -> int:
    """Return 1 if the final mute e of ``part`` is heard before ``next_part``."""
    return int(
        bool(next_part)
        and next_part[0] in _CONSONANT_LETTERS
        and next_part[0] != "h"
        and _OBSTRUENT_LIQUID_E_RE.search(part) is not None
    )


def _count_part(part: str, use_exceptions: bool) -> int:
    return sum(_count_run(run.group(), use_exceptions) for run in _RUN_RE.finditer(part))


def _count_run(run: str, use_exceptions: bool) -> int:
    if run.isalpha():
        return _count_letters(run, use_exceptions)
    if number := _NUMBER_RE.fullmatch(run):
        return _count_number(number.group(1).translate(_THOUSANDS_SEPARATORS), number.group(2))
    if ordinal := _ORDINAL_RE.fullmatch(run):
        return _count_words(_ordinal_words(int(ordinal.group(1)), ordinal.group(2).lower()))
    if time := _TIME_RE.fullmatch(run):
        words = [*_integer_words(int(time.group(1))), "heures"]
        if time.group(2):
            words += _integer_words(int(time.group(2)))
        return _count_words(words)
    # Letters mixed with digits (5G, H2O, MP3): read character by character.
    return sum(_character_syllables(char) for char in run if char.isalnum())


def _character_syllables(char: str) -> int:
    lower = char.lower()
    if lower.isdigit():
        return _DIGIT_NAME_SYLLABLES.get(lower, 1)
    return _LETTER_NAME_SYLLABLES.get(lower, 1)


def _count_letters(run: str, use_exceptions: bool) -> int:
    if run.isupper() and len(run) > 1:
        spelled = _acronym_syllables(run)
        if spelled is not None:
            return spelled
    lower = run.lower()
    if use_exceptions:
        known = _known_counts().get(lower)
        if known is not None:
            return known
    if not run.isupper() and any(char.isupper() for char in run[1:]):
        segments = _camel_segments(run)
        if len(segments) > 1:  # a caseless letter before the capital leaves one segment
            return sum(_count_letters(segment, use_exceptions) for segment in segments)
    folded = _fold(lower)
    if not _VOWEL_SET.intersection(folded):
        # Greek and Cyrillic words are read, one syllable per vowel nucleus;
        # km, pff and Chinese characters are spelled, one syllable per letter.
        nuclei = len(_OTHER_SCRIPT_NUCLEUS_RE.findall(folded))
        return nuclei or sum(_character_syllables(char) for char in folded)
    return _rule_count(folded)


def _acronym_syllables(run: str) -> int | None:
    """Return the syllables of an all-caps acronym, or None if ``run`` reads as a word."""
    if len(run) > _ACRONYM_MAX_LETTERS or not run.isascii():
        return None  # ÉTÉ, ATTENTION: shouted words, not acronyms
    if run in _WORD_ACRONYMS:
        return _WORD_ACRONYMS[run]
    if run in _SPELLED_ACRONYMS or not _is_pronounceable(run.lower()):
        return sum(_character_syllables(char) for char in run)
    return None


def _is_pronounceable(word: str) -> bool:
    """Tell whether an ASCII word obeys French syllable structure (onsets, codas)."""
    clusters = _CLUSTER_RE.findall(word)
    if len(clusters) == 1:
        return clusters[0][0] in _VOWELS  # vowels only reads as a word, consonants never
    for index, cluster in enumerate(clusters):
        if cluster[0] in _VOWELS or len(cluster) == 1:
            continue
        if index == 0:
            legal = cluster in _ONSETS
        elif index == len(clusters) - 1:
            legal = cluster in _CODAS
        else:
            legal = len(cluster) == 2 or (
                len(cluster) == 3 and (cluster[1:] in _ONSETS or cluster[:2] in _CODAS)
            )
        if not legal:
            return False
    return True


def _camel_segments(run: str) -> list[str]:
    """Split ``OpenAI`` into ``Open``/``AI`` and ``GPTModel`` into ``GPT``/``Model``."""
    segments: list[str] = []
    start = 0
    for index in range(1, len(run)):
        previous, current = run[index - 1], run[index]
        following = run[index + 1 : index + 2]
        if current.isupper() and (
            previous.islower() or (previous.isupper() and following.islower())
        ):
            segments.append(run[start:index])
            start = index
    segments.append(run[start:])
    return segments


def _fold(word: str) -> str:
    """Map letters foreign to French onto their base letter (ñ → n, ø → o)."""
    if _FRENCH_LETTERS.issuperset(word):
        return word
    folded = []
    for char in word:
        if char in _FRENCH_LETTERS:
            folded.append(char)
            continue
        base = unicodedata.normalize("NFKD", char)[:1]
        folded.append(
            base if base.isascii() and base.isalpha() else _UNDECOMPOSABLE.get(char, char)
        )
    return "".join(folded)


# --- numbers -------------------------------------------------------------------------


def _count_number(integer: str, decimals: str | None) -> int:
    words = _digit_string_words(integer)
    if decimals is not None:
        words.append("virgule")
        words += _digit_string_words(decimals)
    return _count_words(words)


def _digit_string_words(digits: str) -> list[str]:
    """Read a digit string: as a number, after one "zéro" per leading zero."""
    significant = digits.lstrip("0")
    if len(significant) > len(str(_MAX_SPELLED_NUMBER)):
        return [_UNITS[int(digit)] for digit in digits]  # too long: digit by digit
    zeros = ["zéro"] * (len(digits) - len(significant))
    return zeros + (_integer_words(int(significant)) if significant else [])


def _integer_words(number: int) -> list[str]:
    """Spell 0 ≤ ``number`` ≤ 999 999 999 as French words (spelling of plurals aside)."""
    if number == 0:
        return ["zéro"]
    millions, rest = divmod(number, 1_000_000)
    thousands, units = divmod(rest, 1000)
    words: list[str] = []
    if millions:
        words += [*_below_thousand(millions), "million"]
    if thousands:
        words += [*(_below_thousand(thousands) if thousands > 1 else []), "mille"]
    if units:
        words += _below_thousand(units)
    return words


def _below_thousand(number: int) -> list[str]:
    hundreds, rest = divmod(number, 100)
    words: list[str] = []
    if hundreds:
        words += [*([_UNITS[hundreds]] if hundreds > 1 else []), "cent"]
    if rest:
        words += _below_hundred(rest)
    return words


def _below_hundred(number: int) -> list[str]:
    if number < len(_UNITS):
        return [_UNITS[number]]
    if number < 20:
        return ["dix", _UNITS[number - 10]]
    tens, unit = divmod(number, 10)
    if tens in (7, 9):  # soixante-dix, quatre-vingt-onze: the 60/80 base plus 10..19
        base = ["soixante"] if tens == 7 else ["quatre", "vingt"]
        return [*base, *(["et"] if number == 71 else []), *_below_hundred(number - 10 * tens + 10)]
    if tens == 8:
        return ["quatre", "vingt", *(_below_hundred(unit) if unit else [])]
    if unit == 0:
        return [_TENS[tens]]
    return [_TENS[tens], *(["et"] if unit == 1 else []), _UNITS[unit]]


def _ordinal_words(number: int, suffix: str) -> list[str]:
    if number == 1 and suffix in ("er", "re", "ère"):
        return ["premier"]
    if number == 2 and suffix.startswith("nd"):
        return ["second"]
    words = _integer_words(number)
    last = words[-1]
    stem = {"cinq": "cinqu", "neuf": "neuv"}.get(last, last.removesuffix("e"))
    return [*words[:-1], stem + "ième"]


def _count_words(words: Sequence[str]) -> int:
    """Count number words read together, with the schwa of quatre kept before a consonant."""
    total = sum(_rule_count(word) for word in words)
    return total + sum(_kept_schwa_before(word, following) for word, following in pairwise(words))


# --- the rules ---------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _rule_count(word: str) -> int:
    """Count the syllables of a lowercase word made of letters, by rule only."""
    units = _segment(_OE_LIGATURE_RE.sub("œ", word))
    status = [_NUCLEUS] * len(units)
    _mark_final_mute(word, units, status)
    _mark_silent_e(units, status)
    _mark_glides(units, status)
    _drop_inner_schwas(units, status)
    nuclei = sum(
        1
        for (kind, _), state in zip(units, status, strict=True)
        if kind == _VOWEL and state == _NUCLEUS
    )
    return max(nuclei, 1)


def _segment(word: str) -> list[tuple[str, str]]:
    """Split a word into (kind, letters) units: vowel units, consonant units, mute h."""
    units: list[tuple[str, str]] = []
    for match in _SEGMENT_RE.finditer(word):
        group, text = match.lastgroup, match.group()
        if group == "yvowel":
            units += [(_VOWEL, text), (_CONSONANT, "y")]
        elif group in ("vdigraph", "vowel"):
            units.append((_VOWEL, text))
        elif group == "h":
            units.append((_MUTE_H, text))
        else:
            units.append((_CONSONANT, text))
    # Initial y before a vowel is a consonant: yeux, yaourt, you.
    if len(units) > 1 and units[0] == (_VOWEL, "y") and units[1][0] == _VOWEL:
        units[0] = (_CONSONANT, "y")
    return units


def _mark_final_mute(word: str, units: list[tuple[str, str]], status: list[int]) -> None:
    vowels = [index for index, (kind, _) in enumerate(units) if kind == _VOWEL]
    if len(vowels) < 2:
        return  # the only vowel is always heard: le, que, les
    last = vowels[-1]
    tail = "".join(text for _, text in units[last + 1 :])
    letters = units[last][1]
    if letters == "e":
        if tail in ("", "s") or (tail == "nt" and not _ent_is_pronounced(word)):
            status[last] = _MUTE
    elif letters == "ë" and tail in ("", "s") and units[last - 1][1] == "u":
        status[last] = _MUTE  # aiguë, ambiguë: the diaeresis only says "u is heard"


def _ent_is_pronounced(word: str) -> bool:
    """Decide whether a final -ent is the mute verb ending (parlent) or heard (souvent)."""
    if word in _MUTE_ENT:
        return False
    if word in _PRONOUNCED_ENT or word.endswith(_PRONOUNCED_ENT_SUFFIXES):
        return True
    stem = word[:-3]
    if stem.endswith(("qu", "gu")):
        stem = stem[:-1]  # the u of qu/gu before e is silent: fréquent is é + q + ent
    if not _VOWEL_SET.intersection(stem):
        return True  # dent, vent, cent: the only vowel
    last = stem[-1]
    if last in _VOWEL_SET:
        # vient, tient and their compounds, patient, quotient; étudient, jouent are verbs.
        return stem.endswith(("vi", "ti"))
    if last == "m":
        # Adverbs and nouns in -ment follow a vowel (vraiment, moment) or -emm/-amm-
        # (évidemment); verbs end in consonant + ment (ferment) or è/ê/â/ô + ment.
        if stem.endswith("mm"):
            return stem.endswith(("emm", "amm"))
        return stem[-2:-1] in _VOWELS_BEFORE_NOMINAL_MENT
    # Verbs turn é into è before a mute ending (préférer → ils préfèrent), so
    # é + consonants + ent is an adjective or noun: différent, fréquent, récent.
    return _E_ACUTE_BEFORE_ENT_RE.search(stem) is not None


def _mark_silent_e(units: list[tuple[str, str]], status: list[int]) -> None:
    for index, (kind, letters) in enumerate(units[:-1]):
        if kind != _VOWEL or letters != "e" or status[index] != _NUCLEUS:
            continue
        next_kind, next_letters = units[index + 1]
        if next_kind == _VOWEL and next_letters[0] in "aâoô":
            status[index] = _SILENT_E  # mangeons, geai, asseoir, Jean, leader
        elif (
            index
            and units[index - 1][0] == _VOWEL
            and next_kind == _CONSONANT
            and _is_single_consonant(next_letters)
            and index + 2 < len(units)
            and units[index + 2][0] == _VOWEL
            and status[index + 2] == _NUCLEUS
        ):
            status[index] = _MUTE  # e after a vowel inside a word: paiement, jouerai


def _mark_glides(units: list[tuple[str, str]], status: list[int]) -> None:
    for index, (kind, letters) in enumerate(units):
        if kind != _VOWEL or letters not in _GLIDABLE or status[index] != _NUCLEUS:
            continue
        following = index + 1
        while following < len(units) and units[following][0] == _MUTE_H:
            following += 1  # souhait, cahier: a mute h does not separate the vowels
        if following == len(units):
            continue
        next_kind, next_letters = units[following]
        if next_kind != _VOWEL or status[following] != _NUCLEUS:
            continue
        if next_letters == "i" and _before_glide(units, status, following):
            continue  # liiez [li.je], tuions [ty.jɔ̃], jouiez: no glide before the [j]
        if letters == "i" and _stem_i_in_hiatus(units, index):
            continue  # criions [kʁi.i.jɔ̃]: the hiatus of crions carries over
        if letters in ("u", "ü") and next_letters[0] in "iïy":
            status[index] = _GLIDE  # ui is always [ɥi], even in bruit, pluie
        elif not _after_obstruent_liquid(units, index):
            status[index] = _GLIDE  # pied, nuage, jouer; but crier, cruel, trouer


def _before_glide(units: list[tuple[str, str]], status: list[int], index: int) -> bool:
    """Tell whether the i at ``index`` is followed by a pronounced vowel (so is [j])."""
    following = index + 1
    return (
        following < len(units) and units[following][0] == _VOWEL and status[following] == _NUCLEUS
    )


def _stem_i_in_hiatus(units: list[tuple[str, str]], index: int) -> bool:
    """Tell whether this i follows an i kept in hiatus after obstruent + liquid (criions)."""
    return (
        index > 0
        and units[index - 1] == (_VOWEL, "i")
        and _after_obstruent_liquid(units, index - 1)
    )


def _after_obstruent_liquid(units: list[tuple[str, str]], index: int) -> bool:
    if index < 2:
        return False
    (kind1, first), (kind2, second) = units[index - 2], units[index - 1]
    return (
        kind1 == kind2 == _CONSONANT
        and second in _LIQUIDS
        and (first in _OBSTRUENTS or (first[:1] * 2 == first and first[0] in _OBSTRUENTS))
    )


def _drop_inner_schwas(units: list[tuple[str, str]], status: list[int]) -> None:
    """Apply Grammont's law of three consonants to inner unaccented e, left to right.

    An e is dropped when exactly one consonant sound separates it from the previous
    pronounced vowel and one consonant then a vowel follow it (samedi [sam.di]); it is
    kept after two consonants (vendredi), in the first syllable (petit), and before a
    consonant + glide (atelier [a.tə.lje]).
    """
    consonants = 0
    seen_nucleus = False
    for index, (kind, letters) in enumerate(units):
        if kind == _CONSONANT:
            consonants += _consonant_sounds(units, index)
            continue
        if kind != _VOWEL or status[index] != _NUCLEUS:
            continue
        if (
            letters == "e"
            and seen_nucleus
            and consonants == 1
            and _open_schwa(units, status, index)
        ):
            status[index] = _DROPPED
            continue
        seen_nucleus = True
        consonants = 0


def _open_schwa(units: list[tuple[str, str]], status: list[int], index: int) -> bool:
    return (
        index + 2 < len(units)
        and units[index + 1][0] == _CONSONANT
        and _is_single_consonant(units[index + 1][1])
        and units[index + 2][0] == _VOWEL
        and status[index + 2] == _NUCLEUS
    )


def _is_single_consonant(letters: str) -> bool:
    # A doubled letter after e makes it [ɛ] (belle, cette), and x is two sounds (exemple).
    return letters != "x" and (len(letters) == 1 or letters[0] != letters[1])


def _consonant_sounds(units: list[tuple[str, str]], index: int) -> int:
    letters = units[index][1]
    if letters == "x":
        return 2
    if letters == "cc":
        following = units[index + 1][1] if index + 1 < len(units) else ""
        return 2 if following[:1] in ("e", "i", "y", "é", "è", "ê") else 1  # accès [ak.sɛ]
    if (
        letters == "p"
        and 0 < index < len(units) - 1
        and units[index - 1][1] + units[index + 1][1] == "mt"
    ):
        return 0  # compter, dompter: silent p, so comptera is [kɔ̃t.ʁa]
    if letters in ("n", "m") and index and units[index - 1][0] == _VOWEL:
        following_kind = units[index + 1][0] if index + 1 < len(units) else None
        if following_kind in (_CONSONANT, None):
            return 0  # the n of a nasal vowel is not a consonant: lentement [lɑ̃t.mɑ̃]
    return 1
