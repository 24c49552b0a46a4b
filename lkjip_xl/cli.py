"""Command line: parse arguments, call the library, render, choose the exit code.

Exit codes: 0 no errors, 1 errors found, 2 could not run (one-line reason on stderr).
"""
from __future__ import annotations

import atexit
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from . import __version__
from .cli_errors import click_exceptions, usage_line
from .cli_help import LANG_HELP, Typer, argv_lang, bi, exit_codes
from .errors import LkjipError, calamine_failure
from .i18n import message

app = Typer(
    add_completion=False,
    no_args_is_help=True,
    help=bi("lkjip-xl: buku kerja LKjIP — template, pemeriksaan, dan tabel lampiran.",
            "lkjip-xl: LKjIP workbooks — template, checks and report tables."),
    epilog=exit_codes(),
    pretty_exceptions_enable=False,
)


class Lang(str, Enum):
    id = "id"
    en = "en"


class Format(str, Enum):
    text = "text"
    json = "json"


# Options several commands share (declare a new command's options the same way: bi() for every
# text, a metavar for every value, exit_codes() in the epilog; see lkjip_xl/cli_help.py).
LANG_OPTION = typer.Option(Lang.id, "--lang", help=LANG_HELP)
OVERWRITE_OPTION = typer.Option(False, "--overwrite", help=bi("Timpa berkas keluaran yang sudah ada.",
                                                              "Replace an existing output file."))
FORMAT_HELP = bi("Bentuk keluaran: text (teks biasa) atau json.", "Output format: text or json.")
WORKBOOK_ARGUMENT = typer.Argument(..., metavar=bi("BUKU_KERJA", "WORKBOOK"),
                                   help=bi("Buku kerja LKjIP (.xlsx).", "The LKjIP workbook (.xlsx)."))
TAHUN_LALU_OPTION = typer.Option(None, "--tahun-lalu", metavar=bi("BUKU_KERJA", "WORKBOOK"),
                                 help=bi("Buku kerja tahun lalu, untuk perbandingan.",
                                         "Last year's workbook, for the comparison."))
FILE = bi("BERKAS", "FILE")


def fail(err: LkjipError, lang: str) -> None:
    typer.echo(f"lkjip-xl: {err.text(lang)}", err=True)
    raise typer.Exit(2)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lkjip-xl {__version__}")
        raise typer.Exit(0)


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help=bi("Tampilkan versi.", "Show the version.")),
) -> None:
    """lkjip-xl."""


@app.command(help=bi("Tulis buku kerja kosong untuk diisi, bisa dengan unit, kabupaten/kota dan tahun.",
                     "Write the empty workbook to fill, optionally with the unit, regency/city and year."),
             epilog=exit_codes(ok=("template ditulis", "the template was written"), errors=None))
def template(
    output: Path = typer.Option(Path("lkjip_template.xlsx"), "-o", "--output", metavar=FILE,
                                help=bi("Berkas .xlsx yang ditulis.", "The .xlsx file to write.")),
    tahun: Optional[int] = typer.Option(None, "--tahun", metavar=bi("TAHUN", "YEAR"),
                                        help=bi("Tahun laporan, mis. 2024.", "Report year, e.g. 2024.")),
    unit: Optional[str] = typer.Option(None, "--unit", metavar=bi("NAMA", "NAME"),
                                       help=bi("Nama unit kerja, mis. Kecamatan Medan Amplas.",
                                               "Name of the unit, e.g. Kecamatan Medan Amplas.")),
    kabupaten_kota: Optional[str] = typer.Option(None, "--kabupaten-kota", metavar=bi("NAMA", "NAME"),
                                                 help=bi("Kabupaten/kota, mis. Kota Medan.",
                                                         "Regency/city, e.g. Kota Medan.")),
    overwrite: bool = OVERWRITE_OPTION,
    lang: Lang = LANG_OPTION,
) -> None:
    from .commands.template import run_template

    try:
        run_template(output, tahun=tahun, unit=unit, kabupaten_kota=kabupaten_kota, lang=lang.value,
                     overwrite=overwrite)
    except LkjipError as err:
        fail(err, lang.value)
    typer.echo(message("written", lang.value, path=output))


@app.command(help=bi("Hitung IKM dari sheet SKM buku kerja, atau dari ekspor survei (.xlsx/.csv, satu baris "
                     "per responden).",
                     "Compute the IKM from the workbook's SKM sheet, or from a survey export (.xlsx/.csv, one "
                     "row per respondent)."),
             epilog=exit_codes(errors=("ada kesalahan pada data survei (lihat temuan)",
                                       "the survey data has errors (see the findings)")))
def skm(
    file: Optional[Path] = typer.Argument(None, metavar=FILE,
                                          help=bi("Buku kerja LKjIP, atau ekspor survei .xlsx/.csv.",
                                                  "The LKjIP workbook, or a survey export .xlsx/.csv.")),
    format: str = typer.Option("text", "--format", metavar="text|json", help=FORMAT_HELP),
    bobot: Optional[str] = typer.Option(None, "--bobot", metavar="exact|0.111",
                                        help=bi("Bobot per unsur: exact (1/9) atau 0.111 (bobot lama); bawaan: "
                                                "pilihan di buku kerja, atau exact.",
                                                "Weight per element: exact (1/9) or 0.111 (legacy); default: "
                                                "the workbook's choice, or exact.")),
    populasi: Optional[str] = typer.Option(None, "--populasi", metavar=bi("JUMLAH", "NUMBER"),
                                           help=bi("Populasi penerima layanan, untuk sampel minimum.",
                                                   "Number of service users, for the minimum sample.")),
    lang: str = typer.Option("id", "--lang", metavar="id|en", help=LANG_HELP),
    periode: Optional[str] = typer.Option(None, "--periode", metavar="auto|semester|triwulan|tahun",
                                          help=bi("IKM per periode menurut tanggal responden; bawaan auto: per "
                                                  "semester bila data mencakup dua semester.",
                                                  "IKM per period from the respondents' dates; default auto: per "
                                                  "semester when the data span two semesters.")),
    label: Optional[Path] = typer.Option(None, "--label", metavar=FILE,
                                         help=bi("Label jawaban kantor sendiri (.csv/.xlsx: Unsur | 1 | 2 | 3 | 4).",
                                                 "The office's own answer labels (.csv/.xlsx: Unsur | 1 | 2 | 3 | 4).")),
    tindak_lanjut: Optional[Path] = typer.Option(None, "--tindak-lanjut", metavar=FILE,
                                                 help=bi("Rencana tindak lanjut (.csv/.xlsx) untuk laporan SKM.",
                                                         "Follow-up plan (.csv/.xlsx) for the SKM report.")),
    unit: Optional[str] = typer.Option(None, "--unit", metavar=bi("NAMA", "NAME"),
                                       help=bi("Nama unit untuk judul laporan SKM.", "Unit name for the report's title.")),
    docx: Optional[Path] = typer.Option(None, "--docx", metavar=FILE,
                                        help=bi("Tulis laporan SKM sebagai .docx.", "Write the SKM report as .docx.")),
    xlsx: Optional[Path] = typer.Option(None, "--xlsx", metavar=FILE,
                                        help=bi("Tulis laporan SKM sebagai .xlsx.", "Write the SKM report as .xlsx.")),
    force: bool = typer.Option(False, "--force", help=bi("Tulis laporan walaupun ada kesalahan, dengan sheet Temuan.",
                                                         "Write the report despite errors, with a Findings sheet.")),
    overwrite: bool = OVERWRITE_OPTION,
) -> None:
    from .commands.skm import run_cli

    raise typer.Exit(run_cli(file, format=format, bobot=bobot, populasi=populasi, lang=lang, periode=periode,
                             label=label, tindak_lanjut=tindak_lanjut, unit=unit, docx=docx, xlsx=xlsx,
                             force=force, overwrite=overwrite))


@app.command(help=bi("Periksa buku kerja: hitung ulang semuanya dan tandai setiap angka yang tidak cocok, "
                     "dengan sheet dan selnya.",
                     "Check a workbook: recompute everything and flag every inconsistent figure, with its "
                     "sheet and cell."),
             epilog=exit_codes())
def check(
    workbook: Path = typer.Argument(..., metavar=bi("BUKU_KERJA", "WORKBOOK"),
                                    help=bi("Buku kerja LKjIP (.xlsx), atau laporan (.docx, .pdf, .txt) yang "
                                            "diperiksa terhadap --workbook.",
                                            "The LKjIP workbook (.xlsx), or a report (.docx, .pdf, .txt) checked "
                                            "against --workbook.")),
    format: Format = typer.Option(Format.text, "--format", help=FORMAT_HELP),
    annotate: Optional[Path] = typer.Option(None, "--annotate", metavar=FILE,
                                            help=bi("Tulis salinan bertanda (.xlsx): sel bermasalah diberi warna "
                                                    "dan catatan, dengan sheet Temuan di depan. Untuk laporan .docx: "
                                                    "salinan .docx dengan angka bermasalah ditandai dan dikomentari.",
                                                    "Write an annotated copy (.xlsx): cells with findings "
                                                    "coloured and commented, a Findings sheet first. For a .docx "
                                                    "report: a .docx copy with each reported number marked and "
                                                    "commented.")),
    data: Optional[Path] = typer.Option(None, "--workbook", metavar=bi("BUKU_KERJA", "WORKBOOK"),
                                        help=bi("Buku kerja yang menjadi acuan pemeriksaan laporan.",
                                                "The workbook a report is checked against.")),
    tahun_lalu: Optional[Path] = TAHUN_LALU_OPTION,
    overwrite: bool = OVERWRITE_OPTION,
    lang: Lang = LANG_OPTION,
) -> None:
    from .commands.check import run_check
    from .commands.check_document import is_document, render_document_text, run_check_document
    from .errors import UsageError
    from .render.json_out import render_json
    from .render.text import render_text, use_colour

    document = is_document(workbook)
    try:
        if document:
            result = run_check_document(workbook, workbook=data, tahun_lalu=tahun_lalu, annotate=annotate,
                                        lang=lang.value, overwrite=overwrite)
        else:
            if data is not None:
                raise UsageError("workbook_for_report", path=str(workbook))
            result = run_check(workbook, tahun_lalu=tahun_lalu, annotate=annotate, lang=lang.value,
                               overwrite=overwrite)
    except LkjipError as err:
        fail(err, lang.value)
    render = render_document_text if document else render_text
    if format == Format.json:
        typer.echo(render_json(result, lang.value), nl=False)
    else:
        typer.echo(render(result, lang.value, colour=use_colour(sys.stdout)), nl=False)
    raise typer.Exit(1 if result.has_errors else 0)


# the options the document commands (annex, pk) share
DOCX_OPTION = typer.Option(None, "--docx", metavar=FILE, help=bi("Juga tulis sebagai .docx.", "Also write it as .docx."))
FORCE_OPTION = typer.Option(False, "--force", help=bi("Tulis walaupun ada kesalahan, dengan sheet Temuan.",
                                                      "Write despite errors, with a Findings sheet."))


@app.command(help=bi("Tulis tabel BAB III dan lampiran LKjIP (xlsx, dan docx bila diminta). Dengan --force "
                     "lampiran tetap ditulis walaupun ada kesalahan, dengan sheet Temuan di depan dan sel "
                     "bermasalah diberi warna.",
                     "Write the report's tables (xlsx, and docx when asked). With --force the annex is "
                     "written despite errors, with a Findings sheet first and the affected cells coloured."),
             epilog=exit_codes(ok=("lampiran ditulis", "the annex was written"),
                               errors=("buku kerja berisi kesalahan: lampiran tidak ditulis (pakai --force)",
                                       "the workbook has errors: nothing was written (use --force)")))
def annex(
    workbook: Path = WORKBOOK_ARGUMENT,
    output: Path = typer.Option(..., "-o", "--output", metavar=FILE,
                                help=bi("Lampiran .xlsx yang ditulis.", "The annex .xlsx to write.")),
    docx: Optional[Path] = DOCX_OPTION,
    tahun_lalu: Optional[Path] = TAHUN_LALU_OPTION,
    force: bool = FORCE_OPTION,
    overwrite: bool = OVERWRITE_OPTION,
    lang: Lang = LANG_OPTION,
) -> None:
    from .commands.annex import run_annex

    try:
        outcome = run_annex(workbook, output, docx=docx, tahun_lalu=tahun_lalu, force=force,
                            overwrite=overwrite, lang=lang.value)
    except LkjipError as err:
        fail(err, lang.value)
    _report_written(outcome, lang.value)


def _report_written(outcome, lang: str) -> None:
    """The findings that stop a document command, the count of its other warnings, what was
    written; its exit code."""
    from .commands.annex import blocks

    for line in outcome.lines(blocks, lang):
        typer.echo(line)
    warnings = len(outcome.lines(lambda f: f.severity == "warning" and not blocks(f), lang))
    if warnings:
        typer.echo(message("annex_warnings", lang, n=warnings))
    n_errors = len(outcome.errors)
    why = (message("annex_errors", lang, n=n_errors) if n_errors
           else message("annex_undecided", lang, n=len(outcome.blocking)))
    if not outcome.written:
        typer.echo(f"lkjip-xl: {message('annex_blocked', lang, why=why)}", err=True)
        raise typer.Exit(outcome.exit_code)
    if outcome.forced:
        typer.echo(message("annex_forced", lang, why=why, marked=outcome.marked))
    for path in outcome.written:
        typer.echo(message("written", lang, path=path))
    raise typer.Exit(outcome.exit_code)


@app.command(help=bi("Tulis dokumen Perjanjian Kinerja (naskah perjanjian, lampiran sasaran, indikator, target "
                     "dan anggaran program, penjelasan rumusan, tanda tangan) sebagai xlsx dan docx, versi murni "
                     "atau perubahan.",
                     "Write the performance agreement document (agreement, annex of goals, indicators, targets "
                     "and programme budgets, formulas, signatures) as xlsx and docx, original or revised."),
             epilog=exit_codes(ok=("dokumen PK ditulis", "the PK document was written"),
                               errors=("sheet PK atau Identitas berisi kesalahan: tidak ditulis (pakai --force)",
                                       "the PK or Identitas sheet has errors: nothing was written (use --force)")))
def pk(
    workbook: Path = WORKBOOK_ARGUMENT,
    output: Path = typer.Option(..., "-o", "--output", metavar=FILE,
                                help=bi("Dokumen PK .xlsx yang ditulis.", "The PK document .xlsx to write.")),
    docx: Optional[Path] = DOCX_OPTION,
    perubahan: bool = typer.Option(False, "--perubahan",
                                   help=bi("Perubahan PK: anggaran program setelah perubahan (APBD-P).",
                                           "The revised PK: programme budgets after the revision (APBD-P).")),
    tanggal: Optional[str] = typer.Option(None, "--tanggal", metavar="TEKS",
                                          help=bi("Tanggal penandatanganan, mis. \"25 September 2023\" "
                                                  "(bawaan: Januari tahun laporan).",
                                                  "Date of signing, e.g. \"25 September 2023\" (default: January "
                                                  "of the report year).")),
    force: bool = FORCE_OPTION,
    overwrite: bool = OVERWRITE_OPTION,
    lang: Lang = LANG_OPTION,
) -> None:
    from .commands.pk import run_pk

    try:
        outcome = run_pk(workbook, output, docx=docx, perubahan=perubahan, tanggal=tanggal, force=force,
                         overwrite=overwrite, lang=lang.value)
    except LkjipError as err:
        fail(err, lang.value)
    _report_written(outcome, lang.value)


@app.command(help=bi("Tulis salinan rapi buku kerja yang diubah dengan tangan: rumus dipulihkan di baris "
                     "yang kehilangannya, angka yang tersimpan sebagai teks dijadikan angka, kode yang tersimpan "
                     "sebagai angka dijadikan teks, format dan daftar pilihan diperluas ke baris sisipan. Nilai "
                     "ketikan yang akan mengubah angka laporan tidak diubah. Setiap perubahan dicatat di layar dan "
                     "di sheet Perubahan.",
                     "Write a tidied copy of a workbook edited by hand: formulas restored in rows that lost "
                     "them, numbers stored as text made numbers, codes stored as numbers made text, formats and "
                     "dropdowns extended to inserted rows. A typed value whose change would alter a number of the "
                     "report is never changed. Every change is listed on the terminal and in a Perubahan sheet."),
             epilog=exit_codes(ok=("salinan ditulis, tanpa kesalahan", "the copy was written, without errors"),
                               errors=("salinan ditulis; masih ada kesalahan untuk diperbaiki orang",
                                       "the copy was written; errors remain for a person to fix")))
def rapikan(
    workbook: Path = WORKBOOK_ARGUMENT,
    output: Path = typer.Option(..., "-o", "--output", metavar=FILE,
                                help=bi("Salinan rapi .xlsx yang ditulis.", "The tidied copy (.xlsx) to write.")),
    format: Format = typer.Option(Format.text, "--format", help=FORMAT_HELP),
    overwrite: bool = OVERWRITE_OPTION,
    lang: Lang = LANG_OPTION,
) -> None:
    from .commands.rapikan import render_json, render_text, run_rapikan

    try:
        result = run_rapikan(workbook, output, lang=lang.value, overwrite=overwrite)
    except LkjipError as err:
        fail(err, lang.value)
    render = render_json if format == Format.json else render_text
    typer.echo(render(result, lang.value), nl=False)
    raise typer.Exit(1 if result.after.has_errors else 0)


@app.command(help=bi("Periksa banyak buku kerja sekaligus (berkas atau folder) dan tulis satu rekap: satu baris per "
                     "unit (capaian IKU, IKM, pagu, realisasi, serapan, jumlah kesalahan dan peringatan), satu sheet "
                     "per indikator, IKM kabupaten/kota (gabungan responden dan rata-rata unit), semua temuan, berkas "
                     "yang tidak terbaca dan unit yang muncul dua kali.",
                     "Check many workbooks at once (files or folders) and write one summary: one row per unit (IKU "
                     "capaian, IKM, pagu, realisasi, serapan, counts of errors and warnings), one sheet per "
                     "indicator, the city IKM (pooled over respondents and mean of units), every finding, unreadable "
                     "files and units found twice."),
             epilog=exit_codes(ok=("semua terbaca, tanpa kesalahan, tidak ada unit ganda",
                                   "all read, no errors, no unit twice"),
                               errors=("ada kesalahan, berkas tak terbaca atau unit ganda; rekap tetap ditulis",
                                       "errors, unreadable files or a unit twice; the summary is still written")))
def rekap(
    paths: list[Path] = typer.Argument(..., metavar=bi("BERKAS_ATAU_FOLDER...", "FILE_OR_FOLDER..."),
                                       help=bi("Buku kerja .xlsx atau folder (dicari sampai ke subfolder).",
                                               "Workbooks (.xlsx) or folders (searched recursively).")),
    output: Path = typer.Option(..., "-o", "--output", metavar=FILE,
                                help=bi("Rekap .xlsx yang ditulis.", "The summary .xlsx to write.")),
    jobs: Optional[int] = typer.Option(None, "--jobs", metavar="N",
                                       help=bi("Jumlah proses paralel (bawaan: jumlah inti CPU).",
                                               "Parallel processes (default: CPU cores).")),
    format: Format = typer.Option(Format.text, "--format", help=FORMAT_HELP),
    overwrite: bool = OVERWRITE_OPTION,
    lang: Lang = LANG_OPTION,
) -> None:
    import json

    from .commands.rekap import run_rekap
    from .rekap.report import render_text, to_json
    from .render.progress import progress_bar, wanted

    bar = (lambda total: progress_bar(total, "rekap")) if wanted() else None
    try:
        outcome = run_rekap(paths, output, jobs=jobs, lang=lang.value, overwrite=overwrite, progress=bar)
    except LkjipError as err:
        fail(err, lang.value)
    if format == Format.json:
        typer.echo(json.dumps(to_json(outcome.rekap, outcome.written, lang.value), ensure_ascii=False, indent=2))
    else:
        typer.echo(render_text(outcome.rekap, outcome.written, lang.value), nl=False)
    raise typer.Exit(outcome.exit_code)


@app.command(help=bi("Coba lkjip-xl: tulis template, buku kerja contoh, hasil pemeriksaannya (teks, JSON, salinan "
                     "bertanda), lampirannya (xlsx, docx) dan rekap contoh ke satu folder.",
                     "Try lkjip-xl: write the template, the sample workbooks, their check reports (text, JSON, "
                     "annotated copy), their annexes (xlsx, docx) and a summary of the samples into one folder."),
             epilog=exit_codes(ok=("semua ditulis", "everything was written"), errors=None))
def demo(
    folder: Path = typer.Argument(Path("lkjip-demo"), metavar="FOLDER",
                                  help=bi("Folder tujuan (bawaan: ./lkjip-demo).",
                                          "Output folder (default: ./lkjip-demo).")),
    overwrite: bool = OVERWRITE_OPTION,
    lang: Lang = LANG_OPTION,
) -> None:
    from .commands.demo import run_demo

    try:
        outcome = run_demo(folder, lang=lang.value, overwrite=overwrite)
    except LkjipError as err:
        fail(err, lang.value)
    for path in outcome.written:
        typer.echo(message("written", lang.value, path=path))
    typer.echo("")
    for line in outcome.lines:
        typer.echo(line)


@app.command(help=bi("Buka halaman lkjip-xl di peramban: unduh template, periksa buku kerja, unduh salinan "
                     "bertanda dan lampiran, atau rekap beberapa buku kerja sekaligus. Hanya di komputer ini (127.0.0.1); tidak ada berkas yang dikirim "
                     "ke luar.",
                     "Open the lkjip-xl page in the browser: download the template, check a workbook, download "
                     "the annotated copy and the annex, or the summary of several workbooks at once. On this computer only (127.0.0.1); no file is sent "
                     "anywhere."),
             epilog=exit_codes(ok=("halaman dihentikan (Ctrl+C)", "the page was stopped (Ctrl+C)"), errors=None))
def web(
    port: int = typer.Option(8765, "--port", metavar=bi("NOMOR", "NUMBER"),
                             help=bi("Port di 127.0.0.1.", "Port on 127.0.0.1.")),
    no_browser: bool = typer.Option(False, "--no-browser", help=bi("Jangan buka peramban.",
                                                                   "Do not open the browser.")),
    lang: Lang = LANG_OPTION,
) -> None:
    from .web.server import serve

    try:
        serve(port, open_browser=not no_browser, lang=lang.value,
              on_ready=lambda url: typer.echo(message("web_ready", lang.value, url=url)))
    except LkjipError as err:
        fail(err, lang.value)


def run(argv: list[str] | None = None) -> None:
    """Console entry: whatever happens, no traceback reaches the user. A bad argument is one line
    on stderr and exit 2 (in the --lang asked for), like an unreadable file; a bug of ours too."""
    args = sys.argv[1:] if argv is None else list(argv)
    exc_types = click_exceptions()
    try:
        code = app(args=args, prog_name="lkjip-xl", standalone_mode=False)
    except exc_types.NoArgsIsHelpError as err:
        typer.echo(err.ctx.get_help())
        code = 0
    except exc_types.UsageError as err:
        typer.echo(usage_line(err, argv_lang(args)), err=True)
        code = 2
    except (KeyboardInterrupt, typer.Abort):
        typer.echo(f"lkjip-xl: {message('aborted', argv_lang(args))}", err=True)
        code = 2
    except BaseException as exc:  # also a panic of python-calamine's Rust code (not an Exception)
        if not calamine_failure(exc):
            raise
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]  # one line, whatever the library wrote
        typer.echo(f"lkjip-xl: {message('internal', argv_lang(args), detail=detail)}", err=True)
        code = 2
    _leave(code if isinstance(code, int) else 0)


def _leave(code: int) -> None:
    """Exit as sys.exit would (output flushed, exit handlers run), without freeing one by one the
    millions of objects a large check leaves (half a second at 50.000 rows): the system takes the
    process's memory back at once."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (| head), a closed stream: nothing more to say
            pass
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)  # a profiler or debugger writes its results after the program: let it
    atexit._run_exitfuncs()
    os._exit(code)
