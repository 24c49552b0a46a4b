"""Dropdown lists of the workbook. Cell values are the same in both languages (they are the
domain's own vocabulary); the labels explain them in the Petunjuk sheet."""
from __future__ import annotations

from .. import settings
from ..calc.skm import ANSWER_SCORES, SKM_WEIGHTS
from ..calc.skm_unsur import UNSUR
from . import belanja
from .types import Choice, Text


def _c(value: str, id_: str | None = None, en: str | None = None) -> Choice:
    return Choice(value, Text(id_ or value, en or id_ or value))


def _rule_choices(choices: tuple[settings.RuleChoice, ...]) -> tuple[Choice, ...]:
    return tuple(_c(c.value, c.explain_id, c.explain_en) for c in choices)


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
            "Bulan", "KK", "Pokmas", "Kegiatan", "Kelurahan", "Desa", "Lembaga", "Kali", "Kasus", "Peserta",
        )
    ),
    "level": (
        _c("program", "program", "programme"),
        _c("kegiatan", "kegiatan", "activity"),
        _c("sub kegiatan", "sub kegiatan", "sub-activity"),
    ),
    "jenis_belanja": tuple(_c(s) for s in belanja.KINDS),
    "agregasi": (
        _c("kumulatif", "nilai TW dijumlahkan menjadi nilai tahunan", "quarters add up to the year"),
        _c("akhir", "nilai TW IV adalah nilai tahunan", "the Q4 value is the annual value"),
        _c("rata-rata", "rata-rata TW adalah nilai tahunan", "the mean of the quarters is the annual value"),
    ),
    "skala": _rule_choices(settings.SKALA),
    "rumus_turun": _rule_choices(settings.RUMUS_TURUN),
    "bobot_skm": tuple(_c(w.choice, *w.explain) for w in SKM_WEIGHTS.values()),
    "pembulatan": _rule_choices(settings.PEMBULATAN),
    "metode_efisiensi": _rule_choices(settings.METODE_EFISIENSI),
    "tampilan_nol": _rule_choices(settings.TAMPILAN_NOL),
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
    # the numbers are written as numbers: picked from the dropdown, an answer is a number, not text
    "jawaban": tuple(Choice(int(k) if k.isdigit() else k, Text(k, k)) for k in ANSWER_SCORES),
    "unsur_skm": tuple(_c(u.name, u.name, u.name_en) for u in UNSUR),
}


# other spellings of a choice that staff type or a survey export writes, read as the choice (no
# finding: they mean it); keys as ``spelling_key`` makes them
ALIASES: dict[str, dict[str, str]] = {
    "jenis_kelamin": {
        **dict.fromkeys(("l", "lk", "laki-laki", "laki laki", "lakilaki", "laki", "pria", "male", "m"), "L"),
        **dict.fromkeys(("p", "pr", "perempuan", "wanita", "female", "f", "w"), "P"),
    },
}


def spelling_key(text: str) -> str:
    """A spelling as compared with ``ALIASES``: any case, runs of spaces as one, a trailing dot dropped."""
    return " ".join(text.lower().split()).rstrip(".")


def aliases(key: str | None) -> dict[str, str] | None:
    return ALIASES.get(key) if key else None


# lists staff may extend with their own words (a unit, an occupation): a value outside them is a
# warning on read and the dropdown only warns; every other list is closed
LENIENT_LISTS = frozenset({"satuan", "jenis_belanja", "pendidikan", "pekerjaan", "unsur_skm"})


# the defined name of the answer table (text answer, score) the SKM score formula looks answers up in
ANSWER_SCORE_TABLE = "skor_jawaban"
# (calc.skm.SHEET_ANSWER_TABLE: the codes, the unsur names, the labels)


def values(key: str) -> tuple[str, ...]:
    return tuple(c.value for c in LISTS[key])
