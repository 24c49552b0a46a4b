"""Sentences the way real reports write them, checked against the valid workbook (a .docx written
here): the budget version nearest each amount, amounts with a scale word ("Rp 1,77 miliar"),
comparisons with last year, and enumerations. Expected values are computed here from the valid
workbook's data."""
from __future__ import annotations

from decimal import ROUND_HALF_UP
from decimal import Decimal as D
from pathlib import Path

import pytest
from docx import Document
from valid_workbook import valid_data

from lkjip_xl.document.check import check_document
from lkjip_xl.template.fill import write_filled

DATA = valid_data()
TOTAL = next(r for r in DATA["tables"]["realisasi"] if not r["kode"])
MURNI = sum(r["pagu_murni"] for r in DATA["tables"]["pk_program"])
IKM = next(r for r in DATA["tables"]["pk_indikator"] if r["indikator"] == "Indeks Kepuasan Masyarakat")
YEAR = DATA["forms"]["identitas"]["tahun"]


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("wb") / "valid.xlsx"
    write_filled(path, valid_data())
    return path


def rupiah(amount) -> str:
    return f"{int(amount):,}".replace(",", ".")


def decimal_id(value, places: int) -> str:
    return f"{D(value).quantize(D(1).scaleb(-places), ROUND_HALF_UP):,.{places}f}".replace(",", "_") \
        .replace(".", ",").replace("_", ".")


def check(tmp_path: Path, workbook: Path, *paragraphs: str):
    doc = Document()
    doc.add_paragraph("BAB III AKUNTABILITAS KINERJA")
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.save(str(tmp_path / "laporan.docx"))
    return check_document(tmp_path / "laporan.docx", workbook)


def found(result) -> list[tuple]:
    return sorted((f.code, f.expected, f.found) for f in result.findings)


def test_the_version_of_a_pagu_is_the_one_said_nearest_before_it(tmp_path, workbook):
    assert MURNI != TOTAL["pagu_perubahan"]
    sentence = "Pada APBD murni Kecamatan Contoh mendapat pagu Rp {} yang kemudian pada APBD-P menjadi Rp {}."
    right = check(tmp_path, workbook, sentence.format(rupiah(MURNI), rupiah(TOTAL["pagu_perubahan"])))
    assert found(right) == [] and right.numbers[0]["status"] == "agree"
    swapped = check(tmp_path, workbook, sentence.format(rupiah(TOTAL["pagu_perubahan"]), rupiah(MURNI)))
    assert found(swapped) == [("DOC001", MURNI, TOTAL["pagu_perubahan"])]


def test_amounts_with_a_scale_word_are_read_at_their_precision(tmp_path, workbook):
    realisasi, pagu = D(TOTAL["realisasi"]), D(TOTAL["pagu_perubahan"])
    juta, miliar = decimal_id(realisasi / 10**6, 0), decimal_id(pagu / 10**9, 2)  # "1.694", "1,77"
    text = f"Realisasi anggaran Kecamatan Contoh mencapai Rp {juta} juta dari total pagu Rp {miliar} miliar."
    result = check(tmp_path, workbook, text)
    assert found(result) == [] and [n["status"] for n in result.numbers] == ["agree", "agree"]
    wrong = decimal_id(pagu / 10**9 + D("0.1"), 2)  # 1,87 miliar
    result = check(tmp_path, workbook, f"Total pagu Kecamatan Contoh sebesar Rp {wrong} miliar.")
    assert found(result) == [("DOC001", pagu, D(wrong.replace(",", ".")) * 10**9)]


def test_dibandingkan_dengan_last_year_is_judged(tmp_path, workbook):
    """"Bila dibandingkan dengan realisasi tahun lalu sebesar X" is the standard comparison of
    real reports, no difference: X is last year's realisasi of the indicator the sentence names."""
    sentence = ("Bila dibandingkan dengan realisasi tahun {} sebesar {}, realisasi Indeks Kepuasan Masyarakat "
                "tahun {} sebesar {}.")
    now, before = decimal_id(IKM["realisasi"], 2), decimal_id(IKM["realisasi_lalu"], 1)
    right = check(tmp_path, workbook, sentence.format(YEAR - 1, before, YEAR, now))
    assert found(right) == [] and [n["status"] for n in right.numbers] == ["agree", "agree"]
    wrong = check(tmp_path, workbook, sentence.format(YEAR - 1, "58,1", YEAR, now))
    assert found(wrong) == [("DOC001", IKM["realisasi_lalu"], D("58.1"))]


def test_each_item_of_an_enumeration_is_judged(tmp_path, workbook):
    belanja = {r["uraian"]: r["anggaran"] for r in DATA["tables"]["belanja"]}
    operasi, modal = rupiah(belanja["Belanja Operasi"]), rupiah(belanja["Belanja Modal"])
    sentence = "Anggaran tersebut terdiri dari BELANJA OPERASI sebesar Rp. {},00 dan BELANJA MODAL sebesar Rp. {},00."
    right = check(tmp_path, workbook, sentence.format(operasi, modal))
    assert found(right) == [] and [n["status"] for n in right.numbers] == ["agree", "agree"]
    wrong = check(tmp_path, workbook, sentence.format(operasi, "230.000.000"))
    assert found(wrong) == [("DOC001", belanja["Belanja Modal"], 230_000_000)]
