"""A row whose values sit one column off, made in LibreOffice itself (tests/uno_edit.py) as staff do
it: a row cut and pasted one column to the right, a row copied over itself one column to the right.
One VAL029 (an error) at the row's first shifted cell saying where its values belong; the findings
at the row's own cells follow from it and are notes naming it. A row typed right, with optional
cells left blank, is never called shifted.

Skipped where LibreOffice or the system python3 with its uno module is missing."""
from __future__ import annotations

from test_libreoffice_edit import PK, REAL, cell, edit_in_libreoffice, pytestmark  # noqa: F401 (the skip mark)

from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.schema.refs import a1, parse_a1


def _at_row(findings, sheet: str, row: int):
    return [f for f in findings if f.sheet == sheet and parse_a1(f.cell)[0] == row]


def _shifted_once(findings, sheet: str, row: int, first: str, expected: str, found: str) -> None:
    said = [(f.code, f"{f.sheet}!{f.cell}", f.severity, f.expected, f.found) for f in findings if f.code == "VAL029"]
    assert said == [("VAL029", f"{sheet}!{first}", "error", expected, found)]
    others = [f for f in _at_row(findings, sheet, row) if f.code != "VAL029"]
    assert others and all(f.severity == "info" and f.params["cause"] == f"{sheet}!{first}" for f in others
                          if f.code != "FRM001" or f.severity != "info")


def test_an_skm_answer_row_cut_and_pasted_one_column_right_is_one_finding(tmp_path, write, data):
    """SKM!A9:P9 (the first respondent: no, date, service, sex, age, education, job, U1..U9) cut
    and pasted at B9: the date column holds the respondent's number, Jenis Kelamin the service, Umur
    the sex, U1 the job... Said once at B9 ("B9:Q9 hold what belongs in A9:P9"); VAL014, VAL007,
    VAL013, SKM019 and FRM001 of row 9 are notes naming it."""
    result = check_workbook(edit_in_libreoffice(write(data), [["move", "SKM", "A9:P9", "B9"]], tmp_path))
    _shifted_once(result.findings, "SKM", 9, "B9", "A9:P9", "B9:Q9")
    assert {f.code for f in _at_row(result.findings, "SKM", 9)} >= {"VAL014", "VAL013", "SKM019"}


def test_a_realisasi_row_copied_one_column_right_is_one_finding(tmp_path, write, data):
    """The sub kegiatan 01.01.01 (Realisasi row 7) copied over itself one column to the right, its
    code cell cleared: the code in Tingkat, the unit in Target Keluaran, the amounts one column over.
    One VAL029 at B7; the row's per-cell findings (VAL007, VAL005, VAL013, BUD005, BUD002...) are
    notes naming it. The formulas copied with it (Capaian's in Pagu Murni, Realisasi %'s and Sisa's in
    Sisa and Jenis Belanja) are the template's one column over too: B7:N7 hold what belongs in A7:M7."""
    row = REAL.first_row + 2
    steps = [["copy", REAL.sheet, f"A{row}:N{row}", f"B{row}"], ["set", REAL.sheet, f"A{row}", ""]]
    result = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path))
    _shifted_once(result.findings, REAL.sheet, row, f"B{row}", f"A{row}:M{row}", f"B{row}:N{row}")
    assert not [f for f in _at_row(result.findings, REAL.sheet, row) if f.code != "VAL029" and f.severity != "info"]


def test_a_pk_row_copied_one_column_right_is_one_finding(tmp_path, write, data):
    """The PK's second indicator (row 6) copied one column to the right, its number cleared: the
    indicator's name in Satuan, the unit in Arah, the arah in Jenis, the jenis in Target. One VAL029;
    VAL005, VAL007, VAL013 of row 6 are notes naming it, and so are PK Komponen's and the Rencana
    Aksi's "IKU2 is not on the PK sheet" (KIN015, warnings before): with the row put back it is."""
    row = PK.first_row + 1
    steps = [["copy", PK.sheet, f"A{row}:J{row}", f"B{row}"], ["set", PK.sheet, f"A{row}", ""]]
    result = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path))
    vals = [f for f in result.findings if f.code == "VAL029"]
    assert [(f.sheet, parse_a1(f.cell)[0], f.severity) for f in vals] == [(PK.sheet, row, "error")]
    first = vals[0].cell
    _shifted_once(result.findings, PK.sheet, row, first, vals[0].expected, vals[0].found)
    col = parse_a1(first)[1]
    assert vals[0].expected == f"{a1(row, col - 1)}:{a1(row, parse_a1(vals[0].found.split(':')[1])[1] - 1)}"
    assert not [f for f in _at_row(result.findings, PK.sheet, row) if f.code != "VAL029" and f.severity != "info"]
    assert [f.code for f in result.findings if f.severity != "info"] == ["VAL029"]
    assert {(f.sheet, f.cell, f.params.get("cause")) for f in result.findings if f.code == "KIN015"} == {
        ("PK Komponen", "A5", f"{PK.sheet}!{first}"), ("PK Komponen", "A6", f"{PK.sheet}!{first}"),
        ("Rencana Aksi", "A6", f"{PK.sheet}!{first}")}


def test_a_row_typed_right_with_optional_cells_blank_is_not_shifted(tmp_path, write, data):
    """Realisasi row 7 with its optional output cells (indicator, unit) and class cleared, and an SKM
    respondent without date, service and profile: rows typed right, nothing one column off."""
    row = REAL.first_row + 2
    steps = [["set", REAL.sheet, f"{c}{row}", ""] for c in "DEN"] + [["set", "SKM", f"{c}9", ""] for c in "BCDEFG"]
    result = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path))
    assert [f.code for f in result.findings if f.code == "VAL029"] == []


def test_an_skm_answer_row_moved_one_column_left_after_its_number_is_one_finding(tmp_path, write, data):
    """SKM!C9:P9 cut and pasted at B9 (as deleting the date B9 with "shift cells left" does): the
    respondent's number stays in A9, the date column holds the service, Jenis Kelamin the age...
    One VAL029 at B9, "B9:O9 hold what belongs in C9:P9"; the row's VAL014, VAL007, VAL013 are notes."""
    result = check_workbook(edit_in_libreoffice(write(data), [["move", "SKM", "C9:P9", "B9"]], tmp_path))
    _shifted_once(result.findings, "SKM", 9, "B9", "C9:P9", "B9:O9")
    assert {f.code for f in _at_row(result.findings, "SKM", 9)} >= {"VAL014", "VAL013"}


def test_what_a_shifted_sub_kegiatan_row_breaks_in_its_kegiatan_is_a_note_naming_it(tmp_path, write, data):
    """The sub kegiatan 01.01.01 (Realisasi row 7) cut and pasted one column to the right: its code
    sits in Tingkat, so the row is in no sum. Its kegiatan 01.01 then looked "more than its one sub
    kegiatan: a row deleted?" (BUD034 at I6, an error), with its roll-ups, the PK's programme pagu and
    Belanja Pegawai notes naming I6. With the row put back everything agrees: each is a note naming
    the row's VAL029 at B7, and VAL029 is the only thing left to mend."""
    row = REAL.first_row + 2
    last = a1(row, REAL.col_index("sisa"))
    result = check_workbook(edit_in_libreoffice(write(data), [["move", REAL.sheet, f"A{row}:{last}", f"B{row}"]],
                                                tmp_path))
    assert [(f.code, f.sheet, f.cell, f.severity) for f in result.findings if f.severity != "info"] == [
        ("VAL029", REAL.sheet, f"B{row}", "error")]
    kegiatan = [(f.code, f.cell, f.params.get("cause")) for f in result.findings
                if f.sheet == REAL.sheet and parse_a1(f.cell)[0] == row - 1]
    cause = f"{REAL.sheet}!B{row}"
    assert (("BUD034", a1(row - 1, REAL.col_index("pagu_murni")), cause) in kegiatan
            and all(c == cause for _, _, c in kegiatan))
    elsewhere = {(f.code, f.sheet, f.params.get("cause")) for f in result.findings if f.sheet != REAL.sheet}
    assert elsewhere == {("BUD006", "PK Program", cause), ("BUD008", "Belanja", cause)}


def test_the_ikm_and_the_sample_a_shifted_answer_row_changes_are_notes_naming_it(tmp_path, write, data):
    """The first respondent's row (SKM!A9:P9) cut and pasted at B9: U1 holds the occupation (left out,
    SKM019 at H9) and U2..U9 the answers of U1..U8. The PK's typed IKM (86,94, what the sheet gave
    before) is then not the IKM read (86,91), and 39 valid respondents are one short of 40 (populasi
    45): KIN011 and SKM005 were notes naming H9, one of the row's cells; with the row put back both
    agree, so each names the row's VAL029 at B9 (in the words it had), and nothing but VAL029 is a
    warning or an error."""
    result = check_workbook(edit_in_libreoffice(write(data), [["move", "SKM", "A9:P9", "B9"]], tmp_path))
    assert [(f.code, f.sheet, f.cell, f.severity) for f in result.findings if f.severity != "info"] == [
        ("VAL029", "SKM", "B9", "error")]
    notes = {f.code: (f.sheet, f.cell, f.severity, f.params.get("cause"), f.params.get("follows"))
             for f in result.findings if f.code in ("KIN011", "SKM005")}
    assert notes == {"KIN011": ("PK", cell(PK, "realisasi", PK.first_row), "info", "SKM!B9", None),
                     "SKM005": ("SKM", "D5", "info", None, "SKM!B9")}


def test_a_shifted_row_s_notes_say_the_value_is_out_of_place_because_the_row_is_shifted(tmp_path, write, data):
    """The row's own notes said "the difference comes from SKM!B9" (of a date column holding the
    respondent's number); they say the value is out of place because the row is shifted, in both
    languages. A note outside the row (the PK's IKM) keeps "the difference comes from"."""
    result = check_workbook(edit_in_libreoffice(write(data), [["move", "SKM", "A9:P9", "B9"]], tmp_path))
    date = next(f for f in result.findings if f.code == "VAL014" and f.cell == "B9")
    assert date.severity == "info" and date.params["cause"] == "SKM!B9"
    assert date.message("id").endswith(" — isiannya salah tempat karena barisnya bergeser satu kolom (lihat SKM!B9)")
    assert date.message("en").endswith(" — the value is out of place because its row is shifted one column (see SKM!B9)")
    ikm = next(f for f in result.findings if f.code == "KIN011")
    assert ikm.message("en").endswith(" — the difference comes from SKM!B9")


def test_a_realisasi_cell_deleted_with_shift_left_is_one_finding(tmp_path, write, data):
    """01.01.01's Target Keluaran (F7) deleted with Delete Cells > Shift cells left: its realisasi
    keluaran sits in F7, the amounts one column left (Pagu Murni in Capaian Keluaran, ...), the
    formulas moved with them (Realisasi %'s in Realisasi, Sisa's in Realisasi %) and the jenis belanja
    typed over Sisa's formula: only that text is out of its column's type, and nothing was found.
    The formulas are the template's one column to the right: one VAL029 at F7, "F7:L7 hold what
    belongs in G7:M7", and the rest (the kegiatan's sums, the PK's pagu) notes naming it."""
    row = REAL.first_row + 2
    target = cell(REAL, "target_keluaran", row)
    result = check_workbook(edit_in_libreoffice(write(data), [["delete_cells", REAL.sheet, target]], tmp_path))
    said = [(f.code, f.sheet, f.cell, f.severity, f.expected, f.found) for f in result.findings if f.severity != "info"]
    assert said == [("VAL029", REAL.sheet, target, "error", f"G{row}:M{row}", f"F{row}:L{row}")]


def test_a_row_typed_right_with_formulas_of_its_own_and_text_over_sisa_is_not_shifted(tmp_path, write, data):
    """Realisasi row 7 typed right, with formulas of the office's own in typed columns (Realisasi
    Keluaran =F7, Pagu Perubahan =I7), 'lunas' typed over Sisa's formula and no jenis belanja: the
    formulas are no template formula one column over, the text fits nothing: not shifted."""
    row = REAL.first_row + 2
    steps = [["formula", REAL.sheet, f"G{row}", f"=F{row}"], ["formula", REAL.sheet, f"J{row}", f"=I{row}"],
             ["set", REAL.sheet, f"M{row}", "lunas"], ["set", REAL.sheet, f"N{row}", ""]]
    result = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path))
    assert [f.code for f in result.findings if f.code == "VAL029"] == []
    assert ("FRM009", f"M{row}") in [(f.code, f.cell) for f in result.findings]


def test_what_a_cell_elsewhere_holds_stays_as_it_is_beside_a_shifted_row(tmp_path, write, data):
    """An SKM row cut and pasted one column right, and on Realisasi 02.01.01's Target Keluaran typed
    'dua belas' (in words): the checks run again with the row put back do not read that cell either
    (the reader does), yet it is no consequence of the row: VAL013 stays an error at F11, not a note
    naming SKM!B9."""
    row = REAL.first_row + 6
    target = cell(REAL, "target_keluaran", row)
    steps = [["move", "SKM", "A9:P9", "B9"], ["set", REAL.sheet, target, "dua belas"]]
    result = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path))
    assert [(f.code, f.sheet, f.cell, f.severity) for f in result.findings if f.severity != "info"] == [
        ("VAL013", REAL.sheet, target, "error"), ("VAL029", "SKM", "B9", "error")]
