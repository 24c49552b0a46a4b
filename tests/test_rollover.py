"""This year's workbook started from last year's file: the office copies last year's filled
workbook in January, changes the year on Identitas and retypes what it remembers to retype. What
it forgets (answers, realisasi) must not pass as this year's; what it does on purpose (a survey
period that starts in last December) is no alarm."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from helpers import codes_at
from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.schema import SCHEMA
from lkjip_xl.schema.refs import a1
from test_libreoffice_edit import edit_in_libreoffice, pytestmark as needs_libreoffice

RESP = SCHEMA.table("skm_responden")
DATE_COL = RESP.col_index("tanggal")


def _new_year(steps_after: list) -> list:
    """The year changed to 2025, the report signed in January 2026, the survey period retyped."""
    return [["set", "Identitas", "B7", 2025], ["type", "Identitas", "B16", "31/01/2026"],
            ["set", "SKM", "D4", "Januari–Desember 2025"], *steps_after]


@needs_libreoffice
def test_last_year_s_respondents_left_below_this_year_s_are_one_warning_at_the_first(tmp_path, write, data):
    """This year's survey has 30 respondents; typed over the first 30 of last year's 40 rows in
    Calc, the last 10 (dated 2024) stayed and counted in the 2025 IKM without a word."""
    answered = data["tables"]["skm_responden"]
    new = 30
    steps = [["type", "SKM", a1(RESP.first_row + i, DATE_COL), f"{r['tanggal'].day:02d}/{r['tanggal'].month:02d}/2025"]
             for i, r in enumerate(answered[:new])]
    edited = edit_in_libreoffice(write(data), _new_year(steps), tmp_path)
    findings = [f for f in check_workbook(edited).findings if f.code == "SKM037"]
    first, last = RESP.first_row + new, RESP.first_row + len(answered) - 1
    assert [(f.sheet, f.cell, f.severity, f.expected, f.found, f.params["count"], f.params["rows"])
            for f in findings] == [("SKM", a1(first, DATE_COL), "warning", "2025", "2024", len(answered) - new,
                                    f"{first}–{last}")]


def test_a_survey_period_that_names_last_december_makes_its_dates_this_survey_s(check, data):
    """`Desember 2024 – November 2025`: a December 2024 respondent is on purpose."""
    data["forms"]["identitas"].update(tahun=2025, tanggal=dt.date(2026, 1, 31))
    data["forms"]["skm_info"]["periode"] = "Desember 2024 – November 2025"
    for i, r in enumerate(data["tables"]["skm_responden"]):
        r["tanggal"] = dt.date(2024, 12, 10) if i == 0 else r["tanggal"].replace(year=2025)
    assert codes_at(check(data), "SKM037") == []


def test_answers_and_period_both_left_last_year_s_are_said_at_the_period_only(check, data):
    """Only the year changed: the period's VAL020 (the year blamed, VAL021) says it; the dates,
    in the period's year, are not said again."""
    data["forms"]["identitas"]["tahun"] = 2025
    findings = check(data)
    assert codes_at(findings, "SKM037") == []
    assert "SKM!D4" in codes_at(findings, "VAL020")


@needs_libreoffice
def test_only_the_year_changed_blames_the_year_or_says_the_workbook_is_last_year_s_copy(tmp_path, write, data):
    """Last year's workbook with only Identitas's year changed in Calc: VAL021 said only 'with 2024
    everything agrees', as if 2025 were a slip, where the signing date, the SKM period and every
    respondent say the whole workbook is still 2024's."""
    edited = edit_in_libreoffice(write(data), [["set", "Identitas", "B7", 2025]], tmp_path)
    findings = [f for f in check_workbook(edited).findings if f.code == "VAL021"]
    assert [(f.sheet, f.cell, f.severity, f.expected, f.found, f.params.get("copied_year")) for f in findings] == [
        ("Identitas", "B7", "warning", "2024", "2025", "2024")]
    assert "the 2024 file, copied and not yet updated" in findings[0].message("en")
    assert "berkas tahun 2024 yang disalin" in findings[0].message("id")


@needs_libreoffice
def test_this_year_s_ikm_typed_beside_last_year_s_respondents_is_said_by_skm037_not_kin011(tmp_path, write, data):
    """The year, signing date and survey period updated, this year's IKM (88,12, from the new
    survey's report) typed on PK, last year's respondents left: KIN011 said 'IKM from the SKM sheet
    86,94' as an error beside SKM037, as if the typed IKM were wrong. Now a note naming SKM037's cell."""
    pk_cell = a1(PK.first_row, PK.col_index("realisasi"))
    edited = edit_in_libreoffice(write(data), _new_year([["type", PK.sheet, pk_cell, "88,12"]]), tmp_path)
    findings = check_workbook(edited).findings
    stale = [(f.sheet, f.cell, f.severity) for f in findings if f.code == "SKM037"]
    assert stale == [("SKM", a1(RESP.first_row, DATE_COL), "warning")]
    assert [(f.sheet, f.cell, f.severity, f.params.get("cause")) for f in findings if f.code == "KIN011"] == [
        (PK.sheet, pk_cell, "info", f"SKM!{a1(RESP.first_row, DATE_COL)}")]


PK = SCHEMA.table("pk_indikator")


def _shifted(data: dict) -> list:
    """Each indicator's realisasi typed into Realisasi Tahun Lalu, as the office does in January."""
    return [["set", PK.sheet, a1(PK.first_row + i, PK.col_index("realisasi_lalu")), float(r["realisasi"])]
            for i, r in enumerate(data["tables"]["pk_indikator"])]


@needs_libreoffice
def test_realisasi_shifted_into_last_year_s_column_but_left_is_said_without_last_year_s_workbook(
        tmp_path, write, data):
    """Last year's realisasi moved into Realisasi Tahun Lalu in Calc, this year's column not cleared:
    every indicator's realisasi is last year's. KIN031 needed --tahun-lalu; without it, nothing."""
    edited = edit_in_libreoffice(write(data), _new_year(_shifted(data)), tmp_path)
    n = len(data["tables"]["pk_indikator"])
    first, last = a1(PK.first_row, PK.col_index("realisasi")), a1(PK.first_row + n - 1, PK.col_index("realisasi"))
    findings = [f for f in check_workbook(edited).findings if f.code == "KIN031"]
    assert [(f.sheet, f.cell, f.severity, f.params["cells"], f.params["source"].en) for f in findings] == [
        (PK.sheet, first, "warning", f"{first}–{last}", "their Realisasi Tahun Lalu on this sheet")]


def test_one_realisasi_measured_again_is_no_copy_of_the_pk_s_own_last_year(check, data):
    for r in data["tables"]["pk_indikator"]:
        r["realisasi_lalu"] = r["realisasi"]
    data["tables"]["pk_indikator"][0]["realisasi_lalu"] = 80
    assert codes_at(check(data), "KIN031") == []


@needs_libreoffice
def test_a_realisasi_retyped_beside_last_year_s_quarters_is_blamed_with_what_the_quarters_add_up_to(
        tmp_path, write, data):
    """IKU4 (kumulatif, quarters 1, 1, 1, 1 left from last year) given this year's realisasi 5 in
    Calc: KIN020 at the PK's cell said 'with 1 everything agrees' (the quarters read as running
    totals) where the quarters, as amounts like their targets, add up to 4."""
    i = next(k for k, r in enumerate(data["tables"]["ra_indikator"]) if r["agregasi"] == "kumulatif")
    ra = data["tables"]["ra_indikator"][i]
    p = next(k for k, r in enumerate(data["tables"]["pk_indikator"]) if r["kode_indikator"] == ra["kode_indikator"])
    quarters = sum((ra[f"realisasi_tw{q}"] for q in range(1, 5)), D(0))
    cell = a1(PK.first_row + p, PK.col_index("realisasi"))
    edited = edit_in_libreoffice(write(data), _new_year([["set", PK.sheet, cell, float(quarters + 1)]]), tmp_path)
    findings = [f for f in check_workbook(edited).findings if f.code == "KIN020"]
    assert [(f.sheet, f.cell, f.severity, f.expected) for f in findings] == [(PK.sheet, cell, "error", quarters)]


@needs_libreoffice
def test_last_year_s_column_not_shifted_or_given_the_target_is_said_so_against_last_year_s_workbook(
        tmp_path, write, data):
    """With --tahun-lalu: Realisasi Tahun Lalu of IKU1 left as it was in the copy (last year's own
    Realisasi Tahun Lalu) said only 'last year's workbook says 86,94'; IKU2's given last year's
    target said 'likely a typing slip: one digit wrong'. Now KIN032 naming both cells of last year's
    workbook, and KIN012 naming the target."""
    rows = data["tables"]["pk_indikator"]
    m = PK.col_index("realisasi_lalu")
    last_year = write(data, "last.xlsx")
    steps = [["set", PK.sheet, a1(PK.first_row + 1, m), float(rows[1]["target"])]] + [
        ["set", PK.sheet, a1(PK.first_row + i, m), float(r["realisasi"])] for i, r in enumerate(rows) if i > 1]
    edited = edit_in_libreoffice(write(data), _new_year(steps), tmp_path)
    findings = [f for f in check_workbook(edited, last_year).findings if f.code in ("KIN012", "KIN032")]
    m5, m6 = a1(PK.first_row, m), a1(PK.first_row + 1, m)
    assert [(f.code, f.cell, f.severity, f.expected, f.found) for f in findings] == [
        ("KIN032", m5, "error", rows[0]["realisasi"], rows[0]["realisasi_lalu"]),
        ("KIN012", m6, "error", rows[1]["realisasi"], rows[1]["target"])]
    kin032, kin012 = findings
    assert (kin032.params["tahun"], kin032.params["old"]) == (2024, 2023)
    assert kin032.params["old_cell"].en == f"{PK.sheet}!{m5} of last year's workbook"
    h6 = a1(PK.first_row + 1, PK.col_index("target"))
    assert kin012.message("en").endswith(f": that is last year's target ({PK.sheet}!{h6} of last year's workbook), "
                                         "not its actual")


REAL = SCHEMA.table("realisasi")


@needs_libreoffice
def test_last_year_s_spending_left_on_the_realisasi_sheet_is_one_warning_with_last_year_s_workbook(
        tmp_path, write, data):
    """The PK's realisasi retyped and last year's shifted into Realisasi Tahun Lalu in Calc, the
    Realisasi sheet left as it was: every sub kegiatan's Realisasi (Rp) is last year's, and even
    with --tahun-lalu nothing said it."""
    rows = data["tables"]["pk_indikator"]
    steps = _shifted(data) + [["set", PK.sheet, a1(PK.first_row + i, PK.col_index("realisasi")), float(r["realisasi"]) + 1]
                              for i, r in enumerate(rows)]
    last_year = write(data, "last.xlsx")
    edited = edit_in_libreoffice(write(data), _new_year(steps), tmp_path)
    subs = [i for i, r in enumerate(data["tables"]["realisasi"]) if (r.get("kode") or "").count(".") == 2 and r["realisasi"]]
    first, end = (a1(REAL.first_row + i, REAL.col_index("realisasi")) for i in (subs[0], subs[-1]))
    findings = [f for f in check_workbook(edited, last_year).findings if f.code == "BUD038"]
    assert [(f.sheet, f.cell, f.severity, f.params["n"], f.params["cells"]) for f in findings] == [
        (REAL.sheet, first, "warning", len(subs), f"{first}–{end}")]


def test_one_sub_kegiatan_spending_this_year_s_is_no_copy(check, data):
    import copy

    prev = copy.deepcopy(data)
    prev["forms"]["identitas"]["tahun"] = 2023
    sub = next(r for r in prev["tables"]["realisasi"] if (r.get("kode") or "").count(".") == 2)
    sub["realisasi"] += 1
    assert codes_at(check(data, prev), "BUD038") == []


def test_last_year_s_realisasi_tahun_lalu_kept_is_kin032_not_kin012(check, data):
    """Last year's workbook states 85,10 as its own Realisasi Tahun Lalu and 84,20 as its realisasi;
    this year's PK still says 85,10: the column was not shifted."""
    import copy

    prev = copy.deepcopy(data)
    prev["forms"]["identitas"]["tahun"] = data["forms"]["identitas"]["tahun"] - 1
    row = next(r for r in prev["tables"]["pk_indikator"] if r["kode_indikator"] == "IKU1")
    row["realisasi"] = D("84.20")
    findings = check(data, prev)
    assert codes_at(findings, "KIN012") == [] and codes_at(findings, "KIN032") == ["PK!M5"]
