"""Budget rules BUD001–BUD008, BUD011, BUD012, BUD026, BUD027 and FRM003 on the valid workbook, one break each.

Realisasi rows 5..15: 01, 01.01, 01.01.01, 01.01.02, 02, 02.01, 02.01.01, 03, 03.01, 03.01.01,
TOTAL; columns I pagu murni, J pagu perubahan, K realisasi, L %, M sisa, N jenis belanja.
PK Program: rows 5..7, C murni, D perubahan. RA Kegiatan: rows 5..7, C pagu.
Belanja: rows 5..14 (Operasi, Pegawai, Barang dan Jasa, Modal, 5 kinds, Jumlah), B anggaran, C realisasi.
"""
from decimal import Decimal as D

import pytest
from helpers import cell_of, codes_at, errors

from lkjip_xl.checks.budget import formula_rows
from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.template.writer import Formula, TypedOverride

BUDGET_RULES = ("BUD001", "BUD002", "BUD003", "BUD004", "BUD005", "BUD006", "BUD007", "BUD008",
                "BUD011", "BUD012", "FRM003")


def _row(data, kode):
    return next(r for r in data["tables"]["realisasi"] if r["kode"] == kode)


def _one(findings, code):
    found = [f for f in findings if f.code == code]
    assert len(found) == 1, found
    return found[0]


def test_valid_workbook_has_no_budget_findings(check, data):
    assert [f for f in check(data) if f.code in BUDGET_RULES] == []


# ------------------------------------------------------------------ per row
def test_bud001_typed_sisa(check, data):
    _row(data, "01.01.02")["sisa"] = TypedOverride(2_000_000)  # 200.000.000 − 180.000.000 = 20.000.000
    findings = check(data)
    assert codes_at(findings, "BUD001") == ["Realisasi!M8"]
    f = _one(findings, "BUD001")
    assert (f.expected, f.found) == (20_000_000, 2_000_000)
    assert codes_at(findings, "FRM001") == ["Realisasi!M8"]


def test_bud001_correct_typed_sisa_is_fine(check, data):
    _row(data, "01.01.02")["sisa"] = TypedOverride(20_000_000)
    assert codes_at(check(data), "BUD001") == []


def test_bud002_typed_percentage(check, data):
    _row(data, "01.01.02")["persen_realisasi"] = TypedOverride(D("95"))  # 180 / 200 = 90 %
    findings = check(data)
    assert codes_at(findings, "BUD002") == ["Realisasi!L8"]
    assert _one(findings, "BUD002").found == D("95")


@pytest.mark.parametrize("typed, ok", [
    (D("96.47"), True), (D("96.4706"), True), (D("96.4705"), True),  # 820/850 = 96,470588..: half-up, truncated
    (D("96.4704"), False), (D("96.5"), True), (D("96.4"), True), (D("96.6"), False), (D("96"), True),
])
def test_bud002_accepts_half_up_or_truncation(check, data, typed, ok):
    _row(data, "01.01.01")["persen_realisasi"] = TypedOverride(typed)
    assert codes_at(check(data), "BUD002") == ([] if ok else ["Realisasi!L7"])


def test_bud011_parent_percentage_averaged_from_children(check, data):
    # 01.01: 1.000.000.000 / 1.050.000.000 = 95,24 %; children 96,47 % and 90 % average 93,24 %
    _row(data, "01.01")["persen_realisasi"] = TypedOverride(D("93.24"))
    findings = check(data)
    assert codes_at(findings, "BUD011") == ["Realisasi!L6"]
    assert codes_at(findings, "BUD002") == []


def test_bud005_realisasi_above_pagu(check, data):
    _row(data, "02.01.01")["realisasi"] = 410_000_000
    findings = check(data)
    assert codes_at(findings, "BUD005") == ["Realisasi!K11"]
    f = _one(findings, "BUD005")
    assert f.severity == "warning" and (f.expected, f.found) == (400_000_000, 410_000_000)


def test_bud005_uses_pagu_murni_when_perubahan_blank(check, data):
    row = _row(data, "01.01.02")
    row["pagu_perubahan"] = None  # 200.000.000 murni
    row["realisasi"] = 190_000_000
    assert codes_at(check(data), "BUD005") == []


# ------------------------------------------------------------------ roll-ups
def test_bud003_kegiatan_not_sum_of_sub_kegiatan(check, data):
    _row(data, "01.01.01")["realisasi"] = 810_000_000
    findings = check(data)
    assert codes_at(findings, "BUD003") == ["Realisasi!K6"]  # the sisa follows; only the cause is reported
    f = _one(findings, "BUD003")
    assert (f.expected, f.found, f.params["field"].id, f.params["kode"], f.params["n"]) == (
        990_000_000, 1_000_000_000, "realisasi", "01.01", 2)


def test_bud003_programme_pagu_murni(check, data):
    _row(data, "03")["pagu_murni"] = 300_000_001
    assert codes_at(check(data), "BUD003") == ["Realisasi!I12"]


def test_bud003_programme_pagu_perubahan(check, data):
    _row(data, "02.01")["pagu_perubahan"] = 400_000_001
    _row(data, "02.01")["realisasi"] = 390_000_000
    findings = check(data)
    # 02.01 ≠ its sub kegiatan, and programme 02 ≠ its kegiatan
    assert sorted(codes_at(findings, "BUD003")) == ["Realisasi!J10", "Realisasi!J9"]


def test_a_child_amount_typed_as_text_is_summed_as_its_number(check, data, write):
    # issue 9: a child realisasi pasted as text made check call the parent's right sisa wrong
    # (it summed the children's sisa cells, one of them blank) while the annex printed another value
    _row(data, "01.01.02")["realisasi"] = "180.000.000"
    result = check_workbook(write(data))
    assert [(f.code, f.cell) for f in result.findings if f.severity == "error"] == [("VAL001", "K8")]
    budget = result.context.wb.budget
    kegiatan = next(line for line in budget.lines if line.code == "01.01")
    assert kegiatan.children_sum("realisasi").value == 1_000_000_000  # 820.000.000 + 180.000.000
    assert (kegiatan.shown_realisasi, kegiatan.shown_sisa) == (1_000_000_000, 50_000_000)


def test_bud016_a_blank_child_makes_the_sum_incomplete(check, data):
    _row(data, "01.01.02")["realisasi"] = None  # 180.000.000 not reported; 01.01 still says 1.000.000.000
    findings = check(data)
    # at the one blank child of kegiatan 01.01 (issue 11: where the amount is missing; 01.01 is right)
    assert codes_at(findings, "BUD016") == ["Realisasi!K8"]
    assert codes_at(findings, "BUD003") == []  # not called a mismatch: the blank row may hold the difference
    f = next(f for f in findings if f.code == "BUD016")
    assert (f.expected, f.found, f.params["kode"], f.params["m"], f.params["cells"]) == (
        820_000_000, 1_000_000_000, "01.01", 1, "K8")


def test_bud016_two_blank_children_are_listed_at_the_parent(check, data):
    _row(data, "01.01.01")["realisasi"] = None
    _row(data, "01.01.02")["realisasi"] = None
    _row(data, "01.01")["realisasi"] = None
    findings = check(data)  # programme 01 says 1.000.000.000; its kegiatan and their rows are blank
    assert codes_at(findings, "BUD016") == [] and codes_at(findings, "BUD017") == ["Realisasi!K5"]


def test_bud017_a_parent_whose_only_child_was_emptied(check, data):
    _row(data, "02.01.01")["realisasi"] = None  # the only sub kegiatan of 02.01
    findings = check(data)
    assert "Realisasi!K10" in codes_at(findings, "BUD017")
    assert codes_at(findings, "BUD003") == []


def test_an_error_value_in_a_child_is_never_summed_as_zero(write, data):
    from lkjip_xl.schema.data import Formula

    _row(data, "01.01.02")["realisasi"] = Formula("=1/0", "#DIV/0!")
    findings = check_workbook(write(data)).findings
    assert ("VAL010", "K8") in {(f.code, f.cell) for f in findings}  # reported once, at the cell
    assert [f for f in findings if f.code in ("BUD003", "BUD016", "BUD017") and f.cell in ("K6", "K5")] == []


def test_bud003_a_revised_parent_whose_children_were_not_revised(check, data):
    for kode in ("03", "03.01", "03.01.01"):
        _row(data, kode)["pagu_perubahan"] = None  # unrevised: 300.000.000 murni
    _row(data, "03")["pagu_perubahan"] = 320_000_000  # but the programme says revised
    findings = check(data)
    assert "Realisasi!J12" in codes_at(findings, "BUD003")
    assert next(f for f in findings if f.cell == "J12" and f.code == "BUD003").expected == 300_000_000


def test_bud003_sisa_wrong_in_itself_is_bud001_only(check, data):
    _row(data, "01.01.02")["sisa"] = TypedOverride(20_000_001)
    findings = check(data)
    assert codes_at(findings, "BUD001") == ["Realisasi!M8"]
    assert codes_at(findings, "BUD003") == []  # the parent 01.01 is right; the child is not


def test_bud003_sisa_typed_on_rows_without_pagu(check, data):
    # only sisa is given for 01.01 and its children: the typed sisa must still add up
    for kode, rest in (("01.01", 50_000_001), ("01.01.01", 30_000_000), ("01.01.02", 20_000_000)):
        row = _row(data, kode)
        row.update(pagu_murni=None, pagu_perubahan=None, realisasi=None, sisa=TypedOverride(rest))
    data["tables"]["realisasi"][0].update(pagu_murni=None, pagu_perubahan=None, realisasi=None,
                                          sisa=TypedOverride(50_000_001))  # programme 01 = its kegiatan
    findings = check(data)
    assert codes_at(findings, "BUD003") == ["Realisasi!M6"]
    assert _one(findings, "BUD003").params["field"].id == "sisa"


def test_bud003_blank_perubahan_counts_as_murni(check, data):
    _row(data, "01.01.02")["pagu_perubahan"] = None  # unchanged: 200.000.000 murni
    assert codes_at(check(data), "BUD003") == []
    _row(data, "01.01.02")["pagu_murni"] = 190_000_000
    assert sorted(codes_at(check(data), "BUD003")) == ["Realisasi!I6", "Realisasi!J6"]


def test_bud003_skipped_when_children_blank(check, data):
    for kode in ("01.01.01", "01.01.02"):
        _row(data, kode)["pagu_murni"] = None
    assert codes_at(check(data), "BUD003") == []


def test_bud004_total_not_sum_of_programmes(check, data):
    data["tables"]["realisasi"][-1]["realisasi"] = 1_694_000_001
    findings = check(data)
    assert codes_at(findings, "BUD004") == ["Realisasi!K15"]
    assert _one(findings, "BUD004").expected == 1_694_000_000


# ------------------------------------------------------------------ PK and Rencana Aksi
def test_bud006_pk_pagu_murni(check, data):
    data["tables"]["pk_program"][1]["pagu_murni"] = 401_000_000
    findings = check(data)
    assert codes_at(findings, "BUD006") == [cell_of("pk_program", "pagu_murni", 1)]
    f = _one(findings, "BUD006")
    assert (f.expected, f.found, f.params["field"].id, f.params["kode"]) == (400_000_000, 401_000_000, "pagu murni", "02")


def test_bud006_pk_pagu_perubahan(check, data):
    data["tables"]["pk_program"][2]["pagu_perubahan"] = 300_000_000
    assert codes_at(check(data), "BUD006") == [cell_of("pk_program", "pagu_perubahan", 2)]


def test_bud006_skips_a_version_blank_on_realisasi(check, data):
    for row in data["tables"]["realisasi"]:
        row["pagu_murni"] = None
    data["tables"]["pk_program"][1]["pagu_murni"] = 123
    assert codes_at(check(data), "BUD006") == []


def test_bud007_rencana_aksi_pagu(check, data):
    data["tables"]["ra_kegiatan"][2]["pagu"] = 310_000_000
    findings = check(data)
    assert codes_at(findings, "BUD007") == [cell_of("ra_kegiatan", "pagu", 2)]
    assert _one(findings, "BUD007").severity == "warning"


def test_bud007_murni_pagu_is_fine(check, data):
    data["tables"]["ra_kegiatan"][2]["pagu"] = 300_000_000  # 03.01 murni
    assert codes_at(check(data), "BUD007") == []


def test_bud006_bud007_a_revision_not_typed_on_realisasi_is_no_typing_slip(check, data):
    """APBD-P raised programme 03 from 300.000.000 to 320.000.000: the PK and the Rencana Aksi say
    320.000.000, but Realisasi's pagu perubahan of 03, 03.01, 03.01.01 was never typed. Not "one
    digit wrong": the perubahan blank on Realisasi, named at its cells."""
    for kode in ("03", "03.01", "03.01.01"):
        _row(data, kode)["pagu_perubahan"] = None
    findings = check(data)
    plan = _one(findings, "BUD007")
    assert (f"{plan.sheet}!{plan.cell}", plan.severity) == (cell_of("ra_kegiatan", "pagu", 2), "warning")
    assert (plan.expected, plan.found) == (300_000_000, 320_000_000)
    pk = _one(findings, "BUD006")
    assert (f"{pk.sheet}!{pk.cell}", pk.severity) == (cell_of("pk_program", "pagu_perubahan", 2), "error")
    kegiatan, sub = cell_of("realisasi", "pagu_perubahan", 8), cell_of("realisasi", "pagu_perubahan", 9)
    for f, blank in ((plan, kegiatan), (pk, sub)):
        message = f.message("id")
        assert "salah ketik" not in message and f"kosong di sheet Realisasi ({blank.split('!')[1]})" in message
        assert "APBD-P" in f.message("en") and "typing slip" not in f.message("en")


def test_bud007_a_slip_beside_a_typed_perubahan_is_still_a_slip(check, data):
    data["tables"]["ra_kegiatan"][2]["pagu"] = 32_000_000  # 320.000.000 with a digit dropped
    f = _one(check(data), "BUD007")
    assert f.slip() == "dropped_digit" and "kemungkinan salah ketik" in f.message("id")


def test_bud025_a_rencana_aksi_kegiatan_without_its_pagu(check, data):
    data["tables"]["ra_kegiatan"][2]["pagu"] = None  # 03.01, no quarterly plan either
    findings = check(data)
    assert codes_at(findings, "BUD025") == [cell_of("ra_kegiatan", "pagu", 2)]
    f = _one(findings, "BUD025")
    # the perubahan of 03.01 on the valid workbook's Realisasi sheet
    assert (f.severity, f.expected, f.params["kode"]) == ("warning", 320_000_000, "03.01")


def test_bud025_a_programme_heading_over_its_kegiatan_is_not_reported(check, data):
    data["tables"]["ra_kegiatan"].append({"kode": "03", "uraian": "Program Pemberdayaan"})  # heading of 03.01
    assert codes_at(check(data), "BUD025") == []


def test_bud012_quarterly_pagu(check, data):
    data["tables"]["ra_kegiatan"][0]["pagu_tw4"] = 262_500_001
    findings = check(data)
    assert codes_at(findings, "BUD012") == [cell_of("ra_kegiatan", "pagu", 0)]
    assert _one(findings, "BUD012").expected == 1_050_000_001


def test_bud012_at_the_one_blank_quarter_blames_no_other(check, data):
    """02.01's TW IV pagu left blank (red-team s53): the finding is at that quarter, and the three
    filled ones are not said to be slips (they were three warnings 'with 200.000.000 all agree')."""
    data["tables"]["ra_kegiatan"][1]["pagu_tw4"] = None
    findings = check(data)
    assert [(f.code, f.cell) for f in findings if f.severity != "info"] == [("BUD012", "G6")]
    assert _one(findings, "BUD012").expected == 3 * 100_000_000


@pytest.mark.parametrize("prefix, annual", [("pagu_tw", 1_050_000_000), ("realisasi_tw", 1_000_000_000)])
def test_kegiatan_quarters_typed_as_running_totals_are_accepted(check, data, prefix, annual):
    """01.01 (pagu 1.050.000.000, spent 1.000.000.000 on Realisasi): quarters written as running
    totals, TW IV the year's amount, as staff fill a monitoring sheet (red-team s09, s10: a BUD012
    or BUD022 error, a BUD023 warning and blames proposing negative quarters)."""
    row = data["tables"]["ra_kegiatan"][0]
    for q in range(1, 5):
        row[f"{prefix}{q}"] = annual * q // 4
    assert [f for f in check(data) if f.severity != "info"] == []


def test_running_totals_that_miss_the_year_are_still_a_sum_that_fails(check, data):
    row = data["tables"]["ra_kegiatan"][0]
    for q, v in zip(range(1, 5), (262_500_000, 525_000_000, 787_500_000, 1_000_000_000)):  # TW IV not the pagu
        row[f"pagu_tw{q}"] = v
    findings = check(data)
    assert _one(findings, "BUD012").expected == 262_500_000 + 525_000_000 + 787_500_000 + 1_000_000_000


def test_spending_above_the_plan_with_both_as_running_totals(check, data):
    """BUD023 reads running totals as they are: spent 600 million by TW II against 525 million planned."""
    row = data["tables"]["ra_kegiatan"][0]
    for q, (p, r) in enumerate(zip((262_500_000, 525_000_000, 787_500_000, 1_050_000_000),
                                   (250_000_000, 600_000_000, 750_000_000, 1_000_000_000)), 1):
        row[f"pagu_tw{q}"], row[f"realisasi_tw{q}"] = p, r
    findings = check(data)
    f = _one(findings, "BUD023")
    assert (f.cell, f.expected, f.found) == ("I5", 525_000_000, 600_000_000)


# ------------------------------------------------------------------ economic classes
def _belanja(data, name):
    return next(r for r in data["tables"]["belanja"] if r["uraian"] == name)


def _errors_and_notes(findings, code):
    return ([f"{f.sheet}!{f.cell}" for f in findings if f.code == code and f.severity == "error"],
            [(f"{f.sheet}!{f.cell}", f.params.get("cause")) for f in findings if f.code == code and f.severity == "info"])


def test_bud008_operasi(check, data):
    _belanja(data, "Belanja Operasi")["anggaran"] = 1_450_000_001
    # Operasi ≠ Pegawai + Barang dan Jasa, and so Jumlah ≠ Operasi + Modal: reported at Operasi, the
    # Jumlah's finding a note that names it
    assert _errors_and_notes(check(data), "BUD008") == (["Belanja!B5"], [("Belanja!B14", "Belanja!B5")])


def test_bud008_modal(check, data):
    _belanja(data, "Belanja Modal")["realisasi"] = 300_000_000
    assert _errors_and_notes(check(data), "BUD008") == (["Belanja!C8"], [("Belanja!C14", "Belanja!C8")])


def test_bud008_jumlah(check, data):
    _belanja(data, "Jumlah Belanja Daerah")["realisasi"] = 1_694_000_001
    assert codes_at(check(data), "BUD008") == ["Belanja!C14"]


def test_bud008_jumlah_vs_programmes(check, data):
    # the Belanja sheet is consistent in itself, but 1 rupiah more than the programmes on Realisasi
    for name in ("Belanja Modal Tanah", "Belanja Modal", "Jumlah Belanja Daerah"):
        _belanja(data, name)["anggaran"] += 1
    for row in data["tables"]["realisasi"]:
        row.pop("jenis_belanja", None)  # no class sums from the sub kegiatan (they would flag Tanah)
    findings = check(data)
    assert codes_at(findings, "BUD008") == ["Belanja!B14"]
    assert _one(findings, "BUD008").params["detail"].id == "Σ program, sheet Realisasi"


def test_bud008_class_vs_jenis_belanja_of_sub_kegiatan(check, data):
    _row(data, "01.01.02")["jenis_belanja"] = "Belanja Pegawai"
    assert sorted(codes_at(check(data), "BUD008")) == ["Belanja!B6", "Belanja!B7", "Belanja!C6", "Belanja!C7"]


def test_bud008_class_sums_need_every_sub_kegiatan_tagged(check, data):
    _row(data, "01.01.02")["jenis_belanja"] = None
    _belanja(data, "Belanja Pegawai")["anggaran"] = 850_000_001  # not compared by class: said by BUD026
    findings = check(data)
    assert codes_at(findings, "BUD008") == ["Belanja!B5"]  # Operasi ≠ Pegawai + Barang dan Jasa, still
    assert codes_at(findings, "BUD026") == ["Realisasi!N8"]


def test_bud026_a_sub_kegiatan_without_its_class_among_tagged_ones(check, data):
    _row(data, "01.01.02")["jenis_belanja"] = None
    _row(data, "03.01.01")["jenis_belanja"] = " "
    findings = check(data)
    assert codes_at(findings, "BUD026") == ["Realisasi!N8"]
    f = _one(findings, "BUD026")
    assert f.severity == "warning" and (f.params["m"], f.params["n"], f.params["cells"]) == (2, 4, "N8, N14")
    assert codes_at(findings, "BUD027") == []


def test_bud027_no_sub_kegiatan_tagged_is_said_once(check, data):
    for row in data["tables"]["realisasi"]:
        row.pop("jenis_belanja", None)
    findings = check(data)
    assert codes_at(findings, "BUD027") == ["Belanja!B5"]
    assert _one(findings, "BUD027").severity == "info" and _one(findings, "BUD027").params["n"] == 4
    assert codes_at(findings, "BUD026") == []


def test_no_class_finding_when_belanja_classes_are_blank(check, data):
    for row in data["tables"]["realisasi"]:
        row.pop("jenis_belanja", None)
    for row in data["tables"]["belanja"]:
        if row["uraian"] != "Jumlah Belanja Daerah":
            row["anggaran"] = row["realisasi"] = None
    findings = check(data)
    assert codes_at(findings, "BUD027") == [] and codes_at(findings, "BUD026") == []


def test_bud008_skipped_when_belanja_blank(check, data):
    for row in data["tables"]["belanja"]:
        row["anggaran"] = row["realisasi"] = None
    assert codes_at(check(data), "BUD008") == []


# ------------------------------------------------------------------ FRM003
def test_frm003_sum_range_skips_a_child(check, data):
    _row(data, "01.01")["realisasi"] = Formula("=SUM(K7:K7)", 1_000_000_000)
    findings = check(data)
    assert codes_at(findings, "FRM003") == ["Realisasi!K6"]
    f = _one(findings, "FRM003")
    assert f.params == {"formula": "=SUM(K7:K7)", "missing": "8"}
    assert f.message("en") == "formula =SUM(K7:K7) leaves out row(s) 8"


def test_frm003_total_row(check, data):
    data["tables"]["realisasi"][-1]["pagu_perubahan"] = Formula("=SUM(J5,J9)", 1_770_000_000)
    findings = check(data)
    assert codes_at(findings, "FRM003") == ["Realisasi!J15"]
    assert _one(findings, "FRM003").params["missing"] == "12"


def test_frm003_complete_ranges_are_fine(check, data):
    _row(data, "01.01")["realisasi"] = Formula("=SUM(K7:K8)", 1_000_000_000)
    _row(data, "01")["realisasi"] = Formula("=SUM($K$7:$K$8)", 1_000_000_000)  # the grandchildren
    data["tables"]["realisasi"][-1]["realisasi"] = Formula('=SUMIF(B5:B14,"program",K5:K14)', 1_694_000_000)
    _row(data, "02")["realisasi"] = Formula("=SUM(K:K)/3", 390_000_000)  # a whole column covers all
    findings = check(data)
    assert codes_at(findings, "FRM003") == []
    assert [f for f in findings if f.code in BUDGET_RULES] == []


def test_formula_rows():
    assert formula_rows("=SUM(K7:K9)", "Realisasi") == {7, 8, 9}
    assert formula_rows("=SUM(K9:K7,K12)", "Realisasi") == {7, 8, 9, 12}
    assert formula_rows("=SUM(Realisasi!K7:K8)", "Realisasi") == {7, 8}
    assert formula_rows("=SUM('Rencana Aksi'!K7:K8)", "Realisasi") == set()
    assert formula_rows('=SUMIF(A5:A9,"K1",K5:K9)', "Realisasi") == {5, 6, 7, 8, 9}
    assert formula_rows("=SUM(K:K)", "Realisasi") is None


# ------------------------------------------------------------------ the real samples
def test_sample_2023_roll_ups_hold():
    from conftest import SAMPLE_2023

    findings = check_workbook(SAMPLE_2023).findings
    assert codes_at(findings, "BUD003") == [] and codes_at(findings, "BUD004") == []
    assert [f for f in findings if f.code in BUDGET_RULES] == []


def test_sample_2022_kegiatan_02_01_realisasi():
    from conftest import SAMPLE_2022

    findings = check_workbook(SAMPLE_2022).findings
    assert codes_at(findings, "BUD003") == ["Realisasi!K25"]
    f = _one(findings, "BUD003")
    assert (f.expected, f.found, f.params["kode"]) == (214_828_700, 240_426_500, "02.01")


def test_bud014_rencana_aksi_programme_pagu_differs_from_the_pk(check, data):
    data["tables"]["ra_kegiatan"].append({"kode": "01", "uraian": "Program Penunjang", "pagu": 999_000_000})
    findings = check(data)
    assert codes_at(findings, "BUD014") == [cell_of("ra_kegiatan", "pagu", 3)]
    assert [f.expected for f in findings if f.code == "BUD014"] == [1_000_000_000]


def test_rencana_aksi_programme_pagu_equal_to_pk_murni_is_accepted(check, data):
    data["tables"]["ra_kegiatan"].append({"kode": "01", "uraian": "Program Penunjang", "pagu": 1_000_000_000})
    findings = check(data)
    assert codes_at(findings, "BUD014") == [] and codes_at(findings, "BUD007") == []


def test_a_typing_slip_is_named_in_the_message(check, data):
    data["tables"]["realisasi"][2]["sisa"] = TypedOverride(3_000_000)  # 30.000.000 with a digit dropped
    f = [f for f in check(data) if f.code == "BUD001"][0]
    assert f.slip() == "dropped_digit"
    assert f.message("en").endswith("(likely a typing slip: a digit is missing)")
    assert "kemungkinan salah ketik: satu digit hilang" in f.message("id")


def test_bud018_pk_budget_partly_blank(check, data):
    data["tables"]["pk_program"][1]["pagu_murni"] = None
    assert codes_at(check(data), "BUD018") == [cell_of("pk_program", "pagu_murni", 1)]


# ------------------------------------------------------------------ a row out of place (VAL022)
def test_val022_a_row_out_of_place_is_one_finding_and_counted_under_its_code(check, data, write):
    """01.01.02 moved below 03.01.01 (as a table sorted by amount, or a row added at the end,
    leaves it): rows 01(5) 01.01(6) 01.01.01(7) 02(8) 02.01(9) 02.01.01(10) 03(11) 03.01(12)
    03.01.01(13) 01.01.02(14) TOTAL(15). Counted under 03.01 both 01.01 and 03.01 would be wrong;
    under 01.01, its code's parent, both hold: one finding at its code, no sum is called wrong."""
    rows = data["tables"]["realisasi"]
    moved = rows.pop(next(i for i, r in enumerate(rows) if r["kode"] == "01.01.02"))
    rows.insert(len(rows) - 1, moved)
    result = check_workbook(write(data))
    assert codes_at(result.findings, "VAL022") == ["Realisasi!A14"]
    f = _one(result.findings, "VAL022")
    assert (f.expected, f.found, f.params["parent"]) == ("01.01", "01.01.02", "03.01")
    assert [x for x in result.findings if x.severity == "error" and x.code != "VAL022"] == []
    parent = {line.code: line.parent.code for line in result.context.wb.budget.lines if line.parent is not None}
    assert parent["01.01.02"] == "01.01"


def _sorted_by_realisasi(data):
    """Data > Sort ascending on Realisasi (Rp) over the table's rows, the total row last: 01.01.02
    (5), 03 (6), 03.01 (7), 03.01.01 (8), 02 (9), 02.01 (10), 02.01.01 (11), 01.01.01 (12), 01 (13),
    01.01 (14). Parents stand below their children and sub kegiatan under other kegiatan."""
    rows = data["tables"]["realisasi"]
    total = [r for r in rows if r.get("kode") is None]
    rows[:] = sorted((r for r in rows if r.get("kode") is not None), key=lambda r: r["realisasi"]) + total
    return data


def test_val023_a_table_sorted_by_amount_is_one_finding_and_computed_by_its_codes(check, data, write):
    result = check_workbook(write(_sorted_by_realisasi(data)))
    assert [(f.code, f.sheet, f.cell, f.severity) for f in result.findings] == [
        ("VAL023", "Realisasi", "A5", "warning")]
    assert result.findings[0].params["n"] == 2  # 01.01.02 under 02.01... and 01.01.01 under 02.01
    assert "(tabel diurutkan menurut jumlah?)" in result.findings[0].message("id")  # the pagu run with it
    lines = {line.code: line for line in result.context.wb.budget.lines}
    assert lines["01.01.02"].parent.code == "01.01" and lines["01.01"].parent.code == "01"
    assert [c.code for c in lines["01.01"].children] == ["01.01.01", "01.01.02"]


def test_a_wrong_sum_in_a_sorted_table_is_still_found_at_its_cell(check, data):
    """Sorted, and the realisasi of 01.01 (row 14) typed 1.100.000.000 where its two sub kegiatan
    give 1.000.000.000. By the sheet's order two codes would be mistyped and two sums wrong; by
    the codes, the sort and this one amount: the table is computed by its codes and the slip is
    an error at K14 (01's sum, which follows from it, a note naming it)."""
    _sorted_by_realisasi(data)
    _row(data, "01.01")["realisasi"] = 1_100_000_000
    findings = check(data)
    assert codes_at(findings, "VAL023") == ["Realisasi!A5"] and codes_at(findings, "VAL009") == []
    assert [(f.code, f.cell, f.expected) for f in errors(findings)] == [("BUD003", "K14", 1_000_000_000)]


def test_two_codes_mistyped_in_their_places_are_not_a_sort(check, data):
    """03.01.01 typed 01.01.03 and 02.01.01 typed 01.01.04 where they stand: their parents' sums
    hold where they stand and would fail under their codes: two codes mistyped (VAL009), no sort."""
    _row(data, "03.01.01")["kode"] = "01.01.03"
    _row(data, "02.01.01")["kode"] = "01.01.04"
    findings = check(data)
    assert sorted(codes_at(findings, "VAL009")) == ["Realisasi!A11", "Realisasi!A14"]
    assert codes_at(findings, "VAL023") == []


def test_a_mistyped_code_in_its_right_place_stays_val009(check, data):
    """03.01.01 typed 01.01.03 where it stands (row 14): 03.01's sums hold with it, 01.01's without
    it: the code is wrong, not the place."""
    _row(data, "03.01.01")["kode"] = "01.01.03"
    findings = check(data)
    assert codes_at(findings, "VAL009") == ["Realisasi!A14"] and codes_at(findings, "VAL022") == []


# ------------------------------------------------------------------ codes written differently on two sheets
def test_codes_without_their_leading_zeros_are_still_the_same_codes(check, data):
    """Rencana Aksi's 03.01 typed 3.01 and PK Program's 02 typed 2, each with a pagu one digit off:
    the pagu is still compared with the Realisasi sheet (BUD007 at RA Kegiatan!C7: 330.000.000
    against 320.000.000; BUD006 at PK Program!C6: 401.000.000 against 400.000.000), not skipped."""
    ra, prog = data["tables"]["ra_kegiatan"][2], data["tables"]["pk_program"][1]
    ra.update(kode="3.01", pagu=330_000_000)
    prog.update(kode="2", pagu_murni=401_000_000)
    findings = check(data)
    assert codes_at(findings, "BUD007") == ["RA Kegiatan!C7"]
    assert codes_at(findings, "BUD006") == ["PK Program!C6"]
    assert codes_at(findings, "BUD028") == [] and codes_at(findings, "KIN016") == []


def test_realisasi_codes_without_leading_zeros_match_the_pk(check, data):
    """Realisasi's codes typed 1, 1.1, 1.1.1 (the PK and the plan keep 01, 01.01): nothing is
    unmatched, and a PK pagu one digit off is still found."""
    for row in data["tables"]["realisasi"]:
        if row["kode"]:
            row["kode"] = ".".join(str(int(p)) for p in row["kode"].split("."))
    data["tables"]["pk_program"][1]["pagu_murni"] = 401_000_000
    findings = check(data)
    assert codes_at(findings, "BUD028") == [] and codes_at(findings, "BUD006") == ["PK Program!C6"]


def test_bud028_a_code_on_no_row_of_the_realisasi_sheet(check, data):
    """PK Program's 03 written as the national code 7.01.03 and the plan's 02.01 as 2.02: their pagu
    cannot be compared, and that is said at each code (was silence); a plan row with a pagu of 0
    that Realisasi does not list (a kegiatan with no budget) is not."""
    data["tables"]["pk_program"][2]["kode"] = "7.01.03"
    data["tables"]["ra_kegiatan"][1]["kode"] = "2.02"
    data["tables"]["ra_kegiatan"].append({"kode": "04.01", "uraian": "Tanpa anggaran", "pagu": 0})
    findings = check(data)
    assert sorted(codes_at(findings, "BUD028")) == ["PK Program!A7", "RA Kegiatan!A6"]
    assert _one([f for f in findings if f.sheet == "PK Program"], "BUD028").found == "7.01.03"


def test_a_total_row_labelled_in_the_code_column_is_the_total(check, data):
    """JUMLAH typed in the Kode column (as printed tables put it, across Kode and Uraian), the uraian
    left blank: the total row (row 15) and its total checked; no 'uraian required'."""
    total = data["tables"]["realisasi"][-1]
    total.update(kode="JUMLAH", uraian=None, realisasi=total["realisasi"] + 1)
    findings = check(data)
    assert codes_at(findings, "BUD004") == ["Realisasi!K15"]
    assert codes_at(findings, "VAL005") == []


def test_a_blank_amount_leaves_its_class_sum_unsaid(check, data):
    """01.01.02's realisasi (K8, Belanja Barang dan Jasa) left blank: said at K8 (BUD016), and the
    Belanja sheet's Barang dan Jasa realisasi (C7) is not called wrong against a sum missing it."""
    _row(data, "01.01.02")["realisasi"] = None
    findings = check(data)
    assert codes_at(findings, "BUD016") == ["Realisasi!K8"]
    assert codes_at(findings, "BUD008") == []


def test_a_sub_kegiatan_of_nothing_needs_no_class(check, data):
    """A sub kegiatan of '-' throughout (budgeted nothing) without a Jenis Belanja among tagged
    ones: nothing to classify, no BUD026."""
    rows = data["tables"]["realisasi"]
    rows.insert(4, {"kode": "01.01.03", "uraian": "Tidak dianggarkan", "pagu_murni": "-", "pagu_perubahan": "-",
                    "realisasi": "-"})
    assert codes_at(check(data), "BUD026") == []


@pytest.mark.parametrize("delta, found", [(0, []), (1, ["Realisasi!I9"])])
def test_bud029_a_programme_subtotal_is_its_programmes_total(check, data, delta, found):
    """'Jumlah Program 01' typed under programme 01's block (row 9, before 02): the programme's own
    total (1.000.000.000 / 1.050.000.000 / 1.000.000.000), not the table's (no BUD004 'sum of
    programmes', no typing slip); one rupiah off is said at it."""
    data["tables"]["realisasi"].insert(4, {"kode": None, "uraian": "Jumlah Program 01",
                                           "pagu_murni": 1_000_000_000 + delta, "pagu_perubahan": 1_050_000_000,
                                           "realisasi": 1_000_000_000})
    findings = check(data)
    assert codes_at(findings, "BUD029") == found and codes_at(findings, "BUD004") == []


def test_a_total_row_with_a_row_added_below_it_stays_the_tables_total(check, data):
    """A sub kegiatan added below the TOTAL row (row 16): TOTAL (row 15) is still the table's total,
    not a programme's subtotal, and one rupiah off there is BUD004 against the programmes."""
    rows = data["tables"]["realisasi"]
    rows[-1]["realisasi"] += 1
    rows.append({"kode": "03.01.02", "uraian": "Ditambahkan di bawah", "pagu_murni": "-", "pagu_perubahan": "-",
                 "realisasi": "-"})
    findings = check(data)
    assert codes_at(findings, "BUD004") == ["Realisasi!K15"] and codes_at(findings, "BUD029") == []


# ------------------------------------------------------------------ labels of the Belanja rows
@pytest.mark.parametrize("kind, typed", [("Belanja Barang dan Jasa", "Belanja Barang & Jasa"),
                                         ("Belanja Modal Jalan, Irigasi dan Jaringan",
                                          "Belanja Modal Jalan, Jaringan dan Irigasi"),
                                         ("Belanja Pegawai", "BELANJA  PEGAWAI")])
def test_a_class_label_retyped_in_other_words_is_that_class(check, data, kind, typed):
    """Staff retype the fixed labels of Belanja (red-team s93: four BUD008 errors at the group rows,
    which were right, and nothing at the label)."""
    _belanja(data, kind)["uraian"] = typed
    assert [f for f in check(data) if f.severity != "info"] == []


def test_a_label_that_is_no_class_is_said_at_the_label(check, data):
    """A row retyped into something that is no class: its amounts are in no sum. BUD030 at the
    label, naming the closest class; Belanja Operasi's sums, off by exactly that row's amounts
    (600.000.000 and 570.000.000), follow from it."""
    _belanja(data, "Belanja Barang dan Jasa")["uraian"] = "Belanja Barang Jasa Lainnya"
    findings = check(data)
    assert [(f.code, f.cell) for f in findings if f.severity != "info"] == [("BUD030", "A7")]
    assert _one(findings, "BUD030").expected == "Belanja Barang dan Jasa"
    operasi = [(f.cell, f.expected, f.params.get("cause")) for f in findings if f.code == "BUD008"]
    assert operasi == [("B5", 1_450_000_000 - 600_000_000, "Belanja!A7"), ("C5", 1_390_000_000 - 570_000_000, "Belanja!A7")]


@pytest.mark.parametrize("label, cells", [("Belanja Modal", (("B8", 320_000_000), ("C8", 304_000_000))),
                                          ("Jumlah Belanja Daerah", (("B14", 1_770_000_000), ("C14", 1_694_000_000)))])
def test_a_group_row_left_blank_counts_as_its_kinds(check, data, label, cells):
    """Belanja Modal (red-team s36) or Jumlah left blank, the rows it adds up filled: a note with
    what it counts as (the kinds' sums), as the annex prints it; not an error that stops the annex."""
    row = _belanja(data, label)
    row["anggaran"] = row["realisasi"] = None
    findings = check(data)
    assert [f for f in findings if f.severity != "info"] == []
    assert [(f.code, f.cell, f.expected) for f in findings] == [("BUD008", cell, want) for cell, want in cells]


def test_bud034_a_row_deleted_that_spent_nothing_is_a_row_missing_from_its_pagu_alone(check, data):
    """01.01.02 (200.000.000 / 200.000.000) spent nothing (realisasi 0: 01.01 and 01 spent 820.000.000,
    the TOTAL 1.514.000.000), then its row is deleted: 01.01 is 200.000.000 more than its one child left
    in both pagu columns, its realisasi adds up. 01.01.01 has its perubahan typed, so no one amount of
    it gives both: BUD034 at 01.01's murni, no BUD021 at 01.01.01, no BUD003 error."""
    rows = data["tables"]["realisasi"]
    for kode in ("01.01", "01"):
        _row(data, kode)["realisasi"] = 820_000_000
    rows[-1]["realisasi"] = 820_000_000 + 390_000_000 + 304_000_000
    rows.remove(_row(data, "01.01.02"))
    findings = check(data)
    assert [(f.code, f.cell, f.severity) for f in findings if f.sheet == "Realisasi" and f.severity != "info"] == [
        ("BUD034", "I6", "error")]
    missing = _one(findings, "BUD034")
    assert (missing.expected, missing.found) == (800_000_000, 800_000_000 + 200_000_000)
    assert "kurang pagu murni 200.000.000, pagu perubahan 200.000.000)" in missing.message("id")


def test_bud036_a_row_typed_below_the_total_and_none_below_a_total_printed_first(check, data):
    """Sub kegiatan 03.01.02 appended below the TOTAL with amounts: BUD037 at its code (error). A table
    whose TOTAL row is its first row (printed above the programmes) has every row below it: no BUD037."""
    rows = data["tables"]["realisasi"]
    rows.append({"kode": "03.01.02", "uraian": "Ditambahkan di bawah", "pagu_murni": 5_000_000})
    findings = check(data)
    assert [(f.cell, f.severity) for f in findings if f.code == "BUD037"] == [("A16", "error")]
    rows.pop()
    rows.insert(0, rows.pop())
    assert [f for f in check(data) if f.code == "BUD037"] == []
