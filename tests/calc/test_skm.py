import time
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkjip_xl.calc.decimals import round_half_up, truncate
from lkjip_xl.calc.skm import (
    KREJCIE_MORGAN, SKM_WEIGHTS, UNSUR, aggregate_answers, ikm_from_nrr, ikm_range,
    is_multiple_of_1_over_n, match_unsur, min_sample, mutu_nrr, near_boundary, nrr, nrr_by_unsur,
    parse_answer,
)
from lkjip_xl.calc.scales import PRESETS

MEDAN_AMPLAS_NRR = ["3.41", "3.49", "3.48", "3.50", "3.51", "3.50", "3.51", "3.48", "3.40"]


def nrrs(values):
    return {f"U{i}": D(v) for i, v in enumerate(values, start=1)}


def test_unsur_table():
    assert [u.code for u in UNSUR] == [f"U{i}" for i in range(1, 10)]
    assert UNSUR[8].name == "Sarana dan Prasarana"
    assert all(u.name_en and u.variants for u in UNSUR)


@pytest.mark.parametrize("label, code", [
    # Medan Amplas SKM table labels (L1151-1304)
    ("Persyaratan Pelayanan", "U1"),
    ("Sistem, Mekanisme, dan Prosedur Pelayanan", "U2"),
    ("Waktu Penyelesaian Pelayanan", "U3"),
    ("Biaya/ Tarif Pelayanan", "U4"),
    ("Produk Spesifikasi Jenis Pelayanan", "U5"),
    ("Kompetensi Pelaksana Pelayanan", "U6"),
    ("Perilaku Pelaksana Pelayanan", "U7"),
    ("Penanganan Pengaduan Pelayanan", "U8"),
    ("Sarana dan Prasarana Pelayanan", "U9"),
    ("Penanganan Pengaduan, Saran dan Masukan", "U8"),
    ("  PERSYARATAN  ", "U1"),
    ("sistem mekanisme dan prosedur", "U2"),
    ("Biaya/Tarif", "U4"),
    ("9. Sarana dan Prasarana Pelayanan", "U9"),
    ("8. Sarana dan Prasarana", "U9"),       # swapped questionnaire: name wins
    ("U8 Sarana dan Prasarana", "U9"),
    ("U1", "U1"),
    ("Unsur 1", "U1"),
    ("unsur ke-3", "U3"),
    ("u 7", "U7"),
    ("Facilities and Infrastructure", "U9"),
    ("Kesesuaian persyaratan pelayanan dengan jenis pelayanannya", "U1"),
    ("Kecepatan waktu dalam memberikan pelayanan", "U3"),
    ("Kesopanan dan keramahan petugas", "U7"),
    ("Kualitas sarana dan prasarana", "U9"),
    ("Jenis kelamin", None),
    ("waktu dan biaya", None),                 # two unsur: refuse to guess
    ("", None),
    (None, None),
])
def test_match_unsur(label, code):
    assert match_unsur(label) == code


@pytest.mark.parametrize("raw, expected", [
    (1, (1, None)), (4, (4, None)), (1.0, (1, None)), (4.0, (4, None)),
    ("1", (1, None)), (" 4 ", (4, None)), ("  2  ", (2, None)),
    # a number written otherwise as text is not an answer: the workbook's formula does not count it
    ("3.0", (None, "text")), ("03", (None, "text")), ("\t3", (None, "text")), ("3\u00a0", (None, "text")),
    ("a", (1, None)), ("B", (2, None)), ("c", (3, None)), ("D", (4, None)),
    (D("2"), (2, None)),
    (0, (None, "out_of_range")), (6, (None, "out_of_range")), (2.5, (None, "out_of_range")),
    (-1, (None, "out_of_range")), ("0", (None, "out_of_range")),
    (5, (None, "five_point")), ("5", (None, "five_point")), (5.0, (None, "five_point")),
    ("e", (None, "five_point")),
    ("baik", (None, "text")), ("x", (None, "text")), (True, (None, "text")),
    ("nan", (None, "text")),
    (None, (None, "blank")), ("", (None, "blank")), ("  ", (None, "blank")),
])
def test_parse_answer(raw, expected):
    assert parse_answer(raw) == expected


def test_weights_are_labelled_presets():
    assert SKM_WEIGHTS["exact"].value * 9 == 1
    assert SKM_WEIGHTS["legacy_0111"].label == "bobot 0,111 (lama)"
    assert SKM_WEIGHTS["legacy_0111"].value == D("0.111")


def test_nrr():
    assert nrr(341, 100) == D("3.41")
    assert str(nrr(10, 3)).startswith("3.3333")
    with pytest.raises(ValueError):
        nrr(0, 0)


def test_medan_amplas_ikm_exact_and_legacy():
    values = nrrs(MEDAN_AMPLAS_NRR)
    assert sum(values.values()) == D("31.28")
    exact = ikm_from_nrr(values)
    assert str(exact.unrounded).startswith("86.8888")
    assert exact.rounded == D("86.89")
    assert (exact.mutu, exact.kinerja) == ("B", "Baik")
    assert not exact.near_boundary
    assert exact.weight_label == "bobot 1/9"
    legacy = ikm_from_nrr(values, weight="legacy_0111")
    assert legacy.unrounded == D("86.802")
    assert legacy.rounded == D("86.80")
    assert legacy.mutu == "B"
    assert legacy.weight_label == "bobot 0,111 (lama)"


def test_ikm_boundaries():
    r = ikm_from_nrr(nrrs(["3.5324"] * 9))        # IKM exactly 88.31
    assert r.rounded == D("88.31") and r.mutu == "A" and r.kinerja == "Sangat Baik"
    r = ikm_from_nrr(nrrs(["2.60"] * 9))          # IKM exactly 65.00
    assert r.rounded == D("65.00") and r.mutu == "C"
    r = ikm_from_nrr(nrrs(["3.5322"] * 9))        # IKM exactly 88.305
    assert r.unrounded == D("88.305")
    assert r.rounded == D("88.31") and r.mutu == "A" and r.near_boundary
    r = ikm_from_nrr(nrrs(["3.532"] * 9))         # exactly 88.30: 0,01 below 88,31, near (domain.md: within 0,05)
    assert r.unrounded == D("88.300") and r.mutu == "B" and r.near_boundary
    r = ikm_from_nrr(nrrs(["3.5360"] * 9))        # 88.40: 0,09 above 88,31, not near
    assert r.unrounded == D("88.400") and r.mutu == "A" and not r.near_boundary


@pytest.mark.parametrize("raw, near", [
    ("76.6249", True),   # 0,0149 above 76,61: B, but 76,6 (C) printed with one decimal
    ("76.5600", True),   # 0,05 below 76,61: the margin includes its end
    ("76.5599", False),  # 0,0501 below
    ("76.6600", True),   # 0,05 above
    ("76.6601", False),
    ("65", True),        # exactly at a boundary: within 0,05 of it (domain.md)
    ("64.9949", True),
    ("88.305", True),
    ("82.00", False),    # far from every boundary
    ("25.00", False),    # the scale's lowest end is no boundary between two grades
])
def test_near_boundary_is_within_0_05_of_a_grade_boundary(raw, near):
    """near_boundary: domain.md, "Warn when the unrounded IKM is within 0,05 of a boundary" (65,00,
    76,61, 88,31), checked by plain subtraction here."""
    assert (min(abs(D(raw) - b) for b in (D("65"), D("76.61"), D("88.31"))) <= D("0.05")) is near
    assert near_boundary(D(raw), PRESETS["skm_mutu"]) is near


def test_all_fours_is_100_a():
    r = ikm_from_nrr(nrrs(["4"] * 9))
    assert r.rounded == D("100.00") and str(r.rounded) == "100.00" and r.mutu == "A"
    assert not r.near_boundary


def test_ikm_weight_guards():
    with pytest.raises(ValueError):
        ikm_from_nrr(nrrs(["3"] * 8), weight="legacy_0111")
    with pytest.raises(ValueError):
        ikm_from_nrr({})
    with pytest.raises(KeyError):
        ikm_from_nrr(nrrs(["3"] * 9), weight="0.11")


@pytest.mark.parametrize("value, letter", [
    ("3.41", "B"), ("3.40", "B"), ("3.5324", "A"), ("2.60", "C"), ("2.5996", "D"),
    ("3.0644", "B"), ("3.064", "C"), ("4", "A"), ("1", "D"), ("0.5", None),
])
def test_mutu_nrr(value, letter):
    assert mutu_nrr(D(value)) == letter


def test_krejcie_morgan_table_shape():
    assert len(KREJCIE_MORGAN) == 90
    ns = [n for n, _ in KREJCIE_MORGAN]
    ss = [s for _, s in KREJCIE_MORGAN]
    assert ns == sorted(ns) and ss == sorted(ss)
    assert KREJCIE_MORGAN[0] == (10, 10) and KREJCIE_MORGAN[-1] == (1000000, 384)


@pytest.mark.parametrize("population, sample", [
    (60, 52), (61, 56), (100, 80), (1000, 278), (1000000, 384), (5000000, 384),
    (10, 10), (11, 11), (12, 12), (14, 14), (7, 7), (1, 1), (301, 175), (75001, 384),
])
def test_min_sample(population, sample):
    assert min_sample(population) == sample


def test_min_sample_rejects_zero():
    with pytest.raises(ValueError):
        min_sample(0)


def test_aggregate_answers():
    totals = aggregate_answers({"U1": [4, 3, None, 2], "U2": iter([1, 1]), "U3": []})
    assert totals == {"U1": (9, 3), "U2": (2, 2), "U3": (0, 0)}
    assert nrr_by_unsur(totals) == {"U1": D(3), "U2": D(1)}


def test_aggregate_100k_respondents_is_fast():
    column = [1, 2, 3, 4] * 25000
    start = time.perf_counter()
    totals = aggregate_answers({f"U{i}": column for i in range(1, 10)})
    assert time.perf_counter() - start < 2
    assert totals["U9"] == (250000, 100000)
    assert ikm_from_nrr(nrr_by_unsur(totals)).rounded == D("62.50")


def test_is_multiple_of_1_over_n():
    assert is_multiple_of_1_over_n(D("3.41"), 100, 2)
    assert not is_multiple_of_1_over_n(D("3.41"), 11, 2)       # 37/11, 38/11 only
    assert is_multiple_of_1_over_n(D("3.45"), 11, 2)            # 38/11 = 3.4545
    assert is_multiple_of_1_over_n(D("3.36"), 11)               # 37/11 = 3.3636
    assert not is_multiple_of_1_over_n(D("4.10"), 100)          # above 4
    assert not is_multiple_of_1_over_n(D("0.90"), 100)          # below 1
    assert is_multiple_of_1_over_n(D("3.45"), 11, accept_truncated=False)
    assert not is_multiple_of_1_over_n(D("3.63"), 11, accept_truncated=False)  # 40/11 = 3.6363.. -> 3.64
    assert is_multiple_of_1_over_n(D("3.63"), 11)               # truncated 3.6363
    assert not is_multiple_of_1_over_n(D("3"), 0)


@given(st.integers(min_value=1, max_value=500), st.data(),
       st.integers(min_value=0, max_value=4))
def test_every_real_nrr_passes(n, data, places):
    t = data.draw(st.integers(min_value=n, max_value=4 * n))
    exact = D(t) / D(n)
    assert is_multiple_of_1_over_n(round_half_up(exact, places), n, places)
    assert is_multiple_of_1_over_n(truncate(exact, places), n, places)


@given(st.lists(st.integers(min_value=1, max_value=4), min_size=1, max_size=60))
def test_ikm_from_raw_answers_matches_mean(answers):
    totals = aggregate_answers({f"U{i}": answers for i in range(1, 10)})
    result = ikm_from_nrr(nrr_by_unsur(totals))
    expected = D(sum(answers)) * 25 / len(answers)
    assert abs(result.unrounded - expected) < D("1e-20")
    assert 25 <= result.rounded <= 100 and result.mutu in "ABCD"


def test_ikm_range_counts_the_left_out_answers_as_1_and_as_4():
    """U1 answered 3, 3 and one answer left out; the other unsur NRR 3: with it 1, U1 is 7/3; with
    it 4, 10/3. IKM = Σ NRR / 9 × 25 in plain Decimal."""
    nrrs = {f"U{i}": D(3) for i in range(1, 10)}
    low, high = ikm_range(nrrs, {"U1": (6, 2, 1)})
    assert low == ikm_from_nrr({**nrrs, "U1": D(7) / 3}).unrounded and round(low, 4) == round((D(7) / 3 + 24) / 9 * 25, 4)
    assert high == ikm_from_nrr({**nrrs, "U1": D(10) / 3}).unrounded and round(high, 4) == round((D(10) / 3 + 24) / 9 * 25, 4)
    assert ikm_range(nrrs, {}) == (D(75), D(75))
