"""Which files a rekap reads: PATH arguments that are files, and every spreadsheet found under
the ones that are folders (recursively, in name order: .xlsx and .xlsm are read, .xls and .ods
are listed as unreadable with how to save them as .xlsx, never skipped in silence), without
Excel lock files (``~$x.xlsx``),
hidden files and folders, rekap workbooks written by lkjip-xl (marked in their document
properties, so a rekap kept in the folder it summarises is not read back), or the same file twice."""
from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

REKAP_MARK = "lkjip-xl rekap"  # the keywords of every rekap workbook (docProps/core.xml)
_CORE = "docProps/core.xml"
_CORE_MAX = 64 * 1024
SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")  # taken from folders (case ignored)


@dataclass
class Collected:
    files: list[Path] = field(default_factory=list)  # in argument order, each folder's files by name
    missing: list[Path] = field(default_factory=list)  # arguments that do not exist


def skipped_name(name: str) -> bool:
    """Excel's lock files (``~$x.xlsx``) and hidden or temporary files (``.x.xlsx``)."""
    return name.startswith(("~$", "."))


def is_rekap(path: Path) -> bool:
    """A workbook written by ``lkjip-xl rekap`` (read: a small part of the zip, bounded)."""
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo(_CORE)
            return info.file_size <= _CORE_MAX and REKAP_MARK.encode() in zf.read(info)
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError, NotImplementedError):
        return False


def _folder(folder: Path) -> list[Path]:
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(root) / n for n in sorted(names) if n.lower().endswith(SPREADSHEETS) and not skipped_name(n)]
    return [f for f in found if not is_rekap(f)]


def collect(paths: list[Path]) -> Collected:
    """The files named by ``paths``. A file argument is taken whatever its name or content
    (check says why it cannot be read)."""
    out = Collected()
    seen: set[Path] = set()
    for p in map(Path, paths):
        if p.is_dir():
            candidates = _folder(p)
        elif p.exists():
            candidates = [p]
        else:
            out.missing.append(p)
            continue
        for f in candidates:
            if f.resolve() not in seen:
                seen.add(f.resolve())
                out.files.append(f)
    return out
