"""How far through the year a workbook is reported. Offices keep the workbook from January and
type each quarter's realisasi on the Rencana Aksi as it comes (docs/limits.md, "Through the year");
the realisasi anggaran typed on the Realisasi sheet before the year is over is what has been spent
so far, not the year's. The last quarter with any Rencana Aksi realisasi (an indicator's actual or
a kegiatan's spending) says how far: below TW IV the year is not complete. A quarter that holds 0
(or `-`) on every row after quarters with figures is typed ahead (an office that fills the future
quarters with 0 mid-year), not reported: a real 0 is one row's, beside other rows' figures in the
same quarter. A workbook whose Rencana Aksi has no realisasi at all says nothing about it (many
offices never fill the quarters) and is read as the year's."""
from __future__ import annotations

from typing import Any, Iterable

QUARTERS = (1, 2, 3, 4)


def reported_quarter(rows: Iterable[dict[str, Any]]) -> int | None:
    """The last quarter whose ``realisasi_twN`` holds a figure other than 0 on any row (``-`` is
    0); None when no quarter does."""
    typed = [q for row in rows for q in QUARTERS if not blank(row.get(f"realisasi_tw{q}"))
             and row.get(f"realisasi_tw{q}") != 0]
    return max(typed) if typed else None


def as_reported(actuals: list, quarter: int | None) -> list:
    """Four quarters' actuals as reported: those after the last quarter reported (0 typed ahead on
    every row) read blank, as not reported yet."""
    return [v if quarter is None or q <= quarter else None for q, v in zip(QUARTERS, actuals)]


def typed_ahead(rows: Iterable[dict[str, Any]], quarter: int) -> bool:
    """Some row holds a 0 (or ``-``) in a quarter after ``quarter``, the last one reported."""
    return any(not blank(row.get(f"realisasi_tw{q}")) for row in rows for q in QUARTERS if q > quarter)


def partial_year(quarter: int | None) -> bool:
    """The Rencana Aksi is reported up to TW I–III: the year is not complete yet."""
    return quarter is not None and quarter < 4


def blank(value: Any) -> bool:
    """Nothing typed: no value, or only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())
