"""Apply the edits that findings carry: :func:`fix` and ``seofr fix``.

A rule that knows how to fix what it reports attaches :class:`~seofr.report.Edit`
values to its finding: replacements of ranges of the original source, ``safe``
when they keep the meaning (typography, white space, a leftover line the rule is
certain of). :func:`fix` analyzes the text, applies the safe edits (and the
unsafe ones when asked), and analyzes again, until nothing is left to apply:
an edit may reveal another (a straight quote made a guillemet now needs its
no-break space), and two edits of the same characters are never applied in the
same pass.

Whatever a rule proposes, an edit is applied only where
:class:`~seofr.document.edits.EditableSource` allows it: inside prose copied
verbatim from the source, or over whole lines holding nothing but complete
blocks and their markup. Markup, attributes, URLs, code, comments, shortcodes
and the front matter are never touched.

:func:`fix_file` rewrites a file in place as an editor would: same encoding,
same byte-order mark, same line endings (edits never touch them), same
permissions, through a temporary file renamed over the original, and never
over a file that changed since it was read.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from seofr.config import Layer
from seofr.document import parse_document, read_bytes
from seofr.document.decode import decode, encode_like
from seofr.document.edits import EditableSource
from seofr.document.model import Document, Edit
from seofr.errors import InputError
from seofr.report import Finding, Report
from seofr.session import (
    API_SETTINGS,
    ConfigChoice,
    Session,
    arguments_layer,
    check_keywords,
    collection_paused,
    guarded,
)
from seofr.session import default_session as _default_session
from seofr.settings import Settings

__all__ = ["AppliedEdit", "FileFix", "FixResult", "Fixer", "fix", "fix_file"]

# Fixes settle in two or three passes; the bound stops two rules that would
# undo each other's edits for ever.
MAX_PASSES = 10

_NARROW_NBSP, _NBSP = "\u202f", "\u00a0"


@dataclass(frozen=True, slots=True)
class AppliedEdit:
    """An edit :func:`fix` applied: which rule proposed it and what it changed.

    ``start`` and ``end`` are offsets in the text of the pass that applied it
    (``pass_number`` 1 works on the original).
    """

    rule: str
    code: str
    start: int
    end: int
    before: str
    after: str
    safe: bool
    pass_number: int


@dataclass(frozen=True)
class FixResult:
    """What :func:`fix` did: the fixed text, the edits applied, the report of the result."""

    original: str
    fixed: str
    applied: tuple[AppliedEdit, ...]
    report: Report
    # edits proposed but not applied: outside editable text, or not encodable
    refused: int = 0

    @property
    def changed(self) -> bool:
        """Whether the fixed text differs from the original."""
        return self.fixed != self.original

    @property
    def remaining(self) -> tuple[Finding, ...]:
        """The findings of the fixed text: what is left for a writer."""
        return self.report.findings


def fix(
    source: str,
    *,
    path: str | None = None,
    unsafe: bool = False,
    encoding: str | None = None,
    config: ConfigChoice = None,
    session: Session | None = None,
    **settings: Any,
) -> FixResult:
    """Apply the edits of the findings of ``source`` (text, not a path).

    ``path`` names the document (format by extension, configuration files
    around it); ``unsafe`` applies edits that need a writer's eye too;
    ``encoding``, when the text will be written in it, turns a narrow no-break
    space it cannot hold into a no-break space and leaves out any other edit it
    cannot hold. The other keywords are :func:`seofr.analyze`'s settings
    (``select``, ``ignore``, ``lang``…).
    """
    check_keywords("fix", settings, API_SETTINGS)
    fixer = Fixer(session or _default_session(), arguments_layer(settings), config, unsafe=unsafe)
    return guarded(lambda: fixer.text(source, path, encoding))


class Fixer:
    """Fixes documents with one session, one set of settings and one configuration choice."""

    def __init__(
        self, session: Session, arguments: Layer, config: ConfigChoice = None, *, unsafe: bool
    ) -> None:
        self.session = session
        self.arguments = arguments
        self.config = config
        self.unsafe = unsafe

    def _report(self, text: str, path: str | None, reading: Settings) -> tuple[Report, Document]:
        with collection_paused():
            doc = parse_document(text, path, reading.input_format, reading.content_selector)
            config = self.session.config_for(doc, self.arguments, self.config)
            return self.session.run(self.session.context(doc, config)), doc

    def text(self, source: str, path: str | None = None, encoding: str | None = None) -> FixResult:
        """Fix ``source``, the text of the document at ``path`` (see :func:`fix`)."""
        reading = self.session.reading_settings(path, self.arguments, self.config)
        # the parser drops a byte-order mark, so offsets count from after it
        mark = "\ufeff" if source.startswith("\ufeff") else ""
        text, refused = source.removeprefix(mark), 0
        applied: list[AppliedEdit] = []
        for number in range(1, MAX_PASSES + 1):
            report, doc = self._report(text, path, reading)
            chosen, refused = choose_edits(
                report.findings, EditableSource(doc), unsafe=self.unsafe, encoding=encoding
            )
            if not chosen:
                return FixResult(source, mark + text, tuple(applied), report, refused)
            applied += (
                AppliedEdit(
                    f.rule,
                    f.code,
                    e.start,
                    e.end,
                    text[e.start : e.end],
                    e.replacement,
                    e.safe,
                    number,
                )
                for f, e in chosen
            )
            text = apply_edits(text, [edit for _, edit in chosen])
        report, _ = self._report(text, path, reading)
        return FixResult(source, mark + text, tuple(applied), report, refused)

    def file(self, path: str | os.PathLike[str], *, write: bool = True) -> FileFix:
        """Fix the file at ``path``, rewriting it when ``write`` (see :func:`fix_file`)."""
        name = os.fspath(path)
        reading = self.session.reading_settings(name, self.arguments, self.config)
        data = read_bytes(name, reading.max_bytes)
        decoded = decode(data)
        lost = sum(int(n.params["count"]) for n in decoded.notes if n.key == "bytes-replaced")
        if lost:
            raise InputError(
                f"{name}: {lost:,} bytes could not be decoded as {decoded.encoding};"
                " not fixed, so that none is lost",
                reason="undecodable",
                path=name,
                count=lost,
                encoding=decoded.encoding,
            )
        result = self.text(decoded.text, name, decoded.encoding)
        if not (write and result.changed):
            return FileFix(name, result, False)
        replace_file(Path(name), data, encode_like(result.fixed, data, decoded.encoding))
        return FileFix(name, result, True)


def choose_edits(
    findings: Iterable[Finding],
    editable: EditableSource,
    *,
    unsafe: bool = False,
    encoding: str | None = None,
) -> tuple[list[tuple[Finding, Edit]], int]:
    """The edits to apply in one pass, in source order, and how many were refused.

    Edits are taken by position (then end, replacement and rule code, so the
    choice never depends on the order of the rules); one that overlaps an
    edit already taken waits for the next pass, where the analysis of the
    changed text proposes it again if it still applies. The same edit
    proposed by two findings is applied once.
    """
    candidates: list[tuple[Finding, Edit]] = []
    refused = 0
    for finding in findings:
        for edit in finding.edits:
            if not (edit.safe or unsafe):
                continue
            held = _encodable(edit, encoding)
            if held is None or not editable.allows(held.start, held.end, held.replacement):
                refused += 1
                continue
            candidates.append((finding, held))
    candidates.sort(key=lambda c: (c[1].start, c[1].end, c[1].replacement, c[0].code))
    chosen: list[tuple[Finding, Edit]] = []
    for finding, edit in candidates:
        if chosen:
            last = chosen[-1][1]
            same_point = edit.start == edit.end == last.start == last.end
            if edit.start < last.end or same_point:
                continue
        chosen.append((finding, edit))
    return chosen, refused


def _encodable(edit: Edit, encoding: str | None) -> Edit | None:
    """``edit`` as the encoding can hold it, or ``None`` when it cannot."""
    if encoding is None:
        return edit
    for replacement in (edit.replacement, edit.replacement.replace(_NARROW_NBSP, _NBSP)):
        try:
            replacement.encode(encoding)
        except UnicodeEncodeError:
            continue
        return Edit(edit.start, edit.end, replacement, edit.safe)
    return None


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with non-overlapping ``edits``, sorted by position, applied."""
    parts: list[str] = []
    position = 0
    for edit in edits:
        parts += (text[position : edit.start], edit.replacement)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


@dataclass(frozen=True)
class FileFix:
    """What :func:`fix_file` did to one file."""

    path: str
    result: FixResult
    written: bool


def fix_file(
    path: str | os.PathLike[str],
    *,
    write: bool = True,
    unsafe: bool = False,
    config: ConfigChoice = None,
    session: Session | None = None,
    **settings: Any,
) -> FileFix:
    """Fix the file at ``path``; rewrite it in place when ``write`` and it changed.

    Raises :class:`~seofr.InputError` for a file that cannot be read, whose
    bytes did not all decode (rewriting it would lose them), or that changed
    on disk between reading and writing (it is left as it is). The keywords
    are :func:`fix`'s.
    """
    check_keywords("fix_file", settings, API_SETTINGS)
    fixer = Fixer(session or _default_session(), arguments_layer(settings), config, unsafe=unsafe)
    return guarded(lambda: fixer.file(path, write=write))


def replace_file(path: Path, expected: bytes, new: bytes) -> None:
    """Write ``new`` over ``path`` atomically, if it still holds ``expected``.

    The bytes go to a temporary file in the same folder, with the original's
    permissions, which is then renamed over the original (over a symbolic
    link's target, not the link): a reader sees the old file or the new one,
    never half of one.
    """
    target = path.resolve()
    try:
        mode = target.stat().st_mode & 0o7777
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, before the rename
            dir=target.parent, prefix=f".{target.name}.", suffix=".seofr", delete=False
        )
    except OSError as exc:
        raise _not_rewritten(path, exc) from None
    temporary = Path(handle.name)
    try:
        with handle:
            handle.write(new)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        if target.read_bytes() != expected:
            raise InputError(
                f"{path}: changed on disk while it was being fixed; left as it is",
                reason="changed-on-disk",
                path=str(path),
            )
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise _not_rewritten(path, exc) from None
    except InputError:
        temporary.unlink(missing_ok=True)
        raise


def _not_rewritten(path: Path, error: OSError) -> InputError:
    detail = str(error.strerror or error)
    return InputError(
        f"{path}: cannot be rewritten ({detail})",
        reason="not-rewritable",
        path=str(path),
        detail=detail,
    )
