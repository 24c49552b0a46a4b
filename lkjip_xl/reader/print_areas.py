"""The print area each sheet declares (the `_xlnm.Print_Area` defined names of xl/workbook.xml):
the checks compare it with the rows a table fills."""
from __future__ import annotations

from .container import Container, local_name


def print_areas(container: Container) -> dict[str, str]:
    """Sheet name (the template's, for a sheet the office renamed) -> its print area as written
    ('Realisasi'!$A$1:$N$60); sheets without one are
    absent. Elements are matched by local name (any namespace: transitional, Strict, a prefix)."""
    book = container.parsed(container.workbook_part)
    template_name = {actual: name for name, actual in container.renamed.items()}
    names = [template_name.get(s.get("name"), s.get("name")) for s in book.iter() if local_name(s.tag) == "sheet"]
    out = {}
    for name in (e for e in book.iter() if local_name(e.tag) == "definedName"):
        local = name.get("localSheetId")
        if name.get("name") == "_xlnm.Print_Area" and local is not None and local.isdigit() and int(local) < len(names):
            out[names[int(local)]] = (name.text or "").strip()
    return out
