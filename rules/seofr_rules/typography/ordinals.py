"""``ordinals``: ordinal numbers abbreviated the French way, « 1er », « 2e », « XIXe »."""

from __future__ import annotations

import re
from collections.abc import Iterator

from seofr.plugin import Document, NoOptions, Template, Text, TextElement
from seofr_rules.helpers.typography import NOT_FRENCH, Change, Scan, TypographyRule

# A figure or a Roman numeral glued to a suffix, lowercase (a heading in
# capitals is left alone). Words are not numerals: « Mère » is not M + ère.
_ORDINAL = re.compile(
    r"(?<![\w.,'’-])(?P<number>\d{1,6}|[IVXLCDM]{1,9})"
    r"(?P<suffix>ièmes?|iemes?|èmes?|emes?|è|ières?|ieres?|ères?|eres?|iers?|ndes?|nds?)"
    r"(?![\w'’])"
)
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# Single letters that stand for a numeral before a suffix; « Xième » and
# « Nième » are words (ixième, énième), « Mère » one too.
_SINGLE_NUMERALS = frozenset({"I", "V"})

# suffix → right suffix for the first (premier, première) and for the others
_FIRST = {"ère": "re", "ere": "re", "ière": "re", "iere": "re", "ier": "er"}
_OTHERS = {"ème": "e", "eme": "e", "ième": "e", "ieme": "e", "è": "e"}
_SECOND = {"nd": "d", "nde": "de"}


def right_suffix(number: str, suffix: str) -> str | None:
    """The right abbreviation's suffix for ``number`` + ``suffix``; ``None`` when the
    wrong one does not tell which it is (« 1ème »: premier or première?).

    Returns ``""`` for a suffix that does not fit the number at all (« 3ère »).
    """
    plural = suffix.endswith("s")
    stem = suffix[:-1] if plural else suffix
    first = number in ("1", "I")
    if stem in _FIRST:
        right = _FIRST[stem] if first else ""
    elif stem in _SECOND:
        right = _SECOND[stem] if number == "2" else ""
    elif first:
        return None
    else:
        right = _OTHERS.get(stem, "")
    return right + "s" if right and plural else right


class Ordinals(TypographyRule):
    """Ordinal numbers abbreviated the French way: « 1er », « 1re », « 2e », « XIXe ».

    French abbreviates an ordinal with the last letters of the word: « 1er »
    and « 1re » (premier, première), « 2d » and « 2de » (second, seconde),
    « 2e », « 3e »… for the others, with « s » in the plural (« 3es »). « 2ème »,
    « 2ième », « 2è », « 1ère » and « 2nd » are faults (Imprimerie nationale,
    Académie française). A wrong suffix is replaced; « 1ème » is reported
    without a fix (premier or première?). Roman numerals take the same
    suffixes (« XIXe siècle », « Ire République »); a single letter before a
    suffix is read as a numeral only for I and V, since « Xième », « Nième »
    and « Mère » are words. A suffix in capitals, code and English sentences
    are left alone.

    ```md pass
    Le 1er mai, la 2e édition du XIXe siècle, la 1re fois, les 3es ex æquo, la 2de.
    ```

    ```md fail
    La 2ème édition du XIXème siècle.
    ```

    ```md fail
    Sa 1ère visite, la 2nde fois.
    ```
    """

    name = "ordinals"
    code = "T005"
    summary = Text(
        fr="Les ordinaux abrégés à la française\u00a0: «\u00a01er\u00a0», «\u00a02e\u00a0»,"
        " «\u00a0XIXe\u00a0».",
        en="Ordinal numbers abbreviated the French way: “1er”, “2e”, “XIXe”.",
    )
    description_fr = """Les ordinaux abrégés à la française\u00a0: «\u00a01er\u00a0», «\u00a01re\u00a0», «\u00a02e\u00a0», «\u00a0XIXe\u00a0».

    Le français abrège un ordinal avec les dernières lettres du mot\u00a0:
    «\u00a01er\u00a0» et «\u00a01re\u00a0» (premier, première), «\u00a02d\u00a0» et «\u00a02de\u00a0» (second,
    seconde), «\u00a02e\u00a0», «\u00a03e\u00a0»… pour les autres, avec un «\u00a0s\u00a0» au pluriel
    («\u00a03es\u00a0»). ``2ème``, ``2ième``, ``2è``, ``1ère`` et ``2nd`` sont des
    fautes (Imprimerie nationale, Académie française). Un suffixe fautif
    est remplacé\u202f; ``1ème`` est signalé sans correction, faute de savoir
    s’il s’agit de premier ou de première. Les chiffres romains prennent
    les mêmes suffixes («\u00a0XIXe siècle\u00a0», «\u00a0Ire République\u00a0»)\u202f; une lettre
    seule devant un suffixe n’est lue comme un chiffre romain que pour I
    et V, car «\u00a0Xième\u00a0», «\u00a0Nième\u00a0» et «\u00a0Mère\u00a0» sont des mots. Ne sont pas
    touchés\u00a0: un suffixe en capitales, le code et les phrases en anglais.
    """
    Options = NoOptions
    templates = {
        "suffix": Template(
            Text(
                fr="Ordinal mal abrégé\u00a0: «\u00a0{found}\u00a0» s’écrit «\u00a0{right}\u00a0»",
                en="Ordinal abbreviated wrongly: “{found}” is written “{right}”",
            ),
            Text(
                fr="Gardez les dernières lettres du mot, sans accent.",
                en="Keep the word’s last letters, without accent.",
            ),
        ),
        "first": Template(
            Text(
                fr="Ordinal mal abrégé\u00a0: «\u00a0{found}\u00a0»",
                en="Ordinal abbreviated wrongly: “{found}”",
            ),
            Text(
                fr="Écrivez «\u00a01er\u00a0» (premier) ou «\u00a01re\u00a0» (première).",
                en="Write “1er” (premier) or “1re” (première).",
            ),
        ),
        "not-french": NOT_FRENCH,
    }

    def changes(
        self, element: TextElement, found: Scan, doc: Document, options: NoOptions
    ) -> Iterator[Change]:
        text = element.text
        for match in _ORDINAL.finditer(text):
            number, suffix = match.group("number"), match.group("suffix")
            if not number.isdigit() and (
                not _ROMAN.fullmatch(number)
                or (len(number) == 1 and number not in _SINGLE_NUMERALS)
            ):
                continue
            if not found.free(match.start(), match.end()) or number.strip("0") == "":
                continue
            right = right_suffix(number, suffix)
            if right is None:
                yield Change("first", *match.span(), params={"found": match.group()})
            elif right:
                suffix_start = match.start("suffix")
                yield Change(
                    "suffix",
                    *match.span(),
                    ((suffix_start, match.end(), right),),
                    params={"found": match.group(), "right": number + right},
                )
