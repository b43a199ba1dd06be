"""seofr: rule-based SEO and readability analysis of French web content.

>>> import seofr
>>> report = seofr.analyze("article.md", keyword="vélo électrique")  # doctest: +SKIP
>>> report.score, report.passed  # doctest: +SKIP

The names below are imported on first use, so that ``import seofr`` (and the
pytest plugin, loaded by every pytest run) costs next to nothing.
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from seofr.batch import analyze_many
    from seofr.document.model import Document, Edit, Format, Span
    from seofr.errors import ConfigError, InputError, SeofrError
    from seofr.fixer import FixResult, fix, fix_file
    from seofr.french.needs import Need
    from seofr.i18n import Template, Text
    from seofr.report import Finding, InputFailure, Report, RuleInfo, RuleResult
    from seofr.rule import Rule, Score, Skip
    from seofr.session import Session, analyze
    from seofr.settings import Settings
    from seofr.verdicts import Level, Severity, Status

try:
    __version__ = version("seofr")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0+unknown"

_EXPORTS = {
    "analyze_many": "seofr.batch",
    "fix": "seofr.fixer",
    "fix_file": "seofr.fixer",
    "FixResult": "seofr.fixer",
    "Document": "seofr.document.model",
    "Format": "seofr.document.model",
    "Span": "seofr.document.model",
    "Session": "seofr.session",
    "Settings": "seofr.settings",
    "analyze": "seofr.session",
    "ConfigError": "seofr.errors",
    "InputError": "seofr.errors",
    "SeofrError": "seofr.errors",
    "Text": "seofr.i18n",
    "Edit": "seofr.document.model",
    "Finding": "seofr.report",
    "InputFailure": "seofr.report",
    "RuleInfo": "seofr.report",
    "Report": "seofr.report",
    "RuleResult": "seofr.report",
    "Level": "seofr.verdicts",
    "Need": "seofr.french.needs",
    "Rule": "seofr.rule",
    "Score": "seofr.rule",
    "Severity": "seofr.verdicts",
    "Skip": "seofr.rule",
    "Status": "seofr.verdicts",
    "Template": "seofr.i18n",
}

__all__ = [
    "ConfigError",
    "Document",
    "Edit",
    "Finding",
    "FixResult",
    "Format",
    "InputError",
    "InputFailure",
    "Level",
    "Need",
    "Report",
    "Rule",
    "RuleInfo",
    "RuleResult",
    "Score",
    "SeofrError",
    "Session",
    "Settings",
    "Severity",
    "Skip",
    "Span",
    "Status",
    "Template",
    "Text",
    "__version__",
    "analyze",
    "analyze_many",
    "fix",
    "fix_file",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'seofr' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value
