"""SKM checks (PermenPAN-RB 14/2017, domain.md §3.6): answers, sample size, the per-unsur summary
block, typed results, grade boundary and the weight in use. Codes SKM001..SKM017 (docs/rules.md).

The same answer/sample/IKM rules run on a workbook's SKM sheet (``check``, through the engine) and
on a plain survey export (``survey_findings``, for ``lkjip-xl skm``). Work is proportional to the
invalid answers only: valid answers are counted once, by ``skm.compute``.

Choices: a respondent with blank answers gives *one* SKM003 per respondent row, at the first blank
cell, listing the unsur left blank (a row with nine blanks is one finding, not nine); an unsur no
respondent answered is not among them (SKM008 says it once). Answers of 5
give *one* SKM004 for the whole survey, at the first such cell, with their count. Out-of-range and
text answers give one finding per cell.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from decimal import Decimal

from ..calc.decimals import number_or_none, to_decimal
from ..calc.scales import PRESETS
from ..calc.skm import (
    ANSWER_SCORES, DEFAULT_WEIGHT, UNSUR, answer_key, ikm_from_nrr, is_multiple_of_1_over_n, min_sample,
    nearest_boundary, parse_answer, sheet_label_score, sheet_unsur,
)
from ..derive.env import DeriveEnv
from ..derive.workbook import derived_fields
from ..findings import Finding, number_text
from ..i18n import Text
from ..schema import SCHEMA
from ..schema.lists import ANSWER_SCORE_TABLE
from ..schema.refs import a1
from ..settings import Settings
from ..skm.compute import COLUMNS, WORKBOOK_LABELS, SkmResult, safe_parse, whole_or_none
from .compare import is_blank, judge_typed
from .skm_year import stale_dates

# where each part of the survey lives (the answers and the summary are on sheets of their own)
ANSWERS, SUMMARY = SCHEMA.table("skm_responden").sheet, SCHEMA.table("skm_unsur").sheet
INFO, RESULT = SCHEMA.form("skm_info").sheet, SCHEMA.form("skm_hasil").sheet
SHEETS = frozenset({ANSWERS, SUMMARY, INFO, RESULT})
_NAMES = {u.code: Text(u.name, u.name_en) for u in UNSUR}
_ANSWER_CODES = {"out_of_range": "SKM001", "text": "SKM002"}
_MATCH_CODES = {"loose": "SKM028", "order": "SKM029"}  # an unsur name with a typo; one nothing matches


def unsur_label(code: str | None) -> Text | str:
    """An unsur as a message names it: its code and name, in the message's language."""
    return Text.of(f"{code} {{}}", _NAMES[code]) if code in _NAMES else "?"


def unsur_labels(codes) -> Text:
    """Several unsur as a message lists them (``unsur_label``, comma-separated)."""
    labels = [unsur_label(c) for c in codes]
    return Text.of(", ".join("{}" for _ in labels), *labels)


def _shown(raw):
    """A raw answer as a finding's ``found``: a number Decimal cannot hold (1e308) becomes text."""
    if isinstance(raw, float):
        try:
            to_decimal(raw)
        except ArithmeticError:
            return repr(raw)
    return raw


def _plain(d: Decimal) -> Decimal:
    """A Decimal without trailing zeros (for messages): 88.305000 -> 88.305."""
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()


# --------------------------------------------------------------------------------- answers
def answer_findings(
    result: SkmResult, sheet: str, cell_of: Callable[[str, int], str], row_of: Callable[[int], int],
    raw_of: Callable[[str, int], object],
) -> list[Finding]:
    """SKM001 (out of range), SKM002 (text), SKM003 (blank, per respondent), SKM004 (5-point)."""
    out: list[Finding] = []
    blanks: dict[int, list[int]] = {}
    five: list[tuple[int, int]] = []
    for j, col in enumerate(result.columns):
        if not col.invalid:
            continue
        label = unsur_label(col.unsur)
        unanswered = col.n == 0 and all(problem == "blank" for _, problem in col.invalid)
        for i, problem in col.invalid:
            if problem == "blank":
                if unanswered:
                    continue  # a column nobody answered is said once for the unsur (SKM008), not per row
                blanks.setdefault(i, []).append(j)
            elif problem == "five_point":
                five.append((i, j))
            elif problem in _ANSWER_CODES:  # a label that does not fit: skm.label_findings
                out.append(Finding(_ANSWER_CODES[problem], sheet, cell_of(col.column, i),
                                   expected="1–4", found=_shown(raw_of(col.column, i)), params={"unsur": label}))
    for i in sorted(blanks):
        js = sorted(blanks[i])
        codes = ", ".join(result.columns[j].unsur or result.columns[j].column.upper() for j in js)
        out.append(Finding("SKM003", sheet, cell_of(result.columns[js[0]].column, i),
                           params={"row": row_of(i), "count": len(js), "unsur": codes}))
    if five:
        i, j = min(five)
        col = result.columns[j]
        out.append(Finding("SKM004", sheet, cell_of(col.column, i), expected="1–4", found=raw_of(col.column, i),
                           params={"count": number_text(len(five)), "unsur": unsur_label(col.unsur)}))
    return out


def valid_respondents(result: SkmResult) -> int | None:
    """The smallest number of valid answers of any unsur whose count is known (the weakest NRR's
    base); None when no count is known (only typed NRRs)."""
    ns = [c.n for c in result.columns if c.source in ("responden", "jumlah")]
    return min(ns) if ns else None


def unread_cells(columns, answers_sheet: str, answer_cell: Callable[[str, int], str]) -> str:
    """The answers of ``columns`` left out as unreadable, as cells: the first three, and how many."""
    cells = [f"{answers_sheet}!{answer_cell(c.column, i)}" for c in columns for i in c.unread]
    return ", ".join(cells[:3]) + (f" … ({len(cells)})" if len(cells) > 3 else "")


def sample_finding(result: SkmResult, populasi, sheet: str, cell: str,
                   answers: tuple[str, Callable[[str, int], str]] | None = None) -> list[Finding]:
    """SKM005: fewer valid respondents than the Krejcie–Morgan minimum (warning, nothing dropped);
    a note naming the answers left out as unreadable when, read, they would make the minimum
    (``answers``: their sheet and cells; the shortfall is then theirs: SKM001/SKM004 at them).
    SKM030: a population smaller than the respondents who answered (a slip in the population; also
    one that is no whole number, 1,5 from "1.500" typed on a computer set up in English)."""
    typed, p = number_or_none(populasi), whole_or_none(populasi)
    have = valid_respondents(result)
    if typed is None or have is None:
        return []
    if typed < have:
        return [Finding("SKM030", sheet, cell, expected=have, found=p if p is not None else typed)]
    if p is None:
        return []
    need = min_sample(p)
    if have >= need:
        return []
    finding = Finding("SKM005", sheet, cell, expected=need, found=have, params={"populasi": number_text(p)})
    counted = [c for c in result.columns if c.source in ("responden", "jumlah")]
    if answers is not None and any(c.unread for c in counted) and all(c.n + len(c.unread) >= need for c in counted):
        finding = replace(finding, severity_override="info",
                          params={**finding.params, "follows": unread_cells(counted, *answers)})
    return [finding]


def ikm_findings(result: SkmResult, sheet: str, cell: str) -> list[Finding]:
    """SKM016 (the unrounded IKM within 0,05 of a grade bound), SKM017 (legacy weight, labelled)."""
    ikm = result.ikm
    if ikm is None:
        return []
    out = []
    if ikm.near_boundary:
        out.append(Finding("SKM016", sheet, cell, found=_plain(ikm.unrounded),
                           params={"boundary": number_text(nearest_boundary(ikm.unrounded, PRESETS["skm_mutu"]), 2),
                                   "mutu": ikm.mutu or "-"}))
    if result.weight != DEFAULT_WEIGHT:
        exact = ikm_from_nrr(result.nrr_by_unsur(), DEFAULT_WEIGHT)
        out.append(Finding("SKM017", sheet, cell, expected=exact.rounded, found=ikm.rounded,
                           params={"label": ikm.weight_label}))
    return out


# -------------------------------------------------------------------------------- workbook
def _form_cell(model, form_key: str, key: str) -> str:
    form = model.form(form_key)
    if form is not None and key in form.cells:
        return form.cells[key]
    spec = SCHEMA.form(form_key)
    return a1(spec.row_of(key), spec.value_col)


def _block_cell(block, key: str, i: int) -> str:
    if block is not None and i < len(block):
        return block.cell(key, i)
    spec = SCHEMA.table("skm_unsur")
    return a1(spec.first_row + i, spec.col_index(key))


def check(ctx) -> Iterable[Finding]:
    from ..skm.follow_up import plans_from_model

    plan = plans_from_model(ctx.model)[1]  # SKM006: a follow-up row whose unsur is none of the nine
    result = ctx.wb.skm
    if result is None:
        return plan
    return workbook_findings(ctx.model, result, settings=ctx.settings) + _typed_over_formulas(ctx) + plan


def _typed_over_formulas(ctx) -> list[Finding]:
    """SKM031: a constant typed over an unsur's NRR or NRR tertimbang formula, against what the
    formula gives (the typed-value policy), at its own cell."""
    block = ctx.model.table("skm_unsur")
    if block is None:
        return []
    derived = ctx.derived("skm_unsur")
    out: list[Finding] = []
    for key in ("nrr", "nrr_tertimbang"):
        if key not in block.values:
            continue
        header = SCHEMA.table("skm_unsur").column(key).header
        for i in range(len(block)):
            typed = number_or_none(block.values[key][i])
            if block.has_formula[key][i] or typed is None or derived[i].get(key) is None:
                continue
            name = _of_unsur(header, result_unsur(ctx, i))
            out += judge_typed("SKM031", SUMMARY, block.cell(key, i), derived[i][key], typed, ctx.settings,
                               params={"name": name}, name=name)
    return out


def _of_unsur(header: Text, code: str | None) -> Text:
    """A summary column of one unsur as a message names it: its header (in the message's language) and the unsur's code."""
    return Text.of("{} {}", header, code) if code else header


def result_unsur(ctx, i: int) -> str:
    columns = ctx.wb.skm.columns if ctx.wb.skm is not None else []
    return (columns[i].unsur or "") if i < len(columns) else ""


def workbook_findings(model, result: SkmResult, populasi=None, settings: Settings | None = None) -> list[Finding]:
    """Every SKM rule on a read workbook; ``populasi`` overrides the SKM sheet's value; ``settings``
    default to the workbook's Identitas choices."""
    if settings is None:
        identitas = model.form("identitas")
        settings = Settings.from_identitas(identitas.values if identitas else {})
    resp = model.table("skm_responden")
    block = model.table("skm_unsur")
    info = model.form("skm_info")
    out: list[Finding] = []
    has_rows = resp is not None and len(resp) > 0
    if has_rows:
        values = resp.values
        out += answer_findings(result, ANSWERS, resp.cell, lambda i: resp.rows[i],
                               lambda key, i: values[key][i] if key in values else None)
        out += _numbers_as_text(model, resp)
        out += _label_findings(model, resp, block, result)
        out += stale_dates(model)
    if populasi is None and info is not None:
        populasi = info.values.get("populasi")
    out += sample_finding(result, populasi, INFO, _form_cell(model, "skm_info", "populasi"),
                          (resp.sheet, resp.cell) if has_rows else None)
    out += _block_findings(block, result, has_rows, settings)
    out += _hasil_findings(model, result, settings)
    out += ikm_findings(result, RESULT, _form_cell(model, "skm_hasil", "ikm"))
    return out


def _numbers_as_text(model, resp) -> list[Finding]:
    """An answer typed as text ('3) counts in lkjip-xl. Where its column's score formula looks it
    up in the template's ``skor_jawaban`` (whose codes are text), the sheet counts it too: one
    SKM036 note for all of them, at the first. Elsewhere (a formula of the office's own) the sheet
    may skip it: VAL001 at each cell."""
    out, counted = [], []
    for key in COLUMNS:
        reads = _score_formula_reads_text(model, resp, key)
        for i, raw in enumerate(resp.values.get(key, ())):
            if type(raw) is str and answer_key(raw).isdigit():
                score = parse_answer(raw)[0]
                if score is None:
                    continue
                if reads:
                    counted.append((key, i, raw, score))
                else:
                    out.append(Finding("VAL001", ANSWERS, resp.cell(key, i), expected=score, found=raw))
    if counted:
        key, i, raw, score = min(counted, key=lambda c: (c[1], COLUMNS.index(c[0])))
        out.append(Finding("SKM036", ANSWERS, resp.cell(key, i), expected=score, found=raw,
                           params={"count": number_text(len(counted)),  # and each, for rapikan to make numbers
                                   "cells": tuple((resp.cell(k, j), t, v) for k, j, t, v in counted)}))
    return out


def _score_formula_reads_text(model, resp, key: str) -> bool:
    """Whether the score formulas of answer column ``key`` look answers up in ``skor_jawaban``."""
    pos = resp.cols.get(f"skor_{key}")
    if pos is None or model is None:
        return False
    texts = (model.formula_at(ANSWERS, r, pos) for r in resp.rows[:50])
    first = next((t for t in texts if t), None)
    return first is not None and ANSWER_SCORE_TABLE.upper() in first.upper()


_WHY_UNREAD = {  # SKM033: why the score formula reads no label of a column
    True: ("tidak mengenali nama unsur kolom ini; pilih nama unsur dari daftar",
           "does not know this column's element name; choose the element name from the list"),
    False: ("berasal dari templat lama yang hanya membaca 1–4 dan a–d; salin rumus kolom Skor dari templat baru "
            "(lkjip-xl template) atau ketik angkanya",
            "comes from an older template that reads 1–4 and a–d only; copy the Score column's formula from a new "
            "template (lkjip-xl template) or type the numbers"),
}


UNCOUNTED_BY_SHEET = ("SKM032", "SKM033")  # answers lkjip-xl counts and the sheet's formulas do not


def uncounted_notes(findings: list[Finding]) -> list[Finding]:
    """SKM Hasil's results that differ from lkjip-xl's only because lkjip-xl counts answers the
    sheet's score formulas do not (SKM032, SKM033: said at those answers; FRM004: a respondent row
    typed below the rows the template prepared, with no score formulas), or the sheet counts a
    score typed over its formula that lkjip-xl does not (FRM001 beyond a note: a pasted row that
    ran one column too far to the right): the stored results are what the formulas give, not
    stale; their FRM002 become notes naming the first such cell.
    rapikan leaves them (it would write a value the formulas undo), unless it restores that
    cell's score formula."""
    first = next((f for f in findings if f.code in UNCOUNTED_BY_SHEET), None) or next(
        (f for f in findings if f.code == "FRM004" and f.sheet == ANSWERS), None) or next(
        (f for f in findings if f.code == "FRM001" and f.sheet == ANSWERS and f.severity != "info"), None)
    if first is None:
        return findings
    source = first.params.get("first") or f"{first.sheet}!{first.cell}"
    return [replace(f, severity_override="info", params={**f.params, "why": "", "follows": source})
            if f.code == "FRM002" and f.sheet == SUMMARY else f for f in findings]


def _formula_reads_labels(model, resp, key: str) -> bool:
    """Whether the score formulas of answer column ``key`` are the template's that read labels (they
    look the column's unsur name up on SKM Hasil); False for an older template's, which read 1–4
    and a–d only. True when no formula text is found (a missing formula is FRM004's)."""
    pos = resp.cols.get(f"skor_{key}")
    if pos is None or model is None:
        return True
    texts = (model.formula_at(ANSWERS, r, pos) for r in resp.rows[:50])
    first = next((t for t in texts if t), None)
    return first is None or SUMMARY.upper() in first.upper().replace("'", "")


def _label_findings(model, resp, block, result: SkmResult) -> list[Finding]:
    """Labels typed on the SKM sheet: one that fits no option of its column's unsur or is another
    unsur's (SKM019..SKM021, as in a survey export), and one lkjip-xl counts but the sheet's score
    formula does not (it reads a label up to case and runs of spaces only, and finds the column's
    unsur by its exact name): SKM032 at the answer's cell; SKM033 once per column, at its unsur
    name, when the formula cannot tell the column's unsur or is an older template's that reads no
    label at all."""
    from ..skm.label_findings import label_findings  # it builds on this module

    values = resp.values
    out = label_findings(result, WORKBOOK_LABELS, ANSWERS, resp.cell, lambda key, i: values[key][i])
    for j, col in enumerate(result.columns):
        if col.unsur is None:
            continue
        reads = _formula_reads_labels(model, resp, col.column)
        name_ok = reads and sheet_unsur(col.name) == col.unsur
        unread: list[int] = []
        read: dict[str, int | None] = {}  # each distinct text read once
        for i, raw in enumerate(values.get(col.column, ())):
            if type(raw) is not str or answer_key(raw) in ANSWER_SCORES:
                continue
            if raw not in read:
                score = safe_parse(raw, col.unsur, WORKBOOK_LABELS)[0]
                sheet = sheet_label_score(raw, col.name) if reads else None
                read[raw] = score if score is not None and sheet != score else None
            if read[raw] is None:
                continue
            if not name_ok:
                unread.append(i)
            else:
                label = WORKBOOK_LABELS.shown[col.unsur][read[raw] - 1][0]
                out.append(Finding("SKM032", ANSWERS, resp.cell(col.column, i), expected=read[raw], found=raw,
                                   params={"unsur": unsur_label(col.unsur), "label": label}))
        if unread:
            out.append(Finding("SKM033", SUMMARY, _block_cell(block, "unsur", j),
                               found="" if is_blank(col.name) else str(col.name),
                               params={"why": _WHY_UNREAD[reads][0], "why_en": _WHY_UNREAD[reads][1],
                                       "unsur": unsur_label(col.unsur), "column": col.column.upper(),
                                       "count": number_text(len(unread)),
                                       "first": f"{ANSWERS}!{resp.cell(col.column, unread[0])}"}))
    return out


def _block_findings(block, result: SkmResult, has_rows: bool, settings: Settings) -> list[Finding]:
    out: list[Finding] = []
    rows = [block.row(i) for i in range(len(block))] if block is not None else []
    # names: unknown (SKM006), twice (SKM007)
    first: dict[str, str] = {}
    for i, col in enumerate(result.columns):
        name = rows[i].get("unsur") if i < len(rows) else None
        cell = _block_cell(block, "unsur", i)
        if col.matched in _MATCH_CODES and col.unsur is not None:  # computed, and said how
            out.append(Finding(_MATCH_CODES[col.matched], SUMMARY, cell, expected=unsur_label(col.unsur),
                               found=str(name)))
        elif not is_blank(name) and col.unsur is None:
            out.append(Finding("SKM006", SUMMARY, cell, found=str(name)))
            continue
        if col.unsur is None:
            continue
        if col.unsur in first:
            out.append(Finding("SKM007", SUMMARY, cell, found=str(name or col.unsur),
                               params={"unsur": unsur_label(col.unsur), "other": f"{SUMMARY}!{first[col.unsur]}"}))
        else:
            first[col.unsur] = cell
    any_data = has_rows or any(
        not is_blank(r.get(k)) for r in rows for k in ("jumlah_nilai", "jumlah_responden", "nrr_tertulis"))
    for i, col in enumerate(result.columns):
        row = rows[i] if i < len(rows) else {}
        if any_data and col.nrr is None and col.unsur is not None:
            out.append(Finding("SKM008", SUMMARY, _block_cell(block, "nrr", i),
                               params={"unsur": unsur_label(col.unsur), "detail": ""}))
        out += _summary_row(block, i, row, col, settings)
        out += _typed_mutu(block, i, col)
    return out


def _summary_row(block, i: int, row: dict, col, settings: Settings) -> list[Finding]:
    out: list[Finding] = []
    total, n = number_or_none(row.get("jumlah_nilai")), number_or_none(row.get("jumlah_responden"))
    if col.source == "responden":  # SKM013: typed counts vs the respondent rows
        for key, counted in (("jumlah_nilai", col.total), ("jumlah_responden", col.n)):
            typed = number_or_none(row.get(key))
            if typed is not None and typed != counted:
                header = SCHEMA.table("skm_unsur").column(key).header
                out.append(Finding("SKM013", SUMMARY, _block_cell(block, key, i), expected=counted, found=typed,
                                   params={"name": _of_unsur(header, col.unsur)}))
    elif total is not None and n is not None:  # SKM012: an impossible sum
        whole_n = n == n.to_integral_value() and n > 0
        if not (whole_n and total == total.to_integral_value() and n <= total <= 4 * n):
            expected = Text.of("{}–{}", number_text(n), number_text(4 * n)) if whole_n else None
            out.append(Finding("SKM012", SUMMARY, _block_cell(block, "jumlah_nilai", i), expected=expected,
                               found=total, params={"n": number_text(n)}))
    typed = number_or_none(row.get("nrr_tertulis"))
    if typed is None:
        return out
    cell = _block_cell(block, "nrr_tertulis", i)
    if not (1 <= typed <= 4):
        out.append(Finding("SKM009", SUMMARY, cell, expected=Text("1,00–4,00", "1.00–4.00"), found=typed))
    elif col.source in ("responden", "jumlah") and col.nrr is not None:
        out += judge_typed("SKM011", SUMMARY, cell, col.nrr, typed, settings, name=f"NRR {col.unsur or ''}".strip())
    else:
        whole = whole_or_none(row.get("jumlah_responden"))
        if whole is not None and whole > 0 and not is_multiple_of_1_over_n(typed, whole):
            out.append(Finding("SKM010", SUMMARY, cell, found=typed, params={"n": number_text(whole)}))
    return out


def _typed_mutu(block, i: int, col) -> list[Finding]:
    """SKM015 for a constant typed over the unsur's mutu formula."""
    if block is None or i >= len(block) or "mutu" not in block.values:
        return []
    typed = block.values["mutu"][i]
    if block.has_formula.get("mutu", [False] * len(block))[i] or is_blank(typed) or col.mutu is None:
        return []
    if str(typed).strip().upper() == col.mutu:
        return []
    return [Finding("SKM015", SUMMARY, block.cell("mutu", i), expected=col.mutu, found=str(typed).strip(),
                    params={"name": f"Mutu {col.unsur or ''}".strip()})]


def _hasil_findings(model, result: SkmResult, settings: Settings) -> list[Finding]:
    """SKM014/SKM015/SKM018: constants typed where the result formulas were, vs the derivation."""
    hasil = model.form("skm_hasil")
    ikm = result.ikm
    if hasil is None or ikm is None:
        return []
    spec = SCHEMA.form("skm_hasil")
    expected = derived_fields("skm_hasil", DeriveEnv(settings, None, result))
    out: list[Finding] = []
    for key, exp in expected.items():
        if key not in hasil.cells or hasil.has_formula.get(key) or exp is None:
            continue
        typed = hasil.values.get(key)
        if is_blank(typed):
            continue
        name = spec.field(key).label
        if key in ("mutu", "kinerja"):
            if " ".join(str(typed).split()).lower() != exp.lower():
                out.append(Finding("SKM015", RESULT, hasil.cells[key], expected=exp, found=str(typed).strip(),
                                   params={"name": name}))
            continue
        num = number_or_none(typed)
        if num is None:
            continue  # text in a number cell: the reader reports it
        # the IKM is a two-decimal number (PermenPAN-RB 14/2017): typed with fewer places it is wrong
        extra = {"also": (ikm.unrounded,), "min_places": 2} if key == "ikm" else {}
        out += judge_typed("SKM014", RESULT, hasil.cells[key], exp, num, settings, params={"name": name},
                           name=name, **extra)
    return out


# ---------------------------------------------------------------------------------- survey
def survey_findings(survey, result: SkmResult, populasi=None) -> list[Finding]:
    """The answer, sample and IKM rules on a plain survey export (``skm.survey_file.Survey``), and
    what its columns not used are (``skm.survey_columns.column_findings``: SKM007, SKM034, SKM035,
    and SKM008 for an unsur without a column or without a valid answer)."""
    from ..skm.survey_columns import column_findings  # it builds on this module

    answers = survey.answers
    out = answer_findings(result, survey.sheet, survey.cell, lambda i: survey.rows[i],
                          lambda key, i: answers[key][i] if key in answers else None)
    out += column_findings(survey, result)
    out += sample_finding(result, populasi, survey.sheet, "", (survey.sheet, survey.cell))
    out += ikm_findings(result, survey.sheet, "")
    return out
