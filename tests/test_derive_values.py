"""The derived workbook of the valid workbook, against values computed here by hand from its data
with plain Decimal arithmetic (not from lkjip-xl): every computed column of every row, the SKM
result block, and the budget tree's sums. The same values come out of the data (what the template
writer caches) and out of the written and read file (what check and the annex use)."""
from __future__ import annotations

from decimal import Decimal as D, localcontext

import pytest

from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.derive import derive_data
from lkjip_xl.template.fill import write_filled
from valid_workbook import valid_data


def pct(part, whole):
    with localcontext() as ctx:
        ctx.prec = 28
        return D(part) * 100 / D(whole)


def kriteria(x):  # Permendagri 86/2017, written out
    return ("Sangat Tinggi" if x > 90 else "Tinggi" if x > 75 else "Sedang" if x > 65
            else "Rendah" if x > 50 else "Sangat Rendah")


def expected(data):
    t = data["tables"]
    out = {"realisasi": [], "pk_indikator": [], "pk_komponen": []}
    for r in t["realisasi"]:
        pagu = r["pagu_perubahan"] if r.get("pagu_perubahan") is not None else r["pagu_murni"]
        keluaran = (pct(r["realisasi_keluaran"], r["target_keluaran"])
                    if r.get("target_keluaran") is not None else None)
        out["realisasi"].append({"persen_realisasi": pct(r["realisasi"], pagu), "sisa": pagu - r["realisasi"],
                                 "persen_keluaran": keluaran})
    for r in t["pk_indikator"]:
        t_, r_ = r["target"], r["realisasi"]
        cap = pct(2 * t_ - r_, t_) if r["arah"] == "turun" else pct(r_, t_)
        kemajuan = pct(r_, r["target_renstra"]) if r.get("target_renstra") is not None else None
        out["pk_indikator"].append({"capaian": cap, "kriteria": kriteria(cap), "kemajuan": kemajuan})
    for r in t["pk_komponen"]:
        out["pk_komponen"].append({"nilai": pct(r["pembilang"], r["penyebut"])})
    # SKM: U1..U8 20 × 4 + 20 × 3 of 40 = 3,5; U9 12 × 4 + 28 × 3 = 132 / 40 = 3,3
    nrr = [D("3.5")] * 8 + [D("3.3")]
    with localcontext() as ctx:
        ctx.prec = 28
        out["skm_unsur"] = [{"nrr": n, "nrr_tertimbang": n * (D(1) / D(9)), "mutu": "B" if n < D("3.5324") else "A"}
                            for n in nrr]
        raw = sum(nrr) * 25 / 9
    out["skm_hasil"] = {"jumlah_tertimbang": raw / 25, "ikm_tanpa_pembulatan": raw, "ikm": D("86.94"),
                        "mutu": "B", "kinerja": "Baik"}
    return out


def close(a, b):
    if isinstance(a, str) or a is None or isinstance(b, str) or b is None:
        return a == b
    return abs(D(a) - D(b)) < D("1e-20")


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    path = tmp_path_factory.mktemp("d") / "valid.xlsx"
    write_filled(path, valid_data())
    return check_workbook(path).context.wb


@pytest.mark.parametrize("source", ["data", "file"])
def test_every_derived_value_is_the_hand_computed_one(source, checked):
    want = expected(valid_data())
    wb = derive_data(valid_data()) if source == "data" else checked
    for key in ("realisasi", "pk_indikator", "pk_komponen", "skm_unsur"):
        got = wb.rows(key)
        assert len(got) == len(want[key]), key
        for i, (g, w) in enumerate(zip(got, want[key])):
            for col, value in w.items():
                assert close(g[col], value), (key, i, col, g[col], value)
    got = wb.fields("skm_hasil")
    assert all(close(got[k], v) for k, v in want["skm_hasil"].items()), got


def test_the_budget_tree_sums_by_hand(checked):
    rows = [r for r in valid_data()["tables"]["realisasi"] if r["kode"]]
    tree = checked.budget
    for line in tree.lines:
        kids = [r for r in rows if r["kode"].startswith(line.code + ".") and r["kode"].count(".") == line.code.count(".") + 1]
        if not kids:
            continue
        assert line.children_sum("realisasi").value == sum(r["realisasi"] for r in kids)
        assert line.children_sum("pagu_murni").value == sum(r["pagu_murni"] for r in kids)
        assert line.shown_pagu == line.pagu == sum(r["pagu_perubahan"] for r in kids)
    assert tree.total_pagu == 1_770_000_000 and tree.total_realisasi == 1_694_000_000
    assert tree.totals == [len(valid_data()["tables"]["realisasi"]) - 1]


def test_a_computed_value_others_use_is_the_one_typed_over_its_formula():
    from lkjip_xl.schema.data import TypedOverride

    data = valid_data()
    data["tables"]["pk_indikator"][0]["capaian"] = TypedOverride(D("70"))  # 105,83 computed
    row = derive_data(data).rows("pk_indikator")[0]
    assert close(row["capaian"], pct(D("86.94"), D("82.15")))  # what the formula gives
    assert row["kriteria"] == "Sedang"  # graded from the 70 the workbook holds, as its formula does
