"""`-` typed as a pagu perubahan where the pagu murni is there (BUD031). `-` is nil (0) wherever
it is typed (domain §4), but a revised budget of 0 beside a murni of 70.000.000 and a realisasi of
66.000.000 is what an office writes for "no revision": the spending then exceeds a pagu of 0, the
sisa is negative, and a typed sisa of murni − realisasi is called wrong. So the finding is said
once, at the `-`: read as 0; if there was no revision, leave the cell blank (the murni counts).
What follows only from the 0 is a note naming that cell (``checks/what_if.py``: the checks run
again with those cells blank).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from ..derive.budget import money
from ..findings import Finding
from ..reader.model import WorkbookModel
from ..reader.values import typed_nil
from .what_if import follows_from

TABLES = ("realisasi", "pk_program")  # the tables with a pagu murni beside its perubahan


def nil_revisions(model: WorkbookModel) -> dict[str, list[int]]:
    """Table key -> the rows whose pagu perubahan is a `-` beside a pagu murni above 0."""
    out = {}
    for key in TABLES:
        t = model.table(key)
        if t is None or "pagu_murni" not in t.values:
            continue
        rows = [i for i, how in t.read_as.get("pagu_perubahan", {}).items()
                if typed_nil(how) and (money(t.values["pagu_murni"][i]) or 0) > 0]
        if rows:
            out[key] = sorted(rows)
    return out


def left_blank(model: WorkbookModel, cells: dict[str, list[int]]) -> WorkbookModel:
    """The model with those pagu perubahan cells blank (as if not revised)."""
    tables = dict(model.tables)
    for key, rows in cells.items():
        t = tables[key]
        values = list(t.values["pagu_perubahan"])
        for i in rows:
            values[i] = None
        read_as = {i: how for i, how in t.read_as["pagu_perubahan"].items() if i not in rows}
        tables[key] = replace(t, values={**t.values, "pagu_perubahan": values},
                              read_as={**t.read_as, "pagu_perubahan": read_as})
    return replace(model, tables=tables)


def explain_nil_revisions(findings: list[Finding], model: WorkbookModel,
                          rerun: Callable[[WorkbookModel], list[Finding]]) -> list[Finding]:
    """BUD031 at each such `-`, and what follows from its 0 said as such (module docstring)."""
    cells = nil_revisions(model)
    if not cells:
        return findings
    own = [Finding("BUD031", model.table(key).sheet, model.table(key).cell("pagu_perubahan", i),
                   expected=money(model.table(key).values["pagu_murni"][i]),
                   found=typed_nil(model.table(key).how("pagu_perubahan", i)))
           for key, rows in cells.items() for i in rows]
    cause = ", ".join(f"{f.sheet}!{f.cell}" for f in own)
    return own + follows_from(findings, rerun(left_blank(model, cells)), cause, lambda f: False)
