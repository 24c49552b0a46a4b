"""One row of a table as its derivations see it.

``RowValues.get(key)`` gives an input column's value as the workbook holds it (a number typed
as text already read as its number), and a computed column's value as the workbook's other
formulas would see it: the constant typed over the formula when there is one, else the column's
own derivation. ``RowValues.derived(key)`` is always the derivation: what the cell's formula gives
from the row as it is, which ``check`` compares with what the cell holds and the writer caches.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..calc.decimals import number_or_none
from ..calc.numbers_id import SPECIAL_DASH, parse_number
from ..schema.types import Derivation


def nil_or_number(value: Any) -> Decimal | None:
    """``number_or_none``, and 0 for a nil marker (-) given as text, as the reader reads it."""
    d = number_or_none(value)
    if d is None and type(value) is str and parse_number(value).special == SPECIAL_DASH:
        return Decimal(0)
    return d


class RowValues:
    __slots__ = ("derivations", "values", "typed", "env", "index", "_derived")

    def __init__(self, derivations: dict[str, Derivation], values: dict[str, Any], typed: frozenset,
                 env, index: int) -> None:
        self.derivations = derivations
        self.values = values
        self.typed = typed  # computed keys holding a constant typed over their formula
        self.env = env
        self.index = index
        self._derived: dict[str, Any] = {}

    def derived(self, key: str) -> Any:
        if key not in self._derived:
            self._derived[key] = self.derivations[key].python(self, self.env)
        return self._derived[key]

    def get(self, key: str) -> Any:
        if key in self.derivations and key not in self.typed:
            return self.derived(key)
        return self.values.get(key)

    def num(self, key: str):
        """The value as a Decimal; None when blank, text or not a number; 0 for a nil marker (-)
        given as text (data handed to the template's filler: the reader has read it as 0 already)."""
        return nil_or_number(self.get(key))

    def all_derived(self) -> dict[str, Any]:
        return {key: self.derived(key) for key in self.derivations}


def derivations_of(spec) -> dict[str, Derivation]:
    """Computed column (or field) key -> its derivation, for a schema Table or Form."""
    items = spec.columns if hasattr(spec, "columns") else spec.fields
    return {c.key: c.derive for c in items if c.derive is not None}


class OneValue:
    """The row a derivation of one column alone (``Derivation.by_value``) sees: that column's value;
    asking for another column is an error in the derivation's declaration."""

    __slots__ = ("key", "value")

    def __init__(self, key: str, value: Any) -> None:
        self.key, self.value = key, value

    def get(self, key: str, default: Any = None) -> Any:
        if key != self.key:
            raise LookupError(f"a derivation by the value of {self.key!r} read {key!r}")
        return self.value if self.value is not None else default

    def num(self, key: str):
        return nil_or_number(self.get(key))
