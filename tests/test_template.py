"""The template: sheets, names, no protection, formats, validations, print setup, and the committed
copy in workbook_templates/."""
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.cli import app
from lkjip_xl.schema import SCHEMA, ColType
from lkjip_xl.schema.refs import col_letter
from lkjip_xl.template.fill import write_filled
from lkjip_xl.template.writer import write_workbook
from valid_workbook import valid_data

COMMITTED = Path(__file__).resolve().parent.parent / "workbook_templates" / "lkjip_template.xlsx"


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("tpl") / "t.xlsx"
    write_workbook(path)
    return path


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_committed_template_is_what_the_generator_writes(template):
    committed, fresh = _members(COMMITTED), _members(template)
    assert sorted(committed) == sorted(fresh)
    differing = [n for n in fresh if committed[n] != fresh[n]]
    assert differing == [], "regenerate: lkjip-xl template -o workbook_templates/lkjip_template.xlsx --overwrite"


def test_output_is_deterministic(template, tmp_path):
    again = tmp_path / "again.xlsx"
    write_workbook(again)
    assert _members(again) == _members(template)


def test_every_schema_sheet_is_there_in_order(template):
    wb = openpyxl.load_workbook(template)
    assert wb.sheetnames == [s.name for s in SCHEMA.sheets]
    assert wb[SCHEMA.list_sheet].sheet_state == "hidden"
    assert wb.active.title == "Petunjuk"


def test_defined_names_for_lists_and_rule_choices(template):
    wb = openpyxl.load_workbook(template)
    names = set(wb.defined_names.keys())
    for key in SCHEMA.lists:
        assert SCHEMA.list_name(key) in names
    for f in SCHEMA.form("identitas").fields:
        if f.name:
            assert f.name in names
    assert "lkjip_versi" in names


def test_no_sheet_is_protected_and_computed_cells_hold_formulas(template):
    wb = openpyxl.load_workbook(template)
    assert [ws.title for ws in wb.worksheets if ws.protection.sheet] == []  # rows can be inserted and deleted
    for table in SCHEMA.tables:
        ws = wb[table.sheet]
        for j, col in enumerate(table.columns):
            cell = ws.cell(row=table.first_row, column=table.first_col + j + 1)
            if col.computed:
                assert isinstance(cell.value, str) and cell.value.startswith("="), (table.key, col.key)
            else:
                assert cell.number_format == col.display_format, (table.key, col.key)


def test_droppable_columns_are_those_no_formula_of_the_template_reads(template):
    """What a table can do without (STR013 when deleted) is declared per column; the declaration is
    checked against the template's own formulas, read back: a column a formula of its row refers to
    (by its letter, on the same sheet) is never droppable, nor a required or computed one."""
    wb = openpyxl.load_workbook(template)
    for table in SCHEMA.tables:
        ws, row = wb[table.sheet], table.first_row
        letters = {col_letter(table.col_index(c.key)): c.key for c in table.columns}
        read = set()
        for col in table.columns:
            formula = ws[f"{col_letter(table.col_index(col.key))}{row}"].value
            if col.computed:  # references of this sheet only: a name followed by its row, not after "!"
                read |= {letters[m] for m in re.findall(rf"(?<![A-Za-z_!$.])\$?([A-Z]{{1,2}})\$?{row}(?!\d)", formula)
                         if m in letters}
        assert table.formula_inputs == read, table.key
        for col in table.columns:
            if col.droppable:
                assert not (col.required or col.computed or col.key in read), (table.key, col.key)
                assert table.may_be_absent(col.key)
            else:
                assert not table.may_be_absent(col.key)
    assert SCHEMA.table("realisasi").formula_inputs >= {"pagu_murni", "pagu_perubahan", "realisasi"}


def test_no_two_tables_share_rows(template):
    """Each sheet holds one table; a form on the same sheet sits above it, or below a table of
    fixed size, so inserting or deleting rows in one never moves another."""
    for sheet in SCHEMA.sheets:
        assert len(sheet.tables) <= 1, sheet.name
        for form in sheet.forms:
            for table in sheet.tables:
                above = form.last_row < table.header_row - 1
                below_fixed = table.max_rows is not None and form.first_row - 2 > table.first_row + table.max_rows - 1
                assert above or below_fixed, (sheet.name, form.key)
        assert len(sheet.name) <= 31


@pytest.mark.parametrize("lang, words", [("id", ("Pilih", "Ketik", "Periksa", "daftar")),
                                         ("en", ("Choose", "Type", "Check", "list"))])
def test_every_validation_has_an_error_message_in_the_language(tmp_path, lang, words):
    path = tmp_path / f"{lang}.xlsx"
    write_workbook(path, lang=lang)
    wb = openpyxl.load_workbook(path)
    seen = 0
    for ws in wb.worksheets:
        for dv in ws.data_validations.dataValidation:
            assert dv.showErrorMessage and dv.errorTitle and dv.error, (ws.title, dv.sqref)
            assert any(w in dv.error for w in words), (ws.title, dv.sqref, dv.error)
            seen += 1
    assert seen > 50


def test_the_skm_answer_dropdown_offers_what_its_help_says(template):
    """Help: 1–4, a–d or the unsur's label. The dropdown offers 1–4 and a–d, the numbers as numbers
    (a picked answer is a number, not text); anything else typed only warns (a label is typed or
    pasted: the score formula reads it), saying what counts."""
    wb = openpyxl.load_workbook(template)
    table = SCHEMA.table("skm_responden")
    col = table.column("u1")
    assert "1–4, a–d, atau label" in col.help.id
    dv = next(dv for dv in wb[table.sheet].data_validations.dataValidation
              if f"{col_letter(table.col_index('u1'))}{table.first_row}" in str(dv.sqref))
    assert (dv.type, dv.formula1, dv.errorStyle) == ("list", SCHEMA.list_name("jawaban"), "warning")
    assert "1–4, a–d, atau label" in dv.error and "Sangat sesuai" in dv.error
    dest = wb.defined_names[SCHEMA.list_name("jawaban")].destinations
    sheet, ref = next(iter(dest))
    offered = [c.value for row in wb[sheet][ref.replace("$", "")] for c in row]
    assert offered == [1, 2, 3, 4, "a", "b", "c", "d"]


def test_code_columns_are_text_and_headers_frozen(template):
    wb = openpyxl.load_workbook(template)
    ws = wb["Realisasi"]
    table = SCHEMA.table("realisasi")
    assert ws.cell(row=table.first_row, column=1).number_format == "@"
    assert table.column("kode").type == ColType.CODE
    assert ws.freeze_panes == "A5"


def test_dropdowns_reference_defined_names(template):
    wb = openpyxl.load_workbook(template)
    sources = {dv.formula1 for dv in wb["PK"].data_validations.dataValidation if dv.type == "list"}
    assert "lst_arah" in sources and "lst_satuan" in sources


@pytest.mark.parametrize("satuan", ["Kasus", "Peserta"])
def test_the_satuan_dropdown_offers_what_kecamatan_indicators_count(template, tmp_path, satuan):
    """Trantibum indicators count Kasus, outputs Peserta (Medan Amplas LKjIP 2023 L1618, L1705):
    neither was in the dropdown, so staff typed it and check said VAL007 at the cell."""
    wb = openpyxl.load_workbook(template)
    sheet, ref = next(iter(wb.defined_names[SCHEMA.list_name("satuan")].destinations))
    assert satuan in [c.value for row in wb[sheet][ref.replace("$", "")] for c in row]
    data = valid_data()
    iku4 = next(r for r in data["tables"]["pk_indikator"] if r["kode_indikator"] == "IKU4")  # PK row 8
    for typed, said in ((satuan, False), ("Kasus lama", True)):  # not in the list: still a warning
        iku4["satuan"] = typed
        write_filled(tmp_path / "wb.xlsx", data)
        at = [(f.severity, f.sheet, f.cell) for f in check_workbook(tmp_path / "wb.xlsx").findings if f.code == "VAL007"]
        assert at == ([("warning", "PK", "E8")] if said else [])


def test_a4_print_setup_fit_to_width_header_repeated(template):
    wb = openpyxl.load_workbook(template)
    for sheet in SCHEMA.sheets:
        if sheet.hidden:
            continue
        ws = wb[sheet.name]
        assert ws.page_setup.paperSize == 9, sheet.name
        assert ws.page_setup.orientation == ("landscape" if sheet.landscape else "portrait"), sheet.name
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (None, 1), sheet.name
        assert ws.page_setup.fitToHeight == 0, sheet.name
        if sheet.tables:
            hr = sheet.tables[0].header_row
            assert ws.print_title_rows == f"${hr}:${hr}", sheet.name
    assert wb["Realisasi"].page_setup.orientation == "landscape"


def test_the_print_area_covers_the_filled_rows_not_the_prepared_ones(template, tmp_path):
    """The empty template prints each table's header (not pages of blank prepared rows); a filled
    workbook prints down to its last row, over the printed columns (SKM's score helpers are not)."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from valid_workbook import valid_data

    from lkjip_xl.template.fill import write_filled

    empty = openpyxl.load_workbook(template)
    real = SCHEMA.table("realisasi")
    assert empty[real.sheet].print_area == f"'{real.sheet}'!$A$1:${col_letter(len(real.columns) - 1)}${real.header_row}"
    path = tmp_path / "valid.xlsx"
    data = valid_data()
    write_filled(path, data)
    filled = openpyxl.load_workbook(path)
    resp = SCHEMA.table("skm_responden")
    last_answer = col_letter(resp.col_index("u9"))
    n = len(data["tables"]["skm_responden"])
    assert filled[resp.sheet].print_area == f"'{resp.sheet}'!$A$1:${last_answer}${resp.header_row + n}"
    assert filled[real.sheet].print_area.endswith(f"${real.header_row + len(data['tables']['realisasi'])}")


def test_template_version_is_stored(template):
    wb = openpyxl.load_workbook(template)
    assert wb[SCHEMA.list_sheet]["B1"].value == SCHEMA.version
    assert wb["Petunjuk"]["B3"].value == SCHEMA.version


def test_cli_template_fills_unit_and_year(tmp_path):
    out = tmp_path / "t.xlsx"
    result = CliRunner().invoke(app, ["template", "-o", str(out), "--tahun", "2025", "--unit", "Kecamatan X"])
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out)["Identitas"]
    form = SCHEMA.form("identitas")
    assert ws.cell(row=form.row_of("tahun"), column=2).value == 2025
    assert ws.cell(row=form.row_of("unit"), column=2).value == "Kecamatan X"


def test_cli_template_english_labels(tmp_path):
    out = tmp_path / "t.xlsx"
    assert CliRunner().invoke(app, ["template", "-o", str(out), "--lang", "en"]).exit_code == 0
    ws = openpyxl.load_workbook(out)["Realisasi"]
    assert ws["C4"].value.startswith("Description")


def test_cli_template_refuses_to_overwrite_without_flag(tmp_path):
    out = tmp_path / "t.xlsx"
    out.write_bytes(b"keep me")
    result = CliRunner().invoke(app, ["template", "-o", str(out)])
    assert result.exit_code == 2
    assert out.read_bytes() == b"keep me"
    assert CliRunner().invoke(app, ["template", "-o", str(out), "--overwrite"]).exit_code == 0


def test_a_workbook_with_english_labels_reads_and_checks_clean(tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from valid_workbook import valid_data

    from lkjip_xl.checks.engine import check_workbook
    from lkjip_xl.template.fill import write_filled

    path = tmp_path / "en.xlsx"
    write_filled(path, valid_data(), lang="en")
    assert openpyxl.load_workbook(path)["PK"]["D4"].value.startswith("Performance indicator")
    assert check_workbook(path).findings == []


def test_target_columns_align_text_with_their_numbers(template):
    """A target typed as a range (80-90) or a letter is text: right-aligned and shrunk to the
    column like the numbers around it, not left-aligned and cut by the next cell."""
    wb = openpyxl.load_workbook(template)
    aligned = {(t.sheet, c.key) for t in SCHEMA.tables for c in t.columns if c.target_range or c.grade_letter}
    assert {("PK", "target"), ("PK", "realisasi"), ("Rencana Aksi", "target_tw4")} <= aligned
    for t in SCHEMA.tables:
        for c in t.columns:
            if c.computed:
                continue
            cell = wb[t.sheet][f"{col_letter(t.col_index(c.key))}{t.first_row}"]
            right = (cell.alignment.horizontal, bool(cell.alignment.shrink_to_fit)) == ("right", True)
            assert right == ((t.sheet, c.key) in aligned), (t.sheet, c.key)
