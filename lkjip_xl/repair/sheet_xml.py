"""Edit cells of one worksheet's XML where they are, leaving every other byte as it was: a cell's
value, formula (with its cached result) or style, cells and rows that do not exist yet, the
ranges of the data validations. Other cells, shared formulas, formats, comments, conditional
formats and a writer's own extensions are kept untouched.

Only cells that hold no formula are ever replaced by ``set_value``/``set_formula`` (a repair never
turns a formula into something else), so the master cell of a shared formula is never touched.
"""
from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from xml.sax.saxutils import escape

from ..schema.refs import a1, col_index

_SHEET_DATA = re.compile(rb"<((?:\w+:)?)sheetData\b[^>]*?(/?)>")
_R = re.compile(rb'\br="([A-Za-z]{1,3})?([0-9]+)"')
_S = re.compile(rb'\bs="([0-9]+)"')
_SPANS = re.compile(rb'\s+spans="[^"]*"')
_DIMENSION = re.compile(rb'(<(?:\w+:)?dimension\b[^>]*?\bref=")([^"]*)(")')
_SQREF = re.compile(rb'\bsqref="([^"]*)"')
# the worksheet elements that follow <dataValidations> in the schema's order (ECMA-376 CT_Worksheet)
_AFTER_VALIDATIONS = (b"hyperlinks", b"printOptions", b"pageMargins", b"pageSetup", b"headerFooter", b"rowBreaks",
                      b"colBreaks", b"customProperties", b"cellWatches", b"ignoredErrors", b"smartTags", b"drawing",
                      b"legacyDrawing", b"legacyDrawingHF", b"drawingHF", b"picture", b"oleObjects", b"controls",
                      b"webPublishItems", b"tableParts", b"extLst")


class XmlShapeError(ValueError):
    """The sheet's XML is not laid out as rapikan can edit it (rows or cells without references)."""


def number_text(value) -> str:
    """A number as a cell's <v> holds it (no exponent for a Decimal, shortest repr for a float)."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    return repr(float(value))


class SheetXml:
    def __init__(self, xml: bytes, part: str) -> None:
        self.xml = xml
        self.part = part
        m = _SHEET_DATA.search(xml)
        if m is None:
            raise XmlShapeError(f"{part}: no sheetData")
        self.p = m.group(1)  # the namespace prefix the sheet uses ("" or "x:")
        if m.group(2):  # <sheetData/>: no rows at all
            self._start = self._end = m.end()
            self._open, self._close = xml[:m.start()] + b"<" + self.p + b"sheetData>", b"</" + self.p + b"sheetData>"
            self._tail = xml[m.end():]
        else:
            close = xml.find(b"</" + self.p + b"sheetData>", m.end())
            self._open, self._tail = xml[:m.end()], xml[close:]
            self._close = b""
            self._start, self._end = m.end(), close
        body = xml[self._start:self._end]
        row_re = re.compile(rb"<" + re.escape(self.p) + rb"row\b[^>]*?(?:/>|>.*?</" + re.escape(self.p) + rb"row>)", re.S)
        self._cell_re = re.compile(rb"<" + re.escape(self.p) + rb"c\b[^>]*?(?:/>|>.*?</" + re.escape(self.p) + rb"c>)",
                                   re.S)
        self.rows: dict[int, bytes] = {}  # row number -> the row element as found
        self._order: list[int] = []
        for rm in row_re.finditer(body):
            r = re.match(rb"<[^>]*?\br=\"([0-9]+)\"", rm.group(0))
            if r is None:
                raise XmlShapeError(f"{part}: a row without its number")
            n = int(r.group(1))
            self.rows[n] = rm.group(0)
            self._order.append(n)
        self._cells: dict[int, dict[int, bytes]] = {}  # parsed rows: row -> col -> cell element
        self._edited: set[int] = set()
        self._tail_length = len(self._tail)  # of the part after the cells, as read

    # ------------------------------------------------------------------------------- reading
    def cells(self, row: int) -> dict[int, bytes]:
        """The cells of a row (0-based column -> element); {} for a row that is not there."""
        if row not in self._cells:
            found: dict[int, bytes] = {}
            element = self.rows.get(row)
            if element is not None:
                for cm in self._cell_re.finditer(element):
                    r = _R.search(cm.group(0), 0, cm.group(0).find(b">"))
                    if r is None or r.group(1) is None:
                        raise XmlShapeError(f"{self.part}: a cell without its reference")
                    found[col_index(r.group(1).decode())] = cm.group(0)
            self._cells[row] = found
        return self._cells[row]

    def style(self, row: int, col: int) -> int:
        """The cell's style index (0 when it has none, or is not there)."""
        cell = self.cells(row).get(col)
        if cell is None:
            return 0
        m = _S.search(cell, 0, cell.find(b">"))
        return int(m.group(1)) if m else 0

    def column_style(self, col: int, rows) -> int:
        """The style most cells of a column hold over ``rows`` (0 when none has one)."""
        counts = Counter(s for s in (self.style(r, col) for r in rows) if s)
        return counts.most_common(1)[0][0] if counts else 0

    # ------------------------------------------------------------------------------- writing
    def _put(self, row: int, col: int, element: bytes) -> None:
        self.cells(row)[col] = element
        self._edited.add(row)

    def _cell(self, row: int, col: int, style: int | None, attrs: str, inner: str) -> bytes:
        s = self.style(row, col) if style is None else style
        style_attr = f' s="{s}"' if s else ""
        tag = f"{self.p.decode()}c"
        ref = a1(row, col)
        if not inner:
            return f'<{tag} r="{ref}"{style_attr}{attrs}/>'.encode()
        return f'<{tag} r="{ref}"{style_attr}{attrs}>{inner}</{tag}>'.encode()

    def set_number(self, row: int, col: int, value, style: int | None = None) -> None:
        self._put(row, col, self._cell(row, col, style, "", f"<{self.p.decode()}v>{number_text(value)}</{self.p.decode()}v>"))

    def set_text(self, row: int, col: int, text: str, style: int | None = None) -> None:
        p = self.p.decode()
        inner = f'<{p}is><{p}t xml:space="preserve">{escape(text)}</{p}t></{p}is>'
        self._put(row, col, self._cell(row, col, style, ' t="inlineStr"', inner))

    def set_formula(self, row: int, col: int, formula: str, cached, style: int | None = None) -> None:
        """A formula (with or without its leading '=') and its result as the file caches it."""
        p = self.p.decode()
        f = f"<{p}f>{escape(formula.lstrip('='))}</{p}f>"
        if cached is None or isinstance(cached, str):
            self._put(row, col, self._cell(row, col, style, ' t="str"', f"{f}<{p}v>{escape(cached or '')}</{p}v>"))
        else:
            self._put(row, col, self._cell(row, col, style, "", f"{f}<{p}v>{number_text(cached)}</{p}v>"))

    def set_cached(self, row: int, col: int, cached) -> None:
        """Replace a formula cell's cached result, keeping its formula element as it is."""
        cell = self.cells(row)[col]
        f = re.search(rb"<(?:\w+:)?f\b.*?(?:/>|</(?:\w+:)?f>)", cell, re.S).group(0)
        p = self.p.decode()
        head = re.sub(rb'\s+t="[^"]*"', b"", cell[:cell.find(b">")]).rstrip(b"/")
        if cached is None or isinstance(cached, str):
            element = head + b' t="str">' + f + f"<{p}v>{escape(cached or '')}</{p}v></{p}c>".encode()
        else:
            element = head + b">" + f + f"<{p}v>{number_text(cached)}</{p}v></{p}c>".encode()
        self._put(row, col, element)

    def set_style(self, row: int, col: int, style: int) -> None:
        cell = self.cells(row).get(col)
        if cell is None:
            self._put(row, col, self._cell(row, col, style, "", ""))
            return
        end = cell.find(b">")
        head = _S.sub(b"", cell[:end])
        head = head.rstrip(b"/") + f' s="{style}"'.encode() + (b"/" if cell[end - 1:end] == b"/" else b"")
        self._put(row, col, head + cell[end:])

    # ------------------------------------------------------------------------------- validations
    def validation_ranges(self) -> list[str]:
        """The sqref of each data validation of the sheet, in order."""
        return [_SQREF.search(m.group(0)).group(1).decode() for m in self._validations()]

    def _validations(self):
        """Each <dataValidation ...> opening tag (one with an sqref) after the sheet's cells."""
        tag = rb"<" + re.escape(self.p) + rb"dataValidation\b[^>]*"
        return [m for m in re.finditer(tag, self._tail) if _SQREF.search(m.group(0))]

    def set_validation_range(self, index: int, sqref: str) -> None:
        m = self._validations()[index]
        element = m.group(0)
        new = _SQREF.sub(b'sqref="' + sqref.encode() + b'"', element, count=1)
        self._tail = self._tail[:m.start()] + new + self._tail[m.end():]

    def add_validation(self, element: bytes) -> None:
        """Add a <dataValidation> element (written without a prefix) to the sheet's list, which is
        made where the worksheet's schema puts it when the sheet has none."""
        if self.p:
            element = re.sub(rb"<(/?)(dataValidation|formula1|formula2)\b", rb"<\1" + self.p + rb"\2", element)
        close = re.search(rb"</" + re.escape(self.p) + rb"dataValidations>", self._tail)
        if close is not None:
            self._tail = self._tail[:close.start()] + element + self._tail[close.start():]
            self._tail = re.sub(rb'(<' + re.escape(self.p) + rb'dataValidations\b[^>]*?\bcount=")([0-9]+)"',
                                lambda m: m.group(1) + str(int(m.group(2)) + 1).encode() + b'"', self._tail, count=1)
            return
        block = b"<" + self.p + b'dataValidations count="1">' + element + b"</" + self.p + b"dataValidations>"
        after = re.search(rb"<" + re.escape(self.p) + rb"(?:" + b"|".join(_AFTER_VALIDATIONS) + rb")\b", self._tail)
        at = after.start() if after else self._tail.rfind(b"</" + self.p + b"worksheet>")
        self._tail = self._tail[:at] + block + self._tail[at:]

    # ------------------------------------------------------------------------------- output
    def _row_element(self, row: int) -> bytes:
        cells = b"".join(v for _, v in sorted(self.cells(row).items()))
        old = self.rows.get(row)
        tag = self.p + b"row"
        if old is None:
            return b"<" + tag + f' r="{row}">'.encode() + cells + b"</" + tag + b">"
        head = _SPANS.sub(b"", old[:old.find(b">") + 1])  # spans are a hint; edited rows drop it
        if head.endswith(b"/>"):
            head = head[:-2] + b">"
        return head + cells + b"</" + tag + b">"

    def tobytes(self) -> bytes:
        if not self._edited:  # the cells as they were; the part after them maybe not (validations)
            return self.xml[:len(self.xml) - self._tail_length] + self._tail
        order = sorted(set(self._order) | self._edited)
        body = b"".join(self._row_element(r) if r in self._edited else self.rows[r] for r in order)
        out = self._open + body + self._close + self._tail
        return self._grow_dimension(out, max(order), max((max(self.cells(r), default=0) for r in self._edited), default=0))

    @staticmethod
    def _grow_dimension(xml: bytes, last_row: int, last_col: int) -> bytes:
        m = _DIMENSION.search(xml, 0, 4096)
        if m is None:
            return xml
        ref = m.group(2).decode()
        end = ref.split(":")[-1]
        em = re.fullmatch(r"([A-Z]{1,3})([0-9]+)", end)
        if em is None:
            return xml
        row, col = max(int(em.group(2)), last_row), max(col_index(em.group(1)), last_col)
        start = ref.split(":")[0]
        new = f"{start}:{a1(row, col)}".encode()
        return xml[:m.start(2)] + new + xml[m.end(2):]
