"""`lkjip-xl rekap PATH... -o rekap.xlsx`: check many workbooks (in parallel) and write one
consolidated workbook. See docs/rekap.md.

Exit code: 0 when every workbook was read, none has errors and no unit appears twice; 1 otherwise
(an unreadable file is listed with its reason, never fatal); 2 when it cannot run (bad options,
no workbook at all, an output it may not write).
"""
from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, ContextManager

from ..errors import LkjipError, UsageError
from ..i18n import message
from ..io.atomic import atomic_output, check_output_path, check_suffix
from ..rekap.archives import is_zip, opened_archives
from ..rekap.collect import ARCHIVES, collect
from ..rekap.labels import t
from ..rekap.figures import Unreadable
from ..rekap.workers import check_all, default_jobs

if TYPE_CHECKING:
    from ..rekap.consolidate import Rekap

Progress = Callable[[int], ContextManager[Callable[[object], None]]]


class NoWorkbooks(LkjipError):
    """Nothing to check: the paths hold no .xlsx file."""

    def text(self, lang: str = "id") -> str:
        return t(self.key, lang, **self.params)


def _load_consolidation() -> None:
    """pandas and the rekap writer (about half a second of imports), loaded while workers check."""
    from ..rekap import consolidate, write  # noqa: F401


@dataclass
class RekapOutcome:
    rekap: Rekap
    written: list[Path] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.rekap.has_errors else 0


def parse_jobs(jobs: int | None) -> int:
    if jobs is None:
        return default_jobs()
    if jobs < 1:
        raise UsageError("bad_option", detail=f"--jobs {jobs} (>= 1)")
    return jobs


def run_rekap(paths: list[Path], output: Path, *, jobs: int | None = None, lang: str = "id",
              overwrite: bool = False, progress: Progress | None = None) -> RekapOutcome:
    """Check every workbook under ``paths`` and write the rekap to ``output``; raises LkjipError
    (exit 2) when it cannot run."""
    output = Path(output)
    check_suffix(output, ".xlsx", "-o")
    jobs = parse_jobs(jobs)
    found = collect(paths)
    zips = [p for p in found.others if is_zip(p)]
    with opened_archives(zips, lang) as archived:
        files = found.files + archived.files
        if not files:
            archives = [Path(u.path).name for u in archived.listed if u.kind == "unreadable"]
            archives += [p.name for p in found.others if p.suffix.lower() in ARCHIVES and not is_zip(p)]
            raise NoWorkbooks("no_workbooks_archives" if archives else "no_workbooks",
                              paths=", ".join(str(p) for p in paths), archives=", ".join(archives))
        check_output_path(output, inputs=tuple(found.files), overwrite=overwrite)
        with progress(len(files)) if progress else nullcontext(None) as advance:
            results = check_all(files, jobs=jobs, lang=lang, done=advance, meanwhile=_load_consolidation)
    results = [replace(r, path=archived.names.get(r.path, r.path)) for r in results]
    results += archived.listed
    results += [Unreadable(str(p), message("file_missing", lang, path=p)) for p in found.missing]
    others = [p for p in found.others if not is_zip(p)]
    if others:
        from ..rekap.unit_figures import other_file

        results += [other_file(p, lang) for p in others]
    from ..rekap.consolidate import consolidate
    from ..rekap.write import write_rekap

    rekap = consolidate(results)
    with atomic_output(output) as tmp:
        write_rekap(rekap, tmp, lang)
    return RekapOutcome(rekap, [output])
