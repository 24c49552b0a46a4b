from decimal import Decimal as D

import pytest

from lkjip_xl.calc.typos import SLIP_KINDS, digit_slip, slip_candidates


@pytest.mark.parametrize("expected, found, kind", [
    (D(1089888500), D(1809888500), "transposition"),   # Medang Kampai Tabel 2.8
    (D(9054048938), D(8054048938), "one_digit"),       # executive summary total
    (D(10000), D(1000), "dropped_digit"),              # sisa printed 1.000
    (D(1000), D(10000), "extra_digit"),
    (D(5), D(-5), "sign"),
    (D("98.37"), D("98.45"), None),
    (D(190456100), D(176052100), None),
    (D(7), D(7), None),
    (D("1.5"), D("1.50"), None),
    (D("82.15"), D("82.5"), "dropped_digit"),            # a decimal dropped: compared as typed
    (D("82.15"), D("82.51"), "transposition"),
    (D("95"), D("0.95"), "fraction"),                    # a percentage typed as a fraction
    (D("100000000"), D("99999999"), None),               # a borrow changes every digit: not one slip
])
def test_digit_slip(expected, found, kind):
    assert digit_slip(expected, found) == kind
    assert kind is None or kind in SLIP_KINDS


@pytest.mark.parametrize("found, meant", [
    (D(18000000), D(180000000)), (D("82.5"), D("82.15")), (D("82.51"), D("82.15")), (D(-7), D(7)),
    (D("0.9"), D(90)), (D(8054048938), D(9054048938)),
])
def test_slip_candidates_hold_the_value_meant(found, meant):
    candidates = slip_candidates(found)
    assert meant in candidates
    assert all(digit_slip(c, found) is not None for c in candidates) and found not in candidates
