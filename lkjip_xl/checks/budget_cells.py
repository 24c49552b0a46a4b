"""The typed cells behind an amount of the Realisasi sheet, as terms of the budget relations
(``checks/relations.py``): a row's pagu murni, realisasi, effective pagu (the perubahan cell when
filled, else the murni cell) and sisa (its own cell when typed, else what its formula is made of:
effective pagu − realisasi). A parent or total cell holding a formula (a SUM of the rows below)
stands for its children's cells: its value follows theirs."""
from __future__ import annotations

from typing import Any, Callable

from ..derive.budget import money
from ..derive.rows import derivations_of
from ..i18n import Text
from .relations import Ref

# an amount column as a message names it (the English template's column headers)
FIELD_NAME = {"pagu_murni": Text("pagu murni", "original budget"), "pagu_perubahan": Text("pagu perubahan", "revised budget"),
              "realisasi": Text("realisasi", "spending"), "sisa": Text("sisa", "balance")}

TABLE = "realisasi"
# the kinds of cell a budget relation over Realisasi rows is made of (see Relation.kinds)
AMOUNT_KEYS = ("pagu_murni", "pagu_perubahan", "realisasi", "sisa")
AMOUNT_CELLS = frozenset((TABLE, key) for key in AMOUNT_KEYS)


class BudgetCells:
    def __init__(self, ctx, table) -> None:
        self.table = table
        self.rows = ctx.wb.row_values(TABLE)
        self.tree = ctx.wb.budget
        self._kids: dict[int, list] | None = None
        self._terms: dict[tuple[int, str], list] = {}
        self._under: dict[int, frozenset] = {}
        self._summing: set[int] | None = None  # the rows adding up others with a formula in an amount
        self._row_keys = [(TABLE, i) for i in range(len(self.rows))]  # one tuple per row, shared by every set
        self._derived = frozenset(derivations_of(table.table))
        self._typed: dict[str, list] = {}  # an input column's amounts, converted once

    def amount(self, i: int, key: str) -> Any:
        column = self._typed.get(key)
        if column is None:
            if key in self._derived:  # sisa: its derivation unless typed over
                return money(self.rows[i].get(key))
            values = self.table.values.get(key)
            column = self._typed[key] = list(map(money, values)) if values is not None else [None] * len(self.rows)
        return column[i]

    def pagu_key(self, i: int) -> str:
        return "pagu_perubahan" if self.amount(i, "pagu_perubahan") is not None else "pagu_murni"

    def quoted(self, i: int, name: str) -> Any:
        """The amount another sheet quotes: ``pagu`` is the row's effective pagu, else the column."""
        return self.amount(i, self.pagu_key(i) if name == "pagu" else name)

    def ref(self, i: int, key: str) -> Ref:
        return Ref(TABLE, i, key)

    def _formula(self, key: str, i: int) -> bool:
        flags = self.table.has_formula.get(key)
        return bool(flags and flags[i])

    def kids_by_row(self) -> dict[int, list]:
        """Row -> the rows it adds up (a parent's children, a total's programmes), as budget lines."""
        if self._kids is None:
            self._kids = {line.index: line.children for line in self.tree.lines}
            self._kids.update({t: self.tree.totalled(t) for t in (*self.tree.totals, *self.tree.subtotals)})
        return self._kids

    def kids(self, i: int) -> list:
        """The rows a parent (or total) row adds up, as budget lines."""
        return self.kids_by_row().get(i, [])

    def terms(self, i: int, name: str, sign: int = 1) -> list[tuple[Ref, int, Any]]:
        """(cell, coefficient, value) of one amount of row ``i``: ``pagu_murni``, ``realisasi``,
        ``pagu`` (effective) or ``sisa``. Worked out once per row and amount (a parent holding a
        formula stands for its children's, and a programme's for all its rows')."""
        found = self._terms.get((i, name))
        if found is None:
            found = self._terms[(i, name)] = self._own_terms(i, name)
        return found if sign == 1 else [(ref, -coeff, value) for ref, coeff, value in found]

    def _own_terms(self, i: int, name: str) -> list[tuple[Ref, int, Any]]:
        if name == "sisa":
            if not self._formula("sisa", i) and self.rows[i].values.get("sisa") is not None:
                return [(self.ref(i, "sisa"), 1, self.amount(i, "sisa"))]
            return self.terms(i, "pagu") + self.terms(i, "realisasi", -1)
        key = self.pagu_key(i) if name == "pagu" else name
        if self._formula(key, i) and self.kids(i):
            return [t for kid in self.kids(i) for t in self.terms(kid.index, name)]
        return [(self.ref(i, key), 1, self.amount(i, key))]

    def near(self, i: int, kids) -> Callable[[], frozenset]:
        """The rows a roll-up's cells are in, worked out when first asked (once for the roll-ups of
        every amount of a parent): its row and its children's, and where one of them holds a
        formula (its cells are then its own children's), the rows below them too."""
        found: list[frozenset] = []

        def rows() -> frozenset:
            if not found:
                found.append(self.rows_below([i, *(k.index for k in kids)]))
            return found[0]
        return rows

    def rows_below(self, rows) -> frozenset:
        """The Realisasi rows ``rows`` and every row below a row holding a formula, as (table, row)."""
        own, sets = [], []  # rows standing for themselves; the rows below a row holding a formula
        for i in rows:
            below = self._below(i)
            if below is None:
                own.append(self._row_keys[i])
            else:
                sets.append(below)
        widest = max(sets, key=len, default=None)
        if widest is not None and all(s <= widest for s in sets) and all(k in widest for k in own):
            return widest  # a parent holding a formula covers its children: its own set
        return frozenset(own).union(*sets)

    def _below(self, i: int) -> frozenset | None:
        """Row ``i`` and the rows below it when it holds a formula (kept once per such row); None
        when it holds none (it stands for itself alone)."""
        if self._summing is None:
            self._summing = {j for j, kids in self.kids_by_row().items()
                             if kids and any(self._formula(key, j) for key in AMOUNT_KEYS)}
        if i not in self._summing:
            return None
        found = self._under.get(i)
        if found is None:
            found = self._under[i] = frozenset((self._row_keys[i],)).union(
                *(self._below(kid.index) or (self._row_keys[kid.index],) for kid in self.kids(i)))
        return found
