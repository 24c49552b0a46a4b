"""The console entry as a user meets it: bad arguments are one line on stderr and exit 2, in
the language asked for (Indonesian by default), and the help pages list choices and exit codes."""
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from lkjip_xl.cli import app
from lkjip_xl.cli_help import choices

import typer.main


ROOT = Path(__file__).resolve().parent.parent


def _run(*args, cwd=None):
    """The command in a fresh folder (a wrong call that still writes, e.g. ``template``, writes there)."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        return subprocess.run([sys.executable, "-m", "lkjip_xl", *args], capture_output=True, text=True,
                              timeout=120, cwd=cwd or tmp, env=env)


@pytest.mark.parametrize("args, words", [
    (("check", "x.xlsx", "--format", "xml"), ("nilai 'xml' tidak sah untuk --format", "text, json",
                                              "lkjip-xl check --help")),
    (("check", "x.xlsx", "--format", "xml", "--lang", "en"), ("invalid value 'xml' for --format", "text, json")),
    (("nosuch",), ("perintah 'nosuch' tidak dikenal", "lkjip-xl --help")),
    (("chek",), ("perintah 'chek' tidak dikenal", "maksudnya 'check'?")),
    (("--lang", "en", "chek"), ("unknown command 'chek'", "did you mean 'check'?")),
    (("annex", "x.xlsx"), ("pilihan --output wajib diisi", "lkjip-xl annex --help")),
    (("annex", "x.xlsx", "-o"), ("pilihan -o perlu diberi nilai",)),
    (("check",), ("BUKU_KERJA belum diisi",)),
    (("check", "--lang", "en"), ("WORKBOOK is missing",)),
    (("check", "a.xlsx", "b.xlsx"), ("argumen berlebih: b.xlsx",)),
    (("check", "a.xlsx", "--overwrite=ya"), ("pilihan --overwrite tidak memakai nilai",)),
    (("template", "--tahun", "dua ribu"), ("nilai 'dua ribu' tidak sah untuk --tahun TAHUN",)),
    (("check", "--bogus", "x.xlsx"), ("pilihan --bogus tidak dikenal",)),
    (("skm", "x.xlsx", "--bobot", "0.5", "--lang", "en"), ("invalid option", "--bobot 0.5")),
])
def test_bad_arguments_are_one_line_and_exit_2(args, words):
    result = _run(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("lkjip-xl: "), result.stderr
    for word in words:
        assert word in lines[0], result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_no_arguments_shows_help_and_version_works():
    assert "check" in _run().stdout
    version = _run("--version")
    assert version.returncode == 0 and version.stdout.startswith("lkjip-xl ")


# ---------------------------------------------------------------- no English under the default language
ENGLISH = {
    "the", "is", "are", "not", "no", "such", "missing", "invalid", "value", "for", "of", "to", "and", "or",
    "this", "show", "message", "exit", "usage", "options", "option", "arguments", "argument", "commands",
    "command", "error", "errors", "did", "you", "mean", "got", "unexpected", "extra", "requires", "required",
    "default", "does", "take", "try", "possible", "input", "should", "be", "valid", "integer", "unable",
    "parse", "string", "file", "files", "workbook", "write", "written", "check", "found", "help",
    "cannot", "could", "run", "unknown", "needs", "aborted", "warning", "warnings",
}


def _commands() -> dict:
    return typer.main.get_command(app).commands


def _english_words(text: str, allowed: set[str]) -> set[str]:
    """English words left once option names, quoted values and the tool's own names are removed."""
    text = re.sub(r"'[^']*'", " ", text)  # a value the user typed, quoted
    text = re.sub(r"(?<!\w)--?[\w-]+", " ", text)  # option names
    text = re.sub(r"\S+\.(xlsx|csv|docx)\b", " ", text)
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
    return (words & ENGLISH) - allowed


def _wrong_calls() -> list[tuple[str, ...]]:
    calls = [(), ("--help",), ("nosuch",), ("chek",), ("--bogus",)]
    for name, command in _commands().items():
        calls += [(name, "--help"), (name, "--bogus"), (name, "a.xlsx", "b.xlsx", "c.xlsx")]
        for param in command.params:
            if getattr(param, "param_type_name", "") == "argument":
                continue
            opt = max(param.opts, key=len)
            if getattr(param, "is_flag", False):
                calls.append((name, "a.xlsx", f"{opt}=1"))
            else:
                calls.append((name, "a.xlsx", opt))  # no value
                calls.append((name, "a.xlsx", opt, "nilai-aneh"))
        if any(p.required for p in command.params):
            calls.append((name,))  # a required argument or option missing (`web` alone would serve)
    return calls


def test_wrong_arguments_to_every_command_print_no_english():
    allowed = set(_commands())  # command names are names, in both languages
    for call in _wrong_calls():
        result = _run(*call)
        assert "Traceback" not in result.stdout + result.stderr, call
        out = result.stdout + result.stderr
        assert not _english_words(out, allowed), (call, _english_words(out, allowed), out)
        if result.returncode == 2:
            assert len(result.stderr.strip().splitlines()) == 1, (call, result.stderr)


def test_every_option_lists_its_choices_or_names_its_value_and_every_help_has_exit_codes():
    for name, command in _commands().items():
        for param in command.params:
            if not getattr(param, "is_flag", False):
                assert param.metavar or choices(param), (name, param.name)
        for lang, heading in (("id", "Kode keluar:"), ("en", "Exit codes:")):
            result = _run(name, "--help", "--lang", lang)
            assert result.returncode == 0, result.stderr
            assert heading in result.stdout and "\n  0  " in result.stdout and "\n  2  " in result.stdout
            assert not re.search(r"<\w+>", result.stdout), result.stdout  # no <str>/<bool>
    check = _run("check", "--help").stdout
    assert "--format text|json" in check and "--lang id|en" in check and "(bawaan: text)" in check
    assert "--bobot exact|0.111" in _run("skm", "--help").stdout
