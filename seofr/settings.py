"""The settings model: every setting seofr reads, declared once.

Each field of :class:`Settings` is one setting: its Python type, its default,
its meaning in French and in English, its valid range or choices, and the
places it may be given (:class:`Place`). Everything else is derived from it:
the resolver (``seofr.config``) validates each layer against it, the command
line builds its flags from it (``seofr.cli``), the pytest plugin its options and
ini keys, :func:`seofr.analyze` checks its keyword arguments against it, the
report cache hashes the resolved values, and ``docs/configuration.md`` is
generated from it (``python -m seofr.settings > docs/configuration.md``; a test
fails when that file is stale).

This module is light on purpose: the pytest plugin reads it at every pytest
start.
"""

from __future__ import annotations

import dataclasses
import difflib
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import Flag, auto
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from seofr.document import DEFAULT_MAX_BYTES
from seofr.errors import ConfigError
from seofr.i18n import LANGS, Lang, Text
from seofr.verdicts import Severity

INPUT_FORMATS = ("html", "markdown", "text")

# What a search through folders leaves out unless told otherwise, like ruff's
# default ``exclude``: hidden folders (version control, caches), dependencies,
# the output of static-site generators, their templates, and text files that
# are not pages. docs/cli.md says why each one is there.
DEFAULT_EXCLUDE = (
    ".*",
    "node_modules",
    "bower_components",
    "vendor",
    "venv",
    "site-packages",
    "__pycache__",
    "public",
    "_site",
    "build",
    "dist",
    "_build",
    "layouts",
    "_layouts",
    "_includes",
    "themes",
    "archetypes",
    "robots.txt",
    "humans.txt",
    "ads.txt",
    "app-ads.txt",
    "security.txt",
    "llms.txt",
    "llms-full.txt",
    "requirements*.txt",
    "LICENSE*",
    "LICENCE*",
    "COPYING*",
)


class Place(Flag):
    """Where a setting may be given."""

    FILE = auto()  # a profile, seofr.toml or [tool.seofr]
    FRONT_MATTER = auto()  # the document's front matter (its ``seofr:`` table)
    API = auto()  # a keyword argument of seofr.analyze / analyze_many
    CLI = auto()  # a flag of ``seofr check``
    PYTEST = auto()  # a ``--seofr-…`` option and a ``seofr_…`` ini key of the pytest plugin

    @classmethod
    def layered(cls) -> Place:
        """Every place: the setting goes through the four layers."""
        return cls.FILE | cls.FRONT_MATTER | cls.API | cls.CLI


CliStyle = Literal["value", "csv", "repeat", "switch"]


@dataclass(frozen=True)
class Spec:
    """What the model says of one setting besides its type and default."""

    doc: Text
    places: Place
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    # how a later layer combines with an earlier one
    merge: Literal["replace", "extend"] = "replace"
    # the command line: another spelling of the flag, how values are written, the value's name
    alias: str | None = None
    cli_style: CliStyle = "value"
    metavar: str | None = None


def setting(
    default: Any,
    *,
    fr: str,
    en: str,
    places: Place,
    low: float | None = None,
    high: float | None = None,
    choices: tuple[str, ...] = (),
    merge: Literal["replace", "extend"] = "replace",
    alias: str | None = None,
    cli_style: CliStyle = "value",
    metavar: str | None = None,
) -> Any:
    """A field of :class:`Settings` with its :class:`Spec`."""
    spec = Spec(Text(fr=fr, en=en), places, low, high, choices, merge, alias, cli_style, metavar)
    if isinstance(default, Mapping):  # a table: dataclasses want a factory for it
        return field(
            default_factory=lambda: MappingProxyType(dict(default)), metadata={"spec": spec}
        )
    return field(default=default, metadata={"spec": spec})


_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, kw_only=True)
class Settings:
    """The effective settings of one analysis, after the layers are merged."""

    profile: str = setting(
        "article",
        fr="Le profil de départ : « article », « page » ou le chemin d’un fichier .toml, relatif au dossier du fichier qui le nomme.",
        en="The starting profile: “article”, “page” or the path of a .toml file, relative to"
        " the folder of the file that names it.",
        places=Place.layered() | Place.PYTEST,
        metavar="NAME",
    )
    select: tuple[str, ...] = setting(
        ("ALL",),
        fr="Les règles à exécuter : noms, codes ou préfixes de code (« C », « S001 ») ;"
        " une couche plus tardive remplace la liste.",
        en="The rules to run: names, codes or code prefixes (“C”, “S001”);"
        " a later layer replaces the list.",
        places=Place.layered(),
        cli_style="csv",
        metavar="RULES",
    )
    extend_select: tuple[str, ...] = setting(
        (),
        fr="Des règles ajoutées à « select ».",
        en="Rules added to “select”.",
        places=Place.layered(),
        merge="extend",
        cli_style="csv",
        metavar="RULES",
    )
    ignore: tuple[str, ...] = setting(
        (),
        fr="Les règles à laisser de côté ; la liste s’allonge d’une couche à l’autre.",
        en="Rules to leave out; the list grows from one layer to the next.",
        places=Place.layered(),
        merge="extend",
        cli_style="csv",
        metavar="RULES",
    )
    per_file_ignores: Mapping[str, tuple[str, ...]] = setting(
        _EMPTY,
        fr="Un motif de chemin (relatif au dossier du fichier de configuration) → les règles"
        " à laisser de côté pour ces fichiers.",
        en="A path pattern (relative to the configuration file’s folder) → the rules to"
        " leave out for those files.",
        places=Place.FILE,
        merge="extend",
    )
    fail_under: float = setting(
        70.0,
        fr="Le score (de 0 à 100) qu’un document doit atteindre pour réussir.",
        en="The score (0 to 100) a document needs to pass.",
        places=Place.layered() | Place.PYTEST,
        low=0,
        high=100,
        metavar="SCORE",
    )
    lang: Lang = setting(
        "fr",
        fr="La langue des messages et des corrections : « fr » ou « en ».",
        en="The language of messages and fixes: “fr” or “en”.",
        places=Place.layered() | Place.PYTEST,
        choices=LANGS,
    )
    base_url: str | None = setting(
        None,
        fr="L’adresse du site, pour distinguer les liens internes des liens sortants.",
        en="The site’s address, to tell internal links from outbound ones.",
        places=Place.layered(),
        metavar="URL",
    )
    reading_speed: int = setting(
        230,
        fr="La vitesse de lecture, en mots par minute, du temps de lecture des statistiques.",
        en="The reading speed, in words per minute, behind the reading time in the statistics.",
        places=Place.layered(),
        low=50,
        high=1000,
        metavar="WPM",
    )
    derivations: bool = setting(
        False,
        fr="L’expression clé trouve aussi les mots de la même famille (« démission » trouve"
        " « démissionner »).",
        en="The keyphrase also finds words of the same family (“démission” finds “démissionner”).",
        places=Place.layered(),
        cli_style="switch",
    )
    content_selector: str | None = setting(
        None,
        fr="Le sélecteur CSS du contenu principal d’une page HTML (« article .entry-content ») ;"
        " sans lui, seofr prend <main>, sinon un <article> unique, sinon la page sans sa"
        " navigation.",
        en="The CSS selector of an HTML page’s main content (“article .entry-content”);"
        " without it, seofr takes <main>, else a single <article>, else the page without"
        " its navigation.",
        places=Place.FILE | Place.API | Place.CLI,
        metavar="CSS",
    )
    paths: tuple[str, ...] = setting(
        (),
        fr="Les fichiers et dossiers de contenu que vérifient « seofr check » et « seofr fix »"
        " appelés sans chemin, et « pytest --seofr », relatifs au dossier du fichier de"
        " configuration (le dossier courant sinon).",
        en="The content files and folders “seofr check” and “seofr fix” check when given no path,"
        " and “pytest --seofr”, relative to the configuration file’s folder (else the current"
        " folder).",
        places=Place.FILE,
    )
    exclude: tuple[str, ...] = setting(
        DEFAULT_EXCLUDE,
        fr="Les motifs des fichiers et dossiers que la recherche dans les dossiers laisse de côté"
        " (un nom seul vaut à toute profondeur, un chemin avec « / » part du dossier du fichier"
        " de configuration) ; les remplacer ôte ceux par défaut, « extend-exclude » s’y ajoute.",
        en="Patterns of the files and folders the search through folders leaves out (a bare name"
        " matches at any depth, a path with “/” starts at the configuration file’s folder);"
        " setting it drops the defaults, “extend-exclude” adds to them.",
        places=Place.FILE | Place.CLI,
        cli_style="csv",
        metavar="PATTERNS",
    )
    extend_exclude: tuple[str, ...] = setting(
        (),
        fr="Des motifs ajoutés à « exclude ».",
        en="Patterns added to “exclude”.",
        places=Place.FILE | Place.CLI,
        merge="extend",
        cli_style="csv",
        metavar="PATTERNS",
    )
    respect_gitignore: bool = setting(
        True,
        fr="Laisser de côté ce que Git ignore (.gitignore, .git/info/exclude, le fichier global)"
        " quand le dossier est dans un dépôt Git.",
        en="Leave out what Git ignores (.gitignore, .git/info/exclude, the global file) when the"
        " folder is in a Git repository.",
        places=Place.FILE | Place.CLI,
        cli_style="switch",
    )
    force_exclude: bool = setting(
        False,
        fr="Appliquer « exclude » aussi aux fichiers nommés sur la ligne de commande (ce dont"
        " pre-commit a besoin, qui les nomme tous).",
        en="Apply “exclude” to the files named on the command line too (what pre-commit needs,"
        " as it names every file).",
        places=Place.FILE | Place.CLI,
        cli_style="switch",
    )
    rules: Mapping[str, Mapping[str, Any]] = setting(
        _EMPTY,
        fr="Par règle : « severity » (error, warning, info), « weight » (de 0 à 100) et les"
        " options de la règle, en minuscules séparées par des tirets.",
        en="Per rule: “severity” (error, warning, info), “weight” (0 to 100) and the rule’s"
        " options, in kebab-case.",
        places=Place.FILE | Place.FRONT_MATTER | Place.API,
    )
    keyword: tuple[str, ...] = setting(
        (),
        fr="L’expression clé principale (ou plusieurs) ; sinon celle du front matter"
        " (« keyword », « keyphrase »).",
        en="The focus keyphrase (or several); else the front matter’s (“keyword”, “keyphrase”).",
        places=Place.API | Place.CLI,
        alias="-k",
        cli_style="repeat",
        metavar="PHRASE",
    )
    synonyms: tuple[str, ...] = setting(
        (),
        fr="Des synonymes de l’expression clé ; sinon ceux du front matter (« synonyms »).",
        en="Synonyms of the keyphrase; else the front matter’s (“synonyms”).",
        places=Place.API | Place.CLI,
        alias="--synonym",
        cli_style="repeat",
        metavar="PHRASE",
    )
    input_format: str | None = setting(
        None,
        fr="Le format d’un texte sans nom de fichier : « html », « markdown » ou « text »"
        " (deviné sinon).",
        en="The format of a text without a file name: “html”, “markdown” or “text”"
        " (guessed otherwise).",
        places=Place.API | Place.CLI,
        choices=INPUT_FORMATS,
    )
    max_bytes: int = setting(
        DEFAULT_MAX_BYTES,
        fr="La plus grande entrée acceptée, en octets.",
        en="The largest input accepted, in bytes.",
        places=Place.API | Place.CLI,
        low=1,
        metavar="BYTES",
    )

    @classmethod
    def specs(cls) -> Iterator[tuple[dataclasses.Field[Any], Spec]]:
        """Every setting, in declaration order, with its specification."""
        for f in dataclasses.fields(cls):
            yield f, f.metadata["spec"]

    @classmethod
    def at(cls, place: Place) -> Iterator[tuple[dataclasses.Field[Any], Spec]]:
        """The settings that may be given at ``place``."""
        return ((f, spec) for f, spec in cls.specs() if spec.places & place)


@dataclass(frozen=True)
class RuleConfig:
    """How one rule runs for a document."""

    options: Any
    severity: Severity
    weight: float


@dataclass(frozen=True)
class Config:
    """The effective configuration of one document: settings, rules, and what made them."""

    settings: Settings
    rules: Mapping[str, RuleConfig]
    origins: tuple[str, ...] = ()
    files: tuple[Path, ...] = ()  # configuration and profile files read


def key_of(name: str) -> str:
    """The configuration-file spelling of a field name: ``fail_under`` → ``fail-under``."""
    return name.replace("_", "-")


def name_of(key: str) -> str:
    """The field name of a configuration key: ``fail-under`` → ``fail_under``."""
    return key.replace("-", "_")


@cache
def _hints() -> dict[str, Any]:
    # evaluated on first use: the annotations are strings until then
    return typing.get_type_hints(Settings)


@cache
def _specs() -> dict[str, Spec]:
    return {f.name: spec for f, spec in Settings.specs()}


def field_type(name: str) -> Any:
    """The declared type of the setting ``name``."""
    return _hints()[name]


def _type_name(tp: Any) -> str:
    return getattr(tp, "__name__", None) or str(tp)


def coerce(value: Any, tp: Any, where: str) -> Any:
    """Check ``value`` against the type ``tp``; lists become tuples, ints floats where needed."""
    origin = typing.get_origin(tp)
    if tp is Any:
        return value
    if tp is bool:
        ok = isinstance(value, bool)
    elif tp is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif tp is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        value = float(value) if ok else value
    elif tp is str:
        ok = isinstance(value, str)
    elif origin is Literal:
        ok = value in typing.get_args(tp)
    elif origin in (tuple, list, frozenset):
        (item_type, *_) = typing.get_args(tp) or (Any,)
        if not isinstance(value, list | tuple):
            raise ConfigError(f"{where}: expected a list, got {value!r}")
        items = tuple(coerce(v, item_type, where) for v in value)
        return frozenset(items) if origin is frozenset else items
    elif origin in (Mapping, dict) or tp is Mapping:
        if not isinstance(value, Mapping):
            raise ConfigError(f"{where}: expected a table, got {value!r}")
        return value
    elif origin in (typing.Union, types.UnionType):
        for option in typing.get_args(tp):
            if option is type(None) and value is None:
                return None
            try:
                return coerce(value, option, where)
            except ConfigError:
                continue
        ok = False
    else:
        ok = True
    if not ok:
        raise ConfigError(f"{where}: expected {_type_name(tp)}, got {value!r}")
    return value


def check_value(name: str, value: Any, where: str) -> Any:
    """``value`` for the setting ``name``, checked against its type, range and choices."""
    spec = _specs()[name]
    tp = field_type(name)
    if typing.get_origin(tp) is tuple and isinstance(value, str):
        value = [value]  # one selector or one keyphrase, not a list of its letters
    value = coerce(value, tp, where)
    if spec.choices and value is not None and value not in spec.choices:
        raise ConfigError(f"{where}: expected one of {', '.join(spec.choices)}, got {value!r}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        low = -float("inf") if spec.low is None else spec.low
        high = float("inf") if spec.high is None else spec.high
        if not low <= value <= high:
            bounds = (
                f"from {spec.low:g} to {spec.high:g}" if spec.high is not None else f"≥ {low:g}"
            )
            raise ConfigError(f"{where}: expected a number {bounds}, got {value!r}")
    return value


def did_you_mean(name: str, known: typing.Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` when a known name is close to ``name``, else nothing."""
    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def unknown_key_error(key: str, known: typing.Iterable[str], where: str) -> ConfigError:
    """The error for a key the model does not have, with the closest known one."""
    return ConfigError(f"{where}: unknown key {key!r}{did_you_mean(key, known)}")


def default_of(f: dataclasses.Field[Any]) -> Any:
    """The default value of a setting's field."""
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return f.default


def _default_text(f: dataclasses.Field[Any]) -> str:
    value = default_of(f)
    if value is None:
        return "none"
    if isinstance(value, tuple):
        return "[" + ", ".join(f'"{v}"' for v in value) + "]"
    if isinstance(value, Mapping):
        return "{}"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, int):
        return f"{value:_}".replace("_", " ")
    return f"{value:g}"


_PLACE_NAMES = (
    (Place.FILE, "file"),
    (Place.FRONT_MATTER, "front matter"),
    (Place.API, "API"),
    (Place.CLI, "CLI"),
    (Place.PYTEST, "pytest"),
)


def cli_flag(name: str) -> str:
    """The long command-line flag of a setting."""
    return "--" + key_of(name)


def pytest_flag(name: str) -> str:
    """The pytest option of a setting (``--seofr-fail-under``); its ini key is ``seofr_<name>``."""
    return "--seofr-" + key_of(name)


def configuration_markdown() -> str:
    """``docs/configuration.md``: the settings table from the model, then fixed prose."""
    rows = []
    for f, spec in Settings.specs():
        where = ", ".join(label for place, label in _PLACE_NAMES if spec.places & place)
        extra = []
        if spec.low is not None and spec.high is not None:
            extra.append(f"{spec.low:g} to {spec.high:g}")
        elif spec.low is not None:
            extra.append(f"≥ {spec.low:g}")
        if spec.choices:
            extra.append(" / ".join(f"`{c}`" for c in spec.choices))
        flags = []
        if spec.places & Place.CLI:
            alias = f"`{spec.alias}`, " if spec.alias else ""
            flags.append(f"{alias}`{cli_flag(f.name)}`")
        if spec.places & Place.PYTEST:
            flags.append(f"`{pytest_flag(f.name)}`, ini `seofr_{f.name}`")
        rows.append(
            f"| `{key_of(f.name)}` | `{_default_text(f)}`"
            f" | {'; '.join(extra) or ''} | {where} | {'<br>'.join(flags)}"
            f" | {spec.doc.en}<br>*fr :* {spec.doc.fr} |"
        )
    table = "\n".join(
        [
            "| key | default | range | where | flags | meaning |",
            "| --- | --- | --- | --- | --- | --- |",
            *rows,
        ]
    )
    return _CONFIGURATION_PAGE.format(table=table)


_CONFIGURATION_PAGE = """\
# Configuration

Generated from the settings model (`seofr/settings.py`) by
`python -m seofr.settings > docs/configuration.md`; a test fails when this file
is stale.

seofr merges settings from four layers; a later layer wins:

1. the **profile** (`article` by default, `page`, or a `.toml` file of your own);
2. the **project file**: `seofr.toml` (or `.seofr.toml`), or the `[tool.seofr]` table
   of `pyproject.toml`, the nearest one found in the checked file's folder or above
   it (for standard input: the current folder; for strings given to the API: none,
   unless `config=True` or `config="path/to/seofr.toml"`; `config=False` and
   `--no-config` switch files off);
3. the document's **front matter**: `profile`, and a `seofr:` table;
4. **command-line flags** or **API arguments** (`seofr.analyze(text, fail_under=80)`:
   the keyword is the key with `_` for `-`).

A key seofr does not know (with the closest known key), a setting given where it
does not belong, a rule that is not installed, an option a rule does not have,
or a value of the wrong type or out of range is an error that names the file
and the key (`seofr.ConfigError`, exit status 2). An unknown keyword argument
of `seofr.analyze` is a `TypeError` naming it and the closest setting.

A configuration file, a profile file and the files a rule reads are watched:
a long-running process (`seofr.Session`, the pytest plugin) re-reads an edited
file at its next analysis, and the report cache of `seofr check` is keyed by
their contents.

{table}

`where`: *file* is a profile, `seofr.toml` or `[tool.seofr]`; *front matter* its
`seofr:` table (and a top-level `profile`); *API* a keyword argument of
`seofr.analyze`; *CLI* a flag of `seofr check`; *pytest* an option of
`pytest --seofr`. A profile file may also hold `description`.
`seofr rules NAME` lists a rule's options with their defaults; [rules.md](rules.md)
lists them all.

## Severities, statuses and the score

A rule reports *violations* at the level `fail`, `warn` or `info`. Its status is
`fail` if one violation fails, else `warn` if one warns, else `pass`; `skip` when
the rule does not apply (then it does not count in the score, and the report
says why). Its score is 1, 0.5 or 0 for pass, warn and fail, unless the rule
computes a finer one (for example `word-count` gives words ÷ minimum).

The severity of a finding is the rule's configured `severity` for a `fail`
violation, `warning` for a `warn` violation and `info` for an `info` remark; a
rule set to `info` only informs. The document's score is the weighted mean of
the scores of the rules that did not skip; it **passes** when the score reaches
`fail-under` and no finding has the severity `error`.

## Inline directives

In HTML and Markdown comments:

```html
<!-- seofr-disable sentence-length, R -->  … <!-- seofr-enable sentence-length, R -->
<!-- seofr-disable-next-line word-count -->
<!-- seofr-disable-file title-length -->
```

A directive without a rule name applies to every rule. `disable` without a
matching `enable` lasts to the end of the file; `disable-next-line` applies to
the next line that is not blank; `disable-file` turns the rule off (status
`skip`). Findings about the whole document (without a line) can only be switched
off with `disable-file`.
"""


if __name__ == "__main__":  # pragma: no cover
    print(configuration_markdown(), end="")
