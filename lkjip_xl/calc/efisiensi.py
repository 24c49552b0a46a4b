"""Efisiensi: three named methods, never mixed (domain §3.5).

Categories come from threshold scales (data): pass a :class:`Scale`, a preset
name from :data:`THRESHOLDS`, or leave None for the method's default.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext

from .decimals import CALC_PRECISION, percent, to_decimal
from .scales import Band, Scale, grade

__all__ = ["METHODS", "THRESHOLDS", "DEFAULT_THRESHOLDS", "EfisiensiResult", "efisiensi"]

#: Method name -> formula text (print it next to the result).
METHODS: dict[str, str] = {
    "sisa_persen": "(pagu − realisasi) / pagu × 100",
    "rasio": "capaian kinerja % / serapan %",
    "selisih": "capaian kinerja % − serapan %",
}

_D = Decimal
#: Threshold presets (scales over the method's value).
THRESHOLDS: dict[str, Scale] = {
    "rasio_1": Scale("rasio_1", "Rasio capaian/serapan: > 1 efisien", (
        Band("Efisien", _D(1), False, None, False),
        Band("Tidak Efisien", None, False, _D(1), True),
    )),
    "selisih_5": Scale("selisih_5", "Selisih capaian − serapan: > 5 efisien, ±5 cukup", (
        Band("Efisien", _D(5), False, None, False),
        Band("Cukup Efisien", _D(-5), True, _D(5), True),
        Band("Tidak Efisien", None, False, _D(-5), False),
    )),
}
#: Method -> default threshold preset (None: the value has no category).
DEFAULT_THRESHOLDS: dict[str, str | None] = {
    "sisa_persen": None,
    "rasio": "rasio_1",
    "selisih": "selisih_5",
}


@dataclass(frozen=True)
class EfisiensiResult:
    """problem: ``pagu_missing``, ``pagu_zero``, ``realisasi_missing``,
    ``capaian_missing``, ``serapan_zero`` (rasio with no spending),
    ``tanpa_belanja_tanpa_keluaran`` (zero spend and zero output)."""

    value: Decimal | None
    kategori: str | None = None
    problem: str | None = None
    method: str = ""


def _scale(method: str, thresholds: Scale | str | None) -> Scale | None:
    if thresholds is None:
        name = DEFAULT_THRESHOLDS[method]
        return THRESHOLDS[name] if name else None
    if isinstance(thresholds, str):
        return THRESHOLDS[thresholds]
    return thresholds


def efisiensi(
    method: str,
    capaian_kinerja: Decimal | None,
    pagu: Decimal | int | None,
    realisasi: Decimal | int | None,
    thresholds: Scale | str | None = None,
) -> EfisiensiResult:
    """Efisiensi by a named method (see METHODS); kategori from thresholds.

    ``capaian_kinerja`` is a percentage (96.85). It is optional for
    ``sisa_persen``, but when given as 0 with zero spending the row is
    flagged rather than called 100 % efficient.
    """
    if method not in METHODS:
        raise ValueError(f"unknown efisiensi method {method!r}; use one of {sorted(METHODS)}")
    cap, p, r = to_decimal(capaian_kinerja), to_decimal(pagu), to_decimal(realisasi)

    def fail(problem: str) -> EfisiensiResult:
        return EfisiensiResult(None, None, problem, method)

    if p is None:
        return fail("pagu_missing")
    if r is None:
        return fail("realisasi_missing")
    if r == 0 and cap == 0:
        return fail("tanpa_belanja_tanpa_keluaran")
    if p == 0:
        return fail("pagu_zero")
    if cap is None and method != "sisa_persen":
        return fail("capaian_missing")
    absorbed = percent(r, p)
    with localcontext() as ctx:
        ctx.prec = CALC_PRECISION
        if method == "sisa_persen":
            value = percent(p - r, p)
        elif method == "rasio":
            if absorbed == 0:
                return fail("serapan_zero")
            value = cap / absorbed
        else:
            value = cap - absorbed
    scale = _scale(method, thresholds)
    band = grade(scale, value) if scale else None
    return EfisiensiResult(value, band.label if band else None, None, method)
