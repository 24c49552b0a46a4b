"""Run every check over a read workbook and collect the findings (pandera-style: collect all
failures, then report). A check is a function ``check(ctx) -> Iterable[Finding]``; each module
named in CHECK_MODULES exports one."""
from __future__ import annotations

import gc
import importlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..derive import DerivedWorkbook, derive_model
from ..findings import Finding, HasFindings, on_hidden_rows, on_nil_cells, on_renamed_sheets, sort_findings
from ..reader import read_workbook
from ..reader.model import WorkbookModel
from ..settings import Settings
from .blame import Cells, explain
from .codes import codes_read
from .compare import consistent_truncation
from .identitas import copied_workbook
from .formulas import (error_notes, flagged_rows, former_error_values, fraction_notes, overwritten_notes,
                       text_bound_notes, text_over_formulas)
from .rounded_typed import rounded_over_formulas
from .skm import uncounted_notes
from .spaced_choices import spaced_choice_notes
from .tahun_lalu import prev_findings
from .amount_scale import explain_scale
from .missing_amounts import explain_missing_amounts
from .nil_perubahan import explain_nil_revisions
from .parent_formulas import explain_parent_formulas
from .plan_numbering import explain_numbered_plan
from .twin_rows import explain_twins
from .shifted_rows import explain_shifted_rows

CHECK_MODULES = (
    "completeness",  # the tables a report needs are filled in
    "identitas",  # the report year, the Renstra period, the signing date
    "formulas",  # stale/overwritten/missing formulas, SUM ranges
    "external_refs",  # formulas that read another workbook
    "codes",  # duplicate codes, codes under the wrong parent
    "code_names",  # the name beside each Realisasi code against the other sheets' name of that code
    "budget",  # sisa, %, roll-ups, totals; PK/RA pagu (budget_sources), economic classes (belanja_classes)
    "kinerja",  # capaian, kriteria, predikat, composite, IKM link
    "last_year",  # last year's actuals on the PK: --tahun-lalu, copied realisasi
    "budget_last_year",  # with --tahun-lalu: last year's spending left in the copy
    "rencana_aksi",  # quarters vs annual target
    "plausibility",  # second sources for values that have none (after the relations are made)
    "scale",  # gaps and overlaps of the chosen scale
    "skm",  # answers, sample size, NRR, IKM
    "sakip", "kinerja_extra",  # SAKIP score and follow-up; breakdowns, history, codes of the indicator sheets
    "print_area",  # filled rows the print area leaves out
)


@dataclass
class CheckContext:
    """A read workbook and everything lkjip-xl derives from it (built once, read by every check
    and by the annex)."""

    model: WorkbookModel
    wb: DerivedWorkbook
    prev: WorkbookModel | None = None
    flagged_rows: set = field(default_factory=set)  # (sheet, row) with a value problem in an input
    relations: list = field(default_factory=list)  # every comparison the checks made (checks/relations.py)

    @property
    def settings(self) -> Settings:
        return self.wb.settings

    def derived(self, table_key: str) -> list[dict[str, Any]]:
        """Recomputed values of the table's computed columns, row by row."""
        return self.wb.rows(table_key) if self.model.table(table_key) is not None else []


def build_context(model: WorkbookModel, prev: WorkbookModel | None = None) -> CheckContext:
    return CheckContext(model, derive_model(model), prev)


def run_checks(ctx: CheckContext) -> list[Finding]:
    """Every rule family's findings, then the blame: a relation that fails because of one other
    cell is reported at that cell (``checks/blame.py``)."""
    findings: list[Finding] = []
    for name in CHECK_MODULES:
        try:
            module = importlib.import_module(f"{__package__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__package__}.{name}":
                continue  # a rule family not built yet
            raise
        findings.extend(module.check(ctx))
    return explain(findings, ctx.relations, Cells(ctx.model))


@dataclass
class CheckResult(HasFindings):
    file: str
    template_version: str | None
    findings: list[Finding]
    context: CheckContext | None = None

    def to_dict(self, lang: str = "id") -> dict:
        return {
            "file": self.file,
            "template_version": self.template_version,
            "summary": self.summary,
            "findings": [f.to_dict(lang) for f in self.findings],
        }


@contextmanager
def cyclic_gc_paused():
    """Python's cycle collector paused while a workbook is read and checked. Reading and checking
    a large workbook makes millions of objects that live until the check ends; the collector would
    walk them again and again (1,5 s of 7,5 at 50.000 rows and 100.000 respondents). Reference
    counting still frees every object that is not in a cycle (the model makes none to throw away);
    the collector runs again afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check_workbook(path: Path, prev_path: Path | None = None) -> CheckResult:
    """Read and check one workbook (and optionally last year's); raises only when unreadable."""
    with cyclic_gc_paused():
        return _check_workbook(path, prev_path)


def _check_workbook(path: Path, prev_path: Path | None) -> CheckResult:
    model, findings = read_workbook(path)
    prev = read_workbook(prev_path)[0] if prev_path else None
    if prev is not None:
        wrong = prev_findings(model, prev)
        findings += wrong
        if any(f.severity == "error" for f in wrong):
            prev = None  # another unit's or another year's: compared with nothing
    ctx = build_context(model, prev)
    ctx.flagged_rows = flagged_rows(findings)
    rerun = lambda other: run_checks(build_context(other, prev))  # noqa: E731 (the model as a slip's fix would have it)

    def explained(found: list[Finding], m: WorkbookModel) -> list[Finding]:
        found = explain_parent_formulas(explain_nil_revisions(explain_twins(found, m, rerun), m, rerun), m, rerun)
        return explain_missing_amounts(explain_numbered_plan(found, m, rerun), m)

    checked = explain_scale(explained(run_checks(ctx), model), model, ctx.relations,
                            lambda other: explained(rerun(other), other))
    findings = uncounted_notes(error_notes(overwritten_notes(text_over_formulas(_dedupe(findings + checked))), model))
    findings = copied_workbook(rounded_over_formulas(findings, model), model)
    findings = codes_read(former_error_values(spaced_choice_notes(text_bound_notes(fraction_notes(findings, ctx), ctx), ctx), ctx), ctx)
    findings = explain_shifted_rows(findings, model, rerun)
    identitas = model.form("identitas")
    if identitas is not None and "pembulatan" in identitas.cells:
        findings = consistent_truncation(findings, ctx.settings, identitas.cells["pembulatan"])
    findings = on_nil_cells(findings, model.nil_cells())
    findings = on_hidden_rows(findings, {sheet: scan.hidden_rows for sheet, scan in model.scans.items()})
    return CheckResult(str(path), model.version, on_renamed_sheets(sort_findings(findings), model.renamed), ctx)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen, out = set(), []
    for f in findings:
        key = (f.code, f.sheet, f.cell)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
