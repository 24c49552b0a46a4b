"""A formula's result typed over it as the sheet prints it (0,389 for 0,38888…, FRM001 "what the
formula gives" at the precision typed), where other formulas add it up: the sheet's Jumlah NRR
tertimbang and IKM then come from rounded figures (86,95 for 86,94), and those formulas' stored
results differ from lkjip-xl's (FRM002, "saved without recalculation?" — which blames the wrong
thing). One slip, said at the typed value: an error naming what the sheet shows and what it
should; the stored results it explains become notes that follow from it."""
from __future__ import annotations

from dataclasses import replace

from ..findings import Finding, number_text
from ..i18n import Text
from ..reader.formula_refs import reads_any
from ..schema.refs import parse_a1


def rounded_over_formulas(findings: list[Finding], model) -> list[Finding]:
    typed = {at: f for at, f in enumerate(findings)
             if f.code == "FRM001" and f.severity == "info" and f.params.get("same") and f.found != f.expected}
    stale = {at: f for at, f in enumerate(findings) if f.code == "FRM002" and not f.params.get("follows")}
    if not typed or not stale:
        return findings
    template = {actual: name for name, actual in model.renamed.items()}
    source_of: dict[int, int] = {}  # a stale result -> the typed value it follows from
    cells = {at: (f.sheet, *_cell(f.cell)) for at, f in {**typed, **stale}.items()}
    changed = True
    while changed:  # through chains: the IKM reads the Jumlah, which reads the typed value
        changed = False
        for at, f in stale.items():
            if at in source_of:
                continue
            formula = model.formula_at(f.sheet, *_cell(f.cell))
            for src in [*typed, *source_of]:
                if formula and reads_any(formula, f.sheet, template, {cells[src]}, unsplit=False):
                    source_of[at] = source_of.get(src, src)
                    changed = True
                    break
    if not source_of:
        return findings
    out = list(findings)
    for src, f in typed.items():
        following = [at for at, s in source_of.items() if s == src]
        if not following:
            continue
        last = findings[max(following, key=lambda at: _cell(findings[at].cell))]
        out[src] = replace(f, severity_override="error", params={**f.params, "same": _consequence(f, last), "rounded": True})
        for at in following:
            out[at] = replace(findings[at], severity_override="info",
                              params={**findings[at].params, "why": "", "follows": f"{f.sheet}!{f.cell}"})
    return out


def _cell(ref: str) -> tuple[int, int]:
    return parse_a1(ref)


def _exact(value, typed) -> Text:
    """The formula's result to two places more than the value typed, with … where it goes on."""
    from ..calc.decimals import decimal_places, to_decimal

    d = to_decimal(value)
    shown = min(decimal_places(d), decimal_places(to_decimal(typed)) + 2)
    text = number_text(d, shown)
    more = "…" if decimal_places(d) > shown else ""
    return Text(text.id + more, text.en + more)


def _consequence(typed: Finding, shown: Finding) -> Text:
    where = f"{shown.sheet}!{shown.cell}"
    exact, found, expected = _exact(typed.expected, typed.found), number_text(shown.found), number_text(shown.expected)
    return Text(f" (dibulatkan dari hasil rumusnya {exact.id}); rumus yang menjumlahkannya menghitung dari angka "
                f"bulat ini: {where} menampilkan {found.id}, lkjip-xl menghitung {expected.id}; kembalikan rumusnya "
                "(lkjip-xl rapikan)",
                f" (rounded from the formula's {exact.en}); the formulas adding it up compute from this rounded "
                f"figure: {where} shows {found.en}, lkjip-xl computes {expected.en}; put the formula back "
                "(lkjip-xl rapikan)")
