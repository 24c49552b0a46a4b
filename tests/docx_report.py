"""The report of tests/document/test_docx_pdf.py, written with python-docx (not by lkjip-xl's
annex writer) for the Medang Kampai sample: prose and a budget table, with one mistake in each
unless told otherwise; SOURCE is the sample's source CSV (the expected values)."""
from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from docx import Document
from docx.shared import Cm, Pt

from helpers import dec, read_csv

ROOT = Path(__file__).resolve().parents[1]
WORKBOOK = ROOT / "samples" / "medang_kampai_2023.xlsx"
SOURCE = {r["kode"] or "TOTAL": r for r in read_csv(ROOT / "samples" / "src" / "medang_kampai" / "realisasi.csv")}

PROSE_MISTAKE = "1.098.888.500,00"  # programme 03's realisasi with two digits swapped
TABLE_MISTAKE = "25.000.000,00"  # programme 05's pagu with a digit too many


def money(code: str, key: str) -> str:
    value = dec(SOURCE[code][key])
    whole, _, sen = f"{value:.2f}".partition(".")
    return f"{int(whole):,}".replace(",", ".") + "," + sen


def write_report(path: Path, prose: str = PROSE_MISTAKE, table_pagu: str = TABLE_MISTAKE) -> Path:
    """The report; ``prose`` and ``table_pagu`` are what it prints for programme 03's realisasi
    and programme 05's pagu (the two mistakes by default)."""
    doc = Document()
    doc.styles["Normal"].font.size = Pt(10)
    doc.add_heading("LAPORAN KINERJA KECAMATAN MEDANG KAMPAI TAHUN 2023", level=1)
    doc.add_paragraph(f"Pada tahun 2023 Kecamatan Medang Kampai didukung dengan anggaran sebesar Rp. "
                      f"{money('TOTAL', 'pagu')} bersumber dari APBD-P, dengan realisasi sebesar Rp. "
                      f"{money('TOTAL', 'realisasi')} atau 98,03%.")
    doc.add_paragraph(f"Realisasi Program Pemberdayaan Masyarakat Desa dan Kelurahan sebesar Rp. {prose} "
                      f"dari pagu Rp. {money('03', 'pagu')}.")
    doc.add_paragraph("Indeks Kepuasan Masyarakat tahun 2023 mencapai realisasi 87 dari target 87.")
    doc.add_paragraph("Tabel 3.1 Realisasi Anggaran per Program Tahun 2023")
    rows = [("No", "Program", "Anggaran (Rp)", "Realisasi (Rp)", "Capaian (%)", "Sisa (Rp)")]
    names = {"01": "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
             "03": "Program Pemberdayaan Masyarakat Desa dan Kelurahan",
             "04": "Program Koordinasi Ketentraman dan Ketertiban Umum",
             "05": "Program Penyelenggaraan Urusan Pemerintahan Umum"}
    for n, (code, name) in enumerate(names.items(), start=1):
        pagu, real = dec(SOURCE[code]["pagu"]), dec(SOURCE[code]["realisasi"])
        shown = f"{(real * 100 / pagu).quantize(D('0.01'))}".replace(".", ",")
        sisa = f"{pagu - real:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
        rows.append((str(n), name, table_pagu if code == "05" else money(code, "pagu"),
                     money(code, "realisasi"), shown, sisa))
    table = doc.add_table(rows=len(rows), cols=6)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
            table.cell(r, c).width = [Cm(0.9), Cm(5.2), Cm(3.0), Cm(3.0), Cm(1.8), Cm(2.7)][c]
    doc.add_paragraph("Demikian laporan ini disusun.")
    doc.save(str(path))
    return path
