"""A sheet typed in thousands of rupiah (checks/amount_scale.py, BUD032): one error at the sheet
that is off, the comparisons it breaks on the other sheets notes naming it. Realisasi rows 5..15:
01 (5), 01.01 (6), 01.01.01 (7), 01.01.02 (8), 02 (9) ...; I pagu murni, J pagu perubahan,
K realisasi. RA Kegiatan row 5 is 01.01 (pagu 1.050.000.000 in C)."""
from __future__ import annotations

from decimal import Decimal

from lkjip_xl.checks.engine import check_workbook
from test_libreoffice_edit import edit_in_libreoffice, pytestmark as needs_libreoffice  # noqa: F401

AMOUNTS = ("pagu_murni", "pagu_perubahan", "realisasi")


def _loud(findings):
    return [(f.sheet, f.code, f.cell) for f in findings if f.severity != "info"]


def _in_thousands(rows, keys=AMOUNTS):
    """Each amount as an office types it from a report printed in thousands: rounded half up."""
    for row in rows:
        for key in keys:
            if isinstance(row.get(key), int):
                row[key] = int((Decimal(row[key]) / 1000).quantize(Decimal(1), rounding="ROUND_HALF_UP"))


def test_realisasi_in_thousands_is_one_error_at_the_sheet(check, data):
    _in_thousands(data["tables"]["realisasi"])
    findings = check(data)
    assert _loud(findings) == [("Realisasi", "BUD032", "J6")]
    (scale,) = [f for f in findings if f.code == "BUD032"]
    # 01.01's pagu perubahan: 1.050.000 here, 1.050.000.000 on the Rencana Aksi's C5
    assert (scale.found, scale.expected) == (1_050_000, 1_050_000_000)
    assert scale.message("id").startswith("angka di sheet ini tampaknya ditulis dalam ribuan rupiah: 1.000 ×")
    assert "RA Kegiatan!C5" in scale.message("en")
    notes = {(f.sheet, f.cell): f for f in findings if f.code != "BUD032"}
    # the PK's pagu (6), the Rencana Aksi's (BUD007 ×3, BUD022) and Belanja's classes and total (8)
    assert len(notes) == 18 and {f.severity for f in notes.values()} == {"info"}
    # each names the amounts in thousands it is compared with, not the sheet's first one: Belanja
    # Pegawai spent = 01.01.01's realisasi (K7); programme 02's pagu murni = its sub kegiatan 02.01.01
    # (I11); the Rencana Aksi's TW spending of 01.01 = its realisasi (K6)
    assert notes[("Belanja", "C6")].message("id").endswith("— selisihnya berasal dari Realisasi!K7")
    assert notes[("PK Program", "C6")].params["cause"] == "Realisasi!I11"
    assert notes[("RA Kegiatan", "K5")].params["cause"] == "Realisasi!K6"


def test_a_difference_within_the_rounding_of_thousands_follows_from_it(check, data):
    """Belanja Pegawai spent 820.000.400: typed 820.000 in thousands on Realisasi, 400 rupiah apart
    once at the others' scale, which is the rounding, not a slip."""
    belanja = {row["uraian"]: row for row in data["tables"]["belanja"]}
    for label in ("Belanja Pegawai", "Belanja Operasi", "Jumlah Belanja Daerah"):
        belanja[label]["realisasi"] += 400
    _in_thousands(data["tables"]["realisasi"])
    findings = check(data)
    assert _loud(findings) == [("Realisasi", "BUD032", "J6")]
    c6 = next(f for f in findings if (f.sheet, f.cell) == ("Belanja", "C6"))
    assert (c6.severity, c6.found) == ("info", 820_000_400)


def test_a_slip_of_its_own_on_the_sheet_in_thousands_stays_an_error(check, data):
    rows = data["tables"]["realisasi"]
    _in_thousands(rows)
    next(r for r in rows if r["kode"] == "01.01.01")["realisasi"] = 802_000  # 820.000 with two digits swapped
    findings = check(data)
    loud = _loud(findings)
    assert ("Realisasi", "BUD032", "J6") in loud and len(loud) > 1
    # the realisasi of 01.01 no longer adds up on the sheet itself: 802.000 + 180.000 ≠ 1.000.000
    assert any(f.sheet == "Realisasi" and f.code != "BUD032" for f in findings if f.severity == "error")


def test_two_sheets_in_thousands_against_the_pk_and_the_rencana_aksi(check, data):
    _in_thousands(data["tables"]["realisasi"])
    _in_thousands(data["tables"]["belanja"], ("anggaran", "realisasi"))
    findings = check(data)
    assert sorted((s, c) for s, c, _ in _loud(findings)) == [("Belanja", "BUD032"), ("Realisasi", "BUD032")]


def test_one_programme_typed_short_is_no_sheet_in_thousands(check, data):
    """One programme's pagu 1.000 × short on the PK: a slip at those cells, not a scale."""
    pk = data["tables"]["pk_program"][1]
    pk["pagu_murni"] = pk["pagu_perubahan"] = 400_000
    findings = check(data)
    assert not any(f.code == "BUD032" for f in findings)
    assert {(f.code, f.cell) for f in findings if f.severity == "error"} == {("BUD006", "C6"), ("BUD006", "D6")}


@needs_libreoffice
def test_realisasi_retyped_in_thousands_in_libreoffice(tmp_path, write, data):
    rows = {5: 1_000_000, 6: 1_000_000, 7: 800_000, 8: 200_000, 9: 400_000, 10: 400_000, 11: 400_000,
            12: 300_000, 13: 300_000, 14: 300_000, 15: 1_700_000}
    steps = [["type", "Realisasi", f"I{row}", f"{value:,}".replace(",", ".")] for row, value in rows.items()]
    perubahan = {5: 1_050_000, 6: 1_050_000, 7: 850_000, 8: 200_000, 9: 400_000, 10: 400_000, 11: 400_000,
                 12: 320_000, 13: 320_000, 14: 320_000, 15: 1_770_000}
    steps += [["type", "Realisasi", f"J{row}", f"{value:,}".replace(",", ".")] for row, value in perubahan.items()]
    spent = {5: 1_000_000, 6: 1_000_000, 7: 820_000, 8: 180_000, 9: 390_000, 10: 390_000, 11: 390_000,
             12: 304_000, 13: 304_000, 14: 304_000, 15: 1_694_000}
    steps += [["type", "Realisasi", f"K{row}", f"{value:,}".replace(",", ".")] for row, value in spent.items()]
    typed = edit_in_libreoffice(write(data), steps, tmp_path)
    findings = check_workbook(typed).findings
    assert _loud(findings) == [("Realisasi", "BUD032", "J6")]


@needs_libreoffice
def test_belanja_retyped_in_thousands_each_note_names_its_own_cell(tmp_path, write, data):
    """Belanja typed from a report printed in thousands: one error at its first amount, and each
    comparison it breaks a note naming its own cell (it named Belanja!B6 under every one)."""
    steps = [["type", "Belanja", f"{col}{5 + i}", f"{row[key] // 1000:,}".replace(",", ".")]
             for i, row in enumerate(data["tables"]["belanja"]) for col, key in (("B", "anggaran"), ("C", "realisasi"))
             if row.get(key)]
    typed = edit_in_libreoffice(write(data), steps, tmp_path)
    findings = check_workbook(typed).findings
    assert _loud(findings) == [("Belanja", "BUD032", "B6")]
    notes = [f for f in findings if f.code != "BUD032"]
    # Belanja Pegawai, Barang dan Jasa and Jalan, Irigasi dan Jaringan (B/C 6, 7, 12) against the
    # sub kegiatan of their class, the total (B/C 14) against the programmes
    assert sorted((f.cell, f.code, f.severity) for f in notes) == sorted(
        (f"{col}{row}", "BUD008", "info") for col in "BC" for row in (6, 7, 12, 14))
    for f in notes:
        assert f.params["cause"] == f"Belanja!{f.cell}"
        assert f.message("en").endswith(f"— the difference comes from Belanja!{f.cell}")
