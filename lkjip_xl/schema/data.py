"""Markers for what a filled workbook's data (``{"forms": ..., "tables": ...}``, as the template
writer takes it) holds besides plain values: a constant typed over a formula, or a formula of
the user's own."""
from __future__ import annotations

from typing import Any


class TypedOverride:
    """A constant to write where the template has a formula (a user overwrote it)."""

    def __init__(self, value):
        self.value = value


class Formula(TypedOverride):
    """A formula of the user's own (e.g. ``=SUM(K7:K9)`` in a parent row); ``value`` is its cached result."""

    def __init__(self, formula: str, value=None):
        super().__init__(value)
        self.formula = formula


def plain(value: Any) -> Any:
    """The value a cell holds (a marker's value)."""
    return value.value if isinstance(value, TypedOverride) else value
