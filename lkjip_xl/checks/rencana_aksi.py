"""Rencana Aksi rules (KIN008, KIN009, KIN014, KIN018, KIN030): quarterly targets and actuals against
the annual figures of the PK, by each row's declared quarter rule (agregasi); how far the year is
reported (KIN030, ``derive/stage.py``).

Decisions (documented in docs/rules.md):
- ``kumulatif`` targets may be stored two ways: per-quarter amounts (TW I + II + III + IV =
  annual) or running totals (TW I ≤ II ≤ III ≤ IV = annual). Either is accepted. A negative
  quarter amount, or a running total that falls, is KIN009 at that quarter's cell; when neither
  reading gives the annual target, KIN008 at the TW IV target cell.
- ``akhir``: TW IV = annual (other quarters are free: a percentage may go up and down).
- ``rata-rata``: the mean of the filled quarters = annual, rounded half-up at the annual figure's
  typed precision but never coarser than 2 decimals (mean 10,5 is not annual 10; 10,3333 is 10,33).
- Targets: checked as soon as one quarter is filled (all blank = not planned by quarter). An annual
  target typed as a range (80-90) must be the PK's range (KIN014); quarters typed as ranges too (or
  numbers, ranges of one) follow the rule for the lower bounds and for the upper bounds alike.
- Actuals (KIN018, at the TW IV actual cell) are compared with the PK actual only when the year
  is complete: TW IV filled for ``akhir``, all four filled for ``kumulatif`` and ``rata-rata``.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..calc.capaian import mean
from ..calc.decimals import decimal_places, round_half_up, strip_exponent
from ..calc.target_range import TargetRange, bounds, same_target, target_key
from ..calc.typos import slip_candidates
from ..derive.stage import as_reported, partial_year, typed_ahead
from ..findings import Finding, number_text
from ..i18n import Text, quarter
from .kinerja import code_key, number, rows_by_code, stated_target
from .compare import same_statement
from .relations import Ref, Test, equal, reported

QUARTERS = ("1", "2", "3", "4")
RULE_TEXT = {"kumulatif": Text("kumulatif (Σ TW I–IV)", "kumulatif (Σ Q1–Q4)"), "akhir": Text("akhir (TW IV)", "akhir (Q4)"),
             "rata-rata": Text("rata-rata (TW I–IV)", "rata-rata (mean of Q1–Q4)")}


def check(ctx) -> Iterable[Finding]:
    yield from _stage(ctx)
    ra = ctx.model.table("ra_indikator")
    if ra is None:
        return
    pk = ctx.model.table("pk_indikator")
    pk_rows = rows_by_code(pk)
    for i in range(len(ra)):
        rule = str(ra.get("agregasi", i) or "").strip().lower()
        annual = number(ra.get("target_tahunan", i))
        p = pk_rows.get(code_key(ra.get("kode_indikator", i)))
        typed, pk_target = ra.get("target_tahunan", i), None if p is None else pk.get("target", p)
        if target_key(typed) is not None and target_key(pk_target) is not None:  # numbers, ranges, letters
            finding = Finding("KIN014", ra.sheet, ra.cell("target_tahunan", i), expected=stated_target(pk_target),
                              found=stated_target(typed))
            yield from reported(ctx, equal(None if same_target(typed, pk_target) else finding,
                                           Ref("ra_indikator", i, "target_tahunan"), Ref("pk_indikator", p, "target"),
                                           typed, pk_target, same=same_target))
        if rule not in RULE_TEXT:
            continue  # blank or not in the list: VAL005/VAL007
        yield from _targets(ctx, ra, i, rule, annual)
        if p is not None:
            yield from _actuals(ctx, ra, i, rule, p, number(pk.get("realisasi", p)))


def _stage(ctx) -> Iterable[Finding]:
    """KIN030 once when the Rencana Aksi is reported up to TW I–III: at the first quarter not
    reported yet, on the indicators' table (else the kegiatan's)."""
    q = ctx.wb.reported_quarter
    if not partial_year(q):
        return
    for key in ("ra_indikator", "ra_kegiatan"):
        table = ctx.model.table(key)
        if table is not None and len(table) and f"realisasi_tw{q + 1}" in table.cols:
            rows = [*ctx.wb.input_rows("ra_indikator"), *ctx.wb.input_rows("ra_kegiatan")]
            later = (f"TW {quarter(q + 1).id}–IV", f"Q{q + 1}–Q4") if q < 3 else ("TW IV", "Q4")
            ahead = Text(f"; {later[0]} berisi 0 saja: dibaca belum dilaporkan",
                         f"; {later[1]} hold only 0: read as not reported yet") if typed_ahead(rows, q) else ""
            yield Finding("KIN030", table.sheet, table.cell(f"realisasi_tw{q + 1}", 0), found=quarter(q).id,
                          params={"ahead": ahead})
            return


def same_mean(avg: Decimal, typed: Decimal) -> bool:
    """A mean agrees with a typed figure: equal, or rounded half-up at its precision (≥ 2 places)."""
    return avg == typed or round_half_up(avg, max(decimal_places(typed), 2)) == typed


def _refs(i: int, prefix: str) -> list[Ref]:
    return [Ref("ra_indikator", i, f"{prefix}_tw{q}") for q in QUARTERS]


def target_result(rule: str, tw: list, annual) -> tuple | None:
    """(what the quarters give, whether it is the annual target); None when not checked (no
    quarter filled, no annual target). ``kumulatif``: per-quarter amounts, or running totals."""
    filled = [v for v in tw if v is not None]
    if not filled or annual is None:
        return None
    if rule == "akhir":
        return tw[3], tw[3] == annual
    if rule == "kumulatif":
        total = sum(filled, Decimal(0))
        return total, total == annual or (tw[3] is not None and tw[3] == annual)
    avg = mean(filled)
    return avg, same_mean(avg, annual)


def actual_result(rule: str, tw: list, pk_realisasi) -> tuple | None:
    """(what the quarters' actuals give, whether it is the PK realisasi, both typed: at two
    precisions they agree by the rounding policy); None when the year is not
    complete (TW IV blank for ``akhir``; a quarter blank for ``kumulatif`` and ``rata-rata``)."""
    if pk_realisasi is None or tw[3] is None:
        return None
    if rule == "akhir":  # two typed statements of one value: 95,45 here and 95,5 on the PK agree
        return tw[3], same_statement(tw[3], pk_realisasi)
    if any(v is None for v in tw):
        return None
    if rule == "kumulatif":
        total = sum(tw, Decimal(0))
        return total, same_statement(total, pk_realisasi) or (
            same_statement(tw[3], pk_realisasi) and all(a <= b for a, b in zip(tw, tw[1:])))
    avg = mean(tw)
    return avg, same_mean(avg, pk_realisasi)


def _targets(ctx, ra, i, rule: str, annual) -> Iterable[Finding]:
    raw = [ra.get(r.key, i) for r in _refs(i, "target")]
    if any(isinstance(v, TargetRange) for v in [*raw, ra.get("target_tahunan", i)]):
        yield from _range_quarters(ra, i, rule, raw, ra.get("target_tahunan", i))
        return
    tw = [number(v) for v in raw]
    if rule == "kumulatif":
        yield from _kumulatif_falls(ra, i, tw, annual)
    yield from _quarters(ctx, ra, i, "target", Ref("ra_indikator", i, "target_tahunan"), annual,
                         lambda q, a: target_result(rule, q, a), "KIN008", rule)


def _range_quarters(ra, i, rule: str, quarters: list, annual) -> Iterable[Finding]:
    """Quarters and a year whose targets are ranges (80-90; a number is a range of one): the rule
    holds for the lower bounds and for the upper bounds alike (kumulatif 20-25 × 4 is 80-100), or,
    quarters of numbers, what they give lies within the year's range (akhir TW IV 95 for 90-100)."""
    year, tw = bounds(annual), [bounds(v) for v in quarters]
    if year is None:
        return
    if rule == "kumulatif":
        yield from _range_falls(ra, i, quarters, tw, year)
    got = [target_result(rule, [b[k] if b else None for b in tw], year[k]) for k in (0, 1)]
    if None in got or (got[0][1] and got[1][1]):
        return
    if all(b is None or b[0] == b[1] for b in tw) and year[0] != year[1]:
        # quarters of numbers plan one point: within the year's range, the plan holds
        point = got[0][0]
        last = tw[3][0] if tw[3] else None  # kumulatif written as running totals: TW IV is the year
        if any(v is not None and year[0] <= v <= year[1] for v in (point, last if rule == "kumulatif" else None)):
            return
    lower, upper = (number_text(strip_exponent(g[0])) if g[0] is not None else "?" for g in got)
    yield Finding("KIN008", ra.sheet, ra.cell("target_tw4", i), expected=lower if lower == upper else Text.of("{}–{}", lower, upper),
                  found=stated_target(annual), params={"rule": RULE_TEXT[rule]})


def _range_falls(ra, i, quarters: list, tw: list, year: tuple) -> Iterable[Finding]:
    """KIN009 for ranges: running totals (TW IV is the year's range) whose lower or upper bound
    goes down from one filled quarter to the next (20-25, 40-50, 30-45, 80-100 falls at TW III);
    a number within the range before or after it plans a point of it and does not fall."""
    if tw[3] != year:
        return  # per-quarter amounts (a range's bounds are never negative)
    filled = [(q, b) for q, b in enumerate(tw) if b is not None]
    for (p, a), (q, b) in zip(filled, filled[1:]):
        point_within = (a[0] == a[1] and b[0] <= a[0] <= b[1]) or (b[0] == b[1] and a[0] <= b[0] <= a[1])
        if (b[0] < a[0] or b[1] < a[1]) and not point_within:  # 45 after 40-50 aims at a point of it
            yield Finding("KIN009", ra.sheet, ra.cell(f"target_tw{q + 1}", i), expected=stated_target(quarters[p]),
                          found=stated_target(quarters[q]))


def _quarters(ctx, ra, i, prefix: str, other: Ref, value, result, code: str, rule: str) -> Iterable[Finding]:
    """The quarters (``prefix``: target or realisasi) against the year's figure ``other`` by
    ``result``: a relation, reported at the TW IV cell when it fails."""
    refs = _refs(i, prefix)
    tw = [number(ra.get(r.key, i)) for r in refs]
    if prefix == "realisasi":  # 0 typed ahead for the quarters to come: not reported yet
        tw = as_reported(tw, ctx.wb.reported_quarter)
    got = result(tw, value)
    if got is None:
        return
    finding = Finding(code, ra.sheet, ra.cell(f"{prefix}_tw4", i), expected=got[0], found=value,
                      params={"rule": RULE_TEXT[rule]})

    def holds(v: dict) -> bool:
        now = result([v[r] for r in refs], v[other])
        return now is None or now[1]

    def solutions(ref: Ref, v: dict) -> list | None:
        """For the year's figure, what the quarters give first: of two values as likely (a
        kumulatif 1, 1, 1, 1 read as amounts gives 4, read as running totals 1), that one."""
        return [got[0], *slip_candidates(value)] if ref == other and number(value) is not None else None

    yield from reported(ctx, Test(finding, {**dict(zip(refs, tw)), other: value}, holds, solutions,
                                  alike=tuple(refs) if rule != "akhir" else None))


def _kumulatif_falls(ra, i, tw: list, annual) -> Iterable[Finding]:
    """KIN009: a negative quarter amount; running totals (TW IV = annual) that go down."""
    running, before = [], Decimal(0)
    for q, v in enumerate(tw):
        if v is None:
            continue
        if v < 0:  # a negative amount makes the cumulative target fall, however it is stored
            yield Finding("KIN009", ra.sheet, ra.cell(f"target_tw{q + 1}", i), expected=before, found=before + v)
        before += v
        running.append((q, v))
    if annual is None or before == annual:
        return  # per-quarter amounts
    if tw[3] is not None and tw[3] == annual:  # running totals: they must not fall
        for (_, a), (q, b) in zip(running, running[1:]):
            if b < a and b >= 0:
                yield Finding("KIN009", ra.sheet, ra.cell(f"target_tw{q + 1}", i), expected=a, found=b)


def _actuals(ctx, ra, i, rule: str, p: int, pk_realisasi) -> Iterable[Finding]:
    yield from _quarters(ctx, ra, i, "realisasi", Ref("pk_indikator", p, "realisasi"), pk_realisasi,
                         lambda q, a: actual_result(rule, q, a), "KIN018", rule)
