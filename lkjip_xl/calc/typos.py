"""Explain a mismatch between two amounts as a likely typing slip."""

from __future__ import annotations

from decimal import Decimal

from .decimals import decimal_places, strip_exponent, to_decimal

__all__ = ["SLIP_KINDS", "digit_slip", "slip_candidates"]

#: Slip kind -> Indonesian/English description for findings.
SLIP_KINDS: dict[str, str] = {
    "sign": "tanda terbalik (sign flipped)",
    "transposition": "dua digit bertukar tempat (two adjacent digits swapped)",
    "one_digit": "satu digit salah (one digit differs)",
    "dropped_digit": "satu digit hilang (a digit is missing)",
    "extra_digit": "satu digit berlebih (an extra digit)",
    "fraction": "persen ditulis sebagai pecahan (a percentage typed as a fraction)",
}


def _digits(x: Decimal, places: int) -> str:
    return f"{abs(x):.{places}f}".replace(".", "")


def _one_deleted(longer: str, shorter: str) -> bool:
    return any(longer[i] != "." and longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


def digit_slip(expected: Decimal | int, found: Decimal | int) -> str | None:
    """Kind of slip turning ``expected`` into ``found`` (see SLIP_KINDS), or None.

    1.089.888.500 -> 1.809.888.500 is ``transposition``; 9.054.048.938 ->
    8.054.048.938 is ``one_digit``; 10.000 -> 1.000 is ``dropped_digit``; 82,15 -> 82,5 too (the
    numbers are compared with their decimals aligned, then as typed).
    Equal values or unrelated numbers give None.
    """
    e, f = to_decimal(expected), to_decimal(found)
    if e is None or f is None or e == f:
        return None
    if e == -f:
        return "sign"
    if (e < 0) != (f < 0):
        return None
    if 0 < abs(f) <= 1 and f * 100 == e:
        return "fraction"  # 0,95 typed for 95 (%)
    if type(expected) is int and type(found) is int:  # whole rupiah: both ways below read the same digits
        return _edit(str(abs(expected)), str(abs(found)))
    places = max(decimal_places(strip_exponent(e)), decimal_places(strip_exponent(f)))
    return _edit(_digits(e, places), _digits(f, places)) or _edit(
        format(abs(strip_exponent(e)), "f"), format(abs(strip_exponent(f)), "f"))


def _edit(a: str, b: str) -> str | None:
    """The one edit turning the digits ``a`` into ``b``."""
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1 and "." not in (a[diff[0]], b[diff[0]]):
            return "one_digit"
        if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] \
                and a[diff[1]] == b[diff[0]] and "." not in (a[diff[0]], a[diff[1]]):
            return "transposition"
        return None
    if len(a) == len(b) + 1 and _one_deleted(a, b):
        return "dropped_digit"
    if len(b) == len(a) + 1 and _one_deleted(b, a):
        return "extra_digit"
    return None


_DIGITS = "0123456789"


def slip_candidates(found: Decimal | int) -> list[Decimal]:
    """Every value ``found`` may have been meant as, were it one typing slip (the values
    ``v`` with ``digit_slip(v, found)``): a digit inserted, deleted or changed, two adjacent digits
    swapped, the sign flipped, a fraction meant as a percentage (0,95 for 95). Places as typed:
    82,15 gives 812,15 and 82,155 but never 82,1500."""
    f = to_decimal(found)
    if f is None or not f.is_finite():
        return []
    text = format(abs(strip_exponent(f)), "f")
    spots = [i for i, ch in enumerate(text) if ch != "."]
    texts = set()
    for i in spots:
        texts.add(text[:i] + text[i + 1:])  # a digit typed too many
        texts.update(text[:i] + d + text[i + 1:] for d in _DIGITS if d != text[i])  # one digit wrong
    for i in range(len(text) + 1):
        texts.update(text[:i] + d + text[i:] for d in _DIGITS)  # a digit dropped
    for a, b in zip(spots, spots[1:]):
        if b == a + 1 and text[a] != text[b]:
            texts.add(text[:a] + text[b] + text[a] + text[b + 1:])
    out = {-f} if f != 0 else set()
    if 0 < abs(f) <= 1:
        out.add(f * 100)
    for t in texts:
        if t.strip(".") and t.count(".") <= 1:
            v = Decimal(t if not t.startswith(".") else "0" + t)
            out.add(-v if f < 0 else v)
    out.discard(f)
    return sorted(v for v in out if digit_slip(v, f) is not None)
