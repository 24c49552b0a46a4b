"""Every text of the rekap (sheet names, headers, notes, terminal lines), Indonesian and English."""
from __future__ import annotations

from ..i18n import pick, singular_ones

TEXT: dict[str, tuple[str, str]] = {
    # sheet names (at most 31 characters)
    "sheet_units": ("Unit", "Units"),
    "sheet_kota": ("IKM Kota", "City IKM"),
    "sheet_indicators": ("Indikator", "Indicators"),
    "sheet_findings": ("Temuan", "Findings"),
    "sheet_unreadable": ("Tidak Terbaca", "Unreadable"),
    "sheet_duplicates": ("Duplikat", "Duplicates"),
    "indicator_sheet_prefix": ("I", "I"),
    # titles
    "title_units": ("Rekapitulasi LKjIP per unit", "LKjIP summary per unit"),
    "title_kota": ("Indeks Kepuasan Masyarakat tingkat kabupaten/kota", "Public satisfaction index (IKM), city level"),
    "title_kota_nrr": ("NRR gabungan per unsur", "Pooled NRR per element"),
    "title_indicators": ("Indikator kinerja yang dibandingkan antar unit", "Performance indicators compared across units"),
    "title_findings": ("Temuan pemeriksaan semua buku kerja", "Check findings of every workbook"),
    "title_unreadable": ("Berkas yang tidak dapat dibaca", "Files that could not be read"),
    "title_duplicates": ("Unit yang muncul lebih dari sekali (unit, kabupaten/kota dan tahun sama)",
                         "Units found more than once (same unit, city and year)"),
    # headers
    "no": ("No", "No"),
    "unit": ("Unit", "Unit"),
    "kabupaten": ("Kabupaten/Kota", "City/Regency"),
    "tahun": ("Tahun", "Year"),
    "file": ("Berkas", "File"),
    "iku": ("Jumlah IKU", "Indicators"),
    "iku_capaian": ("IKU dengan capaian", "Indicators with achievement"),
    "capaian_mean": ("Rata-rata capaian IKU (%)", "Mean indicator achievement (%)"),
    "ikm": ("IKM", "IKM"),
    "mutu": ("Mutu", "Grade"),
    "respondents": ("Responden", "Respondents"),
    "pagu": ("Pagu (Rp)", "Budget (Rp)"),
    "realisasi_rp": ("Realisasi (Rp)", "Spent (Rp)"),
    "serapan": ("Serapan (%)", "Absorption (%)"),
    "error": ("Kesalahan", "Errors"),
    "warning": ("Peringatan", "Warnings"),
    "info": ("Info", "Info"),
    "keterangan": ("Keterangan", "Notes"),
    "total": ("JUMLAH", "TOTAL"),
    "pooled": ("IKM gabungan (semua responden)", "Pooled IKM (all respondents)"),
    "mean_of_units": ("Rata-rata IKM unit (tanpa bobot)", "Mean of the units' IKMs (unweighted)"),
    "units_n": ("Unit", "Units"),
    "units_group": ("Jumlah unit", "Number of units"),
    "units_all": ("Semua", "All"),
    "without_skm": ("Tanpa SKM", "Without SKM"),
    "nrr_only": ("Hanya NRR tertulis", "Typed NRR only"),
    "folder": ("Folder", "Folder"),
    "kode": ("Kode", "Code"),
    "unsur": ("Unsur pelayanan", "Service element"),
    "jumlah_nilai": ("Jumlah nilai", "Sum of answers"),
    "jumlah_jawaban": ("Jumlah jawaban sah", "Valid answers"),
    "nrr": ("NRR", "NRR"),
    "indicator": ("Indikator", "Indicator"),
    "sheet": ("Sheet", "Sheet"),
    "spellings": ("Ejaan lain yang digabung", "Other spellings merged"),
    "satuan": ("Satuan", "Unit of measure"),
    "target": ("Target", "Target"),
    "realisasi": ("Realisasi", "Actual"),
    "capaian": ("Capaian (%)", "Achievement (%)"),
    "cell": ("Sel", "Cell"),
    "code": ("Kode", "Code"),
    "severity": ("Tingkat", "Severity"),
    "message": ("Pesan", "Message"),
    "reason": ("Alasan", "Reason"),
    "counted": ("Dihitung", "Counted"),
    "duplicate_of": ("Duplikat dari", "Duplicate of"),
    "compared": ("Angka dibanding yang dihitung", "Figures against the counted file"),
    "yes": ("ya", "yes"),
    "no_": ("tidak", "no"),
    "none": ("(tidak ada)", "(none)"),
    "stat_units": ("Unit dengan capaian", "Units with an achievement"),
    "stat_mean": ("Rata-rata capaian (%, tanpa bobot)", "Mean achievement (%, unweighted)"),
    "stat_min": ("Capaian terendah (%)", "Lowest achievement (%)"),
    "stat_max": ("Capaian tertinggi (%)", "Highest achievement (%)"),
    # notes
    "note_duplicate": ("duplikat dari {file}: tidak dihitung", "duplicate of {file}: not counted"),
    "note_legacy": ("IKM unit dengan bobot 0,111", "unit IKM with the 0.111 weight"),
    "note_no_unit": ("nama unit tidak diisi di Identitas", "unit name not filled in on Identitas"),
    "foot_units": (
        "Capaian IKU: dihitung ulang lkjip-xl dari target dan realisasi PK dengan aturan buku kerja masing-masing; "
        "rata-rata tanpa bobot. Pagu = Σ program, pagu perubahan bila diisi, selain itu pagu murni. "
        "Serapan = realisasi / pagu × 100. IKM: IKM unit dengan bobot pilihannya. "
        "Satu baris JUMLAH per kabupaten/kota dan tahun (angka wilayah atau tahun lain tidak pernah dijumlahkan); "
        "berkas duplikat tidak dihitung.",
        "Indicator achievement: recomputed by lkjip-xl from the PK target and actual with each workbook's own rules; "
        "unweighted mean. Budget = Σ programmes, revised budget when filled, else the original one. "
        "Absorption = spent / budget × 100. IKM: the unit's IKM with its chosen weight. "
        "One TOTAL row per city/regency and year (amounts of other regions or years are never added together); "
        "duplicate files are left out.",
    ),
    "foot_pooled": (
        "IKM gabungan: semua responden unit dianggap satu survei; NRR per unsur = Σ nilai semua responden / "
        "Σ jawaban sah; IKM = Σ NRR × 1/9 × 25 (bukan rata-rata NRR unit).",
        "Pooled IKM: all the units' respondents taken as one survey; NRR per element = Σ answers of all "
        "respondents / Σ valid answers; IKM = Σ NRR × 1/9 × 25 (not an average of the units' NRRs).",
    ),
    "foot_mean": (
        "Rata-rata IKM unit: rata-rata tanpa bobot dari IKM unit (sebelum pembulatan, bobot 1/9), dibulatkan "
        "setengah ke atas pada 2 desimal, lalu diberi mutu.",
        "Mean of the units' IKMs: unweighted mean of the units' IKMs (unrounded, weight 1/9), rounded half up "
        "to 2 decimals, then graded.",
    ),
    "foot_nrr_only": (
        "{kota} {tahun}: {n} unit hanya menulis NRR (tanpa jumlah nilai dan jumlah responden): masuk rata-rata, "
        "tidak masuk IKM gabungan.",
        "{kota} {tahun}: {n} unit(s) typed only NRRs (no sums and counts): in the mean, not in the pooled IKM.",
    ),
    "foot_legacy": (
        "{kota} {tahun}: {n} unit memakai bobot lama 0,111; di sini dihitung ulang dengan bobot 1/9.",
        "{kota} {tahun}: {n} unit(s) use the legacy 0.111 weight; recomputed here with the 1/9 weight.",
    ),
    "foot_duplicates": (
        "Berkas duplikat (unit, kabupaten/kota dan tahun sama, dibandingkan tanpa memperhatikan huruf besar, "
        "spasi dan tanda baca) tidak dihitung; yang dihitung adalah berkas pertama menurut urutan masukan (bukan "
        "yang terbaru: tanggal berkas berubah saat disalin atau diunduh). Bila angkanya berbeda, hapus berkas yang "
        "salah, atau sebutkan berkas yang benar lebih dulu.",
        "Duplicate files (same unit, city and year, compared ignoring case, spaces and punctuation) are not "
        "counted; the first file in the order given is (not the newest: a file's date changes when it is copied "
        "or downloaded). When the figures differ, delete the wrong file, or name the right one first.",
    ),
    "foot_indicators": (
        "Nama indikator dibandingkan tanpa memperhatikan huruf besar, spasi, tanda baca dan singkatan dalam "
        "kurung di akhir; nama yang hanya berbeda karena salah ketik digabung. Semua ejaan yang digabung "
        "tercantum di sini.",
        "Indicator names are compared ignoring case, spaces, punctuation and a bracketed acronym at the end; "
        "names differing only by a typing slip are merged. Every spelling merged is listed here.",
    ),
    "rules_differ": (
        "Capaian unit-unit ini dihitung dengan rumus yang berbeda (pilihan di sheet Identitas), sehingga "
        "tidak sebanding dan rata-ratanya mencampur rumus-rumus itu: {rules}",
        "These units compute the capaian by different formulas (their Identitas choice), so the figures do not "
        "compare and their mean mixes them: {rules}",
    ),
    "capped": (" (maks. 100 %)", " (max. 100 %)"),
    "foot_indicator": (
        "Capaian dihitung ulang lkjip-xl dengan aturan buku kerja masing-masing (arah, rumus turun, batas 100 %).",
        "Achievement recomputed by lkjip-xl with each workbook's own rules (direction, lower-is-better formula, "
        "cap at 100 %).",
    ),
    # terminal
    "status_ok": ("OK", "OK"),
    "status_errors": ("SALAH", "ERRORS"),
    "status_unreadable": ("TIDAK TERBACA", "UNREADABLE"),
    "status_duplicate": ("DUPLIKAT", "DUPLICATE"),
    "status_skm_export": ("EKSPOR SKM", "SKM EXPORT"),
    "status_skipped": ("DILEWATI", "SKIPPED"),
    "archive_nested": ("arsip di dalam arsip, tidak dibuka: ekstrak dulu, lalu jalankan rekap lagi: {path}",
                       "an archive inside the archive, not opened: extract it, then run the rekap again: {path}"),
    "archive_password": ("dilindungi kata sandi di dalam arsip, tidak dapat dibaca: {path}",
                         "protected by a password inside the archive, cannot be read: {path}"),
    "archive_too_large": ("melebihi batas ukuran lkjip-xl setelah diekstrak (lihat docs/limits.md), tidak dibaca: "
                          "{path}",
                          "over lkjip-xl's size limits once extracted (see docs/limits.md), not read: {path}"),
    "archive_damaged": ("tidak dapat diekstrak dari arsip ({detail}): {path}",
                        "cannot be extracted from the archive ({detail}): {path}"),
    "other_archive_unknown": (
        "arsip yang isinya tidak dapat dilihat lkjip-xl: bila berisi buku kerja, ekstrak ke folder ini, lalu "
        "jalankan rekap lagi: {path}",
        "archive whose contents lkjip-xl cannot see: if it holds workbooks, extract them into this folder, then "
        "run the rekap again: {path}",
    ),
    "other_file": ("bukan buku kerja (berkas {kind}), tidak dibaca: {path}",
                   "not a workbook ({kind} file), not read: {path}"),
    "skm_export": (
        "tampaknya ekspor survei SKM ({unsur} unsur, {respondents} responden), bukan buku kerja LKjIP: tidak "
        "dihitung dan bukan kesalahan; olah dengan lkjip-xl skm: {path}",
        "looks like an SKM survey export ({unsur} elements, {respondents} respondents), not an LKjIP workbook: not "
        "counted and not an error; process it with lkjip-xl skm: {path}",
    ),
    "line_counts": ("{error} kesalahan, {warning} peringatan", "{error} errors, {warning} warnings"),
    "line_duplicate": ("duplikat dari {file}, tidak dihitung", "duplicate of {file}, not counted"),
    "line_first": ("yang dihitung adalah yang pertama menurut urutan masukan",
                   "the one counted is the first in the order given"),
    "same_figures": ("angka sama (pagu, realisasi, responden, IKM)", "same figures (budget, spent, respondents, IKM)"),
    "differing_figures": ("ANGKA BERBEDA: {differences}; periksa berkas mana yang benar",
                          "FIGURES DIFFER: {differences}; check which file is right"),
    "differs": ("{figure} {value} (yang dihitung: {counted})", "{figure} {value} (counted: {counted})"),
    "fig_pagu": ("pagu", "budget"),
    "fig_realisasi": ("realisasi", "spent"),
    "fig_respondents": ("responden", "respondents"),
    "fig_ikm": ("IKM", "IKM"),
    "total_line": ("JUMLAH {kota} {tahun}: {units} unit, pagu {pagu}, realisasi {realisasi}, serapan {serapan}, "
                   "{respondents} responden",
                   "TOTAL {kota} {tahun}: {units} units, budget {pagu}, spent {realisasi}, absorption {serapan}, "
                   "{respondents} respondents"),
    "kota_with_errors": ("termasuk IKM {n} unit yang data surveinya berisi kesalahan ({names}): IKM ini belum dapat "
                         "dipercaya sebelum kesalahannya diperbaiki",
                         "includes the IKM of {n} unit(s) whose survey data has errors ({names}): this IKM cannot be "
                         "trusted until they are fixed"),
    "total_with_errors": ("termasuk angka {n} unit yang buku kerjanya berisi kesalahan ({names}): jumlah ini "
                          "belum dapat dipercaya sebelum kesalahannya diperbaiki",
                          "includes the figures of {n} unit(s) whose workbooks have errors ({names}): this total "
                          "cannot be trusted until they are fixed"),
    "total_files": (
        "{files} berkas: {units} unit, {with_errors} dengan kesalahan, {unreadable} tidak terbaca, {duplicates} duplikat; "
        "{error} kesalahan, {warning} peringatan, {info} info",
        "{files} files: {units} units, {with_errors} with errors, {unreadable} unreadable, {duplicates} duplicates; "
        "{error} errors, {warning} warnings, {info} info",
    ),
    "skipped_n": ("; {n} berkas lain dilewati", "; {n} other file(s) skipped"),
    "skm_exports_n": ("; {n} ekspor survei SKM (tidak dihitung)", "; {n} SKM survey export(s) (not counted)"),
    "total_kota": ("IKM {kota} {tahun}: {pooled}; {mean}", "IKM {kota} {tahun}: {pooled}; {mean}"),
    "ikm_pooled": ("gabungan {ikm} ({mutu}; {units} unit, {respondents} responden)",
                   "pooled {ikm} ({mutu}; {units} units, {respondents} respondents)"),
    "ikm_mean": ("rata-rata IKM unit {ikm} ({mutu}; {units} unit)", "mean of unit IKMs {ikm} ({mutu}; {units} units)"),
    "ikm_none_pooled": ("gabungan - (tidak ada jumlah nilai responden)", "pooled - (no respondent answer totals)"),
    "ikm_none_mean": ("rata-rata IKM unit - (tidak ada IKM unit)", "mean of unit IKMs - (no unit IKM)"),
    "no_workbooks": ("tidak ada buku kerja .xlsx di {paths}", "no .xlsx workbook in {paths}"),
    "no_workbooks_archives": ("tidak ada buku kerja .xlsx di {paths}, hanya arsip yang tidak dapat dibuka lkjip-xl "
                              "({archives}): ekstrak isinya lebih dulu",
                              "no .xlsx workbook in {paths}, only archives lkjip-xl cannot open ({archives}): "
                              "extract them first"),
    "worker_stopped": ("proses pemeriksa berhenti (kehabisan memori?)", "the checking process stopped (out of memory?)"),
    "unknown": ("(tidak diisi)", "(not filled in)"),
}


def t(key: str, lang: str = "id", **params) -> str:
    """The text of ``key`` in ``lang``; English counts of one in the singular ("1 unit", not "1 units")."""
    text = pick(TEXT, key, lang, **params)
    return singular_ones(text) if lang == "en" else text
