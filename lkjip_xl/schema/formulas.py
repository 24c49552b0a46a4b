"""Excel formulas of the computed columns, as functions of the row they are written into.

Each formula mirrors a pure calculation in ``lkjip_xl.calc``; ``lkjip_xl.derived`` computes the
same value in Python, which is what the checks trust and what the writer stores as the cached
result. Formulas use only functions that Excel and LibreOffice both compute.
"""
from __future__ import annotations

from .refs import col_letter, quote_sheet
from .types import FormulaContext

LAST_ROW = 1048576


def table_range(table, key: str, *, open_ended: bool = False) -> str:
    col = col_letter(table.col_index(key))
    last = LAST_ROW if open_ended else table.first_row + table.capacity - 1
    return f"{quote_sheet(table.sheet)}!${col}${table.first_row}:${col}${last}"


def fraction_formula(num: str, den: str):
    """realisasi / target as an Excel percent (fraction); blank when either is blank or den is 0."""

    def build(ctx: FormulaContext) -> str:
        n, d = ctx.refs(num), ctx.refs(den)
        return f'=IF(OR({n}="",{d}=""),"",IF({d}=0,"",{n}/{d}))'

    return build


def capaian_formula(ctx: FormulaContext) -> str:
    t, r, arah = ctx.refs("target"), ctx.refs("realisasi"), ctx.refs("arah")
    turun = f'IF(cfg_rumus_turun="T/R",{t}/{r},(2*{t}-{r})/{t})'
    value = f'IF({arah}="turun",{turun},{r}/{t})'
    return (
        f'=IF(OR({t}="",{r}="",NOT(ISNUMBER({t})),NOT(ISNUMBER({r}))),"",'
        f'IFERROR(IF(cfg_batas_capaian="ya",MIN(1,{value}),{value}),""))'
    )


def kriteria_formula(ctx: FormulaContext) -> str:
    from .workbook import SKALA

    x = f"ROUND({ctx.refs('capaian')}*100,10)"
    pre, lab = table_range(SKALA, "preset"), table_range(SKALA, "label")
    lo, lo_in = table_range(SKALA, "bawah"), table_range(SKALA, "bawah_inklusif")
    hi, hi_in = table_range(SKALA, "atas"), table_range(SKALA, "atas_inklusif")
    row0 = SKALA.first_row
    match = (
        f"SUMPRODUCT(({pre}=cfg_skala)"
        f"*((({lo}=\"\")+({x}>{lo})+({x}={lo})*({lo_in}=\"ya\"))>0)"
        f"*((({hi}=\"\")+({x}<{hi})+({x}={hi})*({hi_in}=\"ya\"))>0)"
        f"*(ROW({pre})-{row0 - 1}))"
    )
    cap = ctx.refs("capaian")
    return f'=IF(OR({cap}="",NOT(ISNUMBER({cap}))),"",IF({match}=0,"",IFERROR(INDEX({lab},{match}),"")))'


def _pagu(ctx: FormulaContext) -> str:
    m, p = ctx.refs("pagu_murni"), ctx.refs("pagu_perubahan")
    return f'IF({p}<>"",{p},{m})'


def _no_pagu_or_realisasi(ctx: FormulaContext) -> str:
    m, p, r = ctx.refs("pagu_murni"), ctx.refs("pagu_perubahan"), ctx.refs("realisasi")
    return f'OR({r}="",AND({m}="",{p}=""))'


def persen_realisasi_formula(ctx: FormulaContext) -> str:
    pagu = _pagu(ctx)
    return f'=IF({_no_pagu_or_realisasi(ctx)},"",IFERROR({ctx.refs("realisasi")}/{pagu},""))'


def sisa_formula(ctx: FormulaContext) -> str:
    return f'=IF({_no_pagu_or_realisasi(ctx)},"",{_pagu(ctx)}-{ctx.refs("realisasi")})'


def _grade_chain(x: str, preset: str, attr: str) -> str:
    """Nested IF over a scale whose bands have inclusive lower bounds (the SKM tables)."""
    from ..calc.scales import PRESETS

    bands = sorted(PRESETS[preset].bands, key=lambda b: (b.lower is None, -(b.lower or 0)))
    expr = '""'
    for band in reversed(bands):
        label = getattr(band, attr) or band.label
        if band.lower is None:
            expr = f'"{label}"'
        else:
            op = ">=" if band.lower_inclusive else ">"
            expr = f'IF({x}{op}{band.lower},"{label}",{expr})'
    return expr


def mutu_formula(value_key: str, preset: str, attr: str):
    def build(ctx: FormulaContext) -> str:
        x = ctx.refs(value_key)
        return f'=IF(OR({x}="",NOT(ISNUMBER({x}))),"",{_grade_chain(x, preset, attr)})'

    return build


def skm_nrr_formula(ctx: FormulaContext) -> str:
    from .workbook import SKM_RESPONDEN

    answers = table_range(SKM_RESPONDEN, f"u{ctx.index + 1}", open_ended=True)
    # exactly the answers calc.skm.parse_answer accepts: 1..4 (number or text) and a..d; 2,5 or 5 are not
    counts = [f'(COUNTIF({answers},{k})+COUNTIF({answers},"{letter}"))' for k, letter in zip((1, 2, 3, 4), "abcd")]
    n_valid = "+".join(counts)
    total_valid = "+".join(f"{k}*{c}" for k, c in zip((1, 2, 3, 4), counts))
    total, n, typed = ctx.refs("jumlah_nilai"), ctx.refs("jumlah_responden"), ctx.refs("nrr_tertulis")
    return (
        f"=IF(({n_valid})>0,({total_valid})/({n_valid}),"
        f'IF(AND(N({total})>0,N({n})>0),{total}/{n},IF({typed}<>"",{typed},"")))'
    )


def skm_tertimbang_formula(ctx: FormulaContext) -> str:
    nrr = ctx.refs("nrr")
    return f'=IF({nrr}="","",{nrr}*IF(cfg_bobot_skm="0,111",0.111,1/9))'


def skm_ikm_formula(kind: str):
    def build(ctx: FormulaContext) -> str:
        from .workbook import SKM_UNSUR

        nrr = table_range(SKM_UNSUR, "nrr")
        weighted = table_range(SKM_UNSUR, "nrr_tertimbang")
        if kind == "sum":
            return f'=IF(COUNT({nrr})<9,"",SUM({weighted}))'
        if kind == "raw":
            return f'=IF(COUNT({nrr})<9,"",SUM({weighted})*25)'
        if kind == "ikm":
            raw = ctx.refs("ikm_tanpa_pembulatan")
            return f'=IF({raw}="","",ROUND({raw},2))'
        ikm = ctx.refs("ikm")
        attr = "code" if kind == "mutu" else "label"
        return f'=IF({ikm}="","",{_grade_chain(ikm, "skm_mutu", attr)})'

    return build
