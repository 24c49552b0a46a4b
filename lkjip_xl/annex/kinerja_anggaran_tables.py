"""Performance tables 6 Pencapaian Kinerja dan Anggaran and 7 Efisiensi penggunaan sumber daya."""
from __future__ import annotations

from ..calc.budget import add_complete
from ..calc.decimals import percent
from ..calc.efisiensi import DEFAULT_THRESHOLDS, METHODS, THRESHOLDS, efisiensi
from ..derive.budget import difference
from .budget_table import BUDGET_COLS
from .common import Book, rounding_text, split_codes, tr, ylabel
from .indicator_rows import PK, group_rows, groups, num_cell, span, target_cell
from .model import (
    CODE, MONEY, NUMBER, PERCENT, TEXT, AnnexTable, Cell, Column, Head, Row, header_grid, note_row,
    numbering,
)
from .pengukuran_table import capaian_note, scale_text

SHEET_KA = ("Kinerja dan Anggaran", "Performance and Budget")
SHEET_EF = ("Efisiensi", "Efficiency")


# --------------------------------------------------------------------------- 6 Kinerja dan Anggaran

def _program_name(book: Book, code: str) -> str | None:
    for r in book.rows("pk_program"):
        if split_codes(r.get("kode")) == [code]:
            return r.get("program")
    line = book.budget.program(code) or book.budget.find(code)
    return line.uraian if line else None


def _program_cells(book: Book, code: str | None, lang: str) -> list[Cell]:
    if code is None:
        return [Cell(None) for _ in range(5)]
    line = book.budget.program(code) or book.budget.find(code)
    name = _program_name(book, code) or tr(lang, "(kode tidak ada di sheet Realisasi)",
                                            "(code not on the Realisasi sheet)")
    if line is None:
        return [Cell(code), Cell(name), Cell(None), Cell(None), Cell(None)]
    k, i = "realisasi", line.index
    return [Cell(code, src=book.src(k, "kode", i)), Cell(name),
            Cell(line.shown_pagu, src=book.src(k, line.pagu_key, i) if line.pagu_key else None),
            Cell(line.shown_realisasi, src=book.src(k, "realisasi", i)),
            Cell(book.pct(line.shown_persen), src=book.src(k, "persen_realisasi", i))]


def kinerja_anggaran_table(book: Book, lang: str, unit: str) -> AnnexTable:
    year = ylabel(book.year)
    gs = groups(book)
    codes = {ind.index: split_codes(ind.row.get("kode_program")) for g in gs for ind in g.items}

    def build(g, ind, k, n):
        i, r, d = ind.index, ind.row, ind.derived
        head = [None, None,
                Cell(r.get("indikator"), src=book.src(PK, "indikator", i)),
                Cell(r.get("satuan"), align="center", src=book.src(PK, "satuan", i)),
                target_cell(book, ind, predikat=False),
                num_cell(book, PK, "realisasi", i, r.get("realisasi")),
                Cell(book.pct(d.get("capaian")), src=book.src(PK, "capaian", i))]
        head = head[:2] + [span(c, k, n) for c in head[2:]]
        cs = codes[i]
        return head + _program_cells(book, cs[k] if k < len(cs) else None, lang)

    rows = group_rows(book, [(g, [max(1, len(codes[ind.index])) for ind in g.items]) for g in gs], build)
    if not rows:
        rows.append(note_row(tr(lang, "(sheet PK belum diisi)", "(the PK sheet is empty)"), 12))
    cols = [Column("no", TEXT, 5), Column("sasaran", TEXT, 22), Column("indikator", TEXT, 28),
            Column("satuan", TEXT, 8), Column("target", NUMBER, 9), Column("realisasi", NUMBER, 9),
            Column("capaian", PERCENT, 9), Column("kode", CODE, 7), Column("program", TEXT, 30),
            Column("pagu", MONEY, 17), Column("realisasi_rp", MONEY, 17), Column("serapan", PERCENT, 9)]
    head = header_grid([
        [Head("No", rowspan=2), Head(tr(lang, "Sasaran Strategis", "Strategic goal"), rowspan=2),
         Head(tr(lang, "Indikator Kinerja", "Indicator"), rowspan=2), Head(tr(lang, "Satuan", "Unit"), rowspan=2),
         Head(tr(lang, "Kinerja", "Performance"), colspan=3), Head(tr(lang, "Anggaran", "Budget"), colspan=5)],
        [Head("Target"), Head(tr(lang, "Realisasi", "Actual")), Head(tr(lang, "Capaian (%)", "Achievement (%)")),
         Head(tr(lang, "Kode", "Code")), Head("Program"), Head(tr(lang, "Pagu (Rp)", "Budget (Rp)")),
         Head(tr(lang, "Realisasi (Rp)", "Spent (Rp)")), Head(tr(lang, "Serapan (%)", "Absorption (%)"))],
    ], 12)
    foot = [capaian_note(book, lang),
            tr(lang, "Serapan (%) = realisasi / pagu × 100; pagu dan realisasi program dari sheet Realisasi "
                     "(program = Σ kegiatannya); program pendukung dari kolom Kode Program sheet PK.",
               "Absorption (%) = spent / budget × 100; programme amounts from the Realisasi sheet "
               "(programme = Σ its activities); funding programmes from the PK sheet's programme codes.")]
    return AnnexTable("kinerja_anggaran", tr(lang, *SHEET_KA),
                      tr(lang, f"Pencapaian Kinerja dan Anggaran Tahun {year}", f"Performance and budget {year}"),
                      cols, head, rows, numbering(12), foot, subtitle=unit)


# --------------------------------------------------------------------------- 7 Efisiensi

def _threshold_text(method: str, lang: str) -> str:
    name = DEFAULT_THRESHOLDS.get(method)
    if not name:
        return ""
    return " " + tr(lang, "Kategori: ", "Category: ") + scale_text(THRESHOLDS[name], lang) + "."


def efisiensi_table(book: Book, lang: str, unit: str) -> AnnexTable:
    year = ylabel(book.year)
    method = book.settings.efisiensi_method
    budget = book.budget
    title = tr(lang, f"Efisiensi Penggunaan Sumber Daya Tahun {year}", f"Efficiency of resource use {year}")
    method_note = tr(lang, f"Metode efisiensi (Identitas): {method} = {METHODS[method]}.",
                     f"Efficiency method (Identitas): {method} = {METHODS[method]}.")
    if method == "sisa_persen":
        ind_by_prog: dict[str, list[str]] = {}
        for r in book.rows(PK):
            for c in split_codes(r.get("kode_program")):
                ind_by_prog.setdefault(c, []).append(str(r.get("indikator") or ""))
        rows, flagged = [], []
        for p in budget.programs:
            res = efisiensi(method, None, p.shown_pagu, p.shown_realisasi)
            k, i = "realisasi", p.index
            note = None
            if p.shown_realisasi is not None and p.shown_realisasi == 0:
                note = tr(lang, "tanpa belanja: bukan efisiensi", "no spending: not efficiency")
                flagged.append(p.code)
            rows.append(Row([
                Cell(_program_name(book, p.code) or p.uraian, src=book.src(k, "uraian", i)),
                Cell("; ".join(ind_by_prog.get(p.code, [])) or None),
                Cell(p.shown_pagu, src=book.src(k, p.pagu_key, i) if p.pagu_key else None),
                Cell(p.shown_realisasi, src=book.src(k, "realisasi", i)),
                Cell(book.pct(p.shown_persen), src=book.src(k, "persen_realisasi", i)),
                Cell(p.shown_sisa, src=book.src(k, "sisa", i)),
                Cell(book.pct(res.value)),
                Cell(note),
            ], src_rows=[book.src_line(k, i, 0, BUDGET_COLS)]))
        tp, trl = budget.total_pagu, budget.total_realisasi
        ts = difference(tp, trl)
        tres = efisiensi(method, None, tp, trl) if tp is not None and trl is not None else None
        rows.append(Row([Cell(tr(lang, "J U M L A H", "T O T A L"), bold=True, align="center"), Cell(None),
                         Cell(tp, bold=True), Cell(trl, bold=True), Cell(book.pct(percent(trl, tp)), bold=True),
                         Cell(ts, bold=True), Cell(book.pct(tres.value) if tres else None, bold=True), Cell(None)],
                        total=True))
        cols = [Column("program", TEXT, 36), Column("indikator", TEXT, 34), Column("pagu", MONEY, 18),
                Column("realisasi", MONEY, 18), Column("serapan", PERCENT, 10), Column("efisiensi_rp", MONEY, 16),
                Column("efisiensi_persen", PERCENT, 10), Column("keterangan", TEXT, 14)]
        head = header_grid([
            [Head("Program", rowspan=2), Head(tr(lang, "Indikator Kinerja", "Indicator"), rowspan=2),
             Head(tr(lang, "Anggaran", "Budget"), colspan=3),
             Head(tr(lang, "Tingkat Efisiensi", "Efficiency"), colspan=2),
             Head(tr(lang, "Keterangan", "Notes"), rowspan=2)],
            [Head(tr(lang, "Pagu (Rp)", "Budget (Rp)")), Head(tr(lang, "Realisasi (Rp)", "Spent (Rp)")),
             Head(tr(lang, "Serapan (%)", "Absorption (%)")), Head("Rp"), Head("%")],
        ], 8)
        num = ["(1)", "(2)", "(3)", "(4)", "(5) = (4)/(3)×100", "(6) = (3)−(4)", "(7) = (6)/(3)×100", "(8)"]
        foot = [method_note, tr(lang, "Pagu dan realisasi per program dari sheet Realisasi (program = Σ kegiatannya); "
                                      "Jumlah = Σ program; ",
                                "Programme amounts from the Realisasi sheet (programme = Σ its activities); "
                                "total = Σ programmes; ") + rounding_text(book, lang) + "."]
        if flagged:
            foot.append(tr(lang, "Program tanpa belanja tidak dihitung efisien 100 %: ",
                           "Programmes without spending are not '100 % efficient': ") + ", ".join(flagged) + ".")
        return AnnexTable("efisiensi", tr(lang, *SHEET_EF), title, cols, head, rows, num, foot, subtitle=unit)
    # rasio / selisih: per indicator, against the programmes that fund it
    rows = []
    is_rasio = method == "rasio"
    for g in groups(book):
        for ind in g.items:
            i, r, d = ind.index, ind.row, ind.derived
            cs = split_codes(r.get("kode_program"))
            lines = [budget.program(c) or budget.find(c) for c in cs]
            lines = [x for x in lines if x is not None]
            pagu = add_complete(x.shown_pagu for x in lines)
            real = add_complete(x.shown_realisasi for x in lines)
            cap = d.get("capaian")
            res = efisiensi(method, cap, pagu, real)
            value = None
            if res.value is not None:
                # rounded like the percentages (the workbook's rule), shown with 2 decimals
                value = Cell(book.pct(res.value), places=2) if is_rasio else Cell(book.pct(res.value), kind=PERCENT)
            note = res.kategori or (res.problem.replace("_", " ") if res.problem else None)
            rows.append(Row([
                Cell(r.get("indikator"), src=book.src(PK, "indikator", i)),
                Cell(book.pct(cap), src=book.src(PK, "capaian", i)),
                Cell(", ".join(cs) or None, src=book.src(PK, "kode_program", i)),
                Cell(pagu), Cell(real), Cell(book.pct(percent(real, pagu))),
                value or Cell(None), Cell(note),
            ], src_rows=[book.src_line(PK, i, 0)]))
    if not rows:
        rows.append(note_row(tr(lang, "(sheet PK belum diisi)", "(the PK sheet is empty)"), 8))
    cols = [Column("indikator", TEXT, 36), Column("capaian", PERCENT, 11), Column("kode", CODE, 9),
            Column("pagu", MONEY, 18), Column("realisasi", MONEY, 18), Column("serapan", PERCENT, 10),
            Column("efisiensi", NUMBER if is_rasio else PERCENT, 11), Column("keterangan", TEXT, 16)]
    head = header_grid([[Head(tr(lang, "Indikator Kinerja", "Indicator")),
                         Head(tr(lang, "Capaian Kinerja (%)", "Achievement (%)")),
                         Head(tr(lang, "Program", "Programmes")), Head(tr(lang, "Pagu (Rp)", "Budget (Rp)")),
                         Head(tr(lang, "Realisasi (Rp)", "Spent (Rp)")), Head(tr(lang, "Serapan (%)", "Absorption (%)")),
                         Head(tr(lang, "Tingkat Efisiensi", "Efficiency") + (" (%)" if not is_rasio else "")),
                         Head(tr(lang, "Keterangan", "Notes"))]], 8)
    num = ["(1)", "(2)", "(3)", "(4)", "(5)", "(6) = (5)/(4)×100",
           "(7) = (2)/(6)" if is_rasio else "(7) = (2)−(6)", "(8)"]
    foot = [method_note + _threshold_text(method, lang),
            tr(lang, "Pagu dan realisasi = Σ program pendukung indikator (kolom Kode Program sheet PK). ",
               "Budget and spending = Σ of the indicator's funding programmes. ") + capaian_note(book, lang)]
    return AnnexTable("efisiensi", tr(lang, *SHEET_EF), title, cols, head, rows, num, foot, subtitle=unit)
