"""Several services in one survey: IKM per jenis layanan, pooled over all respondents, and the
(unweighted) mean of the units' IKMs. Pure functions over lists.

Both aggregates are given and labelled (domain.md §3.6): the *pooled* IKM treats all respondents
as one survey (it is the unit's IKM); the *mean of units* averages the services' unrounded IKMs
with equal weight, then rounds half-up and grades like any IKM.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext

from ..calc.decimals import CALC_PRECISION, round_half_up
from ..calc.scales import PRESETS, grade
from ..calc.skm import DEFAULT_WEIGHT, IkmResult, match_unsur, near_boundary
from ..calc.skm_labels import LabelSet
from .compute import COLUMNS, SkmResult, compute_skm, safe_parse

__all__ = ["NO_LAYANAN", "cell_text", "group_respondents", "per_layanan", "per_group", "MeanIkm", "mean_of_units",
           "LABELS"]

NO_LAYANAN = "(tanpa jenis layanan)"

#: labels that must accompany the two aggregates (id, en)
LABELS = {
    "pooled": ("IKM gabungan (semua responden)", "Pooled IKM (all respondents)"),
    "mean_of_units": ("Rata-rata IKM per layanan (tanpa bobot)", "Mean of the services' IKMs (unweighted)"),
}


def cell_text(value) -> str | None:
    """A cell as text with its spaces collapsed (12.0 -> "12"); None when blank."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    return text or None


def _group_ids(layanan: Sequence, default: str | None) -> tuple[list[str], list[int]]:
    """(group names in order of first appearance, group id of each respondent).

    Each distinct cell value is named once; the ids are then looked up at C speed."""
    fallback = cell_text(default) or NO_LAYANAN
    names: list[str] = []
    by_key: dict[str, int] = {}

    def gid_of(raw) -> int:
        name = cell_text(raw) or fallback
        key = name.lower()
        if key not in by_key:
            by_key[key] = len(names)
            names.append(name)
        return by_key[key]

    try:
        lookup = {raw: gid_of(raw) for raw in dict.fromkeys(layanan)}
        return names, list(map(lookup.__getitem__, layanan))
    except TypeError:  # an unhashable cell value: one by one
        names.clear()
        by_key.clear()
        return names, [gid_of(raw) for raw in layanan]


def group_respondents(layanan: Sequence, default: str | None = None) -> dict[str, list[int]]:
    """Respondent indices per jenis layanan, in order of first appearance.

    Names are compared ignoring case and repeated spaces (the first spelling is kept); a blank
    cell takes ``default`` (the survey's one service) or :data:`NO_LAYANAN`.
    """
    names, ids = _group_ids(layanan, default)
    groups: dict[str, list[int]] = {name: [] for name in names}
    for i, gid in enumerate(ids):
        groups[names[gid]].append(i)
    return groups


def _group_tallies(ids: list[int], values: Sequence, groups: int, unsur: str | None,
                   labels: LabelSet | None) -> tuple[list[int], list[int]]:
    """Per group (total of valid answers, number of valid answers) of one answer column; an id
    of ``groups`` or more belongs to no group.

    Counts each distinct (group, raw answer) pair once (C speed), then parses each distinct
    answer once. True/False are told apart from 1/0 (they are text, never answers)."""
    totals, counts = [0] * (groups + 1), [0] * (groups + 1)
    tagged = _has_bool(values)
    try:
        counted = Counter(zip(ids, ((v.__class__ is bool, v) for v in values) if tagged else values))
    except TypeError:  # an unhashable cell value: count by its text
        tagged = True
        counted = Counter(zip(ids, ((v.__class__ is bool, v if isinstance(v, Hashable) else repr(v))
                                    for v in values)))
    parsed: dict = {}
    for (g, raw), c in counted.items():
        if tagged:
            is_bool, raw = raw
            if is_bool:
                continue
        if raw in parsed:
            v = parsed[raw]
        else:
            v = parsed[raw] = safe_parse(raw, unsur, labels)[0]
        if v is not None:
            g = min(g, groups)
            totals[g] += v * c
            counts[g] += c
    return totals[:groups], counts[:groups]


def _has_bool(values: Sequence) -> bool:
    ids = set(map(id, values))
    return id(True) in ids or id(False) in ids


def per_layanan(
    layanan: Sequence, answers: dict[str, Sequence], unsur_names: Sequence[str | None],
    weight: str = DEFAULT_WEIGHT, default: str | None = None, labels: LabelSet | None = None,
) -> dict[str, SkmResult]:
    """An :class:`SkmResult` per jenis layanan from the respondents' raw answers.

    ``answers``: column key (``u1``..``u9``) -> raw answers by respondent, aligned with
    ``layanan``; ``unsur_names``: the unsur declared for each column (as for ``compute_skm``).
    Only respondent answers count: the summary block's typed totals belong to no service. The
    per-service results carry totals and counts, not the invalid answers (the pooled result
    and the checks have those).
    """
    names, ids = _group_ids(layanan, default)
    return per_group(names, ids, answers, unsur_names, weight, labels)


def per_group(
    names: Sequence[str], ids: Sequence[int], answers: dict[str, Sequence], unsur_names: Sequence[str | None],
    weight: str = DEFAULT_WEIGHT, labels: LabelSet | None = None,
) -> dict[str, SkmResult]:
    """An :class:`SkmResult` per group: respondent ``i`` belongs to group ``names[ids[i]]`` (an id
    of ``len(names)`` or more: to none). Every group is computed like the whole survey (same
    unsur matching, answer reading, NRR, IKM and grading)."""
    ids = list(ids)
    sizes = [0] * (len(names) + 1)
    for gid in ids:
        sizes[min(gid, len(names))] += 1
    codes = [match_unsur(n) if n else f"U{i + 1}" for i, n in enumerate(unsur_names)]
    tallies = {}
    for i, key in enumerate(COLUMNS):
        values = answers.get(key)
        if values:
            if len(values) != len(ids):
                values = list(values[:len(ids)]) + [None] * (len(ids) - len(values))
            unsur = codes[i] if i < len(codes) else f"U{i + 1}"
            tallies[key] = _group_tallies(ids, values, len(names), unsur, labels)
    out: dict[str, SkmResult] = {}
    for g, name in enumerate(names):
        # each group through compute_skm, from its totals: same matching, NRR, IKM and grading
        rows = []
        for i, key in enumerate(COLUMNS):
            unsur = unsur_names[i] if i < len(unsur_names) else None
            total, n = (tallies[key][0][g], tallies[key][1][g]) if key in tallies else (0, 0)
            rows.append({"unsur": unsur, "jumlah_nilai": total or None, "jumlah_responden": n or None})
        result = compute_skm({}, rows, weight)
        for col in result.columns:
            if col.source == "jumlah":
                col.source = "responden"
        result.respondents = sizes[g]
        out[name] = result
    return out


@dataclass(frozen=True)
class MeanIkm:
    """Unweighted mean of units' unrounded IKMs, rounded half-up and graded."""

    unrounded: Decimal
    rounded: Decimal
    mutu: str | None
    kinerja: str | None
    units: int
    near_boundary: bool


def mean_of_units(ikms: Sequence[IkmResult | None]) -> MeanIkm | None:
    """The mean of the units that have an IKM; None with fewer than two such units."""
    values = [r.unrounded for r in ikms if r is not None]
    if len(values) < 2:
        return None
    with localcontext() as ctx:
        ctx.prec = CALC_PRECISION
        mean = sum(values, Decimal(0)) / len(values)
    scale = PRESETS["skm_mutu"]
    rounded = round_half_up(mean, 2)
    band = grade(scale, rounded)
    return MeanIkm(mean, rounded, band.code if band else None, band.label if band else None,
                   len(values), near_boundary(mean, scale))
