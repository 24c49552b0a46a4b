"""Sentences the way real reports write them, checked against the valid workbook (a .docx written
here): the budget version nearest each amount, amounts with a scale word ("Rp 1,77 miliar"),
comparisons with last year, and enumerations. Expected values are computed here from the valid
workbook's data."""
from __future__ import annotations

from decimal import ROUND_HALF_UP
from decimal import Decimal as D
from pathlib import Path

from helpers import rupiah
from docx import Document
from valid_workbook import valid_data

from lkjip_xl.document.check import check_document
from lkjip_xl.template.fill import write_filled

DATA = valid_data()
TOTAL = next(r for r in DATA["tables"]["realisasi"] if not r["kode"])
MURNI = sum(r["pagu_murni"] for r in DATA["tables"]["pk_program"])
IKM = next(r for r in DATA["tables"]["pk_indikator"] if r["indikator"] == "Indeks Kepuasan Masyarakat")
YEAR = DATA["forms"]["identitas"]["tahun"]


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


def test_a_pagu_never_revised_is_called_pagu_not_pagu_perubahan(tmp_path):
    """Programme 02 not revised (its pagu perubahan blank on Realisasi: its final pagu is the murni,
    400.000.000): a wrong amount for it in the report was said as 'pagu perubahan … (Realisasi!I9)',
    a revision the workbook does not have. Now 'pagu', as the PK-only facts say it."""
    data = valid_data()
    for row in data["tables"]["realisasi"]:
        if (row["kode"] or "").startswith("02"):
            row["pagu_perubahan"] = None
    program = next(r for r in data["tables"]["realisasi"] if r["kode"] == "02")
    write_filled(tmp_path / "wb.xlsx", data)
    result = check(tmp_path, tmp_path / "wb.xlsx", f"Pagu {program['uraian']} sebesar Rp 410.000.000.")
    [f] = result.findings
    assert (f.code, f.severity, f.expected, f.found, f.params["version"]) == (
        "DOC001", "error", program["pagu_murni"], 410_000_000, None)
    assert f.message("id").startswith(f"pagu {program['uraian']} (02): buku kerja 400.000.000")
    assert f.message("en").startswith(f"budget of {program['uraian']} (02): the workbook has 400,000,000")


def test_berubah_menjadi_is_the_revised_pagu_and_the_amount_before_it_the_original(tmp_path, workbook):
    """"Pagu … sebesar Rp X yang kemudian berubah menjadi Rp Y": Y had no cue of its own (unmatched,
    a wrong Y passed in silence); X is the pagu before the change."""
    sentence = "Pagu anggaran Kecamatan Contoh sebesar Rp {} yang kemudian berubah menjadi Rp {}."
    right = check(tmp_path, workbook, sentence.format(rupiah(MURNI), rupiah(TOTAL["pagu_perubahan"])))
    assert found(right) == [] and [n["status"] for n in right.numbers] == ["agree", "agree"]
    wrong = check(tmp_path, workbook, sentence.format(rupiah(MURNI), "1.707.000.000"))
    assert found(wrong) == [("DOC001", TOTAL["pagu_perubahan"], 1_707_000_000)]


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


def capaian(row) -> D:
    """An indicator's capaian, its realisasi the mean of its components when it has them."""
    parts = [D(k["pembilang"]) / D(k["penyebut"]) * 100 for k in DATA["tables"]["pk_komponen"]
             if k["kode_indikator"] == row["kode_indikator"]]
    realisasi = sum(parts) / len(parts) if parts else D(row["realisasi"])
    return realisasi / D(row["target"]) * 100


def test_names_and_numbers_after_masing_masing_are_paired_in_order(tmp_path, workbook):
    iku2 = next(r for r in DATA["tables"]["pk_indikator"] if r["kode_indikator"] == "IKU2")
    ikm, other = decimal_id(capaian(IKM), 2), decimal_id(capaian(iku2), 2)  # "105,83", "105,56"
    sentence = ("Capaian indikator Indeks Kepuasan Masyarakat dan Persentase capaian pemberdayaan masyarakat "
                "{} sebesar {}% dan {}%.")
    for word in ("masing-masing", "berturut-turut"):
        right = check(tmp_path, workbook, sentence.format(word, ikm, other))
        assert found(right) == [] and [n["status"] for n in right.numbers] == ["agree", "agree"]
    swapped = check(tmp_path, workbook, sentence.format("masing-masing", other, ikm))
    assert [(c, e.quantize(D("0.0001")), f) for c, e, f in found(swapped)] == sorted([
        ("DOC001", capaian(IKM).quantize(D("0.0001")), D(other.replace(",", "."))),
        ("DOC001", capaian(iku2).quantize(D("0.0001")), D(ikm.replace(",", ".")))])


def test_program_tersebut_refers_to_the_programme_of_the_paragraph_before(tmp_path, workbook):
    p01 = next(r for r in DATA["tables"]["realisasi"] if r["kode"] == "01")
    persen = D(p01["realisasi"]) * 100 / D(p01["pagu_perubahan"])  # 95,2381
    first = f"{p01['uraian']} didukung anggaran sebesar Rp {rupiah(p01['pagu_perubahan'])}."
    second = "Realisasi anggaran program tersebut sebesar Rp {} atau {} %."
    right = check(tmp_path, workbook, first, second.format(rupiah(p01["realisasi"]), decimal_id(persen, 2)))
    assert found(right) == [] and [n["status"] for n in right.numbers] == ["agree"] * 3
    slip = decimal_id(persen, 2)[:-2] + decimal_id(persen, 2)[:-3:-1]  # 95,24 -> 95,42
    wrong = check(tmp_path, workbook, first, second.format(rupiah(p01["realisasi"]), slip))
    assert [(c, e.quantize(D("0.0001")), f) for c, e, f in found(wrong)] == [
        ("DOC001", persen.quantize(D("0.0001")), D(slip.replace(",", ".")))]
    assert wrong.findings[0].params["slip"] == "transposition"


def test_an_amount_said_of_something_before_is_not_the_units_total(tmp_path, workbook):
    """"tersebut" refers to something the check could not tie: the amount is not the total's."""
    result = check(tmp_path, workbook, "Kegiatan ini berjalan baik.",
                   "Realisasi anggaran kegiatan tersebut sebesar Rp 1.000.000.000.")
    assert found(result) == [] and result.numbers[-1]["status"] == "unmatched"
