"""Compute NRR per answer column and the IKM, from respondent answers or the summary block.

Each answer column U1..U9 of the sheet holds the unsur named for it in the summary block (the
questionnaire's order is declared, not assumed). Answers outside 1..4 are left out of their own
unsur only and reported; nothing is rescaled or dropped silently.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..calc.decimals import number_or_none
from ..calc.skm import DEFAULT_WEIGHT, IkmResult, ikm_from_nrr, match_unsur, mutu_nrr, nrr, parse_answer
from ..calc.skm_unsur import match_unsur_loosely
from ..calc.skm_labels import STANDARD, LabelSet

COLUMNS = tuple(f"u{i}" for i in range(1, 10))
# the answer labels a workbook's SKM sheet takes besides 1..4 and a..d: the regulation's (the
# template's score formula is generated from them; an office's own set and the generic labels
# are for survey exports)
WORKBOOK_LABELS = STANDARD
_FAST = {1: 1, 2: 2, 3: 3, 4: 4}  # 1.0 == 1: the same keys serve floats


@dataclass
class ColumnResult:
    column: str  # "u1".."u9": the sheet column
    name: str | None  # unsur name declared for the column
    unsur: str | None  # canonical code U1..U9 matched from the name
    total: int = 0
    n: int = 0
    nrr: Decimal | None = None
    source: str | None = None  # "responden", "jumlah" or "nrr"
    invalid: list[tuple[int, str]] = field(default_factory=list)  # (row index, problem)
    matched: str = "name"  # how the unsur was found: "name", "loose" (a typo), "order" (the column's place)

    @property
    def mutu(self) -> str | None:
        return mutu_nrr(self.nrr) if self.nrr is not None else None

    @property
    def unread(self) -> list[int]:
        """Rows whose answer is left out as unreadable (5, 0, an unknown label; not a blank)."""
        return [i for i, problem in self.invalid if problem != "blank"]


@dataclass
class SkmResult:
    columns: list[ColumnResult]
    respondents: int
    weight: str
    ikm: IkmResult | None

    def nrr_by_unsur(self) -> dict[str, Decimal]:
        return {c.unsur: c.nrr for c in self.columns if c.unsur and c.nrr is not None}


def safe_parse(raw, unsur: str | None = None, labels: LabelSet | None = None) -> tuple[int | None, str | None]:
    """``parse_answer`` that never raises: a number Decimal cannot hold (1e308 from a cell) is
    out of range."""
    try:
        return parse_answer(raw, unsur, labels)
    except ArithmeticError:
        return None, "out_of_range"


def answer_score(raw) -> int | None:
    """The score an answer counts with (``parse_answer``), None when it does not count."""
    if type(raw) in (float, int):
        v = _FAST.get(raw)
        if v is not None:
            return v
    return safe_parse(raw)[0]


def tally(values: list, unsur: str | None = None,
          labels: LabelSet | None = None) -> tuple[int, int, list[tuple[int, str]]]:
    """Sum and count valid answers of one column; (index, problem) for the others. Each distinct
    text answer (a label) is read once."""
    total = n = 0
    invalid: list[tuple[int, str]] = []
    fast = _FAST
    seen: dict[str, tuple[int | None, str | None]] = {}
    for i, raw in enumerate(values):
        v = fast.get(raw) if type(raw) in (float, int) else None
        if v is None:
            if type(raw) is str:
                if raw not in seen:
                    seen[raw] = safe_parse(raw, unsur, labels)
                v, problem = seen[raw]
            else:
                v, problem = safe_parse(raw, unsur, labels)
            if v is None:
                invalid.append((i, problem))
                continue
        total += v
        n += 1
    return total, n, invalid


def whole_or_none(value) -> int | None:
    """A typed count as int (None unless a whole number): bad counts never raise, a check reports them."""
    d = number_or_none(value)
    return int(d) if d is not None and d == d.to_integral_value() else None


def compute_skm(answers: dict[str, list], unsur_rows: list[dict], weight: str = DEFAULT_WEIGHT,
                labels: LabelSet | None = None) -> SkmResult:
    """``answers``: column key -> raw answers by respondent; ``unsur_rows``: the summary block's
    rows in U1..U9 order (keys unsur, jumlah_nilai, jumlah_responden, nrr_tertulis); ``labels``:
    the answer labels accepted besides 1..4 and a..d (a survey export), or None (only those)."""
    respondents = max((len(v) for v in answers.values()), default=0)
    columns = _columns(unsur_rows, answers)
    for i, col in enumerate(columns):
        row = unsur_rows[i] if i < len(unsur_rows) else {}
        values = answers.get(col.column) or []
        if values:
            col.total, col.n, col.invalid = tally(values, col.unsur, labels)
        if col.n:
            col.nrr, col.source = nrr(col.total, col.n), "responden"
        elif whole_or_none(row.get("jumlah_nilai")) and (whole_or_none(row.get("jumlah_responden")) or 0) > 0:
            col.total, col.n = whole_or_none(row["jumlah_nilai"]), whole_or_none(row["jumlah_responden"])
            col.nrr, col.source = nrr(col.total, col.n), "jumlah"
        elif number_or_none(row.get("nrr_tertulis")) is not None:
            col.nrr, col.source = number_or_none(row["nrr_tertulis"]), "nrr"
    result = SkmResult(columns, respondents, weight, None)
    nrrs = result.nrr_by_unsur()
    if len(nrrs) == 9 and all(c.nrr is not None for c in columns):
        result.ikm = ikm_from_nrr(nrrs, weight)
    return result


def _columns(unsur_rows: list[dict], answers: dict[str, list]) -> list[ColumnResult]:
    """The answer columns with the unsur each holds: by the name declared for it (tolerating a
    typo); a name nothing matches counts as the unsur of the column's place when every one of the
    nine columns holds data and no other column names that unsur."""
    columns = []
    for i, key in enumerate(COLUMNS):
        name = (unsur_rows[i] if i < len(unsur_rows) else {}).get("unsur")
        col = ColumnResult(key, name, match_unsur(name) if name else f"U{i + 1}")
        if col.unsur is None and name:
            col.unsur, col.matched = match_unsur_loosely(name), "loose"
        columns.append(col)
    named = {c.unsur for c in columns if c.unsur}
    filled = all(any(v not in (None, "") for v in answers.get(k) or ()) or _summary_filled(r)
                 for k, r in zip(COLUMNS, list(unsur_rows) + [{}] * 9))
    for i, col in enumerate(columns):
        if col.unsur is None and filled and f"U{i + 1}" not in named:
            col.unsur, col.matched = f"U{i + 1}", "order"
    return columns


def _summary_filled(row: dict) -> bool:
    return any(number_or_none(row.get(k)) is not None for k in ("jumlah_nilai", "jumlah_responden", "nrr_tertulis"))


def skm_from_model(model, settings) -> SkmResult | None:
    resp = model.table("skm_responden")
    block = model.table("skm_unsur")
    if block is None and resp is None:
        return None
    answers = {k: resp.values.get(k, []) for k in COLUMNS} if resp is not None else {}
    rows = [block.row(i) for i in range(len(block))] if block is not None else []
    return compute_skm(answers, rows, settings.skm_weight, WORKBOOK_LABELS)
