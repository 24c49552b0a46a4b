"""`lkjip-xl skm FILE`: the SKM result alone, from the LKjIP workbook's SKM sheet or from a plain
survey export (.csv/.xlsx, one row per respondent, one column per unsur). See docs/skm.md."""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..calc.numbers_id import format_id
from ..calc.skm import DEFAULT_WEIGHT, SKM_WEIGHTS, UNSUR, min_sample
from ..checks.skm import SHEETS as SKM_SHEETS, survey_findings, valid_respondents, workbook_findings
from ..errors import UsageError
from ..findings import Finding, HasFindings, sort_findings
from ..i18n import message
from ..skm.compute import COLUMNS, SkmResult, compute_skm, skm_from_model
from ..skm.layanan import LABELS as AGG_LABELS, MeanIkm, mean_of_units, per_layanan
from ..skm.profile import ProfileRow, respondent_profile
from ..skm.survey_file import PROFILE_KEYS, file_kind, inspect_xlsx, read_survey
from ..skm.tables import KINERJA_EN, UNSUR_COLUMNS, profile_tables, unsur_table

__all__ = ["SkmReport", "run_skm", "parse_bobot", "parse_populasi", "to_json", "render_text"]

#: --bobot value -> weight name of calc.skm.SKM_WEIGHTS (each weight declares its aliases)
BOBOT_OPTIONS = {alias: w.name for w in SKM_WEIGHTS.values() for alias in w.aliases}
BOBOT_NAMES = {w.name: w.aliases[0] for w in SKM_WEIGHTS.values()}  # weight -> the JSON "bobot" value
FORMATS = ("text", "json")


@dataclass
class SkmReport(HasFindings):
    path: Path
    source: str  # "workbook" or "survey"
    result: SkmResult
    populasi: int | None
    min_sample: int | None
    per_layanan: dict[str, SkmResult] = field(default_factory=dict)
    mean: MeanIkm | None = None
    profile: dict[str, list[ProfileRow]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    respondents: int | None = None

    @property
    def weight(self) -> str:
        return self.result.weight


# ------------------------------------------------------------------------------------ options
def parse_bobot(text: str | None) -> str | None:
    """``exact`` / ``1/9`` -> exact; ``0.111`` / ``0,111`` / ``legacy`` -> legacy_0111."""
    if text is None:
        return None
    weight = BOBOT_OPTIONS.get(text.strip().lower())
    if weight is None:
        raise UsageError("bad_option", detail=f"--bobot {text} (exact | 0.111)")
    return weight


_GROUPED = re.compile(r"^[1-9]\d{0,2}(?:[._]\d{3})+$")


def parse_populasi(text: str | None) -> int | None:
    """A positive whole number: ``1000``, ``1.000`` or ``1_000``."""
    if text is None:
        return None
    s = text.strip()
    if _GROUPED.match(s):
        s = s.replace(".", "").replace("_", "")
    if not s.isdigit() or int(s) <= 0:
        raise UsageError("bad_option", detail=f"--populasi {text}")
    return int(s)


def parse_format(text: str) -> str:
    if text.strip().lower() not in FORMATS:
        raise UsageError("bad_option", detail=f"--format {text} (text | json)")
    return text.strip().lower()


def parse_lang(text: str) -> str:
    if text.strip().lower() not in ("id", "en"):
        raise UsageError("bad_option", detail=f"--lang {text} (id | en)")
    return text.strip().lower()


# ---------------------------------------------------------------------------------------- run
def run_skm(path: Path, *, bobot: str | None = None, populasi: int | None = None) -> SkmReport:
    """Compute and check the SKM of ``path``. ``bobot``: a weight name (``exact``/``legacy_0111``)
    overriding the workbook's choice (a survey export defaults to exact); ``populasi`` overrides
    the SKM sheet's population. Raises UnreadableWorkbook when the file cannot be read."""
    path = Path(path)
    states = None
    if file_kind(path) == "xlsx":
        is_workbook, states = inspect_xlsx(path)
        if is_workbook:
            return _from_workbook(path, bobot, populasi)
    return _from_survey(path, bobot or DEFAULT_WEIGHT, populasi, states)


def _min_sample(populasi) -> int | None:
    if isinstance(populasi, bool) or not isinstance(populasi, (int, Decimal)):
        return None
    if populasi != int(populasi) or populasi <= 0:
        return None
    return min_sample(int(populasi))


def _from_workbook(path: Path, bobot: str | None, populasi: int | None) -> SkmReport:
    from ..reader import read_workbook
    from ..settings import Settings

    model, read_findings = read_workbook(path)
    identitas = model.form("identitas")
    settings = Settings.from_identitas(identitas.values if identitas else {})
    if bobot is not None:
        settings = dataclasses.replace(settings, bobot_skm=SKM_WEIGHTS[bobot].choice)
    result = skm_from_model(model, settings) or compute_skm({}, [], settings.skm_weight)
    info = model.form("skm_info")
    if populasi is None and info is not None:
        populasi = info.values.get("populasi")
    findings = [f for f in read_findings if f.sheet in SKM_SHEETS] + workbook_findings(model, result, populasi)
    report = SkmReport(path, "workbook", result, populasi, _min_sample(populasi),
                       findings=sort_findings(findings))
    resp = model.table("skm_responden")
    default = info.values.get("jenis_layanan") if info is not None else None
    if resp is not None and len(resp):
        report.respondents = len(resp)
        answers = {k: resp.values.get(k, []) for k in COLUMNS}
        names = [c.name for c in result.columns]
        layanan = resp.values.get("jenis_layanan") or [None] * len(resp)
        report.per_layanan = per_layanan(layanan, answers, names, result.weight, default)
        report.profile = respondent_profile({k: resp.values[k] for k in PROFILE_KEYS if k in resp.values},
                                            len(resp), default)
    else:
        report.respondents = valid_respondents(result)
    _finish(report)
    return report


def _from_survey(path: Path, weight: str, populasi: int | None, states=None) -> SkmReport:
    survey = read_survey(path, states=states)
    answers = {k: survey.answers.get(k) or [] for k in COLUMNS}
    names = [u.name for u in UNSUR]
    result = compute_skm(answers, [{"unsur": n} for n in names], weight)
    result.respondents = survey.respondents
    findings = survey_findings(survey, result, populasi)
    report = SkmReport(path, "survey", result, populasi, _min_sample(populasi), findings=sort_findings(findings),
                       respondents=survey.respondents)
    layanan = survey.profile.get("jenis_layanan") or [None] * survey.respondents
    report.per_layanan = per_layanan(layanan, answers, names, weight)
    report.profile = respondent_profile(survey.profile, survey.respondents)
    _finish(report)
    return report


def _finish(report: SkmReport) -> None:
    if len(report.per_layanan) > 1:
        report.mean = mean_of_units([r.ikm for r in report.per_layanan.values()])


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
    return out


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
    "error": ("galat", "error"),
    "warning": ("peringatan", "warning"),
    "info": ("info", "info"),
    "weight_exact": ("1/9 (tepat)", "1/9 (exact)"),
    "weight_legacy": ("0,111 (bobot lama, menyamakan spreadsheet lama)", "0.111 (legacy weight, to match old spreadsheets)"),
}


def _t(key: str, lang: str) -> str:
    id_, en = _TEXT[key]
    return en if lang == "en" else id_


def _fmt(value, places: int) -> str:
    return "-" if value is None else format_id(value, places)


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
           f"{_t('respondents', lang)}: {_fmt(report.respondents, 0)}",
           f"{_t('bobot', lang)}: {_t('weight_exact' if res.weight == 'exact' else 'weight_legacy', lang)}"]
    if report.min_sample is not None:
        out.append(f"{_t('min_sample', lang)}: {format_id(report.min_sample)} "
                   f"({_t('populasi', lang)} {format_id(report.populasi)})")
    else:
        out.append(f"{_t('min_sample', lang)}: - ({_t('no_populasi', lang)})")
    out.append("")
    headers = [v[i] for v in UNSUR_COLUMNS.values()]
    rows = []
    for r in unsur_table(res, lang):
        if r["jenis"] in ("ikm", "mutu", "kinerja"):
            continue
        rows.append([str(r["no"] or ""), r["unsur"], _fmt(r["nrr"], 2), _fmt(r["nrr_tertimbang"], 4),
                     r["mutu"] or ""])
    out += _table(headers, rows, {0, 2, 3})
    out.append("")
    ikm = res.ikm
    if ikm is None:
        out.append(f"{_t('ikm', lang)}: - ({_t('no_ikm', lang)})")
    else:
        out += [f"{_t('ikm_raw', lang)}: {format_id(ikm.unrounded, 4)}",
                f"{_t('ikm', lang)}: {format_id(ikm.rounded, 2)}",
                f"{_t('mutu', lang)}: {ikm.mutu or '-'}",
                f"{_t('kinerja', lang)}: {_kinerja(ikm.kinerja, lang)}"]
    if len(report.per_layanan) > 1:
        out += ["", _t("per_layanan", lang)]
        rows = [[name, format_id(r.respondents), _fmt(r.ikm.rounded if r.ikm else None, 2),
                 (r.ikm.mutu or "-") if r.ikm else "-"] for name, r in report.per_layanan.items()]
        rows.append([AGG_LABELS["pooled"][i], _fmt(report.respondents, 0),
                     _fmt(ikm.rounded if ikm else None, 2), (ikm.mutu or "-") if ikm else "-"])
        if report.mean is not None:
            rows.append([AGG_LABELS["mean_of_units"][i], "", format_id(report.mean.rounded, 2),
                         report.mean.mutu or "-"])
        out += _table([_t("layanan", lang), _t("respondents", lang), "IKM", "Mutu" if lang == "id" else "Grade"],
                      rows, {1, 2})
    if report.profile:
        out += ["", _t("profile", lang)]
        for table in profile_tables(report.profile, lang):
            rows = [[k, format_id(n), format_id(p, 2)] for k, n, p in table["rows"]]
            label_, n, p = table["total"]
            rows.append([label_, format_id(n), format_id(p, 2)])
            out += ["", table["title"], *_table(list(table["columns"]), rows, {1, 2})]
    out += ["", _t("findings", lang)]
    if not report.findings:
        out.append(f"  {_t('no_findings', lang)}")
    for f in report.findings:
        where = f"{f.sheet}!{f.cell}" if f.cell else f.sheet
        out.append(f"  {_t(f.severity, lang)} {f.code} {where}: {f.message(lang)}")
    out += ["", message("summary", lang, **report.summary)]
    return "\n".join(out)
