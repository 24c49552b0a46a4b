"""Sheets Rencana Aksi (quarterly targets per indicator) and RA Kegiatan (quarterly budget per
activity): one table per sheet."""
from __future__ import annotations

from ..types import ColType as T, Table, Text
from .common import col

SHEET = "Rencana Aksi"
KEGIATAN_SHEET = "RA Kegiatan"

_TW = ("1", "2", "3", "4")
RA_INDIKATOR = Table(
    "ra_indikator", SHEET, Text("Rencana Aksi: target dan realisasi triwulan", "Action plan: quarterly targets"),
    header_row=4, first_col=0, capacity=40,
    columns=(
        col("kode_indikator", "Kode Indikator", "Indicator code", T.CODE,
            "Kode indikator di sheet PK.", "Indicator code from the PK sheet.", required=True, width=10),
        col("indikator", "Indikator", "Indicator", T.TEXT, "Nama indikator (opsional).", "Name (optional).",
            width=30),
        col("agregasi", "Aturan Triwulan", "Quarter rule", T.ENUM,
            "kumulatif: TW dijumlah; akhir: TW IV = tahunan; rata-rata.",
            "kumulatif: quarters add up; akhir: Q4 = annual; rata-rata: mean.",
            required=True, choices="agregasi", width=11),
        col("target_tahunan", "Target Tahunan", "Annual target", T.DECIMAL,
            "Harus sama dengan target PK (angka atau rentang).", "Must equal the PK target (a number or a range).",
            required=True, width=10, target_range=True, grade_letter=True),
        *(col(f"target_tw{q}", f"Target TW {r}", f"Target Q{q}", T.DECIMAL,
              f"Target triwulan {r}.", f"Quarter {q} target.", width=9, target_range=True)
          for q, r in zip(_TW, ("I", "II", "III", "IV"))),
        *(col(f"realisasi_tw{q}", f"Realisasi TW {r}", f"Actual Q{q}", T.DECIMAL,
              f"Realisasi triwulan {r}.", f"Quarter {q} actual.", width=9)
          for q, r in zip(_TW, ("I", "II", "III", "IV"))),
        col("kode_kegiatan", "Kode Program/Kegiatan", "Programme/activity codes", T.TEXT,
            "Kode program/kegiatan pendukung, dipisah koma.", "Supporting codes, comma separated.", width=18),
    ),
)

RA_KEGIATAN = Table(
    "ra_kegiatan", KEGIATAN_SHEET, Text("Rencana Aksi: pagu dan realisasi triwulan per kegiatan", "Action plan: quarterly budget"),
    header_row=4, first_col=0, capacity=80,
    columns=(
        col("kode", "Kode", "Code", T.CODE, "Kode program/kegiatan (sheet Realisasi).",
            "Programme/activity code (Realisasi sheet).", required=True, width=10),
        col("uraian", "Program/Kegiatan", "Programme/activity", T.TEXT, "Nama.", "Name.", width=30),
        col("pagu", "Pagu (Rp)", "Budget (Rp)", T.MONEY, "Pagu menurut Rencana Aksi.",
            "Budget per the action plan.", width=16),
        *(col(f"pagu_tw{q}", f"Pagu TW {r}", f"Budget Q{q}", T.MONEY, f"Rencana pagu TW {r}.",
              f"Planned Q{q} budget.", width=14) for q, r in zip(_TW, ("I", "II", "III", "IV"))),
        *(col(f"realisasi_tw{q}", f"Realisasi TW {r} (Rp)", f"Spent Q{q} (Rp)", T.MONEY,
              f"Realisasi belanja TW {r}.", f"Q{q} spending.", width=14) for q, r in zip(_TW, ("I", "II", "III", "IV"))),
    ),
)
