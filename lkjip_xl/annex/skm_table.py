"""Table 8: SKM per unsur (NRR, NRR tertimbang, mutu, Σ, IKM, mutu and kinerja) and the
respondent profile."""
from __future__ import annotations

from ..calc.decimals import apply_rounding
from ..calc.numbers_id import format_number
from ..calc.scales import PRESETS
from ..calc.skm import DEFAULT_WEIGHT, SKM_WEIGHTS
from .common import Book, tr, ylabel
from .model import (
    INT, NUMBER, PERCENT, TEXT, AnnexTable, Cell, Column, Head, Row, header_grid, note_row,
    numbering,
)
from .pengukuran_table import scale_text

SHEET_SKM = ("SKM", "SKM")
SHEET_PROFIL = ("SKM Profil Responden", "SKM Respondents")


def skm_tables(book: Book, lang: str, unit: str) -> list[AnnexTable]:
    """Rows from ``lkjip_xl.skm.tables.unsur_table`` (the same rows ``lkjip-xl skm`` prints),
    rounded for display with the workbook's rule and laid out like the report's table; each cell
    names the SKM sheet cell it shows (findings mark it)."""
    year = ylabel(book.year)
    skm = book.ctx.wb.skm
    where = {}  # canonical unsur -> row of the SKM sheet's summary block that holds it
    for i, c in enumerate(skm.columns if skm else []):
        if c.unsur and c.unsur not in where:
            where[c.unsur] = i
    hasil = book.model.form("skm_hasil")

    def src(code: str | None, col: str | None):
        if code is None:  # a result cell of the Hasil block
            return (book.tag, hasil.sheet, hasil.cells[col]) if hasil and col in hasil.cells else None
        i = where.get(code)
        return None if i is None else book.src("skm_unsur", col, i)

    def src_rows(code: str) -> list:
        i = where.get(code)
        return [book.src_line("skm_unsur", i, 1)] if i is not None else []

    info = book.form("skm_info")
    sub = unit + (f" — {tr(lang, 'periode', 'period')} {info['periode']}" if info.get("periode") else "")
    title = tr(lang, f"Indeks Kepuasan Masyarakat per Unsur Pelayanan Tahun {year}",
               f"Public satisfaction index per service element {year}")
    shown = skm if skm is not None and skm.nrr_by_unsur() else None  # no NRR at all: nothing to print
    out = [unsur_annex_table(shown, lang, book.settings.rounding, tr(lang, *SHEET_SKM), title, sub, src, src_rows)]
    resp = book.table("skm_responden")
    if resp is not None and len(resp):
        from ..skm.profile import DIMENSIONS, respondent_profile

        dims = [k for k in DIMENSIONS if k in resp.values]
        profile = respondent_profile({k: resp.values[k] for k in dims}, len(resp), info.get("jenis_layanan"))
        out.append(profile_annex_table(profile, len(resp), lang, tr(lang, *SHEET_PROFIL),
                                       tr(lang, "Profil Responden SKM", "SKM respondent profile"), sub))
    return out


def unsur_annex_table(skm, lang: str, rounding: str, sheet: str, title: str, subtitle: str,
                      src=None, src_rows=None) -> AnnexTable:
    """No | Unsur | NRR | NRR tertimbang | Mutu with Σ, IKM, mutu, kinerja and respondents, from an
    ``SkmResult`` (None: a note row); footnotes give the formula, the weight and the grade scale.
    ``src(code, column)`` / ``src_rows(code)``: where the cells come from (annex marks), if known."""
    from ..skm.tables import fewer_answers_note, label, unsur_table

    src = src or (lambda code, col: None)
    src_rows = src_rows or (lambda code: [])
    weight = SKM_WEIGHTS[skm.weight if skm else DEFAULT_WEIGHT]
    wlabel = weight.choice
    cols = [Column("no", TEXT, 5), Column("unsur", TEXT, 46), Column("nrr", NUMBER, 10),
            Column("tertimbang", NUMBER, 14), Column("mutu", TEXT, 14)]
    head = header_grid([[Head("No"), Head(tr(lang, "Unsur Pelayanan", "Service element")),
                         Head(tr(lang, "NRR", "Mean (NRR)")),
                         Head(tr(lang, f"NRR Tertimbang (NRR × {wlabel})", f"Weighted (NRR × {wlabel})")),
                         Head(tr(lang, "Mutu", "Grade"))]], 5)
    rows: list[Row] = []
    foot: list[str] = []
    ikm = skm.ikm if skm else None

    def r_(value, places):
        return None if value is None else apply_rounding(value, places, rounding)

    for r in (unsur_table(skm, lang) if skm else []):
        kind = r["jenis"]
        if kind == "unsur":
            code = r["kode"]
            rows.append(Row([Cell(str(r["no"]), align="center"), Cell(r["unsur"], src=src(code, "unsur")),
                             Cell(r_(r["nrr"], 2), places=2, src=src(code, "nrr")),
                             Cell(r_(r["nrr_tertimbang"], 4), places=4, src=src(code, "nrr_tertimbang")),
                             Cell(r["mutu"], align="center", src=src(code, "mutu"))],
                            src_rows=src_rows(code)))
        elif kind == "jumlah":
            rows.append(Row([Cell(r["unsur"], colspan=2, bold=True, align="center"), None,
                             Cell(r_(r["nrr"], 2), places=2, bold=True),
                             Cell(r_(r["nrr_tertimbang"], 4), places=4, bold=True, src=src(None, "jumlah_tertimbang")),
                             Cell(None)], total=True))
        elif kind == "ikm":
            rows.append(Row([Cell(r["unsur"], colspan=3, bold=True), None, None,
                             Cell(r["nrr_tertimbang"], places=2, bold=True, src=src(None, "ikm")),
                             Cell(r["mutu"], bold=True, align="center", src=src(None, "mutu"))], bold=True))
        else:  # mutu, kinerja
            rows.append(Row([Cell(r["unsur"], colspan=4, bold=True), None, None, None,
                             Cell(r["mutu"], bold=True, align="center", src=src(None, kind))], bold=True))
    if not rows:
        rows.append(note_row(tr(lang, "(sheet SKM belum diisi)", "(the SKM sheet is empty)"), 5))
    n = skm.respondents if skm else 0
    rows.append(Row([Cell(label("responden", lang), colspan=4), None, None, None,
                     Cell(n if n else None, kind=INT, align="center")]))
    sources = {c.source for c in skm.columns if c.source} if skm else set()
    src_text = {"responden": tr(lang, "jawaban responden", "respondents' answers"),
                "jumlah": tr(lang, "jumlah nilai dan jumlah responden per unsur", "sums and counts per element"),
                "nrr": tr(lang, "NRR yang diketik (tanpa data responden)", "typed means (no respondent rows)")}
    foot.append(tr(lang, "NRR = Σ nilai jawaban sah / jumlah jawaban sah per unsur; NRR tertimbang = NRR × ",
                   "NRR = Σ valid answers / number of valid answers; weighted = NRR × ") + wlabel
                + (tr(lang, " (bobot lama 0,111, bukan 1/9 PermenPAN-RB 14/2017)", " (legacy weight 0.111, not 1/9)")
                   if weight.name != DEFAULT_WEIGHT else tr(lang, " (PermenPAN-RB 14/2017)", " (PermenPAN-RB 14/2017)"))
                + tr(lang, "; IKM = Σ NRR tertimbang × 25, dibulatkan setengah ke atas 2 desimal.",
                     "; IKM = Σ weighted × 25, rounded half up to 2 decimals."))
    foot.append(tr(lang, "Mutu (IKM): ", "Grade (IKM): ") + scale_text(PRESETS["skm_mutu"], lang)
                + tr(lang, "; mutu unsur dari NRR: ", "; element grade from the NRR: ")
                + scale_text(PRESETS["skm_mutu_nrr"], lang) + ".")
    fewer = fewer_answers_note(skm, lang) if skm else None
    if fewer:
        foot.append(fewer)
    if sources:
        foot.append(tr(lang, "Sumber NRR: ", "Source of the means: ")
                    + ", ".join(src_text[s] for s in sorted(sources)) + ".")
    if ikm and ikm.near_boundary:
        raw = format_number(ikm.unrounded, 4, lang)
        foot.append(tr(lang, f"Perhatian: IKM sebelum pembulatan {raw} dekat batas mutu; mutunya bergantung pada "
                             "pembulatan.",
                       f"Note: the unrounded IKM {raw} is near a grade boundary; the grade depends on rounding."))
    return AnnexTable("skm", sheet, title, cols, head, rows, numbering(5), foot, subtitle=subtitle, label_col=1)


def profile_annex_table(profile: dict, n: int, lang: str, sheet: str, title: str, subtitle: str) -> AnnexTable:
    """Karakteristik | Kategori | Jumlah | Persen from ``lkjip_xl.skm.tables.profile_tables``."""
    from ..skm.tables import profile_tables

    rows = []
    for table in profile_tables(profile, lang):
        items = table["rows"]
        for k, (kategori, jumlah, persen) in enumerate(items):
            rows.append(Row([Cell(table["title"], rowspan=len(items) + 1, bold=True) if k == 0 else None,
                             Cell(kategori), Cell(jumlah), Cell(persen)]))
        name, total, p = table["total"]
        rows.append(Row([None, Cell(name, bold=True), Cell(total, bold=True), Cell(p, bold=True)], total=True))
    cols = [Column("karakteristik", TEXT, 22), Column("kategori", TEXT, 30), Column("jumlah", INT, 10),
            Column("persen", PERCENT, 10)]
    head = header_grid([[Head(tr(lang, "Karakteristik", "Characteristic")), Head(tr(lang, "Kategori", "Category")),
                         Head(tr(lang, "Jumlah Responden", "Respondents")),
                         Head(tr(lang, "Persentase (%)", "Share (%)"))]], 4)
    foot = [tr(lang, f"Persentase dari {n} responden, dibulatkan setengah ke atas 2 desimal "
                     "(jumlah per karakteristik bisa 99,99 atau 100,01).",
               f"Share of {n} respondents, rounded half up to 2 decimals.")]
    return AnnexTable("skm_profil", sheet, title, cols, head, rows, numbering(4), foot, subtitle=subtitle)
