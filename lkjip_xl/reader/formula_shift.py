"""The text of a shared formula's child cells.

Excel writes a formula filled down (or right) once, on the first cell of the range:
``<f t="shared" ref="H7:H50" si="0">F7/G7</f>``, and only ``<f t="shared" si="0"/>`` on the
others. A child's formula is the master's with every relative reference moved by the child's
offset from the master (``F7/G7`` at H7 is ``F8/G8`` at H8); absolute parts (``$F$7``, ``F$7``)
stay. A reference moved off the sheet becomes ``#REF!``, as in Excel.

The master is split once into literal text and references, so each child costs one join.
"""
from __future__ import annotations

import re

from ..schema.refs import col_index, col_letter

MAX_ROW = 1_048_576
MAX_COL = 16_384

# Whatever is not a reference passes through unchanged: string literals ("A1" stays), quoted
# sheet names ('Q1 2024'!A1), bracketed parts (external books [1], structured references
# Tabel[[#This Row],[Pagu]]). A reference is not part of a longer name (LOG10( is a function,
# cfg_tahun a name, 1E5 a number) and is not a sheet name itself (A1!B2).
_NOT_BEFORE = r"(?<![A-Za-z0-9_.$:])"
_NOT_AFTER = r"(?![A-Za-z0-9_(.!:])"
_TOKENS = re.compile(
    r'"(?:[^"]|"")*"'
    r"|'(?:[^']|'')*'"
    r"|\[[^\]]*\]"
    rf"|{_NOT_BEFORE}(\$?)([A-Za-z]{{1,3}})(\$?)([0-9]{{1,7}}):(\$?)([A-Za-z]{{1,3}})(\$?)([0-9]{{1,7}}){_NOT_AFTER}"
    rf"|{_NOT_BEFORE}(\$?)([A-Za-z]{{1,3}})(\$?)([0-9]{{1,7}}){_NOT_AFTER}"
    rf"|{_NOT_BEFORE}(\$?)([A-Za-z]{{1,3}}):(\$?)([A-Za-z]{{1,3}}){_NOT_AFTER}"
    rf"|{_NOT_BEFORE}(\$?)([0-9]{{1,7}}):(\$?)([0-9]{{1,7}}){_NOT_AFTER}"
)


def _col(anchor: str, letters: str, delta: int) -> str | None:
    """A column part moved by ``delta`` (unchanged when anchored with $); None when off the sheet."""
    if anchor or not delta:
        return anchor + letters
    index = col_index(letters) + delta
    return col_letter(index) if 0 <= index < MAX_COL else None


def _row(anchor: str, digits: str, delta: int) -> str | None:
    if anchor or not delta:
        return anchor + digits
    row = int(digits) + delta
    return str(row) if 1 <= row <= MAX_ROW else None


def _on_sheet(groups: tuple) -> bool:
    """Every column and row of the reference is a real one (XFE1 or A0 would be a name or an error)."""
    for g in groups:
        if not g or g == "$":
            continue
        if g.isdigit():
            if not 1 <= int(g) <= MAX_ROW:
                return False
        elif col_index(g) >= MAX_COL:
            return False
    return True


def _moved(groups: tuple, dr: int, dc: int) -> str | None:
    """A reference (cell, cell range, column range or row range) moved by (dr, dc)."""
    g = groups
    if g[0] is not None or g[1] is not None:  # cell range A1:B2
        parts = (_col(g[0], g[1], dc), _row(g[2], g[3], dr), ":", _col(g[4], g[5], dc), _row(g[6], g[7], dr))
    elif g[9] is not None:  # cell A1
        parts = (_col(g[8], g[9], dc), _row(g[10], g[11], dr))
    elif g[13] is not None:  # columns A:C
        parts = (_col(g[12], g[13], dc), ":", _col(g[14], g[15], dc))
    else:  # rows 1:3
        parts = (_row(g[16], g[17], dr), ":", _row(g[18], g[19], dr))
    if any(p is None for p in parts):
        return None
    return "".join(parts)


class SharedFormula:
    """A shared formula's master, ready to give the text at any cell of its range."""

    def __init__(self, text: str, row: int, col: int):
        self.row, self.col = row, col
        self._parts: list[str | tuple] = []  # literal text, or the groups of a reference
        pos = 0
        for m in _TOKENS.finditer(text):
            groups = m.groups()
            if all(g is None for g in groups) or not _on_sheet(groups):
                continue  # a string literal, a quoted sheet name, a bracketed part, a name
            self._parts.append(text[pos:m.start()])
            self._parts.append(groups)
            pos = m.end()
        self._parts.append(text[pos:])

    def at(self, row: int, col: int) -> str:
        dr, dc = row - self.row, col - self.col
        out = []
        for part in self._parts:
            if type(part) is str:
                out.append(part)
            else:
                moved = _moved(part, dr, dc)
                out.append("#REF!" if moved is None else moved)
        return "".join(out)
