"""`lkjip-xl skm FILE`: the SKM result alone, from the LKjIP workbook's SKM sheet or from a plain
survey export (.csv/.xlsx, one row per respondent, one column per unsur). See docs/skm.md."""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..calc.skm import DEFAULT_WEIGHT, SKM_WEIGHTS, UNSUR, min_sample
from ..calc.skm_labels import LabelSet
from ..calc.survey_dates import DateColumn, read_dates
from ..checks.skm import ANSWERS as SKM_ANSWERS, SHEETS as SKM_SHEETS, survey_findings, valid_respondents, workbook_findings
from ..errors import LkjipError, UsageError
from ..findings import Finding, HasFindings, sort_findings
from ..io.atomic import atomic_output, check_output_path, check_suffix
from ..i18n import Text, message
from ..schema.refs import a1
from ..skm.compute import COLUMNS, WORKBOOK_LABELS, SkmResult, compute_skm, skm_from_model, whole_or_none
from ..skm.layanan import MeanIkm, mean_of_units, per_layanan
from ..skm.profile import ProfileRow, respondent_profile
from ..skm.follow_up import PlanRow, plans_from_file, plans_from_model
from ..skm.label_file import declared_labels
from ..skm.label_findings import label_findings
from ..skm.period_findings import date_findings, period_findings
from ..skm.periods import PeriodBreakdown, choose_scheme, parse_periode, period_breakdown
from ..skm.survey_file import DATE_KEY, PROFILE_KEYS, file_kind, inspect_xlsx, read_survey
from .skm_output import render_text, to_json

__all__ = ["SkmReport", "SkmOptions", "run_skm", "parse_bobot", "parse_populasi", "to_json", "render_text",
           "check_report_paths", "write_report"]

#: --bobot value -> weight name of calc.skm.SKM_WEIGHTS (each weight declares its aliases)
BOBOT_OPTIONS = {alias: w.name for w in SKM_WEIGHTS.values() for alias in w.aliases}
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
    labels: LabelSet | None = None  # the answer labels read (a workbook: the regulation's); None: 1–4, a–d only
    periods: PeriodBreakdown | None = None
    plans: list[PlanRow] = field(default_factory=list)
    unit: str | None = None  # the unit's name (workbook Identitas, or --unit)
    year: int | None = None  # the report year (workbook Identitas, else the dates' one year)
    periode: str | None = None  # the survey period as the SKM sheet states it ("Januari–Desember 2024")
    rounding: str = "half_up"  # display rounding of NRRs (the workbook's choice)

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
@dataclass(frozen=True)
class SkmOptions:
    """What the user chose: ``bobot`` a weight name (``exact``/``legacy_0111``) overriding the
    workbook's (an export defaults to exact); ``populasi`` overriding the SKM sheet's; ``periode``
    auto/semester/triwulan/tahun; ``label`` a declared label file (exports only);
    ``tindak_lanjut`` a follow-up plan file; ``unit`` the unit's name for the report."""

    bobot: str | None = None
    populasi: int | None = None
    periode: str = "auto"
    label: Path | None = None
    tindak_lanjut: Path | None = None
    unit: str | None = None


def run_skm(path: Path, *, bobot: str | None = None, populasi: int | None = None,
            options: SkmOptions | None = None) -> SkmReport:
    """Compute and check the SKM of ``path`` (``bobot``/``populasi``: shorthands of ``options``).
    Raises UnreadableWorkbook when a file cannot be read, UsageError for an unusable option."""
    path = Path(path)
    options = dataclasses.replace(options or SkmOptions(), **{k: v for k, v in
                                  (("bobot", bobot), ("populasi", populasi)) if v is not None})
    states = None
    plans: tuple[list[PlanRow], list[Finding]] = ([], [])
    if file_kind(path) == "xlsx":
        is_workbook, states = inspect_xlsx(path)
    if states is not None and is_workbook:
        if options.label is not None:
            raise UsageError("label_workbook")
        report, model = _from_workbook(path, options.bobot, options.populasi)
        dated = _workbook_dates(report, model)
        plans = plans_from_model(model)
    else:
        report, dated = _from_survey(path, options.bobot or DEFAULT_WEIGHT, options.populasi, states,
                                     options.label)
    _add_periods(report, options.periode, dated)
    if options.tindak_lanjut is not None:
        plans = plans_from_file(options.tindak_lanjut)
    report.plans = plans[0]
    report.unit = options.unit or report.unit
    report.findings = sort_findings(report.findings + plans[1])
    return report


# ---------------------------------------------------------------------------------------- cli
def run_cli(file: Path | None, *, format: str, bobot: str | None, populasi: str | None, lang: str,
            periode: str | None, label: Path | None, tindak_lanjut: Path | None, unit: str | None,
            docx: Path | None, xlsx: Path | None, force: bool, overwrite: bool) -> int:
    """`lkjip-xl skm` from its raw options: prints the result (and writes the report); returns the
    exit code (2 with one line on stderr when it cannot run)."""
    import json

    import typer

    lang_ = lang.strip().lower() if lang.strip().lower() in ("id", "en") else "id"
    try:
        lang_ = parse_lang(lang)
        fmt = parse_format(format)
        if file is None:
            raise UsageError("missing_argument", name=Text("BERKAS", "FILE"))
        options = SkmOptions(parse_bobot(bobot), parse_populasi(populasi), parse_periode(periode), label,
                             tindak_lanjut, unit.strip() if unit and unit.strip() else None)
        check_report_paths(file, docx, xlsx, options, overwrite)
        report = run_skm(file, options=options)
        written = write_report(report, docx, xlsx, lang_, force)
    except LkjipError as err:
        typer.echo(f"lkjip-xl: {err.text(lang_)}", err=True)
        return 2
    if fmt == "json":
        typer.echo(json.dumps(to_json(report, lang_), ensure_ascii=False, indent=2))
    else:
        typer.echo(render_text(report, lang_))
    if (docx or xlsx) and not written:
        typer.echo(f"lkjip-xl: {message('skm_report_blocked', lang_, n=report.summary['error'])}", err=True)
    for path in written:  # stdout holds the JSON document: the paths go to stderr then
        typer.echo(message("written", lang_, path=path), err=fmt == "json")
    return 1 if report.has_errors else 0


# ------------------------------------------------------------------------------------ report
def check_report_paths(path: Path, docx: Path | None, xlsx: Path | None, options: SkmOptions,
                       overwrite: bool) -> None:
    """Refuse a report path that is misnamed, an input, the other report, or an existing file
    (without ``overwrite``): before anything is computed."""
    inputs = (Path(path), options.label, options.tindak_lanjut)
    if docx is not None:
        check_suffix(docx, ".docx", "--docx")
        check_output_path(docx, inputs=inputs, overwrite=overwrite)
    if xlsx is not None:
        check_suffix(xlsx, ".xlsx", "--xlsx")
        check_output_path(xlsx, inputs=(*inputs, docx), overwrite=overwrite)


def write_report(report: SkmReport, docx: Path | None, xlsx: Path | None, lang: str = "id",
                 force: bool = False) -> list[Path]:
    """Write the SKM report (tables, chart, footnotes) as .docx and/or .xlsx, atomically. With
    error findings nothing is written unless ``force`` (then the xlsx starts with a Temuan sheet).
    Returns the paths written."""
    from ..annex.docx_writer import write_docx
    from ..annex.tables import findings_table
    from ..annex.xlsx_writer import write_xlsx
    from ..skm.report_tables import report_tables, report_title

    if report.has_errors and not force:
        return []
    tables = report_tables(report, lang)
    title = report_title(report, lang)
    written = []
    if xlsx is not None:
        sheet_tables = tables
        if report.has_errors:
            sheet_tables = [findings_table([("cur", report.path.name, f) for f in report.findings], lang), *tables]
        with atomic_output(Path(xlsx)) as tmp:
            write_xlsx(sheet_tables, tmp, title=title, subject=report.unit or "")
        written.append(Path(xlsx))
    if docx is not None:
        with atomic_output(Path(docx)) as tmp:
            write_docx(tables, tmp, lang=lang, title=title, landscape=False, page_per_table=False)
        written.append(Path(docx))
    return written


def _min_sample(populasi) -> int | None:
    if isinstance(populasi, bool) or not isinstance(populasi, (int, Decimal)):
        return None
    if populasi != int(populasi) or populasi <= 0:
        return None
    return min_sample(int(populasi))


def _from_workbook(path: Path, bobot: str | None, populasi: int | None) -> tuple[SkmReport, object]:
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
                       findings=sort_findings(findings), rounding=settings.rounding, labels=WORKBOOK_LABELS)
    ident = identitas.values if identitas else {}
    report.unit = " ".join(str(ident[k]).strip() for k in ("unit", "kabupaten_kota") if ident.get(k)) or None
    report.year = whole_or_none(ident.get("tahun"))
    resp = model.table("skm_responden")
    default = info.values.get("jenis_layanan") if info is not None else None
    report.periode = str(info.values["periode"]).strip() if info is not None and info.values.get("periode") else None
    if resp is not None and len(resp):
        report.respondents = len(resp)
        answers = {k: resp.values.get(k, []) for k in COLUMNS}
        names = [c.name for c in result.columns]
        layanan = resp.values.get("jenis_layanan") or [None] * len(resp)
        report.per_layanan = per_layanan(layanan, answers, names, result.weight, default, labels=WORKBOOK_LABELS)
        report.profile = respondent_profile({k: resp.values[k] for k in PROFILE_KEYS if k in resp.values},
                                            len(resp), default)
    else:
        report.respondents = valid_respondents(result)
    _finish(report)
    return report, model


def _from_survey(path: Path, weight: str, populasi: int | None, states=None,
                 label_file: Path | None = None) -> tuple[SkmReport, "_Dated"]:
    declared, label_problems = declared_labels(label_file) if label_file is not None else (None, [])
    survey = read_survey(path, states=states, labels=declared)
    labels = survey.answer_labels
    answers = {k: survey.answers.get(k) or [] for k in COLUMNS}
    names = [u.name for u in UNSUR]
    result = compute_skm(answers, [{"unsur": n} for n in names], weight, labels)
    result.respondents = survey.respondents
    findings = (survey_findings(survey, result, populasi) + label_problems + survey.label_findings
                + label_findings(result, labels, survey.sheet, survey.cell, lambda key, i: answers[key][i]))
    report = SkmReport(path, "survey", result, populasi, _min_sample(populasi), findings=findings,
                       respondents=survey.respondents, labels=labels)
    layanan = survey.profile.get("jenis_layanan") or [None] * survey.respondents
    report.per_layanan = per_layanan(layanan, answers, names, weight, labels=labels)
    report.profile = respondent_profile(survey.profile, survey.respondents)
    _finish(report)
    if survey.dates is None:
        return report, _Dated(None, survey.sheet)
    dates = survey.dates
    return report, _Dated(read_dates(dates), survey.sheet, survey.header_cell(survey.columns[DATE_KEY]),
                          lambda i: survey.cell(DATE_KEY, i), dates.__getitem__, answers)


@dataclass
class _Dated:
    """The respondents' dates as read, and where they are (for the findings)."""

    column: DateColumn | None  # None: no date column
    sheet: str
    header: str = ""  # A1 of the date column's header
    cell_of: Callable[[int], str] | None = None
    raw_of: Callable[[int], object] | None = None
    answers: dict = field(default_factory=dict)


def _workbook_dates(report: SkmReport, model) -> _Dated:
    """The Tanggal column of the workbook's respondent rows (an unreadable date is the reader's
    VAL014 already: not reported twice)."""
    resp = model.table("skm_responden")
    if resp is None or not len(resp) or "tanggal" not in resp.values:
        return _Dated(None, SKM_ANSWERS)
    values = resp.values["tanggal"]
    reported = {f.cell for f in report.findings if f.code == "VAL014"}
    column = read_dates(values)
    column.problems = [(i, pr) for i, pr in column.problems if resp.cell("tanggal", i) not in reported]
    header = a1(resp.header_row, resp.cols.get("tanggal", resp.table.col_index("tanggal")))
    return _Dated(column, SKM_ANSWERS, header, lambda i: resp.cell("tanggal", i), values.__getitem__,
                  {k: resp.values.get(k, []) for k in COLUMNS})


def _add_periods(report: SkmReport, periode: str, dated: _Dated) -> None:
    """The IKM per period (``periode``: auto/semester/triwulan/tahun) and its findings; the
    report's year from the dates when the workbook does not give it."""
    column = dated.column
    dates = column.dates if column is not None else []
    years = {d.year for d in dates if d is not None}
    if report.year is None and len(years) == 1:
        report.year = years.pop()
    scheme = choose_scheme(periode, dates)
    findings: list[Finding] = []
    if column is not None:
        if scheme is None:  # no breakdown: a blank date changes nothing, an unreadable one is still said
            column.problems = [(i, pr) for i, pr in column.problems if pr != "blank"]
        findings += date_findings(column, dated.sheet, dated.cell_of, dated.raw_of, dated.header)
    if scheme is not None and not any(d is not None for d in dates):
        findings.append(Finding("SKM027", dated.sheet, dated.header,
                                params={"scheme": scheme.title[0].lower(), "scheme_en": scheme.title[1].lower()}))
    elif scheme is not None:
        names = [c.name for c in report.result.columns]
        population = whole_or_none(report.populasi)
        report.periods = period_breakdown(dates, scheme, dated.answers, names, report.result.weight,
                                          report.labels, population if population and population > 0 else None)
        if periode != "auto":  # shown by default, the periods' samples are said in their table only
            findings += period_findings(report.periods, dated.sheet, dated.header)
    report.findings = sort_findings(report.findings + findings)


def _finish(report: SkmReport) -> None:
    if len(report.per_layanan) > 1:
        report.mean = mean_of_units([r.ikm for r in report.per_layanan.values()])
