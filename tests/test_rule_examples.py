"""Every rule's docstring examples run, every rule has a pass and a fail example, and
every built-in rule has its detailed description in French."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

import seofr
from seofr.registry import registry
from seofr.ruledoc import Example, description, examples_of, rules_markdown
from seofr.verdicts import Status

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [example for rule in registry().rules.values() for example in examples_of(rule)]


@pytest.mark.parametrize("name", sorted(registry().rules))
def test_rule_has_pass_and_fail_examples(name: str) -> None:
    statuses = {example.status for example in examples_of(registry().rules[name])}
    assert {Status.PASS, Status.FAIL} <= statuses, f"{name} lacks a pass or a fail example"


BUILTIN = sorted(n for n, r in registry().rules.items() if r.__module__.startswith("seofr_rules."))


@pytest.mark.parametrize("name", BUILTIN)
def test_rule_has_a_french_description(name: str) -> None:
    # the docstring is the English description; `seofr rules NAME --lang fr` shows this one
    rule = registry().rules[name]
    french, english = description(rule, "fr"), description(rule, "en")
    assert french, f"{name} has no description_fr"
    assert french != english and "```" not in french, "the examples stay in the docstring"
    assert "(s)" not in french, "a real plural, not « mot(s) »"
    # it speaks of the same options as the English one
    options = {f.name.replace("_", "-") for f in dataclasses.fields(rule.Options)}
    named = [set(re.findall(r"``([a-z-]+)``", text)) & options for text in (english, french)]
    assert named[0] <= named[1], f"options the French description leaves out: {named[0] - named[1]}"


@pytest.mark.parametrize(
    "example", EXAMPLES, ids=[f"{e.rule}-{e.status}-{i}" for i, e in enumerate(EXAMPLES)]
)
def test_docstring_example(example: Example) -> None:
    report = seofr.analyze(
        example.source,
        input_format=example.format,
        select=[example.rule],
        rules={example.rule: example.options} if example.options else None,
        keyword=example.keyword or None,
        original=example.original.replace("\\n", "\n") if example.original else None,
        config=False,
    )
    result = report.result(example.rule)
    assert result is not None
    messages = [f.message for f in report.shown_of(example.rule)]
    assert result.status is example.status, messages
    if example.status in (Status.FAIL, Status.WARN):
        assert messages, "a failing example must say what is wrong"
        assert all(f.fix for f in report.shown_of(example.rule)), "every finding needs a fix"


def test_rule_reference_is_up_to_date() -> None:
    generated = rules_markdown()
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == generated, (
        "docs/rules.md is stale: run `.venv/bin/python -m seofr.ruledoc > docs/rules.md`"
    )
