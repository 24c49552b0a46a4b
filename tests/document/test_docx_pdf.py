"""A report written with python-docx (not by lkjip-xl's annex writer, tests/docx_report.py): prose
and a budget table, each with one mistake, checked against the Medang Kampai sample; the same document turned
into a PDF by LibreOffice gives the same findings; --annotate marks the numbers in a copy."""
from __future__ import annotations

import hashlib
import shutil
import subprocess
from decimal import Decimal as D

import pytest
from docx import Document
from docx_report import PROSE_MISTAKE, SOURCE, TABLE_MISTAKE, WORKBOOK, write_report

from helpers import dec
from lkjip_xl.document.annotate import write_annotated_docx
from lkjip_xl.document.check import check_document

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def expected() -> set:
    """(code, entity code, attribute, expected, found) of the two mistakes, from the sources."""
    return {("DOC001", "03", "realisasi", dec(SOURCE["03"]["realisasi"]), D("1098888500.00")),
            ("DOC001", "05", "pagu", dec(SOURCE["05"]["pagu"]), D("25000000.00"))}


def found(result) -> set:
    return {(f.code, f.params["entity"].rpartition("(")[2].rstrip(")"), f.params["attribute"], f.expected, f.found)
            for f in result.findings}


def test_docx_reports_the_prose_and_the_table_mistake_and_nothing_else(tmp_path):
    result = check_document(write_report(tmp_path / "laporan.docx"), WORKBOOK)
    assert found(result) == expected()
    by_attr = {f.params["attribute"]: f for f in result.findings}
    assert by_attr["realisasi"].sheet == "Paragraf 3" and by_attr["realisasi"].params["slip"] == "transposition"
    assert (by_attr["pagu"].sheet, by_attr["pagu"].cell) == ("Tabel 3.1", "C5")
    assert by_attr["pagu"].params["slip"] == "extra_digit"
    assert (result.checked, result.unmatched) == (23, 0)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
def test_the_same_document_as_pdf_gives_the_same_findings(tmp_path):
    docx = write_report(tmp_path / "laporan.docx")
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(docx)], check=True, capture_output=True, timeout=180)
    from_docx = check_document(docx, WORKBOOK)
    from_pdf = check_document(tmp_path / "laporan.pdf", WORKBOOK)
    assert found(from_pdf) == found(from_docx) == expected()
    table = [f for f in from_pdf.findings if f.params["attribute"] == "pagu"][0]
    assert (table.sheet, table.cell, table.params["location"]["page"]) == ("Tabel 3.1", "C5", 1)
    prose = [f for f in from_pdf.findings if f.params["attribute"] == "realisasi"][0]
    assert prose.sheet == "Halaman 1" and prose.params["location"]["page_line"] > 1
    assert (from_pdf.checked, from_pdf.matched) == (from_docx.checked, from_docx.matched)


def test_annotated_copy_marks_each_reported_number(tmp_path):
    docx = write_report(tmp_path / "laporan.docx")
    before = hashlib.sha256(docx.read_bytes()).hexdigest()
    result = check_document(docx, WORKBOOK)
    out = tmp_path / "bertanda.docx"
    assert write_annotated_docx(docx, out, result.findings, "id") == 2
    assert hashlib.sha256(docx.read_bytes()).hexdigest() == before  # the input is never written
    marked = Document(str(out))
    comments = list(marked.comments)
    assert len(comments) == 2 and all(c.text.startswith("[DOC001]") for c in comments)
    highlighted = [r.text for p in marked.paragraphs for r in p.runs if r.font.highlight_color is not None]
    highlighted += [r.text for t in marked.tables for row in t.rows for cell in row.cells
                    for p in cell.paragraphs for r in p.runs if r.font.highlight_color is not None]
    assert sorted(highlighted) == sorted([PROSE_MISTAKE, TABLE_MISTAKE])
    # the text of the copy is the text of the original: runs were split, nothing was lost
    original = Document(str(docx))
    assert [p.text for p in marked.paragraphs] == [p.text for p in original.paragraphs]
