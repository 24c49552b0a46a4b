"""What offices type on the sheets beyond the PK, from a red-team run (LibreOffice edits of the
valid workbook): a grade written the way staff write it is no slip; a slip is reported at the
cell that holds it, with nothing said twice; a history row that says a value at another
precision agrees, one on another scale does not.

Each test starts from the valid workbook with its optional sheets filled (``_complete``: SAKIP
rows 5 (2022) and 6 (2023), a history row 5 for IKU1 2023), breaks one thing and asserts the
finding's code and cell. Tables start at row 5."""
from __future__ import annotations

from decimal import Decimal as D

import pytest
from helpers import codes_at
from test_rules_sheets_beyond_pk import _complete, _one

from lkjip_xl.checks.blame import CULPRIT_CODES
from lkjip_xl.i18n import Text
from lkjip_xl.template.writer import TypedOverride

SAKIP_CODES = ("SAK001", "SAK002", "KIN020", "KIN022", "BUD021")


def _sakip_2023(data: dict, **change) -> dict:
    """2023's SAKIP row (row 6) as 20,10 + 18,40 + 10,50 + 16,00 = 65 (B), then ``change``."""
    row = _complete(data)["tables"]["sakip_nilai"][1]
    row.update(perencanaan=D("20.10"), pengukuran=D("18.40"), pelaporan=D("10.50"), evaluasi=D(16), nilai=D(65),
               predikat="B")
    row.update(change)
    return data


def _sakip_findings(findings) -> dict:
    return {code: codes_at(findings, code) for code in SAKIP_CODES}


NONE = {code: [] for code in SAKIP_CODES}


# ------------------------------------------------------------------------------ SAK002: how a grade is written
@pytest.mark.parametrize("components, nilai, typed", [
    ((D("21.35"), D("20.13"), D("11.12"), D("18.05")), D("70.65"), "B B"),  # s27: BB with a space
    ((D("22.5"), D(21), D("11.25"), D("17.75")), D("72.5"), "BB (Sangat Baik)"),  # the code, its label in brackets
    ((D(23), D("21.5"), D(11), D(18)), D("73.5"), "Sangat Baik"),  # s28: the label alone
    ((D(23), D("21.5"), D(11), D(18)), D("73.5"), "sangat  baik"),
    ((D(20), D(18), D(10), D(7)), D(55), "Cukup"),  # CC's label "Cukup (Memadai)", the bracket left out
    ((D(20), D(18), D(10), D(7)), D(55), "CC (Cukup)"),
], ids=["spaced-code", "code-and-label", "label", "label-spacing", "label-main-part", "code-and-main-part"])
def test_sak002_accepts_the_grade_written_as_offices_write_it(check, data, components, nilai, typed):
    keys = ("perencanaan", "pengukuran", "pelaporan", "evaluasi")
    findings = check(_sakip_2023(data, **dict(zip(keys, components)), nilai=nilai, predikat=typed))
    assert _sakip_findings(findings) == NONE


@pytest.mark.parametrize("typed", ["Baik", "B (Sangat Baik)"], ids=["another-label", "label-of-another-code"])
def test_sak002_still_reports_a_grade_of_another_band(check, data, typed):
    # 22,5 + 21 + 11,25 + 17,75 = 72,5: BB (Sangat Baik); "Baik" is B's label
    findings = check(_sakip_2023(data, perencanaan=D("22.5"), pengukuran=D(21), pelaporan=D("11.25"),
                                 evaluasi=D("17.75"), nilai=D("72.5"), predikat=typed))
    assert codes_at(findings, "SAK002") == ["SAKIP!G6"]
    f = _one(findings, "SAK002")
    assert (f.expected, f.found) == ("BB", typed)


# ------------------------------------------------------------------------------ SAK001 at the cell that holds the slip
def test_a_score_typed_with_two_digits_swapped_is_said_at_the_score_only(check, data):
    """s28: score 56 for components adding up to 65, grade B (right for 65): SAK001 at the score;
    the grade is the components' and is not reported; no component is blamed (10,50 read as 1,50
    would give 56 too, but 1,50 is off the scale of 2022's 10)."""
    findings = check(_sakip_2023(data, nilai=D(56)))
    assert _sakip_findings(findings) == {**NONE, "SAK001": ["SAKIP!F6"]}
    f = _one(findings, "SAK001")
    assert (f.severity, f.expected, f.found, f.slip()) == ("error", D("65.00"), 56, "transposition")


def test_a_grade_of_neither_the_score_nor_the_components_is_still_reported(check, data):
    findings = check(_sakip_2023(data, nilai=D(56), predikat="A"))  # 56 is CC, 65 is B
    assert codes_at(findings, "SAK002") == ["SAKIP!G6"]
    assert _one(findings, "SAK002").expected == "CC"


def test_a_component_on_another_scale_is_named_at_its_cell(check, data):
    """s65: perencanaan 2,01 for 20,10 (the comma moved): the components add up to 46,91 for a
    score of 65. Reported at the component, with 20,10 that makes them agree; SAK001 is a note."""
    findings = check(_sakip_2023(data, perencanaan=D("2.01")))
    culprit = CULPRIT_CODES.get("SAK", "BUD021")
    assert codes_at(findings, culprit) == ["SAKIP!B6"]
    f = _one(findings, culprit)
    assert (f.severity, f.expected, f.found, f.slip()) == ("error", D("20.10"), D("2.01"), "dropped_digit")
    note = _one(findings, "SAK001")
    assert (note.cell, note.severity, note.params["cause"]) == ("F6", "info", "SAKIP!B6")
    assert codes_at(findings, "SAK002") == codes_at(findings, "KIN022") == []


def test_a_component_on_another_scale_with_a_score_typed_to_match(check, data):
    """2,01 + 18,40 + 10,50 + 16,00 = 46,91 typed as the score with its grade C: everything adds
    up, but perencanaan is 9 times below 2022's 19 and 2021's 18 (row 7): KIN022 there, against
    their median 18,5. With 2022 alone either year may be the slip: nothing is said."""
    _sakip_2023(data, perencanaan=D("2.01"), nilai=D("46.91"), predikat="C")
    assert _sakip_findings(check(data)) == NONE
    data["tables"]["sakip_nilai"].append({"tahun": 2021, "perencanaan": D(18), "pengukuran": D(17),
                                          "pelaporan": D(10), "evaluasi": D(16), "nilai": D(61), "predikat": "B"})
    findings = check(data)
    assert _sakip_findings(findings) == {**NONE, "KIN022": ["SAKIP!B6"]}
    f = _one(findings, "KIN022")
    assert (f.severity, f.expected, f.found) == ("warning", Text("18,50", "18.50"), D("2.01"))


# ------------------------------------------------------------------------------ SAK003: "-" is no follow-up
@pytest.mark.parametrize("nil", ["-", " - ", "–"])
def test_sak003_a_follow_up_typed_as_a_dash_is_none(check, data, nil):
    _complete(data)["tables"]["sakip_rekomendasi"][1]["tindak_lanjut"] = nil  # 2023, row 6
    findings = check(data)
    assert codes_at(findings, "SAK003") == ["SAKIP Rekomendasi!D6"]
    assert codes_at(findings, "SAK005") == []


# ------------------------------------------------------------------------------ Riwayat Indikator
def _history(data: dict, *rows: tuple) -> dict:
    """History rows (code, year, target, realisasi) after IKU1 2023 (row 5): rows 6, 7, ..."""
    _complete(data)["tables"]["riwayat_indikator"] += [
        {"kode_indikator": c, "tahun": y, "target": t, "realisasi": r} for c, y, t, r in rows]
    return data


def test_ind004_a_history_value_at_a_coarser_precision_agrees(check, data):
    # s22: PK says 86,94 for 2024; the history 86,9 (86,94 rounded to one decimal)
    findings = check(_history(data, ("IKU1", 2024, D("82.15"), D("86.9"))))
    assert codes_at(findings, "IND004") == []


@pytest.mark.parametrize("typed", [D("86.8"), D("86.95"), D(87)], ids=["other-decimal", "same-places", "rounded-up"])
def test_ind004_a_history_value_that_is_no_rounding_of_the_pk_is_reported(check, data, typed):
    # 86,94 rounds to 86,9 and 87; 86,8 and 86,95 are other values ... and 87 is 86,94 rounded: no finding
    findings = check(_history(data, ("IKU1", 2024, D("82.15"), typed)))
    assert codes_at(findings, "IND004") == ([] if typed == 87 else ["Riwayat Indikator!D6"])


def test_ind004_a_code_typed_in_lower_case_is_the_pk_indicator(check, data):
    # s21: iku1 2024 with 68,94 (two digits swapped from 86,94): the PK's IKU1, and it disagrees
    findings = check(_history(data, ("iku1", 2024, D("82.15"), D("68.94"))))
    assert codes_at(findings, "IND003") == []
    assert codes_at(findings, "IND004") == ["Riwayat Indikator!D6"]
    f = _one(findings, "IND004")
    assert (f.expected, f.found) == (D("86.94"), D("68.94"))


def test_kin022_a_history_value_on_another_scale(check, data):
    """s25: IKU1 2022 realisasi 835 (83,5 with its comma lost). IKU1's other values: PK target
    82,15, realisasi 86,94, last year 85,10; history 2023 81 and 85,10, 2022's target 80: their
    median is (82,15 + 85,10) / 2 = 83,625."""
    findings = check(_history(data, ("IKU1", 2022, D(80), D(835))))
    assert codes_at(findings, "KIN022") == ["Riwayat Indikator!D6"]
    f = _one(findings, "KIN022")
    assert (f.severity, f.expected, f.found) == ("warning", Text("83,63", "83.63"), D(835))
    assert f.message("en").startswith("realisasi 2022 835 is not on the scale")


def test_kin022_not_for_a_turun_indicator_far_below(check, data):
    # IKU3 (turun, PK 10 and 8): 2022's realisasi 1 is good news; its target 100 is another scale
    findings = check(_history(data, ("IKU3", 2022, D(100), D(1))))
    assert codes_at(findings, "KIN022") == ["Riwayat Indikator!C6"]


def test_val008_a_code_and_year_given_twice(check, data):
    # s25: a second IKU1 2023 row (row 6, 81 / 84): which one is printed? Its 84 also differs from PK's 85,10
    findings = check(_history(data, ("IKU1", 2023, D(81), D(84))))
    assert codes_at(findings, "VAL008") == ["Riwayat Indikator!A6"]
    f = _one(findings, "VAL008")
    assert (f.severity, f.found, f.params["other"]) == ("error", "IKU1 2023", "A5")
    assert codes_at(findings, "IND004") == ["Riwayat Indikator!D6"]


# ------------------------------------------------------------------------------ Rincian Komponen letters
@pytest.mark.parametrize("a, b", [("a.", "a)"), ("(a)", "A"), ("a. Kantor", "a: Drainase")])
def test_ind002_a_letter_written_with_a_dot_or_bracket_is_the_component(check, data, a, b):
    rows = _complete(data)["tables"]["pk_komponen_rincian"]
    rows[0]["komponen"], rows[1]["komponen"] = a, b  # 6 + 4 = 10, component a's penyebut
    findings = check(data)
    assert codes_at(findings, "IND002") == codes_at(findings, "IND001") == []


def test_ind001_pk_labels_with_a_dot_are_matched_and_the_breakdown_checked(check, data):
    # s80: PK Komponen labels "a. sarana ..."; Rincian a = 6 + 6 = 12 for a penyebut of 10
    _complete(data)
    for row in data["tables"]["pk_komponen"]:
        row["komponen"] = row["komponen"].replace(":", ".", 1)
    data["tables"]["pk_komponen_rincian"][1]["jumlah"] = D(6)
    findings = check(data)
    assert codes_at(findings, "IND002") == []
    assert codes_at(findings, "IND001") == ["PK Komponen!D5"]
    f = _one(findings, "IND001")
    assert (f.expected, f.found, f.params["komponen"]) == (10, 12, "IKU2 a")


# ------------------------------------------------------------------------------ Indikator Program
def test_kin001_a_capaian_typed_over_the_indikator_program_formula(check, data):
    # s38: 9 of 10 kelurahan is 90 %, typed 80 (row 7)
    _complete(data)["tables"]["indikator_program"].append(
        {"kode": "03", "indikator": "Jumlah kelurahan berdaya", "satuan": "Kelurahan", "target": D(10),
         "realisasi": D(9), "capaian": TypedOverride(D(80))})
    findings = check(data)
    assert codes_at(findings, "KIN001") == ["Indikator Program!G7"]
    f = _one(findings, "KIN001")
    assert (f.expected, f.found) == (90, 80)
    assert [x.severity for x in findings if x.code == "FRM001"] == ["info"]  # the slip counted once


def test_kin021_an_implausible_indikator_program_capaian(check, data):
    # s38: realisasi 8,5 against a target of 80: 10,625 %
    _complete(data)["tables"]["indikator_program"].append(
        {"kode": "03", "indikator": "Indeks kepuasan layanan", "satuan": "Indeks", "target": D(80),
         "realisasi": D("8.5")})
    findings = check(data)
    assert codes_at(findings, "KIN021") == ["Indikator Program!G7"]
    assert _one(findings, "KIN021").found == D("10.625")
