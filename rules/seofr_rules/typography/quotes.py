"""``quotes``: French guillemets « … » rather than straight quotes "…"."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from seofr.plugin import Document, Text, TextElement, option
from seofr_rules.helpers.typography import (
    NARROW_NBSP,
    NBSP,
    NOT_FRENCH,
    Change,
    Scan,
    TypographyRule,
    guillemet_pairs,
    quoting,
    space_name,
)

# What an opening quote may follow, what a closing one may precede.
_OPENS_AFTER = frozenset("([{«“‘—–-/")
_CLOSES_BEFORE = frozenset(".,;:!?…)]}»”’—–-/")


@dataclass(frozen=True)
class QuotesOptions:
    """Options of ``quotes``."""

    narrow: bool = option(
        False,
        fr="Une espace fine insécable à l’intérieur des guillemets mis à la place des"
        " guillemets droits\u202f; sinon une espace insécable.",
        en="A narrow no-break space inside the guillemets that replace straight quotes;"
        " otherwise a no-break space.",
    )


class Quotes(TypographyRule):
    """French guillemets « … » rather than straight quotes "…".

    French quotes with guillemets, set apart from the quotation by no-break
    spaces; a quotation inside guillemets takes English quotes “…”, without
    spaces. Each straight quote of an element is read as opening (after a
    space, a bracket or the start) or closing (before a space, a punctuation
    mark or the end); when they pair up, each pair is replaced. Left alone:
    a quote after a figure (an inch mark, « 27" »), quotes inside code, URLs
    and English sentences, and quotes around nothing but a code, a path or a
    file name (« "\\n" », « "sources.list" »: they may belong to it). When
    the quotes of an element do not pair up (« 5'10" », a quote inside a
    word), they are reported without a fix.

    ```md pass
    Il a répondu «\u00a0oui\u00a0»\u00a0: «\u00a0le mot “demain” est de trop\u00a0».

    Un écran de 27", le code `print("x")` et le fichier "sources.list".
    ```

    ```md fail
    Il a répondu "oui" sans hésiter.
    ```

    ```md fail
    Elle a lu «\u00a0le mot "demain" est de trop\u00a0».
    ```
    """

    name = "quotes"
    code = "T002"
    summary = Text(
        fr="Des guillemets français plutôt que des guillemets droits.",
        en="French guillemets rather than straight quotes.",
    )
    description_fr = """Des guillemets français «\u00a0…\u00a0» plutôt que des guillemets droits (U+0022).

    Le français cite entre guillemets, séparés de la citation par des
    espaces insécables\u202f; une citation à l’intérieur d’une autre prend les
    guillemets anglais courbes “…”, sans espace. Chaque guillemet droit
    d’un élément est lu comme ouvrant (après une espace, une parenthèse ou
    au début) ou comme fermant (avant une espace, un signe de ponctuation
    ou à la fin)\u202f; quand ils forment des paires, chaque paire est
    remplacée. Ne sont pas touchés\u00a0: un guillemet après un chiffre (le
    signe des pouces, ``27"``), les guillemets dans du code, dans des URL
    ou dans des phrases en anglais, et ceux qui n’entourent qu’un code, un
    chemin ou un nom de fichier, car ils peuvent en faire partie. Quand les
    guillemets d’un élément ne forment pas de paires (``5'10"``, un
    guillemet au milieu d’un mot), ils sont signalés sans correction.
    """
    Options = QuotesOptions
    templates = {
        "straight": quoting(
            fr="Guillemets droits au lieu de guillemets français",
            en="Straight quotes instead of guillemets",
            fix=Text(
                fr="Remplacez-les par des guillemets français et {space} à l’intérieur.",
                en="Replace them with guillemets and {space} inside.",
            ),
        ),
        "nested": quoting(
            fr="Guillemets droits dans une citation",
            en="Straight quotes inside a quotation",
            fix=Text(
                fr="Remplacez-les par des guillemets anglais courbes, sans espace.",
                en="Replace them with curly English quotes, without spaces.",
            ),
        ),
        "unpaired": quoting(
            fr="Guillemet droit sans partenaire",
            en="Straight quote without a partner",
            fix=Text(
                fr="Mettez des guillemets français autour de la citation.",
                en="Put guillemets around the quotation.",
            ),
        ),
        "not-french": NOT_FRENCH,
    }

    def changes(
        self, element: TextElement, found: Scan, doc: Document, options: QuotesOptions
    ) -> Iterator[Change]:
        text = element.text
        if '"' not in text:
            return
        roles: list[tuple[int, bool]] = []
        unpaired: int | None = None
        for index, char in enumerate(text):
            if char != '"' or not found.free(index, index + 1):
                continue
            before = text[index - 1] if index else " "
            after = text[index + 1] if index + 1 < len(text) else " "
            opens = (before.isspace() or before in _OPENS_AFTER) and not after.isspace()
            closes = not before.isspace() and (after.isspace() or after in _CLOSES_BEFORE)
            if before.isdigit() and not opens and len(roles) % 2 == 0:
                continue  # an inch or a second, not closing a quotation: 27", 5'10"
            if opens == closes:
                unpaired = index
                break
            roles.append((index, opens))
        if unpaired is None and roles:
            alternate = all(opens == (n % 2 == 0) for n, (_, opens) in enumerate(roles))
            if alternate and len(roles) % 2 == 0:
                yield from self._pairs(text, roles, found, options)
                return
            unpaired = roles[0][0]
        if unpaired is not None:
            yield Change("unpaired", unpaired, unpaired + 1)

    @staticmethod
    def _pairs(
        text: str, roles: list[tuple[int, bool]], found: Scan, options: QuotesOptions
    ) -> Iterator[Change]:
        space = NARROW_NBSP if options.narrow else NBSP
        guillemets = guillemet_pairs(text)
        for (opening, _), (closing, _) in zip(roles[::2], roles[1::2], strict=True):
            if not any(c.isalnum() for c in text[opening + 1 : closing]):
                continue
            if found.covered(opening + 1, closing):
                continue  # a code quoted whole, « "\n" »: the quotes may be its own
            if found.after_url(closing):
                yield Change("straight", opening, closing + 1, params={"space": space_name(space)})
            elif any(low < opening < high for low, high in guillemets):
                fixes = ((opening, opening + 1, "“"), (closing, closing + 1, "”"))
                yield Change("nested", opening, closing + 1, fixes)
            else:
                fixes = ((opening, opening + 1, "«" + space), (closing, closing + 1, space + "»"))
                yield Change(
                    "straight", opening, closing + 1, fixes, params={"space": space_name(space)}
                )
