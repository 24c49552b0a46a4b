"""One workbook reduced to the figures a rekap needs (``figures.UnitFigures``).

This is the one place the rekap reaches into a checked workbook (the check's context and its
derived workbook: derived rows, SKM result, budget tree): when those change, only this module
follows. A worker process calls :func:`figures_of` and sends back the result, never the workbook.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ..calc.capaian import normalise_arah
from ..calc.decimals import number_or_none
from ..checks.engine import check_workbook
from ..errors import LkjipError
from ..i18n import message
from ..reader.own_files import REFUSALS
from ..settings import RUMUS_TURUN
from .collect import ARCHIVES
from .figures import FindingRow, Indicator, SkmFigures, UnitFigures, Unreadable
from .labels import t

NAIK_FORMULA = "R/T"  # a naik indicator's capaian: realisasi / target × 100, as every unit computes it
SKM_EXPORT_MIN_UNSUR = 5  # answer columns recognised (of nine) for a file to look like a survey export


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _year(value: Any) -> int | None:
    d = number_or_none(value)
    return int(d) if d is not None and d == d.to_integral_value() else None


def _typed(value: Any) -> Any:
    d = number_or_none(value)
    return d if d is not None else _text(value)


def _indicators(ctx) -> tuple[Indicator, ...]:
    table = ctx.model.table("pk_indikator")
    if table is None:
        return ()
    derived = ctx.wb.rows("pk_indikator")
    settings = ctx.settings
    turun = next(c.value for c in RUMUS_TURUN if c.preset == settings.turun_formula)  # as the Identitas list names it
    out = []
    for i in range(len(table)):
        row = table.row(i)
        name = _text(row.get("indikator"))
        if name is None:
            continue
        arah = normalise_arah(row.get("arah"))
        formula = {"naik": NAIK_FORMULA, "turun": turun}.get(arah)
        out.append(Indicator(_text(row.get("kode_indikator")), name, _text(row.get("satuan")),
                             _text(row.get("arah")), _typed(row.get("target")), _typed(row.get("realisasi")),
                             derived[i].get("capaian"), formula, settings.cap_100))
    return tuple(out)


def _skm(ctx) -> SkmFigures | None:
    result = ctx.wb.skm
    if result is None or not result.nrr_by_unsur():
        return None
    totals = {c.unsur: (c.total, c.n) for c in result.columns
              if c.unsur and c.source in ("responden", "jumlah") and c.n > 0}
    counts = [n for _, n in totals.values()]
    respondents = result.respondents or (max(counts) if counts else None)
    ikm = result.ikm
    return SkmFigures(result.nrr_by_unsur(), totals, ikm.unrounded if ikm else None, ikm.rounded if ikm else None,
                      ikm.mutu if ikm else None, result.weight, respondents)


def _skm_export(path: str | Path, lang: str) -> Unreadable | None:
    """A survey export kept beside the workbook (its header names most of the nine SKM unsur):
    listed as such, for ``lkjip-xl skm``, never counted as a failed workbook."""
    from ..skm.survey_file import read_survey

    try:
        survey = read_survey(Path(path))
    except LkjipError:
        return None
    if len(survey.answers) < SKM_EXPORT_MIN_UNSUR:
        return None
    return Unreadable(str(path), t("skm_export", lang, unsur=len(survey.answers), respondents=survey.respondents,
                                   path=path), kind="skm_export")


def other_file(path: Path, lang: str = "id") -> Unreadable:
    """A folder's file that is no spreadsheet and no zip (``archives`` opens those), as the rekap
    lists it: a survey export (CSV), an archive lkjip-xl cannot open (.rar, .7z: unreadable, it
    may hold a unit), or another file (skipped)."""
    suffix = path.suffix.lower()
    if suffix in ARCHIVES:
        return Unreadable(str(path), t("other_archive_unknown", lang, path=path))
    return ((suffix == ".csv" and _skm_export(path, lang))
            or Unreadable(str(path), t("other_file", lang, kind=suffix[1:].upper() or "?", path=path), kind="skipped"))


def figures_of(path: str | Path, lang: str = "id") -> UnitFigures | Unreadable:
    """Check one workbook and keep its figures; a file that cannot be checked is Unreadable
    (with its one-line reason), whatever went wrong: one bad file never stops a rekap."""
    try:
        result = check_workbook(Path(path))
        ctx = result.context
        ident = ctx.model.form("identitas")
        values = ident.values if ident is not None else {}
        budget = ctx.wb.budget
        findings = tuple(FindingRow(**f.to_dict(lang)) for f in result.findings)
        return UnitFigures(str(path), _text(values.get("unit")), _text(values.get("kabupaten_kota")),
                           _year(values.get("tahun")), _indicators(ctx), _skm(ctx), budget.total_pagu,
                           budget.total_realisasi, dict(result.summary), findings)
    except LkjipError as err:
        if err.key in REFUSALS.values():  # lkjip-xl's tables or rekap: listed, neither a unit nor an error
            return Unreadable(str(path), err.text(lang), kind="skipped")
        return (err.key == "not_lkjip" and _skm_export(path, lang)) or Unreadable(str(path), err.text(lang))
    except Exception as exc:  # a bug met on one file is reported for that file
        return Unreadable(str(path), message("internal", lang, detail=f"{type(exc).__name__}: {exc}"[:200]))
