"""The tables of the SKM report (`lkjip-xl skm FILE --docx/--xlsx`), as annex tables (data only;
``annex.xlsx_writer`` and ``annex.docx_writer`` render them): respondent profile, NRR per unsur
with the IKM, the NRR chart, the IKM per service and per period, the NRR per unsur per period,
and the lowest unsur with their follow-up plan.

The report convention is kept: a missing or zero number prints "-", the footnotes give the
formula, the weight, the scale and what was assumed, in the report's language, and nothing in
the tables names the tool or an internal key.
"""
from __future__ import annotations

from decimal import Decimal

from ..annex.common import tr
from ..annex.model import (
    INT, NUMBER, TEXT, AnnexTable, Cell, ChartSpec, Column, Head, Row, header_grid, numbering,
)
from ..annex.skm_table import profile_annex_table, unsur_annex_table
from ..calc.numbers_id import format_number
from ..calc.skm import SKM_WEIGHTS, UNSUR
from ..findings import MONTHS
from .layanan import LABELS as AGG_LABELS
from .report_data import PERIOD_COLUMNS, PLAN_COLUMNS, kinerja_text, period_rows, plan_rows, unsur_name
from .tables import unsur_table

__all__ = ["report_tables", "report_title"]

SHEETS = {
    "profil": ("Profil Responden", "Respondents"),
    "unsur": ("NRR dan IKM", "Means and IKM"),
    "grafik": ("Grafik NRR", "Chart of means"),
    "layanan": ("IKM per Layanan", "IKM per service"),
    "periode": ("IKM per Periode", "IKM per period"),
    "nrr_periode": ("NRR per Periode", "Means per period"),
    "tindak_lanjut": ("Tindak Lanjut", "Follow-up"),
}


def _year(report) -> str:
    return f" {report.year}" if report.year else ""


def report_title(report, lang: str) -> str:
    unit = f" {report.unit}" if report.unit else ""
    return tr(lang, "Laporan Survei Kepuasan Masyarakat", "Public Satisfaction Survey Report") + unit + _year(report)


def _span(report, lang: str) -> str | None:
    """The survey period: as the SKM sheet states it, else the months the respondents' dates
    cover ("Januari–Desember 2023"), if known."""
    b = report.periods
    if report.periode:
        return report.periode
    if b is None or not b.periods:
        return None
    names = MONTHS[lang]
    first, last = b.periods[0].first, b.periods[-1].last
    if first.year == last.year:
        return f"{names[first.month - 1]}–{names[last.month - 1]} {first.year}"
    return f"{names[first.month - 1]} {first.year} – {names[last.month - 1]} {last.year}"


def _subtitle(report, lang: str) -> str:
    parts = [report.unit or "", _span(report, lang) or ""]
    return " — ".join(p for p in parts if p)


def report_tables(report, lang: str = "id") -> list[AnnexTable]:
    """Every table of the SKM report of an ``SkmReport`` (``commands.skm``), in report order."""
    sub = _subtitle(report, lang)
    year = _year(report)
    tables: list[AnnexTable] = []
    if report.profile:
        tables.append(profile_annex_table(
            report.profile, report.respondents or 0, lang, tr(lang, *SHEETS["profil"]),
            tr(lang, f"Profil Responden Survei Kepuasan Masyarakat{year}", f"Respondent profile{year}"), sub))
    tables.append(unsur_annex_table(
        report.result, lang, report.rounding, tr(lang, *SHEETS["unsur"]),
        tr(lang, f"Nilai Rata-rata per Unsur dan Indeks Kepuasan Masyarakat{year}",
           f"Mean per service element and public satisfaction index{year}"), sub))
    tables.append(_chart_table(report, lang, sub))
    if len(report.per_layanan) > 1:
        tables.append(_layanan_table(report, lang, sub))
    if report.periods is not None:
        tables.append(_period_table(report, lang, sub))
        if len(report.periods.periods) > 1:
            tables.append(_period_nrr_table(report, lang, sub))
    tables.append(_plan_table(report, lang, sub))
    for t in tables:
        t.dash = True
        t.landscape = False
    return tables


def _r2(value) -> Decimal | None:
    from ..calc.decimals import round_half_up

    return None if value is None else round_half_up(value, 2)


def _chart_table(report, lang: str, sub: str) -> AnnexTable:
    rows = [Row([Cell(str(r["no"]), align="center"), Cell(r["unsur"]), Cell(_r2(r["nrr"]), places=2),
                 Cell(r["mutu"] or "-", align="center")])
            for r in unsur_table(report.result, lang) if r["jenis"] == "unsur"]
    title = tr(lang, "Nilai Rata-rata (NRR) per Unsur Pelayanan", "Mean (NRR) per service element")
    cols = [Column("no", TEXT, 5), Column("unsur", TEXT, 46), Column("nrr", NUMBER, 10), Column("mutu", TEXT, 10)]
    i = 1 if lang == "en" else 0
    head = header_grid([[Head("No"), Head(PLAN_COLUMNS["unsur"][i]), Head(PLAN_COLUMNS["nrr"][i]),
                         Head(PLAN_COLUMNS["mutu"][i])]], 4)
    chart = ChartSpec(title, 1, 2, y_title=tr(lang, "NRR (skala 1–4)", "Mean (scale 1–4)"), horizontal=True,
                      y_max=Decimal(4))
    foot = [tr(lang, "Panjang batang sebanding dengan NRR pada sumbu 0–4; jawaban bernilai 1 (terendah) sampai "
                     "4 (tertinggi).",
               "Bar length is proportional to the mean on a 0–4 axis; answers score 1 (lowest) to 4 (highest).")]
    return AnnexTable("grafik_nrr", tr(lang, *SHEETS["grafik"]), title, cols, head, rows, numbering(4), foot,
                      subtitle=sub, chart=chart)


def _ikm_cells(result, lang: str) -> list[Cell]:
    ikm = result.ikm
    return [Cell(ikm.rounded if ikm else None, places=2), Cell((ikm.mutu if ikm else None) or "-", align="center"),
            Cell(kinerja_text(ikm.kinerja, lang) if ikm and ikm.kinerja else "-")]


def _ikm_columns(first: list[Column]) -> list[Column]:
    return first + [Column("responden", INT, 12), Column("ikm", NUMBER, 10), Column("mutu", TEXT, 8),
                    Column("kinerja", TEXT, 16)]


def _layanan_table(report, lang: str, sub: str) -> AnnexTable:
    i = 1 if lang == "en" else 0
    rows = []
    for k, (name, r) in enumerate(report.per_layanan.items(), start=1):
        rows.append(Row([Cell(str(k), align="center"), Cell(name), Cell(r.respondents), *_ikm_cells(r, lang)]))
    rows.append(Row([Cell(AGG_LABELS["pooled"][i], colspan=2, bold=True), None, Cell(report.respondents, bold=True),
                     *_ikm_cells(report.result, lang)], total=True))
    mean = report.mean
    if mean is not None:
        rows.append(Row([Cell(AGG_LABELS["mean_of_units"][i], colspan=2, bold=True), None, Cell(None),
                         Cell(mean.rounded, places=2), Cell(mean.mutu or "-", align="center"),
                         Cell(kinerja_text(mean.kinerja, lang) or "-")], bold=True))
    cols = _ikm_columns([Column("no", TEXT, 5), Column("layanan", TEXT, 36)])
    head = header_grid([[Head("No"), Head(tr(lang, "Jenis Layanan", "Service")),
                         Head(PERIOD_COLUMNS["responden"][i]), Head("IKM"), Head(PERIOD_COLUMNS["mutu"][i]),
                         Head(PERIOD_COLUMNS["kinerja"][i])]], 6)
    foot = [tr(lang, "IKM gabungan: semua responden dihitung sebagai satu survei (IKM unit pelayanan). Rata-rata "
                     "IKM per layanan: rata-rata IKM (sebelum pembulatan) tiap layanan dengan bobot sama, lalu "
                     "dibulatkan.",
               "Pooled IKM: all respondents as one survey (the unit's IKM). Mean of the services' IKMs: their "
               "unrounded IKMs averaged with equal weight, then rounded.")]
    return AnnexTable("ikm_layanan", tr(lang, *SHEETS["layanan"]),
                      tr(lang, f"Indeks Kepuasan Masyarakat per Jenis Layanan{_year(report)}",
                         f"Public satisfaction index per service{_year(report)}"),
                      cols, head, rows, numbering(6), foot, subtitle=sub)


def _period_table(report, lang: str, sub: str) -> AnnexTable:
    b = report.periods
    i = 1 if lang == "en" else 0
    below = tr(lang, "kurang dari sampel minimum", "below the minimum sample")
    rows = []
    for r in period_rows(b, report.result, report.year, lang):
        last = r["jenis"] == "tahun"
        ikm = [Cell(r["ikm"], places=2), Cell(r["mutu"] or "-", align="center"), Cell(r["kinerja"] or "-")]
        note = Cell(below if r["kurang"] else "-", align="center" if not r["kurang"] else None)
        if last:
            rows.append(Row([Cell(r["periode"], colspan=2, bold=True), None, Cell(r["responden"], bold=True),
                             Cell(None), *ikm, Cell(None), Cell("-", align="center")], total=True))
        else:
            rows.append(Row([Cell(str(r["no"]), align="center"), Cell(r["periode"]), Cell(r["responden"]),
                             Cell(r["min_sample"]), *ikm, Cell(r["perubahan"], places=2), note]))
    cols = [Column("no", TEXT, 5), Column("periode", TEXT, 22), Column("responden", INT, 12),
            Column("min", INT, 11), Column("ikm", NUMBER, 9), Column("mutu", TEXT, 7), Column("kinerja", TEXT, 14),
            Column("perubahan", NUMBER, 11), Column("keterangan", TEXT, 16)]
    head = header_grid([[Head(PERIOD_COLUMNS[k][i]) for k in PERIOD_COLUMNS] + [Head(tr(lang, "Keterangan", "Note"))]],
                       9)
    scheme = b.scheme
    months = MONTHS[lang]
    spans = "; ".join(f"{scheme.name(k, lang)} = {months[k * scheme.months]}–{months[k * scheme.months + scheme.months - 1]}"
                      for k in range(12 // scheme.months))
    foot = [spans + tr(lang, ". Responden masuk periode menurut tanggal pengisian survei.",
                       ". Respondents belong to the period of the date they answered."),
            tr(lang, "Perubahan IKM = IKM periode − IKM periode sebelumnya (keduanya setelah dibulatkan).",
               "Change in IKM = the period's IKM − the previous period's (both as rounded).")]
    first = b.periods[0] if b.periods else None
    if first is not None and first.populasi is not None:
        year_n, n = format_number(report.populasi, 0, lang), format_number(first.populasi, 0, lang)
        foot.append(tr(lang, f"Sampel minimum menurut tabel Krejcie–Morgan. Populasi per periode diasumsikan sama "
                             f"rata per bulan: populasi setahun {year_n} × {scheme.months}/12, dibulatkan ke atas "
                             f"= {n}.",
                       f"Minimum sample from the Krejcie–Morgan table. The population of a period is assumed even "
                       f"over the months: the year's {year_n} × {scheme.months}/12, rounded up = {n}."))
    else:
        foot.append(tr(lang, "Sampel minimum tidak dihitung: populasi penerima layanan tidak diketahui.",
                       "Minimum sample not computed: the number of service users is not known."))
    if b.undated:
        foot.append(tr(lang, f"{len(b.undated)} responden tanpa tanggal yang terbaca hanya dihitung pada baris "
                             "seluruh responden.",
                       f"{len(b.undated)} respondent(s) without a readable date count in the last row only."))
    title = tr(lang, f"Indeks Kepuasan Masyarakat per {scheme.title[0]}{_year(report)}",
               f"Public satisfaction index per {scheme.title[1].lower()}{_year(report)}")
    return AnnexTable("ikm_periode", tr(lang, *SHEETS["periode"]), title, cols, head, rows, numbering(9), foot,
                      subtitle=sub)


def _period_nrr_table(report, lang: str, sub: str) -> AnnexTable:
    b = report.periods
    results = [p.result for p in b.periods] + [report.result]
    by_code = [r.nrr_by_unsur() for r in results]
    rows = []
    for k, u in enumerate(UNSUR, start=1):
        rows.append(Row([Cell(str(k), align="center"), Cell(unsur_name(u.code, lang))]
                        + [Cell(_r2(nrrs.get(u.code)), places=2) for nrrs in by_code]))
    ikm_row = [Cell("IKM", colspan=2, bold=True), None] + [
        Cell(r.ikm.rounded if r.ikm else None, places=2, bold=True) for r in results]
    rows.append(Row(ikm_row, total=True))
    labels = [b.label(p, lang) for p in b.periods] + [period_rows(b, report.result, report.year, lang)[-1]["periode"]]
    n = len(labels)
    cols = [Column("no", TEXT, 5), Column("unsur", TEXT, 40)] + [Column(f"p{k}", NUMBER, 11) for k in range(n)]
    head = header_grid([[Head("No", rowspan=2), Head(PLAN_COLUMNS["unsur"][1 if lang == "en" else 0], rowspan=2),
                         Head("NRR", colspan=n)], [Head(x) for x in labels]], n + 2)
    foot = [tr(lang, "NRR per unsur dari jawaban responden tiap periode; IKM = Σ NRR × ",
               "Mean per element from each period's answers; IKM = Σ mean × ")
            + SKM_WEIGHTS[report.result.weight].choice + " × 25."]
    return AnnexTable("nrr_periode", tr(lang, *SHEETS["nrr_periode"]),
                      tr(lang, f"Nilai Rata-rata per Unsur per {b.scheme.title[0]}{_year(report)}",
                         f"Mean per element per {b.scheme.title[1].lower()}{_year(report)}"),
                      cols, head, rows, numbering(n + 2), foot, subtitle=sub, label_col=1)


def _plan_table(report, lang: str, sub: str) -> AnnexTable:
    i = 1 if lang == "en" else 0
    items = plan_rows(report.result, report.plans, lang)
    rows = []
    k = 0
    while k < len(items):
        r = items[k]
        span = 1
        while k + span < len(items) and items[k + span]["kode"] == r["kode"]:
            span += 1
        for j in range(span):
            p = items[k + j]
            head = [Cell(str(r["rank"]) if r["rank"] else "-", align="center", rowspan=span),
                    Cell(r["unsur"], rowspan=span), Cell(_r2(r["nrr"]), places=2, rowspan=span),
                    Cell(r["mutu"] or "-", align="center", rowspan=span)] if j == 0 else [None] * 4
            rows.append(Row(head + [Cell(p["rencana"]), Cell(p["waktu"]), Cell(p["penanggung_jawab"])]))
        k += span
    cols = [Column("no", TEXT, 6), Column("unsur", TEXT, 26), Column("nrr", NUMBER, 8), Column("mutu", TEXT, 7),
            Column("rencana", TEXT, 40), Column("waktu", TEXT, 14), Column("pj", TEXT, 18)]
    head = header_grid([[Head(PLAN_COLUMNS[key][i]) for key in PLAN_COLUMNS]], 7)
    foot = [tr(lang, "Tiga unsur dengan NRR terendah, terendah lebih dahulu (unsur dengan NRR sama mendapat nomor yang "
                     "sama dan ikut dicantumkan); rencana tindak lanjut disusun oleh unit pelayanan.",
               "The three elements with the lowest means, lowest first (elements with equal means share a number and "
               "are all listed); the follow-up plan is the service unit's.")]
    if any(not r["terendah"] for r in items):
        foot.append(tr(lang, "Baris bertanda - adalah rencana untuk unsur lain.",
                       "Rows numbered - are plans for other elements."))
    return AnnexTable("tindak_lanjut", tr(lang, *SHEETS["tindak_lanjut"]),
                      tr(lang, f"Unsur dengan Nilai Terendah dan Rencana Tindak Lanjut{_year(report)}",
                         f"Lowest elements and follow-up plan{_year(report)}"),
                      cols, head, rows, numbering(7), foot, subtitle=sub)
