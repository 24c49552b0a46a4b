"""`lkjip-xl annex`: the report's tables, filled from a checked workbook, as xlsx (and docx).

Flow: validate the arguments and output paths (nothing is written over an input, an existing
output needs --overwrite), check this year's workbook and, with --tahun-lalu, last year's; if
either has errors, or a warning that leaves an amount of the tables undecided (UNDECIDED), and
--force is not given, stop (exit 1, nothing written). Otherwise build the tables and write them
atomically; with --force the xlsx gets a first sheet Temuan and the affected cells are coloured
(exit 0: the user asked for the file and got it).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..checks.engine import check_workbook
from ..findings import Finding, on_template_sheets
from ..errors import UsageError
from ..io.atomic import atomic_output, check_output_path, check_suffix
from .check import check_tahun_lalu

EXIT_OK, EXIT_ERRORS = 0, 1
PREV_MISMATCH = ("STR008", "STR009")  # --tahun-lalu is another unit's or another year's workbook
# Warnings after which the tables cannot be printed as the office means them: check can say the
# doubt, a table has to print one number and sum it. BUD031: a pagu perubahan typed '-' beside a
# pagu murni is nil (0) or "no revision" (the murni): the anggaran, the programme's pagu in the PK
# and every total above it differ by the whole murni.
UNDECIDED = frozenset({"BUD031"})


def blocks(finding: Finding) -> bool:
    """The finding stops the annex and the PK unless --force: an error, or an UNDECIDED warning."""
    return finding.severity == "error" or finding.code in UNDECIDED


@dataclass
class AnnexOutcome:
    findings: list[tuple[str, str, Finding]]  # (book "cur"/"prev", file name, finding)
    written: list[Path] = field(default_factory=list)
    forced: bool = False
    marked: int = 0

    @property
    def errors(self) -> list[tuple[str, str, Finding]]:
        return [x for x in self.findings if x[2].severity == "error"]

    @property
    def blocking(self) -> list[tuple[str, str, Finding]]:
        """The findings that stop the document unless --force (``blocks``)."""
        return [x for x in self.findings if blocks(x[2])]

    @property
    def exit_code(self) -> int:
        return EXIT_ERRORS if self.blocking and not self.written else EXIT_OK

    def lines(self, which: Callable[[Finding], bool], lang: str = "id") -> list[str]:
        """One line per finding ``which`` selects: ``[file: ]Sheet!Cell [CODE] message`` (file only
        for last year's)."""
        out = []
        for tag, name, f in self.findings:
            if which(f):
                prefix = f"{name}: " if tag == "prev" else ""
                out.append(f"{prefix}{f.sheet}!{f.cell} [{f.code}] {f.message(lang)}")
        return out


def validate(workbook: Path, output: Path, docx: Path | None, tahun_lalu: Path | None, overwrite: bool,
             lang: str) -> None:
    check_suffix(output, ".xlsx", "-o")
    if docx is not None:
        check_suffix(docx, ".docx", "--docx")
    check_tahun_lalu(workbook, tahun_lalu, lang)
    check_output_path(output, inputs=(workbook, tahun_lalu), overwrite=overwrite)
    if docx is not None:
        check_output_path(docx, inputs=(workbook, tahun_lalu, output), overwrite=overwrite)


def run_annex(workbook: Path, output: Path, *, docx: Path | None = None, tahun_lalu: Path | None = None,
              force: bool = False, overwrite: bool = False, lang: str = "id",
              name: str | None = None) -> AnnexOutcome:
    """Check, then write the annex; raises LkjipError (exit 2) for unusable input or arguments.
    ``name``: the workbook's name in the forced annex's Temuan table (by default its file name; the
    web page stores an upload under a fixed name and passes the name it was sent with)."""
    from ..annex.docx_writer import write_docx
    from ..annex.tables import apply_marks, build_annex, findings_table
    from ..annex.xlsx_writer import write_xlsx

    workbook, output = Path(workbook), Path(output)
    validate(workbook, output, docx, tahun_lalu, overwrite, lang)
    cur = check_workbook(workbook, tahun_lalu)
    mismatch = next((f for f in cur.findings if f.code in PREV_MISMATCH), None)
    if mismatch is not None:  # another unit's or another year's figures never stand beside this year's
        raise UsageError("prev_mismatch", detail=mismatch.message(lang))
    prev = check_workbook(tahun_lalu) if tahun_lalu is not None else None
    findings = [("cur", name or workbook.name, f) for f in cur.findings]
    if prev is not None:
        findings += [("prev", Path(tahun_lalu).name, f) for f in prev.findings]
    outcome = AnnexOutcome(findings)
    if outcome.blocking and not force:
        return outcome
    tables = build_annex(cur.context, prev.context if prev else None, lang)
    if outcome.blocking:
        outcome.forced = True
        # the tables name their sources by the template's sheets, a finding by the office's name
        renamed = {"cur": cur.context.model.renamed, "prev": prev.context.model.renamed if prev else {}}
        outcome.marked = apply_marks(tables, [(tag, name, *on_template_sheets([f], renamed[tag]))
                                              for tag, name, f in findings])
        tables.insert(0, findings_table(findings, lang))
    ident = cur.context.model.form("identitas")
    unit = (ident.values.get("unit") if ident else None) or ""
    year = (ident.values.get("tahun") if ident else None) or ""
    title = f"Lampiran LKjIP {unit} {year}".strip()
    with atomic_output(output) as tmp:
        write_xlsx(tables, tmp, title=title, subject=str(unit))
    outcome.written.append(output)
    if docx is not None:
        with atomic_output(Path(docx)) as tmp:
            write_docx(tables, tmp, lang=lang, title=title)
        outcome.written.append(Path(docx))
    return outcome
