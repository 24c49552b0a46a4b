"""Derived values that span rows of the indicator tables, built once per workbook (read through
``DerivedWorkbook``): the sasaran strategis (a group of PK rows) with its capaian, the budget of
the programmes that fund it and its efisiensi; the efisiensi of every budget line with the
unit's method; the capaian of each year of an indicator's history and of its benchmark.

Rules (domain §3.1, §3.5): a sasaran's capaian is the mean of its indicators' capaian, printed
only when every indicator has one; its anggaran is the sum over the distinct programmes its
indicators name (printed only when every programme has the amount); efisiensi uses the method
chosen on Identitas, with the capaian of the line's own output (sub kegiatan) or of its
programme/kegiatan indicators (sheet Indikator Program)."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..calc.budget import add_complete, split_codes
from ..calc.capaian import capaian_range, mean
from ..calc.decimals import number_or_none, percent
from ..calc.efisiensi import EfisiensiResult, efisiensi
from ..calc.target_range import bounds
from .budget import BudgetLine, BudgetTree

PK = "pk_indikator"


@dataclass
class Sasaran:
    no: str
    name: str
    first: int  # row index of the PK row that typed the sasaran
    indexes: list[int] = field(default_factory=list)  # its indicators' PK rows
    capaian: Decimal | None = None
    programs: list[str] = field(default_factory=list)  # codes of the programmes funding it
    pagu: int | Decimal | None = None
    realisasi: int | Decimal | None = None
    efisiensi: EfisiensiResult | None = None

    @property
    def serapan(self) -> Decimal | None:
        return percent(self.realisasi, self.pagu)


def sasaran_groups(rows: list[dict[str, Any]]) -> list[Sasaran]:
    """The PK rows grouped by sasaran: a blank No/Sasaran means "same as above"."""
    out: list[Sasaran] = []
    no, name = "", ""
    for i, r in enumerate(rows):
        new_no = str(r.get("no") or "").strip()
        new_name = str(r.get("sasaran") or "").strip()
        if (new_no and new_no != no) or (new_name and new_name != name) or not out:
            no = new_no or (no if not new_name else str(len(out) + 1))
            name = new_name or name
            out.append(Sasaran(no or str(len(out) + 1), name, i))
        out[-1].indexes.append(i)
    return out


def program_line(budget: BudgetTree, code: str) -> BudgetLine | None:
    return budget.program(code) or budget.find(code)


def sasaran_summaries(rows: list[dict], derived: list[dict], budget: BudgetTree, method: str) -> list[Sasaran]:
    out = sasaran_groups(rows)
    for s in out:
        caps = [derived[i].get("capaian") if i < len(derived) else None for i in s.indexes]
        s.capaian = mean(caps) if caps and all(c is not None for c in caps) else None
        for i in s.indexes:
            s.programs += [c for c in split_codes(rows[i].get("kode_program")) if c not in s.programs]
        lines = [program_line(budget, c) for c in s.programs]
        if lines and all(line is not None for line in lines):
            s.pagu = add_complete(line.shown_pagu for line in lines)
            s.realisasi = add_complete(line.shown_realisasi for line in lines)
            s.efisiensi = efisiensi(method, s.capaian, s.pagu, s.realisasi)
    return out


def line_capaian(line: BudgetLine, realisasi_derived: list[dict], program_indicators: dict[str, list]) -> Any:
    """The capaian kinerja of a budget line: its output's (a sub kegiatan) or the mean of its
    programme/kegiatan indicators' (None when one is missing)."""
    caps = program_indicators.get(line.code)
    if caps:
        return mean(caps) if all(c is not None for c in caps) else None
    if not line.children and line.index < len(realisasi_derived):
        return realisasi_derived[line.index].get("persen_keluaran")
    return None


def line_efisiensi(line: BudgetLine, method: str, capaian_kinerja) -> EfisiensiResult:
    return efisiensi(method, capaian_kinerja, line.shown_pagu, line.shown_realisasi)


def program_indicator_capaian(rows: list[dict], derived: list[dict]) -> dict[str, list]:
    """Code -> the capaian of each of its indicators (sheet Indikator Program)."""
    out: dict[str, list] = {}
    for r, d in zip(rows, derived):
        for code in split_codes(r.get("kode")):
            out.setdefault(code, []).append(d.get("capaian"))
    return out


def history_capaian(target, realisasi, arah: str | None, settings) -> Decimal | None:
    """The capaian of one year of an indicator's history (or of its benchmark), with the
    indicator's arah and the workbook's rules; None when target or realisasi is missing."""
    t, r = bounds(target), number_or_none(realisasi)  # a number, or a range (80-90)
    if t is None or r is None:
        return None
    return capaian_range(*t, r, arah or "naik", settings.turun_formula, cap=100 if settings.cap_100 else None).value
