"""The tables issue 13 added, on the Medang Kampai sample, compared with values computed here from
its sources (samples/src/medang_kampai/*.csv) with plain Decimal arithmetic: the SAKIP evaluation
and follow-up (Tabel 1.1, 1.2), the comparison with last year's target and realisasi (Tabel 2.4),
the programme indicators in the kinerja-anggaran table (Tabel 2.8), capaian and serapan per
sasaran (Tabel 2.7) and efisiensi per row, sumber dana per programme (Tabel 1.8) and the signature
block from Identitas; then the SAKIP score with its components on the valid workbook."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import yaml
from typer.testing import CliRunner

from helpers import read_csv
from lkjip_xl.cli import app
from test_annex_support import SheetTable, ensure_samples, money, num, pct

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "medang_kampai_2023.xlsx"
SRC = ROOT / "samples" / "src" / "medang_kampai"
runner = CliRunner()


def src(name):
    return read_csv(SRC / name)


@pytest.fixture(scope="module")
def wb(tmp_path_factory):
    ensure_samples()
    out = tmp_path_factory.mktemp("mk") / "mk.xlsx"
    result = runner.invoke(app, ["annex", str(SAMPLE), "-o", str(out), "--force"])
    assert result.exit_code == 0, result.output
    return openpyxl.load_workbook(out)


def programme_amounts() -> dict[str, tuple[Decimal, Decimal]]:
    """Each programme's pagu and realisasi = Σ of its sub kegiatan (codes NN.KK.SS), as printed."""
    out: dict[str, list[Decimal]] = {}
    for r in src("realisasi.csv"):
        if r["kode"].count(".") == 2:
            p = out.setdefault(r["kode"][:2], [Decimal(0), Decimal(0)])
            p[0] += Decimal(r["pagu"])
            p[1] += Decimal(r["realisasi"])
    return {k: (v[0], v[1]) for k, v in out.items()}


def test_sakip_evaluation_and_follow_up(wb):
    ws = wb["Evaluasi SAKIP"]
    rec, follow = SheetTable(ws, 0), SheetTable(ws, 1)
    rows = src("sakip_rekomendasi.csv")
    assert rec.title == "Hasil Evaluasi SAKIP Tahun 2023"
    assert rec.rows() == [[str(n), r["kelemahan"], r["rekomendasi"]] for n, r in enumerate(rows, 1)]
    assert follow.rows() == [[str(n), r["tindak_lanjut"], r["waktu"]] for n, r in enumerate(rows, 1)]
    assert ws.cell(follow.numbering_row - 1, 3).value == "Waktu Penyelesaian"


def test_comparison_with_last_years_target(wb):
    t = SheetTable(wb["Perbandingan Kinerja"])
    assert t.header[0][4:] == ["Target", None, "Realisasi", None, "Capaian (%)", None]
    assert t.header[1][4:] == ["2022", "2023"] * 3
    last = {r["kode_indikator"]: r for r in src("riwayat.csv")}
    for got, ind in zip(t.rows(), src("pk.csv")):
        prev = last[ind["kode_indikator"]]
        assert got[2] == ind["indikator"]
        assert [num(v) for v in got[4:8]] == [Decimal(prev["target"]), Decimal(ind["target"]),
                                               Decimal(prev["realisasi"]), Decimal(ind["realisasi"])]
        assert num(got[8]) == pct(prev["realisasi"], prev["target"])
        assert num(got[9]) == pct(ind["realisasi"], ind["target"])
    assert num(t.rows()[0][8]) == Decimal("110.79")  # 96,39 / 87; Tabel 2.4 prints 110,80


def test_programme_indicators_in_the_kinerja_anggaran_table(wb):
    t = SheetTable(wb["Kinerja dan Anggaran"])
    assert t.header[1][9:13] == ["Indikator Program", "Target", "Realisasi", "Capaian (%)"]
    indicators = {r["kode"]: r for r in src("indikator_program.csv")}
    amounts = programme_amounts()
    for got in t.rows():
        code = got[7]
        exp = indicators[code]
        assert got[9] == exp["indikator"]
        assert (num(got[10]), num(got[11]), num(got[12])) == (
            Decimal(exp["target"]), Decimal(exp["realisasi"]), pct(exp["realisasi"], exp["target"]))
        assert (money(got[13]), money(got[14])) == tuple(int(x) for x in amounts[code])


def test_capaian_and_serapan_per_sasaran(wb):
    t = SheetTable(wb["Efisiensi per Sasaran"])
    rows = t.rows()
    amounts = programme_amounts()
    pk = src("pk.csv")
    codes = []
    for r in pk:
        codes += [c for c in r["kode_program"].split(";") if c not in codes]
    names = {r["kode"]: r["program"] for r in src("pk_program.csv")}
    assert [r[2] for r in rows[:-1]] == [names[c] for c in codes]
    pagu = sum(amounts[c][0] for c in codes)
    real = sum(amounts[c][1] for c in codes)
    capaian = sum(Decimal(r["realisasi"]) * 100 / Decimal(r["target"]) for r in pk) / len(pk)
    total = rows[-1]
    assert total[2] == "Sasaran 1: Σ program di atas"
    assert (money(total[3]), money(total[4]), num(total[5])) == (int(pagu), int(real), pct(real, pagu))
    assert (pagu, real, pct(real, pagu)) == (1_396_524_280, 1_371_801_250, Decimal("98.23"))  # Tabel 2.7 L1106
    assert num(total[6]) == capaian.quantize(Decimal("0.01"))
    assert num(total[7]) == pct(pagu - real, pagu)  # sisa / pagu (the unit's method)


def test_efisiensi_per_row(wb):
    t = SheetTable(wb["Efisiensi Rinci"])
    printed = {r["kode"]: r for r in src("realisasi.csv") if r["kode"]}
    amounts = programme_amounts()
    for got in t.rows():
        code = got[0]
        if code.count(".") == 2:
            p, r = Decimal(printed[code]["pagu"]), Decimal(printed[code]["realisasi"])
        elif code.count(".") == 0:
            p, r = amounts[code]
        else:
            continue
        assert num(got[7]) == (pct(p - r, p) if p != r else 0), code  # zero efisiensi printed "-"


def test_sumber_dana_and_signature(wb):
    ws = wb["PK Program dan Anggaran"]
    t = SheetTable(ws)
    assert t.header[0][4] == "Sumber Dana"
    assert [r[4] for r in t.rows()[:-1]] == [r["sumber_dana"] for r in src("pk_program.csv")]
    ident = yaml.safe_load((SRC / "identitas.yaml").read_text(encoding="utf-8"))
    texts = [line for row in wb["Pengukuran Kinerja"].iter_rows(values_only=True) for c in row
             if isinstance(c, str) for line in c.split("\n")]  # the signature block: one cell, a line each
    nip = ident["pimpinan_nip"]
    assert f"{ident['tempat']}, 15 Januari 2024" in texts and ident["pimpinan_jabatan"].upper() in texts
    assert ident["pimpinan_nama"] in texts and f"NIP. {nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}" in texts
    assert ident["pimpinan_pangkat"] in texts


def test_pk_signed_under_its_own_date(wb):
    """The PK is signed at the start of its year ("Dumai, Januari 2023" in the report, L2088), not
    on the report's date (Identitas: 15 Januari 2024)."""
    ws = wb["Perjanjian Kinerja"]  # the signature block is one cell per signer, a line each
    texts = [line for row in ws.iter_rows(values_only=True) for c in row if isinstance(c, str) for line in c.split("\n")]
    assert "Dumai, Januari 2023" in texts
    assert not [t for t in texts if "2024" in t]


def test_sakip_score_with_components(write, data, tmp_path):
    data["tables"]["sakip_nilai"] = [
        {"tahun": 2023, "perencanaan": Decimal("20.10"), "pengukuran": Decimal("18.40"), "pelaporan": Decimal("10.50"),
         "evaluasi": Decimal("17.50"), "nilai": Decimal("66.50"), "predikat": "B"},
        {"tahun": 2022, "perencanaan": Decimal("19"), "pengukuran": Decimal("17"), "pelaporan": Decimal("10"),
         "evaluasi": Decimal("15"), "nilai": Decimal("61"), "predikat": "B"}]
    out = tmp_path / "a.xlsx"
    result = runner.invoke(app, ["annex", str(write(data)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    t = SheetTable(openpyxl.load_workbook(out)["Nilai SAKIP"])
    rows = t.rows()
    assert [r[1] for r in rows] == [2022, 2023]  # by year
    for got, exp in zip(rows, reversed(data["tables"]["sakip_nilai"])):
        parts = [exp[k] for k in ("perencanaan", "pengukuran", "pelaporan", "evaluasi")]
        assert [num(v) for v in got[2:7]] == parts + [sum(parts)]
        assert got[7] == "B" and got[8] == "Baik"  # > 60-70


def test_sakip_components_that_do_not_add_up(check, data):
    data["tables"]["sakip_nilai"] = [{"tahun": 2023, "perencanaan": 20, "pengukuran": 18, "pelaporan": 10,
                                      "evaluasi": 17, "nilai": Decimal("66.50"), "predikat": "BB"}]
    findings = {f.code: f for f in check(data)}
    assert findings["SAK001"].cell == "F5" and (findings["SAK001"].expected, findings["SAK001"].found) == (65, Decimal("66.50"))
    assert findings["SAK002"].expected == "B"
