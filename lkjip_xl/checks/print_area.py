"""PRN001: a sheet's print area ends above rows its table fills (typed below the rows the print
area covered), or above a note typed under it, so the printed sheet, the one signed, would leave
them out. PRN002 (a note): the
area is still the one the blank template set (its title and header: no pages of empty prepared
rows), which every filled template has until `rapikan` extends it; not a slip of the office's.
A sheet without a print area prints what it holds and is not reported."""
from __future__ import annotations

import re
from typing import Iterable

from ..findings import Finding
from ..i18n import Text
from ..schema import SCHEMA
from ..schema.refs import a1
from ..template.layout import print_rows


def area_last_row(ref: str | None) -> int | None:
    """The last row of a print area as written ('Realisasi'!$A$1:$N$60 -> 60); None if unreadable."""
    m = re.search(r"\$?[A-Z]{1,3}\$?([0-9]+)\s*$", ref or "")
    return int(m.group(1)) if m else None


def unprinted(model, sheet) -> tuple[int, int, int] | None:
    """(first filled row left out, last filled row, the area's last row) of a schema sheet, or
    None when its print area (if any) covers every filled row."""
    end = area_last_row(model.print_areas.get(sheet.name))
    tables = [model.table(t.key) for t in sheet.tables if model.table(t.key) is not None]
    rows = sorted(r for data in tables for r in (*data.rows, *data.notes))  # a note under a table is printed too
    if end is None or not rows or rows[-1] <= end:
        return None
    return next(r for r in rows if r > end), rows[-1], end


def code_of(sheet, end: int) -> str:
    """PRN002 when the area ends where the blank template's does (no row of its tables), else PRN001."""
    return "PRN002" if end == print_rows(sheet, {}) else "PRN001"


def check(ctx) -> Iterable[Finding]:
    for sheet in SCHEMA.sheets:
        missed = unprinted(ctx.model, sheet) if sheet.tables else None
        if missed is not None:
            first, last, end = missed
            yield Finding(code_of(sheet, end), sheet.name, a1(first, sheet.tables[0].first_col), expected=last, found=end,
                          params={"rows": Text(f"baris {first}", f"row {first}") if first == last else
                                  Text(f"baris {first}–{last}", f"rows {first}–{last}"), "end": end})
