"""Sheets SAKIP and SAKIP Rekomendasi: the evaluation of the unit's performance accountability
(SAKIP, PermenPAN-RB 88/2021) as the LKjIP prints it in BAB I: the score per year with its four
components (which must add up to the score), and the evaluator's weaknesses and recommendations
with their follow-up and its dates (Medang Kampai Tabel 1.1, 1.2). Each on a sheet of its own;
optional: a workbook made before these sheets existed reads as before."""
from __future__ import annotations

from ..types import ColType as T, Table, Text
from .common import col

SHEET_NILAI = "SAKIP"
SHEET_REKOMENDASI = "SAKIP Rekomendasi"

SAKIP_NILAI = Table(
    "sakip_nilai", SHEET_NILAI, Text("Nilai evaluasi SAKIP per tahun", "SAKIP evaluation score per year"),
    header_row=4, first_col=0, capacity=10,
    columns=(
        col("tahun", "Tahun Evaluasi", "Year evaluated", T.INTEGER, "Tahun yang dievaluasi (4 angka).",
            "Year evaluated (4 digits).", required=True, width=10, num_format="0"),
        col("perencanaan", "Perencanaan Kinerja (maks 30)", "Performance planning (max 30)", T.DECIMAL,
            "Nilai komponen Perencanaan Kinerja (bobot 30).", "Planning component (weight 30).", width=13,
            min_value=0, max_value=30),
        col("pengukuran", "Pengukuran Kinerja (maks 30)", "Performance measurement (max 30)", T.DECIMAL,
            "Nilai komponen Pengukuran Kinerja (bobot 30).", "Measurement component (weight 30).", width=13,
            min_value=0, max_value=30),
        col("pelaporan", "Pelaporan Kinerja (maks 15)", "Performance reporting (max 15)", T.DECIMAL,
            "Nilai komponen Pelaporan Kinerja (bobot 15).", "Reporting component (weight 15).", width=13,
            min_value=0, max_value=15),
        col("evaluasi", "Evaluasi Akuntabilitas Kinerja Internal (maks 25)",
            "Internal accountability evaluation (max 25)", T.DECIMAL,
            "Nilai komponen Evaluasi Akuntabilitas Kinerja Internal (bobot 25).",
            "Internal evaluation component (weight 25).", width=15, min_value=0, max_value=25),
        col("nilai", "Nilai SAKIP", "SAKIP score", T.DECIMAL,
            "Nilai akhir menurut laporan hasil evaluasi (= jumlah keempat komponen).",
            "Final score as the evaluation report states it (= the four components' sum).",
            required=True, width=10, min_value=0, max_value=100),
        col("predikat", "Predikat", "Grade", T.TEXT, "Huruf predikat (AA, A, BB, B, CC, C, D).",
            "Grade letter (AA, A, BB, B, CC, C, D).", width=9),
        col("sumber", "Sumber (surat hasil evaluasi)", "Source (evaluation letter)", T.TEXT,
            "Mis. Surat Inspektur Nomor ... tanggal ...", "E.g. the inspector's letter and date.", width=36,
            droppable=True),
    ),
)

SAKIP_REKOMENDASI = Table(
    "sakip_rekomendasi", SHEET_REKOMENDASI,
    Text("Rekomendasi evaluasi SAKIP dan tindak lanjut",
         "SAKIP recommendations and follow-up"),
    header_row=4, first_col=0, capacity=30,
    columns=(
        col("tahun", "Tahun Evaluasi", "Year evaluated", T.INTEGER, "Tahun yang dievaluasi.", "Year evaluated.",
            required=True, width=10, num_format="0"),
        col("kelemahan", "Kelemahan/Kekurangan", "Weakness", T.TEXT, "Catatan evaluator.", "The evaluator's finding.",
            required=True, width=40),
        col("rekomendasi", "Saran/Rekomendasi", "Recommendation", T.TEXT, "Rekomendasi evaluator.",
            "The evaluator's recommendation.", required=True, width=40),
        col("tindak_lanjut", "Langkah Tindak Lanjut", "Follow-up action", T.TEXT,
            "Apa yang dilakukan unit atas rekomendasi ini.", "What the unit does about it.", width=40),
        col("waktu", "Waktu Penyelesaian", "When", T.TEXT, "Mis. Januari 2024, Januari s.d Desember 2024.",
            "E.g. January 2024.", width=18, droppable=True),
    ),
)
