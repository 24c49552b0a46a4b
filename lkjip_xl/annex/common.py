"""What every annex table builder needs: the checked workbook (``Book``), language, rounding,
and the budget tree with its roll-ups (parents and TOTAL computed by lkjip-xl)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from typing import Any

from ..calc.budget import BudgetRow, build_tree, normalise_code, sisa
from ..calc.decimals import CALC_PRECISION, apply_rounding, to_decimal
from ..calc.numbers_id import format_id
from ..checks.engine import CheckContext

PLACES = 2  # percentages are shown with two decimals


def ylabel(year) -> str:
    """A year for a title or header ("…" when the workbook does not state it)."""
    return str(year) if year else "…"


def tr(lang: str, id_: str, en: str) -> str:
    return en if lang == "en" else id_


def money(value: Any) -> int | Decimal | None:
    """Rupiah as an exact number: int when whole, Decimal with sen otherwise."""
    if value is None or isinstance(value, str):
        return None
    d = to_decimal(value)
    return int(d) if d == d.to_integral_value() else d


def number(value: Any) -> Decimal | None:
    if value is None or isinstance(value, (str, bool)):
        return None
    return to_decimal(value)


def add(values) -> int | Decimal | None:
    present = [to_decimal(v) for v in values if v is not None]
    if not present:
        return None
    with localcontext() as ctx:
        ctx.prec = 80
        return money(sum(present, Decimal(0)))


def places_of(value: Any) -> int:
    d = number(value)
    if d is None:
        return 0
    exp = d.normalize().as_tuple().exponent
    return min(max(0, -exp), 4) if isinstance(exp, int) else 0


def fmt_num(value: Any, places: int | None = None) -> str:
    d = number(value)
    if d is None:
        return ""
    return format_id(d, places_of(d) if places is None else places)


def split_codes(text: Any) -> list[str]:
    """"01, 02" / "01;02" -> ["01", "02"] (normalised where they are budget codes)."""
    if text is None:
        return []
    out = []
    for part in re.split(r"[,;\s]+", str(text)):
        part = part.strip()
        if not part:
            continue
        try:
            part = normalise_code(part)
        except ValueError:
            pass
        if part not in out:
            out.append(part)
    return out


@dataclass
class Book:
    """One checked workbook: "cur" (the report year) or "prev" (--tahun-lalu)."""

    tag: str
    ctx: CheckContext
    _budget: "Budget | None" = field(default=None, repr=False)

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

    def ratio(self, num: Any, den: Any) -> Decimal | None:
        n, d = number(num), number(den)
        if n is None or d is None or d == 0:
            return None
        with localcontext() as c:
            c.prec = CALC_PRECISION
            return self.pct(n * 100 / d)

    @property
    def budget(self) -> "Budget":
        if self._budget is None:
            self._budget = Budget.of(self)
        return self._budget


def rounding_text(book: Book, lang: str) -> str:
    if book.settings.rounding == "truncate":
        return tr(lang, "persen dipotong (bukan dibulatkan) pada 2 desimal",
                  "percentages truncated to 2 decimals")
    return tr(lang, "persen dibulatkan setengah ke atas pada 2 desimal",
              "percentages rounded half up to 2 decimals")


# --------------------------------------------------------------------------- budget tree

@dataclass
class Line:
    """A row of the budget table with its amounts; parents carry Σ of their children."""

    code: str
    level: str  # program / kegiatan / sub_kegiatan
    depth: int  # place in the tree as the sheet has it
    uraian: str
    index: int  # row index in the realisasi table
    pagu: int | Decimal | None
    realisasi: int | Decimal | None
    pagu_key: str | None  # column the pagu comes from (leaf) or was typed in (parent)
    rolled: bool = False  # amounts are Σ children
    children: list["Line"] = field(default_factory=list)
    occurrence: int = 0  # n-th row with this code (duplicates)

    @property
    def key(self) -> tuple[str, int]:
        return (self.code, self.occurrence)

    @property
    def sisa(self):
        return None if self.pagu is None or self.realisasi is None else money(sisa(self.pagu, self.realisasi))


@dataclass
class Budget:
    lines: list[Line]  # depth-first, sheet order
    programs: list[Line]
    total_pagu: int | Decimal | None
    total_realisasi: int | Decimal | None
    murni_codes: list[str]  # leaves whose pagu is the murni one (no perubahan typed)
    perubahan_count: int
    skipped: int  # rows without a usable code (a typed TOTAL row, blank lines)

    @classmethod
    def of(cls, book: Book) -> "Budget":
        rows = book.rows("realisasi")
        items, skipped = [], 0
        for i, r in enumerate(rows):
            if r.get("kode") in (None, ""):
                skipped += 1
                continue
            items.append(BudgetRow(str(r["kode"]), i, {}))
        roots, problems = build_tree(items)
        skipped += sum(1 for p in problems if p.kind == "invalid_code")
        seen: dict[str, int] = {}
        murni: list[str] = []
        count = {"perubahan": 0}

        def make(node, depth: int) -> Line:
            r = rows[node.row_id]
            occ = seen.get(node.code, 0)
            seen[node.code] = occ + 1
            if r.get("pagu_perubahan") is not None:
                pagu_key = "pagu_perubahan"
            elif r.get("pagu_murni") is not None:
                pagu_key = "pagu_murni"
            else:
                pagu_key = None
            line = Line(node.code, node.level, depth, str(r.get("uraian") or ""), node.row_id,
                        money(r.get(pagu_key)) if pagu_key else None, money(r.get("realisasi")), pagu_key,
                        occurrence=occ)
            line.children = [make(c, depth + 1) for c in node.children]
            if line.children:
                for name in ("pagu", "realisasi"):
                    values = [getattr(c, name) for c in line.children]
                    if all(v is not None for v in values):
                        setattr(line, name, add(values))
                        line.rolled = True
            elif pagu_key == "pagu_murni":
                murni.append(node.code)
            elif pagu_key == "pagu_perubahan":
                count["perubahan"] += 1
            return line

        tops = [make(n, 0) for n in roots]
        lines: list[Line] = []

        def walk(ls):
            for line in ls:
                lines.append(line)
                walk(line.children)

        walk(tops)
        programs = [line for line in tops if line.level == "program"] or tops
        return cls(lines, programs, add(p.pagu for p in programs), add(p.realisasi for p in programs),
                   murni, count["perubahan"], skipped)

    def program(self, code: str) -> Line | None:
        return next((p for p in self.programs if p.code == code), None)

    def find(self, code: str) -> Line | None:
        return next((line for line in self.lines if line.code == code), None)


def pagu_note(budgets: list[tuple[str, Budget]], lang: str) -> str:
    """Which pagu the amounts use (perubahan when filled, else murni), per year."""
    parts = []
    for label, b in budgets:
        if not b.murni_codes:
            used = tr(lang, "pagu perubahan", "revised budget") if b.perubahan_count else "-"
        elif not b.perubahan_count:
            used = tr(lang, "pagu murni", "original budget")
        else:
            shown = ", ".join(b.murni_codes[:8]) + (" …" if len(b.murni_codes) > 8 else "")
            used = tr(lang, f"pagu perubahan, kecuali pagu murni untuk {shown}",
                      f"revised budget, except the original budget for {shown}")
        parts.append(f"{label}: {used}" if label else used)
    return tr(lang, "Anggaran = pagu perubahan (APBD-P) bila diisi, selain itu pagu murni (APBD); dipakai: ",
              "Budget = revised budget (APBD-P) when filled, else the original budget (APBD); used: ") \
        + "; ".join(parts) + "."
