"""The samples as Excel saves them: formulas filled down become shared formulas (the children
carry only <f t="shared" si="N"/>), and "Strict Open XML Spreadsheet" puts every part under other
namespaces. `check` must find exactly what it finds in the original, and the formula scan must
give every shared child the text the original cell holds (FRM003 reads it)."""
from __future__ import annotations

from pathlib import Path

import pytest

from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.reader import read_workbook
from xlsx_rewrite import REALISASI, share_formulas, to_strict

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.xlsx"))


def _findings(path: Path) -> list[tuple]:
    return [(f.code, f.severity, f.sheet, f.cell, f.message("id"), f.message("en"))
            for f in check_workbook(path).findings]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_shared_formulas_give_the_same_formulas_and_findings(path, tmp_path):
    shared = share_formulas(path, tmp_path / "shared.xlsx")
    assert b't="shared" si="0"/>' in _sheet(shared, REALISASI)  # Realisasi was rewritten
    original, rewritten = read_workbook(path)[0], read_workbook(shared)[0]
    for sheet, scan in original.scans.items():
        assert rewritten.scans[sheet].formulas == scan.formulas, sheet
    assert _findings(shared) == _findings(path)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_strict_ooxml_gives_the_same_findings(path, tmp_path):
    strict = to_strict(share_formulas(path, tmp_path / "shared.xlsx"), tmp_path / "strict.xlsx")
    assert b'conformance="strict"' in _sheet(strict, "xl/workbook.xml")
    assert _findings(strict) == _findings(path)


def _sheet(path: Path, member: str) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as z:
        return z.read(member)


def test_a_sum_filled_right_is_checked_in_every_cell(data, write, tmp_path):
    """The TOTAL row's SUM typed in I15 and filled right to K15: Excel keeps it once, as a shared
    formula; each child's range leaves out programme 03 (row 12) as the master's does."""
    from lkjip_xl.template.writer import Formula
    from xlsx_rewrite import REALISASI, rewrite_part

    total = data["tables"]["realisasi"][-1]
    for key, col in (("pagu_murni", "I"), ("pagu_perubahan", "J"), ("realisasi", "K")):
        total[key] = Formula(f"=SUM({col}5,{col}9)", total[key])
    path = write(data)

    def share_right(xml: bytes) -> bytes:
        xml = xml.replace(b"<f>SUM(I5,I9)</f>", b'<f t="shared" ref="I15:K15" si="99">SUM(I5,I9)</f>', 1)
        return xml.replace(b"<f>SUM(J5,J9)</f>", b'<f t="shared" si="99"/>', 1).replace(
            b"<f>SUM(K5,K9)</f>", b'<f t="shared" si="99"/>', 1)

    shared = rewrite_part(path, tmp_path / "shared_right.xlsx", REALISASI, share_right)
    assert _sheet(shared, REALISASI).count(b'si="99"') == 3
    frm003 = [f for f in check_workbook(shared).findings if f.code == "FRM003"]
    assert [(f.cell, f.params["formula"], f.params["missing"]) for f in frm003] == [
        ("I15", "=SUM(I5,I9)", "12"), ("J15", "=SUM(J5,J9)", "12"), ("K15", "=SUM(K5,K9)", "12")]


def test_the_annotated_copy_of_a_strict_file_marks_the_same_cells(tmp_path):
    """openpyxl, which writes the annotated copy, reads no Strict OOXML: it is given a copy under
    the transitional namespaces."""
    import openpyxl

    from lkjip_xl.render.annotate import write_annotated

    sample = next(p for p in SAMPLES if p.name == "medang_kampai_2023.xlsx")
    strict = to_strict(sample, tmp_path / "strict.xlsx")

    def marked(path: Path) -> dict[str, set[str]]:
        out = tmp_path / f"annotated_{path.stem}.xlsx"
        write_annotated(path, out, check_workbook(path).findings)
        wb = openpyxl.load_workbook(out)
        return {ws.title: {c.coordinate for row in ws.iter_rows() for c in row if c.comment} for ws in wb.worksheets}

    expected = marked(sample)
    assert sum(map(len, expected.values())) > 20
    assert marked(strict) == expected
