"""Mutation benchmark: does `check` find a single-cell slip, and at the cell that holds it?

    python benchmarks/mutations.py [--n 40] [--seed 1] [--base valid|medan_amplas_2023|medang_kampai_2023]
                                   [--recalc auto|libreoffice|none] [--keep DIR] [--misses]

Takes a clean workbook (the valid workbook of the tests, or a bundled sample whose own findings are
subtracted), breaks ONE input cell the way people slip, N times per kind of slip, lets LibreOffice
recalculate and save every broken copy (one soffice call for the whole batch; skipped with
``--recalc none`` or where soffice is missing: lkjip-xl computes every value itself), runs `check`
on each, and prints per kind:

- n: broken copies made (at most N; fewer when the base has fewer distinct mutations of that kind);
- detected: a new warning or error anywhere; at cell: a new warning or error at the changed cell;
  on row: on the changed cell's row; error: a new error anywhere;
- the same three rates over the slips that must be detected (see "undetectable by nature");
- false: findings on the unbroken base (after the same recalculation) that the base does not have.

A finding is new when the unbroken base has no finding with the same code, cell, severity, expected
and found value. The mutated cells are the input cells that carry a reported figure (schema input
columns of number type, codes, SKM answers, the Identitas years, the SKM population, the bounds of
the chosen rating scale), sampled evenly across tables, without repetition. Slips that no check can
see are counted apart, with their reason (UNDETECTABLE), and so are swaps of two sibling amounts
that keep every total (the issue's exclusion).
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import openpyxl  # noqa: E402

from lkjip_xl.calc.budget import level_of, parent_code  # noqa: E402
from lkjip_xl.checks.engine import check_workbook  # noqa: E402
from lkjip_xl.reader import read_workbook  # noqa: E402
from lkjip_xl.schema import ColType  # noqa: E402
from lkjip_xl.schema.refs import parse_a1  # noqa: E402

BASES = {"valid": None, "medan_amplas_2023": ROOT / "samples" / "medan_amplas_2023.xlsx",
         "medang_kampai_2023": ROOT / "samples" / "medang_kampai_2023.xlsx"}
NUMBER_KINDS = ("digit_dropped", "digits_swapped", "extra_zero", "missing_zero", "last_digit_pm1",
                "one_digit_wrong", "sign", "percent_as_fraction")
KINDS = NUMBER_KINDS + ("emptied", "code_wrong_parent", "siblings_swapped")
NUMBER_TYPES = (ColType.INTEGER, ColType.MONEY, ColType.DECIMAL, ColType.PERCENT)
# descriptive columns: no reported figure derives from them, no other cell states them
OUT_OF_SCOPE = {("skm_responden", "no"), ("skm_responden", "umur")}
FORM_FIELDS = {"identitas": ("tahun", "renstra_awal", "renstra_akhir"), "skm_info": ("populasi",)}
CODE_COLUMNS = {"realisasi": "kode", "pk_program": "kode", "ra_kegiatan": "kode", "pk_indikator": "kode_indikator",
                "ra_indikator": "kode_indikator", "pk_komponen": "kode_indikator"}
# columns whose blank is a legitimate state that no other cell contradicts ("not reported yet",
# "not planned by quarter", "optional"): emptying them is undetectable by nature
BLANK_IS_LEGIT = {
    ("pk_indikator", "realisasi_lalu"): "last year's actual is optional",
    ("pk_indikator", "target_renstra"): "the Renstra target is optional",
    ("ra_indikator", "target_tw1"): "quarter targets are optional", ("ra_indikator", "target_tw2"): "",
    ("ra_indikator", "target_tw3"): "",
    ("ra_indikator", "realisasi_tw1"): "a quarter not reported yet", ("ra_indikator", "realisasi_tw2"): "",
    ("ra_indikator", "realisasi_tw3"): "", ("ra_indikator", "realisasi_tw4"): "",
    ("ra_kegiatan", "realisasi_tw1"): "a quarter not reported yet", ("ra_kegiatan", "realisasi_tw2"): "",
    ("ra_kegiatan", "realisasi_tw3"): "", ("ra_kegiatan", "realisasi_tw4"): "",
    ("realisasi", "target_keluaran"): "an output not reported", ("realisasi", "realisasi_keluaran"): "",
    ("identitas", "renstra_awal"): "the Renstra period is optional", ("identitas", "renstra_akhir"): "",
    ("skm_info", "populasi"): "the population is optional",
    ("skm_unsur", "nrr_tertulis"): "a typed NRR is optional when the answers give it",
    # and (see mutations()): a Belanja class holding 0 ("a class nobody spent on" may be left blank), a
    # pagu perubahan equal to the murni (blank: "the pagu did not change")
}
UNDETECTABLE = {
    "answer_still_valid": "an SKM answer changed into another valid answer (1-4)",
    "blank_is_legit": "a cell emptied whose blank is a legitimate state (optional, not reported yet)",
    "free_quarter": "a TW I-III target of an 'akhir' indicator changed into another point on its way "
                    "to the annual target (the path stays monotone, within 10x of the annual target)",
    "single_source": "a value no other cell states (see single_source()) changed into a value within a "
                     "factor of 2 of it, of the same sign: nothing can tell which one is right",
    "zero_is_legit": "a realisasi (an output, a component's pembilang, a PK realisasi) no other cell states "
                     "changed to 0: nothing achieved is a statement staff make on purpose",
    "below_precision": "an NRR typed without respondent rows changed so little that the IKM it adds up "
                       "to, as printed on the PK (its only second source), stays the same",
}
# a changed value within this factor of the original (same sign) is as plausible as it
PLAUSIBLE_FACTOR = 2


# ------------------------------------------------------------------------------ cells
@dataclass(frozen=True)
class Target:
    sheet: str
    cell: str
    table: str  # table or form key
    key: str
    index: int | None  # row in the table; None for a form field
    value: object
    role: str  # number, answer, code
    percent: bool = False  # the value is in percent points


def _percent_rows(model) -> set[str]:
    """Indicator codes whose unit is %."""
    pk = model.table("pk_indikator")
    out = set()
    for i in range(len(pk) if pk is not None else 0):
        if str(pk.get("satuan", i) or "").strip() == "%" and pk.get("kode_indikator", i):
            out.add(str(pk.get("kode_indikator", i)).strip())
    return out


def targets(model) -> list[Target]:
    out: list[Target] = []
    percent_codes = _percent_rows(model)
    identitas = model.form("identitas")
    scale = identitas.values.get("skala") if identitas is not None else None
    for key, table in model.tables.items():
        for col in table.table.columns:
            if col.computed or (key, col.key) in OUT_OF_SCOPE or col.key not in table.values:
                continue
            is_code = CODE_COLUMNS.get(key) == col.key
            if col.type not in NUMBER_TYPES and not is_code:
                continue
            for i in range(len(table)):
                if table.has_formula.get(col.key, [False] * len(table))[i]:
                    continue
                if key == "skala" and table.get("preset", i) != scale:
                    continue  # another scale than the chosen one is not used by this workbook
                value = table.values[col.key][i]
                role = "code" if is_code else "answer" if key == "skm_responden" else "number"
                code = str(table.get("kode_indikator", i) or "").strip()
                pct = role == "number" and key in ("pk_indikator", "ra_indikator") and code in percent_codes
                out.append(Target(table.sheet, table.cell(col.key, i), key, col.key, i, value, role, pct))
    for form_key, keys in FORM_FIELDS.items():
        form = model.form(form_key)
        for key in keys if form is not None else ():
            if key in form.cells and not form.has_formula.get(key):
                out.append(Target(form.sheet, form.cells[key], form_key, key, None, form.values.get(key), "number"))
    return out


# ------------------------------------------------------------------------------ slips
def _text(value) -> str:
    d = Decimal(str(value))
    return format(abs(d), "f")


def _number(text: str, negative: bool, like):
    text = text.lstrip("0") or "0"
    if text.startswith("."):
        text = "0" + text
    d = Decimal(text)
    d = -d if negative else d
    if isinstance(like, int) and "." not in text:
        return int(d)
    return int(d) if d == d.to_integral_value() and "." not in text else d


def _digits(text: str) -> list[int]:
    return [i for i, ch in enumerate(text) if ch.isdigit()]


def _int_digits(text: str) -> list[int]:
    point = text.find(".")
    end = len(text) if point < 0 else point
    return [i for i in range(end) if text[i].isdigit()]


def number_variants(value, kind: str) -> list:
    """Every distinct value a slip of this kind makes of ``value``."""
    if value is None or isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return []
    neg = value < 0
    text = _text(value)
    out = []
    if kind == "digit_dropped":
        out = [_number(text[:i] + text[i + 1:], neg, value) for i in _digits(text)]
    elif kind == "digits_swapped":
        ds = _digits(text)
        for a, b in zip(ds, ds[1:]):
            if b == a + 1 and text[a] != text[b]:
                out.append(_number(text[:a] + text[b] + text[a] + text[b + 1:], neg, value))
    elif kind == "extra_zero":
        ints = _int_digits(text)
        if text not in ("0",):
            out = [_number(text[:i + 1] + "0" + text[i + 1:], neg, value) for i in ints]
    elif kind == "missing_zero":
        out = [_number(text[:i] + text[i + 1:], neg, value) for i in _int_digits(text) if text[i] == "0" and i > 0]
    elif kind == "last_digit_pm1":  # the last digit typed one up or one down (9 only down, 0 only up)
        i = _digits(text)[-1]
        out = [_number(text[:i] + str(int(text[i]) + s) + text[i + 1:], neg, value) for s in (1, -1)
               if 0 <= int(text[i]) + s <= 9]
    elif kind == "one_digit_wrong":
        for i in _digits(text):
            for ch in "0123456789":
                if ch != text[i] and not (ch == "0" and i == 0 and len(_int_digits(text)) > 1):
                    out.append(_number(text[:i] + ch + text[i + 1:], neg, value))
    elif kind == "sign":
        out = [-value] if value != 0 else []
    seen, distinct = set(), []
    for v in out:
        if v != value and v not in seen:
            seen.add(v)
            distinct.append(v)
    return distinct


@dataclass
class Mutation:
    kind: str
    changes: list[tuple[Target, object]]  # (cell, new value)
    nature: str | None = None  # undetectable by nature: a key of UNDETECTABLE
    excluded: bool = False  # a swap of two siblings that keeps every total
    name: str = ""

    @property
    def cells(self) -> set[tuple[str, str]]:
        return {(t.sheet, t.cell) for t, _ in self.changes}

    @property
    def rows(self) -> set[tuple[str, int]]:
        return {(t.sheet, parse_a1(t.cell)[0]) for t, _ in self.changes}

    def describe(self) -> str:
        return "; ".join(f"{t.sheet}!{t.cell} {t.value!r} -> {v!r}" for t, v in self.changes)


def _indicator_rows(model) -> tuple[dict, dict, set]:
    """Indicator code -> its Rencana Aksi row; codes with components."""
    ra = model.table("ra_indikator")
    rows = {str(ra.get("kode_indikator", j) or "").strip(): j for j in range(len(ra) if ra is not None else 0)}
    komponen = model.table("pk_komponen")
    composite = {str(komponen.get("kode_indikator", j) or "").strip()
                 for j in range(len(komponen) if komponen is not None else 0)}
    return rows, {}, composite


def single_source(model, t: Target) -> bool:
    """SINGLE_SOURCE: the value is stated by no other cell of the workbook (no sum, no copy on
    another sheet, no recomputation): last year's realisasi (without --tahun-lalu), the Renstra
    target, an output's target and realisasi, the SKM population, the Renstra years, a PK target
    with no Rencana Aksi row, a PK realisasi with no Rencana Aksi actuals that is not the IKM or a
    composite, a PK programme pagu whose version the Realisasi sheet leaves blank."""
    if (t.table, t.key) in {("pk_indikator", "realisasi_lalu"), ("pk_indikator", "target_renstra"),
                            ("realisasi", "target_keluaran"), ("realisasi", "realisasi_keluaran"),
                            ("skm_info", "populasi"), ("identitas", "renstra_awal"), ("identitas", "renstra_akhir")}:
        return True
    if t.table == "pk_indikator" and t.key in ("target", "realisasi"):
        pk, ra = model.table("pk_indikator"), model.table("ra_indikator")
        code = str(pk.get("kode_indikator", t.index) or "").strip()
        ra_rows, _, composite = _indicator_rows(model)
        j = ra_rows.get(code)
        if t.key == "target":
            return j is None or ra.get("target_tahunan", j) is None
        ikm = "kepuasan masyarakat" in str(pk.get("indikator", t.index) or "").lower()
        quarters = j is not None and any(ra.get(f"realisasi_tw{q}", j) is not None for q in (1, 2, 3, 4))
        return not (ikm or code in composite or quarters)
    if t.table == "pk_program" and t.key in ("pagu_murni", "pagu_perubahan"):
        real = model.table("realisasi")
        keys = ("pagu_murni",) if t.key == "pagu_murni" else ("pagu_murni", "pagu_perubahan")
        return real is None or all(real.get(k, i) is None for k in keys for i in range(len(real)))
    return False


def _plausible_change(old, new) -> bool:
    if not isinstance(old, (int, Decimal)) or not isinstance(new, (int, Decimal)) or old == 0 or new == 0:
        return False
    ratio = Decimal(str(new)) / Decimal(str(old))
    return 1 / Decimal(PLAUSIBLE_FACTOR) <= ratio <= PLAUSIBLE_FACTOR


def _free_quarter(model, t: Target, new) -> bool:
    """A TW I-III target of an 'akhir' indicator whose path to the annual target stays monotone and
    within 10x of it."""
    if t.table != "ra_indikator" or t.key not in ("target_tw1", "target_tw2", "target_tw3"):
        return False
    ra = model.table("ra_indikator")
    if str(ra.get("agregasi", t.index) or "").strip().lower() != "akhir" or not isinstance(new, (int, Decimal)):
        return False
    annual = ra.get("target_tahunan", t.index)
    if annual is None or annual <= 0 or not (annual / 10 <= new <= annual * 10):
        return False
    path = [new if k == t.key else ra.get(k, t.index) for k in ("target_tw1", "target_tw2", "target_tw3")]
    path = [v for v in path if v is not None] + [annual]
    steps = [b - a for a, b in zip(path, path[1:]) if b != a]
    return all(x > 0 for x in steps) or all(x < 0 for x in steps)


def _ikm_hides(model, t: Target, new) -> bool:
    """A typed NRR change the PK's IKM, at the precision it is printed with, does not show."""
    from lkjip_xl.calc.decimals import decimal_places, round_half_up
    from lkjip_xl.calc.skm import ikm_from_nrr

    block, pk = model.table("skm_unsur"), model.table("pk_indikator")
    resp = model.table("skm_responden")
    if t.table != "skm_unsur" or t.key != "nrr_tertulis" or (resp is not None and len(resp)) or pk is None:
        return False
    printed = next((pk.get("realisasi", i) for i in range(len(pk))
                    if "kepuasan masyarakat" in str(pk.get("indikator", i) or "").lower()), None)
    nrrs = [block.get("nrr_tertulis", i) for i in range(len(block))]
    if printed is None or None in nrrs or not isinstance(new, (int, Decimal)) or not 1 <= new <= 4:
        return False
    changed = [new if i == t.index else v for i, v in enumerate(nrrs)]
    before, after = (ikm_from_nrr({f"U{i + 1}": v for i, v in enumerate(x)}).unrounded for x in (nrrs, changed))
    places = decimal_places(Decimal(str(printed)))
    return round_half_up(before, places) == round_half_up(after, places)


def _nature(model, t: Target, new) -> str | None:
    if t.role == "answer" and new in (1, 2, 3, 4):
        return "answer_still_valid"
    if _ikm_hides(model, t, new):
        return "below_precision"
    if _free_quarter(model, t, new):
        return "free_quarter"
    if single_source(model, t) and _plausible_change(t.value, new):
        return "single_source"
    if new == 0 and (t.table, t.key) in ZERO_IS_LEGIT and single_source(model, t):
        return "zero_is_legit"
    return None


# a realisasi whose 0 says "nothing achieved" (checks/plausibility.py, nothing_achieved)
ZERO_IS_LEGIT = {("realisasi", "realisasi_keluaran"), ("pk_komponen", "pembilang"), ("pk_indikator", "realisasi")}


def mutations(model, ts: list[Target], kind: str) -> list[Mutation]:
    out = []
    if kind in NUMBER_KINDS:
        for t in ts:
            if t.role == "code" or (kind == "percent_as_fraction" and not t.percent):
                continue
            if kind == "percent_as_fraction":
                if t.value in (None, 0) or not isinstance(t.value, (int, Decimal)):
                    continue
                variants = [Decimal(str(t.value)) / 100]
            else:
                variants = number_variants(t.value, kind)
            for v in variants:
                out.append(Mutation(kind, [(t, v)], _nature(model, t, v)))
    elif kind == "emptied":
        for t in ts:
            if t.value is None or (isinstance(t.value, str) and not t.value.strip()):
                continue
            legit = (t.table, t.key) in BLANK_IS_LEGIT or (t.table == "belanja" and t.value == 0) or (
                t.key == "pagu_perubahan" and _same_as_murni(model, t)) or _belanja_sum_row(model, t)
            nature = "blank_is_legit" if legit else None
            out.append(Mutation(kind, [(t, None)], nature))
    elif kind == "code_wrong_parent":
        out = _wrong_parents(ts)
    elif kind == "siblings_swapped":
        out = _sibling_swaps(model, ts)
    return out


def _belanja_sum_row(model, t: Target) -> bool:
    """A Belanja row that only adds others up (Operasi, Modal, Jumlah): blank counts as that sum
    (checks/belanja_classes.py GROUP_ROWS), as the annex prints it."""
    from lkjip_xl.checks.belanja_classes import GROUP_ROWS
    from lkjip_xl.schema import belanja

    if t.table != "belanja":
        return False
    return belanja.key(model.table("belanja").get("uraian", t.index)) in {belanja.key(g) for g in GROUP_ROWS}


def _same_as_murni(model, t: Target) -> bool:
    """A pagu perubahan equal to the murni: blank means the same (the pagu did not change)."""
    return model.table(t.table).get("pagu_murni", t.index) == t.value


def _wrong_parents(ts: list[Target]) -> list[Mutation]:
    codes = [t for t in ts if t.table == "realisasi" and t.key == "kode" and isinstance(t.value, str)]
    by_level = defaultdict(set)
    for t in codes:
        if level_of(t.value):
            by_level[level_of(t.value)].add(t.value.strip())
    out = []
    for t in codes:
        code = t.value.strip()
        parent = parent_code(code) if level_of(code) else None
        if not parent:
            continue
        last = code[len(parent):]
        for other in sorted(by_level[level_of(parent)] - {parent}):
            out.append(Mutation("code_wrong_parent", [(t, other + last)]))
    return out


def _sibling_swaps(model, ts: list[Target]) -> list[Mutation]:
    table = model.table("realisasi")
    if table is None:
        return []
    cells = {(t.index, t.key): t for t in ts if t.table == "realisasi" and t.role == "number"}
    tree_children = defaultdict(list)
    from lkjip_xl.derive import derive_model

    for line in derive_model(model).budget.lines:
        if line.parent is not None:
            tree_children[line.parent.index].append(line.index)
    out = []
    for kids in tree_children.values():
        for a, b in zip(kids, kids[1:]):
            for key in ("pagu_murni", "pagu_perubahan", "realisasi"):
                ta, tb = cells.get((a, key)), cells.get((b, key))
                if ta is None or tb is None or ta.value is None or tb.value is None or ta.value == tb.value:
                    continue
                # the economic-class sums see the effective pagu and the realisasi of each class
                revised = key == "pagu_murni" and all(table.get("pagu_perubahan", x) is not None for x in (a, b))
                same_class = table.get("jenis_belanja", a) == table.get("jenis_belanja", b)
                out.append(Mutation("siblings_swapped", [(ta, tb.value), (tb, ta.value)],
                                    excluded=same_class or revised))
    return out


def sample(found: list[Mutation], n: int, rng: random.Random) -> list[Mutation]:
    """At most n mutations, spread evenly over the tables (round robin), none twice."""
    groups = defaultdict(list)
    for m in found:
        groups[m.changes[0][0].table].append(m)
    for g in groups.values():
        rng.shuffle(g)
    order = sorted(groups)
    rng.shuffle(order)
    out = []
    while len(out) < n and any(groups.values()):
        for key in order:
            if groups[key] and len(out) < n:
                out.append(groups[key].pop())
    return out


# ------------------------------------------------------------------------------ files
def write_mutant(wb, m: Mutation, path: Path) -> None:
    """Save the base workbook (loaded once) with the mutation's cells changed, then undo them."""
    before = []
    for t, value in m.changes:
        cell = wb[t.sheet][t.cell]
        before.append((cell, cell.value))
        cell.value = float(value) if isinstance(value, Decimal) and value != value.to_integral_value() else (
            int(value) if isinstance(value, Decimal) else value)
    wb.save(path)
    for cell, value in before:
        cell.value = value


RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">\
<value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse">\
<value>0</value></prop></item>
</oor:items>
"""


def recalculate(files: list[Path], outdir: Path, soffice: str, work: Path) -> None:
    """Open and save every file in LibreOffice (one process), formulas recalculated on load."""
    profile = work / "lo-profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC_ALWAYS, encoding="utf-8")
    outdir.mkdir(parents=True, exist_ok=True)
    for i in range(0, len(files), 200):
        subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "xlsx",
                        "--outdir", str(outdir), *map(str, files[i:i + 200])],
                       check=True, capture_output=True, timeout=3600)


def base_file(name: str, folder: Path) -> Path:
    if BASES[name] is not None:
        return BASES[name]
    from lkjip_xl.template.fill import write_filled
    from valid_workbook import valid_data

    path = folder / "valid.xlsx"
    write_filled(path, valid_data())
    return path


def keys(findings) -> set:
    return {(f.code, f.sheet, f.cell, f.severity, str(f.expected), str(f.found)) for f in findings}


# ------------------------------------------------------------------------------ run
@dataclass
class Tally:
    n: int = 0
    detected: int = 0
    at_cell: int = 0
    on_row: int = 0
    error: int = 0
    must: int = 0
    must_detected: int = 0
    must_at_cell: int = 0
    nature: dict = field(default_factory=lambda: defaultdict(int))
    excluded: int = 0

    def add(self, m: Mutation, new: list) -> tuple[bool, bool]:
        loud = [f for f in new if f.severity in ("error", "warning")]
        detected = bool(loud)
        at_cell = any((f.sheet, f.cell) in m.cells for f in loud)
        on_row = any((f.sheet, _row(f.cell)) in m.rows for f in loud)
        self.n += 1
        self.detected += detected
        self.at_cell += at_cell
        self.on_row += on_row
        self.error += any(f.severity == "error" for f in new)
        if m.nature:
            self.nature[m.nature] += 1
        elif m.excluded:
            self.excluded += 1
        else:
            self.must += 1
            self.must_detected += detected
            self.must_at_cell += at_cell
        return detected, at_cell


def _row(cell: str) -> int:
    try:
        return parse_a1(cell)[0]
    except ValueError:
        return 0


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}" if b else "    -"


def run(args) -> int:
    work, soffice = workspace(args, "lkjip-mut-")
    rng = random.Random(args.seed)
    source = base_file(args.base, work)
    known = keys(check_workbook(source).findings)
    model, _ = read_workbook(source)
    ts = targets(model)
    plan: list[Mutation] = []
    for kind in KINDS:
        for j, m in enumerate(sample(mutations(model, ts, kind), args.n, rng)):
            m.name = f"{kind}_{j:04d}"
            plan.append(m)
    raw = work / "raw"
    raw.mkdir(exist_ok=True)
    t0 = time.perf_counter()
    wb = openpyxl.load_workbook(source)
    wb.save(raw / "base.xlsx")  # the unbroken base, through the same path
    for m in plan:
        write_mutant(wb, m, raw / f"{m.name}.xlsx")
    t1 = time.perf_counter()
    files = [raw / "base.xlsx"] + [raw / f"{m.name}.xlsx" for m in plan]
    if soffice:
        recalculate(files, work / "recalc", soffice, work)
        folder = work / "recalc"
    else:
        folder = raw
    t2 = time.perf_counter()
    base_findings = check_workbook(folder / "base.xlsx").findings
    false = [f for f in base_findings if (f.code, f.sheet, f.cell, f.severity, str(f.expected), str(f.found))
             not in known and not (soffice is None and f.code == "FRM005")]
    seen = keys(base_findings) | known
    tallies = {kind: Tally() for kind in KINDS}
    misses = []
    for m in plan:
        path = folder / f"{m.name}.xlsx"
        if not path.exists():
            print(f"LibreOffice did not write {path.name}; skipped", file=sys.stderr)
            continue
        findings = check_workbook(path).findings
        new = [f for f in findings if (f.code, f.sheet, f.cell, f.severity, str(f.expected), str(f.found)) not in seen]
        detected, at_cell = tallies[m.kind].add(m, new)
        if not m.nature and not m.excluded and not (detected and at_cell):
            misses.append((m, new))
    t3 = time.perf_counter()
    report(args, tallies, false, soffice, (t1 - t0, t2 - t1, t3 - t2), len(plan))
    if args.misses:
        print("\nmust-detect slips not reported at their cell:")
        for m, new in misses:
            loud = [f"{f.code}@{f.sheet}!{f.cell}" for f in new if f.severity != "info"]
            print(f"  {m.kind:18s} {m.describe()}  ->  {', '.join(loud) or 'nothing'}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def report(args, tallies: dict, false: list, soffice, times, count: int) -> None:
    print(f"base {args.base}, seed {args.seed}, n {args.n} per kind, recalculation "
          f"{'LibreOffice' if soffice else 'none'}; {platform.node() or '?'} "
          f"({os.cpu_count()} cores, Python {platform.python_version()})")
    head = (f"{'kind':18s} {'n':>4s} {'detected':>8s} {'at cell':>8s} {'on row':>7s} {'error':>6s} | "
            f"{'must':>4s} {'detected':>8s} {'at cell':>8s} | undetectable by nature / excluded")
    print(head)
    print("-" * len(head))
    total = Tally()
    for kind, t in tallies.items():
        if not t.n:
            continue
        other = ", ".join(f"{k} {v}" for k, v in sorted(t.nature.items()))
        if t.excluded:
            other = ", ".join(filter(None, [other, f"sibling swap keeping every total {t.excluded}"]))
        print(f"{kind:18s} {t.n:4d} {pct(t.detected, t.n):>8s} {pct(t.at_cell, t.n):>8s} {pct(t.on_row, t.n):>7s} "
              f"{pct(t.error, t.n):>6s} | {t.must:4d} {pct(t.must_detected, t.must):>8s} "
              f"{pct(t.must_at_cell, t.must):>8s} | {other}")
        for name in ("n", "detected", "at_cell", "on_row", "error", "must", "must_detected", "must_at_cell",
                     "excluded"):
            setattr(total, name, getattr(total, name) + getattr(t, name))
        for k, v in t.nature.items():
            total.nature[k] += v
    print("-" * len(head))
    other = ", ".join(f"{k} {v}" for k, v in sorted(total.nature.items()))
    print(f"{'all':18s} {total.n:4d} {pct(total.detected, total.n):>8s} {pct(total.at_cell, total.n):>8s} "
          f"{pct(total.on_row, total.n):>7s} {pct(total.error, total.n):>6s} | {total.must:4d} "
          f"{pct(total.must_detected, total.must):>8s} {pct(total.must_at_cell, total.must):>8s} | {other}"
          f"{', excluded ' + str(total.excluded) if total.excluded else ''}")
    print(f"false findings on the unbroken base: {len(false)}")
    for f in false:
        print(f"  {f.code} {f.severity} {f.sheet}!{f.cell}: {f.message('en')}")
    for k, text in UNDETECTABLE.items():
        print(f"  {k}: {text}")
    print(f"{count} broken copies; writing {times[0]:.0f} s, recalculation {times[1]:.0f} s, check {times[2]:.0f} s")


def arguments(doc: str, copies: str) -> argparse.ArgumentParser:
    """The options this benchmark and benchmarks/on_purpose.py share (``copies``: what a copy is)."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=40, help=f"{copies} per kind (default 40)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--base", choices=sorted(BASES), default="valid")
    ap.add_argument("--recalc", choices=("auto", "libreoffice", "none"), default="auto")
    ap.add_argument("--keep", help=f"keep the {copies} in this folder")
    return ap


def workspace(args, prefix: str) -> tuple[Path, str | None]:
    """The working folder (``--keep``, else a temporary one) and LibreOffice (None: no recalculation)."""
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix=prefix))
    work.mkdir(parents=True, exist_ok=True)
    soffice = None if args.recalc == "none" else shutil.which("soffice") or shutil.which("libreoffice")
    if args.recalc == "libreoffice" and soffice is None:
        sys.exit("soffice not found: install LibreOffice or use --recalc none")
    return work, soffice


def main() -> None:
    ap = arguments(__doc__, "broken copies")
    ap.add_argument("--misses", action="store_true", help="list the must-detect slips not reported at their cell")
    sys.exit(run(ap.parse_args()))


if __name__ == "__main__":
    main()
