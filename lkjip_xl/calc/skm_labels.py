"""SKM answer labels (PermenPAN-RB 14/2017): the four labelled options of each unsur, scored 1–4
(a–d), and how a typed or exported answer is matched to them. Pure data and functions, no I/O.

The regulation's questionnaire gives each unsur its own four words ("Tidak sesuai .. Sangat
sesuai" for persyaratan, "Sangat mahal .. Gratis" for biaya). An office whose form used other words
declares them (:meth:`LabelSet.declare`): the unsur it declares then take only its words, the
others keep the regulation's. Option codes (1–4, a–d) are always accepted besides the labels.

Matching is tolerant of case, spacing and punctuation ("sangat  sesuai." is "Sangat sesuai"),
and of an option code written before the label ("a. Tidak sesuai", "4 - Sangat sesuai"): the code
must then agree with the label. A label of another unsur's scale (the columns were swapped, or a
form copied the wrong options) is told apart from a label that fits no scale.

Many forms give all nine questions one generic set of options (:data:`GENERIC_LABELS`: "Tidak
baik .. Sangat baik", "Tidak puas .. Sangat puas"). A set with ``generic`` (:data:`EXPORT_LABELS`,
for survey exports) reads them, scored by their place, for every unsur the office did not declare;
no generic label has another score in an unsur's own options, so the reading is unambiguous.
:data:`STANDARD` does not: the workbook's score formula reads the regulation's labels only.

The data (:data:`STANDARD_LABELS`, :meth:`LabelSet.options`) is what the workbook's SKM sheet
formulas will be generated from, so Excel counts exactly what Python counts.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Mapping

__all__ = [
    "STANDARD_LABELS", "GENERIC_LABELS", "OPTION_LETTERS", "LabelSet", "LabelMatch", "STANDARD",
    "EXPORT_LABELS", "normalise_label", "split_option",
]

#: the regulation's options per unsur, in score order 1..4 (a..d)
STANDARD_LABELS: Mapping[str, tuple[str, str, str, str]] = MappingProxyType({
    "U1": ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    "U2": ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
    "U3": ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
    "U4": ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
    "U5": ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    "U6": ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
    "U7": ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"),
    "U8": ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"),
    "U9": ("Buruk", "Cukup", "Baik", "Sangat baik"),
})
#: options many forms give every question, in score order 1..4
GENERIC_LABELS: tuple[tuple[str, str, str, str], ...] = (
    ("Tidak baik", "Kurang baik", "Baik", "Sangat baik"),
    ("Tidak puas", "Kurang puas", "Puas", "Sangat puas"),
)
STANDARD_SOURCE = "PermenPAN-RB 14/2017"
OPTION_LETTERS = ("a", "b", "c", "d")
_CODE_SCORE = {**{str(i): i for i in range(1, 5)}, **{c: i for i, c in enumerate(OPTION_LETTERS, start=1)}}

# an option code before the label: "a. ", "(b) ", "c) ", "4 - ", "d: ", "1 " (the code, then a
# separator or at least a space); the label must follow
_PREFIX = re.compile(r"^\s*\(?\s*([1-4a-dA-D])\s*(?:[.):\-–—=]+|\s)\s*(?=\S)")
# ... or after it: "Sangat sesuai (4)", "Sangat sesuai = d"
_SUFFIX = re.compile(r"(?<=\S)\s*(?:\(\s*([1-4a-dA-D])\s*\)|[=:\-–—]\s*([1-4a-dA-D]))\s*$")


def normalise_label(text: str) -> str:
    """The comparable form of a label: case, accents' width forms, spacing and punctuation
    ignored, ``&`` read as ``dan`` ("Sopan & Ramah." -> "sopan dan ramah")."""
    text = unicodedata.normalize("NFKC", str(text)).lower().replace("&", " dan ")
    return " ".join(re.sub(r"[^\w]+|_", " ", text).split())


_GENERIC = {normalise_label(label): i for labels in GENERIC_LABELS for i, label in enumerate(labels, start=1)}
# the words only a 5-point form of those sets has: such a form is rejected (five_point), not read
_FIVE_POINT = {"sangat tidak baik", "cukup baik", "sangat tidak puas", "cukup puas"}
# a generic label never means another score as one of an unsur's own options
assert all(_GENERIC.get(normalise_label(label), i) == i
           for labels in STANDARD_LABELS.values() for i, label in enumerate(labels, start=1))


def split_option(text: str) -> tuple[int | None, str]:
    """(score of an option code written with the label, the label without it):
    "a. Tidak sesuai" -> (1, "Tidak sesuai"); "Sangat sesuai (4)" -> (4, "Sangat sesuai");
    "Sesuai" -> (None, "Sesuai")."""
    m = _PREFIX.match(text)
    if m:
        return _CODE_SCORE[m.group(1).lower()], text[m.end():]
    m = _SUFFIX.search(text)
    if m:
        return _CODE_SCORE[(m.group(1) or m.group(2)).lower()], text[:m.start()]
    return None, text


@dataclass(frozen=True)
class LabelMatch:
    """The reading of one label answer: ``value`` 1..4, or ``problem`` with what explains it.

    problems: ``unknown_label`` (fits no option of its unsur), ``five_point`` (a word of a 5-point
    form of the generic labels: "Cukup puas"), ``other_scale`` (a label of
    ``others``' scale, not of its own unsur), ``option_conflict`` (the option code ``code``
    written with the label says another score than the label's ``label_value``)."""

    value: int | None
    problem: str | None = None
    others: tuple[str, ...] = ()
    code: int | None = None
    label_value: int | None = None


@dataclass(frozen=True)
class LabelSet:
    """Labels per unsur: ``scores[unsur][normalised label] = 1..4``; ``shown[unsur]`` keeps the
    labels as declared, by score (for messages, documentation and formulas); ``declared`` the
    unsur whose labels the office declared (they replace the regulation's); ``generic``: the
    other unsur read :data:`GENERIC_LABELS` too."""

    scores: Mapping[str, Mapping[str, int]]
    shown: Mapping[str, tuple[tuple[str, ...], ...]]
    declared: frozenset[str] = frozenset()
    source: str = STANDARD_SOURCE
    generic: bool = False

    @classmethod
    def standard(cls) -> "LabelSet":
        return cls.build({code: [(i, label) for i, label in enumerate(labels, start=1)]
                          for code, labels in STANDARD_LABELS.items()})

    @classmethod
    def build(cls, options: Mapping[str, list[tuple[int, str]]], declared: frozenset[str] = frozenset(),
              source: str = STANDARD_SOURCE, generic: bool = False) -> "LabelSet":
        """From (score, label) pairs per unsur; the first score given to a label wins (a declared
        set is validated before it gets here)."""
        scores: dict[str, dict[str, int]] = {}
        shown: dict[str, tuple[tuple[str, ...], ...]] = {}
        for code, pairs in options.items():
            by_score: list[list[str]] = [[] for _ in range(4)]
            table: dict[str, int] = {}
            for score, label in pairs:
                key = normalise_label(label)
                if key and key not in table:
                    table[key] = score
                    by_score[score - 1].append(" ".join(str(label).split()))
            scores[code] = MappingProxyType(table)
            shown[code] = tuple(tuple(x) for x in by_score)
        return cls(MappingProxyType(scores), MappingProxyType(shown), frozenset(declared), source, generic)

    def declare(self, options: Mapping[str, list[tuple[int, str]]], source: str) -> "LabelSet":
        """This set with the unsur of ``options`` replaced by the office's own labels."""
        merged = {code: [(i, label) for i, labels in enumerate(self.shown[code], start=1) for label in labels]
                  for code in self.scores if code not in options}
        merged.update(options)
        return LabelSet.build(dict(sorted(merged.items())), self.declared | frozenset(options), source,
                              self.generic)

    def options(self, unsur: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
        """(score, labels) of an unsur in score order: what a formula or a dropdown is built from."""
        return tuple((i, labels) for i, labels in enumerate(self.shown.get(unsur, ()), start=1))

    def describe(self, unsur: str) -> str:
        """"Tidak sesuai (1) / Kurang sesuai (2) / ..." for a message."""
        return " / ".join(f"{' | '.join(labels)} ({i})" for i, labels in self.options(unsur) if labels)

    def match(self, text: str, unsur: str) -> LabelMatch:
        """Read a label answer to ``unsur`` (a code U1..U9)."""
        if normalise_label(text) in _CODE_SCORE:  # "a.", "(b)", "4 )"
            return LabelMatch(_CODE_SCORE[normalise_label(text)])
        code, rest = split_option(text)
        generic = _GENERIC if self.generic and unsur not in self.declared else {}
        for candidate, code_ in ((text, None), (rest, code)):
            key = normalise_label(candidate)
            own = self.scores.get(unsur, {}).get(key, generic.get(key))
            if own is not None:
                if code_ is not None and code_ != own:
                    return LabelMatch(None, "option_conflict", code=code_, label_value=own)
                return LabelMatch(own)
        if code is not None and not normalise_label(rest):
            return LabelMatch(code)
        if generic and normalise_label(rest) in _FIVE_POINT:
            return LabelMatch(None, "five_point")
        keys = {normalise_label(text), normalise_label(rest)}
        others = tuple(u for u, table in self.scores.items() if u != unsur and keys & set(table))
        if others:
            return LabelMatch(None, "other_scale", others=others)
        return LabelMatch(None, "unknown_label")


STANDARD = LabelSet.standard()
EXPORT_LABELS = replace(STANDARD, generic=True)  # a survey export's default: the generic labels too
