"""Rule documentation from the rules themselves: examples, `seofr rules`, docs/rules.md.

A rule's docstring carries its examples as fenced blocks whose info string is
``<format> <status> [option=value …]`` (format ``md``, ``html`` or ``text``;
status ``pass``, ``warn``, ``fail`` or ``skip``; values are TOML, e.g.
``keyword="vélo"``). The same examples are run as tests and printed here.
The docstring's prose is the rule's detailed description in English, its
``description_fr`` the same in French.
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
from seofr.formatters.common import toml_value
from seofr.formatters.text import SEVERITY_LABELS
from seofr.i18n import Lang, Text
from seofr.registry import AnyRule, Registry, registry
from seofr.settings import did_you_mean
from seofr.verdicts import Severity, Status

_FENCE = re.compile(r"^```(?P<info>[^\n`]*)\n(?P<body>.*?)^```\s*$", re.MULTILINE | re.DOTALL)
_TOML_LITERAL = re.compile(r"^(?:-?\d+(?:\.\d+)?|true|false|\[.*\])$")
_FORMATS = {"md": "markdown", "markdown": "markdown", "html": "html", "text": "text"}

CATEGORIES = {
    "content": Text(fr="contenu", en="content"),
    "structure": Text(fr="structure", en="structure"),
    "metadata": Text(fr="métadonnées", en="metadata"),
    "language": Text(fr="langue", en="language"),
    "readability": Text(fr="lisibilité", en="readability"),
    "links": Text(fr="liens", en="links"),
    "keyphrase": Text(fr="expression clé", en="keyphrase"),
    "rewrite": Text(fr="réécriture", en="rewrite"),
    "typography": Text(fr="typographie", en="typography"),
}
"""The built-in categories as a reader says them; a plugin's own category is shown as it is."""

STATUSES = {
    Status.PASS: Text(fr="réussite", en="pass"),
    Status.WARN: Text(fr="alerte", en="warn"),
    Status.FAIL: Text(fr="échec", en="fail"),
    Status.SKIP: Text(fr="ignorée", en="skip"),
}

LABELS = {
    "options": Text(fr="Options\u00a0:", en="Options:"),
    "examples": Text(fr="Exemples\u00a0:", en="Examples:"),
    "english-only": Text(
        fr="La description détaillée de cette règle n’existe qu’en anglais"
        "\u00a0: «\u00a0seofr rules {name} --lang en\u00a0».",
        en="The detailed description of this rule exists in English only:"
        " “seofr rules {name} --lang en”.",
    ),
    "example": Text(fr="[{format} → {status}]{settings}", en="[{format} → {status}]{settings}"),
}
"""The headings of ``seofr rules NAME``."""


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


def description(rule: AnyRule, lang: Lang) -> str:
    """The rule's detailed description in ``lang``, without its examples: the
    docstring in English, ``description_fr`` in French ("" when the rule has none)."""
    if lang == "en":
        return _description(rule)
    return inspect.cleandoc(rule.description_fr).strip()


def _option_rows(rule: AnyRule, lang: Lang) -> Iterator[tuple[str, str, str]]:
    for f in dataclasses.fields(rule.Options):
        doc = f.metadata.get("doc")
        text = doc.render(lang) if isinstance(doc, Text) else ""
        yield f.name.replace("_", "-"), repr(f.default), text


def category_label(category: str, lang: Lang) -> str:
    """A category in ``lang``: a built-in one translated, a plugin's as it is."""
    known = CATEGORIES.get(category)
    return known.render(lang) if known is not None else category


def _severity_label(severity: str, lang: Lang) -> str:
    return SEVERITY_LABELS[Severity(severity)].render(lang)


def list_rules(lang: Lang, rules: Registry | None = None, names: list[str] | None = None) -> str:
    """One line per rule (all, or ``names``): code, name, category, severity, summary."""
    rules = rules or registry()
    chosen = [(name, rules.rules[name]) for name in (names or list(rules.rules))]
    rows = [
        (
            rule.code,
            name,
            category_label(rule.category, lang),
            _severity_label(rule.severity, lang),
            rule.summary.render(lang),
        )
        for name, rule in chosen
    ]
    widths = [max((len(row[i]) for row in rows), default=0) for i in range(4)]
    lines = [
        f"{code:<5} {name:<{widths[1]}}  {category:<{max(widths[2], 12)}} "
        f"{severity:<{max(widths[3], 8)}} {summary}"
        for code, name, category, severity, summary in rows
    ]
    return "\n".join(lines) + "\n"


def find_rule(name: str, rules: Registry | None = None) -> AnyRule:
    """The rule called ``name`` or with that code."""
    rules = rules or registry()
    rule = rules.rules.get(name) or rules.by_code().get(name.upper())
    if rule is None:
        raise SeofrError(f"unknown rule {name!r} (see `seofr rules`)")
    return rule


def rules_matching(selector: str, rules: Registry | None = None) -> list[str]:
    """The rules a category (in either language) or a code prefix names, in order."""
    rules = rules or registry()
    wanted = selector.casefold()
    by_category = [
        name
        for name, rule in rules.rules.items()
        if wanted == rule.category.casefold()
        or any(wanted == label.casefold() for label in _labels(rule.category))
    ]
    return by_category or rules.matching(selector)


def _labels(category: str) -> tuple[str, ...]:
    known = CATEGORIES.get(category)
    return (known.fr, known.en) if known is not None else ()


def describe(selector: str, lang: Lang, rules: Registry | None = None) -> str:
    """``seofr rules SELECTOR``: a rule explained, or the rules of a category or code prefix."""
    rules = rules or registry()
    if selector in rules.rules or selector.upper() in rules.by_code():
        return explain_rule(selector, lang, rules)
    names = rules_matching(selector, rules)
    if not names:
        known = [*rules.rules, *(rule.category for rule in rules.rules.values())]
        raise SeofrError(
            f"unknown rule {selector!r}: no rule, category or code prefix matches"
            f"{did_you_mean(selector, known)} (see `seofr rules`)"
        )
    return list_rules(lang, rules, names)


def explain_rule(name: str, lang: Lang, rules: Registry | None = None) -> str:
    """A rule's full description in ``lang``: summary, description, options and examples.

    The long description is the rule's docstring in English and its
    ``description_fr`` in French; French output of a rule without one (a
    plugin's) says so and points to the English rather than showing English as
    French.
    """
    rule = find_rule(name, rules)
    category = category_label(rule.category, lang)
    lines = [
        f"{rule.name} ({rule.code}) — {category}, {_severity_label(rule.severity, lang)}",
        "",
        rule.summary.render(lang),
        "",
    ]
    text = description(rule, lang)
    if text:
        lines += [text, ""]
    elif _description(rule):
        lines += [LABELS["english-only"].render(lang, {"name": rule.name}), ""]
    rows = list(_option_rows(rule, lang))
    if rows:
        lines.append(LABELS["options"].render(lang))
        defaults = {
            f.name.replace("_", "-"): f.default_factory()
            if f.default is dataclasses.MISSING and f.default_factory is not dataclasses.MISSING
            else f.default
            for f in dataclasses.fields(rule.Options)
        }
        lines.extend(f"  {key} = {toml_value(defaults[key])}  — {text}" for key, _, text in rows)
        lines.append("")
    examples = list(examples_of(rule))
    if examples:
        lines.append(LABELS["examples"].render(lang))
    for example in examples:
        options = dict(example.options)
        if example.keyword:
            options["keyword"] = list(example.keyword)
        settings = "".join(f" {k}={toml_value(v)}" for k, v in options.items())
        status = STATUSES[example.status].render(lang)
        lines.append(
            LABELS["example"].render(
                lang, {"format": example.format, "status": status, "settings": settings}
            )
        )
        lines.extend("    " + line for line in example.source.rstrip("\n").split("\n"))
        lines.append("")
    return "\n".join(lines)


def rules_markdown(rules: Registry | None = None) -> str:
    """The rule reference, ``docs/rules.md``, generated from the rules' docstrings."""
    rules = rules or registry()
    out = [
        "# Rule reference",
        "",
        "Generated from the rules' docstrings and French descriptions (`description_fr`)",
        "by `python -m seofr.ruledoc > docs/rules.md`; a test fails when this file is",
        "stale. Every example below runs as a test.",
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
        french = description(rule, "fr")
        if french:
            out += ["<details><summary>En français</summary>", "", french, "", "</details>", ""]
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
