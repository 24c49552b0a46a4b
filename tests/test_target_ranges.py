"""Targets typed as ranges (domain §3.1: `80-90`, `3 s.d. 5`; inside the range the target is met,
above it the upper bound is the target, below it the lower bound). Staff type them on purpose: no
finding, and the capaian computed as the template's formula computes it (LibreOffice's and
Gnumeric's recalculation of these formulas: tests/test_agreement.py, workbook `ranged`). A text
that looks like a range the formula cannot compute is said at its cell.

PK rows 5..8 (IKU1..IKU4): F arah, H target, J realisasi (86,94; 95; 8; 4), K capaian.
Rencana Aksi rows 5..8: D Target Tahunan."""
from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal as D

import openpyxl
import pytest

from helpers import codes_at
from lkjip_xl.calc.target_range import TargetRange, bounds, parse_range
from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.findings import show_value
from lkjip_xl.template.writer import TypedOverride
from test_agreement import ranged_data
from test_libreoffice_edit import _uno_available, edit_in_libreoffice


def pk(data, i):
    return data["tables"]["pk_indikator"][i]


def ra(data, i):
    return data["tables"]["ra_indikator"][i]


# ------------------------------------------------------------------------------ what is a range
@pytest.mark.parametrize("text, lower, upper", [
    ("80-90", "80", "90"), ("80 - 90", "80", "90"), ("80–90", "80", "90"), ("3 s.d. 5", "3", "5"),
    ("2 s/d 4", "2", "4"), ("80% - 90%", "80", "90"), ("76,61 – 88,30", "76.61", "88.30"),
    ("1.000-2.500", "1000", "2500"), ("5-5", "5", "5"),
])
def test_a_range_is_read_with_its_bounds(text, lower, upper):
    target = parse_range(text)
    assert isinstance(target, TargetRange) and target == text.strip()
    assert (target.lower, target.upper) == (D(lower), D(upper))


@pytest.mark.parametrize("text", ["90-80", "80.5-90", "80—90", "80 sd 90", "S.D.", "B", "-5-5", "80-90-100", "80"])
def test_what_the_formula_cannot_compute_is_no_range(text):
    assert parse_range(text) is None


def test_bounds_of_a_number_and_of_a_range():
    assert bounds(D("82.15")) == (D("82.15"), D("82.15")) and bounds("8 s.d. 12") == (8, 12)
    assert bounds("B") is None and bounds(None) is None


# ------------------------------------------------------------------------------ check
def test_range_targets_give_no_finding_and_their_capaian(write):
    result = check_workbook(write(ranged_data()))
    assert [f for f in result.findings if f.sheet in ("PK", "Rencana Aksi")] == []
    capaian = [row["capaian"] for row in result.context.wb.rows("pk_indikator")]
    # by hand: 86,94 above 80,5–85 -> 86,94/85; 95 above 80–90 -> 95/90; 8 inside 8–12 (turun) -> 100;
    # 4 below 5–6 -> 4/5
    expected = [D("86.94") / 85 * 100, D(95) / 90 * 100, D(100), D(80)]
    assert [abs(a - b) < D("1e-20") for a, b in zip(capaian, expected)] == [True] * 4
    assert result.context.model.table("pk_indikator").get("target", 1).upper == 90


def test_turun_below_the_range_uses_the_lower_bound(check):
    data = ranged_data()
    pk(data, 2)["realisasi"] = D(6)  # turun, 6 below 8–12: (2×8 − 6)/8 = 125
    pk(data, 2)["capaian"] = TypedOverride(D(120))
    findings = check(data)
    assert codes_at(findings, "KIN001") == ["PK!K7"]
    assert next(f for f in findings if f.code == "KIN001").expected == 125


def test_a_capaian_typed_for_a_range_target_is_judged(check):
    data = ranged_data()
    pk(data, 2)["capaian"] = TypedOverride(D(100))  # inside the range: what the formula gives
    pk(data, 3)["capaian"] = TypedOverride(D(100))  # 4 below 5–6 is 80, not 100
    findings = check(data)
    assert codes_at(findings, "KIN001") == ["PK!K8"]
    frm = {f.cell: f.severity for f in findings if f.code == "FRM001"}
    assert frm["K7"] == "info"  # what the formula gives, typed
    kin001 = next(f for f in findings if f.code == "KIN001")
    assert "T = 5" in kin001.message("id") and kin001.expected == 80


@pytest.mark.parametrize("text, detail", [("90-80", "batas bawah"), ("80.5-90", "koma desimal"),
                                          ("80—90", "koma desimal"), ("80 sampai 90", "koma desimal")])
def test_a_range_the_formula_cannot_compute_is_said_at_its_cell(check, text, detail):
    data = ranged_data()
    pk(data, 1)["target"] = ra(data, 1)["target_tahunan"] = text
    findings = check(data)
    assert codes_at(findings, "VAL013") == ["PK!H6", "Rencana Aksi!D6"]
    assert detail in next(f for f in findings if f.code == "VAL013").message("id")


def test_a_range_excel_made_a_date_says_how_to_type_it(write, tmp_path):
    path = write(ranged_data())
    wb = openpyxl.load_workbook(path)
    wb["PK"]["H8"] = dt.datetime(2025, 6, 5)  # "5-6" typed in Excel with an Indonesian locale
    wb.save(tmp_path / "dated.xlsx")
    findings = check_workbook(tmp_path / "dated.xlsx").findings
    assert codes_at(findings, "VAL011") == ["PK!H8"]
    assert "5 s.d. 6" in next(f for f in findings if f.code == "VAL011").message("id")


# ------------------------------------------------------------------------------ Rencana Aksi
def test_the_action_plan_range_is_the_pk_range_however_written(check):
    data = ranged_data()
    ra(data, 1)["target_tahunan"] = "80 s.d. 90"  # PK: 80 - 90
    assert codes_at(check(data), "KIN014") == []


@pytest.mark.parametrize("annual", ["80-95", D(90)])
def test_an_action_plan_target_other_than_the_pk_range(check, annual):
    data = ranged_data()
    ra(data, 1)["target_tahunan"] = annual
    findings = check(data)
    assert codes_at(findings, "KIN014") == ["Rencana Aksi!D6"]
    assert next(f for f in findings if f.code == "KIN014").expected == "80 - 90"


# ------------------------------------------------------------------------------ typed in LibreOffice
@pytest.mark.skipif(not _uno_available(), reason="LibreOffice with python3-uno not installed")
def test_ranges_typed_in_libreoffice_are_computed_by_it_and_by_check(write, tmp_path):
    """Typed through Calc's input line in an Indonesian locale: `5-6` stays text there (no date),
    LibreOffice computes the capaian with the template's formula, check agrees and says nothing
    (the Rencana Aksi's quarters typed towards the ranges too: akhir TW IV, rata-rata each quarter,
    kumulatif 1 + 1 + 1 + 2-3 = 5-6)."""
    from lkjip_xl.calc.capaian import capaian_range
    from test_agreement import valid_data

    steps = [["type", "PK", "H6", "80-90"], ["type", "PK", "H7", "8 s.d. 12"], ["type", "PK", "H8", "5-6"],
             ["type", "Rencana Aksi", "D6", "80 - 90"], ["type", "Rencana Aksi", "D7", "8 s/d 12"],
             ["type", "Rencana Aksi", "D8", "5–6"], ["type", "Rencana Aksi", "H6", "80-90"],
             *(["type", "Rencana Aksi", f"{c}7", "8 s/d 12"] for c in "EFGH"), ["type", "Rencana Aksi", "H8", "2-3"]]
    edited = edit_in_libreoffice(write(valid_data()), steps, tmp_path)
    values = openpyxl.load_workbook(edited, data_only=True)["PK"]
    assert [values[f"H{r}"].value for r in (6, 7, 8)] == ["80-90", "8 s.d. 12", "5-6"]
    by_hand = [D(95) / 90, D(1), D(4) / 5]  # LibreOffice's cached results, as fractions
    assert [abs(D(str(values[f"K{r}"].value)) - x) < D("1e-12") for r, x in zip((6, 7, 8), by_hand)] == [True] * 3
    result = check_workbook(edited)
    assert [f for f in result.findings if f.sheet in ("PK", "Rencana Aksi")] == []
    assert capaian_range(5, 6, 4, "naik").value == 80


# ------------------------------------------------------------------------------ Riwayat Indikator
def test_the_history_holds_ranges_too(write):
    """The history's row for the report year repeats the PK's range (IND004 compares the bounds);
    the capaian of a past year with a range target is computed by the same rule."""
    data = ranged_data()
    data["tables"]["riwayat_indikator"] = [
        {"kode_indikator": "IKU2", "tahun": 2024, "target": "80 s.d. 90", "realisasi": D(95)},
        {"kode_indikator": "IKU2", "tahun": 2023, "target": "75-85", "realisasi": D(70)},
        {"kode_indikator": "IKU3", "tahun": 2024, "target": D(10), "realisasi": D(8)},  # PK: 8 s.d. 12
    ]
    result = check_workbook(write(data))
    ind004 = [f for f in result.findings if f.code == "IND004"]
    assert [(f.sheet, f.cell, f.expected, f.found) for f in ind004] == [("Riwayat Indikator", "C7", "8 s.d. 12", 10)]
    assert [f for f in result.findings if f.code.startswith("VAL")] == []
    history = result.context.wb.riwayat
    assert history[1]["capaian"] == D(70) / 75 * 100  # 70 below 75–85: the lower bound


# ------------------------------------------------------------------------------ earlier formulas
def _with_former_formula(src, dst, rows):
    """``src`` as template 1.1 wrote the capaian of ``rows``: its formula (blank for a text target),
    and the blank result Excel stored."""
    from lkjip_xl.schema.derivations import _capaian_excel_1_1
    from lkjip_xl.schema.types import FormulaContext
    from xml.sax.saxutils import escape
    from xlsx_rewrite import PK as PK_PART, rewrite_part, set_cell, style_of

    def edit(xml: bytes) -> bytes:
        for r in rows:
            refs = {"target": f"H{r}", "realisasi": f"J{r}", "arah": f"F{r}"}
            formula = _capaian_excel_1_1(FormulaContext(row=r, index=0, refs=refs.__getitem__, column_range=None))
            xml = set_cell(xml, f"K{r}", f'<c r="K{r}" s="{style_of(xml, f"K{r}")}" t="str">'
                                         f'<f>{escape(formula[1:])}</f><v></v></c>')
        return xml
    return rewrite_part(src, dst, PK_PART, edit)


def test_an_earlier_templates_formula_is_said_and_rapikan_replaces_it(write, tmp_path):
    from lkjip_xl.repair import repair_workbook

    old = _with_former_formula(write(ranged_data()), tmp_path / "old.xlsx", (6, 8))
    findings = check_workbook(old).findings
    assert codes_at(findings, "FRM007") == ["PK!K6", "PK!K8"]
    assert [f for f in findings if f.code in ("FRM002", "FRM005", "FRM006")] == []
    assert "105,5556" in next(f for f in findings if f.code == "FRM007").message("id")
    result = repair_workbook(old, tmp_path / "rapi.xlsx")
    assert {(c.cell, c.why) for c in result.changes if c.sheet == "PK"} >= {("K6", "formula_former"),
                                                                            ("K8", "formula_former")}
    assert codes_at(check_workbook(tmp_path / "rapi.xlsx").findings, "FRM006") == []
    assert "NUMBERVALUE" in openpyxl.load_workbook(tmp_path / "rapi.xlsx")["PK"]["K6"].value


# ------------------------------------------------------------------------------ a letter typed as the target
def test_a_grade_letter_typed_in_target_is_the_letter_only_target(check, data):
    pk(data, 0)["target"] = "b"  # the IKM's target as its grade, in the Target cell itself
    pk(data, 0)["target_predikat"] = None
    ra(data, 0)["target_tahunan"] = "B"
    findings = check(data)
    assert [(f.code, f.sheet, f.cell, f.severity) for f in findings if f.sheet in ("PK", "Rencana Aksi")] == [
        ("KIN005", "PK", "H5", "warning")]
    assert next(f for f in findings if f.code == "KIN005").found == "B"


def test_a_letter_in_both_target_cells_is_said_once(check, data):
    pk(data, 0)["target"] = "B"  # Target Predikat holds B too
    ra(data, 0)["target_tahunan"] = "B"
    assert codes_at(check(data), "KIN005") == ["PK!I5"]


def test_an_action_plan_letter_other_than_the_pk_letter(check, data):
    pk(data, 0)["target"] = "B"
    ra(data, 0)["target_tahunan"] = "BB"
    assert codes_at(check(data), "KIN014") == ["Rencana Aksi!D5"]


# ------------------------------------------------------------------------------ a letter as the realisasi
@pytest.mark.parametrize("realisasi, severity, verdict", [("BB", "info", "target tercapai"),
                                                          ("A", "info", "target tercapai"),
                                                          ("b", "warning", "di bawah target")])
def test_a_letter_realisasi_against_a_letter_target(check, data, realisasi, severity, verdict):
    row = pk(data, 0)
    row["target"], row["target_predikat"], row["realisasi"] = None, "BB", realisasi  # SAKIP-like: BB
    ra(data, 0)["target_tahunan"] = "BB"
    ra(data, 0)["realisasi_tw4"] = None
    findings = [f for f in check(data) if f.sheet == "PK"]
    assert [(f.code, f.cell) for f in findings] == [("KIN005", "I5"), ("KIN027", "J5")]
    kin027 = findings[1]
    assert (kin027.severity, kin027.expected, kin027.found) == (severity, "BB", realisasi.upper())
    assert verdict in kin027.message("id")


def test_a_letter_realisasi_against_a_number_target(check, data):
    pk(data, 1)["realisasi"] = "B"  # IKU2: target 90
    findings = check(data)
    assert codes_at(findings, "KIN028") == ["PK!J6"]
    assert [f for f in findings if f.code in ("VAL013", "KIN007")] == []


# ------------------------------------------------------------------------------ quarters of a range
def _quarters(row, values):
    for q, v in zip("1234", values):
        row[f"target_tw{q}"] = v


@pytest.mark.parametrize("tw4, finding", [("80-90", None), ("80 s.d. 90", None), ("80-95", "80–95"),
                                          (D(90), None), (D(85), None), (D(95), "95")])
def test_the_last_quarter_of_an_akhir_range(check, tw4, finding):
    """IKU2: PK and Rencana Aksi 80 - 90, rule akhir. TW IV the same range however written, or a
    number within it (the plan aims at a point of the range); another range or a number outside
    it is KIN008."""
    data = ranged_data()
    quarters = [D(25), D(50), "60-70", tw4] if isinstance(tw4, str) else [D(25), D(50), D(70), tw4]
    _quarters(ra(data, 1), quarters)
    findings = check(data)
    assert codes_at(findings, "KIN008") == ([] if finding is None else ["Rencana Aksi!H6"])
    assert [f for f in findings if f.code == "VAL013"] == []
    if finding:
        assert show_value(next(f for f in findings if f.code == "KIN008").expected) == finding


@pytest.mark.parametrize("q1, finding", [("20-25", None), (D(20), "80–95"), ("20-30", "80–105")])
def test_kumulatif_range_quarters_add_up_bound_by_bound(check, q1, finding):
    data = ranged_data()
    row = ra(data, 1)
    row["agregasi"] = "kumulatif"
    pk(data, 1)["target"] = row["target_tahunan"] = "80-100"
    _quarters(row, [q1, "20-25", "20 - 25", "20 s.d. 25"])
    row["realisasi_tw1"] = row["realisasi_tw2"] = row["realisasi_tw3"] = row["realisasi_tw4"] = None
    findings = check(data)
    assert codes_at(findings, "KIN008") == ([] if finding is None else ["Rencana Aksi!H6"])
    if finding:
        kin008 = next(f for f in findings if f.code == "KIN008")
        assert (show_value(kin008.expected), kin008.found) == (finding, "80-100")


@pytest.mark.parametrize("quarters, finding", [([20, 25, 25, 20], None), ([20, 20, 20, 20], None),
                                               ([30, 30, 30, 30], "120"), ([10, 10, 10, 10], "40")])
def test_kumulatif_numbers_towards_a_range_land_within_it(check, quarters, finding):
    data = ranged_data()
    row = ra(data, 1)
    row["agregasi"] = "kumulatif"
    pk(data, 1)["target"] = row["target_tahunan"] = "80-100"
    _quarters(row, [D(q) for q in quarters])
    row["realisasi_tw1"] = row["realisasi_tw2"] = row["realisasi_tw3"] = row["realisasi_tw4"] = None
    findings = check(data)
    assert codes_at(findings, "KIN008") == ([] if finding is None else ["Rencana Aksi!H6"])
    if finding:
        assert show_value(next(f for f in findings if f.code == "KIN008").expected) == finding


def test_a_letter_realisasi_in_the_history(write):
    data = ranged_data()
    data["tables"]["riwayat_indikator"] = [
        {"kode_indikator": "IKU3", "tahun": 2023, "target": "8-12", "realisasi": "BB"},  # a range: no grade
        {"kode_indikator": "IKU1", "tahun": 2023, "target": "B", "realisasi": "C"},  # letters: below
    ]
    findings = check_workbook(write(data)).findings
    assert [(f.code, f.sheet, f.cell, f.severity) for f in findings if f.sheet == "Riwayat Indikator"] == [
        ("KIN028", "Riwayat Indikator", "D5", "error"), ("KIN027", "Riwayat Indikator", "D6", "warning")]


def test_an_earlier_ratio_formula_that_gave_value_for_a_nil_is_replaced(write, tmp_path):
    """Template 1.1's capaian keluaran formula divided the text `-` and showed #VALUE!; the
    current one reads it as 0, as lkjip-xl does. rapikan replaces the earlier formula."""
    from xml.sax.saxutils import escape

    from lkjip_xl.repair import repair_workbook
    from lkjip_xl.schema.derivations import _ratio_excel_1_1
    from lkjip_xl.schema.types import FormulaContext
    from test_agreement import valid_data
    from xlsx_rewrite import REALISASI, rewrite_part, set_cell, style_of

    data = valid_data()
    data["tables"]["realisasi"][2]["realisasi_keluaran"] = "-"  # 01.01.01, row 7: G7
    refs = {"realisasi_keluaran": "G7", "target_keluaran": "F7"}
    formula = _ratio_excel_1_1("realisasi_keluaran", "target_keluaran")(
        FormulaContext(row=7, index=0, refs=refs.__getitem__, column_range=None))
    old = rewrite_part(write(data), tmp_path / "old.xlsx", REALISASI, lambda xml: set_cell(
        xml, "H7", f'<c r="H7" s="{style_of(xml, "H7")}" t="e"><f>{escape(formula[1:])}</f><v>#VALUE!</v></c>'))
    findings = check_workbook(old).findings
    assert [(f.code, f.cell, f.found, f.expected) for f in findings] == [("FRM007", "H7", "#VALUE!", 0)]
    result = repair_workbook(old, tmp_path / "rapi.xlsx")
    assert ("H7", "formula_former") in {(c.cell, c.why) for c in result.changes}
    assert check_workbook(tmp_path / "rapi.xlsx").findings == []


@pytest.mark.skipif(shutil.which("ssconvert") is None, reason="Gnumeric (ssconvert) not installed")
def test_a_program_without_numbervalue_leaves_the_range_blank_said_once_per_cell(write, tmp_path):
    """Saved by Gnumeric, which has no NUMBERVALUE: the current formula's capaian of the range rows
    is blank. FRM006 at each, the kriteria a note naming it, not FRM005 'saved without calculation'."""
    from test_agreement import recalculate_with_gnumeric

    saved = recalculate_with_gnumeric(write(ranged_data()), tmp_path / "gnumeric")
    findings = check_workbook(saved).findings
    assert sorted(codes_at(findings, "FRM006")) == [f"PK!K{r}" for r in (5, 6, 7, 8)]
    # the kriteria that follows from each: a note naming it
    assert sorted((f.cell, f.severity, f.params["follows"]) for f in findings if f.code == "FRM002") == [
        (f"L{r}", "info", f"PK!K{r}") for r in (5, 6, 7, 8)]
    assert [f for f in findings if f.code in ("FRM005", "FRM007")] == []


def test_an_earlier_capaian_formula_blank_for_a_nil_realisasi(write, tmp_path):
    """Template 1.1's capaian formula gave a blank for a realisasi typed `-` (PK!J8, IKU4) and its
    kriteria (L8) followed: FRM007 at the capaian, the kriteria a note naming it, not 'saved
    without calculation' (FRM005); rapikan replaces the formula and refreshes both."""
    from lkjip_xl.repair import repair_workbook
    from test_agreement import valid_data
    from xlsx_rewrite import PK as PK_PART, rewrite_part

    data = valid_data()
    data["tables"]["pk_indikator"][3]["realisasi"] = "-"
    data["tables"]["ra_indikator"][3].update(realisasi_tw1=None, realisasi_tw2=None, realisasi_tw3=None,
                                             realisasi_tw4=None)
    old = _with_former_formula(write(data), tmp_path / "old.xlsx", (8,))
    old = rewrite_part(old, tmp_path / "old2.xlsx", PK_PART, lambda xml: xml.replace(
        b"<v>Sangat Rendah</v>", b"<v></v>", 1) if b"Sangat Rendah" in xml else xml)
    findings = check_workbook(old).findings
    assert [(f.code, f.cell, f.severity) for f in findings if f.sheet == "PK"] == [
        ("FRM007", "K8", "warning"), ("FRM002", "L8", "info")]
    assert next(f for f in findings if f.cell == "L8").params["follows"] == "PK!K8"
    repair_workbook(old, tmp_path / "rapi.xlsx")
    assert check_workbook(tmp_path / "rapi.xlsx").findings == []


@pytest.mark.parametrize("quarters, fall", [
    (["20-25", "40-50", "60-75", "80-100"], None),  # running totals that rise
    (["20-25", "40-50", "30-45", "80-100"], ("Rencana Aksi!G6", "40-50", "30-45")),  # the range moves down
    (["20-25", "40-50", "40-48", "80-100"], ("Rencana Aksi!G6", "40-50", "40-48")),  # its upper bound falls
    (["20-25", "40-50", D(45), "80-100"], None),  # a number within the range before it: a point of it
    ([D(20), D(45), "40-50", "80-100"], None),
    ([D(20), D(50), D(30), "80-100"], ("Rencana Aksi!G6", D(50), D(30))),  # numbers towards a range
])
def test_kumulatif_running_totals_of_ranges_must_not_fall(check, quarters, fall):
    """KIN009 for ranges: running totals (TW IV is the year's range 80-100) fall when a bound goes
    down from one quarter to the next; KIN008 holds (TW IV is the year) either way."""
    data = ranged_data()
    row = ra(data, 1)
    row["agregasi"] = "kumulatif"
    pk(data, 1)["target"] = row["target_tahunan"] = "80-100"
    _quarters(row, quarters)
    row["realisasi_tw1"] = row["realisasi_tw2"] = row["realisasi_tw3"] = row["realisasi_tw4"] = None
    findings = check(data)
    assert [(f"{f.sheet}!{f.cell}", f.expected, f.found) for f in findings if f.code == "KIN009"] == (
        [] if fall is None else [fall])
    assert codes_at(findings, "KIN008") == []


# ------------------------------------------------------------------------------ plausibility of ranges
@pytest.mark.parametrize("quarters, at, found", [
    ([D(25), D(500), D(75)], "Rencana Aksi!F6", D(500)),  # 50 with an extra zero, towards 80 - 90
    ([D(25), "60-70", "40-50"], "Rencana Aksi!G6", "40-50"),  # back down on the way
    ([D(25), "40-50", "60-70"], None, None),
])
def test_akhir_quarters_towards_a_range_are_judged_by_its_middle(check, quarters, at, found):
    """KIN024 (an ``akhir`` quarter off the annual scale or moving away) reads a range by its
    middle (80 - 90: 85); the finding states the targets as typed."""
    data = ranged_data()
    _quarters(ra(data, 1), [*quarters, "80 - 90"])
    findings = [f for f in check(data) if f.code == "KIN024"]
    assert [(f"{f.sheet}!{f.cell}", f.expected, f.found) for f in findings] == (
        [] if at is None else [(at, "80 - 90", found)])


@pytest.mark.parametrize("key, value, cell", [("target_renstra", D(900), "PK!N6"), ("realisasi_lalu", D(9), "PK!M6"),
                                              ("target_renstra", D(95), None)])
def test_values_on_another_scale_than_a_range_target(check, key, value, cell):
    """KIN022 compares an indicator's values with its target: a range (80 - 90) by its middle.
    IKU2 has no realisasi yet, so the range is the only value to compare with."""
    data = ranged_data()
    pk(data, 1)["realisasi"] = None
    pk(data, 1)[key] = value
    findings = [f for f in check(data) if f.code == "KIN022"]
    assert [f"{f.sheet}!{f.cell}" for f in findings] == ([] if cell is None else [cell])
