"""``spacing``: no double space, no space before a comma or a period, none inside brackets."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from seofr.plugin import Document, Format, NoOptions, Text, TextElement
from seofr_rules.helpers.typography import NOT_FRENCH, Change, Scan, TypographyRule, quoting

# A space before a comma or a period that ends a word (not « .NET », « ,5 »,
# the first point of « ... », nor a mark quoted on its own: « Utilisez « , » »).
# The patterns start with the space and look behind it: the search then stops
# only at spaces instead of testing a lookbehind at every character.
_BEFORE_POINT = re.compile(
    r"[ \u00a0\u202f](?<=[^\s\u00a0\u202f«“(\[\"'][ \u00a0\u202f])"
    r"(?=[,.](?:[\s\u00a0\u202f»”\"')\]]|$))"
)
# A space just inside a bracket, before or after a word.
_INSIDE_BRACKETS = re.compile(
    r"[ \u00a0\u202f](?:(?<=[(\[][ \u00a0\u202f])(?=\w)|(?<=\w[ \u00a0\u202f])(?=[)\]]))"
)
# A breakable space beside a no-break one: two spaces a reader sees.
_BESIDE_NO_BREAK = re.compile(r" (?=[\u00a0\u202f])|(?<=[\u00a0\u202f]) ")
_SPACE = re.compile(" ")


class Spacing(TypographyRule):
    """No double space, no space before a comma or a period, none inside brackets.

    A comma and a period stand against the word before them; brackets hug
    what they enclose; one space separates words. Two spaces in a row are
    reported where a reader sees them: in Markdown and plain text (whose
    source is often read as it is), and wherever a breakable space stands
    beside a no-break one; a browser shows one space for several in HTML,
    so there they are left alone. The extra space is removed. Left alone:
    code, URLs, English sentences, « .NET » or « ,5 » (a word or a figure
    after the mark), a space left by an image or an icon dropped from the
    text (« cliquez sur <img> . »), and line breaks.

    ```md pass
    Le marché, place du Pommier (près de la mairie), ouvre tôt. Entrée libre.
    ```

    ```md fail
    Le marché , place du Pommier ( près de la mairie ) ouvre tôt .
    ```

    ```md fail
    Le marché ouvre tôt.  Entrée libre.
    ```
    """

    name = "spacing"
    code = "T008"
    summary = Text(
        fr="Pas de double espace, pas d’espace avant une virgule ou un point ni à l’intérieur"
        " des parenthèses.",
        en="No double space, no space before a comma or a period, none inside brackets.",
    )
    description_fr = """Pas de double espace, pas d’espace avant une virgule ou un point, aucune à l’intérieur des parenthèses.

    La virgule et le point se collent au mot qui les précède\u202f; les
    parenthèses se collent à ce qu’elles entourent\u202f; une seule espace
    sépare les mots. Deux espaces de suite sont signalées là où le lecteur
    les voit\u00a0: en Markdown et en texte brut, dont la source est souvent
    lue telle quelle, et partout où une espace sécable côtoie une espace
    insécable. En HTML, le navigateur n’affiche qu’une espace pour
    plusieurs\u00a0: elles n’y sont donc pas touchées. L’espace en trop est
    supprimée. Ne sont pas touchés\u00a0: le code, les URL, les phrases en
    anglais, «\u00a0.NET\u00a0» ou «\u00a0,5\u00a0» (un mot ou un chiffre après le signe),
    l’espace laissée par une image ou une icône retirée du texte, et les
    retours à la ligne.
    """
    Options = NoOptions
    templates = {
        "double-space": quoting(
            fr="Deux espaces de suite",
            en="Two spaces in a row",
            fix=Text(fr="Gardez-en une seule.", en="Keep only one."),
        ),
        "before-point": quoting(
            fr="Espace avant «\u00a0{mark}\u00a0»",
            en="Space before “{mark}”",
            fix=Text(
                fr="Collez le signe au mot qui le précède.", en="Put the mark against the word."
            ),
        ),
        "inside-brackets": quoting(
            fr="Espace à l’intérieur des parenthèses",
            en="Space inside brackets",
            fix=Text(
                fr="Collez la parenthèse au mot qu’elle touche.",
                en="Put the bracket against the word it encloses.",
            ),
        ),
        "not-french": NOT_FRENCH,
    }

    def changes(
        self, element: TextElement, found: Scan, doc: Document, options: NoOptions
    ) -> Iterator[Change]:
        text = element.text
        for match in _BEFORE_POINT.finditer(text):
            at = match.start()
            if found.free(at - 1, at + 2) and _contiguous(element, at - 1, at + 2):
                yield Change(
                    "before-point", at, at + 2, ((at, at + 1, ""),), params={"mark": text[at + 1]}
                )
        for match in _INSIDE_BRACKETS.finditer(text):
            at = match.start()
            if found.free(at - 1, at + 2) and _contiguous(element, at - 1, at + 2):
                yield Change("inside-brackets", at - 1, at + 2, ((at, at + 1, ""),))
        if "\u00a0" in text or "\u202f" in text:
            for match in _BESIDE_NO_BREAK.finditer(text):
                at = match.start()
                if found.free(at, at + 1):
                    yield Change("double-space", at, at + 1, ((at, at + 1, ""),))
        if doc.format is not Format.HTML:
            yield from _double_spaces(element, found, doc.source)


def _contiguous(element: TextElement, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` comes from consecutive characters of the source
    (no image, icon or tag dropped between them)."""
    offsets = [element.source_offset(i) for i in range(start, end)]
    return all(b - a == 1 for a, b in itertools.pairwise(offsets))


def _double_spaces(element: TextElement, found: Scan, source: str) -> Iterator[Change]:
    """Runs of spaces that the text shows as one: the copied space goes, one stays."""
    pieces = element.pieces
    # every offset the text maps to lies within its pieces' sources: without
    # two spaces there (most elements), no character need be mapped
    if not pieces:
        return
    low = min(piece.source_start for piece in pieces)
    high = max(piece.source_start + piece.source_length for piece in pieces)
    if source.find("  ", low, high) < 0:
        return
    text = element.text
    for match in _SPACE.finditer(text, 1, len(text) - 1):
        at = match.start()
        if not found.free(at, at + 1):
            continue
        low, high = element.source_offset(at), element.source_offset(at + 1)
        if high - low > 1 and source[low:high] == " " * (high - low):
            yield Change("double-space", at, at + 1, ((at, at + 1, ""),))
