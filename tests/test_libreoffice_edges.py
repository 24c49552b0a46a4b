"""Figures that are unusual but right, typed in LibreOffice itself (tests/uno_edit.py) and saved
through Calc, which recalculates: what the sheet's own formulas show and what check says of them
must agree. Expected values come from plain Decimal arithmetic.

Skipped where LibreOffice or the system python3 with its uno module is missing."""
from __future__ import annotations

from decimal import Decimal as D

from test_libreoffice_edit import PK, REAL, cell, edit_in_libreoffice, pytestmark  # noqa: F401 (the skip mark)

from lkjip_xl.checks.engine import check_workbook


def test_a_provincial_amount_near_fifteen_digits_leaves_a_sisa_calc_stores_as_a_double_not_stale(tmp_path, write, data):
    """A provincial OPD's 01.01.01: pagu perubahan 1.234.567.890.123,45, realisasi
    1.234.567.890.000,12, its kegiatan, programme and total typed to match. Calc's sisa (J − K of
    two doubles of 10^12) is stored 123,3298..., not 123,33: the double's noise, far below a sen.
    It is no stale result "saved without recalculation" (FRM002): the file was just recalculated."""
    first = REAL.first_row
    pagu, spent = "1.234.567.890.123,45", "1.234.567.890.000,12"
    kegiatan_pagu, kegiatan_spent = "1.234.767.890.123,45", "1.234.747.890.000,12"  # + 01.01.02's 200 / 180 juta
    steps = [["type", REAL.sheet, cell(REAL, "pagu_perubahan", first + 2), pagu],
             ["type", REAL.sheet, cell(REAL, "realisasi", first + 2), spent]]
    for row in (first, first + 1):  # the programme 01 and its kegiatan 01.01
        steps += [["type", REAL.sheet, cell(REAL, "pagu_perubahan", row), kegiatan_pagu],
                  ["type", REAL.sheet, cell(REAL, "realisasi", row), kegiatan_spent]]
    total = first + 10
    steps += [["type", REAL.sheet, cell(REAL, "pagu_perubahan", total), "1.235.487.890.123,45"],
              ["type", REAL.sheet, cell(REAL, "realisasi", total), "1.235.441.890.000,12"]]
    result = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path))
    table = result.context.model.table("realisasi")
    stored = table.values["sisa"][table.rows.index(first + 2)]
    exact = D("1234567890123.45") - D("1234567890000.12")
    assert stored != exact and abs(stored - exact) < D("0.005")  # what Calc stored: the double's noise
    assert result.context.wb.column("realisasi", "sisa")[table.rows.index(first + 2)] == exact
    assert [(f.code, f.cell) for f in result.findings if f.sheet == REAL.sheet and f.code.startswith("FRM")] == []


def test_a_turun_target_of_0_met_with_0_is_a_warning_that_says_it_is_met_not_an_error(tmp_path, write, data):
    """IKU3 (turun, 'gangguan ketenteraman yang berulang') planned at 0 and 0 reached, typed in Calc
    on the PK and its Rencana Aksi: the target is met, but 0 / 0 has no capaian and the sheet leaves it
    blank. Said once, as a warning at the target (KIN033), not as an error "capaian cannot be computed"
    (KIN006) that stops the annex. Realisasi 2 against the 0 is not met: KIN006 stays."""
    row = PK.first_row + 2
    assert data["tables"]["pk_indikator"][2]["arah"] == "turun"
    ra = [["set", "Rencana Aksi", f"{c}7", 0] for c in "DEFGH"]  # IKU3's annual and quarter targets
    steps = [["type", PK.sheet, cell(PK, "target", row), "0"], ["type", PK.sheet, cell(PK, "realisasi", row), "0"], *ra]
    result = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path))
    said = [(f.code, f.sheet, f.cell, f.severity) for f in result.findings]
    assert said == [("KIN033", PK.sheet, cell(PK, "target", row), "warning")]
    assert "target tercapai" in result.findings[0].message("id")
    table = result.context.model.table("pk_indikator")
    assert table.values["capaian"][table.rows.index(row)] is None  # what Calc shows: a blank capaian

    steps[1] = ["type", PK.sheet, cell(PK, "realisasi", row), "2"]
    result = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path))
    assert [(f.code, f.cell, f.severity) for f in result.findings] == [("KIN006", cell(PK, "target", row), "error")]


def _provincial_steps() -> list:
    """The provincial amounts of the FRM002 test above, typed on Realisasi in Calc."""
    first = REAL.first_row
    steps = [["type", REAL.sheet, cell(REAL, "pagu_perubahan", first + 2), "1.234.567.890.123,45"],
             ["type", REAL.sheet, cell(REAL, "realisasi", first + 2), "1.234.567.890.000,12"]]
    for row in (first, first + 1):  # the programme 01 and its kegiatan 01.01 (+ 01.01.02's 200 / 180 juta)
        steps += [["type", REAL.sheet, cell(REAL, "pagu_perubahan", row), "1.234.767.890.123,45"],
                  ["type", REAL.sheet, cell(REAL, "realisasi", row), "1.234.747.890.000,12"]]
    return steps + [["type", REAL.sheet, cell(REAL, "pagu_perubahan", first + 10), "1.235.487.890.123,45"],
                    ["type", REAL.sheet, cell(REAL, "realisasi", first + 10), "1.235.441.890.000,12"]]


def test_a_provincial_realisasi_frozen_by_paste_values_keeps_its_sisa_calc_stored_not_a_wrong_amount(tmp_path, write, data):
    """The provincial amounts above, then the sheet frozen by Paste Special > Values only: each sisa
    is now the double Calc stored (123,3298... for 123,33), a number of 15+ significant digits that
    no person typed. It is the same amount within half a sen: no BUD001 "sisa seharusnya 123,33",
    and the frozen formula is a note that says it is what the formula gives (FRM001, info). A sisa
    typed a sen off stays an error."""
    steps = _provincial_steps() + [["values_only", REAL.sheet]]
    result = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path))
    table = result.context.model.table("realisasi")
    i = table.rows.index(REAL.first_row + 2)
    exact = D("1234567890123.45") - D("1234567890000.12")
    assert table.values["sisa"][i] != exact and abs(table.values["sisa"][i] - exact) < D("0.005")
    said = [(f.code, f.cell, f.severity) for f in result.findings if f.sheet == REAL.sheet and f.code == "BUD001"]
    assert said == []
    sisa = [f for f in result.findings if f.sheet == REAL.sheet and f.cell == cell(REAL, "sisa", REAL.first_row + 2)]
    assert [(f.code, f.severity) for f in sisa] == [("FRM001", "info")]
    assert "sama dengan hasil rumusnya" in sisa[0].message("id")

    steps.append(["type", REAL.sheet, cell(REAL, "sisa", REAL.first_row + 2), "123,34"])
    result = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path))
    said = [(f.code, f.cell, f.severity) for f in result.findings if f.sheet == REAL.sheet and f.code == "BUD001"]
    assert said == [("BUD001", cell(REAL, "sisa", REAL.first_row + 2), "error")]


def test_a_turun_programme_indicator_planned_at_0_and_met_with_0_is_said_as_the_pk_says_it(tmp_path, write, data):
    """The PK's KIN033 on Indikator Program: 02.01 (turun, 'gangguan trantibum berulang') planned at
    0 and 0 reached, typed in Calc (E6, F6). The target is met, 0 / 0 has no capaian and the
    sheet's formula leaves it blank: said once, a warning at the target, as on the PK. Realisasi 2
    against the 0 is not met: KIN006, an error."""
    from test_program_indicator_arah import _programme_indicators

    steps = [["type", "Indikator Program", "E6", "0"], ["type", "Indikator Program", "F6", "0"]]
    result = check_workbook(edit_in_libreoffice(write(_programme_indicators(data)), steps, tmp_path))
    said = [(f.code, f.sheet, f.cell, f.severity) for f in result.findings]
    assert said == [("KIN033", "Indikator Program", "E6", "warning")]
    assert "target tercapai" in result.findings[0].message("id")
    table = result.context.model.table("indikator_program")
    assert table.values["capaian"][table.rows.index(6)] is None  # what Calc shows: a blank capaian

    steps[1] = ["type", "Indikator Program", "F6", "2"]
    result = check_workbook(edit_in_libreoffice(write(_programme_indicators(data)), steps, tmp_path))
    assert [(f.code, f.cell, f.severity) for f in result.findings] == [("KIN006", "E6", "error")]


def test_a_renstra_final_target_of_0_met_with_0_and_a_naik_programme_indicator_at_0_0_say_what_the_pk_says(tmp_path, write, data):
    """The PK's rule for a target of 0 on its other tables, typed in Calc. IKU3 (turun) with Target
    Akhir Renstra 0 and realisasi 0: the final target is met, but the tingkat kemajuan (R / 0) has
    none: KIN033 at the Renstra target, a warning, as the PK's own target of 0 met with 0. Programme
    01's indicator (naik) planned at 0 and 0 done: no capaian, KIN006 at its target, as the PK says
    for a naik indicator's 0 / 0. Both were silent."""
    from test_libreoffice_edit import PK
    from test_program_indicator_arah import _programme_indicators

    row = PK.first_row + 2
    assert data["tables"]["pk_indikator"][2]["arah"] == "turun"
    steps = [["type", PK.sheet, cell(PK, "target_renstra", row), "0"], ["type", PK.sheet, cell(PK, "realisasi", row), "0"],
             ["type", "Indikator Program", "E5", "0"], ["type", "Indikator Program", "F5", "0"]]
    result = check_workbook(edit_in_libreoffice(write(_programme_indicators(data)), steps, tmp_path))
    said = sorted((f.code, f.sheet, f.cell, f.severity) for f in result.findings)
    assert said == [("KIN006", "Indikator Program", "E5", "error"),
                    ("KIN033", PK.sheet, cell(PK, "target_renstra", row), "warning")]
    met = next(f for f in result.findings if f.code == "KIN033")
    assert "target tercapai" in met.message("id") and "tingkat kemajuan" in met.message("id")


def test_a_negative_realisasi_of_a_turun_indicator_is_said_with_the_capaian_it_inflates(tmp_path, write, data):
    """A decrease typed as a negative number in Calc where the arah already says turun: IKU3 (target
    10 %) realisasi -3 on the PK, programme indicator 02.01 (target 10) realisasi -2. (2T − R) / T
    gives (20 + 3) / 10 × 100 = 230 % and (20 + 2) / 10 × 100 = 220 %, past 200 %: a warning at each
    realisasi, with that capaian, not a silent inflated capaian."""
    from test_libreoffice_edit import PK
    from test_program_indicator_arah import _programme_indicators

    row = PK.first_row + 2
    assert data["tables"]["pk_indikator"][2]["arah"] == "turun" and data["tables"]["pk_indikator"][2]["target"] == 10
    steps = [["type", PK.sheet, cell(PK, "realisasi", row), "-3"], ["type", "Indikator Program", "F6", "-2"]]
    result = check_workbook(edit_in_libreoffice(write(_programme_indicators(data)), steps, tmp_path))
    said = sorted((f.code, f.sheet, f.cell, f.severity) for f in result.findings)
    assert said == [("KIN035", "Indikator Program", "F6", "warning"), ("KIN035", PK.sheet, cell(PK, "realisasi", row), "warning")]
    by_sheet = {f.sheet: f.message("id") for f in result.findings}
    assert f" {int((2 * D(10) + D(3)) / D(10) * 100)} %" in by_sheet[PK.sheet]
    assert f" {int((2 * D(10) + D(2)) / D(10) * 100)} %" in by_sheet["Indikator Program"]


def test_an_skm_period_across_the_year_end_that_starts_in_the_report_year_is_not_another_year(tmp_path, write, data):
    """The 2024 workbook's SKM period typed 'Desember 2024 – Januari 2025' in Calc: a survey run
    across the year end, one month in each year, belongs to the year it started in as well; no
    VAL020 'tidak sesuai dengan tahun laporan'. 'Desember 2024 – November 2025' lies mostly in 2025
    (11 months of 12): VAL020, a warning at the period."""
    assert data["forms"]["identitas"]["tahun"] == 2024
    at = "SKM!D4"
    result = check_workbook(edit_in_libreoffice(write(data), [["type", "SKM", "D4", "Desember 2024 – Januari 2025"]], tmp_path))
    assert [f.code for f in result.findings] == []
    result = check_workbook(edit_in_libreoffice(write(data), [["type", "SKM", "D4", "Desember 2024 – November 2025"]], tmp_path))
    assert [(f.code, f"{f.sheet}!{f.cell}", f.severity, f.expected) for f in result.findings] == [
        ("VAL020", at, "warning", "2024")]


def _ikm_with(data, dropped: dict, score: int) -> D:
    """Σ NRR / 9 × 25 in plain Decimal from the valid workbook's answers, the answers at ``dropped``
    ((respondent index, column) -> what was typed) counted as ``score``."""
    rows = data["tables"]["skm_responden"]
    nrrs = [D(sum(score if (i, u) in dropped else r[u] for i, r in enumerate(rows))) / len(rows)
            for u in (f"u{k}" for k in range(1, 10))]
    return sum(nrrs) / 9 * 25


def test_kin011_a_typed_ikm_that_the_dropped_answers_explain_is_a_note_naming_them(tmp_path, write, data):
    """Two SKM answers typed in Calc that cannot be read (SKM!H9 '5', SKM004; SKM!I10 'Luar biasa',
    SKM019) are left out, so the sheet's IKM is 86,87 and the PK's typed 86,94 differs. Counted as 1
    or as 4 they give an IKM between which 86,94 lies: the difference may come from them alone, so
    KIN011 is a note naming them, not a second error. 90,00, outside that range, stays an error."""
    dropped = {(0, "u1"): 5, (1, "u2"): "Luar biasa"}
    steps = [["set", "SKM", "H9", 5], ["set", "SKM", "I10", "Luar biasa"]]
    at = cell(PK, "realisasi", PK.first_row)
    typed = data["tables"]["pk_indikator"][0]["realisasi"]
    low, high = _ikm_with(data, dropped, 1), _ikm_with(data, dropped, 4)
    assert round(low, 2) <= typed == D("86.94") <= round(high, 2)
    result = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path))
    said = [(f.code, f"{f.sheet}!{f.cell}", f.severity) for f in result.findings if f.code.startswith("KIN")]
    assert said == [("KIN011", f"{PK.sheet}!{at}", "info")]
    assert "SKM!H9, SKM!I10" in next(f for f in result.findings if f.code == "KIN011").message("id")

    result = check_workbook(edit_in_libreoffice(write(data), [*steps, ["type", PK.sheet, at, "90"]], tmp_path))
    assert D(90) > round(high, 2)
    said = [(f.code, f"{f.sheet}!{f.cell}", f.severity) for f in result.findings if f.code == "KIN011"]
    assert said == [("KIN011", f"{PK.sheet}!{at}", "error")]
