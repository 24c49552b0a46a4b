"""Check many workbooks, in parallel worker processes.

The workers are started once (``forkserver``: each is forked from a server that imported the
checker once, so no file pays for the imports) and each file's result comes back as its compact
``UnitFigures``, never the workbook. With one job everything runs in this process.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Callable

from ..i18n import message
from .labels import t
from .figures import Unreadable, UnitFigures

FIGURES_MODULE = "lkjip_xl.rekap.unit_figures"

Result = UnitFigures | Unreadable


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _context():
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload([FIGURES_MODULE])
        return ctx
    return multiprocessing.get_context("spawn")


def _worker() -> None:
    """A worker builds each sheet's grid inline: the other workers keep the cores busy."""
    from ..reader.grid import grid_inline

    grid_inline()


def _figures(path: str, lang: str) -> Result:
    from .unit_figures import figures_of

    return figures_of(path, lang)


def check_all(files: list[Path], *, jobs: int, lang: str = "id", done: Callable[[Result], None] | None = None,
              meanwhile: Callable[[], None] | None = None) -> list[Result]:
    """The figures of every file, in the order of ``files``; ``done`` is called as each finishes.
    With workers, ``meanwhile`` runs in this process while they start and check (the work the
    caller will need next, such as imports), so it costs no extra time."""
    results: list[Result | None] = [None] * len(files)
    jobs = max(1, min(jobs, len(files)))
    if jobs == 1:
        for i, f in enumerate(files):
            results[i] = _figures(str(f), lang)
            if done:
                done(results[i])
        return results  # type: ignore[return-value]
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_worker) as pool:
        futures = {pool.submit(_figures, str(f), lang): i for i, f in enumerate(files)}
        if meanwhile:
            meanwhile()
        for future in as_completed(futures):
            i = futures[future]
            try:
                results[i] = future.result()
            except BrokenProcessPool:  # a worker died (killed, out of memory): this file is listed
                results[i] = Unreadable(str(files[i]), message("internal", lang, detail=t("worker_stopped", lang)))
            if done:
                done(results[i])
    return results  # type: ignore[return-value]
