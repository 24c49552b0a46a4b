"""Write a filled workbook: the template plus data, with every formula's cached result the value
the derivation layer computes (so readers that do not recalculate see the right numbers)."""
from __future__ import annotations

from pathlib import Path

from ..derive import derive_data
from ..schema import SCHEMA
from .writer import write_workbook


def cached_values(data: dict) -> dict:
    derived = derive_data(data)
    cached = {}
    for table in SCHEMA.tables:
        if not any(c.computed for c in table.columns):
            continue
        for i, row in enumerate(derived.rows(table.key)):
            for key, value in row.items():
                cached[(table.key, i, key)] = value
    for form in SCHEMA.forms:
        if any(f.computed for f in form.fields):
            for key, value in derived.fields(form.key).items():
                cached[(form.key, None, key)] = value
    return cached


def write_filled(path: Path, data: dict, *, lang: str = "id") -> None:
    write_workbook(path, data, lang=lang, cached=cached_values(data))
