"""A claim against the workbook: it agrees, it repeats a value the workbook itself gets wrong, it
follows one of two values the workbook holds, it disagrees (and then which slip it likely is), or
it cannot be tied to anything. Numbers are compared exactly: a percentage or an index printed
with fewer decimals agrees when it is the workbook's value rounded half up at its precision
(truncated too, the way ``check`` accepts it; a truncated capaian is noted); rupiah must be equal.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from ..calc.decimals import compare_typed, decimal_places, round_half_up
from ..calc.numbers_id import format_number
from ..calc.typos import digit_slip
from ..findings import Finding, number_text, show_value, slip_text
from ..i18n import LANGS, Text
from .claims import Claim
from .facts import Fact, Facts
from .numbers import money_like

BUDGET_KINDS = {"program", "kegiatan", "sub_kegiatan", "total", "belanja"}
_WORDS = {  # attribute -> (Indonesian, English)
    "pagu": ("pagu", "budget"), "realisasi": ("realisasi", "actual"), "persen": ("% realisasi", "% spent"),
    "sisa": ("sisa anggaran", "unspent balance"), "sisa_persen": ("% sisa (efisiensi)", "% unspent (efficiency)"),
    "target_keluaran": ("target keluaran", "output target"), "realisasi_keluaran": ("realisasi keluaran", "output actual"),
    "capaian_keluaran": ("capaian keluaran", "output achievement"), "target": ("target", "target"),
    "capaian": ("capaian", "achievement"), "target_renstra": ("target akhir Renstra", "final Renstra target"),
    "kemajuan": ("tingkat kemajuan", "progress"), "nrr": ("NRR", "NRR"),
    "nrr_tertimbang": ("NRR tertimbang", "weighted NRR"),
}
_VERSIONS = {"murni": ("murni", "original"), "perubahan": ("perubahan", "revised")}
_SLIPS = {
    "complement": ("dihitung sebagai 100 − persen yang sudah dibulatkan ({detail})",
                   "computed as 100 − an already rounded percentage ({detail})"),
    "double_rounding": ("pembulatan ganda: komponen dibulatkan dulu lalu dirata-rata",
                        "double rounding: the components were rounded before averaging"),
    "sen_dropped": ("sen dibuang", "the sen were dropped"),
    "other_year": ("angka tahun {detail}", "the figure of {detail}"),
    "other_fact": ("sama dengan {detail}", "equals {detail}"),
    "truncated": ("dipotong, bukan dibulatkan", "truncated, not rounded"),
    "sign": ("tandanya berlawanan dengan baris lain di kolom ini", "its sign is the opposite of the other rows of its column"),
}
AGREE, UNMATCHED, REPORTED = "agree", "unmatched", "reported"


@dataclass
class Outcome:
    claim: Claim
    status: str  # agree / unmatched / reported
    findings: list[Finding]
    fact: Fact | None = None  # the fact it agrees with
    sign: int = 0  # a sisa that agrees: 1 printed as anggaran − realisasi, -1 the reverse, 0 either (zero)


def _specific(claim: Claim, kind: str) -> set[str] | None:
    """The entity's attributes a generic cue can mean, given how the number is printed."""
    if claim.attrs is None:
        return None
    t, group = claim.token, claim.money_group
    money = money_like(t) or group
    out: set[str] = set()
    for a in claim.attrs:
        if kind in BUDGET_KINDS:
            out |= {"pagu": {"pagu"}, "target": {"pagu"} if money else {"target_keluaran"},
                    "realisasi": {"persen"} if t.percent and claim.col is None and claim.attrs == {"realisasi"}
                    else {"realisasi"} if money
                    else {"realisasi_keluaran"},
                    "capaian": {"persen"} if group else {"capaian_keluaran"}, "persen": {"persen"},
                    "sisa": {"sisa_persen"} if t.percent else {"sisa"} if money else {"sisa", "sisa_persen"},
                    "sisa_persen": {"sisa_persen"}}.get(a, set())
        elif kind == "indikator":
            out |= {"target": {"target"}, "realisasi": {"realisasi"}, "pagu": {"pagu"}, "persen": {"persen"},
                    "capaian": {"persen"} if group else {"capaian"}, "renstra": {"target_renstra"},
                    "kemajuan": {"kemajuan"}}.get(a, set())
        elif kind in ("unsur", "skm_jumlah"):
            out |= {"nrr_tertimbang"} if a == "nrr_tertimbang" else {"nrr"}
    return out


def _same_unit(printed: str | None, unit: str | None, units: set[str]) -> bool:
    """"8 paket" is not a count of orang; a word after the number that is no unit says nothing."""
    if printed is None or unit is None or printed not in units:
        return True
    return printed == unit or printed.rstrip("s") == unit


def _value(f: Fact) -> Decimal | None:
    """What the workbook says: its recomputation, else the one value its sources agree on."""
    if f.value is not None:
        return f.value
    values = {v for v, _ in f.typed}
    return values.pop() if len(values) == 1 else None


def _relation(found: Decimal, expected: Decimal, f: Fact, step: Decimal | None = None) -> str | None:
    """"exact"/"half_up"/"truncated" when the printed number is the value; None otherwise. An
    amount printed with a scale ("Rp 9,05 miliar") is the value rounded half up to its ``step``. A
    sisa agrees with either sign: a Lebih/(Kurang) column is anggaran − realisasi or the reverse."""
    if f.attr == "sisa":
        found, expected = abs(found), abs(expected)
    if f.money and step:
        return "half_up" if round_half_up(expected / step, 0) * step == found else None
    if f.money:
        return "exact" if found == expected else None
    return compare_typed(expected, found)


def _candidates(claim: Claim, facts: Facts, years: set[str], version: str | None = None) -> list[Fact]:
    attrs = _specific(claim, claim.entity.kind)
    version = claim.version or version
    out = []
    for f in facts.about(claim.entity):
        if f.year not in years or (attrs is not None and f.attr not in attrs):
            continue
        if version and f.version and f.version != version:
            continue
        if f.money != (money_like(claim.token) or (claim.money_group and not claim.token.percent and f.money)):
            continue
        if not _same_unit(claim.token.unit, f.unit, facts.units):
            continue
        out.append(f)
    return out


def judge(claim: Claim, facts: Facts) -> Outcome:
    token = claim.token
    if token.year_claim:
        return _year(claim, facts)
    if claim.entity is None or token.value is None or claim.year == "other" or claim.attrs == frozenset():
        return Outcome(claim, UNMATCHED, [])
    readings = token.readings or (token.value,)
    cands = _candidates(claim, facts, {claim.year} if claim.year else {"cur", "prev"})
    for f in cands:
        expected = _value(f)
        for found in readings:
            rel = expected is not None and _relation(found, expected, f, token.step) or \
                next((r for r in (_relation(found, v, f, token.step) for v in f.also) if r), None)
            if rel:
                notes = [_finding("DOC004", claim, f, expected, found, "truncated")] if rel == "truncated" and \
                    f.attr in ("capaian", "capaian_keluaran") else []
                sign = 0 if f.attr != "sisa" or not found or not expected else 1 if (found > 0) == (expected > 0) else -1
                return Outcome(claim, AGREE, notes, f, sign)
    for f in cands:
        for typed, where in f.typed:
            if any(_relation(found, typed, f, token.step) for found in readings):
                if f.value is not None:
                    slip = next(((kind, None) for v, kind in f.slips if v == token.value), (None, None))
                    return Outcome(claim, REPORTED, [_finding("DOC002", claim, f, f.value, token.value, *slip,
                                                              typed_at=where)])
                if f.conflicting:
                    others = Text("; ".join(f"{format_number(v, 2 if f.percent else 0, 'id')} ({w})" for v, w in f.typed),
                                  "; ".join(f"{format_number(v, 2 if f.percent else 0, 'en')} ({w})" for v, w in f.typed))
                    return Outcome(claim, REPORTED, [_finding("DOC003", claim, f, None, token.value, None,
                                                              typed_at=where, others=others)])
    # a pagu whose version goes unsaid is reported against the final (perubahan) budget only
    accusable = [f for f in _candidates(claim, facts, {claim.year or "cur"}, "perubahan") if f.accuse]
    if claim.strong and claim.attrs is not None and len({f.attr for f in accusable}) == 1 and \
            not token.readings and all(_value(f) is not None for f in accusable):
        f = next((x for x in accusable if x.version == "perubahan"), accusable[0])
        return Outcome(claim, REPORTED, [_finding("DOC001", claim, f, _value(f), token.value,
                                                  *_slip(token.value, f, facts))])
    return Outcome(claim, UNMATCHED, [])


def consistent_signs(outcomes: list[Outcome]) -> list[Outcome]:
    """A Lebih/(Kurang) column agrees in either sign convention (anggaran − realisasi, or the
    LRA's realisasi − anggaran), but in one: a row whose sign differs from the rest of its column
    is reported (DOC001, against the value in the column's convention)."""
    columns: dict[tuple, list[Outcome]] = {}
    for o in outcomes:
        if o.claim.col is not None and (o.sign or o.status == REPORTED):
            columns.setdefault((o.claim.segment.table_id, o.claim.col), []).append(o)
    for column in columns.values():
        usual = sum(o.sign for o in column)
        for o in column:
            if usual * o.sign < 0:
                o.status = REPORTED
                o.findings = [_finding("DOC001", o.claim, o.fact, -o.claim.token.value, o.claim.token.value, "sign")]
            elif usual < 0 and not o.sign:  # a sisa said wrong in a column printed realisasi − anggaran: its sign
                o.findings = [replace(f, expected=-f.expected) if _lra_sisa(f) else f for f in o.findings]
    return outcomes


def _lra_sisa(f: Finding) -> bool:
    """A DOC001 on a sisa whose workbook value is stated as anggaran − realisasi (above 0)."""
    return f.code == "DOC001" and f.params.get("attribute") == "sisa" and isinstance(f.expected, (int, Decimal)) \
        and f.expected > 0


def _year(claim: Claim, facts: Facts) -> Outcome:
    value = int(claim.token.value)
    if facts.year is None:
        return Outcome(claim, UNMATCHED, [])
    allowed = {facts.year}
    if claim.token.cover:
        allowed.add(facts.year + 1)  # the year the report is published in ("TA 2023 ... TAHUN 2024")
    elif not claim.token.report_year:
        allowed.add(facts.prev_year)  # the body may speak of last year
    if value in allowed:
        return Outcome(claim, AGREE, [])
    kind = _REPORT_YEAR if claim.token.report_year else _BUDGET_YEAR  # a cover's or footer's year names the report
    return Outcome(claim, REPORTED, [Finding("DOC006", claim.segment.part, cell_of(claim), str(facts.year),
                                             str(value), _params(claim, None, None, kind=kind))])


_BUDGET_YEAR, _REPORT_YEAR = Text("tahun anggaran", "budget year"), Text("tahun laporan", "report year")


def _slip(found: Decimal, f: Fact, facts: Facts) -> tuple[str | None, Text | None]:
    expected = _value(f)
    if f.attr == "sisa":  # either sign (Lebih/(Kurang))
        found, expected = abs(found), abs(expected)
    for value, kind in f.slips:
        if compare_typed(value, found) == "exact" or value == found:
            return kind, number_text(value, 2)
    if expected != expected.to_integral_value() and found == int(expected):
        return "sen_dropped", None
    for other in facts.facts:
        if other.entity is f.entity and other.attr == f.attr and other.year != f.year and \
                other.value is not None and _relation(found, other.value, other):
            return "other_year", str(facts.prev_year if other.year == "prev" else facts.year)
    if f.money or found == found.to_integral_value():
        kind = digit_slip(expected, found)
    else:  # 95,42 for 95,24: two digits swapped at the printed precision (a last digit off may be a method)
        kind = digit_slip(round_half_up(expected, decimal_places(found)), found)
        kind = kind if kind == "transposition" else None
    if kind:
        return kind, None
    same = {(o.entity.key, o.attr) for o in facts.facts if o is not f and o.year == f.year and o.value is not None
            and o.accuse and _distinctive(found) and _relation(found, o.value, o)}
    if len(same) == 1:
        key, attr = same.pop()
        other = next(o for o in facts.facts if o.entity.key == key and o.attr == attr)
        return "other_fact", f"{_WORDS[attr][0]} {describe(other)}"
    return None, None


def _distinctive(found: Decimal) -> bool:
    """Worth naming as copied from elsewhere: not a round number."""
    return found != found.to_integral_value() or abs(found) >= 100_000


def describe(f: Fact) -> str:
    e = f.entity
    if e.kind == "total":
        return "total"
    code = e.key[1] if e.kind in ("program", "kegiatan", "sub_kegiatan", "indikator", "unsur") else None
    name = e.names[0] if e.names else ""
    return f"{name} ({code})" if code else name


def cell_of(claim: Claim) -> str:
    """The finding's "cell": the A1 position in a table; for prose in a PDF the line on the page
    ("baris 12"); empty for a txt line or a docx paragraph (the part already says which)."""
    seg = claim.segment
    if claim.col is not None:
        return seg.cell_ref(claim.col)
    if "page" in seg.where:
        return f"baris {seg.line_at(claim.token.start)}"
    return ""


def claim_params(claim: Claim) -> dict:
    """Where a printed number stands, as every document finding about it says it: the location
    (with the table cell, or the line of the paragraph or page), the sentence, the number."""
    seg = claim.segment
    where = dict(seg.where)
    line = seg.line_at(claim.token.start) if not seg.is_row else None
    if line is not None:
        where["page_line" if "page" in where else "line"] = line
    if claim.col is not None:
        where["cell"] = seg.cell_ref(claim.col)
    return {"location": where, "sentence": claim.sentence[:300], "span": (claim.token.start, claim.token.end),
            "cell_start": claim.cell_start if claim.col is not None else None, "number": claim.token.raw}


def _params(claim: Claim, f: Fact | None, slip: str | None, detail: Text | None = None, **more) -> dict:
    params = {**claim_params(claim), **more}
    if f is not None:
        attr_id, attr_en = _WORDS.get(f.attr, (f.attr, f.attr))
        if f.attr == "pagu" and f.version:
            attr_id, attr_en = f"{attr_id} {_VERSIONS[f.version][0]}", f"{_VERSIONS[f.version][1]} {attr_en}"
        year = "" if f.year == "cur" else " (tahun lalu)"
        params.update(what_id=f"{attr_id} {describe(f)}{year}", what_en=f"{attr_en} of {describe(f)}"
                      f"{' (last year)' if year else ''}", source=f.source, entity=describe(f), attribute=f.attr,
                      year=f.year, version=f.version)
    hint_id = hint_en = ""
    if slip:
        if slip in _SLIPS:
            hint_id, hint_en = (t.format(detail=show_value(detail, lang)) for t, lang in zip(_SLIPS[slip], LANGS))
        else:
            hint_id, hint_en = slip_text(slip, "id"), slip_text(slip, "en")
        hint_id, hint_en = f" (kemungkinan: {hint_id})", f" (likely: {hint_en})"
    params.update(slip=slip, hint_id=hint_id, hint_en=hint_en)
    return params


def _finding(code: str, claim: Claim, f: Fact, expected, found, slip: str | None, detail: Text | None = None,
             **more) -> Finding:
    return Finding(code, claim.segment.part, cell_of(claim), expected, found,
                   _params(claim, f, slip, detail, **more))
