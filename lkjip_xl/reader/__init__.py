"""Reading a filled workbook back into a typed model (values keep their sheet and cell)."""
from .read import read_workbook

__all__ = ["read_workbook"]
