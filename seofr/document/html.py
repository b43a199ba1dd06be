"""Read an HTML page into a :class:`~seofr.document.model.Document`.

Parsing builds :mod:`seofr.document.tree`'s light tree from html.parser's
events, keeping the exact source range of every piece of text: html.parser
reports each run of text, and each character or entity reference separately,
so every character of the extracted text maps back to its own source
character, or to its ``&…;`` reference.

What counts as content (see :mod:`seofr.document.content` for the region and
the chrome):

* the body is read from the page's main content region — the elements matching
  the ``content-selector`` setting, else ``<main>`` (or ``role="main"``), else
  its only ``<article>``, else ``<body>`` — without its chrome: ``nav``,
  ``header``, ``footer``, ``aside``, ``form``, their ARIA roles, the generators'
  navigation (DocBook, texi2html, Sphinx…), blocks made mostly of links, and
  ``script``, ``style``, ``noscript``, ``template``, ``svg``, ``iframe``;
  an ``<h1>`` whose only chrome ancestors are ``<header>`` elements is kept, and
  so is the page's header ``<h1>`` when the region has none;
* headings ``h1``–``h6`` and the blocks ``p``, ``li``, ``blockquote``,
  ``td``/``th``, ``dt``/``dd``, ``figcaption``/``caption`` and ``pre`` own the
  text inside them; nested ones own their own text, so reading order is kept
  and spans never overlap (``<li>a<ul><li>b</li></ul>c</li>`` gives the list
  items "a", "b" and "c"). A ``<p>`` inside another block takes that block's
  kind: ``<blockquote><p>x</p><p>y</p></blockquote>`` gives two quotations;
* text that no block owns (loose text in ``div``, ``section``, ``body``…)
  becomes paragraphs, one per run between block-level elements; block-level
  elements split blocks the same way, but headings only split at nested
  blocks;
* HTML white space (ASCII) is collapsed and trimmed; no-break spaces are kept
  inside the text, as French typography rules need them, but trimmed at its
  ends. ``<br>`` is a space. Empty blocks are dropped, empty headings are kept
  with the span of their start tag;
* the title is the first ``<title>`` outside ``<svg>``/``<math>``, else the
  first non-empty ``<h1>`` of the body. Meta values are the first of their
  kind anywhere in the page, white space collapsed; the language is the
  ``lang`` of ``<html>``, else of ``<body>``, else of the content region, else
  the ``content-language`` meta; ``<img>`` roles are lowercased, ``alt`` is kept
  as written;
* a link's accessible name is its ``aria-label``, else its text with the
  ``alt`` of the images inside, else its ``title``.
"""

from __future__ import annotations

from collections.abc import Iterator

from seofr.document.builder import TextBuilder, collapse_space, first_h1_title
from seofr.document.content import Layout, layout
from seofr.document.model import (
    Block,
    BlockKind,
    Comment,
    Document,
    Field,
    Format,
    Heading,
    Image,
    InputNote,
    Link,
    SourceMap,
    Span,
    TitleOrigin,
)
from seofr.document.tree import Comment as TreeComment
from seofr.document.tree import Element, Page, String, Text, read_html

__all__ = ["parse_html"]

_HEADING_LEVELS = {f"h{level}": level for level in range(1, 7)}
_BLOCK_KINDS = {
    "p": BlockKind.PARAGRAPH,
    "li": BlockKind.LIST_ITEM,
    "blockquote": BlockKind.QUOTE,
    "td": BlockKind.TABLE_CELL,
    "th": BlockKind.TABLE_CELL,
    "dt": BlockKind.DEFINITION,
    "dd": BlockKind.DEFINITION,
    "figcaption": BlockKind.CAPTION,
    "caption": BlockKind.CAPTION,
    "pre": BlockKind.CODE,
}
# Elements rendered as blocks: text on either side of them is not one run.
_BLOCK_LEVEL = frozenset(
    {
        "address",
        "article",
        "aside",
        "body",
        "center",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "fieldset",
        "figure",
        "footer",
        "form",
        "head",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "listing",
        "main",
        "menu",
        "nav",
        "ol",
        "optgroup",
        "option",
        "plaintext",
        "search",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        "ul",
        "xmp",
    }
    | _HEADING_LEVELS.keys()
    | _BLOCK_KINDS.keys()
)
# Elements from other vocabularies: their <title> is not the page's.
_FOREIGN = frozenset({"svg", "math"})
# Elements whose text is code or input to type, quoted as it is
_LITERAL = frozenset({"code", "kbd", "samp", "tt", "var", "pre"})


def parse_html(
    text: str,
    path: str | None = None,
    notes: tuple[InputNote, ...] = (),
    encoding: str = "utf-8",
    *,
    content_selector: str | None = None,
    page: bool = True,
) -> Document:
    """Parse an HTML page into a :class:`Document` whose offsets index ``text``.

    ``notes`` and ``encoding`` come from decoding and are kept on the document.
    ``content_selector`` is the CSS selector of the main content, if the user
    gave one; ``page`` is false for a fragment of HTML inside another document.
    Tag soup is read as leniently as browsers do; :class:`ValueError` is raised
    only if the underlying parser rejects the markup, which it is not known to
    do.
    """
    try:
        parsed = read_html(text)
    except ValueError as error:
        raise ValueError(f"the HTML parser rejected this document: {error}") from error
    found = layout(parsed, content_selector, page)
    if found.selector_missed:
        notes = (*notes, InputNote("selector-missed", {"selector": content_selector or ""}))
    extractor = _Extractor(parsed, found)
    enter, leave, string = extractor.enter, extractor.leave, extractor.string
    for node, entering in parsed.events:
        if isinstance(node, Element):
            if entering:
                enter(node)
            else:
                leave(node)
        else:
            string(node)
    return extractor.document(path, notes, encoding)


# --- Extraction ---------------------------------------------------------------


def html_text_builder() -> TextBuilder:
    """A text builder with HTML's rules.

    No-break spaces are kept inside the text but trimmed at its ends
    (``<td>&nbsp;</td>`` is an empty cell); a space standing for a run of white
    space maps to the whole run.
    """
    return TextBuilder(map_space_runs=True, trim_unicode=True)


class _Owner:
    """A heading or block element owning the text inside it."""

    __slots__ = ("kind", "level", "slot")

    def __init__(self, level: int, kind: BlockKind, slot: int) -> None:
        #: 1 to 6 for a heading, 0 for a block.
        self.level = level
        self.kind = kind
        #: For a heading, its index in the body until it has produced text.
        self.slot = slot


class _OpenLink:
    """An ``<a href>`` being read."""

    __slots__ = ("alts", "href", "label", "rel", "slot", "start", "tag_end", "text", "title")

    def __init__(self, tag: Element, href: str, slot: int, span: Span) -> None:
        self.href = href.strip()
        self.rel = tuple((_attribute(tag, "rel") or "").lower().split())
        self.label = collapse_space(_attribute(tag, "aria-label") or "").strip()
        self.title = collapse_space(_attribute(tag, "title") or "").strip()
        #: The alt texts of the images inside the link.
        self.alts: list[str] = []
        self.slot = slot
        self.start = span.start
        self.tag_end = span.end
        self.text = html_text_builder()


class _Frame:
    """What applies inside an open element."""

    __slots__ = (
        "content",
        "foreign",
        "header_only",
        "hidden",
        "link",
        "literal",
        "owner",
        "title",
    )

    def __init__(
        self,
        *,
        content: bool,
        hidden: bool = False,
        header_only: bool = False,
        foreign: bool = False,
        owner: _Owner | None = None,
        link: _OpenLink | None = None,
        title: bool = False,
        literal: bool = False,
    ) -> None:
        #: Inside the content root.
        self.content = content
        #: Inside an excluded element.
        self.hidden = hidden
        #: Excluded only because of <header> ancestors.
        self.header_only = header_only
        #: Inside <svg> or <math>.
        self.foreign = foreign
        #: The innermost heading or block.
        self.owner = owner
        #: The innermost link.
        self.link = link
        #: Inside the page's <title>.
        self.title = title
        #: Inside code (<code>, <kbd>…): text to quote, never to correct.
        self.literal = literal

    @property
    def visible(self) -> bool:
        """Whether text here is content."""
        return self.content and not self.hidden


class _Extractor:
    """Builds the document from the events of a walk of the page (:attr:`Page.events`)."""

    def __init__(self, parsed: Page, found: Layout) -> None:
        self._source = parsed.source
        self._map = SourceMap(parsed.source)
        self._layout = found
        self._chrome = found.chrome
        self._roots = set(found.roots)
        self._frames = [_Frame(content=not found.roots)]
        self._body: list[Heading | Block | None] = []
        self._links: list[Link | None] = []
        self._images: list[Image] = []
        self._comments: list[Comment] = []
        self._run = html_text_builder()
        self._run_owner: _Owner | None = None
        self._title_text: TextBuilder | None = None
        self._title: Field | None = None
        #: The ``lang`` of <html>, of <body> and of the region, in that order of trust.
        self._langs: dict[str, Field] = {}
        self._content_language: Field | None = None
        self._description: Field | None = None
        self._robots: Field | None = None
        self._canonical: Field | None = None

    # Tags -------------------------------------------------------------------

    def enter(self, tag: Element) -> None:
        """Open ``tag``: push what applies inside it."""
        parent = self._frames[-1]
        name = tag.name
        frame = _Frame(
            content=parent.content or tag in self._roots,
            hidden=parent.hidden,
            header_only=parent.header_only,
            foreign=parent.foreign or name in _FOREIGN,
            owner=parent.owner,
            link=parent.link,
            title=parent.title,
            literal=parent.literal or name in _LITERAL,
        )
        if tag in self._chrome:
            frame.header_only = name == "header" and (not parent.hidden or parent.header_only)
            frame.hidden = True
        elif name == "h1" and parent.header_only:
            frame.hidden = frame.header_only = False
        if tag is self._layout.outside_h1:
            frame.content, frame.hidden = True, False
        if not frame.foreign:
            self._metadata(tag, frame)
        if name in _BLOCK_LEVEL and (parent.visible or frame.visible):
            self._block_boundary(name, parent)
        if frame.visible:
            self._content_tag(tag, frame, parent.owner)
        self._frames.append(frame)

    def leave(self, tag: Element) -> None:
        """Close ``tag``: finish what it owned."""
        frame = self._frames.pop()
        parent = self._frames[-1]
        if tag.name in _BLOCK_LEVEL and (parent.visible or frame.visible):
            self._block_boundary(tag.name, parent)
        owner = frame.owner
        if owner is not parent.owner and owner is not None and owner.slot >= 0:
            # A heading without text: kept, with the span of its start tag.
            self._body[owner.slot] = Heading("", self._tag_span(tag), level=owner.level)
            owner.slot = -1
        link = frame.link
        if link is not parent.link and link is not None:
            self._links[link.slot] = self._link(link)
        if frame.title and not parent.title and self._title_text is not None:
            self._title = self._text_field(self._title_text, tag)
            self._title_text = None

    def _block_boundary(self, name: str, parent: _Frame) -> None:
        """The start or end of a block-level element, whose parent is ``parent``.

        Headings and blocks end the current run of text, and so do other
        block-level elements except inside a heading, where they only separate
        words; they also separate the words of a link. Those inside excluded
        elements are not boundaries: the text on either side of
        ``<noscript><div>…</div></noscript>`` is one run.
        """
        owner = parent.owner
        if owner is None or not owner.level or name in _HEADING_LEVELS or name in _BLOCK_KINDS:
            self._flush()
        else:
            self._run.separate()
        if parent.link is not None:
            parent.link.text.separate()

    def _content_tag(self, tag: Element, frame: _Frame, outer: _Owner | None) -> None:
        """Handle a visible tag of the content."""
        name = tag.name
        level = _HEADING_LEVELS.get(name)
        if level is not None:
            frame.owner = _Owner(level, BlockKind.PARAGRAPH, len(self._body))
            self._body.append(None)
            return
        kind = _BLOCK_KINDS.get(name)
        if kind is not None:
            if name == "p" and outer is not None and outer.level == 0:
                kind = outer.kind
            frame.owner = _Owner(0, kind, -1)
            return
        if name == "br":
            span = self._tag_span(tag)
            for builder in self._builders(frame):
                builder.space(span.start, span.end - span.start)
        elif name == "a":
            href = _attribute(tag, "href")
            if href is not None:
                frame.link = _OpenLink(tag, href, len(self._links), self._tag_span(tag))
                self._links.append(None)
        elif name == "img":
            role = _attribute(tag, "role")
            if frame.link is not None:
                frame.link.alts.append(collapse_space(_attribute(tag, "alt") or "").strip())
            self._images.append(
                Image(
                    src=(_attribute(tag, "src") or "").strip(),
                    alt=_attribute(tag, "alt"),
                    span=self._tag_span(tag),
                    role=role.strip().lower() if role is not None else None,
                )
            )

    def _metadata(self, tag: Element, frame: _Frame) -> None:
        """Read the title, meta tags, canonical link and language, anywhere."""
        name = tag.name
        if name == "title":
            if self._title is None and self._title_text is None:
                self._title_text = html_text_builder()
                frame.title = True
        elif name == "meta":
            self._meta(tag)
        elif name == "link":
            rel = (_attribute(tag, "rel") or "").lower().split()
            href = _attribute(tag, "href")
            if self._canonical is None and "canonical" in rel and href is not None:
                self._canonical = Field(href.strip(), self._tag_span(tag))
        where = name if name in ("html", "body") else "region" if tag in self._roots else None
        if where is not None and where not in self._langs:
            lang = (_attribute(tag, "lang") or "").strip() or (_attribute(tag, "xml:lang") or "")
            if lang.strip() or where == "html":
                # the first <html> decides, even without lang; a later one does not
                self._langs[where] = Field(lang.strip(), self._tag_span(tag))

    def _meta(self, tag: Element) -> None:
        """Read a ``<meta>`` tag."""
        content = collapse_space(_attribute(tag, "content") or "").strip()
        name = (_attribute(tag, "name") or "").strip().lower()
        if name == "description" and self._description is None:
            self._description = Field(content, self._tag_span(tag))
        elif name == "robots" and self._robots is None:
            self._robots = Field(content, self._tag_span(tag))
        http_equiv = (_attribute(tag, "http-equiv") or "").strip().lower()
        if http_equiv == "content-language" and self._content_language is None and content:
            self._content_language = Field(content, self._tag_span(tag))

    # Positions --------------------------------------------------------------

    def _tag_span(self, tag: Element) -> Span:
        """The span of a tag's start tag, ``<`` to ``>``."""
        return self._map.span(tag.start, tag.tag_end)

    # Text -------------------------------------------------------------------

    def string(self, string: String) -> None:
        """Add a string to whatever is reading it."""
        if not isinstance(string, Text):
            if isinstance(string, TreeComment):
                self._comment(string)
            return
        frame = self._frames[-1]
        builders = self._builders(frame)
        if not builders:
            return
        if frame.visible and self._run.empty:
            self._run_owner = frame.owner
        for builder in builders:
            if frame.literal:
                builder.begin_literal()
            for text, start, source_length in self._segments(string):
                builder.add(text, start, source_length)
            if frame.literal:
                builder.end_literal()

    def _builders(self, frame: _Frame) -> list[TextBuilder]:
        """The text builders reading text in this frame."""
        builders = []
        if frame.visible:
            builders.append(self._run)
            if frame.link is not None:
                builders.append(frame.link.text)
        if frame.title and self._title_text is not None:
            builders.append(self._title_text)
        return builders

    def _segments(self, string: Text) -> Iterator[tuple[str, int, int]]:
        """The parts of a string with their source ranges ``(text, start, source_length)``."""
        chunks = string.chunks
        text = string.text
        if not chunks:
            # Made of no source text (not known to happen): at the parent tag.
            yield text, string.parent.start, 0
            return
        if len(chunks) == 1:
            yield text, chunks[0].start, chunks[0].source_length
            return
        if sum(chunk.length for chunk in chunks) != len(text):
            # A white-space-only string collapsed to one character.
            first, last = chunks[0], chunks[-1]
            yield text, first.start, last.start + last.source_length - first.start
            return
        position = 0
        for chunk in chunks:
            yield text[position : position + chunk.length], chunk.start, chunk.source_length
            position += chunk.length

    def _comment(self, string: TreeComment) -> None:
        chunk = string.chunks[0]
        span = self._map.span(chunk.start, chunk.start + chunk.source_length)
        self._comments.append(Comment(string.text.strip(), span))

    def _flush(self) -> None:
        """End the current run of text: it becomes a heading or a block."""
        run = self._run
        if run.empty:
            return
        self._run = html_text_builder()
        owner = self._run_owner
        element: Heading | Block | None
        if owner is not None and owner.level:
            element = run.heading(self._map, owner.level)
            if element is not None and owner.slot >= 0:
                self._body[owner.slot] = element
                owner.slot = -1
                return
        else:
            kind = owner.kind if owner is not None else BlockKind.PARAGRAPH
            element = run.block(self._map, kind)
        if element is not None:
            self._body.append(element)

    def _link(self, link: _OpenLink) -> Link:
        finished = link.text.finish()
        text = finished.text if finished is not None else ""
        end = finished.end if finished is not None else link.tag_end
        name = link.label or " ".join(filter(None, [text, *link.alts])) or link.title
        return Link(
            link.href,
            text,
            self._map.span(link.start, end),
            link.rel,
            name if name != text else None,
        )

    def _declared_language(self) -> Field | None:
        """The ``lang`` of <html>, else of <body>, else of the region, else the meta."""
        for where in ("html", "body", "region"):
            found = self._langs.get(where)
            if found is not None and found.value:
                return found
        return self._content_language

    def _text_field(self, builder: TextBuilder, tag: Element) -> Field:
        """A field holding collapsed text; the start tag's span if it is empty."""
        finished = builder.finish()
        if finished is None:
            return Field("", self._tag_span(tag))
        return Field(finished.text, self._map.span(finished.start, finished.end))

    # Result -----------------------------------------------------------------

    def document(self, path: str | None, notes: tuple[InputNote, ...], encoding: str) -> Document:
        """The document, once every node was walked."""
        self._flush()
        body = tuple(element for element in self._body if element is not None)
        title, origin = self._title, TitleOrigin.HTML_TITLE
        if title is None:
            title, origin = first_h1_title(body), TitleOrigin.FIRST_H1
        return Document(
            source=self._source,
            format=Format.HTML,
            path=path,
            title=title,
            title_origin=origin if title is not None else None,
            meta_description=self._description,
            meta_robots=self._robots,
            canonical=self._canonical,
            lang=self._declared_language(),
            body=body,
            links=tuple(link for link in self._links if link is not None),
            images=tuple(self._images),
            comments=tuple(self._comments),
            notes=notes,
            encoding=encoding,
            content_region=self._layout.region,
        )


def _attribute(tag: Element, name: str) -> str | None:
    """An attribute's value, ``None`` when absent."""
    return tag.attrs.get(name)
