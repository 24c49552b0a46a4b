"""Which cell explains a difference: when a relation fails (a total is not the sum of its parts,
two tables quote a value differently), test each of its typed cells. A cell explains it when another
value of that cell makes it hold and keeps every other relation the cell is part of that holds
holding (a child whose parent adds up elsewhere is not the slip), and either that value and the
one typed differ like a typing slip (``calc.typos``: a digit dropped or added, one digit wrong, two
swapped, the sign, a fraction for a percentage; a blank where a relation says a blank is a value
deleted), or it explains two reported failing relations or more at once (two sums point at it).
Of the cells that explain, the one explaining the most failing relations is the culprit, when it
is the only one (among equals, the one that looks like a slip, then the one whose correction leaves
the relation's parts clearly least spread out: one of four equal quarters typed with a digit
dropped, one of nine NRRs).

The culprit is reported at its own cell: by the finding already there (the total itself was
mistyped), else (or when that one is milder than what it explains) by ``BUD021`` (amounts),
``KIN020`` (kinerja values), ``SCL006`` (scale bounds) or ``VAL021`` (Identitas years) with the value
that makes everything agree, as severe as what it explains. The findings of the relations it
explains stay, as notes (info) that name it: the cells they sit at are right. When two or three
cells explain a relation equally well (12 of 2 outputs: the target or the realisasi), each gets that
finding as a warning naming the others, and the relation's own finding stays as it is.

A row added to the Realisasi sheet with the totals that include it left as they were (a sub
kegiatan typed below the last one, a block copied to make a new kegiatan) is not a slip of any
child: each of its amounts is exactly the gap of every total it is part of (with it blank they all
agree). Such a row is said once, at its code, naming the totals to update (``BUD035``); their
findings are notes naming it, and no other child is guessed at.

Runs only where a relation fails; relations are built by the checks (``checks/relations.py``).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from decimal import Decimal
from typing import Any

from ..calc.budget import LEVELS, add_amounts, level_of, pagu_efektif
from ..calc.typos import digit_slip, slip_candidates
from ..derive.budget import money
from ..findings import SEVERITY_ORDER, Finding
from ..i18n import Text
from ..schema import belanja
from ..schema.refs import parse_a1
from .relations import Ref, Relation

# the finding at a culprit cell, by the family of the first relation it explains
CULPRIT_CODES = {"BUD": "BUD021", "KIN": "KIN020", "SAK": "KIN020", "SCL": "SCL006", "VAL": "VAL021"}
# a culprit without the look of a slip must explain this many failing relations
WITHOUT_SLIP = 2
# as many cells explaining a relation equally well are each reported (naming the others)
MAX_ALTERNATIVES = 3
# a row added below the others: its amounts, each the gap of every total it is in
ADDED_TABLE, ADDED_AMOUNTS = "realisasi", frozenset({"pagu_murni", "pagu_perubahan", "realisasi"})
# a Realisasi code no level can be read from: its row is in no sum (checks/codes.py)
UNREAD_CODES = ("VAL024", "VAL027")
BELOW_TOTAL = "BUD037"  # such a row typed below the TOTAL: said by that finding (checks/budget.py)
# a correction leaving the parts at most half as spread out as any other is clearly the likelier
CLEARLY = 2


def _number(value: Any) -> bool:
    return isinstance(value, (int, Decimal)) and not isinstance(value, bool)


class Cells:
    """Where a Ref is, what it holds, and whether it is typed (not a formula), in a read workbook."""

    def __init__(self, model) -> None:
        self.model = model

    def _at(self, ref: Ref):
        return self.model.table(ref.table) if ref.index is not None else self.model.form(ref.table)

    def place(self, ref: Ref) -> tuple[str, str] | None:
        holder = self._at(ref)
        if holder is None:
            return None
        if ref.index is None:
            return (holder.sheet, holder.cells[ref.key]) if ref.key in holder.cells else None
        return holder.sheet, holder.cell(ref.key, ref.index)

    def value(self, ref: Ref) -> Any:
        holder = self._at(ref)
        if holder is None:
            return None
        return holder.values.get(ref.key) if ref.index is None else holder.get(ref.key, ref.index)

    def shown(self, ref: Ref, value: Any) -> Any:
        """A value as the cell shows it: a year (display format "0") as its digits, not 2.024."""
        holder = self._at(ref)
        spec = holder.form.field(ref.key) if ref.index is None else holder.table.column(ref.key)
        if spec.num_format == "0" and _number(value) and value == int(value):
            return str(int(value))
        return value

    def typed(self, ref: Ref) -> bool:
        holder = self._at(ref)
        if holder is None:
            return False
        if ref.index is None:
            return not holder.has_formula.get(ref.key, False)
        flags = holder.has_formula.get(ref.key)
        return not (flags and flags[ref.index])


def explain(findings: list[Finding], relations: list[Relation], cells: Cells) -> list[Finding]:
    """The findings with each explained relation's finding turned into a note naming its culprit,
    and a finding at each culprit cell that has none."""
    notes: dict[int, Finding] = {}
    _unread_follows(findings, cells, notes)
    reported = [r for r in relations if r.finding is not None]
    if not reported:
        return [notes.get(id(f), f) for f in findings]
    near = {(ref.table, ref.index) for r in reported for ref in r.refs()}
    near_kinds = {(ref.table, ref.key) for r in reported for ref in r.refs()}
    index: dict[Ref, list[Relation]] = defaultdict(list)
    for r in relations:
        kinds = r.kinds()
        # a relation no failing one shares a row (or a kind of cell) with cannot decide anything
        if (kinds is None or kinds & near_kinds) and r.rows() & near:
            for ref in r.refs():
                index[ref].append(r)
    extra: list[Finding] = []
    added = _added_rows(reported, index, cells)
    below = {(f.sheet, f.cell): f for f in findings if f.code == BELOW_TOTAL}
    for row, explained in added.items():
        extra += _added(row, explained, cells, notes, below)
    settled = {id(r) for explained in added.values() for r in explained}
    blamed: dict[Ref, tuple[Any, set]] = {}
    shared: list[tuple[Relation, list]] = []  # relations two or three cells explain equally well
    for r in reported:
        if id(r) in settled or id(r.finding) in notes:
            continue
        found = _culprits(r, index, cells)
        if len(found) == 1:
            ref, value, explained = found[0]
            if ref in blamed and blamed[ref][0] != value:
                # another correction of the same cell (the report year 2023 for the signing date, 2025 for
                # the survey period): one value cannot make both hold; the one that explains more is said
                if len(explained) > len(blamed[ref][1]):
                    blamed[ref] = (value, set(explained))
                continue
            blamed.setdefault(ref, (value, set()))[1].update(explained)
        elif found:
            shared.append((r, found))
    swaps = _swapped({ref: value for ref, (value, _) in blamed.items()}, cells)
    _swap_follows(findings, swaps, cells, notes)
    for ref, (value, explained) in blamed.items():
        extra += _blame(ref, value, [q.finding for q in explained if q.finding is not None], cells, notes,
                        swapped=swaps.get(ref, ""))
    for r, found in shared:
        places = {ref: cells.place(ref) for ref, _, _ in found}
        if None in places.values() or id(r.finding) in notes:
            continue
        names = [f"{sheet}!{cell}" for sheet, cell in places.values()]
        order = {name: (sheet, parse_a1(cell)) for name, (sheet, cell) in zip(names, places.values())}
        for (ref, value, _), name in zip(found, names):  # the others in sheet order: the same every run
            alternatives = ", ".join(sorted((n for n in names if n != name), key=order.__getitem__))
            extra += _blame(ref, value, [r.finding], cells, notes, alternatives=alternatives)
    return [notes.get(id(f), f) for f in findings] + extra


def _added_rows(reported: list[Relation], index, cells: Cells) -> dict[int, list[Relation]]:
    """{row index: the failing relations it explains} of each Realisasi row added with the totals
    that include it not updated: two amounts or more of it in failing relations, each of them
    making every relation it is part of agree when blank, none of its amounts in a failing
    relation that does not."""
    rows: dict[int, set[Ref]] = defaultdict(set)
    for r in reported:
        for ref in r.refs():
            if ref.table == ADDED_TABLE and ref.key in ADDED_AMOUNTS:
                rows[ref.index].add(ref)
    out = {}
    for row, refs in rows.items():
        explained: list[Relation] = []
        for ref in refs:
            value = cells.value(ref)
            if not (cells.typed(ref) and _number(value) and value) or not all(
                    q.holds_with(ref, 0) for q in index[ref] if q.finding is not None or not q.fails):
                break
            explained += [q for q in index[ref] if q.finding is not None and q not in explained]
        else:
            if len(refs) >= 2:
                out[row] = explained
    return out


def _added(row: int, explained: list[Relation], cells: Cells, notes: dict, below: dict) -> list[Finding]:
    """The finding at an added row's code naming the totals to update; theirs notes naming it. A row
    added below the TOTAL (``below``: its BUD037 by place) is said by that one, naming them."""
    place = cells.place(Ref(ADDED_TABLE, row, "kode"))
    findings = [q.finding for q in explained]
    if place is None:
        return []
    for f in findings:
        notes[id(f)] = replace(f, severity_override="info", params={**f.params, "cause": f"{place[0]}!{place[1]}"})
    totals = ", ".join(sorted({f"{f.sheet}!{f.cell}" for f in findings}, key=lambda c: (c.partition("!")[0], parse_a1(c.partition("!")[2]))))
    outside = below.get(place)
    if outside is not None:
        notes[id(outside)] = replace(outside, params={**outside.params, "update": Text(
            f"; angkanya belum termasuk dalam {totals}", f"; its amounts are not in {totals} yet")})
        return []
    worst = min(SEVERITY_ORDER[f.severity] for f in findings)
    severity = next(k for k, v in SEVERITY_ORDER.items() if v == worst)
    return [Finding("BUD035", place[0], place[1], expected=totals, found=cells.value(Ref(ADDED_TABLE, row, "kode")),
                    params={"cells": totals}, severity_override=None if severity == "error" else severity)]


def _swapped(values: dict[Ref, Any], cells: Cells) -> dict[Ref, str]:
    """{culprit: the cell it is swapped with} of two culprits of one row each of whose values is
    the other's typed one (realisasi pasted into pagu and pagu into realisasi): a swap, not two
    typing slips."""
    out = {}
    for a, want in values.items():
        for b, other in values.items():
            if (a.table, a.index) == (b.table, b.index) and a.key != b.key and _number(want) \
                    and want == cells.value(b) and other == cells.value(a) and want != other:
                place = cells.place(b)
                if place is not None:
                    out[a] = f"{place[0]}!{place[1]}"
    return out


def _swap_follows(findings: list[Finding], swaps: dict[Ref, str], cells: Cells, notes: dict) -> None:
    """A realisasi "above its pagu" (BUD005) at a cell swapped with its row's pagu follows from
    the swap: a note naming the two cells (in ``notes``)."""
    over = {f"{place[0]}!{place[1]}": other for ref, other in swaps.items() if (place := cells.place(ref))}
    for f in findings:
        if f.code == "BUD005" and (other := over.get(f"{f.sheet}!{f.cell}")):
            notes[id(f)] = replace(f, severity_override="info", params={**f.params, "cause": f"{other}, {f.sheet}!{f.cell}"})


def _unread_follows(findings: list[Finding], cells: Cells, notes: dict) -> None:
    """A Realisasi row whose code no level can be read from (VAL024, VAL027: digits whose dots were
    lost) is in no sum: the Belanja class sums short by exactly its amounts (BUD008), the kegiatan
    it sits under left without sub kegiatan (BUD009) or more than its other sub kegiatan by exactly
    its amounts (BUD034, "a row deleted") follow from the code: notes naming it (in ``notes``)."""
    table, bel = cells.model.table(ADDED_TABLE), cells.model.table("belanja")
    if table is None:
        return
    unread = {table.rows.index(parse_a1(f.cell)[0]): f"{f.sheet}!{f.cell}" for f in findings
              if f.code in UNREAD_CODES and f.sheet == table.sheet}
    if not unread:
        return
    for f in findings:
        if f.code == "BUD009" and f.sheet == table.sheet:
            causes = _unread_below(table, table.rows.index(parse_a1(f.cell)[0]), unread)
        elif f.code == "BUD034" and f.sheet == table.sheet:
            causes = _unread_gaps(f, table, unread)
        elif f.code == "BUD008" and bel is not None and f.sheet == bel.sheet:
            causes = _unread_of_class(f, bel, table, unread)
        else:
            continue
        if causes:
            notes[id(f)] = replace(f, severity_override="info", params={**f.params, "cause": ", ".join(causes)})
    # the parent's other amounts, notes naming its BUD034, name the code too
    moved = {f"{f.sheet}!{f.cell}": notes[id(f)].params["cause"] for f in findings if f.code == "BUD034" and id(f) in notes}
    for f in findings:
        if (cause := moved.get(f.params.get("cause"))) is not None:
            notes[id(f)] = replace(f, params={**f.params, "cause": cause})


def _unread_below(table, parent: int, unread: dict[int, str]) -> list[str]:
    """The unread codes' cells in the rows right below ``parent``, up to the next readable code."""
    causes = []
    for j in range(parent + 1, len(table)):
        if j not in unread:
            if level_of(str(table.get("kode", j) or "").strip()):
                break
            continue
        causes.append(unread[j])
    return causes


def _unread_gaps(f: Finding, table, unread: dict[int, str]) -> list[str]:
    """The unread rows under a parent "more than its children" (BUD034) whose amounts are exactly
    what it lacks: the row is there, its code unread, none deleted."""
    parent = table.rows.index(parse_a1(f.cell)[0])
    level = level_of(str(table.get("kode", parent) or "").strip())
    rows = []
    for j in range(parent + 1, len(table)):
        below = level_of(str(table.get("kode", j) or "").strip())
        if below is not None and LEVELS.index(below) <= LEVELS.index(level):
            break
        if j in unread:
            rows.append(j)
    gaps = f.params.get("gaps") or {}
    if not rows or not gaps or any(add_amounts(money(table.get(k, j)) for j in rows) != gap for k, gap in gaps.items()):
        return []
    return [unread[j] for j in rows]


def _unread_of_class(f: Finding, bel, table, unread: dict[int, str]) -> list[str]:
    """The unread rows of a Belanja class whose amounts in the finding's column are exactly what
    its sum of sub kegiatan lacks (none when they are not)."""
    i, col = bel.rows.index(parse_a1(f.cell)[0]), parse_a1(f.cell)[1]
    column = next((c for c in ("anggaran", "realisasi") if bel.cols.get(c) == col), None)
    if column is None or not (_number(f.found) and _number(f.expected)):
        return []
    label = belanja.key(bel.values["uraian"][i])
    rows = [j for j in unread if belanja.key(table.get("jenis_belanja", j)) == label]
    amounts = [money(table.get("realisasi", j)) if column == "realisasi" else
               pagu_efektif(money(table.get("pagu_murni", j)), money(table.get("pagu_perubahan", j))) for j in rows]
    if not rows or None in amounts or f.found - f.expected != sum(amounts):
        return []
    return [unread[j] for j in rows]


def _blame(ref: Ref, value, explained: list[Finding], cells: Cells, notes: dict, alternatives: str = "",
           swapped: str = "") -> list:
    """The finding at the culprit ``ref`` (unless one already there says it), and the findings it
    explains as notes naming it (in ``notes``). With ``alternatives`` (other cells as likely) it is a
    warning naming them, and the relation's own finding stays as it is; ``swapped``: the cell of
    its row it is swapped with, which the message says instead of a typing slip."""
    place = cells.place(ref)
    if place is None:
        return []
    own = [f for f in explained if (f.sheet, f.cell) == place]
    others = [f for f in explained if f not in own]
    if own and alternatives:
        return []  # the finding's own cell is one of the likely ones: it stays as it is
    if not alternatives:  # the relations it explains sit at cells that are right: notes naming it
        for f in others:
            notes[id(f)] = replace(f, severity_override="info", params={**f.params, "cause": f"{place[0]}!{place[1]}"})
    worst = min((SEVERITY_ORDER[f.severity] for f in others), default=None)
    if not others or (own and min(SEVERITY_ORDER[f.severity] for f in own) <= worst):
        return []
    first = min(others, key=lambda f: (f.sheet, f.cell))
    params = {"cells": ", ".join(sorted({f"{f.sheet}!{f.cell}" for f in others}))}
    # what it explains: an error, or a doubt; one of several likely cells: a pointer (the relation's
    # own finding stays)
    severity = "warning" if alternatives else next(k for k, v in SEVERITY_ORDER.items() if v == worst)
    if alternatives:
        params["alternatives"] = alternatives
    if swapped:
        params["swapped"] = swapped
    return [Finding(CULPRIT_CODES.get(first.code[:3], "BUD021"), place[0], place[1],
                    expected=cells.shown(ref, value), found=cells.shown(ref, cells.value(ref)), params=params,
                    severity_override=None if severity == "error" else severity)]


def _culprits(r: Relation, index, cells: Cells) -> list:
    """[(cell, value, relations explained)] of the cell that explains ``r`` best, or of the two or
    three that explain it equally well; [] when none does, or too many do. Best: explains the most
    reported failures, then looks like a slip, then leaves the relation's parts clearly least spread
    out (one of four equal quarters typed with a digit dropped; one of nine NRRs)."""
    anchor = (r.finding.sheet, r.finding.cell)
    alike = getattr(r, "alike", None)  # the parts a relation names (four quarters, not their year)
    parts = list(alike) if alike else [o for o in r.refs() if cells.place(o) != anchor]
    candidates = []
    for ref in list(r.refs()):
        if cells.typed(ref):
            best = _best_value(r, ref, index[ref], parts)
            if best is not None:
                candidates.append((ref, *best))
    if not candidates:
        return []
    top = max(c[3][:2] for c in candidates)
    best = [c for c in candidates if c[3][:2] == top]
    spreads = sorted({-c[3][2] for c in best if c[3][2] is not None})
    if len(best) > 1 and len(spreads) > 1 and spreads[0] * CLEARLY <= spreads[1]:
        best = [c for c in best if -c[3][2] == spreads[0]]
    best = [c[:3] for c in best]
    return best if len(best) <= MAX_ALTERNATIVES else []


def _best_value(r: Relation, ref: Ref, mine: list[Relation], parts: list[Ref]):
    """(value, failing relations it makes hold, rank) of the value of ``ref`` that makes ``r`` hold,
    keeps every relation of ``ref`` that holds holding, and ranks best: explains the most, looks
    like a slip, leaves the parts least spread out (a target equal to its realisasi: a capaian of
    100 %); None if there is none."""
    found = r.value(ref)
    options = r.solve(ref)
    if options is None:
        options = slip_candidates(found) if _number(found) else []
    best = None
    for value in options:
        if value == found or not r.holds_with(ref, value):
            continue
        if not all(q.holds_with(ref, value) for q in mine if not q.fails):
            continue  # it would break a relation that holds
        # only failures that are reported count: one that follows from another (a sisa from its
        # realisasi) is not a second source
        explained = [q for q in mine if q.finding is not None and q.holds_with(ref, value)]
        slipped = (_number(value) and _number(found) and digit_slip(value, found) is not None) or (
            r.blank_slips and found is None and value is not None)  # a bound between two bands deleted
        if not (slipped or len(explained) >= WITHOUT_SLIP):
            continue
        spread = _dispersion([value if o == ref else r.value(o) for o in parts])
        rank = (len(explained), bool(slipped), None if spread is None else -spread)
        if best is None or _key(rank) > _key(best[2]):
            best = (value, explained, rank)
    return best


def _key(rank: tuple) -> tuple:
    return rank[0], rank[1], rank[2] if rank[2] is not None else Decimal("-Infinity")


def _dispersion(values: list):
    """Σ |value − median| of the numbers: the parts of one relation are alike (nine NRRs near 3,5,
    four equal quarters), so of two corrections as good the one that leaves them least spread out
    is the likelier. None when a part is not a number."""
    if not values or not all(_number(v) for v in values):
        return None
    ordered = sorted(values)
    middle = ordered[len(ordered) // 2]
    return sum((abs(v - middle) for v in ordered), Decimal(0))
