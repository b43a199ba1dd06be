"""What the typography rules share: where French typography applies, and their base class.

A typography rule reads the prose element by element and proposes changes of
a few characters (a space made no-break, « "mot" » made « « mot » »). French
typography must not reach what is not French prose written by the writer, so
every element is scanned once (the scan is cached by text: the eight rules
read the same elements) for the ranges left alone:

- URLs, e-mail addresses, file paths, domain and file names, versions
  (« 3.11.2 »), times and ratios (« 10:30 », « 16:9 »), command-line options
  and code-like tokens (``snake_case``, ``camelCase``, ``f(x)``, ``a=b``);
- inline code (the element's ``literal`` ranges), which no edit may touch anyway;
- sentences in another language: English passages of a French page keep
  English typography (``Please follow us!`` gains no space before « ! »).

A page that is mostly in another language is skipped altogether.
"""

from __future__ import annotations

import bisect
import re
import threading
import weakref
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from seofr.french.lang import count_letter_words, detect_language, marker_counts, plainly_french
from seofr.plugin import (
    Context,
    Document,
    EditableSource,
    Emitted,
    Need,
    Param,
    Rule,
    Severity,
    Template,
    Text,
    TextElement,
)
from seofr_rules.helpers.languages import mostly_foreign
from seofr_rules.helpers.sentences import sentence_bounds

NBSP: Final = "\u00a0"
NARROW_NBSP: Final = "\u202f"
# Spaces at which a line never breaks: any of them is accepted where French
# typography asks for a no-break space (the narrow and the word-wide one are
# both in use; a figure space is what some tools put in numbers).
NO_BREAK: Final = frozenset("\u00a0\u202f\u2007")
# Spaces at which a line may break, as they appear in an element's text.
BREAKABLE: Final = frozenset(" \u2009\u2002\u2003\u2004\u2005\u2006\u2008\u200a")

_SPACE_NAMES = {
    NBSP: Text(fr="une espace insécable", en="a no-break space"),
    NARROW_NBSP: Text(fr="une espace fine insécable", en="a narrow no-break space"),
}


def space_name(space: str) -> Text:
    """« une espace insécable » / "a no-break space": how a message names ``space``."""
    return _SPACE_NAMES.get(space, _SPACE_NAMES[NBSP])


NOT_FRENCH = Template(
    Text(
        fr="La page n’est pas écrite en français\u00a0: la typographie française ne s’y applique pas.",
        en="The page is not written in French: French typography does not apply to it.",
    ),
    Text(fr="Aucune action nécessaire.", en="Nothing to do."),
)
"""Why a typography rule skips a page mostly in another language."""

# Below this many words the guess of a page's language is a guess on a
# heading (« Venez-vous ? »): each sentence is then judged alone.
_PAGE_WORDS = 8

# What is not prose, found in one pass. A slash alone does not make code
# (« km/h », « et/ou », « 24h/24 »): nothing these rules change stands inside
# a path anyway. A token ends before the punctuation that follows it in a
# sentence (« voir exemple.fr : » keeps its colon free). A token or an address
# starts where a word does, and runs are bounded: tried at every character, the
# search read 64 characters ahead of each (0.1 s for 160,000 characters).
_TOKEN_END = r"(?=[.,;:!?…»”\"')\]]*(?:\s|$))"
_PROTECTED = re.compile(
    rf"""
    (?P<url>(?:\b[a-z][a-z0-9+.-]{{1,15}}://|\bwww\.|\b(?:mailto|javascript|tel|data):)
      [^\s<>"«»“”]{{0,2000}}?{_TOKEN_END}                                # URLs
    | (?<![\w.+-])[\w.+-]{{1,64}}@[\w-]{{1,63}}(?:\.[\w-]{{1,63}})+)    # e-mail addresses
    | <[/!?]?[A-Za-z][^<>]{{0,500}}>                                   # tags quoted in the text
    | (?<![\w:.-])[\w:.-]{{1,64}}=(?:"[^"]{{0,500}}"|'[^']{{0,500}}')    # attributes: a="b c"
    | "[^"\s]{{1,64}}"\s?:\s?(?:"[^"]{{0,500}}"|[{{\[])                # JSON: "a": "b"
    | \{{[^{{}}]{{0,500}}\}}                                        # braces: objects, placeholders
    | (?<![\w:.])\d{{1,4}}(?::\d{{1,4}})+(?![\w:])                       # times, ratios: 10:30, 16:9
    | (?<!\S)--?[^\W\d_][\w-]{{0,64}}                                    # options: -v, --help
    | (?<![^\s«»“”"(\[])[^\s«»“”"]{{0,64}}?
      (?:[\\_=<>{{}}|#@~^`*]|::|->|\$\w|\w\(|\w\.\w|(?-i:[a-zà-ÿ][A-Z]))
      [^\s«»“”"]{{0,64}}?{_TOKEN_END}                                    # code, names.ext
    """,
    re.VERBOSE | re.IGNORECASE,
)
# A superset of what _PROTECTED matches, each branch starting with a rare
# character: most prose elements hold none, and searching for it costs an
# eighth of _PROTECTED's search, which tries every branch at every character
# (to be widened with it: a test checks it finds all _PROTECTED does).
_MAYBE_PROTECTED = re.compile(
    r"""[@<>={}\\_|#~^`*]|://|::|"\s?:|:(?<=[a-z]:)|:(?<=\d:)\d|www\.|-(?<!\S-)|\$\w"""
    r"|\((?<=\w\()|\.(?<=\w\.)\w|(?-i:[A-Z](?<=[a-zà-ÿ][A-Z]))",
    re.IGNORECASE,
)
# Fewest letter words for the language guesser to judge a sentence.
_GUESS_WORDS = 3
_GUESS_PROBABILITY = 0.9
# English is what a French page holds besides French: a lower bar for it
# (the guesser leans to French on a few words: « means "any character" » is
# English at 0.84).
_GUESS_ENGLISH = 0.75


@dataclass(frozen=True, slots=True)
class Scan:
    """An element's text and the ranges of it French typography leaves alone."""

    text: str
    protected: tuple[tuple[int, int], ...]
    url_ends: frozenset[int] = frozenset()

    def after_url(self, index: int) -> bool:
        """Whether ``index`` directly follows a URL or an e-mail address.

        A renderer that links bare URLs (GitHub's Markdown) ends one at an
        ASCII space only: a no-break space or a guillemet put there would be
        taken into the link.
        """
        return index in self.url_ends

    def free(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` (at least one character) touches no protected range."""
        end = max(end, start + 1)
        found = bisect.bisect_left(self.protected, (end, end))
        return not any(
            low < end and start < high for low, high in self.protected[max(found - 1, 0) : found]
        )

    def covered(self, start: int, end: int) -> bool:
        """Whether every character of ``text[start:end]`` (one at least) is protected."""
        found = bisect.bisect_right(self.protected, (start, len(self.text) + 1)) - 1
        return found >= 0 and self.protected[found][1] >= max(end, start + 1)

    @property
    def all_protected(self) -> bool:
        """Whether nothing of the text is left to check."""
        return bool(self.protected) and self.protected[0] == (0, len(self.text))


# The scans of the last documents read, by the document's identity: the
# typography rules read the same elements one after the other, and judging
# the language of every sentence once per document is enough.
_SCANS: dict[int, tuple[weakref.ref[Document], tuple[Scan, ...]]] = {}
_SCANS_KEPT = 4
_SCANS_LOCK = threading.Lock()


def scans(doc: Document, elements: Sequence[TextElement]) -> tuple[Scan, ...]:
    """The scan of each of ``elements`` (the prose of ``doc``), computed once per document."""
    with _SCANS_LOCK:
        kept = _SCANS.get(id(doc))
        if kept is not None and kept[0]() is doc and len(kept[1]) == len(elements):
            return kept[1]
    found = _scan_all(doc.source, elements)
    with _SCANS_LOCK:
        while len(_SCANS) >= _SCANS_KEPT:
            del _SCANS[next(iter(_SCANS))]
        _SCANS[id(doc)] = (weakref.ref(doc), found)
    return found


def _scan_all(source: str, elements: Sequence[TextElement]) -> tuple[Scan, ...]:
    found: list[Scan] = []
    previous: bool | None = None
    for element in elements:
        text = element.text
        matches = list(_PROTECTED.finditer(text)) if _MAYBE_PROTECTED.search(text) else []
        ranges = [*element.literal, *(m.span() for m in matches)]
        if marker_counts(text)[1] == 0 and plainly_french(text):
            # most blocks: French, without an English function word to start a
            # foreign sentence (judging each sentence cost a third of the rules' time)
            previous = False
        else:
            bounds = sentence_bounds(text, element.lines(source))
            foreign = _resolved([_foreign(text[start:end]) for start, end in bounds], previous)
            if foreign:
                previous = foreign[-1]
            ranges += [bound for bound, judged in zip(bounds, foreign, strict=True) if judged]
        url_ends = frozenset(m.end() for m in matches if m.group("url"))
        found.append(Scan(text, _merged(ranges), url_ends))
    return tuple(found)


def _resolved(judged: list[bool | None], previous: bool | None) -> list[bool]:
    """Each sentence's verdict, a sentence too short to judge taking its neighbour's:
    the one before it, else the one after it, else the end of the block before."""
    resolved: list[bool] = []
    for index, verdict in enumerate(judged):
        if verdict is not None:
            resolved.append(verdict)
            continue
        later = next((v for v in judged[index + 1 :] if v is not None), None)
        resolved.append(
            bool(resolved[-1] if resolved else later if later is not None else previous)
        )
    return resolved


def _merged(ranges: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for low, high in sorted(r for r in ranges if r[1] > r[0]):
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return tuple(merged)


def _foreign(sentence: str) -> bool | None:
    """Whether a sentence is in another language than French; ``None`` when it is
    too short to tell (no function word, under three words: « Enjoy! », « Sources: »).

    Foreign: more English function words than French ones (« What's new? »,
    "Please follow and like us"); or, for a sentence of three words or more
    that function words do not show to be plainly French, another language
    beyond doubt for the guesser (« a » is French and English: « which
    contains only one item: a polygon »).
    """
    if plainly_french(sentence):
        return False
    masked = sentence
    if _MAYBE_PROTECTED.search(sentence):
        masked = _PROTECTED.sub(lambda m: " " * len(m.group()), sentence)
    french, english = marker_counts(masked)
    if english > french:
        return True
    words = count_letter_words(masked)
    if not (french or english) and words < _GUESS_WORDS:
        return None
    if words < _GUESS_WORDS:
        return False
    guess = detect_language(masked, shortcut=False)
    if guess.language == "en":
        return guess.probability >= _GUESS_ENGLISH
    return guess.language not in (None, "fr") and guess.probability >= _GUESS_PROBABILITY


@dataclass(frozen=True, slots=True)
class Change:
    """A fault found in an element's text and its fix, both as ranges of the text.

    ``start``/``end`` is what the finding points at; ``replacements`` are
    ``(start, end, new)`` ranges of the text (an insertion has ``start == end``).
    The fix is proposed whole or not at all (a quotation whose opening quote
    can be edited but not its closing one gets no edit) unless ``whole`` is
    false: the apostrophes of a paragraph are fixed one by one.
    """

    key: str
    start: int
    end: int
    replacements: tuple[tuple[int, int, str], ...] = ()
    safe: bool = True
    params: Mapping[str, Param] = field(default_factory=dict)
    whole: bool = True


class TypographyRule(Rule[Any]):
    """A French typography rule: a check of each prose element's text, with its fixes.

    A subclass gives :meth:`changes`; the base class skips a page that is not
    French, turns the changes into findings at the ``fail`` level (a rule's
    severity is ``info``: the score counts it, the verdict never fails on
    it) with an excerpt of the text around, and their replacements into edits
    of the source where the text is a verbatim copy of it.
    """

    category = "typography"
    severity = Severity.INFO
    needs = frozenset({Need.LANGUAGE, Need.WORDS})

    def check(self, doc: Document, ctx: Context, options: Any) -> Iterator[Emitted]:
        # French typography is not asked of a page in another language
        if ctx.word_count >= _PAGE_WORDS and mostly_foreign(ctx.language):
            yield self.skip("not-french")
            return
        editable = EditableSource(doc)
        for element, found in zip(ctx.prose, scans(doc, ctx.prose), strict=True):
            if found.all_protected:
                continue
            for change in self.changes(element, found, doc, options):
                edits = [
                    editable.replace(element, start, end, new, safe=change.safe)
                    for start, end, new in change.replacements
                ]
                span = doc.source_map.span(
                    element.source_offset(change.start), element.source_offset(change.end)
                )
                violation = self.fail(
                    change.key,
                    span,
                    excerpt=excerpt_around(
                        element.text, change.start, min(change.end, change.start + _CONTEXT)
                    ),
                    **change.params,
                )
                yield violation.with_edits(edits if None not in edits or not change.whole else [])

    def changes(
        self, element: TextElement, found: Scan, doc: Document, options: Any
    ) -> Iterator[Change]:
        """The faults of one element and their fixes."""
        raise NotImplementedError


# How much text a message quotes on each side of a fault.
_CONTEXT = 24


def excerpt_around(text: str, start: int, end: int) -> str:
    """The words around ``text[start:end]``, cut at spaces, with « … » where text is left out."""
    low = max(0, start - _CONTEXT)
    high = min(len(text), max(end, start + 1) + _CONTEXT)
    if low > 0:
        space = text.find(" ", low, start)
        low = space + 1 if space >= 0 else low
    if high < len(text):
        space = text.rfind(" ", max(end, start + 1), high)
        high = space if space >= 0 else high
    return ("…" if low > 0 else "") + text[low:high].strip() + ("…" if high < len(text) else "")


def guillemet_pairs(text: str) -> list[tuple[int, int]]:
    """(opening, closing) indexes of the « » pairs of ``text``, nested pairs included.

    A « » that pairs with nothing (a breadcrumb's « Accueil » Blog ») is left out.
    """
    pairs: list[tuple[int, int]] = []
    if "«" not in text:
        return pairs
    opened: list[int] = []
    for index, char in enumerate(text):
        if char == "«":
            opened.append(index)
        elif char == "»" and opened:
            pairs.append((opened.pop(), index))
    return sorted(pairs)


# Units and currency symbols written after a number. Those that may be glued to
# the number without doubt (« 10km », « 5Go ») come first; a single letter
# glued to a figure is too often something else (« 4K », « 10A », « 2s »), so
# ``h``, ``s``, ``l``, ``L`` and ``t`` are units only after a space.
GLUED_UNITS: Final = (
    "%",
    "‰",
    "€",
    "$",
    "£",
    "¥",
    "°C",
    "°F",
    "km/h",
    "km²",
    "m²",
    "m³",
    "cm²",
    "cm³",
    "m/s",
    "km",
    "cm",
    "mm",
    "µm",
    "nm",
    "kg",
    "mg",
    "µg",
    "ml",
    "mL",
    "cl",
    "dl",
    "ha",
    "min",
    "ms",
    "Hz",
    "kHz",
    "MHz",
    "GHz",
    "kWh",
    "kW",
    "MW",
    "Wh",
    "kV",
    "mAh",
    "mA",
    "dB",
    "Go",
    "Mo",
    "Ko",
    "To",
    "GB",
    "MB",
    "KB",
    "TB",
    "Gb",
    "Mb",
    "m",
    "g",
    "V",
    "W",
)
SPACED_UNITS: Final = (*GLUED_UNITS, "h", "s", "l", "L", "t")


def _unit_pattern(units: Sequence[str]) -> str:
    # longest first, so that « km/h » is not read as « km »
    return "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))


# A unit ends a word: « 10 m » but not « 10 mois », « 2026 s’élève » or « 5W-30 ».
UNIT_END: Final = r"(?![\w/²³'’\-])"
GLUED_UNIT: Final = _unit_pattern(GLUED_UNITS)
SPACED_UNIT: Final = _unit_pattern(SPACED_UNITS)


def quoting(*, fr: str, en: str, fix: Text) -> Template:
    """A template whose message ends with the excerpt of the text it is about:
    ``fr`` + « : « {excerpt} » », ``en`` + ": “{excerpt}”"."""
    return Template(
        Text(fr=f"{fr}\u00a0: «\u00a0{{excerpt}}\u00a0»", en=f"{en}: “{{excerpt}}”"), fix
    )
