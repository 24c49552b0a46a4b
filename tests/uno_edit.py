"""Edit a workbook in LibreOffice itself, through its UNO bridge, as a person would: insert and
delete rows through the sheet's Rows, type values, save as xlsx.

Run by the system's python3 (the one Debian's python3-uno installs `uno` for), not the project's
virtual environment:

    /usr/bin/python3 tests/uno_edit.py IN.xlsx OUT.xlsx EDITS.json PROFILE_DIR [LOCALE]

EDITS is a JSON list of steps, rows 1-based: ["insert", sheet, row] (a new row at ``row``, the
rows from there down move one down), ["delete", sheet, row], ["delete_cells", sheet, "D7"] (Delete Cells > Shift cells left: the
row's cells after it move one column left), ["insert_col", sheet, "D"] and
["delete_col", sheet, "D"] (a column, by its letter, as Insert/Delete Columns does: the formulas
that refer to it follow or become #REF!), ["rename", sheet, new name] (as a tab is renamed: the
formulas follow), ["merge", sheet, "B5:B6"] (Merge Cells), ["set", sheet, "A5", value] (a number is typed as a
number, text as text), ["type", sheet, "A5", text] (typed into the cell through the input line, read
as Calc reads what a person types in the office's locale: numbers, dates, percents; LOCALE, id-ID
unless given, e.g. en-US for a computer set up in English, where 1,500,000 and 95.5% are numbers),
["hide_row", sheet, row] (Format > Rows > Hide), ["sort", sheet, "A5:N14", column, ascending] (Data >
Sort on the range's column, 0-based; a range of one column sorts that column alone), ["formula", sheet,
"I6", "=SUM(I7:I8)"] (a formula typed, English function names), ["fill_down", sheet, "A8:N9", n] (the
fill handle of the range's first n rows, 1 unless given, dragged to its last row: relative references
follow, a number or a code ending in a number counts on as Calc counts it), ["copy", sheet, "A7:N8",
"A12"] and ["move", sheet, "A7:N8", "A12"] (Copy or Cut, then Paste over the cells at A12: a copy's
relative references shift with it, a cut's stay on the cells they read, and formulas elsewhere follow
the cells cut), ["copy_row", sheet, src, dest] (a row copied, Insert Copied Cells at dest), ["group",
sheet, first, last] (Data > Group and Outline > Group over those rows; "collapsed" as a fifth item
hides them); what a workbook goes through between offices: ["hide_sheet",
sheet], ["delete_sheet", sheet], ["move_sheet", sheet, position], ["insert_sheet", any sheet, name, position, "A1", text],
["protect", sheet, password], ["freeze", sheet, columns, rows], ["filter", sheet, "A4:N15", column,
value] (Data > AutoFilter, only the rows holding value shown), ["values_only", sheet] (Paste Special >
Values only over the sheet), ["text_format", sheet, "I5:K9"] (Format Cells > Text before typing), ["replace", sheet, "A5:N20",
search, replacement] (Find & Replace over the range, Replace All: in typed values and in formulas),
["copy_to_new", [sheets]] (Move/Copy Sheet into a new document: what is saved is that document),
["password", text] (saved with a password to open; LibreOffice run headless here does not encrypt
an .xlsx). A private LibreOffice profile in PROFILE_DIR and a
free local port keep the run apart from any other LibreOffice; the process started here is the
one stopped here.
"""
import json
import os
import socket
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def connect(port: int):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(240):
        try:
            return resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
        except Exception:
            time.sleep(0.5)
    raise SystemExit("LibreOffice did not answer on its socket")


def _dispatch(doc, ctx, command: str, **args) -> None:
    helper = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
    frame = doc.getCurrentController().getFrame()
    helper.executeDispatch(frame, ".uno:" + command, "", 0, tuple(prop(k, v) for k, v in args.items()))


LOCALE_ITEM = ('<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">'
               '<value>{locale}</value></prop></item>')


def preset_locale(profile: str, locale: str) -> None:
    """The locale written into the profile before LibreOffice starts, as an office's computer has it
    from the start. Set through the configuration while LibreOffice runs, the number formatter
    keeps the locale it started with for the document's General format, and the file is saved with the
    format code ``ge\\ner"al"`` (General read as id-ID format letters), which an office never has."""
    path = os.path.join(os.path.abspath(profile), "user", "registrymodifications.xcu")
    item = LOCALE_ITEM.format(locale=locale)
    if os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        if item in text:
            return
        text = text.replace("</oor:items>", item + "\n</oor:items>")
    else:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        text = ('<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
                'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                + item + "\n</oor:items>\n")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


def apply(doc, steps, ctx=None):
    """The steps applied; the document to save (a new one after ``copy_to_new``)."""
    for step in steps:
        if step[0] == "password":  # ["password", text]: saved with a password to open (main)
            continue
        if step[0] == "copy_to_new":  # ["copy_to_new", [sheets]]: Move/Copy Sheet, copied to a new document
            doc = _copied_to_new(doc, step[1], ctx)
            continue
        sheets = doc.Sheets
        kind, sheet = step[0], sheets.getByName(step[1])
        if kind == "insert":
            sheet.Rows.insertByIndex(step[2] - 1, 1)
        elif kind in ("insert_col", "delete_col"):
            col = sheet.getCellRangeByName(f"{step[2]}1").CellAddress.Column
            (sheet.Columns.insertByIndex if kind == "insert_col" else sheet.Columns.removeByIndex)(col, 1)
        elif kind == "merge":
            sheet.getCellRangeByName(step[2]).merge(True)
        elif kind == "rename":
            sheet.setName(step[2])
        elif kind == "delete":
            sheet.Rows.removeByIndex(step[2] - 1, 1)
        elif kind == "delete_cells":  # ["delete_cells", sheet, "D7"]: Delete Cells > Shift cells left
            from com.sun.star.sheet.CellDeleteMode import LEFT
            sheet.removeRange(sheet.getCellRangeByName(step[2]).RangeAddress, LEFT)
        elif kind == "set":
            cell, value = sheet.getCellRangeByName(step[2]), step[3]
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                cell.setValue(value)
            else:
                cell.setString(value)
        elif kind == "sort":  # Data > Sort: ["sort", sheet, "A5:N14", column index in the range, ascending]
            from com.sun.star.table import TableSortField
            rng = sheet.getCellRangeByName(step[2])
            field = TableSortField()
            field.Field, field.IsAscending = step[3], step[4] if len(step) > 4 else True
            descriptor = rng.createSortDescriptor()
            for p in descriptor:
                if p.Name == "SortFields":
                    p.Value = uno.Any("[]com.sun.star.table.TableSortField", (field,))
                elif p.Name == "ContainsHeader":
                    p.Value = False
            rng.sort(descriptor)
        elif kind == "formula":  # ["formula", sheet, "I6", "=SUM(I7:I8)"]: a formula typed (English names)
            sheet.getCellRangeByName(step[2]).setFormula(step[3])
        elif kind == "fill_down":  # ["fill_down", sheet, "A8:N9", n]: the fill handle of the first n rows dragged down
            from com.sun.star.sheet.FillDirection import TO_BOTTOM
            sheet.getCellRangeByName(step[2]).fillAuto(TO_BOTTOM, step[3] if len(step) > 3 else 1)
        elif kind in ("copy", "move"):  # ["copy"|"move", sheet, "A7:N8", "A12"]: Copy or Cut, then Paste at A12
            source = sheet.getCellRangeByName(step[2]).RangeAddress
            dest = sheet.getCellRangeByName(step[3]).CellAddress
            (sheet.copyRange if kind == "copy" else sheet.moveRange)(dest, source)
        elif kind == "group":  # ["group", sheet, first row, last row]: Data > Group and Outline > Group (rows)
            from com.sun.star.table.TableOrientation import ROWS
            rows = sheet.getCellRangeByName(f"A{step[2]}:A{step[3]}").RangeAddress
            sheet.group(rows, ROWS)
            if len(step) > 4 and step[4] == "collapsed":
                sheet.hideDetail(rows)
        elif kind == "copy_row":  # ["copy_row", sheet, src, dest]: a row copied, Insert Copied Cells at dest
            sheet.Rows.insertByIndex(step[3] - 1, 1)
            src = step[2] + (1 if step[2] >= step[3] else 0)
            source = sheet.getCellRangeByName(f"A{src}:AZ{src}").RangeAddress
            sheet.copyRange(sheet.getCellRangeByName(f"A{step[3]}").CellAddress, source)
        elif kind == "delete_sheet":  # ["delete_sheet", sheet]: Sheet > Delete Sheet
            doc.Sheets.removeByName(step[1])
        elif kind == "hide_sheet":  # Format > Sheet > Hide
            sheet.IsVisible = False
        elif kind == "move_sheet":  # ["move_sheet", sheet, position]: the tab dragged to a place, 0-based
            sheets.moveByName(step[1], step[2])
        elif kind == "insert_sheet":  # ["insert_sheet", any sheet, new name, position, "A1", text]
            sheets.insertNewByName(step[2], step[3])
            sheets.getByName(step[2]).getCellRangeByName(step[4]).setString(step[5])
        elif kind == "protect":  # Tools > Protect Sheet, with a password
            sheet.protect(step[2] if len(step) > 2 else "")
        elif kind == "freeze":  # ["freeze", sheet, columns, rows]: View > Freeze Rows and Columns
            controller = doc.getCurrentController()
            controller.setActiveSheet(sheet)
            controller.freezeAtPosition(step[2], step[3])
        elif kind == "filter":  # ["filter", sheet, "A4:N20", column, value]: AutoFilter, rows showing value
            from com.sun.star.sheet import TableFilterField
            from com.sun.star.sheet.FilterOperator import EQUAL
            controller = doc.getCurrentController()
            controller.setActiveSheet(sheet)
            _dispatch(doc, ctx, "GoToCell", ToPoint=step[2])
            _dispatch(doc, ctx, "DataFilterAutoFilter")  # Data > AutoFilter on the selected table
            rng = sheet.getCellRangeByName(step[2])
            f = TableFilterField()
            f.Field, f.Operator, f.IsNumeric, f.StringValue = step[3], EQUAL, False, step[4]
            descriptor = rng.createFilterDescriptor(True)
            descriptor.FilterFields = (f,)
            descriptor.ContainsHeader = True
            rng.filter(descriptor)
        elif kind == "values_only":  # ["values_only", sheet]: select all, Paste Special > Values only
            rng = sheet.getCellRangeByName(step[2] if len(step) > 2 else "A1:AZ300")
            rng.setDataArray(rng.getDataArray())
        elif kind == "text_format":  # ["text_format", sheet, "I5:K20"]: Format Cells > Text (@)
            rng = sheet.getCellRangeByName(step[2])
            locale = rng.CharLocale
            key = doc.NumberFormats.queryKey("@", locale, False)
            rng.NumberFormat = key if key != -1 else doc.NumberFormats.addNew("@", locale)
        elif kind == "replace":  # ["replace", sheet, "A5:N20", search, replacement]: Find & Replace, Replace All
            descriptor = sheet.getCellRangeByName(step[2]).createReplaceDescriptor()
            descriptor.SearchString, descriptor.ReplaceString = step[3], step[4]
            sheet.getCellRangeByName(step[2]).replaceAll(descriptor)
        elif kind == "hide_row":
            sheet.Rows.getByIndex(step[2] - 1).IsVisible = False
        elif kind == "type":
            doc.getCurrentController().setActiveSheet(sheet)
            _dispatch(doc, ctx, "GoToCell", ToPoint=step[2])
            _dispatch(doc, ctx, "EnterString", StringName=step[3])
        else:
            raise SystemExit(f"unknown step {kind}")
    return doc


def _copied_to_new(doc, names, ctx):
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    new = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
    blank = new.Sheets.ElementNames
    for i, name in enumerate(names):
        new.Sheets.importSheet(doc, name, i)
    for name in blank:
        new.Sheets.removeByName(name)
    doc.close(True)
    return new


def main(src: str, out: str, edits: str, profile: str, locale: str = "id-ID") -> None:
    with open(edits, encoding="utf-8") as fh:
        steps = json.load(fh)
    typing = any(step[0] in ("type", "freeze", "filter") for step in steps)  # these need the document's frame
    if typing:
        preset_locale(profile, locale)
    port = free_port()
    office = subprocess.Popen(
        ["soffice", f"-env:UserInstallation=file://{os.path.abspath(profile)}", "--headless", "--invisible",
         "--nologo", "--norestore", "--nodefault", f"--accept=socket,host=127.0.0.1,port={port};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = connect(port)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0,
                                           (prop("Hidden", not typing),))
        doc = apply(doc, steps, ctx)
        password = [prop("Password", s[1]) for s in steps if s[0] == "password"]
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)),
                       (prop("FilterName", "Calc MS Excel 2007 XML"), *password))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:  # the bridge closes as LibreOffice quits
            pass
    finally:
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()


if __name__ == "__main__":
    main(*sys.argv[1:6])
