"""The workbook through the year (docs/limits.md, "Through the year"): an office fills it from
January (the PK, targets only) to January of the next year, and checks and prints it at each stage.
What is not due yet is left alone or said once; what is due is checked fully; nothing blank is
computed as 0. Each test takes the valid workbook back to one stage by blanking what an office has
not typed yet."""
from __future__ import annotations

import openpyxl

from test_annex_support import run_annex


def _sub_kegiatan(data):
    return [r for r in data["tables"]["realisasi"] if r["kode"] and r["kode"].count(".") == 2]


def test_annex_with_the_budget_realisasi_not_typed_yet_notes_the_blank_and_prints(write, data, tmp_path):
    """Belanja filled (from the finance system) while Realisasi (Rp) is still blank: the Ikhtisar's
    note said the budget table's total realisasi with a format of None and the annex stopped on an
    internal error (exit 2)."""
    for row in data["tables"]["realisasi"]:
        row["realisasi"] = None
    out = tmp_path / "a.xlsx"
    result = run_annex(write(data), "-o", out)
    assert result.exit_code == 0, result.output
    pagu = sum(r["pagu_perubahan"] for r in _sub_kegiatan(data))
    notes = [row[2] for row in openpyxl.load_workbook(out)["Catatan"].iter_rows(values_only=True)]
    assert f"2024: Jumlah Belanja Daerah ≠ TOTAL tabel realisasi anggaran ({pagu:,} / (kosong)).".replace(",", ".") in notes
