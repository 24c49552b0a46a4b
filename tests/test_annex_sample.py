"""The Medan Amplas sample's annex, table by table, read back with openpyxl and compared by
content (values, merged ranges, number formats) with expectations computed here from the
sample's sources (samples/src/medan_amplas/*.csv), not with lkjip-xl's code."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

from test_annex_support import (  # noqa: F401 - annex_outputs is a fixture
    D, MONEY, PERCENT, SheetTable, annex_outputs, budget_rows, budget_total, load, money, num, pct, source,
)


@pytest.fixture(scope="module")
def one(annex_outputs):
    return load(annex_outputs["one"])


@pytest.fixture(scope="module")
def two(annex_outputs):
    return load(annex_outputs["two"])


def test_sheets_in_report_order(one, two):
    # the sample has no Rencana Aksi, SAKIP or indicator history: those tables are not printed
    expected = ["Temuan", "Perjanjian Kinerja", "PK Program dan Anggaran", "Pengukuran Kinerja",
                "Realisasi Anggaran", "Ikhtisar Belanja", "Kinerja dan Anggaran", "Efisiensi", "Efisiensi per Sasaran",
                "Efisiensi Rinci", "SKM", "Capaian Keluaran", "Grafik Capaian", "Grafik Serapan", "Catatan"]
    assert one.sheetnames == expected  # the sample has real errors: --force puts Temuan first
    assert two.sheetnames == expected


# --------------------------------------------------------------------------- 4 Realisasi anggaran

def test_budget_total_row_2023(one):
    t = SheetTable(one["Realisasi Anggaran"])
    total = t.rows()[-1]
    assert total[1] == "T O T A L"
    assert money(total[2]) == 30_911_880_435
    assert money(total[3]) == 30_039_791_551
    assert num(total[4]) == Decimal("97.18")
    assert money(total[5]) == 872_088_884
    assert budget_total(2023) == (30_911_880_435, 30_039_791_551, Decimal("97.18"), 872_088_884)
    cells = t.cells(len(t.rows()) - 1)
    assert [c.number_format for c in cells[2:]] == [MONEY, MONEY, PERCENT, MONEY]
    assert all(c.font.bold for c in cells[1:])


def test_budget_table_one_year_row_by_row(one):
    t = SheetTable(one["Realisasi Anggaran"])
    rows = t.rows()[:-1]
    expected = budget_rows(2023)
    assert len(rows) == len(expected)
    for i, (got, exp) in enumerate(zip(rows, expected)):
        assert got[0] == exp["kode"]
        assert got[1] == exp["uraian"]
        assert money(got[2]) == exp["pagu"], exp["kode"]
        assert money(got[3]) == exp["realisasi"], exp["kode"]
        assert num(got[4]) == exp["persen"], exp["kode"]
        assert money(got[5]) == exp["sisa"], exp["kode"]
        cells = t.cells(i)
        assert cells[1].font.bold == (exp["level"] < 2), exp["kode"]  # program and kegiatan rows bold
        assert (cells[1].alignment.indent or 0) == exp["level"], exp["kode"]
        assert cells[0].data_type == "s"  # codes stay text: 01.10 never becomes 1.1
        assert [c.number_format for c in cells[2:]] == [MONEY, MONEY, PERCENT, MONEY]
    # 2023 parents equal what the report printed (every roll-up holds that year)
    for exp in expected:
        assert (exp["pagu"], exp["realisasi"]) == (exp["typed_pagu"], exp["typed_realisasi"]), exp["kode"]


def test_budget_table_one_year_layout(one):
    ws = one["Realisasi Anggaran"]
    t = SheetTable(ws)
    assert t.title == "Tabel Realisasi Anggaran Program, Kegiatan dan Sub Kegiatan Tahun 2023"
    assert t.header == [["Kode", "Uraian", "Anggaran 2023 (Rp)", "Realisasi 2023 (Rp)", "Capaian (%)", "Sisa (Rp)"]]
    assert [ws.cell(t.numbering_row, c).value for c in range(1, 7)] == [f"({i})" for i in range(1, 7)]
    assert "A1:F1" in t.merged()  # the title spans the table
    assert any("pagu perubahan" in f for f in t.footnotes)  # which pagu was used
    assert any("TOTAL = Σ program" in f for f in t.footnotes)  # the formula is named
    assert ws.print_title_rows == f"${t.numbering_row - 1}:${t.numbering_row}"  # header rows repeat
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage  # fit to one page wide (1 is the default width)
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0


def test_budget_table_two_years_matched_by_code(two):
    t = SheetTable(two["Realisasi Anggaran"])
    assert t.title == "Tabel Realisasi Anggaran Kegiatan TA. 2022 dan 2023"
    assert t.header[0][0] == "Tahun 2022" and t.header[0][6] == "Tahun 2023"
    hr = t.numbering_row - 2
    assert f"A{hr}:F{hr}" in t.merged() and f"G{hr}:L{hr}" in t.merged()
    rows = t.rows()
    body, total = rows[:-1], rows[-1]
    for half, year in ((0, 2022), (6, 2023)):
        expected = budget_rows(year)
        shown = [r[half:half + 6] for r in body if r[half] is not None]
        assert len(shown) == len(expected)  # every row of the year once, in the year's order
        for got, exp in zip(shown, expected):
            assert got[0] == exp["kode"] and got[1] == exp["uraian"]
            assert (money(got[2]), money(got[3]), num(got[4]), money(got[5])) == (
                exp["pagu"], exp["realisasi"], exp["persen"], exp["sisa"]), (year, exp["kode"])
        p, q, per, s = budget_total(year)
        assert (money(total[half + 2]), money(total[half + 3]), num(total[half + 4]), money(total[half + 5])) == (p, q, per, s)
    # rows on one line have the same code; a row of one year only is blank on the other side
    for r in body:
        if r[0] is not None and r[6] is not None:
            assert r[0] == r[6]
    only_2023 = [r[6] for r in body if r[0] is None]
    assert "01.01.02" in only_2023 and "03.01" in only_2023 and "04.01.03" in only_2023
    only_2022 = [r[0] for r in body if r[6] is None]
    assert "03.02.03" in only_2022
    # 2022: kegiatan 02.01 printed 240.426.500, its only sub kegiatan 214.828.700: the parent is the sum
    row = next(r for r in body if r[0] == "02.01")
    assert money(row[3]) == 214_828_700
    assert money(total[3]) == 31_407_966_863  # Σ programs with 02.01 = Σ its sub kegiatan


def test_two_year_marks_last_years_error(two):
    """2022's 02.01 realisasi is a roll-up error of last year's workbook: coloured, listed in Temuan."""
    ws = two["Realisasi Anggaran"]
    t = SheetTable(ws)
    i = next(k for k, r in enumerate(t.rows()) if r[0] == "02.01")
    assert t.cells(i)[3].fill.fgColor.rgb.endswith("FFC7CE")  # red: an error, as in check --annotate
    temuan = SheetTable(two["Temuan"]).rows()
    assert any(r[2] == "medan_amplas_2022.xlsx" and r[5] == "BUD003" and r[4] == "K25" for r in temuan)


# --------------------------------------------------------------------------- 1 Perjanjian Kinerja

def test_pk_indicators(one):
    ws = one["Perjanjian Kinerja"]
    t = SheetTable(ws)
    assert t.header == [["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"]]
    rows = t.rows()
    pk = source("pk.csv")
    assert len(rows) == len(pk)
    for got, exp in zip(rows, pk):
        assert got[2] == exp["indikator"]
        assert got[3] == exp["satuan"]
        if exp["target_predikat"]:
            assert got[4] == f"{exp['target_predikat']} ({exp['target'].replace('.', ',')})"
        else:
            assert num(got[4]) == D(exp["target"])
    # sasaran 1 has two indicators: No and Sasaran span both rows
    r0 = t.first_body
    assert {f"A{r0}:A{r0 + 1}", f"B{r0}:B{r0 + 1}"} <= t.merged()
    assert rows[0][:2] == ["1", pk[0]["sasaran"]] and rows[2][:2] == ["2", pk[2]["sasaran"]]


def test_pk_programme_budget_with_total_in_words(one):
    t = SheetTable(one["PK Program dan Anggaran"])
    assert t.header == [["No", "Program", "Anggaran Murni / APBD (Rp)", "Anggaran Perubahan / P-APBD (Rp)", "Keterangan"]]
    rows = t.rows()
    prog = source("pk_program.csv")
    for got, exp in zip(rows, prog):
        assert got[1] == exp["program"]
        assert (money(got[2]), money(got[3])) == (int(exp["pagu_murni"]), int(exp["pagu_perubahan"]))
    total = rows[-1]
    assert total[1] == "J U M L A H"
    assert money(total[2]) == sum(int(p["pagu_murni"]) for p in prog) == 30_938_085_059
    assert money(total[3]) == sum(int(p["pagu_perubahan"]) for p in prog) == 30_911_880_435
    assert ("Terbilang (perubahan): tiga puluh miliar sembilan ratus sebelas juta delapan ratus delapan puluh "
            "ribu empat ratus tiga puluh lima rupiah.") in t.footnotes
    assert [c.number_format for c in t.cells(0)[2:4]] == [MONEY, MONEY]


# --------------------------------------------------------------------------- 2 Rencana Aksi

def test_rencana_aksi_empty_in_the_sample(one):
    assert "Rencana Aksi" not in one.sheetnames  # no blank skeleton in the report
    notes = SheetTable(one["Catatan"]).rows()
    assert ["Rencana Aksi Tahun 2023", "tidak dicetak: belum ada datanya di buku kerja"] in [r[1:] for r in notes]


# --------------------------------------------------------------------------- 3 Pengukuran Kinerja

def _kriteria(x: Decimal) -> str:  # Permendagri 86/2017
    if x > 90:
        return "Sangat Tinggi"
    if x > 75:
        return "Tinggi"
    if x > 65:
        return "Sedang"
    if x > 50:
        return "Rendah"
    return "Sangat Rendah"


def test_pengukuran(one):
    t = SheetTable(one["Pengukuran Kinerja"])
    assert t.header[0][4] == "Tahun 2023" and t.header[0][8] == "Tahun 2022" and t.header[0][10] == "Akhir Renstra"
    assert t.header[1][4:] == ["Target", "Realisasi", "Capaian (%)", "Kriteria", "Realisasi", "Capaian (%)",
                               "Target Akhir Renstra", "Tingkat Kemajuan (%)"]
    hr = t.numbering_row - 2
    assert {f"E{hr}:H{hr}", f"I{hr}:J{hr}", f"K{hr}:L{hr}", f"A{hr}:A{hr + 1}"} <= t.merged()
    for got, exp in zip(t.rows(), source("pk.csv")):
        target, real = D(exp["target"]), D(exp["realisasi"])
        cap = pct(real, target)
        assert (num(got[4]), num(got[5]), num(got[6]), got[7]) == (target, real, cap, _kriteria(cap))
        assert got[8:] == ["-", "-", "-", "-"]  # not printed in the report (see the sample README)
    assert num(t.rows()[0][6]) == Decimal("105.78")  # 86,9 / 82,15: the report printed 106 and 100
    assert t.cells(0)[6].number_format == PERCENT
    assert any("Permendagri 86/2017" in f and "Sangat Tinggi" in f for f in t.footnotes)
    assert any("realisasi / target × 100" in f for f in t.footnotes)


# --------------------------------------------------------------------------- 5 Ikhtisar

def test_ikhtisar_from_the_belanja_sheet(one):
    t = SheetTable(one["Ikhtisar Belanja"])
    expected = []
    for r in source("belanja_2023.csv"):
        if not r["anggaran"]:
            continue  # a class the report does not print is left out
        a, b = int(r["anggaran"]), int(r["realisasi"])
        label = r["uraian"].upper() if r["uraian"] in ("Belanja Operasi", "Belanja Modal", "Jumlah Belanja Daerah") \
            else r["uraian"]
        pct_ = (Decimal(b) * 100 / Decimal(a)).quantize(Decimal("0.01"), ROUND_HALF_UP)
        expected.append([label, a, b, a - b, pct_])
    got = [[r[0], money(r[1]), money(r[2]), money(r[3]), num(r[4])] for r in t.rows()]
    assert got == expected
    assert got[-1][:4] == ["JUMLAH BELANJA DAERAH", 30911880435, 30039791551, 872088884]


# --------------------------------------------------------------------------- 6 Kinerja dan Anggaran

def test_kinerja_dan_anggaran(one):
    t = SheetTable(one["Kinerja dan Anggaran"])
    programs = {r["kode"]: r for r in budget_rows(2023) if r["level"] == 0}
    names = {p["kode"]: p["program"] for p in source("pk_program.csv")}
    expected = []
    for exp in source("pk.csv"):
        for k, code in enumerate(exp["kode_program"].split(";")):
            expected.append((exp["indikator"] if k == 0 else None, code, names[code], programs[code]["pagu"],
                             programs[code]["realisasi"], programs[code]["persen"]))
    got = [(r[2], r[7], r[8], money(r[13]), money(r[14]), num(r[15])) for r in t.rows()]
    assert got == expected
    r0 = t.first_body
    assert f"C{r0}:C{r0 + 1}" in t.merged()  # IKU1 spans its two programmes
    assert f"B{r0}:B{r0 + 2}" in t.merged()  # sasaran 1 spans IKU1 (2 programmes) and IKU2 (1)


# --------------------------------------------------------------------------- 7 Efisiensi

def test_efisiensi_sisa_persen(one):
    t = SheetTable(one["Efisiensi"])
    assert [one["Efisiensi"].cell(t.numbering_row, c).value for c in range(5, 8)] == [
        "(5) = (4)/(3)×100", "(6) = (3)−(4)", "(7) = (6)/(3)×100"]
    programs = [r for r in budget_rows(2023) if r["level"] == 0]
    rows = t.rows()
    for got, exp in zip(rows, programs):
        assert (money(got[2]), money(got[3]), num(got[4]), money(got[5]), num(got[6])) == (
            exp["pagu"], exp["realisasi"], exp["persen"], exp["sisa"], pct(exp["sisa"], exp["pagu"]))
    p, q, per, s = budget_total(2023)
    assert (money(rows[-1][2]), money(rows[-1][3]), num(rows[-1][4]), money(rows[-1][5]), num(rows[-1][6])) == (
        p, q, per, s, pct(s, p))
    assert "Tingkat efisiensi (%) = (pagu − realisasi) / pagu × 100." in t.footnotes
    assert not any("sisa_persen" in f or "Identitas" in f for f in t.footnotes)  # no tool words


# --------------------------------------------------------------------------- 8 SKM

CANONICAL_UNSUR = ["Persyaratan", "Sistem, Mekanisme, dan Prosedur", "Waktu Penyelesaian", "Biaya/Tarif",
                   "Produk Spesifikasi Jenis Pelayanan", "Kompetensi Pelaksana", "Perilaku Pelaksana",
                   "Penanganan Pengaduan, Saran dan Masukan", "Sarana dan Prasarana"]  # domain.md §3.6


def test_skm_per_unsur(one):
    t = SheetTable(one["SKM"])
    rows = t.rows()
    nrr = [r for r in source("skm_nrr.csv") if r["unsur"]]
    for got, exp, name in zip(rows, nrr, CANONICAL_UNSUR):
        value = D(exp["nrr"])
        assert got[0] == exp["unsur"][1:] and got[1] == name
        assert num(got[2]) == value
        assert num(got[3]) == (value / 9).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
        assert got[4] == "B"
    total = sum(D(r["nrr"]) for r in nrr)
    assert total == Decimal("31.28")
    assert rows[9][0] == "Jumlah" and num(rows[9][2]) == total
    ikm = (total / 9 * 25).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert ikm == Decimal("86.89")
    assert rows[10][0].startswith("IKM") and num(rows[10][3]) == ikm and rows[10][4] == "B"
    assert rows[11][0] == "Mutu pelayanan" and rows[11][4] == "B"
    assert rows[12][0] == "Kinerja unit pelayanan" and rows[12][4] == "Baik"
    assert rows[13][0] == "Jumlah responden" and rows[13][4] == "-"  # the report states no count
    assert t.cells(0)[2].number_format == '#,##0.00;-#,##0.00;"-"'
    assert t.cells(0)[3].number_format == '#,##0.0000;-#,##0.0000;"-"'
    r = t.first_body + 9
    assert f"A{r}:B{r}" in t.merged() and f"A{r + 1}:C{r + 1}" in t.merged()


# --------------------------------------------------------------------------- 9 Capaian keluaran

def test_capaian_keluaran(one):
    t = SheetTable(one["Capaian Keluaran"])
    got = sorted((r[0], r[3], num(r[4]), num(r[5]), num(r[6])) for r in t.rows() if r[4] not in (None, "-"))
    expected = sorted((k["kode"], k["satuan"], D(k["target"]), D(k["realisasi"]), pct(k["realisasi"], k["target"]))
                      for k in source("keluaran.csv") if k["target"])
    assert got == expected
    by_code = {r[0]: r for r in t.rows() if r[4] not in (None, "-")}
    assert num(by_code["01.03.02"][6]) == Decimal("125.00")  # 10 of 8 paket; the report said 100
    assert num(by_code["01.04.01"][6]) == Decimal("117.72")  # 93 of 79 unit; printed 117 and 100
    # parents are headings (bold, no values)
    heads = [r for r in t.rows() if r[4] is None and r[0] and r[0].count(".") < 2]
    assert heads and all(r[2:] == [None] * 5 for r in heads)


# --------------------------------------------------------------------------- charts

def test_native_charts(annex_outputs):
    import zipfile

    with zipfile.ZipFile(annex_outputs["one"]) as z:
        charts = sorted(n for n in z.namelist() if n.startswith("xl/charts/chart"))
        assert len(charts) == 2
        xml = z.read(charts[0]).decode()
    assert "<c:barChart>" in xml and "<c:lineChart>" in xml  # bars with the 100 % line
    assert "'Grafik Capaian'!$C$" in xml and "'Grafik Capaian'!$D$" in xml
    wb = load(annex_outputs["one"])
    t = SheetTable(wb["Grafik Capaian"])
    assert [(r[0], num(r[2]), num(r[3])) for r in t.rows()] == [
        ("IKU1", Decimal("105.78"), 100), ("IKU2", Decimal("100.00"), 100), ("IKU3", Decimal("101.01"), 100)]
