"""The words lkjip-xl uses for its own terms, in Indonesian and English: the one glossary that
messages, the terminal's help, the annotated copy and the web page take their words from.

The Indonesian words are the ones office staff use ("kesalahan", not the technical "galat").
``AVOID`` lists words that must not appear in Indonesian text, with the term to use instead; a
test searches every Indonesian message catalogue for them.
"""
from __future__ import annotations

from .i18n import pick

TERMS: dict[str, tuple[str, str]] = {
    # severities of a finding (singular; Indonesian has no plural form)
    "error": ("kesalahan", "error"),
    "warning": ("peringatan", "warning"),
    "info": ("info", "info"),
    "errors": ("kesalahan", "errors"),
    "warnings": ("peringatan", "warnings"),
    # what the tool reads and writes
    "finding": ("temuan", "finding"),
    "findings": ("temuan", "findings"),
    "workbook": ("buku kerja", "workbook"),
    "file": ("berkas", "file"),
    "folder": ("folder", "folder"),
    "sheet": ("sheet", "sheet"),
    "cell": ("sel", "cell"),
    "code": ("kode", "code"),
    "severity": ("tingkat", "severity"),
    "message": ("pesan", "message"),
    "expected": ("seharusnya", "expected"),
    "found": ("tertulis", "found"),
    "template": ("template", "template"),
    "annex": ("lampiran", "annex"),
    "annotated_copy": ("salinan bertanda", "annotated copy"),
    "survey": ("survei", "survey"),
    # the terminal
    "command": ("perintah", "command"),
    "commands": ("perintah", "commands"),
    "option": ("pilihan", "option"),
    "options": ("pilihan", "options"),
    "argument": ("argumen", "argument"),
    "arguments": ("argumen", "arguments"),
    "value": ("nilai", "value"),
    "choices": ("pilihan yang sah", "valid choices"),
    "default": ("bawaan", "default"),
    "required": ("wajib", "required"),
    "usage": ("cara pakai", "usage"),
    "exit_codes": ("kode keluar", "exit codes"),
    "help": ("bantuan", "help"),
}

# Indonesian words not to use in Indonesian text -> the glossary term to use instead
AVOID: dict[str, str] = {
    "galat": "error",
}

SEVERITIES = ("error", "warning", "info")


def term(key: str, lang: str = "id") -> str:
    return pick(TERMS, key, lang)


def terms(lang: str = "id") -> dict[str, str]:
    """Every term in one language (for ``str.format``: ``"{g[errors]}"``)."""
    return {key: (en if lang == "en" else id_) for key, (id_, en) in TERMS.items()}


def counted(n: int, plural: str, lang: str = "id") -> str:
    """"1 error", "2 errors" ("1 kesalahan": Indonesian has no plural form); ``plural`` is a key
    ending in "s" whose singular is a term too."""
    return f"{n} {term(plural[:-1] if n == 1 and plural[:-1] in TERMS else plural, lang)}"


def severity_word(severity: str, lang: str = "id") -> str:
    return term(severity, lang)
