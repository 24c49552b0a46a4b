"""Performance table 3 Pengukuran Kinerja, with the notes other tables share (capaian formula,
rating scale)."""
from __future__ import annotations

from ..calc.capaian import NAIK_FORMULA, TURUN_FORMULAS, composite_realisasi
from ..settings import RUMUS_TURUN, scale_label
from ..calc.decimals import apply_rounding
from ..calc.scales import Scale, grade
from .common import Book, fmt_num, number, rounding_text, tr, ylabel
from .indicator_rows import PK, code_of, group_rows, groups, num_cell, target_cell, year_values
from .model import NUMBER, PERCENT, TEXT, AnnexTable, Cell, Column, Head, header_grid, note_row, numbering

SHEET_UKUR = ("Pengukuran Kinerja", "Performance Measurement")


# --------------------------------------------------------------------------- 3 Pengukuran Kinerja

def scale_text(scale: Scale | None, lang: str) -> str:
    if scale is None:
        return tr(lang, "(skala tidak tersedia)", "(no scale)")
    parts = []
    for b in scale.bands:
        text = "x"
        if b.lower is not None:
            text = f"{fmt_num(b.lower, lang=lang)} {'≤' if b.lower_inclusive else '<'} x"
        if b.upper is not None:
            text += f" {'≤' if b.upper_inclusive else '<'} {fmt_num(b.upper, lang=lang)}"
        label = scale_label(scale, b.label, lang)
        label = f"{b.code} {label}" if b.code else label
        parts.append(f"{label}: {text}")
    return "; ".join(parts)


def unrounded_grades(book: Book, scale: Scale | None, graded: list, lang: str) -> list[str]:
    """The kriteria is the band of the capaian itself (the sheet's formula and check grade it
    unrounded), so a capaian just above a boundary prints as the boundary (90,004 % as 90,00 %)
    beside a different kriteria than one just below (89,995 %, also 90,00 %). ``graded``: (code,
    capaian, kriteria). A footnote gives each capaian whose printed value would be graded otherwise
    with the decimals that show its side of the boundary."""
    if scale is None:
        return []
    parts = []
    for code, capaian, kriteria in graded:
        shown = book.pct(capaian)
        band = grade(scale, shown) if shown is not None else None
        if kriteria is None or (band.label if band else None) == kriteria:
            continue
        places = next((p for p in range(3, 11) if (b := grade(scale, apply_rounding(capaian, p, book.settings.rounding)))
                       and b.label == kriteria), None)
        exact = apply_rounding(capaian, places, book.settings.rounding) if places else capaian
        parts.append(f"{code} {fmt_num(exact, lang=lang)} % ({tr(lang, 'tertulis', 'printed')} "
                     f"{fmt_num(shown, 2, lang)} %)")
    if not parts:
        return []
    return [tr(lang, "Kriteria dinilai dari capaian sebelum dibulatkan: ",
               "The rating is given by the achievement before rounding: ") + "; ".join(parts) + "."]


def capaian_note(book: Book, lang: str) -> str:
    s = book.settings
    text = tr(lang, f"Capaian (%) = {NAIK_FORMULA} bila makin tinggi makin baik; bila makin rendah makin baik: "
                    f"{TURUN_FORMULAS[s.turun_formula]}",
              f"Achievement (%) = actual / target × 100 when higher is better; when lower is better: "
              f"{next(c.explain_en for c in RUMUS_TURUN if c.preset == s.turun_formula)}")
    text += tr(lang, "; dibatasi 100 %" if s.cap_100 else "; tidak dibatasi 100 %",
               "; capped at 100 %" if s.cap_100 else "; not capped at 100 %")
    return text + "; " + rounding_text(book, lang) + "."


def pengukuran_table(book: Book, prev: Book | None, lang: str, unit: str) -> AnnexTable:
    year = ylabel(book.year)
    last_year = (prev.year if prev else None) or (book.year - 1 if book.year else None)
    py = ylabel(last_year)
    gs = groups(book)
    scale = book.ctx.wb.rating_scale
    earlier = year_values(book, prev)
    used_col, graded = [], []

    def build(g, ind, k, n):
        i, r, d = ind.index, ind.row, ind.derived
        hit = earlier.get((code_of(r), last_year))
        if hit and hit[1].value is not None:
            r_lalu, c_lalu = hit[1], hit[2]
        else:
            r_lalu = num_cell(book, PK, "realisasi_lalu", i, r.get("realisasi_lalu"))
            c_lalu = Cell(None)
            if r.get("realisasi_lalu") is not None:
                used_col.append(code_of(r))
        if number(d.get("capaian")) is not None:
            graded.append((code_of(r) or r.get("indikator"), number(d.get("capaian")), d.get("kriteria")))
        return [None, None,
                Cell(r.get("indikator"), src=book.src(PK, "indikator", i)),
                Cell(r.get("satuan"), align="center", src=book.src(PK, "satuan", i)),
                target_cell(book, ind, predikat=False),
                num_cell(book, PK, "realisasi", i, r.get("realisasi")),
                Cell(book.pct(d.get("capaian")), src=book.src(PK, "capaian", i)),
                Cell(scale_label(scale, d.get("kriteria"), lang), align="center", src=book.src(PK, "kriteria", i)),
                r_lalu, c_lalu,
                num_cell(book, PK, "target_renstra", i, r.get("target_renstra")),
                Cell(book.pct(d.get("kemajuan")), src=book.src(PK, "kemajuan", i))]

    rows = group_rows(book, [(g, [1] * len(g.items)) for g in gs], build)
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
            *unrounded_grades(book, scale, graded, lang),
            tr(lang, "Tingkat kemajuan = realisasi tahun ini / target akhir Renstra × 100.",
               "Progress = this year's actual / final strategic-plan target × 100.")]
    notes = []
    if prev is not None:
        notes.append(tr(lang, f"Realisasi dan capaian {py} dari buku kerja tahun lalu ({prev.model.path.name}), "
                              "dipasangkan menurut kode indikator.",
                        f"{py} actual and achievement from last year's workbook ({prev.model.path.name}), "
                        "matched by indicator code."))
    if used_col:
        notes.append(tr(lang, f"Realisasi {py} dari kolom Realisasi Tahun Lalu sheet PK ({', '.join(used_col)}): "
                              f"capaian {py} tidak dihitung karena target {py} tidak diketahui. Isi target dan "
                              f"realisasi {py} di sheet Riwayat Indikator, atau berikan buku kerja tahun lalu "
                              "dengan --tahun-lalu.",
                        f"{py} actual from the PK sheet's last-year column ({', '.join(used_col)}): no achievement "
                        f"without the {py} target. Enter it on the Riwayat Indikator sheet, or give last year's "
                        "workbook with --tahun-lalu."))
    foot += composite_notes(book, lang)
    return AnnexTable("pengukuran", tr(lang, *SHEET_UKUR),
                      tr(lang, f"Pengukuran Kinerja Tahun {year}", f"Performance measurement {year}"),
                      cols, head, rows, numbering(12), foot, subtitle=unit, notes=notes)


def composite_notes(book: Book, lang: str) -> list[str]:
    comps: dict[str, list[dict]] = {}
    for r in book.rows("pk_komponen"):
        comps.setdefault(str(r.get("kode_indikator") or "").strip(), []).append(r)
    notes = []
    names = {code_of(r): r.get("indikator") for r in book.rows(PK)}
    for code, parts in comps.items():
        value = composite_realisasi([(p.get("pembilang"), p.get("penyebut")) for p in parts])
        name = names.get(code) or code
        if value is None:  # components not typed yet (a PK in January): said, not printed as "a = /10"
            letters = ", ".join(str(p.get("komponen") or "").split(":")[0] for p in parts)
            notes.append(tr(lang, f"{name}: realisasi = rata-rata komponen ({letters}) × 100; belum dapat dihitung: "
                                  "komponennya belum lengkap.",
                            f"{name}: actual = mean of the components ({letters}) × 100; not computable yet: its "
                            "components are not complete."))
            continue
        shown = ", ".join(f"{str(p.get('komponen') or '').split(':')[0]} = {fmt_num(p.get('pembilang'), lang=lang)}/"
                          f"{fmt_num(p.get('penyebut'), lang=lang)}" for p in parts)
        notes.append(tr(lang, f"{name}: realisasi = rata-rata komponen ({shown}) × 100 = ",
                        f"{name}: actual = mean of the components ({shown}) × 100 = ")
                     + fmt_num(book.pct(value), 2, lang) + ".")
    return notes
