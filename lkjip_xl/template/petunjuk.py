"""The Petunjuk (instructions) sheet, generated from the schema so it never drifts from it."""
from __future__ import annotations

from ..schema import SCHEMA
from ..schema.refs import parse_a1
from ..schema.workbook import VERSION_CELLS

INTRO = {
    "id": [
        "Buku kerja ini diisi sekali setahun dan menjadi sumber semua tabel LKjIP.",
        "Isi setiap fakta satu kali saja: identitas dan pilihan aturan di sheet Identitas, PK di sheet PK, dst.",
        "Setelah diisi, jalankan: lkjip-xl check berkas.xlsx  (memeriksa semua jumlah, persentase dan rumus)",
        "lalu: lkjip-xl annex berkas.xlsx -o lampiran.xlsx  (menulis tabel BAB III dan lampiran).",
        "Angka diketik sebagai angka (bukan teks). Kosong berarti belum dilaporkan, bukan nol.",
        "Kode program/kegiatan disimpan sebagai teks (01.10 tetap 01.10).",
        "Baris program, kegiatan dan sub kegiatan boleh ditempel dari ekspor sistem keuangan.",
    ],
    "en": [
        "Fill this workbook once a year; every LKjIP table is computed from it.",
        "Enter each fact once: identity and rule choices on Identitas, the agreement on PK, and so on.",
        "Then run: lkjip-xl check file.xlsx  (checks every total, percentage and formula)",
        "and: lkjip-xl annex file.xlsx -o annex.xlsx  (writes the report's tables).",
        "Type numbers as numbers, not text. Blank means not reported, not zero.",
        "Programme/activity codes are kept as text (01.10 stays 01.10).",
        "Programme, activity and sub-activity rows may be pasted from the finance system's export.",
    ],
}
LEGEND = {
    "id": ("Kuning: isian", "Biru: rumus (terkunci, dihitung otomatis)", "Abu-abu: judul kolom (* = wajib)"),
    "en": ("Yellow: input", "Blue: formula (locked, computed)", "Grey: column header (* = required)"),
}


def write_version(ws, sheet: str) -> None:
    """The template version, in the cell of ``sheet`` the schema declares for it."""
    for name, ref in VERSION_CELLS:
        if name == sheet:
            row, col = parse_a1(ref)
            ws.write_string(row - 1, col, SCHEMA.version)


def write_petunjuk(ws, fmt, lang: str) -> None:
    ws.set_column(0, 0, 28)
    ws.set_column(1, 1, 100)
    ws.write_string(0, 0, "Petunjuk Pengisian LKjIP" if lang == "id" else "LKjIP workbook: instructions", fmt.title)
    ws.write_string(2, 0, "Versi template" if lang == "id" else "Template version", fmt.label)
    write_version(ws, "Petunjuk")
    row = 4
    for line in INTRO[lang]:
        ws.write_string(row, 1, line, fmt.text)
        row += 1
    row += 1
    for swatch, text in zip((fmt.swatch_input, fmt.swatch_formula, fmt.swatch_header), LEGEND[lang]):
        ws.write_blank(row, 0, None, swatch)
        ws.write_string(row, 1, text)
        row += 1
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
            ws.write_string(row, 0, label)
            ws.write_string(row, 1, help_text, fmt.text)
            row += 1
    row += 1
    ws.write_string(row, 0, "Pilihan" if lang == "id" else "Choices", fmt.subtitle)
    row += 1
    for key in ("skala", "rumus_turun", "bobot_skm", "pembulatan", "metode_efisiensi", "agregasi"):
        for choice in SCHEMA.lists[key]:
            ws.write_string(row, 0, choice.value)
            ws.write_string(row, 1, choice.label.get(lang), fmt.text)
            row += 1
    ws.set_portrait()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
