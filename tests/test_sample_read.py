"""The bundled Medan Amplas 2023 sample reads back completely and equal to its readable source
(samples/src/medan_amplas/*.csv), each value at its cell."""
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from conftest import SAMPLE_2022, SAMPLE_2023
from helpers import dec, read_csv
from lkjip_xl.reader import read_workbook

SRC = Path(__file__).resolve().parent.parent / "samples" / "src" / "medan_amplas"


def _csv(name):
    return read_csv(SRC / name)


_n = dec


@pytest.fixture(scope="module")
def model():
    return read_workbook(SAMPLE_2023)[0]


def test_identitas(model):
    src = yaml.safe_load((SRC / "identitas.yaml").read_text(encoding="utf-8"))
    ident = model.form("identitas")
    assert ident.values["unit"] == src["unit"] == "Kecamatan Medan Amplas"
    assert ident.values["tahun"] == 2023
    assert ident.cells["unit"] == "B4"


def test_pk_indicators_targets_and_realisasi(model):
    rows = _csv("pk.csv")
    pk = model.table("pk_indikator")
    assert len(pk) == len(rows) == 3
    for i, src in enumerate(rows):
        assert pk.get("kode_indikator", i) == src["kode_indikator"]
        assert pk.get("indikator", i) == src["indikator"]
        assert pk.get("target", i) == _n(src["target"])
        assert pk.get("realisasi", i) == _n(src["realisasi"])
        assert pk.cell("target", i) == f"H{5 + i}"
    assert pk.get("target_predikat", 0) == "B"


def test_programme_budget_murni_and_perubahan(model):
    rows = _csv("pk_program.csv")
    prog = model.table("pk_program")
    assert [prog.get("kode", i) for i in range(len(prog))] == [r["kode"] for r in rows]
    assert [prog.get("pagu_murni", i) for i in range(len(prog))] == [int(r["pagu_murni"]) for r in rows]
    assert [prog.get("pagu_perubahan", i) for i in range(len(prog))] == [int(r["pagu_perubahan"]) for r in rows]


def test_the_whole_budget_annex(model):
    rows = _csv("realisasi_2023.csv")
    real = model.table("realisasi")
    assert len(real) == len(rows) == 46
    for i, src in enumerate(rows):
        assert real.get("kode", i) == (src["kode"] or None), i
        assert real.get("pagu_perubahan", i) == int(src["pagu"]), src["kode"]
        assert real.get("realisasi", i) == int(src["realisasi"]), src["kode"]
        assert real.cell("kode", i) == f"A{5 + i}"
    assert real.get("uraian", 45) == "TOTAL"


def test_outputs_where_the_narrative_gives_them(model):
    real = model.table("realisasi")
    by_name = {real.get("uraian", i): i for i in range(len(real))}
    i = by_name["Pengadaan Peralatan dan Mesin Lainnya"]
    assert (real.get("target_keluaran", i), real.get("realisasi_keluaran", i)) == (79, 93)
    assert real.get("persen_keluaran", i) == 117  # printed in the heading, typed over the formula
    j = by_name["Penyediaan Peralatan Rumah Tangga"]
    assert (real.get("target_keluaran", j), real.get("realisasi_keluaran", j)) == (8, 10)


def test_the_nine_nrr_values(model):
    block = model.table("skm_unsur")
    src = [r for r in _csv("skm_nrr.csv") if r["unsur"]]
    assert [block.get("nrr_tertulis", i) for i in range(9)] == [Decimal(r["nrr"]) for r in src]
    assert sum(block.get("nrr_tertulis", i) for i in range(9)) == Decimal("31.28")
    hasil = model.form("skm_hasil")
    assert hasil.values["ikm"] == Decimal("86.89") and hasil.values["mutu"] == "B"


def test_composite_components(model):
    komp = model.table("pk_komponen")
    assert [(komp.get("pembilang", i), komp.get("penyebut", i)) for i in range(len(komp))] == [(10, 11), (7, 7)]


def test_previous_year_sample_reads(model):
    prev = read_workbook(SAMPLE_2022)[0]
    assert prev.form("identitas").values["tahun"] == 2022
    assert len(prev.table("realisasi")) == len(_csv("realisasi_2022.csv"))
