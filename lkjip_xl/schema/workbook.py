"""The LKjIP workbook, described once.

Every sheet, form field and table column of the workbook staff fill is declared here. The template
writer, the reader, the checks and the annex writer read this description; adding a column is a
change in this file only.
"""
from __future__ import annotations

from .formulas import (
    capaian_formula,
    fraction_formula,
    kriteria_formula,
    mutu_formula,
    persen_realisasi_formula,
    sisa_formula,
    skm_ikm_formula,
    skm_nrr_formula,
    skm_tertimbang_formula,
)
from .lists import LISTS
from .types import Column, ColType as T, Field, Form, Sheet, Table, Text, WorkbookSchema

TEMPLATE_VERSION = "1.0"
LIST_SHEET = "_Daftar"


def _col(key, id_, en, type_, help_id, help_en, **kw) -> Column:
    return Column(key, Text(id_, en), type_, Text(help_id, help_en), **kw)


def _fld(key, id_, en, type_, help_id, help_en, **kw) -> Field:
    return Field(key, Text(id_, en), type_, Text(help_id, help_en), **kw)


# --------------------------------------------------------------------------- Identitas
IDENTITAS = Form(
    "identitas", "Identitas", Text("Identitas dan Pilihan Aturan", "Identity and rule choices"),
    first_row=4, label_col=0,
    fields=(
        _fld("unit", "Unit kerja (Kecamatan/OPD)", "Unit (district office/agency)", T.TEXT,
             "Nama unit kerja, mis. Kecamatan Medan Amplas.", "Name of the unit.", required=True),
        _fld("kabupaten_kota", "Kabupaten/Kota", "Regency/City", T.TEXT,
             "Mis. Kota Medan.", "E.g. Kota Medan.", required=True),
        _fld("provinsi", "Provinsi", "Province", T.TEXT, "Mis. Sumatera Utara.", "E.g. North Sumatra."),
        _fld("tahun", "Tahun laporan", "Report year", T.INTEGER,
             "Tahun anggaran yang dilaporkan (4 angka).", "Budget year reported (4 digits).",
             required=True, name="cfg_tahun", num_format="0"),
        _fld("renstra_awal", "Renstra: tahun awal", "Strategic plan: first year", T.INTEGER,
             "Tahun pertama periode Renstra.", "First year of the strategic plan.", num_format="0"),
        _fld("renstra_akhir", "Renstra: tahun akhir", "Strategic plan: last year", T.INTEGER,
             "Tahun terakhir periode Renstra.", "Last year of the strategic plan.", num_format="0"),
        _fld("pimpinan_nama", "Pimpinan: nama", "Head: name", T.TEXT,
             "Nama pejabat yang menandatangani (Camat/Kepala OPD).", "Name of the signing head."),
        _fld("pimpinan_nip", "Pimpinan: NIP", "Head: civil servant number", T.CODE,
             "NIP ditulis sebagai teks (18 digit).", "NIP, kept as text (18 digits)."),
        _fld("pimpinan_jabatan", "Pimpinan: jabatan", "Head: position", T.TEXT,
             "Mis. Camat Medan Amplas.", "E.g. Camat Medan Amplas."),
        _fld("atasan_nama", "Atasan: nama", "Superior: name", T.TEXT,
             "Nama Bupati/Walikota (pihak kedua PK).", "Name of the mayor/regent."),
        _fld("atasan_jabatan", "Atasan: jabatan", "Superior: position", T.TEXT,
             "Mis. Wali Kota Medan.", "E.g. Wali Kota Medan."),
        _fld("tempat", "Tempat penandatanganan", "Place of signing", T.TEXT, "Mis. Medan.", "E.g. Medan."),
        _fld("tanggal", "Tanggal penandatanganan", "Date of signing", T.DATE,
             "Tanggal laporan ditandatangani.", "Date the report is signed."),
        _fld("skala", "Skala kriteria capaian", "Achievement rating scale", T.ENUM,
             "Skala yang dipakai untuk kriteria capaian (lihat sheet Skala).",
             "Scale used to rate achievement (see the Skala sheet).",
             required=True, choices="skala", default="Permendagri 86/2017", name="cfg_skala"),
        _fld("rumus_turun", "Rumus capaian indikator 'turun'", "Formula for 'lower is better'", T.ENUM,
             "(2T-R)/T: (2×target − realisasi)/target; T/R: target/realisasi.",
             "(2T-R)/T or T/R.", required=True, choices="rumus_turun", default="(2T-R)/T",
             name="cfg_rumus_turun"),
        _fld("batas_capaian", "Capaian dibatasi 100%", "Cap achievement at 100%", T.ENUM,
             "ya: capaian di atas 100% ditulis 100%. Biasanya tidak.",
             "yes: values above 100% are capped. Usually no.",
             required=True, choices="ya_tidak", default="tidak", name="cfg_batas_capaian"),
        _fld("bobot_skm", "Bobot SKM", "SKM weight", T.ENUM,
             "1/9 (tepat, PermenPAN-RB 14/2017) atau 0,111 (spreadsheet lama).",
             "1/9 (exact) or 0.111 (legacy).", required=True, choices="bobot_skm", default="1/9",
             name="cfg_bobot_skm"),
        _fld("pembulatan", "Pembulatan tampilan", "Display rounding", T.ENUM,
             "pembulatan: setengah ke atas; pemotongan: dipotong.",
             "round half up, or truncate.", required=True, choices="pembulatan", default="pembulatan",
             name="cfg_pembulatan"),
        _fld("metode_efisiensi", "Metode efisiensi", "Efficiency method", T.ENUM,
             "sisa_persen, rasio, atau selisih (lihat Petunjuk).", "sisa_persen, rasio or selisih.",
             required=True, choices="metode_efisiensi", default="sisa_persen",
             name="cfg_metode_efisiensi"),
    ),
)

# --------------------------------------------------------------------------- Skala
SKALA = Table(
    "skala", "Skala", Text("Skala penilaian", "Rating scales"), header_row=4, first_col=0, capacity=60,
    columns=(
        _col("preset", "Skala", "Scale", T.TEXT, "Nama skala (sama dengan pilihan di Identitas).",
             "Scale name, as chosen on Identitas.", required=True, width=22),
        _col("kode", "Kode", "Code", T.TEXT, "Kode predikat, mis. AA, B.", "Grade code.", width=8),
        _col("label", "Kriteria", "Rating", T.TEXT, "Nama kriteria/predikat.", "Rating label.",
             required=True, width=22),
        _col("bawah", "Batas bawah", "Lower bound", T.DECIMAL, "Kosong: tanpa batas bawah.",
             "Blank: no lower bound.", width=12),
        _col("bawah_inklusif", "Batas bawah termasuk?", "Lower bound included?", T.ENUM,
             "ya: nilai = batas bawah masuk kriteria ini.", "yes: x = lower bound belongs here.",
             choices="ya_tidak", width=12),
        _col("atas", "Batas atas", "Upper bound", T.DECIMAL, "Kosong: tanpa batas atas.",
             "Blank: no upper bound.", width=12),
        _col("atas_inklusif", "Batas atas termasuk?", "Upper bound included?", T.ENUM,
             "ya: nilai = batas atas masuk kriteria ini.", "yes: x = upper bound belongs here.",
             choices="ya_tidak", width=12),
    ),
)

# --------------------------------------------------------------------------- PK
PK_INDIKATOR = Table(
    "pk_indikator", "PK", Text("Perjanjian Kinerja: sasaran dan indikator", "Performance agreement: goals and indicators"),
    header_row=4, first_col=0, capacity=40,
    columns=(
        _col("no", "No", "No", T.TEXT, "Nomor sasaran.", "Goal number.", width=5),
        _col("sasaran", "Sasaran Strategis", "Strategic goal", T.TEXT,
             "Kosong: sama dengan baris di atasnya.", "Blank: same as the row above.", width=30),
        _col("kode_indikator", "Kode Indikator", "Indicator code", T.CODE,
             "Kode unik, mis. IKU1. Dipakai di Rencana Aksi dan Komponen.",
             "Unique code, e.g. IKU1; used by Rencana Aksi and components.", required=True, width=10),
        _col("indikator", "Indikator Kinerja", "Performance indicator", T.TEXT,
             "Nama indikator.", "Indicator name.", required=True, width=36),
        _col("satuan", "Satuan", "Unit", T.ENUM, "Satuan indikator.", "Unit.", required=True,
             choices="satuan", width=10),
        _col("arah", "Arah", "Direction", T.ENUM, "naik: makin tinggi makin baik; turun: sebaliknya.",
             "naik: higher is better; turun: lower is better.", required=True, choices="arah", width=8),
        _col("jenis", "Jenis", "Kind", T.ENUM, "persentase/indeks/jumlah/predikat.",
             "percentage/index/count/grade.", choices="jenis_indikator", width=11),
        _col("target", "Target", "Target", T.DECIMAL,
             "Angka target dalam satuan indikator (96 untuk 96%). Predikat: isi angkanya, hurufnya di kolom berikut.",
             "Target in the indicator's unit (96 for 96%).", required=True, width=10),
        _col("target_predikat", "Target Predikat", "Target grade", T.TEXT,
             "Huruf predikat target bila ada, mis. B.", "Target letter grade, e.g. B.", width=9),
        _col("realisasi", "Realisasi", "Actual", T.DECIMAL,
             "Realisasi tahun ini. Kosong berarti belum dilaporkan (bukan 0).",
             "This year's actual. Blank = not reported (not 0).", width=10),
        _col("capaian", "Capaian (%)", "Achievement (%)", T.PERCENT,
             "Dihitung otomatis.", "Computed.", formula=capaian_formula, width=11),
        _col("kriteria", "Kriteria", "Rating", T.TEXT, "Dihitung dari skala pilihan.",
             "From the chosen scale.", formula=kriteria_formula, width=14),
        _col("realisasi_lalu", "Realisasi Tahun Lalu", "Last year's actual", T.DECIMAL,
             "Realisasi tahun sebelumnya (opsional).", "Previous year's actual (optional).", width=11),
        _col("target_renstra", "Target Akhir Renstra", "Strategic-plan final target", T.DECIMAL,
             "Target tahun terakhir Renstra (opsional).", "Final-year target (optional).", width=11),
        _col("kemajuan", "Tingkat Kemajuan (%)", "Progress (%)", T.PERCENT,
             "Realisasi / target akhir Renstra.", "Actual / final target.",
             formula=fraction_formula("realisasi", "target_renstra"), width=11),
        _col("kode_program", "Kode Program", "Programme code(s)", T.TEXT,
             "Kode program pendukung, dipisah koma, mis. 01, 02.", "Funding programme codes, comma separated.",
             width=12),
        _col("keterangan", "Keterangan", "Notes", T.TEXT, "Catatan.", "Notes.", width=20),
    ),
)

PK_PROGRAM = Table(
    "pk_program", "PK", Text("Program dan anggaran", "Programmes and budget"),
    header_row=4, first_col=18, capacity=20,
    columns=(
        _col("kode", "Kode", "Code", T.CODE, "Kode program (teks), sama dengan sheet Realisasi.",
             "Programme code, as on the Realisasi sheet.", required=True, width=10),
        _col("program", "Program", "Programme", T.TEXT, "Nama program.", "Programme name.",
             required=True, width=36),
        _col("pagu_murni", "Anggaran Murni (Rp)", "Original budget (Rp)", T.MONEY,
             "Pagu APBD murni.", "Original budget.", width=18),
        _col("pagu_perubahan", "Anggaran Perubahan (Rp)", "Revised budget (Rp)", T.MONEY,
             "Pagu APBD-P (Perubahan PK). Kosong bila tidak ada perubahan.",
             "Revised budget; blank when none.", width=18),
        _col("keterangan", "Keterangan", "Notes", T.TEXT, "Catatan.", "Notes.", width=16),
    ),
)

PK_KOMPONEN = Table(
    "pk_komponen", "PK", Text("Komponen indikator komposit", "Components of composite indicators"),
    header_row=4, first_col=24, capacity=20,
    columns=(
        _col("kode_indikator", "Kode Indikator", "Indicator code", T.CODE,
             "Kode indikator komposit (sama dengan tabel kiri).", "Composite indicator's code.",
             required=True, width=10),
        _col("komponen", "Komponen", "Component", T.TEXT, "Mis. a: kelurahan yang ...", "E.g. a: ...",
             required=True, width=30),
        _col("pembilang", "Pembilang", "Numerator", T.DECIMAL, "Jumlah yang tercapai.", "Achieved count.",
             required=True, width=10),
        _col("penyebut", "Penyebut", "Denominator", T.DECIMAL, "Jumlah sasaran.", "Target count.",
             required=True, width=10),
        _col("satuan", "Satuan", "Unit", T.TEXT, "Satuan pembilang/penyebut.", "Unit.", width=10),
        _col("nilai", "Nilai (%)", "Value (%)", T.PERCENT, "Pembilang / penyebut.", "Numerator / denominator.",
             formula=fraction_formula("pembilang", "penyebut"), width=10),
    ),
)

# --------------------------------------------------------------------------- Rencana Aksi
_TW = ("1", "2", "3", "4")
RA_INDIKATOR = Table(
    "ra_indikator", "Rencana Aksi", Text("Rencana Aksi: target dan realisasi triwulan", "Action plan: quarterly targets"),
    header_row=4, first_col=0, capacity=40,
    columns=(
        _col("kode_indikator", "Kode Indikator", "Indicator code", T.CODE,
             "Kode indikator di sheet PK.", "Indicator code from the PK sheet.", required=True, width=10),
        _col("indikator", "Indikator", "Indicator", T.TEXT, "Nama indikator (opsional).", "Name (optional).",
             width=30),
        _col("agregasi", "Aturan Triwulan", "Quarter rule", T.ENUM,
             "kumulatif: TW dijumlah; akhir: TW IV = tahunan; rata-rata.",
             "kumulatif: quarters add up; akhir: Q4 = annual; rata-rata: mean.",
             required=True, choices="agregasi", width=11),
        _col("target_tahunan", "Target Tahunan", "Annual target", T.DECIMAL,
             "Harus sama dengan target PK.", "Must equal the PK target.", required=True, width=10),
        *(_col(f"target_tw{q}", f"Target TW {r}", f"Target Q{q}", T.DECIMAL,
               f"Target triwulan {r}.", f"Quarter {q} target.", width=9)
          for q, r in zip(_TW, ("I", "II", "III", "IV"))),
        *(_col(f"realisasi_tw{q}", f"Realisasi TW {r}", f"Actual Q{q}", T.DECIMAL,
               f"Realisasi triwulan {r}.", f"Quarter {q} actual.", width=9)
          for q, r in zip(_TW, ("I", "II", "III", "IV"))),
        _col("kode_kegiatan", "Kode Program/Kegiatan", "Programme/activity codes", T.TEXT,
             "Kode program/kegiatan pendukung, dipisah koma.", "Supporting codes, comma separated.", width=14),
    ),
)

RA_KEGIATAN = Table(
    "ra_kegiatan", "Rencana Aksi", Text("Rencana Aksi: pagu dan realisasi triwulan per kegiatan", "Action plan: quarterly budget"),
    header_row=4, first_col=15, capacity=80,
    columns=(
        _col("kode", "Kode", "Code", T.CODE, "Kode program/kegiatan (sheet Realisasi).",
             "Programme/activity code (Realisasi sheet).", required=True, width=10),
        _col("uraian", "Program/Kegiatan", "Programme/activity", T.TEXT, "Nama.", "Name.", width=30),
        _col("pagu", "Pagu (Rp)", "Budget (Rp)", T.MONEY, "Pagu menurut Rencana Aksi.",
             "Budget per the action plan.", width=16),
        *(_col(f"pagu_tw{q}", f"Pagu TW {r}", f"Budget Q{q}", T.MONEY, f"Rencana pagu TW {r}.",
               f"Planned Q{q} budget.", width=14) for q, r in zip(_TW, ("I", "II", "III", "IV"))),
        *(_col(f"realisasi_tw{q}", f"Realisasi TW {r} (Rp)", f"Spent Q{q} (Rp)", T.MONEY,
               f"Realisasi belanja TW {r}.", f"Q{q} spending.", width=14) for q, r in zip(_TW, ("I", "II", "III", "IV"))),
    ),
)

# --------------------------------------------------------------------------- Realisasi
REALISASI = Table(
    "realisasi", "Realisasi", Text("Realisasi anggaran dan keluaran per program, kegiatan, sub kegiatan",
                                   "Budget and output per programme, activity, sub-activity"),
    header_row=4, first_col=0, capacity=400,
    columns=(
        _col("kode", "Kode", "Code", T.CODE,
             "Kode program (01), kegiatan (01.02) atau sub kegiatan (01.02.05), atau bentuk nasional 7.01.01.2.01.0001. Disimpan sebagai teks.",
             "Programme/activity/sub-activity code, kept as text.", width=16),
        _col("level", "Tingkat", "Level", T.ENUM, "Kosong: diturunkan dari kode.", "Blank: derived from the code.",
             choices="level", width=12),
        _col("uraian", "Uraian", "Description", T.TEXT, "Nama program/kegiatan/sub kegiatan.", "Name.",
             required=True, width=40),
        _col("indikator_keluaran", "Indikator Keluaran", "Output indicator", T.TEXT,
             "Keluaran sub kegiatan.", "Sub-activity output.", width=28),
        _col("satuan_keluaran", "Satuan", "Unit", T.TEXT, "Mis. paket, dokumen, orang, laporan, unit.",
             "E.g. package, document, person.", width=9),
        _col("target_keluaran", "Target Keluaran", "Output target", T.DECIMAL, "Target fisik.",
             "Physical target.", width=9),
        _col("realisasi_keluaran", "Realisasi Keluaran", "Output actual", T.DECIMAL, "Realisasi fisik.",
             "Physical actual.", width=9),
        _col("persen_keluaran", "Capaian Keluaran (%)", "Output achievement (%)", T.PERCENT,
             "Realisasi / target keluaran (tidak dibatasi 100%).", "Actual / target output (uncapped).",
             formula=fraction_formula("realisasi_keluaran", "target_keluaran"), width=10),
        _col("pagu_murni", "Pagu Murni (Rp)", "Original budget (Rp)", T.MONEY, "Pagu APBD murni.",
             "Original budget.", width=17, min_value=0),
        _col("pagu_perubahan", "Pagu Perubahan (Rp)", "Revised budget (Rp)", T.MONEY,
             "Pagu APBD-P; kosong bila tidak berubah. Dipakai untuk % dan sisa bila diisi.",
             "Revised budget; used for % and balance when filled.", width=17, min_value=0),
        _col("realisasi", "Realisasi (Rp)", "Spent (Rp)", T.MONEY, "Realisasi belanja.", "Spending.",
             width=17, min_value=0),
        _col("persen_realisasi", "Realisasi (%)", "Spent (%)", T.PERCENT, "Realisasi / pagu.",
             "Spent / budget.", formula=persen_realisasi_formula, width=10),
        _col("sisa", "Sisa (Rp)", "Balance (Rp)", T.MONEY, "Pagu − realisasi.", "Budget − spent.",
             formula=sisa_formula, width=16),
        _col("jenis_belanja", "Jenis Belanja", "Economic class", T.ENUM,
             "Kelompok belanja sub kegiatan (opsional).", "Economic class (optional).",
             choices="jenis_belanja", width=22),
    ),
)

# --------------------------------------------------------------------------- Belanja
BELANJA_ROWS = (
    "Belanja Operasi", "Belanja Pegawai", "Belanja Barang dan Jasa", "Belanja Modal",
    "Belanja Modal Tanah", "Belanja Modal Peralatan dan Mesin", "Belanja Modal Gedung dan Bangunan",
    "Belanja Modal Jalan, Irigasi dan Jaringan", "Belanja Modal Aset Tetap Lainnya", "Jumlah Belanja Daerah",
)
BELANJA = Table(
    "belanja", "Belanja", Text("Ikhtisar realisasi per jenis belanja", "Spending by economic class"),
    header_row=4, first_col=0, capacity=len(BELANJA_ROWS), max_rows=len(BELANJA_ROWS),
    fixed_rows=tuple({"uraian": r} for r in BELANJA_ROWS),
    columns=(
        _col("uraian", "Uraian", "Class", T.TEXT, "Jenis belanja (jangan diubah).", "Economic class.",
             required=True, width=40),
        _col("anggaran", "Anggaran (Rp)", "Budget (Rp)", T.MONEY, "Dari laporan keuangan.",
             "From the financial report.", width=18, min_value=0),
        _col("realisasi", "Realisasi (Rp)", "Spent (Rp)", T.MONEY, "Dari laporan keuangan.",
             "From the financial report.", width=18, min_value=0),
    ),
)

# --------------------------------------------------------------------------- SKM
SKM_INFO = Form(
    "skm_info", "SKM", Text("Survei Kepuasan Masyarakat", "Public satisfaction survey"),
    first_row=3, label_col=0,
    fields=(
        _fld("jenis_layanan", "Jenis layanan", "Service", T.TEXT,
             "Layanan yang disurvei (bila satu).", "Service surveyed (if one)."),
        _fld("periode", "Periode survei", "Survey period", T.TEXT, "Mis. Januari–Desember 2023.",
             "E.g. January–December 2023."),
        _fld("populasi", "Populasi penerima layanan", "Service users (population)", T.INTEGER,
             "Jumlah penerima layanan setahun; menentukan sampel minimum (Krejcie-Morgan).",
             "Yearly number of service users; sets the minimum sample.", num_format="#,##0"),
    ),
)

_UNSUR_COLS = tuple(
    _col(f"u{i}", f"U{i}", f"U{i}", T.INTEGER, f"Jawaban unsur {i}: 1–4 (atau a–d).",
         f"Answer to element {i}: 1–4 (or a–d).", choices="jawaban", width=5, num_format="0")
    for i in range(1, 10)
)
SKM_RESPONDEN = Table(
    "skm_responden", "SKM", Text("Jawaban responden", "Respondents' answers"),
    header_row=8, first_col=0, capacity=500,
    columns=(
        _col("no", "No", "No", T.INTEGER, "Nomor responden.", "Respondent number.", width=6, num_format="0"),
        _col("tanggal", "Tanggal", "Date", T.DATE, "Tanggal pengisian.", "Date answered.", width=11),
        _col("jenis_layanan", "Jenis Layanan", "Service", T.TEXT, "Layanan yang diterima.", "Service received.",
             width=20),
        _col("jenis_kelamin", "Jenis Kelamin", "Sex", T.ENUM, "L atau P.", "L or P.", choices="jenis_kelamin",
             width=7),
        _col("umur", "Umur", "Age", T.INTEGER, "Umur dalam tahun.", "Age in years.", width=6, num_format="0",
             min_value=10, max_value=110),
        _col("pendidikan", "Pendidikan", "Education", T.ENUM, "Pendidikan terakhir.", "Education.",
             choices="pendidikan", width=11),
        _col("pekerjaan", "Pekerjaan", "Occupation", T.ENUM, "Pekerjaan utama.", "Occupation.",
             choices="pekerjaan", width=14),
        *_UNSUR_COLS,
    ),
)

SKM_UNSUR = Table(
    "skm_unsur", "SKM", Text("Ringkasan per unsur", "Summary per element"),
    header_row=8, first_col=17, capacity=9, max_rows=9,
    fixed_rows=tuple({"kode": f"U{i}"} for i in range(1, 10)),
    columns=(
        _col("kode", "Kolom", "Column", T.CODE, "Kolom jawaban (U1..U9).", "Answer column.", width=6),
        _col("unsur", "Unsur Pelayanan", "Service element", T.TEXT,
             "Nama unsur yang ditanyakan di kolom ini. Ubah bila urutan kuesioner berbeda (mis. sarana di nomor 8).",
             "Element asked in this column; change it when the questionnaire's order differs.",
             required=True, width=34),
        _col("jumlah_nilai", "Jumlah Nilai", "Sum of answers", T.INTEGER,
             "Hanya bila tidak ada data responden: jumlah nilai jawaban.", "Only without respondent rows.",
             width=9),
        _col("jumlah_responden", "Jumlah Responden", "Respondents", T.INTEGER,
             "Hanya bila tidak ada data responden: jumlah jawaban sah.", "Only without respondent rows.",
             width=9),
        _col("nrr_tertulis", "NRR (diketik)", "Mean (typed)", T.DECIMAL,
             "Hanya bila yang ada hanya NRR.", "Only when all you have is the mean.", width=9),
        _col("nrr", "NRR", "Mean", T.DECIMAL, "Dihitung: rata-rata jawaban sah.", "Computed mean of valid answers.",
             formula=skm_nrr_formula, width=9, num_format="0.00"),
        _col("nrr_tertimbang", "NRR Tertimbang", "Weighted mean", T.DECIMAL, "NRR × bobot.", "Mean × weight.",
             formula=skm_tertimbang_formula, width=10, num_format="0.000"),
        _col("mutu", "Mutu", "Grade", T.TEXT, "Mutu unsur dari NRR.", "Element grade.",
             formula=mutu_formula("nrr", "skm_mutu_nrr", "code"), width=6),
    ),
)

SKM_HASIL = Form(
    "skm_hasil", "SKM", Text("Hasil", "Result"), first_row=21, label_col=18,
    fields=(
        _fld("jumlah_tertimbang", "Jumlah NRR tertimbang", "Sum of weighted means", T.DECIMAL,
             "Σ NRR tertimbang.", "Σ weighted means.", formula=skm_ikm_formula("sum"), num_format="0.0000"),
        _fld("ikm_tanpa_pembulatan", "IKM sebelum pembulatan", "IKM before rounding", T.DECIMAL,
             "Σ NRR tertimbang × 25.", "Σ weighted × 25.", formula=skm_ikm_formula("raw"), num_format="0.0000"),
        _fld("ikm", "IKM", "IKM", T.DECIMAL, "Dibulatkan 2 desimal.", "Rounded to 2 decimals.",
             formula=skm_ikm_formula("ikm"), num_format="0.00", name="skm_ikm"),
        _fld("mutu", "Mutu pelayanan", "Service grade", T.TEXT, "A/B/C/D.", "A/B/C/D.",
             formula=skm_ikm_formula("mutu")),
        _fld("kinerja", "Kinerja unit pelayanan", "Unit performance", T.TEXT, "Sangat Baik .. Tidak Baik.",
             "Very good .. poor.", formula=skm_ikm_formula("kinerja")),
    ),
)


SCHEMA = WorkbookSchema(
    version=TEMPLATE_VERSION,
    list_sheet=LIST_SHEET,
    lists=LISTS,
    sheets=(
        Sheet("Petunjuk", Text("Petunjuk pengisian", "How to fill in this workbook")),
        Sheet("Identitas", IDENTITAS.title, forms=(IDENTITAS,), landscape=False),
        Sheet("PK", Text("Perjanjian Kinerja", "Performance agreement"),
              tables=(PK_INDIKATOR, PK_PROGRAM, PK_KOMPONEN), freeze_row=5),
        Sheet("Rencana Aksi", Text("Rencana Aksi", "Action plan"), tables=(RA_INDIKATOR, RA_KEGIATAN), freeze_row=5),
        Sheet("Realisasi", REALISASI.title, tables=(REALISASI,), freeze_row=5),
        Sheet("Belanja", BELANJA.title, tables=(BELANJA,), landscape=False),
        Sheet("SKM", SKM_INFO.title, forms=(SKM_INFO, SKM_HASIL), tables=(SKM_RESPONDEN, SKM_UNSUR), freeze_row=9),
        Sheet("Skala", SKALA.title, tables=(SKALA,), freeze_row=5, landscape=False),
        Sheet(LIST_SHEET, Text("Daftar pilihan", "Dropdown lists"), hidden=True),
    ),
)
