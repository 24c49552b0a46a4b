"""Findings: what a check reports, as plain data. Renderers turn them into text, JSON or marks."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from .i18n import Text
from .rules import RULES, Severity

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
# amounts copied by hand: when expected and found differ like a typing slip, the message says so
SLIP_CODES = frozenset({"BUD001", "BUD003", "BUD004", "BUD006", "BUD007", "BUD008", "BUD014", "BUD021", "BUD022",
                        "BUD024", "KIN012", "KIN020", "KIN023", "SAK001"})
SLIP_WORDS = {"id": "kemungkinan salah ketik", "en": "likely a typing slip"}
# a finding explained by another cell (checks/blame.py) names it
CAUSE_WORDS = {"id": "selisihnya berasal dari {cause}", "en": "the difference comes from {cause}"}
# ... a finding at a cell of a row whose values sit one column off (checks/shifted_rows.py)
SHIFTED_WORDS = {"id": "isiannya salah tempat karena barisnya bergeser satu kolom (lihat {cause})",
                 "en": "the value is out of place because its row is shifted one column (see {cause})"}
ALTERNATIVE_WORDS = {"id": "atau salah ketik di {alternatives}", "en": "or the slip is at {alternatives}"}
REPEAT_WORDS = {"id": "juga di {repeats} sel lain kolom ini", "en": "also in {repeats} other cells of this column"}
# two amounts of a row each holding the other's (checks/blame.py: the export's columns in another order)
SWAPPED_WORDS = {"id": "nilainya tertukar dengan {swapped}: tukar kembali kedua angka itu",
                 "en": "it is swapped with {swapped}: swap the two amounts back"}
# a formula's error value that follows from an input of its row reported at that input
FOLLOWS_WORDS = {"id": "akibat sel {follows}", "en": "it follows from the cell {follows}"}
# a finding at a row hidden in the sheet (a cancelled sub kegiatan hidden rather than deleted)
# a row pasted twice (checks/twin_rows.py): and whether nothing else is wrong without it
TWIN_WORDS = {False: {"id": "baris ini mengulang baris itu (kode dan angkanya sama): tersalin dua kali? hapus salah satunya",
                      "en": "this row repeats that one (the same code and figures): pasted twice? delete one of them"},
              True: {"id": "baris ini mengulang baris itu (kode dan angkanya sama): tersalin dua kali? hapus salah "
                           "satunya; tanpa baris ini semuanya cocok",
                     "en": "this row repeats that one (the same code and figures): pasted twice? delete one of them; "
                           "without it everything agrees"}}
# a pagu another sheet states as revised, beside Realisasi rows whose pagu perubahan is blank
UNREVISED_WORDS = {"id": "pagu perubahan kosong di sheet Realisasi ({unrevised}), sehingga dibaca pagu murni: bila anggaran "
                         "berubah (APBD-P), isi pagu perubahannya di sana",
                   "en": "the revised budget is blank on the Realisasi sheet ({unrevised}), so the original budget is read: "
                         "if the budget was revised (APBD-P), type the revised budget there"}
# the report year blamed as one more than the year everything else says (checks/identitas.py)
COPIED_WORDS = {"id": "atau buku kerja ini berkas tahun {copied_year} yang disalin dan belum diperbarui: bila tahun "
                      "ini benar, perbarui tanggal tanda tangan, periode survei SKM dan isi sheet-sheetnya",
                "en": "or the workbook is the {copied_year} file, copied and not yet updated: if this year is right, "
                      "update the signing date, the SKM survey period and what the sheets hold"}
NIL_WORDS = {"id": "sel ini berisi '{nil_typed}', yang dibaca 0 (nihil)", "en": "the cell holds '{nil_typed}', read as 0 (nil)"}
# a parent or total row's own formula that does not add up its rows (checks/parent_formulas.py)
FORMULA_WORDS = {"id": "hasil rumus {formula}: periksa baris yang dijumlahkannya",
                 "en": "the result of the formula {formula}: check the rows it adds up"}
# ... whose range takes in rows that are not the row's own (the next kegiatan's)
STRAY_WORDS = {"id": "hasil rumus {formula}, yang juga menjumlahkan baris {strays}: bukan rinciannya; batasi "
                     "rentangnya pada rincian baris ini",
               "en": "the result of the formula {formula}, which also adds up rows {strays}: not its own child rows; "
                     "keep its range to this row's children"}
HIDDEN_WORDS = {"id": "baris {row} disembunyikan, tetapi tetap dibaca dan dijumlahkan (SUM Excel juga menjumlahkannya); "
                      "bila batal, hapus barisnya",
                "en": "row {row} is hidden, but it is still read and added up (Excel's SUM adds it too); if it was "
                      "cancelled, delete the row"}


@dataclass(frozen=True)
class Finding:
    code: str
    sheet: str
    cell: str
    expected: Any = None
    found: Any = None
    params: dict = field(default_factory=dict, compare=False, hash=False)
    severity_override: str | None = None

    def at(self, sheet: str, cell: str, *, severity: str | None = None, **params) -> "Finding":
        """This finding placed at a cell (the reader's value problems are made without a place)."""
        return Finding(self.code, sheet, cell, self.expected, self.found, {**params, **self.params},
                       severity or self.severity_override)

    @property
    def rule(self):
        return RULES[self.code]

    @property
    def severity(self) -> Severity:
        return self.severity_override or self.rule.severity

    def shown(self, lang: str = "id") -> tuple[str, str]:
        """Expected and found as a message shows them (``show_value``); an expected number with
        more decimals than the found one is shown to the found one's decimals, at least 2 (95,45
        beside a typed 96, not 95,4545), with as many more as tell the two apart."""
        show = show_digits if self.params.get("ungrouped") else show_value
        found = show(self.found, lang)
        places = _places(self.expected), _places(self.found)
        if None in places or places[0] <= max(2, places[1]):
            return show(self.expected, lang), found
        from .calc.numbers_id import format_number

        shown_at = range(max(2, places[1]), places[0] + 1)
        expected = next(e for e in (format_number(self.expected, p, lang) for p in shown_at) if e != found)
        return expected, found

    def message(self, lang: str = "id") -> str:
        expected, found = self.shown(lang)
        text = self.rule.render(lang, expected=expected, found=found, **self.params)
        cause = self.params.get("cause")
        if cause:
            words = SHIFTED_WORDS if self.params.get("shifted") else CAUSE_WORDS
            return text + " — " + words.get(lang, words["id"]).format(cause=cause)
        # a "-" is no mistyped digit, nor is a formula's result, a revision left untyped or another
        # figure copied (last year's target for its realisasi)
        slip = None if any(self.params.get(k) for k in ("nil_typed", "result_of", "unrevised", "copied_from", "swapped")) \
            else self.slip()
        if slip:
            text += f" ({SLIP_WORDS.get(lang, SLIP_WORDS['id'])}: {slip_text(slip, lang)})"
        if self.params.get("swapped"):
            text += " — " + SWAPPED_WORDS.get(lang, SWAPPED_WORDS["id"]).format(swapped=self.params["swapped"])
        if self.params.get("alternatives"):
            text += " — " + ALTERNATIVE_WORDS.get(lang, ALTERNATIVE_WORDS["id"]).format(**self.params)
        if self.params.get("follows"):
            text += " — " + FOLLOWS_WORDS.get(lang, FOLLOWS_WORDS["id"]).format(follows=self.params["follows"])
        if self.params.get("repeats"):
            text += " — " + REPEAT_WORDS.get(lang, REPEAT_WORDS["id"]).format(repeats=self.params["repeats"])
        if self.params.get("twin"):
            text += " — " + TWIN_WORDS[self.params.get("twin_alone", False)].get(lang, TWIN_WORDS[False]["id"])
        if self.params.get("copied_year"):
            text += " — " + COPIED_WORDS.get(lang, COPIED_WORDS["id"]).format(copied_year=self.params["copied_year"])
        if self.params.get("unrevised"):
            text += " — " + UNREVISED_WORDS.get(lang, UNREVISED_WORDS["id"]).format(unrevised=self.params["unrevised"])
        if self.params.get("nil_typed"):
            text += " — " + NIL_WORDS.get(lang, NIL_WORDS["id"]).format(nil_typed=self.params["nil_typed"])
        if self.params.get("result_of"):
            words = STRAY_WORDS if self.params.get("strays") else FORMULA_WORDS
            text += " — " + words.get(lang, words["id"]).format(formula=self.params["result_of"],
                                                                strays=self.params.get("strays"))
        if self.params.get("hidden_row"):
            text += " — " + HIDDEN_WORDS.get(lang, HIDDEN_WORDS["id"]).format(row=self.params["hidden_row"])
        return text

    def slip(self) -> str | None:
        """The kind of typing slip that turns the expected amount into the found one, if any."""
        if self.code not in SLIP_CODES:
            return None
        numbers = (int, Decimal)
        if not (isinstance(self.expected, numbers) and isinstance(self.found, numbers)):
            return None
        if isinstance(self.expected, bool) or isinstance(self.found, bool):
            return None
        from .calc.typos import digit_slip

        return digit_slip(self.expected, self.found)

    def to_dict(self, lang: str = "id") -> dict:
        return {
            "code": self.code,
            "severity": self.severity,
            "sheet": self.sheet,
            "cell": self.cell,
            "message": self.message(lang),
            "expected": _raw(self.expected),
            "found": _raw(self.found),
        }


def slip_text(kind: str, lang: str) -> str:
    """SLIP_KINDS hold "Indonesian (English)"."""
    from .calc.typos import SLIP_KINDS

    text = SLIP_KINDS[kind]
    id_, _, en = text.partition(" (")
    return en.rstrip(")") if lang == "en" and en else id_


def _raw(value: Any) -> Any:
    """JSON-ready raw value: numbers stay numbers."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (list, tuple)):
        return [_raw(v) for v in value]
    if isinstance(value, Text):  # a number or range shown in both languages: as Indonesian writes it
        return value.id
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


BLANK = {"id": "(kosong)", "en": "(blank)"}
MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}


def show_value(value: Any, lang: str = "id") -> str:
    """Human form of a value in a message or a findings table: numbers in the language's form
    (1.500.000 and 95,5 in Indonesian, 1,500,000 and 95.5 in English; at most 4 decimals), a date
    as people read it (``show_date``), blank as "(kosong)", a text given in both languages in its
    language."""
    if value is None:
        return BLANK.get(lang, BLANK["id"])
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, dt.date):
        return show_date(value, lang)
    places = _places(value)
    if places is not None:
        from .calc.numbers_id import format_number

        return format_number(value, places, lang)
    return str(value)


def show_date(value: dt.date, lang: str = "id") -> str:
    """A date as people read it, the month in words: 3 April 2024 (Indonesian and English alike,
    the month in the language); a time of day other than midnight after it (10.32 in Indonesian,
    10:32 in English)."""
    text = f"{value.day} {MONTHS.get(lang, MONTHS['id'])[value.month - 1]} {value.year}"
    if isinstance(value, dt.datetime) and (value.hour, value.minute) != (0, 0):
        text += f" {value.hour:02d}{'.' if lang != 'en' else ':'}{value.minute:02d}"
    return text


def date_text(value: dt.date) -> Text:
    """A date for a message's parameter, in the message's language (``show_date``)."""
    return Text(show_date(value, "id"), show_date(value, "en"))


def _places(value: Any) -> int | None:
    """The decimals a number is shown with (its own, at most 4); None for anything else."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, float)):
        return None
    from .calc.decimals import decimal_places, to_decimal

    return min(decimal_places(to_decimal(value)), 4)


def number_text(value: Any, places: int | None = None) -> Text:
    """A number for a message's parameter, shown in the message's language (``show_value``, or
    with ``places`` decimals); anything else as ``show_value`` shows it."""
    if places is None or _places(value) is None:
        return Text(show_value(value, "id"), show_value(value, "en"))
    from .calc.numbers_id import format_number

    return Text(format_number(value, places, "id"), format_number(value, places, "en"))


def show_digits(value: Any, lang: str = "id") -> str:
    """A whole number as its digits (a year: 2024, not 2.024); anything else as ``show_value``."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return show_value(value, lang)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    from .schema import SCHEMA
    from .schema.refs import parse_a1

    order = {s.name: i for i, s in enumerate(SCHEMA.sheets)}

    def key(f: Finding):
        try:
            r, c = parse_a1(f.cell)
        except ValueError:
            r, c = 0, 0
        return (order.get(f.sheet, 99), f.sheet, r, c, SEVERITY_ORDER[f.severity], f.code)

    return sorted(findings, key=key)


def on_nil_cells(findings: list[Finding], nil_cells: dict[tuple[str, str], str]) -> list[Finding]:
    """A finding that states 0 found at a cell typed `-` says how the 0 was read: the person
    reading it sees a `-` there (or `nihil`: ``nil_cells`` gives what each holds), not a 0 (domain
    §4: `-` is zero)."""
    return [replace(f, params={**f.params, "nil_typed": nil_cells[(f.sheet, f.cell)]})
            if (f.sheet, f.cell) in nil_cells and isinstance(f.found, (int, Decimal)) and f.found == 0
            and not isinstance(f.found, bool) else f for f in findings]


def on_hidden_rows(findings: list[Finding], hidden: dict[str, set[int]]) -> list[Finding]:
    """Findings at a row hidden in its sheet (``hidden``: sheet -> its hidden rows) say so: the
    person reading them does not see the row."""
    if not any(hidden.values()):
        return findings
    out = []
    for f in findings:
        m = _CELL_ROW.fullmatch(f.cell or "")
        if m and int(m.group(1)) in hidden.get(f.sheet, ()):
            f = replace(f, params={**f.params, "hidden_row": int(m.group(1))})
        out.append(f)
    return out


_CELL_ROW = re.compile(r"\$?[A-Za-z]{1,3}\$?([0-9]+)")


def on_renamed_sheets(findings: list[Finding], renamed: dict[str, str]) -> list[Finding]:
    """The findings on the sheets as the office named them (``renamed``: template name -> name in
    the workbook), also where a message quotes a cell ("Realisasi!K25" -> "Realisasi 2024!K25")."""
    if not renamed:
        return findings
    quoted = re.compile(r"(?<![\w'])(" + "|".join(map(re.escape, sorted(renamed, key=len, reverse=True))) + r")!")

    def moved(value):
        if isinstance(value, Text):  # a message part in both languages
            return Text(moved(value.id), moved(value.en))
        return quoted.sub(lambda m: renamed[m.group(1)] + "!", value) if isinstance(value, str) else value

    return [replace(f, sheet=renamed.get(f.sheet, f.sheet), params={k: moved(v) for k, v in f.params.items()})
            for f in findings]


def on_template_sheets(findings: list[Finding], renamed: dict[str, str]) -> list[Finding]:
    """The other way: findings placed on the template's sheet names again (what the annex's sources
    and rapikan's repairs name)."""
    return on_renamed_sheets(findings, {actual: name for name, actual in renamed.items()})


class HasFindings:
    """For results that carry a ``findings`` list: their counts by severity, and whether any is an error."""

    findings: list

    @property
    def summary(self) -> dict[str, int]:
        return summarize(self.findings)

    @property
    def has_errors(self) -> bool:
        return self.summary["error"] > 0


def summarize(findings: list[Finding]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        counts[f.severity] += 1
    return counts
