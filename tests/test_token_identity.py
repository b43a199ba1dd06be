"""seofr's French pipeline against ``spacy.load``'s, token by token.

:mod:`seofr.french.fastload` regroups the tokenizer's TOKEN_MATCH pattern and
reads the model's data its own way, and :mod:`seofr.french.rulebased` runs
the attribute ruler and the lemmatizer as tables; no analysis may see a
difference. Each text goes through
both pipelines, every component on, and each token must agree in offset, text,
whitespace, part of speech, tag, morphology, lemma, norm, sentence start and,
when the pipeline has the parser, dependency label and head.
The texts: the examples and fixture documents (raw, and the body text seofr
extracts from them), strings written to exercise the token match, and the body
text of every real page in ``.pages/`` when ``python -m benchmarks.corpus_pages``
has made it (about a minute more).

The stock pipeline (4 s and 500 MB more) is loaded here only, once for the
module, and after seofr's: loaded first, it would import spaCy's French module
the stock way and leave fastload nothing to replace there.
"""

from __future__ import annotations

import logging
import random
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seofr.document import parse_document
from seofr.french import fastload
from seofr.french.pipeline import MODEL, load_pipeline
from seofr.french.rulebased import RULE_BASED, rule_based

from .conftest import corpus_files, real_pages

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Hyphens, apostrophes, elisions, places, URLs and e-mail addresses: what the
# token match and the exceptions decide. Case varies because the pattern ignores it.
ADVERSARIAL = [
    "Aujourd'hui, aujourd’hui, AUJOURD'HUI et Aujourd’hui-même, il pleut.",
    "C'est-à-dire qu'il viendra peut-être ; c’est-à-dire, Peut-Être, PEUT-ÊTRE.",
    "Saint-Jean-de-Luz, Saint-Jean-Pied-de-Port, Sainte-Marie-aux-Mines et Val-d'Isère.",
    "Le Mesnil-Amelot, La Chapelle-en-Serval, Neuville-sur-Saône, Fontaine-l'Évêque.",
    "Vaux-le-Vicomte, Pierre-Bénite, Marie-Galante, Jean-Pierre et Louis-Philippe.",
    "Un anti-inflammatoire, des anti‐inflammatoires, l’ANTI-INFLAMMATOIRE, l'anti–âge.",
    "Le pet-en-l'air, le saut-de-ski, les droits-de-l'homme, le chef-d’œuvre, l'arc-en-ciel.",
    "Les États-Unis, un États-Unien, les états-uniennes, New-York, new-yorkais.",
    "Du hip-hop, un burn-out, un black-out, le by-pass, le fac-similé, un yo-yo.",
    "Entr'ouvert, entr’aperçu, grand'mère, grand’rue, prud'homme, prud’hommes, ch'tiis.",
    "Qu'est-ce que c'est ? Est-ce vrai ? A-t-il fini ? Va-t-en. Semble-t-il. Dit-elle.",
    "Il est né en 52 av. J.-C. ; M. et Mme Dupont, Dr. Martin, n° 12, St. Louis.",
    "Rendez-vous après-midi, au-delà, au-dessus, ci-dessous, celui-ci, elle-même.",
    "Le micro-ondes, la mini-jupe, le sous-sol, l'ex-président, le co-fondateur, l'éco-quartier.",
    "Écrivez à jean-pierre.dupont@exemple.fr ou à contact@anti-gaspi.fr.",
    "Voir https://fr.wikipedia.org/wiki/Saint-Jean-de-Luz et www.anti-gaspi.fr/l'offre.",
    "http://exemple.fr/c'est-à-dire?x=peut-être&y=aujourd'hui#anti-âge",
    "Les tirets : anti--inflammatoire, -anti, anti-, --, — et – ; l' ' ’ d’ qu'",
    "Mots-clés, week-end, e-mail, double-clic, porte-monnaie, garde-manger, rouge-gorge.",
    "L'ANTI-ÂGE, L’ÉCO-CONSTRUCTION, ÉTATS-UNIS, SAINT-JEAN-DE-LUZ, JUSQUE-LÀ.",
    "La ſanté anti-ſeul, le KELVIN-anti, İstanbul-anti et ﬁn-de-siècle.",
    "anti-inflammatoire\nsaut-de-ski\n\npeut-être\taujourd'hui\r\nc'est-à-dire",
    "(peut-être) «aujourd'hui» [anti-âge] {saut-de-ski} « Saint-Jean-de-Luz »",
    "Le 2e-3e étage, la 1ère-2e place, 10-15 %, COVID-19, l'A-380, le Boeing-747.",
    "Fleur-bleuisée, il zig-zaguait, googl-isé, google-isait, re-doublement, z'yeutez !",
]


def _rows(doc: Doc) -> list[tuple[Any, ...]]:
    return [
        (
            t.idx,
            t.text,
            t.whitespace_,
            t.pos_,
            t.tag_,
            str(t.morph),
            t.lemma_,
            t.norm_,
            t.is_sent_start,
            t.dep_,
            t.head.i,
        )
        for t in doc
    ]


def _seofrs(fast: Language, texts: list[str]) -> Iterator[Doc]:
    """``texts`` through the pipeline as seofr runs it: the rule-based components as tables."""
    tables = rule_based(fast, fast.pipe_names)
    assert tables is not None, "the table version of the rule-based components did not hold"
    for doc in fast.pipe(texts, batch_size=64, disable=list(RULE_BASED)):
        tables(doc)
        yield doc


def _compare(fast: Language, stock: Language, texts: list[str]) -> int:
    """Tokens compared; fails at the first token on which the pipelines disagree."""
    compared = 0
    for text, mine, theirs in zip(
        texts, _seofrs(fast, texts), stock.pipe(texts, batch_size=64), strict=True
    ):
        ours, spacys = _rows(mine), _rows(theirs)
        if ours != spacys:
            at = next(
                (i for i, (a, b) in enumerate(zip(ours, spacys, strict=False)) if a != b),
                min(len(ours), len(spacys)),
            )
            pytest.fail(
                f"token {at} of {text[:200]!r}:\n"
                f"  fastload   {ours[max(0, at - 2) : at + 3]}\n"
                f"  spacy.load {spacys[max(0, at - 2) : at + 3]}"
            )
        compared += len(ours)
    return compared


def _body_texts(paths: Iterable[Path]) -> Iterator[str]:
    """The text of every body element seofr extracts from ``paths`` (code blocks too)."""
    for path in paths:
        for element in parse_document(path.read_bytes(), str(path)).body:
            yield element.text


@pytest.fixture(scope="module")
def fast() -> Language:
    return load_pipeline()


@pytest.fixture(scope="module")
def stock(fast: Language) -> Language:
    import spacy

    # the process's pipeline has the parser when an earlier test needed dependencies
    parsed = "parser" in fast.component_names
    nlp = spacy.load(MODEL, exclude=["ner"] if parsed else ["ner", "parser"])
    nlp.enable_pipe("senter")
    return nlp


def test_the_fast_path_ran(fast: Language, stock: Language) -> None:
    """Else every comparison below compares spacy.load with itself."""
    import spacy

    if not fastload.validated(spacy.__version__):
        pytest.skip(f"spaCy {spacy.__version__} is not one fastload was validated with")
    ours = fast.tokenizer.token_match.__self__.pattern
    spacys = stock.tokenizer.token_match.__self__.pattern
    assert ours != spacys
    assert len(ours) < len(spacys) // 50
    assert fast.pipe_names == stock.pipe_names
    assert fast.tokenizer.rules == stock.tokenizer.rules


def test_examples_and_fixtures_tokenize_tag_and_lemmatize_alike(
    fast: Language, stock: Language
) -> None:
    files = corpus_files()
    raw = [p.read_bytes().decode("utf-8", errors="replace") for p in files]
    assert _compare(fast, stock, [*raw, *_body_texts(files)]) > 5_000


def test_adversarial_texts_tokenize_tag_and_lemmatize_alike(
    fast: Language, stock: Language
) -> None:
    assert _compare(fast, stock, ADVERSARIAL) > 300


@pytest.mark.skipif(not real_pages(), reason="no .pages/: run python -m benchmarks.corpus_pages")
def test_every_real_page_tokenizes_tags_and_lemmatizes_alike(
    fast: Language, stock: Language
) -> None:
    assert _compare(fast, stock, list(_body_texts(real_pages()))) > 100_000


_TAILS = ("-x", "-inflammatoire", "-Âge", "-l'eau", "-de-l’air", "-sur-Mer", "'ouvert", "-")


def _candidates() -> set[str]:
    """Strings to put to both token matches: every word-like piece of the texts above.

    The tokenizer asks the token match about a piece once prefixes and suffixes
    are cut off, so each piece comes whole, without its outer punctuation, and
    with its apostrophes and hyphens changed; spaCy's own list of 16,000
    hyphenated French words comes too, and their first parts before other ends.
    """
    from spacy.lang.fr._tokenizer_exceptions_list import FR_BASE_EXCEPTIONS

    texts = [*ADVERSARIAL, *(p.read_text(errors="replace") for p in corpus_files())]
    pieces = {piece for text in texts for piece in text.split()} | set(FR_BASE_EXCEPTIONS)
    # the first parts of spaCy's hyphenated words, each before other second parts
    firsts = {word.split("-")[0] for word in FR_BASE_EXCEPTIONS if "-" in word}
    pieces |= {f"{first}{tail}" for first in firsts for tail in _TAILS}
    found: set[str] = set()
    for piece in pieces:
        form = piece.strip(".,;:!?()[]{}«»\"'’")
        found |= {piece, form, form.upper(), form.replace("'", "’"), form.replace("-", "‐")}
    return found


def _sample(items: Any, rng: random.Random) -> str:
    """A string that the parsed regular expression ``items`` matches (the few forms spaCy uses)."""
    from re import _constants as c  # type: ignore[attr-defined]

    out: list[str] = []
    for op, arg in items:
        if op is c.LITERAL:
            out.append(chr(arg))
        elif op is c.IN:
            choices = [range(a[0], a[1] + 1) if o is c.RANGE else range(a, a + 1) for o, a in arg]
            assert all(o in (c.LITERAL, c.RANGE) for o, _ in arg), arg
            out.append(chr(rng.choice(rng.choice(choices))))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            low, high, sub = arg
            out.extend(_sample(sub, rng) for _ in range(rng.randint(low, min(high, low + 4))))
        elif op is c.SUBPATTERN:
            out.append(_sample(arg[-1], rng))
        elif op is c.BRANCH:
            out.append(_sample(rng.choice(arg[1]), rng))
        else:
            assert op is c.AT, (op, arg)
    return "".join(out)


def _generated(alternatives: list[str]) -> tuple[set[str], set[str]]:
    """Strings the alternatives match (20 drawn from each), and the same slightly changed."""
    from re import _parser  # type: ignore[attr-defined]

    rng = random.Random(14)
    samples: set[str] = set()
    changed: set[str] = set()
    for alternative in alternatives:
        parsed = _parser.parse(alternative)
        for _ in range(20):
            sample = _sample(parsed, rng)
            cut = rng.randrange(len(sample))
            samples.add(sample)
            changed |= {sample.upper(), sample[:cut] + sample[cut + 1 :], sample + "-"}
            changed |= {sample[:cut] + rng.choice("-'’ x.é") + sample[cut:], sample + "\n"}
    return samples, changed


def test_token_matches_agree_on_every_candidate(fast: Language, stock: Language) -> None:
    import spacy.lang.fr.tokenizer_exceptions as exceptions

    ours, spacys = fast.tokenizer.token_match, stock.tokenizer.token_match
    samples, changed = _generated(exceptions._regular_exp)
    # the samples reach every alternative of the pattern, not only its misses
    assert all(spacys(sample) for sample in samples)
    answers = {c: bool(spacys(c)) for c in samples | changed | _candidates()}
    differ = sorted(c for c, matched in answers.items() if bool(ours(c)) != matched)
    assert not differ, differ[:20]
    assert sum(answers.values()) > 50_000


def test_lemmatizer_tables_are_spacys() -> None:
    import spacy.util
    from spacy.lookups import Lookups

    folder = next(spacy.util.get_package_path(MODEL).glob("*/lemmatizer/lookups"))
    ours = fastload.read_lookups(folder / "lookups.bin")
    spacys = Lookups().from_disk(folder)
    assert ours.tables == spacys.tables
    for name in spacys.tables:
        mine, theirs = ours.get_table(name), spacys.get_table(name)
        assert type(mine) is type(theirs)
        assert mine.name == theirs.name
        assert list(mine.items()) == list(theirs.items())
        assert mine.bloom.to_bytes() == theirs.bloom.to_bytes()


# A pattern of the French one's shape: long classes at the start and end of
# alternatives, small ones and optional parts in between.
_LETTERS = "a-zà-ÿ" + "".join(chr(c) for c in range(0x100, 0x180))
_SMALL = "-‐'’"


def _toy_alternatives() -> list[str]:
    return [
        f"^anti[{_SMALL}][{_LETTERS}][{_SMALL}{_LETTERS}]*$",
        f"^(?:re)?doubles?[{_SMALL}][{_LETTERS}][{_SMALL}{_LETTERS}]*$",
        f"^entr[{_SMALL}][{_LETTERS}][{_SMALL}{_LETTERS}]*$",
        f"^hip[{_SMALL}]hop[{_LETTERS}]*$",
        f"^burn[{_SMALL}]out[{_LETTERS}]*$",
        f"^z[{_SMALL}]yeut[{_LETTERS}]+$",
        f"^[{_LETTERS}]+[{_SMALL}]de[{_SMALL}](?:l[{_SMALL}])?[{_LETTERS}]+$",
        f"^[{_LETTERS}]+[{_SMALL}]sur[{_SMALL}](?:l[{_SMALL}])?[{_LETTERS}]+$",
        "^J\\.-C\\.$",
    ]


def test_regrouped_pattern_matches_what_the_joined_one_matches() -> None:
    import re

    alternatives = _toy_alternatives()
    joined = "(?iu)" + "|".join(f"(?:{a})" for a in alternatives)
    regrouped = fastload.regrouped(joined, alternatives)
    assert regrouped is not None
    assert regrouped.count(f"[{_LETTERS}]") < joined.count(f"[{_LETTERS}]")
    original, cheap = re.compile(joined), re.compile(regrouped)
    samples, changed = _generated(alternatives)
    assert all(original.match(sample) for sample in samples)
    rng = random.Random(14)
    pieces = ["anti", "doubles", "entr", "hip", "hop", "out", "de", "sur", "l", "J.", "C."]
    noise = {
        "".join(rng.choice([*pieces, *"azéÀſK-‐'’ \n."]) for _ in range(rng.randint(1, 6)))
        for _ in range(20_000)
    }
    for candidate in samples | changed | noise:
        assert bool(original.match(candidate)) == bool(cheap.match(candidate)), candidate


@pytest.mark.parametrize(
    "alternatives",
    [
        # not anchored
        [f"anti[{_SMALL}][{_LETTERS}]+$"],
        # a reference to a group, which regrouping would renumber
        [f"^(a)\\1[{_LETTERS}]+$"],
        # a quantifier the cut would separate from its class
        [f"^[{_LETTERS}]+?x[{_LETTERS}]$"],
        # a cut inside a group: the middle is no expression on its own
        [f"^x(?:[{_LETTERS}]|y)$"],
        # a bar outside parentheses: a|b then c is not (a|b)c
        [f"^a|b[{_LETTERS}]+$"],
        # an escaped bracket, no class: the cut would leave a backslash behind
        [f"^a\\[{_LETTERS}]$"],
    ],
)
def test_regrouped_refuses_what_it_cannot_prove(alternatives: list[str]) -> None:
    joined = "(?iu)" + "|".join(f"(?:{a})" for a in alternatives)
    assert fastload.regrouped(joined, alternatives) is None


def test_regrouped_refuses_a_pattern_other_than_the_join() -> None:
    alternatives = _toy_alternatives()
    joined = "(?iu)" + "|".join(f"(?:{a})" for a in alternatives)
    assert fastload.regrouped(joined + "|(?:x)", alternatives) is None
    assert fastload.regrouped(joined.replace("(?iu)", "(?u)"), alternatives) is None


@pytest.mark.parametrize("unvalidated", ["spacy", "model"])
def test_other_versions_load_through_spacy_load(
    unvalidated: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import spacy

    if unvalidated == "spacy":
        monkeypatch.setattr(fastload, "VALIDATED_SPACY", frozenset({"0.0.0"}))
    else:
        monkeypatch.setattr(fastload, "VALIDATED_MODELS", {MODEL: frozenset({"0.0.0"})})
    calls: list[tuple[str, list[str]]] = []
    sentinel = object()

    def stock_load(name: str, exclude: list[str]) -> object:
        calls.append((name, exclude))
        return sentinel

    monkeypatch.setattr(spacy, "load", stock_load)
    caplog.set_level(logging.DEBUG, logger=fastload.__name__)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert fastload.load(MODEL, ["ner", "parser"]) is sentinel
    assert calls == [(MODEL, ["ner", "parser"])]
    assert caplog.records, "the fallback leaves a debug line"
    assert all(r.levelno <= logging.DEBUG for r in caplog.records)


def test_seofr_runs_the_rule_based_components_as_tables(fast: Language) -> None:
    from seofr.french import pipeline
    from seofr.french.needs import Need

    enabled = [name for name in fast.pipe_names if name != "parser"]
    assert pipeline._rule_based(fast, enabled) is not None
    # without lemmas the ruler is not followed by the lemmatizer: spaCy's own run
    assert pipeline._rule_based(fast, enabled[:-1]) is None
    ((_, doc),) = next(pipeline.process(["Les poules couvent leurs œufs."], {Need.LEMMAS}))
    assert [t.lemma_ for t in doc] == ["le", "poule", "couver", "leur", "œuf", "."]
    assert [t.tag_ for t in doc][:3] == ["DET", "NOUN", "VERB"]


def test_a_ruler_pattern_the_tables_cannot_stand_for_leaves_spacys_component(
    fast: Language,
) -> None:
    from types import SimpleNamespace

    from seofr.french import rulebased

    ruler = fast.get_pipe("attribute_ruler")
    two_tokens = [
        {"patterns": [[{"POS": "DET"}, {"POS": "NOUN"}]], "attrs": {"TAG": "X"}, "index": 0}
    ]
    by_shape = SimpleNamespace(patterns=two_tokens, attrs=ruler.attrs[:1])
    with pytest.raises(rulebased._UnsupportedError):
        rulebased._ruler_table(by_shape, fast.vocab.strings)
    lowercase = [{"patterns": [[{"LOWER": "le"}]], "attrs": {"TAG": "X"}, "index": 0}]
    by_attribute = SimpleNamespace(patterns=lowercase, attrs=ruler.attrs[:1])
    with pytest.raises(rulebased._UnsupportedError):
        rulebased._ruler_table(by_attribute, fast.vocab.strings)


def test_tables_that_disagree_with_spacy_on_the_probe_are_not_used(
    fast: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    from seofr.french import rulebased

    real = rulebased.RuleBased.__call__

    def off_by_one_lemma(self: rulebased.RuleBased, doc: Doc) -> None:
        real(self, doc)
        doc[0].lemma_ = "autre"

    monkeypatch.setattr(rulebased.RuleBased, "__call__", off_by_one_lemma)
    assert rulebased.rule_based(fast, fast.pipe_names) is None
    monkeypatch.undo()
    assert rulebased.rule_based(fast, fast.pipe_names) is not None


def test_the_lemma_cache_starts_afresh_instead_of_growing(
    fast: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    from seofr.french import rulebased

    monkeypatch.setattr(rulebased, "LEMMAS_KEPT", 5)
    tables = rulebased.rule_based(fast, fast.pipe_names)
    assert tables is not None
    text = "Les poules couvent leurs œufs dans le poulailler depuis trois semaines."
    for doc in fast.pipe([text, text], disable=list(RULE_BASED)):
        tables(doc)
        assert [t.lemma_ for t in doc][:4] == ["le", "poule", "couver", "leur"]
        assert len(tables.lemmas) <= 5


_PIECES = [
    "le", "Chat", "DORT", "l'", "’", "aujourd'hui", " ", "  ", "\n", "\n\n", "\t", "\u00a0",
    "\u202f", "😀", "東京", "مرحبا", "Ωmega", "12", "3,5", "€", "%", "«", "»", "—", "...", "!",
    "?", ";", "https://x.fr/a-b", "a@b.fr", "x²", "ﬁn", "İ", "ß", "e\u0301", "\u200b", "\r\n",
    "etc.", "p.", "pomme", "mangées", "fûmes", "vitraux", "SNCF", "iPhone", "snake_case", "<b>",
    "&amp;", "#tag", "C++", "3e", "1ère", "XIVe",
]  # fmt: skip


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map(" ".join))
def test_tables_annotate_any_text_as_spacys_components_do(
    fast: Language, stock: Language, text: str
) -> None:
    # fails at the first token on which seofr's pipeline and spaCy's disagree
    _compare(fast, stock, [text])
