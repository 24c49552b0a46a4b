"""`lkjip-xl rekap` where the files do not all belong together: several kabupaten/kota and years
(one JUMLAH per region and year), one region spelled several ways (one unit, not two), indicator
names differing by a whole word (two indicators), spreadsheets that are not .xlsx, an SKM survey
export beside a workbook, and the same unit sent twice with other figures. Every expected figure
is computed here with plain int/Decimal arithmetic from what this test writes."""
from __future__ import annotations

import json
import shutil
from decimal import Decimal

import openpyxl
import pytest

from lkjip_xl.template.fill import write_filled
from test_rekap import A, B, BAD, IKM_A, IKM_B_EXACT, UNSUR_NAMES, _sheets, ikm, r2, rekap, totals, unit
from valid_workbook import valid_data

D = Decimal
PROGRAMMES = [r for r in valid_data()["tables"]["realisasi"] if r["kode"] and "." not in r["kode"]]
PAGU = sum(r["pagu_perubahan"] for r in PROGRAMMES)  # one unit's pagu and realisasi, from the rows written
SPENT = sum(r["realisasi"] for r in PROGRAMMES)


def workbook(path, name: str, region: str, year: int, rows=A, **identitas) -> None:
    data = unit(name, rows, r2(ikm([D(t) / n for t, n in totals(rows)])))
    data["forms"]["identitas"].update(kabupaten_kota=region, tahun=year, **identitas)
    write_filled(path, data)


def run(*args: str):
    result = rekap(*args, "--format", "json", "--jobs", "1")
    return result, json.loads(result.stdout)


def total_rows(path) -> list[tuple]:
    return [r for r in _sheets(path)["Unit"] if "JUMLAH" in r]


# ------------------------------------------------------------------ 1. one JUMLAH per region and year
def test_one_total_per_region_and_year(tmp_path):
    folder = tmp_path / "kiriman"
    folder.mkdir()
    workbook(folder / "a_2024.xlsx", "Kecamatan Satu", "Kota Contoh", 2024, A)
    workbook(folder / "b_2024.xlsx", "Kecamatan Dua", "Kota Contoh", 2024, B)
    workbook(folder / "a_2023.xlsx", "Kecamatan Satu", "Kota Contoh", 2023, B)  # last year's file in the folder
    workbook(folder / "c_2024.xlsx", "Kecamatan Tiga", "Kabupaten Lain", 2024, A)
    out = tmp_path / "r.xlsx"
    result, doc = run(str(folder), "-o", str(out))
    assert result.exit_code == 0, result.output
    serapan = D(SPENT) * 100 / D(PAGU)
    expected = {("Kabupaten Lain", 2024): (1, PAGU, SPENT, len(A)),
                ("Kota Contoh", 2023): (1, PAGU, SPENT, len(B)),
                ("Kota Contoh", 2024): (2, 2 * PAGU, 2 * SPENT, len(A) + len(B))}
    assert {(x["kabupaten_kota"], x["tahun"]): (x["units"], x["pagu"], x["realisasi"], x["respondents"])
            for x in doc["totals"]} == expected
    assert all(x["serapan"] == pytest.approx(float(serapan), abs=1e-12) for x in doc["totals"])
    rows = total_rows(out)  # in the workbook: the same, one labelled row each, never the sum of all
    assert [(r[2], r[3], r[10], r[11], r[12]) for r in rows] == [
        (region, year, n_resp, pagu, spent) for (region, year), (_, pagu, spent, n_resp) in expected.items()]
    assert all(r[13] == float(r2(serapan)) for r in rows)
    assert 4 * PAGU not in [c for r in _sheets(out)["Unit"] for c in r]
    text = rekap(str(folder), "-o", str(tmp_path / "t.xlsx"), "--jobs", "1").stdout
    dotted = [f"{x:,}".replace(",", ".") for x in (2 * PAGU, 2 * SPENT)]
    assert (f"JUMLAH Kota Contoh 2024: 2 unit, pagu {dotted[0]}, realisasi {dotted[1]}, "
            f"serapan {str(r2(serapan)).replace('.', ',')} %, {len(A) + len(B)} responden") in text


def test_a_single_region_and_year_has_one_total(tmp_path):
    workbook(tmp_path / "a.xlsx", "Kecamatan Satu", "Kota Contoh", 2024, A)
    workbook(tmp_path / "b.xlsx", "Kecamatan Dua", "Kota Contoh", 2024, B)
    out = tmp_path / "out" / "r.xlsx"
    out.parent.mkdir()
    result, doc = run(str(tmp_path / "a.xlsx"), str(tmp_path / "b.xlsx"), "-o", str(out))
    [row] = total_rows(out)
    assert row[1:4] == ("JUMLAH", "Kota Contoh", 2024) and row[10:13] == (len(A) + len(B), 2 * PAGU, 2 * SPENT)
    assert len(doc["totals"]) == 1


# ------------------------------------------------------------------ 2. a region spelled several ways
@pytest.mark.parametrize("spelling", ["Pemerintah Kota Medan", "Medan", "PEMKO MEDAN", "Pemkot Medan"])
def test_the_same_unit_under_another_spelling_of_its_city_is_a_duplicate(tmp_path, spelling):
    workbook(tmp_path / "a.xlsx", "Kecamatan Medan Amplas", "Kota Medan", 2024, A)
    workbook(tmp_path / "b.xlsx", "Kecamatan Medan Amplas", spelling, 2024, B)
    out = tmp_path / "out" / "r.xlsx"
    out.parent.mkdir()
    result, doc = run(str(tmp_path / "a.xlsx"), str(tmp_path / "b.xlsx"), "-o", str(out))
    assert (doc["summary"]["units"], doc["summary"]["duplicates"]) == (1, 1)
    assert [f["status"] for f in doc["files"]] == ["ok", "duplicate"]
    [kota] = doc["kota"]  # one Kota Medan, with the counted file's respondents only
    assert (kota["kabupaten_kota"], kota["units"], kota["pooled"]["respondents"]) == ("Kota Medan", 1, len(A))
    assert kota["pooled"]["ikm"] == float(r2(IKM_A))
    assert [(x["kabupaten_kota"], x["pagu"]) for x in doc["totals"]] == [("Kota Medan", PAGU)]


def test_a_city_and_a_regency_of_one_name_stay_apart(tmp_path):
    workbook(tmp_path / "a.xlsx", "Kecamatan Contoh", "Kota Bekasi", 2024, A)
    workbook(tmp_path / "b.xlsx", "Kecamatan Contoh", "Kab. Bekasi", 2024, B)
    workbook(tmp_path / "c.xlsx", "Kecamatan Contoh", "Bekasi", 2024, A)  # which one? neither
    workbook(tmp_path / "d.xlsx", "Kecamatan Lain", "Pemerintah Kabupaten Bekasi", 2024, A)
    out = tmp_path / "out" / "r.xlsx"
    out.parent.mkdir()
    result, doc = run(*(str(tmp_path / f"{x}.xlsx") for x in "abcd"), "-o", str(out))
    assert (doc["summary"]["units"], doc["summary"]["duplicates"]) == (4, 0)
    assert sorted((k["kabupaten_kota"], k["units"]) for k in doc["kota"]) == [
        ("Bekasi", 1), ("Kab. Bekasi", 2), ("Kota Bekasi", 1)]


def test_region_keys():
    from lkjip_xl.rekap.names import regions

    keys, shown = regions(["Kota Medan", "Pemerintah Kota Medan", "Pemko Medan", "Pemkot Medan", "Medan",
                           "Kabupaten Deli Serdang", "Pemerintah Kabupaten Deli Serdang", "Pemkab Deli Serdang",
                           "Kab. Deli Serdang", "Deli Serdang", "Kota Bekasi", "Kabupaten Bekasi", "Bekasi", None])
    assert keys == ["kota medan"] * 5 + ["kabupaten deli serdang"] * 5 + ["kota bekasi", "kabupaten bekasi",
                                                                        "bekasi", ""]
    assert shown["kota medan"] == "Kota Medan" and shown["kabupaten deli serdang"] == "Kabupaten Deli Serdang"


# ------------------------------------------------------------------ 3. indicators differing by a word
def test_indicators_differing_by_a_whole_word_are_not_merged(tmp_path):
    names = {"a": ("Persentase kelurahan yang tertib administrasi", "Persentase perda yang ditetapkan",
                   "Persentase OPD Pemerintah berkinerja baik"),
             "b": ("Persentase kelurahan yang tidak tertib administrasi", "Persentase perkada yang ditetapkan",
                   "Persentase OPD Pemerintah berkinerja sangat baik"),
             "c": ("Presentase kelurahan yang tertib  administrasi.", "Persentase perda yang di tetapkan",
                   "persentase OPD pemerintahan berkinerja baik")}  # spelling only: merged with a
    for key, three in names.items():
        data = unit(f"Kecamatan {key.upper()}", A, r2(IKM_A))
        for row, name in zip(data["tables"]["pk_indikator"][1:], three):
            row["indikator"] = name
        write_filled(tmp_path / f"{key}.xlsx", data)
    out = tmp_path / "out" / "r.xlsx"
    out.parent.mkdir()
    _, doc = run(*(str(tmp_path / f"{k}.xlsx") for k in names), "-o", str(out))
    got = {i["indikator"]: (i["units"], i["spellings"]) for i in doc["indicators"]}
    assert got == {"Indeks Kepuasan Masyarakat": (3, []),  # a group is named by its first spelling in sorted order
                   "Persentase kelurahan yang tertib administrasi": (
                       2, ["Presentase kelurahan yang tertib administrasi."]),
                   "Persentase perda yang di tetapkan": (2, ["Persentase perda yang ditetapkan"]),
                   "Persentase OPD Pemerintah berkinerja baik": (2, ["persentase OPD pemerintahan berkinerja baik"]),
                   **{b: (1, []) for b in names["b"]}}
    assert len([s for s in _sheets(out) if s[:1] == "I" and s[1:3].isdigit()]) == 7


# ------------------------------------------------------------------ 4. spreadsheets that are not .xlsx
def test_every_spreadsheet_in_a_folder_is_read_or_listed(tmp_path):
    workbook(tmp_path / "a.xlsx", "Kecamatan Alfa", "Kota Contoh", 2024, A)
    workbook(tmp_path / "b.xlsm", "Kecamatan Beta", "Kota Contoh", 2024, B)  # with macros: read as .xlsx
    shutil.copy(BAD / "old_format.xls", tmp_path / "c_kecamatan_gamma.xls")
    shutil.copy(tmp_path / "a.xlsx", tmp_path / "z.XLSX")  # upper case: still found (a duplicate of a.xlsx)
    (tmp_path / "catatan.txt").write_text("bukan buku kerja")  # not a spreadsheet: listed as skipped
    out = tmp_path / "out" / "r.xlsx"
    out.parent.mkdir()
    result, doc = run(str(tmp_path), "-o", str(out))
    status = {f["file"].rsplit("/", 1)[1]: f for f in doc["files"]}
    assert {k: f["status"] for k, f in status.items()} == {
        "z.XLSX": "duplicate", "a.xlsx": "ok", "b.xlsm": "ok", "c_kecamatan_gamma.xls": "unreadable",
        "catatan.txt": "skipped"}
    assert "simpan ulang sebagai .xlsx" in status["c_kecamatan_gamma.xls"]["reason"]
    assert result.exit_code == 1
    assert [(x["units"], x["pagu"], x["respondents"]) for x in doc["totals"]] == [(2, 2 * PAGU, len(A) + len(B))]
    assert any("c_kecamatan_gamma.xls" in r for r in _sheets(out)["Tidak Terbaca"])


# ------------------------------------------------------------------ 5. an SKM survey export beside the workbook
def survey_export(path, n: int) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Form Responses 1"
    ws.append(["Timestamp", "Nama", *(f"{i + 1}. Bagaimana pendapat Saudara tentang {u.lower()}?"
                                      for i, u in enumerate(UNSUR_NAMES)), "Kritik dan Saran"])
    for i in range(n):
        ws.append([f"2024-01-{i % 28 + 1:02d}", f"Warga {i}", *(1 + (i + u) % 4 for u in range(9)), ""])
    wb.save(path)


def test_a_survey_export_is_named_as_such_and_is_not_an_error(tmp_path):
    (tmp_path / "Kec Alfa").mkdir()
    workbook(tmp_path / "Kec Alfa" / "LKjIP 2024.xlsx", "Kecamatan Alfa", "Kota Contoh", 2024, A)
    survey_export(tmp_path / "Kec Alfa" / "SKM 2024 (Responses).xlsx", 30)
    out = tmp_path / "r.xlsx"
    result, doc = run(str(tmp_path), "-o", str(out))
    assert result.exit_code == 0, result.output
    export = next(f for f in doc["files"] if f["file"].endswith("(Responses).xlsx"))
    assert export["status"] == "skm_export"
    assert "ekspor survei SKM (9 unsur, 30 responden)" in export["reason"] and "lkjip-xl skm" in export["reason"]
    assert "tidak ada" not in export["reason"]  # not the 19 missing sheet names
    assert (doc["summary"]["unreadable"], doc["summary"]["skm_exports"], doc["summary"]["units"]) == (0, 1, 1)
    text = rekap(str(tmp_path), "-o", str(tmp_path / "t.xlsx"), "--jobs", "1")
    assert text.exit_code == 0 and "EKSPOR SKM" in text.stdout and "1 ekspor survei SKM" in text.stdout


def survey_csv(path, n: int) -> None:
    """The same export as Google Forms downloads it (.csv)."""
    lines = [",".join(["Timestamp", "Nama", *(f"{i + 1}. {u}" for i, u in enumerate(UNSUR_NAMES))])]
    lines += [",".join([f"2024-01-{i % 28 + 1:02d}", f"Warga {i}", *(str(1 + (i + u) % 4) for u in range(9))])
              for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_folders_other_files_are_listed_and_the_workbooks_inside_a_zip_are_read(tmp_path):
    """A unit sent as a zip was left out of the rekap in silence (4 units said, the fifth in the zip),
    then listed as unreadable with "extract it": its workbook is now read from the zip and counted,
    named by the archive and its place in it. A PDF, an unrelated CSV or a zip of photos is listed
    as skipped, a survey CSV as an SKM export, Windows' Thumbs.db not at all; nothing is extracted
    into the folder."""
    import zipfile

    folder = tmp_path / "kiriman"
    folder.mkdir()
    workbook(folder / "alfa.xlsx", "Kecamatan Alfa", "Kota Contoh", 2024, A)
    workbook(tmp_path / "beta.xlsx", "Kecamatan Beta", "Kota Contoh", 2024, B)
    with zipfile.ZipFile(folder / "kiriman beta.zip", "w") as zf:
        zf.write(tmp_path / "beta.xlsx", "LKjIP/beta.xlsx")
        zf.writestr("LKjIP/surat pengantar.pdf", b"%PDF-1.4")
    with zipfile.ZipFile(folder / "foto.zip", "w") as zf:
        zf.writestr("foto/kegiatan.jpg", b"jpg")
    (folder / "laporan.pdf").write_bytes(b"%PDF-1.4")
    (folder / "catatan.csv").write_text("no,catatan\n1,rapat\n", encoding="utf-8")
    survey_csv(folder / "skm.csv", 12)
    (folder / "Thumbs.db").write_bytes(b"x")
    before = sorted(p.name for p in folder.rglob("*"))
    result, doc = run(str(folder), "-o", str(tmp_path / "r.xlsx"))
    assert result.exit_code == 0, result.output
    status = {f["file"].removeprefix(str(folder) + "/"): f["status"] for f in doc["files"]}
    assert status == {"alfa.xlsx": "ok", "kiriman beta.zip/LKjIP/beta.xlsx": "ok", "catatan.csv": "skipped",
                      "foto.zip": "skipped", "laporan.pdf": "skipped", "skm.csv": "skm_export"}
    assert (doc["summary"]["units"], doc["summary"]["unreadable"], doc["summary"]["skipped"],
            doc["summary"]["skm_exports"]) == (2, 0, 3, 1)
    # the unit in the zip is counted: the total budget is both units' (independent sum of the rows)
    programmes = [r for r in valid_data()["tables"]["realisasi"] if r["kode"] and "." not in r["kode"]]
    expected_pagu = 2 * sum(r["pagu_perubahan"] for r in programmes)
    unit_rows = [r for r in _sheets(tmp_path / "r.xlsx")["Unit"] if "JUMLAH" in r]
    assert expected_pagu in unit_rows[0], unit_rows
    assert any("kiriman beta.zip/LKjIP/beta.xlsx" in str(c) for r in _sheets(tmp_path / "r.xlsx")["Unit"] for c in r)
    assert sorted(p.name for p in folder.rglob("*")) == before  # nothing extracted beside the archive
    text = rekap(str(folder), "-o", str(tmp_path / "t.xlsx"), "--jobs", "1")
    assert "DILEWATI" in text.stdout and "3 berkas lain dilewati" in text.stdout
    assert "kiriman beta.zip/LKjIP/beta.xlsx" in text.stdout


def test_a_zip_named_on_the_command_line_is_read_and_the_same_unit_outside_it_is_a_duplicate(tmp_path):
    import zipfile

    workbook(tmp_path / "alfa.xlsx", "Kecamatan Alfa", "Kota Contoh", 2024, A)
    with zipfile.ZipFile(tmp_path / "semua.zip", "w") as zf:
        zf.write(tmp_path / "alfa.xlsx", "alfa.xlsx")
    result, doc = run(str(tmp_path / "semua.zip"), "-o", str(tmp_path / "r.xlsx"))
    assert result.exit_code == 0, result.output
    assert [(f["file"], f["status"]) for f in doc["files"]] == [(f"{tmp_path / 'semua.zip'}/alfa.xlsx", "ok")]
    result, doc = run(str(tmp_path / "alfa.xlsx"), str(tmp_path / "semua.zip"), "-o", str(tmp_path / "d.xlsx"))
    assert result.exit_code == 1  # the same unit twice
    assert [f["status"] for f in doc["files"]] == ["ok", "duplicate"]


def test_what_cannot_be_taken_from_a_zip_is_listed_with_its_reason(tmp_path):
    """A member protected by a password, an archive inside the archive, a damaged zip: each is listed
    as unreadable (the rekap is not clean, a unit may be missing), never dropped; the readable
    workbook beside them is counted."""
    import zipfile

    folder = tmp_path / "kiriman"
    folder.mkdir()
    workbook(tmp_path / "alfa.xlsx", "Kecamatan Alfa", "Kota Contoh", 2024, A)
    with zipfile.ZipFile(folder / "kiriman.zip", "w") as zf:
        zf.write(tmp_path / "alfa.xlsx", "alfa.xlsx")
        zf.writestr("dalam.zip", b"PK")
        zf.writestr("rahasia.xlsx", b"x" * 100)
    raw = bytearray((folder / "kiriman.zip").read_bytes())
    # mark rahasia.xlsx encrypted in its central directory entry (general purpose flag bit 0)
    central = raw.rfind(b"PK\x01\x02", 0, raw.rfind(b"rahasia.xlsx") + 1)
    raw[central + 8] |= 0x1
    (folder / "kiriman.zip").write_bytes(bytes(raw))
    (folder / "rusak.zip").write_bytes(b"PK\x03\x04 not really a zip")
    result, doc = run(str(folder), "-o", str(tmp_path / "r.xlsx"))
    assert result.exit_code == 1, result.output
    status = {f["file"].removeprefix(str(folder) + "/"): (f["status"], f.get("reason", "")) for f in doc["files"]}
    assert status["kiriman.zip/alfa.xlsx"][0] == "ok"
    assert status["kiriman.zip/rahasia.xlsx"][0] == "unreadable" and "kata sandi" in status["kiriman.zip/rahasia.xlsx"][1]
    assert status["kiriman.zip/dalam.zip"][0] == "unreadable" and "arsip di dalam arsip" in status["kiriman.zip/dalam.zip"][1]
    assert status["rusak.zip"][0] == "unreadable" and "ekstrak" in status["rusak.zip"][1]
    assert doc["summary"]["units"] == 1


def test_a_folder_holding_only_archives_lkjip_xl_cannot_open_says_to_extract_them(tmp_path):
    folder = tmp_path / "kiriman"
    folder.mkdir()
    (folder / "semua.rar").write_bytes(b"Rar!\x1a\x07\x00")
    result = rekap(str(folder), "-o", str(tmp_path / "r.xlsx"))
    assert result.exit_code == 2
    assert "(semua.rar)" in result.stderr and "ekstrak" in result.stderr


# ------------------------------------------------------------------ 6. the same unit twice, other figures
def test_a_duplicate_says_whether_its_figures_differ_and_which_counts(tmp_path):
    folder = tmp_path / "Kecamatan Alfa"
    folder.mkdir()
    workbook(folder / "LKjIP Alfa.xlsx", "Kecamatan Alfa", "Kota Contoh", 2024, A)
    workbook(folder / "LKjIP Alfa_revisi.xlsx", "Kecamatan Alfa", "Kota Contoh", 2024, B)
    shutil.copy(folder / "LKjIP Alfa.xlsx", folder / "LKjIP Alfa (1).xlsx")  # the same file downloaded twice
    out = tmp_path / "r.xlsx"
    result, doc = run(str(folder), "-o", str(out))
    files = {f["file"].rsplit("/", 1)[1]: f for f in doc["files"]}
    assert files["LKjIP Alfa (1).xlsx"]["status"] == "ok"  # the first in name order counts
    dup = {d["file"].rsplit("/", 1)[1]: d for d in doc["duplicates"]}
    assert dup["LKjIP Alfa.xlsx"]["differences"] == []
    assert dup["LKjIP Alfa_revisi.xlsx"]["differences"] == [
        {"figure": "respondents", "value": len(B), "counted": len(A)},
        {"figure": "ikm", "value": float(r2(IKM_B_EXACT)), "counted": float(r2(IKM_A))}]
    text = rekap(str(folder), "-o", str(tmp_path / "t.xlsx"), "--jobs", "1").stdout
    line = next(x for x in text.splitlines() if "Alfa_revisi" in x.split("  ")[1])
    ikm_b, ikm_a = (str(r2(x)).replace(".", ",") for x in (IKM_B_EXACT, IKM_A))
    assert line.startswith("DUPLIKAT")
    assert "yang dihitung adalah yang pertama menurut urutan masukan" in line
    assert (f"ANGKA BERBEDA: responden {len(B)} (yang dihitung: {len(A)}), IKM {ikm_b} (yang dihitung: {ikm_a})"
            in line)
    same = next(x for x in text.splitlines() if x.split("  ")[1].endswith("LKjIP Alfa.xlsx"))
    assert "angka sama" in same
    sheet = _sheets(out)["Duplikat"]
    assert any("ANGKA BERBEDA" in str(c) for r in sheet if "LKjIP Alfa_revisi.xlsx" in r for c in r)


def test_a_zip_member_over_the_size_limits_is_listed_not_extracted(tmp_path, monkeypatch):
    """A member larger than a workbook may be is never copied out (a zip bomb fills no disk): it is
    listed as unreadable, and the rekap of the rest goes on."""
    import zipfile

    from lkjip_xl.reader import limits

    folder = tmp_path / "kiriman"
    folder.mkdir()
    workbook(folder / "alfa.xlsx", "Kecamatan Alfa", "Kota Contoh", 2024, A)
    most = (folder / "alfa.xlsx").stat().st_size + 1000  # alfa itself is within the limit
    with zipfile.ZipFile(folder / "besar.zip", "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("besar.xlsx", b"\0" * (most + 1))
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", most)
    result, doc = run(str(folder), "-o", str(tmp_path / "r.xlsx"))
    assert result.exit_code == 1, result.output
    status = {f["file"].removeprefix(str(folder) + "/"): (f["status"], f.get("reason", "")) for f in doc["files"]}
    assert status["alfa.xlsx"][0] == "ok"
    assert status["besar.zip/besar.xlsx"][0] == "unreadable" and "batas ukuran" in status["besar.zip/besar.xlsx"][1]
