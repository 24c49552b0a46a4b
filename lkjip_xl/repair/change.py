"""One line of what `rapikan` did, or left for a person to decide: the cell (or range), the value
before and after, why (in Indonesian and English), and the finding of `check` it settles."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..schema.types import Text

# the findings of check whose cells rapikan mends in its copy, whatever their number (the CLI's
# hint after check's summary): numbers and codes stored as text, a percent or a spaced choice a
# formula misreads, nil the formulas do not read (VAL028), missing and earlier template's formulas, text typed over one (FRM009, unless it reads as another number), codes whose dots were lost, a plan numbered 1, 2, 3 whose every
# row's name gives its code
MENDED = frozenset({"VAL001", "VAL006", "VAL015", "VAL025", "VAL027", "VAL028", "FRM004", "FRM007", "FRM009", "BUD036"})


def mendable(findings) -> list:
    """The findings (not the notes) that `rapikan` settles in its copy: what check's hint counts and
    what makes the web page offer the tidied copy."""
    return [f for f in findings if (f.code in MENDED or f.params.get("rounded")) and f.severity != "info"
            and not f.params.get("unconfirmed")]

WHY: dict[str, Text] = {
    "formula_missing": Text("rumus tidak ada di baris ini (baris sisipan/tempelan): rumus dipulihkan",
                            "the row had no formula here (inserted/pasted row): formula restored"),
    "formula_over_text": Text("teks diketik menimpa rumus templat: rumus dipulihkan",
                              "text typed over the template's formula: formula restored"),
    "formula_equal": Text("nilai ketikan sama dengan hasil rumus: rumus dipulihkan",
                          "the typed value is what the formula gives: formula restored"),
    "formula_rounded": Text("nilai ketikan adalah hasil rumus yang dibulatkan, dan rumus lain menjumlahkannya: rumus "
                            "dipulihkan", "the typed value is the formula's result rounded, and other formulas add "
                            "it up: formula restored"),
    "formula_typed": Text("nilai ketikan berbeda dari hasil rumus (sesudah: hasil rumus): dibiarkan",
                          "the typed value differs from the formula's result (after: the result): kept"),
    "formula_source_absent": Text("rumus template membaca kolom yang tidak ada di sheet ini: tidak dipulihkan",
                                  "the template's formula reads a column this sheet does not have: not restored"),
    "formula_own": Text("rumus di sel ini bukan rumus template: dibiarkan",
                        "this cell holds a formula of its own, not the template's: kept"),
    "formula_former": Text("rumus template lama yang tidak menghitung nilai ini: diganti rumus template sekarang",
                           "an earlier template's formula that does not compute this value: replaced by the current one"),
    "result_stale": Text("hasil rumus tersimpan usang atau berupa kesalahan: diperbarui (dihitung ulang saat dibuka)",
                         "the formula's stored result was stale or an error: refreshed (recalculated on opening)"),
    "text_number": Text("angka tersimpan sebagai teks: dijadikan angka", "number stored as text: made a number"),
    "percent_points": Text("persen diketik di kolom angka yang dibaca rumus: ditulis sebagai angka yang dibaca lkjip-xl "
                           "(95 % menjadi 95), agar rumus lembar kerja menghitung yang sama",
                           "a percent typed in a number column a formula reads: written as the number lkjip-xl read "
                           "(95 % becomes 95), so that the sheet's formulas compute the same"),
    "choice_trimmed": Text("pilihan daftar diketik dengan spasi, yang membuat rumus lembar kerja salah membacanya: "
                           "spasinya dihapus", "a list choice typed with spaces, which made the sheet's formulas "
                           "misread it: spaces deleted"),
    "percent_kept": Text("persen diketik di kolom angka: format kolomnya juga persen, dibiarkan",
                         "a percent typed in a number column whose format is a percent too: kept"),
    "text_kept": Text("teks di kolom angka tidak dapat dibaca pasti sebagai angka: dibiarkan",
                      "text in a number column cannot be read as one number for sure: kept"),
    "nil_dash": Text("nihil diketik dalam bentuk yang tidak dibaca rumus lembar kerja (hasilnya #N/A): ditulis -",
                     "nil typed in a form the sheet's formulas do not read (their results #N/A): written -"),
    "code_number": Text("kode tersimpan sebagai angka: dijadikan teks (sebagaimana lkjip-xl membacanya)",
                        "code stored as a number: made text (as lkjip-xl reads it)"),
    "code_unconfirmed": Text("kode tersimpan sebagai angka; bacaannya (sesudah) bukan kode lain di buku kerja ini: dibiarkan",
                             "code stored as a number; its reading (after) is no other code of this workbook: kept"),
    "code_dots": Text("kode tanpa titiknya (terhapus oleh Cari & Ganti?): titiknya dikembalikan",
                      "a code without its dots (taken by a Find & Replace?): its dots put back"),
    "code_from_name": Text("kode Rencana Aksi berupa nomor urut: diganti kode yang diberikan uraiannya (sebagaimana "
                           "lkjip-xl membandingkannya)", "a Rencana Aksi code that is a row number: replaced by the code "
                           "its name gives (as lkjip-xl compares it)"),
    "code_not_named": Text("kode Rencana Aksi berupa nomor urut, tetapi tidak setiap uraian memberi kodenya (sesudah: "
                           "kode menurut uraian, ? bila tidak ada): dibiarkan, isikan kodenya",
                           "Rencana Aksi codes that are row numbers, but not every name gives its code (after: the "
                           "code by name, ? where none): kept, type the codes"),
    "formula_reads_changed": Text("rumus sendiri yang membaca sel yang diubah: hasilnya dihitung ulang saat salinan dibuka "
                                  "di Excel/LibreOffice (pemeriksaan salinan masih membaca hasil lama)",
                                  "a formula of your own that reads a changed cell: its result is recalculated when the "
                                  "copy is opened in Excel/LibreOffice (the check of the copy still reads the old one)"),
    "row_style": Text("format kolom disalin ke baris tanpa format (baris sisipan)",
                      "the column's format copied to a row without one (inserted row)"),
    "validation_restored": Text("kolom tanpa daftar pilihan/validasi lagi (baris ditempel dari berkas lain?): "
                                "validasi template dipasang kembali", "a column left without its dropdown/validation "
                                "(rows pasted from another file?): the template's validation put back"),
    "validation_unrestorable": Text("kolom tanpa daftar pilihan lagi, dan daftarnya tidak ada di buku kerja ini: "
                                    "tidak dipasang kembali", "a column left without its dropdown, whose list this "
                                    "workbook lacks: not put back"),
    "validation": Text("daftar pilihan/validasi diperluas ke baris sisipan",
                       "dropdown/validation extended to inserted rows"),
    "sheet_renamed": Text("nama sheet bukan nama template (salah ketik atau salinan): dikembalikan ke nama template",
                          "the sheet's name is not the template's (a slip or a copy's): given the template's name back"),
    "print_area": Text("area cetak diperluas sampai baris terisi terakhir",
                       "print area extended to the last filled row"),
    "version": Text("penanda versi template diperbarui", "template version marker updated"),
    "layout_differs": Text("susunan sheet/kolom berbeda dari template: penanda versi tidak diubah",
                           "the sheets/columns differ from the template: version marker not changed"),
}


@dataclass
class Change:
    sheet: str
    cell: str  # A1, or a range (a row's cells, a column's added rows)
    before: Any
    after: Any
    why: str  # key of WHY
    code: str | None = None  # the finding this settles (check on the copy no longer reports it there)
    applied: bool = True  # False: left as it was, for a person to decide

    def reason(self, lang: str = "id") -> str:
        return WHY[self.why].get(lang)

    def to_dict(self, lang: str = "id") -> dict:
        from ..findings import _raw

        return {"sheet": self.sheet, "cell": self.cell, "code": self.code, "applied": self.applied,
                "before": _raw(self.before), "after": _raw(self.after), "why": self.reason(lang)}
