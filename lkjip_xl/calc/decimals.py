"""Exact decimal helpers: conversion, rounding, and comparing typed values.

Everything here works on :class:`decimal.Decimal`. Floats (as read from Excel
cells) are converted once, through :func:`to_decimal`, which removes binary
float noise; no float arithmetic happens anywhere else.
"""

from __future__ import annotations

import math
from decimal import ROUND_DOWN, ROUND_HALF_UP, Context, Decimal, localcontext
from enum import Enum

__all__ = [
    "FLOAT_SIGNIFICANT_DIGITS",
    "FLOAT_MIN_PLACES",
    "CALC_PRECISION",
    "to_decimal",
    "number_or_none",
    "round_half_up",
    "truncate",
    "decimal_places",
    "compare_typed",
    "RoundingMode",
    "ROUNDING_MODES",
    "apply_rounding",
    "strip_exponent",
    "percent",
]

#: Floats are rounded to this many significant digits to remove float noise ...
FLOAT_SIGNIFICANT_DIGITS = 12
#: ... but never to fewer decimal places than this, so rupiah amounts up to
#: 10^13 keep their sen (30911880435.579998 -> 30911880435.58).
FLOAT_MIN_PLACES = 2
#: Precision used for divisions (capaian, persen, NRR...).
CALC_PRECISION = 28

# Quantize needs room for big numbers with many places.
_WIDE = Context(prec=80)


def strip_exponent(x: Decimal) -> Decimal:
    """Normalise away trailing zeros without producing exponent forms like 1E+2."""
    if not x.is_finite():
        return x
    n = x.normalize(_WIDE)
    if n == 0:
        return Decimal(0)
    if n.as_tuple().exponent > 0:
        return n.quantize(Decimal(1), context=_WIDE)
    return n


def _from_float(x: float) -> Decimal:
    if not math.isfinite(x):
        raise ValueError(f"cannot convert non-finite float {x!r} to Decimal")
    d = Decimal(repr(x))
    if d == 0:
        return Decimal(0)
    places = max(FLOAT_SIGNIFICANT_DIGITS - d.adjusted() - 1, FLOAT_MIN_PLACES)
    d = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=_WIDE)
    return strip_exponent(d)


def to_decimal(x: object) -> Decimal | None:
    """Convert int/Decimal/str/float to Decimal; None stays None.

    Floats go through ``repr`` and are cleaned of float noise
    (``96.85000000000001`` -> ``Decimal('96.85')``). Strings must be plain
    Python decimal literals (use ``numbers_id.parse_number`` for typed text).
    Booleans are refused (``True`` is not a number in a sheet).
    """
    kind = type(x)  # the usual types first (a check converts millions of values)
    if kind is Decimal:
        return x
    if kind is int:
        return Decimal(x)
    if x is None:
        return None
    if isinstance(x, bool):
        raise TypeError("bool is not a number")
    if isinstance(x, Decimal):
        return x
    if isinstance(x, int):
        return Decimal(x)
    if isinstance(x, float):
        return _from_float(x)
    if isinstance(x, str):
        try:
            d = Decimal(x.strip())
        except ArithmeticError as exc:
            raise ValueError(f"not a decimal literal: {x!r}") from exc
        if not d.is_finite():
            raise ValueError(f"not a finite number: {x!r}")
        return d
    raise TypeError(f"cannot convert {type(x).__name__} to Decimal")


def number_or_none(value: object) -> Decimal | None:
    """A value read from a cell as Decimal; None for blanks, text, booleans and anything that is
    not a finite number (checks report those; they never raise)."""
    kind = type(value)  # the usual types first
    if kind is int:
        return Decimal(value)
    if kind is Decimal:
        return value if value.is_finite() else None
    if value is None or isinstance(value, (str, bool)):
        return None
    try:
        d = to_decimal(value)
    except (TypeError, ValueError, ArithmeticError):
        return None
    return d if d is not None and d.is_finite() else None


def _quantize(x: Decimal, places: int, rounding: str) -> Decimal:
    x = to_decimal(x)
    return x.quantize(Decimal(1).scaleb(-places), rounding=rounding, context=_WIDE)


def round_half_up(x: Decimal, places: int) -> Decimal:
    """Round half away from zero to ``places`` decimals (2.345 -> 2.35)."""
    return _quantize(x, places, ROUND_HALF_UP)


def truncate(x: Decimal, places: int) -> Decimal:
    """Cut to ``places`` decimals toward zero (98.0355 -> 98.03, -1.239 -> -1.23)."""
    return _quantize(x, places, ROUND_DOWN)


def decimal_places(x: Decimal) -> int:
    """Decimal places as typed: ``Decimal('96.80')`` -> 2, ``Decimal('117')`` -> 0.

    Floats are first converted with :func:`to_decimal` (normalised form).
    """
    d = to_decimal(x)
    exp = d.as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


def compare_typed(computed: Decimal, typed: Decimal) -> str | None:
    """How a typed value relates to a recomputed one.

    Returns ``"exact"``, ``"half_up"`` (typed = computed rounded half-up at the
    typed precision), ``"truncated"`` (typed = computed cut at that precision)
    or ``None`` for a mismatch. When both roundings agree ``"half_up"`` wins.
    """
    c, t = to_decimal(computed), to_decimal(typed)
    if c == t:
        return "exact"
    places = decimal_places(t)
    if round_half_up(c, places) == t:
        return "half_up"
    if truncate(c, places) == t:
        return "truncated"
    return None


class RoundingMode(str, Enum):
    """Named display rounding choices (a setting, not a constant)."""

    HALF_UP = "half_up"
    TRUNCATE = "truncate"


#: Preset name -> mode; ``"half_up"`` is the default.
ROUNDING_MODES: dict[str, RoundingMode] = {m.value: m for m in RoundingMode}


_ROUNDERS = {RoundingMode.HALF_UP: ROUND_HALF_UP, RoundingMode.TRUNCATE: ROUND_DOWN}


def apply_rounding(
    x: Decimal, places: int, mode: RoundingMode | str = RoundingMode.HALF_UP
) -> Decimal:
    """Round ``x`` to ``places`` decimals with a named mode ("half_up"/"truncate")."""
    try:
        m = RoundingMode(mode)
    except ValueError as exc:
        raise ValueError(
            f"unknown rounding mode {mode!r}; use one of {sorted(ROUNDING_MODES)}"
        ) from exc
    return _quantize(x, places, _ROUNDERS[m])


def percent(part: object, whole: object) -> Decimal | None:
    """part × 100 / whole at :data:`CALC_PRECISION`: THE percentage of lkjip-xl (capaian, % realisasi,
    serapan, capaian keluaran, tingkat kemajuan, composite ratios). None when either is missing or
    ``whole`` is 0: a share of nothing is not a number, and callers report why."""
    p, w = to_decimal(part), to_decimal(whole)
    if p is None or w is None or w == 0:
        return None
    with localcontext() as ctx:
        ctx.prec = CALC_PRECISION
        return p * 100 / w
