"""Last year's workbook (``--tahun-lalu``) must be last year's workbook of THIS unit: the same unit
and kabupaten/kota on Identitas (compared tolerantly: case, punctuation, "Kec." for "Kecamatan",
a small typo) and the year before this one. Otherwise STR008 (another unit) or STR009 (another
year), errors, and the workbook is not used for any comparison; STR010 (warning) when a name or
year is blank on either side, so that nothing can be verified."""
from __future__ import annotations

import difflib
import re
from typing import Any

from ..calc.decimals import number_or_none
from ..findings import Finding

SHEET = "Identitas"
_ABBREVIATIONS = {"kec": "kecamatan", "kab": "kabupaten", "kel": "kelurahan", "pemkot": "pemerintah kota",
                  "pemkab": "pemerintah kabupaten"}
_SAME_ENOUGH = 0.9  # difflib ratio: a letter dropped or swapped in a name of 15 letters


def normalise_name(text: Any) -> str:
    words = re.sub(r"[^0-9a-z]+", " ", str(text or "").lower()).split()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def same_name(a: Any, b: Any) -> bool:
    x, y = normalise_name(a), normalise_name(b)
    for prefix in ("kecamatan ", "kabupaten ", "kota "):  # "Medan Amplas" is "Kecamatan Medan Amplas"
        x, y = x.removeprefix(prefix), y.removeprefix(prefix)
    return x == y or difflib.SequenceMatcher(None, x, y).ratio() >= _SAME_ENOUGH


def prev_findings(model, prev) -> list[Finding]:
    """The findings that make ``prev`` unusable as last year's workbook (empty when it is fine)."""
    cur_id, prev_id = model.form("identitas"), prev.form("identitas")
    if cur_id is None or prev_id is None:
        return [Finding("STR010", SHEET, "A1", params={"what": "Identitas"})]
    out: list[Finding] = []
    for key in ("unit", "kabupaten_kota"):
        mine, theirs = cur_id.values.get(key), prev_id.values.get(key)
        if not normalise_name(mine) or not normalise_name(theirs):
            if key == "unit":
                out.append(Finding("STR010", SHEET, cur_id.cells[key], expected=mine, found=theirs,
                                   params={"what": key.replace("_", "/")}))
        elif not same_name(mine, theirs):
            out.append(Finding("STR008", SHEET, cur_id.cells[key], expected=mine, found=theirs,
                               params={"what": key.replace("_", "/")}))
    year, prev_year = number_or_none(cur_id.values.get("tahun")), number_or_none(prev_id.values.get("tahun"))
    if year is None or prev_year is None:
        out.append(Finding("STR010", SHEET, cur_id.cells["tahun"], expected=_year(year), found=_year(prev_year),
                           params={"what": "tahun"}))
    elif prev_year != year - 1:
        out.append(Finding("STR009", SHEET, cur_id.cells["tahun"], expected=str(int(year) - 1), found=str(prev_year)))
    return out


def _year(value) -> str | None:
    return None if value is None else str(value)
