"""What the page does with a request, through the commands' own library functions:
``commands.template.run_template``, ``commands.check.run_check``, ``commands.skm.run_skm`` and,
for a report sent with its workbook, ``commands.check_document.run_check_document``."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ..commands.check import run_check
from ..commands.skm import run_skm
from ..commands.template import run_template
from ..errors import LkjipError
from .outputs import INPUT_NAMES, REPORT_STEM, tahun_lalu_path
from .sniff import SNIFF_BYTES, report_kind, upload_kind
from .rekap import stored_name
from .store import Upload
from .texts import t
from .views import ResultView, row_labels


class CannotCheck(Exception):
    """The upload could not be read: the command line's reason, naming each file as it was sent
    (``names``: the path it is stored at -> the name it was sent with), or one of the page's own
    texts (``key``)."""

    def __init__(self, error: LkjipError | None, names: dict[str, str], key: str = ""):
        super().__init__(key or error.key)
        self.error, self.names, self.key = error, names, key

    def text(self, lang: str) -> str:
        if self.error is None:
            return t(self.key, lang)
        return self.error.text(lang, **{k: self._named(v) for k, v in self.error.params.items()})

    def _named(self, value):
        if isinstance(value, str):
            for stored, name in self.names.items():
                value = value.replace(stored, name)
        return value


def check_upload(upload: Upload) -> ResultView:
    """Name the saved upload by its content, then check it as ``lkjip-xl check`` (and compute the
    SKM as ``lkjip-xl skm``); a survey export gets the SKM alone. Stores and returns the result."""
    raw = upload.path(stored_name(0))
    if report_kind(raw):
        raise CannotCheck(None, {}, "report_alone")
    with open(raw, "rb") as fh:
        upload.kind = upload_kind(fh.read(SNIFF_BYTES))
    path = raw.rename(upload.path(INPUT_NAMES[upload.kind]))
    last = tahun_lalu_path(upload) if upload.kind == "xlsx" else None
    try:
        upload.result = _workbook(path, upload.name, last) if upload.kind == "xlsx" else _survey(path, upload.name)
    except LkjipError as err:
        raise CannotCheck(err, {str(path): upload.name, **({str(last): upload.tahun_lalu} if last else {})}) from None
    if last is not None and upload.result.kind == "workbook":
        upload.result.tahun_lalu = upload.tahun_lalu
    return upload.result


def report_of(paths: list[Path]) -> tuple[int, str] | None:
    """Two files of which one is a report document: (its index, ``"docx"``/``"pdf"``); else None
    (several workbooks: a rekap)."""
    if len(paths) != 2:
        return None
    found = [(i, kind) for i, kind in enumerate(map(report_kind, paths)) if kind]
    return found[0] if len(found) == 1 else None


def check_report(upload: Upload, files: list[tuple[str, Path]], which: int, kind: str) -> ResultView:
    """The numbers of the report ``files[which]`` against the workbook sent with it, as ``lkjip-xl
    check LAPORAN --workbook DATA.xlsx`` (``commands.check_document.run_check_document``)."""
    from ..commands.check_document import run_check_document

    (report_name, report), (book_name, book) = files[which], files[1 - which]
    report = report.rename(upload.path(f"{REPORT_STEM}.{kind}"))
    book = book.rename(upload.path(INPUT_NAMES["xlsx"]))
    upload.kind, upload.name = "xlsx", report_name
    last = tahun_lalu_path(upload)
    try:
        checked = run_check_document(report, workbook=book, tahun_lalu=last)
    except LkjipError as err:
        raise CannotCheck(err, {str(report): report_name, str(book): book_name,
                                **({str(last): upload.tahun_lalu} if last else {})}) from None
    upload.result = ResultView(report_name, "report", checked.template_version, checked.findings,
                               workbook=book_name, coverage=checked.coverage, report=kind, tahun_lalu=upload.tahun_lalu)
    return upload.result


def _workbook(path: Path, name: str, tahun_lalu: Path | None = None) -> ResultView:
    try:
        checked = run_check(path, tahun_lalu=tahun_lalu)
    except LkjipError as err:
        if err.key != "not_lkjip" or _has_lkjip_sheets(path):
            raise  # a damaged LKjIP workbook is reported as the command line reports it
        try:
            return _survey(path, name)  # an .xlsx survey export is not a workbook, but has an SKM
        except LkjipError:
            raise err from None
    try:
        report = run_skm(path)
    except LkjipError:
        report = None
    labels = row_labels(checked.context.model, checked.findings)
    return ResultView(name, "workbook", checked.template_version, checked.findings, report, labels)


def _has_lkjip_sheets(path: Path) -> bool:
    from ..reader.read import DATA_SHEETS
    from ..skm.survey_file import inspect_xlsx

    sheets = inspect_xlsx(path)[1]
    return any(name in sheets for name in DATA_SHEETS)


def _survey(path: Path, name: str) -> ResultView:
    """A CSV export has no sheets: its findings name the file, which is the name it was sent with,
    not the fixed one it is stored under."""
    report = run_skm(path)
    report.findings = [replace(f, sheet=name) if f.sheet == path.name else f for f in report.findings]
    return ResultView(name, "survey", None, report.findings, report)


def make_template(folder: Path, fields: dict[str, str], lang: str) -> tuple[Path, str]:
    """The template with the unit, regency/city and year filled in, and the name to download it as."""
    tahun = int(fields["tahun"]) if fields.get("tahun") else None
    path = folder / "template.xlsx"
    run_template(path, tahun=tahun, unit=fields.get("unit") or None,
                 kabupaten_kota=fields.get("kabupaten_kota") or None, lang=lang)
    words = [w for w in re.split(r"[^A-Za-z0-9]+", fields.get("unit") or "") if w]
    stem = "_".join(["lkjip", *words[:6], *([str(tahun)] if tahun else [])]) if words or tahun else "lkjip_template"
    return path, f"{stem}.xlsx"
