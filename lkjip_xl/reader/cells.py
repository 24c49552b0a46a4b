"""What reading a cell of a table or a form shares: a grid cell by position, a header's
comparable text, a value problem placed at its cell, the choices of a list, and a cell whose value
cannot be used (an error value, a date-formatted number that is no date)."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ..findings import Finding
from ..schema.lists import LENIENT_LISTS, values as list_values
from .model import ERROR, CellError
from .values import error_value_why
from .xmlscan import SheetScan


def normalise_header(text: Any) -> str:
    text = str(text or "").replace("*", " ").lower()
    return re.sub(r"[^0-9a-z%]+", " ", text).strip()


def at(grid: list[list[Any]], row: int, col: int) -> Any:
    """1-based row, 0-based column; '' outside the grid."""
    if row - 1 < len(grid):
        line = grid[row - 1]
        if col < len(line):
            return line[col]
    return ""


def placed(issue: Finding, sheet: str, cell: str, cell_def, choices: str | None) -> Finding:
    """A value problem met while converting a cell (of the column or field ``cell_def``), placed
    there; a value outside a lenient list (one staff may extend) is only a warning. A number of a
    column shown without grouping (a year, format "0") is said so too: 2024, not 2.024."""
    lenient = issue.code == "VAL007" and choices in LENIENT_LISTS
    name = cell_def.header if hasattr(cell_def, "header") else cell_def.label
    extra = {"ungrouped": True} if cell_def.num_format == "0" else {}
    return issue.at(sheet, cell, severity="warning" if lenient else None, name=name, **extra)


def allowed(choices: str | None) -> tuple[str, ...] | None:
    return list_values(choices) if choices else None


def unusable_value(scan: SheetScan, cell: tuple[int, int], sheet: str, ref: str) -> tuple[Finding, Any, str | None] | None:
    """(finding, value, how it was read) of a cell whose value cannot be used: a formula error
    value (VAL010; it stays in the model as the error it is), a date-formatted number that is no
    date (VAL016; no value)."""
    if cell in scan.errors:
        return (Finding("VAL010", sheet, ref, found=scan.errors[cell], params={"why": error_value_why(scan.errors[cell])}),
                CellError(scan.errors[cell]), ERROR)
    if cell in scan.bad_dates:
        return Finding("VAL016", sheet, ref, found=Decimal(scan.bad_dates[cell])), None, None
    return None
