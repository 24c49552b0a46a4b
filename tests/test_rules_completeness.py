"""A report needs its PK indicators and Realisasi rows (STR011, error); without a Rencana Aksi or
an SKM it lacks those tables (STR012, warning). Nothing a check cannot compute passes in silence."""
import pytest

from helpers import codes_at
from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.schema import SCHEMA
from lkjip_xl.schema.refs import a1
from lkjip_xl.template.writer import write_workbook


def first_cell(key):
    t = SCHEMA.table(key)
    return f"{t.sheet}!{a1(t.first_row, t.first_col)}"


@pytest.mark.parametrize("key, code", [("pk_indikator", "STR011"), ("realisasi", "STR011"),
                                       ("ra_indikator", "STR012"), ("skm_responden", "STR012")])
def test_an_empty_table_a_report_needs(check, data, key, code):
    data["tables"][key] = []
    findings = check(data)
    assert codes_at(findings, code) == [first_cell(key)]


def test_an_skm_entered_as_summary_values_is_not_empty(check, data):
    data["tables"]["skm_responden"] = []
    data["tables"]["skm_unsur"] = [dict(r, jumlah_nilai=140, jumlah_responden=40)
                                   for r in (dict(SCHEMA.table("skm_unsur").fixed_rows[i]) for i in range(9))]
    assert codes_at(check(data), "STR012") == []


def test_a_template_with_only_identitas_is_not_clean(tmp_path):
    path = tmp_path / "t.xlsx"
    write_workbook(path, {"forms": {"identitas": {"unit": "Kecamatan X", "kabupaten_kota": "Kota Y", "tahun": 2024}}})
    result = check_workbook(path)
    assert result.has_errors
    assert sorted(f"{f.sheet}!{f.cell}" for f in result.findings if f.code == "STR011") == sorted(
        [first_cell("pk_indikator"), first_cell("realisasi")])
