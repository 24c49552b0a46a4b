"""The annex as LibreOffice renders it: the xlsx and the docx convert to PDF, and the PDF shows
lkjip-xl's numbers (no ####, no missing TOTAL). Skipped where soffice is not installed."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from test_annex_support import annex_outputs  # noqa: F401 - fixture

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")


def _pdf(src: Path, outdir: Path) -> Path:
    profile = outdir / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(outdir), str(src)], check=True, capture_output=True, timeout=300)
    out = outdir / (src.stem + ".pdf")
    assert out.exists() and out.read_bytes()[:4] == b"%PDF"
    return out


def _text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not installed")
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True, timeout=60).stdout


def _plain(text: str) -> str:
    """Digits only, so the check does not depend on LibreOffice's locale (30,911 or 30.911)."""
    return re.sub(r"(?<=\d)[.,](?=\d)", "", text)


def test_xlsx_and_docx_render_to_pdf_with_the_totals(annex_outputs, tmp_path):
    for key in ("two", "docx"):
        pdf = _pdf(annex_outputs[key], tmp_path / key)
        text = _text(pdf)
        assert "###" not in text  # no column too narrow for its number
        plain = _plain(text)
        for number in ("30911880435", "30039791551", "872088884", "9718"):
            assert number in plain, (key, number)
        assert "Tabel Realisasi Anggaran Kegiatan TA. 2022 dan 2023" in text


def test_a_signature_block_is_never_split_across_pages(tmp_path):
    """Medang Kampai's budget table fills its last page to the place and date: the name, rank and
    NIP printed on a page of their own under the repeated header. The block is one row now, so a
    page break falls before it or after it, never inside."""
    import openpyxl

    from test_annex_support import ROOT, run_annex

    out = tmp_path / "lampiran.xlsx"
    result = run_annex(ROOT / "samples" / "medang_kampai_2023.xlsx", "-o", out, "--force")
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out)["Realisasi Anggaran"]
    block = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "NIP. " in c.value]
    assert len(block) == 1 and block[0].value.startswith("Dumai, 15 Januari 2024\nCAMAT MEDANG KAMPAI\n")
    pages = _text(_pdf(out, tmp_path / "pdf")).split("\f")
    signed = [p for p in pages if "NIP. 19790119 201001 1 007" in p]
    # the report's date, or the PK's own under the Perjanjian Kinerja (signed at the start of 2023)
    assert signed and all(("Dumai, 15 Januari 2024" in p or "Dumai, Januari 2023" in p) and "INDRA GUNAWAN" in p
                          for p in signed)
