"""`lkjip-xl annex` as a user runs it: exit codes, --force, refusing to overwrite, the docx,
determinism, text that looks like a formula, English."""
from __future__ import annotations

import copy

import hashlib
import re
import zipfile
from decimal import Decimal as D

import docx
import openpyxl
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from test_annex_support import (  # noqa: F401 - annex_outputs is a fixture
    SAMPLE_2022, SAMPLE_2023, SheetTable, annex_outputs, ensure_samples, run_annex,
)


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fills(wb) -> set:
    out = set()
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                rgb = c.fill.fgColor.rgb if c.fill and c.fill.fill_type == "solid" else None
                if isinstance(rgb, str) and rgb.endswith(("FFC7CE", "FFEB9C")):
                    out.add((ws.title, c.coordinate))
    return out


# --------------------------------------------------------------------------- exit codes

def test_valid_workbook_exit_0_without_temuan(write, data, tmp_path):
    out = tmp_path / "lampiran.xlsx"
    result = run_annex(write(data), "-o", out)
    assert result.exit_code == 0, result.output
    assert "ditulis:" in result.output
    wb = openpyxl.load_workbook(out)
    assert "Temuan" not in wb.sheetnames and wb.sheetnames[0] == "Perjanjian Kinerja"
    assert not _fills(wb)  # nothing to mark


def test_errors_without_force_exit_1_and_nothing_written(tmp_path):
    ensure_samples()
    out = tmp_path / "lampiran.xlsx"
    result = run_annex(SAMPLE_2023, "-o", out)
    assert result.exit_code == 1
    assert not out.exists()
    lines = result.stdout.splitlines()
    assert "Realisasi!A16 [VAL008] kode 01.03.04 sudah dipakai di A15" in lines  # one line per error
    assert "PK!J6 [KIN013]" in result.stdout
    assert "--force" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_last_years_errors_count_too(write, data, tmp_path):
    """--tahun-lalu: the two-year table prints last year's numbers, so its errors block as well."""
    prev = copy.deepcopy(data)
    prev["forms"]["identitas"]["tahun"] = 2023  # last year's workbook of the same unit ...
    prev["tables"]["realisasi"][2]["realisasi"] = 810_000_000  # ... whose 01.01.01 is mistyped (820.000.000)
    out = tmp_path / "lampiran.xlsx"
    result = run_annex(write(data), "-o", out, "--tahun-lalu", write(prev, "prev.xlsx"))
    assert result.exit_code == 1 and not out.exists()
    assert "prev.xlsx: Realisasi!K7 [BUD021]" in result.stdout  # at the cell its kegiatan's sum points to


def test_force_writes_temuan_first_and_marks_cells(annex_outputs):
    wb = openpyxl.load_workbook(annex_outputs["one"])
    assert wb.sheetnames[0] == "Temuan"
    temuan = SheetTable(wb["Temuan"]).rows()
    listed = {(r[3], r[4], r[5]) for r in temuan}
    assert {("Realisasi", "A16", "VAL008"), ("Realisasi", "A10", "VAL009"), ("PK", "J6", "KIN013"),
            ("Realisasi", "H13", "KIN010")} <= listed
    marked = _fills(wb)
    # KIN010 at Realisasi!H13 (01.03.02's output 10 of 8 typed as 100 %): its capaian cell is red
    ws = wb["Capaian Keluaran"]
    t = SheetTable(ws)
    i = next(k for k, r in enumerate(t.rows()) if r[0] == "01.03.02")
    assert (ws.title, t.cells(i)[6].coordinate) in marked
    # KIN013 at PK!J6 (IKU2 realisasi 96, components give 95,45): the realisasi cell in Pengukuran
    ws = wb["Pengukuran Kinerja"]
    t = SheetTable(ws)
    assert (ws.title, t.cells(1)[5].coordinate) in marked
    # the duplicate code 01.03.04 (A16) is marked in the budget table, not its twin at A15
    ws = wb["Realisasi Anggaran"]
    t = SheetTable(ws)
    rows = [k for k, r in enumerate(t.rows()) if r[0] == "01.03.04"]
    assert (ws.title, t.cells(rows[1])[0].coordinate) in marked
    assert (ws.title, t.cells(rows[0])[0].coordinate) not in marked


def test_refuses_to_write_over_the_input(tmp_path):
    ensure_samples()
    before = _sha(SAMPLE_2023)
    result = run_annex(SAMPLE_2023, "-o", SAMPLE_2023, "--force", "--overwrite")
    assert result.exit_code == 2
    assert _sha(SAMPLE_2023) == before
    assert "Traceback" not in result.output and len(result.stderr.strip().splitlines()) == 1
    result = run_annex(SAMPLE_2023, "-o", tmp_path / "a.xlsx", "--docx", SAMPLE_2023.with_suffix(".docx"),
                       "--tahun-lalu", SAMPLE_2023)
    assert result.exit_code == 2  # last year's workbook cannot be this year's


def test_existing_output_needs_overwrite(write, data, tmp_path):
    src = write(data)
    out = tmp_path / "lampiran.xlsx"
    out.write_bytes(b"old")
    result = run_annex(src, "-o", out)
    assert result.exit_code == 2 and out.read_bytes() == b"old"
    assert "--overwrite" in result.stderr
    assert run_annex(src, "-o", out, "--overwrite").exit_code == 0
    assert zipfile.is_zipfile(out)


@pytest.mark.parametrize("args, words", [
    (["-o", "{tmp}/a.csv"], ".xlsx"),
    (["-o", "{tmp}/a.xlsx", "--docx", "{tmp}/a.rtf"], ".docx"),
    (["-o", "{tmp}/missing_dir/a.xlsx"], "folder"),
])
def test_bad_arguments_exit_2_with_one_line(write, data, tmp_path, args, words):
    result = run_annex(write(data), *[a.format(tmp=tmp_path) for a in args])
    assert result.exit_code == 2
    assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_unreadable_input_exit_2(tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_text("no,spreadsheet\n")
    result = run_annex(bad, "-o", tmp_path / "out.xlsx", "--lang", "en")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    result = run_annex(tmp_path / "nope.xlsx", "-o", tmp_path / "out.xlsx", "--lang", "en")
    assert result.exit_code == 2 and "file not found" in result.stderr


# --------------------------------------------------------------------------- output properties

def test_deterministic(write, data, tmp_path):
    src = write(data)
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert run_annex(src, "-o", a, "--docx", tmp_path / "a.docx").exit_code == 0
    assert run_annex(src, "-o", b, "--docx", tmp_path / "b.docx").exit_code == 0
    with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
        sheets = sorted(n for n in za.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml"))
        assert sheets and sheets == sorted(n for n in zb.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml"))
        for name in sheets:
            assert za.read(name) == zb.read(name), name
        assert za.read("docProps/core.xml") == zb.read("docProps/core.xml")
    assert a.read_bytes() == b.read_bytes()
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()


def test_text_that_looks_like_a_formula_stays_text(write, data, tmp_path):
    data["tables"]["realisasi"][1]["uraian"] = "=SUM(A1:A9)"
    data["tables"]["realisasi"][2]["uraian"] = "+62 layanan"
    data["tables"]["realisasi"][3]["uraian"] = "-"
    data["tables"]["pk_indikator"][0]["indikator"] = "@indeks"
    out = tmp_path / "a.xlsx"
    assert run_annex(write(data), "-o", out).exit_code == 0
    wb = openpyxl.load_workbook(out)
    t = SheetTable(wb["Realisasi Anggaran"])
    cells = {t.cells(i)[1].value: t.cells(i)[1] for i in range(len(t.rows()))}
    for text in ("=SUM(A1:A9)", "+62 layanan", "-"):
        assert cells[text].data_type == "s", text
    assert SheetTable(wb["Perjanjian Kinerja"]).cells(0)[2].value == "@indeks"
    with zipfile.ZipFile(out) as z:
        assert not any(b"<f>" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))


def test_docx_has_the_tables_with_repeated_header_rows(annex_outputs):
    d = docx.Document(str(annex_outputs["docx"]))
    sec = d.sections[0]
    assert sec.orientation == WD_ORIENT.LANDSCAPE and sec.page_width > sec.page_height
    grids = [t for t in d.tables if t.style is not None and t.style.name == "Table Grid"]
    # tables 1–9 (PK has two; the sample has no respondent rows, no Rencana Aksi) and the new ones
    # with data: efisiensi per sasaran and per row; the others are signature blocks
    assert len(grids) == 11
    assert len(d.tables) == len(grids)  # the sample's Identitas names no signer: no signature block
    budget = next(t for t in d.tables if t.rows[0].cells[0].text == "Tahun 2022")

    def repeats(row) -> bool:
        tr_pr = row._tr.trPr
        return tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None

    assert [repeats(r) for r in budget.rows[:4]] == [True, True, True, False]  # 2 header rows + (1)..(12)
    total = [c.text for c in budget.rows[-1].cells]
    assert total[7:] == ["T O T A L", "30.911.880.435", "30.039.791.551", "97,18", "872.088.884"]
    assert [c.text for c in budget.rows[2].cells][:3] == ["(1)", "(2)", "(3)"]
    # merged header: "Tahun 2022" spans six columns
    assert budget.rows[0]._tr.tc_lst[0].tcPr.gridSpan.val == 6


def test_english(write, data, tmp_path):
    out = tmp_path / "a.xlsx"
    result = run_annex(write(data), "-o", out, "--lang", "en")
    assert result.exit_code == 0 and "written:" in result.output
    wb = openpyxl.load_workbook(out)
    assert "Budget Realisation" in wb.sheetnames and "Performance Agreement" in wb.sheetnames
    assert SheetTable(wb["Budget Realisation"]).header == [
        ["Code", "Description", "Budget 2024 (Rp)", "Spent 2024 (Rp)", "Spent (%)", "Balance (Rp)"]]


def test_english_capaian_footnote_names_the_turun_formula_in_english(write, data, tmp_path):
    """The footnote said '(2×target − realisasi) / target × 100' in the English annex."""
    out = tmp_path / "a.xlsx"
    assert run_annex(write(data), "-o", out, "--lang", "en").exit_code == 0
    notes = [c.value for c in openpyxl.load_workbook(out)["Performance Measurement"]["A"]
             if isinstance(c.value, str) and c.value.startswith("* Achievement")]
    assert notes and "(2 × target − actual) / target × 100" in notes[0] and "realisasi" not in notes[0]


def test_english_footnotes_print_their_numbers_the_english_way(write, data, tmp_path):
    """The English annex's notes printed '× 100 = 95,00' and 'A Sangat Baik: 88,31 ≤ x ≤ 100'."""
    parts = [(r["pembilang"], r["penyebut"]) for r in data["tables"]["pk_komponen"] if r["kode_indikator"] == "IKU2"]
    mean = sum(D(p) / D(q) for p, q in parts) / len(parts) * 100  # (9/10 + 7/7) / 2 × 100
    out = tmp_path / "a.xlsx"
    assert run_annex(write(data), "-o", out, "--lang", "en").exit_code == 0
    notes = [c.value for ws in openpyxl.load_workbook(out) for c in ws["A"]
             if isinstance(c.value, str) and c.value.startswith("* ")]
    [composite] = [n for n in notes if "mean of the components" in n]
    shown = ", ".join(f"{chr(97 + k)} = {p}/{q}" for k, (p, q) in enumerate(parts))
    assert composite.endswith(f"({shown}) × 100 = {mean:.2f}.")
    [grade] = [n for n in notes if n.startswith("* Grade (IKM)")]
    assert "88.31 ≤ x ≤ 100" in grade and "3.5324 ≤ x ≤ 4" in grade and not re.search(r"\d,\d", grade)


def test_english_docx_prints_its_numbers_the_english_way(write, data, tmp_path):
    """The English annex's docx printed its number cells and a graded target the Indonesian way
    (1.050.000.000; B (82,15))."""
    docx_out = tmp_path / "a.docx"
    assert run_annex(write(data), "-o", tmp_path / "a.xlsx", "--docx", docx_out, "--lang", "en").exit_code == 0
    cells = [c.text for t in docx.Document(str(docx_out)).tables for r in t.rows for c in r.cells]
    iku1 = next(r for r in data["tables"]["pk_indikator"] if r["kode_indikator"] == "IKU1")
    assert f"{iku1['target_predikat']} ({iku1['target']:.2f})" == "B (82.15)" and "B (82.15)" in cells
    assert f"{data['tables']['realisasi'][0]['pagu_perubahan']:,}" == "1,050,000,000" and "1,050,000,000" in cells
    assert not [c for c in cells if re.search(r"\d,\d\d?$|\d\.\d{3}$", c)]


def _kriteria(capaian: D) -> str:
    """Permendagri 86/2017's bands, by hand."""
    return ("Sangat Tinggi" if capaian > 90 else "Tinggi" if capaian > 75 else "Sedang" if capaian > 65
            else "Rendah" if capaian > 50 else "Sangat Rendah")


@pytest.mark.parametrize("edited", [False, True])
def test_english_kriteria_are_the_presets_english_unless_the_office_wrote_its_own(write, data, tmp_path, edited):
    """The English annex printed 'Sangat Tinggi' (the workbook's scale) in its Rating column and
    footnote. The template's Permendagri labels print in English; labels the office typed on the
    Skala sheet print as typed."""
    from lkjip_xl.settings import default_skala_rows

    next(r for r in data["tables"]["pk_indikator"] if r["kode_indikator"] == "IKU4")["realisasi"] = D("3")
    next(r for r in data["tables"]["ra_indikator"] if r["kode_indikator"] == "IKU4")["realisasi_tw4"] = D("0")
    english = {"Sangat Tinggi": "Very high", "Tinggi": "High", "Sedang": "Medium", "Rendah": "Low",
               "Sangat Rendah": "Very low"}
    own = {k: f"{k} sekali" for k in english}  # an office's own words
    if edited:
        data["tables"]["skala"] = [dict(r, label=own.get(r["label"], r["label"])) for r in default_skala_rows()]
    out = tmp_path / "a.xlsx"
    assert run_annex(write(data), "-o", out, "--lang", "en").exit_code == 0
    t = SheetTable(openpyxl.load_workbook(out)["Performance Measurement"])
    pk = {r["indikator"]: r for r in data["tables"]["pk_indikator"]}
    got = {r[2]: r[7] for r in t.rows() if r[2] in pk}
    expected = {}
    for name, r in pk.items():
        tgt, real = r["target"], r["realisasi"]
        capaian = (2 * tgt - real) / tgt * 100 if r["arah"] == "turun" else real / tgt * 100
        expected[name] = (own if edited else english)[_kriteria(capaian)]
    assert got == expected and (own if edited else english)["Sedang"] in got.values()  # IKU4: 3 of 4
    scale_note = next(n for n in t.footnotes if n.startswith("Rating on"))
    assert ("Very high: 90 < x" in scale_note) != edited and ("Sangat Tinggi sekali: 90 < x" in scale_note) == edited


def test_english_tables_say_programme_never_program(write, data, tmp_path):
    """The English annex mixed 'Program' (six headers, one chart axis) with 'Programme'."""
    out = tmp_path / "a.xlsx"
    assert run_annex(write(data), "-o", out, "--lang", "en").exit_code == 0
    wb = openpyxl.load_workbook(out)
    cells = [(ws.title, c.coordinate) for ws in wb for row in ws.iter_rows() for c in row if c.value == "Program"]
    assert cells == []  # (the workbook's own names, "Program Penunjang …", are printed as typed)
    assert any(c.value == "Programme" for ws in wb for row in ws.iter_rows() for c in row)


@pytest.mark.parametrize("emptied, said", [(False, "Pagu dari sheet RA Kegiatan; kegiatan yang tidak ada"),
                                           (True, "Pagu dari sheet Realisasi (sheet RA Kegiatan kosong).")])
def test_the_rencana_aksi_note_names_where_the_pagu_came_from(write, data, tmp_path, emptied, said):
    """The note named the Rencana Aksi sheet as the pagu's source even when RA Kegiatan was empty and
    every pagu came from Realisasi."""
    if emptied:
        data["tables"]["ra_kegiatan"] = []
    out = tmp_path / "a.xlsx"
    assert run_annex(write(data), "-o", out, "--force").exit_code in (0, 1)
    texts = [c.value for ws in openpyxl.load_workbook(out) for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith("Pagu dari sheet")]
    assert any(said in t for t in texts) and not any("Rencana Aksi (pagu per kegiatan)" in t for t in texts)
