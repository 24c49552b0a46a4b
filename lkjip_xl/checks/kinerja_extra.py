"""The indicator sheets beyond the PK table: a composite component's breakdown must add up to its
stated total (IND001; Medan Baru PK 2024: 930 orang listed for 855) and belong to a declared
component (IND002); codes must name a PK indicator, a budget line or a PK programme (IND003); the history's row
for this year must agree with the PK sheet (IND004); once formulas are given, every indicator
has one (IND005)."""
from __future__ import annotations

from typing import Iterable

from ..calc.budget import add_amounts, split_codes
from ..calc.decimals import number_or_none
from ..calc.target_range import as_range, bounds
from ..findings import Finding
from .kinerja import letter_realisasi

PK = "pk_indikator"


def _code(value) -> str:
    return str(value or "").strip()


def _letter(komponen) -> str:
    """The component's letter: "a: kelurahan yang ..." and "a" are both "a"."""
    return _code(komponen).split(":")[0].strip().lower()


def check(ctx) -> Iterable[Finding]:
    model = ctx.model
    pk = model.table(PK)
    codes = {_code(pk.row(i).get("kode_indikator")) for i in range(len(pk))} if pk is not None else set()
    yield from _breakdown(model)
    yield from _unknown_indicators(model, codes)
    yield from _unknown_budget_codes(model, ctx.wb.budget)
    yield from _unknown_programmes(model)
    yield from _history_against_pk(model, pk)
    yield from _history_letters(model)
    yield from _formulas(model, pk)


def _history_letters(model) -> Iterable[Finding]:
    """A year of the history whose realisasi is a grade letter: as on the PK (KIN027, KIN028)."""
    hist = model.table("riwayat_indikator")
    for i in range(len(hist) if hist is not None else 0):
        yield from letter_realisasi(hist, i, hist.row(i))


def _breakdown(model) -> Iterable[Finding]:
    rincian, komponen = model.table("pk_komponen_rincian"), model.table("pk_komponen")
    if rincian is None or not len(rincian):
        return
    stated = {}
    if komponen is not None:
        for i in range(len(komponen)):
            r = komponen.row(i)
            stated[(_code(r.get("kode_indikator")), _letter(r.get("komponen")))] = (i, r.get("penyebut"))
    groups: dict[tuple, list[int]] = {}
    for i in range(len(rincian)):
        r = rincian.row(i)
        groups.setdefault((_code(r.get("kode_indikator")), _letter(r.get("komponen"))), []).append(i)
    for key, rows in groups.items():
        if key not in stated:
            yield Finding("IND002", rincian.sheet, rincian.cell("komponen", rows[0]), found=f"{key[0]} {key[1]}")
            continue
        total = add_amounts(number_or_none(rincian.row(i).get("jumlah")) for i in rows)
        i, penyebut = stated[key]
        want = number_or_none(penyebut)
        if total is not None and want is not None and total != want:
            yield Finding("IND001", komponen.sheet, komponen.cell("penyebut", i), expected=want, found=total,
                          params={"komponen": f"{key[0]} {key[1]}"})


WHERE = {"id": "sheet PK (kode indikator)", "en": "the PK sheet (indicator codes)"}


def _unknown_indicators(model, codes: set[str]) -> Iterable[Finding]:
    for key in ("pk_rumusan", "pk_komponen_rincian", "riwayat_indikator"):
        table = model.table(key)
        if table is None:
            continue
        for i in range(len(table)):
            code = _code(table.row(i).get("kode_indikator"))
            if code and code not in codes:
                yield Finding("IND003", table.sheet, table.cell("kode_indikator", i), found=code,
                              params={"where": WHERE["id"], "where_en": WHERE["en"]})


def _unknown_programmes(model) -> Iterable[Finding]:
    funds, prog = model.table("sumber_dana"), model.table("pk_program")
    if funds is None or prog is None or not len(prog):
        return
    known = {c for i in range(len(prog)) for c in split_codes(prog.row(i).get("kode"))}
    for i in range(len(funds)):
        for code in split_codes(funds.row(i).get("kode")):
            if code not in known:
                yield Finding("IND003", funds.sheet, funds.cell("kode", i), found=code,
                              params={"where": "tabel program sheet PK", "where_en": "the PK sheet's programme table"})


def _unknown_budget_codes(model, budget) -> Iterable[Finding]:
    table = model.table("indikator_program")
    if table is None or not budget.lines:
        return
    for i in range(len(table)):
        for code in split_codes(table.row(i).get("kode")):
            if budget.find(code) is None:
                yield Finding("IND003", table.sheet, table.cell("kode", i), found=code,
                              params={"where": "sheet Realisasi", "where_en": "the Realisasi sheet"})


WHAT = {"target": ("target", "the target"), "realisasi": ("realisasi", "the actual")}


# the PK's columns a history row repeats: the report year's target and realisasi, and the year
# before's realisasi (PK's "Realisasi Tahun Lalu")
ON_PK = {0: (("target", "target"), ("realisasi", "realisasi")), -1: (("realisasi", "realisasi_lalu"),)}


def _history_against_pk(model, pk) -> Iterable[Finding]:
    hist, ident = model.table("riwayat_indikator"), model.form("identitas")
    year = number_or_none(ident.values.get("tahun")) if ident is not None else None
    if hist is None or pk is None or year is None:
        return
    rows = {_code(pk.row(i).get("kode_indikator")): pk.row(i) for i in range(len(pk))}
    for i in range(len(hist)):
        h = hist.row(i)
        tahun, mine = number_or_none(h.get("tahun")), rows.get(_code(h.get("kode_indikator")))
        if mine is None or tahun is None or tahun - year not in ON_PK:
            continue
        for key, pk_key in ON_PK[tahun - year]:
            a, b = bounds(h.get(key)), bounds(mine.get(pk_key))  # numbers, or target ranges (80-90)
            if a is not None and b is not None and a != b:
                what, what_en = WHAT[key]
                yield Finding("IND004", hist.sheet, hist.cell(key, i), expected=_stated(mine.get(pk_key)),
                              found=_stated(h.get(key)),
                              params={"what": what, "what_en": what_en, "tahun": int(tahun)})


def _stated(value):
    """A target or realisasi as a finding says it: a range as typed, else its number."""
    return value if as_range(value) is not None else number_or_none(value)


def _formulas(model, pk) -> Iterable[Finding]:
    rumusan = model.table("pk_rumusan")
    if rumusan is None or not len(rumusan) or pk is None:
        return
    given = {_code(rumusan.row(i).get("kode_indikator")) for i in range(len(rumusan))}
    for i in range(len(pk)):
        code = _code(pk.row(i).get("kode_indikator"))
        if code and code not in given:
            yield Finding("IND005", pk.sheet, pk.cell("kode_indikator", i), found=code)
