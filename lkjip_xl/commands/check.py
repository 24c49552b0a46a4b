"""`lkjip-xl check`: read, recompute, compare; render; optionally write an annotated copy."""
from __future__ import annotations

from pathlib import Path

from ..checks.engine import CheckResult, check_workbook
from ..io.atomic import check_output_path, check_suffix


def run_check(workbook: Path, *, tahun_lalu: Path | None = None, annotate: Path | None = None,
              lang: str = "id", overwrite: bool = False) -> CheckResult:
    if annotate is not None:
        check_suffix(annotate, ".xlsx", "--annotate")
        check_output_path(annotate, inputs=(workbook, tahun_lalu), overwrite=overwrite)
    result = check_workbook(workbook, tahun_lalu)
    if annotate is not None:
        from ..render.annotate import write_annotated  # openpyxl: imported only when a copy is asked for

        write_annotated(workbook, annotate, result.findings, lang)
    return result
