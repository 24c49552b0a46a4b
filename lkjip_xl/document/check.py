"""Check a report against its workbook: read both, tie every number to what the workbook knows,
report each disagreement where it stands, and count the coverage (checked / matched / unmatched)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..checks.engine import check_workbook
from ..calc.decimals import round_half_up
from ..findings import Finding, HasFindings, show_value
from ..i18n import Text
from .claims import Claim, claims
from .facts import build_facts
from .read import read_document
from .verdict import AGREE, UNMATCHED, Outcome, cell_of, claim_params, consistent_signs, judge


@dataclass
class DocumentResult(HasFindings):
    file: str
    workbook: str
    template_version: str | None
    findings: list[Finding]
    checked: int  # numbers read (quantities, not numbering, dates or years)
    matched: int  # tied to something the workbook knows (agreeing or not)
    numbers: list[dict] = field(default_factory=list, repr=False)  # each number: where, as printed, status

    @property
    def unmatched(self) -> int:
        return self.checked - self.matched

    @property
    def coverage(self) -> dict[str, int]:
        return {"checked": self.checked, "matched": self.matched, "unmatched": self.unmatched}

    def to_dict(self, lang: str = "id") -> dict:
        return {
            "file": self.file,
            "workbook": self.workbook,
            "template_version": self.template_version,
            "summary": self.summary,
            "coverage": self.coverage,
            "findings": [{**f.to_dict(lang), "location": f.params.get("location"),
                          "sentence": f.params.get("sentence"), "number": f.params.get("number"),
                          "source": f.params.get("source")} for f in self.findings],
        }


def _token_findings(claim: Claim) -> list[Finding]:
    """What is wrong with the printed number itself, whatever it speaks of."""
    t, seg = claim.token, claim.segment
    cell = cell_of(claim)
    base = claim_params(claim)
    out = []
    if t.malformed:
        reading = (Text(f"; dibaca sebagai {show_value(t.value, 'id')}", f"; read as {show_value(t.value, 'en')}")
                   if t.value is not None else Text(": tidak dapat dibaca sebagai jumlah", ": it reads as no amount"))
        out.append(Finding("DOC005", seg.part, cell, None, t.value, {**base, "reading": reading}))
    if t.words_raw is not None and t.value is not None:
        words = {**base, "words": t.words_raw}
        if t.words_value is None:
            out.append(Finding("DOC008", seg.part, cell, None, t.value, words))
        elif t.words_value not in (int(t.value), round_half_up(t.value, 0)):  # words say the rupiah: sen dropped or rounded
            out.append(Finding("DOC007", seg.part, cell, t.words_value, t.value, words))
    return out


def check_document(path: Path, workbook: Path, prev: Path | None = None) -> DocumentResult:
    """Raises (exit 2) only when the document or a workbook cannot be read."""
    document = read_document(Path(path))
    cur = check_workbook(Path(workbook))
    old = check_workbook(Path(prev)) if prev else None
    facts = build_facts(cur.context, old.context if old else None)
    found = claims(document, facts)
    outcomes = _partial_tables(consistent_signs([judge(claim, facts) for claim in found]))
    findings = [f for o in outcomes for f in _token_findings(o.claim) + o.findings] + _pictures(document) + _struck(document)
    matched = sum(o.status != UNMATCHED for o in outcomes)
    numbers = [{"part": o.claim.segment.part, "line": o.claim.segment.line_at(o.claim.token.start)
                or o.claim.segment.where.get("line"), "number": o.claim.token.raw, "status": o.status}
               for o in outcomes]
    return DocumentResult(str(path), str(workbook), cur.template_version, findings, len(found), matched, numbers)


_AMOUNTS = ("pagu", "realisasi", "sisa")
TABLE_WIDE_CM = 10  # a picture this wide may be a table or chart pasted as a picture (a logo is narrower)


def _pictures(document) -> list[Finding]:
    """A picture as wide as a table: what it prints is not read, and that is said (DOC010)."""
    return [Finding("DOC010", p.part, "", None, None, {"location": dict(p.where), "width": Text(show_value(p.where["width_cm"], "id"),
                                                              show_value(p.where["width_cm"], "en"))})
            for p in document.pictures if p.where["width_cm"] >= TABLE_WIDE_CM]


def _struck(document) -> list[Finding]:
    """Text struck through on a PDF's line: the old text of a tracked change printed beside the new
    one (DOC011); it is not read (glued to the new number, it made one of both)."""
    return [Finding("DOC011", s.part, f"baris {s.where['page_line']}" if "page_line" in s.where else "", None, s.text,
                    {"location": dict(s.where)}) for s in document.struck]


def _partial_tables(outcomes: list[Outcome]) -> list[Outcome]:
    """A table whose amounts mostly differ from the workbook's is about other money (one
    official's share in a cascaded Perjanjian Kinerja, a draft budget): its disagreements are
    not reported one by one but once, as DOC009, and its numbers count as unmatched."""
    by_table: dict[int, list[Outcome]] = {}
    for o in outcomes:
        if o.claim.segment.is_row and o.claim.strong:
            by_table.setdefault(o.claim.segment.table_id, []).append(o)
    for rows in by_table.values():
        amounts = [o for o in rows if any(f.params.get("attribute") in _AMOUNTS for f in o.findings)
                   or o.status == AGREE and o.claim.token.money]
        wrong = [o for o in amounts if any(f.code == "DOC001" for f in o.findings)]
        if len(wrong) >= 2 and len(wrong) * 2 > len(amounts):
            first = wrong[0].claim
            for o in wrong:
                o.findings, o.status = [], UNMATCHED
            wrong[0].findings = [Finding("DOC009", first.segment.part, "", None, len(wrong),
                                         {"location": dict(first.segment.where), "n": len(amounts)})]
    return outcomes

