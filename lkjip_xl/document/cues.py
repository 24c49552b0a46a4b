"""Words that say what a number is: a column header ("Realisasi 2023", "SISA PAGU ANGGARAN (RP)"),
or the words before it in a sentence ("realisasi sebesar", "tercapai", "dengan alokasi"). They give
the attribute, the year and the budget version (murni/perubahan) a number speaks of."""
from __future__ import annotations

import re

WEIGHTED_NRR = frozenset({"nrr_tertimbang"})  # of an unsur, or their sum: not the IKM
# (pattern, attributes); the first alternative that matches at a place wins, so compounds come
# first. An empty set blocks: a difference, a cumulative or average figure, a weight.
_CUES: list[tuple[str, frozenset[str]]] = [
    (r"lebih\s*/?\s*\(?\s*kurang|efisiensi\s*\(?\s*rp|6\s*=\s*3\s*-\s*4", frozenset({"sisa"})),
    (r"efisiensi\s*%|7\s*=\s*6\s*/\s*3", frozenset({"sisa_persen"})),
    (r"nrr\s+tertimbang", WEIGHTED_NRR),
    (r"s\.\s?d\b|sampai\s+dengan|rata[\s-]*rata|naik|turun|meningkat|menurun|kenaikan|penurunan|selisih|"
     r"kondisi\s+awal|tertimbang|bobot|responden|periode\s+terakhir|dibagi|\btw\b|triwulan|semester",
     frozenset()),
    (r"realisasi\s+capaian", frozenset({"capaian", "realisasi"})),
    (r"realisasi\s*\(\s*%\s*\)", frozenset({"capaian"})),
    (r"realisasi\s+(anggaran|keuangan|belanja)|terealisasi|direalisasi\w*", frozenset({"realisasi"})),
    (r"(penyerapan|serapan|capaian)\s+(kinerja\s+)?(anggaran|keuangan)", frozenset({"persen"})),
    (r"target\s+keuangan|anggaran\s+setelah\s+perubahan|berubah\s+menjadi", frozenset({"pagu"})),
    (r"(target\s+(akhir\s+)?)?renstra", frozenset({"renstra"})),
    (r"efisiensi|sisa", frozenset({"sisa", "sisa_persen"})),
    (r"kemajuan", frozenset({"kemajuan"})),
    (r"\bnrr\b|nilai\s+rata", frozenset({"nrr"})),
    (r"anggaran|pagu|alokasi", frozenset({"pagu"})),
    (r"serapan|penyerapan", frozenset({"persen"})),
    (r"capaian|tercapai|pencapaian", frozenset({"capaian"})),
    (r"realisasi\w*|realsasi|menghasilkan\s+out\s?put|out\s?put", frozenset({"realisasi"})),
    (r"target|rencana\s+kinerja|rencana\s+kerja|rencana\s+laporan", frozenset({"target"})),
]
_CUE = re.compile("|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(_CUES)), re.I)
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_PREV = re.compile(r"tahun\s+(lalu|sebelumnya)", re.I)
_PERUBAHAN = re.compile(r"apbd[\s-]*p\b|p[\s-]*apbd|apbdp|perubahan|berubah\s+menjadi", re.I)
# a revision said after a number as a change to another ("berubah menjadi", "pada APBD-P menjadi")
_CHANGE = re.compile(r"berubah\s+menjadi|\S+(\s+\S+){0,2}?\s+menjadi\b", re.I)
_MURNI = re.compile(r"\bapbd\b(?![\s-]*p\b)|\bmurni\b|sebelum\s+perubahan|perjanjian\s+kinerja", re.I)
_DATE_RANGE = re.compile(r"(s\.?\s?d\.?|sampai\s+dengan)\s+(\d{1,2}\s+)?(januari|februari|maret|april|mei|juni|juli|"
                         r"agustus|september|oktober|november|nopember|desember)", re.I)

MONEY_HEADER = re.compile(r"\(\s*rp\.?\s*\)|\brp\b|anggaran|pagu|alokasi|keuangan|sisa|lebih", re.I)


def attrs_in(text: str) -> frozenset[str] | None:
    """The attributes the last cue in ``text`` names; an empty set blocks; None when no cue."""
    last = None
    for m in _CUE.finditer(text):
        last = _CUES[int(m.lastgroup[1:])][1]
    return last


def clause_attrs(clause: str) -> frozenset[str] | None:
    """The attributes of a number from the words just before it: the first cue of the clause
    ("efisiensi dari anggaran yang dialokasikan sebesar" is an efisiensi), blocked when a
    difference or a cumulative figure follows it ("capaian tahun 2023 naik sebesar")."""
    clause = _DATE_RANGE.sub(" ", clause)
    found = [_CUES[int(m.lastgroup[1:])][1] for m in _CUE.finditer(clause)]
    if not found:
        return None
    return frozenset() if any(f == frozenset() for f in found) else found[0]


def header_attrs(header: str) -> frozenset[str] | None:
    """A column's attributes: its own header row first, then the group headers above it
    (rows are joined with " | "); each read like a clause: its head word ("SISA PAGU
    ANGGARAN" is a sisa), blocked by a weight or a cumulative ("NRR Tertimbang")."""
    for part in reversed(header.split(" | ")):
        found = clause_attrs(part)
        if found is not None:
            return found
    return None


def has_cue(text: str) -> bool:
    return bool(_CUE.search(text) or _YEAR.search(text))


def year_in(text: str, years: dict[int, str]) -> str | None:
    """"cur"/"prev" for the last year of the report named in ``text`` ("tahun lalu" is "prev"); a
    year the workbooks do not hold blocks ("other")."""
    found = None
    for m in _YEAR.finditer(text):
        found = years.get(int(m.group(0)), "other")
    if _PREV.search(text):
        found = "prev"
    return found


def version_in(text: str) -> str | None:
    if _PERUBAHAN.search(text):
        return "perubahan"
    if _MURNI.search(text):
        return "murni"
    return None


def version_near(sentence: str, start: int, end: int) -> str | None:
    """The version a sentence says of the number at ``start:end``: the last said before it ("pada
    APBD murni ... Rp X yang kemudian pada APBD-P menjadi Rp Y"), else the first said after it,
    unless that is the change to a revision ("Rp X yang kemudian berubah menjadi Rp Y": X is murni);
    of two overlapping mentions the longer ("sebelum perubahan", "P-APBD")."""
    said = sorted((m.end(), m.end() - m.start(), version) for regex, version in ((_PERUBAHAN, "perubahan"),
                                                                                 (_MURNI, "murni"))
                  for m in regex.finditer(sentence))
    before = [x for x in said if x[0] <= start]
    after = [x for x in said if x[0] - x[1] >= end]
    if before:
        return before[-1][2]
    if not after:
        return None
    at, _, version = after[0]
    if version == "perubahan" and _CHANGE.match(sentence[at - after[0][1]:]):
        return "murni"  # "Rp X yang kemudian berubah menjadi Rp Y", "… pada APBD-P menjadi": X is before the change
    return version
