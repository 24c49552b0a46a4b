"""Which files a rekap reads: PATH arguments that are files, and every spreadsheet found under
the ones that are folders (recursively, in name order: .xlsx and .xlsm are read, .xls and .ods
are listed as unreadable with how to save them as .xlsx, never skipped in silence), without
Excel lock files (``~$x.xlsx``), hidden files and folders, rekap workbooks written by lkjip-xl
(marked in their document properties, so a rekap kept in the folder it summarises is not read
back), or the same file twice. A folder's other files (a zip archive, a PDF, a CSV) are listed,
never dropped in silence: a unit's workbook may be inside an archive."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..reader.own_files import REKAP_MARK, own_mark
SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")  # taken from folders (case ignored)
ARCHIVES = (".zip", ".rar", ".7z", ".tar", ".gz", ".tgz")  # may hold a unit's workbook: zips are opened, the rest listed
_SYSTEM_FILES = ("thumbs.db", "desktop.ini")


@dataclass
class Collected:
    files: list[Path] = field(default_factory=list)  # in argument order, each folder's files by name
    missing: list[Path] = field(default_factory=list)  # arguments that do not exist
    others: list[Path] = field(default_factory=list)  # other files (a zip, a PDF, a CSV): opened or listed


def skipped_name(name: str) -> bool:
    """Excel's lock files (``~$x.xlsx``), hidden or temporary files (``.x.xlsx``) and the files
    Windows keeps in every folder."""
    return name.startswith(("~$", ".")) or name.lower() in _SYSTEM_FILES


def is_rekap(path: Path) -> bool:
    """A workbook written by ``lkjip-xl rekap``."""
    return own_mark(path) == REKAP_MARK


def _folder(folder: Path) -> tuple[list[Path], list[Path]]:
    """A folder's spreadsheets (rekap workbooks left out) and its other files."""
    found, others = [], []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for n in sorted(n for n in names if not skipped_name(n)):
            (found if n.lower().endswith(SPREADSHEETS) else others).append(Path(root) / n)
    return [f for f in found if not is_rekap(f)], others


def collect(paths: list[Path]) -> Collected:
    """The files named by ``paths``. A file argument is taken whatever its name or content
    (check says why it cannot be read), but for a zip; a folder's files that are no spreadsheet
    are kept apart."""
    out = Collected()
    seen: set[Path] = set()

    def add(files: list[Path], to: list[Path]) -> None:
        for f in files:
            if f.resolve() not in seen:
                seen.add(f.resolve())
                to.append(f)

    for p in map(Path, paths):
        if p.is_dir():
            spreadsheets, others = _folder(p)
            add(spreadsheets, out.files)
            add(others, out.others)
        elif p.exists():
            add([p], out.others if p.suffix.lower() == ".zip" else out.files)
        else:
            out.missing.append(p)
    return out
