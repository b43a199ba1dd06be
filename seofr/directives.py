"""Inline comments that switch rules off, as linters allow.

- ``<!-- seofr-disable rule[, rule…] -->`` … ``<!-- seofr-enable rule -->``: off
  between the two comments (to the end of the file without an enable);
- ``<!-- seofr-disable-next-line rule -->``: off on the next line that is not blank;
- ``<!-- seofr-disable-file rule -->``: the rule does not run on this document.

A rule is named by its name or code (or a code prefix); no name means every rule.
Only findings that have a position can be silenced by the first two forms. A
directive seofr does not know (``seofr-disable-line``) or a rule name it does not
know (a typo) silences nothing and is reported, as ruff reports unused ``noqa``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from seofr.document.model import Document, InputNote

_DIRECTIVE = re.compile(r"^\s*seofr-([a-z-]*[a-z])\b(.*)$", re.DOTALL | re.IGNORECASE)
VERBS = ("disable-next-line", "disable-file", "disable", "enable")
ALL = "*"


@dataclass
class Directives:
    """Where each rule is switched off in one document."""

    off_for_file: set[str] = field(default_factory=set)
    # rule name (or ALL) → line ranges [first, last], last None for "to the end"
    off_lines: dict[str, list[tuple[int, int | None]]] = field(default_factory=dict)
    # directives that silence nothing: unknown verbs, unknown rules
    problems: list[InputNote] = field(default_factory=list)

    def file_disabled(self, rule: str) -> bool:
        """Whether a ``seofr-disable-file`` comment switches ``rule`` off."""
        return rule in self.off_for_file or ALL in self.off_for_file

    def silenced(self, rule: str, line: int) -> bool:
        """Whether findings of ``rule`` on ``line`` are switched off."""
        for key in (rule, ALL):
            for first, last in self.off_lines.get(key, ()):
                if first <= line and (last is None or line <= last):
                    return True
        return False


def parse_directives(doc: Document, resolve: Callable[[str], Iterable[str]]) -> Directives:
    """Read the directives of ``doc``; ``resolve`` turns a selector into rule names."""
    result = Directives()
    open_ranges: dict[str, int] = {}
    lines = doc.source.split("\n")
    for comment in doc.comments:
        match = _DIRECTIVE.match(comment.text)
        if not match:
            continue
        verb, rest = match.groups()
        verb = verb.lower()
        if verb not in VERBS:
            known = ", ".join(f"seofr-{v}" for v in VERBS)
            params = {"directive": f"seofr-{verb}", "known": known}
            result.problems.append(InputNote("directive-unknown", params, comment.span))
            continue
        selectors = [s for s in re.split(r"[\s,]+", rest.strip()) if s]
        names = []
        for selector in selectors:
            found = list(resolve(selector))
            if not found:
                params = {"directive": f"seofr-{verb}", "rule": selector}
                result.problems.append(InputNote("directive-rule-unknown", params, comment.span))
            names += found
        if selectors and not names:
            continue
        names = names or [ALL]
        end_line = comment.span.end_line
        for name in names:
            if verb == "disable-file":
                result.off_for_file.add(name)
            elif verb == "disable":
                open_ranges.setdefault(name, comment.span.line)
            elif verb == "enable":
                targets = list(open_ranges) if name == ALL else [name]
                for target in targets:
                    if target in open_ranges:
                        first = open_ranges.pop(target)
                        result.off_lines.setdefault(target, []).append((first, end_line))
            else:
                target_line = end_line + 1
                while target_line <= len(lines) and not lines[target_line - 1].strip():
                    target_line += 1
                result.off_lines.setdefault(name, []).append((target_line, target_line))
    for name, first in open_ranges.items():
        result.off_lines.setdefault(name, []).append((first, None))
    return result
