"""Any CSS selector on a parsed page, through Beautiful Soup and soupsieve.

seofr reads pages into :mod:`seofr.document.tree`'s light tree; Beautiful Soup
is only used here, for the selectors that tree's own matcher does not read (the
user's ``content-selector``): the page is copied into a bs4 tree, soupsieve
selects in it, and each match is mapped back to its element. bs4 is imported
only with this module, when such a selector is set.
"""

from __future__ import annotations

from bs4 import BeautifulSoup
from bs4.element import Comment as SoupComment
from bs4.element import Declaration, NavigableString, Tag

from seofr.document.tree import Comment, Element, Page, Text

__all__ = ["select"]


def select(parsed: Page, selector: str) -> list[Element]:
    """The elements of ``parsed`` that ``selector`` matches, in document order,
    as ``soup.select(selector)`` gives them."""
    # No multi-valued attributes: every attribute value is a plain string, as
    # in the light tree.
    soup = BeautifulSoup("", "html.parser", multi_valued_attributes={})
    elements: dict[int, Element] = {}
    open_tags: list[Tag] = [soup]
    for node, entering in parsed.events:
        if isinstance(node, Element):
            if entering:
                tag = soup.new_tag(node.name, attrs=dict(node.attrs))
                open_tags[-1].append(tag)
                open_tags.append(tag)
                elements[id(tag)] = node
            else:
                open_tags.pop()
        elif isinstance(node, Text):
            open_tags[-1].append(NavigableString(node.text))
        elif isinstance(node, Comment):
            open_tags[-1].append(SoupComment(node.text))
        else:
            open_tags[-1].append(Declaration(node.text))
    try:
        return [elements[id(tag)] for tag in soup.select(selector)]
    finally:
        # Break the tree's reference cycles now: freed at once, it does not
        # make the cyclic garbage collector traverse it.
        soup.decompose()
