"""`lkjip-xl pk` on the Medan Baru PK 2024 sample: the document compared with the printed PK
(sasaran, indikator, target, programme amounts, penjelasan rumusan), with expectations read
from the sample's sources (samples/src/medan_baru_pk/*.csv), not from lkjip-xl's code; the check
findings its README lists; the docx rendered through LibreOffice to PDF."""
from __future__ import annotations

import csv
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pytest
from typer.testing import CliRunner

from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.cli import app
from lkjip_xl.schema import SCHEMA
from lkjip_xl.schema.refs import col_letter
from test_annex_support import SheetTable, ensure_samples, money

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "samples" / "src" / "medan_baru_pk"
SAMPLE = ROOT / "samples" / "medan_baru_pk_2024.xlsx"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
runner = CliRunner()


def source(name: str) -> list[dict]:
    with open(SRC / name, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    ensure_samples()
    out = tmp_path_factory.mktemp("pk")
    blocked = runner.invoke(app, ["pk", str(SAMPLE), "-o", str(out / "x.xlsx")])
    murni = runner.invoke(app, ["pk", str(SAMPLE), "-o", str(out / "pk.xlsx"), "--docx", str(out / "pk.docx"),
                                "--force"])
    revised = runner.invoke(app, ["pk", str(SAMPLE), "-o", str(out / "pkp.xlsx"), "--perubahan",
                                  "--tanggal", "25 September 2024", "--force"])
    return {"blocked": blocked, "murni": murni, "revised": revised, "dir": out}


def _cell(table: str, column: str, index: int) -> tuple[str, str]:
    """Sheet and cell of a table's row, from the schema (the sheets may move)."""
    t = SCHEMA.table(table)
    return t.sheet, f"{col_letter(t.col_index(column))}{t.first_row + index}"


def test_check_flags_what_the_readme_lists():
    codes = {(f.code, f.sheet, f.cell) for f in check_workbook(SAMPLE).findings}
    b = [r for r in source("rincian.csv") if r["komponen"] == "b"]
    assert sum(int(r["jumlah"]) for r in b) == 930 and len(b) == 26
    assert sum(int(r["jumlah"]) for r in source("rincian.csv") if r["komponen"] == "a") == 338
    assert ("IND001", *_cell("pk_komponen", "penyebut", 1)) in codes  # b lists 930 for a stated 855
    assert ("BUD018", *_cell("pk_program", "pagu_murni", 5)) in codes  # programme 6 has no amount
    assert sum(c == "IND001" for c, _, _ in codes) == 1  # component a adds up


def test_errors_stop_it_and_force_writes_it(written):
    assert written["blocked"].exit_code == 1
    assert "[IND001]" in written["blocked"].output and not (written["dir"] / "x.xlsx").exists()
    assert written["murni"].exit_code == 0, written["murni"].output
    assert "KIN007" not in written["murni"].output  # no realisasi in a January PK: not a finding here


def test_agreement_names_both_parties(written):
    ws = openpyxl.load_workbook(written["dir"] / "pk.xlsx")["Naskah PK"]
    text = [line for row in ws.iter_rows(values_only=True) for c in row
            if isinstance(c, str) for line in c.split("\n")]  # a signature block: one cell, a line each
    assert text[:3] == ["PEMERINTAH KOTA MEDAN", "KECAMATAN MEDAN BARU", "PERJANJIAN KINERJA TAHUN 2024"]
    assert ": FRANS. S. R. H. SIAHAAN, S.STP, MSP" in text and ": CAMAT MEDAN BARU" in text
    assert ": MUHAMMAD BOBBY AFIF NASUTION, S.E, M.M" in text and ": WALIKOTA MEDAN" in text
    assert "Medan, Januari 2024" in text and "Pihak Pertama," in text and "Pihak Kedua," in text


def test_lampiran_targets_and_programmes_as_printed(written):
    wb = openpyxl.load_workbook(written["dir"] / "pk.xlsx")
    ws = wb["Lampiran PK"]
    t = SheetTable(ws)
    pk = source("pk.csv")
    two = Decimal("0.01")
    expected = [[r["no"], r["sasaran"], r["indikator"],
                 f'{r["target_predikat"]} ({str(Decimal(r["target"]).quantize(two)).replace(".", ",")})'
                 if r["target_predikat"] else f'{Decimal(r["target"]):f}%'] for r in pk]
    # the letter with the number it is graded from, as the PK's penjelasan prints it (L66, L101; L41
    # prints the letter alone) and as Medan Amplas's PK does (B (82,15), LKjIP 2023 L504)
    assert [r[3] for r in t.rows()] == ["B (88,30)", "B (66,50)", "100%", "100%"]
    assert t.rows() == expected
    prog = SheetTable(wb["Lampiran PK Program"])
    rows = prog.rows()
    programmes = source("pk_program.csv")
    assert [r[1] for r in rows] == [p["program"] for p in programmes]
    printed = [int(p["pagu_murni"]) if p["pagu_murni"] else None for p in programmes]
    assert [money(r[2]) if r[2] != "-" else None for r in rows] == printed  # programme 6: "-"
    assert not any(r[1] == "J U M L A H" for r in rows)  # no total over a missing amount
    assert printed[:5] == [15_435_519_078, 9_695_231_719, 3_326_918_203, 191_200_000, 762_440_010]
    notes = [r[2] for r in SheetTable(wb["Catatan"]).rows()]
    assert any("PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA" in n for n in notes)


def test_penjelasan_rumusan(written):
    t = SheetTable(openpyxl.load_workbook(written["dir"] / "pk.xlsx")["Penjelasan Rumusan"])
    rows = t.rows()
    formulas = {r["kode_indikator"]: r for r in source("rumusan.csv")}
    pk = source("pk.csv")
    assert [r[1] for r in rows] == [r["indikator"] for r in pk]
    assert [r[2] for r in rows] == ["B (88,30)", "B (66,50)", "100%", "100%"]  # L66, L101
    for row, ind in zip(rows, pk):
        f = formulas[ind["kode_indikator"]]
        assert row[3].startswith(f["rumusan"]) and f["penjelasan"] in row[3]
    composite = rows[2][3]
    for r in source("rincian.csv"):
        assert f'{r["uraian"]} ({r["jumlah"]} {r["satuan"]})' in composite
    assert "jumlah 338 KK" in composite and "jumlah 855 orang" in composite  # the stated totals (L150, L185)


def test_perubahan_version(written):
    assert written["revised"].exit_code == 0, written["revised"].output
    wb = openpyxl.load_workbook(written["dir"] / "pkp.xlsx")
    text = [line for row in wb["Naskah PK"].iter_rows(values_only=True) for c in row
            if isinstance(c, str) for line in c.split("\n")]
    assert "PERUBAHAN PERJANJIAN KINERJA TAHUN 2024" in text and "Medan, 25 September 2024" in text
    # no revised pagu in a January PK: each programme keeps its murni
    rows = SheetTable(wb["Lampiran PK Program"]).rows()
    assert money(rows[0][2]) == 15_435_519_078


def test_docx_is_portrait_with_signatures(written):
    d = docx.Document(str(written["dir"] / "pk.docx"))
    sec = d.sections[0]
    assert sec.page_height > sec.page_width
    texts = [p.text for p in d.paragraphs]
    assert "PERJANJIAN KINERJA TAHUN 2024" in texts
    signers = [c.text for t in d.tables if t.style is None or t.style.name != "Table Grid" for c in t.rows[0].cells]
    assert any("FRANS. S. R. H. SIAHAAN, S.STP, MSP" in s for s in signers)
    assert any("MUHAMMAD BOBBY AFIF NASUTION, S.E, M.M" in s for s in signers)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
def test_docx_renders_through_libreoffice(written, tmp_path):
    src = written["dir"] / "pk.docx"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(src)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "pk.pdf"
    assert pdf.read_bytes()[:4] == b"%PDF"
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        for word in ("PERJANJIAN", "Pihak", "Kedua,", "Sasaran", "Strategis", "Penjelasan", "Perhitungan)",
                     "15.435.519.078", "762.440.010"):
            assert word in text.split(), word  # whole words: no header broken inside a word


def test_the_pk_document_is_checked_against_its_workbook(written, tmp_path):
    """A PK is signed in January, before any realisasi: its workbook has no Realisasi rows, and its
    programmes' anggaran are on PK Program only. A slip in the signed document's anggaran is said at
    its cell, against the amount typed there (the source CSV); the document as written agrees."""
    from lkjip_xl.document.check import check_document

    path = written["dir"] / "pk.docx"
    clean = check_document(path, SAMPLE)
    assert clean.findings == []
    amounts = {r["kode"]: int(r["pagu_murni"]) for r in source("pk_program.csv") if r["pagu_murni"]}
    document = docx.Document(str(path))
    printed = f"{amounts['02']:,}".replace(",", ".")  # 9.695.231.719
    cells = [c for t in document.tables for row in t.rows for c in row.cells if c.text.strip() == printed]
    assert cells
    swapped = printed[:-2] + printed[-1] + printed[-2]  # the last two digits swapped
    for p in cells[0].paragraphs:
        for run in p.runs:
            run.text = run.text.replace(printed, swapped)
    broken = tmp_path / "pk_slip.docx"
    document.save(str(broken))
    result = check_document(broken, SAMPLE)
    slips = [f for f in result.findings if f.code == "DOC001"]
    assert [(f.expected, f.found, f.params["source"]) for f in slips] == [
        (amounts["02"], int(swapped.replace(".", "")), "PK Program!C6")]
    assert slips[0].cell == "C4" and "pagu perubahan" not in slips[0].message("id")
    status = {n["number"]: n["status"] for n in clean.numbers}
    assert {status[f"{a:,}".replace(",", ".")] for a in amounts.values()} == {"agree"}  # every anggaran tied
