"""A list choice typed with spaces around it (pasted from a document: ``turun ``) is read as the
choice, but the template's formulas compare it with the list's word as Excel and LibreOffice do
(case ignored, spaces not): a turun indicator's capaian then shows R/T. check says so at the choice
(VAL025, naming the capaian the sheet shows and the one lkjip-xl computes) instead of calling the
capaian a stale result (FRM002); a spaced choice no formula misreads (``naik ``, the formula's
default; a spaced satuan) is not worth a line; `rapikan` deletes the spaces.

PK row 7 (IKU3, turun): target 10, realisasi 8."""
from __future__ import annotations

from decimal import Decimal as D

import openpyxl

from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.commands.rapikan import run_rapikan
from test_libreoffice import convert
from test_libreoffice_edit import edit_in_libreoffice, pytestmark  # noqa: F401 (LibreOffice needed)

TARGET, REALISASI = D(10), D(8)


def test_a_spaced_turun_is_said_at_the_choice_and_rapikan_deletes_the_spaces(tmp_path, write, data):
    path = edit_in_libreoffice(write(data), [["type", "PK", "F7", "turun "], ["type", "PK", "F5", "naik "],
                                             ["type", "PK", "E6", "% "]], tmp_path)
    assert openpyxl.load_workbook(path)["PK"]["F7"].value == "turun "
    findings = check_workbook(path).findings
    assert [(f.code, f.cell, f.severity) for f in findings] == [("VAL025", "F7", "error")]
    shown, computed = REALISASI / TARGET * 100, (2 * TARGET - REALISASI) / TARGET * 100  # 80 and 120
    assert (f"PK!K7 menampilkan {shown:.2f} %, lkjip-xl menghitung {computed:.2f} %".replace(".", ",")
            in findings[0].message("id")), findings[0].message("id")
    assert findings[0].expected == "turun"

    outcome = run_rapikan(path, tmp_path / "rapi.xlsx")
    assert [(c.cell, c.why) for c in outcome.changes if c.code == "VAL025"] == [("F7", "choice_trimmed")]
    (tmp_path / "lo").mkdir()
    recalculated = convert(tmp_path / "rapi.xlsx", "xlsx", tmp_path / "lo")
    pk = openpyxl.load_workbook(recalculated, data_only=True)["PK"]
    assert (pk["F7"].value, pk["F5"].value) == ("turun", "naik ")  # a harmless spaced choice is left
    assert D(str(pk["K7"].value)) * 100 == computed  # LibreOffice now computes what lkjip-xl did
    assert check_workbook(recalculated).findings == []


def test_without_stored_results_the_spaced_choice_stays_a_note(tmp_path, write, data):
    """A file saved by a program that does not calculate (openpyxl drops every stored result): what
    the sheet will show cannot be compared, so the choice is a note beside FRM005, never a claimed
    consequence nor nothing."""
    data["tables"]["pk_indikator"][2]["arah"] = "turun "
    wb = openpyxl.load_workbook(write(data))
    wb.save(tmp_path / "saved.xlsx")
    findings = check_workbook(tmp_path / "saved.xlsx").findings
    spaced = [(f.code, f.cell, f.severity) for f in findings if f.code == "VAL025"]
    assert spaced == [("VAL025", "F7", "info")] and any(f.code == "FRM005" for f in findings)


def test_a_spaced_setting_on_identitas_is_said_at_the_setting_not_as_stale_capaian(tmp_path, write, data):
    """`ya ` typed for Identitas' capaian cap: lkjip-xl reads it as ya and caps every capaian at 100 %,
    while the sheet's formulas (cfg_batas_capaian="ya") do not see it and print 105,83 %, 105,56 % and
    120 %. Each capaian was an FRM002 error blaming a missing recalculation; now one error at the
    setting names the first capaian it changes, and rapikan deletes the spaces."""
    path = edit_in_libreoffice(write(data), [["type", "Identitas", "B19", "ya "]], tmp_path)
    findings = check_workbook(path).findings
    assert [(f.code, f.sheet, f.cell, f.severity) for f in findings] == [("VAL025", "Identitas", "B19", "error")]
    iku1 = data["tables"]["pk_indikator"][0]
    shown = D(iku1["realisasi"]) / iku1["target"] * 100  # uncapped, as the sheet prints it
    assert (f"PK!K5 menampilkan {shown:.2f} %, lkjip-xl menghitung 100,00 %".replace(".", ",", 1)
            in findings[0].message("id")), findings[0].message("id")
    outcome = run_rapikan(path, tmp_path / "rapi.xlsx")
    assert [(c.cell, c.why) for c in outcome.changes if c.code == "VAL025"] == [("B19", "choice_trimmed")]
    (tmp_path / "lo").mkdir()
    recalculated = convert(tmp_path / "rapi.xlsx", "xlsx", tmp_path / "lo")
    assert openpyxl.load_workbook(recalculated, data_only=True)["PK"]["K7"].value == 1  # capped, as lkjip-xl read it
    assert check_workbook(recalculated).findings == []


def test_a_spaced_bound_on_skala_is_said_at_the_bound_where_a_kriteria_sits_on_it(tmp_path, write, data):
    """`ya ` typed for Skala's 'upper bound included?' of Tinggi (75 < capaian ≤ 90, Permendagri
    86/2017): lkjip-xl reads it as ya, every kriteria formula compares it with "ya" and does not see it.
    IKU2 at 81 of 90 is exactly 90 %: lkjip-xl grades it Tinggi, the sheet grades it nothing (blank),
    which was an FRM005 blaming a program that does not calculate; now one error at the bound names
    the kriteria it changes, and rapikan deletes the spaces."""
    iku2 = data["tables"]["pk_indikator"][1]
    iku2["realisasi"] = D(81)
    assert D(81) / iku2["target"] * 100 == 90  # on the bound
    path = edit_in_libreoffice(write(data), [["type", "Skala", "G6", "ya "]], tmp_path)
    assert openpyxl.load_workbook(path)["Skala"]["G6"].value == "ya "
    findings = check_workbook(path).findings
    spaced = [(f.code, f.sheet, f.cell, f.severity) for f in findings if f.code.startswith(("VAL", "FRM"))]
    assert spaced == [("VAL025", "Skala", "G6", "error")]
    message = next(f for f in findings if f.code == "VAL025").message("id")
    assert "PK!L6 menampilkan (kosong), lkjip-xl menghitung Tinggi" in message, message
    outcome = run_rapikan(path, tmp_path / "rapi.xlsx")
    assert [(c.sheet, c.cell) for c in outcome.changes if c.code == "VAL025"] == [("Skala", "G6")]
    (tmp_path / "lo").mkdir()
    recalculated = convert(tmp_path / "rapi.xlsx", "xlsx", tmp_path / "lo")
    assert openpyxl.load_workbook(recalculated, data_only=True)["PK"]["L6"].value == "Tinggi"


def test_a_spaced_bound_no_kriteria_sits_on_says_why_nothing_changes(tmp_path, write, data):
    path = edit_in_libreoffice(write(data), [["type", "Skala", "G6", "ya "]], tmp_path)
    findings = check_workbook(path).findings
    assert [(f.code, f.sheet, f.cell, f.severity) for f in findings] == [("VAL025", "Skala", "G6", "info")]
    assert findings[0].message("en").endswith(
        "read as ya; no formula result changes because of it (the formulas reading it show what lkjip-xl "
        "computes); delete the spaces to keep it so")
