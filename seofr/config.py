"""The resolver: configuration layers merged in order, checked against the settings model.

Layers, later wins: the profile → ``[tool.seofr]`` in ``pyproject.toml`` or
``seofr.toml`` (the nearest one found upward from the checked file) → the
``seofr:`` table of the front matter → command-line flags or API arguments.
Each layer is a mapping whose keys are the settings of
:class:`seofr.settings.Settings` in kebab-case; per-rule settings live under
``rules.<rule-name>``: ``severity``, ``weight`` and the rule's own options.

Configuration files are read through :class:`ConfigFiles`, which a session
keeps: an edited file is read again at the next analysis, never served stale.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import hashlib
import stat
import tomllib
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path, PurePath
from types import MappingProxyType
from typing import Any

from seofr.errors import ConfigError
from seofr.registry import AnyRule, Registry
from seofr.settings import (
    Config,
    Place,
    RuleConfig,
    Settings,
    check_value,
    coerce,
    did_you_mean,
    key_of,
    unknown_key_error,
)
from seofr.verdicts import Severity

RULE_SETTINGS = frozenset({"severity", "weight"})
# A profile file may describe itself; the key means nothing elsewhere.
_PROFILE_ONLY = frozenset({"description"})
_PROJECT_FILES = ("seofr.toml", ".seofr.toml")
# Distinct configurations a session remembers (most runs have a handful).
_MEMO_SIZE = 512

_MODEL = {key_of(f.name): (f, spec) for f, spec in Settings.specs()}
_PLACE_LABELS = {
    Place.FILE: "a configuration file",
    Place.FRONT_MATTER: "the front matter",
    Place.API: "the arguments",
    Place.CLI: "the command line",
}


@dataclass(frozen=True)
class Layer:
    """One source of settings, where it comes from (for error messages) and its place."""

    origin: str
    values: Mapping[str, Any]
    root: Path | None = None  # the folder per-file-ignores globs are relative to
    place: Place = Place.FILE
    file: Path | None = None  # the file it was read from, if any


@lru_cache(maxsize=1024)
def _option_fields(options: type[Any]) -> tuple[dict[str, dataclasses.Field[Any]], dict[str, Any]]:
    # type hints are costly to evaluate and every document resolves every rule
    return {key_of(f.name): f for f in dataclasses.fields(options)}, typing.get_type_hints(options)


def rule_options(rule: AnyRule, values: Mapping[str, Any], where: str) -> Any:
    """Build the rule's ``Options`` instance from kebab-case ``values``."""
    fields, hints = _option_fields(rule.Options)  # type: ignore[arg-type]
    kwargs: dict[str, Any] = {}
    for key, value in values.items():
        if key not in fields:
            known = ", ".join(sorted(fields)) or "none"
            raise ConfigError(
                f"{where}: rule {rule.name!r} has no option {key!r}"
                f"{did_you_mean(key, fields)} (options: {known})"
            )
        name = fields[key].name
        # one phrase, not a list of its letters
        one = (
            [value] if typing.get_origin(hints[name]) is tuple and isinstance(value, str) else value
        )
        kwargs[name] = _in_bounds(
            coerce(one, hints[name], f"{where}.{key}"), fields[key], f"{where}.{key}"
        )
    return rule.Options(**kwargs)


def _in_bounds(value: Any, f: dataclasses.Field[Any], where: str) -> Any:
    """``value`` if within the option's bounds: those it declares (``option(low=…,
    high=…)``), else not below 0 when its default is not (a count, a share, a length)."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return value
    default = f.default if isinstance(f.default, int | float) else 0
    low = f.metadata.get("low", 0 if default >= 0 else None)
    high = f.metadata.get("high")
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = f"from {low:g} to {high:g}" if high is not None else f"≥ {low:g}"
        raise ConfigError(f"{where}: expected a number {bounds}, got {value!r}")
    return value


def _parse_toml(text: str, origin: str) -> Mapping[str, Any]:
    try:
        return MappingProxyType(tomllib.loads(text))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: {exc}") from None


class ConfigFiles:
    """Configuration files, parsed once per version: an edited file is read again.

    Every read compares the file's size, modification time and inode with the
    ones of the version parsed last time, so a long-running process — a pytest
    session, an editor server — always sees the file as it is on disk.
    """

    def __init__(self) -> None:
        self._parsed: dict[Path, tuple[tuple[int, int, int], Mapping[str, Any]]] = {}
        self._configs: dict[tuple[Any, ...], tuple[Config, list[Mapping[str, Any]], Registry]] = {}

    def read(self, path: Path, origin: str | None = None) -> Mapping[str, Any] | None:
        """The TOML table of ``path``, or ``None`` when there is no such file.

        A file is read again only when its size, time or inode changed since
        the last read: one ``stat`` per call, so the folders above every
        document of a batch cost no reading.
        """
        try:
            info = path.stat()
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError as exc:
            raise ConfigError(f"{origin or path}: {exc.strerror or exc}") from None
        if not stat.S_ISREG(info.st_mode):
            return None
        stamp = (info.st_mtime_ns, info.st_size, info.st_ino)
        cached = self._parsed.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        try:
            content = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise ConfigError(f"{origin or path}: {exc.strerror or exc}") from None
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ConfigError(f"{origin or path}: not UTF-8 ({exc.reason})") from None
        table = _parse_toml(text, str(origin or path))
        self._parsed[path] = (stamp, table)
        return table

    def project_layer_in(self, folder: Path) -> Layer | None:
        """The ``seofr.toml`` of ``folder``, else its ``pyproject.toml`` with ``[tool.seofr]``."""
        for name in _PROJECT_FILES:
            candidate = folder / name
            table = self.read(candidate)
            if table is not None:
                return Layer(str(candidate), table, folder, Place.FILE, candidate)
        pyproject = folder / "pyproject.toml"
        data = self.read(pyproject)
        if data is not None:
            tool = data.get("tool", {})
            table = tool.get("seofr") if isinstance(tool, Mapping) else None
            if isinstance(table, Mapping):
                return Layer(f"{pyproject} [tool.seofr]", table, folder, Place.FILE, pyproject)
        return None

    def find_project_layer(self, start: Path) -> Layer | None:
        """The nearest project configuration in ``start``'s folder or above it."""
        folder = (start if start.is_dir() else start.parent).resolve()
        for candidate in (folder, *folder.parents):
            layer = self.project_layer_in(candidate)
            if layer is not None:
                return layer
        return None

    def layer_from_file(self, path: Path) -> Layer:
        """A layer read from an explicit configuration file (``--config``)."""
        data = self.read(path)
        if data is None:
            raise ConfigError(f"{path}: configuration file not found")
        root = path.parent.resolve()
        if path.name == "pyproject.toml":
            table = data.get("tool", {}).get("seofr", {})
            return Layer(f"{path} [tool.seofr]", table, root, Place.FILE, path)
        return Layer(str(path), data, root, Place.FILE, path)

    def profile_layer(self, name: str, registry: Registry, base: Path | None = None) -> Layer:
        """The layer of a profile: a built-in or plugin profile's name, or a ``.toml`` path.

        A relative path is relative to ``base``: the folder of the file that names
        the profile (the current folder for arguments).
        """
        if name.endswith(".toml"):
            path = base / name if base is not None else Path(name)
            data = self.read(path)
            if data is None:
                raise ConfigError(f"profile file {name!r} does not exist")
            return Layer(str(path), data, path.parent.resolve(), Place.FILE, path)
        source = registry.profiles.get(name)
        if source is None:
            known = ", ".join(sorted(registry.profiles)) or "none"
            raise ConfigError(
                f"unknown profile {name!r}{did_you_mean(name, registry.profiles)}"
                f" (profiles: {known})"
            )
        return Layer(f"profile {name!r}", _packaged_profile(source), place=Place.FILE)

    def memo(
        self,
        layers: Sequence[Layer],
        registry: Registry,
        path: str | None,
        merge: Callable[[], Config],
    ) -> Config:
        """The configuration ``merge`` gives for ``layers``, merged once per distinct input.

        A file's table (place ``FILE``) is the same object for as long as the file
        is unchanged, so it is known by its identity (the entry keeps it alive, so the
        identity cannot be reused); a table built for one call (front matter,
        arguments) is known by its contents.
        """
        # only per-file-ignores make the result depend on the document's path
        by_path = any("per-file-ignores" in layer.values for layer in layers)
        key = (
            id(registry),
            path if by_path else None,
            tuple(
                (
                    layer.origin,
                    layer.place,
                    layer.root,
                    id(layer.values) if layer.place is Place.FILE else repr(layer.values),
                )
                for layer in layers
            ),
        )
        hit = self._configs.get(key)
        if hit is not None:
            return hit[0]
        config = merge()
        if len(self._configs) >= _MEMO_SIZE:
            self._configs.clear()
        self._configs[key] = (config, [layer.values for layer in layers], registry)
        return config

    def digest(self, path: Path) -> str:
        """The SHA-256 of a file's content (``absent`` when it does not exist)."""
        try:
            return hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return "absent"


def _packaged_profile(source: Traversable | Path) -> Mapping[str, Any]:
    # profiles shipped in a package change only with the package (whose version
    # and files are part of the report cache's key)
    return _parse_packaged(source.read_text(encoding="utf-8"), str(source))


@lru_cache(maxsize=64)
def _parse_packaged(text: str, origin: str) -> Mapping[str, Any]:
    return _parse_toml(text, origin)


def _selectors(values: Sequence[str], registry: Registry, where: str) -> tuple[str, ...]:
    for selector in values:
        if not registry.matching(selector):
            names = [*registry.rules, *(rule.code for rule in registry.rules.values())]
            raise ConfigError(
                f"{where}: no rule matches {selector!r}{did_you_mean(selector, names)}"
                " (see `seofr rules`)"
            )
    return tuple(values)


def _css_selector(selector: str, where: str) -> None:
    import soupsieve  # bs4's selector engine, imported only when a selector is set

    try:
        soupsieve.compile(selector)
    except soupsieve.SelectorSyntaxError as exc:
        reason = str(exc).splitlines()[0]
        raise ConfigError(f"{where}: not a CSS selector soupsieve reads ({reason})") from None


def _ignored_by_file(layer: Layer, table: Any, path: str | None, where: str) -> list[str]:
    if not isinstance(table, Mapping):
        raise ConfigError(f"{where}: expected a table of glob = [rules]")
    if path is None or not table:
        return []
    target = Path(path).resolve()
    relative = target.as_posix()
    if layer.root is not None and target.is_relative_to(layer.root):
        relative = target.relative_to(layer.root).as_posix()
    ignored: list[str] = []
    for pattern, selectors in table.items():
        if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(PurePath(relative).name, pattern):
            ignored.extend(check_value("ignore", selectors, f"{where}.{pattern}"))
    return ignored


def _rules_table(
    table: Any, registry: Registry, per_rule: dict[str, dict[str, Any]], origin: str
) -> None:
    if not isinstance(table, Mapping):
        raise ConfigError(f"{origin}: rules: expected a table of rule tables")
    for name, settings in table.items():
        where = f"{origin}: rules.{name}"
        if name not in registry.rules:
            raise ConfigError(
                f"{where}: unknown rule{did_you_mean(name, registry.rules)} (see `seofr rules`)"
            )
        if not isinstance(settings, Mapping):
            raise ConfigError(f"{where}: expected a table")
        severity = settings.get("severity", Severity.ERROR)
        if severity not in {str(level) for level in Severity}:
            raise ConfigError(
                f"{where}.severity: expected error, warning or info, got {severity!r}"
            )
        if "weight" in settings:
            weight = settings["weight"]
            if isinstance(weight, bool) or not isinstance(weight, int | float):
                raise ConfigError(f"{where}.weight: expected a number, got {weight!r}")
            if not 0 <= weight <= 100:
                raise ConfigError(
                    f"{where}.weight: expected a number from 0 to 100, got {weight!r}"
                )
        options = {k: v for k, v in settings.items() if k not in RULE_SETTINGS}
        rule_options(registry.rules[name], options, where)  # fail early, naming this layer
        per_rule.setdefault(name, {}).update(settings)


def _profile_named(layers: Sequence[Layer]) -> tuple[str, Path | None]:
    """The profile the last layer naming one names, and the folder its path is relative to."""
    profile, base = Settings().profile, None
    for layer in layers:
        if "profile" in layer.values:
            profile = check_value("profile", layer.values["profile"], f"{layer.origin}: profile")
            base = layer.root
    return profile, base


def resolve(
    layers: Sequence[Layer],
    registry: Registry,
    path: str | None = None,
    files: ConfigFiles | None = None,
) -> Config:
    """Merge ``layers`` (without the profile) over the profile they name.

    The profile is the last one a layer names, else ``article``. Keys are
    merged in the model's order, so that a layer's ``select`` is applied before
    its ``extend-select``.
    """
    files = files if files is not None else ConfigFiles()
    profile, base = _profile_named(layers)
    all_layers = [files.profile_layer(profile, registry, base), *layers]
    return files.memo(all_layers, registry, path, lambda: _merge(all_layers, registry, path))


def _merge(all_layers: Sequence[Layer], registry: Registry, path: str | None) -> Config:
    profile = _profile_named(all_layers[1:])[0]
    values: dict[str, Any] = {}
    per_rule: dict[str, dict[str, Any]] = {}
    ignored_by_file: list[str] = []
    for index, layer in enumerate(all_layers):
        origin = layer.origin
        for key in layer.values:
            if key not in _MODEL and not (index == 0 and key in _PROFILE_ONLY):
                raise unknown_key_error(key, _MODEL, origin)
        for key, (f, spec) in _MODEL.items():
            if key not in layer.values:
                continue
            value = layer.values[key]
            where = f"{origin}: {key}"
            if not spec.places & layer.place:
                allowed = " or ".join(
                    label for place, label in _PLACE_LABELS.items() if spec.places & place
                )
                raise ConfigError(f"{where}: this setting belongs in {allowed}")
            if key == "rules":
                _rules_table(value, registry, per_rule, origin)
            elif key == "per-file-ignores":
                found = _ignored_by_file(layer, value, path, where)
                ignored_by_file.extend(_selectors(found, registry, where))
            else:
                checked = check_value(f.name, value, where)
                if key in ("select", "extend-select", "ignore"):
                    _selectors(checked, registry, where)
                elif key == "content-selector" and checked is not None:
                    _css_selector(checked, where)
                if key == "select":
                    values.pop("extend_select", None)  # a later select starts afresh
                if spec.merge == "extend":
                    checked = (*values.get(f.name, ()), *checked)
                values[f.name] = checked
    values["profile"] = profile
    values["rules"] = MappingProxyType({n: MappingProxyType(v) for n, v in per_rule.items()})
    values["ignore"] = (*values.get("ignore", ()), *ignored_by_file)
    settings = Settings(**values)

    enabled = {
        name
        for selector in (*settings.select, *settings.extend_select)
        for name in registry.matching(selector)
    }
    enabled -= {name for selector in settings.ignore for name in registry.matching(selector)}
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
    return Config(
        settings=settings,
        rules=MappingProxyType(rules),
        origins=tuple(layer.origin for layer in all_layers),
        files=tuple(layer.file for layer in all_layers if layer.file is not None),
    )
