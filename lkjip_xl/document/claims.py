"""What each number of the report speaks of: the entity, the attribute, the year and the budget
version, from the place it stands in.

- A table cell: the row's label names the entity, the column header the attribute and year, the
  caption or a "APBD-P" cell the version. A row labelled Jumlah/Total is the unit's total when
  the table lists every programme (else it is some subtotal: it may confirm, never report).
- Prose: the entity named in the sentence before the number, else the one the last heading named
  ("Sub Kegiatan X (100%)" then "Sub kegiatan ini ... 8 paket"); the attribute from the last cue
  before the number ("realisasi sebesar", "tercapai"); a number alone on its line continues the
  line before it. A heading's own "(117%)" is the capaian of what it names.
- Tables that PDF text extraction printed one cell per line: a run of short header lines
  ("Target 2023", "Realisasi 2023", ...) gives the columns of the records that follow when a
  record has exactly that many numbers; otherwise numbers there are tied by value only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .cover import cover_segments
from .cues import (MONEY_HEADER, WEIGHTED_NRR, attrs_in, clause_attrs, has_cue, header_attrs, version_in,
                   version_near, year_in)
from .facts import Facts
from .model import Document, Segment
from .names import AMBIGUOUS, LEVEL_WORDS, Named
from .numbers import Token, money_like, tokens
from .respective import respective

_TOTAL_LABEL = re.compile(r"^\W*(j\s?u\s?m\s?l\s?a\s?h|t\s?o\s?t\s?a\s?l)\b", re.I)
_ROW_NUMBER = re.compile(r"\s*\d{1,2}\.?\s*")
_PERFORMANCE = re.compile(r"kinerja|keluaran|output|indikator|target", re.I)
_ANAPHOR = re.compile(r"\b(ini|tersebut|tsb|dimaksud)\b", re.I)
_REFERENT = re.compile(r"\b(tersebut|tsb|dimaksud)\b", re.I)
_REFERS_BACK = re.compile(r"\b(sub\s+kegiatan|kegiatan|program)\s+(tersebut|tsb|dimaksud|ini)\b", re.I)
_BUDGET_WORDS = re.compile(r"anggaran|belanja|keuangan|serapan|alokasi|efisiensi|\bRp\b", re.I)
_BUDGET_CUES = frozenset({"pagu", "realisasi", "sisa", "sisa_persen", "persen"})
_NOT_ENTITY = re.compile(r"^\W*(tujuan|sasaran|misi|visi)\b", re.I)
_SENTENCE_END = re.compile(r"(?<!\bRp)(?<!\bNo)(?<!\bdr)(?<!\bS)(?<!\bH)[.!?;]\s+(?=[A-Z])")
_HEADING_PCT = re.compile(r"\(\s*\d[\d.,]*\s*%\s*\)\s*\.?\s*$")
_NUMBER_ONLY = re.compile(r"^[\W\d.,%a-dA-D]*$")
_ANGGARAN_GROUP = re.compile(r"anggaran|keuangan|alokasi", re.I)
_ENUMERATION = re.compile(r"terdiri\s+(dari|atas)|meliputi", re.I)
_PARENTHESIS = re.compile(r"\([^()]*\)")
_INDICATOR_COLUMN = re.compile(r"indikator", re.I)
_INDICATOR_NAME = re.compile(r"^\W*(persentase|presentase|prosentase|jumlah|indeks|rasio|tingkat|nilai|cakupan)\b", re.I)
_BUDGET_LINES = ("program", "kegiatan", "sub_kegiatan")
_YEAR_ONLY = re.compile(r"^(tahun(\s+anggaran)?\s+|t\.?a\.?\s*)?(19|20)\d\d$", re.I)
_UNIT_ONLY = re.compile(r"^\(?\s*(%|rp\.?)\s*\)?$", re.I)
OTHER_INDICATOR = Named(("other indicator",), "indikator", [])  # one the workbook does not hold
SCOPE_LIFE = 6  # text segments a heading's entity stays in force


@dataclass
class Claim:
    token: Token
    segment: Segment
    entity: Named | None
    strong: bool  # the entity is named where the number stands (may report a disagreement)
    attrs: frozenset[str] | None  # None: nothing says what the number is
    year: str | None  # "cur", "prev", "other" (a year the workbooks do not hold), None: unsaid
    version: str | None
    sentence: str
    col: int | None = None  # table cell column
    cell_start: int = 0  # offset of the cell's text in the row's text (for annotation)
    money_group: bool = False  # under an "Anggaran" column group


def _is_heading(text: str) -> bool:
    body = _HEADING_PCT.sub("", text).strip()
    return len(body) < 160 and not _quantities(body)


def _sentences(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append((start, text[start:m.end()]))
        start = m.end()
    out.append((start, text[start:]))
    return [(s, t) for s, t in out if t.strip()]


class _Walker:
    def __init__(self, doc: Document, facts: Facts):
        self.doc, self.facts = doc, facts
        self.years = {y: tag for y, tag in ((facts.year, "cur"), (facts.prev_year, "prev")) if y}
        self.programs = {f.entity.key for f in facts.facts if f.entity is not None and f.entity.kind == "program"}
        self.unsur = {f.entity.key for f in facts.facts if f.entity.kind == "unsur"}
        self.scope: Named | None = None
        self.scope_age = 0
        self.last_named: Named | None = None  # what the previous paragraph named last
        self.vertical = _vertical_headers(doc.segments, facts)
        self.cover = cover_segments(doc.segments)
        self.codes = {year: facts.codes(year) for year in ("cur", "prev")}

    def find(self, text: str) -> tuple[Named | None, bool]:
        entity, strong = self.facts.index.named(text)
        return (None, False) if entity is AMBIGUOUS else (entity, strong)

    # ------------------------------------------------------------------ tables
    def table(self, rows: list[Segment]) -> list[Claim]:
        self.scope = self.last_named = None
        named = [self._row_entities(r) if not r.header else {} for r in rows]
        found = {e.key for row in named for _, e, _ in row.get("cur", []) if e is not None}
        complete = bool(self.programs) and self.programs <= found
        skm = self.facts.skm_total if self.unsur and self.unsur <= found else None  # an SKM table's Jumlah
        caption_version, caption_year = version_in(rows[0].caption), year_in(rows[0].caption, self.years)
        money_columns = _money_columns({c.header for r in rows for c in r.cells})
        out = []
        for row, entities in zip(rows, named):
            if row.header:
                continue
            version = version_in(_label(row)) or caption_version
            for cell, start in zip(row.cells, _cell_starts(row)):
                if any(cell.text.strip() in codes for codes in self.codes.values()):
                    continue  # the code cell itself is no quantity
                header = cell.header
                year = year_in(header, self.years) or caption_year
                percent_column = "%" in header.rpartition(" | ")[2]
                found_tokens = tokens(cell.text, money_context=bool(MONEY_HEADER.search(header)) and not percent_column)
                attrs = header_attrs(header) if header else None
                if attrs is None and found_tokens and all(
                        t.value is not None and t.value < 1000 and not t.percent and not t.places for t in found_tokens):
                    continue  # numbering in a column that says nothing
                entity, strong = _owner(entities["prev" if year == "prev" else "cur"], cell.col, attrs,
                                        cell.header in money_columns)
                if entity is not None and entity.kind == "total":
                    entity, strong = (skm, True) if skm is not None else (entity, complete)
                if entity is not None and entity.kind == "indikator" and (not attrs or attrs == WEIGHTED_NRR) and \
                        len(found_tokens) == 1 and \
                        sum(bool(_quantities(c.text)) for c in row.cells) == 1:
                    attrs = frozenset({"realisasi"})  # "IKM (Σ NRR tertimbang × 25) | 86,94": the row's one value
                for t in found_tokens:
                    if t.year and not t.year_claim:
                        continue
                    if percent_column and not money_like(t):
                        t.percent = True
                    out.append(Claim(t, row, entity, strong, attrs, year, version_in(header) or version,
                                     row.text, cell.col, start,
                                     money_group=header in money_columns))
        return out

    def _row_entities(self, row: Segment) -> dict[str, list[tuple[int, Named | None, bool]]]:
        """The cells of a row that name something, left to right (a Rencana Aksi row names an
        indicator, a programme and a kegiatan, each owning the numbers to its right), for the
        numbers of each year ("cur", "prev"): the codes of that year's workbook when the row prints
        them (codes get renumbered between years), else the names."""
        out = []
        for cell in row.cells:
            text = cell.text.strip()
            if not text or tokens(text) and not re.search(r"[A-Za-z]{4}", text) or _NOT_ENTITY.match(text):
                continue
            entity, strong = self.facts.index.named(text, label=True)
            if entity is None and _PARENTHESIS.search(text):  # "IKM (Σ NRR tertimbang × 25)"
                entity, strong = self.facts.index.named(_PARENTHESIS.sub(" ", text), label=True)
            if entity is None and _TOTAL_LABEL.match(text):
                entity, strong = self.facts.index_total, True
            if _INDICATOR_COLUMN.search(cell.header.rpartition(" | ")[2]) and re.search(r"[A-Za-z]{4}", text) and (
                    entity is None or entity.kind in _BUDGET_LINES and _INDICATOR_NAME.match(text)) and \
                    any(e is not None and e.kind in _BUDGET_LINES for _, e, _ in out):
                out.append((cell.col, OTHER_INDICATOR, False))  # a programme's indicator: its numbers are not the IKU's
            elif entity is AMBIGUOUS:
                out.append((cell.col, None, False))  # names two things: the numbers after it are neither's
            elif entity is not None:
                out.append((cell.col, entity, strong))
        return {year: _with_codes(row, codes, out) for year, codes in self.codes.items()}

    # ------------------------------------------------------------------ prose
    def text(self, seg: Segment, prev: Segment | None, index: int) -> list[Claim]:
        if _ROW_NUMBER.fullmatch(seg.text):
            return []  # a row number alone on its line (a table printed one cell per line)
        own, own_strong = self.find(seg.text)
        heading = _is_heading(seg.text)
        if heading:
            self.scope, self.scope_age = (own if own_strong else None), 0
        else:
            self.scope_age += 1
            if self.scope_age > SCOPE_LIFE:
                self.scope = None
        vheader = self.vertical.get(index)
        out = []
        number_only = bool(_NUMBER_ONLY.match(seg.text.strip()))
        margin = not seg.where.keys().isdisjoint(("header", "footer", "margin"))  # a page header or footer
        cover = index in self.cover
        para_entity = self._referred(seg.text)  # what the paragraph's earlier sentences named
        for start, sentence in _sentences(seg.text):
            previous_end, previous_attrs, said = 0, None, None
            named, named_strong = self.find(sentence)
            named = named if named_strong else None
            quantities = [t for t in tokens(sentence, margin=margin, cover=cover) if not t.year or t.year_claim]
            paired = respective(sentence, quantities, self.find)  # "A dan B masing-masing X dan Y"
            for t in quantities:
                end = t.end
                claim = self._prose_claim(seg, prev, t, sentence, start, (previous_end, previous_attrs, said), heading,
                                          own, own_strong, vheader, number_only,
                                          (named, para_entity, paired.get(t.start)))
                out.append(claim)
                previous_end, previous_attrs, said = end, claim.attrs, claim.attrs or said
                if claim.entity is not None and claim.strong and claim.entity.kind != "total":
                    para_entity = claim.entity
            para_entity = named or para_entity
        self.last_named = para_entity
        return out

    def _referred(self, text: str) -> Named | None:
        """What "program tersebut" in a paragraph's first sentence refers to: the entity of that
        kind the previous paragraph named last."""
        m = _REFERS_BACK.search(_sentences(text)[0][1]) if text.strip() else None
        kind = LEVEL_WORDS.get(re.sub(r"\s+", " ", m.group(1).lower())) if m else None
        return self.last_named if kind and self.last_named is not None and self.last_named.kind == kind else None

    def _prose_claim(self, seg, prev, t, sentence, start, previous, heading, own, own_strong, vheader,
                     number_only, named) -> Claim:
        """``named``: what the whole sentence names ("Bila dibandingkan dengan realisasi tahun 2023
        sebesar X, realisasi IKM ..."), what the paragraph's earlier sentences named, and the entity
        the number is paired with by "masing-masing" (``respective``)."""
        previous_end, previous_attrs, said = previous  # said: the last attribute the sentence gave a number
        sentence_entity, para_entity, pair = named
        before = sentence[:t.start]
        context = before
        if not re.search(r"[A-Za-z]{3}", before) and prev is not None:
            context = prev.text + " " + before  # a number alone continues the line before
        clause = sentence[previous_end:t.start]
        entity, strong = self.find(clause)
        if entity is None:
            entity, strong = self.find(context)
        if entity is None and heading:
            entity, strong = own, own_strong
        if entity is None and sentence_entity is not None and not money_like(t) and clause_attrs(clause):
            entity, strong = sentence_entity, True  # "realisasi tahun 2023 sebesar 85,1, realisasi IKM ..."
        if entity is None and para_entity is not None:
            entity, strong = para_entity, True
        if entity is None and self.scope is not None and (number_only or _ANAPHOR.search(before)):
            entity, strong = self.scope, True  # "Sub kegiatan ini ...": the heading's entity
        if pair and pair[0] is not None:
            entity, strong = pair
        attrs = clause_attrs(_unnamed(clause, entity))
        if attrs is None and len(clause.split()) <= 3:  # "Rp 177.866.086,42 atau 1,97%": the same quantity
            attrs = previous_attrs if previous_end else attrs_in(_unnamed(context, entity))
        if attrs is None and strong and money_like(t) and _ENUMERATION.search(sentence[:t.start]):
            attrs = said  # "terdiri dari Belanja Operasi sebesar Rp A dan Belanja Modal sebesar Rp B"
        if entity is None and attrs and attrs <= _BUDGET_CUES and (
                money_like(t) or t.percent and _BUDGET_WORDS.search(sentence)):
            # the unit's budget as a whole, unless "tersebut" refers to something said before
            entity, strong = self.facts.index_total, not _REFERENT.search(before)
        if heading and _HEADING_PCT.search(sentence[max(0, t.start - 3):]) and t.percent:
            attrs = frozenset({"capaian"})
        header, money_group = vheader or (None, False)
        if header is not None:
            attrs = header_attrs(header)
        year = year_in(header or context, self.years)
        version = version_near(sentence, t.start, t.end)
        if pair and pair[0] is None:
            strong = False  # "masing-masing" with names and numbers that do not pair: whose is unsure
        t.start, t.end = t.start + start, t.end + start
        return Claim(t, seg, entity, strong, attrs, year, version, sentence.strip(),
                     money_group=money_group)


_BUDGET_ATTRS = frozenset({"pagu", "realisasi", "sisa", "sisa_persen", "persen"})
_INDICATOR_ATTRS = frozenset({"target", "capaian", "renstra", "kemajuan", "realisasi"})


def _owner(entities: list[tuple[int, Named | None, bool]], col: int, attrs, money: bool) -> tuple[Named | None, bool]:
    """The entity a table cell's number belongs to: the nearest one named to its left, of the kind
    its column speaks of when the row names both a programme and an indicator ("Anggaran | Pagu"
    is the programme's, "Kinerja | Target" the indicator's)."""
    left = [(e, strong) for c, e, strong in entities if c < col]
    if attrs:
        budget = money or attrs <= _BUDGET_ATTRS
        if budget or attrs <= _INDICATOR_ATTRS:
            for e, strong in reversed(left):
                if e is None:
                    return None, False  # the nearest name is ambiguous: the number is nobody's
                if (e.kind == "indikator") != budget:
                    return e, strong
    return left[-1] if left else (None, False)


def _with_codes(row: Segment, codes: dict[str, Named], named: list) -> list[tuple[int, Named | None, bool]]:
    """Codes the workbook uses name the budget lines outright (the uraian beside them too)."""
    coded = [(c.col, codes[c.text.strip()], True) for c in row.cells if c.text.strip() in codes]
    if not coded:
        return named
    return sorted(coded + [x for x in named if x[1] is not None and x[1].kind == "indikator"], key=lambda x: x[0])


def _unnamed(text: str, entity: Named | None) -> str:
    """``text`` without the entity's own name: "Persentase Capaian Pemberdayaan" is no cue."""
    if entity is None:
        return text
    for name in entity.names:
        pattern = r"\W+".join(re.escape(w) for w in re.findall(r"\w+", name))
        if pattern:
            text = re.sub(pattern, " ", text, flags=re.I)
    return text


def _money_columns(headers: set[str]) -> set[str]:
    """Headers of money columns: in Rp or under a money group ("Anggaran | Capaian"), or beside
    columns in Rp under the same group ("Kinerja | Target (Rp)" makes "Kinerja | Capaian %"); in a
    table without groups, any column beside money columns that does not speak of kinerja."""
    out = set()
    flat_money = any(MONEY_HEADER.search(h) for h in headers if " | " not in h)
    for h in headers:
        group, _, own = h.rpartition(" | ")
        siblings = [o.rpartition(" | ")[2] for o in headers if group and o.startswith(group + " | ")]
        if MONEY_HEADER.search(own) or MONEY_HEADER.search(group) or any(MONEY_HEADER.search(x) for x in siblings) \
                or (not group and flat_money and not _PERFORMANCE.search(own)):
            out.add(h)
    return out


def _quantities(text: str) -> list[Token]:
    return [t for t in tokens(text) if not t.year]


def _label(row: Segment) -> str:
    return " ".join(c.text for c in row.cells if c.text and not tokens(c.text))


def _cell_starts(row: Segment) -> list[int]:
    starts, pos = [], 0
    for cell in row.cells:
        found = row.text.find(cell.text, pos) if cell.text else pos
        starts.append(max(found, 0))
        pos = max(found, 0) + len(cell.text)
    return starts


def _vertical_headers(segments: list[Segment], facts: Facts) -> dict[int, tuple[str, bool]]:
    """Segment index -> column header and whether it is a money column, for tables extracted one
    cell per line."""
    out: dict[int, tuple[str, bool]] = {}
    headers: list[str] = []
    run: list[str] = []
    i = 0
    while i < len(segments):
        seg = segments[i]
        text = seg.text.strip()
        if seg.is_row:
            headers, run = [], []
        elif len(text) <= 40 and not _quantities(text) and (has_cue(text) and not _YEAR_ONLY.match(text) or
                                                            _UNIT_ONLY.match(text)) and not facts.index.find(text):
            run.append(text)  # a column ("Realisasi 2023", "%"); "Tahun 2024" alone is a group over several
        elif len(text) <= 40 and not _quantities(text) and run and not facts.index.find(text):
            pass  # a label column ("Uraian", "Indikator Sasaran") or a group header ("Tahun 2024")
        else:
            if len(run) >= 3:
                headers = run
            run = []
            if len(text) > 120:
                headers = []
            if headers and facts.index.find(text) is not None:
                j = i + 1
                while j < len(segments) and not segments[j].is_row and \
                        _NUMBER_ONLY.match(segments[j].text.strip()) and tokens(segments[j].text):
                    j += 1
                if j - i - 1 == len(headers):
                    money = _money_columns(set(headers))
                    out.update({i + 1 + k: (h, h in money) for k, h in enumerate(headers)})
                i = j - 1 if j - i - 1 == len(headers) else i
        i += 1
    return out


def claims(doc: Document, facts: Facts) -> list[Claim]:
    walker = _Walker(doc, facts)
    out: list[Claim] = []
    segments = doc.segments
    i, prev_text = 0, None
    while i < len(segments):
        seg = segments[i]
        if seg.is_row:
            j = i
            while j < len(segments) and segments[j].is_row and segments[j].table_id == seg.table_id:
                j += 1
            out.extend(walker.table(segments[i:j]))
            i, prev_text = j, None
            continue
        out.extend(walker.text(seg, prev_text, i))
        prev_text = seg
        i += 1
    return out
