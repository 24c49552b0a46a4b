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


def _row(data, kode):
    return next(r for r in data["tables"]["realisasi"] if r["kode"] == kode)


def test_a_revision_typed_on_the_revised_sub_kegiatan_only_is_said_at_the_parent_left_blank(check, data):
    """APBD-P in September: the office types the pagu perubahan of the one sub kegiatan revised
    (01.01.01, 800 → 850 million) and leaves the rest blank. Its kegiatan 01.01 has no perubahan, so
    its pagu is still its murni: the gap is that blank cell (BUD003 at J6), not the revised amount,
    which the blame called a slip of 800.000.000 (an error that would undo a real revision)."""
    for row in data["tables"]["realisasi"]:
        row["pagu_perubahan"] = row["realisasi"] = None  # September: nothing spent typed yet
    _row(data, "01.01.01")["pagu_perubahan"] = 850_000_000
    data["tables"]["belanja"] = []
    for row in data["tables"]["pk_program"]:
        row["pagu_perubahan"] = None
    findings = check(data)
    got = [(f.code, f.sheet, f.cell, f.severity) for f in findings if f.code.startswith("BUD")]
    assert ("BUD003", "Realisasi", "J6", "error") in got
    assert not [g for g in got if g[0] == "BUD021"]
    bud003 = next(f for f in findings if f.code == "BUD003")
    kids = [_row(data, "01.01.01"), _row(data, "01.01.02")]
    assert bud003.expected == kids[0]["pagu_perubahan"] + kids[1]["pagu_murni"] and bud003.found is None


def _january(data):
    """The PK signed, nothing measured yet: every realisasi of the PK blank (composite components too)."""
    for row in data["tables"]["pk_indikator"]:
        row["realisasi"] = None
    for row in data["tables"]["pk_komponen"]:
        row["pembilang"] = None


def test_no_realisasi_typed_yet_is_said_once_for_the_column(check, data):
    """January to the first measurement: one KIN007 at the first realisasi naming the column, not
    one warning per indicator (a PK of 20 indicators gave 20)."""
    _january(data)
    findings = [f for f in check(data) if f.code == "KIN007"]
    n = len(data["tables"]["pk_indikator"])
    assert [(f.sheet, f.cell, f.severity) for f in findings] == [("PK", "J5", "warning")]
    assert f"semua {n} indikator (J5–J{4 + n};" in findings[0].message("id")


def test_a_realisasi_missing_among_typed_ones_is_said_at_its_cell(check, data):
    _january(data)
    data["tables"]["pk_indikator"][0]["realisasi"] = data["tables"]["ra_indikator"][0]["realisasi_tw4"]  # the IKM
    findings = check(data)
    assert [(f.sheet, f.cell) for f in findings if f.code == "KIN007"] == [("PK", "J6"), ("PK", "J7"), ("PK", "J8")]
