"""The annex of the tests' consistent workbook (tests/valid_workbook.py): the tables the sample
leaves empty (Rencana Aksi, Ikhtisar, respondent profile), the other efisiensi methods, a
'turun' indicator, and last year's values from --tahun-lalu. Expectations come from the data
dict with plain arithmetic."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import openpyxl
import pytest

from test_annex_support import SheetTable, money, num, pct, run_annex


def _annex(write, data, tmp_path, *extra, name="a.xlsx"):
    out = tmp_path / name
    result = run_annex(write(data), "-o", out, *extra)
    assert result.exit_code == 0, result.output
    return openpyxl.load_workbook(out)


def test_rencana_aksi(write, data, tmp_path):
    wb = _annex(write, data, tmp_path)
    t = SheetTable(wb["Rencana Aksi"])
    rows = t.rows()
    ra = data["tables"]["ra_indikator"]
    pk = {r["kode_indikator"]: r for r in data["tables"]["pk_indikator"]}
    keg = {r["kode"]: r for r in data["tables"]["ra_kegiatan"]}
    real = {r["kode"]: r for r in data["tables"]["realisasi"] if r["kode"]}
    expected = []
    for r in ra:
        codes = [c.strip() for c in r["kode_kegiatan"].split(",")]
        for k, code in enumerate(codes):
            head = [pk[r["kode_indikator"]]["indikator"], pk[r["kode_indikator"]]["satuan"], r["target_tahunan"],
                    *(r.get(f"target_tw{q}") for q in range(1, 5)), *(r.get(f"realisasi_tw{q}") for q in range(1, 5))]
            pagu = keg[code]["pagu"] if code in keg else real[code]["pagu_perubahan"]
            expected.append((head if k == 0 else [None] * 11) + [code, pagu])
    got = [[r[2], r[3], *(None if v == "-" else num(v) for v in r[4:13]), r[13], money(r[15])] for r in rows]
    assert got == expected
    # IKU1 is carried by two programmes: its cells span both rows
    r0 = t.first_body
    assert {f"C{r0}:C{r0 + 1}", f"E{r0}:E{r0 + 1}", f"A{r0}:A{r0 + 2}"} <= t.merged()
    q = SheetTable(wb["Rencana Aksi Anggaran"])
    assert [(r[0], money(r[2]), money(r[3]), money(r[7])) for r in q.rows()] == [
        (k["kode"], k["pagu"], k.get("pagu_tw1") or 0, k.get("realisasi_tw1") or 0)  # blank printed "-"
        for k in data["tables"]["ra_kegiatan"]]


def test_ikhtisar_from_the_belanja_sheet(write, data, tmp_path):
    wb = _annex(write, data, tmp_path)
    t = SheetTable(wb["Ikhtisar Belanja"])
    b = {r["uraian"]: (r["anggaran"], r["realisasi"]) for r in data["tables"]["belanja"]}
    pegawai, barang, jalan = b["Belanja Pegawai"], b["Belanja Barang dan Jasa"], b["Belanja Modal Jalan, Irigasi dan Jaringan"]
    operasi = (pegawai[0] + barang[0], pegawai[1] + barang[1])
    jumlah = (operasi[0] + jalan[0], operasi[1] + jalan[1])
    expected = [("BELANJA OPERASI", *operasi), ("Belanja Pegawai", *pegawai), ("Belanja Barang dan Jasa", *barang),
                ("BELANJA MODAL", *jalan), ("Belanja Modal Jalan, Irigasi dan Jaringan", *jalan),
                ("JUMLAH BELANJA DAERAH", *jumlah)]
    rows = t.rows()
    assert [(r[0], money(r[1]), money(r[2])) for r in rows] == expected
    for r, (_, a, q) in zip(rows, expected):
        assert money(r[3]) == a - q and num(r[4]) == pct(q, a)
    assert t.cells(0)[3].number_format == '#,##0;(#,##0);"-"'  # Lebih/(Kurang); zero printed "-"
    assert jumlah == (1_770_000_000, 1_694_000_000)  # = Σ programs of the Realisasi sheet


def test_ikhtisar_reads_class_labels_as_check_does(write, data, tmp_path):
    """Labels of Belanja retyped by staff ('Belanja Barang & Jasa', the words of a class in another
    order) are still their class in the annex, as for check (schema.belanja.key): the staff-style
    run's annex left the table out as having no data."""
    for row in data["tables"]["belanja"]:
        row["uraian"] = {"Belanja Barang dan Jasa": "Belanja Barang & Jasa",
                         "Belanja Modal Jalan, Irigasi dan Jaringan": "Belanja Modal Jalan, Jaringan dan Irigasi"
                         }.get(row["uraian"], row["uraian"])
    rows = SheetTable(_annex(write, data, tmp_path)["Ikhtisar Belanja"]).rows()
    b = {r["uraian"]: (r["anggaran"], r["realisasi"]) for r in data["tables"]["belanja"]}
    assert [(r[0], money(r[1])) for r in rows if r[0] in ("Belanja Barang dan Jasa", "Belanja Modal Jalan, Irigasi dan Jaringan")] == [
        ("Belanja Barang dan Jasa", b["Belanja Barang & Jasa"][0]),
        ("Belanja Modal Jalan, Irigasi dan Jaringan", b["Belanja Modal Jalan, Jaringan dan Irigasi"][0])]


def test_skm_with_respondents_and_profile(write, data, tmp_path):
    wb = _annex(write, data, tmp_path)
    rows = SheetTable(wb["SKM"]).rows()
    assert [num(r[2]) for r in rows[:9]] == [Decimal("3.50")] * 8 + [Decimal("3.30")]
    assert num(rows[10][3]) == Decimal("86.94") and rows[10][4] == "B"  # 31,3 / 9 × 25
    assert rows[13][4] == 40
    prof = SheetTable(wb["SKM Profil Responden"]).rows()
    resp = data["tables"]["skm_responden"]
    women = sum(1 for r in resp if r["jenis_kelamin"] == "P")
    assert prof[0][1:3] == ["Laki-laki", len(resp) - women] and prof[1][1:3] == ["Perempuan", women]
    assert num(prof[1][3]) == pct(women, len(resp))
    assert prof[2][1:] == ["Jumlah", len(resp), 100]


@pytest.mark.parametrize("method", ["rasio", "selisih"])
def test_efisiensi_per_indicator(write, data, tmp_path, method):
    data["forms"]["identitas"]["metode_efisiensi"] = method
    wb = _annex(write, data, tmp_path)
    t = SheetTable(wb["Efisiensi"])
    progs = {r["kode"]: r for r in data["tables"]["realisasi"] if r["kode"] and "." not in r["kode"]}
    for got, ind in zip(t.rows(), data["tables"]["pk_indikator"]):
        codes = [c.strip() for c in ind["kode_program"].split(",")]
        pagu = sum(progs[c]["pagu_perubahan"] for c in codes)
        real = sum(progs[c]["realisasi"] for c in codes)
        if ind["arah"] == "naik":
            cap = ind["realisasi"] * 100 / ind["target"]
        else:
            cap = (2 * ind["target"] - ind["realisasi"]) * 100 / ind["target"]
        serapan = Decimal(real) * 100 / Decimal(pagu)
        value = cap / serapan if method == "rasio" else cap - serapan
        assert (money(got[3]), money(got[4]), num(got[5])) == (pagu, real, pct(real, pagu))
        assert num(got[6]) == value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        assert num(got[1]) == cap.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    formula = "capaian kinerja (%) / serapan anggaran (%)" if method == "rasio" else "capaian kinerja (%) − serapan"
    assert any(formula in f for f in t.footnotes) and not any(method in f for f in t.footnotes)


def test_turun_indicator_and_last_year(write, data, tmp_path):
    prev = _prev(data)
    prev_path = write(prev, "prev.xlsx")
    # (last year's IKM 85,10 does not match its SKM answers, copied from this year: --force)
    wb = _annex(write, data, tmp_path, "--tahun-lalu", prev_path, "--force")
    t = SheetTable(wb["Pengukuran Kinerja"])
    assert t.header[0][8] == "Tahun 2023"
    rows = t.rows()
    iku3 = rows[2]  # turun: (2 × 10 − 8) / 10 × 100 = 120
    assert num(iku3[6]) == Decimal("120.00") and iku3[7] == "Sangat Tinggi"
    iku1 = rows[0]
    assert num(iku1[8]) == Decimal("85.10")  # last year's workbook
    assert num(iku1[9]) == pct(Decimal("85.10"), Decimal("80"))  # against last year's own target
    assert num(iku1[10]) == 88 and num(iku1[11]) == pct(Decimal("86.94"), 88)  # tingkat kemajuan
    notes = [r[2] for r in SheetTable(wb["Catatan"]).rows()]  # how the table was made: the note sheet
    assert any("buku kerja tahun lalu (prev.xlsx)" in n for n in notes)
    assert not any("tahun lalu" in f for f in t.footnotes)


def _prev(data):
    import copy

    prev = copy.deepcopy(data)
    prev["forms"]["identitas"]["tahun"] = 2023
    prev["tables"]["pk_indikator"][0]["target"] = Decimal("80")
    prev["tables"]["pk_indikator"][0]["realisasi"] = Decimal("85.10")
    prev["tables"]["pk_indikator"][0]["realisasi_lalu"] = None
    prev["tables"]["ra_indikator"][0]["target_tahunan"] = Decimal("80")
    prev["tables"]["ra_indikator"][0]["target_tw4"] = Decimal("80")
    prev["tables"]["ra_indikator"][0]["realisasi_tw4"] = Decimal("85.10")
    return prev


def test_two_year_budget_with_a_row_in_one_year_only(write, data, tmp_path):
    prev = _prev(data)
    rows = prev["tables"]["realisasi"]
    # last year: 01.01.02 did not exist; 01.01 was 01.01.01 alone
    del rows[3]
    rows[1] = dict(rows[1], pagu_murni=800_000_000, pagu_perubahan=850_000_000, realisasi=820_000_000)
    rows[0] = dict(rows[0], pagu_murni=800_000_000, pagu_perubahan=850_000_000, realisasi=820_000_000)
    prev["tables"]["realisasi"] = rows[:-1]  # no typed TOTAL row
    prev["tables"]["belanja"] = [dict(r, anggaran=None, realisasi=None) for r in prev["tables"]["belanja"]]
    prev["tables"]["ra_kegiatan"][0]["pagu"] = 850_000_000
    prev["tables"]["pk_program"][0]["pagu_perubahan"] = 850_000_000
    prev["tables"]["pk_program"][0]["pagu_murni"] = 800_000_000
    prev_path = write(prev, "prev.xlsx")
    wb = _annex(write, data, tmp_path, "--tahun-lalu", prev_path, "--force")
    t = SheetTable(wb["Realisasi Anggaran"])
    body = t.rows()[:-1]
    line = next(r for r in body if r[6] == "01.01.02")
    assert line[:6] == [None, None, "-", "-", "-", "-"]  # not in 2023: code and uraian blank, amounts "-"
    total = t.rows()[-1]
    assert (money(total[2]), money(total[3])) == (850_000_000 + 400_000_000 + 320_000_000,
                                                  820_000_000 + 390_000_000 + 304_000_000)
    assert (money(total[8]), money(total[9])) == (1_770_000_000, 1_694_000_000)


def test_a_letter_only_target_is_printed_as_its_letter(write, data, tmp_path):
    """IKU1's target only 'B' (KIN005: no numeric capaian): the kinerja tables print B, not '-' as
    for a target not given (red-team run: Pengukuran Kinerja showed '-' where the PK shows B)."""
    iku1 = data["tables"]["pk_indikator"][0]
    iku1["target"] = None
    data["tables"]["ra_indikator"][0]["target_tahunan"] = "B"
    wb = _annex(write, data, tmp_path)
    for sheet, col in (("Perjanjian Kinerja", 4), ("Pengukuran Kinerja", 4), ("Kinerja dan Anggaran", 4)):
        row = next(r for r in SheetTable(wb[sheet]).rows() if r[2] == iku1["indikator"])
        assert row[col] == "B", sheet
    row = next(r for r in SheetTable(wb["Pengukuran Kinerja"]).rows() if r[2] == iku1["indikator"])
    assert row[6] == "-"  # no capaian from a letter


def test_a_parent_printed_as_typed_is_said_under_the_table(write, data, tmp_path):
    """01.01.02's realisasi not reported (blank, BUD016 a warning): 01.01 keeps its typed
    820.000.000, which the footnote 'Kegiatan = Σ sub kegiatannya' would otherwise claim is a sum."""
    rows = {r["kode"]: r for r in data["tables"]["realisasi"] if r["kode"]}
    rows["01.01.02"]["realisasi"] = None
    for code in ("01", "01.01"):
        rows[code]["realisasi"] = 820_000_000
    data["tables"]["realisasi"][-1]["realisasi"] = 820_000_000 + 390_000_000 + 304_000_000
    data["tables"]["belanja"] = []
    data["tables"]["ra_kegiatan"] = []
    wb = _annex(write, data, tmp_path)
    got = {r[0]: r for r in SheetTable(wb["Realisasi Anggaran"]).rows() if r[0]}
    assert money(got["01.01"][3]) == 820_000_000 and got["01.01.02"][3] == "-"
    notes = [c.value for c in wb["Realisasi Anggaran"]["A"] if isinstance(c.value, str) and c.value.startswith("*")]
    assert "* 01.01: angka yang tertulis, bukan Σ rinciannya (01.01.02 tanpa anggaran atau realisasi)." in notes


def test_an_answer_left_out_of_an_nrr_is_said_under_the_skm_table(write, data, tmp_path):
    """One respondent's U3 answer left blank: the NRR of U3 is over 39 answers while the table
    says 40 respondents (check's SKM005 counts 39). The footnote now says which element was
    computed from fewer answers, and from how many."""
    resp = data["tables"]["skm_responden"]
    resp[0]["u3"] = None
    wb = _annex(write, data, tmp_path, "--force")
    rows = SheetTable(wb["SKM"]).rows()
    assert rows[13][4] == len(resp) == 40
    u3 = [r["u3"] for r in resp if r["u3"] is not None]
    assert num(rows[2][2]) == (Decimal(sum(u3)) / len(u3)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    texts = [str(c.value) for row in wb["SKM"].iter_rows() for c in row if c.value]
    assert any(t.endswith(f"Jawaban kosong atau tidak sah tidak dihitung: dari 40 responden, 3. Waktu Penyelesaian "
                          f"{len(u3)} jawaban sah.") for t in texts), texts[-6:]


def test_two_capaian_printed_90_00_with_two_kriteria_say_why(write, data, tmp_path, check):
    """90,004 % and 89,996 % both print 90,00 %, one Sangat Tinggi (x > 90), one Tinggi: the kriteria
    is the band of the unrounded capaian (as the PK sheet's formula grades it, and check agrees),
    so a footnote gives the one whose printed value would be graded otherwise with its decimals."""
    pk = {r["kode_indikator"]: r for r in data["tables"]["pk_indikator"]}
    ra = {r["kode_indikator"]: r for r in data["tables"]["ra_indikator"]}
    pk["IKU2"]["target"] = ra["IKU2"]["target_tahunan"] = ra["IKU2"]["target_tw4"] = Decimal("105.56")
    pk["IKU3"]["realisasi"] = Decimal("10.9996")  # turun, (2T − R) / T
    iku2 = Decimal(95) / Decimal("105.56") * 100
    iku3 = (2 * Decimal(10) - Decimal("10.9996")) / Decimal(10) * 100
    assert Decimal("89.995") <= iku2 < 90 and iku3 == Decimal("90.004")
    findings = [f for f in check(data) if f.sheet == "PK" and f.severity != "info"]
    assert not [f for f in findings if f.code.startswith(("KIN", "FRM"))], findings
    t = SheetTable(_annex(write, data, tmp_path)["Pengukuran Kinerja"])
    rows = {r[2]: r for r in t.rows() if r[2]}
    got = {k: (rows[pk[k]["indikator"]][6], rows[pk[k]["indikator"]][7]) for k in ("IKU2", "IKU3")}
    assert got == {"IKU2": (Decimal("90.00"), "Tinggi"), "IKU3": (Decimal("90.00"), "Sangat Tinggi")} or got == {
        "IKU2": (90, "Tinggi"), "IKU3": (90, "Sangat Tinggi")}
    [note] = [n for n in t.footnotes if n.startswith("Kriteria dinilai dari capaian sebelum dibulatkan")]
    assert note.endswith(": IKU3 90,004 % (tertulis 90,00 %).")


def test_an_empty_pk_program_sheet_is_left_out_and_said_not_a_total_of_nothing(write, data, tmp_path):
    """No programme on PK Program: the table printed a TOTAL of nothing and 'The total ... is not
    printed:  have no ...' with nobody named. A table without data is left out and said on the
    Notes sheet, as every other one."""
    data["tables"]["pk_program"] = []
    wb = _annex(write, data, tmp_path, "--force", "--lang", "en")
    assert "PK Programmes" not in wb.sheetnames
    notes = [v for row in wb["Notes"].iter_rows(values_only=True) for v in row if isinstance(v, str)]
    assert any("Programmes and budget of the performance agreement" in v for v in notes)
    assert "not printed: the workbook has no data for it" in notes


def test_the_skm_grades_print_in_english_with_lang_en(write, data, tmp_path):
    """The SKM table's footnote named the mutu bands in Indonesian under --lang en ('A Sangat Baik')
    while the table's own kinerja said 'Good': the SKM's labels are one list with the scales'."""
    wb = _annex(write, data, tmp_path, "--lang", "en")
    texts = [v for row in wb["SKM"].iter_rows(values_only=True) for v in row if isinstance(v, str)]
    grades = next(v for v in texts if v.startswith("* Grade (IKM)"))
    assert "A Very good: 88.31 ≤ x ≤ 100" in grades and "D Very poor: 1 ≤ x < 2.6" in grades
    assert "Baik" not in grades
