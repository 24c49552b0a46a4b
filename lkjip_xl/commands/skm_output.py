"""The SKM result of `lkjip-xl skm` as JSON and as terminal text (``commands/skm.py`` computes it)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..calc.numbers_id import format_number
from ..calc.skm import SKM_WEIGHTS, UNSUR
from ..glossary import severity_word
from ..i18n import message, pick
from ..skm.compute import SkmResult
from ..skm.layanan import LABELS as AGG_LABELS
from ..skm.report_data import PERIOD_COLUMNS, period_rows, plan_rows
from ..skm.tables import KINERJA_EN, UNSUR_COLUMNS, fewer_answers_note, profile_tables, unsur_table

if TYPE_CHECKING:
    from .skm import SkmReport

__all__ = ["to_json", "render_text"]

BOBOT_NAMES = {w.name: w.aliases[0] for w in SKM_WEIGHTS.values()}  # weight -> the JSON "bobot" value


# --------------------------------------------------------------------------------------- json
def _num(value) -> float | None:
    """A JSON number (the exact Decimal's nearest float); None stays None."""
    return None if value is None else float(value)


def _nrr_map(result: SkmResult) -> dict[str, float | None]:
    out: dict[str, float | None] = {u.code: None for u in UNSUR}
    seen = set()
    for col in result.columns:
        if col.unsur and col.unsur not in seen:
            seen.add(col.unsur)
            out[col.unsur] = _num(col.nrr)
    return out


def _ikm_json(result: SkmResult, n: int | None) -> dict:
    ikm = result.ikm
    return {
        "n": n,
        "ikm": _num(ikm.rounded) if ikm else None,
        "ikm_unrounded": _num(ikm.unrounded) if ikm else None,
        "mutu": ikm.mutu if ikm else None,
        "kinerja": ikm.kinerja if ikm else None,
    }


def to_json(report: SkmReport, lang: str = "id") -> dict:
    """The JSON document of ``lkjip-xl skm --format json`` (docs/skm.md)."""
    res = report.result
    i = 1 if lang == "en" else 0
    out = _ikm_json(res, report.respondents)
    out["bobot"] = BOBOT_NAMES[res.weight]
    out["nrr"] = _nrr_map(res)
    out["per_layanan"] = {
        name: {**_ikm_json(r, r.respondents), "nrr": _nrr_map(r)} for name, r in report.per_layanan.items()
    }
    out["min_sample"] = report.min_sample
    out["findings"] = [f.to_dict(lang) for f in report.findings]
    out["pooled"] = {"label": AGG_LABELS["pooled"][i], **_ikm_json(res, report.respondents)}
    mean = report.mean
    out["mean_of_units"] = None if mean is None else {
        "label": AGG_LABELS["mean_of_units"][i], "units": mean.units, "ikm": _num(mean.rounded),
        "ikm_unrounded": _num(mean.unrounded), "mutu": mean.mutu, "kinerja": mean.kinerja,
    }
    out["profile"] = {
        key: [{"kategori": r.kategori, "jumlah": r.jumlah, "persen": _num(r.persen)} for r in rows]
        for key, rows in report.profile.items()
    }
    out["label_jawaban"] = report.labels.source if report.labels is not None else None
    out["periode"] = _periods_json(report, lang)
    out["tindak_lanjut"] = [
        {"unsur": r["kode"], "nrr": _num(r["nrr"]), "mutu": r["mutu"], "terendah": r["terendah"],
         "rencana": r["rencana"], "waktu": r["waktu"], "penanggung_jawab": r["penanggung_jawab"]}
        for r in plan_rows(res, report.plans, lang)]
    return out


def _periods_json(report: SkmReport, lang: str) -> dict | None:
    b = report.periods
    if b is None:
        return None
    return {
        "skema": b.scheme.key,
        "populasi_periode": b.periods[0].populasi if b.periods else None,
        "tanpa_tanggal": len(b.undated),
        "per_periode": [
            {"periode": b.label(p, lang), "mulai": p.first.isoformat(), "sampai": p.last.isoformat(),
             **_ikm_json(p.result, p.respondents), "n_sah": p.valid, "min_sample": p.min_sample,
             "kurang_dari_sampel": p.below_min, "perubahan": _num(p.change), "nrr": _nrr_map(p.result)}
            for p in b.periods],
    }


# --------------------------------------------------------------------------------------- text
_TEXT = {
    "title": ("Survei Kepuasan Masyarakat (SKM)", "Public satisfaction survey (SKM)"),
    "file": ("Berkas", "File"),
    "source_workbook": ("buku kerja LKjIP, sheet SKM", "LKjIP workbook, SKM sheet"),
    "source_survey": ("ekspor survei", "survey export"),
    "respondents": ("Responden", "Respondents"),
    "bobot": ("Bobot", "Weight"),
    "min_sample": ("Sampel minimum (Krejcie–Morgan)", "Minimum sample (Krejcie–Morgan)"),
    "populasi": ("populasi", "population"),
    "no_populasi": ("populasi tidak diisi", "population not given"),
    "ikm_raw": ("IKM sebelum pembulatan", "IKM before rounding"),
    "ikm": ("IKM", "IKM"),
    "mutu": ("Mutu pelayanan", "Service grade"),
    "kinerja": ("Kinerja unit pelayanan", "Unit performance"),
    "no_ikm": ("IKM tidak dapat dihitung", "the IKM cannot be computed"),
    "per_layanan": ("IKM per jenis layanan", "IKM per service"),
    "layanan": ("Jenis layanan", "Service"),
    "profile": ("Profil responden", "Respondent profile"),
    "findings": ("Temuan", "Findings"),
    "no_findings": ("tidak ada temuan", "no findings"),
    "labels": ("Label jawaban", "Answer labels"),
    "per_periode": ("IKM per {scheme}", "IKM per {scheme}"),
    "min": ("Sampel min.", "Min. sample"),
    "change": ("Perubahan", "Change"),
    "below": ("kurang dari sampel minimum", "below the minimum sample"),
    "undated": ("{n} responden tanpa tanggal yang terbaca: hanya dihitung pada IKM seluruh responden",
                "{n} respondent(s) without a readable date: counted in the whole survey's IKM only"),
    "assumed": ("populasi per periode = populasi setahun × {months}/12, dibulatkan ke atas: {n}",
                "population per period = the year's × {months}/12, rounded up: {n}"),
    "plans": ("Unsur terendah dan rencana tindak lanjut", "Lowest elements and follow-up plan"),
    "no_plan": ("(rencana belum diisi)", "(no plan yet)"),
    "weight_exact": ("1/9 (tepat)", "1/9 (exact)"),
    "weight_legacy": ("0,111 (bobot lama, menyamakan spreadsheet lama)", "0.111 (legacy weight, to match old spreadsheets)"),
}


def _t(key: str, lang: str) -> str:
    return pick(_TEXT, key, lang)


def _fmt(value, places: int, lang: str) -> str:
    return "-" if value is None else format_number(value, places, lang)


def _table(headers: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(h), *(len(r[j]) for r in rows)) if rows else len(h) for j, h in enumerate(headers)]

    def line(cells):
        return "  ".join(c.rjust(w) if j in right else c.ljust(w) for j, (c, w) in enumerate(zip(cells, widths))).rstrip()

    return [line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def _kinerja(text: str | None, lang: str) -> str:
    if text is None:
        return "-"
    return KINERJA_EN.get(text, text) if lang == "en" else text


def render_text(report: SkmReport, lang: str = "id") -> str:
    """A readable report: the unsur table, the IKM, services, profile and findings."""
    res = report.result
    i = 1 if lang == "en" else 0
    out = [_t("title", lang),
           f"{_t('file', lang)}: {report.path} ({_t('source_' + report.source, lang)})",
           f"{_t('respondents', lang)}: {_fmt(report.respondents, 0, lang)}",
           f"{_t('bobot', lang)}: {_t('weight_exact' if res.weight == 'exact' else 'weight_legacy', lang)}"]
    if report.labels is not None:
        out.append(f"{_t('labels', lang)}: {report.labels.source}")
    if report.min_sample is not None:
        out.append(f"{_t('min_sample', lang)}: {format_number(report.min_sample, 0, lang)} "
                   f"({_t('populasi', lang)} {format_number(report.populasi, 0, lang)})")
    else:
        out.append(f"{_t('min_sample', lang)}: - ({_t('no_populasi', lang)})")
    out.append("")
    headers = [v[i] for v in UNSUR_COLUMNS.values()]
    rows = []
    for r in unsur_table(res, lang):
        if r["jenis"] in ("ikm", "mutu", "kinerja"):
            continue
        rows.append([str(r["no"] or ""), r["unsur"], _fmt(r["nrr"], 2, lang), _fmt(r["nrr_tertimbang"], 4, lang),
                     r["mutu"] or ""])
    out += _table(headers, rows, {0, 2, 3})
    fewer = fewer_answers_note(res, lang)
    out += [fewer] if fewer else []
    out.append("")
    ikm = res.ikm
    if ikm is None:
        out.append(f"{_t('ikm', lang)}: - ({_t('no_ikm', lang)})")
    else:
        out += [f"{_t('ikm_raw', lang)}: {format_number(ikm.unrounded, 4, lang)}",
                f"{_t('ikm', lang)}: {format_number(ikm.rounded, 2, lang)}",
                f"{_t('mutu', lang)}: {ikm.mutu or '-'}",
                f"{_t('kinerja', lang)}: {_kinerja(ikm.kinerja, lang)}"]
    if len(report.per_layanan) > 1:
        out += ["", _t("per_layanan", lang)]
        rows = [[name, format_number(r.respondents, 0, lang), _fmt(r.ikm.rounded if r.ikm else None, 2, lang),
                 (r.ikm.mutu or "-") if r.ikm else "-"] for name, r in report.per_layanan.items()]
        rows.append([AGG_LABELS["pooled"][i], _fmt(report.respondents, 0, lang),
                     _fmt(ikm.rounded if ikm else None, 2, lang), (ikm.mutu or "-") if ikm else "-"])
        if report.mean is not None:
            rows.append([AGG_LABELS["mean_of_units"][i], "", format_number(report.mean.rounded, 2, lang),
                         report.mean.mutu or "-"])
        out += _table([_t("layanan", lang), _t("respondents", lang), "IKM", "Mutu" if lang == "id" else "Grade"],
                      rows, {1, 2})
    out += _periods_text(report, lang) + _plans_text(report, lang)
    if report.profile:
        out += ["", _t("profile", lang)]
        for table in profile_tables(report.profile, lang):
            rows = [[k, format_number(n, 0, lang), format_number(p, 2, lang)] for k, n, p in table["rows"]]
            label_, n, p = table["total"]
            rows.append([label_, format_number(n, 0, lang), format_number(p, 2, lang)])
            out += ["", table["title"], *_table(list(table["columns"]), rows, {1, 2})]
    out += ["", _t("findings", lang)]
    if not report.findings:
        out.append(f"  {_t('no_findings', lang)}")
    for f in report.findings:
        where = f"{f.sheet}!{f.cell}" if f.cell else f.sheet
        out.append(f"  {severity_word(f.severity, lang)} {f.code} {where}: {f.message(lang)}")
    out += ["", message("summary", lang, **report.summary)]
    return "\n".join(out)


def _periods_text(report: SkmReport, lang: str) -> list[str]:
    b = report.periods
    if b is None:
        return []
    i = 1 if lang == "en" else 0
    rows = []
    for r in period_rows(b, report.result, report.year, lang):
        rows.append([str(r["no"] or ""), r["periode"], _fmt(r["responden"], 0, lang), _fmt(r["min_sample"], 0, lang),
                     _fmt(r["ikm"], 2, lang), r["mutu"] or "-", _fmt(r["perubahan"], 2, lang),
                     _t("below", lang) if r["kurang"] else ""])
    heads = [PERIOD_COLUMNS[k][i] for k in ("no", "periode")] + [_t("respondents", lang), _t("min", lang), "IKM",
                                                                 PERIOD_COLUMNS["mutu"][i], _t("change", lang), ""]
    out = ["", _t("per_periode", lang).format(scheme=b.scheme.title[i].lower()), *_table(heads, rows, {0, 2, 3, 4, 6})]
    if b.periods and b.periods[0].populasi is not None:
        out.append(_t("assumed", lang).format(months=b.scheme.months, n=format_number(b.periods[0].populasi, 0, lang)))
    if b.undated:
        out.append(_t("undated", lang).format(n=format_number(len(b.undated), 0, lang)))
    return out


def _plans_text(report: SkmReport, lang: str) -> list[str]:
    rows = plan_rows(report.result, report.plans, lang)
    if not rows:
        return []
    out = ["", _t("plans", lang)]
    for r in rows:
        plan = " | ".join(x for x in (r["rencana"], r["waktu"], r["penanggung_jawab"]) if x) or _t("no_plan", lang)
        rank = f"{r['rank']}." if r["rank"] else "-"
        out.append(f"  {rank} {r['kode']} {r['unsur']} ({_fmt(r['nrr'], 2, lang)}): {plan}")
    return out

