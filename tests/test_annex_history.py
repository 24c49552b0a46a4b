"""The annex's comparison over the years (Perbandingan Kinerja, from Riwayat Indikator) says what
the history lacks under the table: a year no indicator has (its columns are not printed) and an
indicator's year printed blank. It used to leave both out in silence (check says IND006)."""
from __future__ import annotations

from decimal import Decimal as D

import openpyxl

from test_annex_support import SheetTable
from test_libreoffice_edit import edit_in_libreoffice, pytestmark as needs_libreoffice
from test_rules_kinerja import _with_history
from lkjip_xl.commands.annex import run_annex

OTHERS = ("IKU2", "IKU3", "IKU4")  # the valid workbook's other indicators: no history


def _comparison(workbook, tmp_path, lang="id") -> SheetTable:
    out = tmp_path / f"lampiran_{lang}.xlsx"
    run_annex(workbook, out, force=True, lang=lang)
    sheet = "Perbandingan Kinerja" if lang == "id" else "Performance over the Years"
    return SheetTable(openpyxl.load_workbook(out)[sheet])


@needs_libreoffice
def test_a_year_deleted_from_the_history_is_noted_under_the_table(tmp_path, write, data):
    """IKU1's 2023 row deleted in Calc (2022 and 2024 left): the table prints 2022 and 2024 only."""
    edited = edit_in_libreoffice(write(_with_history(data)), [["delete", "Riwayat Indikator", 6]], tmp_path)
    t = _comparison(edited, tmp_path)
    assert t.header[1][4:] == ["2022", "2024"] * 3
    assert t.footnotes[1:] == [
        "Tidak ada di sheet Riwayat Indikator, kolomnya tidak dicetak: tahun 2023.",
        "Tidak ada di sheet Riwayat Indikator, dibiarkan kosong: " + "; ".join(f"{c} (2022)" for c in OTHERS) + "."]
    t = _comparison(edited, tmp_path, "en")
    assert t.footnotes[1:] == [
        "Not on the Riwayat Indikator sheet, its columns not printed: 2023.",
        "Not on the Riwayat Indikator sheet, left blank: " + "; ".join(f"{c} (2022)" for c in OTHERS) + "."]


def test_an_indicator_without_last_year_is_noted_under_the_table(tmp_path, write, data):
    data = _with_history(data)
    data["tables"]["riwayat_indikator"].append({"kode_indikator": "IKU2", "tahun": 2022, "target": D("90"),
                                                "realisasi": D("92")})
    t = _comparison(write(data), tmp_path)
    assert t.rows()[1][4:7] == [90, "-", 90]  # IKU2's targets 2022, 2023 (blank), 2024
    assert t.footnotes[1:] == ["Tidak ada di sheet Riwayat Indikator, dibiarkan kosong: IKU2 (2023); IKU3 (2022, 2023); "
                               "IKU4 (2022, 2023)."]


def test_a_full_history_adds_no_note(tmp_path, write, data):
    data = _with_history(data)
    data["tables"]["riwayat_indikator"] += [
        {"kode_indikator": c, "tahun": y, "target": D("90"), "realisasi": D("92")} for c in OTHERS for y in (2022, 2023)]
    assert len(_comparison(write(data), tmp_path).footnotes) == 1  # the capaian formula
