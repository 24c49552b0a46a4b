"""Performance tables 1 Perjanjian Kinerja (+ programme budget) and 2 Rencana Aksi (+ budget
per activity per quarter)."""
from __future__ import annotations

from ..calc.budget import add_complete, pagu_efektif
from ..calc.terbilang import terbilang_rupiah
from ..derive.budget import money
from .common import Book, funds_of, split_codes, total_left_out, tr, ylabel
from .indicator_rows import PK, Group, Indicator, group_rows, groups, num_cell, span, target_cell
from .model import (
    CODE, MONEY, NUMBER, TEXT, AnnexTable, Cell, Column, Head, Row, header_grid, note_row, numbering,
)
from .signature import agreement_signature, pk_date

SHEET_PK = ("Perjanjian Kinerja", "Performance Agreement")
SHEET_PK_PROGRAM = ("PK Program dan Anggaran", "PK Programmes")
SHEET_RA = ("Rencana Aksi", "Action Plan")
SHEET_RA_ANGGARAN = ("Rencana Aksi Anggaran", "Action Plan Budget")


# --------------------------------------------------------------------------- 1 Perjanjian Kinerja

def pk_tables(book: Book, lang: str, unit: str) -> list[AnnexTable]:
    year = ylabel(book.year)
    gs = groups(book)
    rows = group_rows(book, [(g, [1] * len(g.items)) for g in gs], lambda g, ind, k, n: [
        None, None,
        Cell(ind.row.get("indikator"), src=book.src(PK, "indikator", ind.index)),
        Cell(ind.row.get("satuan"), align="center", src=book.src(PK, "satuan", ind.index)),
        target_cell(book, ind, lang=lang),
    ])
    if not rows:
        rows.append(note_row(tr(lang, "(sheet PK belum diisi)", "(the PK sheet is empty)"), 5))
    sheet = tr(lang, *SHEET_PK)
    t1 = AnnexTable(
        "pk", sheet, tr(lang, f"Perjanjian Kinerja Tahun {year}", f"Performance agreement {year}"),
        [Column("no", TEXT, 5), Column("sasaran", TEXT, 34), Column("indikator", TEXT, 44),
         Column("satuan", TEXT, 10), Column("target", NUMBER, 12)],
        header_grid([[Head("No"), Head(tr(lang, "Sasaran Strategis", "Strategic goal")),
                      Head(tr(lang, "Indikator Kinerja", "Performance indicator")),
                      Head(tr(lang, "Satuan", "Unit")), Head("Target")]], 5),
        rows, numbering(5), [], subtitle=unit)
    # programme budget
    prog = book.rows("pk_program")
    has_m = any(r.get("pagu_murni") is not None for r in prog)
    has_p = any(r.get("pagu_perubahan") is not None for r in prog)
    if not (has_m or has_p):
        has_m = True
    cols = [Column("no", TEXT, 5), Column("program", TEXT, 56)]
    heads = [Head("No"), Head(tr(lang, "Program", "Programme"))]
    keys = []
    if has_m:
        cols.append(Column("murni", MONEY, 20))
        heads.append(Head(tr(lang, "Anggaran Murni / APBD (Rp)", "Original budget / APBD (Rp)")))
        keys.append("pagu_murni")
    if has_p:
        cols.append(Column("perubahan", MONEY, 20))
        heads.append(Head(tr(lang, "Anggaran Perubahan / P-APBD (Rp)", "Revised budget / P-APBD (Rp)")))
        keys.append("pagu_perubahan")
    funds = funds_of(book)
    codes = [next(iter(split_codes(r.get("kode"))), None) for r in prog]
    has_dana = any(c in funds for c in codes)
    if has_dana:  # Medang Kampai Tabel 1.8: the source of funds per programme
        cols.append(Column("sumber_dana", TEXT, 12))
        heads.append(Head(tr(lang, "Sumber Dana", "Source of funds")))
    cols.append(Column("keterangan", TEXT, 18))
    heads.append(Head(tr(lang, "Keterangan", "Notes")))
    def amount(r: dict, k: str):
        """A programme's pagu in column ``k``: a blank perubahan beside a murni is the murni (the
        programme did not change), as the PK Perubahan document prints it."""
        return money(pagu_efektif(r.get("pagu_murni"), r.get("pagu_perubahan")) if k == "pagu_perubahan"
                     else r.get(k))

    prows = []
    for i, r in enumerate(prog):
        cells = [Cell(str(i + 1), align="center", src=book.src("pk_program", "kode", i)),
                 Cell(r.get("program"), src=book.src("pk_program", "program", i))]
        cells += [Cell(amount(r, k), src=book.src("pk_program", k, i)) for k in keys]
        if has_dana:
            cells.append(funds.get(codes[i]) or Cell(None))
        cells.append(Cell(r.get("keterangan"), src=book.src("pk_program", "keterangan", i)))
        prows.append(Row(cells, src_rows=[book.src_line("pk_program", i, 1)]))
    totals = {k: add_complete(amount(r, k) for r in prog) for k in keys}
    prows.append(Row([Cell(None), Cell(tr(lang, "J U M L A H", "T O T A L"), bold=True, align="center")]
                     + [Cell(totals[k], bold=True) for k in keys] + [Cell(None)] * (1 + has_dana), total=True))
    foot = [tr(lang, "Jumlah = Σ anggaran program.", "Total = Σ programme budgets.")]
    unchanged = [f"program {r.get('kode') or i + 1}" for i, r in enumerate(prog) if "pagu_perubahan" in keys
                 and money(r.get("pagu_perubahan")) is None and money(r.get("pagu_murni")) is not None]
    if unchanged:
        foot.append(tr(lang, "Anggaran perubahan yang kosong (program tidak berubah) dicetak sama dengan anggaran "
                             "murninya: ", "A blank revised budget (the programme did not change) is printed as its "
                             "original budget: ") + ", ".join(unchanged) + ".")
    for k in keys:
        label = tr(lang, "murni", "original") if k == "pagu_murni" else tr(lang, "perubahan", "revised")
        if totals[k] is not None:
            foot.append(tr(lang, f"Terbilang ({label}): ", f"In words ({label}): ") + terbilang_rupiah(totals[k]) + ".")
        else:
            missing = [f"program {r.get('kode') or i + 1}" for i, r in enumerate(prog) if amount(r, k) is None]
            foot.append(total_left_out(tr(lang, f"anggaran {label}", f"{label} budget"), missing, lang))
    if not prog:  # nothing to add up: no total, no terbilang, no note on missing amounts
        prows = [note_row(tr(lang, "(sheet PK Program belum diisi)", "(the PK Program sheet is empty)"), len(cols))]
        foot = []
    t2 = AnnexTable(
        "pk_program", tr(lang, *SHEET_PK_PROGRAM), tr(lang, f"Program dan Anggaran Perjanjian Kinerja Tahun {year}",
                                f"Programmes and budget of the performance agreement {year}"),
        cols, header_grid([heads], len(cols)), prows, numbering(len(cols)), foot, subtitle=unit)
    # under the PK's targets, the PK's own date (January of its year, as the Medang Kampai LKjIP 2023
    # prints its PK beside revised budgets), not the report's
    t1.signature = agreement_signature(book, lang, pk_date(year, lang))
    return [t1, t2]


# --------------------------------------------------------------------------- 2 Rencana Aksi

RULE_TEXT = {"kumulatif": ("nilai triwulan dijumlahkan menjadi nilai tahunan", "quarters add up to the year"),
             "akhir": ("nilai TW IV adalah nilai tahunan", "the Q4 value is the annual value"),
             "rata-rata": ("rata-rata triwulan adalah nilai tahunan", "the mean of the quarters is the annual value")}


def quarter_note(ra: list[dict], by_code: dict, lang: str) -> str:
    """How the quarters of each indicator make its annual value, by indicator name."""
    used: dict[str, list[str]] = {}
    for r in ra:
        rule = r.get("agregasi")
        if rule in RULE_TEXT:
            code = str(r.get("kode_indikator") or "").strip()
            used.setdefault(rule, []).append(by_code.get(code, (None, {}))[1].get("indikator") or r.get("indikator")
                                             or code)
    if len(used) == 1:
        rule = next(iter(used))
        return tr(lang, "Triwulan: ", "Quarters: ") + tr(lang, *RULE_TEXT[rule]) + "."
    return tr(lang, "Triwulan: ", "Quarters: ") + "; ".join(
        f"{tr(lang, *RULE_TEXT[rule])} ({', '.join(names)})" for rule, names in used.items()) + "."


def ra_tables(book: Book, lang: str, unit: str) -> list[AnnexTable]:
    year = ylabel(book.year)
    pk_rows = book.rows(PK)
    by_code = {str(r.get("kode_indikator") or "").strip(): (i, r) for i, r in enumerate(pk_rows)}
    group_of = {}
    for g in groups(book):
        for ind in g.items:
            group_of[ind.index] = g
    ra = book.rows("ra_indikator")
    keg = book.rows("ra_kegiatan")
    keg_by = {}
    for j, r in enumerate(keg):
        for c in split_codes(r.get("kode")):
            keg_by.setdefault(c, (j, r))
    budget = book.budget
    tw = ("I", "II", "III", "IV")
    # group RA rows by their PK sasaran
    spans: list[tuple[Group, list[int]]] = []
    items: dict[int, tuple[int, dict, list[str]]] = {}
    current = object()
    for j, r in enumerate(ra):
        code = str(r.get("kode_indikator") or "").strip()
        pk_i, pk_r = by_code.get(code, (None, {}))
        g = group_of.get(pk_i) if pk_i is not None else None
        if g is None or g is not current:
            current = g
            spans.append((Group(g.no, g.sasaran, g.first) if g else Group("", "", -1), []))
        codes = split_codes(r.get("kode_kegiatan"))
        spans[-1][0].items.append(Indicator(j, {**pk_r, **{k: v for k, v in r.items() if v is not None}}, {}))
        spans[-1][1].append(max(1, len(codes)))
        items[j] = (pk_i, pk_r, codes)

    def build(g, ind, k, n):
        j = ind.index
        pk_i, pk_r, codes = items[j]
        r = ra[j]
        cells: list = [None, None]
        if k == 0:
            name = pk_r.get("indikator") or r.get("indikator")
            name_src = book.src(PK, "indikator", pk_i) if pk_r else book.src("ra_indikator", "indikator", j)
            cells += [Cell(name, src=name_src),
                      Cell(pk_r.get("satuan"), align="center"),
                      num_cell(book, "ra_indikator", "target_tahunan", j, r.get("target_tahunan"))]
            cells += [num_cell(book, "ra_indikator", f"target_tw{q}", j, r.get(f"target_tw{q}")) for q in range(1, 5)]
            cells += [num_cell(book, "ra_indikator", f"realisasi_tw{q}", j, r.get(f"realisasi_tw{q}"))
                      for q in range(1, 5)]
            cells = cells[:2] + [span(c, 0, n) for c in cells[2:]]
        else:
            cells += [None] * 11
        code = codes[k] if k < len(codes) else None
        if code is None:
            cells += [Cell(None), Cell(None), Cell(None)]
        else:
            hit = keg_by.get(code)
            line = budget.find(code)
            if hit:
                kj, kr = hit
                name = kr.get("uraian") or (line.uraian if line else None)
                cells += [Cell(code, src=book.src("ra_kegiatan", "kode", kj)), Cell(name),
                          Cell(money(kr.get("pagu")) if kr.get("pagu") is not None else (line.shown_pagu if line else None),
                               src=book.src("ra_kegiatan", "pagu", kj))]
            else:
                cells += [Cell(code), Cell(line.uraian if line else None),  # an unknown code: check says so
                          Cell(line.shown_pagu if line else None)]
        return cells

    rows = group_rows(book, spans, build)
    if not rows:
        rows.append(note_row(tr(lang, "(sheet Rencana Aksi belum diisi)", "(the Rencana Aksi sheet is empty)"), 16))
    cols = [Column("no", TEXT, 5), Column("sasaran", TEXT, 24), Column("indikator", TEXT, 30),
            Column("satuan", TEXT, 9), Column("target", NUMBER, 9)]
    cols += [Column(f"target_tw{q}", NUMBER, 7) for q in range(1, 5)]
    cols += [Column(f"realisasi_tw{q}", NUMBER, 8) for q in range(1, 5)]
    cols += [Column("kode", CODE, 9), Column("kegiatan", TEXT, 30), Column("pagu", MONEY, 16)]
    head = header_grid([
        [Head("No", rowspan=2), Head(tr(lang, "Sasaran Strategis", "Strategic goal"), rowspan=2),
         Head(tr(lang, "Indikator Kinerja", "Indicator"), rowspan=2), Head(tr(lang, "Satuan", "Unit"), rowspan=2),
         Head(tr(lang, "Target Tahunan", "Annual target"), rowspan=2),
         Head(tr(lang, "Target Triwulan", "Quarterly target"), colspan=4),
         Head(tr(lang, "Realisasi Triwulan", "Quarterly actual"), colspan=4),
         Head(tr(lang, "Program / Kegiatan Pendukung", "Supporting programme / activity"), colspan=3)],
        [*(Head(f"TW {q}") for q in tw), *(Head(f"TW {q}") for q in tw),
         Head(tr(lang, "Kode", "Code")), Head(tr(lang, "Program / Kegiatan", "Programme / activity")),
         Head(tr(lang, "Pagu (Rp)", "Budget (Rp)"))],
    ], 16)
    foot = [quarter_note(ra, by_code, lang)]
    notes = [tr(lang, "Pagu dari sheet RA Kegiatan; kegiatan yang tidak ada di sana atau tanpa pagu, dari sheet "
                "Realisasi.", "Budget from the RA Kegiatan sheet; an activity absent there or without a budget, "
                "from the Realisasi sheet.") if keg else
             tr(lang, "Pagu dari sheet Realisasi (sheet RA Kegiatan kosong).",
                "Budget from the Realisasi sheet (the RA Kegiatan sheet is empty).")]
    sheet = tr(lang, *SHEET_RA)
    out = [AnnexTable("rencana_aksi", sheet, tr(lang, f"Rencana Aksi Tahun {year}", f"Action plan {year}"),
                      cols, head, rows, numbering(16), foot, subtitle=unit, label_col=2, notes=notes)]
    if keg:
        krows = []
        for j, r in enumerate(keg):
            k = "ra_kegiatan"
            krows.append(Row([Cell(r.get("kode"), src=book.src(k, "kode", j)),
                              Cell(r.get("uraian"), src=book.src(k, "uraian", j)),
                              Cell(money(r.get("pagu")), src=book.src(k, "pagu", j))]
                             + [Cell(money(r.get(f"pagu_tw{q}")), src=book.src(k, f"pagu_tw{q}", j)) for q in range(1, 5)]
                             + [Cell(money(r.get(f"realisasi_tw{q}")), src=book.src(k, f"realisasi_tw{q}", j))
                                for q in range(1, 5)],
                             src_rows=[book.src_line(k, j, 1)]))
        kcols = [Column("kode", CODE, 9), Column("uraian", TEXT, 36), Column("pagu", MONEY, 16)]
        kcols += [Column(f"pagu_tw{q}", MONEY, 14) for q in range(1, 5)]
        kcols += [Column(f"realisasi_tw{q}", MONEY, 14) for q in range(1, 5)]
        khead = header_grid([
            [Head(tr(lang, "Kode", "Code"), rowspan=2),
             Head(tr(lang, "Program / Kegiatan", "Programme / activity"), rowspan=2),
             Head(tr(lang, "Pagu (Rp)", "Budget (Rp)"), rowspan=2),
             Head(tr(lang, "Rencana Pagu Triwulan (Rp)", "Quarterly budget plan (Rp)"), colspan=4),
             Head(tr(lang, "Realisasi Triwulan (Rp)", "Quarterly spending (Rp)"), colspan=4)],
            [*(Head(f"TW {q}") for q in tw), *(Head(f"TW {q}") for q in tw)],
        ], 11)
        out.append(AnnexTable("rencana_aksi_anggaran", tr(lang, *SHEET_RA_ANGGARAN),
                              tr(lang, f"Rencana Aksi: Anggaran per Kegiatan per Triwulan Tahun {year}",
                                 f"Action plan: quarterly budget per activity {year}"),
                              kcols, khead, krows, numbering(11), [], subtitle=unit))
    return out
