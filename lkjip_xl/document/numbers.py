"""The numbers of a piece of report text, read the way Indonesian reports print them.

``30.911.880.435,00``, ``Rp. 30.911.880.435,-``, ``97,18 %``, ``1,396,524,280.00``, ``B (82,15)``,
``1 098 888 500,00`` grouped by thin spaces,
and amounts in words ("... rupiah") are understood (``calc.numbers_id`` and ``calc.terbilang``
do the reading). Numbers that are not quantities are set aside and not counted: list and
section numbering, dates, years (except after "Tahun Anggaran"), regulation and table numbers,
NIPs, and the operands of a printed formula ("31,28 x 25").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..calc.decimals import decimal_places
from ..calc.numbers_id import parse_number
from ..calc.terbilang import parse_terbilang

_TOKEN = re.compile(  # digits grouped by thin or narrow spaces ("1 098 888 500") are one number
    r"(?<![A-Za-z0-9_])(?:\d{1,3}(?:[\u2007\u2009\u202f]\d{3})+(?:,\d+)?(?!\d)|\d{1,3}(?:\.\d{3})+,\s00(?!\d)"
    r"|\d[\d.,]*\d|\d|(?<!\d),\d{2}(?!\d))(?![A-Za-z0-9_])")
_GROUP_SPACE = re.compile(r"[\u2007\u2009\u202f]")
_PERCENT_AFTER = re.compile(r"^\s?(%|persen\b)", re.I)
_MONEY_BEFORE = re.compile(r"(rp\.?|idr)\s*$", re.I)
_CLOSING_AFTER = re.compile(r"^(,-|-(?!\d))")
_OPERATOR_BEFORE = re.compile(r"([x×*/+]|[=])\s*$", re.I)
_OPERATOR_AFTER = re.compile(r"^\s*(?:[×*/+=]|x\s)", re.I)
_REF_BEFORE = re.compile(
    r"\b(nomor|nomer|no|pasal|ayat|bab|tabel|table|gambar|lampiran|huruf|angka|perda|perwal|perwa|"
    r"permendagri|permenpan|uu|pp|kode|tw|triwulan|semester|rt|rw|jalan|jl|lantai|misi|sasaran|tujuan|"
    r"indikator|iku|program|kegiatan|tahap|juara|ranking|peringkat|kelas|golongan|eselon|selama|setiap|tiap|"
    r"masing-masing|per)\.?\s*[-:]?\s*$", re.I)
_UNIT_AFTER = re.compile(r"^\s*([A-Za-z]+)")
_SCALE_AFTER = re.compile(r"^\s*(ribu|juta|miliar|milyar|triliun)\b\.?", re.I)
_SCALES = {"ribu": 3, "juta": 6, "miliar": 9, "milyar": 9, "triliun": 12}
_MONTHS = ("januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|"
           "nopember|november|desember")
_MONTH_AFTER = re.compile(rf"^\s+({_MONTHS})\b", re.I)
_YEAR_CUE_BEFORE = re.compile(r"(tahun\s+anggaran|\bt\.?\s?a\.?)\s*[:.]?\s*$", re.I)
_REPORT_YEAR_BEFORE = re.compile(r"\b(tahun(\s+anggaran)?|year|t\.?\s?a\.?)\s*[:.]?\s*$", re.I)
_COVER_YEAR_BEFORE = re.compile(r"\b(tahun(\s+anggaran)?|year|t\.?\s?a\.?|lkjip|lakip|lkj)\s*[:.]?\s*$", re.I)
_REGULATION_BEFORE = re.compile(r"\b(nomor|no\.?)\s*\S+\s+tahun\s*$", re.I)  # "Perwal Nomor 6 Tahun 2022"
_LIST_START = re.compile(r"^[\s\-*•▪·(\[]*$")
_LIST_AFTER = re.compile(r"^(\.(?!\d)|\))(\s|$|[a-z])", re.I)
_SECTION = re.compile(r"^\d{1,2}(\.\d{1,2}){1,3}$")
_NEGATIVE = re.compile(r"^\s*\(\s*(rp\.?\s*)?\d{1,3}(\.\d{3})+(,\d+)?\s*\)\s*$", re.I)  # "(60.000.000)": accounting
_WORDS = re.compile(r"\(\s*\**\s*([A-Za-z][A-Za-z\s]*?\brupiah)\s*\**\s*\)", re.I)


@dataclass
class Token:
    """One number of the text; ``start``/``end`` are its place in the text it was read from."""

    start: int
    end: int
    raw: str
    value: Decimal | None
    percent: bool = False
    money: bool = False
    places: int = 0
    year: bool = False  # a year: counted only as a "Tahun Anggaran" claim
    year_claim: bool = False
    report_year: bool = False  # "Tahun 2023" in a page header or footer: the report's own year, never last year's
    cover: bool = False  # a report year on the cover (``document/cover.py``): the report's year or its publication's
    malformed: bool = False  # unreadable as printed; ``value`` is the likely reading
    readings: tuple[Decimal, ...] = ()  # both readings of an ambiguous "1.500"
    words_value: int | None = None  # the amount in words printed after it, if any
    words_raw: str | None = None
    words_span: tuple[int, int] | None = None
    unit: str | None = None  # the word printed right after it ("paket", "orang"), lower case
    step: Decimal | None = None  # printed rounded to this step: "Rp 1,77 miliar" is 1.770.000.000 ± 5.000.000


def _likely_reading(core: str) -> Decimal | None:
    """A malformed amount such as ``9.054.048,938,00``: the last separator before two digits is
    the decimal comma and every other separator groups thousands (the likely intent)."""
    m = re.match(r"^(\d{1,3}(?:[.,]\d{3})+)[.,](\d{2})$", core)
    if not m:
        return None
    return Decimal(m.group(1).replace(".", "").replace(",", "") + "." + m.group(2))


def _skipped(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 40):start], text[end:end + 20]
    if _OPERATOR_BEFORE.search(before) and not before.rstrip().endswith("=") or _OPERATOR_AFTER.match(after):
        return True
    if _REF_BEFORE.search(before) or _MONTH_AFTER.match(after):
        return True
    if not _LIST_START.match(text[:start]):
        return False
    return bool(_LIST_AFTER.match(after) or (_SECTION.match(text[start:end]) and re.match(r"^\s+[A-Za-z]", after)))


def tokens(text: str, *, money_context: bool = False, margin: bool = False, cover: bool = False) -> list[Token]:
    """Every quantity in ``text``, in order; ``money_context`` (a column in Rp) reads a lone
    ``1.000`` as one thousand rupiah; in a page header or footer (``margin``) a year after
    "Tahun" is the report's year (a footer left from last year's report); on the cover
    (``cover``) so is a year after "Tahun", "TA" or "LKjIP", or alone on its line."""
    if "NIP" in text or "nip." in text.lower():
        return []
    out: list[Token] = []
    negative = bool(_NEGATIVE.match(text))  # a cell holding only "(60.000.000)" is a negative amount, no list number
    for m in _TOKEN.finditer(text):
        core, start, end = m.group(0), m.start(), m.end()
        if not negative and _skipped(text, start, end):
            continue
        after, before = text[end:end + 12], text[max(0, start - 8):start]
        percent = bool(_PERCENT_AFTER.match(after))
        money = bool(_MONEY_BEFORE.search(before) or _CLOSING_AFTER.match(after)) or money_context
        plain = _GROUP_SPACE.sub(".", core.replace(", 00", ",00"))
        if re.fullmatch(r"(19|20)\d\d", plain) and not percent and not money:
            before_year = text[max(0, start - 30):start]
            on_cover = cover and (bool(_COVER_YEAR_BEFORE.search(before_year)) or not text.strip(" \t\n:.-()").replace(core, ""))
            report_year = (on_cover or margin and bool(_REPORT_YEAR_BEFORE.search(before_year))) \
                and not _REGULATION_BEFORE.search(before_year)
            claim = report_year or bool(_YEAR_CUE_BEFORE.search(before_year))
            out.append(Token(start, end, core, Decimal(plain), year=True, year_claim=claim, report_year=report_year,
                             cover=report_year and cover))
            continue
        parsed = parse_number(("Rp " if money and not percent else "") + plain + ("%" if percent else ""))
        token = Token(start, end, core, parsed.value, percent, money)
        unit = _UNIT_AFTER.match(after)
        token.unit = "%" if percent else unit.group(1).lower() if unit else None
        if parsed.value is None:
            if parsed.readings:
                token.readings = parsed.readings
                token.value = parsed.readings[0]  # Indonesian thousands, the documents' own style
            else:
                token.value, token.malformed = _likely_reading(plain), True
                if token.value is None and not (money and not percent):
                    continue  # "1.1.1": a numbering, not a quantity; after "Rp" it is an amount no one can read
        if token.value is not None:
            token.places = decimal_places(token.value)
            _scale(token, text[end:end + 40])
            token.value = -token.value if negative else token.value
        out.append(token)
    _attach_words(text, out)
    return out


def _scale(token: Token, after: str) -> None:
    """"Rp 1,77 miliar", "1.694 juta": the word after the number is its scale; such an amount is
    printed rounded (to the last digit shown) and is rupiah."""
    m = _SCALE_AFTER.match(after)
    if m is None or token.percent:
        return
    power = _SCALES[m.group(1).lower()]
    token.value = token.value * Decimal(10) ** power
    token.step = Decimal(10) ** (power - token.places)
    token.places, token.readings, token.money = 0, (), True
    unit = _UNIT_AFTER.match(after[m.end():])
    token.unit = unit.group(1).lower() if unit else None


def _attach_words(text: str, found: list[Token]) -> None:
    """An amount in words printed right after a number, "(tiga juta rupiah)", belongs to it."""
    for m in _WORDS.finditer(text):
        before = [t for t in found if t.end <= m.start() and not text[t.end:m.start()].strip(" ,-*")]
        if before:
            token = before[-1]
            token.words_raw = m.group(1).strip()
            token.words_value = parse_terbilang(token.words_raw)
            token.words_span = (m.start(1), m.start(1) + len(m.group(1).strip()))


def money_like(token: Token) -> bool:
    """An amount of rupiah: marked Rp, or large with thousands grouping (a count is neither)."""
    return token.money or (token.value is not None and abs(token.value) >= 1000 and
                           ("." in token.raw or "," in token.raw) and not token.percent)
