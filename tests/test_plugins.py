"""Third-party rules: installed as a package, listed by `seofr rules`, run by `seofr check`."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from seofr.errors import ConfigError
from seofr.registry import build_registry

PLUGIN = '''
"""A rule a newsroom could write: no exclamation mark in headings."""
from dataclasses import dataclass

from seofr import Rule, Template, Text


@dataclass(frozen=True)
class NoOptions:
    pass


class NoShouting(Rule[NoOptions]):
    """Headings hold no exclamation mark.

    ```md pass
    # Calme
    ```

    ```md fail
    # Alerte !
    ```
    """

    name = "no-shouting"
    code = "Z900"
    category = "style"
    summary = Text(fr="Pas de point d’exclamation dans les titres.", en="No exclamation mark in headings.")
    Options = NoOptions
    templates = {
        "shout": Template(
            Text(fr="Point d’exclamation dans un titre.", en="Exclamation mark in a heading."),
            Text(fr="Retirez le point d’exclamation.", en="Remove the exclamation mark."),
        )
    }

    def check(self, doc, ctx, options):
        for heading in doc.headings:
            if "!" in heading.text:
                yield self.fail("shout", heading.span)
'''


def _install_plugin(target: Path, module: str, body: str, entry: str) -> None:
    """Install a package the way pip lays it out: the module and its .dist-info."""
    (target / f"{module}.py").write_text(textwrap.dedent(body), encoding="utf-8")
    info = target / f"{module}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[seofr.rules]\n{module} = {entry}\n")


def _run(args: list[str], site: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run(
        [sys.executable, "-m", "seofr.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_installed_plugin_is_listed_and_runs(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    _install_plugin(site, "seofr_shouting", PLUGIN, "seofr_shouting:NoShouting")
    listing = _run(["rules"], site, tmp_path)
    assert listing.returncode == 0, listing.stderr
    assert "no-shouting" in listing.stdout and "Z900" in listing.stdout
    doc = tmp_path / "alerte.md"
    doc.write_text("# Alerte générale !\n\nLe texte.\n", encoding="utf-8")
    checked = _run(["check", str(doc), "--select", "no-shouting", "--lang", "en"], site, tmp_path)
    assert "Exclamation mark in a heading." in checked.stdout
    assert f"{doc}:1:3" in checked.stdout


def test_broken_plugin_is_a_warning_not_a_crash(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    _install_plugin(
        site, "seofr_broken", "raise ImportError('missing dependency')\n", "seofr_broken:X"
    )
    listing = _run(["rules"], site, tmp_path)
    assert listing.returncode == 0
    assert "word-count" in listing.stdout
    assert "seofr_broken" in listing.stderr and "missing dependency" in listing.stderr


def test_two_rules_with_one_name_is_an_error_naming_both() -> None:
    first = EntryPoint("builtin", "seofr_rules:builtin_rules", "seofr.rules")
    twin = EntryPoint("twin", "seofr_rules.words:WordCount", "seofr.rules")
    with pytest.raises(ConfigError, match="word-count"):
        build_registry([first, twin], [])
