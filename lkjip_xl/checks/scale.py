"""Scale rules (SCL001–SCL004): the rating scale chosen on Identitas, as the Skala sheet defines it.

Only the chosen scale is checked (the other presets on the sheet are not used). Its rows are read
one by one, so one unreadable row (SCL004 at that row) does not hide the gaps and overlaps of the
others; gaps (SCL001) and overlaps (SCL002) are reported once each, at the preset cell of the
scale's first row, with every pair listed.
"""
from __future__ import annotations

from typing import Iterable

from ..calc.scales import Band, Scale, scale_from_rows, validate_scale
from ..findings import Finding

_FIELDS = (("label", "label"), ("kode", "code"), ("bawah", "lower"), ("bawah_inklusif", "lower_inclusive"),
           ("atas", "upper"), ("atas_inklusif", "upper_inclusive"))


def check(ctx) -> Iterable[Finding]:
    skala = ctx.model.table("skala")
    identitas = ctx.model.form("identitas")
    if skala is None:
        return  # the sheet or its header is missing: STR001/STR002
    chosen = ctx.settings.skala
    idx = [i for i in range(len(skala)) if skala.get("preset", i) == chosen and skala.get("label", i)]
    if not idx:
        if identitas is not None and "skala" in identitas.cells:
            yield Finding("SCL003", identitas.sheet, identitas.cells["skala"], found=chosen)
        return
    bands: list[tuple[int, Band]] = []
    for i in idx:
        row = {name: skala.get(key, i) for key, name in _FIELDS}
        try:
            bands.append((i, scale_from_rows(chosen, [row]).bands[0]))
        except (ValueError, TypeError) as exc:
            yield Finding("SCL004", skala.sheet, skala.cell(_bad_column(chosen, row), i),
                          found=skala.get("label", i), params={"scale": chosen, "detail": _reason(exc)})
    first = skala.cell("preset", idx[0])
    problems = validate_scale(Scale(chosen, chosen, tuple(b for _, b in bands)))
    for kind, code in (("gap", "SCL001"), ("overlap", "SCL002")):
        pairs = [p for p in problems if p.kind == kind]
        if pairs:
            detail = "; ".join(_pair(bands, p.between) for p in pairs)
            yield Finding(code, skala.sheet, first, params={"scale": chosen, "detail": detail})
    for p in problems:
        if p.kind == "empty_band":
            i = next((i for i, b in bands if b.label == p.between[0]), idx[0])
            band = next(b for j, b in bands if j == i)
            yield Finding("SCL004", skala.sheet, skala.cell("bawah", i), found=band.label,
                          params={"scale": chosen, "detail": band.describe()})


def _pair(bands: list[tuple[int, Band]], between: tuple[str, str]) -> str:
    by_label = {b.label: b for _, b in bands}
    return " … ".join(f"{label} ({by_label[label].describe()})" if label in by_label else label
                      for label in between)


def _bad_column(name: str, row: dict) -> str:
    """The sheet column of the first field that cannot be read on its own."""
    for key, field in _FIELDS[2:]:
        try:
            scale_from_rows(name, [{"label": "x", field: row.get(field)}])
        except (ValueError, TypeError):
            return key
    return "preset"


def _reason(exc: Exception) -> str:
    text = str(exc)
    return text.split(": ", 1)[1] if text.startswith("row ") and ": " in text else text
