"""A copy of a .docx report with each number a finding is about highlighted (red error, yellow
warning, turquoise info) and commented with the finding's code and message: in a footnote or
endnote the comment is on the note's mark in the text, in a page header or footer there is none
(LibreOffice cannot open a document with a comment there). The input is never written; the copy
is written atomically."""
from __future__ import annotations

from copy import deepcopy
from pathlib import Path

from ..findings import Finding
from ..io.atomic import atomic_output
from ..schema.refs import parse_a1
from . import wordml
from .read_docx import margins, note_paragraphs, places, table_grid, with_nested

AUTHOR, INITIALS = "lkjip-xl", "LX"


def write_annotated_docx(source: Path, out: Path, findings: list[Finding], lang: str = "id") -> int:
    """Returns how many findings were marked."""
    from docx import Document
    from docx.enum.text import WD_COLOR_INDEX
    from docx.opc.oxml import serialize_part_xml
    from docx.text.paragraph import Paragraph

    colours = {"error": WD_COLOR_INDEX.RED, "warning": WD_COLOR_INDEX.YELLOW, "info": WD_COLOR_INDEX.TURQUOISE}
    doc = Document(str(source))
    paragraphs, tables = {}, {}
    count = 0
    for block, where in places(doc.element.body):
        if where is None:
            for table, _ in with_nested(block, []):
                count += 1
                tables[count] = table
        else:
            paragraphs[(where["paragraph"], where.get("text_box"))] = [Paragraph(block, doc)]
    roots = wordml.note_parts(doc.part)
    for number, note in enumerate(note_paragraphs(roots), start=1):
        paragraphs[("note", number)] = [Paragraph(p, doc) for p in note]
    marks = _note_marks(doc, roots)
    for _, where, margin in margins(doc):
        paragraphs[next(iter(where.items()))] = [Paragraph(p, doc) for p in margin]
    marked = 0
    for f in findings:
        target = _target(f, paragraphs, tables, doc)
        if target is None:
            continue
        paragraph_list, text_offset = target
        runs = _runs_for(paragraph_list, f.params.get("span"), text_offset)
        if not runs:
            continue
        for run in runs:
            run.font.highlight_color = colours[f.severity]
        where = f.params.get("location") or {}
        if "note" in where:  # a comment in a note is Word's, but LibreOffice cannot open the file
            runs = [marks[where["note"] - 1]] if marks[where["note"] - 1] is not None else []  # its mark carries it
        elif "header" in where or "footer" in where:
            runs = []  # nor in a page header or footer, which has no mark in the text: highlighted only
        if runs:
            doc.add_comment(runs, text=f"[{f.code}] {f.message(lang)}", author=AUTHOR, initials=INITIALS)
        marked += 1
    for part, root in roots:
        part._blob = serialize_part_xml(root)  # a footnote or endnote highlighted: the part holds bytes
    with atomic_output(out) as tmp:
        doc.save(str(tmp))
    return marked


def _note_marks(doc, roots: list) -> list:
    """Each footnote's, then endnote's, reference mark in the body (a run), as ``notes`` orders
    them; None for one without (its number is highlighted, with no comment)."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    marks = {}
    for r in doc.element.body.iter(qn("w:r")):
        for ref in r.iterchildren(qn("w:footnoteReference"), qn("w:endnoteReference")):
            marks.setdefault((ref.tag, ref.get(qn("w:id"))), Run(r, Paragraph(next(r.iterancestors(qn("w:p"))), doc)))
    return [marks.get((note.tag + "Reference", note.get(qn("w:id")))) for note in wordml.notes(roots)]


def _target(f: Finding, paragraphs: dict, tables: dict, doc):
    """The paragraphs a finding's number is in, and the offset of their text in the segment."""
    from docx.text.paragraph import Paragraph

    where = f.params.get("location") or {}
    key = next(((k, where[k]) for k in ("note", "header", "footer") if k in where),
               (where.get("paragraph"), where.get("text_box")))
    if key in paragraphs:
        text = "\n".join(wordml.paragraph_text(p._p) for p in paragraphs[key])
        return paragraphs[key], len(text) - len(text.lstrip())
    table = tables.get(where.get("table_index"))
    if table is None or "docx_row" not in where:
        return None
    grid = table_grid(table)
    col = parse_a1(f.cell)[1] if f.cell else 0
    if where["docx_row"] >= len(grid) or col >= len(grid[where["docx_row"]]) or grid[where["docx_row"]][col] is None:
        return None
    tc = grid[where["docx_row"]][col]
    text = wordml.cell_text(tc)
    return [Paragraph(p, doc) for p in wordml.blocks(tc) if not wordml.is_table(p)], len(text) - len(text.lstrip())


def _runs_for(paragraphs: list, span, offset: int) -> list:
    """The runs holding characters [start, end) of the paragraphs' joined text ("\n" between
    them), split so that they hold exactly those characters; every run when there is no span."""
    from docx.text.run import Run

    if span is None:
        return [Run(r, p) for p in paragraphs for r in wordml.runs(p._p)][:1]
    start, end = span[0] + offset, span[1] + offset
    pos, out = 0, []
    for p in paragraphs:
        runs = _isolate(p, start - pos, end - pos)
        out += runs
        pos += len(wordml.paragraph_text(p._p)) + 1
    return out


def _isolate(paragraph, start: int, end: int) -> list:
    from docx.text.run import Run

    pos, out = 0, []
    for r in wordml.runs(paragraph._p):
        run, text = Run(r, paragraph), wordml.run_text(r)
        a, b = pos, pos + len(text)
        pos = b
        if not text or b <= start or a >= end:
            continue
        lo, hi = max(start, a) - a, min(end, b) - a
        if hi < len(text):
            tail = deepcopy(run._r)
            run._r.addnext(tail)
            Run(tail, paragraph).text = text[hi:]
            run.text = text[:hi]
        if lo > 0:
            middle = deepcopy(run._r)
            run._r.addnext(middle)
            kept = run.text
            run.text = kept[:lo]
            run = Run(middle, paragraph)
            run.text = kept[lo:]
        out.append(run)
    return out
