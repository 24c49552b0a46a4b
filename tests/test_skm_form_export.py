"""A Google-Forms-style export with label answers (issue 16): IKM per service, per semester and for
the year equal to the values computed by hand from the labels (tests/skm_form.py); label problems
reported at their cell; dates and periods."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import skm_form as F
from lkjip_xl.cli import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, ["skm", *map(str, args)])


def doc_of(path, *extra):
    result = run(path, "--format", "json", *extra)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


@pytest.fixture(params=["xlsx", "csv"])
def export(request, tmp_path):
    path = tmp_path / f"jawaban.{request.param}"
    (F.write_xlsx if request.param == "xlsx" else F.write_csv)(path, F.rows())
    return path


def test_ikm_per_service_per_semester_and_for_the_year(export):
    code, doc = doc_of(export)
    assert code == 0 and doc["findings"] == []
    assert doc["label_jawaban"] == "PermenPAN-RB 14/2017"
    assert doc["n"] == F.N
    # each question went to its unsur by its text (sarana at 8, pengaduan at 9)
    assert doc["nrr"] == {u: pytest.approx(float(v)) for u, v in F.nrr(F.ALL).items()}
    year = F.r2(F.ikm(F.ALL))
    assert (doc["ikm"], doc["mutu"]) == (float(year), F.grade(year))
    for name, who in F.BY_SERVICE.items():
        got = doc["per_layanan"][name]
        assert (got["n"], got["ikm"]) == (len(who), float(F.r2(F.ikm(who))))
    periods = doc["periode"]
    assert periods["skema"] == "semester" and periods["tanpa_tanggal"] == 0  # the default: the data span the year
    s1, s2 = (F.r2(F.ikm(who)) for who in F.SEMESTER)
    got = periods["per_periode"]
    assert [(p["periode"], p["mulai"], p["sampai"], p["n"], p["ikm"], p["mutu"]) for p in got] == [
        ("Semester I", "2023-01-01", "2023-06-30", len(F.SEMESTER[0]), float(s1), F.grade(s1)),
        ("Semester II", "2023-07-01", "2023-12-31", len(F.SEMESTER[1]), float(s2), F.grade(s2))]
    assert got[0]["perubahan"] is None and got[1]["perubahan"] == pytest.approx(float(s2 - s1))
    assert got[1]["nrr"] == {u: pytest.approx(float(v)) for u, v in F.nrr(F.SEMESTER[1]).items()}


def test_label_problems_each_at_its_cell(tmp_path):
    """Odd case, trailing dots and option letters are read (the fixture has them everywhere); an
    unknown label, a label of another unsur's scale and a code contradicting its label are
    findings at their cells, left out of their own unsur only."""
    bad = {(2, 2): "Lumayan cepat",  # U3: no option of any scale
           (5, 8): "Buruk",  # Q9 pengaduan (U8) answered with sarana's scale (not a generic label)
           (7, 0): "a. Sangat sesuai"}  # the letter says 1, the label 4

    def answer(i, q, default):
        return bad.get((i, q), default)

    path = tmp_path / "form.csv"
    F.write_csv(path, F.rows(answer))
    code, doc = doc_of(path)
    assert code == 1
    col = lambda q: chr(ord("A") + F.FIRST_QUESTION_COL + q)  # noqa: E731
    found = [(f["code"], f["sheet"], f["cell"], f["found"]) for f in doc["findings"]]
    assert found == [("SKM019", "form.csv", f"{col(2)}4", "Lumayan cepat"),
                     ("SKM020", "form.csv", f"{col(8)}7", "Buruk"),
                     ("SKM021", "form.csv", f"{col(0)}9", "a. Sangat sesuai")]
    messages = {f["code"]: f["message"] for f in doc["findings"]}
    assert "Tidak cepat (1) / Kurang cepat (2) / Cepat (3) / Sangat cepat (4)" in messages["SKM019"]
    assert "U9 Sarana dan Prasarana" in messages["SKM020"]
    # left out of their own unsur only, never counted as 0
    skip = {(2, 2), (5, 8), (7, 0)}
    assert doc["nrr"] == {u: pytest.approx(float(v)) for u, v in F.nrr(F.ALL, skip).items()}
    assert doc["ikm"] == float(F.r2(F.ikm(F.ALL, skip)))


def test_declared_labels_in_a_file_and_on_a_label_sheet(tmp_path):
    """An office whose form said "Bagus" declares its words; its other unsur keep the regulation's."""
    own = ["Jelek", "Lumayan", "Bagus", "Sangat bagus"]

    def answer(i, q, default):
        return own[F.score(i, q) - 1] if q == 2 else default  # question 3 (U3) used the office's words

    path = tmp_path / "form.xlsx"
    F.write_xlsx(path, F.rows(answer))
    code, doc = doc_of(path)
    # not declared yet: every U3 answer is unknown, so U3 has no NRR and the IKM none
    assert code == 1 and {f["code"] for f in doc["findings"]} == {"SKM019", "SKM008"} and doc["ikm"] is None
    labels = tmp_path / "label.csv"
    labels.write_text("Unsur;1;2;3;4\nWaktu Penyelesaian;Jelek;Lumayan;Bagus;Sangat bagus\n", encoding="utf-8")
    code, doc = doc_of(path, "--label", labels)
    assert code == 0 and doc["findings"] == [] and doc["label_jawaban"] == "label.csv"
    assert doc["ikm"] == float(F.r2(F.ikm(F.ALL)))
    # the same set on a sheet named "Label" of the export
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb.create_sheet("Label")
    ws.append(["Unsur", "a", "b", "c", "d"])
    ws.append(["U3", *own])
    wb.save(path)
    code, doc = doc_of(path)
    assert code == 0 and doc["label_jawaban"] == "Label" and doc["ikm"] == float(F.r2(F.ikm(F.ALL)))


def test_a_label_file_with_problems(tmp_path):
    labels = tmp_path / "label.csv"
    labels.write_text("Unsur,Nilai 1,Nilai 2,Nilai 3,Nilai 4\n"
                      "Semua,Tidak puas,Kurang puas,Puas,Sangat puas\n"
                      "U2,Jelek,Puas,,\n"  # "Puas" is 3 for every unsur already
                      "Keamanan,Tidak aman,,,\n"  # no such unsur
                      ",Buruk sekali,,,\n"  # no unsur
                      "U4,b,,,\n", encoding="utf-8")  # an option code as a label
    path = tmp_path / "form.csv"
    F.write_csv(path, F.rows(lambda i, q, d: ["Tidak puas", "Kurang puas", "Puas", "Sangat puas"][F.score(i, q) - 1]))
    code, doc = doc_of(path, "--label", labels)
    assert code == 1
    assert [(f["code"], f["sheet"], f["cell"]) for f in doc["findings"]] == [
        ("SKM022", "label.csv", "C3"), ("SKM006", "label.csv", "A4"), ("VAL005", "label.csv", "A5"),
        ("SKM023", "label.csv", "B6")]
    assert doc["ikm"] == float(F.r2(F.ikm(F.ALL)))  # "Semua" gave every unsur the office's words


def test_label_file_without_a_label_table_exit_2(tmp_path, export):
    labels = tmp_path / "label.csv"
    labels.write_text("a;b\n1;2\n", encoding="utf-8")
    result = run(export, "--label", labels)
    assert result.exit_code == 2 and "Unsur, 1, 2, 3, 4" in result.stderr


# ------------------------------------------------------------------------------ periods
def test_triwulan_and_the_minimum_sample_per_period(tmp_path, export):
    code, doc = doc_of(export, "--periode", "triwulan", "--populasi", "40")
    quarters = [[i for i in F.ALL if (F.date(i).month - 1) // 3 == k] for k in range(4)]
    got = doc["periode"]["per_periode"]
    assert [p["periode"] for p in got] == ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"]
    assert [p["n"] for p in got] == [len(q) for q in quarters]
    assert [p["ikm"] for p in got] == [float(F.r2(F.ikm(q))) for q in quarters]
    # Krejcie–Morgan per quarter: population 40 × 3/12 = 10 -> minimum 10 (the table's first row)
    assert doc["periode"]["populasi_periode"] == 10 and all(p["min_sample"] == 10 for p in got)
    below = [f for f in doc["findings"] if f["code"] == "SKM026"]
    assert [(f["severity"], f["cell"], f["found"], f["expected"]) for f in below] == [
        ("warning", "A1", len(q), 10) for q in quarters if len(q) < 10]
    assert code == 0


def test_dates_in_other_formats_and_unreadable_ones(tmp_path):
    table = F.rows()
    formats = [lambda d: d.strftime("%d/%m/%Y %H:%M:%S"), lambda d: d.strftime("%Y-%m-%d"),
               lambda d: f"{d.day} {['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'][d.month - 1]} {d.year}"]
    for i in range(F.N):
        table[i + 1][0] = formats[i % 3](F.date(i))
    table[5][0] = "kemarin sore"  # respondent 4
    table[9][0] = ""  # respondent 8: blank
    path = tmp_path / "form.csv"
    F.write_csv(path, table)
    code, doc = doc_of(path)
    assert code == 0
    assert [(f["code"], f["severity"], f["cell"]) for f in doc["findings"]] == [
        ("SKM024", "warning", "A6"), ("SKM024", "warning", "A10")]
    dated = [i for i in F.ALL if i not in (4, 8)]
    got = doc["periode"]["per_periode"]
    assert doc["periode"]["tanpa_tanggal"] == 2
    assert [p["ikm"] for p in got] == [float(F.r2(F.ikm([i for i in half if i in dated]))) for half in F.SEMESTER]
    assert doc["ikm"] == float(F.r2(F.ikm(F.ALL)))  # the year keeps every respondent


def test_month_first_dates_and_an_assumed_order(tmp_path):
    table = F.rows()
    for i in range(F.N):
        table[i + 1][0] = F.date(i).strftime("%m/%d/%Y %H:%M:%S")  # a form in US English
    path = tmp_path / "us.csv"
    F.write_csv(path, table)
    _, doc = doc_of(path)
    assert [p["n"] for p in doc["periode"]["per_periode"]] == [len(s) for s in F.SEMESTER]
    assert doc["findings"] == []
    for i in range(F.N):  # every day ≤ 12: either reading fits
        table[i + 1][0] = F.date(i).replace(day=1 + i % 12).strftime("%d/%m/%Y")
    F.write_csv(path, table)
    _, doc = doc_of(path)
    assert [(f["code"], f["severity"], f["cell"]) for f in doc["findings"]] == [("SKM025", "info", "A1")]


def test_periods_asked_for_without_dates(tmp_path):
    table = [line[1:] for line in F.rows()]  # no Timestamp column
    path = tmp_path / "nodate.csv"
    F.write_csv(path, table)
    _, doc = doc_of(path)
    assert doc["periode"] is None and doc["findings"] == []
    _, doc = doc_of(path, "--periode", "semester")
    assert [(f["code"], f["severity"]) for f in doc["findings"]] == [("SKM027", "warning")]
    _, doc = doc_of(path, "--periode", "tahun")
    assert doc["periode"] is None


def test_bad_periode_option_exit_2(export):
    result = run(export, "--periode", "bulanan")
    assert result.exit_code == 2 and "--periode bulanan" in result.stderr


def test_english_output_writes_numbers_the_english_way(export):
    # population 12.000 a year: 6.000 a semester (12.000 × 6/12), above the export's respondents
    result = run(export, "--lang", "en", "--periode", "semester", "--populasi", "12000")
    ikm = F.r2(F.ikm(F.ALL))
    assert f"IKM: {ikm:.2f}\n" in result.stdout  # 8x.yz, not 8x,yz
    assert "(population 12,000)" in result.stdout
    assert "for a period population of 6,000 " in result.stdout  # SKM026
    assert "6.000" not in result.stdout and f"{ikm:.2f}".replace(".", ",") not in result.stdout
    indonesian = run(export, "--periode", "semester", "--populasi", "12000").stdout
    assert f"IKM: {ikm:.2f}\n".replace(".", ",") in indonesian and "populasi periode 6.000 " in indonesian
