"""How a page names itself: its slug, permalink, URL or file name."""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import urlsplit

from seofr.french.normalize import folded_words
from seofr.plugin import Document


def page_key(url_or_name: str) -> str:
    """The last path segment without extension, folded: how a page names itself."""
    path = urlsplit(url_or_name.strip()).path.rstrip("/")
    stem = PurePosixPath(path).stem if path else ""
    return "-".join(folded_words(stem))


def own_keys(doc: Document) -> set[str]:
    """Names the page goes by: its ``url`` or ``slug`` front matter, its file name."""
    keys: set[str] = set()
    for field in ("url", "permalink", "slug"):
        value = doc.front_matter.get(field)
        if isinstance(value, str) and value.strip():
            keys.add(page_key(value))
    if doc.path:
        path = PurePosixPath(PurePosixPath(doc.path).as_posix())
        keys.add(page_key(path.name))
        if path.stem in ("index", "_index"):  # blog/mon-article/index.md is "mon-article"
            keys.add(page_key(path.parent.name))
    return keys - {""}
