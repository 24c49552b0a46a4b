"""Indonesian number words (terbilang), as printed on budget documents."""

from __future__ import annotations

from decimal import Decimal

from .decimals import round_half_up, to_decimal

__all__ = ["terbilang", "terbilang_rupiah", "SCALE_WORDS"]

_ONES = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan",
         "sembilan")
#: Group words by power of 1000, up to triliun (10^12).
SCALE_WORDS = ("", "ribu", "juta", "miliar", "triliun")
_LIMIT = 1000 ** len(SCALE_WORDS)


def _below_1000(n: int) -> list[str]:
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        words.append("seratus")
    elif hundreds:
        words += [_ONES[hundreds], "ratus"]
    if rest == 10:
        words.append("sepuluh")
    elif rest == 11:
        words.append("sebelas")
    elif 12 <= rest <= 19:
        words += [_ONES[rest - 10], "belas"]
    elif rest >= 20:
        tens, ones = divmod(rest, 10)
        words += [_ONES[tens], "puluh"]
        if ones:
            words.append(_ONES[ones])
    elif rest:
        words.append(_ONES[rest])
    return words


def terbilang(n: int) -> str:
    """Words for an integer: 1000 -> "seribu", 11 -> "sebelas",
    30911880435 -> "tiga puluh miliar sembilan ratus sebelas juta ...".
    Supports |n| < 1000 triliun; negatives start with "minus"."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("terbilang needs an int")
    if n == 0:
        return "nol"
    if n < 0:
        return "minus " + terbilang(-n)
    if n >= _LIMIT:
        raise ValueError("terbilang supports values below 1000 triliun")
    words: list[str] = []
    for power in range(len(SCALE_WORDS) - 1, -1, -1):
        group = (n // 1000 ** power) % 1000
        if not group:
            continue
        if power == 1 and group == 1:
            words.append("seribu")
            continue
        words += _below_1000(group)
        if SCALE_WORDS[power]:
            words.append(SCALE_WORDS[power])
    return " ".join(words)


def terbilang_rupiah(amount: int | Decimal) -> str:
    """"... rupiah", with "... sen" when the amount has sen (rounded half-up)."""
    d = round_half_up(to_decimal(amount), 2)
    sign = "minus " if d < 0 else ""
    d = abs(d)
    whole = int(d)
    sen = int((d - whole) * 100)
    text = f"{sign}{terbilang(whole)} rupiah"
    if sen:
        text += f" {terbilang(sen)} sen"
    return text
