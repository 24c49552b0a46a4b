"""LibreOffice is the spreadsheet application we test against: what we write must open there and
its formulas must compute the values lkjip-xl computes. Skipped where soffice is not installed
(.ci/run installs it)."""
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from lkjip_xl.reader import read_workbook
from lkjip_xl.template.writer import write_workbook

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")


def convert(src: Path, fmt: str, outdir: Path) -> Path:
    profile = outdir / "lo-profile"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
         "--outdir", str(outdir), str(src)],
        check=True, capture_output=True, timeout=180,
    )
    out = outdir / (src.stem + "." + fmt.split(":")[0])
    assert out.exists(), f"LibreOffice did not write {out}"
    return out


def test_template_opens_and_converts_to_pdf(tmp_path):
    src = tmp_path / "template.xlsx"
    write_workbook(src)
    pdf = convert(src, "pdf", tmp_path / "pdf")
    assert pdf.read_bytes()[:4] == b"%PDF"


@pytest.mark.parametrize("odd_answers", [False, True], ids=["clean", "odd-answers"])
def test_libreoffice_computes_the_formulas_to_lkjip_values(tmp_path, write, data, odd_answers):
    if odd_answers:  # letters count as answers; 2,5 and 5 do not (in Python and in the formulas alike)
        resp = data["tables"]["skm_responden"]
        resp[0]["u1"], resp[1]["u1"], resp[2]["u2"], resp[3]["u3"] = "b", "D", 2.5, 5
    ours = write(data)
    # drop every cached result, so LibreOffice must calculate the formulas itself
    stripped = tmp_path / "stripped.xlsx"
    openpyxl.load_workbook(ours).save(stripped)
    recalculated = convert(stripped, "xlsx", tmp_path / "lo")
    mine, _ = read_workbook(ours)
    theirs, _ = read_workbook(recalculated)
    compared = 0
    for key, table in mine.tables.items():
        for col in table.table.columns:
            if not col.computed:
                continue
            for i in range(len(table)):
                a, b = table.get(col.key, i), theirs.table(key).get(col.key, i)
                if isinstance(a, Decimal) or isinstance(b, Decimal):
                    assert a is not None and b is not None, (key, col.key, i, a, b)
                    assert abs(Decimal(a) - Decimal(b)) < Decimal("1e-6"), (key, col.key, i, a, b)
                else:
                    assert a == b, (key, col.key, i, a, b)
                compared += 1
    for key in ("ikm", "mutu", "kinerja"):
        assert mine.form("skm_hasil").values[key] == theirs.form("skm_hasil").values[key], key
    assert compared > 50


def test_a_workbook_saved_in_libreoffices_own_format_says_how_to_save_it(tmp_path, write, data):
    """Saved as .ods (LibreOffice's default when the office chooses "Use ODF Format"): check
    cannot read it and says, in one line, how to save it as .xlsx, not "xl/workbook.xml missing"."""
    from typer.testing import CliRunner

    from lkjip_xl.cli import app

    ods = convert(write(data), "ods", tmp_path / "ods")
    result = CliRunner().invoke(app, ["check", str(ods)])
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert "OpenDocument (.ods" in line and "Excel 2007-365 (.xlsx)" in line
    result = CliRunner().invoke(app, ["check", str(ods), "--lang", "en"])
    assert "File > Save As" in result.stderr
