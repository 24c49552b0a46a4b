"""Errors that stop a command (exit 2). Everything the user got wrong in a workbook is a
finding instead; these are for files that cannot be read and arguments that cannot be used."""
from __future__ import annotations

from .i18n import Text, message


class LkjipError(Exception):
    """A reason the command could not run, with a message key and its parameters."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key = key
        self.params = params

    def text(self, lang: str = "id", **shown) -> str:
        """The one-line reason; ``shown`` replaces parameters for display (the web page names an
        upload by the name it was sent with, not by where the server keeps it)."""
        return message(self.key, lang, **{**self.params, **shown})


class UsageError(LkjipError):
    """Bad arguments: an output that would overwrite the input, a missing option value."""


class UnreadableWorkbook(LkjipError):
    """The file is not a workbook the tool can read (not xlsx, encrypted, too large, ...)."""


def damaged(exc: Exception, where: str = "") -> Text:
    """The detail of a damaged file from a library's exception: in English the library's own words,
    in Indonesian the kind of damage (the library speaks English only)."""
    prefix = f"{where}: " if where else ""
    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return Text(f"{prefix}isi rusak atau terpotong ({type(exc).__name__})"[:100], f"{prefix}{first}"[:100])


def rows_over(sheet: str, rows: int, limit: int) -> Text:
    return Text(f"{sheet}: {rows} baris > {limit}", f"{sheet}: {rows} rows > {limit}")
