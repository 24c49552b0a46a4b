"""Formulas of the office's own in input cells (a SUM typed into a kegiatan's pagu, a PK pagu
quoting the Realisasi sheet) that read a cell rapikan changed. rapikan does not compute them: their
stored result stays the old one until the copy is opened (the copy asks Excel and LibreOffice for
a full recalculation), and the check of the copy reads that old result. Each is listed, so that
what the check of the copy says there is understood."""
from __future__ import annotations

from ..reader.formula_refs import reads_any
from ..schema.refs import a1, parse_a1
from .change import Change


# the changes that give a cell another value (not a format, a dropdown, a formula giving the same)
NEW_VALUE = frozenset({"text_number", "percent_points", "code_number", "choice_trimmed", "nil_dash", "formula_missing",
                       "formula_former", "result_stale"})


def stale_dependents(model, changes: list[Change]) -> list[Change]:
    """``changes`` name template sheets; so do the lines returned."""
    changed = {(c.sheet, *parse_a1(c.cell)) for c in changes if c.applied and c.why in NEW_VALUE}
    if not changed:
        return []
    template = {actual: name for name, actual in model.renamed.items()}
    out = []
    for sheet, row, col, value in _own_formula_cells(model):
        formula = model.formula_at(sheet, row, col)
        if (sheet, row, col) not in changed and formula and reads_any(formula, sheet, template, changed):
            out.append(Change(sheet, a1(row, col), value, None, "formula_reads_changed", applied=False))
    return out


def _own_formula_cells(model):
    """(sheet, row, col, value read) of every input cell holding a formula."""
    for data in model.tables.values():
        for key, pos in data.cols.items():
            if not data.table.column(key).computed:
                for i, row in enumerate(data.rows):
                    if data.has_formula[key][i]:
                        yield data.sheet, row, pos, data.values[key][i]
    for data in model.forms.values():
        for key, ref in data.cells.items():
            if not data.form.field(key).computed and data.has_formula.get(key):
                yield (data.sheet, *parse_a1(ref), data.values.get(key))
