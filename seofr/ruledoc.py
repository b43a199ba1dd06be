"""Rule documentation from the rules themselves: examples, `seofr rules`, docs/rules.md.

A rule's docstring carries its examples as fenced blocks whose info string is
``<format> <status> [option=value …]`` (format ``md``, ``html`` or ``text``;
status ``pass``, ``warn``, ``fail`` or ``skip``; values are TOML, e.g.
``keyword="vélo"``). The same examples are run as tests and printed here.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import re
import shlex
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from seofr.errors import SeofrError
from seofr.i18n import Lang, Text
from seofr.registry import AnyRule, Registry, registry
from seofr.verdicts import Status

_FENCE = re.compile(r"^```(?P<info>[^\n`]*)\n(?P<body>.*?)^```\s*$", re.MULTILINE | re.DOTALL)
_TOML_LITERAL = re.compile(r"^(?:-?\d+(?:\.\d+)?|true|false|\[.*\])$")
_FORMATS = {"md": "markdown", "markdown": "markdown", "html": "html", "text": "text"}


@dataclass(frozen=True)
class Example:
    """One docstring example: its input, format, expected status and options."""

    rule: str
    format: str
    status: Status
    source: str
    options: dict[str, Any]
    keyword: tuple[str, ...] = ()
    original: str | None = None


def _parse_options(words: list[str], where: str) -> dict[str, Any]:
    # shlex removed the quotes: put each value back as TOML, quoting what is not a number
    lines = []
    for word in words:
        key, _, value = word.partition("=")
        lines.append(f"{key} = {value if _TOML_LITERAL.match(value) else json.dumps(value)}")
    text = "\n".join(lines)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SeofrError(f"{where}: bad example options {' '.join(words)!r}: {exc}") from None


def rule_doc(rule: AnyRule) -> str:
    """The rule's docstring, dedented."""
    return inspect.cleandoc(rule.__doc__ or "")


def examples_of(rule: AnyRule) -> Iterator[Example]:
    """The examples of ``rule``'s docstring, in order."""
    for match in _FENCE.finditer(rule_doc(rule)):
        info = shlex.split(match.group("info"))
        if len(info) < 2 or info[0] not in _FORMATS:
            continue
        options = _parse_options(info[2:], f"rule {rule.name}")
        keyword = options.pop("keyword", ())
        original = options.pop("original", None)
        yield Example(
            rule=rule.name,
            format=_FORMATS[info[0]],
            status=Status(info[1]),
            source=match.group("body"),
            options=options,
            keyword=(keyword,) if isinstance(keyword, str) else tuple(keyword),
            original=original,
        )


def _description(rule: AnyRule) -> str:
    """The docstring without its examples."""
    return _FENCE.sub("", rule_doc(rule)).strip()


def _option_rows(rule: AnyRule, lang: Lang) -> Iterator[tuple[str, str, str]]:
    for f in dataclasses.fields(rule.Options):
        doc = f.metadata.get("doc")
        text = doc.render(lang) if isinstance(doc, Text) else ""
        yield f.name.replace("_", "-"), repr(f.default), text


def list_rules(lang: Lang, rules: Registry | None = None) -> str:
    """One line per rule: name, code, category, severity, summary."""
    rules = rules or registry()
    width = max((len(name) for name in rules.rules), default=0)
    lines = [
        f"{rule.code:<5} {name:<{width}}  {rule.category:<12} {rule.severity!s:<8} "
        f"{rule.summary.render(lang)}"
        for name, rule in rules.rules.items()
    ]
    return "\n".join(lines) + "\n"


def find_rule(name: str, rules: Registry | None = None) -> AnyRule:
    """The rule called ``name`` or with that code."""
    rules = rules or registry()
    rule = rules.rules.get(name) or rules.by_code().get(name.upper())
    if rule is None:
        raise SeofrError(f"unknown rule {name!r} (see `seofr rules`)")
    return rule


def explain_rule(name: str, lang: Lang, rules: Registry | None = None) -> str:
    """A rule's full description: summary, docstring, options and examples."""
    rule = find_rule(name, rules)
    lines = [
        f"{rule.name} ({rule.code}) — {rule.category}, {rule.severity}",
        "",
        rule.summary.render(lang),
        "",
        _description(rule),
        "",
    ]
    rows = list(_option_rows(rule, lang))
    if rows:
        lines.append("Options:" if lang == "en" else "Options :")
        lines.extend(f"  {key} = {default}  — {text}" for key, default, text in rows)
        lines.append("")
    for example in examples_of(rule):
        settings = " ".join(f"{k}={v!r}" for k, v in example.options.items())
        lines.append(f"[{example.format} → {example.status}] {settings}".rstrip())
        lines.extend("    " + line for line in example.source.rstrip("\n").split("\n"))
        lines.append("")
    return "\n".join(lines)


def rules_markdown(rules: Registry | None = None) -> str:
    """The rule reference, ``docs/rules.md``, generated from the rules' docstrings."""
    rules = rules or registry()
    out = [
        "# Rule reference",
        "",
        "Generated from the rules' docstrings by `python -m seofr.ruledoc > docs/rules.md`;",
        "a test fails when this file is stale. Every example below runs as a test.",
        "",
    ]
    for name, rule in rules.rules.items():
        out += [
            f"## `{name}` ({rule.code})",
            "",
            f"Category: {rule.category}. Default severity: {rule.severity}.",
            "",
            f"- fr : {rule.summary.fr}",
            f"- en: {rule.summary.en}",
            "",
            _description(rule),
            "",
        ]
        rows = list(_option_rows(rule, "en"))
        if rows:
            out += ["| option | default | meaning |", "| --- | --- | --- |"]
            out += [f"| `{key}` | `{default}` | {text} |" for key, default, text in rows]
            out.append("")
        for example in examples_of(rule):
            settings = ", ".join(f"`{k} = {v!r}`" for k, v in example.options.items())
            if example.keyword:
                settings = ", ".join(filter(None, [f"keyword {example.keyword!r}", settings]))
            if example.original:
                settings = ", ".join(filter(None, [f"original {example.original!r}", settings]))
            out.append(f"Example, **{example.status}**{' with ' + settings if settings else ''}:")
            out += ["", f"```{'md' if example.format == 'markdown' else example.format}"]
            out += [example.source.rstrip("\n"), "```", ""]
    return "\n".join(out).rstrip("\n") + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(rules_markdown(), end="")
