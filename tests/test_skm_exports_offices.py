"""Survey exports as offices make them (red-team cases): a U8 question naming "sarana pengaduan"
next to a free-text "Saran dan Masukan" column, generic answer labels for every question, other
question wordings, a summary sheet before the data sheet. Expected NRR and IKM are computed here
with plain Decimal arithmetic from the scores written (domain.md 3.6), never by lkjip-xl."""
import csv
import json
from decimal import ROUND_HALF_UP, Decimal, localcontext

import pytest
import xlsxwriter
from typer.testing import CliRunner

from lkjip_xl.cli import app
from skm_form import QUESTIONS

N = 40
CODES = [f"U{k}" for k in range(1, 10)]
LABELS = {code: options for _, code, options in QUESTIONS}  # the regulation's options, score 1..4
GOOGLE_FORM = {  # the questions as a Google Form of an office words them (sarana at 8)
    "U1": "1. Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
    "U2": "2. Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
    "U3": "3. Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
    "U4": "4. Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
    "U5": "5. Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar "
          "pelayanan dengan hasil yang diberikan?",
    "U6": "6. Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
    "U7": "7. Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
    "U9": "8. Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
    "U8": "9. Bagaimana pendapat Saudara tentang ketersediaan sarana pengaduan di unit ini?",
}
ORDER = ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U9", "U8"]  # the form's column order
runner = CliRunner()


def score(i: int, code: str) -> int:
    """Respondent i's answer to an unsur, 1..4 (a fixed pseudo-random pick, mostly 3 and 4)."""
    x = (1103515245 * (i * 37 + int(code[1]) * 11 + 5) + 12345) % 2 ** 31
    return (2, 3, 3, 4, 1, 3, 4, 2)[(x >> 16) % 8]


def expected(skip=()) -> tuple[Decimal, dict[str, Decimal]]:
    """IKM rounded half-up to 2 places and NRR per unsur: NRR = Σ answers / n, IKM = Σ NRR / 9 × 25."""
    with localcontext() as ctx:
        ctx.prec = 50
        nrr = {}
        for code in CODES:
            values = [score(i, code) for i in range(N) if (i, code) not in skip]
            nrr[code] = Decimal(sum(values)) / Decimal(len(values))
        ikm = sum(nrr.values(), Decimal(0)) / Decimal(9) * Decimal(25)
        return ikm.quantize(Decimal("0.01"), ROUND_HALF_UP), nrr


def export(path, headers=GOOGLE_FORM, answer=lambda i, code: LABELS[code][score(i, code) - 1],
           saran=None, saran_header="Saran dan Masukan"):
    """A Google-Forms-like csv: Timestamp, Nama, Jenis Layanan, the nine questions, a free-text column."""
    head = ["Timestamp", "Nama", "Jenis Layanan", *(headers[c] for c in ORDER)]
    head += [saran_header] if saran else []
    lines = [head]
    for i in range(N):
        line = [f"2024/0{1 + i % 9}/05 10:00:00 AM GMT+7", f"Warga {i + 1}", "KTP" if i % 2 else "KK"]
        line += [answer(i, c) for c in ORDER] + ([saran(i)] if saran else [])
        lines.append(line)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(lines)
    return path


def run(path, *args):
    result = runner.invoke(app, ["skm", str(path), "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def assert_ikm(doc, skip=()):
    ikm, nrr = expected(skip)
    assert doc["ikm"] == float(ikm)
    assert doc["nrr"] == {c: pytest.approx(float(v)) for c, v in nrr.items()}


def findings(doc):
    return [(f["code"], f["severity"], f["cell"]) for f in doc["findings"]]


# ------------------------------------------------------------------ 1. U8 and a "Saran" column
SARAN_COLUMN = "M1"  # after Timestamp, Nama, Jenis Layanan and nine questions


@pytest.mark.parametrize("saran", [
    lambda i: ("Tidak ada", "tidak ada", "")[i % 3],  # every suggestion is U8's option 1 or blank
    lambda i: ("Pertahankan", "-", "Tidak ada saran", "Tidak ada", "")[i % 5],
], ids=["tidak-ada", "pertahankan"])
def test_u8_question_naming_sarana_pengaduan_beside_a_saran_column(tmp_path, saran):
    """"sarana pengaduan" names U9's keyword and U8's: it is U8's question (complaint handling);
    the free-text "Saran dan Masukan" column is never U8, however its answers read: a note only."""
    code, doc = run(export(tmp_path / "f.csv", saran=saran))
    assert code == 0
    assert_ikm(doc)
    assert findings(doc) == [("SKM034", "info", SARAN_COLUMN)]
    assert "Saran dan Masukan" in doc["findings"][0]["message"]


def test_u8_named_penanganan_pengaduan_and_a_saran_column_is_no_error(tmp_path):
    headers = {**GOOGLE_FORM, "U8": "9. Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?"}
    code, doc = run(export(tmp_path / "f.csv", headers, saran=lambda i: ("Tidak ada", "Pertahankan", "-")[i % 3]))
    assert code == 0
    assert_ikm(doc)
    assert findings(doc) == [("SKM034", "info", SARAN_COLUMN)]


def test_a_question_naming_two_unsur_is_said_and_the_unsur_missing_names_it(tmp_path):
    """A header no unsur can be read from is never dropped in silence: SKM035 at it, and the
    missing unsur's SKM008 (no IKM) names it."""
    headers = {**GOOGLE_FORM, "U8": "9. Bagaimana pendapat Saudara tentang kualitas sarana penerimaan keluhan?"}
    code, doc = run(export(tmp_path / "f.csv", headers, saran=lambda i: "Tidak ada"))
    assert code == 1 and doc["ikm"] is None and doc["nrr"]["U8"] is None
    assert findings(doc) == [("SKM008", "error", "L1"), ("SKM035", "warning", "L1"),
                             ("SKM034", "info", SARAN_COLUMN)]
    messages = [f["message"] for f in doc["findings"]]
    assert "L1 '9. Bagaimana pendapat Saudara tentang kualit" in messages[0] and "'U8'" in messages[0]
    assert "U8 Penanganan Pengaduan, Saran dan Masukan, U9 Sarana dan Prasarana" in messages[1]


def test_a_free_text_column_naming_an_unsur_beside_it_is_a_note(tmp_path):
    """A "Keluhan" (complaints) column of free text beside the U8 question: not used, a note."""
    code, doc = run(export(tmp_path / "f.csv", saran=lambda i: ("antrean lama", "parkir sempit", "", "Tidak ada")[i % 4],
                           saran_header="Keluhan"))
    assert code == 0
    assert_ikm(doc)
    assert findings(doc) == [("SKM034", "info", SARAN_COLUMN)]


# --------------------------------------------------------------------------- 2. generic labels
GENERIC = {
    "baik": lambda i, c: ["Tidak Baik", "Kurang Baik", "Baik", "Sangat Baik"][score(i, c) - 1],
    "puas": lambda i, c: ["tidak puas", "Kurang Puas", "PUAS", "Sangat Puas"][score(i, c) - 1],
    "number-dash": lambda i, c: f"{score(i, c)} - " + ["Tidak Baik", "Kurang Baik", "Baik", "Sangat Baik"][score(i, c) - 1],
    "number-paren": lambda i, c: f"{score(i, c)} (" + ["Tidak Puas", "Kurang Puas", "Puas", "Sangat Puas"][score(i, c) - 1] + ")",
}


@pytest.mark.parametrize("kind", GENERIC)
def test_generic_labels_for_every_question(tmp_path, kind):
    code, doc = run(export(tmp_path / "f.csv", answer=GENERIC[kind]))
    assert code == 0 and doc["findings"] == []
    assert_ikm(doc)


def test_generic_labels_that_cannot_be_read_say_so(tmp_path):
    """An option number against its label, a word of no scale (whose message points to --label),
    and a 5-point form's word (rejected, never rescaled)."""
    bad = {(0, "U1"): "3 - Sangat Baik", (1, "U3"): "Lumayan", (2, "U6"): "Cukup Puas"}
    code, doc = run(export(tmp_path / "f.csv", answer=lambda i, c: bad.get((i, c), GENERIC["baik"](i, c))))
    assert code == 1
    assert [(f["code"], f["cell"]) for f in doc["findings"]] == [("SKM021", "D2"), ("SKM019", "F3"), ("SKM004", "I4")]
    unknown = doc["findings"][1]["message"]
    assert "--label" in unknown and "Tidak baik (1)" in unknown
    assert "sheet 'Label'" in unknown  # the way open to staff on the web page too, which has no --label
    assert_ikm(doc, skip=set(bad))
    _, doc = run(tmp_path / "f.csv", "--lang", "en")
    assert "--label FILE" in doc["findings"][1]["message"]


# ------------------------------------------------------------------------ 3. question wordings
def test_other_wordings_of_the_questions(tmp_path):
    headers = {
        **GOOGLE_FORM,
        "U4": "Bagaimana pendapat Saudara tentang kesesuaian antara biaya yang dibayarkan dengan biaya yang telah "
              "ditetapkan?",
        "U5": "Bagaimana pendapat Saudara tentang kesesuaian hasil pelayanan yang diberikan dengan standar pelayanan?",
        "U9": "Bagaimana pendapat Saudara tentang kenyamanan di lingkungan unit pelayanan?",
    }
    code, doc = run(export(tmp_path / "f.csv", headers, answer=lambda i, c: score(i, c)))
    assert code == 0 and doc["findings"] == []
    assert_ikm(doc)


def test_a_missing_unsur_names_the_columns_considered(tmp_path):
    headers = {**GOOGLE_FORM, "U5": "5. Bagaimana pendapat Saudara tentang hal yang Saudara terima?"}
    code, doc = run(export(tmp_path / "f.csv", headers, answer=lambda i, c: score(i, c)))
    assert code == 1 and doc["ikm"] is None
    assert findings(doc) == [("SKM008", "error", "H1"), ("SKM035", "warning", "H1")]
    assert "H1 '5. Bagaimana pendapat Saudara tentang hal ya" in doc["findings"][0]["message"]


# ---------------------------------------------------------------------- 4. summary sheet first
def test_the_sheet_of_the_respondents_not_a_summary_before_it(tmp_path):
    path = tmp_path / "survei.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    rekap = wb.add_worksheet("Rekap")
    rekap.write_row(0, 0, ["Rekapitulasi SKM"])
    rekap.write_row(2, 0, ["Keterangan", *CODES])
    rekap.write_row(3, 0, ["Jumlah Nilai"])
    rekap.write_row(4, 0, ["NRR"])
    data = wb.add_worksheet("Data")
    data.write_row(0, 0, ["No", "Jenis Kelamin", *CODES])
    for i in range(N):
        data.write_row(i + 1, 0, [i + 1, "L", *(score(i, c) for c in CODES)])
    wb.close()
    code, doc = run(path)
    assert code == 0 and doc["n"] == N and doc["findings"] == []
    assert_ikm(doc)
