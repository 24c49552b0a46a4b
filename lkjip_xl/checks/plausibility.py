"""Second sources for values that have none: a value no other cell states is checked against
what is plausible for it and against the other values stated for the same thing. Each finding is
a warning at the value's cell (docs/rules.md):

- KIN021: a capaian (PK), a component's value or a capaian keluaran (Realisasi) far outside what
  reports hold, at the ratio's cell; it is a relation of the ratio's two inputs, so the blame
  reports it at the input that explains it;
- KIN022: last year's realisasi, the Renstra target, or a quarter's actual of an ``akhir``
  indicator on another scale than the indicator's other values (×10, a fraction, the sign);
- KIN023: a realisasi, last year's realisasi or Renstra target that differs from the target (or
  this year's realisasi) the way a typing slip would (two digits swapped, a digit dropped or added);
- KIN024: a TW I–III target of an ``akhir`` indicator off the annual target's scale (and on the
  path once moved to that scale: a progress curve's small start is none), or moving away from it
  instead of towards it;
- BUD024: a pagu perubahan that differs from the pagu murni like a slip or by more than half, at
  the one of the two no sum confirms.

A cell a failing relation already disputes is left to the blame (``checks/blame.py``); a cell a
relation that holds confirms is not suspected. The bounds are named here.
"""
from __future__ import annotations

from decimal import Decimal
from statistics import median
from typing import Iterable

from ..calc.decimals import strip_exponent
from ..calc.target_range import as_range, midpoint
from ..calc.typos import digit_slip
from ..derive.budget import money
from ..findings import Finding, number_text
from ..i18n import quarter
from .kinerja import TYPED_RATIOS, code_key, number, rows_by_code, stated_target
from .relations import Ref, Sources, Test, reported

# a capaian outside this range (%) is far from what reports hold: 104, 117, 125 occur; 1.000 does not.
# 20, not 10: a target or realisasi near 100 % typed ten times too large lands near 10 %
CAPAIAN_PLAUSIBLE = (Decimal(20), Decimal(300))
# a value this many times above or below the indicator's other values is on another scale
SCALE_FACTOR = Decimal(5)
# a TW I–III value of an `akhir` indicator this many times off the annual figure is on another scale
QUARTER_SCALE = Decimal(10)
# pagu perubahan this far from the pagu murni (a share of the murni) is more than a revision
PAGU_CHANGE = Decimal("0.5")
# slips that rarely happen by chance between two honest values (90 and 95 differ by one digit)
TELLING_SLIPS = frozenset({"transposition", "dropped_digit", "extra_digit", "sign", "fraction"})
PAGU_SLIPS = frozenset({"dropped_digit", "extra_digit", "sign"})
# ... and only between values of this many significant digits (a target of 10 and a realisasi of 1,
# or 95 and 59, happen honestly)
SLIP_DIGITS = 3


def check(ctx) -> Iterable[Finding]:
    sources = Sources(ctx.relations)
    pk = ctx.model.table("pk_indikator")
    if pk is not None:
        yield from _indicator_values(ctx, pk, sources)
    yield from _ratios(ctx)
    yield from _akhir_quarters(ctx, sources)
    yield from _pagu_versions(ctx, sources)


def _place(ctx, ref: Ref) -> str:
    table = ctx.model.table(ref.table)
    return f"{table.sheet}!{table.cell(ref.key, ref.index)}"


def _at(ctx, code: str, ref: Ref, expected, found, **params) -> Iterable[Finding]:
    """The finding at ``ref`` (``found``: its value when None is given)."""
    table = ctx.model.table(ref.table)
    yield Finding(code, table.sheet, table.cell(ref.key, ref.index), expected=expected,
                  found=found if found is not None else number(table.get(ref.key, ref.index)), params=params)


def _suspects(sources: Sources, a: Ref, b: Ref) -> list[Ref]:
    """Which of two cells behind an implausible value to report: those no relation confirms and
    no failing relation disputes (the blame speaks for those); none when both are confirmed."""
    if sources.confirmed(a) and sources.confirmed(b):
        return []
    return [r for r in (a, b) if not sources.confirmed(r) and not sources.disputed(r)]


def implausible(capaian) -> bool:
    return capaian is not None and not (CAPAIAN_PLAUSIBLE[0] <= capaian <= CAPAIAN_PLAUSIBLE[1])


def plausible(capaian) -> bool:
    return capaian is not None and not implausible(capaian)


PLAUSIBLE_TEXT = f"{CAPAIAN_PLAUSIBLE[0]}–{CAPAIAN_PLAUSIBLE[1]} %"


# ------------------------------------------------------------------------------ KIN021
# a ratio and the two input cells it is computed from: (table, computed column, inputs, name)
RATIOS = (("pk_indikator", "capaian", ("target", "realisasi"), "capaian"),
          *((key, column, inputs, name) for _, key, column, inputs, name in TYPED_RATIOS))


def _ratios(ctx) -> Iterable[Finding]:
    """KIN021 at the ratio's cell, as a relation of its two inputs: where one input explains it,
    the blame reports it there (only ratios out of bounds are relations: a plausible one says
    nothing of its inputs)."""
    for key, column, inputs, name in RATIOS:
        yield from ratio_findings(ctx, key, column, inputs, name)


def ratio_findings(ctx, key: str, column: str, inputs: tuple, name: str) -> Iterable[Finding]:
    """KIN021 for one table's ratio ``column`` of its two ``inputs`` (see ``_ratios``)."""
    table = ctx.model.table(key)
    if table is None or column not in table.values:
        return
    derived = ctx.derived(key)
    for i in range(len(table)):
        value = derived[i].get(column)
        if not implausible(value) or nothing_achieved(value, [table.get(k, i) for k in inputs]):
            continue
        refs = {k: Ref(key, i, k) for k in inputs}
        cells = " / ".join(f"{table.sheet}!{table.cell(k, i)}" for k in inputs)
        finding = Finding("KIN021", table.sheet, table.cell(column, i), expected=PLAUSIBLE_TEXT, found=value,
                          params={"name": name, "cells": cells})
        values = {ref: number(table.get(k, i)) for k, ref in refs.items()}
        test = (lambda v, i=i, refs=refs: plausible(ctx.wb.recompute(
            key, i, column, {k: v[ref] for k, ref in refs.items()})))
        yield from reported(ctx, Test(finding, values, test, fails=True, confirms=False))


def nothing_achieved(ratio, inputs: list) -> bool:
    """A ratio of 0 from a realisasi typed as 0: nothing was achieved (an output not produced, a
    component at 0), a statement staff make on purpose, not a value off the scale (a slip to 0 is
    left to the relations a value has: the Rencana Aksi, the composite)."""
    return ratio == 0 and any(number(v) == 0 for v in inputs)




# ------------------------------------------------------------------------------ KIN022, KIN023
def off_scale(value: Decimal, reference: Decimal | None, factor: Decimal, low_side: bool = True) -> bool:
    """A value on another scale than a positive reference: of the other sign, or ``factor`` times
    above it (or below it, unless ``low_side`` is False). Zero is a value of every scale."""
    if reference is None or reference <= 0 or value == 0:
        return False
    if value < 0:
        return True
    return value > reference * factor or (low_side and value * factor < reference)


# the values each value of an indicator is compared with: its scale is theirs
COMPARED_WITH = {"target": ("ra_target", "realisasi_lalu", "target_renstra"),
                 "realisasi": ("target", "ra_target"), "realisasi_lalu": ("target", "realisasi", "ra_target"),
                 "target_renstra": ("target", "realisasi", "ra_target")}
# and the one it may be a slip of (KIN023)
SLIP_OF = {"realisasi": "target", "realisasi_lalu": "realisasi", "target_renstra": "target"}


def _indicator_values(ctx, pk, sources: Sources) -> Iterable[Finding]:
    ra = ctx.model.table("ra_indikator")
    ra_rows = rows_by_code(ra)
    for i in range(len(pk)):
        row = {k: number(pk.get(k, i)) for k in ("realisasi", "realisasi_lalu", "target_renstra")}
        row["target"] = midpoint(pk.get("target", i))  # a range (80-90) is on the scale of its middle
        j = ra_rows.get(code_key(pk.get("kode_indikator", i)))
        row["ra_target"] = midpoint(ra.get("target_tahunan", j)) if j is not None else None
        ranged = as_range(pk.get("target", i)) is not None
        turun = str(pk.get("arah", i) or "").strip().lower() == "turun"
        percent_unit = str(pk.get("satuan", i) or "").strip() == "%"
        capaian_off = implausible(ctx.derived("pk_indikator")[i].get("capaian"))
        for key, compared in COMPARED_WITH.items():
            value, ref = row[key], Ref("pk_indikator", i, key)
            if value is None or sources.disputed(ref) or sources.confirmed(ref):
                continue
            if key in ("target", "realisasi") and capaian_off:
                continue  # KIN021 says it (a realisasi of 0 is nothing achieved: nothing to say)
            others = [row[k] for k in compared if row[k] is not None and row[k] > 0]
            reference = median(others) if others else None
            fraction = percent_unit and off_scale(value, reference, SCALE_FACTOR) and not off_scale(
                value * 100, reference, SCALE_FACTOR)  # 0,08 typed for 8 (%)
            # a turun indicator's realisasi may be far below: that is good news, not another scale
            if fraction or key != "realisasi" and off_scale(value, reference, SCALE_FACTOR, low_side=not turun):
                yield from _at(ctx, "KIN022", ref, number_text(reference, 2), stated_target(pk.get(key, i)),
                               name=key.replace("_", " "))
                continue
            other = SLIP_OF.get(key)
            if other == "target" and ranged:
                continue  # a slip of a range's middle is no slip anyone typed
            kind = digit_slip(row[other], value) if other and row[other] is not None else None
            if kind in TELLING_SLIPS and _digits(row[other]) >= SLIP_DIGITS:
                yield from _at(ctx, "KIN023", ref, row[other], value, name=key.replace("_", " "),
                               other=other.replace("_", " "), kind=kind)


def _digits(value: Decimal) -> int:
    return len(format(abs(strip_exponent(value)), "f").replace(".", "").lstrip("0"))


# ------------------------------------------------------------------------------ KIN024
def _akhir_quarters(ctx, sources: Sources) -> Iterable[Finding]:
    ra = ctx.model.table("ra_indikator")
    for j in range(len(ra) if ra is not None else 0):
        if str(ra.get("agregasi", j) or "").strip().lower() != "akhir":
            continue
        if sources.disputed(Ref("ra_indikator", j, "target_tahunan")):
            continue  # the annual target is itself in doubt (KIN014): the blame speaks for it
        stated = ra.get("target_tahunan", j)  # a range (80-90) is compared by its middle
        annual = midpoint(stated)
        targets = [(q, midpoint(ra.get(f"target_tw{q}", j)), ra.get(f"target_tw{q}", j)) for q in (1, 2, 3)]
        targets = [(q, v, typed) for q, v, typed in targets if v is not None]
        flagged = set()
        path = [v for _, v, _ in targets] + ([annual] if annual is not None else [])
        for k, (q, v, typed) in enumerate(targets):
            if (off_scale(v, annual, QUARTER_SCALE) and _rescaled_fits(path, k, annual)) or (
                    annual is not None and annual < 0 < v):
                flagged.add(q)
                yield from _at(ctx, "KIN024", Ref("ra_indikator", j, f"target_tw{q}"), stated_target(stated),
                               stated_target(typed), tw=quarter(q))
        if annual is not None:
            q = _moves_away([(q, v) for q, v, _ in targets if q not in flagged], annual)
            if q is not None:
                yield from _at(ctx, "KIN024", Ref("ra_indikator", j, f"target_tw{q}"), stated_target(stated),
                               stated_target(ra.get(f"target_tw{q}", j)), tw=quarter(q))
        actual = number(ra.get("realisasi_tw4", j))
        actuals = [(q, number(ra.get(f"realisasi_tw{q}", j))) for q in (1, 2, 3)]
        actuals = [(q, v) for q, v in actuals if v is not None]
        path = [v for _, v in actuals] + ([actual] if actual is not None else [])
        for k, (q, v) in enumerate(actuals):
            if off_scale(v, actual, QUARTER_SCALE) and _rescaled_fits(path, k, actual):
                yield from _at(ctx, "KIN024", Ref("ra_indikator", j, f"realisasi_tw{q}"), actual, v, tw=quarter(q))


def _rescaled_fits(path: list, k: int, reference: Decimal) -> bool:
    """Does the ``k``-th value of a path towards ``reference``, moved by the power of ten that puts
    it on the reference's scale (2,5 -> 25 on the way to 90), keep the path going one way? Then it
    was likely typed on another scale. A progress curve's small start (5, 30, 60 towards 90: 50
    would turn back) is no slip."""
    value = path[k]
    if value <= 0 or reference <= 0:
        return True
    way = 1 if value < reference else -1
    moved = [value * Decimal(10) ** (way * n) for n in (1, 2, 3)]
    return any(_monotone(path[:k] + [m] + path[k + 1:]) for m in moved
               if not off_scale(m, reference, QUARTER_SCALE))


def _monotone(values: list) -> bool:
    steps = [b - a for a, b in zip(values, values[1:]) if b != a]
    return all(s > 0 for s in steps) or all(s < 0 for s in steps)


def _moves_away(targets: list[tuple[int, Decimal]], annual: Decimal) -> int | None:
    """The quarter whose target moves away from the annual one (the path TW I → annual not
    monotone): the one whose removal makes it monotone, else the first that turns."""
    path = [v for _, v in targets] + [annual]
    if _monotone(path):
        return None
    fixes = [q for k, (q, _) in enumerate(targets) if _monotone(path[:k] + path[k + 1:])]
    if len(fixes) == 1:
        return fixes[0]
    for k in range(1, len(targets)):
        if not _monotone(path[:k + 1] + [annual]):
            return targets[k][0]
    return targets[-1][0]


# ------------------------------------------------------------------------------ BUD024
def _pagu_versions(ctx, sources: Sources) -> Iterable[Finding]:
    for key in ("pk_program", "realisasi"):
        table = ctx.model.table(key)
        if table is None or "pagu_perubahan" not in table.values or "pagu_murni" not in table.values:
            continue
        for i, (m, p) in enumerate(zip(table.values["pagu_murni"], table.values["pagu_perubahan"])):
            m, p = money(m), money(p)
            if m is None or p is None or m == p:
                continue
            kind = digit_slip(m, p)
            if kind not in PAGU_SLIPS and not (m > 0 and abs(p - m) > m * PAGU_CHANGE):
                continue
            refs = _suspects(sources, Ref(key, i, "pagu_perubahan"), Ref(key, i, "pagu_murni"))
            for ref in refs:  # expected: the other version
                others = ", ".join(_place(ctx, r) for r in refs if r != ref)
                yield Finding("BUD024", table.sheet, table.cell(ref.key, i), expected=m if ref.key == "pagu_perubahan"
                              else p, found=p if ref.key == "pagu_perubahan" else m,
                              params={"murni": number_text(m), "perubahan": number_text(p),
                                      **({"alternatives": others} if others else {})})
