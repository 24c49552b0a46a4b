"""The rows of the SKM report's period and follow-up tables, as plain data (exact ``Decimal``s, no
formatting): the text output, the JSON and the docx/xlsx report all print these, like
``skm.tables.unsur_table`` for the unsur table."""
from __future__ import annotations

from decimal import Decimal

from ..calc.skm import UNSUR, mutu_nrr
from .compute import SkmResult
from .follow_up import PlanRow, lowest_unsur
from .periods import PeriodBreakdown
from .tables import KINERJA_EN

__all__ = ["PERIOD_COLUMNS", "PLAN_COLUMNS", "period_rows", "plan_rows", "unsur_name", "kinerja_text"]

#: column key -> (Indonesian header, English header)
PERIOD_COLUMNS: dict[str, tuple[str, str]] = {
    "no": ("No", "No"),
    "periode": ("Periode", "Period"),
    "responden": ("Jumlah Responden", "Respondents"),
    "min_sample": ("Sampel Minimum", "Minimum sample"),
    "ikm": ("IKM", "IKM"),
    "mutu": ("Mutu", "Grade"),
    "kinerja": ("Kinerja Unit Pelayanan", "Unit performance"),
    "perubahan": ("Perubahan IKM", "Change in IKM"),
}
PLAN_COLUMNS: dict[str, tuple[str, str]] = {
    "no": ("No", "No"),
    "unsur": ("Unsur Pelayanan", "Service element"),
    "nrr": ("NRR", "Mean (NRR)"),
    "mutu": ("Mutu", "Grade"),
    "rencana": ("Rencana Tindak Lanjut", "Follow-up action"),
    "waktu": ("Waktu", "When"),
    "penanggung_jawab": ("Penanggung Jawab", "Responsible"),
}
_YEAR = {"one": ("Tahun {year} (semua responden)", "Year {year} (all respondents)"),
         "all": ("Seluruh responden", "All respondents")}


def unsur_name(code: str, lang: str) -> str:
    u = UNSUR[int(code[1:]) - 1]
    return u.name_en if lang == "en" else u.name


def kinerja_text(kinerja: str | None, lang: str) -> str | None:
    return KINERJA_EN.get(kinerja, kinerja) if lang == "en" and kinerja else kinerja


def _ikm_cells(result: SkmResult, lang: str) -> dict:
    ikm = result.ikm
    return {"ikm": ikm.rounded if ikm else None, "ikm_unrounded": ikm.unrounded if ikm else None,
            "mutu": ikm.mutu if ikm else None, "kinerja": kinerja_text(ikm.kinerja, lang) if ikm else None}


def period_rows(breakdown: PeriodBreakdown, overall: SkmResult, year: int | None, lang: str = "id") -> list[dict]:
    """One row per period (``jenis`` "periode": label, first and last day, respondents, valid
    respondents, minimum sample, IKM, mutu, kinerja, change, ``kurang`` = below the minimum), then
    the whole survey (``jenis`` "tahun")."""
    rows = []
    for k, p in enumerate(breakdown.periods, start=1):
        rows.append({"jenis": "periode", "no": k, "periode": breakdown.label(p, lang), "mulai": p.first,
                     "sampai": p.last, "responden": p.respondents, "sah": p.valid, "min_sample": p.min_sample,
                     **_ikm_cells(p.result, lang), "perubahan": p.change, "kurang": p.below_min})
    one = len(breakdown.years) == 1 and year in (None, breakdown.years[0])
    label = _YEAR["one" if one else "all"][1 if lang == "en" else 0].format(year=breakdown.years[0] if one else "")
    rows.append({"jenis": "tahun", "no": None, "periode": label, "mulai": None, "sampai": None,
                 "responden": overall.respondents, "sah": None, "min_sample": None, **_ikm_cells(overall, lang),
                 "perubahan": None, "kurang": False})
    return rows


def plan_rows(result: SkmResult, plans: list[PlanRow], lang: str = "id") -> list[dict]:
    """The lowest unsur (``terendah`` True, lowest first) each with its plan rows (a lowest unsur
    without a plan: one row with empty plan cells, to fill in), then the plans typed for other
    unsur. Keys: kode, unsur, nrr, mutu, rencana, waktu, penanggung_jawab, terendah, rank (the
    unsur's place among the lowest, shared by equal NRRs; None for the others)."""
    nrrs = result.nrr_by_unsur()
    lowest = [code for code, _ in lowest_unsur(result)]
    rank = {code: 1 + sum(1 for c in lowest if nrrs[c] < nrrs[code]) for code in lowest}  # ties share a rank
    by_unsur: dict[str, list[PlanRow]] = {}
    for plan in plans:
        by_unsur.setdefault(plan.unsur, []).append(plan)
    order = lowest + [code for code in by_unsur if code not in lowest]
    rows = []
    for code in order:
        nrr: Decimal | None = nrrs.get(code)
        base = {"kode": code, "unsur": unsur_name(code, lang), "nrr": nrr,
                "mutu": mutu_nrr(nrr) if nrr is not None else None, "terendah": code in lowest,
                "rank": rank.get(code)}
        for plan in by_unsur.get(code) or [None]:
            rows.append({**base, "rencana": plan.rencana if plan else None, "waktu": plan.waktu if plan else None,
                         "penanggung_jawab": plan.penanggung_jawab if plan else None})
    return rows
