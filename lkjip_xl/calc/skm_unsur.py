"""SKM unsur (PermenPAN-RB 14/2017): canonical codes, label variants, matching.

Unsur are matched by name, never by position: many questionnaires put
Sarana dan Prasarana at number 8.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Unsur", "UNSUR", "match_unsur", "match_unsur_loosely", "unsur_name"]


@dataclass(frozen=True)
class Unsur:
    """An SKM unsur: canonical code/name, label variants, English name, keywords."""

    code: str
    name: str
    variants: tuple[str, ...]
    name_en: str
    keywords: tuple[str, ...]


UNSUR: tuple[Unsur, ...] = (
    Unsur("U1", "Persyaratan", ("Persyaratan Pelayanan", "Kesesuaian Persyaratan"),
          "Requirements", ("persyaratan", "syarat", "requirements", "requirement")),
    Unsur("U2", "Sistem, Mekanisme, dan Prosedur",
          ("Sistem, Mekanisme, dan Prosedur Pelayanan", "Prosedur Pelayanan",
           "Sistem Mekanisme Prosedur"),
          "Systems, Mechanisms, and Procedures",
          ("prosedur", "mekanisme", "procedure", "procedures", "mechanisms")),
    Unsur("U3", "Waktu Penyelesaian", ("Waktu Penyelesaian Pelayanan", "Waktu Pelayanan",
                                      "Kecepatan Waktu"),
          "Completion Time", ("waktu", "kecepatan", "time")),
    Unsur("U4", "Biaya/Tarif", ("Biaya/ Tarif Pelayanan", "Biaya/Tarif Pelayanan",
                                "Biaya Tarif", "Kewajaran Biaya"),
          "Fees/Tariffs", ("biaya", "tarif", "fee", "fees", "tariff", "tariffs", "cost")),
    Unsur("U5", "Produk Spesifikasi Jenis Pelayanan",
          ("Produk Spesifikasi Jenis Pelayanan", "Produk Layanan", "Produk Pelayanan"),
          "Product Specification of Service Types", ("produk", "spesifikasi", "product")),
    Unsur("U6", "Kompetensi Pelaksana", ("Kompetensi Pelaksana Pelayanan",
                                        "Kemampuan Petugas"),
          "Competence of Implementers", ("kompetensi", "kemampuan", "competence")),
    Unsur("U7", "Perilaku Pelaksana", ("Perilaku Pelaksana Pelayanan",
                                      "Kesopanan dan Keramahan Petugas"),
          "Behaviour of Implementers",
          ("perilaku", "kesopanan", "keramahan", "behaviour", "behavior")),
    Unsur("U8", "Penanganan Pengaduan, Saran dan Masukan",
          ("Penanganan Pengaduan Pelayanan", "Penanganan Pengaduan",
           "Penanganan Pengaduan, Saran dan Masukan Pelayanan"),
          "Handling of Complaints, Suggestions and Feedback",
          ("pengaduan", "masukan", "keluhan", "complaint", "complaints")),
    Unsur("U9", "Sarana dan Prasarana", ("Sarana dan Prasarana Pelayanan", "Sarpras"),
          "Facilities and Infrastructure",
          ("sarana", "prasarana", "sarpras", "facilities", "infrastructure")),
)

_FILLER = {"pelayanan", "layanan", "dan", "the", "and", "of", "unsur"}
_CODE = re.compile(r"^\s*(?:u|unsur)\s*(?:ke\s*-?\s*)?([1-9])\b[\s.:)\-]*", re.IGNORECASE)
_NUMBERED = re.compile(r"^\s*[0-9]{1,2}\s*[.):]\s*|^\s*[0-9]{1,2}\s+(?=\D)")


def _tokens(text: str) -> tuple[str, ...]:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()  # é -> e
    words = re.sub(r"[^0-9a-z]+", " ", plain.lower()).split()
    return tuple(w for w in words if w not in _FILLER)


_BY_NAME = {_tokens(v): u.code for u in UNSUR for v in (u.name, u.name_en, *u.variants)}


def match_unsur(label: str) -> str | None:
    """Canonical code (``"U1"``..``"U9"``) of an unsur label, or None.

    Matches by name first (so a questionnaire with sarana at position 8
    still maps to U9), ignoring case, punctuation, spaces and the word
    "Pelayanan"; then by distinctive keywords; then by a bare code like
    ``U1`` / ``Unsur 1``. Keywords of two different unsur -> None.
    """
    if label is None:
        return None
    text = str(label)
    m = _CODE.match(text)
    rest = text[m.end():] if m else _NUMBERED.sub("", text)
    tokens = _tokens(rest)
    if tokens in _BY_NAME:
        return _BY_NAME[tokens]
    hits = {u.code for u in UNSUR if set(u.keywords) & set(tokens)}
    if len(hits) == 1:
        return hits.pop()
    if not tokens and m:
        return f"U{m.group(1)}"
    return None


_LOOSE_RATIO = 0.85  # "komptensi" for "kompetensi", "prasarna" for "prasarana": a letter or two


def match_unsur_loosely(label: str) -> str | None:
    """The unsur of a label with a typo: one of its words is within a letter or two of a
    distinctive keyword (five letters or more) of exactly one unsur; None otherwise."""
    if label is None:
        return None
    tokens = _tokens(str(label))
    hits = {u.code for u in UNSUR for t in tokens for k in u.keywords
            if len(k) >= 5 and len(t) >= 4 and difflib.SequenceMatcher(None, t, k).ratio() >= _LOOSE_RATIO}
    return hits.pop() if len(hits) == 1 else None


def unsur_name(code: str | None) -> str | None:
    return next((u.name for u in UNSUR if u.code == code), None)
