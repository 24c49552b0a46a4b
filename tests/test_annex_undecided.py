"""A pagu perubahan typed '-' beside a pagu murni (BUD031) stops `annex` and `pk` as an error
does: it is nil or "no revision", and the anggaran, the PK's Jumlah and every total above it
differ by the whole murni. Check can say the doubt in a warning; a table has to print one number
(red-team run: the Perubahan PK printed J U M L A H 1.370.000.000 for 1.770.000.000, and the
Realisasi Anggaran TOTAL a capaian of 123,65 %, with exit 0)."""
from __future__ import annotations

import openpyxl
from typer.testing import CliRunner

from lkjip_xl.cli import app
from test_annex_support import SheetTable, run_annex

runner = CliRunner()


def _program_02(data) -> dict:
    return next(p for p in data["tables"]["pk_program"] if p["kode"] == "02")


def _sub_02_01_01(data) -> dict:
    return next(r for r in data["tables"]["realisasi"] if r.get("kode") == "02.01.01")


def test_annex_stops_at_a_dash_pagu_perubahan_and_says_where(write, data, tmp_path):
    _sub_02_01_01(data)["pagu_perubahan"] = "-"  # murni 400.000.000, not revised
    out = tmp_path / "lampiran.xlsx"
    result = run_annex(write(data), "-o", out)
    assert result.exit_code == 1 and not out.exists()
    assert result.stdout.splitlines()[0].startswith("Realisasi!J11 [BUD031]")
    assert "nihil: ketik 0; tidak berubah: kosongkan" in result.stderr and "--force" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_forced_annex_prints_the_nil_reading_marked(write, data, tmp_path):
    """With --force the tables follow check's reading (0), the '-' cell's anggaran yellow."""
    _sub_02_01_01(data)["pagu_perubahan"] = "-"
    out = tmp_path / "lampiran.xlsx"
    result = run_annex(write(data), "-o", out, "--force")
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "Temuan"
    rows = {r[0]: r for r in SheetTable(wb["Realisasi Anggaran"]).rows() if r[0]}
    assert rows["02.01.01"][2] in (0, "-")
    cell = next(c for c in wb["Realisasi Anggaran"]["A"] if c.value == "02.01.01")
    assert wb["Realisasi Anggaran"].cell(cell.row, 3).fill.fgColor.rgb.endswith("FFEB9C")


def test_annex_with_the_cell_blank_or_0_is_written(write, data, tmp_path):
    """Blank: not revised, the murni counts (TOTAL 1.050 + 400 + 320 juta); 0 typed: nil, said by
    the office itself (the realisasi above it is then check's error, not a doubt)."""
    sub = _sub_02_01_01(data)
    sub["pagu_perubahan"] = None
    out = tmp_path / "blank.xlsx"
    assert run_annex(write(data), "-o", out).exit_code == 0
    total = next(r for r in SheetTable(openpyxl.load_workbook(out)["Realisasi Anggaran"]).rows()
                 if r[1] == "T O T A L")
    assert total[2] == 1_050_000_000 + 400_000_000 + 320_000_000
    sub["pagu_perubahan"] = 0
    result = run_annex(write(data), "-o", tmp_path / "nol.xlsx")
    assert "[BUD031]" not in result.stdout


def test_pk_stops_at_a_dash_programme_pagu_perubahan(write, data, tmp_path):
    _program_02(data)["pagu_perubahan"] = "-"
    path = write(data)
    out = tmp_path / "pk.xlsx"
    result = runner.invoke(app, ["pk", str(path), "-o", str(out), "--perubahan"])
    assert result.exit_code == 1 and not out.exists()
    assert result.stdout.splitlines()[0].startswith("PK Program!D6 [BUD031]")
    _program_02(data)["pagu_perubahan"] = None  # not revised: its murni is the revised pagu
    result = runner.invoke(app, ["pk", str(write(data)), "-o", str(out), "--perubahan"])
    assert result.exit_code == 0, result.output
    rows = SheetTable(openpyxl.load_workbook(out)["Lampiran PK Program"]).rows()
    assert next(r for r in rows if r[1] == "J U M L A H")[2] == 1_050_000_000 + 400_000_000 + 320_000_000
