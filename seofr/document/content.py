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
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import soupsieve
from bs4 import BeautifulSoup
from bs4.element import NavigableString, PageElement, PreformattedString, Tag

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


def walk(soup: BeautifulSoup) -> Iterator[tuple[PageElement, bool]]:
    """Every node in document order: ``(tag, True)`` on entering a tag,
    ``(tag, False)`` on leaving it, ``(string, True)`` for strings.

    Iterative (bs4's ``descendants`` follows ``next_element``), so documents
    nested thousands of levels deep are fine.
    """
    open_tags: list[PageElement] = [soup]
    for node in soup.descendants:
        parent = node.parent
        while len(open_tags) > 1 and open_tags[-1] is not parent:
            yield open_tags.pop(), False
        if isinstance(node, Tag):
            open_tags.append(node)
        yield node, True
    while len(open_tags) > 1:
        yield open_tags.pop(), False


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


# Only selectors made of tag names, classes, ids, bare attribute names and
# combinators are understood by the prefilter; any other syntax (a pseudo-class,
# an attribute value, an escape, a namespace) could hide a comma or a combinator
# from this grammar, so such a selector makes every tag a candidate.
_IDENT = r"-?[A-Za-z_][\w-]*"
_COMPOUND = rf"(?:{_IDENT}|\*)?(?:[.#]{_IDENT}|\[\s*{_IDENT}\s*\])*"
_SIMPLE_SELECTOR = re.compile(rf"\s*{_COMPOUND}(?:(?:\s*[>+~]\s*|\s+){_COMPOUND})*\s*")
_LAST_COMPOUND = re.compile(rf"({_COMPOUND})\s*$")
_PART = re.compile(rf"([.#]?)({_IDENT})|\[\s*({_IDENT})\s*\]")
# soupsieve's own class separators (``RE_NOT_WS``), not ``str.split``'s wider set
_CLASS_TOKEN = re.compile(r"[^ \t\r\n\f]+")


@dataclass(frozen=True)
class _Prefilter:
    """What a tag must carry for some chrome selector to match it.

    Every selector's last compound must hold on the tag itself, so one name it
    requires (an id, else a class, an attribute or the tag name) is a necessary
    condition. Names are compared lowercased: soupsieve matches classes and ids
    exactly and tag and attribute names case-insensitively in HTML, so folding
    both sides can only let more tags through, never fewer.
    """

    classes: frozenset[str]
    ids: frozenset[str]
    attributes: frozenset[str]
    names: frozenset[str]
    # a selector outside the grammar above: every tag must be matched for real
    everything: bool

    def admits(self, tag: Tag) -> bool:
        if self.everything or (self.names and tag.name.lower() in self.names):
            return True
        for name, value in tag.attrs.items():
            key = name.lower()
            if key in self.attributes:
                return True
            if key == "class" and self.classes and self._has_class(value):
                return True
            if (
                key == "id"
                and self.ids
                and (not isinstance(value, str) or value.lower() in self.ids)
            ):
                return True
        return False

    def _has_class(self, value: object) -> bool:
        tokens = _CLASS_TOKEN.findall(value) if isinstance(value, str) else value
        # a value of a shape soupsieve may read otherwise is left to it
        if not isinstance(tokens, list):
            return True
        return any(not isinstance(token, str) or token.lower() in self.classes for token in tokens)


@cache
def _chrome_prefilter() -> _Prefilter:
    classes: set[str] = set()
    ids: set[str] = set()
    attributes: set[str] = set()
    names: set[str] = set()
    everything = False
    for selector in _chrome_selectors():
        last = _LAST_COMPOUND.search(selector) if _SIMPLE_SELECTOR.fullmatch(selector) else None
        parts = _PART.findall(last.group(1)) if last is not None else []
        wanted = {kind: name.lower() for kind, name, _ in parts if kind}
        name = next((name.lower() for kind, name, _ in parts if not kind and name), None)
        attribute = next((attr.lower() for _, _, attr in parts if attr), None)
        if "#" in wanted:
            ids.add(wanted["#"])
        elif "." in wanted:
            classes.add(wanted["."])
        elif attribute is not None:
            attributes.add(attribute)
        elif name is not None:
            names.add(name)
        else:
            everything = True
    return _Prefilter(
        frozenset(classes), frozenset(ids), frozenset(attributes), frozenset(names), everything
    )


@cache
def _chrome_sieve() -> soupsieve.SoupSieve:
    return soupsieve.compile(chrome_selector())


def _is_template_content(tag: Tag) -> bool:
    return any(parent.name.lower() == "template" for parent in tag.parents)


def _chrome_matches(soup: BeautifulSoup, tags: list[Tag]) -> list[Tag]:
    """What ``soup.select(chrome_selector())`` returns, matching only the
    tags the prefilter admits (matching every selector against every tag was
    most of the time spent reading a page)."""
    sieve = _chrome_sieve()
    prefilter = _chrome_prefilter()
    # filter() matches a list of tags with one matcher scoped on their document,
    # as select() does; only select() skips the contents of <template>
    # elements, so the rare page with a match inside one takes select() itself.
    found = sieve.filter([tag for tag in tags if prefilter.admits(tag)])
    if any(_is_template_content(tag) for tag in found):
        return sieve.select(soup)
    return found


def _role(tag: Tag) -> str:
    value = tag.get("role")
    return value.strip().lower() if isinstance(value, str) else ""


@dataclass
class Layout:
    """What the extractor needs to know of a page before reading it."""

    # Elements whose subtree is dropped (by identity).
    chrome: set[int]
    # The elements the body is read from; empty when the whole document is read.
    roots: list[Tag]
    region: str | None
    # An <h1> outside the region kept as the page's heading (the region has none).
    outside_h1: Tag | None = None
    # The user's selector matched nothing: the automatic region was used.
    selector_missed: bool = False

    def is_chrome(self, tag: Tag) -> bool:
        """Whether ``tag`` and everything in it is left out."""
        return id(tag) in self.chrome


def _in_chrome(tag: Tag, chrome: set[int]) -> bool:
    return any(
        id(parent) in chrome or parent.name in NEVER_CONTENT for parent in (tag, *tag.parents)
    )


def _first(tags: list[Tag], chrome: set[int]) -> Tag | None:
    return next((tag for tag in tags if not _in_chrome(tag, chrome)), None)


def _outermost(tags: list[Tag]) -> list[Tag]:
    """``tags`` without those nested in another of them, in document order."""
    ids = {id(tag) for tag in tags}
    return [tag for tag in tags if not any(id(parent) in ids for parent in tag.parents)]


def _link_blocks(soup: BeautifulSoup, chrome: set[int]) -> set[int]:
    """Containers made mostly of links, by one pass over the tree.

    Judged bottom up: a block already dropped (chrome, or a list of links) does
    not count in its parent, so a division holding a title page and a table of
    contents loses the table and keeps the page.
    """
    found: set[int] = set()
    # per open tag: characters, characters inside links, words outside links, links
    stack: list[list[int]] = [[0, 0, 0, 0]]
    in_link = 0
    for node, entering in walk(soup):
        if isinstance(node, Tag):
            if entering:
                stack.append([0, 0, 0, 0])
                if node.name == "a":
                    in_link += 1
                continue
            chars, link_chars, words, links = stack.pop()
            if node.name == "a":
                in_link -= 1
                links += 1
            if id(node) in chrome:
                continue  # dropped anyway: its text does not weigh on its parent
            if (
                node.name in _LINK_BLOCKS
                and links >= 2
                and link_chars > LINK_DENSITY * chars
                and words <= links
            ):
                found.add(id(node))
                continue
            top = stack[-1]
            top[0] += chars
            top[1] += link_chars
            top[2] += words
            top[3] += links
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
            text = " ".join(node.split())
            if not text:
                continue
            top = stack[-1]
            top[0] += len(text)
            if in_link:
                top[1] += len(text)
            else:
                top[2] += len(text.split())
    return found


def layout(soup: BeautifulSoup, selector: str | None = None, page: bool = True) -> Layout:
    """Decide the chrome and the region of ``soup``.

    ``page`` is false for a fragment of HTML inside another document (a block of
    HTML in Markdown): its chrome is dropped but its region is the whole
    fragment and link density does not apply.
    """
    tags = soup.find_all(True)
    chrome = {id(tag) for tag in tags if tag.name in NEVER_CONTENT or _role(tag) in CHROME_ROLES}
    chrome.update(id(tag) for tag in _chrome_matches(soup, tags))
    if not page:
        return Layout(chrome, [], None)
    missed = False
    if selector:
        matched = _outermost([t for t in soup.select(selector) if not _in_chrome(t, chrome)])
        if matched:
            return _with_h1(soup, Layout(chrome, matched, SELECTOR))
        missed = True
    chrome.update(_link_blocks(soup, chrome))
    main = _first(soup.find_all(lambda t: t.name == "main" or _role(t) == "main"), chrome)
    if main is not None:
        found = Layout(chrome, [main], MAIN)
    else:
        articles = [t for t in soup.find_all("article") if not _in_chrome(t, chrome)]
        outer = _outermost(articles)
        if len(outer) == 1:
            found = Layout(chrome, outer, ARTICLE)
        else:
            body = _first(soup.find_all("body"), chrome)
            found = Layout(chrome, [body] if body is not None else [], BODY)
    found.selector_missed = missed
    return _with_h1(soup, found)


def _with_h1(soup: BeautifulSoup, found: Layout) -> Layout:
    """Keep the page's first ``<h1>`` when the region has none (it stands in a header)."""
    if not found.roots or any(root.find("h1") for root in found.roots):
        return found
    for h1 in soup.find_all("h1"):
        chrome_parents = [
            p for p in (h1, *h1.parents) if id(p) in found.chrome or p.name in NEVER_CONTENT
        ]
        # a heading of the page's own header, not of a sidebar or a menu
        if all(p.name == "header" or _role(p) == "banner" for p in chrome_parents):
            found.outside_h1 = h1
            break
    return found
