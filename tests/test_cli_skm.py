"""`lkjip-xl skm FILE` as a user runs it: workbook or survey export, text and JSON, exit codes."""
import json
import random

import pytest
import xlsxwriter
from typer.testing import CliRunner

from conftest import SAMPLE_2023
from lkjip_xl.calc.skm import UNSUR
from lkjip_xl.cli import app

runner = CliRunner()
JSON_KEYS = {"n", "ikm", "ikm_unrounded", "mutu", "kinerja", "bobot", "nrr", "per_layanan", "min_sample",
             "findings", "pooled", "mean_of_units", "profile", "label_jawaban", "periode", "tindak_lanjut"}
# a distinct NRR per unsur: U1 -> answers of 1 and 4 ..., so a wrong column mapping shows
ANSWERS = {f"U{k}": [(1 + (i * k) % 4) for i in range(8)] for k in range(1, 10)}


def expected_nrr(code):
    values = ANSWERS[code]
    return sum(values) / len(values)


def run(*args):
    return runner.invoke(app, ["skm", *map(str, args)])


def survey_csv(path, order, delimiter=";", names=True, extra_rows=()):
    headers = ["No", "Jenis Kelamin", "Umur", "Jenis Layanan"] + [
        (UNSUR[int(c[1:]) - 1].name if names else c) for c in order]
    lines = [headers]
    for i in range(8):
        lines.append([i + 1, "L" if i % 2 else "P", 20 + 5 * i, "KTP" if i < 5 else "KK"]
                     + [ANSWERS[c][i] for c in order])
    lines.extend(extra_rows)

    def cell(v):
        v = str(v)
        return f'"{v}"' if delimiter in v else v

    path.write_text("\n".join(delimiter.join(cell(v) for v in line) for line in lines) + "\n", encoding="utf-8")
    return path


# ----------------------------------------------------------------------------------- workbook
def test_workbook_text(write, data):
    result = run(write(data))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "IKM: 86,94" in out and "Mutu pelayanan: B" in out and "Kinerja unit pelayanan: Baik" in out
    assert "Sarana dan Prasarana" in out and "3,30" in out
    assert "IKM gabungan (semua responden)" in out and "Laki-laki" in out
    assert "0 kesalahan, 0 peringatan, 0 info" in out


def test_workbook_json_shape(write, data):
    result = run(write(data), "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert set(doc) == JSON_KEYS
    assert (doc["n"], doc["ikm"], doc["mutu"], doc["kinerja"], doc["bobot"]) == (40, 86.94, "B", "Baik", "exact")
    assert doc["ikm_unrounded"] == pytest.approx(86.9444444444)
    assert doc["nrr"] == {**{f"U{k}": 3.5 for k in range(1, 9)}, "U9": 3.3}
    assert doc["min_sample"] == 40 and doc["findings"] == []
    assert set(doc["per_layanan"]) == {"KK", "KTP"}
    assert set(doc["per_layanan"]["KK"]) == {"n", "ikm", "ikm_unrounded", "mutu", "kinerja", "nrr"}
    assert doc["per_layanan"]["KK"]["n"] == 20
    assert doc["pooled"]["ikm"] == 86.94 and doc["mean_of_units"]["units"] == 2
    assert doc["profile"]["jenis_kelamin"][0] == {"kategori": "L", "jumlah": 26, "persen": 65.0}


def test_workbook_bobot_0111_is_labelled(write, data):
    result = run(write(data), "--format", "json", "--bobot", "0.111")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert (doc["bobot"], doc["ikm"]) == ("0.111", 86.86)  # 31,3 × 0,111 × 25 = 86,8575
    assert [(f["code"], f["severity"]) for f in doc["findings"]] == [("SKM017", "info")]
    text = run(write(data), "--bobot", "0.111").stdout
    assert "0,111 (bobot lama" in text and "IKM: 86,86" in text


def test_workbook_errors_exit_1(write, data):
    data["tables"]["skm_responden"][3]["u1"] = 7
    result = run(write(data), "--format", "json", "--lang", "en")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    # U1 keeps 39 valid answers: under the minimum of 40 for a population of 45
    assert [(f["code"], f["sheet"], f["cell"]) for f in findings] == [("SKM005", "SKM", "D5"), ("SKM001", "SKM", "H12")]
    assert findings[1]["message"].startswith("answer 7 to U1")


def test_populasi_option_overrides_the_sheet(write, data):
    doc = json.loads(run(write(data), "--format", "json", "--populasi", "1.000").stdout)
    assert doc["min_sample"] == 278
    assert [(f["code"], f["cell"], f["expected"], f["found"]) for f in doc["findings"]] == [
        ("SKM005", "D5", 278, 40)]


def test_sample_workbook_with_typed_nrr_only():
    doc = json.loads(run(SAMPLE_2023, "--format", "json").stdout)
    assert (doc["ikm"], doc["mutu"], doc["n"]) == (86.89, "B", None)
    assert doc["per_layanan"] == {} and doc["profile"] == {}


# ------------------------------------------------------------------------------ survey export
def test_csv_with_unsur_names_in_a_swapped_order(tmp_path):
    order = ["U9", "U3", "U1", "U8", "U2", "U7", "U4", "U6", "U5"]
    result = run(survey_csv(tmp_path / "survei.csv", order), "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert set(doc) == JSON_KEYS
    assert doc["n"] == 8
    assert doc["nrr"] == {code: pytest.approx(expected_nrr(code)) for code in doc["nrr"]}
    assert list(doc["per_layanan"]) == ["KTP", "KK"]
    assert [r["kategori"] for r in doc["profile"]["umur"]] == ["≤ 20", "21–30", "31–40", "41–50", "> 50"]


def test_csv_comma_delimited_with_quoted_names_and_codes(tmp_path):
    order = ["U2", "U1", "U3", "U4", "U5", "U6", "U7", "U9", "U8"]  # names with commas are quoted
    doc_names = json.loads(run(survey_csv(tmp_path / "a.csv", order, ","), "--format", "json").stdout)
    doc_codes = json.loads(run(survey_csv(tmp_path / "b.csv", order, ",", names=False), "--format", "json").stdout)
    assert doc_names["nrr"] == doc_codes["nrr"]
    assert doc_names["nrr"]["U2"] == pytest.approx(expected_nrr("U2"))


def test_csv_invalid_answers_exit_1_with_cells(tmp_path):
    order = [f"U{k}" for k in range(1, 10)]
    bad = [9, "L", 30, "KK", 4, 4, "x", 4, 4, 4, 4, 4, ""]
    result = run(survey_csv(tmp_path / "s.csv", order, extra_rows=[bad]), "--format", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    # in an export, text is read as a label: "x" is none of U3's options
    assert [(f["code"], f["sheet"], f["cell"]) for f in doc["findings"]] == [
        ("SKM019", "s.csv", "G10"), ("SKM003", "s.csv", "M10")]
    assert doc["n"] == 9


def test_xlsx_survey_export_with_title_rows(tmp_path):
    path = tmp_path / "form.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Form Responses 1")
    ws.write(0, 0, "Hasil Survei Kepuasan Masyarakat 2024")
    order = [f"U{k}" for k in random.Random(4).sample(range(1, 10), 9)]
    ws.write_row(2, 0, ["Timestamp", "Usia"] + [f"{j + 1}. {UNSUR[int(c[1:]) - 1].name}" for j, c in enumerate(order)])
    for i in range(8):
        ws.write_row(3 + i, 0, ["2024-05-01", 30 + i] + [ANSWERS[c][i] for c in order])
    wb.close()
    result = run(path, "--format", "json", "--lang", "en")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["nrr"] == {code: pytest.approx(expected_nrr(code)) for code in doc["nrr"]}
    assert list(doc["per_layanan"]) == ["(tanpa jenis layanan)"] and "umur" in doc["profile"]


def test_english_text(tmp_path):
    result = run(survey_csv(tmp_path / "s.csv", [f"U{k}" for k in range(1, 10)]), "--lang", "en")
    assert result.exit_code == 0
    assert "Service element" in result.stdout and "Requirements" in result.stdout
    assert "Pooled IKM (all respondents)" in result.stdout and "0 errors, 0 warnings, 0 info" in result.stdout


# ---------------------------------------------------------------------------- cannot run: exit 2
@pytest.mark.parametrize("make, args", [
    (lambda p: p.joinpath("x.xlsx").write_bytes(b"this is not a workbook") and p / "x.xlsx", []),
    (lambda p: p.joinpath("x.csv").write_text("nama;alamat\nBudi;Medan\n") and p / "x.csv", []),
    (lambda p: p.joinpath("x.csv").write_bytes(b"\x00\x01\x02" * 100) and p / "x.csv", []),
    (lambda p: p.joinpath("empty.csv").write_text("") or p / "empty.csv", []),
    (lambda p: p / "missing.csv", []),
    (lambda p: p, []),
    (lambda p: p / "missing.csv", ["--bobot", "0.2"]),
    (lambda p: p / "missing.csv", ["--populasi", "banyak"]),
    (lambda p: p / "missing.csv", ["--format", "xml"]),
])
def test_unreadable_or_bad_arguments_exit_2_with_one_line(tmp_path, make, args):
    result = runner.invoke(app, ["skm", str(make(tmp_path)), *args])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("lkjip-xl: ")
    assert "Traceback" not in result.output


def test_missing_file_argument_exit_2():
    result = runner.invoke(app, ["skm"])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_free_text_column_matching_an_unsur_does_not_replace_it(tmp_path):
    path = tmp_path / "form.csv"
    path.write_text("No;Kritik dan Masukan;U1;U2;U3;U4;U5;U6;U7;Penanganan Pengaduan;U9\n"
                    "1;pelayanan cepat;4;4;4;4;4;4;4;3;4\n2;;3;3;3;3;3;3;3;2;3\n", encoding="utf-8")
    result = run(path, "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["nrr"]["U8"] == 2.5
    assert [(f["code"], f["severity"], f["cell"]) for f in doc["findings"]] == [("SKM034", "info", "B1")]


def test_two_answer_columns_for_one_unsur_is_an_error(tmp_path):
    order = [f"U{k}" for k in range(1, 10)] + ["U3"]
    path = tmp_path / "dup.csv"
    lines = [";".join(order)] + [";".join(["4"] * 10)] * 3
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(path, "--format", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert [(f["code"], f["severity"], f["cell"]) for f in doc["findings"]] == [("SKM007", "error", "J1")]
    assert doc["ikm"] == 100.0


def test_an_element_with_fewer_valid_answers_than_respondents_is_said_under_the_table(write, data):
    assert "tidak dihitung: dari" not in run(write(data)).stdout  # every answer counted: no note
    resp = data["tables"]["skm_responden"]
    resp[0]["u3"] = None  # one respondent left U3 blank: its NRR is over 39 answers, the survey has 40
    path = write(data)
    n, u3 = len(resp), sum(1 for r in resp if r["u3"] is not None)
    assert (n, u3) == (40, 39)
    assert (f"Jawaban kosong atau tidak sah tidak dihitung: dari {n} responden, 3. Waktu Penyelesaian {u3} "
            "jawaban sah.") in run(path).stdout
    assert f"Blank or invalid answers are not counted: of {n} respondents, 3. Completion Time {u3} valid answers." \
        in run(path, "--lang", "en").stdout
