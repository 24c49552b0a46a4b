"""Comparing what a workbook holds with what lkjip-xl recomputes, and THE rounding policy for a
value a person typed where lkjip-xl computes one.

The policy (docs/rules.md, "Nilai yang diketik"): a typed value is accepted when it is the exact
value, or the exact value rounded half-up at the precision it was typed with; the exact value cut
(truncated) at that precision is a warning that says so (unless the workbook chose truncation on
Identitas, then it is the office's rule and accepted); anything else is an error. A quantity whose
precision the regulation fixes (the IKM: two decimals) must be typed with at least that many places.
Money is never rounded: an amount must be exact.
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from ..calc.decimals import FLOAT_SIGNIFICANT_DIGITS, compare_typed, decimal_places, to_decimal, truncate
from ..findings import Finding
from ..i18n import Text

# cached formula results are binary floats: equal within this relative tolerance
CACHED_RELATIVE_TOLERANCE = Decimal("1e-9")
# a money result stored as a double can be off by less than half a sen, whatever its own size: the
# sisa J − K of two amounts of 10^12 keeps about 4 decimals (1.234.567.890.123,45 − 1.234.567.890.000,12
# is stored 123,3298...); amounts are typed in whole sen, so no edit moves a result by less
MONEY_NOISE = Decimal("0.005")
# a number stored with this many significant digits was not typed by a person but stored by a program
# (a formula's result pasted as a value, Paste Special > Values; a script's): a binary float,
# compared as a formula's stored result is, not rounded at its last (noisy) place
STORED_DIGITS = 15
# the code reporting a truncated value, per rule family (code prefix)
TRUNCATED = {"KIN": "KIN002", "BUD": "BUD015", "SKM": "SKM018"}


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def same_cached(computed: Any, cached: Any, money: bool = False) -> bool:
    """A formula's stored result agrees with the recomputation (float noise aside; for an amount,
    ``money``, the noise of the amounts it was computed from)."""
    if computed == cached:
        return True  # fast path: equal numbers (int/Decimal) or equal text
    if is_blank(computed) and is_blank(cached):
        return True
    if is_blank(computed) or is_blank(cached):
        return False
    if isinstance(computed, str) or isinstance(cached, str):
        return str(computed).strip() == str(cached).strip()
    a, b = to_decimal(computed), to_decimal(cached)
    return abs(a - b) <= CACHED_RELATIVE_TOLERANCE * max(Decimal(1), abs(a)) or (money and abs(a - b) < MONEY_NOISE)


def typed_match(computed: Any, typed: Any) -> str | None:
    """How a typed value relates to the exact one: exact, half_up, truncated, or None."""
    if is_blank(computed) or is_blank(typed):
        return None
    if isinstance(computed, str) or isinstance(typed, str):
        return "exact" if str(computed).strip().lower() == str(typed).strip().lower() else None
    typed = to_decimal(typed)
    if _stored(typed) and same_cached(computed, typed):
        return "exact"
    return compare_typed(to_decimal(computed), typed)


def same_amount(computed: Any, typed: Any) -> bool:
    """An amount typed where lkjip-xl computes one is that amount: money is never rounded, so it is
    the exact amount, or, stored by a program (STORED_DIGITS: a frozen formula's result), the
    amount within a double's noise, as a formula's stored result is (``same_cached``). A double
    reads with FLOAT_SIGNIFICANT_DIGITS (calc/decimals.py): an amount of that many digits with
    fractions of a sen is such a double, read; a person types whole sen."""
    if computed == typed:
        return True
    if is_blank(computed) or is_blank(typed) or isinstance(computed, str) or isinstance(typed, str):
        return False
    typed = to_decimal(typed)  # the reader keeps FLOAT_SIGNIFICANT_DIGITS of a stored double's digits
    stored = decimal_places(typed) > 2 and _digits(typed) >= min(STORED_DIGITS, FLOAT_SIGNIFICANT_DIGITS)
    return stored and same_cached(computed, typed, money=True)


def _stored(typed: Decimal) -> bool:
    """A number no person typed: stored by a program with STORED_DIGITS significant digits."""
    return _digits(typed) >= STORED_DIGITS


def _digits(number: Decimal) -> int:
    return len(number.normalize().as_tuple().digits)


def same_statement(a: Any, b: Any, settings=None) -> bool:
    """Two typed values that state one value at two precisions: the one with fewer decimals is
    the other rounded half-up there (95,5 and 95,45 for 95,4545; 86,9 and 86,94), or cut there
    when the office truncates. Text compares as text; a blank states nothing."""
    if is_blank(a) or is_blank(b):
        return False
    if isinstance(a, str) or isinstance(b, str):
        return str(a).strip().lower() == str(b).strip().lower()
    fine, coarse = sorted((to_decimal(a), to_decimal(b)), key=decimal_places, reverse=True)
    match = compare_typed(fine, coarse)
    return match in ("exact", "half_up") or (match == "truncated" and getattr(settings, "rounding", "") == "truncate")


def verdict(computed: Any, typed: Any, settings, min_places: int = 0) -> str:
    """The policy: "ok", "truncated" (a warning) or "wrong" (an error)."""
    match = typed_match(computed, typed)
    if match is None:
        return "wrong"
    if match != "exact" and min_places and decimal_places(to_decimal(typed)) < min_places:
        return "wrong"
    if match == "truncated" and settings.rounding != "truncate":
        return "truncated"
    return "ok"


_RANK = {"ok": 0, "truncated": 1, "wrong": 2}


def judge_typed(code: str, sheet: str, cell: str, computed: Any, typed: Any, settings, *,
                params: dict | None = None, name: str | Text = "", min_places: int = 0,
                also: tuple = (), percent: bool = False) -> list[Finding]:
    """The findings the policy gives for one typed value: ``code`` (an error) when it is wrong,
    the family's truncation code (a warning naming ``name``, a Text in both languages) when it was cut instead of rounded.
    ``also``: other exact values the typed one may stand for (the IKM rounded as well as unrounded);
    ``percent``: the value is a percentage, written with its % in the truncation's message."""
    v = min((verdict(c, typed, settings, min_places) for c in (computed, *also)), key=_RANK.__getitem__)
    if v == "wrong":
        return [Finding(code, sheet, cell, expected=computed, found=typed, params=params or {})]
    if v == "truncated":
        return [Finding(TRUNCATED[code[:3]], sheet, cell, expected=computed, found=typed,
                        params={"name": name, "unit": " %" if percent else ""})]
    return []


def consistent_truncation(findings: list[Finding], settings, cell: str) -> list[Finding]:
    """An office that truncates every value it types (three or more truncated, none rounded) does
    so on purpose: one warning at the Identitas rounding choice (SCL005) instead of one per cell,
    whose truncation findings become notes. Evidence of rounding: a value typed over its formula
    that is the half-up rounding and not the truncation."""
    truncated = [f for f in findings if f.code in TRUNCATED.values() and f.severity == "warning"]
    if len(truncated) < 3 or settings.rounding == "truncate" or any(_rounded(f) for f in findings):
        return findings
    cells = ", ".join(f"{f.sheet}!{f.cell}" for f in truncated[:6]) + (" …" if len(truncated) > 6 else "")
    notes = [replace(f, severity_override="info") if f in truncated else f for f in findings]
    return notes + [Finding("SCL005", "Identitas", cell, expected="pemotongan", found=settings.pembulatan,
                            params={"n": len(truncated), "cells": cells})]


def _rounded(f: Finding) -> bool:
    if f.code != "FRM001" or isinstance(f.found, str) or is_blank(f.found) or is_blank(f.expected):
        return False
    return typed_match(f.expected, f.found) == "half_up" and compare_typed(
        truncate_at(f.expected, f.found), to_decimal(f.found)) != "exact"


def truncate_at(exact: Any, typed: Any) -> Decimal:
    """The exact value truncated at the typed value's precision."""
    return truncate(to_decimal(exact), decimal_places(to_decimal(typed)))
