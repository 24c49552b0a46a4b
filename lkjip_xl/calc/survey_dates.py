"""Respondents' dates as survey exports write them. Pure functions, no I/O.

Formats read (a time of day and a time zone after the date are allowed and ignored: the date is
the one the respondent's form shows):

- a date or date-time cell (``datetime``/``date``), or an Excel serial day number (45122 is
  15/07/2023; 45122,44 with its time) between 1950 and 2099;
- year first: ``2023/07/15 10:32:05 AM GMT+7`` (Google Forms), ``2023-07-15``,
  ``2023-07-15T10:32:05+07:00`` (ISO 8601);
- day and month as numbers: ``15/07/2023 10:32:05``, ``15-07-2023``, ``15.07.23``. Whether a
  column writes day/month (Indonesia) or month/day (a form in US English) is decided per column
  by the values that can only be read one way (a first number above 12 is a day); when every
  value fits both, day/month is assumed and the caller says so;
- month names, Indonesian or English, full or short: ``15 Juli 2023``, ``Sabtu, 15 Jul 2023``,
  ``July 15, 2023``.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

__all__ = ["MONTHS", "YEARS", "DateColumn", "parse_date", "read_dates", "column_order", "period_years"]

MONTHS: dict[str, int] = {
    **dict.fromkeys(("januari", "january", "jan"), 1),
    **dict.fromkeys(("februari", "pebruari", "february", "feb", "peb"), 2),
    **dict.fromkeys(("maret", "march", "mar"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mei", "may"), 5),
    **dict.fromkeys(("juni", "june", "jun"), 6),
    **dict.fromkeys(("juli", "july", "jul"), 7),
    **dict.fromkeys(("agustus", "august", "agu", "agt", "ags", "aug"), 8),
    **dict.fromkeys(("september", "sept", "sep"), 9),
    **dict.fromkeys(("oktober", "october", "okt", "oct"), 10),
    **dict.fromkeys(("november", "nopember", "nov", "nop"), 11),
    **dict.fromkeys(("desember", "december", "des", "dec"), 12),
}
YEARS = (1950, 2099)  # a date outside is a typing slip, not a survey date
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIALS = ((dt.date(YEARS[0], 1, 1) - _EXCEL_EPOCH).days, (dt.date(YEARS[1], 12, 31) - _EXCEL_EPOCH).days)

_TIME = r"(?:(?:\s+|t)(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?\s*([ap])?\.?(?:m\.?)?)?"
_ZONE = r"(?:\s*(?:z|(?:gmt|utc)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|wib|wita|wit))?"
_YMD = re.compile(rf"^(\d{{4}})[-/.](\d{{1,2}})[-/.](\d{{1,2}}){_TIME}{_ZONE}$")
_NUMERIC = re.compile(rf"^(\d{{1,2}})[-/.](\d{{1,2}})[-/.](\d{{4}}|\d{{2}}){_TIME}{_ZONE}$")
_WEEKDAY = r"(?:[a-z]+,?\s+)?"
_DAY_MONTH = re.compile(rf"^{_WEEKDAY}(\d{{1,2}})[\s\-./]+([a-z]+)\.?[\s\-./]+(\d{{4}}){_TIME}{_ZONE}$")
_MONTH_DAY = re.compile(rf"^{_WEEKDAY}([a-z]+)\.?\s+(\d{{1,2}}),?\s+(\d{{4}}){_TIME}{_ZONE}$")
_SERIAL_TEXT = re.compile(r"^\d{5}(?:[.,]\d+)?$")


def _time_ok(hour, minute, second, ampm) -> bool:
    if hour is None:
        return True
    h, m, s = int(hour), int(minute), int(second or 0)
    if ampm and not 1 <= h <= 12:
        return False
    return h <= 24 and m <= 59 and s <= 60


def _make(year: int, month: int, day: int, years: tuple[int, int] | None = YEARS) -> tuple[dt.date | None, str | None]:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None, "unreadable"
    if years is not None and not years[0] <= year <= years[1]:
        return None, "out_of_range"
    return date, None


def _year(text: str) -> int:
    return int(text) + 2000 if len(text) == 2 else int(text)


def parse_date(raw: object, order: str = "dmy",
               years: tuple[int, int] | None = YEARS) -> tuple[dt.date | None, str | None]:
    """(date, None) or (None, problem): ``blank``, ``unreadable``, ``out_of_range`` (a year
    outside 1950–2099). ``order``: how ``15/07/2023``-like dates of this column are written,
    ``"dmy"`` or ``"mdy"`` (see :func:`column_order`). ``years``: the years a date may lie in
    (None: any; the workbook's reader leaves a far year to the year checks)."""
    if raw is None:
        return None, "blank"
    if isinstance(raw, dt.datetime):
        return _make(raw.year, raw.month, raw.day, years)
    if isinstance(raw, dt.date):
        return _make(raw.year, raw.month, raw.day, years)
    if isinstance(raw, bool):
        return None, "unreadable"
    if isinstance(raw, (int, float)):
        return _serial(raw)
    if not isinstance(raw, str):
        return None, "unreadable"
    text = " ".join(raw.split()).lower()
    if not text:
        return None, "blank"
    if _SERIAL_TEXT.match(text):
        return _serial(float(text.replace(",", ".")))
    m = _YMD.match(text)
    if m:
        if not _time_ok(*m.group(4, 5, 6, 7)):
            return None, "unreadable"
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)), years)
    m = _NUMERIC.match(text)
    if m:
        if not _time_ok(*m.group(4, 5, 6, 7)):
            return None, "unreadable"
        a, b = int(m.group(1)), int(m.group(2))
        day, month = (a, b) if order == "dmy" else (b, a)
        return _make(_year(m.group(3)), month, day, years)
    m = _DAY_MONTH.match(text)
    if m and m.group(2) in MONTHS and _time_ok(*m.group(4, 5, 6, 7)):
        return _make(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1)), years)
    m = _MONTH_DAY.match(text)
    if m and m.group(1) in MONTHS and _time_ok(*m.group(4, 5, 6, 7)):
        return _make(int(m.group(3)), MONTHS[m.group(1)], int(m.group(2)), years)
    return None, "unreadable"


def _serial(value: float) -> tuple[dt.date | None, str | None]:
    if value != value or not _SERIALS[0] <= value < _SERIALS[1] + 1:  # NaN or outside 1950–2099
        return None, "unreadable"
    return _EXCEL_EPOCH + dt.timedelta(days=int(value)), None


def column_order(values: list) -> tuple[str, bool]:
    """(``"dmy"`` or ``"mdy"``, assumed): how the column writes ``15/07/2023``-like dates, from the
    values that fit one reading only (a first number above 12 is a day: day/month). The majority
    wins (ties: day/month). ``assumed`` is True when some value fits both and none decides."""
    dmy = mdy = ambiguous = 0
    for raw in dict.fromkeys(v for v in values if isinstance(v, str)):
        m = _NUMERIC.match(" ".join(raw.split()).lower())
        if not m:
            continue
        a, b = int(m.group(1)), int(m.group(2))
        if a > 12 >= b:
            dmy += 1
        elif b > 12 >= a:
            mdy += 1
        elif a != b:
            ambiguous += 1
    order = "mdy" if mdy > dmy else "dmy"
    return order, ambiguous > 0 and dmy == mdy == 0


@dataclass
class DateColumn:
    """The dates of one column: a date (or None) per respondent, the problems met (index,
    ``blank``/``unreadable``/``out_of_range``), the day/month order used and whether it was
    assumed."""

    dates: list[dt.date | None]
    problems: list[tuple[int, str]] = field(default_factory=list)
    order: str = "dmy"
    assumed: bool = False


def read_dates(values: list) -> DateColumn:
    """Read a date column; each distinct value is read once."""
    order, assumed = column_order(values)
    seen: dict = {}
    out = DateColumn([], [], order, assumed)
    for i, raw in enumerate(values):
        try:
            date, problem = seen[raw] if raw in seen else seen.setdefault(raw, parse_date(raw, order))
        except TypeError:  # an unhashable value
            date, problem = parse_date(raw, order)
        out.dates.append(date)
        if problem:
            out.problems.append((i, problem))
    return out


_PERIOD_WORD = re.compile(r"[a-z]+|(?<!\d)(?:19|20)\d\d(?!\d)")


def period_years(text) -> tuple[int, ...]:
    """The years a survey period as typed (``Januari–Desember 2024``, ``Desember 2024 – Januari
    2025``) belongs to: the years that hold most of its months, from its first month to its last
    (a month without its year takes the next year named). ``Desember 2024 – Januari 2025``: one
    month each, (2024, 2025); ``Desember 2024 – November 2025``: (2025,); ``Oktober 2024 – Maret
    2025``: (2024, 2025). A period without two months placed in years (``Tahun 2024``, ``Semester I
    2024``) or ending before it starts: the latest year it names; none for a blank."""
    words = _PERIOD_WORD.findall(str(text or "").lower())
    years = [int(w) for w in words if w.isdigit()]
    dated, pending = [], []
    for word in words:
        if word.isdigit():
            dated += [(int(word), m) for m in pending]
            pending = []
        elif word in MONTHS:
            pending.append(MONTHS[word])
    if len(dated) < 2 or dated[-1] <= dated[0]:
        return (max(years),) if years else ()
    (first_year, first_month), (last_year, last_month) = dated[0], dated[-1]
    months = {y: 12 for y in range(first_year, last_year + 1)}
    months[first_year] -= first_month - 1
    months[last_year] -= 12 - last_month
    most = max(months.values())
    return tuple(y for y, n in months.items() if n == most)
