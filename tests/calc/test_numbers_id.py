from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkjip_xl.calc.numbers_id import (
    SPECIAL_BLANK, SPECIAL_DASH, SPECIAL_NA, format_id, format_percent_id,
    parse_number, parse_predicate,
)


@pytest.mark.parametrize("text, value, style, is_percent", [
    ("13.943.248.509,00", D("13943248509.00"), "id", False),
    ("Rp. 30.911.880.435,00-", D("30911880435.00"), "id", False),
    ("Rp 76.778.952", D("76778952"), "id", False),
    ("1,396,524,280.00", D("1396524280.00"), "us", False),
    ("96%", D("96"), "plain", True),
    ("96,85%", D("96.85"), "id", True),
    ("97.40%", D("97.40"), "us", True),
    ("94,56", D("94.56"), "id", False),
    ("82,15", D("82.15"), "id", False),
    ("1.500,00", D("1500"), "id", False),
    ("8.876.182.851,58", D("8876182851.58"), "id", False),
    (" 1.000.000 ", D("1000000"), "id", False),
    ("\u00a0 96,85 %\u00a0", D("96.85"), "id", True),
    ("(1.000,00)", D("-1000"), "id", False),
    ("-1.000.000", D("-1000000"), "id", False),
    ("-Rp 2.000.000", D("-2000000"), "id", False),
    ("Rp (2.500.000)", D("-2500000"), "id", False),
    (",00", D("0"), "id", False),                    # Medang Kampai sisa column
    ("Rp 5.000,-", D("5000"), "id", False),
    ("Rp 1.500", D("1500"), "id", False),            # rupiah has no 3 decimals
    ("0.500", D("0.5"), "us", False),
    ("117", D("117"), "plain", False),
])
def test_parse_number_values(text, value, style, is_percent):
    p = parse_number(text)
    assert p.value == value
    assert p.style == style
    assert p.is_percent is is_percent
    assert not p.ambiguous and p.reason is None


def test_parse_number_keeps_typed_places():
    assert str(parse_number("96,80").value) == "96.80"


def test_specials():
    dash = parse_number("-")
    assert dash.value == 0 and dash.special == SPECIAL_DASH
    for na in ("NA", "N/A", "n/a"):
        p = parse_number(na)
        assert p.value is None and p.special == SPECIAL_NA
    for blank in ("", "   ", "\u00a0", None):
        p = parse_number(blank)
        assert p.value is None and p.special == SPECIAL_BLANK
        assert p.reason.startswith("blank")


@pytest.mark.parametrize("text, readings", [
    ("1.500", (D("1500"), D("1.5"))),
    ("1,500", (D("1500"), D("1.5"))),
    ("-1.000", (D("-1000"), D("-1"))),
    ("(1.000)", (D("-1000"), D("-1"))),
    ("1.000", (D("1000"), D("1"))),   # Medang Kampai sisa printed 1.000
])
def test_ambiguous_is_never_guessed(text, readings):
    p = parse_number(text)
    assert p.value is None and p.ambiguous
    assert p.reason.startswith("ambiguous")
    assert p.readings == readings


def test_ambiguous_reason_names_both_readings():
    assert "1500" in parse_number("1.500").reason and "1.5" in parse_number("1.500").reason
    assert "1,5" in parse_number("1,500").reason


@pytest.mark.parametrize("text, code", [
    ("9.054.048,938,00", "malformed"),  # Medang Kampai
    ("1.50.000", "malformed"),
    ("1.", "malformed"),
    ("1 500", "malformed"),
    ("abc", "not_a_number"),
    ("B (82,15)", "not_a_number"),
    ("12a", "not_a_number"),
])
def test_bad_numbers(text, code):
    p = parse_number(text)
    assert p.value is None and not p.ambiguous
    assert p.reason.startswith(code)


def test_non_string_input_passes_through():
    assert parse_number(96.85000000000001).value == D("96.85")
    assert parse_number(5).value == 5


@pytest.mark.parametrize("value, places, text", [
    (13943248509, 0, "13.943.248.509"),
    (D("96.845"), 2, "96,85"),
    (D("-1234.5"), 2, "-1.234,50"),
    (D("-0.4"), 0, "0"),
    (0, 2, "0,00"),
    (D("999.995"), 2, "1.000,00"),
    (D("8876182851.58"), 2, "8.876.182.851,58"),
    (-1234.5, 2, "-1.234,50"),
])
def test_format_id(value, places, text):
    assert format_id(value, places) == text


def test_format_percent_id():
    assert format_percent_id(D("96.8512")) == "96,85"
    assert format_percent_id(D("98.0355"), 1) == "98,0"


@pytest.mark.parametrize("text, expected", [
    ("B", ("B", None)),
    ("B (82,15)", ("B", D("82.15"))),
    ("B(88,30)", ("B", D("88.30"))),
    ("70,00 ( B )", ("B", D("70.00"))),
    ("CC", ("CC", None)),
    ("AA", ("AA", None)),
    ("b (66,50)", ("B", D("66.50"))),
    ("B(66,50)", ("B", D("66.50"))),   # Medan Baru nilai SAKIP
    ("82,15", (None, D("82.15"))),
    ("Baik", (None, None)),
    ("", (None, None)),
    (None, (None, None)),
])
def test_parse_predicate(text, expected):
    assert parse_predicate(text) == expected


amounts = st.decimals(min_value=-10**13, max_value=10**13, allow_nan=False,
                      allow_infinity=False, places=4)


@given(amounts, st.integers(min_value=1, max_value=4))
def test_round_trip_with_decimals(x, places):
    expected = D(x).quantize(D(1).scaleb(-places), rounding="ROUND_HALF_UP")
    p = parse_number(format_id(x, places))
    if p.ambiguous:  # "1,000" (3 places, below 1000): one reading is the original
        assert places == 3 and expected in p.readings
    else:
        assert p.value == expected
        assert p.style == "id"


@given(st.integers(min_value=-10**15, max_value=10**15))
def test_round_trip_integers(n):
    p = parse_number(format_id(n))
    if p.ambiguous:  # 1.500 style: one reading is the original
        assert D(n) in p.readings
    else:
        assert p.value == n
