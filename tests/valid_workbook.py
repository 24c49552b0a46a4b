"""A small, fully consistent LKjIP workbook (as data) that every rule test breaks one cell of.

Every number here was chosen by hand so that the sums hold: programme = Σ kegiatan = Σ sub
kegiatan for murni, perubahan and realisasi; PK programme pagu = Σ its sub kegiatan; Rencana Aksi
quarters give the annual target; Belanja classes add up to the programmes; the IKM indicator's
realisasi is the IKM of the SKM answers below (computed by hand in test_valid_workbook.py).
"""
from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

D = Decimal

IDENTITAS = {
    "unit": "Kecamatan Contoh", "kabupaten_kota": "Kota Contoh", "provinsi": "Sumatera Utara",
    "tahun": 2024, "renstra_awal": 2021, "renstra_akhir": 2026, "pimpinan_nama": "Budi Santoso, S.STP",
    "pimpinan_nip": "198001012005011001", "pimpinan_jabatan": "Camat Contoh", "atasan_nama": "Siti Aminah",
    "atasan_jabatan": "Wali Kota Contoh", "tempat": "Contoh", "tanggal": dt.date(2025, 1, 31),
    "skala": "Permendagri 86/2017", "rumus_turun": "(2T-R)/T", "batas_capaian": "tidak", "bobot_skm": "1/9",
    "pembulatan": "pembulatan", "metode_efisiensi": "sisa_persen",
}

# 40 respondents; answers per unsur: 20 × 3 and 20 × 4 except U9 (28 × 3, 12 × 4)
# NRR U1..U8 = 3,5; U9 = 3,3; Σ = 31,3; IKM = 31,3 / 9 × 25 = 86,9444.. -> 86,94 (B)
SKM_IKM = D("86.94")


def _respondents() -> list[dict]:
    rows = []
    for i in range(40):
        answers = {f"u{u}": (4 if i < 20 else 3) for u in range(1, 9)}
        answers["u9"] = 4 if i < 12 else 3
        rows.append({
            "no": i + 1, "tanggal": dt.date(2024, 1 + i % 12, 1 + i % 28), "jenis_layanan": "KTP" if i % 2 else "KK",
            "jenis_kelamin": "L" if i % 3 else "P", "umur": 20 + i, "pendidikan": "SMA/SMK",
            "pekerjaan": "Wiraswasta", **answers,
        })
    return rows


PK_INDIKATOR = [
    {"no": "1", "sasaran": "Meningkatnya kualitas pelayanan publik", "kode_indikator": "IKU1",
     "indikator": "Indeks Kepuasan Masyarakat", "satuan": "Indeks", "arah": "naik", "jenis": "indeks",
     "target": D("82.15"), "target_predikat": "B", "realisasi": SKM_IKM, "realisasi_lalu": D("85.10"),
     "target_renstra": D("88"), "kode_program": "01, 02"},
    {"no": "", "sasaran": None, "kode_indikator": "IKU2", "indikator": "Persentase capaian pemberdayaan masyarakat",
     "satuan": "%", "arah": "naik", "jenis": "persentase", "target": D("90"), "realisasi": D("95"),
     "kode_program": "03"},
    {"no": "2", "sasaran": "Meningkatnya ketenteraman dan ketertiban umum", "kode_indikator": "IKU3",
     "indikator": "Persentase gangguan ketenteraman yang berulang", "satuan": "%", "arah": "turun",
     "jenis": "persentase", "target": D("10"), "realisasi": D("8"), "kode_program": "02"},
    {"no": "", "sasaran": None, "kode_indikator": "IKU4", "indikator": "Jumlah dokumen perencanaan yang disusun",
     "satuan": "Dokumen", "arah": "naik", "jenis": "jumlah", "target": D("4"), "realisasi": D("4"),
     "kode_program": "01"},
]

PK_KOMPONEN = [
    {"kode_indikator": "IKU2", "komponen": "a: sarana prasarana kelurahan terbangun", "pembilang": D("9"),
     "penyebut": D("10"), "satuan": "Unit"},
    {"kode_indikator": "IKU2", "komponen": "b: pokmas yang melaksanakan pemberdayaan", "pembilang": D("7"),
     "penyebut": D("7"), "satuan": "Pokmas"},
]

PK_PROGRAM = [
    {"kode": "01", "program": "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
     "pagu_murni": 1_000_000_000, "pagu_perubahan": 1_050_000_000},
    {"kode": "02", "program": "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
     "pagu_murni": 400_000_000, "pagu_perubahan": 400_000_000},
    {"kode": "03", "program": "Program Pemberdayaan Masyarakat Desa dan Kelurahan",
     "pagu_murni": 300_000_000, "pagu_perubahan": 320_000_000},
]


def _r(kode, uraian, murni, perubahan, realisasi, **kw):
    return {"kode": kode, "uraian": uraian, "pagu_murni": murni, "pagu_perubahan": perubahan,
            "realisasi": realisasi, **kw}


REALISASI = [
    _r("01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 1_000_000_000, 1_050_000_000, 1_000_000_000),
    _r("01.01", "Administrasi Keuangan Perangkat Daerah", 1_000_000_000, 1_050_000_000, 1_000_000_000),
    _r("01.01.01", "Penyediaan Gaji dan Tunjangan ASN", 800_000_000, 850_000_000, 820_000_000,
       indikator_keluaran="Gaji dan tunjangan ASN terbayar", satuan_keluaran="Bulan", target_keluaran=D("12"),
       realisasi_keluaran=D("12"), jenis_belanja="Belanja Pegawai"),
    _r("01.01.02", "Penyediaan Administrasi Pelaksanaan Tugas ASN", 200_000_000, 200_000_000, 180_000_000,
       indikator_keluaran="Dokumen administrasi", satuan_keluaran="Dokumen", target_keluaran=D("4"),
       realisasi_keluaran=D("4"), jenis_belanja="Belanja Barang dan Jasa"),
    _r("02", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", 400_000_000, 400_000_000, 390_000_000),
    _r("02.01", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan", 400_000_000, 400_000_000,
       390_000_000),
    _r("02.01.01", "Peningkatan Efektivitas Kegiatan Pemerintahan di Tingkat Kecamatan", 400_000_000, 400_000_000,
       390_000_000, indikator_keluaran="Laporan koordinasi", satuan_keluaran="Laporan", target_keluaran=D("12"),
       realisasi_keluaran=D("12"), jenis_belanja="Belanja Barang dan Jasa"),
    _r("03", "Program Pemberdayaan Masyarakat Desa dan Kelurahan", 300_000_000, 320_000_000, 304_000_000),
    _r("03.01", "Kegiatan Pemberdayaan Kelurahan", 300_000_000, 320_000_000, 304_000_000),
    _r("03.01.01", "Pembangunan Sarana dan Prasarana Kelurahan", 300_000_000, 320_000_000, 304_000_000,
       indikator_keluaran="Sarana prasarana terbangun", satuan_keluaran="Unit", target_keluaran=D("10"),
       realisasi_keluaran=D("9"), jenis_belanja="Belanja Modal Jalan, Irigasi dan Jaringan"),
    _r(None, "TOTAL", 1_700_000_000, 1_770_000_000, 1_694_000_000),
]

# Belanja per class (pagu perubahan): Pegawai 850 jt; Barang dan Jasa 200 + 400 = 600 jt; Modal Jalan 320 jt
BELANJA = [
    {"uraian": "Belanja Operasi", "anggaran": 1_450_000_000, "realisasi": 1_390_000_000},
    {"uraian": "Belanja Pegawai", "anggaran": 850_000_000, "realisasi": 820_000_000},
    {"uraian": "Belanja Barang dan Jasa", "anggaran": 600_000_000, "realisasi": 570_000_000},
    {"uraian": "Belanja Modal", "anggaran": 320_000_000, "realisasi": 304_000_000},
    {"uraian": "Belanja Modal Tanah", "anggaran": 0, "realisasi": 0},
    {"uraian": "Belanja Modal Peralatan dan Mesin", "anggaran": 0, "realisasi": 0},
    {"uraian": "Belanja Modal Gedung dan Bangunan", "anggaran": 0, "realisasi": 0},
    {"uraian": "Belanja Modal Jalan, Irigasi dan Jaringan", "anggaran": 320_000_000, "realisasi": 304_000_000},
    {"uraian": "Belanja Modal Aset Tetap Lainnya", "anggaran": 0, "realisasi": 0},
    {"uraian": "Jumlah Belanja Daerah", "anggaran": 1_770_000_000, "realisasi": 1_694_000_000},
]

RA_INDIKATOR = [
    {"kode_indikator": "IKU1", "indikator": "Indeks Kepuasan Masyarakat", "agregasi": "akhir",
     "target_tahunan": D("82.15"), "target_tw1": D("80"), "target_tw2": D("81"), "target_tw3": D("82"),
     "target_tw4": D("82.15"), "realisasi_tw4": SKM_IKM, "kode_kegiatan": "01, 02"},
    {"kode_indikator": "IKU2", "indikator": "Persentase capaian pemberdayaan masyarakat", "agregasi": "akhir",
     "target_tahunan": D("90"), "target_tw1": D("25"), "target_tw2": D("50"), "target_tw3": D("75"),
     "target_tw4": D("90"), "realisasi_tw4": D("95"), "kode_kegiatan": "03.01"},
    {"kode_indikator": "IKU3", "indikator": "Persentase gangguan ketenteraman yang berulang", "agregasi": "rata-rata",
     "target_tahunan": D("10"), "target_tw1": D("10"), "target_tw2": D("10"), "target_tw3": D("10"),
     "target_tw4": D("10"), "kode_kegiatan": "02.01"},
    {"kode_indikator": "IKU4", "indikator": "Jumlah dokumen perencanaan yang disusun", "agregasi": "kumulatif",
     "target_tahunan": D("4"), "target_tw1": D("1"), "target_tw2": D("1"), "target_tw3": D("1"),
     "target_tw4": D("1"), "realisasi_tw1": D("1"), "realisasi_tw2": D("1"), "realisasi_tw3": D("1"),
     "realisasi_tw4": D("1"), "kode_kegiatan": "01.01"},
]

RA_KEGIATAN = [
    {"kode": "01.01", "uraian": "Administrasi Keuangan Perangkat Daerah", "pagu": 1_050_000_000,
     "pagu_tw1": 262_500_000, "pagu_tw2": 262_500_000, "pagu_tw3": 262_500_000, "pagu_tw4": 262_500_000,
     "realisasi_tw1": 250_000_000, "realisasi_tw2": 250_000_000, "realisasi_tw3": 250_000_000,
     "realisasi_tw4": 250_000_000},
    {"kode": "02.01", "uraian": "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
     "pagu": 400_000_000, "pagu_tw1": 100_000_000, "pagu_tw2": 100_000_000, "pagu_tw3": 100_000_000,
     "pagu_tw4": 100_000_000},
    {"kode": "03.01", "uraian": "Kegiatan Pemberdayaan Kelurahan", "pagu": 320_000_000},
]


def valid_data() -> dict:
    """A fresh deep copy of the valid workbook's data (tests may mutate it)."""
    return copy.deepcopy({
        "forms": {"identitas": IDENTITAS, "skm_info": {"jenis_layanan": "Administrasi kependudukan",
                                                       "periode": "Januari–Desember 2024", "populasi": 45}},
        "tables": {
            "pk_indikator": PK_INDIKATOR, "pk_program": PK_PROGRAM, "pk_komponen": PK_KOMPONEN,
            "ra_indikator": RA_INDIKATOR, "ra_kegiatan": RA_KEGIATAN, "realisasi": REALISASI,
            "belanja": BELANJA, "skm_responden": _respondents(),
        },
    })
