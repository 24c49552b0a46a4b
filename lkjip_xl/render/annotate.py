"""An annotated copy of the workbook: each finding's cell filled (red error, yellow warning,
blue info) with a comment holding the message, and a first sheet `Temuan` listing every finding
with a hyperlink to its cell. The original's formulas and data validations are kept; the input
file is never modified (the copy is written to a temporary file and renamed)."""
from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill

from ..io.atomic import atomic_output
from ..schema.refs import quote_sheet
from .text import SEVERITY_WORDS

FILLS = {
    "error": PatternFill("solid", fgColor="FFC7CE"),
    "warning": PatternFill("solid", fgColor="FFEB9C"),
    "info": PatternFill("solid", fgColor="DDEBF7"),
}
HEADERS = {
    "id": ("No", "Sheet", "Sel", "Kode", "Tingkat", "Pesan", "Seharusnya", "Tertulis"),
    "en": ("No", "Sheet", "Cell", "Code", "Severity", "Message", "Expected", "Found"),
}
SHEET_NAME = "Temuan"


MAX_CELL_TEXT = 32_767  # Excel's limit for one cell; longer text makes the file "need repair"


def _cell_value(value):
    if isinstance(value, (list, dict)):
        value = str(value)
    if isinstance(value, str) and len(value) > MAX_CELL_TEXT:
        value = value[: MAX_CELL_TEXT - 1] + "…"
    return value


def _anchor(ws, cell: str):
    """The cell to mark: inside a merged range only its top-left cell can hold a fill or comment."""
    target = ws[cell]
    if type(target).__name__ == "MergedCell":
        for rng in ws.merged_cells.ranges:
            if cell in rng:
                return ws.cell(row=rng.min_row, column=rng.min_col)
    return target


def _as_text_cells(row) -> None:
    """Text copied from user cells stays text: openpyxl would take "=..." for a formula."""
    for cell in row:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"


def write_annotated(src: Path, out: Path, findings, lang: str = "id") -> None:
    wb = openpyxl.load_workbook(src)
    by_cell: dict[tuple[str, str], list] = {}
    for f in findings:
        by_cell.setdefault((f.sheet, f.cell), []).append(f)
    marks: dict[tuple[str, str], tuple] = {}  # findings inside one merged range share its anchor
    for (sheet, cell), items in by_cell.items():
        if sheet not in wb.sheetnames:
            continue
        target = _anchor(wb[sheet], cell)
        marks.setdefault((sheet, target.coordinate), (target, []))[1].extend(items)
    for target, items in marks.values():
        worst = min(items, key=lambda f: ("error", "warning", "info").index(f.severity))
        target.fill = FILLS[worst.severity]
        text = "\n".join(f"[{f.code}] {f.message(lang)}" for f in items)
        target.comment = Comment(text[:30000], "lkjip-xl", width=320, height=120)
    if SHEET_NAME in wb.sheetnames:
        del wb[SHEET_NAME]
    ws = wb.create_sheet(SHEET_NAME, 0)
    ws.append(HEADERS[lang])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for i, f in enumerate(findings, start=1):
        d = f.to_dict(lang)
        ws.append([i, f.sheet, f.cell, f.code, SEVERITY_WORDS[lang][f.severity], _cell_value(d["message"]),
                   _cell_value(d["expected"]), _cell_value(d["found"])])
        _as_text_cells(ws[i + 1])
        link = ws.cell(row=i + 1, column=3)
        if f.sheet in wb.sheetnames:
            link.hyperlink = f"#{quote_sheet(f.sheet)}!{f.cell}"
            link.font = Font(color="0563C1", underline="single")
        ws.cell(row=i + 1, column=5).fill = FILLS[f.severity]
    for col, width in zip("ABCDEFGH", (5, 14, 8, 9, 11, 90, 18, 18)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    for cell in ws["F"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    wb.active = 0
    for sheet in wb.worksheets:
        sheet.sheet_view.tabSelected = sheet.title == SHEET_NAME
    with atomic_output(out) as tmp:
        wb.save(tmp)
