"""The economic classes on Belanja (domain.md §3.2, ``schema/belanja.py``): Operasi and Modal =
their kinds, Jumlah = Operasi + Modal and = Σ programmes on Realisasi, each class = Σ its sub
kegiatan (BUD008); a row, or Jumlah, that only adds others up counts as that sum when blank; a
label that is no class (BUD030); classes that could not be matched to the sub kegiatan (BUD026,
BUD027). Each comparison is a relation (``checks/relations.py``) for the blame.
"""
from __future__ import annotations

import difflib
from dataclasses import replace
from typing import Iterable

from ..calc.budget import add_amounts
from ..derive.budget import money
from ..findings import Finding
from ..i18n import Text
from ..schema import belanja
from ..schema.refs import parse_a1
from .budget_cells import AMOUNT_CELLS, BudgetCells
from .compare import is_blank
from .relations import Linear, Ref, reported

# Belanja Operasi, Belanja Modal and Jumlah: a row that only adds up others, which lkjip-xl adds up
GROUP_ROWS = frozenset([*(group for group, _ in belanja.GROUPS), belanja.JUMLAH])
# a column as a message names it (the English template's headers)
_COLUMN = {"anggaran": Text("anggaran", "budget"), "realisasi": Text("realisasi", "spent")}


def check(ctx, cells: BudgetCells | None) -> Iterable[Finding]:
    classes = [f for relation in _belanja(ctx, cells) for f in reported(ctx, relation)]
    bel = ctx.model.table("belanja")
    unknown = list(_unknown_classes(bel)) if bel is not None and "uraian" in bel.values else []
    yield from _explained_by_unknown(classes, unknown, bel) + unknown
    yield from _untagged_classes(ctx, cells)


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
                          params={"name": Text.of("{} ({})", label, _COLUMN[col]), "detail": detail})
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
           relation(belanja.MODAL, group_sums[belanja.MODAL], Text("Σ 5 jenis belanja modal", "Σ its 5 kinds"),
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
        out.append(relation(belanja.JUMLAH, add_amounts(cells.quoted(p.index, name) for p in programmes),
                            Text("Σ program, sheet Realisasi", "Σ programmes, Realisasi sheet"),
                            lambda: [t for p in programmes for t in cells.terms(p.index, name, -1)],
                            report=not isinstance(jumlah, Linear) or not jumlah.fails,
                            realisasi=[p.index for p in programmes]))
        for label, rows in _by_class(cells, name).items():
            out.append(relation(label, add_amounts(cells.quoted(i, name) for i in rows) or 0,
                                Text(f"Σ sub kegiatan {label}", f"Σ sub-activities of {label}"),
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
        return any(cells.quoted(i, name) not in (None, 0) for name in ("pagu", "realisasi"))

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
        if cells.quoted(line.index, name) is None:
            partial.add(label)
            continue
        if label is None:
            return {}  # an untagged (or unknown) class: the class sums cannot be known
        rows[label].append(line.index)
        tagged = True
    return {label: r for label, r in rows.items() if label not in partial} if tagged else {}
