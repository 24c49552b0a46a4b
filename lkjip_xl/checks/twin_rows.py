"""A row pasted twice: its code is an earlier row's (VAL008) and every value typed in it is that
row's too. Counted twice, it makes the parent sums, the PK's pagu and the economic classes fail,
and the blame then guesses at some innocent cell. So the checks run once more without the copy
(``checks/what_if.py`` says what follows from it), and VAL008 at the copy says the row repeats the
other one, and whether everything agrees without it.

A copy whose amounts differ from the row it repeats is no copy (a sub kegiatan typed with the
wrong code): its VAL008 and everything else stand as they are.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from ..findings import Finding
from ..reader.model import Flags, TableData, WorkbookModel
from ..schema.refs import parse_a1
from .what_if import follows_from


def twins(model: WorkbookModel, findings: list[Finding]) -> dict[str, tuple[str, int, int]]:
    """The copies: the VAL008 cell ("Sheet!A9") -> (table key, the copy's row index, the row it
    repeats), for duplicate codes whose rows hold the same typed values."""
    by_sheet = {t.sheet: (key, t) for key, t in model.tables.items()}
    out = {}
    for f in findings:
        if f.code != "VAL008" or f.sheet not in by_sheet or not f.params.get("other"):
            continue
        key, table = by_sheet[f.sheet]
        i, j = _index(table, f.cell), _index(table, f.params["other"])
        if i is not None and j is not None and _same_inputs(table, i, j):
            out[f"{f.sheet}!{f.cell}"] = (key, i, j)
    return out


def _index(table: TableData, cell: str) -> int | None:
    try:
        row = parse_a1(cell)[0]
    except ValueError:
        return None
    return table.rows.index(row) if row in table.rows else None


def _same_inputs(table: TableData, i: int, j: int) -> bool:
    typed = [c.key for c in table.table.columns if not c.computed and c.key in table.values]
    return any(table.values[k][i] not in (None, "") for k in typed) and all(
        table.values[k][i] == table.values[k][j] for k in typed)


def without_rows(model: WorkbookModel, drops: dict[str, set[int]]) -> WorkbookModel:
    """The model with the given rows (table key -> row indexes) left out, as if deleted."""
    tables = dict(model.tables)
    for key, gone in drops.items():
        t = tables[key]
        keep = [i for i in range(len(t.rows)) if i not in gone]
        new_index = {old: new for new, old in enumerate(keep)}
        tables[key] = replace(
            t, rows=[t.rows[i] for i in keep],
            values={k: [v[i] for i in keep] for k, v in t.values.items()},
            has_formula={k: Flags(bytes(v[i] for i in keep)) for k, v in t.has_formula.items()},
            read_as={k: {new_index[i]: how for i, how in rows.items() if i in new_index}
                     for k, rows in t.read_as.items()})
    return replace(model, tables=tables)


def explain_twins(findings: list[Finding], model: WorkbookModel,
                  rerun: Callable[[WorkbookModel], list[Finding]]) -> list[Finding]:
    """The checks' findings with what follows from a pasted copy said as such (module docstring);
    ``rerun`` runs the checks on a model."""
    copies = twins(model, findings)
    if not copies:
        return findings
    drops: dict[str, set[int]] = {}
    for key, i, _ in copies.values():
        drops.setdefault(key, set()).add(i)

    def own(f: Finding) -> bool:
        return f.code == "VAL008" and f"{f.sheet}!{f.cell}" in copies

    out = follows_from(findings, rerun(without_rows(model, drops)), ", ".join(copies), own)
    alone = all(f.severity == "info" or own(f) for f in out)  # without the copies nothing else is wrong
    return [replace(f, params={**f.params, "twin": True, "twin_alone": alone}) if own(f) else f for f in out]
