"""Kinerja rules (KIN001–KIN007, KIN010, KIN011, KIN013, KIN015–KIN017, KIN019, KIN026): the PK indicators' capaian,
kriteria and predikat, targets and actuals, composite indicators, the IKM link to the SKM sheet,
the links between tables, and the output achievement per sub kegiatan (last year's actuals:
``last_year.py``).

A value someone typed over a formula is compared with the recomputation at the precision it was
typed with (half-up or truncation accepted, see ``compare.typed_match``). Blank is "not reported",
never 0. Nothing here raises on bad data: what cannot be computed is left to the rule that
explains why (VAL005, VAL013, KIN005–KIN007).
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Any, Iterable

from ..calc.budget import level_of, match_key
from ..calc.capaian import capaian, composite_realisasi, normalise_arah
from ..calc.decimals import decimal_places, number_or_none, round_half_up, strip_exponent
from ..calc.numbers_id import PREDICATE_LETTERS, parse_predicate
from ..calc.skm import ikm_from_nrr, ikm_range
from ..calc.scales import PRESETS, Scale, grade
from ..calc.target_range import as_range, bounds, grade_letter
from ..derive.env import rating_scale
from ..derive.stage import partial_year
from ..findings import Finding, number_text, show_value
from ..i18n import Text
from ..reader.values import typed_bound, typed_grade
from ..settings import Settings, skala_choice
from .compare import is_blank, judge_typed
from .relations import Ref, judged
from .skm import unread_cells
from .skm_year import stale_dates

FORMULA_TEXT = {"naik": "R/T × 100", "2t_minus_r": "(2T−R)/T × 100", "t_over_r": "T/R × 100"}
_IKM_NAME = re.compile(r"kepuasan\s+masyarakat|\bikm\b", re.I)
_SAKIP_NAME = re.compile(r"sakip|\bakip\b|akuntabilitas", re.I)
_SAKIP_ONLY_LETTERS = {"AA", "BB", "CC"}
_SPLIT = re.compile(r"[,;]")


def number(value: Any) -> Decimal | None:
    """A cell's number as typed (trailing zeros from the percent conversion dropped), else None."""
    d = number_or_none(value)
    return None if d is None else strip_exponent(d)


def stated_target(value: Any) -> Any:
    """A target as a finding states it: a range or a grade letter as typed, a number as typed."""
    return value if isinstance(value, str) else number(value)


def code_key(code: Any) -> str | None:
    """Canonical text of a code for matching (``01.02``, ``01.02.`` and ``1.2`` are the same: a
    budget code by its ``match_key``; an indicator code ``iku1`` is ``IKU1``)."""
    if is_blank(code):
        return None
    text = str(code).strip()
    return match_key(text) if level_of(text) else text.upper()


def rows_by_code(table, key: str = "kode_indikator") -> dict[str, int]:
    """A table's first row of each code (``code_key``); empty when there is no table."""
    out: dict[str, int] = {}
    for i in range(len(table) if table is not None else 0):
        code = code_key(table.get(key, i))
        if code is not None:
            out.setdefault(code, i)
    return out


def split_codes(text: Any) -> list[str]:
    return [c.strip() for c in _SPLIT.split(str(text or "")) if c.strip()]


def check(ctx) -> Iterable[Finding]:
    pk = ctx.model.table("pk_indikator")
    if pk is not None:
        yield from _pk_rows(ctx, pk)
        yield from _composites(ctx, pk)
    yield from _links(ctx, pk)
    yield from _typed_ratios(ctx)
    yield from _uncomputable(ctx)
    yield from _negative_turun(ctx)
    yield from _efisiensi(ctx)


# --------------------------------------------------------------------------- PK rows
def _pk_rows(ctx, pk) -> Iterable[Finding]:
    derived = ctx.derived("pk_indikator")
    unreported = _none_reported(ctx, pk)
    if unreported is not None:
        yield unreported
    for i in range(len(pk)):
        row, d = pk.row(i), derived[i]
        flagged = (pk.sheet, pk.rows[i]) in ctx.flagged_rows
        yield from _typed_capaian(ctx, pk, i, row, d)
        yield from _typed_kriteria(ctx, pk, i, d)
        yield from _predikat(ctx, pk, i, row)
        yield from _typed_grades(ctx, pk, i, row)
        yield from _bound_against_arah(pk, i, row)
        target, realisasi = number(row.get("target")), number(row.get("realisasi"))
        if (letter := grade_letter(row.get("target"))) is not None and is_blank(row.get("target_predikat")):
            yield Finding("KIN005", pk.sheet, pk.cell("target", i), found=letter)  # typed in Target itself
        yield from letter_realisasi(pk, i, row)
        if target is not None and target == 0:
            yield _zero_target(pk, i, "target", target, realisasi, CAPAIAN_WORD)
        if row.get("realisasi") is None and not flagged and unreported is None:
            yield Finding("KIN007", pk.sheet, pk.cell("realisasi", i),
                          params={"name": row.get("indikator") or row.get("kode_indikator") or ""})
        if realisasi is not None and _IKM_NAME.search(str(row.get("indikator") or "")):
            yield from _ikm(ctx, pk, i, realisasi)


def _none_reported(ctx, pk) -> Finding | None:
    """Before the year's realisasi are measured (a PK signed in January, the workbook kept through
    the year) every indicator's realisasi is blank: one KIN007 for the column, at its first cell,
    not one per indicator; a blank among filled ones stays its own KIN007."""
    rows = range(len(pk))
    if len(pk) < 2 or any(pk.get("realisasi", i) is not None or (pk.sheet, pk.rows[i]) in ctx.flagged_rows
                          for i in rows):
        return None
    span = f"{pk.cell('realisasi', 0)}–{pk.cell('realisasi', len(pk) - 1)}"
    return Finding("KIN007", pk.sheet, pk.cell("realisasi", 0), params={"name": Text(
        f"semua {len(pk)} indikator ({span}; capaian dan kriteria belum dapat dihitung)",
        f"all {len(pk)} indicators ({span}; no achievement or rating can be computed yet)")})


def _formula_text(ctx, arah: Any, target: Any = None, realisasi: Any = None) -> str | Text:
    """The capaian formula, named; for a range target (80-90) also the T it gives: the realisasi
    inside the range, the bound it passed outside it."""
    key = ctx.settings.turun_formula if str(arah or "").strip().lower() == "turun" else "naik"
    text = FORMULA_TEXT.get(key, FORMULA_TEXT["naik"])
    text += ", maks. 100" if ctx.settings.cap_100 else ""
    span, r = as_range(target), number(realisasi)
    if span is None or r is None:
        return text
    t = min(max(r, span.lower), span.upper)
    return Text(f"{text}, T = {show_value(t, 'id')} dari rentang {span}",
                f"{text}, T = {show_value(t, 'en')} of the range {span}")


def _typed_capaian(ctx, pk, i, row, d) -> Iterable[Finding]:
    if "capaian" not in pk.values or pk.has_formula["capaian"][i]:
        return
    typed, computed = number(pk.values["capaian"][i]), d.get("capaian")
    if typed is None or computed is None:
        return  # blank, or nothing to compare with (KIN005–KIN007, FRM001 say why)
    findings = judge_typed("KIN001", pk.sheet, pk.cell("capaian", i), computed, typed, ctx.settings,
                           params={"formula": _formula_text(ctx, row.get("arah"), row.get("target"),
                                                            row.get("realisasi"))}, name=CAPAIAN_WORD, percent=True)
    yield from _typed_relation(ctx, findings, "KIN001", "pk_indikator", i, "capaian", typed,
                               ("target", "realisasi"))


def _typed_relation(ctx, findings, code: str, table_key: str, i: int, key: str, typed, inputs) -> list[Finding]:
    """A value typed over a formula is a relation of it and the formula's input cells."""
    table = ctx.model.table(table_key)
    own = Ref(table_key, i, key)
    refs = {name: Ref(table_key, i, name) for name in inputs}
    values = {own: typed, **{ref: number(table.get(name, i)) for name, ref in refs.items()}}
    ctx.relations.append(judged(findings, code, own, values, lambda v: ctx.wb.recompute(
        table_key, i, key, {name: v[ref] for name, ref in refs.items()}), ctx.settings))
    return findings


def _typed_kriteria(ctx, pk, i, d) -> Iterable[Finding]:
    if "kriteria" not in pk.values or pk.has_formula["kriteria"][i]:
        return
    typed, capaian = pk.values["kriteria"][i], d.get("capaian")
    scale = ctx.wb.rating_scale
    if is_blank(typed) or capaian is None or scale is None:
        return
    band = grade(scale, capaian)
    if band is None:
        return
    text = " ".join(str(typed).split()).lower()
    if text not in {band.label.lower(), (band.code or "").lower()}:
        yield Finding("KIN003", pk.sheet, pk.cell("kriteria", i), expected=band.label, found=str(typed).strip(),
                      params={"scale": ctx.settings.skala})


# --------------------------------------------------------------------------- predikat
def _sakip_scale(ctx) -> Scale:
    """The SAKIP scale as the workbook's Skala sheet defines it, else the preset (a broken one is
    reported by the scale checks when it is the chosen scale)."""
    skala = ctx.model.table("skala")
    rows = [skala.row(i) for i in range(len(skala))] if skala is not None else None
    return rating_scale(Settings(skala=skala_choice("sakip88")), rows) or PRESETS["sakip88"]


def predikat_scale(ctx, row: dict, letter: str, value: Decimal) -> Scale | None:
    """The scale a target letter belongs to: SAKIP (by name or AA/BB/CC), SKM mutu (IKM-like)."""
    name = str(row.get("indikator") or "")
    if _SAKIP_NAME.search(name) or letter in _SAKIP_ONLY_LETTERS:
        return _sakip_scale(ctx)
    if _IKM_NAME.search(name):
        return PRESETS["skm_mutu"]
    indeks = str(row.get("jenis") or "").lower() == "indeks" or str(row.get("satuan") or "").lower() == "indeks"
    if indeks and Decimal(25) <= value <= Decimal(100):
        return PRESETS["skm_mutu"]
    return None


def _predikat(ctx, pk, i, row) -> Iterable[Finding]:
    text = row.get("target_predikat")
    if is_blank(text) or "target_predikat" not in pk.values:
        return
    letter, own_number = parse_predicate(str(text))
    if letter is None:
        return
    target = number(row.get("target"))
    cell = pk.cell("target_predikat", i)
    if target is None and own_number is None and bounds(row.get("target")) is None:  # blank, or a letter
        yield Finding("KIN005", pk.sheet, cell, found=letter)
        return
    value = target if target is not None else own_number
    if value is not None:
        yield from _grade_of(ctx, pk, cell, row, letter, value)


def _grade_of(ctx, pk, cell: str, row, letter: str, value: Decimal) -> Iterable[Finding]:
    """KIN004 when ``letter`` is not the band of ``value`` on the indicator's scale."""
    scale = predikat_scale(ctx, row, letter, value)
    band = grade(scale, value) if scale is not None else None
    if band is not None and band.code and band.code != letter:
        yield Finding("KIN004", pk.sheet, cell, expected=band.code, found=letter,
                      params={"number": number_text(value)})


def _typed_grades(ctx, pk, i, row) -> Iterable[Finding]:
    """An index typed with its grade in the number cell (``B (86,94)``, as reports print it): the
    letter must be the band of the number, as Target Predikat's (KIN004)."""
    for key in ("target", "realisasi"):
        letter, value = typed_grade(pk.how(key, i)), number(row.get(key))
        if letter is not None and value is not None:
            yield from _grade_of(ctx, pk, pk.cell(key, i), row, letter, value)


def _bound_against_arah(pk, i, row) -> Iterable[Finding]:
    """A target typed as a bound (``≥ 90``, read as 90: VAL001) that points against the indicator's
    arah: a lower bound (≥) on a turun indicator, lower being better, or an upper bound (≤) on a naik
    one. The bound or the arah is wrong; said at the target, naming the arah's cell (KIN034)."""
    bound, arah = typed_bound(pk.how("target", i)), normalise_arah(row.get("arah"))
    if bound is None or arah not in ("naik", "turun") or (bound == "lower") == (arah == "naik"):
        return
    value = number_text(strip_exponent(Decimal(number(row.get("target")))))
    signs = {"lower": "≥", "upper": "≤"}
    yield Finding("KIN034", pk.sheet, pk.cell("target", i), expected=Text.of(f"{signs['upper' if bound == 'lower' else 'lower']} {{}}", value),
                  found=Text.of(f"{signs[bound]} {{}}", value),
                  params={"arah": arah, "arah_cell": f"{pk.sheet}!{pk.cell('arah', i)}"})


def letter_realisasi(table, i, row) -> Iterable[Finding]:
    """A realisasi typed as a grade letter (BB), on the PK or in the indicator's history: against a
    letter-only target (in Target, or in Target Predikat with no number) the two grades are compared
    (AA above A above BB ... above D); against a number or a range, no capaian at all."""
    found = grade_letter(row.get("realisasi"))
    if found is None:
        return
    cell = table.cell("realisasi", i)
    target = grade_letter(row.get("target"))
    if target is None and bounds(row.get("target")) is None:
        target = parse_predicate(str(row.get("target_predikat") or ""))[0]
    if target is None:
        if row.get("target") is not None:  # a blank target is said as such (VAL005, KIN005)
            yield Finding("KIN028", table.sheet, cell, expected=stated_target(row.get("target")), found=found)
        return
    met = PREDICATE_LETTERS.index(found) <= PREDICATE_LETTERS.index(target)
    yield Finding("KIN027", table.sheet, cell, expected=target, found=found,
                  params={"verdict": "target tercapai" if met else "di bawah target",
                          "verdict_en": "the target is met" if met else "below the target"},
                  severity_override="info" if met else None)


# --------------------------------------------------------------------------- IKM, composites
def _ikm(ctx, pk, i, realisasi: Decimal) -> Iterable[Finding]:
    ikm = ctx.wb.skm.ikm if ctx.wb.skm is not None else None
    if ikm is None or ikm.rounded is None:
        return
    findings = judge_typed("KIN011", pk.sheet, pk.cell("realisasi", i), ikm.rounded, realisasi, ctx.settings,
                           name=Text("realisasi IKM", "IKM actual"), also=(ikm.unrounded,))
    # the SKM sheet still holding last year's respondents (SKM037): its IKM is not this year's, so no
    # second source of the typed one; the difference is said there
    stale = stale_dates(ctx.model)
    if stale:
        cause = f"{stale[0].sheet}!{stale[0].cell}"
        yield from (replace(f, severity_override="info", params={**f.params, "cause": cause}) for f in findings)
        return
    cause = _dropped_explain(ctx, realisasi)
    if findings and cause:
        yield from (replace(f, severity_override="info", params={**f.params, "cause": cause})
                    if f.code == "KIN011" else f for f in findings)
        return
    own = Ref("pk_indikator", i, "realisasi")
    # an NRR typed in the summary block (no respondent rows) is a cell the IKM comes from
    typed_nrr = {Ref("skm_unsur", j, "nrr_tertulis"): col for j, col in enumerate(ctx.wb.skm.columns)
                 if col.source == "nrr"}

    def recomputed(v: dict):
        nrrs = ctx.wb.skm.nrr_by_unsur()
        nrrs.update({col.unsur: v[ref] for ref, col in typed_nrr.items() if col.unsur})
        if any(n is None or not 1 <= n <= 4 for n in nrrs.values()):
            return None
        return ikm_from_nrr(nrrs, ctx.wb.skm.weight)

    values = {own: realisasi, **{ref: col.nrr for ref, col in typed_nrr.items()}}
    ctx.relations.append(judged(findings, "KIN011", own, values, lambda v: recomputed(v).rounded, ctx.settings,
                                also=lambda v: (recomputed(v).unrounded,)))
    yield from findings


def _dropped_explain(ctx, typed: Decimal) -> str | None:
    """The answers the SKM left out as unreadable (SKM001, SKM004, SKM019...), as cells, when the
    typed IKM lies between the IKM with every one of them 1 and with every one 4 (at the typed
    places): the difference may come from them alone. None otherwise."""
    skm, resp = ctx.wb.skm, ctx.model.table("skm_responden")
    left = [c for c in skm.columns if c.unsur and c.source == "responden" and c.unread]
    if resp is None or not left:
        return None
    dropped = {c.unsur: (c.total, c.n, len(c.unread)) for c in left}
    low, high = ikm_range(skm.nrr_by_unsur(), dropped, skm.weight)
    places = decimal_places(typed)
    if not round_half_up(low, places) <= typed <= round_half_up(high, places):
        return None
    return unread_cells(left, resp.sheet, resp.cell)


def _composites(ctx, pk) -> Iterable[Finding]:
    komponen = ctx.model.table("pk_komponen")
    if komponen is None or not len(komponen):
        return
    parts: dict[str, list[int]] = {}  # indicator -> its component rows
    zero: dict[str, int] = {}  # indicator -> its first component with penyebut 0
    for j in range(len(komponen)):
        key = code_key(komponen.get("kode_indikator", j))
        if key is not None:
            parts.setdefault(key, []).append(j)
            if number(komponen.get("penyebut", j)) == 0:
                zero.setdefault(key, j)
    for i in range(len(pk)):
        key = code_key(pk.get("kode_indikator", i))
        rows = parts.get(key)
        if key in zero:  # a ratio of nothing: the composite cannot be computed, and that is said
            j = zero[key]
            yield Finding("KIN019", komponen.sheet, komponen.cell("penyebut", j), found=0,
                          params={"kode": str(pk.get("kode_indikator", i)).strip(),
                                  "komponen": str(komponen.get("komponen", j) or "").strip()})
            continue
        typed = number(pk.get("realisasi", i))
        if not rows or typed is None:
            continue
        own = Ref("pk_indikator", i, "realisasi")
        values = {own: typed}
        for j in rows:
            for name in ("pembilang", "penyebut"):
                values[Ref("pk_komponen", j, name)] = number(komponen.get(name, j))
        computed = _composite(values, rows)
        if computed is None:  # a part left blank: the typed composite cannot be verified, and that is said
            yield from _blank_parts(komponen, rows, values, pk.get("kode_indikator", i))
            continue
        findings = judge_typed("KIN013", pk.sheet, pk.cell("realisasi", i), computed, typed, ctx.settings,
                               params={"n": len(rows)}, name=Text("realisasi komposit", "composite actual"))
        ctx.relations.append(judged(findings, "KIN013", own, values, lambda v, rows=rows: _composite(v, rows),
                                    ctx.settings))
        yield from findings


def _blank_parts(komponen, rows: list[int], values: dict, kode) -> Iterable[Finding]:
    for j in rows:
        for name in ("pembilang", "penyebut"):
            if values[Ref("pk_komponen", j, name)] is None:
                yield Finding("KIN026", komponen.sheet, komponen.cell(name, j),
                              params={"kode": str(kode).strip(), "komponen": str(komponen.get("komponen", j) or "").strip()})


def _composite(values: dict, rows: list[int]):
    """The composite realisasi of these component rows (None when a part is blank or 0)."""
    return composite_realisasi([(values[Ref("pk_komponen", j, "pembilang")], values[Ref("pk_komponen", j, "penyebut")])
                                for j in rows])


# --------------------------------------------------------------------------- links between tables
def _links(ctx, pk) -> Iterable[Finding]:
    known = {code_key(c) for c in (pk.values.get("kode_indikator", []) if pk is not None else [])} - {None}
    if pk is not None:
        for key in ("pk_komponen", "ra_indikator"):
            table = ctx.model.table(key)
            for j in range(len(table) if table is not None else 0):
                code = table.get("kode_indikator", j)
                if code_key(code) is not None and code_key(code) not in known:
                    yield Finding("KIN015", table.sheet, table.cell("kode_indikator", j), found=str(code).strip())
    program = ctx.model.table("pk_program")
    if pk is None or program is None or "kode_program" not in pk.values:
        return
    programs = {code_key(c) for c in program.values.get("kode", [])} - {None}
    for i in range(len(pk)):
        unknown = [c for c in split_codes(pk.get("kode_program", i)) if code_key(c) not in programs]
        if unknown:
            yield Finding("KIN016", pk.sheet, pk.cell("kode_program", i), found=", ".join(unknown))


# --------------------------------------------------------------------------- Realisasi sheet
# a ratio typed over its formula: (code, table, column, (numerator, denominator), name)
TYPED_RATIOS = (("KIN010", "realisasi", "persen_keluaran", ("realisasi_keluaran", "target_keluaran"),
                 Text("capaian keluaran", "output achievement")),
                ("KIN025", "pk_komponen", "nilai", ("pembilang", "penyebut"), Text("nilai komponen", "component value")))


def _typed_ratios(ctx) -> Iterable[Finding]:
    """KIN010 (capaian keluaran on Realisasi), KIN025 (a component's value): a constant typed over
    the ratio's formula, against what it gives (the typed-value policy)."""
    for code, key, column, (num, den), name in TYPED_RATIOS:
        table = ctx.model.table(key)
        if table is None or column not in table.values:
            continue
        derived = ctx.derived(key)
        for i in range(len(table)):
            typed, computed = number(table.values[column][i]), derived[i].get(column)
            if table.has_formula[column][i] or typed is None or computed is None:
                continue
            detail = Text.of("{} / {}", _show(table.get(num, i)), _show(table.get(den, i)))
            findings = judge_typed(code, table.sheet, table.cell(column, i), computed, typed, ctx.settings,
                                   params={"detail": detail}, name=name, percent=True)
            yield from _typed_relation(ctx, findings, code, key, i, column, typed, (num, den))


CAPAIAN_WORD = Text("capaian", "the achievement")
# the ratios whose target may be typed 0 (or `-`) beside a realisasi: (table, target, realisasi, what is computed)
ZERO_TARGETS = (("realisasi", "target_keluaran", "realisasi_keluaran", Text("capaian keluaran", "the output achievement")),
                ("indikator_program", "target", "realisasi", CAPAIAN_WORD),
                ("pk_indikator", "target_renstra", "realisasi", Text("tingkat kemajuan (terhadap target akhir Renstra)",
                                                                     "the progress (towards the Renstra final target)")))
# the indicators with an arah, whose turun capaian T / R cannot divide by a realisasi of 0
TURUN_TABLES = ("pk_indikator", "indikator_program")


def _uncomputable(ctx) -> Iterable[Finding]:
    """A capaian that cannot be computed is said, never left blank in silence: a target of 0 beside
    a realisasi (KIN006, or KIN033 for a turun indicator's 0 met with 0; the PK's own is said with
    its rows; beside a realisasi of 0 only where the row has an arah: an output planned at 0 and
    none made says nothing), and a turun indicator's realisasi of 0 under T / R (KIN029, naming what (2T − R) / T
    gives)."""
    for key, target_key, real_key, what in ZERO_TARGETS:
        table = ctx.model.table(key)
        if table is None or target_key not in table.values or real_key not in table.values:
            continue
        for i in range(len(table)):
            target, real = number(table.values[target_key][i]), number(table.values[real_key][i])
            if target == 0 and real is not None and (real or "arah" in table.values):
                yield _zero_target(table, i, target_key, target, real, what)
    if ctx.settings.turun_formula != "t_over_r":
        return
    for key in TURUN_TABLES:
        table = ctx.model.table(key)
        if table is None or "arah" not in table.values:
            continue
        for i in range(len(table)):
            target, real = number(table.get("target", i)), number(table.get("realisasi", i))
            if normalise_arah(table.get("arah", i)) == "turun" and real == 0 and target:
                yield Finding("KIN029", table.sheet, table.cell("realisasi", i),
                              expected=capaian(target, real, "turun", "2t_minus_r").value, found=real)


def _negative_turun(ctx) -> Iterable[Finding]:
    """KIN035: a turun indicator's realisasi below 0 (PK, Indikator Program). Lower being better,
    (2T − R) / T with R = −3 and T = 10 gives 230 %: a decrease typed as a negative number (the
    arah already says "turun") inflates the capaian past 200 %. The value may be truly negative
    (inflasi, pertumbuhan), so a warning at the realisasi, with the capaian it gives."""
    for key in TURUN_TABLES:
        table = ctx.model.table(key)
        if table is None or "arah" not in table.values:
            continue
        derived = ctx.derived(key)
        for i in range(len(table)):
            real = number(table.get("realisasi", i))
            if real is None or real >= 0 or normalise_arah(table.get("arah", i)) != "turun":
                continue
            computed = derived[i].get("capaian")
            yield Finding("KIN035", table.sheet, table.cell("realisasi", i), expected=Text("≥ 0", "≥ 0"), found=real,
                          params={"drop": number_text(-real), "formula": _formula_text(ctx, "turun"),
                                  "capaian": "?" if computed is None else number_text(strip_exponent(round_half_up(computed, 2)))})


def _zero_target(table, i: int, target_key: str, target, realisasi, what) -> Finding:
    """A target of 0 (an indicator's on the PK or Indikator Program, the PK's Target Akhir Renstra):
    no ``what`` (KIN006); for a turun indicator whose realisasi is 0 too ("angka kasus 0", "temuan
    BPK 0") the target is met, which is said as such (KIN033), not as an error."""
    cell = table.cell(target_key, i)
    if realisasi == 0 and normalise_arah(table.get("arah", i)) == "turun":
        return Finding("KIN033", table.sheet, cell, expected=0, found=realisasi, params={"what": what})
    return Finding("KIN006", table.sheet, cell, found=target, params={"what": what})


def _show(value: Any) -> Text | str:
    d = number(value)
    return "?" if d is None else number_text(d)


def _efisiensi(ctx) -> Iterable[Finding]:
    """A programme with a budget, zero spending and no output is not '100 % efficient'; before the
    year is over (KIN030) it has simply not spent yet."""
    table = ctx.model.table("realisasi")
    if table is None or "realisasi" not in table.values or "kode" not in table.values or partial_year(
            ctx.wb.reported_quarter):
        return
    for line in ctx.wb.budget.roots:
        pagu, spent = line.pagu, line.amounts.get("realisasi")
        if line.level != "program" or pagu is None or pagu <= 0 or spent is None or spent != 0:
            continue
        output = [number(table.get("realisasi_keluaran", x.index)) for x in _family(line)]
        if not any(o is not None and o > 0 for o in output):
            yield Finding("KIN017", table.sheet, table.cell("realisasi", line.index), expected=pagu, found=spent,
                          params={"kode": line.code})


def _family(line):
    yield line
    for child in line.children:
        yield from _family(child)
