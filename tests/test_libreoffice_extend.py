"""Tables extended and rearranged in LibreOffice Calc (tests/uno_edit.py), as offices do: a block of
rows cut and pasted under another programme. Realisasi rows 5..15 of the valid workbook: 01 (5),
01.01 (6), 01.01.01 (7: 800.000.000 / 850.000.000 / 820.000.000), 01.01.02 (8: 200.000.000 /
200.000.000 / 180.000.000), 02 (9), 02.01 (10), 02.01.01 (11: 400.000.000 / 400.000.000 /
390.000.000), 03 (12), 03.01 (13), 03.01.01 (14: 300.000.000 / 320.000.000 / 304.000.000), TOTAL
(15); I pagu murni, J pagu perubahan, K realisasi. Expected amounts are added up here from those."""
from __future__ import annotations

from lkjip_xl.annex.tables import build_annex
from lkjip_xl.checks.engine import check_workbook
from test_libreoffice_edit import edit_in_libreoffice, pytestmark  # noqa: F401

R = "Realisasi"


def _loud(findings):
    return [(f.code, f.sheet, f.cell) for f in findings if f.severity != "info"]


def test_a_kegiatan_block_cut_and_pasted_under_another_programme_is_one_error_and_counted_by_its_code(
        tmp_path, write, data):
    """Kegiatan 02.01 and its sub kegiatan cut (rows 10-11) and pasted under programme 03 (two rows
    inserted above the TOTAL, the emptied rows deleted). Programme 02 is left without a kegiatan in
    the sheet's order; the block's code says where it belongs and the sums hold there. One VAL022 at
    the moved kegiatan, nothing called wrong, and the annex counts programme 03 and the TOTAL without
    it (they were 720.000.000 and 2.170.000.000: the block counted twice)."""
    steps = [["insert", R, 15], ["insert", R, 15], ["move", R, "A10:N11", "A15"], ["delete", R, 10], ["delete", R, 10]]
    result = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path))
    assert result.context.model.table("realisasi").values["kode"][6:10] == ["03.01", "03.01.01", "02.01", "02.01.01"]
    assert _loud(result.findings) == [("VAL022", R, "A13")]
    (moved,) = result.findings
    assert (moved.expected, moved.found, moved.params["parent"]) == ("02", "02.01", "03")
    budget = next(t for t in build_annex(result.context) if t.key == "realisasi_anggaran")
    printed = {next(c.value for c in row.cells if c is not None and c.value): row.cells[2].value for row in budget.rows}
    assert printed["02"] == 400_000_000 and printed["03"] == 320_000_000
    assert printed["T O T A L"] == 1_050_000_000 + 400_000_000 + 320_000_000
