"""The derived workbook: every value lkjip-xl computes from one workbook, built once.

``derive_model(model)`` (a workbook that was read) and ``derive_data(data)`` (the data the template
writer is about to write) give the same object. The template writer caches its values as the
formulas' results, every check compares the workbook with it, and the annex prints it; nothing
else computes a derived value. It holds:

- ``env``: the settings of the Identitas sheet, the rating scale, the SKM result;
- ``rows(table)``: per row, every computed column's derivation (``schema/derivations.py``);
- ``fields(form)``: the computed fields of a form (the SKM result block);
- ``budget``: the budget tree of the Realisasi sheet (``derive/budget.py``);
- ``sasaran``, ``efisiensi(line)``, ``riwayat``: what spans rows of the indicator tables
  (``derive/kinerja.py``): each sasaran's capaian, budget and efisiensi, each budget line's
  efisiensi, each history year's capaian.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Callable

from ..calc.distinct import map_distinct
from ..schema import SCHEMA
from ..schema.data import TypedOverride, plain
from ..settings import Settings, default_skala_rows
from ..skm.compute import COLUMNS, WORKBOOK_LABELS, compute_skm, skm_from_model
from .budget import AMOUNTS, BudgetTree, build_budget
from .env import DeriveEnv, rating_scale
from .kinerja import (
    PK, Sasaran, history_capaian, line_capaian, line_efisiensi, program_indicator_capaian, sasaran_summaries,
)
from .rows import OneValue, RowValues, derivations_of
from .sakip import sakip_row
from .stage import blank, reported_quarter

# table key -> its rows as (values, computed keys holding a typed constant)
Source = Callable[[str], list[tuple[Mapping[str, Any], frozenset]]]


class DerivedWorkbook:
    def __init__(self, env: DeriveEnv, source: Source, form_values: Callable[[str], dict],
                 columns: Callable[[str], dict[str, list] | None] | None = None) -> None:
        self.env = env
        self._source = source
        self._columns = columns  # table key -> its values by column, when stored so (a read workbook)
        self._form_values = form_values
        self._row_values: dict[str, list[RowValues]] = {}
        self._rows: dict[str, list[dict[str, Any]]] = {}
        self._budget: BudgetTree | None = None
        self._sasaran: list[Sasaran] | None = None
        self._program_caps: dict | None = None

    @property
    def settings(self) -> Settings:
        return self.env.settings

    @property
    def rating_scale(self):
        return self.env.rating_scale

    @property
    def skm(self):
        return self.env.skm

    def row_values(self, table_key: str) -> list[RowValues]:
        if table_key not in self._row_values:
            derivations = derivations_of(SCHEMA.table(table_key))
            self._row_values[table_key] = [
                RowValues(derivations, values, typed, self.env, i)
                for i, (values, typed) in enumerate(self._source(table_key))
            ]
        return self._row_values[table_key]

    def rows(self, table_key: str) -> list[dict[str, Any]]:
        """Per row of the table, each computed column's value as lkjip-xl derives it."""
        if table_key not in self._rows:
            self._rows[table_key] = [rv.all_derived() for rv in self.row_values(table_key)]
        return self._rows[table_key]

    def column(self, table_key: str, key: str) -> list[Any]:
        """Every row's derivation of one computed column, as ``rows()`` holds it. A derivation of
        one input column alone (``Derivation.by_value``: an SKM answer's score) is computed once
        per distinct value of that column, without a row object per row."""
        derivation = derivations_of(SCHEMA.table(table_key))[key]
        name = derivation.by_value
        inputs = self._columns(table_key) if self._columns is not None and name else None
        if inputs is None or name not in inputs or table_key in self._row_values:
            return [rv.derived(key) for rv in self.row_values(table_key)]
        python, env = derivation.python, self.env
        return map_distinct(lambda value: python(OneValue(name, value), env), inputs[name])

    def recompute(self, table_key: str, i: int, key: str, changes: dict[str, Any]) -> Any:
        """What row ``i``'s derivation of ``key`` gives with some of its cells changed (the blame
        of ``checks/blame.py`` asks: would this value of that cell make the row agree?)."""
        rv = self.row_values(table_key)[i]
        return RowValues(rv.derivations, {**rv.values, **changes}, rv.typed, rv.env, rv.index).derived(key)

    def fields(self, form_key: str) -> dict[str, Any]:
        """Each computed field of the form, as lkjip-xl derives it."""
        return derived_fields(form_key, self.env, self._form_values(form_key))

    @property
    def budget(self) -> BudgetTree:
        if self._budget is None:
            rows = []
            for rv in self.row_values("realisasi"):
                row = {k: rv.values.get(k) for k in ("kode", "level", "uraian")}
                row.update({k: rv.get(k) for k in AMOUNTS})
                rows.append(row)
            self._budget = build_budget(rows)
        return self._budget

    def subtotal_lines(self, table_key: str) -> frozenset[int]:
        """Rows of a table that are the export's subtotal lines pasted among its rows ("Jumlah
        Kegiatan 01.01", read as that kegiatan's: ``BudgetTree.subtotals``), not rows of the
        template: no template formula is asked of (check) or written into (rapikan) their blank
        computed cells, and the annex prints the kegiatan's own row instead."""
        return frozenset(self.budget.subtotals) if table_key == "realisasi" else frozenset()

    @property
    def reported_quarter(self) -> int | None:
        """The last quarter the Rencana Aksi has a realisasi for (``derive/stage.py``); None when it
        has none."""
        return reported_quarter([*self.input_rows("ra_indikator"), *self.input_rows("ra_kegiatan")])

    def input_rows(self, table_key: str) -> list[dict[str, Any]]:
        """The table's rows as the workbook holds them (inputs; computed cells as typed)."""
        return [dict(rv.values) for rv in self.row_values(table_key)]

    @property
    def sasaran(self) -> list[Sasaran]:
        """The PK's sasaran strategis with capaian (mean of its indicators), the budget of the
        programmes funding them and their efisiensi by the unit's method."""
        if self._sasaran is None:
            self._sasaran = sasaran_summaries(self.input_rows(PK), self.rows(PK), self.budget,
                                              self.settings.efisiensi_method)
        return self._sasaran

    def line_capaian(self, line):
        """The capaian kinerja of a budget line (its output, or its programme/kegiatan indicators)."""
        if self._program_caps is None:
            self._program_caps = program_indicator_capaian(self.input_rows("indikator_program"),
                                                           self.rows("indikator_program"))
        return line_capaian(line, self.rows("realisasi"), self._program_caps)

    def efisiensi(self, line):
        """The efisiensi of a budget line by the unit's method (Identitas)."""
        return line_efisiensi(line, self.settings.efisiensi_method, self.line_capaian(line))

    @property
    def sakip(self) -> list[dict[str, Any]]:
        """Per row of the SAKIP sheet: the components' sum and the score's grade."""
        return [sakip_row(r) for r in self.input_rows("sakip_nilai")]

    @property
    def riwayat(self) -> list[dict[str, Any]]:
        """Per row of the indicator history: the capaian of the year and of its benchmark, with
        the PK indicator's arah."""
        arah = {str(r.get("kode_indikator") or "").strip(): r.get("arah") for r in self.input_rows(PK)}
        out = []
        for r in self.input_rows("riwayat_indikator"):
            a = arah.get(str(r.get("kode_indikator") or "").strip())
            out.append({"capaian": history_capaian(r.get("target"), r.get("realisasi"), a, self.settings),
                        "capaian_pembanding": history_capaian(r.get("target_pembanding"),
                                                              r.get("realisasi_pembanding"), a, self.settings)})
        return out


def derived_fields(form_key: str, env: DeriveEnv, values: dict | None = None) -> dict[str, Any]:
    """Each computed field of a form, derived from its values and the environment."""
    spec = SCHEMA.form(form_key)
    return RowValues(derivations_of(spec), values or {}, frozenset(), env, 0).all_derived()


# --------------------------------------------------------------------------- from a read workbook
def derive_model(model) -> DerivedWorkbook:
    identitas = model.form("identitas")
    settings = Settings.from_identitas(identitas.values if identitas else {})
    skala = model.table("skala")
    scale = rating_scale(settings, [skala.row(i) for i in range(len(skala))] if skala else None)
    env = DeriveEnv(settings, scale, skm_from_model(model, settings))

    def source(key: str):
        table = model.table(key)
        if table is None:
            return []
        typed: dict[int, set[str]] = {}  # row -> computed keys holding a typed constant (rare), by column
        for k in derivations_of(table.table):
            if k in table.values:
                for i, (formula, value) in enumerate(zip(table.has_formula[k], table.values[k])):
                    if not formula and not blank(value):
                        typed.setdefault(i, set()).add(k)
        none = frozenset()
        return [(TableRow(table.values, i), frozenset(typed[i]) if i in typed else none) for i in range(len(table))]

    def form_values(key: str) -> dict:
        form = model.form(key)
        return dict(form.values) if form else {}

    def columns(key: str) -> dict[str, list] | None:
        table = model.table(key)
        return table.values if table is not None else None

    return DerivedWorkbook(env, source, form_values, columns)


class TableRow(Mapping):
    """One row of a read table as a read-only dict of its values, read from the table's columns
    (not copied: a dict per row of 100.000 costs a second and a hundred megabytes)."""

    __slots__ = ("columns", "index")

    def __init__(self, columns: dict[str, list], index: int) -> None:
        self.columns, self.index = columns, index

    def __getitem__(self, key: str) -> Any:
        return self.columns[key][self.index]

    def get(self, key: str, default: Any = None) -> Any:
        column = self.columns.get(key)
        return default if column is None else column[self.index]

    def __iter__(self):
        return iter(self.columns)

    def __len__(self) -> int:
        return len(self.columns)


# --------------------------------------------------------------------------- from data to write
def derive_data(data: dict) -> DerivedWorkbook:
    """The derived workbook of the data the template writer takes (``{"forms", "tables"}``, with
    ``schema.data`` markers for constants typed over formulas)."""
    forms, tables = data.get("forms", {}), data.get("tables", {})
    settings = Settings.from_identitas(forms.get("identitas", {}))
    resp = tables.get("skm_responden") or []
    answers = {k: [plain(r.get(k)) for r in resp] for k in COLUMNS} if resp else {}
    unsur = [{k: plain(v) for k, v in r.items()} for r in unsur_rows(tables)]
    env = DeriveEnv(settings, rating_scale(settings, tables.get("skala") or default_skala_rows()),
                    compute_skm(answers, unsur, settings.skm_weight, WORKBOOK_LABELS))
    computed = {t.key: derivations_of(t) for t in SCHEMA.tables}

    def source(key: str):
        rows = unsur_rows(tables) if key == "skm_unsur" else tables.get(key) or []
        return [({k: plain(v) for k, v in r.items()},
                 frozenset(k for k, v in r.items() if k in computed[key] and isinstance(v, TypedOverride)))
                for r in rows]

    return DerivedWorkbook(env, source, lambda key: {k: plain(v) for k, v in forms.get(key, {}).items()})


def unsur_rows(tables: dict) -> list[dict]:
    """The SKM summary block's rows: as given, else the template's (the nine unsur in order)."""
    return tables.get("skm_unsur") or [dict(r) for r in SCHEMA.table("skm_unsur").fixed_rows]
