"""Range targets: a target typed as a range, ``80-90``, ``80 - 90 %``, ``3 s.d. 5``, ``2 s/d 4``,
``76,61–88,30`` (domain §3.1: inside the range the target is met; above it the upper bound is the
target, below it the lower bound).

What is read as a range is exactly what the template's capaian formula computes as one
(``schema.derivations``): two numbers in Indonesian form (``.`` between thousands, ``,`` before
decimals), each perhaps followed by ``%``, joined by ``-``, ``–``, ``s.d.`` or ``s/d``, spaces
anywhere. Anything else stays text the reader reports, so that no workbook cell is computed one
way by the spreadsheet and another by lkjip-xl."""
from __future__ import annotations

import re
from decimal import Decimal

from .decimals import number_or_none
from .numbers_id import PREDICATE_LETTERS

# the separators the template's capaian formula turns into "-" (schema.derivations._range_text)
SEPARATORS = ("s.d.", "s/d", "\u2013", "-")
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_RANGE = re.compile(
    rf"\s*({_NUMBER})\s*%?\s*(?:{'|'.join(re.escape(s) for s in SEPARATORS)})\s*({_NUMBER})\s*%?\s*")


class TargetRange(str):
    """A range target: the text as typed (what every table prints), with its bounds."""

    lower: Decimal
    upper: Decimal

    def __new__(cls, text: str, lower: Decimal, upper: Decimal) -> "TargetRange":
        obj = super().__new__(cls, text.strip())
        obj.lower, obj.upper = lower, upper
        return obj

    def __reduce__(self):  # a pickled model (rekap's worker processes) keeps the bounds
        return TargetRange, (str(self), self.lower, self.upper)


def _number(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", "."))


def parse_range(text: str) -> TargetRange | None:
    """The range ``text`` writes, or None when it writes none (or its lower bound is above its
    upper bound: see ``range_problem``)."""
    m = _RANGE.fullmatch(text)
    if m is None:
        return None
    lower, upper = _number(m.group(1)), _number(m.group(2))
    return TargetRange(text, lower, upper) if lower <= upper else None


def range_problem(text: str) -> str | None:
    """Why a text that looks like a range is none the formula can compute: bounds the wrong way
    round, or a separator or a number form it does not read. None when it does not look like one."""
    m = _RANGE.fullmatch(text)
    if m is not None:
        return "reversed" if _number(m.group(1)) > _number(m.group(2)) else None
    if re.fullmatch(r"\s*[\d.,]+\s*%?\s*(?:-|–|—|s\.?\s*d\.?|s/d|sampai(?:\s+dengan)?)\s*[\d.,]+\s*%?\s*", text, re.I):
        return "form"
    return None


def as_range(value: object) -> TargetRange | None:
    """The range a target holds: read by the reader, or text given to the template's filler."""
    if isinstance(value, TargetRange):
        return value
    return parse_range(value) if isinstance(value, str) else None


def bounds(value: object) -> tuple[Decimal, Decimal] | None:
    """A target's (lower, upper): a range's bounds, a number's (n, n); None for anything else."""
    if (target := as_range(value)) is not None:
        return target.lower, target.upper
    n = number_or_none(value)
    return None if n is None else (n, n)


def midpoint(value: object) -> Decimal | None:
    """A target's point on its scale (a number, a range's middle): what a comparison of scales
    (×10, a fraction) reads; None for anything else."""
    b = bounds(value)
    return None if b is None else (b[0] + b[1]) / 2


def grade_letter(value: object) -> str | None:
    """A target (or realisasi) that is a grade letter alone (``B``, ``bb``): the letter, upper case."""
    if not isinstance(value, str) or isinstance(value, TargetRange):
        return None
    letter = value.strip().upper()
    return letter if letter in PREDICATE_LETTERS else None


def target_key(value: object) -> tuple | str | None:
    """What two statements of one target must share: a number's or a range's bounds, or a grade
    letter; None for a blank or anything else."""
    return bounds(value) or grade_letter(value)


def same_target(a: object, b: object) -> bool:
    """Do two cells state the same target (``80 s.d. 90`` and ``80-90``, ``b`` and ``B``)?"""
    return (key := target_key(a)) is not None and key == target_key(b)
