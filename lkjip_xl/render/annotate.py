"""An annotated copy of the workbook: each finding's cell filled (red error, yellow warning,
blue info) with a comment holding the message, and a first sheet `Temuan` listing every finding
with a hyperlink to its cell (numbers in the language's form, long messages wrapped in rows tall
enough to show them). The original's formulas and data validations are kept; the input file is
never modified (the copy is written to a temporary file and renamed); the formulas' stored results
are the original's (``kept_results``)."""
from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill

from ..errors import UnreadableWorkbook
from ..glossary import severity_word, term
from ..i18n import LANGS, Text
from ..io.atomic import atomic_output
from ..reader.strict import transitional
from ..schema.refs import quote_sheet
from .kept_results import keep_results

FILLS = {
    "error": PatternFill("solid", fgColor="FFC7CE"),
    "warning": PatternFill("solid", fgColor="FFEB9C"),
    "info": PatternFill("solid", fgColor="DDEBF7"),
}
COLUMNS = (("No", 5), ("sheet", 14), ("cell", 8), ("code", 9), ("severity", 12), ("message", 80),
           ("expected", 20), ("found", 20))  # (glossary term or literal header, width in characters)
WRAPPED = (2, 6, 7, 8)  # sheet, message, expected, found: long text wraps inside the column
LINE_POINTS = 15  # height of one line of 11-point Calibri
SHEET_NAME = "Temuan"


MAX_CELL_TEXT = 32_767  # Excel's limit for one cell; longer text makes the file "need repair"


def _cell_value(value):
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


def _opened(src: Path):
    """The workbook as openpyxl opens it. openpyxl is stricter than Excel, LibreOffice and the reader
    (a table's filter LibreOffice writes with operator "**none**" stops it): a file it cannot open is
    one line, as an unreadable file is, never a traceback."""
    try:
        return openpyxl.load_workbook(transitional(src))  # openpyxl reads no Strict OOXML: give it a copy
    except Exception as exc:  # noqa: BLE001 - whatever openpyxl raises on a file it rejects
        cause = exc.__cause__ or exc  # openpyxl wraps the reason in "Unable to read workbook ..."
        words = (str(cause).splitlines() or [""])[0][:120]  # openpyxl speaks English only
        detail = Text(type(cause).__name__, f"{type(cause).__name__}: {words}" if words else type(cause).__name__)
        raise UnreadableWorkbook("annotate_unreadable", path=str(src), detail=detail) from exc


def write_annotated(src: Path, out: Path, findings, lang: str = "id") -> None:
    wb = _opened(src)
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
    name = _findings_sheet_name(wb)
    _findings_sheet(wb, findings, lang, name)
    wb.active = 0
    for sheet in wb.worksheets:
        sheet.sheet_view.tabSelected = sheet.title == name
    with atomic_output(out) as tmp:
        wb.save(tmp)
        keep_results(src, tmp)  # openpyxl drops them: the copy, checked, would say it was never calculated


def _findings_sheet_name(wb) -> str:
    """``Temuan``; an earlier annotated copy's list (its first row is this sheet's header, in
    either language) is replaced; an office's own sheet of that name is kept, and the list is then
    ``Temuan (lkjip-xl)``."""
    ours = {tuple(head if head == "No" else term(head, lang).capitalize() for head, _ in COLUMNS) for lang in LANGS}
    for title in list(wb.sheetnames):
        if title.lower() in (SHEET_NAME.lower(), f"{SHEET_NAME} (lkjip-xl)".lower()):
            first = next(wb[title].iter_rows(min_row=1, max_row=1, values_only=True), ())
            if tuple(first[:len(COLUMNS)]) in ours:
                del wb[title]
    taken = {t.lower() for t in wb.sheetnames}
    return SHEET_NAME if SHEET_NAME.lower() not in taken else f"{SHEET_NAME} (lkjip-xl)"


def _findings_sheet(wb, findings, lang: str, name: str = SHEET_NAME) -> None:
    """The first sheet: one row per finding, the cell linked, the severity coloured."""
    ws = wb.create_sheet(name, 0)
    ws.append([head if head == "No" else term(head, lang).capitalize() for head, _ in COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for i, f in enumerate(findings, start=1):
        values = [i, f.sheet, f.cell, f.code, severity_word(f.severity, lang), f.message(lang),
                  *_shown(f, lang)]
        ws.append([_cell_value(v) for v in values])
        row = ws[i + 1]
        _as_text_cells(row)
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=cell.column in WRAPPED)
        ws.row_dimensions[i + 1].height = _row_height(values)
        link = ws.cell(row=i + 1, column=3)
        if f.sheet in wb.sheetnames:
            link.hyperlink = f"#{quote_sheet(f.sheet)}!{f.cell}"
            link.font = Font(color="0563C1", underline="single")
        ws.cell(row=i + 1, column=5).fill = FILLS[f.severity]
    for n, (_, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[chr(ord("A") + n - 1)].width = width
    ws.freeze_panes = "A2"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def _shown(f, lang: str) -> tuple:
    """Expected and found as the message shows them (numbers in the language's form); blank stays blank."""
    shown = f.shown(lang)
    return tuple(None if value is None else text for value, text in zip((f.expected, f.found), shown))


def _lines(text: str, width: int) -> int:
    """Lines ``text`` takes when wrapped in a column ``width`` characters wide (word wrap, with a
    margin for wide letters)."""
    usable = max(1, int(width * 0.9) - 1)
    lines = 0
    for para in str(text).split("\n"):
        line, count = 0, 1
        for word in para.split(" "):
            size = len(word)
            if line and line + 1 + size > usable:
                count, line = count + 1, 0
            while size > usable:  # a word longer than the column is broken
                count, size = count + 1, size - usable
            line = size if not line else line + 1 + size
        lines += count
    return lines


def _row_height(values: list) -> float:
    """Spreadsheets do not grow a row to fit wrapped text written by a program: set it."""
    lines = max(_lines(values[c - 1], COLUMNS[c - 1][1]) for c in WRAPPED if values[c - 1] is not None)
    return min(409, LINE_POINTS * max(1, lines) + 2)
