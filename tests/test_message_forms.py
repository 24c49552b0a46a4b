"""Dates, percentages and numbers in messages as an office reads them (not as Python prints them),
on the valid workbook edited in LibreOffice the way staff slip: a date typed into a number
column and as the signing date, a capaian typed over its formula, a huge number in a date cell,
a fractional bound of the rating scale.
The expected words are written here from the typed values; percentages from plain Decimal.

Valid workbook: Identitas B16 the signing date (report year 2024); PK rows 5..8 IKU1..IKU4 (H
target, J realisasi, K capaian; IKU2 target 90, realisasi 95); Realisasi row 7 01.01.01 (F target
keluaran 12), row 8 01.01.02 (F 4, G 4, H capaian keluaran); SKM respondents from row 9 (B date);
Skala rows 5..9 Permendagri 86/2017 (D lower, F upper bound: Tinggi 75 < x ≤ 90, Sedang 65 < x ≤ 75).
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal as D

import pytest

from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.template.fill import write_filled
from test_libreoffice_edit import edit_in_libreoffice, pytestmark as needs_libreoffice  # noqa: F401
from valid_workbook import valid_data


@pytest.fixture(scope="module")
def slips(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("slips")
    write_filled(tmp / "valid.xlsx", valid_data())
    edited = edit_in_libreoffice(tmp / "valid.xlsx", [
        ["type", "Realisasi", "F7", "3/4/2024"],  # a target typed as 3/4: Calc (id-ID) makes it 3 April 2024
        ["type", "Identitas", "B16", "3/4/2024"],  # the 2024 report signed in April 2024
        ["type", "PK", "K6", "100%"],  # capaian of IKU2 typed over its formula
        ["type", "Realisasi", "H8", "90%"],  # capaian keluaran of 01.01.02 typed over its formula
        ["type", "SKM", "B10", "-1000000000000"],  # a number no date can be, in a date cell
        ["type", "Skala", "D6", "75,5"],  # Permendagri 86's Tinggi from above 75,5: Sedang ends at 75
    ], tmp)
    return {f"{f.sheet}!{f.cell}": f for f in check_workbook(edited).findings if f.code != "FRM001"}


def _one(slips, ref: str, code: str, severity: str):
    f = slips[ref]
    assert (f.code, f.severity) == (code, severity)
    return f


def test_a_date_typed_into_a_number_column_is_written_as_people_read_dates(slips):
    f = _one(slips, "Realisasi!F7", "VAL011", "error")
    assert f.message("id").startswith("tanggal 3 April 2024 di kolom angka:")
    assert f.message("en").startswith("date 3 April 2024 in a number column:")


def test_a_signing_date_outside_its_window_names_the_dates_in_words(slips):
    f = _one(slips, "Identitas!B16", "VAL020", "warning")
    assert f.message("id") == ("laporan ditandatangani 3 April 2024: tidak sesuai dengan tahun laporan "
                               "(1 Desember 2024 – 30 November 2025)")
    assert f.message("en") == ("the report is signed on 3 April 2024: does not fit the report year "
                               "(1 December 2024 – 30 November 2025)")


def _percent(numerator: int, denominator: int) -> D:
    return (D(numerator) / D(denominator) * 100).quantize(D("0.01"), ROUND_HALF_UP)


def test_a_typed_capaian_is_written_with_its_percent_sign(slips):
    f = _one(slips, "PK!K6", "KIN001", "error")
    assert _percent(95, 90) == D("105.56")
    assert f.message("id") == "capaian seharusnya 105,56 % (R/T × 100), tertulis 100 %"
    assert f.message("en") == "achievement should be 105.56 % (R/T × 100), found 100 %"


def test_a_typed_output_capaian_is_written_with_its_percent_sign(slips):
    f = _one(slips, "Realisasi!H8", "KIN010", "error")
    assert f.message("id") == f"capaian keluaran seharusnya {_percent(4, 4):.0f} % (4 / 4), tertulis 90 %"
    assert f.message("en") == "output achievement should be 100 % (4 / 4), found 90 %"


def test_a_number_no_date_can_be_is_one_finding_grouped_as_numbers_are(slips):
    """Said once (it was also VAL014 '-1000000000000.0' at the same cell), the number in the
    message's language."""
    assert [ref for ref in slips if ref.startswith("SKM!")] == ["SKM!B10"]
    f = _one(slips, "SKM!B10", "VAL016", "error")
    assert f.message("id") == ("sel berformat tanggal berisi angka -1.000.000.000.000 yang bukan tanggal; "
                               "nilainya tidak dipakai")
    assert f.message("en").startswith("a date-formatted cell holds the number -1,000,000,000,000, which is no date")


def test_a_fractional_scale_bound_is_written_in_the_messages_language(slips):
    f = _one(slips, "Skala!A5", "SCL001", "error")
    assert f.message("id") == ("skala Permendagri 86/2017: ada celah antara Sedang (65 < x ≤ 75) … "
                               "Tinggi (75,5 < x ≤ 90)")
    assert f.message("en") == "scale Permendagri 86/2017: gap between Sedang (65 < x ≤ 75) … Tinggi (75.5 < x ≤ 90)"
