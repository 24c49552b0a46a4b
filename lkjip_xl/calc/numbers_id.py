"""Reading and writing numbers the way people type them in Indonesian sheets.

``parse_number`` never guesses: ``1.500`` (1,5 or 1500?) is reported as
ambiguous with value ``None``. Percent text keeps percent units
(``"96,85%"`` -> value 96.85, ``is_percent=True``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .decimals import round_half_up, strip_exponent, to_decimal

__all__ = [
    "ParsedNumber",
    "parse_number",
    "format_id",
    "format_number",
    "format_percent_id",
    "parse_predicate",
    "PREDICATE_LETTERS",
    "SPECIAL_DASH",
    "SPECIAL_NA",
    "SPECIAL_BLANK",
    "FORMULA_NIL",
]

#: ``special`` values: "-" (means zero), NA (not applicable), blank (not reported).
SPECIAL_DASH = "dash"
SPECIAL_NA = "na"
SPECIAL_BLANK = "blank"

#: the nil markers the template's formulas read as 0 (schema.derivations.amount); the others read
#: here as nil ("--", "−", "nihil", "Rp -") the formulas leave to #N/A (values.py says so at the cell)
FORMULA_NIL = ("-", "\u2013", "\u2014")
_DASHES = {*FORMULA_NIL, "--", "−"}
_NIL_WORDS = {"nihil"}
_NA_WORDS = {"na", "n/a", "n.a", "n.a.", "#n/a", "tidak berlaku"}
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")
_CURRENCY = re.compile(r"^(rp\.?|idr)\s*", re.IGNORECASE)
_CLOSING = re.compile(r"^([0-9.,]*[0-9])(?:,-|\.-|-)$")  # "5.000,-", "435,00-"
_SIGNS = ("-", "−", "+")
_CORE = re.compile(r"^[0-9.,]+$")
_GROUPED = re.compile(r"^[1-9][0-9]{0,2}(?:[.,][0-9]{3})+$")


@dataclass(frozen=True)
class ParsedNumber:
    """Result of :func:`parse_number`.

    ``reason`` starts with a code: ``blank``, ``not_applicable``,
    ``not_a_number``, ``malformed`` or ``ambiguous``, then ``": detail"``.
    """

    value: Decimal | None
    is_percent: bool = False
    ambiguous: bool = False
    style: str = "plain"
    reason: str | None = None
    special: str | None = None
    readings: tuple[Decimal, ...] = ()


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _bad(reason: str, is_percent: bool = False) -> ParsedNumber:
    return ParsedNumber(None, is_percent, False, "plain", reason)


def _core_value(core: str, money: bool) -> tuple[str | None, str, str | None, tuple]:
    """(canonical decimal text, style, problem, readings) for digits+separators.

    ``readings`` holds both values when the text is ambiguous.
    """
    dots, commas = core.count("."), core.count(",")
    if dots == 0 and commas == 0:
        return core, "plain", None, ()
    if dots and commas:
        dec = "," if core.rfind(",") > core.rfind(".") else "."
        thou = "." if dec == "," else ","
        style = "id" if dec == "," else "us"
        int_part, _, frac = core.rpartition(dec)
        if dec in int_part or not frac or not _GROUPED.match(int_part):
            return None, style, f"malformed: {core!r} mixes separators wrongly", ()
        return int_part.replace(thou, "") + "." + frac, style, None, ()
    sep = "." if dots else ","
    thou_style, dec_style = ("id", "us") if sep == "." else ("us", "id")
    if (dots or commas) > 1:
        if not _GROUPED.match(core):
            return None, thou_style, f"malformed: {core!r} has bad digit grouping", ()
        return core.replace(sep, ""), thou_style, None, ()
    int_part, _, frac = core.partition(sep)
    if not frac:
        return None, dec_style, f"malformed: {core!r} ends with a separator", ()
    if len(frac) == 3 and _GROUPED.match(core):
        if money:  # rupiah never has 3 decimals: a thousands separator
            return int_part + frac, thou_style, None, ()
        as_thousands, as_decimal = int_part + frac, f"{int_part}.{frac}"
        shown = str(strip_exponent(Decimal(as_decimal)))
        if sep == ",":
            names, shown = ("US thousands", "Indonesian decimal"), shown.replace(".", ",")
        else:
            names = ("Indonesian thousands", "US decimal")
        reason = (f"ambiguous: {core!r} reads as {as_thousands} ({names[0]}) "
                  f"or {shown} ({names[1]})")
        return None, "plain", reason, (Decimal(as_thousands), Decimal(as_decimal))
    return (int_part or "0") + "." + frac, dec_style, None, ()


def parse_number(text: str, *, spaced_thousands: bool = False) -> ParsedNumber:
    """Parse a typed number: Indonesian, US or plain form, with Rp, %, sign.

    ``"-"`` is zero (``special="dash"``), as are ``nihil`` and ``Rp -``, ``NA`` is not applicable
    (``special="na"``, value None), blank is not reported
    (``special="blank"``, value None). ``"1.500"``/``"1,500"`` are ambiguous
    (value None, both readings in ``readings``) unless prefixed by ``Rp``.
    Non-string numbers are passed through :func:`to_decimal`. With ``spaced_thousands`` (a cell,
    where a number is one value; not running text) thousands grouped by single spaces are read
    (``180 000 000``); other spaces between digits are malformed.
    """
    if text is None:
        return ParsedNumber(None, reason="blank: empty cell", special=SPECIAL_BLANK)
    if not isinstance(text, str):
        return ParsedNumber(to_decimal(text))
    s = _clean(text)
    if not s:
        return ParsedNumber(None, reason="blank: empty cell", special=SPECIAL_BLANK)
    if s in _DASHES or s.lower() in _NIL_WORDS or _CURRENCY.sub("", s).strip() in _DASHES:  # "Rp -": nil in finance exports
        return ParsedNumber(Decimal(0), special=SPECIAL_DASH)
    if s.lower() in _NA_WORDS:
        return ParsedNumber(None, reason="not_applicable: NA", special=SPECIAL_NA)
    is_percent = s.endswith("%")
    if is_percent:
        s = s[:-1].rstrip()
    negative = False
    if s[:1] in _SIGNS and len(s) > 1:
        negative, s = s[0] != "+", s[1:].lstrip()
    money = bool(_CURRENCY.match(s))
    s = _CURRENCY.sub("", s)
    if s.startswith("(") and s.endswith(")"):
        negative, s = not negative, s[1:-1].strip()
        money = money or bool(_CURRENCY.match(s))
        s = _CURRENCY.sub("", s)
    if s[:1] in _SIGNS and len(s) > 1 and not negative:
        negative, s = s[0] != "+", s[1:].lstrip()
    m = _CLOSING.match(s)
    if m:  # "Rp 5.000,-": the closing dash marks a rupiah amount
        s, money = m.group(1), True
    if spaced_thousands and _SPACED_THOUSANDS.fullmatch(s):
        s = s.replace(" ", "")
    elif " " in s and _CORE.match(s.replace(" ", "")):
        return _bad(f"malformed: {text.strip()!r} has spaces between digits", is_percent)
    if not s or not _CORE.match(s) or not any(c.isdigit() for c in s):
        return _bad(f"not_a_number: {text.strip()!r}", is_percent)
    canonical, style, problem, readings = _core_value(s, money)
    if canonical is None:
        if negative:
            readings = tuple(-r for r in readings)
        return ParsedNumber(None, is_percent, bool(readings), style, problem,
                            readings=readings)
    value = Decimal(canonical)
    return ParsedNumber(-value if negative else value, is_percent, False, style)


# thousands grouped by single spaces, as some locales write them; the decimal comma after the last group
_SPACED_THOUSANDS = re.compile(r"\d{1,3}(?: \d{3})+(?:,\d+)?")


def format_id(value: Decimal | int, places: int = 0) -> str:
    """Indonesian display: ``13.943.248.509``, ``96,85``, ``-1.234,50`` (half-up)."""
    d = round_half_up(to_decimal(value), places)
    sign = "-" if d < 0 else ""
    text = f"{abs(d):f}"
    int_part, _, frac = text.partition(".")
    groups = []
    while len(int_part) > 3:
        groups.insert(0, int_part[-3:])
        int_part = int_part[:-3]
    groups.insert(0, int_part)
    out = ".".join(groups)
    if places > 0:
        out += "," + frac
    return sign + out


_EN_MARKS = str.maketrans(".,", ",.")


def format_number(value: Decimal | int, places: int = 0, lang: str = "id") -> str:
    """A number in the message's language: ``1.500.000`` and ``95,50`` in Indonesian,
    ``1,500,000`` and ``95.50`` in English."""
    text = format_id(value, places)
    return text.translate(_EN_MARKS) if lang == "en" else text


def format_percent_id(value: Decimal | int, places: int = 2) -> str:
    """Percent number in Indonesian form without the sign: 96.8512 -> ``96,85``."""
    return format_id(value, places)


#: Predicate letters accepted in targets (SAKIP AA..D, SKM A..D).
PREDICATE_LETTERS = ("AA", "A", "BB", "B", "CC", "C", "D")
_LETTER = r"(AA|A|BB|B|CC|C|D)"
_NUM = r"([-+]?[0-9][0-9.,]*)"
_PRED_PATTERNS = (
    re.compile(rf"^{_LETTER}$"),
    re.compile(rf"^{_LETTER}\s*\(\s*{_NUM}\s*\)$"),
    re.compile(rf"^{_NUM}\s*\(\s*{_LETTER}\s*\)$"),
    re.compile(rf"^{_LETTER}\s*[-:/]?\s*{_NUM}$"),
    re.compile(rf"^{_NUM}$"),
)


def parse_predicate(text: str) -> tuple[str | None, Decimal | None]:
    """Split a predicate target: ``"B (82,15)"`` -> ``("B", Decimal("82.15"))``.

    Accepts ``B``, ``CC``, ``B(88,30)``, ``70,00 ( B )``, and a bare number.
    Anything unreadable (or an ambiguous number) gives None for that part.
    """
    if text is None:
        return None, None
    s = _clean(str(text)).upper()
    for pattern in _PRED_PATTERNS:
        m = pattern.match(s)
        if not m:
            continue
        letter = number = None
        for g in m.groups():
            if g in PREDICATE_LETTERS:
                letter = g
            else:
                number = parse_number(g).value
        return letter, number
    return None, None


def number_before_unit(text: str, words: tuple[str, ...]) -> str | None:
    """The number of a text that is a number followed by one of the unit's ``words`` ("25 tahun",
    "25 th."), as written; None otherwise."""
    if not words:
        return None
    m = _unit_pattern(words).fullmatch(text)
    return m.group(1) if m else None


@lru_cache(maxsize=16)
def _unit_pattern(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"\s*([0-9][0-9.,]*)\s*(?:" + "|".join(map(re.escape, words)) + r")\.?\s*", re.IGNORECASE)
