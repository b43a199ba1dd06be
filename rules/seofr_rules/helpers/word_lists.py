"""Word lists shipped as data files in ``seofr_rules/data``."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The entries of ``data/<name>.txt``: one per line, ``#`` comments and blanks skipped."""
    text = (files("seofr_rules") / "data" / f"{name}.txt").read_text(encoding="utf-8")
    entries = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(entry for entry in entries if entry)
