"""Every computed cell of the workbook, declared once: its Excel formula and, next to it, its
Python twin.

A ``Derivation`` pairs the formula the template writes into a computed column (or form field)
with the Python function that computes the same value. The template writer stores the Python
value as the formula's cached result; ``check`` compares what a workbook holds with it; the
annex prints it (all through ``lkjip_xl.derive``). The Python functions take the row's values
(``derive.rows.RowValues``: a computed column another derivation uses gives the value typed over
its formula, or else its own derivation) and the workbook's environment (settings, rating scale,
SKM result), and return values in display units: percentages in points (96.85), money in rupiah.
Formulas use only functions that Excel, LibreOffice and Gnumeric compute.
"""
from __future__ import annotations

from ..calc.budget import pagu_efektif, sisa
from ..calc.capaian import capaian, capaian_range, normalise_arah
from ..calc.decimals import percent
from ..calc.numbers_id import FORMULA_NIL
from ..calc.scales import grade
from ..calc.skm import DEFAULT_WEIGHT, SKM_WEIGHTS, sheet_label_score
from ..calc.target_range import SEPARATORS, bounds
from ..skm.compute import answer_score as score_of
from .lists import ANSWER_SCORE_TABLE
from .refs import col_letter, quote_sheet
from .types import Derivation, FormulaContext

def table_range(table, key: str) -> str:
    """The table's column over the rows the template prepares (a row inserted inside grows it)."""
    col = col_letter(table.col_index(key))
    last = table.first_row + table.capacity - 1
    return f"{quote_sheet(table.sheet)}!${col}${table.first_row}:${col}${last}"


def whole_column(table, key: str) -> str:
    """The whole sheet column of a table's column (``'SKM'!$Q:$Q``): for a helper column that holds
    nothing but the table's values, so rows added anywhere, even below the prepared ones, count."""
    col = col_letter(table.col_index(key))
    return f"{quote_sheet(table.sheet)}!${col}:${col}"




def amount(ref: str) -> str:
    """An amount cell as a formula uses it: its number, 0 for a nil marker, #N/A for any other
    text (never a number read out of text by the spreadsheet's own rules)."""
    marker = ",".join(f'{ref}="{m}"' for m in FORMULA_NIL)
    return f"IF(ISNUMBER({ref}),{ref},IF(OR({marker}),0,NA()))"


# ------------------------------------------------------------------------------ ratios
def _ratio_excel_1_1(num: str, den: str):
    """Template 1.1's ratio formula: a nil marker (-) gave #VALUE!."""
    def excel(ctx: FormulaContext) -> str:
        n, d = ctx.refs(num), ctx.refs(den)
        return f'=IF(OR({n}="",{d}=""),"",IF({d}=0,"",{n}/{d}))'
    return excel


def ratio(num: str, den: str) -> Derivation:
    """num / den as a percentage (capaian keluaran, tingkat kemajuan, a component's value);
    blank when either is blank or den is 0; a nil marker (-) is 0."""

    def excel(ctx: FormulaContext) -> str:  # a nil marker (-) is 0, as lkjip-xl reads it
        n, d = ctx.refs(num), ctx.refs(den)
        return f'=IF(OR({n}="",{d}=""),"",IF({amount(d)}=0,"",{amount(n)}/{amount(d)}))'

    def python(row, env):
        return percent(row.num(num), row.num(den))

    return Derivation(excel, python, former=(_ratio_excel_1_1(num, den),))


# ------------------------------------------------------------------------------ capaian, kriteria
def _range_text(t: str) -> str:
    """A range target's text with its separators made "-" and its % signs dropped (Excel's
    NUMBERVALUE ignores the spaces): calc.target_range reads exactly what this formula computes."""
    for sep in ("%", *(s for s in SEPARATORS if s != "-")):
        t = f'SUBSTITUTE({t},"{sep}","{"" if sep == "%" else "-"}")'
    return t


def _bound(t: str, upper: bool) -> str:
    """A target's lower or upper bound: the number itself, or a bound of the range typed
    (NUMBERVALUE: "," before decimals, "." between thousands, whatever the computer's locale)."""
    s = _range_text(t)
    part = f'MID({s},FIND("-",{s})+1,99)' if upper else f'LEFT({s},FIND("-",{s})-1)'
    return f'IF(ISNUMBER({t}),{t},_xlfn.NUMBERVALUE({part},",","."))'


def _capaian_excel(ctx: FormulaContext) -> str:
    """calc.capaian.capaian_range, in one formula for a number and a range target alike: the
    target is the realisasi clamped to the range (MEDIAN of lower, realisasi, upper; a number is a
    range of one), q = R / that; naik q, turun 2 − q or, with T/R, 1 / q (q^-1)."""
    t, r, arah = ctx.refs("target"), ctx.refs("realisasi"), ctx.refs("arah")
    real = amount(r)  # a nil marker (-) is a realisasi of 0, as lkjip-xl reads it; other text no number
    q = f"{real}/MEDIAN({_bound(t, False)},{real},{_bound(t, True)})"
    two_t = f'AND({arah}="turun",cfg_rumus_turun<>"T/R")'
    value = f'IF({two_t},2,0)+IF({two_t},-1,1)*({q})^IF(AND({arah}="turun",cfg_rumus_turun="T/R"),-1,1)'
    return (
        f'=IF(OR({t}="",{r}=""),"",'
        f'IFERROR(MIN(IF(cfg_batas_capaian="ya",1,1E+300),{value}),""))'
    )


def _capaian_excel_1_1(ctx: FormulaContext) -> str:
    """Template 1.1's capaian formula, before range targets: blank for a target that is text."""
    t, r, arah = ctx.refs("target"), ctx.refs("realisasi"), ctx.refs("arah")
    turun = f'IF(cfg_rumus_turun="T/R",{t}/{r},(2*{t}-{r})/{t})'
    value = f'IF({arah}="turun",{turun},{r}/{t})'
    return (
        f'=IF(OR({t}="",{r}="",NOT(ISNUMBER({t})),NOT(ISNUMBER({r}))),"",'
        f'IFERROR(IF(cfg_batas_capaian="ya",MIN(1,{value}),{value}),""))'
    )


def _capaian_python(row, env):
    target, r = bounds(row.get("target")), row.num("realisasi")
    if target is None or r is None:
        return None
    return capaian_range(*target, r, row.get("arah") or "naik", env.settings.turun_formula,
                         cap=100 if env.settings.cap_100 else None).value


CAPAIAN = Derivation(_capaian_excel, _capaian_python, former=(_capaian_excel_1_1,))


def _capaian_arah_excel(ctx: FormulaContext) -> str:
    """A programme indicator's capaian: R / T, or for a turun indicator (2T − R) / T or T / R as
    Identitas chooses; blank when either is blank or the divisor is 0. No cap and no range: the
    ratio earlier templates wrote, which a workbook without the Arah column still computes."""
    t, r, arah = amount(ctx.refs("target")), amount(ctx.refs("realisasi")), ctx.refs("arah")
    turun = f'IF(cfg_rumus_turun="T/R",{t}/{r},(2*{t}-{r})/{t})'
    return (f'=IF(OR({ctx.refs("realisasi")}="",{ctx.refs("target")}=""),"",'
            f'IFERROR(IF({arah}="turun",{turun},{r}/{t}),""))')


def _capaian_arah_python(row, env):
    t, r = row.num("target"), row.num("realisasi")
    if t is None or r is None:
        return None
    return capaian(t, r, normalise_arah(row.get("arah")) or "naik", env.settings.turun_formula).value


_PROGRAM_RATIO = ratio("realisasi", "target")
CAPAIAN_ARAH = Derivation(_capaian_arah_excel, _capaian_arah_python,
                          former=(_PROGRAM_RATIO.excel, *_PROGRAM_RATIO.former))


def _kriteria_formula(ctx: FormulaContext, from_header: bool) -> str:
    from .workbook import SKALA

    def rng(key: str) -> str:
        text = table_range(SKALA, key)
        return text.replace(f"${SKALA.first_row}:", f"${SKALA.header_row}:", 1) if from_header else text

    x = f"ROUND({ctx.refs('capaian')}*100,10)"
    pre, lab = rng("preset"), rng("label")
    lo, lo_in = rng("bawah"), rng("bawah_inklusif")
    hi, hi_in = rng("atas"), rng("atas_inklusif")
    holds = (
        f"({pre}=cfg_skala)"
        f"*((({lo}=\"\")+({x}>{lo})+({x}={lo})*({lo_in}=\"ya\"))>0)"
        f"*((({hi}=\"\")+({x}<{hi})+({x}={hi})*({hi_in}=\"ya\"))>0)"
    )
    cap = ctx.refs("capaian")
    if not from_header:
        match = f"SUMPRODUCT({holds}*(ROW({pre})-{SKALA.first_row - 1}))"
        return f'=IF(OR({cap}="",NOT(ISNUMBER({cap}))),"",IF({match}=0,"",IFERROR(INDEX({lab},{match}),"")))'
    match = f"SUMPRODUCT({holds}*(ROW({pre})-MIN(ROW({pre}))+1))"
    return (f'=IF(OR({cap}="",NOT(ISNUMBER({cap}))),"",IF(SUMPRODUCT({holds})<>1,"",'
            f'IFERROR(INDEX({lab},{match}),"")))')


def _kriteria_excel(ctx: FormulaContext) -> str:
    """The label of the chosen scale's band (Skala sheet) that holds the capaian, blank when no band
    or two bands hold it (an overlap, SCL002: calc.scales.grade). The Skala columns are read from
    their header row down and a band's place counted from the range's first row (MIN(ROW(...))): a
    band inserted at the top of the table (a higher one above Sangat Tinggi) grows the range as one
    inserted inside it does, and no insertion or deletion moves the label the formula finds for the
    others."""
    return _kriteria_formula(ctx, from_header=True)


def _kriteria_excel_1_1(ctx: FormulaContext) -> str:
    """Template 1.1's kriteria formula: the Skala columns from their first row and a band's place
    counted from a constant row, so a band inserted at the top of the table was outside the range
    and every other band's label was read one row off (100 % graded Tinggi); a value two bands hold
    got the label at the sum of their places."""
    return _kriteria_formula(ctx, from_header=False)


def _kriteria_python(row, env):
    """The band of the capaian the workbook holds (typed over the formula, or computed)."""
    value = row.num("capaian")
    if value is None or env.rating_scale is None:
        return None
    band = grade(env.rating_scale, value)
    return band.label if band else None


KRITERIA = Derivation(_kriteria_excel, _kriteria_python, former=(_kriteria_excel_1_1,))


# ------------------------------------------------------------------------------ budget rows
def _pagu_excel(ctx: FormulaContext) -> str:
    """calc.budget.pagu_efektif: perubahan when filled, else murni."""
    m, p = ctx.refs("pagu_murni"), ctx.refs("pagu_perubahan")
    return f'IF({p}<>"",{amount(p)},{amount(m)})'


def _no_pagu_or_realisasi(ctx: FormulaContext) -> str:
    m, p, r = ctx.refs("pagu_murni"), ctx.refs("pagu_perubahan"), ctx.refs("realisasi")
    return f'OR({r}="",AND({m}="",{p}=""))'


def row_pagu(row):
    """The pagu of a Realisasi row (effective: perubahan when filled, else murni)."""
    return pagu_efektif(row.num("pagu_murni"), row.num("pagu_perubahan"))


def _persen_realisasi_excel(ctx: FormulaContext) -> str:
    realisasi = amount(ctx.refs("realisasi"))
    return f'=IF({_no_pagu_or_realisasi(ctx)},"",IFERROR({realisasi}/{_pagu_excel(ctx)},""))'


PERSEN_REALISASI = Derivation(_persen_realisasi_excel, lambda row, env: percent(row.num("realisasi"), row_pagu(row)))


def _sisa_excel(ctx: FormulaContext) -> str:
    return f'=IF({_no_pagu_or_realisasi(ctx)},"",{_pagu_excel(ctx)}-{amount(ctx.refs("realisasi"))})'


def _sisa_python(row, env):
    value = sisa(row_pagu(row), row.num("realisasi"))
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else value


SISA = Derivation(_sisa_excel, _sisa_python)


# ------------------------------------------------------------------------------ grades
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


def _grade_excel(value_key: str, preset: str, attr: str):
    def build(ctx: FormulaContext) -> str:
        x = ctx.refs(value_key)
        return f'=IF(OR({x}="",NOT(ISNUMBER({x}))),"",{_grade_chain(x, preset, attr)})'

    return build


# ------------------------------------------------------------------------------ SKM
def answer_score(answer: str, index: int) -> Derivation:
    """The score one questionnaire answer counts with (helper column of the SKM respondents, answer
    column ``index`` 0..8): the answer looked up, as text, in the answer table of the list sheet
    (calc.skm.ANSWER_SCORES: 1..4 and a..d, any case), else as a label of the unsur named for the
    column on SKM Hasil (calc.skm.SHEET_LABEL_SCORES, through the unsur's code in
    SHEET_UNSUR_KEYS: "Sangat sesuai" in a Persyaratan column is 4, any case, runs of spaces made
    one); blank when it does not count (2,5, 5, "3.0", a label of no option or of another unsur,
    or one only lkjip-xl reads, "a. Sangat sesuai"), which the checks report. NRR averages these
    scores, so the sheet and lkjip-xl count the same answers, or check says where they differ
    (SKM032, SKM033). (LibreOffice has no TRUE/FALSE of its own: a TRUE typed in an answer cell is
    1 there, and counts; Excel, Gnumeric and lkjip-xl do not count it, and check reports the cell.)"""

    def excel(ctx: FormulaContext) -> str:
        from .workbook import SKM_UNSUR

        name = (f"{quote_sheet(SKM_UNSUR.sheet)}!${col_letter(SKM_UNSUR.col_index('unsur'))}"
                f"${SKM_UNSUR.first_row + index}")
        x = f"TRIM({ctx.refs(answer)})"
        code = f'VLOOKUP(" "&TRIM({name}),{ANSWER_SCORE_TABLE},2,FALSE)'
        return (f'=IFERROR(VLOOKUP({x},{ANSWER_SCORE_TABLE},2,FALSE),'
                f'IFERROR(VLOOKUP({code}&" "&{x},{ANSWER_SCORE_TABLE},2,FALSE),""))')

    def python(row, env):
        raw = row.get(answer)
        score = score_of(raw)
        if score is None and isinstance(raw, str):
            cols = env.skm.columns if env.skm is not None else ()
            name = cols[index].name if index < len(cols) else None
            score = sheet_label_score(raw, name)
        return score

    return Derivation(excel, python, by_value=answer)


def _skm_nrr_excel(ctx: FormulaContext) -> str:
    from .workbook import SKM_RESPONDEN

    scores = whole_column(SKM_RESPONDEN, f"skor_u{ctx.index + 1}")
    total, n, typed = ctx.refs("jumlah_nilai"), ctx.refs("jumlah_responden"), ctx.refs("nrr_tertulis")
    return (
        f"=IF(COUNT({scores})>0,SUM({scores})/COUNT({scores}),"
        f'IF(AND(COUNT({total},{n})=2,MIN({total},{n})>0),{total}/{n},IF({typed}<>"",{typed},"")))'
    )


def _skm_column(row, env):
    """The SKM result of the answer column this summary row stands for (U1..U9 in order)."""
    if env.skm is None or row.index >= len(env.skm.columns):
        return None
    return env.skm.columns[row.index]


def _nrr_python(row, env):
    col = _skm_column(row, env)
    return None if col is None else col.nrr


SKM_NRR = Derivation(_skm_nrr_excel, _nrr_python)


def _weight_excel() -> str:
    """The weight the Identitas choice selects, as an Excel expression (the default last)."""
    expr = SKM_WEIGHTS[DEFAULT_WEIGHT].excel
    for w in SKM_WEIGHTS.values():
        if w.name != DEFAULT_WEIGHT:
            expr = f'IF(cfg_bobot_skm="{w.choice}",{w.excel},{expr})'
    return expr


def _tertimbang_excel(ctx: FormulaContext) -> str:
    nrr = ctx.refs("nrr")
    return f'=IF({nrr}="","",{nrr}*{_weight_excel()})'


def _tertimbang_python(row, env):
    nrr = row.num("nrr")
    return None if nrr is None else SKM_WEIGHTS[env.settings.skm_weight].weigh(nrr)


SKM_TERTIMBANG = Derivation(_tertimbang_excel, _tertimbang_python)


def _mutu_python(row, env):
    col = _skm_column(row, env)
    return None if col is None else col.mutu


SKM_MUTU = Derivation(_grade_excel("nrr", "skm_mutu_nrr", "code"), _mutu_python)


def _hasil_excel(kind: str):
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


def _hasil_python(attr: str):
    def compute(row, env):
        ikm = env.skm.ikm if env.skm is not None else None
        if ikm is None:
            return None
        if attr == "sum":
            return ikm.unrounded / 25
        return getattr(ikm, attr)

    return compute


SKM_JUMLAH_TERTIMBANG = Derivation(_hasil_excel("sum"), _hasil_python("sum"))
SKM_IKM_TANPA_PEMBULATAN = Derivation(_hasil_excel("raw"), _hasil_python("unrounded"))
SKM_IKM = Derivation(_hasil_excel("ikm"), _hasil_python("rounded"))
SKM_IKM_MUTU = Derivation(_hasil_excel("mutu"), _hasil_python("mutu"))
SKM_IKM_KINERJA = Derivation(_hasil_excel("kinerja"), _hasil_python("kinerja"))
