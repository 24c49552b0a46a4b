"""What lkjip-xl writes, coming back to it: the tables of `annex` and `pk` are no unit's workbook.
Checked, they were read as one (the annex has sheets named `SKM`, `Rencana Aksi`, `Realisasi
Anggaran`: 106 errors on the valid workbook's own annex, and `rapikan` offered to mend it); in a
rekap's folder, the annex was counted as a unit '(tidak diisi)' with 129 errors. Now check says
what the file is (exit 2) and rekap lists it as skipped, neither a unit nor an error. The annotated
copy keeps the workbook's stored formula results, so checked again it says what the workbook said."""
from __future__ import annotations

import json
import re
import shutil
import zipfile
from decimal import Decimal

from typer.testing import CliRunner

from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.cli import app
from lkjip_xl.commands.annex import run_annex
from lkjip_xl.commands.pk import run_pk
from lkjip_xl.schema import SCHEMA
from test_libreoffice_edit import edit_in_libreoffice, pytestmark as needs_libreoffice

runner = CliRunner()


def _tables(workbook, folder):
    """The annex and the PK document of ``workbook``, as xlsx, in ``folder``."""
    annex, pk = folder / "lampiran.xlsx", folder / "pk.xlsx"
    run_annex(workbook, annex)
    run_pk(workbook, pk)
    return annex, pk


@needs_libreoffice
def test_the_annex_saved_by_libreoffice_is_said_to_be_lkjip_xls_tables_not_checked_as_a_workbook(write, data,
                                                                                                  tmp_path):
    annex, _ = _tables(write(data), tmp_path)
    saved = edit_in_libreoffice(annex, [], tmp_path)  # opened and saved in Calc: its properties kept
    result = runner.invoke(app, ["check", str(saved), "--format", "json"])
    assert result.exit_code == 2 and result.stdout == ""
    assert "tabel yang ditulis lkjip-xl" in result.stderr and "bukan buku kerja LKjIP" in result.stderr
    assert str(saved) in result.stderr


def test_check_says_the_pk_document_is_lkjip_xls_tables_in_either_language(write, data, tmp_path):
    _, pk = _tables(write(data), tmp_path)
    result = runner.invoke(app, ["check", str(pk), "--lang", "en"])
    assert result.exit_code == 2
    assert "tables written by lkjip-xl (annex, pk or skm), not an LKjIP workbook" in result.stderr


def test_rekap_skips_the_annex_and_pk_beside_the_workbook_and_counts_the_unit_once(write, data, tmp_path):
    folder = tmp_path / "kiriman"
    folder.mkdir()
    workbook = write(data)
    shutil.copy(workbook, folder / "kecamatan.xlsx")
    _tables(workbook, folder)
    result = runner.invoke(app, ["rekap", str(folder), "-o", str(tmp_path / "rekap.xlsx"), "--format", "json",
                                 "--jobs", "1"])
    doc = json.loads(result.stdout)
    assert result.exit_code == 0, result.output
    assert {k: doc["summary"][k] for k in ("files", "units", "unreadable", "skipped", "error", "warning")} == {
        "files": 3, "units": 1, "unreadable": 0, "skipped": 2, "error": 0, "warning": 0}
    skipped = {r["file"].rsplit("/", 1)[1]: r for r in doc["unreadable"]}
    assert set(skipped) == {"lampiran.xlsx", "pk.xlsx"}
    assert all(r["kind"] == "skipped" and "tabel yang ditulis lkjip-xl" in r["reason"] for r in skipped.values())


def _stale(path, out):
    """``path`` with the stored result of Realisasi!M7 (sisa of 01.01.01) changed to 12345, as a
    workbook saved without recalculation holds it."""
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    sheet = f"xl/worksheets/sheet{[s.name for s in SCHEMA.sheets].index('Realisasi') + 1}.xml"
    members[sheet], n = re.subn(rb'(<c r="M7"[^>]*><f>[^<]*</f><v>)[^<]*(</v>)', rb"\g<1>12345\g<2>", members[sheet])
    assert n == 1
    with zipfile.ZipFile(out, "w") as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return out


def test_the_annotated_copy_checked_again_says_what_the_workbook_said(write, data, tmp_path):
    """openpyxl dropped every stored result from the annotated copy: checked, the copy said 'saved by
    a program that does not calculate' (FRM005) and no longer saw the stale result at M7 (FRM002)."""
    stale = _stale(write(data), tmp_path / "stale.xlsx")
    copy = tmp_path / "bertanda.xlsx"
    assert runner.invoke(app, ["check", str(stale), "--annotate", str(copy)]).exit_code == 1  # FRM002 is an error
    found = [(f.code, f.severity, f"{f.sheet}!{f.cell}", f.expected, f.found) for f in check_workbook(copy).findings]
    sisa = Decimal(850_000_000) - Decimal(820_000_000)  # pagu perubahan - realisasi of 01.01.01
    assert found == [("FRM002", "error", "Realisasi!M7", sisa, Decimal(12345))]
    assert [(f.code, f.sheet, f.cell) for f in check_workbook(stale).findings] == [("FRM002", "Realisasi", "M7")]
