"""The lowest unsur of a survey and the follow-up plan staff typed for them.

The plan comes from the workbook's sheet "SKM Tindak Lanjut" or, for a survey export, from a
small file passed with ``--tindak-lanjut`` (columns Unsur | Rencana Tindak Lanjut | Waktu |
Penanggung Jawab, .csv or .xlsx). A plan row whose unsur matches none is SKM006, one without an
unsur VAL005 (both at the cell); the row is not used.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..calc.skm import match_unsur
from ..errors import UsageError
from ..findings import Finding
from .compute import SkmResult
from .layanan import cell_text
from .side_table import find_header, read_side_file

__all__ = ["PlanRow", "lowest_unsur", "plans_from_model", "plans_from_file", "PLAN_HEADERS"]

PLAN_KEYS = ("unsur", "rencana", "waktu", "penanggung_jawab")
#: accepted headers of a plan file (compared as side_table.header_key)
PLAN_HEADERS: dict[str, tuple[str, ...]] = {
    "unsur": ("unsur", "unsur pelayanan", "element", "service element"),
    "rencana": ("rencana tindak lanjut", "tindak lanjut", "rencana", "rencana perbaikan", "program perbaikan",
                "kegiatan tindak lanjut", "follow up", "follow up action", "action"),
    "waktu": ("waktu", "waktu pelaksanaan", "jadwal", "target waktu", "when", "timeline"),
    "penanggung_jawab": ("penanggung jawab", "pj", "pic", "responsible", "person in charge"),
}


@dataclass(frozen=True)
class PlanRow:
    unsur: str  # canonical code U1..U9
    rencana: str | None
    waktu: str | None
    penanggung_jawab: str | None


def lowest_unsur(result: SkmResult, count: int = 3) -> list[tuple[str, Decimal]]:
    """(code, NRR) of the ``count`` unsur with the lowest NRR, lowest first; an unsur tied with
    the last one is included too (no arbitrary choice between equal NRRs)."""
    nrrs = sorted(result.nrr_by_unsur().items(), key=lambda kv: (kv[1], kv[0]))
    if len(nrrs) <= count:
        return nrrs
    cut = nrrs[count - 1][1]
    return [kv for kv in nrrs if kv[1] <= cut]


def _plan_row(values: dict, where: str, cell_of) -> tuple[PlanRow | None, list[Finding]]:
    if all(cell_text(values.get(k)) is None for k in PLAN_KEYS):
        return None, []
    name = cell_text(values.get("unsur"))
    if name is None:
        return None, [Finding("VAL005", where, cell_of("unsur"), params={"name": "Unsur"})]
    code = match_unsur(name)
    if code is None:
        return None, [Finding("SKM006", where, cell_of("unsur"), found=name)]
    return PlanRow(code, *(cell_text(values.get(k)) for k in PLAN_KEYS[1:])), []


def plans_from_model(model) -> tuple[list[PlanRow], list[Finding]]:
    """The plan on the workbook's "SKM Tindak Lanjut" sheet (none when the sheet is absent). A
    blank required cell is already the reader's VAL005."""
    table = model.table("skm_tindak_lanjut")
    if table is None:
        return [], []
    plans, findings = [], []
    for i in range(len(table)):
        values = table.row(i)
        if cell_text(values.get("unsur")) is None:
            continue
        row, found = _plan_row(values, table.sheet, lambda key: table.cell(key, i))
        findings += found
        if row is not None:
            plans.append(row)
    return plans, findings


def plans_from_file(path: Path) -> tuple[list[PlanRow], list[Finding]]:
    """The plan of a ``--tindak-lanjut`` file; raises UsageError when no sheet has its header."""
    for sheet in read_side_file(Path(path)):
        found = find_header(sheet.rows, PLAN_HEADERS, ("unsur", "rencana"))
        if found is None:
            continue
        h, cols = found
        plans, findings = [], []
        for r in range(h + 1, len(sheet.rows)):
            line = sheet.rows[r]
            values = {k: (line[c] if c < len(line) else None) for k, c in cols.items()}
            row, problems = _plan_row(values, sheet.where, lambda key: sheet.cell(r, cols[key]))
            findings += problems
            if row is not None:
                plans.append(row)
        return plans, findings
    raise UsageError("no_plan_table", path=str(path))
