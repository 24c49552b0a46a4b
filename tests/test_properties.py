"""Property tests (hypothesis) of the template -> reader path.

1. Random valid rows, built through the schema (a strategy per column type), written with the
   template writer and read back: every value comes back equal, at its own cell.
2. One input cell of the valid workbook replaced by something random (text, number, date, blank,
   a huge string): reading and checking never raises anything but ``LkjipError`` (exit 2); a
   value its column cannot hold is reported at that very cell.
"""
from __future__ import annotations

import datetime as dt
import string
import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.errors import LkjipError
from lkjip_xl.reader import read_workbook
from lkjip_xl.schema import SCHEMA, ColType
from lkjip_xl.schema.refs import a1
from lkjip_xl.template.fill import cached_values, write_filled
from lkjip_xl.template.writer import write_workbook
from valid_workbook import valid_data

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                    derandomize=True)
TEXT_ALPHABET = string.ascii_letters + string.digits + " .,;:/()-+=@&'%#\"<>" + "áéíóúÀÜñ–—…"


def _text():
    return st.text(TEXT_ALPHABET, min_size=1, max_size=60).map(str.strip).filter(bool)


def _value(column):
    """A valid value for a schema column, as staff would type it."""
    if column.choices == "jawaban":
        return st.integers(1, 4)
    t = column.type
    if t == ColType.TEXT:
        return _text()
    if t == ColType.CODE:
        return st.one_of(
            st.from_regex(r"\A[0-9]{2}(\.[0-9]{2}){0,3}\Z"),
            st.from_regex(r"\A[A-Z]{2,4}[0-9]{1,2}\Z"),
        )
    if t == ColType.INTEGER:
        lo = getattr(column, "min_value", None)
        hi = getattr(column, "max_value", None)
        lo, hi = (int(lo) if lo is not None else 0), (int(hi) if hi is not None else 10**9)
        return st.integers(lo, hi)
    if t == ColType.MONEY:  # rupiah with sen, up to a trillion
        return st.integers(0, 10**14).map(lambda n: Decimal(n).scaleb(-2)).map(
            lambda d: int(d) if d == d.to_integral_value() else d)
    if t == ColType.DECIMAL:
        return st.integers(-(10**10), 10**10).map(lambda n: Decimal(n).scaleb(-4).normalize()).map(
            lambda d: int(d) if d == d.to_integral_value() else d)
    if t == ColType.PERCENT:  # points, as the reader returns them
        return st.integers(0, 20_000).map(lambda n: Decimal(n).scaleb(-2))
    if t == ColType.ENUM:
        return st.sampled_from([c.value for c in SCHEMA.lists[column.choices]])
    if t == ColType.DATE:
        return st.dates(dt.date(2000, 1, 1), dt.date(2035, 12, 31))
    raise AssertionError(t)


INPUT_TABLES = [t for t in SCHEMA.tables]


@st.composite
def table_rows(draw):
    table = draw(st.sampled_from(INPUT_TABLES))
    limit = min(3, table.max_rows or 3)
    n = draw(st.integers(1, limit))
    rows = [{c.key: draw(_value(c)) for c in table.columns if not c.computed} for _ in range(n)]
    return table, rows


def _same(column, got, expected) -> bool:
    if column.choices == "jawaban":
        return got is not None and int(got) == expected
    if isinstance(expected, (int, Decimal)) and not isinstance(expected, bool):
        return got is not None and Decimal(str(got)) == Decimal(str(expected))
    return got == expected


@SETTINGS
@given(table_rows())
def test_random_rows_round_trip_at_their_cells(case):
    table, rows = case
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "acak.xlsx"
        write_filled(path, {"tables": {table.key: rows}})
        model, _ = read_workbook(path)
    data = model.table(table.key)
    assert len(data) >= len(rows)
    for i, row in enumerate(rows):
        for j, col in enumerate(table.columns):
            if col.computed:
                continue
            got = data.get(col.key, i)
            assert _same(col, got, row[col.key]), (table.key, i, col.key, got, row[col.key])
            assert data.cell(col.key, i) == a1(table.first_row + i, table.first_col + j)


@SETTINGS
@given(st.sampled_from([f for f in SCHEMA.forms if any(not x.formula for x in f.fields)]).flatmap(
    lambda form: st.tuples(st.just(form), st.fixed_dictionaries(
        {f.key: _value(f) for f in form.fields if not f.formula}))))
def test_random_forms_round_trip_at_their_cells(case):
    form, values = case
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "acak.xlsx"
        write_filled(path, {"forms": {form.key: values}})
        model, _ = read_workbook(path)
    data = model.form(form.key)
    for f in form.fields:
        if f.formula:
            continue
        assert _same(f, data.values[f.key], values[f.key]), (f.key, data.values[f.key], values[f.key])
        assert data.cells[f.key] == a1(form.row_of(f.key), form.value_col)


# ------------------------------------------------------------------------------------ corruption
def _input_cells():
    """Every input cell of the valid workbook: (kind, key, row index or field, column)."""
    data = valid_data()
    cells = []
    for table in SCHEMA.tables:
        for i, _row in enumerate(data["tables"].get(table.key) or []):
            for col in table.columns:
                if not col.computed:
                    cells.append(("table", table.key, i, col))
    for form in SCHEMA.forms:
        if form.key in data["forms"]:
            for f in form.fields:
                if not f.formula:
                    cells.append(("form", form.key, f.key, f))
    return cells


INPUT_CELLS = _input_cells()
VALID_CACHED = cached_values(valid_data())  # formula results as saved before the cell was changed
CORRUPTIONS = st.one_of(
    st.tuples(st.just("text"), _text().map(lambda s: "x" + s)),
    st.tuples(st.just("number"), st.one_of(st.integers(-(10**12), 10**12), st.floats(-1e12, 1e12, allow_nan=False))),
    st.tuples(st.just("date"), st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31))),
    st.tuples(st.just("blank"), st.none()),
    st.tuples(st.just("huge"), st.sampled_from(["9" * 32_767, "x" * 32_767, "=" + "A" * 32_766, "1e999999"])),
)


def _must_be_flagged(column, kind: str, value, in_table: bool) -> bool:
    """Would a careful reader have to say something about this cell?"""
    if column.choices == "jawaban":  # SKM answers are judged by the SKM rules, not by the reader
        return False
    t = column.type
    if kind == "blank":
        return bool(column.required)
    if t in (ColType.INTEGER, ColType.MONEY, ColType.DECIMAL, ColType.PERCENT):
        # a date typed into a table cell gets a date format, as Excel gives it; the test writer
        # puts a form field's date in its number format, where it is just a number (36526)
        return kind in ("text", "huge") or (kind == "date" and in_table)
    if t == ColType.DATE:
        return kind in ("text", "huge")
    if t == ColType.CODE:
        return kind == "number"
    if t == ColType.ENUM:
        allowed = {c.value.lower() for c in SCHEMA.lists[column.choices]}
        text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
        return kind != "blank" and text.strip().lower() not in allowed and kind != "date"
    return False


@SETTINGS
@given(st.sampled_from(INPUT_CELLS), CORRUPTIONS)
def test_one_corrupted_cell_is_a_finding_there_or_a_clear_refusal(target, corruption):
    kind, where, index, column = target
    what, value = corruption
    data = valid_data()
    if kind == "table":
        table = SCHEMA.table(where)
        data["tables"][where][index][column.key] = value
        sheet = table.sheet
        cell = a1(table.first_row + index, table.col_index(column.key))
    else:
        form = SCHEMA.form(where)
        data["forms"][where][index] = value
        sheet = form.sheet
        cell = a1(form.row_of(index), form.value_col)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rusak.xlsx"
        write_workbook(path, data, cached=VALID_CACHED)  # typed in, saved without recalculation
        try:
            findings = check_workbook(path).findings
        except LkjipError:  # exit 2 with one line: allowed
            return
    if _must_be_flagged(column, what, value, kind == "table"):
        here = [f.code for f in findings if f.sheet == sheet and f.cell == cell]
        assert here, (sheet, cell, what, str(value)[:40], [(f.code, f.cell) for f in findings][:10])
