"""Finding rules and profiles through entry points.

Rules register under the entry-point group ``seofr.rules``: the entry point
names either a :class:`~seofr.rule.Rule` subclass or a callable returning an
iterable of them. Profiles register under ``seofr.profiles``: the entry point
names a callable returning a directory (a path or an ``importlib.resources``
traversable) of ``*.toml`` files. The built-in rules use these groups exactly
as a third-party package would.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import EntryPoint, entry_points
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from seofr.errors import ConfigError
from seofr.rule import Rule

RULES_GROUP = "seofr.rules"
PROFILES_GROUP = "seofr.profiles"

AnyRule = type[Rule[Any]]


class PluginWarning(UserWarning):
    """A rule plugin could not be loaded and was skipped."""


@dataclass(frozen=True)
class Registry:
    """Every rule and profile found, by name, and the plugins that failed to load."""

    rules: dict[str, AnyRule]
    origins: dict[str, str]
    profiles: dict[str, Traversable | Path]
    load_errors: tuple[str, ...] = field(default=())

    def by_code(self) -> dict[str, AnyRule]:
        """The rules keyed by their code."""
        return {rule.code: rule for rule in self.rules.values()}

    def matching(self, selector: str) -> list[str]:
        """Names of the rules a selector designates: ``ALL``, a name, a code or a code prefix."""
        if selector.upper() == "ALL":
            return list(self.rules)
        if selector in self.rules:
            return [selector]
        prefix = selector.upper()
        return [name for name, rule in self.rules.items() if rule.code.upper().startswith(prefix)]


def _distribution(ep: EntryPoint) -> str:
    dist = ep.dist
    return dist.name if dist is not None else ep.value


def _rules_of(obj: object) -> Iterator[AnyRule]:
    candidates: Iterable[object]
    if isinstance(obj, type):
        candidates = [obj]
    elif callable(obj):
        candidates = obj()
    else:
        raise TypeError(f"{obj!r} is neither a rule class nor a callable returning rules")
    for candidate in candidates:
        if not (isinstance(candidate, type) and issubclass(candidate, Rule)):
            raise TypeError(f"{candidate!r} is not a subclass of seofr.rule.Rule")
        yield candidate


def build_registry(
    rule_entry_points: Iterable[EntryPoint], profile_entry_points: Iterable[EntryPoint]
) -> Registry:
    """Load rules and profiles from entry points.

    A plugin that fails to import is skipped with a :class:`PluginWarning`; two
    rules sharing a name or a code is a :class:`ConfigError` naming both packages.
    """
    rules: dict[str, AnyRule] = {}
    origins: dict[str, str] = {}
    codes: dict[str, str] = {}
    errors: list[str] = []
    for ep in sorted(rule_entry_points, key=lambda e: (e.value, e.name)):
        package = _distribution(ep)
        try:
            loaded = list(_rules_of(ep.load()))
        except Exception as exc:  # a broken plugin must not break the others
            summary = str(exc).splitlines()[0] if str(exc) else ""
            message = (
                f"rule plugin {ep.name!r} ({package}) skipped: {type(exc).__name__}: {summary}"
            )
            errors.append(message)
            warnings.warn(message, PluginWarning, stacklevel=2)
            continue
        for rule in loaded:
            clash = rule.name if rule.name in rules else codes.get(rule.code)
            if clash is not None:
                raise ConfigError(
                    f"rules {clash!r} ({origins[clash]}) and {rule.name!r} ({package})"
                    f" share a name or the code {rule.code!r}"
                )
            rules[rule.name] = rule
            codes[rule.code] = rule.name
            origins[rule.name] = package
    profiles: dict[str, Traversable | Path] = {}
    for ep in profile_entry_points:
        folder = _load_profile_dir(ep)
        if folder is None:
            errors.append(f"profile plugin {ep.name!r} ({_distribution(ep)}) skipped")
            continue
        for item in folder.iterdir():
            if item.name.endswith(".toml"):
                profiles.setdefault(item.name.removesuffix(".toml"), item)
    return Registry(dict(sorted(rules.items())), origins, profiles, tuple(errors))


def _load_profile_dir(ep: EntryPoint) -> Traversable | Path | None:
    try:
        provider: Callable[[], Traversable | Path] = ep.load()
        return provider()
    except Exception:  # a broken plugin must not break the others
        return None


@cache
def registry() -> Registry:
    """The registry of this process, built once from the installed entry points."""
    return build_registry(entry_points(group=RULES_GROUP), entry_points(group=PROFILES_GROUP))
