"""What every derivation of a workbook may depend on besides its own row: the rule choices of
the Identitas sheet, the rating scale the workbook defines (Skala sheet, else the preset) and the
SKM result of the SKM sheet."""
from __future__ import annotations

from dataclasses import dataclass

from ..calc.scales import PRESETS, Scale, scale_from_rows
from ..settings import Settings
from ..skm.compute import SkmResult


@dataclass(frozen=True)
class DeriveEnv:
    settings: Settings
    rating_scale: Scale | None
    skm: SkmResult | None = None


def rating_scale(settings: Settings, skala_rows: list[dict] | None) -> Scale | None:
    """The chosen rating scale as the workbook defines it (Skala sheet), else the preset; None
    when the workbook's own rows for it cannot be read as a scale (the scale checks say why)."""
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
