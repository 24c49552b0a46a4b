"""Open an .xlsx safely: recognise what the file really is, bound its size, map sheet names to
their XML parts. Everything that is not a readable workbook becomes one clear error (exit 2)."""
from __future__ import annotations

import posixpath
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from ..errors import UnreadableWorkbook, damaged as _damaged
from ..i18n import Text
from . import limits
from .extent import Extent, ExtentSum, sheet_extent
from .sheet_names import renamed_sheets
from .xmlscan import WholeSheetNeeded

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# the r:id of a <sheet>: transitional and Strict OOXML name the relationships namespace differently
REL_ID_ATTRS = ("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id",
                "{http://purl.oclc.org/ooxml/officeDocument/relationships}id")
DEFAULT_WORKBOOK = "xl/workbook.xml"


@dataclass
class Container:
    path: Path
    zip: zipfile.ZipFile
    sheet_parts: dict[str, str]  # sheet name -> zip member of its XML
    sheet_states: dict[str, str]  # sheet name -> visible/hidden/veryHidden
    styles_part: str | None = None  # zip member of the cell styles (number formats)
    workbook_part: str = "xl/workbook.xml"  # zip member of the workbook (sheets, defined names)
    renamed: dict[str, str] = field(default_factory=dict)  # template name -> the name the office gave it

    def adopt_renamed(self) -> None:
        """Know the template's sheets an office renamed by their template names
        (``reader/sheet_names.py``); ``actual`` gives back the name in the workbook."""
        from ..schema import SCHEMA

        self.renamed = renamed_sheets(list(self.sheet_parts), [sheet.name for sheet in SCHEMA.sheets])
        for name, actual in self.renamed.items():
            self.sheet_parts[name] = self.sheet_parts.pop(actual)
            if actual in self.sheet_states:
                self.sheet_states[name] = self.sheet_states.pop(actual)

    def actual(self, name: str) -> str:
        """A sheet's name in the workbook (its template name unless the office renamed it)."""
        return self.renamed.get(name, name)

    def read_part(self, member: str) -> bytes | bytearray:
        """A part's bytes, refused when it declares a DTD; a worksheet is also refused when its
        cells reach past the row or grid limits (python-calamine would build that grid). A large
        worksheet comes as a bytearray (decompressed into one buffer: half the memory)."""
        info = self._info(member)
        sheet = self._sheet_of.get(member)
        if sheet is not None and info.file_size > LARGE_PART_BYTES:
            data = _read_large_member(self.path, self.zip, info)
        else:
            data = _read_member(self.path, self.zip, member)
        unsafe = _dtd_in_prolog(data)
        if unsafe is not False:
            raise UnreadableWorkbook("unsafe_xml", path=str(self.path), detail=f"DOCTYPE/ENTITY: {member}")
        if sheet is not None:
            _check_extent(self.path, sheet, data)
        return data

    def parsed(self, member: str):
        """A part's XML as an element tree (defused, refused as ``read_part`` refuses)."""
        return _parse(self.path, self.read_part(member))

    def relationships(self, member: str) -> list[tuple[str, str, str]]:
        """(id, type, zip member) of each internal relationship of a part; [] when it has none."""
        folder, name = posixpath.split(member)
        return _relationships(self.path, self.zip, posixpath.join(folder, "_rels", name + ".rels"), folder)

    def fragments(self, member: str, *, vet: bool = True):
        """A large worksheet's XML a stretch of whole rows at a time (each cut after a row's end
        tag; anything after the last row comes with the last), decompressed as it is read, so the
        sheet is never held whole. With ``vet``, what ``read_part`` refuses is refused here: a DTD
        in its prolog, cells past the limits (known, and raised, once the last stretch is read:
        read them all before python-calamine touches the sheet). ``WholeSheetNeeded`` when some
        row or cell has no r= (its place then depends on the rows before it)."""
        extent, plain, carry = ExtentSum(), None, b""
        for chunk in _decompressed(self.path, self.zip, self._info(member)):
            data = carry + chunk if carry else chunk
            cut = len(data) if not chunk else _after_last_row(data)
            piece, carry = data[:cut], data[cut:]
            del data
            if not piece:
                continue
            if plain is None:
                if vet and _dtd_in_prolog(piece) is not False:
                    raise UnreadableWorkbook("unsafe_xml", path=str(self.path), detail=f"DOCTYPE/ENTITY: {member}")
                plain = b"<worksheet" in piece[:4096]
            if vet and not extent.add(piece, plain=plain):
                raise WholeSheetNeeded(member)
            yield piece
        if vet:
            refuse_extent(self.path, self._sheet_of.get(member, member), extent.result())

    def _info(self, member: str) -> zipfile.ZipInfo:
        """The member's entry, refused when it declares more than a part may hold."""
        info = self.zip.getinfo(member)
        if info.file_size > limits.MAX_PART_BYTES:
            raise UnreadableWorkbook("too_large", path=str(self.path), detail=f"{member} {info.file_size} B")
        return info

    def is_large(self, member: str) -> bool:
        """Is the part large enough to be read a stretch at a time (``fragments``)?"""
        return self.part_size(member) > LARGE_PART_BYTES

    def part_size(self, member: str) -> int:
        """A part's size as the zip says, decompressed."""
        return self.zip.getinfo(member).file_size

    @property
    def _sheet_of(self) -> dict[str, str]:
        return {member: name for name, member in self.sheet_parts.items()}

    def close(self) -> None:
        self.zip.close()


def check_file(path: Path) -> None:
    """The path names a regular, non-empty file within the size limit."""
    if not path.exists():
        raise UnreadableWorkbook("file_missing", path=str(path))
    if not path.is_file():
        raise UnreadableWorkbook("not_a_file", path=str(path))
    size = path.stat().st_size
    if size == 0:
        raise UnreadableWorkbook("empty_file", path=str(path))
    if size > limits.MAX_FILE_BYTES:
        raise UnreadableWorkbook("too_large", path=str(path), detail=f"{size} B > {limits.MAX_FILE_BYTES} B")


def open_container(path: Path, *, scan_sheets: bool = True) -> Container:
    """Open and vet a workbook. Every XML part is searched for a DTD; with ``scan_sheets`` (the
    default, for callers that then hand the file to python-calamine or openpyxl themselves)
    every worksheet is also read once to bound its grid. ``read_workbook`` passes False and lets
    ``read_part`` do it for the sheets it reads."""
    path = Path(path)
    zf = _open_zip(path, ole2=("old_xls", {}), not_zip="not_xlsx")
    try:
        _check_member_sizes(path, zf)
        workbook = _workbook_part(path, zf)
        parts, states, styles = _sheet_parts(path, zf, workbook)
        container = Container(path, zf, parts, states, styles, workbook)
        sheets = set(parts.values())
        _refuse_dtds(path, zf, [n for n in zf.namelist() if n not in sheets])
        if scan_sheets:
            for member in parts.values():
                container.read_part(member)
    except Exception:
        zf.close()
        raise
    return container


# ------------------------------------------------------------------------------ hostile content
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError,
               NotImplementedError, RuntimeError, struct.error)
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_PROLOG_LIMIT = 1024 * 1024


def _read_member(path: Path, zf: zipfile.ZipFile, member: str) -> bytes:
    """A member's bytes; a damaged, encrypted or lying member is one clear error."""
    try:
        return zf.read(member)
    except _ZIP_ERRORS as exc:
        raise UnreadableWorkbook("unreadable", path=str(path), detail=_damaged(exc, member)) from None


_ROW_END = re.compile(rb"</(?:\w+:)?row>")


def _after_last_row(data: bytes) -> int:
    """Where the last complete row of ``data`` ends (0 when none does)."""
    at = len(data)
    while True:
        at = data.rfind(b"row>", 0, at)
        if at < 0:
            return 0
        start = data.rfind(b"<", 0, at)
        if start >= 0 and _ROW_END.fullmatch(data, start, at + 4):
            return at + 4
        if start < 0:
            return 0


# a worksheet larger than this is read a stretch of rows at a time (``fragments``); when it must be
# read whole, it is decompressed into one buffer of its size: zipfile joins what it decompresses,
# which holds it twice for a moment (2 × 147 MB for 100.000 respondents)
LARGE_PART_BYTES = 16 * 1024 * 1024
_READ_CHUNK = 4 * 1024 * 1024


def _read_large_member(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytearray:
    """A member decompressed into one buffer of the size the zip declares."""
    buf = bytearray(info.file_size)
    pos = 0
    for chunk in _decompressed(path, zf, info):
        buf[pos:pos + len(chunk)] = chunk
        pos += len(chunk)
    return buf


def _decompressed(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo):
    """A member's data ``_READ_CHUNK`` at a time, then one empty chunk at its end (zipfile checks
    the CRC and stops at the declared size); a member whose data is not that size is damaged."""
    pos = 0
    try:
        with zf.open(info) as part:
            while chunk := part.read(_READ_CHUNK):
                pos += len(chunk)
                if pos > info.file_size:
                    raise zipfile.BadZipFile(f"{info.filename}: more data than declared")
                yield chunk
    except _ZIP_ERRORS as exc:
        raise UnreadableWorkbook("unreadable", path=str(path), detail=_damaged(exc, info.filename)) from None
    if pos != info.file_size:
        raise UnreadableWorkbook("unreadable", path=str(path),
                                 detail=_damaged(zipfile.BadZipFile(f"{info.filename}: less data than declared"),
                                                 info.filename))
    yield b""


def _dtd_in_prolog(head: bytes) -> bool | None:
    """True when a DOCTYPE (or any other <!...> declaration) comes before the root element,
    False when the root element comes first, None when ``head`` ends inside the prolog.
    Entities can only be declared there, so this is all an entity bomb or an external entity
    (XXE) needs; content after the root cannot hold a declaration in well-formed XML."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[:1] == b"\x00" or head[1:2] == b"\x00":
        codec = "utf-16" if head[:2] in (b"\xff\xfe", b"\xfe\xff") else (
            "utf-16-be" if head[:1] == b"\x00" else "utf-16-le")
        head = head[: 2 * _PROLOG_LIMIT].decode(codec, "replace").encode("utf-8", "replace")
    pos = 3 if head.startswith(b"\xef\xbb\xbf") else 0
    n = len(head)
    while True:
        while pos < n and head[pos] in b" \t\r\n":
            pos += 1
        if pos >= n:
            return None
        if head.startswith(b"<?", pos):
            end = head.find(b"?>", pos + 2)
            if end < 0:
                return None
            pos = end + 2
        elif head.startswith(b"<!--", pos):
            end = head.find(b"-->", pos + 4)
            if end < 0:
                return None
            pos = end + 3
        elif head.startswith(b"<!", pos):
            return True
        else:
            return False


def _refuse_dtds(path: Path, zf: zipfile.ZipFile, members: list[str]) -> None:
    """Search the prolog of every XML part for a DTD, reading no more than the prolog."""
    for member in members:
        if not member.lower().endswith(_XML_SUFFIXES):
            continue
        try:
            with zf.open(member) as fh:
                head = fh.read(64 * 1024)
                verdict = _dtd_in_prolog(head)
                while verdict is None and len(head) < _PROLOG_LIMIT:
                    more = fh.read(64 * 1024)
                    if not more:
                        break
                    head += more
                    verdict = _dtd_in_prolog(head)
        except _ZIP_ERRORS as exc:
            raise UnreadableWorkbook("unreadable", path=str(path), detail=_damaged(exc, member)) from None
        if verdict is True or (verdict is None and len(head) >= _PROLOG_LIMIT):
            raise UnreadableWorkbook("unsafe_xml", path=str(path), detail=f"DOCTYPE/ENTITY: {member}")


def _check_extent(path: Path, sheet: str, xml: bytes) -> None:
    refuse_extent(path, sheet, sheet_extent(xml))


def refuse_extent(path: Path, sheet: str, ext: Extent) -> None:
    """Refuse a sheet whose cells reach past the row limit or whose grid would be too large."""
    if ext.rows > limits.MAX_ROWS:
        raise UnreadableWorkbook("too_many_rows", path=str(path), sheet=sheet, row=ext.rows,
                                 cell=ext.cell or f"A{ext.rows}", limit=limits.MAX_ROWS)
    if ext.cols > limits.MAX_COLUMNS or ext.rows * ext.cols > limits.MAX_GRID_CELLS:
        raise UnreadableWorkbook("sheet_too_large", path=str(path), sheet=sheet, cell=ext.cell or "?",
                                 cols=limits.MAX_COLUMNS, cells=limits.MAX_GRID_CELLS)


def declared_entries(path: Path) -> int | None:
    """The number of members the zip's end record declares, read before zipfile builds an
    object for each of them (millions of empty members would exhaust memory first)."""
    try:
        with open(path, "rb") as fh:
            fh.seek(0, 2)
            size = fh.tell()
            fh.seek(max(0, size - 65_557))
            tail = fh.read()
    except OSError:
        return None
    end = tail.rfind(b"PK\x05\x06")
    if end < 0 or end + 22 > len(tail):
        return None
    count = struct.unpack_from("<H", tail, end + 10)[0]
    if count == 0xFFFF:  # zip64: the real count is in the zip64 end record
        loc = tail.rfind(b"PK\x06\x06", 0, end)
        if loc >= 0 and loc + 40 <= len(tail):
            return struct.unpack_from("<Q", tail, loc + 32)[0]
    return count


def _open_zip(path: Path, *, ole2: tuple[str, dict], not_zip: str) -> zipfile.ZipFile:
    """The file as a zip, refused (with the given message keys) when it is an OLE2 file (an
    encrypted one is named so), not a zip, or declares more members than allowed."""
    check_file(path)
    with open(path, "rb") as fh:
        magic = fh.read(8)
    if magic == OLE2_MAGIC:
        raw = path.read_bytes()[: 1024 * 1024]
        if "EncryptedPackage".encode("utf-16-le") in raw or b"EncryptedPackage" in raw:
            raise UnreadableWorkbook("encrypted", path=str(path))
        raise UnreadableWorkbook(ole2[0], path=str(path), **ole2[1])
    if not magic.startswith(b"PK"):
        raise UnreadableWorkbook(not_zip, path=str(path), detail=Text("bukan arsip zip", "not a zip archive"))
    entries = declared_entries(path)
    if entries is not None and entries > limits.MAX_ZIP_MEMBERS:
        raise UnreadableWorkbook("too_large", path=str(path), detail=_members(entries))
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, struct.error) as exc:
        raise UnreadableWorkbook(not_zip, path=str(path), detail=_damaged(exc)) from None


def open_package(path: Path) -> zipfile.ZipFile:
    """Open any Office Open XML package (a .docx too) with the same guards as a workbook: a zip,
    within the member, size and compression limits, no DTD in any XML part."""
    path = Path(path)
    zf = _open_zip(path, ole2=("unreadable", {"detail": "OLE2 (.doc/.xls)"}), not_zip="unreadable")
    try:
        _check_member_sizes(path, zf)
        _refuse_dtds(path, zf, zf.namelist())
    except Exception:
        zf.close()
        raise
    return zf


def _check_member_sizes(path: Path, zf: zipfile.ZipFile) -> None:
    infos = zf.infolist()
    if len(infos) > limits.MAX_ZIP_MEMBERS:
        raise UnreadableWorkbook("too_large", path=str(path), detail=_members(len(infos)))
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.RATIO_CHECK_FROM_BYTES and ratio > limits.MAX_COMPRESSION_RATIO:
            raise UnreadableWorkbook("too_large", path=str(path),
                                     detail=Text(f"{info.filename}: {info.file_size} B, rasio {ratio:.0f}:1",
                                                 f"{info.filename}: {info.file_size} B, ratio {ratio:.0f}:1"))
        if info.file_size > limits.MAX_PART_BYTES:
            raise UnreadableWorkbook("too_large", path=str(path), detail=f"{info.filename}: {info.file_size} B")
    if total > limits.MAX_UNCOMPRESSED_BYTES:
        raise UnreadableWorkbook("too_large", path=str(path), detail=Text(f"{total} B setelah dibuka", f"{total} B decompressed"))


def _members(count: int) -> Text:
    return Text(f"{count} anggota zip", f"{count} zip members")


def _parse(path: Path, data: bytes):
    try:
        return SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise UnreadableWorkbook("unsafe_xml", path=str(path), detail=type(exc).__name__) from None
    except SafeET.ParseError as exc:
        raise UnreadableWorkbook("unreadable", path=str(path), detail=_damaged(exc, "XML")) from None


def local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _relationships(path: Path, zf: zipfile.ZipFile, rels_name: str, base: str) -> list[tuple[str, str, str]]:
    """(id, type, zip member) of each internal relationship of a .rels part; [] when it is absent."""
    if rels_name not in zf.NameToInfo:
        return []
    out = []
    for rel in _parse(path, _read_member(path, zf, rels_name)).iter():
        if local_name(rel.tag) != "Relationship" or rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        out.append((rel.get("Id", ""), rel.get("Type", ""), member))
    return out


def _workbook_part(path: Path, zf: zipfile.ZipFile) -> str:
    """The workbook's part, as the package's relationships name it (transitional or Strict
    type); xl/workbook.xml when they do not. An .xlsb names a binary part."""
    named = [m for _, kind, m in _relationships(path, zf, "_rels/.rels", "")
             if kind.endswith("/officeDocument") and m in zf.NameToInfo]
    member = named[0] if named else DEFAULT_WORKBOOK
    if member.endswith(".bin") or (not named and "xl/workbook.bin" in zf.NameToInfo):
        raise UnreadableWorkbook("not_xlsx", path=str(path), detail="xlsb")
    if member not in zf.NameToInfo and _is_ods(zf):
        raise UnreadableWorkbook("ods", path=str(path))
    if member not in zf.NameToInfo:
        raise UnreadableWorkbook("not_xlsx", path=str(path), detail=Text(f"{DEFAULT_WORKBOOK} tidak ada", f"{DEFAULT_WORKBOOK} missing"))
    return member


def _is_ods(zf: zipfile.ZipFile) -> bool:
    """An OpenDocument spreadsheet: its first member ``mimetype`` names the type."""
    info = zf.NameToInfo.get("mimetype")
    return info is not None and info.file_size < 100 and zf.read(info).startswith(
        b"application/vnd.oasis.opendocument.spreadsheet")


def _sheet_parts(path: Path, zf: zipfile.ZipFile, workbook: str) -> tuple[dict[str, str], dict[str, str], str | None]:
    """Sheet name -> its part, sheet name -> its visibility, and the styles part. Elements are
    matched by local name, so any namespace (transitional, Strict) and any prefix will do."""
    wb = _parse(path, _read_member(path, zf, workbook))
    folder, name = posixpath.split(workbook)
    rels = _relationships(path, zf, posixpath.join(folder, "_rels", name + ".rels"), folder)
    targets = {rel_id: member for rel_id, _, member in rels}
    styles = next((m for _, kind, m in rels if kind.endswith("/styles") and m in zf.NameToInfo), None)
    parts, states = {}, {}
    for sheet in wb.iter():
        if local_name(sheet.tag) != "sheet":
            continue
        name = sheet.get("name")
        rel_id = next((sheet.get(a) for a in REL_ID_ATTRS if sheet.get(a)), None)
        member = targets.get(rel_id)
        if name and member and member in zf.NameToInfo:
            parts[name] = member
            states[name] = sheet.get("state", "visible")
    return parts, states, styles
