"""What a report needs is filled in: a workbook whose PK indicators or Realisasi rows are all empty
cannot give an LKjIP (STR011, error); one without a Rencana Aksi or an SKM gives a report without
those tables (STR012, warning). A template with only Identitas filled is therefore never "clean".
A Realisasi sheet whose spending or outputs are typed nowhere yet (the workbook kept from January)
is said once per column, with what cannot be computed (KIN007), never left in silence."""
from __future__ import annotations

from typing import Iterable

from ..findings import Finding
from ..i18n import Text
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
    yield from _unreported_columns(ctx.model.table("realisasi"))


# a Realisasi column, the columns whose rows it realises, and what stays uncomputed while it is blank
UNREPORTED = (
    ("realisasi", ("pagu_murni", "pagu_perubahan"),
     Text("anggaran semua {n} baris ({span}; serapan, sisa dan efisiensi belum dapat dihitung)",
          "spending on all {n} rows ({span}; no serapan, sisa or efisiensi can be computed yet)")),
    ("realisasi_keluaran", ("target_keluaran",),
     Text("keluaran semua {n} sub kegiatan ({span}; capaian keluaran belum dapat dihitung)",
          "outputs of all {n} sub kegiatan ({span}; no capaian keluaran can be computed yet)")),
)


def _unreported_columns(table) -> Iterable[Finding]:
    """KIN007 once for a column of the Realisasi sheet blank on every row while the rows it realises
    have their pagu or target: nothing spent or achieved is typed yet."""
    if table is None or not len(table):
        return
    for key, basis, text in UNREPORTED:
        rows = [i for i in range(len(table)) if any(not is_blank(table.get(b, i)) for b in basis)]
        if key not in table.cols or not rows or any(not is_blank(table.get(key, i)) for i in range(len(table))):
            continue
        params = {"n": len(rows), "span": f"{table.cell(key, rows[0])}–{table.cell(key, rows[-1])}"}
        yield Finding("KIN007", table.sheet, table.cell(key, rows[0]), params={"name": Text(
            text.id.format(**params), text.en.format(**params))})


def _skm_summary_filled(model) -> bool:
    block = model.table("skm_unsur")
    return block is not None and any(not is_blank(v) for k in SKM_SUMMARY_INPUTS for v in block.values.get(k, ()))
