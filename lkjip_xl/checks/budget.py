"""Budget identities of the Realisasi sheet (domain.md §3.2): sisa and % per row (BUD001, BUD002,
BUD011, BUD015), parent = Σ children (BUD003), total = Σ programmes (BUD004), realisasi above pagu
(BUD005), sums over partly blank rows (BUD016, BUD017) and SUM ranges of parent/total rows that skip
rows (FRM003). The same amounts quoted on the PK, the Rencana Aksi and Belanja are checked by
``budget_sources.py``.

Everything is read from the derived workbook's budget tree (``derive/budget.py``): a row's own
amounts (a number typed as text already read as its number; a sisa or % typed over its formula,
else its derivation) and the sums of its children. Amounts are compared exactly; a typed % follows
the typed-value policy (``compare.judge_typed``). Comparisons whose inputs are all blank are skipped.

Every comparison is also a relation (``checks/relations.py``) over the typed cells it ties, kept in
``ctx.relations``: where one fails, ``checks/blame.py`` finds the cell that explains it.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterable

from ..calc.budget import pagu_efektif
from ..calc.decimals import percent, strip_exponent
from ..calc.numbers_id import format_number
from ..derive.budget import money
from ..findings import Finding
from ..i18n import Text
from . import budget_sources
from .budget_cells import AMOUNT_CELLS, FIELD_NAME, BudgetCells
from .compare import judge_typed, same_amount, typed_match
from .relations import Linear, judged, reported

FIELDS = ("pagu_murni", "pagu_perubahan", "realisasi", "sisa")
# the amounts a child row deleted takes from its parent's sum all at once
MISSING_ROW_FIELDS = ("pagu_murni", "pagu_perubahan", "realisasi")
# the amount of each row a roll-up adds up (a revised parent is compared with its children's pagu)
TERM = {"pagu_murni": "pagu_murni", "pagu_perubahan": "pagu", "realisasi": "realisasi", "sisa": "sisa"}


def check(ctx) -> Iterable[Finding]:
    table = ctx.model.table("realisasi")
    cells = None
    if table is not None and "kode" in table.values:
        cells = BudgetCells(ctx, table)
        yield from _rows(ctx, cells)
        yield from _below_total(table, cells.tree)
        yield from _rollups(ctx, cells)
        yield from _sum_ranges(ctx, table, cells.tree)
    yield from budget_sources.check(ctx, cells)


# ------------------------------------------------------------------------------ per row
def _rows(ctx, cells: BudgetCells) -> Iterable[Finding]:
    table, derived = cells.table, ctx.derived("realisasi")
    children = cells.kids_by_row()
    for i in range(len(table)):
        found = table.get("sisa", i)
        if found is not None and not table.has_formula["sisa"][i]:
            want = derived[i].get("sisa")
            if want is not None:  # sisa = pagu efektif − realisasi, exactly
                wrong = not same_amount(money(want), money(found))
                finding = Finding("BUD001", table.sheet, table.cell("sisa", i), expected=want, found=found)
                yield from reported(ctx, Linear(wrong, finding if wrong else None, lambda i=i: (
                    cells.terms(i, "sisa") + cells.terms(i, "pagu", -1) + cells.terms(i, "realisasi")),
                    kinds=AMOUNT_CELLS))
        found = money(table.get("persen_realisasi", i))
        if found is not None and not table.has_formula["persen_realisasi"][i]:
            want = derived[i].get("persen_realisasi")
            typed = strip_exponent(Decimal(found))  # a number cell keeps no trailing zeros
            if want is not None:
                code = "BUD011" if _is_mean_of(children.get(i), typed) else "BUD002"
                yield from _typed_percent(ctx, cells, i, code, want, typed)
        pagu = pagu_efektif(cells.amount(i, "pagu_murni"), cells.amount(i, "pagu_perubahan"))
        real = cells.amount(i, "realisasi")
        if pagu is not None and real is not None and real > pagu:
            yield Finding("BUD005", table.sheet, table.cell("realisasi", i), expected=pagu, found=real)


def _typed_percent(ctx, cells: BudgetCells, i: int, code: str, want, typed) -> Iterable[Finding]:
    """A % typed over its formula: the typed-value policy; a relation of the %, realisasi and pagu."""
    table = cells.table
    findings = judge_typed(code, table.sheet, table.cell("persen_realisasi", i), want, typed, ctx.settings,
                           name=Text("% realisasi", "spending %"), percent=True)
    share, real, pagu = cells.ref(i, "persen_realisasi"), cells.ref(i, "realisasi"), cells.ref(i, cells.pagu_key(i))
    ctx.relations.append(judged(findings, code, share, {
        share: typed, real: cells.amount(i, "realisasi"), pagu: cells.amount(i, pagu.key)},
        lambda v: ctx.wb.recompute("realisasi", i, "persen_realisasi", {real.key: v[real], pagu.key: v[pagu]}),
        ctx.settings))
    yield from findings


def _is_mean_of(children, typed: Decimal) -> bool:
    """The typed % of a parent is the unweighted mean of its children's % (a known mistake)."""
    shares = [percent(c.amounts.get("realisasi"), c.pagu) for c in children or ()]
    if len(shares) < 2 or any(s is None for s in shares):
        return False
    return typed_match(sum(shares) / len(shares), typed) is not None


def _below_total(table, tree) -> Iterable[Finding]:
    """BUD037 at the code of each row typed below the table's TOTAL (a sub kegiatan added after the
    table): the tree places it by its code, but the TOTAL, and every SUM over the table, leaves it
    out. An error when it has amounts, a warning else; a total it is not in yet is named by the
    blame (``checks/blame.py``, the row's BUD035 folded in as ``update``)."""
    last = max(tree.totals, default=None)
    if last is None or not any(line.index < last for line in tree.lines):
        return  # no TOTAL, or one printed above the table: it closes nothing
    for line in tree.lines:
        if line.index > last:
            spent = any(line.amounts.get(k) for k in MISSING_ROW_FIELDS)
            yield Finding("BUD037", table.sheet, table.cell("kode", line.index), found=line.code,
                          params={"total": table.rows[last], "update": ""},
                          severity_override=None if spent else "warning")


# ------------------------------------------------------------------------------ roll-ups
def _rollup_problems(amounts: dict, kids_sum, sisa_ok: bool, is_error) -> list[tuple]:
    """(kind, field, Σ children, typed, children without the amount) for each amount of a parent
    row (``amounts``: its own) compared with its children (``kids_sum(field)``): ``holds``,
    ``differs`` (the sum of every child differs), ``incomplete`` (some children have no amount:
    their sum cannot say), ``unreported`` (no child has it, the parent does). A child whose cell is
    an error value (reported at its cell) leaves the parent's comparison out. A ``differs`` sisa
    next to another ``differs`` amount is ``follows`` (it follows from the wrong pagu or realisasi)."""
    out = []
    pagu = pagu_efektif(amounts.get("pagu_murni"), amounts.get("pagu_perubahan"))
    for f in FIELDS:
        found = amounts.get(f)
        # a revised parent with unrevised children: their pagu is their murni
        total = kids_sum("pagu" if f == "pagu_perubahan" and found is not None else f)
        if any(is_error(i, f) for i in total.missing):
            continue
        if f == "pagu_perubahan" and total.value is not None and found is None and pagu == total.value:
            out.append(("holds", f, total.value, found, ()))
            continue  # a blank perubahan on the parent: its pagu did not change either
        if f == "sisa" and (not sisa_ok or total.missing):
            continue  # wrong in itself (BUD001), or blank because pagu or realisasi is (reported there)
        if total.value is None:
            if found is not None and f != "pagu_perubahan":
                out.append(("unreported", f, None, found, total.missing))
        elif total.missing and found is not None:
            out.append(("incomplete", f, total.value, found, total.missing))
        elif not total.missing:
            out.append(("differs" if found != total.value else "holds", f, total.value, found, ()))
    if len([m for m in out if m[0] == "differs"]) > 1:  # a wrong sisa follows from a wrong pagu or realisasi
        out = [("follows",) + m[1:] if m[0] == "differs" and m[1] == "sisa" else m for m in out]
    return out


ROLLUP_CODES = {"incomplete": "BUD016", "unreported": "BUD017"}


def _rollups(ctx, cells: BudgetCells) -> Iterable[Finding]:
    table, tree = cells.table, cells.tree
    derived = ctx.derived("realisasi")
    scan = ctx.model.scans.get(table.sheet)
    errors = scan.errors if scan is not None else {}

    def is_error(i: int, f: str) -> bool:
        return f in table.cols and (table.rows[i], table.cols[f]) in errors

    def sisa_ok(*rows: int) -> bool:
        """No typed sisa among these rows is wrong in itself."""
        for i in rows:
            found, want = table.get("sisa", i), derived[i].get("sisa")
            formula = "sisa" in table.has_formula and table.has_formula["sisa"][i]  # not found: STR002
            if not (formula or found is None or want is None or money(found) == money(want)):
                return False
        return True

    def findings(index, kids, differs_code, kode, problems, short):
        rows = cells.near(index, kids)
        for kind, f, want, found, missing in problems:
            terms = (lambda f=f: _rollup_terms(cells, index, kids, TERM[f]))
            if kind == "holds":  # the common case: a relation, and nothing to report
                ctx.relations.append(Linear(False, None, terms, rows, AMOUNT_CELLS))
                continue
            if f in short:  # no child explains it: a row is missing (BUD034 at the first)
                ctx.relations.append(Linear(True, None, terms, rows, AMOUNT_CELLS))
                yield _missing_row(table, index, kode, len(kids), short, f, differs_code)
                continue
            params = {"field": FIELD_NAME[f], "kode": kode, "n": len(kids), "m": len(missing),
                      "cells": ", ".join(table.cell(f, i) for i in missing[:6]) + (" …" if len(missing) > 6 else "")}
            # one child blank among filled ones: the blank cell is where the amount is missing
            at = missing[0] if kind == "incomplete" and len(missing) == 1 else index
            finding = Finding(ROLLUP_CODES.get(kind, differs_code), table.sheet, table.cell(f, at), expected=want,
                              found=found, params=params)
            if kind in ROLLUP_CODES or found is None:  # a parent left blank: that blank is the gap
                yield finding
                continue
            yield from reported(ctx, Linear(True, finding if kind == "differs" else None, terms, rows, AMOUNT_CELLS))

    # (row, its children, code, kode, Σ of a field's children, its own amounts)
    parents = [(line.index, line.children, "BUD003", line.code, line.children_sum, line.amounts)
               for line in tree.lines if line.children]
    if any(line.level == "program" for line in tree.roots):
        for t in [*tree.totals, *tree.subtotals]:  # the table's TOTAL; "Jumlah Program 01", 01's own total
            owner = tree.subtotals.get(t)
            parents.append((t, tree.totalled(t), "BUD029" if owner else "BUD004", _owner(owner) if owner else "TOTAL",
                            lambda name, t=t: tree.total_sum(name, t), {f: cells.amount(t, f) for f in FIELDS}))
    checked = [(p, _rollup_problems(p[5], p[4], sisa_ok(p[0], *(k.index for k in p[1])), is_error)) for p in parents]
    # (row, amount) of a child in a sum that differs: a parent in there is not confirmed by the level above
    disputed = {(k.index, f) for p, problems in checked for kind, f, *_ in problems if kind == "differs" for k in p[1]}
    for p, problems in checked:
        unrevised = any(k.amounts.get("pagu_perubahan") is None for k in p[1])
        short = _row_missing(problems, lambda f, i=p[0]: (i, f) in disputed, unrevised)
        if any(f in table.has_formula and table.has_formula[f][p[0]] for f in short):
            short = {}  # an office's SUM does not lose a row deleted in its range: parent_formulas says it
        yield from findings(*p[:4], problems, short)


def _owner(line) -> Text:
    """The line a subtotal row closes, as its finding names it: "program 01", "kegiatan 01.01"."""
    return Text(f"{line.level} {line.code}", f"{'programme' if line.level == 'program' else line.level} {line.code}")


def _row_missing(problems: list[tuple], disputed, unrevised: bool = False) -> dict[str, tuple]:
    """Field -> (Σ children, typed) when the parent is more than its children in every amount that
    differs, in its realisasi and a pagu at least, while the level above adds it up as it is
    (``disputed(field)`` false): what a child row deleted (or never typed) leaves. One child
    mistyped changes its pagu or its realisasi, not both; a parent mistyped breaks its own parent's
    sum too. A row deleted before it spent anything (its realisasi blank or 0) leaves both pagu
    columns short, which one child mistyped gives only as a murni beside a blank perubahan
    (``unrevised``: a child without one), counted in both: both short by as much. {} else."""
    differs = {f: (want, found) for kind, f, want, found, _ in problems
               if kind == "differs" and f in MISSING_ROW_FIELDS and found is not None}
    gaps = {f: found - want for f, (want, found) in differs.items()}
    pagu_only = gaps.keys() == {"pagu_murni", "pagu_perubahan"} and not (
        unrevised and gaps["pagu_murni"] == gaps["pagu_perubahan"])
    if not ("realisasi" in differs or pagu_only) or len(differs) < 2 or any(
            found < want or disputed(f) for f, (want, found) in differs.items()):
        return {}
    return differs


def _missing_row(table, index: int, kode: str, n: int, short: dict[str, tuple], f: str, code: str) -> Finding:
    """BUD034 at the parent's first amount that is more than its children's, naming how much each
    amount lacks; the other amounts their roll-up's finding (``code``) as a note naming that cell."""
    first = next(k for k in MISSING_ROW_FIELDS if k in short)
    want, found = short[f]
    if f != first:
        return Finding(code, table.sheet, table.cell(f, index), expected=want, found=found,
                       params={"field": FIELD_NAME[f], "kode": kode, "n": n,
                               "cause": f"{table.sheet}!{table.cell(first, index)}"}, severity_override="info")

    def lacking(lang: str) -> str:
        return ", ".join(f"{FIELD_NAME[k].get(lang)} {format_number(short[k][1] - short[k][0], 0, lang)}"
                         for k in MISSING_ROW_FIELDS if k in short)

    gaps = {k: short[k][1] - short[k][0] for k in MISSING_ROW_FIELDS if k in short}  # checks/missing_amounts.py
    return Finding("BUD034", table.sheet, table.cell(f, index), expected=want, found=found,
                   params={"kode": kode, "n": n, "lacking": Text(lacking("id"), lacking("en")), "gaps": gaps})


def _rollup_terms(cells: BudgetCells, index: int, kids, name: str) -> list:
    return cells.terms(index, name) + [t for kid in kids for t in cells.terms(kid.index, name, -1)]


# ------------------------------------------------------------------------------ FRM003
STRING_LITERALS = re.compile(r'"[^"]*"')  # a formula's string literals (a "[1]" or "A1" in one is text)
_SUM = re.compile(r"\bSUM(?:IFS?)?\s*\(", re.I)
_REF = re.compile(r"(?:('(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?"
                  r"(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}"
                  r"|\$?\d+:\$?\d+)(?![\w(])")


def formula_rows(formula: str, sheet: str) -> set[int] | None:
    """Rows of this sheet a formula refers to; None means every row (a whole-column range)."""
    rows: set[int] = set()
    for m in _REF.finditer(STRING_LITERALS.sub('""', formula)):
        if m.group(1) and m.group(1).strip("'").replace("''", "'") != sheet:
            continue
        ends = [re.sub(r"[^0-9]", "", part) for part in m.group(2).split(":")]
        if not all(ends):
            return None
        lo, hi = sorted(int(e) for e in ends) if len(ends) == 2 else (int(ends[0]),) * 2
        rows.update(range(lo, hi + 1))
    return rows


def _sum_ranges(ctx, table, tree) -> Iterable[Finding]:
    scan = ctx.model.scans.get(table.sheet)
    if scan is None or not scan.formulas:
        return
    parents = [(line.index, line.children) for line in tree.lines if line.children]
    programmes = [line for line in tree.roots if line.level == "program"]
    parents += [(t, programmes) for t in tree.totals if programmes]
    for i, kids in parents:
        for f in FIELDS:
            col = table.cols.get(f)
            text = scan.formulas.get((table.rows[i], col)) if col is not None else None
            if not text or not _SUM.search(text):
                continue
            covered = formula_rows(text, table.sheet)
            if covered is None:
                continue
            missing = sorted(r for kid in kids for r in _uncovered(kid, table, covered))
            if missing:
                yield Finding("FRM003", table.sheet, table.cell(f, i), found=text,
                              params={"formula": text, "missing": ", ".join(map(str, missing))})


def _uncovered(line, table, covered: set[int]) -> list[int]:
    """Rows of ``line`` left out: a child counts as covered when all of its own children are."""
    row = table.rows[line.index]
    if row in covered:
        return []
    if line.children and all(not _uncovered(c, table, covered) for c in line.children):
        return []
    return [row]
