"""``thousands``: large quantities grouped by three with a narrow no-break space, « 10 000 »."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from seofr.plugin import Document, Text, TextElement, option
from seofr_rules.helpers.typography import (
    BREAKABLE,
    NARROW_NBSP,
    NOT_FRENCH,
    SPACED_UNIT,
    UNIT_END,
    Change,
    Scan,
    TypographyRule,
    quoting,
)

# What may not touch a number on its left: it would be part of a code, a
# phone number (« +33 »), a range or a reference (« A-12345 », « n°12345 »).
_FIGURE = re.compile(r"\d")
_LEFT = r"(?<![\w.,/:#@$€£+\-–−°'’])"
# A run of figures, not after a decimal comma and not before a decimal point,
# a time or a code.
_RUN = re.compile(_LEFT + r"[1-9]\d{3,11}(?![\w/#@]|[.:]\d)")
# English grouping, « 10,000 »; and grouping with breakable spaces, « 10 000 ».
_COMMAS = re.compile(_LEFT + r"[1-9]\d{0,2}(?:,\d{3})+(?![\w,]|\.\d)")
_SPACES = re.compile(_LEFT + r"[1-9]\d{0,2}(?:[ \u2009\u00a0\u202f\u2007]\d{3})+(?![\w]|[.,]\d{3})")
# After a quantity: a unit or a word in lowercase (« 12000 habitants »,
# « 15000 € »). A capitalised word makes a postcode (« 75001 Paris »).
_QUANTITY_AFTER = re.compile(
    rf"[ \u00a0\u202f]?(?:(?:{SPACED_UNIT}){UNIT_END}|(?!cedex\b)(?:à|[a-zà-ÿœæ]{{2,}}))"
)
# Words that make the number after them a reference, not a quantity; so does
# an acronym (« PR 45678 », « RN 7 », « CVE 2024 »).
_REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:n[°ºo]|num(?:éro)?s?|r[ée]f(?:érence)?s?|codes?|postal|art(?:icle)?s?|lois?|"
    r"décrets?|arrêtés?|pages?|pp?|ports?|versions?|v|build|tickets?|bugs?|issues?|commits?|"
    r"commandes?|factures?|dossiers?|isbn|issn|siret|siren|t[ée]l(?:éphone)?|"
    r"fax|cp|bp|lots?|séries?|modèles?|matricules?|id|pin|rfc|iso|cve|kb|an|années?|"
    r"l’an|l'an)\.?|#|(?-i:\b[A-Z]{2,5}))[\s\u00a0\u202f:]*$",
    re.IGNORECASE,
)
# A date written as one number, 20240115
_DATE = re.compile(r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")


def grouped(digits: str) -> str:
    """``digits`` in groups of three from the right, joined by narrow no-break spaces."""
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return NARROW_NBSP.join(groups)


@dataclass(frozen=True)
class ThousandsOptions:
    """Options of ``thousands``."""

    min_digits: int = option(
        5,
        fr="Nombre de chiffres à partir duquel une quantité est séparée par tranches de trois"
        " (5\u00a0: «\u00a010\u202f000\u00a0»\u202f; 4\u00a0: aussi «\u00a02\u202f500\u00a0»).",
        en="Digits from which a quantity is grouped by three (5: “10 000”; 4: “2 500” too).",
    )


class Thousands(TypographyRule):
    """Large quantities grouped by three with a narrow no-break space: « 10 000 ».

    French separates the thousands of a quantity with a narrow no-break space
    (U+202F): « 12 000 habitants », never « 12,000 » (a comma is the decimal
    mark) nor « 12000 ». Numbers of four figures may stay whole (the
    Imprimerie nationale, like the SI brochure, allows « 2500 »; four figures
    are also most often years): the rule starts at ``min-digits`` figures, 5
    by default. A number counts as a quantity when a unit or a lowercase
    word follows it; it is left alone after a word that makes it a reference
    (« n° », « article », « code postal », « page », « version », « ticket »,
    « l’an »…), before a capitalised word (« 75001 Paris »), when it starts
    with 0 (a phone number), touches a letter, a code or a decimal point, or
    reads as a date (« 20240115 »); decimals after the comma are never
    grouped. « 12,000,000 » is regrouped; « 12,000 » is reported with a fix
    to confirm (a French reader may take it for twelve). A number already
    grouped with breakable spaces gets no-break ones.

    ```md pass
    La ville compte 12\u202f000 habitants et 2500 logements, code postal 75001, en 2024.

    Appelez le 0612345678 ou lisez l’article 12345 du code, version 10.12345.
    ```

    ```md fail
    La ville compte 12000 habitants.
    ```

    ```md fail
    Le budget atteint 1,500,000 euros, soit 12 000 de plus.
    ```
    """

    name = "thousands"
    code = "T006"
    summary = Text(
        fr="Les milliers séparés par une espace fine insécable\u00a0: «\u00a010\u202f000\u00a0».",
        en="Thousands separated by a narrow no-break space: “10 000”.",
    )
    description_fr = """Les grands nombres groupés par trois chiffres avec une espace fine insécable\u00a0: «\u00a010\u202f000\u00a0».

    Le français sépare les milliers d’une quantité par une espace fine
    insécable (U+202F)\u00a0: «\u00a012\u202f000 habitants\u00a0», jamais ``12,000`` (la
    virgule marque les décimales) ni ``12000``. Un nombre de quatre
    chiffres peut rester d’un bloc (l’Imprimerie nationale, comme la
    brochure du Système international d’unités, admet «\u00a02500\u00a0»\u202f; quatre
    chiffres font aussi le plus souvent une année)\u00a0: la règle commence à
    ``min-digits`` chiffres, 5 par défaut. Un nombre est une quantité
    quand une unité ou un mot en minuscules le suit\u202f; il n’est pas touché
    après un mot qui en fait une référence («\u00a0n°\u00a0», «\u00a0article\u00a0», «\u00a0code
    postal\u00a0», «\u00a0page\u00a0», «\u00a0version\u00a0», «\u00a0ticket\u00a0», «\u00a0l’an\u00a0»…), devant un mot
    à majuscule («\u00a075001 Paris\u00a0»), quand il commence par 0 (un numéro de
    téléphone), quand il touche une lettre, un code ou un point décimal,
    ou quand il se lit comme une date («\u00a020240115\u00a0»)\u202f; les décimales après
    la virgule ne sont jamais groupées. ``12,000,000`` est regroupé\u202f;
    ``12,000`` est signalé avec une correction à confirmer (un lecteur
    français peut y lire douze). Un nombre déjà groupé avec des espaces
    sécables reçoit des espaces insécables.
    """
    Options = ThousandsOptions
    templates = {
        "ungrouped": quoting(
            fr="Nombre non séparé par tranches de trois chiffres",
            en="Number not grouped by three figures",
            fix=Text(
                fr="Écrivez «\u00a0{right}\u00a0», avec des espaces fines insécables.",
                en="Write “{right}”, with narrow no-break spaces.",
            ),
        ),
        "commas": quoting(
            fr="Milliers séparés par des virgules, à l’anglaise",
            en="Thousands separated by commas, the English way",
            fix=Text(
                fr="Écrivez «\u00a0{right}\u00a0»\u202f; en français, la virgule marque les décimales.",
                en="Write “{right}”; in French, the comma marks the decimals.",
            ),
        ),
        "breakable": quoting(
            fr="Nombre coupable en fin de ligne",
            en="Number that may break at a line end",
            fix=Text(
                fr="Séparez les milliers par des espaces fines insécables.",
                en="Separate the thousands with narrow no-break spaces.",
            ),
        ),
        "not-french": NOT_FRENCH,
    }

    def changes(
        self, element: TextElement, found: Scan, doc: Document, options: ThousandsOptions
    ) -> Iterator[Change]:
        text = element.text
        if not _FIGURE.search(text):
            return
        for match in _RUN.finditer(text):
            start, end = match.span()
            digits = match.group()
            if len(digits) < options.min_digits or not found.free(start, end):
                continue
            if _decimals_of_three(text, end) or not self._quantity(text, start, end):
                continue
            right = grouped(digits)
            yield Change("ungrouped", start, end, ((start, end, right),), params={"right": right})
        for match in _COMMAS.finditer(text):
            start, end = match.span()
            groups = match.group().split(",")
            if not found.free(start, end) or (len(groups[0]) < 2 and len(groups) < 3):
                continue  # « 1,500 »: one and a half, or fifteen hundred?
            right = NARROW_NBSP.join(groups)
            yield Change(
                "commas",
                start,
                end,
                ((start, end, right),),
                safe=len(groups) > 2,
                params={"right": right},
            )
        for match in _SPACES.finditer(text):
            start, end = match.span()
            spaces = [i for i in range(start, end) if text[i] in BREAKABLE]
            if (
                not spaces
                or not found.free(start, end)
                or _REFERENCE_BEFORE.search(text, max(0, start - 24), start)
            ):
                continue
            yield Change("breakable", start, end, tuple((i, i + 1, NARROW_NBSP) for i in spaces))

    @staticmethod
    def _quantity(text: str, start: int, end: int) -> bool:
        if _DATE.fullmatch(text, start, end):
            return False
        if _REFERENCE_BEFORE.search(text, max(0, start - 24), start):
            return False
        return _QUANTITY_AFTER.match(text, end) is not None


def _decimals_of_three(text: str, end: int) -> bool:
    """Whether a decimal comma and three figures follow: « 12000,500 » may be English."""
    return re.match(r",\d{3}(?!\d)", text[end : end + 5]) is not None
