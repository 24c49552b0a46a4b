"""A1 cell references."""
from __future__ import annotations

import re

_A1 = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


def col_letter(index: int) -> str:
    """0-based column index -> letters (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def col_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def a1(row: int, col: int) -> str:
    """1-based row and 0-based column -> "G12"."""
    return f"{col_letter(col)}{row}"


def parse_a1(ref: str) -> tuple[int, int]:
    """"G12" -> (12, 6)."""
    m = _A1.match(ref.upper())
    if not m:
        raise ValueError(f"not an A1 reference: {ref!r}")
    return int(m.group(2)), col_index(m.group(1))


def quote_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'" if re.search(r"[^A-Za-z0-9_]", name) else name


def absolute(ref: str) -> str:
    """"B1" -> "$B$1"."""
    row, col = parse_a1(ref)
    return f"${col_letter(col)}${row}"


def cell_ranges(refs: list[str]) -> str:
    """Cells as the fewest rectangles a reader scans at once, in reading order: K5, L5, K6, L6, O5
    -> "K5:L6, O5"; 360 cells Q9..Y48 -> "Q9:Y48". Each column's runs of consecutive rows first,
    then neighbouring columns with the same run joined."""
    by_col: dict[int, list[int]] = {}
    for ref in dict.fromkeys(refs):
        row, col = parse_a1(ref)
        by_col.setdefault(col, []).append(row)
    open_: dict[tuple[int, int], list[int]] = {}  # (first row, last row) -> [first col, last col]
    done: list[tuple[int, int, int, int]] = []
    for col in sorted(by_col):
        rows = sorted(by_col[col])
        runs, start = [], rows[0]
        for prev, row in zip(rows, rows[1:]):
            if row != prev + 1:
                runs.append((start, prev))
                start = row
        runs.append((start, rows[-1]))
        for run in runs:
            span = open_.get(run)
            if span is not None and span[1] == col - 1:
                span[1] = col
            else:
                if span is not None:
                    done.append((run[0], span[0], run[1], span[1]))
                open_[run] = [col, col]
    done += [(run[0], span[0], run[1], span[1]) for run, span in open_.items()]
    return ", ".join(a1(r1, c1) if (r1, c1) == (r2, c2) else f"{a1(r1, c1)}:{a1(r2, c2)}"
                     for r1, c1, r2, c2 in sorted(done))
