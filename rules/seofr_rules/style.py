"""Style rules: passive voice and transition words."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from itertools import pairwise

from seofr.document.model import Document, Heading
from seofr.french.analysis import Sentence, Token
from seofr.french.normalize import fold
from seofr.i18n import Text
from seofr.plugin import Context, Emitted, Level, Need, Rule, Template, option
from seofr_rules.lists import word_list
from seofr_rules.readability import excerpt, share_verdict

REFLEXIVE = frozenset(["se", "s’", "s'", "me", "m’", "m'", "te", "t’", "t'", "nous", "vous"])
# How many tokens after the participle an agent « par … » may start.
_AGENT_WINDOW = 4
# Tokens allowed between the auxiliary and the participle: "n’est pas toujours compris".
_BETWEEN = frozenset({"ADV", "PART"})


class Confidence(StrEnum):
    """How sure the passive-voice detector is."""

    HIGH = "high"
    MEDIUM = "medium"


CONFIDENCE_TEXT = {
    Confidence.HIGH: Text(fr="certain", en="certain"),
    Confidence.MEDIUM: Text(fr="probable", en="likely"),
}


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


@dataclass(frozen=True)
class PassiveVoiceOptions:
    """Options of ``passive-voice``."""

    pass_share: float = option(
        10.0,
        fr="Part maximale (%) de phrases passives pour réussir.",
        en="Highest share (%) of passive sentences that passes.",
    )
    warn_share: float = option(
        15.0,
        fr="Part maximale (%) de phrases passives avant l’échec.",
        en="Highest share (%) of passive sentences before failing.",
    )


class PassiveVoice(Rule[PassiveVoiceOptions]):
    """At most ``pass-share`` % of sentences are in the passive voice.

    A passive sentence is « être » + past participle, except verbs conjugated
    with « être » in active tenses (« il est allé »), pronominal verbs (« ils se
    sont levés ») and stative readings (« le magasin est fermé le dimanche »).
    Each passive sentence is listed with how sure the detector is.

    ```md pass
    Le conseil a pris la décision. Il est allé à Paris. Elle est née en 1990. Ils se sont levés tôt. Le magasin est fermé le dimanche.
    ```

    ```md fail
    La décision a été prise par le conseil. Les résultats seront publiés demain. Le budget est voté chaque année.
    ```
    """

    name = "passive-voice"
    code = "R005"
    category = "readability"
    needs = frozenset({Need.SENTENCES, Need.LEMMAS, Need.MORPHOLOGY})
    summary = Text(
        fr="Peu de phrases sont à la voix passive.",
        en="Few sentences are in the passive voice.",
    )
    Options = PassiveVoiceOptions
    templates = {
        "share": Template(
            Text(
                fr="{share} % des phrases sont à la voix passive ({passive} sur {total}) ; le maximum conseillé est {pass_share} %.",
                en="{share}% of sentences are in the passive voice ({passive} of {total}); the advised maximum is {pass_share}%.",
            ),
            Text(
                fr="Réécrivez au moins {to_fix} phrase(s) à la voix active : dites qui fait l’action.",
                en="Rewrite at least {to_fix} sentence(s) in the active voice: say who acts.",
            ),
        ),
        "passive": Template(
            Text(
                fr="Voix passive ({confidence}) : « {excerpt} »",
                en="Passive voice ({confidence}): “{excerpt}”",
            ),
            Text(
                fr="Réécrivez à la voix active en commençant par qui agit (« le conseil a pris la décision » plutôt que « la décision a été prise »).",
                en="Rewrite in the active voice, starting with who acts (“the council took the decision” rather than “the decision was taken”).",
            ),
        ),
    }

    def check(self, doc: Document, ctx: Context, options: PassiveVoiceOptions) -> Iterator[Emitted]:
        sentences = [s for s in ctx.french.sentences if not isinstance(s.element, Heading)]
        if not sentences:
            yield self.skip("share")
            return
        found = [(s, c) for s in sentences if (c := passive_confidence(s.tokens)) is not None]
        verdict = share_verdict(len(found), len(sentences), options.pass_share, options.warn_share)
        if verdict.level is None:
            return
        yield self.at(
            verdict.level,
            "share",
            share=round(verdict.share, 1),
            passive=len(found),
            total=len(sentences),
            pass_share=options.pass_share,
            to_fix=verdict.to_fix,
        )
        for sentence, confidence in found:
            yield self.info(
                "passive",
                sentence.span,
                confidence=CONFIDENCE_TEXT[confidence].render(ctx.lang),
                excerpt=excerpt(sentence.text),
            )


_TOKEN = re.compile(r"[^\W_]+[’]?", re.UNICODE)


# Elided and contracted forms stand for the full words, in the list as in the text,
# so « bien que » finds « bien qu’il » and « grâce à » finds « grâce au ».
_ELIDED = {
    "qu’": "que",
    "lorsqu’": "lorsque",
    "puisqu’": "puisque",
    "quoiqu’": "quoique",
    "jusqu’": "jusque",
    "d’": "de",
    "l’": "le",
    "c’": "ce",
    "n’": "ne",
}
_CONTRACTED = {"au": ("a", "le"), "aux": ("a", "les"), "du": ("de", "le"), "des": ("de", "les")}


# What each elided or contracted token stands for; any other token stands for itself.
_EXPANSIONS = {
    **{token: (full,) for token, full in _ELIDED.items()},
    **_CONTRACTED,
}


def word_tokens(text: str) -> tuple[str, ...]:
    """Folded word tokens with elisions and contractions expanded.

    « D’abord » gives ``("de", "abord")``, « grâce au » ``("grace", "a", "le")``,
    « s’il » ``("si", "il")``.
    """
    raw = _TOKEN.findall(fold(text))
    tokens: list[str] = []
    for index, token in enumerate(raw):
        if token == "s’" and index + 1 < len(raw) and raw[index + 1] in ("il", "ils"):
            tokens.append("si")
        else:
            tokens.extend(_EXPANSIONS.get(token, (token,)))
    return tuple(tokens)


# A two-part expression: the tokens of its first part, then of its second.
_Pair = tuple[tuple[str, ...], tuple[str, ...]]


@dataclass(frozen=True)
class TransitionIndex:
    """The transition list, indexed so that a sentence is scanned once.

    ``words`` are the one-word transitions; ``phrases`` maps the first two
    words of a longer expression to the expressions starting with them (« de »
    alone starts about fifty); ``pairs`` maps the first word of a two-part
    expression to those expressions, and ``pair_starts`` holds those words.
    """

    words: frozenset[str]
    phrases: dict[tuple[str, str], tuple[tuple[str, ...], ...]]
    pairs: dict[str, tuple[_Pair, ...]]
    pair_starts: frozenset[str]


@cache
def transition_index() -> TransitionIndex:
    """The transition words of ``data/transitions_fr.txt``, ready for matching."""
    words: set[str] = set()
    phrases: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    pairs: dict[str, list[_Pair]] = {}
    for entry in word_list("transitions_fr"):
        if "…" in entry:
            first, second = (word_tokens(part) for part in entry.split("…", 1))
            pairs.setdefault(first[0], []).append((first, second))
            continue
        tokens = word_tokens(entry)
        if len(tokens) == 1:
            words.add(tokens[0])
        elif tokens:
            phrases.setdefault((tokens[0], tokens[1]), []).append(tokens)
    return TransitionIndex(
        frozenset(words),
        {k: tuple(v) for k, v in phrases.items()},
        {k: tuple(v) for k, v in pairs.items()},
        frozenset(pairs),
    )


def _find(tokens: tuple[str, ...], phrase: tuple[str, ...], start: int = 0) -> int:
    """Index just after the first occurrence of ``phrase`` in ``tokens`` from ``start``, or -1."""
    size = len(phrase)
    # jump from one occurrence of the first word to the next: pairs often start with « de »
    try:
        index = tokens.index(phrase[0], start)
        while tokens[index : index + size] != phrase:
            index = tokens.index(phrase[0], index + 1)
    except ValueError:
        return -1
    return index + size


def has_transition(text: str) -> bool:
    """Whether a sentence holds a transition word, expression or two-part expression."""
    index = transition_index()
    tokens = word_tokens(text)
    present = set(tokens)
    if not present.isdisjoint(index.words):
        return True
    for position, bigram in enumerate(pairwise(tokens)):
        for phrase in index.phrases.get(bigram, ()):
            if tokens[position : position + len(phrase)] == phrase:
                return True
    for word in present & index.pair_starts:
        for first, second in index.pairs[word]:
            if second[0] in present:
                after = _find(tokens, first)
                if after != -1 and _find(tokens, second, after) != -1:
                    return True
    return False


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
    part ») guide the reader from one idea to the next. The list of about 300
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
    Options = TransitionWordsOptions
    templates = {
        "few": Template(
            Text(
                fr="{share} % des phrases contiennent un mot de liaison ({with_transition} sur {total}) ; visez au moins {pass_share} %.",
                en="{share}% of sentences hold a transition word ({with_transition} of {total}); aim for at least {pass_share}%.",
            ),
            Text(
                fr="Ajoutez des mots de liaison (« en effet », « ainsi », « par exemple »…) dans environ {to_add} phrase(s).",
                en="Add transition words (« en effet », « ainsi », « par exemple »…) to about {to_add} sentence(s).",
            ),
        ),
        "too-short": Template(
            Text(
                fr="Texte trop court ({total} phrases) pour juger des mots de liaison.",
                en="Text too short ({total} sentences) to judge transition words.",
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
