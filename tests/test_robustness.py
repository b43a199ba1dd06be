"""Hostile and broken input: seofr reports, or says clearly what it could not read.

The property tests run with a small fixed budget in the normal suite (the
``ci`` Hypothesis profile, see conftest.py) and with a large one under
``make fuzz``. docs/robustness.md lists every case and its test.
"""

from __future__ import annotations

import json
import socket
import threading
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import seofr
from seofr.document import parse_document
from seofr.errors import InputError

from .conftest import CORPUS, EXAMPLES, ROOT, corpus_files

SCHEMA = json.loads((ROOT / "seofr" / "schema" / "report.schema.json").read_text("utf-8"))
# Every character, lone surrogates and control characters included.
ANY_CHAR = st.characters(codec=None, exclude_categories=())
TAGS = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "a",
    "img",
    "ul",
    "li",
    "table",
    "td",
    "script",
    "style",
    "nav",
    "main",
    "article",
    "blockquote",
    "br",
    "title",
    "meta",
    "foo-bar",
    "svg",
]
ODD_TEXT = st.sampled_from(
    [
        "é",
        "’",
        "« »",
        "\u200b",
        "\u202e",
        "\u2066",
        "😀",
        "汉字",
        "Привет",
        "&amp;",
        "&#xD800;",
        "&nbsp;",
        "&bogus;",
        "\x00",
        "\x1b[31m",
        "\r\n",
        "\t",
        "l’homme",
        "M. Dupont",
        "  ",
    ]
)


@st.composite
def tag_soup(draw: st.DrawFn) -> str:
    """HTML-like text: unbalanced, unknown and nested tags, odd attributes and text."""
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 5))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            attr = draw(
                st.sampled_from(["href", "src", "alt", "lang", "rel", "content", "name", "x"])
            )
            value = draw(st.text(ANY_CHAR, max_size=30)) * draw(st.sampled_from([1, 1, 500]))
            parts.append(f'<{tag} {attr}="{value}">')
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(draw(st.text(ANY_CHAR, max_size=40)))
        elif kind == 3:
            parts.append(draw(ODD_TEXT))
        elif kind == 4:
            parts.append(f"<!-- {draw(st.text(ANY_CHAR, max_size=20))} -->")
        else:
            parts.append(f"<{tag}>" * draw(st.integers(1, 60)))
    return "".join(parts)


@st.composite
def markdown_soup(draw: st.DrawFn) -> str:
    """Markdown-like text: headings, lists, quotes, fences, tables, links, HTML blocks,
    front matter."""
    lines: list[str] = []
    if draw(st.booleans()):
        lines += [
            "---",
            draw(
                st.sampled_from(
                    [
                        "title: Un titre",
                        "title: [",
                        "keyword:",
                        ": :",
                        "seofr:\n  rules: 3",
                        "lang: 12",
                    ]
                )
            ),
            "---",
        ]
    for _ in range(draw(st.integers(0, 30))):
        prefix = draw(
            st.sampled_from(
                [
                    "",
                    "# ",
                    "## ",
                    "###### ",
                    "- ",
                    "1. ",
                    "> ",
                    "    ",
                    "```",
                    "| a | b |",
                    "---",
                    "* ",
                    "<!-- seofr-disable -->",
                    "<div class='encadre'>",
                    "<p>",
                    "<h2>",
                    "</div>",
                    "> <p>",
                    "- <div>",
                ]
            )
        )
        body = draw(st.one_of(st.text(ANY_CHAR, max_size=40), ODD_TEXT))
        link = draw(
            st.sampled_from(["", "[lien](/x)", "![](img.png)", "<a href='y'>z</a>", "**gras**"])
        )
        lines.append(prefix + body + link)
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines)


def _check_document(text: str | bytes, fmt: str | None) -> None:
    try:
        doc = parse_document(text, None, fmt)
    except InputError:
        return
    for element in doc.body:
        assert 0 <= element.span.start <= element.span.end <= len(doc.source)


@pytest.mark.property
@given(st.text(ANY_CHAR, max_size=300))
def test_parsers_accept_any_text(text: str) -> None:
    for fmt in ("html", "markdown", "text", None):
        _check_document(text, fmt)


@pytest.mark.property
@given(st.binary(max_size=300))
def test_parsers_accept_any_bytes(data: bytes) -> None:
    _check_document(data, None)


@pytest.mark.property
@given(tag_soup())
def test_html_tag_soup(html: str) -> None:
    _check_document(html, "html")


@pytest.mark.property
@given(markdown_soup())
def test_markdown_soup(text: str) -> None:
    _check_document(text, "markdown")


def _analysis(text: str | bytes, fmt: str | None) -> dict[str, Any] | None:
    try:
        report = seofr.analyze(text, input_format=fmt, keyword="vélo", config=False)
    except InputError:
        return None
    data = {"schema_version": 1, "seofr_version": "test", "documents": [report.to_dict()]}
    jsonschema.validate(data, SCHEMA)
    json.dumps(data, ensure_ascii=False).encode("utf-8")  # writable as UTF-8
    return data


@pytest.mark.property
@given(
    st.one_of(tag_soup(), markdown_soup(), st.text(ANY_CHAR, max_size=200)),
    st.sampled_from(["html", "markdown", "text", None]),
)
def test_whole_analysis_gives_a_valid_and_stable_report(text: str, fmt: str | None) -> None:
    first = _analysis(text, fmt)
    assert first == _analysis(text, fmt)


def test_deep_nesting_gives_a_report_or_a_clear_error() -> None:
    html = "<div>" * 100_000 + "<p>Le texte tout au fond.</p>" + "</div>" * 100_000
    try:
        report = seofr.analyze(html, select=["word-count", "heading-hierarchy"], config=False)
    except InputError as error:
        assert "nested" in str(error)
    else:
        assert report.stats["words"] == 5


def test_input_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "gros.html"
    big.write_bytes(b"<p>" + b"mot " * 3000 + b"</p>")
    with pytest.raises(InputError, match="limit"):
        seofr.analyze(big, max_bytes=10_000)
    with pytest.raises(InputError, match="limit"):
        seofr.analyze("x" * 20_000, max_bytes=10_000)


def _notes(report: seofr.Report) -> list[str]:
    return [f.message for f in report.render() if f.rule == "input"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("<meta charset='iso-8859-1'><p>Été très chaud à Besançon.</p>".encode("latin-1"), "iso"),
        ("<p>L’été très chaud à Besançon, « œuvre ».</p>".encode("cp1252"), "cp1252"),
        ("# L’été\n\nTrès chaud.\n".encode("utf-16"), None),
        (b"<p>Caf\xc3\xa9 cr\xe8me au lait, tr\xc3\xa8s bon.</p>", "replaced"),
    ],
)
def test_encodings_are_said(data: bytes, expected: str | None) -> None:
    report = seofr.analyze(data, select=["word-count"], config=False, lang="en")
    notes = " ".join(_notes(report)).lower()
    if expected is None:
        assert not notes and report.encoding == "utf-16"
    else:
        assert expected.replace("iso", "8859") in notes or expected in notes, notes
    assert report.stats["words"] >= 3


def test_replaced_bytes_are_located() -> None:
    # mostly valid UTF-8 with one stray byte: read as UTF-8, the byte located
    data = "Première ligne.\n\nDeuxième : caf".encode() + b"\xff" + b" noir.\n"
    report = seofr.analyze(data, select=["word-count"], input_format="text", config=False)
    (note,) = [f for f in report.findings if f.rule == "input"]
    assert note.span is not None and (note.span.line, note.span.column) == (3, 15)


def test_lone_surrogates_are_replaced_not_lost() -> None:
    report = seofr.analyze("Un texte \ud83d cassé.", select=["word-count"], config=False)
    assert report.stats["words"] == 3
    assert _notes(report)


def test_no_network_access(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("seofr tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for path in corpus_files():
        seofr.analyze(path, original=EXAMPLES / "article.md")


def test_threads_give_the_same_reports() -> None:
    paths = corpus_files()
    expected = [seofr.analyze(p).to_dict() for p in paths]
    found: dict[int, list[dict[str, Any]]] = {}
    errors: list[BaseException] = []

    def work(number: int) -> None:
        try:
            found[number] = [seofr.analyze(p).to_dict() for p in paths]
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert all(found[n] == expected for n in range(4))


def test_check_never_writes_to_checked_files(tmp_path: Path) -> None:
    from seofr.cli import main

    copies = []
    for path in [*sorted(CORPUS.iterdir()), *sorted(EXAMPLES.iterdir())]:
        target = tmp_path / path.name
        target.write_bytes(path.read_bytes())
        copies.append((target, target.read_bytes(), target.stat().st_mtime_ns))
    main(["check", str(tmp_path), "--no-cache", "--format", "json"], out=open("/dev/null", "w"))  # noqa: SIM115
    for target, content, mtime in copies:
        assert target.read_bytes() == content and target.stat().st_mtime_ns == mtime
