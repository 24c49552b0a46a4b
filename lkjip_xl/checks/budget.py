"""Budget identities (domain.md §3.2): sisa and % per row (BUD001, BUD002, BUD011, BUD015), parent
= Σ children (BUD003), total = Σ programmes (BUD004), realisasi above pagu (BUD005), PK programme
pagu vs Realisasi (BUD006), Rencana Aksi pagu vs Realisasi (BUD007) and its quarters (BUD012),
economic classes (BUD008), and SUM ranges of parent/total rows that skip rows (FRM003).

Everything is read from the derived workbook's budget tree (``derive/budget.py``): a row's own
amounts (a number typed as text already read as its number; a sisa or % typed over its formula,
else its derivation) and the sums of its children. Amounts are compared exactly; a typed % follows
the typed-value policy (``compare.judge_typed``). Comparisons whose inputs are all blank are skipped.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterable

from ..calc.budget import add_amounts, level_of, pagu_efektif, parent_code
from ..calc.decimals import percent, strip_exponent
from ..derive.budget import money
from ..findings import Finding
from ..schema import belanja
from .codes import norm
from .compare import judge_typed, typed_match

FIELDS = ("pagu_murni", "pagu_perubahan", "realisasi", "sisa")
FIELD_NAME = {"pagu_murni": "pagu murni", "pagu_perubahan": "pagu perubahan", "realisasi": "realisasi",
              "sisa": "sisa"}
_DEPTH = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2}


def check(ctx) -> Iterable[Finding]:
    table = ctx.model.table("realisasi")
    tree = None
    if table is not None and "kode" in table.values:
        tree = ctx.wb.budget
        yield from _rows(ctx, table, tree)
        yield from _rollups(ctx, table, tree)
        yield from _sum_ranges(ctx, table, tree)
    else:
        table = None
    yield from _pk(ctx, table, tree)
    yield from _rencana_aksi(ctx, table, tree)
    yield from _belanja(ctx, table, tree)


# ------------------------------------------------------------------------------ per row
def _rows(ctx, table, tree) -> Iterable[Finding]:
    derived = ctx.derived("realisasi")
    children = {line.index: line.children for line in tree.lines}
    children.update({t: tree.programs for t in tree.totals})
    for i in range(len(table)):
        found = table.get("sisa", i)
        if found is not None and not table.has_formula["sisa"][i]:
            want = derived[i].get("sisa")
            if want is not None and money(found) != money(want):
                yield Finding("BUD001", table.sheet, table.cell("sisa", i), expected=want, found=found)
        found = money(table.get("persen_realisasi", i))
        if found is not None and not table.has_formula["persen_realisasi"][i]:
            want = derived[i].get("persen_realisasi")
            typed = strip_exponent(Decimal(found))  # a number cell keeps no trailing zeros
            if want is not None:
                code = "BUD011" if _is_mean_of(children.get(i), typed) else "BUD002"
                yield from judge_typed(code, table.sheet, table.cell("persen_realisasi", i), want, typed,
                                       ctx.settings, name="% realisasi")
        pagu = pagu_efektif(money(table.get("pagu_murni", i)), money(table.get("pagu_perubahan", i)))
        real = money(table.get("realisasi", i))
        if pagu is not None and real is not None and real > pagu:
            yield Finding("BUD005", table.sheet, table.cell("realisasi", i), expected=pagu, found=real)


def _is_mean_of(children, typed: Decimal) -> bool:
    """The typed % of a parent is the unweighted mean of its children's % (a known mistake)."""
    shares = [percent(c.amounts.get("realisasi"), c.pagu) for c in children or ()]
    if len(shares) < 2 or any(s is None for s in shares):
        return False
    return typed_match(sum(shares) / len(shares), typed) is not None


# ------------------------------------------------------------------------------ roll-ups
def _rollup_problems(amounts: dict, kids_sum, sisa_ok: bool, is_error) -> list[tuple]:
    """(kind, field, Σ children, typed, children without the amount) for each amount of a parent
    row (``amounts``: its own) that does not agree with its children (``kids_sum(field)``):
    ``differs`` (the sum of every child differs), ``incomplete`` (some children have no amount:
    their sum cannot say), ``unreported`` (no child has it, the parent does). A child whose cell is
    an error value (reported at its cell) leaves the parent's comparison out."""
    out = []
    pagu = pagu_efektif(amounts.get("pagu_murni"), amounts.get("pagu_perubahan"))
    for f in FIELDS:
        found = amounts.get(f)
        # a revised parent with unrevised children: their pagu is their murni
        total = kids_sum("pagu" if f == "pagu_perubahan" and found is not None else f)
        if any(is_error(i, f) for i in total.missing):
            continue
        if f == "pagu_perubahan" and total.value is not None and found is None and pagu == total.value:
            continue  # a blank perubahan on the parent: its pagu did not change either
        if f == "sisa" and (not sisa_ok or total.missing):
            continue  # wrong in itself (BUD001), or blank because pagu or realisasi is (reported there)
        if total.value is None:
            if found is not None and f != "pagu_perubahan":
                out.append(("unreported", f, None, found, total.missing))
        elif total.missing and found is not None:
            out.append(("incomplete", f, total.value, found, total.missing))
        elif not total.missing and found != total.value:
            out.append(("differs", f, total.value, found, ()))
    if len([m for m in out if m[0] == "differs"]) > 1:  # a wrong sisa follows from a wrong pagu or realisasi
        out = [m for m in out if m[1] != "sisa"]
    return out


ROLLUP_CODES = {"incomplete": "BUD016", "unreported": "BUD017"}


def _rollups(ctx, table, tree) -> Iterable[Finding]:
    derived = ctx.derived("realisasi")
    scan = ctx.model.scans.get(table.sheet)
    errors = scan.errors if scan is not None else {}

    def is_error(i: int, f: str) -> bool:
        return f in table.cols and (table.rows[i], table.cols[f]) in errors

    def sisa_ok(*rows: int) -> bool:
        """No typed sisa among these rows is wrong in itself."""
        for i in rows:
            found, want = table.get("sisa", i), derived[i].get("sisa")
            if not (table.has_formula["sisa"][i] or found is None or want is None or money(found) == money(want)):
                return False
        return True

    def findings(index, amounts, kids_sum, kids, differs_code, kode):
        ok = sisa_ok(index, *(k.index for k in kids))
        for kind, f, want, found, missing in _rollup_problems(amounts, kids_sum, ok, is_error):
            params = {"field": FIELD_NAME[f], "kode": kode, "n": len(kids), "m": len(missing),
                      "cells": ", ".join(table.cell(f, i) for i in missing[:6]) + (" …" if len(missing) > 6 else "")}
            yield Finding(ROLLUP_CODES.get(kind, differs_code), table.sheet, table.cell(f, index), expected=want,
                          found=found, params=params)

    for line in tree.lines:
        if line.children:
            yield from findings(line.index, line.amounts, line.children_sum, line.children, "BUD003", line.code)
    programmes = [line for line in tree.roots if line.level == "program"]
    if not programmes:
        return
    rows = ctx.wb.row_values("realisasi")
    for t in tree.totals:
        yield from findings(t, {f: money(rows[t].get(f)) for f in FIELDS}, tree.total_sum, programmes, "BUD004",
                            "TOTAL")


# ------------------------------------------------------------------------------ FRM003
_STRINGS = re.compile(r'"[^"]*"')
_SUM = re.compile(r"\bSUM(?:IFS?)?\s*\(", re.I)
_REF = re.compile(r"(?:('(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?"
                  r"(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}"
                  r"|\$?\d+:\$?\d+)(?![\w(])")


def formula_rows(formula: str, sheet: str) -> set[int] | None:
    """Rows of this sheet a formula refers to; None means every row (a whole-column range)."""
    rows: set[int] = set()
    for m in _REF.finditer(_STRINGS.sub('""', formula)):
        if m.group(1) and m.group(1).strip("'").replace("''", "'") != sheet:
            continue
        ends = [re.sub(r"[^0-9]", "", part) for part in m.group(2).split(":")]
        if not all(ends):
            return None
        lo, hi = sorted(int(e) for e in ends) if len(ends) == 2 else (int(ends[0]),) * 2
        rows.update(range(lo, hi + 1))
    return rows


def _sum_ranges(ctx, table, tree) -> Iterable[Finding]:
    scan = ctx.model.scans.get(table.sheet)
    if scan is None or not scan.formulas:
        return
    parents = [(line.index, line.children) for line in tree.lines if line.children]
    programmes = [line for line in tree.roots if line.level == "program"]
    parents += [(t, programmes) for t in tree.totals if programmes]
    for i, kids in parents:
        for f in FIELDS:
            col = table.cols.get(f)
            text = scan.formulas.get((table.rows[i], col)) if col is not None else None
            if not text or not _SUM.search(text):
                continue
            covered = formula_rows(text, table.sheet)
            if covered is None:
                continue
            missing = sorted(r for kid in kids for r in _uncovered(kid, table, covered))
            if missing:
                yield Finding("FRM003", table.sheet, table.cell(f, i), found=text,
                              params={"formula": text, "missing": ", ".join(map(str, missing))})


def _uncovered(line, table, covered: set[int]) -> list[int]:
    """Rows of ``line`` left out: a child counts as covered when all of its own children are."""
    row = table.rows[line.index]
    if row in covered:
        return []
    if line.children and all(not _uncovered(c, table, covered) for c in line.children):
        return []
    return [row]


# ------------------------------------------------------------------------------ PK, Rencana Aksi
def _programme_of(code: str) -> str:
    while parent_code(code):
        code = parent_code(code)
    return code


def _pk(ctx, table, tree) -> Iterable[Finding]:
    pk = ctx.model.table("pk_program")
    if pk is not None:
        yield from _pk_partly_blank(pk)
    if pk is None or table is None or "kode" not in pk.values:
        return
    lines = [line for line in tree.lines if level_of(line.code)]
    by_programme: dict[str, list] = {}  # each line under its programme's code, found once
    for line in lines:
        by_programme.setdefault(_programme_of(line.code), []).append(line)
    versions = {"pagu_murni": lambda line: line.amounts.get("pagu_murni"), "pagu_perubahan": lambda line: line.pagu}
    for key, value in versions.items():
        if key not in pk.values or all(line.amounts.get(key) is None for line in lines):
            continue  # this version is not used on the Realisasi sheet
        for j, raw in enumerate(pk.values["kode"]):
            code, found = norm(raw), money(pk.values[key][j])
            mine = by_programme.get(code, []) if code else []
            if found is None or not mine:
                continue
            deepest = max(_DEPTH[line.level] for line in mine)
            present = [v for v in (value(line) for line in mine if _DEPTH[line.level] == deepest) if v is not None]
            if present and sum(present) != found:
                yield Finding("BUD006", pk.sheet, pk.cell(key, j), expected=sum(present), found=found,
                              params={"field": key.split("_")[1], "kode": code})


def _pk_partly_blank(pk) -> Iterable[Finding]:
    """BUD018: a PK pagu column filled for some programmes and blank for others has no total."""
    for key in ("pagu_murni", "pagu_perubahan"):
        values = [money(v) for v in pk.values.get(key, ())]
        if any(v is not None for v in values):
            for j, v in enumerate(values):
                if v is None:
                    yield Finding("BUD018", pk.sheet, pk.cell(key, j),
                                  params={"field": FIELD_NAME[key], "kode": norm(pk.get("kode", j)) or str(j + 1)})


def _rencana_aksi(ctx, table, tree) -> Iterable[Finding]:
    ra = ctx.model.table("ra_kegiatan")
    if ra is None or "kode" not in ra.values:
        return
    where = {}
    for line in tree.lines if tree is not None else ():
        where.setdefault(line.code, line)
    pk = _pk_programme_pagu(ctx)
    for j, raw in enumerate(ra.values["kode"]):
        code, pagu = norm(raw), money(ra.get("pagu", j))
        quarters = [money(ra.get(f"pagu_tw{q}", j)) for q in range(1, 5)]
        present = [q for q in quarters if q is not None]
        if present and sum(present) != pagu:
            yield Finding("BUD012", ra.sheet, ra.cell("pagu", j), expected=sum(present), found=pagu,
                          params={"kode": code})
        pk_options = pk.get(code, [])
        if pagu is not None and pk_options and pagu not in pk_options:
            yield Finding("BUD014", ra.sheet, ra.cell("pagu", j), expected=pk_options[0], found=pagu,
                          params={"kode": code})
        line = where.get(code)
        if pagu is None or line is None or code is None or pagu in pk_options:
            continue  # equal to the PK's murni or perubahan: the Rencana Aksi quotes the PK
        options = [v for v in (line.amounts.get("pagu_murni"), line.amounts.get("pagu_perubahan")) if v is not None]
        if options and pagu not in options:
            yield Finding("BUD007", ra.sheet, ra.cell("pagu", j), expected=line.pagu, found=pagu,
                          params={"kode": code})


def _pk_programme_pagu(ctx) -> dict[str, list]:
    """Programme code -> its PK pagu [murni, perubahan (when filled)]. Only programmes whose murni is
    filled: a Rencana Aksi is drawn up on the murni budget, so without it nothing can be said."""
    prog = ctx.model.table("pk_program")
    out: dict[str, list] = {}
    if prog is None or "kode" not in prog.values:
        return out
    for i, k in enumerate(prog.values["kode"]):
        murni, perubahan = money(prog.get("pagu_murni", i)), money(prog.get("pagu_perubahan", i))
        if norm(k) is not None and murni is not None:
            out.setdefault(norm(k), [v for v in (murni, perubahan) if v is not None])
    return out


# ------------------------------------------------------------------------------ economic classes
def _belanja(ctx, table, tree) -> Iterable[Finding]:
    bel = ctx.model.table("belanja")
    if bel is None or "uraian" not in bel.values:
        return
    index = {belanja.key(u): i for i, u in enumerate(bel.values["uraian"])}
    sources = (("anggaran", lambda line: line.pagu), ("realisasi", lambda line: line.amounts.get("realisasi")))
    for col, source in sources:
        if col not in bel.values or all(money(v) is None for v in bel.values[col]):
            continue

        def typed(name):
            i = index.get(belanja.key(name))
            return None if i is None else money(bel.values[col][i])

        def finding(name, want, detail):
            i = index.get(belanja.key(name))
            found = None if i is None else money(bel.values[col][i])
            if found is None and want == 0:
                return None  # a class nobody spent on, left blank
            if i is not None and want is not None and found != want:
                return Finding("BUD008", bel.sheet, bel.cell(col, i), expected=want, found=found,
                               params={"name": f"{name} ({col})", "detail": detail})

        group_sums = {group: add_amounts(map(typed, kinds)) for group, kinds in belanja.GROUPS}
        out = [finding(belanja.OPERASI, group_sums[belanja.OPERASI], "Pegawai + Barang dan Jasa"),
               finding(belanja.MODAL, group_sums[belanja.MODAL], "Σ 5 jenis belanja modal")]
        # Jumlah from the components where they are filled (a wrong Operasi is reported at Operasi only)
        best = add_amounts(v if v is not None else typed(group) for group, v in group_sums.items())
        jumlah = finding(belanja.JUMLAH, best, "Belanja Operasi + Belanja Modal") if best is not None else None
        out.append(jumlah)
        if tree is not None and jumlah is None:
            programmes = [line for line in tree.roots if line.level == "program"]
            out.append(finding(belanja.JUMLAH, add_amounts(source(p) for p in programmes), "Σ program, sheet Realisasi"))
        if tree is not None:
            out += [finding(name, want, f"Σ sub kegiatan {name}") for name, want in _by_class(tree, table, source).items()]
        yield from (f for f in out if f)


def _by_class(tree, table, source) -> dict[str, Decimal]:
    """Σ per economic class of the sub kegiatan, when every sub kegiatan with an amount has a known class."""
    if "jenis_belanja" not in table.values:
        return {}
    sums = {name: Decimal(0) for name in belanja.KINDS}
    known = {belanja.key(n): n for n in sums}
    tagged = False
    for line in tree.lines:
        value = source(line)
        if line.level != "sub_kegiatan" or value is None:
            continue
        name = known.get(belanja.key(table.values["jenis_belanja"][line.index]))
        if name is None:
            return {}  # an untagged (or unknown) class: the class sums cannot be known
        sums[name] += value
        tagged = True
    return sums if tagged else {}
