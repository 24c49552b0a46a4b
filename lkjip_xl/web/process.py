"""What the page does with a request, through the commands' own library functions:
``commands.template.run_template``, ``commands.check.run_check`` and ``commands.skm.run_skm``."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ..commands.check import run_check
from ..commands.skm import run_skm
from ..commands.template import run_template
from ..errors import LkjipError
from .outputs import INPUT_NAMES
from .sniff import SNIFF_BYTES, upload_kind
from .store import Upload
from .views import ResultView, row_labels


class CannotCheck(Exception):
    """The upload could not be read: the command line's reason, naming the upload as it was sent."""

    def __init__(self, error: LkjipError, name: str):
        super().__init__(error.key)
        self.error, self.name = error, name

    def text(self, lang: str) -> str:
        path = str(self.error.params.get("path", ""))
        shown = {k: v.replace(path, self.name) if path and isinstance(v, str) else v
                 for k, v in self.error.params.items()}
        return self.error.text(lang, **shown)


def check_upload(upload: Upload) -> ResultView:
    """Name the saved upload by its content, then check it as ``lkjip-xl check`` (and compute the
    SKM as ``lkjip-xl skm``); a survey export gets the SKM alone. Stores and returns the result."""
    raw = upload.path("unggahan")
    with open(raw, "rb") as fh:
        upload.kind = upload_kind(fh.read(SNIFF_BYTES))
    path = raw.rename(upload.path(INPUT_NAMES[upload.kind]))
    try:
        upload.result = _workbook(path, upload.name) if upload.kind == "xlsx" else _survey(path, upload.name)
    except LkjipError as err:
        raise CannotCheck(err, upload.name) from None
    return upload.result


def _workbook(path: Path, name: str) -> ResultView:
    try:
        checked = run_check(path)
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
    findings = [replace(f, sheet=name) if f.sheet == path.name else f for f in report.findings]
    return ResultView(name, "survey", None, findings, report)


def make_template(folder: Path, fields: dict[str, str], lang: str) -> tuple[Path, str]:
    """The template with the unit, regency/city and year filled in, and the name to download it as."""
    tahun = int(fields["tahun"]) if fields.get("tahun") else None
    path = folder / "template.xlsx"
    run_template(path, tahun=tahun, unit=fields.get("unit") or None,
                 kabupaten_kota=fields.get("kabupaten_kota") or None, lang=lang)
    words = [w for w in re.split(r"[^A-Za-z0-9]+", fields.get("unit") or "") if w]
    stem = "_".join(["lkjip", *words[:6], *([str(tahun)] if tahun else [])]) if words or tahun else "lkjip_template"
    return path, f"{stem}.xlsx"
