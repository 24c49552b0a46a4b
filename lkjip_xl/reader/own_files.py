"""Files lkjip-xl wrote itself, known by the mark in their document properties
(``docProps/core.xml``, which Excel and LibreOffice keep when they save): a rekap (its keywords)
and the tables of ``annex``, ``pk`` and ``skm --xlsx`` (their description). Neither is a unit's
workbook: ``check`` says what the file is, ``rekap`` leaves it out."""
from __future__ import annotations

import zipfile
from pathlib import Path

REKAP_MARK = "lkjip-xl rekap"  # the keywords of every rekap workbook
ANNEX_MARK = "lkjip-xl annex"  # the description of every table workbook and document annex, pk and skm write
REFUSALS = {REKAP_MARK: "own_rekap", ANNEX_MARK: "own_annex"}  # the message check stops with (i18n)
_CORE = "docProps/core.xml"
_CORE_MAX = 64 * 1024


def own_mark(source: Path | zipfile.ZipFile) -> str | None:
    """REKAP_MARK or ANNEX_MARK when the file bears it, else None (also for a file that is no zip;
    read: a small part of the zip, bounded)."""
    try:
        if isinstance(source, zipfile.ZipFile):
            return _mark(source)
        with zipfile.ZipFile(source) as zf:
            return _mark(zf)
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError, NotImplementedError):
        return None


def _mark(zf: zipfile.ZipFile) -> str | None:
    info = zf.getinfo(_CORE)
    if info.file_size > _CORE_MAX:
        return None
    core = zf.read(info)
    return next((mark for mark in (REKAP_MARK, ANNEX_MARK) if mark.encode() in core), None)
