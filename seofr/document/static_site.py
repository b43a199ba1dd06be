"""Hugo shortcodes and Liquid (Jekyll) tags in Markdown: found, masked and read.

A static-site generator replaces these tags before (Liquid) or around (Hugo)
the Markdown conversion; they are never prose. :func:`scan` finds them in the
source, outside fenced code blocks and code spans, and says what they stand
for: an image (Hugo ``figure``, a Jekyll ``{% include image.html src=… %}``),
a link target (``ref``, ``relref``, ``{% link %}``, ``{% post_url %}``), code
(``highlight``/``code`` shortcodes, ``{% highlight %}``, ``{% raw %}`` blocks),
a caption, or nothing (comments, ``{{ variable }}``, ``{% if %}``…).

:func:`mask` then hides every tag from markdown-it without moving a single
character: a tag alone on its line (with other tags and white space only)
becomes spaces, hence a blank line, as Liquid leaves it; a tag among other
text becomes :data:`FILLER`, a private-use character markdown-it reads as a
letter (no indentation, no broken link destination, no lost emphasis) and
that the Markdown reader turns back into white space. docs/static-sites.md
explains the choice and its limits.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["FILLER", "Scan", "Tag", "mask", "resolve_url", "scan"]

#: What a tag among other text is masked with (U+E000, a private-use character).
FILLER = "\ue000"
_FILLER_RUN = re.compile(FILLER + "+")

# Paired shortcodes whose inner text is code, not prose.
_CODE_SHORTCODES = frozenset({"highlight", "code", "codeblock", "mermaid", "katex", "math"})
_IMAGE_SHORTCODES = frozenset({"figure", "img", "image", "picture", "photo"})
_LINK_SHORTCODES = frozenset({"ref", "relref"})
_LINK_LIQUID = frozenset({"link", "post_url"})
# Liquid blocks read as a whole: their inner text is not scanned for tags.
_LIQUID_BLOCKS = {"raw": "endraw", "comment": "endcomment", "highlight": "endhighlight"}
_IMAGE_INCLUDE = re.compile(r"image|img|figure|photo|picture", re.IGNORECASE)
_IMAGE_KEYS = ("src", "image_path", "image", "img")  # an image whatever the include's name
_IMAGE_KEYS_NAMED = (*_IMAGE_KEYS, "url", "path", "file")  # …when its name says image
_SITE_PREFIXES = ("site.baseurl", "site.url")

_MAX = "{0,4000}?"  # the longest tag read: an unclosed "{{" costs a bounded search
_TAG = re.compile(
    # a code span on one line: its tags are code, shown as written
    r"(?P<ticks>(?<!`)`+)(?!`)[^\n]+?(?<!`)(?P=ticks)(?!`)"
    # a shortcode shown as written ({{</* x */>}}) and a Go template comment
    rf"|(?P<quiet>\{{\{{[<%]\s*/\*.{_MAX}\*/\s*[>%]\}}\}}|\{{\{{-?\s*/\*.{_MAX}\*/\s*-?\}}\}})"
    rf"|\{{\{{<(?P<angle>.{_MAX})>\}}\}}"
    rf"|\{{\{{%(?P<percent>.{_MAX})%\}}\}}"
    rf"|\{{%-?(?P<liquid>.{_MAX})-?%\}}"
    rf"|\{{\{{-?(?P<output>.{_MAX})-?\}}\}}",
    re.DOTALL,
)
_PARAM = re.compile(
    r"""(?:([A-Za-z_][\w.-]*)[ \t]*=[ \t]*)?("(?:[^"\\]|\\.)*"|'[^']*'|`[^`]*`|[^\s"'`=]+)""",
    re.DOTALL,
)
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})", re.MULTILINE)
_QUOTED = re.compile(r"""\s*("(?:[^"\\]|\\.)*"|'[^']*')""", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Tag:
    """A shortcode or Liquid tag at ``source[start:end]``.

    ``value`` is what it stands for inside a URL: a link target, a literal
    (``{{ "/a" | relative_url }}``), ``""`` for the site's own prefix; ``None``
    when unknown (the tag itself is then kept). ``link``: a link of its own
    where no Markdown link or HTML attribute holds it (``ref``, ``{% link %}``).
    """

    start: int
    end: int
    value: str | None = None
    link: bool = False


@dataclass
class Scan:
    """What the tags of a document's body are; offsets are into the source."""

    regions: list[tuple[int, int]] = field(default_factory=list)  # masked, in order
    tags: list[Tag] = field(default_factory=list)  # in order
    images: list[tuple[str, str | None, int, int]] = field(default_factory=list)
    links: list[tuple[str, str, int, int]] = field(default_factory=list)
    code: list[tuple[int, int]] = field(default_factory=list)  # code text ranges
    captions: list[tuple[str, int, int]] = field(default_factory=list)  # text, start, length


@dataclass(frozen=True, slots=True)
class _Value:
    text: str
    start: int  # source range of the text as written, quotes left out
    length: int
    quoted: bool


def _params(text: str, offset: int) -> tuple[list[_Value], dict[str, _Value]]:
    """The positional and named parameters of a tag's inside ``text`` at source ``offset``."""
    positional: list[_Value] = []
    named: dict[str, _Value] = {}
    for match in _PARAM.finditer(text):
        raw = match.group(2)
        start = offset + match.start(2)
        if raw[0] in "\"'`" and len(raw) >= 2:
            inner = raw[1:-1]
            value = _Value(
                _ESCAPE.sub(r"\1", inner) if raw[0] == '"' else inner, start + 1, len(inner), True
            )
        else:
            value = _Value(raw, start, len(raw), False)
        if match.group(1):
            named.setdefault(match.group(1).lower(), value)
        else:
            positional.append(value)
    return positional, named


def _fences(source: str, start: int) -> list[tuple[int, int]]:
    """The source ranges of fenced code blocks from ``start``."""
    fences: list[tuple[int, int]] = []
    pos = start
    while True:
        opening = _FENCE.search(source, pos)
        if opening is None:
            return fences
        marker = opening.group(1)
        line_end = source.find("\n", opening.end())
        if line_end < 0:
            fences.append((opening.start(), len(source)))
            return fences
        closing = re.compile(
            rf"^[ \t>]*{re.escape(marker[0])}{{{len(marker)},}}[ \t\r]*$", re.MULTILINE
        ).search(source, line_end + 1)
        end = len(source) if closing is None else closing.end()
        fences.append((opening.start(), end))
        pos = end


def _line_rest_blank(source: str, pos: int) -> bool:
    """Whether only white space follows ``pos`` on its line."""
    end = source.find("\n", pos)
    return not source[pos : len(source) if end < 0 else end].strip(" \t\r")


def _line_head_blank(source: str, pos: int) -> bool:
    """Whether only white space precedes ``pos`` on its line."""
    return not source[source.rfind("\n", 0, pos) + 1 : pos].strip(" \t")


class _Scanner:
    def __init__(self, source: str) -> None:
        self.source = source
        self.out = Scan()

    def tag(self, start: int, end: int, value: str | None = None, link: bool = False) -> None:
        self.out.regions.append((start, end))
        self.out.tags.append(Tag(start, end, value, link))

    def block(self, start: int, inner_start: int, inner_end: int, end: int, code: bool) -> None:
        """A whole block masked; its inner text is code when ``code``."""
        self.out.regions.append((start, end))
        if code and inner_end > inner_start:
            self.out.code.append((inner_start, inner_end))

    def captions(self, named: dict[str, _Value], keys: Sequence[str]) -> None:
        for key in keys:
            value = named.get(key)
            if value is not None and value.text.strip():
                self.out.captions.append((value.text, value.start, value.length))

    def image(self, src: _Value, named: dict[str, _Value], start: int, end: int) -> None:
        alt = named.get("alt")
        self.out.images.append((src.text.strip(), None if alt is None else alt.text, start, end))
        link = named.get("link")
        if link is not None and link.text.strip():
            text = "" if alt is None else alt.text
            self.out.links.append((link.text.strip(), text, start, end))

    def shortcode(self, match: re.Match[str], inside: str, inside_start: int) -> int:
        """Read a shortcode; gives where scanning goes on."""
        start, end = match.span()
        body = inside.strip()
        if body.startswith("/") or not body:
            self.tag(start, end)  # a closing tag: what it closes stays prose
            return end
        positional, named = _params(body.removesuffix("/"), inside_start + inside.find(body))
        name = positional.pop(0).text.lower() if positional else ""
        if name in _CODE_SHORTCODES:
            closing = re.compile(rf"\{{\{{[<%]\s*/{re.escape(name)}\s*[>%]\}}\}}", re.IGNORECASE)
            found = closing.search(self.source, end)
            if found is not None:
                self.block(start, end, found.start(), found.end(), code=True)
                return found.end()
        if name in _IMAGE_SHORTCODES:
            src = named.get("src") or (positional[0] if positional else None)
            if src is not None:
                self.image(src, named, start, end)
                self.captions(named, ("title", "caption"))
        target = None
        if name in _LINK_SHORTCODES:
            found_target = named.get("path") or (positional[0] if positional else None)
            target = None if found_target is None else found_target.text.strip()
        self.tag(start, end, target, link=target is not None)
        return end

    def liquid(self, match: re.Match[str], inside: str, inside_start: int) -> int:
        """Read a Liquid tag; gives where scanning goes on."""
        start, end = match.span()
        body = inside.strip()
        name, _, rest = body.partition(" ")
        name = name.lower()
        closer = _LIQUID_BLOCKS.get(name)
        if closer is not None:
            found = re.compile(rf"\{{%-?\s*{closer}\s*-?%\}}").search(self.source, end)
            if found is None:
                self.tag(start, end)
                return end
            if name == "comment":
                self.block(start, end, found.start(), found.end(), code=False)
            elif name == "raw" and not (
                _line_rest_blank(self.source, end) and _line_head_blank(self.source, found.start())
            ):
                # inline raw text: shown as written, like inline code
                self.tag(start, end)
                self.tag(found.start(), found.end())
            elif name == "raw" and _FENCE.match(self.source, self.source.find("\n", end) + 1):
                # a fenced block inside: Markdown makes it code by itself
                self.tag(start, end)
                self.tag(found.start(), found.end())
            else:
                self.block(start, end, found.start(), found.end(), code=True)
            return found.end()
        offset = inside_start + inside.find(body)
        if name in _LINK_LIQUID:
            target = rest.strip().split()[0] if rest.strip() else ""
            self.tag(start, end, target.strip("\"'"), link=True)
            return end
        if name in ("include", "include_relative"):
            positional, named = _params(body, offset)
            include = positional[1].text if len(positional) > 1 else ""
            keys = _IMAGE_KEYS_NAMED if _IMAGE_INCLUDE.search(include) else _IMAGE_KEYS
            src = next((named[key] for key in keys if key in named), None)
            if src is not None:
                self.image(src, named, start, end)
                self.captions(named, ("caption",))
        self.tag(start, end)
        return end

    def output(self, match: re.Match[str], inside: str) -> None:
        """A Liquid output tag ``{{ … }}``: its value inside a URL, if known."""
        expression = inside.strip()
        value: str | None = None
        literal = _QUOTED.match(expression)
        if literal is not None:
            raw = literal.group(1)
            value = _ESCAPE.sub(r"\1", raw[1:-1]) if raw[0] == '"' else raw[1:-1]
        elif expression.split("|")[0].strip() in _SITE_PREFIXES:
            value = ""
        self.tag(*match.span(), value)


def scan(source: str, start: int) -> Scan | None:
    """The shortcodes and Liquid tags of ``source`` from ``start``; ``None`` without any."""
    if source.find("{{", start) < 0 and source.find("{%", start) < 0:
        return None
    scanner = _Scanner(source)
    fences = _fences(source, start)
    fence = 0
    pos = start
    while True:
        match = _TAG.search(source, pos)
        if match is None:
            break
        while fence < len(fences) and fences[fence][1] <= match.start():
            fence += 1
        if fence < len(fences) and fences[fence][0] <= match.start():
            pos = fences[fence][1]  # a fenced code block shows its tags as written
            continue
        kind = match.lastgroup
        if kind == "ticks":
            pos = match.end()
        elif kind == "quiet":
            scanner.tag(*match.span())
            pos = match.end()
        elif kind in ("angle", "percent"):
            pos = scanner.shortcode(match, match.group(kind), match.start(kind))
        elif kind == "liquid":
            pos = scanner.liquid(match, match.group(kind), match.start(kind))
        else:
            scanner.output(match, match.group("output"))
            pos = match.end()
    out = scanner.out
    return out if out.regions else None


def mask(fed: list[str], starts: Sequence[int], regions: Sequence[tuple[int, int]]) -> set[int]:
    """Mask ``regions`` (source ranges, in order) in ``fed``, the lines given to markdown-it.

    ``starts`` are the source offsets of the lines. A region whose every line
    holds nothing else than regions and white space becomes spaces; any other
    becomes :data:`FILLER`. Gives the indexes of the lines holding filler.
    """
    segments: dict[int, list[tuple[int, int, int]]] = {}
    for index, (start, end) in enumerate(regions):
        line = bisect.bisect_right(starts, start) - 1
        while 0 <= line < len(starts) and starts[line] < end:
            first = max(start - starts[line], 0)
            last = min(end - starts[line], len(fed[line]))
            if last > first:
                segments.setdefault(line, []).append((first, last, index))
            line += 1
    alone = [True] * len(regions)
    for line, parts in segments.items():
        text, position, rest = fed[line], 0, []
        for first, last, _ in parts:
            rest.append(text[position:first])
            position = max(position, last)
        rest.append(text[position:])
        if "".join(rest).strip(" \t"):
            for _, _, index in parts:
                alone[index] = False
    filled: set[int] = set()
    for line, parts in segments.items():
        text, position, pieces = fed[line], 0, []
        for first, last, index in parts:
            if first < position:
                continue
            pieces.append(text[position:first])
            if alone[index]:
                pieces.append(" " * (last - first))
            else:
                pieces.append(FILLER * (last - first))
                filled.add(line)
            position = last
        pieces.append(text[position:])
        fed[line] = "".join(pieces)
    return filled


def resolve_url(
    url: str, source: str, tags: Sequence[Tag], start: int, end: int, *, consumed: set[int]
) -> str:
    """``url`` read from ``source[start:end]`` with each masked tag made what it stands for.

    Each run of :data:`FILLER` in ``url`` is as long as the tags it stands for,
    taken in order from ``start``; ``consumed`` gets their starts.
    """
    first = bisect.bisect_left(tags, start, key=lambda tag: tag.start)
    pending = iter(tags[first:])

    def value(run: re.Match[str]) -> str:
        need, parts = len(run.group()), []
        while need > 0:
            tag = next(pending, None)
            if tag is None or tag.start >= end:
                break
            consumed.add(tag.start)
            parts.append(source[tag.start : tag.end] if tag.value is None else tag.value)
            need -= tag.end - tag.start
        return "".join(parts)

    return _FILLER_RUN.sub(value, url).strip()
