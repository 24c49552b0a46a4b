"""Errors that stop a command (exit 2). Everything the user got wrong in a workbook is a
finding instead; these are for files that cannot be read and arguments that cannot be used."""
from __future__ import annotations

from .i18n import message


class LkjipError(Exception):
    """A reason the command could not run, with a message key and its parameters."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key = key
        self.params = params

    def text(self, lang: str = "id") -> str:
        return message(self.key, lang, **self.params)


class UsageError(LkjipError):
    """Bad arguments: an output that would overwrite the input, a missing option value."""


class UnreadableWorkbook(LkjipError):
    """The file is not a workbook the tool can read (not xlsx, encrypted, too large, ...)."""
