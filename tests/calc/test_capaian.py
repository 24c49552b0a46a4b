from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkjip_xl.calc.capaian import (
    DEFAULT_TURUN_FORMULA, TURUN_FORMULAS, capaian, capaian_range, composite_realisasi,
    mean, normalise_arah, rollup, tingkat_kemajuan,
)
from lkjip_xl.calc.decimals import compare_typed, round_half_up


def test_turun_formulas_are_data():
    assert set(TURUN_FORMULAS) == {"2t_minus_r", "t_over_r"}
    assert DEFAULT_TURUN_FORMULA == "2t_minus_r"


def test_turun_example_t10_r8():
    assert capaian(D(10), D(8), "turun").value == 120
    assert capaian(D(10), D(8), "turun").formula == "2t_minus_r"
    assert capaian(D(10), D(8), "turun", "t_over_r").value == 125
    with pytest.raises(ValueError):
        capaian(D(10), D(8), "turun", "other")


def test_naik_uncapped_and_capped():
    assert capaian(D(8), D(10), "naik").value == 125
    assert capaian(D(8), D(10), "naik", cap=D(100)).value == 100
    assert capaian(D(8), D(6), "naik", cap=D(100)).value == 75


def test_medan_amplas_outputs():
    # Pengadaan Peralatan dan Mesin Lainnya: 93 of 79 unit, printed 117 and 100
    c = capaian(D(79), D(93), "naik").value
    assert round_half_up(c, 2) == D("117.72")
    assert compare_typed(c, D("117")) == "truncated"
    assert compare_typed(c, D("100")) is None
    # Penyediaan Peralatan Rumah Tangga: 10 of 8 paket = 125, heading says 100
    c = capaian(D(8), D(10), "naik").value
    assert c == 125 and compare_typed(c, D("100")) is None
    # IKM capaian 86,9 / 82,15 = 105,78 -> 106 (comparison) vs 100 (narrative)
    c = capaian(D("82.15"), D("86.9"), "naik").value
    assert round_half_up(c, 2) == D("105.78")
    assert compare_typed(c, D("106")) == "half_up"
    assert compare_typed(c, D("100")) is None


def test_medan_amplas_composite_double_rounding():
    value = composite_realisasi([(D(10), D(11)), (D(7), D(7))])
    assert str(value).startswith("95.4545")
    assert round_half_up(value, 2) == D("95.45")
    assert compare_typed(value, D("96")) is None       # printed 96 %
    assert compare_typed(value, D("95.45")) == "half_up"
    assert compare_typed(value, D("95")) == "half_up"


def test_medan_baru_composite():
    # a = 338/338 KK; b uses the beneficiary list (930 orang) against 855 stated
    assert composite_realisasi([(338, 338), (855, 855)]) == 100
    assert composite_realisasi([(338, 338), (930, 855)]) > 100


def test_composite_missing_parts():
    assert composite_realisasi([(1, 0)]) is None
    assert composite_realisasi([(None, 2)]) is None
    assert composite_realisasi([]) is None


@pytest.mark.parametrize("target, realisasi, problem", [
    (None, D(5), "target_missing"),
    ("", D(5), "target_missing"),
    (D(5), None, "realisasi_missing"),
    (D(5), "belum", "realisasi_not_number"),
    ("B", D(5), "target_not_number"),
    (D(0), D(5), "target_zero"),
])
def test_problems(target, realisasi, problem):
    result = capaian(target, realisasi, "naik")
    assert result.value is None and result.problem == problem


def test_problem_t_over_r_zero_and_arah():
    assert capaian(D(10), D(0), "turun", "t_over_r").problem == "realisasi_zero"
    assert capaian(D(10), D(0), "turun").value == 200
    assert capaian(D(0), D(3), "turun").problem == "target_zero"
    assert capaian(D(10), D(8), "sideways").problem == "arah_unknown"
    assert normalise_arah(" Positif ") == "naik"
    assert normalise_arah("MENURUN") == "turun"


def test_float_inputs_are_cleaned():
    assert capaian(100.0, 96.85000000000001, "naik").value == D("96.85")


def test_range_targets():
    assert capaian_range(80, 90, 85, "naik").value == 100
    assert capaian_range(80, 90, 80, "naik").value == 100
    assert capaian_range(80, 90, 99, "naik").value == 110          # 99/90
    assert capaian_range(80, 90, 72, "naik").value == 90           # 72/80
    assert capaian_range(80, 90, 99, "turun").value == 90          # (180-99)/90
    assert capaian_range(80, 90, 72, "turun").value == 110         # (160-72)/80
    assert capaian_range(80, 90, 99, "naik", cap=D(100)).value == 100
    assert capaian_range(90, 80, 85, "naik").problem == "range_invalid"
    assert capaian_range(80, 90, None, "naik").problem == "realisasi_missing"


def test_mean_and_rollup():
    assert mean([D(100), D("90.909090")]) == D("95.454545")
    assert mean([1, 2]) == D("1.5")
    assert rollup([D(120), D(80)]) == 100
    with pytest.raises(ValueError):
        mean([])
    with pytest.raises(ValueError):
        mean([D(1), None])
    with pytest.raises(ValueError):
        rollup([D(1)], rule="weighted")


def test_tingkat_kemajuan():
    assert tingkat_kemajuan(D("86.9"), D("88.31")).quantize(D("0.01")) == D("98.40")
    assert tingkat_kemajuan(D(5), D(0)) is None
    assert tingkat_kemajuan(None, D(10)) is None


positive = st.decimals(min_value=D("0.01"), max_value=D(10**9), places=2,
                       allow_nan=False, allow_infinity=False)


@given(positive)
def test_target_met_is_100(t):
    for arah in ("naik", "turun"):
        for formula in TURUN_FORMULAS:
            assert capaian(t, t, arah, formula).value == 100


@given(positive, positive)
def test_naik_is_inverse_of_realisasi(t, r):
    c = capaian(t, r, "naik").value
    assert abs(c * t / 100 - r) <= abs(r) * D("1e-25")
    # 2t_minus_r is symmetric around 100
    assert capaian(t, r, "turun").value - 100 == -(c - 100) or abs(
        capaian(t, r, "turun").value + c - 200) < D("1e-20")
