"""Speed and memory of lkjip-xl against the alternatives, in one run on one machine.

    python benchmarks/run.py            # everything; writes docs/benchmarks.md (about 15 minutes)
    python benchmarks/run.py --quick    # small workbooks, 20 rekap units, one run each; prints only

Every figure is a whole process from start to exit (median wall seconds of --repeat runs, the
largest peak resident memory), measured with os.wait4:
- `lkjip-xl check` on workbooks of 1.000, 5.000, 10.000 and 50.000 sub kegiatan rows (100
  respondents), of 10.000 and 100.000 respondents (100 rows), and of 50.000 rows with 100.000
  respondents, all built by benchmarks/make_workbook.py (valid: check finds no error);
- the floor: reading the same workbook's values and nothing else, with python-calamine and with
  openpyxl read-only;
- LibreOffice headless recalculating (private profile, OOXML recalculation on load: always) and
  saving the same workbook as xlsx;
- `lkjip-xl rekap` over 200 workbooks of 300 sub kegiatan and 400 respondents with --jobs 1 and 2,
  and, for reference, two --jobs 1 processes over half the folder each, started together.
The figures are compared with the targets of issue 14.
"""
from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import platform
import shlex
import shutil
import statistics
import sys
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from make_workbook import unit_data, units_plan  # noqa: E402
from measure import LibreOffice, calamine_read, lkjip, measure, openpyxl_read  # noqa: E402

from lkjip_xl.template.fill import write_filled  # noqa: E402

DOC = HERE.parent / "docs" / "benchmarks.md"
# sections other scripts keep in the same file (benchmarks/mutations.py): kept as they are
KEPT_FROM = "\n## Mutation benchmark"


def kept_sections() -> str:
    old = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
    return old[old.index(KEPT_FROM):] if KEPT_FROM in old else ""
FULL = {"check": [(1_000, 100), (5_000, 100), (10_000, 100), (50_000, 100), (100, 10_000), (100, 100_000),
                  (50_000, 100_000)], "units": 200, "repeat": 3}
QUICK = {"check": [(1_000, 100), (5_000, 100), (10_000, 100), (100, 10_000)], "units": 20, "repeat": 1}
REKAP_SIZE = (300, 400)


def n(x: float, places: int = 2) -> str:
    """Indonesian number: 1.234,56."""
    return f"{x:,.{places}f}".replace(",", "_").replace(".", ",").replace("_", ".")


def machine(lo: LibreOffice) -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "?") if Path("/proc/cpuinfo").exists() else "?"
    mem = next((int(line.split()[1]) / 2**20 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0) if Path("/proc/meminfo").exists() else 0
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in ("python-calamine", "openpyxl", "pandas", "xlsxwriter"))
    return [f"CPU: {cpu}, {os.cpu_count()} cores", f"Memory: {n(mem, 1)} GiB",
            f"System: {platform.platform()}; Python {platform.python_version()}",
            f"Packages: lkjip-xl {metadata.version('lkjip-xl')}, {versions}",
            f"LibreOffice: {lo.version() if lo.available else 'not installed'}"]


def build(workdir: Path, sizes, units: int) -> tuple[dict, Path]:
    """The workbooks, each written by a child process of its own: a measured command's peak memory
    (ru_maxrss) starts from what this process held when it started the command, so this process
    must stay small (writing the largest workbook here took it to 900 MB, and every figure with it)."""
    books = {}
    for rows, resp in sizes:
        path = workdir / f"check_{rows}_{resp}.xlsx"
        if not path.exists():
            t = time.perf_counter()
            _in_child(_write_check, path, rows, resp)
            print(f"built {path.name} ({n(path.stat().st_size / 2**20, 1)} MB) in {n(time.perf_counter() - t, 1)} s")
        books[(rows, resp)] = path
    folder = workdir / f"rekap_{units}"
    if not folder.exists() or len(list(folder.glob("*.xlsx"))) != units:
        folder.mkdir(exist_ok=True)
        t = time.perf_counter()
        _in_child(_write_rekap, folder, units)
        print(f"built {units} rekap workbooks in {n(time.perf_counter() - t, 1)} s")
    return books, folder


def _in_child(target, *args) -> None:
    child = multiprocessing.get_context("spawn").Process(target=target, args=args)
    child.start()
    child.join()
    if child.exitcode != 0:
        raise RuntimeError(f"building the workbooks failed (exit {child.exitcode})")


def _write_check(path: Path, rows: int, resp: int) -> None:
    write_filled(path, unit_data(rows, resp, f"bench-{rows}-{resp}"))


def _write_rekap(folder: Path, units: int) -> None:
    for i, plan in enumerate(units_plan(units, *REKAP_SIZE, "bench", uniform=True)):
        write_filled(folder / f"{i + 1:03d}.xlsx", unit_data(**plan))


def check_table(workdir: Path, books: dict, lo: LibreOffice, repeat: int, with_lo: bool) -> list[dict]:
    rows = []
    for (sub, resp), path in books.items():
        row = {"sub": sub, "resp": resp, "mb": path.stat().st_size / 2**20,
               "check": measure(lkjip("check", str(path), "--format", "json"), repeat, ok=(0, 1)),
               "calamine": measure(calamine_read(path), repeat), "openpyxl": measure(openpyxl_read(path), repeat)}
        if with_lo:
            row["lo"] = measure(lo.command(path), repeat)
        rows.append(row)
        print(f"{n(sub, 0)} rows, {n(resp, 0)} respondents: check {n(row['check'].seconds)} s "
              f"{n(row['check'].peak_mb, 0)} MB; calamine {n(row['calamine'].seconds)} s; openpyxl "
              f"{n(row['openpyxl'].seconds)} s" + (f"; LibreOffice {n(row['lo'].seconds)} s" if with_lo else ""))
    return rows


def rekap_table(workdir: Path, folder: Path, repeat: int) -> dict:
    """--jobs 1 and 2, and the reference for the speed-up: two --jobs 1 processes, each over half
    the folder, started together (what two processes give on this machine with no coordination at
    all; a single check already keeps more than one core busy part of the time, see README)."""
    out = {}
    for jobs in (1, 2):
        cmd = lkjip("rekap", str(folder), "-o", str(workdir / f"rekap_jobs{jobs}.xlsx"), "--overwrite",
                    "--jobs", str(jobs), "--format", "json")
        out[jobs] = measure(cmd, repeat, ok=(0, 1))
        print(f"rekap {len(list(folder.glob('*.xlsx')))} workbooks --jobs {jobs}: {n(out[jobs].seconds)} s, "
              f"{n(out[jobs].peak_mb, 0)} MB")
    halves = [" ".join(map(shlex.quote, lkjip("rekap", str(h), "-o", str(workdir / f"{h.name}.xlsx"), "--overwrite",
                                              "--jobs", "1", "--format", "json"))) + " >/dev/null"
              for h in _halves(workdir, folder)]
    out["halves"] = measure(["sh", "-c", f"{halves[0]} & {halves[1]}; wait"], repeat)
    print(f"rekap, two --jobs 1 on half the folder each, at once: {n(out['halves'].seconds)} s")
    return out


def _halves(workdir: Path, folder: Path) -> list[Path]:
    """Two folders of links to the workbooks of ``folder``: its first half and its second."""
    books = sorted(folder.glob("*.xlsx"))
    out = []
    for k, part in enumerate((books[:len(books) // 2], books[len(books) // 2:]), start=1):
        half = workdir / f"{folder.name}_half{k}"
        shutil.rmtree(half, ignore_errors=True)
        half.mkdir()
        for book in part:
            (half / book.name).symlink_to(book.resolve())
        out.append(half)
    return out


def _cell(m, what: str = "seconds") -> str:
    if m is None:
        return "–"
    return n(m.seconds) if what == "seconds" else n(m.cpu) if what == "cpu" else n(m.peak_mb, 0)


def report(rows: list[dict], rekap: dict, units: int, meta: list[str], loads: list[float], repeat: int,
           lo_ok: bool | None) -> str:
    out = ["| sub kegiatan | respondents | file MB | check s | check MB | calamine s | calamine MB | "
           "openpyxl s | openpyxl MB | LibreOffice s | LibreOffice MB | check ÷ calamine | LibreOffice ÷ check |",
           "|" + "---:|" * 13]
    for r in rows:
        lo = r.get("lo")
        out.append(f"| {n(r['sub'], 0)} | {n(r['resp'], 0)} | {n(r['mb'], 1)} | {_cell(r['check'])} | "
                   f"{_cell(r['check'], 'mb')} | {_cell(r['calamine'])} | {_cell(r['calamine'], 'mb')} | "
                   f"{_cell(r['openpyxl'])} | {_cell(r['openpyxl'], 'mb')} | {_cell(lo)} | {_cell(lo, 'mb')} | "
                   f"{n(r['check'].seconds / r['calamine'].seconds)} | "
                   f"{n(lo.seconds / r['check'].seconds) if lo else '–'} |")
    out += ["", "CPU seconds (user + system, median), less sensitive to other work on the machine than wall time:", "",
            "| sub kegiatan | respondents | check | calamine | openpyxl | LibreOffice | check ÷ calamine |",
            "|" + "---:|" * 7]
    for r in rows:
        out.append(f"| {n(r['sub'], 0)} | {n(r['resp'], 0)} | {_cell(r['check'], 'cpu')} | "
                   f"{_cell(r['calamine'], 'cpu')} | {_cell(r['openpyxl'], 'cpu')} | {_cell(r.get('lo'), 'cpu')} | "
                   f"{n(r['check'].cpu / r['calamine'].cpu)} |")
    out += ["", f"`lkjip-xl rekap` over {units} workbooks ({REKAP_SIZE[0]} sub kegiatan, {REKAP_SIZE[1]} respondents "
            "each); CPU seconds and peak memory are those of the whole process tree (the parent and its workers):",
            "",
            "| jobs | seconds | CPU seconds | peak MB |", "|---:|---:|---:|---:|"]
    for jobs, m in rekap.items():
        if jobs != "halves":
            out.append(f"| {jobs} | {n(m.seconds)} | {n(m.cpu)} | {n(m.peak_mb, 0)} |")
    if "halves" in rekap:
        h = rekap["halves"]
        out += ["", f"Reference for the speed-up: two `--jobs 1` processes, each over half the folder, started "
                f"together, take {n(h.seconds)} s ({n(h.cpu)} CPU seconds): {n(rekap[1].seconds / h.seconds)} × "
                "the speed of one, which is what two processes give on this machine with no coordination at all "
                f"(`--jobs 2`: {n(rekap[1].seconds / rekap[2].seconds)} ×)."]
    out += ["", "## Against the targets (issue 14)", "",
            "| target | measured (wall time) | measured (CPU time) | met (wall / CPU) |", "|---|---|---|---|"]
    out += [f"| {t} | {wall} | {cpu} | {ok} |" for t, wall, cpu, ok in targets(rows, rekap, units)]
    out += ["", "## Conditions", "", *[f"- {line}" for line in meta],
            f"- Load average (1 min) when runs started: min {n(min(loads))}, median {n(statistics.median(loads))}, "
            f"max {n(max(loads))}, on {os.cpu_count()} cores (other engineers' work shares the machine: "
            "wall times above a load of about 1 include waiting for a core; CPU seconds do not).",
            f"- {repeat} runs per figure (median wall time; the largest peak memory).",
            "- LibreOffice recalculation on load verified (a cached `=1+1` of 5 saved as 2): "
            + ("yes" if lo_ok else "no" if lo_ok is False else "not run")]
    return "\n".join(out) + "\n"


def targets(rows: list[dict], rekap: dict, units: int) -> list[tuple[str, str, str, str]]:
    """(target, measured in wall time, measured in CPU time, met: yes/no for each). Wall time is
    what a user waits; CPU time is what the work costs, unaffected by other work on the machine
    (it does not apply to the parallel speed-up, which only wall time shows)."""
    by = {(r["sub"], r["resp"]): r for r in rows}
    out = []

    def both(what: str, wall: float, cpu: float | None, ok, fmt=lambda x: f"{n(x)} ×"):
        out.append((what, fmt(wall), "–" if cpu is None else fmt(cpu),
                    _yes(ok(wall)) + ("" if cpu is None else f" / {_yes(ok(cpu))}")))

    big = by.get((50_000, 100_000))
    if big:
        c, f = big["check"], big["calamine"]
        both("check ≤ 2 × the python-calamine floor (50.000 rows + 100.000 respondents)", c.seconds / f.seconds,
             c.cpu / f.cpu, lambda x: x <= 2)
        if "lo" in big:
            both("check ≥ 4 × faster than LibreOffice (same workbook)", big["lo"].seconds / c.seconds,
                 big["lo"].cpu / c.cpu, lambda x: x >= 4)
        out.append(("peak memory < 300 MB (50.000 rows + 100.000 respondents)", f"{n(c.peak_mb, 0)} MB", "",
                    _yes(c.peak_mb < 300)))
    if all(k in by for k in ((1_000, 100), (5_000, 100), (10_000, 100), (50_000, 100))):
        def growth(attr: str) -> float:
            t = {k[0]: getattr(by[k]["check"], attr) for k in by if k[1] == 100}
            return ((t[50_000] - t[10_000]) / 40_000) / ((t[5_000] - t[1_000]) / 4_000)

        both("linear: time per row at 50.000 within 1,3 × of that at 5.000 (time per row = slope between "
             "1.000 and 5.000 rows, and between 10.000 and 50.000: the fixed start-up cost left out)",
             growth("seconds"), growth("cpu"), lambda x: x <= 1.3)
    if rekap:
        both("rekap --jobs 2 ≥ 1,7 × faster than --jobs 1", rekap[1].seconds / rekap[2].seconds, None,
             lambda x: x >= 1.7)
        both(f"rekap of {units} workbooks with --jobs 2 under a minute"
             + ("" if units == 200 else " (quick run: fewer workbooks)"), rekap[2].seconds, None,
             lambda x: x < 60, fmt=lambda x: f"{n(x)} s")
    return out


def _yes(ok: bool) -> str:
    return "yes" if ok else "**no**"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small workbooks, 20 rekap units, one run; prints only")
    ap.add_argument("--repeat", type=int, help="runs per figure (default 3; 1 with --quick)")
    ap.add_argument("--workdir", type=Path, help="keep the workbooks here and reuse them (default: a temporary folder)")
    ap.add_argument("--no-libreoffice", action="store_true", help="skip LibreOffice")
    ap.add_argument("--write", action="store_true", help="write docs/benchmarks.md also with --quick")
    args = ap.parse_args(argv)
    plan = QUICK if args.quick else FULL
    repeat = args.repeat or plan["repeat"]
    import tempfile

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="lkjip-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    lo = LibreOffice(workdir)
    with_lo = lo.available and not args.no_libreoffice
    lo_ok = lo.prepare() if with_lo else None
    if lo_ok is False:
        print("warning: LibreOffice did not recalculate on load; its figures are not comparable", file=sys.stderr)
    books, folder = build(workdir, plan["check"], plan["units"])
    started = dt.datetime.now()
    rows = check_table(workdir, books, lo, repeat, with_lo)
    rekap = rekap_table(workdir, folder, repeat)
    loads = [r.load for row in rows for m in row.values() if hasattr(m, "runs") for r in m.runs] + \
            [r.load for m in rekap.values() for r in m.runs]
    meta = [f"Date: {started:%Y-%m-%d %H:%M} (took {n((dt.datetime.now() - started).total_seconds() / 60, 1)} min)",
            *machine(lo), f"Command: `python benchmarks/run.py{' --quick' if args.quick else ''}`"]
    text = report(rows, rekap, plan["units"], meta, loads, repeat, lo_ok)
    print("\n" + text)
    if not args.quick or args.write:
        DOC.write_text(HEADER + text + kept_sections(), encoding="utf-8")
        print(f"written: {DOC}")
    return 0


HEADER = """# Benchmarks

Written by `python benchmarks/run.py` (see its docstring for what is measured and how). Every
figure is a whole process from start to exit: Python start-up and imports included. Workbooks
are built by `benchmarks/make_workbook.py` and are valid (`check` finds no error in them). Where
the time and memory of `check` go, what was done about them and what is left: README.md,
section Benchmarks.

"""

if __name__ == "__main__":
    sys.exit(main())
