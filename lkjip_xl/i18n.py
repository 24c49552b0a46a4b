"""Messages of the program itself (errors, summaries), in Indonesian and English.

Rule messages live with their rules in ``lkjip_xl.rules``; schema labels in the schema.
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
    "bad_suffix": ("{option} harus berakhiran {suffix}: {path}", "{option} must end in {suffix}: {path}"),
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
    "too_many_rows": (
        "sheet {sheet} berisi data sampai baris {row} (sel {cell}), melebihi batas {limit} baris; "
        "hapus isi di luar tabel lalu simpan ulang: {path}",
        "sheet {sheet} holds data down to row {row} (cell {cell}), beyond the limit of {limit} rows; "
        "delete what lies outside the table and save again: {path}",
    ),
    "sheet_too_large": (
        "sheet {sheet} terlalu lebar: data sampai sel {cell} (batas {cols} kolom dan {cells} sel); "
        "hapus isi di luar tabel lalu simpan ulang: {path}",
        "sheet {sheet} is too wide: data reaches cell {cell} (limits {cols} columns and {cells} cells); "
        "delete what lies outside the table and save again: {path}",
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
    "not_survey": (
        "bukan data survei SKM: tidak ada kolom unsur (U1..U9 atau nama unsur) di {path}",
        "not an SKM survey: no element column (U1..U9 or element names) in {path}",
    ),
    "bad_option": ("pilihan tidak sah: {detail}", "invalid option: {detail}"),
    "summary": (
        "{error} galat, {warning} peringatan, {info} info",
        "{error} errors, {warning} warnings, {info} info",
    ),
    "internal": ("galat internal lkjip-xl: {detail}", "lkjip-xl internal error: {detail}"),
    "written": ("ditulis: {path}", "written: {path}"),
    "annex_blocked": (
        "{n} galat: lampiran tidak ditulis; perbaiki buku kerja atau pakai --force",
        "{n} error(s): the annex was not written; fix the workbook or use --force",
    ),
    "annex_forced": (
        "{n} galat: lampiran tetap ditulis (--force); lihat sheet Temuan, {marked} sel diberi warna",
        "{n} error(s): the annex was written anyway (--force); see the Findings sheet, {marked} cell(s) coloured",
    ),
    "annex_warnings": ("{n} peringatan (lihat lkjip-xl check)", "{n} warning(s) (see lkjip-xl check)"),
    "rapikan_changed": ("Diubah ({n}):", "Changed ({n}):"),
    "rapikan_kept": ("Dibiarkan, perlu diputuskan ({n}):", "Kept, for you to decide ({n}):"),
    "rapikan_nothing": ("Tidak ada yang perlu dirapikan.", "Nothing needed tidying."),
    "rapikan_check": ("Pemeriksaan salinan: {summary}", "Check of the copy: {summary}"),
}


def message(key: str, lang: str = "id", **params) -> str:
    id_, en = MESSAGES[key]
    text = en if lang == "en" else id_
    return text.format(**params)
