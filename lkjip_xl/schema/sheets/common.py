"""Short constructors for the columns and fields the sheet modules declare."""
from __future__ import annotations

from ..types import Column, Field, Text


def col(key, id_, en, type_, help_id, help_en, **kw) -> Column:
    return Column(key, Text(id_, en), type_, Text(help_id, help_en), **kw)


def fld(key, id_, en, type_, help_id, help_en, **kw) -> Field:
    return Field(key, Text(id_, en), type_, Text(help_id, help_en), **kw)
