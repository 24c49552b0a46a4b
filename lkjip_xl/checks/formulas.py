"""Formula integrity: a computed cell must hold its formula, and the formula's stored result must
be what lkjip-xl recomputes (a program that saved without recalculating leaves stale results)."""
from __future__ import annotations

from typing import Iterable

from ..findings import Finding
from ..schema.refs import parse_a1
from .compare import is_blank, same_cached


def check(ctx) -> Iterable[Finding]:
    for key, table in ctx.model.tables.items():
        computed = [c.key for c in table.table.columns if c.computed and c.key in table.values]
        if not computed:
            continue
        derived = ctx.derived(key)
        for col in computed:
            values, formulas = table.values[col], table.has_formula[col]
            for i in range(len(table)):
                expected, found = derived[i].get(col), values[i]
                if formulas[i] and same_cached(expected, found):
                    continue  # the common case, decided without building anything
                row_flagged = (table.sheet, table.rows[i]) in ctx.flagged_rows
                yield from _cell(table.sheet, table.cell(col, i), formulas[i], found, expected, row_flagged)
    hasil = ctx.model.form("skm_hasil")
    if hasil is not None:
        expected = ctx.wb.fields("skm_hasil")
        for key, value in expected.items():
            if key in hasil.cells:
                yield from _cell(hasil.sheet, hasil.cells[key], hasil.has_formula.get(key, False),
                                 hasil.values.get(key), value, False)


def _cell(sheet: str, cell: str, has_formula: bool, found, expected, row_flagged: bool) -> Iterable[Finding]:
    if has_formula:
        if not same_cached(expected, found) and not row_flagged:
            yield Finding("FRM002", sheet, cell, expected=expected, found=found)
    elif is_blank(found):
        if not is_blank(expected):
            yield Finding("FRM004", sheet, cell, expected=expected)
    else:
        yield Finding("FRM001", sheet, cell, expected=expected, found=found)


def flagged_rows(findings: Iterable[Finding]) -> set[tuple[str, int]]:
    """Rows with a value problem in an input cell: Excel's formulas there give "" or an error."""
    out = set()
    for f in findings:
        if f.code.startswith("VAL"):
            try:
                out.add((f.sheet, parse_a1(f.cell)[0]))
            except ValueError:
                pass
    return out
