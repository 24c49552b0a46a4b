"""Performance tables: 1 Perjanjian Kinerja, 2 Rencana Aksi, 3 Pengukuran Kinerja,
6 Pencapaian Kinerja dan Anggaran, 7 Efisiensi penggunaan sumber daya."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..calc.capaian import NAIK_FORMULA, TURUN_FORMULAS, composite_realisasi
from ..calc.efisiensi import DEFAULT_THRESHOLDS, METHODS, THRESHOLDS, efisiensi
from ..calc.scales import Scale
from ..calc.terbilang import terbilang_rupiah
from .budget_table import BUDGET_COLS
from .common import Book, add, fmt_num, money, number, places_of, rounding_text, split_codes, tr, ylabel
from .model import (
    CODE, MONEY, NUMBER, PERCENT, TEXT, AnnexTable, Cell, Column, Head, Row, header_grid,
    note_row, numbering,
)

SHEET_PK = ("Perjanjian Kinerja", "Performance Agreement")
SHEET_PK_PROGRAM = ("PK Program dan Anggaran", "PK Programmes")
SHEET_RA = ("Rencana Aksi", "Action Plan")
SHEET_RA_ANGGARAN = ("Rencana Aksi Anggaran", "Action Plan Budget")
SHEET_UKUR = ("Pengukuran Kinerja", "Performance Measurement")
SHEET_KA = ("Kinerja dan Anggaran", "Performance and Budget")
SHEET_EF = ("Efisiensi", "Efficiency")

PK = "pk_indikator"


@dataclass
class Indicator:
    index: int
    row: dict
    derived: dict


@dataclass
class Group:
    """A sasaran strategis and its indicators (the sheet leaves No/Sasaran blank below the first)."""

    no: str
    sasaran: str
    first: int  # row index of the row that typed the sasaran
    items: list[Indicator] = field(default_factory=list)


def groups(book: Book) -> list[Group]:
    rows = book.rows(PK)
    derived = book.ctx.derived(PK)
    out: list[Group] = []
    no, sasaran = "", ""
    for i, r in enumerate(rows):
        new_no = str(r.get("no") or "").strip()
        new_sasaran = str(r.get("sasaran") or "").strip()
        if (new_no and new_no != no) or (new_sasaran and new_sasaran != sasaran) or not out:
            no = new_no or (no if not new_sasaran else str(len(out) + 1))
            sasaran = new_sasaran or sasaran
            out.append(Group(no or str(len(out) + 1), sasaran, i))
        out[-1].items.append(Indicator(i, r, derived[i] if i < len(derived) else {}))
    return out


def _target_cell(book: Book, ind: Indicator, predikat: bool = True) -> Cell:
    t = ind.row.get("target")
    src = book.src(PK, "target", ind.index)
    pred = str(ind.row.get("target_predikat") or "").strip()
    if predikat and pred:
        return Cell(f"{pred} ({fmt_num(t)})" if number(t) is not None else pred, kind=TEXT, align="right", src=src)
    if isinstance(t, str):
        return Cell(t, kind=TEXT, align="right", src=src)
    return Cell(number(t), places=places_of(t), src=src)


def _num_cell(book: Book, key: str, col: str, i: int, value) -> Cell:
    if isinstance(value, str):
        return Cell(value, kind=TEXT, align="right", src=book.src(key, col, i))
    return Cell(number(value), places=places_of(value), src=book.src(key, col, i))


def _group_rows(book: Book, spans: list[tuple[Group, list[int]]], build) -> list[Row]:
    """Rows for groups: ``build(group, indicator, k, first_of_group)`` gives one row per
    sub-row k of an indicator; No and Sasaran span their group (and the caller spans the
    indicator cells over its sub-rows)."""
    rows = []
    for group, counts in spans:
        total = sum(counts)
        first = True
        for ind, n in zip(group.items, counts):
            for k in range(n):
                cells = build(group, ind, k, n)
                if first:
                    ok = group.first >= 0
                    cells[0] = Cell(group.no, rowspan=total, align="center",
                                    src=book.src(PK, "no", group.first) if ok else None)
                    cells[1] = Cell(group.sasaran, rowspan=total,
                                    src=book.src(PK, "sasaran", group.first) if ok else None)
                else:
                    cells[0] = cells[1] = None
                first = False
                rows.append(Row(cells, src_rows=[book.src_line(PK, ind.index, 2)] if k == 0 else []))
    return rows


def _span(cell: Cell, k: int, n: int) -> Cell | None:
    """An indicator cell spanning the indicator's n sub-rows (None below the first)."""
    if k:
        return None
    cell.rowspan = n
    return cell


# --------------------------------------------------------------------------- 1 Perjanjian Kinerja

def pk_tables(book: Book, lang: str, unit: str) -> list[AnnexTable]:
    year = ylabel(book.year)
    gs = groups(book)
    rows = _group_rows(book, [(g, [1] * len(g.items)) for g in gs], lambda g, ind, k, n: [
        None, None,
        Cell(ind.row.get("indikator"), src=book.src(PK, "indikator", ind.index)),
        Cell(ind.row.get("satuan"), align="center", src=book.src(PK, "satuan", ind.index)),
        _target_cell(book, ind),
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
    heads = [Head("No"), Head("Program")]
    keys = []
    if has_m:
        cols.append(Column("murni", MONEY, 20))
        heads.append(Head(tr(lang, "Anggaran Murni / APBD (Rp)", "Original budget / APBD (Rp)")))
        keys.append("pagu_murni")
    if has_p:
        cols.append(Column("perubahan", MONEY, 20))
        heads.append(Head(tr(lang, "Anggaran Perubahan / P-APBD (Rp)", "Revised budget / P-APBD (Rp)")))
        keys.append("pagu_perubahan")
    cols.append(Column("keterangan", TEXT, 18))
    heads.append(Head(tr(lang, "Keterangan", "Notes")))
    prows = []
    for i, r in enumerate(prog):
        cells = [Cell(str(i + 1), align="center", src=book.src("pk_program", "kode", i)),
                 Cell(r.get("program"), src=book.src("pk_program", "program", i))]
        cells += [Cell(money(r.get(k)), src=book.src("pk_program", k, i)) for k in keys]
        cells.append(Cell(r.get("keterangan"), src=book.src("pk_program", "keterangan", i)))
        prows.append(Row(cells, src_rows=[book.src_line("pk_program", i, 1)]))
    totals = {k: add(money(r.get(k)) for r in prog) for k in keys}
    prows.append(Row([Cell(None), Cell(tr(lang, "J U M L A H", "T O T A L"), bold=True, align="center")]
                     + [Cell(totals[k], bold=True) for k in keys] + [Cell(None)], total=True))
    foot = [tr(lang, "Jumlah = Σ anggaran program (dihitung lkjip-xl).",
               "Total = Σ programme budgets (computed by lkjip-xl).")]
    for k in keys:
        if totals[k] is not None:
            label = tr(lang, "murni", "original") if k == "pagu_murni" else tr(lang, "perubahan", "revised")
            foot.append(tr(lang, f"Terbilang ({label}): ", f"In words ({label}): ") + terbilang_rupiah(totals[k]) + ".")
    t2 = AnnexTable(
        "pk_program", tr(lang, *SHEET_PK_PROGRAM), tr(lang, f"Program dan Anggaran Perjanjian Kinerja Tahun {year}",
                                f"Programmes and budget of the performance agreement {year}"),
        cols, header_grid([heads], len(cols)), prows, numbering(len(cols)), foot, subtitle=unit)
    return [t1, t2]


# --------------------------------------------------------------------------- 2 Rencana Aksi

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
                      _num_cell(book, "ra_indikator", "target_tahunan", j, r.get("target_tahunan"))]
            cells += [_num_cell(book, "ra_indikator", f"target_tw{q}", j, r.get(f"target_tw{q}")) for q in range(1, 5)]
            cells += [_num_cell(book, "ra_indikator", f"realisasi_tw{q}", j, r.get(f"realisasi_tw{q}"))
                      for q in range(1, 5)]
            cells = cells[:2] + [_span(c, 0, n) for c in cells[2:]]
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
                          Cell(money(kr.get("pagu")) if kr.get("pagu") is not None else (line.pagu if line else None),
                               src=book.src("ra_kegiatan", "pagu", kj))]
            else:
                cells += [Cell(code), Cell(line.uraian if line else tr(lang, "(kode tidak dikenal)", "(unknown code)")),
                          Cell(line.pagu if line else None)]
        return cells

    rows = _group_rows(book, spans, build)
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
    rules = [f"{r.get('kode_indikator')}: {r.get('agregasi')}" for r in ra if r.get("agregasi")]
    foot = [tr(lang, "Aturan triwulan (kumulatif: TW dijumlahkan; akhir: TW IV = tahunan; rata-rata): ",
               "Quarter rule (kumulatif: quarters add up; akhir: Q4 = annual; rata-rata: mean): ")
            + ("; ".join(rules) if rules else "-") + ".",
            tr(lang, "Pagu dari sheet Rencana Aksi (pagu per kegiatan); bila tidak ada, dari sheet Realisasi.",
               "Budget from the action plan (per activity); if absent, from the Realisasi sheet.")]
    sheet = tr(lang, *SHEET_RA)
    out = [AnnexTable("rencana_aksi", sheet, tr(lang, f"Rencana Aksi Tahun {year}", f"Action plan {year}"),
                      cols, head, rows, numbering(16), foot, subtitle=unit, label_col=2)]
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


# --------------------------------------------------------------------------- 3 Pengukuran Kinerja

def scale_text(scale: Scale | None, lang: str) -> str:
    if scale is None:
        return tr(lang, "(skala tidak tersedia)", "(no scale)")
    parts = []
    for b in scale.bands:
        text = "x"
        if b.lower is not None:
            text = f"{fmt_num(b.lower)} {'≤' if b.lower_inclusive else '<'} x"
        if b.upper is not None:
            text += f" {'≤' if b.upper_inclusive else '<'} {fmt_num(b.upper)}"
        label = f"{b.code} {b.label}" if b.code else b.label
        parts.append(f"{label}: {text}")
    return "; ".join(parts)


def capaian_note(book: Book, lang: str) -> str:
    s = book.settings
    text = tr(lang, f"Capaian (%) = {NAIK_FORMULA} untuk indikator naik; untuk indikator turun: "
                    f"{TURUN_FORMULAS[s.turun_formula]} (Identitas: {s.rumus_turun})",
              f"Achievement (%) = actual / target × 100 for 'naik' indicators; 'turun': "
              f"{TURUN_FORMULAS[s.turun_formula]} (Identitas: {s.rumus_turun})")
    text += tr(lang, "; dibatasi 100 %" if s.cap_100 else "; tidak dibatasi 100 %",
               "; capped at 100 %" if s.cap_100 else "; not capped at 100 %")
    return text + "; " + rounding_text(book, lang) + "."


def _prev_indicator(prev: Book | None, code: str):
    if prev is None or not code:
        return None
    derived = prev.ctx.derived(PK)
    for i, r in enumerate(prev.rows(PK)):
        if str(r.get("kode_indikator") or "").strip() == code:
            return i, r, derived[i]
    return None


def pengukuran_table(book: Book, prev: Book | None, lang: str, unit: str) -> AnnexTable:
    year = ylabel(book.year)
    py = ylabel((prev.year if prev else None) or (book.year - 1 if book.year else None))
    gs = groups(book)
    scale = book.ctx.derive.rating_scale
    used_prev, used_col = [], []

    def build(g, ind, k, n):
        i, r, d = ind.index, ind.row, ind.derived
        code = str(r.get("kode_indikator") or "").strip()
        hit = _prev_indicator(prev, code)
        if hit and hit[1].get("realisasi") is not None:
            pi, pr, pd = hit
            r_lalu = _num_cell(prev, PK, "realisasi", pi, pr.get("realisasi"))
            c_lalu = Cell(prev.pct(pd.get("capaian")), src=prev.src(PK, "capaian", pi))
            used_prev.append(code)
        else:
            r_lalu = _num_cell(book, PK, "realisasi_lalu", i, r.get("realisasi_lalu"))
            c_lalu = Cell(None)
            if r.get("realisasi_lalu") is not None:
                used_col.append(code)
        return [None, None,
                Cell(r.get("indikator"), src=book.src(PK, "indikator", i)),
                Cell(r.get("satuan"), align="center", src=book.src(PK, "satuan", i)),
                _target_cell(book, ind, predikat=False),
                _num_cell(book, PK, "realisasi", i, r.get("realisasi")),
                Cell(book.pct(d.get("capaian")), src=book.src(PK, "capaian", i)),
                Cell(d.get("kriteria"), align="center", src=book.src(PK, "kriteria", i)),
                r_lalu, c_lalu,
                _num_cell(book, PK, "target_renstra", i, r.get("target_renstra")),
                Cell(book.pct(d.get("kemajuan")), src=book.src(PK, "kemajuan", i))]

    rows = _group_rows(book, [(g, [1] * len(g.items)) for g in gs], build)
    if not rows:
        rows.append(note_row(tr(lang, "(sheet PK belum diisi)", "(the PK sheet is empty)"), 12))
    cols = [Column("no", TEXT, 5), Column("sasaran", TEXT, 26), Column("indikator", TEXT, 34),
            Column("satuan", TEXT, 9), Column("target", NUMBER, 9), Column("realisasi", NUMBER, 10),
            Column("capaian", PERCENT, 10), Column("kriteria", TEXT, 13), Column("realisasi_lalu", NUMBER, 10),
            Column("capaian_lalu", PERCENT, 10), Column("target_renstra", NUMBER, 10), Column("kemajuan", PERCENT, 10)]
    head = header_grid([
        [Head("No", rowspan=2), Head(tr(lang, "Sasaran Strategis", "Strategic goal"), rowspan=2),
         Head(tr(lang, "Indikator Kinerja", "Indicator"), rowspan=2), Head(tr(lang, "Satuan", "Unit"), rowspan=2),
         Head(tr(lang, f"Tahun {year}", f"Year {year}"), colspan=4),
         Head(tr(lang, f"Tahun {py}", f"Year {py}"), colspan=2),
         Head(tr(lang, "Akhir Renstra", "End of strategic plan"), colspan=2)],
        [Head("Target"), Head(tr(lang, "Realisasi", "Actual")), Head(tr(lang, "Capaian (%)", "Achievement (%)")),
         Head(tr(lang, "Kriteria", "Rating")), Head(tr(lang, "Realisasi", "Actual")),
         Head(tr(lang, "Capaian (%)", "Achievement (%)")), Head(tr(lang, "Target Akhir Renstra", "Final target")),
         Head(tr(lang, "Tingkat Kemajuan (%)", "Progress (%)"))],
    ], 12)
    s = book.settings
    foot = [capaian_note(book, lang),
            tr(lang, f"Kriteria menurut skala {s.skala}: ", f"Rating on the {s.skala} scale: ")
            + scale_text(scale, lang) + ".",
            tr(lang, "Tingkat kemajuan = realisasi tahun ini / target akhir Renstra × 100.",
               "Progress = this year's actual / final strategic-plan target × 100.")]
    if prev is not None:
        foot.append(tr(lang, f"Realisasi dan capaian {py} dari buku kerja tahun lalu ({prev.model.path.name}), "
                             "dipasangkan menurut kode indikator.",
                       f"{py} actual and achievement from last year's workbook ({prev.model.path.name}), "
                       "matched by indicator code."))
    if used_col:
        foot.append(tr(lang, f"Realisasi {py} dari kolom Realisasi Tahun Lalu (sheet PK): capaian {py} tidak "
                             "dihitung karena target tahun lalu tidak ada (pakai --tahun-lalu).",
                       f"{py} actual from the PK sheet's last-year column: its achievement needs last year's "
                       "target (use --tahun-lalu)."))
    foot += composite_notes(book, lang)
    return AnnexTable("pengukuran", tr(lang, *SHEET_UKUR),
                      tr(lang, f"Pengukuran Kinerja Tahun {year}", f"Performance measurement {year}"),
                      cols, head, rows, numbering(12), foot, subtitle=unit)


def composite_notes(book: Book, lang: str) -> list[str]:
    comps: dict[str, list[dict]] = {}
    for r in book.rows("pk_komponen"):
        comps.setdefault(str(r.get("kode_indikator") or "").strip(), []).append(r)
    notes = []
    for code, parts in comps.items():
        value = composite_realisasi([(p.get("pembilang"), p.get("penyebut")) for p in parts])
        shown = ", ".join(f"{str(p.get('komponen') or '').split(':')[0]} = {fmt_num(p.get('pembilang'))}/"
                          f"{fmt_num(p.get('penyebut'))}" for p in parts)
        notes.append(tr(lang, f"{code} indikator komposit: realisasi = rata-rata komponen ({shown}) = ",
                        f"{code} composite indicator: actual = mean of the components ({shown}) = ")
                     + (fmt_num(book.pct(value), 2) if value is not None else "-") + ".")
    return notes


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
            Cell(line.pagu, src=book.src(k, line.pagu_key, i) if line.pagu_key else None),
            Cell(line.realisasi, src=book.src(k, "realisasi", i)),
            Cell(book.ratio(line.realisasi, line.pagu), src=book.src(k, "persen_realisasi", i))]


def kinerja_anggaran_table(book: Book, lang: str, unit: str) -> AnnexTable:
    year = ylabel(book.year)
    gs = groups(book)
    codes = {ind.index: split_codes(ind.row.get("kode_program")) for g in gs for ind in g.items}

    def build(g, ind, k, n):
        i, r, d = ind.index, ind.row, ind.derived
        head = [None, None,
                Cell(r.get("indikator"), src=book.src(PK, "indikator", i)),
                Cell(r.get("satuan"), align="center", src=book.src(PK, "satuan", i)),
                _target_cell(book, ind, predikat=False),
                _num_cell(book, PK, "realisasi", i, r.get("realisasi")),
                Cell(book.pct(d.get("capaian")), src=book.src(PK, "capaian", i))]
        head = head[:2] + [_span(c, k, n) for c in head[2:]]
        cs = codes[i]
        return head + _program_cells(book, cs[k] if k < len(cs) else None, lang)

    rows = _group_rows(book, [(g, [max(1, len(codes[ind.index])) for ind in g.items]) for g in gs], build)
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
    method = book.settings.metode_efisiensi
    if method not in METHODS:
        method = "sisa_persen"
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
            res = efisiensi(method, None, p.pagu, p.realisasi)
            k, i = "realisasi", p.index
            note = None
            if p.realisasi is not None and number(p.realisasi) == 0:
                note = tr(lang, "tanpa belanja: bukan efisiensi", "no spending: not efficiency")
                flagged.append(p.code)
            rows.append(Row([
                Cell(_program_name(book, p.code) or p.uraian, src=book.src(k, "uraian", i)),
                Cell("; ".join(ind_by_prog.get(p.code, [])) or None),
                Cell(p.pagu, src=book.src(k, p.pagu_key, i) if p.pagu_key else None),
                Cell(p.realisasi, src=book.src(k, "realisasi", i)),
                Cell(book.ratio(p.realisasi, p.pagu), src=book.src(k, "persen_realisasi", i)),
                Cell(p.sisa, src=book.src(k, "sisa", i)),
                Cell(book.pct(res.value)),
                Cell(note),
            ], src_rows=[book.src_line(k, i, 0, BUDGET_COLS)]))
        tp, trl = budget.total_pagu, budget.total_realisasi
        ts = None if tp is None or trl is None else money(number(tp) - number(trl))
        tres = efisiensi(method, None, tp, trl) if tp is not None and trl is not None else None
        rows.append(Row([Cell(tr(lang, "J U M L A H", "T O T A L"), bold=True, align="center"), Cell(None),
                         Cell(tp, bold=True), Cell(trl, bold=True), Cell(book.ratio(trl, tp), bold=True),
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
            pagu = add(x.pagu for x in lines) if lines else None
            real = add(x.realisasi for x in lines) if lines else None
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
                Cell(pagu), Cell(real), Cell(book.ratio(real, pagu)),
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
