"""Several workbooks dropped on the page at once: the rekap of `lkjip-xl rekap`, at the HTTP level.

Uploaded: the four samples, two units of Kota Contoh 2024 with respondents (40 and 60, so the
pooled IKM and the mean of the units' IKMs differ), a broken file and a sample sent twice. The
kota IKM figures are computed here from the answers this test writes, and every per-file line is
compared with `lkjip-xl rekap --format json` on the same files."""
from __future__ import annotations

import html as htmllib
import json
import os
import re
import shutil
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx2")

from starlette.testclient import TestClient  # noqa: E402

from lkjip_xl.template.fill import write_filled  # noqa: E402
from lkjip_xl.web.app import create_app  # noqa: E402
from lkjip_xl.web.store import UploadStore  # noqa: E402
from valid_workbook import valid_data  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.xlsx"))
BAD = ROOT / "tests" / "bad_inputs"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
D = Decimal


def r2(x: Decimal) -> Decimal:
    return x.quantize(D("0.01"), rounding=ROUND_HALF_UP)


def contoh_dua() -> dict:
    """Kecamatan Contoh Dua: 60 respondents, a different mix of answers per unsur."""
    data = valid_data()
    data["forms"]["identitas"]["unit"] = "Kecamatan Contoh Dua"
    first = data["tables"]["skm_responden"][0]
    data["tables"]["skm_responden"] = [
        {**first, "no": i + 1, **{f"u{u}": 1 + (i * (u + 1) + u) % 4 if i % 3 else 4 for u in range(1, 10)}}
        for i in range(60)]
    return data


def totals(data: dict) -> list[tuple[int, int]]:
    """(Σ answers, number of answers) per unsur, from the rows this test wrote."""
    rows = data["tables"]["skm_responden"]
    return [(sum(r[f"u{u}"] for r in rows), len(rows)) for u in range(1, 10)]


def ikm(nrrs) -> Decimal:
    return sum(nrrs, D(0)) / 9 * 25


def files(folder: Path) -> list[Path]:
    """Every file of the upload, in order (the names the page shows)."""
    return [folder / name for name in FILE_NAMES]


FILE_NAMES = [*(p.name for p in SAMPLES), "contoh_satu.xlsx", "contoh_dua.xlsx", "rusak.xlsx",
              "kiriman_ulang.xlsx"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("kiriman")
    for p in SAMPLES:
        shutil.copy(p, root / p.name)
    satu = valid_data()
    satu["forms"]["identitas"]["unit"] = "Kecamatan Contoh Satu"
    write_filled(root / "contoh_satu.xlsx", satu)
    write_filled(root / "contoh_dua.xlsx", contoh_dua())
    shutil.copy(BAD / "random_bytes.xlsx", root / "rusak.xlsx")
    shutil.copy(ROOT / "samples" / "medan_amplas_2023.xlsx", root / "kiriman_ulang.xlsx")  # the same unit again
    return root


@pytest.fixture(scope="module")
def cli(folder) -> dict:
    """`lkjip-xl rekap --format json` on the same files, run beside them (so it names them alone)."""
    out = subprocess.run([sys.executable, "-m", "lkjip_xl", "rekap", *FILE_NAMES, "-o", "../cli-rekap.xlsx",
                          "--format", "json", "--jobs", "1", "--overwrite"],
                         cwd=folder, capture_output=True, text=True, timeout=300,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.returncode == 1, out.stderr
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def store():
    s = UploadStore()
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(store):
    with TestClient(create_app(store), base_url="http://127.0.0.1") as c:
        yield c


def send(client, paths: list[Path], lang: str = "id", names: list[str] | None = None):
    parts = [("berkas", (name, p.read_bytes(), XLSX)) for p, name in zip(paths, names or [p.name for p in paths])]
    return client.post(f"/periksa?lang={lang}", files=parts, follow_redirects=False)


@pytest.fixture(scope="module")
def uploaded(client, folder):
    got = send(client, files(folder))
    assert got.status_code == 303, got.text[:1000]
    page = client.get(got.headers["location"])
    assert page.status_code == 200
    return page


def text(fragment: str) -> str:
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def file_rows(html: str) -> list[dict]:
    rows = []
    for status, body in re.findall(r'<tr class="file [a-z_]+" data-status="([a-z_]+)">(.*?)</tr>', html, re.S):
        cells = [text(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", body, re.S)]
        rows.append({"status": status, "word": cells[0], "file": cells[1], "unit": cells[2], "kabupaten": cells[3],
                     "tahun": cells[4], "error": cells[5], "warning": cells[6], "note": cells[7]})
    return rows


def kota_rows(html: str) -> dict[str, dict]:
    out = {}
    for key, body in re.findall(r'<tr data-kota="([^"]+)">(.*?)</tr>', html, re.S):
        pooled = re.search(r'class="pooled">([^<]+)<', body)
        mean = re.search(r'class="mean">([^<]+)<', body)
        out[htmllib.unescape(key)] = {"pooled": pooled and pooled.group(1), "mean": mean and mean.group(1),
                                      "text": text(body)}
    return out


def upload_id(page) -> str:
    return page.url.path.rsplit("/", 1)[1]


# ---------------------------------------------------------------------------------------- lines
def test_one_line_per_file_as_the_command_line_reports_it(uploaded, cli):
    rows = file_rows(uploaded.text)
    assert [r["file"] for r in rows] == FILE_NAMES
    status = {"ok": "ok", "error": "errors", "duplicate": "duplicate", "unreadable": "unreadable"}
    words = {"ok": "OK", "errors": "SALAH", "duplicate": "DUPLIKAT", "unreadable": "TIDAK TERBACA"}
    for row, f in zip(rows, cli["files"]):
        assert row["file"] == f["file"]
        assert row["status"] == status[f["status"]] and row["word"] == words[row["status"]]
        if f["status"] == "unreadable":
            assert row["note"] == f["reason"]
            continue
        assert (row["unit"], row["kabupaten"], row["tahun"]) == (f["unit"], f["kabupaten_kota"], str(f["tahun"]))
        assert (row["error"], row["warning"]) == (str(f["summary"]["error"]), str(f["summary"]["warning"]))
    by_name = {r["file"]: r for r in rows}
    assert by_name["rusak.xlsx"]["note"] == "bukan berkas Excel .xlsx: rusak.xlsx (bukan arsip zip)"
    assert by_name["kiriman_ulang.xlsx"]["status"] == "duplicate"
    assert by_name["kiriman_ulang.xlsx"]["note"] == (  # as the command line says it: which counts, and why
        "duplikat dari medan_amplas_2023.xlsx, tidak dihitung; yang dihitung adalah yang pertama menurut urutan "
        "masukan; angka sama (pagu, realisasi, responden, IKM)")
    assert by_name["contoh_satu.xlsx"]["unit"] == "Kecamatan Contoh Satu"
    assert by_name["medan_amplas_2023.xlsx"]["status"] == "errors"


def test_totals_line_and_counts_as_the_command_line(uploaded, cli):
    s = cli["summary"]
    assert s["files"] == 8 and s["unreadable"] == 1 and s["duplicates"] == 1
    totals_line = text(re.search(r'<p id="totals">(.*?)</p>', uploaded.text, re.S).group(1))
    assert totals_line == (f"8 berkas: {s['units']} unit, {s['with_errors']} dengan kesalahan, 1 tidak terbaca, "
                           f"1 duplikat; {s['error']} kesalahan, {s['warning']} peringatan, {s['info']} info")
    assert f"{s['error']} kesalahan" in uploaded.text and "galat" not in uploaded.text


def test_kota_ikm_pooled_and_mean_computed_here(uploaded, cli):
    satu, dua = totals(valid_data()), totals(contoh_dua())
    ikm_satu = ikm(D(t) / n for t, n in satu)
    ikm_dua = ikm(D(t) / n for t, n in dua)
    pooled = ikm(D(t1 + t2) / (n1 + n2) for (t1, n1), (t2, n2) in zip(satu, dua))
    mean = (ikm_satu + ikm_dua) / 2
    assert r2(pooled) != r2(mean)  # 40 and 60 respondents: the two figures differ
    shown = kota_rows(uploaded.text)
    contoh = shown["Kota Contoh|2024"]
    assert contoh["pooled"].startswith(str(r2(pooled)).replace(".", ",") + " (")
    assert contoh["mean"].startswith(str(r2(mean)).replace(".", ",") + " (")
    assert "2 unit, 100 responden" in contoh["text"]
    # the same figures as the command line
    cli_kota = {(k["kabupaten_kota"], k["tahun"]): k for k in cli["kota"]}[("Kota Contoh", 2024)]
    assert cli_kota["pooled"]["ikm"] == float(r2(pooled)) and cli_kota["mean_of_units"]["ikm"] == float(r2(mean))
    assert contoh["pooled"] == f"{str(r2(pooled)).replace('.', ',')} ({cli_kota['pooled']['mutu']})"
    # Medan 2023 typed only its NRRs: a mean, no pooled IKM (and the copy sent twice is not counted)
    medan = shown["Kota Medan|2023"]
    assert medan["pooled"] is None and medan["mean"] == "86,89 (B)" and "1 unit" in medan["text"]
    assert "IKM gabungan (semua responden)" in uploaded.text and "Rata-rata IKM unit (tanpa bobot)" in uploaded.text


def test_the_rekap_workbook_downloads_and_has_the_unit_rows(client, uploaded, tmp_path):
    got = client.get(f"/unduh/{upload_id(uploaded)}/rekap")
    assert got.status_code == 200 and 'filename="rekap.xlsx"' in got.headers["content-disposition"]
    (tmp_path / "rekap.xlsx").write_bytes(got.content)
    wb = openpyxl.load_workbook(tmp_path / "rekap.xlsx", data_only=True)
    assert {"Unit", "IKM Kota", "Temuan", "Tidak Terbaca", "Duplikat"} <= set(wb.sheetnames)
    rows = list(wb["Unit"].iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r and r[0] == "No")
    units = {(r[1], r[4]) for r in rows[header + 1:] if isinstance(r[0], int)}
    assert units == {("Kecamatan Medan Amplas", "medan_amplas_2022.xlsx"),
                     ("Kecamatan Medan Amplas", "medan_amplas_2023.xlsx"),
                     ("Kecamatan Medan Baru", "medan_baru_pk_2024.xlsx"),
                     ("Kecamatan Medang Kampai", "medang_kampai_2023.xlsx"),
                     ("Kecamatan Contoh Satu", "contoh_satu.xlsx"), ("Kecamatan Contoh Dua", "contoh_dua.xlsx"),
                     ("Kecamatan Medan Amplas", "kiriman_ulang.xlsx")}
    unreadable = [r for r in wb["Tidak Terbaca"].iter_rows(values_only=True) if r and r[1] == "rusak.xlsx"]
    assert unreadable and unreadable[0][2] == "bukan berkas Excel .xlsx: rusak.xlsx (bukan arsip zip)"
    # no folder of the server anywhere in it
    every = " ".join(str(c) for ws in wb for r in ws.iter_rows(values_only=True) for c in r if c is not None)
    assert "lkjip-web-" not in every and "berkas-0" not in every and "/tmp" not in every


def test_the_downloaded_rekap_totals_each_region_and_year_apart(client, uploaded, cli, tmp_path):
    """The samples are Kota Medan 2022, 2023 and 2024 and Kota Dumai 2023: never one JUMLAH of them all."""
    got = client.get(f"/unduh/{upload_id(uploaded)}/rekap")
    (tmp_path / "rekap.xlsx").write_bytes(got.content)
    rows = [r for r in openpyxl.load_workbook(tmp_path / "rekap.xlsx")["Unit"].iter_rows(values_only=True)
            if r[1] == "JUMLAH"]
    assert [(r[2], r[3]) for r in rows] == [("Kota Contoh", 2024), ("Kota Dumai", 2023), ("Kota Medan", 2022),
                                            ("Kota Medan", 2023), ("Kota Medan", 2024)]
    programmes = [r for r in valid_data()["tables"]["realisasi"] if r["kode"] and "." not in r["kode"]]
    pagu, spent = (sum(r[k] for r in programmes) for k in ("pagu_perubahan", "realisasi"))
    contoh = rows[0]  # Contoh Satu and Contoh Dua: the same budget each, 40 and 60 respondents
    assert contoh[10:13] == (100, 2 * pagu, 2 * spent)
    assert [(t["kabupaten_kota"], t["tahun"], t["pagu"]) for t in cli["totals"]] == [
        (r[2], r[3], r[11]) for r in rows]  # the command line's totals are the page's


def test_english_on_the_switch_page_and_workbook(client, uploaded, tmp_path):
    page = client.get(f"/hasil/{upload_id(uploaded)}?lang=en")
    assert page.status_code == 200 and 'lang="en"' in page.text
    rows = {r["file"]: r for r in file_rows(page.text)}
    assert rows["rusak.xlsx"]["word"] == "UNREADABLE"
    assert rows["rusak.xlsx"]["note"] == "not an Excel .xlsx file: rusak.xlsx (not a zip archive)"
    assert rows["kiriman_ulang.xlsx"]["note"].startswith("duplicate of medan_amplas_2023.xlsx, not counted; the one "
                                                         "counted is the first in the order given; same figures")
    assert "Pooled IKM (all respondents)" in page.text and "Summary of 8 files" in page.text
    got = client.get(f"/unduh/{upload_id(uploaded)}/rekap?lang=en")
    (tmp_path / "en.xlsx").write_bytes(got.content)
    assert "Units" in openpyxl.load_workbook(tmp_path / "en.xlsx").sheetnames


def test_only_the_rekap_is_offered_and_nothing_else_reaches_the_files(client, uploaded):
    uid = upload_id(uploaded)
    for output in ("salinan-bertanda", "lampiran-xlsx", "berkas-001.xlsx", "..%2Frekap-id.xlsx", "rekap-id.xlsx"):
        assert client.get(f"/unduh/{uid}/{output}").status_code == 404, output


# ------------------------------------------------------------------------------------- safety
def test_one_file_keeps_the_findings_page(client):
    got = send(client, [ROOT / "samples" / "medan_amplas_2023.xlsx"])
    page = client.get(got.headers["location"])
    assert 'id="findings"' in page.text and 'id="dl-salinan-bertanda"' in page.text and 'id="kota"' not in page.text


def test_names_are_escaped_and_repeated_names_told_apart(client, tmp_path):
    data = valid_data()
    data["forms"]["identitas"]["unit"] = "<script>alert(1)</script>"
    write_filled(tmp_path / "skrip.xlsx", data)
    sample = ROOT / "samples" / "medan_amplas_2022.xlsx"
    names = ["a.xlsx", "a.xlsx", "Laporan & 'Kec'.xlsx", "skrip.xlsx"]
    got = send(client, [sample, sample, BAD / "random_bytes.xlsx", tmp_path / "skrip.xlsx"], names=names)
    page = client.get(got.headers["location"]).text
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Laporan &amp; &#39;Kec&#39;.xlsx" in page
    rows = file_rows(page)
    assert [r["file"] for r in rows] == ["a.xlsx", "a (2).xlsx", "Laporan & 'Kec'.xlsx", "skrip.xlsx"]
    assert rows[1]["note"].startswith("duplikat dari a.xlsx, tidak dihitung;")
    assert rows[2]["note"] == "bukan berkas Excel .xlsx: Laporan & 'Kec'.xlsx (bukan arsip zip)"
    assert rows[3]["unit"] == "<script>alert(1)</script>"


def test_the_size_limit_counts_all_files_together():
    sample = ROOT / "samples" / "medan_amplas_2023.xlsx"
    size = sample.stat().st_size
    store = UploadStore()  # closed when this client stops
    with TestClient(create_app(store, max_file_bytes=size + size // 2), base_url="http://127.0.0.1") as c:
        assert send(c, [sample]).status_code == 303  # one fits
        before = len(store)
        two = send(c, [sample, sample])  # each fits, together they do not
        assert two.status_code == 413 and "Berkas terlalu besar" in two.text and "jumlah ukurannya" in two.text
        assert len(store) == before and c.get("/").status_code == 200


def test_too_many_files_is_one_clear_line(monkeypatch):
    import lkjip_xl.web.app as app_module

    monkeypatch.setattr(app_module, "MAX_FILES", 2)
    s = UploadStore()
    try:
        with TestClient(app_module.create_app(s), base_url="http://127.0.0.1") as c:
            sample = BAD / "random_bytes.xlsx"
            got = send(c, [sample] * 3)
            assert got.status_code == 400 and "Terlalu banyak berkas sekaligus: paling banyak 2." in got.text
            assert len(s) == 0 and c.get("/").status_code == 200
    finally:
        s.close()


def test_hostile_files_among_good_ones_are_listed_and_the_server_goes_on(client, tmp_path):
    expected = {e["file"]: e for e in json.loads((BAD / "expected.json").read_text()) if e["exit"] == 2}
    names = sorted(n for n in expected if (BAD / n).is_file())
    sample = ROOT / "samples" / "medan_amplas_2022.xlsx"
    got = send(client, [sample, *(BAD / n for n in names)])
    assert got.status_code == 303
    page = client.get(got.headers["location"])
    rows = {r["file"]: r for r in file_rows(page.text)}
    assert rows[sample.name]["status"] == "errors"
    cli = subprocess.run([sys.executable, "-m", "lkjip_xl", "rekap", *names, "-o", str(tmp_path / "r.xlsx"),
                          "--format", "json", "--jobs", "1"], cwd=BAD, capture_output=True, text=True, timeout=600,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    reasons = {f["file"]: f.get("reason") for f in json.loads(cli.stdout)["files"]}
    for name in names:
        if reasons[name] is not None:
            assert rows[name]["status"] == "unreadable" and rows[name]["note"] == reasons[name], name
    assert client.get("/").status_code == 200


def test_a_survey_export_among_the_workbooks_is_named_on_the_page(client, tmp_path):
    """As the command line: the export is no failed workbook, and the totals line counts it apart."""
    from test_rekap_groups import survey_export

    good = tmp_path / "a.xlsx"
    write_filled(good, valid_data())
    survey_export(tmp_path / "SKM 2024 (Responses).xlsx", 30)
    page = client.get(send(client, [good, tmp_path / "SKM 2024 (Responses).xlsx"]).headers["location"])
    rows = file_rows(page.text)
    assert [(r["status"], r["word"]) for r in rows] == [("ok", "OK"), ("skm_export", "EKSPOR SKM")]
    assert "lkjip-xl skm" in rows[1]["note"]
    totals = text(re.search(r'<p id="totals">(.*?)</p>', page.text, re.S).group(1))
    assert "0 tidak terbaca" in totals and totals.endswith("; 1 ekspor survei SKM (tidak dihitung)")


def test_a_zip_of_workbooks_dropped_alone_gets_the_rekap_of_its_workbooks(client, folder, tmp_path):
    """The kota office receives the units' workbooks as one zip: dropped on the page alone, it was
    checked as one workbook and refused ("bukan berkas Excel"). Its workbooks now get the rekap, each
    named by the zip and its place in it, as `lkjip-xl rekap kiriman.zip`; a member that cannot be
    taken (an archive inside it) is listed, never dropped, and no server path is shown."""
    import zipfile

    archive = tmp_path / "upload.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(folder / "contoh_satu.xlsx", "LKjIP/contoh_satu.xlsx")
        zf.write(folder / "contoh_dua.xlsx", "LKjIP/contoh_dua.xlsx")
        zf.writestr("LKjIP/lama.zip", b"PK")
    got = send(client, [archive], names=["kiriman kecamatan.zip"])
    assert got.status_code == 303, got.text[:1000]
    page = client.get(got.headers["location"]).text
    rows = {r["file"]: r for r in file_rows(page)}
    assert set(rows) == {"kiriman kecamatan.zip/LKjIP/contoh_satu.xlsx", "kiriman kecamatan.zip/LKjIP/contoh_dua.xlsx",
                         "kiriman kecamatan.zip/LKjIP/lama.zip"}
    assert rows["kiriman kecamatan.zip/LKjIP/contoh_satu.xlsx"]["unit"] == "Kecamatan Contoh Satu"
    assert rows["kiriman kecamatan.zip/LKjIP/contoh_dua.xlsx"]["unit"] == "Kecamatan Contoh Dua"
    assert rows["kiriman kecamatan.zip/LKjIP/lama.zip"]["status"] == "unreadable"
    assert "arsip di dalam arsip" in rows["kiriman kecamatan.zip/LKjIP/lama.zip"]["note"]
    assert "berkas-001" not in page and str(tmp_path) not in page


def test_a_unit_with_errors_shows_where_they_are(uploaded, cli):
    """A SALAH line said only "5 kesalahan, 2 peringatan": the clerk had to download the rekap
    workbook to learn which cells. Under the line, its errors then warnings: sheet!cell, code and
    message, the same as `lkjip-xl rekap --format json` gives for that file (notes left to the
    workbook's Temuan sheet)."""
    entry = next(f for f in cli["files"] if f["file"] == "medan_amplas_2023.xlsx")
    expected = [(f["code"], f"{f['sheet']}!{f['cell']}", f["message"]) for f in entry["findings"]
                if f["severity"] == "error"]
    expected += [(f["code"], f"{f['sheet']}!{f['cell']}", f["message"]) for f in entry["findings"]
                 if f["severity"] == "warning"]
    assert len(expected) == entry["summary"]["error"] + entry["summary"]["warning"] > 0
    block = re.search(r'<tr class="unit-findings" data-file="medan_amplas_2023.xlsx">(.*?)</details>',
                      uploaded.text, re.S).group(1)
    shown = [(code, cell, text(msg)) for code, cell, msg in re.findall(
        r'<tr class="(?:error|warning)" data-code="([A-Z0-9]+)" data-cell="([^"]+)">.*?<td class="message">(.*?)</td>',
        block, re.S)]
    assert shown == expected
    assert f"Lihat {len(expected)} kesalahan dan peringatan" in block
    ok = re.search(r'data-file="contoh_satu.xlsx"', uploaded.text)
    assert ok is None  # a unit without errors or warnings gets no list
