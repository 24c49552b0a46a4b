"""Comparing what a workbook holds with what lkjip-xl recomputes."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..calc.decimals import compare_typed, to_decimal

# cached formula results are binary floats: equal within this relative tolerance
CACHED_RELATIVE_TOLERANCE = Decimal("1e-9")


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def same_cached(computed: Any, cached: Any) -> bool:
    """A formula's stored result agrees with the recomputation (float noise aside)."""
    if computed == cached:
        return True  # fast path: equal numbers (int/Decimal) or equal text
    if is_blank(computed) and is_blank(cached):
        return True
    if is_blank(computed) or is_blank(cached):
        return False
    if isinstance(computed, str) or isinstance(cached, str):
        return str(computed).strip() == str(cached).strip()
    a, b = to_decimal(computed), to_decimal(cached)
    return abs(a - b) <= CACHED_RELATIVE_TOLERANCE * max(Decimal(1), abs(a))


def typed_match(computed: Any, typed: Any) -> str | None:
    """How a typed value relates to the exact one: exact, half_up, truncated, or None."""
    if is_blank(computed) or is_blank(typed):
        return None
    if isinstance(computed, str) or isinstance(typed, str):
        return "exact" if str(computed).strip().lower() == str(typed).strip().lower() else None
    return compare_typed(to_decimal(computed), to_decimal(typed))
