"""`lkjip-xl demo`: writes everything into a new folder, lists it, and every file opens."""
from __future__ import annotations

import json

import docx
import openpyxl
from typer.testing import CliRunner

from conftest import ROOT
from lkjip_xl.cli import app

runner = CliRunner()
SAMPLES = sorted((ROOT / "samples").glob("*.xlsx"))


def test_demo_writes_lists_and_every_file_opens(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    written = [line.split(": ", 1)[1] for line in result.stdout.splitlines() if line.startswith("ditulis: ")]
    assert written and all((tmp_path / p).is_file() for p in written)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in (tmp_path / "lkjip-demo").rglob("*") if p.is_file()) \
        == sorted(written)
    for p in written:
        path = tmp_path / p
        if path.suffix == ".xlsx":
            openpyxl.load_workbook(path, read_only=True).close()
        elif path.suffix == ".docx":
            assert docx.Document(str(path)).tables
        elif path.suffix == ".json":
            assert "findings" in json.loads(path.read_text(encoding="utf-8"))
        else:
            assert path.read_text(encoding="utf-8").strip()
    assert "lkjip-demo/lkjip_template.xlsx" in written and "lkjip-demo/rekap.xlsx" in written
    for sample in SAMPLES:  # one line per sample, and its copy, reports and annex
        assert f"lkjip-demo/sampel/{sample.name}" in written
        assert any(line.startswith(f"{sample.name}: ") for line in result.stdout.splitlines())
        assert f"lkjip-demo/pemeriksaan/{sample.stem}_bertanda.xlsx" in written


def test_forced_annex_is_labelled_and_has_the_temuan_sheet(tmp_path):
    result = runner.invoke(app, ["demo", str(tmp_path / "d"), "--lang", "en"])
    assert result.exit_code == 0, result.output
    forced = sorted((tmp_path / "d" / "annexes").glob("*_annex_with_findings.xlsx"))
    assert forced, "the samples have errors: their annexes are the forced ones"
    for path in forced:
        wb = openpyxl.load_workbook(path, read_only=True)
        assert wb.sheetnames[0] in ("Temuan", "Findings")
        wb.close()
    assert "annex written with --force" in result.stdout
    assert "Units" in openpyxl.load_workbook(tmp_path / "d" / "rekap.xlsx", read_only=True).sheetnames


def test_existing_demo_needs_overwrite(tmp_path):
    target = tmp_path / "d"
    assert runner.invoke(app, ["demo", str(target)]).exit_code == 0
    again = runner.invoke(app, ["demo", str(target)])
    assert again.exit_code == 2 and "--overwrite" in again.stderr
    assert runner.invoke(app, ["demo", str(target), "--overwrite"]).exit_code == 0
