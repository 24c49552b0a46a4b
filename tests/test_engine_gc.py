"""check pauses Python's cycle collector while it reads and checks a workbook (speed: issue 14) and
always leaves it as it found it: the web server and rekap workers check many files in one process."""
import gc

import pytest

from lkjip_xl.checks.engine import check_workbook, cyclic_gc_paused
from lkjip_xl.errors import UnreadableWorkbook


def test_the_collector_runs_again_after_a_check(write, data, tmp_path):
    assert gc.isenabled()
    check_workbook(write(data))
    assert gc.isenabled()
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(UnreadableWorkbook):
        check_workbook(broken)
    assert gc.isenabled()


def test_paused_inside_and_left_off_when_it_was_off():
    with cyclic_gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with cyclic_gc_paused():
            pass
        assert not gc.isenabled()  # the caller's choice stands
    finally:
        gc.enable()


@pytest.mark.parametrize("sample", ["valid", "medan_amplas_2023", "medang_kampai_2023"])
def test_a_check_leaves_no_cycle_behind(write, data, sample):
    """With the collector paused, an object in a reference cycle lives until the check ends (the
    budget tree's recursive closure kept every Realisasi row: 10 MB at 50.000 lines): a check
    makes none."""
    from pathlib import Path

    path = write(data) if sample == "valid" else Path(__file__).parent.parent / "samples" / f"{sample}.xlsx"
    gc.collect()
    gc.disable()
    try:
        result = check_workbook(path)
        assert result.findings is not None
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_a_check_with_its_text_output_loads_no_openpyxl(write, data):
    """check reads with python-calamine and its own XML scan: openpyxl (25 MB, 0,1 s) is loaded
    only by the commands that write with it. The rapikan hint at the end of check's text once
    imported the repair package, and with it openpyxl (issue 14's memory target on 50.000 rows)."""
    import subprocess
    import sys

    path = write(data)
    code = ("import sys; from lkjip_xl.commands.check import run_check; from lkjip_xl.render.text import render_text; "
            f"render_text(run_check({str(path)!r})); print('openpyxl' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
