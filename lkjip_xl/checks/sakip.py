"""SAKIP evaluation (sheets SAKIP and SAKIP Rekomendasi): the four components must add up to the
score (SAK001), a typed grade must be the score's (SAK002, PermenPAN-RB 88/2021), a year is
entered once (SAK004); each recommendation of the latest evaluation has a follow-up (SAK003)
with its date (SAK005)."""
from __future__ import annotations

from typing import Iterable

from ..calc.decimals import number_or_none
from ..findings import Finding, show_value


def check(ctx) -> Iterable[Finding]:
    yield from _scores(ctx)
    yield from _follow_up(ctx)


def _scores(ctx) -> Iterable[Finding]:
    table = ctx.model.table("sakip_nilai")
    if table is None:
        return
    derived = ctx.wb.sakip
    seen = set()
    for i in range(len(table)):
        row, d = table.row(i), derived[i]
        year = row.get("tahun")
        if year is not None and year in seen:
            yield Finding("SAK004", table.sheet, table.cell("tahun", i), found=str(year))  # 2023, not 2.023
        seen.add(year)
        nilai = number_or_none(row.get("nilai"))
        if nilai is not None and d["jumlah"] is not None and d["jumlah"] != nilai:
            yield Finding("SAK001", table.sheet, table.cell("nilai", i), expected=nilai, found=d["jumlah"])
        typed = str(row.get("predikat") or "").strip().upper()
        if typed and d["predikat"] and typed != d["predikat"]:
            yield Finding("SAK002", table.sheet, table.cell("predikat", i), expected=d["predikat"],
                          found=row.get("predikat"), params={"nilai": show_value(row.get("nilai"))})


def _follow_up(ctx) -> Iterable[Finding]:
    table = ctx.model.table("sakip_rekomendasi")
    if table is None or not len(table):
        return
    years = [number_or_none(table.row(i).get("tahun")) for i in range(len(table))]
    latest = max((y for y in years if y is not None), default=None)
    for i in range(len(table)):
        row = table.row(i)
        if not str(row.get("tindak_lanjut") or "").strip():
            if years[i] == latest and str(row.get("rekomendasi") or "").strip():
                yield Finding("SAK003", table.sheet, table.cell("tindak_lanjut", i), params={"tahun": row.get("tahun")})
        elif not str(row.get("waktu") or "").strip():
            yield Finding("SAK005", table.sheet, table.cell("waktu", i))
