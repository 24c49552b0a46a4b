"""The SKM report (`lkjip-xl skm FILE --docx/--xlsx`): its tables compared by content with values
computed by hand from the form export's labels (tests/skm_form.py), the follow-up plan, the chart,
the report conventions, and the runs that must not write."""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from math import ceil

import openpyxl
import pytest
from docx import Document
from typer.testing import CliRunner

import skm_form as F
from lkjip_xl.cli import app

runner = CliRunner()
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
NAMES = {"U1": "Persyaratan", "U2": "Sistem, Mekanisme, dan Prosedur", "U3": "Waktu Penyelesaian",
         "U4": "Biaya/Tarif", "U5": "Produk Spesifikasi Jenis Pelayanan", "U6": "Kompetensi Pelaksana",
         "U7": "Perilaku Pelaksana", "U8": "Penanganan Pengaduan, Saran dan Masukan", "U9": "Sarana dan Prasarana"}
POPULASI = 100
# Krejcie–Morgan: a semester of a population of 100 is 50 service users -> a minimum of 44
SEMESTER_MIN = {50: 44}[ceil(POPULASI * 6 / 12)]


def run(*args):
    return runner.invoke(app, ["skm", *map(str, args)])


def lowest_three() -> list[tuple[str, Fraction]]:
    nrr = F.nrr(F.ALL)
    ranked = sorted(nrr.items(), key=lambda kv: kv[1])
    assert ranked[2][1] < ranked[3][1]  # the fixture has no tie at the third place
    return ranked[:3]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("report")
    export = tmp / "jawaban.xlsx"
    F.write_xlsx(export, F.rows())
    low = [code for code, _ in lowest_three()]
    plan = tmp / "rtl.csv"
    plan.write_text("Unsur;Rencana Tindak Lanjut;Waktu;Penanggung Jawab\n"
                    f"{NAMES[low[0]]};Perbaikan ruang tunggu dan papan informasi;Triwulan I 2024;Sekretaris Camat\n"
                    f"{low[0]};Penambahan kursi antrean;Triwulan II 2024;Kasubbag Umum\n"
                    f"{low[2]};Sosialisasi standar pelayanan;Semester I 2024;Kasi Pelayanan Umum\n", encoding="utf-8")
    docx, xlsx = tmp / "laporan_skm.docx", tmp / "laporan_skm.xlsx"
    result = run(export, "--docx", docx, "--xlsx", xlsx, "--tindak-lanjut", plan, "--unit", "Kecamatan Contoh",
                 "--populasi", POPULASI)
    assert result.exit_code == 0, result.output
    assert f"ditulis: {xlsx}" in result.stdout and f"ditulis: {docx}" in result.stdout
    return {"docx": docx, "xlsx": xlsx, "low": low}


def rows_of(ws) -> list[list]:
    """The sheet's body rows: those below the numbering row (1), (2) ..."""
    lines = [list(r) for r in ws.iter_rows(values_only=True)]
    start = next(i for i, r in enumerate(lines) if r[0] == "(1)") + 1
    body = []
    for line in lines[start:]:
        if line[0] is None and all(v is None for v in line):
            break
        if isinstance(line[0], str) and line[0].startswith("* "):
            break
        body.append(line)
    return body


def test_xlsx_sheets_in_report_order(report):
    wb = openpyxl.load_workbook(report["xlsx"])
    assert wb.sheetnames == ["Profil Responden", "NRR dan IKM", "Grafik NRR", "IKM per Layanan", "IKM per Periode",
                             "NRR per Periode", "Tindak Lanjut"]
    for ws in wb:
        assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "portrait"
        assert ws.print_title_rows  # header rows repeated on every printed page


def test_nrr_per_unsur_and_ikm(report):
    body = rows_of(openpyxl.load_workbook(report["xlsx"])["NRR dan IKM"])
    nrr = F.nrr(F.ALL)
    for k, code in enumerate(NAMES):
        no, name, value, weighted, mutu = body[k][:5]
        assert (no, name) == (str(k + 1), NAMES[code])
        assert value == float(F.r2(nrr[code]))
        assert weighted == pytest.approx(float(nrr[code] / 9), abs=5e-5)
    year = F.r2(F.ikm(F.ALL))
    ikm_row = next(r for r in body if isinstance(r[0], str) and r[0].startswith("IKM"))
    assert (ikm_row[3], ikm_row[4]) == (float(year), F.grade(year))


def test_ikm_per_service(report):
    body = rows_of(openpyxl.load_workbook(report["xlsx"])["IKM per Layanan"])
    for k, name in enumerate(F.SERVICES):
        ikm = F.r2(F.ikm(F.BY_SERVICE[name]))
        assert body[k][1:5] == [name, len(F.BY_SERVICE[name]), float(ikm), F.grade(ikm)]
    pooled = F.r2(F.ikm(F.ALL))
    assert body[2][0] == "IKM gabungan (semua responden)" and body[2][2:5] == [F.N, float(pooled), F.grade(pooled)]
    mean = F.r2(sum(F.ikm(who) for who in F.BY_SERVICE.values()) / 2)
    assert body[3][0] == "Rata-rata IKM per layanan (tanpa bobot)" and body[3][2:4] == ["-", float(mean)]


def test_ikm_per_semester_with_the_change_and_the_minimum_sample(report):
    body = rows_of(openpyxl.load_workbook(report["xlsx"])["IKM per Periode"])
    s1, s2 = (F.r2(F.ikm(who)) for who in F.SEMESTER)
    below = "kurang dari sampel minimum"
    assert body[0][:9] == ["1", "Semester I", len(F.SEMESTER[0]), SEMESTER_MIN, float(s1), F.grade(s1), "Baik", "-",
                           below]
    assert body[1][:9] == ["2", "Semester II", len(F.SEMESTER[1]), SEMESTER_MIN, float(s2), F.grade(s2), "Baik",
                           float(s2 - s1), below]
    year = F.r2(F.ikm(F.ALL))
    assert body[2][0] == "Tahun 2023 (semua responden)" and body[2][2] == F.N and body[2][4] == float(year)


def test_nrr_per_unsur_per_semester(report):
    body = rows_of(openpyxl.load_workbook(report["xlsx"])["NRR per Periode"])
    halves = [F.nrr(who) for who in F.SEMESTER] + [F.nrr(F.ALL)]
    for k, code in enumerate(NAMES):
        assert body[k][1:5] == [NAMES[code], *(float(F.r2(h[code])) for h in halves)]


def test_lowest_three_with_the_plan_typed_by_staff(report):
    body = rows_of(openpyxl.load_workbook(report["xlsx"])["Tindak Lanjut"])
    (u1, n1), (u2, n2), (u3, n3) = lowest_three()
    assert [r[:7] for r in body] == [
        ["1", NAMES[u1], float(F.r2(n1)), "B" if n1 >= Fraction(30644, 10000) else "C",
         "Perbaikan ruang tunggu dan papan informasi", "Triwulan I 2024", "Sekretaris Camat"],
        [None, None, None, None, "Penambahan kursi antrean", "Triwulan II 2024", "Kasubbag Umum"],
        ["2", NAMES[u2], float(F.r2(n2)), "B" if n2 >= Fraction(30644, 10000) else "C", None, None, None],
        ["3", NAMES[u3], float(F.r2(n3)), "B" if n3 >= Fraction(30644, 10000) else "C",
         "Sosialisasi standar pelayanan", "Semester I 2024", "Kasi Pelayanan Umum"]]


def test_native_bar_chart_of_the_nrr(report):
    with zipfile.ZipFile(report["xlsx"]) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 1
        xml = z.read(charts[0]).decode()
    assert '<c:barDir val="bar"/>' in xml
    assert "'Grafik NRR'!$C$" in xml and "'Grafik NRR'!$B$" in xml  # values NRR, categories the unsur
    assert re.search(r'<c:max val="4(\.0)?"/><c:min val="0"/>', xml)  # the NRR axis runs 0..4


def _docx_tables(path):
    doc = Document(path)
    return doc, [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]


def test_docx_tables_match(report):
    doc, tables = _docx_tables(report["docx"])
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # A4 portrait
    period = next(t for t in tables if t[0][1] == "Periode")
    s1, s2 = (F.r2(F.ikm(who)) for who in F.SEMESTER)
    assert period[2][:9] == ["1", "Semester I", str(len(F.SEMESTER[0])), str(SEMESTER_MIN), F.id_text(s1),
                             F.grade(s1), "Baik", "-", "kurang dari sampel minimum"]
    assert period[3][4] == F.id_text(s2) and period[3][7] == F.id_text(s2 - s1)
    service = next(t for t in tables if t[0][1] == "Jenis Layanan")
    for k, name in enumerate(F.SERVICES):
        assert service[2 + k][1:4] == [name, str(len(F.BY_SERVICE[name])), F.id_text(F.r2(F.ikm(F.BY_SERVICE[name])))]
    unsur = next(t for t in tables if t[0][1] == "Unsur Pelayanan" and len(t[0]) == 5)
    nrr = F.nrr(F.ALL)
    assert [r[2] for r in unsur[2:11]] == [F.id_text(F.r2(nrr[c])) for c in NAMES]
    plan = next(t for t in tables if t[0][-1] == "Penanggung Jawab")
    assert plan[2][1] == NAMES[report["low"][0]] and plan[2][4] == "Perbaikan ruang tunggu dan papan informasi"


def test_docx_chart_is_a_figure_of_bars_proportional_to_the_nrr(report):
    doc, tables = _docx_tables(report["docx"])
    figure = next(t for t, raw in zip(tables, doc.tables) if len(t) == 9 and len(t[0]) == 3)
    nrr = F.nrr(F.ALL)
    assert [r[0] for r in figure] == list(NAMES.values())
    assert [r[2] for r in figure] == [F.id_text(F.r2(nrr[c])) for c in NAMES]
    bars = next(raw for raw in doc.tables if len(raw.rows) == 9 and len(raw.columns) == 3)
    width = bars.columns[1].width if bars.columns[1].width else None
    indents = [row.cells[1].paragraphs[0].paragraph_format.right_indent for row in bars.rows]
    # the bar is what the right indent leaves: longer for a higher NRR, equal for equal NRRs
    order = sorted(range(9), key=lambda k: nrr[list(NAMES)[k]])
    assert [indents[k] for k in order] == sorted(indents, reverse=True)
    assert width is None or all(0 < i < width for i in indents)


def test_report_conventions(report):
    doc = Document(report["docx"])
    text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "lkjip" not in text.lower()  # no "(dihitung lkjip-xl)", no tool name
    assert not re.search(r"\b(skm_|ikm_|nrr_|per_layanan|jenis_layanan)\w*", text)  # no internal keys
    # formula, weight and scale in the footnotes, in the report's language
    assert "IKM = Σ NRR tertimbang × 25" in text and "1/9 (PermenPAN-RB 14/2017)" in text
    assert "populasi setahun 100 × 6/12, dibulatkan ke atas = 50" in text
    # header rows repeat on every page; rows do not split
    xml = doc.tables[0]._tbl.xml
    assert "w:tblHeader" in xml and "w:cantSplit" in xml


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_renders_the_report(report, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not installed")
    for key in ("docx", "xlsx"):
        out = tmp_path / key
        subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless", "--convert-to",
                        "pdf", "--outdir", str(out), str(report[key])], check=True, capture_output=True, timeout=300)
        pdf = out / (report[key].stem + ".pdf")
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True,
                              timeout=60).stdout
        assert "###" not in text
        plain = re.sub(r"(?<=\d)[.,](?=\d)", "", text)  # LibreOffice's locale may print 86.94 or 86,94
        for value in [F.r2(F.ikm(F.ALL))] + [F.r2(F.ikm(who)) for who in F.SEMESTER]:
            assert str(value).replace(".", "") in plain, (key, value)
        assert "Semester II" in text and "Rencana Tindak Lanjut" in text


# ------------------------------------------------------------------------------ the workbook
def test_report_from_the_workbook_with_its_follow_up_sheet(write, data, tmp_path):
    data["tables"]["skm_tindak_lanjut"] = [
        {"unsur": "Sarana dan Prasarana", "rencana": "Menambah kursi tunggu", "waktu": "Maret 2025",
         "penanggung_jawab": "Kasubbag Umum"},
        {"unsur": "Keamanan", "rencana": "Memasang CCTV"}]
    path = write(data)
    out = tmp_path / "skm.xlsx"
    result = run(path, "--xlsx", out, "--format", "json", "--force")
    assert result.exit_code == 1  # the unknown unsur is an error
    import json

    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["sheet"], f["cell"]) for f in findings] == [("SKM006", "SKM Tindak Lanjut", "A6")]
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "Temuan"  # written anyway (--force), findings first
    body = rows_of(wb["Tindak Lanjut"])
    # valid workbook: U9 3,30 lowest, the eight others tie at 3,50 and share the second place
    assert body[0][:7] == ["1", "Sarana dan Prasarana", 3.3, "B", "Menambah kursi tunggu", "Maret 2025",
                           "Kasubbag Umum"]
    assert [r[0] for r in body[1:]] == ["2"] * 8
    # titled with the workbook's year, subtitled with its unit and the SKM sheet's stated period
    ws = wb["NRR dan IKM"]
    assert ws["A1"].value == "Nilai Rata-rata per Unsur dan Indeks Kepuasan Masyarakat 2024"
    assert ws["A2"].value == "Kecamatan Contoh Kota Contoh — Januari–Desember 2024"


def test_a_workbook_from_an_earlier_template_has_no_follow_up_sheet(write, data):
    path = write(data)
    wb = openpyxl.load_workbook(path)
    wb.remove(wb["SKM Tindak Lanjut"])
    wb.save(path)
    from lkjip_xl.checks.engine import check_workbook

    assert [f.code for f in check_workbook(path).findings if f.code.startswith("STR")] == []


# ------------------------------------------------------------------------------ not written
def test_json_stays_one_document_when_a_report_is_written(tmp_path):
    export = tmp_path / "f.csv"
    F.write_csv(export, F.rows())
    out = tmp_path / "r.xlsx"
    result = run(export, "--xlsx", out, "--format", "json")
    import json

    assert result.exit_code == 0 and json.loads(result.stdout)["ikm"] == float(F.r2(F.ikm(F.ALL)))
    assert f"ditulis: {out}" in result.stderr


def test_errors_block_the_report_unless_forced(tmp_path):
    export = tmp_path / "f.csv"
    F.write_csv(export, F.rows(lambda i, q, d: "Lumayan sesuai" if (i, q) == (0, 0) else d))
    out = tmp_path / "r.docx"
    result = run(export, "--docx", out)
    assert result.exit_code == 1 and not out.exists()
    assert "laporan SKM tidak ditulis" in result.stderr
    result = run(export, "--docx", out, "--force")
    assert result.exit_code == 1 and out.exists()


@pytest.mark.parametrize("args, reason", [
    (["--docx", "r.xlsx"], "--docx harus berakhiran .docx"),
    (["--xlsx", "f.csv"], "--xlsx harus berakhiran .xlsx"),
    (["--docx", "ada.docx"], "sudah ada"),
    (["--docx", "r.docx", "--xlsx", "ada.xlsx"], "sudah ada"),
])
def test_unusable_outputs_exit_2_before_anything_is_written(tmp_path, monkeypatch, args, reason):
    monkeypatch.chdir(tmp_path)
    F.write_csv(tmp_path / "f.csv", F.rows())
    (tmp_path / "ada.docx").write_bytes(b"x")
    (tmp_path / "ada.xlsx").write_bytes(b"x")
    before = sorted(p.name for p in tmp_path.iterdir())
    result = run("f.csv", *args)
    assert result.exit_code == 2 and reason in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_overwrite_replaces_and_the_input_is_never_an_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    F.write_xlsx(tmp_path / "f.xlsx", F.rows())
    before = (tmp_path / "f.xlsx").read_bytes()
    result = run("f.xlsx", "--xlsx", "f.xlsx", "--overwrite")
    assert result.exit_code == 2 and "menolak menimpa" in result.stderr
    assert (tmp_path / "f.xlsx").read_bytes() == before
    (tmp_path / "r.xlsx").write_bytes(b"x")
    assert run("f.xlsx", "--xlsx", "r.xlsx", "--overwrite").exit_code == 0
    assert openpyxl.load_workbook(tmp_path / "r.xlsx").sheetnames[0] == "Profil Responden"


def test_label_option_is_for_exports_only(write, data, tmp_path):
    labels = tmp_path / "l.csv"
    labels.write_text("Unsur;1;2;3;4\nU1;a1;a2;a3;a4\n", encoding="utf-8")
    result = run(write(data), "--label", labels, "--lang", "en")
    assert result.exit_code == 2 and "--label is for survey exports only" in result.stderr


def test_english_report(tmp_path):
    export = tmp_path / "f.csv"
    F.write_csv(export, F.rows())
    out = tmp_path / "r.xlsx"
    assert run(export, "--xlsx", out, "--lang", "en").exit_code == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Respondents", "Means and IKM", "Chart of means", "IKM per service", "IKM per period",
                             "Means per period", "Follow-up"]
    body = rows_of(wb["IKM per period"])
    assert body[0][1] == "First half" and body[2][0] == "Year 2023 (all respondents)"
    assert body[0][6] == "Good"
    assert Decimal(str(body[0][4])) == F.r2(F.ikm(F.SEMESTER[0]))


def test_an_english_report_writes_its_footnote_numbers_the_english_way(tmp_path):
    # 19 respondents, 11 answers of 4 and 160 of 3 over the nine unsur: IKM = 524 / 171 × 25 =
    # 76,608…, C unrounded, 76,61 (B) rounded: the footnote warns that the grade hangs on the rounding
    answers = [4] * 11 + [3] * 160
    lines = ["No;" + ";".join(f"U{k}" for k in range(1, 10))]
    lines += [f"{i + 1};" + ";".join(str(answers[i * 9 + k]) for k in range(9)) for i in range(19)]
    survey = tmp_path / "survei.csv"
    survey.write_text("\n".join(lines) + "\n", encoding="utf-8")
    unrounded = Decimal(524) / 171 * 25
    assert unrounded < Decimal("76.61") <= unrounded.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    out = tmp_path / "skm.xlsx"
    result = run(survey, "--lang", "en", "--xlsx", out, "--force")
    assert result.exit_code in (0, 1), result.output
    texts = [str(c.value) for ws in openpyxl.load_workbook(out) for row in ws.iter_rows() for c in row if c.value]
    four = f"{unrounded.quantize(Decimal('0.0001'))}"  # 76.6082
    assert any(f"the unrounded IKM {four} is near a grade boundary" in t for t in texts), texts
    assert not any(four.replace(".", ",") in t for t in texts)
