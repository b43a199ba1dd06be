"""What a rule is: the API the built-in rules and third-party plugins implement.

A rule is a class with a stable kebab-case ``name``, a short ``code``, a
``category``, a default ``severity``, an ``Options`` dataclass whose fields are
its options with their defaults, the French NLP analyses it ``needs``, bilingual
``templates`` for what it reports, and a ``check`` generator. The docstring
is the rule's detailed description in English and holds its pass and fail
examples: fenced blocks whose info string is ``<format> <status> [option=value …]``,
e.g. ``md fail min-words=20``; they run as tests and make the rule reference in
``docs/rules.md``. ``description_fr`` is the same description in French, without
the examples (they are shared by both languages).

``check`` yields :class:`Violation` objects made with :meth:`Rule.fail`,
:meth:`Rule.warn` and :meth:`Rule.info`, and optionally one :class:`Score` (a
continuous score in [0, 1]) or :class:`Skip`. The engine, not the rule, stamps
names, codes, severities and positions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from seofr.french.needs import Need
from seofr.i18n import Param, Template, Text
from seofr.verdicts import Level, Severity

if TYPE_CHECKING:
    from seofr.context import Context
    from seofr.document.model import Document, Edit, Span


@dataclass(frozen=True, slots=True)
class Violation:
    """One thing wrong, as a rule reports it: a template key, its level and values,
    and the edits of the source that would fix it."""

    key: str
    level: Level
    span: Span | None = None
    params: Mapping[str, Param] = field(default_factory=dict)
    edits: tuple[Edit, ...] = ()

    def with_edits(self, edits: Iterable[Edit | None]) -> Violation:
        """The same violation carrying ``edits`` (the ``None`` among them left out),
        the replacements of the source that fix it: ``self.fail(...).with_edits(...)``."""
        return replace(self, edits=tuple(e for e in edits if e is not None))


@dataclass(frozen=True, slots=True)
class Score:
    """A rule's own score in [0, 1], when pass/warn/fail is too coarse."""

    value: float


@dataclass(frozen=True, slots=True)
class Skip:
    """The rule does not apply to this document (not counted in the score)."""

    key: str
    params: Mapping[str, Param] = field(default_factory=dict)


Emitted = Violation | Score | Skip


@dataclass(frozen=True, slots=True)
class NoOptions:
    """The options of a rule that has none."""


OptionsT = TypeVar("OptionsT")


def option(
    default: Any, *, fr: str, en: str, low: float | None = None, high: float | None = None
) -> Any:
    """An option field of a rule's ``Options`` dataclass, documented in both languages.

    A number is checked against ``low`` and ``high`` when given; without ``low``,
    an option whose default is not negative refuses negative values.
    """
    metadata: dict[str, Any] = {"doc": Text(fr=fr, en=en)}
    if low is not None:
        metadata["low"] = low
    if high is not None:
        metadata["high"] = high
    return field(default=default, metadata=metadata)


class Rule(Generic[OptionsT]):
    """Base class of every rule. Subclasses set the class attributes and ``check``."""

    name: ClassVar[str]
    code: ClassVar[str]
    category: ClassVar[str]
    summary: ClassVar[Text]
    description_fr: ClassVar[str] = ""
    """The detailed description in French: what the docstring says in English, its
    examples left out. Indentation is removed as for a docstring; empty, French
    output points to the English description."""
    severity: ClassVar[Severity] = Severity.WARNING
    needs: ClassVar[frozenset[Need]] = frozenset()
    Options: ClassVar[type[Any]] = NoOptions
    templates: ClassVar[Mapping[str, Template]] = {}

    def check(self, doc: Document, ctx: Context, options: OptionsT) -> Iterator[Emitted]:
        """Yield the violations of ``doc``; see the module docstring."""
        raise NotImplementedError

    def at(self, level: Level, key: str, span: Span | None = None, **params: Param) -> Violation:
        """A violation at ``level``, for rules that compute it."""
        return Violation(key, level, span, params)

    def fail(self, key: str, span: Span | None = None, **params: Param) -> Violation:
        """A violation that makes the rule fail."""
        return Violation(key, Level.FAIL, span, params)

    def warn(self, key: str, span: Span | None = None, **params: Param) -> Violation:
        """A violation that makes the rule warn."""
        return Violation(key, Level.WARN, span, params)

    def info(self, key: str, span: Span | None = None, **params: Param) -> Violation:
        """A remark that does not change the rule's status."""
        return Violation(key, Level.INFO, span, params)

    @classmethod
    def skip(cls, key: str, **params: Param) -> Skip:
        """The rule does not apply; ``key`` names the template explaining why."""
        return Skip(key, params)
