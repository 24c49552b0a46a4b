"""checks.compare.same_statement: two typed cells stating one value at two precisions (the PK's
realisasi 95,5 and the Rencana Aksi's 95,45 for 95,4545), as the rounding policy accepts a typed
value against a computed one."""
from decimal import Decimal as D
from types import SimpleNamespace

import pytest

from lkjip_xl.checks.compare import same_statement


@pytest.mark.parametrize("a, b", [(D("95.5"), D("95.45")), (D("86.94"), D("86.9")), (D("95"), D("95.45")),
                                  (4, D("4.00")), ("B", " b ")])
def test_one_value_at_two_precisions(a, b):
    assert same_statement(a, b) and same_statement(b, a)


@pytest.mark.parametrize("a, b", [(D("96"), D("95.45")), (D("95.4"), D("95.45")), (D("68.94"), D("86.94")),
                                  (None, D("1")), ("", "")])
def test_other_values(a, b):
    assert not same_statement(a, b)


def test_a_cut_value_is_the_same_only_where_the_office_truncates():
    assert not same_statement(D("95.4"), D("95.46"))
    assert same_statement(D("95.4"), D("95.46"), SimpleNamespace(rounding="truncate"))
