"""The typed model of a read workbook. Tables are stored by column (fast and small for 100.000
rows); every value can name its sheet and A1 cell.

Besides its value, the model keeps what the checks need to know about a cell:
- ``has_formula``: the cell holds a formula or lies in an array formula's range (a dynamic
  array's spilled results are computed, not typed).
- ``read_as``: how a value was read when not as the plain number or text the cell holds
  (``values.NIL``: `-` read as 0, ``values.typed_nil`` giving what was typed; ``values.TEXT``: a number stored as text, read as that number;
  ``values.PERCENT``: a percent-formatted cell of a points column, 1 read as 100; ``ERROR``: a
  formula error value, kept as a ``CellError``). Sparse: only such cells are listed.
- ``number_format()``: the cell's number format code when it is a percent format.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ..schema.refs import a1, parse_a1
from ..schema.types import Form, Table
from .styles import Styles
from .xmlscan import SheetScan

ERROR = "error"  # read_as of a cell holding a formula error value


class CellError(str):
    """A formula error value read from a cell ("#VALUE!", "#REF!", ...). It stays in the model as
    what it is, never as a blank or a 0, so that a check can leave out a comparison that depends
    on it (the reader reports it once, VAL010, at its cell). As text it reads as no number."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"CellError({str(self)!r})"


class Flags(bytearray):
    """Per row, whether a column's cell holds a formula: one byte a row (a list of bools takes
    eight: 20 MB for the SKM sheet of 100.000 respondents), read as True or False."""

    __slots__ = ()

    def __getitem__(self, i):
        flag = bytearray.__getitem__(self, i)
        return flag != 0 if type(flag) is int else list(map(bool, flag))

    def __iter__(self) -> Iterator[bool]:
        return map(bool, bytearray.__iter__(self))

    def __repr__(self) -> str:
        return f"Flags({list(self)!r})"


@dataclass
class TableData:
    table: Table
    header_row: int
    cols: dict[str, int]  # key -> 0-based sheet column where it was found
    rows: list[int] = field(default_factory=list)  # sheet row numbers of data rows
    values: dict[str, list[Any]] = field(default_factory=dict)  # key -> typed values by row
    has_formula: dict[str, Flags] = field(default_factory=dict)  # every key: was there a formula, by row
    read_as: dict[str, dict[int, str]] = field(default_factory=dict)  # key -> {row index: how}, sparse
    scan: SheetScan | None = None  # what the sheet's XML says (formulas, formats)
    notes: list[int] = field(default_factory=list)  # sheet rows of notes typed under it: printed with it, no rows of it

    @property
    def sheet(self) -> str:
        return self.table.sheet

    def how(self, key: str, i: int) -> str | None:
        """How the value was read (values.NIL, values.TEXT, values.PERCENT, ERROR) or None."""
        return self.read_as.get(key, {}).get(i)

    def number_format(self, key: str, i: int) -> str | None:
        """The cell's number format code when it is a percent format ("0.00%"), else None."""
        col = self.cols.get(key)
        if self.scan is None or col is None:
            return None
        return self.scan.number_format(self.rows[i], col)

    def __len__(self) -> int:
        return len(self.rows)

    def cell(self, key: str, i: int) -> str:
        col = self.cols.get(key, self.table.col_index(key))
        return a1(self.rows[i], col)

    def get(self, key: str, i: int) -> Any:
        col = self.values.get(key)
        return None if col is None else col[i]

    def row(self, i: int) -> dict[str, Any]:
        return {k: v[i] for k, v in self.values.items()}

    def iter_rows(self) -> Iterator[tuple[int, dict[str, Any]]]:
        for i in range(len(self.rows)):
            yield i, self.row(i)


@dataclass
class FormData:
    form: Form
    values: dict[str, Any] = field(default_factory=dict)
    cells: dict[str, str] = field(default_factory=dict)  # key -> A1
    has_formula: dict[str, bool] = field(default_factory=dict)
    read_as: dict[str, str] = field(default_factory=dict)  # key -> how (see TableData.how), sparse
    scan: SheetScan | None = None

    @property
    def sheet(self) -> str:
        return self.form.sheet

    def number_format(self, key: str) -> str | None:
        """The field's number format code when it is a percent format, else None."""
        if self.scan is None or key not in self.cells:
            return None
        return self.scan.number_format(*parse_a1(self.cells[key]))

    def get(self, key: str, default: Any = None) -> Any:
        v = self.values.get(key)
        return default if v is None else v


@dataclass
class WorkbookModel:
    path: Path
    version: str | None
    sheets: list[str]
    forms: dict[str, FormData] = field(default_factory=dict)
    tables: dict[str, TableData] = field(default_factory=dict)
    scans: dict[str, SheetScan] = field(default_factory=dict)
    styles: Styles = field(default_factory=Styles)  # number format of every cell style
    print_areas: dict[str, str] = field(default_factory=dict)  # sheet -> its print area as written
    renamed: dict[str, str] = field(default_factory=dict)  # template sheet -> its name in the workbook
    external_files: dict[int, str] = field(default_factory=dict)  # N of [N]Sheet!A1 in a formula -> the file it reads

    def table(self, key: str) -> TableData | None:
        return self.tables.get(key)

    def form(self, key: str) -> FormData | None:
        return self.forms.get(key)

    def nil_cells(self) -> dict[tuple[str, str], str]:
        """(sheet, A1) of every cell read as nil (`-` as 0) -> what it holds (``-``, ``nihil``, ``Rp -``)."""
        from .values import typed_nil

        out = {(t.sheet, t.cell(key, i)): typed_nil(h) for t in self.tables.values() for key, rows in t.read_as.items()
               for i, h in rows.items() if typed_nil(h)}
        return out | {(f.sheet, f.cells[key]): typed_nil(h) for f in self.forms.values() for key, h in f.read_as.items()
                      if typed_nil(h) and key in f.cells}

    def formula_at(self, sheet: str, row: int, col: int) -> str | None:
        scan = self.scans.get(sheet)
        return scan.formulas.get((row, col)) if scan else None
