"""Everything the workbook knows that a report may quote, as a flat list of facts.

This is the one adapter between the document check and the workbook: it reads the checked
workbook (``CheckContext``: the read model and the derived workbook ``ctx.wb`` with its recomputed
columns, budget tree and SKM result), and nothing else in ``document/`` touches the workbook. A fact is one value of one entity (a programme's pagu perubahan, an indicator's
capaian, the total realisasi, an unsur's NRR), for the report year ("cur") or the year before
("prev"), with the value lkjip-xl recomputes, the values typed in the workbook for it (a typed
cell that differs from the recomputation, or another table quoting it) and where they are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..annex.common import Book, split_codes
from ..calc.decimals import number_or_none, percent, round_half_up, truncate
from ..checks.engine import CheckContext
from ..skm.tables import unsur_table
from .names import NameIndex, Named, kind_hint

IKM_NAME = re.compile(r"kepuasan\s+masyarakat|\bikm\b", re.I)
UNITS = set("% paket dokumen orang laporan unit bulan kk pokmas kegiatan kelurahan peserta kali buah lokasi "
            "indeks nilai persen rt rw hari tahun".split())
IKM_ALIASES = ["Indeks Kepuasan Masyarakat", "IKM", "SKM", "Survei Kepuasan Masyarakat"]


@dataclass
class Fact:
    entity: Named  # a programme, kegiatan, indicator, ... or the unit's total (kind "total")
    attr: str  # pagu, realisasi, persen, sisa, sisa_persen, target, capaian, ... (docs/report-check.md)
    year: str  # "cur" or "prev"
    value: Decimal | None  # what it should be (recomputed where lkjip-xl can)
    source: str = ""  # "Realisasi!J36": where the workbook holds it
    version: str | None = None  # pagu: "murni" or "perubahan"; None for every other attribute
    typed: list[tuple[Decimal, str]] = field(default_factory=list)  # values typed for it, and where
    percent: bool = False  # a percentage: printed rounded
    accuse: bool = True  # False: may confirm a number, never report one (a link that is a guess)
    slips: list[tuple[Decimal, str]] = field(default_factory=list)  # known wrong computations
    money: bool = False  # an amount of rupiah
    also: list[Decimal] = field(default_factory=list)  # other values consistent with the workbook's rows
    unit: str | None = None  # satuan (lower case): "%", "paket", "indeks"

    @property
    def conflicting(self) -> bool:
        """No recomputation, and the workbook's own sources disagree."""
        return self.value is None and len({v for v, _ in self.typed}) > 1


@dataclass
class Facts:
    facts: list[Fact]
    index: NameIndex
    year: int | None
    prev_year: int | None
    coded: dict[str, list[tuple[str, Named]]] = field(default_factory=dict)  # year -> (code, entity)

    @property
    def units(self) -> set[str]:
        """Words that are units: the workbook's satuan and the usual ones."""
        return UNITS | {f.unit for f in self.facts if f.unit}

    @property
    def skm_total(self) -> Named | None:
        """The Jumlah row of the SKM table (Σ NRR, Σ NRR tertimbang)."""
        return next((f.entity for f in self.facts if f.entity.kind == "skm_jumlah"), None)

    @property
    def index_total(self) -> Named | None:
        return next((f.entity for f in self.facts if f.entity is not None and f.entity.kind == "total"), None)

    def codes(self, year: str = "cur") -> dict[str, Named]:
        """Code as printed ("01.02.05", "IKU1") in that year's workbook -> its entity (last year's
        codes may name other things: they get renumbered); a code used twice names neither."""
        seen: dict[str, dict[int, Named]] = {}
        for code, e in self.coded.get(year) or self.coded.get("cur", []):
            seen.setdefault(code, {})[id(e)] = e
        return {code: next(iter(es.values())) for code, es in seen.items() if len(es) == 1}

    def about(self, entity: Named) -> list[Fact]:
        return [f for f in self.facts if f.entity.key == entity.key]


def _n(value: Any) -> Decimal | None:
    return number_or_none(value)


def _ref(table, key: str, i: int | None) -> str:
    if i is None:
        return table.sheet
    try:
        return f"{table.sheet}!{table.cell(key, i)}"
    except (KeyError, IndexError):
        return table.sheet


def _revised(line) -> bool:
    """A budget line whose pagu was revised: its own pagu perubahan typed, or one of its rows'."""
    return line.pagu_key == "pagu_perubahan" or any(_revised(c) for c in line.children)


def _typed(table, key: str, i: int | None) -> list[tuple[Decimal, str]]:
    value = _n(table.get(key, i)) if table is not None and i is not None else None
    return [] if value is None else [(value, _ref(table, key, i))]


class _Builder:
    def __init__(self, ctx: CheckContext, tag: str, entities: dict[tuple, Named]):
        self.budget_tree, self.ctx, self.tag = ctx.wb.budget, ctx, tag
        self.entities = entities
        self.facts: list[Fact] = []
        self.coded: list[tuple[str, Named]] = []  # (code in this workbook, entity)

    def entity(self, key: tuple, kind: str, names: list[str]) -> Named:
        e = self.entities.get(key)
        if e is None:
            e = self.entities[key] = Named(key, kind, list(dict.fromkeys(n for n in names if n)))
        else:
            e.names.extend(n for n in names if n and n not in e.names)
        self._coded(key[1] if key[0] in ("budget", "indikator") else None, e)
        return e

    def _coded(self, code, e: Named) -> None:
        if code and e.kind in ("program", "kegiatan", "sub_kegiatan", "indikator"):
            self.coded.append((str(code), e))

    def add(self, entity, attr, value, source="", **kw) -> None:
        typed = [t for t in kw.pop("typed", []) if t[0] is not None]
        if value is None and not typed:
            return
        self.facts.append(Fact(entity, attr, self.tag, value, source, typed=typed, **kw))

    # ------------------------------------------------------------------ budget lines and total
    def budget(self, link: dict[str, Named]) -> None:
        t = self.ctx.model.table("realisasi")
        pk = self.ctx.model.table("pk_program")
        ra = self.ctx.model.table("ra_kegiatan")
        pk_rows = {str(pk.get("kode", i)): i for i in range(len(pk))} if pk is not None else {}
        ra_rows = {str(ra.get("kode", i)): i for i in range(len(ra))} if ra is not None else {}
        lines = self.budget_tree.lines if t is not None else []
        derived = self.ctx.derived("realisasi") if t is not None else []
        for line in lines:
            i = line.index
            names = [line.uraian]
            if line.code in pk_rows:
                names.append(str(pk.get("program", pk_rows[line.code]) or ""))
            if line.code in ra_rows:
                names.append(str(ra.get("uraian", ra_rows[line.code]) or ""))
            e = link.get(f"{line.code}#{line.occurrence}")
            if e is None:
                key = ("budget", line.code, line.occurrence)
                if any(x is self.entities.get(key) for x in link.values()):
                    key += ("prev",)  # its code is another line's this year (renumbered)
                e = self.entity(key, line.level, names)
            else:
                self._coded(line.code, e)
            pk_i = pk_rows.get(line.code) if line.level == "program" else None
            self._amounts(e, t, i, line.shown_pagu, line.shown_realisasi, line.pagu_key, _revised(line),
                          also=_typed(pk, "pagu_perubahan", pk_i) if pk_i is not None else [],
                          consistent=_consistent(line, t, derived[i]))
            murni = _murni(line, t)
            murni_typed = _typed(t, "pagu_murni", i) if line.children else []
            if pk_i is not None:
                murni_typed += _typed(pk, "pagu_murni", pk_i)
            if line.code in ra_rows:
                murni_typed += _typed(ra, "pagu", ra_rows[line.code])
            self.add(e, "pagu", murni, _ref(t, "pagu_murni", i), version="murni",
                     typed=[x for x in murni_typed if x[0] != murni], money=True)
            if not line.children:
                self._keluaran(e, t, i, derived[i])
        budget_codes = {line.code for line in lines}
        for code, j in ra_rows.items():  # Rencana Aksi kegiatan the budget sheet does not have
            if code not in budget_codes:
                e = self.entity(("budget", code, 0), kind_hint(str(ra.get("uraian", j) or "")) or "kegiatan",
                                [str(ra.get("uraian", j) or "")])
                self.add(e, "pagu", None, version="murni", typed=_typed(ra, "pagu", j), money=True)
        for code, j in pk_rows.items():  # PK programmes it does not have (a PK signed before any realisasi)
            if code not in budget_codes:
                self._pk_program(pk, code, j)
        if t is not None:
            self._total(t)
        elif pk is not None and len(pk):
            self._pk_total(self.entity(("total",), "total", []), pk)

    def _pk_program(self, pk, code: str, j: int) -> None:
        """A programme only the PK Program sheet holds: its pagu murni and its final pagu (the
        perubahan; else the murni, of no version: not revised, a message calls it just "pagu"),
        as typed there: nothing else says otherwise."""
        e = self.entity(("budget", code, 0), "program", [str(pk.get("program", j) or "")])
        murni, perubahan = _typed(pk, "pagu_murni", j), _typed(pk, "pagu_perubahan", j)
        for version, typed in (("murni", murni), ("perubahan" if perubahan else None, perubahan or murni)):
            if typed:
                self.add(e, "pagu", typed[0][0], typed[0][1], version=version, money=True)

    def _amounts(self, e, t, i, pagu, realisasi, pagu_key, revised: bool, also=(), consistent=None) -> None:
        """pagu, realisasi, sisa, % and sisa % of one row (``i`` None: no row holds them); its pagu
        the perubahan when ``revised``, else the murni, of no version (a message calls it just "pagu");
        ``consistent``: attribute -> values that agree with the rows the workbook has (a parent's
        typed amount that is the sum of its children's typed amounts, a % that follows from the
        row's own amounts), accepted as well: a slip is reported once, where it was made."""
        consistent = consistent or {}
        pagu, realisasi = _n(pagu), _n(realisasi)
        typed_pagu = (_typed(t, pagu_key, i) if pagu_key else []) + list(also)
        self.add(e, "pagu", pagu, _ref(t, pagu_key, i) if pagu_key else t.sheet,
                 version="perubahan" if revised else None,
                 typed=[x for x in typed_pagu if x[0] != pagu], money=True, also=consistent.get("pagu", []))
        self.add(e, "realisasi", realisasi, _ref(t, "realisasi", i),
                 typed=[x for x in _typed(t, "realisasi", i) if x[0] != realisasi], money=True,
                 also=consistent.get("realisasi", []))
        if pagu is None or realisasi is None:
            return
        sisa = pagu - realisasi
        self.add(e, "sisa", sisa, _ref(t, "sisa", i), typed=[x for x in _typed(t, "sisa", i) if x[0] != sisa],
                 money=True, also=consistent.get("sisa", []))
        if pagu:
            persen = percent(realisasi, pagu)
            self.add(e, "persen", persen, _ref(t, "persen_realisasi", i), percent=True,
                     typed=_typed(t, "persen_realisasi", i), unit="%", also=consistent.get("persen", []))
            self.add(e, "sisa_persen", percent(sisa, pagu), _ref(t, "sisa", i), percent=True,
                     slips=_complements(persen), unit="%")

    def _keluaran(self, e, t, i, derived: dict) -> None:
        unit = str(t.get("satuan_keluaran", i) or "").strip().lower() or None
        self.add(e, "target_keluaran", _n(t.get("target_keluaran", i)), _ref(t, "target_keluaran", i), unit=unit)
        self.add(e, "realisasi_keluaran", _n(t.get("realisasi_keluaran", i)), _ref(t, "realisasi_keluaran", i),
                 unit=unit)
        self.add(e, "capaian_keluaran", derived.get("persen_keluaran"), _ref(t, "persen_keluaran", i),
                 percent=True, typed=_typed(t, "persen_keluaran", i), unit="%")

    def _total(self, t) -> None:
        b = self.budget_tree
        e = self.entity(("total",), "total", [])
        i = b.totals[-1] if b.totals else None  # the typed TOTAL row, if the sheet has one
        key = "pagu_murni" if i is not None and t.get("pagu_perubahan", i) is None else "pagu_perubahan"
        revised = i is not None and key == "pagu_perubahan" or any(_revised(line) for line in b.lines)
        self._amounts(e, t, i, b.total_pagu, b.total_realisasi, key, revised)
        pk = self.ctx.model.table("pk_program")
        if pk is not None and len(pk):
            self._pk_total(e, pk, final=False)

    def _pk_total(self, e: Named, pk, final: bool = True) -> None:
        """The PK programmes' Jumlah: Σ pagu murni, and (``final``: no budget sheet gives it) Σ of
        their final pagu, when every programme has the amount."""
        murni = [_n(pk.get("pagu_murni", i)) for i in range(len(pk))]
        where = f"{pk.sheet}!{pk.cell('pagu_murni', 0)}"
        if all(m is not None for m in murni):
            self.add(e, "pagu", sum(murni, Decimal(0)), where, version="murni", money=True)
            if final:
                amounts = [_n(pk.get("pagu_perubahan", i)) for i in range(len(pk))]
                revised = any(a is not None for a in amounts)
                self.add(e, "pagu", sum((a if a is not None else m for a, m in zip(amounts, murni)), Decimal(0)),
                         where, version="perubahan" if revised else None, money=True)

    # ------------------------------------------------------------------ indicators, SKM, belanja
    def indicators(self, programs: dict[str, Named]) -> None:
        pk = self.ctx.model.table("pk_indikator")
        if pk is None:
            return
        derived = self.ctx.derived("pk_indikator")
        ra = self.ctx.model.table("ra_indikator")
        ra_names = {str(ra.get("kode_indikator", i)): str(ra.get("indikator", i) or "")
                    for i in range(len(ra))} if ra is not None else {}
        skm = self.ctx.wb.skm.ikm if self.ctx.wb.skm is not None else None
        parts = _components(self.ctx)
        for i in range(len(pk)):
            code, name = str(pk.get("kode_indikator", i) or i), str(pk.get("indikator", i) or "")
            ikm = bool(IKM_NAME.search(name))
            e = self.entity(("indikator", code), "indikator",
                            [name, ra_names.get(code, "")] + (IKM_ALIASES if ikm else []))
            unit = str(pk.get("satuan", i) or "").strip().lower() or None
            pct = unit == "%"
            self.add(e, "target", _n(pk.get("target", i)), _ref(pk, "target", i), percent=pct, unit=unit)
            typed_real = _typed(pk, "realisasi", i)
            real, slips = typed_real[0][0] if typed_real else None, []
            if code in parts:
                real, slips = _mean(parts[code]), _double_roundings(parts[code])
            elif ikm and skm is not None and skm.unrounded is not None:
                real = skm.unrounded
            self.add(e, "realisasi", real, _ref(pk, "realisasi", i), percent=pct or real != _n(pk.get("realisasi", i)),
                     typed=typed_real if real is not None and typed_real and typed_real[0][0] != real else [],
                     slips=slips, unit=unit)
            self.add(e, "capaian", derived[i].get("capaian"), _ref(pk, "capaian", i), percent=True,
                     typed=_typed(pk, "capaian", i), unit="%")
            self.add(e, "target_renstra", _n(pk.get("target_renstra", i)), _ref(pk, "target_renstra", i))
            self.add(e, "kemajuan", derived[i].get("kemajuan"), _ref(pk, "kemajuan", i), percent=True)
            lalu = _n(pk.get("realisasi_lalu", i))
            if lalu is not None:
                self.facts.append(Fact(e, "realisasi", "prev", lalu, _ref(pk, "realisasi_lalu", i), percent=pct))
            self._funding(e, [programs[c] for c in split_codes(pk.get("kode_program", i)) if c in programs])

    def _funding(self, e: Named, programs: list[Named]) -> None:
        """An indicator row's anggaran columns: the programmes it names (a link that may be a
        guess, so these facts confirm numbers but never report one)."""
        amounts = {}
        for attr in ("pagu", "realisasi"):
            values = [f.value for p in programs for f in self.facts
                      if f.entity is p and f.attr == attr and f.version in (None, "perubahan")]
            amounts[attr] = sum(values, Decimal(0)) if programs and len(values) == len(programs) and \
                all(v is not None for v in values) else None
            self.add(e, attr, amounts[attr], version="perubahan" if attr == "pagu" else None, accuse=False,
                     money=True)
        if amounts["pagu"]:
            self.add(e, "persen", percent(amounts["realisasi"], amounts["pagu"]) if amounts["realisasi"]
                     is not None else None, percent=True, accuse=False)

    def skm(self) -> None:
        t = self.ctx.model.table("skm_unsur")
        if t is None:
            return
        derived = self.ctx.derived("skm_unsur")
        for i in range(len(t)):
            e = self.entity(("unsur", str(t.get("kode", i))), "unsur", [str(t.get("unsur", i) or "")])
            typed = [x for x in _typed(t, "nrr_tertulis", i) if x[0] != derived[i].get("nrr")]
            self.add(e, "nrr", derived[i].get("nrr"), _ref(t, "nrr", i), percent=True, typed=typed)
        jumlah = next((r for r in unsur_table(self.ctx.wb.skm) if r["jenis"] == "jumlah"), None) \
            if self.ctx.wb.skm is not None else None
        if jumlah is not None:  # the Jumlah row of an SKM table: Σ NRR, Σ NRR tertimbang (not named in text)
            e = Named(("skm_jumlah",), "skm_jumlah", ["Jumlah unsur SKM"])
            for attr in ("nrr", "nrr_tertimbang"):
                self.add(e, attr, jumlah[attr], t.sheet, percent=True)

    def belanja(self) -> None:
        t = self.ctx.model.table("belanja")
        if t is None:
            return
        for i in range(len(t)):
            e = self.entity(("belanja", str(t.get("uraian", i))), "belanja", [str(t.get("uraian", i) or "")])
            self._amounts(e, t, i, t.get("anggaran", i), t.get("realisasi", i), "anggaran", revised=False)


def _murni(line, t) -> Decimal | None:
    """A line's pagu murni: typed on a leaf, Σ of the children on a parent (when all have one)."""
    if not line.children:
        return _n(t.get("pagu_murni", line.index))
    values = [_murni(c, t) for c in line.children]
    return sum(values, Decimal(0)) if all(v is not None for v in values) else None


def _consistent(line, t, derived: dict) -> dict[str, list[Decimal]]:
    """Values that agree with the rows as typed: a parent's amount equal to the sum of its
    children's typed amounts; a % and sisa that follow from the row's own typed amounts."""
    out: dict[str, list[Decimal]] = {}
    for attr in ("pagu", "realisasi"):
        total = line.children_sum(attr) if line.children else None
        if total is not None and total.complete:
            out[attr] = [_n(total.value)]
    for attr, key in (("persen", "persen_realisasi"), ("sisa", "sisa")):
        if derived.get(key) is not None:
            out[attr] = [_n(derived[key])]
    return out


def _complements(persen: Decimal) -> list[tuple[Decimal, str]]:
    """A sisa % computed as 100 − the printed (rounded or truncated) realisasi %."""
    out = []
    for places in (0, 1, 2):
        for shown in (round_half_up(persen, places), truncate(persen, places)):
            out.append((100 - shown, "complement"))
    return out


def _components(ctx: CheckContext) -> dict[str, list[Decimal]]:
    t = ctx.model.table("pk_komponen")
    out: dict[str, list[Decimal]] = {}
    if t is None:
        return out
    for i, d in enumerate(ctx.derived("pk_komponen")):
        if d.get("nilai") is not None:
            out.setdefault(str(t.get("kode_indikator", i)), []).append(d["nilai"])
    return out


def _mean(values: list[Decimal]) -> Decimal:
    return sum(values, Decimal(0)) / len(values)


def _double_roundings(values: list[Decimal]) -> list[tuple[Decimal, str]]:
    """A composite's mean taken over components already rounded (91 for 90,91), then rounded."""
    return [(round_half_up(_mean([round_half_up(v, p) for v in values]), p), "double_rounding")
            for p in (0, 1, 2)]


def build_facts(ctx: CheckContext, prev: CheckContext | None = None) -> Facts:
    """The facts of the report year's workbook, and of last year's when given."""
    entities: dict[tuple, Named] = {}
    cur = _Builder(ctx, "cur", entities)
    cur.budget({})
    programs = {e.key[1]: e for e in entities.values() if e.kind == "program"}
    cur.indicators(programs)
    cur.skm()
    cur.belanja()
    facts, coded = cur.facts, {"cur": cur.coded}
    if prev is not None:
        index = NameIndex(list(entities.values()))
        old = _Builder(prev, "prev", entities)
        old.budget(_links(old.budget_tree, index))
        old.indicators({})
        old.belanja()
        facts += old.facts
        coded["prev"] = old.coded
    year = Book("cur", ctx).year
    prev_year = Book("prev", prev).year if prev is not None else (year - 1 if year else None)
    return Facts(facts, NameIndex(list(entities.values())), year, prev_year, coded)


def _links(tree, index: NameIndex) -> dict[str, Named]:
    """Last year's budget lines tied to this year's entities by name (codes get renumbered)."""
    out = {}
    for line in tree.lines:
        e = index.find(line.uraian, kind_hint=line.level)
        if e is not None and e.kind == line.level:
            out[f"{line.code}#{line.occurrence}"] = e
    return out

