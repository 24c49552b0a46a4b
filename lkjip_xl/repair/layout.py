"""What an inserted row and a grown table need besides formulas: the column's format in cells that
have none, the column's dropdown or validation over rows it does not cover, a print area that
reaches the last filled row; a template sheet renamed by a slip given its name back; and the
template version marker, set when the workbook is laid out as this template is (else left, and
listed)."""
from __future__ import annotations

import re

from ..checks.print_area import code_of, unprinted
from ..reader.sheet_names import sheet_key
from ..schema import SCHEMA
from ..schema.refs import a1, col_letter, parse_a1
from ..schema.workbook import VERSION_CELLS
from ..template.layout import print_area_ref
from .change import Change

STRUCTURE = ("STR001", "STR002", "STR003", "STR017")  # a layout rapikan does not move into place


def unfound(findings) -> set[str]:
    """Sheets with a table whose columns were not all found at the template's header row (STR002:
    a column deleted; STR017: none, rows inserted above the header): their rows are not the template's."""
    return {f.sheet for f in findings if f.code in ("STR002", "STR017")}


def repair_styles(model, package, skip: set[str] = frozenset()) -> list[Change]:
    changes = []
    for data in model.tables.values():
        if not len(data) or data.sheet in skip:
            continue
        sheet = package.sheet(data.sheet)
        cols = sorted(data.cols.values())
        styles = {c: sheet.column_style(c, data.rows) for c in cols}
        for row in data.rows:
            bare = [c for c in cols if styles[c] and not sheet.style(row, c)]
            for c in bare:
                sheet.set_style(row, c, styles[c])
            if bare:
                changes.append(Change(data.sheet, f"{a1(row, bare[0])}:{a1(row, bare[-1])}", None, None, "row_style"))
    return changes


def _ranges(sqref: str) -> list[tuple[int, int, int, int]]:
    """(first row, first col, last row, last col) of each range of an sqref."""
    out = []
    for part in sqref.split():
        ends = [parse_a1(p) for p in part.replace("$", "").split(":")]
        (r0, c0), (r1, c1) = ends[0], ends[-1]
        out.append((r0, c0, r1, c1))
    return out


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for r in sorted(rows):
        if runs and r == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], r)
        else:
            runs.append((r, r))
    return runs


def repair_validations(model, package, skip: set[str] = frozenset()) -> list[Change]:
    changes = []
    for data in model.tables.values():
        if not len(data) or data.sheet in skip:
            continue
        sheet = package.sheet(data.sheet)
        sqrefs = sheet.validation_ranges()
        ranges = [_ranges(s) for s in sqrefs]
        for key, col in sorted(data.cols.items(), key=lambda kv: kv[1]):
            if data.table.column(key).computed:
                continue
            mine = [i for i, rs in enumerate(ranges) if any(c0 <= col <= c1 for _, c0, _, c1 in rs)]
            if not mine:  # every dropdown of the column gone (rows pasted from another file over it)
                changes += _restored_validation(data, key, col, sheet, package)
                continue
            spans = [(r0, r1) for i in mine for r0, c0, r1, c1 in ranges[i] if c0 <= col <= c1]
            missing = [r for r in data.rows if not any(r0 <= r <= r1 for r0, r1 in spans)]
            if not missing:
                continue
            letter = col_letter(col)
            added = " ".join(f"{letter}{a}" if a == b else f"{letter}{a}:{letter}{b}" for a, b in _runs(missing))
            target = mine[0]
            sqrefs[target] = f"{sqrefs[target]} {added}"
            ranges[target] = _ranges(sqrefs[target])
            sheet.set_validation_range(target, sqrefs[target])
            changes.append(Change(data.sheet, added, None, None, "validation"))
    return changes


def _restored_validation(data, key: str, col: int, sheet, package) -> list[Change]:
    """The template's dropdown or validation of a column that has none left, over its rows (a list
    whose defined name the workbook lacks cannot be restored: listed)."""
    from ..template.validation import validation

    spec = data.table.column(key)
    first = min(data.rows)
    last = max(max(data.rows), first + data.table.capacity - 1)  # as far as the template prepared rows
    where = f"{col_letter(col)}{first}:{col_letter(col)}{last}"
    rule = validation(spec, "id")
    if spec.choices and SCHEMA.list_name(spec.choices) not in package.defined_names():
        return [Change(data.sheet, where, None, None, "validation_unrestorable", applied=False)]
    sheet.add_validation(validation_element(rule, first, last, col))
    return [Change(data.sheet, where, None, None, "validation_restored")]


def validation_element(rule: dict, first: int, last: int, col: int) -> bytes:
    """The <dataValidation> element of ``rule`` (the template writer's, as xlsxwriter writes it)
    over rows ``first``..``last`` (1-based) of column ``col`` (0-based)."""
    import io
    import re
    import zipfile

    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.add_worksheet().data_validation(first - 1, col, last - 1, col, rule)
    book.close()
    xml = zipfile.ZipFile(buffer).read("xl/worksheets/sheet1.xml")
    return re.search(rb"<dataValidation\b[^>]*?(?:/>|>.*?</dataValidation>)", xml, re.S).group(0)


def repair_sheet_names(package) -> list[Change]:
    """A template sheet the workbook holds under a name that is a slip of it (``Realisasi `` with a
    space, ``realisasi``, ``Rencana_Aksi``) or a copy's (``PK (2)``: the sheet copied, the original
    deleted) gets its template name back, every reference following it. A name the office chose
    (``Realisasi 2024``) is left: the reader knows the sheet by it."""
    changes = []
    for name, actual in list(package.renamed.items()):
        if sheet_key(actual) == sheet_key(name) or re.fullmatch(rf"{re.escape(name)} ?\(\d+\)", actual.strip()):
            package.rename_back(name)
            changes.append(Change(name, "A1", actual, name, "sheet_renamed", "STR014"))
    return changes


def repair_print_areas(model, package) -> list[Change]:
    """Extend a print area that leaves filled rows out (PRN001, PRN002) down to the last filled row."""
    changes = []
    for sheet in SCHEMA.sheets:
        missed = unprinted(model, sheet) if sheet.tables and sheet.name in package.sheet_parts else None
        if missed is None:
            continue
        first, last, end = missed
        current, new = model.print_areas[sheet.name], print_area_ref(sheet, last, package.actual(sheet.name))
        package.set_print_area(sheet.name, new)
        changes.append(Change(sheet.name, a1(first, sheet.tables[0].first_col), current, new, "print_area", code_of(sheet, end)))
    return changes


def repair_version(model, findings, package) -> list[Change]:
    if model.version == SCHEMA.version:
        return []
    sheet, ref = VERSION_CELLS[-1]
    current = not any(f.code in STRUCTURE for f in findings)
    if not current:
        return [Change(sheet, ref, model.version, SCHEMA.version, "layout_differs", "STR004", applied=False)]
    changes = []
    for name, cell in VERSION_CELLS:
        if name in package.sheet_parts:
            row, col = parse_a1(cell)
            package.sheet(name).set_text(row, col, SCHEMA.version)
            changes.append(Change(name, cell, model.version, SCHEMA.version, "version", "STR004"))
    package.set_custom_property("lkjip_template_version", SCHEMA.version)
    return changes

