"""seofr on real French pages written by others (Debian packages).

The fixtures of ``tests/data/pages/`` are real pages trimmed to a few KB, their
chrome (navigation headers and footers, sidebars, tables of contents) kept;
``tests/data/pages/README.md`` gives their origin and licence. The corpus test
reads the pages ``python -m benchmarks.corpus_pages`` copies into ``.pages/``
and skips without them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

import seofr
from seofr.document import parse_document

from .conftest import real_pages

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "data" / "pages"
CORPUS = ROOT / ".pages"

_IMG_WITH_ALT = re.compile(r"""<img\b[^>]*\balt\s*=\s*["'][^"'\s][^"']*["']""", re.IGNORECASE)


@dataclass(frozen=True)
class Chrome:
    """What is chrome in one fixture: source ranges and texts found only there."""

    # (start, end) pairs of markers: from ``start`` to the end of ``end`` after it
    ranges: tuple[tuple[str, str], ...] = ()
    # texts that appear only in the chrome
    texts: tuple[str, ...] = ()


PUBLICAN = Chrome(
    ranges=(
        ('<div id="banner">', "</div>"),
        ('<p id="title">', "</p>"),
        ('<ul class="docnav top">', "</ul>"),
        ('<ul class="docnav">', "</ul>"),
    ),
    texts=("Download the ebook", "Niveau supérieur", "Sommaire"),
)
CHROME = {
    "publican-sect-inetd.html": PUBLICAN,
    "publican-sect-kali.html": PUBLICAN,
    "docbook-xsl-debian-edu.html": Chrome(
        ranges=(
            ('<div class="navheader">', "</div>"),
            ('<div class="toc">', "</dl></div>"),
            ('<div class="navfooter">', "</div>"),
        ),
        texts=("Table des matières",),
    ),
    "asciidoctor-kicad.html": Chrome(
        ranges=(
            ('<div class="details">', "</div>"),
            ('<div id="toc" class="toc2">', "</ul>\n</div>"),
            ('<div id="footer">', "</div>\n</div>"),
        ),
        texts=("Table of Contents", "Last updated", "The KiCad Team"),
    ),
    "hand-xhtml-gcode.html": Chrome(),
    "libreoffice-help-isoweeknum.html": Chrome(
        ranges=(
            ('<header id="TopLeftHeader">', "</header>"),
            ('<aside class="rightside">', "</aside>"),
            ('<aside class="leftside">', "</aside>"),
            ('<div class="relatedtopics">', "</div>\n</div>\n</div>"),
            ("<footer>", "</footer>"),
        ),
        # the macOS variant of a menu path, hidden (<span hidden="true">)
        texts=("Aide LibreOffice 7.4", "Rubriques connexes", "LibreOffice Calc - Préférences"),
    ),
    "libreoffice-help-noscript.html": Chrome(),
}
NAMES = sorted(CHROME)


def _chrome_ranges(source: str, chrome: Chrome) -> list[tuple[int, int]]:
    found = []
    for start_marker, end_marker in chrome.ranges:
        start = source.find(start_marker)
        while start != -1:
            end = source.find(end_marker, start + len(start_marker))
            assert end != -1, f"fixture changed: {end_marker!r} after {start_marker!r}"
            found.append((start, end + len(end_marker)))
            start = source.find(start_marker, end)
    assert len(found) >= len(chrome.ranges), "fixture changed: a chrome marker is missing"
    return found


def _inside(span: object, ranges: list[tuple[int, int]]) -> bool:
    start, end = span.start, span.end  # type: ignore[attr-defined]
    return any(low <= start and end <= high for low, high in ranges)


@pytest.fixture(scope="module")
def session() -> seofr.Session:
    return seofr.Session()


def _analyze(session: seofr.Session, name: str) -> tuple[seofr.Report, object]:
    path = FIXTURES / name
    report = session.analyze(path, config=False)
    return report, parse_document(path.read_bytes(), str(path))


def test_every_fixture_is_listed() -> None:
    assert sorted(p.name for p in FIXTURES.glob("*.html")) == NAMES
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    for name in NAMES:
        assert name in readme


@pytest.mark.parametrize("name", NAMES)
def test_fixture_analyzes_with_findings_inside_the_source(
    session: seofr.Session, name: str
) -> None:
    report, doc = _analyze(session, name)
    length = len(doc.source)  # type: ignore[attr-defined]
    for finding in report.findings:
        if finding.span is not None:
            assert 0 <= finding.span.start <= finding.span.end <= length, finding
    crashed = [f for f in report.findings if f.key == "__crash__"]
    assert not crashed, [(f.rule, dict(f.params)) for f in crashed]
    # none of these generators marks its content with <main> or one <article>
    assert report.content_region == "body"


CHROME_NAMES = [name for name in NAMES if CHROME[name].ranges]


@pytest.mark.parametrize("name", CHROME_NAMES)
def test_no_body_text_comes_from_chrome(session: seofr.Session, name: str) -> None:
    _, doc = _analyze(session, name)
    ranges = _chrome_ranges(doc.source, CHROME[name])  # type: ignore[attr-defined]
    from_chrome = [e.text for e in doc.body if _inside(e.span, ranges)]  # type: ignore[attr-defined]
    assert not from_chrome
    text = " ".join(e.text for e in doc.body)  # type: ignore[attr-defined]
    assert [t for t in CHROME[name].texts if t in text] == []


@pytest.mark.parametrize("name", CHROME_NAMES)
def test_no_structure_or_boilerplate_finding_in_chrome(session: seofr.Session, name: str) -> None:
    report, doc = _analyze(session, name)
    ranges = _chrome_ranges(doc.source, CHROME[name])  # type: ignore[attr-defined]
    wrong = [
        (f.rule, f.key, f.span.line)
        for f in report.findings
        if f.span is not None
        and (f.rule == "heading-hierarchy" or (f.rule, f.key) == ("boilerplate", "repeated-title"))
        and _inside(f.span, ranges)
    ]
    assert wrong == []


@pytest.mark.parametrize("name", NAMES)
def test_no_empty_link_finding_for_an_image_with_alt(session: seofr.Session, name: str) -> None:
    report, doc = _analyze(session, name)
    source = doc.source  # type: ignore[attr-defined]
    wrong = []
    for f in report.findings:
        if f.rule == "link-text" and f.key == "empty" and f.span is not None:
            end = source.find("</a>", f.span.start)
            if _IMG_WITH_ALT.search(source[f.span.start : end]):
                wrong.append(f.span.line)
    assert wrong == []


def test_english_page_is_not_called_french(session: seofr.Session) -> None:
    # the LinuxCNC G-code reference ships as gcode_fr.html but is untranslated English
    report, _ = _analyze(session, "hand-xhtml-gcode.html")
    assert report.stats["language"] == "en"
    assert not [f for f in report.findings if (f.rule, f.key) == ("language", "declared-other")]


# -- the whole corpus, when it has been built ---------------------------------


@pytest.mark.skipif(not real_pages(), reason="no .pages/: run python -m benchmarks.corpus_pages")
def test_every_corpus_page_analyzes(session: seofr.Session) -> None:
    failures = []
    for path in real_pages():
        try:
            report = session.analyze(path, config=False)
        except seofr.SeofrError as error:
            failures.append(f"{path.name}: {error}")
            continue
        assert report.stats["words"] >= 0
    assert failures == []
