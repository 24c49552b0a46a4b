"""Formula integrity (FRM001, FRM002, FRM005) and the office's rounding habit (SCL005): findings
on what staff do on purpose are notes, not warnings, and a file saved by a program that does not
calculate is one finding, not one per formula cell."""
from decimal import Decimal as D

import openpyxl

from lkjip_xl.schema import SCHEMA

from helpers import codes_at
from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.render.text import render_text
from lkjip_xl.template.writer import TypedOverride


def realisasi(data, kode):
    return next(r for r in data["tables"]["realisasi"] if r["kode"] == kode)


def _severity(findings, code, cell):
    return next(f.severity for f in findings if f.code == code and f.cell == cell)


def test_a_typed_value_equal_to_the_formula_is_a_note(check, data):
    realisasi(data, "01.01.01")["persen_realisasi"] = TypedOverride(D("96.47"))  # 820/850 = 96,4706
    findings = check(data)
    assert codes_at(findings, "FRM001") == ["Realisasi!L7"]
    assert _severity(findings, "FRM001", "L7") == "info"
    assert "(sama dengan hasil rumusnya)" in next(f for f in findings if f.code == "FRM001").message()


def test_a_wrong_value_typed_over_a_formula_counts_once(check, data):
    realisasi(data, "01.01.01")["persen_realisasi"] = TypedOverride(D("96.6"))  # 820/850 = 96,47
    findings = check(data)
    assert codes_at(findings, "BUD002") == ["Realisasi!L7"]  # the value: an error
    assert _severity(findings, "FRM001", "L7") == "info"  # the overwritten formula: a note of it


def test_money_typed_over_a_formula_must_be_exact_to_be_a_note(check, data):
    realisasi(data, "01.01.01")["sisa"] = TypedOverride(30_000_000)
    assert _severity(check(data), "FRM001", "M7") == "info"


def test_money_a_sen_away_from_the_formula_is_an_error_of_its_rule(check, data):
    realisasi(data, "01.01.01")["sisa"] = TypedOverride(D("30000000.01"))
    findings = check(data)
    assert codes_at(findings, "BUD001") == ["Realisasi!M7"] and _severity(findings, "FRM001", "M7") == "info"


def test_a_file_saved_without_calculation_is_one_finding(write, data, tmp_path):
    saved = tmp_path / "saved_by_a_program.xlsx"
    openpyxl.load_workbook(write(data)).save(saved)  # openpyxl keeps formulas, drops their results
    findings = check_workbook(saved).findings
    assert codes_at(findings, "FRM002") == []
    frm005 = [f for f in findings if f.code == "FRM005"]
    assert len(frm005) == 1 and frm005[0].params["n"] > 20


def test_a_stale_result_is_still_reported_at_its_cell(write, data, tmp_path):
    path = write(data)
    wb = openpyxl.load_workbook(path)
    saved = tmp_path / "stale.xlsx"
    wb.save(saved)
    # a stored result that differs (not a missing one) stays FRM002: write a wrong cached value by hand
    import re
    import zipfile

    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    sheet = f"xl/worksheets/sheet{[s.name for s in SCHEMA.sheets].index('Realisasi') + 1}.xml"
    xml = members[sheet].decode()
    xml, n = re.subn(r'(<c r="M7"[^>]*><f>[^<]*</f><v>)[^<]*(</v>)', r"\g<1>12345\g<2>", xml)
    assert n == 1
    members[sheet] = xml.encode()
    with zipfile.ZipFile(saved, "w") as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    findings = check_workbook(saved).findings
    assert codes_at(findings, "FRM002") == ["Realisasi!M7"] and codes_at(findings, "FRM005") == []


def test_an_office_that_always_truncates_gets_one_warning(check, data):
    # 390/400 = 97,5 typed 97 (twice); 1.000/1.050 = 95,238 typed 95,23: cut, not rounded
    for kode, typed in (("02.01.01", "97"), ("02", "97"), ("01.01", "95.23")):
        realisasi(data, kode)["persen_realisasi"] = TypedOverride(D(typed))
    findings = check(data)
    assert codes_at(findings, "SCL005") == ["Identitas!B21"]
    assert sorted(codes_at(findings, "BUD015")) == ["Realisasi!L11", "Realisasi!L6", "Realisasi!L9"]
    assert {f.severity for f in findings if f.code == "BUD015"} == {"info"}
    [scl005] = [f for f in findings if f.code == "SCL005"]
    assert scl005.message("en").endswith("choose the value 'pemotongan' (truncate) in the list of Pembulatan "
                                         "tampilan on Identitas (now 'pembulatan')")


def test_an_office_that_rounds_elsewhere_keeps_its_truncation_warnings(check, data):
    for kode, typed in (("02.01.01", "97"), ("02", "97"), ("01.01", "95.23")):
        realisasi(data, kode)["persen_realisasi"] = TypedOverride(D(typed))
    realisasi(data, "01")["persen_realisasi"] = TypedOverride(D("95.24"))  # 95,238: rounded, not cut
    findings = check(data)
    assert codes_at(findings, "SCL005") == []
    assert {f.severity for f in findings if f.code == "BUD015"} == {"warning"}


def test_many_notes_of_one_code_are_one_line_of_text(write, data):
    for kode in ("01.01.01", "01.01.02", "02.01.01", "03.01.01"):
        row = realisasi(data, kode)
        pagu = row["pagu_perubahan"]
        row["sisa"] = TypedOverride(pagu - row["realisasi"])  # what the formula gives
    result = check_workbook(write(data))
    text = render_text(result)
    assert "Realisasi: 4× [FRM001] info: Rumus ditimpa: M7:M8, M11, M14" in text
    assert result.summary["info"] == 4  # each is still a finding


def test_a_sheet_pasted_as_values_lists_its_overwritten_formulas_as_ranges():
    """Paste Special > Values over a whole sheet: the terminal line listed each of its cells (360 on
    SKM, a screenful); it now gives the rectangles they make, in reading order."""
    from lkjip_xl.schema.refs import cell_ranges

    cells = [(r, c) for r in range(5, 9) for c in ("K", "L")]
    assert cell_ranges([f"{c}{r}" for r, c in cells] + ["O5"]) == "K5:L8, O5"
    assert cell_ranges([f"{c}{r}" for r in range(9, 49) for c in "QRSTUVWXY"]) == "Q9:Y48"
    assert cell_ranges(["H14", "H7", "L5", "H8", "M5", "H11"]) == "L5:M5, H7:H8, H11, H14"


def test_an_overwritten_formula_no_other_rule_judges_stays_a_warning(check, data):
    data["tables"]["skm_responden"][0]["skor_u1"] = TypedOverride(1)  # not the score its answer gives
    findings = check(data)
    at = [f for f in findings if f.code == "FRM001"]
    assert [(f.sheet, f.severity, f.found) for f in at] == [("SKM", "warning", 1)]
    assert [f for f in findings if (f.sheet, f.cell) == (at[0].sheet, at[0].cell) and f.code != "FRM001"] == []


def _pasted_as_value(path, sheet_name: str, cell: str, value: float, saved):
    """``cell`` as Paste Special > Values leaves it: the formula gone, the binary float the
    spreadsheet computed stored in its shortest exact form (as LibreOffice and openpyxl write it)."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    sheet = f"xl/worksheets/sheet{[s.name for s in SCHEMA.sheets].index(sheet_name) + 1}.xml"
    xml, n = re.subn(rf'<c r="{cell}"( s="\d+")?[^>]*><f>.*?</f><v>[^<]*</v></c>',
                     rf'<c r="{cell}"\g<1>><v>{value!r}</v></c>', members[sheet].decode())
    assert n == 1
    members[sheet] = xml.encode()
    with zipfile.ZipFile(saved, "w") as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return saved


def test_a_formula_result_pasted_as_a_value_is_what_the_formula_gives(write, data, tmp_path):
    """A frozen report (Paste Special > Values) keeps every result at the float's 16-17 digits: the
    exact value, not one cut or rounded at its 14th decimal (BUD015/KIN001 were reported)."""
    path = write(data)
    row = realisasi(data, "01.01")  # 1.000.000.000 / 1.050.000.000, as the spreadsheet computes it in binary
    share = float(row["realisasi"]) / float(row["pagu_perubahan"])
    pk = data["tables"]["pk_indikator"][0]  # IKM 86,94 of a target 82,15
    capaian = float(pk["realisasi"]) / float(pk["target"])
    assert len(repr(share).lstrip("0.")) >= 15 and len(repr(capaian).replace(".", "")) >= 15
    frozen = _pasted_as_value(path, "Realisasi", "L6", share, tmp_path / "frozen1.xlsx")
    frozen = _pasted_as_value(frozen, "PK", "K5", capaian, tmp_path / "frozen2.xlsx")
    findings = check_workbook(frozen).findings
    assert sorted((f.code, f.cell, f.severity) for f in findings) == [("FRM001", "K5", "info"), ("FRM001", "L6", "info")]
    assert all("(sama dengan hasil rumusnya)" in f.message() for f in findings)
