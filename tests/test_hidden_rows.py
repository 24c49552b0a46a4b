"""A row hidden in its sheet (a cancelled sub kegiatan hidden rather than deleted) is still a row:
read, added up, checked, as Excel's SUM adds it. A finding at a hidden row says the row is hidden,
since the person reading it does not see the row; nothing else changes.

Realisasi rows 5..15 of the valid workbook: 01 (5), 01.01 (6), 01.01.01 (7), 01.01.02 (8); I pagu murni."""
from __future__ import annotations

import pytest

from helpers import codes_at
from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.reader import read_workbook
from test_libreoffice_edit import _uno_available, edit_in_libreoffice
from xlsx_rewrite import rewrite_part, sheet_part


def _cancelled(data):
    """A third sub kegiatan under 01.01 (row 9) that the kegiatan's amounts leave out."""
    data["tables"]["realisasi"].insert(4, {
        "kode": "01.01.03", "uraian": "Penyediaan Bahan Logistik Kantor (batal)", "pagu_murni": 50_000_000,
        "pagu_perubahan": "-", "realisasi": "-", "jenis_belanja": "Belanja Barang dan Jasa"})
    return data


def _hide(path, sheet: str, row: int, out):
    """The row hidden as Excel writes it (hidden="1" on its <row>), every cached result kept."""
    tag = f'<row r="{row}"'.encode()
    return rewrite_part(path, out, sheet_part(sheet), lambda xml: xml.replace(tag, tag + b' hidden="1"', 1))


def test_a_finding_at_a_hidden_row_says_it_is_hidden(write, data, tmp_path):
    path = write(_cancelled(data))
    shown = check_workbook(path).findings
    hidden = check_workbook(_hide(path, "Realisasi", 9, tmp_path / "hidden.xlsx")).findings
    assert [(f.code, f.cell) for f in hidden] == [(f.code, f.cell) for f in shown]  # the same findings
    at_9 = [f for f in hidden if f.sheet == "Realisasi" and f.cell.endswith("9")]
    assert at_9 and all("baris 9 disembunyikan" in f.message("id") and "row 9 is hidden" in f.message("en")
                        for f in at_9)
    assert not any("disembunyikan" in f.message("id") for f in hidden if f not in at_9)
    assert not any("disembunyikan" in f.message("id") for f in shown)


def test_a_hidden_row_without_a_slip_gives_nothing(write, data, tmp_path):
    assert check_workbook(_hide(write(data), "Realisasi", 8, tmp_path / "hidden.xlsx")).findings == []
    model, _ = read_workbook(tmp_path / "hidden.xlsx")
    assert model.scans["Realisasi"].hidden_rows == {8}


@pytest.mark.skipif(not _uno_available(), reason="LibreOffice with python3-uno not installed")
def test_a_row_hidden_in_libreoffice(write, data, tmp_path):
    edited = edit_in_libreoffice(write(_cancelled(data)), [["hide_row", "Realisasi", 9]], tmp_path)
    findings = check_workbook(edited).findings
    assert codes_at(findings, "BUD021") and all(
        "disembunyikan" in f.message("id") for f in findings if f.sheet == "Realisasi" and f.cell.endswith("9"))
    assert read_workbook(edited)[0].scans["Realisasi"].hidden_rows == {9}
