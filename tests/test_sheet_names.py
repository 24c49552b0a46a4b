"""Sheets an office renamed are found under their template names (reader/sheet_names.py): the
cases of the module's rules, on the template's real sheet names."""
import pytest

from lkjip_xl.reader.sheet_names import renamed_sheets
from lkjip_xl.schema import SCHEMA

TEMPLATE = [s.name for s in SCHEMA.sheets]


def present(*renames: tuple[str, str], extra: tuple[str, ...] = ()) -> list[str]:
    """The template's sheets with some renamed ((template name, new name)) and some added."""
    new = dict(renames)
    return [new.get(name, name) for name in TEMPLATE] + list(extra)


@pytest.mark.parametrize("renames, expected", [
    ((("Realisasi", "REALISASI"),), {"Realisasi": "REALISASI"}),  # case
    ((("Rencana Aksi", "Rencana_Aksi"),), {"Rencana Aksi": "Rencana_Aksi"}),  # punctuation
    ((("Realisasi", "Realisasi 2024"), ("SKM", "skm")), {"Realisasi": "Realisasi 2024", "SKM": "skm"}),
    # SKM Hasil 2024 is SKM Hasil's, whichever is looked for first; SKM 2024 is SKM's
    ((("SKM", "SKM 2024"), ("SKM Hasil", "SKM Hasil 2024")), {"SKM": "SKM 2024", "SKM Hasil": "SKM Hasil 2024"}),
    ((("PK", "PK Tahun 2024"),), {"PK": "PK Tahun 2024"}),
    ((("Realisasi", "Anggaran"),), {}),  # another name altogether: not guessed
])
def test_a_renamed_sheet_is_found(renames, expected):
    assert renamed_sheets(present(*renames), TEMPLATE) == expected


def test_nothing_renamed_nothing_found():
    assert renamed_sheets(present(extra=("Catatan", "Realisasi (2)")), TEMPLATE) == {}


def test_a_copy_of_a_longer_template_sheet_is_not_taken_for_a_shorter_one():
    # SKM deleted, a copy of SKM Hasil left: SKM Hasil (2) is no SKM
    names = [n for n in present(extra=("SKM Hasil (2)",)) if n != "SKM"]
    assert renamed_sheets(names, TEMPLATE) == {}
    names = [n for n in present(extra=("PK Program 2024",)) if n != "PK"]
    assert renamed_sheets(names, TEMPLATE) == {}


def test_two_candidates_are_not_guessed_between():
    names = [n for n in present(extra=("PK 2023", "PK 2024")) if n != "PK"]
    assert renamed_sheets(names, TEMPLATE) == {}
    names = [n for n in present(extra=("realisasi", "REALISASI ")) if n != "Realisasi"]
    assert renamed_sheets(names, TEMPLATE) == {}
