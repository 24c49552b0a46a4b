"""The template: sheets, names, protection, formats, and the committed copy in workbook_templates/."""
import zipfile
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from lkjip_xl.cli import app
from lkjip_xl.schema import SCHEMA, ColType
from lkjip_xl.template.writer import write_workbook

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


def test_inputs_unlocked_formulas_locked_and_sheets_protected(template):
    wb = openpyxl.load_workbook(template)
    for table in SCHEMA.tables:
        ws = wb[table.sheet]
        assert ws.protection.sheet, table.sheet
        for j, col in enumerate(table.columns):
            cell = ws.cell(row=table.first_row, column=table.first_col + j + 1)
            if col.computed:
                assert isinstance(cell.value, str) and cell.value.startswith("="), (table.key, col.key)
                assert cell.protection.locked, (table.key, col.key)
            else:
                assert not cell.protection.locked, (table.key, col.key)
                assert cell.number_format == col.display_format, (table.key, col.key)


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


def test_a4_landscape_print_setup(template):
    wb = openpyxl.load_workbook(template)
    ws = wb["Realisasi"]
    assert ws.page_setup.paperSize == 9
    assert ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows == "$4:$4"


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
