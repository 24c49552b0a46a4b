"""What the result page shows, as plain data: findings grouped by sheet (the sheet with the most
serious findings first, and in each sheet the most serious first), the counts, the SKM result.

Only findings and numbers are kept (not the read workbook), so a result costs little memory and
can be shown again in the other language. Every text here is plain text: the page template
escapes it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..schema.refs import parse_a1

from ..calc.numbers_id import format_number
from ..calc.skm import SKM_WEIGHTS
from ..findings import SEVERITY_ORDER, Finding, HasFindings, summarize
from ..glossary import severity_word
from ..skm.tables import KINERJA_EN, fewer_answers_note, unsur_table


@dataclass
class ResultView(HasFindings):
    file: str
    kind: str  # "workbook" (checked), "survey" (SKM only) or "report" (a document against its workbook)
    template_version: str | None
    findings: list[Finding]
    skm: object | None = None  # commands.skm.SkmReport
    labels: dict = field(default_factory=dict)  # (sheet, row) -> "kode uraian" of a row with a finding
    workbook: str | None = None  # a report's: the workbook's name as sent
    coverage: dict | None = None  # a report's: numbers checked, matched, unmatched
    report: str | None = None  # a report's kind: "docx" or "pdf"
    tahun_lalu: str | None = None  # last year's workbook's name as sent, when one was (check --tahun-lalu)


# a table row is named by its code and its text (the first of each that the table has)
LABEL_KEYS = (("kode", "kode_indikator"), ("uraian", "indikator", "program", "komponen", "unsur", "label"))


def _row(cell: str) -> int | None:
    try:
        return parse_a1(cell)[0]
    except ValueError:
        return None


def row_labels(model, findings: list[Finding]) -> dict[tuple[str, int], str]:
    """The code and text of each table row a finding points at ("01.02 Penyusunan Renja"), so the
    page can say which programme, kegiatan or indicator a cell belongs to."""
    wanted = {(f.sheet, _row(f.cell)) for f in findings}
    out = {}
    for table in model.tables.values():
        keys = [next((k for k in group if k in table.values), None) for group in LABEL_KEYS]
        keys = [k for k in keys if k]
        for i, row in enumerate(table.rows):
            if keys and (table.sheet, row) in wanted:
                parts = [str(table.values[k][i]) for k in keys if table.values[k][i] not in (None, "")]
                if parts:
                    out[(table.sheet, row)] = " ".join(parts)[:300]
    return out


def finding_rows(findings: list[Finding], lang: str, labels: dict | None = None) -> list[dict]:
    labels = labels or {}
    return [{
        "label": labels.get((f.sheet, _row(f.cell)), ""),
        "severity": f.severity,
        "severity_word": severity_word(f.severity, lang),
        "sheet": f.sheet,
        "cell": f.cell,
        "place": f"{f.sheet}!{f.cell}" if f.cell else f.sheet,  # a report's paragraph has no cell
        "code": f.code,
        "message": f.message(lang),
        "expected": "" if f.expected is None else f.shown(lang)[0],
        "found": "" if f.found is None else f.shown(lang)[1],
    } for f in findings]


def grouped(findings: list[Finding], lang: str, labels: dict | None = None) -> list[dict]:
    """[{"sheet", "counts", "rows"}]: sheets ordered by their most serious finding (then as in the
    workbook), rows by severity (then by position, as the checks sorted them)."""
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.sheet, []).append(f)
    order = list(groups)
    ranked = sorted(groups.items(), key=lambda kv: (min(SEVERITY_ORDER[f.severity] for f in kv[1]),
                                                    order.index(kv[0])))
    return [{
        "sheet": sheet,
        "counts": summarize(items),
        "rows": finding_rows(sorted(items, key=lambda f: SEVERITY_ORDER[f.severity]), lang, labels),
    } for sheet, items in ranked]


def _num(value, places: int, lang: str) -> str:
    return "-" if value is None else format_number(value, places, lang)


def skm_view(report, lang: str) -> dict | None:
    """IKM, mutu, kinerja, respondents and the NRR per unsur of an SKM report, with the note under
    the unsur table that `lkjip-xl skm` and the annex print."""
    if report is None:
        return None
    res = report.result
    ikm, weight = res.ikm, SKM_WEIGHTS[res.weight]
    kinerja = ikm.kinerja if ikm else None
    if kinerja and lang == "en":
        kinerja = KINERJA_EN.get(kinerja, kinerja)
    rows = [{"no": r["no"], "unsur": r["unsur"], "nrr": _num(r["nrr"], 2, lang), "mutu": r["mutu"] or ""}
            for r in unsur_table(res, lang) if r["jenis"] == "unsur"]
    return {
        "ikm": _num(ikm.rounded, 2, lang) if ikm else None,
        "ikm_unrounded": _num(ikm.unrounded, 4, lang) if ikm else None,
        "mutu": (ikm.mutu or "-") if ikm else None,
        "kinerja": kinerja or "-",
        "respondents": _num(report.respondents, 0, lang),
        "weight": _num(weight.value, 3, lang) if isinstance(weight.value, Decimal) else weight.choice,
        "rows": rows if any(r["nrr"] != "-" for r in rows) else [],  # an empty SKM sheet: said in one line
        "fewer": fewer_answers_note(res, lang),  # an unsur counting fewer valid answers than respondents
    }
