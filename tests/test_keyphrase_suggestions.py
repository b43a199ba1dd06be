"""Keyphrase suggestions (issue 14, item 1): the one-pass code gives the old code's answers.

``reference_suggest_keyphrases`` below is the **reference implementation**: a
verbatim copy of ``suggest_keyphrases`` as it was before the rewrite (commit
``40628d4``), which compared every candidate with every other one; both have
since stopped candidates at punctuation set off by a space, the reference
through its own :func:`_ref_runs`. The tests
check that the new code returns exactly its suggestions, in the same order, on
the bundled examples, the trimmed real pages, French texts written here and
random token sequences; then that the work grows linearly with the text,
counted in Python calls rather than timed.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType, SimpleNamespace
from typing import Any, cast

import pytest

import seofr
from seofr.document import parse_document
from seofr.french.analysis import FrenchAnalysis, Sentence, Token
from seofr.french.keyphrase import Unit, inflection_stem, suggest_keyphrases, units_of_text
from seofr.french.needs import Need
from seofr.french.normalize import fold

from .conftest import ROOT

# --- the reference implementation (the code before the rewrite, kept as it was) ---

_REF_CANDIDATE_POS = frozenset({"NOUN", "PROPN", "ADJ"})
_REF_JOINERS = frozenset({"de", "d’"})
_REF_MAX_CANDIDATE_WORDS = 3


@dataclass
class _RefCandidate:
    count: int = 0
    proper: bool = False
    forms: Counter[str] = field(default_factory=Counter)


def reference_suggest_keyphrases(
    sentences: Sequence[Sentence], emphasized: Sequence[Sequence[Unit]], limit: int = 5
) -> list[str]:
    """Reference implementation: ``suggest_keyphrases`` before the rewrite (quadratic),
    reading the runs of words of :func:`_ref_runs`."""
    found: dict[tuple[str, ...], _RefCandidate] = {}
    for sentence in sentences:
        for tokens in _ref_runs(sentence):
            _ref_count(tokens, sentence, found)
    stems = {inflection_stem(fold(u.lemma)) for units in emphasized for u in units}

    def content(key: tuple[str, ...]) -> list[str]:
        return [w for w in key if w not in _REF_JOINERS]

    def weight(key: tuple[str, ...]) -> float:
        candidate = found[key]
        words = content(key)
        in_title = sum(1 for w in words if inflection_stem(w) in stems) / len(words)
        proper = 1.5 if candidate.proper else 1.0
        return candidate.count * (1 + in_title) * proper * (1 + 0.5 * (len(words) - 1))

    kept = [
        key
        for key, candidate in found.items()
        if candidate.count >= 2
        and not any(
            len(longer) > len(key)
            and _ref_contains(longer, key)
            and other.count * 2 >= candidate.count
            for longer, other in found.items()
        )
    ]
    ranked = sorted(kept, key=lambda k: (-weight(k), k))
    # each written form once (added with the same change to suggest_keyphrases)
    shown: list[str] = []
    for key in ranked:
        form = found[key].forms.most_common(1)[0][0]
        if all(form.casefold() != other.casefold() for other in shown):
            shown.append(form)
    return shown[:limit]


def _ref_runs(sentence: Sentence) -> list[list[Token]]:
    """The sentence's words, cut at each mark with a space before or after it.

    Added to the reference with the same change to ``suggest_keyphrases``
    (« pommes, poires » is no candidate), written apart from it.
    """
    text = sentence.element.text
    runs: list[list[Token]] = [[]]
    for token in sentence.tokens:
        if token.is_word:
            runs[-1].append(token)
            continue
        before = text[token.start - 1 : token.start]
        after = text[token.end : token.end + 1]
        if token.text.strip() and not (before.strip() and after.strip()):
            runs.append([])
    return [run for run in runs if run]


def _ref_count(
    tokens: list[Token], sentence: Sentence, found: dict[tuple[str, ...], _RefCandidate]
) -> None:
    for start, first in enumerate(tokens):
        if first.pos not in _REF_CANDIDATE_POS or len(first.text) < 2:
            continue
        key: list[str] = []
        for token in tokens[start : start + 2 * _REF_MAX_CANDIDATE_WORDS]:
            folded = fold(token.text)
            if folded in _REF_JOINERS and key and key[-1] not in _REF_JOINERS:
                key.append(folded)
                continue
            if (
                token.pos not in _REF_CANDIDATE_POS
                or len(key) - key.count("de") >= _REF_MAX_CANDIDATE_WORDS
            ):
                break
            as_written = token.pos == "PROPN" or token.text.isupper()
            key.append(folded if as_written else fold(token.lemma or token.text))
            candidate = found.setdefault(tuple(key), _RefCandidate())
            candidate.count += 1
            candidate.proper = candidate.proper or token.pos == "PROPN"
            candidate.forms[sentence.element.text[first.start : token.end]] += 1


def _ref_contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


# --- documents ---

_NEEDS = {Need.SENTENCES, Need.LEMMAS}  # what keyphrase-length asks for
_ALL = 10_000  # a limit that keeps the whole ranking, not only its first five

_TEXTS = {
    "pont": (
        "# La rénovation du pont Vieux\n\n"
        "La rénovation du pont Vieux débutera en mars. Les travaux du pont Vieux dureront "
        "six mois. La mairie présente le chantier du pont Vieux lundi. Le chantier du pont "
        "Vieux fermera la rue aux voitures. Les riverains du pont craignent le bruit du "
        "chantier. Le maire de Toulouse promet un chantier propre.\n"
    ),
    "willner": (
        "# La démission de Dave Willner\n\n"
        "La démission de Willner surprend la Silicon Valley. Dave Willner dirigeait la "
        "confiance et la sécurité chez OpenAI. Sa démission de Willner intervient après "
        "deux ans. OpenAI cherche un nouveau responsable de la sécurité. La sécurité des "
        "modèles de langage inquiète les chercheurs. Les modèles de langage d’OpenAI "
        "progressent vite, et la démission de Willner pose la question de la sécurité.\n"
    ),
    "velo": (
        "# Le vélo électrique en ville\n\n"
        "## Pourquoi le vélo électrique\n\n"
        "Le vélo électrique plaît aux citadins. Un vélo électrique coûte cher, mais la "
        "batterie du vélo électrique dure longtemps. La batterie lithium se recharge en "
        "quatre heures. Les vélos électriques pliants entrent dans le train.\n\n"
        "## La batterie\n\n"
        "Une batterie neuve coûte trois cents euros. La batterie lithium perd de sa "
        "capacité en hiver. Les pistes cyclables de Paris accueillent les vélos "
        "électriques. Les pistes cyclables sécurisées rassurent les parents.\n"
    ),
    "cuisine": (
        "# La tarte aux pommes de grand-mère\n\n"
        "La pâte brisée maison demande du beurre froid. Étalez la pâte brisée dans un "
        "moule beurré. Les pommes golden fondent à la cuisson; les pommes reinettes "
        "gardent leur forme. Coupez les pommes golden en quartiers fins. La crème "
        "pâtissière vanillée couvre le fond de tarte. Le fond de tarte cuit à blanc "
        "dix minutes. La crème fraîche épaisse accompagne la tarte tiède. La tarte "
        "aux pommes de grand-mère se garde deux jours.\n"
    ),
    "budget": (
        "# Budget municipal\n\n"
        "Le conseil municipal s’est réuni jeudi soir pour examiner le budget de l’année "
        "prochaine. Les élus ont d’abord débattu du prix de la cantine, puis de l’entretien "
        "des écoles. Cependant, la rénovation de la piscine municipale reste la principale "
        "dépense prévue. En effet, le bassin de la piscine municipale date des années "
        "soixante-dix. Le conseil municipal votera le budget de l’année en décembre. "
        "Le prix de la cantine augmentera de deux pour cent.\n"
    ),
}


def _analysed(content: str, name: str) -> tuple[list[Sentence], list[list[Unit]]]:
    doc = parse_document(content, name)
    analysis = FrenchAnalysis(doc.body, _NEEDS, doc.source_map)
    title = doc.title.value if doc.title else ""
    emphasized = [units_of_text(title)] + [units_of_text(h.text) for h in doc.headings]
    return list(analysis.sentences), emphasized


def _documents() -> Iterator[Any]:
    for path in ("examples/article.md", "examples/brouillon.html"):
        yield pytest.param(ROOT / path, id=path)
    for path in sorted((ROOT / "tests" / "data" / "pages").glob("*.html")):
        yield pytest.param(path, id=path.name)


@pytest.mark.parametrize("path", list(_documents()))
def test_same_suggestions_as_the_reference_on_files(path: Path) -> None:
    sentences, emphasized = _analysed(path.read_text(encoding="utf-8"), path.name)
    expected = reference_suggest_keyphrases(sentences, emphasized)
    assert suggest_keyphrases(sentences, emphasized) == expected
    # the whole ranking, not only the five shown
    assert suggest_keyphrases(sentences, emphasized, _ALL) == reference_suggest_keyphrases(
        sentences, emphasized, _ALL
    )
    # without title or headings, every weight changes
    assert suggest_keyphrases(sentences, [], _ALL) == reference_suggest_keyphrases(
        sentences, [], _ALL
    )


def test_the_examples_have_suggestions() -> None:
    # the comparisons above are not of empty lists
    sentences, emphasized = _analysed(
        (ROOT / "examples" / "article.md").read_text(encoding="utf-8"), "article.md"
    )
    assert len(suggest_keyphrases(sentences, emphasized, _ALL)) > 5


@pytest.mark.parametrize("name", sorted(_TEXTS))
def test_same_suggestions_as_the_reference_on_french_texts(name: str) -> None:
    sentences, emphasized = _analysed(_TEXTS[name], f"{name}.md")
    expected = reference_suggest_keyphrases(sentences, emphasized, _ALL)
    assert expected, "a text written to have candidates"
    assert suggest_keyphrases(sentences, emphasized, _ALL) == expected
    assert suggest_keyphrases(sentences, emphasized) == expected[:5]


# --- synthetic sentences, without spaCy: any key, any count ---


def _sentence(words: Sequence[tuple[str, str, str]]) -> Sentence:
    """A sentence of (text, lemma, part of speech) words, as far as the suggestions read it."""
    tokens = []
    offset = 0
    for text, lemma, pos in words:
        tokens.append(Token(text, offset, offset + len(text), lemma, pos))
        offset += len(text) + 1
    element = SimpleNamespace(text=" ".join(w[0] for w in words))
    return cast(Sentence, SimpleNamespace(element=element, tokens=tuple(tokens)))


_VOCABULARY = (
    ("pont", "pont", "NOUN"),
    ("ponts", "pont", "NOUN"),
    ("Vieux", "vieux", "PROPN"),
    ("vieux", "vieux", "ADJ"),
    ("chantier", "chantier", "NOUN"),
    ("rue", "rue", "NOUN"),
    ("de", "de", "ADP"),
    ("d’", "de", "ADP"),
    ("la", "le", "DET"),
    ("Toulouse", "toulouse", "PROPN"),
    ("grand", "grand", "ADJ"),
    ("ferme", "fermer", "VERB"),
    ("a", "a", "NOUN"),  # too short to start a candidate
    (",", ",", "PUNCT"),
)


@pytest.mark.parametrize("seed", range(40))
def test_same_suggestions_as_the_reference_on_random_sentences(seed: int) -> None:
    rng = random.Random(seed)
    vocabulary = _VOCABULARY[: rng.randint(6, len(_VOCABULARY))]
    sentences = [
        _sentence([rng.choice(vocabulary) for _ in range(rng.randint(1, 12))])
        for _ in range(rng.randint(1, 60))
    ]
    emphasized = [units_of_text(rng.choice(["le pont", "la rue de Toulouse", ""]))]
    for limit in (5, _ALL):
        assert suggest_keyphrases(sentences, emphasized, limit) == reference_suggest_keyphrases(
            sentences, emphasized, limit
        )


# --- scaling: the work counted in Python calls, never timed ---


def _topic_sentences(topics: int) -> list[Sentence]:
    """``topics`` distinct subjects, each named in two sentences, as on a long page.

    Each topic gives candidates of one to three words (« rapport annuel de
    Dupont »), so the number of candidates grows with the text: what made the
    old code quadratic.
    """
    sentences = []
    for i in range(topics):
        noun, adjective, name = f"rapport{i}", f"annuel{i}", f"Dupont{i}"
        words = [
            ("Le", "le", "DET"),
            (noun, noun, "NOUN"),
            (adjective, adjective, "ADJ"),
            ("de", "de", "ADP"),
            (name, name.lower(), "PROPN"),
            ("paraît", "paraître", "VERB"),
        ]
        sentences.append(_sentence(words))
        sentences.append(
            _sentence([("Un", "un", "DET"), (noun, noun, "NOUN"), (".", ".", "PUNCT")])
        )
    return sentences


def _calls(function: Any, sentences: Sequence[Sentence]) -> int:
    """How many Python and C calls (generator steps included) ``function`` makes."""
    count = 0

    def profile(frame: FrameType, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        function(sentences, [], _ALL)
    finally:
        sys.setprofile(previous)
    return count


def test_the_work_grows_linearly_with_the_text() -> None:
    small, large = _topic_sentences(300), _topic_sentences(600)
    assert suggest_keyphrases(small, [], _ALL) == reference_suggest_keyphrases(small, [], _ALL)
    ratio = _calls(suggest_keyphrases, large) / _calls(suggest_keyphrases, small)
    assert ratio <= 2.2, f"twice the text made {ratio:.2f} times the calls"
    # the counter sees the quadratic code: the reference needs about four times the calls
    reference = _calls(reference_suggest_keyphrases, large) / _calls(
        reference_suggest_keyphrases, small
    )
    assert reference > 3.0, f"the reference made {reference:.2f} times the calls"


def test_a_title_word_with_a_ligature_gets_the_title_bonus() -> None:
    """« sœurs » in the title and « sœur » in the text are one word (the title weighs it)."""
    article = (
        "---\ntitle: Les sœurs Martin ouvrent une boutique\n---\n\n"
        "Le jardin de la place reste fermé. Sa sœur aînée tient la caisse. Le jardin ouvrira"
        " en mai. La sœur cadette coud les robes. Un jardin voisin fleurit déjà. Une sœur de"
        " leur mère les aide.\n"
    )
    report = seofr.analyze(
        article, select="keyphrase-length", config=False, input_format="markdown"
    )
    (shown,) = report.shown_of("keyphrase-length", "fr")
    assert "surtout de\u00a0: «\u00a0sœur\u00a0», «\u00a0jardin\u00a0»" in shown.message
