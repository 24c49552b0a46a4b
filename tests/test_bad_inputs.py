"""Broken and hostile workbooks (issue 6): never a traceback, never a hang, never lost data.

Every file of ``tests/bad_inputs/`` (see its README.md) goes through the real command line in a
subprocess, as staff would run it: `check` always, `annex` and `skm` when the CLI has them. Each
run must end within a time bound, exit 0/1 (with the expected findings) or 2 (with one line on
stderr naming the reason, in Indonesian or, with --lang en, English), print no traceback, leave
the input byte-for-byte unchanged and write nothing beside it.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
import typer

from lkjip_xl.cli import app
from lkjip_xl.i18n import MESSAGES

CORPUS = Path(__file__).resolve().parent / "bad_inputs"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
BY_NAME = {e["file"]: e for e in EXPECTED}
TIMEOUT = 90  # the subprocess is killed past this: a hang fails the test instead of the suite
MAX_SECONDS = 30  # what a run may take on a slow laptop (each takes 1-2 s here)
COMMANDS = set(typer.main.get_command(app).commands)
ROOT = Path(__file__).resolve().parent.parent


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(args: list[str], cwd: Path) -> tuple[int, str, str, float]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "lkjip_xl", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", errors="replace", timeout=TIMEOUT, env=env)
    return proc.returncode, proc.stdout, proc.stderr, time.monotonic() - start


@pytest.fixture
def place(tmp_path):
    """Copy a corpus file into a folder of its own; returns (input, work folder, check())."""

    def _place(name: str):
        src = CORPUS / name
        folder = tmp_path / "in"
        folder.mkdir()
        work = tmp_path / "work"
        work.mkdir()
        target = folder / name
        shutil.copyfile(src, target)
        before = _sha(target)

        def untouched():
            assert _sha(target) == before, "the input file was modified"
            assert sorted(p.name for p in folder.iterdir()) == [name], "something was written beside the input"
            assert _sha(src) == before  # the committed file too

        return target, work, untouched

    return _place


def _literal_parts(key: str, lang: str) -> list[str]:
    template = MESSAGES[key][1 if lang == "en" else 0]
    return [part.strip() for part in re.split(r"\{[^}]*\}", template) if part.strip(" ():;,")]


def _assert_clean(rc: int, out: str, err: str, seconds: float) -> None:
    assert "Traceback" not in out and "Traceback" not in err, err[-2000:]
    assert seconds < MAX_SECONDS, f"took {seconds:.1f} s"
    if rc == 2:
        lines = err.strip().splitlines()
        assert len(lines) == 1, err
        assert lines[0].startswith("lkjip-xl: "), err


def _assert_refusal(err: str, key: str, lang: str) -> None:
    for part in _literal_parts(key, lang):
        assert part in err, (part, err)


# --------------------------------------------------------------------------------------- check
def test_the_corpus_is_complete_and_small():
    files = {p.name for p in CORPUS.iterdir() if p.suffix in (".xlsx", ".xlsm", ".xls")}
    assert files == set(BY_NAME)
    assert all((CORPUS / n).stat().st_size < 1_000_000 for n in files)
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert all(f"`{n}`" in readme for n in files)


@pytest.mark.parametrize("entry", EXPECTED, ids=lambda e: e["file"])
def test_check_id_json(place, entry):
    path, work, untouched = place(entry["file"])
    rc, out, err, seconds = _run(["check", str(path), "--format", "json"], work)
    _assert_clean(rc, out, err, seconds)
    assert rc == entry["exit"], (rc, err, out[:2000])
    if rc == 2:
        _assert_refusal(err, entry["key"], "id")
    else:
        found = {f"{f['sheet']}!{f['cell']} {f['code']}" for f in json.loads(out)["findings"]}
        assert set(entry["codes"]) <= found, sorted(found)
    untouched()
    assert list(work.iterdir()) == []


@pytest.mark.parametrize("entry", EXPECTED, ids=lambda e: e["file"])
def test_check_en_text(place, entry):
    path, work, untouched = place(entry["file"])
    rc, out, err, seconds = _run(["check", str(path), "--lang", "en"], work)
    _assert_clean(rc, out, err, seconds)
    assert rc == entry["exit"], (rc, err)
    if rc == 2:
        _assert_refusal(err, entry["key"], "en")
    else:
        for item in entry["codes"]:
            cell, code = item.rsplit(" ", 1)
            assert f"{cell} [{code}]" in out, out[-3000:]
    untouched()


@pytest.mark.parametrize("entry", [e for e in EXPECTED if e["exit"] != 2], ids=lambda e: e["file"])
def test_check_annotated_copy(place, entry):
    path, work, untouched = place(entry["file"])
    out_path = work / "bertanda.xlsx"
    rc, out, err, seconds = _run(["check", str(path), "--annotate", str(out_path)], work)
    _assert_clean(rc, out, err, seconds)
    assert rc == entry["exit"], err
    assert sorted(p.name for p in work.iterdir()) == ["bertanda.xlsx"]  # no temporary file left
    with zipfile.ZipFile(out_path) as zf:
        assert "xl/vbaProject.bin" not in zf.namelist()  # macros are never carried into an output
    wb = openpyxl.load_workbook(out_path)
    assert wb.sheetnames[0] == "Temuan"
    untouched()


# ----------------------------------------------------------------------------------- hardening
INJECTED = ("contoh.invalid", "SUM(1,1)", "-2+3", "SUM(A1:A2)", "=1+1")


def _formula_cells_with_user_text(path: Path) -> list[str]:
    """Cells of a written workbook that hold a formula built from the injected user text."""
    bad = []
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f" and any(s in str(cell.value) for s in INJECTED):
                    bad.append(f"{ws.title}!{cell.coordinate}: {cell.value!r}")
    return bad


def test_user_text_like_a_formula_stays_text_in_the_annotated_copy(place):
    path, work, untouched = place("formula_injection.xlsx")
    out_path = work / "bertanda.xlsx"
    rc, out, err, seconds = _run(["check", str(path), "--annotate", str(out_path)], work)
    _assert_clean(rc, out, err, seconds)
    assert rc == 1
    assert _formula_cells_with_user_text(out_path) == []
    wb = openpyxl.load_workbook(out_path)
    temuan = [str(c.value) for row in wb["Temuan"].iter_rows() for c in row if c.value is not None]
    assert any(v == "=1+1" for v in temuan)  # the finding shows what was typed, as text
    assert wb["Realisasi"]["C7"].value.startswith("=HYPERLINK") and wb["Realisasi"]["C7"].data_type == "s"
    untouched()


def test_long_cells_fit_in_the_annotated_copy(place):
    path, work, untouched = place("long_cells.xlsx")
    out_path = work / "bertanda.xlsx"
    rc, out, err, seconds = _run(["check", str(path), "--annotate", str(out_path), "--lang", "en"], work)
    _assert_clean(rc, out, err, seconds)
    wb = openpyxl.load_workbook(out_path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert not isinstance(cell.value, str) or len(cell.value) <= 32_767, cell.coordinate
    assert wb["Realisasi"]["D7"].data_type == "s"  # 32.767 characters starting with '='
    untouched()


def test_annotate_refuses_to_write_over_the_input(place):
    path, work, untouched = place("formula_injection.xlsx")
    for lang, word in (("id", "menolak menimpa"), ("en", "refusing to write over")):
        rc, out, err, seconds = _run(["check", str(path), "--annotate", str(path), "--lang", lang], work)
        _assert_clean(rc, out, err, seconds)
        assert rc == 2 and word in err
    untouched()


def test_annotate_needs_overwrite_for_an_existing_output(place):
    path, work, untouched = place("old_version.xlsx")
    out_path = work / "bertanda.xlsx"
    out_path.write_bytes(b"keep me")
    rc, out, err, seconds = _run(["check", str(path), "--annotate", str(out_path)], work)
    _assert_clean(rc, out, err, seconds)
    assert rc == 2 and "--overwrite" in err
    assert out_path.read_bytes() == b"keep me"
    rc, out, err, seconds = _run(["check", str(path), "--annotate", str(out_path), "--overwrite"], work)
    assert rc == 0, err
    assert zipfile.is_zipfile(out_path)
    assert sorted(p.name for p in work.iterdir()) == ["bertanda.xlsx"]
    untouched()


def test_a_failed_write_leaves_no_output_and_no_temporary_file(tmp_path, monkeypatch):
    from lkjip_xl.checks.engine import check_workbook
    from lkjip_xl.render.annotate import write_annotated

    src = CORPUS / "formula_errors.xlsx"
    findings = check_workbook(src).findings
    out_path = tmp_path / "bertanda.xlsx"

    def broken_save(self, filename):
        Path(filename).write_bytes(b"half a file")
        raise OSError("disk full")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken_save)
    with pytest.raises(OSError):
        write_annotated(src, out_path, findings)
    assert list(tmp_path.iterdir()) == []


def test_openpyxl_parses_xml_through_defusedxml():
    assert openpyxl.DEFUSEDXML is True


# -------------------------------------------------------------------------------- annex and skm
needs_annex = pytest.mark.skipif("annex" not in COMMANDS, reason="the CLI has no annex command yet")
needs_skm = pytest.mark.skipif("skm" not in COMMANDS, reason="the CLI has no skm command yet")


@needs_annex
@pytest.mark.parametrize("command", ["annex", "pk"])
@pytest.mark.parametrize("entry", EXPECTED, ids=lambda e: e["file"])
def test_annex(place, entry, command):
    """The document commands (annex, and pk for the Perjanjian Kinerja) on every hostile file."""
    path, work, untouched = place(entry["file"])
    rc, out, err, seconds = _run([command, str(path), "-o", str(work / "lampiran.xlsx")], work)
    _assert_clean(rc, out, err, seconds)
    assert rc in (0, 1, 2)
    if entry["container"]:
        assert rc == 2
        _assert_refusal(err, entry["key"], "id")
    if rc != 0:
        assert not (work / "lampiran.xlsx").exists()
    assert all(not p.name.endswith(".tmp") for p in work.iterdir())
    untouched()


@needs_annex
def test_annex_writes_user_text_as_text(place):
    path, work, untouched = place("formula_injection.xlsx")
    out_path = work / "lampiran.xlsx"
    rc, out, err, seconds = _run(["annex", str(path), "-o", str(out_path), "--force"], work)
    _assert_clean(rc, out, err, seconds)
    assert out_path.exists(), err
    assert _formula_cells_with_user_text(out_path) == []
    untouched()


@needs_annex
def test_annex_refuses_to_write_over_the_input(place):
    path, work, untouched = place("old_version.xlsx")
    rc, out, err, seconds = _run(["annex", str(path), "-o", str(path), "--force"], work)
    _assert_clean(rc, out, err, seconds)
    assert rc == 2
    untouched()


@needs_skm
@pytest.mark.parametrize("entry", EXPECTED, ids=lambda e: e["file"])
def test_skm(place, entry):
    path, work, untouched = place(entry["file"])
    for lang in ("id", "en"):
        rc, out, err, seconds = _run(["skm", str(path), "--lang", lang] if lang == "en" else ["skm", str(path)], work)
        _assert_clean(rc, out, err, seconds)
        assert rc in (0, 1, 2)
        if entry["container"] and entry["key"] != "not_lkjip":  # a plain survey export is fine for skm
            assert rc == 2
            _assert_refusal(err, entry["key"], lang)
    assert list(work.iterdir()) == []
    untouched()


# ------------------------------------------------------------------------- the reader's guards
def _rewrite(src: Path, dst: Path, member: str, edit) -> Path:
    with zipfile.ZipFile(src) as zi, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zo:
        for info in zi.infolist():
            data = zi.read(info.filename)
            zo.writestr(info.filename, edit(data) if info.filename == member else data)
    return dst


SHEET5 = "xl/worksheets/sheet5.xml"  # Realisasi
VALID = CORPUS / "sheets_reordered.xlsx"  # the valid workbook, sheets in another order


@pytest.mark.parametrize("prolog", [
    b'<?xml version="1.0"?>\n<!-- ' + b"x" * 10_000 + b' -->\n<!DOCTYPE worksheet [<!ENTITY a "b">]>\n',
    b'<?xml version="1.0"?><?pi stuff?>\n<!ENTITY a "b">',
    "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE x [<!ENTITY a \"b\">]>".encode("utf-16"),
], ids=["after-a-long-comment", "bare-entity", "utf-16"])
def test_a_dtd_anywhere_in_the_prolog_is_refused(tmp_path, prolog):
    from lkjip_xl.errors import UnreadableWorkbook
    from lkjip_xl.reader import read_workbook

    path = _rewrite(VALID, tmp_path / "x.xlsx", "xl/styles.xml", lambda x: prolog + x[x.index(b"<styleSheet"):])
    with pytest.raises(UnreadableWorkbook) as exc:
        read_workbook(path)
    assert exc.value.key == "unsafe_xml"


def test_too_many_zip_members_are_refused_before_opening(tmp_path, monkeypatch):
    from lkjip_xl.errors import UnreadableWorkbook
    from lkjip_xl.reader import limits, read_workbook

    monkeypatch.setattr(limits, "MAX_ZIP_MEMBERS", 10)
    with pytest.raises(UnreadableWorkbook) as exc:
        read_workbook(VALID)
    assert exc.value.key == "too_large" and "zip members" in exc.value.text("en") and "anggota zip" in exc.value.text()


@pytest.mark.parametrize("extra, key", [
    (b'<row r="250000"><c r="B250000"><v>1</v></c></row>', "too_many_rows"),
    (b'<row r="9"><c r="AAA9" t="inlineStr"><is><t>x</t></is></c></row>', None),  # 404 x 703: fine
    (b'<row r="9"><c r="ZZZ9"><v>1</v></c></row>', "sheet_too_large"),
    (b"<row><c><v>1</v></c></row>" * 3, None),  # rows without r=: placed after the last one
    (b'<row r="1048576" hidden="1"><c r="A1048576" s="3"/></row>', None),  # styled but empty: ignored
], ids=["far-row", "wide-but-small", "too-wide", "rows-without-r", "empty-far-cell"])
def test_a_sheet_is_bounded_before_its_grid_is_built(tmp_path, extra, key):
    from lkjip_xl.errors import UnreadableWorkbook
    from lkjip_xl.reader import read_workbook

    path = _rewrite(VALID, tmp_path / "x.xlsx", SHEET5,
                    lambda x: x.replace(b"</sheetData>", extra + b"</sheetData>"))
    if key is None:
        read_workbook(path)
    else:
        with pytest.raises(UnreadableWorkbook) as exc:
            read_workbook(path)
        assert exc.value.key == key


def test_sheet_extent_counts_rows_and_cells_without_references():
    from lkjip_xl.reader.extent import sheet_extent

    xml = (b'<worksheet><sheetData><row r="5"><c r="A5"><v>1</v></c></row>'
           + b"<row><c><v>1</v></c><c><v>2</v></c></row>" * 4 + b"</sheetData></worksheet>")
    ext = sheet_extent(xml)
    assert ext.rows >= 9 and ext.cols >= 2
    assert sheet_extent(b'<worksheet><sheetData><row r="300000"><c r="C300000"><v>1</v></c></row>'
                        b"</sheetData></worksheet>").cell == "C300000"


def test_error_values_of_shared_formula_children_are_found_at_their_cells():
    from lkjip_xl.reader.xmlscan import scan_sheet

    xml = (b'<worksheet><sheetData><row r="7"><c r="H7"><f t="shared" ref="H7:H9" si="0">A7/B7</f><v>1</v></c>'
           b'<c r="I7" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>'
           b'<row r="8"><c r="H8" t="e"><f t="shared" si="0"/><v>#N/A</v></c><c r="I8" s="1"><v>0.9</v></c>'
           b'<c r="J8" t="e"><v>#REF!</v></c><c r="K8" t="e"/><c r="L8"><v>2</v></c></row></sheetData></worksheet>')
    scan = scan_sheet(xml)
    assert scan.errors == {(7, 8): "#DIV/0!", (8, 7): "#N/A", (8, 9): "#REF!"}
    assert set(scan.formulas) == {(7, 7), (7, 8), (8, 7)} and scan.formulas[(8, 7)] == "=A8/B8"


def test_formula_scan_is_linear_in_the_sheet_size():
    from lkjip_xl.reader.xmlscan import scan_sheet

    row = b'<row r="%d"><c r="A%d"><v>1</v></c><c r="B%d"><f>A%d*2</f><v>2</v></c></row>'
    xml = b"<worksheet><sheetData>" + b"".join(row % (r, r, r, r) for r in range(1, 40_001)) + b"</sheetData></worksheet>"
    start = time.monotonic()
    assert len(scan_sheet(xml).formulas) == 40_000
    assert time.monotonic() - start < 5  # it was quadratic: minutes for 50.000 rows


def test_an_output_gets_the_usual_file_mode(tmp_path):
    from lkjip_xl.io.atomic import atomic_output

    out = tmp_path / "keluaran.xlsx"
    with atomic_output(out) as tmp:
        tmp.write_bytes(b"isi")
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["keluaran.xlsx"]
