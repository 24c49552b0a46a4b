"""Build the bundled sample workbooks from their readable sources under samples/src/.

    python samples/build_samples.py            # writes samples/medan_amplas_2023.xlsx and _2022.xlsx,
                                               # samples/medang_kampai_2023.xlsx and
                                               # samples/medan_baru_pk_2024.xlsx

The sources transcribe the published Medan Amplas LKjIP 2023, Medang Kampai LKjIP 2023 and Medan
Baru Perjanjian Kinerja 2024 exactly as printed, mistakes included (see samples/src/*/README.md). Where the report prints a derived value
(capaian, % realisasi, sisa) that is not what the template's formula gives at the printed
precision, the printed value is entered over the formula, as staff do; everywhere else the
formula stays.
"""
from __future__ import annotations

import csv
import sys
from decimal import Decimal
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

from lkjip_xl.calc.decimals import compare_typed  # noqa: E402
from lkjip_xl.derive import derive_data  # noqa: E402
from lkjip_xl.schema.data import TypedOverride  # noqa: E402
from lkjip_xl.template.fill import write_filled  # noqa: E402

SRC = ROOT / "src" / "medan_amplas"
SRC_MEDANG_KAMPAI = ROOT / "src" / "medang_kampai"
SRC_MEDAN_BARU = ROOT / "src" / "medan_baru_pk"


def _csv(name: str, src: Path = SRC) -> list[dict]:
    with open(src / name, newline="", encoding="utf-8") as fh:
        return [{k: (v.strip() if isinstance(v, str) else v) for k, v in row.items()} for row in csv.DictReader(fh)]


def _num(text: str | None):
    if text in (None, ""):
        return None
    d = Decimal(text)
    return int(d) if d == d.to_integral_value() and "." not in text else d


def _printed_over_formula(computed, printed):
    """The printed value if it is not what the formula gives at its precision (or is truncated)."""
    if printed is None:
        return None
    if computed is None:
        return TypedOverride(printed)
    match = compare_typed(Decimal(computed), Decimal(printed))
    return None if match in ("exact", "half_up") else TypedOverride(printed)


def _identitas(tahun: int) -> dict:
    data = yaml.safe_load((SRC / "identitas.yaml").read_text(encoding="utf-8"))
    out = {k: (v if v not in ("", None) else None) for k, v in data.items()}
    out["tahun"] = tahun
    out["provinsi"] = out.get("provinsi") or "Sumatera Utara"
    return out


def _pk() -> list[dict]:
    rows = []
    for r in _csv("pk.csv"):
        rows.append({
            "no": r["no"], "sasaran": r["sasaran"], "kode_indikator": r["kode_indikator"],
            "indikator": r["indikator"], "satuan": r["satuan"], "arah": r["arah"], "jenis": r["jenis"],
            "target": _num(r["target"]), "target_predikat": r["target_predikat"] or None,
            "realisasi": _num(r["realisasi"]), "realisasi_lalu": _num(r["realisasi_lalu"]),
            "target_renstra": _num(r["target_renstra"]),
            "kode_program": ", ".join(p.strip() for p in r["kode_program"].split(";") if p.strip()) or None,
            "_capaian_tertulis": _num(r["capaian_tertulis"]),
        })
    return rows


def _keluaran_index() -> dict:
    index: dict = {}
    for r in _csv("keluaran.csv"):
        index.setdefault(r["kode"], []).append(r)
    return index


def _match_keluaran(index: dict, kode: str, uraian: str) -> dict | None:
    candidates = index.get(kode) or []
    if len(candidates) == 1:
        return candidates[0]
    first = " ".join(uraian.lower().split()[:2])
    for c in candidates:
        if " ".join(c["uraian"].lower().split()[:2]) == first:
            return c
    return None


def _realisasi(year: int, with_keluaran: bool) -> list[dict]:
    index = _keluaran_index() if with_keluaran else {}
    rows = []
    for r in _csv(f"realisasi_{year}.csv"):
        kode = r["kode"] or None
        row = {"kode": kode, "uraian": r["uraian"], "pagu_perubahan": _num(r["pagu"]),
               "realisasi": _num(r["realisasi"]),
               "_persen": _num(r["persen_tertulis"]), "_sisa": _num(r["sisa_tertulis"])}
        k = _match_keluaran(index, kode, r["uraian"]) if kode else None
        if k and k.get("target"):
            row.update(indikator_keluaran=k["indikator_keluaran"], satuan_keluaran=k["satuan"] or None,
                       target_keluaran=_num(k["target"]), realisasi_keluaran=_num(k["realisasi"]),
                       _persen_keluaran=_num(k.get("persen_tertulis_judul")))
        elif k:
            row["indikator_keluaran"] = k["indikator_keluaran"]
        rows.append(row)
    return rows


def _apply_printed(table_key: str, rows: list[dict], printed: dict[str, str], data: dict) -> None:
    """Enter printed derived values over the formula where they differ from it."""
    derived = derive_data(data).rows(table_key)
    for row, computed in zip(rows, derived):
        for column, source in printed.items():
            override = _printed_over_formula(computed.get(column), row.get(source))
            if override is not None:
                row[column] = override
    for row in rows:
        for k in [k for k in row if k.startswith("_")]:
            del row[k]


def build_2023() -> dict:
    komponen = [{"kode_indikator": r["kode_indikator"], "komponen": f'{r["komponen"]}: {r["label_pembilang"]}',
                 "pembilang": _num(r["pembilang"]), "penyebut": _num(r["penyebut"]), "satuan": r["satuan"]}
                for r in _csv("komponen.csv")]
    program = [{"kode": r["kode"], "program": r["program"], "pagu_murni": _num(r["pagu_murni"]),
                "pagu_perubahan": _num(r["pagu_perubahan"])} for r in _csv("pk_program.csv")]
    unsur = [{"kode": r["unsur"], "unsur": r["nama"], "nrr_tertulis": _num(r["nrr"])}
             for r in _csv("skm_nrr.csv") if r["unsur"]]
    data = {
        "forms": {"identitas": _identitas(2023), "skm_info": {"periode": "2023"}},
        "tables": {
            "pk_indikator": _pk(), "pk_program": program, "pk_komponen": komponen,
            "realisasi": _realisasi(2023, with_keluaran=True), "skm_unsur": unsur,
            "belanja": [{"uraian": r["uraian"], "anggaran": _num(r["anggaran"]), "realisasi": _num(r["realisasi"])}
                        for r in _csv("belanja_2023.csv")],
        },
    }
    _apply_printed("pk_indikator", data["tables"]["pk_indikator"], {"capaian": "_capaian_tertulis"}, data)
    _apply_printed("realisasi", data["tables"]["realisasi"],
                   {"persen_realisasi": "_persen", "sisa": "_sisa", "persen_keluaran": "_persen_keluaran"}, data)
    return data


def build_2022() -> dict:
    belanja = [{"uraian": r["uraian"], "anggaran": _num(r["anggaran"]), "realisasi": _num(r["realisasi"])}
               for r in _csv("belanja_2022.csv")]
    data = {"forms": {"identitas": _identitas(2022)},
            "tables": {"realisasi": _realisasi(2022, with_keluaran=False), "belanja": belanja}}
    _apply_printed("realisasi", data["tables"]["realisasi"], {"persen_realisasi": "_persen", "sisa": "_sisa"}, data)
    return data


# ------------------------------------------------------------------ Medang Kampai 2023 (Kota Dumai)
def _printed_amounts_over_formula(table_key: str, rows: list[dict], printed: dict[str, str], data: dict) -> None:
    """Enter printed rupiah amounts (sisa) over the formula unless they are exactly its value.

    Money is never rounded: 15.829.895,00 printed for 15.829.895,42 is a different amount, which
    the comparison at the printed precision in ``_printed_over_formula`` would accept."""
    derived = derive_data(data).rows(table_key)
    for row, computed in zip(rows, derived):
        for column, source in printed.items():
            value, want = row.get(source), computed.get(column)
            if value is not None and (want is None or Decimal(want) != Decimal(value)):
                row[column] = TypedOverride(value)


def _yaml_identitas(src: Path) -> dict:
    data = yaml.safe_load((src / "identitas.yaml").read_text(encoding="utf-8"))
    return {k: (v if v not in ("", None) else None) for k, v in data.items()}


def _codes(text: str) -> str | None:
    return ", ".join(p.strip() for p in text.split(";") if p.strip()) or None


def build_medang_kampai_2023() -> dict:
    mk = SRC_MEDANG_KAMPAI
    pk = [{"no": r["no"], "sasaran": r["sasaran"], "kode_indikator": r["kode_indikator"],
           "indikator": r["indikator"], "satuan": r["satuan"], "arah": r["arah"], "jenis": r["jenis"],
           "target": _num(r["target"]), "target_predikat": r["target_predikat"] or None,
           "realisasi": _num(r["realisasi"]), "realisasi_lalu": _num(r["realisasi_lalu"]),
           "target_renstra": _num(r["target_renstra"]), "kode_program": _codes(r["kode_program"]),
           "_capaian_tertulis": _num(r["capaian_tertulis"])} for r in _csv("pk.csv", mk)]
    program = [{"kode": r["kode"], "program": r["program"], "pagu_murni": _num(r["pagu_murni"]),
                "pagu_perubahan": _num(r["pagu_perubahan"])} for r in _csv("pk_program.csv", mk)]
    funds = [{"kode": r["kode"], "sumber_dana": r["sumber_dana"]} for r in _csv("pk_program.csv", mk) if r["sumber_dana"]]
    realisasi = [{"kode": r["kode"] or None, "uraian": r["uraian"], "pagu_perubahan": _num(r["pagu"]),
                  "realisasi": _num(r["realisasi"]), "_persen": _num(r["persen_tertulis"]),
                  "_sisa": _num(r["sisa_tertulis"])} for r in _csv("realisasi.csv", mk)]
    ra_indikator = [{"kode_indikator": r["kode_indikator"], "indikator": r["indikator"], "agregasi": r["agregasi"],
                     "target_tahunan": _num(r["target_tahunan"]),
                     **{f"target_tw{q}": _num(r[f"target_tw{q}"]) for q in range(1, 5)},
                     "kode_kegiatan": _codes(r["kode_kegiatan"])} for r in _csv("ra_indikator.csv", mk)]
    ra_kegiatan = [{"kode": r["kode"], "uraian": r["uraian"], "pagu": _num(r["pagu"])}
                   for r in _csv("ra_kegiatan.csv", mk)]
    data = {
        "forms": {"identitas": _yaml_identitas(mk)},
        "tables": {"pk_indikator": pk, "pk_program": program, "realisasi": realisasi,
                   "ra_indikator": ra_indikator, "ra_kegiatan": ra_kegiatan, "sumber_dana": funds,
                   "sakip_rekomendasi": [{k: (_num(r[k]) if k == "tahun" else r[k]) for k in
                                          ("tahun", "kelemahan", "rekomendasi", "tindak_lanjut", "waktu")}
                                         for r in _csv("sakip_rekomendasi.csv", mk)],
                   "riwayat_indikator": [{k: _num(r[k]) if k != "kode_indikator" else r[k] for k in
                                          ("kode_indikator", "tahun", "target", "realisasi")}
                                         for r in _csv("riwayat.csv", mk)],
                   "indikator_program": [{k: _num(r[k]) if k in ("target", "realisasi") else r[k] for k in
                                          ("kode", "indikator", "satuan", "target", "realisasi")}
                                         for r in _csv("indikator_program.csv", mk)]},
    }
    _apply_printed("pk_indikator", pk, {"capaian": "_capaian_tertulis"}, data)
    _printed_amounts_over_formula("realisasi", realisasi, {"sisa": "_sisa"}, data)
    _apply_printed("realisasi", realisasi, {"persen_realisasi": "_persen"}, data)
    return data


# ------------------------------------------------------------------ Medan Baru PK 2024 (Kota Medan)
def build_medan_baru_pk_2024() -> dict:
    """A PK document's workbook: Identitas, the PK with its programmes, the composite indicator's
    components and their breakdown, the penjelasan rumusan. No realisasi yet (January)."""
    mb = SRC_MEDAN_BARU
    pk = [{"no": r["no"], "sasaran": r["sasaran"], "kode_indikator": r["kode_indikator"], "indikator": r["indikator"],
           "satuan": r["satuan"], "arah": r["arah"], "jenis": r["jenis"], "target": _num(r["target"]),
           "target_predikat": r["target_predikat"] or None, "kode_program": _codes(r["kode_program"])}
          for r in _csv("pk.csv", mb)]
    program = [{"kode": r["kode"], "program": r["program"], "pagu_murni": _num(r["pagu_murni"]),
                "keterangan": r["keterangan"] or None} for r in _csv("pk_program.csv", mb)]
    komponen = [{"kode_indikator": r["kode_indikator"], "komponen": f'{r["komponen"]}: {r["label"]}',
                 "penyebut": _num(r["penyebut"]), "satuan": r["satuan"]} for r in _csv("komponen.csv", mb)]
    rincian = [{k: (_num(r[k]) if k == "jumlah" else r[k]) for k in ("kode_indikator", "komponen", "uraian", "jumlah",
                                                                     "satuan")} for r in _csv("rincian.csv", mb)]
    rumusan = [{k: r[k] for k in ("kode_indikator", "rumusan", "penjelasan")} for r in _csv("rumusan.csv", mb)]
    return {"forms": {"identitas": _yaml_identitas(mb)},
            "tables": {"pk_indikator": pk, "pk_program": program, "pk_komponen": komponen,
                       "pk_komponen_rincian": rincian, "pk_rumusan": rumusan}}


def main(out_dir: Path = ROOT) -> list[Path]:
    written = []
    for year, build in ((2023, build_2023), (2022, build_2022)):
        out = Path(out_dir) / f"medan_amplas_{year}.xlsx"
        write_filled(out, build())
        print(f"written {out}")
        written.append(out)
    for name, build in (("medang_kampai_2023.xlsx", build_medang_kampai_2023),
                        ("medan_baru_pk_2024.xlsx", build_medan_baru_pk_2024)):
        out = Path(out_dir) / name
        write_filled(out, build())
        print(f"written {out}")
        written.append(out)
    return written


if __name__ == "__main__":
    main()
