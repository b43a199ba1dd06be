"""``title-rewritten``: the title differs from the original's title."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from seofr.french.normalize import same_text
from seofr.plugin import Context, Document, Emitted, Rule, Template, Text
from seofr_rules.helpers.original import NO_ORIGINAL


@dataclass(frozen=True)
class TitleRewrittenOptions:
    """Options of ``title-rewritten`` (none)."""


class TitleRewritten(Rule[TitleRewrittenOptions]):
    """The title differs from the original's title.

    Applies only when an original is given (``--original``, API
    ``original=``). Titles are compared without case, accents or punctuation.

    ```md pass original="# Le vélo en ville"
    # Pédaler en ville sans se fatiguer
    ```

    ```md fail original="# Le vélo en ville"
    # Le Vélo en ville !
    ```
    """

    name = "title-rewritten"
    code = "W001"
    category = "rewrite"
    summary = Text(
        fr="Le titre n’est pas celui de l’article d’origine.",
        en="The title is not the original article’s title.",
    )
    Options = TitleRewrittenOptions
    templates = {
        "same": Template(
            Text(
                fr="Le titre est celui de l’article d’origine : « {title} ».",
                en="The title is the original article’s: “{title}”.",
            ),
            Text(
                fr="Écrivez un titre nouveau, en français, qui garde le sujet et le mot-clé.",
                en="Write a new French title that keeps the topic and the keyphrase.",
            ),
        ),
        "no-original": NO_ORIGINAL,
    }

    def check(
        self, doc: Document, ctx: Context, options: TitleRewrittenOptions
    ) -> Iterator[Emitted]:
        original = ctx.original
        if original is None:
            yield self.skip("no-original")
            return
        if doc.title and original.title and same_text(doc.title.value, original.title.value):
            yield self.fail("same", doc.title.span, title=doc.title.value)
