"""The annex tables as plain data: what each cell holds, how it spans, where it came from.

Builders (``tables.py`` and its parts) produce :class:`AnnexTable` objects from a checked
workbook; the xlsx and docx writers only render them. Nothing here knows about xlsxwriter or
python-docx, so the tables can be inspected and tested as data.

Values are exact: money is ``int`` or ``Decimal`` rupiah, percentages are ``Decimal`` points
(97.18, not 0.9718) already rounded to two decimals with the workbook's rounding rule, so what a
writer shows is exactly what lkjip-xl computed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Iterable

# Cell kinds and their display formats (Excel number formats; the docx writer formats the same).
TEXT, CODE, MONEY, PERCENT, NUMBER, INT = "text", "code", "money", "percent", "number", "int"
MONEY_FORMAT = "#,##0"
MONEY_SEN_FORMAT = "#,##0.00"
SIGNED_MONEY_FORMAT = "#,##0;(#,##0)"  # Lebih/(Kurang): a negative difference in brackets
SIGNED_MONEY_SEN_FORMAT = "#,##0.00;(#,##0.00)"
PERCENT_FORMAT = "0.00"  # percent points with two decimals (97,18)
INT_FORMAT = "#,##0"
# fill of a cell a finding points at: the same colours as `check --annotate`
MARK_COLOURS = {"error": "FFC7CE", "warning": "FFEB9C"}


@dataclass
class Cell:
    """One body cell. ``src`` is (book, sheet, A1) of the workbook cell it shows, so findings can
    be marked on it; ``book`` is "cur" (this year's workbook) or "prev" (--tahun-lalu)."""

    value: Any = None
    kind: str | None = None  # None: the column's kind
    places: int | None = None  # NUMBER cells: decimals shown
    src: tuple[str, str, str] | None = None
    rowspan: int = 1
    colspan: int = 1
    bold: bool = False
    italic: bool = False
    align: str | None = None  # left/center/right; None: by kind
    mark: str | None = None  # "error"/"warning" when a finding concerns the source cell


@dataclass
class Row:
    cells: list[Cell | None]  # None: covered by a span from above or from the left
    level: int = 0  # indentation of the table's label column (program 0, kegiatan 1, sub 2)
    bold: bool = False
    total: bool = False  # a computed total row (TOTAL, Jumlah): bold with a top rule
    # input rows shown on this line: ((book, sheet, 1-based row), column to mark for a finding on
    # that row which hits no shown cell, column letters such findings must be in (None: any))
    src_rows: list[tuple[tuple[str, str, int], int, frozenset | None]] = field(default_factory=list)
    note: bool = False  # a full-width note row ("no data")


@dataclass
class Column:
    key: str
    kind: str
    width: float  # Excel character widths; the docx writer scales them
    signed: bool = False  # money shown as 1.234 / (1.234)


@dataclass
class Head:
    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass
class ChartSpec:
    """A native chart over one table's columns: bars of ``value_col`` per ``category_col``;
    ``line_col`` (optional) is drawn as a line (the 100 % reference). ``horizontal``: bars across
    (long category names read better); ``y_max``: the value axis' end (the scale's maximum), else
    the data's. In a docx the chart is drawn as a table of shaded bars."""

    title: str
    category_col: int
    value_col: int
    line_col: int | None = None
    y_title: str = "%"
    horizontal: bool = False
    y_max: Decimal | None = None


@dataclass
class Signer:
    """One signature: the heading above it (a position, or "Pihak Pertama,"), the space to sign,
    the name (bold, underlined), the rank and the NIP below it."""

    heading: str
    name: str | None = None
    rank: str | None = None
    nip: str | None = None


@dataclass
class Signature:
    """The signature block under a table: signers left to right; ``place_date`` ("Dumai, 15
    Januari 2024") above the rightmost one."""

    signers: list[Signer]
    place_date: str | None = None


@dataclass
class TextPage:
    """A page of text in a document the tool writes (the PK's agreement): centred bold heading
    lines, paragraphs (a paragraph starting with a tab is a "Nama : ..." line, kept short), and a
    signature block."""

    key: str
    sheet: str
    heading: list[str]
    paragraphs: list[str]
    signature: Signature | None = None
    landscape: bool = False
    in_docx: bool = True
    title: str = ""
    new_page: bool = True


SIGN_ROOM = 3  # empty lines left to sign in


def sign_lines(sig: Signature) -> tuple[list[list[str]], list[list[str]]]:
    """Per signer, the lines above the room to sign (place and date over the rightmost, the
    heading) padded to the same count, and the lines from the room down (name, rank, NIP), so
    that the names of two signers stand on one line."""
    tops = []
    for k, signer in enumerate(sig.signers):
        top = [sig.place_date if k == len(sig.signers) - 1 else ""] if sig.place_date else []
        tops.append(top + signer.heading.split("\n"))
    height = max(len(t) for t in tops)
    tops = [[""] * (height - len(t)) + t for t in tops]
    bottoms = [[""] * SIGN_ROOM + [s.name or ""] + [x for x in (s.rank, s.nip) if x] for s in sig.signers]
    return tops, bottoms


@dataclass
class AnnexTable:
    key: str
    sheet: str
    title: str
    columns: list[Column]
    header: list[list[Head | None]]  # grid, one list per header row, None where covered
    rows: list[Row] = field(default_factory=list)
    numbering: list[str] | None = None  # the (1) (2) (3) row; None: no numbering row
    footnotes: list[str] = field(default_factory=list)
    subtitle: str | None = None
    label_col: int | None = None  # column indented by Row.level
    label_cols: tuple[int, ...] = ()  # more indented columns (two-year budget table)
    chart: ChartSpec | None = None
    in_docx: bool = True
    landscape: bool = True
    dash: bool = False  # a missing number is printed "-" (the report convention)
    zero_dash: bool = True  # with ``dash``: a zero too (Identitas: tampilan nol)
    signature: Signature | None = None  # printed under the footnotes
    notes: list[str] = field(default_factory=list)  # about the tool, not the report: the note sheet
    new_page: bool = True  # in a docx: starts a new page (else follows the previous table)

    @property
    def ncols(self) -> int:
        return len(self.columns)

    @property
    def header_height(self) -> int:
        return len(self.header) + (1 if self.numbering else 0)

    def cell_kind(self, row: Row, j: int) -> str:
        cell = row.cells[j]
        return (cell.kind if cell is not None and cell.kind else None) or self.columns[j].kind

    @property
    def empty(self) -> bool:
        """The builder found no data (its first row is the note saying so): printing it would
        give a blank skeleton."""
        return not self.rows or self.rows[0].note

    def indented(self) -> tuple[int, ...]:
        return ((self.label_col,) if self.label_col is not None else ()) + tuple(self.label_cols)


# --------------------------------------------------------------------------- construction helpers

def header_grid(rows: list[list[Head]], ncols: int) -> list[list[Head | None]]:
    """Lay out header rows given as sequences of Head (left to right, skipping cells covered by
    a rowspan from above) on a grid of ``ncols`` columns."""
    grid: list[list[Head | None]] = [[None] * ncols for _ in rows]
    covered = [[False] * ncols for _ in rows]
    for r, heads in enumerate(rows):
        c = 0
        for head in heads:
            while c < ncols and covered[r][c]:
                c += 1
            if c >= ncols:
                raise ValueError(f"header row {r} is wider than {ncols} columns")
            grid[r][c] = head
            for dr in range(head.rowspan):
                for dc in range(head.colspan):
                    covered[r + dr][c + dc] = True
            c += head.colspan
        if not all(covered[r]):
            raise ValueError(f"header row {r} does not cover all {ncols} columns")
    return grid


def simple_header(*texts: str) -> list[list[Head | None]]:
    return [[Head(t) for t in texts]]


def numbering(n: int) -> list[str]:
    return [f"({i})" for i in range(1, n + 1)]


COVERED = object()  # placeholder in row_of(): the cell is covered by a span


def row_of(values: Iterable[Any], **kw) -> Row:
    """A row from plain values, Cells and COVERED placeholders."""
    return Row([None if v is COVERED else v if isinstance(v, Cell) else Cell(v) for v in values], **kw)


def note_row(text: str, ncols: int) -> Row:
    return Row([Cell(text, kind=TEXT, colspan=ncols, italic=True)] + [None] * (ncols - 1), note=True)


def money_places(values: Iterable[Any]) -> int:
    """0 when every amount is whole rupiah, 2 when any has sen."""
    for v in values:
        if isinstance(v, Decimal) and v != v.to_integral_value():
            return 2
        if isinstance(v, float) and v != int(v):
            return 2
    return 0


def column_format(table: AnnexTable, j: int) -> str | None:
    """Excel number format of column ``j`` (None for text columns)."""
    col = table.columns[j]
    if col.kind == MONEY:
        values = [r.cells[j].value for r in table.rows if r.cells[j] is not None and not r.note]
        sen = money_places(values) == 2
        if col.signed:
            return SIGNED_MONEY_SEN_FORMAT if sen else SIGNED_MONEY_FORMAT
        return MONEY_SEN_FORMAT if sen else MONEY_FORMAT
    if col.kind == PERCENT:
        return PERCENT_FORMAT
    if col.kind == INT:
        return INT_FORMAT
    return None


def number_format(places: int) -> str:
    return "#,##0" if places <= 0 else "#,##0." + "0" * places


NUMERIC_KINDS = frozenset({MONEY, PERCENT, NUMBER, INT})


def dashed(table: AnnexTable, row: Row, j: int) -> bool:
    """The cell prints "-": a missing or zero number in a table following the report convention."""
    cell = row.cells[j]
    if not table.dash or cell is None or isinstance(cell.value, str) or table.cell_kind(row, j) not in NUMERIC_KINDS:
        return False
    if cell.value is None:
        return not row.total  # a total left out (over blank rows) stays blank: "-" would read as zero
    return table.zero_dash and cell.value == 0


def cell_format(table: AnnexTable, row: Row, j: int, col_formats: list[str | None]) -> str | None:
    """The number format of one cell: its own kind when it differs from the column's (a table
    with ``dash`` shows zero as "-" unless the workbook prints zeros)."""
    fmt = _cell_format(table, row, j, col_formats)
    if table.dash and table.zero_dash and fmt and table.cell_kind(row, j) in NUMERIC_KINDS:
        sections = fmt.split(";")
        if len(sections) == 1:
            sections.append("-" + sections[0])
        return ";".join(sections[:2] + ['"-"'])
    return fmt


def _cell_format(table: AnnexTable, row: Row, j: int, col_formats: list[str | None]) -> str | None:
    cell = row.cells[j]
    kind = table.cell_kind(row, j)
    if kind == NUMBER:
        return number_format(cell.places if cell and cell.places is not None else 2)
    if cell is not None and cell.kind and cell.kind != table.columns[j].kind:
        if kind == MONEY:
            return MONEY_SEN_FORMAT if money_places([cell.value]) else MONEY_FORMAT
        if kind == PERCENT:
            return PERCENT_FORMAT
        if kind == INT:
            return INT_FORMAT
        return None
    return col_formats[j]


def display_text(table: AnnexTable, row: Row, j: int, col_formats: list[str | None], lang: str) -> str:
    """The cell as it reads in the xlsx, for the docx writer, its number in the table's language
    (``1.500.000`` and ``95,50`` in Indonesian, ``1,500,000`` and ``95.50`` in English)."""
    from ..calc.numbers_id import format_number

    cell = row.cells[j]
    if dashed(table, row, j):
        return "-"
    if cell is None or cell.value is None:
        return ""
    value = cell.value
    if isinstance(value, str):
        return value
    kind = table.cell_kind(row, j)
    fmt = _cell_format(table, row, j, col_formats) or ""
    if kind in (TEXT, CODE):
        return str(value)
    places = 0
    if "." in fmt.split(";")[0]:
        places = len(fmt.split(";")[0].split(".")[1])
    text = format_number(abs(value) if "(" in fmt else value, places, lang)
    if "(" in fmt and value < 0:
        text = f"({text})"
    return text
