"""Messages of the program itself (errors, summaries, the terminal's usage errors), in Indonesian
and English.

Rule messages live with their rules in ``lkjip_xl.rules``; schema labels in the schema; the words
for the tool's own terms (kesalahan, temuan, ...) in ``lkjip_xl.glossary``, which a message uses
as ``{g[errors]}``. A parameter given as a :class:`Text` is put in the message's language.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

LANGS = ("id", "en")


@dataclass(frozen=True)
class Text:
    """A user-facing text in Indonesian (default) and English."""

    id: str
    en: str

    def get(self, lang: str = "id") -> str:
        return self.en if lang == "en" else self.id

    @staticmethod
    def of(template: str, *parts) -> "Text":
        """``template`` (one for both languages) filled with ``parts``, a Text in its language."""
        def fill(lang: str) -> str:
            return template.format(*(p.get(lang) if isinstance(p, Text) else p for p in parts))
        return Text(fill("id"), fill("en"))


def quarter(q: int) -> Text:
    """A quarter's number as a message writes it: TW I..IV in Indonesian, Q1..Q4 in English ("TW {}", "Q{}")."""
    return Text(("I", "II", "III", "IV")[q - 1], str(q))


def pick(table: dict[str, tuple[str, str]], key: str, lang: str = "id", **params) -> str:
    """The text of ``key`` in a table of (Indonesian, English) pairs, filled with ``params``."""
    id_, en = table[key]
    text = en if lang == "en" else id_
    return text.format(**params) if params else text


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
    "ods": (
        "berkas OpenDocument (.ods, format bawaan LibreOffice) belum dapat dibaca: {path}; buka di LibreOffice, "
        "Berkas > Simpan Sebagai, jenis berkas \"Excel 2007-365 (.xlsx)\"",
        "an OpenDocument file (.ods, LibreOffice's own format) cannot be read yet: {path}; open it in LibreOffice, "
        "File > Save As, file type \"Excel 2007-365 (.xlsx)\"",
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
    "own_annex": (
        "tabel yang ditulis lkjip-xl (annex, pk atau skm), bukan buku kerja LKjIP: periksa buku kerja asalnya; "
        "dokumen .docx-nya dapat diperiksa sebagai laporan (lkjip-xl check LAMPIRAN.docx --workbook DATA.xlsx): {path}",
        "tables written by lkjip-xl (annex, pk or skm), not an LKjIP workbook: check the workbook they were made "
        "from; their .docx can be checked as a report (lkjip-xl check ANNEX.docx --workbook DATA.xlsx): {path}",
    ),
    "own_rekap": (
        "rekap yang ditulis lkjip-xl rekap, bukan buku kerja LKjIP: periksa buku kerja unitnya: {path}",
        "a rekap written by lkjip-xl rekap, not an LKjIP workbook: check the units' workbooks: {path}",
    ),
    "unreadable": ("berkas tidak dapat dibaca: {path} ({detail})", "cannot read file: {path} ({detail})"),
    "annotate_unreadable": (
        "salinan bertanda tidak dapat ditulis: openpyxl tidak dapat membuka {path} ({detail}); buka dan simpan "
        "ulang berkas di Excel, atau periksa tanpa salinan bertanda",
        "cannot write the annotated copy: openpyxl cannot open {path} ({detail}); open the file in Excel and "
        "save it again, or check it without an annotated copy"),
    "not_survey": (
        "bukan data survei SKM: tidak ada kolom unsur (U1..U9 atau nama unsur) di {path}",
        "not an SKM survey: no element column (U1..U9 or element names) in {path}",
    ),
    "bad_option": ("pilihan tidak sah: {detail}", "invalid option: {detail}"),
    "prev_mismatch": ("--tahun-lalu bukan buku kerja tahun lalu unit ini: {detail}",
                      "--tahun-lalu is not this unit's workbook of last year: {detail}"),
    "no_label_table": (
        "tidak ada tabel label jawaban (kolom Unsur, 1, 2, 3, 4) di {path}",
        "no answer label table (columns Unsur, 1, 2, 3, 4) in {path}",
    ),
    "doc_kind": (
        "laporan harus .docx, .pdf atau .txt: {path}", "the report must be a .docx, .pdf or .txt: {path}",
    ),
    "doc_unreadable": ("laporan tidak dapat dibaca: {path} ({detail})", "cannot read the report: {path} ({detail})"),
    "doc_encrypted": (
        "laporan PDF dilindungi kata sandi (terenkripsi): {path}", "the PDF report is password-protected: {path}",
    ),
    "needs_workbook": (
        "memeriksa laporan {path} memerlukan --workbook DATA.xlsx",
        "checking the report {path} needs --workbook DATA.xlsx",
    ),
    "workbook_for_report": (
        "--workbook hanya untuk memeriksa laporan (.docx, .pdf, .txt), bukan buku kerja: {path}",
        "--workbook is only for checking a report (.docx, .pdf, .txt), not a workbook: {path}",
    ),
    "annotate_docx_only": (
        "--annotate untuk laporan hanya untuk masukan .docx: {path}",
        "--annotate on a report needs a .docx input: {path}",
    ),
    "coverage": (
        "angka diperiksa: {checked}; terhubung ke buku kerja: {matched}; tidak terhubung (tidak dinilai): {unmatched}",
        "numbers checked: {checked}; tied to the workbook: {matched}; left unmatched (not judged): {unmatched}",
    ),
    "no_plan_table": (
        "tidak ada tabel tindak lanjut (kolom Unsur, Rencana Tindak Lanjut, Waktu, Penanggung Jawab) di {path}",
        "no follow-up table (columns Unsur, Rencana Tindak Lanjut, Waktu, Penanggung Jawab) in {path}",
    ),
    "label_workbook": (
        "--label hanya untuk ekspor survei; sheet SKM buku kerja menerima jawaban 1–4, a–d atau label "
        "PermenPAN-RB 14/2017",
        "--label is for survey exports only; the workbook's SKM sheet takes answers 1–4, a–d or the labels of "
        "PermenPAN-RB 14/2017",
    ),
    "skm_report_blocked": (
        "{n} {g[errors]}: laporan SKM tidak ditulis; perbaiki data atau pakai --force",
        "{n} {g[errors]}: the SKM report was not written; fix the data or use --force",
    ),
    "rapikan_hint": (
        "{n} temuan ({codes}) dapat dibereskan otomatis: lkjip-xl rapikan {file} -o {out} menulis salinan "
        "yang sudah dirapikan",
        "{n} findings ({codes}) can be mended automatically: lkjip-xl rapikan {file} -o {out} writes a tidied copy",
    ),
    "summary": (
        "{error} {g[errors]}, {warning} {g[warnings]}, {info} {g[info]}",
        "{error} {g[errors]}, {warning} {g[warnings]}, {info} {g[info]}",
    ),
    "internal": ("{g[error]} internal lkjip-xl: {detail}", "lkjip-xl internal {g[error]}: {detail}"),
    "written": ("ditulis: {path}", "written: {path}"),
    "annex_blocked": (
        "{why}: lampiran tidak ditulis; perbaiki buku kerja atau pakai --force",
        "{why}: the annex was not written; fix the workbook or use --force",
    ),
    "annex_forced": (
        "{why}: lampiran tetap ditulis (--force); lihat sheet Temuan, {marked} sel diberi warna",
        "{why}: the annex was written anyway (--force); see the Findings sheet, {marked} cell(s) coloured",
    ),
    # why a document command stops: its errors, else its warnings that leave an amount undecided
    "annex_errors": ("{n} {g[errors]}", "{n} error(s)"),
    "annex_undecided": (
        "{n} pagu perubahan '-' di samping pagu murni (nihil: ketik 0; tidak berubah: kosongkan selnya)",
        "{n} revised budget(s) '-' beside a pagu murni (nil: type 0; unchanged: leave the cell blank)",
    ),
    "annex_warnings": ("{n} peringatan (lihat lkjip-xl check)", "{n} warning(s) (see lkjip-xl check)"),
    # the terminal's usage errors (lkjip_xl.cli_errors): "lkjip-xl: <reason>; <hint>; lihat: ... --help"
    "missing_argument": ("{name} belum diisi", "{name} is missing"),
    "missing_option": ("pilihan {name} wajib diisi", "option {name} is required"),
    "no_such_option": ("pilihan {name} tidak dikenal", "unknown option {name}"),
    "option_needs_value": ("pilihan {name} perlu diberi nilai", "option {name} needs a value"),
    "option_takes_no_value": ("pilihan {name} tidak memakai nilai", "option {name} takes no value"),
    "bad_value": ("nilai '{value}' tidak sah untuk {name}", "invalid value '{value}' for {name}"),
    "valid_choices": ("{g[choices]}: {choices}", "{g[choices]}: {choices}"),
    "no_such_command": ("perintah '{name}' tidak dikenal", "unknown command '{name}'"),
    "missing_command": ("perintah belum disebut", "no command given"),
    "extra_arguments": ("argumen berlebih: {args}", "unexpected extra argument(s): {args}"),
    "did_you_mean": ("maksudnya {names}?", "did you mean {names}?"),
    "see_help": ("lihat: {command} --help", "see: {command} --help"),
    "command_help": ("Bantuan satu perintah: {command} --help", "Help on one command: {command} --help"),
    "aborted": ("dibatalkan", "aborted"),
    # lkjip-xl web
    "web_missing": (
        "halaman web perlu paket tambahan ({detail}); pasang dengan: pip install 'lkjip-xl[web]'",
        "the web page needs extra packages ({detail}); install them with: pip install 'lkjip-xl[web]'",
    ),
    "port_busy": (
        "port {port} sedang dipakai program lain; pilih port lain dengan --port",
        "port {port} is in use by another program; choose another with --port",
    ),
    "web_ready": (
        "Halaman lkjip-xl terbuka di {url} (hanya komputer ini). Tekan Ctrl+C untuk berhenti; berkas "
        "unggahan dihapus saat berhenti.",
        "The lkjip-xl page is at {url} (this computer only). Press Ctrl+C to stop; uploaded files are "
        "removed when it stops.",
    ),
    "cannot_repair": (
        "tidak dapat dirapikan: {path} ({detail}); buka dan simpan ulang di Excel atau LibreOffice, lalu coba lagi",
        "cannot tidy: {path} ({detail}); open and save it again in Excel or LibreOffice, then try again",
    ),
    "rapikan_changed": ("Diubah ({n}):", "Changed ({n}):"),
    "rapikan_kept": ("Dibiarkan, perlu diputuskan ({n}):", "Kept, for you to decide ({n}):"),
    "rapikan_nothing": ("Tidak ada yang perlu dirapikan.", "Nothing needed tidying."),
    "rapikan_check": ("Pemeriksaan salinan: {summary}", "Check of the copy: {summary}"),
}


def message(key: str, lang: str = "id", **params) -> str:
    from .glossary import terms

    words = {k: (v.get(lang) if isinstance(v, Text) else v) for k, v in params.items()}
    text = pick(MESSAGES, key, lang).format(g=terms(lang), **words)
    return singular_ones(text) if lang == "en" else text


def singular_ones(text: str) -> str:
    """English counts of one (Indonesian has no plural): "1 errors, 0 warnings" is "1 error, 0
    warnings", "its 1 child rows" "its 1 child row", "1 of 2 rows are blank" "1 of 2 rows is blank"."""
    text = _ONE_IES.sub(r"\1y", _ONE.sub(r"\1", text))
    return _ONE_VERB.sub(lambda m: m.group(1) + ("is" if m.group(2) == "are" else "has"), text)


_ONE = re.compile(r"(?<![\d.,])(1 (?:error|warning|finding|file|unit|child row|row|component|amount|formula cell|"
                  r"typed value|whole answer|answer|element))s\b")
_ONE_IES = re.compile(r"(?<![\d.,])(1 sub-activit)ies\b")
_ONE_VERB = re.compile(r"(?<![\d.,])(1 (?:of \d[\d,]* )?(?:[\w-]+ ){1,2})(are|have)\b")
