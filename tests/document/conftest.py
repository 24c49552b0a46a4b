"""The valid workbook the report-check tests write their reports against (once per session)."""
from pathlib import Path

import pytest
from valid_workbook import valid_data

from lkjip_xl.template.fill import write_filled


@pytest.fixture(scope="session")
def workbook(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("wb") / "valid.xlsx"
    write_filled(path, valid_data())
    return path
