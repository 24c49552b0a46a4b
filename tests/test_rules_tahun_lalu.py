"""Last year's workbook (--tahun-lalu) must be this unit's and the year before (STR008–STR010):
otherwise it is compared with nothing, and the annex refuses it."""
import copy

from helpers import codes_at
from lkjip_xl.schema import SCHEMA
from lkjip_xl.schema.refs import a1
from test_annex_support import run_annex

FORM = SCHEMA.form("identitas")


def cell(key):
    return f"Identitas!{a1(FORM.row_of(key), FORM.value_col)}"


def last_year(data, **identitas):
    prev = copy.deepcopy(data)
    prev["forms"]["identitas"].update(tahun=2023, **identitas)
    return prev


def test_last_years_workbook_of_this_unit_is_used(check, data):
    # tolerant names: "Kec." for Kecamatan, case, a dropped letter
    prev = last_year(data, unit="KEC. CONTOH", kabupaten_kota="Kota Conth")
    data["tables"]["pk_indikator"][0]["realisasi_lalu"] = None
    data["tables"]["pk_indikator"][1]["realisasi_lalu"] = 93  # last year's workbook says 95
    findings = check(data, prev)
    assert [f for f in findings if f.code.startswith("STR")] == []
    assert codes_at(findings, "KIN012") == ["PK!M6"]  # compared with last year's workbook


def test_another_units_workbook_is_not_used(check, data):
    prev = last_year(data, unit="Kecamatan Medang Kampai", kabupaten_kota="Kota Dumai")
    data["tables"]["pk_indikator"][1]["realisasi_lalu"] = 93  # would differ from last year's 95
    findings = check(data, prev)
    assert codes_at(findings, "STR008") == [cell("unit"), cell("kabupaten_kota")]
    f = next(f for f in findings if f.code == "STR008")
    assert (f.expected, f.found) == ("Kecamatan Contoh", "Kecamatan Medang Kampai")
    assert codes_at(findings, "KIN012") == []  # another unit's figures are compared with nothing


def test_a_workbook_of_another_year_is_not_used(check, data):
    prev = last_year(data)
    prev["forms"]["identitas"]["tahun"] = 2022  # this one is 2024
    findings = check(data, prev)
    assert codes_at(findings, "STR009") == [cell("tahun")]
    f = next(f for f in findings if f.code == "STR009")
    assert (f.expected, f.found, f.severity) == ("2023", "2022", "error")


def test_a_blank_unit_cannot_be_verified(check, data):
    prev = last_year(data, unit=None)
    findings = check(data, prev)
    assert codes_at(findings, "STR010") == [cell("unit")]
    assert next(f for f in findings if f.code == "STR010").severity == "warning"


def test_the_annex_refuses_another_units_workbook(write, data, tmp_path):
    prev = write(last_year(data, unit="Kecamatan Lain"), "prev.xlsx")
    result = run_annex(write(data), "-o", tmp_path / "a.xlsx", "--tahun-lalu", prev, "--force")
    assert result.exit_code == 2
    assert "--tahun-lalu" in result.stderr and "Kecamatan Lain" in result.stderr
    assert not (tmp_path / "a.xlsx").exists()
