"""Scale rules (lkjip_xl/checks/scale.py): the chosen scale as the Skala sheet defines it.

Skala sheet: rows from 5; the chosen Permendagri 86/2017 scale is rows 5..9 (Sangat Tinggi,
Tinggi, Sedang, Rendah, Sangat Rendah); columns A preset, C label, D bawah, E bawah inklusif,
F atas, G atas inklusif. The chosen scale is at Identitas!B17.
"""
from decimal import Decimal as D

import pytest

from helpers import codes_at
from lkjip_xl.settings import default_skala_rows

SCL_CODES = {"SCL001", "SCL002", "SCL003", "SCL004"}


@pytest.fixture
def skala(data):
    rows = default_skala_rows()
    data["tables"]["skala"] = rows
    return rows


def band(rows, label):
    return next(r for r in rows if r["preset"] == "Permendagri 86/2017" and r["label"] == label)


def test_valid_workbook_gives_no_scale_finding(check, data, skala):
    assert [f for f in check(data) if f.code in SCL_CODES] == []


def test_gap(check, data, skala):
    band(skala, "Tinggi")["atas"] = D("89")  # 89 < x ≤ 90 has no band
    findings = check(data)
    assert codes_at(findings, "SCL001") == ["Skala!A5"]
    assert "89" in next(f for f in findings if f.code == "SCL001").params["detail"].id
    assert codes_at(findings, "SCL002") == []


def test_overlap(check, data, skala):
    band(skala, "Tinggi")["atas"] = D("92")  # 90 < x ≤ 92 is Tinggi and Sangat Tinggi
    findings = check(data)
    assert codes_at(findings, "SCL002") == ["Skala!A5"]
    assert codes_at(findings, "SCL001") == []


def test_overlap_by_inclusive_bounds(check, data, skala):
    band(skala, "Sangat Tinggi")["bawah_inklusif"] = "ya"  # 90 is Tinggi and Sangat Tinggi
    assert codes_at(check(data), "SCL002") == ["Skala!A5"]


def test_chosen_scale_not_on_the_sheet(check, data, skala):
    data["tables"]["skala"] = [r for r in skala if r["preset"] != "Permendagri 86/2017"]
    findings = check(data)
    assert codes_at(findings, "SCL003") == ["Identitas!B17"]
    assert next(f for f in findings if f.code == "SCL003").found == "Permendagri 86/2017"


def test_unreadable_row_is_reported_and_the_others_still_checked(check, data, skala):
    band(skala, "Sedang")["bawah_inklusif"] = "mungkin"
    findings = check(data)
    assert codes_at(findings, "SCL004") == ["Skala!E7"]
    assert codes_at(findings, "VAL007") == ["Skala!E7"]  # the reader's own finding
    assert codes_at(findings, "SCL001") == ["Skala!A5"]  # without Sedang, 65 < x ≤ 75 has no band


def test_empty_band(check, data, skala):
    band(skala, "Sedang").update(bawah=D("75"), atas=D("65"))  # 75 < x ≤ 65
    findings = check(data)
    assert codes_at(findings, "SCL004") == ["Skala!D7"]


def test_other_presets_are_not_checked(check, data, skala):
    next(r for r in skala if r["preset"] == "Atribut Capaian" and r["label"] == "Berhasil")["atas"] = D("80")
    assert [f for f in check(data) if f.code in SCL_CODES] == []
