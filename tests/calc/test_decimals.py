from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkjip_xl.calc.decimals import (
    ROUNDING_MODES, RoundingMode, apply_rounding, compare_typed, decimal_places,
    round_half_up, strip_exponent, to_decimal, truncate,
)


@pytest.mark.parametrize("raw, expected", [
    (0.1, D("0.1")),
    (96.85000000000001, D("96.85")),
    (0.30000000000000004, D("0.3")),
    (100.0, D("100")),
    (8876182851.58, D("8876182851.58")),
    (30911880435.579998, D("30911880435.58")),  # sen survive the noise removal
    (-1234.5, D("-1234.5")),
    (0.0, D("0")),
    (5, D("5")),
    ("96.80", D("96.80")),
    (D("96.80"), D("96.80")),
])
def test_to_decimal(raw, expected):
    got = to_decimal(raw)
    assert got == expected
    assert str(got) == str(expected)


def test_to_decimal_none_bool_and_junk():
    assert to_decimal(None) is None
    with pytest.raises(TypeError):
        to_decimal(True)
    with pytest.raises(ValueError):
        to_decimal(float("nan"))
    with pytest.raises(ValueError):
        to_decimal("12,5")
    with pytest.raises(TypeError):
        to_decimal([1])


def test_strip_exponent_never_gives_exponent_form():
    assert str(strip_exponent(D("100.00"))) == "100"
    assert str(strip_exponent(D("96.8500"))) == "96.85"
    assert str(strip_exponent(D("-0.00"))) == "0"


def test_rounding_basics():
    assert round_half_up(D("2.345"), 2) == D("2.35")
    assert round_half_up(D("-2.345"), 2) == D("-2.35")
    assert truncate(D("98.0355"), 2) == D("98.03")
    assert truncate(D("-1.239"), 2) == D("-1.23")
    assert round_half_up(D("13943248509.5"), 0) == D("13943248510")


def test_decimal_places():
    assert decimal_places(D("96.80")) == 2
    assert decimal_places(D("117")) == 0
    assert decimal_places(D("1E+2")) == 0
    assert decimal_places(96.85000000000001) == 2
    assert decimal_places(96.8) == 1


@pytest.mark.parametrize("computed, typed, verdict", [
    (D("117.7215"), D("117"), "truncated"),      # Medan Amplas output 93/79
    (D("117.7215"), D("118"), "half_up"),
    (D("117.7215"), D("100"), None),
    (D("95.4545"), D("96"), None),                # double rounding is an error
    (D("95.4545"), D("95.45"), "half_up"),
    (D("98.0355"), D("98.03"), "truncated"),      # Medang Kampai total
    (D("98.0355"), D("98.04"), "half_up"),
    (D("125"), D("125.00"), "exact"),
    (D("117.2"), D("117"), "half_up"),            # both agree: half_up wins
    (D("1.9645"), D("1.97"), None),               # efisiensi total printed 1,97
])
def test_compare_typed(computed, typed, verdict):
    assert compare_typed(computed, typed) == verdict


def test_rounding_modes_are_data():
    assert set(ROUNDING_MODES) == {"half_up", "truncate"}
    assert apply_rounding(D("98.0355"), 2) == D("98.04")
    assert apply_rounding(D("98.0355"), 2, "truncate") == D("98.03")
    assert apply_rounding(D("98.0355"), 2, RoundingMode.TRUNCATE) == D("98.03")
    with pytest.raises(ValueError):
        apply_rounding(D("1"), 2, "banker")


decimals = st.decimals(min_value=-10**12, max_value=10**12, allow_nan=False,
                       allow_infinity=False, places=6)


@given(decimals, st.integers(min_value=0, max_value=4))
def test_half_up_and_truncate_relation(x, places):
    up, cut = round_half_up(x, places), truncate(x, places)
    step = D(1).scaleb(-places)
    assert abs(up - cut) in (0, step)
    assert abs(cut) <= abs(x)
    assert abs(x - up) <= step / 2
    assert compare_typed(x, up) in ("exact", "half_up")
    assert compare_typed(x, cut) in ("exact", "half_up", "truncated")


@given(st.decimals(min_value=-10**12, max_value=10**12, places=2,
                   allow_nan=False, allow_infinity=False))
def test_float_round_trip_keeps_two_places(x):
    assert to_decimal(float(str(x))) == x
