"""`lkjip-xl check`: read, recompute, compare; render; optionally write an annotated copy."""
from __future__ import annotations

from pathlib import Path

from ..checks.engine import CheckResult, check_workbook
from ..errors import UsageError
from ..io.atomic import check_output_path, check_suffix


def check_tahun_lalu(workbook: Path | None, tahun_lalu: Path | None, lang: str) -> None:
    """``--tahun-lalu`` naming the workbook itself: a usage error (exit 2), not a comparison with
    itself said as last year's being of the wrong year (every command that takes both)."""
    if workbook is not None and tahun_lalu is not None and Path(workbook).resolve() == Path(tahun_lalu).resolve():
        raise UsageError("bad_option", detail="--tahun-lalu is the workbook itself" if lang == "en"
                         else "--tahun-lalu sama dengan buku kerja yang diperiksa")


def run_check(workbook: Path, *, tahun_lalu: Path | None = None, annotate: Path | None = None,
              lang: str = "id", overwrite: bool = False) -> CheckResult:
    check_tahun_lalu(workbook, tahun_lalu, lang)
    if annotate is not None:
        check_suffix(annotate, ".xlsx", "--annotate")
        check_output_path(annotate, inputs=(workbook, tahun_lalu), overwrite=overwrite)
    result = check_workbook(workbook, tahun_lalu)
    if annotate is not None:
        from ..render.annotate import write_annotated  # openpyxl: imported only when a copy is asked for

        write_annotated(workbook, annotate, result.findings, lang)
    return result
