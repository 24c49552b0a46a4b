from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkjip_xl.calc.scales import (
    PRESETS, Band, Scale, grade, normalise_printed_integer_bands, scale_from_rows,
    validate_scale,
)


def label(scale, x):
    band = grade(scale, D(x))
    return band and band.label


def code(scale, x):
    band = grade(scale, D(x))
    return band and band.code


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_presets_have_no_gaps_or_overlaps(name):
    assert validate_scale(PRESETS[name]) == []
    assert PRESETS[name].name == name


@pytest.mark.parametrize("x, expected", [
    ("125", "Sangat Tinggi"), ("90.01", "Sangat Tinggi"), ("90", "Tinggi"),
    ("75.01", "Tinggi"), ("75", "Sedang"), ("65", "Rendah"), ("50", "Sangat Rendah"),
    ("-10", "Sangat Rendah"),
])
def test_permendagri86(x, expected):
    assert label("permendagri86", x) == expected


@pytest.mark.parametrize("x, expected", [
    ("85", "Sangat Berhasil"), ("117", "Sangat Berhasil"), ("84.99", "Berhasil"),
    ("70", "Berhasil"), ("69.99", "Cukup Berhasil"), ("55", "Cukup Berhasil"),
    ("54.99", "Tidak Berhasil"),
])
def test_atribut_capaian(x, expected):
    assert label("atribut_capaian", x) == expected


@pytest.mark.parametrize("x, expected", [
    ("100", "AA"), ("90.01", "AA"), ("90", "A"), ("80", "BB"), ("70", "B"),
    ("66.50", "B"),  # Medan Baru nilai SAKIP B(66,50)
    ("60", "CC"), ("50", "C"), ("30", "D"), ("0", "D"), ("100.01", None), ("-1", None),
])
def test_sakip88(x, expected):
    assert code("sakip88", x) == expected


def test_sakip88_labels():
    assert label("sakip88", "95") == "Sangat Memuaskan"
    assert label("sakip88", "55") == "Cukup (Memadai)"


@pytest.mark.parametrize("x, expected", [
    ("88.31", "A"), ("88.30", "B"), ("65.00", "C"), ("64.99", "D"), ("76.61", "B"),
    ("76.60", "C"), ("76.605", "C"), ("100.00", "A"), ("25.00", "D"), ("24.99", None),
    ("86.89", "B"), ("86.80", "B"),
])
def test_skm_mutu(x, expected):
    assert code("skm_mutu", x) == expected


@pytest.mark.parametrize("x, expected", [
    ("1.00", "D"), ("2.5996", "D"), ("2.5999", "D"), ("2.60", "C"), ("3.064", "C"),
    ("3.0642", "C"), ("3.0644", "B"), ("3.532", "B"), ("3.5324", "A"), ("4.00", "A"),
    ("3.41", "B"), ("3.40", "B"),
])
def test_skm_mutu_nrr(x, expected):
    assert code("skm_mutu_nrr", x) == expected


@given(st.integers(min_value=2500, max_value=10000))
def test_every_two_decimal_ikm_has_exactly_one_band(hundredths):
    x = D(hundredths) / 100
    assert sum(b.contains(x) for b in PRESETS["skm_mutu"].bands) == 1


@given(st.decimals(min_value=-1000, max_value=1000, allow_nan=False, places=3))
def test_unbounded_presets_cover_everything(x):
    for name in ("permendagri86", "atribut_capaian"):
        assert sum(b.contains(x) for b in PRESETS[name].bands) == 1


def test_validate_detects_gap_overlap_empty():
    scale = Scale("t", "t", (
        Band("A", D(91), True, D(100), True),
        Band("B", D(76), True, D(90), True),       # gap 90..91
        Band("C", D(60), True, D(80), True),       # overlaps B
        Band("E", D(10), True, D(5), True),        # empty
        Band("F", D(50), False, D(50), True),      # empty (single open point)
    ))
    kinds = sorted((p.kind, p.between) for p in validate_scale(scale))
    assert ("empty_band", ("E", "E")) in kinds
    assert ("empty_band", ("F", "F")) in kinds
    assert ("gap", ("B", "A")) in kinds
    assert ("overlap", ("C", "B")) in kinds


def test_validate_point_overlap_and_point_gap():
    touching = Scale("t", "t", (Band("lo", D(0), True, D(50), True),
                                Band("hi", D(50), True, D(100), True)))
    assert [p.kind for p in validate_scale(touching)] == ["overlap"]
    open_both = Scale("t", "t", (Band("lo", D(0), True, D(50), False),
                                 Band("hi", D(50), False, D(100), True)))
    assert [p.kind for p in validate_scale(open_both)] == ["gap"]


def test_validate_nested_overlap():
    scale = Scale("t", "t", (Band("wide", D(0), True, D(100), True),
                             Band("a", D(10), True, D(20), False),
                             Band("b", D(20), True, D(30), False)))
    overlaps = [p.between for p in validate_scale(scale) if p.kind == "overlap"]
    assert ("wide", "a") in overlaps and ("wide", "b") in overlaps


def printed_permendagri():
    return scale_from_rows("ketik", [
        ("Sangat Tinggi", "", "91", "ya", "100", "ya"),
        ("Tinggi", "", "76", "ya", "90", "ya"),
        ("Sedang", "", "66", "ya", "75", "ya"),
        ("Rendah", "", "51", "ya", "65", "ya"),
        ("Sangat Rendah", "", "0", "ya", "50", "ya"),
    ])


def test_printed_integer_bands_have_gaps_and_normalise_upper():
    printed = printed_permendagri()
    assert len([p for p in validate_scale(printed) if p.kind == "gap"]) == 4
    fixed, note = normalise_printed_integer_bands(printed)
    assert validate_scale(fixed) == []
    assert "half-open" in note and "90–91" in note
    assert label(fixed, "90.5") == "Sangat Tinggi"   # 90 < x: Permendagri reading
    assert label(fixed, "90") == "Tinggi"
    assert [b.label for b in fixed.bands] == [b.label for b in printed.bands]


def test_printed_bands_normalise_lower():
    fixed, _ = normalise_printed_integer_bands(printed_permendagri(), close="lower")
    assert validate_scale(fixed) == []
    assert label(fixed, "90.5") == "Tinggi"
    assert label(fixed, "91") == "Sangat Tinggi"


def test_printed_skm_table_normalises_to_preset():
    printed = scale_from_rows("skm", [
        ("Sangat Baik", "A", "88,31", True, "100,00", True),
        ("Baik", "B", "76,61", True, "88,30", True),
        ("Kurang Baik", "C", "65,00", True, "76,60", True),
        ("Tidak Baik", "D", "25,00", True, "64,99", True),
    ])
    fixed, note = normalise_printed_integer_bands(printed, close="lower", max_gap=D("0.01"))
    assert note
    assert fixed.bands == PRESETS["skm_mutu"].bands


def test_normalise_leaves_clean_scale_alone():
    scale = PRESETS["permendagri86"]
    assert normalise_printed_integer_bands(scale) == (scale, None)
    with pytest.raises(ValueError):
        normalise_printed_integer_bands(scale, close="middle")


def test_scale_from_rows_forms():
    scale = scale_from_rows("x", [
        {"label": "Tinggi", "code": "T", "lower": 75, "lower_inclusive": ">",
         "upper": None, "upper_inclusive": None},
        ("Rendah", "R", "", None, "75", "<="),
        ("Nol", "N", "-", "tidak", 0.5, False),
    ], title="Uji")
    assert scale.title == "Uji"
    t, r, n = scale.bands
    assert (t.lower, t.lower_inclusive, t.upper) == (D(75), False, None)
    assert (r.lower, r.upper, r.upper_inclusive) == (None, D(75), True)
    assert (n.lower, n.upper, n.upper_inclusive) == (None, D("0.5"), False)


def test_scale_from_rows_rejects_bad_values():
    with pytest.raises(ValueError, match="ambiguous"):
        scale_from_rows("x", [("A", "", "1.500", True, None, True)])
    with pytest.raises(ValueError):
        scale_from_rows("x", [("A", "", "1", "mungkin", None, True)])
