"""One derivation layer: for every derived cell of the valid workbook and the three samples, the
value the annex prints, the value `check` recomputes, the cached value the template writer stored
and LibreOffice's own recalculation agree.

- check's value: the derived workbook of the checked file (`CheckContext.wb`);
- cached: the value read from the file, for every cell that still holds its formula;
- annex: every annex cell whose source is a derived cell prints that cell's derived value, at the
  annex's display precision; a parent whose typed amounts are not the sum of its children prints
  the sum instead, and then `check` reports BUD003 there with exactly that sum as expected;
- a second and a third engine: the file with every cached result removed, recalculated by
  LibreOffice and by Gnumeric (`ssconvert --recalc`), with no error value anywhere; the empty
  template too (skipped where the program is not installed).
"""
from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal

import openpyxl
import pytest

from conftest import ROOT
from lkjip_xl.annex.tables import build_annex
from lkjip_xl.calc.decimals import apply_rounding, decimal_places
from lkjip_xl.checks.compare import same_cached
from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.reader import read_workbook
from lkjip_xl.schema import SCHEMA
from lkjip_xl.schema.refs import a1
from lkjip_xl.template.fill import write_filled
from lkjip_xl.template.writer import write_workbook
from valid_workbook import valid_data

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
SSCONVERT = shutil.which("ssconvert")
SAMPLES = ["medan_amplas_2023", "medan_amplas_2022", "medang_kampai_2023"]


def ranged_data() -> dict:
    """The valid workbook with targets typed as ranges (domain §3.1): above, inside and below the
    range, naik and turun, with each separator the template's formula reads."""
    data = valid_data()
    pk, ra = data["tables"]["pk_indikator"], data["tables"]["ra_indikator"]
    for i, target in ((1, "80 - 90"), (2, "8 s.d. 12"), (3, "5–6")):  # R 95, 8 (turun), 4
        pk[i]["target"] = ra[i]["target_tahunan"] = target
    pk[0]["target"] = ra[0]["target_tahunan"] = "80,5 s/d 85 %"  # R 86,94: above
    # the quarters of each rule towards the range: akhir TW IV, rata-rata each, kumulatif bound by bound
    ra[0]["target_tw4"], ra[1]["target_tw4"] = "80,5 s/d 85 %", "80 - 90"
    for q in "1234":
        ra[2][f"target_tw{q}"] = "8 s.d. 12"
    ra[3]["target_tw4"] = "2-3"  # 1 + 1 + 1 + 2-3 = 5-6
    # programme indicators: naik, turun, and turun with a nil realisasi (2T − 0) / T
    data["tables"]["indikator_program"] = [
        {"kode": "01", "indikator": "Nilai SAKIP", "satuan": "Nilai", "target": 70, "realisasi": 72},
        {"kode": "02", "indikator": "Gangguan berulang", "satuan": "%", "arah": "turun", "target": 10, "realisasi": 8},
        {"kode": "03", "indikator": "Konflik sosial", "satuan": "Kasus", "arah": "turun", "target": 2, "realisasi": "-"},
    ]
    return data


RANGED_ROWS = (0, 1, 2, 3)


@pytest.fixture(scope="module", params=["valid", "ranged"] + SAMPLES)
def workbook(request, tmp_path_factory):
    if request.param in ("valid", "ranged"):
        path = tmp_path_factory.mktemp(request.param) / f"{request.param}.xlsx"
        write_filled(path, valid_data() if request.param == "valid" else ranged_data())
        return path
    return ROOT / "samples" / f"{request.param}.xlsx"


def recalculate_with_gnumeric(src, outdir):
    out = outdir / "gnumeric.xlsx"
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run([SSCONVERT, "--recalc", str(src), str(out)], check=True, capture_output=True, timeout=300)
    return out


def recalculate_with_libreoffice(src, outdir):
    from test_libreoffice import convert

    return convert(src, "xlsx", outdir)


ENGINES = [
    pytest.param(recalculate_with_libreoffice, id="libreoffice",
                 marks=pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")),
    pytest.param(recalculate_with_gnumeric, id="gnumeric",
                 marks=pytest.mark.skipif(SSCONVERT is None, reason="Gnumeric (ssconvert) not installed")),
]


def derived_cells(ctx):
    """(sheet, A1, derived value, holds its formula, value in the file) of every computed cell."""
    for table in SCHEMA.tables:
        data = ctx.model.table(table.key)
        if data is None:
            continue
        derived = ctx.wb.rows(table.key)
        for col in table.columns:
            if col.computed and col.key in data.values:
                for i in range(len(data)):
                    yield (data.sheet, data.cell(col.key, i), derived[i][col.key], data.has_formula[col.key][i],
                           data.values[col.key][i])
    for form in SCHEMA.forms:
        data = ctx.model.form(form.key)
        derived = ctx.wb.fields(form.key)
        for key, value in derived.items():
            if data is not None and key in data.cells:
                yield form.sheet, data.cells[key], value, data.has_formula.get(key, False), data.values.get(key)


def test_cached_results_are_the_derived_values(workbook):
    ctx = check_workbook(workbook).context
    cells = [c for c in derived_cells(ctx) if c[3]]
    assert len(cells) > 20
    assert [c[:2] + (c[2], c[4]) for c in cells if not same_cached(c[2], c[4])] == []


def _shown(derived, printed):
    """The derived value at the annex's display precision (the workbook's rounding rule)."""
    if isinstance(derived, str) or derived is None or isinstance(printed, str):
        return derived
    return apply_rounding(Decimal(derived), decimal_places(Decimal(printed)), "half_up")


def test_the_annex_prints_the_derived_values(workbook):
    result = check_workbook(workbook)
    ctx = result.context
    derived = {(sheet, cell): value for sheet, cell, value, _, _ in derived_cells(ctx)}
    budget = ctx.wb.budget
    table = ctx.model.table("realisasi")
    # lines whose printed amounts are the sum of their children, not what the row holds
    resummed = {line.index for line in budget.lines if line.rolled and (
        line.shown_pagu != line.pagu or line.shown_realisasi != line.amounts.get("realisasi"))}
    resummed_cells = {("Realisasi", table.cell(k, i)) for i in resummed for k in ("persen_realisasi", "sisa")}
    compared = 0
    for t in build_annex(ctx):
        for row in t.rows:
            for cell in row.cells:
                if cell is None or cell.src is None or cell.value is None or (cell.src[1], cell.src[2]) not in derived:
                    continue
                key = (cell.src[1], cell.src[2])
                if key in resummed_cells:
                    continue
                want = derived[key]
                assert _shown(want, cell.value) == cell.value, (t.key, key, want, cell.value)
                compared += 1
    assert compared > 10
    # a resummed parent: check reports BUD003 in its subtree; where its children print what they
    # hold, at the parent itself with exactly the sum the annex prints as expected
    bud003 = {f.cell: f.expected for f in result.findings if f.code == "BUD003"}
    lines = {line.index: line for line in budget.lines}
    for i in resummed:
        line = lines[i]
        assert any(table.cell(k, x.index) in bud003 for x in _subtree(line) for k in ("pagu_perubahan", "pagu_murni",
                                                                                      "realisasi")), line.code
        if all(c.shown_pagu == c.pagu and c.shown_realisasi == c.amounts.get("realisasi") for c in line.children):
            if line.shown_realisasi != line.amounts.get("realisasi"):
                assert bud003[table.cell("realisasi", i)] == line.shown_realisasi
            if line.shown_pagu != line.pagu:
                assert bud003[table.cell(line.pagu_key, i)] == line.shown_pagu


def _subtree(line):
    yield line
    for child in line.children:
        yield from _subtree(child)


def _recalculated(workbook, tmp_path, engine):
    """The workbook with every cached result dropped, recalculated by ``engine`` and read back;
    and every error value the engine left anywhere (sheet, cell, value)."""
    stripped = tmp_path / "stripped.xlsx"
    openpyxl.load_workbook(workbook).save(stripped)  # openpyxl drops every cached result
    theirs, _ = read_workbook(engine(stripped, tmp_path / "engine"))
    errors = [(sheet, a1(*rc), v) for sheet, scan in theirs.scans.items() for rc, v in scan.errors.items()]
    return theirs, errors


@pytest.mark.parametrize("engine", ENGINES)
def test_another_engine_recalculates_the_derived_values(workbook, tmp_path, engine):
    theirs, errors = _recalculated(workbook, tmp_path, engine)
    assert errors == []
    ctx = check_workbook(workbook).context
    recalculated = {}
    for table in theirs.tables.values():
        for key, values in table.values.items():
            for i, value in enumerate(values):
                recalculated[(table.sheet, table.cell(key, i))] = value
    for form in theirs.forms.values():
        for key, cell in form.cells.items():
            recalculated[(form.sheet, cell)] = form.values.get(key)
    # Gnumeric has no NUMBERVALUE: a range target's capaian (and its kriteria) stays blank there
    pk = ctx.model.table("pk_indikator")
    unread = {("PK", pk.cell(k, i)) for i in RANGED_ROWS for k in ("capaian", "kriteria")} \
        if workbook.stem == "ranged" and engine is recalculate_with_gnumeric else set()
    compared = 0
    for sheet, cell, value, has_formula, _ in derived_cells(ctx):
        if (sheet, cell) in unread:
            assert value is not None and recalculated.get((sheet, cell)) is None
        elif has_formula:
            other = recalculated.get((sheet, cell))
            assert same_cached(value, other) or (value is not None and other is not None
                                                 and abs(Decimal(value) - Decimal(other)) < Decimal("1e-6")), \
                (sheet, cell, value, other)
            compared += 1
    assert compared > 20


@pytest.mark.parametrize("engine", ENGINES)
def test_the_empty_template_recalculates_without_an_error_value(tmp_path, engine):
    template = tmp_path / "template.xlsx"
    write_workbook(template)
    theirs, errors = _recalculated(template, tmp_path, engine)
    assert errors == []
    assert all(v is None for v in theirs.form("skm_hasil").values.values())  # no answers, no IKM


@pytest.mark.parametrize("engine", ENGINES)
def test_every_engine_counts_the_same_skm_answers(tmp_path, engine):
    """Answers typed oddly count, or not, alike in the sheet's score formula and in lkjip-xl:
    letters in any case, a number typed as text and spaces count; 2,5, 5, "3.0" and other text do
    not. (Not TRUE: LibreOffice has no boolean of its own, a TRUE in a number cell is 1 there.)"""
    data = valid_data()
    resp = data["tables"]["skm_responden"]
    odd = {(0, "u1"): "b", (1, "u1"): "D", (2, "u1"): " a ", (3, "u1"): "3", (4, "u1"): "3.0",
           (0, "u2"): 2.5, (1, "u2"): 5, (2, "u2"): "nilai 4", (3, "u2"): "baik", (4, "u2"): "  4"}
    for (i, key), value in odd.items():
        resp[i][key] = value
    path = tmp_path / "odd.xlsx"
    write_filled(path, data)
    theirs, errors = _recalculated(path, tmp_path, engine)
    assert errors == []
    ctx = check_workbook(path).context
    mine = ctx.wb.rows("skm_responden")
    table = theirs.table("skm_responden")
    for (i, key), value in odd.items():
        assert table.get(f"skor_{key}", i) == mine[i][f"skor_{key}"], (key, value)
    assert [mine[i]["skor_u1"] for i in range(5)] == [2, 4, 1, 3, None]
    assert [mine[i]["skor_u2"] for i in range(5)] == [None, None, None, None, 4]
    unsur = theirs.table("skm_unsur")
    for i, row in enumerate(ctx.wb.rows("skm_unsur")):
        assert abs(Decimal(unsur.get("nrr", i)) - row["nrr"]) < Decimal("1e-9"), i
    assert theirs.form("skm_hasil").values["ikm"] == ctx.wb.fields("skm_hasil")["ikm"]


@pytest.mark.parametrize("engine", ENGINES)
def test_nil_markers_in_amounts_are_zero_and_other_text_is_no_number(tmp_path, engine):
    """`-`, `–`, `—` typed in an amount are 0 in the formulas, as lkjip-xl reads them; other text
    gives #N/A (sisa) or a blank (%), never a number the spreadsheet read out of text itself."""
    data = valid_data()
    rows = data["tables"]["realisasi"]
    nil = {2: ("realisasi", "-"), 3: ("pagu_perubahan", "\u2013"), 6: ("realisasi", "\u2014")}
    for i, (key, marker) in nil.items():
        rows[i][key] = marker
    rows[9]["realisasi"] = "12.000"  # text: 12 or 12000 depending on the program's locale
    path = tmp_path / "nil.xlsx"
    write_filled(path, data)
    stripped = tmp_path / "stripped.xlsx"
    openpyxl.load_workbook(path).save(stripped)
    theirs, _ = read_workbook(engine(stripped, tmp_path / "engine"))
    mine = check_workbook(path).context.wb.rows("realisasi")
    table = theirs.table("realisasi")
    for i in nil:
        assert table.get("sisa", i) == mine[i]["sisa"], i
        theirs_pct, mine_pct = table.get("persen_realisasi", i), mine[i]["persen_realisasi"]
        assert (theirs_pct, mine_pct) == (None, None) or abs(Decimal(theirs_pct) - mine_pct) < Decimal("1e-9"), i
    assert mine[2]["sisa"] == 850_000_000 and mine[6]["sisa"] == 400_000_000  # nothing spent
    assert mine[3]["sisa"] == -180_000_000  # a nil perubahan is a pagu of 0 (the murni is not used)
    assert mine[3]["persen_realisasi"] is None  # 180 jt of 0
    scan = theirs.scans[table.sheet]
    sisa, persen = (table.cols[k] for k in ("sisa", "persen_realisasi"))
    assert scan.errors.get((table.rows[9], sisa)) == "#N/A"
    assert table.get("persen_realisasi", 9) is None


def _label_answers(data) -> dict[tuple[int, int], int]:
    """Every answer of the valid workbook replaced by its unsur's label (PermenPAN-RB 14/2017) of a
    score that varies by respondent and unsur, typed as staff type or paste it: as listed, in
    capitals, lower case with extra spaces, or the number; one label fits no option. Returns the
    score each counted answer means, as the test reads the labels by hand."""
    from lkjip_xl.calc.skm_labels import STANDARD_LABELS

    resp = data["tables"]["skm_responden"]
    scores = {}
    for i, row in enumerate(resp):
        for k in range(1, 10):
            score = 1 + (i * k + k // 2) % 4
            label = STANDARD_LABELS[f"U{k}"][score - 1]
            style = (i + k) % 4
            row[f"u{k}"] = (label, label.upper(), f"  {label.lower().replace(' ', '  ')} ", score)[style]
            scores[(i, k)] = score
    resp[0]["u1"] = "Luar biasa"  # no option of persyaratan: counted by neither (SKM019)
    resp[1]["u2"] = "Persyaratan"  # an unsur name, in the lookup table too: still no answer
    resp[2]["u3"] = "U3 Sangat cepat"  # ... nor a label written with its unsur's code
    for key in ((0, 1), (1, 2), (2, 3)):
        del scores[key]
    data["forms"]["skm_info"]["populasi"] = 40  # 39 valid answers stay above the minimum sample
    return scores


@pytest.mark.parametrize("engine", ENGINES)
def test_every_engine_counts_label_answers_as_lkjip_xl(tmp_path, engine):
    """Issue 16: a workbook whose SKM answers are labels, recalculated by another engine, gives the
    NRR and IKM that `lkjip-xl check` and `lkjip-xl skm` give, and both are the values computed here
    by hand from the labels."""
    import json
    from decimal import ROUND_HALF_UP

    from typer.testing import CliRunner

    from lkjip_xl.cli import app

    data = valid_data()
    scores = _label_answers(data)
    nrr = {}
    for k in range(1, 10):
        mine = [s for (i, kk), s in scores.items() if kk == k]
        nrr[f"U{k}"] = Decimal(sum(mine)) / Decimal(len(mine))
    ikm = sum(nrr.values()) * 25 / 9
    ikm_rounded = ikm.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert len(set(nrr.values())) > 3  # the unsur differ: a column read as another would show

    path = tmp_path / "labels.xlsx"
    write_filled(path, data)
    result = check_workbook(path)
    ctx = result.context
    assert [(f.code, f.cell) for f in result.findings if f.code.startswith("SKM")] == [
        ("SKM019", "H9"), ("SKM019", "I10"), ("SKM019", "J11")]
    for i, row in enumerate(ctx.wb.rows("skm_unsur")):
        assert row["nrr"] == nrr[f"U{i + 1}"], i
    assert abs(ctx.wb.skm.ikm.unrounded - ikm) < Decimal("1e-20") and ctx.wb.fields("skm_hasil")["ikm"] == ikm_rounded

    doc = json.loads(CliRunner().invoke(app, ["skm", str(path), "--format", "json"]).stdout)
    assert doc["ikm"] == float(ikm_rounded)
    assert doc["nrr"] == {code: pytest.approx(float(v)) for code, v in nrr.items()}

    theirs, errors = _recalculated(path, tmp_path, engine)
    assert errors == []
    mine = ctx.wb.rows("skm_responden")
    table = theirs.table("skm_responden")
    for (i, k), score in scores.items():
        assert table.get(f"skor_u{k}", i) == mine[i][f"skor_u{k}"] == score, (i, k)
    for i, k in ((0, 1), (1, 2), (2, 3)):
        assert table.get(f"skor_u{k}", i) is None and mine[i][f"skor_u{k}"] is None, (i, k)
    unsur = theirs.table("skm_unsur")
    for i in range(9):
        assert abs(Decimal(unsur.get("nrr", i)) - nrr[f"U{i + 1}"]) < Decimal("1e-9"), i
    assert theirs.form("skm_hasil").values["ikm"] == ikm_rounded


@pytest.mark.parametrize("engine", ENGINES)
def test_nil_markers_in_indicator_values_are_zero_in_every_formula(tmp_path, engine):
    """`-` typed as a PK realisasi or an output's realisasi is 0 in the capaian, the tingkat kemajuan
    and the capaian keluaran formulas, as lkjip-xl reads it (it had given a blank capaian and a
    #VALUE! ratio, which check then called results saved without calculation); `-` as a target is a
    target of 0: no capaian. Other text stays no number."""
    data = valid_data()
    pk, real = data["tables"]["pk_indikator"], data["tables"]["realisasi"]
    pk[0]["realisasi"] = "-"  # IKU1: capaian 0 %, kemajuan 0 % (target akhir Renstra 88)
    pk[2]["realisasi"] = "\u2013"  # IKU3, turun: (2 × 10 − 0) / 10 = 200 %
    pk[3]["target"] = "-"  # IKU4: target 0, no capaian
    real[2]["realisasi_keluaran"] = "\u2014"  # 01.01.01: 0 of 12
    real[3]["target_keluaran"] = "-"  # 01.01.02: 4 of 0, no ratio
    path = tmp_path / "nil.xlsx"
    write_filled(path, data)
    stripped = tmp_path / "stripped.xlsx"
    openpyxl.load_workbook(path).save(stripped)
    theirs, errors = read_workbook(engine(stripped, tmp_path / "engine"))
    ctx = check_workbook(path).context
    mine_pk, mine_real = ctx.wb.rows("pk_indikator"), ctx.wb.rows("realisasi")
    by_hand = {(0, "capaian"): 0, (0, "kemajuan"): 0, (2, "capaian"): 200, (3, "capaian"): None}
    for (i, key), value in by_hand.items():
        assert mine_pk[i][key] == value and theirs.table("pk_indikator").get(key, i) == value, (i, key)
    assert mine_real[2]["persen_keluaran"] == 0 == theirs.table("realisasi").get("persen_keluaran", 2)
    assert mine_real[3]["persen_keluaran"] is None is theirs.table("realisasi").get("persen_keluaran", 3)
    assert not [e for e in errors if e[0] in ("PK", "Realisasi")]
