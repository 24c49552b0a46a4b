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
