"""Everything a rule author needs, from one module.

A rule package imports from here (``from seofr.plugin import Rule, Template,
Text…``) and from :mod:`seofr.french` for French text analysis; nothing else
of seofr's internals. The built-in rules follow the same rule.
"""

from __future__ import annotations

from seofr.analyses.leftovers import KINDS as LEFTOVER_KINDS
from seofr.analyses.leftovers import Leftovers, Line, folded_line, title_instruction
from seofr.context import Context
from seofr.document.edits import EditableSource
from seofr.document.model import (
    Block,
    BlockKind,
    Document,
    Edit,
    Field,
    Format,
    Heading,
    Image,
    Link,
    Span,
    TextElement,
    TitleOrigin,
)
from seofr.french.needs import Need
from seofr.i18n import Lang, Param, Template, Text, format_number
from seofr.messages import TITLE_ORIGINS
from seofr.rule import (
    Emitted,
    NoOptions,
    Rule,
    Score,
    Skip,
    Violation,
    option,
)
from seofr.verdicts import Level, Severity, Status

__all__ = [
    "LEFTOVER_KINDS",
    "TITLE_ORIGINS",
    "Block",
    "BlockKind",
    "Context",
    "Document",
    "Edit",
    "EditableSource",
    "Emitted",
    "Field",
    "Format",
    "Heading",
    "Image",
    "Lang",
    "Leftovers",
    "Level",
    "Line",
    "Link",
    "Need",
    "NoOptions",
    "Param",
    "Rule",
    "Score",
    "Severity",
    "Skip",
    "Span",
    "Status",
    "Template",
    "Text",
    "TextElement",
    "TitleOrigin",
    "Violation",
    "folded_line",
    "format_number",
    "option",
    "title_instruction",
]
