"""What staff type on purpose, read as they mean it (issue 10, reader level): `-` for nil, a
percent typed the Excel way, a number stored as text, an error value kept as an error, a formula's
percent above 1000 %, the results of a dynamic array, a date-formatted number that is no date.
Each test breaks one cell of the valid workbook (by its data, or by its XML the way Excel or
LibreOffice writes it) and asserts the code and cell, or the value read.

PK rows 5..8 (IKU1..IKU4): H target, J realisasi, K capaian. Realisasi rows 5..15: I pagu murni,
K realisasi, L % realisasi. Belanja rows 5..14: B anggaran, C realisasi (row 9 Belanja Modal Tanah,
0 and 0).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

import pytest
from helpers import codes_at

from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.reader import read_workbook
from lkjip_xl.reader.model import ERROR, CellError
from lkjip_xl.reader.values import PERCENT, TEXT, typed_nil
from lkjip_xl.schema import SCHEMA
from xlsx_rewrite import PK, REALISASI, add_style, rewrite, set_cell, style_of


def _codes(findings) -> list[tuple[str, str, str]]:
    return sorted((f.code, f.sheet, f.cell) for f in findings)


# ------------------------------------------------------------------------------ nil markers
@pytest.mark.parametrize("dash", ["-", "–", " — "])
def test_a_dash_is_an_explicit_zero_without_a_finding(check, data, write, dash):
    modal_tanah = data["tables"]["belanja"][4]
    assert (modal_tanah["anggaran"], modal_tanah["realisasi"]) == (0, 0)
    modal_tanah["anggaran"] = modal_tanah["realisasi"] = dash
    assert check(data) == []
    belanja = read_workbook(write(data))[0].table("belanja")
    assert (belanja.get("anggaran", 4), belanja.get("realisasi", 4)) == (0, 0)
    assert [typed_nil(belanja.how(key, 4)) for key in ("anggaran", "realisasi")] == [dash.strip()] * 2
    assert belanja.how("anggaran", 3) is None


# ------------------------------------------------------------------------------ text numbers
def test_a_dash_for_an_unrevised_pagu_perubahan_is_one_warning_at_it(check, data):
    """`-` typed as the pagu perubahan of a row that was not revised (01.01.02, murni 200.000.000):
    read as 0, which leaves 01.01's sum, the PK's pagu and Belanja 200.000.000 short and the
    realisasi above a pagu of 0. BUD031 at the `-` says to leave the cell blank (the murni then
    counts); the rest follows from it (notes naming J8); with the cell blank everything agrees."""
    data["tables"]["realisasi"][3]["pagu_perubahan"] = "-"
    findings = check(data)
    assert [(f.code, f.cell, f.severity) for f in findings if f.severity != "info"] == [("BUD031", "J8", "warning")]
    assert next(f for f in findings if f.code == "BUD031").expected == 200_000_000
    notes = [f for f in findings if f.severity == "info"]
    assert notes and {f.params.get("cause") for f in notes} == {"Realisasi!J8"}
    data["tables"]["realisasi"][3]["pagu_perubahan"] = None
    assert [f for f in check(data) if f.severity != "info"] == []


def test_a_dash_typed_for_a_target_is_no_mistyped_digit(check, data):
    data["tables"]["pk_indikator"][3]["target"] = "-"  # IKU4: the Rencana Aksi says 4
    blamed = next(f for f in check(data) if f.code == "KIN020")
    assert (blamed.cell, blamed.expected, blamed.found) == ("H8", 4, 0)
    assert "salah ketik" not in blamed.message("id") and blamed.message("id").endswith("dibaca 0 (nihil)")


def test_a_number_stored_as_text_is_read_and_said_to_be_text(check, data, write):
    sub = data["tables"]["realisasi"][3]  # 01.01.02, row 8
    sub["pagu_murni"] = "200.000.000"
    findings = check(data)
    assert _codes(findings) == [("VAL001", "Realisasi", "I8")]
    message = findings[0].message("id")
    assert "tersimpan sebagai teks" in message and "maksudnya" not in message, message
    assert "stored as text ('200.000.000')" in findings[0].message("en")
    real = read_workbook(write(data))[0].table("realisasi")
    assert (real.get("pagu_murni", 3), real.how("pagu_murni", 3)) == (200_000_000, TEXT)


# ------------------------------------------------------------------------------ text prefix
@pytest.mark.parametrize("mark", ["'", "’"])
def test_excels_text_prefix_kept_as_a_character_is_not_part_of_the_value(check, data, write, mark):
    """`'1980…` typed into a cell already formatted as text: Excel drops the apostrophe, LibreOffice
    may keep it (or its AutoCorrect's ’) as a character. It is not part of the NIP or the code."""
    ident = data["forms"]["identitas"]
    nip = ident["pimpinan_nip"]
    sub = data["tables"]["realisasi"][3]  # 01.01.02, row 8
    code, name = sub["kode"], "'Bersih' kecamatan"  # a quotation keeps its quotes
    ident["pimpinan_nip"], sub["kode"], sub["uraian"] = mark + nip, mark + code, name
    assert check(data) == []
    model = read_workbook(write(data))[0]
    real = model.table("realisasi")
    assert model.form("identitas").values["pimpinan_nip"] == nip
    assert (real.get("kode", 3), real.get("uraian", 3)) == (code, name)


def test_a_number_stored_as_text_with_its_prefix_kept_is_read_as_that_number(check, data, write):
    data["tables"]["realisasi"][3]["pagu_murni"] = "'200.000.000"
    assert _codes(check(data)) == [("VAL001", "Realisasi", "I8")]
    real = read_workbook(write(data))[0].table("realisasi")
    assert (real.get("pagu_murni", 3), real.how("pagu_murni", 3)) == (200_000_000, TEXT)


# ------------------------------------------------------------------------------ error values
def test_an_error_value_stays_an_error_in_the_model(data, write):
    path = rewrite_sheet(write(data), REALISASI, "K7", '<c r="K7" s="{s}" t="e"><v>#VALUE!</v></c>')
    model, findings = read_workbook(path)
    real = model.table("realisasi")
    assert real.get("realisasi", 2) == CellError("#VALUE!") and isinstance(real.get("realisasi", 2), CellError)
    assert real.how("realisasi", 2) == ERROR
    assert _codes(findings) == [("VAL010", "Realisasi", "K7")]


# ------------------------------------------------------------------------------ percent formats
def rewrite_sheet(src: Path, member: str, ref: str, cell: str, *, percent: bool = False) -> Path:
    """A copy of the workbook (beside it) with one cell of one sheet replaced by ``cell``, whose
    ``{s}`` is the cell's style, or with ``percent`` a new style with the built-in format 9 ("0%")."""
    style = None

    def edit(name: str, data: bytes) -> bytes:
        nonlocal style
        if name == "xl/styles.xml" and percent:
            data, style = add_style(data, 9)
        elif name == member:
            s = style_of(data, ref) if not percent else "{s}"
            data = set_cell(data, ref, cell.replace("{s}", str(s)))
        return data

    out = rewrite(src, src.with_name(f"{src.stem}_{ref}.xlsx"), edit)
    if percent:  # styles.xml comes after the sheets in the zip: the new style's index goes in now
        out = rewrite(out, out.with_name(f"{out.stem}s.xlsx"),
                      lambda name, data: data.replace(b's="{s}"', b's="%d"' % style) if name == member else data)
    return out


def test_percent_typed_into_points_cells_is_read_as_points(data, write):
    # IKU2 (satuan %) target 90 and realisasi 95 typed as 90% and 95%: Excel stores 0,9 and 0,95
    path = rewrite_sheet(write(data), PK, "H6", '<c r="H6" s="{s}"><v>0.9</v></c>', percent=True)
    path = rewrite_sheet(path, PK, "J6", '<c r="J6" s="{s}"><v>0.95</v></c>', percent=True)
    findings = check_workbook(path).findings
    assert _codes(findings) == [("VAL015", "PK", "H6"), ("VAL015", "PK", "J6")]
    assert {f.severity for f in findings} == {"info"}
    assert findings[0].message("en") == "the cell is formatted as a percent and shows 90 %: read as 90 (stored 0.9)"
    pk = read_workbook(path)[0].table("pk_indikator")
    assert (pk.get("target", 1), pk.get("realisasi", 1)) == (D("90"), D("95"))
    assert (pk.how("target", 1), pk.number_format("target", 1), pk.number_format("target", 0)) == (PERCENT, "0%", None)


def test_points_typed_into_a_percent_formatted_points_cell_are_reported(data, write):
    # 90 typed into a target cell formatted as percent shows 9000 %
    path = rewrite_sheet(write(data), PK, "H6", '<c r="H6" s="{s}"><v>90</v></c>', percent=True)
    findings = check_workbook(path).findings
    assert _codes(findings) == [("VAL003", "PK", "H6")]
    assert findings[0].message("en") == ("90 in a percent cell means 9,000 %; if 90 % is meant, type 90% "
                                         "(or the fraction): read as 90")
    assert read_workbook(path)[0].table("pk_indikator").get("target", 1) == 90


def test_a_capaian_above_1000_percent_from_its_formula_is_read_as_it_is(check, data, write):
    iku4 = data["tables"]["pk_indikator"][3]  # target 4 dokumen; 50 realised: capaian 1.250 %
    iku4["realisasi"] = D("50")
    findings = check(data)
    at_k8 = [f for f in findings if f.sheet == "PK" and f.cell == "K8"]
    # no "saved without recalculation?" and no misreading: only the plausibility note (KIN021) on the
    # value as it is, naming the realisasi as its likely cause
    assert [(f.code, f.severity, f.found, f.params.get("cause")) for f in at_k8] == [
        ("KIN021", "info", D("1250"), "PK!J8")]
    assert read_workbook(write(data))[0].table("pk_indikator").get("capaian", 3) == 1250


# ------------------------------------------------------------------------------ array formulas
def test_the_results_of_a_dynamic_array_are_not_typed_values(data, write):
    # Excel 365: one formula at L7 spills its results into L7:L8; L8 holds only a value
    path = write(data)
    spill = ('<c r="L7" s="{s}" cm="1"><f t="array" ref="L7:L8">IFERROR(K7:K8/IF(J7:J8&lt;&gt;"",J7:J8,I7:I8),"")'
             '</f><v>0.9647058823529412</v></c>')
    path = rewrite_sheet(path, REALISASI, "L7", spill)
    path = rewrite_sheet(path, REALISASI, "L8", '<c r="L8" s="{s}"><v>0.9</v></c>')
    assert _codes(check_workbook(path).findings) == []
    real = read_workbook(path)[0].table("realisasi")
    assert real.has_formula["persen_realisasi"][2:4] == [True, True]


# ------------------------------------------------------------------------------ dates that cannot be
def test_a_huge_negative_number_in_the_date_field_is_a_finding_at_its_cell(data, write):
    data["forms"]["identitas"]["tanggal"] = -1e12
    path = write(data)
    row = SCHEMA.sheet("Identitas").forms[0].row_of("tanggal")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    run = subprocess.run([sys.executable, "-m", "lkjip_xl", "check", str(path)], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 1, run.stderr
    assert run.stderr == ""  # no panic of python-calamine's Rust code, no traceback
    assert f"Identitas!B{row} [VAL016]" in run.stdout
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


# ------------------------------------------------------------------------------ words of a list
@pytest.mark.parametrize("male, female", [("Laki-laki", "Perempuan"), ("Pria", "Wanita"), ("laki laki", "P.")])
def test_the_usual_spellings_of_jenis_kelamin_are_read_as_l_and_p(check, data, write, male, female):
    """What a survey export writes (Google Forms: 'Laki-laki'), or staff type, is meant as L/P."""
    resp = data["tables"]["skm_responden"]
    for i, row in enumerate(resp):
        row["jenis_kelamin"] = male if i % 2 else female
    assert check(data) == []
    values = read_workbook(write(data))[0].table("skm_responden").values["jenis_kelamin"]
    assert values == ["L" if i % 2 else "P" for i in range(len(resp))]


def test_an_offices_own_word_in_an_open_list_is_said_once_per_column(check, data):
    resp = data["tables"]["skm_responden"]
    for row in resp[3:8]:
        row["pendidikan"] = "S1"  # the list has D4/S1
    resp[10]["pendidikan"] = "SMA"
    findings = [f for f in check(data) if f.code == "VAL007"]
    assert [(f.cell, f.severity, f.found) for f in findings] == [("F12", "warning", "S1"), ("F19", "warning", "SMA")]
    assert findings[0].message("id").endswith("juga di 4 sel lain kolom ini")
    assert findings[0].message("en").endswith("also in 4 other cells of this column")
    assert "for Education (" in findings[0].message("en") and "untuk Pendidikan (" in findings[0].message("id")
    assert "sel lain" not in findings[1].message("id")


def test_a_word_outside_a_closed_list_is_an_error_at_every_cell(check, data):
    for row in data["tables"]["skm_responden"][:3]:
        row["jenis_kelamin"] = "X"
    assert codes_at(check(data), "VAL007") == ["SKM!D9", "SKM!D10", "SKM!D11"]


@pytest.mark.parametrize("typed, age", [("25 tahun", 25), ("31 Th.", 31), ("40 thn", 40), ("52 years", 52),
                                        ("33", 33)])
def test_an_age_typed_with_its_unit_is_that_age(check, data, write, typed, age):
    """No formula reads Umur; the SKM profile counts the same age (skm/profile.py reads it alike)."""
    data["tables"]["skm_responden"][0]["umur"] = typed
    assert check(data) == []
    assert read_workbook(write(data))[0].table("skm_responden").get("umur", 0) == age


def test_an_age_that_is_no_number_is_still_a_finding(check, data):
    data["tables"]["skm_responden"][0]["umur"] = "dua puluh tahun"
    assert codes_at(check(data), "VAL013") == ["SKM!E9"]


# ------------------------------------------------------------------------------ spaces
def test_a_cell_of_spaces_below_the_table_makes_no_row(check, data, write):
    """A space typed to 'clear' a cell (or a pasted non-breaking space) makes no row: the
    workbook's own formulas give nothing there either."""
    n = len(data["tables"]["realisasi"])
    data["tables"]["realisasi"].append({"uraian": " ", "pagu_murni": "\u00a0"})
    assert check(data) == []
    assert len(read_workbook(write(data))[0].table("realisasi")) == n


def test_spaces_in_an_amount_of_a_row_are_said_plainly(check, data):
    data["tables"]["realisasi"][3]["pagu_murni"] = "  "  # row 8: the sisa formula gives #N/A
    findings = [f for f in check(data) if f.cell == "I8" and f.code.startswith("VAL")]
    assert [(f.code, f.severity) for f in findings] == [("VAL013", "error")]
    assert "hanya berisi spasi" in findings[0].message("id") and "blank" not in findings[0].message("id")
    assert "only spaces" in findings[0].message("en")


def test_spaces_in_a_choice_or_a_date_are_blank(check, data):
    row = data["tables"]["skm_responden"][0]
    row["jenis_kelamin"], row["tanggal"] = " ", " "
    assert check(data) == []


# ------------------------------------------------------------------------------ dates as text
@pytest.mark.parametrize("text", ["15/03/2024", "15-03-2024 10:22:33", "2024/03/15 10:22:33 AM GMT+7",
                                  "2024-03-15", "15 Maret 2024", "Jumat, 15 Mar 2024"])
def test_a_date_stored_as_text_is_read_as_that_date(check, data, write, text):
    """A respondent's date pasted from a survey export, or typed where the cell is not a date cell,
    is text; no formula of the workbook reads it. Read the way `lkjip-xl skm` reads an export's
    dates (calc/survey_dates.py), day before month."""
    data["tables"]["skm_responden"][0]["tanggal"] = text
    assert codes_at(check(data), "VAL014") == []
    resp = read_workbook(write(data))[0].table("skm_responden")
    assert resp.get("tanggal", 0) == dt.date(2024, 3, 15)


def test_a_signing_date_stored_as_text_is_read_as_that_date(check, data, write):
    data["forms"]["identitas"]["tanggal"] = "31 Januari 2025"
    assert check(data) == []
    assert read_workbook(write(data))[0].form("identitas").values["tanggal"] == dt.date(2025, 1, 31)


def test_a_typed_year_far_off_stays_a_date_for_the_year_checks(check, data):
    data["forms"]["identitas"]["tanggal"] = "31/01/2205"  # 2025 with a digit swapped
    assert [f.code for f in check(data) if f.sheet == "Identitas"] == ["VAL020"]  # signing date vs the year


def test_a_date_that_cannot_be_in_a_table_is_a_finding_at_its_cell(check, data):
    data["tables"]["skm_responden"][0]["tanggal"] = -1e12
    assert codes_at(check(data), "VAL016") == ["SKM!B9"]


def test_other_cells_of_the_sheet_keep_their_values(data, write):
    data["forms"]["identitas"]["tanggal"] = -1e12
    model, findings = read_workbook(write(data))
    ident = model.form("identitas")
    assert ident.values["tanggal"] is None
    assert (ident.values["unit"], ident.values["tahun"]) == ("Kecamatan Contoh", 2024)
    assert _codes(findings) == [("VAL016", "Identitas", ident.cells["tanggal"])]


def test_na_typed_in_a_number_column_is_not_applicable(check, data):
    data["tables"]["pk_indikator"][3]["realisasi"] = "NA"  # IKU4 not measured this year
    findings = check(data)
    assert [(f.code, f.severity) for f in findings if f.cell == "J8"] == [("VAL017", "info")]
    assert [f for f in findings if f.severity != "info"] == []  # not "realisasi not reported" (KIN007)


# ------------------------------------------------------------------------------ notes under a table
@pytest.mark.parametrize("note", ["Sumber: DPA-SKPD Tahun 2024", "Keterangan : angka sementara", "*) belum diaudit"])
def test_a_note_typed_under_a_table_is_no_row(data, write, note):
    """Realisasi ends at row 15 (TOTAL); a blank row, then the source of the figures in A17. PK
    ends at row 8; its note in the Sasaran column. The SKM's 40 respondents end at row 48; its
    note in the No column, a number column (it cannot be read as a number there)."""
    data["tables"]["realisasi"] += [{}, {"kode": note}]
    data["tables"]["pk_indikator"].append({"sasaran": note})
    data["tables"]["skm_responden"].append({"no": note})
    result = check_workbook(write(data))
    assert sorted(codes_at(result.findings, "STR015")) == ["PK!B9", "Realisasi!A17", "SKM!A49"]
    assert next(f for f in result.findings if f.code == "STR015").found == note
    assert [f for f in result.findings if f.severity != "info"] == []
    model = result.context.model
    assert model.table("realisasi").rows[-1] == 15 and len(model.table("skm_responden").rows) == 40
    assert len(model.table("pk_indikator").rows) == 4


def test_a_line_between_rows_or_without_a_note_opening_stays_a_row(data, write):
    rows = data["tables"]["realisasi"]
    rows.insert(-1, {"kode": "Sumber: DPA-SKPD Tahun 2024"})  # above the TOTAL row: a row
    data["tables"]["pk_indikator"].append({"sasaran": "1) Meningkatnya kualitas pelayanan"})  # no indicator yet
    findings = check_workbook(write(data)).findings
    assert codes_at(findings, "STR015") == []
    assert "Realisasi!C15" in codes_at(findings, "VAL005")  # the row has no uraian
    assert "PK!D9" in codes_at(findings, "VAL005")


# ------------------------------------------------------------------------------ an index with its grade
@pytest.mark.parametrize("typed", ["B (86,94)", "86,94 (B)", "B(86,94)"])
def test_an_index_typed_with_its_grade_is_its_number(data, write, typed):
    """domain.md §3.1: an index with a letter, `B (82,15)`, is computed on the number. Typed in the
    realisasi cell (PK!J5) it is text, which Excel's capaian formula cannot use: VAL001, as for any
    number stored as text, and the capaian is computed from 86,94, no longer lost to VAL013."""
    data["tables"]["pk_indikator"][0]["realisasi"] = typed
    result = check_workbook(write(data))
    assert codes_at(result.findings, "VAL001") == ["PK!J5"] and codes_at(result.findings, "VAL013") == []
    assert result.context.model.table("pk_indikator").values["realisasi"][0] == D("86.94")
    assert result.context.wb.rows("pk_indikator")[0]["capaian"] == D("86.94") / D("82.15") * 100


@pytest.mark.parametrize("typed, value", [("180 000 000", 180_000_000), ("Rp 180 000 000", 180_000_000),
                                          ("Rp. 180 000 000,00", 180_000_000)])
def test_thousands_grouped_by_spaces_are_the_number(data, write, typed, value):
    """Realisasi of 01.01.02 (K8) typed with its thousands grouped by spaces: read as the number,
    with the VAL001 any number stored as text gets; no 'blank' sum (BUD016) and no class sum
    called wrong (BUD008), as when it was unreadable."""
    next(r for r in data["tables"]["realisasi"] if r["kode"] == "01.01.02")["realisasi"] = typed
    result = check_workbook(write(data))
    assert codes_at(result.findings, "VAL001") == ["Realisasi!K8"]
    assert [f.code for f in result.findings if f.severity == "error" and f.code != "VAL001"] == []
    assert result.context.model.table("realisasi").values["realisasi"][3] == value


def test_digits_split_by_spaces_otherwise_stay_unreadable(data, write):
    next(r for r in data["tables"]["realisasi"] if r["kode"] == "01.01.02")["realisasi"] = "180 00 000"
    assert codes_at(check_workbook(write(data)).findings, "VAL013") == ["Realisasi!K8"]


def test_a_percent_the_sheets_formula_misreads_is_a_warning_and_rapikan_mends_it(data, write, tmp_path):
    """Realisasi 95 % typed against a target of 90: lkjip-xl reads 95 and computes 105,56 %, but the
    sheet's own capaian formula divides the stored 0,95 by 90 and shows (and prints) 1,06 %. A
    warning naming that cell; `rapikan` writes 95 with the column's format and the sheet agrees."""
    from lkjip_xl.repair import repair_workbook

    path = rewrite_sheet(write(data), PK, "J6", '<c r="J6" s="{s}"><v>0.95</v></c>', percent=True)
    # the stored result as Excel would compute it: 0,95 / 90
    path = rewrite_sheet(path, PK, "K6", '<c r="K6" s="{s}"><f>' + _formula_of(path, "K6") + '</f><v>0.010555555555555556</v></c>')
    findings = check_workbook(path).findings
    assert [(f.code, f.cell, f.severity) for f in findings] == [("VAL015", "J6", "warning")]
    assert "PK!K6 menampilkan 1,06 %, lkjip-xl menghitung 105,56 %" in findings[0].message("id")  # 95 / 90, as 0.00 %
    result = repair_workbook(path, tmp_path / "rapi.xlsx")
    assert [(c.cell, c.why, c.after) for c in result.changes if c.cell == "J6"] == [("J6", "percent_points", D(95))]
    assert check_workbook(tmp_path / "rapi.xlsx").findings == []
    pk = read_workbook(tmp_path / "rapi.xlsx")[0].table("pk_indikator")
    assert (pk.get("realisasi", 1), pk.how("realisasi", 1), pk.number_format("realisasi", 1)) == (95, None, None)


def _formula_of(path: Path, ref: str) -> str:
    import re
    import zipfile

    xml = zipfile.ZipFile(path).read(PK).decode()
    return re.search(rf'<c r="{ref}"[^>]*><f>([^<]*)</f>', xml).group(1)


def test_the_misread_percent_names_the_sheet_as_the_office_renamed_it(data, write):
    path = rewrite_sheet(write(data), PK, "J6", '<c r="J6" s="{s}"><v>0.95</v></c>', percent=True)
    path = rewrite_sheet(path, PK, "K6", '<c r="K6" s="{s}"><f>' + _formula_of(path, "K6") + '</f><v>0.0105</v></c>')
    renamed = rewrite(path, path.with_name("renamed.xlsx"), lambda name, xml: xml.replace(
        b'name="PK"', b'name="PK 2024"').replace(b"PK!", b"'PK 2024'!") if name == "xl/workbook.xml" else xml)
    finding = next(f for f in check_workbook(renamed).findings if f.code == "VAL015")
    assert finding.sheet == "PK 2024" and "PK 2024!K6 menampilkan" in finding.message("id")
    assert "PK 2024!K6 shows" in finding.message("en")


@pytest.mark.parametrize("typed, finding", [("B (86,94)", None), ("A (86,94)", "A"), ("86,94 (C)", "C")])
def test_the_grade_typed_with_an_index_is_its_band(data, write, typed, finding):
    """IKM 86,94 is B on PermenPAN-RB 14/2017's scale (76,61–88,30): a grade typed with it that is
    another band is KIN004 at the cell, as for Target Predikat."""
    data["tables"]["pk_indikator"][0]["realisasi"] = typed
    findings = check_workbook(write(data)).findings
    kin004 = [(f.cell, f.found, f.expected) for f in findings if f.code == "KIN004"]
    assert kin004 == ([] if finding is None else [("J5", finding, "B")])
    assert read_workbook(write(data))[0].table("pk_indikator").how("realisasi", 0) == "text+grade:" + typed.strip(
        "0123456789,() ")[:1]


@pytest.mark.parametrize("where, typed, value", [
    (("pk_indikator", 3, "realisasi"), "4 Dokumen", 4),  # the row's satuan typed after the number
    (("realisasi", 2, "realisasi_keluaran"), "12 Bulan", 12),
    (("realisasi", 2, "target_keluaran"), "12 bln.", 12),
])
def test_a_number_typed_with_its_unit_is_the_number(data, write, where, typed, value):
    """`4 Dokumen` in a realisasi cell, as the unit is said aloud: read as 4, with the VAL001 any
    number stored as text gets (Excel's formulas cannot use it), and the capaian computed from it,
    no longer lost to VAL013."""
    table, i, key = where
    data["tables"][table][i][key] = typed
    result = check_workbook(write(data))
    cell = result.context.model.table(table).cell(key, i)
    assert [(f.code, f.cell) for f in result.findings if f.code.startswith("VAL")] == [("VAL001", cell)]
    assert result.context.model.table(table).values[key][i] == value


def test_the_year_typed_with_its_label_is_the_year(data, write):
    data["forms"]["identitas"]["tahun"] = "Tahun 2024"
    result = check_workbook(write(data))
    assert [f.code for f in result.findings if f.code.startswith("VAL")] == ["VAL001"]
    assert result.context.model.form("identitas").values["tahun"] == 2024


@pytest.mark.parametrize("field, typed", [("tahun", "2024"), ("tahun", "Tahun 2024")])
def test_a_year_stored_as_text_is_said_as_a_year(data, write, field, typed):
    """The message names the year read as 2024, the way it is written, not 2.024."""
    data["forms"]["identitas"][field] = typed
    (finding,) = [f for f in check_workbook(write(data)).findings if f.code == "VAL001"]
    assert "dibaca sebagai 2024," in finding.message("id") and "2.024" not in finding.message("id")
    assert finding.expected == 2024


@pytest.mark.parametrize("typed", ["1.500 orang", "Dokumen", "empat dokumen"])
def test_words_without_one_sure_number_stay_unreadable(data, write, typed):
    data["tables"]["pk_indikator"][3]["realisasi"] = typed
    findings = check_workbook(write(data)).findings
    assert {f.code for f in findings if f.code.startswith("VAL")} <= {"VAL002", "VAL013"}
    assert [f for f in findings if f.code in ("VAL002", "VAL013")]


# ------------------------------------------------------------------------------ rows numbered in advance
def test_rows_numbered_in_advance_are_no_rows(data, write):
    """Staff number the SKM sheet's rows 1 to N before the survey (and the PK's) and fill fewer:
    a row holding only its number is no respondent and no indicator (it was 100 respondents and a
    warning per empty row)."""
    responden = data["tables"]["skm_responden"]
    answered = len(responden)
    for r in responden:
        r.setdefault("no", None)
    responden[:] = [{**r, "no": n} for n, r in enumerate(responden, 1)]
    responden += [{"no": n} for n in range(answered + 1, answered + 21)]
    pk = data["tables"]["pk_indikator"]
    pk.append({"no": str(len(pk) + 1)})
    path = write(data)
    model = read_workbook(path)[0]
    assert len(model.table("skm_responden")) == answered
    assert len(model.table("pk_indikator")) == len(pk) - 1
    assert [f for f in check_workbook(path).findings if f.severity != "info"] == []


def test_respondent_rows_prepared_ahead_without_answers_are_no_respondents(data, write):
    """The SKM sheet prepared for more respondents than answered: No, Jenis Layanan and Tanggal
    filled down, no answer (red-team s07b: 60 respondents and 20 warnings where 40 answered). One
    STR016 note names the rows; the 40 are the respondents, everywhere."""
    responden = data["tables"]["skm_responden"]
    answered = len(responden)
    responden += [{"no": n, "jenis_layanan": "KTP", "tanggal": dt.date(2024, 6, 1)}
                  for n in range(answered + 1, answered + 21)]
    path = write(data)
    result = check_workbook(path)
    first = 9 + answered  # the header is on row 8
    (note,) = [f for f in result.findings if f.code == "STR016"]
    assert (note.cell, note.severity) == (f"H{first}", "info")
    assert note.params["rows"] == f"{first}–{first + 19}" and note.params["count"] == 20
    assert [f for f in result.findings if f.severity != "info"] == []
    assert len(result.context.model.table("skm_responden")) == answered
    assert result.context.wb.skm.respondents == answered
