from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkjip_xl.calc.budget import (
    BudgetRow, amount_problems, build_tree, code_parts, iter_nodes, level_of,
    normalise_code, parent_code, persen, persen_sisa, rollup_mismatches, sisa,
    sum_amounts,
)
from lkjip_xl.calc.decimals import compare_typed, round_half_up
from lkjip_xl.calc.numbers_id import parse_number


@pytest.mark.parametrize("code, level, parent", [
    ("01", "program", None),
    ("01.02", "kegiatan", "01"),
    ("01.02.05", "sub_kegiatan", "01.02"),
    ("7.01.01", "program", None),
    ("7.01.01.2.01", "kegiatan", "7.01.01"),
    ("7.01.01.2.01.0001", "sub_kegiatan", "7.01.01.2.01"),
    ("1.01.01.2.01.01", "sub_kegiatan", "1.01.01.2.01"),
    ("X.XX.01", "program", None),
    (" 01.02. ", "kegiatan", "01"),
    ("7.01.01.2", None, None),
    ("01.02.03.04", None, None),
    ("abc", None, None),
    ("", None, None),
])
def test_levels_and_parents(code, level, parent):
    assert level_of(code) == level
    assert parent_code(code) == parent


def test_code_parts():
    assert code_parts("7.01.01.2.01.0001") == ("7", "01", "01", "2", "01", "0001")
    assert normalise_code(" 01.02 ") == "01.02"
    with pytest.raises(ValueError):
        code_parts("01..02")
    with pytest.raises(ValueError):
        code_parts("Program 1")


def test_identities_medang_kampai():
    # Kegiatan Pemberdayaan Kelurahan: printed 98,45, recomputed 98,37 (L1340)
    p = persen(D(990555000), D(1006979000))
    assert round_half_up(p, 2) == D("98.37") and compare_typed(p, D("98.45")) is None
    # Pembangunan Sarpras: printed 98,36 vs 97,96 (L1341)
    p = persen(D(727806000), D(742996000))
    assert round_half_up(p, 2) == D("97.96") and compare_typed(p, D("98.36")) is None
    # sisa printed 1.000 where 10.000.000 - 9.990.000 = 10.000 (L1349)
    s = sisa(D(10000000), D(9990000))
    printed = parse_number("1.000")
    assert s == 10000 and s not in printed.readings
    # Total: 8.876.182.851,58 of 9.054.048.938 = 98,0355: 98,04 and 98,03 both occur
    p = persen(parse_number("8.876.182.851,58").value, parse_number("9.054.048.938,00").value)
    assert compare_typed(p, D("98.04")) == "half_up"
    assert compare_typed(p, D("98.03")) == "truncated"
    assert sisa(D(9054048938), D("8876182851.58")) == D("177866086.42")
    # efisiensi % total printed 1,97, recomputed 1,96
    assert compare_typed(persen_sisa(D(9054048938), D("8876182851.58")), D("1.97")) is None
    # sisa of Pemeliharaan printed 15.829.895,00 (sen dropped)
    assert sisa(D(212416000), D("196586104.58")) == D("15829895.42")
    assert compare_typed(D("15829895.42"), D("15829895.00")) is None


def test_persen_edges():
    assert persen(D(5), D(0)) is None
    assert persen(D(5), None) is None
    assert persen(None, D(5)) is None
    assert sisa(None, D(1)) is None
    assert persen_sisa(D(0), D(0)) is None
    assert persen(1, 8) == D("12.5")


def test_amount_problems():
    assert amount_problems(D(100), D(120)) == ["realisasi_over_pagu"]
    assert amount_problems(D(-1), D(0)) == ["negative_pagu"]
    assert amount_problems(D(10), D(-1)) == ["negative_realisasi"]
    assert amount_problems(None, D(1)) == []


def mk(code, row, pagu, real=None):
    return BudgetRow(code, row, {"pagu": pagu, "realisasi": real})


def medang_kampai_programs():
    """Lampiran L1290-1367 with codes added (programs 2 and 3 in full)."""
    return [
        mk("01", 1, D(7657524658), D("7504381601.58")),
        mk("02", 10, D(370107770), D(343476831)),          # printed, wrong
        mk("02.01", 11, D(152218380), D(144585850)),
        mk("02.01.01", 12, D(152218380), D(144585850)),
        mk("02.03", 13, D(30456100), D(30456100)),
        mk("02.03.01", 14, D(30456100), D(30456100)),
        mk("03", 20, D(1106979000), D(1089888500)),
        mk("03.01", 21, D(1006979000), D(990555000)),
        mk("03.01.01", 22, D(742996000), D(727806000)),
        mk("03.01.02", 23, D(257004000), D(255770000)),
        mk("03.01.03", 24, D(6979000), D(6979000)),
        mk("03.02", 25, D(100000000), D(99333500)),
        mk("03.02.01", 26, D(20000000), D(19347300)),
        mk("03.02.02", 27, D(20000000), D(19996200)),
        mk("03.02.03", 28, D(50000000), D(50000000)),
        mk("03.02.04", 29, D(10000000), D(9990000)),
        mk("04", 30, D(104370800), D(104370800)),
        mk("05", 40, D(2500000), D(2500000)),
    ]


def test_medang_kampai_program_2_rollup():
    roots, problems = build_tree(medang_kampai_programs())
    assert [r.code for r in roots] == ["01", "02", "03", "04", "05"]
    mismatches = rollup_mismatches(roots, ["pagu", "realisasi"])
    assert mismatches == [
        (10, "pagu", D(182674480), D(370107770)),
        (10, "realisasi", D(175041950), D(343476831)),
    ]
    # programs with no kegiatan in this excerpt are reported
    assert {p.code for p in problems if p.kind == "program_without_kegiatan"} == {
        "01", "04", "05"}
    printed_total = D(9054048938)
    assert sum_amounts(roots, "pagu") != printed_total
    roots[1].amounts = {"pagu": D(182674480)}
    assert sum_amounts(roots, "pagu") == printed_total


def test_medan_amplas_2022_kegiatan_02_01():
    rows = [
        mk("02.01", "L2950", D(253300000), D(240426500)),
        mk("02.01.01", "L2994", D(253300000), D(214828700)),
    ]
    roots, problems = build_tree([mk("02", "L2900", None, None)] + rows)
    mm = rollup_mismatches(roots, ["pagu", "realisasi"])
    # a blank parent row is reported with found=None (callers may filter these)
    assert mm == [
        ("L2900", "pagu", D(253300000), None),
        ("L2900", "realisasi", D(240426500), None),
        ("L2950", "realisasi", D(214828700), D(240426500)),
    ]
    assert D(240426500) - D(214828700) == D(25597800)
    roots, _ = build_tree([mk("02", "P", D(253300000), D(240426500))] + rows)
    assert rollup_mismatches(roots, ["pagu", "realisasi"]) == [
        ("L2950", "realisasi", D(214828700), D(240426500))]


def test_medan_amplas_2023_wrong_parent_and_duplicate():
    rows = [
        mk("01", "p", None, None),
        mk("01.01", "k1", D(10), D(10)),
        mk("01.01.01", "s1", D(10), D(10)),
        mk("01.02", "k2", D(508512472), D(506219200)),
        mk("01.02.01", "s2", D(387227000), D(386242000)),
        mk("01.01.02", "s3", D(121285472), D(119977200)),   # under 01.02 in the sheet
        mk("01.03", "k3", D(2), D(2)),
        mk("01.03.04", "s4", D(1), D(1)),
        mk("01.03.04", "s5", D(1), D(1)),                    # duplicated
    ]
    roots, problems = build_tree(rows)
    kinds = {(p.kind, p.row_id) for p in problems}
    assert ("wrong_parent", "s3") in kinds
    assert ("duplicate_code", "s5") in kinds
    dup = next(p for p in problems if p.kind == "duplicate_code")
    assert dup.other_row_id == "s4"
    wrong = next(p for p in problems if p.kind == "wrong_parent")
    assert wrong.other_row_id == "k2" and "01.01" in wrong.detail
    k2 = next(n for n in iter_nodes(roots) if n.row_id == "k2")
    assert [c.row_id for c in k2.children] == ["s2", "s3"]      # kept where typed
    # the printed 2023 sums hold with the physical layout
    fields = ["pagu", "realisasi"]
    assert [m for m in rollup_mismatches(roots, fields) if m[0] != "p"] == []


def test_orphans_and_invalid_codes():
    rows = [
        ("01", 1, {}),
        ("01.01", 2, {}),
        ("01.05.01", 3, {}),      # 01.05 not present anywhere
        ("02.01", 4, {}),         # program 02 missing
        ("Jumlah", 5, {}),
        ("01.02.03", 6, {}),      # 01.02 missing -> orphan, not wrong_parent
    ]
    roots, problems = build_tree(rows)
    kinds = [(p.kind, p.row_id) for p in problems]
    assert ("orphan", 3) in kinds and ("orphan", 4) in kinds and ("orphan", 6) in kinds
    assert ("invalid_code", 5) in kinds
    assert not any(k == "wrong_parent" for k, _ in kinds)
    orphan4 = next(n for n in iter_nodes(roots) if n.row_id == 4)
    assert orphan4.parent.row_id == 1   # stays under the row above it


def test_sub_kegiatan_without_kegiatan_in_program():
    rows = [("01", 1, {}), ("01.01", 2, {}), ("02", 3, {}), ("01.01.05", 4, {})]
    roots, problems = build_tree(rows)
    p = next(p for p in problems if p.row_id == 4)
    assert p.kind == "wrong_parent" and p.other_row_id == 3
    assert ("program_without_kegiatan", 3) in {(q.kind, q.row_id) for q in problems}


def test_national_codes_tree():
    rows = [
        ("7.01.01", "P", {"pagu": 300}),
        ("7.01.01.2.01", "K", {"pagu": 300}),
        ("7.01.01.2.01.0001", "S1", {"pagu": 100}),
        ("7.01.01.2.01.0002", "S2", {"pagu": 200}),
    ]
    roots, problems = build_tree(rows)
    assert problems == []
    assert rollup_mismatches(roots, ["pagu"]) == []


def test_rollup_skips_none_children():
    rows = [("01", "P", {"pagu": 5}), ("01.01", "K", {"pagu": None}),
            ("01.01.01", "S", {"pagu": None})]
    roots, _ = build_tree(rows)
    assert rollup_mismatches(roots, ["pagu"]) == []
    rows = [("01", "P", {"pagu": 5}), ("01.01", "K1", {"pagu": 3}),
            ("01.02", "K2", {"pagu": None})]
    roots, _ = build_tree(rows)
    assert rollup_mismatches(roots, ["pagu"]) == [("P", "pagu", D(3), D(5))]


def test_program_only_table_is_fine():
    roots, problems = build_tree([("01", 1, {}), ("02", 2, {})])
    assert len(roots) == 2 and problems == []


def test_float_amounts_sum_exactly():
    rows = [("01", "P", {"r": 0.3}), ("01.01", "a", {"r": 0.1}), ("01.02", "b", {"r": 0.2})]
    roots, _ = build_tree(rows)
    assert rollup_mismatches(roots, ["r"]) == []


@given(st.lists(st.lists(st.integers(min_value=0, max_value=10**12), min_size=1,
                         max_size=4), min_size=1, max_size=5))
def test_consistent_tree_has_no_mismatch(programs):
    rows = []
    for i, subs in enumerate(programs, start=1):
        rows.append((f"{i:02d}", f"P{i}", {"pagu": sum(subs)}))
        rows.append((f"{i:02d}.01", f"K{i}", {"pagu": sum(subs)}))
        for j, amount in enumerate(subs, start=1):
            rows.append((f"{i:02d}.01.{j:02d}", f"S{i}.{j}", {"pagu": amount}))
    roots, problems = build_tree(rows)
    assert problems == []
    assert rollup_mismatches(roots, ["pagu"]) == []
    assert sum_amounts(roots, "pagu") == sum(map(sum, programs))
