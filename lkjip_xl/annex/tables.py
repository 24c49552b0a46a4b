"""All annex tables of a checked workbook, in report order, as data (see ``model.py``).

    tables = build_annex(result.context, prev_result.context, lang="id")

SAKIP evaluation (score, recommendations and follow-up), 1 Perjanjian Kinerja (+ programme
budget), 2 Rencana Aksi, 3 Pengukuran Kinerja, indicator history (target and realisasi per year,
benchmark), 4 Realisasi anggaran (one or two years), 5 Ikhtisar per jenis belanja, 6 Pencapaian
Kinerja dan Anggaran, 7 Efisiensi (per programme and per sasaran), 8 SKM (+ respondent profile),
9 Capaian keluaran; then the chart data (Grafik) and the note sheet (Catatan).
With ``--force`` the command puts a Temuan table first and marks the cells findings point at
(:func:`findings_table`, :func:`apply_marks`).
"""
from __future__ import annotations

from ..checks.engine import CheckContext
from ..derive.stage import partial_year
from ..i18n import quarter
from ..findings import Finding
from ..glossary import severity_word
from .budget_table import budget_table, ikhtisar_table, keluaran_table
from .common import Book, split_codes, tr, ylabel
from .indicator_rows import groups
from .efisiensi_tables import efisiensi_rinci_table, efisiensi_sasaran_table
from .kinerja_anggaran_tables import efisiensi_table, kinerja_anggaran_table
from .model import (
    CODE, PERCENT, TEXT, AnnexTable, Cell, ChartSpec, Column, Head, Row, header_grid, note_row,
    numbering,
)
from .pengukuran_table import pengukuran_table
from .history_tables import history_tables
from .pk_ra_tables import pk_tables, ra_tables
from .sakip_tables import sakip_tables
from .signature import unit_signature
from .skm_table import skm_tables

SHEET_GRAFIK = {"grafik_capaian": ("Grafik Capaian", "Chart Achievement"),
                "grafik_serapan": ("Grafik Serapan", "Chart Absorption")}
SHEET_TEMUAN = ("Temuan", "Findings")
SEVERITY_RANK = {"error": 2, "warning": 1}


def unit_line(book: Book) -> str:
    ident = book.form("identitas")
    parts = [str(ident.get(k)).strip() for k in ("unit", "kabupaten_kota") if ident.get(k)]
    return " ".join(parts)


# tables the head of the unit signs under the report's date (both parties sign the PK under its
# own date: pk_ra_tables)
SIGNED = frozenset({"rencana_aksi", "pengukuran", "realisasi_anggaran"})
SHEET_CATATAN = ("Catatan", "Notes")


def build_annex(cur: CheckContext, prev: CheckContext | None = None, lang: str = "id") -> list[AnnexTable]:
    book = Book("cur", cur)
    last = Book("prev", prev) if prev is not None else None
    unit = unit_line(book)
    tables: list[AnnexTable] = []
    tables += sakip_tables(book, lang, unit)
    tables += pk_tables(book, lang, unit)
    tables += ra_tables(book, lang, unit)
    tables.append(pengukuran_table(book, last, lang, unit))
    tables += history_tables(book, last, lang, unit)
    tables.append(budget_table(book, last, lang, unit))
    tables.append(ikhtisar_table(book, last, lang, unit))
    tables.append(kinerja_anggaran_table(book, lang, unit))
    tables.append(efisiensi_table(book, lang, unit))
    tables.append(efisiensi_sasaran_table(book, lang, unit))
    tables.append(efisiensi_rinci_table(book, lang, unit))
    tables += skm_tables(book, lang, unit)
    tables.append(keluaran_table(book, lang, unit))
    tables += chart_tables(book, lang)
    return finish(tables, book, lang)


def finish(tables: list[AnnexTable], book: Book, lang: str) -> list[AnnexTable]:
    """What every printed table shares: the report's convention for zero and missing numbers,
    the signature under the tables the report signs; tables without data are left out (no blank
    skeletons) and said on the note sheet, with every note about how the tables were made."""
    printed, notes = [], []
    mark_partial_year(tables, book, lang)
    for t in tables:
        if t.empty:
            notes.append((t.title, tr(lang, "tidak dicetak: belum ada datanya di buku kerja",
                                      "not printed: the workbook has no data for it")))
            continue
        if t.in_docx:
            t.dash, t.zero_dash = True, book.settings.zero_dash
        if t.key in SIGNED and t.signature is None:
            t.signature = unit_signature(book, lang)
        notes += [(t.title, n) for n in t.notes]
        printed.append(t)
    if notes:
        printed.append(notes_table(notes, lang))
    return printed


# tables of the year's realisasi (kinerja, outputs, spending): mid-year they hold what was reached so far
SO_FAR = frozenset({"pengukuran", "realisasi_anggaran", "ikhtisar_belanja", "kinerja_anggaran", "efisiensi",
                    "efisiensi_sasaran", "efisiensi_rinci", "capaian_keluaran", "grafik_capaian", "grafik_serapan"})


def mark_partial_year(tables: list[AnnexTable], book: Book, lang: str) -> None:
    """Before the year is over (the Rencana Aksi reported up to TW I–III, ``derive/stage.py``,
    KIN030) the tables of realisasi (capaian, outputs, serapan, efisiensi) say in their title and a
    footnote that what they hold is up to that quarter, never presented as the year's."""
    q = book.ctx.wb.reported_quarter
    if not partial_year(q):
        return
    upto = tr(lang, f"s.d. TW {quarter(q).id}", f"up to Q{q}")
    for t in tables:
        if t.key in SO_FAR:
            t.title = f"{t.title} ({upto})"
            t.footnotes.append(tr(
                lang, f"Tahun belum lengkap: Rencana Aksi berisi realisasi sampai TW {quarter(q).id}; realisasi di tabel ini "
                      f"(dan capaian, serapan atau efisiensi darinya) adalah {upto}, bukan realisasi setahun.",
                f"The year is not complete: the Rencana Aksi holds actuals up to Q{q}; the actuals in this table (and "
                f"the achievement, absorption or efficiency from them) are {upto}, not the year's."))


def notes_table(notes: list[tuple[str, str]], lang: str) -> AnnexTable:
    """The note sheet: how the tables were made (for the report writer, not the report)."""
    rows = [Row([Cell(str(n), align="center"), Cell(title), Cell(text)]) for n, (title, text) in enumerate(notes, 1)]
    cols = [Column("no", TEXT, 5), Column("tabel", TEXT, 50), Column("catatan", TEXT, 90)]
    head = header_grid([[Head("No"), Head(tr(lang, "Tabel", "Table")), Head(tr(lang, "Catatan", "Note"))]], 3)
    return AnnexTable("catatan", tr(lang, *SHEET_CATATAN),
                      tr(lang, "Catatan penyusunan lampiran (bukan bagian laporan)",
                         "How the annex was made (not part of the report)"),
                      cols, head, rows, numbering(3), [], in_docx=False)


# --------------------------------------------------------------------------- charts

def chart_tables(book: Book, lang: str) -> list[AnnexTable]:
    """Small data tables with native charts: capaian per indicator (bars, 100 % line) and
    serapan per program (bars, 100 % line)."""
    cap_rows = []
    for g in groups(book):
        for ind in g.items:
            code = str(ind.row.get("kode_indikator") or "").strip()
            cap_rows.append(Row([Cell(code), Cell(ind.row.get("indikator")),
                                 Cell(book.pct(ind.derived.get("capaian"))), Cell(100)]))
    ser_rows = []
    for p in book.budget.programs:
        ser_rows.append(Row([Cell(p.printed_code), Cell(p.uraian), Cell(book.pct(p.shown_persen)), Cell(100)]))
    out = []
    for key, title, rows, name, cat_title, val_title in (
        ("grafik_capaian", tr(lang, f"Capaian Kinerja per Indikator Tahun {ylabel(book.year)}",
                              f"Achievement per indicator {ylabel(book.year)}"), cap_rows,
         tr(lang, "Indikator Kinerja", "Indicator"), tr(lang, "Kode", "Code"),
         tr(lang, "Capaian (%)", "Achievement (%)")),
        ("grafik_serapan", tr(lang, f"Serapan Anggaran per Program Tahun {ylabel(book.year)}",
                              f"Budget absorption per programme {ylabel(book.year)}"), ser_rows,
         tr(lang, "Program", "Programme"), tr(lang, "Kode", "Code"), tr(lang, "Serapan (%)", "Absorption (%)")),
    ):
        cols = [Column("kode", CODE, 10), Column("nama", TEXT, 60), Column("nilai", PERCENT, 14),
                Column("acuan", PERCENT, 10)]
        head = header_grid([[Head(cat_title), Head(name), Head(val_title), Head(tr(lang, "Acuan", "Reference"))]], 4)
        chart = ChartSpec(title, 0, 2, 3) if rows else None
        if not rows:
            rows = [note_row(tr(lang, "(tidak ada data)", "(no data)"), 4)]
        out.append(AnnexTable(key, tr(lang, *SHEET_GRAFIK[key]), title, cols, head, rows, numbering(4),
                              [tr(lang, "Garis 100 % = acuan target/pagu penuh.", "The 100 % line is the reference.")],
                              chart=chart, in_docx=False))
    return out


# --------------------------------------------------------------------------- findings

def findings_table(findings: list[tuple[str, str, Finding]], lang: str) -> AnnexTable:
    """The Temuan sheet: every finding of this year's (and last year's) workbook."""
    rows = []
    for n, (tag, fname, f) in enumerate(findings, start=1):
        row = Row([Cell(str(n), align="center"), Cell(severity_word(f.severity, lang), align="center"),
                   Cell(fname), Cell(f.sheet), Cell(f.cell, align="center"), Cell(f.code, align="center"),
                   Cell(f.message(lang))])
        if f.severity in SEVERITY_RANK:
            row.cells[1].mark = f.severity
        rows.append(row)
    if not rows:
        rows.append(note_row(tr(lang, "(tidak ada temuan)", "(no findings)"), 7))
    cols = [Column("no", TEXT, 5), Column("tingkat", TEXT, 11), Column("berkas", TEXT, 24), Column("sheet", TEXT, 13),
            Column("sel", TEXT, 7), Column("kode", TEXT, 8), Column("pesan", TEXT, 90)]
    head = header_grid([[Head("No"), Head(tr(lang, "Tingkat", "Severity")), Head(tr(lang, "Berkas", "File")),
                         Head("Sheet"), Head(tr(lang, "Sel", "Cell")), Head(tr(lang, "Kode", "Code")),
                         Head(tr(lang, "Pesan", "Message"))]], 7)
    foot = [tr(lang, "Lampiran ini ditulis dengan --force walaupun ada kesalahan. Sel tabel yang berasal dari sel "
                     "bermasalah diberi warna: merah = kesalahan, kuning = peringatan. Perbaiki buku kerja lalu "
                     "jalankan lagi sebelum laporan ditandatangani.",
               "This annex was written with --force although there are errors. Table cells that come from a "
               "cell with a finding are coloured: red = error, yellow = warning. Fix the workbook and run "
               "again before the report is signed.")]
    return AnnexTable("temuan", tr(lang, *SHEET_TEMUAN), tr(lang, "Temuan pemeriksaan", "Check findings"),
                      cols, head, rows, numbering(7), foot, in_docx=False)


def apply_marks(tables: list[AnnexTable], findings: list[tuple[str, str, Finding]]) -> int:
    """Mark the cells whose source cell has an error or warning; a finding on a shown row that
    hits no shown cell marks the row's label cell. Returns the number of marked cells."""
    by_cell: dict[tuple, str] = {}
    by_row: dict[tuple, list[tuple[str, str]]] = {}
    from ..schema.refs import parse_a1

    for tag, _, f in findings:
        if f.severity not in SEVERITY_RANK:
            continue
        key = (tag, f.sheet, f.cell)
        if SEVERITY_RANK[f.severity] > SEVERITY_RANK.get(by_cell.get(key), 0):
            by_cell[key] = f.severity
        try:
            row = parse_a1(f.cell)[0]
        except ValueError:
            continue
        by_row.setdefault((tag, f.sheet, row), []).append((f.cell, f.severity))
    count = 0

    def mark(cell: Cell | None, severity: str) -> None:
        nonlocal count
        if cell is None:
            return
        if SEVERITY_RANK[severity] > SEVERITY_RANK.get(cell.mark, 0):
            if cell.mark is None:
                count += 1
            cell.mark = severity

    for table in tables:
        if table.key == "temuan":
            continue
        for row in table.rows:
            shown = set()
            for cell in row.cells:
                if cell is not None and cell.src is not None:
                    shown.add(cell.src)
                    if cell.src in by_cell:
                        mark(cell, by_cell[cell.src])
            for entry in row.src_rows:
                if entry is None:
                    continue
                src_row, col, letters = entry
                for a1, severity in by_row.get(src_row, ()):
                    if (src_row[0], src_row[1], a1) in shown or col >= len(row.cells):
                        continue
                    if letters is None or a1.rstrip("0123456789") in letters:
                        mark(row.cells[col], severity)
    return count


__all__ = ["build_annex", "findings_table", "apply_marks", "chart_tables", "split_codes"]
