"""Turn a raw cell value (as python-calamine gives it) into the column's type.

Nothing here raises on bad input: a value that is not what its column wants comes back as the
best reading that can be made of it plus a ``Finding`` without a place (a rule code with its
expected and found values); the reader places it at the cell (``Finding.at``). A value read
other than as the plain number or text the cell holds also says how (``NIL``, ``TEXT``,
``PERCENT``), so that the model can keep it.

Conventions of the people who type the numbers (docs/limits.md, "Values people type"):
- a leading apostrophe before a number or code (``'1980…``, ``'01.02``) is Excel's mark "keep this
  as text", which Excel does not store but LibreOffice keeps in a cell already formatted as text:
  it is not part of the value.
- ``-``, ``–`` or ``—`` in a number column is an explicit zero: read as 0, no finding; ``nihil``,
  ``Rp -``, ``--`` or ``−`` mean the same and are read so too, but the template's formulas read only
  the first three (``numbers_id.FORMULA_NIL``) and show #N/A for these: said at the cell (VAL028).
- a number stored as text (``'12.350.000``) is read as that number (VAL001: Excel's formulas
  leave it out).
- a DECIMAL column holds numbers in their own unit, a percentage in points (96 for 96 %): a cell
  formatted as a percent there shows 0,96 as 96 % and is read as 96 (VAL015, info), unless its
  number is above 10 (1000 %), which was typed as points into a percent cell (VAL003).
- a PERCENT column holds Excel's fractions (0,9685 shown 96,85 %), read as points; a formula's
  result is read so whatever its size, a typed number above 10 in a percent-formatted cell was
  typed as points (VAL003), and one in a cell not formatted as percent shows what was meant.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from decimal import Decimal
from typing import Any

from ..calc.decimals import strip_exponent, to_decimal
from ..calc.numbers_id import FORMULA_NIL, SPECIAL_DASH, SPECIAL_NA, number_before_unit, parse_number, parse_predicate
from ..calc.survey_dates import parse_date
from ..calc.target_range import grade_letter, parse_range, range_problem
from ..findings import Finding, number_text
from ..i18n import Text
from ..schema.lists import spelling_key
from ..schema.types import ColType

# how a value was read, when not as the plain number or text its cell holds
NIL = "nil"  # - typed for an explicit zero: read as 0 (NIL_AS + the text for a nil typed otherwise: –, nihil, Rp -)
NIL_AS = "nil:"
TEXT = "text"  # a number stored as text ('12.350.000): read as that number
NA = "na"  # NA typed for "not applicable": no value, and not "not reported" either
PERCENT = "percent"  # a percent-formatted cell of a DECIMAL column: its fraction read as points (1 -> 100)
BOUND = "text+bound:"  # a target typed as a bound, "≥ 90" ("text+bound:lower") or "≤ 10" ("text+bound:upper")
GRADE = "text+grade:"  # an index typed with its grade, "B (86,94)": read as the number, "text+grade:B"

PERCENT_POINTS_SUSPECT = 10  # a percent cell holding more than 1000 % was probably typed as points
MAX_ABS_NUMBER = Decimal(10) ** 15  # Excel keeps 15 significant digits; past that a value is not a real amount
# Excel's text prefix kept as a character (LibreOffice, a text-formatted cell; its AutoCorrect may
# have made it a typographic ’): one apostrophe before a digit, a sign or a dash, and no other
# apostrophe (a quotation keeps its quotes)
_PREFIXES = ("'", "’", "‘")
_TEXT_PREFIX = re.compile(r"\s*[{0}](?=[0-9+\-–—.,])([^{0}]*)".format("".join(_PREFIXES)))


def unprefixed(text: str) -> str:
    """``text`` without Excel's text prefix kept as a character: "'1980" -> "1980"."""
    m = _TEXT_PREFIX.fullmatch(text)
    return m.group(1) if m else text


Reading = tuple[Any, "Finding | None", "str | None"]  # value, problem, how it was read


def problem(code: str, expected: Any = None, found: Any = None, params: dict | None = None) -> Finding:
    """A value problem not yet placed at a cell."""
    return Finding(code, "", "", expected, found, params or {})


def _integral(d: Decimal) -> int | Decimal:
    return int(d) if d == d.to_integral_value() else d


# the reason parse_number gives, by its leading code, in words
_WHY = {"not_a_number": Text("bukan angka", "not a number"),
        "blank": Text("hanya berisi spasi: tampak kosong, tetapi rumus Excel tidak menganggapnya kosong; "
                      "hapus isi sel", "only spaces: it looks empty, but Excel's formulas do not take it for "
                      "empty; clear the cell"),
        "malformed": Text("penulisan angka tidak dikenali", "malformed number")}


def _readings(readings) -> Text | None:
    """"1.500": it may mean 1.500 (thousands) or 1,5 (decimal)."""
    if len(readings) != 2:
        return None
    a, b = (number_text(strip_exponent(r.normalize())) for r in readings)
    return Text(f"bisa berarti {a.id} atau {b.id}", f"it may mean {a.en} or {b.en}")


def _why(reason: str):
    return _WHY.get(reason.split(":", 1)[0], reason)


def _number_from_text(text: str, ctype: ColType, unit_words: tuple[str, ...] = ()) -> Reading:
    if unit_words:  # a column no formula reads: "25 tahun" or "25" as text is the number meant
        number = number_before_unit(text, unit_words)
        value, issue, how = _number_from_text(text if number is None else number, ctype)
        if issue is not None and issue.code in ("VAL001", "VAL028"):  # no formula reads the column
            return value, None, None
        return value, issue, how
    if (bound := _BOUND.fullmatch(text)) is not None:  # "≥ 90", "≥ 1.500": its number as typed alone, the bound kept
        value, issue, how = _number_from_text(bound.group("n"), ctype)
        issue = issue and replace(issue, found=text.strip(),
                                  expected=value if issue.code == "VAL001" else issue.expected)
        lower = bound.group("op") in _LOWER
        return value, issue, (BOUND + ("lower" if lower else "upper")) if value is not None else how
    p = parse_number(unprefixed(text), spaced_thousands=True)  # "180 000 000", "Rp 1 500"
    if p.special == SPECIAL_DASH:
        nil = 0 if ctype in (ColType.INTEGER, ColType.MONEY) else Decimal(0)
        typed = unprefixed(text).strip()
        how = NIL if typed == "-" else NIL_AS + typed  # the text kept, for messages to quote it
        if typed not in FORMULA_NIL:  # "nihil", "Rp -": nil, but the sheet's formulas give #N/A
            return nil, problem("VAL028", expected="-", found=text.strip()), how
        return nil, None, how
    if p.special == SPECIAL_NA:  # not applicable: nothing to compute, and said once at the cell
        return None, problem("VAL017", found=text.strip()), NA
    if p.ambiguous:
        return None, problem("VAL002", found=text, params={"detail": _readings(p.readings) or p.reason or ""}), None
    value, how = p.value, TEXT
    if value is None and ctype == ColType.DECIMAL:  # an index with its grade, "B (82,15)": the number
        letter, value = parse_predicate(text)
        value, how = (value, GRADE + letter) if letter is not None else (None, TEXT)
    if value is None and ctype in (ColType.DECIMAL, ColType.INTEGER):  # "4 Dokumen", "Tahun 2024"
        value = _number_with_words(text)
    if value is None:
        if p.reason is None:  # blank after cleaning
            return None, None, None
        return None, problem("VAL013", found=text, params={"detail": _why(p.reason)}), None
    if not value.is_finite() or abs(value) >= MAX_ABS_NUMBER:
        return None, problem("VAL013", found=text, params={"detail": "> 15 digit"}), None
    if ctype == ColType.INTEGER or ctype == ColType.MONEY:
        value = _integral(value)
    return value, problem("VAL001", expected=value, found=text.strip()), how


def typed_bound(how: str | None) -> str | None:
    """"lower" for a target typed ``≥ 90``, "upper" for ``≤ 10``, from how the cell was read."""
    return how[len(BOUND):] if how and how.startswith(BOUND) else None


def typed_nil(how: str | None) -> str | None:
    """What a cell read as nil holds (``-``, ``–``, ``nihil``, ``Rp -``), from how it was read; None
    for a cell not read as nil."""
    return "-" if how == NIL else how[len(NIL_AS):] if how and how.startswith(NIL_AS) else None


def typed_grade(how: str | None) -> str | None:
    """The grade letter typed with a number (``B (86,94)``), from how the cell was read."""
    return how[len(GRADE):] if how and how.startswith(GRADE) else None


_WORDS = r"[^\W\d_]+(?:[ .'/-]+[^\W\d_]+)*\.?"
_WITH_WORDS = re.compile(rf"\s*(?:(?P<n1>[-+]?\d[\d.,]*)\s*(?:{_WORDS})|(?:{_WORDS})\s+(?P<n2>\d[\d.,]*))\s*")


# a bound as a Renstra writes a target: "≥ 90", ">= 95 %", "≤ 10" (the arah says which way): read as
# its number with VAL001, as any number stored as text, or VAL002 as "1.500" alone (the bound belongs
# in Arah); how it was read says which bound (checks/kinerja.py compares it with the arah)
_BOUND = re.compile(r"\s*(?P<op>[≥≤><]=?|=[<>])\s*(?P<n>\d[\d.,]*\s*%?)\s*")
_LOWER = {"≥", ">", ">=", "=>", "≥="}


def _number_with_words(text: str) -> Decimal | None:
    """The number of a number typed with its unit or a label, "4 Dokumen", "12 Bulan", "Tahun 2024"
    (read as the number with VAL001, as any number stored as text: the unit belongs in Satuan);
    None when the number itself is not one number for sure ("1.500 orang")."""
    m = _WITH_WORDS.fullmatch(text)
    if m is None:
        return None
    p = parse_number(m.group("n1") or m.group("n2"))
    return None if p.ambiguous or p.special else p.value


def _shown(points: Decimal) -> Text:
    """A percent as a percent cell shows it, in the message's language: 8.500 %, 90,5 % (8,500 %, 90.5 %)."""
    return Text.of("{} %", number_text(strip_exponent(points)))


def convert_number(raw: Any, ctype: ColType, *, percent_format: bool = False, formula: bool = False,
                   unit_words: tuple[str, ...] = ()) -> Reading:
    """``percent_format``: the cell's number format is a percent; ``formula``: the value is a
    formula's result (see the module's conventions)."""
    if raw is None or raw == "":
        return None, None, None
    if isinstance(raw, bool):
        return None, problem("VAL013", found=str(raw), params={"detail": "TRUE/FALSE"}), None
    if isinstance(raw, (dt.date, dt.datetime, dt.time, dt.timedelta)):
        return None, problem("VAL011", found=raw if isinstance(raw, dt.date) else str(raw),
                             params={"hint": _DATE_TYPED}), None
    if isinstance(raw, str):
        return _number_from_text(raw, ctype, unit_words)
    if isinstance(raw, (int, float, Decimal)) and not abs(raw) < MAX_ABS_NUMBER:  # also NaN; before any rounding
        return None, problem("VAL013", found=str(raw), params={"detail": "> 15 digit"}), None
    d = to_decimal(raw)
    if ctype == ColType.PERCENT:
        if formula or abs(d) <= PERCENT_POINTS_SUSPECT:
            return strip_exponent(d * 100), None, None
        if percent_format:
            return d, problem("VAL003", expected=d, found=d, params={"shown": _shown(d * 100)}), None
        return d, None, None  # not shown as a percent: the number seen is the points meant
    if ctype == ColType.DECIMAL and percent_format:
        points = strip_exponent(d * 100)
        if abs(d) > PERCENT_POINTS_SUSPECT:
            return d, problem("VAL003", expected=d, found=d, params={"shown": _shown(points)}), None
        return points, problem("VAL015", expected=points, found=d, params={"shown": _shown(points), "consequence": ""}), \
            PERCENT
    if ctype == ColType.INTEGER:
        return _integral(d), None, None
    if ctype == ColType.MONEY:
        value = _integral(d)
        if value < 0:
            return value, problem("VAL004", found=value), None
        return value, None, None
    return d, None, None


_RANGE_WHY = {
    "reversed": Text("rentang: batas bawah di atas batas atas", "a range whose lower bound is above its upper bound"),
    "form": Text("rentang ditulis 80-90, 80 s.d. 90 atau 2,5 s/d 3,5 (koma desimal) agar rumus capaian "
                 "menghitungnya", "write a range as 80-90, 80 s.d. 90 or 2,5 s/d 3,5 (decimal comma) for the "
                 "achievement formula to compute it"),
}


# what a formula's error value means, and what to do (VAL010)
_ERROR_WHY = {
    "#REF!": Text(": rumusnya merujuk sel, baris atau kolom yang sudah dihapus; salin rumus kolom ini dari baris yang "
                  "masih benar atau dari templat kosong (lkjip-xl template)",
                  ": its formula refers to a cell, row or column that was deleted; copy this column's formula from a "
                  "row that is still right or from a blank template (lkjip-xl template)"),
    "#DIV/0!": Text(": rumusnya membagi dengan 0 atau sel kosong; isi sel pembaginya",
                    ": its formula divides by 0 or a blank cell; fill in the cell it divides by"),
    "#VALUE!": Text(": rumusnya menerima teks di tempat angka; periksa sel yang dibaca rumusnya",
                    ": its formula gets text where a number belongs; check the cells it reads"),
    "#NAME?": Text(": rumusnya memakai nama atau fungsi yang tidak dikenal (salah ketik?)",
                   ": its formula uses a name or function that is not known (a typo?)"),
}


def error_value_why(error: str) -> Text:
    """What the error value ``error`` (#REF!, #DIV/0!, ...) says about its formula, for VAL010."""
    return _ERROR_WHY.get(str(error).strip().upper(), Text("", ""))


_DATE_TYPED = Text(": angka yang diketik (mis. 4/5 atau 4-5) dijadikan tanggal; ubah format sel ke Angka (Format Sel > "
                   "Angka) lalu ketik ulang angkanya",
                   ": the number typed (4/5 or 4-5, say) was made a date; set the cell's format to Number (Format "
                   "Cells > Number) and type the number again")
_DATE_RANGE = Text(": rentang seperti 5-6 yang diketik dijadikan tanggal oleh Excel; ketik 5 s.d. 6",
                   ": a range such as 5-6 typed here is made a date by Excel; type 5 s.d. 6")


def targets_first(conv, ranges: bool, letters: bool):
    """A target or realisasi column's converter (``Column.target_range``, ``Column.grade_letter``): a
    range (``80-90``: calc.target_range) is read as one, a grade letter alone (``B``) as that letter
    (checks/kinerja.py says what it cannot give); text that looks like a range the template's
    formula cannot compute says why (VAL013)."""
    def read(raw):
        if isinstance(raw, str):
            text = unprefixed(raw)
            if ranges and (target := parse_range(text)) is not None:
                return target, None, None
            if letters and (letter := grade_letter(text)) is not None:
                return letter, None, None
            if ranges and (why := range_problem(text)) is not None:
                return None, problem("VAL013", found=raw, params={"detail": _RANGE_WHY[why]}), None
        value, issue, how = conv(raw)
        if ranges and issue is not None and issue.code == "VAL011":  # Excel makes "5-6" typed in a General cell a date
            issue = problem("VAL011", found=issue.found, params={"hint": _DATE_RANGE})
        return value, issue, how
    return read


def code_guess(number: Any) -> str:
    """Excel turned a code into a number: 1.1 was "01.10", 3 was "03"."""
    text = repr(number) if isinstance(number, float) else str(number)
    if text.endswith(".0"):
        text = text[:-2]
    head, _, tail = text.partition(".")
    head = head.zfill(2)
    if tail:
        return f"{head}.{tail.ljust(2, '0')}"
    return head


def convert(raw: Any, ctype: ColType, allowed: tuple[str, ...] | None = None, *,
            percent_format: bool = False, formula: bool = False, aliases: dict[str, str] | None = None,
            unit_words: tuple[str, ...] = ()) -> Reading:
    """Convert one raw value for a column of type ``ctype``: (value, problem, how it was read).
    ``aliases``: other spellings of the list's choices (``schema.lists.ALIASES``), read as the choice;
    ``unit_words``: the column's (``Column.unit_words``)."""
    if ctype in (ColType.INTEGER, ColType.MONEY, ColType.PERCENT, ColType.DECIMAL):
        return convert_number(raw, ctype, percent_format=percent_format, formula=formula, unit_words=unit_words)
    if raw is None or raw == "" or (type(raw) is str and raw.isspace()):  # spaces: no text, no choice, no date
        return None, None, None
    if ctype == ColType.CODE:
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            guess = code_guess(raw)
            return guess, problem("VAL006", expected=guess, found=raw), None
        return unprefixed(str(raw).strip()).strip() or None, None, None
    if ctype == ColType.DATE:
        if isinstance(raw, dt.datetime):
            return raw.date(), None, None
        if isinstance(raw, dt.date):
            return raw, None, None
        if isinstance(raw, str):  # pasted from a survey export, or typed where the cell is no date cell
            # as `lkjip-xl skm` reads an export's dates, day before month; any year (2205 for 2025:
            # the year checks say what it is)
            date, _ = parse_date(raw, years=None)
            if date is not None:
                return date, None, None
        number = isinstance(raw, (int, float)) and not isinstance(raw, bool)  # a number shown as numbers are
        return None, problem("VAL014", found=to_decimal(raw) if number else str(raw)), None
    if ctype == ColType.ENUM:
        text = _as_text(raw)
        if allowed is not None and text not in allowed:
            lowered = {a.lower(): a for a in allowed}
            if text.lower() in lowered:
                return _choice(raw, lowered[text.lower()])
            if aliases and spelling_key(text) in aliases:
                return aliases[spelling_key(text)], None, None
            return text, problem("VAL007", expected=", ".join(allowed), found=text), None
        return _choice(raw, text)
    return _as_text(raw), None, None


def _choice(raw: Any, value: str) -> Reading:
    """A list choice as read: a choice typed with spaces around it (pasted: ``turun ``) is the choice,
    said (VAL025), for a sheet formula comparing it with the list's word does not see it as that."""
    if type(raw) is str and raw != raw.strip():
        return value, problem("VAL025", expected=value, found=raw, params={"consequence": ""}), None
    return value, None, None


def _as_text(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, (dt.date, dt.datetime)):
        return raw.isoformat()
    return unprefixed(str(raw).strip()).strip()


def make_converter(ctype: ColType, allowed: tuple[str, ...] | None = None, aliases: dict[str, str] | None = None,
                   unit_words: tuple[str, ...] = ()):
    """A converter for one column, with fast paths for the common clean cells (a large sheet has
    millions of them); anything unusual goes through ``convert`` and gets the same answer as a
    typed value in the column's usual format: percent in a PERCENT column, not percent elsewhere.
    The reader reads the few other cells again with ``convert`` (a percent-formatted cell of a
    DECIMAL column; a VAL003, which may be a formula's result or in a cell not shown as percent)."""
    allowed_set = frozenset(allowed) if allowed is not None else None
    usual_percent = ctype == ColType.PERCENT

    def slow(raw):
        return convert(raw, ctype, allowed, percent_format=usual_percent, aliases=aliases, unit_words=unit_words)

    if ctype in (ColType.MONEY, ColType.INTEGER):
        def money(raw):
            if type(raw) is float and raw.is_integer() and 0 <= raw < _MAX_F:
                return int(raw), None, None
            if raw == "":
                return None, None, None
            return slow(raw)
        return money
    if ctype == ColType.DECIMAL:
        def decimal(raw):
            if type(raw) is float and raw.is_integer() and abs(raw) < _MAX_F:
                return Decimal(int(raw)), None, None
            if raw == "":
                return None, None, None
            return slow(raw)
        return decimal
    if ctype == ColType.PERCENT:
        def percent(raw):
            if type(raw) is float and abs(raw) <= PERCENT_POINTS_SUSPECT:
                # the float's shortest repr, exactly (a computed result may carry float noise:
                # it is compared with a tolerance; a typed percent has none)
                points = Decimal(repr(raw)).scaleb(2)
                return (points.quantize(_ONE) if points.as_tuple().exponent > 0 else points), None, None
            if raw == "":
                return None, None, None
            return slow(raw)
        return percent
    if ctype in (ColType.TEXT, ColType.CODE):
        def text(raw):
            if type(raw) is str:
                raw = raw.strip()
                if raw[:1] not in _PREFIXES:
                    return (raw or None), None, None
            if raw is None:
                return None, None, None
            return slow(raw)
        return text
    if ctype == ColType.ENUM and allowed_set is not None:
        def enum(raw):
            if type(raw) is str and (raw in allowed_set or raw == ""):
                return (raw or None), None, None
            return slow(raw)
        return enum
    def other(raw):
        return (None, None, None) if raw == "" or raw is None else slow(raw)

    return other


_ONE = Decimal(1)
_MAX_F = 1e15
