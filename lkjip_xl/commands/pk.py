"""`lkjip-xl pk`: the Perjanjian Kinerja document (agreement, lampiran, penjelasan rumusan) as xlsx
and docx, for the murni or the perubahan version.

Flow as `annex`: validate the paths, check the workbook; only the findings on what the PK document
prints count (Identitas, the PK tables, Rumusan Indikator, Rincian Komponen): a PK is signed in
January, before there is any realisasi, so an empty Realisasi or SKM sheet does not stop it. With
errors there, or a programme's pagu perubahan typed '-' (``annex.UNDECIDED``), and no --force
nothing is written (exit 1); with --force the xlsx gets Temuan first and the affected cells are
coloured."""
from __future__ import annotations

from pathlib import Path

from ..checks.engine import check_workbook
from ..schema import SCHEMA
from .annex import AnnexOutcome, validate

PK_TABLES = ("pk_indikator", "pk_program", "pk_komponen", "pk_rumusan", "pk_komponen_rincian")
NOT_YET = frozenset({"KIN007"})  # realisasi not reported: a PK is signed before there is any


def pk_sheets() -> set[str]:
    return {"Identitas"} | {SCHEMA.table(k).sheet for k in PK_TABLES}


def run_pk(workbook: Path, output: Path, *, docx: Path | None = None, perubahan: bool = False,
           tanggal: str | None = None, force: bool = False, overwrite: bool = False, lang: str = "id") -> AnnexOutcome:
    """Check, then write the PK document; raises LkjipError (exit 2) for unusable input or arguments."""
    from ..annex.common import Book
    from ..annex.docx_writer import write_docx
    from ..annex.pk_document import pk_document
    from ..annex.tables import apply_marks, findings_table
    from ..io.atomic import atomic_output

    workbook, output = Path(workbook), Path(output)
    validate(workbook, output, docx, None, overwrite, lang)
    result = check_workbook(workbook)
    sheets = pk_sheets()
    findings = [("cur", workbook.name, f) for f in result.findings if f.sheet in sheets and f.code not in NOT_YET]
    outcome = AnnexOutcome(findings)
    if outcome.blocking and not force:
        return outcome
    items = pk_document(Book("cur", result.context), lang, perubahan, tanggal)
    if outcome.blocking:
        outcome.forced = True
        outcome.marked = apply_marks([t for t in items if hasattr(t, "rows")], findings)
        items.insert(0, findings_table(findings, lang))
    title = items[1].title if outcome.forced else items[0].title
    from ..annex.xlsx_writer import write_xlsx

    with atomic_output(output) as tmp:
        write_xlsx(items, tmp, title=title, subject=title)
    outcome.written.append(output)
    if docx is not None:
        with atomic_output(Path(docx)) as tmp:
            write_docx(items, tmp, lang=lang, title=title, landscape=False)
        outcome.written.append(Path(docx))
    return outcome
