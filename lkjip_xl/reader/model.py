"""The typed model of a read workbook. Tables are stored by column (fast and small for 100.000
rows); every value can name its sheet and A1 cell."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ..schema.refs import a1
from ..schema.types import Form, Table
from .xmlscan import SheetScan


@dataclass
class TableData:
    table: Table
    header_row: int
    cols: dict[str, int]  # key -> 0-based sheet column where it was found
    rows: list[int] = field(default_factory=list)  # sheet row numbers of data rows
    values: dict[str, list[Any]] = field(default_factory=dict)  # key -> typed values by row
    formulas: dict[str, list[str | None]] = field(default_factory=dict)  # computed keys: formula text or None
    has_formula: dict[str, list[bool]] = field(default_factory=dict)  # every key: was there a formula

    @property
    def sheet(self) -> str:
        return self.table.sheet

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

    @property
    def sheet(self) -> str:
        return self.form.sheet

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
    print_areas: dict[str, str] = field(default_factory=dict)  # sheet -> its print area as written

    def table(self, key: str) -> TableData | None:
        return self.tables.get(key)

    def form(self, key: str) -> FormData | None:
        return self.forms.get(key)

    def formula_at(self, sheet: str, row: int, col: int) -> str | None:
        scan = self.scans.get(sheet)
        return scan.formulas.get((row, col)) if scan else None
