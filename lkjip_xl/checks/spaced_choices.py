"""A list choice typed with spaces around it (``turun ``, pasted from a document) is read as the
choice (VAL025, reader/values.py), but a template formula compares it with the list's word as
Excel and LibreOffice do (case ignored, spaces not): what that does to the sheet's own results is
said here, at the choice."""
from __future__ import annotations

from dataclasses import replace

from ..findings import Finding
from ..i18n import Text
from ..schema.refs import parse_a1
from ..schema.types import ColType
from .compare import is_blank
from .formulas import misread_consequence, shows_otherwise


def spaced_choice_notes(findings: list[Finding], ctx) -> list[Finding]:
    """A list choice typed with spaces around it (``turun ``, pasted) is read as the choice
    (VAL025), but a sheet formula comparing it with the list's word does not see it so: a turun
    indicator's capaian shows R/T. Where a formula of its row (directly or through another
    computed cell) then shows something other than what lkjip-xl computes, an error naming that
    cell (the sheet prints a wrong number), and that cell's stale-result finding (FRM002) is this
    one's consequence, not said again; where every formula reading it shows what lkjip-xl computes
    (``naik ``: the formula's default), nothing is said; in a file saved without results the
    note stays."""
    spaced = [at for at, f in enumerate(findings) if f.code == "VAL025"]
    if not spaced:
        return findings
    stale = {(f.sheet, f.cell): at for at, f in enumerate(findings) if f.code == "FRM002"}
    out, drop = list(findings), set()
    for at in spaced:
        f = findings[at]
        found = _table_cell(ctx.model, f.sheet, f.cell)
        if found is None:
            continue  # a form's field: the note stays
        key, data, col_key, i = found
        shown, uncalculated = [], False
        for col in data.table.columns:
            if (col.computed and col.key in data.values and data.has_formula[col.key][i]
                    and col_key in _reads(data.table, col.key)):
                expected, cached = ctx.wb.column(key, col.key)[i], data.values[col.key][i]
                uncalculated |= is_blank(cached) and not is_blank(expected)
                if shows_otherwise(expected, cached):
                    shown.append((data.cell(col.key, i), cached, expected, " %" if col.type == ColType.PERCENT else ""))
        drop |= {stale[(f.sheet, cell)] for cell, *_ in shown if (f.sheet, cell) in stale}
        if not shown:
            if not uncalculated:  # every formula reading it shows what lkjip-xl computes
                drop.add(at)
            continue
        cell, cached, expected, unit = shown[0]
        out[at] = replace(f, severity_override="error", params={**f.params, "consequence": misread_consequence(
            f"{f.sheet}!{cell}", cached, expected, unit,
            Text("rumus lembar kerja tidak mengenalinya karena spasinya", "the sheet's own formulas do not "
                 "recognise it because of the spaces"),
            Text(f"hapus spasinya (pilih {f.expected} dari daftar)", f"delete the spaces (pick {f.expected} "
                 "from the list)"))})
    return [f for at, f in enumerate(out) if at not in drop]


def _table_cell(model, sheet: str, cell: str):
    """(table key, table data, column key, row index) of an input cell, or None."""
    row, pos = parse_a1(cell)
    for key, data in model.tables.items():
        if data.sheet == sheet and row in data.rows:
            col_key = next((k for k, p in data.cols.items() if p == pos), None)
            if col_key is not None:
                return key, data, col_key, data.rows.index(row)
    return None


def _reads(table, key: str, seen: frozenset = frozenset()) -> frozenset[str]:
    """The columns of its row a computed column's formula reads, directly or through another
    computed column of the row (kriteria reads capaian, which reads arah)."""
    direct = table.inputs_of(key)
    out = set(direct)
    for k in direct - seen - {key}:
        if table.column(k).computed:
            out |= _reads(table, k, seen | {key})
    return frozenset(out)
