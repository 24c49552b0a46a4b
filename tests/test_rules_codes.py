"""Code rules: VAL008 duplicate, VAL009 wrong parent, BUD010 orphan, BUD009 parent without
children, BUD013 level ≠ code. Realisasi rows 5..15: 01, 01.01, 01.01.01, 01.01.02, 02, 02.01,
02.01.01, 03, 03.01, 03.01.01, TOTAL. PK Program and RA Kegiatan codes in A5..A7."""
from helpers import cell_of, codes_at

from lkjip_xl.checks.engine import check_workbook

CODE_RULES = ("VAL008", "VAL009", "BUD009", "BUD010", "BUD013")


def _row(data, kode):
    return next(r for r in data["tables"]["realisasi"] if r["kode"] == kode)


def test_valid_workbook_has_no_code_findings(check, data):
    findings = check(data)
    assert [f for f in findings if f.code in CODE_RULES] == []


def test_val008_duplicate_code_in_realisasi(check, data):
    _row(data, "01.01.02")["kode"] = "01.01.01"
    findings = check(data)
    assert codes_at(findings, "VAL008") == ["Realisasi!A8"]
    f = next(f for f in findings if f.code == "VAL008")
    assert f.found == "01.01.01" and f.params["other"] == "A7"
    assert f.message("en") == "code 01.01.01 already used at A7"


def test_val008_duplicate_code_in_pk_program(check, data):
    data["tables"]["pk_program"][2]["kode"] = "02"
    assert codes_at(check(data), "VAL008") == [cell_of("pk_program", "kode", 2)]


def test_val008_duplicate_code_in_rencana_aksi(check, data):
    data["tables"]["ra_kegiatan"][2]["kode"] = " 02.01 "
    assert codes_at(check(data), "VAL008") == [cell_of("ra_kegiatan", "kode", 2)]


def test_val009_code_under_the_wrong_parent(check, data):
    _row(data, "02.01.01")["kode"] = "01.01.03"  # its parent 01.01 exists, but it sits under 02.01
    findings = check(data)
    assert codes_at(findings, "VAL009") == ["Realisasi!A11"]
    f = next(f for f in findings if f.code == "VAL009")
    assert (f.found, f.expected, f.params["parent"], f.params["implied"]) == ("01.01.03", "02.01", "02.01", "01.01")
    assert codes_at(findings, "BUD010") == []


def test_bud010_parent_code_nowhere(check, data):
    _row(data, "03.01.01")["kode"] = "03.02.01"
    findings = check(data)
    assert codes_at(findings, "BUD010") == ["Realisasi!A14"]
    f = next(f for f in findings if f.code == "BUD010")
    assert (f.found, f.expected) == ("03.02.01", "03.02")
    assert codes_at(findings, "VAL009") == []


def test_bud009_kegiatan_without_sub_kegiatan(check, data):
    rows = data["tables"]["realisasi"]
    rows.insert(7, {"kode": "02.02", "uraian": "Kegiatan tanpa sub kegiatan"})  # sheet row 12
    findings = check(data)
    assert codes_at(findings, "BUD009") == ["Realisasi!A12"]
    f = next(f for f in findings if f.code == "BUD009")
    assert f.severity == "warning" and f.message("en") == "02.02 has no sub-activity"
    assert f.message("id") == "02.02 tidak punya sub kegiatan"


def test_bud009_program_without_kegiatan(check, data):
    rows = data["tables"]["realisasi"]
    rows.insert(10, {"kode": "04", "uraian": "Program tanpa kegiatan"})  # sheet row 15, before TOTAL
    assert codes_at(check(data), "BUD009") == ["Realisasi!A15"]


def test_bud013_level_disagrees_with_code(check, data):
    _row(data, "01.01.01")["level"] = "kegiatan"
    _row(data, "01.01.02")["level"] = "sub kegiatan"  # agrees: no finding
    findings = check(data)
    assert codes_at(findings, "BUD013") == ["Realisasi!B7"]
    f = next(f for f in findings if f.code == "BUD013")
    assert (f.expected, f.found) == ("sub kegiatan", "kegiatan")


def test_total_rows_are_not_codes(check, data):
    data["tables"]["realisasi"].append({"kode": None, "uraian": "Jumlah", "realisasi": 1_694_000_000})
    findings = check(data)
    assert [f for f in findings if f.code in CODE_RULES] == []


def test_sample_2023_duplicate_and_misplaced_codes():
    from conftest import SAMPLE_2023

    findings = check_workbook(SAMPLE_2023).findings
    assert codes_at(findings, "VAL008") == ["Realisasi!A16"]  # the second 01.03.04
    assert codes_at(findings, "VAL009") == ["Realisasi!A10"]  # 01.01.02 under kegiatan 01.02
    dup = next(f for f in findings if f.code == "VAL008")
    assert dup.found == "01.03.04" and dup.params["other"] == "A15"
    wrong = next(f for f in findings if f.code == "VAL009")
    assert wrong.found == "01.01.02" and wrong.params["parent"] == "01.02"
    assert codes_at(findings, "BUD010") == [] and codes_at(findings, "BUD009") == []


def test_without_codes_the_tree_comes_from_the_level_column(check, data):
    # a published table with uraian and level only: every roll-up check still runs
    for row in data["tables"]["realisasi"]:
        if row["kode"]:
            depth = row["kode"].count(".")
            row["level"], row["kode"] = ("program", "kegiatan", "sub kegiatan")[depth], None
    data["tables"]["realisasi"][2]["realisasi"] = 810_000_000  # 01.01.01: 01.01 no longer adds up
    findings = check(data)
    assert codes_at(findings, "BUD020") == ["Realisasi!A5"]
    assert codes_at(findings, "BUD003") == ["Realisasi!K6"]


def test_a_row_with_amounts_but_no_code_is_said(check, data):
    data["tables"]["realisasi"].insert(4, {"kode": None, "level": "sub kegiatan", "uraian": "Belanja tanpa kode",
                                           "pagu_murni": 5_000_000, "realisasi": 5_000_000})
    findings = check(data)
    assert codes_at(findings, "BUD019") == ["Realisasi!A9"]


def test_a_code_that_is_no_budget_code_is_said_at_its_cell(check, data):
    """A sub kegiatan coded 1.01.01.0001 (an office's own scheme; red-team staff fill): no level can
    be read from it, so the row is in no sum and no annex table. It passed in silence."""
    row = next(r for r in data["tables"]["realisasi"] if r["kode"] == "01.01.02")
    row["kode"] = "1.01.01.0001"
    findings = check(data)
    assert [(f.code, f.cell, f.found) for f in findings if f.code == "VAL024"] == [("VAL024", "A8", "1.01.01.0001")]


# ------------------------------------------------------------------------------ row numbers as codes
LEVEL = {1: "program", 2: "kegiatan", 3: "sub kegiatan"}


def _numbered(data):
    """Each row's number within its level, as report tables number them (typed as numbers, as
    LibreOffice stores a 1 typed in a cell), with the Tingkat column: 1, 1, 1, 2, 2, 1, 1, 3, 1, 1."""
    for row in data["tables"]["realisasi"]:
        if row["kode"]:
            parts = row["kode"].split(".")
            row["level"], row["kode"] = LEVEL[len(parts)], int(parts[-1])
    return data


def test_row_numbers_with_the_tingkat_column_are_read_as_the_codes_they_stand_for(check, data):
    findings = check(_numbered(data))  # 28 findings: VAL008 ×7, BUD013 ×7, the totals tripled…
    assert [(f.code, f.cell) for f in findings] == [("BUD033", "A5")]
    assert "(1, 1.1, 1.1.1)" in findings[0].message("id")


def test_a_slip_under_row_numbers_is_still_found_at_its_cell(check, data):
    _row(data, "01.01.02")["realisasi"] = 108_000_000  # 180.000.000 with two digits swapped
    findings = check(_numbered(data))
    assert ("BUD021", "K8") in [(f.code, f.cell) for f in findings if f.severity == "error"]


def test_a_row_number_twice_under_one_parent_is_a_duplicate(check, data):
    _numbered(data)
    data["tables"]["realisasi"][3]["kode"] = 1  # 01.01.02 numbered 1 like 01.01.01 above it
    assert codes_at(check(data), "VAL008") == ["Realisasi!A8"]


def test_a_child_code_written_without_leading_zeros_is_its_parents_child(check, data):
    """`2.1.1` typed under `02.01` (the zeros left out, as codes are matched across sheets: 3.01 in
    the Rencana Aksi is 03.01 on Realisasi) had BUD010 'no parent 2.1 in the table'. It is the child
    of 02.01: nothing to say, and its amounts add up there."""
    _row(data, "02.01.01")["kode"] = "2.1.1"
    assert check(data) == []
