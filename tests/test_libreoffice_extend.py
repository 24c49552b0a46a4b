"""Tables extended and rearranged in LibreOffice Calc (tests/uno_edit.py), as offices do: a block of
rows cut and pasted under another programme. Realisasi rows 5..15 of the valid workbook: 01 (5),
01.01 (6), 01.01.01 (7: 800.000.000 / 850.000.000 / 820.000.000), 01.01.02 (8: 200.000.000 /
200.000.000 / 180.000.000), 02 (9), 02.01 (10), 02.01.01 (11: 400.000.000 / 400.000.000 /
390.000.000), 03 (12), 03.01 (13), 03.01.01 (14: 300.000.000 / 320.000.000 / 304.000.000), TOTAL
(15); I pagu murni, J pagu perubahan, K realisasi. Expected amounts are added up here from those."""
from __future__ import annotations

from lkjip_xl.annex.tables import build_annex
from lkjip_xl.checks.engine import check_workbook
from test_libreoffice_edit import edit_in_libreoffice, pytestmark  # noqa: F401

R = "Realisasi"


def _loud(findings):
    return [(f.code, f.sheet, f.cell) for f in findings if f.severity != "info"]


def test_a_kegiatan_block_cut_and_pasted_under_another_programme_is_one_error_and_counted_by_its_code(
        tmp_path, write, data):
    """Kegiatan 02.01 and its sub kegiatan cut (rows 10-11) and pasted under programme 03 (two rows
    inserted above the TOTAL, the emptied rows deleted). Programme 02 is left without a kegiatan in
    the sheet's order; the block's code says where it belongs and the sums hold there. One VAL022 at
    the moved kegiatan, nothing called wrong, and the annex counts programme 03 and the TOTAL without
    it (they were 720.000.000 and 2.170.000.000: the block counted twice)."""
    steps = [["insert", R, 15], ["insert", R, 15], ["move", R, "A10:N11", "A15"], ["delete", R, 10], ["delete", R, 10]]
    result = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path))
    assert result.context.model.table("realisasi").values["kode"][6:10] == ["03.01", "03.01.01", "02.01", "02.01.01"]
    assert _loud(result.findings) == [("VAL022", R, "A13")]
    (moved,) = result.findings
    assert (moved.expected, moved.found, moved.params["parent"]) == ("02", "02.01", "03")
    budget = next(t for t in build_annex(result.context) if t.key == "realisasi_anggaran")
    printed = {next(c.value for c in row.cells if c is not None and c.value): row.cells[2].value for row in budget.rows}
    assert printed["02"] == 400_000_000 and printed["03"] == 320_000_000
    assert printed["T O T A L"] == 1_050_000_000 + 400_000_000 + 320_000_000


def _office_sums() -> list:
    """The parents' amounts made formulas in Calc, as many offices keep them: each kegiatan the SUM
    of its sub kegiatan, each programme its kegiatan, the TOTAL the programmes."""
    steps = []
    for c in "IJK":
        steps += [["formula", R, f"{c}6", f"=SUM({c}7:{c}8)"], ["formula", R, f"{c}5", f"={c}6"],
                  ["formula", R, f"{c}10", f"=SUM({c}11)"], ["formula", R, f"{c}9", f"={c}10"],
                  ["formula", R, f"{c}13", f"=SUM({c}14)"], ["formula", R, f"{c}12", f"={c}13"],
                  ["formula", R, f"{c}15", f"={c}5+{c}9+{c}12"]]
    return steps


NEW_SUB = {"A": "01.01.03", "C": "Penyediaan Bahan Logistik Kantor", "D": "Paket logistik", "E": "Paket", "F": 2,
           "G": 2, "I": 50_000_000, "J": 50_000_000, "K": 45_000_000, "N": "Belanja Barang dan Jasa"}


def test_a_sub_kegiatan_added_below_its_kegiatan_s_sum_is_said_at_the_sum_and_nowhere_else(tmp_path, write, data):
    """A sub kegiatan 01.01.03 added below the last one of 01.01 (row 8 copied to a new row 9 and
    retyped): the kegiatan's =SUM(I7:I8) does not grow over it. The office updated everything else
    (the PK's programme pagu, the Rencana Aksi's pagu and quarters, Belanja). The slip is the SUM:
    said there (its formula named, no typing slip guessed); the Rencana Aksi and Belanja, which are
    right, are notes naming it, not errors telling the office to type the old amounts back."""
    steps = _office_sums() + [["copy_row", R, 8, 9]] + [["set", R, f"{c}9", v] for c, v in NEW_SUB.items()]
    murni, perubahan, spent = 800_000_000 + 200_000_000 + 50_000_000, 850_000_000 + 200_000_000 + 50_000_000, \
        820_000_000 + 180_000_000 + 45_000_000
    steps += [["set", "PK Program", "C5", murni], ["set", "PK Program", "D5", perubahan],
              ["set", "RA Kegiatan", "C5", perubahan], *(["set", "RA Kegiatan", f"{c}5", perubahan // 4] for c in "DEFG"),
              ["set", "RA Kegiatan", "K5", spent - 3 * 250_000_000],
              ["set", "Belanja", "B7", 600_000_000 + 50_000_000], ["set", "Belanja", "C7", 570_000_000 + 45_000_000],
              ["set", "Belanja", "B5", 1_450_000_000 + 50_000_000], ["set", "Belanja", "C5", 1_390_000_000 + 45_000_000],
              ["set", "Belanja", "B14", 1_770_000_000 + 50_000_000], ["set", "Belanja", "C14", 1_694_000_000 + 45_000_000]]
    findings = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path)).findings
    assert sorted(_loud(findings)) == sorted((code, R, f"{c}6") for code in ("BUD003", "FRM003") for c in "IJK")
    assert {f.severity for f in findings if f.code in ("BUD003", "FRM003")} == {"error"}
    sums = {f.cell: f for f in findings if f.code == "BUD003"}
    assert [(sums[c].expected, sums[c].found) for c in "I6 J6 K6".split()] == [
        (murni, 1_000_000_000), (perubahan, 1_050_000_000), (spent, 1_000_000_000)]
    assert sums["I6"].message("id").endswith("— hasil rumus =SUM(I7:I8): periksa baris yang dijumlahkannya")
    assert sums["I6"].message("en").endswith("— the result of the formula =SUM(I7:I8): check the rows it adds up")
    notes = {(f.code, f.sheet, f.cell) for f in findings if f.severity == "info"}
    assert notes == {("BUD007", "RA Kegiatan", "C5"), ("BUD022", "RA Kegiatan", "K5"),
                     ("BUD008", "Belanja", "B14"), ("BUD008", "Belanja", "C14")}
    assert all("Realisasi!I6" in f.params["cause"] for f in findings if f.severity == "info")


def test_office_sums_that_add_up_check_clean_with_a_sub_kegiatan_inserted_inside_them(tmp_path, write, data):
    """The same sub kegiatan inserted inside 01.01 (row 7 copied to a new row 8, retyped as 01.01.02,
    the old 01.01.02 now 01.01.03): the SUM grows over it, and with the other sheets updated the
    workbook checks clean."""
    new = {**NEW_SUB, "A": "01.01.02"}
    steps = _office_sums() + [["copy_row", R, 7, 8]] + [["set", R, f"{c}8", v] for c, v in new.items()]
    perubahan, spent = 1_050_000_000 + 50_000_000, 1_000_000_000 + 45_000_000
    steps += [["set", R, "A9", "01.01.03"], ["set", "PK Program", "C5", 1_050_000_000],
              ["set", "PK Program", "D5", perubahan], ["set", "RA Kegiatan", "C5", perubahan],
              *(["set", "RA Kegiatan", f"{c}5", perubahan // 4] for c in "DEFG"),
              ["set", "RA Kegiatan", "K5", spent - 3 * 250_000_000],
              ["set", "Belanja", "B7", 650_000_000], ["set", "Belanja", "C7", 615_000_000],
              ["set", "Belanja", "B5", 1_500_000_000], ["set", "Belanja", "C5", 1_435_000_000],
              ["set", "Belanja", "B14", 1_820_000_000], ["set", "Belanja", "C14", 1_739_000_000]]
    assert check_workbook(edit_in_libreoffice(write(data), steps, tmp_path)).findings == []


def test_an_office_sum_taking_in_the_next_programme_s_row_is_said_at_the_sum_not_as_a_row_deleted(
        tmp_path, write, data):
    """Kegiatan 01.01's =SUM(I7:I8) widened to I7:I9 in its three amounts (a block copied with its
    formulas), taking in programme 02's row: the kegiatan is more than its children in pagu and
    realisasi, which a deleted child row also gives (BUD034). A SUM does not lose a row deleted
    inside its range, so it is the formula: BUD003 at each SUM, naming it, no row said deleted."""
    steps = _office_sums() + [["formula", R, f"{c}6", f"=SUM({c}7:{c}9)"] for c in "IJK"]
    findings = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path)).findings
    assert not [f for f in findings if f.code == "BUD034"]
    sums = {f.cell: f for f in findings if f.code == "BUD003" and f.severity == "error"}
    assert set(sums) == {"I6", "J6", "K6"}
    assert [(sums[c].expected, sums[c].found) for c in ("I6", "J6", "K6")] == [
        (800_000_000 + 200_000_000, 800_000_000 + 200_000_000 + 400_000_000),
        (850_000_000 + 200_000_000, 850_000_000 + 200_000_000 + 400_000_000),
        (820_000_000 + 180_000_000, 820_000_000 + 180_000_000 + 390_000_000)]
    assert sums["K6"].message("id").endswith("— hasil rumus =SUM(K7:K9), yang juga menjumlahkan baris 9 (02): bukan "
                                             "rinciannya; batasi rentangnya pada rincian baris ini")


def test_a_sub_kegiatan_inserted_with_no_total_updated_is_one_error_at_it_naming_the_totals(tmp_path, write, data):
    """A row inserted below the last sub kegiatan of 01.01 (row 9) and typed as 01.01.03, 50.000.000 /
    50.000.000 / 45.000.000 Barang dan Jasa, nothing else updated: each total that includes it (the
    kegiatan, the PK's programme pagu, Belanja's class) is short by exactly its amounts. One error at
    its code naming them; no child of 01.01 guessed at ("with 750.000.000 they all agree"), no "should
    be 0" at the new amounts; the totals are notes naming the row."""
    steps = [["insert", R, 9]] + [["set", R, f"{c}9", v] for c, v in NEW_SUB.items()]
    findings = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path)).findings
    assert sorted(_loud(findings)) == [("BUD035", R, "A9")] + [("FRM004", R, f"{c}9") for c in "HLM"]  # rapikan restores them
    (added,) = [f for f in findings if f.code == "BUD035"]
    totals = ["Belanja!B7", "Belanja!C7", "PK Program!C5", "PK Program!D5", f"{R}!I6", f"{R}!J6", f"{R}!K6"]
    assert (added.severity, added.found, added.expected) == ("error", "01.01.03", ", ".join(totals))
    assert "01.01.03" in added.message("id") and "belum diperbarui" in added.message("id")
    notes = {f"{f.sheet}!{f.cell}": f for f in findings if f.severity == "info"}
    assert sorted(notes) == sorted(totals) and all(f.params["cause"] == f"{R}!A9" for f in notes.values())
    assert (notes[f"{R}!K6"].expected, notes[f"{R}!K6"].found) == (820_000_000 + 180_000_000 + 45_000_000, 1_000_000_000)


def test_a_kegiatan_block_copied_to_a_new_kegiatan_blames_no_old_row(tmp_path, write, data):
    """On the office's sums, kegiatan 01.01 with its first sub kegiatan (rows 6-7) copied into two rows
    inserted at 9 and retyped as kegiatan 01.02 with sub kegiatan 01.02.01 (10.000.000 / 10.000.000 /
    9.000.000, Belanja Pegawai as copied): the copied =SUM(I10:I11) reads the programme row below and
    =I6 leaves the new kegiatan out (said at those formulas), and the PK and Belanja, not updated, are
    short by exactly the new row: one error at 01.02.01 naming them, not one at the old sub kegiatan's
    pagu perubahan J7 ("with 840.000.000 everything agrees")."""
    steps = _office_sums() + [["insert", R, 9], ["insert", R, 9], ["copy", R, "A6:N7", "A9"],
                              ["set", R, "A9", "01.02"], ["set", R, "C9", "Kegiatan Baru"], ["set", R, "A10", "01.02.01"],
                              ["set", R, "C10", "Sub Kegiatan Baru"], ["set", R, "I10", 10_000_000],
                              ["set", R, "J10", 10_000_000], ["set", R, "K10", 9_000_000]]
    findings = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path)).findings
    assert sorted(_loud(findings)) == sorted([("BUD035", R, "A10")] + [("BUD003", R, f"{c}{r}") for c in "IJK" for r in (5, 9)])
    (added,) = [f for f in findings if f.code == "BUD035"]
    assert added.expected == "Belanja!B6, Belanja!C6, Belanja!B14, Belanja!C14, PK Program!C5, PK Program!D5"
    sums = {f.cell: (f.expected, f.found) for f in findings if f.code == "BUD003"}
    assert sums["J5"] == (850_000_000 + 200_000_000 + (10_000_000 + 400_000_000), 850_000_000 + 200_000_000)
    assert sums["K9"] == (9_000_000, 9_000_000 + 390_000_000)


def test_a_table_sorted_by_name_is_said_sorted_by_name_not_by_amount(tmp_path, write, data):
    """Data > Sort on Uraian (column C) ascending over the budget rows A5:N14: one VAL023, whose guess
    names the column the rows now run by, not "sorted by amount"."""
    result = check_workbook(edit_in_libreoffice(write(data), [["sort", R, "A5:N14", 2, True]], tmp_path))
    assert _loud(result.findings) == [("VAL023", R, "A5")]
    (found,) = result.findings
    assert "(tabel diurutkan menurut kolom Uraian?)" in found.message("id")
    assert "(the table sorted by the Description column?)" in found.message("en")


def test_an_office_capaian_formula_filled_down_is_said_as_its_own_formula_not_as_unsaved(tmp_path, write, data):
    """PK capaian K5 retyped =J5/$H$5*100 and filled down to K8 (each row divides by the first target):
    each result differs from lkjip-xl's, and the reason given is the formula of the cell, named, not
    "saved without recalculation" (LibreOffice recalculated it)."""
    steps = [["formula", "PK", "K5", "=J5/$H$5*100"], ["fill_down", "PK", "K5:K8"]]
    findings = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path)).findings
    assert [(f.code, f.sheet, f.cell, f.severity) for f in findings] == [
        ("FRM002", "PK", f"K{r}", "error") for r in range(5, 9)]
    k6 = findings[1]
    assert "rumus sendiri =J6/$H$5*100, bukan rumus template" in k6.message("id")
    assert "a formula of its own, =J6/$H$5*100, not the template's" in k6.message("en")
    assert all("hitung ulang?" not in f.message("id") for f in findings)


def test_a_respondent_typed_below_the_prepared_rows_is_said_at_its_missing_scores_and_rapikan_mends_it(
        tmp_path, write, data):
    """A 41st respondent typed at row 509, below the 500 rows the template prepared with score formulas
    (answers all 1). The sheet's summary formulas add up the score columns, which have no score for it:
    SKM Hasil shows the 40 respondents' results. That is said at the missing score formulas (FRM004);
    SKM Hasil's results, what its formulas give from those scores, are notes naming them, not 21
    errors. The PK's IKM (86,94, typed from the sheet's result) is the error it is. rapikan restores
    the scores and refreshes SKM Hasil: the copy's only error is that PK value."""
    from decimal import Decimal

    from lkjip_xl.repair import repair_workbook

    steps = [["set", "SKM", "A509", 41], ["set", "SKM", "C509", "KTP"]] + [
        ["set", "SKM", f"{c}509", 1] for c in "HIJKLMNOP"]
    path = edit_in_libreoffice(write(data), steps, tmp_path)
    findings = check_workbook(path).findings
    scores = [("FRM004", "SKM", f"{c}509") for c in "QRSTUVWXY"]
    assert sorted(_loud(findings)) == sorted([("KIN011", "PK", "J5"), ("PRN001", "SKM", "A509")] + scores)
    summary = [f for f in findings if f.sheet == "SKM Hasil"]
    assert len(summary) == 21 and {(f.code, f.severity, f.params["follows"]) for f in summary} == {
        ("FRM002", "info", "SKM!Q509")}
    answers = [[r[f"u{u}"] for r in data["tables"]["skm_responden"]] + [1] for u in range(1, 10)]
    ikm = sum(Decimal(sum(a)) / len(a) for a in answers) / 9 * 25
    assert next(f.expected for f in summary if f.cell == "C18") == ikm.quantize(Decimal("0.01"))
    repaired = repair_workbook(path, tmp_path / "rapi.xlsx")
    assert {(c.cell, c.code) for c in repaired.applied if c.sheet == "SKM Hasil"} >= {("C18", "FRM002"), ("F5", "FRM002")}
    assert [(f.code, f.sheet, f.cell) for f in repaired.after.findings if f.severity == "error"] == [("KIN011", "PK", "J5")]


def _notes(findings) -> dict:
    return {(f.code, f.sheet, f.cell): f.params.get("cause") for f in findings if f.severity == "info"}


def test_a_sub_kegiatan_deleted_is_said_at_its_kegiatan_and_what_follows_elsewhere_are_notes_naming_it(
        tmp_path, write, data):
    """Delete Rows on 01.01.02 (200.000.000 / 200.000.000 / 180.000.000, Barang dan Jasa): BUD034 at
    01.01. The PK's programme pagu (1.000.000.000 and 1.050.000.000 for 800.000.000 and 850.000.000
    left) and Belanja's Barang dan Jasa (600.000.000 and 570.000.000 for 400.000.000 and 390.000.000)
    differ by exactly the row's amounts: notes naming the BUD034 cell, no "one digit wrong"."""
    findings = check_workbook(edit_in_libreoffice(write(data), [["delete", R, 8]], tmp_path)).findings
    assert _loud(findings) == [("BUD034", R, "I6")]
    assert _notes(findings) == {("BUD003", R, "J6"): f"{R}!I6", ("BUD003", R, "K6"): f"{R}!I6",
                                ("BUD006", "PK Program", "C5"): f"{R}!I6", ("BUD006", "PK Program", "D5"): f"{R}!I6",
                                ("BUD008", "Belanja", "B7"): f"{R}!I6", ("BUD008", "Belanja", "C7"): f"{R}!I6"}
    belanja = {f.cell: f for f in findings if f.sheet == "Belanja"}
    assert (belanja["B7"].expected, belanja["B7"].found) == (600_000_000 - 200_000_000, 600_000_000)
    assert (belanja["C7"].expected, belanja["C7"].found) == (570_000_000 - 180_000_000, 570_000_000)
    assert all("salah ketik" not in f.message("id") for f in findings)


NO_SPENDING = ([["set", R, f"K{r}", ""] for r in range(5, 16)] + [["set", "Belanja", f"C{r}", ""] for r in range(5, 15)]
               + [["set", "RA Kegiatan", f"{c}5", ""] for c in "HIJK"])


def test_a_sub_kegiatan_deleted_before_any_spending_is_a_row_deleted_not_a_slip_of_the_one_left(
        tmp_path, write, data):
    """Early in the year (no realisasi typed on Realisasi, Belanja or the Rencana Aksi) 01.01.02 is
    deleted (200.000.000 / 200.000.000): 01.01 is more than its one child left in both pagu columns,
    which one mistyped amount of 01.01.01 (its perubahan typed) cannot give. BUD034 at 01.01, not
    BUD021 at 01.01.01's murni ("with 1.000.000.000 everything agrees") and BUD003 at the kegiatan;
    the PK and Belanja are notes naming it."""
    findings = check_workbook(edit_in_libreoffice(write(data), NO_SPENDING + [["delete", R, 8]], tmp_path)).findings
    assert _loud(findings) == [("KIN007", R, "K5"), ("BUD034", R, "I6")]  # realisasi not typed yet: said once
    (missing,) = [f for f in findings if f.code == "BUD034"]
    assert (missing.severity, missing.expected, missing.found) == ("error", 800_000_000, 1_000_000_000)
    assert "kurang pagu murni 200.000.000, pagu perubahan 200.000.000)" in missing.message("id")
    assert _notes(findings) == {("BUD003", R, "J6"): f"{R}!I6", ("BUD006", "PK Program", "C5"): f"{R}!I6",
                                ("BUD006", "PK Program", "D5"): f"{R}!I6", ("BUD008", "Belanja", "B7"): f"{R}!I6"}


def test_a_revision_not_typed_on_realisasi_is_said_at_the_plan_and_the_totals_follow_from_it(tmp_path, write, data):
    """Pagu Perubahan cleared on every budget row of Realisasi (J5:J14), the TOTAL's J15 left at
    1.770.000.000, while the Rencana Aksi and Belanja quote the revised pagu: BUD007 at the Rencana
    Aksi (the revision untyped, J6 and J13). TOTAL's BUD004 (1.770.000.000 for the murni 1.700.000.000)
    and Belanja's Pegawai (+50.000.000, 01.01.01's revision), Jalan (+20.000.000, 03.01.01's) and
    Jumlah (+70.000.000) follow from the same revisions: notes naming them, no typing slip hinted."""
    findings = check_workbook(edit_in_libreoffice(write(data), [["set", R, f"J{r}", ""] for r in range(5, 15)],
                                                  tmp_path)).findings
    assert sorted(_loud(findings)) == sorted([("BUD007", "RA Kegiatan", "C5"), ("BUD007", "RA Kegiatan", "C7")] + [
        ("BUD005", R, f"K{r}") for r in (7, 12, 13, 14)])  # 820.000.000 spent of a murni 800.000.000
    both = f"{R}!J6, {R}!J13"
    assert _notes(findings) == {("BUD004", R, "J15"): both, ("BUD008", "Belanja", "B6"): f"{R}!J6",
                                ("BUD008", "Belanja", "B12"): f"{R}!J13", ("BUD008", "Belanja", "B14"): both}
    total = next(f for f in findings if f.code == "BUD004")
    assert (total.expected, total.found) == (800_000_000 + 200_000_000 + 400_000_000 + 300_000_000, 1_770_000_000)
    assert all("salah ketik" not in f.message("id") for f in findings)


def test_a_sub_kegiatan_typed_below_the_total_is_said_there_as_outside_the_table(tmp_path, write, data):
    """Sub kegiatan 03.01.02 typed in row 16, under the TOTAL (15), 50.000.000 / 50.000.000 / 45.000.000
    Barang dan Jasa, nothing else updated. Its code puts it under 03.01, whose sums lack it; the TOTAL
    does not cover its row at all. One error at its code: below the TOTAL, outside the table, its
    amounts in none of the totals that should include them (named); those totals are notes naming it,
    and no BUD035 beside it. The print area (PRN001) leaves the row out too."""
    steps = [["set", R, f"{c}16", v] for c, v in {**NEW_SUB, "A": "03.01.02"}.items()]
    findings = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path)).findings
    assert _loud(findings) == [("BUD037", R, "A16"), ("PRN001", R, "A16")]
    (outside,) = [f for f in findings if f.code == "BUD037"]
    assert (outside.severity, outside.found) == ("error", "03.01.02")
    totals = f"Belanja!B7, Belanja!C7, PK Program!C7, PK Program!D7, {R}!I13, {R}!J13, {R}!K13"
    assert outside.message("id") == (f"baris 03.01.02 diketik di bawah baris TOTAL (baris 15), di luar tabel yang "
                                     f"dijumlahkannya; angkanya belum termasuk dalam {totals}: pindahkan baris ini ke "
                                     "atas TOTAL, ke tempatnya menurut kode")
    assert "below the TOTAL row (row 15)" in outside.message("en")
    notes = {f"{f.sheet}!{f.cell}": f for f in findings if f.severity == "info"}
    assert sorted(notes) == sorted(totals.split(", ")) and {f.params["cause"] for f in notes.values()} == {f"{R}!A16"}
    assert (notes[f"{R}!K13"].expected, notes[f"{R}!K13"].found) == (304_000_000 + 45_000_000, 304_000_000)


def test_an_office_sum_running_over_the_next_programme_names_the_rows_it_should_not_add(tmp_path, write, data):
    """On the office's sums, kegiatan 01.01's =SUM(I7:I8) widened to I7:I11 in its three amounts (run on
    over programme 02's block: rows 9 02, 10 02.01, 11 02.01.01). BUD003 at each SUM, its expected the
    sum of its two sub kegiatan, its message naming the rows it adds that are not its own, and no
    typing slip guessed."""
    steps = _office_sums() + [["formula", R, f"{c}6", f"=SUM({c}7:{c}11)"] for c in "IJK"]
    findings = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path)).findings
    assert sorted(_loud(findings)) == [("BUD003", R, f"{c}6") for c in "IJK"]
    sums = {f.cell: f for f in findings if f.code == "BUD003"}
    assert [(sums[c].expected, sums[c].found, sums[c].severity) for c in ("I6", "K6")] == [
        (800_000_000 + 200_000_000, 800_000_000 + 200_000_000 + 3 * 400_000_000, "error"),  # 02 = 02.01 = 02.01.01
        (820_000_000 + 180_000_000, 820_000_000 + 180_000_000 + 3 * 390_000_000, "error")]
    assert sums["I6"].message("id").endswith(
        "— hasil rumus =SUM(I7:I11), yang juga menjumlahkan baris 9 (02), 10 (02.01), 11 (02.01.01): bukan "
        "rinciannya; batasi rentangnya pada rincian baris ini")
    assert "which also adds up rows 9 (02), 10 (02.01), 11 (02.01.01): not its own child rows" in sums["K6"].message("en")
    assert all("salah ketik" not in f.message("id") for f in findings)


def test_the_uraian_column_sorted_alone_is_said_where_a_name_is_another_code_s(tmp_path, write, data):
    """Data > Sort on C5:C14 alone (the names, not their rows): every amount stays by its code, but the
    names move. Where the PK Program or the Rencana Aksi names the same code otherwise and the name is
    clearly another code's (that sheet gives it to another code, or that sheet's name of this code now
    stands in another row), a warning at the name naming the other sheet's; the sub kegiatan, which no
    other sheet names, and programme 03, whose name the sort left in place, are not said."""
    findings = check_workbook(edit_in_libreoffice(write(data), [["sort", R, "C5:C14", 0, True]], tmp_path)).findings
    assert [(f.code, f.sheet, f.cell, f.severity) for f in findings] == [
        ("VAL026", R, f"C{r}", "warning") for r in (5, 6, 9, 10, 13)]
    first = findings[0]
    assert (first.expected, first.found) == ("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
                                             "Administrasi Keuangan Perangkat Daerah")
    assert first.message("id") == (
        "uraian di samping kode 01 tertulis 'Administrasi Keuangan Perangkat Daerah', tetapi di PK Program 01 bernama "
        "'Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota' ('Administrasi Keuangan Perangkat Daerah' "
        "adalah nama 01.01 di RA Kegiatan): kolom Uraian terurut atau tergeser sendiri, terpisah dari kodenya?")
    assert "(that name is in row 7, beside the code 01.01.01)" in findings[3].message("en")


def test_names_retyped_shorter_or_in_other_case_are_not_a_mismatch(check, data):
    """The office's own spellings of the same names: capitals, a "Kegiatan" prefix dropped, words
    left out, spacing and punctuation. No VAL026."""
    rows = {r["kode"]: r for r in data["tables"]["realisasi"]}
    rows["01"]["uraian"] = "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KAB/KOTA"
    rows["01.01"]["uraian"] = "Administrasi  Keuangan"
    rows["03.01"]["uraian"] = "Pemberdayaan Kelurahan."
    assert [f for f in check(data) if f.code == "VAL026"] == []
