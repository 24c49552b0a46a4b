"""Dropdown lists of the workbook. Cell values are the same in both languages (they are the
domain's own vocabulary); the labels explain them in the Petunjuk sheet."""
from __future__ import annotations

from .types import Choice, Text


def _c(value: str, id_: str | None = None, en: str | None = None) -> Choice:
    return Choice(value, Text(id_ or value, en or id_ or value))


LISTS: dict[str, tuple[Choice, ...]] = {
    "arah": (
        _c("naik", "makin tinggi makin baik", "higher is better"),
        _c("turun", "makin rendah makin baik", "lower is better"),
    ),
    "jenis_indikator": (
        _c("persentase", "persentase", "percentage"),
        _c("indeks", "indeks/nilai", "index/score"),
        _c("jumlah", "jumlah/angka", "count"),
        _c("predikat", "predikat huruf (AA..D, A..D)", "letter grade"),
    ),
    "satuan": tuple(
        _c(s)
        for s in (
            "%", "Indeks", "Nilai", "Predikat", "Dokumen", "Laporan", "Orang", "Paket", "Unit",
            "Bulan", "KK", "Pokmas", "Kegiatan", "Kelurahan", "Desa", "Lembaga", "Kali",
        )
    ),
    "level": (
        _c("program", "program", "programme"),
        _c("kegiatan", "kegiatan", "activity"),
        _c("sub kegiatan", "sub kegiatan", "sub-activity"),
    ),
    "jenis_belanja": tuple(
        _c(s)
        for s in (
            "Belanja Pegawai", "Belanja Barang dan Jasa", "Belanja Modal Tanah",
            "Belanja Modal Peralatan dan Mesin", "Belanja Modal Gedung dan Bangunan",
            "Belanja Modal Jalan, Irigasi dan Jaringan", "Belanja Modal Aset Tetap Lainnya",
        )
    ),
    "agregasi": (
        _c("kumulatif", "nilai TW dijumlahkan menjadi nilai tahunan", "quarters add up to the year"),
        _c("akhir", "nilai TW IV adalah nilai tahunan", "the Q4 value is the annual value"),
        _c("rata-rata", "rata-rata TW adalah nilai tahunan", "the mean of the quarters is the annual value"),
    ),
    "skala": (
        _c("Permendagri 86/2017", "kriteria Sangat Tinggi .. Sangat Rendah", "Very high .. very low"),
        _c("Atribut Capaian", "Sangat Berhasil .. Tidak Berhasil", "Very successful .. unsuccessful"),
        _c("SAKIP 88/2021", "predikat AA .. D (PermenPAN-RB 88/2021)", "grades AA .. D"),
    ),
    "rumus_turun": (
        _c("(2T-R)/T", "(2 × target − realisasi) / target × 100", "(2 × target − actual) / target × 100"),
        _c("T/R", "target / realisasi × 100", "target / actual × 100"),
    ),
    "bobot_skm": (
        _c("1/9", "bobot tepat 1/9 (PermenPAN-RB 14/2017)", "exact weight 1/9"),
        _c("0,111", "bobot lama 0,111 (menyamakan spreadsheet lama)", "legacy weight 0.111"),
    ),
    "pembulatan": (
        _c("pembulatan", "dibulatkan setengah ke atas", "round half up"),
        _c("pemotongan", "dipotong (truncate)", "truncate"),
    ),
    "metode_efisiensi": (
        _c("sisa_persen", "(pagu − realisasi) / pagu × 100", "(budget − spent) / budget × 100"),
        _c("rasio", "capaian kinerja % / serapan %", "performance % / absorption %"),
        _c("selisih", "capaian kinerja % − serapan %", "performance % − absorption %"),
    ),
    "ya_tidak": (_c("ya", "ya", "yes"), _c("tidak", "tidak", "no")),
    "jenis_kelamin": (_c("L", "Laki-laki", "Male"), _c("P", "Perempuan", "Female")),
    "pendidikan": tuple(
        _c(s) for s in ("Tidak Sekolah", "SD", "SMP", "SMA/SMK", "D1-D3", "D4/S1", "S2", "S3")
    ),
    "pekerjaan": tuple(
        _c(s)
        for s in (
            "PNS", "TNI/POLRI", "Pegawai Swasta", "Wiraswasta", "Pelajar/Mahasiswa",
            "Ibu Rumah Tangga", "Tidak Bekerja", "Lainnya",
        )
    ),
    "jawaban": tuple(_c(str(i)) for i in range(1, 5)),
}


# lists staff may extend with their own words (a unit, an occupation): a value outside them is a
# warning on read and the dropdown only warns; every other list is closed
LENIENT_LISTS = frozenset({"satuan", "jenis_belanja", "pendidikan", "pekerjaan"})


def values(key: str) -> tuple[str, ...]:
    return tuple(c.value for c in LISTS[key])
