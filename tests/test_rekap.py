"""`lkjip-xl rekap` on a folder built here: three good units (SKM from answers, from answers with
the 0,111 weight, from typed NRRs only), two broken files, a lock file and the first unit again
in a subfolder under another spelling. Every expected figure (pooled IKM, mean of unit IKMs,
totals, capaian) is computed below with plain Decimal arithmetic from the answers and amounts
this test writes."""
from __future__ import annotations

import json
import shutil
from decimal import ROUND_HALF_UP, Decimal

import openpyxl
import pytest
from typer.testing import CliRunner

from conftest import ROOT
from lkjip_xl.cli import app
from lkjip_xl.template.fill import write_filled
from valid_workbook import valid_data

runner = CliRunner()
BAD = ROOT / "tests" / "bad_inputs"
D = Decimal


def r2(x: Decimal) -> Decimal:
    return x.quantize(D("0.01"), rounding=ROUND_HALF_UP)


def answers(n: int, shift: int) -> list[list[int]]:
    """n respondents × 9 answers in 1..4, a different mix per unsur and per unit."""
    return [[1 + (i * (u + 2) + shift + u) % 4 if (i + u) % 3 else 4 - (i + shift) % 2 for u in range(9)]
            for i in range(n)]


def totals(rows: list[list[int]]) -> list[tuple[int, int]]:
    return [(sum(r[u] for r in rows), len(rows)) for u in range(9)]


def ikm(nrrs: list[Decimal], weight: Decimal | None = None) -> Decimal:
    """Σ NRR × weight × 25 (weight 1/9 unless given)."""
    if weight is None:
        return sum(nrrs, D(0)) / 9 * 25
    return sum((n * weight for n in nrrs), D(0)) * 25


A = answers(40, 0)
B = answers(50, 1)
NRR_C = [D("3.10"), D("3.25"), D("3.40"), D("3.05"), D("3.30"), D("3.15"), D("3.45"), D("3.20"), D("3.35")]
IKM_A = ikm([D(t) / n for t, n in totals(A)])
IKM_B_EXACT = ikm([D(t) / n for t, n in totals(B)])
IKM_B_LEGACY = ikm([D(t) / n for t, n in totals(B)], D("0.111"))
IKM_C = ikm(NRR_C)


def unit(name: str, rows: list[list[int]] | None, realisasi: Decimal, *, bobot: str = "1/9",
         nrr: list[Decimal] | None = None) -> dict:
    data = valid_data()
    data["forms"]["identitas"]["unit"] = name
    data["forms"]["identitas"]["bobot_skm"] = bobot
    resp = data["tables"]["skm_responden"]
    if rows is None:
        data["tables"].pop("skm_responden")
        data["tables"]["skm_unsur"] = [{"kode": f"U{u + 1}", "unsur": name_, "nrr_tertulis": nrr[u]}
                                       for u, name_ in enumerate(UNSUR_NAMES)]
    else:
        data["tables"]["skm_responden"] = [{**resp[i % len(resp)], "no": i + 1,
                                            **{f"u{u + 1}": a for u, a in enumerate(r)}} for i, r in enumerate(rows)]
        info = data["forms"]["skm_info"]  # a population is at least the respondents who answered (SKM030)
        info["populasi"] = max(info.get("populasi") or 0, len(rows))
    data["tables"]["pk_indikator"][0]["realisasi"] = realisasi  # IKU1 is the IKM
    data["tables"]["ra_indikator"][0]["realisasi_tw4"] = realisasi
    return data


UNSUR_NAMES = ["Persyaratan", "Sistem, Mekanisme, dan Prosedur", "Waktu Penyelesaian", "Biaya/Tarif",
               "Produk Spesifikasi Jenis Pelayanan", "Kompetensi Pelaksana", "Perilaku Pelaksana",
               "Penanganan Pengaduan, Saran dan Masukan", "Sarana dan Prasarana"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("rekap") / "kiriman"
    (root / "sub").mkdir(parents=True)
    write_filled(root / "a.xlsx", unit("Kecamatan Contoh A", A, r2(IKM_A)))
    write_filled(root / "b.xlsx", unit("Kecamatan Contoh B", B, r2(IKM_B_LEGACY), bobot="0,111"))
    write_filled(root / "c.xlsx", unit("Kecamatan Contoh C", None, r2(IKM_C), nrr=NRR_C))
    again = unit("kecamatan  contoh a.", A, r2(IKM_A))  # the same unit, spelled otherwise
    again["forms"]["identitas"]["kabupaten_kota"] = "KOTA CONTOH"
    write_filled(root / "sub" / "z_kiriman_ulang.xlsx", again)
    shutil.copy(BAD / "random_bytes.xlsx", root / "d_rusak.xlsx")
    shutil.copy(BAD / "not_lkjip.xlsx", root / "e_bukan_lkjip.xlsx")
    (root / "~$a.xlsx").write_bytes(b"lock")  # Excel's lock file: skipped
    return root


def rekap(*args: str):
    return runner.invoke(app, ["rekap", *args])


@pytest.fixture(scope="module")
def outcome(folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "rekap.xlsx"
    result = rekap(str(folder), "-o", str(out), "--format", "json", "--jobs", "2")
    return result, json.loads(result.stdout), out


def test_exit_1_and_every_file_reported(outcome, folder):
    result, doc, out = outcome
    assert result.exit_code == 1, result.output
    assert out.exists()
    files = {f["file"].replace(str(folder) + "/", ""): f for f in doc["files"]}
    assert set(files) == {"a.xlsx", "b.xlsx", "c.xlsx", "d_rusak.xlsx", "e_bukan_lkjip.xlsx",
                          "sub/z_kiriman_ulang.xlsx"}  # the lock file is not a workbook
    assert {f["unit"] for f in doc["files"] if f["status"] != "unreadable"} == {
        "Kecamatan Contoh A", "Kecamatan Contoh B", "Kecamatan Contoh C", "kecamatan contoh a."}  # spaces tidied
    assert [files[k]["status"] for k in ("a.xlsx", "b.xlsx", "c.xlsx")] == ["ok"] * 3
    assert doc["summary"] == {"files": 6, "read": 4, "units": 3, "with_errors": 0, "unreadable": 2,
                              "skm_exports": 0, "skipped": 0, "duplicates": 1, "error": 0, "warning": 0, "info": 1}


def test_broken_files_listed_with_their_reason(outcome):
    _, doc, _ = outcome
    reasons = {r["file"].rsplit("/", 1)[1]: r["reason"] for r in doc["unreadable"]}
    assert set(reasons) == {"d_rusak.xlsx", "e_bukan_lkjip.xlsx"}
    assert "bukan berkas Excel .xlsx" in reasons["d_rusak.xlsx"]
    assert "bukan buku kerja LKjIP" in reasons["e_bukan_lkjip.xlsx"]


def test_duplicate_reported_and_not_counted(outcome):
    _, doc, _ = outcome
    dup = {d["file"].rsplit("/", 1)[1]: d for d in doc["duplicates"]}
    assert set(dup) == {"a.xlsx", "z_kiriman_ulang.xlsx"}
    assert dup["a.xlsx"]["counted"] and not dup["z_kiriman_ulang.xlsx"]["counted"]
    assert dup["z_kiriman_ulang.xlsx"]["duplicate_of"].endswith("a.xlsx")


def test_kota_ikm_pooled_and_mean(outcome):
    _, doc, _ = outcome
    [kota] = doc["kota"]
    # pooled: the respondents of A and B as one survey (C typed only NRRs; the copy of A is a duplicate)
    pooled_nrr = [D(ta + tb) / (na + nb) for (ta, na), (tb, nb) in zip(totals(A), totals(B))]
    pooled = ikm(pooled_nrr)
    assert kota["pooled"]["ikm"] == float(r2(pooled))
    assert kota["pooled"]["ikm_unrounded"] == pytest.approx(float(pooled), abs=1e-12)
    assert (kota["pooled"]["units"], kota["pooled"]["respondents"]) == (2, 90)
    assert kota["pooled"]["label"] == "IKM gabungan (semua responden)"
    # mean: the three units' IKMs with the 1/9 weight (B recomputed from its 0,111)
    mean = (IKM_A + IKM_B_EXACT + IKM_C) / 3
    assert kota["mean_of_units"]["ikm"] == float(r2(mean))
    assert kota["mean_of_units"]["units"] == 3
    assert kota["mean_of_units"]["label"] == "Rata-rata IKM unit (tanpa bobot)"
    assert (kota["nrr_only"], kota["legacy_weight"], kota["units"]) == (1, 1, 3)
    assert r2(pooled) != r2(mean)  # the two figures differ: both are needed, labelled


def test_unit_figures(outcome):
    _, doc, _ = outcome
    a = next(f for f in doc["files"] if f["unit"] == "Kecamatan Contoh A")
    programmes = [r for r in valid_data()["tables"]["realisasi"] if r["kode"] and "." not in r["kode"]]
    pagu = sum(r["pagu_perubahan"] for r in programmes)
    spent = sum(r["realisasi"] for r in programmes)
    assert (a["pagu"], a["realisasi"]) == (pagu, spent)
    assert a["serapan"] == pytest.approx(float(D(spent) * 100 / D(pagu)), abs=1e-12)
    assert a["ikm"]["ikm"] == float(r2(IKM_A)) and a["ikm"]["pooled"]
    iku1 = a["iku"][0]
    assert iku1["capaian"] == pytest.approx(float(r2(IKM_A) / D("82.15") * 100), abs=1e-12)
    b = next(f for f in doc["files"] if f["unit"] == "Kecamatan Contoh B")
    assert b["ikm"]["ikm"] == float(r2(IKM_B_LEGACY)) and b["ikm"]["bobot"] == "0.111"


def _sheets(path) -> dict[str, list[tuple]]:
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    finally:
        wb.close()


def _row(rows: list[tuple], first: str) -> tuple:
    return next(r for r in rows if first in r)


def test_workbook_content(outcome):
    _, doc, out = outcome
    sheets = _sheets(out)
    assert list(sheets)[:4] == ["Unit", "IKM Kota", "NRR gabungan per unsur", "Indikator"]
    assert {"Temuan", "Tidak Terbaca", "Duplikat"} <= set(sheets)
    units = sheets["Unit"]
    for name in ("Kecamatan Contoh A", "Kecamatan Contoh B", "Kecamatan Contoh C"):
        assert _row(units, name)
    total = _row(units, "JUMLAH")
    pagu = 3 * 1_770_000_000  # A, B and C have the same budget; the copy of A is left out
    assert pagu in total and 3 * 1_694_000_000 in total
    kota = _row(sheets["IKM Kota"], "Kota Contoh")
    pooled = ikm([D(ta + tb) / (na + nb) for (ta, na), (tb, nb) in zip(totals(A), totals(B))])
    assert kota[2] == float(r2(pooled)) and kota[6] == float(r2((IKM_A + IKM_B_EXACT + IKM_C) / 3))
    ikm_sheet = next(name for name in sheets if name.startswith("I01"))
    assert "Indeks Kepuasan Masyarakat" in ikm_sheet
    assert _row(sheets[ikm_sheet], "Kecamatan Contoh C")[-1] == float(r2(r2(IKM_C) / D("82.15") * 100))
    findings = [r for r in sheets["Temuan"][4:] if r[0] is not None]
    assert len(findings) == sum(len(f.get("findings", [])) for f in doc["files"]) == 1
    assert _row(sheets["Tidak Terbaca"], "d_rusak.xlsx")
    assert _row(sheets["Duplikat"], "sub/z_kiriman_ulang.xlsx")


def test_jobs_1_and_2_write_the_same_workbook(outcome, folder, tmp_path):
    _, _, out2 = outcome
    out1 = tmp_path / "rekap1.xlsx"
    assert rekap(str(folder), "-o", str(out1), "--jobs", "1").exit_code == 1
    assert _sheets(out1) == _sheets(out2)


def test_text_output_one_line_per_file_and_totals(folder, tmp_path):
    result = rekap(str(folder), "-o", str(tmp_path / "r.xlsx"), "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr == ""  # not a terminal: no progress bar
    lines = result.stdout.splitlines()
    statuses = [line.split()[0] for line in lines[:6]]
    assert sorted(statuses) == ["DUPLICATE", "OK", "OK", "OK", "UNREADABLE", "UNREADABLE"]
    assert lines[6] == ""
    assert lines[7].startswith("6 files: 3 units, 0 with errors, 2 unreadable, 1 duplicates")
    pooled = r2(ikm([D(ta + tb) / (na + nb) for (ta, na), (tb, nb) in zip(totals(A), totals(B))]))
    assert lines[8].startswith(f"IKM Kota Contoh 2024: pooled {pooled} (")  # English: a decimal point
    assert lines[-1] == f"written: {tmp_path / 'r.xlsx'}"
    assert "Units" in _sheets(tmp_path / "r.xlsx")


def test_clean_folder_exits_0_and_a_rekap_in_it_is_not_read_back(folder, tmp_path):
    clean = tmp_path / "bersih"
    clean.mkdir()
    for name in ("a.xlsx", "b.xlsx", "c.xlsx"):
        shutil.copy(folder / name, clean / name)
    out = clean / "rekap.xlsx"
    assert rekap(str(clean), "-o", str(out)).exit_code == 0
    again = rekap(str(clean), "-o", str(out))
    assert again.exit_code == 2 and "sudah ada" in again.stderr
    second = rekap(str(clean), "-o", str(out), "--overwrite", "--format", "json")
    assert second.exit_code == 0 and json.loads(second.stdout)["summary"]["files"] == 3


def test_never_writes_over_an_input(folder, tmp_path):
    target = tmp_path / "a.xlsx"
    shutil.copy(folder / "a.xlsx", target)
    before = target.read_bytes()
    result = rekap(str(tmp_path), "-o", str(target), "--overwrite")
    assert result.exit_code == 2 and "menolak menimpa berkas masukan" in result.stderr
    assert target.read_bytes() == before


@pytest.mark.parametrize("args, words", [
    (["{tmp}/kosong", "-o", "{tmp}/r.xlsx"], "tidak ada buku kerja .xlsx"),
    (["{folder}", "-o", "{tmp}/r.csv"], "-o harus berakhiran .xlsx"),
    (["{folder}", "-o", "{tmp}/r.xlsx", "--jobs", "0"], "--jobs 0"),
    (["{folder}", "-o", "{tmp}/tidak/ada/r.xlsx"], "folder keluaran tidak ada"),
])
def test_cannot_run_exits_2_with_one_line(folder, tmp_path, args, words):
    (tmp_path / "kosong").mkdir()
    result = rekap(*[a.format(tmp=tmp_path, folder=folder) for a in args])
    assert result.exit_code == 2
    assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "r.xlsx").exists()


def test_a_missing_path_is_listed_not_fatal(folder, tmp_path):
    result = rekap(str(folder / "a.xlsx"), str(tmp_path / "hilang.xlsx"), "-o", str(tmp_path / "r.xlsx"),
                   "--format", "json")
    doc = json.loads(result.stdout)
    assert result.exit_code == 1
    assert [f["status"] for f in doc["files"]] == ["ok", "unreadable"]
    assert "berkas tidak ditemukan" in doc["unreadable"][0]["reason"]


def test_the_whole_bad_inputs_corpus_is_listed_never_fatal(tmp_path):
    result = rekap(str(BAD), "-o", str(tmp_path / "r.xlsx"), "--format", "json", "--jobs", "2")
    doc = json.loads(result.stdout)
    assert result.exit_code == 1
    expected = sorted(p.name for p in BAD.iterdir() if p.suffix in (".xlsx", ".xlsm", ".xls"))
    assert "old_format.xls" in expected and "macros.xlsm" in expected  # every spreadsheet, not only .xlsx
    assert sorted(f["file"].rsplit("/", 1)[1] for f in doc["files"] if f["status"] != "skipped") == expected
    others = sorted(p.name for p in BAD.iterdir() if p.suffix not in (".xlsx", ".xlsm", ".xls"))
    assert sorted(f["file"].rsplit("/", 1)[1] for f in doc["files"] if f["status"] == "skipped") == others
    assert all(f["status"] != "unreadable" or f["reason"] for f in doc["files"])


def test_workbooks_without_unit_name_or_year_are_kept_apart(tmp_path):
    for name, unit_name in (("x.xlsx", None), ("y.xlsx", None)):
        data = unit("", A, r2(IKM_A))
        data["forms"]["identitas"]["unit"] = unit_name
        data["forms"]["identitas"]["tahun"] = None
        write_filled(tmp_path / name, data)
    out = tmp_path / "out" / "r.xlsx"
    out.parent.mkdir()
    result = rekap(str(tmp_path), "-o", str(out), "--format", "json")
    doc = json.loads(result.stdout)
    assert result.exit_code == 1  # the year is required: check reports it
    assert doc["summary"]["units"] == 2 and doc["summary"]["duplicates"] == 0  # no name: never the same unit
    sheets = _sheets(out)
    assert len([r for r in sheets["Unit"] if "nama unit tidak diisi di Identitas" in r]) == 2
    ikm_sheet = sheets[next(name for name in sheets if name.startswith("I01"))]
    assert any("(tidak diisi)" in row for row in ikm_sheet[:4])  # the year group of an unknown year
    # the totals' caveat names the units with errors: by their files, never "None"
    [total] = [line for line in rekap(str(tmp_path), "-o", str(out), "--overwrite").stdout.splitlines()
               if line.startswith("JUMLAH")]
    assert "(x.xlsx, y.xlsx)" in total and "None" not in total


def test_text_like_a_formula_stays_text(tmp_path):
    data = unit("=1+1", A, r2(IKM_A))
    write_filled(tmp_path / "a.xlsx", data)
    out = tmp_path / "out.xlsx"
    rekap(str(tmp_path / "a.xlsx"), "-o", str(out))
    ws = openpyxl.load_workbook(out)["Unit"]
    cells = [c for row in ws.iter_rows() for c in row if c.value == "=1+1"]
    assert cells and all(c.data_type == "s" for c in cells)


def test_a_total_holding_a_unit_with_errors_says_so(tmp_path):
    """Kecamatan Dua typed its Realisasi sheet in thousands (BUD032): its figures are in the
    kota's JUMLAH, which then cannot be trusted; the JUMLAH says which unit, in the text, the JSON
    and the workbook's Keterangan."""
    from test_amount_scale import _in_thousands

    root = tmp_path / "kiriman"
    root.mkdir()
    good, off = valid_data(), valid_data()
    good["forms"]["identitas"]["unit"], off["forms"]["identitas"]["unit"] = "Kecamatan Satu", "Kecamatan Dua"
    _in_thousands(off["tables"]["realisasi"])
    write_filled(root / "satu.xlsx", good)
    write_filled(root / "dua.xlsx", off)
    total_row = next(r for r in good["tables"]["realisasi"] if r["kode"] is None)
    result = rekap(str(root), "-o", str(tmp_path / "r.json.xlsx"), "--format", "json", "--jobs", "1")
    (total,) = json.loads(result.stdout)["totals"]
    assert total["pagu"] == total_row["pagu_perubahan"] + total_row["pagu_perubahan"] // 1000
    assert total["units_with_errors"] == ["Kecamatan Dua"]
    text = rekap(str(root), "-o", str(tmp_path / "r.xlsx"), "--jobs", "1").stdout
    assert "termasuk angka 1 unit yang buku kerjanya berisi kesalahan (Kecamatan Dua)" in text
    units = _sheets(tmp_path / "r.xlsx")["Unit"]
    assert "Kecamatan Dua" in _row(units, "JUMLAH")[-1]
    # printed: the caveat wraps in its column, which is as wide as a wrapped column gets (30), and
    # its row is as tall as its lines; it ran unwrapped from a column sized for the word
    # "Keterangan" across empty columns, and the page printed them, the table shrunk to 60 %
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")["Unit"]
    caveat = next(row[-1] for row in ws.iter_rows() if row[1].value == "JUMLAH")
    assert caveat.alignment.wrap_text and ws.max_column == caveat.column
    width = ws.column_dimensions[caveat.column_letter].width
    assert width >= 30
    lines = -(-len(caveat.value) // int(width * 1.3))
    assert ws.row_dimensions[caveat.row].height >= 12 * lines


def test_a_kota_ikm_holding_a_unit_whose_survey_has_errors_says_so(tmp_path):
    """Kecamatan Dua has an answer of 7 (SKM001): its IKM is in the kota's pooled IKM and mean,
    which say which unit, in the text and the JSON."""
    root = tmp_path / "kiriman"
    root.mkdir()
    good, off = valid_data(), valid_data()
    good["forms"]["identitas"]["unit"], off["forms"]["identitas"]["unit"] = "Kecamatan Satu", "Kecamatan Dua"
    off["tables"]["skm_responden"][0]["u1"] = 7
    write_filled(root / "satu.xlsx", good)
    write_filled(root / "dua.xlsx", off)
    (kota,) = json.loads(rekap(str(root), "-o", str(tmp_path / "r.xlsx"), "--format", "json").stdout)["kota"]
    assert kota["units_with_errors"] == ["Kecamatan Dua"]
    text = rekap(str(root), "-o", str(tmp_path / "r2.xlsx"), "--lang", "en").stdout
    assert "includes the IKM of 1 unit(s) whose survey data has errors (Kecamatan Dua)" in text


def test_text_output_writes_numbers_the_way_of_its_language(folder, tmp_path):
    """The totals line in English groups by commas (1,770,000,000 and 95.71), in Indonesian by dots
    (1.770.000.000 and 95,71), as check's messages do."""
    programmes = [r for r in valid_data()["tables"]["realisasi"] if r["kode"] and "." not in r["kode"]]
    pagu = 3 * sum(D(r["pagu_perubahan"]) for r in programmes)  # units A, B and C (the copy of A is not counted)
    spent = 3 * sum(D(r["realisasi"]) for r in programmes)
    serapan = r2(spent * 100 / pagu)
    en = rekap(str(folder), "-o", str(tmp_path / "en.xlsx"), "--lang", "en").stdout.splitlines()
    assert any(line.startswith(f"TOTAL Kota Contoh 2024: 3 units, budget {int(pagu):,}, spent {int(spent):,}, "
                               f"absorption {serapan} %, ") for line in en), en
    id_ = rekap(str(folder), "-o", str(tmp_path / "id.xlsx")).stdout.splitlines()
    dots = str.maketrans(",.", ".,")
    assert any(line.startswith(f"JUMLAH Kota Contoh 2024: 3 unit, pagu {f'{int(pagu):,}'.translate(dots)}, realisasi "
                               f"{f'{int(spent):,}'.translate(dots)}, serapan {str(serapan).translate(dots)} %, ")
               for line in id_), id_


def test_units_computing_a_turun_capaian_by_different_formulas_are_named(tmp_path):
    """IKU3 (turun, target 10, realisasi 8) in two units: one computes (2T − R) / T, the other chose
    T / R on its Identitas sheet. Each capaian is right by its own rule, 120 % and 125 %, but they do
    not compare: the indicator's sheet names the two rules and their units; a naik indicator, the
    same R / T everywhere, says nothing of it."""
    one, two = valid_data(), valid_data()
    one["forms"]["identitas"]["unit"], two["forms"]["identitas"]["unit"] = "Kecamatan Satu", "Kecamatan Dua"
    two["forms"]["identitas"]["rumus_turun"] = "T/R"
    iku3 = next(r for r in one["tables"]["pk_indikator"] if r["kode_indikator"] == "IKU3")
    t, r = D(iku3["target"]), D(iku3["realisasi"])
    folder = tmp_path / "kiriman"
    folder.mkdir()
    write_filled(folder / "satu.xlsx", one)
    write_filled(folder / "dua.xlsx", two)
    out = tmp_path / "rekap.xlsx"
    result = rekap(str(folder), "-o", str(out), "--jobs", "1", "--lang", "en", "--format", "json")
    assert result.exit_code == 0
    [group] = [g for g in json.loads(result.stdout)["indicators"] if g["rules_differ"]]
    assert "gangguan" in group["indikator"] and group["rules_differ"] == [
        {"rumus": "(2T-R)/T", "maks_100": False, "units": ["Kecamatan Satu"]},
        {"rumus": "T/R", "maks_100": False, "units": ["Kecamatan Dua"]}]
    sheets = _sheets(out)
    turun = sheets[next(name for name in sheets if "gangguan" in name)]  # IKU3's sheet
    assert _row(turun, "Kecamatan Satu")[-1] == float((2 * t - r) / t * 100)  # 120
    assert _row(turun, "Kecamatan Dua")[-1] == float(t / r * 100)  # 125
    said = [c for row in turun[:4] for c in row if isinstance(c, str) and "different formulas" in c]
    assert len(said) == 1 and said[0].endswith("(2T-R)/T: Kecamatan Satu; T/R: Kecamatan Dua")
    naik = sheets[next(name for name in sheets if "pemberda" in name)]  # IKU2, naik (the name cut to 31 characters)
    assert not [c for row in naik[:4] for c in row if isinstance(c, str) and "different formulas" in c]
