"""The annotated copy's Temuan sheet: glossary headers, numbers in Indonesian form, wrapped text in
rows tall enough (and, through LibreOffice, a page where the numbers print as 95,4545)."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.render.annotate import COLUMNS, LINE_POINTS, WRAPPED, _lines, write_annotated

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "medan_amplas_2023.xlsx"


@pytest.fixture(scope="module")
def annotated(tmp_path_factory):
    out = tmp_path_factory.mktemp("ann") / "a.xlsx"
    write_annotated(SAMPLE, out, check_workbook(SAMPLE).findings, "id")
    return out


def test_headers_severity_words_and_indonesian_numbers(annotated):
    ws = openpyxl.load_workbook(annotated)["Temuan"]
    assert [c.value for c in ws[1]] == ["No", "Sheet", "Sel", "Kode", "Tingkat", "Pesan", "Seharusnya", "Tertulis"]
    rows = {r[3]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    # the mean of the components is 95,4545...; beside a typed 96 it is shown as the message shows
    # it, to 2 decimals (the clerk types 95,45, not 95,4545)
    assert rows["KIN013"][4] == "kesalahan" and rows["KIN013"][6] == "95,45" and rows["KIN013"][7] == "96"
    assert "seharusnya 95,45 (rata-rata 2 komponen), tertulis 96" in rows["KIN013"][5]
    for row in ws.iter_rows(min_row=2, values_only=True):
        for value in row[6:8]:
            assert value is None or isinstance(value, str)
            assert value is None or not re.fullmatch(r"-?\d+\.\d{5,}", value)  # no 95.4545454545455


def test_wrapped_rows_are_tall_enough(annotated):
    ws = openpyxl.load_workbook(annotated)["Temuan"]
    for r in range(2, ws.max_row + 1):
        cell = ws.cell(row=r, column=6)
        assert cell.alignment.wrap_text and cell.alignment.vertical == "top"
        needed = max(_lines(ws.cell(row=r, column=c).value or "", COLUMNS[c - 1][1]) for c in WRAPPED)
        assert ws.row_dimensions[r].height >= LINE_POINTS * needed


def test_line_estimate_wraps_words_and_breaks_long_ones():
    assert _lines("kata " * 5, 80) == 1
    assert _lines("kata " * 40, 80) >= 3
    assert _lines("x" * 500, 20) >= 25


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")), reason="LibreOffice/poppler missing")
def test_libreoffice_prints_the_temuan_sheet_with_indonesian_numbers(annotated, tmp_path):
    wb = openpyxl.load_workbook(annotated)
    for name in wb.sheetnames[1:]:
        del wb[name]
    only = tmp_path / "temuan.xlsx"
    wb.save(only)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(only)], capture_output=True, timeout=180, check=True)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "temuan.pdf"), "-"], capture_output=True,
                          text=True, timeout=60).stdout
    assert "95,45 (rata-rata" in text and "95.45" not in text
    assert "kode 01.01.02 berada di bawah 01.02" in text and "berawalan 01.02)" in text  # both lines printed


def test_an_office_s_own_sheet_named_temuan_is_kept(tmp_path):
    """An office's own sheet "Temuan" (its audit notes) stays; the list is "Temuan (lkjip-xl)". An
    earlier annotated copy's list is replaced, not kept beside the new one."""
    own = tmp_path / "own.xlsx"
    wb = openpyxl.load_workbook(SAMPLE)
    wb.create_sheet("Temuan")["A1"] = "Catatan inspektorat 2024"
    wb.save(own)
    findings = check_workbook(own).findings
    out = tmp_path / "a.xlsx"
    write_annotated(own, out, findings, "id")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "Temuan (lkjip-xl)" and book["Temuan"]["A1"].value == "Catatan inspektorat 2024"
    again = tmp_path / "b.xlsx"
    write_annotated(out, again, findings, "en")
    assert [n for n in openpyxl.load_workbook(again).sheetnames if n.startswith("Temuan")] == [
        "Temuan (lkjip-xl)", "Temuan"]
    first = tmp_path / "c.xlsx"
    write_annotated(SAMPLE, first, findings, "id")
    twice = tmp_path / "d.xlsx"
    write_annotated(first, twice, findings, "en")
    assert openpyxl.load_workbook(twice).sheetnames[:2] == ["Temuan", "Petunjuk"]
