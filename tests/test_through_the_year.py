"""The workbook through the year (docs/limits.md, "Through the year"): an office fills it from
January (the PK, targets only) to January of the next year, and checks and prints it at each stage.
What is not due yet is left alone or said once; what is due is checked fully; nothing blank is
computed as 0. Each test takes the valid workbook back to one stage by blanking what an office has
not typed yet."""
from __future__ import annotations

import openpyxl
import pytest

from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.schema import SCHEMA
from lkjip_xl.schema.refs import a1
from test_annex_support import run_annex
from test_libreoffice_edit import _uno_available, edit_in_libreoffice


def _sub_kegiatan(data):
    return [r for r in data["tables"]["realisasi"] if r["kode"] and r["kode"].count(".") == 2]


def test_annex_with_the_budget_realisasi_not_typed_yet_notes_the_blank_and_prints(write, data, tmp_path):
    """Belanja filled (from the finance system) while Realisasi (Rp) is still blank: the Ikhtisar's
    note said the budget table's total realisasi with a format of None and the annex stopped on an
    internal error (exit 2)."""
    for row in data["tables"]["realisasi"]:
        row["realisasi"] = None
    out = tmp_path / "a.xlsx"
    result = run_annex(write(data), "-o", out)
    assert result.exit_code == 0, result.output
    pagu = sum(r["pagu_perubahan"] for r in _sub_kegiatan(data))
    notes = [row[2] for row in openpyxl.load_workbook(out)["Catatan"].iter_rows(values_only=True)]
    assert f"2024: Jumlah Belanja Daerah ≠ TOTAL tabel realisasi anggaran ({pagu:,} / (kosong)).".replace(",", ".") in notes


def _row(data, kode):
    return next(r for r in data["tables"]["realisasi"] if r["kode"] == kode)


def test_a_revision_typed_on_the_revised_sub_kegiatan_only_is_said_at_the_parent_left_blank(check, data):
    """APBD-P in September: the office types the pagu perubahan of the one sub kegiatan revised
    (01.01.01, 800 → 850 million) and leaves the rest blank. Its kegiatan 01.01 has no perubahan, so
    its pagu is still its murni: the gap is that blank cell (BUD003 at J6), not the revised amount,
    which the blame called a slip of 800.000.000 (an error that would undo a real revision)."""
    for row in data["tables"]["realisasi"]:
        row["pagu_perubahan"] = row["realisasi"] = None  # September: nothing spent typed yet
    _row(data, "01.01.01")["pagu_perubahan"] = 850_000_000
    data["tables"]["belanja"] = []
    for row in data["tables"]["pk_program"]:
        row["pagu_perubahan"] = None
    findings = check(data)
    got = [(f.code, f.sheet, f.cell, f.severity) for f in findings if f.code.startswith("BUD")]
    assert ("BUD003", "Realisasi", "J6", "error") in got
    assert not [g for g in got if g[0] == "BUD021"]
    bud003 = next(f for f in findings if f.code == "BUD003")
    kids = [_row(data, "01.01.01"), _row(data, "01.01.02")]
    assert bud003.expected == kids[0]["pagu_perubahan"] + kids[1]["pagu_murni"] and bud003.found is None


def _january(data):
    """The PK signed, nothing measured yet: every realisasi of the PK blank (composite components too)."""
    for row in data["tables"]["pk_indikator"]:
        row["realisasi"] = None
    for row in data["tables"]["pk_komponen"]:
        row["pembilang"] = None


def test_no_realisasi_typed_yet_is_said_once_for_the_column(check, data):
    """January to the first measurement: one KIN007 at the first realisasi naming the column, not
    one warning per indicator (a PK of 20 indicators gave 20)."""
    _january(data)
    findings = [f for f in check(data) if f.code == "KIN007"]
    n = len(data["tables"]["pk_indikator"])
    assert [(f.sheet, f.cell, f.severity) for f in findings] == [("PK", "J5", "warning")]
    assert f"semua {n} indikator (J5–J{4 + n};" in findings[0].message("id")


def test_a_realisasi_missing_among_typed_ones_is_said_at_its_cell(check, data):
    _january(data)
    data["tables"]["pk_indikator"][0]["realisasi"] = data["tables"]["ra_indikator"][0]["realisasi_tw4"]  # the IKM
    findings = check(data)
    assert [(f.sheet, f.cell) for f in findings if f.code == "KIN007"] == [("PK", "J6"), ("PK", "J7"), ("PK", "J8")]


def test_no_spending_or_output_typed_yet_is_said_once_per_column(check, data):
    """The Realisasi sheet before anything is spent or delivered: a blank Realisasi (Rp) column gave
    no finding at all (serapan and sisa left blank in silence, also at the year's end with the
    Belanja sheet filled); now one KIN007 per column, at the first row with a pagu or a target."""
    for row in data["tables"]["realisasi"]:
        row["realisasi"] = row["realisasi_keluaran"] = None
    findings = [f for f in check(data) if f.code == "KIN007" and f.sheet == "Realisasi"]
    rows = data["tables"]["realisasi"]
    outputs = [i for i, r in enumerate(rows) if r.get("target_keluaran") is not None]
    assert [(f.cell, f.severity) for f in findings] == [("K5", "warning"), (f"G{5 + outputs[0]}", "warning")]
    assert f"semua {len(rows)} baris (K5–K{4 + len(rows)};" in findings[0].message("id")
    assert f"semua {len(outputs)} sub kegiatan (G{5 + outputs[0]}–G{5 + outputs[-1]};" in findings[1].message("id")


def test_spending_typed_on_some_rows_is_not_said_for_the_column(check, data):
    _row(data, "03.01.01")["realisasi"] = None
    assert not [f for f in check(data) if f.code == "KIN007"]


def _through_tw2(data):
    """June: the Rencana Aksi's actuals and spending typed for TW I and II only, the Realisasi
    sheet's spending so far (the sub kegiatan of programme 03 nothing yet), no outputs, no PK
    realisasi."""
    _january(data)
    for row in [*data["tables"]["ra_indikator"], *data["tables"]["ra_kegiatan"]]:
        for q in (1, 2, 3, 4):
            row.pop(f"realisasi_tw{q}", None)
    data["tables"]["ra_indikator"][0].update(realisasi_tw1=80, realisasi_tw2=81)
    data["tables"]["ra_kegiatan"][0].update(realisasi_tw1=240_000_000, realisasi_tw2=260_000_000)
    spent = {"01.01.01": 400_000_000, "01.01.02": 100_000_000, "02.01.01": 195_000_000, "03.01.01": 0}
    for row in data["tables"]["realisasi"]:
        row["realisasi_keluaran"] = None
        kode = row["kode"] or ""
        row["realisasi"] = sum(v for k, v in spent.items() if k.startswith(kode))  # TOTAL (blank code): all
    data["tables"]["belanja"] = []
    return spent


def test_a_year_reported_up_to_tw_ii_is_said_once_and_a_programme_not_spent_yet_is_not_judged(check, data):
    """Programme 03 has spent nothing by June: KIN017 ('not 100 % efficient') is for a year that is
    over. One note says how far the Rencana Aksi is reported, at the first quarter not reported."""
    _through_tw2(data)
    findings = check(data)
    assert [(f.code, f.sheet, f.cell, f.severity, f.found) for f in findings if f.code in ("KIN030", "KIN017")] == [
        ("KIN030", "Rencana Aksi", "K5", "info", "II")]
    assert [f for f in findings if f.severity == "error"] == []


@pytest.mark.skipif(not _uno_available(), reason="LibreOffice with python3-uno not installed")
def test_zeros_typed_ahead_for_the_quarters_to_come_are_no_year_complete(write, data, tmp_path):
    """June, and the office types 0 in TW III and TW IV of the rows it reports (in LibreOffice):
    read as not reported yet, as if left blank. KIN030 at the first such quarter, saying so; the
    annual checks of the quarters (KIN018, BUD022) wait for the year, as for blank quarters."""
    _through_tw2(data)
    ra, keg = SCHEMA.table("ra_indikator"), SCHEMA.table("ra_kegiatan")
    cells = [(t, a1(t.first_row, t.col_index(f"realisasi_tw{q}"))) for t in (ra, keg) for q in (3, 4)]
    edited = edit_in_libreoffice(write(data), [["type", t.sheet, c, "0"] for t, c in cells], tmp_path)
    result = check_workbook(edited)
    assert [result.context.model.table(k).values[f"realisasi_tw{q}"][0] for k in ("ra_indikator", "ra_kegiatan")
            for q in (3, 4)] == [0, 0, 0, 0]  # typed as numbers
    stage = [f for f in result.findings if f.code == "KIN030"]
    assert [(f.sheet, f.cell, f.severity, f.found) for f in stage] == [("Rencana Aksi", cells[0][1], "info", "II")]
    assert "TW III–IV berisi 0 saja" in stage[0].message("id") and "Q3–Q4 hold only 0" in stage[0].message("en")
    assert result.context.wb.reported_quarter == 2
    assert [f for f in result.findings if f.severity == "error"] == []


def test_a_real_0_in_a_quarter_beside_other_rows_figures_is_reported(check, data):
    """IKU4's TW IV actual 0 while IKU1 has its TW IV: the year is reported to TW IV."""
    data["tables"]["ra_indikator"][3]["realisasi_tw4"] = 0
    assert [f for f in check(data) if f.code == "KIN030"] == []


def test_a_year_with_tw_iv_reported_judges_a_programme_without_spending(check, data):
    _through_tw2(data)
    data["tables"]["ra_kegiatan"][0].update(realisasi_tw3=250_000_000, realisasi_tw4=250_000_000)
    codes = [(f.code, f.cell) for f in check(data) if f.code in ("KIN030", "KIN017")]
    assert codes == [("KIN017", "K12")]


def test_the_annex_of_a_year_reported_up_to_tw_ii_marks_its_spending_tables(write, data, tmp_path):
    """The serapan of the spending so far was printed as the year's ('Realisasi 2024', 40,88 %)."""
    spent = _through_tw2(data)
    out = tmp_path / "a.xlsx"
    result = run_annex(write(data), "-o", out)
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(out)
    foot = ("* Tahun belum lengkap: Rencana Aksi berisi realisasi sampai TW II; realisasi di tabel ini (dan capaian, "
            "serapan atau efisiensi darinya) adalah s.d. TW II, bukan realisasi setahun.")
    marked = {}
    for ws in wb:
        texts = [v for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)]
        marked[ws.title] = (texts[0].endswith(" (s.d. TW II)"), foot in texts)
    for name in ("Pengukuran Kinerja", "Realisasi Anggaran", "Kinerja dan Anggaran", "Efisiensi",
                 "Efisiensi per Sasaran", "Efisiensi Rinci", "Capaian Keluaran", "Grafik Capaian", "Grafik Serapan"):
        assert marked[name] == (True, True), name
    for name in ("Perjanjian Kinerja", "Rencana Aksi", "Rencana Aksi Anggaran", "SKM"):
        assert marked[name] == (False, False), name
    total = next(row for row in wb["Realisasi Anggaran"].iter_rows(values_only=True) if "T O T A L" in row)
    pagu = sum(r["pagu_perubahan"] for r in _sub_kegiatan(data))
    assert [v for v in total if isinstance(v, (int, float))][:2] == [pagu, sum(spent.values())]


def test_last_years_file_copied_with_its_realisasi_left_in_is_said(check, data):
    """A new year's workbook made by copying last year's: Tahun changed, last year's realisasi still
    on the PK. Given last year's workbook, every realisasi being exactly last year's is one warning
    (nothing said it before: the old figures passed as this year's)."""
    import copy

    prev = copy.deepcopy(data)
    prev["forms"]["identitas"]["tahun"] = 2023
    findings = [f for f in check(data, prev) if f.code == "KIN031"]
    n = len(data["tables"]["pk_indikator"])
    assert [(f.sheet, f.cell, f.severity, f.params["cells"]) for f in findings] == [
        ("PK", "J5", "warning", f"J5–J{4 + n}")]


def test_one_realisasi_measured_again_is_no_copy(check, data):
    import copy

    prev = copy.deepcopy(data)
    prev["forms"]["identitas"]["tahun"] = 2023
    prev["tables"]["pk_indikator"][2]["realisasi"] = data["tables"]["pk_indikator"][2]["realisasi"] + 1
    assert not [f for f in check(data, prev) if f.code == "KIN031"]


def test_the_pengukuran_of_a_january_workbook_says_the_composite_cannot_be_computed_yet(write, data, tmp_path):
    """Its footnote printed the components' blank numerators: 'rata-rata komponen (a = /10, b = /7) × 100 = -'."""
    _january(data)
    out = tmp_path / "a.xlsx"
    assert run_annex(write(data), "-o", out).exit_code == 0
    texts = [v for row in openpyxl.load_workbook(out)["Pengukuran Kinerja"].iter_rows(values_only=True)
             for v in row if isinstance(v, str)]
    name = data["tables"]["pk_indikator"][1]["indikator"]
    assert f"* {name}: realisasi = rata-rata komponen (a, b) × 100; belum dapat dihitung: komponennya belum lengkap." in texts
    assert not [t for t in texts if "= /" in t]


def test_a_pk_programme_the_apbd_p_did_not_change_left_blank_is_no_gap(write, data, tmp_path):
    """Programme 02 unchanged (400.000.000 both): its pagu perubahan left blank, as the Realisasi
    sheet asks for an unchanged row. BUD018 called it a gap ('the PK's total cannot be computed'),
    and the annex's PK Program table left the perubahan total out, while the PK Perubahan document
    printed it from the murni. The total is Σ (perubahan, else murni), computed here."""
    import openpyxl

    from lkjip_xl.checks.engine import check_workbook
    from test_annex_support import run_annex

    programmes = data["tables"]["pk_program"]
    programmes[1]["pagu_perubahan"] = None
    effective = sum(r["pagu_perubahan"] if r["pagu_perubahan"] is not None else r["pagu_murni"] for r in programmes)
    assert effective == 1_050_000_000 + 400_000_000 + 320_000_000
    path = write(data)
    assert [f.code for f in check_workbook(path).findings if f.code == "BUD018"] == []
    out = tmp_path / "a.xlsx"
    assert run_annex(path, "-o", out).exit_code == 0
    ws = openpyxl.load_workbook(out)["PK Program dan Anggaran"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    total = next(r for r in rows if "J U M L A H" in r)
    assert total[3] == effective and total[2] == sum(r["pagu_murni"] for r in programmes)
    assert next(r for r in rows if r[1] == programmes[1]["program"])[3] == 400_000_000
    assert any(isinstance(v, str) and "program 02" in v and "tidak berubah" in v for r in rows for v in r)


def test_a_revised_pk_programme_left_blank_is_said_at_the_blank(write, data):
    """Programme 01 was revised (1.000.000.000 → 1.050.000.000 on Realisasi): its PK pagu perubahan
    left blank reads as unchanged, i.e. the murni, which the Realisasi sheet contradicts. BUD006 at
    the blank cell (the mutation benchmark's emptied PK Program!D5 went unsaid once blanks read as
    unchanged)."""
    from lkjip_xl.checks.engine import check_workbook

    programmes = data["tables"]["pk_program"]
    revised = programmes[0]["pagu_perubahan"]
    programmes[0]["pagu_perubahan"] = None
    findings = check_workbook(write(data)).findings
    assert [(f.code, f.cell, f.expected, f.found) for f in findings] == [("BUD006", "D5", revised, None)]
