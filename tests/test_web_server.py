"""`lkjip-xl web` at the HTTP level: what the page shows and offers, its size limit, content
sniffing, escaping, opaque downloads, concurrent uploads, cleanup, and the command itself."""
from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from decimal import Decimal as D
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx2")

from starlette.testclient import TestClient  # noqa: E402

from lkjip_xl.checks.engine import check_workbook  # noqa: E402
from lkjip_xl.reader import read_workbook  # noqa: E402
from lkjip_xl.web.app import create_app  # noqa: E402
from lkjip_xl.web.store import UploadStore  # noqa: E402
from valid_workbook import valid_data  # noqa: E402
from web_live import LiveServer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "medan_amplas_2023.xlsx"
KAMPAI = ROOT / "samples" / "medang_kampai_2023.xlsx"
BAD = ROOT / "tests" / "bad_inputs"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def store():
    s = UploadStore()
    yield s
    s.close()


@pytest.fixture
def client(store):
    with TestClient(create_app(store), base_url="http://127.0.0.1") as c:
        yield c


def upload(client, path: Path, name: str | None = None, lang: str = "id", data: bytes | None = None):
    body = path.read_bytes() if data is None else data
    return client.post(f"/periksa?lang={lang}", files={"berkas": (name or path.name, body, XLSX)},
                       follow_redirects=False)


def result_page(client, response):
    assert response.status_code == 303, response.text[:500]
    page = client.get(response.headers["location"])
    assert page.status_code == 200
    return page


def reason(html: str) -> str:
    m = re.search(r'<span id="reason">(.*?)</span>', html, re.S)
    assert m, html[:1000]
    import html as htmllib

    return htmllib.unescape(m.group(1).strip())


def cli_reason(path: Path, command: str = "check") -> str:
    """The one line the command line prints for ``path`` (run beside it, so it names the file alone)."""
    out = subprocess.run([sys.executable, "-m", "lkjip_xl", command, path.name], cwd=path.parent,
                         capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.returncode == 2, out
    return out.stderr.strip().removeprefix("lkjip-xl: ")


def rows(html: str) -> set[tuple[str, str]]:
    return set(re.findall(r'data-code="([A-Z]{3}\d{3})" data-cell="([^"]+)"', html))


# ------------------------------------------------------------------------------------ the page
def test_index_speaks_indonesian_by_default_and_english_on_the_switch(client):
    page = client.get("/")
    assert page.status_code == 200 and 'lang="id"' in page.text
    assert "Unduh template" in page.text and "Periksa" in page.text and 'href="?lang=en"' in page.text
    english = client.get("/?lang=en")
    assert 'lang="en"' in english.text and "Download the template" in english.text


def test_template_download_fills_unit_regency_and_year(client, tmp_path):
    got = client.post("/template?lang=id", data={"unit": "Kecamatan Medan Amplas", "kabupaten_kota": "Kota Medan",
                                                 "tahun": "2024"})
    assert got.status_code == 200 and got.headers["content-type"] == XLSX
    assert "lkjip_Kecamatan_Medan_Amplas_2024.xlsx" in got.headers["content-disposition"]
    path = tmp_path / "t.xlsx"
    path.write_bytes(got.content)
    ident = read_workbook(path)[0].form("identitas").values
    assert (ident["unit"], ident["kabupaten_kota"], ident["tahun"]) == ("Kecamatan Medan Amplas", "Kota Medan", 2024)
    bad = client.post("/template", data={"tahun": "20x4"})
    assert bad.status_code == 422 and "Tahun laporan harus 4 angka" in bad.text


def test_sample_findings_grouped_by_sheet_with_cells_counts_and_skm(client):
    page = result_page(client, upload(client, SAMPLE)).text
    expected = check_workbook(SAMPLE)
    assert rows(page) == {(f.code, f"{f.sheet}!{f.cell}") for f in expected.findings}
    assert ("KIN013", "PK!J6") in rows(page) and ("KIN010", "Realisasi!H13") in rows(page)
    s = expected.summary
    assert f"{s['error']} kesalahan" in page and f"{s['warning']} peringatan" in page
    assert 'id="ikm">86,89<' in page and 'id="mutu">B<' in page
    # each sheet's errors come before its warnings; PK (an error) before Realisasi's warnings
    realisasi = page[page.index('<h3 class="sheet">Realisasi'):]
    realisasi = realisasi[:realisasi.find('<h3 class="sheet">', 10) % (len(realisasi) + 1)]  # its own section
    severities = re.findall(r'<tr class="(error|warning|info)"', realisasi)
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    assert "realisasi seharusnya 95,45 (rata-rata 2 komponen)" in page  # plain-language message, Indonesian numbers
    assert "Baris: 01.01.02" in page  # the row's code and text name where the cell is
    english = client.get(client.get("/").url.path)  # the switch keeps the result
    assert english.status_code == 200


def test_sample_offers_annotated_copy_and_the_forced_annex_only(client, tmp_path):
    import docx
    import openpyxl

    page = result_page(client, upload(client, SAMPLE))
    html = page.text
    assert 'id="dl-salinan-bertanda"' in html and 'id="dl-lampiran-paksa-xlsx"' in html
    assert 'id="dl-lampiran-xlsx"' not in html and "dipaksa" in html
    upload_id = page.url.path.rsplit("/", 1)[1]
    annotated = client.get(f"/unduh/{upload_id}/salinan-bertanda?lang=en")
    assert "medan_amplas_2023_bertanda.xlsx" in annotated.headers["content-disposition"]
    (tmp_path / "a.xlsx").write_bytes(annotated.content)
    wb = openpyxl.load_workbook(tmp_path / "a.xlsx")
    assert wb.sheetnames[0] == "Temuan" and wb["Temuan"]["B1"].value == "Sheet" and wb["Temuan"]["F1"].value == "Message"
    forced = client.get(f"/unduh/{upload_id}/lampiran-paksa-xlsx")
    (tmp_path / "f.xlsx").write_bytes(forced.content)
    assert openpyxl.load_workbook(tmp_path / "f.xlsx").sheetnames[0] == "Temuan"
    word = client.get(f"/unduh/{upload_id}/lampiran-paksa-docx")
    (tmp_path / "f.docx").write_bytes(word.content)
    assert docx.Document(tmp_path / "f.docx").tables
    assert client.get(f"/unduh/{upload_id}/lampiran-xlsx").status_code == 404  # not offered: errors


def test_the_forced_annex_names_the_workbook_as_it_was_sent(client, tmp_path):
    """Its Temuan table has a Berkas column: the name the user knows, never the server's stored name."""
    import openpyxl

    page = result_page(client, upload(client, SAMPLE, name="LKjIP Medan Amplas 2023 (final).xlsx"))
    upload_id = page.url.path.rsplit("/", 1)[1]
    (tmp_path / "f.xlsx").write_bytes(client.get(f"/unduh/{upload_id}/lampiran-paksa-xlsx").content)
    temuan = openpyxl.load_workbook(tmp_path / "f.xlsx")["Temuan"]
    header = next(r for r in temuan.iter_rows(values_only=True) if r[0] == "No")
    column = header.index("Berkas")
    names = {r[column] for r in temuan.iter_rows(values_only=True) if r[0] and str(r[0]).isdigit()}
    assert names == {"LKjIP Medan Amplas 2023 (final).xlsx"}


def test_clean_workbook_offers_the_annex(client, write, data, tmp_path):
    page = result_page(client, upload(client, write(data), name="bersih.xlsx"))
    assert 'id="no-findings"' in page.text and 'id="dl-lampiran-xlsx"' in page.text
    assert "paksa" not in page.text
    upload_id = page.url.path.rsplit("/", 1)[1]
    got = client.get(f"/unduh/{upload_id}/lampiran-docx")
    assert got.status_code == 200 and got.content[:2] == b"PK"


def test_a_dash_pagu_perubahan_offers_only_the_forced_annex(client, write, data):
    """No error, but a '-' pagu perubahan (BUD031) stops the annex as `lkjip-xl annex` does."""
    data["tables"]["realisasi"][6]["pagu_perubahan"] = "-"  # 02.01.01, murni 400.000.000
    page = result_page(client, upload(client, write(data), name="strip.xlsx"))
    assert 'id="dl-lampiran-paksa-xlsx"' in page.text and 'id="dl-lampiran-xlsx"' not in page.text
    upload_id = page.url.path.rsplit("/", 1)[1]
    assert client.get(f"/unduh/{upload_id}/lampiran-paksa-xlsx").status_code == 200


# ------------------------------------------------------------------------------ content, not name
SURVEY = "No;U1;U2;U3;U4;U5;U6;U7;U8;U9\n" + "".join(f"{i};3;4;3;4;3;3;4;3;4\n" for i in range(1, 11))


def test_a_csv_named_xlsx_is_read_as_a_survey_and_an_xlsx_named_csv_as_a_workbook(client):
    survey = result_page(client, upload(client, SAMPLE, name="survei.xlsx", data=SURVEY.encode())).text
    assert "ekspor survei" in survey and 'id="ikm">' in survey
    assert "dl-salinan" not in survey and "dl-lampiran" not in survey  # a workbook's files: not for a survey
    workbook = result_page(client, upload(client, SAMPLE, name="laporan.csv")).text
    assert ("KIN013", "PK!J6") in rows(workbook)


def test_a_survey_exports_findings_name_the_file_as_it_was_sent(client):
    """A CSV has no sheets: a finding names the file. The page stores the upload under a fixed name;
    the finding names the file the user sent (respondent 2's U1 is 7, off the 1..4 scale: row 3, column B)."""
    answers = SURVEY.replace("\n2;3;", "\n2;7;")
    page = result_page(client, upload(client, SAMPLE, name="survei kelurahan.csv", data=answers.encode())).text
    assert rows(page) == {("SKM001", "survei kelurahan.csv!B3")}
    assert "masukan" not in page


@pytest.mark.parametrize("name", sorted(
    e["file"] for e in json.loads((BAD / "expected.json").read_text())
    if e["exit"] == 2 and e["file"] != "csv_renamed.xlsx"))  # a CSV, by its content: read as a survey
def test_a_hostile_file_gives_the_command_lines_reason_and_the_server_goes_on(client, name):
    got = upload(client, BAD / name)
    assert got.status_code == 422
    assert reason(got.text) == cli_reason(BAD / name)
    assert client.get("/").status_code == 200


def test_random_bytes_named_csv_are_refused_by_content(client):
    got = upload(client, BAD / "random_bytes.xlsx", name="data.csv")
    assert got.status_code == 422 and "bukan berkas Excel .xlsx: data.csv (bukan arsip zip)" in reason(got.text)


# ----------------------------------------------------------------------------------- safety
def test_size_limit_with_or_without_a_declared_length(store):
    with TestClient(create_app(store, max_file_bytes=50_000), base_url="http://127.0.0.1") as c:
        big = upload(c, SAMPLE)  # the sample is larger than 50 kB
        assert big.status_code == 413 and "Berkas terlalu besar: batasnya 1 MB" in big.text
        just_over = upload(c, SAMPLE, data=b"x" * 50_001)  # the form fits, the file does not
        assert just_over.status_code == 413
        assert upload(c, SAMPLE, data=b"x" * 50_000).status_code == 422  # at the limit: read (and refused)
        chunks = (b"x" * 100_000 for _ in range(20))  # no Content-Length: counted as it arrives
        streamed = c.post("/periksa", content=chunks,
                          headers={"content-type": "multipart/form-data; boundary=zz"})
        assert streamed.status_code == 413 and "Berkas terlalu besar" in streamed.text
        assert c.get("/").status_code == 200
    assert len(store) == 0


def test_cell_text_is_escaped_and_no_inline_script_may_run(client, write, data):
    rows_ = data["tables"]["realisasi"]
    rows_[2]["uraian"] = "<script>document.title='XSS'</script>"
    rows_[2]["pagu_murni"] = "<img src=x onerror=\"document.title='XSS'\">"
    page = result_page(client, upload(client, write(data), name="<b>skrip</b>.xlsx"))
    html = page.text
    assert "<script>document" not in html and "<img src=x" not in html
    assert "&lt;script&gt;document.title=&#39;XSS&#39;&lt;/script&gt;" in html  # the uraian, as text
    assert "&lt;img src=x onerror=" in html
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "<b>skrip" not in html


def test_downloads_only_by_opaque_ids_and_known_outputs(client, store):
    page = result_page(client, upload(client, SAMPLE))
    upload_id = page.url.path.rsplit("/", 1)[1]
    assert re.fullmatch(r"[A-Za-z0-9_-]{32}", upload_id)
    other_id = upload_id[:-1] + ("y" if upload_id.endswith("x") else "x")  # an id that was never issued
    for path in (f"/unduh/{upload_id}/..%2F..%2Fetc%2Fpasswd", f"/unduh/{upload_id}/masukan.xlsx",
                 "/unduh/..%2F..%2Fetc/salinan-bertanda", f"/unduh/{other_id}/salinan-bertanda",
                 "/hasil/..%2F..%2Fetc%2Fpasswd", "/static/..%2F..%2Fapp.py", f"/unduh/{store.root}/x"):
        got = client.get(path)
        assert got.status_code == 404, path
        assert b"root:" not in got.content and b"create_app" not in got.content


def test_the_language_switch_of_a_page_answering_a_form_leads_back_to_the_forms(client):
    """A refused upload or template form answers at the form's address (/periksa, /template); the
    language switch there opens that address: the forms again, in the other language."""
    refused = upload(client, BAD / "random_bytes.xlsx")
    assert refused.status_code == 422 and 'href="?lang=en"' in refused.text
    for form in ("/periksa", "/template"):
        switched = client.get(f"{form}?lang=en", follow_redirects=False)
        assert switched.status_code == 303 and switched.headers["location"] == "/?lang=en"
        assert "Check a filled workbook" in client.get(f"{form}?lang=en").text


def test_forms_from_other_sites_and_other_host_names_are_refused(client):
    foreign = client.post("/periksa", files={"berkas": ("a.xlsx", SAMPLE.read_bytes(), XLSX)},
                          headers={"origin": "http://jahat.example"})
    assert foreign.status_code == 403
    assert client.get("/", headers={"host": "jahat.example"}).status_code == 400


def test_the_input_is_never_changed(client):
    before = hashlib.sha256(SAMPLE.read_bytes()).hexdigest()
    page = result_page(client, upload(client, SAMPLE))
    upload_id = page.url.path.rsplit("/", 1)[1]
    client.get(f"/unduh/{upload_id}/salinan-bertanda")
    assert hashlib.sha256(SAMPLE.read_bytes()).hexdigest() == before


# ------------------------------------------------------------------------ concurrency, cleanup
def _post(url: str, path: Path) -> str:
    boundary = "lkjipbatas"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"{path.name}\"\r\n"
            f"Content-Type: {XLSX}\r\n\r\n").encode() + path.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
    req = urllib.request.Request(f"{url}/periksa", data=body, method="POST",
                                 headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    with urllib.request.urlopen(req, timeout=120) as resp:  # follows the redirect to the result
        return resp.read().decode()


def test_two_uploads_at_once_do_not_mix():
    expected = {p.name: {(f.code, f"{f.sheet}!{f.cell}") for f in check_workbook(p).findings} for p in (SAMPLE, KAMPAI)}
    assert expected[SAMPLE.name] != expected[KAMPAI.name]
    pages: dict[int, tuple[str, str]] = {}
    with LiveServer() as live:
        def run(i: int, path: Path):
            pages[i] = (path.name, _post(live.url, path))

        threads = [threading.Thread(target=run, args=(i, (SAMPLE, KAMPAI)[i % 2])) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=300)
        assert len(live.store) == 4
    assert len(pages) == 4
    for name, html in pages.values():
        assert f'id="file-name">{name}<' in html and rows(html) == expected[name]


def test_uploads_removed_after_an_idle_hour_and_when_the_server_stops(write, data):
    store = UploadStore(idle_seconds=3600)
    with TestClient(create_app(store), base_url="http://127.0.0.1") as c:
        page = result_page(c, upload(c, write(data)))
        upload_id = page.url.path.rsplit("/", 1)[1]
        folder = store.root / upload_id
        assert folder.is_dir() and any(folder.iterdir())
        assert store.sweep(now=time.monotonic() + 60) == 0 and folder.is_dir()
        assert store.sweep(now=time.monotonic() + 3601) == 1
        assert not folder.exists() and c.get(f"/hasil/{upload_id}").status_code == 404
        result_page(c, upload(c, write(data)))
        assert any(store.root.iterdir())
    assert not store.root.exists()  # the server stopped: the whole folder is gone


# --------------------------------------------------------------------------------- the command
def test_web_command_serves_127_0_0_1_and_cleans_up_on_ctrl_c(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp_path)}
    proc = subprocess.Popen([sys.executable, "-m", "lkjip_xl", "web", "--no-browser", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = proc.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line).group(0)
        assert "Tekan Ctrl+C" in line
        with urllib.request.urlopen(url, timeout=30) as resp:
            assert resp.status == 200
        assert _post(url.rstrip("/"), SAMPLE)
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith("lkjip-web-")]
        port = int(url.rsplit(":", 1)[1].strip("/"))
        busy = subprocess.run([sys.executable, "-m", "lkjip_xl", "web", "--no-browser", "--port", str(port)],
                              capture_output=True, text=True, timeout=60, env=env)
        assert busy.returncode == 2 and busy.stderr.strip() == (
            f"lkjip-xl: port {port} sedang dipakai program lain; pilih port lain dengan --port")
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("lkjip-web-")]


def test_the_page_starts_again_at_once_on_the_port_it_just_left(tmp_path):
    """Stopping the page closes the browser's kept-alive connections from the server's side, and the
    system holds those (TIME_WAIT) for a minute: starting the page again at once on the same port
    must work, not say that another program uses the port."""
    import http.client

    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp_path)}
    command = [sys.executable, "-m", "lkjip_xl", "web", "--no-browser", "--port"]
    first = subprocess.Popen([*command, "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", first.stdout.readline()).group(1))
        browser = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        browser.request("GET", "/")
        assert browser.getresponse().read()  # the connection stays open, as a browser keeps it
    finally:
        first.send_signal(signal.SIGINT)
        first.communicate(timeout=60)
    browser.close()
    again = subprocess.Popen([*command, str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=env)
    try:
        line = again.stdout.readline()
    finally:
        again.send_signal(signal.SIGINT)
        _, err = again.communicate(timeout=60)
    assert f"http://127.0.0.1:{port}/" in line, err


def test_a_finding_rapikan_settles_offers_the_tidied_copy(client, write, data, tmp_path):
    """The check says 'lkjip-xl rapikan' settles a number stored as text; staff who never open a
    terminal get the tidied copy from the page, as `lkjip-xl rapikan` writes it."""
    import openpyxl

    clean = result_page(client, upload(client, write(data), name="bersih.xlsx")).text
    assert "dl-salinan-rapi" not in clean  # nothing to tidy
    next(r for r in data["tables"]["realisasi"] if r["kode"] == "01.01.02")["realisasi"] = "180.000.000"
    page = result_page(client, upload(client, write(data), name="LKjIP 2024.xlsx"))
    assert ("VAL001", "Realisasi!K8") in rows(page.text) and 'id="dl-salinan-rapi"' in page.text
    upload_id = page.url.path.rsplit("/", 1)[1]
    got = client.get(f"/unduh/{upload_id}/salinan-rapi")
    assert got.status_code == 200 and "LKjIP%202024_rapi.xlsx" in got.headers["content-disposition"]
    (tmp_path / "rapi.xlsx").write_bytes(got.content)
    book = openpyxl.load_workbook(tmp_path / "rapi.xlsx")
    assert book.sheetnames[0] == "Perubahan" and book["Realisasi"]["K8"].value == 180_000_000
    assert check_workbook(tmp_path / "rapi.xlsx").findings == []


# --------------------------------------------------------------------------- a report and its workbook
def _report(path: Path, realisasi_03: str) -> Path:
    """A report written in Word: a heading, then one sentence quoting programme 03's realisasi."""
    from docx import Document

    doc = Document()
    doc.add_heading("LAPORAN KINERJA KECAMATAN CONTOH TAHUN 2024", level=1)
    doc.add_paragraph(f"Realisasi Program Pemberdayaan Masyarakat Desa dan Kelurahan sebesar Rp. {realisasi_03} "
                      "dari pagu Rp. 320.000.000.")
    doc.save(path)
    return path


def test_a_report_sent_with_its_workbook_is_checked_against_it(client, write, data, tmp_path):
    """Staff drop the Word report and the workbook together: the report's numbers are checked as
    `lkjip-xl check LAPORAN.docx --workbook DATA.xlsx` checks them. Programme 03's realisasi is
    304.000.000 in the workbook (valid_data); the report writes 340.000.000 in its 2nd paragraph."""
    book = write(data, "data.xlsx")
    report = _report(tmp_path / "laporan.docx", "340.000.000")
    sent = client.post("/periksa", follow_redirects=False, files=[
        ("berkas", ("LKjIP Kecamatan Contoh 2024.docx", report.read_bytes(), "application/octet-stream")),
        ("berkas", ("Data LKjIP 2024.xlsx", book.read_bytes(), XLSX))])
    page = result_page(client, sent)
    assert rows(page.text) == {("DOC001", "Paragraf 2")}
    finding = page.text[page.text.index('data-code="DOC001"'):]
    assert ">304.000.000<" in finding and ">340.000.000<" in finding
    assert "Data LKjIP 2024.xlsx" in page.text and 'id="coverage">angka diperiksa: ' in page.text
    assert "masukan" not in page.text and "berkas-00" not in page.text
    upload_id = page.url.path.rsplit("/", 1)[1]
    marked = client.get(f"/unduh/{upload_id}/laporan-bertanda")
    assert marked.status_code == 200 and "LKjIP%20Kecamatan%20Contoh%202024_bertanda.docx" in marked.headers[
        "content-disposition"]
    assert client.get(f"/unduh/{upload_id}/salinan-bertanda").status_code == 404  # the workbook's outputs: not here


def test_a_report_alone_says_to_send_its_workbook_with_it(client, tmp_path):
    """It said 'not an LKjIP workbook: sheet Identitas, PK, ... (19 names) missing in laporan.docx'."""
    got = upload(client, _report(tmp_path / "laporan.docx", "304.000.000"))
    assert got.status_code == 422
    assert reason(got.text) == ("Berkas ini dokumen laporan (Word/PDF), bukan buku kerja. Untuk mencocokkan angka "
                                "laporan dengan buku kerjanya, pilih keduanya sekaligus: laporan dan buku kerja "
                                "(.xlsx).")


def test_an_empty_skm_sheet_is_said_in_one_line_not_a_table_of_dashes(client):
    """The 2022 Medan Amplas report has no SKM table: the page said 'cannot be computed from this
    data' over nine rows of '-'; it says why instead."""
    page = result_page(client, upload(client, ROOT / "samples" / "medan_amplas_2022.xlsx")).text
    assert ('<p id="no-ikm">IKM tidak dihitung: sheet SKM belum berisi jawaban responden atau NRR per unsur.</p>'
            in page)
    assert 'class="nrr"' not in page
    assert 'class="nrr"' in result_page(client, upload(client, SAMPLE)).text  # 2023 has its NRR: the table stays


def test_a_survey_export_offers_the_skm_report_and_a_slip_forces_it(client, tmp_path):
    """A unit with only its survey export gets the SKM report of `lkjip-xl skm --docx --xlsx` from the
    page. Every respondent answered 3,4,3,4,3,3,4,3,4: IKM = 31/9 × 25 = 86,11 (by hand), mutu B.
    With an answer off the scale the report is only offered forced, its Temuan naming the file as sent."""
    import openpyxl

    page = result_page(client, upload(client, SAMPLE, name="survei.csv", data=SURVEY.encode()))
    assert 'id="dl-laporan-skm-docx"' in page.text and "paksa" not in page.text
    upload_id = page.url.path.rsplit("/", 1)[1]
    got = client.get(f"/unduh/{upload_id}/laporan-skm-xlsx")
    assert got.status_code == 200 and "survei_skm.xlsx" in got.headers["content-disposition"]
    (tmp_path / "skm.xlsx").write_bytes(got.content)
    rows_ = [r for ws in openpyxl.load_workbook(tmp_path / "skm.xlsx") for r in ws.iter_rows(values_only=True)]
    assert next(r for r in rows_ if str(r[0]).startswith("IKM (Σ"))[3:5] == (86.11, "B")
    assert client.get(f"/unduh/{upload_id}/laporan-skm-docx").content[:2] == b"PK"
    slipped = SURVEY.replace("\n2;3;", "\n2;7;")
    page = result_page(client, upload(client, SAMPLE, name="survei desa.csv", data=slipped.encode()))
    assert 'id="dl-laporan-skm-docx"' not in page.text and 'id="dl-laporan-skm-paksa-xlsx"' in page.text
    upload_id = page.url.path.rsplit("/", 1)[1]
    (tmp_path / "paksa.xlsx").write_bytes(client.get(f"/unduh/{upload_id}/laporan-skm-paksa-xlsx").content)
    temuan = openpyxl.load_workbook(tmp_path / "paksa.xlsx").worksheets[0]
    listed = [r for r in temuan.iter_rows(values_only=True) if r[0] and str(r[0]).isdigit()]
    assert [(r[2], r[3], r[4], r[5]) for r in listed] == [("survei desa.csv", "survei desa.csv", "B3", "SKM001")]


def test_an_annotated_copy_openpyxl_cannot_open_is_said_on_the_page(client, tmp_path):
    """The annotated copy of a workbook openpyxl rejects (a LibreOffice filter table): the page says
    so in the page's language, not 'internal error'."""
    from test_cli_check import _with_libreoffice_filter_table
    from valid_workbook import valid_data

    from lkjip_xl.template.fill import write_filled

    write_filled(tmp_path / "valid.xlsx", valid_data())
    wb = _with_libreoffice_filter_table(tmp_path / "valid.xlsx", tmp_path / "tersaring.xlsx")
    page = result_page(client, upload(client, wb))
    upload_id = page.url.path.rsplit("/", 1)[1]
    got = client.get(f"/unduh/{upload_id}/salinan-bertanda")
    assert got.status_code == 422
    assert "salinan bertanda tidak dapat ditulis: openpyxl tidak dapat membuka tersaring.xlsx" in got.text
    assert "internal" not in got.text


def test_the_findings_download_as_json_as_the_command_line_gives_them(client):
    """Staff who pass the findings on to another program (a kota office's tracker) had only the
    annotated copy: the page now offers the JSON of `check --format json`, in the page's language,
    the file named as it was sent."""
    page = result_page(client, upload(client, SAMPLE))
    assert 'id="dl-temuan-json"' in page.text
    upload_id = page.url.path.rsplit("/", 1)[1]
    got = client.get(f"/unduh/{upload_id}/temuan-json?lang=en")
    assert got.status_code == 200 and "medan_amplas_2023_temuan.json" in got.headers["content-disposition"]
    assert got.headers["content-type"].startswith("application/json")
    cli = subprocess.run([sys.executable, "-m", "lkjip_xl", "check", SAMPLE.name, "--format", "json", "--lang", "en"],
                         cwd=SAMPLE.parent, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert json.loads(got.content) == json.loads(cli.stdout)


def test_last_years_workbook_goes_with_the_check_and_the_annex_as_tahun_lalu(client, write, data, tmp_path):
    """The optional second field: this year's workbook typed last year's IKU1 as 85,10 while last
    year's workbook says 84,20: the check says so at PK!M5 (KIN012, as `check --tahun-lalu`), and the
    annex puts 2023 beside 2024 (as `annex --tahun-lalu`)."""
    import copy

    import openpyxl

    assert 'name="tahun_lalu"' in client.get("/").text and "Last year&#39;s workbook" in client.get("/?lang=en").text
    prev = copy.deepcopy(data)
    prev["forms"]["identitas"]["tahun"] = data["forms"]["identitas"]["tahun"] - 1
    prev["tables"]["pk_indikator"][0]["realisasi"] = D("84.20")
    prev["tables"]["pk_indikator"][0]["realisasi_lalu"] = None
    prev["tables"]["ra_indikator"][0]["realisasi_tw4"] = D("84.20")
    assert data["tables"]["pk_indikator"][0]["realisasi_lalu"] == D("85.1")
    this_year, last_year = write(data), write(prev, "prev.xlsx")
    sent = client.post("/periksa?lang=id", follow_redirects=False, files=[
        ("berkas", ("kecamatan 2024.xlsx", this_year.read_bytes(), XLSX)),
        ("tahun_lalu", ("kecamatan 2023.xlsx", last_year.read_bytes(), XLSX))])
    page = result_page(client, sent)
    assert 'id="compared-with"' in page.text and "kecamatan 2023.xlsx" in page.text
    assert ("KIN012", "PK!M5") in rows(page.text)
    upload_id = page.url.path.rsplit("/", 1)[1]
    got = client.get(f"/unduh/{upload_id}/lampiran-paksa-xlsx")
    assert got.status_code == 200
    (tmp_path / "annex.xlsx").write_bytes(got.content)
    header = [c.value for row in openpyxl.load_workbook(tmp_path / "annex.xlsx")["Pengukuran Kinerja"].iter_rows(
        max_row=8) for c in row if c.value]
    assert f"Tahun {prev['forms']['identitas']['tahun']}" in header, header
    alone = result_page(client, upload(client, this_year))
    assert 'id="compared-with"' not in alone.text and ("KIN012", "PK!M5") not in rows(alone.text)


def test_last_years_workbook_goes_with_a_report_check_too(client, write, data, tmp_path):
    """A report, its workbook and last year's workbook: `check LAPORAN --workbook DATA --tahun-lalu
    PREV`. Last year's file is read: one that is no workbook is refused naming it as it was sent."""
    book, report = write(data, "data.xlsx"), _report(tmp_path / "laporan.docx", "304.000.000")
    files = [("berkas", ("LKjIP 2024.docx", report.read_bytes(), "application/octet-stream")),
             ("berkas", ("Data 2024.xlsx", book.read_bytes(), XLSX))]
    page = result_page(client, client.post("/periksa", follow_redirects=False, files=[
        *files, ("tahun_lalu", ("Data 2023.xlsx", book.read_bytes(), XLSX))]))
    assert "Data 2023.xlsx" in page.text[page.text.index('id="compared-with"'):]
    refused = client.post("/periksa", follow_redirects=False, files=[
        *files, ("tahun_lalu", ("Data 2023.xlsx", b"bukan buku kerja", XLSX))])
    assert refused.status_code == 422 and "Data 2023.xlsx" in reason(refused.text)


def test_a_rekap_says_last_year_s_workbook_was_not_used(client, write, data):
    """Two workbooks and last year's in its field: the rekap ignored last year's without a word."""
    book = write(data).read_bytes()
    files = [("berkas", ("a.xlsx", book, XLSX)), ("berkas", ("b.xlsx", book, XLSX)),
             ("tahun_lalu", ("kecamatan 2023.xlsx", book, XLSX))]
    for lang, words in (("id", "Buku kerja tahun lalu (kecamatan 2023.xlsx) tidak dipakai"),
                        ("en", "Last year&#39;s workbook (kecamatan 2023.xlsx) was not used")):
        page = result_page(client, client.post(f"/periksa?lang={lang}", follow_redirects=False, files=files))
        assert 'id="tahun-lalu-unused"' in page.text and words in page.text
    alone = result_page(client, client.post("/periksa", follow_redirects=False, files=files[:2]))
    assert 'id="tahun-lalu-unused"' not in alone.text


def test_the_skm_section_says_an_unsur_counted_fewer_answers_than_respondents(client, write, data):
    """One respondent's answer to U3 left blank: `lkjip-xl skm` and the annex say 'of 40
    respondents, 3. Waktu Penyelesaian 39 valid answers' under the table; the page did not."""
    respondents = data["tables"]["skm_responden"]
    respondents[0]["u3"] = None
    n = len(respondents)
    path = write(data)
    page = result_page(client, upload(client, path))
    assert f"dari {n} responden, 3. Waktu Penyelesaian {n - 1} jawaban sah." in page.text
    english = result_page(client, upload(client, path, lang="en"))
    assert f"of {n} respondents, 3. Completion Time {n - 1} valid answers." in english.text
    whole = result_page(client, upload(client, write(valid_data())))
    assert 'id="fewer-answers"' not in whole.text


def test_the_legacy_skm_weight_is_written_the_way_of_the_page_s_language(client, write, data):
    """The English page said 'Weight per element 0,111'."""
    data["forms"]["identitas"]["bobot_skm"] = "0,111"
    path = write(data)
    assert "Bobot per unsur 0,111" in result_page(client, upload(client, path)).text
    assert "Weight per element 0.111" in result_page(client, upload(client, path, lang="en")).text


def test_english_counts_are_singular_for_one(client):
    """Medan Amplas 2022 has 2 errors, 2 warnings, and on its PK sheet 1 error: "1 error", not
    "1 errors" (Indonesian has no plural: "1 kesalahan")."""
    sample = ROOT / "samples" / "medan_amplas_2022.xlsx"
    expected = check_workbook(sample)
    per_sheet = {}
    for f in expected.findings:
        per_sheet.setdefault(f.sheet, []).append(f.severity)
    ones = [sheet for sheet, sev in per_sheet.items() if sev.count("error") == 1]
    assert ones, per_sheet
    page = result_page(client, upload(client, sample, lang="en")).text
    assert re.search(r'>1 error<', page) and ">1 errors<" not in page
    assert f'>{expected.summary["error"]} errors<' in page
    indonesian = result_page(client, upload(client, sample)).text
    assert ">1 kesalahan<" in indonesian
