"""Command line: parse arguments, call the library, render, choose the exit code.

Exit codes: 0 no errors, 1 errors found, 2 could not run (one-line reason on stderr).
"""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from . import __version__
from .errors import LkjipError
from .i18n import message

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="lkjip-xl: buku kerja LKjIP — template, pemeriksaan, dan tabel lampiran. "
    "(LKjIP workbooks: template, checks and report tables.)",
    pretty_exceptions_enable=False,
)


class Lang(str, Enum):
    id = "id"
    en = "en"


class Format(str, Enum):
    text = "text"
    json = "json"


LANG_OPTION = typer.Option(Lang.id, "--lang", help="Bahasa pesan: id atau en. (Message language.)")


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
                                 help="Tampilkan versi. (Show the version.)"),
) -> None:
    """lkjip-xl."""


@app.command()
def template(
    output: Path = typer.Option(Path("lkjip_template.xlsx"), "-o", "--output",
                                help="Berkas keluaran. (Output file.)"),
    tahun: Optional[int] = typer.Option(None, "--tahun", help="Tahun laporan. (Report year.)"),
    unit: Optional[str] = typer.Option(None, "--unit", help="Nama unit kerja. (Unit name.)"),
    overwrite: bool = typer.Option(False, "--overwrite", help="Timpa berkas yang sudah ada. (Replace an existing file.)"),
    lang: Lang = LANG_OPTION,
) -> None:
    """Tulis buku kerja kosong untuk diisi. (Write the empty workbook to fill.)"""
    from .commands.template import run_template

    try:
        run_template(output, tahun=tahun, unit=unit, lang=lang.value, overwrite=overwrite)
    except LkjipError as err:
        fail(err, lang.value)
    typer.echo(message("written", lang.value, path=output))


@app.command()
def skm(
    file: Optional[Path] = typer.Argument(None, help="Buku kerja LKjIP, atau ekspor survei .xlsx/.csv "
                                          "(satu baris per responden). (Workbook or survey export.)"),
    format: str = typer.Option("text", "--format", help="text atau json. (Output format.)"),
    bobot: Optional[str] = typer.Option(None, "--bobot", help="exact (1/9) atau 0.111 (bobot lama); bawaan: "
                                        "pilihan buku kerja, atau exact. (Weight per element.)"),
    populasi: Optional[str] = typer.Option(None, "--populasi", help="Populasi penerima layanan (sampel minimum). "
                                           "(Service users, for the minimum sample.)"),
    lang: str = typer.Option("id", "--lang", help="Bahasa pesan: id atau en. (Message language.)"),
) -> None:
    """Hitung IKM dari sheet SKM atau ekspor survei. (The SKM/IKM result alone.)

    Exit 0: no error findings; 1: error findings; 2: cannot run (unreadable file, bad option)."""
    import json

    from .commands.skm import parse_bobot, parse_format, parse_lang, parse_populasi, render_text, run_skm, to_json
    from .errors import UsageError

    lang_ = lang.strip().lower() if lang.strip().lower() in ("id", "en") else "id"
    try:
        lang_ = parse_lang(lang)
        fmt = parse_format(format)
        if file is None:
            raise UsageError("bad_option", detail="FILE")
        report = run_skm(file, bobot=parse_bobot(bobot), populasi=parse_populasi(populasi))
    except LkjipError as err:
        fail(err, lang_)
    if fmt == "json":
        typer.echo(json.dumps(to_json(report, lang_), ensure_ascii=False, indent=2))
    else:
        typer.echo(render_text(report, lang_))
    raise typer.Exit(1 if report.has_errors else 0)


@app.command()
def check(
    workbook: Path = typer.Argument(..., help="Buku kerja LKjIP (.xlsx). (The LKjIP workbook.)"),
    format: Format = typer.Option(Format.text, "--format", help="text atau json. (Output format.)"),
    annotate: Optional[Path] = typer.Option(None, "--annotate",
                                            help="Tulis salinan bertanda temuan. (Write an annotated copy.)"),
    tahun_lalu: Optional[Path] = typer.Option(None, "--tahun-lalu",
                                              help="Buku kerja tahun lalu. (Last year's workbook.)"),
    overwrite: bool = typer.Option(False, "--overwrite", help="Timpa berkas yang sudah ada. (Replace an existing file.)"),
    lang: Lang = LANG_OPTION,
) -> None:
    """Periksa buku kerja: hitung ulang semua dan tandai yang tidak konsisten. (Check a workbook.)"""
    from .commands.check import run_check
    from .render.json_out import render_json
    from .render.text import render_text, use_colour

    try:
        result = run_check(workbook, tahun_lalu=tahun_lalu, annotate=annotate, lang=lang.value, overwrite=overwrite)
    except LkjipError as err:
        fail(err, lang.value)
    if format == Format.json:
        typer.echo(render_json(result, lang.value), nl=False)
    else:
        typer.echo(render_text(result, lang.value, colour=use_colour(sys.stdout)), nl=False)
    raise typer.Exit(1 if result.has_errors else 0)


@app.command()
def annex(
    workbook: Path = typer.Argument(..., help="Buku kerja LKjIP (.xlsx). (The LKjIP workbook.)"),
    output: Path = typer.Option(..., "-o", "--output", help="Lampiran .xlsx yang ditulis. (The annex .xlsx to write.)"),
    docx: Optional[Path] = typer.Option(None, "--docx", help="Juga tulis tabel sebagai .docx. (Also write a .docx.)"),
    tahun_lalu: Optional[Path] = typer.Option(None, "--tahun-lalu",
                                              help="Buku kerja tahun lalu (dua tahun berdampingan). (Last year's workbook.)"),
    force: bool = typer.Option(False, "--force", help="Tulis walaupun ada galat, dengan sheet Temuan. (Write despite errors.)"),
    overwrite: bool = typer.Option(False, "--overwrite", help="Timpa berkas yang sudah ada. (Replace an existing file.)"),
    lang: Lang = LANG_OPTION,
) -> None:
    """Tulis tabel BAB III dan lampiran LKjIP (xlsx/docx). (Write the report's tables.)

    Exit 0: written; 1: the workbook has errors, nothing written (use --force); 2: cannot run.
    With --force the annex is written (exit 0) with a first sheet Temuan and coloured cells."""
    from .commands.annex import run_annex

    try:
        outcome = run_annex(workbook, output, docx=docx, tahun_lalu=tahun_lalu, force=force,
                            overwrite=overwrite, lang=lang.value)
    except LkjipError as err:
        fail(err, lang.value)
    for line in outcome.lines("error", lang.value):
        typer.echo(line)
    warnings = len(outcome.lines("warning", lang.value))
    if warnings:
        typer.echo(message("annex_warnings", lang.value, n=warnings))
    if not outcome.written:
        typer.echo(f"lkjip-xl: {message('annex_blocked', lang.value, n=len(outcome.errors))}", err=True)
        raise typer.Exit(outcome.exit_code)
    if outcome.forced:
        typer.echo(message("annex_forced", lang.value, n=len(outcome.errors), marked=outcome.marked))
    for path in outcome.written:
        typer.echo(message("written", lang.value, path=path))
    raise typer.Exit(outcome.exit_code)


@app.command()
def rekap(
    paths: list[Path] = typer.Argument(..., help="Buku kerja .xlsx atau folder (dicari ke subfolder). "
                                       "(Workbooks or folders, searched recursively.)"),
    output: Path = typer.Option(..., "-o", "--output", help="Rekap .xlsx yang ditulis. (The summary .xlsx to write.)"),
    jobs: Optional[int] = typer.Option(None, "--jobs", help="Proses paralel; bawaan: jumlah inti CPU. "
                                       "(Parallel processes; default: CPU cores.)"),
    format: Format = typer.Option(Format.text, "--format", help="text atau json. (Output format.)"),
    overwrite: bool = typer.Option(False, "--overwrite", help="Timpa berkas yang sudah ada. (Replace an existing file.)"),
    lang: Lang = LANG_OPTION,
) -> None:
    """Periksa banyak buku kerja, tulis satu rekap. (Check many workbooks, write one summary.)

    Exit 0: all read, no errors, no unit twice; 1: errors, unreadable files or duplicates; 2: cannot run."""
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


@app.command()
def demo(
    folder: Path = typer.Argument(Path("lkjip-demo"), help="Folder tujuan. (Output folder.)"),
    overwrite: bool = typer.Option(False, "--overwrite", help="Timpa berkas yang sudah ada. (Replace existing files.)"),
    lang: Lang = LANG_OPTION,
) -> None:
    """Tulis template, sampel, pemeriksaan, lampiran dan rekap sampel. (Everything, from the samples.)"""
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


def _click_exceptions():
    """The click that typer runs on (typer may ship its own copy)."""
    try:
        from typer._click import exceptions  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - typer versions that use the click package
        from click import exceptions
    return exceptions


def _argv_lang(argv: list[str]) -> str:
    """The --lang asked for, when the arguments could not be parsed as a whole."""
    for i, arg in enumerate(argv):
        if arg == "--lang=en" or (arg == "--lang" and argv[i + 1:i + 2] == ["en"]):
            return "en"
    return "id"


def run() -> None:
    """Console entry: whatever happens, no traceback reaches the user. A bad argument is one line
    on stderr and exit 2, like an unreadable file; a bug of ours too."""
    exc_types = _click_exceptions()
    try:
        code = app(standalone_mode=False)
    except exc_types.NoArgsIsHelpError as err:
        typer.echo(err.ctx.get_help() if err.ctx else str(err))
        code = 0
    except exc_types.UsageError as err:
        detail = err.format_message().splitlines()[0]
        typer.echo(f"lkjip-xl: {message('bad_option', _argv_lang(sys.argv[1:]), detail=detail)}", err=True)
        code = 2
    except KeyboardInterrupt:
        code = 2
    except Exception as exc:
        typer.echo(f"lkjip-xl: {message('internal', detail=f'{type(exc).__name__}: {exc}'[:200])}", err=True)
        code = 2
    sys.exit(code if isinstance(code, int) else 0)
