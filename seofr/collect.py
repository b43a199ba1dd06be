"""Which files a run checks: the paths given (else the configured ones), searched as ruff does.

A file named on the command line is always checked, unless ``force-exclude``
applies ``exclude`` to it too (pre-commit names every staged file). A folder is
searched for content files (:data:`seofr.document.EXTENSIONS`), leaving out

- what matches ``exclude`` (the defaults of :data:`seofr.settings.DEFAULT_EXCLUDE`
  unless replaced) and ``extend-exclude``: a bare name (``node_modules``,
  ``*.draft.md``) matches a file or folder of that name at any depth; a pattern
  with a ``/`` (``content/brouillons``, ``content/**/old-*.md``) is relative to
  the folder of the configuration file that sets it, or to the current folder
  for the command line's;
- what Git ignores, when the folder is in a Git work tree and
  ``respect-gitignore`` holds. Git itself answers (one ``git check-ignore
  --stdin`` per folder searched, over the content files found), so
  ``.gitignore`` files at every level, ``.git/info/exclude``, the global
  excludes file and negations mean exactly what they mean to Git, and a
  tracked file is never ignored; outside a work tree a ``.gitignore`` means
  nothing, to Git as here.

The same file reached twice (a folder and a file in it, or two spellings) is
checked once: files are known by their resolved path.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from seofr.config import Layer
from seofr.document import EXTENSIONS
from seofr.i18n import Lang, Text
from seofr.settings import Settings, check_value, key_of

STDIN = "-"

# Git's environment would point every folder at the repository of the caller
# (a hook runs with GIT_DIR set); a folder is to be judged by its own repository.
_GIT_LOCATION = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR")
# Names of what was left out, shown when a folder yields nothing.
_SHOWN_LEFT_OUT = 5

MESSAGES = {
    "empty-folder": Text(
        fr="Aucun fichier de contenu ({extensions}) dans «\u00a0{path}\u00a0».",
        en="No content file ({extensions}) in “{path}”.",
    ),
    "left-out": Text(
        fr="{count} {count:élément laissé|éléments laissés} de côté par «\u00a0exclude\u00a0»"
        " ou .gitignore\u00a0: {names}.",
        en="{count} {count:entry|entries} left out by “exclude” or .gitignore: {names}.",
    ),
    "git-missing": Text(
        fr="Git est introuvable\u00a0: ce que Git ignore dans «\u00a0{path}\u00a0» est vérifié quand même.",
        en="Git was not found: what Git ignores in “{path}” is checked anyway.",
    ),
    "git-failed": Text(
        fr="Git n’a pas pu dire ce qu’il ignore dans «\u00a0{path}\u00a0» ({detail})\u00a0:"
        " tout y est vérifié.",
        en="Git could not tell what it ignores in “{path}” ({detail}): everything there is checked.",
    ),
}
"""What collecting files may tell a writer."""


def _glob_regex(pattern: str) -> str:
    """The regular expression of a glob: ``*`` and ``?`` stay within a folder, ``**`` spans any."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        if pattern.startswith("**", i):
            end = i + 2
            whole = (i == 0 or pattern[i - 1] == "/") and (end == n or pattern[end] == "/")
            if whole and end == n:
                out.append(".*")
            elif whole:
                out.append("(?:[^/]+/)*")
                end += 1
            else:
                out.append("[^/]*")
            i = end
            continue
        char = pattern[i]
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            start = i + 1
            if start < n and pattern[start] in "!^":
                start += 1
            if start < n and pattern[start] == "]":
                start += 1
            close = pattern.find("]", start)
            if close == -1:
                out.append(re.escape(char))
            else:
                body = pattern[i + 1 : close].replace("\\", "\\\\")
                if body[:1] in ("!", "^"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = close
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out)


@dataclass(frozen=True)
class Pattern:
    """One ``exclude`` pattern: a bare name, or a path relative to ``root``."""

    text: str
    root: str | None  # resolved folder; None for a bare name, matched at any depth

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(_glob_regex(self.text.strip("/") if self.root else self.text))

    def matches(self, resolved: str) -> bool:
        """Whether the file or folder at the resolved path ``resolved`` matches."""
        if self.root is None:
            return self.regex.fullmatch(os.path.basename(resolved)) is not None
        prefix = self.root.rstrip(os.sep) + os.sep
        if not resolved.startswith(prefix):
            return False
        relative = resolved[len(prefix) :].replace(os.sep, "/")
        return self.regex.fullmatch(relative) is not None


def pattern(text: str, root: Path) -> Pattern:
    """``text`` as a pattern: a bare name, or a path relative to ``root`` (or absolute)."""
    stripped = text.rstrip("/")
    if "/" not in stripped:
        return Pattern(stripped, None)
    if stripped.startswith("./"):
        stripped = stripped[2:]
    if os.path.isabs(stripped):
        return Pattern(stripped, os.path.abspath(os.sep))
    return Pattern(stripped, str(root))


@dataclass(frozen=True)
class Selection:
    """What a search through folders leaves out, and whether named files obey it too."""

    patterns: tuple[Pattern, ...] = ()
    respect_gitignore: bool = True
    force_exclude: bool = False

    def excludes(self, resolved: str) -> bool:
        """Whether ``exclude`` or ``extend-exclude`` leaves out this resolved path."""
        return any(p.matches(resolved) for p in self.patterns)

    def excludes_named(self, path: Path) -> bool:
        """Whether a file named on the command line is left out (only with ``force-exclude``)."""
        if not self.force_exclude:
            return False
        resolved = Path(os.path.realpath(path))
        # a file inside an excluded folder is excluded with it
        return any(self.excludes(str(p)) for p in (resolved, *resolved.parents))


_KEYS = ("exclude", "extend_exclude", "respect_gitignore", "force_exclude")


def selection(project: Layer | None, given: Mapping[str, Any], cwd: Path) -> Selection:
    """The selection the project file and then the command line make (a later one wins).

    ``given`` holds the command line's values by field name, ``None`` when not
    given. Patterns are anchored where they were written: the project file's
    folder, or ``cwd`` for the command line.
    """
    defaults = Settings()
    patterns = [pattern(p, cwd) for p in defaults.exclude]
    switches = {"respect_gitignore": defaults.respect_gitignore, "force_exclude": False}
    layers: list[tuple[Mapping[str, Any], Path, str]] = []
    if project is not None:
        layers.append((project.values, project.root or cwd, project.origin))
    layers.append(({key_of(k): v for k, v in given.items() if v is not None}, cwd, "command line"))
    for values, root, origin in layers:
        checked = {
            name: check_value(name, values[key_of(name)], f"{origin}: {key_of(name)}")
            for name in _KEYS
            if key_of(name) in values
        }
        if "exclude" in checked:
            patterns = [pattern(p, root) for p in checked["exclude"]]
        patterns += [pattern(p, root) for p in checked.get("extend_exclude", ())]
        switches.update({k: v for k, v in checked.items() if k in switches})
    return Selection(tuple(patterns), switches["respect_gitignore"], switches["force_exclude"])


def configured_paths(project: Layer | None, cwd: Path) -> list[str]:
    """The project file's ``paths`` (relative to its folder), else the current folder."""
    if project is None or "paths" not in project.values:
        return ["."]
    values = check_value("paths", project.values["paths"], f"{project.origin}: paths")
    root = project.root or cwd
    names = []
    for value in values:
        path = root / value
        # shown as the writer would type them: relative to where seofr runs
        names.append(os.path.relpath(path, cwd) if path.is_relative_to(cwd) else str(path))
    return names or ["."]


@dataclass(frozen=True)
class EmptyFolder:
    """A folder given to search that holds no content file seofr would check."""

    path: str
    left_out: tuple[str, ...] = ()

    def message(self, lang: Lang) -> str:
        """Why nothing was checked there, in ``lang``."""
        extensions = ", ".join(EXTENSIONS)
        text = MESSAGES["empty-folder"].render(lang, {"extensions": extensions, "path": self.path})
        if self.left_out:
            names = ", ".join(self.left_out[:_SHOWN_LEFT_OUT])
            if len(self.left_out) > _SHOWN_LEFT_OUT:
                names += ", …"
            note = MESSAGES["left-out"].render(lang, {"count": len(self.left_out), "names": names})
            text = f"{text} {note}"
        return text


@dataclass
class Collection:
    """The files to check, in order and each once, and what the search has to say."""

    files: list[str] = field(default_factory=list)
    empty: list[EmptyFolder] = field(default_factory=list)
    # folders whose Git ignore rules could not be read, and Git's complaint (None: no Git)
    git_problems: list[tuple[str, str | None]] = field(default_factory=list)


class GitError(Exception):
    """Git could not say what it ignores (a path inside a submodule, a broken repository)."""


def _git(
    arguments: Sequence[str], folder: Path, data: bytes = b""
) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in _GIT_LOCATION}
    return subprocess.run(
        ["git", *arguments], cwd=folder, env=env, input=data, capture_output=True, check=False
    )


def git_ignored(folder: Path, candidates: Sequence[str]) -> frozenset[str] | None:
    """The ``candidates`` (paths relative to ``folder``) that Git ignores.

    ``None`` when ``folder`` is not in a Git work tree, or is itself ignored: a
    folder named on purpose is searched (``seofr check public/`` checks the
    generated pages). One ``git check-ignore`` reads every candidate, which
    tells a file inside an ignored folder as Git does, and never calls a
    tracked file ignored. Raises :class:`FileNotFoundError` without Git, and
    :class:`GitError` when Git fails otherwise.
    """
    real = Path(os.path.realpath(folder))
    if real.parent != real and _git(["check-ignore", "-q", real.name], real.parent).returncode == 0:
        return None
    if not candidates:
        return frozenset()
    proc = _check_ignore(real, candidates)
    if proc.returncode == 128:
        detail = os.fsdecode(proc.stderr).strip().splitlines()
        if detail and "not a git repository" in detail[0]:
            return None
        raise GitError(detail[0] if detail else f"git check-ignore failed in {folder}")
    return _listed(proc.stdout)


def _check_ignore(folder: Path, names: Sequence[str]) -> subprocess.CompletedProcess[bytes]:
    """One ``git check-ignore`` over ``names``, NUL-separated both ways."""
    return _git(
        ["check-ignore", "--stdin", "-z"], folder, b"".join(os.fsencode(n) + b"\0" for n in names)
    )


def _listed(output: bytes) -> frozenset[str]:
    return frozenset(os.fsdecode(raw) for raw in output.split(b"\0") if raw)


def ignored_files(folder: Path, names: Sequence[str]) -> frozenset[str]:
    """The ``names`` of files in ``folder`` that Git ignores, a file in an ignored
    folder included; none outside a Git work tree or without Git."""
    if not names or not _in_repository(folder):
        return frozenset()
    try:
        return _listed(_check_ignore(folder, names).stdout)
    except FileNotFoundError:
        return frozenset()


def _in_repository(folder: Path) -> bool:
    resolved = folder.resolve()
    return any((parent / ".git").exists() for parent in (resolved, *resolved.parents))


def _search(
    folder: Path, chosen: Selection, collection: Collection
) -> tuple[list[Path], list[str]]:
    """The content files below ``folder`` (relative to it), and the names left out."""
    base = os.path.abspath(folder)
    real = os.path.realpath(folder)
    found: list[str] = []
    left_out: list[str] = []

    def leaves_out(path: str) -> bool:
        # matched on the resolved path, the form configuration roots are in
        return chosen.excludes(real + path[len(base) :])

    for current, folders, files in os.walk(base):
        kept = []
        for name in sorted(folders):
            path = os.path.join(current, name)
            if not leaves_out(path):
                kept.append(name)
            elif not name.startswith("."):
                left_out.append(os.path.relpath(path, base) + "/")
        folders[:] = kept
        for name in files:
            if name.lower().endswith(EXTENSIONS):
                path = os.path.join(current, name)
                target = left_out if leaves_out(path) else found
                target.append(os.path.relpath(path, base))
    if chosen.respect_gitignore and found:
        ignored: frozenset[str] = frozenset()
        try:
            ignored = git_ignored(folder, found) or frozenset()
        except FileNotFoundError:
            if _in_repository(folder):
                collection.git_problems.append((str(folder), None))
        except GitError as error:
            collection.git_problems.append((str(folder), str(error)))
        left_out += [name for name in found if name in ignored]
        found = [name for name in found if name not in ignored]
    return sorted(map(Path, found)), left_out


def collect(
    paths: Sequence[str], selection_for: Callable[[Path], Selection], stdin: bool = True
) -> Collection:
    """The files ``paths`` name or hold, each once, searched with ``selection_for(path)``.

    ``-`` is standard input (kept as is when ``stdin``). A path that does not
    exist is kept: reading it says so, in the report's errors.
    """
    collection = Collection()
    seen: set[str] = set()

    def add(names: Iterable[str]) -> None:
        for name in names:
            key = name if name == STDIN else os.path.realpath(name)
            if key not in seen:
                seen.add(key)
                collection.files.append(name)

    for raw in paths:
        path = Path(raw)
        if raw == STDIN:
            add([raw] if stdin else [])
        elif path.is_dir():
            found, left_out = _search(path, selection_for(path), collection)
            if not found:
                collection.empty.append(EmptyFolder(raw, tuple(left_out)))
            add(str(path / relative) for relative in found)
        elif not selection_for(path).excludes_named(path):
            add([raw])
    return collection


__all__ = [
    "MESSAGES",
    "Collection",
    "EmptyFolder",
    "GitError",
    "Pattern",
    "Selection",
    "collect",
    "configured_paths",
    "git_ignored",
    "pattern",
    "selection",
]
