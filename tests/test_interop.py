"""Files written by other programs (tests/interop/: Excel of several versions, WPS Spreadsheets,
LibreOffice, SheetJS): the reader's container and formula scan read every one without a crash,
and what the scan says agrees with openpyxl's view of the same file, cell by cell: which cells
hold a formula, their text (shared formulas' children included, which openpyxl translates with
its own formula tokenizer), the range of each array formula, the error values, the percent
formats. Each file is also read as two other kinds of writers save it: element names with a
namespace prefix (<x:c>, <x:f>), and rows and cells without r= where their place is implied."""
from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.formula import ArrayFormula
from python_calamine import CalamineWorkbook

from lkjip_xl.reader.container import open_container
from lkjip_xl.reader.styles import read_styles
from lkjip_xl.reader.xmlscan import SheetScan, bad_dates, scan_sheet
from xlsx_rewrite import drop_references, prefix_elements, rewrite, to_transitional, worksheets

CORPUS = sorted((Path(__file__).parent / "interop" / "sheetjs").glob("*.xlsx"))


def _scans(path: Path) -> dict[str, SheetScan]:
    """The scan of every sheet, knowing the cell styles; no date-formatted cell of the corpus holds
    a number no date can be."""
    container = open_container(path)
    try:
        styles = read_styles(container.read_part(container.styles_part) if container.styles_part else None)
        scans = {}
        for name, member in container.sheet_parts.items():
            xml = container.read_part(member)
            scans[name] = scan_sheet(xml, styles)
            assert bad_dates(xml, styles) == {}
        return scans
    finally:
        container.close()


def _openpyxl_view(path: Path, tmp_path: Path, data_only: bool = False) -> dict[str, dict[tuple[int, int], object]]:
    """{sheet: {(row, col): cell}} of the cells holding something, as openpyxl reads the file. It
    reads only transitional OOXML with the workbook at xl/: a Strict file is read through a copy
    under the transitional namespaces, a workbook elsewhere through a copy with its folder renamed."""
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        strict = "xl/workbook.xml" in names and b"purl.oclc.org" in z.read("xl/workbook.xml")
    if "xl/workbook.xml" not in names:
        folder = next(n.split("/")[0] for n in names if n.endswith("/workbook.xml"))
        path = _moved_to_xl(path, folder, tmp_path / "moved.xlsx")
    elif strict:
        path = to_transitional(path, tmp_path / "transitional.xlsx")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(path, read_only=True, data_only=data_only)
        view = {ws.title: {(c.row, c.column - 1): c for row in ws.iter_rows() for c in row if c.value is not None}
                for ws in wb.worksheets}
    wb.close()
    return view


def _formulas(view) -> dict[str, dict[tuple[int, int], tuple[str, str | None]]]:
    """{sheet: {(row, col): (formula text, array range or None)}}."""
    out = {}
    for sheet, cells in view.items():
        out[sheet] = {}
        for key, cell in cells.items():
            if cell.data_type == "f":
                value = cell.value
                out[sheet][key] = (value.text, value.ref) if isinstance(value, ArrayFormula) else (value, None)
    return out


def _moved_to_xl(path: Path, folder: str, dst: Path) -> Path:
    """A copy with the workbook's folder renamed xl/, in the part names and in the parts."""
    with zipfile.ZipFile(path) as zi, zipfile.ZipFile(dst, "w") as zo:
        for info in zi.infolist():
            name = info.filename
            if name.startswith(folder + "/"):
                name = "xl/" + name[len(folder) + 1:]
            zo.writestr(name, zi.read(info.filename).replace(f"{folder}/".encode(), b"xl/"))
    return dst


def _range(ref: str) -> tuple[int, int, int, int]:
    from openpyxl.utils.cell import range_boundaries

    c0, r0, c1, r1 = range_boundaries(ref)
    return r0, c0 - 1, r1, c1 - 1


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_sheet_of_every_file_is_found_and_scanned(path):
    scans = _scans(path)
    assert list(scans) == CalamineWorkbook.from_path(str(path)).sheet_names


def _assert_agrees_with_openpyxl(path: Path, tmp_path: Path) -> int:
    """The scan of every sheet agrees with openpyxl's view of the file; the number of formulas."""
    scans = _scans(path)
    formulas = _formulas(_openpyxl_view(path, tmp_path))
    values = _openpyxl_view(path, tmp_path, data_only=True)
    assert set(formulas) <= set(scans)
    for sheet, cells in formulas.items():
        scan = scans[sheet]
        assert set(scan.formulas) == set(cells), sheet
        for cell, (text, ref) in cells.items():
            assert scan.formulas[cell] == text, (sheet, cell)
            if ref is not None:
                assert scan.arrays[cell] == _range(ref), (sheet, cell)
        assert set(scan.arrays) == {cell for cell, (_, ref) in cells.items() if ref is not None}
        shown = values[sheet]
        assert scan.errors == {k: c.value for k, c in shown.items() if c.data_type == "e"}, sheet
        percent = {k: c.number_format for k, c in shown.items()
                   if "%" in c.number_format.split(";")[0].replace('"%"', "")}
        assert {k: v for k, v in scan.percent_cells().items() if k in shown} == percent, sheet
    return sum(len(cells) for cells in formulas.values())


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_the_scan_agrees_with_openpyxl(path, tmp_path):
    _assert_agrees_with_openpyxl(path, tmp_path)


# openpyxl cannot be the reference here: it fails on a shared formula in a cell without r=
@pytest.mark.parametrize("edit", [prefix_elements, drop_references], ids=["prefixed", "without-r"])
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_other_writers_of_the_same_file_give_the_same_scan(path, edit, tmp_path):
    variant = rewrite(path, tmp_path / "variant.xlsx", worksheets(edit))
    with zipfile.ZipFile(path) as a, zipfile.ZipFile(variant) as b:
        assert any(a.read(n) != b.read(n) for n in a.namelist() if "/worksheets/" in n) or edit is drop_references
    others = _scans(variant)
    for sheet, scan in _scans(path).items():
        other = others[sheet]
        assert (other.formulas, other.arrays, other.errors, other.percent_cells()) == \
            (scan.formulas, scan.arrays, scan.errors, scan.percent_cells()), sheet


@pytest.mark.parametrize("edit", [None, prefix_elements], ids=["as-written", "prefixed"])
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_a_sheet_read_in_stretches_gives_the_same_scan(path, edit, tmp_path, monkeypatch):
    """Read 512 bytes at a time (as a large sheet is: reader/container.py ``fragments``), every
    sheet gives the scan of the whole, or asks to be read whole."""
    from lkjip_xl.reader import container as container_module
    from lkjip_xl.reader.xmlscan import WholeSheetNeeded, scan_stretches

    if edit is not None:
        path = rewrite(path, tmp_path / "variant.xlsx", worksheets(edit))
    whole = _scans(path)
    monkeypatch.setattr(container_module, "_READ_CHUNK", 512)
    opened = open_container(path)
    try:
        styles = read_styles(opened.read_part(opened.styles_part) if opened.styles_part else None)
        for name, member in opened.sheet_parts.items():
            try:
                scan = scan_stretches(opened.fragments(member), styles)
            except WholeSheetNeeded:
                continue
            assert (scan.formulas, scan.arrays, scan.errors, scan.percent_cells(), scan.dimension) == \
                (whole[name].formulas, whole[name].arrays, whole[name].errors, whole[name].percent_cells(),
                 whole[name].dimension), name
    finally:
        opened.close()


def test_the_corpus_holds_what_these_tests_are_for():
    """Shared and array formulas, error values, percent formats, Strict OOXML, a workbook outside
    xl/, files from Excel and WPS Spreadsheets."""
    def holds(needle: bytes) -> set[str]:
        out = set()
        for path in CORPUS:
            with zipfile.ZipFile(path) as z:
                if any(needle in z.read(n) for n in z.namelist() if n.endswith((".xml", ".rels"))):
                    out.add(path.name)
        return out

    assert "formulae_test_simple.xlsx" in holds(b't="shared"') & holds(b't="array"') & holds(b't="e"')
    assert "metadata_2019.xlsx" in holds(b'cm="1"')  # a dynamic array (Excel 365)
    assert "sheet_visibility_strict.xlsx" in holds(b"purl.oclc.org/ooxml/spreadsheetml/main") & holds(b't="shared"')
    assert holds(b"<Application>WPS Spreadsheets") and holds(b"<Application>Microsoft Excel")
    assert _scans(CORPUS[[p.name for p in CORPUS].index("DataTypesFormats.xlsx")])["Sheet1"].percent_cells()
    assert "wtf_path.xlsx" in holds(b'Target="wtf/workbook.xml"')


@pytest.mark.parametrize("name", ["formulae_test_simple.xlsx", "medan_amplas_2023.xlsx"])
def test_files_saved_by_libreoffice_agree_with_openpyxl(name, tmp_path):
    """LibreOffice writes <f aca="false" t="array" ...> and t="n" on every cell; skipped where it
    is not installed."""
    from test_libreoffice import SOFFICE, convert

    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) not installed")
    src = next(p for p in [*CORPUS, *Path(__file__).resolve().parent.parent.glob("samples/*.xlsx")] if p.name == name)
    saved = convert(src, "xlsx", tmp_path / "lo")
    with zipfile.ZipFile(saved) as z:
        assert b"LibreOffice" in z.read("docProps/app.xml")
    assert _assert_agrees_with_openpyxl(saved, tmp_path) > 10
