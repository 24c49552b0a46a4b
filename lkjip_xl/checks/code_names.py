"""The name beside each code of the Realisasi sheet against the name the other sheets give the same
code (PK Program: the programmes; RA Kegiatan: programmes and kegiatan), VAL026. The Uraian column
sorted alone (Data > Sort, "current selection only") or shifted by a row leaves every name beside
another code: the amounts are right, the report prints them under the wrong names.

Offices abbreviate and retype names (case, spacing, punctuation, a "Program"/"Kegiatan" prefix,
spelling variants), so names are compared by their significant words, tolerantly
(``document/names.py``), and only a clear mismatch is said: the name differs from the one the other
sheet gives its code (neither holds the other's words), and either it is the name the other sheet
gives another code, or the other sheet's name of this code stands beside another code on Realisasi.
"""
from __future__ import annotations

from typing import Iterable

from ..calc.budget import match_key
from ..document.names import same_word, words
from ..findings import Finding
from ..i18n import Text
from .codes import norm

SOURCES = (("pk_program", "program"), ("ra_kegiatan", "uraian"))  # (table, its name column)


def _within(a: list[str], b: list[str]) -> bool:
    """Every word of ``a`` is (tolerantly) a word of ``b``."""
    return all(any(same_word(x, y) for y in b) for x in a)


def _alike(a: list[str], b: list[str]) -> bool:
    """One name is the other, abbreviated or with words left out: not a mismatch."""
    return not a or not b or _within(a, b) or _within(b, a)


def _equal(a: list[str], b: list[str]) -> bool:
    return bool(a) and bool(b) and _within(a, b) and _within(b, a)


def check(ctx) -> Iterable[Finding]:
    table = ctx.model.table("realisasi")
    if table is None or "kode" not in table.values or "uraian" not in table.values:
        return
    named: dict[str, tuple[str, str, list[str]]] = {}  # code's match key -> (sheet, name, its words)
    for key, column in SOURCES:
        other = ctx.model.table(key)
        if other is None or "kode" not in other.values or column not in other.values:
            continue
        for j, raw in enumerate(other.values["kode"]):
            code, name = norm(raw), other.get(column, j)
            if code and isinstance(name, str) and words(name):
                named.setdefault(match_key(code), (other.sheet, name.strip(), words(name)))
    if not named:
        return
    # by the budget tree's codes: row numbers (1, 1, 2 …) read with the Tingkat column are full codes
    codes = {line.index: line.code for line in ctx.wb.budget.lines if line.coded}
    rows = [(i, match_key(code), name.strip()) for i, code in codes.items()
            if isinstance(name := table.get("uraian", i), str)]
    said: dict[int, list[str]] = {}  # row -> its name's words, worked out when the name is compared

    def words_of(i: int, name: str) -> list[str]:
        found = said.get(i)
        if found is None:
            found = said[i] = words(name)
        return found

    for i, key, name in rows:
        own = named.get(key)
        if own is None or _alike(mine := words_of(i, name), own[2]):
            continue
        sheet, want, theirs = own
        other = next((k for k, (_, _, w) in named.items() if k != key and _equal(mine, w)), None)
        moved = next((r for r, k, n in rows if k != key and _equal(theirs, words_of(r, n))), None)
        if other is not None:
            code, where = next((codes[r] for r, k, _ in rows if k == other), other), named[other][0]
            why = Text(f"'{name}' adalah nama {code} di {where}", f"'{name}' is the name of {code} on {where}")
        elif moved is not None:
            why = Text(f"nama itu ada di baris {table.rows[moved]}, di samping kode {codes[moved]}",
                       f"that name is in row {table.rows[moved]}, beside the code {codes[moved]}")
        else:
            continue
        yield Finding("VAL026", table.sheet, table.cell("uraian", i), expected=want, found=name,
                      params={"kode": codes[i], "sheet": sheet, "why": why})

