"""A sheet's values through python-calamine, without letting it crash the command.

python-calamine converts a date-formatted number into a Python date; a number no date can be
(-1e12 typed into a date field) makes its Rust code panic (pyo3's PanicException, a
BaseException, not an Exception) or overflow. Such cells are found in the sheet's XML before
python-calamine reads it; the sheet is then read from an in-memory copy of the file in which they
are plain numbers (the input file is never touched), and the reader reports them at their cells.
Anything else python-calamine cannot read is one clear error (exit 2).
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from ..errors import UnreadableWorkbook, calamine_failure, damaged, rows_over
from ..schema.refs import a1
from . import limits
from .xmlscan import Cell


@dataclass
class Grid:
    values: list[list[Any]]  # the sheet's values from A1
    merged: list = field(default_factory=list)  # ((row0, col0), (row1, col1)), 0-based


class BuiltSheet:
    """A sheet python-calamine has read (its cells held by the library, compactly); ``grid()``
    turns them into Python values, when the caller is ready for them (after the sheet's XML is let
    go of: both at once would be the largest moment of a large sheet's reading)."""

    def __init__(self, sheet, path: Path, name: str) -> None:
        self.sheet, self.path, self.name = sheet, path, name

    def grid(self) -> Grid:
        sheet, self.sheet = self.sheet, None
        try:
            merged = getattr(sheet, "merged_cell_ranges", None) or []
            return Grid(sheet.to_python(skip_empty_area=False), list(merged))
        except BaseException as exc:
            if not calamine_failure(exc):
                raise
            raise UnreadableWorkbook("unreadable", path=str(self.path), detail=damaged(exc, self.name)) from None


def read_grid(book: CalamineWorkbook, path: Path, name: str, member: str, bad: dict[Cell, str],
              xml: bytes | None = None) -> BuiltSheet:
    """Sheet ``name`` (its part ``member``) read by python-calamine; ``bad``: its date-formatted
    numbers that are no date (``xmlscan.bad_dates``), when there are some with the sheet's ``xml``."""
    try:
        if bad:
            book = _without_dates(path, member, xml, bad)
        del xml  # the caller has let go of it too: not held while the grid is built
        sheet = book.get_sheet_by_name(name)
        height = sheet.total_height if hasattr(sheet, "total_height") else sheet.height
        if height > limits.MAX_ROWS:
            raise UnreadableWorkbook("too_large", path=str(path), detail=rows_over(name, height, limits.MAX_ROWS))
        return BuiltSheet(sheet, path, name)
    except UnreadableWorkbook:
        raise
    except BaseException as exc:
        if not calamine_failure(exc):
            raise
        raise UnreadableWorkbook("unreadable", path=str(path), detail=damaged(exc, name)) from None


_STYLE = re.compile(rb'\s+s="[0-9]+"')


def _without_dates(path: Path, member: str, xml: bytes, bad: dict[Cell, str]) -> CalamineWorkbook:
    """python-calamine on an in-memory copy of the workbook in which the ``bad`` cells of one
    sheet lose their style (General: read as the numbers they are). Cells are found by their
    r= reference (a cell written without one keeps its style, and the sheet stays unreadable)."""
    for row, col in bad:
        tag = re.compile(rb'<(?:\w+:)?c\b[^>]*\br="' + a1(row, col).encode() + rb'"[^>]*>')
        m = tag.search(xml)
        if m:
            xml = xml[:m.start()] + _STYLE.sub(b"", m.group(0), count=1) + xml[m.end():]
    copy = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(copy, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, xml if info.filename == member else src.read(info))
    copy.seek(0)
    return CalamineWorkbook.from_filelike(copy)
