"""Typed values stored the wrong way: a number stored as text becomes the number (when it reads as
one number for sure, VAL001: lkjip-xl already used that number, so no figure of the report
changes), a code stored as a number becomes the text lkjip-xl read it as (VAL006), a percent typed
where a formula reads a number in its own unit (95 % stored 0,95) becomes that number (VAL015,
as lkjip-xl read it: the sheet's own capaian then agrees), a list choice typed with spaces that a
formula misreads (``turun ``) becomes the choice (VAL025); a code only where the workbook holds
that code as text elsewhere (1.1 read as 01.10 while the sub kegiatan below are 01.01.xx stays,
listed); the Rencana Aksi's codes typed as row numbers 1, 2, 3 (BUD036) become the codes their
names give, when every row's name gives one; a code whose dots were lost (0101, VAL027) gets
them back (01.01). A nil marker
(`-`) is what staff type on purpose and stays; nil typed as the formulas do not read it (`nihil`,
`Rp -`, VAL028) becomes `-`; text that is not one number for sure stays and is
listed. A cell formatted as text gets its column's number format (else the spreadsheet would
store the next value typed there as text again), and the other way round for a code."""
from __future__ import annotations

from dataclasses import replace

from ..calc.numbers_id import parse_number
from ..schema import ColType
from ..schema.refs import parse_a1
from .change import Change

UNREADABLE = ("VAL002", "VAL013")  # text in a number column that is not one number for sure


def input_cells(model) -> dict[tuple[str, int, int], object]:
    """(sheet, row, 0-based column) of every read input cell -> its column or field spec."""
    out = {}
    for data in model.tables.values():
        for key, pos in data.cols.items():
            spec = data.table.column(key)
            if not spec.computed:
                for row in data.rows:
                    out[(data.sheet, row, pos)] = (spec, data)
    for data in model.forms.values():
        for key, ref in data.cells.items():
            spec = data.form.field(key)
            if not spec.computed:
                row, col = parse_a1(ref)
                out[(data.sheet, row, col)] = (spec, None)
    return out


def repair_values(model, findings, package) -> list[Change]:
    cells = input_cells(model)
    formats = package.number_formats()
    changes: list[Change] = []
    for f in findings:
        if f.code == "BUD036":
            changes += _plan_codes(package.sheet(f.sheet), formats, f, cells)
    for f in _each_cell(findings):
        if f.code not in ("VAL001", "VAL006", "VAL015", "VAL025", "VAL027", "VAL028", "SKM036") + UNREADABLE:
            continue
        row, col = parse_a1(f.cell)
        spec, data = cells.get((f.sheet, row, col), (None, None))
        if spec is None:
            continue
        if f.code == "VAL015":
            changes += _points(package.sheet(f.sheet), formats, f, row, col, data)
            continue
        if f.code == "VAL025":  # a choice a formula misreads for its spaces (a note: harmless, left)
            if f.severity != "info":
                package.sheet(f.sheet).set_text(row, col, str(f.expected))
                changes.append(Change(f.sheet, f.cell, f.found, f.expected, "choice_trimmed", "VAL025"))
            continue
        if f.code == "VAL028":  # nil the sheet's formulas do not read ("nihil", "Rp -"): the "-" they read
            package.sheet(f.sheet).set_text(row, col, str(f.expected))
            changes.append(Change(f.sheet, f.cell, f.found, f.expected, "nil_dash", "VAL028"))
            continue
        if f.code in UNREADABLE:
            changes.append(Change(f.sheet, f.cell, f.found, None, "text_kept", f.code, applied=False))
            continue
        if f.code == "VAL001" and parse_number(str(f.found)).special == "dash":
            continue  # "-" for nil, typed on purpose
        sheet = package.sheet(f.sheet)
        style = _style_for(sheet, formats, row, col, data, text=f.code in ("VAL006", "VAL027"))
        if f.code == "VAL006" and f.params.get("unconfirmed"):  # checks/codes.py codes_read
            changes.append(Change(f.sheet, f.cell, f.found, f.expected, "code_unconfirmed", "VAL006", applied=False))
        elif f.code in ("VAL006", "VAL027"):
            sheet.set_text(row, col, str(f.expected), style)
            changes.append(Change(f.sheet, f.cell, f.found, f.expected,
                                  "code_number" if f.code == "VAL006" else "code_dots", f.code))
        else:
            value = f.expected / 100 if spec.type == ColType.PERCENT else f.expected
            sheet.set_number(row, col, value, style)
            changes.append(Change(f.sheet, f.cell, f.found, f.expected, "text_number", f.code))
    return changes


def _plan_codes(sheet, formats: list[str], f, cells) -> list[Change]:
    """The Rencana Aksi's codes typed as row numbers (BUD036): the codes the rows' names give, the
    ones check compared the plan by, when every row's name gives one; else each left and listed
    (a plan of codes and numbers mixed would be read worse than the numbering)."""
    sure = not f.params["unconfirmed"]
    changes = []
    for cell, number, code in f.params["codes"]:
        row, col = parse_a1(cell)
        if sure:
            spec, data = cells.get((f.sheet, row, col), (None, None))
            sheet.set_text(row, col, code, _style_for(sheet, formats, row, col, data, text=True))
        changes.append(Change(f.sheet, cell, number, code or "?", "code_from_name" if sure else "code_not_named",
                              "BUD036", applied=sure))
    return changes


def _each_cell(findings):
    """The findings, one said for many cells (SKM036: the answers typed as text) as one per cell."""
    for f in findings:
        if f.code == "SKM036" and f.params.get("cells"):
            yield from (replace(f, cell=cell, found=raw, expected=score) for cell, raw, score in f.params["cells"])
        else:
            yield f


def _points(sheet, formats: list[str], f, row: int, col: int, data) -> list[Change]:
    """A percent typed in a column of numbers in their own unit (95 % stored 0,95), where a template
    formula reads it (VAL015 as a warning; an error where formulas of other sheets read it, a Skala
    bound): the number lkjip-xl read (95) with the column's number format, so that the sheet computes
    what lkjip-xl computes. Where no formula reads it (a note), nothing is changed."""
    if f.severity == "info" or data is None:
        return []
    column = sheet.column_style(col, [r for r in data.rows if r != row][:50])
    if "%" in (formats[column] if column < len(formats) else ""):
        return [Change(f.sheet, f.cell, f.found, f.expected, "percent_kept", "VAL015", applied=False)]
    sheet.set_number(row, col, f.expected, column)
    return [Change(f.sheet, f.cell, f.found, f.expected, "percent_points", "VAL015")]


def _style_for(sheet, formats: list[str], row: int, col: int, data, *, text: bool) -> int | None:
    """The cell's style, or its column's when the cell's number format says the other kind
    (text for a number, a number format for a code); None keeps the cell's own."""
    def is_text(style: int) -> bool:
        return 0 < style < len(formats) and formats[style] == "@"

    own = sheet.style(row, col)
    if is_text(own) == text or data is None:
        return None
    others = [r for r in data.rows if r != row][:50]
    column = sheet.column_style(col, others)
    return column if column and is_text(column) == text else None

