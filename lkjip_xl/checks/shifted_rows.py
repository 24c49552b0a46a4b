"""VAL029: a row whose values sit one column off (a row pasted one column to the right or left, a
cell deleted with "shift cells left"). Each cell of it is then read in the wrong column's type (a
code where the level belongs, a unit where a number belongs, a date where the respondent's number
belongs), and said there, cell by cell. When the row's values fit the declared types of their
columns (``schema``) read one column over, and not as they stand, it is one finding at the row
saying where they belong; the findings at its cells follow from it and become notes naming it
(saying the value is out of place because the row is shifted).

What the row breaks elsewhere (its kegiatan "more than its sub kegiatan, a row deleted?" when the
row's code is not read, the PK's IKM when its answers are left out, a sample short of the minimum)
follows from it too when the checks, run again with the row put back (``checks/what_if.py``), no
longer say it: such a finding is a note naming the VAL029 cell, and a note that named a cell of the
row (an answer left out) names it instead. A blame's guess (BUD021…) that is gone then is dropped.
What a cell elsewhere holds (``AS_FOUND``: a text in a number column, a stale formula result whose
note names the cell rapikan restores) is no consequence of the row and stays as it is.

One detector for the tables of ``SHIFTABLE``. A value fits a column when the reader reads it in the
column's type (``reader.values.convert``: a number, a date, a choice of a closed list, a code
without spaces); a word outside a list staff may extend, a number or a date in a text column and a
code typed as a number say nothing either way. A row is shifted when, from some column to its end,
at least ``MISFITS`` of its values do not fit where they stand and every one fits one column over,
with more fitting there (the cells before that column were left where they were: a cell deleted with
"shift cells left" moves only the cells after it). A formula is a value too: the template's formula
of the column beside, reading its row's cells one column over (what pasting the row one column off
or deleting a cell with shift left does to the row's formulas), fits there and not where it stands;
any other formula says nothing. Only rows with a value not read in its column's type, or a text
typed over a template formula (``OUT_OF_TYPE``), are examined.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, Callable

from ..findings import Finding
from ..reader.model import Flags, WorkbookModel
from ..reader.read import NOT_READ
from ..reader.values import convert
from ..schema.lists import LENIENT_LISTS, aliases
from ..schema.lists import values as list_values
from ..schema.refs import a1, parse_a1
from ..schema.types import ColType, Column, normalise_formula
from .formulas import formula_context
from .what_if import AS_FOUND, GUESSES

SHIFTABLE = ("skm_responden", "realisasi", "pk_indikator")
# a cell's text not read in its column's type, or typed where the template's formula was (a row's
# last value, its jenis belanja, moved onto Sisa by a cell deleted with shift left)
OUT_OF_TYPE = NOT_READ | {"FRM009"}
MISFITS = 2  # values that do not fit where they stand, at least
MIN_FITS = 3  # values that fit one column over, at least


@dataclass(frozen=True)
class Moved:
    """A cell holding a formula: the steps (1, -1) for which it is the template's formula of the
    column ``step`` to its left, read as its row's cells moved ``step`` columns (what a row pasted
    one column off, or a cell deleted with shift left, does to the row's formulas)."""

    steps: frozenset


@dataclass(frozen=True)
class Shift:
    finding: Finding  # the VAL029
    key: str  # the table
    index: int  # the row's index in it
    step: int  # 1: the values sit one column right of where they belong; -1: one left
    held: dict  # column -> what its cell holds (``_held``)
    first: int
    last: int  # the shifted values' columns, first to last


def explain_shifted_rows(findings: list[Finding], model: WorkbookModel,
                         rerun: Callable[[WorkbookModel], list[Finding]]) -> list[Finding]:
    """One VAL029 per shifted row; the row's other findings become notes naming it, and so do those
    elsewhere that the checks, run again on ``model`` with the rows put back (``rerun``), no longer
    give (module docstring)."""
    unread = {(f.sheet, f.cell): f.found for f in findings if f.code in OUT_OF_TYPE}
    shifts = [s for key in SHIFTABLE if (data := model.table(key)) is not None
              for s in _shifted(key, data, unread)]
    if not shifts:
        return findings
    at = {(s.finding.sheet, parse_a1(s.finding.cell)[0]): s.finding for s in shifts}
    without = {(f.code, f.sheet, f.cell) for f in rerun(_put_back(model, shifts))}
    named = ", ".join(f"{s.finding.sheet}!{s.finding.cell}" for s in shifts)
    out = []
    for f in findings:
        row = _row(f.cell)
        cause = at.get((f.sheet, row)) if row is not None else None
        if cause is not None:
            if f.severity != "info":
                f = replace(f, severity_override="info",
                            params={**f.params, "cause": f"{cause.sheet}!{cause.cell}", "shifted": True})
        elif not f.code.startswith(AS_FOUND) and (f.code, f.sheet, f.cell) not in without:
            if f.code in GUESSES:
                continue  # a guess at another cell the shifted row explains
            f = _follows(f, named)
        out.append(f)
    return out + [s.finding for s in shifts]


def _follows(f: Finding, named: str) -> Finding:
    """A finding the shifted rows alone explain: a note naming them (a note already, the cell it
    names is the row's: the same words naming them instead)."""
    if f.severity != "info":
        return replace(f, severity_override="info", params={**f.params, "cause": named})
    if f.params.get("cause"):
        return replace(f, params={**f.params, "cause": named})
    if f.params.get("follows"):
        return replace(f, params={**f.params, "follows": named})
    return f


def _put_back(model: WorkbookModel, shifts: list[Shift]) -> WorkbookModel:
    """The model with each shifted row's values in the columns they belong in (read in those
    columns' types; a computed column given its formula back, a cell left without a value blank)."""
    tables = dict(model.tables)
    for s in shifts:
        data = tables[s.key]
        values = {k: list(v) for k, v in data.values.items()}
        flags = {k: Flags(v) for k, v in data.has_formula.items()}
        by_col = {col: data.table.column(key) for key, col in data.cols.items()}
        for col, column in by_col.items():
            if not min(s.first, s.first - s.step) <= col <= max(s.last, s.last - s.step):
                continue
            held = s.held.get(col + s.step) if s.first <= col + s.step <= s.last else None
            value = None
            if held is not None and not isinstance(held, Moved) and not column.computed:
                allowed = list_values(column.choices) if column.choices else None
                value, problem, _ = convert(held, column.type, allowed, aliases=aliases(column.choices),
                                            unit_words=column.unit_words)
                value = None if problem is not None else value
            if column.key in values:
                values[column.key][s.index] = value
            if column.key in flags:
                flags[column.key][s.index] = column.computed
        tables[s.key] = data = replace(data, values=values, has_formula=flags)
    return replace(model, tables=tables)


def _row(cell: str) -> int | None:
    try:
        return parse_a1(cell)[0]
    except (ValueError, AttributeError):
        return None


def _shifted(key: str, data, unread: dict) -> list[Shift]:
    by_col = {col: data.table.column(key) for key, col in data.cols.items()}
    # only a row with a value out of its column's type (``OUT_OF_TYPE``) can be shifted
    suspects = {parse_a1(cell)[0] for sheet, cell in unread if sheet == data.sheet}
    moved = _moves(data, by_col)
    out = []
    for i, row in enumerate(data.rows):
        if row not in suspects:
            continue
        held = {col: _held(data, unread, by_col, i, col, moved) for col in by_col}
        found = _segment(by_col, held)
        if found is not None:
            step, first, last = found
            out.append(Shift(Finding("VAL029", data.sheet, a1(row, first),
                                     expected=f"{a1(row, first - step)}:{a1(row, last - step)}",
                                     found=f"{a1(row, first)}:{a1(row, last)}",
                                     params={"row": row, "side": "kanan" if step == 1 else "kiri",
                                             "side_en": "right" if step == 1 else "left"}),
                             key, i, step, held, first, last))
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
            as_is = _score(by_col, held, 0, start, sources, moved=step)
            if as_is[1] >= MISFITS and fits > as_is[0]:
                return step, min(sources), max(sources)
    return None


def _held(data, unread: dict, by_col: dict[int, Column], i: int, col: int,
          moved: Callable[[int, int, int], bool]) -> Any:
    """What the cell holds as typed: a formula as ``Moved``; the text the reader could not read in
    the column's type; else the value read (None for a blank)."""
    key, row = by_col[col].key, data.rows[i]
    flags = data.has_formula.get(key)
    if flags and flags[i]:
        return Moved(frozenset(step for step in (1, -1) if moved(i, col, step)))
    text = unread.get((data.sheet, a1(row, col)))
    return text if text is not None else data.get(key, i)


def _moves(data, by_col: dict[int, Column]) -> Callable[[int, int, int], bool]:
    """Whether row ``i``'s cell at ``col`` holds the template's formula of the column ``step`` to its
    left, as it reads once the row's cells moved ``step`` columns. Each column's formula is made once,
    at a row number no sheet reaches (``_ROW_MARK``), and given each row's number."""
    shapes: dict[tuple[int, int], str | None] = {}

    def moved(i: int, col: int, step: int) -> bool:
        if (col, step) not in shapes:
            column = by_col.get(col - step)
            shapes[col, step] = None if column is None or column.formula is None else normalise_formula(
                column.formula(formula_context(data, i, step, row=_ROW_MARK)))
        found = data.scan.formulas.get((data.rows[i], col)) if data.scan is not None else None
        return shapes[col, step] is not None and found is not None and normalise_formula(found) == \
            shapes[col, step].replace(str(_ROW_MARK), str(data.rows[i]))
    return moved


_ROW_MARK = 987654321


def _score(by_col: dict[int, Column], held: dict[int, Any], step: int, start: int,
           only: list[int] | None = None, moved: int = 0) -> tuple[int, int, list[int]]:
    """(values that fit, values that do not, their columns) of the values from column ``start`` on
    (or of the columns ``only``), each read into the column ``step`` to its left; only columns typed
    by hand (not computed) take a value. A formula fits there when it is that column's, moved
    ``step`` columns, and (``step`` 0) does not fit where it stands when it is the formula of the
    column ``moved`` to its left."""
    fits = misfits = 0
    sources = []
    for source in (only if only is not None else [c for c in sorted(held) if c >= start]):
        column = by_col.get(source - step)
        value = held.get(source)
        if isinstance(value, Moved):
            verdict = (step in value.steps or None) if step else (False if moved in value.steps else None)
        elif column is None or column.computed or value is None or value == "":
            continue
        else:
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
