"""Third-party rules: installed as a package, listed by `seofr rules`, run by `seofr check`."""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
import textwrap
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from seofr import Rule
from seofr.errors import ConfigError
from seofr.registry import build_registry, registry
from seofr.ruledoc import examples_of, explain_rule
from seofr.session import Session
from seofr.verdicts import Status

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
    twin = EntryPoint("twin", "seofr_rules.content.word_count:WordCount", "seofr.rules")
    with pytest.raises(ConfigError, match="word-count"):
        build_registry([first, twin], [])


def _documented_rules() -> list[type]:
    """The rule classes defined by the Python examples of docs/writing-rules.md."""
    text = (Path(__file__).resolve().parent.parent / "docs" / "writing-rules.md").read_text(
        encoding="utf-8"
    )
    found: list[type] = []
    # a docstring example inside a Python block is indented: only top-level fences close it
    for block in re.findall(r"^```python\n(.*?)^```$", text, flags=re.S | re.M):
        namespace: dict[str, object] = {}
        exec(compile(block, "docs/writing-rules.md", "exec"), namespace)
        found += [
            value
            for value in namespace.values()
            if isinstance(value, type) and issubclass(value, Rule) and value is not Rule
        ]
    return found


def test_the_rules_of_the_documentation_run_their_examples() -> None:

    documented = _documented_rules()
    assert {rule.name for rule in documented} == {"no-shouting", "repeated-adverb"}
    base = registry()
    session = Session(
        dataclasses.replace(base, rules={**base.rules, **{r.name: r for r in documented}})
    )
    for rule in documented:
        examples = list(examples_of(rule))
        assert {e.status for e in examples} >= {Status.PASS, Status.FAIL}, rule.name
        for example in examples:
            report = session.analyze(
                example.source, select=rule.name, input_format=example.format, config=False
            )
            result = report.result(rule.name)
            assert result is not None and result.status is example.status, (rule.name, example)
    # a French description is printed in French; without one, a line points to the English
    rules = dataclasses.replace(base, rules={r.name: r for r in documented})
    shouting = explain_rule("no-shouting", "fr", rules)
    assert "Aucun titre ne porte de point d’exclamation.\n\nUn titre annonce" in shouting
    assert "n’existe qu’en anglais" in explain_rule("repeated-adverb", "fr", rules)
