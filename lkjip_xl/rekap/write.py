"""The rekap workbook, written with xlsxwriter from the tables pandas consolidated.

Sheets: Unit (one row per file, a JUMLAH row per kabupaten/kota and year), IKM Kota (pooled and
mean, labelled), NRR Kota, Indikator (the index) and one sheet per indicator, Temuan, Tidak
Terbaca, Duplikat. Every sheet:
a title, grey wrapped headers, frozen headers and first columns, widths from the content,
numbers as numbers with display formats (``#,##0`` rupiah, ``#,##0.00`` percentages in points,
shown with the reader's separators: 30.911.880.435 and 97,18 in an Indonesian Excel), A4
landscape fitted to the page width with the headers repeated, page numbers in the footer.
Percentages and the IKM are rounded half up to 2 decimals for display only; the values computed
stay exact. Text is always text (a name starting with ``=`` is not a formula).
"""
from __future__ import annotations

import datetime as dt
import math
import os
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import xlsxwriter

from ..calc.decimals import round_half_up
from ..annex.xlsx_writer import HEADER_FILL, _Formats
from ..calc.skm import UNSUR
from ..glossary import severity_word
from ..reader.own_files import REKAP_MARK
from .consolidate import MEASURES, UNKNOWN_YEAR, Rekap
from .figures import missing
from .labels import t
from .report import compared, kota_caveat, total_caveat

FIXED_TIME = dt.datetime(2024, 1, 1)
NUMBER_FORMATS = {"int": "#,##0", "year": "0", "money": "#,##0", "money_sen": "#,##0.00", "pct": "#,##0.00",
                  "value": "General", "text": "@"}
MAX_CELL_TEXT = 32_767  # Excel's limit for the text of one cell
MAX_WIDTH = {"text": 28, "message": 30, "long": 60, "path": 26}
WRAPPED = ("message", "long", "path")
LINE = 12.0  # points per line of 9 pt text
CHARS_PER_WIDTH = 1.3  # characters of 9 pt Arial per Excel width unit, roughly


@dataclass(frozen=True)
class Col:
    key: str
    label: str
    kind: str = "text"  # text, int, year, money, pct, value (a typed number or text); message, long, path: wrapped


class Formats(_Formats):
    """The annex's cached formats (Arial 9), with the rekap's kinds of cell."""

    def column(self, kind: str):
        if kind in WRAPPED:
            return self.get(text_wrap=True, valign="top")
        return self.get(num_format=NUMBER_FORMATS[kind], valign="top")

    def header(self):
        return self.get(bold=True, text_wrap=True, valign="vcenter", align="center", border=1, bg_color=HEADER_FILL)

    def title(self):
        return self.get(bold=True, font_size=12)

    def note(self):
        return self.get(italic=True, text_wrap=True, valign="top")

    def total(self, kind: str):
        fmt = {"bold": True, "top": 1, "valign": "top", "text_wrap": kind in WRAPPED}
        return self.get(num_format=NUMBER_FORMATS[kind], **fmt) if kind in NUMBER_FORMATS else self.get(**fmt)


# ------------------------------------------------------------------------------------- values
def cell(value, kind: str):
    """A value as written: exact amounts as numbers, percentages rounded half up to 2 places,
    text cut to what one cell holds."""
    if missing(value):
        return None
    if hasattr(value, "item"):  # a numpy scalar from a pandas column
        value = value.item()
    if isinstance(value, bool):
        return str(value)
    if kind == "pct":
        return float(round_half_up(Decimal(value), 2))
    if isinstance(value, (int, Decimal)):
        d = Decimal(value)
        return int(d) if d == d.to_integral_value() else float(d)
    if isinstance(value, float):
        return value
    text = str(value)
    return text if len(text) <= MAX_CELL_TEXT else text[:MAX_CELL_TEXT - 1] + "…"


def _money_kind(values) -> str:
    return "money_sen" if any(isinstance(v, Decimal) and v != v.to_integral_value() for v in values) else "money"


def _width(label: str, values, kind: str) -> float:
    """Excel width units for 9 pt text (about 0,8 per character), at most MAX_WIDTH for the kind."""
    longest = max((len(w) for w in label.split()), default=4)
    for v in values:
        if missing(v):
            continue
        n = len(f"{v:,.2f}") if isinstance(v, float) else len(f"{v:,}") if isinstance(v, int) else len(str(v))
        longest = max(longest, n)
    return float(min(round(longest * 0.8 + 1.5, 1), MAX_WIDTH.get(kind, 22)))


def sheet_name(text: str, taken: set[str]) -> str:
    """A valid, unique sheet name (31 characters, none of []:*?/\\)."""
    base = re.sub(r"[\[\]:*?/\\]", " ", text).strip().strip("'")[:31].strip() or "Sheet"
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[:31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


# -------------------------------------------------------------------------------------- tables
@dataclass
class Placed:
    ws: object
    first_body: int  # sheet row of the first body row
    next_row: int  # first free row below the body
    widths: list[float]


def _lines(text: str, width: float) -> int:
    return max(1, math.ceil(len(text) / max(1.0, width * CHARS_PER_WIDTH)))


def write_table(book, fm: Formats, sheet: str, title: str, cols: list[Col], rows: list[dict], *,
                lang: str, subtitle: list[str] = (), groups: list[tuple[str, int, int]] = (),
                freeze_cols: int = 2, autofilter: bool = False, sized_by: list[dict] = ()) -> Placed:
    """Title, headers (with an optional group row above: (label, first col, last col)) and the
    body, each value as text or a number (never a formula); column formats and widths by kind, wide
    enough also for the values of ``sized_by`` (rows the caller writes under the body)."""
    body = [[cell(r.get(c.key), c.kind) for c in cols] for r in rows]
    if not body:
        none_col = min(1, len(cols) - 1)
        body = [[t("none", lang) if j == none_col else None for j in range(len(cols))]]
    header_row = 2 + len(subtitle) + (1 if groups else 0)
    ws = book.add_worksheet(sheet)
    first_body = header_row + 1
    for i, values in enumerate(body):
        for j, v in enumerate(values):
            if isinstance(v, str):
                ws.write_string(first_body + i, j, v)
            elif v is not None:
                ws.write_number(first_body + i, j, v)
    ws.write_string(0, 0, title, fm.title())
    for i, line in enumerate(subtitle):
        ws.write_string(1 + i, 0, line, fm.get(italic=True))
    grouped = {c for _, first, last in groups for c in range(first, last + 1)}
    for label, first, last in groups:
        if first == last:
            ws.write_string(header_row - 1, first, label, fm.header())
        else:
            ws.merge_range(header_row - 1, first, header_row - 1, last, label, fm.header())
    widths = []
    for j, c in enumerate(cols):
        if groups and j not in grouped:
            ws.merge_range(header_row - 1, j, header_row, j, c.label, fm.header())
        else:
            ws.write_string(header_row, j, c.label, fm.header())
        kind = _money_kind(r.get(c.key) for r in rows) if c.kind == "money" else c.kind
        widths.append(_width(c.label, [*(values[j] for values in body), *(cell(r.get(c.key), c.kind) for r in sized_by)],
                             c.kind))
        ws.set_column(j, j, widths[-1], fm.column(kind))
    lines = max(_lines(c.label, w) for c, w in zip(cols, widths) if not groups or cols.index(c) in grouped)
    ws.set_row(header_row, LINE * lines + 3)
    if groups:
        lines = max(_lines(label, sum(widths[first:last + 1])) for label, first, last in groups)
        ws.set_row(header_row - 1, LINE * lines + 3)
    keys = [c.key for c in cols]
    for i, values in enumerate(body):  # heights: spreadsheets do not grow rows on load
        fit_height(ws, first_body + i, cols, widths, dict(zip(keys, values)))
    ws.freeze_panes(first_body, freeze_cols)
    if autofilter and rows:
        ws.autofilter(header_row, 0, header_row + len(rows), len(cols) - 1)
    _page(ws, header_row - (1 if groups else 0), header_row, lang)
    return Placed(ws, first_body, first_body + len(body), widths)


def fit_height(ws, r: int, cols: list[Col], widths: list[float], row: dict) -> None:
    """Row ``r`` as tall as the wrapped text of ``row`` needs."""
    lines = max((_lines(str(row[c.key]), w) for c, w in zip(cols, widths)
                 if c.kind in WRAPPED and not missing(row.get(c.key))), default=1)
    if lines > 1:
        ws.set_row(r, LINE * lines + 2)


def _page(ws, first_header: int, last_header: int, lang: str) -> None:
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.repeat_rows(first_header, last_header)
    ws.hide_gridlines(0)  # gridlines on screen and on paper
    ws.set_footer("&L&F&R" + ("Page &P of &N" if lang == "en" else "Halaman &P dari &N"))


def write_notes(placed: Placed, fm: Formats, row: int, notes: list[str]) -> None:
    """Footnotes under a table, each merged across its width and as tall as its wrapped text."""
    last, width = len(placed.widths) - 1, sum(placed.widths)
    for i, text in enumerate(notes):
        r = row + 1 + i
        if last > 0:
            placed.ws.merge_range(r, 0, r, last, text, fm.note())
        else:
            placed.ws.write_string(r, 0, text, fm.note())
        placed.ws.set_row(r, LINE * _lines(text, width) + 3)


class Paths:
    """Files shown relative to the folder that holds them all (named in the sheets' subtitle);
    with ``as_given``, as they are named (the web page's uploads: names, no folder)."""

    def __init__(self, files: list[str], as_given: bool = False):
        folders = [os.path.dirname(os.path.abspath(f)) for f in files]
        self.root = "" if as_given else os.path.commonpath(folders) if folders else ""

    def __call__(self, path) -> str | None:
        if missing(path):
            return None
        return str(path) if not self.root else os.path.relpath(os.path.abspath(path), self.root)

    def subtitle(self, lang: str) -> list[str]:
        return [f"{t('folder', lang)}: {self.root}"] if self.root else []


# -------------------------------------------------------------------------------------- sheets
def _unit_sheet(book, fm, rekap: Rekap, lang: str, taken: set, paths: Paths) -> None:
    cols = [Col("no", t("no", lang), "int"), Col("unit", t("unit", lang)), Col("kabupaten", t("kabupaten", lang)),
            Col("tahun", t("tahun", lang), "year"), Col("file", t("file", lang), "path"), Col("iku", t("iku", lang), "int"),
            Col("iku_capaian", t("iku_capaian", lang), "int"), Col("capaian_mean", t("capaian_mean", lang), "pct"),
            Col("ikm", t("ikm", lang), "pct"), Col("mutu", t("mutu", lang)),
            Col("respondents", t("respondents", lang), "int"), Col("pagu", t("pagu", lang), "money"),
            Col("realisasi", t("realisasi_rp", lang), "money"), Col("serapan", t("serapan", lang), "pct"),
            Col("error", t("error", lang), "int"), Col("warning", t("warning", lang), "int"),
            Col("info", t("info", lang), "int"), Col("keterangan", t("keterangan", lang), "message")]
    rows = []
    for i, r in enumerate(rekap.units.to_dict("records"), start=1):
        notes = []
        if r["duplicate_of"]:
            notes += [t("note_duplicate", lang, file=paths(r["duplicate_of"])), compared(r["differences"], lang)]
        if r["weight"] == "legacy_0111":
            notes.append(t("note_legacy", lang))
        if not r["unit"]:
            notes.append(t("note_no_unit", lang))
        rows.append({**r, "no": i, "unit": r["unit"] or t("unknown", lang), "file": paths(r["file"]),
                     "respondents": None if missing(r["respondents"]) else int(r["respondents"]), "keterangan": "; ".join(notes) or None})
    totals = [{**vars(total), "unit": t("total", lang), "kabupaten": total.kabupaten or t("unknown", lang),
               "keterangan": total_caveat(total, lang)} for total in rekap.totals]  # per kabupaten/kota and year
    name = sheet_name(t("sheet_units", lang), taken)
    placed = write_table(book, fm, name, t("title_units", lang), cols, rows, lang=lang, autofilter=True,
                         subtitle=paths.subtitle(lang), sized_by=totals)
    row = placed.next_row
    for values in totals:
        for j, c in enumerate(cols):
            kind = _money_kind([values.get(c.key)]) if c.kind == "money" else c.kind
            placed.ws.write(row, j, cell(values.get(c.key), kind), fm.total(kind))
        fit_height(placed.ws, row, cols, placed.widths, values)
        row += 1
    write_notes(placed, fm, row, [t("foot_units", lang), t("foot_duplicates", lang)])


def _kota_sheets(book, fm, rekap: Rekap, lang: str, taken: set) -> None:
    cols = [Col("kabupaten", t("kabupaten", lang)), Col("tahun", t("tahun", lang), "year"),
            Col("pooled", t("ikm", lang), "pct"), Col("pooled_mutu", t("mutu", lang)),
            Col("pooled_units", t("units_n", lang), "int"), Col("pooled_respondents", t("respondents", lang), "int"),
            Col("mean", t("ikm", lang), "pct"), Col("mean_mutu", t("mutu", lang)),
            Col("mean_units", t("units_n", lang), "int"), Col("units", t("units_all", lang), "int"),
            Col("without_skm", t("without_skm", lang), "int"), Col("nrr_only", t("nrr_only", lang), "int")]
    rows, notes = [], [t("foot_pooled", lang), t("foot_mean", lang)]
    for k in rekap.kota:
        kota, tahun = k.kabupaten or t("unknown", lang), k.tahun if k.tahun is not None else ""
        rows.append({"kabupaten": kota, "tahun": k.tahun,
                     "pooled": k.pooled.unrounded if k.pooled else None, "pooled_mutu": k.pooled.mutu if k.pooled else None,
                     "pooled_units": k.pooled_units, "pooled_respondents": k.pooled_respondents,
                     "mean": k.mean.unrounded if k.mean else None, "mean_mutu": k.mean.mutu if k.mean else None,
                     "mean_units": k.mean.units if k.mean else 0, "units": k.units, "without_skm": k.without_skm,
                     "nrr_only": k.nrr_only})
        if k.nrr_only:
            notes.append(t("foot_nrr_only", lang, kota=kota, tahun=tahun, n=k.nrr_only))
        if k.legacy:
            notes.append(t("foot_legacy", lang, kota=kota, tahun=tahun, n=k.legacy))
        if k.with_errors:
            notes.append(f"{kota} {tahun}: {kota_caveat(k, lang)}")
    groups = [(t("pooled", lang), 2, 5), (t("mean_of_units", lang), 6, 8), (t("units_group", lang), 9, 11)]
    name = sheet_name(t("sheet_kota", lang), taken)
    placed = write_table(book, fm, name, t("title_kota", lang), cols, rows, lang=lang, groups=groups)
    write_notes(placed, fm, placed.next_row, notes)

    cols = [Col("kabupaten", t("kabupaten", lang)), Col("tahun", t("tahun", lang), "year"),
            Col("kode", t("kode", lang)), Col("unsur", t("unsur", lang)),
            Col("total", t("jumlah_nilai", lang), "int"), Col("n", t("jumlah_jawaban", lang), "int"),
            Col("nrr", t("nrr", lang), "value")]
    rows = [{"kabupaten": k.kabupaten or t("unknown", lang), "tahun": k.tahun, "kode": code,
             "unsur": UNSUR[int(code[1:]) - 1].name, "total": total, "n": n, "nrr": round_half_up(value, 4)}
            for k in rekap.kota for code, (total, n, value) in sorted(k.nrr.items(), key=lambda x: int(x[0][1:]))]
    name = sheet_name(t("title_kota_nrr", lang), taken)
    placed = write_table(book, fm, name, t("title_kota_nrr", lang), cols, rows, lang=lang)
    placed.ws.set_column(6, 6, 10, fm.get(num_format="0.0000", valign="top"))
    write_notes(placed, fm, placed.next_row, [t("foot_pooled", lang)])


def _indicator_sheets(book, fm, rekap: Rekap, lang: str, taken: set) -> None:
    index_name = sheet_name(t("sheet_indicators", lang), taken)
    names = rekap.indicator_names
    sheets = [sheet_name(f"{t('indicator_sheet_prefix', lang)}{i:02d} {n}", taken) for i, n in enumerate(names, start=1)]
    cols = [Col("no", t("no", lang), "int"), Col("indicator", t("indicator", lang), "message"),
            Col("sheet", t("sheet", lang)),
            Col("units", t("units_n", lang), "int"), Col("spellings", t("spellings", lang), "message")]
    rows = [{"no": i, "indicator": n, "sheet": s, "units": rekap.indicator_units(n),
             "spellings": "; ".join(rekap.spellings(n)) or None}
            for i, (n, s) in enumerate(zip(names, sheets), start=1)]
    placed = write_table(book, fm, index_name, t("title_indicators", lang), cols, rows, lang=lang)
    for i, s in enumerate(sheets):
        placed.ws.write_url(placed.first_body + i, 2, f"internal:'{s}'!A1", fm.get(font_color="blue", underline=1, valign="top"),
                            string=s)
    write_notes(placed, fm, placed.next_row, [t("foot_indicators", lang)])
    for name, sheet in zip(names, sheets):
        _indicator_sheet(book, fm, rekap, name, sheet, lang)


def _indicator_sheet(book, fm, rekap: Rekap, name: str, sheet: str, lang: str) -> None:
    table = rekap.indicator_table(name)
    years = [y for y in dict.fromkeys(y for y, _ in table.columns) if y != ""]
    kinds = {"kode": "text", "satuan": "text", "target": "value", "realisasi": "value", "capaian": "pct"}
    cols = [Col("no", t("no", lang), "int"), Col("unit", t("unit", lang)), Col("kabupaten", t("kabupaten", lang))]
    groups = []
    for y in years:
        groups.append((t("unknown", lang) if y == UNKNOWN_YEAR else y, len(cols), len(cols) + len(MEASURES) - 1))
        cols += [Col(f"{y}|{m}", t(m, lang), kinds[m]) for m in MEASURES]
    table.columns = [f"{year}|{measure}" if year else measure for year, measure in table.columns]
    rows = [{"no": i, **r} for i, r in enumerate(table.to_dict("records"), start=1)]
    spellings = rekap.spellings(name)
    subtitle = [f"{t('spellings', lang)}: {'; '.join(spellings)}"] if spellings else []
    rules = rekap.indicator_rules(name)
    if rules:
        subtitle.append(t("rules_differ", lang, rules="; ".join(
            f"{formula}{t('capped', lang) if capped else ''}: {', '.join(units)}"
            for (formula, capped), units in rules.items())))
    placed = write_table(book, fm, sheet, name, cols, rows, lang=lang, subtitle=subtitle, groups=groups,
                         freeze_cols=3)
    stats = rekap.indicator_stats(name).set_index("year")
    row = placed.next_row
    for k, (key, kind) in enumerate((("units", "int"), ("mean", "pct"), ("min", "pct"), ("max", "pct"))):
        placed.ws.write_string(row + k, 1, t(f"stat_{key}", lang), fm.total("text"))
        for y in years:
            col = next(j for j, c in enumerate(cols) if c.key == f"{y}|capaian")
            value = stats.loc[y, key] if y in stats.index else None
            placed.ws.write(row + k, col, cell(value, kind), fm.total(kind))
    write_notes(placed, fm, row + 4, [t("foot_indicator", lang)])


def _list_sheets(book, fm, rekap: Rekap, lang: str, taken: set, paths: Paths) -> None:
    cols = [Col("no", t("no", lang), "int"), Col("unit", t("unit", lang)), Col("file", t("file", lang), "path"),
            Col("sheet", t("sheet", lang)), Col("cell", t("cell", lang)), Col("code", t("code", lang)),
            Col("severity", t("severity", lang)), Col("message", t("message", lang), "long")]
    rows = [{**r, "no": i, "file": paths(r["file"]), "severity": severity_word(r["severity"], lang)}
            for i, r in enumerate(rekap.findings.to_dict("records"), start=1)]
    write_table(book, fm, sheet_name(t("sheet_findings", lang), taken), t("title_findings", lang), cols, rows,
                lang=lang, autofilter=True, subtitle=paths.subtitle(lang))
    cols = [Col("no", t("no", lang), "int"), Col("file", t("file", lang), "path"), Col("reason", t("reason", lang), "long")]
    rows = [{**r, "no": i, "file": paths(r["file"])} for i, r in enumerate(rekap.unreadable.to_dict("records"), start=1)]
    write_table(book, fm, sheet_name(t("sheet_unreadable", lang), taken), t("title_unreadable", lang), cols, rows,
                lang=lang, subtitle=paths.subtitle(lang))
    cols = [Col("no", t("no", lang), "int"), Col("unit", t("unit", lang)), Col("kabupaten", t("kabupaten", lang)),
            Col("tahun", t("tahun", lang), "year"), Col("file", t("file", lang), "path"), Col("counted", t("counted", lang)),
            Col("duplicate_of", t("duplicate_of", lang), "path"), Col("compared", t("compared", lang), "message")]
    rows = [{**r, "no": i, "file": paths(r["file"]), "duplicate_of": paths(r["duplicate_of"]),
             "compared": None if r["used"] else compared(r["differences"], lang),
             "counted": t("yes" if r["used"] else "no_", lang)}
            for i, r in enumerate(rekap.duplicates.to_dict("records"), start=1)]
    placed = write_table(book, fm, sheet_name(t("sheet_duplicates", lang), taken), t("title_duplicates", lang),
                         cols, rows, lang=lang, subtitle=paths.subtitle(lang))
    write_notes(placed, fm, placed.next_row, [t("foot_duplicates", lang)])


def write_rekap(rekap: Rekap, path: Path, lang: str = "id", *, names_as_given: bool = False) -> None:
    """``names_as_given``: show the files as the results name them, with no folder (the web page
    names each upload by the name it was sent with)."""
    options = {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False}
    # a file handle: the atomic writer's temporary name does not end in .xlsx
    with open(path, "wb") as fh, xlsxwriter.Workbook(fh, options) as book:
        book.set_properties({"title": t("title_units", lang), "author": "lkjip-xl", "keywords": REKAP_MARK,
                             "created": FIXED_TIME})
        fm, taken = Formats(book), set()
        paths = Paths([r.path for r in rekap.results], as_given=names_as_given)
        _unit_sheet(book, fm, rekap, lang, taken, paths)
        _kota_sheets(book, fm, rekap, lang, taken)
        _indicator_sheets(book, fm, rekap, lang, taken)
        _list_sheets(book, fm, rekap, lang, taken, paths)
