"""A cache of reports on disk, so unchanged files are not analysed twice.

An entry is keyed by the document's bytes, everything that shapes the
effective configuration (command-line options, the project configuration
file, a profile file, the original for rewrite checks) and the versions of
seofr and of every installed rule package. A hit needs no parsing and no
model. Entries are written atomically; an unreadable entry is ignored and
rewritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from dataclasses import asdict
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from seofr.config import find_project_layer
from seofr.engine import Options
from seofr.registry import Registry
from seofr.report import Report

DEFAULT_DIR = Path(".seofr_cache")
# Bumped when the shape of a cache entry changes.
_FORMAT = "1"


def _file_digest(path: str | os.PathLike[str] | None) -> str:
    if path is None:
        return ""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return "unreadable"


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


def code_fingerprint(registry: Registry) -> str:
    """Sizes and times of the engine's and the rules' source files.

    Released versions already change the key; this catches an edited checkout
    or a rule package reinstalled without a new version number.
    """
    import seofr

    files = set(Path(seofr.__file__).parent.rglob("*.py"))
    for rule in registry.rules.values():
        module = sys.modules.get(rule.__module__)
        if module is not None and getattr(module, "__file__", None):
            files.add(Path(str(module.__file__)))
    parts = []
    for file in sorted(files):
        try:
            stat = file.stat()
        except OSError:
            continue
        parts.append(f"{file}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


class ReportCache:
    """Reports stored under ``folder``, one JSON file each."""

    def __init__(self, registry: Registry, folder: Path | None = None) -> None:
        from seofr import __version__

        self.folder = folder if folder is not None else DEFAULT_DIR
        self._base = (
            f"{_FORMAT}|{__version__}|{registry_fingerprint(registry)}|{code_fingerprint(registry)}"
        )

    def key(
        self, content: bytes, path: str | None, options: Options, original: str | None = None
    ) -> str:
        """The cache key of one document checked with ``options``."""
        digest = hashlib.sha256()
        project = None
        if options.config is None or options.config is True:
            start = Path(path).parent if path else Path.cwd()
            layer = find_project_layer(start)
            project = layer.origin.split(" [", 1)[0] if layer else None
        elif options.config is not False:
            project = os.fspath(options.config)
        profile = options.profile if options.profile and options.profile.endswith(".toml") else None
        for part in (
            self._base,
            json.dumps(asdict(options), sort_keys=True, default=str),
            path or "",
            _file_digest(project),
            _file_digest(profile),
            _file_digest(original),
        ):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        digest.update(content)
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def load(self, key: str, path: str | None) -> Report | None:
        """The stored report, or ``None`` when absent or unreadable."""
        try:
            data = json.loads(self._entry(key).read_text(encoding="utf-8"))
            return Report.from_dict(data, path)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def store(self, key: str, report: Report) -> None:
        """Write ``report`` atomically; a cache that cannot be written is ignored."""
        entry = self._entry(key)
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            tag = self.folder / "CACHEDIR.TAG"
            if not tag.exists():
                tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n# seofr cache\n")
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=entry.parent, delete=False, suffix=".tmp"
            ) as handle:
                json.dump(report.to_dict(), handle, ensure_ascii=False)
            os.replace(handle.name, entry)
        except OSError:
            return  # a read-only or full disk only costs the next run some time
