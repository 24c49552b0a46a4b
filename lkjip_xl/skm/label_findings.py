"""Findings for answers given as labels that do not fit (SKM019 unknown label, SKM020 a label of
another unsur's scale, SKM021 an option code that contradicts its label): one per cell, like the
other invalid answers (``checks.skm.answer_findings``); the answer is left out of its own unsur
only, never counted as 0."""
from __future__ import annotations

from collections.abc import Callable

from ..calc.skm_labels import GENERIC_LABELS, LabelSet
from ..checks.skm import unsur_label, unsur_labels
from ..findings import Finding
from ..i18n import Text
from .compute import WORKBOOK_LABELS, SkmResult

__all__ = ["LABEL_PROBLEMS", "label_findings"]

LABEL_PROBLEMS = {"unknown_label": "SKM019", "other_scale": "SKM020", "option_conflict": "SKM021"}


def label_findings(result: SkmResult, labels: LabelSet, sheet: str, cell_of: Callable[[str, int], str],
                   raw_of: Callable[[str, int], object]) -> list[Finding]:
    """``labels``: the set the answers were read with; but for the workbook's, the message says how
    to declare the form's own labels (``--label``, for survey exports only)."""
    out: list[Finding] = []
    for col in result.columns:
        for i, problem in col.invalid:
            code = LABEL_PROBLEMS.get(problem)
            if code is None or col.unsur is None:
                continue
            raw = " ".join(str(raw_of(col.column, i)).split())
            match = labels.match(raw, col.unsur)
            params = {"unsur": unsur_label(col.unsur), "hint": _hint(labels, col.unsur)}
            expected = labels.describe(col.unsur)
            if code == "SKM020":
                params["other"] = unsur_labels(match.others)
            elif code == "SKM021":
                params["code"] = match.code
                expected = match.label_value
            out.append(Finding(code, sheet, cell_of(col.column, i), expected=expected, found=raw, params=params))
    return out


_GENERIC_SHOWN = ", ".join(f"{labels[0]} (1) … {labels[-1]} (4)" for labels in GENERIC_LABELS)


def _hint(labels: LabelSet, unsur: str) -> Text | str:
    if labels is WORKBOOK_LABELS:
        return ""
    generic = labels.generic and unsur not in labels.declared
    also = (Text(f"; label umum {_GENERIC_SHOWN} juga dibaca", f"; the generic labels {_GENERIC_SHOWN} are read too")
            if generic else Text("", ""))
    return Text(f"{also.id}; bila formulir memakai label lain, nyatakan nilainya di sheet 'Label' ekspor .xlsx "
                "(atau dengan --label BERKAS)",
                f"{also.en}; if the form used other labels, declare their scores on a sheet 'Label' of the .xlsx "
                "export (or with --label FILE)")
