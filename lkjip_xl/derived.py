"""The values of the workbook's computed cells, computed in Python from the input cells alone.

This mirrors ``schema/formulas.py`` one to one. The checks compare every cached formula result
and every typed derived value with these; the writer stores them as the formulas' cached
results. Values are in display units: percentages in points (96.85), money in rupiah.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable

from .calc.budget import persen, sisa
from .calc.capaian import capaian, tingkat_kemajuan
from .calc.decimals import CALC_PRECISION, number_or_none
from .calc.scales import PRESETS, Scale, grade, scale_from_rows
from .settings import Settings
from .skm.compute import SkmResult


@dataclass
class DeriveContext:
    settings: Settings
    rating_scale: Scale | None
    skm: SkmResult | None = None


_num = number_or_none


def _ratio(num: Any, den: Any) -> Decimal | None:
    n, d = _num(num), _num(den)
    if n is None or d is None or d == 0:
        return None
    from decimal import localcontext

    with localcontext() as ctx:
        ctx.prec = CALC_PRECISION
        return n * 100 / d


def _pagu(row: dict) -> Any:
    return row.get("pagu_perubahan") if row.get("pagu_perubahan") is not None else row.get("pagu_murni")


def _capaian(row: dict, ctx: DeriveContext) -> Decimal | None:
    t, r = _num(row.get("target")), _num(row.get("realisasi"))
    if t is None or r is None:
        return None
    res = capaian(t, r, row.get("arah") or "naik", ctx.settings.turun_formula,
                  cap=Decimal(100) if ctx.settings.cap_100 else None)
    return res.value


def _kriteria(row: dict, ctx: DeriveContext) -> str | None:
    value = _capaian(row, ctx)
    if value is None or ctx.rating_scale is None:
        return None
    band = grade(ctx.rating_scale, value)
    return band.label if band else None


def _realisasi_persen(row: dict, ctx: DeriveContext) -> Decimal | None:
    pagu, real = _num(_pagu(row)), _num(row.get("realisasi"))
    if pagu is None or real is None:
        return None
    return persen(real, pagu)


def _realisasi_sisa(row: dict, ctx: DeriveContext):
    pagu, real = _num(_pagu(row)), _num(row.get("realisasi"))
    if pagu is None or real is None:
        return None
    value = sisa(pagu, real)
    return int(value) if value == value.to_integral_value() else value


def _skm_column(attr: str):
    def compute(row: dict, ctx: DeriveContext, index: int = 0):
        if ctx.skm is None or index >= len(ctx.skm.columns):
            return None
        col = ctx.skm.columns[index]
        if col.nrr is None:
            return None
        if attr == "nrr":
            return col.nrr
        if attr == "mutu":
            return col.mutu
        weight = Decimal("0.111") if ctx.settings.skm_weight == "legacy_0111" else Decimal(1) / Decimal(9)
        return col.nrr * weight

    compute.indexed = True
    return compute


# table key -> computed column key -> function(row, ctx[, index])
ROW_DERIVATIONS: dict[str, dict[str, Callable]] = {
    "pk_indikator": {
        "capaian": _capaian,
        "kriteria": _kriteria,
        "kemajuan": lambda row, ctx: tingkat_kemajuan(_num(row.get("realisasi")), _num(row.get("target_renstra"))),
    },
    "pk_komponen": {"nilai": lambda row, ctx: _ratio(row.get("pembilang"), row.get("penyebut"))},
    "realisasi": {
        "persen_keluaran": lambda row, ctx: _ratio(row.get("realisasi_keluaran"), row.get("target_keluaran")),
        "persen_realisasi": _realisasi_persen,
        "sisa": _realisasi_sisa,
    },
    "skm_unsur": {
        "nrr": _skm_column("nrr"),
        "nrr_tertimbang": _skm_column("tertimbang"),
        "mutu": _skm_column("mutu"),
    },
}


def derive_row(table_key: str, row: dict, ctx: DeriveContext, index: int = 0) -> dict[str, Any]:
    out = {}
    for key, fn in ROW_DERIVATIONS.get(table_key, {}).items():
        out[key] = fn(row, ctx, index) if getattr(fn, "indexed", False) else fn(row, ctx)
    return out


def derive_skm_hasil(ctx: DeriveContext) -> dict[str, Any]:
    ikm = ctx.skm.ikm if ctx.skm else None
    if ikm is None:
        return {k: None for k in ("jumlah_tertimbang", "ikm_tanpa_pembulatan", "ikm", "mutu", "kinerja")}
    return {
        "jumlah_tertimbang": ikm.unrounded / 25,
        "ikm_tanpa_pembulatan": ikm.unrounded,
        "ikm": ikm.rounded,
        "mutu": ikm.mutu,
        "kinerja": ikm.kinerja,
    }


def rating_scale(settings: Settings, skala_rows: list[dict] | None) -> Scale | None:
    """The chosen rating scale as the workbook defines it (Skala sheet), else the preset."""
    rows = [r for r in (skala_rows or []) if r.get("preset") == settings.skala and r.get("label")]
    if rows:
        try:
            return scale_from_rows(settings.skala, [
                (r.get("label"), r.get("kode"), r.get("bawah"), r.get("bawah_inklusif"), r.get("atas"),
                 r.get("atas_inklusif"))
                for r in rows
            ])
        except ValueError:
            return None
    return PRESETS.get(settings.rating_preset)
