"""The other workbooks a workbook's formulas read (`[1]Realisasi!K7`: a sheet moved or copied in
from a colleague's file, or a cell copied from one, keeps reading that file): the workbook's
externalReferences, in order, each named by its external link part's target as written."""
from __future__ import annotations

import posixpath

from .container import REL_ID_ATTRS, Container, local_name


def external_files(container: Container) -> dict[int, str]:
    """N of ``[N]`` in a formula -> the file it reads (``../../Realisasi_kecamatan.xlsx``,
    ``file:///C:/...``); {} for a workbook that reads no other (the usual case: nothing parsed)."""
    links = {rel_id: member for rel_id, kind, member in container.relationships(container.workbook_part)
             if kind.endswith("/externalLink")}
    if not links:
        return {}
    refs = [next((e.get(a) for a in REL_ID_ATTRS if e.get(a)), None)
            for e in container.parsed(container.workbook_part).iter() if local_name(e.tag) == "externalReference"]
    return {n: _target(container, links[rel_id]) for n, rel_id in enumerate(refs, 1) if rel_id in links}


def _target(container: Container, member: str) -> str:
    """The file an external link part points to (its relationship's target, kept external)."""
    folder, name = posixpath.split(member)
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    if rels_name in container.zip.NameToInfo:
        for rel in container.parsed(rels_name).iter():
            if local_name(rel.tag) == "Relationship" and rel.get("Target"):
                return rel.get("Target")
    return name
