"""A list choice typed with spaces around it (``turun ``, pasted from a document) is read as the
choice (VAL025, reader/values.py), but a template formula compares it with the list's word as
Excel and LibreOffice do (case ignored, spaces not): what that does to the sheet's own results is
said here, at the choice."""
from __future__ import annotations

import re
from dataclasses import replace

from ..findings import Finding
from ..i18n import Text
from ..schema.refs import parse_a1
from ..schema.types import ColType
from .compare import is_blank
from .formulas import misread_consequence, read_elsewhere, shows_otherwise


def spaced_choice_notes(findings: list[Finding], ctx) -> list[Finding]:
    """A list choice typed with spaces around it (``turun ``, pasted) is read as the choice
    (VAL025), but a sheet formula comparing it with the list's word does not see it so: a turun
    indicator's capaian shows R/T. Where a formula of its row (directly or through another
    computed cell) then shows something other than what lkjip-xl computes, an error naming that
    cell (the sheet prints a wrong number), and that cell's stale-result finding (FRM002) is this
    one's consequence, not said again; where every formula reading it shows what lkjip-xl computes
    (``naik ``: the formula's default), nothing is said; in a file saved without results the
    note stays. A setting on a form (Identitas' ``ya `` for the capaian cap), which formulas read
    by its defined name, is an error where a formula reading that name shows otherwise (FRM002),
    naming the first such cell; its FRM002 are not said again. A choice of a settings table no
    formula of its row reads (a Skala bound's ``ya ``, read by every kriteria formula through the
    whole column) is an error where a formula of another sheet reading it shows otherwise (a
    capaian on that bound graded blank), those cells' FRM002 (or the FRM005 of their blank results)
    not said again; where none does, the note says so."""
    spaced = [at for at, f in enumerate(findings) if f.code == "VAL025"]
    if not spaced:
        return findings
    stale = {(f.sheet, f.cell): at for at, f in enumerate(findings) if f.code == "FRM002"}
    out, drop = list(findings), set()
    for at in spaced:
        f = findings[at]
        found = _table_cell(ctx.model, f.sheet, f.cell)
        if found is None:  # a form's field, read by the sheets' formulas through its defined name
            misread = _misread_setting(ctx.model, f, findings, stale)
            if misread:
                drop |= {stale[place] for place in misread}
                out[at] = _misread_error(f, *_shown_at(ctx.model, *misread[0], findings[stale[misread[0]]]))
            continue
        key, data, col_key, i = found
        if not any(col.computed and col_key in _reads(data.table, col.key) for col in data.table.columns):
            readers, shown, drops = read_elsewhere(ctx, f, findings)
            drop |= drops
            if shown:
                out[at] = _misread_error(f, *shown[0])
            elif shown is None:  # saved without results: what the sheet shows is not known, the note stays
                pass
            elif readers:
                out[at] = replace(f, params={**f.params, "consequence": UNCHANGED})
            else:  # no formula reads it (a spaced satuan): harmless
                drop.add(at)
            continue
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
        out[at] = _misread_error(f, f"{f.sheet}!{cell}", cached, expected, unit)
    return [f for at, f in enumerate(out) if at not in drop]


def _misread_error(f: Finding, cell: str, cached, expected, unit: str) -> Finding:
    """VAL025 as the error it is where a sheet formula shows ``cell`` otherwise because of it."""
    return replace(f, severity_override="error", params={**f.params, "consequence": misread_consequence(
        cell, cached, expected, unit,
        Text("rumus lembar kerja tidak mengenalinya karena spasinya", "the sheet's own formulas do not "
             "recognise it because of the spaces"),
        Text(f"hapus spasinya (pilih {f.expected} dari daftar)", f"delete the spaces (pick {f.expected} "
             "from the list)"))})


UNCHANGED = Text("; tidak ada hasil rumus yang berubah karenanya (rumus yang membacanya menampilkan yang dihitung "
                 "lkjip-xl); hapus spasinya agar tetap begitu",
                 "; no formula result changes because of it (the formulas reading it show what lkjip-xl computes); "
                 "delete the spaces to keep it so")


def _misread_setting(model, f: Finding, findings: list[Finding], stale: dict) -> list[tuple[str, str]]:
    """The (sheet, cell) of the stale results (FRM002) whose formula reads the spaced form field at
    ``f`` by its defined name (``cfg_batas_capaian``): they show what the field's spaces make them."""
    name = next((fd.name for form in model.forms.values() if form.sheet == f.sheet
                 for fd in form.form.fields if fd.name and form.cells.get(fd.key) == f.cell), None)
    if name is None:
        return []
    word = re.compile(rf"(?<![A-Za-z0-9_.]){re.escape(name)}(?![A-Za-z0-9_.(])", re.I)
    out = []
    for place in stale:
        scan = model.scans.get(place[0])
        formula = scan.formulas.get(parse_a1(place[1])) if scan is not None else None
        if formula and word.search(formula):
            out.append(place)
    return sorted(out, key=lambda p: (p[0] != "PK", p[0], parse_a1(p[1])))


def _shown_at(model, sheet: str, cell: str, stale: Finding) -> tuple[str, object, object, str]:
    """(sheet!cell, what it shows, what lkjip-xl computes, " %" for a percent column) of a stale result."""
    found = _table_cell(model, sheet, cell)
    percent = found is not None and found[1].table.column(found[2]).type == ColType.PERCENT
    return f"{sheet}!{cell}", stale.found, stale.expected, " %" if percent else ""


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
