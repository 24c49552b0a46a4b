"""Render annex tables into an xlsx workbook with xlsxwriter.

One table per sheet (tables that share a sheet name are stacked): a title, the header rows with
their merges, the ``(1) (2) (3)`` numbering row, the body (parents bold and indented by level,
computed totals bold with a rule above), footnotes. A4 landscape, fitted to the page width, the
header rows repeated on every printed page. Values are written as numbers (never formulas), so
Excel and LibreOffice show exactly what lkjip-xl computed. Text is always written as text: a
uraian starting with ``=`` stays text. Output is deterministic (fixed document properties).
"""
from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from pathlib import Path

import xlsxwriter

from ..reader.own_files import ANNEX_MARK
from .model import (
    CODE, MARK_COLOURS, SIGN_ROOM, TEXT, AnnexTable, Signature, TextPage, cell_format, column_format, dashed,
    sign_lines,
)

FIXED_TIME = dt.datetime(2024, 1, 1)
FONT = "Arial"
FONT_SIZE = 9
LINE_HEIGHT = 12.0  # points per text line at FONT_SIZE
HEADER_FILL = "#D9E1F2"
NUMBER_FILL = "#F2F2F2"
MARK_FILL = {k: "#" + v for k, v in MARK_COLOURS.items()}
CHAR_PER_WIDTH = 1.4  # characters of 9 pt Arial per Excel width unit (approximate, errs on the tall side)


class _Formats:
    def __init__(self, wb):
        self.wb = wb
        self.cache: dict[tuple, object] = {}

    def get(self, **props):
        key = tuple(sorted(props.items()))
        if key not in self.cache:
            base = {"font_name": FONT, "font_size": FONT_SIZE}
            base.update({k: v for k, v in props.items() if v is not None and v is not False})
            self.cache[key] = self.wb.add_format(base)
        return self.cache[key]


def _char_width(ch: str) -> float:
    if ch.isupper() or ch in "mwMW%@":
        return 1.3
    if ch in "il.,;:'|!()[]/ ":
        return 0.6
    return 1.0


def _lines(text: str, width: float, bold: bool = False) -> int:
    """Estimated wrapped lines of ``text`` in a cell ``width`` Excel units wide (errs long)."""
    if not text:
        return 1
    per_line = max(4.0, width * CHAR_PER_WIDTH / (1.12 if bold else 1.0) - 1.5)
    total = 0
    for part in str(text).split("\n"):
        line, count = 0.0, 1
        for w in part.split(" "):
            n = sum(_char_width(ch) for ch in w)
            if line and line + 0.6 + n > per_line:
                count += 1
                line = n
            else:
                line = line + (0.6 if line else 0) + n
            while line > per_line:  # a word longer than the line
                count += 1
                line -= per_line
        total += count
    return total


def write_xlsx(tables: list[AnnexTable], path: Path, *, title: str = "Lampiran LKjIP",
               subject: str = "") -> None:
    wb = xlsxwriter.Workbook(str(path), {
        "strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False,
    })
    wb.set_properties({"title": title, "subject": subject, "author": "lkjip-xl", "company": "",
                       "created": FIXED_TIME, "comments": ANNEX_MARK})
    fm = _Formats(wb)
    sheets: dict[str, list[AnnexTable]] = {}
    for t in tables:
        sheets.setdefault(t.sheet, []).append(t)
    for name, group in sheets.items():
        ws = wb.add_worksheet(name)
        if isinstance(group[0], TextPage):
            _write_text_page(ws, fm, group[0])
        else:
            _write_sheet(wb, ws, fm, group)
    wb.close()


TEXT_COLUMNS = (4, 18, 16, 16, 16, 16)  # widths of a text page's columns (A4 portrait, about 86 units)


def _write_text_page(ws, fm: _Formats, page: TextPage) -> None:
    """A page of text: heading lines centred and bold, paragraphs wrapped over the page's width
    ("\t"-led label lines: label and value), then the signature block; A4 portrait."""
    widths = list(TEXT_COLUMNS)
    for j, w in enumerate(widths):
        ws.set_column(j, j, w)
    n, total = len(widths), sum(widths)
    r = 0
    for k, line in enumerate(page.heading):
        _merged(ws, r, 0, r, n - 1, line, fm.get(bold=True, font_size=12 if k == 0 else 11, align="center"))
        ws.set_row(r, 18)
        r += 1
    r += 1
    body = fm.get(font_size=10, text_wrap=True, valign="top", align="justify")
    for text in page.paragraphs:
        if text.startswith("\t"):
            label, _, value = text[1:].partition("\t")
            _value(ws, r, 1, label, fm.get(font_size=10))
            _merged(ws, r, 2, r, n - 1, f": {value}", fm.get(font_size=10))
            ws.set_row(r, 15)
        else:
            _merged(ws, r, 0, r, n - 1, text, body)
            ws.set_row(r, _lines(text, total * 0.95) * 13.5 + 6)
        r += 1
    if page.signature is not None:
        _signature(ws, fm, page.signature, r + 1, widths)
    ws.set_paper(9)
    ws.set_portrait()
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.7, right=0.7, top=0.7, bottom=0.7)
    ws.hide_gridlines(2)


def _write_sheet(wb, ws, fm: _Formats, tables: list[AnnexTable]) -> None:
    ncols = max(t.ncols for t in tables)
    widths = [0.0] * ncols
    for t in tables:
        for j, c in enumerate(t.columns):
            widths[j] = max(widths[j], c.width)
            if c.kind == CODE:  # a code never wraps (no spaces): as wide as the longest one
                codes = [len(str(r.cells[j].value)) for r in t.rows
                         if r.cells[j] is not None and r.cells[j].colspan == 1 and r.cells[j].value is not None]
                widths[j] = max([widths[j]] + [n * 1.05 + 3 for n in codes])
    for j, w in enumerate(widths):
        ws.set_column(j, j, w)
    r = 0
    repeat = None
    for k, t in enumerate(tables):
        if k:
            r += 2
        r, header_rows = _write_table(wb, ws, fm, t, r, widths)
        if repeat is None:
            repeat = header_rows
    ws.set_paper(9)
    ws.set_landscape() if tables[0].landscape else ws.set_portrait()
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.center_horizontally()
    if repeat:
        ws.repeat_rows(*repeat)
        ws.freeze_panes(repeat[1] + 1, 0)
    ws.set_footer(f"&L&8{_escape(tables[0].title)}&R&8&P / &N")
    ws.hide_gridlines(2)


def _escape(text: str) -> str:
    return text.replace("&", "&&")


def _write_table(wb, ws, fm: _Formats, t: AnnexTable, r: int, widths: list[float]) -> tuple[int, tuple[int, int]]:
    n = t.ncols
    span_width = sum(widths[:n])
    title_fmt = fm.get(bold=True, font_size=11, align="center", valign="vcenter", text_wrap=True)
    _merged(ws, r, 0, r, n - 1, t.title, title_fmt)
    ws.set_row(r, max(1, _lines(t.title, span_width * 0.85)) * 15 + 3)
    r += 1
    if t.subtitle:
        sub_fmt = fm.get(align="center", valign="vcenter", text_wrap=True)
        _merged(ws, r, 0, r, n - 1, t.subtitle, sub_fmt)
        r += 1
    r += 1
    first_header = r
    head_fmt = fm.get(bold=True, align="center", valign="vcenter", text_wrap=True, border=1, bg_color=HEADER_FILL)
    for hr, heads in enumerate(t.header):
        height = 1
        for j, h in enumerate(heads):
            if h is None:
                continue
            w = sum(widths[j:j + h.colspan])
            height = max(height, math.ceil(_lines(h.text, w, True) / h.rowspan))
            if h.rowspan > 1 or h.colspan > 1:
                _merged(ws, r + hr, j, r + hr + h.rowspan - 1, j + h.colspan - 1, h.text, head_fmt)
            else:
                ws.write_string(r + hr, j, h.text, head_fmt)
        ws.set_row(r + hr, height * LINE_HEIGHT + 4)
    r += len(t.header)
    if t.numbering:
        num_fmt = fm.get(italic=True, align="center", valign="vcenter", border=1, bg_color=NUMBER_FILL,
                         font_size=8, text_wrap=True)
        height = 1
        for j, label in enumerate(t.numbering):
            ws.write_string(r, j, label, num_fmt)
            height = max(height, _lines(label, widths[j]))
        ws.set_row(r, height * 11 + 3)
        r += 1
    last_header = r - 1
    col_formats = [column_format(t, j) for j in range(n)]
    indented = set(t.indented())
    heights = _body_heights(t, widths, indented)
    for i, row in enumerate(t.rows):
        ws.set_row(r, heights[i] * LINE_HEIGHT + 4)  # never the default 15: LibreOffice would refit it
        for j, cell in enumerate(row.cells):
            if cell is None:
                continue
            kind = t.cell_kind(row, j)
            num = cell_format(t, row, j, col_formats)
            props = dict(border=1, valign="top", text_wrap=kind in (TEXT, CODE) or isinstance(cell.value, str),
                         bold=cell.bold or row.bold or row.total, italic=cell.italic)
            if num:
                props["num_format"] = num
            align = cell.align or ("left" if kind in (TEXT, CODE) or isinstance(cell.value, str) else "right")
            props["align"] = align
            if j in indented and row.level and align == "left":
                props["indent"] = row.level
            elif kind == CODE and align == "left":
                props["indent"] = 1
            if row.total:
                props["top"] = 2
            if cell.mark:
                props["bg_color"] = MARK_FILL[cell.mark]
            f = fm.get(**props)
            last_r, last_c = r + cell.rowspan - 1, j + cell.colspan - 1
            if last_r > r or last_c > j:
                ws.merge_range(r, j, last_r, last_c, "", f)
            _value(ws, r, j, "-" if cell.value is None and dashed(t, row, j) else cell.value, f)
        r += 1
    if t.footnotes:
        note_fmt = fm.get(italic=True, font_size=8, text_wrap=True, valign="top", align="left")
        r += 0
        for text in t.footnotes:
            _merged(ws, r, 0, r, n - 1, "* " + text, note_fmt)
            ws.set_row(r, _lines(text, span_width * 1.1) * 10.5 + 2)
            r += 1
    if t.signature is not None:
        r = _signature(ws, fm, t.signature, r + 1, widths[:n])
    if t.chart is not None and t.rows and not t.rows[0].note:
        _chart(wb, ws, t, first_body=last_header + 1, last_body=last_header + len(t.rows), at_row=r + 1)
        r += 22
    return r, (first_header, last_header)


SIGN_WIDTH = 38.0  # Excel width units a signature block needs (a name with its titles on one line)


def _sign_spans(widths: list[float], count: int) -> list[tuple[int, int]]:
    """Column ranges of ``count`` signature blocks: the last at the right edge, a first one (of
    two) at the left edge, each as many columns as make SIGN_WIDTH."""
    n = len(widths)

    def take(cols):
        total, out = 0.0, []
        for j in cols:
            out.append(j)
            total += widths[j]
            if total >= SIGN_WIDTH:
                break
        return min(out), max(out)

    right = take(range(n - 1, -1, -1))
    if count == 1:
        return [right]
    left = take(range(n))
    if left[1] >= right[0]:  # a narrow table: split it in two halves
        left, right = (0, max(0, n // 2 - 1)), (min(n - 1, n // 2), n - 1)
    return [left, right]


def _signature(ws, fm: _Formats, sig: Signature, r: int, widths: list[float]) -> int:
    """The signature block: place and date above the rightmost signer, each signer's heading,
    room to sign, the name bold and underlined, rank and NIP (names on one line), all in one row,
    one cell per signer: a printer breaks pages between rows, so the block is never split, its
    name and NIP on a page of their own. Returns the next free row."""
    spans = _sign_spans(widths, len(sig.signers))
    block = fm.get(align="center", valign="top", text_wrap=True)
    plain, name_fmt = fm.get(), fm.get(bold=True, underline=1)  # a rich string's fonts, part by part
    tops, bottoms = sign_lines(sig)
    height = len(tops[0]) + max(len(b) for b in bottoms)
    for (c1, c2), top, bottom in zip(spans, tops, bottoms):
        above = "\n".join(top + bottom[:SIGN_ROOM]) + "\n"
        below = "".join("\n" + line for line in bottom[SIGN_ROOM + 1:])
        if c2 > c1:
            ws.merge_range(r, c1, r, c2, "", block)
        ws.write_rich_string(r, c1, plain, above, name_fmt, bottom[SIGN_ROOM], *([plain, below] if below else []),
                             block)
    ws.set_row(r, 15 * height)
    return r + 1


def _body_heights(t: AnnexTable, widths: list[float], indented: set[int]) -> list[int]:
    """Estimated lines per body row. Every row gets an explicit height: LibreOffice does not
    fit rows to wrapped text on import, and neither application fits merged cells."""
    heights: list[int] = []
    for i, row in enumerate(t.rows):
        lines = 1
        for j, cell in enumerate(row.cells):
            if cell is None:
                continue
            if not isinstance(cell.value, str) or cell.rowspan > 1:
                continue
            w = sum(widths[j:j + cell.colspan]) - (row.level * 1.5 if j in indented else 0)
            lines = max(lines, _lines(cell.value, w, cell.bold or row.bold or row.total))
        heights.append(lines)
    for i, row in enumerate(t.rows):  # a cell spanning rows needs their heights together
        for j, cell in enumerate(row.cells):
            if cell is None or cell.rowspan <= 1 or not isinstance(cell.value, str):
                continue
            need = _lines(cell.value, sum(widths[j:j + cell.colspan]), cell.bold or row.bold)
            have = sum(heights[i:i + cell.rowspan])
            if need > have:
                heights[i + cell.rowspan - 1] += need - have
    return heights


def _merged(ws, r1, c1, r2, c2, text, fmt) -> None:
    if r1 == r2 and c1 == c2:
        _value(ws, r1, c1, text, fmt)
    else:
        ws.merge_range(r1, c1, r2, c2, "", fmt)
        _value(ws, r1, c1, text, fmt)


def _value(ws, r: int, c: int, value, fmt) -> None:
    if value is None or value == "":
        ws.write_blank(r, c, None, fmt)
    elif isinstance(value, bool):
        ws.write_string(r, c, "ya" if value else "tidak", fmt)
    elif isinstance(value, (int, Decimal, float)):
        ws.write_number(r, c, float(value), fmt)
    else:
        ws.write_string(r, c, str(value), fmt)  # never a formula, whatever it starts with


def _chart(wb, ws, t: AnnexTable, first_body: int, last_body: int, at_row: int) -> None:
    spec = t.chart
    name = ws.get_name()
    bars = wb.add_chart({"type": "bar" if spec.horizontal else "column"})
    bars.add_series({
        "name": t.header[0][spec.value_col].text if t.header[0][spec.value_col] else "",
        "categories": [name, first_body, spec.category_col, last_body, spec.category_col],
        "values": [name, first_body, spec.value_col, last_body, spec.value_col],
        "data_labels": {"value": True, "num_format": "0.00", "position": "inside_end",
                        "font": {"color": "#FFFFFF", "bold": True, "size": 9}},
        "fill": {"color": "#4472C4"},
        "gap": 80,
    })
    if spec.line_col is not None:
        line = wb.add_chart({"type": "line"})
        line.add_series({
            "name": "100 %",
            "categories": [name, first_body, spec.category_col, last_body, spec.category_col],
            "values": [name, first_body, spec.line_col, last_body, spec.line_col],
            "line": {"color": "#C00000", "width": 2, "dash_type": "dash"},
            "marker": {"type": "none"},
        })
        bars.combine(line)
    bars.set_title({"name": spec.title, "name_font": {"size": 11, "bold": True}})
    values = {"name": spec.y_title, "min": 0, "num_format": "0", "major_gridlines": {"visible": True}}
    if spec.y_max is not None:
        values.update({"max": float(spec.y_max), "major_unit": 1})
    categories = {"num_font": {"size": 9}}
    if spec.horizontal:  # xlsxwriter's bar chart: y is the category axis; first category on top
        bars.set_x_axis(values)
        bars.set_y_axis({**categories, "reverse": True, "crossing": "max"})  # values axis stays below
        bars.set_legend({"none": True})
    else:
        bars.set_y_axis(values)
        bars.set_x_axis(categories)
        bars.set_legend({"position": "bottom"})
    bars.set_size({"width": 760, "height": 380 if not spec.horizontal else 60 + 34 * (last_body - first_body + 1)})
    ws.insert_chart(at_row, 0, bars, {"x_offset": 10, "y_offset": 5, "object_position": 1})


__all__ = ["write_xlsx", "FIXED_TIME", "MARK_FILL"]
