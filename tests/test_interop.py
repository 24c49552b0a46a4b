"""Files written by other programs (tests/interop/: Excel of several versions, WPS Spreadsheets,
SheetJS): the reader's container and formula scan read every one without a crash, and find every
sheet python-calamine finds (a Strict OOXML workbook, a workbook part outside xl/)."""
from __future__ import annotations

from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from lkjip_xl.reader.container import open_container
from lkjip_xl.reader.xmlscan import scan_sheet

CORPUS = sorted((Path(__file__).parent / "interop" / "sheetjs").glob("*.xlsx"))


def _scans(path: Path) -> dict[str, object]:
    """The scan of every sheet."""
    container = open_container(path)
    try:
        return {name: scan_sheet(container.read_part(member)) for name, member in container.sheet_parts.items()}
    finally:
        container.close()


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_sheet_of_every_file_is_found_and_scanned(path):
    scans = _scans(path)
    assert list(scans) == CalamineWorkbook.from_path(str(path)).sheet_names
