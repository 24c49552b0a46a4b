"""When a formula cannot compute, that is a finding, never a blank in silence. For every computed
column of every table (the valid workbook with its optional sheets filled), each input of its
first row typed 0 and then `-`: wherever the computed cell is then blank while all of its inputs
are filled, some finding must stand on that row (KIN006 for a target of 0, KIN029, VAL…)."""
from __future__ import annotations

import copy

import pytest

from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.schema import SCHEMA
from lkjip_xl.schema.refs import parse_a1
from test_rules_sheets_beyond_pk import _complete
from valid_workbook import valid_data

BASE = _complete(valid_data())


def _cases():
    for table in SCHEMA.tables:
        computed = [c for c in table.columns if c.computed]
        rows = BASE["tables"].get(table.key) or []
        if not computed or not rows:
            continue
        typed = {c.key for c in table.columns if not c.computed}
        inputs = sorted(set().union(*(table.inputs_of(c.key) for c in computed)) & typed)
        for key in inputs:
            if rows[0].get(key) is not None:
                for value in (0, "-"):
                    yield pytest.param(table, key, value, id=f"{table.key}-{key}-{value}")


@pytest.mark.parametrize("table,key,value", list(_cases()))
def test_a_blank_result_of_filled_inputs_is_said_on_its_row(write, table, key, value):
    data = copy.deepcopy(BASE)
    data["tables"][table.key][0][key] = value
    result = check_workbook(write(data))
    read, derived = result.context.model.table(table.key), result.context.wb.rows(table.key)
    row = read.rows[0]
    said = [f for f in result.findings if f.sheet == read.sheet and parse_a1(f.cell)[0] == row]
    for col in (c for c in table.columns if c.computed):
        inputs = [read.get(k, 0) for k in table.inputs_of(col.key) if k in read.values]
        if derived[0].get(col.key) is None and all(v not in (None, "") for v in inputs):
            assert said, f"{read.sheet}!{read.cell(col.key, 0)} is blank with {key} = {value!r}, and nothing is said"
