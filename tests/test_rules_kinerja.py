"""Kinerja rules (lkjip_xl/checks/kinerja.py): each test breaks one thing of the valid workbook
and asserts the code and the exact cell.

PK sheet: indicators from row 5 (IKU1 row 5 .. IKU4 row 8); columns H target, I target predikat,
J realisasi, K capaian, L kriteria, M realisasi tahun lalu, P kode program; components from Y5.
Realisasi sheet: rows from 5, H capaian keluaran, K realisasi (Rp).
"""
import copy
from decimal import Decimal as D

import pytest

from helpers import cell_of, codes_at, errors
from test_libreoffice_edit import edit_in_libreoffice, pytestmark as needs_libreoffice
from valid_workbook import valid_data
from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.i18n import Text
from lkjip_xl.template.writer import TypedOverride

KIN_CODES = {f"KIN{n:03d}" for n in range(1, 19)} - {"KIN008", "KIN009", "KIN014", "KIN018"}


def pk(data, kode):
    return next(r for r in data["tables"]["pk_indikator"] if r["kode_indikator"] == kode)


def test_valid_workbook_gives_no_kinerja_finding(check, data):
    assert [f for f in check(data) if f.code in KIN_CODES] == []


# ---------------------------------------------------------------- capaian (KIN001, KIN002)
def test_typed_capaian_wrong(check, data):
    pk(data, "IKU1")["capaian"] = TypedOverride(D("96"))  # 86,94 / 82,15 = 105,83
    findings = check(data)
    assert codes_at(findings, "KIN001") == ["PK!K5"]
    f = next(f for f in findings if f.code == "KIN001")
    assert f.params["formula"] == "R/T × 100"
    assert f.found == D("96") and abs(f.expected - D("105.8308")) < D("0.0001")


def test_typed_capaian_turun_names_the_formula(check, data):
    pk(data, "IKU3")["capaian"] = TypedOverride(D("125"))  # T/R gives 125; the workbook uses (2T-R)/T = 120
    findings = check(data)
    assert codes_at(findings, "KIN001") == ["PK!K7"]
    assert next(f for f in findings if f.code == "KIN001").params["formula"] == "(2T−R)/T × 100"


def test_turun_formula_setting_is_used(check, data):
    data["forms"]["identitas"]["rumus_turun"] = "T/R"
    pk(data, "IKU3")["capaian"] = TypedOverride(D("125"))
    assert codes_at(check(data), "KIN001") == []


def test_typed_capaian_rounded_half_up_is_accepted(check, data):
    pk(data, "IKU1")["capaian"] = TypedOverride(D("105.83"))
    findings = check(data)
    assert codes_at(findings, "KIN001") == [] and codes_at(findings, "KIN002") == []
    assert codes_at(findings, "FRM001") == ["PK!K5"]  # the overwritten formula is still reported


def test_typed_capaian_truncated_is_a_warning(check, data):  # the one typed-value policy (issue 9)
    pk(data, "IKU1")["capaian"] = TypedOverride(D("105"))  # 105,83 cut, not rounded (106)
    findings = check(data)
    assert codes_at(findings, "KIN002") == ["PK!K5"]
    assert codes_at(findings, "KIN001") == []
    assert next(f for f in findings if f.code == "KIN002").severity == "warning"


def test_truncation_chosen_on_identitas_is_not_reported(check, data):
    data["forms"]["identitas"]["pembulatan"] = "pemotongan"
    pk(data, "IKU1")["capaian"] = TypedOverride(D("105"))
    assert codes_at(check(data), "KIN002") == []


# ---------------------------------------------------------------- kriteria, predikat (KIN003, KIN004)
def test_typed_kriteria_wrong(check, data):
    pk(data, "IKU1")["kriteria"] = TypedOverride("Tinggi")  # capaian 105,83 is Sangat Tinggi
    findings = check(data)
    assert codes_at(findings, "KIN003") == ["PK!L5"]
    f = next(f for f in findings if f.code == "KIN003")
    assert f.expected == "Sangat Tinggi" and f.params["scale"] == "Permendagri 86/2017"


def test_typed_kriteria_right_in_other_case_is_accepted(check, data):
    pk(data, "IKU1")["kriteria"] = TypedOverride("sangat tinggi")
    assert codes_at(check(data), "KIN003") == []


def test_skm_letter_does_not_match_number(check, data):
    pk(data, "IKU1")["target_predikat"] = "A"  # 82,15 is B (76,61–88,30)
    findings = check(data)
    assert codes_at(findings, "KIN004") == ["PK!I5"]
    f = next(f for f in findings if f.code == "KIN004")
    assert (f.expected, f.found, f.params["number"]) == ("B", "A", Text("82,15", "82.15"))


def test_sakip_letter_does_not_match_number(check, data):
    data["tables"]["pk_indikator"].append({
        "no": "3", "sasaran": "Meningkatnya akuntabilitas kinerja", "kode_indikator": "IKU5",
        "indikator": "Nilai SAKIP Kecamatan", "satuan": "Nilai", "arah": "naik", "jenis": "predikat",
        "target": D("70"), "target_predikat": "BB", "realisasi": D("71"), "kode_program": "01"})
    findings = check(data)
    assert codes_at(findings, "KIN004") == ["PK!I9"]  # 70 is B (60 < x ≤ 70), not BB
    assert next(f for f in findings if f.code == "KIN004").expected == "B"
    assert errors(findings) == [f for f in findings if f.code == "KIN004"]


# ---------------------------------------------------------------- targets and actuals (KIN005–KIN007)
def test_letter_only_target(check, data):
    """A target given as its letter alone (B) is a warning that no numeric capaian can be had
    (domain.md §3.1: "warn"), not also a required target left blank (VAL005, an error)."""
    pk(data, "IKU1")["target"] = None
    findings = check(data)
    assert codes_at(findings, "KIN005") == ["PK!I5"]
    assert codes_at(findings, "VAL005") == []


def test_a_target_with_neither_number_nor_letter_is_required(check, data):
    pk(data, "IKU1")["target"] = pk(data, "IKU1")["target_predikat"] = None
    findings = check(data)
    assert codes_at(findings, "VAL005") == ["PK!H5"] and codes_at(findings, "KIN005") == []


def test_target_zero(check, data):
    pk(data, "IKU4")["target"] = D("0")
    assert codes_at(check(data), "KIN006") == ["PK!H8"]


def test_realisasi_blank(check, data):
    pk(data, "IKU4")["realisasi"] = None
    findings = check(data)
    assert codes_at(findings, "KIN007") == ["PK!J8"]
    f = next(f for f in findings if f.code == "KIN007")
    assert f.severity == "warning" and "Jumlah dokumen perencanaan" in f.message("en")


def test_realisasi_typed_as_text_is_left_to_the_reader(check, data):
    pk(data, "IKU4")["realisasi"] = "empat"
    findings = check(data)
    assert codes_at(findings, "VAL013") == ["PK!J8"]
    assert codes_at(findings, "KIN007") == []


# ---------------------------------------------------------------- IKM, composite, last year
def test_ikm_realisasi_differs_from_skm(check, data):
    pk(data, "IKU1")["realisasi"] = D("86.5")  # SKM answers give 86,94
    findings = check(data)
    assert codes_at(findings, "KIN011") == ["PK!J5"]
    assert next(f for f in findings if f.code == "KIN011").expected == D("86.94")


def test_ikm_at_a_coarser_precision_is_accepted(check, data):
    pk(data, "IKU1")["realisasi"] = D("86.9")  # 86,94 at one decimal
    assert codes_at(check(data), "KIN011") == []


def test_composite_realisasi_wrong(check, data):
    pk(data, "IKU2")["realisasi"] = D("96")  # (9/10 + 7/7) / 2 = 95
    findings = check(data)
    assert codes_at(findings, "KIN013") == ["PK!J6"]
    f = next(f for f in findings if f.code == "KIN013")
    assert (f.expected, f.params["n"]) == (D("95"), 2)


@pytest.mark.parametrize("typed, reported", [(D("96"), True), (D("95.45"), False), (D("95"), False)])
def test_composite_double_rounding_medan_amplas(check, data, typed, reported):
    data["tables"]["pk_komponen"][0].update(pembilang=D("10"), penyebut=D("11"))  # (90,909 + 100) / 2
    pk(data, "IKU2")["realisasi"] = typed
    assert codes_at(check(data), "KIN013") == (["PK!J6"] if reported else [])


def last_years(data):
    prev = copy.deepcopy(data)
    prev["forms"]["identitas"]["tahun"] = data["forms"]["identitas"]["tahun"] - 1
    return prev


def test_last_year_realisasi_differs(check, data):
    prev = last_years(data)
    pk(prev, "IKU1")["realisasi"] = D("84.20")  # this year's PK says last year was 85,10
    pk(prev, "IKU1")["realisasi_lalu"] = D("83.00")  # not 85,10: that would be the column not shifted (KIN032)
    findings = check(data, prev=prev)
    assert codes_at(findings, "KIN012") == ["PK!M5"]
    assert next(f for f in findings if f.code == "KIN012").expected == D("84.2")


def test_last_year_realisasi_matches(check, data):
    prev = last_years(data)
    pk(prev, "IKU1")["realisasi"] = D("85.1")
    assert codes_at(check(data, prev=prev), "KIN012") == []


# ---------------------------------------------------------------- links (KIN015, KIN016)
def test_component_of_unknown_indicator(check, data):
    data["tables"]["pk_komponen"].append({"kode_indikator": "IKU9", "komponen": "c: lain", "pembilang": D("1"),
                                          "penyebut": D("2"), "satuan": "Unit"})
    assert codes_at(check(data), "KIN015") == [cell_of("pk_komponen", "kode_indikator", 2)]


def test_rencana_aksi_row_of_unknown_indicator(check, data):
    data["tables"]["ra_indikator"][3]["kode_indikator"] = "IKU9"
    assert codes_at(check(data), "KIN015") == ["Rencana Aksi!A8"]


def test_unknown_programme_code(check, data):
    pk(data, "IKU4")["kode_program"] = "01; 07"
    findings = check(data)
    assert codes_at(findings, "KIN016") == ["PK!P8"]
    assert next(f for f in findings if f.code == "KIN016").found == "07"


def test_programme_codes_split_on_semicolons(check, data):
    pk(data, "IKU1")["kode_program"] = "01;02"
    assert codes_at(check(data), "KIN016") == []


# ---------------------------------------------------------------- Realisasi sheet (KIN010, KIN017)
def test_output_achievement_wrong(check, data):
    data["tables"]["realisasi"][9]["persen_keluaran"] = TypedOverride(D("100"))  # 9 of 10 unit = 90
    findings = check(data)
    assert codes_at(findings, "KIN010") == ["Realisasi!H14"]
    f = next(f for f in findings if f.code == "KIN010")
    assert f.params["detail"].id == "9 / 10" and f.expected == D("90")


def test_output_achievement_typed_right_is_accepted(check, data):
    data["tables"]["realisasi"][9]["persen_keluaran"] = TypedOverride(D("90"))
    findings = check(data)
    assert codes_at(findings, "KIN010") == [] and codes_at(findings, "KIN002") == []


def test_programme_without_spending_and_output(check, data):
    for row in data["tables"]["realisasi"][4:7]:  # programme 02, its kegiatan and sub kegiatan
        row["realisasi"] = 0
    data["tables"]["realisasi"][6]["realisasi_keluaran"] = D("0")
    findings = check(data)
    assert codes_at(findings, "KIN017") == ["Realisasi!K9"]
    assert next(f for f in findings if f.code == "KIN017").severity == "warning"


# ---------------------------------------------------------------- the Medan Amplas 2023 sample
@pytest.fixture(scope="module")
def sample_findings():
    from conftest import SAMPLE_2023

    return check_workbook(SAMPLE_2023).findings


def test_sample_composite_double_rounding(sample_findings):
    f = next(f for f in sample_findings if f.code == "KIN013")
    assert (f"{f.sheet}!{f.cell}", f.found) == ("PK!J6", D("96"))
    assert abs(f.expected - D("95.4545")) < D("0.0001")


def test_sample_output_achievements(sample_findings):
    # 10 of 8 paket printed 100 (Penyediaan Peralatan Rumah Tangga); 7 of 7 printed 106 (Pembinaan
    # Persatuan dan Kesatuan Bangsa: the heading's 106 is a printed mistake too)
    assert codes_at(sample_findings, "KIN010") == ["Realisasi!H13", "Realisasi!H43"]
    f = next(f for f in sample_findings if f.code == "KIN010")
    assert (f.expected, f.found, f.params["detail"].id) == (D("125"), D("100"), "10 / 8")
    # 93 of 79 unit printed 117: 117,72 truncated (Pengadaan Peralatan dan Mesin Lainnya)
    assert codes_at(sample_findings, "KIN002") == ["Realisasi!H18"]
    assert next(f for f in sample_findings if f.code == "KIN002").severity == "warning"


def test_sample_has_no_false_kinerja_error(sample_findings):
    mine = [f"{f.code} {f.sheet}!{f.cell}" for f in errors(sample_findings) if f.code.startswith("KIN")]
    assert mine == ["KIN013 PK!J6", "KIN010 Realisasi!H13", "KIN010 Realisasi!H43"]
    assert codes_at(sample_findings, "KIN011") == []  # 86,9 typed for the SKM sheet's 86,89


def test_a_component_with_penyebut_zero_cannot_be_computed(check, data):
    data["tables"]["pk_komponen"][1]["penyebut"] = D("0")  # b: 7 of 0 pokmas
    findings = check(data)
    assert codes_at(findings, "KIN019") == [cell_of("pk_komponen", "penyebut", 1)]
    assert codes_at(findings, "KIN013") == []  # not compared: it is said why instead
    assert next(f for f in findings if f.code == "KIN019").params["kode"] == "IKU2"


@pytest.mark.parametrize("name", ["pembilang", "penyebut"])
def test_a_component_left_blank_is_said_not_skipped(check, data, name):
    data["tables"]["pk_komponen"][1][name] = None  # b: pokmas, emptied; the PK still says 95
    findings = check(data)
    assert codes_at(findings, "KIN026") == [cell_of("pk_komponen", name, 1)]
    assert next(f for f in findings if f.code == "KIN026").severity == "warning"
    assert codes_at(findings, "KIN013") == []  # nothing to compare with: the blank is what is said


def test_components_all_filled_say_nothing_blank(check, data):
    assert codes_at(check(data), "KIN026") == []


# ------------------------------------------------------------------ history against the PK (IND004)
def _with_history(data, changes=None):
    """Riwayat Indikator rows 5..7 (A kode, B tahun, C target, D realisasi) for IKU1, which the PK
    gives as target 82,15, realisasi 86,94 and last year's realisasi 85,10 (year 2024)."""
    rows = [{"kode_indikator": "IKU1", "tahun": 2022, "target": D("80"), "realisasi": D("84.30")},
            {"kode_indikator": "IKU1", "tahun": 2023, "target": D("81"), "realisasi": D("85.10")},
            {"kode_indikator": "IKU1", "tahun": 2024, "target": D("82.15"), "realisasi": D("86.94")}]
    for (year, key), value in (changes or {}).items():
        next(r for r in rows if r["tahun"] == year)[key] = value
    data["tables"]["riwayat_indikator"] = rows
    return data


def test_history_that_repeats_the_pk_gives_no_finding(check, data):
    assert codes_at(check(_with_history(data)), "IND004") == []


@pytest.mark.parametrize("year, key, cell", [(2024, "target", "C7"), (2024, "realisasi", "D7"), (2023, "realisasi", "D6")])
def test_ind004_history_differs_from_the_pk(check, data, year, key, cell):
    findings = check(_with_history(data, {(year, key): D("79.5")}))
    assert codes_at(findings, "IND004") == [f"Riwayat Indikator!{cell}"]
    f = next(f for f in findings if f.code == "IND004")
    expected = {(2024, "target"): D("82.15"), (2024, "realisasi"): D("86.94"), (2023, "realisasi"): D("85.10")}
    assert (f.expected, f.found, f.params["tahun"]) == (expected[(year, key)], D("79.5"), year)


def test_kin032_last_years_actual_not_shifted_is_said_at_the_pk(check, data):
    """Last year's file copied: PK's Realisasi Tahun Lalu of IKU1 still says 84,30, the history's
    2022, while the history's 2023 is 85,10. The PK's cell is the one to change (M5), not the
    history's row the office typed this year."""
    data = _with_history(data)
    data["tables"]["pk_indikator"][0]["realisasi_lalu"] = D("84.30")
    findings = check(data)
    assert codes_at(findings, "IND004") == []
    assert codes_at(findings, "KIN032") == [cell_of("pk_indikator", "realisasi_lalu", 0)]
    f = next(f for f in findings if f.code == "KIN032")
    assert (f.severity, f.expected, f.found) == ("error", D("85.10"), D("84.30"))
    assert "Riwayat Indikator!D5" in f.message("id") and "Riwayat Indikator!D6" in f.message("en")


def test_an_older_years_history_is_not_compared(check, data):
    assert codes_at(check(_with_history(data, {(2022, "realisasi"): D("1")})), "IND004") == []


def test_ind004_a_history_realisasi_that_is_its_own_row_s_target_says_so(check, data):
    """2024's realisasi on the history typed as the row's own target (82,15): IND004 said only
    'on the PK sheet 86,94'."""
    f = next(f for f in check(_with_history(data, {(2024, "realisasi"): D("82.15")})) if f.code == "IND004")
    assert (f.sheet, f.cell, f.severity, f.expected, f.found) == ("Riwayat Indikator", "D7", "error", D("86.94"),
                                                                  D("82.15"))
    assert f.message("en").endswith("on the PK sheet 86.94: the same as this row's target (C7): the target copied "
                                    "into the actual column?")
    other = next(f for f in check(_with_history(data, {(2024, "realisasi"): D("79.5")})) if f.code == "IND004")
    assert other.message("en").endswith("on the PK sheet 86.94")


@needs_libreoffice
def test_ind006_the_year_before_deleted_from_the_history_is_said(tmp_path, write, data):
    """The 2023 row of IKU1 deleted on Riwayat Indikator in Calc (rows 2022, 2024 left): nothing
    was said, and the annex's comparison table dropped 2023 in silence."""
    edited = edit_in_libreoffice(write(_with_history(data)), [["delete", "Riwayat Indikator", 6]], tmp_path)
    findings = [f for f in check_workbook(edited).findings if f.code == "IND006"]
    assert [(f.sheet, f.cell, f.severity, f.expected, f.found) for f in findings] == [
        ("Riwayat Indikator", "A5", "warning", "2023", "2022, 2024")]
    assert "last year's actual on the PK sheet: 85.1" in findings[0].message("en")


def test_ind006_a_history_of_this_year_only_or_with_last_year_s_workbook_is_no_gap(check, data):
    data = _with_history(data)
    data["tables"]["riwayat_indikator"] = data["tables"]["riwayat_indikator"][2:]  # 2024 only
    assert codes_at(check(data), "IND006") == []
    data = _with_history(valid_data())
    del data["tables"]["riwayat_indikator"][1]  # 2022 and 2024: 2023 comes from last year's workbook
    prev = valid_data()
    prev["forms"]["identitas"]["tahun"] = 2023
    assert codes_at(check(data, prev), "IND006") == []
