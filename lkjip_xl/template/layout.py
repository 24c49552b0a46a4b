"""How a sheet prints and how tall its rows are: A4, fit to the page width, the header row repeated
on every page, the print area over the filled rows (an empty table prints its header, not pages of
blank prepared rows), and row heights that show every line of wrapped text.

Neither Excel nor LibreOffice grows a row for wrapped text written by another program (LibreOffice
does not recompute heights when it opens a file), so the writer sets the height of every row whose
text needs more than one line. The estimate is generous: the widest common fallback font
(DejaVu Sans, which LibreOffice uses where Calibri is not installed) and whole words per line.
"""
from __future__ import annotations

from ..schema.refs import col_letter, quote_sheet
from ..schema.types import Sheet

A4 = 9
LINE_PT = 15.0  # one line of 11 pt text
PAD_PT = 3.0
CHARS_PER_WIDTH = 0.9  # characters of ordinary text per unit of column width (DejaVu Sans, 11 pt)
BOLD_CHARS_PER_WIDTH = 0.8


def wrapped_lines(text: str, width: float, *, bold: bool = False) -> int:
    """Lines a text takes in a column ``width`` wide (Excel width units) when wrapped at words."""
    per_line = max(1, int(width * (BOLD_CHARS_PER_WIDTH if bold else CHARS_PER_WIDTH)))
    lines = 0
    for paragraph in str(text).split("\n"):
        used, count = 0, 1
        for word in paragraph.split():
            need = len(word) if used == 0 else used + 1 + len(word)
            if need <= per_line:
                used = need
                continue
            count += (len(word) - 1) // per_line + (1 if used else 0)  # a word longer than a line breaks
            used = len(word) % per_line or per_line
        lines += count
    return max(1, lines)


def row_height(cells: list[tuple[str, float, bool]]) -> float | None:
    """Height (points) for a row holding wrapped ``(text, width, bold)`` cells; None when one line
    is enough (the row keeps its default height and the program may still grow it)."""
    lines = max((wrapped_lines(t, w, bold=b) for t, w, b in cells if t), default=1)
    return None if lines <= 1 else lines * LINE_PT + PAD_PT


class RowHeights:
    """The tallest need of each row, collected while a sheet is written, set once at the end."""

    def __init__(self) -> None:
        self.need: dict[int, float] = {}

    def add(self, row0: int, text, width: float, *, bold: bool = False) -> None:
        if not isinstance(text, str):
            return
        height = row_height([(text, width, bold)])
        if height and height > self.need.get(row0, 0):
            self.need[row0] = height

    def apply(self, ws) -> None:
        for row0, height in sorted(self.need.items()):
            ws.set_row(row0, height)


def printed_columns(sheet: Sheet) -> int:
    """How many columns from A the sheet prints: its tables' columns up to the last printed one,
    and its forms (label, value and, on a form-only sheet, the help column)."""
    last = 0
    for table in sheet.tables:
        printed = [j for j, c in enumerate(table.columns) if c.printed]
        if printed:
            last = max(last, table.first_col + printed[-1] + 1)
    for form in sheet.forms:
        last = max(last, form.value_col + form.value_span + (0 if sheet.tables else 1))
    return last


def print_rows(sheet: Sheet, filled: dict[str, int]) -> int | None:
    """The last row (1-based) the sheet prints: the last filled row of its tables (``filled``:
    table key -> rows holding data) or the end of its forms; None for a sheet without tables (it
    prints what it holds)."""
    if not sheet.tables:
        return None
    return max([t.header_row + filled.get(t.key, 0) for t in sheet.tables] + [f.last_row for f in sheet.forms])


def print_area_ref(sheet: Sheet, last_row: int, name: str | None = None) -> str:
    """The print area as a defined name holds it: 'Sheet'!$A$1:$P$20 (``name``: the sheet's name
    in the workbook, when the office renamed it)."""
    return f"{quote_sheet(name or sheet.name)}!$A$1:${col_letter(printed_columns(sheet) - 1)}${last_row}"


def setup_print(ws, sheet: Sheet, title: str, last_row: int | None) -> None:
    ws.set_paper(A4)
    if sheet.landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    if sheet.tables:  # the first table's header repeats on every page
        ws.repeat_rows(sheet.tables[0].header_row - 1)
    if last_row is not None:
        ws.print_area(0, 0, last_row - 1, printed_columns(sheet) - 1)
    ws.set_footer(f"&L{title}&C&A&R&P / &N")
