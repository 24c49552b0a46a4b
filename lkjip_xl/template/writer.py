"""Write the workbook staff fill (empty template, or filled with data) from the schema.

Input cells are unlocked and yellow, computed cells hold live formulas (locked, blue) whose cached
results are the values ``lkjip_xl.derived`` computes, so a reader that does not recalculate still
sees correct numbers. Output is deterministic: same data, same bytes of content.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import xlsxwriter

from ..schema import SCHEMA, ColType, Form, Table
from ..schema.data import Formula, TypedOverride
from ..schema.lists import LENIENT_LISTS
from ..schema.refs import a1, absolute, col_letter, quote_sheet
from ..schema.types import FormulaContext
from ..schema.workbook import VERSION_CELLS
from .formats import Formats
from .petunjuk import write_petunjuk, write_version

FIXED_TIME = dt.datetime(2024, 1, 1)
PROTECT_OPTIONS = {
    "select_locked_cells": True, "select_unlocked_cells": True, "format_columns": True,
    "format_rows": True, "insert_rows": True, "delete_rows": True, "sort": True, "autofilter": True,
}


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
            continue
        ws.write_string(0, 0, sheet.title.get(lang), fmt.title)
        for form in sheet.forms:
            _write_form(wb, ws, fmt, form, forms.get(form.key, {}), cached, lang)
        for table in sheet.tables:
            rows = tables.get(table.key)
            if rows is None:
                rows = _default_rows(table)
            _write_table(ws, fmt, table, rows, cached, lang)
        if sheet.freeze_row:
            ws.freeze_panes(sheet.freeze_row - 1, 0)
        _print_setup(ws, sheet, lang)
        ws.protect("", PROTECT_OPTIONS)
    wb.get_worksheet_by_name("Petunjuk").activate()
    wb.close()


def _default_rows(table: Table) -> list[dict]:
    if table.key == "skala":
        from ..settings import default_skala_rows

        return default_skala_rows()
    return [dict(r) for r in table.fixed_rows]


def _define_lists(wb, fmt: Formats) -> None:
    ws = wb.add_worksheet(SCHEMA.list_sheet)
    ws.write_string(0, 0, "lkjip-xl")
    write_version(ws, SCHEMA.list_sheet)
    for i, (key, choices) in enumerate(SCHEMA.lists.items()):
        col = i + 2
        ws.write_string(1, col, key, fmt.header)
        for r, choice in enumerate(choices):
            ws.write_string(r + 2, col, choice.value)
        letter = col_letter(col)
        wb.define_name(SCHEMA.list_name(key), f"={quote_sheet(SCHEMA.list_sheet)}!${letter}$3:${letter}${len(choices) + 2}")
    sheet, ref = VERSION_CELLS[0]
    wb.define_name("lkjip_versi", f"={quote_sheet(sheet)}!{absolute(ref)}")
    ws.hide()


def _write_value(ws, row0: int, col: int, value, ctype: ColType, cell_fmt) -> None:
    if isinstance(value, Formula):
        ws.write_formula(row0, col, value.formula, cell_fmt, _cached_number(value.value, ctype))
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


def _cached_number(value, ctype: ColType):
    """What Excel stores as a formula's result: percent columns hold fractions."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if ctype == ColType.PERCENT:
        return float(Decimal(str(value)) / 100)
    return float(value)


def _write_form(wb, ws, fmt: Formats, form: Form, values: dict, cached: dict, lang: str) -> None:
    lc, vc = form.label_col, form.value_col
    if form.title != SCHEMA.sheet(form.sheet).title:  # not twice under the sheet's own title
        ws.write_string(form.first_row - 2, lc, form.title.get(lang), fmt.subtitle)
    ws.set_column(lc, lc, 34)
    ws.set_column(vc, vc, 28)
    if form.sheet == "Identitas":
        ws.set_column(vc + 1, vc + 1, 60)
    for i, f in enumerate(form.fields):
        r = form.first_row + i
        ws.write_string(r - 1, lc, f.label.get(lang) + (" *" if f.required else ""), fmt.label)
        if f.formula and not _is_typed_override(values.get(f.key)):
            ctx = FormulaContext(row=r, index=i, refs=lambda k: a1(form.row_of(k), vc), column_range=None)
            value = cached.get((form.key, None, f.key))
            ws.write_formula(r - 1, vc, f.formula(ctx), fmt.formula(f.display_format), _cached_number(value, f.type))
        else:
            value = values.get(f.key, f.default)
            if _is_typed_override(value):
                value = value.value  # a typed constant over the formula
            cell_format = f.display_format
            if isinstance(value, (dt.date, dt.datetime)) and f.type != ColType.DATE:
                cell_format = "dd/mm/yyyy"  # as Excel does when a date is typed anywhere
            _write_value(ws, r - 1, vc, value, f.type, fmt.input(cell_format))
            if f.choices:
                ws.data_validation(r - 1, vc, r - 1, vc, {
                    "validate": "list", "source": f"={SCHEMA.list_name(f.choices)}",
                    "input_title": f.label.get(lang)[:32], "input_message": f.help.get(lang)[:255],
                })
        if form.sheet == "Identitas":
            ws.write_string(r - 1, vc + 1, f.help.get(lang), fmt.help)
        if f.name:
            wb.define_name(f.name, f"={quote_sheet(form.sheet)}!${col_letter(vc)}${r}")


def _write_table(ws, fmt: Formats, table: Table, rows: list[dict], cached: dict, lang: str) -> None:
    hr0 = table.header_row - 1
    ws.write_string(hr0 - 1, table.first_col, table.title.get(lang), fmt.subtitle)
    for j, col in enumerate(table.columns):
        c = table.first_col + j
        ws.set_column(c, c, col.width)
        header = col.header.get(lang) + (" *" if col.required else "")
        ws.write_string(hr0, c, header, fmt.header_formula if col.computed else fmt.header)
        ws.write_comment(hr0, c, col.help.get(lang), {"x_scale": 2, "y_scale": 1.2, "author": "lkjip-xl"})
    ws.set_row(hr0, 45)
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
                ws.write_formula(r - 1, c, col.formula(ctx), fmt.formula(col.display_format), _cached_number(value, col.type))
            else:
                value = row.get(col.key)
                if col.computed and not isinstance(value, Formula):
                    value = value.value  # a typed constant over a formula (samples keep report mistakes)
                cell_format = col.display_format
                if isinstance(value, (dt.date, dt.datetime)) and col.type != ColType.DATE:
                    cell_format = "dd/mm/yyyy"  # as Excel does when a date is typed anywhere
                _write_value(ws, r - 1, c, value, col.type, fmt.input(cell_format))
    last = table.first_row + n - 1
    for j, col in enumerate(table.columns):
        if col.computed:
            continue
        c = table.first_col + j
        options = _validation(col, lang)
        if options:
            ws.data_validation(table.first_row - 1, c, last - 1, c, options)


def _is_typed_override(value) -> bool:
    return isinstance(value, TypedOverride)


def _validation(col, lang: str) -> dict | None:
    msg = {"input_title": col.header.get(lang)[:32], "input_message": col.help.get(lang)[:255]}
    if col.choices:
        lenient = col.choices in LENIENT_LISTS
        return {"validate": "list", "source": f"={SCHEMA.list_name(col.choices)}",
                "error_type": "warning" if lenient else "stop", **msg}
    if col.type in (ColType.MONEY, ColType.DECIMAL, ColType.INTEGER) and col.min_value is not None:
        rule = {"validate": "integer" if col.type == ColType.INTEGER else "decimal", "error_type": "warning"}
        if col.max_value is not None:
            rule.update(criteria="between", minimum=col.min_value, maximum=col.max_value)
        else:
            rule.update(criteria=">=", value=col.min_value)
        return {**rule, **msg}
    return {"validate": "any", **msg}


def _print_setup(ws, sheet, lang: str) -> None:
    ws.set_paper(9)
    if sheet.landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    if sheet.tables:
        hr = sheet.tables[0].header_row
        ws.repeat_rows(hr - 1)
    ws.set_footer("&L" + sheet.title.get(lang) + "&R&P / &N")
