"""Formula integrity: a computed cell must hold its formula, and the formula's stored result must
be what lkjip-xl recomputes (a program that saved without recalculating leaves stale results).

A formula overwritten with a typed value is always reported (FRM001), at info when the value is what
the formula gives (at the precision typed; money exactly), as a warning otherwise. Formula cells
saved with no result at all (a file written by a program that does not calculate) are one finding
for the file (FRM005), not one per cell; a stored result that differs from the recomputation is
FRM002 at its cell; FRM007 where the cell holds an earlier template's formula, which gives
another value (`rapikan` replaces it); a blank one for a range target (80-90) is FRM006 (a
program without NUMBERVALUE), neither a file saved without calculation. A formula that reads a
sheet the workbook lacks (STR001), or follows from one (recomputed blank while a sheet is
missing), is not judged: it cannot be recomputed."""
from __future__ import annotations

import operator
import re
from dataclasses import replace
from typing import Iterable

from ..calc.target_range import TargetRange
from ..findings import Finding, number_text
from ..i18n import Text
from ..reader.formula_refs import reads_any
from ..reader.values import typed_nil
from ..schema import SCHEMA
from ..schema.refs import a1, col_letter, parse_a1
from ..schema.types import ColType, FormulaContext, is_former, normalise_formula, probe_formula
from .compare import is_blank, same_amount, same_cached, verdict


def check(ctx) -> Iterable[Finding]:
    findings: list[Finding] = []
    # a formula reading a sheet the workbook lacks (STR001) cannot be recomputed: not judged
    missing = {sheet.name for sheet in SCHEMA.sheets if sheet.name not in ctx.model.sheets}
    for key, table in ctx.model.tables.items():
        computed = [c for c in table.table.columns if c.computed and c.key in table.values
                    and not sheets_read(c) & missing]
        if not computed:
            continue
        ranged = _range_targets(table)
        subtotal = ctx.wb.subtotal_lines(key)  # the export's subtotal lines: no template formula asked of them
        limited: dict[int, dict[str, str]] = {}  # row -> computed column -> its cell, said FRM006/FRM007
        for col in computed:  # column by column: no dict of every derived value per row
            values, formulas = table.values[col.key], table.has_formula[col.key]
            reads_range = bool(ranged) and _reads_range(table.table, col.key)
            derived = ctx.wb.column(key, col.key)
            # the common case, decided in bulk: a formula whose stored result is the derivation
            settled = map(operator.and_, map(operator.eq, derived, values), map(bool, formulas))
            for i in [i for i, done in enumerate(settled) if not done]:
                expected, found = derived[i], values[i]
                if formulas[i] and same_cached(expected, found, col.type == ColType.MONEY):
                    continue
                if i in subtotal and not formulas[i] and is_blank(found):
                    continue
                row_flagged = (table.sheet, table.rows[i]) in ctx.flagged_rows
                said = _cell(table.sheet, table.cell(col.key, i), formulas[i], found, expected, row_flagged,
                             col.type, ctx.settings)
                if said and said[0].code == "FRM002":
                    reads = table.table.inputs_of(col.key)
                    source = next((cell for k, cell in limited.get(i, {}).items() if k in reads), None)
                    if source is not None:  # the kriteria of a capaian said FRM006/FRM007: it follows
                        said = [replace(said[0], severity_override="info",
                                        params={**said[0].params, "why": "", "follows": f"{table.sheet}!{source}"})]
                    elif _former(ctx.model, table, col, i):
                        said = [replace(said[0], code="FRM007")]
                    elif reads_range and i in ranged and is_blank(found):
                        said = [Finding("FRM006", table.sheet, said[0].cell, expected=expected,
                                        params={"target": ranged[i]})]
                    elif (own := _own_formula(ctx.model, table, col, i)) is not None:
                        said = [replace(said[0], params={**said[0].params, "why": own})]
                    if said[0].code in ("FRM006", "FRM007"):
                        limited.setdefault(i, {})[col.key] = said[0].cell
                findings += said
    hasil = ctx.model.form("skm_hasil")
    if hasil is not None:
        expected = ctx.wb.fields("skm_hasil")
        for key, value in expected.items():
            if key in hasil.cells and not sheets_read(hasil.form.field(key)) & missing:
                findings += _cell(hasil.sheet, hasil.cells[key], hasil.has_formula.get(key, False),
                                  hasil.values.get(key), value, False, hasil.form.field(key).type, ctx.settings)
    if missing:  # what follows from a missing sheet recomputes blank: not a stale result, STR001 says why
        findings = [f for f in findings if not (f.code in ("FRM002", "FRM004") and is_blank(f.expected))]
    return _not_calculated(findings)


def formula_context(table, i: int, shift: int = 0, row: int | None = None) -> FormulaContext:
    """How the template writes a formula of the table's row ``i``: its columns by their letters
    (``shift``: as the formula reads once its row's cells moved that many columns, right if positive;
    ``row``: another row number than the row's)."""
    row = table.rows[i] if row is None else row
    letters = {k: col_letter(p + shift) for k, p in table.cols.items()}
    return FormulaContext(row=row, index=i, refs=lambda k: f"{letters.get(k, '?')}{row}", column_range=None)


def _own_formula(model, table, col, i: int) -> Text | None:
    """Why a formula's result is not lkjip-xl's when the cell holds a formula of the office's own (a
    capaian =J5/$H$5*100 filled down), neither the template's nor an earlier template's: that
    formula, not a file saved without recalculation. None when it holds the template's."""
    theirs = model.formula_at(table.sheet, table.rows[i], table.cols[col.key])
    fctx = formula_context(table, i)
    if theirs is None or normalise_formula(theirs) == normalise_formula(col.formula(fctx)) or is_former(col, theirs, fctx):
        return None
    return Text(f" (sel ini berisi rumus sendiri {theirs}, bukan rumus template: hasilnya berbeda; pakai rumus "
                f"template, lkjip-xl rapikan mencantumkannya untuk Anda putuskan)",
                f" (the cell holds a formula of its own, {theirs}, not the template's: it gives another value; use "
                f"the template's formula, lkjip-xl rapikan lists it for you to decide)")


def _former(model, table, col, i: int) -> bool:
    """Does the cell hold the formula an earlier template wrote for its column, on a row where the
    two formulas differ (an input typed `-`, or a target range: where template 1.1's formulas gave
    a blank or #VALUE!)? Then its result is that formula's, not a stale one (FRM007). Any other
    difference is the result's own (FRM002, or the error value's VAL010)."""
    if not col.derive.former or not any(
            typed_nil(table.how(k, i)) or isinstance(table.get(k, i), TargetRange)
            for k in table.table.inputs_of(col.key) if k in table.values):
        return False
    return is_former(col, model.formula_at(table.sheet, table.rows[i], table.cols[col.key]), formula_context(table, i))


def _range_targets(table) -> dict[int, TargetRange]:
    """Row -> the range target (80-90) it holds, for the table's target columns."""
    keys = [c.key for c in table.table.columns if c.target_range and c.key in table.values]
    return {i: v for k in keys for i, v in enumerate(table.values[k]) if isinstance(v, TargetRange)}


def _reads_range(spec, key: str) -> bool:
    """A computed column whose formula reads a target column, itself or through another formula of
    its row (the kriteria, through the capaian)."""
    return any(spec.column(k).target_range or (spec.column(k).computed and _reads_range(spec, k))
               for k in spec.inputs_of(key))


_SHEET_REF = re.compile(r"(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!")


def sheets_read(cell) -> set[str]:
    """The sheets a computed column's or field's formula names, as the template writes it."""
    text = probe_formula(cell)[0]
    return {quoted.replace("''", "'") if quoted else bare for quoted, bare in _SHEET_REF.findall(text)}


UNSAVED = Text(" (berkas disimpan tanpa hitung ulang?)", " (saved without recalculation?)")
SAME_AS_FORMULA = Text(" (sama dengan hasil rumusnya)", " (what the formula gives)")


def _cell(sheet: str, cell: str, has_formula: bool, found, expected, row_flagged: bool, ctype,
          settings) -> list[Finding]:
    if has_formula:
        if not same_cached(expected, found, ctype == ColType.MONEY) and not row_flagged:
            return [Finding("FRM002", sheet, cell, expected=expected, found=found, params={"why": UNSAVED})]
    elif is_blank(found):
        if not is_blank(expected):
            return [Finding("FRM004", sheet, cell, expected=expected)]
    else:
        v = ("ok" if same_amount(expected, found) else "wrong") if ctype == ColType.MONEY else verdict(expected, found, settings)
        # what the formula gives is a note; a truncated value has its own warning; anything else warns
        return [Finding("FRM001", sheet, cell, expected=expected, found=found,
                        params={"same": SAME_AS_FORMULA if v == "ok" else "",
                                "unit": " %" if ctype == ColType.PERCENT else ""},
                        severity_override="info" if v != "wrong" else None)]
    return []


def _not_calculated(findings: list[Finding]) -> list[Finding]:
    """Formula cells holding no result at all, where lkjip-xl computes one: the file was saved by a
    program that does not calculate. One FRM005 for the file, at the first such cell."""
    blank = [f for f in findings if f.code == "FRM002" and is_blank(f.found) and not f.params.get("follows")]
    if not blank:
        return findings
    first = blank[0]
    cells = ", ".join(f"{f.sheet}!{f.cell}" for f in blank[:5]) + (" …" if len(blank) > 5 else "")
    rest = [f for f in findings if f not in blank]
    return [Finding("FRM005", first.sheet, first.cell, params={"n": len(blank), "cells": cells})] + rest


def overwritten_notes(findings: list[Finding]) -> list[Finding]:
    """An overwritten formula (FRM001) at a cell whose typed value another finding already judges
    (BUD001 for a sisa, KIN010 for a capaian keluaran, a truncation's warning): one problem, said
    once; the overwritten formula becomes a note of it."""
    judged = {(f.sheet, f.cell) for f in findings if f.code != "FRM001"}
    return [replace(f, severity_override="info") if f.code == "FRM001" and (f.sheet, f.cell) in judged else f
            for f in findings]


def text_over_formulas(findings: list[Finding]) -> list[Finding]:
    """Text typed over a template formula (``100 %`` in a cell formatted as text, ``sembilan puluh``):
    one finding at the cell, FRM009, saying the formula is to be restored (a note where the text is
    what the formula gives, as FRM001 is for a number), in place of the reader's
    "retype it as a number" (VAL001, VAL002, VAL013) and of FRM001 or FRM004 ("the formula cell is
    empty") beside it. ``rapikan`` restores the formula where the text is no number or is what the
    formula gives (repair/formulas.py), and lists it where it reads as another number."""
    over = {(f.sheet, f.cell): f for f in findings if f.code in ("FRM001", "FRM004")}
    typed = {(f.sheet, f.cell): f for f in findings if f.code in ("VAL001", "VAL002", "VAL013") and (f.sheet, f.cell) in over}
    if not typed:
        return findings
    out = []
    for f in findings:
        key = (f.sheet, f.cell)
        if key in typed:
            if f.code.startswith("FRM"):
                text, number = typed[key], f.found if f.code == "FRM001" else None
                restored = number is None or bool(f.params.get("same"))
                out.append(Finding("FRM009", f.sheet, f.cell, expected=f.expected, found=text.found,
                                   params={"mend": _RESTORED if restored else _LISTED, "unconfirmed": not restored},
                                   severity_override="info" if f.params.get("same") else None))
            continue
        out.append(f)
    return out


_RESTORED = Text("'lkjip-xl rapikan' memulihkannya", "'lkjip-xl rapikan' restores it")
_LISTED = Text("'lkjip-xl rapikan' mencantumkannya untuk Anda putuskan", "'lkjip-xl rapikan' lists it for you to decide")


# text or unreadable where a number or date goes, or an error value there (=1/0 typed as a target)
INPUT_PROBLEMS = frozenset({"VAL001", "VAL002", "VAL010", "VAL013", "VAL014", "VAL028", "FRM009"})


def error_notes(findings: list[Finding], model) -> list[Finding]:
    """The error value a template formula shows (VAL010 at a computed cell) because an input of its
    row holds text, cannot be read or holds an error value itself (VAL001, VAL013, VAL010, ...): one
    slip, said once at the input; the error value becomes a note naming it. Errors typed or computed
    from elsewhere stay errors."""
    unreadable = set()
    for f in findings:
        if f.code in INPUT_PROBLEMS:
            try:
                unreadable.add((f.sheet, parse_a1(f.cell)))
            except ValueError:
                pass
    if not unreadable:
        return findings
    reads = {}  # (sheet, computed column) -> the sheet columns its formula reads
    for t in SCHEMA.tables:
        data = model.table(t.key)
        for c in t.columns if data is not None else ():
            if c.computed and c.key in data.cols:
                reads[(t.sheet, data.cols[c.key])] = [data.cols[k] for k in sorted(t.inputs_of(c.key)) if k in data.cols]
    out = []
    for f in findings:
        if f.code == "VAL010" and (f.sheet, (cell := parse_a1(f.cell))[1]) in reads:
            row = cell[0]
            source = next((a1(row, p) for p in reads[(f.sheet, cell[1])] if (f.sheet, (row, p)) in unreadable), None)
            if source is not None:
                # what the error value means is said at its source: here, only where it comes from
                f = replace(f, severity_override="info", params={**f.params, "follows": f"{f.sheet}!{source}", "why": ""})
        out.append(f)
    return out


def former_error_values(findings: list[Finding], ctx) -> list[Finding]:
    """An error value (VAL010) shown by an earlier template's formula where the current one gives a
    value (template 1.1's ratio divided a `-` and showed #VALUE!): FRM007, which `rapikan` mends,
    not an error of the workbook's data. An error value that follows from an input (a note) stays."""
    out = []
    for f in findings:
        if f.code == "VAL010" and not f.params.get("follows"):
            f = _former_error(f, ctx) or f
        out.append(f)
    return out


def _former_error(f: Finding, ctx) -> Finding | None:
    row, pos = parse_a1(f.cell)
    for key, data in ctx.model.tables.items():
        if data.sheet != f.sheet or row not in data.rows:
            continue
        col = next((c for c in data.table.columns if c.computed and data.cols.get(c.key) == pos), None)
        if col is None:
            return None
        i = data.rows.index(row)
        expected = ctx.wb.column(key, col.key)[i]
        if expected is not None and _former(ctx.model, data, col, i):
            return Finding("FRM007", f.sheet, f.cell, expected=expected, found=data.values[col.key][i])
    return None


def fraction_notes(findings: list[Finding], ctx) -> list[Finding]:
    """A percent typed where a number in its own unit goes (95 % stored 0,95: VAL015, read as 95) is
    a note, unless a template formula of its row reads the stored fraction and so shows something
    other than what lkjip-xl computes (a capaian of 1,06 % for 95 % against a target of 90; with
    the target typed as 90 % too the ratio is right and it stays a note): then a warning naming the
    cell the sheet gets wrong, which `rapikan` mends by writing the number. One that no formula of
    its own table reads (a Skala bound typed `90 %`, stored 0,9, read by every kriteria formula) is
    an error where a formula of another sheet then shows otherwise (a capaian of 87 % graded above
    "0,9"), naming the first such cell; their stale results (FRM002, or the FRM005 of blanks) are
    its consequence, not said again."""
    typed = {(f.sheet, parse_a1(f.cell)): i for i, f in enumerate(findings) if f.code == "VAL015"}
    if not typed:
        return findings
    out, drop = list(findings), set()
    for key, data in ctx.model.tables.items():
        here = [(row, pos, at) for (sheet, (row, pos)), at in typed.items() if sheet == data.sheet]
        if not here:
            continue
        rows, keys = {r: i for i, r in enumerate(data.rows)}, {p: k for k, p in data.cols.items()}
        reads = {c: data.table.inputs_of(c.key) for c in data.table.columns if c.computed and c.key in data.values}
        for row, pos, at in here:
            i = rows.get(row)
            if i is not None and _read_by_other_sheets_only(ctx.model, findings[at]):
                _, shown, drops = read_elsewhere(ctx, findings[at], findings)
                if shown:
                    drop |= drops
                    out[at] = replace(out[at], severity_override="error",
                                      params={**out[at].params, "consequence": misread_consequence(*shown[0])})
                continue
            for col, inputs in reads.items() if i is not None else ():
                if not (data.has_formula[col.key][i] and keys.get(pos) in inputs):
                    continue
                expected, found = ctx.wb.column(key, col.key)[i], data.values[col.key][i]
                if shows_otherwise(expected, found):
                    consequence = misread_consequence(f"{data.sheet}!{data.cell(col.key, i)}", found, expected,
                                                      " %" if col.type == ColType.PERCENT else "")
                    out[at] = replace(out[at], severity_override="warning",
                                      params={**out[at].params, "consequence": consequence})
                    break
    return [f for at, f in enumerate(out) if at not in drop]


def read_elsewhere(ctx, f: Finding, findings: list[Finding]) -> tuple[int, list[tuple] | None, set[int]]:
    """How many formula cells of other tables read the input cell of ``f`` (a Skala bound: every
    kriteria formula reads the whole column); those that show otherwise
    than lkjip-xl computes, as (sheet!cell, shown, computed, unit), None when some of them hold no
    result in a file saved without results; and the findings they explain:
    their FRM002, and the FRM005 of blank results when every blank result of the file is one of them
    (a bound misread grades a capaian blank; a file saved without results leaves them all blank)."""
    model, target = ctx.model, {(f.sheet, *parse_a1(f.cell))}
    template = {actual: name for name, actual in model.renamed.items()}
    readers, shown, blank = 0, [], []
    for key, data in model.tables.items():
        for col in data.table.columns:
            if not (col.computed and col.key in data.values and f.sheet in sheets_read(col)):
                continue
            computed = ctx.wb.column(key, col.key)
            for i, row in enumerate(data.rows):
                formula = model.formula_at(data.sheet, row, data.cols[col.key])
                if not (formula and reads_any(formula, data.sheet, template, target, unsplit=False)):
                    continue
                readers += 1
                expected, cached = computed[i], data.values[col.key][i]
                if not same_cached(expected, cached):
                    unit = " %" if col.type == ColType.PERCENT else ""
                    (blank if is_blank(cached) else shown).append(
                        (f"{data.sheet}!{data.cell(col.key, i)}", cached, expected, unit))
    places = {s for s, *_ in shown + blank}
    drops = {at for at, g in enumerate(findings) if g.code == "FRM002" and f"{g.sheet}!{g.cell}" in places}
    not_calculated = [at for at, g in enumerate(findings) if g.code == "FRM005"]
    if blank and not_calculated and findings[not_calculated[0]].params.get("n", 0) <= len(blank):
        drops.add(not_calculated[0])
        shown = blank + shown
    elif blank and not shown:
        return readers, None, drops
    return readers, shown, drops


def text_bound_notes(findings: list[Finding], ctx) -> list[Finding]:
    """A number stored as text (VAL001) in a table whose own formulas do not read it (a Skala bound
    typed `≥ 90`: every kriteria formula of the PK reads it, and skips it): the kriteria that show
    otherwise than lkjip-xl grades (blank) are what VAL001 says, so their FRM002, or the FRM005
    of their blanks, which would blame a program that does not calculate, are not said again."""
    drop: set[int] = set()
    for at, f in enumerate(findings):
        if f.code == "VAL001" and _read_by_other_sheets_only(ctx.model, f):
            drop |= read_elsewhere(ctx, f, findings)[2]
    return [f for at, f in enumerate(findings) if at not in drop]


def _read_by_other_sheets_only(model, f: Finding) -> bool:
    """Is ``f``'s cell an input of a table none of whose own formulas read its column (Skala)?"""
    row, pos = parse_a1(f.cell)
    for data in model.tables.values():
        if data.sheet == f.sheet and row in data.rows:
            key = next((k for k, p in data.cols.items() if p == pos), None)
            return key is not None and not any(
                c.computed and key in data.table.inputs_of(c.key) for c in data.table.columns)
    return False


def shows_otherwise(expected, cached) -> bool:
    """A formula's stored result that is another value than lkjip-xl computes. No stored result at
    all (a file saved by a program that does not calculate, FRM005) shows nothing to compare."""
    return not is_blank(cached) and not same_cached(expected, cached)


def misread_consequence(cell: str, found, expected, unit: str, why: Text = Text(
        "rumus lembar kerja memakai nilai tersimpannya", "the sheet's own formulas use the stored value"),
        fix: Text = Text("ketik angkanya tanpa %", "type the number without %")) -> Text:
    """What an input the sheet's formula reads otherwise than lkjip-xl (a percent typed where it
    reads the fraction) does to ``cell`` (a percent to 2 decimals, as the template's percent cells
    show it)."""
    shows, computes = (number_text(v, 2 if unit else None) for v in (found, expected))
    return Text(f"; {why.id}: {cell} menampilkan {shows.id}{unit}, lkjip-xl menghitung {computes.id}{unit}; "
                f"{fix.id}, atau jalankan lkjip-xl rapikan",
                f"; {why.en}: {cell} shows {shows.en}{unit}, lkjip-xl computes {computes.en}{unit}; "
                f"{fix.en}, or run lkjip-xl rapikan")


def flagged_rows(findings: Iterable[Finding]) -> set[tuple[str, int]]:
    """Rows with a value problem in an input cell: Excel's formulas there give "" or an error."""
    out = set()
    for f in findings:
        if f.code.startswith("VAL") and f.code != "VAL025":  # a spaced choice: spaced_choice_notes
            try:
                out.add((f.sheet, parse_a1(f.cell)[0]))
            except ValueError:
                pass
    return out
