"""Data that arrives by copy and paste, then is "cleaned" in LibreOffice itself (tests/uno_edit.py):
what an office does to figures pasted from the finance office's export, and what check says of it.

Skipped where LibreOffice or the system python3 with its uno module is missing."""
from __future__ import annotations

from test_libreoffice_edit import REAL, cell, edit_in_libreoffice, pytestmark, typed  # noqa: F401 (the skip mark)

from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.schema import SCHEMA


def test_find_and_replace_of_dots_over_realisasi_is_said_at_each_code_not_at_the_total(tmp_path, write, data):
    """Amounts pasted as text (01.01.02's realisasi '180.000.000'), then Find & Replace '.' -> ''
    over the sheet to clean them: the codes lose their dots too (01.01 -> 0101, 01.01.01 -> 010101).
    Each such code is an error at its cell saying the code meant (VAL027), not a programme: the
    total row, Belanja and the Rencana Aksi's codes are not blamed for the sums it breaks."""
    first = REAL.first_row
    steps = [["set", REAL.sheet, cell(REAL, "realisasi", first + 3), "180.000.000"],
             ["replace", REAL.sheet, f"A{first}:N{first + 15}", ".", ""]]
    findings = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path)).findings
    lost = [(f.sheet, f.cell, f.severity, f.expected, f.found) for f in findings if f.code == "VAL027"]
    codes = {1: "01.01", 2: "01.01.01", 3: "01.01.02", 5: "02.01", 6: "02.01.01", 8: "03.01", 9: "03.01.01"}
    assert lost == [(REAL.sheet, cell(REAL, "kode", first + i), "error", code, code.replace(".", ""))
                    for i, code in codes.items()]
    # nothing else but the amount, if LibreOffice left it text (VAL001 at its cell; it may make it a number)
    others = {(f.sheet, f.cell) for f in findings if f.code != "VAL027" and f.severity != "info"}
    assert others <= {(REAL.sheet, cell(REAL, "realisasi", first + 3))}


def test_a_target_pasted_as_a_bound_is_read_as_its_number_and_said_at_its_cell(tmp_path, write, data):
    """A Renstra writes IKU2's target as a bound, '≥ 90', and that is what is pasted (typed in
    LibreOffice, id-ID, it stays text). The template's capaian formula cannot read it (the sheet
    shows no capaian), so it is VAL001 at the target's cell, read as 90, as '90 %' or 'minimal 90'
    are: the capaian is 95 / 90."""
    from decimal import Decimal as D

    from test_libreoffice_edit import PK

    target = cell(PK, "target", PK.first_row + 1)
    result = check_workbook(edit_in_libreoffice(write(data), [["type", PK.sheet, target, "≥ 90"]], tmp_path))
    said = [(f.code, f.sheet, f.cell, f.severity, f.expected, f.found) for f in result.findings]
    assert said == [("VAL001", PK.sheet, target, "error", 90, "≥ 90")]
    capaian = result.context.wb.rows("pk_indikator")[1]["capaian"]
    assert round(capaian, 6) == round(D(95) / D(90) * 100, 6)


def test_a_survey_row_pasted_one_column_too_far_is_said_on_skm_not_as_stale_results(tmp_path, write, data):
    """A respondent's row (SKM row 11, answers 1 2 3 1 2 3 1 2 3) pasted one column to the right, as
    a Forms export with its timestamp column lands: Jenis Layanan gets the date, U1 the occupation,
    and U9's answer (3) falls on the first score formula (Q11), which the sheet then counts. Said at
    the row's first shifted cell, VAL029 (C11:Q11 hold what belongs in B11:P11), the row's other
    findings (VAL007, VAL013, SKM019, FRM001 at Q11) notes naming it; SKM Hasil's results are what
    its formulas give with Q11 typed, so their FRM002 are notes naming Q11, not errors "saved without
    recalculation"."""
    answers = [["set", "SKM", f"{col}11", v] for col, v in zip("HIJKLMNOP", [1, 2, 3] * 3)]
    edited = edit_in_libreoffice(write(data), [*answers, ["copy", "SKM", "B11:P11", "C11"]], tmp_path)
    findings = check_workbook(edited).findings
    assert [(f.code, f.severity, f.expected, f.found) for f in findings if f.code == "VAL029"] == [
        ("VAL029", "error", "B11:P11", "C11:Q11")]
    row = [(f.code, f.cell, f.severity, f.params.get("cause")) for f in findings if f.sheet == "SKM" and f.cell.endswith("11")]
    assert ("FRM001", "Q11", "info", "SKM!C11") in row and ("SKM019", "H11", "info", "SKM!C11") in row
    stale = [f for f in findings if f.code == "FRM002"]
    assert stale and {(f.sheet, f.severity, f.params.get("follows")) for f in stale} == {("SKM Hasil", "info", "SKM!Q11")}


def test_a_value_pasted_as_a_link_to_a_colleague_s_file_is_said_at_its_cell(tmp_path, write, data):
    """01.01.01's realisasi (K7) pasted from the colleague's workbook as a link, as Paste Special
    with Link or a sheet moved in from that file leaves it: '=[1]Realisasi!K7', reading the other
    file. Its value (820.000.000, as that file holds it) is read as before; FRM008 at K7, a warning
    naming the file, and nothing else."""
    other = write(data, "kecamatan_lain.xlsx")
    realisasi = cell(REAL, "realisasi", REAL.first_row + 2)
    link = f"='{other.as_uri()}'#$Realisasi.{realisasi}"
    result = check_workbook(edit_in_libreoffice(write(data), [["formula", REAL.sheet, realisasi, link]], tmp_path))
    said = [(f.code, f.sheet, f.cell, f.severity) for f in result.findings]
    assert said == [("FRM008", REAL.sheet, realisasi, "warning")]
    assert "kecamatan_lain.xlsx" in result.findings[0].message("id") and "[1]" in result.findings[0].found
    assert result.context.model.table("realisasi").values["realisasi"][2] == 820_000_000


def test_the_export_s_kegiatan_subtotal_lines_pasted_among_the_rows_are_the_kegiatan_s_not_the_total(
        tmp_path, write, data):
    """The finance office's export closes each kegiatan with its subtotal line, pasted with the rows:
    'Jumlah Kegiatan 01.01' under 01.01.02 (its realisasi one rupiah off) and a bare 'JUMLAH' under
    02.01.01, each with that kegiatan's sums. Each is compared with the kegiatan above it (BUD029 at
    the wrong cell, expected 820.000.000 + 180.000.000), kept out of every sum, and neither it nor the
    real TOTAL is said to be the table's total (no BUD004)."""
    first = REAL.first_row
    lines = {first + 4: ("Jumlah Kegiatan 01.01", 1_000_000_000, 1_050_000_000, 1_000_000_001),
             first + 8: ("JUMLAH", 400_000_000, 400_000_000, 390_000_000)}
    steps = []
    for row, (label, murni, perubahan, realisasi) in lines.items():
        steps += [["insert", REAL.sheet, row], ["set", REAL.sheet, cell(REAL, "uraian", row), label]]
        steps += typed(REAL, row, {"pagu_murni": murni, "pagu_perubahan": perubahan, "realisasi": realisasi})
    findings = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path)).findings
    said = [(f.code, f.sheet, f.cell, f.severity, f.expected, f.found) for f in findings
            if f.code.startswith("BUD")]
    assert said == [("BUD029", REAL.sheet, cell(REAL, "realisasi", first + 4), "error",
                     820_000_000 + 180_000_000, 1_000_000_001)]
    assert "kegiatan 01.01" in next(f for f in findings if f.code == "BUD029").message("id")


def test_the_export_s_subtotal_line_is_left_as_pasted_by_rapikan_and_said_under_the_annex_table(
        tmp_path, write, data):
    """'Jumlah Kegiatan 01.01' pasted under 01.01.02 with the kegiatan's amounts and nothing in its %
    and sisa cells, as the export has it. check read it as the kegiatan's subtotal but said FRM004
    at its % and sisa (the template's formulas missing), rapikan wrote the template's formulas into
    it as into a row of data, and the annex left it out without a word. Now: no finding at the line,
    rapikan leaves it as pasted, and the annex's Realisasi table says under it that it left it out."""
    import openpyxl

    from lkjip_xl.repair import repair_workbook
    from test_annex_support import SheetTable, run_annex

    row = REAL.first_row + 4
    steps = [["insert", REAL.sheet, row], ["set", REAL.sheet, cell(REAL, "uraian", row), "Jumlah Kegiatan 01.01"]]
    steps += typed(REAL, row, {"pagu_murni": 1_000_000_000, "pagu_perubahan": 1_050_000_000,
                               "realisasi": 820_000_000 + 180_000_000})
    edited = edit_in_libreoffice(write(data), steps, tmp_path)
    line = {cell(REAL, k, row) for k in ("persen_keluaran", "persen_realisasi", "sisa")}
    assert [(f.code, f.cell) for f in check_workbook(edited).findings if f.cell in line] == []
    result = repair_workbook(edited, tmp_path / "rapi.xlsx")
    assert [(c.cell, c.code) for c in result.changes if c.sheet == REAL.sheet and c.cell in line] == []
    ws = openpyxl.load_workbook(tmp_path / "rapi.xlsx")[REAL.sheet]
    assert [ws[c].value for c in sorted(line)] == [None, None, None]
    out = tmp_path / "annex.xlsx"
    assert run_annex(edited, "-o", out).exit_code == 0
    t = SheetTable(openpyxl.load_workbook(out)["Realisasi Anggaran"])
    assert "Jumlah Kegiatan 01.01" not in [r[1] for r in t.rows()]
    assert ("Baris jumlah di antara rinciannya tidak dicetak: Jumlah Kegiatan 01.01; jumlah kegiatan atau program "
            "itu tercetak pada barisnya sendiri.") in t.footnotes


def test_a_pagu_and_realisasi_pair_pasted_in_the_export_s_column_order_is_said_swapped(tmp_path, write, data):
    """01.01.01's amounts pasted in the export's order, realisasi first: its pagu perubahan (J) holds
    820.000.000 and its realisasi (K) 850.000.000. 82 and 85 differ in one digit, but that is no
    typing slip: each cell holds the other's amount. BUD021 at both cells, each naming the other as
    the one it is swapped with, not "one digit wrong"."""
    row = REAL.first_row + 2
    pagu, realisasi = cell(REAL, "pagu_perubahan", row), cell(REAL, "realisasi", row)
    steps = typed(REAL, row, {"pagu_perubahan": 820_000_000, "realisasi": 850_000_000})
    findings = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path)).findings
    blamed = [f for f in findings if f.code == "BUD021"]
    assert [(f.sheet, f.cell, f.severity, f.expected, f.found) for f in blamed] == [
        (REAL.sheet, pagu, "error", 850_000_000, 820_000_000), (REAL.sheet, realisasi, "error", 820_000_000, 850_000_000)]
    for f, other in zip(blamed, (realisasi, pagu)):
        assert f.params["swapped"] == f"{REAL.sheet}!{other}"
        assert f"tertukar dengan {REAL.sheet}!{other}" in f.message("id") and "salah ketik" not in f.message("id")
        assert f"swapped with {REAL.sheet}!{other}" in f.message("en")
    # "realisasi above its pagu" follows from the swap: a note naming both cells, not a warning of its own
    [above] = [f for f in findings if f.code == "BUD005"]
    assert (above.cell, above.severity, above.params["cause"]) == (
        realisasi, "info", f"{REAL.sheet}!{pagu}, {REAL.sheet}!{realisasi}")
    assert not [f for f in findings if f.severity != "info" and f.code != "BUD021"]


def test_one_rapikan_mends_codes_whose_dots_were_lost_and_a_plan_numbered_1_2_3(tmp_path, write, data):
    """Both slips in one workbook: Find & Replace '.' over Realisasi's codes (VAL027) and the Rencana
    Aksi's Kode column numbered 1, 2, 3 (BUD036). check says both at once (the plan's names are told
    by the codes meant); one rapikan writes both, and the copy's check has neither."""
    from lkjip_xl.repair import repair_workbook

    first, plan = REAL.first_row, SCHEMA.table("ra_kegiatan")
    steps = [["replace", REAL.sheet, f"A{first}:A{first + 15}", ".", ""]]
    steps += [["set", plan.sheet, cell(plan, "kode", plan.first_row + k), str(k + 1)] for k in range(3)]
    edited = edit_in_libreoffice(write(data), steps, tmp_path)
    assert {"VAL027", "BUD036"} <= {f.code for f in check_workbook(edited).findings}
    result = repair_workbook(edited, tmp_path / "rapi.xlsx")
    written = [(c.cell, c.after) for c in result.applied if c.code == "BUD036"]
    assert written == [(cell(plan, "kode", plan.first_row + k), code) for k, code in enumerate(["01.01", "02.01", "03.01"])]
    assert [f for f in result.after.findings if f.code in ("VAL027", "BUD036") or f.severity != "info"] == []


def test_a_sipd_national_code_pasted_among_short_codes_is_said_once_at_its_code(tmp_path, write, data):
    """01.01.01's code pasted from SIPD as its national code 7.01.01.2.01.0001 among the template's
    short codes: BUD010 at that code (its parent 7.01.01.2.01 is nowhere). Programme 01 on the PK
    (murni 1.000.000.000, perubahan 1.050.000.000) then differs from its sub kegiatan by codes
    (01.01.02 alone: 200.000.000) by exactly that row's amounts (800.000.000, 850.000.000): notes
    naming the code's cell, not two more errors."""
    code = cell(REAL, "kode", REAL.first_row + 2)
    findings = check_workbook(edit_in_libreoffice(write(data), [["type", REAL.sheet, code, "7.01.01.2.01.0001"]],
                                                  tmp_path)).findings
    program = SCHEMA.table("pk_program")
    said = [(f.code, f.sheet, f.cell, f.severity, f.expected, f.found, f.params.get("cause")) for f in findings]
    assert said == [
        ("BUD006", program.sheet, cell(program, "pagu_murni", program.first_row), "info", 200_000_000,
         200_000_000 + 800_000_000, f"{REAL.sheet}!{code}"),
        ("BUD006", program.sheet, cell(program, "pagu_perubahan", program.first_row), "info", 200_000_000,
         200_000_000 + 850_000_000, f"{REAL.sheet}!{code}"),
        ("BUD010", REAL.sheet, code, "error", "7.01.01.2.01", "7.01.01.2.01.0001", None)]


def test_dotless_codes_longer_than_six_digits_are_no_programme(tmp_path, write, data):
    """A Find & Replace of '.' over national codes (kegiatan 7.01.01.2.01, sub kegiatan
    7.01.01.2.01.0001 and .0002 under programme 7.01.01) leaves 70101201 and 701012010001: VAL027
    at each, naming the national code meant. Digits of no code's form (0101012, 01010101 typed as
    text) are VAL024 at their cell. None of them is read as a programme: no 'programme without
    kegiatan' at them, and the TOTAL is not blamed for programmes they would add."""
    first = REAL.first_row
    national = ["7.01.01", "7.01.01.2.01", "7.01.01.2.01.0001", "7.01.01.2.01.0002"]
    steps = [["set", REAL.sheet, cell(REAL, "kode", first + k), code] for k, code in enumerate(national)]
    steps += [["replace", REAL.sheet, f"A{first + 1}:A{first + 3}", ".", ""],
              ["set", REAL.sheet, cell(REAL, "kode", first + 6), "0101012"],
              ["set", REAL.sheet, cell(REAL, "kode", first + 9), "01010101"]]
    findings = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path)).findings
    said = [(f.code, f.cell, f.severity, f.expected, f.found) for f in findings
            if f.sheet == REAL.sheet and f.code in ("VAL024", "VAL027")]
    assert said == [("VAL027", cell(REAL, "kode", first + k), "error", code, code.replace(".", ""))
                    for k, code in enumerate(national) if k] + [
        ("VAL024", cell(REAL, "kode", first + 6), "warning", None, "0101012"),
        ("VAL024", cell(REAL, "kode", first + 9), "warning", None, "01010101")]
    lost = {cell(REAL, "kode", first + k) for k in (1, 2, 3, 6, 9)}
    assert not [f for f in findings if f.code in ("BUD009", "BUD004") and (f.cell in lost or f.code == "BUD004")]


def test_the_class_sums_and_the_kegiatan_an_unreadable_sub_kegiatan_code_leaves_short_are_notes_naming_it(tmp_path, write, data):
    """02.01's only sub kegiatan 02.01.01 (Barang dan Jasa, pagu 400.000.000, realisasi 390.000.000)
    typed in Calc as 020101 (its dots lost: VAL027) or 2.01.01.0001 (no code: VAL024). Its row is in
    no sum, so Belanja's Barang dan Jasa is 600.000.000 / 570.000.000 where its sub kegiatan add up
    to 200.000.000 / 180.000.000 (short by exactly the row's 400.000.000 / 390.000.000), and 02.01 has
    no sub kegiatan. Both follow from the code: notes naming its cell, not errors of their own."""
    from decimal import Decimal as D

    sub = REAL.first_row + 6
    code_cell = cell(REAL, "kode", sub)
    assert data["tables"]["realisasi"][6]["kode"] == "02.01.01"
    for typed_code, code, severity in (("020101", "VAL027", "error"), ("2.01.01.0001", "VAL024", "warning")):
        steps = [["set", REAL.sheet, code_cell, typed_code]]
        findings = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path)).findings
        said = sorted((f.code, f.sheet, f.cell, f.severity) for f in findings)
        assert said == [("BUD008", "Belanja", "B7", "info"), ("BUD008", "Belanja", "C7", "info"),
                        ("BUD009", REAL.sheet, cell(REAL, "kode", sub - 1), "info"), (code, REAL.sheet, code_cell, severity)]
        classes = {f.cell: f for f in findings if f.code == "BUD008"}
        assert classes["B7"].found - classes["B7"].expected == D(600_000_000) - D(200_000_000)
        assert classes["C7"].found - classes["C7"].expected == D(570_000_000) - D(180_000_000)
        assert all(f"{REAL.sheet}!{code_cell}" in f.message("id") for f in findings if f.code in ("BUD008", "BUD009"))


def test_a_kegiatan_over_its_children_by_an_unreadable_sub_kegiatan_is_no_row_deleted(tmp_path, write, data):
    """01.01.01 (pagu 800.000.000 / 850.000.000, realisasi 820.000.000) typed in Calc as 010101: its
    kegiatan 01.01 is then more than its one readable child 01.01.02 by exactly those amounts, which
    was "a child row deleted? Put that row back" (BUD034, an error) though the row is there. It is a
    note naming the code, and so are the kegiatan's other amounts, the PK's programme pagu and the
    Belanja class that lack the same row: only the code is an error."""
    sub = REAL.first_row + 2
    code_cell = f"{REAL.sheet}!{cell(REAL, 'kode', sub)}"
    row = data["tables"]["realisasi"][2]
    assert row["kode"] == "01.01.01" and row["jenis_belanja"] == "Belanja Pegawai"
    findings = check_workbook(edit_in_libreoffice(write(data), [["set", REAL.sheet, cell(REAL, "kode", sub), "010101"]],
                                                  tmp_path)).findings
    assert [(f.code, f.sheet, f.cell, f.severity) for f in findings if f.severity != "info"] == [
        ("VAL027", REAL.sheet, cell(REAL, "kode", sub), "error")]
    short = next(f for f in findings if f.code == "BUD034")
    assert (short.cell, short.severity) == (cell(REAL, "pagu_murni", sub - 1), "info")
    # 01.01 (1.000.000.000 / 1.050.000.000 / 1.000.000.000) less its other child (200 / 200 / 180 juta)
    assert short.params["gaps"] == {"pagu_murni": 1_000_000_000 - 200_000_000,
                                    "pagu_perubahan": 1_050_000_000 - 200_000_000, "realisasi": 1_000_000_000 - 180_000_000}
    notes = [f for f in findings if f.code in ("BUD003", "BUD006", "BUD008", "BUD034")]
    assert notes and all(f.params.get("cause") == code_cell for f in notes)
