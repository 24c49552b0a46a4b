"""What an upload is, by its content (never by its name).

- A zip archive holding spreadsheets and no Office document (``holds_workbooks``) is the units'
  workbooks sent together: they get a rekap, as ``lkjip-xl rekap kiriman.zip``.
- Any other zip archive is a workbook candidate: the reader then vets it (``xl/workbook.xml``, zip bombs,
  unsafe XML) and refuses anything else with the same reason the command line gives.
- Text (no NUL byte, or UTF-16 with its byte-order mark) is a CSV survey export.
- Anything else (random bytes, an old .xls, an encrypted workbook) goes to the reader as a
  workbook too, so that the user reads the reason the command line gives for it ("format Excel
  lama (.xls) tidak didukung", "bukan arsip zip", ...).
- A report document (a Word .docx, a PDF) is told apart first (``report_kind``): it is checked
  against the workbook sent with it, as ``lkjip-xl check LAPORAN --workbook DATA.xlsx``.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from ..rekap.collect import SPREADSHEETS

SNIFF_BYTES = 8192
_ZIP = b"PK\x03\x04"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_PDF = b"%PDF-"


def report_kind(path: Path) -> str | None:
    """``"docx"`` (a zip holding ``word/document.xml``) or ``"pdf"``, else None. Only the zip's
    directory is read, never a member."""
    with open(path, "rb") as fh:
        head = fh.read(len(_PDF))
    if head == _PDF:
        return "pdf"
    if not head.startswith(_ZIP):
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            return "docx" if "word/document.xml" in archive.namelist() else None
    except (zipfile.BadZipFile, OSError, ValueError):
        return None  # the reader gives its own reason for a damaged zip


def holds_workbooks(path: Path) -> bool:
    """A zip archive that is no Office document but holds spreadsheets (the units' workbooks sent
    together as ``kiriman.zip``): its workbooks get a rekap. Only the zip's directory is read."""
    with open(path, "rb") as fh:
        if not fh.read(len(_ZIP)).startswith(_ZIP):
            return False
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    if "[Content_Types].xml" in names:  # an .xlsx/.docx package, even one without its workbook part
        return False
    return any(n.lower().endswith(SPREADSHEETS) for n in names)


def upload_kind(head: bytes) -> str:
    """``"xlsx"`` or ``"csv"`` from the first bytes of an upload."""
    if head.startswith(_ZIP):
        return "xlsx"
    if head.startswith(_UTF16_BOMS):
        return "csv"
    if not head or b"\x00" in head:
        return "xlsx"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not merely a character cut at the end of the sample
            return "csv" if _mostly_text(head) else "xlsx"
    return "csv"


def _mostly_text(head: bytes) -> bool:
    """Latin-1/cp1252 text (an export from an old spreadsheet): few control characters."""
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 13))
    return controls <= len(head) // 100
