"""``transition-words``: at least ``pass-share`` % of sentences hold a transition word."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from seofr.french.analysis import Sentence
from seofr.plugin import (
    Context,
    Document,
    Emitted,
    Heading,
    Level,
    Need,
    Rule,
    Template,
    Text,
    option,
)
from seofr_rules.helpers.transitions import has_transition


@dataclass(frozen=True)
class TransitionWordsOptions:
    """Options of ``transition-words``."""

    pass_share: float = option(
        30.0,
        fr="Part minimale (%) de phrases avec un mot de liaison pour réussir.",
        en="Lowest share (%) of sentences with a transition that passes.",
    )
    warn_share: float = option(
        20.0,
        fr="Part minimale (%) avant l’échec.",
        en="Lowest share (%) before failing.",
    )
    min_sentences: int = option(
        5,
        fr="En dessous de ce nombre de phrases, la règle ne s’applique pas.",
        en="Below this many sentences the rule does not apply.",
    )


class TransitionWords(Rule[TransitionWordsOptions]):
    """At least ``pass-share`` % of sentences hold a transition word.

    Transition words (« en effet », « par conséquent », « d’une part … d’autre
    part ») guide the reader from one idea to the next. The list of 478
    French entries is in ``seofr_rules/data/transitions_fr.txt``
    (docs/transition-words.md).

    ```md pass
    D’abord, on choisit le vélo. Ensuite, on règle la selle. Cependant, il faut un casque. Enfin, on part. Par conséquent, tout va bien.
    ```

    ```md fail
    On choisit le vélo. On règle la selle. Il faut un casque. On part. Tout va bien.
    ```
    """

    name = "transition-words"
    code = "R006"
    category = "readability"
    needs = frozenset({Need.SENTENCES})
    summary = Text(
        fr="Assez de phrases contiennent un mot de liaison.",
        en="Enough sentences hold a transition word.",
    )
    description_fr = """Au moins ``pass-share``\u00a0% des phrases contiennent un mot de liaison.

    Les mots de liaison («\u00a0en effet\u00a0», «\u00a0par conséquent\u00a0», «\u00a0d’une part…
    d’autre part\u00a0») guident le lecteur d’une idée à la suivante. La liste
    de 478 expressions françaises est dans
    ``seofr_rules/data/transitions_fr.txt`` (docs/transition-words.md).
    Entre ``warn-share``\u00a0% et ``pass-share``\u00a0%, la règle alerte\u202f; en
    dessous, elle échoue. Un texte de moins de ``min-sentences`` phrases
    n’est pas jugé.
    """
    Options = TransitionWordsOptions
    templates = {
        "few": Template(
            Text(
                fr="{share} % des phrases contiennent un mot de liaison ({with_transition} sur {total}) ; visez au moins {pass_share} %.",
                en="{share}% of sentences hold a transition word ({with_transition} of {total}); aim for at least {pass_share}%.",
            ),
            Text(
                fr="Ajoutez des mots de liaison (« en effet », « ainsi », « par exemple »…) dans environ {to_add} {to_add:phrase|phrases}.",
                en="Add transition words (« en effet », « ainsi », « par exemple »…) to about {to_add} {to_add:sentence|sentences}.",
            ),
        ),
        "too-short": Template(
            Text(
                fr="Texte trop court ({total} {total:phrase|phrases}) pour juger des mots de liaison.",
                en="Text too short ({total} {total:sentence|sentences}) to judge transition words.",
            ),
            Text(fr="Aucune action nécessaire.", en="Nothing to do."),
        ),
    }

    def check(
        self, doc: Document, ctx: Context, options: TransitionWordsOptions
    ) -> Iterator[Emitted]:
        sentences: list[Sentence] = [
            s for s in ctx.french.sentences if not isinstance(s.element, Heading)
        ]
        if len(sentences) < options.min_sentences:
            yield self.skip("too-short", total=len(sentences))
            return
        count = sum(1 for s in sentences if has_transition(s.text))
        share = 100 * count / len(sentences)
        if share >= options.pass_share:
            return
        needed = int(-(-options.pass_share * len(sentences) // 100))
        yield self.at(
            Level.WARN if share >= options.warn_share else Level.FAIL,
            "few",
            share=round(share, 1),
            with_transition=count,
            total=len(sentences),
            pass_share=options.pass_share,
            to_add=max(needed - count, 1),
        )
