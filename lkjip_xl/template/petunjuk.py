"""The Petunjuk (instructions) sheet, generated from the schema so it never drifts from it."""
from __future__ import annotations

from ..schema import SCHEMA
from ..schema.refs import parse_a1
from ..schema.workbook import VERSION_CELLS
from .layout import RowHeights

HELP_WIDTH = 100

INTRO = {
    "id": [
        "Buku kerja ini diisi sekali setahun dan menjadi sumber semua tabel LKjIP.",
        "Isi setiap fakta satu kali saja: identitas dan pilihan aturan di sheet Identitas, PK di sheet PK, dst.",
        "Setelah diisi, jalankan: lkjip-xl check berkas.xlsx  (memeriksa semua jumlah, persentase dan rumus)",
        "lalu: lkjip-xl annex berkas.xlsx -o lampiran.xlsx  (menulis tabel BAB III dan lampiran).",
        "Angka diketik sebagai angka (bukan teks). Kosong berarti belum dilaporkan, bukan nol.",
        "Kode program/kegiatan disimpan sebagai teks (01.10 tetap 01.10).",
        "Baris program, kegiatan dan sub kegiatan boleh ditempel dari ekspor sistem keuangan.",
        "Baris boleh disisipkan dan dihapus di tabel mana pun (tidak ada sheet yang dikunci). Baris sisipan belum "
        "berumus: lkjip-xl rapikan berkas.xlsx -o rapi.xlsx  memulihkan rumus, format dan daftar pilihannya.",
    ],
    "en": [
        "Fill this workbook once a year; every LKjIP table is computed from it.",
        "Enter each fact once: identity and rule choices on Identitas, the agreement on PK, and so on.",
        "Then run: lkjip-xl check file.xlsx  (checks every total, percentage and formula)",
        "and: lkjip-xl annex file.xlsx -o annex.xlsx  (writes the report's tables).",
        "Type numbers as numbers, not text. Blank means not reported, not zero.",
        "Programme/activity codes are kept as text (01.10 stays 01.10).",
        "Programme, activity and sub-activity rows may be pasted from the finance system's export.",
        "Rows may be inserted and deleted in any table (no sheet is protected). An inserted row has no formulas "
        "yet: lkjip-xl rapikan file.xlsx -o tidy.xlsx  restores its formulas, formats and dropdowns.",
    ],
}
LEGEND = {
    "id": ("Kuning: isian", "Biru: rumus (dihitung otomatis; jangan ditimpa: lkjip-xl check melaporkannya, "
           "lkjip-xl rapikan memulihkannya)", "Abu-abu: judul kolom (* = wajib)"),
    "en": ("Yellow: input", "Blue: formula (computed; do not type over it: lkjip-xl check reports it, "
           "lkjip-xl rapikan restores it)", "Grey: column header (* = required)"),
}


def write_version(ws, sheet: str) -> None:
    """The template version, in the cell of ``sheet`` the schema declares for it."""
    for name, ref in VERSION_CELLS:
        if name == sheet:
            row, col = parse_a1(ref)
            ws.write_string(row - 1, col, SCHEMA.version)


LABEL_WIDTH = 28


def write_petunjuk(ws, fmt, lang: str) -> None:
    ws.set_column(0, 0, LABEL_WIDTH)
    ws.set_column(1, 1, HELP_WIDTH)
    heights = RowHeights()
    ws.write_string(0, 0, "Petunjuk Pengisian LKjIP" if lang == "id" else "LKjIP workbook: instructions", fmt.title)
    ws.write_string(2, 0, "Versi template" if lang == "id" else "Template version", fmt.label)
    write_version(ws, "Petunjuk")
    row = 4
    for line in INTRO[lang]:
        row = _text(ws, fmt, heights, row, line)
    row += 1
    for swatch, text in zip((fmt.swatch_input, fmt.swatch_formula, fmt.swatch_header), LEGEND[lang]):
        ws.write_blank(row, 0, None, swatch)
        row = _text(ws, fmt, heights, row, text)
    for sheet in SCHEMA.sheets:
        if sheet.hidden or sheet.name == "Petunjuk":
            continue
        row += 1
        ws.write_string(row, 0, sheet.name, fmt.subtitle)
        ws.write_string(row, 1, sheet.title.get(lang), fmt.subtitle)
        row += 1
        items = [(f.label.get(lang), f.help.get(lang)) for form in sheet.forms for f in form.fields]
        items += [(c.header.get(lang), c.help.get(lang)) for t in sheet.tables for c in t.columns]
        for label, help_text in items:
            ws.write_string(row, 0, label, fmt.text)  # a long header wraps in its own column
            heights.add(row, label, LABEL_WIDTH)
            row = _text(ws, fmt, heights, row, help_text)
    row += 1
    ws.write_string(row, 0, "Pilihan" if lang == "id" else "Choices", fmt.subtitle)
    row += 1
    for key in ("skala", "rumus_turun", "bobot_skm", "pembulatan", "metode_efisiensi", "agregasi"):
        for choice in SCHEMA.lists[key]:
            ws.write_string(row, 0, choice.value)
            row = _text(ws, fmt, heights, row, choice.label.get(lang))
    heights.apply(ws)


def _text(ws, fmt, heights: RowHeights, row: int, text: str) -> int:
    """One line of explanation in column B (wrapped, its row as tall as it needs); the next row."""
    ws.write_string(row, 1, text, fmt.text)
    heights.add(row, text, HELP_WIDTH)
    return row + 1
