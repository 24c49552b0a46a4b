"""Every SKM rule: break one thing in the valid workbook, get that code at that exact cell.

SKM sheet: respondents from row 9 (No in A, U1..U9 in H..P, their scores in Q..Y); Populasi in D5.
SKM Hasil sheet: the summary block (cell_of("skm_unsur", ...)) and the result below it
(field_of("skm_hasil", ...)).
"""
import re
import zipfile
from decimal import ROUND_HALF_UP, Decimal as D

import pytest

from helpers import cell_of, codes_at, field_of
from lkjip_xl.calc.skm import UNSUR
from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.i18n import Text
from lkjip_xl.template.writer import TypedOverride


def unsur_rows(**changes):
    """The nine summary rows; ``changes``: row index (as ``r0``..``r8``) -> dict of values."""
    rows = [{"kode": f"U{i + 1}", "unsur": u.name} for i, u in enumerate(UNSUR)]
    for key, values in changes.items():
        rows[int(key[1:])].update(values)
    return rows


def summary_only(data, nrr=("3.5",) * 9, **changes):
    """No respondent rows: the summary block carries typed NRRs."""
    data["tables"]["skm_responden"] = []
    rows = unsur_rows(**changes)
    for row, value in zip(rows, nrr):
        row.setdefault("nrr_tertulis", D(value))
    data["tables"]["skm_unsur"] = rows
    return data


def only(findings, code):
    return [f for f in findings if f.code == code]


# ------------------------------------------------------------------------------------ answers
def test_skm001_answer_out_of_range(check, data):
    data["tables"]["skm_responden"][3]["u1"] = 7
    findings = check(data)
    assert codes_at(findings, "SKM001") == ["SKM!H12"]
    assert only(findings, "SKM001")[0].params["unsur"].id == "U1 Persyaratan"


def test_skm001_zero_and_fraction(check, data):
    data["tables"]["skm_responden"][0]["u3"] = 0
    data["tables"]["skm_responden"][1]["u3"] = 2.5
    assert codes_at(check(data), "SKM001") == ["SKM!J9", "SKM!J10"]


def test_skm002_text_answer_in_a_column_of_no_unsur(check, data):
    """Text in a column whose unsur nothing names (nor its place: U8 is empty too) cannot be read
    as a label: SKM002."""
    data["tables"]["skm_unsur"] = unsur_rows(r8={"unsur": "Keamanan"})
    for r in data["tables"]["skm_responden"]:
        r["u8"] = r["u9"] = None
    data["tables"]["skm_responden"][3]["u9"] = "baik sekali"
    findings = check(data)
    assert codes_at(findings, "SKM002") == ["SKM!P12"]
    assert "'baik sekali'" in only(findings, "SKM002")[0].message()


def test_a_text_answer_of_another_unsur_is_skm020(check, data):
    """'baik' answers sarana (U9), not prosedur (U2): read as a label, it is another unsur's."""
    data["tables"]["skm_responden"][3]["u2"] = "baik"
    findings = check(data)
    assert codes_at(findings, "SKM020") == ["SKM!I12"]
    assert codes_at(findings, "SKM002") == []


def test_an_answer_typed_as_text_counts_and_is_noted_at_its_cell(write, data):
    """The template's score formula counts it too (it looks answers up as text): a note, no error."""
    resp = data["tables"]["skm_responden"]
    typed = resp[3]["u2"]
    resp[3]["u2"] = f" {typed}"  # '4 typed as text, with a space
    result = check_workbook(write(data))
    assert codes_at(result.findings, "VAL001") == []
    assert codes_at(result.findings, "SKM036") == [cell_of("skm_responden", "u2", 3)]
    f = only(result.findings, "SKM036")[0]
    assert (f.expected, f.found, f.severity, f.params["count"].id) == (typed, f" {typed}", "info", "1")
    # counted, in lkjip-xl as in the score formula (its cached value is the derived one)
    answers = [r["u2"] for r in data["tables"]["skm_responden"]]
    want = sum(int(str(a).strip()) for a in answers) / D(len(answers))
    assert result.context.wb.skm.columns[1].nrr == want
    assert result.context.wb.rows("skm_responden")[3]["skor_u2"] == typed
    assert [f.code for f in result.findings if f.code.startswith(("SKM", "FRM"))] == ["SKM036"]


def test_answers_all_typed_as_text_count_alike_in_libreoffice(write, data, tmp_path):
    """Every answer stored as text (pasted from a form): LibreOffice, recalculating the template's
    formulas, gives the IKM lkjip-xl gives and the IKM computed by hand; one note, no error."""
    import shutil

    import openpyxl

    from lkjip_xl.reader import read_workbook

    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice (soffice) not installed")
    from test_libreoffice import convert

    resp = data["tables"]["skm_responden"]
    for r in resp:
        for k in range(1, 10):
            r[f"u{k}"] = str(r[f"u{k}"])
    nrr = [D(sum(int(r[f"u{k}"]) for r in resp)) / D(len(resp)) for k in range(1, 10)]
    by_hand = (sum(nrr) / 9 * 25).quantize(D("0.01"), ROUND_HALF_UP)
    path = write(data)
    result = check_workbook(path)
    assert [(f.code, f.severity) for f in result.findings if f.code in ("VAL001", "SKM036")] == [("SKM036", "info")]
    assert only(result.findings, "SKM036")[0].params["count"].id == str(9 * len(resp))
    stripped = tmp_path / "stripped.xlsx"
    openpyxl.load_workbook(path).save(stripped)  # no cached results: LibreOffice computes them
    theirs, _ = read_workbook(convert(stripped, "xlsx", tmp_path / "lo"))
    assert theirs.form("skm_hasil").values["ikm"] == result.context.wb.skm.ikm.rounded == by_hand


def test_letter_answers_are_valid(check, data):
    data["tables"]["skm_responden"][3]["u2"] = "D"  # d = 4, the same as the valid answer
    assert [f.code for f in check(data) if f.code.startswith("SKM")] == []


def test_skm003_blank_answers_one_finding_per_respondent(check, data):
    data["tables"]["skm_responden"][5]["u4"] = None
    data["tables"]["skm_responden"][5]["u7"] = None
    findings = check(data)
    assert codes_at(findings, "SKM003") == ["SKM!K14"]  # the first blank cell of the row
    finding = only(findings, "SKM003")[0]
    assert finding.severity == "warning"
    assert finding.params == {"row": 14, "count": 2, "unsur": "U4, U7"}


def test_skm004_five_point_scale_once_at_the_first_five(check, data):
    data["tables"]["skm_responden"][10]["u1"] = 5
    data["tables"]["skm_responden"][0]["u9"] = 5
    findings = check(data)
    assert codes_at(findings, "SKM004") == ["SKM!P9"]
    assert only(findings, "SKM004")[0].params["count"].id == "2"
    assert codes_at(findings, "SKM001") == []  # a 5 is not reported twice


def test_skm005_fewer_respondents_than_the_minimum_sample(check, data):
    data["forms"]["skm_info"]["populasi"] = 100  # minimum 80, 40 answered
    findings = check(data)
    assert codes_at(findings, "SKM005") == [field_of("skm_info", "populasi")]
    f = only(findings, "SKM005")[0]
    assert (f.expected, f.found, f.severity) == (80, 40, "warning")


def test_skm005_counts_valid_answers_of_the_weakest_unsur(check, data):
    data["tables"]["skm_responden"][0]["u2"] = None  # left blank: 39 answers for U2; minimum for 45 is 40
    findings = check(data)
    assert codes_at(findings, "SKM005") == [field_of("skm_info", "populasi")]
    f = only(findings, "SKM005")[0]
    assert (f.found, f.severity, f.params.get("follows")) == (39, "warning", None)


def test_skm005_short_only_by_an_unreadable_answer_is_a_note_naming_it(check, data):
    """40 people answered, 40 are needed for 45; one U2 answer is "x" (SKM019 at it). U2's NRR
    rests on 39 answers, but the shortfall is that answer's, said at its cell: a note naming it,
    not a second warning that more people should have been asked."""
    data["tables"]["skm_responden"][0]["u2"] = "x"
    findings = check(data)
    f = only(findings, "SKM005")[0]
    answer = cell_of("skm_responden", "u2", 0)
    assert (f"{f.sheet}!{f.cell}", f.found, f.severity, f.params["follows"]) == (
        field_of("skm_info", "populasi"), 39, "info", answer)
    assert f.message("en").endswith(f"it follows from the cell {answer}")
    assert codes_at(findings, "SKM019") == [answer]


def test_skm005_short_even_with_the_unreadable_answers_stays_a_warning(check, data):
    data["forms"]["skm_info"]["populasi"] = 50  # minimum 44: 40 answered, one of them unreadable
    data["tables"]["skm_responden"][0]["u2"] = "x"
    f = only(check(data), "SKM005")[0]
    assert (f.expected, f.found, f.severity, f.params.get("follows")) == (44, 39, "warning", None)


# -------------------------------------------------------------------------------- summary block
def test_skm006_unknown_unsur_name(check, data):
    data["tables"]["skm_unsur"] = unsur_rows(r8={"unsur": "Keamanan"})
    for r in data["tables"]["skm_responden"]:
        r["u9"] = None  # the column holds nothing: its place cannot stand in for the name
    findings = check(data)
    assert codes_at(findings, "SKM006") == [cell_of("skm_unsur", "unsur", 8)]
    assert codes_at(findings, "SKM008") == []  # the unknown name says it already


def test_skm029_unknown_unsur_name_of_a_filled_column_counts_by_its_place(check, data):
    data["tables"]["skm_unsur"] = unsur_rows(r8={"unsur": "Keamanan"})
    findings = check(data)
    assert codes_at(findings, "SKM029") == [cell_of("skm_unsur", "unsur", 8)] and codes_at(findings, "SKM006") == []
    assert only(findings, "SKM029")[0].expected.id == "U9 Sarana dan Prasarana"
    assert [f for f in findings if f.severity == "error"] == []  # the IKM is computed: 86,94 as before


def test_skm028_a_misspelled_unsur_name_is_read_and_said(check, data):
    data["tables"]["skm_unsur"] = unsur_rows(r5={"unsur": "Komptensi Pelayanan"})  # issue 10
    findings = check(data)
    assert codes_at(findings, "SKM028") == [cell_of("skm_unsur", "unsur", 5)]
    assert only(findings, "SKM028")[0].expected.id == "U6 Kompetensi Pelaksana"
    assert [f for f in findings if f.severity == "error"] == []


def test_skm007_two_columns_name_the_same_unsur(check, data):
    data["tables"]["skm_unsur"] = unsur_rows(r7={"unsur": "Sarana dan Prasarana"})
    findings = check(data)
    assert codes_at(findings, "SKM007") == [cell_of("skm_unsur", "unsur", 8)]
    assert only(findings, "SKM007")[0].params["other"] == cell_of("skm_unsur", "unsur", 7)


def test_swapped_questionnaire_is_not_a_finding(check, data):
    data["tables"]["skm_unsur"] = unsur_rows(r7={"unsur": "Sarana dan Prasarana"},
                                            r8={"unsur": "Penanganan Pengaduan, Saran dan Masukan"})
    findings = check(data)
    assert [f.code for f in findings if f.code.startswith("SKM")] == []


def test_skm008_unsur_without_valid_answers(check, data):
    for row in data["tables"]["skm_responden"]:
        row["u5"] = None
    findings = check(data)
    assert codes_at(findings, "SKM008") == [cell_of("skm_unsur", "nrr", 4)]
    assert codes_at(findings, "SKM003") == []  # said once for the unsur, not once per respondent


def test_skm009_typed_nrr_outside_1_to_4(check, data):
    findings = check(summary_only(data, r2={"nrr_tertulis": D("4.2")}))
    assert codes_at(findings, "SKM009") == [cell_of("skm_unsur", "nrr_tertulis", 2)]


def test_skm010_typed_nrr_not_a_multiple_of_1_over_n(check, data):
    findings = check(summary_only(data, r1={"nrr_tertulis": D("3.47"), "jumlah_responden": 4}))
    assert codes_at(findings, "SKM010") == [cell_of("skm_unsur", "nrr_tertulis", 1)]
    assert only(findings, "SKM010")[0].params["n"].id == "4"


def test_skm010_possible_nrr_is_not_a_finding(check, data):
    findings = check(summary_only(data, r1={"nrr_tertulis": D("3.25"), "jumlah_responden": 4}))
    assert codes_at(findings, "SKM010") == []


def test_skm011_typed_nrr_differs_from_the_answers(check, data):
    data["tables"]["skm_unsur"] = unsur_rows(r0={"nrr_tertulis": D("3.51")})  # answers give 3,5
    findings = check(data)
    assert codes_at(findings, "SKM011") == [cell_of("skm_unsur", "nrr_tertulis", 0)]
    assert only(findings, "SKM011")[0].expected == D("3.5")


def test_skm011_typed_nrr_differs_from_sum_over_n(check, data):
    rows = {"jumlah_nilai": 341, "jumlah_responden": 100, "nrr_tertulis": D("3.38")}  # 3,41
    findings = check(summary_only(data, r0=rows))
    assert codes_at(findings, "SKM011") == [cell_of("skm_unsur", "nrr_tertulis", 0)]


def test_skm012_impossible_sum(check, data):
    findings = check(summary_only(data, r3={"jumlah_nilai": 500, "jumlah_responden": 100}))
    assert codes_at(findings, "SKM012") == [cell_of("skm_unsur", "jumlah_nilai", 3)]
    assert only(findings, "SKM012")[0].expected == Text("100–400", "100–400")


def test_skm013_typed_count_differs_from_the_respondent_rows(check, data):
    data["tables"]["skm_unsur"] = unsur_rows(r2={"jumlah_responden": 39, "jumlah_nilai": 140})
    findings = check(data)
    assert codes_at(findings, "SKM013") == [cell_of("skm_unsur", "jumlah_responden", 2)]  # 140 is right (20 × 4 + 20 × 3)
    assert only(findings, "SKM013")[0].expected == 40
    # the column is named in the message's language (the schema's header)
    assert only(findings, "SKM013")[0].message("id") == "Jumlah Responden U3 tertulis 39, dari data responden 40"
    assert only(findings, "SKM013")[0].message("en") == "Respondents U3 is 39; the respondent rows give 40"


# ------------------------------------------------------------------------------- typed results
def _replace_cells(path, cells: dict):
    """Put constants where the template wrote formulas (what a user typing over them leaves);
    ``cells``: result field key -> value."""
    with zipfile.ZipFile(path) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    book = members["xl/workbook.xml"].decode()
    rels = members["xl/_rels/workbook.xml.rels"].decode()
    sheet = field_of("skm_hasil", "ikm").split("!")[0]
    rid = re.search(rf'<sheet name="{sheet}" sheetId="\d+" r:id="(rId\d+)"', book).group(1)
    target = re.search(rf'Id="{rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="{rid}"', rels)
    part = "xl/" + (target.group(1) or target.group(2))
    xml = members[part].decode()
    for key, value in cells.items():
        ref = field_of("skm_hasil", key).split("!")[1]
        cell = re.search(rf'<c r="{ref}"( s="\d+")?[^>]*>.*?</c>', xml)
        style = cell.group(1) or ""
        if isinstance(value, str):
            new = f'<c r="{ref}"{style} t="inlineStr"><is><t>{value}</t></is></c>'
        else:
            new = f'<c r="{ref}"{style}><v>{value}</v></c>'
        xml = xml[:cell.start()] + new + xml[cell.end():]
    members[part] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return path


def test_skm014_typed_ikm_differs(write, data):
    path = _replace_cells(write(data), {"ikm": 87})  # the answers give 86,94
    findings = check_workbook(path).findings
    assert codes_at(findings, "SKM014") == [field_of("skm_hasil", "ikm")]
    assert codes_at(findings, "FRM001") == [field_of("skm_hasil", "ikm")]  # and the formula is gone
    f = only(findings, "SKM014")[0]
    assert (f.expected, f.found) == (D("86.94"), D(87))


def test_skm014_typed_ikm_equal_to_the_rounded_value_is_accepted(write, data):
    findings = check_workbook(_replace_cells(write(data), {"ikm": "86.94", "ikm_tanpa_pembulatan": 86.9444})).findings
    assert codes_at(findings, "SKM014") == []


def test_skm015_typed_mutu_differs(write, data):
    findings = check_workbook(_replace_cells(write(data), {"mutu": "A", "kinerja": "Baik"})).findings
    assert codes_at(findings, "SKM015") == [field_of("skm_hasil", "mutu")]


def test_skm015_typed_unsur_mutu_differs(check, data):
    data["tables"]["skm_unsur"] = unsur_rows(r8={"mutu": TypedOverride("A")})  # NRR 3,3 is B
    assert codes_at(check(data), "SKM015") == [cell_of("skm_unsur", "mutu", 8)]


def test_skm016_ikm_near_a_grade_boundary(check, data):
    findings = check(summary_only(data, nrr=("3.5322",) * 9))  # IKM 88,305 -> 88,31 A
    assert codes_at(findings, "SKM016") == [field_of("skm_hasil", "ikm")]
    assert only(findings, "SKM016")[0].params == {"boundary": Text("88,31", "88.31"), "mutu": "A"}


@pytest.mark.parametrize("nrr, ikm, near", [
    ("2.6", "65", True), ("3.0644", "76.61", True), ("3.5324", "88.31", True),  # at a boundary (88,3 at one decimal: B)
    ("3.064996", "76.6249", True), ("3.531996", "88.2999", True),  # within 0,05 (76,6 at one decimal: C)
    ("3.0622", "76.555", False), ("3.2", "80", False),  # more than 0,05 from every boundary
])
def test_skm016_an_ikm_within_0_05_of_a_grade_boundary(check, data, nrr, ikm, near):
    """domain.md: "Warn when the unrounded IKM is within 0,05 of a boundary: the grade depends on
    rounding" (Σ NRR / 9 × 25 in plain Decimal), at the boundary itself too: SKM016, a warning at the
    IKM, naming the boundary."""
    assert D(nrr) * 9 / 9 * 25 == D(ikm)
    said = [(f.code, f"{f.sheet}!{f.cell}", f.severity) for f in check(summary_only(data, nrr=(nrr,) * 9))
            if f.code == "SKM016"]
    assert said == ([("SKM016", field_of("skm_hasil", "ikm"), "warning")] if near else [])


def test_skm017_legacy_weight_is_labelled(check, data):
    data["forms"]["identitas"]["bobot_skm"] = "0,111"
    findings = check(data)
    assert codes_at(findings, "SKM017") == [field_of("skm_hasil", "ikm")]
    f = only(findings, "SKM017")[0]
    assert (f.severity, f.expected, f.found) == ("info", D("86.94"), D("86.86"))  # 31,3 × 0,111 × 25


def test_the_valid_workbook_has_no_skm_finding(check, data):
    assert [f for f in check(data) if f.code.startswith("SKM")] == []



def test_a_follow_up_row_for_no_unsur_is_said_by_check(check, data):
    """The SKM Tindak Lanjut sheet: a plan for 'Keamanan' (none of the nine unsur; red-team s39:
    only lkjip-xl skm said it) is SKM006 at its cell; 'Waktu Pelayanan' and 'U3' are unsur."""
    data["tables"]["skm_tindak_lanjut"] = [
        {"unsur": "U3", "rencana": "Menambah petugas loket"},
        {"unsur": "Waktu Pelayanan", "rencana": "Menetapkan SOP waktu"},
        {"unsur": "Keamanan", "rencana": "Memasang CCTV"},
    ]
    findings = check(data)
    assert [(f.code, f"{f.sheet}!{f.cell}") for f in findings if f.severity != "info"] == [
        ("SKM006", "SKM Tindak Lanjut!A7")]
