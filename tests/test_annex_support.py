"""Shared helpers of the annex tests: build the annex once per session, read a sheet's table back
with openpyxl, and compute expectations from the sample's readable sources
(samples/src/medan_amplas/*.csv) with plain Decimal arithmetic, never with lkjip-xl's code."""
from __future__ import annotations

import csv
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from lkjip_xl.cli import app

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "samples" / "src" / "medan_amplas"
SAMPLE_2023 = ROOT / "samples" / "medan_amplas_2023.xlsx"
SAMPLE_2022 = ROOT / "samples" / "medan_amplas_2022.xlsx"
runner = CliRunner()


def ensure_samples() -> None:
    if not (SAMPLE_2023.exists() and SAMPLE_2022.exists()):
        subprocess.run([sys.executable, str(ROOT / "samples" / "build_samples.py")], check=True)


def run_annex(*args: str):
    return runner.invoke(app, ["annex", *map(str, args)])


# --------------------------------------------------------------------------- expectations

def source(name: str) -> list[dict]:
    with open(SRC / name, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def D(text) -> Decimal | None:
    return None if text in (None, "") else Decimal(str(text))


def pct(num, den) -> Decimal:
    """num / den × 100, half-up to 2 decimals (the workbook's default rounding)."""
    return (Decimal(num) * 100 / Decimal(den)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def budget_rows(year: int) -> list[dict]:
    """The sample's budget rows (TOTAL row dropped) with parents recomputed as the sum of the rows
    printed under them: a sub kegiatan belongs to the kegiatan above it in the sheet, a kegiatan
    to the program above it (that is how the report prints them, codes notwithstanding)."""
    rows = []
    program = kegiatan = None
    for r in source(f"realisasi_{year}.csv"):
        if not r["kode"]:
            continue
        level = r["kode"].count(".")
        row = {"kode": r["kode"], "uraian": r["uraian"], "level": level, "typed_pagu": int(r["pagu"]),
               "typed_realisasi": int(r["realisasi"]), "children": []}
        if level == 0:
            program = row
        elif level == 1:
            kegiatan = row
            program["children"].append(row)
        else:
            kegiatan["children"].append(row)
        rows.append(row)

    def amounts(row):
        if not row["children"]:
            return row["typed_pagu"], row["typed_realisasi"]
        sums = [amounts(c) for c in row["children"]]
        return sum(p for p, _ in sums), sum(r for _, r in sums)

    for row in rows:
        row["pagu"], row["realisasi"] = amounts(row)
        row["persen"] = pct(row["realisasi"], row["pagu"])
        row["sisa"] = row["pagu"] - row["realisasi"]
    return rows


def budget_total(year: int) -> tuple[int, int, Decimal, int]:
    programs = [r for r in budget_rows(year) if r["level"] == 0]
    p = sum(r["pagu"] for r in programs)
    q = sum(r["realisasi"] for r in programs)
    return p, q, pct(q, p), p - q


# --------------------------------------------------------------------------- reading the output

class SheetTable:
    """One annex table as written: found by its numbering row "(1)"."""

    def __init__(self, ws, occurrence: int = 0):
        self.ws = ws
        starts = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "(1)"]
        self.numbering_row = starts[occurrence]
        self.ncols = 0
        while ws.cell(self.numbering_row, self.ncols + 1).value not in (None, ""):
            self.ncols += 1
        self.title = ws.cell(1, 1).value
        first = last = self.numbering_row + 1
        while last <= ws.max_row and not str(ws.cell(last, 1).value or "").startswith("* ") and any(
                ws.cell(last, c).value not in (None, "") for c in range(1, self.ncols + 1)):
            last += 1
        self.first_body, self.last_body = first, last - 1
        self.footnotes = []
        while last <= ws.max_row and str(ws.cell(last, 1).value or "").startswith("* "):
            self.footnotes.append(ws.cell(last, 1).value[2:])
            last += 1

    @property
    def header(self) -> list[list]:
        """The header rows: from the blank row under the title down to the numbering row."""
        rows = []
        r = self.numbering_row - 1
        while r >= 1:
            values = [self.ws.cell(r, c).value for c in range(1, self.ncols + 1)]
            if all(v is None for v in values):
                break
            rows.insert(0, values)
            r -= 1
        return rows

    def rows(self) -> list[list]:
        return [[self.ws.cell(r, c).value for c in range(1, self.ncols + 1)]
                for r in range(self.first_body, self.last_body + 1)]

    def cells(self, row_index: int) -> list:
        r = self.first_body + row_index
        return [self.ws.cell(r, c) for c in range(1, self.ncols + 1)]

    def merged(self) -> set[str]:
        return {str(m) for m in self.ws.merged_cells.ranges}


def load(path: Path):
    return openpyxl.load_workbook(path)


def num(value) -> Decimal | None:
    """A written number as Decimal (floats as written by xlsxwriter: repr is exact enough); "-"
    (the report's convention for zero, written as text where the value is missing) is 0."""
    if value is None:
        return None
    if value == "-":
        return Decimal(0)
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def money(value) -> int | None:
    return None if value is None else 0 if value == "-" else int(value)


# number formats with the report's default convention: zero printed "-"
MONEY = '#,##0;-#,##0;"-"'
PERCENT = '0.00;-0.00;"-"'


# --------------------------------------------------------------------------- session outputs

@pytest.fixture(scope="session")
def annex_outputs(tmp_path_factory):
    """The sample's annex, one year and two years side by side, xlsx and docx (written once)."""
    ensure_samples()
    out = tmp_path_factory.mktemp("annex")
    one = out / "lampiran_2023.xlsx"
    two = out / "lampiran_2022_2023.xlsx"
    docx = out / "lampiran_2022_2023.docx"
    r1 = run_annex(SAMPLE_2023, "-o", one, "--force")
    assert r1.exit_code == 0, r1.output
    r2 = run_annex(SAMPLE_2023, "-o", two, "--docx", docx, "--tahun-lalu", SAMPLE_2022, "--force")
    assert r2.exit_code == 0, r2.output
    return {"one": one, "two": two, "docx": docx, "dir": out}
