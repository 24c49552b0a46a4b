"""Read a filled workbook: values with python-calamine, formula cells, error values and percent
formats with a light XML pass, everything located through the schema. Returns the typed model and
the findings met on the way (structure and value problems); it raises only when the file cannot
be read at all."""
from __future__ import annotations

import operator
from decimal import Decimal
from itertools import compress, repeat
from operator import itemgetter
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from ..calc.budget import is_total_row
from ..calc.distinct import map_distinct
from ..errors import UnreadableWorkbook, damaged
from ..findings import Finding
from ..i18n import Text
from ..schema import SCHEMA, ColType, Table
from ..schema.lists import LENIENT_LISTS, aliases as list_aliases
from ..schema.refs import a1, parse_a1
from ..schema.workbook import VERSION_CELLS
from .cells import allowed, at, normalise_header, placed, unusable_value
from .container import open_container
from .external_links import external_files
from .forms import beside_forms, read_form, template_version, version_finding
from .grid import BuiltSheet, grid_builder, read_grid
from .model import Flags, TableData, WorkbookModel
from .notes import trailing_notes
from .own_files import REFUSALS, own_mark
from .print_areas import print_areas
from .styles import read_styles
from .values import convert, make_converter, targets_first
from .xmlscan import SheetScan, WholeSheetNeeded, bad_dates, element_prefix, scan_sheet, scan_stretches

DATA_SHEETS = tuple(s.name for s in SCHEMA.sheets if (s.tables or s.forms))
RAW_KEEP_LISTS = frozenset({"jawaban"})  # SKM answers: the SKM module reads them itself


def read_workbook(path: Path) -> tuple[WorkbookModel, list[Finding]]:
    container = open_container(Path(path), scan_sheets=False)  # read_part bounds each sheet read
    try:
        mark = own_mark(container.zip)
        if mark is not None:  # lkjip-xl's own tables or rekap (their sheets may bear a workbook's names)
            raise UnreadableWorkbook(REFUSALS[mark], path=str(path))
        container.adopt_renamed()
        present = [name for name in DATA_SHEETS if name in container.sheet_parts]
        if len(present) < 3:
            missing = ", ".join(n for n in DATA_SHEETS if n not in container.sheet_parts)
            raise UnreadableWorkbook("not_lkjip", path=str(path), detail=missing)
        try:
            book = CalamineWorkbook.from_path(str(path))
        except Exception as exc:  # calamine raises its own error types for damaged files
            raise UnreadableWorkbook("unreadable", path=str(path), detail=damaged(exc)) from None
        findings: list[Finding] = []
        model = WorkbookModel(Path(path), None, list(container.sheet_parts), renamed=dict(container.renamed))
        for name, actual in container.renamed.items():
            findings.append(Finding("STR014", name, "A1", expected=name, found=actual))
        if container.styles_part:
            model.styles = read_styles(container.read_part(container.styles_part))
        model.print_areas = print_areas(container)
        model.external_files = external_files(container)
        # largest sheet first: its grid is built while the next sheets' XML is scanned
        names = sorted((n for n in DATA_SHEETS if n in container.sheet_parts),
                       key=lambda n: -container.part_size(container.sheet_parts[n]))
        for name in DATA_SHEETS:
            if name not in container.sheet_parts and not SCHEMA.sheet(name).optional:
                findings.append(Finding("STR001", name, "A1",
                                        params={"name": name, "others": _other_sheets(container.sheet_states)}))
        # python-calamine builds a sheet's grid without holding the GIL: in a worker thread, while
        # this thread scans the sheet's XML for formulas and reads the tables of the sheet built
        # before. A sheet's XML is bounded by read_part, and its impossible dates found, before
        # python-calamine may touch the sheet; the largest sheet comes first (so its grid, the
        # longest to build, is built while the other sheets are scanned). At most two grids are
        # held (one being read, one being built); a sheet's XML is let go of once scanned.
        def grid_of(name: str, bad: dict, xml: bytes | None) -> BuiltSheet:
            return read_grid(book, Path(path), container.actual(name), container.sheet_parts[name], bad, xml)

        with grid_builder() as pool:
            building = None  # (sheet, the future of its grid)
            for name in [*names, None]:
                scanned = None
                if name is not None:
                    model.scans[name], future = _scan(container, name, model.styles,
                                                      lambda bad, xml, name=name: pool.submit(grid_of, name, bad, xml))
                    scanned = (name, future)
                if building is not None:
                    done, future = building
                    grid = future.result().rows()
                    _read_sheet(SCHEMA.sheet(done), grid, model.scans[done], model, findings)
                    _merged_in_tables(SCHEMA.sheet(done), grid.merged, model, findings)
                    del grid, future
                building = scanned
        for name in {sheet for sheet, _ in VERSION_CELLS}:  # read by calamine for the version: bound them too
            if name in container.sheet_parts:
                container.read_part(container.sheet_parts[name])
        _schema_order(model)
        model.version = template_version(book, container)
        if model.version != SCHEMA.version:
            findings.append(version_finding(model, container))
        return model, findings
    finally:
        container.close()


def _scan(container, name: str, styles, build) -> tuple[SheetScan, Any]:
    """The sheet's scan, and its grid being built (``build(bad dates, the XML when there are some)``
    is called once the sheet is bounded and its impossible dates known, before the scan).
    A large sheet is read a stretch of rows at a time, twice (bounds and dates; then the scan,
    while its grid is built) rather than held whole: its XML alone is 147 MB for 100.000
    respondents. A sheet whose stretches cannot be read apart, or that holds impossible dates
    (the grid is then built from a mended copy of the XML), is read whole."""
    member = container.sheet_parts[name]
    future = None
    if container.is_large(member):
        try:
            bad, prefix = {}, None
            for stretch in container.fragments(member):
                prefix = element_prefix(stretch) if prefix is None else prefix
                bad.update(bad_dates(stretch, styles, prefix=prefix, local=True))
            if not bad:
                future = build(bad, None)
                scan = scan_stretches(container.fragments(member, vet=False), styles)
                scan.bad_dates = bad
                return scan, future
        except WholeSheetNeeded:
            pass
    xml = container.read_part(member)
    bad = bad_dates(xml, styles)
    if future is None:
        future = build(bad, xml if bad else None)  # the XML only to mend
    scan = scan_sheet(xml, styles)
    scan.bad_dates = bad
    return scan, future


def _other_sheets(sheets) -> Text | str:
    """STR001's and STR017's hint: the workbook's sheets that are none of the template's (a sheet
    renamed beyond recognition is likely among them)."""
    names = ", ".join(f"'{n}'" for n in sheets if n not in {s.name for s in SCHEMA.sheets})
    if not names:
        return ""
    return Text(f" (sheet lain di buku kerja ini: {names})", f" (other sheets in this workbook: {names})")


def _schema_order(model: WorkbookModel) -> None:
    """The model's sheets, forms and tables in the schema's order, whatever order they were read in."""
    order = {name: i for i, name in enumerate(DATA_SHEETS)}
    model.scans = dict(sorted(model.scans.items(), key=lambda item: order[item[0]]))
    for attr in ("forms", "tables"):
        items = getattr(model, attr)
        setattr(model, attr, dict(sorted(items.items(), key=lambda item: order[item[1].sheet])))


def _read_sheet(sheet, grid, scan: SheetScan, model: WorkbookModel, findings: list[Finding]) -> None:
    for form in sheet.forms:
        model.forms[form.key] = read_form(form, grid, scan, findings)
    for table in sheet.tables:
        data = _read_table(table, grid, scan, findings)
        if data is None:  # none of its headers: the sheet holds something else
            findings.append(Finding("STR017", table.sheet, a1(table.header_row, table.first_col), params={
                "name": table.title, "row": table.header_row, "others": _other_sheets(model.sheets)}))
        else:
            model.tables[table.key] = data
    _outside_columns(sheet, grid, model, findings, beside_forms(sheet, grid, model, findings))


def _merged_in_tables(sheet, merged: list, model: WorkbookModel, findings: list[Finding]) -> None:
    """Merged cells inside a table's data: only the top-left cell holds a value, the others read blank.
    (A form below a fixed-size table, as on SKM Hasil, may merge its cells.) A cell merged down a
    column whose blank means "as the row above" (a PK's Sasaran over its indicators) reads as meant."""
    for (r0, c0), (r1, c1) in merged:
        for table in sheet.tables:
            data = model.tables.get(table.key)
            cols = set(data.cols.values()) if data is not None else set()
            below = table.max_rows is not None and r0 + 1 >= table.first_row + table.max_rows
            down = data is not None and c0 == c1 and any(
                pos == c0 and table.column(key).blank_is_above for key, pos in data.cols.items())
            if r1 + 1 >= table.first_row and not below and not down and any(c0 <= c <= c1 for c in cols):
                span = f"{a1(r0 + 1, c0)}:{a1(r1 + 1, c1)}"
                findings.append(Finding("STR007", sheet.name, a1(r0 + 1, c0), found=span))
                break


def _outside_columns(sheet, grid, model: WorkbookModel, findings: list[Finding], said: set) -> None:
    """Values typed in a column that belongs to no table or form are not used: say so, once per
    column, at the first such cell (a note in the margin, a total typed beside the table), unless
    said already beside a form (``said``)."""
    if not sheet.tables:
        return
    covered: set[int] = set()
    for table in sheet.tables:
        covered.update(range(table.first_col, table.first_col + len(table.columns)))
        data = model.tables.get(table.key)
        if data is not None:
            covered.update(data.cols.values())
    for form in sheet.forms:
        covered.update(range(form.label_col, form.value_col + form.value_span + 1))
    first = min(t.header_row for t in sheet.tables)
    reported: set[int] = set()
    for start, lines in grid.blocks(first, len(grid)):
        width = max(map(len, lines), default=0)
        loose = [c for c in range(width) if c not in covered and c not in reported]
        for j, line in enumerate(lines if loose else ()):
            for c in loose:
                if c not in reported and c < len(line) and line[c] not in ("", None):
                    if (start + j, c) not in said:
                        findings.append(Finding("STR005", sheet.name, a1(start + j, c), found=line[c],
                                                params={"beside": ""}))
                    reported.add(c)
            if reported.issuperset(loose):
                break


# ------------------------------------------------------------------------------------ tables
def _locate_columns(table: Table, grid, findings: list[Finding]) -> dict[str, int] | None:
    hr = table.header_row
    wanted = {}
    for c in table.columns:
        for label in (c.header.id, c.header.en, *c.aliases):
            wanted.setdefault(normalise_header(label), c.key)
    # the table's region: its own width, then on to the first empty header cell
    start = table.first_col
    line = grid[hr - 1] if hr - 1 < len(grid) else []
    while start < table.first_col + 3 and normalise_header(at(grid, hr, start)) == "":
        start += 1
    cols: dict[str, int] = {}
    unknown: list[int] = []
    c = start
    end = table.first_col + len(table.columns)  # a blank header inside the table does not end it
    while c < len(line) and (c < end or normalise_header(line[c]) != ""):
        if normalise_header(line[c]) == "":
            c += 1
            continue
        key = wanted.get(normalise_header(line[c]))
        if key and key not in cols:
            cols[key] = c
        else:
            unknown.append(c)
        c += 1
    if not cols and not unknown:
        return None
    for j, col in enumerate(table.columns):
        if col.key in cols:
            continue
        pos = table.first_col + j
        found = at(grid, hr, pos)
        if pos in unknown:  # renamed header at its usual place: keep it, say so
            cols[col.key] = pos
            unknown.remove(pos)
            findings.append(Finding("STR003", table.sheet, a1(hr, pos), expected=col.header.id, found=str(found)))
        elif not col.added_later:  # deleted, or never there: a column the table can do without reads as empty
            findings.append(Finding("STR013" if table.may_be_absent(col.key) else "STR002", table.sheet,
                                    a1(hr, pos), expected=col.header.id, params={"name": col.header}))
    for pos in unknown:
        findings.append(Finding("STR006", table.sheet, a1(hr, pos), found=str(at(grid, hr, pos))))
    return cols


def _read_table(table: Table, grid, scan: SheetScan, findings: list[Finding]) -> TableData | None:
    cols = _locate_columns(table, grid, findings)
    if cols is None:
        return None
    data = TableData(table, table.header_row, cols, scan=scan)
    input_pos = [cols[c.key] for c in table.columns if c.key in cols and not c.computed]
    numbering_pos = {cols[c.key] for c in table.columns if c.key in cols and c.numbering}
    need_pos = [cols[k] for k in table.row_needs if k in cols]
    without_needs: list[int] = []  # sheet rows filled, but none of the cells a row needs
    by_column = scan.by_column()
    errors = scan.errors
    plan = []  # per present column: what to do with each of its cells, decided once
    for c in table.columns:
        if c.key not in cols:
            continue
        pos = cols[c.key]
        data.values[c.key], data.has_formula[c.key] = [], Flags()
        keep_raw = c.choices in RAW_KEEP_LISTS
        ranged = c.type != ColType.MONEY and (c.min_value is not None or c.max_value is not None)
        conv = make_converter(c.type, allowed(c.choices), list_aliases(c.choices), c.unit_words)
        conv = targets_first(conv, c.target_range, c.grade_letter) if c.target_range or c.grade_letter else conv
        plan.append((c, pos, conv, keep_raw, ranged, by_column.computed_rows(pos), data.values[c.key],
                     data.has_formula[c.key]))
    last = len(grid) if table.max_rows is None else min(len(grid), table.first_row + table.max_rows - 1)
    error_rows = {r for r, _ in errors}
    unusable_rows = error_rows | {r for r, _ in scan.bad_dates}
    rows = data.rows
    said: list[list[Finding]] = [[] for _ in plan]  # each column's findings, in the order of its rows
    read_as: list[dict[int, str]] = [{} for _ in plan]
    # read again knowing the cell's format and whether a formula gave it (rare cells): a
    # percent-formatted cell of a points column, a percent above 1000 %
    again_of = [by_column.percent_rows(pos) if c.type == ColType.DECIMAL else () for c, pos, *_ in plan]
    for start, block in grid.blocks(table.first_row, last):  # a long sheet a block of rows at a time
        if table.max_rows is None:  # an empty row (formulas alone do not make a row) is no row
            filled = _filled_rows(block, input_pos, numbering_pos)
            for r in error_rows:  # a row whose input holds an error value is a row
                if start <= r < start + len(block) and any((r, p) in errors for p in input_pos):
                    filled[r - start] = True
            if need_pos:  # a row of other data (a profile, not a note alone in No) without what it needs
                needs = _filled_rows(block, need_pos, set())
                data_cells = _filled_rows(block, [p for p in input_pos if p not in need_pos and p not in numbering_pos],
                                          set())
                for k, (f, n, d) in enumerate(zip(filled, needs, data_cells)):
                    r = start + k
                    if f and d and not n and not any((r, p) in errors for p in need_pos):
                        filled[k] = False
                        without_needs.append(r)
            here, lines = list(compress(range(start, start + len(block)), filled)), list(compress(block, filled))
        else:
            here, lines = list(range(start, start + len(block))), block
        del block
        base = len(rows)
        rows.extend(here)
        shortest = min(map(len, lines), default=0)
        # column by column: list comprehensions and maps over a column are several times faster
        # than a Python loop over every cell of every row
        for k, (c, pos, conv, keep_raw, ranged, f_rows, out, has_out) in enumerate(plan):
            if pos < shortest:
                raws = list(map(itemgetter(pos), lines))
            else:
                raws = [line[pos] if pos < len(line) else "" for line in lines]
            has_out.extend(map(f_rows.__contains__, here))
            if keep_raw:  # one object per distinct value: not 100.000 equal floats held by the model
                out.extend(map_distinct(_blank_none, raws))
                continue
            converted = map_distinct(conv, raws)  # a column repeats its values: each read once
            out.extend(map(itemgetter(0), converted))
            again, n = again_of[k], len(converted)
            clean = (not ranged and not again and list(map(itemgetter(1), converted)).count(None) == n
                     and list(map(itemgetter(2), converted)).count(None) == n)
            for j, (value, issue, how) in enumerate(() if clean else converted):  # clean: nothing to say
                i, r = base + j, here[j]
                if ((again and r in again) or (issue is not None and issue.code == "VAL003")) \
                        and not isinstance(value, str):  # a range or a letter a target column reads as one
                    value, issue, how = convert(raws[j], c.type, formula=has_out[i], unit_words=c.unit_words,
                                                percent_format=scan.number_format(r, pos) is not None)
                    out[i] = value
                if how is not None:
                    read_as[k][i] = how
                if issue is not None and not (c.computed and has_out[i]) and (r, pos) not in scan.bad_dates:
                    said[k].append(placed(issue, table.sheet, a1(r, pos), c, c.choices))  # a bad date: VAL016 below
                elif ranged and value is not None and _out_of_range(c, value):
                    said[k].append(Finding("VAL012", table.sheet, a1(r, pos), expected=_range_text(c), found=value))
    if without_needs:
        needs = f"{table.column(table.row_needs[0]).header.id}–{table.column(table.row_needs[-1]).header.id}"
        findings.append(Finding("STR016", table.sheet, a1(without_needs[0], need_pos[0]),
                                params={"count": len(without_needs), "needs": needs, "rows": row_spans(without_needs)}))
    if table.max_rows is None:
        findings += _drop_notes(table, data, plan, said, read_as)
    for k, (c, pos, *_, out, _has) in enumerate(plan):
        findings.extend(_once_per_word(said[k]) if c.choices in LENIENT_LISTS else said[k])
        if unusable_rows:
            for i, r in enumerate(rows):
                if r in unusable_rows and (unusable := unusable_value(scan, (r, pos), table.sheet, a1(r, pos))):
                    finding, out[i], how = unusable
                    findings.append(finding)
                    if how:
                        read_as[k][i] = how
        if read_as[k]:
            data.read_as[c.key] = read_as[k]
    _required(table, data, findings)
    _outside(table, grid, data, findings)
    return data


NOT_READ = frozenset({"VAL002", "VAL007", "VAL013", "VAL014"})  # a cell's text not read in its column's type


def _drop_notes(table: Table, data: TableData, plan: list, said: list[list[Finding]],
                read_as: list[dict[int, str]]) -> list[Finding]:
    """The table's last rows that are notes typed under it (``reader/notes.py``) taken out of it,
    with what was said about their cells; one STR015 for each."""
    rows = data.rows
    typed = [(k, p[1], p[-2]) for k, p in enumerate(plan) if not p[0].computed]
    cells = {}  # (row, column) -> the text that could not be read in that column's type
    for k, pos, _ in typed:
        cells.update({parse_a1(f.cell): f.found for f in said[k] if f.code in NOT_READ})

    def held(i: int) -> list:
        r = rows[i]
        return [cells[(r, pos)] if (r, pos) in cells else values[i] for _, pos, values in typed
                if (r, pos) in cells or values[i] is not None]

    notes = trailing_notes(len(rows), held)
    if not notes:
        return []
    out = []
    for i in reversed(notes):
        r = rows.pop(i)
        data.notes.insert(0, r)
        (pos, text), = [(pos, cells.get((r, pos), values[i])) for _, pos, values in typed
                        if (r, pos) in cells or values[i] is not None]
        out.append(Finding("STR015", table.sheet, a1(r, pos), found=text))
        for k, (*_, values, formulas) in enumerate(plan):
            del values[i], formulas[i]
            read_as[k].pop(i, None)
            said[k] = [f for f in said[k] if parse_a1(f.cell)[0] != r]
    return out[::-1]


def _once_per_word(findings: list[Finding]) -> list[Finding]:
    """A column of a list staff may extend (pendidikan, pekerjaan, satuan): a word of the office's
    own outside the list is said once, at its first cell, with how many other cells hold it (an
    SKM export pasted in holds 'S1' in hundreds of rows)."""
    first: dict[Any, Finding] = {}
    repeats: dict[Any, int] = {}
    out = []
    for f in findings:
        if f.code != "VAL007":
            out.append(f)
        elif f.found in first:
            repeats[f.found] += 1
        else:
            first[f.found], repeats[f.found] = f, 0
            out.append(f)
    for word, n in repeats.items():
        if n:
            first[word].params["repeats"] = n
    return out


def _blank_none(value: Any) -> Any:
    return None if value == "" else value


def _holds(line: list[Any], pos: int) -> bool:
    v = line[pos] if pos < len(line) else ""
    return v is not None and v != "" and not (type(v) is str and v.isspace())


def row_spans(rows: list[int]) -> str:
    """Sheet rows as spans: 49–68, 70."""
    spans: list[list[int]] = []
    for r in rows:
        if spans and r == spans[-1][1] + 1:
            spans[-1][1] = r
        else:
            spans.append([r, r])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in spans)


def _filled_rows(lines: list[list[Any]], positions: list[int], numbering: set[int]) -> list[bool]:
    """Per line, whether a cell at one of ``positions`` holds something (neither "", None nor
    spaces alone); column by column, stopping once every line is known to be filled. A number in
    a row-number column (``numbering``: No 1 to 100 typed in advance) fills no row; text there
    (a note) does."""
    filled = [False] * len(lines)
    for pos in positions:
        if all(filled):
            break
        if all(len(line) > pos for line in lines):
            column = list(map(itemgetter(pos), lines))
        else:
            column = [line[pos] if pos < len(line) else "" for line in lines]
        if pos in numbering:
            column = ["" if isinstance(v, (int, float)) or (type(v) is str and v.strip().isdigit()) else v
                      for v in column]
        here = map(operator.and_, map(operator.ne, column, repeat("")), map(operator.is_not, column, repeat(None)))
        filled = list(map(operator.or_, filled, here))
        for i in [i for i, v in enumerate(column) if type(v) is str and v.isspace()]:
            filled[i] = any(_holds(lines[i], p) for p in positions)  # a cell of spaces fills no row
    return filled


def _out_of_range(col, value) -> bool:
    if not isinstance(value, (int, Decimal)):
        return False
    return (col.min_value is not None and value < col.min_value) or (col.max_value is not None and value > col.max_value)


def _range_text(col) -> str:
    lo = "" if col.min_value is None else f"{col.min_value:g}"
    hi = "" if col.max_value is None else f"{col.max_value:g}"
    return f"{lo}–{hi}"


def _required(table: Table, data: TableData, findings: list[Finding]) -> None:
    flagged = {f.cell for f in findings if f.sheet == table.sheet}  # a cell already reported unreadable
    for c in table.columns:
        if not c.required or c.computed or c.key not in data.values:
            continue
        instead = data.values.get(c.required_unless) if c.required_unless else None
        for i, v in enumerate(data.values[c.key]):
            if v is None and not _row_is_total(table, data, i) and data.cell(c.key, i) not in flagged \
                    and (instead is None or instead[i] is None):
                findings.append(Finding("VAL005", table.sheet, data.cell(c.key, i), params={"name": c.header}))


def _row_is_total(table: Table, data: TableData, i: int) -> bool:
    if "uraian" not in data.values or "kode" not in data.values:
        return False
    return is_total_row(data.values["kode"][i], data.values["uraian"][i])


def _outside(table: Table, grid, data: TableData, findings: list[Finding]) -> None:
    """Values right below a fixed-size table are outside it."""
    if table.max_rows is None:
        return
    r = table.first_row + table.max_rows
    for pos in data.cols.values():
        v = at(grid, r, pos)
        if v not in ("", None):
            findings.append(Finding("STR005", table.sheet, a1(r, pos), found=v, params={"beside": ""}))
