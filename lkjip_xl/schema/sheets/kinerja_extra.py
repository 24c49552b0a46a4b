"""Sheets that describe the indicators beyond the PK table, each on a sheet of its own and
optional (a workbook made before them reads as before):

- Rumusan Indikator: the formula and its explanation per indicator, as the PK document's
  "penjelasan rumusan" prints them (Medan Baru PK 2024);
- Rincian Komponen: the list behind a composite indicator's component (the beneficiaries of each
  activity), whose sum must be the component's stated total;
- Riwayat Indikator: target and realisasi of each indicator in the Renstra years before this one,
  and a national or provincial figure the report compares with (Medang Kampai Tabel 2.4, 2.6);
- Indikator Program: indicators of programmes and kegiatan with target and realisasi (Medang
  Kampai Tabel 2.8, 3.3);
- Sumber Dana: the source of funds of each PK programme (Medang Kampai Tabel 1.8). A sheet of its
  own while the PK programme table shares the PK sheet with the component table (a column added
  to it would make every earlier workbook unreadable)."""
from __future__ import annotations

from ..derivations import CAPAIAN_ARAH
from ..types import ColType as T, Table, Text
from .common import col

RUMUSAN = Table(
    "pk_rumusan", "Rumusan Indikator", Text("Penjelasan rumusan indikator", "How each indicator is computed"),
    header_row=4, first_col=0, capacity=40,
    columns=(
        col("kode_indikator", "Kode Indikator", "Indicator code", T.CODE, "Kode indikator di sheet PK.",
            "Indicator code on the PK sheet.", required=True, width=10),
        col("rumusan", "Rumusan Perhitungan", "Formula", T.TEXT,
            "Mis. Jumlah permasalahan yang ditangani / jumlah permasalahan × 100 %.",
            "E.g. problems handled / problems reported × 100 %.", required=True, width=50),
        col("penjelasan", "Penjelasan", "Explanation", T.TEXT,
            "Dari mana angka pembilang dan penyebut diperoleh, dasar hukum.",
            "Where the figures come from, the regulation.", width=60, droppable=True),
    ),
)

RINCIAN_KOMPONEN = Table(
    "pk_komponen_rincian", "Rincian Komponen",
    Text("Rincian komponen indikator komposit", "Breakdown of composite components"),
    header_row=4, first_col=0, capacity=80,
    columns=(
        col("kode_indikator", "Kode Indikator", "Indicator code", T.CODE, "Kode indikator komposit.",
            "Composite indicator's code.", required=True, width=10),
        col("komponen", "Komponen", "Component", T.TEXT,
            "Huruf komponen seperti di tabel Komponen sheet PK (a, b).", "Component letter (a, b).",
            required=True, width=9),
        col("uraian", "Uraian Kegiatan", "Activity", T.TEXT, "Mis. Pelatihan tata boga Kelurahan Darat.",
            "E.g. a training in one kelurahan.", required=True, width=50),
        col("jumlah", "Jumlah", "Count", T.DECIMAL, "Jumlah sasaran/penerima manfaat kegiatan ini.",
            "Number of beneficiaries of this activity.", required=True, width=10),
        col("satuan", "Satuan", "Unit", T.TEXT, "Mis. orang, KK.", "E.g. persons, households.", width=10,
            droppable=True),
    ),
)

RIWAYAT = Table(
    "riwayat_indikator", "Riwayat Indikator",
    Text("Riwayat target dan realisasi indikator", "Indicator history in the Renstra years"),
    header_row=4, first_col=0, capacity=60,
    columns=(
        col("kode_indikator", "Kode Indikator", "Indicator code", T.CODE, "Kode indikator di sheet PK.",
            "Indicator code on the PK sheet.", required=True, width=10),
        col("tahun", "Tahun", "Year", T.INTEGER, "Tahun (4 angka).", "Year (4 digits).", required=True,
            width=8, num_format="0"),
        col("target", "Target", "Target", T.DECIMAL, "Target tahun itu (angka atau rentang, mis. 80-90).",
            "That year's target (a number or a range, e.g. 80-90).", width=10, target_range=True, grade_letter=True),
        col("realisasi", "Realisasi", "Actual", T.DECIMAL, "Realisasi tahun itu.", "That year's actual.", width=10,
            grade_letter=True),
        col("pembanding", "Pembanding", "Benchmark", T.TEXT,
            "Bila laporan membandingkan dengan realisasi nasional/provinsi: mis. Nasional, Provinsi Riau, SPM.",
            "When the report compares with a national/provincial figure: its name.", width=16, droppable=True),
        col("target_pembanding", "Target Pembanding", "Benchmark target", T.DECIMAL,
            "Target nasional/provinsi tahun itu.", "The benchmark's target.", width=11, droppable=True),
        col("realisasi_pembanding", "Realisasi Pembanding", "Benchmark actual", T.DECIMAL,
            "Realisasi nasional/provinsi tahun itu.", "The benchmark's actual.", width=11, droppable=True),
    ),
)

INDIKATOR_PROGRAM = Table(
    "indikator_program", "Indikator Program",
    Text("Indikator program dan kegiatan", "Programme and activity indicators"),
    header_row=4, first_col=0, capacity=60,
    columns=(
        col("kode", "Kode Program/Kegiatan", "Programme/activity code", T.CODE,
            "Kode seperti di sheet Realisasi, mis. 01 atau 01.02.", "Code as on the Realisasi sheet.",
            required=True, width=17),  # wide enough for "Program/Kegiatan" on one line
        col("indikator", "Indikator Program/Kegiatan", "Indicator", T.TEXT,
            "Mis. Persentase penyelenggaraan pemerintahan dan pelayanan publik.", "Indicator name.",
            required=True, width=44),
        col("satuan", "Satuan", "Unit", T.TEXT, "Mis. %.", "E.g. %.", width=9, droppable=True),
        col("arah", "Arah", "Direction", T.ENUM,
            "naik: makin tinggi makin baik; turun: sebaliknya (kosong: naik).",
            "naik: higher is better; turun: lower is better (blank: naik).", choices="arah", width=8,
            added_later=True),
        col("target", "Target", "Target", T.DECIMAL, "Target tahun ini.", "This year's target.", required=True,
            width=10),
        col("realisasi", "Realisasi", "Actual", T.DECIMAL, "Realisasi tahun ini (kosong: belum dilaporkan).",
            "This year's actual (blank: not reported).", width=10),
        col("capaian", "Capaian (%)", "Achievement (%)", T.PERCENT,
            "Realisasi / target (turun: menurut rumus di Identitas).",
            "Actual / target (turun: by the formula chosen on Identitas).", derive=CAPAIAN_ARAH, width=11),
    ),
)

SUMBER_DANA = Table(
    "sumber_dana", "Sumber Dana", Text("Sumber dana per program PK", "Source of funds per PK programme"),
    header_row=4, first_col=0, capacity=20,
    columns=(
        col("kode", "Kode Program", "Programme code", T.CODE, "Kode program seperti di tabel program sheet PK.",
            "Programme code as in the PK sheet's programme table.", required=True, width=12),
        col("sumber_dana", "Sumber Dana", "Source of funds", T.TEXT, "Mis. APBD, APBD-P, DAU, DAK.",
            "E.g. APBD, APBD-P.", required=True, width=16),
    ),
)
