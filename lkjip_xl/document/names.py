"""Which workbook entity (programme, kegiatan, sub kegiatan, indicator, economic class, SKM unsur)
a piece of report text names, tolerantly: case, punctuation, stop words, spelling variants
("Pemerintah"/"Pemerintahan", "Ketenteraman"/"Ketentraman") and typing slips ("Faslilitasi") are
forgiven. A name matches when nearly all of its distinctive words are in the text (each word
weighted by how rare it is among the workbook's names); the longest such name wins, and a tie
between two entities is no match at all."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

# spelling variants seen in the reports, mapped to one form
_VARIANTS = {
    "pemerintahan": "pemerintah", "ketenteraman": "ketentraman", "penyelenggaran": "penyelenggaraan",
    "efektifitas": "efektivitas", "milyar": "miliar", "realsasi": "realisasi", "kab": "kabupaten",
    "antarasuku": "antarsuku", "intrasuku": "intrasuku", "trantib": "trantibum", "prasarana": "prasarana",
    "subkegiatan": "sub", "kelurahan": "kelurahan", "desa": "desa",
}
_STOP = frozenset(
    "dan di yang dalam pada untuk serta atau ke dari oleh ini itu tersebut dengan sebagai atas bagi "
    "guna melalui akan sesuai kepada adalah the of and program kegiatan sub indikator persentase "
    "jumlah nilai capaian kinerja".split())
LEVEL_WORDS = {"program": "program", "kegiatan": "kegiatan", "sub kegiatan": "sub_kegiatan"}
MATCH = 0.85  # share of a name's weight that must be found in the text
_WORD = re.compile(r"[a-z0-9]+")
# the budget's own name ("Anggaran Pendapatan dan Belanja Daerah") names no economic class
_APBD = re.compile(r"anggaran\s+pendapatan\s+dan\s+belanja\s+(daerah|negara)", re.I)


def words(text: str) -> list[str]:
    """Significant words of a name or a text, normalised."""
    out = []
    for w in _WORD.findall(text.lower()):
        w = _VARIANTS.get(w, w)
        if w not in _STOP and not w.isdigit():
            out.append(w)
    return out


@lru_cache(maxsize=200_000)
def same_word(a: str, b: str) -> bool:
    """Equal, or a typing slip of each other (long words only)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 2:
        return False
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.85


@dataclass
class Named:
    """Something the workbook names: ``key`` identifies it, ``names`` are its spellings."""

    key: tuple
    kind: str  # program, kegiatan, sub_kegiatan, indikator, belanja, unsur
    names: list[str]
    _words: list[frozenset] = field(default_factory=list, repr=False)


AMBIGUOUS = Named(("ambiguous",), "ambiguous", [])  # two entities equally named: neither


class NameIndex:
    def __init__(self, entities: list[Named]):
        self.entities = entities
        df: dict[str, int] = {}
        for e in entities:
            e._words = [frozenset(words(n)) for n in e.names if words(n)]
            for w in set().union(*e._words) if e._words else ():
                df[w] = df.get(w, 0) + 1
        n = max(len(entities), 1)
        self._cache: dict[tuple, Named | None] = {}
        self._idf = {w: math.log(1 + n / c) for w, c in df.items()}

    def _weight(self, w: str) -> float:
        return self._idf.get(w, math.log(1 + len(self.entities)))

    def _found(self, name: frozenset, text: set[str]) -> float:
        """The weight of the name's words found in the text (typing slips of long words too: same
        first letter, length within two)."""
        got = 0.0
        for w in name:
            if w in text or (len(w) >= 6 and any(
                    t[0] == w[0] and abs(len(t) - len(w)) <= 2 and same_word(w, t) for t in text)):
                got += self._weight(w)
        return got

    def find(self, text: str, *, kind_hint: str | None = None, label: bool = False,
             only_kind: str | None = None, share: float = MATCH) -> Named | None:
        """The entity ``text`` names, or None (nothing named, or two entities equally named).
        ``label``: ``text`` is a table cell, so the name must also make up half of it;
        ``only_kind``/``share``: look among one kind only, with a looser share of the name."""
        key = (text, kind_hint, label, only_kind, share)
        if key not in self._cache:
            self._cache[key] = self._find(set(words(_APBD.sub(" ", text))), kind_hint, label, only_kind, share)
        return self._cache[key]

    def _find(self, text_words: set[str], kind_hint, label, only_kind, share) -> Named | None:
        if not text_words:
            return None
        best: list[tuple[float, Named]] = []
        for e in self.entities:
            if only_kind and e.kind != only_kind:
                continue
            score = 0.0
            for name in e._words:
                total = sum(self._weight(w) for w in name)
                got = self._found(name, text_words)
                if not total:
                    continue
                if label and len(name) < 0.5 * len(text_words):
                    continue
                if got / total >= share:
                    score = max(score, got)
                elif len(text_words) >= 3 and _covers(text_words, name) and got / total >= 0.5:
                    score = max(score, got * 0.9)  # a label that is the start of a long name
            if score:
                best.append((score + (0.5 if kind_hint == e.kind else 0.0), e))
        if not best:
            return None
        best.sort(key=lambda x: -x[0])
        if len(best) > 1 and abs(best[0][0] - best[1][0]) < 1e-9 and best[0][1].key != best[1][1].key:
            return AMBIGUOUS
        return best[0][1]

    def named(self, text: str, *, label: bool = False) -> tuple[Named | None, bool]:
        """The entity and whether the text names it plainly: "Program Pemberdayaan Kelurahan"
        names a programme by a shortened name (found, but not plainly) rather than the kegiatan
        "Pemberdayaan Kelurahan" it spells out."""
        hint = kind_hint(text)
        found = self.find(text, kind_hint=hint, label=label)
        if found is AMBIGUOUS:
            return found, False
        if hint is None or found is None or found.kind == hint or (hint == "kegiatan" and found.kind == "sub_kegiatan"):
            return found, found is not None
        loose = self.find(text, only_kind=hint, share=0.45)
        return (None if loose is AMBIGUOUS else loose), False


def _covers(text_words: set[str], name: frozenset) -> bool:
    return all(any(same_word(t, w) for w in name) for t in text_words)


def kind_hint(text: str) -> str | None:
    """"Sub Kegiatan ...", "Kegiatan ...", "Program ..." at the start of a label or heading."""
    head = re.sub(r"^[\W\d]+", "", text.lower())[:20]
    for prefix in ("sub kegiatan", "kegiatan", "program"):
        if head.startswith(prefix):
            return LEVEL_WORDS[prefix]
    return None
