"""What a rekap keeps of one workbook: small, picklable figures (a worker process sends these
back, never the workbook), or the reason the file could not be read."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any


def missing(value) -> bool:
    """None, or the NaN pandas puts in an empty cell."""
    return value is None or (isinstance(value, float) and value != value)


@dataclass(frozen=True)
class Indicator:
    """A PK indicator: target and realisasi as typed (number, or text such as ``B (82,15)``);
    capaian recomputed by lkjip-xl with the workbook's own rules (None when it cannot be)."""

    kode: str | None
    name: str
    satuan: str | None
    arah: str | None
    target: Any
    realisasi: Any
    capaian: Decimal | None
    formula: str | None = None  # the formula the capaian is computed by: "R/T", or the unit's for turun ("T/R")
    capped: bool = False  # capped at 100 % (the unit's Identitas choice)

    @property
    def rule(self) -> tuple[str, bool] | None:
        """How the capaian is computed, to tell units apart that compute it otherwise."""
        return (self.formula, self.capped) if self.formula is not None else None


@dataclass(frozen=True)
class SkmFigures:
    nrr: dict[str, Decimal]  # canonical unsur code U1..U9 -> NRR
    totals: dict[str, tuple[int, int]]  # U1..U9 -> (Σ valid answers, number of valid answers); {} if unknown
    ikm: Decimal | None  # unrounded, with the unit's own weight
    ikm_rounded: Decimal | None
    mutu: str | None
    weight: str  # "exact" or "legacy_0111"
    respondents: int | None

    @property
    def poolable(self) -> bool:
        """Answer totals and counts known for all nine unsur (not only typed NRRs)."""
        return len(self.totals) == 9 and all(n > 0 for _, n in self.totals.values())


@dataclass(frozen=True)
class FindingRow:
    """A finding as ``Finding.to_dict`` gives it: the message rendered, values JSON-ready."""

    code: str
    severity: str
    sheet: str
    cell: str
    message: str
    expected: Any
    found: Any


@dataclass(frozen=True)
class UnitFigures:
    path: str
    unit: str | None
    kabupaten: str | None
    tahun: int | None
    indicators: tuple[Indicator, ...]
    skm: SkmFigures | None
    pagu: int | Decimal | None  # Σ programmes, pagu perubahan where filled else murni
    realisasi: int | Decimal | None
    counts: dict[str, int]  # error / warning / info
    findings: tuple[FindingRow, ...]


@dataclass(frozen=True)
class Unreadable:
    path: str
    reason: str  # one line, in the language asked for
    kind: str = "unreadable"  # or "skm_export" (for ``lkjip-xl skm``) or "skipped" (no spreadsheet): listed, not errors
