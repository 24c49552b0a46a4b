"""A row pasted twice (checks/twin_rows.py): the copy's duplicate code is the one error; the sums,
the PK's pagu and the economic classes it breaks are notes that follow from it, and no innocent cell
is blamed. Realisasi rows 5..15: 01 (5), 01.01 (6), 01.01.01 (7: 800.000.000 / 850.000.000 /
820.000.000), 01.01.02 (8: 200.000.000 / 200.000.000 / 180.000.000), 02 (9), ...; I pagu murni,
J pagu perubahan, K realisasi."""
from __future__ import annotations

import copy

from lkjip_xl.checks.engine import check_workbook
from test_libreoffice_edit import edit_in_libreoffice, pytestmark as needs_libreoffice  # noqa: F401


def _loud(findings):
    return [(f.code, f.cell) for f in findings if f.severity != "info"]


@needs_libreoffice
def test_a_row_copied_twice_in_libreoffice_is_one_error_at_the_copy(tmp_path, write, data):
    pasted = edit_in_libreoffice(write(data), [["copy_row", "Realisasi", 8, 9]], tmp_path)
    findings = check_workbook(pasted).findings
    assert _loud(findings) == [("VAL008", "A9")]
    (twin,) = [f for f in findings if f.code == "VAL008"]
    assert twin.message("id").endswith("tanpa baris ini semuanya cocok")
    notes = [f for f in findings if f.code != "VAL008"]
    assert notes and {f.params.get("cause") for f in notes} == {"Realisasi!A9"}
    # 01.01 counts 01.01.02 twice: 850 + 200 + 200 million, against the 1.050 million typed
    j6 = next(f for f in notes if (f.code, f.cell) == ("BUD003", "J6"))
    assert (j6.expected, j6.found) == (850_000_000 + 2 * 200_000_000, 1_050_000_000)


def test_a_slip_elsewhere_stays_an_error_beside_the_copy(check, data):
    rows = data["tables"]["realisasi"]
    rows.insert(4, copy.deepcopy(rows[3]))  # 01.01.02 twice: rows 8 and 9
    program_02 = next(r for r in rows if r["kode"] == "02.01.01")
    program_02["realisasi"] = 309_000_000  # 390.000.000 with two digits swapped
    findings = check(data)
    assert _loud(findings) == [("VAL008", "A9"), ("BUD021", "K12")]
    # Belanja Barang dan Jasa's realisasi without the copy: 180 + 309 million (01.01.02 and 02.01.01),
    # which the slip at K12 explains
    c7 = next(f for f in findings if f.cell == "C7")
    assert (c7.expected, c7.found, c7.params.get("cause")) == (180_000_000 + 309_000_000, 570_000_000, "Realisasi!K12")
    (twin,) = [f for f in findings if f.code == "VAL008"]
    assert "tersalin dua kali" in twin.message("id") and "semuanya cocok" not in twin.message("id")


def test_a_duplicate_code_with_other_figures_is_no_copy(check, data):
    rows = data["tables"]["realisasi"]
    other = copy.deepcopy(rows[3])
    other["uraian"], other["pagu_murni"], other["pagu_perubahan"], other["realisasi"] = "Belanja lain", 5, 5, 5
    rows.insert(4, other)
    findings = check(data)
    (dup,) = [f for f in findings if f.code == "VAL008"]
    assert "tersalin" not in dup.message("id")
    assert any(f.code == "BUD003" and f.severity == "error" for f in findings)


def test_an_indicator_row_pasted_twice_is_said(check, data):
    """IKU2 twice in the PK (and in the Rencana Aksi): each table's copy is a duplicate code; it was
    silent, and the annex printed the indicator twice."""
    for key in ("pk_indikator", "ra_indikator"):
        rows = data["tables"][key]
        rows.insert(2, copy.deepcopy(rows[1]))
    findings = check(data)
    assert _loud(findings) == [("VAL008", "C7"), ("VAL008", "A7")]
    assert [f.sheet for f in findings] == ["PK", "Rencana Aksi"]
    assert all(f.message("en").endswith("without it everything agrees") for f in findings)
