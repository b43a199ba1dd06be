"""Fixes writers can apply: edits in findings, ``seofr.fix``, ``seofr fix``."""

from __future__ import annotations

import io
import json
import os
import stat
from pathlib import Path

import jsonschema
import pytest

import seofr
from seofr.cli import main
from seofr.document import parse_document
from seofr.document.edits import EditableSource
from seofr.document.model import Edit
from seofr.errors import InputError
from seofr.fixer import choose_edits, replace_file
from seofr.report import Finding
from seofr.verdicts import Severity

ROOT = Path(__file__).resolve().parent.parent
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))

ARTICLE = """\
---
title: Le marché de Noël ouvre ses portes
tags: [noël, marché]
---

# Le marché de Noël ouvre ses portes

Les chalets s’installent sur la place dès vendredi, avec `Partager` en code.

Partager

Les artisans viennent de toute la région pour vendre leurs créations.

```
Partager
```
"""


def _cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(args), out), out.getvalue()


# -- the editable parts of a source ------------------------------------------------


def test_edits_stay_out_of_markup_code_and_front_matter() -> None:
    doc = parse_document(ARTICLE, "a.md")
    editable = EditableSource(doc)
    source = doc.source
    body = source.index("Les chalets")
    assert editable.in_place(body, body + 3)
    code = source.index("`Partager`")
    assert not editable.in_place(code + 1, code + 3)  # inline code
    fenced = source.rindex("Partager")
    assert not editable.in_place(fenced, fenced + 3)  # a code block
    key = source.index("tags")
    assert not editable.in_place(key, key + 4)
    assert editable.whole_lines(key, key + 4) is None  # front matter holds no block
    line = source.index("Partager\n\nLes artisans")
    assert editable.whole_lines(line, line + 8) == (line, line + 9)


def test_an_inline_code_span_is_literal_text() -> None:
    doc = parse_document("Tapez `rm -rf` puis <kbd>Entrée</kbd>.", "a.md")
    block = doc.blocks[0]
    code = block.text.index("rm")
    assert block.literal[0] == (code, code + 6)
    assert block.source_range(code, code + 2) is None
    assert block.source_range(0, 5) == (0, 5)
    html = parse_document("<p>Tapez <kbd>Ctrl</kbd> ou <code>q</code> ici</p>", "a.html")
    text = html.blocks[0].text
    assert [text[a:b] for a, b in html.blocks[0].literal] == ["Ctrl", "q"]


def test_replace_refuses_text_that_is_not_a_verbatim_copy() -> None:
    doc = parse_document("<p>Un &amp; deux <b>trois</b></p>", "a.html")
    block = doc.blocks[0]
    editable = EditableSource(doc)
    assert block.text == "Un & deux trois"
    assert editable.replace(block, 3, 4, "et") is None  # an entity
    assert editable.replace(block, 9, 11, "") is None  # across a tag
    edit = editable.replace(block, 0, 2, "Une")
    assert edit == Edit(3, 5, "Une")


# -- choosing edits ------------------------------------------------------------------


def _finding(code: str, *edits: Edit) -> Finding:
    return Finding("rule-" + code, code, Severity.INFO, "key", {}, None, edits)


def test_overlapping_edits_are_resolved_by_position_whatever_the_rule_order() -> None:
    doc = parse_document("Un texte assez long pour deux corrections.", "a.txt")
    editable = EditableSource(doc)
    first = _finding("T002", Edit(3, 8, "mot"))
    second = _finding("T001", Edit(5, 10, "xx"), Edit(20, 20, "!"))
    same = _finding("T003", Edit(20, 20, "!"))
    for order in ([first, second, same], [same, second, first]):
        chosen, refused = choose_edits(order, editable)
        assert [edit for _, edit in chosen] == [Edit(3, 8, "mot"), Edit(20, 20, "!")]
        assert refused == 0


def test_unsafe_edits_wait_to_be_asked_for_and_unencodable_ones_are_adapted() -> None:
    doc = parse_document("Quoi ? Rien.", "a.txt")
    editable = EditableSource(doc)
    finding = _finding("T001", Edit(4, 5, "\u202f"), Edit(7, 11, "Tout", safe=False))
    assert [e for _, e in choose_edits([finding], editable)[0]] == [Edit(4, 5, "\u202f")]
    chosen, _ = choose_edits([finding], editable, unsafe=True, encoding="cp1252")
    assert [e.replacement for _, e in chosen] == ["\u00a0", "Tout"]
    chosen, refused = choose_edits(
        [_finding("T1", Edit(0, 4, "\u2603"))], editable, encoding="cp1252"
    )
    assert (chosen, refused) == ([], 1)


# -- seofr.fix -------------------------------------------------------------------------


def test_fix_removes_a_share_widget_line_and_nothing_else() -> None:
    result = seofr.fix(ARTICLE, path="a.md", select=["boilerplate"])
    assert result.changed
    assert result.fixed == ARTICLE.replace("Partager\n\nLes artisans", "Les artisans")
    assert [(a.rule, a.before, a.safe) for a in result.applied] == [
        ("boilerplate", "Partager\n\n", True)
    ]
    assert not result.remaining
    again = seofr.fix(result.fixed, path="a.md", select=["boilerplate"])
    assert not again.changed


def test_an_instruction_glued_to_the_title_is_an_unsafe_edit() -> None:
    text = "Customize this title in frenchLe marché de Noël ouvre ses portes\n\nLe texte suit.\n"
    safe = seofr.fix(text, path="a.txt", select=["boilerplate"])
    assert not safe.changed
    [finding] = safe.remaining
    assert [e.safe for e in finding.edits] == [False]
    shown = safe.report.show(finding, "fr")
    assert "«\u00a0Customize this title in french\u00a0»" in shown.message
    assert (
        shown.fix
        == "Retirez la consigne et gardez le titre\u00a0: «\u00a0Le marché de Noël ouvre ses portes\u00a0»."
    )
    fixed = seofr.fix(text, path="a.txt", select=["boilerplate"], unsafe=True).fixed
    assert fixed.startswith("Le marché de Noël ouvre ses portes\n")
    heading = seofr.fix("# Titre : Le marché de Noël\n\nTexte.\n", path="a.md", unsafe=True)
    assert heading.fixed.startswith("# Le marché de Noël\n")


def test_a_leftover_line_glued_into_a_paragraph_is_cut_out_of_it() -> None:
    text = "Le marché ouvre vendredi.\nPartager\nLes chalets sont prêts.\n"
    fixed = seofr.fix(text, path="a.md", select=["boilerplate"]).fixed
    assert fixed == "Le marché ouvre vendredi.\nLes chalets sont prêts.\n"


def test_a_byte_order_mark_in_the_text_does_not_shift_the_edits() -> None:
    fixed = seofr.fix("\ufeffTexte.\n\nPartager\n\nSuite.\n", path="a.md", select=["boilerplate"])
    assert fixed.fixed == "\ufeffTexte.\n\nSuite.\n"


def test_fix_checks_its_keywords() -> None:
    with pytest.raises(TypeError, match="did you mean 'select'"):
        seofr.fix("Texte.", selct=["boilerplate"])


# -- files ---------------------------------------------------------------------------


def test_a_cp1252_file_with_crlf_keeps_its_encoding_and_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    text = "Le marché de Noël\r\n\r\nLes chalets sont là.\r\n\r\nPartager\r\n\r\nÀ bientôt.\r\n"
    path.write_bytes(text.encode("cp1252"))
    path.chmod(0o640)
    done = seofr.fix_file(path, select=["boilerplate"])
    assert done.written
    data = path.read_bytes()
    assert data == text.replace("Partager\r\n\r\n", "").encode("cp1252")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name != "article.txt"]


def test_a_byte_order_mark_stays(tmp_path: Path) -> None:
    path = tmp_path / "article.md"
    path.write_bytes(b"\xef\xbb\xbf" + b"Texte.\n\nPartager\n\nSuite.\n")
    seofr.fix_file(path, select=["boilerplate"])
    assert path.read_bytes() == b"\xef\xbb\xbf" + b"Texte.\n\nSuite.\n"


def test_a_symbolic_link_keeps_pointing_at_the_fixed_file(tmp_path: Path) -> None:
    target = tmp_path / "vrai.md"
    target.write_text("Texte.\n\nPartager\n\nSuite.\n", encoding="utf-8")
    link = tmp_path / "lien.md"
    link.symlink_to(target)
    seofr.fix_file(link, select=["boilerplate"])
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "Texte.\n\nSuite.\n"


def test_a_file_changed_on_disk_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"edited by someone else")
    with pytest.raises(InputError, match="changed on disk"):
        replace_file(path, b"what was read", b"the fix")
    assert path.read_bytes() == b"edited by someone else"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_a_file_with_undecodable_bytes_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    data = "Texte écrit en UTF-8, très bien lu.\n\nPartager\n".encode() + b"\xff\n"
    path.write_bytes(data)
    with pytest.raises(InputError, match="could not be decoded"):
        seofr.fix_file(path, select=["boilerplate"])
    assert path.read_bytes() == data


# -- the command -----------------------------------------------------------------------


def test_fix_command_diff_check_and_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.md"
    path.write_text(ARTICLE, encoding="utf-8")
    status, diff = _cli("fix", "--diff", "--select", "boilerplate", str(path))
    assert status == 0
    assert "-Partager\n" in diff and diff.count("\n-") == 2  # the line and its blank line
    assert path.read_text(encoding="utf-8") == ARTICLE
    assert _cli("fix", "--check", "--select", "boilerplate", str(path))[0] == 1
    assert "1 correction à appliquer" in capsys.readouterr().err
    assert _cli("fix", "--select", "boilerplate", str(path))[0] == 0
    assert "Partager\n\nLes" not in path.read_text(encoding="utf-8")
    assert _cli("fix", "--check", "--select", "boilerplate", str(path))[0] == 0
    assert "Rien à corriger" in capsys.readouterr().err


def test_fix_command_reads_stdin_and_writes_stdout(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"Texte.\n\nPartager\n\nSuite.\n"), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    status, out = _cli("fix", "--select", "boilerplate", "--input-format", "text", "-")
    assert (status, out) == (0, "Texte.\n\nSuite.\n")


def test_fix_command_reports_an_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli("fix", str(tmp_path / "absent.md"))[0] == 2
    assert "fichier introuvable" in capsys.readouterr().err


def test_sarif_carries_edits_as_fixes(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(ARTICLE, encoding="utf-8")
    status, out = _cli("check", "--no-cache", "--format", "sarif", str(path))
    assert status in (0, 1)
    sarif = json.loads(out)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(sarif)
    fixes = [f for r in sarif["runs"][0]["results"] for f in r.get("fixes", [])]
    [replacement] = fixes[0]["artifactChanges"][0]["replacements"]
    start = replacement["deletedRegion"]["charOffset"]
    length = replacement["deletedRegion"]["charLength"]
    assert ARTICLE[start : start + length] == "Partager\n\n"
    assert fixes[0]["properties"] == {"safe": True}
    assert os.fspath(path).endswith(fixes[0]["artifactChanges"][0]["artifactLocation"]["uri"][-4:])


def test_a_table_cell_is_never_removed_and_a_label_in_it_is_data() -> None:
    row = (
        "<html lang=fr><body><main><p>Les raccourcis du menu Fichier.</p><table>\n<tr>\n"
        "<td><p>Imprimer…</p></td>\n<td><p>Ctrl+P</p></td>\n<td><p>Print</p></td>\n"
        "</tr>\n</table></main></body></html>\n"
    )
    doc = parse_document(row, "a.html")
    cell = row.index("<td><p>Print")
    assert EditableSource(doc).whole_lines(cell, cell + 20) is None
    assert not seofr.analyze(row, input_format="html", select=["boilerplate"]).findings


def test_a_removal_never_leaves_half_an_element() -> None:
    text = "<html lang=fr><body><main><div class=note>\n<p>Partager</p>\n</div>\n<div>\n<p>Partager</p></div>\n<p>Suite du texte.</p></main></body></html>\n"
    doc = parse_document(text, "a.html")
    editable = EditableSource(doc)
    first = text.index("<p>Partager")
    assert editable.whole_lines(first, first + 10) == (first, first + len("<p>Partager</p>\n"))
    second = text.index("<div>\n<p>Partager") + len("<div>\n")
    assert editable.whole_lines(second, second + 10) is None  # its line closes an outer div
