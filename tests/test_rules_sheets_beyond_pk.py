"""Codes that had no test before: STR003 (a column header retitled at its usual place,
the column read by position), IND002, IND003 and IND005 (the sheets Rumusan Indikator, Rincian
Komponen, Riwayat Indikator, Indikator Program and Sumber Dana against the PK and Realisasi sheets)
and SAK002 (its message), SAK003, SAK004 and SAK005 (the sheets SAKIP and SAKIP Rekomendasi).

Each test starts from the valid workbook, with its optional sheets filled in agreement with it
(``_complete``), breaks one thing and asserts the finding's code and cell. Every table starts at
row 5 (header row 4), so a table's row ``i`` is sheet row ``5 + i``.
"""
from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest
from helpers import codes_at
from xlsx_rewrite import REALISASI, rewrite_part, set_cell, style_of

from lkjip_xl.checks.engine import check_workbook

CODES = ("STR003", "IND002", "IND003", "IND005", "SAK003", "SAK004", "SAK005")


def _complete(data: dict) -> dict:
    """The valid data with the optional sheets filled so that they agree with the rest."""
    t = data["tables"]
    # a formula for each of the PK's four indicators (IKU1..IKU4): rows 5..8
    t["pk_rumusan"] = [{"kode_indikator": f"IKU{n}", "rumusan": f"Rumus IKU{n}"} for n in range(1, 5)]
    # IKU2's components as the PK Komponen sheet declares them: a (penyebut 10) = 6 + 4, b (7) = 7.
    # Matched by the letter before ':' ("a" is "a: sarana prasarana ..."): rows 5..7
    t["pk_komponen_rincian"] = [
        {"kode_indikator": "IKU2", "komponen": "a", "uraian": "Kantor lurah", "jumlah": D(6), "satuan": "Unit"},
        {"kode_indikator": "IKU2", "komponen": "a", "uraian": "Drainase", "jumlah": D(4), "satuan": "Unit"},
        {"kode_indikator": "IKU2", "komponen": "b: pokmas", "uraian": "Pokmas", "jumlah": D(7), "satuan": "Pokmas"},
    ]
    # IKU1 in 2023: the PK's Realisasi Tahun Lalu is 85,10 (row 5)
    t["riwayat_indikator"] = [{"kode_indikator": "IKU1", "tahun": 2023, "target": D(81), "realisasi": D("85.10")}]
    # a programme and a kegiatan of the Realisasi sheet: rows 5, 6
    t["indikator_program"] = [
        {"kode": "01", "indikator": "Nilai SAKIP", "satuan": "Nilai", "target": D(70), "realisasi": D(70)},
        {"kode": "02.01", "indikator": "Laporan koordinasi", "satuan": "Dokumen", "target": D(12),
         "realisasi": D(12)},
    ]
    # the PK Program sheet's programmes 01, 02 and 03: rows 5, 6
    t["sumber_dana"] = [{"kode": "01, 02", "sumber_dana": "DAU"}, {"kode": "03", "sumber_dana": "DBH"}]
    # 19 + 17 + 10 + 15 = 61 and 20 + 18 + 10 + 17 = 65, both B (> 60-70): rows 5, 6
    t["sakip_nilai"] = [
        {"tahun": 2022, "perencanaan": D(19), "pengukuran": D(17), "pelaporan": D(10), "evaluasi": D(15),
         "nilai": D(61), "predikat": "B"},
        {"tahun": 2023, "perencanaan": D(20), "pengukuran": D(18), "pelaporan": D(10), "evaluasi": D(17),
         "nilai": D(65), "predikat": "B"},
    ]
    # 2022's recommendation is older than the latest evaluation (2023): it needs no follow-up. Rows 5, 6
    t["sakip_rekomendasi"] = [
        {"tahun": 2022, "kelemahan": "Cascading kinerja belum ada", "rekomendasi": "Menyusun pohon kinerja"},
        {"tahun": 2023, "kelemahan": "IKU belum dipantau", "rekomendasi": "Memantau capaian IKU",
         "tindak_lanjut": "Menyajikan data monitoring capaian IKU", "waktu": "Maret 2024"},
    ]
    return data


def _one(findings, code: str):
    """The single finding of ``code``."""
    found = [f for f in findings if f.code == code]
    assert len(found) == 1, [(f.code, f.sheet, f.cell) for f in findings]
    return found[0]


# ------------------------------------------------------------------------------ none on valid data
@pytest.mark.parametrize("complete", [False, True], ids=["as-given", "optional-sheets-filled"])
def test_the_valid_workbook_has_none_of_these_findings(check, data, complete):
    """As given the optional sheets are empty (so IND005 is not asked: no formula given at all);
    filled by ``_complete`` they agree with the rest."""
    findings = check(_complete(data) if complete else data)
    assert {code: codes_at(findings, code) for code in CODES} == {code: [] for code in CODES}


# ------------------------------------------------------------------------------ STR003
def _retitle(src: Path, ref: str, text: str) -> Path:
    """A copy of the workbook whose Realisasi cell ``ref`` holds ``text`` (its style kept); the
    rest of the file byte for byte, cached formula values included."""
    def edit(xml: bytes) -> bytes:
        cell = f'<c r="{ref}" s="{style_of(xml, ref)}" t="inlineStr"><is><t>{text}</t></is></c>'
        return set_cell(xml, ref, cell)

    return rewrite_part(src, src.with_name(f"{src.stem}_{ref}.xlsx"), REALISASI, edit)


def test_str003_a_retitled_header_is_said_and_its_column_read_by_position(data, write):
    # Realisasi's column I is "Pagu Murni (Rp)" (header row 4); "Anggaran" is no spelling of any column
    result = check_workbook(_retitle(write(data), "I4", "Anggaran"))
    assert codes_at(result.findings, "STR003") == ["Realisasi!I4"]
    f = _one(result.findings, "STR003")
    assert (f.severity, f.expected, f.found) == ("warning", "Pagu Murni (Rp)", "Anggaran")
    assert [x.code for x in result.findings] == ["STR003"]  # no STR002/STR006: the column is kept
    real = result.context.model.table("realisasi")
    murni = [r["pagu_murni"] for r in data["tables"]["realisasi"]]  # 1.000.000.000, 1.000.000.000, 800.000.000, ...
    assert [real.get("pagu_murni", i) for i in range(len(real))] == murni


# ------------------------------------------------------------------------------ IND002
def test_ind002_a_breakdown_of_a_component_the_pk_does_not_declare(check, data):
    # IKU2 declares components a and b only; two rows for c (rows 8, 9), its letter in either case
    _complete(data)["tables"]["pk_komponen_rincian"] += [
        {"kode_indikator": "IKU2", "komponen": "c: posyandu aktif", "uraian": "Posyandu", "jumlah": D(3)},
        {"kode_indikator": "IKU2", "komponen": "C", "uraian": "Posbindu", "jumlah": D(2)},
    ]
    findings = check(data)
    assert codes_at(findings, "IND002") == ["Rincian Komponen!B8"]  # once, at the component's first row
    f = _one(findings, "IND002")
    assert (f.severity, f.found) == ("warning", "IKU2 c")
    assert codes_at(findings, "IND001") == []  # no stated total to compare with


# ------------------------------------------------------------------------------ IND003
@pytest.mark.parametrize("table, index, key, value, cell, found, where", [
    ("pk_rumusan", 3, "kode_indikator", "IKU9", "Rumusan Indikator!A8", "IKU9", "the PK sheet (indicator codes)"),
    ("pk_komponen_rincian", 2, "kode_indikator", "IKU9", "Rincian Komponen!A7", "IKU9",
     "the PK sheet (indicator codes)"),
    ("riwayat_indikator", 0, "kode_indikator", "IKU9", "Riwayat Indikator!A5", "IKU9",
     "the PK sheet (indicator codes)"),
    ("indikator_program", 1, "kode", "02.09", "Indikator Program!A6", "02.09", "the Realisasi sheet"),
    ("sumber_dana", 0, "kode", "01, 04", "Sumber Dana!A5", "04", "the PK sheet's programme table"),
], ids=["rumusan", "rincian", "riwayat", "indikator-program", "sumber-dana"])
def test_ind003_a_code_that_names_nothing(check, data, table, index, key, value, cell, found, where):
    _complete(data)["tables"][table][index][key] = value
    findings = check(data)
    assert codes_at(findings, "IND003") == [cell]
    f = _one(findings, "IND003")
    assert (f.severity, f.found) == ("warning", found)
    assert f.message("en") == f"code {found} is not on {where}"


# ------------------------------------------------------------------------------ IND005
def test_ind005_an_indicator_without_a_formula_once_formulas_are_given(check, data):
    del _complete(data)["tables"]["pk_rumusan"][3]  # IKU4, the PK's fourth indicator (row 8)
    findings = check(data)
    assert codes_at(findings, "IND005") == ["PK!C8"]
    f = _one(findings, "IND005")
    assert (f.severity, f.found) == ("info", "IKU4")


# ------------------------------------------------------------------------------ SAK003
def test_sak003_a_recommendation_of_the_latest_year_without_follow_up(check, data):
    # 2023's recommendation (row 6) loses its follow-up; 2022's (row 5) never had one and is older
    _complete(data)["tables"]["sakip_rekomendasi"][1]["tindak_lanjut"] = None
    findings = check(data)
    assert codes_at(findings, "SAK003") == ["SAKIP Rekomendasi!D6"]
    f = _one(findings, "SAK003")
    assert (f.severity, f.params["tahun"]) == ("warning", 2023)
    assert f.message("en") == "the SAKIP recommendation of 2023 has no follow-up action"
    assert codes_at(findings, "SAK005") == []  # a date without an action is not "an action without a date"


# ------------------------------------------------------------------------------ SAK004
def _2023_twice(data: dict) -> dict:
    """2023's score entered a second time (row 7), identical: only the year is wrong."""
    rows = _complete(data)["tables"]["sakip_nilai"]
    rows.append(dict(rows[1]))
    return data


def test_sak004_a_year_entered_twice(check, data):
    findings = check(_2023_twice(data))
    assert codes_at(findings, "SAK004") == ["SAKIP!A7"]  # at the repeat, not at the first 2023 (A6)
    f = _one(findings, "SAK004")
    assert (f.severity, str(f.found)) == ("warning", "2023")


def test_sak004_says_the_year_as_its_digits(check, data):
    f = _one(check(_2023_twice(data)), "SAK004")
    assert f.message("en") == "the SAKIP score of 2023 is entered twice"
    assert f.message("id") == "nilai SAKIP tahun 2023 diisi lebih dari sekali"


def test_sak002_says_a_score_with_decimals_in_each_languages_way(check, data):
    """2023's score 65,5 (components 20 + 18 + 10 + 17,5) typed with the grade BB: 65,5 is B,
    written 65,5 in Indonesian and 65.5 in English."""
    row = _complete(data)["tables"]["sakip_nilai"][1]
    row.update(evaluasi=D("17.5"), nilai=D("65.5"), predikat="BB")
    f = _one(check(data), "SAK002")
    assert (f.sheet, f.cell) == ("SAKIP", "G6")  # predikat of row 6
    assert f.message("en") == "the grade should be B for a score of 65.5, found BB"
    assert f.message("id") == "predikat seharusnya B untuk nilai 65,5, tertulis BB"


# ------------------------------------------------------------------------------ SAK005
@pytest.mark.parametrize("index, change, cell", [
    (1, {"waktu": None}, "SAKIP Rekomendasi!E6"),  # 2023's action loses its date
    (0, {"tindak_lanjut": "Menyusun pohon kinerja"}, "SAKIP Rekomendasi!E5"),  # 2022's action, never dated
], ids=["latest-year", "older-year"])
def test_sak005_a_follow_up_without_its_date(check, data, index, change, cell):
    _complete(data)["tables"]["sakip_rekomendasi"][index].update(change)
    findings = check(data)
    assert codes_at(findings, "SAK005") == [cell]
    assert _one(findings, "SAK005").severity == "warning"
    assert codes_at(findings, "SAK003") == []
