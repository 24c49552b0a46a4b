"""Sheet Skala: the rating scales the kriteria of an achievement is read from."""
from __future__ import annotations

from ..types import ColType as T, Table, Text
from .common import col

SKALA = Table(
    "skala", "Skala", Text("Skala penilaian", "Rating scales"), header_row=4, first_col=0, capacity=60,
    columns=(
        col("preset", "Skala", "Scale", T.TEXT, "Nama skala (sama dengan pilihan di Identitas).",
            "Scale name, as chosen on Identitas.", required=True, width=22),
        col("kode", "Kode", "Code", T.TEXT, "Kode predikat, mis. AA, B.", "Grade code.", width=8),
        col("label", "Kriteria", "Rating", T.TEXT, "Nama kriteria/predikat.", "Rating label.",
            required=True, width=22),
        col("bawah", "Batas bawah", "Lower bound", T.DECIMAL, "Kosong: tanpa batas bawah.",
            "Blank: no lower bound.", width=12),
        col("bawah_inklusif", "Batas bawah termasuk?", "Lower bound included?", T.ENUM,
            "ya: nilai = batas bawah masuk kriteria ini.", "yes: x = lower bound belongs here.",
            choices="ya_tidak", width=12),
        col("atas", "Batas atas", "Upper bound", T.DECIMAL, "Kosong: tanpa batas atas.",
            "Blank: no upper bound.", width=12),
        col("atas_inklusif", "Batas atas termasuk?", "Upper bound included?", T.ENUM,
            "ya: nilai = batas atas masuk kriteria ini.", "yes: x = upper bound belongs here.",
            choices="ya_tidak", width=12),
    ),
)
