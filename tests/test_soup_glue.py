"""The bs4 glue of seofr.document.soup: its private hooks are checked, and fail loudly."""

from __future__ import annotations

import sys

import bs4
import pytest
from bs4.builder import DetectsXMLParsedAsHTML
from bs4.builder._htmlparser import BeautifulSoupHTMLParser, HTMLParserTreeBuilder

from seofr.document import parse_document, soup
from seofr.document.html import parse_html
from seofr.document.model import Format
from seofr.errors import SeofrError

SUPPORTED = "seofr supports beautifulsoup4 >=4.14.3,<5"


def test_supported_range_is_declared() -> None:
    assert soup.SUPPORTED_BS4 == (">=4.14.3", "<5")
    assert issubclass(soup.UnsupportedBs4Error, SeofrError)


def test_installed_bs4_passes_the_check() -> None:
    soup.verify_bs4()


@pytest.mark.parametrize(
    ("owner", "name", "hook"),
    [
        (BeautifulSoupHTMLParser, "handle_starttag", "BeautifulSoupHTMLParser.handle_starttag"),
        (BeautifulSoupHTMLParser, "handle_comment", "BeautifulSoupHTMLParser.handle_comment"),
        (
            DetectsXMLParsedAsHTML,
            "_document_might_be_xml",
            "BeautifulSoupHTMLParser._document_might_be_xml",
        ),
        (bs4.BeautifulSoup, "endData", "BeautifulSoup.endData"),
        (bs4.BeautifulSoup, "_markup_is_url", "BeautifulSoup._markup_is_url"),
    ],
)
def test_a_removed_hook_is_named(
    monkeypatch: pytest.MonkeyPatch, owner: type[object], name: str, hook: str
) -> None:
    monkeypatch.delattr(owner, name)
    with pytest.raises(soup.UnsupportedBs4Error) as raised:
        soup.verify_bs4()
    assert str(raised.value) == f"bs4 {bs4.__version__}: hook {hook} missing; {SUPPORTED}"


def test_a_removed_attribute_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    annotations = dict(vars(bs4.BeautifulSoup)["__annotations__"])
    del annotations["_most_recent_element"]
    monkeypatch.setattr(bs4.BeautifulSoup, "__annotations__", annotations)
    with pytest.raises(soup.UnsupportedBs4Error, match=r"hook BeautifulSoup\._most_recent_element"):
        soup.verify_bs4()


def test_feed_without_parser_class_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """bs4 4.13.0 to 4.14.2: ``feed(markup)`` cannot be given the parser class."""

    def feed(self: HTMLParserTreeBuilder, markup: str) -> None:
        raise AssertionError("not called")

    monkeypatch.setattr(HTMLParserTreeBuilder, "feed", feed)
    with pytest.raises(soup.UnsupportedBs4Error) as raised:
        soup.verify_bs4()
    assert "hook HTMLParserTreeBuilder.feed(_, _parser_class) missing" in str(raised.value)


@pytest.mark.parametrize("version", ["4.14.2", "4.13.0", "5.0.0", "3.2.1", "unknown"])
def test_a_version_out_of_range_is_refused(monkeypatch: pytest.MonkeyPatch, version: str) -> None:
    monkeypatch.setattr(bs4, "__version__", version)
    with pytest.raises(soup.UnsupportedBs4Error) as raised:
        soup.verify_bs4()
    assert str(raised.value) == f"bs4 {version}: version out of range; {SUPPORTED}"


@pytest.mark.parametrize("version", ["4.14.3", "4.15.0", "4.99", "4.20.1b1"])
def test_versions_in_range_pass(monkeypatch: pytest.MonkeyPatch, version: str) -> None:
    monkeypatch.setattr(bs4, "__version__", version)
    soup.verify_bs4()


def test_changed_behaviour_behind_the_same_names_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A reference no longer turned into text through handle_data."""

    def handle_entityref(self: BeautifulSoupHTMLParser, name: str) -> None:
        self.soup.handle_data("&")

    monkeypatch.setattr(BeautifulSoupHTMLParser, "handle_entityref", handle_entityref)
    with pytest.raises(soup.UnsupportedBs4Error, match="other source positions"):
        soup.verify_bs4()


def test_an_unsupported_bs4_fails_loudly_on_the_first_html_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The check runs when the HTML parser is imported, and its error is not wrapped."""
    monkeypatch.delitem(sys.modules, "seofr.document.soup")
    monkeypatch.delitem(sys.modules, "seofr.document.html")
    monkeypatch.setattr(bs4, "__version__", "5.1.0")
    for _ in range(2):  # a failed import is not cached: it says it again
        with pytest.raises(SeofrError) as raised:
            parse_document("<p>Bonjour</p>", input_format=Format.HTML)
        # The class of the module imported again: the same name, another object.
        assert type(raised.value).__name__ == "UnsupportedBs4Error"
        assert str(raised.value) == f"bs4 5.1.0: version out of range; {SUPPORTED}"


def test_exact_positions_of_a_french_page() -> None:
    source = (
        '<!DOCTYPE html>\n<html lang="fr">\n<head><title>Fête du pain</title></head>\n'
        "<body><main>\n"
        '<h1 class="titre">Fête du <em>pain</em> à Nîmes</h1>\n'
        "<!-- relu par la rédaction -->\n"
        "<p>Le boulanger a préparé des <strong>fougasses &amp; des "
        '<a href="/brioches">brioches</a></strong>&nbsp;: c&#8217;est délicieux.</p>\n'
        "</main></body></html>"
    )
    doc = parse_html(source)

    assert doc.title is not None
    assert doc.title.span is not None
    assert doc.title.value == "Fête du pain"
    assert doc.title.span.start == source.index("Fête du pain")
    assert doc.title.span.end == source.index("</title>")
    assert doc.lang is not None
    assert doc.lang.span is not None
    assert source[doc.lang.span.start : doc.lang.span.end] == '<html lang="fr">'

    heading, paragraph = doc.body
    assert heading.text == "Fête du pain à Nîmes"
    assert heading.span.start == source.index("Fête du <em>")
    assert heading.span.end == source.index("</h1>")
    assert (heading.span.line, heading.span.column) == (5, 19)
    assert heading.source_offset(heading.text.index("pain")) == source.index("pain</em>")
    assert heading.source_offset(heading.text.index("à")) == source.index("à Nîmes")

    assert (
        paragraph.text
        == "Le boulanger a préparé des fougasses & des brioches\xa0: c’est délicieux."
    )
    text = paragraph.text
    assert paragraph.span.start == source.index("Le boulanger")
    assert paragraph.span.end == source.index("</p>")
    assert paragraph.span.line == 7
    assert paragraph.source_offset(text.index("é")) == source.index("éparé")
    assert paragraph.source_offset(text.index("&")) == source.index("&amp;")
    assert paragraph.source_offset(text.index("brioches")) == source.index("brioches</a>")
    assert paragraph.source_offset(text.index("\xa0")) == source.index("&nbsp;")
    assert paragraph.source_offset(text.index("’")) == source.index("&#8217;")
    assert paragraph.source_offset(text.index("est")) == source.index("est délicieux")
    assert paragraph.source_offset(len(text)) == source.index("</p>")

    (comment,) = doc.comments
    assert comment.text == "relu par la rédaction"
    assert source[comment.span.start : comment.span.end] == "<!-- relu par la rédaction -->"
    assert (comment.span.line, comment.span.column) == (6, 1)

    (link,) = doc.links
    assert (link.href, link.text) == ("/brioches", "brioches")
    assert link.span.start == source.index('<a href="/brioches">')
    assert link.span.end == source.index("</a>")
