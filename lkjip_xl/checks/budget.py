"""Budget identities (domain.md §3.2): sisa and % per row (BUD001, BUD002, BUD011), parent = Σ
children (BUD003), total = Σ programmes (BUD004), realisasi above pagu (BUD005), PK programme
pagu vs Realisasi (BUD006), Rencana Aksi pagu vs Realisasi (BUD007) and its quarters (BUD012),
economic classes (BUD008), and SUM ranges of parent/total rows that skip rows (FRM003).

Amounts are compared exactly (Decimal); a typed % is accepted half-up or truncated at the
precision it was typed with. Comparisons whose inputs are all blank are skipped.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterable

from ..calc.budget import iter_nodes, level_of, parent_code, persen, sum_amounts
from ..calc.decimals import strip_exponent
from .codes import amount, norm, realisasi_tree
from .compare import typed_match
from ..findings import Finding

FIELDS = ("pagu_murni", "pagu_perubahan", "realisasi", "sisa")
FIELD_NAME = {"pagu_murni": "pagu murni", "pagu_perubahan": "pagu perubahan", "realisasi": "realisasi",
              "sisa": "sisa"}
_DEPTH = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2}


def check(ctx) -> Iterable[Finding]:
    table = ctx.model.table("realisasi")
    if table is not None and "kode" in table.values:
        roots, _, totals = realisasi_tree(table, FIELDS)
        yield from _rows(ctx, table, roots, totals)
        yield from _rollups(ctx, table, roots, totals)
        yield from _sum_ranges(ctx, table, roots, totals)
    else:
        table = None
    yield from _pk(ctx, table)
    yield from _rencana_aksi(ctx, table)
    yield from _belanja(ctx, table)


def _efektif(table, i: int) -> Decimal | None:
    """Pagu efektif: perubahan when filled, else murni."""
    p = amount(table.get("pagu_perubahan", i))
    return p if p is not None else amount(table.get("pagu_murni", i))


# ------------------------------------------------------------------------------ per row
def _rows(ctx, table, roots, totals) -> Iterable[Finding]:
    derived = ctx.derived("realisasi")
    children = {n.row_id: n.children for n in iter_nodes(roots)}
    children.update({t: [n for n in roots if n.level == "program"] for t in totals})
    for i in range(len(table)):
        found = table.get("sisa", i)
        if found is not None and not table.has_formula["sisa"][i]:
            want = derived[i].get("sisa")
            if want is not None and amount(found) != amount(want):
                yield Finding("BUD001", table.sheet, table.cell("sisa", i), expected=want, found=found)
        found = amount(table.get("persen_realisasi", i))
        if found is not None and not table.has_formula["persen_realisasi"][i]:
            want = derived[i].get("persen_realisasi")
            typed = strip_exponent(found)  # a number cell keeps no trailing zeros
            if want is not None and typed_match(want, typed) is None:
                code = "BUD011" if _is_mean_of(table, children.get(i), typed) else "BUD002"
                yield Finding(code, table.sheet, table.cell("persen_realisasi", i), expected=want, found=typed)
        pagu, real = _efektif(table, i), amount(table.get("realisasi", i))
        if pagu is not None and real is not None and real > pagu:
            yield Finding("BUD005", table.sheet, table.cell("realisasi", i), expected=pagu, found=real)


def _is_mean_of(table, children, typed: Decimal) -> bool:
    """The typed % of a parent is the unweighted mean of its children's % (a known mistake)."""
    shares = [persen(amount(table.get("realisasi", c.row_id)), _efektif(table, c.row_id)) for c in children or ()]
    if len(shares) < 2 or any(s is None for s in shares):
        return False
    return typed_match(sum(shares) / len(shares), typed) is not None


# ------------------------------------------------------------------------------ roll-ups
def _mismatches(parent_row: int, kids, table, sisa_ok) -> list[tuple[str, Decimal, Decimal | None]]:
    out = []
    rows = [k.row_id for k in kids]
    for f in FIELDS:
        if f not in table.values:
            continue
        want, found = sum_amounts(kids, f), amount(table.values[f][parent_row])
        if f == "pagu_perubahan" and want is not None:
            # a blank perubahan means "unchanged": such a child counts with its murni
            want = _sum(_efektif(table, i) for i in rows)
            if found is None and _efektif(table, parent_row) == want:
                continue
        if f == "sisa" and not all(sisa_ok(i) for i in rows + [parent_row]):
            continue  # a typed sisa that is wrong in itself is BUD001, not a roll-up problem
        if want is not None and found != want:
            out.append((f, want, found))
    if len(out) > 1:  # a wrong sisa follows from a wrong pagu or realisasi: report the cause
        out = [m for m in out if m[0] != "sisa"]
    return out


def _rollups(ctx, table, roots, totals) -> Iterable[Finding]:
    derived = ctx.derived("realisasi")

    def sisa_ok(i: int) -> bool:
        found, want = table.get("sisa", i), derived[i].get("sisa")
        return table.has_formula["sisa"][i] or found is None or want is None or amount(found) == amount(want)

    for node in iter_nodes(roots):
        if node.children:
            for f, want, found in _mismatches(node.row_id, node.children, table, sisa_ok):
                yield Finding("BUD003", table.sheet, table.cell(f, node.row_id), expected=want, found=found,
                              params={"field": FIELD_NAME[f], "kode": node.code, "n": len(node.children)})
    programmes = [n for n in roots if n.level == "program"]
    for t in totals:
        if programmes:
            for f, want, found in _mismatches(t, programmes, table, sisa_ok):
                yield Finding("BUD004", table.sheet, table.cell(f, t), expected=want, found=found,
                              params={"field": FIELD_NAME[f]})


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


def _sum_ranges(ctx, table, roots, totals) -> Iterable[Finding]:
    scan = ctx.model.scans.get(table.sheet)
    if scan is None or not scan.formulas:
        return
    parents = [(n.row_id, n.children) for n in iter_nodes(roots) if n.children]
    programmes = [n for n in roots if n.level == "program"]
    parents += [(t, programmes) for t in totals if programmes]
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


def _uncovered(node, table, covered: set[int]) -> list[int]:
    """Rows of ``node`` left out: a child counts as covered when all of its own children are."""
    row = table.rows[node.row_id]
    if row in covered:
        return []
    if node.children and all(not _uncovered(c, table, covered) for c in node.children):
        return []
    return [row]


# ------------------------------------------------------------------------------ PK, Rencana Aksi
def _programme_of(code: str) -> str:
    while parent_code(code):
        code = parent_code(code)
    return code


def _pk(ctx, table) -> Iterable[Finding]:
    pk = ctx.model.table("pk_program")
    if pk is None or table is None or "kode" not in pk.values:
        return
    rows = [(norm(k), i) for i, k in enumerate(table.values["kode"]) if k is not None and level_of(str(k))]
    versions = {
        "pagu_murni": lambda i: amount(table.get("pagu_murni", i)),
        "pagu_perubahan": lambda i: _efektif(table, i),
    }
    for key, value in versions.items():
        if key not in pk.values or all(amount(table.get(key, i)) is None for _, i in rows):
            continue  # this version is not used on the Realisasi sheet
        for j, raw in enumerate(pk.values["kode"]):
            code, found = norm(raw), amount(pk.values[key][j])
            mine = [(c, i) for c, i in rows if code and _programme_of(c) == code]
            if found is None or not mine:
                continue
            deepest = max(_DEPTH[level_of(c)] for c, _ in mine)
            present = [v for v in (value(i) for c, i in mine if _DEPTH[level_of(c)] == deepest) if v is not None]
            if present and sum(present) != found:
                yield Finding("BUD006", pk.sheet, pk.cell(key, j), expected=sum(present), found=found,
                              params={"field": key.split("_")[1], "kode": code})


def _rencana_aksi(ctx, table) -> Iterable[Finding]:
    ra = ctx.model.table("ra_kegiatan")
    if ra is None or "kode" not in ra.values:
        return
    where = {}
    if table is not None:
        for i, k in enumerate(table.values["kode"]):
            where.setdefault(norm(k), i)
    pk = _pk_programme_pagu(ctx)
    for j, raw in enumerate(ra.values["kode"]):
        code, pagu = norm(raw), amount(ra.get("pagu", j))
        quarters = [amount(ra.get(f"pagu_tw{q}", j)) for q in range(1, 5)]
        present = [q for q in quarters if q is not None]
        if present and sum(present) != pagu:
            yield Finding("BUD012", ra.sheet, ra.cell("pagu", j), expected=sum(present), found=pagu,
                          params={"kode": code})
        pk_options = pk.get(code, [])
        if pagu is not None and pk_options and pagu not in pk_options:
            yield Finding("BUD014", ra.sheet, ra.cell("pagu", j), expected=pk_options[0], found=pagu,
                          params={"kode": code})
        i = where.get(code)
        if pagu is None or i is None or code is None or pagu in pk_options:
            continue  # equal to the PK's murni or perubahan: the Rencana Aksi quotes the PK
        options = [v for v in (amount(table.get("pagu_murni", i)), amount(table.get("pagu_perubahan", i)))
                   if v is not None]
        if options and pagu not in options:
            yield Finding("BUD007", ra.sheet, ra.cell("pagu", j), expected=_efektif(table, i), found=pagu,
                          params={"kode": code})


def _pk_programme_pagu(ctx) -> dict[str, list]:
    """Programme code -> its PK pagu [murni, perubahan (when filled)]. Only programmes whose murni is
    filled: a Rencana Aksi is drawn up on the murni budget, so without it nothing can be said."""
    prog = ctx.model.table("pk_program")
    out: dict[str, list] = {}
    if prog is None or "kode" not in prog.values:
        return out
    for i, k in enumerate(prog.values["kode"]):
        murni, perubahan = amount(prog.get("pagu_murni", i)), amount(prog.get("pagu_perubahan", i))
        if norm(k) is not None and murni is not None:
            out.setdefault(norm(k), [v for v in (murni, perubahan) if v is not None])
    return out


# ------------------------------------------------------------------------------ economic classes
OPERASI, MODAL, JUMLAH = "Belanja Operasi", "Belanja Modal", "Jumlah Belanja Daerah"
OPERASI_KINDS = ("Belanja Pegawai", "Belanja Barang dan Jasa")
MODAL_KINDS = ("Belanja Modal Tanah", "Belanja Modal Peralatan dan Mesin", "Belanja Modal Gedung dan Bangunan",
               "Belanja Modal Jalan, Irigasi dan Jaringan", "Belanja Modal Aset Tetap Lainnya")


def _key(text) -> str:
    return " ".join(str(text or "").lower().split())


def _belanja(ctx, table) -> Iterable[Finding]:
    bel = ctx.model.table("belanja")
    if bel is None or "uraian" not in bel.values:
        return
    index = {_key(u): i for i, u in enumerate(bel.values["uraian"])}
    for col, source in (("anggaran", _efektif), ("realisasi", lambda t, i: amount(t.get("realisasi", i)))):
        if col not in bel.values or all(amount(v) is None for v in bel.values[col]):
            continue

        def typed(name):
            i = index.get(_key(name))
            return None if i is None else amount(bel.values[col][i])

        def finding(name, want, detail):
            i = index.get(_key(name))
            found = None if i is None else amount(bel.values[col][i])
            if found is None and want == 0:
                return None  # a class nobody spent on, left blank
            if i is not None and want is not None and found != want:
                return Finding("BUD008", bel.sheet, bel.cell(col, i), expected=want, found=found,
                               params={"name": f"{name} ({col})", "detail": detail})

        def total(names):
            present = [v for v in map(typed, names) if v is not None]
            return sum(present) if present else None

        operasi, modal = total(OPERASI_KINDS), total(MODAL_KINDS)
        out = [finding(OPERASI, operasi, "Pegawai + Barang dan Jasa"),
               finding(MODAL, modal, "Σ 5 jenis belanja modal")]
        # Jumlah from the components where they are filled (a wrong Operasi is reported at Operasi only)
        best = [v for v in (operasi if operasi is not None else typed(OPERASI),
                            modal if modal is not None else typed(MODAL)) if v is not None]
        jumlah = finding(JUMLAH, sum(best), "Belanja Operasi + Belanja Modal") if best else None
        out.append(jumlah)
        if table is not None and jumlah is None:
            programmes = [i for i, k in enumerate(table.values["kode"]) if level_of(str(k or "")) == "program"]
            out.append(finding(JUMLAH, _sum(source(table, i) for i in programmes), "Σ program, sheet Realisasi"))
        if table is not None:
            out += [finding(name, want, f"Σ sub kegiatan {name}") for name, want in _by_class(table, source).items()]
        yield from (f for f in out if f)


def _sum(values) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def _by_class(table, source) -> dict[str, Decimal]:
    """Σ per economic class of the sub kegiatan, when every sub kegiatan with an amount has a known class."""
    if "jenis_belanja" not in table.values:
        return {}
    sums = {name: Decimal(0) for name in OPERASI_KINDS + MODAL_KINDS}
    known = {_key(n): n for n in sums}
    tagged = False
    for i, k in enumerate(table.values["kode"]):
        value = source(table, i)
        if level_of(str(k or "")) != "sub_kegiatan" or value is None:
            continue
        name = known.get(_key(table.values["jenis_belanja"][i]))
        if name is None:
            return {}  # an untagged (or unknown) class: the class sums cannot be known
        sums[name] += value
        tagged = True
    return sums if tagged else {}
