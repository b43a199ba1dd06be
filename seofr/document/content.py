"""Where a page's main content is, and what around it is chrome.

A page is more than its article: navigation bars, headers and footers,
sidebars, share widgets, comment forms, tables of contents. Counted as text,
they make a four-word stub pass ``word-count`` and a sidebar's H4 break the
heading hierarchy. This module decides, once per page, before the text is read:

* **chrome**, dropped wherever it is: the elements ``nav``, ``header``,
  ``footer``, ``aside``, ``form`` (and those that hold no text: ``script``…),
  their ARIA landmark roles (``navigation``, ``banner``, ``contentinfo``,
  ``complementary``, ``search``), and the generators' and CMSs' own chrome
  listed as CSS selectors in ``data/chrome.toml`` (DocBook, texi2html, Sphinx,
  MkDocs, WordPress, common Hugo themes…);
* **the region** the body is read from, the first that applies: the elements
  matching the user's ``content-selector``; the page's ``<main>`` (or
  ``role="main"``); its only ``<article>``; else the whole ``<body>``;
* **blocks made mostly of links** (lists, tables, divisions where links hold
  more than half of the text and at most one word per link stands outside them), dropped
  unless the user chose the region: the link-density idea of Kohlschütter,
  Fankhauser and Nejdl (boilerpipe, WSDM 2010) and of Pomikálek's jusText
  (2011), see docs/main-content.md.

The page's title, description, canonical address and language still come
from the whole page, and so does its first ``<h1>`` when the region has none.

The chrome selectors are matched here, on :mod:`seofr.document.tree`'s light
tree: they use only tag names, classes, ids, attribute names and combinators.
Any other selector (the user's ``content-selector``, a chrome selector beyond
that grammar) goes through Beautiful Soup and soupsieve
(:mod:`seofr.document.css`), imported only then.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from seofr.document.tree import Element, Page, Text

# Elements that are never content, wherever they are.
NEVER_CONTENT = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "svg",
        "iframe",
        # Only met when the whole document is the content root (no <body>).
        "title",
    }
)
CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
# A block is chrome when links hold more than this share of its characters and
# at most one word per link stands outside them (a separator, « Précédent : »):
# a sentence with two links in it is prose.
LINK_DENSITY = 0.5
# Containers judged by their link density (a paragraph is prose by definition).
_LINK_BLOCKS = frozenset({"div", "ul", "ol", "dl", "table", "section", "menu", "center"})

SELECTOR = "selector"
MAIN = "main"
ARTICLE = "article"
BODY = "body"


@cache
def _chrome_selectors() -> tuple[str, ...]:
    data = tomllib.loads(
        (files("seofr.document") / "data" / "chrome.toml").read_text(encoding="utf-8")
    )
    return tuple(selector for table in data.values() for selector in table["selectors"])


@cache
def chrome_selector() -> str:
    """Every generator's chrome as one selector list (``data/chrome.toml``)."""
    return ", ".join(_chrome_selectors())


# The grammar of the selectors matched here: tag names, classes, ids, bare
# attribute names and combinators. Any other syntax (a pseudo-class, an
# attribute value, an escape, a namespace) is left to soupsieve.
_IDENT = r"-?[A-Za-z_][\w-]*"
_COMPOUND = re.compile(rf"(?:{_IDENT}|\*)?(?:[.#]{_IDENT}|\[\s*{_IDENT}\s*\])*")
_COMBINATOR = re.compile(r"\s*([>+~])\s*|\s+")
_PART = re.compile(rf"([.#]?)({_IDENT})|\[\s*({_IDENT})\s*\]")
# soupsieve's own class separators (``RE_NOT_WS``), not ``str.split``'s wider set
_CLASS_TOKEN = re.compile(r"[^ \t\r\n\f]+")


@dataclass(frozen=True)
class _Compound:
    """What one element must be: a tag name, ids, classes, attribute names."""

    name: str | None
    ids: tuple[str, ...]
    classes: tuple[str, ...]
    attributes: tuple[str, ...]

    def matches(self, element: Element) -> bool:
        """Whether ``element`` is all of it (as soupsieve matches in HTML)."""
        # tag and attribute names are lowercase on both sides; classes and ids
        # are compared by case
        if self.name is not None and element.name != self.name:
            return False
        attrs = element.attrs
        if any(attrs.get("id") != wanted for wanted in self.ids):
            return False
        if any(name not in attrs for name in self.attributes):
            return False
        if self.classes:
            value = attrs.get("class")
            tokens = _CLASS_TOKEN.findall(value) if value is not None else []
            return all(wanted in tokens for wanted in self.classes)
        return True

    def key(self) -> tuple[str, str]:
        """A name every element it matches carries: ``(kind, name)``, by kind
        ``"#"`` (id), ``"."`` (class), ``"["`` (attribute), ``""`` (tag), or
        ``("*", "")`` when it asks for none."""
        if self.ids:
            return "#", self.ids[0]
        if self.classes:
            return ".", self.classes[0]
        if self.attributes:
            return "[", self.attributes[0]
        if self.name is not None:
            return "", self.name
        return "*", ""


@dataclass(frozen=True)
class _Selector:
    """A complex selector: its last compound, then each combinator and the
    compound before it, right to left."""

    last: _Compound
    before: tuple[tuple[str, _Compound], ...]

    def matches(self, element: Element) -> bool:
        """Whether the selector matches ``element``."""
        return self.last.matches(element) and self._before(element, 0)

    def _before(self, element: Element, index: int) -> bool:
        if index == len(self.before):
            return True
        combinator, compound = self.before[index]
        candidates: Iterator[Element]
        if combinator == ">":
            candidates = iter(_parents(element)[:1])
        elif combinator == " ":
            candidates = iter(_parents(element))
        elif combinator == "+":
            candidates = iter([element.previous] if element.previous is not None else [])
        else:
            candidates = _previous_siblings(element)
        return any(
            compound.matches(candidate) and self._before(candidate, index + 1)
            for candidate in candidates
        )


def _parents(element: Element) -> list[Element]:
    """The element's ancestors, innermost first, without the document."""
    parents = []
    parent = element.parent
    while parent is not None and parent.parent is not None:
        parents.append(parent)
        parent = parent.parent
    return parents


def _previous_siblings(element: Element) -> Iterator[Element]:
    sibling = element.previous
    while sibling is not None:
        yield sibling
        sibling = sibling.previous


def _parse_compound(text: str) -> _Compound | None:
    if not text:
        return None
    parts = _PART.findall(text)
    name = "*" if text.startswith("*") else None
    if text[0] not in ".#[*":
        name = parts[0][1].lower()
    return _Compound(
        None if name == "*" else name,
        tuple(value for kind, value, _ in parts if kind == "#"),
        tuple(value for kind, value, _ in parts if kind == "."),
        tuple(attribute.lower() for _, _, attribute in parts if attribute),
    )


def _parse_selector(selector: str) -> _Selector | None:
    """The selector, or ``None`` when it is beyond the grammar matched here."""
    text = selector.strip()
    compounds: list[_Compound] = []
    combinators: list[str] = []
    position = 0
    while True:
        match = _COMPOUND.match(text, position)
        compound = _parse_compound(match.group() if match is not None else "")
        if compound is None or match is None:
            return None
        compounds.append(compound)
        position = match.end()
        if position == len(text):
            break
        separator = _COMBINATOR.match(text, position)
        if separator is None:
            return None
        combinators.append(separator.group(1) or " ")
        position = separator.end()
    return _Selector(
        compounds[-1], tuple(zip(reversed(combinators), reversed(compounds[:-1]), strict=True))
    )


@dataclass(frozen=True)
class _Matcher:
    """The chrome selectors, by a name each requires of the elements it matches."""

    by_key: dict[tuple[str, str], tuple[_Selector, ...]]
    # selectors beyond the grammar, matched by soupsieve
    others: tuple[str, ...]

    def candidates(self, element: Element) -> Iterator[_Selector]:
        """The selectors that may match ``element``."""
        by_key = self.by_key
        yield from by_key.get(("", element.name), ())
        yield from by_key.get(("*", ""), ())
        for name, value in element.attrs.items():
            yield from by_key.get(("[", name), ())
            if name == "id":
                yield from by_key.get(("#", value), ())
            elif name == "class":
                for token in _CLASS_TOKEN.findall(value):
                    yield from by_key.get((".", token), ())


@cache
def _chrome_matcher() -> _Matcher:
    by_key: dict[tuple[str, str], list[_Selector]] = {}
    others = []
    for text in _chrome_selectors():
        selector = _parse_selector(text)
        if selector is None:
            others.append(text)
        else:
            by_key.setdefault(selector.last.key(), []).append(selector)
    return _Matcher({key: tuple(value) for key, value in by_key.items()}, tuple(others))


def _is_template_content(element: Element) -> bool:
    return any(parent.name == "template" for parent in _parents(element))


def chrome_matches(parsed: Page) -> list[Element]:
    """The elements of ``parsed`` that ``data/chrome.toml``'s selectors match,
    in document order: what soupsieve's ``select()`` gives, which leaves out
    the contents of ``<template>`` elements."""
    matcher = _chrome_matcher()
    found = [
        element
        for element in parsed.elements
        if any(selector.matches(element) for selector in matcher.candidates(element))
    ]
    if matcher.others:
        from seofr.document.css import select

        more = {*found, *select(parsed, ", ".join(matcher.others))}
        found = [element for element in parsed.elements if element in more]
    return [element for element in found if not _is_template_content(element)]


def _role(tag: Element) -> str:
    value = tag.attrs.get("role")
    return value.strip().lower() if value is not None else ""


@dataclass
class Layout:
    """What the extractor needs to know of a page before reading it."""

    # Elements whose subtree is dropped.
    chrome: set[Element]
    # The elements the body is read from; empty when the whole document is read.
    roots: list[Element]
    region: str | None
    # An <h1> outside the region kept as the page's heading (the region has none).
    outside_h1: Element | None = None
    # The user's selector matched nothing: the automatic region was used.
    selector_missed: bool = False


def _in_chrome(tag: Element, chrome: set[Element]) -> bool:
    return any(parent in chrome or parent.name in NEVER_CONTENT for parent in _lineage(tag))


def _lineage(tag: Element) -> list[Element]:
    """The element and its ancestors, without the document."""
    return [tag, *_parents(tag)]


def _first(tags: list[Element], chrome: set[Element]) -> Element | None:
    return next((tag for tag in tags if not _in_chrome(tag, chrome)), None)


def _outermost(tags: list[Element]) -> list[Element]:
    """``tags`` without those nested in another of them, in document order."""
    chosen = set(tags)
    return [tag for tag in tags if not any(parent in chosen for parent in _parents(tag))]


def _link_blocks(parsed: Page, chrome: set[Element]) -> set[Element]:
    """Containers made mostly of links, by one pass over the tree.

    Judged bottom up: a block already dropped (chrome, or a list of links) does
    not count in its parent, so a division holding a title page and a table of
    contents loses the table and keeps the page.
    """
    found: set[Element] = set()
    # per open tag: characters, characters inside links, words outside links, links
    stack: list[list[int]] = [[0, 0, 0, 0]]
    in_link = 0
    for node, entering in parsed.events:
        if isinstance(node, Element):
            if entering:
                stack.append([0, 0, 0, 0])
                if node.name == "a":
                    in_link += 1
                continue
            chars, link_chars, words, links = stack.pop()
            if node.name == "a":
                in_link -= 1
                links += 1
            if node in chrome:
                continue  # dropped anyway: its text does not weigh on its parent
            if (
                node.name in _LINK_BLOCKS
                and links >= 2
                and link_chars > LINK_DENSITY * chars
                and words <= links
            ):
                found.add(node)
                continue
            top = stack[-1]
            top[0] += chars
            top[1] += link_chars
            top[2] += words
            top[3] += links
        elif isinstance(node, Text):
            text = " ".join(node.text.split())
            if not text:
                continue
            top = stack[-1]
            top[0] += len(text)
            if in_link:
                top[1] += len(text)
            else:
                top[2] += len(text.split())
    return found


def layout(parsed: Page, selector: str | None = None, page: bool = True) -> Layout:
    """Decide the chrome and the region of ``parsed``.

    ``page`` is false for a fragment of HTML inside another document (a block of
    HTML in Markdown): its chrome is dropped but its region is the whole
    fragment and link density does not apply.
    """
    tags = parsed.elements
    chrome = {tag for tag in tags if tag.name in NEVER_CONTENT or _role(tag) in CHROME_ROLES}
    chrome.update(chrome_matches(parsed))
    if not page:
        return Layout(chrome, [], None)
    missed = False
    if selector:
        from seofr.document.css import select

        matched = _outermost([t for t in select(parsed, selector) if not _in_chrome(t, chrome)])
        if matched:
            return _with_h1(parsed, Layout(chrome, matched, SELECTOR))
        missed = True
    chrome.update(_link_blocks(parsed, chrome))
    main = _first([t for t in tags if t.name == "main" or _role(t) == "main"], chrome)
    if main is not None:
        found = Layout(chrome, [main], MAIN)
    else:
        articles = [t for t in tags if t.name == "article" and not _in_chrome(t, chrome)]
        outer = _outermost(articles)
        if len(outer) == 1:
            found = Layout(chrome, outer, ARTICLE)
        else:
            body = _first([t for t in tags if t.name == "body"], chrome)
            found = Layout(chrome, [body] if body is not None else [], BODY)
    found.selector_missed = missed
    return _with_h1(parsed, found)


def _has_h1(parsed: Page, root: Element) -> bool:
    return any(isinstance(node, Element) and node.name == "h1" for node, _ in parsed.inside(root))


def _with_h1(parsed: Page, found: Layout) -> Layout:
    """Keep the page's first ``<h1>`` when the region has none (it stands in a header)."""
    if not found.roots or any(_has_h1(parsed, root) for root in found.roots):
        return found
    for h1 in (tag for tag in parsed.elements if tag.name == "h1"):
        chrome_parents = [p for p in _lineage(h1) if p in found.chrome or p.name in NEVER_CONTENT]
        # a heading of the page's own header, not of a sidebar or a menu
        if all(p.name == "header" or _role(p) == "banner" for p in chrome_parents):
            found.outside_h1 = h1
            break
    return found
