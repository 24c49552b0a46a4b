"""`lkjip-xl template`: the empty workbook, optionally with the unit, regency/city and year
filled in on the Identitas sheet."""
from __future__ import annotations

from pathlib import Path

from ..io.atomic import atomic_output, check_output_path, check_suffix
from ..template.writer import write_workbook


def run_template(output: Path, *, tahun: int | None = None, unit: str | None = None,
                 kabupaten_kota: str | None = None, lang: str = "id", overwrite: bool = False) -> Path:
    check_suffix(output, ".xlsx", "-o")
    check_output_path(output, overwrite=overwrite)
    given = {"tahun": tahun, "unit": unit, "kabupaten_kota": kabupaten_kota}
    identitas = {k: v for k, v in given.items() if v not in (None, "")}
    data = {"forms": {"identitas": identitas}} if identitas else None
    with atomic_output(output) as tmp:
        write_workbook(tmp, data, lang=lang)
    return output
