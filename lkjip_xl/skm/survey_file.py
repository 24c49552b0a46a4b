"""Read a plain SKM survey export (.csv or .xlsx): one row per respondent, one column per unsur.

Answer columns are recognised by their header, matched by name with ``match_unsur`` (``U1``..``U9``,
``Unsur 3``, the unsur names and their variants, or a question text naming one unsur), in any
order; the column found for unsur U\\ *k* becomes answer column ``u``\\ *k*. Optional profile
columns: jenis layanan, jenis kelamin, umur, pendidikan, pekerjaan (common spellings, Indonesian
or English), and the respondent's date (Timestamp, Cap waktu, Tanggal: kept raw, read by
``calc.survey_dates``). Other columns (nama, saran, ...) are not used, and kept with what they
look like (``survey_columns``: a free-text column, a question naming no unsur) for the findings;
a free-text header ("Saran dan Masukan") is never an unsur's column. Answers may be the
questionnaire's labels ("Sangat sesuai"): the label set is the regulation's, or one declared on a
sheet named "Label" of the export (``label_file``), or passed by the caller (``--label``).

The header is the row, among the first 20, naming the most unsur. Rows below it are respondents;
rows with nothing in any recognised column are skipped. Answers are kept raw (the SKM checks
read them), only the text ``"1"``..``"4"`` of a csv becomes the number. Cells are addressed the
way a spreadsheet shows the file (``H12``), for csv too.

Anything that is not a readable survey raises :class:`UnreadableWorkbook` (exit 2).
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from ..calc.skm import match_unsur
from ..calc.skm_unsur import is_comment_header
from ..calc.skm_labels import EXPORT_LABELS, LabelSet
from ..errors import UnreadableWorkbook, calamine_failure, damaged, rows_over
from ..i18n import Text
from ..reader import limits
from ..reader.container import check_file
from ..schema.refs import a1

__all__ = ["Survey", "PROFILE_KEYS", "DATE_KEY", "read_survey", "inspect_xlsx", "is_lkjip_workbook", "map_header"]

PROFILE_KEYS = ("jenis_layanan", "jenis_kelamin", "umur", "pendidikan", "pekerjaan")
DATE_KEY = "tanggal"
_INFO_KEYS = (*PROFILE_KEYS, DATE_KEY)
_PROFILE_ALIASES = {
    "jenis_layanan": ("jenis layanan", "jenis pelayanan", "layanan", "pelayanan", "unit layanan",
                      "unit pelayanan", "jenis layanan yang diterima", "layanan yang diterima", "service",
                      "service type", "services"),
    "jenis_kelamin": ("jenis kelamin", "kelamin", "jk", "l p", "gender", "sex"),
    "umur": ("umur", "usia", "umur tahun", "usia tahun", "umur th", "age"),
    "pendidikan": ("pendidikan", "pendidikan terakhir", "tingkat pendidikan", "education"),
    "pekerjaan": ("pekerjaan", "pekerjaan utama", "occupation", "job"),
    # the respondent's date; never the bare "waktu" (that is unsur U3, Waktu Penyelesaian)
    DATE_KEY: ("timestamp", "cap waktu", "stempel waktu", "tanda waktu", "tanggal", "tgl", "tanggal survei",
               "tanggal pengisian", "tanggal pelayanan", "tanggal layanan", "waktu pengisian", "date",
               "survey date"),
}
_PROFILE_BY_HEADER = {alias: key for key, aliases in _PROFILE_ALIASES.items() for alias in aliases}
HEADER_SEARCH_ROWS = 20
_CSV_ANSWERS = {"1": 1, "2": 2, "3": 3, "4": 4, "": None}
_DELIMITERS = (";", ",", "\t")


@dataclass
class Survey:
    path: Path
    kind: str  # "csv" or "xlsx"
    sheet: str  # the sheet read (xlsx) or the file name (csv)
    header_row: int  # 1-based
    answers: dict[str, list]  # "u1".."u9" (column uk holds unsur Uk) -> raw answers by respondent
    labels: dict[str, str]  # answer/profile key -> its header as found
    columns: dict[str, int]  # answer/profile key -> 0-based column
    rows: list[int]  # 1-based row of each respondent
    profile: dict[str, list] = field(default_factory=dict)  # dimension -> raw values by respondent
    duplicates: list[tuple[str, int, str, int, str]] = field(default_factory=list)
    # ignored columns: (unsur code, column, header, column kept for the unsur, survey_columns.duplicate_kind)
    unused: list[tuple[int, str, str]] = field(default_factory=list)
    # other headed columns not used: (column, header, survey_columns.column_kind)
    dates: list | None = None  # raw date (Timestamp) of each respondent, None without such a column
    answer_labels: LabelSet = EXPORT_LABELS  # the labels answers are read with
    label_findings: list = field(default_factory=list)  # problems of a label sheet in the export

    @property
    def respondents(self) -> int:
        return len(self.rows)

    def cell(self, key: str, i: int) -> str:
        return a1(self.rows[i], self.columns[key])

    def header_cell(self, col: int) -> str:
        return a1(self.header_row, col)


def normalise_header(text: Any) -> str:
    from ..reader.cells import normalise_header as norm

    return norm(text)


def map_header(cells: list) -> tuple[dict[str, int], dict[str, str], list[tuple[str, int, str, int]]]:
    """Recognised columns of a header row: (key -> column, key -> header text, duplicates)."""
    columns: dict[str, int] = {}
    labels: dict[str, str] = {}
    duplicates: list[tuple[str, int, str, int]] = []
    for c, raw in enumerate(cells):
        if raw is None or isinstance(raw, bool):
            continue
        text = " ".join(str(raw).split())
        if not text:
            continue
        profile = _PROFILE_BY_HEADER.get(normalise_header(text))
        if profile:
            if profile not in columns:
                columns[profile], labels[profile] = c, text
            continue
        code = None if is_comment_header(text) else match_unsur(text)
        if code is None:
            continue
        key = code.lower()
        if key in columns:
            duplicates.append((code, c, text, columns[key]))
        else:
            columns[key], labels[key] = c, text
    return columns, labels, duplicates


def _answer_count(columns: dict[str, int]) -> int:
    return sum(1 for k in columns if k not in _INFO_KEYS)


def _find_header(rows: list[list]) -> tuple[int, dict, dict, list] | None:
    best = None
    for r in range(min(HEADER_SEARCH_ROWS, len(rows))):
        columns, labels, dups = map_header(rows[r])
        score = _answer_count(columns)
        if score and (best is None or score > best[0]):
            best = (score, r, columns, labels, dups)
            if score == 9:
                break
    if best is None:
        return None
    return best[1], best[2], best[3], best[4]


def _build(path: Path, kind: str, sheet: str, rows: list[list], clean_answer, clean_other,
           answer_labels: LabelSet = EXPORT_LABELS) -> Survey | None:
    """``clean_answer`` / ``clean_other``: a whole column of raw answers / profile cells -> the
    values kept; ``answer_labels``: how answers read (to tell an answer column from free text)."""
    found = _find_header(rows)
    if found is None:
        return None
    h, columns, labels, duplicates = found
    sample = rows[h + 1:h + 1 + 200]
    if duplicates:
        duplicates = _prefer_answers(sample, rows[h], columns, labels, duplicates, answer_labels)
    unused = _unused(sample, rows[h], {*columns.values(), *(d[1] for d in duplicates)}, answer_labels)
    used = sorted(set(columns.values()))
    kept: list[list] = []
    numbers: list[int] = []
    for offset in range(h + 1, len(rows)):
        line = rows[offset]
        n = len(line)
        for c in used:
            if c < n:
                v = line[c]
                if v is not None and v != "":
                    kept.append(line)
                    numbers.append(offset + 1)
                    break
    width = used[-1] + 1
    if kept and min(map(len, kept)) < width:  # ragged csv lines: pad (they are our own lists)
        for line in kept:
            if len(line) < width:
                line.extend([""] * (width - len(line)))
    answers: dict[str, list] = {}
    profile: dict[str, list] = {}
    dates = None
    for key, c in columns.items():
        raw = list(map(itemgetter(c), kept))
        if key == DATE_KEY:
            dates = clean_other(raw)
        elif key in PROFILE_KEYS:
            profile[key] = clean_other(raw)
        else:
            answers[key] = clean_answer(raw)
    return Survey(path, kind, sheet, h + 1, answers, labels, columns, numbers, profile, duplicates, unused, dates,
                  answer_labels)


def _unused(sample: list[list], header: list, used: set[int], answer_labels: LabelSet) -> list[tuple[int, str, str]]:
    from .survey_columns import column_kind

    out = []
    for c, raw in enumerate(header):
        text = "" if raw is None or isinstance(raw, bool) else " ".join(str(raw).split())
        if text and c not in used:
            values = [line[c] for line in sample if c < len(line)]
            out.append((c, text, column_kind(text, values, answer_labels)))
    return out


def _prefer_answers(sample: list[list], header: list, columns: dict[str, int], labels: dict[str, str],
                    duplicates: list[tuple], answer_labels: LabelSet) -> list[tuple[str, int, str, int, str]]:
    """Of several columns naming one unsur, keep the one holding the most valid answers (a free-text
    "Kritik dan Masukan" column before the U8 question must not replace it); ties: the first.
    Returns the ignored columns as (code, column, header, column kept, ``duplicate_kind``)."""
    from .compute import safe_parse
    from .survey_columns import duplicate_kind

    def valid(c: int, code: str) -> int:
        return sum(1 for line in sample if c < len(line) and safe_parse(line[c], code, answer_labels)[0] is not None)

    out = []
    for code in dict.fromkeys(d[0] for d in duplicates):
        key = code.lower()
        candidates = [columns[key]] + [d[1] for d in duplicates if d[0] == code]
        best = max(candidates, key=lambda c: (valid(c, code), -c))
        columns[key], labels[key] = best, " ".join(str(header[best]).split())
        out += [(code, c, " ".join(str(header[c]).split()), best,
                 duplicate_kind([line[c] for line in sample if c < len(line)], valid(c, code)))
                for c in candidates if c != best]
    return out


# ------------------------------------------------------------------------------------------ csv
def decode_text(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise UnreadableWorkbook("unreadable", path=str(path), detail=Text("teks UTF-16 rusak", "damaged UTF-16 text")) from None
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def sniff_delimiter(sample: str) -> str:
    """``;``, ``,`` or tab: the one whose header (among the first 20 records) names the most unsur,
    then the one giving the most records of one same width (then: more columns)."""
    best, best_score = ",", None
    for delim in _DELIMITERS:
        try:
            records = [r for r, _ in zip(csv.reader(io.StringIO(sample), delimiter=delim), range(50)) if any(r)]
        except csv.Error:
            continue
        if not records:
            continue
        found = _find_header(records)
        unsur = _answer_count(found[1]) if found else 0
        widths: dict[int, int] = {}
        for r in records:
            widths[len(r)] = widths.get(len(r), 0) + 1
        width, count = max(widths.items(), key=lambda kv: (kv[1], kv[0]))
        score = (unsur, width > 1, count, width)
        if best_score is None or score > best_score:
            best, best_score = delim, score
    return best


_EMPTY = {"": None}


def _column(col: list) -> list:
    """Empty cells -> None; everything else as read (profile text is normalised later, once per
    distinct value)."""
    get = _EMPTY.get
    return list(map(get, col, col))


def _csv_answers(col: list) -> list:
    """The text "1".."4" -> the number; empty -> None; anything else kept for the checks."""
    get = _CSV_ANSWERS.get
    return list(map(get, col, col))


def _read_csv(path: Path, labels: LabelSet) -> Survey | None:
    data = path.read_bytes()
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableWorkbook("unreadable", path=str(path), detail=Text("berkas biner, bukan teks CSV", "binary file, not CSV text"))
    text = decode_text(path, data)
    del data
    delim = sniff_delimiter(text[:65536])
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    except csv.Error as exc:
        raise UnreadableWorkbook("unreadable", path=str(path), detail=damaged(exc, "CSV")) from None
    if len(rows) > limits.MAX_ROWS:
        raise UnreadableWorkbook("too_large", path=str(path), detail=rows_over("CSV", len(rows), limits.MAX_ROWS))
    return _build(path, "csv", path.name, rows, _csv_answers, _column, labels)


# ----------------------------------------------------------------------------------------- xlsx
def inspect_xlsx(path: Path) -> tuple[bool, dict[str, str]]:
    """(is it an LKjIP workbook, sheet name -> visible/hidden) from one vetted open of the file
    (size, zip-bomb, DTD and grid checks: it is then safe to hand to python-calamine).

    An LKjIP workbook holds the template's sheets (at least three of them, SKM included)."""
    from ..reader.container import open_container
    from ..reader.read import DATA_SHEETS

    container = open_container(path)
    try:
        states = dict(container.sheet_states)
        container.adopt_renamed()  # a workbook whose SKM tab an office renamed is still one
        present = [s for s in DATA_SHEETS if s in container.sheet_parts]
        return len(present) >= 3 and "SKM" in present, states
    finally:
        container.close()


def is_lkjip_workbook(path: Path) -> bool:
    return inspect_xlsx(path)[0]


def _read_xlsx(path: Path, states: dict[str, str] | None = None, labels: LabelSet | None = None) -> Survey | None:
    """``states``: from :func:`inspect_xlsx` when the caller already vetted the file; ``labels``:
    a declared label set (``--label``), else the export's own label sheet, if any, is read."""
    from python_calamine import CalamineWorkbook

    if states is None:
        states = inspect_xlsx(path)[1]
    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types for damaged files
        raise UnreadableWorkbook("unreadable", path=str(path), detail=damaged(exc)) from None
    names = sorted(book.sheet_names, key=lambda n: states.get(n, "visible") != "visible")
    label_sheets = [n for n in names if _is_label_sheet(n)]
    label_findings: list = []
    if labels is None:
        labels, label_findings = _sheet_labels(path, states, label_sheets)
    names = [n for n in names if n not in label_sheets]
    best: Survey | None = None
    best_key = (0, 0)
    for name in names:
        try:
            sheet = book.get_sheet_by_name(name)
            height = sheet.total_height if hasattr(sheet, "total_height") else sheet.height
            if height > limits.MAX_ROWS:
                raise UnreadableWorkbook("too_large", path=str(path),
                                         detail=rows_over(name, height, limits.MAX_ROWS))
            head = sheet.to_python(skip_empty_area=False, nrows=HEADER_SEARCH_ROWS)
            found = _find_header(head)
            if found is None or _answer_count(found[1]) < best_key[0]:
                continue
            rows = sheet.to_python(skip_empty_area=False)
        except UnreadableWorkbook:
            raise
        except BaseException as exc:  # a panic of python-calamine's Rust code is no Exception
            if not calamine_failure(exc):
                raise
            raise UnreadableWorkbook("unreadable", path=str(path), detail=damaged(exc, name)) from None
        survey = _build(path, "xlsx", name, rows, _column, _column, labels)
        del rows
        if survey is None:
            continue
        key = (_answer_count(survey.columns), _answered_rows(survey))
        if best is None or key > best_key:
            best, best_key = survey, key
    if best is not None:
        best.label_findings = label_findings
    return best


def _answered_rows(survey: Survey) -> int:
    """Respondent rows holding a valid answer: of two sheets naming as many unsur, the one of the
    respondents, not a summary ("Rekap": U1..U9 over Jumlah and NRR rows) before it."""
    from .compute import safe_parse

    answered = [False] * survey.respondents
    for key, values in survey.answers.items():
        seen: dict = {}
        for i, raw in enumerate(values):
            if answered[i] or raw is None:
                continue
            if raw not in seen:
                seen[raw] = safe_parse(raw, key.upper(), survey.answer_labels)[0] is not None
            answered[i] = seen[raw]
    return sum(answered)


def _is_label_sheet(name: str) -> bool:
    from .label_file import LABEL_SHEETS
    from .side_table import header_key

    return header_key(name) in LABEL_SHEETS


def _sheet_labels(path: Path, states: dict[str, str], names: list[str]) -> tuple[LabelSet, list]:
    """The label set declared on a sheet of the export named "Label" (or "Label Jawaban"...)."""
    from .label_file import labels_from_sheet
    from .side_table import side_sheets

    for sheet in side_sheets(path, states, prefix=False, only=set(names)) if names else []:
        got = labels_from_sheet(sheet)
        if got is not None:
            return got
    return EXPORT_LABELS, []


# ---------------------------------------------------------------------------------------- entry
def file_kind(path: Path) -> str:
    """``"xlsx"`` or ``"csv"``, from the file's first bytes (a zip or an OLE2 file is a workbook)."""
    check_file(path)
    with open(path, "rb") as fh:
        magic = fh.read(8)
    if magic.startswith(b"PK") or magic == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "xlsx"
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        return "xlsx"  # the container check says what it really is
    return "csv"


def read_survey(path: Path, *, states: dict[str, str] | None = None, labels: LabelSet | None = None) -> Survey:
    """The survey in ``path`` (.csv or .xlsx export); raises UnreadableWorkbook. ``states``: the
    sheet states from :func:`inspect_xlsx` when the caller already vetted the .xlsx; ``labels``:
    a declared label set (else the export's label sheet, else the regulation's labels)."""
    path = Path(path)
    kind = file_kind(path)
    survey = _read_xlsx(path, states, labels) if kind == "xlsx" else _read_csv(path, labels or EXPORT_LABELS)
    if survey is None:
        raise UnreadableWorkbook("not_survey", path=str(path))
    return survey
