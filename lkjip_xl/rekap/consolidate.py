"""The per-unit figures of many workbooks consolidated with pandas: one row per unit, the
indicators compared across units (per year), the kota IKM (pooled over all respondents and as the
mean of the units' IKMs), the findings, the unreadable files and the units found twice.

Amounts and percentages stay exact (int rupiah, Decimal); pandas only holds them (object
columns) and groups, sorts and pivots them. Sums and means are computed here with Decimal.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext
from pathlib import Path

import pandas as pd

from ..calc.decimals import CALC_PRECISION, percent
from ..calc.skm import UNSUR, IkmResult, ikm_from_nrr, nrr
from ..skm.layanan import MeanIkm, mean_of_units
from .names import group_indicators, indicator_key, regions, unit_key
from .figures import UnitFigures, Unreadable, missing

UNSUR_CODES = tuple(f"U{i + 1}" for i in range(len(UNSUR)))
MEASURES = ("kode", "satuan", "target", "realisasi", "capaian")
UNKNOWN_YEAR = "?"
SAME_UNIT = ["unit_key", "region_key", "year_key"]  # two files with these equal are one unit twice
GROUP = ["region_key", "year_key"]  # one kabupaten/kota and year: its own kota IKM and JUMLAH row
COMPARED = ("pagu", "realisasi", "respondents", "ikm")  # told when a duplicate's figures differ


def exact_mean(values) -> Decimal | None:
    present = [Decimal(v) for v in values if v is not None and not missing(v)]
    if not present:
        return None
    with localcontext() as ctx:
        ctx.prec = CALC_PRECISION
        return sum(present, Decimal(0)) / len(present)


def year_label(year) -> str:
    """A year as the indicator sheets' column groups name it (UNKNOWN_YEAR when not filled in)."""
    return UNKNOWN_YEAR if missing(year) else str(int(year))


def _exact_ikm(skm) -> IkmResult | None:
    """The unit's IKM with the exact 1/9 weight (the kota figures never mix weights)."""
    if skm is None or skm.ikm is None:
        return None
    return ikm_from_nrr(skm.nrr, "exact")


@dataclass
class KotaIkm:
    kabupaten: str | None
    tahun: int | None
    pooled: IkmResult | None
    pooled_units: int
    pooled_respondents: int
    nrr: dict[str, tuple[int, int, Decimal]]  # unsur -> (Σ answers, n, NRR), pooled
    mean: MeanIkm | None
    units: int  # units of this kabupaten/kota and year (each counted once)
    without_skm: int
    nrr_only: int  # IKM from typed NRRs only: in the mean, not in the pooled IKM
    legacy: int  # units whose own IKM uses the 0,111 weight (recomputed with 1/9 here)
    with_errors: tuple[str, ...] = ()  # units whose IKM is in it though their survey data has errors (SKM…)


@dataclass
class Total:
    """The JUMLAH of one kabupaten/kota and year (files left out as duplicates not counted)."""

    kabupaten: str | None
    tahun: int | None
    units: int
    pagu: int | Decimal | None
    realisasi: int | Decimal | None
    serapan: Decimal | None  # from the amounts of the units that have both
    respondents: int | None
    error: int
    warning: int
    info: int
    with_errors: tuple[str, ...] = ()  # the units whose figures are in it though their workbook has errors


def _sum(values):
    present = [v for v in values if not missing(v)]
    return sum(present) if present else None


def _total(group: pd.DataFrame) -> Total:
    both = group.dropna(subset=["pagu", "realisasi"])
    first = group.iloc[0]
    return Total(first["region"], first["tahun"], len(group), _sum(group["pagu"]), _sum(group["realisasi"]),
                 percent(_sum(both["realisasi"]), _sum(both["pagu"])) if len(both) and _sum(both["pagu"]) else None,
                 _sum(None if missing(v) else int(v) for v in group["respondents"]),
                 *(int(group[k].sum()) for k in ("error", "warning", "info")),
                 tuple(_named(unit, file) for unit, file, errors in zip(group["unit"], group["file"], group["error"])
                       if errors))


def _named(unit, file: str) -> str:
    """A unit as a caveat names it: its name, else its file's (a workbook whose name is not filled in)."""
    return Path(file).name if missing(unit) or not unit else str(unit)


@dataclass
class Rekap:
    results: list[UnitFigures | Unreadable]  # in the order the files were given
    units: pd.DataFrame
    indicators: pd.DataFrame  # long: one row per unit and indicator
    kota: list[KotaIkm]
    findings: pd.DataFrame
    unreadable: pd.DataFrame
    duplicates: pd.DataFrame

    @property
    def totals(self) -> list[Total]:
        """One JUMLAH per kabupaten/kota and year, in the order of the kota IKM: amounts of
        different regions or years are never added together."""
        used = self.units[self.units["used"]]
        return [_total(group) for _, group in used.groupby(GROUP, sort=True)]

    @property
    def indicator_names(self) -> list[str]:
        """Indicator groups, the most widely reported first."""
        used = self.indicators[self.indicators["used"]]
        counts = used.groupby("indicator")["unit_key"].nunique()
        return sorted(counts.index, key=lambda n: (-counts[n], indicator_key(n)))

    def indicator_units(self, name: str) -> int:
        """Units reporting the indicator (files left out as duplicates not counted)."""
        rows = self.indicators[(self.indicators["indicator"] == name) & self.indicators["used"]]
        return int(rows[["unit_key", "region_key"]].drop_duplicates().shape[0])

    def spellings(self, name: str) -> list[str]:
        rows = self.indicators[self.indicators["indicator"] == name]
        return sorted(set(rows["spelling"]) - {name})

    def indicator_rules(self, name: str) -> dict[tuple[str, bool], list[str]]:
        """The rules the units compute this indicator's capaian by (formula, capped at 100 %), each
        with its units, when they are not all the same (a turun indicator under (2T-R)/T in one
        unit and T/R in another: 120 % and 125 % for the same figures); {} when one rule holds."""
        rows = self.indicators[(self.indicators["indicator"] == name) & self.indicators["used"]]
        rules: dict[tuple[str, bool], list[str]] = {}
        for rule, unit in zip(rows["rule"], rows["unit"]):
            if rule is not None and not missing(rule) and unit not in rules.setdefault(rule, []):
                rules[rule].append(unit)
        if len(rules) < 2:
            return {}
        return {rule: sorted(units, key=unit_key) for rule, units in sorted(rules.items())}

    def indicator_table(self, name: str) -> pd.DataFrame:
        """Units × (year, measure) for one indicator group (files left out as duplicates excluded)."""
        rows = self.indicators[(self.indicators["indicator"] == name) & self.indicators["used"]].copy()
        rows["year"] = rows["tahun"].map(year_label)
        rows["occurrence"] = rows.groupby(["unit_key", "region_key", "year"]).cumcount()
        table = rows.pivot(index=["unit_key", "region_key", "occurrence"], columns="year", values=list(MEASURES))
        table = table.swaplevel(0, 1, axis=1)
        years = sorted(set(rows["year"]))
        table = table.reindex(columns=pd.MultiIndex.from_product([years, MEASURES]))
        first = rows.drop_duplicates(["unit_key", "region_key"])
        names = dict(zip(zip(first["unit_key"], first["region_key"]), zip(first["unit"], first["kabupaten"])))
        table.insert(0, ("", "kabupaten"), [names[(u, r)][1] for u, r, _ in table.index])
        table.insert(0, ("", "unit"), [names[(u, r)][0] for u, r, _ in table.index])
        return table.sort_values([("", "unit")], key=lambda s: s.map(unit_key)).reset_index(drop=True)

    def indicator_stats(self, name: str) -> pd.DataFrame:
        """Per year: units reporting a capaian, their unweighted mean, the lowest and the highest."""
        rows = self.indicators[(self.indicators["indicator"] == name) & self.indicators["used"]]
        out = []
        for year, group in rows.groupby(rows["tahun"].map(year_label)):
            values = [v for v in group["capaian"] if not missing(v)]
            out.append({"year": year, "units": len(values), "mean": exact_mean(values),
                        "min": min(values) if values else None, "max": max(values) if values else None})
        return pd.DataFrame(out, columns=["year", "units", "mean", "min", "max"])

    @property
    def summary(self) -> dict[str, int]:
        read = self.units
        return {
            "files": len(self.results),
            "read": len(read),
            "units": int(read["used"].sum()) if len(read) else 0,
            "with_errors": int((read["error"] > 0).sum()) if len(read) else 0,
            "unreadable": int((self.unreadable["kind"] == "unreadable").sum()),
            "skm_exports": int((self.unreadable["kind"] == "skm_export").sum()),
            "skipped": int((self.unreadable["kind"] == "skipped").sum()),
            "duplicates": int((~read["used"]).sum()) if len(read) else 0,
            "error": int(read["error"].sum()) if len(read) else 0,
            "warning": int(read["warning"].sum()) if len(read) else 0,
            "info": int(read["info"].sum()) if len(read) else 0,
        }

    @property
    def has_errors(self) -> bool:
        """Any workbook with errors, any file unreadable, any unit twice: the rekap is not clean (an
        SKM survey export found beside the workbooks is listed, not an error)."""
        s = self.summary
        return bool(s["with_errors"] or s["unreadable"] or s["duplicates"])


# ------------------------------------------------------------------------------------ building
def _unit_rows(figures: list[UnitFigures]) -> pd.DataFrame:
    rows = []
    region_keys, region_names = regions([f.kabupaten for f in figures])
    for order, (f, region) in enumerate(zip(figures, region_keys)):
        capaian = [i.capaian for i in f.indicators if i.capaian is not None]
        skm = f.skm
        rows.append({
            "order": order, "file": f.path, "unit": f.unit, "kabupaten": f.kabupaten, "tahun": f.tahun,
            "unit_key": unit_key(f.unit) or f"\0{f.path}",  # no unit name: never a duplicate of another
            "region_key": region, "region": region_names.get(region, f.kabupaten),
            "iku": len(f.indicators), "iku_capaian": len(capaian), "capaian_mean": exact_mean(capaian),
            "ikm": skm.ikm_rounded if skm else None, "mutu": skm.mutu if skm else None,
            "weight": skm.weight if skm else None, "respondents": skm.respondents if skm else None,
            "pagu": f.pagu, "realisasi": f.realisasi,
            "serapan": percent(f.realisasi, f.pagu),
            **{k: f.counts.get(k, 0) for k in ("error", "warning", "info")},
        })
    columns = ["order", "file", "unit", "kabupaten", "tahun", "unit_key", "region_key", "region", "iku", "iku_capaian",
               "capaian_mean", "ikm", "mutu", "weight", "respondents", "pagu", "realisasi", "serapan",
               "error", "warning", "info"]
    units = pd.DataFrame(rows, columns=columns, dtype=object)  # exact values stay Python objects
    units = units.astype({k: int for k in ("order", "iku", "iku_capaian", "error", "warning", "info")})
    units["year_key"] = [-1 if y is None else y for y in units["tahun"]]
    # the same unit twice: the first file (in the order given) counts, the others are reported
    units["used"] = ~units.duplicated(subset=SAME_UNIT, keep="first")
    counted = units[units["used"]].set_index(SAME_UNIT)
    keys = list(units[SAME_UNIT].itertuples(index=False, name=None))
    units["duplicate_of"] = pd.Series([None if used else counted.loc[key, "file"]
                                       for used, key in zip(units["used"], keys)], index=units.index, dtype=object)
    units["differences"] = pd.Series([None if row["used"] else _differences(row, counted.loc[key])
                                      for row, key in zip(units.to_dict("records"), keys)],
                                     index=units.index, dtype=object)
    units["copies"] = units.groupby(SAME_UNIT)["file"].transform("size")
    return units


def _differences(row: dict, counted) -> list[tuple[str, object, object]]:
    """(figure, this file's value, the counted file's value) for each figure of COMPARED that differs."""
    out = []
    for key in COMPARED:
        mine, theirs = (None if missing(v) else v for v in (row[key], counted[key]))
        if mine != theirs:
            out.append((key, mine, theirs))
    return out


def _indicator_rows(figures: list[UnitFigures], units: pd.DataFrame) -> pd.DataFrame:
    display = group_indicators([i.name for f in figures for i in f.indicators])
    rows = []
    for (_, u), f in zip(units.iterrows(), figures):
        for ind in f.indicators:
            rows.append({"file": f.path, "unit": f.unit or f.path, "kabupaten": f.kabupaten, "tahun": u["tahun"],
                         "unit_key": u["unit_key"], "region_key": u["region_key"], "used": bool(u["used"]),
                         "indicator": display[ind.name], "spelling": ind.name, "kode": ind.kode,
                         "satuan": ind.satuan, "arah": ind.arah, "target": ind.target,
                         "realisasi": ind.realisasi, "capaian": ind.capaian, "rule": ind.rule})
    columns = ["file", "unit", "kabupaten", "tahun", "unit_key", "region_key", "used", "indicator", "spelling",
               *MEASURES, "arah", "rule"]
    return pd.DataFrame(rows, columns=columns).astype({"used": bool})


def _kota(figures: list[UnitFigures], units: pd.DataFrame) -> list[KotaIkm]:
    by_file = {f.path: f for f in figures}
    used = units[units["used"]]
    out = []
    for _, group in used.groupby(GROUP, sort=True):
        skms = [by_file[p].skm for p in group["file"]]
        pooled_from = [s for s in skms if s is not None and s.poolable]
        totals = pd.DataFrame([(u, *s.totals[u]) for s in pooled_from for u in UNSUR_CODES],
                              columns=["unsur", "total", "n"]).groupby("unsur")[["total", "n"]].sum()
        pooled_nrr = {u: (int(totals.loc[u, "total"]), int(totals.loc[u, "n"]),
                          nrr(int(totals.loc[u, "total"]), int(totals.loc[u, "n"]))) for u in totals.index}
        pooled = ikm_from_nrr({u: v[2] for u, v in pooled_nrr.items()}, "exact") if pooled_nrr else None
        exact = [_exact_ikm(s) for s in skms]
        have = [r for r in exact if r is not None]
        mean = mean_of_units(have) if len(have) > 1 else (
            MeanIkm(have[0].unrounded, have[0].rounded, have[0].mutu, have[0].kinerja, 1, have[0].near_boundary)
            if have else None)
        first = group.iloc[0]
        out.append(KotaIkm(first["region"], first["tahun"], pooled, len(pooled_from),
                           sum(s.respondents or 0 for s in pooled_from), pooled_nrr, mean, len(group),
                           sum(1 for s in skms if s is None or s.ikm is None),
                           sum(1 for s in skms if s is not None and s.ikm is not None and not s.poolable),
                           sum(1 for s in skms if s is not None and s.ikm is not None and s.weight != "exact"),
                           tuple(_named(by_file[p].unit, p) for p, s in zip(group["file"], skms)
                                 if s is not None and s.ikm is not None and _survey_errors(by_file[p]))))
    return out


def _survey_errors(figures: UnitFigures) -> bool:
    """Errors in the unit's survey data (SKM…): its IKM cannot be trusted yet."""
    return any(r.severity == "error" and r.code.startswith("SKM") for r in figures.findings)


def _findings(figures: list[UnitFigures]) -> pd.DataFrame:
    rows = [{"unit": f.unit, "file": f.path, "sheet": r.sheet, "cell": r.cell, "code": r.code,
             "severity": r.severity, "message": r.message, "expected": r.expected, "found": r.found}
            for f in figures for r in f.findings]
    return pd.DataFrame(rows, columns=["unit", "file", "sheet", "cell", "code", "severity", "message",
                                       "expected", "found"])


def consolidate(results: list[UnitFigures | Unreadable]) -> Rekap:
    figures = [r for r in results if isinstance(r, UnitFigures)]
    units = _unit_rows(figures)
    unreadable = pd.DataFrame([{"file": r.path, "reason": r.reason, "kind": r.kind}
                               for r in results if isinstance(r, Unreadable)], columns=["file", "reason", "kind"])
    duplicates = units[units["copies"] > 1][["unit", "kabupaten", "tahun", "file", "used", "duplicate_of",
                                             "differences"]]
    units_sorted = units.sort_values(["region_key", "unit_key", "year_key", "order"])
    return Rekap(results, units_sorted.reset_index(drop=True), _indicator_rows(figures, units), _kota(figures, units),
                 _findings(figures), unreadable, duplicates.reset_index(drop=True))
