"""SAKIP evaluation (sheets SAKIP and SAKIP Rekomendasi): the four components must add up to the
score (SAK001, a relation: the blame names the component typed on another scale; KIN022 for one
off its other years' scale in a row that adds up), a typed grade
must be the score's (SAK002, PermenPAN-RB 88/2021; the components' sum's when the score is the
slip), a year is entered once (SAK004); each recommendation of the latest evaluation has a
follow-up (SAK003; `-` is none) with its date (SAK005)."""
from __future__ import annotations

import re
from statistics import median
from typing import Iterable

from ..calc.decimals import number_or_none
from ..calc.scales import Band, grade
from ..derive.sakip import COMPONENTS, SCALE, WEIGHTS
from ..findings import Finding, number_text
from .kinerja import number
from .plausibility import SCALE_FACTOR, off_scale
from .relations import Linear, Ref, Test, reported

TABLE = "sakip_nilai"
MAJORITY = 2  # other years a component is compared with before it is said to be off their scale
_BRACKETED = re.compile(r"(.*?)\(([^()]*)\)\s*")  # "BB (Sangat Baik)", "Cukup (Memadai)"
_NIL = re.compile(r"[-–—.\s]+")  # "-": nil, no follow-up


def check(ctx) -> Iterable[Finding]:
    yield from _scores(ctx)
    yield from _follow_up(ctx)


def _scores(ctx) -> Iterable[Finding]:
    table = ctx.model.table(TABLE)
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
        adds_up = True
        if nilai is not None and d["jumlah"] is not None:
            adds_up = nilai == d["jumlah"]
            yield from reported(ctx, _sum_relation(table, i, nilai, d["jumlah"]))
        for key in COMPONENTS:
            yield from reported(ctx, _on_scale(table, i, key, adds_up))
        typed = str(row.get("predikat") or "").strip()
        bands = [grade(SCALE, v) for v in (nilai, d["jumlah"]) if v is not None]  # the score's, the sum's
        if typed and d["predikat"] and not any(b is not None and _names(typed, b) for b in bands):
            yield Finding("SAK002", table.sheet, table.cell("predikat", i), expected=d["predikat"],
                          found=row.get("predikat"), params={"nilai": number_text(row.get("nilai"))})


def _sum_relation(table, i: int, nilai, jumlah) -> Linear:
    """Σ components − score = 0 over the row's five typed cells."""
    finding = None if jumlah == nilai else Finding("SAK001", table.sheet, table.cell("nilai", i),
                                                   expected=jumlah, found=nilai)
    terms = [(Ref(TABLE, i, k), 1, number_or_none(table.get(k, i))) for k in COMPONENTS]
    return Linear(finding is not None, finding, lambda: terms + [(Ref(TABLE, i, "nilai"), -1, nilai)])


def _on_scale(table, i: int, key: str, adds_up: bool) -> Test:
    """A component within its weight (0 to 30, 15 or 25) and on the scale of its other years' values:
    a bound the blame keeps (a score slip is not blamed on a component it would put off that
    scale). KIN022 when 5 times off two or more other years (of two years alone, either may be the
    slip), where the score adds up (else SAK001 and the blame speak for the row) and the value is
    within its weight (else the range check)."""
    others = [v for j in range(len(table)) if j != i and (v := number(table.get(key, j))) is not None and v > 0]
    reference = median(others) if others else None
    ref, value = Ref(TABLE, i, key), number(table.get(key, i))

    def holds(v: dict) -> bool:
        return v[ref] is None or (0 <= v[ref] <= WEIGHTS[key] and not off_scale(v[ref], reference, SCALE_FACTOR))

    within = value is None or 0 <= value <= WEIGHTS[key]
    finding = Finding("KIN022", table.sheet, table.cell(key, i), expected=number_text(reference or 0, 2), found=value,
                      params={"name": key}) if adds_up and within and len(others) >= MAJORITY else None
    return Test(finding, {ref: value}, holds, confirms=False)


def _key(text: str) -> str:
    return "".join(text.split()).lower()


def _names(typed: str, band: Band) -> bool:
    """Whether ``typed`` names the band: its code (`BB`, `B B`, `bb`), its label (`Sangat Baik`;
    `Cukup` or `Cukup (Memadai)`), or the code with its label in brackets (`BB (Sangat Baik)`)."""
    label = _BRACKETED.fullmatch(band.label)
    names = {_key(band.code), _key(band.label), *(_key(part) for part in (label.groups() if label else ()))}
    parts = _BRACKETED.fullmatch(typed)
    return all(_key(part) in names for part in (parts.groups() if parts else (typed,)) if part.strip())


def _follow_up(ctx) -> Iterable[Finding]:
    table = ctx.model.table("sakip_rekomendasi")
    if table is None or not len(table):
        return
    years = [number_or_none(table.row(i).get("tahun")) for i in range(len(table))]
    latest = max((y for y in years if y is not None), default=None)
    for i in range(len(table)):
        row = table.row(i)
        action = str(row.get("tindak_lanjut") or "")
        if not action.strip() or _NIL.fullmatch(action):
            if years[i] == latest and str(row.get("rekomendasi") or "").strip():
                yield Finding("SAK003", table.sheet, table.cell("tindak_lanjut", i), params={"tahun": row.get("tahun")})
        elif not str(row.get("waktu") or "").strip():
            yield Finding("SAK005", table.sheet, table.cell("waktu", i))
