"""Tables the way reports lay them out, checked against the valid workbook (a .docx written here):
a table nested in a layout table, a caption printed close under a paragraph (PDF), the SKM table's
Jumlah row, a Lebih/(Kurang) column printed in one sign convention. Expected values are computed
here from the valid workbook's data."""
from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal as D
from pathlib import Path

import pytest
from helpers import rupiah
from docx import Document
from docx.shared import Pt
from valid_workbook import valid_data

from lkjip_xl.document.annotate import write_annotated_docx
from lkjip_xl.document.check import check_document

DATA = valid_data()
BUDGET = {r["kode"] or "TOTAL": r for r in DATA["tables"]["realisasi"]}
PROGRAMS = [r for r in DATA["tables"]["realisasi"] if r["kode"] and "." not in r["kode"]]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def found(result) -> list[tuple]:
    return sorted((f.code, f.sheet, f.cell, f.expected, f.found) for f in result.findings)


def fill(table, rows: list[list[str]]) -> None:
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value


def test_a_table_nested_in_a_layout_table_is_read(tmp_path, workbook):
    p03 = BUDGET["03"]
    slip = rupiah(p03["realisasi"])[:1] + rupiah(p03["realisasi"])[2:0:-1] + rupiah(p03["realisasi"])[3:]  # 340.000.000
    doc = Document()
    doc.add_paragraph("BAB III AKUNTABILITAS KINERJA")
    layout = doc.add_table(rows=1, cols=1)
    cell = layout.cell(0, 0)
    cell.paragraphs[0].text = "Tabel 3.14 Realisasi"
    inner = cell.add_table(rows=2, cols=3)
    fill(inner, [["Program", "Pagu (Rp)", "Realisasi (Rp)"], [p03["uraian"], rupiah(p03["pagu_perubahan"]), slip]])
    path = tmp_path / "laporan.docx"
    doc.save(str(path))
    result = check_document(path, workbook)
    assert found(result) == [("DOC001", "Tabel 3.14", "C2", p03["realisasi"], int(slip.replace(".", "")))]
    assert [n["status"] for n in result.numbers] == ["agree", "reported"]
    assert write_annotated_docx(path, tmp_path / "bertanda.docx", result.findings) == 1


def budget_rows(realisasi_02: str) -> list[list[str]]:
    rows = [["No", "Program", "Anggaran (Rp)", "Realisasi (Rp)"]]
    for k, p in enumerate(PROGRAMS, start=1):
        rows.append([str(k), p["uraian"], rupiah(p["pagu_perubahan"]),
                     realisasi_02 if p["kode"] == "02" else rupiah(p["realisasi"])])
    return rows


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
def test_a_pdf_caption_close_under_a_paragraph_names_its_table(tmp_path, workbook):
    slip = "930.000.000"  # programme 02's 390.000.000 with two digits swapped
    assert rupiah(BUDGET["02"]["realisasi"]) == "390.000.000"
    doc = Document()
    doc.styles["Normal"].font.size = Pt(10)
    for text in ("* Capaian keluaran = realisasi / target × 100; persen dibulatkan setengah ke atas.",
                 "Tabel 3.5 Realisasi Anggaran per Program"):
        p = doc.add_paragraph(text)
        p.paragraph_format.space_before = p.paragraph_format.space_after = Pt(0)
    rows = budget_rows(slip)
    table = doc.add_table(rows=len(rows), cols=4)
    table.style = "Table Grid"
    fill(table, rows)
    doc.save(str(tmp_path / "laporan.docx"))
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(tmp_path / "laporan.docx")], check=True, capture_output=True,
                   timeout=180)
    result = check_document(tmp_path / "laporan.pdf", workbook)
    assert found(result) == [("DOC001", "Tabel 3.5", "D3", BUDGET["02"]["realisasi"], 930_000_000)]


UNSUR = ["Persyaratan", "Sistem, Mekanisme, dan Prosedur", "Waktu Penyelesaian", "Biaya/Tarif",
         "Produk Spesifikasi Jenis Pelayanan", "Kompetensi Pelaksana", "Perilaku Pelaksana",
         "Penanganan Pengaduan, Saran dan Masukan", "Sarana dan Prasarana"]


def decimal_id(value: D, places: int) -> str:
    return f"{value.quantize(D(1).scaleb(-places)):f}".replace(".", ",")


def captioned_table(path: Path, caption: str, rows: list[list[str]]) -> Path:
    """A report of one table under its caption."""
    doc = Document()
    doc.add_paragraph(caption)
    fill(doc.add_table(rows=len(rows), cols=len(rows[0])), rows)
    doc.save(str(path))
    return path


def skm_report(path: Path, jumlah_nrr: str | None = None, jumlah_tertimbang: str | None = None) -> Path:
    answers = DATA["tables"]["skm_responden"]
    nrr = [D(sum(r[f"u{k}"] for r in answers)) / len(answers) for k in range(1, 10)]
    rows = [["No", "Unsur Pelayanan", "NRR", "NRR Tertimbang (NRR × 1/9)", "Mutu"]]
    rows += [[str(k), name, decimal_id(n, 2), decimal_id(n / 9, 4), "B"] for k, (name, n) in
             enumerate(zip(UNSUR, nrr), start=1)]
    rows.append(["", "Jumlah", jumlah_nrr or decimal_id(sum(nrr), 2), jumlah_tertimbang or decimal_id(sum(nrr) / 9, 4), ""])
    return captioned_table(path, "Tabel 3.9 Hasil Survei Kepuasan Masyarakat per Unsur", rows)


def test_the_jumlah_row_of_the_skm_table_is_judged(tmp_path, workbook):
    answers = DATA["tables"]["skm_responden"]
    total = sum(D(sum(r[f"u{k}"] for r in answers)) / len(answers) for k in range(1, 10))  # Σ NRR, 31,30
    right = check_document(skm_report(tmp_path / "benar.docx"), workbook)
    assert found(right) == []
    assert [n["status"] for n in right.numbers if n["number"] in (decimal_id(total, 2), decimal_id(total / 9, 4))] \
        == ["agree", "agree"]
    printed = decimal_id(total, 2)
    slip = printed[:-2] + printed[:-3:-1]  # 31,30 -> 31,03
    wrong = check_document(skm_report(tmp_path / "salah.docx", jumlah_nrr=slip), workbook)
    assert [(c, s, cell, e.quantize(D("0.01")), f) for c, s, cell, e, f in found(wrong)] == [
        ("DOC001", "Tabel 3.9", "C11", total.quantize(D("0.01")), D(slip.replace(",", ".")))]
    wrong = check_document(skm_report(tmp_path / "salah2.docx", jumlah_tertimbang="3,4787"), workbook)
    assert [(c, cell, e.quantize(D("0.0001"))) for c, _, cell, e, _ in found(wrong)] == [
        ("DOC001", "D11", (total / 9).quantize(D("0.0001")))]


def lra_report(path: Path, sign, flipped: str | None = None) -> Path:
    """Belanja with a Lebih/(Kurang) column: ``sign`` prints each sisa (anggaran − realisasi) as
    it or as the LRA does, realisasi − anggaran in brackets; the row ``flipped`` the other way."""
    rows = [["Uraian", "Anggaran (Rp)", "Realisasi (Rp)", "Lebih/(Kurang) (Rp)"]]
    for r in DATA["tables"]["belanja"][:4]:
        shown = sign if r["uraian"] != flipped else (lambda x: -x if sign(1) > 0 else x)
        value = shown(r["anggaran"] - r["realisasi"])
        rows.append([r["uraian"], rupiah(r["anggaran"]), rupiah(r["realisasi"]),
                     f"({rupiah(-value)})" if value < 0 else rupiah(value)])
    return captioned_table(path, "Tabel 3.10 Realisasi Belanja", rows)


def test_a_sisa_agrees_in_either_sign_convention_but_one_per_column(tmp_path, workbook):
    for sign in (lambda x: x, lambda x: -x):
        result = check_document(lra_report(tmp_path / "lra.docx", sign), workbook)
        assert found(result) == [] and all(n["status"] == "agree" for n in result.numbers)
    pegawai = next(r for r in DATA["tables"]["belanja"] if r["uraian"] == "Belanja Pegawai")
    sisa = pegawai["anggaran"] - pegawai["realisasi"]
    result = check_document(lra_report(tmp_path / "lra.docx", lambda x: -x, "Belanja Pegawai"), workbook)
    assert found(result) == [("DOC001", "Tabel 3.10", "D3", -sisa, sisa)]
    assert result.findings[0].params["slip"] == "sign"


def test_a_wrong_sisa_in_a_column_printed_the_lra_way_is_stated_in_that_sign(tmp_path, workbook):
    """Belanja Pegawai's Lebih/(Kurang) printed (3.000.000) where the LRA's realisasi − anggaran is
    (30.000.000): the message states the workbook's value as the column prints it, -30.000.000."""
    pegawai = next(r for r in DATA["tables"]["belanja"] if r["uraian"] == "Belanja Pegawai")
    sisa = pegawai["anggaran"] - pegawai["realisasi"]
    path = lra_report(tmp_path / "lra.docx", lambda x: -x)
    doc = Document(str(path))
    cell = next(c for t in doc.tables for row in t.rows for c in row.cells if c.text == f"({rupiah(sisa)})")
    cell.text = "(3.000.000)"
    doc.save(str(path))
    result = check_document(path, workbook)
    assert found(result) == [("DOC001", "Tabel 3.10", "D3", -sisa, -3_000_000)]
    assert f"buku kerja -{rupiah(sisa)}" in result.findings[0].message("id")
