"""Derived values of the SAKIP evaluation (sheet SAKIP): the sum of the four components, which
must be the score, and the grade of the score (PermenPAN-RB 88/2021: AA > 90–100 … D 0–30)."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..calc.budget import add_complete
from ..calc.decimals import number_or_none
from ..calc.scales import grade

COMPONENTS = ("perencanaan", "pengukuran", "pelaporan", "evaluasi")
WEIGHTS = {"perencanaan": 30, "pengukuran": 30, "pelaporan": 15, "evaluasi": 25}
SCALE = "sakip88"


def sakip_row(row: dict[str, Any]) -> dict[str, Any]:
    """``jumlah``: Σ components (None unless all four are there); ``predikat``: the grade letter
    of the score; ``predikat_label``: its meaning (Baik, Sangat Baik, ...)."""
    parts = [number_or_none(row.get(k)) for k in COMPONENTS]
    total = add_complete(parts)
    nilai = number_or_none(row.get("nilai"))
    band = grade(SCALE, nilai) if nilai is not None else None
    return {"jumlah": Decimal(total) if total is not None else None,
            "predikat": band.code if band else None, "predikat_label": band.label if band else None}
