"""Sheets PK (Perjanjian Kinerja: goals and indicators), PK Program (programmes and budget) and PK
Komponen (components of composite indicators): one table per sheet, so inserting or deleting a
row in one never moves another."""
from __future__ import annotations

from ..derivations import CAPAIAN, KRITERIA, ratio
from ..types import ColType as T, Table, Text
from .common import col

SHEET = "PK"
PROGRAM_SHEET = "PK Program"
KOMPONEN_SHEET = "PK Komponen"

PK_INDIKATOR = Table(
    "pk_indikator", SHEET, Text("Perjanjian Kinerja: sasaran dan indikator", "Performance agreement: goals and indicators"),
    header_row=4, first_col=0, capacity=40,
    columns=(
        col("no", "No", "No", T.TEXT, "Nomor sasaran.", "Goal number.", width=5, droppable=True, numbering=True,
            blank_is_above=True),
        col("sasaran", "Sasaran Strategis", "Strategic goal", T.TEXT,
            "Kosong: sama dengan baris di atasnya.", "Blank: same as the row above.", width=30,
            blank_is_above=True),
        col("kode_indikator", "Kode Indikator", "Indicator code", T.CODE,
            "Kode unik, mis. IKU1. Dipakai di Rencana Aksi dan Komponen.",
            "Unique code, e.g. IKU1; used by Rencana Aksi and components.", required=True, width=10),
        col("indikator", "Indikator Kinerja", "Performance indicator", T.TEXT,
            "Nama indikator.", "Indicator name.", required=True, width=36),
        col("satuan", "Satuan", "Unit", T.ENUM, "Satuan indikator.", "Unit.", required=True,
            choices="satuan", width=10),
        col("arah", "Arah", "Direction", T.ENUM, "naik: makin tinggi makin baik; turun: sebaliknya.",
            "naik: higher is better; turun: lower is better.", required=True, choices="arah", width=8),
        col("jenis", "Jenis", "Kind", T.ENUM, "persentase/indeks/jumlah/predikat.",
            "percentage/index/count/grade.", choices="jenis_indikator", width=11),
        col("target", "Target", "Target", T.DECIMAL,
            "Angka target dalam satuan indikator (96 untuk 96%), atau rentang (80-90, 3 s.d. 5). Predikat: isi "
            "angkanya, hurufnya di kolom berikut.",
            "Target in the indicator's unit (96 for 96%), or a range (80-90, 3 s.d. 5).", required=True, width=10,
            # a letter-only target (in Target Predikat, or typed here): KIN005 says what it cannot give
            required_unless="target_predikat", target_range=True, grade_letter=True),
        col("target_predikat", "Target Predikat", "Target grade", T.TEXT,
            "Huruf predikat target bila ada, mis. B.", "Target letter grade, e.g. B.", width=9),
        col("realisasi", "Realisasi", "Actual", T.DECIMAL,
            "Realisasi tahun ini. Kosong berarti belum dilaporkan (bukan 0). Huruf predikat (BB) bila targetnya huruf.",
            "This year's actual. Blank = not reported (not 0). A grade letter (BB) when the target is one.", width=10,
            grade_letter=True),
        col("capaian", "Capaian (%)", "Achievement (%)", T.PERCENT,
            "Dihitung otomatis.", "Computed.", derive=CAPAIAN, width=11),
        col("kriteria", "Kriteria", "Rating", T.TEXT, "Dihitung dari skala pilihan.",
            "From the chosen scale.", derive=KRITERIA, width=14),
        col("realisasi_lalu", "Realisasi Tahun Lalu", "Last year's actual", T.DECIMAL,
            "Realisasi tahun sebelumnya (opsional).", "Previous year's actual (optional).", width=11, droppable=True),
        col("target_renstra", "Target Akhir Renstra", "Strategic-plan final target", T.DECIMAL,
            "Target tahun terakhir Renstra (opsional).", "Final-year target (optional).", width=11),
        col("kemajuan", "Tingkat Kemajuan (%)", "Progress (%)", T.PERCENT,
            "Realisasi / target akhir Renstra.", "Actual / final target.",
            derive=ratio("realisasi", "target_renstra"), width=11),
        col("kode_program", "Kode Program", "Programme code(s)", T.TEXT,
            "Kode program pendukung, dipisah koma, mis. 01, 02.", "Funding programme codes, comma separated.",
            width=12, droppable=True),
        col("keterangan", "Keterangan", "Notes", T.TEXT, "Catatan.", "Notes.", width=20, droppable=True),
    ),
)

PK_PROGRAM = Table(
    "pk_program", PROGRAM_SHEET, Text("Program dan anggaran", "Programmes and budget"),
    header_row=4, first_col=0, capacity=20,
    columns=(
        col("kode", "Kode", "Code", T.CODE, "Kode program (teks), sama dengan sheet Realisasi.",
            "Programme code, as on the Realisasi sheet.", required=True, width=10),
        col("program", "Program", "Programme", T.TEXT, "Nama program.", "Programme name.",
            required=True, width=36),
        col("pagu_murni", "Anggaran Murni (Rp)", "Original budget (Rp)", T.MONEY,
            "Pagu APBD murni.", "Original budget.", width=18),
        col("pagu_perubahan", "Anggaran Perubahan (Rp)", "Revised budget (Rp)", T.MONEY,
            "Pagu APBD-P (Perubahan PK). Kosong bila tidak ada perubahan.",
            "Revised budget; blank when none.", width=18),
        col("keterangan", "Keterangan", "Notes", T.TEXT, "Catatan.", "Notes.", width=16, droppable=True),
    ),
)

PK_KOMPONEN = Table(
    "pk_komponen", KOMPONEN_SHEET, Text("Komponen indikator komposit", "Components of composite indicators"),
    header_row=4, first_col=0, capacity=20,
    columns=(
        col("kode_indikator", "Kode Indikator", "Indicator code", T.CODE,
            "Kode indikator komposit (sama dengan sheet PK).", "Composite indicator's code (as on the PK sheet).",
            required=True, width=10),
        col("komponen", "Komponen", "Component", T.TEXT, "Mis. a: kelurahan yang ...", "E.g. a: ...",
            required=True, width=30),
        col("pembilang", "Pembilang", "Numerator", T.DECIMAL,
            "Jumlah yang tercapai (kosong selama belum ada realisasi, mis. pada dokumen PK).",
            "Achieved count (blank until there is an actual, e.g. in the PK document).", width=10),
        col("penyebut", "Penyebut", "Denominator", T.DECIMAL, "Jumlah sasaran.", "Target count.",
            required=True, width=10),
        col("satuan", "Satuan", "Unit", T.TEXT, "Satuan pembilang/penyebut.", "Unit.", width=10, droppable=True),
        col("nilai", "Nilai (%)", "Value (%)", T.PERCENT, "Pembilang / penyebut.", "Numerator / denominator.",
            derive=ratio("pembilang", "penyebut"), width=10),
    ),
)
