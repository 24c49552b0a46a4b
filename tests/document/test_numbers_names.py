"""Reading numbers out of report text, and names out of it, on the forms the reports print."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from lkjip_xl.document.cues import clause_attrs, header_attrs, version_in
from lkjip_xl.document.names import NameIndex, Named
from lkjip_xl.document.numbers import money_like, tokens


@pytest.mark.parametrize("text, value, percent, money", [
    ("Rp. 30.911.880.435,00-,", D("30911880435.00"), False, True),
    ("Rp. 9.054.048.938,-", D("9054048938"), False, True),
    ("sebesar 97,18%", D("97.18"), True, False),
    ("sebesar 97.40%", D("97.40"), True, False),  # printed with a dot (Medan Amplas L1895)
    ("1,396,524,280.00", D("1396524280.00"), False, False),  # US form (Medang Kampai L300)
    ("Rp 9.054.048.938, 00", D("9054048938.00"), False, True),  # a space before the sen
    ("B (82,15)", D("82.15"), False, False),
    ("sisa ,00", D("0.00"), False, False),
])
def test_printed_forms(text, value, percent, money):
    [t] = tokens(text)
    assert (t.value, t.percent, t.money) == (value, percent, money)


def test_a_malformed_amount_keeps_its_likely_reading():
    [t] = tokens("9.054.048,938,00")  # Medang Kampai Tabel 2.8
    assert t.malformed and t.value == D("9054048938.00")


def test_an_ambiguous_thousand_reads_as_thousands_in_a_report():
    [t] = tokens("1.000")
    assert t.value == 1000 and t.readings == (D(1000), D("1.000"))
    assert money_like(tokens("1.000")[0]) and not money_like(tokens("100")[0])


@pytest.mark.parametrize("text", [
    "1. Kegiatan Administrasi Keuangan", "3.1 Analisis Capaian", "Nomor 29 Tahun 2014", "Dumai, 15 Januari 2024",
    "NIP 19790119 201001 1 007", "SKM = 31,28 x 25", "77 orang selama 12 bulan", "Tabel 2.8 Pencapaian",
])
def test_what_is_no_quantity_is_set_aside(text):
    assert [t.raw for t in tokens(text) if not t.year or t.year_claim] in ([], ["77"])


def test_years_count_only_as_tahun_anggaran():
    found = tokens("TAHUN ANGGARAN : 2024, Renstra 2021-2026")
    assert [(t.raw, t.year_claim) for t in found] == [("2024", True), ("2021", False), ("2026", False)]


def test_amount_in_words_is_attached_to_its_digits():
    [t] = tokens("sebesar Rp 7.829.623.098 (tujuh miliar delapan ratus dua puluh sembilan juta enam ratus dua puluh "
                 "tiga ribu sembilan puluh delapan rupiah) untuk")
    assert t.words_value == 7_829_623_098


INDEX = NameIndex([
    Named(("budget", "03", 0), "program", ["PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN"]),
    Named(("budget", "03.01", 0), "kegiatan", ["Kegiatan Pemberdayaan Kelurahan"]),
    Named(("budget", "05", 0), "program", ["Program Pembinaan dan Pengawasan Pemerintahan Desa"]),
    Named(("budget", "01.04.01", 0), "sub_kegiatan", ["Pengadaan Peralatan dan Mesin Lainnya"]),
    Named(("budget", "01.06.02", 0), "sub_kegiatan", ["Pemeliharaan Peralatan dan Mesin Lainnya"]),
    Named(("budget", "05.01.01", 0), "sub_kegiatan", ["Fasilitasi Penyelenggaraan Ketenteraman dan Ketertiban Umum"]),
])


@pytest.mark.parametrize("text, key", [
    ("Program Pemberdayaan Masyarakat Desa Dan Kelurahan", "03"),  # case
    ("Program Pembinaan dan Pengawasan Pemerintah Desa", "05"),  # Pemerintah / Pemerintahan
    ("1. Sub Kegiatan Pengadaan Peralatan dan Mesin Lainnya (117%)", "01.04.01"),
    ("Sub Kegiatan Faslilitasi Penyelenggaran Ketentraman dan Ketertiban Umum (100%)", "05.01.01"),  # typing slips
])
def test_names_are_matched_tolerantly(text, key):
    assert INDEX.find(text).key[1] == key


def test_a_shortened_programme_name_is_found_but_not_plainly():
    entity, plain = INDEX.named("Program Pemberdayaan Kelurahan")  # Medang Kampai Tabel 2.7
    assert entity.key[1] == "03" and not plain


def test_text_naming_nothing_matches_nothing():
    assert INDEX.find("Peralatan kantor baru") is None


def test_cues():
    assert header_attrs("SISA PAGU ANGGARAN (RP)") == {"sisa", "sisa_persen"}  # the printed number decides
    assert header_attrs("ANGGARAN | REALISASI") == {"realisasi"}
    assert header_attrs("Realisas i s.d Tahun Berjalan") == set()
    assert clause_attrs("terdapat efisiensi dari Anggaran yang sudah dialokasikan sebesar Rp.") == {"sisa", "sisa_persen"}
    assert clause_attrs("maka capaian tahun 2023 naik sebesar") == set()
    assert clause_attrs("Realisasi sampai dengan 31 Desember 2023 sebesar Rp.") == {"realisasi"}
    assert version_in("bersumber dari APBDP") == "perubahan" and version_in("Perjanjian Kinerja 2023") == "murni"
