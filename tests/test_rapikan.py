"""`lkjip-xl rapikan`: on broken copies of the valid workbook (one break each) and on the samples.
Each repair is asserted at its cell and checked by running `check` on the copy: no finding a
change claims to settle is left there; what rapikan must not decide (a typed value that differs
from its formula) stays as typed and is listed; no number of the report moves."""
from __future__ import annotations

import hashlib
import json
import re
import zipfile
from decimal import Decimal as D

import openpyxl
import pytest
from typer.testing import CliRunner

from conftest import ROOT
from helpers import cell_of, codes_at
from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.cli import app
from lkjip_xl.repair import repair_workbook
from lkjip_xl.schema import SCHEMA
from lkjip_xl.schema.data import TypedOverride
from lkjip_xl.schema.refs import col_letter

SAMPLES = ["medan_amplas_2023", "medan_amplas_2022", "medang_kampai_2023"]


def settled(result) -> list[tuple[str, str, str]]:
    """Findings of the copy that an applied change claims to have settled (must be none)."""
    claims = {(c.code, c.sheet, c.cell) for c in result.applied if c.code}
    return [(f.code, f.sheet, f.cell) for f in result.after.findings if (f.code, f.sheet, f.cell) in claims]


def changes_at(result, why: str) -> list[str]:
    return [f"{c.sheet}!{c.cell}" for c in result.changes if c.why == why]


def repaired(write, data, tmp_path, edit=None):
    src = write(data)
    if edit is not None:
        edit(src)
    result = repair_workbook(src, tmp_path / "rapi.xlsx")
    assert settled(result) == []
    return result


def edit_sheet(path, sheet: str, edit) -> None:
    """Rewrite one sheet's XML in the zip (what another program, or a person, left there)."""
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    book = members["xl/workbook.xml"].decode()
    index = [m for m in re.findall(r'<sheet name="([^"]+)"', book)].index(sheet)
    part = f"xl/worksheets/sheet{index + 1}.xml"
    members[part] = edit(members[part].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in members.items():
            zf.writestr(name, content)


def ref(cell: str) -> str:
    return cell.split("!")[1]


# ------------------------------------------------------------------------------- formulas
def test_a_missing_formula_is_restored_with_its_result(write, data, tmp_path):
    data["tables"]["realisasi"][3]["sisa"] = TypedOverride(None)  # 01.01.02: 200 jt - 180 jt
    before = check_workbook(write(data, "before.xlsx")).findings
    target = cell_of("realisasi", "sisa", 3)
    assert codes_at(before, "FRM004") == [target]
    result = repaired(write, data, tmp_path)
    assert changes_at(result, "formula_missing") == [target]
    ws = openpyxl.load_workbook(result.output)[SCHEMA.table("realisasi").sheet]
    assert ws[ref(target)].value.startswith("=IF(")
    cached = openpyxl.load_workbook(result.output, data_only=True)[SCHEMA.table("realisasi").sheet]
    assert cached[ref(target)].value == 200_000_000 - 180_000_000
    assert codes_at(result.after.findings, "FRM004") == []


def test_a_typed_value_equal_to_the_formula_gets_its_formula_back(write, data, tmp_path):
    data["tables"]["realisasi"][2]["sisa"] = TypedOverride(850_000_000 - 820_000_000)
    result = repaired(write, data, tmp_path)
    target = cell_of("realisasi", "sisa", 2)
    assert changes_at(result, "formula_equal") == [target]
    assert codes_at(result.before.findings, "FRM001") == [target]
    assert codes_at(result.after.findings, "FRM001") == []


def test_a_typed_value_that_differs_stays_and_is_listed(write, data, tmp_path):
    data["tables"]["realisasi"][6]["persen_realisasi"] = TypedOverride(D("97"))  # 390/400 = 97,5
    result = repaired(write, data, tmp_path)
    target = cell_of("realisasi", "persen_realisasi", 6)
    kept = [c for c in result.kept if f"{c.sheet}!{c.cell}" == target]
    assert len(kept) == 1 and (kept[0].before, kept[0].after) == (D("97"), D("97.5"))
    assert codes_at(result.after.findings, "FRM001") == [target]  # still reported: a person decides
    cached = openpyxl.load_workbook(result.output, data_only=True)[SCHEMA.table("realisasi").sheet]
    assert cached[ref(target)].value == pytest.approx(0.97)  # as typed (a percent cell)


def test_the_templates_formula_as_libreoffice_writes_it_gets_its_stale_result_refreshed(write, data, tmp_path):
    """LibreOffice saves the mutu formula's 2.60 and 1.00 as 2.6 and 1: still the template's formula
    (not one of the office's own, left and listed), so its stale result is refreshed."""
    sheet = SCHEMA.table("skm_unsur").sheet
    target = ref(cell_of("skm_unsur", "mutu", 0))

    def as_libreoffice(xml: str) -> str:
        cell = re.search(rf'<c r="{target}"[^>]*>.*?</c>', xml).group(0)
        saved = cell.replace("&gt;=2.60,", "&gt;=2.6,").replace("&gt;=1.00,", "&gt;=1,").replace("<v>B</v>", "<v>A</v>")
        assert saved.count("2.6,") == 1 and "<v>A</v>" in saved
        return xml.replace(cell, saved)

    result = repaired(write, data, tmp_path, lambda p: edit_sheet(p, sheet, as_libreoffice))
    (change,) = [c for c in result.changes if (c.sheet, c.cell) == (sheet, target)]
    assert (change.why, change.applied, change.before, change.after) == ("result_stale", True, "A", "B")
    assert openpyxl.load_workbook(result.output, data_only=True)[sheet][target].value == "B"


# ------------------------------------------------------------------------------- stored values
def test_a_number_stored_as_text_becomes_the_number_and_its_row_recomputes(write, data, tmp_path):
    data["tables"]["realisasi"][9]["realisasi"] = "304.000.000"
    result = repaired(write, data, tmp_path)
    target = cell_of("realisasi", "realisasi", 9)
    assert changes_at(result, "text_number") == [target]
    assert codes_at(result.before.findings, "VAL001") == [target]
    cached = openpyxl.load_workbook(result.output, data_only=True)[SCHEMA.table("realisasi").sheet]
    assert cached[ref(target)].value == 304_000_000
    assert cached[ref(cell_of("realisasi", "sisa", 9))].value == 320_000_000 - 304_000_000
    assert [f for f in result.after.findings if f.sheet == "Realisasi"] == []
    # the row's results were not compared by check (its input unreadable): no finding is named for them
    assert [(c.cell, c.code) for c in result.changes if c.why == "result_stale"] == [
        (ref(cell_of("realisasi", k, 9)), None) for k in ("persen_realisasi", "sisa")]
    text = run(result.source, "-o", tmp_path / "teks.xlsx").output  # text told apart from the number
    assert f"{cell_of('realisasi', 'realisasi', 9)} [VAL001] " in text and ": '304.000.000' -> 304.000.000" in text


def test_a_formula_of_the_offices_own_reading_a_mended_cell_is_listed(write, data, tmp_path):
    """Kegiatan 01.01's pagu typed as =SUM of its sub kegiatan, one of which holds its pagu as text:
    the SUM skips it (800.000.000 stored). rapikan makes that pagu a number but does not compute the
    office's SUM: its stored result stays until the copy is opened, and the check of the copy reads
    it (BUD003 there). The SUM is listed, so that this is understood."""
    data["tables"]["realisasi"][3]["pagu_murni"] = "200.000.000"
    parent, first = ref(cell_of("realisasi", "pagu_murni", 1)), ref(cell_of("realisasi", "pagu_murni", 2))
    last = ref(cell_of("realisasi", "pagu_murni", 3))

    def summed(xml: str) -> str:
        cell = re.search(rf'<c r="{parent}"([^>]*)><v>[^<]*</v></c>', xml)
        return xml.replace(cell.group(0), f'<c r="{parent}"{cell.group(1)}><f>SUM({first}:{last})</f><v>800000000</v></c>')

    result = repaired(write, data, tmp_path, lambda p: edit_sheet(p, SCHEMA.table("realisasi").sheet, summed))
    assert changes_at(result, "text_number") == [cell_of("realisasi", "pagu_murni", 3)]
    (listed,) = [c for c in result.changes if c.why == "formula_reads_changed"]
    assert (f"{listed.sheet}!{listed.cell}", listed.before, listed.applied) == (
        cell_of("realisasi", "pagu_murni", 1), 800_000_000, False)
    assert cell_of("realisasi", "pagu_murni", 1) in codes_at(result.after.findings, "BUD003")


def test_a_nil_marker_stays(write, data, tmp_path):
    data["tables"]["realisasi"][9]["realisasi"] = "-"
    result = repaired(write, data, tmp_path)
    assert [c for c in result.changes if c.cell == ref(cell_of("realisasi", "realisasi", 9))] == []


def test_text_that_is_not_one_number_stays_and_is_listed(write, data, tmp_path):
    data["tables"]["realisasi"][9]["realisasi"] = "1.500"  # 1500 or 1,5: ambiguous
    result = repaired(write, data, tmp_path)
    target = cell_of("realisasi", "realisasi", 9)
    assert [f"{c.sheet}!{c.cell}" for c in result.kept] == [target]
    assert codes_at(result.after.findings, "VAL002") == [target]


def test_a_code_stored_as_a_number_becomes_text(write, data, tmp_path):
    data["tables"]["pk_program"][0]["kode"] = 1  # "01" typed without the text format
    result = repaired(write, data, tmp_path)
    target = cell_of("pk_program", "kode", 0)
    assert changes_at(result, "code_number") == [target]
    cell = openpyxl.load_workbook(result.output)[SCHEMA.table("pk_program").sheet][ref(target)]
    assert (cell.value, cell.number_format) == ("01", "@")
    assert codes_at(result.after.findings, "VAL006") == []


@pytest.mark.parametrize("number, applied", [(1.01, True), (1.1, False)])
def test_a_code_stored_as_a_number_is_made_text_only_where_the_workbook_holds_that_code(
        write, data, tmp_path, number, applied):
    """Kegiatan 01.01 typed as a number: 1.01 reads as 01.01, the code its sub kegiatan 01.01.01 and
    01.01.02 and the RA Kegiatan sheet carry: made text. 1.1 reads as 01.10 (the zero Excel drops
    from "01.10"), a code nowhere else in the workbook while the sub kegiatan below are 01.01.xx:
    a guess, left as it is (check keeps saying it at the cell), and listed."""
    assert [r["kode"] for r in data["tables"]["realisasi"][1:4]] == ["01.01", "01.01.01", "01.01.02"]
    data["tables"]["realisasi"][1]["kode"] = number
    result = repair_workbook(write(data), tmp_path / "rapi.xlsx")
    target = ref(cell_of("realisasi", "kode", 1))
    (change,) = [c for c in result.changes if c.cell == target]
    assert (change.code, change.applied, change.before, change.after) == (
        "VAL006", applied, number, "01.01" if applied else "01.10")
    cell = openpyxl.load_workbook(result.output)[SCHEMA.table("realisasi").sheet][target]
    assert cell.value == ("01.01" if applied else number)
    assert codes_at(result.after.findings, "VAL006") == ([] if applied else [cell_of("realisasi", "kode", 1)])


@pytest.mark.parametrize("number, counted", [(1.01, True), (1.1, False)])
def test_check_s_hint_counts_a_code_as_a_number_only_where_rapikan_mends_it(write, data, number, counted):
    """The same two codes: check's last line offers rapikan for 1.01 (01.01, which the workbook
    holds), not for 1.1 alone (01.10, a guess rapikan leaves)."""
    data["tables"]["realisasi"][1]["kode"] = number
    path = write(data)
    (val006,) = [f for f in check_workbook(path).findings if f.code == "VAL006"]
    assert val006.params.get("unconfirmed", False) is not counted
    hint = CliRunner().invoke(app, ["check", str(path)]).stdout.splitlines()[-1]
    assert ("VAL006" in hint) is counted


def test_codes_whose_dots_were_lost_get_them_back(write, data, tmp_path):
    """A Find & Replace of '.' over Realisasi left kegiatan 01.01 as 0101 and its sub kegiatan
    01.01.01 as 010101 (VAL027): the copy holds the dotted codes, as text, and its tree is whole."""
    rows = data["tables"]["realisasi"]
    assert [r["kode"] for r in rows[1:3]] == ["01.01", "01.01.01"]
    for r in rows[1:3]:
        r["kode"] = r["kode"].replace(".", "")
    result = repaired(write, data, tmp_path)
    cells = [cell_of("realisasi", "kode", j) for j in (1, 2)]
    assert changes_at(result, "code_dots") == cells
    sheet = openpyxl.load_workbook(result.output)[SCHEMA.table("realisasi").sheet]
    assert [(sheet[ref(c)].value, sheet[ref(c)].number_format) for c in cells] == [("01.01", "@"), ("01.01.01", "@")]
    assert [f for f in result.after.findings if f.severity != "info"] == []


@pytest.mark.parametrize("as_numbers", [False, True])
def test_plan_codes_typed_as_row_numbers_become_the_codes_their_names_give(write, data, tmp_path, as_numbers):
    """RA Kegiatan's Kode column numbered 1, 2, 3 like a printed table (BUD036): each row's name is
    a kegiatan of the Realisasi sheet, so the copy holds those kegiatan's codes, as text."""
    plan = data["tables"]["ra_kegiatan"]
    codes = [row["kode"] for row in plan]
    for k, row in enumerate(plan, 1):
        row["kode"] = k if as_numbers else str(k)
    result = repaired(write, data, tmp_path)
    cells = [cell_of("ra_kegiatan", "kode", j) for j in range(len(plan))]
    assert changes_at(result, "code_from_name") == cells
    sheet = openpyxl.load_workbook(result.output)[SCHEMA.table("ra_kegiatan").sheet]
    assert [(sheet[ref(c)].value, sheet[ref(c)].number_format) for c in cells] == [(code, "@") for code in codes]
    assert [f for f in result.after.findings if f.severity != "info"] == []


def test_plan_row_numbers_stay_when_a_name_gives_no_code(write, data, tmp_path):
    """A fourth plan row named as the second: neither gives a code, so no code is written (a plan
    of codes and numbers mixed reads worse than the numbering); each row is listed."""
    plan = data["tables"]["ra_kegiatan"]
    plan.append({"kode": "04", "uraian": plan[1]["uraian"], "pagu": 0})
    for k, row in enumerate(plan, 1):
        row["kode"] = str(k)
    result = repaired(write, data, tmp_path)
    listed = [(c.cell, c.applied, c.before, c.after) for c in result.changes if c.code == "BUD036"]
    assert listed == [(ref(cell_of("ra_kegiatan", "kode", j)), False, str(j + 1), code)
                      for j, code in enumerate(["01.01", "?", "03.01", "?"])]
    assert codes_at(result.after.findings, "BUD036") == [cell_of("ra_kegiatan", "kode", 0)]


def test_an_skm_answer_typed_as_text_becomes_a_number(write, data, tmp_path):
    answer = data["tables"]["skm_responden"][0]["u1"]
    data["tables"]["skm_responden"][0]["u1"] = str(answer)
    result = repaired(write, data, tmp_path)
    target = cell_of("skm_responden", "u1", 0)
    assert changes_at(result, "text_number") == [target]
    assert openpyxl.load_workbook(result.output)["SKM"][ref(target)].value == answer
    assert result.after.findings == []


# ------------------------------------------------------------------------------- layout
def test_a_row_without_format_and_dropdown_gets_its_columns(write, data, tmp_path):
    table = SCHEMA.table("realisasi")
    row = table.first_row + 4
    level = col_letter(table.col_index("level"))

    def strip(xml: str) -> str:  # row 9 pasted without formats; its Tingkat cell outside the dropdown
        xml = re.sub(rf'(<row r="{row}".*?</row>)', lambda m: re.sub(r' s="\d+"', "", m.group(1)), xml, flags=re.S)
        last = table.first_row + table.capacity - 1
        return xml.replace(f'sqref="{level}{table.first_row}:{level}{last}"',
                           f'sqref="{level}{table.first_row}:{level}{row - 1} {level}{row + 1}:{level}{last}"')

    result = repaired(write, data, tmp_path, lambda p: edit_sheet(p, table.sheet, strip))
    assert changes_at(result, "row_style") == [f"{table.sheet}!A{row}:{col_letter(len(table.columns) - 1)}{row}"]
    assert changes_at(result, "validation") == [f"{table.sheet}!{level}{row}"]
    ws = openpyxl.load_workbook(result.output)[table.sheet]
    assert ws[f"{level}{row}"].fill.fgColor.rgb.endswith("FFF2CC")  # the input colour again
    dv = [d for d in ws.data_validations.dataValidation if d.formula1 == SCHEMA.list_name("level")]
    assert f"{level}{row}" in str(dv[0].sqref)


def test_a_print_area_that_leaves_rows_out_is_extended(write, data, tmp_path):
    table = SCHEMA.table("realisasi")
    rows = len(data["tables"]["realisasi"])
    src = write(data)
    with zipfile.ZipFile(src) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    last = table.header_row + rows
    short = table.header_row + 3
    members["xl/workbook.xml"] = members["xl/workbook.xml"].replace(f"$N${last}<".encode(), f"$N${short}<".encode())
    with zipfile.ZipFile(src, "w") as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    before = check_workbook(src).findings
    first = f"{table.sheet}!A{short + 1}"
    assert codes_at(before, "PRN001") == [first]
    result = repair_workbook(src, tmp_path / "rapi.xlsx")
    assert settled(result) == [] and changes_at(result, "print_area") == [first]
    assert openpyxl.load_workbook(result.output)[table.sheet].print_area.endswith(f"$N${last}")


def test_the_blank_templates_print_area_is_a_note_and_is_extended(write, data, tmp_path):
    table = SCHEMA.table("realisasi")
    last = table.header_row + len(data["tables"]["realisasi"])
    src = write(data)
    with zipfile.ZipFile(src) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    # the area the empty template writes: title and header, no table row
    members["xl/workbook.xml"] = members["xl/workbook.xml"].replace(
        f"$N${last}<".encode(), f"$N${table.header_row}<".encode())
    with zipfile.ZipFile(src, "w") as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    before = check_workbook(src).findings
    first = f"{table.sheet}!A{table.first_row}"
    assert codes_at(before, "PRN001") == []
    assert codes_at(before, "PRN002") == [first]
    assert {f.severity for f in before if f.code == "PRN002"} == {"info"}
    result = repair_workbook(src, tmp_path / "rapi.xlsx")
    assert changes_at(result, "print_area") == [first]
    assert openpyxl.load_workbook(result.output)[table.sheet].print_area.endswith(f"$N${last}")
    assert codes_at(check_workbook(result.output).findings, "PRN002") == []


def test_the_version_marker_is_set_when_the_layout_is_the_templates(write, data, tmp_path):
    def old(xml: str) -> str:
        return xml.replace(f">{SCHEMA.version}<", ">1.0<")

    src = write(data)
    for sheet in ("_Daftar", "Petunjuk"):
        edit_sheet(src, sheet, lambda x: x.replace(f"<t>{SCHEMA.version}</t>", "<t>1.0</t>"))
    with zipfile.ZipFile(src) as zf:  # xlsxwriter keeps strings in sharedStrings
        members = {n: zf.read(n) for n in zf.namelist()}
    members["xl/sharedStrings.xml"] = old(members["xl/sharedStrings.xml"].decode()).encode()
    with zipfile.ZipFile(src, "w") as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    assert codes_at(check_workbook(src).findings, "STR004") == ["Petunjuk!B3"]
    result = repair_workbook(src, tmp_path / "rapi.xlsx")
    assert settled(result) == []
    assert sorted(changes_at(result, "version")) == ["Petunjuk!B3", "_Daftar!B1"]
    assert result.after.findings == [] and check_workbook(result.output).template_version == SCHEMA.version


def test_the_version_marker_stays_when_a_sheet_is_missing(write, data, tmp_path):
    from bad_inputs.make_corpus import reorder_sheets

    src = write(data)
    gone = tmp_path / "gone.xlsx"
    reorder_sheets(src, gone, [s.name for s in SCHEMA.sheets if s.name != "Belanja"])
    with zipfile.ZipFile(gone) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members["xl/sharedStrings.xml"] = members["xl/sharedStrings.xml"].replace(
        f"<t>{SCHEMA.version}</t>".encode(), b"<t>1.0</t>")
    with zipfile.ZipFile(gone, "w") as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    result = repair_workbook(gone, tmp_path / "rapi.xlsx")
    assert [c.why for c in result.kept] == ["layout_differs"]
    assert codes_at(result.after.findings, "STR004") == ["Petunjuk!B3"]


# ------------------------------------------------------------------------------- the copy
def test_the_perubahan_sheet_comes_first_and_lists_every_change(write, data, tmp_path):
    data["tables"]["realisasi"][3]["sisa"] = TypedOverride(None)
    data["tables"]["realisasi"][6]["persen_realisasi"] = TypedOverride(D("97"))
    result = repaired(write, data, tmp_path)
    wb = openpyxl.load_workbook(result.output)
    assert wb.sheetnames[0] == "Perubahan" and wb.sheetnames[1:] == [s.name for s in SCHEMA.sheets]
    assert wb.active.title == "Petunjuk"  # the sheet the user had open
    rows = list(wb["Perubahan"].iter_rows(values_only=True))
    assert rows[0] == ("No", "Sheet", "Sel", "Kode", "Status", "Sebelum", "Sesudah", "Alasan")
    listed = [(r[1], r[2], r[4]) for r in rows[1:]]
    assert listed == [(c.sheet, c.cell, "diubah" if c.applied else "perlu diputuskan") for c in result.changes]
    assert wb["Perubahan"]["C2"].hyperlink.location == f"'{result.changes[0].sheet}'!{result.changes[0].cell}" \
        or wb["Perubahan"]["C2"].hyperlink.location == f"{result.changes[0].sheet}!{result.changes[0].cell}"


def test_the_perubahan_sheet_prints_its_header_on_every_page_and_a_footer(write, data, tmp_path):
    """A long list of changes printed: the header row on every page, the sheet's name and page of
    pages in the footer, as the template's sheets print; the other sheets' print areas stay theirs."""
    data["tables"]["realisasi"][3]["sisa"] = TypedOverride(None)
    result = repaired(write, data, tmp_path)
    before, after = openpyxl.load_workbook(result.source), openpyxl.load_workbook(result.output)
    sheet = after["Perubahan"]
    assert sheet.print_title_rows == "$1:$1"
    assert (sheet.oddFooter.center.text, sheet.oddFooter.right.text) == ("&A", "&P / &N")
    assert {ws.title: ws.print_area for ws in before} == {ws.title: ws.print_area for ws in after if ws.title != "Perubahan"}


def test_every_sheet_keeps_its_cells_beside_the_new_first_sheet(write, data, tmp_path):
    """The sheet Perubahan is a new part of the package: no sheet of the workbook (the first one,
    Petunjuk, held in xl/worksheets/sheet1.xml, included) is written over by it."""
    data["tables"]["realisasi"][3]["sisa"] = TypedOverride(None)
    result = repaired(write, data, tmp_path)
    changed = {(c.sheet, c.cell) for c in result.changes}
    before, after = openpyxl.load_workbook(result.source), openpyxl.load_workbook(result.output)
    assert after.sheetnames == ["Perubahan", *before.sheetnames]
    for ws in before:
        cells = {(c.coordinate, c.value) for row in ws.iter_rows() for c in row if (ws.title, c.coordinate) not in changed}
        kept = {(c.coordinate, c.value) for row in after[ws.title].iter_rows() for c in row
                if (ws.title, c.coordinate) not in changed}
        assert cells == kept, ws.title


def test_the_annotated_copy_of_check_is_tidied_into_a_readable_copy(write, data, tmp_path):
    """`check --annotate` writes its copy with openpyxl, which declares the relationships namespace
    on each <sheet> element, not on <workbook>: the sheet Perubahan must declare it too (the copy's
    workbook.xml was not well-formed XML), and the copy is read back before it is kept."""
    from xml.etree import ElementTree

    from lkjip_xl.render.annotate import write_annotated

    data["tables"]["realisasi"][9]["realisasi"] = "304.000.000"
    src = write(data)
    annotated = tmp_path / "bertanda.xlsx"
    write_annotated(src, annotated, check_workbook(src).findings)
    result = repair_workbook(annotated, tmp_path / "rapi.xlsx")
    with zipfile.ZipFile(result.output) as zf:
        ElementTree.fromstring(zf.read("xl/workbook.xml"))
    wb = openpyxl.load_workbook(result.output)
    assert wb.sheetnames[:2] == ["Perubahan", "Temuan"]
    assert wb[SCHEMA.table("realisasi").sheet][ref(cell_of("realisasi", "realisasi", 9))].value == 304_000_000


def test_a_copy_that_cannot_be_read_back_is_not_kept(write, data, tmp_path, monkeypatch):
    from lkjip_xl.errors import UnreadableWorkbook
    from lkjip_xl.repair.package import Package

    monkeypatch.setattr(Package, "write", lambda self, out: out.write_bytes(b"PK broken"))
    out = tmp_path / "rapi.xlsx"
    with pytest.raises(UnreadableWorkbook) as raised:
        repair_workbook(write(data), out)
    assert raised.value.key == "cannot_repair" and not out.exists() and list(tmp_path.glob(".rapi.xlsx.*")) == []


@pytest.mark.parametrize("name", ["Perubahan", "perubahan"])
def test_an_offices_own_sheet_named_perubahan_is_kept(write, data, tmp_path, name):
    """An office's own sheet of that name (the follow-up plan renamed here, holding a plan) is not
    the sheet an earlier rapikan wrote: it stays, and the list goes to `Perubahan (rapikan)`;
    rapikan on that copy replaces its own list only."""
    data["tables"]["skm_tindak_lanjut"] = [{"unsur": "Waktu Penyelesaian", "rencana": "Loket antrean daring"}]
    data["tables"]["realisasi"][3]["sisa"] = TypedOverride(None)
    src = write(data)
    with zipfile.ZipFile(src) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members["xl/workbook.xml"] = members["xl/workbook.xml"].replace(b'name="SKM Tindak Lanjut"', f'name="{name}"'.encode())
    with zipfile.ZipFile(src, "w") as zf:
        for member, content in members.items():
            zf.writestr(member, content)
    plan = [[c.value for c in row] for row in openpyxl.load_workbook(src)[name].iter_rows()]
    assert ["Waktu Penyelesaian", "Loket antrean daring", None, None] in plan
    first = repair_workbook(src, tmp_path / "rapi.xlsx")
    second = repair_workbook(first.output, tmp_path / "again.xlsx")
    for result in (first, second):
        wb = openpyxl.load_workbook(result.output)
        assert wb.sheetnames[0] == "Perubahan (rapikan)" and wb.sheetnames.count("Perubahan (rapikan)") == 1
        assert [[c.value for c in row] for row in wb[name].iter_rows()] == plan
        assert wb["Perubahan (rapikan)"]["A1"].value == "No"


def test_the_link_to_a_cell_of_a_sheet_renamed_with_an_apostrophe(write, data, tmp_path):
    """Realisasi renamed "Realisasi Pak'Budi": the link of Perubahan doubles the apostrophe inside
    the quoted name, as a reference must ('Realisasi Pak''Budi'!K14), or it leads nowhere."""
    data["tables"]["realisasi"][9]["realisasi"] = "304.000.000"
    src = write(data)
    with zipfile.ZipFile(src) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members["xl/workbook.xml"] = members["xl/workbook.xml"].replace(b'name="Realisasi"', b'name="Realisasi Pak&apos;Budi"')
    with zipfile.ZipFile(src, "w") as zf:
        for member, content in members.items():
            zf.writestr(member, content)
    result = repair_workbook(src, tmp_path / "rapi.xlsx")
    target = ref(cell_of("realisasi", "realisasi", 9))
    assert [(c.sheet, c.cell) for c in result.applied][:1] == [("Realisasi Pak'Budi", target)]
    link = openpyxl.load_workbook(result.output)["Perubahan"]["C2"].hyperlink.location
    assert link == f"'Realisasi Pak''Budi'!{target}"


def test_rapikan_on_its_own_copy_replaces_perubahan_and_changes_nothing_else(write, data, tmp_path):
    data["tables"]["realisasi"][3]["sisa"] = TypedOverride(None)
    first = repaired(write, data, tmp_path)
    second = repair_workbook(first.output, tmp_path / "again.xlsx")
    assert second.applied == []
    assert openpyxl.load_workbook(second.output).sheetnames.count("Perubahan") == 1


@pytest.mark.parametrize("sample", SAMPLES)
def test_on_the_samples_no_number_moves_and_nothing_claimed_is_left(sample, tmp_path):
    src = ROOT / "samples" / f"{sample}.xlsx"
    digest = hashlib.sha256(src.read_bytes()).hexdigest()
    result = repair_workbook(src, tmp_path / "rapi.xlsx")
    assert hashlib.sha256(src.read_bytes()).hexdigest() == digest  # the input is never modified
    assert settled(result) == []
    # the samples keep the report's printed values over their formulas: those stay, listed
    kept = {f"{c.sheet}!{c.cell}" for c in result.kept}
    assert kept == {f"{f.sheet}!{f.cell}" for f in result.before.findings if f.code == "FRM001"}
    assert sorted((f.code, f.sheet, f.cell) for f in result.after.findings) == \
        sorted((f.code, f.sheet, f.cell) for f in result.before.findings)
    mine, theirs = result.before.context, result.after.context
    for table in SCHEMA.tables:
        if mine.model.table(table.key) is not None:
            assert mine.model.table(table.key).values == theirs.model.table(table.key).values, table.key
            assert mine.wb.rows(table.key) == theirs.wb.rows(table.key), table.key


# ------------------------------------------------------------------------------- command line
def run(*args):
    return CliRunner().invoke(app, ["rapikan", *map(str, args)])


def test_cli_text_json_and_exit_codes(write, data, tmp_path):
    data["tables"]["realisasi"][3]["sisa"] = TypedOverride(None)
    src = write(data)
    out = tmp_path / "rapi.xlsx"
    text = run(src, "-o", out)
    assert text.exit_code == 0, text.output
    assert f"{cell_of('realisasi', 'sisa', 3)} [FRM004]" in text.output and "Diubah (1):" in text.output
    assert run(src, "-o", out).exit_code == 2  # exists: needs --overwrite
    doc = run(src, "-o", out, "--overwrite", "--format", "json", "--lang", "en")
    assert doc.exit_code == 0
    parsed = json.loads(doc.output)
    assert parsed["summary"] == {"changed": 1, "kept": 0} and parsed["check"]["error"] == 0
    assert parsed["changes"][0]["why"].startswith("the row had no formula")
    assert run(src, "-o", src, "--overwrite").exit_code == 2  # never over the input
    assert run(ROOT / "samples" / "medang_kampai_2023.xlsx", "-o", tmp_path / "mk.xlsx").exit_code == 1  # errors remain
    assert run(tmp_path / "missing.xlsx", "-o", tmp_path / "x.xlsx").exit_code == 2
    assert run(src, "-o", tmp_path / "x.xls").exit_code == 2


def test_a_sheet_rapikan_cannot_edit_is_one_line_and_exit_2(write, data, tmp_path):
    """Rows written without their numbers (legal, rare): rapikan does not guess where cells are."""
    src = write(data)
    sheet = SCHEMA.table("realisasi").sheet
    edit_sheet(src, sheet, lambda x: re.sub(r'<row r="\d+"', "<row", x))
    result = run(src, "-o", tmp_path / "rapi.xlsx")
    assert result.exit_code == 2 and not (tmp_path / "rapi.xlsx").exists()
    assert "rapikan" in result.output or "dirapikan" in result.output
