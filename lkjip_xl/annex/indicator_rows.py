"""Shared pieces of the indicator tables (1, 2, 3, 6, 7): the PK sheet's sasaran groups and
their indicators, target and number cells, and rows with No/Sasaran spanning their group."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..derive.kinerja import PK, sasaran_groups
from .common import Book, fmt_num, number, places_of
from .model import TEXT, Cell, Row

__all__ = ["PK", "Group", "Indicator", "groups", "target_cell", "num_cell", "group_rows", "span", "code_of", "year_of",
           "year_values"]


@dataclass
class Indicator:
    index: int
    row: dict
    derived: dict


@dataclass
class Group:
    """A sasaran strategis and its indicators (the sheet leaves No/Sasaran blank below the first)."""

    no: str
    sasaran: str
    first: int  # row index of the row that typed the sasaran
    items: list[Indicator] = field(default_factory=list)


def groups(book: Book) -> list[Group]:
    rows = book.rows(PK)
    derived = book.ctx.derived(PK)
    out = []
    for s in sasaran_groups(rows):
        g = Group(s.no, s.name, s.first)
        g.items = [Indicator(i, rows[i], derived[i] if i < len(derived) else {}) for i in s.indexes]
        out.append(g)
    return out


def target_cell(book: Book, ind: Indicator, predikat: bool = True, lang: str = "id") -> Cell:
    """The indicator's target; ``predikat``: with its grade letter, "B (82,15)" (its number in
    ``lang``)."""
    t = ind.row.get("target")
    src = book.src(PK, "target", ind.index)
    pred = str(ind.row.get("target_predikat") or "").strip()
    if pred and number(t) is None:  # a target that is only a letter is that letter in every table
        return Cell(pred, kind=TEXT, align="right", src=src)
    if predikat and pred:
        return Cell(f"{pred} ({fmt_num(t, lang=lang)})", kind=TEXT, align="right", src=src)
    if isinstance(t, str):
        return Cell(t, kind=TEXT, align="right", src=src)
    return Cell(number(t), places=places_of(t), src=src)


def num_cell(book: Book, key: str, col: str, i: int, value) -> Cell:
    if isinstance(value, str):
        return Cell(value, kind=TEXT, align="right", src=book.src(key, col, i))
    return Cell(number(value), places=places_of(value), src=book.src(key, col, i))


def group_rows(book: Book, spans: list[tuple[Group, list[int]]], build) -> list[Row]:
    """Rows for groups: ``build(group, indicator, k, first_of_group)`` gives one row per
    sub-row k of an indicator; No and Sasaran span their group (and the caller spans the
    indicator cells over its sub-rows)."""
    rows = []
    for group, counts in spans:
        total = sum(counts)
        first = True
        for ind, n in zip(group.items, counts):
            for k in range(n):
                cells = build(group, ind, k, n)
                if first:
                    ok = group.first >= 0
                    cells[0] = Cell(group.no, rowspan=total, align="center",
                                    src=book.src(PK, "no", group.first) if ok else None)
                    cells[1] = Cell(group.sasaran, rowspan=total,
                                    src=book.src(PK, "sasaran", group.first) if ok else None)
                else:
                    cells[0] = cells[1] = None
                first = False
                rows.append(Row(cells, src_rows=[book.src_line(PK, ind.index, 2)] if k == 0 else []))
    return rows


def span(cell: Cell, k: int, n: int) -> Cell | None:
    """An indicator cell spanning the indicator's n sub-rows (None below the first)."""
    if k:
        return None
    cell.rowspan = n
    return cell


def code_of(row) -> str:
    """The indicator code of a row (trimmed)."""
    return str(row.get("kode_indikator") or "").strip()


def year_of(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def year_values(book: Book, prev: Book | None) -> dict[tuple[str, int], tuple]:
    """(indicator code, year) -> (target cell, realisasi cell, capaian cell) for the years before
    this one: the history sheet, and last year's workbook (--tahun-lalu) for its year, with its
    own target and rules."""
    out = {}
    hist = book.rows("riwayat_indikator")
    derived = book.ctx.wb.riwayat if hist else []
    for i, r in enumerate(hist):
        y = year_of(r.get("tahun"))
        if y is None or (book.year and y >= book.year):
            continue
        out[(code_of(r), y)] = (num_cell(book, "riwayat_indikator", "target", i, r.get("target")),
                              num_cell(book, "riwayat_indikator", "realisasi", i, r.get("realisasi")),
                              Cell(book.pct(derived[i]["capaian"])))
    if prev is not None and prev.year:
        pd = prev.ctx.derived(PK)
        for i, r in enumerate(prev.rows(PK)):
            out[(code_of(r), prev.year)] = (
                num_cell(prev, PK, "target", i, r.get("target")), num_cell(prev, PK, "realisasi", i, r.get("realisasi")),
                Cell(prev.pct(pd[i].get("capaian")), src=prev.src(PK, "capaian", i)))
    return out
