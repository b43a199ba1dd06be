"""spaCy's French pipeline loaded without its avoidable costs, token for token the same.

``spacy.load("fr_core_news_md", exclude=["ner", "parser"])`` takes 3.9 s here,
1.9 s of it compiling one regular expression (``docs/cold-start.md`` has the
measures). This loader skips three things that produce nothing an analysis sees:

- **Compiling the French ``TOKEN_MATCH``** (1.9 s).
  ``spacy.lang.fr.tokenizer_exceptions`` joins 266 anchored alternatives into
  one 1.45 MB pattern and compiles it on import: every alternative repeats
  Unicode letter classes of 1,100 to 3,100 characters, which ``re`` parses and
  optimizes again each time (spaCy issues #2679 and #3046). The model's
  tokenizer file holds the same pattern, compiled again by
  ``Tokenizer.from_bytes`` (free only because ``re`` caches it). Here, while
  that module is imported, its ``re.compile`` gets the same alternatives
  regrouped by shared start and end, ``^(?:m1|m2|…)[letters]+$``: concatenation
  distributes over alternation, so the regrouped pattern matches exactly the
  strings the original matches (the tokenizer only asks whether it matches),
  and each letter class is written a handful of times (0.05 s). The model's
  tokenizer is then read with that pattern in place of its own.
- **Reading the model's 713,000 strings** (0.5 s). ``vocab/strings.json`` only
  lets a hash be turned back into a string that no text brought; every string
  an analysis reads (token texts, lemmas, tags, morphology, norms) is added to
  the string store when the pipeline sets it, whether the file was read or not.
  So ``nlp.vocab.strings`` holds the strings of the texts processed, not the
  model's whole vocabulary: ask the lemmatizer's tables, not the string store,
  whether a word is known.
- **Filling the lemmatizer's tables one Python call at a time** (0.25 s of 0.6 s).
  ``Lookups.from_bytes`` sets each item through ``Table.__setitem__``, 217,000
  calls for ``lemma_lookup``; here the same keys, values and Bloom filter are
  set without that dispatch. All four tables are read: the rule lemmatizer
  uses every one.

Everything else is spaCy's own loading (``load_model_from_config``,
``Language.from_disk``). The fast path runs only for the spaCy and model
versions with which ``tests/test_token_identity.py`` found it identical to
``spacy.load`` (tokens, whitespace, tags, morphology, lemmas, norms, sentence
starts); with any other, ``spacy.load`` itself runs. The regrouped pattern is
used only when the pattern spaCy builds is, character for character, the join
of the alternatives it was regrouped from, each of a shape the regrouping
provably keeps; else the original is compiled.
"""

from __future__ import annotations

import builtins
import importlib.abc
import importlib.machinery
import importlib.util
import logging
import re
import sys
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

logger = logging.getLogger(__name__)

# The versions tests/test_token_identity.py was run against: add one only after running it.
VALIDATED_SPACY = frozenset({"3.8.18"})
VALIDATED_MODELS: Mapping[str, frozenset[str]] = {"fr_core_news_md": frozenset({"3.8.0"})}

EXCEPTIONS_MODULE = "spacy.lang.fr.tokenizer_exceptions"
# how that module joins its alternatives into TOKEN_MATCH's pattern
_FLAGS = "(?iu)"
# A bracketed character class: a ``]`` first in the class or escaped is a
# member, as in ``re``'s own parser.
_CLASS = r"\[\^?\]?[^\\\]]*(?:\\.[^\\\]]*)*\]"
_CLASS_RE = re.compile(_CLASS + "[*+?]?")
# What decides where a regular expression's pieces begin and end: escapes,
# classes, parentheses and bars; a backslash or bracket left over is no
# expression at all.
_LEXEME_RE = re.compile(rf"\\.|{_CLASS}|[()|]|[^\\()|\[]+|.", re.DOTALL)
# The letter classes run from 1,100 to 3,100 characters; hyphens and apostrophes, 2 to 7.
_LONG_CLASS = 64
_QUANTIFIERS = ("*", "+", "?", "{")
# Groups are renumbered once alternatives merge: what refers to one by number or name is refused.
_REFERENCE_RE = re.compile(r"\\[1-9]")
_REFERENCES = ("(?P=", "(?(", "(?P<")

_equivalents: dict[str, str] = {}


def _split(alternative: str) -> tuple[str, str, str] | None:
    """``alternative`` cut into its leading letter class, its middle and its tail.

    The tail starts at the first long class after the lead; each cut falls
    between two whole regular expressions, so the three concatenated are the
    alternative. ``None`` when the alternative is not of that shape.
    """
    if not alternative.startswith("^"):
        return None
    body = alternative[1:]
    long_classes = (m for m in _CLASS_RE.finditer(body) if m.end() - m.start() > _LONG_CLASS)
    first = next(long_classes, None)
    lead = ""
    if first is not None and first.start() == 0:
        lead = body[: first.end()]
        first = next(long_classes, None)
    cut = len(body) if first is None else first.start()
    middle, tail = body[len(lead) : cut], body[cut:]
    if middle.startswith(_QUANTIFIERS) or tail.startswith(_QUANTIFIERS):
        return None
    return lead, middle, tail


def _sequence(part: str) -> bool:
    """Whether ``part`` is a sequence of whole expressions, so that ``ab(?:c|d)`` is ``abc|abd``.

    No parenthesis left open or closed too soon, no bar outside parentheses,
    no backslash or bracket left over; a quantifier first is refused by the caller.
    """
    depth = 0
    for lexeme in _LEXEME_RE.findall(part):
        if lexeme == "(":
            depth += 1
        elif lexeme == ")":
            depth -= 1
            if depth < 0:
                return False
        elif (lexeme == "|" and depth == 0) or lexeme in ("\\", "["):
            return False
    return depth == 0


def regrouped(pattern: str, alternatives: object) -> str | None:
    """A pattern matching exactly the strings ``pattern`` matches, cheap to compile.

    ``pattern`` must be ``alternatives`` joined as spaCy joins them, each
    alternative ``^``-anchored; else ``None``.
    """
    if pattern in _equivalents:
        return _equivalents[pattern]
    if not isinstance(alternatives, list) or not all(isinstance(a, str) for a in alternatives):
        return None
    if pattern != _FLAGS + "|".join(f"(?:{a})" for a in alternatives):
        return None
    if _REFERENCE_RE.search(pattern) or any(r in pattern for r in _REFERENCES):
        return None
    groups: dict[tuple[str, str], list[str]] = {}
    for alternative in alternatives:
        parts = _split(alternative)
        if parts is None:
            return None
        lead, middle, tail = parts
        groups.setdefault((lead, tail), []).append(middle)
    pieces = {piece for (lead, tail), middles in groups.items() for piece in (lead, tail, *middles)}
    if not all(_sequence(piece) for piece in pieces):
        return None
    result = (
        _FLAGS
        + "^(?:"
        + "|".join(
            lead + "(?:" + "|".join(f"(?:{m})" for m in middles) + ")" + tail
            for (lead, tail), middles in groups.items()
        )
        + ")"
    )
    _equivalents[pattern] = result
    return result


class _RegexShim:
    """``re`` as the exceptions module sees it: its one ``compile`` gets the regrouped pattern."""

    def __init__(self, namespace: dict[str, Any]) -> None:
        self._namespace = namespace

    def compile(self, pattern: Any, flags: int = 0) -> re.Pattern[Any]:
        if isinstance(pattern, str) and flags == 0:
            cheap = regrouped(pattern, self._namespace.get("_regular_exp"))
            if cheap is not None:
                return re.compile(cheap)
            logger.debug("%s: TOKEN_MATCH not of the expected form, compiled as is", __name__)
        return re.compile(pattern, flags)

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)


class _ExceptionsLoader(importlib.machinery.SourceFileLoader):
    """Runs spaCy's own exceptions module, with :class:`_RegexShim` for its ``import re``."""

    def exec_module(self, module: ModuleType) -> None:
        code = self.get_code(module.__name__)
        if code is None:
            raise ImportError(f"no code for {module.__name__}", name=module.__name__)
        namespace = module.__dict__
        shim = _RegexShim(namespace)

        def importer(
            name: str,
            scope: Mapping[str, object] | None = None,
            local_scope: Mapping[str, object] | None = None,
            fromlist: Sequence[str] | None = (),
            level: int = 0,
        ) -> Any:
            if name == "re" and level == 0 and not fromlist:
                return shim
            return builtins.__import__(name, scope, local_scope, fromlist or (), level)

        namespace["__builtins__"] = {**builtins.__dict__, "__import__": importer}
        try:
            exec(code, namespace)
        finally:
            namespace["__builtins__"] = builtins.__dict__
            if namespace.get("re") is shim:
                namespace["re"] = re


class _ExceptionsFinder(importlib.abc.MetaPathFinder):
    """Finds spaCy's French exceptions module where it is, to be run by :class:`_ExceptionsLoader`."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != EXCEPTIONS_MODULE:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if (
            spec is None
            or spec.origin is None
            or type(spec.loader) is not importlib.machinery.SourceFileLoader
        ):
            return None
        loader = _ExceptionsLoader(fullname, spec.origin)
        return importlib.util.spec_from_file_location(fullname, spec.origin, loader=loader)


@contextmanager
def _exceptions_hook() -> Iterator[None]:
    """While inside, importing spaCy's French exceptions compiles the regrouped TOKEN_MATCH."""
    finder = _ExceptionsFinder()
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)


def _tokenizer_bytes(path: Path) -> bytes:
    """The model's serialized tokenizer, its TOKEN_MATCH pattern regrouped when it can be."""
    import srsly  # type: ignore[import-untyped]

    data_bytes = path.read_bytes()
    data = srsly.msgpack_loads(data_bytes)
    pattern = data.get("token_match")
    if not isinstance(pattern, str):
        return data_bytes
    module = sys.modules.get(EXCEPTIONS_MODULE)
    cheap = regrouped(pattern, getattr(module, "_regular_exp", None))
    if cheap is None:
        logger.debug("%s: the model's TOKEN_MATCH is not spaCy's, compiled as is", path)
        return data_bytes
    data["token_match"] = cheap
    result: bytes = srsly.msgpack_dumps(data)
    return result


def _table(name: str, data: Mapping[Any, Any]) -> Any:
    """``Table(name, data)``, filled without a Python call per item."""
    from preshed.bloom import BloomFilter  # type: ignore[import-untyped]
    from spacy.lookups import Table
    from spacy.strings import get_string_id

    table = Table(name=name, data={})
    # sized as Table(name, data) sizes it
    table.bloom = BloomFilter.from_error_rate(max(len(data), 1))
    put: Callable[[Any, Any, Any], None] = OrderedDict.__setitem__
    add = table.bloom.add
    for key, value in data.items():
        # the model's keys are already hashes; a string is hashed as Table.__setitem__ would
        hashed = key if type(key) is int else get_string_id(key)
        put(table, hashed, value)
        add(hashed)
    return table


def read_lookups(path: Path, lookups: Any = None) -> Any:
    """The tables of a ``lookups.bin`` into ``lookups`` (a new ``Lookups`` if ``None``).

    The same tables as ``Lookups.from_disk`` (which leaves them as they are
    when the file does not exist).
    """
    import srsly
    from spacy.lookups import Lookups

    if lookups is None:
        lookups = Lookups()
    if not path.exists():
        return lookups
    for name in list(lookups.tables):
        lookups.remove_table(name)
    for name, data in srsly.msgpack_loads(path.read_bytes()).items():
        lookups.set_table(name, _table(name, data))
    return lookups


def _read_lemmatizer(lemmatizer: Any, path: Path) -> None:
    """What ``Lemmatizer.from_disk`` reads (its lookups), checked as it checks them."""
    read_lookups(path / "lookups" / "lookups.bin", lemmatizer.lookups)
    required, _ = lemmatizer.get_lookups_config(lemmatizer.mode)
    missing = [name for name in required if not lemmatizer.lookups.has_table(name)]
    if missing:
        raise ValueError(
            f"lemmatizer {lemmatizer.name}: mode {lemmatizer.mode!r} needs the tables"
            f" {', '.join(missing)}, absent from {path}"
        )


def validated(spacy_version: str) -> bool:
    """Whether the fast path was checked against this spaCy."""
    return spacy_version in VALIDATED_SPACY


def load(model: str, exclude: Sequence[str]) -> Language:
    """``spacy.load(model, exclude=exclude)``, faster for the validated versions.

    The same pipeline but for its string store, which starts without the model's
    strings (see the module's documentation).
    """
    import spacy
    import spacy.util
    from spacy.about import __version__

    if not validated(__version__) or model not in VALIDATED_MODELS:
        logger.debug("spaCy %s, %s: loaded by spacy.load", __version__, model)
        return spacy.load(model, exclude=list(exclude))
    if not spacy.util.is_package(model):
        # spacy.load raises the error a user expects for a missing model
        return spacy.load(model, exclude=list(exclude))
    package = spacy.util.get_package_path(model)
    meta = spacy.util.get_model_meta(package)
    if meta.get("version") not in VALIDATED_MODELS[model]:
        logger.debug("%s %s: loaded by spacy.load", model, meta.get("version"))
        return spacy.load(model, exclude=list(exclude))
    # the steps of spacy.util.load_model_from_init_py and load_model_from_path
    data = package / f"{meta['lang']}_{meta['name']}-{meta['version']}"
    config = spacy.util.load_config(data / "config.cfg")
    with _exceptions_hook():
        nlp: Language = spacy.util.load_model_from_config(config, meta=meta, exclude=exclude)
    # "strings" reaches Vocab.from_disk: every string an analysis reads is added as it is set
    nlp.from_disk(data, exclude=[*exclude, "tokenizer", "lemmatizer", "strings"])
    tokenizer: Any = nlp.tokenizer
    tokenizer.from_bytes(_tokenizer_bytes(data / "tokenizer"), exclude=["vocab"])
    if "lemmatizer" in nlp.component_names:
        _read_lemmatizer(nlp.get_pipe("lemmatizer"), data / "lemmatizer")
    return nlp
