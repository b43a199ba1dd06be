"""``seofr init``: a commented configuration to start from, and the pre-commit hook to add.

The section is written from the settings model, so every key it holds is one
``seofr check`` accepts, each with its meaning in the writer's language: the
few a project usually sets as values, the others commented out with their
defaults. It goes into ``pyproject.toml`` as ``[tool.seofr]`` when the folder
has one, else into a new ``seofr.toml``. An existing seofr configuration is
never touched.
"""

from __future__ import annotations

import textwrap
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from seofr.errors import SeofrError
from seofr.formatters.common import toml_value
from seofr.i18n import Lang, Param, Text
from seofr.settings import Place, Settings, default_of, key_of

# Settings a project usually decides on at once: written as values, not comments.
_ACTIVE = ("profile", "fail_under", "lang")
# Where the content of common static-site layouts lives (Hugo, Zola, Astro, MkDocs).
_CONTENT_FOLDERS = ("content", "src/content", "docs")
_WIDTH = 88
# What a setting without a default looks like when set (shown commented out).
_EXAMPLES = {"base_url": "https://www.exemple.fr", "content_selector": "article .entry-content"}
PRE_COMMIT_URL = "https://example.invalid/seofr"
"""The placeholder of seofr's repository address (it has no public home yet)."""

MESSAGES = {
    "header": Text(
        fr="seofr\u00a0: les réglages des vérifications (docs/configuration.md). Les lignes"
        " en commentaire donnent les valeurs par défaut\u202f; ôtez le «\u00a0#\u00a0» pour les"
        " changer.",
        en="seofr: the settings of the checks (docs/configuration.md). The commented-out"
        " lines give the defaults; remove the “#” to change them.",
    ),
    "per-file": Text(
        fr="Des règles laissées de côté pour certains fichiers (motif relatif à ce dossier).",
        en="Rules left out for some files (a pattern relative to this folder).",
    ),
    "per-rule": Text(
        fr="Par règle\u00a0: sa sévérité, son poids et ses options («\u00a0seofr rules NOM\u00a0»"
        " les décrit).",
        en="Per rule: its severity, its weight and its options (“seofr rules NAME” describes"
        " them).",
    ),
    "written": Text(fr="Configuration écrite dans {path}.", en="Configuration written to {path}."),
    "appended": Text(
        fr="Section [tool.seofr] ajoutée à la fin de {path}.",
        en="Section [tool.seofr] added at the end of {path}.",
    ),
    "exists": Text(
        fr="{path} contient déjà une configuration de seofr\u00a0: rien n’est écrit.",
        en="{path} already holds a seofr configuration: nothing was written.",
    ),
    "invalid": Text(
        fr="{path} n’est pas un fichier TOML valide ({error})\u00a0: rien n’est écrit.",
        en="{path} is not valid TOML ({error}): nothing was written.",
    ),
    "pre-commit": Text(
        fr="Pour vérifier les pages à chaque commit avec pre-commit, ajoutez à"
        " .pre-commit-config.yaml\u00a0:",
        en="To check the pages at each commit with pre-commit, add to .pre-commit-config.yaml:",
    ),
    "repository": Text(
        fr="remplacez par l’adresse du dépôt de seofr", en="replace with seofr’s repository"
    ),
    "next": Text(
        fr="Puis lancez «\u00a0seofr check\u00a0»\u00a0: sans chemin, il vérifie «\u00a0paths\u00a0».",
        en="Then run “seofr check”: without a path, it checks “paths”.",
    ),
}
"""What ``seofr init`` writes and says."""


class InitError(SeofrError):
    """``seofr init`` wrote nothing: a configuration exists, or pyproject.toml is broken."""

    def __init__(self, key: str, params: Mapping[str, Param]) -> None:
        super().__init__(MESSAGES[key].render("en", params))
        self.key = key
        self.params = dict(params)

    def text(self, lang: Lang) -> str:
        """Why nothing was written, in ``lang``."""
        return MESSAGES[self.key].render(lang, self.params)


@dataclass(frozen=True)
class Written:
    """Where ``seofr init`` wrote, and whether it added to an existing file."""

    path: Path
    appended: bool

    def text(self, lang: Lang) -> str:
        """What was done, in ``lang``."""
        key = "appended" if self.appended else "written"
        return MESSAGES[key].render(lang, {"path": str(self.path)})


def _comment(text: str) -> list[str]:
    return textwrap.wrap(text, _WIDTH - 2, initial_indent="# ", subsequent_indent="# ")


def _assignment(key: str, value: Any, *, active: bool) -> list[str]:
    """``key = value``, a long list one item a line; commented out unless ``active``."""
    mark = "" if active else "# "
    line = f"{key} = {toml_value(value)}"
    if len(mark + line) <= _WIDTH or not isinstance(value, tuple):
        return [mark + line]
    items = textwrap.wrap(", ".join(toml_value(v) for v in value), _WIDTH - len(mark) - 4)
    return [f"{mark}{key} = [", *(f"{mark}    {item}" for item in items), f"{mark}]"]


def content_paths(folder: Path) -> tuple[str, ...] | None:
    """The content folder of a usual site layout in ``folder``, if there is one."""
    for name in _CONTENT_FOLDERS:
        if (folder / name).is_dir():
            return (name,)
    return None


def configuration(lang: Lang, table: str, paths: tuple[str, ...] | None = None) -> str:
    """The commented section: ``table`` is ``tool.seofr`` (pyproject.toml) or empty (seofr.toml)."""
    lines = _comment(MESSAGES["header"].render(lang))
    if table:
        lines.append(f"[{table}]")
    prefix = f"{table}." if table else ""
    for f, spec in Settings.at(Place.FILE):
        if f.name in ("rules", "per_file_ignores"):
            continue  # tables: shown at the end
        value = default_of(f)
        if value is None:
            value = _EXAMPLES.get(f.name, "")
        if f.name == "lang":
            value = lang
        elif f.name == "paths":
            value = paths or (".",)
        active = f.name in _ACTIVE or (f.name == "paths" and paths)
        lines.append("")
        lines += _comment(spec.doc.render(lang))
        lines += _assignment(key_of(f.name), value, active=bool(active))
    lines += ["", *_comment(MESSAGES["per-file"].render(lang))]
    lines += [f"# [{prefix}per-file-ignores]", '# "brouillons/*.md" = ["word-count"]']
    lines += ["", *_comment(MESSAGES["per-rule"].render(lang))]
    lines += [f"# [{prefix}rules.word-count]", "# min-words = 900", '# severity = "warning"']
    lines.append("# weight = 2")
    return "\n".join(lines) + "\n"


def pre_commit_snippet(lang: Lang) -> str:
    """The ``.pre-commit-config.yaml`` entry of seofr's hook."""
    from seofr import __version__

    repository = MESSAGES["repository"].render(lang)
    return (
        "repos:\n"
        f"  - repo: {PRE_COMMIT_URL}  # {repository}\n"
        f"    rev: v{__version__}\n"
        "    hooks:\n"
        "      - id: seofr\n"
    )


def _existing(path: Path) -> dict[str, Any] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InitError("invalid", {"path": str(path), "error": str(error)}) from None


def init(folder: Path, lang: Lang) -> Written:
    """Write the configuration in ``folder``; :class:`InitError` when it would overwrite one."""
    for name in ("seofr.toml", ".seofr.toml"):
        if (folder / name).exists():
            raise InitError("exists", {"path": str(folder / name)})
    pyproject = folder / "pyproject.toml"
    data = _existing(pyproject)
    paths = content_paths(folder)
    if data is None:
        target = folder / "seofr.toml"
        target.write_text(configuration(lang, "", paths), encoding="utf-8")
        return Written(target, appended=False)
    tool = data.get("tool")
    if isinstance(tool, dict) and "seofr" in tool:
        raise InitError("exists", {"path": str(pyproject)})
    raw = pyproject.read_bytes().decode("utf-8")
    newline = "\r\n" if "\r\n" in raw else "\n"
    section = configuration(lang, "tool.seofr", paths).replace("\n", newline)
    # a blank line between the file's last table and this one
    separator = "" if not raw else newline if raw.endswith("\n") else newline * 2
    with pyproject.open("a", encoding="utf-8", newline="") as handle:
        handle.write(separator + section)
    return Written(pyproject, appended=True)
