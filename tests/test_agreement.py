"""One derivation layer: for every derived cell of the valid workbook and the three samples, the
value the annex prints, the value `check` recomputes, the cached value the template writer stored
and LibreOffice's own recalculation agree.

- check's value: the derived workbook of the checked file (`CheckContext.wb`);
- cached: the value read from the file, for every cell that still holds its formula;
- annex: every annex cell whose source is a derived cell prints that cell's derived value, at the
  annex's display precision; a parent whose typed amounts are not the sum of its children prints
  the sum instead, and then `check` reports BUD003 there with exactly that sum as expected;
- LibreOffice: the file with every cached result removed, recalculated by LibreOffice (skipped
  where soffice is not installed).
"""
from __future__ import annotations

import shutil
from decimal import Decimal

import openpyxl
import pytest

from conftest import ROOT
from lkjip_xl.annex.tables import build_annex
from lkjip_xl.calc.decimals import apply_rounding, decimal_places
from lkjip_xl.checks.compare import same_cached
from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.reader import read_workbook
from lkjip_xl.schema import SCHEMA
from lkjip_xl.template.fill import write_filled
from valid_workbook import valid_data

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
SAMPLES = ["medan_amplas_2023", "medan_amplas_2022", "medang_kampai_2023"]


@pytest.fixture(scope="module", params=["valid"] + SAMPLES)
def workbook(request, tmp_path_factory):
    if request.param == "valid":
        path = tmp_path_factory.mktemp("valid") / "valid.xlsx"
        write_filled(path, valid_data())
        return path
    return ROOT / "samples" / f"{request.param}.xlsx"


def derived_cells(ctx):
    """(sheet, A1, derived value, holds its formula, value in the file) of every computed cell."""
    for table in SCHEMA.tables:
        data = ctx.model.table(table.key)
        if data is None:
            continue
        derived = ctx.wb.rows(table.key)
        for col in table.columns:
            if col.computed and col.key in data.values:
                for i in range(len(data)):
                    yield (data.sheet, data.cell(col.key, i), derived[i][col.key], data.has_formula[col.key][i],
                           data.values[col.key][i])
    for form in SCHEMA.forms:
        data = ctx.model.form(form.key)
        derived = ctx.wb.fields(form.key)
        for key, value in derived.items():
            if data is not None and key in data.cells:
                yield form.sheet, data.cells[key], value, data.has_formula.get(key, False), data.values.get(key)


def test_cached_results_are_the_derived_values(workbook):
    ctx = check_workbook(workbook).context
    cells = [c for c in derived_cells(ctx) if c[3]]
    assert len(cells) > 20
    assert [c[:2] + (c[2], c[4]) for c in cells if not same_cached(c[2], c[4])] == []


def _shown(derived, printed):
    """The derived value at the annex's display precision (the workbook's rounding rule)."""
    if isinstance(derived, str) or derived is None or isinstance(printed, str):
        return derived
    return apply_rounding(Decimal(derived), decimal_places(Decimal(printed)), "half_up")


def test_the_annex_prints_the_derived_values(workbook):
    result = check_workbook(workbook)
    ctx = result.context
    derived = {(sheet, cell): value for sheet, cell, value, _, _ in derived_cells(ctx)}
    budget = ctx.wb.budget
    table = ctx.model.table("realisasi")
    # lines whose printed amounts are the sum of their children, not what the row holds
    resummed = {line.index for line in budget.lines if line.rolled and (
        line.shown_pagu != line.pagu or line.shown_realisasi != line.amounts.get("realisasi"))}
    resummed_cells = {("Realisasi", table.cell(k, i)) for i in resummed for k in ("persen_realisasi", "sisa")}
    compared = 0
    for t in build_annex(ctx):
        for row in t.rows:
            for cell in row.cells:
                if cell is None or cell.src is None or cell.value is None or (cell.src[1], cell.src[2]) not in derived:
                    continue
                key = (cell.src[1], cell.src[2])
                if key in resummed_cells:
                    continue
                want = derived[key]
                assert _shown(want, cell.value) == cell.value, (t.key, key, want, cell.value)
                compared += 1
    assert compared > 10
    # a resummed parent: check reports BUD003 in its subtree; where its children print what they
    # hold, at the parent itself with exactly the sum the annex prints as expected
    bud003 = {f.cell: f.expected for f in result.findings if f.code == "BUD003"}
    lines = {line.index: line for line in budget.lines}
    for i in resummed:
        line = lines[i]
        assert any(table.cell(k, x.index) in bud003 for x in _subtree(line) for k in ("pagu_perubahan", "pagu_murni",
                                                                                      "realisasi")), line.code
        if all(c.shown_pagu == c.pagu and c.shown_realisasi == c.amounts.get("realisasi") for c in line.children):
            if line.shown_realisasi != line.amounts.get("realisasi"):
                assert bud003[table.cell("realisasi", i)] == line.shown_realisasi
            if line.shown_pagu != line.pagu:
                assert bud003[table.cell(line.pagu_key, i)] == line.shown_pagu


def _subtree(line):
    yield line
    for child in line.children:
        yield from _subtree(child)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_recalculates_the_derived_values(workbook, tmp_path):
    from test_libreoffice import convert

    stripped = tmp_path / "stripped.xlsx"
    openpyxl.load_workbook(workbook).save(stripped)  # openpyxl drops every cached result
    theirs, _ = read_workbook(convert(stripped, "xlsx", tmp_path / "lo"))
    ctx = check_workbook(workbook).context
    recalculated = {}
    for table in theirs.tables.values():
        for key, values in table.values.items():
            for i, value in enumerate(values):
                recalculated[(table.sheet, table.cell(key, i))] = value
    for form in theirs.forms.values():
        for key, cell in form.cells.items():
            recalculated[(form.sheet, cell)] = form.values.get(key)
    compared = 0
    for sheet, cell, value, has_formula, _ in derived_cells(ctx):
        if has_formula:
            lo = recalculated.get((sheet, cell))
            assert same_cached(value, lo) or (value is not None and lo is not None
                                               and abs(Decimal(value) - Decimal(lo)) < Decimal("1e-6")), \
                (sheet, cell, value, lo)
            compared += 1
    assert compared > 20
