"""Which cells of a sheet hold a formula, and each formula's text on demand, in little memory.

A sheet of the template holds a formula in every row of its computed columns (the SKM answer
scores alone are nine per respondent: 900.000 for 100.000 respondents); keeping every text costs
hundreds of megabytes, and the checks read a few of them. A formula filled down a column differs
from row to row only by the row number it names, so each column is kept as runs of consecutive
rows sharing one *shape*: the formula's bytes as written with every occurrence of the row's
number replaced by NUL (``H20*2`` on row 20 is ``H\\0*2``). A cell's text is its run's shape with
NUL replaced by its row number again: exact, whatever else the formula holds (a NUL cannot occur
in XML, and replacing the row number back restores precisely the bytes that were there).

A formula known only by its text (a shared formula's cell, its text moved from the master) is
kept the same way, its shape made from the text. Cells that do not fit a run (a row out of order,
a cell met twice, a NUL in the text, no text) are kept with their text as it is. Read like a
dict: (row, col) -> the text ("=H20*2"), None only for a shared formula's child whose master is
missing.
"""
from __future__ import annotations

import html
from bisect import bisect_right
from collections.abc import Mapping
from typing import Iterator

Cell = tuple[int, int]  # (1-based row, 0-based column)


def unescape(text: str) -> str:
    """XML's five named entities by plain replacement (fast); html.unescape for anything else."""
    if "&#" in text:
        return html.unescape(text)
    return (text.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
            .replace("&apos;", "'").replace("&amp;", "&"))


def text_of(raw: bytes) -> str:
    """A formula's text from the bytes between <f> and </f>."""
    body = raw.decode("utf-8", "replace")
    return "=" + (unescape(body) if "&" in body else body)


class FormulaIndex(Mapping):
    def __init__(self) -> None:
        # column -> runs [first row, last row, shape], in row order; starts: their first rows
        self._runs: dict[int, list[list]] = {}
        self._starts: dict[int, list[int]] = {}
        self._other: dict[Cell, str | None] = {}  # cells kept with their text (see above)
        self._in_runs = 0  # cells added to runs (some may be met again, in _other)
        self._by_col: dict[int, set[int]] | None = None  # the rows of _other by column, when asked

    # ------------------------------------------------------------------ building
    def add_raw(self, row: int, col: int, raw: bytes) -> None:
        """A formula as written (the bytes between <f> and </f>), at its cell."""
        runs = self._runs.get(col)
        if runs and b"\0" not in raw:  # the usual case, inline: a million of them on a large sheet
            last = runs[-1]
            if last[1] == row - 1:
                shape = raw.replace(str(row).encode(), b"\0")
                if last[2] == shape:
                    last[1] = row
                    self._in_runs += 1
                    return
        if b"\0" in raw:
            self._keep(row, col, text_of(raw))
        else:
            self._add(row, col, raw.replace(str(row).encode(), b"\0"), raw)

    def tail(self, col: int) -> list | None:
        """The column's last run, when a formula read with its bytes may extend it in place (the
        reader's fast path: its last row + 1 and the same shape; then ``counted``)."""
        runs = self._runs.get(col)
        return runs[-1] if runs and type(runs[-1][2]) is bytes else None

    def counted(self, n: int) -> None:
        """``n`` cells were added to runs by extending their ``tail``."""
        self._in_runs += n

    def add_text(self, row: int, col: int, text: str | None) -> None:
        """A formula known by its text (a shared formula's cell), or None."""
        if text is None or "\0" in text:
            self._keep(row, col, text)
        else:
            self._add(row, col, text.replace(str(row), "\0"), text)

    def _add(self, row: int, col: int, shape: bytes | str, written: bytes | str) -> None:
        runs = self._runs.get(col)
        if runs is None:
            runs = self._runs[col] = []
            self._starts[col] = []
        elif row <= runs[-1][1]:  # a row out of order, or a cell met again
            self._keep(row, col, text_of(written) if type(written) is bytes else written)
            return
        last = runs[-1] if runs else None
        if last is not None and last[1] == row - 1 and last[2] == shape:
            last[1] = row
        else:
            runs.append([row, row, shape])
            self._starts[col].append(row)
        self._in_runs += 1

    def _keep(self, row: int, col: int, text: str | None) -> None:
        self._other[(row, col)] = text
        self._by_col = None
        runs = self._runs.setdefault(col, [])
        if not runs or row > runs[-1][1]:  # an empty run: a later formula above it is kept here too
            runs.append([row, row, None])
            self._starts.setdefault(col, []).append(row)

    # ------------------------------------------------------------------ reading
    def _run(self, row: int, col: int) -> list | None:
        starts = self._starts.get(col)
        if not starts:
            return None
        i = bisect_right(starts, row) - 1
        if i < 0:
            return None
        run = self._runs[col][i]
        return run if row <= run[1] and run[2] is not None else None

    def __getitem__(self, cell: Cell) -> str | None:
        if cell in self._other:
            return self._other[cell]
        run = self._run(*cell)
        if run is None:
            raise KeyError(cell)
        shape = run[2]
        if type(shape) is bytes:
            return text_of(shape.replace(b"\0", str(cell[0]).encode()))
        return shape.replace("\0", str(cell[0]))

    def __contains__(self, cell) -> bool:
        return cell in self._other or (type(cell) is tuple and len(cell) == 2 and self._run(*cell) is not None)

    def __iter__(self) -> Iterator[Cell]:
        other = self._other
        for col, runs in self._runs.items():
            for first, last, shape in runs:
                if shape is not None:
                    yield from (cell for cell in ((r, col) for r in range(first, last + 1)) if cell not in other)
        yield from other

    def __len__(self) -> int:
        again = sum(1 for cell in self._other if self._run(*cell) is not None)
        return self._in_runs - again + len(self._other)

    def rows(self, col: int) -> set[int]:
        """The rows of a column holding a formula."""
        out: set[int] = set()
        for first, last, shape in self._runs.get(col, ()):
            if shape is not None:
                out.update(range(first, last + 1))
        if self._other:
            if self._by_col is None:
                self._by_col = {}
                for r, c in self._other:
                    self._by_col.setdefault(c, set()).add(r)
            out.update(self._by_col.get(col, ()))
        return out
