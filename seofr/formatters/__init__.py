"""Output formats. A formatter turns reports into text; it never recomputes anything.

Each format lives in its own module, imported on demand so that a run loads
only the format it prints; what they share is in :mod:`seofr.formatters.common`.
"""

from __future__ import annotations

from seofr.formatters.common import Batch, Formatter

FORMATS = ("text", "json", "sarif", "github", "junit")


def get_formatter(name: str) -> Formatter:
    """The formatter called ``name`` (one of :data:`FORMATS`)."""
    # imported on demand: a run loads only the format it prints
    if name == "json":
        from seofr.formatters.json import format_json

        return format_json
    if name == "sarif":
        from seofr.formatters.sarif import format_sarif

        return format_sarif
    if name == "github":
        from seofr.formatters.github import format_github

        return format_github
    if name == "junit":
        from seofr.formatters.junit import format_junit

        return format_junit
    from seofr.formatters.text import format_text

    return format_text


__all__ = ["FORMATS", "Batch", "Formatter", "get_formatter"]
