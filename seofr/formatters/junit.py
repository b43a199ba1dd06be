"""JUnit XML, the test-report format CI servers chart and list.

Each document is a test suite and each rule that ran on it a test case. The
failures agree with the document's verdict: in a document that passes, nothing
fails (a rule that failed at the severity "warning" passes with its findings in
``system-out``, as does one that warns); in a document that fails, a rule fails
when it failed at the severity "error" or when the score is under the threshold
and the rule failed, and a ``score`` case says whether the score itself is
under the threshold. A skipped rule is skipped. An input that could not be read
is a suite whose only case is in error.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from seofr.formatters.common import Batch, finding_line, relative_path
from seofr.i18n import Lang, Text
from seofr.report import InputFailure, Report, RuleResult, ShownFinding
from seofr.verdicts import Severity, Status

LABELS = {
    "rule-failed": Text(
        fr="La règle {rule} est en échec.",
        en="The rule {rule} failed.",
    ),
    "unreadable": Text(fr="lecture du document", en="reading the document"),
    "score": Text(fr="score du document", en="document score"),
    "score-under": Text(
        fr="Le score {score} est sous le seuil de {fail_under}.",
        en="The score {score} is under the threshold of {fail_under}.",
    ),
}


def fails(report: Report, result: RuleResult) -> bool:
    """Whether the rule's test case is a failure: it failed, and it fails the document."""
    if result.status is not Status.FAIL or report.passed:
        return False
    return result.severity is Severity.ERROR or report.score < report.fail_under


# XML 1.0 has no way to write most control characters, not even escaped; a
# finding quoting a document that holds one must not make the report unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` with the characters XML cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _lines(path: str, findings: Iterable[ShownFinding]) -> str:
    return xml_text("\n".join(finding_line(path, finding) for finding in findings))


def _testcase(
    suite: ET.Element, report: Report, shown: list[ShownFinding], result: RuleResult, lang: Lang
) -> None:
    path = relative_path(report.path)
    case = ET.SubElement(
        suite, "testcase", {"classname": f"seofr.{result.category}", "name": result.name}
    )
    findings = [f for f in shown if f.rule == result.name]
    if fails(report, result):
        # the first finding says what is wrong best; a rule may also fail on
        # its score alone, without a finding
        message = (
            findings[0].message
            if findings
            else LABELS["rule-failed"].render(lang, {"rule": result.name})
        )
        failure = ET.SubElement(
            case, "failure", {"message": xml_text(message), "type": result.code}
        )
        failure.text = _lines(path, findings)
    elif result.status is Status.SKIP:
        reason = report.skip_reason(result, lang)
        ET.SubElement(case, "skipped", {"message": xml_text(reason)} if reason else {})
    elif findings:
        ET.SubElement(case, "system-out").text = _lines(path, findings)


def _suite(root: ET.Element, report: Report, lang: Lang) -> None:
    results = report.results
    suite = ET.SubElement(
        root,
        "testsuite",
        {
            "name": xml_text(relative_path(report.path)),
            "tests": str(len(results) + 1),
            "failures": str(
                sum(fails(report, r) for r in results) + (report.score < report.fail_under)
            ),
            "errors": "0",
            "skipped": str(sum(r.status is Status.SKIP for r in results)),
        },
    )
    # the document's verdict has no JUnit field: it travels as properties
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("score", str(report.score)),
        ("passed", str(report.passed).lower()),
        ("fail_under", str(report.fail_under)),
        ("profile", report.profile),
    ):
        ET.SubElement(properties, "property", {"name": name, "value": value})
    shown = list(report.render(lang))
    score = ET.SubElement(
        suite, "testcase", {"classname": "seofr.score", "name": LABELS["score"].render(lang)}
    )
    if report.score < report.fail_under:
        values = {"score": report.score, "fail_under": report.fail_under}
        message = LABELS["score-under"].render(lang, values)
        ET.SubElement(score, "failure", {"message": message, "type": "score"})
    for result in results:
        _testcase(suite, report, shown, result, lang)
    ran = {r.name for r in results}
    # notes about the input itself belong to no rule that ran
    loose = [f for f in shown if f.rule not in ran]
    if loose:
        ET.SubElement(suite, "system-out").text = _lines(relative_path(report.path), loose)


def _failure_suite(root: ET.Element, failure: InputFailure, lang: Lang) -> None:
    path = xml_text(relative_path(failure.path))
    suite = ET.SubElement(
        root,
        "testsuite",
        {"name": path, "tests": "1", "failures": "0", "errors": "1", "skipped": "0"},
    )
    case = ET.SubElement(
        suite, "testcase", {"classname": "seofr.input", "name": LABELS["unreadable"].render(lang)}
    )
    message = xml_text(failure.text(lang))
    ET.SubElement(case, "error", {"message": message}).text = message


def batch_to_junit(batch: Batch, lang: Lang) -> ET.Element:
    """The whole run as a ``testsuites`` element."""
    root = ET.Element("testsuites", {"name": "seofr"})
    for report in batch.reports:
        _suite(root, report, lang)
    for failure in batch.failures:
        _failure_suite(root, failure, lang)
    for total in ("tests", "failures", "errors", "skipped"):
        root.set(total, str(sum(int(suite.get(total, "0")) for suite in root)))
    return root


def format_junit(batch: Batch, lang: Lang, color: bool) -> str:
    """The JUnit XML document, UTF-8, with its declaration."""
    root = batch_to_junit(batch, lang)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
