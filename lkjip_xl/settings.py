"""Rule choices of a workbook (Identitas sheet) and the named presets they select.

Each choice is declared once here: the value the Identitas dropdown writes, the preset of the calc
layer it selects and what it means (id, en). The dropdown lists (``schema/lists.py``), the
settings a workbook is checked with and the Skala sheet's rows are all read from these
declarations, so a regulation change is a change of data here, not of code elsewhere.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleChoice:
    value: str  # what the Identitas cell holds (the same in both languages)
    preset: str  # the calc layer's name for it
    explain_id: str
    explain_en: str


# rating scale of a capaian (keys of lkjip_xl.calc.scales.PRESETS)
SKALA = (
    RuleChoice("Permendagri 86/2017", "permendagri86", "kriteria Sangat Tinggi .. Sangat Rendah", "Very high .. very low"),
    RuleChoice("Atribut Capaian", "atribut_capaian", "Sangat Berhasil .. Tidak Berhasil", "Very successful .. unsuccessful"),
    RuleChoice("SAKIP 88/2021", "sakip88", "predikat AA .. D (PermenPAN-RB 88/2021)", "grades AA .. D"),
)
# the rating presets' labels in English (the workbook, its Skala sheet and the presets hold the
# Indonesian: keys of lkjip_xl.calc.scales.PRESETS)
SKALA_LABELS_EN = {
    "permendagri86": {"Sangat Tinggi": "Very high", "Tinggi": "High", "Sedang": "Medium", "Rendah": "Low",
                      "Sangat Rendah": "Very low"},
    "atribut_capaian": {"Sangat Berhasil": "Very successful", "Berhasil": "Successful",
                        "Cukup Berhasil": "Fairly successful", "Tidak Berhasil": "Unsuccessful"},
    "sakip88": {"Sangat Memuaskan": "Very satisfactory", "Memuaskan": "Satisfactory", "Sangat Baik": "Very good",
                "Baik": "Good", "Cukup (Memadai)": "Adequate", "Kurang": "Poor", "Sangat Kurang": "Very poor"},
    # the SKM's mutu and kinerja unit (skm_mutu, skm_mutu_nrr: the same labels)
    "skm_mutu": {"Sangat Baik": "Very good", "Baik": "Good", "Kurang Baik": "Poor", "Tidak Baik": "Very poor"},
}
# capaian of a 'turun' indicator (keys of lkjip_xl.calc.capaian.TURUN_FORMULAS)
RUMUS_TURUN = (
    RuleChoice("(2T-R)/T", "2t_minus_r", "(2 × target − realisasi) / target × 100", "(2 × target − actual) / target × 100"),
    RuleChoice("T/R", "t_over_r", "target / realisasi × 100", "target / actual × 100"),
)
# display rounding of percentages (keys of lkjip_xl.calc.decimals.ROUNDING_MODES)
PEMBULATAN = (
    RuleChoice("pembulatan", "half_up", "dibulatkan setengah ke atas", "round half up"),
    RuleChoice("pemotongan", "truncate", "dipotong (truncate)", "truncate"),
)
# how the report prints a zero and a missing number (the annex's tables)
TAMPILAN_NOL = (
    RuleChoice("-", "dash", 'nol dan kosong ditulis "-"', 'zero and missing printed "-"'),
    RuleChoice("0", "zero", 'nol ditulis 0; kosong ditulis "-"', 'zero printed 0; missing printed "-"'),
)
# efisiensi method (keys of lkjip_xl.calc.efisiensi.METHODS)
METODE_EFISIENSI = (
    RuleChoice("sisa_persen", "sisa_persen", "(pagu − realisasi) / pagu × 100", "(budget − spent) / budget × 100"),
    RuleChoice("rasio", "rasio", "capaian kinerja % / serapan %", "performance % / absorption %"),
    RuleChoice("selisih", "selisih", "capaian kinerja % − serapan %", "performance % − absorption %"),
)


def _preset(choices: tuple[RuleChoice, ...], value: str) -> str:
    """The preset a dropdown value selects; the first (the default) for anything else (an
    unknown value is reported by the reader as not in the list)."""
    return next((c.preset for c in choices if c.value == value), choices[0].preset)


@dataclass(frozen=True)
class Settings:
    skala: str = SKALA[0].value
    rumus_turun: str = RUMUS_TURUN[0].value
    batas_capaian: str = "tidak"
    bobot_skm: str = "1/9"
    pembulatan: str = PEMBULATAN[0].value
    metode_efisiensi: str = METODE_EFISIENSI[0].value
    tampilan_nol: str = TAMPILAN_NOL[0].value

    @property
    def rating_preset(self) -> str:
        return _preset(SKALA, self.skala)

    @property
    def turun_formula(self) -> str:
        return _preset(RUMUS_TURUN, self.rumus_turun)

    @property
    def skm_weight(self) -> str:
        from .calc.skm import weight_named

        return weight_named(self.bobot_skm)

    @property
    def rounding(self) -> str:
        return _preset(PEMBULATAN, self.pembulatan)

    @property
    def efisiensi_method(self) -> str:
        return _preset(METODE_EFISIENSI, self.metode_efisiensi)

    @property
    def zero_dash(self) -> bool:
        """A zero prints "-" (else as the number); a missing number always prints "-"."""
        return _preset(TAMPILAN_NOL, self.tampilan_nol) == "dash"

    @property
    def cap_100(self) -> bool:
        return self.batas_capaian == "ya"

    @classmethod
    def from_identitas(cls, values: dict) -> "Settings":
        known = {k: values[k] for k in cls.__dataclass_fields__ if values.get(k) not in (None, "")}
        return cls(**known)


def skala_choice(preset: str) -> str | None:
    """The Identitas value that selects a rating preset (``sakip88`` -> ``SAKIP 88/2021``)."""
    return next((c.value for c in SKALA if c.preset == preset), None)


def default_skala_rows() -> list[dict]:
    """The Skala sheet's rows, prefilled from the rating presets."""
    from .calc.scales import PRESETS

    rows = []
    for choice in SKALA:
        for band in PRESETS[choice.preset].bands:
            rows.append({
                "preset": choice.value,
                "kode": band.code or None,
                "label": band.label,
                "bawah": band.lower,
                "bawah_inklusif": "ya" if band.lower_inclusive else "tidak",
                "atas": band.upper,
                "atas_inklusif": "ya" if band.upper_inclusive else "tidak",
            })
    return rows


def scale_label(scale, label, lang: str):
    """A band's label as the report prints it in ``lang``: in English the preset's English when the
    scale's labels are a preset's (the workbook's Skala rows left as the template wrote them, or
    only their bounds changed); labels the office wrote itself stay as written."""
    if lang != "en" or scale is None:
        return label
    own = {b.label for b in scale.bands}
    english = next((en for en in SKALA_LABELS_EN.values() if set(en) == own), {})
    return english.get(label, label)
