"""benchmarks/on_purpose.py: a value typed "as printed" is the formula's result rounded half up to
its number format's places (a percent format's places are of the percent), and a run without
LibreOffice on the valid workbook raises no false alarm."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from on_purpose import places, printed  # noqa: E402


@pytest.mark.parametrize("fmt, expected", [("0.00%", (2, True)), ("#,##0", (0, False)), ("0.000", (3, False)),
                                           ('#,##0.00" Rp";[Red]-#,##0.00', (2, False)), ("0%", (0, True))])
def test_places_of_a_number_format(fmt, expected):
    assert places(fmt) == expected


@pytest.mark.parametrize("value, fmt, expected", [(0.9523809523809523, "0.00%", 0.9524), (0.38888888, "0.000", 0.389),
                                                  (1234.5, "#,##0", 1235), (86.944444, "0.00", 86.94),
                                                  (0.125, "0%", 0.13), ("Sangat Tinggi", "General", "Sangat Tinggi")])
def test_a_value_typed_as_printed(value, fmt, expected):
    assert printed(value, fmt) == expected


def test_a_run_without_libreoffice_raises_no_false_alarm(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "on_purpose.py"), "--n", "3", "--recalc", "none",
                          "--keep", str(tmp_path)], capture_output=True, text=True, timeout=600, check=True).stdout
    total = next(line for line in out.splitlines() if line.startswith("all "))
    assert total.split()[1:3] == ["11", "0"], out  # 3 copies of 3 kinds, the 2 % rows the workbook has; 0 false
