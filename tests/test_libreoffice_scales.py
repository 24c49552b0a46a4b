"""An office whose regulation grades otherwise edits the Skala sheet in LibreOffice (tests/
uno_edit.py, which saves through Calc and so recalculates): the kriteria the sheet's own formulas
show, lkjip-xl's grading and what check says must agree.

Skala: header row 4, the Permendagri 86/2017 rows 5..9 (Sangat Tinggi 90 < x, Tinggi 75 < x ≤ 90,
...); columns A preset, C kriteria, D lower bound, E included?, F upper bound, G included?. PK rows
5..8: IKU1 86,94 of 82,15, IKU2 95 of 90, IKU3 turun 8 of 10, IKU4 4 of 4; kriteria in column L.

Skipped where LibreOffice or the system python3 with its uno module is missing."""
from __future__ import annotations

from decimal import Decimal as D

import openpyxl

from test_libreoffice_edit import edit_in_libreoffice, pytestmark  # noqa: F401 (the skip mark)

from lkjip_xl.checks.engine import check_workbook


def _kriteria(path):
    sheet = openpyxl.load_workbook(path, data_only=True)["PK"]
    return [sheet[f"L{r}"].value for r in range(5, 9)]


def test_a_band_inserted_at_the_top_of_the_scale_is_one_the_sheet_grades_with(tmp_path, write, data):
    """A sixth band above Sangat Tinggi, as a Perbup may add it: a row inserted at the top of the
    table (row 5), `Istimewa` 100 < x, and Sangat Tinggi closed at 100. The template's kriteria
    formulas read the Skala columns from their first row and counted a band's place from a constant:
    the inserted row lay outside their range and every other label was read one row off (IKU4 at
    100 % shown Tinggi, the others blank), which check said as a stale result and a file saved
    without calculating. They now read from the header row and count from the range's first row."""
    iku = data["tables"]["pk_indikator"]
    capaian = [D(str(r["realisasi"])) / D(str(r["target"])) * 100 if r["arah"] == "naik"
               else (2 * D(str(r["target"])) - D(str(r["realisasi"]))) / D(str(r["target"])) * 100 for r in iku]
    assert [c > 100 for c in capaian] == [True, True, True, False] and capaian[3] == 100
    steps = [["insert", "Skala", 5], ["set", "Skala", "A5", "Permendagri 86/2017"], ["set", "Skala", "C5", "Istimewa"],
             ["set", "Skala", "D5", 100], ["set", "Skala", "E5", "tidak"], ["set", "Skala", "G5", "tidak"],
             ["set", "Skala", "F6", 100], ["set", "Skala", "G6", "ya"]]
    path = edit_in_libreoffice(write(data), steps, tmp_path)
    assert _kriteria(path) == ["Istimewa", "Istimewa", "Istimewa", "Sangat Tinggi"]  # LibreOffice's own
    result = check_workbook(path)
    assert result.findings == []
    assert result.context.wb.column("pk_indikator", "kriteria")[:4] == _kriteria(path)


def test_a_capaian_two_overlapping_bands_hold_has_no_kriteria_anywhere(tmp_path, write, data):
    """Tinggi's upper bound typed 92 (75 < x ≤ 92) while Sangat Tinggi starts above 90: IKU4 made 91
    of 100, 91 %, sits in both bands. The sheet showed the label at the sum of the two bands' places
    (Sedang) and lkjip-xl the first band (Sangat Tinggi); both now grade it nothing, and the overlap
    is the one error, at the scale (SCL002, with the bound typed twice, SCL006), the blank kriteria a
    warning naming both bands (SCL007)."""
    iku4 = data["tables"]["pk_indikator"][3]
    iku4["target"], iku4["realisasi"] = D(100), D(91)
    assert D(91) / D(100) * 100 == 91  # 90 < 91 <= 92: Sangat Tinggi and Tinggi
    path = edit_in_libreoffice(write(data), [["set", "Skala", "F6", 92]], tmp_path)
    assert _kriteria(path)[3] is None  # LibreOffice's own
    result = check_workbook(path)
    assert result.context.wb.column("pk_indikator", "kriteria")[3] is None
    said = sorted((f.code, f.sheet, f.cell, f.severity) for f in result.findings if f.code.startswith(("SCL", "FRM")))
    assert said == [("SCL002", "Skala", "A5", "error"), ("SCL006", "Skala", "D5", "warning"),
                    ("SCL006", "Skala", "F6", "warning"), ("SCL007", "PK", "L8", "warning")]


def test_a_bound_typed_as_text_is_one_error_at_the_bound_not_a_file_saved_without_calculating(
        tmp_path, write, data):
    """Sangat Tinggi's lower bound typed `≥ 90`, as the regulation prints it: text, which lkjip-xl
    reads as 90 and every kriteria formula skips, so the sheet grades nothing above 90 (all four IKU,
    at 100 % and more). That was VAL001 at the bound and an FRM005 saying the file had been saved by
    a program that does not calculate; it is now the one error at the bound."""
    path = edit_in_libreoffice(write(data), [["set", "Skala", "D5", "≥ 90"]], tmp_path)
    assert _kriteria(path) == [None, None, None, None]  # LibreOffice's own
    findings = check_workbook(path).findings
    assert sorted((f.code, f.sheet, f.cell, f.severity) for f in findings) == [("VAL001", "Skala", "D5", "error")]


def test_a_capaian_above_the_top_of_the_chosen_scale_is_said_at_its_blank_kriteria(tmp_path, write, data):
    """SAKIP 88/2021 chosen on Identitas (its bands end at 100: AA 90 < x ≤ 100): IKU1 86,94 of 82,15,
    IKU2 95 of 90 and IKU3 (turun) 8 of 10 reach 105,83 %, 105,56 % and (2 × 10 − 8) / 10 = 120 %, no
    band's. The sheet's kriteria are blank there, as lkjip-xl's and the annex's; that was silent. Each
    is now a warning at the blank kriteria (SCL007); IKU4 at 100 % is AA's, Sangat Memuaskan."""
    path = edit_in_libreoffice(write(data), [["set", "Identitas", "B17", "SAKIP 88/2021"]], tmp_path)
    assert _kriteria(path) == [None, None, None, "Sangat Memuaskan"]  # LibreOffice's own
    findings = check_workbook(path).findings
    assert sorted((f.code, f.sheet, f.cell, f.severity) for f in findings) == [
        ("SCL007", "PK", f"L{r}", "warning") for r in (5, 6, 7)]
    assert [round(f.found, 2) for f in sorted(findings, key=lambda f: f.cell)] == [
        round(D("86.94") / D("82.15") * 100, 2), round(D(95) / D(90) * 100, 2), (2 * D(10) - D(8)) / D(10) * 100]
    assert min(findings, key=lambda f: f.cell).message("en").startswith("achievement 105.83 % lies in no band on the SAKIP 88/2021 scale")
