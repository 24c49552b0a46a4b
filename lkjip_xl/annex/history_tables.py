"""Comparison tables of the indicators over the years: target, realisasi and capaian for each
year of the Renstra up to this one (Medang Kampai Tabel 2.4, "Perbandingan Realisasi Kinerja"),
and the comparison with a national or provincial figure (Tabel 2.6). Earlier years come from the
Riwayat Indikator sheet, or from last year's workbook (--tahun-lalu) when that sheet does not
have the year; this year from the PK sheet."""
from __future__ import annotations

from .common import Book, tr, ylabel
from .indicator_rows import PK, code_of as _code, group_rows, groups, num_cell, target_cell, year_of as _year, year_values
from .model import NUMBER, PERCENT, TEXT, AnnexTable, Cell, Column, Head, Row, header_grid, note_row, numbering
from .pengukuran_table import capaian_note

SHEET_RIWAYAT = ("Perbandingan Kinerja", "Performance over the Years")
SHEET_PEMBANDING = ("Perbandingan Nasional", "Benchmark Comparison")


def history_tables(book: Book, prev: Book | None, lang: str, unit: str) -> list[AnnexTable]:
    return [comparison_table(book, prev, lang, unit), benchmark_table(book, lang, unit)]


def comparison_table(book: Book, prev: Book | None, lang: str, unit: str) -> AnnexTable:
    values = year_values(book, prev)
    codes = {_code(r) for r in book.rows(PK)}
    first = _year(book.form("identitas").get("renstra_awal"))
    years = sorted({y for (c, y) in values if c in codes and (first is None or y >= first)})
    if book.year:
        years.append(book.year)
    gs = groups(book)
    nyears = len(years)

    def build(g, ind, k, n):
        i, r, d = ind.index, ind.row, ind.derived
        got = [values.get((_code(r), y)) for y in years[:-1]] if book.year else [values.get((_code(r), y)) for y in years]
        targets = [x[0] if x else Cell(None) for x in got]
        reals = [x[1] if x else Cell(None) for x in got]
        caps = [x[2] if x else Cell(None) for x in got]
        if book.year:
            targets.append(target_cell(book, ind, predikat=False))
            reals.append(num_cell(book, PK, "realisasi", i, r.get("realisasi")))
            caps.append(Cell(book.pct(d.get("capaian")), src=book.src(PK, "capaian", i)))
        return [None, None, Cell(r.get("indikator"), src=book.src(PK, "indikator", i)),
                Cell(r.get("satuan"), align="center")] + targets + reals + caps

    rows = group_rows(book, [(g, [1] * len(g.items)) for g in gs], build) if len(years) > 1 else []
    if not rows:  # this year alone is the Pengukuran Kinerja table: nothing to compare
        rows = [note_row(tr(lang, "(belum ada data tahun sebelumnya)", "(no earlier year)"), 4 + 3 * max(1, nyears))]
        nyears = max(1, nyears)
    n = 4 + 3 * nyears
    cols = [Column("no", TEXT, 5), Column("sasaran", TEXT, 24), Column("indikator", TEXT, 32), Column("satuan", TEXT, 9)]
    cols += [Column(f"{k}_{j}", PERCENT if k == "capaian" else NUMBER, 9)
             for k in ("target", "realisasi", "capaian") for j in range(nyears)]
    labels = [Head(ylabel(y)) for y in years] if years else [Head(ylabel(book.year))]
    head = header_grid([
        [Head("No", rowspan=2), Head(tr(lang, "Sasaran Strategis", "Strategic goal"), rowspan=2),
         Head(tr(lang, "Indikator Kinerja", "Indicator"), rowspan=2), Head(tr(lang, "Satuan", "Unit"), rowspan=2),
         Head("Target", colspan=nyears), Head(tr(lang, "Realisasi", "Actual"), colspan=nyears),
         Head(tr(lang, "Capaian (%)", "Achievement (%)"), colspan=nyears)],
        labels * 3,
    ], n)
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else ylabel(book.year)
    foot = [capaian_note(book, lang)] + (_gaps(book, gs, values, years, lang) if len(years) > 1 else [])
    return AnnexTable("perbandingan_kinerja", tr(lang, *SHEET_RIWAYAT),
                      tr(lang, f"Perbandingan Target, Realisasi dan Capaian Kinerja Tahun {span}",
                         f"Target, actual and achievement {span}"),
                      cols, head, rows, numbering(n), foot, subtitle=unit, label_col=2)


def _gaps(book: Book, gs, values: dict, years: list[int], lang: str) -> list[str]:
    """What the table leaves out because the history does not hold it: a year after the first
    shown that no indicator has (its columns not printed), an indicator's year left blank."""
    earlier = years[:-1] if book.year else years
    foot = []
    absent = [str(y) for y in range(earlier[0], book.year or earlier[-1]) if y not in earlier]
    if absent:
        foot.append(tr(lang, f"Tidak ada di sheet Riwayat Indikator, kolomnya tidak dicetak: tahun {', '.join(absent)}.",
                       f"Not on the Riwayat Indikator sheet, its columns not printed: {', '.join(absent)}."))
    blank = [f"{_code(ind.row)} ({', '.join(str(y) for y in missing)})" for g in gs for ind in g.items
             if (missing := [y for y in earlier if (_code(ind.row), y) not in values])]
    if blank:
        foot.append(tr(lang, f"Tidak ada di sheet Riwayat Indikator, dibiarkan kosong: {'; '.join(blank)}.",
                       f"Not on the Riwayat Indikator sheet, left blank: {'; '.join(blank)}."))
    return foot


def benchmark_table(book: Book, lang: str, unit: str) -> AnnexTable:
    hist = book.rows("riwayat_indikator")
    derived = book.ctx.wb.riwayat if hist else []
    bench = {_code(r): i for i, r in enumerate(hist)
             if _year(r.get("tahun")) == book.year and (r.get("realisasi_pembanding") is not None
                                                        or r.get("target_pembanding") is not None)}
    names = sorted({str(hist[i].get("pembanding") or "").strip() for i in bench.values()} - {""})
    name = names[0] if len(names) == 1 else tr(lang, "Pembanding", "Benchmark")
    rows, n = [], 0
    for g in groups(book):
        for ind in g.items:
            i = bench.get(_code(ind.row))
            if i is None:
                continue
            n += 1
            h = hist[i]
            label = ind.row.get("indikator") + (f" ({h.get('pembanding')})" if len(names) > 1 and h.get("pembanding") else "")
            rows.append(_benchmark_row(book, n, label, ind, i, h, derived[i]))
    if not rows:
        rows = [note_row(tr(lang, "(tidak ada pembanding)", "(no benchmark)"), 8)]
    cols = [Column("no", TEXT, 5), Column("indikator", TEXT, 40), Column("target", NUMBER, 11),
            Column("realisasi", NUMBER, 11), Column("capaian", PERCENT, 11), Column("target_p", NUMBER, 11),
            Column("realisasi_p", NUMBER, 11), Column("capaian_p", PERCENT, 11)]
    y = ylabel(book.year)
    sub = [Head(tr(lang, "Target Tahunan", "Annual target")), Head(tr(lang, f"Realisasi {y}", f"Actual {y}")),
           Head(tr(lang, "Capaian (%)", "Achievement (%)"))]
    head = header_grid([
        [Head("No", rowspan=2), Head(tr(lang, "Indikator Kinerja", "Indicator"), rowspan=2),
         Head(tr(lang, "Realisasi Kinerja", "Performance"), colspan=3),
         Head(tr(lang, f"Realisasi {name}", f"{name}"), colspan=3)],
        sub + [Head(h.text) for h in sub],
    ], 8)
    return AnnexTable("perbandingan_nasional", tr(lang, *SHEET_PEMBANDING),
                      tr(lang, f"Perbandingan Realisasi Kinerja dengan Realisasi {name} Tahun {y}",
                         f"Performance compared with {name} {y}"),
                      cols, head, rows, numbering(8), [capaian_note(book, lang)], subtitle=unit)


def _benchmark_row(book: Book, n: int, label: str, ind, i: int, h: dict, d: dict) -> Row:
    k, r = "riwayat_indikator", ind.row
    return Row([Cell(str(n), align="center"), Cell(label, src=book.src(PK, "indikator", ind.index)),
                target_cell(book, ind, predikat=False), num_cell(book, PK, "realisasi", ind.index, r.get("realisasi")),
                Cell(book.pct(ind.derived.get("capaian")), src=book.src(PK, "capaian", ind.index)),
                num_cell(book, k, "target_pembanding", i, h.get("target_pembanding")),
                num_cell(book, k, "realisasi_pembanding", i, h.get("realisasi_pembanding")),
                Cell(book.pct(d["capaian_pembanding"]))], src_rows=[book.src_line(k, i, 1)])
