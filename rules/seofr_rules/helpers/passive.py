"""Detection of the passive voice in a French sentence."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from seofr.french.analysis import Token
from seofr_rules.helpers.word_lists import word_list

REFLEXIVE = frozenset(["se", "s’", "s'", "me", "m’", "m'", "te", "t’", "t'", "nous", "vous"])
# How many tokens after the participle an agent « par … » may start.
_AGENT_WINDOW = 4
# Tokens allowed between the auxiliary and the participle: "n’est pas toujours compris".
_BETWEEN = frozenset({"ADV", "PART"})


class Confidence(StrEnum):
    """How sure the passive-voice detector is."""

    HIGH = "high"
    MEDIUM = "medium"


def _is_etre(token: Token) -> bool:
    return token.lemma == "être" and token.pos in ("AUX", "VERB")


def _is_participle(token: Token) -> bool:
    return (
        token.pos in ("VERB", "ADJ", "AUX")
        and token.has("VerbForm=Part")
        and (token.has("Tense=Past") or token.pos == "ADJ")
    )


def _masculine_singular(word: str) -> set[str]:
    """Forms a participle may have in the masculine singular (« fermées » → « fermé »)."""
    word = word.lower()
    forms = {word}
    for ending in ("es", "s", "e"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            forms.add(word[: -len(ending)])
    return forms


def passive_confidence(tokens: Sequence[Token]) -> Confidence | None:
    """Whether a sentence is in the passive voice, and how sure that is.

    Passive is « être » + past participle. Not passive: verbs conjugated with
    « être » in active compound tenses (« il est allé »), unless « été » is in
    the chain (« la valise a été descendue »); pronominal verbs (« ils se sont
    levés »); and a stative participle after « être » in the present or
    imperfect without an agent (« le magasin est fermé le dimanche »). Certain
    with « été » or an agent « par »; likely otherwise.
    """
    etre_verbs = frozenset(word_list("etre_verbs_fr"))
    stative = frozenset(word_list("stative_participles_fr"))
    for index, token in enumerate(tokens):
        if not _is_etre(token):
            continue
        # « a été prise »: the participle of « être » itself marks a compound passive
        with_ete = token.has("VerbForm=Part")
        position = index + 1
        while position < len(tokens) and tokens[position].pos in _BETWEEN:
            position += 1
        if position >= len(tokens) or not _is_participle(tokens[position]):
            continue
        participle = tokens[position]
        before = [t.text.lower() for t in tokens[max(0, index - 3) : index]]
        if any(word in REFLEXIVE for word in before) and not with_ete:
            continue
        if participle.lemma in etre_verbs and not with_ete:
            continue
        # the agent follows the participle closely: « prise par le conseil »
        window = tokens[position + 1 : position + 1 + _AGENT_WINDOW]
        agent = any(t.text.lower() == "par" for t in window)
        if with_ete or agent:
            return Confidence.HIGH
        simple_tense = token.has("Tense=Pres") or token.has("Tense=Imp")
        if simple_tense and _masculine_singular(participle.text) & stative:
            continue
        return Confidence.MEDIUM
    return None
