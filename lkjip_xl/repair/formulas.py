"""Formulas of computed cells: restored where a row lacks them (an inserted or pasted row) or where
the value typed over them is exactly what they give; left, and listed, where the typed value
differs (a person decides) or the cell holds a formula of its own; never where the formula reads a
column deleted from the sheet (its letters would name another column). A stale or error result stored
with the template's own formula is refreshed to the value the formula gives (rows whose inputs
still hold an unreadable value keep theirs: the spreadsheet would not compute that value). The
export's subtotal lines pasted among the Realisasi rows ("Jumlah Kegiatan 01.01") are not rows of the
template: their blank computed cells stay blank (docs/rapikan.md)."""
from __future__ import annotations

from ..checks.compare import is_blank, same_cached
from ..schema import SCHEMA
from ..schema.refs import a1, col_letter, parse_a1
from ..schema.types import ColType, FormulaContext, formula_maker, is_former, normalise_formula
from ..template.writer import cached_number
from .change import Change


def repair_formulas(ctx, package, stuck_rows: set[tuple[str, int]], leave: set[tuple[str, str]] = frozenset(),
                    rounded: set[tuple[str, str]] = frozenset(), over_text: dict[tuple[str, str], str] | None = None
                    ) -> list[Change]:
    """``stuck_rows``: (sheet, row) whose inputs rapikan leaves unreadable (their results stay);
    ``leave``: (sheet, cell) whose stored result is what its formula gives (it stays); ``rounded``:
    (sheet, cell) holding the formula's result typed rounded, which other formulas add up (check's
    FRM001 error): the formula is restored; ``over_text``: (sheet, cell) -> the text typed over its
    formula (check's FRM009), said as such."""
    over_text = over_text or {}
    changes: list[Change] = []
    for table in SCHEMA.tables:
        data = ctx.model.table(table.key)
        computed = [c for c in table.columns if c.computed and c.key in (data.cols if data else {})]
        if not computed or not len(data):
            continue
        sheet = package.sheet(table.sheet)
        derived = ctx.wb.rows(table.key)
        letters = {c.key: col_letter(data.cols.get(c.key, table.col_index(c.key))) for c in table.columns}
        subtotal = ctx.wb.subtotal_lines(table.key)  # the export's subtotal lines: left as pasted
        for col in computed:
            pos, make = data.cols[col.key], formula_maker(col, set(data.cols))
            if make is None:  # every formula of it reads a column deleted from the sheet: its letters would name others
                changes += [Change(table.sheet, a1(row, pos), data.values[col.key][i], None, "formula_source_absent",
                                   "FRM004", applied=False)
                            for i, row in enumerate(data.rows) if not data.has_formula[col.key][i]]
                continue
            style = sheet.column_style(pos, [r for i, r in enumerate(data.rows) if data.has_formula[col.key][i]][:50])
            for i, row in enumerate(data.rows):
                if i in subtotal and not data.has_formula[col.key][i] and is_blank(data.values[col.key][i]):
                    continue
                fctx = FormulaContext(row=row, index=i, refs=lambda k, r=row: f"{letters[k]}{r}", column_range=None)
                cell = _Cell(table.sheet, row, pos, col, data.has_formula[col.key][i], data.values[col.key][i],
                             derived[i].get(col.key), fctx, ctx.model, make)
                ref = (table.sheet, a1(row, pos))
                changes += cell.repair(sheet, style, (table.sheet, row) in stuck_rows or ref in leave, ref in rounded,
                                       over_text.get(ref))
    changes += _form_fields(ctx, package, stuck_rows, leave, rounded, over_text)
    return changes


def _form_fields(ctx, package, stuck_rows, leave, rounded, over_text) -> list[Change]:
    changes = []
    for form in SCHEMA.forms:
        data = ctx.model.form(form.key)
        if data is None or not any(f.computed for f in form.fields):
            continue
        derived = ctx.wb.fields(form.key)
        sheet = package.sheet(form.sheet)
        for i, f in enumerate(form.fields):
            if not f.computed or f.key not in data.cells:
                continue
            row, col = parse_a1(data.cells[f.key])
            fctx = FormulaContext(row=row, index=i, refs=lambda k: data.cells.get(k, a1(form.row_of(k), form.value_col)),
                                  column_range=None)
            cell = _Cell(form.sheet, row, col, f, data.has_formula.get(f.key, False), data.values.get(f.key),
                         derived.get(f.key), fctx, ctx.model)
            ref = (form.sheet, a1(row, col))
            changes += cell.repair(sheet, 0, (form.sheet, row) in stuck_rows or ref in leave, ref in rounded,
                                   over_text.get(ref))
    return changes


class _Cell:
    """One computed cell as the workbook has it and as the template would write it."""

    def __init__(self, sheet_name, row, col, spec, has_formula, found, expected, fctx, model, make=None):
        self.sheet_name, self.row, self.col, self.spec = sheet_name, row, col, spec
        self.has_formula, self.found, self.expected = has_formula, found, expected
        self.ours, self.theirs = (make or spec.formula)(fctx), model.formula_at(sheet_name, row, col)  # theirs: None for a shared child
        self.fctx = fctx
        scan = model.scans.get(sheet_name)
        self.error = scan.errors.get((row, col)) if scan else None

    def change(self, before, after, why, code, applied=True) -> Change:
        return Change(self.sheet_name, a1(self.row, self.col), before, after, why, code, applied)

    def repair(self, sheet, column_style: int, stuck: bool, rounded: bool = False, text: str | None = None
               ) -> list[Change]:
        """``text``: what was typed over the formula, as text (FRM009), else None."""
        cached = cached_number(self.expected, self.spec.type)
        if not self.has_formula:
            before = self.found if text is None else text
            if is_blank(self.found) or same_cached(self.expected, self.found) or rounded:
                why = "formula_over_text" if text is not None else "formula_missing" if is_blank(self.found) \
                    else "formula_rounded" if rounded else "formula_equal"
                code = "FRM009" if text is not None else "FRM001" if why != "formula_missing" \
                    else ("FRM004" if not is_blank(self.expected) else None)
                sheet.set_formula(self.row, self.col, self.ours, cached, sheet.style(self.row, self.col) or column_style)
                return [self.change(before, self.ours, why, code)]
            return [self.change(before, self.expected, "formula_typed", "FRM001" if text is None else "FRM009",
                                applied=False)]
        if (same_cached(self.expected, self.found, self.spec.type == ColType.MONEY) and self.error is None) or stuck:
            return []
        if self.theirs is not None and normalise_formula(self.theirs) != normalise_formula(self.ours):
            if is_former(self.spec, self.theirs, self.fctx):
                # an earlier template's formula that gives another value (FRM007)
                sheet.set_formula(self.row, self.col, self.ours, cached, sheet.style(self.row, self.col) or column_style)
                return [self.change(self.theirs, self.ours, "formula_former", "FRM007")]
            return [self.change(self.theirs, self.ours, "formula_own", "FRM002", applied=False)]
        sheet.set_cached(self.row, self.col, cached)
        return [self.change(self.error or self.found, self.expected, "result_stale", "VAL010" if self.error else "FRM002")]
