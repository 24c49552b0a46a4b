"""What every annex table builder needs: the checked workbook (``Book``: its read model and the
derived workbook, whose budget tree and derived values are the ones ``check`` used), language and
display rounding."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..calc.budget import split_codes  # noqa: F401 - the annex modules import it from here
from ..calc.decimals import apply_rounding, to_decimal
from ..calc.numbers_id import format_number
from ..checks.engine import CheckContext
from ..derive import BudgetTree
from .model import Cell

PLACES = 2  # percentages are shown with two decimals


def ylabel(year) -> str:
    """A year for a title or header ("…" when the workbook does not state it)."""
    return str(year) if year else "…"


def tr(lang: str, id_: str, en: str) -> str:
    return en if lang == "en" else id_


def number(value: Any) -> Decimal | None:
    if value is None or isinstance(value, (str, bool)):
        return None
    return to_decimal(value)


def places_of(value: Any) -> int:
    d = number(value)
    if d is None:
        return 0
    exp = d.normalize().as_tuple().exponent
    return min(max(0, -exp), 4) if isinstance(exp, int) else 0


def fmt_num(value: Any, places: int | None = None, lang: str = "id") -> str:
    """A number in a text of the annex (a note, a scale, a target with its grade) in its language:
    ``88,31`` in Indonesian, ``88.31`` in English."""
    d = number(value)
    if d is None:
        return ""
    return format_number(d, places_of(d) if places is None else places, lang)


@dataclass
class Book:
    """One checked workbook: "cur" (the report year) or "prev" (--tahun-lalu)."""

    tag: str
    ctx: CheckContext

    @property
    def model(self):
        return self.ctx.model

    @property
    def settings(self):
        return self.ctx.settings

    def form(self, key: str) -> dict:
        f = self.model.form(key)
        return dict(f.values) if f else {}

    @property
    def year(self) -> int | None:
        y = self.form("identitas").get("tahun")
        try:
            return int(y) if y is not None else None
        except (TypeError, ValueError):
            return None

    def table(self, key: str):
        return self.model.table(key)

    def rows(self, key: str) -> list[dict]:
        t = self.table(key)
        return [] if t is None else [t.row(i) for i in range(len(t))]

    def src(self, key: str, col: str, i: int) -> tuple[str, str, str] | None:
        t = self.table(key)
        if t is None or i is None or i >= len(t):
            return None
        try:
            return (self.tag, t.sheet, t.cell(col, i))
        except KeyError:
            return None

    def src_row(self, key: str, i: int) -> tuple[str, str, int] | None:
        t = self.table(key)
        return None if t is None or i is None else (self.tag, t.sheet, t.rows[i])

    def src_line(self, key: str, i: int, col: int, columns: tuple[str, ...] | None = None):
        """A Row.src_rows entry: findings on row i of the table (in ``columns`` only, if given)
        that hit no shown cell mark column ``col`` of the annex row."""
        t = self.table(key)
        if t is None or i is None:
            return None
        # only this table's own columns: several tables share a sheet (PK, Rencana Aksi, SKM)
        keys = [c for c in (columns if columns is not None else t.table.keys) if c in t.table.keys]
        letters = frozenset(re.sub(r"\d", "", t.cell(c, i)) for c in keys)
        return ((self.tag, t.sheet, t.rows[i]), col, letters)

    def pct(self, value: Any) -> Decimal | None:
        """A percentage rounded for display with the workbook's rule (half-up or truncate)."""
        d = number(value)
        return None if d is None else apply_rounding(d, PLACES, self.settings.rounding)

    @property
    def budget(self) -> BudgetTree:
        """The budget tree of the derived workbook (the checks read the same one)."""
        return self.ctx.wb.budget


def funds_of(book: Book) -> dict[str, Cell]:
    """PK programme code -> a cell with its sumber dana (sheet Sumber Dana)."""
    out = {}
    for i, r in enumerate(book.rows("sumber_dana")):
        for code in split_codes(r.get("kode")):
            out.setdefault(code, Cell(r.get("sumber_dana"), align="center", src=book.src("sumber_dana", "sumber_dana", i)))
    return out


def rounding_text(book: Book, lang: str) -> str:
    if book.settings.rounding == "truncate":
        return tr(lang, "persen dipotong (bukan dibulatkan) pada 2 desimal",
                  "percentages truncated to 2 decimals")
    return tr(lang, "persen dibulatkan setengah ke atas pada 2 desimal",
              "percentages rounded half up to 2 decimals")


def pagu_note(budgets: list[tuple[str, BudgetTree]], lang: str) -> str:
    """Which pagu the amounts use (perubahan when filled, else murni), per year."""
    parts = []
    for label, b in budgets:
        murni_codes = [line.code for line in b.leaves if line.pagu_key == "pagu_murni"]
        perubahan_count = sum(1 for line in b.leaves if line.pagu_key == "pagu_perubahan")
        if not murni_codes:
            used = tr(lang, "pagu perubahan", "revised budget") if perubahan_count else "-"
        elif not perubahan_count:
            used = tr(lang, "pagu murni", "original budget")
        else:
            shown = ", ".join(murni_codes[:8]) + (" …" if len(murni_codes) > 8 else "")
            used = tr(lang, f"pagu perubahan, kecuali pagu murni untuk {shown}",
                      f"revised budget, except the original budget for {shown}")
        parts.append(f"{label}: {used}" if label else used)
    return tr(lang, "Anggaran = pagu setelah perubahan (APBD-P), atau pagu murni (APBD) bila tidak berubah; dipakai: ",
              "Budget = the revised budget (APBD-P), or the original budget (APBD) where unchanged; used: ") \
        + "; ".join(parts) + "."


def total_left_out(what: str, missing: list[str], lang: str) -> str:
    """The note under a table whose total is not printed because some rows lack the amount."""
    shown = ", ".join(missing[:8]) + (" …" if len(missing) > 8 else "")
    return tr(lang, f"Jumlah {what} tidak dicetak: {shown} tidak berisi {what}; jumlah sebagian bukan jumlah.",
              f"The total {what} is not printed: {shown} have no {what}; a partial sum is not a total.")
