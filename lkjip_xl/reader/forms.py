"""The forms of the workbook (Identitas, the settings, SKM Hasil's fields): each field found by its
label, read in its type; values typed beside a form (STR005); the template version the workbook
carries and STR004 when it is not this template's."""
from __future__ import annotations

from python_calamine import CalamineWorkbook

from ..errors import calamine_failure
from ..findings import Finding
from ..i18n import Text
from ..schema import SCHEMA, Form
from ..schema.lists import aliases as list_aliases
from ..schema.refs import a1, parse_a1
from ..schema.workbook import VERSION_CELLS
from .cells import allowed, at, normalise_header, placed, unusable_value
from .model import FormData, WorkbookModel
from .values import convert
from .xmlscan import SheetScan


def read_form(form: Form, grid, scan: SheetScan, findings: list[Finding]) -> FormData:
    data = FormData(form, scan=scan)
    labels = {}
    for r in range(1, min(len(grid), 80) + 1):
        text = normalise_header(at(grid, r, form.label_col))
        if text:
            labels.setdefault(text, r)
    for i, f in enumerate(form.fields):
        row = labels.get(normalise_header(f.label.id)) or labels.get(normalise_header(f.label.en)) or form.first_row + i
        col = form.value_col
        cell = a1(row, col)
        data.cells[f.key] = cell
        data.has_formula[f.key] = scan.computed(row, col)
        unusable = unusable_value(scan, (row, col), form.sheet, cell)
        if unusable is not None:
            finding, data.values[f.key], how = unusable
            findings.append(finding)
            if how:
                data.read_as[f.key] = how
            continue
        value, issue, how = convert(at(grid, row, col), f.type, allowed(f.choices), aliases=list_aliases(f.choices),
                                    percent_format=scan.number_format(row, col) is not None,
                                    formula=data.has_formula[f.key])
        if issue:
            findings.append(placed(issue, form.sheet, cell, f, f.choices))
        if how:
            data.read_as[f.key] = how
        data.values[f.key] = value
        if f.required and value is None and not f.formula and issue is None:
            findings.append(Finding("VAL005", form.sheet, cell, params={"name": f.label}))
    return data


def beside_forms(sheet, grid, model: WorkbookModel, findings: list[Finding]) -> set[tuple[int, int]]:
    """Values typed on a form's row right of its value (and of its help, on a sheet of forms only)
    are not read: said at each cell (STR005), a warning beside an input left blank (the value typed
    one cell off), else a note (a remark beside a filled field). The (row, column) said."""
    said: set[tuple[int, int]] = set()
    for form in sheet.forms:
        data = model.forms.get(form.key)
        if data is None:
            continue
        end = form.value_col + form.value_span + (0 if sheet.tables else 1)  # the help column
        for f in form.fields:
            if f.key not in data.cells:
                continue
            row = parse_a1(data.cells[f.key])[0]
            line = grid[row - 1] if row - 1 < len(grid) else ()
            for c in range(end, len(line)):
                if line[c] in ("", None) or (type(line[c]) is str and line[c].isspace()):
                    continue
                blank = data.values.get(f.key) is None and not f.computed
                params = {"beside": Text(f"; letaknya di samping '{f.label.id}' ({data.cells[f.key]}), yang kosong: salah sel?",
                                         f"; it sits beside '{f.label.en}' ({data.cells[f.key]}), which is blank: the wrong "
                                         f"cell?") if blank else ""}
                findings.append(Finding("STR005", sheet.name, a1(row, c), found=line[c], params=params,
                                        severity_override=None if blank else "info"))
                said.add((row, c))
    return said


def template_version(book: CalamineWorkbook, container) -> str | None:
    for sheet, ref in VERSION_CELLS:
        if sheet in container.sheet_parts:
            row, col = parse_a1(ref)
            try:
                grid = book.get_sheet_by_name(container.actual(sheet)).to_python(skip_empty_area=False)
                value = at(grid, row, col)
            except BaseException as exc:
                if not calamine_failure(exc):
                    raise
                value = ""
            if value not in ("", None):
                return str(value)
    return None


def version_finding(model: WorkbookModel, container) -> Finding:
    """STR004 at the version cell Petunjuk shows (else the hidden list's); with neither sheet in the
    workbook, at the first sheet's A1, saying that the sheets which hold the version are missing."""
    held = [(sheet, ref) for sheet, ref in reversed(VERSION_CELLS) if sheet in container.sheet_parts]
    sheet, ref = held[0] if held else (next(iter(model.sheets), VERSION_CELLS[-1][0]), "A1")
    names = " & ".join(name for name, _ in reversed(VERSION_CELLS))
    missing = "" if held else Text(f"; sheet {names.replace('&', 'dan')}, tempat versi ditulis, tidak ada",
                                   f"; the sheets {names.replace('&', 'and')}, where the version is written, are missing")
    return Finding("STR004", sheet, ref, expected=SCHEMA.version, found=model.version, params={"missing": missing})
