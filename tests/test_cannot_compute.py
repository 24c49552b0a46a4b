"""What a check cannot compute is a finding, never a blank in silence: a turun indicator's
realisasi of 0 under T / R (KIN029), a target of 0 beside a realisasi (KIN006) on the Realisasi
sheet's outputs and on Indikator Program; and an unsur nobody answered said once (SKM008), not
once per respondent (SKM003). PK rows 5..8 (IKU3, turun, row 7: J realisasi); Realisasi rows
5..15 (01.01.02 row 8: F target keluaran); Indikator Program E target; SKM rows 9..48."""
from __future__ import annotations

from decimal import Decimal

D = Decimal


def _codes(findings):
    return [(f.code, f.sheet, f.cell) for f in findings]


def test_a_turun_realisasi_of_0_under_t_over_r_is_said_with_what_2t_minus_r_gives(check, data):
    data["forms"]["identitas"]["rumus_turun"] = "T/R"
    iku3 = data["tables"]["pk_indikator"][2]
    assert iku3["arah"] == "turun"
    iku3["realisasi"] = D(0)
    findings = check(data)
    assert _codes(findings) == [("KIN029", "PK", "J7")]
    assert findings[0].expected == (2 * iku3["target"] - 0) / iku3["target"] * 100
    assert findings[0].message("en").startswith("an actual of 0 for an indicator whose Arah is 'turun' (lower is "
                                                "better): the T/R formula chosen on Identitas cannot divide by 0")


def test_under_2t_minus_r_a_realisasi_of_0_is_computed(check, data):
    data["tables"]["pk_indikator"][2]["realisasi"] = D(0)
    assert not any(f.code == "KIN029" for f in check(data))


def test_an_output_target_of_0_beside_a_realisasi_is_said(check, data):
    row = next(r for r in data["tables"]["realisasi"] if r["kode"] == "01.01.02")
    row["target_keluaran"] = D(0)  # realisasi keluaran 4
    assert _codes(check(data)) == [("KIN006", "Realisasi", "F8")]


def test_an_output_of_0_planned_and_0_done_has_nothing_to_compute(check, data):
    row = next(r for r in data["tables"]["realisasi"] if r["kode"] == "01.01.02")
    row["target_keluaran"] = row["realisasi_keluaran"] = D(0)
    assert not any(f.code == "KIN006" for f in check(data))


def test_a_programme_indicator_target_of_0_is_said(check, data):
    data["tables"]["indikator_program"] = [
        {"kode": "01", "indikator": "Nilai SAKIP", "satuan": "Nilai", "target": D(0), "realisasi": D(70)}]
    assert _codes(check(data)) == [("KIN006", "Indikator Program", "E5")]


def test_an_unsur_nobody_answered_is_one_finding(check, data):
    for respondent in data["tables"]["skm_responden"]:
        respondent["u3"] = None
    findings = check(data)
    assert [f.code for f in findings] == ["SKM008"]


def test_one_respondent_s_blank_answer_is_still_said(check, data):
    data["tables"]["skm_responden"][0]["u3"] = None  # (the IKM and the sample size then move too)
    assert [f.code for f in check(data) if f.code.startswith("SKM00") and f.code != "SKM005"] == ["SKM003"]


def test_a_renstra_final_target_of_0_or_nil_is_said_for_the_progress(check, data):
    """Tingkat Kemajuan = realisasi / Target Akhir Renstra (PK row 5, N): 0 or `-` leaves it blank."""
    for typed in (D(0), "-"):
        data["tables"]["pk_indikator"][0]["target_renstra"] = typed
        (said,) = check(data)
        assert (said.code, said.cell) == ("KIN006", "N5")
        assert "tingkat kemajuan" in said.message("id")
