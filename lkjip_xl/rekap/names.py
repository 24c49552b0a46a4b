"""Names typed by different people, compared tolerantly.

Units, kabupaten/kota and indicators are matched on a *key*: case, accents, punctuation and
repeated spaces ignored, common abbreviations written out (``Kec.`` = Kecamatan, ``Kab.`` =
Kabupaten), a leading "Kecamatan" dropped from unit names, an acronym in brackets at the end of
an indicator name dropped (``Indeks Kepuasan Masyarakat (IKM)``). Indicator names whose keys
still differ by a typing slip (similarity ≥ 0,92 between names of 20+ characters with the same
digits) are grouped too; every spelling merged is listed in the rekap, so nothing is merged
unseen. Unit names are never matched by similarity: Medan Barat and Medan Baru are two kecamatan.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher

SIMILAR = 0.92
MIN_FUZZY_LENGTH = 20
_ABBREVIATIONS = {"kec": "kecamatan", "kab": "kabupaten", "prosentase": "persentase", "pemkot": "pemerintah kota",
                  "pemkab": "pemerintah kabupaten"}
_ACRONYM_AT_END = re.compile(r"\s*\(\s*[A-Za-z]{2,8}\s*\)\s*\.?\s*$")


def fold(text) -> str:
    """Lower case, no accents, letters/digits/% only, single spaces; abbreviations written out."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFKD", str(text))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    words = re.sub(r"[^0-9a-z%]+", " ", s).split()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def unit_key(name) -> str:
    key = fold(name)
    return key[len("kecamatan "):] if key.startswith("kecamatan ") else key


def region_key(name) -> str:
    return fold(name)


def indicator_key(name) -> str:
    return fold(_ACRONYM_AT_END.sub("", str(name or "")))


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _similar(a: str, b: str) -> bool:
    if min(len(a), len(b)) < MIN_FUZZY_LENGTH or _digits(a) != _digits(b):
        return False
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= SIMILAR


def group_indicators(names: list[str]) -> dict[str, str]:
    """Each spelling in ``names`` -> the display name of its group: its most frequent spelling,
    tidied (the first in sorted order on a tie)."""
    spellings = Counter(names)
    by_key: dict[str, Counter] = {}
    for name, n in spellings.items():
        by_key.setdefault(indicator_key(name), Counter())[name] += n
    groups: list[tuple[str, list[str]]] = []  # (representative key, member keys), most used first
    for key in sorted(by_key, key=lambda k: (-sum(by_key[k].values()), k)):
        home = next((g for g in groups if _similar(g[0], key)), None)
        if home is None:
            groups.append((key, [key]))
        else:
            home[1].append(key)
    out: dict[str, str] = {}
    for _, keys in groups:
        spelled = Counter()  # tidied spellings: no repeated spaces, no full stop at the end
        for k in keys:
            for name, n in by_key[k].items():
                spelled[tidy(name)] += n
        display = min(spelled, key=lambda s: (-spelled[s], s))
        for k in keys:
            for name in by_key[k]:
                out[name] = display
    return out


def tidy(name: str) -> str:
    return " ".join(str(name).split()).rstrip(" .")
