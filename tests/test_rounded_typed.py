"""A formula's result typed over it as printed (0,389 for U8's NRR tertimbang 0,38888…, a report
"frozen" by hand), where the sheet's Jumlah NRR tertimbang and IKM add it up: the sheet's IKM then
comes from the rounded figure. check said three stale results (FRM002 at the Jumlah and both IKM
cells, "saved without recalculation?") and called the typed value what the formula gives. Now one
error at the typed value, naming the IKM the sheet shows and the one it should; the stale results
are notes following from it; rapikan restores the formula. Expected figures from the answers, by
plain Decimal arithmetic (weight 1/9, IKM = Σ NRR/9 × 25, rounded half up to 2 places)."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal as D

from lkjip_xl.checks.engine import check_workbook
from lkjip_xl.commands.rapikan import run_rapikan
from test_libreoffice_edit import edit_in_libreoffice, pytestmark  # noqa: F401 (LibreOffice needed)

UNSUR = [f"u{i}" for i in range(1, 10)]


def _ikm(weighted: list[D]) -> D:
    return (sum(weighted) * 25).quantize(D("0.01"), ROUND_HALF_UP)


def test_a_rounded_weighted_nrr_typed_over_its_formula_is_one_error_at_it(tmp_path, write, data):
    answers = data["tables"]["skm_responden"]
    weighted = [D(sum(r[u] for r in answers)) / len(answers) / 9 for u in UNSUR]
    typed = weighted[7].quantize(D("0.001"), ROUND_HALF_UP)  # U8 (row 12) as printed with 3 places
    as_sheet = weighted[:7] + [typed] + weighted[8:]
    assert (_ikm(weighted), _ikm(as_sheet)) == (D("86.94"), D("86.95"))  # the rounding moves the IKM

    path = edit_in_libreoffice(write(data), [["type", "SKM Hasil", "G12", str(typed).replace(".", ",")]], tmp_path)
    findings = check_workbook(path).findings
    assert [(f.code, f.cell, f.severity) for f in findings if f.severity != "info"] == [("FRM001", "G12", "error")]
    assert sorted((f.code, f.cell, f.params.get("follows")) for f in findings if f.severity == "info") == [
        ("FRM002", c, "SKM Hasil!G12") for c in ("C16", "C17", "C18")]
    message = findings[0].message("id")
    assert "0,389 (dibulatkan dari hasil rumusnya 0,38889…)" in message
    assert f"SKM Hasil!C18 menampilkan {_ikm(as_sheet):.2f}, lkjip-xl menghitung {_ikm(weighted):.2f}".replace(
        ".", ",") in message

    outcome = run_rapikan(path, tmp_path / "rapi.xlsx")
    assert [(c.cell, c.why) for c in outcome.changes if c.code == "FRM001"] == [("G12", "formula_rounded")]
    assert check_workbook(tmp_path / "rapi.xlsx").findings == []


def test_a_rounded_value_no_formula_adds_up_stays_a_note(tmp_path, write, data):
    """The capaian typed as printed (105,83 %): no formula sums it, so it is the note it was."""
    path = edit_in_libreoffice(write(data), [["type", "PK", "K5", "105,83%"]], tmp_path)
    findings = check_workbook(path).findings
    assert [(f.code, f.cell, f.severity) for f in findings] == [("FRM001", "K5", "info")]
