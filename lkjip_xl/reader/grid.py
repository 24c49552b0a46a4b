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
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import islice
from pathlib import Path

from python_calamine import CalamineWorkbook

from ..errors import UnreadableWorkbook, calamine_failure, damaged, rows_over
from ..schema.refs import a1
from . import limits
from .xmlscan import Cell


WHOLE_ROWS = 20_000  # a sheet of up to this many rows is read into Python values at once
BLOCK_ROWS = 10_000  # a longer one a block of rows at a time (its values never all held at once)
HEAD_ROWS = 200  # the rows of a long sheet kept at hand: titles, forms, headers


class SheetRows:
    """A sheet's rows from A1, as lists of Python values ('' for an empty cell). A short sheet is
    read whole (``rows[i]``, ``len(rows)``, slices); a long one keeps its first ``HEAD_ROWS`` at
    hand and gives the rest a block at a time (``blocks``): the values of 100.000 respondents
    are 110 MB as Python objects, more than python-calamine's own copy of them."""

    def __init__(self, sheet, path: Path, name: str) -> None:
        self.sheet, self.path, self.name = sheet, path, name
        start = sheet.start
        self.height = start[0] + sheet.height if start is not None and sheet.height else 0
        self.pad = [""] * start[1] if start is not None and start[1] else None  # columns before the first used one
        self.merged = list(getattr(sheet, "merged_cell_ranges", None) or [])
        self.whole = self.height <= WHOLE_ROWS
        self.head = list(self._lines(None if self.whole else HEAD_ROWS))

    def __len__(self) -> int:
        return self.height

    def __getitem__(self, i):
        if self.whole or (isinstance(i, int) and 0 <= i < len(self.head)):
            return self.head[i]
        if isinstance(i, slice):
            first, last, step = i.indices(self.height)
            return [line for _, lines in self.blocks(first + 1, last) for line in lines][::step]
        if i < 0:
            i += self.height
        return next(line for _, lines in self.blocks(i + 1, i + 1) for line in lines)

    def blocks(self, first: int, last: int):
        """(sheet row of the first line, lines) for rows ``first`` to ``last`` (1-based, both
        included), a block of rows at a time; one block when the sheet was read whole."""
        last = min(last, self.height)
        if first > last:
            return
        if self.whole:
            yield first, self.head[first - 1:last]
            return
        lines = islice(self._lines(None), first - 1, last)
        row = first
        while block := list(islice(lines, BLOCK_ROWS)):
            yield row, block
            row += len(block)

    def _lines(self, count: int | None):
        """The sheet's rows from A1 (the first ``count`` of them), converted as they are read."""
        if self.height == 0:
            return
        pad = self.pad
        try:
            rows = self.sheet.iter_rows()
            for row in islice(rows, count) if count is not None else rows:
                yield pad + row if pad else row
        except BaseException as exc:
            if not calamine_failure(exc):
                raise
            raise UnreadableWorkbook("unreadable", path=str(self.path), detail=damaged(exc, self.name)) from None


class BuiltSheet:
    """A sheet python-calamine has read (its cells held by the library, compactly); ``rows()``
    turns them into Python values, when the caller is ready for them (after the sheet's XML is let
    go of: both at once would be the largest moment of a large sheet's reading)."""

    def __init__(self, sheet, path: Path, name: str) -> None:
        self.sheet, self.path, self.name = sheet, path, name

    def rows(self) -> SheetRows:
        sheet, self.sheet = self.sheet, None
        return SheetRows(sheet, self.path, self.name)


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


# python-calamine builds the next sheet's grid in a thread while this one is read (about 1,15 cores
# busy). A worker of a parallel rekap builds it inline instead (``grid_inline``): the other workers
# keep the cores busy, and two processes with two threads each on two cores were slower.
GRID_THREAD = True


def grid_inline() -> None:
    """This process builds each grid in the reading thread (a rekap worker's initializer)."""
    global GRID_THREAD
    GRID_THREAD = False


def grid_builder():
    """Where the next grid is built: a thread of its own, or (a rekap worker) this thread."""
    return ThreadPoolExecutor(max_workers=1) if GRID_THREAD else _Inline()


class _Inline:
    """The executor's ``submit`` run at once, in this thread."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> bool:
        return False

    def submit(self, fn, *args) -> Future:
        done: Future = Future()
        done.set_result(fn(*args))
        return done
