"""Open an .xlsx safely: recognise what the file really is, bound its size, map sheet names to
their XML parts. Everything that is not a readable workbook becomes one clear error (exit 2)."""
from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from ..errors import UnreadableWorkbook
from . import limits

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


@dataclass
class Container:
    path: Path
    zip: zipfile.ZipFile
    sheet_parts: dict[str, str]  # sheet name -> zip member of its XML
    sheet_states: dict[str, str]  # sheet name -> visible/hidden/veryHidden

    def read_part(self, member: str) -> bytes:
        info = self.zip.getinfo(member)
        if info.file_size > limits.MAX_PART_BYTES:
            raise UnreadableWorkbook("too_large", path=str(self.path), detail=f"{member} {info.file_size} B")
        data = self.zip.read(member)
        head = data[:4096]
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise UnreadableWorkbook("unsafe_xml", path=str(self.path), detail=f"DOCTYPE in {member}")
        return data

    def close(self) -> None:
        self.zip.close()


def open_container(path: Path) -> Container:
    path = Path(path)
    if not path.exists():
        raise UnreadableWorkbook("file_missing", path=str(path))
    if not path.is_file():
        raise UnreadableWorkbook("not_a_file", path=str(path))
    size = path.stat().st_size
    if size == 0:
        raise UnreadableWorkbook("empty_file", path=str(path))
    if size > limits.MAX_FILE_BYTES:
        raise UnreadableWorkbook("too_large", path=str(path), detail=f"{size} B > {limits.MAX_FILE_BYTES} B")
    with open(path, "rb") as fh:
        magic = fh.read(8)
    if magic == OLE2_MAGIC:
        raw = path.read_bytes()[: 1024 * 1024]
        if "EncryptedPackage".encode("utf-16-le") in raw or b"EncryptedPackage" in raw:
            raise UnreadableWorkbook("encrypted", path=str(path))
        raise UnreadableWorkbook("old_xls", path=str(path))
    if not magic.startswith(b"PK"):
        raise UnreadableWorkbook("not_xlsx", path=str(path), detail="bukan arsip zip / not a zip archive")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableWorkbook("not_xlsx", path=str(path), detail=str(exc)[:80]) from None
    try:
        _check_sizes(path, zf)
        parts, states = _sheet_parts(path, zf)
    except Exception:
        zf.close()
        raise
    return Container(path, zf, parts, states)


def _check_sizes(path: Path, zf: zipfile.ZipFile) -> None:
    infos = zf.infolist()
    if len(infos) > limits.MAX_ZIP_MEMBERS:
        raise UnreadableWorkbook("too_large", path=str(path), detail=f"{len(infos)} zip members")
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.RATIO_CHECK_FROM_BYTES and ratio > limits.MAX_COMPRESSION_RATIO:
            raise UnreadableWorkbook("too_large", path=str(path),
                                     detail=f"{info.filename}: {info.file_size} B, ratio {ratio:.0f}:1")
        if info.file_size > limits.MAX_PART_BYTES:
            raise UnreadableWorkbook("too_large", path=str(path), detail=f"{info.filename}: {info.file_size} B")
    if total > limits.MAX_UNCOMPRESSED_BYTES:
        raise UnreadableWorkbook("too_large", path=str(path), detail=f"{total} B decompressed")
    names = set(zf.namelist())
    if "xl/workbook.xml" not in names:
        if "xl/workbook.bin" in names:
            raise UnreadableWorkbook("not_xlsx", path=str(path), detail="xlsb")
        raise UnreadableWorkbook("not_xlsx", path=str(path), detail="xl/workbook.xml missing")


def _parse(path: Path, data: bytes):
    try:
        return SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise UnreadableWorkbook("unsafe_xml", path=str(path), detail=type(exc).__name__) from None
    except SafeET.ParseError as exc:
        raise UnreadableWorkbook("unreadable", path=str(path), detail=f"XML: {exc}"[:100]) from None


def _sheet_parts(path: Path, zf: zipfile.ZipFile) -> tuple[dict[str, str], dict[str, str]]:
    wb = _parse(path, zf.read("xl/workbook.xml"))
    rels_name = "xl/_rels/workbook.xml.rels"
    targets: dict[str, str] = {}
    if rels_name in zf.namelist():
        for rel in _parse(path, zf.read(rels_name)).iter(f"{NS_PKG_REL}Relationship"):
            target = rel.get("Target", "")
            member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            targets[rel.get("Id")] = member
    parts, states = {}, {}
    for sheet in wb.iter(f"{NS_MAIN}sheet"):
        name = sheet.get("name")
        member = targets.get(sheet.get(f"{NS_REL}id"))
        if name and member and member in zf.namelist():
            parts[name] = member
            states[name] = sheet.get("state", "visible")
    return parts, states
