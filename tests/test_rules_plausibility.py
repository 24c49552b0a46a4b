"""Issue 11, second sources for values that have none (KIN021–KIN025, BUD022–BUD024, SKM030,
SKM031, VAL018–VAL020): one broken cell of the valid workbook each; the finding's code and cell, and
nothing loud elsewhere. Cells as in test_blame.py; Identitas B7 tahun, B8 Renstra first year, B9 last
year, B16 signing date; SKM D4 survey period, D5 population; PK M realisasi lalu, N Renstra target.
"""
import datetime as dt
from decimal import Decimal as D

import pytest

from test_blame import loud, notes, one

from lkjip_xl.checks.plausibility import CAPAIAN_PLAUSIBLE, SCALE_FACTOR
from lkjip_xl.derive.workbook import unsur_rows
from lkjip_xl.i18n import Text
from lkjip_xl.schema.data import TypedOverride


def _pk(data, code):
    return next(r for r in data["tables"]["pk_indikator"] if r["kode_indikator"] == code)


def _ra(data, code):
    return next(r for r in data["tables"]["ra_indikator"] if r["kode_indikator"] == code)


def test_the_valid_workbook_is_plausible(check, data):
    assert [f for f in check(data) if f.code[:3] in ("KIN", "BUD", "VAL", "SKM")] == []


# ------------------------------------------------------------------ KIN021
def test_kin021_an_implausible_capaian_at_the_input_that_explains_it(check, data):
    _pk(data, "IKU3")["realisasi"] = D("80")  # turun, target 10: (2·10 − 80) / 10 = −600 %
    findings = check(data)
    # the target is the Rencana Aksi's (annual 10, TW 10 10 10 10): the realisasi is the slip
    assert loud(findings) == [("KIN020", "PK!J7", "warning")]
    # 8 or 10 (a digit too many, one digit wrong) both make it plausible: the one equal to the target
    # leaves the two least apart (a capaian of 100 %)
    assert one(findings, "KIN020").expected == 10
    assert notes(findings) == [("KIN021", "PK!K7", "PK!J7")]
    assert one(findings, "KIN021").found == (2 * 10 - 80) * D(100) / 10 < CAPAIAN_PLAUSIBLE[0]


def test_kin021_a_capaian_of_ten_times_the_target(check, data):
    _pk(data, "IKU1")["target"] = D("821.5")  # 82,15 with the comma a place off: 86,94 / 821,5 = 10,6 %
    findings = check(data)
    assert loud(findings) == [("KIN020", "PK!H5", "error")]  # through the Rencana Aksi (KIN014) too: an error
    assert {n[:2] for n in notes(findings)} == {("KIN014", "Rencana Aksi!D5"), ("KIN021", "PK!K5")}


def test_kin021_a_component_out_of_bounds(check, data):
    data["tables"]["pk_komponen"][0]["pembilang"] = D("90")  # 9 of 10 → 90 of 10 = 900 %
    findings = check(data)
    assert loud(findings) == [("KIN020", "PK Komponen!C5", "error")]  # the composite (KIN013) points at it too
    assert {n[:2] for n in notes(findings)} == {("KIN013", "PK!J6"), ("KIN021", "PK Komponen!F5")}


def _row(data, kode):
    return next(r for r in data["tables"]["realisasi"] if r["kode"] == kode)


def test_kin021_nothing_achieved_is_no_slip(check, data):
    # 0 of 12 outputs: an output not produced, said on purpose (no "likely slip 1 → 0")
    _row(data, "01.01.01")["realisasi_keluaran"] = 0
    assert [f for f in check(data) if f.code in ("KIN020", "KIN021")] == []


def test_kin021_an_output_far_below_its_target_is_still_said(check, data):
    _row(data, "01.01.01")["realisasi_keluaran"] = 1  # 1 of 12 outputs: 8,3 %, not 0
    findings = check(data)
    assert ("KIN021", "Realisasi!H7") in {f[:2] for f in loud(findings) + notes(findings)}


# ------------------------------------------------------------------ KIN022, KIN023
def test_kin022_last_years_realisasi_a_tenth(check, data):
    _pk(data, "IKU1")["realisasi_lalu"] = D("8.51")  # 85,10
    findings = check(data)
    assert loud(findings) == [("KIN022", "PK!M5", "warning")]
    # the indicator's other values: target 82,15, realisasi 86,94, Rencana Aksi 82,15 → about 82,15
    assert one(findings, "KIN022").expected == Text("82,15", "82.15")
    assert D("8.51") * SCALE_FACTOR < D("82.15")


def test_kin022_a_percentage_typed_as_a_fraction(check, data):
    _pk(data, "IKU3")["realisasi"] = D("0.08")  # 8 (%), turun: a low realisasi is good news, but 0,08 × 100 fits
    findings = check(data)
    assert loud(findings) == [("KIN022", "PK!J7", "warning")]


def test_kin022_a_turun_realisasi_far_below_its_target_is_good_news(check, data):
    _pk(data, "IKU3")["realisasi"] = D("1.5")  # 10 % allowed, 1,5 % happened
    assert loud(check(data)) == []


def test_kin022_a_negative_renstra_target(check, data):
    _pk(data, "IKU1")["target_renstra"] = D("-88")
    assert loud(check(data)) == [("KIN022", "PK!N5", "warning")]


def test_kin023_last_year_like_this_year_with_two_digits_swapped(check, data):
    _pk(data, "IKU1")["realisasi_lalu"] = D("68.94")  # this year 86,94
    findings = check(data)
    assert loud(findings) == [("KIN023", "PK!M5", "warning")]
    f = one(findings, "KIN023")
    assert (f.expected, f.found, f.slip()) == (D("86.94"), D("68.94"), "transposition")


def test_kin023_not_between_values_of_two_digits(check, data):
    _pk(data, "IKU3")["realisasi"] = D("1")  # 10 and 1: a digit dropped, or a fine year for a turun indicator
    assert loud(check(data)) == []


# ------------------------------------------------------------------ KIN024
def test_kin024_a_quarter_target_that_turns_back(check, data):
    _ra(data, "IKU1")["target_tw2"] = D("810")  # 80, 810, 82, 82,15: 81 with an extra zero
    findings = check(data)
    assert loud(findings) == [("KIN024", "Rencana Aksi!F5", "warning")]


def test_kin024_a_quarter_target_off_the_annual_scale(check, data):
    _ra(data, "IKU2")["target_tw1"] = D("2.5")  # 25, on the way to 90: 2,5 is below 90 / 10
    assert loud(check(data)) == [("KIN024", "Rencana Aksi!E6", "warning")]


@pytest.mark.parametrize("prefix, quarters", [("target_tw", ("5", "30", "60")), ("realisasi_tw", ("8", "40", "70"))])
def test_kin024_a_progress_curves_small_start_is_no_other_scale(check, data, prefix, quarters):
    """IKU2 (akhir, 90; TW IV actual 95): an S-curve starts small (red-team s89, s90). 5 is 18
    times below 90, but on the way 5, 30, 60; read as 50 it would turn back."""
    for q, v in zip((1, 2, 3), quarters):
        _ra(data, "IKU2")[f"{prefix}{q}"] = D(v)
    assert loud(check(data)) == []


def test_kin024_not_where_the_annual_target_is_the_slip(check, data):
    """IKU1's annual target typed 81,25 (the PK says 82,15: KIN014 there); TW III 82 is on the way
    to the PK's target, so no quarter is said to move away (red-team s07)."""
    _ra(data, "IKU1")["target_tahunan"] = D("81.25")
    assert [code for code, _, _ in loud(check(data))] == ["KIN014"]


def test_kin024_a_quarter_target_anywhere_on_the_way_is_fine(check, data):
    _ra(data, "IKU2")["target_tw2"] = D("40")  # 25, 40, 75, 90
    assert loud(check(data)) == []


# ------------------------------------------------------------------ KIN025, SKM031
def test_kin025_a_component_value_typed_over_its_formula(check, data):
    data["tables"]["pk_komponen"][0]["nilai"] = TypedOverride(D("80"))  # 9 / 10 = 90 %
    findings = check(data)
    assert [c for c in loud(findings) if c[0] != "FRM001"] == [("KIN025", "PK Komponen!F5", "error")]
    assert one(findings, "KIN025").expected == 90


def test_skm031_an_nrr_typed_over_its_formula(check, data):
    rows = unsur_rows(data["tables"])
    rows[2]["nrr"] = TypedOverride(D("3.45"))  # U3: 20 × 4 + 20 × 3 over 40 = 3,5
    data["tables"]["skm_unsur"] = rows
    findings = check(data)
    assert [c for c in loud(findings) if c[0] != "FRM001"] == [("SKM031", "SKM Hasil!F7", "error")]
    assert one(findings, "SKM031").expected == D("3.5")


def test_skm031_an_nrr_tertimbang_truncated(check, data):
    rows = unsur_rows(data["tables"])
    rows[0]["nrr_tertimbang"] = TypedOverride(D("0.38"))  # 3,5 / 9 = 0,3889
    data["tables"]["skm_unsur"] = rows
    findings = check(data)
    assert [c for c in loud(findings) if c[0] != "FRM001"] == [("SKM018", "SKM Hasil!G5", "warning")]


# ------------------------------------------------------------------ BUD022, BUD023, BUD024
def test_bud023_spending_above_the_quarterly_plan(check, data):
    row = data["tables"]["ra_kegiatan"][0]
    row.update(pagu_tw1=200_000_000, pagu_tw2=325_000_000)  # still 1.050.000.000 in all
    findings = check(data)
    assert loud(findings) == [("BUD023", "RA Kegiatan!H5", "warning")]
    assert (one(findings, "BUD023").expected, one(findings, "BUD023").found) == (200_000_000, 250_000_000)


def test_bud022_spending_that_does_not_add_up(check, data):
    data["tables"]["ra_kegiatan"][0]["realisasi_tw4"] = 250_000_001  # 3 × 250.000.000 + 250.000.001
    findings = check(data)
    assert loud(findings) == [("BUD022", "RA Kegiatan!K5", "error")]  # Realisasi!K6 says 1.000.000.000
    f = one(findings, "BUD022")
    assert (f.expected, f.found, f.params["cell"]) == (1_000_000_000, 1_000_000_001, "Realisasi!K6")


def test_bud024_a_murni_no_sum_confirms(check, data):
    for row in data["tables"]["realisasi"]:
        row["pagu_murni"] = None  # the Realisasi sheet has the revised budget only
    data["tables"]["pk_program"][1]["pagu_murni"] = 40_000_000  # 400.000.000, a zero dropped
    findings = check(data)
    # the perubahan is Σ its sub kegiatan (BUD006 holds): the murni is suspected
    assert loud(findings) == [("BUD024", "PK Program!C6", "warning")]
    assert one(findings, "BUD024").slip() == "dropped_digit"


# ------------------------------------------------------------------ SKM030
def test_skm030_population_below_the_respondents(check, data):
    data["forms"]["skm_info"]["populasi"] = 4  # 45, a digit dropped; 40 answered
    findings = check(data)
    assert loud(findings) == [("SKM030", "SKM!D5", "warning")]
    assert (one(findings, "SKM030").expected, one(findings, "SKM030").found) == (40, 4)


def test_skm030_a_population_typed_1_500_on_an_english_computer(check, data):
    data["forms"]["skm_info"]["populasi"] = 1.5  # "1.500" typed where a dot separates decimals
    findings = check(data)
    assert loud(findings) == [("SKM030", "SKM!D5", "warning")]
    assert (one(findings, "SKM030").expected, one(findings, "SKM030").found) == (40, D("1.5"))


# ------------------------------------------------------------------ VAL018–VAL020
def test_val015_a_year_out_of_range(check, data):
    data["forms"]["identitas"]["tahun"] = 224
    findings = check(data)
    assert loud(findings) == [("VAL018", "Identitas!B7", "error")]


def test_val016_a_renstra_period_of_forty_years(check, data):
    data["forms"]["identitas"]["renstra_akhir"] = 2062  # 2026
    assert loud(check(data)) == [("VAL019", "Identitas!B9", "error")]


def test_val016_the_renstra_period_one_year_longer_is_fine(check, data):
    data["forms"]["identitas"]["renstra_akhir"] = 2027
    assert loud(check(data)) == []


def test_val019_renstra_years_typed_the_other_way_round_are_one_slip(check, data):
    """2026–2021 for 2021–2026 (red-team s98): one error at the first year saying they look
    swapped; it was a blame 'with 2016 they all agree', which leaves 2024 outside 2016–2021."""
    data["forms"]["identitas"].update(renstra_awal=2026, renstra_akhir=2021)
    findings = check(data)
    assert loud(findings) == [("VAL019", "Identitas!B8", "error")]
    assert "tertukar" in findings[0].message("id") and "2016" not in findings[0].message("id")


@pytest.mark.parametrize("signed, finding", [(dt.date(2024, 1, 31), True), (dt.date(2024, 12, 30), False),
                                             (dt.date(2025, 3, 15), False), (dt.date(2025, 12, 15), True)])
def test_val020_the_report_is_signed_once_its_year_is_over(check, data, signed, finding):
    """The 2024 report signed 31 January 2024 is last year's date copied (red-team s34); from
    December 2024 to November 2025 it is signed in its time."""
    data["forms"]["identitas"]["tanggal"] = signed
    findings = check(data)
    assert loud(findings) == ([("VAL020", "Identitas!B16", "warning")] if finding else [])
    if finding:
        f = one(findings, "VAL020")
        day, month = signed.day, ("Januari", "Desember")[signed.month == 12]
        assert f.message("id") == (f"laporan ditandatangani {day} {month} {signed.year}: tidak sesuai dengan tahun "
                                   "laporan (1 Desember 2024 – 30 November 2025)")
        assert f.message("en").endswith("does not fit the report year (1 December 2024 – 30 November 2025)")


def test_val017_an_skm_period_of_another_year(check, data):
    data["forms"]["skm_info"]["periode"] = "Januari–Desember 2023"
    findings = check(data)
    # the report year is 2024 by the Renstra and the signing date (31 January 2025): the period is off
    assert loud(findings) == [("VAL020", "SKM!D4", "warning")]
    assert one(findings, "VAL020").expected == "2024"  # the report year itself, not "2024–2024"
    assert one(findings, "VAL020").message("id") == ("periode survei SKM Januari–Desember 2023: tidak sesuai dengan "
                                                     "tahun laporan (2024)")
