"""The derivation layer: every value lkjip-xl computes from a workbook, in one object
(``DerivedWorkbook``), built once per workbook and read by the template writer, every check and
the annex. The formulas and their Python twins are declared in ``schema/derivations.py``."""
from .budget import BudgetLine, BudgetTree, Sum
from .env import DeriveEnv
from .workbook import DerivedWorkbook, derive_data, derive_model

__all__ = ["BudgetLine", "BudgetTree", "DeriveEnv", "DerivedWorkbook", "Sum", "derive_data", "derive_model"]
