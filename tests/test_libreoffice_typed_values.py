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
