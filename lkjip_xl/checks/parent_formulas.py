"""An office's own formula in a parent row of the Realisasi sheet (=SUM(I7:I8) in a kegiatan's
pagu, =I6 in its programme's, =I5+I9+I12 in the TOTAL) whose result is not the sum of its rows: a
sub kegiatan added below its range, a range off by one, a block copied with its formula. The slip is
said at that formula (BUD003, BUD004, BUD029; FRM003 when a SUM leaves rows out), with the formula
named (and the rows it adds that are not the row's own: a range run on over the next block), never
as a typing slip. What other cells compare with its result follows from it: the
Rencana Aksi's pagu and quarterly spending of the kegiatan, Belanja's total, a programme or a TOTAL
whose own formula reads it. So the checks run again with every such formula giving the sum of its
rows (``checks/what_if.py``), and what is not there then is a note naming the formula: the cells
it sits at are right, and their expected value was the formula's wrong result.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from ..calc.budget import add_amounts, pagu_efektif
from ..derive import derive_model
from ..derive.budget import money
from ..findings import Finding
from ..reader.model import WorkbookModel
from ..schema.refs import parse_a1
from .budget import formula_rows
from .what_if import follows_from

ROLLUPS = frozenset({"BUD003", "BUD004", "BUD029", "FRM003"})  # a parent or total row that is not its rows' sum
AMOUNTS = ("pagu_murni", "pagu_perubahan", "realisasi")
SHOWN_CAUSES = 3  # cells named in a note; more are "…"


def wrong_formulas(findings: list[Finding], model: WorkbookModel) -> dict[str, tuple[int, str]]:
    """The formula cells of amounts a roll-up finding is at: "Realisasi!J6" -> (row index, key)."""
    table = model.table("realisasi")
    if table is None:
        return {}
    columns = {table.cols[k]: k for k in AMOUNTS if k in table.cols}
    out = {}
    for f in findings:
        if f.code not in ROLLUPS or f.sheet != table.sheet:
            continue
        row, col = parse_a1(f.cell)
        key = columns.get(col)
        if key is not None and row in table.rows and table.has_formula[key][i := table.rows.index(row)]:
            out[f"{f.sheet}!{f.cell}"] = (i, key)
    return out


def _summed(line, key: str, table) -> object:
    """What a formula row gives when it adds up its rows: a parent holding a formula, the sum of its
    children's (their pagu where the perubahan is added up and a child has none), else as found."""
    if not line.children or not table.has_formula[key][line.index]:
        return money(table.get(key, line.index))
    return _sum_of(line.children, key, table)


def _sum_of(lines, key: str, table) -> object:
    if key == "pagu_perubahan":
        values = [pagu_efektif(_summed(c, "pagu_murni", table), _summed(c, key, table)) for c in lines]
    else:
        values = [_summed(c, key, table) for c in lines]
    return add_amounts(values) if all(v is not None for v in values) else None


def summed_formulas(model: WorkbookModel) -> WorkbookModel:
    """The model with every formula of an amount in a parent or total row giving its rows' sum."""
    table = model.table("realisasi")
    tree = derive_model(model).budget
    values = {k: list(table.values[k]) for k in AMOUNTS if k in table.values}
    for key, column in values.items():
        for line in tree.lines:
            if line.children and table.has_formula[key][line.index]:
                column[line.index] = _fixed(_sum_of(line.children, key, table), column[line.index])
        for t in [*tree.totals, *tree.subtotals]:
            if table.has_formula[key][t]:
                column[t] = _fixed(_sum_of(tree.totalled(t), key, table), column[t])
    tables = {**model.tables, "realisasi": replace(table, values={**table.values, **values})}
    return replace(model, tables=tables)


def _strays(formula: str, i: int, tree, table) -> str:
    """The rows of the table a parent or total row's formula adds up that are not its own rows (its
    children, or a total's programmes): "9 (02), 10 (02.01)", a range run on over the next block."""
    covered = formula_rows(formula, table.sheet) or set()
    line = next((x for x in tree.lines if x.index == i), None)
    own = {k.index for k in (line.children if line is not None else tree.totalled(i))} | {i}
    codes = {table.rows[x.index]: x.code for x in tree.lines if x.index not in own}
    return ", ".join(f"{r} ({codes[r]})" for r in sorted(covered) if r in codes)


def _fixed(total, found):
    return found if total is None else total


def explain_parent_formulas(findings: list[Finding], model: WorkbookModel,
                            rerun: Callable[[WorkbookModel], list[Finding]]) -> list[Finding]:
    """The roll-up findings at office formulas named as such, and what follows from their results
    said as such (module docstring)."""
    wrong = wrong_formulas(findings, model)
    if not wrong:
        return findings
    table = model.table("realisasi")
    scan, tree = model.scans.get(table.sheet), derive_model(model).budget
    named = []
    for f in findings:
        if f"{f.sheet}!{f.cell}" in wrong and f.code in ROLLUPS and f.code != "FRM003" and scan is not None:
            text = scan.formulas.get(parse_a1(f.cell), "")
            strays = _strays(text, wrong[f"{f.sheet}!{f.cell}"][0], tree, table)
            f = replace(f, params={**f.params, "result_of": text, **({"strays": strays} if strays else {})})
        named.append(f)
    causes = sorted(wrong, key=lambda c: parse_a1(c.partition("!")[2]))
    cause = ", ".join(causes[:SHOWN_CAUSES]) + (" …" if len(causes) > SHOWN_CAUSES else "")
    return follows_from(named, rerun(summed_formulas(model)), cause,
                        lambda f: f"{f.sheet}!{f.cell}" in wrong and f.code in ROLLUPS)
