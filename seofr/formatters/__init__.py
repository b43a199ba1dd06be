"""Output formats. A formatter turns reports into text; it never recomputes anything."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from seofr.i18n import Lang
from seofr.report import Report


@dataclass(frozen=True)
class InputFailure:
    """A document that could not be read or configured, and why."""

    path: str
    message: str


@dataclass(frozen=True)
class Batch:
    """What one run produced: reports in input order and the inputs that failed."""

    reports: Sequence[Report]
    failures: Sequence[InputFailure] = ()


Formatter = Callable[[Batch, Lang, bool], str]


def get_formatter(name: str) -> Formatter:
    """The formatter called ``name`` (``text`` or ``json``)."""
    if name == "json":
        from seofr.formatters.json import format_json

        return format_json
    from seofr.formatters.text import format_text

    return format_text


FORMATS = ("text", "json")
