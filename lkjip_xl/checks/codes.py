"""Budget codes: duplicates (VAL008), a code under the wrong parent (VAL009), a parent code that
appears nowhere (BUD010), a parent without children (BUD009), and a typed level that disagrees with
the code (BUD013).

Rows of the Realisasi table with a blank code whose uraian starts with JUMLAH or TOTAL are total
rows, not codes; other rows with a blank code or a code that is not a programme/kegiatan/sub
kegiatan code are left out of the tree (the reader reports their values).
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Iterable

from ..calc.budget import BudgetNode, BudgetRow, build_tree, level_of, normalise_code, parent_code
from ..calc.decimals import number_or_none
from ..schema.lists import values as list_values
from .compare import is_blank
from ..findings import Finding

CODE_TABLES = ("realisasi", "pk_program", "ra_kegiatan")
_CHILD = {"program_without_kegiatan": "kegiatan", "kegiatan_without_sub_kegiatan": "sub kegiatan"}


def norm(code: Any) -> str | None:
    """Canonical text of a code; the stripped text when it is not a budget code; None if blank."""
    if is_blank(code):
        return None
    text = str(code).strip()
    return normalise_code(text) if level_of(text) else text


def is_total_row(kode: Any, uraian: Any) -> bool:
    """A blank code and an uraian starting with JUMLAH/TOTAL (spaces ignored: ``T O T A L``)."""
    text = re.sub(r"\s+", "", str(uraian or "")).lower()
    return is_blank(kode) and text.startswith(("jumlah", "total"))


def amount(value: Any):
    """A read amount as int or Decimal (both exact); None when blank or not a number."""
    if type(value) is int or type(value) is Decimal:
        return value  # the common case, kept as it is (both exact)
    return number_or_none(value)


TREE_FIELDS = ("pagu_murni", "pagu_perubahan", "realisasi", "sisa")


def realisasi_tree(table, fields: Iterable[str] = TREE_FIELDS) -> tuple[list[BudgetNode], list, list[int]]:
    """(roots, problems, total row indexes) of the Realisasi table; node.row_id is the row index.
    Built once per table and field set (the code and budget rules share it)."""
    fields = tuple(f for f in fields if f in table.values)
    cache = table.__dict__.setdefault("_tree_cache", {})
    if fields not in cache:
        cache[fields] = _build_realisasi_tree(table, fields)
    return cache[fields]


def _build_realisasi_tree(table, fields: tuple[str, ...]):
    rows, totals = [], []
    kode, uraian = table.values.get("kode"), table.values.get("uraian")
    if kode is None:
        return [], [], []
    for i in range(len(table)):
        if is_total_row(kode[i], uraian[i] if uraian else None):
            totals.append(i)
        elif not is_blank(kode[i]):
            rows.append(BudgetRow(str(kode[i]), i, {f: amount(table.values[f][i]) for f in fields}))
    roots, problems = build_tree(rows)
    return roots, problems, totals


def check(ctx) -> Iterable[Finding]:
    table = ctx.model.table("realisasi")
    if table is not None and "kode" in table.values:
        yield from _realisasi(table)
    for key in CODE_TABLES[1:]:
        other = ctx.model.table(key)
        if other is not None and "kode" in other.values:
            yield from _duplicates(other)


def _realisasi(table) -> Iterable[Finding]:
    roots, problems, _ = realisasi_tree(table)
    nodes = {}
    stack = list(roots)
    while stack:
        node = stack.pop()
        nodes[node.row_id] = node
        stack.extend(node.children)
    sheet, cell = table.sheet, (lambda i: table.cell("kode", i))
    for p in problems:
        if p.kind == "duplicate_code":
            yield Finding("VAL008", sheet, cell(p.row_id), found=p.code, params={"other": cell(p.other_row_id)})
        elif p.kind == "wrong_parent":
            node = nodes.get(p.row_id)
            host = node.parent if node else None
            want = parent_code(p.code)
            parent_level = level_of(want) if want else None
            # the prefix should be the code of the row it sits under (or, with no such row, the implied one)
            expected = host.code if host is not None and host.level == parent_level else want
            yield Finding("VAL009", sheet, cell(p.row_id), expected=expected, found=p.code,
                          params={"parent": host.code if host is not None else "-", "implied": want})
        elif p.kind == "orphan":
            yield Finding("BUD010", sheet, cell(p.row_id), expected=parent_code(p.code), found=p.code)
        elif p.kind in _CHILD:
            yield Finding("BUD009", sheet, cell(p.row_id), params={"kode": p.code, "child": _CHILD[p.kind]})
    yield from _levels(table)


def _levels(table) -> Iterable[Finding]:
    if "level" not in table.values:
        return
    allowed = set(list_values("level"))
    for i, typed in enumerate(table.values["level"]):
        if is_blank(typed) or typed not in allowed:  # blank: derived; not in list: VAL007 already
            continue
        level = level_of(str(table.values["kode"][i] or ""))
        if level is not None and level.replace("_", " ") != typed:
            yield Finding("BUD013", table.sheet, table.cell("level", i), expected=level.replace("_", " "),
                          found=typed, params={"kode": norm(table.values["kode"][i])})


def _duplicates(table) -> Iterable[Finding]:
    first: dict[str, int] = {}
    for i, raw in enumerate(table.values["kode"]):
        code = norm(raw)
        if code is None:
            continue
        if code in first:
            yield Finding("VAL008", table.sheet, table.cell("kode", i), found=code,
                          params={"other": table.cell("kode", first[code])})
        else:
            first[code] = i
