"""The Rencana Aksi kegiatan table numbered like a report table (BUD036): its Kode column holds
1, 2, 3 … (the "No" of a printed table) where the budget's codes belong (02, 02.01 …). Those numbers
read as programme codes (2 is programme 02): each row's pagu was compared with the wrong
programme's (BUD014, BUD007), the rows past the last programme had "no code on Realisasi" (BUD028)
and a number "may have lost its zero" (VAL006), none of it true.

Said once, at the first code, with the codes the rows' names give (a name matched tolerantly
against the Realisasi sheet's uraian: ``document/names.py``); the checks run again with those codes
(``checks/what_if.py``): what the numbers alone made is a note naming the column, and what the
right codes show (a pagu that differs from its kegiatan's) is said as it is then. A row whose name
names no budget line is compared with nothing.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from ..calc.budget import dots_lost, match_key
from ..document.names import AMBIGUOUS, Named, NameIndex
from ..findings import Finding
from ..i18n import Text
from ..reader.model import WorkbookModel
from .codes import norm
from .what_if import follows_from

PLAN = "ra_kegiatan"
MIN_ROWS = 3  # 1, 2: too few to call a numbering
SHOWN = 4  # codes listed in the message


def numbered_plan(model: WorkbookModel) -> dict[int, str | None] | None:
    """Row -> the code its name gives (None: names no budget line, or the same as another row), when
    the plan's codes are its row numbers 1…n and at least two rows (and half of those named) are
    named as another code."""
    plan, budget = model.table(PLAN), model.table("realisasi")
    if plan is None or budget is None or "kode" not in plan.values or "kode" not in budget.values:
        return None
    rows = [(j, norm(raw)) for j, raw in enumerate(plan.values["kode"]) if norm(raw) is not None]
    if len(rows) < MIN_ROWS or any(not code.isdigit() or int(code) != k for k, (_, code) in enumerate(rows, 1)):
        return None
    # a budget code whose dots were lost (VAL027) as the code meant: what rapikan writes back
    lines = [(_meant(code), str(budget.get("uraian", i) or "")) for i, code in enumerate(budget.values["kode"])]
    lines = [(code, name) for code, name in lines if code and name.strip()]
    if not any("." in code for code, _ in lines):
        return None  # the budget's own codes are row numbers too (BUD033): nothing to tell them by
    index = NameIndex([Named((code,), "budget", [name]) for code, name in lines])
    named = {}
    for j, _ in rows:
        e = index.find(str(plan.get("uraian", j) or ""), label=True)
        named[j] = e.key[0] if e is not None and e is not AMBIGUOUS else None
    twice = {c for c in named.values() if c is not None and list(named.values()).count(c) > 1}
    named = {j: None if c in twice else c for j, c in named.items()}  # two rows of one name: neither is told
    other = [j for j, code in rows if named[j] is not None and match_key(named[j]) != match_key(code)]
    if len(other) < 2 or 2 * len(other) < sum(c is not None for c in named.values()):
        return None
    return named


def _meant(code) -> str | None:
    code = norm(code)
    return code and (dots_lost(code) or code)


def renumbered(model: WorkbookModel, codes: dict[int, str | None]) -> WorkbookModel:
    """The model with the plan's codes as its rows' names give them."""
    plan = model.table(PLAN)
    values = list(plan.values["kode"])
    for j, code in codes.items():
        values[j] = code
    read_as = {j: how for j, how in plan.read_as.get("kode", {}).items() if j not in codes}
    tables = {**model.tables, PLAN: replace(plan, values={**plan.values, "kode": values},
                                             read_as={**plan.read_as, "kode": read_as})}
    return replace(model, tables=tables)


def explain_numbered_plan(findings: list[Finding], model: WorkbookModel,
                          rerun: Callable[[WorkbookModel], list[Finding]]) -> list[Finding]:
    """BUD036, and the findings read again with the codes the names give (module docstring)."""
    codes = numbered_plan(model)
    if codes is None:
        return findings
    plan = model.table(PLAN)
    first = min(codes)
    shown = [f"{k} → {code or '?'}" for k, code in enumerate(codes.values(), 1)]
    unnamed = ", ".join(plan.cell("kode", j) for j, code in codes.items() if code is None)
    unnamed = Text(f"; uraian di {unnamed} tidak ada di sheet Realisasi atau sama dengan baris lain: baris itu "
                   f"tidak dibandingkan", f"; the names at {unnamed} are not on the Realisasi sheet, or are another "
                   f"row's too: those rows are compared with nothing") if unnamed else ""
    own = Finding("BUD036", plan.sheet, plan.cell("kode", first), expected=", ".join(shown[:SHOWN]) +
                  (" …" if len(shown) > SHOWN else ""), found=f"1–{len(codes)}",
                  params={"n": len(codes), "unnamed": unnamed,
                          # each code cell, its number and the code its name gives (rapikan writes them)
                          "codes": [(plan.cell("kode", j), str(k), code) for k, (j, code) in enumerate(codes.items(), 1)],
                          "unconfirmed": None in codes.values()})
    cause = f"{plan.sheet}!{plan.cell('kode', first)}"
    without = rerun(renumbered(model, codes))
    said = {(f.code, f.sheet, f.cell) for f in findings}
    revealed = [f for f in without if f.sheet == plan.sheet and (f.code, f.sheet, f.cell) not in said]
    return [own] + follows_from(findings, without, cause, lambda f: False) + revealed

