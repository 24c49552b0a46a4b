"""Building blocks of the declarative workbook description.

The workbook is described once, as data, with these classes (see ``sheets/``, assembled in
``workbook.py``). The template writer, the reader, the checks and the annex writer all read that
description; nothing else knows where a column lives.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Any, Callable

from ..i18n import Text


class ColType(str, Enum):
    TEXT = "text"
    CODE = "code"  # stored as text: "01.10" must never become 1.1
    INTEGER = "integer"
    MONEY = "money"  # rupiah, may carry sen; read as Decimal
    PERCENT = "percent"  # an Excel percent cell (fraction, 0.9685 shown 96,85 %); read as points
    DECIMAL = "decimal"
    ENUM = "enum"
    DATE = "date"


NUMERIC_TYPES = frozenset({ColType.INTEGER, ColType.MONEY, ColType.PERCENT, ColType.DECIMAL})

DEFAULT_FORMATS: dict[ColType, str] = {
    ColType.TEXT: "@",
    ColType.CODE: "@",
    ColType.INTEGER: "#,##0",
    ColType.MONEY: "#,##0.00",
    ColType.PERCENT: "0.00%",
    ColType.DECIMAL: "General",
    ColType.ENUM: "@",
    ColType.DATE: "dd/mm/yyyy",
}


@dataclass(frozen=True)
class FormulaContext:
    """What a formula template may refer to when it is written into one row."""

    row: int  # 1-based sheet row
    index: int  # 0-based position of the row in its table
    refs: Callable[[str], str]  # column key -> A1 reference in this row, e.g. "G12"
    column_range: Callable[[str], str]  # column key -> absolute range of the whole column's data
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Derivation:
    """How a computed cell gets its value, declared once (``schema/derivations.py``): the Excel
    formula the template writes and its Python twin, which computes the same value from the row
    (``derive.rows.RowValues``) and the workbook's environment (``derive.env.DeriveEnv``)."""

    excel: Callable[[FormulaContext], str]
    python: Callable[[Any, Any], Any]
    # the one input column the value depends on (with the environment), when so: the value is then
    # computed once per distinct value of that column (``DerivedWorkbook.column``), and ``python``
    # may read no other column of the row
    by_value: str | None = None
    # the formulas earlier templates wrote for the cell: a workbook holding one is the template's, and
    # `rapikan` writes the current formula over it where the two give different values
    former: tuple[Callable[[FormulaContext], str], ...] = ()


class _Cell:
    """What a column and a form field share: a type, a display format, maybe a derivation."""

    type: ColType
    num_format: str | None
    derive: Derivation | None

    @property
    def computed(self) -> bool:
        return self.derive is not None

    @property
    def formula(self) -> Callable[[FormulaContext], str] | None:
        return self.derive.excel if self.derive else None

    @property
    def display_format(self) -> str:
        return self.num_format or DEFAULT_FORMATS[self.type]


@dataclass(frozen=True)
class Column(_Cell):
    key: str
    header: Text
    type: ColType
    help: Text
    required: bool = False
    required_unless: str | None = None  # a column whose value stands in for a required one left blank
    unit: str | None = None
    choices: str | None = None  # name of a list in lists.LISTS
    width: float = 14
    num_format: str | None = None
    derive: Derivation | None = None  # computed column: its formula and Python twin
    aliases: tuple[str, ...] = ()  # other header spellings accepted on read
    min_value: float | None = None
    max_value: float | None = None
    printed: bool = True  # False: a helper column left out of the print area (the last columns only)
    # words of the unit people type after the number ("25 tahun"), declared for a column no formula
    # of the workbook reads: a number as text there, with or without them, is read without a finding
    unit_words: tuple[str, ...] = ()
    # the column itself may be deleted from the sheet (a notes or respondent-profile column an office
    # does not use): it then reads as empty, with a warning (STR013), not as a broken table (STR002)
    droppable: bool = False
    # a column a later template added (Indikator Program's Arah): a workbook made with the template
    # before lacks it and reads it as empty, with no finding; its formulas there are that template's
    # (``Derivation.former``), which do not read it
    added_later: bool = False
    # the row's number (No): staff number a form's rows in advance, so a row holding nothing else
    # (1 to 100 typed down the column, 40 respondents answered) is no row
    numbering: bool = False
    # a blank cell means the value of the row above (a PK's No and Sasaran, printed once for all its
    # indicators): the same cell merged down over those rows, as PK tables are laid out, says the same
    blank_is_above: bool = False
    # a target that may be typed as a range (80-90, 3 s.d. 5: calc.target_range), read as one
    target_range: bool = False
    # a grade letter alone (B, BB) is a value here: a letter-only indicator's target or realisasi
    grade_letter: bool = False


def normalise_formula(formula: str | None) -> str:
    """A formula compared as text: no '=', spaces, '$', quotes around sheet names, or case;
    LibreOffice writes FALSE() where Excel writes FALSE, and a number without its trailing zeros
    (2.6 and 1 where the template wrote 2.60 and 1.00)."""
    text = (formula or "").lstrip("=").upper().replace("$", "").replace("'", "").replace("FALSE()", "FALSE")
    text = _TRAILING_ZEROS.sub(lambda m: m.group(1) + (f".{m.group(2)}" if m.group(2) else ""), text)
    return re.sub(r"\s+", "", text)


_TRAILING_ZEROS = re.compile(r"(?<![\w.])(\d+)\.(\d*?)0+(?![\w.])")


def is_former(cell: "_Cell", formula: str | None, ctx: "FormulaContext") -> bool:
    """Is ``formula`` (as a workbook holds it) one an earlier template wrote for the cell
    (``Derivation.former``)?"""
    if formula is None or cell.derive is None or not cell.derive.former:
        return False
    return normalise_formula(formula) in {normalise_formula(f(ctx)) for f in cell.derive.former}


def formula_maker(cell: "_Cell", present: frozenset[str] | set[str]) -> Callable[[FormulaContext], str] | None:
    """The formula to write for the cell in a table holding the columns ``present``: the template's,
    or where it reads a column the table lacks (one a later template added, ``Column.added_later``),
    the earlier template's formula that reads none; None when every one reads a missing column (one
    deleted from the sheet: its letters would name other columns)."""
    for make in (cell.formula, *(cell.derive.former if cell.derive else ())):
        read: set[str] = set()
        make(FormulaContext(row=1, index=0, refs=lambda k: read.add(k) or "A1",
                            column_range=lambda k: read.add(k) or "A:A"))
        if read <= set(present):
            return make
    return None


def probe_formula(cell: "_Cell", row: int = 1) -> tuple[str, frozenset[str]]:
    """A computed column's or field's formula written once, for ``row``: its text, and the keys of
    the cells of its row or form it refers to (asked of the formula itself)."""
    read: set[str] = set()

    def ref(key: str) -> str:
        read.add(key)
        return f"A{row}"

    text = cell.formula(FormulaContext(row=row, index=0, refs=ref, column_range=lambda key: ref(key) and "A:A"))
    return text, frozenset(read)


@dataclass(frozen=True)
class Table:
    """A block of rows under one header row. Rows are read until the data ends."""

    key: str
    sheet: str
    title: Text
    header_row: int  # 1-based
    first_col: int  # 0-based column index of the first column
    columns: tuple[Column, ...]
    capacity: int  # rows formatted (and given formulas) in the template
    fixed_rows: tuple[dict, ...] = ()  # prefilled rows (e.g. the nine SKM unsur)
    max_rows: int | None = None  # the table cannot hold more rows (fixed tables)
    # columns at least one of which a row must fill: a row with only other cells filled (a
    # respondent's profile typed ahead, no answer given) is no row, said once (STR016)
    row_needs: tuple[str, ...] = ()

    @property
    def first_row(self) -> int:
        return self.header_row + 1

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)

    def col_index(self, key: str) -> int:
        for i, c in enumerate(self.columns):
            if c.key == key:
                return self.first_col + i
        raise KeyError(key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)

    @cached_property
    def formula_inputs(self) -> frozenset[str]:
        """The columns a formula of the table's own rows reads."""
        return frozenset(k for c in self.columns if c.computed for k in self.inputs_of(c.key))

    def inputs_of(self, key: str) -> frozenset[str]:
        """The columns of its row the formula of a computed column reads."""
        return probe_formula(self.column(key), self.first_row)[1]

    def may_be_absent(self, key: str) -> bool:
        """A column the table can do without: declared droppable, and (whatever the declaration says)
        optional, typed rather than computed and read by no formula of the table. Deleted, it reads
        as empty; any other column missing breaks the table."""
        col = self.column(key)
        return col.droppable and not (col.required or col.computed or key in self.formula_inputs)


@dataclass(frozen=True)
class Field(_Cell):
    """One labelled value in a form (label in one column, value to its right)."""

    key: str
    label: Text
    type: ColType
    help: Text
    required: bool = False
    choices: str | None = None
    default: object = None
    derive: Derivation | None = None  # computed field: its formula and Python twin
    name: str | None = None  # defined name so formulas elsewhere can use the value
    num_format: str | None = None


@dataclass(frozen=True)
class Form:
    key: str
    sheet: str
    title: Text
    first_row: int  # 1-based row of the first field
    label_col: int  # 0-based
    fields: tuple[Field, ...]
    label_span: int = 1  # columns the label covers (merged) where a table below sets narrow widths
    value_span: int = 1  # columns the value covers (merged)

    @property
    def value_col(self) -> int:
        return self.label_col + self.label_span

    @property
    def last_row(self) -> int:
        return self.first_row + len(self.fields) - 1

    def row_of(self, key: str) -> int:
        for i, f in enumerate(self.fields):
            if f.key == key:
                return self.first_row + i
        raise KeyError(key)

    def field(self, key: str) -> Field:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(key)


@dataclass(frozen=True)
class Sheet:
    name: str
    title: Text
    forms: tuple[Form, ...] = ()
    tables: tuple[Table, ...] = ()
    freeze_row: int | None = None  # rows above this (1-based) stay visible
    hidden: bool = False
    landscape: bool = True
    optional: bool = False  # added after the first template: a workbook without it is not incomplete


@dataclass(frozen=True)
class Choice:
    value: str | int  # what the cell holds (the same in both languages)
    label: Text  # explanation shown in Petunjuk


@dataclass(frozen=True)
class WorkbookSchema:
    version: str
    sheets: tuple[Sheet, ...]
    lists: dict[str, tuple[Choice, ...]]
    list_sheet: str

    def sheet(self, name: str) -> Sheet:
        for s in self.sheets:
            if s.name == name:
                return s
        raise KeyError(name)

    def table(self, key: str) -> Table:
        for s in self.sheets:
            for t in s.tables:
                if t.key == key:
                    return t
        raise KeyError(key)

    def form(self, key: str) -> Form:
        for s in self.sheets:
            for f in s.forms:
                if f.key == key:
                    return f
        raise KeyError(key)

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(t for s in self.sheets for t in s.tables)

    @property
    def forms(self) -> tuple[Form, ...]:
        return tuple(f for s in self.sheets for f in s.forms)

    def list_name(self, key: str) -> str:
        return f"lst_{key}"
