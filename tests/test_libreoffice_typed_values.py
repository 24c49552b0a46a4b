"""Values staff type in LibreOffice the way finance exports and Renstra documents write them (tests/
uno_edit.py, id-ID): what check says of them, compared with what it says of the plain form.

Skipped where LibreOffice or the system python3 with its uno module is missing."""
from __future__ import annotations

from test_libreoffice_edit import REAL, cell, edit_in_libreoffice, pytestmark  # noqa: F401 (the skip mark)

from lkjip_xl.checks.engine import check_workbook


def _said(findings):
    return sorted((f.code, f.sheet, f.cell, f.severity) for f in findings)


NILS = [("realisasi_keluaran", 3, "nihil"), ("realisasi", 3, "Rp -"), ("pagu_perubahan", 2, "Rp. -"),
        ("realisasi_keluaran", 2, "--")]


def test_nil_written_as_a_word_or_a_rupiah_dash_is_read_as_dash_and_said_where_the_formulas_miss_it(
        tmp_path, write, data):
    """'nihil', 'Rp -', 'Rp. -' and '--' mean nil as '-' does: check reads them as 0 exactly where it
    reads '-' so, and says the same of the workbook as with '-' typed there, but for one warning at
    each typed cell (VAL028: the template's formulas read only -, – or —, so the cells computed from
    it show #N/A; type -), the #N/A those formulas show being a note naming that cell. They were
    VAL013 (not a number), their row's figures left out ('--' was read silently, its #N/A an error
    blamed on nothing)."""
    cells = {cell(REAL, key, REAL.first_row + row): (key, row, typed) for key, row, typed in NILS}
    (tmp_path / "dash").mkdir()
    (tmp_path / "word").mkdir()
    dash = check_workbook(edit_in_libreoffice(write(data), [["type", REAL.sheet, at, "-"] for at in cells],
                                              tmp_path / "dash"))
    word = check_workbook(edit_in_libreoffice(write(data), [["type", REAL.sheet, at, typed]
                                                            for at, (_, _, typed) in cells.items()], tmp_path / "word"))
    nil = [f for f in word.findings if f.code == "VAL028"]
    assert sorted((f.sheet, f.cell, f.severity, f.expected, f.found) for f in nil) == \
        sorted((REAL.sheet, at, "warning", "-", typed) for at, (_, _, typed) in cells.items())
    notes = [f for f in word.findings if f.code == "VAL010"]
    assert notes and all(f.severity == "info" and f.params.get("follows") in {f"{REAL.sheet}!{at}" for at in cells}
                         for f in notes)
    assert _said(f for f in word.findings if f not in nil + notes) == _said(dash.findings)
    for key, row, _ in NILS:
        assert word.context.model.table("realisasi").values[key][row] == 0
        assert dash.context.model.table("realisasi").values[key][row] == 0


def test_text_typed_over_a_formula_says_restore_the_formula_not_retype_the_number(tmp_path, write, data):
    """Text typed over computed cells in LibreOffice: 'sembilan puluh' over PK's capaian (IKU2,
    95 / 90), '96,5 persen' over 01.01.01's Realisasi (%), and '100 %' over its capaian keluaran in a
    cell formatted as text (12 / 12, what the formula gives). Each is one finding at its cell, FRM009,
    naming the formula's value and saying to restore the formula (rapikan restores it): a warning, a
    note where the text is what the formula gives. It was VAL013 'not a number' beside FRM004 'the
    formula cell is empty', or VAL001 'type it again as a number'."""
    from decimal import Decimal as D

    from test_libreoffice_edit import PK

    capaian, persen, keluaran = (cell(PK, "capaian", PK.first_row + 1), cell(REAL, "persen_realisasi", REAL.first_row + 2),
                                 cell(REAL, "persen_keluaran", REAL.first_row + 2))
    steps = [["type", PK.sheet, capaian, "sembilan puluh"], ["type", REAL.sheet, persen, "96,5 persen"],
             ["text_format", REAL.sheet, f"{keluaran}:{keluaran}"], ["type", REAL.sheet, keluaran, "100 %"]]
    findings = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path)).findings
    said = sorted((f.code, f.sheet, f.cell, f.severity, f.found) for f in findings)
    assert said == sorted([("FRM009", PK.sheet, capaian, "warning", "sembilan puluh"),
                           ("FRM009", REAL.sheet, persen, "warning", "96,5 persen"),
                           ("FRM009", REAL.sheet, keluaran, "info", "100 %")])
    expected = {f.cell: f.expected for f in findings}
    assert round(expected[capaian], 4) == round(D(95) / D(90) * 100, 4)
    assert round(expected[persen], 4) == round(D(820_000_000) / D(850_000_000) * 100, 4)
    assert expected[keluaran] == 100
    assert all("rapikan" in f.message("en") and "restore the formula" in f.message("en") for f in findings)


def test_rapikan_says_it_restores_a_formula_text_was_typed_over(tmp_path, write, data):
    """rapikan on text typed over PK's capaian (IKU2) in LibreOffice: the formula restored, said as
    FRM009 with the text it replaced (it said FRM004 'the row had no formula here (inserted/pasted
    row)' with nothing before); the copy's check is clean."""
    from lkjip_xl.repair import repair_workbook
    from test_libreoffice_edit import PK

    capaian = cell(PK, "capaian", PK.first_row + 1)
    src = edit_in_libreoffice(write(data), [["type", PK.sheet, capaian, "sembilan puluh"]], tmp_path)
    result = repair_workbook(src, tmp_path / "rapi.xlsx")
    [change] = [c for c in result.changes if (c.sheet, c.cell) == (PK.sheet, capaian)]
    assert (change.code, change.why, change.before, change.applied) == ("FRM009", "formula_over_text", "sembilan puluh", True)
    assert str(change.after).startswith("=")
    assert not [f for f in check_workbook(tmp_path / "rapi.xlsx").findings if f.severity != "info"]


def test_a_target_typed_as_a_bound_reads_as_its_number_alone_and_is_said_against_the_arah(tmp_path, write, data):
    """Targets pasted as a Renstra writes them, typed in LibreOffice (they stay text): '≥ 1.500' on
    IKU2 is what '1.500' alone is, ambiguous (VAL002: 1.500 or 1,5), not 'not a number' (VAL013); '≥ 10'
    on IKU3, whose arah is turun (lower is better), and '≤ 4' on IKU4, naik, are read as 10 and 4
    (VAL001) and each bound contradicts its arah: KIN034, a warning at the target naming the arah's
    cell, with the bound the arah wants as expected. Nothing else is said."""
    from test_libreoffice_edit import PK

    row = PK.first_row
    h6, h7, h8 = (cell(PK, "target", row + i) for i in (1, 2, 3))
    steps = [["type", PK.sheet, h6, "≥ 1.500"], ["type", PK.sheet, h7, "≥ 10"], ["type", PK.sheet, h8, "≤ 4"]]
    findings = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path)).findings
    said = sorted((f.code, f.sheet, f.cell, f.severity) for f in findings)
    assert said == sorted([("VAL002", PK.sheet, h6, "error"), ("VAL001", PK.sheet, h7, "error"),
                           ("VAL001", PK.sheet, h8, "error"), ("KIN034", PK.sheet, h7, "warning"),
                           ("KIN034", PK.sheet, h8, "warning")])
    against = {f.cell: f for f in findings if f.code == "KIN034"}
    assert (against[h7].expected.en, against[h7].found.en) == ("≤ 10", "≥ 10")
    assert (against[h8].expected.en, against[h8].found.en) == ("≥ 4", "≤ 4")
    assert against[h7].params["arah_cell"] == f"{PK.sheet}!{cell(PK, 'arah', row + 2)}"
    assert against[h8].params["arah_cell"] == f"{PK.sheet}!{cell(PK, 'arah', row + 3)}"


def test_rapikan_writes_dash_where_nil_was_typed_as_the_formulas_do_not_read_it(tmp_path, write, data):
    """rapikan on 'nihil', 'Rp -', 'Rp. -' and '--' typed in LibreOffice (check's VAL028: type -): each
    cell holds '-' as text, its style kept, said as VAL028 with what was typed; the copy's check says
    what it says of '-' typed there (no VAL028, no #N/A), and LibreOffice computes the copy's
    formulas again without an error. rapikan left them (the VAL028 and the #N/A stayed)."""
    import openpyxl

    from lkjip_xl.repair import repair_workbook
    from lkjip_xl.repair.package import Package
    from lkjip_xl.schema.refs import parse_a1

    cells = {cell(REAL, key, REAL.first_row + row): typed for key, row, typed in NILS}
    (tmp_path / "dash").mkdir()
    (tmp_path / "word").mkdir()
    dash = check_workbook(edit_in_libreoffice(write(data), [["type", REAL.sheet, at, "-"] for at in cells],
                                              tmp_path / "dash"))
    src = edit_in_libreoffice(write(data), [["type", REAL.sheet, at, typed] for at, typed in cells.items()],
                              tmp_path / "word")
    result = repair_workbook(src, tmp_path / "rapi.xlsx")
    said = sorted((c.cell, c.code, c.why, c.before, c.after, c.applied) for c in result.changes if c.cell in cells)
    assert said == sorted((at, "VAL028", "nil_dash", typed, "-", True) for at, typed in cells.items())
    before, after = Package(src).sheet(REAL.sheet), Package(tmp_path / "rapi.xlsx").sheet(REAL.sheet)
    assert all(after.style(*parse_a1(at)) == before.style(*parse_a1(at)) for at in cells)
    copy = check_workbook(tmp_path / "rapi.xlsx")
    assert not [f for f in copy.findings if f.code in ("VAL028", "VAL010")]
    assert _said(copy.findings) == _said(dash.findings)
    sheet = openpyxl.load_workbook(tmp_path / "rapi.xlsx")[REAL.sheet]
    assert all(sheet[at].value == "-" and sheet[at].data_type == "s" for at in cells)
    (tmp_path / "lo").mkdir()
    recalculated = check_workbook(edit_in_libreoffice(tmp_path / "rapi.xlsx", [], tmp_path / "lo"))
    assert not [f for f in recalculated.findings if f.code in ("VAL028", "VAL010")]


def test_a_finding_at_nil_typed_as_a_word_quotes_what_the_cell_holds(tmp_path, write, data):
    """'Rp. -' typed in LibreOffice as 01.01.02's pagu perubahan (murni 200.000.000) and 'nihil' as
    IKU4's target (the Rencana Aksi says 4): BUD031 at the first and KIN020 at the second quote what
    the cell holds, as they quote '-' typed there. They said the cell holds '-'."""
    from test_libreoffice_edit import PK

    perubahan, target = cell(REAL, "pagu_perubahan", REAL.first_row + 3), cell(PK, "target", PK.first_row + 3)
    steps = [["type", REAL.sheet, perubahan, "Rp. -"], ["type", PK.sheet, target, "nihil"]]
    findings = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path)).findings
    revised = next(f for f in findings if f.code == "BUD031")
    assert (revised.sheet, revised.cell, revised.severity, revised.found) == (REAL.sheet, perubahan, "warning", "Rp. -")
    assert revised.message("id").startswith("pagu perubahan 'Rp. -' dibaca 0 (nihil), di samping pagu murni 200.000.000")
    assert revised.message("en").startswith("the revised budget 'Rp. -' is read as 0 (nil)")
    blamed = next(f for f in findings if f.code == "KIN020")
    assert (blamed.sheet, blamed.cell, blamed.severity, blamed.expected, blamed.found) == (PK.sheet, target, "error", 4, 0)
    assert blamed.message("id").endswith("sel ini berisi 'nihil', yang dibaca 0 (nihil)")
    assert blamed.message("en").endswith("the cell holds 'nihil', read as 0 (nil)")


def test_a_scale_bound_typed_as_a_percent_is_said_at_the_bound_where_a_kriteria_shows_otherwise(
        tmp_path, write, data):
    """Skala's bound between Tinggi and Sangat Tinggi (Permendagri 86/2017, 75 < x ≤ 90 < x) typed
    `90 %` in LibreOffice in both cells: stored 0,9 in a percent format, read by lkjip-xl as 90, by
    every kriteria formula as 0,9. IKU3
    (turun, target 10, realisasi 11,3) reaches (2 × 10 − 11,3) / 10 = 87 %: Tinggi (75 < x ≤ 90), but
    the sheet grades it Sangat Tinggi (87 > 0,9). That was a note at the bound beside an FRM002 at
    PK!L7 asking whether the file was saved without calculating; now one error at the bound names the
    kriteria it changes, and rapikan writes 90 in both."""
    import openpyxl
    from decimal import Decimal as D

    from lkjip_xl.commands.rapikan import run_rapikan
    from test_libreoffice import convert

    iku3 = data["tables"]["pk_indikator"][2]
    assert (iku3["arah"], iku3["target"]) == ("turun", 10)
    iku3["realisasi"] = D("11.3")
    assert (2 * D(10) - D("11.3")) / 10 * 100 == 87  # 75 < 87 <= 90: Tinggi
    path = edit_in_libreoffice(write(data), [["type", "Skala", "D5", "90 %"], ["type", "Skala", "F6", "90 %"]],
                               tmp_path)
    stored = openpyxl.load_workbook(path, data_only=True)
    assert stored["Skala"]["D5"].value == stored["Skala"]["F6"].value == 0.9
    assert stored["PK"]["L7"].value == "Sangat Tinggi"  # LibreOffice's own grading of 87 against 0,9
    findings = check_workbook(path).findings
    assert _said(findings) == [("VAL015", "Skala", "D5", "error"), ("VAL015", "Skala", "F6", "error")]
    for f in findings:
        assert "PK!L7 menampilkan Sangat Tinggi, lkjip-xl menghitung Tinggi" in f.message("id"), f.message("id")
    outcome = run_rapikan(path, tmp_path / "rapi.xlsx")
    assert [(c.sheet, c.cell, c.after) for c in outcome.changes if c.code == "VAL015"] == [("Skala", "D5", 90),
                                                                                           ("Skala", "F6", 90)]
    (tmp_path / "lo").mkdir()
    recalculated = convert(tmp_path / "rapi.xlsx", "xlsx", tmp_path / "lo")
    assert openpyxl.load_workbook(recalculated, data_only=True)["PK"]["L7"].value == "Tinggi"
    assert check_workbook(recalculated).findings == []
