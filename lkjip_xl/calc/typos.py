"""Explain a mismatch between two amounts as a likely typing slip."""

from __future__ import annotations

from decimal import Decimal

from .decimals import decimal_places, strip_exponent, to_decimal

__all__ = ["SLIP_KINDS", "digit_slip"]

#: Slip kind -> Indonesian/English description for findings.
SLIP_KINDS: dict[str, str] = {
    "sign": "tanda terbalik (sign flipped)",
    "transposition": "dua digit bertukar tempat (two adjacent digits swapped)",
    "one_digit": "satu digit salah (one digit differs)",
    "dropped_digit": "satu digit hilang (a digit is missing)",
    "extra_digit": "satu digit berlebih (an extra digit)",
}


def _digits(x: Decimal, places: int) -> str:
    return f"{abs(x):.{places}f}".replace(".", "")


def _one_deleted(longer: str, shorter: str) -> bool:
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


def digit_slip(expected: Decimal | int, found: Decimal | int) -> str | None:
    """Kind of slip turning ``expected`` into ``found`` (see SLIP_KINDS), or None.

    1.089.888.500 -> 1.809.888.500 is ``transposition``; 9.054.048.938 ->
    8.054.048.938 is ``one_digit``; 10.000 -> 1.000 is ``dropped_digit``.
    Equal values or unrelated numbers give None.
    """
    e, f = to_decimal(expected), to_decimal(found)
    if e is None or f is None or e == f:
        return None
    if e == -f:
        return "sign"
    if (e < 0) != (f < 0):
        return None
    places = max(decimal_places(strip_exponent(e)), decimal_places(strip_exponent(f)))
    a, b = _digits(e, places), _digits(f, places)
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return "one_digit"
        if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] \
                and a[diff[1]] == b[diff[0]]:
            return "transposition"
        return None
    if len(a) == len(b) + 1 and _one_deleted(a, b):
        return "dropped_digit"
    if len(b) == len(a) + 1 and _one_deleted(b, a):
        return "extra_digit"
    return None
