"""Findings about the respondents' dates and the periods: SKM024 (a date that cannot be read: the
respondent counts for the year, not for any period), SKM025 (day/month order assumed), SKM026 (a
period below its minimum sample), SKM027 (periods asked for, but no date to put respondents in)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..calc.survey_dates import DateColumn
from ..findings import Finding, number_text
from .periods import PeriodBreakdown

__all__ = ["date_findings", "period_findings"]

_PROBLEM = {"blank": ("kosong", "blank"), "unreadable": ("tidak terbaca", "unreadable"),
            "out_of_range": ("tahun di luar 1950–2099", "year outside 1950–2099")}


def date_findings(column: DateColumn, sheet: str, cell_of: Callable[[int], str], raw_of: Callable[[int], object],
                  header: str, skip: set[int] = frozenset()) -> list[Finding]:
    """SKM024 per respondent whose date is blank or unreadable (``skip``: those already reported,
    e.g. by the workbook reader), SKM025 at the column's header when day/month was assumed."""
    out = []
    for i, problem in column.problems:
        if i in skip:
            continue
        id_, en = _PROBLEM[problem]
        raw = raw_of(i)
        out.append(Finding("SKM024", sheet, cell_of(i), found=raw if raw is None or isinstance(raw, dt.date) else str(raw),
                           params={"why": id_, "why_en": en}))
    if column.assumed:
        out.append(Finding("SKM025", sheet, header))
    return out


def period_findings(breakdown: PeriodBreakdown, sheet: str, header: str) -> list[Finding]:
    """SKM026 for every period with fewer valid respondents than its minimum sample."""
    return [Finding("SKM026", sheet, header, expected=p.min_sample, found=p.valid,
                    params={"period": breakdown.label(p), "period_en": breakdown.label(p, "en"),
                            "populasi": number_text(p.populasi)})
            for p in breakdown.periods if p.below_min]
