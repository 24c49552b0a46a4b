"""The signature blocks the report prints under its tables, from the Identitas sheet: place and
date, the head of the unit (position, name, rank, NIP) and, under the Perjanjian Kinerja, the
superior as pihak kedua on the left."""
from __future__ import annotations

import datetime as dt
import re

from ..findings import show_date
from .common import Book, tr
from .model import Signature, Signer


def date_text(value, lang: str) -> str | None:
    """15 Januari 2024 (a date), or the text as typed ("Januari 2024")."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return show_date(value, lang)
    text = str(value or "").strip()
    return text or None


def nip_text(value) -> str | None:
    """An 18-digit NIP as it is printed: 19790119 201001 1 007 (birth date, appointment, sex, number)."""
    text = re.sub(r"\s+", "", str(value or ""))
    if not text:
        return None
    if re.fullmatch(r"\d{18}", text):
        text = f"{text[:8]} {text[8:14]} {text[14]} {text[15:]}"
    return f"NIP. {text}"


def place_date(book: Book, lang: str, when=None) -> str | None:
    ident = book.form("identitas")
    place = str(ident.get("tempat") or "").strip()
    date = date_text(when if when is not None else ident.get("tanggal"), lang)
    parts = [p for p in (place, date) if p]
    return ", ".join(parts) or None


def head_signer(book: Book, heading: str | None = None) -> Signer | None:
    ident = book.form("identitas")
    name = str(ident.get("pimpinan_nama") or "").strip()
    if not name:
        return None
    return Signer(heading or str(ident.get("pimpinan_jabatan") or "").strip().upper(), name,
                  str(ident.get("pimpinan_pangkat") or "").strip() or None, nip_text(ident.get("pimpinan_nip")))


def superior_signer(book: Book, heading: str) -> Signer | None:
    ident = book.form("identitas")
    name = str(ident.get("atasan_nama") or "").strip()
    if not name:
        return None
    return Signer(heading, name, None, nip_text(ident.get("atasan_nip")))


def unit_signature(book: Book, lang: str) -> Signature | None:
    """The head of the unit signs (lampiran of the LKjIP): None when Identitas names nobody."""
    signer = head_signer(book)
    return Signature([signer], place_date(book, lang)) if signer else None


def pk_date(year: str, lang: str, perubahan: bool = False) -> str:
    """The date a PK is signed, which the workbook does not hold (Identitas *Tanggal
    penandatanganan* is the report's, signed after the year): the murni PK in January of its year
    ("Dumai, Januari 2023" in the Medang Kampai LKjIP 2023), the day left for the pen; a PK
    Perubahan after the APBD-P, so only its year."""
    return year if perubahan else tr(lang, f"Januari {year}", f"January {year}")


def agreement_signature(book: Book, lang: str, when: str) -> Signature | None:
    """Pihak kedua (the superior) on the left, pihak pertama (the head) on the right, under the
    PK's own date ``when`` (never the report's)."""
    ident = book.form("identitas")
    second = superior_signer(book, tr(lang, "Pihak Kedua,", "Second party,") + "\n"
                             + str(ident.get("atasan_jabatan") or "").strip().upper())
    first = head_signer(book, tr(lang, "Pihak Pertama,", "First party,") + "\n"
                        + str(ident.get("pimpinan_jabatan") or "").strip().upper())
    signers = [s for s in (second, first) if s is not None]
    return Signature(signers, place_date(book, lang, when)) if signers else None
