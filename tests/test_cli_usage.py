"""The console entry as a user meets it: bad arguments are one line on stderr and exit 2."""
import subprocess
import sys

import pytest


def _run(*args):
    return subprocess.run([sys.executable, "-m", "lkjip_xl", *args], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("args, lang_word", [
    (("check", "x.xlsx", "--format", "xml"), "pilihan tidak sah"),
    (("check", "x.xlsx", "--format", "xml", "--lang", "en"), "invalid option"),
    (("nosuch",), "pilihan tidak sah"),
    (("annex", "x.xlsx"), "pilihan tidak sah"),
    (("skm", "x.xlsx", "--bobot", "0.5", "--lang", "en"), "invalid option"),
])
def test_bad_arguments_are_one_line_and_exit_2(args, lang_word):
    result = _run(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lang_word in lines[0], result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_no_arguments_shows_help_and_version_works():
    assert "check" in _run().stdout
    version = _run("--version")
    assert version.returncode == 0 and version.stdout.startswith("lkjip-xl ")
