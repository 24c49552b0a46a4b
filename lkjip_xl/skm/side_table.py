"""Small tables that come with a survey: a declared label set, a follow-up plan. Read from a .csv
or an .xlsx file (every sheet), or from the sheets of the survey export itself, as raw rows; the
modules that use them find their header.

Findings name the place the way a spreadsheet does: ``label.csv`` for a csv, ``[rtl.xlsx]Sheet1``
for a sheet of another workbook (Excel's own notation), the sheet name inside the export.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import UnreadableWorkbook
from ..schema.refs import a1
from .survey_file import decode_text, file_kind, inspect_xlsx, sniff_delimiter

__all__ = ["SideSheet", "read_side_file", "side_sheets", "header_key", "find_header"]

MAX_SIDE_ROWS = 2000  # a label set or a plan is a few dozen rows


@dataclass
class SideSheet:
    where: str  # the place findings name (file, [file]sheet, or sheet)
    name: str  # the sheet name (the file name for a csv)
    rows: list[list[Any]]  # raw values from row 1, column A

    def cell(self, r: int, c: int) -> str:
        """A1 of 0-based row and column."""
        return a1(r + 1, c)


def header_key(text: Any) -> str:
    """A header compared without case, punctuation and extra spaces ("Penanggung-jawab*" ->
    "penanggung jawab")."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", str(text or "").lower()).split())


def find_header(rows: list[list[Any]], wanted: dict[str, tuple[str, ...]], required: tuple[str, ...],
                search: int = 20) -> tuple[int, dict[str, int]] | None:
    """(row, key -> column) of the first row among the first ``search`` whose headers name every
    ``required`` key (``wanted``: key -> accepted header spellings, as :func:`header_key`)."""
    by_header = {alias: key for key, aliases in wanted.items() for alias in aliases}
    for r, line in enumerate(rows[:search]):
        cols: dict[str, int] = {}
        for c, raw in enumerate(line):
            key = by_header.get(header_key(raw))
            if key and key not in cols:
                cols[key] = c
        if all(k in cols for k in required):
            return r, cols
    return None


def _csv_rows(path: Path) -> list[list[Any]]:
    text = decode_text(path, path.read_bytes())
    delim = sniff_delimiter(text[:65536])
    try:
        rows = [r for r, _ in zip(csv.reader(io.StringIO(text, newline=""), delimiter=delim), range(MAX_SIDE_ROWS))]
    except csv.Error as exc:
        raise UnreadableWorkbook("unreadable", path=str(path), detail=f"CSV: {exc}"[:100]) from None
    return [[v if v != "" else None for v in r] for r in rows]


def side_sheets(path: Path, states: dict[str, str] | None = None, *, prefix: bool = True,
                only: set[str] | None = None) -> list[SideSheet]:
    """The sheets of an .xlsx (``only``: the sheets with these names), as raw rows. The file
    must have been vetted (``states`` from :func:`inspect_xlsx`) or is vetted here."""
    from python_calamine import CalamineWorkbook

    if states is None:
        states = inspect_xlsx(path)[1]
    try:
        book = CalamineWorkbook.from_path(str(path))
        out = []
        for name in book.sheet_names:
            if only is not None and name not in only:
                continue
            rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False, nrows=MAX_SIDE_ROWS)
            rows = [[None if v == "" else v for v in line] for line in rows]
            out.append(SideSheet(f"[{path.name}]{name}" if prefix else name, name, rows))
        return out
    except Exception as exc:  # calamine raises its own error types for damaged files
        raise UnreadableWorkbook("unreadable", path=str(path), detail=str(exc).splitlines()[0][:100]) from None


def read_side_file(path: Path) -> list[SideSheet]:
    """Every sheet of a small .csv or .xlsx file; raises UnreadableWorkbook (exit 2)."""
    path = Path(path)
    if file_kind(path) == "xlsx":
        return side_sheets(path)
    return [SideSheet(path.name, path.name, _csv_rows(path))]
