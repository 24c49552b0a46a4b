"""What a report needs is filled in: a workbook whose PK indicators or Realisasi rows are all empty
cannot give an LKjIP (STR011, error); one without a Rencana Aksi or an SKM gives a report without
those tables (STR012, warning). A template with only Identitas filled is therefore never "clean"."""
from __future__ import annotations

from typing import Iterable

from ..findings import Finding
from ..schema import SCHEMA
from ..schema.refs import a1
from .compare import is_blank

# table key -> the code reporting it empty (STR011: the report cannot be made; STR012: a table is missing)
NEEDED = {"pk_indikator": "STR011", "realisasi": "STR011", "ra_indikator": "STR012", "skm_responden": "STR012"}
# the SKM may be entered as totals or NRR in its summary block instead of one row per respondent
SKM_SUMMARY_INPUTS = ("jumlah_nilai", "jumlah_responden", "nrr_tertulis")


def check(ctx) -> Iterable[Finding]:
    for key, code in NEEDED.items():
        table = ctx.model.table(key)
        if table is None:
            continue  # the missing sheet or columns are reported by the reader (STR001/STR002)
        if len(table) or (key == "skm_responden" and _skm_summary_filled(ctx.model)):
            continue
        spec = SCHEMA.table(key)
        yield Finding(code, spec.sheet, a1(spec.first_row, spec.first_col), params={"name": spec.title})


def _skm_summary_filled(model) -> bool:
    block = model.table("skm_unsur")
    return block is not None and any(not is_blank(v) for k in SKM_SUMMARY_INPUTS for v in block.values.get(k, ()))
