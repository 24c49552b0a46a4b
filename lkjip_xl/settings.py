"""Rule choices of a workbook (Identitas sheet) and the named presets they select.

The Identitas sheet stores the choice as the dropdown value; this module maps it onto the calc
layer's preset names, so a regulation change is a change of data here, not of code elsewhere.
"""
from __future__ import annotations

from dataclasses import dataclass

# dropdown value on the Identitas sheet -> preset name in lkjip_xl.calc.scales.PRESETS
RATING_PRESETS: dict[str, str] = {
    "Permendagri 86/2017": "permendagri86",
    "Atribut Capaian": "atribut_capaian",
    "SAKIP 88/2021": "sakip88",
}
TURUN_FORMULAS: dict[str, str] = {"(2T-R)/T": "2t_minus_r", "T/R": "t_over_r"}
SKM_WEIGHTS: dict[str, str] = {"1/9": "exact", "0,111": "legacy_0111"}
ROUNDING: dict[str, str] = {"pembulatan": "half_up", "pemotongan": "truncate"}


@dataclass(frozen=True)
class Settings:
    skala: str = "Permendagri 86/2017"
    rumus_turun: str = "(2T-R)/T"
    batas_capaian: str = "tidak"
    bobot_skm: str = "1/9"
    pembulatan: str = "pembulatan"
    metode_efisiensi: str = "sisa_persen"

    @property
    def rating_preset(self) -> str:
        return RATING_PRESETS.get(self.skala, "permendagri86")

    @property
    def turun_formula(self) -> str:
        return TURUN_FORMULAS.get(self.rumus_turun, "2t_minus_r")

    @property
    def skm_weight(self) -> str:
        return SKM_WEIGHTS.get(self.bobot_skm, "exact")

    @property
    def rounding(self) -> str:
        return ROUNDING.get(self.pembulatan, "half_up")

    @property
    def cap_100(self) -> bool:
        return self.batas_capaian == "ya"

    @classmethod
    def from_identitas(cls, values: dict) -> "Settings":
        known = {k: values[k] for k in cls.__dataclass_fields__ if values.get(k) not in (None, "")}
        return cls(**known)


def default_skala_rows() -> list[dict]:
    """The Skala sheet's rows, prefilled from the rating presets."""
    from .calc.scales import PRESETS

    rows = []
    for choice, preset in RATING_PRESETS.items():
        for band in PRESETS[preset].bands:
            rows.append({
                "preset": choice,
                "kode": band.code or None,
                "label": band.label,
                "bawah": band.lower,
                "bawah_inklusif": "ya" if band.lower_inclusive else "tidak",
                "atas": band.upper,
                "atas_inklusif": "ya" if band.upper_inclusive else "tidak",
            })
    return rows
