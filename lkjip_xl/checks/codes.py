"""Budget codes: duplicates (VAL008; indicator codes of the PK and the Rencana Aksi too), a code under the wrong parent (VAL009) or a row out of place
under it (VAL022: its sums hold under its code's parent, where it is counted), a code that is no budget
code at all (VAL024: the row is left out of the tree; VAL027 when it is a code whose dots were lost), a parent code that
appears nowhere (BUD010), a parent without children (BUD009), and a typed level that disagrees with
the code (BUD013).

The tree is the derived workbook's budget tree (``derive/budget.py``): total rows (no code, an
uraian starting with JUMLAH or TOTAL) are not codes; other rows with a blank code or a code that is
not a programme/kegiatan/sub kegiatan code are left out of it (the reader reports their values).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterable

from ..calc.budget import dots_lost, level_of, normalise_code, parent_code
from ..findings import Finding
from ..i18n import Text
from ..schema.lists import values as list_values
from ..schema.types import ColType
from .compare import is_blank
from .kinerja import code_key

CODE_TABLES = ("realisasi", "pk_program", "ra_kegiatan")
INDICATOR_TABLES = ("pk_indikator", "ra_indikator")
_CHILD = {"program_without_kegiatan": Text("kegiatan", "activity"),
          "kegiatan_without_sub_kegiatan": Text("sub kegiatan", "sub-activity")}


def norm(code: Any) -> str | None:
    """Canonical text of a code; the stripped text when it is not a budget code; None if blank."""
    if is_blank(code):
        return None
    text = str(code).strip()
    return normalise_code(text) if level_of(text) else text


def check(ctx) -> Iterable[Finding]:
    table = ctx.model.table("realisasi")
    if table is not None and "kode" in table.values:
        yield from _realisasi(table, ctx.wb.budget)
    for key in CODE_TABLES[1:]:
        other = ctx.model.table(key)
        if other is not None and "kode" in other.values:
            yield from _duplicates(other)
    for key in INDICATOR_TABLES:  # an indicator's code names one row: the Rencana Aksi, the annex look it up
        other = ctx.model.table(key)
        if other is not None and "kode_indikator" in other.values:
            yield from _duplicates(other, "kode_indikator")


# the columns a whole table is sorted on instead of its codes: its names, else its amounts
SORT_NAME, SORT_AMOUNTS = "uraian", ("pagu_murni", "pagu_perubahan", "realisasi")
BY_AMOUNT = Text(" menurut jumlah", " by amount")


def _sorted_by(table, totals: set[int]) -> Text:
    """The wording of VAL023's guess: " menurut kolom Uraian" when the table's coded rows run in
    the order of their names (read without case), up or down; of one amount column, that column;
    of several (amounts go together), " menurut jumlah"; of none, ""."""
    rows = [i for i, code in enumerate(table.values["kode"]) if not is_blank(code) and i not in totals]
    ordered = [key for key in (SORT_NAME, *SORT_AMOUNTS) if key in table.values and _monotone(table.values[key], rows)]
    if not ordered:
        return Text("", "")
    if ordered[0] != SORT_NAME and len(ordered) > 1:
        return BY_AMOUNT
    header = table.table.column(ordered[0]).header
    return Text(f" menurut kolom {header.id}", f" by the {header.en} column")


def _monotone(column: list, rows: list[int]) -> bool:
    """Do the rows' values (three or more, all filled, of one kind) never fall, or never rise?"""
    values = [column[i].casefold() if isinstance(column[i], str) else column[i] for i in rows]
    if len(values) < 3 or any(is_blank(v) for v in values) or len({isinstance(v, str) for v in values}) > 1:
        return False
    pairs = list(zip(values, values[1:]))
    return all(a <= b for a, b in pairs) or all(a >= b for a, b in pairs)


def _realisasi(table, tree) -> Iterable[Finding]:
    nodes = {line.index: line for line in tree.lines}
    sheet, cell = table.sheet, (lambda i: table.cell("kode", i))
    for p in tree.problems:
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
        elif p.kind == "out_of_place":
            yield Finding("VAL022", sheet, cell(p.row_id), expected=parent_code(p.code), found=p.code,
                          params={"parent": table.values["kode"][p.other_row_id]})
        elif p.kind == "not_in_code_order":
            yield Finding("VAL023", sheet, cell(p.row_id), found=p.code,
                          params={"n": p.count, "by": _sorted_by(table, set(tree.totals) | set(tree.subtotals))})
        elif p.kind == "invalid_code":  # left out of the tree: its amounts are in no sum, its row in no table
            meant = dots_lost(p.code)
            yield Finding("VAL024" if meant is None else "VAL027", sheet, cell(p.row_id), expected=meant, found=p.code)
        elif p.kind == "orphan":
            yield Finding("BUD010", sheet, cell(p.row_id), expected=parent_code(p.code), found=p.code)
        elif p.kind in _CHILD:
            yield Finding("BUD009", sheet, cell(p.row_id), params={"kode": p.code, "child": _CHILD[p.kind]})
    for i in tree.uncoded:  # amounts no sum can include: the row is not placed in the tree
        yield Finding("BUD019", sheet, cell(i), params={"uraian": str(table.get("uraian", i) or "").strip()[:60]})
    if tree.by_level and tree.lines:
        yield Finding("BUD020", sheet, cell(tree.lines[0].index), params={"n": len(tree.lines)})
    if tree.numbered and tree.lines:
        first = tree.lines[0]
        yield Finding("BUD033", sheet, cell(first.index), params={"n": len(tree.lines),
                                                                  "example": _example_codes(tree)})
    else:  # row numbers are no codes of a level: the Tingkat column made them
        yield from _levels(table)


def codes_read(findings: list[Finding], ctx) -> list[Finding]:
    """VAL006 ("a code stored as a number may have lost a zero") as the workbook bears it out:
    not said of codes that are row numbers (the Realisasi's, BUD033, and the Rencana Aksi's, BUD036:
    a row number 1 typed as a number has no zero to lose); marked ``unconfirmed`` where the code lkjip-xl read (1.1 as 01.10:
    a zero may have been lost anywhere) is held as text nowhere else in the workbook, itself or as
    the parent of one (then `rapikan` leaves it for a person, and check's hint does not count it)."""
    guessed = [f for f in findings if f.code == "VAL006"]
    if not guessed:
        return findings
    table = ctx.model.table("realisasi")
    plan = ctx.model.table("ra_kegiatan")
    numbered = set()
    if plan is not None and "kode" in plan.cols and any(f.code == "BUD036" for f in findings):
        numbered = {(plan.sheet, plan.cell("kode", j)) for j in range(len(plan))}  # its row numbers
    if table is not None and "kode" in table.cols and ctx.wb.budget.numbered:
        numbered |= {(table.sheet, table.cell("kode", i)) for i in range(len(table))}
    known = _text_codes(ctx.model, {(f.sheet, f.cell) for f in guessed})
    out = []
    for f in findings:
        if f.code == "VAL006":
            if (f.sheet, f.cell) in numbered:
                continue
            if not _confirmed(str(f.expected), known):
                f = replace(f, params={**f.params, "unconfirmed": True})
        out.append(f)
    return out


def _text_codes(model, guessed: set[tuple[str, str]]) -> set[str]:
    """Every code the workbook's code columns hold as text (``guessed``: the cells holding a number)."""
    codes = set()
    for data in model.tables.values():
        for key in data.cols:
            if data.table.column(key).type == ColType.CODE:
                codes.update(v for i, v in enumerate(data.values[key])
                             if isinstance(v, str) and (data.sheet, data.cell(key, i)) not in guessed)
    return codes


def _confirmed(code: str, known: set[str]) -> bool:
    return code in known or any(k.startswith(code + ".") for k in known)


def _example_codes(tree) -> str:
    """The first sub kegiatan's line of descent, as the codes made for it: "1, 1.1, 1.1.1"."""
    line = next((x for x in tree.lines if not x.children), tree.lines[0])
    chain = []
    while line is not None:
        chain.append(line.code)
        line = line.parent
    return ", ".join(reversed(chain))


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


def _duplicates(table, key: str = "kode") -> Iterable[Finding]:
    first: dict[str, int] = {}
    for i, raw in enumerate(table.values[key]):
        code = norm(raw) if key == "kode" else code_key(raw)  # iku1 is IKU1
        if code is None:
            continue
        if code in first:
            yield Finding("VAL008", table.sheet, table.cell(key, i), found=code,
                          params={"other": table.cell(key, first[code])})
        else:
            first[code] = i
