"""Configuration: layers merged in order, validated against the registered rules.

Layers, later wins: the profile → ``[tool.seofr]`` in ``pyproject.toml`` or
``seofr.toml`` (the nearest one found upward from the checked file) → the
``seofr:`` table of the front matter → command-line flags or API arguments.
Each layer is a mapping with the keys of :data:`TOP_LEVEL_KEYS`; per-rule
settings live under ``rules.<rule-name>``: ``severity``, ``weight`` and the
rule's own options, written in kebab-case. ``select`` from a later layer
replaces the earlier one; ``ignore`` and ``extend-select`` accumulate.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import tomllib
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path, PurePath
from types import MappingProxyType
from typing import Any

from seofr.errors import ConfigError
from seofr.i18n import LANGS, Lang
from seofr.registry import AnyRule, Registry
from seofr.verdicts import Severity

DEFAULT_PROFILE = "article"
RULE_SETTINGS = frozenset({"severity", "weight"})
TOP_LEVEL_KEYS = frozenset(
    {
        "profile",
        "description",
        "select",
        "extend-select",
        "ignore",
        "per-file-ignores",
        "fail-under",
        "lang",
        "base-url",
        "reading-speed",
        "derivations",
        "paths",
        "rules",
    }
)


@dataclass(frozen=True)
class Layer:
    """One source of settings and where it comes from, for error messages."""

    origin: str
    values: Mapping[str, Any]
    root: Path | None = None  # the folder per-file-ignores globs are relative to


@dataclass(frozen=True)
class RuleConfig:
    """How one rule runs for a document."""

    options: Any
    severity: Severity
    weight: float


@dataclass(frozen=True)
class Settings:
    """The effective configuration for one document."""

    profile: str
    fail_under: float
    lang: Lang
    base_url: str | None
    reading_speed: int
    rules: dict[str, RuleConfig]
    derivations: bool = False
    paths: tuple[str, ...] = ()
    origins: tuple[str, ...] = field(default=())


def _kebab(name: str) -> str:
    return name.replace("_", "-")


def _type_name(tp: Any) -> str:
    return getattr(tp, "__name__", None) or str(tp)


def _coerce(value: Any, tp: Any, where: str) -> Any:
    """Check ``value`` against an option's type; lists become tuples."""
    origin = typing.get_origin(tp)
    if tp is bool:
        ok = isinstance(value, bool)
    elif tp is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif tp is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        value = float(value) if ok else value
    elif tp is str:
        ok = isinstance(value, str)
    elif origin in (tuple, list, frozenset):
        (item_type, *_) = typing.get_args(tp) or (Any,)
        if not isinstance(value, list | tuple):
            raise ConfigError(f"{where}: expected a list, got {value!r}")
        items = tuple(_coerce(v, item_type, where) for v in value)
        return frozenset(items) if origin is frozenset else items
    elif origin in (typing.Union, types.UnionType):
        for option in typing.get_args(tp):
            if option is type(None) and value is None:
                return None
            try:
                return _coerce(value, option, where)
            except ConfigError:
                continue
        ok = False
    else:
        ok = True
    if not ok:
        raise ConfigError(f"{where}: expected {_type_name(tp)}, got {value!r}")
    return value


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
    return tuple(value)


def _number(value: Any, where: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise ConfigError(f"{where}: expected a number from {low:g} to {high:g}, got {value!r}")
    return float(value)


def _validate_selectors(selectors: Sequence[str], registry: Registry, where: str) -> None:
    for selector in selectors:
        if not registry.matching(selector):
            raise ConfigError(f"{where}: no rule matches {selector!r} (see `seofr rules`)")


@lru_cache(maxsize=1024)
def _option_fields(options: type[Any]) -> tuple[dict[str, dataclasses.Field[Any]], dict[str, Any]]:
    # type hints are costly to evaluate and every document resolves every rule
    return {_kebab(f.name): f for f in dataclasses.fields(options)}, typing.get_type_hints(options)


def rule_options(rule: AnyRule, values: Mapping[str, Any], where: str) -> Any:
    """Build the rule's ``Options`` instance from kebab-case ``values``."""
    fields, hints = _option_fields(rule.Options)  # type: ignore[arg-type]
    kwargs: dict[str, Any] = {}
    for key, value in values.items():
        if key not in fields:
            known = ", ".join(sorted(fields)) or "none"
            raise ConfigError(
                f"{where}: rule {rule.name!r} has no option {key!r} (options: {known})"
            )
        name = fields[key].name
        kwargs[name] = _coerce(value, hints[name], f"{where}.{key}")
    return rule.Options(**kwargs)


def load_toml(path: Path | Traversable, origin: str | None = None) -> Mapping[str, Any]:
    """Read a TOML file; a syntax error is a :class:`ConfigError` naming the file."""
    try:
        return _parse_toml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{origin or path}: {exc}") from None


@lru_cache(maxsize=64)
def _parse_toml(text: str) -> Mapping[str, Any]:
    # the same profile is read for every document: parse each distinct text once
    return MappingProxyType(tomllib.loads(text))


@lru_cache(maxsize=256)
def _project_layer_in(folder: Path) -> Layer | None:
    for name in ("seofr.toml", ".seofr.toml"):
        candidate = folder / name
        if candidate.is_file():
            return Layer(str(candidate), load_toml(candidate), folder)
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        data = load_toml(pyproject)
        table = data.get("tool", {}).get("seofr")
        if isinstance(table, dict):
            return Layer(f"{pyproject} [tool.seofr]", table, folder)
    return None


def find_project_layer(start: Path) -> Layer | None:
    """The nearest ``seofr.toml`` or ``pyproject.toml`` with ``[tool.seofr]`` above ``start``."""
    folder = start if start.is_dir() else start.parent
    for candidate in (folder.resolve(), *folder.resolve().parents):
        layer = _project_layer_in(candidate)
        if layer is not None:
            return layer
    return None


def project_layer_from_file(path: Path) -> Layer:
    """A layer read from an explicit configuration file (TOML)."""
    data = load_toml(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("seofr", {})
        return Layer(f"{path} [tool.seofr]", table, path.parent.resolve())
    return Layer(str(path), data, path.parent.resolve())


def _profile_layer(name: str, registry: Registry) -> Layer:
    if name.endswith(".toml"):
        path = Path(name)
        if not path.is_file():
            raise ConfigError(f"profile file {name!r} does not exist")
        return Layer(str(path), load_toml(path), path.parent.resolve())
    source = registry.profiles.get(name)
    if source is None:
        known = ", ".join(sorted(registry.profiles)) or "none"
        raise ConfigError(f"unknown profile {name!r} (profiles: {known})")
    return Layer(f"profile {name!r}", load_toml(source, f"profile {name!r}"))


def _ignored_by_file(layer: Layer, path: str | None, where: str) -> tuple[str, ...]:
    table = layer.values.get("per-file-ignores", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: expected a table of glob = [rules]")
    if path is None or not table:
        return ()
    target = Path(path).resolve()
    relative = target.as_posix()
    if layer.root is not None and target.is_relative_to(layer.root):
        relative = target.relative_to(layer.root).as_posix()
    ignored: list[str] = []
    for pattern, selectors in table.items():
        if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(PurePath(relative).name, pattern):
            ignored.extend(_strings(selectors, f"{where}.{pattern}"))
    return tuple(ignored)


def resolve(layers: Sequence[Layer], registry: Registry, path: str | None = None) -> Settings:
    """Merge ``layers`` (without the profile) over the profile they name.

    The profile is the last one a layer names, else :data:`DEFAULT_PROFILE`.
    """
    profile = DEFAULT_PROFILE
    for layer in layers:
        if "profile" in layer.values:
            value = layer.values["profile"]
            if not isinstance(value, str):
                raise ConfigError(f"{layer.origin}: profile: expected a name or a .toml path")
            profile = value
    all_layers = [_profile_layer(profile, registry), *layers]

    select: tuple[str, ...] = ("ALL",)
    ignore: list[str] = []
    scalars: dict[str, Any] = {
        "fail-under": 70.0,
        "lang": "fr",
        "base-url": None,
        "reading-speed": 230,
        "derivations": False,
        "paths": (),
    }
    per_rule: dict[str, dict[str, Any]] = {}
    for layer in all_layers:
        origin = layer.origin
        unknown = sorted(set(layer.values) - TOP_LEVEL_KEYS)
        if unknown:
            raise ConfigError(f"{origin}: unknown key {unknown[0]!r}")
        values = layer.values
        if "select" in values:
            select = _strings(values["select"], f"{origin}: select")
            _validate_selectors(select, registry, f"{origin}: select")
        if "extend-select" in values:
            extra = _strings(values["extend-select"], f"{origin}: extend-select")
            _validate_selectors(extra, registry, f"{origin}: extend-select")
            select = (*select, *extra)
        if "ignore" in values:
            ignored = _strings(values["ignore"], f"{origin}: ignore")
            _validate_selectors(ignored, registry, f"{origin}: ignore")
            ignore.extend(ignored)
        by_file = _ignored_by_file(layer, path, f"{origin}: per-file-ignores")
        _validate_selectors(by_file, registry, f"{origin}: per-file-ignores")
        ignore.extend(by_file)
        if "fail-under" in values:
            scalars["fail-under"] = _number(values["fail-under"], f"{origin}: fail-under", 0, 100)
        if "reading-speed" in values:
            speed = _number(values["reading-speed"], f"{origin}: reading-speed", 50, 1000)
            scalars["reading-speed"] = int(speed)
        if "lang" in values:
            if values["lang"] not in LANGS:
                raise ConfigError(f"{origin}: lang: expected one of fr, en, got {values['lang']!r}")
            scalars["lang"] = values["lang"]
        if "base-url" in values:
            scalars["base-url"] = _strings(values["base-url"], f"{origin}: base-url")[0]
        if "derivations" in values:
            if not isinstance(values["derivations"], bool):
                raise ConfigError(f"{origin}: derivations: expected true or false")
            scalars["derivations"] = values["derivations"]
        if "paths" in values:
            scalars["paths"] = _strings(values["paths"], f"{origin}: paths")
        rules_table = values.get("rules", {})
        if not isinstance(rules_table, dict):
            raise ConfigError(f"{origin}: rules: expected a table of rule tables")
        for name, settings in rules_table.items():
            if name not in registry.rules:
                raise ConfigError(f"{origin}: rules.{name}: unknown rule (see `seofr rules`)")
            if not isinstance(settings, dict):
                raise ConfigError(f"{origin}: rules.{name}: expected a table")
            where = f"{origin}: rules.{name}"
            severity = settings.get("severity", Severity.ERROR)
            if severity not in {str(level) for level in Severity}:
                raise ConfigError(
                    f"{where}.severity: expected error, warning or info, got {severity!r}"
                )
            if "weight" in settings:
                _number(settings["weight"], f"{where}.weight", 0, 100)
            options = {k: v for k, v in settings.items() if k not in RULE_SETTINGS}
            rule_options(registry.rules[name], options, where)  # fail early, naming this layer
            per_rule.setdefault(name, {}).update(settings)

    enabled = {name for selector in select for name in registry.matching(selector)}
    enabled -= {name for selector in ignore for name in registry.matching(selector)}
    rules: dict[str, RuleConfig] = {}
    for name in sorted(enabled):
        rule = registry.rules[name]
        merged = per_rule.get(name, {})
        rules[name] = RuleConfig(
            options=rule_options(
                rule, {k: v for k, v in merged.items() if k not in RULE_SETTINGS}, name
            ),
            severity=Severity(merged.get("severity", rule.severity)),
            weight=float(merged.get("weight", 1.0)),
        )
    return Settings(
        profile=profile,
        fail_under=scalars["fail-under"],
        lang=scalars["lang"],
        base_url=scalars["base-url"],
        reading_speed=scalars["reading-speed"],
        rules=rules,
        derivations=scalars["derivations"],
        paths=scalars["paths"],
        origins=tuple(layer.origin for layer in all_layers),
    )
