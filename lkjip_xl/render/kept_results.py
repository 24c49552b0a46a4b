"""The stored results of formulas, put back into a copy openpyxl wrote. openpyxl keeps a formula
but drops the result the spreadsheet stored with it, so the annotated copy, checked in its turn,
held no result at all: a warning that the file was saved by a program that does not calculate
(FRM005), and a stale result (FRM002) no longer to be seen. Each formula cell of the copy gets the
original's stored result back, as its bytes were (a text or error result with its type); a cell
the original stored otherwise (a shared string, a cell without its reference) stays without one,
as openpyxl left it."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..reader.container import open_container
from ..reader.xmlscan import element_prefix

_T = re.compile(rb'\bt="([^"]*)"')
_KEPT_TYPES = (b"str", b"b", b"e")  # a number has no type; a shared string's index means nothing in the copy
# a formula cell of openpyxl's copy: no prefix, its reference first, the formula, then an empty value
_COPY_CELL = re.compile(rb'(<c r="([A-Z]{1,3}[0-9]+)"[^<>]*?)(>)(<f\b[^>]*?(?:/>|>[^<]*</f>))<v(?:/>|></v>)')


def _results(xml: bytes) -> dict[bytes, tuple[bytes | None, bytes]]:
    """Reference -> (type, stored result) of each formula cell that stored one."""
    p = re.escape(element_prefix(xml))
    cell = re.compile(rb"<" + p + rb'c r="([A-Za-z]{1,3}[0-9]+)"([^<>]*)><' + p + rb"f\b[^>]*?(?:/>|>[^<]*</" + p
                      + rb"f>)<" + p + rb"v>([^<]+)</" + p + rb"v>")
    out = {}
    for m in cell.finditer(xml):
        typed = _T.search(m.group(2))
        kind = typed.group(1) if typed else None
        if kind is None or kind == b"n" or kind in _KEPT_TYPES:
            out[m.group(1).upper()] = (None if kind in (None, b"n") else kind, m.group(3))
    return out


def _filled(xml: bytes, results: dict[bytes, tuple[bytes | None, bytes]]) -> bytes:
    def put(m: re.Match) -> bytes:
        found = results.get(m.group(2))
        if found is None:
            return m.group(0)
        kind, value = found
        typed = b' t="' + kind + b'"' if kind else b""
        return m.group(1) + typed + m.group(3) + m.group(4) + b"<v>" + value + b"</v>"

    return _COPY_CELL.sub(put, xml)


def keep_results(src: Path, copy: Path) -> None:
    """Put ``src``'s stored formula results into ``copy`` (openpyxl's save of it), sheet by sheet name."""
    original = open_container(src, scan_sheets=False)
    try:
        results = {name: _results(bytes(original.read_part(part))) for name, part in original.sheet_parts.items()}
    finally:
        original.close()
    written = open_container(copy, scan_sheets=False)
    try:
        parts = {part: results[name] for name, part in written.sheet_parts.items() if results.get(name)}
        members = [(info, written.zip.read(info)) for info in written.zip.infolist()]
    finally:
        written.close()
    with zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in members:
            out.writestr(info, _filled(data, parts[info.filename]) if info.filename in parts else data)
