"""The bundled Medang Kampai 2023 sample (samples/medang_kampai_2023.xlsx) reads back equal to its
readable source (samples/src/medang_kampai/*), and `check` reports the report's printed mistakes
at their exact cells, and no other error."""
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from lkjip_xl.calc.decimals import compare_typed
from lkjip_xl.checks.engine import check_workbook
from helpers import cell_of, dec, read_csv
from lkjip_xl.reader import read_workbook

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "medang_kampai_2023.xlsx"
SRC = ROOT / "samples" / "src" / "medang_kampai"


def _csv(name):
    return read_csv(SRC / name)


_n = dec


@pytest.fixture(scope="module")
def model():
    model, problems = read_workbook(SAMPLE)
    assert problems == []
    return model


@pytest.fixture(scope="module")
def findings():
    return check_workbook(SAMPLE).findings


def _at(findings, code):
    return {f.cell: f for f in findings if f.code == code}


# ------------------------------------------------------------------ reads back equal to the source
def test_identitas(model):
    src = yaml.safe_load((SRC / "identitas.yaml").read_text(encoding="utf-8"))
    ident = model.form("identitas").values
    for key, value in src.items():
        assert ident[key] == value, key
    assert ident["unit"] == "Kecamatan Medang Kampai" and ident["skala"] == "Atribut Capaian"


def test_pk_indicators(model):
    rows = _csv("pk.csv")
    pk = model.table("pk_indikator")
    assert len(pk) == len(rows) == 3
    for i, src in enumerate(rows):
        for col in ("kode_indikator", "indikator", "satuan", "arah", "jenis"):
            assert pk.get(col, i) == src[col], (col, i)
        for col in ("target", "realisasi", "realisasi_lalu", "target_renstra"):
            assert pk.get(col, i) == _n(src[col]), (col, i)
        assert pk.get("kode_program", i) == src["kode_program"].replace(";", ", ")
        assert pk.get("capaian", i) == _n(src["capaian_tertulis"])
    # the IKM row: 87 of 87 printed as capaian 87 (pengukuran L957), typed over the formula
    assert not pk.has_formula["capaian"][0] and pk.has_formula["capaian"][1]


def test_programme_pagu_murni_and_perubahan(model):
    rows = _csv("pk_program.csv")
    prog = model.table("pk_program")
    assert len(prog) == len(rows) == 5
    for i, src in enumerate(rows):
        assert prog.get("kode", i) == src["kode"]
        assert prog.get("pagu_murni", i) == _n(src["pagu_murni"])
        assert prog.get("pagu_perubahan", i) == _n(src["pagu_perubahan"])
    assert prog.get("pagu_murni", 1) == 190456100 and prog.get("pagu_perubahan", 1) == 182674480


def test_the_whole_budget_lampiran(model):
    rows = _csv("realisasi.csv")
    real = model.table("realisasi")
    assert len(real) == len(rows) == 53
    for i, src in enumerate(rows):
        assert real.get("kode", i) == (src["kode"] or None), i
        assert real.get("uraian", i) == src["uraian"], i
        assert real.cell("kode", i) == f"A{5 + i}"
        assert real.get("pagu_murni", i) is None
        assert real.get("pagu_perubahan", i) == Decimal(src["pagu"]), src["kode"]
        assert real.get("realisasi", i) == Decimal(src["realisasi"]), src["kode"]
        # sisa: the printed amount, exactly (typed where the formula gives another amount)
        assert real.get("sisa", i) == Decimal(src["sisa_tertulis"]), src["kode"]
        # %: typed where the formula does not give the printed value rounded half-up
        found, printed = real.get("persen_realisasi", i), Decimal(src["persen_tertulis"])
        if real.has_formula["persen_realisasi"][i]:
            assert compare_typed(found, printed) in ("exact", "half_up"), src["kode"]
        else:
            assert found == printed, src["kode"]
    assert real.get("uraian", 52) == "TOTAL" and real.get("kode", 52) is None
    # the rows the mistakes are reported at
    assert real.get("kode", 31) == "02" and real.cell("pagu_perubahan", 31) == "J36"
    assert [real.get("kode", i) for i in (27, 37, 38, 45)] == ["01.07", "03.01", "03.01.01", "03.02.04"]
    assert [real.cell("sisa", 27), real.cell("persen_realisasi", 37), real.cell("persen_realisasi", 38),
            real.cell("sisa", 45), real.cell("pagu_perubahan", 52)] == ["M32", "L42", "L43", "M50", "J57"]


def test_rencana_aksi(model):
    ind, keg = model.table("ra_indikator"), model.table("ra_kegiatan")
    rows = _csv("ra_indikator.csv")
    assert len(ind) == len(rows) == 3
    for i, src in enumerate(rows):
        assert ind.get("kode_indikator", i) == src["kode_indikator"]
        assert ind.get("target_tahunan", i) == _n(src["target_tahunan"])
        assert ind.get("kode_kegiatan", i) == src["kode_kegiatan"].replace(";", ", ")
        for q in range(1, 5):  # the report's TW columns are empty
            assert ind.get(f"target_tw{q}", i) is None and ind.get(f"realisasi_tw{q}", i) is None
    rows = _csv("ra_kegiatan.csv")
    assert [(keg.get("kode", i), keg.get("pagu", i)) for i in range(len(keg))] == \
        [(r["kode"], int(r["pagu"])) for r in rows]
    assert keg.get("pagu", 0) == 176052100  # murni, as the Rencana Aksi prints it (L1393)


# ------------------------------------------------------------------ the printed mistakes, found
def test_programme_2_row_is_not_the_sum_of_its_kegiatan(findings):
    bud003 = _at(findings, "BUD003")
    assert set(bud003) == {"J36", "K36"}  # Realisasi row 36 = PROGRAM 2 (L1332)
    assert (bud003["J36"].expected, bud003["J36"].found) == (182674480, 370107770)
    assert (bud003["K36"].expected, bud003["K36"].found) == (175041950, 343476831)
    assert {f.sheet for f in bud003.values()} == {"Realisasi"}


def test_total_is_no_longer_the_sum_of_the_programmes_because_of_programme_2(findings):
    bud004 = _at(findings, "BUD004")
    assert set(bud004) == {"J57", "K57"}  # Realisasi row 57 = TOTAL (L1358)
    assert (bud004["J57"].expected, bud004["J57"].found) == (9241482228, 9054048938)
    assert (bud004["K57"].expected, bud004["K57"].found) == (Decimal("9044617732.58"), Decimal("8876182851.58"))
    # the TOTAL is right: with programme 2 = Σ its kegiatan (182.674.480 / 175.041.950) the programmes
    # sum to 9.054.048.938 / 8.876.182.851,58; so the TOTAL's finding is a note naming programme 2's cells
    assert 9241482228 - (370107770 - 182674480) == 9054048938
    assert Decimal("9044617732.58") - (343476831 - 175041950) == Decimal("8876182851.58")
    assert {f.severity for f in bud004.values()} == {"info"}
    assert (bud004["J57"].params["cause"], bud004["K57"].params["cause"]) == ("Realisasi!J36", "Realisasi!K36")
    assert "Realisasi!J36" in bud004["J57"].message("en")


def test_printed_percentages_that_are_not_realisasi_over_pagu(findings):
    bud002 = _at(findings, "BUD002")
    # L42 Kegiatan Pemberdayaan Kelurahan 98,45 (98,3690); L43 Pembangunan Sarpras 98,36 (97,9556);
    # L36 the PROGRAM 2 row's own 90,51 (343.476.831 / 370.107.770 = 92,8045)
    assert set(bud002) == {"L36", "L42", "L43"}
    assert bud002["L42"].found == Decimal("98.45") and round(bud002["L42"].expected, 2) == Decimal("98.37")
    assert bud002["L43"].found == Decimal("98.36") and round(bud002["L43"].expected, 2) == Decimal("97.96")
    assert bud002["L36"].found == Decimal("90.51") and round(bud002["L36"].expected, 2) == Decimal("92.80")


def test_printed_sisa_that_is_not_pagu_minus_realisasi(findings):
    bud001 = _at(findings, "BUD001")
    # M50: 10.000.000 − 9.990.000 printed 1.000 (L1349); M32: 212.416.000 − 196.586.104,58 printed
    # 15.829.895,00 (L1326, the sen dropped)
    assert set(bud001) == {"M32", "M50"}
    assert (bud001["M50"].expected, bud001["M50"].found) == (10000, 1000)
    assert (bud001["M32"].expected, bud001["M32"].found) == (Decimal("15829895.42"), 15829895)


def test_ikm_capaian_printed_87_for_87_of_87(findings):
    kin001 = _at(findings, "KIN001")
    assert set(kin001) == {"K5"}
    assert kin001["K5"].sheet == "PK" and kin001["K5"].found == 87 and kin001["K5"].expected == 100


def test_rencana_aksi_pagu_against_the_realisasi_sheet(findings):
    bud007 = _at(findings, "BUD007")
    # The Realisasi sheet has only the perubahan pagu (the lampiran prints no murni), so every
    # Rencana Aksi (murni) pagu of a revised programme/kegiatan is flagged; 02.02 is not on
    # Realisasi, 02.03 and 03 are equal.
    # 04 (4.370.800) is the PK murni: the Rencana Aksi quotes the PK, accepted.
    sheet, first = _ra_pagu(0)
    assert set(bud007) == {_ra_pagu(i)[1] for i in (0, 1, 5, 7, 8, 9)}  # ra_kegiatan.csv rows 1, 2, 6, 8, 9, 10
    assert {f.sheet for f in bud007.values()} == {sheet}
    assert {f.severity for f in bud007.values()} == {"warning"}
    assert (bud007[first].expected, bud007[first].found) == (370107770, 176052100)


def _ra_pagu(i: int) -> tuple[str, str]:
    """(sheet, A1) of the pagu of the i-th Rencana Aksi kegiatan row."""
    sheet, ref = cell_of("ra_kegiatan", "pagu", i).split("!")
    return sheet, ref


def test_rencana_aksi_programme_pagu_against_the_pk(findings):
    # the PK lampiran says 190.456.100 murni for programme 02, the Rencana Aksi 176.052.100
    bud014 = _at(findings, "BUD014")
    first = _ra_pagu(0)[1]
    assert set(bud014) == {first}
    assert (bud014[first].expected, bud014[first].found) == (190456100, 176052100)
    assert not [f for f in findings if f.code == "BUD006"]


def test_no_other_error(findings):
    errors = sorted((f.code, f.sheet, f.cell) for f in findings if f.severity == "error")
    assert errors == sorted([
        ("KIN001", "PK", "K5"),
        ("BUD001", "Realisasi", "M32"),
        ("BUD003", "Realisasi", "J36"),
        ("BUD003", "Realisasi", "K36"),
        ("BUD002", "Realisasi", "L36"),
        ("BUD002", "Realisasi", "L42"),
        ("BUD002", "Realisasi", "L43"),
        ("BUD001", "Realisasi", "M50"),
        ("BUD014", *_ra_pagu(0)),
    ])


def test_the_pk_murni_column_with_blank_programmes_has_no_total(findings, tmp_path):
    # the report prints programme 1's (and 5's) pagu murni blank; its own Tabel 1.8 gives the total
    # murni as 7.829.623.098, while the filled programmes sum to 1.301.805.900
    assert sorted(_at(findings, "BUD018")) == [cell_of("pk_program", "pagu_murni", i).split("!")[1] for i in (0, 4)]
    import openpyxl

    from test_annex_support import run_annex

    out = tmp_path / "a.xlsx"
    assert run_annex(SAMPLE, "-o", out, "--force").exit_code == 0
    rows = [r for r in openpyxl.load_workbook(out)["PK Program dan Anggaran"].iter_rows(values_only=True) if any(r)]
    jumlah = next(r for r in rows if r[1] == "J U M L A H")
    assert jumlah[2] is None and jumlah[3] == 9054048938  # murni not printed as a plain total; perubahan is
    assert 1301805900 not in [v for r in rows for v in r]
    assert any("Jumlah anggaran murni tidak dicetak: program 01, program 05" in str(r[0]) for r in rows)
