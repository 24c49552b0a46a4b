"""The valid workbook gives no finding at all; its IKM is the one computed by hand."""
from decimal import Decimal

from helpers import errors
from valid_workbook import SKM_IKM


def test_valid_workbook_has_no_findings(check, data):
    findings = check(data)
    assert [(f.code, f.sheet, f.cell, f.message("en")) for f in findings] == []


def test_hand_computed_ikm_matches_the_answers():
    # U1..U8: 20 answers of 4 and 20 of 3 -> 140/40 = 3,5; U9: 12 × 4 + 28 × 3 = 132 -> 3,3
    total = 8 * Decimal("3.5") + Decimal("3.3")
    assert (total / 9 * 25).quantize(Decimal("0.01")) == SKM_IKM


def test_no_errors_is_also_true_for_errors_helper(check, data):
    assert errors(check(data)) == []
