"""`lkjip-xl rapikan`: a tidied copy of a workbook. What is repaired (formulas, stored values,
formats, dropdowns, print areas, the version marker) is decided from what `check` finds; every
change, and every value left for a person to decide, is listed in a first sheet `Perubahan`. The
copy is the original's package with those cells edited in place (``package``, ``sheet_xml``):
nothing else in it changes."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..checks.engine import CheckResult, check_workbook
from ..errors import UnreadableWorkbook
from ..findings import on_template_sheets
from ..io.atomic import atomic_output
from ..schema.refs import parse_a1
from .change import Change
from .dependents import stale_dependents
from .formulas import repair_formulas
from .layout import (repair_print_areas, repair_sheet_names, repair_styles, repair_validations, repair_version,
                     unfound)
from .package import Package
from .perubahan import perubahan_xml, sheet_name
from .sheet_xml import XmlShapeError
from .values import input_cells, repair_values

# an input value the spreadsheet cannot compute with: the results of its row stay as they are
UNREADABLE_INPUT = ("VAL001", "VAL002", "VAL010", "VAL011", "VAL013")


@dataclass
class RepairResult:
    source: Path
    output: Path
    changes: list[Change]
    before: CheckResult
    after: CheckResult

    @property
    def applied(self) -> list[Change]:
        return [c for c in self.changes if c.applied]

    @property
    def kept(self) -> list[Change]:
        return [c for c in self.changes if not c.applied]


def repair_workbook(src: Path, out: Path, lang: str = "id") -> RepairResult:
    try:
        return _repair(src, out, lang)
    except XmlShapeError as exc:
        raise UnreadableWorkbook("cannot_repair", path=str(src), detail=str(exc)) from None


def _repair(src: Path, out: Path, lang: str) -> RepairResult:
    before = check_workbook(src)
    ctx = before.context
    package = Package(src)
    # the repairs name sheets as the template does; the office's names are shown (and linked to)
    findings = on_template_sheets(before.findings, package.renamed)
    changes = repair_values(ctx.model, findings, package)
    # a stored result that is what its formula gives, only not lkjip-xl's (a note naming why): left
    # (unless it follows from an earlier template's formula this copy replaces)
    # (or from a rounded value typed over a formula that other formulas add up, or from a missing
    # score formula, whose formula it restores)
    rounded = {(f.sheet, f.cell) for f in findings if f.code == "FRM001" and f.params.get("rounded")}
    replaced = {f"{f.sheet}!{f.cell}" for f in findings if f.code in ("FRM004", "FRM007")} | {
        f"{s}!{c}" for s, c in rounded}
    leave = {(f.sheet, f.cell) for f in findings
             if f.code == "FRM002" and f.params.get("follows") and f.params["follows"] not in replaced}
    over_text = {(f.sheet, f.cell): f.found for f in findings if f.code == "FRM009"}
    changes += repair_formulas(ctx, package, _stuck_rows(ctx.model, findings, changes), leave, rounded, over_text)
    changes += repair_styles(ctx.model, package, unfound(findings))
    changes += repair_validations(ctx.model, package, unfound(findings))
    changes += repair_print_areas(ctx.model, package)
    changes += repair_version(ctx.model, findings, package)
    changes += stale_dependents(ctx.model, changes)
    # a result refreshed in a row check did not compare (an input there unreadable until now) settles
    # no finding of check: it names none
    reported = {(f.sheet, f.cell, f.code) for f in findings}
    changes = [replace(c, code=None) if c.why == "result_stale" and (c.sheet, c.cell, c.code) not in reported else c
               for c in changes]
    changes += repair_sheet_names(package)
    changes = [replace(c, sheet=package.actual(c.sheet)) for c in changes]
    package.recalculate_on_open()
    bold, wrap = package.add_styles()
    namespace = re.search(rb'<(?:\w+:)?workbook\b[^>]*?xmlns(?::\w+)?="([^"]+/main)"', package.members["xl/workbook.xml"])
    listed = sheet_name(package)
    package.add_first_sheet(listed, perubahan_xml(changes, lang, namespace.group(1).decode(), bold, wrap))
    package.set_print_titles(listed, "$1:$1")  # its header on every printed page
    with atomic_output(out) as tmp:
        package.write(tmp)
        try:  # the copy is read back before it takes the output's name: a copy that cannot be read never does
            after = replace(check_workbook(tmp), file=str(out))
        except UnreadableWorkbook as exc:
            raise UnreadableWorkbook("cannot_repair", path=str(src), detail=exc.params.get("detail") or exc.key) from None
    return RepairResult(Path(src), Path(out), changes, before, after)


def _stuck_rows(model, findings, changes: list[Change]) -> set[tuple[str, int]]:
    """(sheet, row) of input cells left unreadable after the value repairs."""
    inputs = input_cells(model)
    fixed = {(c.sheet, c.cell) for c in changes if c.applied}
    stuck = set()
    for f in findings:
        if f.code in UNREADABLE_INPUT and (f.sheet, f.cell) not in fixed:
            row, col = parse_a1(f.cell)
            if (f.sheet, row, col) in inputs:
                stuck.add((f.sheet, row))
    return stuck
