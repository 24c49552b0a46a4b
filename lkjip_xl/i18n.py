"""Messages of the program itself (errors, summaries), in Indonesian and English.

Rule messages live with their rules in ``lkjip_xl.checks.rules``; schema labels in the schema.
"""
from __future__ import annotations

LANGS = ("id", "en")

MESSAGES: dict[str, tuple[str, str]] = {
    "refuse_overwrite_input": (
        "menolak menimpa berkas masukan: {path}",
        "refusing to write over the input file: {path}",
    ),
    "output_exists": (
        "berkas keluaran sudah ada: {path} (pakai --overwrite untuk menimpa)",
        "output file already exists: {path} (use --overwrite to replace it)",
    ),
    "output_dir_missing": ("folder keluaran tidak ada: {path}", "output folder does not exist: {path}"),
    "file_missing": ("berkas tidak ditemukan: {path}", "file not found: {path}"),
    "not_a_file": ("bukan berkas biasa: {path}", "not a regular file: {path}"),
    "empty_file": ("berkas kosong: {path}", "empty file: {path}"),
    "not_xlsx": (
        "bukan berkas Excel .xlsx: {path} ({detail})",
        "not an Excel .xlsx file: {path} ({detail})",
    ),
    "old_xls": (
        "format Excel lama (.xls) tidak didukung: {path}; simpan ulang sebagai .xlsx",
        "old Excel format (.xls) is not supported: {path}; save it again as .xlsx",
    ),
    "encrypted": (
        "berkas dilindungi kata sandi (terenkripsi): {path}; buka di Excel dan simpan tanpa kata sandi",
        "file is password-protected (encrypted): {path}; open it in Excel and save it without a password",
    ),
    "too_large": (
        "berkas melebihi batas aman ({detail}): {path}",
        "file exceeds a safety limit ({detail}): {path}",
    ),
    "unsafe_xml": (
        "berkas berisi XML berbahaya ({detail}): {path}",
        "file contains unsafe XML ({detail}): {path}",
    ),
    "not_lkjip": (
        "bukan buku kerja LKjIP: sheet {detail} tidak ada di {path}",
        "not an LKjIP workbook: sheet(s) {detail} missing in {path}",
    ),
    "unreadable": ("berkas tidak dapat dibaca: {path} ({detail})", "cannot read file: {path} ({detail})"),
    "bad_option": ("pilihan tidak sah: {detail}", "invalid option: {detail}"),
    "summary": (
        "{error} galat, {warning} peringatan, {info} info",
        "{error} errors, {warning} warnings, {info} info",
    ),
    "internal": ("galat internal lkjip-xl: {detail}", "lkjip-xl internal error: {detail}"),
    "written": ("ditulis: {path}", "written: {path}"),
}


def message(key: str, lang: str = "id", **params) -> str:
    id_, en = MESSAGES[key]
    text = en if lang == "en" else id_
    return text.format(**params)
