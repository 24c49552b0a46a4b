"""Benchmark: `check` on a large workbook against python-calamine merely reading its values.

    python benchmarks/check_large.py [--budget-rows 50000] [--respondents 100000] [--keep DIR]

Builds a consistent workbook through the template writer (50.000 Realisasi rows: 1.000
programmes x 7 kegiatan x 6 sub kegiatan, and 100.000 SKM respondents), then prints:
- the seconds python-calamine takes to read every value of every sheet,
- the seconds and peak memory of lkjip-xl's whole check (read, recompute, compare),
- their ratio (the target is at most 2).
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from python_calamine import CalamineWorkbook  # noqa: E402

from lkjip_xl.checks.engine import check_workbook  # noqa: E402
from lkjip_xl.template.fill import write_filled  # noqa: E402


def build(budget_rows: int, respondents: int) -> dict:
    rng = random.Random(7)
    rows = []
    programmes = max(1, budget_rows // 50)
    for p in range(1, programmes + 1):
        kegiatan = []
        for k in range(1, 8):
            subs = []
            for s in range(1, 7):
                pagu = rng.randrange(10_000_000, 900_000_000, 1000)
                real = pagu - rng.randrange(0, 5_000_000, 1000)
                subs.append({"kode": f"{p:04d}.{k:02d}.{s:02d}", "uraian": f"Sub kegiatan {p}.{k}.{s}",
                             "pagu_murni": pagu, "realisasi": real, "indikator_keluaran": "Dokumen",
                             "satuan_keluaran": "Dokumen", "target_keluaran": 4, "realisasi_keluaran": 4})
            kegiatan.append(({"kode": f"{p:04d}.{k:02d}", "uraian": f"Kegiatan {p}.{k}",
                              "pagu_murni": sum(x["pagu_murni"] for x in subs),
                              "realisasi": sum(x["realisasi"] for x in subs)}, subs))
        rows.append({"kode": f"{p:04d}", "uraian": f"Program {p}",
                     "pagu_murni": sum(k["pagu_murni"] for k, _ in kegiatan),
                     "realisasi": sum(k["realisasi"] for k, _ in kegiatan)})
        for k, subs in kegiatan:
            rows.append(k)
            rows.extend(subs)
    answers = [{"no": i + 1, "jenis_layanan": "KTP" if i % 3 else "KK", "jenis_kelamin": "L" if i % 2 else "P",
                "umur": 18 + i % 60, **{f"u{u}": rng.choice((2, 3, 3, 4, 4)) for u in range(1, 10)}}
               for i in range(respondents)]
    return {"forms": {"identitas": {"unit": "Kecamatan Uji", "kabupaten_kota": "Kota Uji", "tahun": 2024},
                      "skm_info": {"populasi": 200_000}},
            "tables": {"realisasi": rows[:budget_rows], "skm_responden": answers}}


def calamine_read_all(path: Path) -> int:
    book = CalamineWorkbook.from_path(str(path))
    cells = 0
    for name in book.sheet_names:
        for row in book.get_sheet_by_name(name).to_python():
            cells += len(row)
    return cells


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--budget-rows", type=int, default=50_000)
    ap.add_argument("--respondents", type=int, default=100_000)
    ap.add_argument("--keep", type=Path, default=None, help="keep the workbook in this folder")
    args = ap.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="lkjip-bench-"))
    path = folder / "large.xlsx"
    if not path.exists():
        t = time.perf_counter()
        write_filled(path, build(args.budget_rows, args.respondents))
        print(f"built {path} ({path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    cells = calamine_read_all(path)
    base = time.perf_counter() - t
    print(f"python-calamine reads {cells:,} cells in {base:.2f} s")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    result = check_workbook(path)
    took = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"lkjip-xl check: {took:.2f} s, {len(result.findings)} findings {result.summary}")
    print(f"peak resident memory: {peak / 1024:.0f} MB (was {before / 1024:.0f} MB before the check)")
    print(f"ratio check / calamine read: {took / base:.2f} (target <= 2)")


if __name__ == "__main__":
    main()
