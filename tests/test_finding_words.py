"""Findings as a clerk reads them: numbers in the message's language (1.500.000 and 95,50 in
Indonesian, 1,500,000 and 95.50 in English), an expected percentage to the typed value's decimals
(at least 2), English words in English messages, and a message that says what to do.

Each test breaks ONE thing of the valid workbook; the values in the messages are computed here.
Realisasi rows 5..15: 01, 01.01, 01.01.01, 01.01.02, 02, 02.01, 02.01.01, 03, 03.01, 03.01.01,
TOTAL; columns I murni, J perubahan, K realisasi. PK rows 5..8 (IKU1..IKU4): H target, J
realisasi, K capaian.
"""
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal as D

import openpyxl

from helpers import codes_at, only_one as one, realisasi_row as _row
from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.findings import Finding
from lkjip_xl.render.annotate import write_annotated
from lkjip_xl.schema.data import TypedOverride
from lkjip_xl.settings import default_skala_rows
from xlsx_rewrite import PK
from test_values_on_purpose import rewrite_sheet


def _pk(data, kode):
    return next(r for r in data["tables"]["pk_indikator"] if r["kode_indikator"] == kode)


def said(f, indonesian: str, english: str) -> None:
    """The finding's message starts with these words in each language."""
    assert f.message("id").startswith(indonesian), f.message("id")
    assert f.message("en").startswith(english), f.message("en")


def test_amounts_are_grouped_the_way_of_each_language(check, data):
    _row(data, "01.01.02")["realisasi"] = 18_000_000  # 180.000.000 with a digit dropped
    f = one(check(data), "BUD021")
    assert f.expected == 1_000_000_000 - 820_000_000  # 01.01 minus its other sub kegiatan
    said(f, "nilai ini membuat Belanja!C7, Realisasi!K6 tidak cocok: dengan 180.000.000 (tertulis 18.000.000)",
         "this value makes Belanja!C7, Realisasi!K6 disagree: with 180,000,000 (found 18,000,000)")


def test_an_expected_percentage_has_the_typed_values_decimals_at_least_two(check, data, write):
    _pk(data, "IKU2")["capaian"] = TypedOverride(D("100"))  # realisasi 95 / target 90
    path = write(data)
    f = one(check_workbook(path).findings, "KIN001")
    exact = D(95) / D(90) * 100  # 105,5555...
    shown = exact.quantize(D("0.01"), ROUND_HALF_UP)
    assert str(shown) == "105.56"
    assert f.message("id") == "capaian seharusnya 105,56 % (R/T × 100), tertulis 100 %"
    assert f.message("en") == "achievement should be 105.56 % (R/T × 100), found 100 %"
    assert f.to_dict()["expected"] == float(exact)  # JSON keeps the exact value
    out = path.with_name("annotated.xlsx")
    write_annotated(path, out, check_workbook(path).findings, "en")
    rows = {r[3]: r for r in openpyxl.load_workbook(out)["Temuan"].iter_rows(min_row=2, values_only=True)}
    assert (rows["KIN001"][6], rows["KIN001"][7]) == ("105.56", "100")  # the list says what the message says


def test_an_expected_value_keeps_the_decimals_that_tell_it_from_the_found_one():
    # 96,4706 typed as 96,47 would be accepted; a value that differs only further on shows as many
    # decimals as tell the two apart, never the same number twice
    f = Finding("BUD002", "Realisasi", "L7", expected=D("96.4706"), found=D("96.47"))
    assert f.message("id") == "% realisasi seharusnya 96,471 %, tertulis 96,47 %"
    f = Finding("BUD002", "Realisasi", "L7", expected=D("96.4706"), found=D("96.4704"))
    assert f.message("en") == "spending % should be 96.4706 %, found 96.4704 %"
    f = Finding("BUD001", "Realisasi", "M7", expected=D("15829895.42"), found=15_829_895)  # a fraction typed
    assert f.message("en") == "balance should be 15,829,895.42, found 15,829,895"


def test_english_budget_messages_name_the_english_columns_and_count_one_child(check, data):
    _row(data, "02.01")["realisasi"] = 380_000_000  # its one sub kegiatan spent 390.000.000
    f = next(f for f in check(data) if f.code == "BUD003" and f.cell == "K10")  # (and 02 above it, K9)
    said(f, "realisasi 02.01 seharusnya 390.000.000 (jumlah 1 rincian), tertulis 380.000.000",
         "spending of 02.01 should be 390,000,000 (sum of its 1 child row), found 380,000,000")


def test_the_pk_budget_names_its_version_in_english(check, data):
    data["tables"]["pk_program"][0]["pagu_perubahan"] = 1_005_000_000  # 1.050.000.000, two digits swapped
    f = one(check(data), "BUD006")
    said(f, "pagu perubahan program 01 di PK 1.005.000.000, jumlah sub kegiatan di sheet Realisasi 1.050.000.000",
         "the revised budget of programme 01 on PK is 1,005,000,000; its sub-activities on Realisasi sum to "
         "1,050,000,000")


def test_belanja_sums_are_said_in_english(check, data):
    row = next(r for r in data["tables"]["belanja"] if r["uraian"] == "Belanja Pegawai")
    row["realisasi"] = 82_000_000  # 820.000.000 with a digit dropped
    f = one([f for f in check(data) if f.severity == "error"], "BUD008")
    said(f, "Belanja Pegawai (realisasi) seharusnya 820.000.000 (Σ sub kegiatan Belanja Pegawai), tertulis 82.000.000",
         "Belanja Pegawai (spent) should be 820,000,000 (Σ sub-activities of Belanja Pegawai), found 82,000,000")


def test_the_quarter_rule_is_said_in_english(check, data):
    ra = next(r for r in data["tables"]["ra_indikator"] if r["kode_indikator"] == "IKU2")
    ra["target_tw4"] = 85  # akhir: TW IV is the annual target, 90
    f = one(check(data), "KIN008")
    said(f, "akhir (TW IV): hasil triwulan 85 ≠ target tahunan 90", "akhir (Q4): quarters give 85, annual target is 90")


def test_a_kegiatan_without_sub_kegiatan_is_said_in_english(check, data):
    rows = data["tables"]["realisasi"]
    rows.insert(rows.index(_row(data, "03")), {"kode": "02.02", "uraian": "Kegiatan tanpa rincian"})
    findings = check(data)
    assert codes_at(findings, "BUD009") == ["Realisasi!A12"]
    f = one(findings, "BUD009")
    assert (f.message("id"), f.message("en")) == ("02.02 tidak punya sub kegiatan", "02.02 has no sub-activity")


def test_a_formula_error_value_says_what_to_do(data, write):
    path = rewrite_sheet(write(data), PK, "K6", '<c r="K6" s="{s}" t="e"><f>#REF!/H6</f><v>#REF!</v></c>')
    f = one(check_workbook(path).findings, "VAL010")
    assert f.cell == "K6"
    assert f.message("id") == ("sel berisi nilai kesalahan #REF!: rumusnya merujuk sel, baris atau kolom yang sudah "
                               "dihapus; salin rumus kolom ini dari baris yang masih benar atau dari templat kosong "
                               "(lkjip-xl template)")
    assert "formula refers to a cell, row or column that was deleted" in f.message("en")


def test_a_number_made_a_date_says_what_to_do(check, data):
    _pk(data, "IKU4")["realisasi"] = dt.date(2026, 5, 4)  # 4/5 typed: the spreadsheet made it 4 May
    f = one(check(data), "VAL011")
    assert f.cell == "J8"
    assert f.message("id").startswith("tanggal 4 Mei 2026 di kolom angka: angka yang diketik (mis. 4/5 atau 4-5) "
                                      "dijadikan tanggal; ubah format sel ke Angka")
    assert f.message("en").startswith("date 4 May 2026 in a number column")
    assert "set the cell's format to Number" in f.message("en")
    assert f.to_dict()["found"] == "2026-05-04"  # JSON keeps the raw date


def test_a_value_outside_the_table_is_quoted(data, write):
    path = write(data)
    wb = openpyxl.load_workbook(path)
    wb["PK"]["S5"] = "lihat lampiran"  # a note typed beside the table, read as an instruction when unquoted
    wb.save(path)
    f = one(check_workbook(path).findings, "STR005")
    assert (f.cell, f.message("id")) == ("S5", "ada isian di luar tabel: 'lihat lampiran'; tidak ikut dihitung")
    assert f.message("en") == "a value outside the table: 'lihat lampiran'; it is not used"


def test_a_population_is_grouped_the_way_of_each_language(check, data):
    data["forms"]["skm_info"]["populasi"] = 2000  # Krejcie–Morgan: 322 for 2.000; 40 answered
    f = one(check(data), "SKM005")
    said(f, "40 responden sah, kurang dari sampel minimum 322 untuk populasi 2.000 ",
         "40 valid respondents, fewer than the minimum sample of 322 for a population of 2,000 ")


def test_an_unusable_scale_row_is_said_in_indonesian(check, data):
    rows = default_skala_rows()
    sedang = next(r for r in rows if r["preset"] == "Permendagri 86/2017" and r["label"] == "Sedang")
    sedang["bawah_inklusif"] = "mungkin"  # neither ya nor tidak
    data["tables"]["skala"] = rows
    f = one(check(data), "SCL004")
    assert f.message("id") == "skala Permendagri 86/2017: baris 'Sedang' tidak dapat dipakai (bukan ya/tidak: 'mungkin')"
    assert f.message("en") == "scale Permendagri 86/2017: row 'Sedang' cannot be used (not a yes/no value: 'mungkin')"


def test_spending_above_the_plan_names_the_quarter_as_the_sheet_does(check, data):
    """Running totals: spent 600 million by TW II against 525 million planned."""
    row = data["tables"]["ra_kegiatan"][0]
    for q, (p, r) in enumerate(zip((262_500_000, 525_000_000, 787_500_000, 1_050_000_000),
                                   (250_000_000, 600_000_000, 750_000_000, 1_000_000_000)), 1):
        row[f"pagu_tw{q}"], row[f"realisasi_tw{q}"] = p, r
    f = one(check(data), "BUD023")
    assert f.message("id") == "realisasi 01.01 sampai TW II, 600.000.000, melebihi pagu sampai TW II, 525.000.000"
    assert f.message("en") == ("spending of 01.01 up to Q2 is 600,000,000, above the budget planned up to Q2, "
                               "525,000,000")


def test_one_unprinted_row_is_one_row(data, write):
    path = write(data)  # SAKIP empty: its print area is the blank template's, to row 4
    wb = openpyxl.load_workbook(path)
    for col, value in zip("ABCDEFG", (2023, 20, 20, 10, 15, 65, "B")):  # one evaluation typed in
        wb["SAKIP"][f"{col}5"] = value
    wb.save(path)
    f = one(check_workbook(path).findings, "PRN002")
    assert f.cell == "A5"
    assert f.message("id") == ("area cetak masih area templat kosong (sampai baris 4): baris 5 yang terisi belum ikut "
                               "tercetak; lkjip-xl rapikan memperluasnya")
    assert f.message("en").startswith("the print area is still the blank template's (to row 4): filled row 5 not")


def test_a_sheet_in_thousands_says_its_factor_the_way_of_each_language(check, data):
    for row in data["tables"]["belanja"]:  # Belanja typed in thousands of rupiah, as reports print it
        for key in ("anggaran", "realisasi"):
            if row.get(key):
                row[key] //= 1000
    f = one(check(data), "BUD032")
    assert "ribuan rupiah: 1.000 × lebih kecil daripada di" in f.message("id")
    assert "thousands of rupiah: 1,000 × smaller than on" in f.message("en")


def test_a_revised_budget_typed_dash_names_the_original_budget_in_english(check, data):
    _row(data, "01.01.02")["pagu_perubahan"] = "-"  # what an office writes for "no revision"
    f = one(check(data), "BUD031")
    assert f.cell == "J8"
    said(f, "pagu perubahan '-' dibaca 0 (nihil), di samping pagu murni 200.000.000",
         "the revised budget '-' is read as 0 (nil), beside an original budget of 200,000,000: if there was no "
         "revision, leave the cell blank (the original budget counts)")


def test_an_error_value_typed_as_an_input_is_one_error_its_formulas_notes(data, write):
    # =1/0 typed as IKU2's target: the capaian and kriteria formulas of its row show #DIV/0! too
    path = rewrite_sheet(write(data), PK, "H6", '<c r="H6" s="{s}" t="e"><f>1/0</f><v>#DIV/0!</v></c>')
    path = rewrite_sheet(path, PK, "K6", '<c r="K6" s="{s}" t="e"><f>H6/J6</f><v>#DIV/0!</v></c>')
    path = rewrite_sheet(path, PK, "L6", '<c r="L6" s="{s}" t="e"><f>K6</f><v>#DIV/0!</v></c>')
    findings = [f for f in check_workbook(path).findings if f.code == "VAL010"]
    assert [(f.cell, f.severity, f.params.get("follows")) for f in findings] == [
        ("H6", "error", None), ("K6", "info", "PK!H6"), ("L6", "info", "PK!K6")]
    assert findings[0].message("en") == ("the cell holds the error #DIV/0!: its formula divides by 0 or a blank cell; "
                                         "fill in the cell it divides by")
    assert findings[1].message("en") == "the cell holds the error #DIV/0! — it follows from the cell PK!H6"


def test_a_truncated_value_is_named_in_english_in_english(check, data):
    row = _row(data, "03.01.01")
    row["target_keluaran"], row["realisasi_keluaran"] = D("9"), D("7")
    row["persen_keluaran"] = TypedOverride(D("77"))  # 7 / 9 × 100 = 77,777…: cut, not rounded (78)
    f = one(check(data), "KIN002")
    assert (f.sheet, f.cell, f.severity) == ("Realisasi", "H14", "warning")
    said(f, "capaian keluaran 77 % adalah 77,78 % yang dipotong", "output achievement 77 % is 77.78 % truncated")
    # the list value to pick stays as the workbook's list has it, said as a value of that list
    assert f.message("en").endswith("(if the office truncates on purpose, choose the value 'pemotongan' (truncate) "
                                    "in the list of Pembulatan tampilan on Identitas)")


def test_a_truncated_spending_percentage_is_named_in_english_in_english(check, data):
    row = _row(data, "03.01.01")
    pagu = D(row["pagu_perubahan"] or row["pagu_murni"])
    row["realisasi"] = int(pagu * D("0.95777"))  # (and the parents' SUMs follow)
    exact = D(row["realisasi"]) / pagu * 100
    cut = exact.quantize(D("0.1"), rounding="ROUND_DOWN")
    assert cut != exact.quantize(D("0.1"), rounding=ROUND_HALF_UP)  # a value whose cut is not its rounding
    row["persen_realisasi"] = TypedOverride(cut)
    f = one(check(data), "BUD015")
    assert (f.sheet, f.cell, f.severity) == ("Realisasi", "L14", "warning")
    two = exact.quantize(D("0.01"), rounding=ROUND_HALF_UP)
    said(f, f"% realisasi {str(cut).replace('.', ',')} % adalah {str(two).replace('.', ',')} % yang dipotong",
         f"spending % {cut} % is {two} % truncated")


def test_skm_summary_columns_and_unsur_are_named_in_english_in_english(check, data):
    data["tables"]["skm_responden"][3]["u3"] = 7  # an answer out of 1–4 for Waktu Penyelesaian
    f = one(check(data), "SKM001")
    assert f"U3 {'Waktu Penyelesaian'}" in f.message("id") and "U3 Completion Time" in f.message("en")
    assert "Waktu" not in f.message("en")


def test_a_percentage_typed_over_its_formula_is_written_with_its_percent_sign(check, data):
    _pk(data, "IKU1")["capaian"] = TypedOverride(D("105.83"))  # 86,94 / 82,15 × 100 = 105,8308…, rounded
    f = one(check(data), "FRM001")
    assert (f.sheet, f.cell, f.severity) == ("PK", "K5", "info")
    assert f.message("id") == "sel rumus ditimpa dengan nilai ketikan 105,83 % (sama dengan hasil rumusnya)"
    assert f.message("en") == "a formula cell was overwritten with the typed value 105.83 % (what the formula gives)"


def test_an_amount_typed_over_its_formula_has_no_percent_sign(check, data):
    row = _row(data, "01.01.02")
    row["sisa"] = TypedOverride(D(row["pagu_perubahan"] or row["pagu_murni"]) - D(row["realisasi"]))
    f = one(check(data), "FRM001")
    assert (f.sheet, f.cell, f.severity) == ("Realisasi", "M8", "info")
    assert "%" not in f.message("id") and "%" not in f.message("en")


def test_no_realisasi_yet_is_said_in_english_words(check, data):
    for row in data["tables"]["pk_indikator"]:  # a PK signed in January: no realisasi measured yet
        row["realisasi"] = None
    f = one(check(data), "KIN007")
    assert (f.sheet, f.cell, f.severity) == ("PK", "J5", "warning")
    said(f, "realisasi semua 4 indikator (J5–J8; capaian dan kriteria belum dapat dihitung)",
         "actual of all 4 indicators (J5–J8; no achievement or rating can be computed yet)")
