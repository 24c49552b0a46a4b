"""Names typed by different people, compared tolerantly.

Units, kabupaten/kota and indicators are matched on a *key*: case, accents, punctuation and
repeated spaces ignored, common abbreviations written out (``Kec.`` = Kecamatan, ``Kab.`` =
Kabupaten), a leading "Kecamatan" dropped from unit names, an acronym in brackets at the end of
an indicator name dropped (``Indeks Kepuasan Masyarakat (IKM)``).

A kabupaten/kota is its kind and its name: "Pemerintah Kota X", "Pemkot X", "Pemko X", "Kota X"
are one region, "Pemerintah Kabupaten X", "Pemkab X", "Kab. X", "Kabupaten X" another; a bare
"X" is "Kota X" or "Kabupaten X" when exactly one of the two is among the names read (Kota
Bekasi and Kabupaten Bekasi stay apart, and so does a bare "Bekasi" beside both).

Indicator names whose keys still differ are one indicator only when they differ by spelling:
the same once spaces are removed, or word for word the same up to a slip inside a word (a letter
added, dropped, changed, or two swapped, in words of 5+ letters without digits) or the suffix
-an (Pemerintah/Pemerintahan). A whole word more or less or another word ("tidak", "sangat",
perda/perkada) makes another indicator. Every spelling merged is listed in the rekap, so nothing
is merged unseen. Unit names are never matched by similarity: Medan Barat and Medan Baru are two
kecamatan.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

SLIP_MIN_LETTERS = 5  # a word shorter than this is never taken for a slip of another (baik/naik)
_ABBREVIATIONS = {"kec": "kecamatan", "kab": "kabupaten", "prosentase": "persentase", "pemkot": "pemerintah kota",
                  "pemko": "pemerintah kota", "pemkab": "pemerintah kabupaten", "kotamadya": "kota"}
_GOVERNMENT = ("pemerintah", "pemerintahan")
_REGION_KINDS = ("kota", "kabupaten")
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


def _region_parts(name) -> tuple[str, str]:
    """(kind, name): ("kota", "medan") for "Pemko Medan", ("", "medan") for a bare "Medan"."""
    words = fold(name).split()
    if len(words) > 1 and words[0] in _GOVERNMENT:
        words = words[1:]
    if len(words) > 1 and words[0] in _REGION_KINDS:
        return words[0], " ".join(words[1:])
    return "", " ".join(words)


def regions(names: list) -> tuple[list[str], dict[str, str]]:
    """The key of each kabupaten/kota in ``names`` (all the names read: a bare name is resolved
    among them), and each key's display name: a spelling naming the kind, the most used, the
    first on a tie."""
    parts = [_region_parts(n) for n in names]
    kinds: dict[str, set[str]] = {}
    for kind, bare in parts:
        if kind:
            kinds.setdefault(bare, set()).add(kind)
    keys = []
    for kind, bare in parts:
        if not kind and len(kinds.get(bare, ())) == 1:
            kind = next(iter(kinds[bare]))
        keys.append(f"{kind} {bare}".strip())
    used = Counter(zip(keys, names))
    ranked = sorted((not kind, -used[key, name], i, key, name)
                    for i, (key, name, (kind, _)) in enumerate(zip(keys, names, parts)) if name)
    display: dict[str, str] = {}
    for *_, key, name in ranked:
        display.setdefault(key, name)
    return keys, display


def indicator_key(name) -> str:
    return fold(_ACRONYM_AT_END.sub("", str(name or "")))


def _one_slip(a: str, b: str) -> bool:
    """One letter added, dropped or changed, or two neighbours swapped."""
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and (a[diff[0]], a[diff[1]]) == (b[diff[1]], b[diff[0]]))
    short, long_ = sorted((a, b), key=len)
    return len(long_) - len(short) == 1 and any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    if any(ch.isdigit() for ch in a + b):
        return False
    short, long_ = sorted((a, b), key=len)
    return long_ == short + "an" or (len(short) >= SLIP_MIN_LETTERS and _one_slip(a, b))


def _similar(a: str, b: str) -> bool:
    """Two indicator keys spelling one name (see the module's docstring)."""
    if a.replace(" ", "") == b.replace(" ", ""):
        return True
    wa, wb = a.split(), b.split()
    return len(wa) == len(wb) and all(_same_word(x, y) for x, y in zip(wa, wb))


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
