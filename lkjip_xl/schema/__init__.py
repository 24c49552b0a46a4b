"""The declarative description of the LKjIP workbook (single source of truth)."""
from .types import ColType, Column, Field, Form, Sheet, Table, Text, WorkbookSchema
from .workbook import SCHEMA, TEMPLATE_VERSION

__all__ = [
    "SCHEMA", "TEMPLATE_VERSION", "ColType", "Column", "Field", "Form", "Sheet", "Table", "Text",
    "WorkbookSchema",
]
