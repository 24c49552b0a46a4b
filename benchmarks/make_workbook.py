"""Synthetic LKjIP workbooks of any size, valid (``lkjip-xl check`` finds no error), written
through the real template writer (``lkjip_xl.template.fill.write_filled``).

    python benchmarks/make_workbook.py --sub-kegiatan 1000 --respondents 400 --seed 1 -o unit.xlsx
    python benchmarks/make_workbook.py --units 200 --sub-kegiatan 300 --respondents 400 --seed 1 --out-dir units/

One workbook: ``--sub-kegiatan N`` sub kegiatan rows on the Realisasi sheet (under their kegiatan
and programme rows, so the sheet holds about 1,2 N rows), ``--respondents M`` SKM respondents
(0: no SKM), an IKM indicator whose realisasi is the IKM of those answers, other PK indicators
drawn from a pool, a Rencana Aksi, the Belanja classes and the PK programme pagu, all adding up.

``--units K --out-dir DIR`` writes K workbooks of different units of one kota: sizes vary from
half to one and a half times N and M, most units have an SKM from respondents, some only the
summary block's totals, some none; some use the legacy 0,111 weight or another rating scale;
indicator names are spelled differently from unit to unit (case, spaces, a full stop).
``--uniform`` keeps every unit at exactly N rows and M respondents (still different units).

The same arguments and seed always give the same data.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lkjip_xl.calc.skm import KREJCIE_MORGAN, SKM_WEIGHTS, UNSUR  # noqa: E402
from lkjip_xl.skm.compute import COLUMNS, compute_skm  # noqa: E402

KOTA = "Kota Sukamakmur"
PROVINSI = "Sumatera Utara"
PLACES = ("Sukajadi", "Sukamaju", "Medan Kota", "Tanjung Sari", "Bukit Indah", "Pasar Baru", "Sei Rampah",
          "Kampung Baru", "Padang Bulan", "Sungai Mati", "Air Bersih", "Labuhan", "Belawan", "Marelan",
          "Tembung", "Helvetia", "Sunggal", "Johor", "Maimun", "Polonia", "Denai", "Perjuangan")
WINDS = ("", " Utara", " Selatan", " Timur", " Barat", " Tengah", " Hilir", " Hulu", " Raya")
DINAS = ("Dinas Kesehatan", "Dinas Pendidikan", "Dinas Sosial", "Dinas Perhubungan", "Dinas Pertanian",
         "Dinas Kependudukan dan Pencatatan Sipil", "Dinas Lingkungan Hidup", "Satuan Polisi Pamong Praja",
         "Badan Kesatuan Bangsa dan Politik", "Dinas Koperasi dan UKM")

# name, satuan, arah, jenis, (low, high) target, decimal places
INDICATORS = (
    ("Persentase capaian pemberdayaan masyarakat", "%", "naik", "persentase", (85, 100), 0),
    ("Persentase penyelesaian pelayanan administrasi terpadu kecamatan", "%", "naik", "persentase", (90, 100), 2),
    ("Persentase gangguan ketenteraman dan ketertiban yang berulang", "%", "turun", "persentase", (5, 15), 1),
    ("Jumlah dokumen perencanaan dan pelaporan yang disusun", "Dokumen", "naik", "jumlah", (3, 12), 0),
    ("Persentase kelurahan yang menyelenggarakan musrenbang tepat waktu", "%", "naik", "persentase", (90, 100), 0),
    ("Nilai evaluasi kinerja penyelenggaraan pemerintahan", "Nilai", "naik", "indeks", (70, 90), 2),
    ("Persentase realisasi fisik kegiatan", "%", "naik", "persentase", (95, 100), 2),
    ("Jumlah pokmas yang diberdayakan", "Pokmas", "naik", "jumlah", (5, 30), 0),
    ("Persentase sengketa tanah yang difasilitasi", "%", "naik", "persentase", (70, 95), 0),
    ("Jumlah laporan keuangan yang disusun tepat waktu", "Laporan", "naik", "jumlah", (4, 14), 0),
)
IKM_INDICATOR = "Indeks Kepuasan Masyarakat"
SASARAN = ("Meningkatnya kualitas pelayanan publik", "Meningkatnya kualitas tata kelola pemerintahan",
           "Meningkatnya ketenteraman dan partisipasi masyarakat")
OUTPUTS = (("Dokumen perencanaan dan pelaporan", "Dokumen"), ("Laporan koordinasi", "Laporan"),
           ("Orang yang dilatih", "Orang"), ("Paket pengadaan", "Paket"), ("Kegiatan terlaksana", "Kegiatan"),
           ("Bulan layanan administrasi", "Bulan"), ("Unit sarana terbangun", "Unit"))
JENIS_BELANJA = (("Belanja Barang dan Jasa", 60), ("Belanja Pegawai", 20), ("Belanja Modal Peralatan dan Mesin", 10),
                 ("Belanja Modal Gedung dan Bangunan", 5), ("Belanja Modal Jalan, Irigasi dan Jaringan", 5))
OPERASI_KINDS = ("Belanja Pegawai", "Belanja Barang dan Jasa")
MODAL_KINDS = ("Belanja Modal Tanah", "Belanja Modal Peralatan dan Mesin", "Belanja Modal Gedung dan Bangunan",
               "Belanja Modal Jalan, Irigasi dan Jaringan", "Belanja Modal Aset Tetap Lainnya")
LAYANAN = ("KTP", "KK", "Surat Pindah", "Surat Keterangan Usaha", "Akta Kelahiran")
PENDIDIKAN = ("SD", "SMP", "SMA/SMK", "D1-D3", "D4/S1", "S2")
PEKERJAAN = ("PNS", "Pegawai Swasta", "Wiraswasta", "Pelajar/Mahasiswa", "Ibu Rumah Tangga", "Lainnya")


def spelled(name: str, rng: random.Random) -> str:
    """The indicator name as one unit happens to type it."""
    kind = rng.randrange(6)
    if kind == 1:
        return " ".join(w[:1].upper() + w[1:] for w in name.split())
    if kind == 2:
        return name.replace(" ", "  ", 1)
    if kind == 3:
        return name + "."
    if kind == 4:
        return name.lower()
    return name


# ------------------------------------------------------------------------------------- budget
def _amount(rng: random.Random) -> int:
    return rng.randrange(5_000, 500_000) * 1000


def budget(sub_kegiatan: int, rng: random.Random, apbdp: bool) -> tuple[list[dict], list[dict]]:
    """Realisasi rows (programme > kegiatan > sub kegiatan, then TOTAL) and the PK programme rows."""
    # a tree about as deep as it is wide at every level (cube root of N), codes of two digits
    side = max(2, round(sub_kegiatan ** (1 / 3)))
    plan: list[list[int]] = []  # programme -> sub kegiatan count per kegiatan
    left = sub_kegiatan
    while left > 0:
        kegiatan = []
        for _ in range(min(99, rng.randint(side // 2 + 1, side * 3 // 2))):
            n = min(left, rng.randint(side // 2 + 1, min(99, side * 3 // 2)))
            if n:
                kegiatan.append(n)
                left -= n
        plan.append(kegiatan)
    width = max(2, len(str(len(plan))))
    rows, programmes, fields = [], [], ("pagu_murni", "pagu_perubahan", "realisasi")
    for p, kegiatan in enumerate(plan, start=1):
        pcode = f"{p:0{width}d}"
        prow = {"kode": pcode, "uraian": f"Program {p} Penunjang Urusan Pemerintahan"}
        block = []
        for k, subs in enumerate(kegiatan, start=1):
            krow = {"kode": f"{pcode}.{k:02d}", "uraian": f"Kegiatan {p}.{k} Penyelenggaraan Pemerintahan"}
            leaves = [_leaf(f"{pcode}.{k:02d}.{s:02d}", p, k, s, rng, apbdp) for s in range(1, subs + 1)]
            for f in fields:
                krow[f] = _sum(leaf.get(f) for leaf in leaves)
            block += [krow, *leaves]
        for f in fields:
            prow[f] = _sum(r.get(f) for r in block if r["kode"].count(".") == 1)
        rows += [prow, *block]
        programmes.append({"kode": pcode, "program": prow["uraian"], "pagu_murni": prow["pagu_murni"],
                           "pagu_perubahan": prow.get("pagu_perubahan")})
    total = {"kode": None, "uraian": "TOTAL"}
    for f in fields:
        total[f] = _sum(r.get(f) for r in rows if r["kode"].count(".") == 0)
    return rows + [total], programmes


def _leaf(code: str, p: int, k: int, s: int, rng: random.Random, apbdp: bool) -> dict:
    murni = _amount(rng)
    perubahan = (murni + rng.randrange(-20, 21) * 1_000_000 if rng.random() < 0.3 else murni) if apbdp else None
    if perubahan is not None and perubahan <= 0:
        perubahan = murni
    pagu = perubahan if perubahan is not None else murni
    realisasi: int | Decimal = pagu * rng.randrange(800, 1001) // 1000
    if rng.random() < 0.1:
        realisasi = Decimal(realisasi - 1) + Decimal(rng.randrange(1, 100)) / 100  # with sen
    output, satuan = rng.choice(OUTPUTS)
    target = rng.randint(1, 40)
    return {"kode": code, "uraian": f"Sub kegiatan {p}.{k}.{s}", "indikator_keluaran": output,
            "satuan_keluaran": satuan, "target_keluaran": target,
            "realisasi_keluaran": max(0, target + rng.choice((0, 0, 0, -1, 1, 2))),
            "pagu_murni": murni, "pagu_perubahan": perubahan, "realisasi": realisasi,
            "jenis_belanja": rng.choices([j for j, _ in JENIS_BELANJA], [w for _, w in JENIS_BELANJA])[0]}


def _sum(values):
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def belanja(rows: list[dict]) -> list[dict]:
    """The Belanja sheet: Σ of the sub kegiatan per economic class (pagu perubahan when filled)."""
    sums = {name: [0, 0] for name in OPERASI_KINDS + MODAL_KINDS}
    for r in rows:
        if r.get("jenis_belanja"):
            pagu = r["pagu_perubahan"] if r["pagu_perubahan"] is not None else r["pagu_murni"]
            sums[r["jenis_belanja"]][0] += pagu
            sums[r["jenis_belanja"]][1] += r["realisasi"]

    def line(name, kinds):
        return {"uraian": name, "anggaran": sum(sums[k][0] for k in kinds), "realisasi": sum(sums[k][1] for k in kinds)}

    return ([line("Belanja Operasi", OPERASI_KINDS)] + [line(k, (k,)) for k in OPERASI_KINDS]
            + [line("Belanja Modal", MODAL_KINDS)] + [line(k, (k,)) for k in MODAL_KINDS]
            + [line("Jumlah Belanja Daerah", OPERASI_KINDS + MODAL_KINDS)])


# ---------------------------------------------------------------------------------------- SKM
def respondents(n: int, tahun: int, rng: random.Random) -> list[dict]:
    """Answers 1..4; the unit's service quality shifts them, so units differ."""
    quality = rng.uniform(0, 1)
    weights = (1, 4 + 6 * (1 - quality), 20, 10 + 25 * quality)
    out = []
    for i in range(n):
        answers = rng.choices((1, 2, 3, 4), weights, k=9)
        out.append({"no": i + 1, "tanggal": dt.date(tahun, 1 + i % 12, 1 + i % 28),
                    "jenis_layanan": LAYANAN[rng.randrange(len(LAYANAN))], "jenis_kelamin": "L" if rng.random() < 0.5 else "P",
                    "umur": rng.randint(17, 75), "pendidikan": PENDIDIKAN[rng.randrange(len(PENDIDIKAN))],
                    "pekerjaan": PEKERJAAN[rng.randrange(len(PEKERJAAN))],
                    **{key: a for key, a in zip(COLUMNS, answers)}})
    return out


def populasi_for(n: int) -> int | None:
    """The largest Krejcie–Morgan population whose minimum sample ``n`` respondents meet."""
    fits = [pop for pop, sample in KREJCIE_MORGAN if sample <= n]
    return max(fits) if fits else None


def unsur_block(resp: list[dict] | None) -> list[dict]:
    """The SKM summary block: unsur names; with ``resp``, their totals typed instead of answers."""
    rows = []
    for i, u in enumerate(UNSUR):
        row = {"kode": f"U{i + 1}", "unsur": u.name}
        if resp:
            row["jumlah_nilai"] = sum(r[COLUMNS[i]] for r in resp)
            row["jumlah_responden"] = len(resp)
        rows.append(row)
    return rows


# ----------------------------------------------------------------------------------- indicators
def _value(low: float, high: float, places: int, rng: random.Random) -> Decimal:
    return round(Decimal(str(rng.uniform(low, high))), places)


def indicators(rng: random.Random, programmes: list[str], kegiatan: list[str], ikm: Decimal | None,
               spell) -> tuple[list[dict], list[dict]]:
    """PK indicator rows and their Rencana Aksi rows."""
    chosen = rng.sample(INDICATORS, rng.randint(3, 7))
    if ikm is not None:
        chosen.insert(0, (IKM_INDICATOR, "Indeks", "naik", "indeks", (78, 86), 2))
    pk, ra = [], []
    sasaran = 0
    for j, (name, satuan, arah, jenis, (low, high), places) in enumerate(chosen, start=1):
        target = _value(low, high, places, rng)
        if name == IKM_INDICATOR:
            realisasi = ikm
        elif arah == "turun":
            realisasi = _value(float(target) * 0.7, float(target) * 1.2, places, rng)
        else:
            realisasi = _value(float(target) * 0.85, float(target) * 1.12, places, rng)
            if satuan == "%":
                realisasi = min(realisasi, Decimal(100))
        new_sasaran = j == 1 or rng.random() < 0.35
        if new_sasaran:
            sasaran += 1
        programme = rng.choice(programmes)
        pk.append({"no": str(sasaran) if new_sasaran else "",
                   "sasaran": SASARAN[(sasaran - 1) % len(SASARAN)] if new_sasaran else None,
                   "kode_indikator": f"IKU{j}", "indikator": spell(name), "satuan": satuan, "arah": arah,
                   "jenis": jenis, "target": target, "realisasi": realisasi,
                   "target_renstra": target + (1 if arah == "naik" and satuan != "%" else 0) if rng.random() < 0.5 else None,
                   "kode_program": programme})
        ra.append(_rencana_aksi(f"IKU{j}", pk[-1]["indikator"], jenis, target, realisasi,
                                rng.choice([k for k in kegiatan if k.startswith(programme + ".")] or kegiatan)))
    return pk, ra


def _rencana_aksi(code: str, name: str, jenis: str, target: Decimal, realisasi: Decimal, kegiatan: str) -> dict:
    row = {"kode_indikator": code, "indikator": name, "target_tahunan": target, "kode_kegiatan": kegiatan}
    if jenis == "jumlah" and target >= 4:
        q, extra = divmod(int(target), 4)
        row.update(agregasi="kumulatif", **{f"target_tw{i}": Decimal(q + (1 if i <= extra else 0)) for i in range(1, 5)})
    else:
        step = target / 4
        row.update(agregasi="akhir", **{f"target_tw{i}": round(step * i, 2) for i in range(1, 4)}, target_tw4=target,
                   realisasi_tw4=realisasi)
    return row


def ra_kegiatan(rows: list[dict], rng: random.Random) -> list[dict]:
    """A few kegiatan of the Rencana Aksi budget table, with their quarters."""
    kegiatan = [r for r in rows if r["kode"] and r["kode"].count(".") == 1]
    out = []
    for r in rng.sample(kegiatan, min(len(kegiatan), 5)):
        pagu = r["pagu_perubahan"] if r.get("pagu_perubahan") is not None else r["pagu_murni"]
        quarter = pagu // 4
        out.append({"kode": r["kode"], "uraian": r["uraian"], "pagu": pagu,
                    **{f"pagu_tw{i}": quarter for i in range(1, 4)}, "pagu_tw4": pagu - 3 * quarter})
    return out


# -------------------------------------------------------------------------------------- a unit
def unit_data(sub_kegiatan: int, n_respondents: int, seed, *, unit: str = "Kecamatan Sukamaju",
              kabupaten: str = KOTA, tahun: int = 2024, skm: str | None = "responden", weight: str = "exact",
              skala: str = "Permendagri 86/2017", apbdp: bool = True, vary_names: bool = False) -> dict:
    """The data of one valid filled workbook (``write_filled``'s argument).

    ``skm``: "responden" (one row per respondent), "jumlah" (only the summary block's totals
    of ``n_respondents`` answers) or None (no SKM, no IKM indicator)."""
    rng = random.Random(f"lkjip-{seed}")
    rows, programmes = budget(max(1, sub_kegiatan), rng, apbdp)
    resp = respondents(n_respondents, tahun, rng) if skm and n_respondents > 0 else []
    block = unsur_block(resp if skm == "jumlah" else None)
    ikm = None
    if resp:
        answers = {} if skm == "jumlah" else {k: [r[k] for r in resp] for k in COLUMNS}
        ikm = compute_skm(answers, block, weight).ikm.rounded
    codes = [p["kode"] for p in programmes]
    kegiatan = [r["kode"] for r in rows if r["kode"] and r["kode"].count(".") == 1]
    pk, ra = indicators(rng, codes, kegiatan, ikm, (lambda s: spelled(s, rng)) if vary_names else (lambda s: s))
    place = unit.split(" ", 1)[-1]
    forms = {
        "identitas": {"unit": unit, "kabupaten_kota": kabupaten, "provinsi": PROVINSI, "tahun": tahun,
                      "renstra_awal": tahun - 3, "renstra_akhir": tahun + 2, "pimpinan_nama": "Andi Siregar, S.STP",
                      "pimpinan_nip": "198001012005011001", "pimpinan_jabatan": f"Pimpinan {place}",
                      "atasan_nama": "Hj. Rahmawati", "atasan_jabatan": f"Wali {kabupaten}",
                      "tempat": kabupaten.split(" ", 1)[-1], "tanggal": dt.date(tahun + 1, 1, 31), "skala": skala,
                      "rumus_turun": "(2T-R)/T", "batas_capaian": "tidak", "bobot_skm": SKM_WEIGHTS[weight].choice,
                      "pembulatan": "pembulatan", "metode_efisiensi": "sisa_persen"},
    }
    tables = {"realisasi": rows, "pk_program": programmes, "pk_indikator": pk, "ra_indikator": ra,
              "ra_kegiatan": ra_kegiatan(rows, rng), "belanja": belanja(rows), "skm_unsur": block}
    if resp:
        forms["skm_info"] = {"jenis_layanan": "Pelayanan administrasi", "periode": f"Januari–Desember {tahun}",
                             "populasi": populasi_for(len(resp))}
        if skm == "responden":
            tables["skm_responden"] = resp
    return {"forms": forms, "tables": tables}


def unit_names(k: int, rng: random.Random) -> list[str]:
    """``k`` different unit names: kecamatan, and an OPD now and then."""
    names = [f"Kecamatan {p}{w}" for w in WINDS for p in PLACES]
    rng.shuffle(names)
    dinas = list(DINAS)
    out: list[str] = []
    for i in range(k):
        if dinas and i % 7 == 3:
            out.append(dinas.pop(0))
        elif names:
            out.append(names.pop())
        else:
            out.append(f"Kecamatan Pemekaran {i + 1}")
    return out


def units_plan(k: int, sub_kegiatan: int, n_respondents: int, seed, uniform: bool = False) -> list[dict]:
    """Keyword arguments of ``unit_data`` for ``k`` different units of one kota."""
    rng = random.Random(f"units-{seed}")
    plans = []
    for i, name in enumerate(unit_names(k, rng)):
        def size(n: int) -> int:
            return n if uniform else max(1, round(n * rng.uniform(0.5, 1.5)))

        skm = "responden" if uniform else rng.choices(("responden", "jumlah", None), (75, 10, 15))[0]
        plans.append({"sub_kegiatan": size(sub_kegiatan), "n_respondents": size(n_respondents) if skm else 0,
                      "seed": f"{seed}-{i}", "unit": name, "skm": skm, "vary_names": True,
                      "weight": "legacy_0111" if rng.random() < 0.1 else "exact",
                      "skala": "Atribut Capaian" if rng.random() < 0.3 else "Permendagri 86/2017",
                      "apbdp": rng.random() < 0.8})
    return plans


def slug(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", text.lower()).strip("_")


def main(argv: list[str] | None = None) -> int:
    from lkjip_xl.template.fill import write_filled

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sub-kegiatan", type=int, default=300, help="sub kegiatan rows (per unit: the mean)")
    ap.add_argument("--respondents", type=int, default=400, help="SKM respondents (per unit: the mean)")
    ap.add_argument("--seed", default="1")
    ap.add_argument("-o", "--output", type=Path, help="the workbook to write")
    ap.add_argument("--units", type=int, help="write this many workbooks of different units into --out-dir")
    ap.add_argument("--out-dir", type=Path)
    ap.add_argument("--uniform", action="store_true", help="with --units: every unit exactly N rows, M respondents")
    args = ap.parse_args(argv)
    if (args.units is None) == (args.output is None) or (args.units is not None and args.out_dir is None):
        ap.error("give either -o FILE, or --units K --out-dir DIR")
    if args.sub_kegiatan < 1 or args.respondents < 0 or (args.units is not None and args.units < 1):
        ap.error("--sub-kegiatan must be at least 1, --respondents at least 0, --units at least 1")
    if args.output is not None:
        write_filled(args.output, unit_data(args.sub_kegiatan, args.respondents, args.seed))
        print(f"{args.output}: {args.sub_kegiatan} sub kegiatan, {args.respondents} respondents")
        return 0
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for i, plan in enumerate(units_plan(args.units, args.sub_kegiatan, args.respondents, args.seed, args.uniform)):
        path = args.out_dir / f"{i + 1:03d}_{slug(plan['unit'])}.xlsx"
        write_filled(path, unit_data(**plan))
        print(f"{path}: {plan['unit']}, {plan['sub_kegiatan']} sub kegiatan, "
              f"{plan['n_respondents']} respondents ({plan['skm'] or 'no SKM'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
