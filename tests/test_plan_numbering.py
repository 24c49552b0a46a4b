"""The Rencana Aksi kegiatan table numbered like a printed table (1, 2, 3 in its Kode column),
BUD036: said once at the first code with the codes its rows' names give, and the plan compared
with the budget by those codes, not as programmes 01, 02, 03.

The valid workbook's plan: 01.01 (pagu 1.050.000.000), 02.01 (400.000.000), 03.01 (320.000.000);
RA Kegiatan rows 5..7."""
from __future__ import annotations

import pytest


def _numbered(data, as_numbers: bool = False) -> list[str]:
    """Number the plan's rows 1, 2, 3 (as text, or as numbers typed); its own codes, in order."""
    codes = []
    for k, row in enumerate(data["tables"]["ra_kegiatan"], 1):
        codes.append(row["kode"])
        row["kode"] = k if as_numbers else str(k)
    return codes


def _serious(findings):
    return [(f.code, f.sheet, f.cell, f.severity) for f in findings if f.severity != "info"]


@pytest.mark.parametrize("as_numbers", [False, True])
def test_row_numbers_as_plan_codes_are_said_once_with_the_codes_the_names_give(check, data, as_numbers):
    codes = _numbered(data, as_numbers)
    findings = check(data)
    # nothing else: no programme compared with a kegiatan, no "may have lost a zero" at a row number
    assert _serious(findings) == [("BUD036", "RA Kegiatan", "A5", "warning")]
    said = findings[0]
    assert said.found == "1–3"
    assert said.expected == ", ".join(f"{k} → {code}" for k, code in enumerate(codes, 1))
    assert "nomor urut 1–3" in said.message("id") and "row numbers 1–3" in said.message("en")


def test_a_plan_pagu_slip_is_found_by_the_code_its_name_gives(check, data):
    """With the codes 1, 2, 3 the plan's 02.01 row (pagu 410.000.000 for the budget's 400.000.000)
    was compared with programme 02 of the PK; it is compared with kegiatan 02.01 of Realisasi."""
    _numbered(data)
    plan = data["tables"]["ra_kegiatan"][1]
    plan["pagu"] = 410_000_000
    budget = next(r for r in data["tables"]["realisasi"] if r["kode"] == "02.01")
    findings = check(data)
    slip = next(f for f in findings if f.code == "BUD007")
    assert (slip.cell, slip.severity, slip.expected, slip.found) == ("C6", "warning", budget["pagu_perubahan"],
                                                                      410_000_000)
    assert slip.params["kode"] == "02.01"
    # the programme comparison the number 2 made follows from the numbering: a note naming it
    programme = next(f for f in findings if f.code == "BUD014")
    assert programme.severity == "info" and programme.params["cause"] == "RA Kegiatan!A5"


def test_programme_codes_that_are_also_row_numbers_are_no_numbering(check, data):
    """A plan listing only programmes 1, 2, 3 by their names: those are the programmes' codes."""
    programmes = data["tables"]["pk_program"]
    data["tables"]["ra_kegiatan"] = [
        {"kode": str(k), "uraian": p["program"], "pagu": p["pagu_perubahan"]} for k, p in enumerate(programmes, 1)]
    assert "BUD036" not in {f.code for f in check(data)}


def test_two_plan_rows_of_one_name_are_compared_with_nothing(check, data):
    """A fourth row (04 pagu 0) named as 02.01 too: the names cannot tell rows 2 and 4 apart, so
    neither is guessed, and neither is compared."""
    plan = data["tables"]["ra_kegiatan"]
    plan.append({"kode": "04", "uraian": plan[1]["uraian"], "pagu": 0})
    _numbered(data)
    findings = check(data)
    said = next(f for f in findings if f.code == "BUD036")
    assert said.expected == "1 → 01.01, 2 → ?, 3 → 03.01, 4 → ?" and "A6, A8" in said.message("id")
    assert [f for f in _serious(findings) if f[0] != "BUD036"] == []
