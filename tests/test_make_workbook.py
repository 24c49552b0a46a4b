"""benchmarks/make_workbook.py: synthetic workbooks are valid (check finds no error), have the
sizes asked for, and are the same for the same seed."""
from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from conftest import ROOT
from lkjip_xl.calc.budget import level_of
from lkjip_xl.checks.engine import check_workbook

SCRIPT = ROOT / "benchmarks" / "make_workbook.py"
spec = importlib.util.spec_from_file_location("make_workbook", SCRIPT)
make_workbook = importlib.util.module_from_spec(spec)
spec.loader.exec_module(make_workbook)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("sub, resp, seed", [(1, 0, "1"), (3, 1, "2"), (40, 60, "3"), (150, 400, "4")])
def test_valid_and_of_the_size_asked(tmp_path, sub, resp, seed):
    out = tmp_path / "unit.xlsx"
    done = run("--sub-kegiatan", str(sub), "--respondents", str(resp), "--seed", seed, "-o", str(out))
    assert done.returncode == 0, done.stderr
    result = check_workbook(out)
    assert result.summary["error"] == 0, [f"{f.sheet}!{f.cell} {f.code} {f.message()}" for f in result.findings]
    model = result.context.model
    codes = [c for c in model.table("realisasi").values["kode"] if c]
    assert sum(1 for c in codes if level_of(c) == "sub_kegiatan") == sub
    assert len(model.table("skm_responden") or []) == resp
    skm = result.context.wb.skm
    assert (skm is not None and skm.ikm is not None) == (resp > 0)


def test_same_seed_same_file_other_seed_other_data(tmp_path):
    paths = [tmp_path / f"{i}.xlsx" for i in range(3)]
    for path, seed in zip(paths, ("7", "7", "8")):
        assert run("--sub-kegiatan", "25", "--respondents", "30", "--seed", seed, "-o", str(path)).returncode == 0
    assert paths[0].read_bytes() == paths[1].read_bytes()
    assert paths[0].read_bytes() != paths[2].read_bytes()
    assert make_workbook.unit_data(25, 30, "7") == make_workbook.unit_data(25, 30, "7")


def test_units_are_different_valid_and_varied(tmp_path):
    done = run("--units", "12", "--sub-kegiatan", "20", "--respondents", "30", "--seed", "5", "--out-dir", str(tmp_path))
    assert done.returncode == 0, done.stderr
    files = sorted(tmp_path.glob("*.xlsx"))
    assert len(files) == 12
    units, sizes, skm_kinds = set(), set(), set()
    for f in files:
        result = check_workbook(f)
        assert result.summary["error"] == 0, f
        units.add(result.context.model.form("identitas").values["unit"])
        sizes.add(len(result.context.model.table("realisasi")))
        skm = result.context.wb.skm
        skm_kinds.add(None if skm is None or skm.ikm is None else skm.columns[0].source)
    assert len(units) == 12 and len(sizes) > 3
    assert skm_kinds == {"responden", "jumlah", None}  # SKM from answers, from typed totals, or none


def test_uniform_units_have_exactly_the_size(tmp_path):
    plans = make_workbook.units_plan(5, 30, 40, "1", uniform=True)
    assert {(p["sub_kegiatan"], p["n_respondents"], p["skm"]) for p in plans} == {(30, 40, "responden")}
    assert len({p["unit"] for p in plans}) == 5


def test_bad_arguments(tmp_path):
    assert run("--sub-kegiatan", "0", "-o", str(tmp_path / "x.xlsx")).returncode == 2
    assert run("--units", "3").returncode == 2  # --out-dir missing
