"""Answer labels of PermenPAN-RB 14/2017: each unsur's four options read as 1..4, tolerant of case,
spacing, punctuation and an option code; a label that fits no option, or another unsur's, is
told apart. The label sets below are typed from the regulation's questionnaire, not imported."""
import pytest

from lkjip_xl.calc.skm import parse_answer
from lkjip_xl.calc.skm_labels import STANDARD, LabelSet, normalise_label

QUESTIONNAIRE = {  # unsur -> options a..d as printed in the regulation's questionnaire
    "U1": ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
    "U2": ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"],
    "U3": ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"],
    "U4": ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"],
    "U5": ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
    "U6": ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"],
    "U7": ["Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"],
    "U8": ["Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"],
    "U9": ["Buruk", "Cukup", "Baik", "Sangat Baik"],
}


@pytest.mark.parametrize("unsur", sorted(QUESTIONNAIRE))
def test_every_option_of_every_unsur_scores_its_position(unsur):
    for score, label in enumerate(QUESTIONNAIRE[unsur], start=1):
        assert parse_answer(label, unsur, STANDARD) == (score, None)
        assert parse_answer(label.upper() + ".", unsur, STANDARD) == (score, None)
        assert parse_answer(f"  {label.lower()}  ", unsur, STANDARD) == (score, None)
        letter = "abcd"[score - 1]
        for written in (f"{letter}. {label}", f"{letter.upper()}) {label}", f"({letter}) {label}",
                        f"{score} - {label}", f"{score}. {label}", f"{label} ({score})"):
            assert parse_answer(written, unsur, STANDARD) == (score, None), written


def test_spacing_punctuation_and_ampersand():
    assert parse_answer("Sopan  &  Ramah!", "U7", STANDARD) == (3, None)
    assert parse_answer("sangat-baik", "U9", STANDARD) == (4, None)
    assert parse_answer("Ada, tetapi tidak berfungsi", "U8", STANDARD) == (2, None)
    assert normalise_label(" Sangat   SESUAI. ") == "sangat sesuai"


def test_bare_codes_still_read_with_or_without_labels():
    for raw, score in (("a", 1), ("d.", 4), ("(b)", 2), ("3", 3), (4, 4), (2.0, 2)):
        assert parse_answer(raw, "U1", STANDARD) == (score, None)
    assert parse_answer("5", "U1", STANDARD) == (None, "five_point")
    assert parse_answer("e", "U1", STANDARD) == (None, "five_point")


def test_without_labels_a_label_is_text():
    """The workbook's SKM sheet takes 1–4 and a–d only in this step (its formulas count no label)."""
    assert parse_answer("Sangat sesuai") == (None, "text")
    assert parse_answer("Sangat sesuai", "U1") == (None, "text")


def test_unknown_other_scale_and_conflicting_code():
    assert parse_answer("Sangat puas", "U1", STANDARD) == (None, "unknown_label")
    assert parse_answer("Mudah", "U1", STANDARD) == (None, "other_scale")
    assert STANDARD.match("Mudah", "U1").others == ("U2",)
    assert STANDARD.match("Sesuai", "U3").others == ("U1", "U5")
    # sarana's "Baik" is not pengaduan's "Dikelola dengan baik", and "Cukup" is not "Cukup mahal"
    assert STANDARD.match("Baik", "U8").others == ("U9",)
    assert STANDARD.match("Cukup", "U4").others == ("U9",)
    m = STANDARD.match("a. Sangat sesuai", "U1")
    assert (m.problem, m.code, m.label_value) == ("option_conflict", 1, 4)
    assert STANDARD.match("d. Sangat puas", "U1").problem == "unknown_label"


def test_a_declared_set_replaces_its_unsur_only():
    own = STANDARD.declare({"U1": [(1, "Tidak puas"), (2, "Kurang puas"), (3, "Puas"), (4, "Sangat puas"),
                                   (4, "Puas sekali")]}, "label.csv")
    assert parse_answer("Puas sekali", "U1", own) == (4, None)
    assert parse_answer("Puas", "U1", own) == (3, None)
    assert parse_answer("Sesuai", "U1", own) == (None, "other_scale")  # U1's words were replaced (U5 keeps them)
    assert parse_answer("Sesuai", "U5", own) == (3, None)
    assert own.declared == frozenset({"U1"}) and own.source == "label.csv"
    assert own.options("U1") == ((1, ("Tidak puas",)), (2, ("Kurang puas",)), (3, ("Puas",)),
                                 (4, ("Sangat puas", "Puas sekali")))


def test_describe_lists_the_options_with_their_scores():
    assert STANDARD.describe("U4") == "Sangat mahal (1) / Cukup mahal (2) / Murah (3) / Gratis (4)"


def test_label_sets_are_data():
    built = LabelSet.build({"U1": [(1, "Satu"), (2, "Dua")]})
    assert built.options("U1") == ((1, ("Satu",)), (2, ("Dua",)), (3, ()), (4, ()))
    assert parse_answer("dua", "U1", built) == (2, None)
