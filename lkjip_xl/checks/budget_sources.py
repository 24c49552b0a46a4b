"""The same amounts quoted again (domain.md §3.2): the PK programme pagu against the programme's
rows on Realisasi (BUD006) and partly blank (BUD018), the Rencana Aksi pagu against its quarters
(BUD012), the PK (BUD014) and Realisasi (BUD007) or left blank (BUD025), the Rencana Aksi quarterly
spending against the kegiatan's realisasi (BUD022) and its quarterly pagu (BUD023), and the economic
classes on Belanja (BUD008), or that they could not be matched to the sub kegiatan (BUD026, BUD027).

Each comparison is a relation (``checks/relations.py``) kept in ``ctx.relations``, so that where
one fails ``checks/blame.py`` can tell which cell explains it.
"""
from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import replace
from decimal import Decimal
from typing import Iterable

from ..calc.budget import add_amounts, level_of, match_key, parent_code
from ..derive.budget import money
from ..findings import Finding
from ..i18n import Text
from ..schema import belanja
from ..schema.refs import parse_a1
from .budget_cells import AMOUNT_CELLS, BudgetCells
from .codes import norm
from .compare import is_blank
from .relations import Linear, Ref, Test, one_of, reported

_DEPTH = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2}
FIELD_NAME = {"pagu_murni": "pagu murni", "pagu_perubahan": "pagu perubahan"}
QUARTERS = (1, 2, 3, 4)
# the kinds of cell the Rencana Aksi relations are made of (see Relation.kinds)
RA_PAGU_CELLS = frozenset(("ra_kegiatan", key) for key in ("pagu", *(f"pagu_tw{q}" for q in QUARTERS)))
RA_SPENT_CELLS = frozenset(("ra_kegiatan", f"realisasi_tw{q}") for q in QUARTERS)
# Belanja Operasi, Belanja Modal and Jumlah: a row that only adds up others, which lkjip-xl adds up
GROUP_ROWS = frozenset([*(group for group, _ in belanja.GROUPS), belanja.JUMLAH])
BLANK_QUARTER = Text(" (triwulan ini kosong)", " (this quarter is blank)")


def check(ctx, cells: BudgetCells | None) -> Iterable[Finding]:
    pk = ctx.model.table("pk_program")
    if pk is not None:
        yield from _pk_partly_blank(pk)
        if cells is not None and "kode" in pk.values:
            for relation in _pk(pk, cells):
                yield from reported(ctx, relation)
    for relation in _rencana_aksi(ctx, cells):
        yield from reported(ctx, relation)
    yield from _blank_plan_pagu(ctx, cells)
    classes = [f for relation in _belanja(ctx, cells) for f in reported(ctx, relation)]
    bel = ctx.model.table("belanja")
    unknown = list(_unknown_classes(bel)) if bel is not None and "uraian" in bel.values else []
    yield from _explained_by_unknown(classes, unknown, bel) + unknown
    yield from _untagged_classes(ctx, cells)
    yield from _unmatched_codes(ctx, cells)


def _unmatched_codes(ctx, cells: BudgetCells | None) -> Iterable[Finding]:
    """BUD028: a PK programme or a Rencana Aksi kegiatan with a pagu whose code is on no row of the
    Realisasi sheet (matched by ``match_key``: 3.01 is 03.01): its pagu cannot be compared there,
    and the national code on one sheet with the short one on another (7.01.01… and 01) says why."""
    if cells is None or cells.tree.by_level or not cells.tree.lines:
        return
    known = {match_key(line.code) for line in cells.tree.lines}
    for key, amounts in (("pk_program", ("pagu_murni", "pagu_perubahan")), ("ra_kegiatan", ("pagu",))):
        table = ctx.model.table(key)
        if table is None or "kode" not in table.values:
            continue
        for j, raw in enumerate(table.values["kode"]):
            code = norm(raw)
            if code is not None and match_key(code) not in known and any(  # a pagu of 0: nothing to compare
                    money(table.get(k, j)) not in (None, 0) for k in amounts):
                yield Finding("BUD028", table.sheet, table.cell("kode", j), found=code)


def _programme_of(code: str) -> str:
    while parent_code(code):
        code = parent_code(code)
    return code


# ------------------------------------------------------------------------------ PK
def _pk(pk, cells: BudgetCells):
    if not len(pk):
        return
    lines = [line for line in cells.tree.lines if level_of(line.code)]
    by_programme = defaultdict(list)
    for line in lines:
        by_programme[match_key(_programme_of(line.code))].append(line)
    versions = {"pagu_murni": "pagu_murni", "pagu_perubahan": "pagu"}
    for key, name in versions.items():
        if key not in pk.values or all(line.amounts.get(key) is None for line in lines):
            continue  # this version is not used on the Realisasi sheet
        for j, raw in enumerate(pk.values["kode"]):
            code, found = norm(raw), money(pk.values[key][j])
            mine = by_programme.get(match_key(code), []) if code else []
            if found is None or not mine:
                continue
            deepest = max(_DEPTH[line.level] for line in mine)
            rows = [line.index for line in mine if _DEPTH[line.level] == deepest]
            present = [i for i in rows if _amount(cells, i, name) is not None]
            if len(present) < len(rows):
                continue  # a partial sum says nothing: the blank rows are said on Realisasi (BUD016, BUD017)
            want = add_amounts(_amount(cells, i, name) for i in present)
            finding = Finding("BUD006", pk.sheet, pk.cell(key, j), expected=want, found=found,
                              params={"field": key.split("_")[1], "kode": code}) if want != found else None
            yield Linear(finding is not None, finding, lambda j=j, key=key, name=name, present=present: (
                [(Ref("pk_program", j, key), 1, money(pk.values[key][j]))]
                + [t for i in present for t in cells.terms(i, name, -1)]),
                lambda present=present, j=j: cells.rows_below(present) | {("pk_program", j)},
                AMOUNT_CELLS | {("pk_program", key)})


def _amount(cells: BudgetCells, i: int, name: str):
    return cells.amount(i, cells.pagu_key(i) if name == "pagu" else name)


def _pk_partly_blank(pk) -> Iterable[Finding]:
    """BUD018: a PK pagu column filled for some programmes and blank for others has no total."""
    for key in ("pagu_murni", "pagu_perubahan"):
        values = [money(v) for v in pk.values.get(key, ())]
        if any(v is not None for v in values):
            for j, v in enumerate(values):
                if v is None:
                    yield Finding("BUD018", pk.sheet, pk.cell(key, j),
                                  params={"field": FIELD_NAME[key], "kode": norm(pk.get("kode", j)) or str(j + 1)})


# ------------------------------------------------------------------------------ Rencana Aksi
def _rencana_aksi(ctx, cells: BudgetCells | None):
    ra = ctx.model.table("ra_kegiatan")
    if ra is None or "kode" not in ra.values:
        return
    where = {}
    for line in cells.tree.lines if cells is not None else ():
        where.setdefault(match_key(line.code), line)
    yield from _quarters_above_pagu(ra, where)
    pk = _pk_programme_pagu(ctx)
    for j, raw in enumerate(ra.values["kode"]):
        code, pagu = norm(raw), money(ra.get("pagu", j))
        own = Ref("ra_kegiatan", j, "pagu")
        quarters = [q for q in QUARTERS if money(ra.get(f"pagu_tw{q}", j)) is not None]
        planned = [money(ra.get(f"pagu_tw{q}", j)) for q in QUARTERS]
        if running_totals(planned, pagu):  # TW IV is the pagu: the relation is that one
            yield Linear(False, None, lambda j=j: [(Ref("ra_kegiatan", j, "pagu"), 1, money(ra.get("pagu", j))),
                                                   (Ref("ra_kegiatan", j, "pagu_tw4"), -1, money(ra.get("pagu_tw4", j)))],
                         kinds=RA_PAGU_CELLS)
        elif quarters:
            total = add_amounts(money(ra.get(f"pagu_tw{q}", j)) for q in quarters)
            blank = [q for q in QUARTERS if q not in quarters]
            # one quarter blank and the others short of the pagu: the blank quarter is where it is missing
            at, note = ("pagu", "") if len(blank) != 1 or pagu is None else (f"pagu_tw{blank[0]}", BLANK_QUARTER)
            finding = Finding("BUD012", ra.sheet, ra.cell(at, j), expected=total, found=pagu,
                              params={"kode": code, "note": note}) if total != pagu else None
            # at the one blank quarter, the finding is where the amount is missing: no cell to blame
            placed = finding is not None and note
            yield Linear(finding is not None, None if placed else finding, lambda j=j, quarters=quarters: (
                [(Ref("ra_kegiatan", j, "pagu"), 1, money(ra.get("pagu", j)))]
                + [(Ref("ra_kegiatan", j, f"pagu_tw{q}"), -1, money(ra.get(f"pagu_tw{q}", j))) for q in quarters]),
                kinds=RA_PAGU_CELLS)
            if placed:
                yield finding
        options = pk.get(match_key(code), {}) if code else {}
        if pagu is not None and options:
            wrong = pagu not in options.values()
            finding = Finding("BUD014", ra.sheet, ra.cell("pagu", j), expected=next(iter(options.values())),
                              found=pagu, params={"kode": code})
            yield one_of(finding if wrong else None, own, pagu, options, fails=wrong)
        line = where.get(match_key(code)) if code else None
        if line is not None and code is not None:
            yield from _quarterly_spending(ra, j, code, line, cells)
        if pagu is None or line is None or code is None:
            continue
        mine = {Ref("realisasi", line.index, k): line.amounts.get(k) for k in ("pagu_murni", "pagu_perubahan")}
        if all(v is None for v in mine.values()):
            continue
        differs = pagu not in mine.values()
        finding = Finding("BUD007", ra.sheet, ra.cell("pagu", j), expected=line.pagu, found=pagu,
                          params={"kode": code})
        # not reported when equal to the PK's murni or perubahan: the Rencana Aksi quotes the PK
        yield one_of(finding if differs and pagu not in options.values() else None, own, pagu, mine, fails=differs)


def _blank_plan_pagu(ctx, cells: BudgetCells | None) -> Iterable[Finding]:
    """BUD025: a kegiatan of the plan with neither pagu nor quarterly pagu, whose code has a budget
    on Realisasi (a row with plan rows below it may be their heading: not reported)."""
    ra = ctx.model.table("ra_kegiatan")
    if ra is None or cells is None or "kode" not in ra.values:
        return
    codes = [norm(raw) for raw in ra.values["kode"]]
    headings = set()  # the codes some plan row lies below
    for code in filter(None, codes):
        while parent_code(code):
            code = parent_code(code)
            headings.add(code)
    lines = {}
    for line in cells.tree.lines:
        lines.setdefault(match_key(line.code), line)
    for j, code in enumerate(codes):
        line = lines.get(match_key(code)) if code else None
        if line is None or line.pagu is None or code in headings:
            continue
        if all(money(ra.get(k, j)) is None for k in ("pagu", *(f"pagu_tw{q}" for q in QUARTERS))):
            yield Finding("BUD025", ra.sheet, ra.cell("pagu", j), expected=line.pagu, params={"kode": code})


def _quarterly_spending(ra, j: int, code: str, line, cells: BudgetCells):
    """BUD022: the four quarters' spending of a kegiatan add up to its realisasi on Realisasi."""
    spent = [money(ra.get(f"realisasi_tw{q}", j)) for q in QUARTERS]
    real = line.amounts.get("realisasi")
    if any(v is None for v in spent) or real is None:
        return  # the year is not reported in full
    if running_totals(spent, real):  # TW IV is the year's spending: the relation is that one
        yield Linear(False, None, lambda: [(Ref("ra_kegiatan", j, "realisasi_tw4"), 1, spent[3])]
                     + cells.terms(line.index, "realisasi", -1), lambda: cells.rows_below([line.index]) | {("ra_kegiatan", j)},
                     AMOUNT_CELLS | RA_SPENT_CELLS)
        return
    total = add_amounts(spent)
    finding = Finding("BUD022", ra.sheet, ra.cell("realisasi_tw4", j), expected=real, found=total,
                      params={"kode": code, "cell": f"{cells.table.sheet}!{cells.table.cell('realisasi', line.index)}"})
    yield Linear(total != real, finding if total != real else None, lambda: (
        [(Ref("ra_kegiatan", j, f"realisasi_tw{q}"), 1, spent[q - 1]) for q in QUARTERS]
        + cells.terms(line.index, "realisasi", -1)), lambda: cells.rows_below([line.index]) | {("ra_kegiatan", j)},
        AMOUNT_CELLS | RA_SPENT_CELLS)


def _quarters_above_pagu(ra, where: dict):
    """BUD023: the spending up to a quarter above the pagu planned up to that quarter (a warning, at
    the first quarter where it is). Quarters written as running totals are read as such: the
    pagu's against the kegiatan's pagu, the spending's against its realisasi on Realisasi."""
    for j in range(len(ra)):
        code = norm(ra.get("kode", j))
        line = where.get(match_key(code)) if code else None
        annual = {"pagu": money(ra.get("pagu", j)), "realisasi": line.amounts.get("realisasi") if line else None}
        values = {}
        for q in QUARTERS:
            spent, planned = Ref("ra_kegiatan", j, f"realisasi_tw{q}"), Ref("ra_kegiatan", j, f"pagu_tw{q}")
            values[spent], values[planned] = money(ra.get(spent.key, j)), money(ra.get(planned.key, j))
        over = _first_over(values, j, annual)
        if over is None and not all(v is None for v in values.values()):
            yield Test(None, values, lambda v, j=j, annual=annual: _first_over(v, j, annual) is None)
        elif over is not None:
            q, spent, planned = over
            finding = Finding("BUD023", ra.sheet, ra.cell(f"realisasi_tw{q}", j), expected=planned, found=spent,
                              params={"kode": norm(ra.get("kode", j)) or "", "tw": q})
            yield Test(finding, values, lambda v, j=j, annual=annual: _first_over(v, j, annual) is None)


def _first_over(values: dict, j: int, annual: dict):
    """(quarter, spending, pagu) up to the first quarter whose spending so far is above the pagu so
    far (quarters read until one is blank), else None."""
    so_far = {}
    for key, prefix in (("realisasi", "realisasi_tw"), ("pagu", "pagu_tw")):
        quarters = [values[Ref("ra_kegiatan", j, f"{prefix}{q}")] for q in QUARTERS]
        if running_totals(quarters, annual[key]):
            so_far[key] = quarters
        else:
            total, so_far[key] = Decimal(0), []
            for v in quarters:
                total = None if v is None or total is None else total + v
                so_far[key].append(total)
    for q, spent, planned in zip(QUARTERS, so_far["realisasi"], so_far["pagu"]):
        if spent is None or planned is None:
            return None
        if spent > planned:
            return q, spent, planned
    return None


def running_totals(quarters: list, annual) -> bool:
    """Quarters written as running totals (TW I, I+II, I+II+III, the year), as staff fill a
    monitoring sheet: all four filled, never falling, TW IV the year's amount, and their sum not it."""
    return (annual is not None and all(v is not None for v in quarters) and quarters[3] == annual
            and all(a <= b for a, b in zip(quarters, quarters[1:])) and add_amounts(quarters) != annual)


def _pk_programme_pagu(ctx) -> dict[str, dict]:
    """Programme code -> its PK pagu cells {murni, perubahan (when filled)}. Only programmes whose
    murni is filled: a Rencana Aksi is drawn up on the murni budget, so without it nothing can be said."""
    prog = ctx.model.table("pk_program")
    out: dict[str, dict] = {}
    if prog is None or "kode" not in prog.values:
        return out
    for i, k in enumerate(prog.values["kode"]):
        amounts = {key: money(prog.get(key, i)) for key in ("pagu_murni", "pagu_perubahan")}
        if norm(k) is not None and amounts["pagu_murni"] is not None:
            out.setdefault(match_key(norm(k)), {Ref("pk_program", i, key): v for key, v in amounts.items()
                                                if v is not None})
    return out


# ------------------------------------------------------------------------------ economic classes
def _belanja(ctx, cells: BudgetCells | None):
    bel = ctx.model.table("belanja")
    if bel is None or "uraian" not in bel.values:
        return
    for col, name in (("anggaran", "pagu"), ("realisasi", "realisasi")):
        if col in bel.values and any(money(v) is not None for v in bel.values[col]):
            yield from _classes(bel, col, name, cells)


def _explained_by_unknown(findings: list[Finding], unknown: list[Finding], bel) -> list[Finding]:
    """A class sum off by exactly the amount of a row with an unknown label (its retyped kind)
    follows from that label: a note naming it."""
    if not unknown:
        return findings
    rows = {bel.rows.index(parse_a1(u.cell)[0]): f"{bel.sheet}!{u.cell}" for u in unknown}
    out = []
    for f in findings:
        col = next((c for c in ("anggaran", "realisasi") if f.sheet == bel.sheet and c in bel.values
                    and parse_a1(f.cell)[1] == bel.cols.get(c)), None)
        cause = next((cell for i, cell in rows.items() if f.code == "BUD008" and col and f.severity == "error"
                      and isinstance(f.found, int) and isinstance(f.expected, int)
                      and abs(f.found - f.expected) == money(bel.values[col][i])), None)
        out.append(replace(f, severity_override="info", params={**f.params, "cause": cause}) if cause else f)
    return out


def _unknown_classes(bel) -> Iterable[Finding]:
    """BUD030: a row of Belanja whose label is none of the classes (retyped, or a class of its
    own): its amounts are in no sum, so the sums of its class fail for a reason the label shows."""
    known = {belanja.key(r): r for r in belanja.ROWS}
    for i, label in enumerate(bel.values["uraian"]):
        if is_blank(label) or belanja.key(label) in known:
            continue
        if all(money(bel.values[c][i]) is None for c in ("anggaran", "realisasi") if c in bel.values):
            continue
        closest = difflib.get_close_matches(belanja.key(label), known, n=1, cutoff=0)
        yield Finding("BUD030", bel.sheet, bel.cell("uraian", i), expected=known[closest[0]] if closest else "-",
                      found=str(label).strip())


def _classes(bel, col: str, name: str, cells: BudgetCells | None):
    """One column of Belanja: Operasi and Modal = their kinds, Jumlah = Operasi + Modal and = Σ
    programmes, each kind = Σ its sub kegiatan (``name``: the Realisasi amount it quotes)."""
    index = {belanja.key(u): i for i, u in enumerate(bel.values["uraian"])}

    def row(label):
        return index.get(belanja.key(label))

    def typed(label):
        i = row(label)
        return None if i is None else money(bel.values[col][i])

    def term(label, sign=-1):
        return (Ref("belanja", row(label), col), sign, typed(label))

    own_rows = frozenset(("belanja", i) for i in range(len(bel)))

    def relation(label, want, detail, terms, report=True, realisasi=None):
        """``label``'s row = ``want``; a class nobody spent on may be left blank (``realisasi``:
        the Realisasi rows whose amounts ``terms`` holds)."""
        i, found = row(label), typed(label)
        if i is None or want is None:
            return None
        finding = Finding("BUD008", bel.sheet, bel.cell(col, i), expected=want, found=found,
                          params={"name": f"{label} ({col})", "detail": detail})
        if found is None and label in GROUP_ROWS and want:
            # a group row left blank counts as its kinds, as Jumlah and the annex take it: a note
            return replace(finding, severity_override="info")
        wrong = (found if found is not None else 0) != want
        kinds, rows = frozenset({("belanja", col)}), own_rows
        if realisasi is not None:
            kinds, rows = kinds | AMOUNT_CELLS, lambda: own_rows | cells.rows_below(realisasi)
        return Linear(wrong, finding if wrong and report else None, lambda: [term(label, 1)] + terms(), rows, kinds)

    group_sums = {group: add_amounts(map(typed, kinds)) for group, kinds in belanja.GROUPS}
    parts = {group: [k for k in kinds if row(k) is not None] for group, kinds in belanja.GROUPS}
    out = [relation(belanja.OPERASI, group_sums[belanja.OPERASI], "Pegawai + Barang dan Jasa",
                    lambda: [term(k) for k in parts[belanja.OPERASI]]),
           relation(belanja.MODAL, group_sums[belanja.MODAL], "Σ 5 jenis belanja modal",
                    lambda: [term(k) for k in parts[belanja.MODAL]])]
    # Jumlah from the group rows (their kinds where a group row is blank): a wrong Operasi breaks both
    # its own sum and Jumlah, and the blame reports it at Operasi
    groups = {group: [group] if typed(group) is not None or not parts[group] else parts[group]
              for group, _ in belanja.GROUPS}
    best = add_amounts(typed(k) for labels in groups.values() for k in labels)
    jumlah = relation(belanja.JUMLAH, best, "Belanja Operasi + Belanja Modal", lambda: [
        term(k) for labels in groups.values() for k in labels if row(k) is not None])
    out.append(jumlah)
    if cells is not None:
        programmes = [line for line in cells.tree.roots if line.level == "program"]
        out.append(relation(belanja.JUMLAH, add_amounts(_amount(cells, p.index, name) for p in programmes),
                            "Σ program, sheet Realisasi",
                            lambda: [t for p in programmes for t in cells.terms(p.index, name, -1)],
                            report=not isinstance(jumlah, Linear) or not jumlah.fails,
                            realisasi=[p.index for p in programmes]))
        for label, rows in _by_class(cells, name).items():
            out.append(relation(label, add_amounts(_amount(cells, i, name) for i in rows) or 0,
                                f"Σ sub kegiatan {label}",
                                lambda rows=rows: [t for i in rows for t in cells.terms(i, name, -1)], realisasi=rows))
    yield from (r for r in out if r is not None)


def _untagged_classes(ctx, cells: BudgetCells | None) -> Iterable[Finding]:
    """The class rows of Belanja are matched to the sub kegiatan of each class only when every sub
    kegiatan with an amount has its Jenis Belanja (``_by_class``); when not, that they were not
    matched is said: some sub kegiatan untagged among tagged ones (BUD026, a slip: at the first
    blank cell) or none tagged, the column being optional (BUD027, at the first class row filled)."""
    bel = ctx.model.table("belanja")
    if bel is None or cells is None or "uraian" not in bel.values:
        return
    classes = {belanja.key(k) for k in (belanja.OPERASI, belanja.MODAL, *belanja.KINDS)}
    filled = [(i, col) for i, u in enumerate(bel.values["uraian"]) if belanja.key(u) in classes
              for col in ("anggaran", "realisasi") if col in bel.values and money(bel.values[col][i]) is not None]
    tags = cells.table.values.get("jenis_belanja")
    subs = [line.index for line in cells.tree.lines if line.level == "sub_kegiatan"]
    untagged = [i for i in subs if tags is None or not str(tags[i] or "").strip()]
    if not filled or not untagged:  # the common case, every sub kegiatan tagged: no amount read
        return

    def spent(i: int) -> bool:  # a sub kegiatan of "-" or 0 throughout has nothing to classify
        return any(_amount(cells, i, name) not in (None, 0) for name in ("pagu", "realisasi"))

    blank = [i for i in untagged if spent(i)]
    if not blank:
        return
    n = len(blank) + sum(map(spent, set(subs) - set(untagged)))
    if len(blank) == n:
        i, col = filled[0]
        yield Finding("BUD027", bel.sheet, bel.cell(col, i), params={"n": n})
    else:
        table = cells.table
        yield Finding("BUD026", table.sheet, table.cell("jenis_belanja", blank[0]), params={
            "m": len(blank), "n": n,
            "cells": ", ".join(table.cell("jenis_belanja", i) for i in blank[:6]) + (" …" if len(blank) > 6 else "")})


def _by_class(cells: BudgetCells, name: str) -> dict[str, list[int]]:
    """The sub kegiatan rows of each economic class, when every sub kegiatan with an amount has a
    known class; a class one of whose sub kegiatan has this amount blank (or unreadable) is left
    out: its sum would be partial, and a blank is never 0 (the blank is said at its cell, BUD016)."""
    table = cells.table
    if "jenis_belanja" not in table.values:
        return {}
    rows: dict[str, list[int]] = {label: [] for label in belanja.KINDS}
    known = {belanja.key(n): n for n in rows}
    tagged, partial = False, set()
    for line in cells.tree.lines:
        if line.level != "sub_kegiatan":
            continue
        label = known.get(belanja.key(table.values["jenis_belanja"][line.index]))
        if _amount(cells, line.index, name) is None:
            partial.add(label)
            continue
        if label is None:
            return {}  # an untagged (or unknown) class: the class sums cannot be known
        rows[label].append(line.index)
        tagged = True
    return {label: r for label, r in rows.items() if label not in partial} if tagged else {}
