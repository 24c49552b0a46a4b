"""Sheets an office renamed: the template's sheet found under the name the office gave it.

Offices rename tabs: ``REALISASI``, ``Realisasi 2024``, ``SKM Tahun 2024``. Excel and LibreOffice
follow the rename in every formula, so the workbook still works; read by its template name alone,
it would lose the whole sheet (STR001) and every check that needs it. A template sheet missing
under its own name is taken to be the workbook's sheet that

1. has the same name but for case, spaces and punctuation (``skm``, ``Rencana_Aksi``), or else
2. begins with that name as whole words and is no template sheet itself (``Realisasi 2024``,
   ``PK Tahun 2024``), and does not begin with a longer template name (``SKM Hasil 2024`` is
   ``SKM Hasil``'s, never ``SKM``'s); a name two sheets could be is not guessed.

The result maps template name -> workbook name, for the renamed sheets only.
"""
from __future__ import annotations

import re


def sheet_key(name: str) -> str:
    """A sheet name compared tolerantly: lower case, words of letters and digits."""
    return " ".join(re.findall(r"[0-9a-z]+", name.lower()))


def renamed_sheets(present: list[str], template: list[str]) -> dict[str, str]:
    """Template sheet -> the workbook sheet that is it under another name (see the module)."""
    taken = set(present) & set(template)
    free = [name for name in present if name not in taken]
    out: dict[str, str] = {}
    missing = [name for name in template if name not in taken]
    for name in missing:  # 1. the same name written differently
        same = [s for s in free if sheet_key(s) == sheet_key(name) and s not in out.values()]
        if len(same) == 1:
            out[name] = same[0]
    for name in (m for m in missing if m not in out):
        key = sheet_key(name)  # 2. the name followed by more words
        if not key:
            continue
        longer = [sheet_key(t) for t in template if len(sheet_key(t)) > len(key)]
        starts = [s for s in free if s not in out.values() and _words_after(sheet_key(s), key)
                  and not any(sheet_key(s) == k or _words_after(sheet_key(s), k) for k in longer)]
        if len(starts) == 1:
            out[name] = starts[0]
    return out


def _words_after(key: str, prefix: str) -> bool:
    return key.startswith(prefix + " ")
