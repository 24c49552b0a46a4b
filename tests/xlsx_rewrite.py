"""Rewrite an xlsx the way another program would have saved it, part by part, for the tests.

Independent of lkjip-xl's reader: shared formulas are made with openpyxl's formula translator,
cells are edited as plain XML text.
"""
from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path
from typing import Callable

from openpyxl.formula.translate import Translator
from openpyxl.utils import column_index_from_string

def sheet_part(name: str) -> str:
    """The part of a sheet in a workbook written by lkjip-xl: its sheets are written in the
    schema's order, sheet1.xml first."""
    from lkjip_xl.schema import SCHEMA

    return f"xl/worksheets/sheet{[s.name for s in SCHEMA.sheets].index(name) + 1}.xml"


REALISASI = sheet_part("Realisasi")
PK = sheet_part("PK")


def rewrite(src: Path, dst: Path, edit: Callable[[str, bytes], bytes]) -> Path:
    """A copy of ``src`` whose every member is ``edit(name, data)``."""
    with zipfile.ZipFile(src) as zi, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zo:
        for info in zi.infolist():
            zo.writestr(info.filename, edit(info.filename, zi.read(info.filename)))
    return dst


def rewrite_part(src: Path, dst: Path, member: str, edit: Callable[[bytes], bytes]) -> Path:
    return rewrite(src, dst, lambda name, data: edit(data) if name == member else data)


# ------------------------------------------------------------------------------ one cell
def cell_xml(xml: bytes, ref: str) -> bytes:
    m = re.search(rb'<c r="' + ref.encode() + rb'"[^>]*?(?:/>|>.*?</c>)', xml, re.S)
    assert m, ref
    return m.group(0)


def set_cell(xml: bytes, ref: str, new: str) -> bytes:
    """Replace the cell ``ref`` with ``new`` (its whole <c> element)."""
    return xml.replace(cell_xml(xml, ref), new.encode(), 1)


def style_of(xml: bytes, ref: str) -> str:
    m = re.search(rb'\bs="([0-9]+)"', cell_xml(xml, ref))
    return m.group(1).decode() if m else "0"


def add_style(styles: bytes, num_fmt_id: int) -> tuple[bytes, int]:
    """styles.xml with one more cell style using the number format ``num_fmt_id`` (9 is 0%,
    10 is 0.00%, 14 a date), and that style's index."""
    m = re.search(rb'<cellXfs count="([0-9]+)">', styles)
    count = int(m.group(1))
    xf = b'<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' % num_fmt_id
    styles = styles.replace(m.group(0), b'<cellXfs count="%d">' % (count + 1), 1)
    styles = styles.replace(b"</cellXfs>", xf + b"</cellXfs>", 1)
    return styles, count


# ------------------------------------------------------------------------------ shared formulas
_FORMULA_CELL = re.compile(rb'<c r="([A-Z]+)([0-9]+)"([^>]*)><f>([^<]*)</f>')


def share_formulas(src: Path, dst: Path) -> Path:
    """Save ``src`` the way Excel saves formulas filled down: in each column, a run of cells whose
    formulas are the first one's moved down is written once, on its first cell, as a shared
    formula (``<f t="shared" ref="H7:H9" si="0">``), and as ``<f t="shared" si="0"/>`` on the
    others."""
    return rewrite(src, dst, worksheets(_share))


def _share(xml: bytes) -> bytes:
    cells = {}
    for m in _FORMULA_CELL.finditer(xml):
        col, row = m.group(1).decode(), int(m.group(2))
        cells[(col, row)] = "=" + html.unescape(m.group(4).decode())
    shared: dict[tuple[str, int], bytes] = {}
    si = 0
    for col, row in sorted(cells, key=lambda k: (column_index_from_string(k[0]), k[1])):
        if (col, row) in shared:
            continue
        master = Translator(cells[(col, row)], f"{col}{row}")
        last = row
        while (col, last + 1) in cells and master.translate_formula(f"{col}{last + 1}") == cells[(col, last + 1)]:
            last += 1
        if last == row:
            continue
        shared[(col, row)] = b'<f t="shared" ref="%s%d:%s%d" si="%d">' % (col.encode(), row, col.encode(), last, si)
        for r in range(row + 1, last + 1):
            shared[(col, r)] = b'<f t="shared" si="%d"/>' % si
        si += 1

    def edit(m: re.Match) -> bytes:
        key = (m.group(1).decode(), int(m.group(2)))
        if key not in shared:
            return m.group(0)
        head = b'<c r="' + m.group(1) + m.group(2) + b'"' + m.group(3) + b">"
        f = shared[key]
        return head + (f + m.group(4) + b"</f>" if not f.endswith(b"/>") else f)

    return _FORMULA_CELL.sub(edit, xml)


# ------------------------------------------------------------------------------ Strict OOXML
# transitional namespace -> Strict namespace (ECMA-376 Part 1, Strict conformance)
STRICT = {
    b"http://schemas.openxmlformats.org/spreadsheetml/2006/main": b"http://purl.oclc.org/ooxml/spreadsheetml/main",
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships":
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
    b"http://schemas.openxmlformats.org/drawingml/2006/main": b"http://purl.oclc.org/ooxml/drawingml/main",
}


def to_strict(src: Path, dst: Path) -> Path:
    """``src`` as Excel saves "Strict Open XML Spreadsheet": the same parts under the Strict
    namespaces (also in relationship types), the workbook marked conformance="strict"."""
    def edit(name: str, data: bytes) -> bytes:
        if not name.endswith((".xml", ".rels", ".vml")):
            return data
        for old, new in STRICT.items():
            data = data.replace(old, new)
        if name.endswith("workbook.xml"):
            data = re.sub(rb"(<workbook\b[^>]*?)(/?>)", rb'\1 conformance="strict"\2', data, count=1)
        return data

    return rewrite(src, dst, edit)


def to_transitional(src: Path, dst: Path) -> Path:
    """A Strict file back under the transitional namespaces (openpyxl reads only those)."""
    def edit(name: str, data: bytes) -> bytes:
        if not name.endswith((".xml", ".rels", ".vml")):
            return data
        for old, new in STRICT.items():
            data = data.replace(new, old)
        return data

    return rewrite(src, dst, edit)


# ------------------------------------------------------------------------------ other writers
_UNPREFIXED_TAG = re.compile(rb"<(/?)([A-Za-z]\w*)(?=[\s/>])")


def prefix_elements(xml: bytes, prefix: bytes = b"x") -> bytes:
    """A sheet's XML with the main namespace bound to a prefix (``<x:c>``, ``<x:f>``), as some
    libraries write it."""
    xml = _UNPREFIXED_TAG.sub(lambda m: b"<" + m.group(1) + prefix + b":" + m.group(2), xml)
    return xml.replace(b' xmlns="', b" xmlns:" + prefix + b'="', 1)


_ROW_OR_CELL = re.compile(rb'<((?:\w+:)?)(row|c)(\s[^>]*?)?\s+r="([A-Z]*)([0-9]+)"')


def drop_references(xml: bytes) -> bytes:
    """A sheet's XML without the r= of rows and cells that follow the previous one directly
    (legal: their place is then implied), as some writers save it."""
    row, col = 0, 0

    def edit(m: re.Match) -> bytes:
        nonlocal row, col
        letters, number = m.group(4).decode(), int(m.group(5))
        if m.group(2) == b"row":
            implied, (row, col) = number == row + 1, (number, 0)
        else:
            index = column_index_from_string(letters)
            implied, col = (number == row and index == col + 1), index
        return m.group(0) if not implied else b"<" + m.group(1) + m.group(2) + (m.group(3) or b"")

    return _ROW_OR_CELL.sub(edit, xml)


def worksheets(edit: Callable[[bytes], bytes]) -> Callable[[str, bytes], bytes]:
    """An edit of every worksheet part, for ``rewrite``."""
    return lambda name, data: edit(data) if "/worksheets/" in name and name.endswith(".xml") else data
