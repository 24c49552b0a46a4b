"""`lkjip-xl check` as a user runs it: exit codes, text and JSON output, annotated copy."""
import hashlib
import json
from decimal import Decimal

import openpyxl
from typer.testing import CliRunner

from conftest import SAMPLE_2023
from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.cli import app
from lkjip_xl.template.writer import TypedOverride

runner = CliRunner()


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _broken(data):
    data["tables"]["realisasi"][2]["sisa"] = TypedOverride(1_000)  # 850 jt − 820 jt = 30 jt
    return data


def test_valid_workbook_exits_0(write, data):
    result = runner.invoke(app, ["check", str(write(data))])
    assert result.exit_code == 0, result.output
    assert "0 kesalahan, 0 peringatan, 0 info" in result.output


def test_errors_exit_1_and_are_listed_by_cell(write, data):
    path = write(_broken(data))
    result = runner.invoke(app, ["check", str(path), "--lang", "en"])
    assert result.exit_code == 1
    assert "Realisasi!M7 [FRM001]" in result.output
    assert "errors" in result.output


def test_json_equals_the_library_result(write, data):
    path = write(_broken(data))
    result = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 1
    assert json.loads(result.output) == json.loads(json.dumps(check_workbook(path).to_dict("id")))


def test_json_shape_and_raw_values(write, data):
    data["tables"]["realisasi"][2]["sisa"] = TypedOverride(Decimal("1000"))
    out = json.loads(runner.invoke(app, ["check", str(write(data)), "--format", "json", "--lang", "en"]).output)
    assert set(out) == {"file", "template_version", "summary", "findings"}
    assert set(out["summary"]) == {"error", "warning", "info"}
    f = [x for x in out["findings"] if x["code"] == "FRM001"][0]
    assert set(f) == {"code", "severity", "sheet", "cell", "message", "expected", "found"}
    assert f["found"] == 1000 and isinstance(f["found"], int)
    assert f["expected"] == 30_000_000


def test_unreadable_file_exits_2_with_one_line(tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_text("no,spreadsheet\n1,2\n")
    result = runner.invoke(app, ["check", str(bad)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_file_exits_2(tmp_path):
    result = runner.invoke(app, ["check", str(tmp_path / "nope.xlsx"), "--lang", "en"])
    assert result.exit_code == 2
    assert "file not found" in result.stderr


def test_no_colour_when_not_a_terminal(write, data):
    result = runner.invoke(app, ["check", str(write(_broken(data)))])
    assert "\033[" not in result.output


def test_annotated_copy_marks_cells_and_lists_findings(write, data, tmp_path):
    path = write(_broken(data))
    before = _sha(path)
    out = tmp_path / "annotated.xlsx"
    result = runner.invoke(app, ["check", str(path), "--annotate", str(out)])
    assert result.exit_code == 1
    assert _sha(path) == before  # the input is never modified
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "Temuan"
    temuan = wb["Temuan"]
    rows = list(temuan.iter_rows(min_row=2, values_only=True))
    assert ("Realisasi", "M7", "FRM001") in [r[1:4] for r in rows]
    link = [c for c in temuan["C"] if c.value == "M7"][0]
    assert link.hyperlink.location == "Realisasi!M7" or link.hyperlink.target == "#Realisasi!M7"
    cell = wb["Realisasi"]["M7"]
    assert cell.fill.fgColor.rgb.endswith("FFC7CE")  # the worst finding there is an error: red
    assert "FRM001" in cell.comment.text and "BUD001" in cell.comment.text
    # formulas and data validations of the original are kept
    assert str(wb["Realisasi"]["L7"].value).startswith("=")
    assert len(wb["PK"].data_validations.dataValidation) > 0


def test_annotate_refuses_to_write_over_the_input(write, data):
    path = write(data)
    before = _sha(path)
    result = runner.invoke(app, ["check", str(path), "--annotate", str(path)])
    assert result.exit_code == 2
    assert _sha(path) == before


def test_last_year_s_workbook_given_as_the_workbook_itself_is_a_usage_error_as_annex_says_it(write, data, tmp_path):
    """`check X --tahun-lalu X` said STR009 'last year's workbook is of 2024, should be 2023' and exit
    1, where `annex` says the same slip as a usage error; the report check compared it too."""
    path = write(data)
    same = tmp_path / "." / path.name
    for args in (["check", str(path), "--tahun-lalu", str(same), "--lang", "en"],
                 ["annex", str(path), "--tahun-lalu", str(same), "-o", str(tmp_path / "out.xlsx"), "--lang", "en"],
                 ["check", str(tmp_path / "lap.docx"), "--workbook", str(path), "--tahun-lalu", str(same),
                  "--lang", "en"]):
        result = runner.invoke(app, args)
        assert (result.exit_code, result.stdout) == (2, ""), args
        assert result.stderr.strip() == "lkjip-xl: invalid option: --tahun-lalu is the workbook itself", args


def test_sample_check_runs_and_reports_its_known_mistakes():
    result = runner.invoke(app, ["check", str(SAMPLE_2023), "--format", "json"])
    assert result.exit_code in (0, 1)
    codes = {f["code"] for f in json.loads(result.output)["findings"]}
    assert "FRM001" in codes


def test_annotate_output_must_be_an_xlsx(write, data, tmp_path):
    result = runner.invoke(app, ["check", str(write(data)), "--annotate", str(tmp_path / "out.xlsm"), "--lang", "en"])
    assert result.exit_code == 2
    assert "must end in .xlsx" in result.stderr
    assert not (tmp_path / "out.xlsm").exists()


def test_unreadable_value_is_not_also_reported_blank(check, data):
    data["tables"]["pk_indikator"][0]["target"] = "9.054.048,938,00"
    findings = check(data)
    assert [f.code for f in findings if f.cell == "H5" and f.sheet == "PK"] == ["VAL013"]


def test_the_text_ends_with_how_rapikan_mends_what_it_can(write, data, tmp_path):
    """Amounts pasted as text ('Rp 800.000.000') are an error each; the text output ends with the
    command that mends them all, and the copy that command writes has none left."""
    for row in data["tables"]["realisasi"]:
        if isinstance(row.get("realisasi"), int):
            row["realisasi"] = f"Rp {row['realisasi']:,}".replace(",", ".")
    path = write(data, "LKjIP 2024.xlsx")
    result = runner.invoke(app, ["check", str(path)])
    n = result.stdout.count("[VAL001]")
    assert result.exit_code == 1 and n == 11
    assert result.stdout.rstrip().splitlines()[-1] == (
        f'{n} temuan (VAL001) dapat dibereskan otomatis: lkjip-xl rapikan "LKjIP 2024.xlsx" -o '
        '"LKjIP 2024_rapi.xlsx" menulis salinan yang sudah dirapikan')
    mended = runner.invoke(app, ["rapikan", str(path), "-o", str(tmp_path / "rapi.xlsx")])
    assert mended.exit_code == 0
    assert "[VAL001]" not in runner.invoke(app, ["check", str(tmp_path / "rapi.xlsx")]).stdout


def _with_libreoffice_filter_table(path, out):
    """The Realisasi table given a table part as LibreOffice writes one for a filtered database range
    whose condition has no operator: ``<customFilter operator="**none**">``, which openpyxl rejects."""
    import re
    import zipfile

    from lkjip_xl.schema import SCHEMA

    sheet = f"xl/worksheets/sheet{[s.name for s in SCHEMA.sheets].index('Realisasi') + 1}.xml"
    rels = sheet.replace("worksheets/", "worksheets/_rels/") + ".rels"
    table = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/'
             'spreadsheetml/2006/main" id="1" name="Filter" displayName="Filter" ref="A4:B15" headerRowCount="1" '
             'totalsRowCount="0" totalsRowShown="0"><autoFilter ref="A4:B15"><filterColumn colId="1"><customFilters '
             'and="true"><customFilter operator="**none**" val=""/></customFilters></filterColumn></autoFilter>'
             '<tableColumns count="2"><tableColumn id="1" name="Kode"/><tableColumn id="2" name="Tingkat"/>'
             '</tableColumns></table>')
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members[sheet] = members[sheet].replace(b"</worksheet>", b'<tableParts count="1"><tablePart r:id="rIdT1"/>'
                                                             b"</tableParts></worksheet>")
    members[rels] = re.sub(rb"</Relationships>", b'<Relationship Id="rIdT1" Type="http://schemas.openxmlformats.org/'
                           b'officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>',
                           members[rels])
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(b"</Types>", (
        b'<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'spreadsheetml.table+xml"/></Types>'))
    members["xl/tables/table1.xml"] = table.encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return out


def test_an_annotated_copy_openpyxl_cannot_open_is_one_line(write, data, tmp_path):
    """A workbook LibreOffice saved with a filtered range is read and checked as usual; openpyxl, which
    writes the annotated copy, rejects it: exit 2 with one line naming the file, no traceback."""
    wb = _with_libreoffice_filter_table(write(data), tmp_path / "filtered.xlsx")
    assert runner.invoke(app, ["check", str(wb)]).exit_code == 0
    for lang, words in (("id", "salinan bertanda tidak dapat ditulis"), ("en", "cannot write the annotated copy")):
        result = runner.invoke(app, ["check", str(wb), "--annotate", str(tmp_path / f"marked-{lang}.xlsx"),
                                     "--lang", lang])
        assert result.exit_code == 2
        line, = result.stderr.strip().splitlines()
        assert words in line and "filtered.xlsx" in line and "ValueError" in line
        assert not (tmp_path / f"marked-{lang}.xlsx").exists()


def test_a_library_s_error_of_several_lines_is_one_line(write, data):
    """An unexpected error whose text runs over lines (openpyxl's 'Unable to read workbook ...
    This is most probably ...') is still one line on stderr, exit 2."""
    import subprocess
    import sys

    code = ("import lkjip_xl.commands.check as c\n"
            "def broken(*a, **k):\n"
            "    raise ValueError('Unable to read workbook.\\nThis is most probably invalid XML.')\n"
            "c.check_workbook = broken\n"
            "from lkjip_xl.cli import run\n"
            f"run(['check', {str(write(data))!r}])\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "lkjip-xl: kesalahan internal lkjip-xl: ValueError: Unable to read workbook. This is most probably invalid XML."]
