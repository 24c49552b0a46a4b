"""lkjip-xl's own annex prints what the workbook holds: checked against that workbook, a report
made of it has nothing to report (no false alarm) and most of its numbers are tied."""
from __future__ import annotations

from lkjip_xl.commands.annex import run_annex
from lkjip_xl.document.check import check_document


def test_the_annex_of_a_valid_workbook_agrees_with_it(write, data, tmp_path):
    workbook = write(data)
    docx = tmp_path / "lampiran.docx"
    run_annex(workbook, tmp_path / "lampiran.xlsx", docx=docx)
    result = check_document(docx, workbook)
    assert [(f.code, f.sheet, f.cell, f.found) for f in result.findings] == []
    # the rest are what the workbook does not hold as facts: respondent profile, quarterly targets, scales
    assert result.checked > 200 and result.matched > result.checked / 2
