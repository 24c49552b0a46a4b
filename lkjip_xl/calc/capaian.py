"""Capaian (achievement %) of indicators, range targets, composites, roll-ups.

Results are unrounded Decimals (28 significant digits); rounding is for display.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext

from .decimals import CALC_PRECISION, percent, to_decimal

__all__ = [
    "TURUN_FORMULAS",
    "DEFAULT_TURUN_FORMULA",
    "ARAH_ALIASES",
    "ROLLUP_RULES",
    "CapaianResult",
    "normalise_arah",
    "capaian",
    "capaian_range",
    "mean",
    "rollup",
    "composite_realisasi",
    "tingkat_kemajuan",
]

#: Formulas for ``turun`` (lower is better) indicators; a per-indicator or
#: per-workbook setting. Print the one used.
TURUN_FORMULAS: dict[str, str] = {
    "2t_minus_r": "(2×target − realisasi) / target × 100",
    "t_over_r": "target / realisasi × 100",
}
DEFAULT_TURUN_FORMULA = "2t_minus_r"
NAIK_FORMULA = "realisasi / target × 100"

#: Spellings of arah seen in sheets -> canonical "naik"/"turun".
ARAH_ALIASES: dict[str, str] = {
    "naik": "naik", "positif": "naik", "meningkat": "naik", "maksimal": "naik",
    "max": "naik", "+": "naik", "↑": "naik",
    "turun": "turun", "negatif": "turun", "menurun": "turun", "minimal": "turun",
    "min": "turun", "-": "turun", "↓": "turun",
}

#: Named roll-up rules for parent capaian (reports are inconsistent).
ROLLUP_RULES: dict[str, str] = {
    "mean": "rata-rata capaian anak tanpa bobot (unweighted mean of children)",
}


@dataclass(frozen=True)
class CapaianResult:
    """``value`` is None exactly when ``problem`` is set.

    problems: ``target_missing``, ``realisasi_missing``, ``target_not_number``,
    ``realisasi_not_number``, ``target_zero``, ``realisasi_zero`` (t_over_r),
    ``arah_unknown``, ``range_invalid``. ``formula`` names what was used.
    """

    value: Decimal | None
    problem: str | None = None
    formula: str | None = None


def normalise_arah(arah: str) -> str | None:
    """Map a typed arah to ``"naik"``/``"turun"`` (None if unknown)."""
    if arah is None:
        return None
    return ARAH_ALIASES.get(str(arah).strip().lower())


def _num(x: object) -> tuple[Decimal | None, bool]:
    """(value, is_number); text that is not a number gives (None, False)."""
    if x is None or (isinstance(x, str) and not x.strip()):
        return None, True
    try:
        return to_decimal(x), True
    except (TypeError, ValueError):
        return None, False


def capaian(
    target: Decimal,
    realisasi: Decimal,
    arah: str,
    turun_formula: str = DEFAULT_TURUN_FORMULA,
    cap: Decimal | None = None,
) -> CapaianResult:
    """Capaian % for one indicator; no cap unless ``cap`` is given.

    naik: R / T × 100. turun: per ``turun_formula`` (see TURUN_FORMULAS).
    T=10, R=8, turun -> 120 (2t_minus_r) or 125 (t_over_r).
    """
    if turun_formula not in TURUN_FORMULAS:
        raise ValueError(f"unknown turun formula {turun_formula!r}; "
                         f"use one of {sorted(TURUN_FORMULAS)}")
    t, t_ok = _num(target)
    r, r_ok = _num(realisasi)
    if not t_ok:
        return CapaianResult(None, "target_not_number")
    if t is None:
        return CapaianResult(None, "target_missing")
    if not r_ok:
        return CapaianResult(None, "realisasi_not_number")
    if r is None:
        return CapaianResult(None, "realisasi_missing")
    direction = normalise_arah(arah)
    if direction is None:
        return CapaianResult(None, "arah_unknown")
    if t == 0:
        return CapaianResult(None, "target_zero")
    with localcontext() as ctx:
        ctx.prec = CALC_PRECISION
        if direction == "naik":
            formula, value = "naik", percent(r, t)
        elif turun_formula == "2t_minus_r":
            formula, value = turun_formula, percent(2 * t - r, t)
        else:
            if r == 0:
                return CapaianResult(None, "realisasi_zero", turun_formula)
            formula, value = turun_formula, percent(t, r)
    cap_d = to_decimal(cap)
    if cap_d is not None and value > cap_d:
        value = cap_d
    return CapaianResult(value, None, formula)


def capaian_range(
    lower: Decimal,
    upper: Decimal,
    realisasi: Decimal,
    arah: str,
    turun_formula: str = DEFAULT_TURUN_FORMULA,
    cap: Decimal | None = None,
) -> CapaianResult:
    """Capaian for a range target (80–90), as the template's formula computes it: the realisasi
    judged against itself inside the range (100), against the upper bound above it and the lower
    bound below it, with the indicator's arah (the bound is the realisasi clamped to the range)."""
    lo, lo_ok = _num(lower)
    hi, hi_ok = _num(upper)
    r, r_ok = _num(realisasi)
    if not (lo_ok and hi_ok):
        return CapaianResult(None, "target_not_number")
    if lo is None or hi is None:
        return CapaianResult(None, "target_missing")
    if lo > hi:
        return CapaianResult(None, "range_invalid")
    if not r_ok:
        return CapaianResult(None, "realisasi_not_number")
    if r is None:
        return CapaianResult(None, "realisasi_missing")
    return capaian(min(max(r, lo), hi), r, arah, turun_formula, cap)


def mean(values: Iterable[Decimal]) -> Decimal:
    """Exact-sum arithmetic mean (28-digit division). Empty or None -> ValueError."""
    items = [to_decimal(v) for v in values]
    if not items:
        raise ValueError("mean of no values")
    if any(v is None for v in items):
        raise ValueError("mean of a missing value")
    with localcontext() as ctx:
        ctx.prec = 80  # exact sum
        total = sum(items[1:], items[0])
        ctx.prec = CALC_PRECISION
        return total / len(items)


def rollup(values: Iterable[Decimal], rule: str = "mean") -> Decimal:
    """Parent capaian from children's capaian by a named rule (ROLLUP_RULES)."""
    if rule not in ROLLUP_RULES:
        raise ValueError(f"unknown roll-up rule {rule!r}; use one of {sorted(ROLLUP_RULES)}")
    return mean(values)


def composite_realisasi(
    components: Sequence[tuple[Decimal, Decimal]],
) -> Decimal | None:
    """Mean of pembilang / penyebut × 100 over the components.

    Medan Amplas: a = 10/11, b = 7/7 -> 95.4545... None when a penyebut is 0,
    or any part is missing, or there are no components.
    """
    ratios = []
    for pembilang, penyebut in components:
        ratio = percent(pembilang, penyebut)
        if ratio is None:
            return None
        ratios.append(ratio)
    return mean(ratios) if ratios else None


def tingkat_kemajuan(
    realisasi: Decimal, target_akhir_renstra: Decimal
) -> Decimal | None:
    """realisasi / target akhir Renstra × 100; None when missing or target 0."""
    return percent(realisasi, target_akhir_renstra)
