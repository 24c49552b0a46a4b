"""Printing, through LibreOffice: the template and a filled sample rendered to PDF. Every sheet
prints on its own pages (the footer names the sheet), the empty template prints one page per table
(its header, not pages of blank prepared rows), the sample's tables as many pages as their rows
need, and no text is cut: every word of every text cell in the print area is on the sheet's pages
(LibreOffice leaves out a line of wrapped text its row is too short for), no number is shown as
###. Skipped where soffice or pdftotext is not installed."""
from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter

import openpyxl
import pytest

from conftest import ROOT
from lkjip_xl.schema import SCHEMA
from lkjip_xl.schema.types import ColType
from lkjip_xl.template.writer import write_workbook

PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")) or PDFTOTEXT is None,
    reason="LibreOffice (soffice) or pdftotext not installed")
SAMPLE = ROOT / "samples" / "medan_amplas_2023.xlsx"
PRINTED = [s.name for s in SCHEMA.sheets if not s.hidden]


def _pages(pdf) -> list[str]:
    out = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return out.split("\f")[:-1]


def _sheet_of(page: str) -> str:
    """The sheet a page belongs to: the footer's middle part (&A, the sheet's name)."""
    footer = [line for line in page.splitlines() if line.strip()][-1]
    parts = re.split(r"\s{2,}", footer.strip())
    assert re.fullmatch(r"\d+ / \d+", parts[-1]), footer
    return parts[-2]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """{"template" | "sample": (the xlsx, {sheet: [page text, ...]})}."""
    from test_libreoffice import convert

    tmp = tmp_path_factory.mktemp("print")
    template = tmp / "template.xlsx"
    write_workbook(template)
    sample = tmp / "sample.xlsx"
    shutil.copy(SAMPLE, sample)
    out = {}
    for name, path in (("template", template), ("sample", sample)):
        by_sheet: dict[str, list[str]] = {}
        for page in _pages(convert(path, "pdf", tmp / name)):
            by_sheet.setdefault(_sheet_of(page), []).append(page)
        out[name] = (path, by_sheet)
    return out


def test_every_sheet_prints_on_pages_of_its_own(rendered):
    for name in ("template", "sample"):
        assert list(rendered[name][1]) == PRINTED, name


def test_the_empty_template_prints_one_page_per_table(rendered):
    pages = {sheet: len(p) for sheet, p in rendered["template"][1].items()}
    assert {s: n for s, n in pages.items() if s != "Petunjuk"} == {s: 1 for s in PRINTED if s != "Petunjuk"}
    # the instructions describe every column of every sheet: about one page per five sheets
    assert pages["Petunjuk"] <= 1 + len(PRINTED) // 5


def test_the_sample_prints_its_rows_and_no_blank_pages(rendered):
    path, by_sheet = rendered["sample"]
    pages = {sheet: len(p) for sheet, p in by_sheet.items()}
    ws = openpyxl.load_workbook(path)["Realisasi"]
    uraian = [c.value for c in ws["C"][SCHEMA.table("realisasi").header_row:] if c.value]
    assert len(uraian) > 40
    assert 2 <= pages["Realisasi"] <= 4  # about 22 rows of wrapped uraian per A4 landscape page
    assert {s: n for s, n in pages.items() if s not in ("Realisasi", "Petunjuk")} == \
        {s: 1 for s in PRINTED if s not in ("Realisasi", "Petunjuk")}
    assert uraian[-1].split()[0] in by_sheet["Realisasi"][-1]  # the last filled row, on the last page


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


@pytest.mark.parametrize("name", ["template", "sample"])
def test_no_text_is_cut_and_no_number_hidden(rendered, name):
    path, by_sheet = rendered[name]
    wb = openpyxl.load_workbook(path)
    for sheet in PRINTED:
        ws = wb[sheet]
        printed = Counter(w for page in by_sheet[sheet] for w in _words(page))
        area = ws.print_area
        cells = ws[area.split("!")[1].replace("$", "")] if area else ws.iter_rows()
        wanted = Counter()
        for row in cells:
            for cell in row:
                if isinstance(cell.value, str) and not cell.value.startswith("="):
                    wanted.update(_words(cell.value))
        missing = wanted - printed
        assert not missing, (sheet, sorted(missing)[:10])
        assert not any("###" in page for page in by_sheet[sheet]), sheet


MONEY_COLUMNS = {(t.key, c.key) for s in SCHEMA.sheets for t in s.tables for c in t.columns
                 if c.type == ColType.MONEY}


def test_amounts_of_15_digits_print_as_numbers_not_hashes(tmp_path, write, data):
    """A province's or a large dinas's amounts (here every amount of the valid workbook × 100.000:
    a total of 177.000.000.000.000) are wider than the money columns: they are shrunk to the column
    and printed, never ### (they were on PK Program, RA Kegiatan, Realisasi and Belanja)."""
    from test_libreoffice import convert

    for key, rows in data["tables"].items():
        for row in rows:
            for col, value in row.items():
                if (key, col) in MONEY_COLUMNS and isinstance(value, int):
                    row[col] = value * 100_000
    path = write(data)
    pages = _pages(convert(path, "pdf", tmp_path / "pdf"))
    assert not [p for p in pages if "###" in p]
    digits = re.sub(r"[^\d\n]", "", "".join(pages))
    total = 1_770_000_000 * 100_000  # the Realisasi TOTAL and Jumlah Belanja Daerah (pagu perubahan)
    assert str(total) + "00" in digits  # printed with its ,00 (#,##0.00)
