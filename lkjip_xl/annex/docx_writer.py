"""Render annex tables as Word tables (python-docx), ready to paste into the report.

A4 landscape section; each table starts on a new page with its title, the header rows and the
numbering row marked as repeating header rows (``w:tblHeader``), merged cells as in the xlsx,
parents bold and indented, totals bold, footnotes under the table. Numbers are formatted the
Indonesian way (``30.911.880.435``, ``97,18``), from the same values the xlsx holds. The file is
deterministic: fixed core properties and fixed zip timestamps.
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor

from ..reader.own_files import ANNEX_MARK
from .model import (
    CODE, MARK_COLOURS, SIGN_ROOM, TEXT, AnnexTable, Signature, TextPage, column_format, display_text, sign_lines,
)

FIXED_TIME = dt.datetime(2024, 1, 1)
HEADER_FILL = "D9E1F2"
NUMBER_FILL = "F2F2F2"
MARK_FILL = MARK_COLOURS
PAGE_W, PAGE_H, MARGIN = Mm(297), Mm(210), Mm(15)
FONT = "Arial"
CELL_MARGIN_MM = 0.9


def write_docx(tables: list[AnnexTable], path: Path, *, lang: str, title: str = "Lampiran LKjIP",
               landscape: bool = True, page_per_table: bool = True) -> None:
    """``lang``: the tables' language, which their numbers are printed in (1.500.000,50 or
    1,500,000.50); ``landscape``: A4 landscape (the annex's wide tables) or portrait (a report's pages);
    ``page_per_table``: each table on a new page, else one after the other (a title is kept with
    its table)."""
    doc = Document()
    _setup(doc, title, landscape)
    usable = ((PAGE_W if landscape else PAGE_H) - 2 * MARGIN) / Mm(1)
    first = True
    for t in tables:
        if not t.in_docx:
            continue
        if not first:
            if page_per_table and t.new_page:
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            else:
                _para(doc, "", size=9, space_after=6)
        first = False
        if isinstance(t, TextPage):
            _text_page(doc, t, usable)
        elif t.chart is not None and t.rows and not t.rows[0].note:
            _bars(doc, t, usable, lang)  # the figure shows every value: not the data table again
        else:
            _table(doc, t, usable, lang)
    buf = io.BytesIO()
    doc.save(buf)
    Path(path).write_bytes(_fixed_zip(buf.getvalue()))


def _setup(doc, title: str, landscape: bool = True) -> None:
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = (PAGE_W, PAGE_H) if landscape else (PAGE_H, PAGE_W)
    sec.left_margin = sec.right_margin = MARGIN
    sec.top_margin = sec.bottom_margin = Mm(15)
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(9)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    pf = style.paragraph_format
    pf.space_after = Pt(0)
    pf.space_before = Pt(0)
    cp = doc.core_properties
    cp.title = title
    cp.author = "lkjip-xl"
    cp.last_modified_by = "lkjip-xl"
    cp.created = FIXED_TIME
    cp.modified = FIXED_TIME
    cp.revision = 1
    cp.comments = ANNEX_MARK


def _para(doc, text: str, *, bold=False, italic=False, size=9, align=None, space_after=0):
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size = Pt(size)
    if align:
        p.alignment = align
    p.paragraph_format.space_after = Pt(space_after)
    return p


def _shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _cant_split(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


def _write(cell, text: str, *, bold=False, italic=False, size=8, align=None, indent=0, color=None) -> None:
    p = cell.paragraphs[0]
    for extra in cell.paragraphs[1:]:  # merged cells keep their paragraphs: drop the empty ones
        extra._p.getparent().remove(extra._p)
    run = p.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size = Pt(size)
    if color:
        run.font.color.rgb = RGBColor.from_string(color)
    if align:
        p.alignment = align
    if indent:
        p.paragraph_format.left_indent = Pt(6 * indent)


_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}


def _table(doc, t: AnnexTable, usable: float, lang: str) -> None:
    _para(doc, t.title, bold=True, size=11, align=WD_ALIGN_PARAGRAPH.CENTER).paragraph_format.keep_with_next = True
    if t.subtitle:
        _para(doc, t.subtitle, size=9, align=WD_ALIGN_PARAGRAPH.CENTER).paragraph_format.keep_with_next = True
    _para(doc, "", size=4).paragraph_format.keep_with_next = True
    n = t.ncols
    nhead = len(t.header) + (1 if t.numbering else 0)
    table = doc.add_table(rows=nhead + len(t.rows), cols=n)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    col_formats = [column_format(t, j) for j in range(n)]
    size, mm = fitted_widths(t, usable, lang)
    _cell_margins(table, CELL_MARGIN_MM)
    widths = [Emu(int(Mm(w))) for w in mm]
    cells = table._cells  # once: table.cell() rebuilds this list on every call
    at = lambda r, j: cells[r * n + j]  # noqa: E731 - the cell at grid position (r, j) before merging
    for k, cell in enumerate(cells):
        cell.width = widths[k % n]
    grid = table._tbl.tblGrid
    for j, gc in enumerate(grid.findall(qn("w:gridCol"))):
        gc.set(qn("w:w"), str(widths[j].twips))
    # header rows
    for hr, heads in enumerate(t.header):
        _repeat_header(table.rows[hr])
        for j, h in enumerate(heads):
            if h is None:
                continue
            cell = at(hr, j)
            if h.rowspan > 1 or h.colspan > 1:
                cell = cell.merge(at(hr + h.rowspan - 1, j + h.colspan - 1))
            _write(cell, h.text, bold=True, size=size, align=WD_ALIGN_PARAGRAPH.CENTER)
            _shade(cell, HEADER_FILL)
    if t.numbering:
        r = len(t.header)
        _repeat_header(table.rows[r])
        for j, label in enumerate(t.numbering):
            cell = at(r, j)
            _write(cell, label, italic=True, size=size - 1, align=WD_ALIGN_PARAGRAPH.CENTER)
            _shade(cell, NUMBER_FILL)
    indented = set(t.indented())
    for i, row in enumerate(t.rows):
        r = nhead + i
        _cant_split(table.rows[r])
        for j, c in enumerate(row.cells):
            if c is None:
                continue
            cell = at(r, j)
            if c.rowspan > 1 or c.colspan > 1:
                cell = cell.merge(at(r + c.rowspan - 1, j + c.colspan - 1))
            kind = t.cell_kind(row, j)
            text = display_text(t, row, j, col_formats, lang)
            is_text = kind in (TEXT, CODE) or isinstance(c.value, str)
            align = _ALIGN[c.align] if c.align else (WD_ALIGN_PARAGRAPH.LEFT if is_text else WD_ALIGN_PARAGRAPH.RIGHT)
            _write(cell, text, bold=c.bold or row.bold or row.total, italic=c.italic, align=align, size=size,
                   indent=row.level if j in indented else 0)
            if c.mark:
                _shade(cell, MARK_FILL[c.mark])
    for text in t.footnotes:
        _para(doc, "* " + text, italic=True, size=7)
    if t.signature is not None:
        signature_block(doc, t.signature, usable)


def _text_page(doc, page: TextPage, usable: float) -> None:
    """Heading lines (centred, bold), paragraphs (justified; "\t"-led lines are label lines),
    then the signature block."""
    for k, line in enumerate(page.heading):
        _para(doc, line, bold=True, size=12 if k == 0 else 11, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, "", size=10, space_after=6)
    for text in page.paragraphs:
        if text.startswith("\t"):
            label, _, value = text[1:].partition("\t")
            p = doc.add_paragraph()
            p.paragraph_format.left_indent = Mm(10)
            p.paragraph_format.tab_stops.add_tab_stop(Mm(40))
            run = p.add_run(f"{label}\t: {value}")
            run.font.size = Pt(11)
            p.paragraph_format.space_after = Pt(2)
        else:
            p = _para(doc, text, size=11, align=WD_ALIGN_PARAGRAPH.JUSTIFY, space_after=8)
            p.paragraph_format.line_spacing = 1.15
    if page.signature is not None:
        signature_block(doc, page.signature, usable)


def signature_block(doc, sig: Signature, usable: float) -> None:
    """The signers side by side in a borderless table (a single signer in the right half), names
    bold and underlined on one line, the block kept on one page."""
    _para(doc, "", size=6).paragraph_format.keep_with_next = True
    tops, bottoms = sign_lines(sig)
    cols = 2
    table = doc.add_table(rows=1, cols=cols)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    width = Mm(usable / cols)
    for gc in table._tbl.tblGrid.findall(qn("w:gridCol")):
        gc.set(qn("w:w"), str(width.twips))
    _cant_split(table.rows[0])
    cells = table.rows[0].cells
    place = cells[cols - len(sig.signers):]
    for cell in cells:
        cell.width = width
    for cell, top, bottom in zip(place, tops, bottoms):
        lines = top + bottom
        for i, text in enumerate(lines):
            p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.keep_with_next = i < len(lines) - 1
            run = p.add_run(text)
            run.font.size = Pt(10)
            if i == len(top) + SIGN_ROOM:
                run.bold = run.underline = True


def _cell_margins(table, mm: float) -> None:
    tbl_pr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(int(mm * 56.7)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    tbl_pr.append(mar)


def fitted_widths(t: AnnexTable, usable: float, lang: str) -> tuple[int, list[float]]:
    """The font size and column widths (mm) of a table on a page ``usable`` mm wide: 8 pt (7 for
    a wide table), smaller while the words of the headers and the numbers do not fit."""
    col_formats = [column_format(t, j) for j in range(t.ncols)]
    size = 8 if sum(c.width for c in t.columns) <= 150 else 7
    widths = _widths_mm(t, col_formats, size, usable, lang)
    while sum(widths) > usable + 0.01 and size > 6:
        size -= 1
        widths = _widths_mm(t, col_formats, size, usable, lang)
    return size, widths


def _widths_mm(t: AnnexTable, col_formats: list, size: int, usable: float, lang: str) -> list[float]:
    """Column widths on the page (``usable`` mm wide): number and code columns as wide as their
    longest value (so 30.911.880.435 never wraps), text columns share the rest in the xlsx
    proportions."""
    char = size * 0.3528 * 0.58  # mm per character (Arial digits ≈ 0.56 em)
    pad = 2 * CELL_MARGIN_MM + 0.8
    need, flexible = [], []
    for j, col in enumerate(t.columns):
        heads = [h.text for h in (row[j] for row in t.header) if h is not None and h.colspan == 1]
        # a short header stays on one line ("TW III"), a long one may break between words only
        words = [w for text in heads for w in ([text] if len(text) <= 8 else text.split())]
        longest_word = max([text_width_mm(w, size, bold=True) for w in words]
                           + [text_width_mm(t.numbering[j], size - 1)] if t.numbering else [0]) + pad
        if col.kind in (TEXT,):
            need.append(longest_word)
            flexible.append(j)
            continue
        texts = [display_text(t, row, j, col_formats, lang) for row in t.rows
                 if row.cells[j] is not None and row.cells[j].colspan == 1]
        longest = max((len(x) for x in texts), default=1) * char * 1.12 + pad
        need.append(max(longest, longest_word))
    rest = usable - sum(need)
    if rest > 0 and flexible:
        total = sum(t.columns[j].width for j in flexible)
        for j in flexible:
            need[j] += rest * t.columns[j].width / total
    return need


# advance widths of Arial Bold in 1/1000 em (the metrics of Helvetica Bold, which Arial shares):
# what a header word needs on the page; any other character counts as a capital's 722
_BOLD_WIDTHS = {ch: w for w, chars in {
    278: " ',./I\\`ijl", 280: "|", 333: "!()-:;[]ft", 389: "*r{}", 474: '"', 500: "z",
    556: "#$0123456789J_aceksvxy", 584: "+<=>^~×−", 611: "?FLTZbdghnopqu", 667: "EPSVXY",
    722: "&ABCDHKNRU", 778: "GOQw", 833: "M", 889: "%m", 944: "W", 975: "@",
}.items() for ch in chars}


def text_width_mm(text: str, size: float, bold: bool = True) -> float:
    """The width of ``text`` in Arial Bold at ``size`` points, in mm (regular text is narrower:
    bold widths are an upper bound)."""
    return sum(_BOLD_WIDTHS.get(ch, 722) for ch in text) / 1000 * size * 0.3528


BAR_FILL = "4472C4"
# what follows w:shd in a paragraph's properties (the schema's order, which Word enforces)
_AFTER_SHD = tuple(f"w:{n}" for n in (
    "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
    "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
    "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
    "cnfStyle", "rPr", "sectPr", "pPrChange"))


def _bars(doc, t: AnnexTable, usable: float, lang: str) -> None:
    """The table's chart as a figure of shaded bars (a borderless table: category | bar | value),
    with the table's title, subtitle and footnotes. A bar is a shaded paragraph whose right indent
    leaves the rest of its cell empty, so its length is exact, it prints as sharp as the text and
    stays editable in Word, and no image or chart library is needed."""
    spec = t.chart
    col_formats = [column_format(t, j) for j in range(t.ncols)]
    items = [(display_text(t, row, spec.category_col, col_formats, lang), row.cells[spec.value_col].value,
              display_text(t, row, spec.value_col, col_formats, lang)) for row in t.rows
             if row.cells[spec.value_col] is not None and not row.note]
    top = spec.y_max or max((v for _, v, _ in items if v is not None), default=1) or 1
    _para(doc, t.title, bold=True, size=11, align=WD_ALIGN_PARAGRAPH.CENTER).paragraph_format.keep_with_next = True
    if t.subtitle:
        _para(doc, t.subtitle, size=9, align=WD_ALIGN_PARAGRAPH.CENTER).paragraph_format.keep_with_next = True
    _para(doc, "", size=4).paragraph_format.keep_with_next = True
    label_w, value_w = usable * 0.38, 14.0
    bar_w = usable - label_w - value_w
    table = doc.add_table(rows=len(items), cols=3)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _cell_margins(table, CELL_MARGIN_MM)
    for k, width in enumerate((label_w, bar_w, value_w)):
        table._tbl.tblGrid.findall(qn("w:gridCol"))[k].set(qn("w:w"), str(Mm(width).twips))
    for r, (label, value, text) in enumerate(items):
        row = table.rows[r]
        _cant_split(row)
        cells = row.cells
        for cell, width in zip(cells, (label_w, bar_w, value_w)):
            cell.width = Mm(width)
        _write(cells[0], label, size=8, align=WD_ALIGN_PARAGRAPH.RIGHT)
        _write(cells[2], text, size=8, bold=True)
        p = cells[1].paragraphs[0]
        p.add_run(" ").font.size = Pt(8)
        share = 0.0 if value is None else max(0.0, min(1.0, float(value) / float(top)))
        p.paragraph_format.right_indent = Mm((bar_w - 2 * CELL_MARGIN_MM) * (1 - share))
        p.paragraph_format.space_after = Pt(2)
        p.paragraph_format.space_before = Pt(2)
        p_pr = p._p.get_or_add_pPr()
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), BAR_FILL if share else "FFFFFF")
        p_pr.insert_element_before(shd, *_AFTER_SHD)
    for text in t.footnotes:
        _para(doc, "* " + text, italic=True, size=7)


def _fixed_zip(data: bytes) -> bytes:
    """The same package with fixed timestamps and a stable member order (deterministic bytes)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


__all__ = ["write_docx"]
