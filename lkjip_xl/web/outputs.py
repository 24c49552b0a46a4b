"""The files a checked upload offers for download, each made by the library function of its
command, on first request, in the language asked for, inside the upload's own folder.

A command that appears later is one entry more in ``OUTPUTS``, as ``rapikan``'s tidied copy is
(``_rapikan`` calls ``commands.rapikan.run_rapikan``; it is offered where check reports a finding
that rapikan settles, as check's own hint says). (A command over several workbooks at once, such
as ``rekap``, needs the upload form to accept several files: see ``app.py``.)
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path, PurePath
from typing import Callable

from ..i18n import Text
from ..repair.change import mendable
from .store import Upload

INPUT_NAMES = {"xlsx": "masukan.xlsx", "csv": "masukan.csv"}  # the upload, under a fixed name
REPORT_STEM = "laporan"  # a report sent with its workbook: laporan.docx or laporan.pdf
TAHUN_LALU = "tahun_lalu.xlsx"  # last year's workbook sent with a workbook (check/annex --tahun-lalu)


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


def tahun_lalu_path(upload: Upload) -> Path | None:
    """Last year's workbook sent with the upload (``--tahun-lalu``), or None."""
    return upload.path(TAHUN_LALU) if upload.tahun_lalu else None


def _annotated(upload: Upload, out: Path, lang: str) -> None:
    from ..render.annotate import write_annotated

    write_annotated(input_path(upload), out, upload.result.findings, lang)


def _annex(force: bool, part: str):
    """The annex is written as xlsx and docx together (``lkjip-xl annex -o X --docx Y``)."""

    def make(upload: Upload, out: Path, lang: str) -> None:
        from ..commands.annex import run_annex

        both = {p: out.with_name(f"lampiran{'-paksa' if force else ''}-{lang}.{p}") for p in ("xlsx", "docx")}
        if not both[part].exists():
            run_annex(input_path(upload), both["xlsx"], docx=both["docx"], tahun_lalu=tahun_lalu_path(upload),
                      force=force, lang=lang, name=upload.name)
        if both[part] != out:
            both[part].replace(out)

    return make


def _skm_report(part: str):
    """The SKM report (``lkjip-xl skm FILE --docx X --xlsx Y``, with ``--force`` where the survey has
    errors: the xlsx then starts with a Temuan sheet naming the file as it was sent)."""

    def make(upload: Upload, out: Path, lang: str) -> None:
        from ..commands.skm import write_report

        report = replace(upload.result.skm, path=PurePath(upload.name))
        both = {p: out.with_name(f"skm-{lang}.{p}") for p in ("xlsx", "docx")}
        if not both[part].exists():
            write_report(report, both["docx"], both["xlsx"], lang, force=True)
        if both[part] != out:
            both[part].replace(out)

    return make


def _skm_computed(result) -> bool:
    return result.skm is not None and result.skm.result.ikm is not None


def _skm_clean(result) -> bool:
    return _skm_computed(result) and not result.skm.has_errors


def _skm_with_errors(result) -> bool:
    return _skm_computed(result) and result.skm.has_errors


def _rapikan(upload: Upload, out: Path, lang: str) -> None:
    from ..commands.rapikan import run_rapikan

    run_rapikan(input_path(upload), out, lang=lang)


def _findings_json(upload: Upload, out: Path, lang: str) -> None:
    """The findings as ``--format json`` gives them (docs/json.md), the file named as it was sent;
    a report's with its workbook and how many of its numbers were tied to it."""
    import json

    res = upload.result
    doc = {"file": upload.name, **({"workbook": res.workbook} if res.kind == "report" else {}),
           "template_version": res.template_version, "summary": res.summary,
           **({"coverage": res.coverage} if res.coverage is not None else {}),
           "findings": [f.to_dict(lang) for f in res.findings]}
    out.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _annotated_report(upload: Upload, out: Path, lang: str) -> None:
    from ..document.annotate import write_annotated_docx

    write_annotated_docx(upload.path(f"{REPORT_STEM}.docx"), out, upload.result.findings, lang)


def _word_report(result) -> bool:
    return result.kind == "report" and result.report == "docx"


def workbook_checked(result) -> bool:
    return result.kind == "workbook"


def _annex_blocked(result) -> bool:
    """The annex is only written with --force: errors, or a warning that leaves an amount undecided."""
    from ..commands.annex import blocks

    return any(blocks(f) for f in result.findings)


def _mendable(result) -> bool:
    return result.kind == "workbook" and bool(mendable(result.findings))


def _clean(result) -> bool:
    return result.kind == "workbook" and not _annex_blocked(result)


def _with_errors(result) -> bool:
    return result.kind == "workbook" and _annex_blocked(result)


FORCED = Text("Buku kerja ini masih berisi kesalahan. Lampiran ini dipaksa ditulis (seperti --force): sheet "
              "Temuan di depan dan sel bermasalah diberi warna. Perbaiki buku kerja sebelum laporan "
              "ditandatangani.",
              "This workbook still has errors. This annex is written anyway (like --force): a Findings sheet "
              "first and the affected cells coloured. Fix the workbook before the report is signed.")

SKM_REPORT = Text("Seperti lkjip-xl skm --docx/--xlsx: IKM, NRR per unsur, IKM per jenis layanan dan per periode, "
                  "profil responden, unsur terendah.",
                  "As lkjip-xl skm --docx/--xlsx: IKM, NRR per element, IKM per service and per period, respondent "
                  "profile, lowest elements.")
SKM_FORCED = Text("Data survei ini masih berisi kesalahan (lihat Temuan). Laporan SKM ini dipaksa ditulis (seperti "
                  "skm --force), dari jawaban yang terbaca; perbaiki datanya sebelum dipakai.",
                  "This survey data still has errors (see the findings). This SKM report is written anyway (like "
                  "skm --force), from the answers that could be read; fix the data before using it.")

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
    Output("temuan-json", Text("Temuan (.json)", "Findings (.json)"), "_temuan.json", lambda result: True,
           _findings_json, note=Text("Seperti --format json: untuk diolah aplikasi lain.",
                                     "As --format json: for other programs to read.")),
    Output("lampiran-xlsx", Text("Lampiran (.xlsx)", "Annex (.xlsx)"), "_lampiran.xlsx", _clean, _annex(False, "xlsx")),
    Output("lampiran-docx", Text("Lampiran (.docx)", "Annex (.docx)"), "_lampiran.docx", _clean, _annex(False, "docx")),
    Output("lampiran-paksa-xlsx", Text("Lampiran dipaksa, dengan sheet Temuan (.xlsx)",
                                       "Forced annex, with a Findings sheet (.xlsx)"),
           "_lampiran_dipaksa.xlsx", _with_errors, _annex(True, "xlsx"), FORCED),
    Output("lampiran-paksa-docx", Text("Lampiran dipaksa (.docx)", "Forced annex (.docx)"),
           "_lampiran_dipaksa.docx", _with_errors, _annex(True, "docx"), FORCED),
    Output("laporan-skm-docx", Text("Laporan SKM (.docx)", "SKM report (.docx)"), "_skm.docx", _skm_clean,
           _skm_report("docx"), note=SKM_REPORT),
    Output("laporan-skm-xlsx", Text("Laporan SKM (.xlsx)", "SKM report (.xlsx)"), "_skm.xlsx", _skm_clean,
           _skm_report("xlsx")),
    Output("laporan-skm-paksa-docx", Text("Laporan SKM dipaksa (.docx)", "Forced SKM report (.docx)"),
           "_skm_dipaksa.docx", _skm_with_errors, _skm_report("docx"), SKM_FORCED),
    Output("laporan-skm-paksa-xlsx", Text("Laporan SKM dipaksa, dengan sheet Temuan (.xlsx)",
                                          "Forced SKM report, with a Findings sheet (.xlsx)"),
           "_skm_dipaksa.xlsx", _skm_with_errors, _skm_report("xlsx"), SKM_FORCED),
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
