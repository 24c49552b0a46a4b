"""A light pass over a sheet's XML for what python-calamine does not give: which cells hold
formulas (and their text) and which hold error values. Regular expressions over the bytes are
an order of magnitude faster than building an element tree for a large sheet."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..schema.refs import parse_a1

_F_OPEN = re.compile(rb"<(?:\w+:)?f\b([^>]*?)(/?)>")
_C_OPEN = re.compile(rb"<(?:\w+:)?c\b[^>]*>")
_R_ATTR = re.compile(rb'\br="([A-Za-z]{1,3}\d+)"')
_T_ERR = re.compile(rb'<(?:\w+:)?c\b([^>]*\bt="e"[^>]*)>\s*(?:<(?:\w+:)?f\b[^>]*(?:/>|>.*?</(?:\w+:)?f>)\s*)?<(?:\w+:)?v>([^<]*)</', re.S)
_F_CLOSE = re.compile(rb"</(?:\w+:)?f>")
_SI = re.compile(rb'\bsi="(\d+)"')
_SHARED = re.compile(rb'\bt="shared"')
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\b[^>]*\bref="([^"]+)"')


@dataclass
class SheetScan:
    formulas: dict[tuple[int, int], str | None] = field(default_factory=dict)  # (row, col) -> text
    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) -> "#REF!"
    dimension: str | None = None


def scan_sheet(xml: bytes) -> SheetScan:
    scan = SheetScan()
    dim = _DIMENSION.search(xml, 0, 4096)
    scan.dimension = dim.group(1).decode() if dim else None
    shared: dict[bytes, str] = {}
    for m in _F_OPEN.finditer(xml):
        c_start = max(xml.rfind(b"<c ", 0, m.start()), xml.rfind(b":c ", 0, m.start()))
        if c_start < 0:
            continue
        c_tag = _C_OPEN.match(xml, c_start if xml[c_start:c_start + 1] == b"<" else xml.rfind(b"<", 0, c_start))
        r = _R_ATTR.search(c_tag.group(0)) if c_tag else None
        if not r:
            continue
        pos = parse_a1(r.group(1).decode())
        attrs = m.group(1)
        text: str | None = None
        if not m.group(2):
            end = _F_CLOSE.search(xml, m.end())
            if end:
                text = "=" + html.unescape(xml[m.end():end.start()].decode("utf-8", "replace"))
        si = _SI.search(attrs) if _SHARED.search(attrs) else None
        if si:
            if text is not None:
                shared[si.group(1)] = text
            # shared-formula children carry no text of their own: keep None
        scan.formulas[pos] = text
    if b't="e"' in xml:
        for m in _T_ERR.finditer(xml):
            r = _R_ATTR.search(m.group(1))
            if r:
                scan.errors[parse_a1(r.group(1).decode())] = m.group(2).decode("utf-8", "replace")
    return scan
