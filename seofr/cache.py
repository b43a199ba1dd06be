"""A cache of reports on disk, so unchanged files are not analysed twice.

An entry is keyed by the document's bytes and path, the settings given on the
command line, the content of the project configuration file that applies to
the document, the original of a rewrite, and the code and data of seofr and of
every installed rule package (every file, not only Python: profiles and word
lists change verdicts too). An entry also records the other files its
resolution read — a profile named in the project file or in the front matter —
with their digests, and is served only while they are unchanged. A hit needs
no parsing and no model. Entries are written atomically; an unreadable entry
is ignored and rewritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Mapping
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from seofr.config import ConfigFiles
from seofr.registry import Registry
from seofr.report import Report

DEFAULT_DIR = Path(".seofr_cache")
# Bumped when the shape of a cache entry changes.
_FORMAT = "2"


def registry_fingerprint(registry: Registry) -> str:
    """The installed rules and the versions of the packages that provide them."""
    parts = []
    for name, rule in registry.rules.items():
        package = registry.origins.get(name, "")
        try:
            package_version = version(package)
        except (PackageNotFoundError, ValueError):
            package_version = "?"
        parts.append(f"{name}:{rule.code}:{package}:{package_version}")
    return "|".join(sorted(parts))


def package_folders(registry: Registry) -> set[Path]:
    """The folders of seofr and of every package that provides a rule."""
    import seofr

    folders = {Path(seofr.__file__).parent}
    for rule in registry.rules.values():
        top = rule.__module__.split(".", 1)[0]
        module = sys.modules.get(top)
        if module is not None and getattr(module, "__file__", None):
            folders.add(Path(str(module.__file__)).parent)
    return folders


def code_fingerprint(folders: Iterable[Path]) -> str:
    """Sizes and times of every file under ``folders``: code, profiles, word lists.

    Released versions already change the key; this catches an edited checkout,
    an edited data file, or a rule package reinstalled without a new version.
    """
    parts = []
    for folder in sorted(folders):
        for file in sorted(folder.rglob("*")):
            if "__pycache__" in file.parts:
                continue
            try:
                stat = file.stat()
            except OSError:
                continue
            if file.is_file():
                parts.append(f"{file}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


class ReportCache:
    """Reports stored under ``folder``, one JSON file each."""

    def __init__(self, registry: Registry, files: ConfigFiles, folder: Path | None = None) -> None:
        from seofr import __version__

        self.folder = folder if folder is not None else DEFAULT_DIR
        self.files = files
        self._base = (
            f"{_FORMAT}|{__version__}|{registry_fingerprint(registry)}"
            f"|{code_fingerprint(package_folders(registry))}"
        )

    def key(
        self,
        content: bytes,
        path: str | None,
        arguments: Mapping[str, Any],
        project: Path | None,
        original: str | None = None,
    ) -> str:
        """The cache key of one document checked with ``arguments`` under ``project``."""
        digest = hashlib.sha256()
        for part in (
            self._base,
            json.dumps(dict(arguments), sort_keys=True, default=str),
            path or "",
            str(project or ""),
            self.files.digest(project) if project else "",
            self.files.digest(Path(original)) if original else "",
        ):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        digest.update(content)
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def load(self, key: str, path: str | None) -> Report | None:
        """The stored report, or ``None`` when absent, unreadable or stale."""
        try:
            data = json.loads(self._entry(key).read_text(encoding="utf-8"))
            depends = data["depends"]
            for file, digest in depends.items():
                if self.files.digest(Path(file)) != digest:
                    return None  # a profile it read has changed since
            return Report.from_data(data["report"], path)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def store(self, key: str, report: Report, depends: Iterable[Path] = ()) -> None:
        """Write ``report`` atomically with the digests of the files it ``depends`` on.

        A cache that cannot be written is ignored: it only costs the next run
        some time.
        """
        entry = self._entry(key)
        data = {
            "depends": {str(file): self.files.digest(file) for file in depends},
            "report": report.to_data(),
        }
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            tag = self.folder / "CACHEDIR.TAG"
            if not tag.exists():
                tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n# seofr cache\n")
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=entry.parent, delete=False, suffix=".tmp"
            ) as handle:
                json.dump(data, handle, ensure_ascii=False)
            os.replace(handle.name, entry)
        except OSError:
            return
