"""The verdict vocabulary shared by rules, reports and formatters.

Kept apart from the rule API so that reports and output formats depend on
three small enums, not on everything a rule author uses.
"""

from __future__ import annotations

from enum import StrEnum


class Severity(StrEnum):
    """How serious a finding is. An ``error`` finding makes a document fail."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Level(StrEnum):
    """How badly a violation fails its rule, before severities are applied."""

    FAIL = "fail"
    WARN = "warn"
    INFO = "info"


class Status(StrEnum):
    """The verdict of one rule on one document."""

    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"
    SKIP = "skip"
