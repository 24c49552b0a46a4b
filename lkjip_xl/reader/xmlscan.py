"""A light pass over a sheet's XML for what python-calamine does not give: which cells hold
formulas (and their text), which lie in an array formula's range, which hold error values, and
which are formatted as percent. Regular expressions over the bytes are an order of magnitude
faster than building an element tree for a large sheet.

Files as other programs write them are read too: Excel's shared formulas (a child cell carries
only ``<f t="shared" si="0"/>``; its text is the master's, moved), array and dynamic-array
formulas (``<f t="array" ref="B2:B9">``: the other cells of the range hold its results, not typed
values), Strict OOXML (another namespace: the element names are the same), prefixed element
names (``<x:c>``, ``<x:f>``) and rows or cells written without ``r=`` (positions then follow the
previous row or cell).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..schema.refs import col_index, parse_a1
from .formula_index import FormulaIndex, text_of
from .formula_shift import SharedFormula
from .limits import MAX_ROWS
from .styles import Styles

Cell = tuple[int, int]  # (1-based row, 0-based column)
MAX_ARRAY_ROW = MAX_ROWS  # an array formula's range is not followed past the rows the reader reads

_ROOT = re.compile(rb"<(\w+:)?(?:worksheet|chartsheet|dialogsheet)\b")
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\b[^>]*\bref="([^"]+)"')
_R_ATTR = re.compile(rb'\br="([A-Za-z]{1,3})([0-9]+)"')
_ROW_R = re.compile(rb'\br="([0-9]+)"')
_HIDDEN_ROW = re.compile(rb'<(\w+:)?row\b([^>]*\bhidden="(?:1|true)"[^>]*)>')
_S_ATTR = re.compile(rb'\bs="([0-9]+)"')
_F_ATTR = re.compile(rb'\b(t|si|ref)="([^"]*)"')


@lru_cache(maxsize=8)
def _patterns(prefix: bytes) -> dict[str, re.Pattern]:
    """The searches for one element prefix (b"" or e.g. b"x:")."""
    p = re.escape(prefix)
    return {
        # a formula; <f> is the first child of its <c>, so the tag just before it is the cell's
        "formula": re.compile(rb"<" + p + rb"f\b([^>]*?)(?:/>|>([^<]*)</" + p + rb"f>)"),
        "formula_tag": re.compile(rb"<" + p + rb"f\b"),
        # the usual formula cell: its r= first, the formula its first child (attributes without
        # "<", so that the cell tag is the one the formula search would find before the formula)
        "cell_formula": re.compile(rb"<" + p + rb'c r="([A-Za-z]{1,3})([0-9]+)"([^<>]*)><' + p
                                   + rb"f\b([^>]*?)(?:/>|>([^<]*)</" + p + rb"f>)"),
        # a cell tag that starts with its reference (the usual case), and its other attributes
        "cell": re.compile(rb"<" + p + rb'c r="([A-Za-z]{1,3})([0-9]+)"([^>]*)>'),
        "error": re.compile(rb"<" + p + rb'c\b([^>]*\bt="e"[^>]*?)(?<!/)>\s*(?:<' + p
                            + rb'f\b[^>]*?(?:/>|(?<!/)>[^<]*</' + p + rb"f>)\s*)?<" + p + rb"v>([^<]*)</"),
        "row_or_cell": re.compile(rb"<" + p + rb"(row|c)\b([^>]*)>"),
    }


def _range(ref: str, row: int, col: int) -> tuple[int, int, int, int]:
    """(first row, first col, last row, last col) of an array formula's ref ("B2:C9" or "B2")."""
    try:
        first, _, last = ref.partition(":")
        (r0, c0), (r1, c1) = parse_a1(first), parse_a1(last or first)
    except ValueError:
        return row, col, row, col
    return min(r0, r1), min(c0, c1), max(r0, r1), max(c0, c1)


@dataclass
class SheetScan:
    # every cell holding a formula -> its text ("=A7/B7"), kept compact and read when asked for;
    # a shared formula's children get the master's text moved to their cell; None only when that
    # master is missing from the file
    formulas: FormulaIndex = field(default_factory=FormulaIndex)
    # array formulas: master cell -> the range its results fill (first row, first col, last row,
    # last col); every cell of it is computed (a dynamic array's results spill there)
    arrays: dict[Cell, tuple[int, int, int, int]] = field(default_factory=dict)
    errors: dict[Cell, str] = field(default_factory=dict)  # (row, col) -> "#REF!"
    # the number format of every cell formatted as a percent that holds a value or formula (other
    # formats do not change what a number means: python-calamine reads dates as dates); ask
    # number_format(). Typed cells by cell; formula cells, a whole computed column of them as a
    # rule, as runs of rows per column: [first row, last row, format code]
    typed_formats: dict[Cell, str] = field(default_factory=dict)
    formula_formats: dict[int, list[list]] = field(default_factory=dict)
    # date-formatted numbers that are no date (-1e12): the value as written (see grid.py)
    bad_dates: dict[Cell, str] = field(default_factory=dict)
    dimension: str | None = None
    hidden_rows: set[int] = field(default_factory=set)  # rows hidden in the sheet (Format > Rows > Hide)

    def computed(self, row: int, col: int) -> bool:
        """Does the cell hold a formula, or lie in an array formula's range?"""
        return (row, col) in self.formulas or any(
            r0 <= row <= r1 and c0 <= col <= c1 for r0, c0, r1, c1 in self.arrays.values())

    def number_format(self, row: int, col: int) -> str | None:
        """The cell's number format code when it is a percent format ("0.00%"), else None."""
        code = self.typed_formats.get((row, col))
        if code is None:
            for first, last, run_code in self.formula_formats.get(col, ()):
                if first <= row <= last:
                    return run_code
        return code

    def percent_cells(self) -> dict[Cell, str]:
        """Every percent-formatted cell with its format code."""
        cells = dict(self.typed_formats)
        for col, runs in self.formula_formats.items():
            cells.update(((r, col), code) for first, last, code in runs for r in range(first, last + 1))
        return cells

    def by_column(self) -> "Columns":
        """The cells above by column, for reading the sheet column by column (built when asked for
        and let go with the reading, not kept in the model)."""
        return Columns(self)


class Columns:
    def __init__(self, scan: SheetScan):
        self.scan = scan

    def computed_rows(self, col: int) -> set[int]:
        """Rows of a column whose cell holds a formula or lies in an array formula's range."""
        rows = self.scan.formulas.rows(col)
        spans = sorted((r0, min(r1, MAX_ARRAY_ROW)) for r0, c0, r1, c1 in self.scan.arrays.values() if c0 <= col <= c1)
        if spans:
            rows, reached = set(rows), 0
            for r0, r1 in spans:  # overlapping ranges are added once
                rows.update(range(max(r0, reached + 1), r1 + 1))
                reached = max(reached, r1)
        return rows

    def percent_rows(self, col: int) -> set[int]:
        """Rows of a column whose cell is formatted as a percent."""
        rows = {r for r, c in self.scan.typed_formats if c == col}
        for first, last, _ in self.scan.formula_formats.get(col, ()):
            rows.update(range(first, last + 1))
        return rows


class WholeSheetNeeded(Exception):
    """A stretch of a sheet holds a cell that can only be placed, or a formula that can only be
    read, with the whole sheet at hand: read it whole."""


class _Positions:
    """Where the cell of a <c> tag is: its r= attribute, or (for writers that leave r= out) its
    place after the previous row and cell, counted once for the whole sheet when first needed
    (``local``: the XML is a stretch of the sheet, where that cannot be counted)."""

    def __init__(self, xml: bytes, prefix: bytes, *, local: bool = False, columns: dict | None = None):
        self.xml, self.prefix, self.local = xml, prefix, local
        self.columns: dict[bytes, int] = {} if columns is None else columns
        self.counted: dict[int, Cell] | None = None

    def column(self, letters: bytes) -> int:
        col = self.columns.get(letters)
        if col is None:
            col = self.columns[letters] = col_index(letters.decode())
        return col

    def at(self, tag_start: int) -> Cell | None:
        r = _R_ATTR.search(self.xml, tag_start, self.xml.find(b">", tag_start))
        if r:
            return int(r.group(2)), self.column(r.group(1))
        if self.local:
            raise WholeSheetNeeded("a cell without r=")
        if self.counted is None:
            self.counted = self._count()
        return self.counted.get(tag_start)

    def _count(self) -> dict[int, Cell]:
        counted = {}
        row, col = 0, -1
        for m in _patterns(self.prefix)["row_or_cell"].finditer(self.xml):
            attrs = m.group(2)
            if m.group(1) == b"row":
                r = _ROW_R.search(attrs)
                row, col = (int(r.group(1)) if r else row + 1), -1
                continue
            r = _R_ATTR.search(attrs)
            row, col = (int(r.group(2)), self.column(r.group(1))) if r else (row, col + 1)
            counted[m.start()] = (row, col)
        return counted


def element_prefix(xml: bytes) -> bytes:
    """The prefix of the sheet's element names (b"" for the default namespace)."""
    root = _ROOT.search(xml, 0, 4096)
    return (root.group(1) or b"") if root else b""


def scan_sheet(xml: bytes, styles: Styles | None = None) -> SheetScan:
    scanner = SheetScanner(styles)
    scanner.feed(xml)
    return scanner.scan


def scan_stretches(stretches, styles: Styles | None = None) -> SheetScan:
    """A sheet's scan from its XML a stretch of whole rows at a time (``Container.fragments``);
    ``WholeSheetNeeded`` when something in it can only be read with the whole sheet."""
    scanner, held = SheetScanner(styles, whole=False), None
    for stretch in stretches:
        if held is not None:
            scanner.feed(held, last=False)
        held = stretch
    scanner.feed(held or b"")
    return scanner.scan


CHUNK = 2 * 1024 * 1024  # the formula cells of this much XML are listed at once (then let go of)


class SheetScanner:
    """Scans a sheet's XML, whole (``feed`` once) or a stretch of whole rows at a time (``whole``
    False: ``feed`` each in order, ``last`` the final one): what one stretch leaves for the next
    (the prefix, shared formulas' masters, the formula run of each column) is kept here."""

    def __init__(self, styles: Styles | None = None, *, whole: bool = True):
        self.scan, self.styles, self.whole = SheetScan(), styles, whole
        self.percent = styles.percent_styles() if styles is not None else frozenset()
        self.prefix: bytes | None = None
        self.columns: dict[bytes, int] = {}  # column letters -> index, for every stretch
        self.tails: dict[int, list | None] = {}  # column -> its last run, to extend in place
        self.sink: _FormulaCells | None = None

    def feed(self, xml: bytes, *, last: bool = True) -> None:
        scan = self.scan
        if self.prefix is None:
            dim = _DIMENSION.search(xml, 0, 4096)
            scan.dimension = dim.group(1).decode() if dim else None
            self.prefix = element_prefix(xml)
            self.sink = _FormulaCells(scan, self.styles, self.percent)
        prefix = self.prefix
        where = _Positions(xml, prefix, local=not self.whole, columns=self.columns)
        self._formulas(xml, where, last)
        if self.percent:
            _typed_percent_cells(scan, xml, prefix, where, self.styles, self.percent)
        if b'hidden="' in xml:
            for m in _HIDDEN_ROW.finditer(xml):
                if (m.group(1) or b"") == prefix and (r := _ROW_R.search(m.group(2))):
                    scan.hidden_rows.add(int(r.group(1)))
        if b't="e"' in xml:
            for m in _patterns(prefix)["error"].finditer(xml):
                cell = where.at(m.start())
                if cell is not None:
                    scan.errors[cell] = m.group(2).decode("utf-8", "replace")

    def _formulas(self, xml: bytes, where: _Positions, last: bool) -> None:
        """Every formula cell. The usual cell (its r= first, the formula its first child) is found
        by one search of the cell and its formula together, a stretch of rows at a time; a formula
        filled down a column (the next row, the same formula but for the row's number) extends its
        run in place. When some formula is not such a cell (the count of formula tags tells), the
        sheet is read again the slower way: each formula, then the cell it belongs to."""
        scan, prefix = self.scan, self.prefix
        pats = _patterns(prefix)
        sink = self.sink
        index = scan.formulas
        add, columns, column = sink.add, where.columns, where.column
        format_of, percent_at, percent = sink.format_of, sink.percent_at, self.percent
        search, row_end = pats["cell_formula"], b"</" + prefix + b"row>"
        tails = self.tails
        fill_down = b"\0" not in xml  # a NUL byte (no XML) could fake a formula's shape: no fast path
        if not fill_down:
            tails.clear()
        found = slow = pos = 0
        while pos < len(xml):
            end = xml.find(row_end, pos + CHUNK)
            end = len(xml) if end < 0 else end + len(row_end)
            cells = search.findall(xml, pos, end)
            found += len(cells)
            for letters, digits, attrs, f_attrs, raw in cells:
                col = columns.get(letters)
                if col is None:
                    col = column(letters)
                row = int(digits)
                run = tails.get(col)
                if (run is not None and not f_attrs and raw and run[1] == row - 1 and digits[0] != 48
                        and raw.replace(digits, b"\0") == run[2]):
                    run[1] = row  # the usual formula, filled down: a million of them on a large sheet
                    if percent and format_of.get(attrs, "") is not None:
                        percent_at(row, col, attrs)
                    continue
                slow += 1
                add(row, col, attrs, f_attrs, raw)
                tails[col] = index.tail(col) if fill_down else None
            pos = end
            del cells
        index.counted(found - slow)
        if found == _formula_tags(xml, prefix, pats, last):
            return
        if not self.whole:
            raise WholeSheetNeeded("a formula read the slower way")
        scan.formulas, scan.arrays, scan.formula_formats = FormulaIndex(), {}, {}
        sink = self.sink = _FormulaCells(scan, self.styles, percent)
        cell_tag, rfind = pats["cell"].match, xml.rfind
        for m in pats["formula"].finditer(xml):
            start = rfind(b"<", 0, m.start())
            tag = cell_tag(xml, start, m.start())
            if tag is not None:
                letters, digits, attrs = tag.groups()
                row, col = int(digits), column(letters)
            else:  # r= not first, or missing
                key = where.at(start) if xml.startswith(b"<" + prefix + b"c", start) else None
                if key is None:
                    continue
                (row, col), attrs = key, bytes(xml[start:m.start()])
            sink.add(row, col, attrs, *m.groups())


def _formula_tags(xml: bytes, prefix: bytes, pats, last: bool = True) -> int:
    """How many formula elements the sheet holds. In the cell data, every "<f" opens one (one
    byte count); after it (data validations' <formula1>, an autofilter's <filters>) they are
    searched for. A stretch of rows before the last (``last`` False) is cell data."""
    data_end = xml.rfind(b"</" + prefix + b"sheetData>") if last else len(xml)
    if data_end < 0:
        return sum(1 for _ in pats["formula_tag"].finditer(xml))
    return xml.count(b"<" + prefix + b"f", 0, data_end) + sum(1 for _ in pats["formula_tag"].finditer(xml, data_end))


class _FormulaCells:
    """Takes the formula cells of a sheet one by one into its scan: the formula, and the cell's
    number format when a percent."""

    def __init__(self, scan: SheetScan, styles, percent):
        self.scan, self.styles, self.percent = scan, styles, percent
        self.formulas, self.runs = scan.formulas, scan.formula_formats
        self.last_run: dict[int, list] = {}
        self.masters: dict[str, SharedFormula] = {}
        self.format_of: dict[bytes, str | None] = {}  # the few distinct attribute strings of a sheet, parsed once

    def add(self, row: int, col: int, attrs: bytes, f_attrs: bytes, raw: bytes | None) -> None:
        if f_attrs and b"t=" in f_attrs:
            self.formulas.add_text(row, col, _special(self.scan, self.masters, (row, col), f_attrs,
                                                      text_of(raw) if raw else None))
        elif raw:
            self.formulas.add_raw(row, col, raw)
        else:
            self.formulas.add_text(row, col, None)
        if self.percent:
            self.percent_at(row, col, attrs)

    def percent_at(self, row: int, col: int, attrs: bytes) -> None:
        """The cell's number format, kept when a percent."""
        code = self.format_of.get(attrs, "")
        if code == "":
            s = _S_ATTR.search(attrs)
            style = int(s.group(1)) if s else 0
            code = self.format_of[attrs] = self.styles.format_of(style) if style in self.percent else None
        if code is not None:  # extend the column's run of percent-formatted formula cells
            run = self.last_run.get(col)
            if run is not None and run[1] == row - 1 and run[2] == code:
                run[1] = row
            else:
                self.last_run[col] = run = [row, row, code]
                self.runs.setdefault(col, []).append(run)


def _special(scan: SheetScan, masters: dict[str, SharedFormula], key: Cell, f_attrs: bytes, text: str | None) -> str | None:
    """A shared formula (the master is remembered, a child gets its text) or an array formula
    (its range is remembered); the formula's text."""
    kind = {k.decode(): v.decode() for k, v in _F_ATTR.findall(f_attrs)}
    if kind.get("t") == "shared":
        si = kind.get("si", "")
        if text is not None:
            masters[si] = SharedFormula(text[1:], *key)
        elif si in masters:
            text = "=" + masters[si].at(*key)
    elif kind.get("t") in ("array", "dataTable"):
        scan.arrays[key] = _range(kind.get("ref", ""), *key)
    return text


def _typed_percent_cells(scan: SheetScan, xml: bytes, prefix: bytes, where: _Positions, styles, percent) -> None:
    """Percent-formatted cells that hold a typed value (formula cells were seen with their formula).
    Searched by their style's attribute, so a sheet without such cells costs one pass in C."""
    needle = re.compile(rb's="(' + b"|".join(str(s).encode() for s in sorted(percent)) + rb')"[^>/]*>'
                        + rb"(?!\s*<" + re.escape(prefix) + rb"f\b)")
    open_tag = b"<" + prefix + b"c"
    for m in needle.finditer(xml):
        if not xml[m.start() - 1:m.start()].isspace():
            continue  # another attribute ending in s=
        start = xml.rfind(b"<", 0, m.start())
        tag_end = start + len(open_tag)
        if not xml.startswith(open_tag, start) or not xml[tag_end:tag_end + 1].isspace():
            continue  # a row's style, not a cell's
        cell = where.at(start)
        if cell is not None:
            scan.typed_formats[cell] = styles.format_of(int(m.group(1)))


LAST_DATE_SERIAL = 2_958_465  # 31/12/9999: no date lies beyond it (nor below its negative)
_NOT_NUMBER = re.compile(rb'\bt="(?!n")')  # a typed cell other than a number (s, str, b, e, d, ...)


def bad_dates(xml: bytes, styles: Styles, *, prefix: bytes | None = None, local: bool = False) -> dict[Cell, str]:
    """Cells formatted as a date or time that hold a number no date can be (-1e12 typed into a
    date field): python-calamine panics or overflows converting them. Only numbers of seven
    digits or more, or with an exponent, are looked at, so a sheet of real dates costs one pass
    in C. ``prefix`` and ``local`` for a stretch of the sheet (see ``SheetScanner``)."""
    dates = styles.date_styles()
    if not dates:
        return {}
    raw_prefix = element_prefix(xml) if prefix is None else prefix
    prefix = re.escape(raw_prefix)
    search = re.compile(rb's="(?:' + b"|".join(str(s).encode() for s in sorted(dates)) + rb')"[^>/]*>\s*(?:<'
                        + prefix + rb"f\b[^>]*?(?:/>|>[^<]*</" + prefix + rb"f>)\s*)?<" + prefix
                        + rb"v>\s*(-?(?:[0-9]{7,}|[0-9.]*[eE]\+?[0-9]+)[^<]*)</")
    found: dict[Cell, str] = {}
    where = None
    for m in search.finditer(xml):
        start = xml.rfind(b"<", 0, m.start())
        attrs = xml[start:m.start()] + xml[m.start():xml.find(b">", m.start())]
        text = m.group(1).decode().strip()
        try:
            number = float(text)
        except ValueError:
            continue
        if _NOT_NUMBER.search(attrs) or abs(number) <= LAST_DATE_SERIAL:
            continue
        where = where or _Positions(xml, raw_prefix, local=local)
        cell = where.at(start)
        if cell is not None:
            found[cell] = text
    return found
