"""SKM unsur (PermenPAN-RB 14/2017): canonical codes, label variants, matching.

Unsur are matched by name, never by position: many questionnaires put
Sarana dan Prasarana at number 8.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Unsur", "UNSUR", "match_unsur", "match_unsur_loosely", "unsur_name", "is_comment_header",
           "named_unsur"]


@dataclass(frozen=True)
class Unsur:
    """An SKM unsur: canonical code/name, label variants, English name, keywords, and phrases of
    questionnaires that name it (``sarana pengaduan`` is about complaints, U8, though ``sarana``
    is a keyword of U9; ``hasil pelayanan`` is U5's question without any U5 keyword)."""

    code: str
    name: str
    variants: tuple[str, ...]
    name_en: str
    keywords: tuple[str, ...]
    phrases: tuple[str, ...] = ()


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
          "Product Specification of Service Types", ("produk", "spesifikasi", "product"),
          ("hasil pelayanan", "hasil layanan")),
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
          ("pengaduan", "masukan", "keluhan", "complaint", "complaints"),
          ("sarana pengaduan", "fasilitas pengaduan", "media pengaduan", "saluran pengaduan",
           "prosedur pengaduan", "mekanisme pengaduan", "waktu penanganan pengaduan")),
    Unsur("U9", "Sarana dan Prasarana", ("Sarana dan Prasarana Pelayanan", "Sarpras"),
          "Facilities and Infrastructure",
          ("sarana", "prasarana", "sarpras", "facilities", "infrastructure"),
          ("fasilitas", "kenyamanan")),  # phrases, not keywords: no typo of "keamanan" reads as U9
)

_FILLER = {"pelayanan", "layanan", "dan", "the", "and", "of", "unsur"}
_CODE = re.compile(r"^\s*(?:u|unsur)\s*(?:ke\s*-?\s*)?([1-9])\b[\s.:)\-]*", re.IGNORECASE)
_NUMBERED = re.compile(r"^\s*[0-9]{1,2}\s*[.):]\s*|^\s*[0-9]{1,2}\s+(?=\D)")


def _words(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()  # é -> e
    return re.sub(r"[^0-9a-z]+", " ", plain.lower()).split()


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(w for w in _words(text) if w not in _FILLER)


_BY_NAME = {_tokens(v): u.code for u in UNSUR for v in (u.name, u.name_en, *u.variants)}


def match_unsur(label: str) -> str | None:
    """Canonical code (``"U1"``..``"U9"``) of an unsur label, or None.

    Matches by name first (so a questionnaire with sarana at position 8
    still maps to U9), ignoring case, punctuation, spaces and the word
    "Pelayanan"; then by distinctive keywords; then by a bare code like
    ``U1`` / ``Unsur 1``. Keywords of two different unsur are resolved by a phrase of one of
    them (``sarana pengaduan``: U8); still two, or a phrase against another's keyword -> None.
    """
    if label is None:
        return None
    text = str(label)
    m = _CODE.match(text)
    rest = text[m.end():] if m else _NUMBERED.sub("", text)
    tokens = _tokens(rest)
    if tokens in _BY_NAME:
        return _BY_NAME[tokens]
    hits = _named(rest, tokens)
    if len(hits) == 1:
        return hits.pop()
    if not tokens and m:
        return f"U{m.group(1)}"
    return None


def _named(text: str, tokens: tuple[str, ...]) -> set[str]:
    """The unsur a text names by keyword, narrowed by the phrases it holds."""
    words = f" {' '.join(_words(text))} "
    keyword = {u.code for u in UNSUR if set(u.keywords) & set(tokens)}
    phrase = {u.code for u in UNSUR if any(f" {p} " in words for p in u.phrases)}
    return (phrase & keyword) or (phrase | keyword)


def named_unsur(label: object) -> tuple[str, ...]:
    """The unsur a header names by keyword (narrowed by phrases), in code order: more than one is
    a header :func:`match_unsur` cannot read."""
    text = _NUMBERED.sub("", str(label))
    return tuple(sorted(_named(text, _tokens(text))))


# a free-text column of an export ("Kritik dan Saran", "Saran dan Masukan"): its header holds only
# these words; "masukan" alone is no U8 question (that names the handling: "penanganan pengaduan")
_COMMENT_WORDS = {"kritik", "saran", "masukan", "usul", "usulan", "komentar", "pesan", "kesan", "harapan",
                  "catatan", "tambahan", "perbaikan", "lainnya", "lain", "untuk", "atau", "anda", "saudara",
                  "kami", "kepada", "bagi", "ini", "unit", "kantor", "comments", "comment", "suggestions",
                  "suggestion", "feedback"} | _FILLER
_COMMENT_CORE = {"kritik", "saran", "masukan", "usul", "usulan", "komentar", "pesan", "comments", "comment",
                 "suggestions", "suggestion", "feedback"}


def is_comment_header(label: object) -> bool:
    """Whether a header names a free-text column (criticism, suggestions), not a question."""
    if label is None or _CODE.match(str(label)):
        return False
    words = set(_words(_NUMBERED.sub("", str(label))))
    return bool(words & _COMMENT_CORE) and words <= _COMMENT_WORDS


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
