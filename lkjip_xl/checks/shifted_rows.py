"""VAL029: a row whose values sit one column off (a row pasted one column to the right or left, a
cell deleted with "shift cells left"). Each cell of it is then read in the wrong column's type (a
code where the level belongs, a unit where a number belongs, a date where the respondent's number
belongs), and said there, cell by cell. When the row's values fit the declared types of their
columns (``schema``) read one column over, and not as they stand, it is one finding at the row
saying where they belong; the findings at its cells follow from it and become notes naming it.

One detector for the tables of ``SHIFTABLE``. A value fits a column when the reader reads it in the
column's type (``reader.values.convert``: a number, a date, a choice of a closed list, a code
without spaces); a word outside a list staff may extend, a number or a date in a text column and a
code typed as a number say nothing either way. A row is shifted when, from some column to its end,
at least ``MISFITS`` of its values do not fit where they stand and every one fits one column over,
with more fitting there (the cells before that column were left where they were: a cell deleted with
"shift cells left" moves only the cells after it).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from ..findings import Finding
from ..reader.read import NOT_READ
from ..reader.values import convert
from ..schema.lists import LENIENT_LISTS, aliases
from ..schema.lists import values as list_values
from ..schema.refs import a1, parse_a1
from ..schema.types import ColType, Column

SHIFTABLE = ("skm_responden", "realisasi", "pk_indikator")
MISFITS = 2  # values that do not fit where they stand, at least
MIN_FITS = 3  # values that fit one column over, at least


def explain_shifted_rows(findings: list[Finding], model) -> list[Finding]:
    """One VAL029 per shifted row; the row's other findings become notes naming it."""
    unread = {(f.sheet, f.cell): f.found for f in findings if f.code in NOT_READ}
    shifted = [s for key in SHIFTABLE if (data := model.table(key)) is not None
               for s in _shifted(data, unread)]
    if not shifted:
        return findings
    at = {(s.sheet, parse_a1(s.cell)[0]): s for s in shifted}
    out = []
    for f in findings:
        row = _row(f.cell)
        cause = at.get((f.sheet, row)) if row is not None else None
        if cause is not None and f.severity != "info":
            f = replace(f, severity_override="info", params={**f.params, "cause": f"{cause.sheet}!{cause.cell}"})
        out.append(f)
    return out + shifted


def _row(cell: str) -> int | None:
    try:
        return parse_a1(cell)[0]
    except (ValueError, AttributeError):
        return None


def _shifted(data, unread: dict) -> list[Finding]:
    by_col = {col: data.table.column(key) for key, col in data.cols.items()}
    # only a row with a value the reader could not read in its column's type can be shifted
    suspects = {parse_a1(cell)[0] for sheet, cell in unread if sheet == data.sheet}
    out = []
    for i, row in enumerate(data.rows):
        if row not in suspects:
            continue
        held = {col: _held(data, unread, column.key, i, row, col) for col, column in by_col.items()}
        found = _segment(by_col, held)
        if found is not None:
            step, first, last = found
            out.append(Finding("VAL029", data.sheet, a1(row, first),
                               expected=f"{a1(row, first - step)}:{a1(row, last - step)}",
                               found=f"{a1(row, first)}:{a1(row, last)}",
                               params={"row": row, "side": "kanan" if step == 1 else "kiri",
                                       "side_en": "right" if step == 1 else "left"}))
    return out


def _segment(by_col: dict[int, Column], held: dict[int, Any]) -> tuple[int, int, int] | None:
    """(step, first, last column) of the longest run of the row's values, from some column to its
    end, that fits one column over (``step`` 1: the values sit one to the right of where they
    belong; -1: one to the left: a cell deleted, the rest moved left) and not where it stands."""
    for start in sorted(held):
        for step in (1, -1):
            fits, misfits, sources = _score(by_col, held, step, start)
            if misfits or fits < MIN_FITS:
                continue
            as_is = _score(by_col, held, 0, start, sources)
            if as_is[1] >= MISFITS and fits > as_is[0]:
                return step, min(sources), max(sources)
    return None


def _held(data, unread: dict, key: str, i: int, row: int, col: int) -> Any:
    """What the cell holds as typed: None for a formula or a blank; the text the reader could not
    read in the column's type; else the value read."""
    flags = data.has_formula.get(key)
    if flags and flags[i]:
        return None
    text = unread.get((data.sheet, a1(row, col)))
    return text if text is not None else data.get(key, i)


def _score(by_col: dict[int, Column], held: dict[int, Any], step: int, start: int,
           only: list[int] | None = None) -> tuple[int, int, list[int]]:
    """(values that fit, values that do not, their columns) of the values from column ``start`` on
    (or of the columns ``only``), each read into the column ``step`` to its left; only columns typed
    by hand (not computed) take a value."""
    fits = misfits = 0
    sources = []
    for source in (only if only is not None else [c for c in sorted(held) if c >= start]):
        column = by_col.get(source - step)
        value = held.get(source)
        if column is None or column.computed or value is None or value == "":
            continue
        verdict = _fits(column, value)
        if verdict is None:
            continue
        sources.append(source)
        fits, misfits = fits + verdict, misfits + (not verdict)
    return fits, misfits, sources


def _fits(column: Column, value: Any) -> bool | None:
    """Does ``value`` fit the column's declared type? None: it says nothing."""
    if column.type == ColType.TEXT:
        return True if isinstance(value, str) else None
    if column.type == ColType.CODE:
        if not isinstance(value, str):
            return None
        return not any(ch.isspace() for ch in value.strip())
    if column.type == ColType.ENUM and column.choices in LENIENT_LISTS:
        return None if isinstance(value, str) else False
    if isinstance(value, (dt.date, dt.datetime)) and column.type != ColType.DATE:
        return False
    allowed = list_values(column.choices) if column.choices else None
    _, problem, _ = convert(value, column.type, allowed, aliases=aliases(column.choices),
                            unit_words=column.unit_words)
    return problem is None or problem.code not in NOT_READ
