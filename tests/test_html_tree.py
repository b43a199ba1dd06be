"""seofr.document.tree: the light tree read from HTML, on markup that is easy to get wrong.

The expected trees are those Beautiful Soup's ``html.parser`` builder made
(seofr's reader before this one), with the source range of each string.
"""

from __future__ import annotations

import pytest

from seofr.document import tree
from seofr.document.html import parse_html
from seofr.document.tree import Comment, Element, Markup, Page, Text, read_html
from seofr.errors import SeofrError


def _events(source: str, page: Page) -> list[str]:
    """The walk of the tree: ``<name attrs>`` then the start tag's source, entering
    an element; ``</name>`` leaving it; each string with its kind (``!--``
    comment, ``!`` markup) and chunks."""
    kinds = {Text: "", Comment: "!--", Markup: "!"}
    out = []
    for node, entering in page.events:
        if isinstance(node, Element):
            if entering:
                attrs = "".join(f" {name}={value!r}" for name, value in node.attrs.items())
                out += [f"<{node.name}{attrs}>", source[node.start : node.tag_end]]
            else:
                out.append(f"</{node.name}>")
        else:
            chunks = [tuple(chunk) for chunk in node.chunks]
            out.append(f"{kinds[type(node)]}{node.text!r} {chunks}")
    return out


CASES = [
    pytest.param(
        "<p>a<b>b</p>c</b>d",
        [
            "<p>",
            "<p>",
            "'a' [(3, 1, 1)]",
            "<b>",
            "<b>",
            "'b' [(7, 1, 1)]",
            "</b>",
            "</p>",
            "'c' [(12, 1, 1)]",
            "'d' [(17, 1, 1)]",
        ],
        id="nesting",
    ),
    pytest.param(
        "</p>x</nope><div>y</span>z</div>",
        ["'x' [(4, 1, 1)]", "<div>", "<div>", "'y' [(17, 1, 1)]", "'z' [(25, 1, 1)]", "</div>"],
        id="stray end tags",
    ),
    pytest.param(
        "<div><p>a<li>b<li>c",
        [
            "<div>",
            "<div>",
            "<p>",
            "<p>",
            "'a' [(8, 1, 1)]",
            "<li>",
            "<li>",
            "'b' [(13, 1, 1)]",
            "<li>",
            "<li>",
            "'c' [(18, 1, 1)]",
            "</li>",
            "</li>",
            "</p>",
            "</div>",
        ],
        id="unclosed",
    ),
    pytest.param(
        "<p>a<br>b</br>c</br>d<img src=x></img>e</p>",
        [
            "<p>",
            "<p>",
            "'a' [(3, 1, 1)]",
            "<br>",
            "<br>",
            "</br>",
            "'bc' [(8, 1, 1), (14, 1, 1)]",
            "'d' [(20, 1, 1)]",
            "<img src='x'>",
            "<img src=x>",
            "</img>",
            "'e' [(38, 1, 1)]",
            "</p>",
        ],
        id="void",
    ),
    pytest.param(
        "<br/>a<div/>b<p/>c",
        [
            "<br>",
            "<br/>",
            "</br>",
            "'a' [(5, 1, 1)]",
            "<div>",
            "<div/>",
            "</div>",
            "'b' [(12, 1, 1)]",
            "<p>",
            "<p/>",
            "</p>",
            "'c' [(17, 1, 1)]",
        ],
        id="self-closing",
    ),
    pytest.param(
        "<p>&#128;&#x9d;&#0;&#1114112;&#65;&amp;&bogus;&eacute&nbsp;x</p>",
        [
            "<p>",
            "<p>",
            "'€\\x9d��A&&bogusé\\xa0x' [(3, 6, 1), (9, 6, 1), (15, 4, 1), (19, 10, 1), (29, 5, 1), (34, 5, 1), (39, 7, 6), (46, 7, 1), (53, 6, 1), (59, 1, 1)]",
            "</p>",
        ],
        id="references",
    ),
    pytest.param(
        "<p>a<!-- c -->b<!---->c</p><!x>",
        [
            "<p>",
            "<p>",
            "'a' [(3, 1, 1)]",
            "!--' c ' [(4, 10, 3)]",
            "'b' [(14, 1, 1)]",
            "!--' ' [(15, 7, 0)]",
            "'c' [(22, 1, 1)]",
            "</p>",
            "!--'x' [(27, 4, 1)]",
        ],
        id="comments",
    ),
    pytest.param(
        "<!DOCTYPE html><p><![CDATA[x<y]]>z<![if !IE]>w<![endif]></p>",
        [
            "!'html' []",
            "<p>",
            "<p>",
            "!'x<y' []",
            "'z' [(33, 1, 1)]",
            "!'if !IE' []",
            "'w' [(45, 1, 1)]",
            "!'endif' []",
            "</p>",
        ],
        id="cdata and declarations",
    ),
    pytest.param(
        "<![foo[bar]]><p>t</p>",
        ["!--'[foo[bar]]' [(0, 13, 10)]", "<p>", "<p>", "'t' [(16, 1, 1)]", "</p>"],
        id="unknown marked section",
    ),
    pytest.param(
        "<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><p>x</p></html>",
        [
            "!\"xml version='1.0'?\" []",
            "<html xmlns='http://www.w3.org/1999/xhtml'>",
            "<html xmlns='http://www.w3.org/1999/xhtml'>",
            "<p>",
            "<p>",
            "'x' [(67, 1, 1)]",
            "</p>",
            "</html>",
        ],
        id="xhtml",
    ),
    pytest.param(
        "<script>if (a<b) {x='</p>'}</script><style>p>a{}</style><p>t</p>",
        [
            "<script>",
            "<script>",
            "\"if (a<b) {x='</p>'}\" [(8, 19, 19)]",
            "</script>",
            "<style>",
            "<style>",
            "'p>a{}' [(43, 5, 5)]",
            "</style>",
            "<p>",
            "<p>",
            "'t' [(59, 1, 1)]",
            "</p>",
        ],
        id="script and style",
    ),
    pytest.param(
        "<p> </p><p>\n \n</p><pre> \n</pre><textarea>  </textarea><p> a </p>",
        [
            "<p>",
            "<p>",
            "' ' [(3, 1, 1)]",
            "</p>",
            "<p>",
            "<p>",
            "'\\n' [(11, 3, 3)]",
            "</p>",
            "<pre>",
            "<pre>",
            "' \\n' [(23, 2, 2)]",
            "</pre>",
            "<textarea>",
            "<textarea>",
            "'  ' [(41, 2, 2)]",
            "</textarea>",
            "<p>",
            "<p>",
            "' a ' [(57, 3, 3)]",
            "</p>",
        ],
        id="white space",
    ),
    pytest.param(
        "<p id=a id=b class='c  d' hidden>t</p>",
        [
            "<p id='b' class='c  d' hidden=''>",
            "<p id=a id=b class='c  d' hidden>",
            "'t' [(33, 1, 1)]",
            "</p>",
        ],
        id="attributes",
    ),
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_tree(source: str, expected: list[str]) -> None:
    assert _events(source, read_html(source)) == expected


def test_elements_know_their_family() -> None:
    page = read_html("<ul><li>a</li>t<li>b<b>c</b></li></ul>")
    ul, first, second, bold = page.elements
    assert first.parent is ul and second.previous is first and first.previous is None
    assert bold.parent is second and ul.parent is page.root
    assert [type(node).__name__ for node, _ in page.inside(second)] == [
        "Text",
        "Element",
        "Text",
        "Element",
    ]


def test_text_after_an_unfinished_construct() -> None:
    # html.parser holds "<b" back until the end of the input, then reads "<"
    # and "b" as text, each where it stands in the source
    page = read_html("<p>a</p><p>b <b")
    texts = [node for node, _ in page.events if isinstance(node, Text)]
    assert [(text.text, [tuple(chunk) for chunk in text.chunks]) for text in texts] == [
        ("a", [(3, 1, 1)]),
        ("b <b", [(11, 2, 2), (13, 1, 1), (14, 1, 1)]),
    ]


def test_documents_from_tricky_markup() -> None:
    doc = parse_html("<p>a<br>b</br>c</br>d</p><p>&#128; &bogus; <!-- note --></p>")
    assert [block.text for block in doc.body] == ["a bcd", "€ &bogus"]
    assert [comment.text for comment in doc.comments] == ["note"]
    assert doc.comments[0].span.start == doc.source.index("<!--")


def test_the_parser_is_checked_once() -> None:
    tree.verify_parser()
    assert issubclass(tree.UnsupportedParserError, SeofrError)


def test_a_parser_giving_other_positions_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # as if html.parser no longer told where each construct starts
    monkeypatch.setattr(tree._Reader, "updatepos", lambda self, i, j: j)
    with pytest.raises(tree.UnsupportedParserError, match="other source positions"):
        tree.verify_parser()
