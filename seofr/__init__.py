"""seofr: rule-based SEO and readability analysis of French web content.

>>> import seofr
>>> report = seofr.analyze("article.md", keyword="vélo électrique")  # doctest: +SKIP
>>> report.score, report.passed  # doctest: +SKIP
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from seofr.batch import analyze_many
from seofr.document.model import Document, Format, Span
from seofr.engine import Engine, Options, analyze
from seofr.errors import ConfigError, InputError, SeofrError
from seofr.i18n import Text
from seofr.report import Finding, Report, RuleResult
from seofr.rule import Level, Need, Rule, Score, Severity, Skip, Status, Template

try:
    __version__ = version("seofr")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0+unknown"

__all__ = [
    "ConfigError",
    "Document",
    "Engine",
    "Finding",
    "Format",
    "InputError",
    "Level",
    "Need",
    "Options",
    "Report",
    "Rule",
    "RuleResult",
    "Score",
    "SeofrError",
    "Severity",
    "Skip",
    "Span",
    "Status",
    "Template",
    "Text",
    "__version__",
    "analyze",
    "analyze_many",
]
