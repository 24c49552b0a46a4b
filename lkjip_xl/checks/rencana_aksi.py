"""Rencana Aksi rules (KIN008, KIN009, KIN014, KIN018): quarterly targets and actuals against
the annual figures of the PK, by each row's declared quarter rule (agregasi).

Decisions (documented in docs/rules.md):
- ``kumulatif`` targets may be stored two ways: per-quarter amounts (TW I + II + III + IV =
  annual) or running totals (TW I ≤ II ≤ III ≤ IV = annual). Either is accepted. A negative
  quarter amount, or a running total that falls, is KIN009 at that quarter's cell; when neither
  reading gives the annual target, KIN008 at the TW IV target cell.
- ``akhir``: TW IV = annual (other quarters are free: a percentage may go up and down).
- ``rata-rata``: the mean of the filled quarters = annual, rounded half-up at the annual figure's
  typed precision but never coarser than 2 decimals (mean 10,5 is not annual 10; 10,3333 is 10,33).
- Targets: checked as soon as one quarter is filled (all blank = not planned by quarter).
- Actuals (KIN018, at the TW IV actual cell) are compared with the PK actual only when the year
  is complete: TW IV filled for ``akhir``, all four filled for ``kumulatif`` and ``rata-rata``.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..calc.capaian import mean
from ..calc.decimals import decimal_places, round_half_up
from ..findings import Finding
from .kinerja import code_key, number

QUARTERS = ("1", "2", "3", "4")
RULE_TEXT = {"kumulatif": "kumulatif (Σ TW I–IV)", "akhir": "akhir (TW IV)", "rata-rata": "rata-rata (TW I–IV)"}


def check(ctx) -> Iterable[Finding]:
    ra = ctx.model.table("ra_indikator")
    if ra is None:
        return
    pk = ctx.model.table("pk_indikator")
    pk_rows: dict[str, dict] = {}
    for i in range(len(pk) if pk is not None else 0):
        key = code_key(pk.get("kode_indikator", i))
        if key is not None:
            pk_rows.setdefault(key, pk.row(i))
    for i in range(len(ra)):
        rule = str(ra.get("agregasi", i) or "").strip().lower()
        annual = number(ra.get("target_tahunan", i))
        pk_row = pk_rows.get(code_key(ra.get("kode_indikator", i)))
        if pk_row is not None and annual is not None:
            pk_target = number(pk_row.get("target"))
            if pk_target is not None and pk_target != annual:
                yield Finding("KIN014", ra.sheet, ra.cell("target_tahunan", i), expected=pk_target, found=annual)
        if rule not in RULE_TEXT:
            continue  # blank or not in the list: VAL005/VAL007
        yield from _targets(ra, i, rule, annual)
        if pk_row is not None:
            yield from _actuals(ra, i, rule, number(pk_row.get("realisasi")))


def same_mean(avg: Decimal, typed: Decimal) -> bool:
    """A mean agrees with a typed figure: equal, or rounded half-up at its precision (≥ 2 places)."""
    return avg == typed or round_half_up(avg, max(decimal_places(typed), 2)) == typed


def _quarters(ra, i, prefix: str) -> list[Decimal | None]:
    return [number(ra.get(f"{prefix}_tw{q}", i)) for q in QUARTERS]


def _targets(ra, i, rule: str, annual: Decimal | None) -> Iterable[Finding]:
    tw = _quarters(ra, i, "target")
    filled = [v for v in tw if v is not None]
    if not filled:
        return
    cell4 = ra.cell("target_tw4", i)
    if rule == "kumulatif":
        yield from _kumulatif(ra, i, tw, annual)
        return
    if annual is None:
        return
    if rule == "akhir":
        if tw[3] != annual:
            yield Finding("KIN008", ra.sheet, cell4, expected=tw[3], found=annual, params={"rule": RULE_TEXT[rule]})
    else:
        avg = mean(filled)
        if not same_mean(avg, annual):
            yield Finding("KIN008", ra.sheet, cell4, expected=avg, found=annual, params={"rule": RULE_TEXT[rule]})


def _kumulatif(ra, i, tw: list, annual: Decimal | None) -> Iterable[Finding]:
    running, before = [], Decimal(0)
    for q, v in enumerate(tw):
        if v is None:
            continue
        if v < 0:  # a negative amount makes the cumulative target fall, however it is stored
            yield Finding("KIN009", ra.sheet, ra.cell(f"target_tw{q + 1}", i), expected=before, found=before + v)
        before += v
        running.append((q, v))
    if annual is None:
        return
    total = sum((v for _, v in running), Decimal(0))
    if total == annual:
        return  # per-quarter amounts
    if tw[3] is not None and tw[3] == annual:  # running totals: they must not fall
        for (_, a), (q, b) in zip(running, running[1:]):
            if b < a and b >= 0:
                yield Finding("KIN009", ra.sheet, ra.cell(f"target_tw{q + 1}", i), expected=a, found=b)
        return
    yield Finding("KIN008", ra.sheet, ra.cell("target_tw4", i), expected=total, found=annual,
                  params={"rule": RULE_TEXT["kumulatif"]})


def _actuals(ra, i, rule: str, pk_realisasi: Decimal | None) -> Iterable[Finding]:
    tw = _quarters(ra, i, "realisasi")
    if pk_realisasi is None or tw[3] is None:
        return
    if rule == "akhir":
        result, ok = tw[3], tw[3] == pk_realisasi
    elif any(v is None for v in tw):
        return  # the year is not complete yet
    elif rule == "kumulatif":
        result = sum(tw, Decimal(0))
        ok = result == pk_realisasi or (tw[3] == pk_realisasi and all(a <= b for a, b in zip(tw, tw[1:])))
    else:
        result = mean(tw)
        ok = same_mean(result, pk_realisasi)
    if not ok:
        yield Finding("KIN018", ra.sheet, ra.cell("realisasi_tw4", i), expected=result, found=pk_realisasi,
                      params={"rule": RULE_TEXT[rule]})
