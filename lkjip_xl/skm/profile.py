"""Respondent profile of an SKM survey: counts and percentages by jenis kelamin, umur band,
pendidikan, pekerjaan and jenis layanan. Pure functions over lists of raw cell values.

Choices (documented in docs/skm.md):

- every respondent row counts once in every dimension; a blank cell is its own category
  (``None``, shown as "Tidak diisi"), so each dimension adds up to the number of respondents;
- percentages are exact (``Fraction``) and rounded half-up to 2 decimals only for display, so
  a dimension's rounded percentages may add up to 99,99 or 100,01;
- umur bands: ≤ 20, 21–30, 31–40, 41–50, > 50 (whole years, a fractional age is cut to its
  year); an age that is not a number is its own category "tidak valid";
- jenis kelamin ``L``/``P`` (and common spellings: laki-laki, pria, perempuan, wanita, male,
  female) are normalised to ``L``/``P``; both always appear, even with 0; all five umur bands
  always appear; the open dimensions list only the categories present, the template's list
  order first, then first appearance; spellings differing only in case and spaces are merged
  (the first spelling is kept).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..calc.decimals import percent, round_half_up
from ..calc.numbers_id import number_before_unit
from ..schema import SCHEMA
from ..schema.lists import ALIASES, spelling_key, values as list_values

__all__ = [
    "DIMENSIONS", "UMUR_BANDS", "ProfileRow", "tabulate", "umur_band", "jenis_kelamin",
    "respondent_profile",
]

#: dimension key -> (Indonesian title, English title)
DIMENSIONS: dict[str, tuple[str, str]] = {
    "jenis_kelamin": ("Jenis kelamin", "Sex"),
    "umur": ("Umur", "Age"),
    "pendidikan": ("Pendidikan", "Education"),
    "pekerjaan": ("Pekerjaan", "Occupation"),
    "jenis_layanan": ("Jenis layanan", "Service"),
}

#: (label, lowest age, highest age) in whole years; None = open end
UMUR_BANDS: tuple[tuple[str, int | None, int | None], ...] = (
    ("≤ 20", None, 20), ("21–30", 21, 30), ("31–40", 31, 40), ("41–50", 41, 50), ("> 50", 51, None),
)
UMUR_INVALID = "tidak valid"

_NUMBER = re.compile(r"^\s*(\d{1,3})(?:[.,]\d+)?\s*$")
UMUR_WORDS = SCHEMA.table("skm_responden").column("umur").unit_words  # "25 tahun": as the reader reads it


@dataclass(frozen=True)
class ProfileRow:
    kategori: str | None  # None: blank cell ("Tidak diisi")
    jumlah: int
    persen: Decimal  # of all respondents, rounded half-up to 2 decimals

    def as_tuple(self) -> tuple[str | None, int, Decimal]:
        return self.kategori, self.jumlah, self.persen


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def jenis_kelamin(value) -> str | None:
    """``L``/``P`` for the usual spellings, the text as typed otherwise, None when blank."""
    if _blank(value):
        return None
    text = _text(value)
    return ALIASES["jenis_kelamin"].get(spelling_key(text), text)


def umur_band(value) -> str | None:
    """The band label of an age (number or text such as ``"25 tahun"``); None when blank."""
    if _blank(value):
        return None
    if isinstance(value, bool):
        return UMUR_INVALID
    if isinstance(value, (int, float, Decimal)):
        try:
            age = int(value)
        except (ValueError, OverflowError, ArithmeticError):
            return UMUR_INVALID
    else:
        text = str(value)
        m = _NUMBER.match(number_before_unit(text, UMUR_WORDS) or text)
        if not m:
            return UMUR_INVALID
        age = int(m.group(1))
    if age < 0:
        return UMUR_INVALID
    for label, lo, hi in UMUR_BANDS:
        if (lo is None or age >= lo) and (hi is None or age <= hi):
            return label
    return UMUR_INVALID  # pragma: no cover - the bands cover every age ≥ 0


def _percent(count: int, total: int) -> Decimal:
    """A category's share of the respondents, rounded half-up to 2 decimals (0 of none)."""
    share = percent(count, total)
    return Decimal(0) if share is None else round_half_up(share, 2)


def _distinct(values: Iterable) -> list[tuple[object, int]]:
    """(value, count) in order of first appearance; True/False are not merged with 1/0."""
    values = values if isinstance(values, (list, tuple)) else list(values)
    try:
        counted = Counter(values)
    except TypeError:  # an unhashable cell value: count by text
        counted = Counter(v if isinstance(v, Hashable) else str(v) for v in values)
    if 1 in counted or 0 in counted:  # True == 1 and False == 0 share a key: separate them
        ids = set(map(id, values))
        if id(True) in ids or id(False) in ids:
            counted = Counter((type(v) is bool, v) for v in values)
            return [(v, c) for (_, v), c in counted.items()]
    return list(counted.items())


def tabulate(
    values: Iterable, *, normalise=None, order: Sequence[str] = (), always: Sequence[str] = (),
    total: int | None = None,
) -> list[ProfileRow]:
    """Counts per category of ``values``.

    ``normalise``: raw value -> category (None = blank); default: the stripped text.
    ``order``: known categories listed first in this order; ``always``: categories shown even
    with 0. Blank comes last. ``total``: the denominator of the percentages (default: the
    number of values).
    """
    normalise = normalise or (lambda v: None if _blank(v) else _text(v))
    counts: dict[str | None, int] = {}
    spelling: dict[str, str] = {}
    n = 0
    for raw, count in _distinct(values):  # each distinct cell value is normalised once
        n += count
        cat = normalise(raw)
        if cat is not None:
            k = _key(cat)
            cat = spelling.setdefault(k, cat)
        counts[cat] = counts.get(cat, 0) + count
    total = n if total is None else total
    known = {_key(c): c for c in order}
    for c in always:
        k = _key(c)
        if k not in spelling:
            spelling[k] = c
            counts.setdefault(c, 0)
    rank = {_key(c): i for i, c in enumerate(order)}
    cats = [c for c in counts if c is not None]
    cats.sort(key=lambda c: (rank.get(_key(c), len(rank)),))  # stable: first appearance after known
    rows = [ProfileRow(known.get(_key(c), c), counts[c], _percent(counts[c], total)) for c in cats]
    if None in counts:
        rows.append(ProfileRow(None, counts[None], _percent(counts[None], total)))
    return rows


def respondent_profile(columns: dict[str, Sequence], respondents: int | None = None,
                       default_layanan: str | None = None) -> dict[str, list[ProfileRow]]:
    """Profile tables for the dimensions present in ``columns`` (key -> values by respondent).

    A dimension missing from ``columns`` is left out. ``default_layanan`` fills blank
    jenis layanan cells (the survey's one service, from the SKM sheet).
    """
    n = respondents if respondents is not None else max((len(v) for v in columns.values()), default=0)
    out: dict[str, list[ProfileRow]] = {}
    if "jenis_kelamin" in columns:
        out["jenis_kelamin"] = tabulate(columns["jenis_kelamin"], normalise=jenis_kelamin,
                                        order=("L", "P"), always=("L", "P"), total=n)
    if "umur" in columns:
        labels = [b[0] for b in UMUR_BANDS]
        out["umur"] = tabulate(columns["umur"], normalise=umur_band, order=labels, always=labels, total=n)
    if "pendidikan" in columns:
        out["pendidikan"] = tabulate(columns["pendidikan"], order=list_values("pendidikan"), total=n)
    if "pekerjaan" in columns:
        out["pekerjaan"] = tabulate(columns["pekerjaan"], order=list_values("pekerjaan"), total=n)
    if "jenis_layanan" in columns:
        values = columns["jenis_layanan"]
        if default_layanan and not _blank(default_layanan):
            values = [default_layanan if _blank(v) else v for v in values]
        out["jenis_layanan"] = tabulate(values, total=n)
    return out
