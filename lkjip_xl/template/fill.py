"""Write a filled workbook: the template plus data, with every formula's cached result computed
by ``lkjip_xl.derived`` (so readers that do not recalculate see the right numbers)."""
from __future__ import annotations

from pathlib import Path

from ..derived import DeriveContext, derive_row, derive_skm_hasil, rating_scale
from ..schema import SCHEMA
from ..settings import Settings, default_skala_rows
from ..skm.compute import COLUMNS, compute_skm
from .writer import TypedOverride, write_workbook


def _plain(row: dict) -> dict:
    return {k: (v.value if isinstance(v, TypedOverride) else v) for k, v in row.items()}


def derive_context(data: dict) -> DeriveContext:
    forms, tables = data.get("forms", {}), data.get("tables", {})
    settings = Settings.from_identitas(forms.get("identitas", {}))
    skala = tables.get("skala") or default_skala_rows()
    resp = tables.get("skm_responden") or []
    answers = {k: [r.get(k) for r in resp] for k in COLUMNS} if resp else {}
    unsur_rows = [_plain(r) for r in tables.get("skm_unsur") or _default_unsur()]
    skm = compute_skm(answers, unsur_rows, settings.skm_weight)
    return DeriveContext(settings, rating_scale(settings, skala), skm)


def _default_unsur() -> list[dict]:
    from ..calc.skm import UNSUR

    return [{"kode": f"U{i + 1}", "unsur": u.name} for i, u in enumerate(UNSUR)]


def cached_values(data: dict) -> dict:
    ctx = derive_context(data)
    tables = dict(data.get("tables", {}))
    tables.setdefault("skm_unsur", _default_unsur())
    cached = {}
    for table in SCHEMA.tables:
        for i, row in enumerate(tables.get(table.key) or []):
            for key, value in derive_row(table.key, _plain(row), ctx, i).items():
                cached[(table.key, i, key)] = value
    for key, value in derive_skm_hasil(ctx).items():
        cached[("skm_hasil", None, key)] = value
    return cached


def write_filled(path: Path, data: dict, *, lang: str = "id") -> None:
    write_workbook(path, data, lang=lang, cached=cached_values(data))
