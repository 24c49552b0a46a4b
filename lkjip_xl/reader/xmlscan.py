"""A light pass over a sheet's XML for what python-calamine does not give: which cells hold
formulas (and their text) and which hold error values. Regular expressions over the bytes are
an order of magnitude faster than building an element tree for a large sheet."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..schema.refs import col_index, parse_a1

_F_OPEN = re.compile(rb"<(?:\w+:)?f\b([^>]*?)(/?)>")
_F_OPEN_PLAIN = re.compile(rb"<f\b([^>]*?)(/?)>")
_C_OPEN = re.compile(rb"<(?:\w+:)?c\b[^>]*>")
_R_ATTR = re.compile(rb'\br="([A-Za-z]{1,3}\d+)"')
# an error cell: <c ... t="e">, an optional formula (self-closing for shared-formula children,
# whose text never holds "<"), then its <v>; nothing may reach into the next cell
_T_ERR = re.compile(rb'<(?:\w+:)?c\b([^>]*\bt="e"[^>]*?)(?<!/)>\s*'
                    rb'(?:<(?:\w+:)?f\b[^>]*?(?:/>|(?<!/)>[^<]*</(?:\w+:)?f>)\s*)?<(?:\w+:)?v>([^<]*)</')
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\b[^>]*\bref="([^"]+)"')


@dataclass
class SheetScan:
    formulas: dict[tuple[int, int], str | None] = field(default_factory=dict)  # (row, col) -> text
    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) -> "#REF!"
    dimension: str | None = None


_R_PARTS = re.compile(rb'\br="([A-Za-z]{1,3})([0-9]+)"')


def _unescape(text: str) -> str:
    """XML's five named entities by plain replacement (fast); html.unescape for anything else."""
    if "&#" in text:
        return html.unescape(text)
    return (text.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
            .replace("&apos;", "'").replace("&amp;", "&"))


def scan_sheet(xml: bytes) -> SheetScan:
    scan = SheetScan()
    dim = _DIMENSION.search(xml, 0, 4096)
    scan.dimension = dim.group(1).decode() if dim else None
    columns: dict[bytes, int] = {}
    formulas = scan.formulas
    f_open = _F_OPEN_PLAIN if b"<worksheet" in xml[:4096] else _F_OPEN  # no prefix: a faster search
    for m in f_open.finditer(xml):
        # <f> is the first child of its <c>: the tag just before it is the cell's. (Searching
        # back for "<c " without a bound scanned to the start of the file for every formula:
        # minutes on a 50.000-row sheet.)
        f_start = m.start()
        c_start = xml.rfind(b"<", f_start - 4096 if f_start > 4096 else 0, f_start)
        if c_start < 0 or not _C_OPEN.match(xml, c_start, f_start):
            continue
        r = _R_PARTS.search(xml, c_start, f_start)
        if not r:
            continue
        letters = r.group(1)
        col = columns.get(letters)
        if col is None:
            col = columns[letters] = col_index(letters.decode())
        text: str | None = None
        if not m.group(2):
            end = xml.find(b"</", m.end())
            if end >= 0:
                raw = xml[m.end():end].decode("utf-8", "replace")
                text = "=" + (_unescape(raw) if "&" in raw else raw)
        # shared-formula children (<f t="shared" si="0"/>) carry no text of their own: None
        formulas[(int(r.group(2)), col)] = text
    if b't="e"' in xml:
        for m in _T_ERR.finditer(xml):
            r = _R_ATTR.search(m.group(1))
            if r:
                scan.errors[parse_a1(r.group(1).decode())] = m.group(2).decode("utf-8", "replace")
    return scan
