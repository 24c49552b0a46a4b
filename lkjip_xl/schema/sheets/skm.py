"""Sheets SKM (Survei Kepuasan Masyarakat: the survey info and one row per respondent, with a
helper score column per answer) and SKM Hasil (the per-unsur summary, fixed at nine rows, and the
result below it)."""
from __future__ import annotations

from ...calc.skm_unsur import UNSUR
from ..derivations import (
    SKM_IKM, SKM_IKM_KINERJA, SKM_IKM_MUTU, SKM_IKM_TANPA_PEMBULATAN, SKM_JUMLAH_TERTIMBANG,
    SKM_MUTU, SKM_NRR, SKM_TERTIMBANG, answer_score,
)
from ..types import ColType as T, Form, Table, Text
from .common import col, fld

SHEET = "SKM"
HASIL_SHEET = "SKM Hasil"

SKM_INFO = Form(
    "skm_info", SHEET, Text("Survei Kepuasan Masyarakat", "Public satisfaction survey"),
    first_row=3, label_col=0, label_span=3, value_span=4,  # over the respondent table's narrow columns
    fields=(
        fld("jenis_layanan", "Jenis layanan", "Service", T.TEXT,
            "Layanan yang disurvei (bila satu).", "Service surveyed (if one)."),
        fld("periode", "Periode survei", "Survey period", T.TEXT, "Mis. Januari–Desember 2023.",
            "E.g. January–December 2023."),
        fld("populasi", "Populasi penerima layanan", "Service users (population)", T.INTEGER,
            "Jumlah penerima layanan setahun; menentukan sampel minimum (Krejcie-Morgan).",
            "Yearly number of service users; sets the minimum sample.", num_format="#,##0"),
    ),
)

_UNSUR_COLS = tuple(
    col(f"u{i}", f"U{i}", f"U{i}", T.INTEGER,
        f"Jawaban unsur {i}: 1–4, a–d, atau label pilihan unsur ini (mis. Sangat sesuai; lihat SKM Hasil).",
        f"Answer to element {i}: 1–4, a–d, or an option label of the element (e.g. Sangat sesuai).",
        choices="jawaban", width=5, num_format="0")
    for i in range(1, 10)
)
_SCORE_COLS = tuple(
    col(f"skor_u{i}", f"Skor U{i}", f"Score U{i}", T.INTEGER,
        f"Dihitung: nilai jawaban U{i} (1–4; a–d dan label dibaca 1–4); kosong bila jawaban tidak sah. NRR = rata-rata kolom ini.",
        f"Computed: the score of answer U{i} (1–4; a–d and labels read as 1–4); blank when the answer does not count. NRR is this column's mean.",
        derive=answer_score(f"u{i}", i - 1), width=6, num_format="0", printed=False)
    for i in range(1, 10)
)
SKM_RESPONDEN = Table(
    "skm_responden", SHEET, Text("Jawaban responden", "Respondents' answers"),
    header_row=8, first_col=0, capacity=500, row_needs=tuple(c.key for c in _UNSUR_COLS),
    columns=(
        col("no", "No", "No", T.INTEGER, "Nomor responden.", "Respondent number.", width=6, num_format="0",
            droppable=True, numbering=True),
        col("tanggal", "Tanggal", "Date", T.DATE, "Tanggal pengisian.", "Date answered.", width=11, droppable=True),
        col("jenis_layanan", "Jenis Layanan", "Service", T.TEXT, "Layanan yang diterima.", "Service received.",
            width=20, droppable=True),
        col("jenis_kelamin", "Jenis Kelamin", "Sex", T.ENUM, "L atau P.", "L or P.", choices="jenis_kelamin",
            width=7, droppable=True),
        col("umur", "Umur", "Age", T.INTEGER, "Umur dalam tahun.", "Age in years.", width=6, num_format="0",
            min_value=10, max_value=110, unit_words=("tahun", "thn", "th", "years", "year", "yo"), droppable=True),
        col("pendidikan", "Pendidikan", "Education", T.ENUM, "Pendidikan terakhir.", "Education.",
            choices="pendidikan", width=11, droppable=True),
        col("pekerjaan", "Pekerjaan", "Occupation", T.ENUM, "Pekerjaan utama.", "Occupation.",
            choices="pekerjaan", width=14, droppable=True),
        *_UNSUR_COLS,
        *_SCORE_COLS,
    ),
)

SKM_UNSUR = Table(
    "skm_unsur", HASIL_SHEET, Text("Ringkasan per unsur", "Summary per element"),
    header_row=4, first_col=0, capacity=9, max_rows=9,
    fixed_rows=tuple({"kode": f"U{i}", "unsur": u.name} for i, u in enumerate(UNSUR, start=1)),
    columns=(
        col("kode", "Kolom", "Column", T.CODE, "Kolom jawaban (U1..U9).", "Answer column.", width=6),
        col("unsur", "Unsur Pelayanan", "Service element", T.TEXT,
            "Nama unsur yang ditanyakan di kolom ini. Ubah bila urutan kuesioner berbeda (mis. sarana di nomor 8).",
            "Element asked in this column; change it when the questionnaire's order differs.",
            required=True, width=34),
        col("jumlah_nilai", "Jumlah Nilai", "Sum of answers", T.INTEGER,
            "Hanya bila tidak ada data responden: jumlah nilai jawaban.", "Only without respondent rows.",
            width=11),
        col("jumlah_responden", "Jumlah Responden", "Respondents", T.INTEGER,
            "Hanya bila tidak ada data responden: jumlah jawaban sah.", "Only without respondent rows.",
            width=11),
        col("nrr_tertulis", "NRR (diketik)", "Mean (typed)", T.DECIMAL,
            "Hanya bila yang ada hanya NRR.", "Only when all you have is the mean.", width=9),
        col("nrr", "NRR", "Mean", T.DECIMAL, "Dihitung: rata-rata jawaban sah.", "Computed mean of valid answers.",
            derive=SKM_NRR, width=9, num_format="0.00"),
        col("nrr_tertimbang", "NRR Tertimbang", "Weighted mean", T.DECIMAL, "NRR × bobot.", "Mean × weight.",
            derive=SKM_TERTIMBANG, width=10, num_format="0.000"),
        col("mutu", "Mutu", "Grade", T.TEXT, "Mutu unsur dari NRR.", "Element grade.",
            derive=SKM_MUTU, width=6),
    ),
)

SKM_HASIL = Form(  # below the summary, which never grows (nine unsur)
    "skm_hasil", HASIL_SHEET, Text("Hasil", "Result"), first_row=SKM_UNSUR.first_row + SKM_UNSUR.max_rows + 2,
    label_col=0, label_span=2, value_span=2,
    fields=(
        fld("jumlah_tertimbang", "Jumlah NRR tertimbang", "Sum of weighted means", T.DECIMAL,
            "Σ NRR tertimbang.", "Σ weighted means.", derive=SKM_JUMLAH_TERTIMBANG, num_format="0.0000"),
        fld("ikm_tanpa_pembulatan", "IKM sebelum pembulatan", "IKM before rounding", T.DECIMAL,
            "Σ NRR tertimbang × 25.", "Σ weighted × 25.", derive=SKM_IKM_TANPA_PEMBULATAN, num_format="0.0000"),
        fld("ikm", "IKM", "IKM", T.DECIMAL, "Dibulatkan 2 desimal.", "Rounded to 2 decimals.",
            derive=SKM_IKM, num_format="0.00", name="skm_ikm"),
        fld("mutu", "Mutu pelayanan", "Service grade", T.TEXT, "A/B/C/D.", "A/B/C/D.",
            derive=SKM_IKM_MUTU),
        fld("kinerja", "Kinerja unit pelayanan", "Unit performance", T.TEXT, "Sangat Baik .. Tidak Baik.",
            "Very good .. poor.", derive=SKM_IKM_KINERJA),
    ),
)
