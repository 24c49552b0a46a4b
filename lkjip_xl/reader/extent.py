"""How far a sheet's cells reach, read from its XML before python-calamine builds the sheet's
grid (it allocates rows x columns cells at once)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..schema.refs import col_index

# Where a sheet's data ends, without building its grid: python-calamine allocates rows × columns
# cells at once, so one value at XFD1048576 would ask for 17 billion cells. Only references that
# could pass a limit matter: rows of six digits or more, columns of two letters or more. Both are
# rare in a real workbook: one search finds every r=" followed by such a reference's start (the
# search tries little at each of a large sheet's millions of r=", and nothing is copied); each hit
# is then looked at whole.
_FAR = re.compile(rb'r="[A-Za-z](?:[0-9]{6}|[A-Za-z])')
_REF_AT = re.compile(rb'r="([A-Za-z]{1,3})([0-9]+)"')
# writers that omit r= (legal, rare): positions follow the previous row or cell; counted exactly
_ROW_OPEN = re.compile(rb'<(?:\w+:)?row(?=[\s/>])[^>]*>')
_ROW_R = re.compile(rb'\br="([0-9]+)"')
_ROW_ELEMENT = re.compile(rb'<(?:\w+:)?row\b.*?(?:/>|</(?:\w+:)?row>)', re.S)
_C_TAG = re.compile(rb'<(?:\w+:)?c[\s/>]')
_C_REF = re.compile(rb'<(?:\w+:)?c\s[^>]*?\br="([A-Za-z]{1,3})([0-9]+)"[^>]*?(/?)>')


@dataclass(frozen=True)
class Extent:
    """An upper bound of the grid python-calamine would build for a sheet (1-based)."""

    rows: int
    cols: int
    cell: str | None = None  # the farthest cell holding something, when known


def _holds_value(xml: bytes, pos: int) -> bool:
    """Is the element whose attribute ends at ``pos`` more than an empty, styled cell?"""
    end = xml.find(b">", pos)
    return end > 0 and xml[end - 1:end] != b"/"


def _in_cell_tag(xml: bytes, pos: int) -> bool:
    lt = xml.rfind(b"<", 0, pos)
    name = xml[lt + 1:pos].split(None, 1)[0] if lt >= 0 else b""
    return (name == b"c" or name.endswith(b":c")) and xml[pos - 1:pos].isspace()


def _far_refs(xml: bytes):
    """(row, col, ref) of every cell reference with a row >= 100000 or a column >= AA: far rows
    first, then wide columns, each in sheet order (the first farthest cell is named)."""
    hits = []
    for m in _FAR.finditer(xml):
        pos = m.start()
        ref = _REF_AT.match(xml, pos)
        if ref and _in_cell_tag(xml, pos) and _holds_value(xml, ref.end()):
            letters, digits = ref.group(1), ref.group(2)
            if len(letters) > 1 or len(digits) >= 6:
                hits.append((0 if len(letters) == 1 else len(letters) - 1, pos, letters, digits))
    for _, _, letters, digits in sorted(hits):
        letters = letters.decode().upper()
        yield int(digits), col_index(letters) + 1, letters + digits.decode()


_ODD_PLAIN = re.compile(rb'<(?:c|row)(?:>|\s(?!r="))')
_ODD_ANY = re.compile(rb'<(?:\w+:)?(?:c|row)(?:>|\s(?!r="))')


def _no_r(xml: bytes, plain: bool | None = None) -> bool:
    """Could some <row> or <c> lack its r= attribute (or not have it first)? Rare: then every
    cell is looked at. A sheet whose root element has a namespace prefix takes a slower search
    (``plain``: whether its element names have no prefix, when the caller knows)."""
    if plain is None:
        plain = b"<worksheet" in xml[:4096]
    odd = _ODD_PLAIN if plain else _ODD_ANY
    return odd.search(xml) is not None


class ExtentSum:
    """The extent of a sheet read a stretch of whole rows at a time (``add`` each stretch, in
    order): far references and the count of rows, as ``sheet_extent`` finds them in one piece.
    A stretch in which some row or cell may lack its r= cannot be placed alone: ``add`` says
    False, and the sheet is looked at whole."""

    def __init__(self) -> None:
        self.rows, self.cols, self.far, self.row_tags = 0, 26, None, 0

    def add(self, xml: bytes, *, plain: bool | None = None) -> bool:
        if _no_r(xml, plain):
            return False
        for row, col, ref in _far_refs(xml):
            if row > self.rows:
                self.rows, self.far = row, ref
            if col > self.cols:
                self.cols = col
                self.far = self.far or ref
        self.row_tags += xml.count(b"<row") + xml.count(b":row")
        return True

    def result(self) -> Extent:
        return Extent(max(self.rows, self.row_tags), self.cols, self.far)


def sheet_extent(xml: bytes) -> Extent:
    """How far the cells of a worksheet's XML reach: an upper bound, never an underestimate."""
    whole = ExtentSum()
    if whole.add(xml):
        return whole.result()
    rows, cols, far = 0, 26, None  # rare writers: look at every cell
    for m in _C_REF.finditer(xml):
        if not m.group(3):
            row, col = int(m.group(2)), col_index(m.group(1).decode()) + 1
            if row > rows:
                rows, far = row, (m.group(1) + m.group(2)).decode().upper()
            cols = max(cols, col)
    widest = max((len(_C_TAG.findall(m.group(0))) for m in _ROW_ELEMENT.finditer(xml)), default=0)
    cols += widest
    rows = max(rows, xml.count(b"<row") + xml.count(b":row"))
    current = 0
    for m in _ROW_OPEN.finditer(xml):
        r = _ROW_R.search(m.group(0))
        current = int(r.group(1)) if r else current + 1
        rows = max(rows, current)
    return Extent(rows, cols, far)
