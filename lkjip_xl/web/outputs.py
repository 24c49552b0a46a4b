"""The files a checked upload offers for download, each made by the library function of its
command, on first request, in the language asked for, inside the upload's own folder.

A command that appears later is one entry more in ``OUTPUTS``, as ``rapikan``'s tidied copy is
(``_rapikan`` calls ``commands.rapikan.run_rapikan``; it is offered where check reports a finding
that rapikan settles, as check's own hint says). (A command over several workbooks at once, such
as ``rekap``, needs the upload form to accept several files: see ``app.py``.)
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..i18n import Text
from ..repair.change import mendable
from .store import Upload

INPUT_NAMES = {"xlsx": "masukan.xlsx", "csv": "masukan.csv"}  # the upload, under a fixed name
REPORT_STEM = "laporan"  # a report sent with its workbook: laporan.docx or laporan.pdf


@dataclass(frozen=True)
class Output:
    key: str  # the last part of its download address
    label: Text
    suffix: str  # added to the upload's name to name the download
    offered: Callable  # (ResultView) -> bool
    make: Callable[[Upload, Path, str], None]  # writes the file (path given) in the language given
    warning: Text | None = None  # shown beside the link: what is special about this file
    note: Text | None = None  # shown beside the link: what the file holds


def input_path(upload: Upload) -> Path:
    return upload.path(INPUT_NAMES[upload.kind])


def _annotated(upload: Upload, out: Path, lang: str) -> None:
    from ..render.annotate import write_annotated

    write_annotated(input_path(upload), out, upload.result.findings, lang)


def _annex(force: bool, part: str):
    """The annex is written as xlsx and docx together (``lkjip-xl annex -o X --docx Y``)."""

    def make(upload: Upload, out: Path, lang: str) -> None:
        from ..commands.annex import run_annex

        both = {p: out.with_name(f"lampiran{'-paksa' if force else ''}-{lang}.{p}") for p in ("xlsx", "docx")}
        if not both[part].exists():
            run_annex(input_path(upload), both["xlsx"], docx=both["docx"], force=force, lang=lang, name=upload.name)
        if both[part] != out:
            both[part].replace(out)

    return make


def _rapikan(upload: Upload, out: Path, lang: str) -> None:
    from ..commands.rapikan import run_rapikan

    run_rapikan(input_path(upload), out, lang=lang)


def _annotated_report(upload: Upload, out: Path, lang: str) -> None:
    from ..document.annotate import write_annotated_docx

    write_annotated_docx(upload.path(f"{REPORT_STEM}.docx"), out, upload.result.findings, lang)


def _word_report(result) -> bool:
    return result.kind == "report" and result.report == "docx"


def workbook_checked(result) -> bool:
    return result.kind == "workbook"


def _mendable(result) -> bool:
    return result.kind == "workbook" and bool(mendable(result.findings))


def _clean(result) -> bool:
    return result.kind == "workbook" and not result.has_errors


def _with_errors(result) -> bool:
    return result.kind == "workbook" and result.has_errors


FORCED = Text("Buku kerja ini masih berisi kesalahan. Lampiran ini dipaksa ditulis (seperti --force): sheet "
              "Temuan di depan dan sel bermasalah diberi warna. Perbaiki buku kerja sebelum laporan "
              "ditandatangani.",
              "This workbook still has errors. This annex is written anyway (like --force): a Findings sheet "
              "first and the affected cells coloured. Fix the workbook before the report is signed.")

OUTPUTS: tuple[Output, ...] = (
    Output("salinan-bertanda", Text("Salinan bertanda (.xlsx)", "Annotated copy (.xlsx)"), "_bertanda.xlsx",
           workbook_checked, _annotated),
    Output("salinan-rapi", Text("Salinan yang dirapikan (.xlsx)", "Tidied copy (.xlsx)"), "_rapi.xlsx", _mendable,
           _rapikan, note=Text("Seperti lkjip-xl rapikan: yang dapat dibereskan tanpa keputusan orang (rumus yang "
                               "hilang, angka atau persen yang tersimpan keliru) dibereskan; sheet Perubahan di depan "
                               "mencantumkan semuanya. Periksa salinannya lagi di sini.",
                               "As lkjip-xl rapikan: what can be put right without a person's decision (missing "
                               "formulas, numbers or percents stored wrongly) is put right; a first sheet Perubahan "
                               "lists it all. Check the copy here again.")),
    Output("laporan-bertanda", Text("Laporan bertanda (.docx)", "Annotated report (.docx)"), "_bertanda.docx",
           _word_report, _annotated_report),
    Output("lampiran-xlsx", Text("Lampiran (.xlsx)", "Annex (.xlsx)"), "_lampiran.xlsx", _clean, _annex(False, "xlsx")),
    Output("lampiran-docx", Text("Lampiran (.docx)", "Annex (.docx)"), "_lampiran.docx", _clean, _annex(False, "docx")),
    Output("lampiran-paksa-xlsx", Text("Lampiran dipaksa, dengan sheet Temuan (.xlsx)",
                                       "Forced annex, with a Findings sheet (.xlsx)"),
           "_lampiran_dipaksa.xlsx", _with_errors, _annex(True, "xlsx"), FORCED),
    Output("lampiran-paksa-docx", Text("Lampiran dipaksa (.docx)", "Forced annex (.docx)"),
           "_lampiran_dipaksa.docx", _with_errors, _annex(True, "docx"), FORCED),
)
BY_KEY = {o.key: o for o in OUTPUTS}


def produce(upload: Upload, output: Output, lang: str) -> Path:
    """The output's file for this upload, made once per language (under the upload's lock, so two
    clicks at once do not write the same file twice)."""
    with upload.lock:
        path = upload.path(f"{output.key}-{lang}{Path(output.suffix).suffix}")
        if not path.exists():
            output.make(upload, path, lang)
        return path


def download_name(upload: Upload, output: Output) -> str:
    stem = Path(upload.name).stem or "lkjip"
    return f"{stem}{output.suffix}"
