"""Rows inserted and deleted in LibreOffice itself (its UNO bridge, headless): in the template and
in a sample, a row inserted inside the budget table and inside the PK indicator table, a new sub
kegiatan and a new indicator typed there, another row deleted, the file saved as xlsx. `check`
reads it without a structural finding and computes the new rows; LibreOffice leaves the inserted
rows without formulas, `check` says so at their cells and `rapikan` restores them.

Skipped where LibreOffice or the system python3 with its uno module (Debian: python3-uno) is
missing. tests/uno_edit.py is the driver, run by that python3."""
from __future__ import annotations

import json
import shutil
import subprocess
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest

from conftest import ROOT
from helpers import codes_at
from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.reader import read_workbook
from lkjip_xl.repair import repair_workbook
from lkjip_xl.schema import SCHEMA
from lkjip_xl.schema.refs import a1, col_letter
from lkjip_xl.template.formats import INPUT_FILL
from lkjip_xl.template.writer import write_workbook

SYSTEM_PYTHON = "/usr/bin/python3"
DRIVER = Path(__file__).with_name("uno_edit.py")


def _uno_available() -> bool:
    if not (shutil.which("soffice") and Path(SYSTEM_PYTHON).exists()):
        return False
    return subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True).returncode == 0


pytestmark = pytest.mark.skipif(not _uno_available(), reason="LibreOffice with python3-uno not installed")
REAL, PK = SCHEMA.table("realisasi"), SCHEMA.table("pk_indikator")
# how the tables were found: sheets, headers, version, values outside or merged (STR008-012 are
# about last year's workbook and empty tables, not about the layout)
STRUCTURE = tuple(f"STR00{i}" for i in range(1, 8))


def edit_in_libreoffice(src: Path, steps: list, tmp: Path) -> Path:
    out = tmp / "edited.xlsx"
    (tmp / "steps.json").write_text(json.dumps(steps), encoding="utf-8")
    subprocess.run([SYSTEM_PYTHON, str(DRIVER), str(src), str(out), str(tmp / "steps.json"), str(tmp / "profile")],
                   check=True, capture_output=True, timeout=300)
    return out


def cell(table, key: str, row: int) -> str:
    return a1(row, table.col_index(key))


def typed(table, row: int, values: dict) -> list:
    return [["set", table.sheet, cell(table, k, row), v] for k, v in values.items()]


def new_sub_kegiatan(code: str) -> dict:
    return {"kode": code, "level": "sub kegiatan", "uraian": "Sub kegiatan baru dari LibreOffice",
            "pagu_murni": 1_000_000, "realisasi": 750_000}


NEW_INDICATOR = {"kode_indikator": "IKU9", "indikator": "Indikator baru", "satuan": "%", "arah": "naik",
                 "target": 90, "realisasi": 81}


def assert_read_and_computed(path: Path, code: str, deleted: str | None):
    result = check_workbook(path)
    assert [f for f in result.findings if f.code in STRUCTURE] == []
    model = result.context.model
    real = model.table("realisasi")
    codes = real.values["kode"]
    assert code in codes and (deleted is None or deleted not in codes)
    i = codes.index(code)
    row = result.context.wb.rows("realisasi")[i]
    assert (row["sisa"], row["persen_realisasi"]) == (1_000_000 - 750_000, D(75))
    pk = model.table("pk_indikator")
    j = pk.values["kode_indikator"].index("IKU9")
    assert result.context.wb.rows("pk_indikator")[j]["capaian"] == D(90)  # 81 / 90
    # LibreOffice gives an inserted row no formulas: reported at its cells
    lost = {f"{REAL.sheet}!{real.cell(k, i)}" for k in ("persen_realisasi", "sisa")}
    lost |= {f"{PK.sheet}!{pk.cell('capaian', j)}"}
    assert lost <= set(codes_at(result.findings, "FRM004"))
    return result, lost


def assert_rapikan_restores(path: Path, lost: set[str], tmp: Path):
    repaired = repair_workbook(path, tmp / "rapi.xlsx")
    restored = {f"{c.sheet}!{c.cell}" for c in repaired.applied if c.why == "formula_missing"}
    assert lost <= restored
    assert codes_at(repaired.after.findings, "FRM004") == []
    assert [f for f in repaired.after.findings if f.code in STRUCTURE or f.code.startswith("PRN")] == []
    wb = openpyxl.load_workbook(repaired.output)
    for ref in lost:
        sheet, a1ref = ref.split("!")
        assert str(wb[sheet][a1ref].value).startswith("="), ref
    return repaired


def test_rows_inserted_typed_and_deleted_in_the_template(tmp_path):
    src = tmp_path / "template.xlsx"
    write_workbook(src)
    first = REAL.first_row
    rows = [
        {"kode": "01", "uraian": "Program A", "pagu_murni": 3_000_000, "realisasi": 2_250_000},
        {"kode": "01.01", "uraian": "Kegiatan A", "pagu_murni": 3_000_000, "realisasi": 2_250_000},
        {"kode": "01.01.01", "uraian": "Sub kegiatan A", "pagu_murni": 2_000_000, "realisasi": 1_500_000},
        {"kode": "01.01.02", "uraian": "Dibatalkan", "pagu_murni": 5, "realisasi": 5},
    ]
    steps = [s for i, r in enumerate(rows) for s in typed(REAL, first + i, r)]
    steps += [["insert", REAL.sheet, first + 3]] + typed(REAL, first + 3, new_sub_kegiatan("01.01.03"))
    steps += [["delete", REAL.sheet, first + 4]]  # the cancelled sub kegiatan, now one row lower
    steps += typed(PK, PK.first_row, {**NEW_INDICATOR, "kode_indikator": "IKU1", "indikator": "Indikator satu"})
    steps += [["insert", PK.sheet, PK.first_row]] + typed(PK, PK.first_row, NEW_INDICATOR)
    edited = edit_in_libreoffice(src, steps, tmp_path)
    result, lost = assert_read_and_computed(edited, "01.01.03", "01.01.02")
    # typed below the empty template's print area (its header): a note, and rapikan extends it
    assert f"{REAL.sheet}!A{first}" in codes_at(result.findings, "PRN002")
    assert codes_at(result.findings, "PRN001") == []
    assert_rapikan_restores(edited, lost, tmp_path)


def test_rows_inserted_typed_and_deleted_in_a_sample(tmp_path):
    src = ROOT / "samples" / "medan_amplas_2023.xlsx"
    model, _ = read_workbook(src)
    real = model.table("realisasi")
    codes = real.values["kode"]
    after = real.rows[max(i for i, c in enumerate(codes) if c and c.startswith("01.02."))] + 1
    gone = next(c for c in reversed(codes) if c and c.count(".") == 2)  # a sub kegiatan further down
    gone_row = real.rows[codes.index(gone)] + 1  # one lower once the new row is in
    steps = [["insert", REAL.sheet, after]] + typed(REAL, after, new_sub_kegiatan("01.02.99"))
    steps += [["delete", REAL.sheet, gone_row]]
    steps += [["insert", PK.sheet, PK.first_row + 1]] + typed(PK, PK.first_row + 1, NEW_INDICATOR)
    edited = edit_in_libreoffice(src, steps, tmp_path)
    result, lost = assert_read_and_computed(edited, "01.02.99", gone)
    assert codes_at(result.findings, "PRN001") == []  # rows inserted inside the print area grow it
    # LibreOffice gives the inserted row the formats and dropdowns of the rows around it
    ws = openpyxl.load_workbook(edited)[REAL.sheet]
    level = col_letter(REAL.col_index("level"))
    dv = next(d for d in ws.data_validations.dataValidation if d.formula1 == SCHEMA.list_name("level"))
    assert any(r.min_row <= after <= r.max_row and r.min_col == r.max_col == REAL.col_index("level") + 1
               for r in dv.sqref.ranges)
    assert ws[f"{level}{after}"].fill.fgColor.rgb.endswith(INPUT_FILL.lstrip("#"))
    repaired = assert_rapikan_restores(edited, lost, tmp_path)
    assert [c for c in repaired.applied if c.why in ("row_style", "validation")] == []


def test_a_sub_kegiatan_row_deleted_is_said_at_its_kegiatan_not_blamed_on_the_child_left(tmp_path, write, data):
    """Delete Rows on 01.01.02 (murni 200.000.000, perubahan 200.000.000, realisasi 180.000.000):
    its kegiatan 01.01 still says 1.000.000.000 / 1.050.000.000 / 1.000.000.000 over its one child
    left (800.000.000 / 850.000.000 / 820.000.000), while programme 01 adds 01.01 up as typed. No
    other value of 01.01.01 is a slip: BUD034 at 01.01, naming what each amount lacks."""
    src = write(data)
    kegiatan = REAL.first_row + 1
    edited = edit_in_libreoffice(src, [["delete", REAL.sheet, REAL.first_row + 3]], tmp_path)
    findings = check_workbook(edited).findings
    child = cell(REAL, "pagu_murni", REAL.first_row + 2)
    assert [f for f in findings if f.code == "BUD021" or (f.sheet, f.cell) == (REAL.sheet, child)] == []
    missing = [f for f in findings if f.code == "BUD034"]
    assert [(f.sheet, f.cell, f.severity) for f in missing] == [(REAL.sheet, cell(REAL, "pagu_murni", kegiatan), "error")]
    assert (missing[0].expected, missing[0].found) == (800_000_000, 1_000_000_000)
    message = missing[0].message("id")
    assert "pagu murni 200.000.000, pagu perubahan 200.000.000, realisasi 180.000.000" in message
    for key in ("pagu_perubahan", "realisasi"):  # the kegiatan's other amounts: notes naming its cell
        note = next(f for f in findings if f.code == "BUD003" and f.cell == cell(REAL, key, kegiatan))
        assert (note.severity, note.params["cause"]) == ("info", f"{REAL.sheet}!{missing[0].cell}")


# ------------------------------------------------------------------ columns
def column(table, key: str) -> str:
    return col_letter(table.col_index(key))


def test_columns_an_office_does_not_use_deleted_and_a_notes_column_inserted(tmp_path, write, data):
    """Deleted right to left, as LibreOffice's Delete Columns does: PK's notes and last year's
    actual, the SKM's age and occupation, Realisasi's economic class; then a notes column inserted
    inside Realisasi. Each deleted column is said (STR013), read as empty; nothing else changes."""
    pk, skm = PK, SCHEMA.table("skm_responden")
    steps = [["delete_col", PK.sheet, column(PK, "keterangan")], ["delete_col", PK.sheet, column(PK, "realisasi_lalu")],
             ["delete_col", skm.sheet, column(skm, "pekerjaan")], ["delete_col", skm.sheet, column(skm, "umur")],
             ["delete_col", REAL.sheet, column(REAL, "jenis_belanja")],
             ["insert_col", REAL.sheet, "D"], ["set", REAL.sheet, f"D{REAL.header_row}", "Keterangan"],
             ["set", REAL.sheet, f"D{REAL.first_row + 2}", "dilaksanakan triwulan IV"]]
    edited = edit_in_libreoffice(write(data), steps, tmp_path)
    result = check_workbook(edited)
    header = {t.key: t.header_row for t in (pk, skm, REAL)}
    assert sorted(codes_at(result.findings, "STR013")) == sorted(
        [f"{t.sheet}!{column(t, k)}{header[t.key]}" for t, k in
         ((pk, "keterangan"), (pk, "realisasi_lalu"), (skm, "pekerjaan"), (skm, "umur"), (REAL, "jenis_belanja"))])
    assert codes_at(result.findings, "STR006") == [f"{REAL.sheet}!D{REAL.header_row}"]
    # no sub kegiatan has a class now: the Belanja class rows are not matched, and that is said
    assert codes_at(result.findings, "BUD027") == ["Belanja!B5"]
    assert [f for f in result.findings if f.severity == "error"] == []
    wb = result.context.wb
    assert wb.skm.ikm.rounded == D("86.94")  # 31,3 / 9 × 25 (valid_workbook.py), the answers read past the gaps
    total = result.context.model.table("realisasi")
    assert total.values["realisasi"][-1] == 1_694_000_000
    assert total.values["uraian"][2] == data["tables"]["realisasi"][2]["uraian"]


def test_a_column_the_formulas_read_deleted_is_an_error_at_the_header_and_at_each_formula(tmp_path, write, data):
    murni = column(REAL, "pagu_murni")
    edited = edit_in_libreoffice(write(data), [["delete_col", REAL.sheet, murni]], tmp_path)
    result = check_workbook(edited)
    assert codes_at(result.findings, "STR002") == [f"{REAL.sheet}!{murni}{REAL.header_row}"]
    assert codes_at(result.findings, "STR013") == []
    # the % and sisa formulas read pagu: LibreOffice turned them into #REF!, each said at its cell
    # (the columns right of the deleted one moved one to the left)
    moved = {k: col_letter(REAL.col_index(k) - 1) for k in ("persen_realisasi", "sisa")}
    broken = set(codes_at(result.findings, "VAL010"))
    rows = range(REAL.first_row, REAL.first_row + len(data["tables"]["realisasi"]))
    assert {f"{REAL.sheet}!{moved[k]}{r}" for k in moved for r in rows} <= broken


def test_rapikan_restores_no_formula_that_reads_a_deleted_column(tmp_path, write, data):
    """Pagu Perubahan deleted, then a sub kegiatan inserted: the template's % and sisa formulas read
    that column, and its letter now names Realisasi (Rp). Written there they would give 45/45 = 100 %
    and sisa 0 where lkjip-xl reads 45/50 = 90 % and 5.000.000; they are left out, and listed."""
    gone = REAL.col_index("pagu_perubahan")
    left = {k: col_letter(REAL.col_index(k) - (REAL.col_index(k) > gone)) for k in
            ("kode", "uraian", "target_keluaran", "realisasi_keluaran", "persen_keluaran", "pagu_murni",
             "realisasi", "persen_realisasi", "sisa")}
    row = REAL.first_row + 4  # below 01.01.02
    values = {"kode": "01.01.03", "uraian": "Baru", "target_keluaran": 2, "realisasi_keluaran": 2,
              "pagu_murni": 50_000_000, "realisasi": 45_000_000}
    steps = [["delete_col", REAL.sheet, col_letter(gone)], ["insert", REAL.sheet, row]]
    steps += [["set", REAL.sheet, f"{left[k]}{row}", v] for k, v in values.items()]
    edited = edit_in_libreoffice(write(data), steps, tmp_path)
    repaired = repair_workbook(edited, tmp_path / "rapi.xlsx")
    by_cell = {c.cell: c for c in repaired.changes}
    assert by_cell[f"{left['persen_keluaran']}{row}"].why == "formula_missing"  # 2/2: reads only present columns
    for key in ("persen_realisasi", "sisa"):
        change = by_cell[f"{left[key]}{row}"]
        assert (change.why, change.applied) == ("formula_source_absent", False)
    ws = openpyxl.load_workbook(repaired.output)[REAL.sheet]
    assert [ws[f"{left[k]}{row}"].value for k in ("persen_realisasi", "sisa")] == [None, None]


def test_a_row_inserted_above_the_header_is_said_and_rapikan_leaves_the_table(tmp_path, write, data):
    """A line inserted above Realisasi's header (a second title): the header is no longer where the
    template has it. check says so at the header row (it stopped with a KeyError on sisa), and
    rapikan puts no dropdown or format into the table's first row, the header now."""
    edited = edit_in_libreoffice(write(data), [["insert", REAL.sheet, 2]], tmp_path)
    result = check_workbook(edited)
    assert f"{REAL.sheet}!{column(REAL, 'sisa')}{REAL.header_row}" in codes_at(result.findings, "STR002")
    repaired = repair_workbook(edited, tmp_path / "rapi.xlsx")
    assert [c for c in repaired.changes if c.sheet == REAL.sheet] == []
    ws = openpyxl.load_workbook(repaired.output)[REAL.sheet]
    header = f"A{REAL.header_row + 1}"
    assert ws[header].value == "Kode"
    assert not any(header in str(d.sqref).split() for d in ws.data_validations.dataValidation)


# ------------------------------------------------------------------ sheets renamed
def test_sheets_renamed_in_libreoffice_are_read_and_reported_under_their_new_names(tmp_path):
    """Tabs renamed as offices do ("Realisasi 2024", "skm"; LibreOffice follows in every formula):
    the sheets are read as the template's (STR014, a note), every finding names the sheet as the
    office named it, and the annotated copy, rapikan and the skm command work on them."""
    from lkjip_xl.render.annotate import write_annotated
    from lkjip_xl.skm.survey_file import is_lkjip_workbook

    src = tmp_path / "template.xlsx"
    write_workbook(src)
    new = {REAL.sheet: "Realisasi 2024", "SKM": "skm"}
    first = REAL.first_row
    rows = [{"kode": "01", "uraian": "Program A", "pagu_murni": 3_000_000, "realisasi": 2_250_000},
            {"kode": "01.01", "uraian": "Kegiatan A", "pagu_murni": 3_000_000, "realisasi": 2_250_000},
            {"kode": "01.01.01", "uraian": "Sub kegiatan A", "pagu_murni": 2_000_000, "realisasi": 2_250_000}]
    steps = [["rename", old, name] for old, name in new.items()]
    steps += [["set", new[REAL.sheet], cell(REAL, k, first + i), v] for i, r in enumerate(rows) for k, v in r.items()]
    edited = edit_in_libreoffice(src, steps, tmp_path)

    result = check_workbook(edited)
    assert codes_at(result.findings, "STR001") == []
    assert sorted(codes_at(result.findings, "STR014")) == ["Realisasi 2024!A1", "skm!A1"]
    # 01.01's pagu is 3.000.000, its one sub kegiatan's 2.000.000: said on the renamed sheet
    murni = f"{col_letter(REAL.col_index('pagu_murni'))}{first + 1}"
    assert f"Realisasi 2024!{murni}" in codes_at(result.findings, "BUD003")
    assert f"Realisasi 2024!A{first}" in codes_at(result.findings, "PRN002")
    assert not [f for f in result.findings if f.sheet in new]  # no finding under a name the workbook lacks
    assert result.context.model.table("realisasi").values["kode"] == ["01", "01.01", "01.01.01"]

    annotated = tmp_path / "bertanda.xlsx"
    write_annotated(edited, annotated, result.findings)
    assert openpyxl.load_workbook(annotated)["Realisasi 2024"][murni].comment is not None

    repaired = repair_workbook(edited, tmp_path / "rapi.xlsx")
    extended = [c for c in repaired.applied if c.why == "print_area"]
    assert [c.sheet for c in extended] == ["Realisasi 2024"]
    assert extended[0].after.startswith("'Realisasi 2024'!$A$1:")
    assert [f for f in repaired.after.findings if f.code.startswith("PRN") and f.sheet == "Realisasi 2024"] == []
    assert is_lkjip_workbook(edited)


def test_a_sheet_renamed_beyond_recognition_is_one_error_that_names_the_candidates(tmp_path, write, data):
    """SKM renamed "Survei": not guessed. One STR001 that names the sheets the template does not
    have; SKM Hasil's formulas (which read the SKM sheet) are not called stale for recomputing blank."""
    edited = edit_in_libreoffice(write(data), [["rename", "SKM", "Survei"]], tmp_path)
    result = check_workbook(edited)
    assert codes_at(result.findings, "STR001") == ["SKM!A1"]
    assert "'Survei'" in next(f for f in result.findings if f.code == "STR001").message("en")
    assert [f for f in result.findings if f.severity == "error" and f.code != "STR001"] == []


def test_an_office_s_own_sheet_of_the_template_s_name_is_one_error_that_names_ours(tmp_path, write, data):
    """The template's sheets copied into an office's workbook that has its own "Realisasi" (a SIPD
    export): LibreOffice names ours "Realisasi (2)". The office's sheet holds none of the table's
    headers: one STR017 at its header row naming "Realisasi (2)", not a column error naming the
    table's title (it said "kolom 'Realisasi anggaran dan keluaran …' tidak ditemukan")."""
    steps = [["rename", REAL.sheet, "Realisasi (2)"], ["insert_sheet", PK.sheet, REAL.sheet, 3, "A1", "Realisasi SIPD"]]
    result = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path))
    assert [(f.code, f.sheet, f.cell) for f in result.findings if f.severity == "error"] == [
        ("STR017", REAL.sheet, f"A{REAL.header_row}")]
    assert next(f for f in result.findings if f.code == "STR017").message() == (
        f"tabel '{REAL.title.id}' tidak ditemukan: baris {REAL.header_row} tidak berisi satu pun judul kolomnya "
        "(sheet lain di buku kerja ini: 'Realisasi (2)')")


def test_petunjuk_and_daftar_deleted_say_where_the_version_was(tmp_path, write, data):
    """Petunjuk and the hidden _Daftar deleted in LibreOffice (Sheet > Delete Sheet): the version
    is nowhere. STR004 at a cell that exists (the first sheet's A1), saying that the sheets which
    hold it are missing, not at Petunjuk!B3."""
    kept = [s.name for s in SCHEMA.sheets if s.name not in ("Petunjuk", "_Daftar")]
    steps = [["delete_sheet", "Petunjuk"], ["delete_sheet", "_Daftar"]]
    findings = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path)).findings
    version = [f for f in findings if f.code == "STR004"]
    assert [(f.sheet, f.cell, f.severity, f.found) for f in version] == [(kept[0], "A1", "warning", None)]
    assert "sheet Petunjuk dan _Daftar, tempat versi ditulis, tidak ada" in version[0].message("id")
    assert "the sheets Petunjuk and _Daftar, where the version is written, are missing" in version[0].message("en")


# ------------------------------------------------------------------ merged cells
def test_a_sasaran_merged_over_its_indicators_reads_as_meant(tmp_path, write, data):
    """PK tables print a sasaran once, merged down over its indicators; in the template a blank
    Sasaran means "as the row above" (IKU1 and IKU2 share one). Merged in LibreOffice: no finding,
    one sasaran with both indicators. A class merged over two sub kegiatan (Realisasi N6:N7) leaves
    the second blank, which is not what a blank class means: that merge is still said (STR007)."""
    from lkjip_xl.derive.kinerja import sasaran_groups

    steps = [["merge", PK.sheet, "A5:A6"], ["merge", PK.sheet, "B5:B6"], ["merge", REAL.sheet, "N6:N7"]]
    result = check_workbook(edit_in_libreoffice(write(data), steps, tmp_path))
    assert codes_at(result.findings, "STR007") == [f"{REAL.sheet}!N6"]
    pk = result.context.model.table("pk_indikator")
    rows = [{k: pk.values[k][i] for k in ("no", "sasaran")} for i in range(len(pk))]
    groups = sasaran_groups(rows)
    assert [g.indexes for g in groups][0] == [0, 1]


# ------------------------------------------------------------------ a note under a table
def test_a_note_typed_under_a_table_below_its_print_area_is_printed_once_rapikan_extends_it(tmp_path, write, data):
    """The source typed two rows under Realisasi's TOTAL (row 15, the print area's last row
    being 16) in LibreOffice: a note, not a row (STR015); it would not be printed (PRN001) and
    rapikan extends the area down to it."""
    note = REAL.first_row + len(data["tables"]["realisasi"]) + 2
    edited = edit_in_libreoffice(write(data), [["set", REAL.sheet, f"A{note}", "Sumber: DPA-SKPD Tahun 2024"]],
                                 tmp_path)
    result = check_workbook(edited)
    assert codes_at(result.findings, "STR015") == [f"{REAL.sheet}!A{note}"]
    assert codes_at(result.findings, "PRN001") == [f"{REAL.sheet}!A{note}"]
    assert [f for f in result.findings if f.severity == "error"] == []
    repaired = repair_workbook(edited, tmp_path / "rapi.xlsx")
    assert [c.after for c in repaired.applied if c.why == "print_area"] == [f"{REAL.sheet}!$A$1:$N${note}"]
    assert codes_at(repaired.after.findings, "PRN001") == []


def test_values_typed_beside_a_form_s_fields_are_said_at_their_cells(tmp_path, write, data):
    """Typed in LibreOffice one cell off, on a form's row: the rank beside Identitas' blank
    pangkat/golongan, right of its help column (a warning: that field reads blank), a remark
    beside the filled unit, and an IKM beside SKM Hasil's computed one (notes: not read)."""
    identitas, hasil = SCHEMA.form("identitas"), SCHEMA.form("skm_hasil")
    data["forms"]["identitas"]["pimpinan_pangkat"] = None
    rank, unit = identitas.row_of("pimpinan_pangkat"), identitas.row_of("unit")
    ikm = hasil.row_of("ikm")
    beyond_help = col_letter(identitas.value_col + identitas.value_span + 1)
    beside_ikm = col_letter(hasil.value_col + hasil.value_span + 1)  # SKM Hasil!F18, in a column of the unsur table
    edited = edit_in_libreoffice(write(data), [
        ["type", identitas.sheet, f"{beyond_help}{rank}", "Pembina/IV.a"],
        ["type", identitas.sheet, f"{beyond_help}{unit}", "sesuai SK"],
        ["type", hasil.sheet, f"{beside_ikm}{ikm}", "87,5"]], tmp_path)
    stray = {(f.sheet, f.cell): f for f in check_workbook(edited).findings if f.code == "STR005"}
    assert {k: f.severity for k, f in stray.items()} == {
        (identitas.sheet, f"{beyond_help}{rank}"): "warning", (identitas.sheet, f"{beyond_help}{unit}"): "info",
        (hasil.sheet, f"{beside_ikm}{ikm}"): "info"}
    warning = stray[(identitas.sheet, f"{beyond_help}{rank}")]
    assert warning.found == "Pembina/IV.a" and f"(B{rank}), yang kosong" in warning.message("id")
    assert stray[(hasil.sheet, f"{beside_ikm}{ikm}")].found == D("87.5")


# ------------------------------------------------------------------ one slip, said once
def test_an_error_value_a_template_formula_shows_because_of_an_input_is_a_note(tmp_path, write, data):
    """01.01.02's realisasi typed as text in LibreOffice (K8): VAL001 there, the one error; the
    sisa formula of the row (M8) shows an error value because of it, a note naming K8."""
    realisasi = f"{column(REAL, 'realisasi')}{REAL.first_row + 3}"
    result = check_workbook(edit_in_libreoffice(write(data), [["set", REAL.sheet, realisasi, "180000000"]], tmp_path))
    assert [f"{f.sheet}!{f.cell}" for f in result.findings if f.severity == "error"] == [f"{REAL.sheet}!{realisasi}"]
    sisa = next(f for f in result.findings if f.code == "VAL010" and f.cell.startswith(column(REAL, "sisa")))
    assert sisa.severity == "info" and sisa.params["follows"] == f"{REAL.sheet}!{realisasi}"


def test_an_answer_the_sheet_does_not_count_is_one_warning_not_stale_results(tmp_path, write, data):
    """U9 of the first respondent (SKM!P9) typed 'Sangat baik.' (a full stop after the label) in
    LibreOffice, which recalculates: lkjip-xl counts it as 4, the sheet's score formula does not
    (SKM032, a warning). SKM Hasil's NRR and IKM are what its formulas give: notes naming P9, not
    'saved without recalculation' errors; rapikan leaves them (a value it wrote would be undone)."""
    edited = edit_in_libreoffice(write(data), [["set", "SKM", "P9", "Sangat baik."]], tmp_path)
    result = check_workbook(edited)
    assert codes_at(result.findings, "SKM032") == ["SKM!P9"]
    assert [f for f in result.findings if f.severity == "error"] == []
    stale = [f for f in result.findings if f.code == "FRM002"]
    assert stale and all(f.severity == "info" and f.params["follows"] == "SKM!P9" for f in stale)
    repaired = repair_workbook(edited, tmp_path / "rapi.xlsx")
    assert [c for c in repaired.applied if c.sheet == "SKM Hasil"] == []


def test_a_table_sorted_by_amount_in_libreoffice_is_one_warning(tmp_path, write, data):
    """Data > Sort on Realisasi (Rp) ascending over the budget rows (A5:N14; the total row 15 stays):
    the formulas move with their rows. One VAL023 at the first row out of place, every sum computed
    by the codes (none called wrong), and the annex lists the rows in code order."""
    from lkjip_xl.annex.tables import build_annex

    real = REAL.col_index("realisasi") - REAL.first_col
    edited = edit_in_libreoffice(write(data), [["sort", "Realisasi", "A5:N14", real, True]], tmp_path)
    result = check_workbook(edited)
    assert [(f.code, f.sheet, f.cell) for f in result.findings] == [("VAL023", "Realisasi", "A5")]
    kode = result.context.model.table("realisasi").values["kode"]
    assert kode[:3] == ["01.01.02", "03", "03.01"]  # as LibreOffice sorted them
    budget = next(t for t in build_annex(result.context) if any(
        c is not None and c.value == "01.01.02" for row in t.rows for c in row.cells))
    order = [c.value for row in budget.rows for c in row.cells if c is not None and c.value and c.value in kode]
    assert order == sorted(order, key=lambda k: [int(x) for x in k.split(".")])
