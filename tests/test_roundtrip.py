"""Schema -> template -> reader: a value written into its cell reads back equal, at that cell,
for every column type; and the reader's value findings, one broken cell at a time."""
import datetime as dt
from decimal import Decimal

import pytest

from helpers import cell_of, codes_at
from lkjip_xl.reader import read_workbook
from lkjip_xl.schema import SCHEMA, ColType
from lkjip_xl.schema.refs import a1
from lkjip_xl.template.fill import write_filled
from lkjip_xl.template.writer import TypedOverride

SAMPLES = {
    ColType.TEXT: "Penyediaan Gaji dan Tunjangan ASN",
    ColType.CODE: "01.10",
    ColType.INTEGER: 42,
    ColType.MONEY: Decimal("8876182851.58"),
    ColType.PERCENT: Decimal("96.85"),
    ColType.DECIMAL: Decimal("82.15"),
    ColType.DATE: dt.date(2024, 3, 31),
}


def _value_for(column):
    if column.type == ColType.ENUM:
        return SCHEMA.lists[column.choices][-1].value
    if column.choices == "jawaban":
        return 3
    if getattr(column, "min_value", None) is not None and column.type == ColType.INTEGER:
        return 45
    return SAMPLES[column.type]


@pytest.mark.parametrize("table", SCHEMA.tables, ids=lambda t: t.key)
def test_every_column_round_trips_at_its_cell(tmp_path, table):
    row = {}
    for col in table.columns:
        value = _value_for(col)
        row[col.key] = TypedOverride(value) if col.computed else value
    path = tmp_path / "rt.xlsx"
    write_filled(path, {"tables": {table.key: [row]}})
    model, _ = read_workbook(path)
    data = model.table(table.key)
    assert len(data) >= 1
    for j, col in enumerate(table.columns):
        expected = row[col.key].value if col.computed else row[col.key]
        got = data.get(col.key, 0)
        if col.choices == "jawaban":
            got = int(got)
        assert got == expected, (col.key, got, expected)
        assert data.cell(col.key, 0) == a1(table.first_row, table.first_col + j)


@pytest.mark.parametrize("form", [f for f in SCHEMA.forms if any(not x.formula for x in f.fields)], ids=lambda f: f.key)
def test_every_form_field_round_trips_at_its_cell(tmp_path, form):
    values = {f.key: _value_for(f) for f in form.fields if not f.formula}
    path = tmp_path / "rt.xlsx"
    write_filled(path, {"forms": {form.key: values}})
    model, _ = read_workbook(path)
    data = model.form(form.key)
    for f in form.fields:
        if f.formula:
            continue
        assert data.values[f.key] == values[f.key], f.key
        assert data.cells[f.key] == a1(form.row_of(f.key), form.value_col)


def _first_sub(data):
    return data["tables"]["realisasi"][2]  # 01.01.01, row 7


@pytest.mark.parametrize("raw, code, expected", [
    ("850.000.000", "VAL001", 850000000),
    ("Rp. 850.000.000,00-", "VAL001", 850000000),
    ("850,000,000.00", "VAL001", 850000000),
    ("1.500", "VAL002", None),
    ("9.054.048,938,00", "VAL013", None),
    (dt.date(2024, 1, 2), "VAL011", None),
    (-5, "VAL004", -5),
])
def test_money_cell_problems_are_findings_at_the_cell(check, data, raw, code, expected):
    _first_sub(data)["pagu_murni"] = raw
    findings = check(data)
    assert codes_at(findings, code) == ["Realisasi!I7"]
    match = [f for f in findings if f.code == code][0]
    assert match.expected == expected or code in ("VAL002", "VAL013", "VAL011", "VAL004")


def test_code_stored_as_number_is_flagged_with_a_guess(check, data):
    data["tables"]["pk_program"][0]["kode"] = 1.0
    findings = check(data)
    assert codes_at(findings, "VAL006") == [cell_of("pk_program", "kode", 0)]
    assert [f.expected for f in findings if f.code == "VAL006"] == ["01"]


def test_value_not_in_list(check, data):
    data["tables"]["pk_indikator"][0]["arah"] = "naik turun"
    assert codes_at(check(data), "VAL007") == ["PK!F5"]


def test_required_cell_blank(check, data):
    data["tables"]["pk_indikator"][1]["indikator"] = None
    assert codes_at(check(data), "VAL005") == ["PK!D6"]


def test_percent_typed_as_points_in_a_percent_cell(check, data):
    # 85 written into a %-formatted cell shows 8500 %
    data["tables"]["realisasi"][2]["persen_keluaran"] = TypedOverride(Decimal("8500"))
    assert codes_at(check(data), "VAL003") == ["Realisasi!H7"]


def test_text_in_date_column(check, data):
    data["tables"]["skm_responden"][0]["tanggal"] = "kemarin"
    assert codes_at(check(data), "VAL014") == ["SKM!B9"]


def test_umur_out_of_range_is_flagged(check, data):
    data["tables"]["skm_responden"][0]["umur"] = 250
    assert codes_at(check(data), "VAL012") == ["SKM!E9"]


def test_a_value_beside_the_tables_is_reported_outside(tmp_path, data):
    import openpyxl

    from lkjip_xl.checks.engine import check_workbook

    path = tmp_path / "wb.xlsx"
    write_filled(path, data)
    # a note typed in the margin of the Realisasi sheet (column Q, no table there); openpyxl keeps
    # the other cells' values, only formulas lose their cached results, so look at STR005 alone
    wb = openpyxl.load_workbook(path)
    wb["Realisasi"]["Q9"] = "cek lagi"
    wb.save(path)
    assert codes_at(check_workbook(path).findings, "STR005") == ["Realisasi!Q9"]


def test_merged_cells_inside_a_table_are_reported(tmp_path, data):
    import openpyxl

    from lkjip_xl.checks.engine import check_workbook

    path = tmp_path / "wb.xlsx"
    write_filled(path, data)
    wb = openpyxl.load_workbook(path)
    wb["Realisasi"].merge_cells("C7:C8")
    wb.save(path)
    assert codes_at(check_workbook(path).findings, "STR007") == ["Realisasi!C7"]
