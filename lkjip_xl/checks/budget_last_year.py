"""BUD038 (with ``--tahun-lalu``): the realisasi (Rp) of every sub kegiatan this workbook shares
with last year's workbook (three or more, spent in both) is exactly last year's: the Realisasi sheet
of last year's file copied for this year with its spending left in, so last year's figures would
pass as this year's. The budget's counterpart of KIN031. A sub kegiatan new this year or without
spending is left out; one that differs is no copy. One warning at the first such realisasi."""
from __future__ import annotations

from typing import Iterable

from ..calc.budget import level_of, match_key
from ..derive.budget import money
from ..findings import Finding
from .last_year import COPIED_AT_LEAST


def _spent(table) -> dict[str, tuple[int, int]]:
    """(row index, realisasi) per sub kegiatan code (its first row) with a realisasi other than 0."""
    out: dict[str, tuple[int, int]] = {}
    for i in range(len(table)):
        code, amount = str(table.get("kode", i) or "").strip(), money(table.get("realisasi", i))
        if level_of(code) == "sub_kegiatan" and amount:
            out.setdefault(match_key(code), (i, amount))
    return out


def check(ctx) -> Iterable[Finding]:
    table = ctx.model.table("realisasi")
    prev = ctx.prev.table("realisasi") if ctx.prev is not None else None
    if table is None or prev is None or "realisasi" not in table.values:
        return []
    last = _spent(prev)
    shared = sorted((i, amount == last[code][1]) for code, (i, amount) in _spent(table).items() if code in last)
    if len(shared) < COPIED_AT_LEAST or not all(same for _, same in shared):
        return []
    first, end = table.cell("realisasi", shared[0][0]), table.cell("realisasi", shared[-1][0])
    return [Finding("BUD038", table.sheet, first, params={"n": len(shared), "cells": f"{first}–{end}"})]
