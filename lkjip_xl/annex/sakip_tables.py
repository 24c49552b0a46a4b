"""BAB I tables of the SAKIP evaluation: the score per year with its four components (Nilai
SAKIP), and per evaluation year the evaluator's weaknesses and recommendations (Medang Kampai
Tabel 1.1) and the unit's follow-up with its dates (Tabel 1.2)."""
from __future__ import annotations

from ..calc.scales import PRESETS
from ..derive.sakip import COMPONENTS, SCALE, WEIGHTS
from ..settings import scale_label
from .common import Book, number, places_of, tr
from .indicator_rows import year_of as _year
from .model import INT, NUMBER, TEXT, AnnexTable, Cell, Column, Head, Row, header_grid, note_row, numbering
from .pengukuran_table import scale_text

SHEET_NILAI = ("Nilai SAKIP", "SAKIP Score")
SHEET_EVALUASI = ("Evaluasi SAKIP", "SAKIP Evaluation")
NAMES = {"perencanaan": ("Perencanaan Kinerja", "Planning"), "pengukuran": ("Pengukuran Kinerja", "Measurement"),
         "pelaporan": ("Pelaporan Kinerja", "Reporting"),
         "evaluasi": ("Evaluasi Akuntabilitas Kinerja Internal", "Internal evaluation")}


def sakip_tables(book: Book, lang: str, unit: str) -> list[AnnexTable]:
    return [score_table(book, lang, unit), *evaluation_tables(book, lang, unit)]


def score_table(book: Book, lang: str, unit: str) -> AnnexTable:
    k = "sakip_nilai"
    rows_in = book.rows(k)
    derived = book.ctx.wb.sakip if book.table(k) is not None else []
    order = sorted(range(len(rows_in)), key=lambda i: _year(rows_in[i].get("tahun")) or 0)
    rows = []
    for n, i in enumerate(order, 1):
        r, d = rows_in[i], derived[i]
        cells = [Cell(str(n), align="center"), Cell(_year(r.get("tahun")), src=book.src(k, "tahun", i), align="center")]
        cells += [Cell(number(r.get(c)), places=max(2, places_of(r.get(c))), src=book.src(k, c, i)) for c in COMPONENTS]
        cells += [Cell(number(r.get("nilai")), places=max(2, places_of(r.get("nilai"))), src=book.src(k, "nilai", i),
                       bold=True),
                  Cell(d["predikat"], align="center", src=book.src(k, "predikat", i)),
                  Cell(scale_label(PRESETS[SCALE], d["predikat_label"], lang))]
        rows.append(Row(cells, src_rows=[book.src_line(k, i, 1)]))
    if not rows:
        rows.append(note_row(tr(lang, "(belum ada nilai SAKIP)", "(no SAKIP score)"), 9))
    cols = [Column("no", TEXT, 5), Column("tahun", INT, 8)] + [Column(c, NUMBER, 14) for c in COMPONENTS] + [
        Column("nilai", NUMBER, 10), Column("predikat", TEXT, 9), Column("interpretasi", TEXT, 16)]
    head = header_grid([
        [Head("No", rowspan=2), Head(tr(lang, "Tahun", "Year"), rowspan=2),
         Head(tr(lang, "Komponen (bobot)", "Component (weight)"), colspan=4),
         Head(tr(lang, "Nilai SAKIP", "SAKIP score"), rowspan=2), Head(tr(lang, "Predikat", "Grade"), rowspan=2),
         Head(tr(lang, "Interpretasi", "Meaning"), rowspan=2)],
        [Head(f"{tr(lang, *NAMES[c])} ({WEIGHTS[c]})") for c in COMPONENTS],
    ], 9)
    foot = [tr(lang, "Nilai SAKIP = Perencanaan Kinerja + Pengukuran Kinerja + Pelaporan Kinerja + Evaluasi "
                     "Akuntabilitas Kinerja Internal (bobot 30 + 30 + 15 + 25 = 100; PermenPAN-RB 88/2021).",
               "SAKIP score = planning + measurement + reporting + internal evaluation (weights 30 + 30 + 15 + 25 "
               "= 100; PermenPAN-RB 88/2021)."),
            tr(lang, "Predikat: ", "Grades: ") + scale_text(PRESETS[SCALE], lang) + "."]
    years = [y for y in (_year(rows_in[i].get("tahun")) for i in order) if y]
    span = f"{years[0]}–{years[-1]}" if len(set(years)) > 1 else (str(years[0]) if years else "")
    return AnnexTable("sakip_nilai", tr(lang, *SHEET_NILAI),
                      tr(lang, f"Nilai Evaluasi SAKIP {span}".strip(), f"SAKIP evaluation score {span}".strip()),
                      cols, head, rows, numbering(9), foot, subtitle=unit)


def evaluation_tables(book: Book, lang: str, unit: str) -> list[AnnexTable]:
    """Per evaluation year: weaknesses and recommendations (Tabel 1.1), follow-up (Tabel 1.2)."""
    k = "sakip_rekomendasi"
    rows_in = book.rows(k)
    years = sorted({_year(r.get("tahun")) for r in rows_in if _year(r.get("tahun"))}, reverse=True)
    out = []
    for y in years:
        idx = [i for i, r in enumerate(rows_in) if _year(r.get("tahun")) == y]
        def listing(key: str, title: str, cols: tuple[str, str], heads: tuple[str, str], widths, shown) -> AnnexTable:
            rows = [Row([Cell(str(n), align="center")] + [Cell(rows_in[i].get(c), src=book.src(k, c, i)) for c in cols],
                        src_rows=[book.src_line(k, i, 1)]) for n, i in enumerate(shown, 1)]
            if not rows:
                rows = [note_row(tr(lang, "(belum ada tindak lanjut)", "(no follow-up yet)"), 3)]
            return AnnexTable(key, tr(lang, *SHEET_EVALUASI), title,
                              [Column("no", TEXT, 5)] + [Column(c, TEXT, w) for c, w in zip(cols, widths)],
                              header_grid([[Head("No")] + [Head(h) for h in heads]], 3), rows, numbering(3), [],
                              subtitle=unit, landscape=False)

        out.append(listing("sakip_rekomendasi", tr(lang, f"Hasil Evaluasi SAKIP Tahun {y}",
                                                   f"SAKIP evaluation {y}: weaknesses and recommendations"),
                           ("kelemahan", "rekomendasi"), (tr(lang, "Kelemahan/Kekurangan", "Weakness"),
                                                           tr(lang, "Saran/Rekomendasi", "Recommendation")),
                           (60, 60), idx))
        out.append(listing("sakip_tindak_lanjut", tr(lang, f"Tindak Lanjut Hasil Evaluasi SAKIP Tahun {y}",
                                                     f"Follow-up of the SAKIP evaluation {y}"),
                           ("tindak_lanjut", "waktu"), (tr(lang, "Langkah-Langkah Tindak Lanjut", "Follow-up action"),
                                                        tr(lang, "Waktu Penyelesaian", "When")),
                           (90, 30), [i for i in idx if rows_in[i].get("tindak_lanjut")]))
    return out
