"""The IKM per period (semester or triwulan) as well as for the year, from the respondents' dates.

Period schemes are data (:data:`SCHEMES`). Respondents are put in the period of their date; a
respondent without a readable date counts for the whole survey only. Periods are listed from the
first one holding a respondent to the last, empty ones in between included (a gap shows). Each
period is computed like the whole survey (same answer reading, NRR, IKM, rounding and grading),
with the change from the previous period's IKM (both as rounded and printed, so the printed
table adds up).

Minimum sample per period: Krejcie–Morgan needs the period's population; only the year's is
known (``--populasi`` or the SKM sheet), so a period's population is assumed to be the year's
share of the period's months, rounded up (a semester: ⌈N × 6/12⌉), and the report says so.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from math import ceil

from ..calc.skm import min_sample
from ..calc.skm_labels import LabelSet
from ..errors import UsageError
from .compute import SkmResult
from .layanan import per_group

__all__ = ["PeriodScheme", "SCHEMES", "parse_periode", "choose_scheme", "Period", "PeriodBreakdown",
           "period_breakdown", "valid_count"]


@dataclass(frozen=True)
class PeriodScheme:
    key: str
    months: int  # months per period; 12 / months periods a year
    names: tuple[tuple[str, str], ...]  # (Indonesian, English) name of each period of a year
    title: tuple[str, str]

    def index(self, date: dt.date) -> int:
        return (date.month - 1) // self.months

    def name(self, index: int, lang: str) -> str:
        return self.names[index][1 if lang == "en" else 0]


SCHEMES: dict[str, PeriodScheme] = {
    "semester": PeriodScheme("semester", 6, (("Semester I", "First half"), ("Semester II", "Second half")),
                             ("Semester", "Half-year")),
    "triwulan": PeriodScheme("triwulan", 3, (("Triwulan I", "Quarter 1"), ("Triwulan II", "Quarter 2"),
                                             ("Triwulan III", "Quarter 3"), ("Triwulan IV", "Quarter 4")),
                             ("Triwulan", "Quarter")),
}
#: --periode value -> scheme key; "tahun": no breakdown; "auto": semester when the dated
#: respondents fall in two semesters or more, else none
PERIODE_OPTIONS = {"auto": "auto", "semester": "semester", "triwulan": "triwulan", "tw": "triwulan",
                   "kuartal": "triwulan", "quarter": "triwulan", "tahun": "tahun", "year": "tahun"}


def parse_periode(text: str | None) -> str:
    if text is None:
        return "auto"
    key = PERIODE_OPTIONS.get(text.strip().lower())
    if key is None:
        raise UsageError("bad_option", detail=f"--periode {text} (auto | semester | triwulan | tahun)")
    return key


def choose_scheme(option: str, dates: list[dt.date | None]) -> PeriodScheme | None:
    """The scheme asked for; ``auto``: semester when the dates span two semesters or more."""
    if option == "tahun":
        return None
    if option != "auto":
        return SCHEMES[option]
    semester = SCHEMES["semester"]
    spans = {(d.year, semester.index(d)) for d in dates if d is not None}
    return semester if len(spans) > 1 else None


@dataclass
class Period:
    year: int
    index: int  # 0-based period of the year
    first: dt.date
    last: dt.date  # inclusive
    result: SkmResult
    populasi: int | None = None  # assumed population of the period
    min_sample: int | None = None
    change: Decimal | None = None  # IKM − the previous period's IKM (both rounded)

    @property
    def respondents(self) -> int:
        return self.result.respondents

    @property
    def valid(self) -> int:
        return valid_count(self.result)

    @property
    def below_min(self) -> bool:
        return self.min_sample is not None and self.valid < self.min_sample


@dataclass
class PeriodBreakdown:
    scheme: PeriodScheme
    periods: list[Period]
    years: list[int]
    undated: list[int] = field(default_factory=list)  # respondents without a readable date

    def label(self, p: Period, lang: str = "id") -> str:
        """"Semester I", or "Semester I 2023" when the survey spans several years."""
        name = self.scheme.name(p.index, lang)
        return f"{name} {p.year}" if len(self.years) > 1 else name


def valid_count(result: SkmResult) -> int:
    """Valid respondents of a result: the smallest number of valid answers of any unsur."""
    return min((c.n for c in result.columns), default=0)


def _bounds(year: int, index: int, months: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, index * months + 1, 1)
    nxt = dt.date(year + (index * months + months) // 12, (index * months + months) % 12 + 1, 1)
    return first, nxt - dt.timedelta(days=1)


def period_breakdown(
    dates: list[dt.date | None], scheme: PeriodScheme, answers: dict[str, list], unsur_names: list[str | None],
    weight: str = "exact", labels: LabelSet | None = None, populasi: int | None = None,
) -> PeriodBreakdown:
    """Per period results of the respondents whose date is known (``dates`` aligned with the
    answers); ``populasi``: the year's population, for each period's minimum sample."""
    keys = sorted({(d.year, scheme.index(d)) for d in dates if d is not None})
    per_year = 12 // scheme.months
    slots: list[tuple[int, int]] = []
    if keys:
        first, last = keys[0][0] * per_year + keys[0][1], keys[-1][0] * per_year + keys[-1][1]
        slots = [divmod(k, per_year) for k in range(first, last + 1)]
    position = {slot: i for i, slot in enumerate(slots)}
    ids = [position[(d.year, scheme.index(d))] if d is not None else len(slots) for d in dates]
    names = [f"{y}-{i}" for y, i in slots]
    results = per_group(names, ids, answers, unsur_names, weight, labels)
    share = None if populasi is None else ceil(populasi * scheme.months / 12)
    periods = []
    previous = None
    for (year, index), name in zip(slots, names):
        result = results[name]
        p = Period(year, index, *_bounds(year, index, scheme.months), result, share,
                   min_sample(share) if share else None)
        if previous is not None and previous.ikm is not None and result.ikm is not None:
            p.change = result.ikm.rounded - previous.ikm.rounded
        previous = result
        periods.append(p)
    undated = [i for i, d in enumerate(dates) if d is None]
    return PeriodBreakdown(scheme, periods, sorted({y for y, _ in slots}), undated)
