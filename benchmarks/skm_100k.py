"""Benchmark: the SKM of 100.000 respondents, from a survey export file.

Builds a 100.000-respondent survey (xlsx written with xlsxwriter in constant_memory mode, or csv)
in a temporary directory, then times what ``lkjip-xl skm FILE --format json`` does, in-process:
reading the file, NRR/IKM, checks, IKM per layanan, respondent profile and the JSON document.
Each measurement runs in a fresh interpreter: the seconds come from a run without tracing, the
peak memory from a second run under tracemalloc (Python allocations) and from ru_maxrss (the
whole process's peak resident set, python-calamine's own memory and the imports included). The
CPU time and the load average are printed too: on a shared machine the wall time includes
waiting for a core.

Target (issue 4): under 5 s and under 500 MB on the 2-core reference machine.

    python benchmarks/skm_100k.py            # xlsx and csv
    python benchmarks/skm_100k.py --format csv --respondents 200000
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

LAYANAN = ("KTP", "KK", "Akta Kelahiran", "Surat Pindah", "IMB")
PENDIDIKAN = ("SD", "SMP", "SMA/SMK", "D1-D3", "D4/S1", "S2")
PEKERJAAN = ("PNS", "Pegawai Swasta", "Wiraswasta", "Pelajar/Mahasiswa", "Ibu Rumah Tangga", "Lainnya")
# a questionnaire in its own order (sarana at 8), headed by unsur names
HEADERS = ["No", "Jenis Layanan", "Jenis Kelamin", "Umur", "Pendidikan", "Pekerjaan",
           "Persyaratan", "Sistem, Mekanisme, dan Prosedur", "Waktu Penyelesaian", "Biaya/Tarif",
           "Produk Spesifikasi Jenis Pelayanan", "Kompetensi Pelaksana", "Perilaku Pelaksana",
           "Sarana dan Prasarana", "Penanganan Pengaduan, Saran dan Masukan"]


def rows(n: int, seed: int = 14):
    rnd = random.Random(seed)
    choice, randint = rnd.choice, rnd.randint
    answers = (2, 3, 3, 3, 4, 4, 4)
    for i in range(n):
        row = [i + 1, choice(LAYANAN), "L" if i % 2 else "P", randint(17, 75), choice(PENDIDIKAN),
               choice(PEKERJAAN), *(choice(answers) for _ in range(9))]
        if i % 10_000 == 7:
            row[6 + i % 9] = None  # a few blanks and bad answers, so the checks have work
        if i % 25_000 == 11:
            row[7] = 7
        yield row


def write_xlsx(path: Path, n: int) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("Jawaban")
    ws.write_row(0, 0, HEADERS)
    number, string = ws.write_number, ws.write_string
    for r, row in enumerate(rows(n), start=1):
        for c, v in enumerate(row):
            if v is None:
                continue
            if isinstance(v, str):
                string(r, c, v)
            else:
                number(r, c, v)
    wb.close()


def write_csv(path: Path, n: int) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(HEADERS)
        w.writerows(["" if v is None else v for v in row] for row in rows(n))


def run_once(path: Path, trace: bool) -> dict:
    """One in-process run: wall and CPU seconds, tracemalloc peak (MB, when ``trace``), this
    process's max RSS (MB) and the JSON document's summary."""
    from lkjip_xl.commands.skm import run_skm, to_json

    if trace:
        tracemalloc.start()
    t0, c0 = time.perf_counter(), time.process_time()
    report = run_skm(path)
    doc = json.loads(json.dumps(to_json(report, "id"), ensure_ascii=False))
    out = {"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0, "peak_mb": None,
           "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,  # KiB on Linux
           "n": doc["n"], "ikm": doc["ikm"], "mutu": doc["mutu"], "findings": len(doc["findings"]),
           "layanan": len(doc["per_layanan"])}
    if trace:
        out["peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return out


def measure(path: Path, trace: bool) -> dict:
    """``run_once`` in a fresh interpreter, so max RSS is the SKM run's alone (imports included)."""
    cmd = [sys.executable, __file__, "--measure", str(path)] + (["--trace"] if trace else [])
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--format", choices=("xlsx", "csv", "both"), default="both")
    parser.add_argument("--respondents", type=int, default=100_000)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        import lkjip_xl.commands.skm  # noqa: F401  (imports are not part of the timing)

        print(json.dumps(run_once(args.measure, args.trace)))
        return 0
    formats = ("xlsx", "csv") if args.format == "both" else (args.format,)
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in formats:
            path = Path(tmp) / f"skm_{args.respondents}.{fmt}"
            t0 = time.perf_counter()
            (write_xlsx if fmt == "xlsx" else write_csv)(path, args.respondents)
            built = time.perf_counter() - t0
            run = measure(path, trace=False)  # timed alone: tracemalloc slows Python down
            traced = measure(path, trace=True)  # then the Python allocations
            passed = run["seconds"] < 5 and traced["peak_mb"] < 500 and run["rss_mb"] < 500
            ok &= passed
            print(f"{fmt}: {run['n']:,} respondents ({path.stat().st_size / 2**20:.1f} MB file, built in "
                  f"{built:.1f} s) -> IKM {run['ikm']} {run['mutu']}, {run['findings']} findings, "
                  f"{run['layanan']} layanan")
            print(f"  time {run['seconds']:.2f} s wall ({run['cpu']:.2f} s CPU, load {os.getloadavg()[0]:.1f}); "
                  f"peak memory {traced['peak_mb']:.0f} MB (tracemalloc), {run['rss_mb']:.0f} MB max RSS "
                  f"-> {'OK' if passed else 'OVER TARGET'} (< 5 s, < 500 MB)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
