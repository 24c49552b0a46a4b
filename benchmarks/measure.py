"""Whole-process measurements for benchmarks/run.py, and the commands measured: lkjip-xl, the
read-only floors (python-calamine, openpyxl read-only) and LibreOffice headless recalculating and
saving.

A command's figures cover its whole process tree (rekap's worker processes are children of a
forkserver, soffice.bin runs under the soffice script): wall seconds from start to exit
(``os.wait4``); peak memory, the larger of the largest single process (``ru_maxrss``) and the
tree's total resident memory sampled every 20 ms (psutil); CPU seconds, the larger of what
``os.wait4`` reports and the sum of the sampled processes' CPU times."""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

# Read every value of every sheet and do nothing else (the floor a checker cannot go under).
CALAMINE_READ = """
import sys
from python_calamine import CalamineWorkbook
book = CalamineWorkbook.from_path(sys.argv[1])
cells = sum(len(row) for name in book.sheet_names for row in book.get_sheet_by_name(name).to_python())
"""
OPENPYXL_READ = """
import sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
cells = sum(len(row) for ws in wb.worksheets for row in ws.iter_rows(values_only=True))
wb.close()
"""
# LibreOffice keeps an xlsx's cached formula results unless told to recalculate on load.
RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">\
<value>0</value></prop></item>
</oor:items>
"""


@dataclass
class Run:
    seconds: float
    cpu: float
    peak_mb: float
    load: float  # 1-minute load average when the run started


@dataclass
class Measured:
    runs: list[Run]

    @property
    def seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(r.peak_mb for r in self.runs)


class TreeSampler(threading.Thread):
    """Samples the resident memory and CPU times of a process and all its descendants."""

    def __init__(self, pid: int, interval: float = 0.02):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak = 0  # bytes: the largest total seen
        self.cpu: dict[int, float] = {}  # pid -> last user + system seconds seen
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self.stop.is_set():
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            total = 0
            for p in procs:
                try:
                    with p.oneshot():
                        total += p.memory_info().rss
                        times = p.cpu_times()
                        self.cpu[p.pid] = times.user + times.system
                except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
                    continue
            self.peak = max(self.peak, total)
            self.stop.wait(self.interval)


def run_once(cmd: list[str], *, ok=(0,)) -> Run:
    load = os.getloadavg()[0]
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        sampler.stop.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in ok:
            err.seek(0)
            raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {err.read().decode()[-500:]}")
    cpu = max(usage.ru_utime + usage.ru_stime, sum(sampler.cpu.values()))
    peak_mb = max(usage.ru_maxrss / 1024, sampler.peak / 2**20)  # ru_maxrss is in KiB on Linux
    return Run(seconds, cpu, peak_mb, load)


def measure(cmd: list[str], repeat: int, *, ok=(0,)) -> Measured:
    return Measured([run_once(cmd, ok=ok) for _ in range(repeat)])


def lkjip(*args: str) -> list[str]:
    return [sys.executable, "-m", "lkjip_xl", *args]


def calamine_read(path: Path) -> list[str]:
    return [sys.executable, "-c", CALAMINE_READ, str(path)]


def openpyxl_read(path: Path) -> list[str]:
    return [sys.executable, "-c", OPENPYXL_READ, str(path)]


class LibreOffice:
    """soffice --headless with a private profile that recalculates OOXML formulas on load."""

    def __init__(self, workdir: Path):
        self.binary = shutil.which("soffice") or shutil.which("libreoffice")
        self.profile = workdir / "lo-profile"
        self.outdir = workdir / "lo-out"

    @property
    def available(self) -> bool:
        return self.binary is not None

    def version(self) -> str:
        done = subprocess.run([self.binary, "--headless", "--version"], capture_output=True, text=True, timeout=120)
        return done.stdout.strip().splitlines()[0] if done.stdout.strip() else "?"

    def prepare(self) -> bool:
        """Create the profile (its first start is slow and not measured) and verify that a stale
        cached result is recalculated: ``=1+1`` cached as 5 must be saved as 2."""
        import xlsxwriter

        (self.profile / "user").mkdir(parents=True, exist_ok=True)
        (self.profile / "user" / "registrymodifications.xcu").write_text(RECALC_ALWAYS, encoding="utf-8")
        stale = self.profile.parent / "stale.xlsx"
        wb = xlsxwriter.Workbook(str(stale))
        wb.add_worksheet("S").write_formula("A1", "=1+1", None, 5)
        wb.close()
        subprocess.run(self.command(stale, "csv"), capture_output=True, timeout=300)
        out = self.outdir / "stale.csv"
        return out.exists() and out.read_text().strip() == "2"

    def command(self, path: Path, fmt: str = "xlsx") -> list[str]:
        return [self.binary, "--headless", f"-env:UserInstallation={self.profile.resolve().as_uri()}",
                "--convert-to", fmt, "--outdir", str(self.outdir), str(path)]
