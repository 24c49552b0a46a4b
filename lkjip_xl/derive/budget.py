"""The budget tree of the Realisasi sheet, built once per workbook: program > kegiatan > sub
kegiatan rows with their own amounts, the sums of their children, the typed total rows, and what
the report prints for each line.

Every rule about budget amounts reads this tree: ``check`` compares a typed parent with the sum
of its children (``children_sum``) and a typed sisa or % with the row's own relation; the annex
prints ``shown_pagu`` / ``shown_realisasi`` (a parent's children summed when every child has the
amount, else what the parent row holds) and the sisa and % of those.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from ..calc.budget import (
    LEVELS, BudgetProblem, BudgetRow, add_amounts, add_complete, build_tree, codes_by_level, is_total_row, pagu_efektif, sisa,
    typed_level,
)
from ..calc.decimals import number_or_none, percent

# the amounts a row carries; "pagu" is the effective pagu (calc.budget.pagu_efektif)
AMOUNTS = ("pagu_murni", "pagu_perubahan", "realisasi", "sisa", "persen_realisasi")
MONEY_AMOUNTS = AMOUNTS[:4]


def money(value: Any) -> int | Decimal | None:
    """An exact amount: int when whole (rupiah), Decimal with sen; None for blank or text."""
    if type(value) is int:
        return value
    d = number_or_none(value)
    if d is None:
        return None
    return int(d) if d == d.to_integral_value() else d


@dataclass(frozen=True)
class Sum:
    """Σ of one amount over a line's children. ``missing``: the children (row indexes) without
    the amount; ``value`` is None when no child has it."""

    value: int | Decimal | None
    missing: tuple[int, ...] = ()

    @property
    def complete(self) -> bool:
        return self.value is not None and not self.missing


@dataclass(eq=False)
class BudgetLine:
    index: int  # row index in the Realisasi table
    code: str
    level: str  # program / kegiatan / sub_kegiatan
    uraian: str
    amounts: dict[str, Any]  # the row's own: typed inputs; sisa and % as typed over the formula or derived
    depth: int = 0  # place in the tree as the sheet has it
    occurrence: int = 0  # n-th row with this code (duplicates)
    coded: bool = True  # False: the sheet has no codes, ``code`` was made from the Tingkat column
    children: list["BudgetLine"] = field(default_factory=list)
    parent: "BudgetLine | None" = field(default=None, repr=False)

    @property
    def row_id(self) -> int:
        return self.index

    @property
    def printed_code(self) -> str:
        """The code as the report prints it: blank when the sheet had none."""
        return self.code if self.coded else ""

    @property
    def key(self) -> tuple[str, int]:
        return (self.code, self.occurrence)

    @property
    def pagu(self) -> int | Decimal | None:
        """The row's own effective pagu (perubahan when filled, else murni)."""
        return pagu_efektif(self.amounts.get("pagu_murni"), self.amounts.get("pagu_perubahan"))

    @property
    def pagu_key(self) -> str | None:
        """The column the row's own pagu comes from."""
        if self.amounts.get("pagu_perubahan") is not None:
            return "pagu_perubahan"
        return "pagu_murni" if self.amounts.get("pagu_murni") is not None else None

    def children_sum(self, name: str) -> Sum:
        """Σ of an amount over the children. For ``pagu_perubahan`` a child without a revised
        budget counts with its murni (its pagu did not change); ``pagu`` sums effective pagu."""
        if name == "pagu_perubahan" and all(c.amounts.get(name) is None for c in self.children):
            return Sum(None, tuple(c.index for c in self.children))
        pick = (lambda c: c.pagu) if name in ("pagu", "pagu_perubahan") else (lambda c: c.amounts.get(name))
        values = [(c.index, pick(c)) for c in self.children]
        return Sum(add_amounts(v for _, v in values), tuple(i for i, v in values if v is None))

    # ------------------------------------------------------------------ what the report prints
    @cached_property
    def rolled(self) -> bool:
        """The printed amounts are the children's sum (every child has pagu and realisasi)."""
        return bool(self.children) and all(
            c.shown_pagu is not None and c.shown_realisasi is not None for c in self.children)

    @cached_property
    def shown_pagu(self) -> int | Decimal | None:
        return add_amounts(c.shown_pagu for c in self.children) if self.rolled else self.pagu

    @cached_property
    def shown_realisasi(self) -> int | Decimal | None:
        if self.rolled:
            return add_amounts(c.shown_realisasi for c in self.children)
        return self.amounts.get("realisasi")

    @property
    def shown_sisa(self) -> int | Decimal | None:
        return difference(self.shown_pagu, self.shown_realisasi)

    @property
    def shown_persen(self) -> Decimal | None:
        return percent(self.shown_realisasi, self.shown_pagu)


def difference(pagu, realisasi) -> int | Decimal | None:
    """sisa = pagu − realisasi as an exact amount (calc.budget.sisa)."""
    return money(sisa(pagu, realisasi))


@dataclass
class BudgetTree:
    roots: list[BudgetLine]
    lines: list[BudgetLine]  # depth-first, sheet order
    problems: list[BudgetProblem]  # invalid, duplicate, misplaced codes; parents without children
    totals: list[int]  # row indexes of typed total rows (JUMLAH / TOTAL)
    skipped: int  # rows left out of the tree: no usable code, total rows
    by_level: bool = False  # no row had a code: the tree comes from the Tingkat column and row order
    uncoded: list[int] = field(default_factory=list)  # rows with amounts but no code, left out of a coded tree
    subtotals: dict[int, "BudgetLine"] = field(default_factory=dict)  # a programme's or kegiatan's JUMLAH row -> it
    numbered: bool = False  # the codes were each level's row numbers (1, 1, 2 …): full codes made with the Tingkat column

    @property
    def programs(self) -> list[BudgetLine]:
        return [line for line in self.roots if line.level == "program"] or self.roots

    @property
    def total_pagu(self) -> int | Decimal | None:
        """The printed TOTAL: None when a programme has no pagu (never a partial total)."""
        return add_complete(p.shown_pagu for p in self.programs)

    @property
    def total_realisasi(self) -> int | Decimal | None:
        return add_complete(p.shown_realisasi for p in self.programs)

    def without(self, name: str) -> list[str]:
        """Codes of the programmes lacking a printed amount (``pagu`` or ``realisasi``)."""
        attr = "shown_pagu" if name == "pagu" else "shown_realisasi"
        return [p.code for p in self.programs if getattr(p, attr) is None]

    def totalled(self, t: int | None) -> list[BudgetLine]:
        """The lines a total row adds up: the programmes, or a subtotal's one programme or kegiatan."""
        return [self.subtotals[t]] if t in self.subtotals else self.programs

    def total_sum(self, name: str, t: int | None = None) -> Sum:
        """Σ of an amount over the lines a total row adds up (what it must hold): the programmes,
        or, for a subtotal row ``t``, its programme or kegiatan."""
        return BudgetLine(-1, "", "", "", {}, children=self.totalled(t)).children_sum(name)

    def program(self, code: str) -> BudgetLine | None:
        return next((p for p in self.programs if p.code == code), None)

    def find(self, code: str) -> BudgetLine | None:
        return next((line for line in self.lines if line.code == code), None)

    @property
    def leaves(self) -> list[BudgetLine]:
        return [line for line in self.lines if not line.children]


def build_budget(rows: list[dict[str, Any]]) -> BudgetTree:
    """The tree of a Realisasi table from its rows in sheet order (each a dict with kode, level,
    uraian and the AMOUNTS as the workbook holds them). Without any code the tree is built from the
    Tingkat column and the order of the rows (many published tables have no code column)."""
    total = [is_total_row(r.get("kode"), r.get("uraian")) for r in rows]
    codes = [None if t else r.get("kode") for t, r in zip(total, rows)]
    has_code = [c is not None and str(c).strip() != "" for c in codes]
    by_level = not any(has_code) and any(typed_level(r.get("level")) for r in rows)
    if by_level:
        codes = codes_by_level([None if t else typed_level(r.get("level")) for t, r in zip(total, rows)])
        has_code = [c is not None for c in codes]
    numbered = not by_level and _row_numbers(rows, codes, has_code)
    if numbered:
        codes = _numbered(rows, codes, has_code)
    items, totals, skipped, uncoded = [], [], 0, []
    for i, r in enumerate(rows):
        if total[i]:
            totals.append(i)
            skipped += 1
        elif not has_code[i]:
            skipped += 1
            if any(r.get(k) is not None for k in AMOUNTS[:3]):
                uncoded.append(i)
        else:
            amounts = {k: money(r.get(k)) for k in MONEY_AMOUNTS}
            amounts["persen_realisasi"] = number_or_none(r.get("persen_realisasi"))
            items.append(BudgetRow(str(codes[i]), i, amounts))
    nodes, problems = build_tree(items)
    skipped += sum(1 for p in problems if p.kind == "invalid_code")
    seen: dict[str, int] = {}
    lines: list[BudgetLine] = []

    # depth first, in sheet order, without a recursive closure (a cycle: with the cycle collector
    # paused during a check it would keep every row of the sheet alive to the end)
    roots: list[BudgetLine] = []
    stack = [(node, 0, None) for node in reversed(nodes)]
    while stack:
        node, depth, parent = stack.pop()
        occurrence = seen.get(node.code, 0)
        seen[node.code] = occurrence + 1
        line = BudgetLine(node.row_id, node.code, node.level, str(rows[node.row_id].get("uraian") or ""),
                          node.amounts, depth, occurrence, parent=parent, coded=not by_level)
        lines.append(line)
        (roots if parent is None else parent.children).append(line)
        stack.extend((child, depth + 1, line) for child in reversed(node.children))
    totals, subtotals = _subtotals(totals, rows, lines, [item.row_id for item in items])
    return BudgetTree(roots, lines, problems, totals, skipped, by_level, uncoded, subtotals, numbered)


def _row_numbers(rows, codes, has_code) -> bool:
    """Whether the Kode column holds each level's row numbers, as published tables number their
    rows (programme 1, its kegiatan 1 and 2, their sub kegiatan 1, 2, 3 …): every code a whole
    number, every coded row's Tingkat filled, and some of them below a programme."""
    coded = [(c, r) for c, r, h in zip(codes, rows, has_code) if h]
    if not coded or not all(str(c).strip().isdigit() for c, _ in coded):
        return False  # the common case, codes with dots: no Tingkat read
    levels = [typed_level(r.get("level")) for _, r in coded]
    return all(levels) and any(level != "program" for level in levels)


def _numbered(rows, codes, has_code) -> list:
    """Full codes from row numbers and the Tingkat column: a kegiatan numbered 2 under programme 1
    is 1.2, its sub kegiatan numbered 3 is 1.2.3 (one numbered before any programme hangs under 0,
    and build_tree reports it)."""
    prefix: list[str] = ["0", "0"]
    out = []
    for code, r, h in zip(codes, rows, has_code):
        if not h:
            out.append(code)
            continue
        depth, number = LEVELS.index(typed_level(r.get("level"))), str(int(str(code).strip()))
        prefix = [*prefix[:depth], number, "0", "0"][:3]
        out.append(".".join(prefix[:depth + 1]))
    return out


_SUBTOTAL_LABEL = re.compile(r"\bprogram\b|^\s*sub\s*(?:total|jumlah)", re.IGNORECASE)
# the export's (SIPD, SIMDA) line closing a kegiatan's block: "Jumlah Kegiatan 01.01 …"
_KEGIATAN_LABEL = re.compile(r"^\s*(?:jumlah|total)\s+kegiatan\b", re.IGNORECASE)
_COMPARED = ("pagu_murni", "pagu_perubahan", "realisasi")


def _subtotals(totals: list[int], rows: list[dict[str, Any]], lines: list[BudgetLine], coded: list[int]
               ) -> tuple[list[int], dict]:
    """Total rows split into the table's totals and subtotals, with coded rows still below them
    (a TOTAL row with a row added below it stays the table's total): a JUMLAH row that says it is
    a programme's or a subtotal ("Jumlah Program 01", "Sub Total") closes the programme block
    above it and is that programme's total; one that says it is a kegiatan's ("Jumlah Kegiatan
    01.01", as the finance office's export closes each kegiatan, pasted with its rows) is the
    kegiatan's above it, also when only a total row follows; a bare JUMLAH with a total row still
    below it that holds the amounts of the kegiatan or programme above it is that line's."""
    grand, sub = [], {}
    if not totals:
        return grand, sub
    starts = {level: sorted((line for line in lines if line.level == level), key=lambda line: line.index)
              for level in ("program", "kegiatan")}
    at = {level: [line.index for line in starts[level]] for level in starts}
    last_coded = max(coded, default=-1)
    for t in totals:
        label = f"{rows[t].get('kode') or ''} {rows[t].get('uraian') or ''}"
        above = {level: starts[level][k - 1] if (k := bisect_left(at[level], t)) else None for level in starts}
        later, closes = last_coded > t, t != totals[-1]
        if above["kegiatan"] is not None and _KEGIATAN_LABEL.search(label) and (later or closes):
            sub[t] = above["kegiatan"]
        elif above["program"] is not None and later and _SUBTOTAL_LABEL.search(label):
            sub[t] = above["program"]
        elif later and closes and (owner := next((above[level] for level in ("kegiatan", "program")
                                                  if _holds(above[level], rows[t])), None)) is not None:
            sub[t] = owner
        else:
            grand.append(t)
    return grand, sub


def _holds(line: BudgetLine | None, row: dict[str, Any]) -> bool:
    """A total row's amounts are ``line``'s own: each it has equals the line's, pagu and realisasi
    at least."""
    typed = {k: money(row.get(k)) for k in _COMPARED}
    if line is None or typed["realisasi"] is None or (typed["pagu_murni"] is None and typed["pagu_perubahan"] is None):
        return False
    return all(v is None or v == line.amounts.get(k) for k, v in typed.items())
