"""The words of the web page, in Indonesian (default) and English. The tool's own terms
(kesalahan, peringatan, temuan, ...) come from ``lkjip_xl.glossary``."""
from __future__ import annotations

from ..glossary import term
from ..i18n import pick

TEXTS: dict[str, tuple[str, str]] = {
    "title": ("lkjip-xl — pemeriksa buku kerja LKjIP", "lkjip-xl — LKjIP workbook checker"),
    "tagline": ("Semua berjalan di komputer ini: berkas tidak dikirim ke mana pun.",
                "Everything runs on this computer: no file is sent anywhere."),
    "lang_switch": ("English", "Bahasa Indonesia"),
    "template_title": ("1. Unduh template", "1. Download the template"),
    "template_help": ("Buku kerja kosong untuk diisi. Nama unit, kabupaten/kota dan tahun langsung tertulis di "
                      "sheet Identitas.",
                      "The empty workbook to fill. The unit, regency/city and year are written on the "
                      "Identitas sheet."),
    "unit": ("Unit kerja (kecamatan/OPD)", "Unit (district office/agency)"),
    "unit_example": ("mis. Kecamatan Medan Amplas", "e.g. Kecamatan Medan Amplas"),
    "kabupaten_kota": ("Kabupaten/kota", "Regency/city"),
    "kabupaten_kota_example": ("mis. Kota Medan", "e.g. Kota Medan"),
    "tahun": ("Tahun laporan", "Report year"),
    "download_template": ("Unduh template", "Download the template"),
    "check_title": ("2. Periksa buku kerja yang sudah diisi", "2. Check a filled workbook"),
    "check_help": ("Buku kerja LKjIP (.xlsx) atau ekspor survei SKM (.xlsx/.csv). Berkas asli tidak diubah.",
                   "An LKjIP workbook (.xlsx) or an SKM survey export (.xlsx/.csv). Your file is not changed."),
    "report_help": ("Laporan (Word .docx atau PDF) bersama buku kerjanya (dua berkas sekaligus): setiap angka laporan "
                    "dicocokkan dengan buku kerja.",
                    "A report (Word .docx or PDF) with its workbook (two files at once): every number of the report "
                    "is checked against the workbook."),
    "report_alone": ("Berkas ini dokumen laporan (Word/PDF), bukan buku kerja. Untuk mencocokkan angka laporan dengan "
                     "buku kerjanya, pilih keduanya sekaligus: laporan dan buku kerja (.xlsx).",
                     "This file is a report document (Word/PDF), not a workbook. To check the report's numbers "
                     "against its workbook, choose both at once: the report and the workbook (.xlsx)."),
    "tahun_lalu": ("Buku kerja tahun lalu (tidak wajib)", "Last year's workbook (optional)"),
    "tahun_lalu_help": ("Buku kerja LKjIP tahun sebelumnya (.xlsx), seperti --tahun-lalu: realisasi tahun lalu di PK "
                        "dicocokkan dengannya, dan lampiran memuat angka tahun lalu berdampingan. Boleh dipilih "
                        "sebelum atau sesudah buku kerja tahun ini; pemeriksaan dimulai saat tombol Periksa ditekan. "
                        "Tidak dipakai untuk rekap beberapa buku kerja.",
                        "The previous year's LKjIP workbook (.xlsx), as --tahun-lalu: last year's figures on the PK "
                        "are checked against it, and the annex puts last year's figures side by side. Choose it "
                        "before or after this year's workbook; the check starts when you press Check. Not used for "
                        "a summary of several workbooks."),
    "rekap_no_tahun_lalu": ("Buku kerja tahun lalu ({name}) tidak dipakai: rekap memeriksa setiap buku kerja sendiri, "
                            "tanpa perbandingan dengan tahun lalu. Untuk membandingkan, periksa satu buku kerja "
                            "bersama buku kerja tahun lalunya.",
                            "Last year's workbook ({name}) was not used: a summary checks each workbook on its own, "
                            "without comparing with last year. To compare, check one workbook with its last year's "
                            "workbook."),
    "compared_with": ("Dibandingkan dengan buku kerja tahun lalu", "Compared with last year's workbook"),
    "report_against": ("Angka laporan dicocokkan dengan buku kerja",
                       "The report's numbers checked against the workbook"),
    "rekap_help": ("Beberapa buku kerja sekaligus (mis. semua kecamatan), atau arsip .zip berisi buku kerja: "
                   "hasilnya rekap satu baris per unit, IKM kabupaten/kota, dan buku kerja rekap untuk diunduh.",
                   "Several workbooks at once (e.g. every district), or a .zip archive of workbooks: you get a "
                   "summary, one line per unit, the city IKM, and the summary workbook to download."),
    "drop_here": ("Tarik berkas ke sini (satu, atau beberapa sekaligus), atau pilih berkas:",
                  "Drop the file here (one, or several at once), or choose it:"),
    "check_button": ("Periksa", "Check"),
    "checking": ("Sedang memeriksa…", "Checking…"),
    "chosen": ("Dipilih: {names}. Tekan Periksa (tambahkan dulu buku kerja tahun lalu bila perlu).",
               "Chosen: {names}. Press Check (add last year's workbook first if you want it)."),
    "size_limit": ("Ukuran berkas paling besar {mb} MB (beberapa berkas: jumlah ukurannya).",
                   "Files up to {mb} MB (several files: their total size)."),
    "too_large": ("Berkas terlalu besar: batasnya {mb} MB (untuk beberapa berkas: jumlah ukurannya). Hapus isi di "
                  "luar tabel lalu simpan ulang, atau unggah lebih sedikit berkas sekaligus.",
                  "The file is too large: the limit is {mb} MB (for several files: their total size). Delete what "
                  "lies outside the tables and save again, or upload fewer files at once."),
    "no_file": ("Belum ada berkas yang dipilih.", "No file was chosen."),
    "too_many_files": ("Terlalu banyak berkas sekaligus: paling banyak {n}.", "Too many files at once: at most {n}."),
    "bad_upload": ("Unggahan tidak terbaca; coba lagi.", "The upload could not be read; try again."),
    "bad_year": ("Tahun laporan harus 4 angka, mis. 2024.", "The report year must be 4 digits, e.g. 2024."),
    "not_found": ("Hasil ini tidak ada lagi (dihapus setelah satu jam tidak dipakai, atau server dimulai ulang). "
                  "Unggah berkasnya lagi.",
                  "This result is gone (removed after an idle hour, or the server was restarted). Upload the "
                  "file again."),
    "forbidden": ("Permintaan ini tidak datang dari halaman lkjip-xl.", "This request did not come from the "
                  "lkjip-xl page."),
    "cannot_read": ("Berkas tidak dapat diperiksa", "The file cannot be checked"),
    "result_title": ("Hasil pemeriksaan", "Check result"),
    "template_version": ("versi template", "template version"),
    "no_findings": ("Tidak ada temuan: semua angka cocok.", "No findings: every figure agrees."),
    "downloads": ("Unduh", "Download"),
    "skm_title": ("Survei Kepuasan Masyarakat (SKM)", "Public satisfaction survey (SKM)"),
    "ikm": ("IKM", "IKM"),
    "mutu": ("Mutu pelayanan", "Service grade"),
    "kinerja": ("Kinerja unit pelayanan", "Unit performance"),
    "respondents": ("Responden", "Respondents"),
    "weight": ("Bobot per unsur", "Weight per element"),
    "ikm_unrounded": ("sebelum pembulatan", "before rounding"),
    "no_ikm": ("IKM tidak dapat dihitung dari data ini.", "The IKM cannot be computed from this data."),
    "no_skm_data": ("IKM tidak dihitung: sheet SKM belum berisi jawaban responden atau NRR per unsur.",
                    "No IKM: the SKM sheet holds no respondent answers and no NRR per element yet."),
    "unsur": ("Unsur pelayanan", "Service element"),
    "nrr": ("NRR", "Mean (NRR)"),
    "grade": ("Mutu", "Grade"),
    "survey_only": ("Berkas ini ekspor survei: hanya SKM yang dihitung.",
                    "This file is a survey export: only the SKM is computed."),
    "check_another": ("Periksa berkas lain", "Check another file"),
    "row": ("Baris", "Row"),
    # several workbooks at once (the rekap's own words are in lkjip_xl.rekap.labels)
    "rekap_title": ("Rekap {n} berkas", "Summary of {n} files"),
    "rekap_files": ("Berkas yang diperiksa", "Files checked"),
    "rekap_unit_findings": ("Lihat {n} kesalahan dan peringatan: sheet, sel, dan apa yang salah",
                            "See the {n} errors and warnings: sheet, cell and what is wrong"),
    "status": ("Status", "Status"),
    "download_rekap": ("Buku kerja rekap (.xlsx)", "Summary workbook (.xlsx)"),
    "rekap_sheets": ("Sheet Unit, IKM Kota, Indikator, Temuan, Tidak Terbaca dan Duplikat, seperti "
                     "lkjip-xl rekap.",
                     "Sheets Units, City IKM, Indicators, Findings, Unreadable and Duplicates, as lkjip-xl rekap "
                     "writes them."),
    "check_others": ("Periksa berkas lain", "Check other files"),
}


def t(key: str, lang: str, **params) -> str:
    return pick(TEXTS, key, lang, **params)


def g(key: str, lang: str) -> str:
    """A glossary term, capitalised as a heading."""
    word = term(key, lang)
    return word[:1].upper() + word[1:]
