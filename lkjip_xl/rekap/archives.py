"""The workbooks inside zip archives: a unit's workbook often arrives as ``kiriman.zip`` (sent by
e-mail or WhatsApp). The spreadsheets a zip holds are copied, one by one and bounded, into a
private temporary folder and checked like the folder's own files; the rekap names each by the
archive and its place in it (``kiriman.zip/LKjIP/beta.xlsx``). Nothing is written where the
archive is, and a member's name never chooses where its copy goes (each gets a folder of its own).

What cannot be taken from an archive is listed with its reason, never dropped: a member protected
by a password, one larger than a workbook may be (``limits.MAX_FILE_BYTES``, counted as it is
read), the copies together over ``limits.MAX_UNCOMPRESSED_BYTES``, an archive of more than
``limits.MAX_ZIP_MEMBERS`` members, an archive inside the archive, a damaged zip.
An archive holding no spreadsheet at all is listed as skipped (photos, scans)."""
from __future__ import annotations

import shutil
import tempfile
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterator

from ..reader import limits
from ..reader.container import declared_entries
from .collect import ARCHIVES, SPREADSHEETS, skipped_name
from .figures import Unreadable
from .labels import t

_CHUNK = 1024 * 1024
_ZIP_ERRORS = (OSError, zipfile.BadZipFile, RuntimeError, ValueError, NotImplementedError, EOFError)


@dataclass
class Opened:
    """What the archives gave: the copies to check, the name each goes by in the rekap, and the
    archives or members that could not be taken (or held nothing to take)."""

    files: list[Path] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # str(copy) -> "archive.zip/member"
    listed: list[Unreadable] = field(default_factory=list)
    room: int = limits.MAX_UNCOMPRESSED_BYTES  # bytes all the copies may still take


def is_zip(path: Path) -> bool:
    return path.suffix.lower() == ".zip"


def _spreadsheet(member: zipfile.ZipInfo) -> bool:
    name = PurePosixPath(member.filename).name
    return not member.is_dir() and name.lower().endswith(SPREADSHEETS) and not skipped_name(name)


def _nested(member: zipfile.ZipInfo) -> bool:
    return not member.is_dir() and PurePosixPath(member.filename).suffix.lower() in ARCHIVES


def _copy(zf: zipfile.ZipFile, member: zipfile.ZipInfo, target: Path, room: int) -> int | None:
    """The member copied to ``target``: its size, or None when it is larger than a workbook may be
    (``limits.MAX_FILE_BYTES``) or than ``room``, counted as it is read, whatever its header claims
    (a zip bomb stops there)."""
    most = min(limits.MAX_FILE_BYTES, room)
    written = 0
    with zf.open(member) as src, open(target, "wb") as dst:
        while chunk := src.read(_CHUNK):
            written += len(chunk)
            if written > most:
                return None
            dst.write(chunk)
    return written


def _take(archive: Path, folder: Path, lang: str, out: Opened) -> None:
    entries = declared_entries(archive)
    if entries is not None and entries > limits.MAX_ZIP_MEMBERS:
        out.listed.append(Unreadable(str(archive), t("archive_too_large", lang, path=archive)))
        return
    try:
        with zipfile.ZipFile(archive) as zf:
            members = zf.infolist()
            sheets = [m for m in members if _spreadsheet(m)]
            nested = [m for m in members if _nested(m)]
            if not sheets and not nested:
                out.listed.append(Unreadable(str(archive), t("other_file", lang, kind="ZIP", path=archive),
                                             kind="skipped"))
                return
            for m in nested:
                out.listed.append(Unreadable(f"{archive}/{m.filename}", t("archive_nested", lang, path=archive)))
            for m in sheets:
                shown = f"{archive}/{m.filename}"
                if m.flag_bits & 0x1:
                    out.listed.append(Unreadable(shown, t("archive_password", lang, path=archive)))
                    continue
                if m.file_size > min(limits.MAX_FILE_BYTES, out.room):
                    out.listed.append(Unreadable(shown, t("archive_too_large", lang, path=archive)))
                    continue
                target = Path(tempfile.mkdtemp(dir=folder)) / PurePosixPath(m.filename).name
                try:
                    size = _copy(zf, m, target, out.room)
                except _ZIP_ERRORS as exc:
                    out.listed.append(Unreadable(shown, t("archive_damaged", lang, path=archive, detail=exc)))
                    continue
                if size is None:
                    target.unlink()
                    out.listed.append(Unreadable(shown, t("archive_too_large", lang, path=archive)))
                    continue
                out.room -= size
                out.files.append(target)
                out.names[str(target)] = shown
    except _ZIP_ERRORS:
        out.listed.append(Unreadable(str(archive), t("other_archive_unknown", lang, path=archive)))


@contextmanager
def opened_archives(archives: list[Path], lang: str = "id") -> Iterator[Opened]:
    """The spreadsheets of every zip in ``archives``, copied into a temporary folder that is
    removed on leaving."""
    out = Opened()
    if not archives:
        yield out
        return
    folder = Path(tempfile.mkdtemp(prefix="lkjip-rekap-zip-"))
    try:
        for archive in archives:
            _take(archive, folder, lang, out)
        yield out
    finally:
        shutil.rmtree(folder, ignore_errors=True)
