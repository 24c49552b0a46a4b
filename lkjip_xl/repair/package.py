"""The xlsx package of a workbook being repaired: its parts in memory, edited where a repair needs
it and written back as a new zip. Workbook-level edits live here: a first sheet added (or an
earlier copy of it replaced), print areas, the cell styles a new sheet needs, the calculation chain
dropped and a full recalculation asked for on opening, the template version property. Every part
not edited is written back byte for byte.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from python_calamine import CalamineWorkbook

from ..errors import calamine_failure
from ..reader.container import open_container
from ..schema.refs import quote_sheet
from .sheet_xml import SheetXml

_SHEET_EL = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?/>')
_NAME = re.compile(rb'\bname="([^"]*)"')
_RID = re.compile(rb'\b(\w+):id="([^"]*)"')
_DEFINED = re.compile(rb'<((?:\w+:)?)definedName\b([^>]*)>(.*?)</(?:\w+:)?definedName>', re.S)
_LOCAL = re.compile(rb'\blocalSheetId="([0-9]+)"')
_RELS_NS = re.compile(rb'xmlns:(\w+)="(http://(?:schemas\.openxmlformats\.org/officeDocument/2006|'
                      rb'purl\.oclc\.org/ooxml/officeDocument)/relationships)"')
_WORKSHEET_PART = re.compile(r"xl/worksheets/sheet(\d+)\.xml")
WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


_FORMULA_PARTS = re.compile(r"xl/(?:worksheets/sheet|charts/chart)\d+\.xml")


def _sheet_reference(name: str) -> re.Pattern:
    """A reference to sheet ``name`` before its ``!`` in a part's XML (quoted, its apostrophes
    doubled, written with ' or &apos;; or bare when the name allows), not inside a longer name."""
    doubled = escape(name.replace("'", "''")).encode()
    forms = [re.escape(q + doubled.replace(b"'", q) + q) for q in (b"'", b"&apos;")]
    if re.fullmatch(r"[A-Za-z_][\w.]*", name):
        forms.append(re.escape(name.encode()))
    return re.compile(rb"(?<![\w.'])(?:" + b"|".join(forms) + rb")(?=!)", re.I)


def _unescape_attr(value: bytes) -> str:
    return (value.decode().replace("&quot;", '"').replace("&apos;", "'").replace("&lt;", "<")
            .replace("&gt;", ">").replace("&amp;", "&"))


class Package:
    def __init__(self, path: Path) -> None:
        container = open_container(Path(path))  # vetted: no DTD, bounded sizes and grids
        try:
            container.adopt_renamed()  # sheets by their template names, as the checks name them
            self.renamed = dict(container.renamed)
            self.sheet_parts = dict(container.sheet_parts)
            self.members = {info.filename: container.zip.read(info.filename) for info in container.zip.infolist()}
        finally:
            container.close()
        self._sheets: dict[str, SheetXml] = {}
        self.path = Path(path)

    # ------------------------------------------------------------------------------ sheets
    def sheet(self, name: str) -> SheetXml:
        if name not in self._sheets:
            part = self.sheet_parts[name]
            self._sheets[name] = SheetXml(self.members[part], part)
        return self._sheets[name]

    def first_row(self, name: str) -> tuple:
        """The values of a sheet's first row, as the original file holds them (() when unreadable)."""
        try:
            rows = CalamineWorkbook.from_path(self.path).get_sheet_by_name(name).to_python(nrows=1)
        except BaseException as exc:
            if not calamine_failure(exc):
                raise
            return ()
        return tuple(rows[0]) if rows else ()

    def defined_names(self) -> set[str]:
        """The workbook's defined names (a dropdown's list, ``lst_arah``), as the file spells them."""
        return {_unescape_attr(m.group(1)) for m in re.finditer(rb'<(?:\w+:)?definedName\b[^>]*?\bname="([^"]*)"',
                                                                 self._workbook)}

    def actual(self, name: str) -> str:
        """A sheet's name in the workbook (the office may have renamed a template sheet)."""
        return self.renamed.get(name, name)

    def sheet_names(self) -> list[str]:
        return [_unescape_attr(_NAME.search(el).group(1)) for el in _SHEET_EL.findall(self._workbook)]

    @property
    def _workbook(self) -> bytes:
        return self.members["xl/workbook.xml"]

    def _set_workbook(self, xml: bytes) -> None:
        self.members["xl/workbook.xml"] = xml

    def _rels_part(self) -> str:
        return "xl/_rels/workbook.xml.rels"

    def _remap_local_ids(self, mapping) -> None:
        """Renumber the sheet-local defined names after sheets moved; ``mapping(old) -> new or None``
        (None: the name belonged to a removed sheet and goes)."""
        def fix(m):
            local = _LOCAL.search(m.group(2))
            if local is None:
                return m.group(0)
            new = mapping(int(local.group(1)))
            if new is None:
                return b""
            return m.group(0).replace(local.group(0), f'localSheetId="{new}"'.encode(), 1)

        self._set_workbook(_DEFINED.sub(fix, self._workbook))

    def rename_back(self, name: str) -> None:
        """Give a template sheet the office renamed (``renamed``) its template name again: its tab,
        and every reference to it in formulas, defined names (print areas) and charts, as a rename
        in Excel or LibreOffice follows it."""
        actual = self.renamed.pop(name)
        for part, sheet in self._sheets.items():  # edits made so far, written into the parts
            self.members[self.sheet_parts[part]] = sheet.tobytes()
        self._sheets.clear()
        index = self.sheet_names().index(actual)
        element = _SHEET_EL.findall(self._workbook)[index]
        renamed = _NAME.sub(lambda m: b'name="' + escape(name, {'"': "&quot;"}).encode() + b'"', element, count=1)
        self._set_workbook(self._workbook.replace(element, renamed, 1))
        reference = _sheet_reference(actual)
        new = (name if re.fullmatch(r"[A-Za-z_][\w.]*", name) else "'" + name.replace("'", "''") + "'").encode()
        for member in self.members:
            if member == "xl/workbook.xml" or _FORMULA_PARTS.fullmatch(member):
                self.members[member] = reference.sub(escape(new.decode()).encode(), self.members[member])

    def remove_sheet(self, name: str) -> None:
        """Drop a sheet (an earlier Perubahan): its part, relationship, content type, names."""
        names = self.sheet_names()
        index = names.index(name)
        element = _SHEET_EL.findall(self._workbook)[index]
        rid = _RID.search(element).group(2).decode()
        self._set_workbook(self._workbook.replace(element, b"", 1))
        self._remap_local_ids(lambda i: None if i == index else (i - 1 if i > index else i))
        self._move_tabs(lambda i: max(i - 1, 0) if i >= index else i)
        part = self.sheet_parts.pop(name)
        self._sheets.pop(name, None)
        self.members.pop(part, None)
        rels = self.members[self._rels_part()]
        self.members[self._rels_part()] = re.sub(rb'<(?:\w+:)?Relationship\b[^>]*\bId="' + re.escape(rid.encode())
                                                 + rb'"[^>]*/>', b"", rels)
        self._drop_content_type(part)
        for rel in [m for m in self.members if m.startswith(part.rsplit("/", 1)[0] + "/_rels/" + part.rsplit("/", 1)[1])]:
            self.members.pop(rel)

    def add_first_sheet(self, name: str, xml: bytes) -> None:
        """A new worksheet placed first (the active tab stays the sheet the user left active)."""
        if name in self.sheet_names():
            self.remove_sheet(name)
        number = 1 + max((int(m.group(1)) for m in map(_WORKSHEET_PART.fullmatch, self.members) if m), default=0)
        part = f"xl/worksheets/sheet{number}.xml"
        self.members[part] = xml
        rels = self.members[self._rels_part()]
        ids = {int(i) for i in re.findall(rb'\bId="rId(\d+)"', rels)}
        rid = f"rId{max(ids, default=0) + 1}"
        ws_type = re.search(rb'Type="([^"]*/worksheet)"', rels).group(1).decode()
        rel = f'<Relationship Id="{rid}" Type="{ws_type}" Target="worksheets/sheet{number}.xml"/>'.encode()
        self.members[self._rels_part()] = re.sub(rb"</((?:\w+:)?)Relationships>", rel + rb"</\1Relationships>", rels, count=1)
        ct = self.members["[Content_Types].xml"]
        override = f'<Override PartName="/{part}" ContentType="{WORKSHEET_CT}"/>'.encode()
        self.members["[Content_Types].xml"] = ct.replace(b"</Types>", override + b"</Types>", 1)
        book = self._workbook
        # the relationships prefix the root declares; openpyxl declares it on each <sheet> instead,
        # and then so must this one
        in_root = _RELS_NS.search(re.search(rb"<(?:\w+:)?workbook\b[^>]*>", book).group(0))
        ns = in_root or _RELS_NS.search(book)
        prefix = ns.group(1).decode() if ns else "r"
        uri = ns.group(2).decode() if ns else "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        declare = "" if in_root else f' xmlns:{prefix}="{uri}"'
        ids = [int(i) for i in re.findall(rb'\bsheetId="(\d+)"', book)]
        tag = re.search(rb"<((?:\w+:)?)sheets\b[^>]*>", book)
        element = (f'<{tag.group(1).decode()}sheet name="{escape(name)}" sheetId="{max(ids, default=0) + 1}" '
                   f'{prefix}:id="{rid}"{declare}/>').encode()
        self._set_workbook(book[:tag.end()] + element + book[tag.end():])
        self._remap_local_ids(lambda i: i + 1)
        self._move_tabs(lambda i: i + 1)
        self.sheet_parts[name] = part

    def _move_tabs(self, mapping) -> None:
        """Keep the active tab on the same sheet after sheets moved (``mapping(old index) -> new
        index``); the tab bar starts at the first sheet, so the one added first is seen."""
        book = self._workbook
        view = re.search(rb"<(?:\w+:)?workbookView\b[^>]*?/?>", book)
        if view is None:
            return
        element = re.sub(rb'\s+firstSheet="[0-9]+"', b"", view.group(0))
        m = re.search(rb'\bactiveTab="([0-9]+)"', element)
        new = f'activeTab="{mapping(int(m.group(1)) if m else 0)}"'.encode()
        element = element.replace(m.group(0), new, 1) if m else re.sub(
            rb"(<(?:\w+:)?workbookView)", rb"\1 " + new, element, count=1)
        self._set_workbook(book.replace(view.group(0), element, 1))

    def _drop_content_type(self, part: str) -> None:
        ct = self.members["[Content_Types].xml"]
        self.members["[Content_Types].xml"] = re.sub(
            rb'<Override\b[^>]*PartName="/' + re.escape(part.encode()) + rb'"[^>]*/>', b"", ct)

    # ------------------------------------------------------------------------------ names
    def set_print_area(self, sheet: str, ref: str) -> None:
        self._set_sheet_name("_xlnm.Print_Area", sheet, ref)

    def set_print_titles(self, sheet: str, rows: str) -> None:
        """The rows printed at the top of every page of the sheet (``"$1:$1"``)."""
        self._set_sheet_name("_xlnm.Print_Titles", sheet, f"{quote_sheet(self.actual(sheet))}!{rows}")

    def _set_sheet_name(self, name: str, sheet: str, ref: str) -> None:
        """A sheet's own defined name (a print area, its print titles), replaced or added."""
        index = self.sheet_names().index(self.actual(sheet))
        book = self._workbook
        for m in _DEFINED.finditer(book):
            local = _LOCAL.search(m.group(2))
            if name.encode() in m.group(2) and local and int(local.group(1)) == index:
                new = b"<" + m.group(1) + b"definedName" + m.group(2) + b">" + escape(ref).encode() + b"</" + m.group(1) + b"definedName>"
                self._set_workbook(book[:m.start()] + new + book[m.end():])
                return
        element = f'<definedName name="{name}" localSheetId="{index}">{escape(ref)}</definedName>'.encode()
        if re.search(rb"</(?:\w+:)?definedNames>", book):
            book = re.sub(rb"</((?:\w+:)?)definedNames>", element + rb"</\1definedNames>", book, count=1)
        else:
            book = re.sub(rb"(</(?:\w+:)?sheets>)", rb"\1<definedNames>" + element + b"</definedNames>", book, count=1)
        self._set_workbook(book)

    # ------------------------------------------------------------------------------ calculation
    def recalculate_on_open(self) -> None:
        """Drop the calculation chain (Excel rebuilds it) and ask for a full recalculation when
        the copy is opened: formulas of the user's own see the repaired values at once."""
        self.members.pop("xl/calcChain.xml", None)
        self._drop_content_type("xl/calcChain.xml")
        rels = self.members[self._rels_part()]
        self.members[self._rels_part()] = re.sub(rb'<(?:\w+:)?Relationship\b[^>]*Target="[^"]*calcChain\.xml"[^>]*/>', b"", rels)
        book = self._workbook
        calc = re.search(rb"<(?:\w+:)?calcPr\b[^>]*?/?>", book)
        if calc is not None:
            element = re.sub(rb'\s+fullCalcOnLoad="[^"]*"', b"", calc.group(0))
            element = re.sub(rb"(<(?:\w+:)?calcPr)", rb'\1 fullCalcOnLoad="1"', element, count=1)
            self._set_workbook(book.replace(calc.group(0), element, 1))
            return
        for anchor in (rb"</(?:\w+:)?definedNames>", rb"<(?:\w+:)?definedNames/>", rb"</(?:\w+:)?externalReferences>",
                       rb"</(?:\w+:)?sheets>"):
            m = re.search(anchor, book)
            if m:
                prefix = re.match(rb"</?((?:\w+:)?)", m.group(0)).group(1)
                self._set_workbook(book[:m.end()] + b"<" + prefix + b'calcPr fullCalcOnLoad="1"/>' + book[m.end():])
                return

    # ------------------------------------------------------------------------------ styles
    def add_styles(self) -> tuple[int, int]:
        """Two cell styles for a sheet of our own: bold (headers), wrapped at the top (long text)."""
        styles = self.members["xl/styles.xml"]
        fonts = re.search(rb"<((?:\w+:)?)fonts\b[^>]*?count=\"([0-9]+)\"[^>]*>", styles)
        p = fonts.group(1).decode()
        n_fonts = int(fonts.group(2))
        bold = f"<{p}font><{p}b/><{p}sz val=\"11\"/><{p}name val=\"Calibri\"/></{p}font>".encode()
        styles = styles.replace(f"</{p}fonts>".encode(), bold + f"</{p}fonts>".encode(), 1)
        styles = styles[:fonts.start()] + fonts.group(0).replace(fonts.group(2), str(n_fonts + 1).encode(), 1) + styles[fonts.end():]
        xfs = re.search(rb"<((?:\w+:)?)cellXfs\b[^>]*?count=\"([0-9]+)\"[^>]*>", styles)
        n_xfs = int(xfs.group(2))
        new = (f'<{p}xf numFmtId="0" fontId="{n_fonts}" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
               f'<{p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
               f'<{p}alignment wrapText="1" vertical="top"/></{p}xf>').encode()
        styles = styles.replace(f"</{p}cellXfs>".encode(), new + f"</{p}cellXfs>".encode(), 1)
        styles = styles[:xfs.start()] + xfs.group(0).replace(xfs.group(2), str(n_xfs + 2).encode(), 1) + styles[xfs.end():]
        self.members["xl/styles.xml"] = styles
        return n_xfs, n_xfs + 1

    def number_formats(self) -> list[str]:
        """Each cell style's number format code, by style index (built-ins by their number)."""
        styles = self.members.get("xl/styles.xml", b"")
        custom = {int(i): _unescape_attr(code) for i, code in
                  re.findall(rb'<(?:\w+:)?numFmt\b[^>]*numFmtId="([0-9]+)"[^>]*formatCode="([^"]*)"', styles)}
        xfs = re.search(rb"<(?:\w+:)?cellXfs\b.*?</(?:\w+:)?cellXfs>", styles, re.S)
        ids = [int(m) for m in re.findall(rb'<(?:\w+:)?xf\b[^>]*?numFmtId="([0-9]+)"', xfs.group(0))] if xfs else []
        return [custom.get(i, "@" if i == 49 else str(i)) for i in ids]

    def set_custom_property(self, name: str, value: str) -> bool:
        """Set an existing custom document property's text; False when the file has none such."""
        part = self.members.get("docProps/custom.xml")
        if part is None:
            return False
        m = re.search(rb'(<property\b[^>]*\bname="' + re.escape(name.encode()) + rb'"[^>]*>\s*<vt:lpwstr>)([^<]*)(</vt:lpwstr>)', part)
        if m is None:
            return False
        self.members["docProps/custom.xml"] = part[:m.start(2)] + escape(value).encode() + part[m.end(2):]
        return True

    # ------------------------------------------------------------------------------ output
    def write(self, out: Path) -> None:
        for name, sheet in self._sheets.items():
            self.members[self.sheet_parts[name]] = sheet.tobytes()
        order = ["[Content_Types].xml"] + [n for n in self.members if n != "[Content_Types].xml"]
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in order:
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, self.members[name])
