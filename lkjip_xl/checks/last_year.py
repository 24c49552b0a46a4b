"""Last year's actuals on the PK (KIN012, KIN031, KIN032): the PK's Realisasi Tahun Lalu against
last year's workbook (``--tahun-lalu``), and this year's realisasi that are last year's left in a
copied file (against last year's workbook, else against the Realisasi Tahun Lalu this PK states)."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Iterable

from ..findings import Finding
from ..i18n import Text
from .compare import judge_typed
from .identitas import whole_year
from .kinerja import code_key, number, rows_by_code


def check(ctx) -> Iterable[Finding]:
    pk = ctx.model.table("pk_indikator")
    if pk is not None:
        yield from _last_year(ctx, pk)


def _last_year(ctx, pk) -> Iterable[Finding]:
    prev = ctx.prev.table("pk_indikator") if ctx.prev is not None else None
    if prev is None:  # last year's realisasi is then the one this PK states
        yield from _copied_realisasi(pk, _numbers_by_code(pk, "realisasi_lalu"), THIS_PK_SAYS)
        return
    if "realisasi_lalu" not in pk.values:
        return
    last = _numbers_by_code(prev, "realisasi")
    for i in range(len(pk)):
        typed = number(pk.get("realisasi_lalu", i))
        expected = last.get(code_key(pk.get("kode_indikator", i)))
        if typed is not None and expected is not None:
            found = judge_typed("KIN012", pk.sheet, pk.cell("realisasi_lalu", i), expected, typed, ctx.settings,
                                params={"copied_from": ""},
                                name=Text("realisasi tahun lalu", "last year's actual"))
            yield from (_left_from_last_year(ctx, prev, pk, i, f) if f.code == "KIN012" else f for f in found)
    yield from _copied_realisasi(pk, last, LAST_WORKBOOK_SAYS)


def _left_from_last_year(ctx, prev, pk, i: int, finding: Finding) -> Finding:
    """A KIN012 whose typed value is another figure of the same indicator in last year's workbook:
    its own Realisasi Tahun Lalu (the column copied and not shifted: KIN032, naming both cells) or
    its target (the target copied for the realisasi: said instead of a typing slip)."""
    at = rows_by_code(prev).get(code_key(pk.get("kode_indikator", i)))
    if at is None:
        return finding
    identitas = ctx.model.form("identitas")
    year = whole_year(identitas.values.get("tahun")) if identitas is not None else None

    def where(key: str) -> Text:
        cell = f"{prev.sheet}!{prev.cell(key, at)}"
        return Text(f"{cell} di buku kerja tahun lalu", f"{cell} of last year's workbook")

    if year is not None and number(prev.get("realisasi_lalu", at)) == finding.found:
        return Finding("KIN032", finding.sheet, finding.cell, expected=finding.expected, found=finding.found,
                       params={"tahun": year - 1, "cell": where("realisasi"), "old": year - 2,
                               "old_cell": where("realisasi_lalu")})
    if number(prev.get("target", at)) == finding.found:
        cell = where("target")
        return replace(finding, params={"copied_from": Text(f": itu target tahun lalu ({cell.id}), bukan realisasinya",
                                                            f": that is last year's target ({cell.en}), not its actual")})
    return finding


def _numbers_by_code(table, key: str) -> dict[str, Decimal]:
    """A PK indicator table's number in ``key`` per indicator code (its first row), where both are typed."""
    out: dict[str, Decimal] = {}
    for j in range(len(table)):
        code, value = code_key(table.get("kode_indikator", j)), number(table.get(key, j))
        if code is not None and value is not None:
            out.setdefault(code, value)
    return out


COPIED_AT_LEAST = 3  # indicators: two may well repeat last year's figure (4 dokumen, 100 %)
LAST_WORKBOOK_SAYS = Text("realisasi di buku kerja tahun lalu", "last year's workbook's")
THIS_PK_SAYS = Text("Realisasi Tahun Lalu-nya di sheet ini", "their Realisasi Tahun Lalu on this sheet")


def _copied_realisasi(pk, last: dict[str, Decimal], source: Text) -> Iterable[Finding]:
    """KIN031: every indicator's realisasi (three or more) is last year's realisasi of the same code
    (``source``: last year's workbook's, else the Realisasi Tahun Lalu this PK states): last year's
    file copied for this year with its realisasi left in (and, in the second case, shifted into
    Realisasi Tahun Lalu but not cleared)."""
    pairs = [(i, number(pk.get("realisasi", i)), last.get(code_key(pk.get("kode_indikator", i))))
             for i in range(len(pk))]
    typed = [(i, r, p) for i, r, p in pairs if r is not None]
    if len(typed) >= COPIED_AT_LEAST and len(typed) == len(pk) and all(r == p for _, r, p in typed):
        first, last_cell = pk.cell("realisasi", typed[0][0]), pk.cell("realisasi", typed[-1][0])
        yield Finding("KIN031", pk.sheet, first, params={"n": len(typed), "cells": f"{first}–{last_cell}",
                                                          "source": source})
