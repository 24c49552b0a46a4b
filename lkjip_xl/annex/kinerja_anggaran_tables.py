"""Performance tables 6 Pencapaian Kinerja dan Anggaran and 7 Efisiensi penggunaan sumber daya."""
from __future__ import annotations

from ..calc.budget import add_complete
from ..calc.decimals import percent
from ..calc.efisiensi import DEFAULT_THRESHOLDS, THRESHOLDS, efisiensi
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


def program_indicators(book: Book) -> dict[str, list[tuple[int, dict, dict]]]:
    """Code -> its indicators on the Indikator Program sheet (row index, row, derived)."""
    k = "indikator_program"
    derived = book.ctx.derived(k)
    out: dict[str, list] = {}
    for i, r in enumerate(book.rows(k)):
        for code in split_codes(r.get("kode")):
            out.setdefault(code, []).append((i, r, derived[i] if i < len(derived) else {}))
    return out


def _program_cells(book: Book, code: str | None, indicator) -> list[Cell]:
    """Kode, Program, its indicator with target, realisasi and capaian, pagu, realisasi, serapan."""
    k = "indikator_program"
    if indicator is not None:
        i, r, d = indicator
        ind = [Cell(r.get("indikator"), src=book.src(k, "indikator", i)),
               num_cell(book, k, "target", i, r.get("target")), num_cell(book, k, "realisasi", i, r.get("realisasi")),
               Cell(book.pct(d.get("capaian")), src=book.src(k, "capaian", i))]
    else:
        ind = [Cell(None), Cell(None), Cell(None), Cell(None)]
    if code is None:
        return [Cell(None), Cell(None)] + ind + [Cell(None) for _ in range(3)]
    line = book.budget.program(code) or book.budget.find(code)
    name = _program_name(book, code)
    if line is None:
        return [Cell(code), Cell(name)] + ind + [Cell(None), Cell(None), Cell(None)]
    k, i = "realisasi", line.index
    return [Cell(code, src=book.src(k, "kode", i)), Cell(name)] + ind + [
        Cell(line.shown_pagu, src=book.src(k, line.pagu_key, i) if line.pagu_key else None),
        Cell(line.shown_realisasi, src=book.src(k, "realisasi", i)),
        Cell(book.pct(line.shown_persen), src=book.src(k, "persen_realisasi", i))]


def kinerja_anggaran_table(book: Book, lang: str, unit: str) -> AnnexTable:
    """Per indicator, each funding programme on a row of its own with the programme's own
    indicators (sheet Indikator Program: one row each) and its budget."""
    year = ylabel(book.year)
    gs = groups(book)
    by_code = program_indicators(book)
    subs = {}  # PK row -> [(programme code, its indicator or None)]
    for g in gs:
        for ind in g.items:
            subs[ind.index] = [(c, x) for c in split_codes(ind.row.get("kode_program"))
                               for x in (by_code.get(c) or [None])]
    missing = sorted({c for pairs in subs.values() for c, _ in pairs
                      if (book.budget.program(c) or book.budget.find(c)) is None})

    def build(g, ind, k, n):
        i, r, d = ind.index, ind.row, ind.derived
        head = [None, None,
                Cell(r.get("indikator"), src=book.src(PK, "indikator", i)),
                Cell(r.get("satuan"), align="center", src=book.src(PK, "satuan", i)),
                target_cell(book, ind, predikat=False),
                num_cell(book, PK, "realisasi", i, r.get("realisasi")),
                Cell(book.pct(d.get("capaian")), src=book.src(PK, "capaian", i))]
        head = head[:2] + [span(c, k, n) for c in head[2:]]
        pairs = subs[i]
        code, indicator = pairs[k] if k < len(pairs) else (None, None)
        return head + _program_cells(book, code, indicator)

    rows = group_rows(book, [(g, [max(1, len(subs[ind.index])) for ind in g.items]) for g in gs], build)
    with_ind = any(by_code.get(c) for pairs in subs.values() for c, _ in pairs)
    if not rows:
        rows.append(note_row(tr(lang, "(sheet PK belum diisi)", "(the PK sheet is empty)"), 16))
    cols = [Column("no", TEXT, 5), Column("sasaran", TEXT, 20), Column("indikator", TEXT, 24),
            Column("satuan", TEXT, 8), Column("target", NUMBER, 8), Column("realisasi", NUMBER, 8),
            Column("capaian", PERCENT, 9), Column("kode", CODE, 7), Column("program", TEXT, 26),
            Column("indikator_program", TEXT, 24), Column("target_program", NUMBER, 8),
            Column("realisasi_program", NUMBER, 8), Column("capaian_program", PERCENT, 9),
            Column("pagu", MONEY, 16), Column("realisasi_rp", MONEY, 16), Column("serapan", PERCENT, 9)]
    head = header_grid([
        [Head("No", rowspan=2), Head(tr(lang, "Sasaran Strategis", "Strategic goal"), rowspan=2),
         Head(tr(lang, "Indikator Kinerja", "Indicator"), rowspan=2), Head(tr(lang, "Satuan", "Unit"), rowspan=2),
         Head(tr(lang, "Kinerja", "Performance"), colspan=3),
         Head(tr(lang, "Program Pendukung", "Funding programme"), colspan=6),
         Head(tr(lang, "Anggaran", "Budget"), colspan=3)],
        [Head("Target"), Head(tr(lang, "Realisasi", "Actual")), Head(tr(lang, "Capaian (%)", "Achievement (%)")),
         Head(tr(lang, "Kode", "Code")), Head(tr(lang, "Program", "Programme")),
         Head(tr(lang, "Indikator Program", "Programme indicator")), Head("Target"),
         Head(tr(lang, "Realisasi", "Actual")), Head(tr(lang, "Capaian (%)", "Achievement (%)")),
         Head(tr(lang, "Pagu (Rp)", "Budget (Rp)")),
         Head(tr(lang, "Realisasi (Rp)", "Spent (Rp)")), Head(tr(lang, "Serapan (%)", "Absorption (%)"))],
    ], 16)
    foot = [capaian_note(book, lang),
            tr(lang, "Serapan (%) = realisasi / pagu × 100; pagu dan realisasi program = Σ kegiatannya.",
               "Absorption (%) = spent / budget × 100; a programme's amounts = Σ its activities.")]
    notes = []
    if missing:
        notes.append(tr(lang, "Kode program pendukung yang tidak ada di sheet Realisasi (anggaran kosong): ",
                        "Funding programme codes not on the Realisasi sheet (budget blank): ") + ", ".join(missing))
    if not with_ind:
        notes.append(tr(lang, "Kolom indikator program kosong: isi sheet Indikator Program.",
                        "Programme indicator columns blank: fill the Indikator Program sheet."))
    return AnnexTable("kinerja_anggaran", tr(lang, *SHEET_KA),
                      tr(lang, f"Pencapaian Kinerja dan Anggaran Tahun {year}", f"Performance and budget {year}"),
                      cols, head, rows, numbering(16), foot, subtitle=unit, notes=notes)


# --------------------------------------------------------------------------- 7 Efisiensi

METHOD_TEXT = {
    "sisa_persen": ("Tingkat efisiensi (%) = (pagu − realisasi) / pagu × 100.",
                    "Efficiency (%) = (budget − spent) / budget × 100."),
    "rasio": ("Tingkat efisiensi = capaian kinerja (%) / serapan anggaran (%).",
              "Efficiency = performance achievement (%) / budget absorption (%)."),
    "selisih": ("Tingkat efisiensi = capaian kinerja (%) − serapan anggaran (%).",
                "Efficiency = performance achievement (%) − budget absorption (%)."),
}
PROBLEM_TEXT = {
    "pagu_missing": ("pagu tidak ada", "no budget"), "pagu_zero": ("pagu nol", "budget is zero"),
    "realisasi_missing": ("realisasi belum ada", "no spending reported"),
    "capaian_missing": ("capaian kinerja belum ada", "no achievement"),
    "serapan_zero": ("tanpa belanja", "no spending"),
    "tanpa_belanja_tanpa_keluaran": ("tanpa belanja dan tanpa keluaran", "no spending and no output"),
}


def method_note(method: str, lang: str) -> str:
    """The efisiensi formula of the unit's method, with its categories, in report language."""
    text = tr(lang, *METHOD_TEXT[method])
    name = DEFAULT_THRESHOLDS.get(method)
    if name:
        text += " " + tr(lang, "Kategori: ", "Category: ") + scale_text(THRESHOLDS[name], lang) + "."
    return text


def efisiensi_remark(res, lang: str) -> str | None:
    """Keterangan of an efisiensi value: its category, or why there is none."""
    if res.kategori:
        return res.kategori
    return tr(lang, *PROBLEM_TEXT[res.problem]) if res.problem in PROBLEM_TEXT else None


def efisiensi_table(book: Book, lang: str, unit: str) -> AnnexTable:
    year = ylabel(book.year)
    method = book.settings.efisiensi_method
    budget = book.budget
    title = tr(lang, f"Efisiensi Penggunaan Sumber Daya Tahun {year}", f"Efficiency of resource use {year}")
    note = method_note(method, lang)
    if method == "sisa_persen":
        funded: set[str] = set()
        ind_by_prog: dict[str, list[str]] = {c: [str(r.get("indikator") or "") for _, r, _ in xs]
                                             for c, xs in program_indicators(book).items()}
        for r in book.rows(PK):  # without programme indicators: the PK indicators it funds
            for c in split_codes(r.get("kode_program")):
                if c not in ind_by_prog or c in funded:
                    funded.add(c)
                    ind_by_prog.setdefault(c, []).append(str(r.get("indikator") or ""))
        rows, flagged = [], []
        for p in budget.programs:
            res = book.ctx.wb.efisiensi(p)
            k, i = "realisasi", p.index
            remark = None
            if p.shown_realisasi is not None and p.shown_realisasi == 0:
                remark = tr(lang, "tanpa belanja: bukan efisiensi", "no spending: not efficiency")
                flagged.append(_program_name(book, p.code) or p.uraian)
            rows.append(Row([
                Cell(_program_name(book, p.code) or p.uraian, src=book.src(k, "uraian", i)),
                Cell("; ".join(ind_by_prog.get(p.code, [])) or None),
                Cell(p.shown_pagu, src=book.src(k, p.pagu_key, i) if p.pagu_key else None),
                Cell(p.shown_realisasi, src=book.src(k, "realisasi", i)),
                Cell(book.pct(p.shown_persen), src=book.src(k, "persen_realisasi", i)),
                Cell(p.shown_sisa, src=book.src(k, "sisa", i)),
                Cell(book.pct(res.value)),
                Cell(remark),
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
            [Head(tr(lang, "Program", "Programme"), rowspan=2), Head(tr(lang, "Indikator Kinerja", "Indicator"), rowspan=2),
             Head(tr(lang, "Anggaran", "Budget"), colspan=3),
             Head(tr(lang, "Tingkat Efisiensi", "Efficiency"), colspan=2),
             Head(tr(lang, "Keterangan", "Notes"), rowspan=2)],
            [Head(tr(lang, "Pagu (Rp)", "Budget (Rp)")), Head(tr(lang, "Realisasi (Rp)", "Spent (Rp)")),
             Head(tr(lang, "Serapan (%)", "Absorption (%)")), Head("Rp"), Head("%")],
        ], 8)
        num = ["(1)", "(2)", "(3)", "(4)", "(5) = (4)/(3)×100", "(6) = (3)−(4)", "(7) = (6)/(3)×100", "(8)"]
        foot = [note, tr(lang, "Pagu dan realisasi program = Σ kegiatannya; Jumlah = Σ program; ",
                         "A programme's amounts = Σ its activities; total = Σ programmes; ")
                + rounding_text(book, lang) + "."]
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
            remark = efisiensi_remark(res, lang)
            rows.append(Row([
                Cell(r.get("indikator"), src=book.src(PK, "indikator", i)),
                Cell(book.pct(cap), src=book.src(PK, "capaian", i)),
                Cell(", ".join(cs) or None, src=book.src(PK, "kode_program", i)),
                Cell(pagu), Cell(real), Cell(book.pct(percent(real, pagu))),
                value or Cell(None), Cell(remark),
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
    foot = [note, tr(lang, "Pagu dan realisasi = Σ program pendukung indikator. ",
                     "Budget and spending = Σ of the indicator's funding programmes. ") + capaian_note(book, lang)]
    return AnnexTable("efisiensi", tr(lang, *SHEET_EF), title, cols, head, rows, num, foot, subtitle=unit)
