"""Budget tables: 4 Realisasi anggaran (one or two years), 5 Ikhtisar per jenis belanja,
9 Capaian keluaran per sub kegiatan."""
from __future__ import annotations

import difflib
from decimal import Decimal

from ..calc.budget import add_amounts
from ..calc.decimals import percent, to_decimal
from ..derive import BudgetLine, BudgetTree
from ..derive.budget import difference, money
from ..findings import show_value
from ..schema import belanja
from ..schema.workbook import BELANJA_ROWS
from .common import Book, pagu_note, places_of, rounding_text, total_left_out, tr, ylabel
from .model import (
    CODE, MONEY, NUMBER, PERCENT, TEXT, AnnexTable, Cell, Column, Head, Row, header_grid, note_row,
    numbering,
)

BUDGET_COLS = ("kode", "level", "uraian", "pagu_murni", "pagu_perubahan", "realisasi", "persen_realisasi", "sisa")
OUTPUT_COLS = ("kode", "level", "uraian", "indikator_keluaran", "satuan_keluaran", "target_keluaran",
               "realisasi_keluaran", "persen_keluaran")
SHEET_BUDGET = ("Realisasi Anggaran", "Budget Realisation")
SHEET_BELANJA = ("Ikhtisar Belanja", "Spending by Class")
SHEET_KELUARAN = ("Capaian Keluaran", "Output Achievement")


def _sheet(pair, lang):
    return tr(lang, *pair)


def merge_keys(cur: list, prev: list) -> list:
    """Union of two ordered key lists: ``cur`` order, each key found only in ``prev`` placed
    right after the key that precedes it in ``prev``."""
    out = list(cur)
    present = set(cur)
    last = None
    for key in prev:
        if key in present:
            last = key
            continue
        pos = out.index(last) + 1 if last is not None else 0
        # past the rows nested deeper than the new one (children of the row it follows)
        while last is not None and pos < len(out) and _depth(out[pos]) > _depth(key):
            pos += 1
        out.insert(pos, key)
        present.add(key)
        last = key
    return out


def _depth(key) -> int:
    return len(str(key[0]).split("."))


def _budget_cells(book: Book, line: BudgetLine | None) -> list[Cell]:
    """Kode, Uraian, Anggaran, Realisasi, Capaian, Sisa of one line (blank cells when absent)."""
    if line is None:
        return [Cell(None) for _ in range(6)]
    i, k = line.index, "realisasi"
    bold = line.depth < 2 and bool(line.children)
    pct = book.pct(line.shown_persen)
    return [
        Cell(line.printed_code, src=book.src(k, "kode", i), bold=bold),
        Cell(line.uraian, src=book.src(k, "uraian", i), bold=bold),
        Cell(line.shown_pagu, src=book.src(k, line.pagu_key, i) if line.pagu_key else None, bold=bold),
        Cell(line.shown_realisasi, src=book.src(k, "realisasi", i), bold=bold),
        Cell(pct, src=book.src(k, "persen_realisasi", i), bold=bold),
        Cell(line.shown_sisa, src=book.src(k, "sisa", i), bold=bold),
    ]


def _total_cells(book: Book, budget: BudgetTree, lang: str) -> list[Cell]:
    p, r = budget.total_pagu, budget.total_realisasi
    return [Cell(None), Cell("T O T A L", bold=True, align="center"), Cell(p, bold=True),
            Cell(r, bold=True), Cell(book.pct(percent(r, p)), bold=True), Cell(difference(p, r), bold=True)]


def _totals_left_out(budget: BudgetTree, prefix: str, lang: str) -> list[str]:
    out = []
    for name, what in (("pagu", tr(lang, "anggaran", "budget")), ("realisasi", tr(lang, "realisasi", "spending"))):
        missing = budget.without(name)
        if missing and len(missing) < len(budget.programs):
            out.append(prefix + total_left_out(what, [f"program {c}" for c in missing], lang))
    return out


def _typed_parents(budget: BudgetTree, prefix: str, lang: str) -> list[str]:
    """The note for parents printed as typed, not as Σ of their rows, because a row below them
    lacks its anggaran or realisasi (the footnote above says kegiatan = Σ sub kegiatan)."""
    parents = [line.code for line in budget.lines if line.children and not line.rolled]
    if not parents:
        return []
    gaps = [line.code for line in budget.leaves if line.shown_pagu is None or line.shown_realisasi is None]
    shown, rows = ", ".join(parents[:8]) + (" …" if len(parents) > 8 else ""), ", ".join(gaps[:8])
    return [prefix + tr(lang, f"{shown}: angka yang tertulis, bukan Σ rinciannya ({rows} tanpa anggaran atau "
                              "realisasi).",
                        f"{shown}: the amounts as written, not the Σ of their rows ({rows} without budget or "
                        "spending).")]


def _subtotal_lines(book: Book, prefix: str, lang: str) -> list[str]:
    """The note for the subtotal lines pasted among the rows ("Jumlah Kegiatan 01.01", as the
    finance office's export closes each kegiatan): read as their kegiatan's or programme's total,
    not printed; that line's own row prints its amounts."""
    table = book.table("realisasi")
    lines = sorted(book.budget.subtotals.items())
    if not lines or table is None:
        return []
    labels = [(str(table.row(t).get("uraian") or "").strip() or "JUMLAH", line.code) for t, line in lines]
    said = ", ".join(label if code in label else f"{label} ({code})" for label, code in labels)
    return [prefix + tr(lang, f"Baris jumlah di antara rinciannya tidak dicetak: {said}; jumlah kegiatan atau program "
                              "itu tercetak pada barisnya sendiri.",
                        f"Subtotal lines among the rows are not printed: {said}; that activity's or programme's "
                        "amounts are printed on its own row.")]


def _cols(year_label: str, lang: str) -> list[Column]:
    return [Column("kode", CODE, 11), Column("uraian", TEXT, 44), Column("anggaran", MONEY, 17),
            Column("realisasi", MONEY, 17), Column("persen", PERCENT, 9), Column("sisa", MONEY, 16)]


def _names(year, lang) -> list[str]:
    y = f" {year}" if year else ""
    return [tr(lang, "Kode", "Code"), tr(lang, "Uraian", "Description"),
            tr(lang, f"Anggaran{y} (Rp)", f"Budget{y} (Rp)"), tr(lang, f"Realisasi{y} (Rp)", f"Spent{y} (Rp)"),
            tr(lang, "Capaian (%)", "Spent (%)"), tr(lang, "Sisa (Rp)", "Balance (Rp)")]


def budget_table(cur: Book, prev: Book | None, lang: str, unit: str) -> AnnexTable:
    """Tabel realisasi anggaran program > kegiatan > sub kegiatan, with TOTAL = Σ programs."""
    year = ylabel(cur.year)
    bc = cur.budget
    rounding = rounding_text(cur, lang)
    foot = [
        tr(lang, "Capaian (%) = realisasi / anggaran × 100; Sisa = anggaran − realisasi; ",
           "Spent (%) = spent / budget × 100; Balance = budget − spent; ") + rounding + ".",
        tr(lang, "Kegiatan = Σ sub kegiatannya, program = Σ kegiatannya, TOTAL = Σ program.",
           "Activity = Σ its sub-activities, programme = Σ its activities, TOTAL = Σ programmes."),
    ]
    notes = [tr(lang, "Jumlah kegiatan, program dan TOTAL dihitung dari baris rincian, bukan dari baris jumlah "
                      "yang diketik di sheet Realisasi.",
                "Activity, programme and TOTAL amounts are summed from the detail rows, not taken from typed "
                "total rows.")]
    if prev is None:
        columns = _cols("", lang)
        rows = []
        for line in bc.lines:
            rows.append(Row(_budget_cells(cur, line), level=line.depth,
                            bold=line.depth < 2 and bool(line.children),
                            src_rows=[cur.src_line("realisasi", line.index, 1, BUDGET_COLS)]))
        if not bc.lines:
            rows.append(note_row(tr(lang, "(sheet Realisasi belum diisi)", "(the Realisasi sheet is empty)"), 6))
        rows.append(Row(_total_cells(cur, bc, lang), total=True))
        foot.insert(0, pagu_note([("", bc)], lang))
        foot += _totals_left_out(bc, "", lang) + _typed_parents(bc, "", lang) + _subtotal_lines(cur, "", lang)
        header = header_grid([[Head(t) for t in _names(year, lang)]], 6)
        return AnnexTable("realisasi_anggaran", _sheet(SHEET_BUDGET, lang),
                          tr(lang, f"Tabel Realisasi Anggaran Program, Kegiatan dan Sub Kegiatan Tahun {year}",
                             f"Budget realisation per programme, activity and sub-activity, {year}"),
                          columns, header, rows, numbering(6), foot, subtitle=unit, label_col=1, notes=notes)
    bp = prev.budget
    py = ylabel(prev.year or (cur.year - 1 if cur.year else None))
    by_cur = {line.key: line for line in bc.lines}
    by_prev = {line.key: line for line in bp.lines}
    keys = merge_keys([line.key for line in bc.lines], [line.key for line in bp.lines])
    rows = []
    renamed = []
    for key in keys:
        lp, lc = by_prev.get(key), by_cur.get(key)
        ref = lc or lp
        cells = _budget_cells(prev, lp) + _budget_cells(cur, lc)
        src_rows = []
        if lp:
            src_rows.append(prev.src_line("realisasi", lp.index, 1, BUDGET_COLS))
        if lc:
            src_rows.append(cur.src_line("realisasi", lc.index, 7, BUDGET_COLS))
        rows.append(Row(cells, level=ref.depth, bold=ref.depth < 2 and bool(ref.children), src_rows=src_rows))
        if lp and lc and _different(lp.uraian, lc.uraian):
            renamed.append(key[0])
    rows.append(Row(_total_cells(prev, bp, lang) + _total_cells(cur, bc, lang), total=True))
    columns = _cols(py, lang) + _cols(year, lang)
    for c in columns[6:]:
        c.key += "_2"
    header = header_grid([
        [Head(tr(lang, f"Tahun {py}", f"Year {py}"), colspan=6),
         Head(tr(lang, f"Tahun {year}", f"Year {year}"), colspan=6)],
        [Head(t) for t in _names(py, lang) + _names(year, lang)],
    ], 12)
    foot.insert(0, pagu_note([(str(py), bp), (str(year), bc)], lang))
    foot += _totals_left_out(bp, f"{py}: ", lang) + _totals_left_out(bc, f"{year}: ", lang)
    foot += _typed_parents(bp, f"{py}: ", lang) + _typed_parents(bc, f"{year}: ", lang)
    foot += _subtotal_lines(prev, f"{py}: ", lang) + _subtotal_lines(cur, f"{year}: ", lang)
    notes.append(tr(lang, "Baris kedua tahun dipasangkan menurut kode; baris yang hanya ada di satu tahun "
                          "dibiarkan kosong di tahun lainnya.",
                    "Rows of the two years are matched by code; a row that exists in one year only is "
                    "blank in the other."))
    if renamed:
        notes.append(tr(lang, "Kode dengan uraian berbeda antar tahun (periksa penomoran): ",
                       "Codes whose description differs between the years (check the numbering): ")
                    + ", ".join(dict.fromkeys(renamed)) + ".")
    return AnnexTable("realisasi_anggaran", _sheet(SHEET_BUDGET, lang),
                      tr(lang, f"Tabel Realisasi Anggaran Kegiatan TA. {py} dan {year}",
                         f"Budget realisation, {py} and {year}"),
                      columns, header, rows, numbering(12), foot, subtitle=unit, label_col=1, label_cols=(7,),
                      notes=notes)


def _different(a: str, b: str) -> bool:
    a, b = " ".join(a.lower().split()), " ".join(b.lower().split())
    return difflib.SequenceMatcher(None, a, b).ratio() < 0.6


# --------------------------------------------------------------------------- Ikhtisar belanja

_OPERASI = ("Belanja Pegawai", "Belanja Barang dan Jasa")
_MODAL = tuple(r for r in BELANJA_ROWS if r.startswith("Belanja Modal "))


def belanja_amounts(book: Book) -> tuple[dict, str, dict]:
    """Per class: (anggaran, realisasi); the source used ("belanja", "realisasi" or ""), and the
    source cells {class: (row index in the belanja table)}."""
    rows = book.rows("belanja")
    leaves = _OPERASI + _MODAL
    by_name = {belanja.key(r.get("uraian")): (i, r) for i, r in enumerate(rows)}
    out, cells = {}, {}
    for name in leaves + ("Belanja Operasi", "Belanja Modal", "Jumlah Belanja Daerah"):
        hit = by_name.get(belanja.key(name))
        if hit:
            i, r = hit
            out[name] = (money(r.get("anggaran")), money(r.get("realisasi")))
            cells[name] = i
    if any(v != (None, None) for k, v in out.items() if k in leaves):
        return out, "belanja", cells
    # the Belanja sheet is empty: sum the sub kegiatan by their jenis belanja
    budget = book.budget
    sums: dict[str, list] = {}
    for line in budget.lines:
        if line.children:
            continue
        cls = book.rows("realisasi")[line.index].get("jenis_belanja")
        if cls:
            match = next((n for n in leaves if belanja.key(n) == belanja.key(cls)), None)
            if match:
                sums.setdefault(match, []).append(line)
    if sums:
        return ({n: (add_amounts(x.pagu for x in ls), add_amounts(x.amounts.get("realisasi") for x in ls)) for n, ls in sums.items()},
                "realisasi", {})
    return {}, "", {}


def _ikhtisar_values(book: Book) -> tuple[dict, str, dict]:
    amounts, source, cells = belanja_amounts(book)

    def parent(name, kids):
        present = [amounts.get(k) for k in kids if amounts.get(k) not in (None, (None, None))]
        if present:
            return (add_amounts(a for a, _ in present), add_amounts(r for _, r in present)), True
        return amounts.get(name, (None, None)), False

    values = dict(amounts)
    values["Belanja Operasi"], rolled_o = parent("Belanja Operasi", _OPERASI)
    values["Belanja Modal"], rolled_m = parent("Belanja Modal", _MODAL)
    o, m = values["Belanja Operasi"], values["Belanja Modal"]
    if any(v is not None for v in o + m):
        values["Jumlah Belanja Daerah"] = (add_amounts([o[0], m[0]]), add_amounts([o[1], m[1]]))
    else:
        values["Jumlah Belanja Daerah"] = amounts.get("Jumlah Belanja Daerah", (None, None))
    return values, source, cells


def _ik_cells(book: Book, values: dict, name: str, cells: dict, bold: bool) -> list[Cell]:
    a, r = values.get(name, (None, None))
    diff = None if a is None or r is None else money(to_decimal(a) - to_decimal(r))
    i = cells.get(name)
    src = (lambda col: book.src("belanja", col, i)) if i is not None else (lambda col: None)
    return [Cell(a, src=src("anggaran"), bold=bold), Cell(r, src=src("realisasi"), bold=bold),
            Cell(diff, bold=bold), Cell(book.pct(percent(r, a)), bold=bold)]


def ikhtisar_table(cur: Book, prev: Book | None, lang: str, unit: str) -> AnnexTable:
    books = [b for b in (prev, cur) if b is not None]
    computed = [(b, *_ikhtisar_values(b)) for b in books]
    kinds = [k for k in _MODAL if any(v.get(k, (None, None)) not in ((None, None), (0, 0)) for _, v, _, _ in computed)]
    order = [("Belanja Operasi", 0, True), *((k, 1, False) for k in _OPERASI),
             ("Belanja Modal", 0, True), *((k, 1, False) for k in kinds), ("Jumlah Belanja Daerah", 0, True)]
    labels = {"Belanja Operasi": tr(lang, "BELANJA OPERASI", "OPERATING EXPENDITURE"),
              "Belanja Modal": tr(lang, "BELANJA MODAL", "CAPITAL EXPENDITURE"),
              "Jumlah Belanja Daerah": tr(lang, "JUMLAH BELANJA DAERAH", "TOTAL EXPENDITURE")}
    rows = []
    for name, level, bold in order:
        cells = [Cell(labels.get(name, name), bold=bold)]
        for b, values, _, src in computed:
            cells += _ik_cells(b, values, name, src, bold)
        rows.append(Row(cells, level=level, bold=bold, total=name == "Jumlah Belanja Daerah"))
    n = 1 + 4 * len(books)
    columns = [Column("uraian", TEXT, 40)]
    heads1, heads2 = [Head(tr(lang, "Uraian", "Class"), rowspan=2)], []
    for b in books:
        y = ylabel(b.year)
        columns += [Column(f"anggaran_{y}", MONEY, 17), Column(f"realisasi_{y}", MONEY, 17),
                    Column(f"selisih_{y}", MONEY, 16, signed=True), Column(f"persen_{y}", PERCENT, 9)]
        heads1.append(Head(tr(lang, f"Tahun {y}", f"Year {y}"), colspan=4))
        heads2 += [Head(tr(lang, f"Anggaran {y} (Rp)", f"Budget {y} (Rp)")),
                   Head(tr(lang, f"Realisasi {y} (Rp)", f"Spent {y} (Rp)")),
                   Head(tr(lang, "Lebih/(Kurang) (Rp)", "Under/(over) (Rp)")), Head("%")]
    foot = [tr(lang, "Lebih/(Kurang) = anggaran − realisasi; % = realisasi / anggaran × 100; ",
               "Under/(over) = budget − spent; % = spent / budget × 100; ") + rounding_text(cur, lang) + ".",
            tr(lang, "Belanja Operasi = Pegawai + Barang dan Jasa; Belanja Modal = Σ jenisnya; "
                     "Jumlah Belanja Daerah = Operasi + Modal.",
               "Operating = personnel + goods and services; capital = Σ its kinds; total = operating + capital.")]
    notes = []
    for b, values, source, _ in computed:
        y = ylabel(b.year)
        if source == "realisasi":
            notes.append(tr(lang, f"{y}: sheet Belanja kosong; dijumlahkan dari kolom Jenis Belanja sheet Realisasi.",
                           f"{y}: the Belanja sheet is empty; summed from the Realisasi sheet's economic class."))
        elif source == "":
            notes.append(tr(lang, f"{y}: tidak ada data jenis belanja (sheet Belanja dan kolom Jenis Belanja kosong).",
                           f"{y}: no economic-class data (Belanja sheet and class column empty)."))
        total = values.get("Jumlah Belanja Daerah", (None, None))
        budget = b.budget
        if source and total[0] is not None and budget.total_pagu is not None and (
                to_decimal(total[0]) != to_decimal(budget.total_pagu)
                or to_decimal(total[1]) != to_decimal(budget.total_realisasi)):
            pagu, spent = (show_value(v, lang) for v in (budget.total_pagu, budget.total_realisasi))
            notes.append(tr(lang, f"{y}: Jumlah Belanja Daerah ≠ TOTAL tabel realisasi anggaran ({pagu} / {spent}).",
                           f"{y}: total expenditure ≠ TOTAL of the budget table ({pagu} / {spent})."))
    years = tr(lang, " dan ", " and ").join(ylabel(b.year) for b in books)
    if not any(source for _, _, source, _ in computed):
        rows = [note_row(tr(lang, "(tidak ada data jenis belanja)", "(no economic-class data)"), n)]
    return AnnexTable("ikhtisar_belanja", _sheet(SHEET_BELANJA, lang),
                      tr(lang, f"Tabel Ikhtisar Realisasi Anggaran per Jenis Belanja TA. {years}",
                         f"Spending by economic class, {years}"),
                      columns, header_grid([heads1, heads2], n), rows, numbering(n), foot,
                      subtitle=unit, label_col=0, notes=notes)


# --------------------------------------------------------------------------- Capaian keluaran

def keluaran_table(cur: Book, lang: str, unit: str) -> AnnexTable:
    rows_in = cur.rows("realisasi")
    derived = cur.ctx.derived("realisasi")
    lines = cur.budget.lines
    has = {}

    def with_output(line: BudgetLine) -> bool:
        if line.children:
            has[line.key] = any([with_output(c) for c in line.children])
        else:
            r = rows_in[line.index]
            has[line.key] = any(r.get(k) not in (None, "") for k in
                                ("indikator_keluaran", "target_keluaran", "realisasi_keluaran"))
        return has[line.key]

    for line in lines:
        if line.depth == 0:
            with_output(line)
    rows = []
    k = "realisasi"
    for line in lines:
        if not has.get(line.key):
            continue
        i = line.index
        if line.children:
            rows.append(Row([Cell(line.printed_code, src=cur.src(k, "kode", i), bold=True),
                             Cell(line.uraian, src=cur.src(k, "uraian", i), bold=True)]
                            + [Cell(None, kind=TEXT) for _ in range(5)], level=line.depth, bold=True))
            continue
        r = rows_in[i]
        t, re_ = r.get("target_keluaran"), r.get("realisasi_keluaran")
        rows.append(Row([
            Cell(line.printed_code, src=cur.src(k, "kode", i)),
            Cell(line.uraian, src=cur.src(k, "uraian", i)),
            Cell(r.get("indikator_keluaran"), src=cur.src(k, "indikator_keluaran", i)),
            Cell(r.get("satuan_keluaran"), src=cur.src(k, "satuan_keluaran", i)),
            Cell(_num(t), places=places_of(t), src=cur.src(k, "target_keluaran", i)),
            Cell(_num(re_), places=places_of(re_), src=cur.src(k, "realisasi_keluaran", i)),
            Cell(cur.pct(derived[i].get("persen_keluaran")), src=cur.src(k, "persen_keluaran", i)),
        ], level=line.depth, src_rows=[cur.src_line(k, i, 1, OUTPUT_COLS)]))
    if not rows:
        rows.append(note_row(tr(lang, "(keluaran sub kegiatan belum diisi di sheet Realisasi)",
                                "(no outputs on the Realisasi sheet)"), 7))
    columns = [Column("kode", CODE, 11), Column("uraian", TEXT, 40), Column("indikator", TEXT, 36),
               Column("satuan", TEXT, 10), Column("target", NUMBER, 9), Column("realisasi", NUMBER, 9),
               Column("capaian", PERCENT, 10)]
    header = header_grid([[Head(tr(lang, "Kode", "Code")),
                           Head(tr(lang, "Program / Kegiatan / Sub Kegiatan", "Programme / activity / sub-activity")),
                           Head(tr(lang, "Indikator Keluaran", "Output indicator")), Head(tr(lang, "Satuan", "Unit")),
                           Head("Target"), Head(tr(lang, "Realisasi", "Actual")),
                           Head(tr(lang, "Capaian (%)", "Achievement (%)"))]], 7)
    foot = [tr(lang, "Capaian keluaran = realisasi / target × 100 (tidak dibatasi 100 %); ",
               "Output achievement = actual / target × 100 (not capped at 100 %); ") + rounding_text(cur, lang) + "."]
    return AnnexTable("capaian_keluaran", _sheet(SHEET_KELUARAN, lang),
                      tr(lang, f"Tabel Capaian Keluaran Sub Kegiatan Tahun {ylabel(cur.year)}",
                         f"Output achievement per sub-activity, {ylabel(cur.year)}"),
                      columns, header, rows, numbering(7), foot, subtitle=unit, label_col=1)


def _num(v):
    if v is None or isinstance(v, str):
        return v
    d = to_decimal(v)
    return d if isinstance(d, Decimal) else v
