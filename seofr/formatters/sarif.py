"""SARIF 2.1.0, the static-analysis format code-scanning services read.

One run holds every document: the rules that produced a finding become the
driver's ``rules``, each finding a ``result`` pointing at its file and, when it
has a position, its region. Inputs that could not be read become error
notifications of the single invocation, which is then not successful.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from seofr.formatters.common import Batch, finding_text, relative_path
from seofr.i18n import Lang
from seofr.report import InputFailure, Report, ShownFinding
from seofr.verdicts import Severity

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
# The project has no public home yet; docs/integrations.md says to replace it.
INFORMATION_URI = "https://example.invalid/seofr"

LEVELS = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
}


def artifact_uri(path: str | None) -> str:
    """The relative URI of a document: its relative path, percent-encoded.

    SARIF wants a URI reference, so spaces and accented letters in file names
    are encoded (``/`` is kept: it separates the segments).
    """
    return quote(relative_path(path), safe="/")


def _artifact(path: str | None) -> dict[str, Any]:
    return {"artifactLocation": {"uri": artifact_uri(path)}}


def _region(finding: ShownFinding) -> dict[str, int] | None:
    span = finding.span
    if span is None:
        return None
    # seofr's end is the position of the first character after the range,
    # exactly SARIF's endColumn ("the character following the end").
    return {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
    }


def _descriptors(batch: Batch, lang: Lang) -> list[dict[str, Any]]:
    """One reporting descriptor per rule that has a finding, sorted by name."""
    seen: dict[str, tuple[Report, str]] = {}
    for report in batch.reports:
        for finding in report.findings:
            seen.setdefault(finding.rule, (report, finding.code))
    descriptors = []
    for name in sorted(seen):
        report, code = seen[name]
        descriptor: dict[str, Any] = {"id": name, "name": name}
        summary = report.summary(name, lang)
        if summary is not None:
            descriptor["shortDescription"] = {"text": summary}
        descriptor["properties"] = {"code": code, "category": report.category(name)}
        descriptors.append(descriptor)
    return descriptors


def _result(report: Report, finding: ShownFinding, index: int) -> dict[str, Any]:
    location: dict[str, Any] = _artifact(report.path)
    region = _region(finding)
    if region is not None:
        location["region"] = region
    result = {
        "ruleId": finding.rule,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding_text(finding)},
        "locations": [{"physicalLocation": location}],
        "properties": {"code": finding.code},
    }
    if finding.finding.edits:
        result["fixes"] = [
            _fix(report, finding, safe)
            for safe in (True, False)
            if any(edit.safe is safe for edit in finding.finding.edits)
        ]
    return result


def _fix(report: Report, finding: ShownFinding, safe: bool) -> dict[str, Any]:
    """The finding's safe (or unsafe) edits as one SARIF fix.

    Offsets count Unicode code points from the start of the decoded text,
    like the columns (``columnKind``).
    """
    replacements = [
        {
            "deletedRegion": {"charOffset": edit.start, "charLength": edit.end - edit.start},
            "insertedContent": {"text": edit.replacement},
        }
        for edit in finding.finding.edits
        if edit.safe is safe
    ]
    return {
        "description": {"text": finding.fix or finding.message},
        "artifactChanges": [{**_artifact(report.path), "replacements": replacements}],
        "properties": {"safe": safe},
    }


def _notification(failure: InputFailure, lang: Lang) -> dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": failure.text(lang)},
        "locations": [{"physicalLocation": _artifact(failure.path)}],
    }


def batch_to_sarif(batch: Batch, lang: Lang) -> dict[str, Any]:
    """The whole run as a SARIF log object."""
    from seofr import __version__

    rules = _descriptors(batch, lang)
    index = {descriptor["id"]: i for i, descriptor in enumerate(rules)}
    results = [
        _result(report, finding, index[finding.rule])
        for report in batch.reports
        for finding in report.render(lang)
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "seofr",
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }
        },
        "invocations": [
            {
                "executionSuccessful": not batch.failures,
                "toolExecutionNotifications": [_notification(f, lang) for f in batch.failures],
            }
        ],
        "language": lang,
        # columns count characters of the decoded text, not UTF-16 units
        "columnKind": "unicodeCodePoints",
        "results": results,
        # the per-document verdicts SARIF has no field for
        "properties": {
            "documents": [
                {
                    "uri": artifact_uri(report.path),
                    "score": report.score,
                    "passed": report.passed,
                }
                for report in batch.reports
            ]
        },
    }
    return {"$schema": SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]}


def format_sarif(batch: Batch, lang: Lang, color: bool) -> str:
    """The SARIF log as indented JSON; keys keep their order, so equal runs give equal bytes."""
    return json.dumps(batch_to_sarif(batch, lang), ensure_ascii=False, indent=2) + "\n"
