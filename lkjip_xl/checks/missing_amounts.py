"""What follows from an amount the Realisasi sheet lacks: a sub kegiatan row deleted (BUD034 at its
kegiatan, naming what each amount lacks) or a revision not typed there (a pagu another sheet quotes
as revised beside Realisasi rows whose pagu perubahan is blank: the finding says ``unrevised``).
Every total elsewhere that adds those rows up (the PK's programme pagu, the Rencana Aksi, Belanja,
the TOTAL) then differs from them by exactly that amount: not a typing slip of its own, but a note
naming the cell the amount is missing at (a row whose code cannot be read, VAL024/VAL027, is in
no sum either: its BUD034, a note naming the code, names that code for them too). A difference equal to one such amount, or to the sum of
all of one kind (a TOTAL over every programme), follows from it; any other stays as it is.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from decimal import Decimal

from ..findings import Finding
from ..reader.model import WorkbookModel
from .blame import UNREAD_CODES

# totals quoted elsewhere, or the table's own TOTAL, that add up the rows an amount is missing from
FOLLOWERS = frozenset({"BUD004", "BUD006", "BUD007", "BUD008", "BUD014", "BUD022", "BUD029"})


def _amount(value) -> bool:
    return isinstance(value, (int, Decimal)) and not isinstance(value, bool)


def _gaps(findings: list[Finding], model: WorkbookModel) -> tuple[dict[object, str], set[int]]:
    """{difference: the cell it is missing at} and the ids of the findings that say where (kept)."""
    table = model.table("realisasi")
    by_kind: dict[str, list[tuple[object, str]]] = defaultdict(list)
    anchors = set()
    unread = {f"{f.sheet}!{f.cell}" for f in findings if f.code in UNREAD_CODES}
    for f in findings:
        if f.code == "BUD034" and f.params.get("cause") in unread:  # the row is there, its code unread
            for kind, gap in f.params.get("gaps", {}).items():
                by_kind[kind].append((gap, f.params["cause"]))
            anchors.add(id(f))
        if f.severity == "info" or f.params.get("cause"):
            continue
        if f.code == "BUD034":
            for kind, gap in f.params.get("gaps", {}).items():
                by_kind[kind].append((gap, f"{f.sheet}!{f.cell}"))
            anchors.add(id(f))
        elif f.params.get("unrevised") and table is not None and _amount(f.found) and _amount(f.expected):
            cells = ", ".join(f"{table.sheet}!{c.strip()}" for c in f.params["unrevised"].split(","))
            by_kind["unrevised"].append((f.found - f.expected, cells))
            anchors.add(id(f))
    out: dict[object, str] = {}
    for kind, gaps in by_kind.items():
        for gap, cell in gaps:
            out.setdefault(gap, cell)
        if len(gaps) > 1:  # a total over all of them (Belanja's Jumlah, the TOTAL)
            out.setdefault(sum(g for g, _ in gaps), ", ".join(dict.fromkeys(c for _, c in gaps)))
    return {gap: cell for gap, cell in out.items() if gap}, anchors


def explain_missing_amounts(findings: list[Finding], model: WorkbookModel) -> list[Finding]:
    """The findings with each that follows from a row deleted or a revision untyped a note naming
    where (module docstring)."""
    gaps, anchors = _gaps(findings, model)
    if not gaps:
        return findings
    out = []
    for f in findings:
        cause = None
        if (f.code in FOLLOWERS and id(f) not in anchors and f.severity != "info" and not f.params.get("cause")
                and _amount(f.found) and _amount(f.expected)):
            cause = gaps.get(f.found - f.expected)
        out.append(f if cause is None else replace(f, severity_override="info", params={**f.params, "cause": cause}))
    return out
