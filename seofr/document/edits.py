"""Which parts of a document's source an edit may change.

A fix must change the words a reader sees and nothing else: never markup, an
attribute, a URL, code, a comment, a shortcode or the front matter. Two kinds of
edits are allowed, and :class:`EditableSource` tells them apart:

- **in place**: the range lies inside text copied verbatim from the source into
  a heading or a block that is not code (see :meth:`TextElement.source_range`);
- **whole lines**: the range covers whole source lines holding one or more
  complete headings or blocks and nothing else but markup (tags, Markdown
  markers, the targets of links and images on those lines). Removing a leftover
  line of a scraped page is such an edit.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property

from seofr.document.model import Block, BlockKind, Document, Edit, Heading, TextElement

__all__ = ["EditableSource"]

# What may stand on a removed line besides its text: tags (not comments, which
# carry directives), Markdown's block and inline markers, a link's target
_MARKUP_ONLY = re.compile(r"(?:\s|<(?!!--)[^<>]*>|[#>*+\-=_`|\[\]()!.:\d])*")
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^<>]*?(/?)>")


def _balanced(markup: str) -> bool:
    """Whether every element ``markup`` opens is closed in it, and it closes none it
    did not open."""
    # the reader's own list, imported here: it parses a sample when first imported
    from seofr.document.tree import VOID

    open_tags: list[str] = []
    for closing, written, self_closing in _TAG.findall(markup):
        name = written.lower()
        # an element closed at its start tag (as the HTML reader closes it)
        # opens nothing a removal could leave open
        if self_closing or name in VOID:
            continue
        if not closing:
            open_tags.append(name)
        elif not open_tags or open_tags.pop() != name:
            return False
    return not open_tags


class EditableSource:
    """The ranges of ``doc.source`` that fixes may change, and the edits rules build.

    A rule makes one per document it checks (building it costs nothing until
    it is asked) and turns what it found in an element's text into edits with
    :meth:`replace` and :meth:`remove_line`; the fixer asks :meth:`allows`.
    """

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    @cached_property
    def _elements(self) -> list[TextElement]:
        return sorted(
            (e for e in self.doc.body if isinstance(e, Heading) or e.kind is not BlockKind.CODE),
            key=lambda e: e.span.start,
        )

    @cached_property
    def _starts(self) -> list[int]:
        return [e.span.start for e in self._elements]

    @cached_property
    def _reach(self) -> list[int]:
        """For each element, the furthest end of it and every element before it."""
        reach, furthest = [], 0
        for element in self._elements:
            furthest = max(furthest, element.span.end)
            reach.append(furthest)
        return reach

    @cached_property
    def _link_spans(self) -> list[tuple[int, int]]:
        return sorted(
            [(link.span.start, link.span.end) for link in self.doc.links]
            + [(image.span.start, image.span.end) for image in self.doc.images]
        )

    def _elements_between(self, first: int, last: int) -> list[TextElement]:
        """The headings and blocks that touch ``[first, last)``, an empty one inside it included."""
        found = []
        index = bisect.bisect_left(self._starts, last) - 1
        # going back from the last element that starts before ``last``, until no
        # earlier element reaches ``first``
        while index >= 0 and (self._reach[index] > first or self._starts[index] >= first):
            element = self._elements[index]
            if element.span.end > first or element.span.start >= first:
                found.append(element)
            index -= 1
        return found[::-1]

    @cached_property
    def _runs(self) -> list[tuple[int, int]]:
        """Source ranges copied verbatim into prose, outside code, in order."""
        runs: list[tuple[int, int]] = []
        for element in self._elements:
            for piece in element.pieces:
                if piece.length != piece.source_length:
                    continue
                start, end = piece.text_start, piece.text_start + piece.length
                cuts = [
                    (max(low, start), min(high, end))
                    for low, high in element.literal
                    if low < end and start < high
                ]
                for low, high in [*cuts, (end, end)]:
                    if low > start:
                        offset = piece.source_start - piece.text_start
                        runs.append((start + offset, low + offset))
                    start = max(start, high)
        runs.sort()
        return runs

    def in_place(self, start: int, end: int) -> bool:
        """Whether ``source[start:end]`` lies inside one verbatim run of prose.

        An insertion (``start == end``) may stand at either end of a run.
        """
        runs = self._runs
        found = bisect.bisect_right(runs, (start, len(self.doc.source) + 1)) - 1
        # an insertion at the end of a run may also be the start of the next one
        for low, high in runs[max(found - 1, 0) : found + 1]:
            if low <= start and end <= high and (start < high or start == end):
                return True
        return False

    def whole_lines(self, start: int, end: int) -> tuple[int, int] | None:
        """The whole source lines around ``[start, end)``, if they may be removed.

        They may when they hold at least one heading or block, none of them a
        table cell (removing one shifts the columns after it), every heading and
        block they touch lies wholly inside them, whatever else they hold is
        markup, and every tag they open they also close (a removal never leaves
        half an element). The range returned ends after the last line's line break.
        """
        source = self.doc.source
        first = source.rfind("\n", 0, start) + 1
        newline = source.find("\n", max(end - 1, start))
        last = len(source) if newline < 0 else newline + 1
        inside = self._elements_between(first, last)
        if not inside or any(
            e.span.start < first
            or e.span.end > last
            or (isinstance(e, Block) and e.kind is BlockKind.TABLE_CELL)
            for e in inside
        ):
            return None
        covered = [(e.span.start, e.span.end) for e in inside]
        spans = self._link_spans
        found = bisect.bisect_left(spans, (first, first))
        while found < len(spans) and spans[found][0] < last:
            if spans[found][1] <= last:
                covered.append(spans[found])
            found += 1
        position, rest = first, []
        for low, high in sorted(covered):
            rest.append(source[position:low])
            position = max(position, high)
        rest.append(source[position:last])
        if not all(_MARKUP_ONLY.fullmatch(part) for part in rest):
            return None
        if not _balanced("".join(rest)):
            return None
        return first, last

    def replace(
        self, element: TextElement, start: int, end: int, replacement: str, *, safe: bool = True
    ) -> Edit | None:
        """The edit that turns ``element.text[start:end]`` into ``replacement``.

        ``None`` when those characters are not a verbatim copy of the source
        (markup inside, an entity, white space collapsed, code).
        """
        found = element.source_range(start, end)
        if found is None or self.doc.source[found[0] : found[1]] != element.text[start:end]:
            return None
        if not self.in_place(*found):
            return None
        return Edit(found[0], found[1], replacement, safe)

    def remove_line(
        self, element: TextElement, start: int, end: int, *, safe: bool = True
    ) -> Edit | None:
        """The edit that removes the line ``element.text[start:end]`` from the source.

        The line goes with its line break: whole source lines when they hold
        nothing else (with one blank line around it, so none is left doubled),
        else its part of a paragraph that a scraper glued from several lines.
        ``None`` when it cannot be removed without touching anything else.
        """
        source = self.doc.source
        low, high = element.source_offset(start), element.source_offset(end)
        lines = self.whole_lines(low, high)
        if lines is not None:
            first, last = lines
            blank_before = first == 0 or source.endswith(("\n\n", "\n\r\n"), 0, first)
            blank_after = next((b for b in ("\n", "\r\n") if source.startswith(b, last)), "")
            if blank_before and blank_after:
                last += len(blank_after)
            return Edit(first, last, "", safe)
        following = source.find("\n", high)
        if (
            following >= 0
            and source[high:following].strip() == ""
            and self.in_place(low, following + 1)
        ):
            return Edit(low, following + 1, "", safe)
        previous = source.rfind("\n", 0, low)
        if (
            previous >= 0
            and source[previous + 1 : low].strip() == ""
            and self.in_place(previous, high)
        ):
            return Edit(previous, high, "", safe)
        return None

    def allows(self, start: int, end: int, replacement: str) -> bool:
        """Whether an edit of ``source[start:end]`` into ``replacement`` is allowed."""
        if self.in_place(start, end):
            return True
        return not replacement and self.whole_lines(start, end) == (start, end)
