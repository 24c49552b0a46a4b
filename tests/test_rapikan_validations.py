"""rapikan and the dropdowns of a hand-edited workbook. Rows pasted from another file over a whole
column take the column's dropdown with them: the template's validation is put back (it was neither
restored nor listed). A dropdown over fewer rows than the table fills is extended, also when rapikan
changes no cell on that sheet (the extension was computed and then not written)."""
from __future__ import annotations

import re
import zipfile

import openpyxl

from lkjip_xl.repair import repair_workbook
from test_libreoffice import convert, pytestmark  # noqa: F401 (LibreOffice needed)

PK_PART = "xl/worksheets/sheet3.xml"  # the PK sheet of the template's workbook


def _edit(src, dst, member: str, change) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info, change(data) if info.filename == member else data)


def _lists(path, sheet="PK") -> dict[str, tuple[str, str]]:
    ws = openpyxl.load_workbook(path)[sheet]
    return {dv.formula1: (str(dv.sqref), dv.errorStyle or "stop") for dv in ws.data_validations.dataValidation
            if dv.type == "list"}


def test_a_column_whose_dropdowns_are_all_gone_gets_the_templates_back(write, data, tmp_path):
    valid = write(data)
    assert zipfile.ZipFile(valid).read(PK_PART).count(b"lst_arah")  # the part is the PK sheet
    bare = tmp_path / "bare.xlsx"
    _edit(valid, bare, PK_PART, lambda xml: re.sub(rb"<dataValidations\b.*?</dataValidations>", b"", xml, flags=re.S))
    assert _lists(bare) == {}
    result = repair_workbook(bare, tmp_path / "rapi.xlsx")
    assert {("E5:E44", "validation_restored"), ("F5:F44", "validation_restored"), ("G5:G44", "validation_restored")} <= {
        (c.cell, c.why) for c in result.changes if c.sheet == "PK"}  # (and the input messages: below)
    assert _lists(tmp_path / "rapi.xlsx") == _lists(valid)  # the template's lists, ranges and strictness
    (tmp_path / "lo").mkdir()
    assert _lists(convert(tmp_path / "rapi.xlsx", "xlsx", tmp_path / "lo")) == _lists(valid)  # LibreOffice keeps them


def test_a_dropdown_whose_list_the_workbook_lacks_is_listed_not_put_back(write, data, tmp_path):
    valid, bare, nameless = write(data), tmp_path / "bare.xlsx", tmp_path / "nameless.xlsx"
    _edit(valid, bare, PK_PART, lambda xml: re.sub(rb"<dataValidations\b.*?</dataValidations>", b"", xml, flags=re.S))
    _edit(bare, nameless, "xl/workbook.xml",
          lambda xml: re.sub(rb'<definedName name="lst_arah"[^>]*>[^<]*</definedName>', b"", xml))
    result = repair_workbook(nameless, tmp_path / "rapi.xlsx")
    assert [(c.cell, c.applied) for c in result.changes if c.why == "validation_unrestorable"] == [("F5:F44", False)]
    assert "lst_arah" not in _lists(tmp_path / "rapi.xlsx")


def test_a_dropdown_extended_on_a_sheet_where_no_cell_changes_is_written(write, data, tmp_path):
    valid, short = write(data), tmp_path / "short.xlsx"
    _edit(valid, short, PK_PART, lambda xml: xml.replace(b'sqref="F5:F44"', b'sqref="F5:F6"'))
    result = repair_workbook(short, tmp_path / "rapi.xlsx")
    assert [(c.cell, c.why) for c in result.changes if c.sheet == "PK"] == [("F7:F8", "validation")]
    assert _lists(tmp_path / "rapi.xlsx")["lst_arah"][0] == "F5:F6 F7:F8"


def _prompts(path, sheet="PK") -> dict[str, tuple[str, str]]:
    """The input messages without a list (validation "any"): range -> (title, prompt)."""
    ws = openpyxl.load_workbook(path)[sheet]
    return {str(dv.sqref): (dv.promptTitle, dv.prompt) for dv in ws.data_validations.dataValidation
            if dv.type in (None, "any")}


def test_a_column_whose_input_message_is_gone_gets_the_templates_back(write, data, tmp_path):
    # pasting rows from another file takes every validation of the columns, the prompts too
    valid = write(data)
    assert _prompts(valid)["H5:H44"][0] == "Target"  # the template's prompt over the target column
    bare = tmp_path / "bare.xlsx"
    _edit(valid, bare, PK_PART, lambda xml: re.sub(rb"<dataValidations\b.*?</dataValidations>", b"", xml, flags=re.S))
    result = repair_workbook(bare, tmp_path / "rapi.xlsx")
    assert ("H5:H44", "validation_restored") in [(c.cell, c.why) for c in result.changes if c.sheet == "PK"]
    (tmp_path / "lo").mkdir()
    assert _prompts(convert(tmp_path / "rapi.xlsx", "xlsx", tmp_path / "lo")) == _prompts(valid)  # as the template wrote them


def test_a_sheet_renamed_by_a_slip_gets_its_template_name_back(write, data, tmp_path):
    """Renamed in LibreOffice ('skala ' with a space, 'PK (2)' a copy's name, 'SKM Hasil 2024' the
    office's own): the first two get the template's names back in the copy, every formula reading
    them following; the office's own name is left."""
    from test_libreoffice_edit import edit_in_libreoffice

    edited = edit_in_libreoffice(write(data), [["rename", "Skala", "skala "], ["rename", "PK", "PK (2)"],
                                               ["rename", "SKM Hasil", "SKM Hasil 2024"]], tmp_path)
    result = repair_workbook(edited, tmp_path / "rapi.xlsx")
    assert sorted((c.sheet, c.before, c.after, c.code) for c in result.changes if c.why == "sheet_renamed") == [
        ("PK", "PK (2)", "PK", "STR014"), ("Skala", "skala ", "Skala", "STR014")]
    (tmp_path / "lo").mkdir()
    book = openpyxl.load_workbook(convert(tmp_path / "rapi.xlsx", "xlsx", tmp_path / "lo"), data_only=True)
    assert {"PK", "Skala", "SKM Hasil 2024"} <= set(book.sheetnames)
    assert not {"PK (2)", "skala "} & set(book.sheetnames)
    # the kriteria formulas read the Skala sheet under its name again: IKU1's 105,83 % is Sangat Tinggi (> 90)
    assert book["PK"]["L5"].value == "Sangat Tinggi"
