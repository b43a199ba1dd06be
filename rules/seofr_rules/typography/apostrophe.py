"""``apostrophe``: one apostrophe throughout, the typographic ’ by default."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from seofr.plugin import Document, Text, TextElement, option
from seofr_rules.helpers.typography import NOT_FRENCH, Change, Scan, TypographyRule, quoting

# An apostrophe between two letters: l'homme, aujourd'hui, qu'il. One at the
# edge of a word is a quotation mark (« 'mot' ») or an English genitive.
# The apostrophe comes first in the pattern: the search then stops only at
# apostrophes instead of testing the letter before every character.
_BETWEEN_LETTERS = {
    "'": re.compile(r"'(?<=[^\W\d_]')(?=[^\W\d_])"),
    "’": re.compile(r"’(?<=[^\W\d_]’)(?=[^\W\d_])"),
}


@dataclass(frozen=True)
class ApostropheOptions:
    """Options of ``apostrophe``."""

    style: Literal["typographic", "straight"] = option(
        "typographic",
        fr="«\u00a0typographic\u00a0»\u00a0: l’apostrophe typographique ’ (U+2019) partout\u202f;"
        " «\u00a0straight\u00a0»\u00a0: l’apostrophe droite ' du clavier partout.",
        en="“typographic”: the typographic apostrophe ’ (U+2019) throughout; “straight”:"
        " the keyboard’s straight apostrophe ' throughout.",
    )


class Apostrophe(TypographyRule):
    """One apostrophe throughout, the typographic ’ by default.

    The Imprimerie nationale, the French press and seofr's own messages write
    the typographic apostrophe ’ (U+2019); a keyboard types the straight one
    '. With ``style = "straight"`` the rule asks for the straight one instead,
    for a site that prefers it. Only an apostrophe between two letters is
    read (l'homme, aujourd'hui); one at the edge of a word, in code, in a URL
    or in an English sentence is left alone. One finding per paragraph, with
    every apostrophe of it fixed.

    ```md pass
    L’été s’annonce chaud aujourd’hui, voir `l'option`.

    Please don't stop the music.
    ```

    ```md fail
    L'été s'annonce chaud aujourd'hui.
    ```

    ```md fail style=straight
    L’été s’annonce chaud.
    ```
    """

    name = "apostrophe"
    code = "T003"
    summary = Text(
        fr="Une seule apostrophe dans tout le texte, la typographique par défaut.",
        en="One apostrophe throughout, the typographic one by default.",
    )
    description_fr = """Une seule apostrophe dans tout le texte, la typographique ’ par défaut.

    L’Imprimerie nationale, la presse française et les messages de seofr
    emploient l’apostrophe typographique ’ (U+2019), et non l’apostrophe
    droite ' du clavier. Un site qui préfère l’apostrophe droite met
    l’option ``style`` à «\u00a0straight\u00a0»\u00a0: la règle la demande alors partout.
    Seule compte une apostrophe placée entre deux lettres («\u00a0l’homme\u00a0»,
    «\u00a0aujourd’hui\u00a0»)\u202f; celles qui sont en bord de mot, dans du code, dans
    une URL ou dans une phrase en anglais ne sont pas touchées. Chaque
    paragraphe concerné est signalé une fois, et toutes ses apostrophes
    sont corrigées ensemble.
    """
    Options = ApostropheOptions
    templates = {
        "straight": quoting(
            fr="{count} {count:apostrophe droite|apostrophes droites}",
            en="{count} straight {count:apostrophe|apostrophes}",
            fix=Text(
                fr="Remplacez-{count:la|les} par l’apostrophe typographique.",
                en="Replace {count:it|them} with the typographic apostrophe.",
            ),
        ),
        "typographic": quoting(
            fr="{count} {count:apostrophe typographique|apostrophes typographiques}",
            en="{count} typographic {count:apostrophe|apostrophes}",
            fix=Text(
                fr="Remplacez-{count:la|les} par l’apostrophe droite choisie pour le site.",
                en="Replace {count:it|them} with the straight apostrophe chosen for the site.",
            ),
        ),
        "not-french": NOT_FRENCH,
    }

    def changes(
        self, element: TextElement, found: Scan, doc: Document, options: ApostropheOptions
    ) -> Iterator[Change]:
        wrong, right = ("'", "’") if options.style == "typographic" else ("’", "'")
        text = element.text
        if wrong not in text:
            return
        places = [
            m.start()
            for m in _BETWEEN_LETTERS[wrong].finditer(text)
            if found.free(m.start(), m.end())
        ]
        if places:
            yield Change(
                "straight" if wrong == "'" else "typographic",
                places[0],
                places[-1] + 1,
                tuple((index, index + 1, right) for index in places),
                params={"count": len(places)},
                whole=False,
            )
