"""Write the workbook staff fill (empty template, or filled with data) from the schema.

Input cells are yellow, computed cells hold live formulas (blue) whose cached results are the
values ``lkjip_xl.derive`` computes, so a reader that does not recalculate still sees correct
numbers. No sheet is protected: rows can be inserted and deleted anywhere in Excel and
LibreOffice; ``check`` reports an overwritten or missing formula and ``rapikan`` restores it
(README, "The workbook"). Output is deterministic: same data, same bytes of content.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import xlsxwriter

from ..schema import SCHEMA, ColType, Form, Table
from ..schema.data import Formula, TypedOverride
from ..calc.skm import SHEET_ANSWER_TABLE
from ..schema.lists import ANSWER_SCORE_TABLE
from ..schema.refs import a1, absolute, col_letter, quote_sheet
from ..schema.types import FormulaContext
from ..schema.workbook import VERSION_CELLS
from .formats import Formats
from .layout import RowHeights, print_rows, setup_print
from .petunjuk import write_petunjuk, write_version
from .validation import list_validation, validation

FIXED_TIME = dt.datetime(2024, 1, 1)


def write_workbook(path: Path, data: dict | None = None, *, lang: str = "id", cached: dict | None = None) -> None:
    """Write the template (``data`` None) or a filled workbook.

    ``data``: {"forms": {form_key: {field: value}}, "tables": {table_key: [row dict, ...]}}.
    ``cached``: {(table_or_form_key, row_index_or_None, key): value} results of computed cells.
    """
    data = data or {}
    forms = data.get("forms", {})
    tables = data.get("tables", {})
    cached = cached or {}
    wb = xlsxwriter.Workbook(str(path), {
        "strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False,
    })
    wb.set_properties({"title": "LKjIP", "author": "lkjip-xl", "created": FIXED_TIME,
                       "comments": f"lkjip-xl template {SCHEMA.version}"})
    wb.set_custom_property("lkjip_template_version", SCHEMA.version)
    fmt = Formats(wb)
    for sheet in SCHEMA.sheets:
        if sheet.name == SCHEMA.list_sheet:
            _define_lists(wb, fmt)
            continue
        ws = wb.add_worksheet(sheet.name)
        if sheet.name == "Petunjuk":
            ws.hide_gridlines(2)
            write_petunjuk(ws, fmt, lang)
            setup_print(ws, sheet, sheet.title.get(lang), None)
            continue
        ws.write_string(0, 0, sheet.title.get(lang), fmt.title)
        heights = RowHeights()
        widths = _column_widths(ws, sheet)
        for form in sheet.forms:
            _write_form(wb, ws, fmt, form, forms.get(form.key, {}), cached, lang, widths, heights)
        filled = {}
        for table in sheet.tables:
            rows = tables.get(table.key)
            if rows is None:
                rows = _default_rows(table)
            filled[table.key] = len(rows)
            _write_table(ws, fmt, table, rows, cached, lang, heights)
        heights.apply(ws)
        if sheet.freeze_row:
            ws.freeze_panes(sheet.freeze_row - 1, 0)
        setup_print(ws, sheet, sheet.title.get(lang), print_rows(sheet, filled))
    wb.get_worksheet_by_name("Petunjuk").activate()
    wb.close()


def _default_rows(table: Table) -> list[dict]:
    if table.key == "skala":
        from ..settings import default_skala_rows

        return default_skala_rows()
    return [dict(r) for r in table.fixed_rows]


def _column_widths(ws, sheet) -> dict[int, float]:
    """Set the sheet's column widths (its tables', else its forms') and return them."""
    widths: dict[int, float] = {}
    for table in sheet.tables:
        for j, col in enumerate(table.columns):
            widths[table.first_col + j] = col.width
    if not sheet.tables:  # a sheet of forms only (Identitas): label, value, help
        for form in sheet.forms:
            widths.update({form.label_col: 34, form.value_col: 28, form.value_col + 1: 60})
    for c, width in widths.items():
        ws.set_column(c, c, width)
    return widths


def _define_lists(wb, fmt: Formats) -> None:
    ws = wb.add_worksheet(SCHEMA.list_sheet)
    ws.write_string(0, 0, "lkjip-xl")
    write_version(ws, SCHEMA.list_sheet)
    sheet_ref = quote_sheet(SCHEMA.list_sheet)
    for i, (key, choices) in enumerate(SCHEMA.lists.items()):
        col = i + 2
        ws.write_string(1, col, key, fmt.header)
        for r, choice in enumerate(choices):
            ws.write(r + 2, col, choice.value)
        letter = col_letter(col)
        wb.define_name(SCHEMA.list_name(key), f"={sheet_ref}!${letter}$3:${letter}${len(choices) + 2}")
    # the SKM answers typed as text and their score, the unsur names and their code, the labels and
    # their score, for the score formula (derivations.answer_score)
    col = len(SCHEMA.lists) + 3
    ws.write_string(1, col, ANSWER_SCORE_TABLE, fmt.header)
    for r, (text, value) in enumerate(SHEET_ANSWER_TABLE.items()):
        ws.write_string(r + 2, col, text)
        ws.write(r + 2, col + 1, value)
    first, last = col_letter(col), col_letter(col + 1)
    wb.define_name(ANSWER_SCORE_TABLE, f"={sheet_ref}!${first}$3:${last}${len(SHEET_ANSWER_TABLE) + 2}")
    sheet, ref = VERSION_CELLS[0]
    wb.define_name("lkjip_versi", f"={quote_sheet(sheet)}!{absolute(ref)}")
    ws.hide()


def _write_value(ws, row0: int, col: int, value, ctype: ColType, cell_fmt) -> None:
    if isinstance(value, Formula):
        ws.write_formula(row0, col, value.formula, cell_fmt, cached_number(value.value, ctype))
    elif value is None or value == "":
        ws.write_blank(row0, col, None, cell_fmt)
    elif isinstance(value, bool):
        ws.write_boolean(row0, col, value, cell_fmt)
    elif isinstance(value, (int, float, Decimal)):
        number = float(value)
        if ctype == ColType.PERCENT:
            number = float(Decimal(str(value)) / 100)
        ws.write_number(row0, col, number, cell_fmt)
    elif isinstance(value, (dt.date, dt.datetime)):
        ws.write_datetime(row0, col, value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month, value.day), cell_fmt)
    else:
        ws.write_string(row0, col, str(value), cell_fmt)


def cached_number(value, ctype: ColType):
    """What Excel stores as a formula's result: percent columns hold fractions."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if ctype == ColType.PERCENT:
        return float(Decimal(str(value)) / 100)
    return float(value)


def _write_form(wb, ws, fmt: Formats, form: Form, values: dict, cached: dict, lang: str,
                widths: dict[int, float], heights: RowHeights) -> None:
    lc, vc = form.label_col, form.value_col
    if form.title != SCHEMA.sheet(form.sheet).title:  # not twice under the sheet's own title
        ws.write_string(form.first_row - 2, lc, form.title.get(lang), fmt.subtitle)
    label_width = sum(widths.get(c, 8.43) for c in range(lc, vc))
    help_col = None if SCHEMA.sheet(form.sheet).tables else vc + form.value_span
    for i, f in enumerate(form.fields):
        r = form.first_row + i
        label = f.label.get(lang) + (" *" if f.required else "")
        _spanned(ws, r - 1, lc, form.label_span, label, fmt.label)
        heights.add(r - 1, label, label_width, bold=True)
        if f.formula and not _is_typed_override(values.get(f.key)):
            ctx = FormulaContext(row=r, index=i, refs=lambda k: a1(form.row_of(k), vc), column_range=None)
            value = cached.get((form.key, None, f.key))
            cell_fmt = fmt.formula(f.display_format)
            _spanned(ws, r - 1, vc, form.value_span, None, cell_fmt)
            ws.write_formula(r - 1, vc, f.formula(ctx), cell_fmt, cached_number(value, f.type))
        else:
            value = values.get(f.key, f.default)
            if _is_typed_override(value):
                value = value.value  # a typed constant over the formula
            cell_format = f.display_format
            if isinstance(value, (dt.date, dt.datetime)) and f.type != ColType.DATE:
                cell_format = "dd/mm/yyyy"  # as Excel does when a date is typed anywhere
            _spanned(ws, r - 1, vc, form.value_span, None, fmt.input(cell_format))
            _write_value(ws, r - 1, vc, value, f.type, fmt.input(cell_format))
            if f.choices:
                ws.data_validation(r - 1, vc, r - 1, vc, list_validation(f.choices, f.label, f.help, lang))
        if help_col is not None:
            ws.write_string(r - 1, help_col, f.help.get(lang), fmt.help)
            heights.add(r - 1, f.help.get(lang), widths.get(help_col, 8.43))
        if f.name:
            wb.define_name(f.name, f"={quote_sheet(form.sheet)}!${col_letter(vc)}${r}")


def _spanned(ws, row0: int, col: int, span: int, text: str | None, cell_fmt) -> None:
    """A label or value over ``span`` columns (merged when more than one)."""
    if span > 1:
        ws.merge_range(row0, col, row0, col + span - 1, text or "", cell_fmt)
    elif text is not None:
        ws.write_string(row0, col, text, cell_fmt)


def _write_table(ws, fmt: Formats, table: Table, rows: list[dict], cached: dict, lang: str,
                 heights: RowHeights) -> None:
    hr0 = table.header_row - 1
    ws.write_string(hr0 - 1, table.first_col, table.title.get(lang), fmt.subtitle)
    for j, col in enumerate(table.columns):
        c = table.first_col + j
        header = col.header.get(lang) + (" *" if col.required else "")
        ws.write_string(hr0, c, header, fmt.header_formula if col.computed else fmt.header)
        heights.add(hr0, header, col.width, bold=True)
        ws.write_comment(hr0, c, col.help.get(lang), {"x_scale": 2, "y_scale": 1.2, "author": "lkjip-xl"})
    wrapped = [(j, col) for j, col in enumerate(table.columns) if col.display_format == "@"]
    n = max(table.capacity, len(rows))
    letters = {col.key: col_letter(table.first_col + j) for j, col in enumerate(table.columns)}
    for i in range(n):
        r = table.first_row + i
        row = rows[i] if i < len(rows) else {}
        ctx = FormulaContext(row=r, index=i, refs=lambda k, r=r: f"{letters[k]}{r}", column_range=None)
        for j, col in enumerate(table.columns):
            c = table.first_col + j
            if col.computed and not (col.key in row and _is_typed_override(row[col.key])):
                value = cached.get((table.key, i, col.key))
                ws.write_formula(r - 1, c, col.formula(ctx), fmt.formula(col.display_format), cached_number(value, col.type))
            else:
                value = row.get(col.key)
                if col.computed and not isinstance(value, Formula):
                    value = value.value  # a typed constant over a formula (samples keep report mistakes)
                cell_format = col.display_format
                if isinstance(value, (dt.date, dt.datetime)) and col.type != ColType.DATE:
                    cell_format = "dd/mm/yyyy"  # as Excel does when a date is typed anywhere
                align = "right" if col.target_range or col.grade_letter else None
                _write_value(ws, r - 1, c, value, col.type, fmt.input(cell_format, align))
        for j, col in wrapped:
            heights.add(r - 1, row.get(col.key), col.width)
    last = table.first_row + n - 1
    for j, col in enumerate(table.columns):
        if col.computed:
            continue
        c = table.first_col + j
        ws.data_validation(table.first_row - 1, c, last - 1, c, validation(col, lang))


def _is_typed_override(value) -> bool:
    return isinstance(value, TypedOverride)
