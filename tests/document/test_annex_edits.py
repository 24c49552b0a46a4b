"""lkjip-xl's own annex of the valid workbook with one number retyped: the slip is reported at the
table and cell that hold it, and the cells around it stay silent. The tables are found here by
their content (python-docx), the expected values come from the valid workbook's data."""
from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from helpers import rupiah
from valid_workbook import valid_data

from lkjip_xl.commands.annex import run_annex
from lkjip_xl.document.check import check_document
from lkjip_xl.template.fill import write_filled

DATA = valid_data()
BELANJA = {r["uraian"]: r for r in DATA["tables"]["belanja"]}


@pytest.fixture(scope="module")
def annex(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("annex")
    workbook = folder / "valid.xlsx"
    write_filled(workbook, valid_data())
    run_annex(workbook, folder / "lampiran.xlsx", docx=folder / "lampiran.docx")
    return workbook, folder / "lampiran.docx"


def find_cell(doc, label: str, col: int) -> tuple[int, int]:
    """(table number, row number), both 1-based, of the first row whose first cell is ``label``."""
    for t, table in enumerate(doc.tables, start=1):
        for r, row in enumerate(table.rows, start=1):
            if row.cells[0].text.strip().lower() == label.lower() and len(row.cells) > col:
                return t, r
    raise KeyError(label)


def retype(doc, t: int, r: int, col: int, text: str) -> None:
    cell = doc.tables[t - 1].rows[r - 1].cells[col]
    for p in cell.paragraphs[1:]:
        p._p.getparent().remove(p._p)
    runs = cell.paragraphs[0].runs
    runs[0].text = text
    for run in runs[1:]:
        run.text = ""


def edited(annex, tmp_path, edit) -> list:
    workbook, docx = annex
    doc = Document(str(docx))
    where = edit(doc)
    out = tmp_path / "laporan.docx"
    doc.save(str(out))
    return where, check_document(out, workbook).findings


def test_a_title_that_is_no_numbered_caption_names_the_table_by_its_place(annex, tmp_path):
    """"Tabel Ikhtisar Realisasi ..." is a title, not "Tabel I"."""
    modal = BELANJA["Belanja Modal"]["anggaran"]
    swapped = rupiah(modal)[:1] + rupiah(modal)[2] + rupiah(modal)[1] + rupiah(modal)[3:]  # 320 -> 230

    def edit(doc):
        t, r = find_cell(doc, "BELANJA MODAL", 1)
        retype(doc, t, r, 1, swapped)
        return t, r

    (t, r), findings = edited(annex, tmp_path, edit)
    [f] = findings
    assert (f.code, f.sheet, f.cell, f.expected) == ("DOC001", f"Tabel #{t}", f"B{r}", modal)


# ------------------------------------------------------------------ the samples' own annexes
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SRC = SAMPLES / "src"


def sample_annex(tmp_path: Path, workbook: str, prev: str | None = None) -> Path:
    docx = tmp_path / "lampiran.docx"
    run_annex(SAMPLES / workbook, tmp_path / "lampiran.xlsx", docx=docx,
              tahun_lalu=SAMPLES / prev if prev else None, force=True)
    return docx


def test_last_years_half_of_a_two_year_table_follows_last_years_codes(tmp_path):
    """Medan Amplas renumbered its sub kegiatan: 2022's 03.02.01 is not 2023's. The annex prints
    both years side by side, each with its own codes: nothing disagrees; a slip in 2022's half is
    reported against 2022's line of that code."""
    from helpers import read_csv, rupiah
    old = {r["kode"]: r for r in read_csv(SRC / "medan_amplas" / "realisasi_2022.csv")}
    new = {r["kode"]: r for r in read_csv(SRC / "medan_amplas" / "realisasi_2023.csv")}
    assert old["03.02.01"]["uraian"] != new["03.02.01"]["uraian"]  # the case under test
    docx = sample_annex(tmp_path, "medan_amplas_2023.xlsx", "medan_amplas_2022.xlsx")
    args = (SAMPLES / "medan_amplas_2023.xlsx", SAMPLES / "medan_amplas_2022.xlsx")
    assert [(f.sheet, f.cell) for f in check_document(docx, *args).findings if f.code == "DOC001"] == []

    doc = Document(str(docx))
    pagu = rupiah(int(old["03.02.01"]["pagu"]))
    t, r = next((t, r) for t, table in enumerate(doc.tables, start=1) for r, row in enumerate(table.rows, start=1)
                if row.cells[0].text == "03.02.01" and row.cells[2].text == pagu)
    retype(doc, t, r, 2, pagu.replace("57", "75", 1))
    doc.save(str(tmp_path / "laporan.docx"))
    [f] = [f for f in check_document(tmp_path / "laporan.docx", *args).findings if f.code == "DOC001"]
    assert (f.cell, f.expected, f.params["year"]) == (f"C{r}", int(old["03.02.01"]["pagu"]), "prev")


def test_a_programmes_own_target_is_not_the_indicators(tmp_path):
    """Medang Kampai's annex prints, beside each IKU, the programme that supports it with the
    programme's own indicator and target ("Program Pendukung | Target" 100): not the IKU's (87)."""
    from helpers import read_csv
    ikm = next(r for r in read_csv(SRC / "medang_kampai" / "pk.csv") if "Kepuasan" in r["indikator"])
    assert ikm["target"] == "87"
    docx = sample_annex(tmp_path, "medang_kampai_2023.xlsx")
    findings = check_document(docx, SAMPLES / "medang_kampai_2023.xlsx").findings
    assert [(f.sheet, f.cell, f.found) for f in findings if f.code == "DOC001"] == []


def test_lebih_kurang_in_brackets_is_a_negative_amount(annex, tmp_path):
    """The LRA prints Lebih/(Kurang) as realisasi − anggaran: an underspent line is "(60.000.000)",
    a negative amount (not a list number), and agrees with the sisa; a slip in it is reported."""
    pegawai = BELANJA["Belanja Pegawai"]

    def bracket(doc, wrong: str | None = None):
        t, first = find_cell(doc, "BELANJA OPERASI", 3)
        rows = doc.tables[t - 1].rows
        for r in range(first, len(rows) + 1):
            label = rows[r - 1].cells[0].text
            row = next((v for k, v in BELANJA.items() if k.lower() == label.lower()), None)
            if row and row["anggaran"]:  # every row, the classes and the total too: the LRA's one convention
                shown = wrong if wrong and label == "Belanja Pegawai" else rupiah(row["anggaran"] - row["realisasi"])
                retype(doc, t, r, 3, f"({shown})")
        return t, find_cell(doc, "Belanja Pegawai", 3)[1]

    _, findings = edited(annex, tmp_path, bracket)
    assert [(f.sheet, f.cell, f.found) for f in findings] == []
    (t, r), findings = edited(annex, tmp_path, lambda doc: bracket(doc, "3.000.000"))
    [f] = findings
    assert (f.code, f.sheet, f.cell, f.expected, f.found) == \
        ("DOC001", f"Tabel #{t}", f"D{r}", -(pegawai["anggaran"] - pegawai["realisasi"]), -3_000_000)  # in the column's sign


def test_the_ikm_row_of_the_skm_table_is_judged(annex, tmp_path):
    """"IKM (Σ NRR tertimbang × 25) | 89,64": the row names the IKM; its one value is the IKM."""
    ikm = next(r for r in DATA["tables"]["pk_indikator"] if r["indikator"] == "Indeks Kepuasan Masyarakat")

    def edit(doc):
        t, r = next((t, r) for t, table in enumerate(doc.tables, start=1) for r, row in enumerate(table.rows, start=1)
                    if row.cells[0].text.startswith("IKM ("))
        col = next(c for c, cell in enumerate(doc.tables[t - 1].rows[r - 1].cells) if cell.text[:1].isdigit())
        retype(doc, t, r, col, "89,64")
        return t, r, col

    (t, r, col), findings = edited(annex, tmp_path, edit)
    [f] = findings
    assert (f.code, f.sheet, f.cell, round(f.expected, 2)) == ("DOC001", f"Tabel #{t}", f"{'ABCDE'[col]}{r}",
                                                                ikm["realisasi"])
