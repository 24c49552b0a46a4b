"""SKM test vectors (issue 4): IKM, grading at the boundaries, sample size, one invalid answer;
plus the services, profile and annex tables built on them."""
from decimal import Decimal as D
from fractions import Fraction

import pytest

from lkjip_xl.calc.skm import ikm_from_nrr, min_sample
from lkjip_xl.checks.skm import ikm_findings
from lkjip_xl.commands.skm import run_skm
from lkjip_xl.skm.compute import COLUMNS, compute_skm
from lkjip_xl.skm.layanan import NO_LAYANAN, group_respondents, mean_of_units, per_layanan
from lkjip_xl.skm.profile import respondent_profile, umur_band
from lkjip_xl.skm.tables import profile_tables, unsur_table

MEDAN_AMPLAS_NRR = ["3.41", "3.49", "3.48", "3.50", "3.51", "3.50", "3.51", "3.48", "3.40"]
HEADERS = ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"]


def nrrs(values):
    return {f"U{i}": D(v) for i, v in enumerate(values, start=1)}


def summary(values):
    """The workbook's summary block with typed NRRs only."""
    return compute_skm({}, [{"unsur": f"U{i}", "nrr_tertulis": D(v)} for i, v in enumerate(values, 1)])


def summary_legacy(values):
    return compute_skm({}, [{"unsur": f"U{i}", "nrr_tertulis": D(v)} for i, v in enumerate(values, 1)],
                       "legacy_0111")


# ------------------------------------------------------------------------------- IKM vectors
def test_medan_amplas_exact_weight():
    result = summary(MEDAN_AMPLAS_NRR)
    assert sum(result.nrr_by_unsur().values()) == D("31.28")
    assert result.ikm.rounded == D("86.89")
    assert round(result.ikm.unrounded, 4) == D("86.8889")
    assert (result.ikm.mutu, result.ikm.kinerja) == ("B", "Baik")


def test_medan_amplas_legacy_weight_is_labelled():
    result = summary_legacy(MEDAN_AMPLAS_NRR)
    assert result.ikm.unrounded == D("86.80200")
    assert result.ikm.rounded == D("86.80")
    assert result.ikm.mutu == "B"
    assert "0,111" in result.ikm.weight_label
    info = [f for f in ikm_findings(result, "SKM", "T23") if f.code == "SKM017"]
    assert len(info) == 1 and info[0].severity == "info"
    assert info[0].expected == D("86.89") and info[0].found == D("86.80")


def test_ikm_exactly_88_31_is_a():
    ikm = ikm_from_nrr(nrrs(["3.5324"] * 9))
    assert ikm.unrounded == D("88.31")
    assert (ikm.rounded, ikm.mutu, ikm.kinerja) == (D("88.31"), "A", "Sangat Baik")


def test_ikm_exactly_65_00_is_c():
    ikm = ikm_from_nrr(nrrs(["2.6"] * 9))
    assert ikm.unrounded == D("65")
    assert (ikm.rounded, ikm.mutu, ikm.kinerja) == (D("65.00"), "C", "Kurang Baik")


def test_unrounded_88_305_rounds_to_a_with_boundary_warning():
    result = summary(["3.5322"] * 9)
    assert result.ikm.unrounded == D("88.305")
    assert (result.ikm.rounded, result.ikm.mutu) == (D("88.31"), "A")
    assert result.ikm.near_boundary
    warning = [f for f in ikm_findings(result, "SKM", "T23") if f.code == "SKM016"]
    assert len(warning) == 1 and warning[0].severity == "warning"
    assert "88,31" in warning[0].message() and "88,305" in warning[0].message()


def test_all_answers_4_is_100_a():
    result = compute_skm({k: [4] * 25 for k in COLUMNS}, [])
    assert all(c.nrr == 4 for c in result.columns)
    assert (result.ikm.rounded, result.ikm.mutu) == (D("100.00"), "A")
    assert not result.ikm.near_boundary


def test_far_from_boundaries_no_warning():
    assert ikm_findings(summary(MEDAN_AMPLAS_NRR), "SKM", "T23") == []


@pytest.mark.parametrize("population, sample", [(60, 52), (100, 80), (1000, 278), (1_000_000, 384)])
def test_krejcie_morgan(population, sample):
    assert min_sample(population) == sample


# ----------------------------------------------------------------- one invalid answer (survey)
def _csv(path, rows, headers=HEADERS, delimiter=","):
    path.write_text("\n".join(delimiter.join(map(str, r)) for r in [headers, *rows]) + "\n", encoding="utf-8")
    return path


def test_one_invalid_answer_is_reported_and_only_it_is_excluded(tmp_path):
    rows = [[4, 3, 3, 4, 4, 3, 3, 4, 3] for _ in range(10)]
    rows[6][2] = 7  # respondent 7, U3: out of range
    report = run_skm(_csv(tmp_path / "survei.csv", rows))
    found = [(f.code, f.cell) for f in report.findings]
    assert found == [("SKM001", "C8")]  # header on row 1, respondent 7 on row 8, U3 in column C
    u3 = report.result.columns[2]
    assert (u3.unsur, u3.n, u3.total) == ("U3", 9, 27)  # n − 1 answers
    assert u3.nrr == D(3)
    assert all(c.n == 10 for c in report.result.columns if c.unsur != "U3")
    assert report.respondents == 10


def test_five_point_answers_are_rejected_not_rescaled(tmp_path):
    rows = [[5, 4, 4, 4, 4, 4, 4, 4, 4], [1, 4, 4, 4, 4, 4, 4, 4, 4], [5, 4, 4, 4, 4, 4, 4, 4, 4]]
    report = run_skm(_csv(tmp_path / "s.csv", rows))
    assert [(f.code, f.cell, f.severity) for f in report.findings] == [("SKM004", "A2", "error")]
    assert (report.result.columns[0].n, report.result.columns[0].nrr) == (1, D(1))


# ------------------------------------------------------------------------------- several services
def test_ikm_per_layanan_pooled_and_mean_of_units():
    layanan = ["KTP"] * 3 + ["KK"] * 1
    answers = {k: [4, 4, 4, 2] for k in COLUMNS}
    groups = per_layanan(layanan, answers, [None] * 9)
    assert list(groups) == ["KTP", "KK"]
    assert (groups["KTP"].respondents, groups["KTP"].ikm.rounded) == (3, D("100.00"))
    assert (groups["KK"].respondents, groups["KK"].ikm.rounded, groups["KK"].ikm.mutu) == (1, D("50.00"), "D")
    pooled = compute_skm(answers, [])
    assert pooled.ikm.rounded == D("87.50")  # NRR 3,5: all respondents as one survey
    mean = mean_of_units([g.ikm for g in groups.values()])
    assert (mean.units, mean.rounded, mean.mutu) == (2, D("75.00"), "C")  # (100 + 50) / 2, unweighted


def test_per_layanan_totals_add_up_to_the_pooled_totals():
    layanan = ["A", "B", None, "a", "B", "C"] * 50
    answers = {k: [1, 2, 3, 4, "x", True][j:] + [1, 2, 3, 4, "x", True][:j] for j, k in enumerate(COLUMNS)}
    answers = {k: v * 50 for k, v in answers.items()}
    groups = per_layanan(layanan, answers, [None] * 9, default="Adm")
    assert list(groups) == ["A", "B", "Adm", "C"]
    pooled = compute_skm(answers, [])
    for j in range(9):
        assert sum(g.columns[j].total for g in groups.values()) == pooled.columns[j].total
        assert sum(g.columns[j].n for g in groups.values()) == pooled.columns[j].n


def test_blank_layanan_groups():
    assert group_respondents(["KTP", " ktp ", None, ""]) == {"KTP": [0, 1], NO_LAYANAN: [2, 3]}
    assert mean_of_units([None, ikm_from_nrr(nrrs(["3"] * 9))]) is None


# ------------------------------------------------------------------------------------ profile
def test_profile_counts_and_percentages():
    profile = respondent_profile({
        "jenis_kelamin": ["L", "Perempuan", "l", None],
        "umur": [20, 21, "55 tahun", "abc"],
        "pendidikan": ["sma/smk", "S2", "SMA/SMK", None],
    })
    assert [r.as_tuple() for r in profile["jenis_kelamin"]] == [
        ("L", 2, D("50.00")), ("P", 1, D("25.00")), (None, 1, D("25.00"))]
    assert [(r.kategori, r.jumlah) for r in profile["umur"]] == [
        ("≤ 20", 1), ("21–30", 1), ("31–40", 0), ("41–50", 0), ("> 50", 1), ("tidak valid", 1)]
    assert [(r.kategori, r.jumlah) for r in profile["pendidikan"]] == [("SMA/SMK", 2), ("S2", 1), (None, 1)]
    tables = profile_tables(profile, "en")
    assert tables[0]["title"] == "Sex" and tables[0]["rows"][0] == ("Male", 2, D("50.00"))
    assert tables[0]["total"] == ("Total", 4, D(100))


def test_profile_percent_is_exact_then_rounded():
    profile = respondent_profile({"jenis_kelamin": ["L", "L", "P"]})
    assert [r.persen for r in profile["jenis_kelamin"]] == [D("66.67"), D("33.33")]


@pytest.mark.parametrize("age, band", [(20, "≤ 20"), (20.9, "≤ 20"), (30, "21–30"), (50, "41–50"),
                                       (51, "> 50"), ("17 th", "≤ 20"), (None, None), (-3, "tidak valid")])
def test_umur_bands(age, band):
    assert umur_band(age) == band


# -------------------------------------------------------------------------------- annex tables
def test_annex_unsur_table():
    rows = unsur_table(summary(MEDAN_AMPLAS_NRR))
    assert [r["jenis"] for r in rows] == ["unsur"] * 9 + ["jumlah", "ikm", "mutu", "kinerja"]
    assert rows[0] == {"jenis": "unsur", "no": 1, "kode": "U1", "unsur": "Persyaratan", "nrr": D("3.41"),
                       "nrr_tertimbang": rows[0]["nrr_tertimbang"], "mutu": "B"}
    assert round(rows[0]["nrr_tertimbang"], 4) == D("0.3789")
    assert rows[9]["nrr"] == D("31.28")
    assert round(rows[9]["nrr_tertimbang"] * 25, 10) == round(D("31.28") * 25 / 9, 10)
    assert rows[10]["nrr_tertimbang"] == D("86.89") and rows[10]["mutu"] == "B"
    assert rows[12]["mutu"] == "Baik"
    legacy = unsur_table(summary_legacy(MEDAN_AMPLAS_NRR), "en")
    assert legacy[0]["nrr_tertimbang"] == D("3.41") * D("0.111") and legacy[0]["unsur"] == "Requirements"
    assert legacy[9]["nrr_tertimbang"] * 25 == D("86.80200") and legacy[12]["mutu"] == "Good"


def test_annex_table_of_swapped_questionnaire_is_in_canonical_order():
    names = ["Persyaratan", "Prosedur", "Waktu", "Biaya", "Produk", "Kompetensi", "Perilaku",
             "Sarana dan Prasarana", "Penanganan Pengaduan"]
    answers = {k: [4 if k == "u8" else 3] * 4 for k in COLUMNS}  # column 8 holds sarana
    rows = unsur_table(compute_skm(answers, [{"unsur": n} for n in names]))
    assert rows[8]["kode"] == "U9" and rows[8]["nrr"] == D(4)
    assert rows[7]["kode"] == "U8" and rows[7]["nrr"] == D(3)


def test_nrr_is_exact_fraction():
    result = compute_skm({"u1": [4, 4, 3]}, [])
    assert Fraction(result.columns[0].nrr).limit_denominator(1000) == Fraction(11, 3)
    assert result.ikm is None  # eight unsur without data


def test_a_mean_of_units_near_a_boundary_follows_the_ikm_rule():
    """rekap's mean of units' IKMs follows the IKM's rule (within 0,05 of a boundary, domain.md):
    64,90 and 65,10 (65,00 exactly) and 64,90 and 65,09 (64,995) are near; 64,00 and 66,20 (65,10) not."""
    exact = mean_of_units([ikm_from_nrr(nrrs([v] * 9)) for v in ("2.596", "2.604")])
    assert (exact.unrounded, exact.mutu, exact.near_boundary) == (D("65"), "C", True)
    far = mean_of_units([ikm_from_nrr(nrrs([v] * 9)) for v in ("2.56", "2.648")])
    assert (far.unrounded, far.near_boundary) == (D("65.1"), False)
    hair = mean_of_units([ikm_from_nrr(nrrs([v] * 9)) for v in ("2.596", "2.6036")])
    assert (hair.unrounded, hair.rounded, hair.near_boundary) == (D("64.995"), D("65.00"), True)
