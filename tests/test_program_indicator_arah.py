"""Indikator Program's Arah: a programme indicator where lower is better (turun) has its capaian
computed as the PK's are, (2T − R) / T or T / R as Identitas chooses; it was R / T whatever the
indicator, a wrong capaian in silence. A workbook made with the template before (no Arah column,
the capaian formula R / T) is read as before, with no finding. Indikator Program rows 5, 6; the
columns: A Kode, B Indikator, C Satuan, D Arah, E Target, F Realisasi, G Capaian."""
from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.commands.rapikan import run_rapikan
from test_libreoffice import SOFFICE, convert
from test_libreoffice_edit import edit_in_libreoffice, pytestmark as needs_libreoffice  # noqa: F401

D = Decimal


def _programme_indicators(data, **second):
    data["tables"]["indikator_program"] = [
        {"kode": "01", "indikator": "Nilai SAKIP", "satuan": "Nilai", "target": D(70), "realisasi": D(72)},
        {"kode": "02.01", "indikator": "Persentase gangguan trantibum berulang", "satuan": "%", "arah": "turun",
         "target": D(10), "realisasi": D(8), **second},
    ]
    return data


def _capaian(path):
    ctx = check_workbook(path).context
    return [row["capaian"] for row in ctx.wb.rows("indikator_program")]


def test_a_turun_programme_indicator_is_computed_as_the_pk_computes_it(write, data):
    path = write(_programme_indicators(data))
    # naik 72 / 70 × 100; turun (2 × 10 − 8) / 10 × 100, the workbook's default formula
    assert _capaian(path) == [D(72) / D(70) * 100, (2 * D(10) - D(8)) / D(10) * 100]
    assert check_workbook(path).findings == []


def test_the_t_over_r_formula_of_identitas_is_followed(write, data):
    data["forms"]["identitas"]["rumus_turun"] = "T/R"
    path = write(_programme_indicators(data))
    assert _capaian(path)[1] == D(10) / D(8) * 100


@needs_libreoffice
def test_a_capaian_typed_as_r_over_t_for_a_turun_indicator_is_wrong(tmp_path, write, data):
    """The printed 80 % (8 / 10) typed over the formula in LibreOffice: it should be 120."""
    typed = edit_in_libreoffice(write(_programme_indicators(data)), [["type", "Indikator Program", "G6", "80%"]],
                                tmp_path)
    (wrong,) = [f for f in check_workbook(typed).findings if f.severity == "error"]
    assert (wrong.code, wrong.sheet, wrong.cell) == ("KIN001", "Indikator Program", "G6")
    assert wrong.expected == (2 * D(10) - D(8)) / D(10) * 100


OLD_CAPAIAN = ('=IF(OR(E{r}="",D{r}=""),"",IF(IF(ISNUMBER(D{r}),D{r},IF(OR(D{r}="-",D{r}="–",D{r}="—"),0,NA()))=0,"",'
               'IF(ISNUMBER(E{r}),E{r},IF(OR(E{r}="-",E{r}="–",E{r}="—"),0,NA()))/IF(ISNUMBER(D{r}),D{r},'
               'IF(OR(D{r}="-",D{r}="–",D{r}="—"),0,NA()))))')


@pytest.fixture
def older(tmp_path, write, data):
    """A workbook of the template before: no Arah column, capaian = R / T (its formula, as that
    template wrote it), and a row added below without its formula; recalculated by LibreOffice."""
    wb = openpyxl.load_workbook(write(_programme_indicators(data, arah=None)))
    ws = wb["Indikator Program"]
    ws.delete_cols(4)
    for r in range(5, ws.max_row + 1):  # the template's rows, each with its formula, but the one added
        ws[f"F{r}"] = OLD_CAPAIAN.format(r=r) if r != 7 else None
    ws["A7"], ws["B7"], ws["C7"], ws["D7"], ws["E7"] = "03", "Kelurahan berdaya", "Kelurahan", 10, 9
    path = tmp_path / "older.xlsx"
    wb.save(path)
    return convert(path, "xlsx", tmp_path / "lo")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
def test_a_workbook_of_the_template_before_has_no_arah_and_no_finding(older):
    """Read as before: naik, silently (but the row without its formula)."""
    result = check_workbook(older)
    assert [(f.code, f.cell) for f in result.findings if f.sheet == "Indikator Program"] == [
        ("PRN001", "A7"), ("FRM004", "F7")]
    assert _capaian(older) == [D(72) / D(70) * 100, D(8) / D(10) * 100, D(9) / D(10) * 100]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
def test_rapikan_restores_the_formula_of_the_template_the_workbook_has(older, tmp_path):
    """The row's formula is the earlier template's, which reads no Arah column (the current one
    would read the Target column, D, as the arah)."""
    out = tmp_path / "rapi.xlsx"
    run_rapikan(older, out)
    assert openpyxl.load_workbook(out)["Indikator Program"]["F7"].value == OLD_CAPAIAN.format(r=7)
    assert check_workbook(out).findings == []
