"""The same amounts quoted again (domain.md §3.2): the PK programme pagu against the programme's
rows on Realisasi (BUD006) and partly blank (BUD018), the Rencana Aksi pagu against its quarters
(BUD012), the PK (BUD014) and Realisasi (BUD007) or left blank (BUD025), the Rencana Aksi quarterly
spending against the kegiatan's realisasi (BUD022) and its quarterly pagu (BUD023); the economic
classes on Belanja are ``checks/belanja_classes.py``.

Each comparison is a relation (``checks/relations.py``) kept in ``ctx.relations``, so that where
one fails ``checks/blame.py`` can tell which cell explains it.
"""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Iterable

from ..calc.budget import add_amounts, dots_lost, level_of, match_key, parent_code
from ..derive.budget import money
from ..derive.stage import as_reported
from ..findings import Finding
from ..i18n import Text, quarter
from . import belanja_classes
from .budget_cells import AMOUNT_CELLS, FIELD_NAME, BudgetCells
from .codes import norm
from .relations import Linear, Ref, Test, one_of, reported

_DEPTH = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2}
QUARTERS = (1, 2, 3, 4)
# the kinds of cell the Rencana Aksi relations are made of (see Relation.kinds)
RA_PAGU_CELLS = frozenset(("ra_kegiatan", key) for key in ("pagu", *(f"pagu_tw{q}" for q in QUARTERS)))
RA_SPENT_CELLS = frozenset(("ra_kegiatan", f"realisasi_tw{q}") for q in QUARTERS)
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
    yield from belanja_classes.check(ctx, cells)
    yield from _unmatched_codes(ctx, cells)


def _unmatched_codes(ctx, cells: BudgetCells | None) -> Iterable[Finding]:
    """BUD028: a PK programme or a Rencana Aksi kegiatan with a pagu whose code is on no row of the
    Realisasi sheet (matched by ``match_key``: 3.01 is 03.01): its pagu cannot be compared there,
    and the national code on one sheet with the short one on another (7.01.01… and 01) says why."""
    if cells is None or cells.tree.by_level or not cells.tree.lines:
        return
    known = {match_key(line.code) for line in cells.tree.lines}
    # a code whose dots were lost on the Realisasi sheet is said there, where the slip is (VAL027)
    known |= {match_key(meant) for p in cells.tree.problems if p.kind == "invalid_code" and (meant := dots_lost(p.code))}
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
    strays = _strays(cells)
    versions = {"pagu_murni": "pagu_murni", "pagu_perubahan": "pagu"}
    for key, name in versions.items():
        if key not in pk.values or all(line.amounts.get(key) is None for line in lines):
            continue  # this version is not used on the Realisasi sheet
        for j, raw in enumerate(pk.values["kode"]):
            code, found = norm(raw), money(pk.values[key][j])
            mine = by_programme.get(match_key(code), []) if code else []
            unchanged = key == "pagu_perubahan" and found is None  # blank: not revised, the murni stands
            if unchanged:
                found = money(pk.values["pagu_murni"][j]) if "pagu_murni" in pk.values else None
            if found is None or not mine:
                continue
            deepest = max(_DEPTH[line.level] for line in mine)
            rows = [line.index for line in mine if _DEPTH[line.level] == deepest]
            present = [i for i in rows if cells.quoted(i, name) is not None]
            if len(present) < len(rows):
                continue  # a partial sum says nothing: the blank rows are said on Realisasi (BUD016, BUD017)
            want = add_amounts(cells.quoted(i, name) for i in present)
            params = {"field": FIELD_NAME[key], "kode": code}
            if key == "pagu_perubahan" and not unchanged:
                params.update(_unrevised(cells, present))
            cause = _stray_cause(cells, strays.get(match_key(code), []), deepest, name, found - want) \
                if want != found and not unchanged and want is not None else None
            if cause:  # a row of this programme whose code has no parent (BUD010 there): it follows
                yield Finding("BUD006", pk.sheet, pk.cell(key, j), expected=want, found=found,
                              params={**params, "cause": cause}, severity_override="info")
                continue
            finding = Finding("BUD006", pk.sheet, pk.cell(key, j), expected=want, found=None if unchanged else found,
                              params=params) if want != found else None
            if unchanged:  # the blank itself is the slip when the sheet's programme was revised
                if finding is not None:
                    yield finding
                continue
            yield Linear(finding is not None, finding, lambda j=j, key=key, name=name, present=present: (
                [(Ref("pk_program", j, key), 1, money(pk.values[key][j]))]
                + [t for i in present for t in cells.terms(i, name, -1)]),
                lambda present=present, j=j: cells.rows_below(present) | {("pk_program", j)},
                AMOUNT_CELLS | {("pk_program", key)})


def _strays(cells: BudgetCells) -> dict[str, list]:
    """{programme's match key: its rows by the sheet whose code's parent is nowhere (BUD010 at
    their code, a national code among short ones): their code names another programme}."""
    orphans = {p.row_id for p in cells.tree.problems if p.kind == "orphan"}
    out = defaultdict(list)
    for line in cells.tree.lines:
        if line.index in orphans:
            top = line
            while top.parent is not None:
                top = top.parent
            if top.level == "program" and match_key(top.code) != match_key(_programme_of(line.code)):
                out[match_key(top.code)].append(line)
    return out


def _stray_cause(cells: BudgetCells, strays: list, deepest: int, name: str, gap) -> str | None:
    """The code cell of the stray rows (``_strays``) of a programme when their amounts are exactly
    what its PK pagu has more than its rows by their codes; None else."""
    strays = [line for line in strays if _DEPTH[line.level] == deepest]
    if not strays or add_amounts(cells.quoted(line.index, name) for line in strays) != gap:
        return None
    return ", ".join(f"{cells.table.sheet}!{cells.table.cell('kode', line.index)}" for line in strays)


def _unrevised(cells: BudgetCells, rows: list[int]) -> dict:
    """{"unrevised": their pagu perubahan cells} when none of these Realisasi rows has one: a pagu
    another sheet states otherwise is then a revision not typed on Realisasi, not a typing slip."""
    if any(cells.amount(i, "pagu_perubahan") is not None for i in rows):
        return {}
    named = [cells.table.cell("pagu_perubahan", i) for i in rows[:3]]
    return {"unrevised": ", ".join(named) + (" …" if len(rows) > 3 else "")}


def _pk_partly_blank(pk) -> Iterable[Finding]:
    """BUD018: a PK pagu column filled for some programmes and blank for others has no total. A
    pagu perubahan left blank beside a pagu murni is a programme the APBD-P did not change (its
    pagu is the murni, as on the Realisasi sheet and in the PK Perubahan document), not a gap."""
    murni = [money(v) for v in pk.values.get("pagu_murni", ())]
    for key in ("pagu_murni", "pagu_perubahan"):
        values = [money(v) for v in pk.values.get(key, ())]
        if any(v is not None for v in values):
            for j, v in enumerate(values):
                if v is None and not (key == "pagu_perubahan" and j < len(murni) and murni[j] is not None):
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
            yield from _quarterly_spending(ra, j, code, line, cells, ctx.wb.reported_quarter)
        if pagu is None or line is None or code is None:
            continue
        mine = {Ref("realisasi", line.index, k): line.amounts.get(k) for k in ("pagu_murni", "pagu_perubahan")}
        if all(v is None for v in mine.values()):
            continue
        differs = pagu not in mine.values()
        finding = Finding("BUD007", ra.sheet, ra.cell("pagu", j), expected=line.pagu, found=pagu,
                          params={"kode": code, **_unrevised(cells, [line.index])})
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


def _quarterly_spending(ra, j: int, code: str, line, cells: BudgetCells, reported: int | None):
    """BUD022: the four quarters' spending of a kegiatan add up to its realisasi on Realisasi (the
    quarters after the last one ``reported``, 0 typed ahead, are not reported yet)."""
    spent = as_reported([money(ra.get(f"realisasi_tw{q}", j)) for q in QUARTERS], reported)
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
                              params={"kode": norm(ra.get("kode", j)) or "", "tw": quarter(q)})
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
