"""A large worksheet is read a stretch of rows at a time, twice (bounds and impossible dates before
python-calamine touches it; then the formula scan), and its values a block of rows at a time
(reader/container.py ``fragments``, reader/xmlscan.py ``scan_stretches``, reader/grid.py
``SheetRows``); one that must be read whole (a cell without r=, an impossible date to mend) is
decompressed into one buffer of the size its zip entry declares. Every way reads as the usual
one, finding for finding; an entry that lies about its size is a damaged file (exit 2), never a
larger buffer or a short one, and the guards (a DTD, cells past the limits) hold for stretches.
The thresholds are made tiny here so that the valid workbook and the samples take every path."""
import re
import struct
import zipfile
from pathlib import Path

import pytest
from xlsx_rewrite import drop_references, rewrite_part

from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.errors import UnreadableWorkbook
from lkjip_xl.reader import container, grid, read_workbook
from lkjip_xl.reader.container import _after_last_row
from lkjip_xl.reader.xmlscan import WholeSheetNeeded, scan_sheet, scan_stretches

SAMPLES = sorted((Path(__file__).parent.parent / "samples").glob("*.xlsx"))
REALISASI = "xl/worksheets/sheet5.xml"  # of the workbook the ``write`` fixture writes


def _summary(path):
    return [(f.code, f.sheet, f.cell, f.severity, str(f.expected), str(f.found)) for f in check_workbook(path).findings]


def _lie(src, dst, member: str, delta: int) -> None:
    """A copy whose entry for ``member`` declares ``delta`` bytes more (or less) than it holds."""
    data = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as zf:
        info = zf.getinfo(member)
    local = info.header_offset
    assert data[local:local + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, local + 22, info.file_size + delta)
    name = member.encode()
    central = data.index(b"PK\x01\x02")  # the central directory's entry of the member, by its name
    while data[central + 46:central + 46 + len(name)] != name:
        central = data.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", data, central + 24, info.file_size + delta)
    dst.write_bytes(bytes(data))


@pytest.fixture
def tiny(monkeypatch):
    """Every worksheet large, read 4 KiB at a time; every sheet long, read 7 rows a block, the
    first 3 rows at hand (the rest of a form's rows fetched when asked for)."""
    def apply():
        monkeypatch.setattr(container, "LARGE_PART_BYTES", 0)
        monkeypatch.setattr(container, "_READ_CHUNK", 4096)
        monkeypatch.setattr(grid, "WHOLE_ROWS", 5)
        monkeypatch.setattr(grid, "BLOCK_ROWS", 7)
        monkeypatch.setattr(grid, "HEAD_ROWS", 3)
    return apply


def _whole_reads(monkeypatch) -> list[str]:
    """The members read whole (``read_part``) from now on."""
    seen = []
    usual = container.Container.read_part

    def spy(self, member):
        seen.append(member)
        return usual(self, member)
    monkeypatch.setattr(container.Container, "read_part", spy)
    return seen


def test_stretches_and_blocks_read_as_the_usual_way(write, data, tiny, monkeypatch):
    path = write(data)
    usual = _summary(path)
    tiny()
    whole = _whole_reads(monkeypatch)
    assert _summary(path) == usual
    assert {m for m in whole if "/worksheets/" in m} == _version_parts(path)  # no data sheet read whole


def _version_parts(path) -> set[str]:
    """The parts of the sheets the template version is read from (bounded whole: python-calamine
    reads them for the version)."""
    from lkjip_xl.schema.workbook import VERSION_CELLS

    opened = container.open_container(path, scan_sheets=False)
    try:
        return {opened.sheet_parts[s] for s, _ in VERSION_CELLS if s in opened.sheet_parts}
    finally:
        opened.close()


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_the_samples_read_as_the_usual_way_in_stretches_and_blocks(sample, tiny):
    usual = _summary(sample)
    tiny()
    assert _summary(sample) == usual


def test_a_value_problem_in_a_later_block_is_found_at_its_cell(write, data, tiny):
    rows = data["tables"]["realisasi"]
    rows[-1]["pagu_murni"] = "dua juta"  # the last sub kegiatan: past the first blocks of 7 rows
    path = write(data)
    usual = _summary(path)
    assert ("VAL013", "Realisasi", f"I{4 + len(rows)}") in {f[:3] for f in usual}
    tiny()
    assert _summary(path) == usual


def test_one_buffer_reads_as_the_usual_way(write, data, tiny, tmp_path, monkeypatch):
    """A sheet with cells without r= cannot be read in stretches: it is read whole, into one buffer."""
    path = rewrite_part(write(data), tmp_path / "no_r.xlsx", REALISASI, drop_references)
    usual = _summary(path)
    tiny()
    whole = _whole_reads(monkeypatch)
    assert _summary(path) == usual
    assert REALISASI in whole


def test_an_impossible_date_in_a_large_sheet_is_found_at_its_cell(data, write, tiny, monkeypatch):
    data["tables"]["skm_responden"][0]["tanggal"] = -1e12
    path = write(data)
    usual = _summary(path)
    assert ("VAL016", "SKM", "B9") in {f[:3] for f in usual}
    tiny()
    assert _summary(path) == usual


def test_a_dtd_in_a_large_sheets_prolog_is_refused(write, data, tiny, tmp_path):
    path = rewrite_part(write(data), tmp_path / "dtd.xlsx", REALISASI,
                        lambda x: b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "b">]>'
                        + x[x.index(b"<worksheet"):])
    tiny()
    with pytest.raises(UnreadableWorkbook) as exc:
        read_workbook(path)
    assert exc.value.key == "unsafe_xml"


@pytest.mark.parametrize("extra, key", [
    (b'<row r="250000"><c r="B250000"><v>1</v></c></row>', "too_many_rows"),
    (b'<row r="9"><c r="ZZZ9"><v>1</v></c></row>', "sheet_too_large"),
], ids=["far-row", "too-wide"])
def test_a_large_sheet_is_bounded_before_its_grid_is_built(write, data, tiny, tmp_path, monkeypatch, extra, key):
    path = rewrite_part(write(data), tmp_path / "far.xlsx", REALISASI,
                        lambda x: x.replace(b"</sheetData>", extra + b"</sheetData>"))
    tiny()
    monkeypatch.setattr(grid, "read_grid", None)  # python-calamine is never asked for the sheet
    with pytest.raises(UnreadableWorkbook) as exc:
        read_workbook(path)
    assert exc.value.key == key


def test_a_stretch_ends_after_a_rows_end_tag_only():
    xml = b'<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row><row r="2">'
    assert _after_last_row(xml) == xml.index(b"<row")
    assert _after_last_row(b'<row r="1"><c r="A1"/></row><row>') == len(b'<row r="1"><c r="A1"/></row>')
    assert _after_last_row(b'<sheetData><row r="1"><c r="A1"/>') == 0


def test_the_scan_of_stretches_is_the_scan_of_the_whole(write, data):
    """Formulas filled down across the cut, shared formulas whose master is in an earlier
    stretch, percent formats and error values: read alike in stretches of every size."""
    with zipfile.ZipFile(write(data)) as zf:
        parts = [zf.read(n) for n in zf.namelist() if n.startswith("xl/worksheets/sheet")]
    parts.append(_shared(parts[0]))
    for xml in parts:
        whole = scan_sheet(xml)
        for size in (300, 2000, 10_000):
            pieces, rest = [], xml
            while rest:  # as Container.fragments cuts: after a row's end, the tail with the last row
                cut = _after_last_row(rest[:size])
                if not cut:
                    end = rest.find(b"</row>", size)
                    cut = len(rest) if end < 0 else end + len(b"</row>")
                pieces.append(rest[:cut])
                rest = rest[cut:]
            streamed = scan_stretches(pieces)
            assert dict(streamed.formulas) == dict(whole.formulas)
            assert (streamed.arrays, streamed.errors, streamed.dimension) == (whole.arrays, whole.errors, whole.dimension)


def _shared(xml: bytes) -> bytes:
    """A sheet whose every column of formulas is one shared formula (as Excel saves it)."""
    masters: dict[bytes, tuple[bytes, bytes]] = {}

    def edit(m):
        col, row, text = m.group(1), m.group(2), m.group(4)
        if col not in masters:
            masters[col] = (str(len(masters)).encode(), row)
            return m.group(0).replace(b"<f>", b'<f t="shared" si="' + masters[col][0] + b'" ref="' + col + row + b'">')
        return m.group(0).replace(b"<f>" + text + b"</f>", b'<f t="shared" si="' + masters[col][0] + b'"/>')
    return re.sub(rb'<c r="([A-Z]+)([0-9]+)"([^>]*)><f>([^<]*)</f>', edit, xml)


def test_a_cell_without_r_in_a_stretch_asks_for_the_whole_sheet():
    xml = b'<worksheet><sheetData><row r="1"><c r="A1" t="e"><v>#REF!</v></c></row><row><c t="e"><v>#N/A</v></c></row></sheetData></worksheet>'
    assert scan_sheet(xml).errors == {(1, 0): "#REF!", (2, 0): "#N/A"}
    with pytest.raises(WholeSheetNeeded):
        scan_stretches([xml])


@pytest.mark.parametrize("delta", [1000, -1000])
def test_an_entry_that_lies_about_its_size_is_unreadable(write, data, tmp_path, monkeypatch, delta):
    path = write(data)
    with zipfile.ZipFile(path) as zf:
        member = max((i for i in zf.infolist() if i.filename.startswith("xl/worksheets/sheet")),
                     key=lambda i: i.file_size).filename
    lying = tmp_path / "lying.xlsx"
    _lie(path, lying, member, delta)
    monkeypatch.setattr(container, "LARGE_PART_BYTES", 0)
    with pytest.raises(UnreadableWorkbook) as exc:
        check_workbook(lying)  # read in stretches
    assert exc.value.key == "unreadable"
    opened = container.open_container(lying, scan_sheets=False)
    try:
        with pytest.raises(UnreadableWorkbook) as exc:
            opened.read_part(member)  # read whole, into one buffer
        assert exc.value.key == "unreadable"
    finally:
        opened.close()
