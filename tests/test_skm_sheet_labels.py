"""Answer labels on the workbook's SKM sheet (issue 16): besides 1–4 and a–d, an answer cell takes
the PermenPAN-RB 14/2017 label of its column's unsur; the sheet's score formula reads the label up
to case and runs of spaces, lkjip-xl up to punctuation and an option code too, and says so where
only it reads one (SKM032, SKM033). Each test breaks one cell of the valid workbook (respondents
0..19 answer 4, 20..39 answer 3; U9 4 for 0..11) with a label of the same score, so nothing else
changes.

SKM sheet: respondents from row 9, U1..U9 in H..P; SKM Hasil: the unsur names in B5..B13.
"""
from decimal import Decimal as D

from helpers import cell_of, codes_at
from lkjip_xl.calc.skm import (
    ANSWER_SCORES, SHEET_ANSWER_TABLE, SHEET_LABEL_SCORES, SHEET_UNSUR_KEYS, sheet_label_score,
)
from lkjip_xl.calc.skm_labels import STANDARD
from lkjip_xl.calc.skm_unsur import UNSUR
from lkjip_xl.checks.engine import check_workbook
from test_rules_skm import unsur_rows


def skm_codes(findings):
    return [f.code for f in findings if f.code.startswith(("SKM", "FRM"))]


def only(findings, code):
    return [f for f in findings if f.code == code]


def test_the_sheet_tables_are_the_label_set_of_the_regulation():
    """One definition: the template's lookup tables are generated from calc.skm_labels.STANDARD."""
    assert len(SHEET_LABEL_SCORES) == 36
    for code, labels in STANDARD.shown.items():
        for score, shown in enumerate(labels, start=1):
            assert SHEET_LABEL_SCORES[f"{code.lower()} {shown[0].lower()}"] == score
    assert {SHEET_UNSUR_KEYS[u.name.lower()] for u in UNSUR} == {u.code for u in UNSUR}
    assert sheet_label_score("  SANGAT   sesuai ", "persyaratan") == 4
    assert sheet_label_score("Sangat sesuai.", "Persyaratan") is None  # no punctuation in a lookup
    # the names and labels of the table start with a space, which TRIM never leaves: the formula's
    # first lookup (the answer itself) finds only the codes
    assert all(k.startswith(" ") for k in SHEET_ANSWER_TABLE if k not in ANSWER_SCORES)


def test_labels_count_like_numbers(write, data):
    resp = data["tables"]["skm_responden"]
    resp[0]["u1"] = "Sangat sesuai"
    resp[1]["u4"] = "gratis"
    resp[25]["u7"] = "SOPAN DAN RAMAH"
    resp[30]["u8"] = "  Berfungsi   kurang maksimal "
    resp[2]["u9"] = "Sangat Baik"
    resp[3]["u2"] = "d"
    result = check_workbook(write(data))
    assert skm_codes(result.findings) == []
    derived = result.context.wb.rows("skm_responden")
    assert (derived[0]["skor_u1"], derived[1]["skor_u4"], derived[25]["skor_u7"], derived[30]["skor_u8"],
            derived[2]["skor_u9"]) == (4, 4, 3, 3, 4)
    # what the numbers gave: U1..U8 (20×4 + 20×3) / 40 = 3,5; U9 (12×4 + 28×3) / 40 = 3,3
    assert result.context.wb.skm.ikm.unrounded == (8 * D("3.5") + D("3.3")) * 25 / 9


def test_skm019_unknown_label_at_its_cell(check, data):
    data["tables"]["skm_responden"][4]["u3"] = "Lumayan cepat"
    findings = check(data)
    assert codes_at(findings, "SKM019") == [cell_of("skm_responden", "u3", 4)] == ["SKM!J13"]
    f = only(findings, "SKM019")[0]
    assert (f.found, f.severity, f.params["unsur"].id) == ("Lumayan cepat", "error", "U3 Waktu Penyelesaian")
    assert "Sangat cepat (4)" in f.expected


def test_skm020_label_of_another_unsur_at_its_cell(check, data):
    data["tables"]["skm_responden"][5]["u1"] = "Gratis"
    findings = check(data)
    assert codes_at(findings, "SKM020") == ["SKM!H14"]
    assert only(findings, "SKM020")[0].params["other"].id == "U4 Biaya/Tarif"


def test_skm021_option_code_against_its_label(check, data):
    data["tables"]["skm_responden"][6]["u6"] = "a. Sangat kompeten"
    findings = check(data)
    assert codes_at(findings, "SKM021") == ["SKM!M15"]
    f = only(findings, "SKM021")[0]
    assert (f.params["code"], f.expected) == (1, 4)


def test_a_bad_label_is_left_out_never_zero(write, data):
    data["tables"]["skm_responden"][0]["u1"] = "Luar biasa"
    result = check_workbook(write(data))
    col = result.context.wb.skm.columns[0]
    assert (col.n, col.total) == (39, 19 * 4 + 20 * 3)
    assert result.context.wb.rows("skm_responden")[0]["skor_u1"] is None


def test_skm030_a_label_only_lkjip_xl_reads_trailing_dot(check, data):
    data["tables"]["skm_responden"][7]["u1"] = "Sangat sesuai."
    findings = check(data)
    assert codes_at(findings, "SKM032") == ["SKM!H16"]
    f = only(findings, "SKM032")[0]
    assert (f.expected, f.found, f.severity, f.params["label"]) == (4, "Sangat sesuai.", "warning", "Sangat sesuai")
    assert [c for c in skm_codes(findings) if c != "SKM032"] == []


def test_skm030_option_code_with_the_label(write, data):
    data["tables"]["skm_responden"][22]["u2"] = "3 - Mudah"  # respondent 22 answers 3
    result = check_workbook(write(data))
    assert codes_at(result.findings, "SKM032") == ["SKM!I31"]
    # lkjip-xl counts it (the NRR is unchanged), the sheet's formula gives a blank
    assert result.context.wb.skm.columns[1].n == 40
    assert result.context.wb.rows("skm_responden")[22]["skor_u2"] is None


def test_skm031_a_column_named_so_the_formula_cannot_tell_its_unsur(check, data):
    """'Sarpras kantor' is Sarana dan Prasarana to lkjip-xl (a keyword), not to the sheet's lookup
    of names: its label answers are one SKM033 at the name, not one finding per answer."""
    data["tables"]["skm_unsur"] = unsur_rows(r8={"unsur": "Sarpras kantor"})
    for i in (0, 1, 30):
        data["tables"]["skm_responden"][i]["u9"] = "Sangat baik" if i < 12 else "Baik"
    findings = check(data)
    assert codes_at(findings, "SKM033") == [cell_of("skm_unsur", "unsur", 8)] == ["SKM Hasil!B13"]
    f = only(findings, "SKM033")[0]
    assert (f.found, f.params["count"].id, f.params["first"], f.params["column"]) == (
        "Sarpras kantor", "3", "SKM!P9", "U9")
    assert codes_at(findings, "SKM032") == []


def test_sarana_at_8_reads_sarana_labels_in_column_8(write, data):
    """The questionnaire's order is declared on SKM Hasil: with sarana asked 8th, column U8 takes
    sarana's labels (in lkjip-xl and in the formula) and pengaduan's are another unsur's there."""
    data["tables"]["skm_unsur"] = unsur_rows(r7={"unsur": "Sarana dan Prasarana"},
                                             r8={"unsur": "Penanganan Pengaduan, Saran dan Masukan"})
    resp = data["tables"]["skm_responden"]
    resp[0]["u8"] = "Sangat baik"
    resp[1]["u8"] = "Dikelola dengan baik"
    result = check_workbook(write(data))
    assert codes_at(result.findings, "SKM020") == ["SKM!O10"]
    derived = result.context.wb.rows("skm_responden")
    assert (derived[0]["skor_u8"], derived[1]["skor_u8"]) == (4, None)


def test_skm031_score_formulas_of_an_older_template(write, data):
    """A workbook made from a template before labels: its score formulas read 1–4 and a–d only, so
    the labels lkjip-xl counts are one SKM033 per column, saying the formula is the old one."""
    import openpyxl

    from lkjip_xl.schema import SCHEMA
    from lkjip_xl.schema.refs import col_letter

    data["tables"]["skm_responden"][1]["u1"] = "Sangat sesuai"
    path = write(data)
    wb = openpyxl.load_workbook(path)
    table = SCHEMA.table("skm_responden")
    ws = wb[table.sheet]
    answer, score = col_letter(table.col_index("u1")), col_letter(table.col_index("skor_u1"))
    for r in range(table.first_row, table.first_row + 40):
        ws[f"{score}{r}"] = f'=IFERROR(VLOOKUP(TRIM({answer}{r}),skor_jawaban,2,FALSE),"")'
    wb.save(path)
    findings = check_workbook(path).findings
    assert codes_at(findings, "SKM033") == ["SKM Hasil!B5"]
    f = only(findings, "SKM033")[0]
    assert "templat lama" in f.message("id") and (f.params["count"].id, f.params["first"]) == ("1", "SKM!H10")
    assert codes_at(findings, "SKM032") == []
