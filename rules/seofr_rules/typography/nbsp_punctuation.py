"""``nbsp-punctuation``: a no-break space before « : ; ! ? » and inside guillemets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from seofr.plugin import Document, Text, TextElement, option
from seofr_rules.helpers.typography import (
    BREAKABLE,
    NARROW_NBSP,
    NBSP,
    NO_BREAK,
    NOT_FRENCH,
    Change,
    Scan,
    TypographyRule,
    guillemet_pairs,
    quoting,
    space_name,
)

# A colon or a semicolon alone, or a run of ! and ? (« ?! », « !!! ») that gets
# one space before it.
_MARKS = re.compile(r"(?<![:;])[:;](?![:;])|[!?]+")
# What may follow a mark that ends a clause: a space, the end, a closing quote or
# bracket. A colon may open a quotation; « ;) » and « :) » are smileys.
_AFTER = {
    ":": re.compile(r"$|[\s\u00a0\u202f»”\"«“]"),
    ";": re.compile(r"$|[\s\u00a0\u202f»”\"]"),
    "!": re.compile(r"$|[\s\u00a0\u202f»”\")\]…,.]"),
}
# What a mark may follow: a word, a closing quote or bracket, a figure, a symbol.
_BEFORE = re.compile(r"[\w)\]»”\"’'…%°€$*]")


@dataclass(frozen=True)
class NbspPunctuationOptions:
    """Options of ``nbsp-punctuation``."""

    narrow: bool = option(
        True,
        fr="Une espace fine insécable (U+202F) avant «\u00a0;\u00a0», «\u00a0!\u00a0» et"
        " «\u00a0?\u00a0»\u202f; sinon une espace insécable (U+00A0).",
        en="A narrow no-break space (U+202F) before “;”, “!” and “?”; otherwise a no-break"
        " space (U+00A0).",
    )
    narrow_guillemets: bool = option(
        False,
        fr="Une espace fine insécable à l’intérieur des guillemets\u202f; sinon une espace"
        " insécable, celle du Lexique de l’Imprimerie nationale.",
        en="A narrow no-break space inside guillemets; otherwise a no-break space, the one"
        " of the Imprimerie nationale’s Lexique.",
    )


class NbspPunctuation(TypographyRule):
    """A no-break space before « : ; ! ? » and inside « guillemets ».

    French sets the high punctuation marks apart from the word before them, and
    the space must not break: a line that starts with « ? » is a typesetting
    fault. The Lexique of the Imprimerie nationale asks for a narrow no-break
    space (U+202F) before « ; ! ? », and a word-wide no-break space (U+00A0)
    before « : » and inside guillemets; any no-break space already there is
    accepted. A breakable space is made no-break, a missing one inserted; a run
    « ?! » gets one space. Left alone: times and ratios (« 10:30 », « 16:9 »),
    URLs, code, smileys, a mark at the start of a text, « (?) » and « (!) »,
    guillemets that pair with nothing (« Accueil » Blog »), and English
    sentences.

    ```md pass
    Le programme\u00a0: une visite du port\u202f; un déjeuner. Venez-vous\u202f?

    Il a dit «\u00a0oui\u00a0» à 10:30, voir https://exemple.fr/?q=1.
    ```

    ```md fail
    Le programme: une visite du port ; un déjeuner. Venez-vous?
    ```

    ```md fail
    Il a dit «oui» sans hésiter.
    ```
    """

    name = "nbsp-punctuation"
    code = "T001"
    summary = Text(
        fr="Une espace insécable avant «\u00a0:\u00a0», «\u00a0;\u00a0», «\u00a0!\u00a0»,"
        " «\u00a0?\u00a0» et à l’intérieur des guillemets.",
        en="A no-break space before “:”, “;”, “!”, “?” and inside guillemets.",
    )
    description_fr = """Une espace insécable avant «\u00a0:\u00a0», «\u00a0;\u00a0», «\u00a0!\u00a0», «\u00a0?\u00a0» et à l’intérieur des guillemets.

    En français, une espace sépare les signes de ponctuation doubles du mot
    qui les précède, et cette espace ne doit pas se couper\u00a0: une ligne qui
    commence par un «\u00a0?\u00a0» est une faute de composition. Le Lexique de
    l’Imprimerie nationale demande une espace fine insécable (U+202F)
    avant «\u00a0;\u00a0», «\u00a0!\u00a0» et «\u00a0?\u00a0», et une espace insécable (U+00A0) avant
    «\u00a0:\u00a0» et à l’intérieur des guillemets\u202f; toute espace insécable déjà en
    place est acceptée. Une espace sécable devient insécable, une espace
    manquante est ajoutée\u202f; une suite comme «\u00a0?!\u00a0» ne reçoit qu’une espace.
    Ne sont pas touchés\u00a0: les heures et les proportions («\u00a010:30\u00a0»,
    «\u00a016:9\u00a0»), les URL, le code, les émoticônes, un signe placé au tout
    début d’un texte, «\u00a0(?)\u00a0» et «\u00a0(!)\u00a0», les guillemets sans partenaire
    (comme dans le fil d’Ariane ``Accueil » Blog``) et les phrases en
    anglais.
    """
    Options = NbspPunctuationOptions
    templates = {
        "missing": quoting(
            fr="Il manque une espace insécable avant «\u00a0{mark}\u00a0»",
            en="No no-break space before “{mark}”",
            fix=Text(fr="Insérez {space} avant le signe.", en="Insert {space} before the mark."),
        ),
        "breakable": quoting(
            fr="L’espace avant «\u00a0{mark}\u00a0» peut être coupée en fin de ligne",
            en="The space before “{mark}” may break at a line end",
            fix=Text(fr="Remplacez-la par {space}.", en="Replace it with {space}."),
        ),
        "guillemets": quoting(
            fr="Il manque une espace insécable à l’intérieur des guillemets",
            en="No no-break space inside the guillemets",
            fix=Text(
                fr="Mettez {space} après le guillemet ouvrant et avant le guillemet fermant.",
                en="Put {space} after the opening guillemet and before the closing one.",
            ),
        ),
        "not-french": NOT_FRENCH,
    }

    def changes(
        self, element: TextElement, found: Scan, doc: Document, options: NbspPunctuationOptions
    ) -> Iterator[Change]:
        text = element.text
        narrow = NARROW_NBSP if options.narrow else NBSP
        for match in _MARKS.finditer(text):
            mark = match.group()
            after = _AFTER["!" if mark[0] in "!?" else mark[0]]
            if not after.match(text, match.end()):
                continue
            low, run = _space_before(text, match.start())
            if low == 0 or not _BEFORE.match(text, low - 1):
                continue
            if not found.free(low, match.end()) or found.after_url(low):
                continue
            space = NBSP if mark == ":" else narrow
            fix = _no_break_fix(text, low, match.start(), space)
            if fix is None:
                continue
            key = "breakable" if run else "missing"
            yield Change(
                key, low, match.end(), (fix,), params={"mark": mark, "space": space_name(fix[2])}
            )
        yield from self._guillemets(text, found, NARROW_NBSP if options.narrow_guillemets else NBSP)

    @staticmethod
    def _guillemets(text: str, found: Scan, space: str) -> Iterator[Change]:
        for opening, closing in guillemet_pairs(text):
            if not (found.free(opening, opening + 1) and found.free(closing, closing + 1)):
                continue
            inner_start, _ = _space_after(text, opening + 1)
            inner_end, _ = _space_before(text, closing)
            if inner_end <= inner_start:
                continue  # « » with nothing inside
            fixes = [
                fix
                for fix in (
                    _no_break_fix(text, opening + 1, inner_start, space),
                    _no_break_fix(text, inner_end, closing, space),
                )
                if fix is not None
            ]
            if fixes:
                yield Change(
                    "guillemets",
                    opening,
                    closing + 1,
                    tuple(fixes),
                    params={"space": space_name(space)},
                )


def _space_before(text: str, index: int) -> tuple[int, str]:
    """Where the run of spaces that ends at ``index`` starts, and its characters."""
    start = index
    while start > 0 and (text[start - 1] in BREAKABLE or text[start - 1] in NO_BREAK):
        start -= 1
    return start, text[start:index]


def _space_after(text: str, index: int) -> tuple[int, str]:
    """Where the run of spaces that starts at ``index`` ends, and its characters."""
    end = index
    while end < len(text) and (text[end] in BREAKABLE or text[end] in NO_BREAK):
        end += 1
    return end, text[index:end]


def _no_break_fix(text: str, low: int, high: int, space: str) -> tuple[int, int, str] | None:
    """The replacement that makes ``text[low:high]``, the spaces between a word and a
    mark, one no-break ``space``; ``None`` when a no-break space is already there.

    An empty range gets the space inserted.
    """
    run = text[low:high]
    if len(run) == 1 and run in NO_BREAK:
        return None
    # a no-break space beside breakable ones: the no-break one stays
    return low, high, next((c for c in run if c in NO_BREAK), space)
