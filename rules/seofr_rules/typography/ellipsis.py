"""``ellipsis``: the ellipsis character « … » rather than three periods, and « etc. » alone."""

from __future__ import annotations

import re
from collections.abc import Iterator

from seofr.plugin import Document, NoOptions, Text, TextElement
from seofr_rules.helpers.typography import NOT_FRENCH, Change, Scan, TypographyRule, quoting

# « etc. » closes an enumeration by itself: suspension points after it repeat it.
_ETC = re.compile(r"\b[Ee]tc(?:\.{2,}|\.?[\s\u00a0\u202f]?…|\.[\s\u00a0\u202f]\.{3})(?![.…])")
# Three periods exactly: two are a typo or a leader, four an ellipsis and a period.
_DOTS = re.compile(r"(?<!\.)\.\.\.(?!\.)")


class Ellipses(TypographyRule):
    """The ellipsis character « … » rather than three periods, and « etc. » alone.

    Suspension points are one character, « … » (U+2026), which never breaks
    apart nor spreads in justified text. « etc. » already says that the list
    goes on: the Imprimerie nationale never follows it with suspension
    points, so « etc... » and « etc… » become « etc. ». Left alone: two
    periods or four, points between figures (« 1...10 »), paths (« ../ »),
    code and English sentences.

    ```md pass
    Il hésita… puis partit. On trouve des pommes, des poires, etc.

    Comptez de 1...10 et lisez `../README`.
    ```

    ```md fail
    Il hésita... puis partit.
    ```

    ```md fail
    On trouve des pommes, des poires, etc...
    ```
    """

    name = "ellipsis"
    code = "T004"
    summary = Text(
        fr="Le caractère «\u00a0…\u00a0» plutôt que trois points, et «\u00a0etc.\u00a0» seul.",
        en="The ellipsis character “…” rather than three periods, and “etc.” alone.",
    )
    description_fr = """Le caractère «\u00a0…\u00a0» plutôt que trois points, et «\u00a0etc.\u00a0» sans points de suspension.

    Les points de suspension forment un seul caractère, «\u00a0…\u00a0» (U+2026), qui
    ne se sépare jamais en fin de ligne et ne s’étire pas dans un texte
    justifié. «\u00a0etc.\u00a0» dit déjà que l’énumération continue\u00a0: l’Imprimerie
    nationale ne le fait jamais suivre de points de suspension, si bien que
    ``etc...`` et ``etc…`` deviennent «\u00a0etc.\u00a0». Ne sont pas touchés\u00a0: les
    suites de deux ou de quatre points, les points entre deux nombres
    (``1...10``), les chemins (``../``), le code et les phrases en anglais.
    """
    Options = NoOptions
    templates = {
        "dots": quoting(
            fr="Trois points au lieu des points de suspension",
            en="Three periods instead of an ellipsis",
            fix=Text(
                fr="Remplacez-les par le caractère «\u00a0…\u00a0» (U+2026).",
                en="Replace them with the character “…” (U+2026).",
            ),
        ),
        "etc": quoting(
            fr="Points de suspension après «\u00a0etc.\u00a0»",
            en="Suspension points after “etc.”",
            fix=Text(
                fr="«\u00a0etc.\u00a0» suffit\u00a0: retirez les points de suspension.",
                en="“etc.” is enough: remove the suspension points.",
            ),
        ),
        "not-french": NOT_FRENCH,
    }

    def changes(
        self, element: TextElement, found: Scan, doc: Document, options: NoOptions
    ) -> Iterator[Change]:
        text = element.text
        if "." not in text and "…" not in text:
            return
        taken: list[tuple[int, int]] = []
        for match in _ETC.finditer(text):
            if found.free(match.start(), match.end()):
                taken.append(match.span())
                yield Change("etc", *match.span(), ((*match.span(), "etc."),))
        for match in _DOTS.finditer(text):
            start, end = match.span()
            between_figures = text[start - 1 : start].isdigit() and text[end : end + 1].isdigit()
            if between_figures or not found.free(start, end) or found.after_url(start):
                continue  # a range, « 1...10 »
            if any(low < end and start < high for low, high in taken):
                continue
            yield Change("dots", *match.span(), ((*match.span(), "…"),))
