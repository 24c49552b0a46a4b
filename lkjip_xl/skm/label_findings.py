"""Findings for answers given as labels that do not fit (SKM019 unknown label, SKM020 a label of
another unsur's scale, SKM021 an option code that contradicts its label): one per cell, like the
other invalid answers (``checks.skm.answer_findings``); the answer is left out of its own unsur
only, never counted as 0."""
from __future__ import annotations

from collections.abc import Callable

from ..calc.skm_labels import LabelSet
from ..checks.skm import unsur_label
from ..findings import Finding
from .compute import SkmResult

__all__ = ["LABEL_PROBLEMS", "label_findings"]

LABEL_PROBLEMS = {"unknown_label": "SKM019", "other_scale": "SKM020", "option_conflict": "SKM021"}


def label_findings(result: SkmResult, labels: LabelSet, sheet: str, cell_of: Callable[[str, int], str],
                   raw_of: Callable[[str, int], object]) -> list[Finding]:
    out: list[Finding] = []
    for col in result.columns:
        for i, problem in col.invalid:
            code = LABEL_PROBLEMS.get(problem)
            if code is None or col.unsur is None:
                continue
            raw = " ".join(str(raw_of(col.column, i)).split())
            match = labels.match(raw, col.unsur)
            params = {"unsur": unsur_label(col.unsur)}
            expected = labels.describe(col.unsur)
            if code == "SKM020":
                params["other"] = ", ".join(unsur_label(u) for u in match.others)
            elif code == "SKM021":
                params["code"] = match.code
                expected = match.label_value
            out.append(Finding(code, sheet, cell_of(col.column, i), expected=expected, found=raw, params=params))
    return out
