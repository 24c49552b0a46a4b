from decimal import Decimal as D

import pytest

from lkjip_xl.calc.decimals import compare_typed, percent, round_half_up
from lkjip_xl.calc.efisiensi import (
    DEFAULT_THRESHOLDS, METHODS, THRESHOLDS, efisiensi,
)
from lkjip_xl.calc.scales import Band, Scale, validate_scale


def test_methods_and_thresholds_are_data():
    assert set(METHODS) == {"sisa_persen", "rasio", "selisih"}
    assert set(DEFAULT_THRESHOLDS) == set(METHODS)
    for scale in THRESHOLDS.values():
        assert validate_scale(scale) == []


def test_sisa_persen_medang_kampai_total():
    r = efisiensi("sisa_persen", None, D(9054048938), D("8876182851.58"))
    assert round_half_up(r.value, 2) == D("1.96")
    assert compare_typed(r.value, D("1.97")) is None   # printed 1,97 (100 - 98,03)
    assert r.kategori is None and r.problem is None and r.method == "sisa_persen"


def test_rasio():
    r = efisiensi("rasio", D(100), D(100), D(98))
    assert r.kategori == "Efisien" and r.value > 1
    r = efisiensi("rasio", D(98), D(100), D(98))
    assert r.value == 1 and r.kategori == "Tidak Efisien"
    assert efisiensi("rasio", D(50), D(100), D(0)).problem == "serapan_zero"


@pytest.mark.parametrize("capaian, real, kategori", [
    (D(100), D(90), "Efisien"),         # 10
    (D(100), D(95), "Cukup Efisien"),   # 5 (inclusive)
    (D(100), D(105), "Cukup Efisien"),  # -5
    (D(90), D(100), "Tidak Efisien"),   # -10
])
def test_selisih(capaian, real, kategori):
    r = efisiensi("selisih", capaian, D(100), real)
    assert r.kategori == kategori


def test_zero_spend_zero_output_is_flagged():
    for method in METHODS:
        r = efisiensi(method, D(0), D(1000), D(0))
        assert r.value is None and r.problem == "tanpa_belanja_tanpa_keluaran"
    assert efisiensi("sisa_persen", D(0), D(0), D(0)).problem == "tanpa_belanja_tanpa_keluaran"


def test_missing_inputs():
    assert efisiensi("rasio", None, D(10), D(5)).problem == "capaian_missing"
    assert efisiensi("selisih", D(1), None, D(5)).problem == "pagu_missing"
    assert efisiensi("selisih", D(1), D(10), None).problem == "realisasi_missing"
    assert efisiensi("selisih", D(1), D(0), D(5)).problem == "pagu_zero"
    with pytest.raises(ValueError):
        efisiensi("mixed", D(1), D(1), D(1))


def test_custom_thresholds():
    custom = Scale("c", "c", (Band("Hemat", D(10), True, None, False),
                              Band("Biasa", None, False, D(10), False)))
    assert efisiensi("sisa_persen", None, D(100), D(80), custom).kategori == "Hemat"
    assert efisiensi("selisih", D(100), D(100), D(90), "rasio_1").kategori == "Efisien"


def test_serapan_is_the_one_percentage():
    # serapan = realisasi / pagu × 100: the same function as every other percentage
    assert percent(D(2), D(8)) == 25
    assert percent(D(2), D(0)) is None
