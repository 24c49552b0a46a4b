"""Indonesian number words (terbilang), as printed on budget documents."""

from __future__ import annotations

from decimal import Decimal

from .decimals import round_half_up, to_decimal

__all__ = ["terbilang", "terbilang_rupiah", "parse_terbilang", "SCALE_WORDS"]

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


_UNIT = {w: i for i, w in enumerate(_ONES) if i}
_SCALE = {"ribu": 1, "juta": 2, "miliar": 3, "milyar": 3, "triliun": 4}


def _parse_below_1000(words: list[str]) -> int | None:
    """"dua ratus lima puluh tiga" -> 253; None unless the words are a well-formed number < 1000."""
    value, i, n = 0, 0, len(words)
    if i < n and words[i] == "seratus":
        value, i = 100, i + 1
    elif i + 1 < n and words[i] in _UNIT and words[i + 1] == "ratus":
        value, i = _UNIT[words[i]] * 100, i + 2
    if i < n and words[i] in ("sepuluh", "sebelas"):
        value, i = value + (10 if words[i] == "sepuluh" else 11), i + 1
    elif i + 1 < n and words[i] in _UNIT and words[i + 1] == "belas":
        value, i = value + 10 + _UNIT[words[i]], i + 2
    else:
        if i + 1 < n and words[i] in _UNIT and words[i + 1] == "puluh":
            value, i = value + 10 * _UNIT[words[i]], i + 2
        if i < n and words[i] in _UNIT:
            value, i = value + _UNIT[words[i]], i + 1
    return value if i == n and value else None


def parse_terbilang(text: str) -> int | None:
    """The integer that Indonesian number words spell ("tiga puluh miliar sembilan ratus sebelas
    juta ..." -> 30911000000...), the inverse of :func:`terbilang`; "milyar" is accepted for
    "miliar" and a trailing "rupiah" is ignored. None when the words are not a well-formed number:
    a scale word missing ("empat puluh delapan sembilan ratus"), or scales out of order."""
    words = [w for w in text.lower().replace(",", " ").split() if w != "rupiah"]
    if not words:
        return None
    if words == ["nol"]:
        return 0
    total, group, last_power = 0, [], len(SCALE_WORDS)
    for word in words + ["<end>"]:
        if word in _SCALE or word in ("seribu", "<end>"):
            if word == "seribu":
                if group:
                    return None
                power, count = 1, 1
            else:
                power = _SCALE.get(word, 0)
                count = _parse_below_1000(group) if group else None
                if count is None:
                    if word == "<end>" and not group:
                        break
                    return None
            if power >= last_power:
                return None
            total, group, last_power = total + count * 1000 ** power, [], power
        elif word in _UNIT or word in ("ratus", "puluh", "belas", "seratus", "sepuluh", "sebelas"):
            group.append(word)
        else:
            return None
    return total
