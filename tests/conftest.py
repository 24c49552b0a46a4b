"""Shared fixtures: the valid workbook, written on demand, and helpers to check and find."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from lkjip_xl.checks.engine import check_workbook  # noqa: E402
from lkjip_xl.template.fill import write_filled  # noqa: E402
from valid_workbook import valid_data  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_2023 = ROOT / "samples" / "medan_amplas_2023.xlsx"
SAMPLE_2022 = ROOT / "samples" / "medan_amplas_2022.xlsx"


@pytest.fixture
def data() -> dict:
    """The valid workbook's data; mutate one thing, then call ``write``."""
    return valid_data()


@pytest.fixture
def write(tmp_path):
    counter = iter(range(1000))

    def _write(data: dict, name: str | None = None) -> Path:
        path = tmp_path / (name or f"wb{next(counter)}.xlsx")
        write_filled(path, data)
        return path

    return _write


@pytest.fixture
def check(write):
    """Write the data and check it: returns the list of findings."""

    def _check(data: dict, prev: dict | None = None):
        prev_path = write(prev, "prev.xlsx") if prev is not None else None
        return check_workbook(write(data), prev_path).findings

    return _check

