"""The years on Identitas (VAL018–VAL021): each within a sane range; the report year within the
Renstra period (``renstra_awal ≤ tahun ≤ renstra_akhir``), a period of a Renstra's length; the
report signed once its year is over (December to the next November), the SKM survey period lying
mostly in it. These are relations
(``checks/relations.py``), so a year typed wrong is reported at its own cell (``checks/blame.py``,
VAL021) and not at the years that are right.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Iterable

from ..calc.survey_dates import period_years
from ..findings import Finding, date_text
from ..i18n import Text
from .relations import Ref, Test, reported

# a year outside this range is a slip (224 for 2024, 20204)
YEAR_RANGE = (2000, 2099)
# renstra_akhir − renstra_awal: a Renstra covers five years (2021–2026 aligned with an RPJMD counts 5)
RENSTRA_SPAN = (3, 6)
YEARS = ("tahun", "renstra_awal", "renstra_akhir")
REPORT_YEAR = Text("tahun laporan", "the report year")
LAST_YEAR = Text("tahun akhir Renstra", "the last Renstra year")
IN_PERIOD = Text("berada dalam periode Renstra", "lies in the Renstra period")
SPAN = Text(f"membuat periode Renstra {RENSTRA_SPAN[0]}–{RENSTRA_SPAN[1]} tahun",
            f"makes a Renstra period of {RENSTRA_SPAN[0]}–{RENSTRA_SPAN[1]} years")
FIRST_YEAR = Text("tahun awal Renstra", "the first Renstra year")
BEFORE_LAST = Text("sebelum tahun akhirnya (kedua tahun tertukar?)", "comes before its last year (the two swapped?)")
FORM = "identitas"
SIGNED = Text("laporan ditandatangani", "the report is signed on")
SURVEY = Text("periode survei SKM", "the SKM survey period")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def whole_year(value) -> int | None:
    """A year typed on Identitas as a whole number (an int, a float or a Decimal without a fraction), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) and not hasattr(value, "to_integral_value"):
        return None
    return int(value) if value == int(value) else None


def check(ctx) -> Iterable[Finding]:
    form = ctx.model.form(FORM)
    if form is None:
        return
    years = {k: whole_year(form.values.get(k)) for k in YEARS}
    for key, year in years.items():
        if year is not None and not YEAR_RANGE[0] <= year <= YEAR_RANGE[1] and key in form.cells:
            yield Finding("VAL018", form.sheet, form.cells[key], expected=f"{YEAR_RANGE[0]}–{YEAR_RANGE[1]}",
                          found=str(year))
    sane = {k: v for k, v in years.items() if v is not None and YEAR_RANGE[0] <= v <= YEAR_RANGE[1]}
    refs = {k: Ref(FORM, None, k) for k in YEARS}
    period = f"{sane.get('renstra_awal', '?')}–{sane.get('renstra_akhir', '?')}"
    if sane.get("renstra_awal", 0) > sane.get("renstra_akhir", 9999) and "renstra_awal" in form.cells:
        # 2026–2021: the two years typed the other way round; one slip, said once
        yield Finding("VAL019", form.sheet, form.cells["renstra_awal"], expected=period,
                      found=str(sane["renstra_awal"]), params={"name": FIRST_YEAR, "rule": BEFORE_LAST})
        sane = {k: v for k, v in sane.items() if k == "tahun"}
    if "tahun" in sane and "tahun" in form.cells:
        at = form.cells["tahun"]
        for bound, holds in (("renstra_awal", lambda v: _y(v, "renstra_awal") <= _y(v, "tahun")),
                             ("renstra_akhir", lambda v: _y(v, "tahun") <= _y(v, "renstra_akhir"))):
            if bound in sane:
                values = {refs["tahun"]: sane["tahun"], refs[bound]: sane[bound]}
                finding = Finding("VAL019", form.sheet, at, expected=period, found=str(sane["tahun"]),
                                  params={"name": REPORT_YEAR, "rule": IN_PERIOD})
                yield from reported(ctx, Test(finding, values, _guarded(holds)))
        for year, first, last, sheet, cell, found, what, window in _stated_years(ctx, form):
            finding = Finding("VAL020", sheet, cell, expected=window(sane["tahun"]), found=found, params={"what": what})
            yield from reported(ctx, Test(finding, {refs["tahun"]: sane["tahun"]}, _guarded(
                lambda v, year=year, first=first, last=last: _y(v, "tahun") + first <= year <= _y(v, "tahun") + last)))
    if "renstra_awal" in sane and "renstra_akhir" in sane and "renstra_akhir" in form.cells:
        finding = Finding("VAL019", form.sheet, form.cells["renstra_akhir"], expected=period,
                          found=str(sane["renstra_akhir"]), params={"name": LAST_YEAR, "rule": SPAN})
        values = {refs["renstra_awal"]: sane["renstra_awal"], refs["renstra_akhir"]: sane["renstra_akhir"]}
        yield from reported(ctx, Test(finding, values, _guarded(
            lambda v: RENSTRA_SPAN[0] <= _y(v, "renstra_akhir") - _y(v, "renstra_awal") <= RENSTRA_SPAN[1])))


def copied_workbook(findings: list[Finding], model) -> list[Finding]:
    """The report year blamed (VAL021) as one more than the year the signing date and the SKM period
    say: either the year was mistyped, or last year's workbook was copied and only its year changed
    (the rest not yet updated); the finding says both."""
    form = model.form(FORM)
    at = (form.sheet, form.cells["tahun"]) if form is not None and "tahun" in form.cells else None

    def said(f: Finding) -> Finding:
        if f.code != "VAL021" or (f.sheet, f.cell) != at or not str(f.expected).isdigit() \
                or not str(f.found).isdigit() or int(f.found) - int(f.expected) != 1:
            return f
        return replace(f, params={**f.params, "copied_year": str(f.expected)})
    return [said(f) for f in findings]


def _stated_years(ctx, form):
    """Years stated elsewhere that say the report year, as (year, first, last, …): the report year
    plus ``first`` to plus ``last``. The signing date: a report on a year is signed once the year
    is over (from its December to the next November: January 2024 for the 2024 report is last
    year's date copied); its year counts from December on. The SKM survey period: the year that
    holds most of its months, either when it is shared (``Desember 2024 – Januari 2025``: 2024 or
    2025; ``calc.survey_dates.period_years``)."""
    signed = form.values.get("tanggal")
    if isinstance(signed, dt.datetime):
        signed = signed.date()
    if isinstance(signed, dt.date) and "tanggal" in form.cells:
        yield (signed.year + (signed.month == 12), 1, 1, form.sheet, form.cells["tanggal"], signed, SIGNED,
               lambda t: Text.of("{} – {}", date_text(dt.date(t, 12, 1)), date_text(dt.date(t + 1, 11, 30))))
    info = ctx.model.form("skm_info")
    text = str(info.values.get("periode") or "") if info is not None else ""
    years = period_years(text)
    if years and "periode" in info.cells:
        yield max(years), 0, len(years) - 1, info.sheet, info.cells["periode"], text.strip(), SURVEY, str


def years_named(text) -> list[int]:
    """The years a text names (``Januari–Desember 2024``: [2024]); none for a blank."""
    return [int(y) for y in _YEAR.findall(str(text or ""))]


def _y(values: dict, key: str) -> int:
    return int(values[Ref(FORM, None, key)])


def _guarded(test):
    """A test of years that a candidate value outside the sane range (or not whole) never passes."""
    def holds(values: dict) -> bool:
        years = [whole_year(v) for v in values.values()]
        if any(y is None or not YEAR_RANGE[0] <= y <= YEAR_RANGE[1] for y in years):
            return False
        return test(values)
    return holds
