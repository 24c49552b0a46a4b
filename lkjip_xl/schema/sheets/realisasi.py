"""Sheets Realisasi (budget and output per programme, activity, sub-activity) and Belanja
(spending by economic class)."""
from __future__ import annotations

from .. import belanja
from ..derivations import PERSEN_REALISASI, SISA, ratio
from ..types import ColType as T, Table, Text
from .common import col

REALISASI = Table(
    "realisasi", "Realisasi", Text("Realisasi anggaran dan keluaran per program, kegiatan, sub kegiatan",
                                   "Budget and output per programme, activity, sub-activity"),
    header_row=4, first_col=0, capacity=400,
    columns=(
        col("kode", "Kode", "Code", T.CODE,
            "Kode program (01), kegiatan (01.02) atau sub kegiatan (01.02.05), atau bentuk nasional 7.01.01.2.01.0001. Disimpan sebagai teks.",
            "Programme/activity/sub-activity code, kept as text.", width=16),
        col("level", "Tingkat", "Level", T.ENUM, "Kosong: diturunkan dari kode.", "Blank: derived from the code.",
            choices="level", width=12),
        col("uraian", "Uraian", "Description", T.TEXT, "Nama program/kegiatan/sub kegiatan.", "Name.",
            required=True, width=40),
        col("indikator_keluaran", "Indikator Keluaran", "Output indicator", T.TEXT,
            "Keluaran sub kegiatan.", "Sub-activity output.", width=28, droppable=True),
        col("satuan_keluaran", "Satuan", "Unit", T.TEXT, "Mis. paket, dokumen, orang, laporan, unit.",
            "E.g. package, document, person.", width=9, droppable=True),
        col("target_keluaran", "Target Keluaran", "Output target", T.DECIMAL, "Target fisik.",
            "Physical target.", width=9),
        col("realisasi_keluaran", "Realisasi Keluaran", "Output actual", T.DECIMAL, "Realisasi fisik.",
            "Physical actual.", width=9),
        col("persen_keluaran", "Capaian Keluaran (%)", "Output achievement (%)", T.PERCENT,
            "Realisasi / target keluaran (tidak dibatasi 100%).", "Actual / target output (uncapped).",
            derive=ratio("realisasi_keluaran", "target_keluaran"), width=10),
        col("pagu_murni", "Pagu Murni (Rp)", "Original budget (Rp)", T.MONEY, "Pagu APBD murni.",
            "Original budget.", width=17, min_value=0),
        col("pagu_perubahan", "Pagu Perubahan (Rp)", "Revised budget (Rp)", T.MONEY,
            "Pagu APBD-P; kosong bila tidak berubah. Dipakai untuk % dan sisa bila diisi.",
            "Revised budget; used for % and balance when filled.", width=17, min_value=0),
        col("realisasi", "Realisasi (Rp)", "Spent (Rp)", T.MONEY, "Realisasi belanja.", "Spending.",
            width=17, min_value=0),
        col("persen_realisasi", "Realisasi (%)", "Spent (%)", T.PERCENT, "Realisasi / pagu.",
            "Spent / budget.", derive=PERSEN_REALISASI, width=10),
        col("sisa", "Sisa (Rp)", "Balance (Rp)", T.MONEY, "Pagu − realisasi.", "Budget − spent.",
            derive=SISA, width=16),
        col("jenis_belanja", "Jenis Belanja", "Economic class", T.ENUM,
            "Kelompok belanja sub kegiatan (opsional).", "Economic class (optional).",
            choices="jenis_belanja", width=22, droppable=True),
    ),
)

# --------------------------------------------------------------------------- Belanja
BELANJA_ROWS = belanja.ROWS
BELANJA = Table(
    "belanja", "Belanja", Text("Ikhtisar realisasi per jenis belanja", "Spending by economic class"),
    header_row=4, first_col=0, capacity=len(BELANJA_ROWS), max_rows=len(BELANJA_ROWS),
    fixed_rows=tuple({"uraian": r} for r in BELANJA_ROWS),
    columns=(
        col("uraian", "Uraian", "Class", T.TEXT, "Jenis belanja (jangan diubah).", "Economic class.",
            required=True, width=40),
        col("anggaran", "Anggaran (Rp)", "Budget (Rp)", T.MONEY, "Dari laporan keuangan.",
            "From the financial report.", width=18, min_value=0),
        col("realisasi", "Realisasi (Rp)", "Spent (Rp)", T.MONEY, "Dari laporan keuangan.",
            "From the financial report.", width=18, min_value=0),
    ),
)
