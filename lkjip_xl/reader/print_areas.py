"""The print area each sheet declares (the `_xlnm.Print_Area` defined names of xl/workbook.xml):
the checks compare it with the rows a table fills."""
from __future__ import annotations

from .container import NS_MAIN, Container, _parse


def print_areas(container: Container) -> dict[str, str]:
    """Sheet name -> its print area as written ('Realisasi'!$A$1:$N$60); sheets without one are absent."""
    book = _parse(container.path, container.read_part("xl/workbook.xml"))
    names = [s.get("name") for s in book.iter(f"{NS_MAIN}sheet")]
    out = {}
    for name in book.iter(f"{NS_MAIN}definedName"):
        local = name.get("localSheetId")
        if name.get("name") == "_xlnm.Print_Area" and local is not None and local.isdigit() and int(local) < len(names):
            out[names[int(local)]] = (name.text or "").strip()
    return out
