"""`lkjip-xl check LAPORAN.docx --workbook DATA.xlsx`: the report's numbers against the workbook;
render; optionally write an annotated copy of a .docx."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..document.read import SUFFIXES
from ..errors import UsageError
from ..i18n import message
from ..io.atomic import check_output_path, check_suffix
from ..render.text import render_text
from .check import check_tahun_lalu

if TYPE_CHECKING:  # the report's reading and matching are imported only when a report is checked
    from ..document.check import DocumentResult


def is_document(path: Path) -> bool:
    return Path(path).suffix.lower() in SUFFIXES


def run_check_document(document: Path, *, workbook: Path | None, tahun_lalu: Path | None = None,
                       annotate: Path | None = None, lang: str = "id", overwrite: bool = False) -> DocumentResult:
    if workbook is None:
        raise UsageError("needs_workbook", path=str(document))
    check_tahun_lalu(workbook, tahun_lalu, lang)
    if annotate is not None:
        if Path(document).suffix.lower() != ".docx":
            raise UsageError("annotate_docx_only", path=str(document))
        check_suffix(annotate, ".docx", "--annotate")
        check_output_path(annotate, inputs=(document, workbook, tahun_lalu), overwrite=overwrite)
    from ..document.check import check_document

    result = check_document(document, workbook, tahun_lalu)
    if annotate is not None:
        from ..document.annotate import write_annotated_docx

        write_annotated_docx(Path(document), Path(annotate), result.findings, lang)
    return result


def render_document_text(result: DocumentResult, lang: str, colour: bool = False) -> str:
    """Findings grouped by document part (as ``check`` groups by sheet), then the coverage."""
    return render_text(result, lang, colour) + message("coverage", lang, **result.coverage) + "\n"
