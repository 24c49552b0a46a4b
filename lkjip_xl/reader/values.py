"""Turn a raw cell value (as python-calamine gives it) into the column's type.

Nothing here raises on bad input: a value that is not what its column wants comes back as the
best reading that can be made of it plus a ``Finding`` without a place (a rule code with its
expected and found values); the reader places it at the cell (``Finding.at``).
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from ..calc.decimals import strip_exponent, to_decimal
from ..calc.numbers_id import parse_number
from ..findings import Finding, show_value
from ..i18n import Text
from ..schema.types import ColType

PERCENT_POINTS_SUSPECT = 10  # a percent cell holding more than 1000 % was probably typed as points
MAX_ABS_NUMBER = Decimal(10) ** 15  # Excel keeps 15 significant digits; past that a value is not a real amount
_DATE_TEXT = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


def problem(code: str, expected: Any = None, found: Any = None, params: dict | None = None) -> Finding:
    """A value problem not yet placed at a cell."""
    return Finding(code, "", "", expected, found, params or {})


def _integral(d: Decimal) -> int | Decimal:
    return int(d) if d == d.to_integral_value() else d


# the reason parse_number gives, by its leading code, in words
_WHY = {"not_a_number": Text("bukan angka", "not a number"),
        "malformed": Text("penulisan angka tidak dikenali", "malformed number")}


def _readings(readings) -> Text | None:
    """"1.500": it may mean 1.500 (thousands) or 1,5 (decimal)."""
    if len(readings) != 2:
        return None
    a, b = (show_value(strip_exponent(r.normalize())) for r in readings)
    return Text(f"bisa berarti {a} atau {b}", f"it may mean {a} or {b}")


def _why(reason: str):
    return _WHY.get(reason.split(":", 1)[0], reason)


def _number_from_text(text: str, ctype: ColType) -> tuple[Any, Finding | None]:
    p = parse_number(text)
    if p.special == "NA":
        return None, None
    if p.ambiguous:
        return None, problem("VAL002", found=text, params={"detail": _readings(p.readings) or p.reason or ""})
    if p.value is None:
        if p.reason is None:  # blank after cleaning
            return None, None
        return None, problem("VAL013", found=text, params={"detail": _why(p.reason)})
    value = p.value
    if not value.is_finite() or abs(value) >= MAX_ABS_NUMBER:
        return None, problem("VAL013", found=text, params={"detail": "> 15 digit"})
    if ctype == ColType.INTEGER or ctype == ColType.MONEY:
        value = _integral(value)
    return value, problem("VAL001", expected=value, found=text)


def convert_number(raw: Any, ctype: ColType) -> tuple[Any, Finding | None]:
    if raw is None or raw == "":
        return None, None
    if isinstance(raw, bool):
        return None, problem("VAL013", found=str(raw), params={"detail": "TRUE/FALSE"})
    if isinstance(raw, (dt.date, dt.datetime, dt.time, dt.timedelta)):
        return None, problem("VAL011", found=str(raw))
    if isinstance(raw, str):
        value, issue = _number_from_text(raw, ctype)
        return value, issue
    if isinstance(raw, (int, float, Decimal)) and not abs(raw) < MAX_ABS_NUMBER:  # also NaN; before any rounding
        return None, problem("VAL013", found=str(raw), params={"detail": "> 15 digit"})
    d = to_decimal(raw)
    if ctype == ColType.PERCENT:
        points = strip_exponent(d * 100)
        if abs(d) > PERCENT_POINTS_SUSPECT:
            return d, problem("VAL003", expected=d, found=d, params={"shown": f"{points:,.0f} %".replace(",", ".")})
        return points, None
    if ctype == ColType.INTEGER:
        return _integral(d), None
    if ctype == ColType.MONEY:
        value = _integral(d)
        if value < 0:
            return value, problem("VAL004", found=value)
        return value, None
    return d, None


def code_guess(number: Any) -> str:
    """Excel turned a code into a number: 1.1 was "01.10", 3 was "03"."""
    text = repr(number) if isinstance(number, float) else str(number)
    if text.endswith(".0"):
        text = text[:-2]
    head, _, tail = text.partition(".")
    head = head.zfill(2)
    if tail:
        return f"{head}.{tail.ljust(2, '0')}"
    return head


def convert(raw: Any, ctype: ColType, allowed: tuple[str, ...] | None = None) -> tuple[Any, Finding | None]:
    """Convert one raw value for a column of type ``ctype``."""
    if ctype in (ColType.INTEGER, ColType.MONEY, ColType.PERCENT, ColType.DECIMAL):
        return convert_number(raw, ctype)
    if raw is None or raw == "":
        return None, None
    if ctype == ColType.CODE:
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            guess = code_guess(raw)
            return guess, problem("VAL006", expected=guess, found=raw)
        return str(raw).strip() or None, None
    if ctype == ColType.DATE:
        if isinstance(raw, dt.datetime):
            return raw.date(), None
        if isinstance(raw, dt.date):
            return raw, None
        m = _DATE_TEXT.match(str(raw))
        if m:
            try:
                return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))), None
            except ValueError:
                pass
        return None, problem("VAL014", found=str(raw))
    if ctype == ColType.ENUM:
        text = _as_text(raw)
        if allowed is not None and text not in allowed:
            lowered = {a.lower(): a for a in allowed}
            if text.lower() in lowered:
                return lowered[text.lower()], None
            return text, problem("VAL007", expected=", ".join(allowed), found=text)
        return text, None
    return _as_text(raw), None


def _as_text(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, (dt.date, dt.datetime)):
        return raw.isoformat()
    return str(raw).strip()


def make_converter(ctype: ColType, allowed: tuple[str, ...] | None = None):
    """A converter for one column, with fast paths for the common clean cells (a large sheet has
    millions of them); anything unusual goes through ``convert`` and gets the same answer."""
    allowed_set = frozenset(allowed) if allowed is not None else None

    def slow(raw):
        return convert(raw, ctype, allowed)

    if ctype in (ColType.MONEY, ColType.INTEGER):
        def money(raw):
            if type(raw) is float and raw.is_integer() and 0 <= raw < _MAX_F:
                return int(raw), None
            if raw == "":
                return None, None
            return slow(raw)
        return money
    if ctype == ColType.DECIMAL:
        def decimal(raw):
            if type(raw) is float and raw.is_integer() and abs(raw) < _MAX_F:
                return Decimal(int(raw)), None
            if raw == "":
                return None, None
            return slow(raw)
        return decimal
    if ctype == ColType.PERCENT:
        def percent(raw):
            if type(raw) is float and abs(raw) <= PERCENT_POINTS_SUSPECT:
                # the float's shortest repr, exactly (a computed result may carry float noise:
                # it is compared with a tolerance; a typed percent has none)
                points = Decimal(repr(raw)).scaleb(2)
                return (points.quantize(_ONE) if points.as_tuple().exponent > 0 else points), None
            if raw == "":
                return None, None
            return slow(raw)
        return percent
    if ctype in (ColType.TEXT, ColType.CODE):
        def text(raw):
            if type(raw) is str:
                return (raw.strip() or None), None
            if raw is None:
                return None, None
            return slow(raw)
        return text
    if ctype == ColType.ENUM and allowed_set is not None:
        def enum(raw):
            if type(raw) is str and (raw in allowed_set or raw == ""):
                return (raw or None), None
            return slow(raw)
        return enum
    def other(raw):
        return (None, None) if raw == "" or raw is None else slow(raw)

    return other


_ONE = Decimal(1)
_MAX_F = 1e15
