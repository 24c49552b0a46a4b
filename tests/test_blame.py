"""Issue 11: a slip is reported at the cell that holds it (lkjip_xl/checks/blame.py).

Each test breaks ONE input cell of the valid workbook the way people slip, and asserts that the
only error (or warning) is at that cell, with the value that makes everything agree computed here
by hand, and that the findings of the sums it breaks are notes (info) naming it.

Realisasi rows 5..15: 01, 01.01, 01.01.01, 01.01.02, 02, 02.01, 02.01.01, 03, 03.01, 03.01.01,
TOTAL; columns I murni, J perubahan, K realisasi. PK programmes rows 5..7 (U murni, V perubahan);
indicators rows 5..8 (H target, J realisasi); components rows 5..6 (AA pembilang, AB penyebut).
Rencana Aksi indicators rows 5..8 (D annual, E..H targets TW I..IV); kegiatan rows 5..7 (R pagu,
S..V pagu TW I..IV, W..Z spending TW I..IV). Belanja rows 5..14 (B anggaran, C realisasi).
"""
from decimal import Decimal as D

from lkjip_xl.schema import SCHEMA
from lkjip_xl.schema.data import TypedOverride


def _row(data, kode):
    return next(r for r in data["tables"]["realisasi"] if r["kode"] == kode)


def loud(findings):
    return sorted((f.code, f"{f.sheet}!{f.cell}", f.severity) for f in findings if f.severity != "info")


def notes(findings):
    return sorted((f.code, f"{f.sheet}!{f.cell}", f.params.get("cause")) for f in findings if f.severity == "info")


def one(findings, code):
    found = [f for f in findings if f.code == code]
    assert len(found) == 1, found
    return found[0]


# ------------------------------------------------------------------ budget
def test_a_sub_kegiatan_typed_with_a_digit_dropped(check, data):
    _row(data, "01.01.02")["realisasi"] = 18_000_000  # 180.000.000
    findings = check(data)
    assert loud(findings) == [("BUD021", "Realisasi!K8", "error")]
    f = one(findings, "BUD021")
    # 01.01 says 1.000.000.000 and its other child 820.000.000: this one should be 180.000.000
    assert (f.expected, f.found) == (1_000_000_000 - 820_000_000, 18_000_000)
    assert f.slip() == "dropped_digit" and "180.000.000" in f.message("id") and "180,000,000" in f.message("en")
    # the kegiatan's sum and the Barang dan Jasa class (200.000.000 + 400.000.000 spent 180 + 390) are right
    assert notes(findings) == [("BUD003", "Realisasi!K6", "Realisasi!K8"), ("BUD008", "Belanja!C7", "Realisasi!K8")]


def test_a_pagu_murni_slip_is_found_through_the_kegiatan_and_the_pk(check, data):
    _row(data, "01.01.02")["pagu_murni"] = 2_000_000_000  # 200.000.000 with an extra zero
    findings = check(data)
    assert loud(findings) == [("BUD021", "Realisasi!I8", "error")]
    assert one(findings, "BUD021").expected == 1_000_000_000 - 800_000_000
    assert notes(findings) == [("BUD003", "Realisasi!I6", "Realisasi!I8"), ("BUD006", "PK Program!C5", "Realisasi!I8")]


def test_a_parent_typed_wrong_keeps_its_own_finding_and_its_programme_points_to_it(check, data):
    _row(data, "01.01")["realisasi"] = 100_000_000  # 1.000.000.000 with a zero dropped
    findings = check(data)
    assert [c for c in loud(findings) if c[2] == "error"] == [("BUD003", "Realisasi!K6", "error")]
    # programme 01 (1.000.000.000) is not its kegiatan's 100.000.000 either: the kegiatan explains it
    assert ("BUD003", "Realisasi!K5", "Realisasi!K6") in notes(findings)


def test_a_total_typed_wrong_is_reported_at_the_total(check, data):
    data["tables"]["realisasi"][-1]["realisasi"] = 1_649_000_000  # 1.694.000.000, two digits swapped
    findings = check(data)
    assert loud(findings) == [("BUD004", "Realisasi!K15", "error")]
    assert one(findings, "BUD004").slip() == "transposition"


def test_the_odd_quarter_of_an_even_split(check, data):
    data["tables"]["ra_kegiatan"][0]["pagu_tw3"] = 62_500_000  # 262.500.000, a digit dropped
    findings = check(data)
    assert loud(findings) == [("BUD021", "RA Kegiatan!F5", "error")]
    assert one(findings, "BUD021").expected == 1_050_000_000 - 3 * 262_500_000
    # the pagu is right; so is the TW III spending, which was above the slipped plan
    assert notes(findings) == [("BUD012", "RA Kegiatan!C5", "RA Kegiatan!F5"),
                               ("BUD023", "RA Kegiatan!J5", "RA Kegiatan!F5")]


def test_a_belanja_kind_slip_is_reported_at_the_kind(check, data):
    row = next(r for r in data["tables"]["belanja"] if r["uraian"] == "Belanja Modal Jalan, Irigasi dan Jaringan")
    row["anggaran"] = 32_000_000  # 320.000.000
    findings = check(data)
    # its own sum (the class = Σ its sub kegiatan: 03.01.01 perubahan 320.000.000) stays at it;
    # Modal = Σ kinds is right
    assert loud(findings) == [("BUD008", "Belanja!B12", "error")]
    own = next(f for f in findings if f.code == "BUD008" and f.cell == "B12")
    assert (own.expected, own.found, own.slip()) == (320_000_000, 32_000_000, "dropped_digit")
    assert notes(findings) == [("BUD008", "Belanja!B8", "Belanja!B12")]


def test_quarterly_spending_against_the_kegiatan(check, data):
    data["tables"]["ra_kegiatan"][0]["realisasi_tw2"] = 25_000_000  # 250.000.000
    findings = check(data)
    assert loud(findings) == [("BUD021", "RA Kegiatan!I5", "error")]
    assert one(findings, "BUD021").expected == 1_000_000_000 - 3 * 250_000_000  # Realisasi!K6 − the other three
    assert notes(findings) == [("BUD022", "RA Kegiatan!K5", "RA Kegiatan!I5")]


def test_quarterly_spending_that_disagrees_with_a_kegiatan_typed_wrong(check, data):
    _row(data, "01.01")["realisasi"] = 1_000_000_001
    findings = check(data)
    assert [c for c in loud(findings) if c[2] == "error"] == [("BUD003", "Realisasi!K6", "error")]
    assert ("BUD022", "RA Kegiatan!K5", "Realisasi!K6") in notes(findings)


def test_a_wrong_value_that_two_sums_point_at_without_the_look_of_a_slip(check, data):
    _row(data, "02.01.01")["pagu_perubahan"] = 123_456_789  # not a slip of 400.000.000
    findings = check(data)
    # the kegiatan 02.01 (perubahan 400.000.000), the PK (400.000.000) and the Barang dan Jasa class agree
    assert loud(findings) == [("BUD005", "Realisasi!K11", "warning"), ("BUD021", "Realisasi!J11", "error")]
    assert one(findings, "BUD021").expected == 400_000_000
    assert [n[0] for n in notes(findings)] == ["BUD003", "BUD006", "BUD008"]


def test_medang_kampai_total_names_programme_2(tmp_path):
    from conftest import ROOT
    from lkjip_xl.checks.engine import check_workbook

    findings = check_workbook(ROOT / "samples" / "medang_kampai_2023.xlsx").findings
    total = [f for f in findings if f.code == "BUD004"]
    assert {(f.cell, f.severity, f.params["cause"]) for f in total} == {("J57", "info", "Realisasi!J36"),
                                                                        ("K57", "info", "Realisasi!K36")}


# ------------------------------------------------------------------ kinerja
def test_a_pk_target_slip_is_found_through_the_rencana_aksi(check, data):
    data["tables"]["pk_indikator"][0]["target"] = D("82.5")  # 82,15 with a digit dropped
    findings = check(data)
    assert loud(findings) == [("KIN020", "PK!H5", "error")]
    assert one(findings, "KIN020").expected == D("82.15")  # the Rencana Aksi's annual and TW IV target
    assert notes(findings) == [("KIN014", "Rencana Aksi!D5", "PK!H5")]


def test_a_rencana_aksi_annual_target_slip_stays_at_its_cell(check, data):
    data["tables"]["ra_indikator"][0]["target_tahunan"] = D("82.51")
    findings = check(data)
    assert loud(findings) == [("KIN014", "Rencana Aksi!D5", "error")]
    assert notes(findings) == [("KIN008", "Rencana Aksi!H5", "Rencana Aksi!D5")]


def test_a_cumulative_quarter_slip(check, data):
    data["tables"]["ra_indikator"][3]["target_tw2"] = D("10")  # IKU4: 1 + 1 + 1 + 1 = 4
    findings = check(data)
    assert loud(findings) == [("KIN020", "Rencana Aksi!F8", "error")]
    assert one(findings, "KIN020").expected == 1
    assert notes(findings) == [("KIN008", "Rencana Aksi!H8", "Rencana Aksi!F8")]


def test_a_component_slip_in_the_composite(check, data):
    data["tables"]["pk_komponen"][0]["penyebut"] = D("1")  # a: 9 of 10, a digit dropped
    findings = check(data)
    assert loud(findings) == [("KIN020", "PK Komponen!D5", "error")]
    assert one(findings, "KIN020").expected == 10  # (9/10 + 7/7) / 2 = 95 % = the PK realisasi
    assert ("KIN013", "PK!J6", "PK Komponen!D5") in notes(findings)


def test_the_likelier_of_two_component_cells(check, data):
    data["tables"]["pk_komponen"][1]["penyebut"] = D("70")  # b: 7 of 7; 7 of 70, or 70 of 70?
    findings = check(data)
    # 70 of 70 would leave the components 9, 10, 70, 70; 7 of 7 leaves 9, 10, 7, 7: the penyebut
    assert loud(findings) == [("KIN020", "PK Komponen!D6", "error")]
    assert one(findings, "KIN020").expected == 7


def test_two_equally_likely_cells_are_both_named(check, data):
    _row(data, "01.01.01")["target_keluaran"] = D("2")  # 12 of 2 outputs: the target, or the realisasi?
    findings = check(data)
    # each a pointer naming the other; the ratio's own warning stays
    assert loud(findings) == [("KIN020", "Realisasi!F7", "warning"), ("KIN020", "Realisasi!G7", "warning"),
                              ("KIN021", "Realisasi!H7", "warning")]
    by_cell = {f.cell: f for f in findings if f.code == "KIN020"}
    assert (by_cell["F7"].expected, by_cell["G7"].expected) == (12, 2)  # either gives 100 %
    assert (by_cell["F7"].params["alternatives"], by_cell["G7"].params["alternatives"]) == (
        "Realisasi!G7", "Realisasi!F7")
    assert notes(findings) == []


def test_a_typed_nrr_slip_is_found_through_the_ikm(check, data):
    data["tables"]["skm_responden"] = []  # the summary block alone: NRR typed per unsur
    nrr = {f"U{u}": D("3.5") for u in range(1, 9)} | {"U9": D("3.3")}  # IKM 86,94 as on the PK
    nrr["U3"] = D("3.05")  # 3,5 with a zero typed in
    data["tables"]["skm_unsur"] = [dict(r, nrr_tertulis=nrr[r["kode"]])
                                   for r in (dict(x) for x in SCHEMA.table("skm_unsur").fixed_rows)]
    findings = check(data)
    f = one(findings, "KIN020")
    assert (f.cell, f.severity, f.expected) == ("E7", "error", D("3.5"))
    assert ("KIN011", "PK!J5", "SKM Hasil!E7") in notes(findings)


def test_a_scale_bound_slip(check, data):
    findings = check(_skala(data, "Tinggi", bawah=D("7")))  # 75 with a digit dropped
    assert loud(findings) == [("SCL006", "Skala!D6", "error")]
    assert one(findings, "SCL006").expected == D("75")  # Sedang's upper bound
    assert notes(findings) == [("SCL002", "Skala!A5", "Skala!D6")]


def _skala(data, label, **bounds):
    from lkjip_xl.settings import default_skala_rows

    rows = default_skala_rows()
    next(r for r in rows if r["preset"] == "Permendagri 86/2017" and r["label"] == label).update(bounds)
    data["tables"]["skala"] = rows
    return data


def test_a_report_year_slip(check, data):
    data["forms"]["identitas"]["tahun"] = 2042  # 2024, two digits swapped
    findings = check(data)
    assert loud(findings) == [("VAL019", "Identitas!B7", "error")]  # outside Renstra 2021–2026: its own
    # the signing date (31 January 2025) and the SKM period (2024) are right
    assert notes(findings) == [("VAL020", "Identitas!B16", "Identitas!B7"), ("VAL020", "SKM!D4", "Identitas!B7")]


def test_a_report_year_slip_inside_the_renstra_period(check, data):
    data["forms"]["identitas"]["tahun"] = 2025
    findings = check(data)
    # a warning: what it explains (the SKM period) is a warning
    assert loud(findings) == [("VAL021", "Identitas!B7", "warning")]
    assert one(findings, "VAL021").expected == "2024"  # a year, shown as its digits
    # the signing date (31 January 2025: a 2025 report is not signed before December 2025) and
    # the SKM period (2024) both say 2024
    assert notes(findings) == [("VAL020", "Identitas!B16", "Identitas!B7"), ("VAL020", "SKM!D4", "Identitas!B7")]


def test_two_dates_that_ask_two_different_years_do_not_both_blame_the_report_year(check, data):
    """The 2024 report signed 29 February 2024 (a 2023 report's date) and surveyed
    Januari–Desember 2025: the date asks for 2023, the period for 2025. The report year cannot be
    both: it is blamed for the one (VAL021 naming the date only), and the period stays its own
    warning, not a note that 2023 would explain it."""
    import datetime as dt

    data["forms"]["identitas"]["tanggal"] = dt.date(2024, 2, 29)
    data["forms"]["skm_info"]["periode"] = "Januari–Desember 2025"
    findings = check(data)
    assert loud(findings) == [("VAL020", "SKM!D4", "warning"), ("VAL021", "Identitas!B7", "warning")]
    assert one(findings, "VAL021").expected == "2023"
    assert "SKM!D4" not in one(findings, "VAL021").message("id")
    assert notes(findings) == [("VAL020", "Identitas!B16", "Identitas!B7")]


def test_a_typed_value_over_a_formula_is_still_its_own_cell(check, data):
    _row(data, "01.01.02")["sisa"] = TypedOverride(2_000_000)  # 20.000.000
    findings = check(data)
    assert [c for c in loud(findings) if c[2] == "error"] == [("BUD001", "Realisasi!M8", "error")]


def test_three_likely_cells_are_named_in_sheet_order_every_run(write, data, tmp_path):
    """A kegiatan whose pagu murni is 50.000.000 below the sum of its three sub kegiatan: any of
    the three may hold the slip. Each pointer names the other two in the sheet's order, whatever the
    process's hash seed (the message is compared across runs and between offices' copies)."""
    import json
    import subprocess
    import sys

    rows = data["tables"]["realisasi"]  # a third sub kegiatan under 01.01 (row 9), its kegiatan not updated
    rows.insert(4, {"kode": "01.01.03", "uraian": "Penyediaan Bahan Logistik Kantor", "pagu_murni": 50_000_000,
                    "pagu_perubahan": 0, "realisasi": "-", "jenis_belanja": "Belanja Barang dan Jasa"})
    path = write(data)
    runs = []
    for seed in ("1", "2", "3"):
        out = subprocess.run([sys.executable, "-m", "lkjip_xl", "check", str(path), "--format", "json"],
                             capture_output=True, text=True, env={**__import__("os").environ, "PYTHONHASHSEED": seed})
        runs.append([(f["cell"], f["message"]) for f in json.loads(out.stdout)["findings"] if f["code"] == "BUD021"])
    assert runs[0] == runs[1] == runs[2]
    assert len(runs[0]) >= 2 and all("atau salah ketik di" in m for _, m in runs[0])
    for cell, message in runs[0]:
        named = message.rsplit(" ", 2)[-2:]
        assert named == sorted(named, key=lambda n: int(n.rstrip(",").split("!I")[1])), message
