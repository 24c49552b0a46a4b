"""The two published LKjIP reports (tests/reports/, as text) against their sample workbooks: every
narrative and cross-table mistake domain.md §6 lists for them is reported at its line, and the
numbers that agree are silent. Expected values are computed here from the samples' readable
sources (samples/src/), not taken from lkjip-xl."""
from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from helpers import dec, read_csv
from lkjip_xl.document.check import check_document

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "tests" / "reports"
SRC = ROOT / "samples" / "src"


@pytest.fixture(scope="module")
def kampai():
    return check_document(REPORTS / "medang_kampai_lkjip_2023.txt", ROOT / "samples" / "medang_kampai_2023.xlsx")


@pytest.fixture(scope="module")
def amplas():
    return check_document(REPORTS / "medan_amplas_lkjip_2023.txt", ROOT / "samples" / "medan_amplas_2023.xlsx",
                          ROOT / "samples" / "medan_amplas_2022.xlsx")


def at(result, line: int, code: str | None = None) -> list:
    return [f for f in result.findings if f.params["location"].get("line") == line and (code is None or f.code == code)]


def one(result, line: int, code: str, found) -> object:
    hits = [f for f in at(result, line, code) if f.found == D(str(found))]
    assert len(hits) == 1, (line, code, found, [(f.code, f.found, f.expected) for f in at(result, line)])
    return hits[0]


def pct(part, whole) -> D:
    return (D(part) * 100 / D(whole)).quantize(D("0.0001"))


def rows(name: str) -> dict[str, dict]:
    return {r["kode"] or "TOTAL": r for r in read_csv(SRC / "medang_kampai" / name)}


# ------------------------------------------------------------------ Medang Kampai
def test_kampai_total_budget_of_the_executive_summary(kampai):
    total = sum(dec(r["pagu_perubahan"]) for r in read_csv(SRC / "medang_kampai" / "pk_program.csv"))
    f = one(kampai, 283, "DOC001", 8054048938)
    assert f.expected == total == 9054048938 and f.params["slip"] == "one_digit"


def test_kampai_table_2_8_transposed_realisasi(kampai):
    f = one(kampai, 1129, "DOC001", 1809888500)
    assert f.expected == dec(rows("realisasi.csv")["03"]["realisasi"]) and f.params["slip"] == "transposition"
    assert f.sheet == "Tabel 2.8" and f.cell == "G10"


def test_kampai_lampiran_programme_02_is_not_the_sum_of_its_kegiatan(kampai):
    r = rows("realisasi.csv")
    assert one(kampai, 1332, "DOC002", 370107770).expected == dec(r["02.01"]["pagu"]) + dec(r["02.03"]["pagu"])
    assert one(kampai, 1332, "DOC002", 343476831).expected == \
        dec(r["02.01"]["realisasi"]) + dec(r["02.03"]["realisasi"])


@pytest.mark.parametrize("line, code, printed", [(1340, "03.01", "98.45"), (1341, "03.01.01", "98.36")])
def test_kampai_lampiran_wrong_percentages(kampai, line, code, printed):
    r = rows("realisasi.csv")[code]
    f = one(kampai, line, "DOC002", printed)
    assert f.expected.quantize(D("0.0001")) == pct(r["realisasi"], r["pagu"])


def test_kampai_lampiran_sisa_with_a_dropped_digit(kampai):
    r = rows("realisasi.csv")["03.02.04"]
    assert one(kampai, 1349, "DOC002", 1000).expected == dec(r["pagu"]) - dec(r["realisasi"])


def test_kampai_programme_pagu_murni_two_values(kampai):
    for line, printed in ((248, 176052100), (872, 176052100), (1393, 176052100), (2113, 190456100)):
        f = one(kampai, line, "DOC003", printed)
        assert f.severity == "warning" and "190,456,100" in f.message("en") and "176,052,100" in f.message("en")
        assert "190.456.100" in f.message("id") and "176.052.100" in f.message("id")


def test_kampai_ikm_realisasi_95_82_where_the_workbook_has_87(kampai):
    ikm = next(r for r in read_csv(SRC / "medang_kampai" / "pk.csv") if "Kepuasan" in r["indikator"])
    for line in (1023, 1077):
        f = one(kampai, line, "DOC001", "95.82")
        assert f.expected == dec(ikm["realisasi"]) == 87
        assert f.params["slip"] == "other_fact"  # 95,82 is programme 02's % realisasi


def test_kampai_ikm_capaian_87_for_87_of_87(kampai):
    for line in (957, 967):
        assert one(kampai, line, "DOC002", 87).expected == pct(87, 87)


def test_kampai_efisiensi_1_97(kampai):
    total = rows("realisasi.csv")["TOTAL"]
    for line in (1137, 1150):
        f = one(kampai, line, "DOC001", "1.97")
        assert f.expected.quantize(D("0.0001")) == pct(dec(total["pagu"]) - dec(total["realisasi"]), total["pagu"])
        assert f.params["slip"] == "complement"  # 100 − 98,03


# lines whose numbers agree with the workbook: silent, and tied to it
KAMPAI_AGREE = [260, 261, 1093, 1094, 1095, 1099, 1145, 1146, 1148, 1149, 1300, 1301, 1306, 1338, 958, 959, 1039]


@pytest.mark.parametrize("line", KAMPAI_AGREE)
def test_kampai_agreeing_lines_are_silent(kampai, line):
    assert at(kampai, line) == []
    assert any(n["line"] == line and n["status"] == "agree" for n in kampai.numbers), line


# ------------------------------------------------------------------ Medan Amplas
def test_amplas_ikm_capaian_100_in_the_narrative(amplas):
    f = one(amplas, 1486, "DOC001", 100)
    assert f.expected.quantize(D("0.0001")) == pct("86.9", "82.15")


def test_amplas_keluaran_headings_and_bodies(amplas):
    assert one(amplas, 1532, "DOC002", 100).expected == pct(10, 8)  # heading 100 %, 10 of 8 paket
    assert one(amplas, 1565, "DOC001", 100).expected.quantize(D("0.0001")) == pct(93, 79)  # body 100 %
    truncated = one(amplas, 1561, "DOC004", 117)  # heading 117 % for 117,72 %
    assert truncated.severity == "info"
    assert one(amplas, 1703, "DOC002", 106).expected == pct(7, 7)


def test_amplas_pemberdayaan_double_rounding(amplas):
    exact = (D(10) / D(11) * 100 + D(7) / D(7) * 100) / 2
    for line in (1655, 1817):
        f = one(amplas, line, "DOC002", 96)
        assert f.expected.quantize(D("0.0001")) == exact.quantize(D("0.0001"))
        assert f.params["slip"] == "double_rounding"


def test_amplas_2022_kegiatan_02_01_realisasi(amplas):
    sub = next(r for r in read_csv(SRC / "medan_amplas" / "realisasi_2022.csv") if r["kode"] == "02.01.01")
    f = one(amplas, 2960, "DOC002", 240426500)
    assert f.expected == dec(sub["realisasi"]) and f.params["year"] == "prev"


AMPLAS_AGREE = [1536, 1791, 1795, 1803, 1813, 1879, 1882, 1883, 1885, 1886, 1888, 1892, 1893, 1894, 1895, 1913, 1919,
                1920, 1921, 1922]


@pytest.mark.parametrize("line", AMPLAS_AGREE)
def test_amplas_agreeing_lines_are_silent(amplas, line):
    assert at(amplas, line) == []
    assert any(n["line"] == line and n["status"] == "agree" for n in amplas.numbers), line


def test_amplas_reports_nothing_else(amplas):
    reported = sorted({f.params["location"]["line"] for f in amplas.findings})
    assert reported == [1486, 1532, 1561, 1565, 1655, 1703, 1817, 2960]


def test_coverage_adds_up(kampai, amplas):
    for r in (kampai, amplas):
        assert r.checked == r.matched + r.unmatched == len(r.numbers)
        assert r.matched == sum(n["status"] != "unmatched" for n in r.numbers)


def test_the_coverage_documented_is_the_coverage_measured(kampai, amplas):
    """docs/report-check.md and the README quote these figures: they stay in step."""
    doc = (ROOT / "docs" / "report-check.md").read_text(encoding="utf-8")
    assert f"| {kampai.checked} | {kampai.matched} | {kampai.unmatched} |" in doc
    assert f"| {amplas.checked} | {amplas.matched} | {amplas.unmatched} |" in doc
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"angka diperiksa: {kampai.checked}; terhubung ke buku kerja: {kampai.matched}" in readme


def test_kampai_pengukuran_realisasi_without_its_sen(kampai):
    f = one(kampai, 1278, "DOC001", "8876182851.00")
    assert f.expected == dec(rows("realisasi.csv")["TOTAL"]["realisasi"]) and f.params["slip"] == "sen_dropped"


def test_a_figure_of_the_other_year_is_named(tmp_path):
    """2022's realisasi of programme 01 printed as 2023's (a report written in the test)."""
    r2022 = next(r for r in read_csv(SRC / "medan_amplas" / "realisasi_2022.csv") if r["kode"] == "01")
    r2023 = next(r for r in read_csv(SRC / "medan_amplas" / "realisasi_2023.csv") if r["kode"] == "01")
    shown = f"{int(r2022['realisasi']):,}".replace(",", ".")
    report = tmp_path / "laporan.txt"
    report.write_text("Realisasi Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota pada tahun 2023 sebesar "
                      f"Rp. {shown},00.\n", encoding="utf-8")
    result = check_document(report, ROOT / "samples" / "medan_amplas_2023.xlsx", ROOT / "samples" / "medan_amplas_2022.xlsx")
    [f] = result.findings
    assert (f.code, f.expected, f.found) == ("DOC001", dec(r2023["realisasi"]), dec(r2022["realisasi"]))
    assert f.params["slip"] == "other_year" and "2022" in f.message("en")
