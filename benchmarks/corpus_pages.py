"""``python -m benchmarks.corpus_pages [--per-package N]``: real French pages from Debian.

Installs (with ``apt-get``, when missing) five Debian packages that ship French
HTML written by others, finds their French pages with ``dpkg -L``, and copies a
deterministic sample — the sorted paths, evenly spaced, ``--per-package`` of
them (40 by default; 0 keeps them all) — into ``.pages/<generator>/`` at the
root of the repository (``.pages/`` is git-ignored). ``.pages/manifest.json``
records, for every page, its package and version, the generator of its HTML,
its source path, its copied path and its size.

The groups are the packages; the directory is named by what produced the HTML
(``publican``, ``docbook-xsl``, ``asciidoctor``…), as read from the pages'
``<meta name="generator">`` and markup. Running it again gives the same files
and removes pages a smaller sample no longer holds. Exit status 2 when apt or
dpkg fails or a package ships no French page.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import ROOT, Outcome

PAGES = ROOT / ".pages"
MANIFEST = PAGES / "manifest.json"
DEFAULT_PER_PACKAGE = 40
_HTML = re.compile(r"\.x?html?(\.gz)?$")
_GENERATOR = re.compile(rb"""<meta[^>]*\bname=["']generator["'][^>]*>""", re.IGNORECASE)
_CONTENT = re.compile(rb"""\bcontent=["']([^"']*)["']""", re.IGNORECASE)


@dataclass(frozen=True)
class Package:
    """A Debian package, the generator of its HTML and which of its files are French pages."""

    name: str
    generator: str
    is_french_page: Callable[[str], bool]
    # the folder the copied names are made relative to
    root: str
    note: str


PACKAGES = (
    Package(
        "debian-handbook",
        "publican",
        # one folder per language; Common_Content holds only CSS and images
        lambda path: "/html/fr-FR/" in path and "/Common_Content/" not in path,
        "/usr/share/doc/debian-handbook/html/fr-FR",
        "Publican 4.3.2 (DocBook XSL underneath): chunked book, one page per section",
    ),
    Package(
        "debian-edu-doc-fr",
        "docbook-xsl",
        # two whole manuals, one page each; the package holds French only
        lambda path: path.startswith("/usr/share/doc/debian-edu-doc-fr/"),
        "/usr/share/doc/debian-edu-doc-fr",
        "DocBook XSL Stylesheets (Vsnapshot), converted from the wiki: one page per manual",
    ),
    Package(
        "kicad-doc-fr",
        "asciidoctor",
        lambda path: "/help/fr/" in path,
        "/usr/share/doc/kicad/help/fr",
        "Asciidoctor 2.0.18: one page per manual, with a table of contents",
    ),
    Package(
        "linuxcnc-doc-fr",
        "hand-xhtml",
        # the French manuals are PDF; the one HTML page is the G-code quick reference
        lambda path: path.endswith("_fr.html"),
        "/usr/share/doc/linuxcnc",
        "hand-written XHTML 1.0 (no generator), a table; the text is in English",
    ),
    Package(
        "libreoffice-help-fr",
        "libreoffice-help",
        lambda path: "/help/fr/" in path,
        "/usr/share/libreoffice/help/fr",
        "LibreOffice's help XSLT (xhp to HTML), chrome filled by JavaScript",
    ),
)


class CorpusError(Exception):
    """Something that stops the corpus from being built (apt, dpkg, no page)."""


def _run(command: Sequence[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(command), capture_output=True, text=True, check=False)


def installed_version(name: str) -> str | None:
    """The installed version of a Debian package, or None."""
    try:
        done = _run(["dpkg-query", "-W", "-f=${Status}\t${Version}", name])
    except FileNotFoundError:
        raise CorpusError(
            "dpkg-query not found: this script needs Debian or a derivative"
        ) from None
    if done.returncode != 0:
        return None
    status, _, version = done.stdout.partition("\t")
    return version if status.endswith(" installed") else None


def install(names: Sequence[str]) -> None:
    """Install the missing packages with apt-get (an ``apt-get update`` first if needed)."""
    if not names:
        return
    print(f"installing with apt-get: {' '.join(names)}", flush=True)
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        raise CorpusError(
            f"installing needs root: run `sudo apt-get install {' '.join(names)}` first"
        )
    command = ["apt-get", "install", "-y", "--no-install-recommends", *names]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0:
        # an image without package lists: fetch them once and try again
        print("apt-get install failed; running apt-get update and trying again", flush=True)
        update = subprocess.run(
            ["apt-get", "update"], capture_output=True, text=True, check=False, env=env
        )
        if update.returncode != 0:
            raise CorpusError(f"apt-get update failed:\n{update.stderr.strip()[-2000:]}")
        done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
        if done.returncode != 0:
            raise CorpusError(f"apt-get install failed:\n{done.stderr.strip()[-2000:]}")


def french_pages(package: Package) -> list[str]:
    """The sorted paths of the package's French HTML pages, as ``dpkg -L`` lists them."""
    done = _run(["dpkg", "-L", package.name])
    if done.returncode != 0:
        raise CorpusError(f"dpkg -L {package.name} failed: {done.stderr.strip()}")
    paths = sorted(
        {
            line
            for line in done.stdout.splitlines()
            if _HTML.search(line) and package.is_french_page(line) and Path(line).is_file()
        }
    )
    if not paths:
        raise CorpusError(f"{package.name} ships no French HTML page")
    return paths


def missing(benchmark: str) -> Outcome | None:
    """The skipped outcome of ``benchmark`` when the corpus was not built, said once; else None."""
    if MANIFEST.is_file():
        return None
    print(
        f"skipped: no {MANIFEST.relative_to(ROOT)}; build the corpus with"
        " `python -m benchmarks.corpus_pages` (Debian, root or sudo)"
    )
    return Outcome(benchmark, {"skipped": "no .pages/manifest.json"})


def sample(paths: Sequence[str], count: int) -> list[str]:
    """``count`` of the sorted ``paths``, evenly spaced; all of them for 0 or more than exist."""
    if count <= 0 or count >= len(paths):
        return list(paths)
    return [paths[i * len(paths) // count] for i in range(count)]


def read_page(path: str) -> bytes:
    """The bytes of a page, decompressed when it is a ``.gz``."""
    data = Path(path).read_bytes()
    return gzip.decompress(data) if path.endswith(".gz") else data


def copied_name(package: Package, path: str) -> str:
    """The file name of a page inside its generator's folder: its path below the root."""
    relative = os.path.relpath(path, package.root)
    name = relative.removesuffix(".gz").replace(os.sep, "__")
    return name


def generator_meta(data: bytes) -> str | None:
    """What the page's ``<meta name="generator">`` says, if it has one."""
    tag = _GENERATOR.search(data[:20000])
    if tag is None:
        return None
    content = _CONTENT.search(tag.group(0))
    return content.group(1).decode("utf-8", "replace") if content else None


def build(per_package: int) -> list[dict[str, object]]:
    """Copy the sample of every package into ``.pages``; return the manifest's pages."""
    missing = [p.name for p in PACKAGES if installed_version(p.name) is None]
    install(missing)
    entries: list[dict[str, object]] = []
    wanted: dict[Path, set[str]] = {}
    for package in PACKAGES:
        version = installed_version(package.name)
        if version is None:
            raise CorpusError(f"{package.name} is still not installed after apt-get")
        paths = french_pages(package)
        chosen = sample(paths, per_package)
        folder = PAGES / package.generator
        folder.mkdir(parents=True, exist_ok=True)
        names = wanted.setdefault(folder, set())
        written = 0
        for path in chosen:
            data = read_page(path)
            name = copied_name(package, path)
            if name in names:
                raise CorpusError(f"two pages would be copied to {folder / name}")
            names.add(name)
            target = folder / name
            if not target.is_file() or target.read_bytes() != data:
                target.write_bytes(data)
                written += 1
            entries.append(
                {
                    "package": package.name,
                    "version": version,
                    "generator": package.generator,
                    "generator_meta": generator_meta(data),
                    "source": path,
                    "path": str(target.relative_to(ROOT)),
                    "bytes": len(data),
                }
            )
        print(
            f"{package.name} {version}: {len(paths)} French page(s), {len(chosen)} kept"
            f" in {folder.relative_to(ROOT)}/ ({written} written, {len(chosen) - written}"
            f" already there) — {package.note}",
            flush=True,
        )
    removed = 0
    for folder, names in wanted.items():
        for stale in folder.iterdir():
            if stale.is_file() and stale.name not in names:
                stale.unlink()
                removed += 1
    if removed:
        print(f"{removed} pages of an earlier, larger sample removed")
    return entries


def main(argv: Sequence[str] | None = None) -> int:
    """Build the corpus; 0 when done, 2 when apt, dpkg or a package fails."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.corpus_pages", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--per-package",
        type=int,
        default=DEFAULT_PER_PACKAGE,
        metavar="N",
        help=f"pages kept per package, evenly spaced (default {DEFAULT_PER_PACKAGE}; 0: all)",
    )
    args = parser.parse_args(argv)
    if args.per_package < 0:
        parser.error("--per-package must be 0 (all) or more")
    try:
        entries = build(args.per_package)
    except (CorpusError, OSError) as error:
        print(f"corpus_pages: {error}", file=sys.stderr)
        return 2
    manifest = {
        "per_package": args.per_package,
        "packages": {
            p.name: {"generator": p.generator, "root": p.root, "note": p.note} for p in PACKAGES
        },
        "pages": entries,
    }
    MANIFEST.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    total = sum(int(str(entry["bytes"])) for entry in entries)
    print(f"{len(entries)} pages, {total / 1e6:.1f} MB, listed in {MANIFEST.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
