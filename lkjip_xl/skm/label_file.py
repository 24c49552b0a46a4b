"""An office's own answer labels, declared in a small table (docs/skm.md, "Label jawaban"):

    Unsur        | 1           | 2             | 3        | 4
    U1           | Tidak puas  | Kurang puas   | Puas     | Sangat puas
    Sarana       | Jelek       | Cukup         | Bagus    | Sangat bagus
    Semua        | ...                                          (every unsur)

in a .csv or .xlsx passed with ``--label``, or on a sheet named "Label" (or "Label Jawaban") of
the survey export. Score columns are headed 1..4 or a..d ("Nilai 1", "a (1)"); the unsur cell
takes a code, a name or a question text, or "Semua". Several rows for one unsur add synonyms. The
unsur declared use only the declared labels (and 1–4, a–d); the others keep the regulation's.

Problems are findings at their cell, and the row or label is not used: an unsur that matches none
(SKM006), labels without an unsur (VAL005), one label given two scores in one unsur (SKM022), a
label that is empty or an option code (SKM023).
"""
from __future__ import annotations

import re
from pathlib import Path

from ..calc.skm import UNSUR, match_unsur
from ..calc.skm_labels import EXPORT_LABELS, LabelSet, normalise_label
from ..checks.skm import unsur_label
from ..errors import UsageError
from ..findings import Finding
from .side_table import SideSheet, find_header, header_key, read_side_file

__all__ = ["LABEL_SHEETS", "declared_labels", "labels_from_sheet", "find_label_table"]

#: sheet names of a survey export that hold its label set (compared as header_key)
LABEL_SHEETS = frozenset({"label", "labels", "label jawaban", "skala jawaban", "pilihan jawaban", "answer labels"})
ALL_UNSUR = frozenset({"semua", "semua unsur", "all", "all elements", "seluruh unsur"})
_UNSUR_HEADERS = ("unsur", "unsur pelayanan", "pertanyaan", "element", "question")
_SCORE_HEADER = re.compile(r"^(?:nilai|skor|score|pilihan|opsi|option|jawaban)?\s*([1-4a-d])(?:\s+([1-4a-d]))?$")
_SCORE = {**{str(i): i for i in range(1, 5)}, "a": 1, "b": 2, "c": 3, "d": 4}


def _score_of(header) -> int | None:
    m = _SCORE_HEADER.match(header_key(header))
    if not m:
        return None
    first, second = _SCORE[m.group(1)], _SCORE[m.group(2)] if m.group(2) else None
    return first if second in (None, first) else None


def find_label_table(rows: list[list]) -> tuple[int, int, dict[int, int]] | None:
    """(header row, unsur column, score -> column) of a label table: an unsur column and the four
    score columns, among the first 20 rows."""
    found = find_header(rows, {"unsur": _UNSUR_HEADERS}, ("unsur",))
    while found is not None:
        r, cols = found
        scores: dict[int, int] = {}
        for c, raw in enumerate(rows[r]):
            s = _score_of(raw)
            if s is not None and s not in scores:
                scores[s] = c
        if len(scores) == 4:
            return r, cols["unsur"], scores
        rest = find_header(rows[r + 1:], {"unsur": _UNSUR_HEADERS}, ("unsur",))
        found = None if rest is None else (rest[0] + r + 1, rest[1])
    return None


def _unsur_codes(raw) -> list[str] | None:
    text = " ".join(str(raw).split())
    if header_key(text) in ALL_UNSUR or text == "*":
        return [u.code for u in UNSUR]
    code = match_unsur(text)
    return [code] if code else None


def labels_from_sheet(sheet: SideSheet, base: LabelSet = EXPORT_LABELS) -> tuple[LabelSet, list[Finding]] | None:
    """``base`` with the unsur declared on ``sheet`` replaced, and the findings; None when the
    sheet holds no label table."""
    found = find_label_table(sheet.rows)
    if found is None:
        return None
    h, ucol, scores = found
    options: dict[str, list[tuple[int, str]]] = {}
    first: dict[tuple[str, str], tuple[int, str]] = {}  # (unsur, label) -> (score, cell)
    findings: list[Finding] = []
    where = sheet.where
    for r in range(h + 1, len(sheet.rows)):
        line = sheet.rows[r]
        cells = {s: (line[c] if c < len(line) else None) for s, c in scores.items()}
        raw_unsur = line[ucol] if ucol < len(line) else None
        if raw_unsur is None and all(v is None for v in cells.values()):
            continue
        if raw_unsur is None:
            findings.append(Finding("VAL005", where, sheet.cell(r, ucol), params={"name": "Unsur"}))
            continue
        codes = _unsur_codes(raw_unsur)
        if codes is None:
            findings.append(Finding("SKM006", where, sheet.cell(r, ucol), found=str(raw_unsur)))
            continue
        for score in sorted(cells):
            raw = cells[score]
            if raw is None:
                continue
            cell = sheet.cell(r, scores[score])
            text = raw if isinstance(raw, str) else str(raw)
            key = normalise_label(text)
            if isinstance(raw, (int, float)) or not key or key in _SCORE:
                findings.append(Finding("SKM023", where, cell, found=text))
                continue
            clash = next(((code, first[(code, key)]) for code in codes
                          if (code, key) in first and first[(code, key)][0] != score), None)
            if clash is not None:
                code, (other_score, other_cell) = clash
                findings.append(Finding("SKM022", where, cell, expected=other_score, found=text,
                                        params={"unsur": unsur_label(code), "other": f"{where}!{other_cell}"}))
                continue
            for code in codes:
                if (code, key) not in first:
                    first[(code, key)] = (score, cell)
                    options.setdefault(code, []).append((score, text))
    return (base.declare(options, where) if options else base), findings


def declared_labels(path: Path) -> tuple[LabelSet, list[Finding]]:
    """The label set of a ``--label`` file (its first sheet holding a label table, sheets named
    "Label" first); raises UsageError when it holds none."""
    sheets = read_side_file(Path(path))
    sheets.sort(key=lambda s: header_key(s.name) not in LABEL_SHEETS)
    for sheet in sheets:
        got = labels_from_sheet(sheet)
        if got is not None:
            return got
    raise UsageError("no_label_table", path=str(path))
