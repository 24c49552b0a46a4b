"""What the columns of a survey export that are not an unsur's answers are (``survey_file``), so
that none is dropped unsaid:

- ``comment``: a free-text column whose header names an unsur by a keyword ("Saran dan Masukan"
  names U8 by "masukan"): never read as that unsur (its "Tidak ada" would be U8's score 1);
- ``question``: a column that looks like a survey question (a question mark, a number before the
  text, "Bagaimana ...", or answered mostly with scale labels) but names no single unsur;
- ``other``: anything else (Nama, Alamat, ...).

Of two columns naming one unsur, the one not used is ``answers`` (it holds valid answers: an
error), ``free_text`` (its answers are mostly not 1–4 nor a label) or ``empty``.
"""
from __future__ import annotations

import re

from ..calc.skm_labels import LabelSet
from ..calc.skm_unsur import UNSUR, is_comment_header, match_unsur, named_unsur, unsur_name
from ..i18n import Text

__all__ = ["column_kind", "duplicate_kind", "column_findings"]

_QUESTION = re.compile(r"\?|^\s*[0-9]{1,2}\s*[.):]|^\s*(bagaimana|apakah|menurut|seberapa)\b", re.IGNORECASE)
_CODES = tuple(u.code for u in UNSUR)


def _filled(values: list) -> list:
    return [v for v in values if v is not None and str(v).strip()]


_WORD = re.compile(r"[^\W\d_]{2}")  # a label has a word: numbers and option letters are no sign of a question


def _is_label(value, labels: LabelSet) -> bool:
    return (isinstance(value, str) and _WORD.search(value) is not None
            and any(labels.match(value, code).value is not None for code in _CODES))


def column_kind(header: str, values: list, labels: LabelSet) -> str:
    """``comment``, ``question`` or ``other`` for a column not read as an unsur (``values``: a sample)."""
    if is_comment_header(header):
        return "comment" if match_unsur(header) else "other"
    if _QUESTION.search(header):
        return "question"
    filled = _filled(values)
    distinct = set(map(str, filled))
    labelled = sum(1 for v in distinct if _is_label(v, labels))
    return "question" if len(distinct) >= 2 and labelled == len(distinct) else "other"


def duplicate_kind(values: list, valid: int) -> str:
    """``answers``, ``free_text`` or ``empty`` for an unsur's column not used (``valid``: how many
    of the sample ``values`` are valid answers)."""
    filled = len(_filled(values))
    if not filled:
        return "empty"
    return "answers" if 2 * valid >= filled else "free_text"


# ------------------------------------------------------------------------------------- findings
_SHOWN = 50  # characters of a header quoted in a message
_LISTED = 6  # columns listed for a missing unsur


def _quote(header: str) -> str:
    return f"'{header}'" if len(header) <= _SHOWN else f"'{header[:_SHOWN - 1]}…'"


def column_findings(survey, result) -> list:
    """SKM007 / SKM034 for an unsur's column not used (answers: error; free text: a note), SKM034
    for a free-text column whose header names an unsur, SKM035 for a question naming no single
    unsur, SKM008 for an unsur without a valid answer: at its column, or, without one, at the first
    column not used, naming those columns."""
    from ..checks.skm import COLUMNS, unsur_label, unsur_labels
    from ..findings import Finding

    sheet, out = survey.sheet, []
    for code, col, header, kept, kind in survey.duplicates:
        if kind == "free_text":
            out.append(Finding("SKM034", sheet, survey.header_cell(col), found=header,
                               params={"unsur": unsur_label(code)}))
        else:
            out.append(Finding("SKM007", sheet, survey.header_cell(col), found=header,
                               params={"unsur": unsur_label(code), "other": f"{sheet}!{survey.header_cell(kept)}"},
                               severity_override=None if kind == "answers" else "info"))
    for col, header, kind in survey.unused:
        if kind == "comment":
            out.append(Finding("SKM034", sheet, survey.header_cell(col), found=header,
                               params={"unsur": unsur_label(match_unsur(header))}))
        elif kind == "question":
            out.append(Finding("SKM035", sheet, survey.header_cell(col), found=header,
                               params={"named": _named_text(named_unsur(header), unsur_labels)}))
    for key, col in zip(COLUMNS, result.columns):
        if col.nrr is not None:
            continue
        if key in survey.columns:
            cell, detail = survey.header_cell(survey.columns[key]), ""
        else:
            cell, detail = _no_column(survey, col.unsur)
        out.append(Finding("SKM008", sheet, cell, params={"unsur": unsur_label(col.unsur), "detail": detail}))
    return out


def _named_text(codes: tuple[str, ...], labels) -> Text | str:
    if len(codes) < 2:
        return ""
    names = labels(codes)
    return Text(f" (menyebut {names.id} sekaligus)", f" (it names {names.en} at once)")


def _no_column(survey, unsur: str) -> tuple[str, Text]:
    """Where an unsur without a column is reported, and the message's detail: the columns not used
    that may be its question (those that look like questions, else all but free text)."""
    example = f"'{unsur}' / '{unsur_name(unsur)}'"
    candidates = [u for u in survey.unused if u[2] == "question"] or [u for u in survey.unused if u[2] == "other"]
    if not candidates:
        return survey.header_cell(0), Text(
            f"; tidak ada kolom berjudul unsur ini: tambahkan kolomnya dengan judul kode atau nama unsur ({example})",
            f"; no column is headed with this element: add its column, headed with the element's code or name "
            f"({example})")
    listed = ", ".join(f"{survey.header_cell(c)} {_quote(h)}" for c, h, _ in candidates[:_LISTED])
    more = len(candidates) - _LISTED
    listed += f" (+{more})" if more > 0 else ""
    return survey.header_cell(candidates[0][0]), Text(
        f"; tidak ada kolom berjudul unsur ini; kolom yang tidak terbaca sebagai unsur: {listed}; bila salah satunya "
        f"pertanyaan unsur ini, ganti judulnya dengan kode atau nama unsur ({example})",
        f"; no column is headed with this element; columns read as no element: {listed}; if one of them is this "
        f"element's question, give it the element's code or name as header ({example})")
