"""A table that a converter printed one cell per line (LibreOffice Writer's "save as text" of the
annex): the header lines give the columns of each record. A year standing alone over the columns
("Tahun 2024") is a group, not a column; "%" alone is a column; a "Serapan (%)" beside amounts is
the % realisasi. The report is written here from the valid workbook's data, the percentages
computed here."""
from __future__ import annotations

from decimal import ROUND_HALF_UP
from decimal import Decimal as D

from helpers import rupiah
from valid_workbook import valid_data

from lkjip_xl.document.check import check_document

DATA = valid_data()
YEAR = DATA["forms"]["identitas"]["tahun"]


def pct(part, whole) -> str:
    return str((D(part) * 100 / D(whole)).quantize(D("0.01"), ROUND_HALF_UP)).replace(".", ",")


def belanja_lines() -> list[str]:
    lines = [f"Tabel Ikhtisar Realisasi Anggaran per Jenis Belanja TA. {YEAR}", "Uraian", f"Tahun {YEAR}",
             f"Anggaran {YEAR} (Rp)", f"Realisasi {YEAR} (Rp)", "Lebih/(Kurang) (Rp)", "%",
             "(1)", "(2)", "(3)", "(4)", "(5)"]
    for r in DATA["tables"]["belanja"]:
        if r["anggaran"]:
            lines += [r["uraian"], rupiah(r["anggaran"]), rupiah(r["realisasi"]),
                      rupiah(r["anggaran"] - r["realisasi"]), pct(r["realisasi"], r["anggaran"])]
    return lines


def budget_lines() -> list[str]:
    lines = ["Tabel Realisasi Program, Kegiatan dan Sub Kegiatan", "Kode", "Program / Kegiatan / Sub Kegiatan",
             "Capaian Kinerja (%)", "Anggaran (Rp)", "Realisasi (Rp)", "Serapan (%)", "Sisa (Rp)",
             "Tingkat Efisiensi (%)"]
    for r in DATA["tables"]["realisasi"]:
        if r.get("target_keluaran"):
            pagu, real = r["pagu_perubahan"], r["realisasi"]
            lines += [r["kode"], r["uraian"], pct(r["realisasi_keluaran"], r["target_keluaran"]), rupiah(pagu),
                      rupiah(real), pct(real, pagu), rupiah(pagu - real), pct(pagu - real, pagu)]
    return lines


def check(tmp_path, workbook, lines):
    path = tmp_path / "laporan.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return check_document(path, workbook)


def test_the_annex_printed_one_cell_per_line_agrees(tmp_path, workbook):
    result = check(tmp_path, workbook, belanja_lines() + [""] + budget_lines())
    assert [(f.sheet, f.expected, f.found) for f in result.findings] == []
    statuses = {n["line"]: n["status"] for n in result.numbers}
    first = belanja_lines().index("Belanja Pegawai") + 1  # its four numbers, 1-based lines
    assert [statuses[first + k] for k in range(1, 5)] == ["agree"] * 4


def test_a_slip_in_a_table_printed_one_cell_per_line_is_reported_at_its_line(tmp_path, workbook):
    lines = belanja_lines()
    pegawai = next(r for r in DATA["tables"]["belanja"] if r["uraian"] == "Belanja Pegawai")
    at = lines.index("Belanja Pegawai") + 2  # its realisasi, 0-based
    lines[at] = rupiah(pegawai["realisasi"] + 9_000_000)
    [f] = check(tmp_path, workbook, lines).findings
    assert (f.code, f.sheet, f.expected) == ("DOC001", f"Baris {at + 1}", pegawai["realisasi"])
