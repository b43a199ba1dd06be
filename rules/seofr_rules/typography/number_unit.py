"""``number-unit``: a no-break space between a number and its unit, « 10 % », « 5 km »."""

from __future__ import annotations

import re
from collections.abc import Iterator

from seofr.plugin import Document, NoOptions, Text, TextElement
from seofr_rules.helpers.typography import (
    GLUED_UNIT,
    NBSP,
    NOT_FRENCH,
    SPACED_UNIT,
    UNIT_END,
    Change,
    Scan,
    TypographyRule,
    quoting,
)

# A number not inside a word, a code (« width:100% », « x=10cm ») or a range
# (« 10-20% »), a sign before it allowed (« -20% »).
_FIGURE = re.compile(r"\d")
_NUMBER = r"(?<![\w.,:=/–$€£])(?<!\w[-+])(?P<number>\d+(?:,\d+)?)"
_GLUED = re.compile(rf"{_NUMBER}(?P<unit>{GLUED_UNIT}){UNIT_END}")
_SPACED = re.compile(rf"{_NUMBER}(?P<space>[ \u2009])(?P<unit>{SPACED_UNIT}){UNIT_END}")


class NumberUnit(TypographyRule):
    """A no-break space between a number and its unit: « 10 % », « 5 km », « 20 €».

    French separates a unit symbol, a currency or « % » from the number with a
    space that must not break (« 10 » at a line end and « % » on the next line
    read as two things). A glued unit (« 10% », « 5km », « 20€ ») gets a
    no-break space, a breakable one is made no-break. Units: « % », « ‰ »,
    currencies (€, $, £, ¥), °C and °F, lengths, areas and volumes, masses,
    speeds, durations, frequencies, power and energy, data sizes (Go, Mo,
    GB…). A single letter glued to a figure is too often something else
    (« 4K », « 10A », « 2s »), so « h », « s », « l » and « t » are units only
    after a space, and « 10h30 » (a time) is left alone. Numbers inside
    words, codes (« width:100% »), ranges and English sentences are left alone.

    ```md pass
    Une hausse de 10\u00a0% sur 5\u00a0km, soit 20\u00a0€ à 10h30, en 4K, avec `width:100%`.
    ```

    ```md fail
    Une hausse de 10% sur 5km, pour 20 €.
    ```
    """

    name = "number-unit"
    code = "T007"
    summary = Text(
        fr="Une espace insécable entre un nombre et son unité\u00a0: «\u00a010\u00a0%\u00a0»,"
        " «\u00a05\u00a0km\u00a0».",
        en="A no-break space between a number and its unit: “10 %”, “5 km”.",
    )
    description_fr = """Une espace insécable entre un nombre et son unité\u00a0: «\u00a010\u00a0%\u00a0», «\u00a05\u00a0km\u00a0», «\u00a020\u00a0€\u00a0».

    Le français sépare du nombre le symbole d’une unité ou d’une monnaie,
    ou le signe «\u00a0%\u00a0», par une espace qui ne doit pas se couper\u00a0: «\u00a010\u00a0» en
    fin de ligne et «\u00a0%\u00a0» au début de la suivante se lisent comme deux
    choses distinctes. Une unité collée au nombre (``10%``, ``5km``,
    ``20€``) reçoit une espace insécable\u202f; une espace sécable devient
    insécable. Unités reconnues\u00a0: «\u00a0%\u00a0», «\u00a0‰\u00a0», les monnaies (€, $, £, ¥),
    °C et °F, les longueurs, les surfaces et les volumes, les masses, les
    vitesses, les durées, les fréquences, la puissance et l’énergie, les
    tailles de données (Go, Mo, GB…). Une lettre seule collée à un nombre
    désigne trop souvent autre chose («\u00a04K\u00a0», «\u00a010A\u00a0», «\u00a02s\u00a0»)\u00a0: «\u00a0h\u00a0»,
    «\u00a0s\u00a0», «\u00a0l\u00a0» et «\u00a0t\u00a0» ne sont donc des unités qu’après une espace, et
    «\u00a010h30\u00a0» (une heure) n’est pas touché. Ne sont pas touchés non plus\u00a0:
    les nombres à l’intérieur d’un mot, le code (``width:100%``), les
    intervalles et les phrases en anglais.
    """
    Options = NoOptions
    templates = {
        "glued": quoting(
            fr="Unité collée au nombre",
            en="Unit glued to the number",
            fix=Text(
                fr="Insérez une espace insécable avant «\u00a0{unit}\u00a0».",
                en="Insert a no-break space before “{unit}”.",
            ),
        ),
        "breakable": quoting(
            fr="L’espace entre le nombre et l’unité peut être coupée en fin de ligne",
            en="The space between the number and the unit may break at a line end",
            fix=Text(
                fr="Remplacez-la par une espace insécable.",
                en="Replace it with a no-break space.",
            ),
        ),
        "not-french": NOT_FRENCH,
    }

    def changes(
        self, element: TextElement, found: Scan, doc: Document, options: NoOptions
    ) -> Iterator[Change]:
        text = element.text
        if not _FIGURE.search(text):
            return
        for match in _GLUED.finditer(text):
            if found.free(match.start(), match.end()):
                at = match.start("unit")
                yield Change(
                    "glued", *match.span(), ((at, at, NBSP),), params={"unit": match.group("unit")}
                )
        for match in _SPACED.finditer(text):
            if found.free(match.start(), match.end()):
                at = match.start("space")
                yield Change("breakable", *match.span(), ((at, at + 1, NBSP),))
