from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkjip_xl.calc.terbilang import terbilang, terbilang_rupiah


@pytest.mark.parametrize("n, words", [
    (0, "nol"),
    (1, "satu"),
    (10, "sepuluh"),
    (11, "sebelas"),
    (12, "dua belas"),
    (19, "sembilan belas"),
    (20, "dua puluh"),
    (99, "sembilan puluh sembilan"),
    (100, "seratus"),
    (111, "seratus sebelas"),
    (1000, "seribu"),
    (1001, "seribu satu"),
    (2000, "dua ribu"),
    (11000, "sebelas ribu"),
    (100000, "seratus ribu"),
    (1000000, "satu juta"),
    (1001000, "satu juta seribu"),
    (1000000000, "satu miliar"),
    (10**12, "satu triliun"),
    (-5, "minus lima"),
    (30911880435,
     "tiga puluh miliar sembilan ratus sebelas juta delapan ratus delapan puluh ribu "
     "empat ratus tiga puluh lima"),
    (9054048938,
     "sembilan miliar lima puluh empat juta empat puluh delapan ribu sembilan ratus "
     "tiga puluh delapan"),
])
def test_terbilang(n, words):
    assert terbilang(n) == words


def test_terbilang_limits():
    with pytest.raises(ValueError):
        terbilang(10**15)
    with pytest.raises(TypeError):
        terbilang(1.5)


def test_terbilang_rupiah():
    assert terbilang_rupiah(76778952) == (
        "tujuh puluh enam juta tujuh ratus tujuh puluh delapan ribu sembilan ratus "
        "lima puluh dua rupiah")
    assert terbilang_rupiah(D("8876182851.58")).endswith("rupiah lima puluh delapan sen")
    assert terbilang_rupiah(D("1000.00")) == "seribu rupiah"
    assert terbilang_rupiah(0) == "nol rupiah"
    assert terbilang_rupiah(-1000) == "minus seribu rupiah"


@given(st.integers(min_value=1, max_value=10**15 - 1))
def test_terbilang_shape(n):
    text = terbilang(n)
    assert "  " not in text and text == text.strip()
    assert not text.startswith("satu ribu")
    for wrong in ("satu ratus", "satu puluh", "satu belas", "nol"):
        assert wrong not in text


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=10**6))
def test_terbilang_injective(a, b):
    if a != b:
        assert terbilang(a) != terbilang(b)


# ------------------------------------------------------------------ words back to numbers
from lkjip_xl.calc.terbilang import parse_terbilang  # noqa: E402


@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_parse_terbilang_inverts_terbilang(n):
    assert parse_terbilang(terbilang(n)) == n


@pytest.mark.parametrize("words, value", [
    ("Tujuh milyar delapan ratus dua belas juta sembilan puluh lima ribu sembilan ratus tiga puluh delapan rupiah",
     7_812_095_938),  # Medang Kampai L283, "milyar" as printed
    ("dua ratus empat puluh satu juta sembilan ratus lima puluh tiga ribu rupiah", 241_953_000),
    ("seribu lima ratus", 1500),
])
def test_parse_terbilang_reads_printed_amounts(words, value):
    assert parse_terbilang(words) == value


@pytest.mark.parametrize("words", [
    # Medang Kampai L283: "ribu" is missing after "empat puluh delapan"
    "Delapan milyar lima puluh empat juta empat puluh delapan sembilan ratus tiga puluh delapan rupiah",
    "lima juta tujuh miliar",  # scales out of order
    "dua ribu seribu",
    "sepuluh kambing",
    "",
])
def test_parse_terbilang_refuses_what_is_not_a_number(words):
    assert parse_terbilang(words) is None
