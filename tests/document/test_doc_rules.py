"""DOC005-DOC009, the document-check codes that had no test: a malformed number (DOC005), a budget
year that is not the workbook's (DOC006), an amount in words that says another amount (DOC007) or
is no well-formed number (DOC008), and a table whose amounts mostly differ from the workbook
(DOC009). Each report is a small .docx written here with python-docx and holds the one thing the
rule is about; it is checked against the valid workbook (tests/valid_workbook.py). The expected
values (the number the words say, the workbook's year and amounts) are worked out here, by hand or
from the workbook's data, not taken from lkjip-xl."""
from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest
from helpers import rupiah
from docx import Document
from valid_workbook import valid_data

from lkjip_xl.document.check import check_document

DATA = valid_data()
YEAR = DATA["forms"]["identitas"]["tahun"]
BUDGET = {r["kode"] or "TOTAL": r for r in DATA["tables"]["realisasi"]}
PROGRAMS = ("01", "02", "03")
UNDER_TEST = ("DOC005", "DOC006", "DOC007", "DOC008", "DOC009")
HEADER = ["No", "Program", "Anggaran (Rp)"]


def program_rows(amounts: dict[str, str]) -> list[list[str]]:
    """The header and one row per programme (its name from the workbook) with the amount printed."""
    return [HEADER] + [[str(n), BUDGET[code]["uraian"], amounts[code]] for n, code in enumerate(amounts, start=1)]


def write_report(path: Path, paragraphs=(), table: list[list[str]] | None = None, caption: str = "") -> Path:
    """Paragraphs first, then (when given) the caption paragraph and the table."""
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    if table:
        doc.add_paragraph(caption)
        grid = doc.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    doc.save(str(path))
    return path


def check(tmp_path: Path, workbook: Path, **report):
    return check_document(write_report(tmp_path / "laporan.docx", **report), workbook)


def codes(result) -> list[str]:
    return sorted(f.code for f in result.findings)


def only(result, code: str):
    hits = [f for f in result.findings if f.code == code]
    assert len(hits) == 1, [(f.code, f.sheet, f.cell, f.expected, f.found) for f in result.findings]
    return hits[0]


def only_at(result, sheet: str):
    [f] = [f for f in result.findings if f.sheet == sheet]
    return f


def status(result, printed: str) -> str:
    [number] = [n for n in result.numbers if n["number"] == printed]
    return number["status"]


# ------------------------------------------------------------------ DOC005 malformed number
def test_doc005_malformed_amount_in_prose_is_compared_by_its_likely_reading(tmp_path, workbook):
    total = BUDGET["TOTAL"]["pagu_perubahan"]  # 1.770.000.000; printed with a comma among the dots
    printed = "1.770.000,000,00"
    result = check(tmp_path, workbook, paragraphs=[
        "Gambaran umum kecamatan.", f"Kecamatan Contoh didukung dengan anggaran sebesar Rp {printed} dari APBD-P."])
    f = only(result, "DOC005")
    assert (f.sheet, f.cell, f.params["location"]) == ("Paragraf 2", "", {"paragraph": 2})
    assert (f.params["number"], f.expected, f.found, f.severity) == (printed, None, D(total), "warning")
    assert codes(result) == ["DOC005"]
    assert status(result, printed) == "agree"  # its likely reading is the workbook's total


@pytest.mark.parametrize("printed, reading, also", [
    ("320.000,000,00", 320_000_000, []),  # the likely reading agrees: DOC005 alone
    ("330.000,000,00", 330_000_000, ["DOC001"]),  # the likely reading disagrees: DOC001 too
])
def test_doc005_in_a_table_cell(tmp_path, workbook, printed, reading, also):
    table = program_rows({"03": printed})
    result = check(tmp_path, workbook, table=table, caption="Tabel 2.1 Anggaran Program")
    f = only(result, "DOC005")
    assert (f.sheet, f.cell, f.found, f.params["number"]) == ("Tabel 2.1", "C2", D(reading), printed)
    assert (f.params["location"]["table"], f.params["location"]["row"]) == ("Tabel 2.1", 2)
    assert codes(result) == sorted(["DOC005", *also])
    if also:
        wrong = only(result, "DOC001")
        assert (wrong.cell, wrong.expected, wrong.found) == ("C2", BUDGET["03"]["pagu_perubahan"], D(reading))


def test_doc005_a_money_marked_malformed_amount_without_a_likely_reading_is_reported(tmp_path, workbook):
    result = check(tmp_path, workbook, paragraphs=["Bantuan operasional diterima sebesar Rp 1.25.000."])
    f = only(result, "DOC005")
    assert (f.sheet, f.params["number"], f.found) == ("Paragraf 1", "1.25.000", None)
    assert f.message("en") == "number 1.25.000 is malformed: it reads as no amount"


# ------------------------------------------------------------------ DOC006 budget year
def test_doc006_a_budget_year_neither_the_workbooks_nor_the_year_before(tmp_path, workbook):
    result = check(tmp_path, workbook, paragraphs=[
        f"DPA Tahun Anggaran {YEAR}", f"Realisasi Tahun Anggaran {YEAR - 1}",  # the year and the year before
        f"TAHUN ANGGARAN : {YEAR + 1}", f"Rencana kerja TA. {YEAR - 2}"])
    found = sorted((f.sheet, f.cell, f.params["location"]["paragraph"], f.expected, f.found, f.params["number"])
                   for f in result.findings if f.code == "DOC006")
    assert found == [("Paragraf 3", "", 3, str(YEAR), str(YEAR + 1), str(YEAR + 1)),
                     ("Paragraf 4", "", 4, str(YEAR), str(YEAR - 2), str(YEAR - 2))]
    assert codes(result) == ["DOC006", "DOC006"]
    assert f"the workbook is for {YEAR}" in only_at(result, "Paragraf 3").message("en")


@pytest.mark.parametrize("cover, stale", [
    (["LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)", "KECAMATAN UJI", "TAHUN {prev}"], [3]),
    (["LKjIP TA {prev}", "KECAMATAN UJI"], [1]),  # last year, which the body may speak of, is no cover's year
    (["LAPORAN KINERJA", "KECAMATAN UJI", "{prev}"], [3]),  # the year alone on its line
    (["LKjIP {year} KECAMATAN UJI", "TA {year}", "TAHUN {next}"], []),  # Medan Amplas: published the year after
    (["LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN {year}", "sesuai Perwal Nomor 6 Tahun {old}"], []),
])
def test_doc006_a_cover_left_from_last_years_report(tmp_path, workbook, cover, stale):
    """A year on the cover (the lines before the front matter) names the report: the workbook's
    year, or the next, when it is published. A cover copied from last year's report said its
    year in silence: "Tahun 2022" is no budget-year cue, and "TA 2022" was read as last year's,
    which the body may speak of. A regulation's year is no claim."""
    years = {"year": YEAR, "prev": YEAR - 1, "next": YEAR + 1, "old": YEAR - 5}
    paragraphs = [line.format(**years) for line in cover] + [
        "KATA PENGANTAR", f"Laporan ini memuat kinerja Tahun Anggaran {YEAR} dan Tahun {YEAR - 1} sebagai pembanding."]
    result = check(tmp_path, workbook, paragraphs=paragraphs)
    found = [(f.sheet, f.expected, f.found) for f in result.findings if f.code == "DOC006"]
    assert found == [(f"Paragraf {n}", str(YEAR), str(YEAR - 1)) for n in stale]
    assert all(f.message("en").startswith(f"report year {YEAR - 1},") for f in result.findings if f.code == "DOC006")


def test_without_front_matter_a_first_line_year_is_no_cover(tmp_path, workbook):
    """A document that does not open with a cover and front matter (a PK, a chapter sent alone):
    "Tahun {last year}" in its first lines is prose, as anywhere in the body."""
    result = check(tmp_path, workbook, paragraphs=[
        f"Perbandingan dengan Tahun {YEAR - 1}", f"Capaian Tahun Anggaran {YEAR} telah dilaporkan."])
    assert [f for f in result.findings if f.code == "DOC006"] == []


# ------------------------------------------------------------------ DOC007, DOC008 words beside the digits
@pytest.mark.parametrize("printed, words, code, said", [
    ("1.500.000", "satu juta empat ratus ribu rupiah", "DOC007", 1 * 10**6 + 400 * 10**3),
    ("1.250.000", "satu juta dua ratus lima puluh rupiah", "DOC007", 1 * 10**6 + 250),  # "ribu" dropped: a number
    ("1.250.000", "satu dua ratus lima puluh ribu rupiah", "DOC008", None),  # "juta" missing: no number
    # Medang Kampai L283 (docs/rules.md): "ribu" missing after "empat puluh delapan"
    ("8.054.048.938", ("Delapan milyar lima puluh empat juta empat puluh delapan sembilan ratus tiga puluh "
                       "delapan rupiah"), "DOC008", None),
])
def test_words_beside_the_digits_that_say_another_amount_or_none(tmp_path, workbook, printed, words, code, said):
    """DOC007 when the words are a number other than the digits; DOC008 (and not DOC007) when they
    are no well-formed number at all."""
    result = check(tmp_path, workbook, paragraphs=[
        "Dukungan pihak ketiga.", f"Bantuan CSR yang diterima sebesar Rp {printed} ({words}) pada bulan Mei."])
    f = only(result, code)
    assert (f.sheet, f.cell, f.params["location"]) == ("Paragraf 2", "", {"paragraph": 2})
    severity = "error" if code == "DOC007" else "warning"
    assert (f.expected, f.found, f.severity) == (said, int(printed.replace(".", "")), severity)
    assert (f.params["words"], f.params["number"]) == (words, printed)
    assert codes(result) == [code]


def test_doc007_in_a_table_cell_whose_digits_agree_with_the_workbook(tmp_path, workbook):
    pagu = BUDGET["03"]["pagu_perubahan"]  # 320.000.000
    words = "tiga ratus dua puluh satu juta rupiah"
    table = program_rows({"03": f"Rp {rupiah(pagu)} ({words})"})
    result = check(tmp_path, workbook, table=table, caption="Tabel 2.1 Anggaran Program")
    f = only(result, "DOC007")
    assert (f.sheet, f.cell, f.expected, f.found) == ("Tabel 2.1", "C2", 321 * 10**6, pagu)
    assert codes(result) == ["DOC007"]  # the words are checked against the digits, not the workbook
    assert status(result, rupiah(pagu)) == "agree"


def test_doc007_50_sen_do_not_decide_by_odd_or_even(tmp_path, workbook):
    """Words spelling the whole rupiah of an amount with 50 sen: the same verdict for 1.500.000,50 and
    1.500.001,50 (whatever the rule for sen is: dropped, or rounded half up as lkjip-xl rounds)."""
    even = check(tmp_path, workbook, paragraphs=[
        "Bantuan sebesar Rp 1.500.000,50 (satu juta lima ratus ribu rupiah)."])
    odd = check(tmp_path, workbook, paragraphs=[
        "Bantuan sebesar Rp 1.500.001,50 (satu juta lima ratus ribu satu rupiah)."])
    assert codes(even) == codes(odd) == []




@pytest.mark.parametrize("cell, code", [
    ("320.000,000,00", "DOC005"),
    ("Rp 320.000.000 (tiga ratus dua puluh satu juta rupiah)", "DOC007"),
    ("Rp 320.000.000 (tiga dua puluh juta rupiah)", "DOC008"),  # "ratus" missing
])
def test_a_number_finding_in_a_table_carries_its_cell_in_the_json_location(tmp_path, workbook, cell, code):
    result = check(tmp_path, workbook, table=program_rows({"03": cell}), caption="Tabel 2.1 Anggaran Program")
    f = only(result, code)
    assert f.cell == "C2"
    assert result.to_dict("en")["findings"][0]["location"].get("cell") == "C2"


# ------------------------------------------------------------------ DOC009 table of other amounts
CAPTION = "Tabel 3.1 Rincian Anggaran Seksi Pemerintahan"
SHARE = {"01": "100.000.000", "02": "50.000.000", "03": "30.000.000"}  # one official's share: no workbook amount


def workbook_pagu(code: str) -> set[int]:
    return {BUDGET[code]["pagu_murni"], BUDGET[code]["pagu_perubahan"]}


def test_doc009_a_table_whose_amounts_all_differ_is_reported_once(tmp_path, workbook):
    assert all(int(SHARE[c].replace(".", "")) not in workbook_pagu(c) for c in PROGRAMS)
    result = check(tmp_path, workbook, paragraphs=["Perincian anggaran per seksi."],
                   table=program_rows(SHARE), caption=CAPTION)
    f = only(result, "DOC009")
    assert (f.sheet, f.cell, f.expected, f.found, f.params["n"], f.severity) == ("Tabel 3.1", "", None, 3, 3, "info")
    assert (f.params["location"]["table"], f.params["location"]["row"]) == ("Tabel 3.1", 2)  # the first row
    assert "3 of the 3 amounts" in f.message("en")
    assert codes(result) == ["DOC009"]  # no DOC001 one by one
    assert [status(result, SHARE[c]) for c in PROGRAMS] == ["unmatched"] * 3


def test_doc009_counts_the_differing_amounts_and_stands_at_the_first(tmp_path, workbook):
    printed = {**SHARE, "01": rupiah(BUDGET["01"]["pagu_perubahan"])}  # programme 01 as the workbook has it
    result = check(tmp_path, workbook, table=program_rows(printed), caption=CAPTION)
    f = only(result, "DOC009")
    assert (f.sheet, f.found, f.params["n"]) == ("Tabel 3.1", 2, 3)
    assert (f.params["location"]["row"], f.params["location"]["docx_row"]) == (3, 2)  # programme 02's row
    assert codes(result) == ["DOC009"]
    assert [status(result, printed[c]) for c in PROGRAMS] == ["agree", "unmatched", "unmatched"]


def test_half_of_the_amounts_differing_is_no_doc009(tmp_path, workbook):
    """Two wrong of four (three programmes and the Jumlah): not "mostly", each is DOC001 at its cell."""
    printed = {"01": SHARE["01"], "02": SHARE["02"], "03": rupiah(BUDGET["03"]["pagu_perubahan"])}
    table = program_rows(printed) + [["", "Jumlah", rupiah(BUDGET["TOTAL"]["pagu_perubahan"])]]
    result = check(tmp_path, workbook, table=table, caption=CAPTION)
    assert codes(result) == ["DOC001", "DOC001"]
    assert sorted((f.cell, f.expected, f.found) for f in result.findings) == [
        ("C2", BUDGET["01"]["pagu_perubahan"], int(SHARE["01"].replace(".", ""))),
        ("C3", BUDGET["02"]["pagu_perubahan"], int(SHARE["02"].replace(".", "")))]


# ------------------------------------------------------------------ a correct report
def test_a_correct_report_gives_none_of_these_codes(tmp_path, workbook):
    total, spent = BUDGET["TOTAL"]["pagu_perubahan"], BUDGET["TOTAL"]["realisasi"]
    assert (total, spent) == (1_770_000_000, 1_694_000_000)  # the words below are written for these
    paragraphs = [
        f"Laporan Kinerja Kecamatan Contoh Tahun Anggaran {YEAR}",
        (f"Kecamatan Contoh didukung dengan anggaran sebesar Rp {rupiah(total)} (satu miliar tujuh ratus tujuh "
         f"puluh juta rupiah), dengan realisasi sebesar Rp {rupiah(spent)},00 (satu miliar enam ratus sembilan "
         "puluh empat juta rupiah)."),
        f"Sebagai pembanding, laporan Tahun Anggaran {YEAR - 1} telah disampaikan."]
    table = program_rows({c: rupiah(BUDGET[c]["pagu_perubahan"]) for c in PROGRAMS})
    result = check(tmp_path, workbook, paragraphs=paragraphs, table=table, caption="Tabel 3.1 Anggaran Program")
    assert [f.code for f in result.findings if f.code in UNDER_TEST] == []
    assert result.findings == []
    assert (result.checked, result.unmatched) == (7, 0)  # two years, two amounts in prose, three in the table
    assert {n["status"] for n in result.numbers} == {"agree"}
