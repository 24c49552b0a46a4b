"""The indicator sheets beyond the PK table: a composite component's breakdown must add up to its
stated total (IND001; Medan Baru PK 2024: 930 orang listed for 855) and belong to a declared
component (IND002); codes must name a PK indicator, a budget line or a PK programme (IND003); the history's row
for this year must agree with the PK sheet (IND004), the year before is not left out of an
indicator's history (IND006), a code's year is given once (VAL008) and its
values are on the indicator's scale (KIN022); once formulas are given, every indicator has one
(IND005); a capaian typed over the Indikator Program formula is judged as the PK's (KIN001), and
an implausible one is said (KIN021)."""
from __future__ import annotations

import re
from statistics import median
from typing import Iterable

from ..calc.budget import add_amounts, split_codes
from ..calc.decimals import number_or_none
from ..calc.target_range import as_range, bounds, midpoint
from ..findings import Finding, number_text
from ..i18n import Text
from .compare import judge_typed, same_statement
from .kinerja import CAPAIAN_WORD, FORMULA_TEXT, code_key, letter_realisasi, number
from .plausibility import SCALE_FACTOR, off_scale, ratio_findings
from .relations import Ref, judged

PK = "pk_indikator"
HIST = "riwayat_indikator"
PROGRAM = "indikator_program"
# the component's letter before its label: "a: sarana ...", "a. sarana ...", "a)", "(a)", "a"
_LETTER = re.compile(r"\(?\s*([a-z])\s*(?:[:.)]|$)", re.I)


def _code(value) -> str:
    return str(value or "").strip()


def _letter(komponen) -> str:
    """The component's letter: "a: kelurahan yang ...", "a. kelurahan ...", "a)" and "a" are all "a"."""
    m = _LETTER.match(_code(komponen))
    return m.group(1).lower() if m else _code(komponen).split(":")[0].strip().lower()


def check(ctx) -> Iterable[Finding]:
    model = ctx.model
    pk = model.table(PK)
    codes = {code_key(pk.row(i).get("kode_indikator")) for i in range(len(pk))} if pk is not None else set()
    yield from _breakdown(model)
    yield from _unknown_indicators(model, codes)
    yield from _unknown_budget_codes(model, ctx.wb.budget)
    yield from _unknown_programmes(model)
    disputed = list(_history_against_pk(model, pk, ctx.settings))
    yield from disputed
    yield from _history_twice(model)
    yield from _history_gap(model, pk, ctx.prev)
    yield from _history_scale(model, pk, {f.cell for f in disputed})
    yield from _history_letters(model)
    yield from _formulas(model, pk)
    yield from _program_capaian(ctx)


def _history_letters(model) -> Iterable[Finding]:
    """A year of the history whose realisasi is a grade letter: as on the PK (KIN027, KIN028)."""
    hist = model.table(HIST)
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
            stated[(code_key(r.get("kode_indikator")), _letter(r.get("komponen")))] = (i, r.get("penyebut"))
    groups: dict[tuple, list[int]] = {}
    for i in range(len(rincian)):
        r = rincian.row(i)
        groups.setdefault((code_key(r.get("kode_indikator")), _letter(r.get("komponen"))), []).append(i)
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
            if code and code_key(code) not in codes:
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
TARGET_COPIED = (": sama dengan target baris ini ({cell}): target tersalin ke kolom realisasi?",
                 ": the same as this row's target ({cell}): the target copied into the actual column?")


# the PK's columns a history row repeats: the report year's target and realisasi, and the year
# before's realisasi (PK's "Realisasi Tahun Lalu")
ON_PK = {0: (("target", "target"), ("realisasi", "realisasi")), -1: (("realisasi", "realisasi_lalu"),)}


def _history_against_pk(model, pk, settings) -> Iterable[Finding]:
    hist, ident = model.table(HIST), model.form("identitas")
    year = number_or_none(ident.values.get("tahun")) if ident is not None else None
    if hist is None or pk is None or year is None:
        return
    rows = {code_key(pk.row(i).get("kode_indikator")): i for i in range(len(pk))}
    years = {(code_key(hist.get("kode_indikator", i)), number_or_none(hist.get("tahun", i))): i for i in range(len(hist))}
    for i in range(len(hist)):
        h = hist.row(i)
        tahun, at = number_or_none(h.get("tahun")), rows.get(code_key(h.get("kode_indikator")))
        if at is None or tahun is None or tahun - year not in ON_PK:
            continue
        mine = pk.row(at)
        for key, pk_key in ON_PK[tahun - year]:
            if _agree(h.get(key), mine.get(pk_key), settings):
                continue
            before = years.get((code_key(h.get("kode_indikator")), tahun - 1)) if pk_key == "realisasi_lalu" else None
            older = hist.get("realisasi", before) if before is not None else None
            if number(older) is not None and _agree(older, mine.get(pk_key), settings):
                # the PK's last year is the history's year before that: a column not shifted (at the PK)
                yield Finding("KIN032", pk.sheet, pk.cell(pk_key, at), expected=_stated(h.get(key)),
                              found=_stated(mine.get(pk_key)), params={
                                  "tahun": int(tahun), "cell": f"{hist.sheet}!{hist.cell(key, i)}",
                                  "old": int(tahun) - 1, "old_cell": f"{hist.sheet}!{hist.cell('realisasi', before)}"})
            else:
                what, what_en = WHAT[key]
                # a realisasi that repeats its own row's target: the target typed (or copied) into it
                own_target = key == "realisasi" and number(h.get("target")) is not None \
                    and number(h.get(key)) == number(h.get("target"))
                yield Finding("IND004", hist.sheet, hist.cell(key, i), expected=_stated(mine.get(pk_key)),
                              found=_stated(h.get(key)),
                              params={"what": what, "what_en": what_en, "tahun": int(tahun),
                                      "same": Text(*(t.format(cell=hist.cell("target", i)) for t in TARGET_COPIED))
                                      if own_target else ""})


def _history_gap(model, pk, prev) -> Iterable[Finding]:
    """IND006 at an indicator's first history row when its history has another year to compare with
    (an earlier year of its own, or the year before on another indicator's row) but not the year
    before the report year: the annex's comparison table leaves that year blank for it (a footnote
    under it says so, for the reader of the report).
    With last year's workbook (--tahun-lalu) the annex takes that year from it: nothing to say."""
    hist, ident = model.table(HIST), model.form("identitas")
    year = number_or_none(ident.values.get("tahun")) if ident is not None else None
    if hist is None or pk is None or year is None or prev is not None:
        return
    last = int(year) - 1
    years: dict[str, set[int]] = {}
    first: dict[str, int] = {}
    for i in range(len(hist)):
        code, y = code_key(hist.get("kode_indikator", i)), number_or_none(hist.get("tahun", i))
        if code is not None and y is not None:
            years.setdefault(code, set()).add(int(y))
            first.setdefault(code, i)
    kept = any(last in ys for ys in years.values())
    for j in range(len(pk)):
        had = years.get(code_key(pk.get("kode_indikator", j)), set())
        if had and last not in had and (kept or min(had) < last):
            i = first[code_key(pk.get("kode_indikator", j))]
            yield Finding("IND006", hist.sheet, hist.cell("kode_indikator", i), expected=str(last),
                          found=", ".join(map(str, sorted(had))),
                          params={"kode": _code(pk.get("kode_indikator", j)),
                                  "lalu": number_text(lalu) if number(lalu := pk.get("realisasi_lalu", j)) is not None
                                  else Text("kosong", "blank")})


def _agree(a, b, settings) -> bool:
    """Two statements of a value: ranges (80-90) by their bounds, numbers at the coarser one's
    precision (86,9 states 86,94); either blank (or a letter) states nothing to compare."""
    if as_range(a) is not None or as_range(b) is not None:
        return bounds(a) is None or bounds(b) is None or bounds(a) == bounds(b)
    x, y = number(a), number(b)
    return x is None or y is None or same_statement(x, y, settings)


def _history_twice(model) -> Iterable[Finding]:
    """VAL008 at a second row of one code and year: which of the two does the report print?"""
    hist, first = model.table(HIST), {}
    for i in range(len(hist) if hist is not None else 0):
        key = (code_key(hist.get("kode_indikator", i)), number_or_none(hist.get("tahun", i)))
        if None in key:
            continue
        if key in first:
            yield Finding("VAL008", hist.sheet, hist.cell("kode_indikator", i),
                          found=f"{_code(hist.get('kode_indikator', i))} {int(key[1])}",
                          params={"other": hist.cell("kode_indikator", first[key])})
        first.setdefault(key, i)


def _history_scale(model, pk, disputed: set[str]) -> Iterable[Finding]:
    """KIN022 at a year's target or realisasi 5 times above or below the indicator's other values
    (its other years, the PK's target, realisasi and last year's; two or more): 835 for 83,5. A ``turun``
    indicator's realisasi far below is good news. Not where IND004 already says it."""
    hist = model.table(HIST)
    if hist is None:
        return
    values: dict[str, list] = {}  # code -> [(row or None, column, number)]
    for i in range(len(pk) if pk is not None else 0):
        for k in ("target", "realisasi", "realisasi_lalu"):
            values.setdefault(code_key(pk.get("kode_indikator", i)), []).append((None, k, midpoint(pk.get(k, i))))
    for i in range(len(hist)):
        for k in ("target", "realisasi"):
            values.setdefault(code_key(hist.get("kode_indikator", i)), []).append((i, k, midpoint(hist.get(k, i))))
    turun = {code_key(pk.get("kode_indikator", i)) for i in range(len(pk) if pk is not None else 0)
             if str(pk.get("arah", i) or "").strip().lower() == "turun"}
    for i in range(len(hist)):
        code = code_key(hist.get("kode_indikator", i))
        for k in ("target", "realisasi"):
            value, cell = midpoint(hist.get(k, i)), hist.cell(k, i)
            others = [v for j, key, v in values.get(code, ()) if (j, key) != (i, k) and v is not None and v > 0]
            if value is None or cell in disputed or len(others) < 2:
                continue  # of two values alone, either may be the slip
            reference = median(others)
            if off_scale(value, reference, SCALE_FACTOR, low_side=not (k == "realisasi" and code in turun)):
                name = f"{k} {hist.get('tahun', i) or ''}".strip()  # realisasi 2022
                yield Finding("KIN022", hist.sheet, cell, expected=number_text(reference, 2),
                              found=_stated(hist.get(k, i)), params={"name": name})


def _stated(value):
    """A target or realisasi as a finding says it: a range as typed, else its number."""
    return value if as_range(value) is not None else number_or_none(value)


def _formulas(model, pk) -> Iterable[Finding]:
    rumusan = model.table("pk_rumusan")
    if rumusan is None or not len(rumusan) or pk is None:
        return
    given = {code_key(rumusan.row(i).get("kode_indikator")) for i in range(len(rumusan))}
    for i in range(len(pk)):
        code = _code(pk.row(i).get("kode_indikator"))
        if code and code_key(code) not in given:
            yield Finding("IND005", pk.sheet, pk.cell("kode_indikator", i), found=code)


def _program_capaian(ctx) -> Iterable[Finding]:
    """Indikator Program's capaian (R/T × 100): typed over its formula, judged as the PK's (KIN001,
    a relation of the target and realisasi), and out of 20–300 % said as on the PK (KIN021)."""
    table = ctx.model.table(PROGRAM)
    if table is None or "capaian" not in table.values:
        return
    derived = ctx.derived(PROGRAM)
    for i in range(len(table)):
        typed, computed = number(table.values["capaian"][i]), derived[i].get("capaian")
        if table.has_formula["capaian"][i] or typed is None or computed is None:
            continue
        findings = judge_typed("KIN001", table.sheet, table.cell("capaian", i), computed, typed, ctx.settings,
                               params={"formula": FORMULA_TEXT["naik"]}, name=CAPAIAN_WORD, percent=True)
        refs = {k: Ref(PROGRAM, i, k) for k in ("target", "realisasi")}
        own = Ref(PROGRAM, i, "capaian")
        values = {own: typed, **{ref: number(table.get(k, i)) for k, ref in refs.items()}}
        ctx.relations.append(judged(findings, "KIN001", own, values, lambda v, i=i, refs=refs: ctx.wb.recompute(
            PROGRAM, i, "capaian", {k: v[ref] for k, ref in refs.items()}), ctx.settings))
        yield from findings
    yield from ratio_findings(ctx, PROGRAM, "capaian", ("realisasi", "target"), "capaian")
