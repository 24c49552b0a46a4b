"""A sheet typed in thousands (ribuan) or millions of rupiah (BUD032). Every amount column of the
template says "(Rp)", but offices copy figures from reports printed "dalam ribuan rupiah": the
Realisasi sheet then holds 850.000 where the PK and Belanja hold 850.000.000. Each comparison
between the sheets fails (15 errors on one workbook, said at the PK, the Rencana Aksi and Belanja,
none at the sheet that is off), and the annex would print the thousands as rupiah.

Read from the comparisons the checks made (``ctx.relations``): for two tables whose amounts are
compared, the ratio of their sides in each comparison. When most of them (two at least) are a
power of 1.000 apart, one table is at another scale; the smaller amounts are the slip (the
template asks for full rupiah). Said once, at the first amount of that sheet; the checks run again
with its amounts at the others' scale (``checks/what_if.py``): what fails only because of the
scale is a note naming that cell, and so is a difference within the rounding of amounts typed in
thousands (8.876.183 for 8.876.182.851).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from decimal import Decimal
from typing import Callable, Iterable

from ..calc.decimals import to_decimal
from ..findings import Finding, number_text, show_value
from ..i18n import Text
from ..reader.model import WorkbookModel
from ..schema.refs import parse_a1
from ..schema.types import ColType
from .relations import Linear, Test
from .what_if import follows_from

STEP = 1000
UNITS = {1: Text("ribuan rupiah", "thousands of rupiah"), 2: Text("jutaan rupiah", "millions of rupiah")}
SHARE = Decimal("0.01")  # a ratio within 1 % of a power of 1.000 (rounding of amounts typed in thousands)


def _amounts(relation, model: WorkbookModel) -> dict | None:
    """Ref -> (coefficient, value) of a comparison made only of amount cells of tables; None else."""
    if isinstance(relation, Linear):
        cells = relation.terms
    elif isinstance(relation, Test):
        cells = {ref: (1, _number(v)) for ref, v in relation.values.items()}
    else:
        return None
    for ref in cells:
        table = model.table(ref.table) if ref.index is not None else None
        if table is None or ref.key not in _money_keys(table):
            return None
    return cells


def _money_keys(table) -> frozenset:
    return frozenset(c.key for c in table.table.columns if c.type == ColType.MONEY)


def _number(value) -> Decimal | None:
    return None if isinstance(value, (str, bool)) else to_decimal(value)


def _power(big: Decimal, small: Decimal) -> int | None:
    """k when ``big`` ≈ ``small`` × 1.000^k (k 1 or 2), else None."""
    for k in UNITS:
        if abs(big - small * STEP ** k) <= abs(big) * SHARE:
            return k
    return None


def _step(relation, cells: dict, a: str) -> int | None:
    """How many powers of 1.000 the amounts of table ``a`` are above the other table's in this
    comparison: 0 when it holds, None when its failure is no scale."""
    if not relation.fails:
        return 0
    if isinstance(relation, Linear):
        sa = sum((c * v for ref, (c, v) in cells.items() if ref.table == a), Decimal(0))
        sb = -sum((c * v for ref, (c, v) in cells.items() if ref.table != a), Decimal(0))
        if not (sa and sb and (sa > 0) == (sb > 0)):
            return None
        up, down = _power(abs(sa), abs(sb)), _power(abs(sb), abs(sa))
        return up or (-down if down else None)
    for k in (*UNITS, *(-k for k in UNITS)):  # a test: whether it holds with a's amounts at the other scale
        factor = Decimal(STEP) ** -k
        scaled = {ref: (v * factor if ref.table == a and isinstance(v, (int, Decimal)) and not isinstance(v, bool) else v)
                  for ref, v in relation.values.items()}
        if relation.test(scaled):
            return k
    return None


def _pairs(relations: list, model: WorkbookModel) -> dict[tuple[str, str], list[tuple[int | None, dict]]]:
    """(table a, table b) -> for each comparison of their amounts: how many powers of 1.000 a's
    amounts are above b's (0 when they agree, None when unrelated to a scale), and its cells."""
    out = defaultdict(list)
    for relation in relations:
        cells = _amounts(relation, model)
        tables = sorted({ref.table for ref in cells}) if cells else ()
        if len(tables) == 2:
            out[tuple(tables)].append((_step(relation, cells, tables[0]), cells))
    return out


def _steps(pairs) -> dict[tuple[str, str], int]:
    """(a, b) -> how many powers of 1.000 a's amounts are above b's, for the pairs whose
    comparisons mostly say so (two at least, when apart)."""
    steps = {}
    for (a, b), seen in pairs.items():
        ks = [k for k, _ in seen]
        apart = [k for k in ks if k]
        if len(apart) >= 2 and len(set(apart)) == 1 and len(apart) * 3 >= len(ks) * 2:
            steps[(a, b)] = apart[0]
        elif ks.count(0) * 3 >= len(ks) * 2:
            steps[(a, b)] = 0
    return steps


def _exponents(steps: dict[tuple[str, str], int]) -> dict[str, int] | None:
    """Each table's scale (in powers of 1.000) from the pairs' steps; None when they contradict
    each other or none is apart."""
    if not any(steps.values()):
        return None
    scale: dict[str, int] = {}
    for start in sorted({t for pair in steps for t in pair}):
        if start in scale:
            continue
        scale[start], todo = 0, [start]
        while todo:
            t = todo.pop()
            for (a, b), k in steps.items():
                for here, there, step in ((a, b, -k), (b, a, k)):
                    if here != t:
                        continue
                    if there not in scale:
                        scale[there] = scale[t] + step
                        todo.append(there)
                    elif scale[there] != scale[t] + step:
                        return None
    return scale


def _scaled(model: WorkbookModel, factors: dict[str, int]) -> WorkbookModel:
    """The model with those tables' amounts multiplied by their factor (1.000, 1.000.000)."""
    tables = dict(model.tables)
    for key, factor in factors.items():
        t = tables[key]
        values = dict(t.values)
        for column in t.table.columns:
            if column.type == ColType.MONEY and column.key in values:
                values[column.key] = [_times(v, factor) for v in values[column.key]]
        tables[key] = replace(t, values=values)
    return replace(model, tables=tables)


def _times(value, factor: int):
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return value
    d = to_decimal(value)
    return value * factor if isinstance(value, int) else (d * factor if d is not None else value)


def _first_amount(table) -> tuple[str, Decimal] | None:
    """The table's first amount above 0 (row, then column): its cell and value."""
    keys = [c.key for c in table.table.columns if c.type == ColType.MONEY and c.key in table.values]
    for i in range(len(table)):
        for key in sorted(keys, key=lambda k: table.cols[k]):
            value = _number(table.values[key][i])
            if value:
                return table.cell(key, i), value
    return None


def _example(model: WorkbookModel, key: str, k: int, seen: Iterable[dict]) -> tuple | None:
    """The sheet's first amount (row, then column) that another table's cell states 1.000^k
    times larger in a comparison: (its cell, its value, the other's ref, the other's value)."""
    table, best = model.table(key), None
    for cells in seen:
        for ref, (_, value) in cells.items():
            if ref.table != key or not value:
                continue
            for other, (_, big) in cells.items():
                if other.table != key and big and _power(abs(big), abs(value)) == k:
                    cell = table.cell(ref.key, ref.index)
                    spot = (parse_a1(cell), cell, value, other, big)
                    best = spot if best is None or spot[0] < best[0] else best
    return best[1:] if best else None


def scale_findings(model: WorkbookModel, relations: list) -> tuple[list[Finding], dict[str, int]]:
    """BUD032 at each table at a smaller scale than the others, and its factor by table key."""
    if not any(r.fails and r.finding is not None and _tables(r) for r in relations):
        return [], {}
    pairs = _pairs([r for r in relations if _tables(r)], model)
    steps = _steps(pairs)
    scale = _exponents(steps)
    if scale is None:
        return [], {}
    top = max(scale.values())
    others = ", ".join(sorted({model.table(t).sheet for t, e in scale.items() if e == top}))
    own, factors = [], {}
    for key, e in sorted(scale.items()):
        if e == top:
            continue
        factor = STEP ** (top - e)
        spot = _example(model, key, top - e, [cells for pair, seen in pairs.items() if key in pair
                                              for k, cells in seen if k])
        if spot is not None:
            cell, value, other, big = spot
            there = model.table(other.table)
            where = f"{there.sheet}!{there.cell(other.key, other.index)}"
            example = Text(f"di sini {show_value(value, 'id')}, di {where} {show_value(big, 'id')}",
                           f"here {show_value(value, 'en')}, at {where} {show_value(big, 'en')}")
        else:  # compared only with a sheet at its own scale
            spot = _first_amount(model.table(key))
            if spot is None:
                continue
            cell, value = spot
            big = value * factor
            via = ", ".join(sorted(model.table(t).sheet for pair, k in steps.items() if key in pair and k == 0
                                   for t in pair if t != key))
            example = Text(f"sama dengan sheet {via}, yang dibandingkan dengannya",
                           f"as on sheet {via}, which it is compared with")
        factors[key] = factor
        own.append(Finding("BUD032", model.table(key).sheet, cell, expected=abs(big), found=abs(value),
                           params={"unit": UNITS.get(top - e, UNITS[2]), "factor": number_text(factor),
                                   "others": others, "example": example}))
    return own, factors


def _tables(relation: Linear) -> bool:
    """Whether the comparison may tie two tables' amounts (read from its kinds, without its terms)."""
    if isinstance(relation, Test):
        return len({ref.table for ref in relation.values}) >= 2
    kinds = relation.kinds()
    return kinds is None or len({table for table, _ in kinds}) >= 2


def explain_scale(findings: list[Finding], model: WorkbookModel, relations: list,
                  rerun: Callable[[WorkbookModel], list[Finding]]) -> list[Finding]:
    """BUD032 at each sheet typed at a smaller scale, and what follows from it said as such."""
    own, factors = scale_findings(model, relations)
    if not own:
        return findings
    scaled = _scaled(model, factors)
    rows = max(len(model.table(key)) for key in factors)
    tolerance = max(factors.values()) * max(rows, 1) // 2
    without = [f for f in rerun(scaled) if not _rounding(f, tolerance)]
    cause = ", ".join(f"{f.sheet}!{f.cell}" for f in own)
    cells = _scaled_cells(model, relations, factors)
    return own + follows_from(findings, without, cause, lambda f: False,
                              lambda f: cells.get((f.code, f.sheet, f.cell)))


NAMED = 3  # the cells a note names at most ("Belanja!B6, Belanja!B7, Belanja!B8 …")


def _scaled_cells(model: WorkbookModel, relations: list, factors: dict[str, int]) -> dict[tuple, str]:
    """(code, sheet, cell) of each failing comparison's finding -> its amounts on the sheets at
    another scale ("Belanja!C6"): what that note follows from, rather than the sheet's first amount."""
    out = {}
    for relation in relations:
        f = relation.finding
        if not relation.fails or f is None:
            continue
        spots = sorted((parse_a1(cell), f"{table.sheet}!{cell}") for ref in relation.refs()
                       if ref.table in factors and ref.index is not None and _number(relation.value(ref))
                       for table in (model.table(ref.table),) for cell in (table.cell(ref.key, ref.index),))
        if spots:
            named = ", ".join(name for _, name in spots[:NAMED])
            out[(f.code, f.sheet, f.cell)] = named + (" …" if len(spots) > NAMED else "")
    return out


def _rounding(f: Finding, tolerance: int) -> bool:
    """An amount's difference no larger than the rounding of the amounts typed in thousands."""
    if not f.code.startswith("BUD") or isinstance(f.expected, (str, bool)) or isinstance(f.found, (str, bool)):
        return False
    e, g = to_decimal(f.expected), to_decimal(f.found)
    return e is not None and g is not None and 0 < abs(e - g) <= tolerance
