"""The catalogue of rules: stable code, severity, title and message in Indonesian and English.

Codes never change meaning once published; docs/rules.md documents each one with an example
(a test fails when a code here is missing there). Messages may use {expected}, {found} and the
finding's own parameters.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .i18n import Text, singular_ones

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    title_id: str
    title_en: str
    message_id: str
    message_en: str

    def title(self, lang: str = "id") -> str:
        return self.title_en if lang == "en" else self.title_id

    def render(self, lang: str, **params) -> str:
        template = self.message_en if lang == "en" else self.message_id
        params = {k: (v.get(lang) if isinstance(v, Text) else v) for k, v in params.items()}
        try:
            return singular_ones(template.format(**params)) if lang == "en" else template.format(**params)
        except (KeyError, IndexError):
            return self.title_en if lang == "en" else self.title_id


def _rules(*rows: tuple) -> dict[str, Rule]:
    return {r[0]: Rule(*r) for r in rows}


RULES: dict[str, Rule] = _rules(
    # ---- structure
    ("STR001", "error", "Sheet tidak ada", "Sheet missing",
     "sheet '{name}' tidak ada{others}", "sheet '{name}' is missing{others}"),
    ("STR002", "error", "Kolom tidak ada", "Column missing",
     "kolom '{name}' tidak ditemukan di baris judul", "column '{name}' not found in the header row"),
    ("STR003", "warning", "Judul kolom berubah", "Header changed",
     "judul kolom diubah (seharusnya {expected}, tertulis {found})",
     "column header changed (expected {expected}, found {found})"),
    ("STR004", "warning", "Versi template tidak dikenal", "Unknown template version",
     "versi template {found} berbeda dari {expected}{missing}; periksa susunan kolom",
     "template version {found} differs from {expected}{missing}; check the column layout"),
    ("STR005", "warning", "Data di luar tabel", "Data outside the table",
     "ada isian di luar tabel: '{found}'; tidak ikut dihitung{beside}",
     "a value outside the table: '{found}'; it is not used{beside}"),
    ("STR006", "info", "Kolom tambahan", "Extra column",
     "kolom tambahan '{found}' diabaikan", "extra column '{found}' is ignored"),
    ("STR007", "warning", "Sel digabung di dalam tabel", "Merged cells in a table",
     "sel {found} digabung: hanya sel kiri atas yang berisi nilai, sel lainnya terbaca kosong",
     "cells {found} are merged: only the top-left cell holds a value, the others read blank"),
    ("STR008", "error", "Buku kerja tahun lalu dari unit lain", "Last year's workbook is another unit's",
     "buku kerja tahun lalu berisi {what} '{found}', buku kerja ini '{expected}': tidak dipakai untuk perbandingan",
     "last year's workbook has {what} '{found}', this one '{expected}': it is not used for comparisons"),
    ("STR009", "error", "Buku kerja tahun lalu bukan tahun sebelumnya", "Last year's workbook is not the year before",
     "buku kerja tahun lalu adalah tahun {found}, seharusnya {expected}: tidak dipakai untuk perbandingan",
     "last year's workbook is for {found}, expected {expected}: it is not used for comparisons"),
    ("STR010", "warning", "Buku kerja tahun lalu tidak dapat dipastikan", "Last year's workbook cannot be verified",
     "{what} kosong di salah satu buku kerja (ini: {expected}, tahun lalu: {found}): tidak dapat dipastikan bahwa "
     "buku kerja tahun lalu milik unit ini dan tahun sebelumnya",
     "{what} is blank in one of the workbooks (this: {expected}, last year: {found}): cannot verify that last "
     "year's workbook is this unit's and the year before"),
    ("STR011", "error", "Tabel wajib kosong", "Required table empty",
     "tabel '{name}' kosong: LKjIP tidak dapat disusun tanpanya",
     "the table '{name}' is empty: an LKjIP cannot be made without it"),
    ("STR012", "warning", "Tabel kosong", "Table empty",
     "tabel '{name}' kosong: laporan akan tanpa tabel ini", "the table '{name}' is empty: the report will lack it"),
    ("STR014", "info", "Sheet berganti nama", "Sheet renamed",
     "sheet '{expected}' bernama '{found}' di buku kerja ini: dibaca sebagai sheet {expected}",
     "sheet '{expected}' is named '{found}' in this workbook: read as the {expected} sheet"),
    ("STR015", "info", "Catatan di bawah tabel", "Note below the table",
     "catatan di bawah tabel, bukan baris tabel: '{found}'", "a note below the table, not a row of it: '{found}'"),
    ("STR016", "info", "Baris tanpa isian pokok", "Rows without their main entries",
     "{count} baris berisi data tetapi tanpa isian {needs} (baris {rows}): bukan baris tabel, tidak dihitung",
     "{count} rows hold data but no {needs} entry (rows {rows}): not rows of the table, not counted"),
    ("STR017", "error", "Tabel tidak ditemukan", "Table not found",
     "tabel '{name}' tidak ditemukan: baris {row} tidak berisi satu pun judul kolomnya{others}",
     "table '{name}' not found: row {row} holds none of its column headers{others}"),
    ("STR013", "warning", "Kolom pilihan tidak ada", "Optional column missing",
     "kolom '{name}' tidak ada di baris judul: isinya dibaca kosong (kolom ini boleh kosong)",
     "column '{name}' is not in the header row: read as empty (its cells may be blank)"),
    # ---- printing
    ("PRN001", "warning", "Area cetak tidak mencakup semua baris", "Print area leaves rows out",
     "area cetak berakhir di baris {end}: {rows} yang terisi tidak ikut tercetak (lkjip-xl rapikan memperluasnya)",
     "the print area ends at row {end}: filled {rows} not printed (lkjip-xl rapikan extends it)"),
    ("PRN002", "info", "Area cetak masih area templat kosong", "Print area still the blank template's",
     "area cetak masih area templat kosong (sampai baris {end}): {rows} yang terisi belum ikut tercetak; "
     "lkjip-xl rapikan memperluasnya",
     "the print area is still the blank template's (to row {end}): filled {rows} not printed yet; lkjip-xl "
     "rapikan extends it"),
    # ---- values
    ("VAL001", "error", "Angka tersimpan sebagai teks", "Number stored as text",
     "angka tersimpan sebagai teks ('{found}'): dibaca sebagai {expected}, tetapi rumus Excel melewatkannya; "
     "ketik ulang sebagai angka",
     "number stored as text ('{found}'): read as {expected}, but Excel's formulas skip it; type it again as a number"),
    ("VAL002", "error", "Angka ambigu", "Ambiguous number",
     "angka {found} ambigu: {detail}; ketik sebagai angka", "number {found} is ambiguous: {detail}; type it as a number"),
    ("VAL003", "warning", "Persen seratus kali lipat", "Percent 100 times too large",
     "{found} di sel persen berarti {shown}; bila maksudnya {expected} %, ketik {expected}% (atau angka "
     "pecahannya): dibaca sebagai {expected}",
     "{found} in a percent cell means {shown}; if {expected} % is meant, type {expected}% (or the fraction): "
     "read as {expected}"),
    ("VAL004", "error", "Uang negatif", "Negative money", "nilai uang negatif ({found})",
     "negative amount ({found})"),
    ("VAL005", "error", "Isian wajib kosong", "Required cell blank", "'{name}' wajib diisi",
     "'{name}' is required"),
    ("VAL006", "warning", "Kode tersimpan sebagai angka", "Code stored as a number",
     "kode tersimpan sebagai angka {found}; angka nol di depan/belakang bisa hilang (mungkin {expected})",
     "code stored as the number {found}; leading/trailing zeros may be lost (maybe {expected})"),
    ("VAL007", "error", "Nilai tidak ada di daftar", "Value not in its list",
     "'{found}' bukan pilihan yang sah untuk {name} ({expected})",
     "'{found}' is not a valid choice for {name} ({expected})"),
    ("VAL008", "error", "Kode ganda", "Duplicate code", "kode {found} sudah dipakai di {other}",
     "code {found} already used at {other}"),
    ("VAL009", "error", "Kode di bawah induk yang salah", "Code under the wrong parent",
     "kode {found} berada di bawah {parent}, padahal awalannya menunjuk induk {implied} (kode seharusnya berawalan {expected})",
     "code {found} sits under {parent}, but its prefix points to the parent {implied} (its code should start with {expected})"),
    ("VAL022", "error", "Baris salah tempat", "Row out of place",
     "baris {found} berada di bawah {parent}, padahal termasuk {expected} (jumlah {expected} dan {parent} cocok bila "
     "baris ini dihitung di bawah {expected}, dan dihitung demikian): pindahkan barisnya ke bawah {expected}",
     "row {found} sits under {parent} but belongs to {expected} (the sums of {expected} and {parent} hold with it "
     "counted under {expected}, and it is counted so): move the row under {expected}"),
    ("VAL024", "warning", "Kode tidak dikenali", "Code not understood",
     "kode {found} bukan kode program, kegiatan atau sub kegiatan: baris ini tidak ikut dijumlahkan ke "
     "program/kegiatannya dan tidak tercetak di lampiran",
     "code {found} is no programme, activity or sub-activity code: the row is not summed into its "
     "programme/activity and not printed in the annex"),
    ("VAL027", "error", "Kode tanpa titik", "Code without its dots",
     "kode {found} tidak bertitik (titiknya terhapus, mis. oleh Cari & Ganti '.'?): bukan kode program, kegiatan "
     "atau sub kegiatan, maka baris ini tidak ikut dijumlahkan dan tidak tercetak di lampiran; tulis {expected}",
     "code {found} has no dots (deleted, by a Find & Replace of '.'?): it is no programme, activity or "
     "sub-activity code, so the row is not summed and not printed in the annex; write {expected}"),
    ("VAL028", "warning", "Nihil yang tidak dibaca rumus", "Nil the formulas do not read",
     "'{found}' dibaca sebagai nihil (0), seperti '-'; tetapi rumus templat hanya membaca -, – atau — sebagai "
     "nihil, sehingga sel yang dihitung dari sel ini menampilkan #N/A; ketik {expected}",
     "'{found}' is read as nil (0), as '-' is; but the template's formulas read only -, – or — as nil, so the "
     "cells computed from this one show #N/A; type {expected}"),
    ("VAL029", "error", "Baris bergeser satu kolom", "Row shifted one column",
     "isian baris {row} tampak bergeser satu kolom ke {side}: {found} berisi isian kolom {expected} (baris "
     "ditempel di kolom yang salah, atau sel dihapus dengan geser ke kiri); pindahkan kembali",
     "the values of row {row} look shifted one column to the {side_en}: {found} hold what belongs in {expected} "
     "(the row pasted one column off, or a cell deleted with shift left); move them back"),
    ("VAL023", "warning", "Tabel tidak urut kode", "Table not in code order",
     "{n} baris berada di bawah induk yang bukan induk kodenya, mulai {found} (tabel diurutkan{by}?): "
     "kodenya menjelaskan jumlah-jumlahnya, maka tiap baris dihitung di bawah induk kodenya; urutkan tabel menurut "
     "kolom Kode",
     "{n} rows sit under another parent than their code's, from {found} on (the table sorted{by}?): the "
     "codes explain the sums, so each row is computed under its code's parent; sort the table by the Kode column"),
    ("VAL010", "error", "Nilai kesalahan rumus", "Formula error value", "sel berisi nilai kesalahan {found}{why}",
     "the cell holds the error {found}{why}"),
    ("VAL011", "error", "Tanggal di kolom angka", "Date in a number column",
     "tanggal {found} di kolom angka{hint}", "date {found} in a number column{hint}"),
    ("VAL012", "warning", "Nilai di luar rentang", "Value out of range",
     "nilai {found} di luar rentang wajar ({expected})", "value {found} outside the plausible range ({expected})"),
    ("VAL013", "error", "Angka tidak terbaca", "Unreadable number",
     "'{found}' tidak dapat dibaca sebagai angka ({detail})", "'{found}' cannot be read as a number ({detail})"),
    ("VAL014", "error", "Teks di kolom tanggal", "Text in a date column",
     "'{found}' bukan tanggal", "'{found}' is not a date"),
    ("VAL015", "info", "Persen dibaca sebagai poin", "Percent read as points",
     "sel berformat persen menampilkan {shown}: dibaca sebagai {expected} (tersimpan {found}){consequence}",
     "the cell is formatted as a percent and shows {shown}: read as {expected} (stored {found}){consequence}"),
    ("VAL016", "error", "Bukan tanggal", "Not a date",
     "sel berformat tanggal berisi angka {found} yang bukan tanggal; nilainya tidak dipakai",
     "a date-formatted cell holds the number {found}, which is no date; the value is not used"),
    ("VAL017", "info", "Tidak berlaku (NA)", "Not applicable (NA)",
     "'{found}': tidak berlaku; sel ini tidak ikut dihitung", "'{found}': not applicable; this cell is not computed"),
    ("VAL018", "error", "Tahun tidak wajar", "Implausible year",
     "tahun {found} di luar rentang yang wajar ({expected})", "year {found} outside the plausible range ({expected})"),
    ("VAL019", "error", "Tahun di luar periode Renstra", "Year outside the Renstra period",
     "{name} {found} seharusnya {rule} (Renstra {expected})",
     "{name} {found} should be a year that {rule} (Renstra {expected})"),
    ("VAL020", "warning", "Tanggal atau periode tidak sesuai tahun laporan", "Date or period unlike the report year",
     "{what} {found}: tidak sesuai dengan tahun laporan ({expected})",
     "{what} {found}: does not fit the report year ({expected})"),
    ("VAL026", "warning", "Uraian tidak sesuai kode", "Name does not match its code",
     "uraian di samping kode {kode} tertulis '{found}', tetapi di {sheet} {kode} bernama '{expected}' ({why}): "
     "kolom Uraian terurut atau tergeser sendiri, terpisah dari kodenya?",
     "the name beside the code {kode} is '{found}', but on {sheet} {kode} is named '{expected}' ({why}): the "
     "Uraian column sorted or shifted alone, apart from its codes?"),
    ("VAL025", "info", "Pilihan berspasi", "Choice with spaces",
     "'{found}' diawali atau diakhiri spasi: dibaca sebagai {expected}{consequence}",
     "'{found}' has spaces before or after it: read as {expected}{consequence}"),
    ("VAL021", "error", "Sel penyebab selisih", "Cell causing a difference",
     "nilai ini membuat {cells} tidak cocok: dengan {expected} (tertulis {found}) semuanya cocok",
     "this value makes {cells} disagree: with {expected} (found {found}) they all agree"),
    # ---- budget
    ("BUD001", "error", "Sisa salah", "Wrong balance", "sisa seharusnya {expected}, tertulis {found}",
     "balance should be {expected}, found {found}"),
    ("BUD002", "error", "Persen realisasi salah", "Wrong spending percentage",
     "% realisasi seharusnya {expected} %, tertulis {found} %", "spending % should be {expected} %, found {found} %"),
    ("BUD003", "error", "Induk ≠ jumlah rincian", "Parent ≠ sum of children",
     "{field} {kode} seharusnya {expected} (jumlah {n} rincian), tertulis {found}",
     "{field} of {kode} should be {expected} (sum of its {n} child rows), found {found}"),
    ("BUD004", "error", "Total ≠ jumlah program", "Total ≠ sum of programmes",
     "total {field} seharusnya {expected} (jumlah program), tertulis {found}",
     "total {field} should be {expected} (sum of programmes), found {found}"),
    ("BUD005", "warning", "Realisasi melebihi pagu", "Spending above budget",
     "realisasi {found} melebihi pagu {expected}", "spending {found} exceeds the budget {expected}"),
    ("BUD006", "error", "Pagu PK ≠ Realisasi", "PK budget ≠ Realisasi sheet",
     "{field} program {kode} di PK {found}, jumlah sub kegiatan di sheet Realisasi {expected}",
     "the {field} of programme {kode} on PK is {found}; its sub-activities on Realisasi sum to {expected}"),
    ("BUD007", "warning", "Pagu Rencana Aksi ≠ Realisasi", "Action-plan budget ≠ Realisasi sheet",
     "pagu {kode} di Rencana Aksi {found}, di sheet Realisasi {expected}",
     "budget of {kode} in the action plan is {found}, on the Realisasi sheet {expected}"),
    ("BUD008", "error", "Jumlah jenis belanja salah", "Economic-class sum wrong",
     "{name} seharusnya {expected} ({detail}), tertulis {found}",
     "{name} should be {expected} ({detail}), found {found}"),
    ("BUD009", "warning", "Induk tanpa rincian", "Parent without children",
     "{kode} tidak punya {child}", "{kode} has no {child}"),
    ("BUD010", "error", "Induk tidak ada", "Parent missing",
     "kode {found} tidak punya induk {expected} di tabel", "code {found} has no parent {expected} in the table"),
    ("BUD011", "error", "Persen rincian tidak cocok", "Percentage inconsistent",
     "% seharusnya {expected} % (dari jumlah pagu dan realisasi), tertulis {found} %: rata-rata % rinciannya",
     "percentage should be {expected} % (from the summed amounts), found {found} %: the mean of its children's"),
    ("BUD012", "error", "Pagu triwulan ≠ pagu", "Quarterly budgets ≠ budget",
     "pagu TW I–IV {kode} berjumlah {expected}, pagu tertulis {found}{note}",
     "the Q1–Q4 budgets of {kode} sum to {expected}, the budget is {found}{note}"),
    ("BUD013", "error", "Tingkat ≠ kode", "Level ≠ code",
     "tingkat '{found}' tidak sesuai dengan kode {kode} ({expected})",
     "level '{found}' does not match the code {kode} (a {expected})"),
    ("BUD014", "error", "Pagu Rencana Aksi ≠ PK", "Action-plan budget ≠ PK",
     "pagu program {kode} di Rencana Aksi {found}, di PK {expected}",
     "budget of programme {kode} in the action plan is {found}, on the PK {expected}"),
    ("BUD015", "warning", "Persen anggaran dipotong", "Budget percentage truncated",
     "{name} {found}{unit} adalah {expected}{unit} yang dipotong, bukan dibulatkan (bila kantor memang memotong, "
     "pilih 'pemotongan' di Identitas)",
     "{name} {found}{unit} is {expected}{unit} truncated, not rounded (if the office truncates on purpose, choose "
     "the value 'pemotongan' (truncate) in the list of Pembulatan tampilan on Identitas)"),
    ("BUD016", "warning", "Jumlah rincian tidak lengkap", "Sum of children incomplete",
     "{field} {kode}: {m} dari {n} rincian kosong ({cells}); jumlah yang terisi {expected}, tertulis {found}: "
     "isi rincian yang kosong (0 atau - bila memang nihil)",
     "{field} {kode}: {m} of {n} rows are blank ({cells}); the filled ones sum to {expected}, found {found}: "
     "fill in the blank rows (0 or - when there is nothing)"),
    ("BUD017", "warning", "Rincian tidak dilaporkan", "Children not reported",
     "{field} {kode} tertulis {found}, tetapi tidak satu pun dari {n} rinciannya berisi {field}",
     "{field} {kode} is {found}, but none of its {n} rows has a {field}"),
    ("BUD018", "warning", "Pagu PK sebagian kosong", "PK budget partly blank",
     "{field} program {kode} kosong sementara program lain terisi: jumlah anggaran PK tidak dapat dihitung",
     "{field} of programme {kode} is blank while other programmes have one: the PK's total budget cannot be computed"),
    ("BUD019", "warning", "Baris tanpa kode", "Row without a code",
     "baris '{uraian}' berisi angka tetapi tidak berkode: tidak ikut dijumlahkan ke program/kegiatannya",
     "the row '{uraian}' has amounts but no code: it is not summed into its programme/activity"),
    ("BUD020", "info", "Tanpa kode: susunan dari kolom Tingkat", "No codes: tree from the Level column",
     "tidak ada kode: susunan program > kegiatan > sub kegiatan ({n} baris) diambil dari kolom Tingkat dan "
     "urutan baris; jumlah diperiksa, tetapi pagu PK dan Rencana Aksi tidak dapat dicocokkan per program",
     "no codes: the programme > activity > sub-activity tree ({n} rows) comes from the Level column and the "
     "row order; sums are checked, but the PK and action-plan budgets cannot be matched per programme"),
    ("BUD021", "error", "Sel penyebab selisih", "Cell causing a difference",
     "nilai ini membuat {cells} tidak cocok: dengan {expected} (tertulis {found}) semuanya cocok",
     "this value makes {cells} disagree: with {expected} (found {found}) they all agree"),
    ("BUD022", "error", "Realisasi triwulan ≠ realisasi kegiatan", "Quarterly spending ≠ activity spending",
     "realisasi TW I–IV {kode} di Rencana Aksi berjumlah {found}, realisasi di {cell} {expected}",
     "the Q1–Q4 spending of {kode} in the action plan sums to {found}, the spending at {cell} is {expected}"),
    ("BUD024", "warning", "Pagu murni dan perubahan berjauhan", "Original and revised budget far apart",
     "pagu murni {murni} dan pagu perubahan {perubahan} berbeda lebih dari separuh, atau seperti salah ketik: "
     "periksa sel ini",
     "the original budget {murni} and the revised budget {perubahan} differ by more than half, or like a typing "
     "slip: check this cell"),
    ("BUD025", "warning", "Pagu Rencana Aksi kosong", "Action-plan budget blank",
     "pagu {kode} kosong di Rencana Aksi; di sheet Realisasi {expected}: rencana triwulan tidak dapat diperiksa",
     "the budget of {kode} is blank in the action plan; {expected} on the Realisasi sheet: the quarterly plan "
     "cannot be checked"),
    ("BUD026", "warning", "Jenis belanja sebagian kosong", "Economic class partly blank",
     "{m} dari {n} sub kegiatan tidak berjenis belanja ({cells}): baris jenis belanja di sheet Belanja tidak "
     "dapat dicocokkan dengan sub kegiatannya",
     "{m} of {n} sub-activities have no economic class ({cells}): the class rows of the Belanja sheet cannot "
     "be matched to their sub-activities"),
    ("BUD027", "info", "Jenis belanja tidak dicocokkan", "Economic classes not matched",
     "tidak satu pun dari {n} sub kegiatan berjenis belanja (kolom Jenis Belanja di sheet Realisasi, boleh "
     "kosong): baris jenis belanja hanya diperiksa antarsesamanya dan jumlahnya dengan program, tidak dengan "
     "sub kegiatannya",
     "none of the {n} sub-activities has an economic class (column Economic class on Realisasi, optional): "
     "the class rows are checked among themselves and their total against the programmes, not against "
     "their sub-activities"),
    ("BUD030", "warning", "Jenis belanja tidak dikenal", "Unknown economic class",
     "baris '{found}' bukan salah satu jenis belanja (yang paling mirip: {expected}); angkanya tidak dijumlahkan ke mana pun",
     "the row '{found}' is none of the economic classes (the closest: {expected}); its amounts are added nowhere"),
    ("BUD031", "warning", "Pagu perubahan ditulis strip", "Revised budget typed as a dash",
     "pagu perubahan '{found}' dibaca 0 (nihil), di samping pagu murni {expected}: bila tidak ada perubahan, kosongkan "
     "sel ini (pagu murni yang berlaku)",
     "the revised budget '{found}' is read as 0 (nil), beside an original budget of {expected}: if there was no "
     "revision, leave the cell blank (the original budget counts)"),
    ("BUD032", "error", "Sheet dalam ribuan rupiah?", "Sheet in thousands of rupiah?",
     "angka di sheet ini tampaknya ditulis dalam {unit}: {factor} × lebih kecil daripada di {others} "
     "({example}); tulis dalam rupiah penuh, seperti judul kolomnya (Rp)",
     "the amounts on this sheet look typed in {unit}: {factor} × smaller than on {others} "
     "({example}); type them in full rupiah, as the column header says (Rp)"),
    ("BUD035", "error", "Baris ditambahkan, jumlahnya belum diperbarui", "Row added, the totals not updated",
     "baris {found} ditambahkan, tetapi jumlah yang mencakupnya belum diperbarui: {cells} berselisih tepat sebesar "
     "angka baris ini; perbarui jumlah itu (atau hapus baris ini bila tidak termasuk)",
     "row {found} was added, but the totals that include it were not updated: {cells} differ by exactly this "
     "row's amounts; update those totals (or delete the row if it does not belong)"),
    ("BUD038", "warning", "Realisasi anggaran sama dengan tahun lalu", "Spending is last year's",
     "realisasi (Rp) semua {n} sub kegiatan yang juga ada tahun lalu ({cells}) sama persis dengan realisasi di buku "
     "kerja tahun lalu: sheet Realisasi tahun lalu disalin dan realisasinya belum diganti? Isi realisasi tahun ini",
     "the spending (Rp) of all {n} sub kegiatan also there last year ({cells}) is exactly last year's workbook's: "
     "was last year's Realisasi sheet copied with its spending left in? Type this year's spending"),
    ("BUD033", "info", "Kode berupa nomor urut", "Codes are row numbers",
     "kolom Kode berisi nomor urut tiap tingkat (seperti tabel laporan): kode lengkap {n} baris disusun dari "
     "nomor itu dan kolom Tingkat ({example}); kode di PK dan Rencana Aksi dicocokkan dengan kode lengkap itu",
     "the Kode column holds each level's row numbers (as report tables do): the full codes of {n} rows are made "
     "from those numbers and the Tingkat column ({example}); the PK's and the Rencana Aksi's codes are matched "
     "with them"),
    ("BUD034", "error", "Baris rincian hilang?", "A child row missing?",
     "{kode} lebih besar daripada jumlah {n} rinciannya di setiap kolom yang berselisih (kurang {lacking}): "
     "ada baris rincian yang terhapus atau belum diisi? Kembalikan baris itu, atau perbaiki angka {kode}",
     "{kode} is more than the sum of its {n} child rows in every column that differs (short by {lacking}): "
     "a child row deleted or never typed in? Put that row back, or correct {kode}'s amounts"),
    ("BUD036", "warning", "Kode Rencana Aksi berupa nomor urut", "Rencana Aksi codes are row numbers",
     "kolom Kode berisi nomor urut {found} (seperti kolom No tabel laporan), bukan kode program/kegiatan: angka itu "
     "terbaca sebagai kode program (2 = program 02) dan pagunya dibandingkan dengan program yang salah. Menurut "
     "uraiannya kodenya {expected}; isikan kode itu (pemeriksaan ini memakai kode menurut uraian){unnamed}",
     "the Kode column holds the row numbers {found} (as a report table's No column), not programme/kegiatan codes: "
     "those numbers read as programme codes (2 = programme 02) and their budgets were compared with the wrong "
     "programme's. By their names the codes are {expected}; type those codes (this check uses the codes the names "
     "give){unnamed}"),
    ("BUD037", "error", "Baris di bawah TOTAL", "Row below the TOTAL",
     "baris {found} diketik di bawah baris TOTAL (baris {total}), di luar tabel yang dijumlahkannya{update}: pindahkan "
     "baris ini ke atas TOTAL, ke tempatnya menurut kode",
     "row {found} is typed below the TOTAL row (row {total}), outside the table it adds up{update}: move this row "
     "above the TOTAL, to its place by its code"),
    ("BUD029", "error", "Jumlah program/kegiatan salah", "Programme or kegiatan subtotal wrong",
     "jumlah {field} {kode} seharusnya {expected}, tertulis {found}",
     "the subtotal {field} of {kode} should be {expected}, found {found}"),
    ("BUD028", "warning", "Kode tidak ada di sheet Realisasi", "Code not on the Realisasi sheet",
     "kode {found} tidak ada di sheet Realisasi: pagunya tidak dapat dibandingkan (kode nasional di satu sheet "
     "dan kode pendek di sheet lain?)",
     "code {found} is on no row of the Realisasi sheet: its budget cannot be compared (a national code on one "
     "sheet and a short one on another?)"),
    ("BUD023", "warning", "Realisasi triwulan melebihi pagu", "Quarterly spending above budget",
     "realisasi {kode} sampai TW {tw}, {found}, melebihi pagu sampai TW {tw}, {expected}",
     "spending of {kode} up to Q{tw} is {found}, above the budget planned up to Q{tw}, {expected}"),
    # ---- kinerja
    ("KIN001", "error", "Capaian salah", "Wrong achievement",
     "capaian seharusnya {expected} % ({formula}), tertulis {found} %",
     "achievement should be {expected} % ({formula}), found {found} %"),
    ("KIN002", "warning", "Nilai kinerja dipotong", "Performance value truncated",
     "{name} {found}{unit} adalah {expected}{unit} yang dipotong, bukan dibulatkan (bila kantor memang memotong, "
     "pilih 'pemotongan' di Identitas)",
     "{name} {found}{unit} is {expected}{unit} truncated, not rounded (if the office truncates on purpose, choose "
     "the value 'pemotongan' (truncate) in the list of Pembulatan tampilan on Identitas)"),
    ("KIN003", "error", "Kriteria salah", "Wrong rating",
     "kriteria seharusnya '{expected}' menurut skala {scale}, tertulis '{found}'",
     "rating should be '{expected}' on the {scale} scale, found '{found}'"),
    ("KIN004", "error", "Huruf predikat ≠ angka", "Grade letter ≠ number",
     "predikat {found} tidak sesuai dengan angka {number} (seharusnya {expected})",
     "grade {found} does not match the number {number} (should be {expected})"),
    ("KIN005", "warning", "Target hanya huruf", "Letter-only target",
     "target hanya berupa huruf ({found}); capaian angka tidak dapat dihitung",
     "the target is only a letter ({found}); no numeric achievement can be computed"),
    ("KIN006", "error", "Target nol", "Target is zero", "target 0: {what} tidak dapat dihitung",
     "target is 0: {what} cannot be computed"),
    ("KIN007", "warning", "Realisasi belum diisi", "Actual missing",
     "realisasi {name} belum diisi (kosong berarti belum dilaporkan)",
     "actual of {name} is blank (blank means not reported)"),
    ("KIN008", "error", "Triwulan ≠ target tahunan", "Quarters ≠ annual target",
     "{rule}: hasil triwulan {expected} ≠ target tahunan {found}",
     "{rule}: quarters give {expected}, annual target is {found}"),
    ("KIN009", "error", "Target kumulatif menurun", "Cumulative target decreases",
     "target kumulatif turun dari {expected} ke {found}", "cumulative target falls from {expected} to {found}"),
    ("KIN010", "error", "Capaian keluaran salah", "Wrong output achievement",
     "capaian keluaran seharusnya {expected} % ({detail}), tertulis {found} %",
     "output achievement should be {expected} % ({detail}), found {found} %"),
    ("KIN011", "error", "Realisasi IKM ≠ SKM", "IKM actual ≠ SKM sheet",
     "realisasi IKM {found}, IKM dari sheet SKM {expected}", "IKM actual {found}, IKM from the SKM sheet {expected}"),
    ("KIN012", "error", "Realisasi tahun lalu berbeda", "Last year's actual differs",
     "realisasi tahun lalu {found}, di buku kerja tahun lalu {expected}{copied_from}",
     "last year's actual {found}, last year's workbook says {expected}{copied_from}"),
    ("KIN013", "error", "Realisasi komposit salah", "Wrong composite actual",
     "realisasi seharusnya {expected} (rata-rata {n} komponen), tertulis {found}",
     "actual should be {expected} (mean of {n} components), found {found}"),
    ("KIN014", "error", "Target Rencana Aksi ≠ PK", "Action-plan target ≠ PK",
     "target tahunan {found}, target PK {expected}", "annual target {found}, PK target {expected}"),
    ("KIN015", "warning", "Kode indikator tidak dikenal", "Unknown indicator code",
     "kode indikator {found} tidak ada di sheet PK", "indicator code {found} is not on the PK sheet"),
    ("KIN016", "warning", "Kode program tidak dikenal", "Unknown programme code",
     "kode program {found} tidak ada di tabel program", "programme code {found} is not in the programme table"),
    ("KIN017", "warning", "Efisiensi tanpa belanja", "Efficiency without spending",
     "program {kode} tanpa belanja dan tanpa keluaran: bukan efisien 100 %",
     "programme {kode} has no spending and no output: not 100 % efficient"),
    ("KIN018", "error", "Realisasi triwulan ≠ realisasi PK", "Quarterly actuals ≠ PK actual",
     "{rule}: hasil realisasi triwulan {expected} ≠ realisasi PK {found}",
     "{rule}: quarterly actuals give {expected}, the PK actual is {found}"),
    ("KIN019", "error", "Komponen tanpa penyebut", "Component with no denominator",
     "penyebut komponen '{komponen}' adalah 0: realisasi komposit {kode} tidak dapat dihitung",
     "the denominator of component '{komponen}' is 0: the composite actual of {kode} cannot be computed"),
    ("KIN026", "warning", "Komponen kosong", "Component left blank",
     "komponen '{komponen}' kosong: realisasi komposit {kode} yang tertulis tidak dapat diperiksa",
     "component '{komponen}' is blank: the composite actual typed for {kode} cannot be verified"),
    ("KIN027", "warning", "Realisasi predikat di bawah target", "Grade below the target grade",
     "realisasi predikat {found}, target predikat {expected}: {verdict} (capaian angka tidak dihitung)",
     "actual grade {found}, target grade {expected}: {verdict_en} (no numeric achievement)"),
    ("KIN029", "warning", "Capaian T/R tidak dapat dihitung", "T/R achievement cannot be computed",
     "realisasi 0 untuk indikator turun: rumus T/R di Identitas tidak dapat membagi dengan 0, capaian tidak "
     "dihitung (rumus (2T−R)/T memberi {expected} %); tulis capaiannya sesuai kebijakan dan jelaskan",
     "an actual of 0 for an indicator whose Arah is 'turun' (lower is better): the T/R formula chosen on Identitas "
     "cannot divide by 0, no achievement is computed ((2T−R)/T gives {expected} %); state the achievement your "
     "policy gives and explain it"),
    ("KIN030", "info", "Tahun belum lengkap", "Year not complete",
     "Rencana Aksi berisi realisasi sampai TW {found}{ahead}: tahun belum lengkap; realisasi anggaran dibaca sebagai "
     "realisasi s.d. TW {found}, program yang belum berbelanja tidak dinilai (KIN017), dan lampiran menandai "
     "tabel realisasinya \"s.d. TW {found}\"",
     "the Rencana Aksi holds actuals up to quarter {found}{ahead}: the year is not complete; spending is read as spending up "
     "to quarter {found}, a programme that has spent nothing yet is not judged (KIN017), and the annex marks its "
     "tables of actuals \"up to quarter {found}\""),
    ("KIN031", "warning", "Realisasi sama dengan tahun lalu", "Actuals are last year's",
     "realisasi semua {n} indikator ({cells}) sama persis dengan {source}: berkas tahun lalu "
     "disalin dan realisasinya belum diganti? Kosongkan realisasi yang belum diukur tahun ini",
     "the actuals of all {n} indicators ({cells}) are exactly {source}: was last year's file copied with "
     "its actuals left in? Clear the actuals not measured this year"),
    ("KIN032", "error", "Realisasi tahun lalu belum digeser", "Last year's actual not shifted",
     "realisasi tahun lalu {found} adalah realisasi {old} ({old_cell}), bukan realisasi {tahun} ({cell}: {expected}): "
     "berkas tahun lalu disalin dan kolom ini belum diganti? Isi realisasi {tahun}",
     "last year's actual {found} is the actual of {old} ({old_cell}), not of {tahun} ({cell}: {expected}): was last "
     "year's file copied with this column left as it was? Type the actual of {tahun}"),
    ("KIN033", "warning", "Target nol tercapai", "Target of zero met",
     "target 0 dan realisasi 0 untuk indikator turun: target tercapai, tetapi {what} (%) tidak dapat dihitung "
     "(dibagi 0) dan lembar kerja mengosongkannya; tulis di narasi bahwa target tercapai",
     "a target of 0 and an actual of 0 for an indicator whose Arah is 'turun' (lower is better): the target is met, "
     "but {what} (%) cannot be computed (division by 0) and the sheet leaves it blank; say in the narrative "
     "that the target is met"),
    ("KIN034", "warning", "Batas target melawan arah", "Target bound against the arah",
     "target ditulis sebagai batas {found}, tetapi arah indikator ini '{arah}' ({arah_cell}): batas bawah (≥) "
     "untuk indikator 'naik', batas atas (≤) untuk 'turun'; bila arahnya benar, targetnya {expected}, bila "
     "tidak, perbaiki arah di {arah_cell}",
     "the target is written as the bound {found}, but this indicator's arah is '{arah}' ({arah_cell}): a lower "
     "bound (≥) goes with 'naik', an upper bound (≤) with 'turun'; if the arah is right the target is {expected}, "
     "if not, correct the arah in {arah_cell}"),
    ("KIN035", "warning", "Realisasi negatif indikator turun", "Negative actual of a 'turun' indicator",
     "realisasi {found} negatif untuk indikator turun: bila ini penurunannya (turun {drop}), isi nilai yang "
     "dicapai, bukan selisihnya; dengan realisasi negatif capaian ({formula}) menjadi {capaian} %. Bila nilainya "
     "memang negatif (inflasi, pertumbuhan), jelaskan capaian itu di narasi",
     "the actual {found} is negative for an indicator whose Arah is 'turun' (lower is better): if it is the decrease "
     "(down {drop}), type the value reached, not the difference; with a negative actual the achievement ({formula}) "
     "is {capaian} %. If the value really is negative (inflation, growth), explain that achievement in the narrative"),
    ("KIN028", "error", "Realisasi huruf untuk target angka", "Letter actual for a number target",
     "realisasi berupa huruf {found} sedangkan targetnya {expected}: capaian tidak dapat dihitung; isi angka realisasinya",
     "the actual is the letter {found} while the target is {expected}: no achievement can be computed; type the "
     "actual's number"),
    # ---- the report document against the workbook (lkjip-xl check LAPORAN.docx --workbook DATA.xlsx)
    ("DOC001", "error", "Angka laporan ≠ buku kerja", "Report number ≠ workbook",
     "{what_id}: buku kerja {expected} ({source}), laporan menulis {found}{hint_id}",
     "{what_en}: the workbook has {expected} ({source}), the report prints {found}{hint_en}"),
    ("DOC002", "error", "Laporan mengulang angka buku kerja yang salah", "Report repeats a wrong workbook value",
     "{what_id}: laporan menulis {found} seperti yang diketik di {typed_at}, tetapi hasil hitung ulang "
     "buku kerja {expected}{hint_id}",
     "{what_en}: the report prints {found} as typed at {typed_at}, but the workbook recomputes {expected}{hint_en}"),
    ("DOC003", "warning", "Buku kerja memuat dua angka untuk hal yang sama", "Workbook holds two values for it",
     "{what_id}: laporan menulis {found} seperti {typed_at}, tetapi buku kerja memuat angka berbeda: {others}",
     "{what_en}: the report prints {found} as at {typed_at}, but the workbook holds different values: {others}"),
    ("DOC004", "info", "Capaian di laporan dipotong", "Report achievement truncated",
     "{what_id}: {found} adalah {expected} yang dipotong, bukan dibulatkan",
     "{what_en}: {found} is {expected} truncated, not rounded"),
    ("DOC005", "warning", "Angka salah tulis", "Malformed number",
     "angka {number} salah format{reading}", "number {number} is malformed{reading}"),
    ("DOC006", "warning", "Tahun anggaran berbeda", "Budget year differs",
     "{kind} {found}, buku kerja untuk tahun {expected}",
     "{kind} {found}, the workbook is for {expected}"),
    ("DOC007", "error", "Terbilang ≠ angka", "Amount in words ≠ digits",
     "terbilang '{words}' bernilai {expected}, angkanya {found}",
     "the words '{words}' say {expected}, the digits {found}"),
    ("DOC008", "warning", "Terbilang tidak dapat dibaca", "Amount in words unreadable",
     "terbilang '{words}' bukan bilangan yang utuh (kata ribu/juta/miliar hilang?); angkanya {found}",
     "the words '{words}' are not a well-formed number (a ribu/juta/miliar missing?); the digits say {found}"),
    ("DOC009", "info", "Tabel dengan angka lain", "Table of other amounts",
     "{found} dari {n} jumlah uang di tabel ini berbeda dengan buku kerja: tabel ini memuat angka lain (mis. "
     "bagian seorang pejabat dalam PK berjenjang); tidak dibandingkan satu per satu",
     "{found} of the {n} amounts of this table differ from the workbook: it holds other amounts (e.g. one "
     "official's share in a cascaded PK); they are not compared one by one"),
    ("DOC010", "info", "Gambar tidak dibaca", "Picture not read",
     "gambar selebar {width} cm: bila memuat tabel atau grafik, angkanya tidak dibaca dan tidak diperiksa "
     "(tempel tabelnya sebagai tabel, bukan gambar)",
     "a picture {width} cm wide: if it holds a table or chart, its numbers are not read nor checked (paste the "
     "table as a table, not as a picture)"),
    ("DOC011", "warning", "Teks dicoret di PDF", "Struck-through text in the PDF",
     "teks dicoret: {found}; PDF ini tampaknya dicetak dengan perubahan terlacak ditampilkan (teks lama dicoret "
     "di samping teks baru); teks yang dicoret tidak dibaca; cetak ulang dengan perubahan diterima atau tanpa markah",
     "struck-through text: {found}; the PDF seems printed with tracked changes shown (the old text struck through "
     "beside the new); the struck text is not read; print it again with the changes accepted, or with no markup"),
    ("KIN020", "error", "Sel penyebab selisih", "Cell causing a difference",
     "nilai ini membuat {cells} tidak cocok: dengan {expected} (tertulis {found}) semuanya cocok",
     "this value makes {cells} disagree: with {expected} (found {found}) they all agree"),
    ("KIN025", "error", "Nilai komponen salah", "Wrong component value",
     "nilai komponen seharusnya {expected} % ({detail}), tertulis {found} %",
     "the component's value should be {expected} % ({detail}), found {found} %"),
    ("KIN021", "warning", "Capaian tidak wajar", "Implausible achievement",
     "{name} {found} % jauh di luar yang wajar ({expected}): periksa {cells}",
     "{name} of {found} % is far outside what is plausible ({expected}): check {cells}"),
    ("KIN022", "warning", "Nilai di luar skala indikator", "Value off the indicator's scale",
     "{name} {found} tidak sebanding dengan nilai lain indikator ini (sekitar {expected}): salah ketik?",
     "{name} {found} is not on the scale of this indicator's other values (about {expected}): a slip?"),
    ("KIN023", "warning", "Mirip salah ketik", "Looks like a typing slip",
     "{name} {found} berbeda dari {other} {expected} seperti salah ketik",
     "{name} {found} differs from the {other} {expected} the way a typing slip would"),
    ("KIN024", "warning", "Nilai triwulan tidak menuju nilai tahunan", "Quarter off the way to the annual figure",
     "nilai TW {tw}, {found}, tidak sebanding dengan nilai tahunan {expected}, atau menjauhinya",
     "the Q{tw} value {found} is off the scale of the annual figure {expected}, or moves away from it"),
    # ---- formulas
    ("FRM001", "warning", "Rumus ditimpa", "Formula overwritten",
     "sel rumus ditimpa dengan nilai ketikan {found}{unit}{same}",
     "a formula cell was overwritten with the typed value {found}{unit}{same}"),
    ("FRM002", "error", "Hasil rumus usang", "Stale formula result",
     "hasil tersimpan {found} ≠ hitung ulang {expected}{why}", "stored result {found} ≠ recomputed {expected}{why}"),
    ("FRM003", "error", "Rentang SUM tidak lengkap", "SUM range skips rows",
     "rumus {formula} tidak mencakup baris {missing}", "formula {formula} leaves out row(s) {missing}"),
    ("FRM004", "warning", "Rumus hilang", "Formula missing",
     "sel rumus kosong; seharusnya {expected}", "the formula cell is empty; it should be {expected}"),
    ("FRM005", "warning", "Berkas disimpan tanpa hitung ulang", "File saved without calculation",
     "{n} sel rumus tidak berisi hasil ({cells}): berkas disimpan oleh program yang tidak menghitung rumus; "
     "buka dan simpan ulang di Excel atau LibreOffice. lkjip-xl menghitung semuanya sendiri",
     "{n} formula cells hold no result ({cells}): the file was saved by a program that does not calculate; "
     "open and save it again in Excel or LibreOffice. lkjip-xl computes everything itself"),
    ("FRM006", "warning", "Rumus tidak menghitung target rentang", "Formula does not compute a range target",
     "sel rumus kosong untuk target rentang {target}: rumus templat lama, atau program tanpa fungsi NUMBERVALUE "
     "(Excel 2010, Gnumeric); lkjip-xl menghitung {expected}. 'lkjip-xl rapikan' menulis rumus yang menghitungnya",
     "the formula cell is blank for the range target {target}: an older template's formula, or a program without "
     "the NUMBERVALUE function (Excel 2010, Gnumeric); lkjip-xl computes {expected}. 'lkjip-xl rapikan' writes "
     "the formula that computes it"),
    ("FRM009", "warning", "Teks menimpa rumus", "Text typed over a formula",
     "teks '{found}' diketik menimpa rumus templat sel ini (rumusnya memberi {expected}): pulihkan "
     "rumusnya, bukan mengetik ulang angkanya; {mend}",
     "the text '{found}' was typed over this cell's template formula (the formula gives {expected}): restore "
     "the formula rather than retype the number; {mend}"),
    ("FRM008", "warning", "Rumus membaca berkas lain", "Formula reads another file",
     "rumus ini membaca berkas lain ({file}{more}): nilainya diambil dari berkas itu saat "
     "terakhir dihitung, dan berubah atau menjadi #REF! bila berkas itu berubah, dipindah atau tidak ada di komputer "
     "lain; salin sel-selnya lalu Tempel Spesial > Nilai saja, atau ketik nilainya",
     "this formula reads another file ({file}{more}): its value is what that file held "
     "when it was last computed, and changes or becomes #REF! when that file changes, moves or is not on another "
     "computer; copy the cells and Paste Special > Values only, or type the values"),
    ("FRM007", "warning", "Rumus templat lama", "Earlier template's formula",
     "sel ini memakai rumus templat lama, yang memberi {found}; rumus templat sekarang memberi {expected} (misalnya "
     "untuk '-' atau target rentang). 'lkjip-xl rapikan' menggantinya",
     "this cell holds an earlier template's formula, which gives {found}; the current template's gives {expected} "
     "(for a '-' or a range target, for example). 'lkjip-xl rapikan' replaces it"),
    # ---- scales
    ("SCL001", "error", "Skala berlubang", "Scale has a gap",
     "skala {scale}: ada celah antara {detail}", "scale {scale}: gap between {detail}"),
    ("SCL002", "error", "Skala tumpang tindih", "Scale overlaps",
     "skala {scale}: tumpang tindih antara {detail}", "scale {scale}: overlap between {detail}"),
    ("SCL003", "error", "Skala tidak ada", "Scale not found",
     "skala '{found}' yang dipilih tidak ada di sheet Skala", "the chosen scale '{found}' is not on the Skala sheet"),
    ("SCL004", "error", "Baris skala tidak sah", "Invalid scale row",
     "skala {scale}: baris '{found}' tidak dapat dipakai ({detail})",
     "scale {scale}: row '{found}' cannot be used ({detail})"),
    ("SCL005", "warning", "Kantor memotong, Identitas membulatkan", "The office truncates, Identitas rounds",
     "{n} nilai yang diketik dipotong pada presisinya ({cells}) dan tidak ada yang dibulatkan: bila kantor memang "
     "memotong, pilih 'pemotongan' di Identitas (sekarang '{found}')",
     "{n} typed values are truncated at their precision ({cells}) and none is rounded: if the office truncates "
     "on purpose, choose the value 'pemotongan' (truncate) in the list of Pembulatan tampilan on Identitas (now "
     "'{found}')"),
    # ---- SKM (PermenPAN-RB 14/2017; docs/skm.md)
    ("SCL006", "error", "Batas skala salah ketik", "Scale bound mistyped",
     "batas ini membuat {cells} tidak cocok: dengan {expected} (tertulis {found}) semuanya cocok",
     "this bound makes {cells} disagree: with {expected} (found {found}) they all agree"),
    ("SCL007", "warning", "Capaian tanpa kriteria", "Achievement without a rating",
     "capaian {capaian} % {why} pada skala {scale}: kriteria kosong di sheet dan di lampiran",
     "achievement {capaian} % {why} on the {scale} scale: the rating is blank in the sheet and in the annex"),
    ("SKM001", "error", "Jawaban di luar 1–4", "Answer outside 1–4",
     "jawaban {found} untuk {unsur} di luar skala 1–4; tidak dihitung",
     "answer {found} to {unsur} is outside the 1–4 scale; left out"),
    ("SKM002", "error", "Jawaban berupa teks", "Answer is text",
     "jawaban '{found}' untuk {unsur} bukan angka 1–4 atau huruf a–d; tidak dihitung",
     "answer '{found}' to {unsur} is not 1–4 or a–d; left out"),
    ("SKM003", "warning", "Jawaban kosong", "Answers missing",
     "responden baris {row} tidak menjawab {count} unsur ({unsur}); unsur itu dihitung tanpa responden ini",
     "the respondent on row {row} left {count} element(s) unanswered ({unsur}); they are computed without "
     "this respondent"),
    ("SKM004", "error", "Skala 5 terdeteksi", "5-point scale detected",
     "{count} jawaban bernilai 5 (yang pertama di sel ini): SKM memakai skala 1–4; jawaban 5 tidak "
     "dikonversi dan tidak dihitung",
     "{count} answer(s) of 5 (the first in this cell): SKM uses a 1–4 scale; answers of 5 are not rescaled "
     "and are left out"),
    ("SKM005", "warning", "Responden kurang dari sampel minimum", "Fewer respondents than the minimum sample",
     "{found} responden sah, kurang dari sampel minimum {expected} untuk populasi {populasi} "
     "(Krejcie–Morgan); tidak ada data yang dibuang",
     "{found} valid respondents, fewer than the minimum sample of {expected} for a population of "
     "{populasi} (Krejcie–Morgan); no data is dropped"),
    ("SKM006", "error", "Nama unsur tidak dikenal", "Unknown element name",
     "'{found}' tidak cocok dengan unsur SKM mana pun (U1..U9 PermenPAN-RB 14/2017)",
     "'{found}' matches no SKM element (U1..U9 of PermenPAN-RB 14/2017)"),
    ("SKM007", "error", "Unsur ganda", "Element named twice",
     "unsur {unsur} sudah dinyatakan di {other}; satu unsur hanya satu kolom",
     "element {unsur} is already declared at {other}; one column per element"),
    ("SKM008", "error", "IKM tidak dapat dihitung", "IKM cannot be computed",
     "unsur {unsur} tidak punya jawaban sah maupun ringkasan; IKM tidak dapat dihitung{detail}",
     "element {unsur} has no valid answer and no summary; the IKM cannot be computed{detail}"),
    ("SKM009", "error", "NRR di luar 1–4", "NRR outside 1–4",
     "NRR {found} di luar rentang 1,00–4,00 (kuesioner skala lain?)",
     "NRR {found} is outside 1.00–4.00 (a questionnaire on another scale?)"),
    ("SKM010", "error", "NRR bukan kelipatan 1/n", "NRR not a multiple of 1/n",
     "NRR {found} tidak mungkin dari {n} jawaban bernilai bulat 1–4 (bukan kelipatan 1/{n})",
     "NRR {found} cannot come from {n} whole answers of 1–4 (not a multiple of 1/{n})"),
    ("SKM011", "error", "NRR diketik ≠ hitung ulang", "Typed NRR ≠ recomputed",
     "NRR dari data seharusnya {expected}, tertulis {found}",
     "the data give an NRR of {expected}, found {found}"),
    ("SKM012", "error", "Jumlah nilai tidak mungkin", "Impossible sum of answers",
     "jumlah nilai {found} tidak mungkin dari {n} jawaban bernilai 1–4",
     "a sum of {found} is impossible from {n} answers of 1–4"),
    ("SKM013", "error", "Ringkasan ≠ data responden", "Summary ≠ respondent rows",
     "{name} tertulis {found}, dari data responden {expected}",
     "{name} is {found}; the respondent rows give {expected}"),
    ("SKM014", "error", "IKM diketik ≠ hitung ulang", "Typed IKM ≠ recomputed",
     "{name} seharusnya {expected}, tertulis {found}", "{name} should be {expected}, found {found}"),
    ("SKM015", "error", "Mutu diketik ≠ hitung ulang", "Typed grade ≠ recomputed",
     "{name} seharusnya '{expected}', tertulis '{found}'", "{name} should be '{expected}', found '{found}'"),
    ("SKM016", "warning", "IKM dekat batas mutu", "IKM near a grade boundary",
     "IKM sebelum pembulatan {found} berjarak tidak lebih dari 0,05 dari batas mutu {boundary}: mutu {mutu} "
     "bergantung pada pembulatan (mis. dicetak dengan satu desimal)",
     "the unrounded IKM {found} lies within 0.05 of the grade boundary {boundary}: grade {mutu} depends on "
     "rounding (printed with one decimal, for one)"),
    ("SKM017", "info", "Bobot lama 0,111", "Legacy 0.111 weight",
     "IKM dihitung dengan bobot lama 0,111: {found}; dengan bobot tepat 1/9: {expected}",
     "IKM computed with the legacy 0.111 weight: {found}; with the exact 1/9 weight: {expected}"),
    ("SKM018", "warning", "Nilai SKM dipotong", "SKM value truncated",
     "{name} {found}{unit} adalah {expected}{unit} yang dipotong, bukan dibulatkan (bila kantor memang memotong, "
     "pilih 'pemotongan' di Identitas)",
     "{name} {found}{unit} is {expected}{unit} truncated, not rounded (if the office truncates on purpose, choose "
     "the value 'pemotongan' (truncate) in the list of Pembulatan tampilan on Identitas)"),
    ("SKM019", "error", "Label jawaban tidak dikenal", "Unknown answer label",
     "jawaban '{found}' untuk {unsur} bukan pilihan unsur ini ({expected}); tidak dihitung{hint}",
     "answer '{found}' to {unsur} is none of this element's options ({expected}); left out{hint}"),
    ("SKM020", "error", "Label dari skala unsur lain", "Label of another element's scale",
     "jawaban '{found}' untuk {unsur} adalah pilihan {other}, bukan pilihan unsur ini ({expected}): kolom "
     "tertukar atau pilihan formulir keliru; tidak dihitung{hint}",
     "answer '{found}' to {unsur} is an option of {other}, not of this element ({expected}): swapped columns "
     "or wrong form options; left out{hint}"),
    ("SKM021", "error", "Kode pilihan ≠ label", "Option code ≠ label",
     "jawaban '{found}' untuk {unsur}: kode pilihan bernilai {code}, labelnya bernilai {expected}; tidak dihitung",
     "answer '{found}' to {unsur}: the option code means {code}, its label means {expected}; left out"),
    ("SKM022", "error", "Label dengan dua nilai", "Label with two scores",
     "label '{found}' untuk {unsur} sudah bernilai {expected} di {other}; satu label hanya satu nilai, "
     "label ini tidak dipakai",
     "label '{found}' for {unsur} already means {expected} at {other}; one label, one score: this one is not used"),
    ("SKM023", "error", "Label tidak sah", "Invalid label",
     "'{found}' tidak dapat menjadi label (kosong, angka, atau kode pilihan 1–4/a–d yang selalu berarti "
     "nilainya sendiri); tidak dipakai",
     "'{found}' cannot be a label (blank, a number, or an option code 1–4/a–d, which always means its own "
     "score); not used"),
    ("SKM024", "warning", "Tanggal responden tidak terbaca", "Respondent's date unreadable",
     "tanggal {why} ({found}): responden ini dihitung untuk IKM setahun, tidak untuk periode mana pun",
     "date {why_en} ({found}): this respondent counts for the year's IKM, not for any period"),
    ("SKM025", "info", "Urutan hari/bulan diasumsikan", "Day/month order assumed",
     "semua tanggal di kolom ini bisa dibaca hari/bulan maupun bulan/hari; dibaca hari/bulan (kebiasaan "
     "Indonesia)",
     "every date in this column reads as day/month and as month/day; read as day/month (the Indonesian "
     "convention)"),
    ("SKM026", "warning", "Periode kurang dari sampel minimum", "Period below the minimum sample",
     "{period}: {found} responden sah, kurang dari sampel minimum {expected} untuk populasi periode {populasi} "
     "(populasi setahun dibagi rata per bulan; Krejcie–Morgan); tidak ada data yang dibuang",
     "{period_en}: {found} valid respondents, fewer than the minimum sample of {expected} for a period "
     "population of {populasi} (the year's population spread evenly over the months; Krejcie–Morgan); no data "
     "is dropped"),
    ("SKM027", "warning", "Periode tidak dapat dihitung", "Periods cannot be computed",
     "IKM per {scheme} diminta, tetapi tidak ada tanggal responden yang terbaca (kolom Timestamp/Tanggal); "
     "hanya IKM setahun yang dihitung",
     "IKM per {scheme_en} was asked for, but no respondent's date can be read (a Timestamp/Tanggal column); "
     "only the year's IKM is computed"),
    ("SKM028", "warning", "Nama unsur salah ketik", "Element name misspelled",
     "nama unsur '{found}' dibaca sebagai {expected}; perbaiki ejaannya",
     "the element name '{found}' is read as {expected}; correct its spelling"),
    ("SKM029", "warning", "Nama unsur tidak dikenal", "Element name unknown",
     "nama unsur '{found}' tidak dikenal; kolom ini dihitung sebagai {expected} menurut urutannya",
     "the element name '{found}' is unknown; this column is counted as {expected} by its place"),
    ("SKM032", "warning", "Label hanya terbaca lkjip-xl", "Label read by lkjip-xl only",
     "jawaban '{found}' untuk {unsur} dihitung lkjip-xl sebagai {expected}, tetapi rumus skor sheet tidak "
     "membacanya (rumus hanya membaca label persis, tanpa tanda baca atau kode pilihan), sehingga NRR di sheet "
     "berbeda; ketik labelnya saja, mis. '{label}', atau angkanya",
     "answer '{found}' to {unsur} is counted by lkjip-xl as {expected}, but the sheet's score formula does not "
     "read it (it reads the exact label only, without punctuation or an option code), so the sheet's NRR "
     "differs; type the label alone, e.g. '{label}', or its number"),
    ("SKM033", "warning", "Label tak terbaca rumus sheet", "Labels unread by the sheet's formula",
     "{count} jawaban berupa label di kolom {column} (yang pertama di {first}) dihitung lkjip-xl sebagai {unsur}, "
     "tetapi tidak oleh rumus skor sheet SKM, sehingga NRR di sheet berbeda: rumus itu {why} (nama unsur "
     "'{found}')",
     "{count} label answer(s) in column {column} (the first at {first}) are counted by lkjip-xl as {unsur} but not "
     "by the SKM sheet's score formula, so the sheet's NRR differs: the formula {why_en} (element name "
     "'{found}')"),
    ("SKM034", "info", "Kolom isian bebas", "Free-text column",
     "kolom '{found}' dibaca sebagai isian bebas (kritik/saran), bukan jawaban unsur {unsur}: tidak dihitung",
     "column '{found}' is read as free text (comments/suggestions), not as answers to {unsur}: not counted"),
    ("SKM036", "info", "Jawaban angka tersimpan sebagai teks", "Answers stored as text",
     "{count} jawaban angka tersimpan sebagai teks (yang pertama '{found}' di sel ini): rumus Skor sheet ini "
     "menghitungnya seperti lkjip-xl (di sini {expected}), sehingga NRR dan IKM tidak terpengaruh; tidak perlu "
     "diubah",
     "{count} numeric answer(s) stored as text (the first, '{found}', in this cell): this sheet's Score formula "
     "counts them as lkjip-xl does ({expected} here), so the NRR and IKM are unaffected; no change is needed"),
    ("SKM035", "warning", "Kolom pertanyaan tidak dipakai", "Question column not used",
     "kolom '{found}' tampak seperti pertanyaan survei, tetapi judulnya tidak terbaca sebagai satu unsur{named}; "
     "jawabannya tidak dihitung: bila ini pertanyaan unsur, ganti judulnya dengan kode atau nama unsurnya "
     "(mis. 'U8' atau 'Penanganan Pengaduan')",
     "column '{found}' looks like a survey question, but its header reads as no single element{named}; its "
     "answers are not counted: if it is an element's question, give it the element's code or name as header "
     "(e.g. 'U8' or 'Penanganan Pengaduan')"),
    ("SKM037", "warning", "Responden tahun lalu", "Last year's respondents",
     "{count} responden bertanggal tahun {found} (baris {rows}), sebelum tahun laporan {expected} dan di luar "
     "periode survei: jawaban tahun lalu tertinggal saat berkas tahun lalu disalin? Jawaban mereka ikut dihitung "
     "dalam IKM tahun ini; hapus atau ganti dengan jawaban survei tahun ini",
     "{count} respondent(s) dated {found} (rows {rows}), before the report year {expected} and outside the survey "
     "period: last year's answers left when last year's file was copied? Their answers count in this year's IKM; "
     "delete them or replace them with this year's survey"),
    # ---- SAKIP evaluation (sheets SAKIP, SAKIP Rekomendasi)
    ("SAK001", "error", "Komponen SAKIP ≠ nilai", "SAKIP components ≠ score",
     "keempat komponen berjumlah {expected}, nilai SAKIP tertulis {found}",
     "the four components add up to {expected}, the SAKIP score is {found}"),
    ("SAK002", "error", "Predikat SAKIP ≠ nilai", "SAKIP grade ≠ score",
     "predikat seharusnya {expected} untuk nilai {nilai}, tertulis {found}",
     "the grade should be {expected} for a score of {nilai}, found {found}"),
    ("SAK003", "warning", "Rekomendasi tanpa tindak lanjut", "Recommendation without follow-up",
     "rekomendasi evaluasi SAKIP {tahun} belum diberi langkah tindak lanjut",
     "the SAKIP recommendation of {tahun} has no follow-up action"),
    ("SAK004", "warning", "Tahun SAKIP ganda", "SAKIP year twice",
     "nilai SAKIP tahun {found} diisi lebih dari sekali", "the SAKIP score of {found} is entered twice"),
    ("SAK005", "warning", "Tindak lanjut tanpa waktu", "Follow-up without a date",
     "langkah tindak lanjut tanpa waktu penyelesaian", "a follow-up action without a completion date"),
    # ---- indicators beyond the PK table (Rumusan, Rincian Komponen, Riwayat, Indikator Program)
    ("IND001", "error", "Rincian ≠ jumlah komponen", "Breakdown ≠ component total",
     "rincian komponen {komponen} berjumlah {found}, jumlah yang tertulis (penyebut) {expected}",
     "the breakdown of component {komponen} adds up to {found}, the stated total (denominator) is {expected}"),
    ("IND002", "warning", "Rincian tanpa komponen", "Breakdown of no component",
     "rincian untuk komponen {found} yang tidak ada di tabel Komponen sheet PK",
     "a breakdown of component {found}, which is not in the PK sheet's component table"),
    ("IND003", "warning", "Kode tidak dikenal", "Unknown code",
     "kode {found} tidak ada di {where}", "code {found} is not on {where_en}"),
    ("IND004", "error", "Riwayat ≠ PK", "History ≠ PK",
     "{what} {tahun} di Riwayat Indikator {found}, di sheet PK {expected}{same}",
     "{what_en} of {tahun} on the history sheet is {found}, on the PK sheet {expected}{same}"),
    ("IND005", "info", "Indikator tanpa penjelasan rumusan", "Indicator without a formula",
     "indikator {found} belum diberi penjelasan rumusan (sheet Rumusan Indikator)",
     "indicator {found} has no formula on the Rumusan Indikator sheet"),
    ("IND006", "warning", "Riwayat tanpa tahun lalu", "History without last year",
     "Riwayat Indikator memuat {kode} tahun {found}, tetapi tidak tahun {expected} (tahun sebelum laporan): tabel "
     "perbandingan kinerja di lampiran tidak memuat tahun itu untuk indikator ini; tambahkan barisnya (realisasi "
     "tahun lalu di sheet PK: {lalu})",
     "the history sheet has {kode} for {found} but not for {expected} (the year before the report): the annex's "
     "comparison table leaves that year out for this indicator; add its row (last year's actual on the PK sheet: "
     "{lalu})"),
    ("SKM031", "error", "NRR diketik menimpa rumus ≠ hitung ulang", "NRR typed over its formula ≠ recomputed",
     "{name} seharusnya {expected}, tertulis {found}", "{name} should be {expected}, found {found}"),
    ("SKM030", "warning", "Populasi lebih kecil dari responden", "Population below the respondents",
     "populasi {found} lebih kecil dari {expected} responden yang menjawab: salah ketik?",
     "the population {found} is smaller than the {expected} respondents who answered: a slip?"),
)
