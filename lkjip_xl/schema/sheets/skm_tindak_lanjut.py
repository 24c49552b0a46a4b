"""Sheet SKM Tindak Lanjut: the follow-up plan of the survey (PermenPAN-RB 14/2017 asks the unit to
act on its lowest unsur). A table of its own, on a sheet of its own; `lkjip-xl skm --docx/--xlsx`
prints it next to the three lowest unsur. Optional: a workbook without the sheet reads as before."""
from __future__ import annotations

from ..types import ColType as T, Table, Text
from .common import col

SHEET_NAME = "SKM Tindak Lanjut"

SKM_TINDAK_LANJUT = Table(
    "skm_tindak_lanjut", SHEET_NAME, Text("Rencana tindak lanjut hasil SKM", "Follow-up plan of the SKM"),
    header_row=4, first_col=0, capacity=30,
    columns=(
        col("unsur", "Unsur Pelayanan", "Service element", T.TEXT,
            "Unsur yang ditindaklanjuti, biasanya tiga unsur dengan NRR terendah (nama atau kode U1..U9).",
            "Element acted on, usually the three with the lowest mean (name or code U1..U9).",
            required=True, choices="unsur_skm", width=34),
        col("rencana", "Rencana Tindak Lanjut", "Follow-up action", T.TEXT,
            "Apa yang akan dilakukan untuk memperbaiki unsur ini.", "What will be done to improve it.",
            required=True, width=56),
        col("waktu", "Waktu", "When", T.TEXT, "Kapan, mis. Triwulan I 2024.", "When, e.g. Q1 2024.", width=18,
            droppable=True),
        col("penanggung_jawab", "Penanggung Jawab", "Responsible", T.TEXT,
            "Jabatan atau bagian yang bertanggung jawab.", "Position or section responsible.", width=26,
            droppable=True),
    ),
)
