"""Efisiensi beyond the programme table: per sasaran strategis, its capaian kinerja against the
absorption of the programmes that fund it (Medang Kampai Tabel 2.7 and 3.7), and per budget row
(program > kegiatan > sub kegiatan) with the unit's method. Every value is the derivation
layer's (``DerivedWorkbook.sasaran``, ``DerivedWorkbook.efisiensi``)."""
from __future__ import annotations

from .budget_table import BUDGET_COLS
from .common import Book, rounding_text, tr, ylabel
from .kinerja_anggaran_tables import _program_name, efisiensi_remark, method_note
from .model import (
    CODE, MONEY, NUMBER, PERCENT, TEXT, AnnexTable, Cell, Column, Head, Row, header_grid, note_row, numbering,
)
from .pengukuran_table import capaian_note

SHEET_SASARAN = ("Efisiensi per Sasaran", "Efficiency per Goal")
SHEET_RINCI = ("Efisiensi Rinci", "Efficiency per Row")


def _value_cell(book: Book, res, method: str, bold: bool = False) -> Cell:
    if res is None or res.value is None:
        return Cell(None, bold=bold)
    if method == "rasio":
        return Cell(book.pct(res.value), kind=NUMBER, places=2, bold=bold)
    return Cell(book.pct(res.value), kind=PERCENT, bold=bold)


def _value_head(method: str, lang: str) -> str:
    return tr(lang, "Tingkat Efisiensi", "Efficiency") + ("" if method == "rasio" else " (%)")


def efisiensi_sasaran_table(book: Book, lang: str, unit: str) -> AnnexTable:
    """Per sasaran: its programmes (anggaran, realisasi, serapan), then the sasaran's row (Σ of
    those programmes) with its capaian kinerja (mean of its indicators), serapan and efisiensi."""
    method = book.settings.efisiensi_method
    budget = book.budget
    rows = []
    for s in book.ctx.wb.sasaran if book.table("pk_indikator") is not None else []:
        lines = [(c, budget.program(c) or budget.find(c)) for c in s.programs]
        n = len(lines) + 1
        for k, (code, line) in enumerate(lines):
            cells = [Cell(s.no, rowspan=n, align="center"), Cell(s.name, rowspan=n)] if k == 0 else [None, None]
            cells += [Cell(_program_name(book, code) or (line.uraian if line else code))]
            if line is not None:
                cells += [Cell(line.shown_pagu), Cell(line.shown_realisasi), Cell(book.pct(line.shown_persen))]
            else:
                cells += [Cell(None), Cell(None), Cell(None)]
            rows.append(Row(cells + [Cell(None, kind=TEXT), Cell(None, kind=TEXT), Cell(None)]))
        first = [Cell(s.no, align="center"), Cell(s.name)] if not lines else [None, None]
        # the sasaran's sum, named as such: "Jumlah" alone reads as the unit's total budget
        label = tr(lang, f"Sasaran {s.no}: Σ program di atas", f"Goal {s.no}: Σ programmes above")
        rows.append(Row(first + [Cell(label, bold=True), Cell(s.pagu, bold=True),
                                 Cell(s.realisasi, bold=True), Cell(book.pct(s.serapan), bold=True),
                                 Cell(book.pct(s.capaian), bold=True), _value_cell(book, s.efisiensi, method, True),
                                 Cell(efisiensi_remark(s.efisiensi, lang) if s.efisiensi else None)], total=True))
    if not rows:
        rows.append(note_row(tr(lang, "(sheet PK belum diisi)", "(the PK sheet is empty)"), 9))
    cols = [Column("no", TEXT, 5), Column("sasaran", TEXT, 28), Column("program", TEXT, 34),
            Column("pagu", MONEY, 17), Column("realisasi", MONEY, 17), Column("serapan", PERCENT, 10),
            Column("capaian", PERCENT, 10), Column("efisiensi", NUMBER if method == "rasio" else PERCENT, 11),
            Column("keterangan", TEXT, 14)]
    head = header_grid([[Head("No"), Head(tr(lang, "Sasaran Strategis", "Strategic goal")),
                         Head(tr(lang, "Program", "Programme")),
                         Head(tr(lang, "Anggaran (Rp)", "Budget (Rp)")), Head(tr(lang, "Realisasi (Rp)", "Spent (Rp)")),
                         Head(tr(lang, "Serapan Anggaran (%)", "Absorption (%)")),
                         Head(tr(lang, "Capaian Kinerja (%)", "Achievement (%)")), Head(_value_head(method, lang)),
                         Head(tr(lang, "Keterangan", "Notes"))]], 9)
    foot = [tr(lang, "Capaian kinerja sasaran = rata-rata capaian indikatornya; serapan = realisasi / anggaran × "
                     "100 atas program yang mendukung sasaran.",
               "A goal's achievement = the mean of its indicators'; absorption = spent / budget × 100 over the "
               "programmes funding it."), method_note(method, lang), capaian_note(book, lang)]
    year = ylabel(book.year)
    return AnnexTable("efisiensi_sasaran", tr(lang, *SHEET_SASARAN),
                      tr(lang, f"Capaian Kinerja dan Serapan Anggaran per Sasaran Strategis Tahun {year}",
                         f"Achievement and budget absorption per strategic goal {year}"),
                      cols, head, rows, numbering(9), foot, subtitle=unit)


def efisiensi_rinci_table(book: Book, lang: str, unit: str) -> AnnexTable:
    """Every budget row with its capaian kinerja (output of a sub kegiatan, indicators of a
    programme or kegiatan), pagu, realisasi, serapan, sisa and efisiensi by the unit's method."""
    method = book.settings.efisiensi_method
    wb = book.ctx.wb
    rows = []
    k = "realisasi"
    for line in book.budget.lines:
        i, bold = line.index, line.depth < 2 and bool(line.children)
        res = wb.efisiensi(line)
        rows.append(Row([
            Cell(line.printed_code, src=book.src(k, "kode", i)), Cell(line.uraian, src=book.src(k, "uraian", i)),
            Cell(book.pct(wb.line_capaian(line))),
            Cell(line.shown_pagu, src=book.src(k, line.pagu_key, i) if line.pagu_key else None),
            Cell(line.shown_realisasi, src=book.src(k, "realisasi", i)),
            Cell(book.pct(line.shown_persen), src=book.src(k, "persen_realisasi", i)),
            Cell(line.shown_sisa, src=book.src(k, "sisa", i)),
            _value_cell(book, res, method), Cell(efisiensi_remark(res, lang)),
        ], level=line.depth, bold=bold, src_rows=[book.src_line(k, i, 1, BUDGET_COLS)]))
    if not rows:
        rows.append(note_row(tr(lang, "(sheet Realisasi belum diisi)", "(the Realisasi sheet is empty)"), 9))
    cols = [Column("kode", CODE, 11), Column("uraian", TEXT, 40), Column("capaian", PERCENT, 10),
            Column("pagu", MONEY, 17), Column("realisasi", MONEY, 17), Column("serapan", PERCENT, 10),
            Column("sisa", MONEY, 16), Column("efisiensi", NUMBER if method == "rasio" else PERCENT, 11),
            Column("keterangan", TEXT, 14)]
    head = header_grid([[Head(tr(lang, "Kode", "Code")),
                         Head(tr(lang, "Program / Kegiatan / Sub Kegiatan", "Programme / activity / sub-activity")),
                         Head(tr(lang, "Capaian Kinerja (%)", "Achievement (%)")),
                         Head(tr(lang, "Anggaran (Rp)", "Budget (Rp)")), Head(tr(lang, "Realisasi (Rp)", "Spent (Rp)")),
                         Head(tr(lang, "Serapan (%)", "Absorption (%)")), Head(tr(lang, "Sisa (Rp)", "Balance (Rp)")),
                         Head(_value_head(method, lang)), Head(tr(lang, "Keterangan", "Notes"))]], 9)
    foot = [method_note(method, lang),
            tr(lang, "Capaian kinerja: sub kegiatan = capaian keluarannya; program dan kegiatan = rata-rata capaian "
                     "indikator program/kegiatannya; ",
               "Achievement: a sub-activity's output; a programme's or activity's = the mean of its indicators'; ")
            + rounding_text(book, lang) + "."]
    year = ylabel(book.year)
    return AnnexTable("efisiensi_rinci", tr(lang, *SHEET_RINCI),
                      tr(lang, f"Efisiensi per Program, Kegiatan dan Sub Kegiatan Tahun {year}",
                         f"Efficiency per programme, activity and sub-activity {year}"),
                      cols, head, rows, numbering(9), foot, subtitle=unit, label_col=1)
