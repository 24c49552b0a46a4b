"""The typed cells behind an amount of the Realisasi sheet, as terms of the budget relations
(``checks/relations.py``): a row's pagu murni, realisasi, effective pagu (the perubahan cell when
filled, else the murni cell) and sisa (its own cell when typed, else what its formula is made of:
effective pagu − realisasi). A parent or total cell holding a formula (a SUM of the rows below)
stands for its children's cells: its value follows theirs."""
from __future__ import annotations

from typing import Any

from ..derive.budget import money
from .relations import Ref

TABLE = "realisasi"
# the kinds of cell a budget relation over Realisasi rows is made of (see Relation.kinds)
AMOUNT_CELLS = frozenset((TABLE, key) for key in ("pagu_murni", "pagu_perubahan", "realisasi", "sisa"))


class BudgetCells:
    def __init__(self, ctx, table) -> None:
        self.table = table
        self.rows = ctx.wb.row_values(TABLE)
        self.tree = ctx.wb.budget
        self._kids: dict[int, list] | None = None

    def amount(self, i: int, key: str) -> Any:
        return money(self.rows[i].get(key))

    def pagu_key(self, i: int) -> str:
        return "pagu_perubahan" if self.amount(i, "pagu_perubahan") is not None else "pagu_murni"

    def ref(self, i: int, key: str) -> Ref:
        return Ref(TABLE, i, key)

    def _formula(self, key: str, i: int) -> bool:
        flags = self.table.has_formula.get(key)
        return bool(flags and flags[i])

    def kids(self, i: int) -> list:
        """The rows a parent (or total) row adds up, as budget lines."""
        if self._kids is None:
            self._kids = {line.index: line.children for line in self.tree.lines}
            self._kids.update({t: self.tree.programs for t in self.tree.totals})
        return self._kids.get(i, [])

    def terms(self, i: int, name: str, sign: int = 1) -> list[tuple[Ref, int, Any]]:
        """(cell, coefficient, value) of one amount of row ``i``: ``pagu_murni``, ``realisasi``,
        ``pagu`` (effective) or ``sisa``."""
        if name == "sisa":
            if not self._formula("sisa", i) and self.rows[i].values.get("sisa") is not None:
                return [(self.ref(i, "sisa"), sign, self.amount(i, "sisa"))]
            return self.terms(i, "pagu", sign) + self.terms(i, "realisasi", -sign)
        key = self.pagu_key(i) if name == "pagu" else name
        if self._formula(key, i) and self.kids(i):
            return [t for kid in self.kids(i) for t in self.terms(kid.index, name, sign)]
        return [(self.ref(i, key), sign, self.amount(i, key))]

    def near(self, i: int, kids) -> frozenset | None:
        """The rows a roll-up's cells are in (its row and its children's), None when one of them
        holds a formula (its cells are then its own children's)."""
        rows = [i, *(k.index for k in kids)]
        if any(self._formula(key, r) for r in rows for key in ("pagu_murni", "pagu_perubahan", "realisasi")):
            return None
        return frozenset((TABLE, r) for r in rows)
