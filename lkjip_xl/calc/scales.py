"""Grading scales as data: named presets, grading, validation, user-typed bands."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from .decimals import decimal_places, to_decimal
from .numbers_id import format_number, parse_number

__all__ = [
    "Band",
    "Scale",
    "ScaleProblem",
    "PRESETS",
    "grade",
    "validate_scale",
    "normalise_printed_integer_bands",
    "scale_from_rows",
]


@dataclass(frozen=True)
class Band:
    """One band; ``None`` bounds are unbounded. ``code`` is e.g. the letter."""

    label: str
    lower: Decimal | None
    lower_inclusive: bool
    upper: Decimal | None
    upper_inclusive: bool
    code: str = ""

    def contains(self, x: Decimal) -> bool:
        """True when ``x`` lies in the band."""
        if self.lower is not None:
            if x < self.lower or (x == self.lower and not self.lower_inclusive):
                return False
        if self.upper is not None:
            if x > self.upper or (x == self.upper and not self.upper_inclusive):
                return False
        return True

    def describe(self, lang: str = "id") -> str:
        """Interval text like ``75 < x ≤ 90``, the bounds in the language's number form (``75,5 < x``
        in Indonesian, ``75.5 < x`` in English)."""
        parts = []
        if self.lower is not None:
            parts.append(f"{_shown(self.lower, lang)} {'≤' if self.lower_inclusive else '<'} ")
        parts.append("x")
        if self.upper is not None:
            parts.append(f" {'≤' if self.upper_inclusive else '<'} {_shown(self.upper, lang)}")
        return "".join(parts)


def _shown(value: Decimal, lang: str) -> str:
    """A bound as a message writes it: with its own decimals, in the language's number form."""
    return format_number(value, decimal_places(value), lang)


@dataclass(frozen=True)
class Scale:
    """A named scale; ``bands`` in any order (highest first by convention)."""

    name: str
    title: str
    bands: tuple[Band, ...]


@dataclass(frozen=True)
class ScaleProblem:
    """kind: ``gap``, ``overlap`` or ``empty_band``; ``between`` = band labels."""

    kind: str
    between: tuple[str, str]
    detail: str


def _b(label, lo, lo_inc, hi, hi_inc, code=""):
    d = lambda v: None if v is None else Decimal(v)  # noqa: E731
    return Band(label, d(lo), lo_inc, d(hi), hi_inc, code)


PRESETS: dict[str, Scale] = {
    "permendagri86": Scale("permendagri86", "Kriteria capaian Permendagri 86/2017", (
        _b("Sangat Tinggi", "90", False, None, False),
        _b("Tinggi", "75", False, "90", True),
        _b("Sedang", "65", False, "75", True),
        _b("Rendah", "50", False, "65", True),
        _b("Sangat Rendah", None, False, "50", True),
    )),
    "atribut_capaian": Scale("atribut_capaian", "Atribut capaian (Medang Kampai)", (
        _b("Sangat Berhasil", "85", True, None, False),
        _b("Berhasil", "70", True, "85", False),
        _b("Cukup Berhasil", "55", True, "70", False),
        _b("Tidak Berhasil", None, False, "55", False),
    )),
    "sakip88": Scale("sakip88", "Predikat SAKIP PermenPAN-RB 88/2021", (
        _b("Sangat Memuaskan", "90", False, "100", True, "AA"),
        _b("Memuaskan", "80", False, "90", True, "A"),
        _b("Sangat Baik", "70", False, "80", True, "BB"),
        _b("Baik", "60", False, "70", True, "B"),
        _b("Cukup (Memadai)", "50", False, "60", True, "CC"),
        _b("Kurang", "30", False, "50", True, "C"),
        _b("Sangat Kurang", "0", True, "30", True, "D"),
    )),
    # Printed 25,00-64,99 / 65,00-76,60 / 76,61-88,30 / 88,31-100,00, made
    # half-open on the lower bounds so every 2-decimal value has one band.
    "skm_mutu": Scale("skm_mutu", "Mutu pelayanan SKM (IKM), PermenPAN-RB 14/2017; "
                      "printed bands normalised to [lower, next lower)", (
        _b("Sangat Baik", "88.31", True, "100", True, "A"),
        _b("Baik", "76.61", True, "88.31", False, "B"),
        _b("Kurang Baik", "65.00", True, "76.61", False, "C"),
        _b("Tidak Baik", "25.00", True, "65.00", False, "D"),
    )),
    "skm_mutu_nrr": Scale("skm_mutu_nrr", "Mutu pelayanan SKM (NRR), PermenPAN-RB 14/2017; "
                          "printed bands normalised to [lower, next lower)", (
        _b("Sangat Baik", "3.5324", True, "4.00", True, "A"),
        _b("Baik", "3.0644", True, "3.5324", False, "B"),
        _b("Kurang Baik", "2.60", True, "3.0644", False, "C"),
        _b("Tidak Baik", "1.00", True, "2.60", False, "D"),
    )),
}


def grade(scale: Scale | str, x: Decimal) -> Band | None:
    """The band containing ``x``, or None: also when two bands contain it (a scale whose bands
    overlap, SCL002, grades nothing there rather than whichever band comes first; the template's
    kriteria formula is blank there too). ``scale`` may be a preset name."""
    if isinstance(scale, str):
        scale = PRESETS[scale]
    value = to_decimal(x)
    if value is None:
        return None
    holding = [b for b in scale.bands if b.contains(value)]
    return holding[0] if len(holding) == 1 else None


def _lower_key(b: Band) -> tuple:
    if b.lower is None:
        return (0, Decimal(0), 0)
    return (1, b.lower, 0 if b.lower_inclusive else 1)


def _is_empty(b: Band) -> bool:
    if b.lower is None or b.upper is None:
        return False
    return b.lower > b.upper or (b.lower == b.upper and not (
        b.lower_inclusive and b.upper_inclusive))


def validate_scale(scale: Scale) -> list[ScaleProblem]:
    """Gaps, overlaps and empty bands within the covered range (sorted by lower bound)."""
    problems = [ScaleProblem("empty_band", (b.label, b.label), f"{b.describe('en')} is empty")
                for b in scale.bands if _is_empty(b)]
    bands = sorted((b for b in scale.bands if not _is_empty(b)), key=_lower_key)
    reach: Band | None = None  # band reaching furthest up so far
    for b in bands:
        if reach is None:
            reach = b
            continue
        pair = (reach.label, b.label)
        top, top_inc = reach.upper, reach.upper_inclusive
        if top is None or b.lower is None or top > b.lower or (
                top == b.lower and top_inc and b.lower_inclusive):
            problems.append(ScaleProblem(
                "overlap", pair, f"{reach.describe('en')} overlaps {b.describe('en')}"))
        elif top < b.lower or (top == b.lower and not top_inc and not b.lower_inclusive):
            problems.append(ScaleProblem(
                "gap", pair, f"values between {top} and {b.lower} have no band"))
        if top is not None and (b.upper is None or b.upper > top or (
                b.upper == top and b.upper_inclusive)):
            reach = b
    return problems


def normalise_printed_integer_bands(
    scale: Scale, close: str = "upper", max_gap: Decimal = Decimal(1)
) -> tuple[Scale, str | None]:
    """Close the gaps left by printed closed bands (76–90 / 91–100).

    ``close="upper"``: upper bounds stay inclusive, the next band starts just
    above (75 < x ≤ 90, 90 < x ≤ 100), as Permendagri 86 states it.
    ``close="lower"``: lower bounds stay inclusive, each band runs up to the
    next lower bound ([76, 91), [91, 100]), as the SKM table does.
    Only gaps of at most ``max_gap`` are closed. Returns the new scale and a
    note saying what changed (None when nothing did).
    """
    if close not in ("upper", "lower"):
        raise ValueError("close must be 'upper' or 'lower'")
    bands = sorted(scale.bands, key=_lower_key)
    out = list(bands)
    changed = []
    for i in range(len(bands) - 1):
        a, b = out[i], out[i + 1]
        if a.upper is None or b.lower is None:
            continue
        gap = b.lower - a.upper
        if not (0 < gap <= max_gap and a.upper_inclusive and b.lower_inclusive):
            continue
        if close == "upper":
            out[i + 1] = replace(b, lower=a.upper, lower_inclusive=False)
        else:
            out[i] = replace(a, upper=b.lower, upper_inclusive=False)
        changed.append(f"{a.upper}–{b.lower}")
    if not changed:
        return scale, None
    rule = ("upper bounds kept, next band starts above them" if close == "upper"
            else "lower bounds kept, each band runs up to the next one")
    note = (f"Scale {scale.name}: printed closed bands leave gaps ({', '.join(changed)}); "
            f"normalised to half-open intervals ({rule}).")
    order = {id(b): k for k, b in enumerate(scale.bands)}
    ordered = sorted(zip(bands, out), key=lambda p: order[id(p[0])])
    return replace(scale, bands=tuple(n for _, n in ordered)), note


_TRUE = {"true", "ya", "y", "yes", "1", "≥", ">=", "≤", "<=", "inklusif", "termasuk"}
_FALSE = {"false", "tidak", "t", "n", "no", "0", ">", "<", "eksklusif", ""}
_FIELDS = ("label", "code", "lower", "lower_inclusive", "upper", "upper_inclusive")


def _bound(v: object, what: str) -> Decimal | None:
    if v is None or isinstance(v, (int, float, Decimal)) and not isinstance(v, bool):
        return to_decimal(v)
    p = parse_number(str(v))
    if p.special in ("blank", "na", "dash"):
        return None
    if p.value is None:
        raise ValueError(f"{what}: {p.reason}")
    return p.value


def _flag(v: object, default: bool) -> bool:
    if v is None:
        return default
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, Decimal)):
        return bool(v)
    s = str(v).strip().lower()
    if s in _TRUE:
        return True
    if s in _FALSE:
        return False if s else default
    raise ValueError(f"not a yes/no value: {v!r}")


def scale_from_rows(
    name: str, rows: Iterable[Sequence | Mapping], title: str | None = None
) -> Scale:
    """Build a scale from sheet rows (label, code, lower, lower_inclusive,
    upper, upper_inclusive), tuples or mappings with those keys.

    Bounds may be numbers or typed text (``"76,61"``); blank/``-`` means
    unbounded. Flags accept booleans, ya/tidak, y/n, 1/0, ``>=``/``>``;
    blank lower flag defaults to inclusive, blank upper flag to inclusive.
    """
    bands = []
    for i, row in enumerate(rows, start=1):
        vals = [row.get(f) for f in _FIELDS] if isinstance(row, Mapping) else list(row)
        vals += [None] * (6 - len(vals))
        label, code, lo, lo_inc, hi, hi_inc = vals[:6]
        where = f"row {i} ({label})"
        bands.append(Band(
            str(label or "").strip(), _bound(lo, f"{where} lower"),
            _flag(lo_inc, True), _bound(hi, f"{where} upper"),
            _flag(hi_inc, True), str(code or "").strip()))
    return Scale(name, title or name, tuple(bands))
