"""Scale rules (SCL001–SCL004, SCL007): the rating scale chosen on Identitas, as the Skala sheet
defines it, and the capaian it leaves without a kriteria.

Only the chosen scale is checked (the other presets on the sheet are not used). Its rows are read
one by one, so one unreadable row (SCL004 at that row) does not hide the gaps and overlaps of the
others; gaps (SCL001) and overlaps (SCL002) are reported once each, at the preset cell of the
scale's first row, with every pair listed.
"""
from __future__ import annotations

from typing import Iterable

from ..calc.scales import Band, Scale, scale_from_rows, validate_scale
from ..findings import Finding, number_text
from ..i18n import Text
from .relations import Ref, Test, equal

_FIELDS = (("label", "label"), ("kode", "code"), ("bawah", "lower"), ("bawah_inklusif", "lower_inclusive"),
           ("atas", "upper"), ("atas_inklusif", "upper_inclusive"))


def check(ctx) -> Iterable[Finding]:
    skala = ctx.model.table("skala")
    identitas = ctx.model.form("identitas")
    if skala is None:
        return  # the sheet or its header is missing: STR001/STR002
    chosen = ctx.settings.skala
    idx = [i for i in range(len(skala)) if skala.get("preset", i) == chosen and skala.get("label", i)]
    if not idx:
        if identitas is not None and "skala" in identitas.cells:
            yield Finding("SCL003", identitas.sheet, identitas.cells["skala"], found=chosen)
        return
    bands: list[tuple[int, Band]] = []
    for i in idx:
        row = {name: skala.get(key, i) for key, name in _FIELDS}
        try:
            bands.append((i, scale_from_rows(chosen, [row]).bands[0]))
        except (ValueError, TypeError) as exc:
            yield Finding("SCL004", skala.sheet, skala.cell(_bad_column(chosen, row), i),
                          found=skala.get("label", i), params={"scale": chosen, "detail": _reason(exc)})
    first = skala.cell("preset", idx[0])
    problems = validate_scale(Scale(chosen, chosen, tuple(b for _, b in bands)))
    shared = []  # the gap and overlap findings, one each for the whole scale
    for kind, code in (("gap", "SCL001"), ("overlap", "SCL002")):
        pairs = [p for p in problems if p.kind == kind]
        if pairs:
            detail = Text("; ".join(_pair(bands, p.between, "id") for p in pairs),
                          "; ".join(_pair(bands, p.between, "en") for p in pairs))
            shared.append(Finding(code, skala.sheet, first, params={"scale": chosen, "detail": detail}))
    empty = {}
    for p in problems:
        if p.kind == "empty_band":
            i = next((i for i, b in bands if b.label == p.between[0]), idx[0])
            band = next(b for j, b in bands if j == i)
            empty[i] = Finding("SCL004", skala.sheet, skala.cell("bawah", i), found=band.label,
                               params={"scale": chosen, "detail": Text(band.describe("id"), band.describe("en"))})
    for relation in _relations(skala, [i for i, _ in bands], shared, empty):
        ctx.relations.append(relation)
    yield from shared
    yield from empty.values()
    yield from _ungraded(ctx, chosen)


def _ungraded(ctx, chosen: str) -> Iterable[Finding]:
    """SCL007 at each PK kriteria left blank for a capaian no band of the chosen scale holds (above
    the top of a scale that ends at 100, in a gap) or two bands hold (an overlap): the sheet and the
    annex print no kriteria there."""
    pk, scale = ctx.model.table("pk_indikator"), ctx.wb.rating_scale
    if pk is None or scale is None or "kriteria" not in pk.cols:
        return
    for i, (capaian, kriteria) in enumerate(zip(ctx.wb.column("pk_indikator", "capaian"),
                                                ctx.wb.column("pk_indikator", "kriteria"))):
        if capaian is None or kriteria is not None:
            continue
        holding = [b.label for b in scale.bands if b.contains(capaian)]
        bands = ", ".join(holding)
        why = (Text(f"masuk {len(holding)} kriteria ({bands})", f"lies in {len(holding)} bands ({bands})")
               if holding else Text("tidak masuk kriteria mana pun", "lies in no band"))
        yield Finding("SCL007", pk.sheet, pk.cell("kriteria", i), found=capaian,
                      params={"capaian": number_text(capaian, 2), "why": why, "scale": chosen})


def _relations(skala, rows: list[int], shared: list[Finding], empty: dict[int, Finding]):
    """The bounds as relations: two adjacent bands (in sheet order) meet at one value, typed twice
    (a band's lower bound and the next one's upper bound, or the other way round when the scale is
    written upwards); a band's lower bound lies below its upper one. A gap or an overlap is then
    reported at the bound that was mistyped (SCL006), when one explains it."""
    bound = {(i, k): skala.get(k, i) for i in rows for k in ("bawah", "atas")}
    pairs = list(zip(rows, rows[1:]))
    down = sum(bound[a, "bawah"] == bound[b, "atas"] for a, b in pairs)
    up = sum(bound[a, "atas"] == bound[b, "bawah"] for a, b in pairs)
    meets = [((a, "bawah"), (b, "atas")) if down >= up else ((a, "atas"), (b, "bawah")) for a, b in pairs]
    failing = [m for m in meets if bound[m[0]] != bound[m[1]]]
    for x, y in meets:
        finding = shared[0] if len(failing) == 1 and len(shared) == 1 and bound[x] != bound[y] else None
        yield equal(finding, Ref("skala", *x), Ref("skala", *y), bound[x], bound[y], blank_slips=True)
    for i in rows:
        lower, upper = Ref("skala", i, "bawah"), Ref("skala", i, "atas")
        yield Test(empty.get(i), {lower: bound[i, "bawah"], upper: bound[i, "atas"]}, _ordered(lower, upper))


def _ordered(lower, upper):
    def test(v: dict) -> bool:
        return v[lower] is None or v[upper] is None or v[lower] < v[upper]
    return test


def _pair(bands: list[tuple[int, Band]], between: tuple[str, str], lang: str) -> str:
    by_label = {b.label: b for _, b in bands}
    return " … ".join(f"{label} ({by_label[label].describe(lang)})" if label in by_label else label
                      for label in between)


def _bad_column(name: str, row: dict) -> str:
    """The sheet column of the first field that cannot be read on its own."""
    for key, field in _FIELDS[2:]:
        try:
            scale_from_rows(name, [{"label": "x", field: row.get(field)}])
        except (ValueError, TypeError):
            return key
    return "preset"


def _reason(exc: Exception) -> Text:
    """Why a row of the scale cannot be used (calc/scales.py says it in English), in both languages;
    a bound is a number by then (the reader reports one that is not, VAL013)."""
    text = str(exc)
    text = text.split(": ", 1)[1] if text.startswith("row ") and ": " in text else text
    what, _, rest = text.partition(": ")
    if what == "not a yes/no value":
        return Text(f"bukan ya/tidak: {rest}", text)
    return Text(text, text)
