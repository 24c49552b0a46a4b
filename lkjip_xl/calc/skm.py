"""SKM / IKM (PermenPAN-RB 14/2017): unsur, answers, NRR, IKM, mutu, sample size."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, localcontext
from fractions import Fraction
from math import ceil

from .decimals import CALC_PRECISION, decimal_places, round_half_up, to_decimal
from .scales import PRESETS, Scale, grade
from .skm_labels import STANDARD, LabelSet
from .skm_unsur import UNSUR, Unsur, match_unsur

__all__ = [
    "Unsur", "UNSUR", "match_unsur", "ANSWER_SCORES", "answer_key", "parse_answer",
    "SkmWeight", "SKM_WEIGHTS", "DEFAULT_WEIGHT", "weight_named",
    "IkmResult", "nrr", "ikm_from_nrr", "mutu_nrr", "KREJCIE_MORGAN", "min_sample",
    "aggregate_answers", "nrr_by_unsur", "is_multiple_of_1_over_n", "near_boundary", "nearest_boundary",
    "NEAR_BOUNDARY_MARGIN", "ikm_range",
    "SHEET_UNSUR_KEYS", "SHEET_LABEL_SCORES", "SHEET_ANSWER_TABLE", "sheet_unsur", "sheet_label_score",
]


# What an answer typed as text means, declared once: calc reads answers with it and the template
# writes it on its list sheet, where the workbook's score formula looks text answers up (so both
# count exactly the same answers). Keys are compared as ``answer_key`` makes them.
ANSWER_SCORES: dict[str, int] = {"1": 1, "2": 2, "3": 3, "4": 4, "a": 1, "b": 2, "c": 3, "d": 4}


def answer_key(text: str) -> str:
    """A text answer as a spreadsheet's TRIM and VLOOKUP see it: runs of spaces made one, leading
    and trailing spaces dropped (spaces only, as TRIM), any case."""
    return " ".join(part for part in text.split(" ") if part).lower()


# What the workbook's score formula reads besides ANSWER_SCORES, declared once from the unsur names
# (calc.skm_unsur.UNSUR) and the label set of the regulation (calc.skm_labels.STANDARD). The
# template writes ``SHEET_ANSWER_TABLE`` on its list sheet as the lookup ``skor_jawaban``: the
# answer codes (ANSWER_SCORES), then " " + each unsur name, variant and code -> " " + its code
# (" persyaratan" -> " U1"), then " code label" -> score (" u1 sangat sesuai" -> 4). The score
# formula of answer column i is
#     IFERROR(VLOOKUP(TRIM(answer),skor_jawaban,2,FALSE),
#             IFERROR(VLOOKUP(VLOOKUP(" "&TRIM(name of column i),skor_jawaban,2,FALSE)&" "&TRIM(answer),
#                             skor_jawaban,2,FALSE),""))
# so a label scores when the column's unsur name (SKM Hasil) is a name, variant or code of an
# unsur and the label is one of that unsur's, each up to case and runs of spaces (a spreadsheet
# lookup cannot ignore punctuation). The leading space keeps the names and labels out of the first
# lookup (TRIM never leaves one): a typed "Persyaratan" or "U1 Sangat sesuai" is no answer. One
# table keeps a workbook of an older template, whose skor_jawaban holds the codes only, computing
# (its labels give blanks, never #NAME?). ``sheet_label_score`` is the second lookup in Python.
SHEET_UNSUR_KEYS: dict[str, str] = {
    " ".join(n.split(" ")).lower(): u.code
    for u in UNSUR for n in (u.code, u.name, u.name_en, *u.variants)
}
SHEET_LABEL_SCORES: dict[str, int] = {
    f"{code.lower()} {' '.join(label.split(' ')).lower()}": score
    for code in STANDARD.shown for score, labels in STANDARD.options(code) for label in labels
}
SHEET_ANSWER_TABLE: dict[str, int | str] = {
    **ANSWER_SCORES,
    **{f" {name}": f" {code}" for name, code in SHEET_UNSUR_KEYS.items()},
    **{f" {key}": score for key, score in SHEET_LABEL_SCORES.items()},
}
assert len(SHEET_ANSWER_TABLE) == len(ANSWER_SCORES) + len(SHEET_UNSUR_KEYS) + len(SHEET_LABEL_SCORES)


def sheet_unsur(name: object) -> str | None:
    """The unsur code the score formula finds for a column's unsur name (None: it finds none)."""
    if name is None or isinstance(name, bool):
        return None
    return SHEET_UNSUR_KEYS.get(answer_key(str(name)))


def sheet_label_score(raw: object, name: object) -> int | None:
    """The score the workbook's formula gives a text answer as a label of the unsur named ``name``
    (its second lookup); None when it gives none. Answers of ``ANSWER_SCORES`` are the formula's
    first lookup, not this one."""
    code = sheet_unsur(name)
    if code is None or not isinstance(raw, str):
        return None
    return SHEET_LABEL_SCORES.get(f"{code.lower()} {answer_key(raw)}")


def parse_answer(raw: object, unsur: str | None = None,
                 labels: LabelSet | None = None) -> tuple[int | None, str | None]:
    """One questionnaire answer -> (1..4, None) or (None, problem).

    An answer is a number 1..4 or a text of ``ANSWER_SCORES`` ("3", "b", any case, spaces
    around); a number written otherwise as text ("3.0", "03") is not, as the workbook's formula
    does not count it either. problems: ``blank``, ``five_point`` (5 or ``e``: reject, never
    rescale), ``out_of_range`` (0, 6, 2.5...), ``text``. With ``labels`` (a :class:`LabelSet`)
    and the answer's ``unsur`` (U1..U9), a text answer is read as one of the unsur's labels; a
    label that does not fit is ``unknown_label``, ``other_scale`` or ``option_conflict`` (see
    :meth:`LabelSet.match`). Without ``labels`` only 1..4 and a..d are answers.
    """
    if raw is None:
        return None, "blank"
    if isinstance(raw, bool):
        return None, "text"
    if isinstance(raw, str):
        s = answer_key(raw)
        if not s.strip():
            return None, "blank"
        if s in ANSWER_SCORES:
            return ANSWER_SCORES[s], None
        if s == "e":
            return None, "five_point"
        try:
            raw = Decimal(s.replace(",", "."))
        except ArithmeticError:
            if labels is None or unsur is None:
                return None, "text"
            match = labels.match(s, unsur)
            return match.value, match.problem
        if raw.is_finite() and raw == raw.to_integral_value() and 1 <= raw <= 4:
            return None, "text"
    try:
        d = to_decimal(raw)
    except (TypeError, ValueError):
        return None, "text"
    if not d.is_finite():
        return None, "text"
    if d == d.to_integral_value():
        if 1 <= d <= 4:
            return int(d), None
        if d == 5:
            return None, "five_point"
    return None, "out_of_range"


@dataclass(frozen=True)
class SkmWeight:
    """Weight per unsur in the IKM formula, declared once: ``label`` must be shown with results;
    ``choice`` is how the Identitas dropdown writes it, ``excel`` how a formula writes it,
    ``aliases`` what ``lkjip-xl skm --bobot`` accepts; ``explain`` (id, en) says what it is."""

    name: str
    label: str
    value: Fraction | Decimal
    choice: str
    excel: str
    aliases: tuple[str, ...]
    explain: tuple[str, str]

    @property
    def decimal(self) -> Decimal:
        """The weight as a Decimal (1/9 at calculation precision)."""
        if isinstance(self.value, Decimal):
            return self.value
        with localcontext() as ctx:
            ctx.prec = CALC_PRECISION
            return Decimal(self.value.numerator) / Decimal(self.value.denominator)

    def weigh(self, nrr: Decimal) -> Decimal:
        """NRR tertimbang = NRR × weight."""
        with localcontext() as ctx:
            ctx.prec = CALC_PRECISION
            return to_decimal(nrr) * self.decimal


SKM_WEIGHTS: dict[str, SkmWeight] = {
    "exact": SkmWeight("exact", "bobot 1/9", Fraction(1, 9), "1/9", "1/9", ("exact", "1/9"),
                       ("bobot tepat 1/9 (PermenPAN-RB 14/2017)", "exact weight 1/9")),
    "legacy_0111": SkmWeight("legacy_0111", "bobot 0,111 (lama)", Decimal("0.111"), "0,111", "0.111",
                             ("0.111", "0,111", "legacy"),
                             ("bobot lama 0,111 (menyamakan spreadsheet lama)", "legacy weight 0.111")),
}
DEFAULT_WEIGHT = "exact"


def weight_named(choice_or_alias: str | None) -> str:
    """The weight name for an Identitas choice (``1/9``, ``0,111``) or a ``--bobot`` alias; the
    default weight for anything else (an unknown choice is reported by the reader)."""
    text = str(choice_or_alias or "").strip().lower()
    for w in SKM_WEIGHTS.values():
        if text == w.choice or text in w.aliases:
            return w.name
    return DEFAULT_WEIGHT


@dataclass(frozen=True)
class IkmResult:
    """IKM unrounded and rounded (half-up, 2 places), its mutu letter and kinerja."""

    unrounded: Decimal
    rounded: Decimal
    mutu: str | None
    kinerja: str | None
    near_boundary: bool
    weight_label: str = ""


def nrr(total: int, n: int) -> Decimal:
    """NRR = total of answers / number of valid answers (n > 0)."""
    if n <= 0:
        raise ValueError("NRR needs at least one valid answer")
    with localcontext() as ctx:
        ctx.prec = CALC_PRECISION
        return Decimal(total) / Decimal(n)


def ikm_from_nrr(
    nrrs: Mapping[str, Decimal], weight: str = DEFAULT_WEIGHT,
    scale: Scale | None = None,
) -> IkmResult:
    """IKM from NRR per unsur, graded with ``scale`` (default preset skm_mutu).

    exact: Σ NRR / k × 25 for the k unsur given (k = 9 normally);
    legacy_0111: Σ (NRR × 0,111) × 25, needs exactly 9 unsur.
    ``near_boundary``: within 0,05 of a grade bound, its grade depends on rounding (``near_boundary``).
    """
    w = SKM_WEIGHTS[weight]
    values = [to_decimal(v) for v in nrrs.values()]
    if not values or any(v is None for v in values):
        raise ValueError("IKM needs an NRR for every unsur")
    with localcontext() as ctx:
        ctx.prec = 80
        total = sum(values[1:], values[0])
        if w.name == "legacy_0111":
            if len(values) != 9:
                raise ValueError("the 0,111 weight is only defined for 9 unsur")
            raw = sum((v * w.value for v in values), Decimal(0)) * 25
        else:
            ctx.prec = CALC_PRECISION
            raw = total * 25 / len(values)
    scale = scale or PRESETS["skm_mutu"]
    rounded = round_half_up(raw, 2)
    band = grade(scale, rounded)
    return IkmResult(raw, rounded, band.code if band else None,
                     band.label if band else None, near_boundary(raw, scale), w.label)


# domain.md: "Warn when the unrounded IKM is within 0,05 of a boundary: the grade depends on rounding"
# (printed at one decimal, 76,6249 is 76,6, C, though B at two; 88,31 exactly is 88,3, B)
NEAR_BOUNDARY_MARGIN = Decimal("0.05")


def nearest_boundary(raw: Decimal, scale: Scale) -> Decimal:
    """The scale's bound between two grades nearest to ``raw`` (65,00, 76,61 or 88,31 for the IKM)."""
    bounds = {b for band in scale.bands for b in (band.lower, band.upper) if b is not None}
    inner = bounds - {min(bounds), max(bounds)}
    return min(inner, key=lambda b: abs(raw - b))


def near_boundary(raw: Decimal, scale: Scale, margin: Decimal = NEAR_BOUNDARY_MARGIN) -> bool:
    """The unrounded IKM lies within ``margin`` of a bound between two grades (domain.md: its grade
    depends on how it is rounded for print), at the bound itself too."""
    return abs(raw - nearest_boundary(raw, scale)) <= margin


def ikm_range(nrrs: Mapping[str, Decimal], dropped: Mapping[str, tuple[int, int, int]],
              weight: str = DEFAULT_WEIGHT) -> tuple[Decimal, Decimal]:
    """The unrounded IKM had the answers left out (unreadable: 5, 0, an unknown label) been read:
    (lowest, highest), with every one of them 1 and every one 4. ``nrrs``: NRR per unsur as
    computed; ``dropped``: unsur -> (total of its valid answers, their number, answers left out),
    whose NRR becomes (total + left out × s) / (number + left out) for s = 1 and 4."""
    def ikm(score: int) -> Decimal:
        with_them = {u: nrr(t + d * score, n + d) for u, (t, n, d) in dropped.items() if n + d}
        return ikm_from_nrr({**nrrs, **with_them}, weight).unrounded
    return ikm(1), ikm(4)


def mutu_nrr(value: Decimal) -> str | None:
    """Mutu letter for an NRR (1,00–4,00) with the skm_mutu_nrr preset."""
    band = grade(PRESETS["skm_mutu_nrr"], to_decimal(value))
    return band.code if band else None


#: Krejcie–Morgan (population N, minimum sample s), ascending N.
KREJCIE_MORGAN: tuple[tuple[int, int], ...] = (
    (10, 10), (15, 14), (20, 19), (25, 24), (30, 28), (35, 32), (40, 36), (45, 40),
    (50, 44), (55, 48), (60, 52), (65, 56), (70, 59), (75, 63), (80, 66), (85, 70),
    (90, 73), (95, 76), (100, 80), (110, 86), (120, 92), (130, 97), (140, 103),
    (150, 108), (160, 113), (170, 118), (180, 123), (190, 127), (200, 132), (210, 136),
    (220, 140), (230, 144), (240, 148), (250, 152), (260, 155), (270, 159), (280, 162),
    (290, 165), (300, 169), (320, 175), (340, 181), (360, 186), (380, 191), (400, 196),
    (420, 201), (440, 205), (460, 210), (480, 214), (500, 217), (550, 226), (600, 234),
    (650, 242), (700, 248), (750, 254), (800, 260), (850, 265), (900, 269), (950, 274),
    (1000, 278), (1100, 285), (1200, 291), (1300, 297), (1400, 302), (1500, 306),
    (1600, 310), (1700, 313), (1800, 317), (1900, 320), (2000, 322), (2200, 327),
    (2400, 331), (2600, 335), (2800, 338), (3000, 341), (3500, 346), (4000, 351),
    (4500, 354), (5000, 357), (6000, 361), (7000, 364), (8000, 367), (9000, 368),
    (10000, 370), (15000, 375), (20000, 377), (30000, 379), (40000, 380), (50000, 381),
    (75000, 382), (1000000, 384),
)


def min_sample(population: int) -> int:
    """Minimum respondents: s of the first row with N ≥ population (384 above the
    table); never more than the population itself (survey everyone)."""
    if population <= 0:
        raise ValueError("population must be positive")
    s = next((s for n, s in KREJCIE_MORGAN if n >= population), KREJCIE_MORGAN[-1][1])
    return min(s, population)


def aggregate_answers(
    answers: Mapping[str, Iterable[int | None]],
) -> dict[str, tuple[int, int]]:
    """Per unsur (total of valid answers, number of valid answers); None skipped."""
    out = {}
    for code, values in answers.items():
        valid = [v for v in values if v is not None]
        out[code] = (sum(valid), len(valid))
    return out


def nrr_by_unsur(totals: Mapping[str, tuple[int, int]]) -> dict[str, Decimal]:
    """NRR per unsur from :func:`aggregate_answers` output (unsur with n=0 left out)."""
    return {code: nrr(t, n) for code, (t, n) in totals.items() if n > 0}


def is_multiple_of_1_over_n(
    nrr_value: Decimal, n: int, tolerance_places: int | None = None,
    accept_truncated: bool = True,
) -> bool:
    """Can a typed NRR come from n answers in 1..4?

    True when some integer total t (n ≤ t ≤ 4n) gives t/n equal to the typed
    value at ``tolerance_places`` (default: the typed places), rounded half-up
    or (if ``accept_truncated``) truncated.
    """
    if n <= 0:
        return False
    v = Fraction(to_decimal(nrr_value))
    places = decimal_places(nrr_value) if tolerance_places is None else tolerance_places
    step = Fraction(1, 10 ** places)
    windows = [(v - step / 2, v + step / 2)]  # half-up: [v − h, v + h)
    if accept_truncated:
        windows.append((v, v + step))  # truncation: [v, v + step)
    for lo, hi in windows:
        t = max(ceil(lo * n), n)
        if t <= 4 * n and Fraction(t, n) < hi:
            return True
    return False
