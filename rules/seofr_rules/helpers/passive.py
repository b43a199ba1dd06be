"""Detection of the passive voice in a French sentence.

The decisions and their sources are in docs/sentences.md (« Passive voice »).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from functools import cache

from seofr.french.analysis import Token
from seofr_rules.helpers.word_lists import word_list

# « se » is always reflexive before « être »; « me », « te », « nous », « vous »
# only when « être » agrees with them (« je me suis levé »): otherwise they are
# indirect objects of a passive (« la lettre m’est envoyée »).
_ALWAYS_REFLEXIVE = frozenset(["se", "s’", "s'"])
# the person and number « être » takes with each reflexive pronoun
_PERSON = {
    "me": ("Person=1", "Number=Sing"),
    "m’": ("Person=1", "Number=Sing"),
    "m'": ("Person=1", "Number=Sing"),
    "te": ("Person=2", "Number=Sing"),
    "t’": ("Person=2", "Number=Sing"),
    "t'": ("Person=2", "Number=Sing"),
    "nous": ("Person=1", "Number=Plur"),
    "vous": ("Person=2",),
}
# How many tokens after the participle an agent « par … » may start.
_AGENT_WINDOW = 4
# Tokens allowed between the auxiliary and the participle: "n’est pas toujours compris".
_BETWEEN = frozenset({"ADV", "PART"})
# What starts the noun group of an agent: « par le conseil », « par eux », « par Marie ».
_AGENT_START = frozenset({"DET", "PRON", "PROPN"})
_AGENT_WORDS = frozenset(["tous", "toutes", "chacun", "chacune"])
_DE = frozenset(["de", "d’", "d'"])
_DE_ARTICLE = frozenset(["du", "des"])
_INFINITIVE_ENDINGS = ("er", "ir", "ïr", "re", "oir")


class Confidence(StrEnum):
    """How sure the passive-voice detector is."""

    HIGH = "high"
    MEDIUM = "medium"


def _is_etre(token: Token) -> bool:
    return token.lemma == "être" and token.pos in ("AUX", "VERB")


def _masculine_singular(word: str) -> set[str]:
    """Forms a participle may have in the masculine singular (« fermées » → « fermé »)."""
    word = word.lower()
    forms = {word}
    for ending in ("es", "s", "e"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            forms.add(word[: -len(ending)])
    return forms


def _verb_lemma(token: Token) -> bool:
    """Whether the lemma is an infinitive the token can be the participle of.

    The tagger makes participles of adjectives (« content » of « conter »,
    « neuve » of « neuf »): a lemma that is no infinitive, or an « -er » verb
    whose form does not end in « é », rules them out.
    """
    lemma = token.lemma
    if not lemma.endswith(_INFINITIVE_ENDINGS) or token.text.lower() == lemma:
        return False
    if lemma.endswith("er"):
        return any(form.endswith("é") for form in _masculine_singular(token.text))
    return True


def _is_participle(token: Token) -> bool:
    return (
        token.pos in ("VERB", "ADJ", "AUX")
        and token.has("VerbForm=Part")
        and (token.has("Tense=Past") or token.pos == "ADJ")
        and _verb_lemma(token)
    )


def _looks_participle(token: Token) -> bool:
    """A participle the tagger took for an adjective or an adverb (« due » of « devoir »):
    counted only with an agent."""
    if token.pos not in ("ADJ", "ADV"):
        return False
    return _verb_lemma(token) or any(form.endswith("é") for form in _masculine_singular(token.text))


@cache
def _agent_de_participles() -> frozenset[str]:
    return frozenset(word_list("agent_de_participles_fr"))


def _starts_agent(tokens: Sequence[Token], at: int) -> bool:
    """Whether a noun group that can be an agent starts at ``at``."""
    if at >= len(tokens):
        return False
    token = tokens[at]
    word = token.text.lower()
    if word in ("tout", "toute"):  # « de tout le monde », not « de tout temps »
        return at + 1 < len(tokens) and tokens[at + 1].pos == "DET"
    return token.pos in _AGENT_START or word in _AGENT_WORDS


def _agent(tokens: Sequence[Token], position: int, participle: Token) -> bool:
    """Whether a complement of agent follows the participle at ``position``.

    « par » + a noun group within a few tokens (« par le conseil », not « par
    moments »); « de » right after a participle of feeling or knowledge
    (« aimé de tous », « connu des services »).
    """
    end = min(len(tokens), position + 1 + _AGENT_WINDOW)
    for at in range(position + 1, end):
        if tokens[at].text.lower() == "par" and _starts_agent(tokens, at + 1):
            return True
    at = position + 1
    while at < len(tokens) and tokens[at].pos in _BETWEEN:
        at += 1
    if at >= len(tokens):
        return False
    word = tokens[at].text.lower()
    if word not in _DE and word not in _DE_ARTICLE:
        return False
    if not _masculine_singular(participle.text) & _agent_de_participles():
        return False
    if word in _DE_ARTICLE:  # « connu des services », « aimé du public »
        return at + 1 < len(tokens) and tokens[at + 1].pos in ("NOUN", "ADJ", "PROPN")
    return _starts_agent(tokens, at + 1)


def _reflexive(tokens: Sequence[Token], index: int) -> bool:
    """Whether a reflexive pronoun stands before « être » at ``index`` (« ils se sont levés »)."""
    before = [t.text.lower() for t in tokens[max(0, index - 3) : index]]
    etre = tokens[index]
    for rank, word in enumerate(before):
        if word in _ALWAYS_REFLEXIVE:
            return True
        agreement = _PERSON.get(word)
        if agreement is None or not all(etre.has(feature) for feature in agreement):
            continue
        # « nous nous sommes levés »: the subject pronoun, then the reflexive one;
        # a lone « nous » before « sommes » is the subject (« nous sommes invités »)
        if word in ("nous", "vous") and word not in before[:rank]:
            continue
        return True
    return False


@cache
def _etre_verbs() -> frozenset[str]:
    return frozenset(word_list("etre_verbs_fr"))


@cache
def _stative() -> frozenset[str]:
    return frozenset(word_list("stative_participles_fr"))


def passive_confidence(tokens: Sequence[Token]) -> Confidence | None:
    """Whether a sentence is in the passive voice, and how sure that is.

    Passive is « être » + past participle. Not passive: verbs conjugated with
    « être » in active compound tenses (« il est allé »), unless « été » is in
    the chain (« la valise a été descendue »); pronominal verbs (« ils se sont
    levés »); and a stative participle after « être » in the present or
    imperfect without an agent (« le magasin est fermé le dimanche »). Certain
    with « été » or an agent (« par » + a noun group; « de » after a participle
    of feeling or knowledge: « il est aimé de tous »); likely otherwise. The
    inverted subject of a question may stand between « être » and the
    participle (« était-il prévenu ? »). A participle without « être »
    (« la décision, contestée par les syndicats, entre en vigueur ») is not counted.
    """
    etre_verbs, stative = _etre_verbs(), _stative()
    for index, token in enumerate(tokens):
        if not _is_etre(token):
            continue
        # « a été prise »: the participle of « être » itself marks a compound passive
        with_ete = token.has("VerbForm=Part")
        position = index + 1
        while position < len(tokens) and (
            tokens[position].pos in _BETWEEN
            # the inverted subject: « était-il », « sont-ils », « a-t-elle »
            or (tokens[position].pos == "PRON" and tokens[position].text.startswith("-"))
        ):
            position += 1
        if position >= len(tokens):
            continue
        participle = tokens[position]
        tagged = _is_participle(participle)
        if not tagged and not _looks_participle(participle):
            continue
        if not with_ete and _reflexive(tokens, index):
            continue
        if participle.lemma in etre_verbs and not with_ete:
            continue
        agent = _agent(tokens, position, participle)
        if not tagged and not agent:
            continue
        if with_ete or agent:
            return Confidence.HIGH
        simple_tense = token.has("Tense=Pres") or token.has("Tense=Imp")
        if simple_tense and _masculine_singular(participle.text) & stative:
            continue
        return Confidence.MEDIUM
    return None
