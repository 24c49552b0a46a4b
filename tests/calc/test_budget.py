from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkjip_xl.calc.budget import (
    add_amounts, build_tree, code_parts, is_total_row, level_of, normalise_code, pagu_efektif, parent_code, sisa,
)
from lkjip_xl.derive.budget import build_budget
from lkjip_xl.calc.decimals import compare_typed, percent, round_half_up
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
    p = percent(D(990555000), D(1006979000))
    assert round_half_up(p, 2) == D("98.37") and compare_typed(p, D("98.45")) is None
    # Pembangunan Sarpras: printed 98,36 vs 97,96 (L1341)
    p = percent(D(727806000), D(742996000))
    assert round_half_up(p, 2) == D("97.96") and compare_typed(p, D("98.36")) is None
    # sisa printed 1.000 where 10.000.000 - 9.990.000 = 10.000 (L1349)
    s = sisa(D(10000000), D(9990000))
    printed = parse_number("1.000")
    assert s == 10000 and s not in printed.readings
    # Total: 8.876.182.851,58 of 9.054.048.938 = 98,0355: 98,04 and 98,03 both occur
    p = percent(parse_number("8.876.182.851,58").value, parse_number("9.054.048.938,00").value)
    assert compare_typed(p, D("98.04")) == "half_up"
    assert compare_typed(p, D("98.03")) == "truncated"
    assert sisa(D(9054048938), D("8876182851.58")) == D("177866086.42")
    # efisiensi % total printed 1,97, recomputed 1,96
    assert compare_typed(percent(sisa(D(9054048938), D("8876182851.58")), D(9054048938)), D("1.97")) is None
    # sisa of Pemeliharaan printed 15.829.895,00 (sen dropped)
    assert sisa(D(212416000), D("196586104.58")) == D("15829895.42")
    assert compare_typed(D("15829895.42"), D("15829895.00")) is None


def test_percent_edges():
    assert percent(D(5), D(0)) is None
    assert percent(D(5), None) is None
    assert percent(None, D(5)) is None
    assert sisa(None, D(1)) is None
    assert percent(sisa(D(0), D(0)), D(0)) is None
    assert percent(1, 8) == D("12.5")


def test_pagu_efektif_and_sums():
    assert pagu_efektif(D(100), D(120)) == D(120)
    assert pagu_efektif(D(100), None) == D(100)  # a blank perubahan means unchanged, never 0
    assert pagu_efektif(None, None) is None
    assert add_amounts([None, None]) is None  # nothing reported is not 0
    assert add_amounts([D("0.1"), D("0.2"), None]) == D("0.3")
    assert add_amounts([1, D(2)]) == 3 and type(add_amounts([1, D(2)])) is int


@pytest.mark.parametrize("code, uraian, total", [
    (None, "JUMLAH", True), (None, "T O T A L", True), ("", "Jumlah Total", True), (None, "total belanja", True),
    ("01", "TOTAL", False), (None, "Program Jumlah", False), (None, None, False),
])
def test_total_row(code, uraian, total):
    assert is_total_row(code, uraian) is total


def rows(*items):
    """Realisasi rows for the derived budget tree: (kode, pagu, realisasi)."""
    return [{"kode": k, "uraian": f"row {k}", "pagu_murni": p, "realisasi": r} for k, p, r in items]


def line(tree, code):
    return next(x for x in tree.lines if x.code == code)


def medang_kampai_programs():
    """Lampiran L1290-1367 with codes added (programs 2 and 3 in full)."""
    return rows(
        ("01", D(7657524658), D("7504381601.58")),
        ("02", D(370107770), D(343476831)),          # printed, wrong
        ("02.01", D(152218380), D(144585850)),
        ("02.01.01", D(152218380), D(144585850)),
        ("02.03", D(30456100), D(30456100)),
        ("02.03.01", D(30456100), D(30456100)),
        ("03", D(1106979000), D(1089888500)),
        ("03.01", D(1006979000), D(990555000)),
        ("03.01.01", D(742996000), D(727806000)),
        ("03.01.02", D(257004000), D(255770000)),
        ("03.01.03", D(6979000), D(6979000)),
        ("03.02", D(100000000), D(99333500)),
        ("03.02.01", D(20000000), D(19347300)),
        ("03.02.02", D(20000000), D(19996200)),
        ("03.02.03", D(50000000), D(50000000)),
        ("03.02.04", D(10000000), D(9990000)),
        ("04", D(104370800), D(104370800)),
        ("05", D(2500000), D(2500000)),
    )


def test_medang_kampai_program_2_rollup():
    tree = build_budget(medang_kampai_programs())
    assert [r.code for r in tree.roots] == ["01", "02", "03", "04", "05"]
    p2 = line(tree, "02")
    assert (p2.children_sum("pagu").value, p2.amounts["pagu_murni"]) == (D(182674480), D(370107770))
    assert (p2.children_sum("realisasi").value, p2.amounts["realisasi"]) == (D(175041950), D(343476831))
    p3 = line(tree, "03")  # every other roll-up holds
    assert p3.children_sum("pagu").value == p3.pagu and p3.children_sum("realisasi").value == p3.amounts["realisasi"]
    # programs with no kegiatan in this excerpt are reported
    assert {p.code for p in tree.problems if p.kind == "program_without_kegiatan"} == {"01", "04", "05"}
    printed_total = D(9054048938)
    assert add_amounts(p.pagu for p in tree.programs) != printed_total
    assert tree.total_pagu == printed_total  # what the report prints: programme 2 as Σ of its kegiatan
    assert tree.total_sum("pagu").value == add_amounts(p.pagu for p in tree.programs)


def test_medan_amplas_2022_kegiatan_02_01():
    tree = build_budget(rows(("02", None, None), ("02.01", D(253300000), D(240426500)),
                             ("02.01.01", D(253300000), D(214828700))))
    p, k = line(tree, "02"), line(tree, "02.01")
    # a blank parent: its children's sums are there, the parent holds nothing
    assert (p.children_sum("pagu").value, p.pagu) == (D(253300000), None)
    assert (k.children_sum("realisasi").value, k.amounts["realisasi"]) == (D(214828700), D(240426500))
    assert k.children_sum("pagu").value == k.pagu
    assert D(240426500) - D(214828700) == D(25597800)
    # the report prints the parent as the sum of its child
    assert (k.shown_pagu, k.shown_realisasi, k.shown_sisa) == (D(253300000), D(214828700), D(38471300))


def test_medan_amplas_2023_wrong_parent_and_duplicate():
    tree = build_budget(rows(
        ("01", None, None),
        ("01.01", D(10), D(10)),
        ("01.01.01", D(10), D(10)),
        ("01.02", D(508512472), D(506219200)),
        ("01.02.01", D(387227000), D(386242000)),
        ("01.01.02", D(121285472), D(119977200)),   # under 01.02 in the sheet
        ("01.03", D(2), D(2)),
        ("01.03.04", D(1), D(1)),
        ("01.03.04", D(1), D(1)),                    # duplicated
    ))
    kinds = {(p.kind, p.row_id) for p in tree.problems}
    assert ("wrong_parent", 5) in kinds and ("duplicate_code", 8) in kinds
    assert next(p for p in tree.problems if p.kind == "duplicate_code").other_row_id == 7
    wrong = next(p for p in tree.problems if p.kind == "wrong_parent")
    assert wrong.other_row_id == 3 and "01.01" in wrong.detail
    k2 = tree.lines[3]
    assert [c.index for c in k2.children] == [4, 5]      # kept where typed
    assert [c.occurrence for c in tree.lines if c.code == "01.03.04"] == [0, 1]
    # the printed 2023 sums hold with the physical layout
    for x in tree.lines[1:]:
        if x.children:
            assert x.children_sum("pagu").value == x.pagu and x.children_sum("realisasi").value == x.amounts["realisasi"]


def test_orphans_and_invalid_codes():
    items = [
        ("01", 1, {}),
        ("01.01", 2, {}),
        ("01.05.01", 3, {}),      # 01.05 not present anywhere
        ("02.01", 4, {}),         # program 02 missing
        ("Jumlah", 5, {}),
        ("01.02.03", 6, {}),      # 01.02 missing -> orphan, not wrong_parent
    ]
    roots, problems = build_tree(items)
    kinds = [(p.kind, p.row_id) for p in problems]
    assert ("orphan", 3) in kinds and ("orphan", 4) in kinds and ("orphan", 6) in kinds
    assert ("invalid_code", 5) in kinds
    assert not any(k == "wrong_parent" for k, _ in kinds)
    assert roots[0].row_id == 1 and 4 in [n.row_id for n in roots[0].children]  # stays under the row above it


def test_sub_kegiatan_without_kegiatan_in_program():
    items = [("01", 1, {}), ("01.01", 2, {}), ("02", 3, {}), ("01.01.05", 4, {})]
    roots, problems = build_tree(items)
    p = next(p for p in problems if p.row_id == 4)
    assert p.kind == "wrong_parent" and p.other_row_id == 3
    assert ("program_without_kegiatan", 3) in {(q.kind, q.row_id) for q in problems}


def test_national_codes_tree():
    tree = build_budget(rows(
        ("7.01.01", 300, None),
        ("7.01.01.2.01", 300, None),
        ("7.01.01.2.01.0001", 100, None),
        ("7.01.01.2.01.0002", 200, None),
    ))
    assert tree.problems == []
    assert [x.children_sum("pagu").value for x in tree.lines[:2]] == [300, 300]


def test_sums_skip_blank_children_and_say_which():
    tree = build_budget(rows(("01", 5, None), ("01.01", None, None), ("01.01.01", None, None)))
    assert line(tree, "01").children_sum("pagu").value is None  # nothing to compare with
    tree = build_budget(rows(("01", 5, None), ("01.01", 3, None), ("01.02", None, None)))
    s = line(tree, "01").children_sum("pagu")
    assert (s.value, s.missing, s.complete) == (3, (2,), False)
    assert line(tree, "01").shown_pagu == 5  # an incomplete sum is never printed as the parent's amount


def test_program_only_table_is_fine():
    roots, problems = build_tree([("01", 1, {}), ("02", 2, {})])
    assert len(roots) == 2 and problems == []


def test_float_amounts_sum_exactly():
    tree = build_budget([{"kode": "01", "realisasi": 0.3}, {"kode": "01.01", "realisasi": 0.1},
                         {"kode": "01.02", "realisasi": 0.2}])
    assert line(tree, "01").children_sum("realisasi").value == D("0.3") == line(tree, "01").amounts["realisasi"]


@given(st.lists(st.lists(st.integers(min_value=0, max_value=10**12), min_size=1,
                         max_size=4), min_size=1, max_size=5))
def test_consistent_tree_has_no_mismatch(programs):
    items = []
    for i, subs in enumerate(programs, start=1):
        items.append((f"{i:02d}", sum(subs), None))
        items.append((f"{i:02d}.01", sum(subs), None))
        for j, amount in enumerate(subs, start=1):
            items.append((f"{i:02d}.01.{j:02d}", amount, None))
    tree = build_budget(rows(*items))
    assert tree.problems == []
    assert all(x.children_sum("pagu").value == x.pagu for x in tree.lines if x.children)
    assert tree.total_pagu == sum(map(sum, programs))
