"""Rencana Aksi rules (lkjip_xl/checks/rencana_aksi.py): quarters against the annual figures.

Rencana Aksi sheet: rows from 5 (IKU1 row 5 .. IKU4 row 8); columns A kode indikator, D target
tahunan, E..H target TW I..IV, I..L realisasi TW I..IV. IKU1/IKU2 are `akhir`, IKU3 `rata-rata`,
IKU4 `kumulatif` (1 + 1 + 1 + 1 = 4).
"""
from decimal import Decimal as D

import pytest

from helpers import codes_at

RA_CODES = {"KIN008", "KIN009", "KIN014", "KIN018"}


def ra(data, kode):
    return next(r for r in data["tables"]["ra_indikator"] if r["kode_indikator"] == kode)


def test_valid_workbook_gives_no_rencana_aksi_finding(check, data):
    assert [f for f in check(data) if f.code in RA_CODES] == []


def test_annual_target_differs_from_pk(check, data):
    row = ra(data, "IKU2")
    row["target_tahunan"] = D("91")
    findings = check(data)
    assert codes_at(findings, "KIN014") == ["Rencana Aksi!D6"]
    f = next(f for f in findings if f.code == "KIN014")
    assert (f.expected, f.found) == (D("90"), D("91"))


def test_akhir_tw4_differs_from_annual(check, data):
    ra(data, "IKU2")["target_tw4"] = D("85")
    findings = check(data)
    assert codes_at(findings, "KIN008") == ["Rencana Aksi!H6"]
    assert next(f for f in findings if f.code == "KIN008").params["rule"].id.startswith("akhir")


def test_kumulatif_sum_differs_from_annual(check, data):
    ra(data, "IKU4")["target_tw2"] = D("2")  # 1 + 2 + 1 + 1 = 5, and TW IV is not 4 either
    findings = check(data)
    assert codes_at(findings, "KIN008") == ["Rencana Aksi!H8"]
    f = next(f for f in findings if f.code == "KIN008")
    assert (f.expected, f.found) == (D("5"), D("4"))


def test_kumulatif_running_totals_are_accepted(check, data):
    ra(data, "IKU4").update(target_tw1=D("1"), target_tw2=D("2"), target_tw3=D("3"), target_tw4=D("4"))
    findings = check(data)
    assert codes_at(findings, "KIN008") == [] and codes_at(findings, "KIN009") == []


def test_kumulatif_running_total_falls(check, data):
    ra(data, "IKU4").update(target_tw1=D("2"), target_tw2=D("1"), target_tw3=D("3"), target_tw4=D("4"))
    findings = check(data)
    assert codes_at(findings, "KIN009") == ["Rencana Aksi!F8"]
    assert codes_at(findings, "KIN008") == []
    f = next(f for f in findings if f.code == "KIN009")
    assert (f.expected, f.found) == (D("2"), D("1"))


def test_kumulatif_negative_quarter(check, data):
    ra(data, "IKU4").update(target_tw1=D("2"), target_tw2=D("-1"), target_tw3=D("2"))  # Σ still 4
    findings = check(data)
    assert codes_at(findings, "KIN009") == ["Rencana Aksi!F8"]
    assert codes_at(findings, "KIN008") == []


def test_rata_rata_mean_differs_from_annual(check, data):
    ra(data, "IKU3")["target_tw1"] = D("12")  # mean 10,5
    findings = check(data)
    assert codes_at(findings, "KIN008") == ["Rencana Aksi!H7"]
    assert next(f for f in findings if f.code == "KIN008").expected == D("10.5")


def test_rata_rata_mean_is_compared_at_two_decimals_at_least(check, data):
    ra(data, "IKU3").update(target_tw4=None, target_tw3=D("11"))  # mean of 10, 10, 11 = 10,333..
    ra(data, "IKU3")["target_tahunan"] = D("10.33")
    next(r for r in data["tables"]["pk_indikator"] if r["kode_indikator"] == "IKU3")["target"] = D("10.33")
    assert codes_at(check(data), "KIN008") == []


def test_quarters_all_blank_are_not_checked(check, data):
    ra(data, "IKU3").update(target_tw1=None, target_tw2=None, target_tw3=None, target_tw4=None)
    assert [f for f in check(data) if f.code in RA_CODES] == []


@pytest.mark.parametrize("q, cell", [("3", "Rencana Aksi!G8"), ("1", "Rencana Aksi!E8")])
def test_the_one_kumulatif_quarter_unlike_the_others_is_blamed(check, data, q, cell):
    """IKU4 kumulatif 1 + 1 + 1 + 1 = 4; one quarter typed 2 (red-team s04, s04b). Any quarter
    less 1 gives 4, but only the 2 leaves the four quarters alike: KIN020 there, KIN008 a note."""
    ra(data, "IKU4")[f"target_tw{q}"] = D("2")
    findings = check(data)
    assert [(f.code, f"{f.sheet}!{f.cell}") for f in findings if f.severity != "info"] == [("KIN020", cell)]
    assert next(f for f in findings if f.code == "KIN008").params.get("cause") == cell


def test_kumulatif_actuals_differ_from_pk(check, data):
    ra(data, "IKU4")["realisasi_tw2"] = D("2")  # Σ 5, PK realisasi 4
    findings = check(data)
    assert codes_at(findings, "KIN018") == ["Rencana Aksi!L8"]
    f = next(f for f in findings if f.code == "KIN018")
    assert (f.expected, f.found) == (D("5"), D("4"))


def test_akhir_actual_differs_from_pk(check, data):
    ra(data, "IKU2")["realisasi_tw4"] = D("94")
    assert codes_at(check(data), "KIN018") == ["Rencana Aksi!L6"]


@pytest.mark.parametrize("tw4, finding", [(D("86.9"), False), (D("87"), False), (D("86.8"), True), (D("86.95"), True)])
def test_an_akhir_actual_typed_at_another_precision_than_the_pk(check, data, tw4, finding):
    """IKU1 (akhir): the PK's realisasi is the IKM 86,94; the Rencana Aksi's TW IV typed 86,9 or 87
    states it rounded (red-team s58: a KIN018 error); 86,8 or 86,95 is another value."""
    ra(data, "IKU1")["realisasi_tw4"] = tw4
    assert codes_at(check(data), "KIN018") == (["Rencana Aksi!L5"] if finding else [])


def test_incomplete_year_of_actuals_is_not_checked(check, data):
    ra(data, "IKU4").update(realisasi_tw3=None, realisasi_tw4=None)
    assert codes_at(check(data), "KIN018") == []
